"""CSV catalogs: one sheet read with the Excel layouts' own table logic.

A CSV file is a spreadsheet with one sheet and no merged cells: a portal list export, an
annex (title rows, header rows, a "(1) (2) (3)…" numbering row, section rows) or the
procedure sheet of the full workbook saved as CSV reads exactly as the same sheet in an
``.xlsx`` (:func:`tthc.load.excel.layouts.read_book`), with the same header aliases. Positions
name the cell as Excel shows it when it opens the file: the sheet is named after the
file (``tinh.csv tinh!B17 (Tên thủ tục)``).

The file must be UTF-8 (with or without a BOM, as Excel's "CSV UTF-8" writes it); the
separator is found from the first lines (``,`` ``;`` or a tab).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tthc.i18n import T
from tthc.load.base import IssueSink, LoadError, LoadResult
from tthc.load.excel.open import SheetData
from tthc.model import SourceRef

_SEPARATORS = ",;\t"


class CsvBook:
    """The interface of :class:`tthc.load.excel.open.Workbook` over one CSV sheet."""

    format = "csv"

    def __init__(self, path: Path, rows: list[list[str]]) -> None:
        self.path = path
        self.sheet_names = [path.stem or "CSV"]
        self.hidden: set[str] = set()
        self._sheet = SheetData(self.sheet_names[0], rows, [])

    def sheet(self, name: str) -> SheetData:
        return self._sheet

    def close(self) -> None:
        pass


def load_csv(path: Path) -> LoadResult:
    """Load a CSV catalog; LoadError when the file cannot be read at all."""
    from tthc.load.build import build_catalog
    from tthc.load.excel.layouts import read_book

    book = CsvBook(path, read_rows(path))
    sink = IssueSink()
    read = read_book(book, str(path), sink)  # type: ignore[arg-type]
    return build_catalog(read.meta, read.records, source_file=str(path), layout=read.layout, sink=read.sink)


def read_rows(path: Path) -> list[list[str]]:
    """The cells of a UTF-8 CSV file as rows of equal width."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(
            T(
                f"không mở được tệp ({exc.strerror or exc}); kiểm tra đường dẫn và quyền đọc",
                f"cannot open the file ({exc.strerror or exc}); check the path and permissions",
            ),
            str(path),
        ) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise LoadError(
            T(
                f"tệp CSV không phải mã UTF-8 (byte 0x{data[exc.start]:02X}); mở bằng Excel rồi lưu lại với "
                "Lưu dưới dạng > CSV UTF-8 (Comma delimited)",
                f"the CSV file is not UTF-8 (byte 0x{data[exc.start]:02X}); open it in Excel and save it with "
                "Save As > CSV UTF-8 (Comma delimited)",
            ),
            SourceRef(str(path), line=line),
        ) from exc
    if not text.strip():
        raise LoadError(T("tệp CSV rỗng", "the CSV file is empty"), str(path))
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=_separator(text), strict=True))
    except csv.Error as exc:
        raise LoadError(
            T(
                f"tệp CSV bị hỏng ({exc}); kiểm tra dấu ngoặc kép quanh các ô có xuống dòng",
                f"the CSV file is malformed ({exc}); check the quotes around cells with line breaks",
            ),
            str(path),
        ) from exc
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]


def _separator(text: str) -> str:
    sample = text[:20_000]
    try:
        return csv.Sniffer().sniff(sample, delimiters=_SEPARATORS).delimiter
    except csv.Error:
        # a one-column file, or quotes the sniffer cannot place: the separator used most on the first line
        first = sample.split("\n", 1)[0]
        return max(_SEPARATORS, key=first.count) if any(c in first for c in _SEPARATORS) else ","
