"""The draft publication annex as one worksheet, in the layout the annex reader reads back.

Title rows, the decision line, then the standard columns (STT | Mã TTHC | Tên TTHC |
Thời hạn giải quyết | Địa điểm thực hiện | Phí, lệ phí | Căn cứ pháp lý | Ghi chú) and,
under section rows "A. THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH", "B. …", "C. …" and field rows
"I. Lĩnh vực …", one row per procedure. Amended rows name the elements changed in "Ghi
chú"; abolished rows give the abolishing document there.
"""

from __future__ import annotations

from pathlib import Path

from tthc.lifecycle.diff import ANNEX_COLUMNS, ANNEX_TITLE, CatalogDiff, annex_lists, decision_line
from tthc.office import xlsx as xc
from tthc.plan.build import roman
from tthc.report.docx_plan import field_title

COLUMNS = (*ANNEX_COLUMNS, "Ghi chú")
WIDTHS = (6, 14, 48, 22, 28, 24, 44, 30)
SHEET = "Phụ lục"
LETTERS = "ABC"


def build_workbook(d: CatalogDiff, *, abolished_by: str | None = None):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    width = len(COLUMNS)
    issuer = d.new.issuer or d.old.issuer
    title = ANNEX_TITLE + (f" THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA {issuer.upper()}" if issuer else "")
    for r, (text, italic) in enumerate((("PHỤ LỤC", False), (title, False), (decision_line(d.new), True)), start=1):
        cell = xc.put(ws, r, 1, text)
        cell.font = Font(bold=not italic, italic=italic, size=13)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
    ws.row_dimensions[2].height = 36
    header = 5
    xc.header_row(ws, header, COLUMNS)
    xc.set_widths(ws, WIDTHS)
    ws.freeze_panes = ws.cell(row=header + 1, column=1)
    r = header + 1
    for letter, annex in zip(LETTERS, annex_lists(d, abolished_by), strict=True):
        _section(ws, r, f"{letter}. {annex.title}", width)
        r += 1
        n = section = 0
        for field, rows in annex.groups:
            if field:
                section += 1
                _section(ws, r, f"{roman(section)}. {field_title(field)}", width, bold=False)
                r += 1
            for row in rows:
                n += 1
                note = row.note
                if annex.key == "abolished":
                    note = f"Bãi bỏ theo {row.note}" if row.note else "Bãi bỏ"
                values = (n, row.code, row.name, row.time, row.place, row.fees, row.legal, note)
                for c, value in enumerate(values, start=1):
                    xc.put(ws, r, c, value if value != "" else None, align="center" if c <= 2 else None)
                r += 1
    return wb


def _section(ws, row: int, text: str, width: int, *, bold: bool = True) -> None:
    from openpyxl.styles import Font

    cell = xc.put(ws, row, 1, text, wrap=False)
    cell.font = Font(bold=True, italic=not bold)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


def write_xlsx(d: CatalogDiff, path: Path, *, abolished_by: str | None = None) -> None:
    """Write the annex workbook atomically."""
    from tthc.report.files import write_atomic

    wb = build_workbook(d, abolished_by=abolished_by)
    write_atomic(path, lambda tmp: wb.save(str(tmp)))
