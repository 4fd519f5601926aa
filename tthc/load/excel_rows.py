"""Rows of a procedure table -> :class:`RawRecord` values with the position of each cell.

Shared by every layout (portal export, annex, the workbook's "Thủ tục" sheet). Annex
section rows ("A. THỦ TỤC HÀNH CHÍNH CẤP TỈNH", "I. Lĩnh vực Hộ tịch") set ``levels``
and ``field`` for the rows under them; rows whose code and name cells are merged down
are one procedure spread over several rows; a value merged down other columns belongs
to every procedure it covers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tthc import fields
from tthc.i18n import tr
from tthc.load import excel_cells as cells
from tthc.load.base import IssueSink
from tthc.load.excel_table import Column, Table, is_numbering_row
from tthc.load.headers import header_key
from tthc.load.record import SOURCE_KEY, RawRecord
from tthc.model import SourceRef
from tthc.text import CONTROL, match_key

# How a column's cells are read.
TEXT, LINES, KEEP, DATE, INT, CODE, SKIP = range(7)
# Where a value goes in the record.
PLAIN, EXTRA, AGENCY, METHODS, DECISION, VOLUME, ISSUER = range(7)

_KIND = {"text": TEXT, "lines": LINES, "keep": KEEP, "date": DATE, "int": INT, "code": CODE, "skip": SKIP}
# target -> how its cells are read: the vocabulary's `cell` (tthc.fields), for fields and the
# columns that fill part of one
_READ = {
    **{f.key: _KIND[f.cell_kind] for f in fields.FIELDS},
    **{c.key: _KIND[c.cell] for c in fields.COLUMNS},
}
# target -> where its value goes when not as it is: a field assembled from cells (agencies by
# role, other columns), a column that fills part of a field (Column.of), the issuing body
_INTO = {fields.EXTRA: EXTRA, fields.AGENCIES: AGENCY, "channels": METHODS, "decision": DECISION, "volume": VOLUME}
_STORE = {
    **{f.key: _INTO[f.part] for f in fields.FIELDS if f.part in (fields.EXTRA, fields.AGENCIES)},
    **{c.key: _INTO[c.of] for c in fields.COLUMNS if c.of in _INTO},
    "issuer": ISSUER,
}
_CACHE_SIZE = 20_000  # distinct texts remembered per column
GROUP_KEY = "Nhóm"  # extra key of an annex's non-level, non-field section ("B. TTHC được sửa đổi…")

_MARKER = re.compile(r"(?:[IVXLC]+|[A-ZĐ])\s*[.):]?", re.I)
_MARKER_PREFIX = re.compile(r"^\s*(?:phần\s+)?(?:[IVXLC]+|[A-ZĐ]|\d{1,2}(?:\.\d{1,2})*)\s*[.):\-–]\s+", re.I)
# Section texts are compared on match keys (NFD, tone marks moved), so patterns are too.
_LEVEL_LABEL = {
    match_key(word): label
    for word, label in (
        ("trung ương", "Cấp trung ương"),
        ("bộ", "Cấp bộ"),
        ("tỉnh", "Cấp tỉnh"),
        ("huyện", "Cấp huyện"),
        ("quận", "Cấp huyện"),
        ("xã", "Cấp xã"),
        ("phường", "Cấp xã"),
    )
}
_LEVEL_WORDS = re.compile(
    r"(?<!\w)" + re.escape(match_key("cấp")) + r"\s+(" + "|".join(map(re.escape, _LEVEL_LABEL)) + r")(?!\w)"
)
_FIELD_KEY = match_key("lĩnh vực")
_CODE_LIKE = re.compile(r"\d+\.\d+")
_PROCEDURES_KEY = match_key("thủ tục hành chính")
_FOOTNOTE = tuple(match_key(t) for t in ("ghi chú", "lưu ý", "chú thích", "nguồn", "*", "(*)", "ghi chu"))


@dataclass(slots=True)
class RowCells:
    """What a row gives besides its record's values."""

    issuer: tuple[str, SourceRef] | None = None  # the issuing body's cell (checked per table)
    numeric_code: tuple[int, int, float] | None = None  # a code Excel stored as a number: row, column, value


class ProcedureRows:
    """Reads the data rows of one procedure table."""

    def __init__(self, file: str, table: Table, sink: IssueSink, *, sections: bool = True) -> None:
        self.file = file
        self.table = table
        self.sheet = table.sheet
        self.sink = sink
        self.sections = sections
        self.records: list[RawRecord] = []
        self.by_row: dict[int, RawRecord] = {}  # 0-based row -> record
        self.issuers: list[tuple[str, SourceRef, RawRecord]] = []
        self.numeric_codes: list[tuple[RawRecord, int, int, float]] = []  # record, row, col, value
        self.has_roles = any(c.target.startswith("agencies:") for c in table.columns)
        self._cols = [self._plan(c) for c in sorted(table.columns, key=lambda c: c.index)]
        # Catalogs repeat agencies, places, fees, times and legal bases: clean each text once.
        width = max((c.index for c in table.columns), default=-1) + 1
        self._caches: list[dict[str, Any] | None] = [None] * width
        for idx, target, read, _store, _title in self._cols:
            if read not in (CODE, SKIP) and target != "name":
                self._caches[idx] = {}
        # header texts per column (every row of the header band), to recognise a repeat
        self._header_keys: dict[int, set[str]] = {}
        for hr in range(table.header_top, table.header_bottom + 1):
            for c, v in enumerate(table.sheet.rows[hr] if hr < len(table.sheet.rows) else ()):
                if v.__class__ is str and v.strip():
                    self._header_keys.setdefault(c, set()).add(header_key(v))
        self._code = table.column("code")
        self._name = table.column("name")
        self._stt = table.column("stt")
        self._id_cols = [c.index for c in (self._code, self._stt) if c is not None]
        # annex section state
        self._levels: tuple[str, SourceRef] | None = None
        self._field: tuple[str, SourceRef] | None = None
        self._group: tuple[str, SourceRef] | None = None
        self.sections_seen = 0

    def _plan(self, col: Column) -> tuple[int, str, int, int, str]:
        target = col.target
        if target.startswith("agencies:"):
            return (col.index, target.split(":", 1)[1], LINES, AGENCY, col.title)
        return (col.index, target, _READ.get(target, TEXT), _STORE.get(target, PLAIN), col.title)

    # -- main loop ---------------------------------------------------------------------

    def read(self) -> list[RawRecord]:
        rows = self.sheet.rows
        start = self.table.data_start
        cont, fills, spans = self._merges(start)
        code_i = self._code.index if self._code else -1
        name_i = self._name.index if self._name else -1
        for r in range(start, len(rows)):
            row = rows[r]
            over = fills.get(r)
            if over:
                row = list(row)
                for c, (_top, value) in over.items():
                    if c < len(row):
                        row[c] = value
            parent = cont.get(r)
            if parent is not None and parent in self.by_row:
                values, sources, _ = self._values(r, row, over)  # a code or issuer there: the first row's
                _merge_into(self.by_row[parent], values, sources)
                continue
            has_code = 0 <= code_i < len(row) and row[code_i] != ""
            has_name = 0 <= name_i < len(row) and row[name_i] != ""
            if self._layout_row(row):
                continue
            if not (has_code and has_name):
                kind = self._classify(r, row, spans)
                if kind != "data":
                    continue
            values, sources, found = self._values(r, row, over)
            if "name" not in values and "code" not in values:
                if values or found.issuer is not None:
                    self.sink.warn(
                        "row-without-name",
                        tr(
                            "dòng có dữ liệu nhưng không có mã và tên thủ tục (bỏ qua)",
                            "row with data but no procedure code or name (skipped)",
                        ),
                        self.sheet.ref(self.file, r + 1),
                    )
                continue
            record = RawRecord(self.sheet.ref(self.file, r + 1), values, sources)
            self._apply_sections(record)
            self.records.append(record)
            self.by_row[r] = record
            if found.numeric_code is not None:
                self.numeric_codes.append((record, *found.numeric_code))
            if found.issuer is not None:
                self.issuers.append((*found.issuer, record))
        return self.records

    def _layout_row(self, row: list) -> bool:
        """A "(1) (2) (3)…" numbering row, or the header repeated inside the table (an annex
        that went through Word or PDF repeats it on every page): neither is a procedure."""
        first = row[0] if row else ""
        if (first.__class__ is float or (first.__class__ is str and 0 < len(first) <= 5)) and is_numbering_row(row):
            return True
        keys = self._header_keys
        if not keys:
            return False
        for i in self._id_cols:  # a row number or a code: data (the cheap, common answer)
            v = row[i] if i < len(row) else ""
            if v.__class__ is float or (v.__class__ is str and v[:1].isdigit()):
                return False
        same = filled = 0
        for c, v in enumerate(row):
            if v == "" or v is None:
                continue
            filled += 1
            if v.__class__ is str and len(v) < 120 and c in keys and header_key(v) in keys[c]:
                same += 1
        return same >= 2 and same * 2 >= filled

    def _values(self, r: int, row: list, over: dict | None) -> tuple[dict[str, Any], dict[str, SourceRef], RowCells]:
        values: dict[str, Any] = {}
        sources: dict[str, SourceRef] = {}
        found = RowCells()
        file, sheet, n = self.file, self.sheet.name, len(row)
        doc = self.sheet.is_document
        errors = self.sheet.errors
        caches = self._caches
        for idx, target, read, store, title in self._cols:
            if idx >= n:
                break
            v = row[idx]
            if v == "" or read == SKIP:
                if errors and (r, idx) in errors:
                    self._error_cell(r, idx, target, title, errors[(r, idx)])
                continue
            cache = caches[idx]
            controls = False
            if cache is not None and v.__class__ is str and v in cache:
                val = cache[v]
                if val.__class__ is list:
                    val = list(val)
            else:
                if read == TEXT:
                    val = cells.text(v)
                elif read == LINES:
                    val = cells.lines(v) or None
                elif read == KEEP:
                    val = cells.keep_lines(v)
                elif read == CODE:
                    val = self._code_text(v, r, idx, found)
                elif read == DATE:
                    val = cells.date_text(v)
                else:
                    val = cells.int_text(v)
                controls = v.__class__ is str and not v.isprintable() and CONTROL.search(v) is not None
                if cache is not None and v.__class__ is str and len(cache) < _CACHE_SIZE:
                    cache[v] = list(val) if val.__class__ is list else val
            if val is None and target in cells.NO_MEANS_NONE:
                val = cells.answer_no(v)
            if val is None:
                continue
            srow = over[idx][0] + 1 if over and idx in over else r + 1
            if doc:
                ref = self.sheet.ref(file, srow, idx + 1, title)
            else:
                ref = SourceRef(file, sheet, srow, idx + 1, None, title)
            if controls:  # removed by clean(); say where (BEL, ESC, U+FFFE… in a cell)
                from tthc.load.build import report_controls

                report_controls(v, target, ref, self.sink)
            if store == PLAIN:
                if target in values:
                    _append(values, target, val)
                else:
                    values[target] = val
                    sources[target] = ref
            elif store == ISSUER:
                if found.issuer is None:
                    found.issuer = (val, ref)
            else:
                self._store(store, target, val, ref, values, sources)
        if self.has_roles and "agencies" in values:
            values["agencies"] = [
                item if isinstance(item, dict) else {"name": item, "role": "implementing"}
                for item in values["agencies"]
            ]
        return values, sources, found

    def _error_cell(self, r: int, c: int, target: str, title: str, error: str) -> None:
        what_vi = "nên thủ tục không có mã" if target == "code" else "nên ô được coi là trống"
        what_en = "so the procedure has no code" if target == "code" else "so the cell is read as empty"
        self.sink.warn(
            "error-cell",
            tr(
                f"ô là lỗi công thức Excel {error} (không có giá trị), {what_vi}; sửa công thức hoặc nhập giá trị "
                "rồi lưu lại",
                f"the cell is an Excel formula error {error} (no value), {what_en}; fix the formula or type the "
                "value and save again",
            ),
            self.sheet.ref(self.file, r + 1, c + 1, title),
            error,
        )

    def _store(self, store: int, target: str, val: Any, ref: SourceRef, values: dict, sources: dict) -> None:
        if store == EXTRA:
            values.setdefault("extra", {})[ref.column_title or ""] = val
            sources.setdefault("extra", ref)
        elif store == AGENCY:
            if self.has_roles:
                role = "implementing" if target == "agencies" else target
                val = [{"name": name, "role": role, SOURCE_KEY: ref} for name in val]
            values.setdefault("agencies", []).extend(val)
            sources.setdefault("agencies", ref)
        elif store == METHODS:
            methods = [part.strip() for line in val for part in line.split(";") if part.strip()]
            values.setdefault("channels", []).extend({"method": m, SOURCE_KEY: ref} for m in methods)
            sources.setdefault("channels", ref)
        elif store == DECISION:
            decision = values.setdefault("decision", {})
            if isinstance(decision, dict):
                decision["number" if target == "decision_number" else "date"] = val
            sources.setdefault("decision", ref)
        elif store == VOLUME:
            volume = values.setdefault("volume", {SOURCE_KEY: ref})
            volume[target] = val
            sources.setdefault("volume", ref)

    # -- codes -------------------------------------------------------------------------

    def _code_text(self, v: Any, r: int, c: int, found: RowCells) -> str | None:
        if v.__class__ is str:
            return cells.text(v)
        if isinstance(v, (float, int)) and not isinstance(v, bool):
            # Shown for now as "General" would; the real display text is looked up later.
            found.numeric_code = (r, c, float(v))
            return cells.general_number(float(v))
        return cells.text(v)

    # -- sections and layout rows ------------------------------------------------------

    def _classify(self, r: int, row: list, spans: dict[int, list[tuple[int, int]]]) -> str:
        """ "data", "empty", "section" (state updated) or "ignored" for a row without a code."""
        filled = [(c, v) for c, v in enumerate(row) if v != "" and v is not None]
        if not filled:
            return "empty"
        stt_i = self._stt.index if self._stt else -1
        name_i = self._name.index if self._name else -1
        stt = row[stt_i] if 0 <= stt_i < len(row) else ""
        others = [(c, v) for c, v in filled if c != stt_i]
        marker = stt.__class__ is str and bool(_MARKER.fullmatch(stt.strip()))
        if not others:
            if stt.__class__ is not str or len(stt) <= 3:
                return "empty"  # a bare row number
            others, marker = [(stt_i, stt)], False
        if len(others) > 1:
            return "data"
        c, v = others[0]
        txt = cells.text(v) if v.__class__ is str else None
        if txt is None:
            return "data" if c == name_i else "empty"
        if self._code and c == self._code.index and _CODE_LIKE.match(txt):
            return "data"  # a code without a name: the builder reports it
        key = match_key(txt)
        if key.startswith(_FOOTNOTE):
            self._ignored(r, c, txt)
            return "ignored"
        numbered = isinstance(stt, float) or (stt.__class__ is str and stt.strip().isdigit())
        if numbered and c == name_i and not (_MARKER_PREFIX.match(txt) or key.startswith(_FIELD_KEY)):
            return "data"  # "3 | Cấp giấy phép … cấp tỉnh": a numbered procedure, not a heading
        across = any(lo <= c and hi - lo >= 2 for lo, hi in spans.get(r, ()))
        looks = bool(_MARKER_PREFIX.match(txt)) or key.startswith(_FIELD_KEY) or _section_words(key)
        if self.sections and (marker or across or looks):
            return self._section(r, c, txt)
        if c == name_i:
            return "data"
        self._ignored(r, c, txt)
        return "ignored"

    def _ignored(self, r: int, c: int, txt: str) -> None:
        self.sink.warn(
            "ignored-row",
            tr(
                f"dòng không phải thủ tục, cũng không phải dòng nhóm (bỏ qua): '{_short(txt)}'",
                f"row is neither a procedure nor a section heading (skipped): '{_short(txt)}'",
            ),
            self.sheet.ref(self.file, r + 1, c + 1),
            txt,
        )

    def _section(self, r: int, c: int, raw: str, marker: str | None = None) -> str:
        text = cells.text(raw) or ""
        if marker and text.startswith(marker):
            body = text[len(marker) :].lstrip(" .):-–")
        else:
            body = _MARKER_PREFIX.sub("", text, count=1)
        body = body or text
        ref = self.sheet.ref(self.file, r + 1, c + 1)
        self.sections_seen += 1
        key = match_key(body)
        levels = _levels_in(key)
        if levels:
            self._levels = (levels, ref)
            self._field = None
        elif key.startswith(_FIELD_KEY):
            name = body[len("lĩnh vực") :].strip(" :.-–")
            self._field = (name or body, ref)
        elif _PROCEDURES_KEY in key or "tthc" in key.split():
            self._group = (body, ref)
            self._levels = None
            self._field = None
        else:
            self._field = (body.strip(" :.-–"), ref)
        return "section"

    def _apply_sections(self, record: RawRecord) -> None:
        values = record.values
        if self._levels and "levels" not in values:
            record.set("levels", self._levels[0], self._levels[1])
        if self._field and "field" not in values:
            record.set("field", self._field[0], self._field[1])
        if self._group:
            extra = values.setdefault("extra", {})
            extra.setdefault(GROUP_KEY, self._group[0])
            record.sources.setdefault("extra", self._group[1])

    # -- merged cells ------------------------------------------------------------------

    def _merges(self, start: int):
        """Continuation rows (code/name merged down), values to copy into the rows a
        vertical merge covers, and horizontal spans per row (section rows)."""
        identity = {c.index for c in self.table.columns if c.target in ("code", "name", "stt")}
        mapped = {c.index for c in self.table.columns}
        cont: dict[int, int] = {}
        vertical: list[tuple[int, int, int, int]] = []
        spans: dict[int, list[tuple[int, int]]] = {}
        rows = self.sheet.rows
        for top, left, bottom, right in self.sheet.merged:
            if top < start or top >= len(rows):
                continue  # above the data, or an empty merge below the last row
            if right > left:
                spans.setdefault(top, []).append((left, right))
            if bottom > top:
                if any(left <= c <= right for c in identity) and (
                    self._code is None
                    or left <= self._code.index <= right
                    or self._name is None
                    or left <= self._name.index <= right
                ):
                    for rr in range(top + 1, bottom + 1):
                        cont.setdefault(rr, top)
                else:
                    vertical.append((top, left, bottom, right))
        fills: dict[int, dict[int, tuple[int, Any]]] = {}
        for top, left, bottom, _right in vertical:
            if left not in mapped or left >= len(rows[top]):
                continue
            value = rows[top][left]
            for rr in range(top + 1, min(bottom, len(rows) - 1) + 1):
                parent = cont.get(rr)
                if parent is None or parent < top:
                    fills.setdefault(rr, {})[left] = (top, value)
        return cont, fills, spans


def _section_words(key: str) -> bool:
    return _PROCEDURES_KEY in key or bool(_LEVEL_WORDS.search(key))


def _levels_in(key: str) -> str | None:
    found: list[str] = []
    for m in _LEVEL_WORDS.finditer(key):
        label = _LEVEL_LABEL.get(m.group(1))
        if label and label not in found:
            found.append(label)
    return ", ".join(found) or None


def _append(values: dict[str, Any], target: str, val: Any) -> None:
    old = values[target]
    if isinstance(old, list):
        values[target] = [*old, *(val if isinstance(val, list) else [val])]
    elif isinstance(val, list):
        values[target] = [old, *val]
    else:
        values[target] = f"{old}\n{val}"


def _merge_into(record: RawRecord, values: dict[str, Any], sources: dict[str, SourceRef]) -> None:
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
            _append(record.values, key, val)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
