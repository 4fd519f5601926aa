"""Merged cells of a procedure table.

Rows whose code and name cells are merged down are one procedure spread over several rows
(continuation rows, added to the first); a value merged down other columns belongs to every
procedure it covers (copied into each row); a merge across a row marks a section heading.
"""

from __future__ import annotations

from typing import Any

from tthc.load.excel.table import Table
from tthc.load.record import RawRecord
from tthc.model import SourceRef

Fills = dict[int, dict[int, tuple[int, Any]]]  # row -> column -> (top row of the merge, value)


def merge_plan(table: Table, start: int) -> tuple[dict[int, int], Fills, dict[int, list[tuple[int, int]]]]:
    """Continuation rows (row -> the procedure's first row), values to copy into the rows a
    vertical merge covers, and horizontal spans per row (section rows)."""
    code, name = table.column("code"), table.column("name")
    identity = {c.index for c in table.columns if c.target in ("code", "name", "stt")}
    mapped = {c.index for c in table.columns}
    cont: dict[int, int] = {}
    vertical: list[tuple[int, int, int, int]] = []
    spans: dict[int, list[tuple[int, int]]] = {}
    rows = table.sheet.rows
    for top, left, bottom, right in table.sheet.merged:
        if top < start or top >= len(rows):
            continue  # above the data, or an empty merge below the last row
        if right > left:
            spans.setdefault(top, []).append((left, right))
        if bottom > top:
            if any(left <= c <= right for c in identity) and (
                code is None or left <= code.index <= right or name is None or left <= name.index <= right
            ):
                for rr in range(top + 1, bottom + 1):
                    cont.setdefault(rr, top)
            else:
                vertical.append((top, left, bottom, right))
    fills: Fills = {}
    for top, left, bottom, _right in vertical:
        if left not in mapped or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for rr in range(top + 1, min(bottom, len(rows) - 1) + 1):
            parent = cont.get(rr)
            if parent is None or parent < top:
                fills.setdefault(rr, {})[left] = (top, value)
    return cont, fills, spans


def append_value(values: dict[str, Any], target: str, val: Any) -> None:
    """A second value for a field already filled: lists are joined, texts become lines."""
    old = values[target]
    if isinstance(old, list):
        values[target] = [*old, *(val if isinstance(val, list) else [val])]
    elif isinstance(val, list):
        values[target] = [old, *val]
    else:
        values[target] = f"{old}\n{val}"


def merge_into(record: RawRecord, values: dict[str, Any], sources: dict[str, SourceRef]) -> None:
    """Add a continuation row's values to the procedure it belongs to."""
    for key, val in values.items():
        if key not in record.values:
            record.values[key] = val
            if key in sources:
                record.sources[key] = sources[key]
        elif isinstance(val, dict) and isinstance(record.values[key], dict):
            for k, v in val.items():
                record.values[key].setdefault(k, v)
        else:
            append_value(record.values, key, val)
