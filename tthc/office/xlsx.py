"""Safe, readable worksheets (openpyxl), shared by every workbook exporter.

Text is always written as text: a cell value beginning with ``=``, ``+``, ``-`` or ``@``
(a procedure named "=HYPERLINK(…)", a phone number "+84…") is stored as a string cell with
Excel's quote prefix, never as a formula. Header rows are bold, filled and frozen, tables
get an auto-filter, text wraps, widths are set per column. CSV writers use
:func:`neutralise` for the same protection.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
HEADER_FILL = "D9E1F2"
MONEY_FORMAT = "#,##0"
PERCENT_FORMAT = "0.00"


def is_formula_like(text: str) -> bool:
    return bool(text) and text.startswith(FORMULA_PREFIXES)


def neutralise(text: str) -> str:
    """CSV cell text that no spreadsheet evaluates: a leading apostrophe before = + - @."""
    return "'" + text if is_formula_like(text) else text


def put(
    ws,
    row: int,
    column: int,
    value: Any,
    *,
    number_format: str | None = None,
    bold: bool = False,
    wrap: bool = True,
    align: str | None = None,
):
    """Write one cell: numbers as numbers, everything else as text (never a formula)."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, Decimal):
        value = int(value) if value == value.to_integral_value() else float(value)
    quote = False
    if value is None or isinstance(value, bool | int | float):
        cell.value = value
    else:
        text = str(value)
        cell.value = text
        cell.data_type = "s"  # openpyxl would take "=…" for a formula
        quote = is_formula_like(text)
    number = number_format if number_format and isinstance(cell.value, int | float) else None
    _apply_style(cell, (number, bold, wrap, align, quote))
    return cell


def _apply_style(cell, key: tuple) -> None:
    """Set a cell's style, reusing the style record of an earlier cell with the same look.

    Building openpyxl style objects per cell dominates the time of large workbooks; the
    style array of a cell is a few indexes into the workbook's style tables, safe to copy.
    """
    from copy import copy

    cache = _style_cache(cell.parent.parent)
    if key in cache:
        cell._style = copy(cache[key])
        return
    from openpyxl.styles import Alignment, Font

    number, bold, wrap, align, quote = key
    if number:
        cell.number_format = number
    if bold:
        cell.font = Font(bold=True)
    cell.alignment = Alignment(wrap_text=wrap, vertical="top", horizontal=align)
    if quote:
        cell.quotePrefix = True
    cache[key] = copy(cell._style)


def _style_cache(workbook) -> dict:
    cache = getattr(workbook, "_tthc_style_cache", None)
    if cache is None:
        cache = {}
        workbook._tthc_style_cache = cache
    return cache


def write_table(
    ws,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    widths: Sequence[float] | None = None,
    number_formats: Mapping[int, str] | None = None,
    start_row: int = 1,
    freeze: bool = True,
    auto_filter: bool = True,
) -> tuple[int, int]:
    """A header row and data rows from ``start_row``; returns (header row, last row).

    ``number_formats`` maps a 0-based column index to an Excel number format.
    """
    formats = dict(number_formats or {})
    header_row(ws, start_row, headers)
    for r, values in enumerate(rows, start=start_row + 1):
        for c, value in enumerate(values, start=1):
            put(ws, r, c, value, number_format=formats.get(c - 1))
    last = start_row + len(rows)
    if widths:
        set_widths(ws, widths)
    if freeze:
        ws.freeze_panes = ws.cell(row=start_row + 1, column=1)
    if auto_filter and headers:
        from openpyxl.utils import get_column_letter

        ws.auto_filter.ref = f"A{start_row}:{get_column_letter(len(headers))}{max(last, start_row)}"
    return start_row, last


def header_row(ws, row: int, headers: Sequence[str]) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="999999")
    for c, text in enumerate(headers, start=1):
        cell = put(ws, row, c, text)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = Border(bottom=thin)


def set_widths(ws, widths: Sequence[float]) -> None:
    from openpyxl.utils import get_column_letter

    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width


def title_row(ws, row: int, text: str, columns: int) -> None:
    """A bold title across ``columns`` (merged), above a table."""
    from openpyxl.styles import Alignment, Font

    cell = put(ws, row, 1, text, wrap=False)
    cell.font = Font(bold=True, size=13)
    cell.alignment = Alignment(horizontal="left", vertical="center")
    if columns > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)


# -- printing -----------------------------------------------------------------------

LINE_HEIGHT_PT = 15.0  # one line of 11 pt Calibri
MAX_ROW_HEIGHT_PT = 409.0  # Excel's limit


def fit_row_heights(ws, widths: Sequence[float], first_row: int = 1, last_row: int | None = None) -> None:
    """Row heights for wrapped text, so rows print whole (Excel does not grow rows written by openpyxl).

    A cell of width ``w`` (Excel character units) holds about ``w`` characters a line; each
    line of its text takes ceil(len / w) lines, at least one.
    """
    import math

    last = last_row or ws.max_row
    for r in range(first_row, last + 1):
        lines = 1
        for c, width in enumerate(widths, start=1):
            value = ws.cell(row=r, column=c).value
            if value is None or isinstance(value, int | float):
                continue
            per_line = max(1.0, float(width) - 1)
            lines = max(lines, sum(max(1, math.ceil(len(part) / per_line)) for part in str(value).split("\n")))
        if lines > 1:
            ws.row_dimensions[r].height = min(MAX_ROW_HEIGHT_PT, lines * LINE_HEIGHT_PT)


def print_setup(ws, *, landscape: bool, title_rows: str | None = "1:1") -> None:
    """A4, fit to the page width (as many pages down as needed), header rows on every page."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False
    if title_rows:
        ws.print_title_rows = title_rows


def dropdown(ws, column: int, first_row: int, last_row: int, words: Sequence[str], *, prompt: str = "") -> None:
    """A list validation (drop-down) on one column's cells; other values are refused by Excel."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    if last_row < first_row:
        return
    letter = get_column_letter(column)
    validation = DataValidation(type="list", formula1='"' + ",".join(words) + '"', allow_blank=True)
    validation.error = "Chọn một giá trị trong danh sách: " + ", ".join(words)
    validation.errorTitle = "Giá trị không hợp lệ"
    validation.showErrorMessage = True
    if prompt:
        validation.prompt = prompt
        validation.showInputMessage = True
    ws.add_data_validation(validation)
    validation.add(f"{letter}{first_row}:{letter}{last_row}")
