"""The full workbook layout (:mod:`tthc.load.excel.workbook_layout`): a "Thủ tục" sheet plus
child sheets whose rows belong to a procedure through the "Mã TTHC" key column.

A child row's key is the procedure code, or "#<row>" (the procedure's row number on the
procedure sheet) for a procedure without a code. Child rows are attached to the first
procedure with their key; rows whose key matches no procedure are reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tthc.i18n import T
from tthc.load.base import IssueSink
from tthc.load.excel import cells
from tthc.load.excel import workbook_layout as wl
from tthc.load.excel.codes import NumericCode
from tthc.load.excel.headers import CATALOG_HEADERS, CHILD_HEADERS, AliasTable, header_key, sheet_matches
from tthc.load.excel.open import SheetData
from tthc.load.excel.table import Table, find_table
from tthc.load.record import SOURCE_KEY, RawRecord
from tthc.model import SourceRef
from tthc.text import match_key

# Drop-downs whose stored value the builder needs (it reads other labels itself, and
# keeping the label keeps the text as written, e.g. a channel's method).
_MAPPED_CHOICES = {
    ("legal_basis", "kind"): wl.DOC_KIND_CHOICES,
    ("agencies", "role"): wl.AGENCY_ROLE_CHOICES,
}


def is_workbook(sheet_names: list[str]) -> bool:
    """A workbook in the full layout has a "Danh mục" sheet or a child sheet."""
    return any(sheet_matches(n, s) for n in sheet_names for s in (wl.CATALOG, *wl.READ_SHEETS))


def child_value(sheet_key: str, target: str, kind: str, v: Any) -> Any:
    """One child-sheet cell as the builder receives it (the writer predicts losses with this too)."""
    if kind == "date":
        val = cells.date_text(v)
    elif kind == "int":
        val = cells.int_text(v)
    elif kind == "lines" or target in ("fees", "raw"):
        val = cells.keep_lines(v)
    else:
        val = cells.text(v)
    if val is None and (target in cells.NO_MEANS_NONE or (sheet_key, target) == ("fees", "raw")):
        val = cells.answer_no(v)  # "Không" as a fee row is an answer (no fee), not an empty cell
    if val is None:
        return None
    choices = _MAPPED_CHOICES.get((sheet_key, target))
    return choice_value(val, choices) if choices else val


def child_sheet_of(name: str) -> wl.Sheet | None:
    for sheet in (wl.CATALOG, *wl.READ_SHEETS):
        if sheet_matches(name, sheet):
            return sheet
    return None


def choice_value(text: str, choices: tuple[tuple[str, str], ...]) -> str:
    """A drop-down label or value -> the stored value (unknown text is returned as is)."""
    key = match_key(text)
    for label, value in choices:
        if key in (match_key(label), value):
            return value
    return text


@dataclass(slots=True)
class ChildRows:
    """Reads one child sheet and attaches its rows to their procedures."""

    file: str
    spec: wl.Sheet
    table: Table
    sink: IssueSink
    numeric: list[NumericCode] = field(default_factory=list)

    def attach(self, by_key: dict[str, RawRecord]) -> None:
        sheet, spec = self.table.sheet, self.spec
        key_col = self.table.column(wl.PROCEDURE_KEY)
        assert key_col is not None
        kinds = {c.key: c.kind for c in spec.columns}
        skip = {wl.PROCEDURE_KEY, "extra", *wl.CHILD_REPEATED}
        cols = [c for c in self.table.columns if c.target not in skip]
        orphans: set[str] = set()
        for r in range(self.table.data_start, len(sheet.rows)):
            row = sheet.rows[r]
            item: dict[str, Any] = {}
            for col in cols:
                v = row[col.index] if col.index < len(row) else ""
                if v == "":
                    continue
                val = child_value(spec.key, col.target, kinds.get(col.target, "text"), v)
                if val is not None:
                    item[col.target] = val
            if not item:
                continue
            ref = SourceRef(self.file, sheet.name, r + 1)
            key = self._key(row, r, key_col.index, key_col.title)
            if key is None:
                self.sink.warn(
                    "missing-key",
                    T(
                        "dòng không có Mã TTHC nên không gắn được vào thủ tục nào (bỏ qua)",
                        "row has no procedure code (Mã TTHC), so it belongs to no procedure (skipped)",
                    ),
                    ref.at(column=key_col.index + 1, column_title=key_col.title),
                )
                continue
            record = by_key.get(key)
            if record is None:
                if key not in orphans:
                    orphans.add(key)
                    self.sink.warn(
                        "orphan-row",
                        T(
                            f"không có thủ tục mã '{key}' ở sheet {wl.PROCEDURES.name}; dòng này bị bỏ qua",
                            f"no procedure with code '{key}' on the {wl.PROCEDURES.name} sheet; row skipped",
                        ),
                        ref.at(column=key_col.index + 1, column_title=key_col.title),
                        key,
                    )
                continue
            item[SOURCE_KEY] = ref
            self._put(record, item, ref)

    def _key(self, row: list, r: int, c: int, title: str) -> str | None:
        v = row[c] if c < len(row) else ""
        if v.__class__ is str:
            return cells.text(v)
        if isinstance(v, float):
            # resolved like a procedure code: error, display text; until then General
            shown = cells.general_number(v)
            ref = SourceRef(self.file, self.table.sheet.name, r + 1, c + 1, None, title)
            self.numeric.append(NumericCode(r, c, v, ref, lambda _text: None))
            return shown
        return cells.text(v)

    def _put(self, record: RawRecord, item: dict[str, Any], ref: SourceRef) -> None:
        target = self.spec.key
        if target == "steps":
            steps = record.values.get("steps")
            if not isinstance(steps, list):
                steps = [] if steps is None else [steps]
                record.values["steps"] = steps
            steps.extend(v for v in (item.get("case"), item.get("description")) if v)
            record.sources.setdefault("steps", ref)
        elif target == "volume":
            volume = record.values.get("volume")
            if not isinstance(volume, dict):
                volume = {SOURCE_KEY: ref}
                record.set("volume", volume, ref)
            volume.setdefault("history", []).append(item)
        elif target == "extra":
            column, value = item.get("column"), item.get("value")
            if column:
                extra = record.values.setdefault("extra", {})
                extra[column] = value if value is not None else ""
                record.sources.setdefault("extra", ref)
        else:
            items = record.values.get(target)
            if not isinstance(items, list):
                items = [] if items is None else [items]
                record.values[target] = items
            items.append(item)
            record.sources.setdefault(target, ref)


def child_table(sheet: SheetData, spec: wl.Sheet, file: str) -> Table | None:
    return find_table(sheet, CHILD_HEADERS[spec.key], file=file, required=frozenset({wl.PROCEDURE_KEY}))


def guess_child(sheet: SheetData, file: str) -> tuple[wl.Sheet, Table] | None:
    """A child sheet under another name, recognised by its headers."""
    best: tuple[int, wl.Sheet, Table] | None = None
    for spec in wl.READ_SHEETS:
        table = child_table(sheet, spec, file)
        if table is not None and table.score >= 3 and (best is None or table.score > best[0]):
            best = (table.score, spec, table)
    return (best[1], best[2]) if best else None


def read_catalog_sheet(sheet: SheetData, file: str, sink: IssueSink) -> dict[str, Any]:
    """Catalog metadata from the "Danh mục" sheet's (item, value) rows."""
    items = AliasTable({item.key: (item.key, item.header) for item in wl.CATALOG_ITEMS})
    header_words = {header_key(c.header) for c in wl.CATALOG.columns} | CATALOG_HEADERS.targets()
    found: dict[str, tuple[Any, SourceRef]] = {}
    for r, row in enumerate(sheet.rows):
        for c, value in enumerate(row):
            if value.__class__ is not str or header_key(value) in header_words:
                continue
            key = items.match(value)
            if key is None:
                continue
            rest = [(cc, v) for cc, v in enumerate(row[c + 1 :], c + 1) if v != "" and items.match(v) is None]
            if rest and key not in found:
                cc, v = rest[0]
                found[key] = (v, SourceRef(file, sheet.name, r + 1, cc + 1, None, wl.CATALOG.column("value").header))
            break
    meta: dict[str, Any] = {}
    for key in ("name", "issuer", "locality", "id"):
        if key in found:
            meta[key] = cells.text(found[key][0])
    if "kind" in found:
        text = cells.text(found["kind"][0])
        meta["kind"] = choice_value(text, wl.CATALOG_KIND_CHOICES) if text else None
    number = cells.text(found["decision_number"][0]) if "decision_number" in found else None
    date = cells.date_text(found["decision_date"][0]) if "decision_date" in found else None
    if number or date:
        meta["decision"] = {"number": number, "date": date}
    if wl.FORMAT_MARKER in found:
        version = cells.int_text(found[wl.FORMAT_MARKER][0])
        if version and version.isdigit() and int(version) > wl.FORMAT_VERSION:
            sink.warn(
                "newer-format",
                T(
                    f"sổ theo định dạng phiên bản {version}, mới hơn phiên bản công cụ này đọc được "
                    f"({wl.FORMAT_VERSION}); hãy cập nhật tthc",
                    f"the workbook uses format version {version}, newer than this tool reads "
                    f"({wl.FORMAT_VERSION}); update tthc",
                ),
                found[wl.FORMAT_MARKER][1],
            )
    return {k: v for k, v in meta.items() if v is not None}


def procedure_key(record: RawRecord) -> str:
    code = record.values.get("code")
    return code if isinstance(code, str) and code else f"{wl.ROW_KEY_PREFIX}{record.source.row}"
