"""PDF files with a text layer -> blocks: text lines joined into paragraphs, and tables.

pdfplumber (a maintained pure-Python library on pdfminer.six) finds ruled tables and
gives each character's position. Cell texts are rebuilt from the words inside each
cell: a line the next word would have fitted on ends with a real line break; other
lines are wrapped and joined back with a space, or with nothing inside a broken
number ("111/2013/TT-" + "BTC", "123/2015/N" + "Đ-CP"). A table cut by a page break
continues on the next page: its repeated header is left to the table reader, and a row
split over the two pages is joined back into one. A PDF without text (a scan) needs
OCR, which is said in one line.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

from tthc.i18n import T
from tthc.load.base import LoadError
from tthc.load.document_layouts import glued
from tthc.load.docx_reader import Block, Paragraph
from tthc.load.grid import Grid


def read_pdf(path: Path, limits=None) -> list[Block]:  # type: ignore[no-untyped-def]
    from tthc.load.limits import DEFAULT_LIMITS

    limits = limits or DEFAULT_LIMITS
    try:
        import pdfplumber
    except ImportError as exc:  # an optional extra
        raise LoadError(
            T(
                "cần thư viện pdfplumber để đọc PDF: pip install pdfplumber",
                "reading PDF needs the pdfplumber library: pip install pdfplumber",
            ),
            str(path),
        ) from exc
    try:
        pdf = pdfplumber.open(str(path))
    except Exception as exc:
        raise LoadError(
            T(
                f"không đọc được tệp PDF ({_short(exc)}); tải lại tệp hoặc in lại ra PDF",
                f"cannot read the PDF file ({_short(exc)}); download it again or print it to PDF again",
            ),
            str(path),
        ) from exc
    with pdf:
        if len(pdf.pages) > limits.max_pdf_pages:
            raise LoadError(
                T(
                    f"tệp PDF có {len(pdf.pages):,} trang, quá giới hạn {limits.max_pdf_pages:,} trang; tách tệp, "
                    "hoặc tăng limits.max-pdf-pages trong tthc.yaml",
                    f"the PDF has {len(pdf.pages):,} pages, over the limit of {limits.max_pdf_pages:,}; split it, "
                    "or raise limits.max-pdf-pages in tthc.yaml",
                ),
                str(path),
            )
        blocks: list[Block] = []
        chars = 0
        tables = 0
        for number, page in enumerate(pdf.pages, 1):
            chars += len(page.chars)
            page_blocks, tables = _page(page, number, tables, limits)
            blocks.extend(page_blocks)
            page.flush_cache()
        if chars == 0:
            raise LoadError(
                T(
                    "tệp PDF không có lớp văn bản (bản quét, chỉ có hình ảnh) nên cần nhận dạng ký tự (OCR) trước, "
                    "ví dụ bằng ocrmypdf, rồi đọc lại tệp đã nhận dạng",
                    "the PDF has no text layer (a scan, images only), so it needs optical character recognition "
                    "(OCR) first, e.g. with ocrmypdf; then read the recognised file",
                ),
                str(path),
            )
    return _continue_tables(blocks)


def _page(page, number: int, tables: int, limits) -> tuple[list[Block], int]:  # type: ignore[no-untyped-def]
    found = page.find_tables()
    words = page.extract_words(keep_blank_chars=False, x_tolerance=1.5, y_tolerance=3)
    boxes = [t.bbox for t in found]
    items: list[tuple[float, Block]] = []
    outside = [w for w in words if not any(_inside(w, b) for b in boxes)]
    for top, para in _paragraphs(outside, number, page.width):
        items.append((top, para))
    for t in found:
        tables += 1
        items.append((t.bbox[1], _grid(t, words, number, tables, limits)))
    items.sort(key=lambda item: item[0])
    blocks = [b for _top, b in items]
    for i, b in enumerate(blocks):  # paragraph numbers: lines of the page, top to bottom
        if isinstance(b, Paragraph):
            b.number = b.number or i + 1
    return blocks, tables


def _inside(word: dict, box: tuple[float, float, float, float]) -> bool:
    cx = (word["x0"] + word["x1"]) / 2
    cy = (word["top"] + word["bottom"]) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def _lines(words: list[dict]) -> list[list[dict]]:
    """Words grouped into lines, top to bottom, left to right."""
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - w["top"]) <= 3:
            lines[-1].append(w)
        else:
            lines.append([w])
    for line in lines:
        line.sort(key=lambda w: w["x0"])
    return lines


def _line_text(line: list[dict]) -> str:
    return " ".join(w["text"] for w in line)


def _paragraphs(words: list[dict], page: int, width: float) -> list[tuple[float, Paragraph]]:
    """Lines outside tables, wrapped lines joined: a line that reaches the right margin
    continues on the next one."""
    lines = _lines(words)
    if not lines:
        return []
    right = max(line[-1]["x1"] for line in lines)
    out: list[tuple[float, Paragraph]] = []
    prev: list[dict] | None = None
    for n, line in enumerate(lines, 1):
        text = _line_text(line)
        if prev is not None and out and _wraps(prev, line, right):
            _top, para = out[-1]
            para.text = _join(para.text, text)
        else:
            out.append((line[0]["top"], Paragraph(text, n, page)))
        prev = line
    return out


def _wraps(prev: list[dict], line: list[dict], right: float) -> bool:
    gap = line[0]["top"] - prev[0]["bottom"]
    first = line[0]["x1"] - line[0]["x0"]
    return gap < (prev[0]["bottom"] - prev[0]["top"]) * 1.2 and prev[-1]["x1"] + first + 4 > right


def _join(before: str, after: str) -> str:
    if glued(before, after):
        return before + after
    return f"{before} {after}"


def _grid(table, words: list[dict], page: int, number: int, limits) -> Grid:  # type: ignore[no-untyped-def]
    rows: list[list[str]] = []
    merged: list[tuple[int, int, int, int]] = []
    grid_lines: dict[tuple[int, int], list[tuple[str, bool]]] = {}
    xs = sorted({round(c[0], 1) for row in table.rows for c in row.cells if c})
    xs_right = sorted({round(c[2], 1) for row in table.rows for c in row.cells if c})
    width = len(xs)
    for r, row in enumerate(table.rows):
        cells: list[str] = [""] * width
        for cell in row.cells:
            if cell is None:
                continue
            col = _col_index(xs, cell[0])
            last = _col_index(xs_right, cell[2], right=True)
            inside = [w for w in words if _inside(w, cell)]
            lines = _cell_lines(inside, cell)
            text = _assemble(lines)
            if len(text) > limits.max_cell_chars:
                text = text[: limits.max_cell_chars]
            if 0 <= col < width:
                cells[col] = text
                if lines:
                    grid_lines[(r, col)] = lines
                if last > col:
                    merged.append((r, col, r, min(last, width - 1)))
        rows.append(cells)
    places: list[tuple[int, int, int | None]] = [(number, r + 1, page) for r in range(len(rows))]
    return Grid(f"bảng {number}", rows, merged, table=number, places=places, lines=grid_lines)


def _col_index(edges: list[float], x: float, right: bool = False) -> int:
    best, dist = 0, float("inf")
    for i, e in enumerate(edges):
        d = abs(e - x)
        if d < dist:
            best, dist = i, d
    return best


def _cell_lines(words: list[dict], box: tuple[float, float, float, float]) -> list[tuple[str, bool]]:
    """A cell's lines, each with whether the break before it is certain: the line before
    ended where the next word would have fitted."""
    lines = _lines(words)
    if not lines:
        return []
    pad = max(0.0, min(line[0]["x0"] for line in lines) - box[0])  # the cell's inner margin
    right = box[2] - pad
    out: list[tuple[str, bool]] = []
    prev: list[dict] | None = None
    for line in lines:
        fits = prev is not None and prev[-1]["x1"] + 3 + (line[0]["x1"] - line[0]["x0"]) < right - 1
        out.append((_line_text(line), fits))
        prev = line
    return out


def _assemble(lines: list[tuple[str, bool]], text: str = "") -> str:
    """The cell text: a certain break or a citation's start is a line break; other lines
    are wrapped and joined back (``text``: what the cell held before, on the page before)."""
    for i, (part, certain) in enumerate(lines):
        if not text:
            text = part
        elif certain or _new_citation(text, part, " ".join(p for p, _ in lines[i + 1 : i + 3])):
            text += "\n" + part
        else:
            text = _join(text, part)
    return text


_KIND_START = re.compile(
    r"^(?:Luật|Bộ luật|Nghị định|Nghị quyết|Thông tư|Quyết định|Pháp lệnh|Chỉ thị|Văn bản hợp nhất)\b"
)
_CITATION_END = re.compile(r"(?:\d+/\d{4}/[\w\-]+|\d{1,2}/\d{1,2}/\d{4}|[.;])$")
# "Thông tư số", "Thông tư liên tịch số 05/…", "Luật Hộ tịch số", "Nghị định 23/2015/…": a citation's head
_CITATION_HEAD = re.compile(r"^\S+(?:\s+\S+){0,5}?\s+(?:số\b|\d{1,4}/\d{4}\b)")
_DOCUMENT_NUMBER = re.compile(r"\d{1,4}/\d{4}/[A-ZĐ]")
# Last words after which a document's name continues a title ("… hướng dẫn thi hành" + "Luật …",
# "… ban hành kèm theo" + "Thông tư …", "… của" + "Luật …").
_CONNECTORS = frozenset(
    "của theo tại và về hoặc với cho đối bởi từ trong kèm số điều khoản các một những hành dẫn đổi sung thế "  # noqa: SIM905
    "bỏ định cứ vào như là tiết thuộc giữa".split()
)


def _new_citation(text: str, line: str, ahead: str = "") -> bool:
    """A line that starts a legal citation where the geometry cannot show the line break
    (the next word is long, or the line before was nearly full): after one that ended a
    citation (its number, its date, or ';'), or after a citation that already has its
    number when the line begins a citation's head ("Thông tư số …", "Thông tư liên" + "tịch
    số …": ``ahead`` is the lines after it) and the text before does not lead into it ("… của",
    "… thi hành")."""
    line = unicodedata.normalize("NFC", line)
    if not _KIND_START.match(line):
        return False
    text = unicodedata.normalize("NFC", text)
    if _CITATION_END.search(text):
        return True
    current = text.rsplit("\n", 1)[-1]
    last = current.rsplit(None, 1)[-1].lower() if current.strip() else ""
    return (
        bool(_CITATION_HEAD.match(f"{line} {unicodedata.normalize('NFC', ahead)}"))
        and bool(_DOCUMENT_NUMBER.search(current))
        and last.strip(",:-") not in _CONNECTORS
        and not last.endswith((",", ":", "-"))
    )


# -- tables cut by a page break -----------------------------------------------------------


def _continue_tables(blocks: list[Block]) -> list[Block]:
    """A table fragment that starts a page after a fragment with as many columns: a row
    cut by the page break is joined back into the row it started in."""
    previous: Grid | None = None
    for i, block in enumerate(blocks):
        if not isinstance(block, Grid):
            if isinstance(block, Paragraph) and previous is not None and _same_page_text(blocks, i, previous):
                previous = None
            continue
        if previous is not None and block.places and previous.places:
            new_page = block.places[0][2] != previous.places[-1][2]
            if new_page and _width(block) == _width(previous):
                _join_cut_row(previous, block)
        previous = block
    return [b for b in blocks if not (isinstance(b, Grid) and not b.rows)]


def _same_page_text(blocks: list[Block], i: int, previous: Grid) -> bool:
    """A paragraph between two fragments on the page of the second (not a page footer)."""
    para = blocks[i]
    return (
        isinstance(para, Paragraph)
        and bool(previous.places)
        and previous.places is not None
        and para.page == previous.places[-1][2]
    )


def _width(grid: Grid) -> int:
    return max((len(r) for r in grid.rows), default=0)


def _join_cut_row(previous: Grid, grid: Grid) -> None:
    from tthc.load.excel.table import is_numbering_row

    heads = {tuple(r) for r in previous.rows[:3]}
    start = 0
    while start < len(grid.rows) and (tuple(grid.rows[start]) in heads or is_numbering_row(grid.rows[start])):
        start += 1
    if start >= len(grid.rows) or not previous.rows:
        return
    row, last = grid.rows[start], previous.rows[-1]
    if not _continues(last, row):
        return
    for c, text in enumerate(row):
        if not text:
            continue
        lines = grid.lines.get((start, c))
        if last[c] and lines:  # the break at the page's end is not known to be a line's end
            last[c] = _assemble([(lines[0][0], False), *lines[1:]], last[c])
        else:
            last[c] = _join(last[c], text) if last[c] else text
    del grid.rows[start]
    if grid.places:
        del grid.places[start]
    grid.lines = {(r - (r > start), c): v for (r, c), v in grid.lines.items() if r != start}
    grid.merged = [
        (t - (t > start), left, b - (b >= start), r) for t, left, b, r in grid.merged if not (t == b == start)
    ]


def _continues(last: list[Any], row: list[Any]) -> bool:
    filled = [c for c, v in enumerate(row) if v]
    if not filled:
        return False
    if not row[0]:
        return True  # no row number, no code, no name in the first column: the rest of a row
    if any(last[c] and glued(last[c], row[c]) for c in filled if c < len(last)):
        return True
    if all(row[c][:1].islower() for c in filled):
        return True
    before = sum(1 for v in last if v)
    return len(filled) < before and row[0][:1].islower() is False and not row[0][:1].isdigit()


def _short(exc: BaseException, limit: int = 120) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"
