"""Merge catalogs: a province merger (2025), a ministry list plus a provincial list…

Procedures are the same when they have the same code (or, without a code, the same name
by :func:`tthc.text.match_key`). The same procedure written identically in several files
is kept once. Written differently, the first file's version stays in the catalog and
**every** version of each differing field goes to the catalog's ``conflicts`` section
(and the report), with the file it came from: nothing is dropped silently, an officer
decides. A conflict as written in YAML::

    conflicts:
      - code: '1.001193'
        name: Đăng ký khai sinh
        field: place
        label: Địa điểm thực hiện
        values:
          - {source: ha-nam.yaml, value: UBND xã …}
          - {source: ninh-binh.yaml, value: UBND phường …}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from tthc import fields
from tthc.i18n import T
from tthc.lifecycle.convert.represent import procedure_data
from tthc.model import Catalog, CatalogKind, Procedure
from tthc.text import match_key

# Vietnamese names of the YAML keys, for the conflict section and the report.
FIELD_LABELS = {f.key: f.vi for f in fields.FIELDS}
FIELD_TEXTS = {f.key: T(f.vi, f.en) for f in fields.FIELDS}


@dataclass(slots=True)
class Conflict:
    code: str | None
    name: str
    field: str
    values: list[tuple[str, Any]]  # (source file, the value as written in YAML; None = absent)

    @property
    def label(self) -> str:
        return FIELD_LABELS.get(self.field, self.field)

    @property
    def label_text(self) -> T:
        """The label in both languages (the terminal's table; the file keeps the Vietnamese)."""
        return FIELD_TEXTS.get(self.field, T(self.field, self.field))

    def to_data(self) -> dict[str, Any]:
        """The entry of the YAML ``conflicts:`` section."""
        out: dict[str, Any] = {"code": self.code, "name": self.name, "field": self.field, "label": self.label}
        out["values"] = [{"source": source, "value": value} for source, value in self.values]
        return {k: v for k, v in out.items() if v is not None}


@dataclass(slots=True)
class MergeResult:
    catalog: Catalog
    conflicts: list[Conflict] = field(default_factory=list)
    duplicates: int = 0  # identical procedures merged quietly
    counts: list[tuple[str, int]] = field(default_factory=list)  # (source, procedures read)


def source_name(catalog: Catalog) -> str:
    return PurePath(catalog.source_file).name if catalog.source_file else catalog.identity


def _key(p: Procedure) -> tuple[str, str]:
    if p.code and p.code.strip():
        return ("code", p.code.strip().upper())
    return ("name", match_key(p.name))


def merged_kind(catalogs: list[Catalog]) -> CatalogKind:
    """The kind all inputs share; a list (fewer required elements) when they differ."""
    kinds = {c.kind for c in catalogs}
    if len(kinds) == 1:
        return kinds.pop()
    return CatalogKind.INDEX if CatalogKind.INDEX in kinds else CatalogKind.PROVINCIAL_LIST


def merge_catalogs(
    catalogs: list[Catalog],
    *,
    name: str | None = None,
    issuer: str | None = None,
    locality: str | None = None,
) -> MergeResult:
    """One catalog from several; conflicts recorded in ``catalog.conflicts`` and returned."""
    out = Catalog(name=name, issuer=issuer, locality=locality, kind=merged_kind(catalogs), layout="merge")
    result = MergeResult(out)
    first: dict[tuple[str, str], tuple[Procedure, dict[str, Any], str]] = {}
    open_conflicts: dict[tuple[tuple[str, str], str], Conflict] = {}
    for catalog in catalogs:
        source = source_name(catalog)
        result.counts.append((source, len(catalog.procedures)))
        for entry in catalog.conflicts:  # conflicts of an earlier merge stay
            out.conflicts.append(entry)
        for p in catalog.procedures:
            key = _key(p)
            data = procedure_data(p)
            if key not in first:
                first[key] = (p, data, source)
                out.procedures.append(p)
                continue
            kept, kept_data, kept_source = first[key]
            if data == kept_data:
                result.duplicates += 1
                continue
            for name_ in _differing(kept_data, data):
                conflict = open_conflicts.get((key, name_))
                if conflict is None:
                    conflict = Conflict(kept.code, kept.name, name_, [(kept_source, kept_data.get(name_))])
                    open_conflicts[(key, name_)] = conflict
                    result.conflicts.append(conflict)
                conflict.values.append((source, data.get(name_)))
    out.conflicts.extend(c.to_data() for c in result.conflicts)
    return result


def _differing(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    keys = list(a) + [k for k in b if k not in a]
    return [k for k in keys if a.get(k) != b.get(k)]
