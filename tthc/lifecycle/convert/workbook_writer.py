"""Model -> the full workbook of :mod:`tthc.load.excel.workbook_layout` (what the Excel loader reads).

One "Thủ tục" sheet, one row per procedure, and child sheets keyed by "Mã TTHC" (or
"#<row>" for a procedure without a code), a "Danh mục" sheet of catalog metadata. Codes
are text cells (never numbers that lose their zeros), dates are date cells, counts are
numbers, multi-line values keep one item per line. Every header carries a note saying
what goes there, drop-down columns carry their list, the header row is frozen. The file
is written atomically.

What goes in which cell, checked against the loader, is :mod:`tthc.lifecycle.convert.workbook_rows`;
this module writes the sheets. What the layout cannot hold exactly is returned as a
:class:`~tthc.lifecycle.convert.represent.Loss`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tthc.lifecycle.convert.represent import Loss
from tthc.lifecycle.convert.workbook_rows import catalog_items, child_rows, procedure_row
from tthc.load.excel import workbook_layout as wl
from tthc.model import Catalog, Procedure

LISTS_SHEET = wl.LISTS_SHEET  # hidden sheet holding the drop-down lists
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CELL_LIMIT = 32767
_FIRST_EXCEL_DATE = dt.date(1900, 3, 1)

_WIDTH = {"name": 48, "steps": 60, "documents": 48, "title": 48, "raw": 48, "notes": 36, "place": 36}


def build_workbook(catalog: Catalog | None, loss: Loss | None = None, *, decorate: bool = True):
    """An openpyxl Workbook in the full layout; ``None`` gives the empty template.

    ``decorate=False`` leaves out what only people use (header styles and notes, drop-down
    lists, widths, filters): the cells are the same, and a third of the time is saved (the
    round-trip property test runs a thousand workbooks)."""
    from openpyxl import Workbook

    loss = loss if loss is not None else Loss()
    wb = Workbook()
    wb.remove(wb.active)
    sheets = {spec.key: _sheet(wb, spec) for spec in wl.SHEETS}
    lists = _lists_sheet(wb) if decorate else {}
    _catalog_sheet(sheets["catalog"], catalog, notes=decorate)
    if catalog is not None:
        _fill(sheets, catalog, loss)
    for spec in wl.SHEETS:
        if spec is not wl.CATALOG:
            if decorate:
                _finish(sheets[spec.key], spec, lists)
            else:
                _plain_header(sheets[spec.key], spec)
    if decorate:
        _finish_catalog(sheets["catalog"], lists)
    else:
        _plain_header(sheets["catalog"], wl.CATALOG)
    wb.active = wb.sheetnames.index(wl.PROCEDURES.name)
    return wb


def _fill(sheets: dict[str, Any], catalog: Catalog, loss: Loss) -> None:
    seen: dict[str, int] = {}
    next_row: dict[str, int] = {}
    for n, p in enumerate(catalog.procedures):
        excel_row = n + 2
        _write_row(sheets["procedures"], wl.PROCEDURES, excel_row, procedure_row(p, loss), p, loss)
        key = p.code or f"{wl.ROW_KEY_PREFIX}{excel_row}"
        children = child_rows(p, loss)
        if p.code and p.code in seen:
            if any(children.values()):
                loss.add(p, "code", f"mã trùng dòng {seen[p.code]}: các sheet con gắn vào thủ tục đầu tiên")
            continue
        seen.setdefault(key, excel_row)
        for spec in wl.CHILD_SHEETS:
            ws = sheets[spec.key]
            for row in children[spec.key]:
                # the sheet's next free row, counted here: openpyxl's ws.max_row scans every cell
                # (one call per row made convert quadratic: 1k procedures 65 s, #13)
                at = next_row.get(spec.key) or ws.max_row + 1
                if _write_row(ws, spec, at, {wl.PROCEDURE_KEY: key, **row}, p, loss):
                    next_row[spec.key] = at + 1


def _sheet(wb, spec: wl.Sheet):
    ws = wb.create_sheet(spec.name)
    return ws


def _write_row(ws, spec: wl.Sheet, row: int, values: dict[str, Any], p: Procedure | None, loss: Loss) -> bool:
    """Write the row's values; whether any cell was written."""
    wrote = False
    for col_index, col in enumerate(spec.columns, start=1):
        value = values.get(col.key)
        if value is None or value == "":
            continue
        put(ws, row, col_index, value, col.key, p, loss)
        wrote = True
    return wrote


def put(ws, row: int, column: int, value: Any, key: str = "", p: Procedure | None = None, loss: Loss | None = None):
    """One value: text stays text (even "=…" or "1.001193"), dates are date cells, counts numbers
    (:func:`tthc.office.xlsx.put`, plus dates and characters a workbook cannot hold)."""
    from tthc.office import xlsx as xc

    if isinstance(value, dt.date) and value >= _FIRST_EXCEL_DATE:
        cell = xc.put(ws, row, column, None)
        cell.value = value
        cell.number_format = "DD/MM/YYYY"
        return cell
    if isinstance(value, dt.date):  # Excel has no dates before 1900 (and 1900 has a phantom 29 Feb)
        value = value.isoformat()
    if isinstance(value, str) and (_ILLEGAL.search(value) or len(value) > _CELL_LIMIT):
        if loss is not None and p is not None:
            loss.add(p, key, value[:80])
        value = _ILLEGAL.sub("", value)[:_CELL_LIMIT]
    return xc.put(ws, row, column, value)


def _plain_header(ws, spec: wl.Sheet) -> None:
    for i, col in enumerate(spec.columns, start=1):
        ws.cell(row=1, column=i, value=col.header)


def _catalog_sheet(ws, catalog: Catalog | None, *, notes: bool = True) -> None:
    from openpyxl.comments import Comment

    header_cols = {c.key: i for i, c in enumerate(wl.CATALOG.columns, start=1)}
    values = catalog_items(catalog) if catalog is not None else {wl.FORMAT_MARKER: wl.FORMAT_VERSION}
    for r, item in enumerate(wl.CATALOG_ITEMS, start=2):
        cell = put(ws, r, header_cols["item"], item.header)
        if notes:
            cell.comment = Comment(item.note, "tthc")
        value = values.get(item.key)
        if value is not None:
            put(ws, r, header_cols["value"], value, item.key)
        put(ws, r, header_cols["key"], item.key)


def _finish_catalog(ws, lists: dict[str, str]) -> None:
    _header(ws, wl.CATALOG)
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 70
    ws.column_dimensions["C"].width = 18
    from openpyxl.worksheet.datavalidation import DataValidation

    for r, item in enumerate(wl.CATALOG_ITEMS, start=2):
        if item.choices:
            dv = DataValidation(type="list", formula1=lists[item.key], allow_blank=True)
            dv.add(f"B{r}")
            ws.add_data_validation(dv)


def _header(ws, spec: wl.Sheet) -> None:
    """Bold, filled, frozen header cells, each with a note saying what goes in the column."""
    from openpyxl.comments import Comment

    from tthc.office import xlsx as xc

    xc.header_row(ws, 1, [col.header for col in spec.columns])
    for i, col in enumerate(spec.columns, start=1):
        comment = Comment(col.note + (" (bắt buộc)" if col.required else ""), "tthc")
        comment.width, comment.height = 300, 90
        ws.cell(row=1, column=i).comment = comment
    ws.freeze_panes = "C2" if spec is wl.PROCEDURES else "B2"


def _finish(ws, spec: wl.Sheet, lists: dict[str, str]) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    _header(ws, spec)
    last = max(ws.max_row, 2)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(spec.columns))}{last}"
    for i, col in enumerate(spec.columns, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = _WIDTH.get(col.key, 40 if col.kind == "lines" else 18)
        if col.key in ("code", wl.PROCEDURE_KEY):
            ws.column_dimensions[letter].number_format = "@"
        if col.choices:
            source = lists[f"{spec.key}.{col.key}"]
            dv = DataValidation(type="list", formula1=source, allow_blank=True)
            if col.open_choices or col.kind == "lines":
                dv.showErrorMessage = False  # suggestions: other wording is accepted
            else:
                dv.error = "Chọn một giá trị trong danh sách"
                dv.errorTitle = col.header
            dv.prompt = col.note
            dv.showInputMessage = True
            dv.add(f"{letter}2:{letter}1048576")
            ws.add_data_validation(dv)


def _lists_sheet(wb) -> dict[str, str]:
    """A hidden sheet with one column per drop-down list; returns list name -> range."""
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(LISTS_SHEET)
    ws.sheet_state = "hidden"
    ranges: dict[str, str] = {}
    lists: list[tuple[str, str, Iterable[tuple[str, str]]]] = []
    for spec in wl.SHEETS:
        for col in spec.columns:
            if col.choices:
                lists.append((f"{spec.key}.{col.key}", col.header, col.choices))
    for item in wl.CATALOG_ITEMS:
        if item.choices:
            lists.append((item.key, item.header, item.choices))
    for i, (key, header, choices) in enumerate(lists, start=1):
        letter = get_column_letter(i)
        ws.cell(row=1, column=i, value=header)
        labels = [label for label, _ in choices]
        for r, label in enumerate(labels, start=2):
            ws.cell(row=r, column=i, value=label)
        ranges[key] = f"'{LISTS_SHEET}'!${letter}$2:${letter}${len(labels) + 1}"
    return ranges


def write_workbook(catalog: Catalog | None, path: Path, loss: Loss | None = None) -> Loss:
    """Write the catalog (or the empty template for ``None``) atomically; return the losses."""
    from tthc.report.files import write_atomic

    loss = loss if loss is not None else Loss()
    wb = build_workbook(catalog, loss)
    write_atomic(path, lambda tmp: wb.save(str(tmp)))
    return loss
