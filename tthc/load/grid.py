"""A table of cell values from any source: a spreadsheet, a Word table, a PDF table.

Every tabular reader (Excel, OpenDocument, Word, PDF) turns what it reads into a
:class:`Grid` — rows of cell values plus merged ranges — so header scoring, the
numbering row, section rows and merged cells are handled by one path
(:mod:`tthc.load.excel.table`, :mod:`tthc.load.excel.rows`). A grid knows how to name
its cells: ``Sheet!B17`` for a sheet, ``a.docx, bảng 2, dòng 7, cột "…"`` for a table
of a document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tthc.model import SourceRef


@dataclass(slots=True)
class Grid:
    """Rows of cell values (row 0 = the first row) and merged ranges."""

    name: str  # sheet name, or "bảng 2" for a document table
    rows: list[list[Any]]
    merged: list[tuple[int, int, int, int]]  # 0-based (top, left, bottom, right), inclusive
    hidden: bool = False
    table: int | None = None  # 1-based table number when the grid is a document table
    places: list[tuple[int, int, int | None]] | None = None  # per row: (table, row in it, page)
    errors: dict[tuple[int, int], str] = field(default_factory=dict)  # 0-based cell -> "#N/A"
    # PDF: a cell's lines as laid out, (text, the break before it is certain), so that a row cut
    # by a page break is put together again with the text before the break in view
    lines: dict[tuple[int, int], list[tuple[str, bool]]] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not any(v != "" and v is not None for row in self.rows for v in row)

    @property
    def is_document(self) -> bool:
        return self.table is not None

    def ref(self, file: str, row: int | None, column: int | None = None, title: str | None = None) -> SourceRef:
        """The position of a cell (1-based row and column)."""
        if self.table is None:
            return SourceRef(file, self.name, row, column, None, title)
        if self.places and row is not None and 0 < row <= len(self.places):
            table, row, page = self.places[row - 1]  # a table joined from several (pages, parts)
            return SourceRef(file, None, row, column, None, title, table, page)
        return SourceRef(file, None, row, column, None, title, self.table)


# The spreadsheet readers' name for it.
SheetData = Grid
