"""Loading the shipped knowledge and the user's own files into one :class:`Knowledge`.

User entries override shipped ones with the same key (``number`` for documents,
``old_code`` for provinces, ``id`` for the rest) field by field; a field set to ``null``
is removed. An override keeps the shipped ``confirmed`` unless it sets it; a new entry
is confirmed unless it says ``confirmed: false``. A date the user writes is the user's
and no longer counts as unconfirmed, unless the entry lists it in ``unconfirmed_dates``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from tthc.i18n import T
from tthc.knowledge.base import Knowledge, SwitchedOff
from tthc.knowledge.documents import LegalDocument
from tthc.knowledge.errors import KnowledgeError
from tthc.knowledge.once_only import OnceOnlyType
from tthc.knowledge.reader import RawEntry, compatible, discriminator, read_file
from tthc.knowledge.schema import SECTIONS
from tthc.knowledge.targets import KNOWN_TARGETS, AllowedReason, Target, Targets
from tthc.knowledge.terms import Term
from tthc.knowledge.units import AbolishedLevel, Province
from tthc.model import DocKind
from tthc.text import doc_number_key

DATA_DIR = Path(__file__).parent / "data"
DATA_FILES = (
    "legal_documents.yaml",
    "legal_register.yaml",
    "terms.yaml",
    "units.yaml",
    "once_only.yaml",
    "targets.yaml",
)


def load_knowledge(extra_files: Sequence[Path] = (), *, include_unconfirmed: bool = False) -> Knowledge:
    """The shipped knowledge, extended and overridden by ``extra_files`` (in order).

    Raises KnowledgeError (``file:line: message``) for an invalid file.
    """
    if not extra_files:
        return _default_knowledge(include_unconfirmed)
    entries = list(_default_entries())
    for path in extra_files:
        entries.extend(read_file(Path(path)))
    files = (*_default_labels(), *(str(p) for p in extra_files))
    return build_knowledge(entries, include_unconfirmed=include_unconfirmed, files=files)


@lru_cache(maxsize=2)
def _default_knowledge(include_unconfirmed: bool) -> Knowledge:
    return build_knowledge(list(_default_entries()), include_unconfirmed=include_unconfirmed, files=_default_labels())


@lru_cache(maxsize=1)
def _default_entries() -> tuple[RawEntry, ...]:
    entries: list[RawEntry] = []
    for name, label in zip(DATA_FILES, _default_labels(), strict=True):
        entries.extend(read_file(DATA_DIR / name, label))
    return tuple(entries)


def _default_labels() -> tuple[str, ...]:
    return tuple(f"tthc/knowledge/data/{name}" for name in DATA_FILES)


def build_knowledge(
    entries: Sequence[RawEntry], *, include_unconfirmed: bool = False, files: tuple[str, ...] = ()
) -> Knowledge:
    merged = merge_entries(entries)
    on: dict[str, list[RawEntry]] = {name: [] for name in SECTIONS}
    off: list[SwitchedOff] = []
    for entry in merged:
        if entry.values.get("confirmed", True) or include_unconfirmed or entry.values.get("assumption"):
            on[entry.section].append(entry)
        else:
            off.append(SwitchedOff(entry.section, entry.identity, _source(entry.values), entry.origin))
    documents = _with_derived_repeals([_build(_document, e) for e in on["legal_documents"]])
    return Knowledge(
        legal_documents=tuple(documents),
        all_terms=tuple(_build(_term, e) for e in on["terms"]),
        abolished_levels=tuple(_build(_abolished_level, e) for e in on["abolished_levels"]),
        provinces=tuple(_build(_province, e) for e in on["provinces"]),
        once_only=tuple(_build(_once_only, e) for e in on["once_only"]),
        targets=Targets({e.identity: _build(_target, e) for e in on["targets"]}),
        include_unconfirmed=include_unconfirmed,
        files=files,
        switched_off=tuple(off),
    )


def merge_entries(entries: Sequence[RawEntry]) -> list[RawEntry]:
    """Entries with overrides applied, in first-seen order.

    Documents are matched by number and, where the number is shared ("02/2011/QH13": a law and
    a National Assembly resolution), by ``kind``: an override without a kind applies to the one
    document with that number, and must name the kind when there are several.
    """
    merged: dict[Slot, RawEntry] = {}
    slots: dict[tuple[str, str], list[Slot]] = {}
    for entry in entries:
        same = slots.setdefault((entry.section, entry.identity), [])
        slot = _slot(merged, same, entry)
        base = merged.get(slot)
        if base is None:
            _require_new(entry)
            merged[slot] = entry
            same.append(slot)
            continue
        if "imported" in entry.values and "imported" not in base.values:
            # an imported register (tthc knowledge import) fills gaps: the entry it meets keeps
            # its own dated, cited facts and its source
            values = {
                **{k: v for k, v in entry.values.items() if k not in ("source", "source_en", "imported")},
                **base.values,
            }
            merged[slot] = RawEntry(base.section, base.identity, values, base.file, base.line, base.lines)
            continue
        values = dict(base.values)
        unconfirmed = set(values.get("unconfirmed_dates") or ())
        for key, value in entry.values.items():
            values[key] = value
            unconfirmed.discard(key)
        if "unconfirmed_dates" not in entry.values:
            values["unconfirmed_dates"] = tuple(sorted(unconfirmed))
        values = {k: v for k, v in values.items() if v is not None}
        merged[slot] = RawEntry(entry.section, entry.identity, values, entry.file, entry.line, entry.lines)
        _require_new(merged[slot])
    return list(merged.values())


Slot = tuple[str, str, str | None, str | None, Any]


def _slot(merged: dict[Slot, RawEntry], same: list[Slot], entry: RawEntry) -> Slot:
    """Where an entry goes: the entry it overrides (among ``same``, the slots of its key), or a new slot.

    Documents sharing a number are told apart by kind, then issuer and issue date (local
    documents repeat numbers: "01/2025/NQ-HĐND" in every province). An entry overrides the one
    document its given fields fit; it is new when none fits, and must say more when several do.
    """
    if entry.section != "legal_documents":
        return (entry.section, entry.identity, None, None, None)
    mine = discriminator(entry.values)
    fits = [slot for slot in same if compatible(discriminator(merged[slot].values), mine)]
    if len(fits) == 1:
        return fits[0]
    if not fits or "imported" in entry.values:
        return (entry.section, entry.identity, *mine)
    kinds = ", ".join(str(merged[slot].values.get("kind")) for slot in fits)
    raise KnowledgeError(
        T(
            f"số '{entry.identity}' ứng với nhiều văn bản ({kinds}); ghi 'kind' (hoặc 'issuer', 'issued') để chọn văn bản cần sửa",
            f"number '{entry.identity}' names several documents ({kinds}); give 'kind' (or 'issuer', 'issued') to choose the one to change",
        ),
        entry.file,
        entry.line,
    )


def _require_new(entry: RawEntry) -> None:
    missing = [f for f in SECTIONS[entry.section].required_new if entry.values.get(f) in (None, ())]
    if missing:
        raise KnowledgeError(
            T(
                f"mục mới '{entry.identity}' thiếu: {', '.join(missing)}",
                f"new entry '{entry.identity}' lacks: {', '.join(missing)}",
            ),
            entry.file,
            entry.line,
        )


def _build(make: Any, entry: RawEntry) -> Any:
    """Build one dataclass, turning a bad value (e.g. a broken regex) into a KnowledgeError."""
    try:
        return make(entry.values, entry.origin)
    except (re.error, ValueError, TypeError, KeyError) as exc:
        line = entry.lines.get("variants") or entry.lines.get("id") or entry.line
        raise KnowledgeError(
            T(f"mục '{entry.identity}' không hợp lệ: {exc}", f"invalid entry '{entry.identity}': {exc}"),
            entry.file,
            line,
        ) from None


def _common(v: dict[str, Any], origin: str) -> dict[str, Any]:
    return {"source": _source(v), "confirmed": v.get("confirmed", True), "note": v.get("note"), "origin": origin}


def _source(v: dict[str, Any]) -> T:
    """An entry's citation in both languages: ``source`` and ``source_en`` (a file without
    ``source_en`` cites in its own words in English too)."""
    return T(v["source"], v.get("source_en") or v["source"])


def _dated(v: dict[str, Any]) -> dict[str, Any]:
    return {"unconfirmed_dates": frozenset(v.get("unconfirmed_dates") or ())}


def _document(v: dict[str, Any], origin: str) -> LegalDocument:
    number = v.get("number")
    return LegalDocument(
        key=number or v["id"],
        number=number,
        kind=DocKind(v["kind"]) if v.get("kind") else None,
        title=v.get("title"),
        issued=v.get("issued"),
        effective=v.get("effective"),
        expires=v.get("expires"),
        repealed_from=v.get("repealed_from"),
        replaced_by=v.get("replaced_by"),
        repealed_by=v.get("repealed_by"),
        amended_by=tuple(v.get("amended_by") or ()),
        temporary=v.get("temporary", False),
        year=v.get("year") or _year_of(number) or (v["issued"].year if v.get("issued") else None),
        status=v.get("status"),
        status_as_of=v.get("status_as_of"),
        repeal_article=v.get("repeal_article"),
        imported=v.get("imported"),
        issuer=v.get("issuer"),
        **_dated(v),
        **_common(v, origin),
    )


def _year_of(number: str | None) -> int | None:
    """The year written in a number ("42/2022/NĐ-CP" -> 2022), if any."""
    if not number:
        return None
    for part in number.split("/")[1:]:
        if part.strip().isdigit() and len(part.strip()) == 4:
            return int(part)
    return None


def _with_derived_repeals(documents: list[LegalDocument]) -> list[LegalDocument]:
    """Ends the register implies but does not state.

    - A replaced document without ``repealed_from`` ends when its successor starts (the
      successor's ``effective``, else ``issued``; the date is marked unconfirmed).
    - If the register does not date the successor (or does not know it), the document is
      "repealed, date unknown" — never silently in force — and not before the successor's year.
    - A law ("Luật X") whose register entry states no end is replaced by the next law of the
      same name when the register knows that law and its effective date (an inference, said so);
      a "Luật sửa đổi, bổ sung" amends and never replaces.
    """
    by_key: dict[str, list[LegalDocument]] = {}
    for d in documents:
        if d.number_key:
            by_key.setdefault(d.number_key, []).append(d)
    newer = _next_same_name_laws(documents)
    out = []
    for doc in documents:
        found = by_key.get(_key(doc.successor) or "", []) if doc.successor else []
        successor = found[0] if found else None
        start: dt.date | None = (successor.effective or successor.issued) if successor else None
        if doc.repealed_from is None and doc.successor and doc.expires is None:
            if start is not None:
                doc = dataclasses.replace(
                    doc, repealed_from=start, unconfirmed_dates=doc.unconfirmed_dates | {"repealed_from"}
                )
            else:
                year = _year_of(doc.successor)
                doc = dataclasses.replace(
                    doc, status="expired", end_not_before=dt.date(year, 1, 1) if year else doc.status_as_of
                )
        elif doc.repealed_from is None and doc.status == "expired" and doc.end_not_before is None:
            doc = dataclasses.replace(doc, end_not_before=doc.effective)
        law = newer.get(id(doc))
        if law is not None and _may_infer(doc, law):
            doc = dataclasses.replace(
                doc,
                replaced_by=law.number,
                repealed_from=law.effective,
                unconfirmed_dates=doc.unconfirmed_dates | {"repealed_from"},
                inferred=T(
                    f"suy ra: {law.label} là luật cùng tên ban hành sau, có hiệu lực từ {law.effective:%d/%m/%Y}",
                    f"inferred: {law.label} is the next law of the same name, in force from {law.effective:%d/%m/%Y}",
                ),
            )
        out.append(doc)
    return out


_LAW_KINDS = (DocKind.LAW, DocKind.CODE)
_AMENDING = re.compile(r"sửa\s+đổi|bổ\s+sung", re.IGNORECASE)
_TITLE_TAIL = re.compile(r"\s*(?:\(\s*)?(?:năm\s+)?(?:19|20)\d\d\s*\)?\s*$|\s+số\s+\S+.*$", re.IGNORECASE)


def _law_name(doc: LegalDocument) -> str | None:
    """ "Luật Quản lý thuế (2006)" -> key of "Luật Quản lý thuế"; None for an amending law."""
    if doc.kind not in _LAW_KINDS or not doc.title or _AMENDING.search(doc.title):
        return None
    from tthc.text import match_key

    return match_key(_TITLE_TAIL.sub("", doc.title)) or None


def _next_same_name_laws(documents: list[LegalDocument]) -> dict[int, LegalDocument]:
    """For each law, the next law of the same name with a known effective date (by id)."""
    groups: dict[str, list[LegalDocument]] = {}
    for doc in documents:
        name = _law_name(doc)
        if name:
            groups.setdefault(name, []).append(doc)
    out: dict[int, LegalDocument] = {}
    for laws in groups.values():
        if len(laws) < 2:
            continue
        laws.sort(key=lambda d: d.effective or d.issued or dt.date(d.year or 1, 1, 1))
        for old, new in itertools.pairwise(laws):
            if new.effective is not None and (old.year or 0) < (new.year or 0):
                out[id(old)] = new
    return out


def _may_infer(doc: LegalDocument, law: LegalDocument) -> bool:
    """Infer only where the register states no end, and no in-force status after the newer law starts."""
    if doc.successor or doc.repealed_from or doc.expires or doc.status in ("expired", "partly_expired"):
        return False
    return not (doc.status == "in_force" and doc.status_as_of and law.effective and doc.status_as_of >= law.effective)


def _key(number: str | None) -> str | None:
    return doc_number_key(number) if number else None


def _term(v: dict[str, Any], origin: str) -> Term:
    return Term(
        id=v["id"],
        category=v["category"],
        variants=tuple(v["variants"]),
        exclude=tuple(v.get("exclude") or ()),
        unless=tuple(v.get("unless") or ()),
        pattern_kind=v.get("pattern_kind", "phrase"),
        invalid_from=v.get("invalid_from"),
        reason=v.get("reason"),
        reason_en=v.get("reason_en"),
        replacement=v.get("replacement"),
        replacement_en=v.get("replacement_en"),
        fields=tuple(v.get("fields") or ()),
        **_dated(v),
        **_common(v, origin),
    )


def _abolished_level(v: dict[str, Any], origin: str) -> AbolishedLevel:
    return AbolishedLevel(
        id=v["id"],
        level=v["level"],
        abolished_from=v["abolished_from"],
        recommendation=v.get("recommendation"),
        recommendation_en=v.get("recommendation_en"),
        **_dated(v),
        **_common(v, origin),
    )


def _province(v: dict[str, Any], origin: str) -> Province:
    return Province(
        old_code=v["old_code"],
        old_name=v["old_name"],
        new_code=v["new_code"],
        new_name=v["new_name"],
        ceased=v["ceased"],
        variants=tuple(v.get("variants") or ()),
        effective=v.get("effective"),
        **_dated(v),
        **_common(v, origin),
    )


def _once_only(v: dict[str, Any], origin: str) -> OnceOnlyType:
    return OnceOnlyType(
        id=v["id"],
        name=v["name"],
        name_en=v.get("name_en"),
        variants=tuple(v["variants"]),
        exclude=tuple(v.get("exclude") or ()),
        unless=tuple(v.get("unless") or ()),
        pattern_kind=v.get("pattern_kind", "phrase"),
        database=v["database"],
        **_common(v, origin),
    )


def _target(v: dict[str, Any], origin: str) -> Target:
    if v["id"] not in KNOWN_TARGETS:
        raise ValueError(f"unknown target id; known: {', '.join(KNOWN_TARGETS)}")
    reasons = tuple(
        AllowedReason(r["id"], r["label"], tuple(r["variants"]), tuple(r.get("exclude") or ()))
        for r in v.get("reasons") or ()
    )
    return Target(
        id=v["id"],
        assumption=v.get("assumption", False),
        value=v.get("value"),
        unit=v.get("unit"),
        year=v.get("year"),
        from_year=v.get("from_year"),
        to_year=v.get("to_year"),
        applies_to=tuple(v.get("applies_to") or ()),
        reasons=reasons,
        hours=dict(v.get("hours") or {}),
        **_common(v, origin),
    )
