"""Model -> plain data in the tthc YAML format, in the simplest form that reads back the same.

Free text is what users write, so a value is written as its raw text whenever the
loader, reading that text again, builds exactly the same value ("05 ngày làm việc",
"Lệ phí: 50.000 đồng/hồ sơ", "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015…"). Where the
value carries more than its text (a fee whose amount was given apart from the text, a
document whose counts are not in its name…) it is written as a mapping with every field.

Each choice is checked by building the candidate with the loaders' own builder
(:func:`tthc.load.build.build_procedure`), so the writer cannot drift from the reader:
a value no candidate reproduces is written in its fullest form and reported as a loss.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from tthc import fields
from tthc.lifecycle.convert.plain import plain
from tthc.load.base import IssueSink
from tthc.load.build import build_procedure
from tthc.load.excel import workbook_layout as wl
from tthc.load.record import RawRecord
from tthc.model import (
    Agency,
    Catalog,
    CatalogKind,
    Channel,
    Decision,
    DocumentRequirement,
    Duration,
    Fee,
    LegalRef,
    OnlineService,
    Procedure,
    Result,
    SourceRef,
    Volume,
)
from tthc.parse.document import parse_document

_SRC = SourceRef("<tthc>")
MECHANISM_LABELS = {value: label for label, value in wl.MECHANISM_CHOICES}
ONLINE_LABELS = {value: label for label, value in wl.ONLINE_CHOICES}


class Flow(dict):
    """A mapping written on one line ({year: 2020, dossiers: 6})."""


class Loss:
    """Values no form of the format reproduces exactly (written in their fullest form)."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str, str]] = []  # (procedure label, field, value)

    def add(self, p: Procedure, field: str, value: object) -> None:
        self.items.append((p.label, field, str(value)))


# -- checking a candidate against the builder -------------------------------------------


def rebuild(values: dict[str, Any]) -> Procedure:
    """A procedure built from record values, as a loader would build it."""
    record = RawRecord(_SRC, {"name": "thủ tục", **values})
    built = build_procedure(record, IssueSink())
    assert built is not None
    return built


def first_faithful(candidates: Iterable[Any], build: Callable[[Any], Any], want: Any) -> tuple[Any, bool]:
    """The first candidate whose rebuilt value equals ``want`` (positions ignored), else the
    last candidate and False."""
    target = plain(want)
    last = None
    for candidate in candidates:
        if candidate is None:
            continue
        last = candidate
        if plain(build(candidate)) == target:
            return candidate, True
    return last, False


# -- scalars ---------------------------------------------------------------------------


def number(value: float | int | Decimal | None) -> int | float | Decimal | None:
    """Whole numbers without ".0"."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return value
    if float(value).is_integer():
        return int(value)
    return value


def _drop_none(mapping: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if v is not None and v != [] and v != {}}


def decision_data(d: Decision | None) -> dict[str, Any] | None:
    if d is None or (d.number is None and d.date is None):
        return None
    return _drop_none({"number": d.number, "date": d.date})


# -- parts -----------------------------------------------------------------------------


def duration_data(d: Duration) -> Any:
    return _drop_none(
        {
            "raw": d.raw,
            "status": d.status.value,
            "working_days": number(d.working_days),
            "days": number(d.days),
            "hours": number(d.hours),
            "months": number(d.months),
            "note": d.note,
        }
    )


def fee_data(f: Fee) -> dict[str, Any]:
    return _drop_none(
        {
            "raw": f.raw,
            "status": f.status.value,
            "kind": f.kind,
            "amount": f.amount,
            "currency": f.currency,
            "per": f.per,
            "note": f.note,
        }
    )


def duration_repr(d: Duration, loss: Loss, p: Procedure) -> Any:
    value, ok = first_faithful(
        (d.raw, duration_data(d)), lambda c: rebuild({"processing_time": c}).channels[0].processing_time, d
    )
    if not ok:
        loss.add(p, "processing_time", d.raw)
    return value


def fee_repr(f: Fee, loss: Loss, p: Procedure) -> Any:
    value, ok = first_faithful((f.raw, fee_data(f)), lambda c: rebuild({"fees": c}).channels[0].fees, [f])
    if not ok:
        loss.add(p, "fees", f.raw)
    return value


def fees_repr(fees: list[Fee], loss: Loss, p: Procedure) -> Any:
    items = [fee_repr(f, loss, p) for f in fees]
    return items[0] if len(items) == 1 else items


def channel_data(c: Channel, loss: Loss, p: Procedure) -> dict[str, Any]:
    method = c.method_raw
    if method is None and c.method is not None:
        method = c.method.value
    return _drop_none(
        {
            "method": method,
            "processing_time": duration_repr(c.processing_time, loss, p) if c.processing_time else None,
            "fees": fees_repr(c.fees, loss, p) if c.fees else None,
            "description": c.description,
        }
    )


def is_shorthand(channels: list[Channel]) -> bool:
    """One channel with no method: written as ``processing_time:`` / ``fees:`` of the procedure."""
    if len(channels) != 1:
        return False
    c = channels[0]
    return (
        c.method is None
        and c.method_raw is None
        and c.description is None
        and (c.processing_time is not None or bool(c.fees))
    )


def copy_kind_data(d: DocumentRequirement) -> Any:
    kinds = [k.value for k in d.copy_kinds] or ([d.copy_kind.value] if d.copy_kind else [])
    if not kinds:
        return None
    return kinds[0] if len(kinds) == 1 else kinds


def document_full(d: DocumentRequirement) -> dict[str, Any]:
    return _drop_none(
        {
            "code": d.code,
            "name": d.name,
            "originals": d.originals,
            "copies": d.copies,
            "copy_kind": copy_kind_data(d),
            "form": d.form,
            "note": d.note,
            "raw": d.raw,
            "group": d.group,
        }
    )


def document_min(d: DocumentRequirement) -> dict[str, Any]:
    """The name plus only what reading the name alone would not give."""
    parsed = document_full(parse_document(d.name))
    full = document_full(d)
    return {k: v for k, v in full.items() if k == "name" or parsed.get(k) != v}


def counts_text(d: DocumentRequirement) -> str | None:
    """The counts as a dossier table's "Số lượng" cell writes them ("0 bản chính,1 bản sao")."""
    parts = [f"{n} {word}" for n, word in ((d.originals, "bản chính"), (d.copies, "bản sao")) if n is not None]
    return ",".join(parts) or None


def document_row_form(d: DocumentRequirement) -> dict[str, Any] | None:
    """The line as written with its counts apart, as a dossier table gives them (a name cell
    and a "Số lượng" cell), plus only what reading those two would not give."""
    counts = counts_text(d)
    if d.raw is None or counts is None:
        return None
    parsed = document_full(parse_document(d.raw, counts))
    full = {k: v for k, v in document_full(d).items() if k not in ("name", "originals", "copies", "raw")}
    extra = {k: v for k, v in full.items() if parsed.get(k) != v}
    return {"name": d.raw, "counts": counts, **extra}


def document_repr(d: DocumentRequirement, loss: Loss, p: Procedure) -> Any:
    candidates = [
        d.raw,
        d.name if d.raw in (None, d.name) else None,
        document_min(d),
        document_row_form(d),
        document_full(d),
    ]
    value, ok = first_faithful(candidates, lambda c: rebuild({"documents": [c]}).documents, [d])
    if not ok:
        loss.add(p, "documents", d.raw or d.name)
    return value


def result_repr(r: Result) -> Any:
    if r.code is None and r.validity is None:
        return r.name
    return _drop_none({"code": r.code, "name": r.name, "validity": r.validity})


def legal_full(r: LegalRef) -> dict[str, Any]:
    return _drop_none(
        {
            "number": r.number,
            "kind": r.kind.value if r.kind else None,
            "title": r.title,
            "issuer": r.issuer,
            "issued": r.issued,
            "effective": r.effective,
            "article": r.article,
            "raw": r.raw,
        }
    )


def legal_row_cells(r: LegalRef) -> dict[str, Any] | None:
    """A reference read from a table row ("12 | Quyết định số 12/2021/QĐ-TTg …"): its own cells
    again (số ký hiệu, trích yếu), so the builder derives the same number and note from them."""
    if " | " not in r.raw:
        return None
    number, title = r.raw.split(" | ", 1)
    return _drop_none({"number": number, "title": title, "issued": r.issued, "issuer": r.issuer})


def legal_repr(r: LegalRef, loss: Loss, p: Procedure) -> Any:
    full = legal_full(r)
    without_raw = {k: v for k, v in full.items() if k != "raw"}
    value, ok = first_faithful(
        (r.raw, without_raw, legal_row_cells(r), full), lambda c: rebuild({"legal_basis": [c]}).legal_basis, [r]
    )
    if not ok:
        loss.add(p, "legal_basis", r.raw)
    return value


def online_repr(s: OnlineService, loss: Loss, p: Procedure) -> Any:
    full = _drop_none({"level": s.level.value, "raw": s.raw, "legacy_level": s.legacy_level})
    value, ok = first_faithful((s.raw, full), lambda c: rebuild({"online_service": c}).online_service, s)
    if not ok:
        loss.add(p, "online_service", s.raw or s.level.value)
    return value


def agencies_repr(agencies: list[Agency]) -> Any:
    roles = [a.role.value for a in agencies]
    if all(r == "implementing" for r in roles):
        return [a.name for a in agencies]
    grouped = [r for i, r in enumerate(roles) if i == 0 or roles[i - 1] != r]
    if len(grouped) == len(set(grouped)):  # each role's agencies written together
        out: dict[str, Any] = {}
        for a in agencies:
            out.setdefault(a.role.value, []).append(a.name)
        return {role: names[0] if len(names) == 1 else names for role, names in out.items()}
    return [a.name if a.role.value == "implementing" else {"name": a.name, "role": a.role.value} for a in agencies]


def levels_repr(p: Procedure) -> Any:
    raw = p.levels_raw
    if raw is None:
        return None
    parts = raw.split("; ")
    candidates = [parts if len(parts) > 1 and all(parts) else None, raw]
    value, _ = first_faithful(candidates, lambda c: _levels_of(rebuild({"levels": c})), _levels_of(p))
    return value


def _levels_of(p: Procedure) -> tuple:
    return (tuple(p.levels), p.levels_raw)


def volume_repr(v: Volume) -> Any:
    if v.online_per_year is None and not v.history and v.dossiers_per_year is not None:
        return v.dossiers_per_year
    history = [Flow(_drop_none({"year": y.year, "dossiers": y.dossiers, "online": y.online})) for y in v.history]
    return _drop_none(
        {"dossiers_per_year": v.dossiers_per_year, "online_per_year": v.online_per_year, "history": history}
    )


# -- procedure and catalog -------------------------------------------------------------


def _shorthand_time(p: Procedure, loss: Loss) -> Any:
    c = p.channels[0] if is_shorthand(p.channels) else None
    return duration_repr(c.processing_time, loss, p) if c and c.processing_time else None


def _shorthand_fees(p: Procedure, loss: Loss) -> Any:
    c = p.channels[0] if is_shorthand(p.channels) else None
    return fees_repr(c.fees, loss, p) if c and c.fees else None


# How each structured field is written (tthc.fields: text, lines and date fields need no entry).
_WRITE: dict[str, Callable[[Procedure, Loss], Any]] = {
    "levels": lambda p, loss: levels_repr(p),
    "agencies": lambda p, loss: agencies_repr(p.agencies) if p.agencies else None,
    "channels": lambda p, loss: None if is_shorthand(p.channels) else [channel_data(c, loss, p) for c in p.channels],
    "processing_time": _shorthand_time,
    "fees": _shorthand_fees,
    "online_service": lambda p, loss: online_repr(p.online_service, loss, p) if p.online_service else None,
    "documents": lambda p, loss: [document_repr(d, loss, p) for d in p.documents],
    "results": lambda p, loss: [result_repr(r) for r in p.results],
    "legal_basis": lambda p, loss: [legal_repr(r, loss, p) for r in p.legal_basis],
    "mechanism": lambda p, loss: MECHANISM_LABELS[p.mechanism.value] if p.mechanism else None,
    "volume": lambda p, loss: volume_repr(p.volume) if p.volume is not None else None,
    "decision": lambda p, loss: decision_data(p.decision),
    "extra": lambda p, loss: dict(p.extra) if p.extra else None,
}


def procedure_data(p: Procedure, loss: Loss | None = None) -> dict[str, Any]:
    """One procedure as a YAML mapping, keys in the format's documented order (the vocabulary's)."""
    loss = loss if loss is not None else Loss()
    out: dict[str, Any] = {}
    for f in fields.FIELDS:
        write = _WRITE.get(f.key)
        if write is not None:
            out[f.key] = write(p, loss)
        elif f.type == fields.LINES:
            out[f.key] = list(getattr(p, f.key))
        else:
            out[f.key] = getattr(p, f.key)
    result = {k: v for k, v in out.items() if v is not None and v != []}
    if p.volume is not None and "volume" not in result:
        result["volume"] = {}  # an empty volume mapping, kept as written
    return result


def catalog_meta(c: Catalog) -> dict[str, Any]:
    return _drop_none(
        {
            "name": c.name,
            "issuer": c.issuer,
            "locality": c.locality,
            "kind": c.kind.value if c.kind is not CatalogKind.FULL else "full",
            "decision": decision_data(c.decision),
            "id": c.id,
        }
    )


def to_builtin(value: Any) -> Any:
    """Free-form data (the conflicts section) -> plain containers of text.

    Scalars become text as the YAML loader reads them back, so writing, reading and
    writing again gives the same file."""
    if isinstance(value, dict):
        return {str(k): to_builtin(v) for k, v in value.items() if k != "__source__"}
    if isinstance(value, (list, tuple)):
        return [to_builtin(v) for v in value]
    if value is None or isinstance(value, str):
        return None if value is None else str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)
