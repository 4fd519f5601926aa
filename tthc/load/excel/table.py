"""Find a table's header in a sheet by scoring rows against header aliases.

The header is not assumed at row 1: title rows, a national heading, a decision line
or a blank band may come first. Headers may span two or three rows through merged
cells ("Thời hạn giải quyết" merged down across two header rows, "Phí, lệ phí" over
"Phí" | "Lệ phí"), and a "(1) (2) (3)…" numbering row may follow them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tthc.i18n import T
from tthc.load.base import LoadError
from tthc.load.excel.headers import AliasTable
from tthc.load.excel.open import SheetData
from tthc.model import SourceRef, column_letter
from tthc.text import clean

SCAN_ROWS = 60  # header rows are looked for in the first rows of a sheet
_NUMBERING = re.compile(r"\(?\s*\d{1,2}\s*\)?(?:\s*[=+\-*x×:]\s*\(?\s*\d{1,2}\s*\)?)*")


@dataclass(slots=True)
class Column:
    index: int  # 0-based
    target: str  # record field, loader column ("stt", "issuer"…) or "extra"
    title: str  # the header as written, for positions and `extra` keys
    ref: SourceRef  # the header cell
    group: tuple[int, int] | None = None  # top-left of the merged parent header, for sub-columns


@dataclass(slots=True)
class Table:
    sheet: SheetData
    header_top: int  # 0-based rows
    header_bottom: int
    data_start: int
    columns: list[Column]
    score: int

    def column(self, target: str) -> Column | None:
        for col in self.columns:
            if col.target == target:
                return col
        return None

    def targets(self) -> set[str]:
        return {c.target for c in self.columns}


def _row_targets(row: list, aliases: AliasTable) -> set[str]:
    found = set()
    for value in row:
        if value.__class__ is str and value and len(value) < 120:
            target = aliases.match(value)
            if target is not None:
                found.add(target)
    return found


def score_rows(sheet: SheetData, aliases: AliasTable, required: frozenset[str]) -> tuple[int, int]:
    """(best row, score): the row with the most distinct known headers, which must name
    one of ``required``; (-1, 0) if no row qualifies."""
    best, best_score = -1, 0
    for r, row in enumerate(sheet.rows[:SCAN_ROWS]):
        values = _with_merges(sheet, r, row)
        targets = _row_targets(values, aliases) - {"extra"}
        if not targets & required:
            continue
        score = len(targets)
        if score > best_score:
            best, best_score = r, score
    return best, best_score


def _with_merges(sheet: SheetData, r: int, row: list) -> list:
    """Row values with each merged range's value copied into every cell it covers."""
    out = None
    for top, left, bottom, right in sheet.merged:
        if top <= r <= bottom and (right > left or bottom > top):
            if out is None:
                out = list(row)
            src = sheet.rows[top][left] if left < len(sheet.rows[top]) else ""
            for c in range(left, min(right + 1, len(out))):
                out[c] = src
    return out if out is not None else row


def is_numbering_row(row: list) -> bool:
    """A "(1) (2) (3)…" or "1 2 3…" row under the header."""
    seen = 0
    for value in row:
        if value == "" or value is None:
            continue
        if isinstance(value, float):
            if not value.is_integer():
                return False
        elif not (value.__class__ is str and _NUMBERING.fullmatch(value.strip())):
            return False
        seen += 1
    return seen >= 2


def _band(sheet: SheetData, h: int) -> tuple[int, int]:
    """The header rows around row ``h``: those tied to it by merged cells."""
    top = bottom = h
    merged = sheet.merged
    for _ in range(2):  # upward: a merge from the row above reaching down into the band
        if top > 0 and any(t < top <= b and t == top - 1 for t, _l, b, _r in merged):
            top -= 1
    for _ in range(2):  # downward
        nxt = bottom + 1
        if nxt >= len(sheet.rows) or is_numbering_row(sheet.rows[nxt]):
            break
        vertical = any(t <= bottom < b for t, _l, b, _r in merged if t >= top)
        spans = [(left, right) for t, left, b, right in merged if top <= t <= bottom and right > left and b <= bottom]
        row = sheet.rows[nxt]
        filled = [c for c, v in enumerate(row) if v != "" and v is not None]
        under_spans = bool(filled) and bool(spans) and all(any(lo <= c <= hi for lo, hi in spans) for c in filled)
        if vertical or under_spans:
            bottom = nxt
        else:
            break
    return top, bottom


def find_table(
    sheet: SheetData,
    aliases: AliasTable,
    *,
    file: str,
    required: frozenset[str],
    minimum: int = 2,
) -> Table | None:
    """The table of a sheet, or None when no row scores ``minimum`` known headers."""
    h, score = score_rows(sheet, aliases, required)
    if h < 0 or score < minimum:
        return None
    top, bottom = _band(sheet, h)
    data_start = bottom + 1
    while data_start < len(sheet.rows) and is_numbering_row(sheet.rows[data_start]):
        data_start += 1
    columns = _columns(sheet, aliases, top, bottom, file)
    return Table(sheet, top, bottom, data_start, columns, score)


def _columns(sheet: SheetData, aliases: AliasTable, top: int, bottom: int, file: str) -> list[Column]:
    width = max((len(sheet.rows[r]) for r in range(top, bottom + 1)), default=0)
    band = [_with_merges(sheet, r, sheet.rows[r]) for r in range(top, bottom + 1)]
    origin = {}  # (row, col) -> top-left of the merge covering it
    for t, left, b, right in sheet.merged:
        for r in range(max(t, top), min(b, bottom) + 1):
            for c in range(left, right + 1):
                origin[(r, c)] = (t, left)
    columns: list[Column] = []
    for c in range(width):
        parts: list[tuple[str, int]] = []  # (text, band row)
        for i, row in enumerate(band):
            value = row[c] if c < len(row) else ""
            text = clean(value) if value.__class__ is str else None
            if text and (not parts or parts[-1][0] != text):
                parts.append((text, top + i))
        if not parts:
            continue
        leaf_text, leaf_row = parts[-1]
        target = aliases.match(leaf_text)
        group = None
        title = leaf_text
        if len(parts) > 1:
            # sub-column of a merged parent header: matched alone, with, or through its parent
            group = origin.get((parts[0][1], c))
            title = " / ".join(p for p, _ in parts)
            if target is None:
                target = aliases.match(" ".join(p for p, _ in parts)) or aliases.match(parts[0][0])
        head_row, head_col = origin.get((leaf_row, c), (leaf_row, c))
        ref = sheet.ref(file, head_row + 1, head_col + 1, title)
        columns.append(Column(c, target or "extra", title, ref, group))
    _check_duplicates(columns, file)
    return columns


def _check_duplicates(columns: list[Column], file: str) -> None:
    seen: dict[str, Column] = {}
    for col in columns:
        if col.target in ("extra", "stt"):
            continue
        first = seen.get(col.target)
        if first is None:
            seen[col.target] = col
            continue
        if col.group is not None and col.group == first.group:
            continue  # sub-columns of one merged header ("Phí" | "Lệ phí"): read together
        a, b = _where(first.ref), _where(col.ref)
        raise LoadError(
            T(
                f"hai cột cùng là '{first.title}' ({a}) và '{col.title}' ({b}); xóa hoặc đổi tên một cột rồi lưu lại",
                f"two columns mean the same '{first.title}' ({a}) and '{col.title}' "
                f"({b}); delete or rename one of them and save again",
            ),
            col.ref,
        )


def _where(ref: SourceRef) -> str | T:
    if ref.table is not None:
        return T(f"bảng {ref.table}, cột {ref.column}", f"table {ref.table}, column {ref.column}")
    return f"{ref.sheet}!{ref.cell}"


def cell_name(row: int, col: int) -> str:
    """0-based row/col -> "B17"."""
    return f"{column_letter(col + 1)}{row + 1}"
