"""Build the model from raw records: the one place free text becomes values.

Every loader (YAML, portal export, annex, full workbook) hands its records here, so a
fee, a time or a legal reference reads the same whatever the layout. Values a parser
cannot read stay raw in the model and are reported as warnings with their position.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import ModuleType
from typing import Any

from tthc import fields
from tthc.fields import FIELD_BY_KEY
from tthc.i18n import tr
from tthc.load.base import IssueSink, LoadResult
from tthc.load.build import agencies, channels, documents, extra, legal, online, results, scalars, volume
from tthc.load.build.scalars import _catalog_kind, _decision, _text, report_controls
from tthc.load.record import CATALOG_FIELDS, RawRecord
from tthc.model import Catalog, Procedure, SourceRef

__all__ = ["build_catalog", "build_procedure", "report_controls"]

# The builder part that fills each field (tthc.fields: a field's `part`). Each module has
# fill(procedure, field, value, position, sink); the channels part reads the record's
# channels, processing_time and fees together.
PARTS: dict[str, ModuleType] = {
    fields.SCALARS: scalars,
    fields.AGENCIES: agencies,
    fields.CHANNELS: channels,
    fields.ONLINE: online,
    fields.DOCUMENTS: documents,
    fields.RESULTS: results,
    fields.LEGAL: legal,
    fields.VOLUME: volume,
    fields.EXTRA: extra,
}
CHANNEL_KEYS = tuple(f.key for f in fields.FIELDS if f.part == fields.CHANNELS)


def build_catalog(
    meta: Mapping[str, Any],
    records: list[RawRecord],
    *,
    source_file: str,
    layout: str,
    sink: IssueSink,
    consume: bool = False,
) -> LoadResult:
    """The catalog of a file: metadata plus every record that has a name.

    ``consume=True`` empties ``records`` as it goes, so that each raw record is freed once its
    procedure is built (a large file's raw text is then never held twice)."""
    meta_source = SourceRef(source_file)
    for key in CATALOG_FIELDS:
        if meta.get(key) is not None:
            report_controls(meta[key], f"catalog.{key}", meta_source, sink)
    catalog = Catalog(
        name=_text(meta.get("name"), "name", meta_source, sink),
        issuer=_text(meta.get("issuer"), "issuer", meta_source, sink),
        locality=_text(meta.get("locality"), "locality", meta_source, sink),
        kind=_catalog_kind(meta.get("kind"), meta_source, sink),
        decision=_decision(meta.get("decision"), meta_source, sink),
        source_file=source_file,
        layout=layout,
        conflicts=list(meta.get("conflicts") or []),
        id=_text(meta.get("id"), "id", meta_source, sink),
    )
    if consume:
        records.reverse()
    for record in _drained(records) if consume else records:
        procedure = build_procedure(record, sink)
        if procedure is not None:
            catalog.procedures.append(procedure)
    return LoadResult(catalog, sink.issues)


def _drained(records: list[RawRecord]) -> Iterator[RawRecord]:
    """The records of a reversed list, each taken out of it before it is built."""
    while records:
        yield records.pop()


def build_procedure(record: RawRecord, sink: IssueSink) -> Procedure | None:
    v = record.values

    def where(name: str) -> SourceRef:
        return record.sources.get(name, record.source)

    name = _text(v.get("name"), "name", where("name"), sink)
    if name is None and isinstance(v.get("name"), (list, tuple, Mapping)):
        return None  # already reported as the wrong type
    if name is None:
        code = _text(v.get("code"), "code", where("code"), sink)
        sink.error(
            "missing-name",
            tr(
                f"thủ tục {code or ''} không có tên; thêm tên thủ tục (name / Tên TTHC)".replace("  ", " "),
                f"procedure {code or ''} has no name; add its name (name / Tên TTHC)".replace("  ", " "),
            ),
            where("name"),
        )
        return None
    # the record's own dict: a record is built once and dropped (no copy per procedure)
    p = Procedure(name=name, source=record.source, sources=record.sources)
    for key, value in v.items():
        if value is not None:
            report_controls(value, key, record.sources.get(key, record.source), sink)
    for key, value in v.items():  # only the fields the record has: most are absent
        f = FIELD_BY_KEY.get(key)
        if value is None or f is None or key == "name" or f.part == fields.CHANNELS:
            continue
        PARTS[f.part].fill(p, f, value, record.sources.get(key, record.source), sink)
    if any(key in v for key in CHANNEL_KEYS):  # the channels and their shorthands, read together
        p.channels = channels.read(v, where, sink)
    return p
