"""Rows of a procedure table -> :class:`RawRecord` values with the position of each cell.

Shared by every layout (portal export, annex, the workbook's "Thủ tục" sheet, Word and PDF
tables). Each column is planned once from the vocabulary (:mod:`tthc.fields`): how its cells
are read (text, lines, a date, a number, a code) and where the value goes in the record.
Annex headings are :mod:`tthc.load.excel.sections`; merged cells
:mod:`tthc.load.excel.merged`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tthc import fields
from tthc.i18n import tr
from tthc.load.base import IssueSink
from tthc.load.excel import cells
from tthc.load.excel.headers import header_key
from tthc.load.excel.merged import append_value, merge_into, merge_plan
from tthc.load.excel.sections import Sections
from tthc.load.excel.table import Column, Table, is_numbering_row
from tthc.load.record import SOURCE_KEY, RawRecord
from tthc.model import SourceRef
from tthc.text import CONTROL

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
        self.sections = Sections(file, self.sheet, sink, (self._code, self._name, self._stt), enabled=sections)

    def _plan(self, col: Column) -> tuple[int, str, int, int, str]:
        target = col.target
        if target.startswith("agencies:"):
            return (col.index, target.split(":", 1)[1], LINES, AGENCY, col.title)
        return (col.index, target, _READ.get(target, TEXT), _STORE.get(target, PLAIN), col.title)

    # -- main loop ---------------------------------------------------------------------

    def read(self) -> list[RawRecord]:
        rows = self.sheet.rows
        start = self.table.data_start
        cont, fills, spans = merge_plan(self.table, start)
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
                merge_into(self.by_row[parent], values, sources)
                continue
            has_code = 0 <= code_i < len(row) and row[code_i] != ""
            has_name = 0 <= name_i < len(row) and row[name_i] != ""
            if self._layout_row(row):
                continue
            if not (has_code and has_name):
                kind = self.sections.classify(r, row, spans)
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
            self.sections.apply(record)
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
        row_number = r + 1  # one int per row, not one per cell
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
            srow = over[idx][0] + 1 if over and idx in over else row_number
            if doc:
                ref = self.sheet.ref(file, srow, idx + 1, title)
            else:
                ref = SourceRef(file, sheet, srow, idx + 1, None, title)
            if controls:  # removed by clean(); say where (BEL, ESC, U+FFFE… in a cell)
                from tthc.load.build import report_controls

                report_controls(v, target, ref, self.sink)
            if store == PLAIN:
                if target in values:
                    append_value(values, target, val)
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
