"""Procedure codes stored as numbers.

A code typed into a "General" cell becomes the number 1.0012 — "1.001200" has lost its
trailing zeros and nothing in the file says which code it was. Such a cell is an error;
the code is kept as Excel displays it (its number format looked up with openpyxl, for
these few cells only) and never silently turned into another code.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tthc.i18n import T
from tthc.load.base import IssueSink
from tthc.load.excel.cells import format_number
from tthc.model import SourceRef

_CODE = re.compile(r"\d\.\d{6}")


@dataclass(slots=True)
class NumericCode:
    row: int  # 0-based
    col: int
    value: float
    ref: SourceRef
    apply: Callable[[str], None]  # stores the display text where the code goes


def display_texts(path: Path, fmt: str, sheet: str, cells: list[NumericCode]) -> dict[tuple[int, int], str]:
    """Excel's display text of numeric cells (xlsx: their number format; others: General)."""
    formats: dict[tuple[int, int], str] = {}
    if fmt == "xlsx" and cells:
        formats = _number_formats(path, sheet, {(c.row, c.col) for c in cells})
    return {(c.row, c.col): format_number(c.value, formats.get((c.row, c.col))) for c in cells}


def _number_formats(path: Path, sheet: str, wanted: set[tuple[int, int]]) -> dict[tuple[int, int], str]:
    try:
        import openpyxl

        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:
        return {}
    try:
        ws = wb[sheet]
        rows = [r for r, _ in wanted]
        cols = [c for _, c in wanted]
        found: dict[tuple[int, int], str] = {}
        for cell_row in ws.iter_rows(
            min_row=min(rows) + 1, max_row=max(rows) + 1, min_col=min(cols) + 1, max_col=max(cols) + 1
        ):
            for cell in cell_row:
                row, col = getattr(cell, "row", None), getattr(cell, "column", None)
                if row is not None and col is not None and (row - 1, col - 1) in wanted:
                    found[(row - 1, col - 1)] = cell.number_format
        return found
    except Exception:
        return {}
    finally:
        wb.close()


def report(path: Path, fmt: str, sheet: str, cells: list[NumericCode], sink: IssueSink) -> None:
    """Store each code as displayed and report it as an error."""
    if not cells:
        return
    shown = display_texts(path, fmt, sheet, cells)
    for cell in cells:
        text = shown[(cell.row, cell.col)]
        cell.apply(text)
        hint_vi = hint_en = ""
        if not _CODE.fullmatch(text) and re.fullmatch(r"\d\.\d{1,5}", text):
            padded = text.ljust(8, "0")
            hint_vi = f" (có thể là {padded}, nhưng hãy kiểm tra)"
            hint_en = f" (perhaps {padded}, but check it)"
        sink.error(
            "code-as-number",
            T(
                f"mã TTHC được lưu dạng số ({text}) nên có thể đã mất chữ số{hint_vi}; định dạng ô là "
                "Văn bản (Text) rồi nhập lại đúng mã",
                f"the procedure code was stored as a number ({text}) and may have lost digits{hint_en}; "
                "format the cell as Text and type the code again",
            ),
            cell.ref,
            text,
        )
