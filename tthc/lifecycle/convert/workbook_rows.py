"""What goes in which cell of the full workbook, checked against the Excel loader.

For each procedure: its "Thủ tục" row and its rows on every child sheet, as texts,
dates and numbers keyed by layout column (:mod:`tthc.load.excel.workbook_layout`). Each cell
text is read the way the Excel loader reads it (:mod:`tthc.load.excel.cells`, the child
rows as ``ChildRows`` hands them over) and built with the loaders' builder; what would
come back different is recorded in a :class:`~tthc.lifecycle.convert.represent.Loss`. Where one
cell cannot hold a value exactly, the layout's other places are used: fees on the
"Phí, lệ phí" sheet, unidentified legal references as text in the "Căn cứ pháp lý"
column of the "Thủ tục" sheet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from tthc import fields
from tthc.lifecycle.convert.plain import plain
from tthc.lifecycle.convert.represent import (
    MECHANISM_LABELS,
    ONLINE_LABELS,
    Loss,
    document_row_form,
    first_faithful,
    is_shorthand,
    legal_row_cells,
    rebuild,
)
from tthc.load.excel import workbook_layout as wl
from tthc.model import Catalog, CatalogKind, Channel, DocumentRequirement, Fee, LegalRef, Procedure

LABEL = {
    "method": {v: label for label, v in wl.METHOD_CHOICES},
    "role": {v: label for label, v in wl.AGENCY_ROLE_CHOICES},
    "doc_kind": {v: label for label, v in wl.DOC_KIND_CHOICES},
    "copy_kind": {v: label for label, v in wl.COPY_KIND_CHOICES},
    "catalog_kind": {v: label for label, v in wl.CATALOG_KIND_CHOICES},
}


def fees_cell(fees: list[Fee]) -> tuple[str, bool]:
    """Fees one per line when the builder reads them back so, else separated by "; "."""
    raws = [f.raw for f in fees]
    return first_faithful(("\n".join(raws), "; ".join(raws)), lambda c: rebuild({"fees": c}).channels[0].fees, fees)


def online_cell(p: Procedure) -> str | None:
    s = p.online_service
    if s is None:
        return None
    return s.raw or ONLINE_LABELS.get(s.level.value, s.level.value)


# The "Thủ tục" cells of structured fields and of the columns that fill part of one (tthc.fields:
# text, lines and date fields need no entry).
_CELL: dict[str, Callable[[Procedure], Any]] = {
    "levels": lambda p: p.levels_raw,
    "online_service": online_cell,
    "mechanism": lambda p: MECHANISM_LABELS[p.mechanism.value] if p.mechanism else None,
    "decision_number": lambda p: p.decision.number if p.decision else None,
    "decision_date": lambda p: p.decision.date if p.decision else None,
    "dossiers_per_year": lambda p: p.volume.dossiers_per_year if p.volume else None,
    "online_per_year": lambda p: p.volume.online_per_year if p.volume else None,
    "notes": lambda p: p.notes,
    "legal_basis": lambda p: "\n".join(r.raw for r in p.legal_basis[: legal_split(p)]) or None,
    "processing_time": lambda p: None,  # below: only for a procedure without channels
    "fees": lambda p: None,
}


def procedure_row(p: Procedure, loss: Loss) -> dict[str, Any]:
    """The "Thủ tục" row of a procedure, by layout column key."""
    row: dict[str, Any] = {}
    for col in wl.PROCEDURES.columns:
        cell = _CELL.get(col.key)
        if cell is not None:
            row[col.key] = cell(p)
        elif col.kind == "lines":
            row[col.key] = "\n".join(getattr(p, col.key))
        else:
            row[col.key] = getattr(p, col.key)
    if is_shorthand(p.channels):
        c = p.channels[0]
        row["processing_time"] = c.processing_time.raw if c.processing_time else None
        if c.fees and not fees_on_sheet(p):
            row["fees"], _ = fees_cell(c.fees)
    _check(p, row, loss)
    return row


def fees_on_sheet(p: Procedure) -> bool:
    """The fees of a procedure without channels go to the "Phí, lệ phí" sheet (rows for every
    channel) when its "Phí, lệ phí" cell cannot hold them exactly."""
    if not is_shorthand(p.channels):
        return False
    fees = p.channels[0].fees
    return bool(fees) and not fees_cell(fees)[1]


def sheet_channels(p: Procedure) -> list[int]:
    """Channels (0-based) whose fees one cell cannot hold exactly (several fees, one of them
    "Miễn lệ phí…"): their fees go to the "Phí, lệ phí" sheet, each row naming its channel
    in "Cách thức số"."""
    if is_shorthand(p.channels):
        return []
    return [i for i, c in enumerate(p.channels) if c.fees and not fees_cell(c.fees)[1]]


def fee_rows(fees: list[Fee]) -> list[dict[str, Any]]:
    """Rows of the "Phí, lệ phí" sheet: the text alone where it reads back the same."""
    rows = []
    for f in fees:
        row: dict[str, Any] = {"raw": f.raw}
        if plain(rebuild({"fees": [child_item(wl.FEES, row)]}).channels[0].fees) != plain([f]):
            amount = format(f.amount, "f") if f.amount is not None else None
            row.update(kind=f.kind, amount=amount, currency=f.currency, per=f.per, status=f.status.value, note=f.note)
        rows.append(row)
    return rows


# the plain fields of the "Thủ tục" sheet (dates, codes and names, time, fees and legal basis apart)
_CHECKED = (
    *(
        f.key
        for f in fields.FIELDS
        if f.column and f.key not in ("code", "name", "processing_time", "fees", "legal_basis", "reviewed")
    ),
    "levels_raw",
)


def _check(p: Procedure, row: dict[str, Any], loss: Loss) -> None:
    """Report the plain fields the Excel loader and builder would read back differently."""
    values = {k: _cell_as_read(k, v) for k, v in row.items() if k not in ("code", "name") and v not in (None, "")}
    values = {k: v for k, v in values.items() if v not in (None, [])}
    # dates, counts and the decision are typed cells; fees, time and legal basis are checked apart
    for key in ("decision_number", "decision_date", "reviewed", "dossiers_per_year", "online_per_year"):
        values.pop(key, None)
    for key in ("fees", "legal_basis", "processing_time"):
        values.pop(key, None)
    built = rebuild(values)
    for field in _CHECKED:
        if plain(getattr(built, field)) != plain(getattr(p, field)):
            loss.add(p, field, row.get(field))


_KEEP_LINES = frozenset({"levels", "processing_time", "fees", "notes"})
_LINES = frozenset(c.key for c in wl.PROCEDURES.columns if c.kind == "lines")


def _cell_as_read(key: str, value: Any) -> Any:
    """A "Thủ tục" cell as the Excel loader hands it to the builder (placeholders dropped…)."""
    from tthc.load.excel import cells

    if not isinstance(value, str):
        return _as_read(value)
    read: Any
    if key in _KEEP_LINES:
        read = cells.keep_lines(value)
    elif key in _LINES:
        read = cells.lines(value) or None
    else:
        read = cells.text(value)
    if read is None and key in cells.NO_MEANS_NONE:
        read = cells.answer_no(value)
    return read


def _as_read(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return value


def child_item(spec: wl.Sheet, row: dict[str, Any]) -> dict[str, Any]:
    """A child-sheet row as the Excel loader hands it to the builder (the loader's own cell reading)."""
    from tthc.load.excel.workbook import child_value

    item: dict[str, Any] = {}
    for col in spec.columns:
        value = row.get(col.key)
        if value is None or value == "" or col.key == wl.PROCEDURE_KEY:
            continue
        read = child_value(spec.key, col.key, col.kind, value)
        if read is not None:
            item[col.key] = read
    return item


def channel_row(c: Channel, on_sheet: bool) -> dict[str, Any]:
    method = c.method_raw or (LABEL["method"][c.method.value] if c.method else None)
    row = {
        "method": method,
        "processing_time": c.processing_time.raw if c.processing_time else None,
        "fees": None,
        "description": c.description,
    }
    if c.fees and not on_sheet:
        row["fees"], _ = fees_cell(c.fees)
    return row


def _fee_sheet_rows(p: Procedure) -> list[dict[str, Any]]:
    if fees_on_sheet(p):
        return fee_rows(p.channels[0].fees)
    return [{**row, "channel": i + 1} for i in sheet_channels(p) for row in fee_rows(p.channels[i].fees)]


def document_row(d: DocumentRequirement, p: Procedure, loss: Loss) -> dict[str, Any]:
    kinds = [k.value for k in d.copy_kinds] or ([d.copy_kind.value] if d.copy_kind else [])
    row = {
        "code": d.code,
        "name": d.name,
        "originals": d.originals,
        "copies": d.copies,
        "copy_kind": "\n".join(LABEL["copy_kind"][k] for k in kinds) or None,
        "form": d.form,
        "note": d.note,
        "raw": d.raw,
        "group": d.group,
    }
    if _document_faithful(row, d):
        return row
    table_row = document_row_form(d)  # a dossier table's row: the line and its "Số lượng" cell
    if table_row is not None:
        kinds_value = table_row.pop("copy_kind", None)
        kinds_list = [kinds_value] if isinstance(kinds_value, str) else list(kinds_value or [])
        if kinds_list:
            table_row["copy_kind"] = "\n".join(LABEL["copy_kind"][k] for k in kinds_list)
        if _document_faithful(table_row, d):
            return table_row
    # the columns cannot restate it (a crawled line, repeated copy kinds…): the line as written,
    # which the reader parses like a list item in YAML
    text_row = {"raw": d.raw}
    if d.raw and _document_faithful(text_row, d):
        return text_row
    loss.add(p, "documents", d.raw or d.name)
    return row


def _document_faithful(row: dict[str, Any], d: DocumentRequirement) -> bool:
    return plain(rebuild({"documents": [child_item(wl.DOCUMENTS, row)]}).documents) == plain([d])


def legal_split(p: Procedure) -> int:
    """How many leading references go to the "Căn cứ pháp lý" column of the procedure sheet
    (free text, one per line; the reader puts them before the child rows). 0 unless a child
    row cannot hold a reference exactly but its text can — an unidentified reference
    ("Quyết định số 12 của UBND tỉnh") keeps its reading that way."""
    refs = p.legal_basis
    rows_ok = [_legal_row_faithful(r) for r in refs]
    if all(rows_ok):
        return 0
    for k in range(1, len(refs) + 1):
        if not all(rows_ok[k:]):
            continue
        text = plain(rebuild({"legal_basis": [r.raw for r in refs[:k]]}).legal_basis)
        if text == plain(refs[:k]):
            return k
    return 0


def _legal_row_faithful(r: LegalRef) -> bool:
    return plain(rebuild({"legal_basis": [child_item(wl.LEGAL_BASIS, _legal_values(r))]}).legal_basis) == plain([r])


def _legal_values(r: LegalRef) -> dict[str, Any]:
    """The row of a reference: its text alone where the builder reads that back the same,
    else every column."""
    if plain(rebuild({"legal_basis": [{"raw": r.raw}]}).legal_basis) == plain([r]):
        return {"raw": r.raw}
    cells = legal_row_cells(r)  # a table row's own cells ("12" | "Quyết định số 12/2021/QĐ-TTg …")
    if cells is not None and plain(rebuild({"legal_basis": [child_item(wl.LEGAL_BASIS, cells)]}).legal_basis) == plain(
        [r]
    ):
        return cells
    return {
        "number": r.number,
        "kind": LABEL["doc_kind"].get(r.kind.value) if r.kind else None,
        "title": r.title,
        "issuer": r.issuer,
        "issued": r.issued,
        "effective": r.effective,
        "article": r.article,
        "raw": r.raw,
    }


def legal_row(r: LegalRef, p: Procedure, loss: Loss) -> dict[str, Any]:
    if not _legal_row_faithful(r):
        loss.add(p, "legal_basis", r.raw)
    return _legal_values(r)


def child_rows(p: Procedure, loss: Loss) -> dict[str, list[dict[str, Any]]]:
    """Rows of every child sheet for one procedure (keys added by the caller)."""
    shorthand = is_shorthand(p.channels)
    on_sheet = set(sheet_channels(p))
    rows: dict[str, list[dict[str, Any]]] = {
        "channels": [] if shorthand else [channel_row(c, i in on_sheet) for i, c in enumerate(p.channels)],
        "fees": _fee_sheet_rows(p),
        "documents": [document_row(d, p, loss) for d in p.documents],
        "legal_basis": [legal_row(r, p, loss) for r in p.legal_basis[legal_split(p) :]],
        "results": [{"code": r.code, "name": r.name, "validity": r.validity} for r in p.results],
        "agencies": [{"name": a.name, "role": LABEL["role"][a.role.value]} for a in p.agencies],
        "volume": [
            {"year": y.year, "dossiers": y.dossiers, "online": y.online} for y in (p.volume.history if p.volume else [])
        ],
        "extra": [{"column": k, "value": v} for k, v in p.extra.items()],
    }
    _check_channels(p, rows, loss)
    v = p.volume
    if v is not None and not v.history and v.dossiers_per_year is None and v.online_per_year is None:
        loss.add(p, "volume", "{}")  # an empty volume mapping has no cell to live in
    return rows


def _check_channels(p: Procedure, rows: dict[str, list[dict[str, Any]]], loss: Loss) -> None:
    """Build the channels the way the reader will see them and report any difference."""
    values: dict[str, Any] = {}
    if rows["channels"]:
        values["channels"] = [child_item(wl.CHANNELS, r) for r in rows["channels"]]
    elif is_shorthand(p.channels):
        c = p.channels[0]
        if c.processing_time:
            values["processing_time"] = _cell_as_read("processing_time", c.processing_time.raw)
        if c.fees and not rows["fees"]:
            values["fees"] = _cell_as_read("fees", fees_cell(c.fees)[0])
    values = {k: v for k, v in values.items() if v is not None}
    if rows["fees"]:
        values["fees"] = [child_item(wl.FEES, r) for r in rows["fees"]]
    built = rebuild(values).channels
    for i, c in enumerate(p.channels):
        if i >= len(built) or plain(built[i]) != plain(c):
            method = c.method_raw or (c.method.value if c.method else "")
            loss.add(
                p,
                "channels",
                f"{method}: {c.processing_time.raw if c.processing_time else ''}; " + "; ".join(f.raw for f in c.fees),
            )


def catalog_items(c: Catalog) -> dict[str, Any]:
    kind = None if c.kind is CatalogKind.FULL else LABEL["catalog_kind"].get(c.kind.value, c.kind.value)
    return {
        wl.FORMAT_MARKER: wl.FORMAT_VERSION,
        "name": c.name,
        "issuer": c.issuer,
        "locality": c.locality,
        "kind": kind or LABEL["catalog_kind"]["full"],
        "decision_number": c.decision.number if c.decision else None,
        "decision_date": c.decision.date if c.decision else None,
        "id": c.id,
    }
