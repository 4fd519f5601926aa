"""Excel catalogs (.xlsx, .xls, .ods) -> the model, with no configuration.

Three layouts are recognised:

``portal_export``  the national portal's list export: a merged title row, then
                   ``Mã số | Tên | Cơ quan ban hành | Cơ quan thực hiện | Lĩnh vực``.
``annex``          a publication decision's annex (Phụ lục danh mục): title rows with the
                   decision line, multi-row merged headers, a "(1) (2) (3)…" numbering
                   row, section rows ("A. THỦ TỤC HÀNH CHÍNH CẤP TỈNH", "I. Lĩnh vực Hộ
                   tịch") that set level and field for the rows below.
``workbook``       the full layout of :mod:`tthc.load.excel.workbook_layout` (what
                   ``tthc template`` and ``tthc convert`` write).

The header row is found by scoring rows against header aliases (:mod:`tthc.load.excel.headers`),
not assumed. This module only maps cells to :class:`RawRecord` fields with positions;
:func:`tthc.load.build.build_catalog` parses the free text.

Catalog kind: a workbook says its kind on its "Danh mục" sheet (default "full"). An annex
is a provincial list (Nghị định 63/2010 Art. 13(2)(a)) unless it carries the elements a
list never has — both steps (trình tự) and dossier documents (thành phần hồ sơ) — then
it is "full". A portal export carries even less (name, agency, field): it is a list too.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tthc.i18n import T
from tthc.load.base import IssueSink, LoadError, LoadResult
from tthc.load.excel import codes as excel_codes
from tthc.load.excel import workbook_layout as wl
from tthc.load.excel.codes import NumericCode
from tthc.load.excel.headers import EXPECTED_HEADERS, PROCEDURE_HEADERS
from tthc.load.excel.open import SheetData, Workbook, open_workbook, read_sheet
from tthc.load.excel.rows import ProcedureRows
from tthc.load.excel.table import Column, Table, find_table
from tthc.load.excel.title import read_title
from tthc.load.excel.workbook import (
    ChildRows,
    child_sheet_of,
    child_table,
    guess_child,
    is_workbook,
    procedure_key,
    read_catalog_sheet,
)
from tthc.load.limits import Limits
from tthc.load.record import RawRecord
from tthc.model import SourceRef, column_letter

_REQUIRED = frozenset({"name", "code"})
_LIST_ONLY = frozenset({"steps", "documents"})  # an annex with both is a full publication


@dataclass(slots=True)
class ExcelRead:
    """What the Excel loader read, before the model is built."""

    meta: dict[str, Any]
    records: list[RawRecord]
    layout: str
    sink: IssueSink = field(default_factory=IssueSink)


def load_excel(path: Path, limits: Limits | None = None) -> LoadResult:
    """Load an Excel catalog. Raises LoadError when the file cannot be read at all."""
    from tthc.load.build import build_catalog

    with _paused_gc():
        read = read_excel(path, limits=limits)
        return build_catalog(
            read.meta, read.records, source_file=str(path), layout=read.layout, sink=read.sink, consume=True
        )


def read_excel(path: Path, sink: IssueSink | None = None, limits: Limits | None = None) -> ExcelRead:
    """Detect the layout and map the workbook to catalog metadata and raw records."""
    sink = sink if sink is not None else IssueSink()
    with _paused_gc():
        book = open_workbook(path, limits)
        try:
            return read_book(book, str(path), sink)
        finally:
            book.close()


def read_book(book: Workbook, file: str, sink: IssueSink) -> ExcelRead:
    """Map an open workbook — or anything with its interface, such as a CSV file's one
    sheet (:mod:`tthc.load.csv_loader`) — to catalog metadata and raw records."""
    if is_workbook(book.sheet_names):
        return _read_workbook(book, file, sink)
    return _read_single(book, file, sink)


@contextlib.contextmanager
def _paused_gc() -> Iterator[None]:
    """Loading creates millions of acyclic objects (cells, records, positions); the cyclic
    collector would rescan the growing heap again and again (2-3x the load time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# -- portal export and annex ------------------------------------------------------------


def _read_single(book: Workbook, file: str, sink: IssueSink) -> ExcelRead:
    sheet, table = _procedure_table(book, file, [n for n in book.sheet_names])
    read, reader = read_procedure_grid(table, file, sink)
    _numeric_codes(book, sheet.name, reader, sink)
    for name, first in _unused_sheets(book, file, {sheet.name}):
        sink.warn(
            "unused-sheet",
            T(
                f"sheet '{name}' không được đọc (danh mục được đọc từ sheet '{sheet.name}'); dữ liệu trong "
                "sheet này bị bỏ qua — nếu đó là một danh mục khác, lưu nó thành tệp riêng",
                f"sheet '{name}' is not read (the catalog is read from sheet '{sheet.name}'); its data is "
                "ignored — if it is another catalog, save it as a file of its own",
            ),
            first,
            name,
        )
    return read


def _unused_sheets(book: Workbook, file: str, used: set[str]):  # type: ignore[no-untyped-def]
    """(name, position of its first cell) of the sheets holding data that were not read;
    the writer's own drop-down lists are not data."""
    for name in book.sheet_names:
        if name in used or name == wl.LISTS_SHEET:
            continue
        empty = book.empty.get(name)
        if empty is None:
            empty = read_sheet(book, name).is_empty
        if not empty:
            yield name, SourceRef(file, name, 1, 1)


def read_procedure_grid(
    table: Table, file: str, sink: IssueSink, title_rows: list[list[Any]] | None = None
) -> tuple[ExcelRead, ProcedureRows]:
    """A procedure table of any source (sheet, Word or PDF table): a portal list export or
    an annex. ``title_rows`` are lines above the table that are not in it (a document's
    paragraphs: "PHỤ LỤC", the decision line)."""
    sheet = table.sheet
    title = read_title([*(title_rows or []), *sheet.rows[: table.header_top]])
    _report_unknown(table, sink)
    reader = ProcedureRows(file, table, sink, sections=True)
    records = reader.read()
    meta = dict(title.meta)
    _issuer_column(reader, meta)
    targets = table.targets()
    annex = (
        title.annex
        or "stt" in targets
        or table.data_start > table.header_bottom + 1
        or reader.sections.seen > 0
        or len(targets & {"legal_basis", "processing_time", "fees", "place"}) >= 2
    )
    if annex:
        meta.setdefault("kind", "full" if targets >= _LIST_ONLY else "provincial_list")
        return ExcelRead(meta, records, "annex", sink), reader
    # A list export names procedures (code, name, agency, field) without their elements:
    # an index, which completeness rules do not judge.
    meta.setdefault("kind", "index")
    return ExcelRead(meta, records, "portal_export", sink), reader


def _procedure_table(book: Workbook, file: str, names: list[str]) -> tuple[SheetData, Table]:
    """The sheet with the best-scoring procedure header (visible sheets first)."""
    best: tuple[int, SheetData, Table] | None = None
    first_nonempty: SheetData | None = None
    visible = [n for n in names if n not in book.hidden]
    for group in (visible, [n for n in names if n in book.hidden]):
        for name in group:
            sheet = read_sheet(book, name)
            if sheet.is_empty:
                continue
            first_nonempty = first_nonempty or sheet
            table = find_table(sheet, PROCEDURE_HEADERS, file=file, required=_REQUIRED)
            if table is not None and (best is None or table.score > best[0]):
                best = (table.score, sheet, table)
        if best is not None:
            break  # hidden sheets only when no visible sheet holds the list
    if best is None:
        if first_nonempty is None:
            raise LoadError(
                T(
                    "bảng tính trống, không có dữ liệu ở sheet nào; kiểm tra lại tệp",
                    "the workbook is empty: no sheet holds any data; check the file",
                ),
                file,
            )
        where = ", ".join(f"'{n}'" for n in names[:5])
        raise LoadError(
            T(
                f"không tìm thấy dòng tiêu đề cột của danh sách thủ tục (đã tìm trong sheet {where}); "
                f"cần các cột như {EXPECTED_HEADERS}",
                f"no column header row of a procedure list was found (looked in sheet {where}); "
                f"expected columns such as {EXPECTED_HEADERS}",
            ),
            first_nonempty.ref(file, 1),
        )
    _, sheet, table = best
    _untitled_columns(table, file)
    return sheet, table


def _untitled_columns(table: Table, file: str) -> None:
    """Columns with data but no header are kept (in ``extra``) as "Cột H"."""
    known = {c.index for c in table.columns}
    rows = table.sheet.rows
    width = max((len(r) for r in rows[table.data_start :]), default=0)
    for c in range(width):
        if c in known:
            continue
        first = next(
            (r for r in range(table.data_start, len(rows)) if c < len(rows[r]) and rows[r][c] not in ("", None)),
            None,
        )
        if first is None:
            continue
        title = f"Cột {column_letter(c + 1)}"  # a header-less column, named as the sheet shows it
        ref = table.sheet.ref(file, table.header_bottom + 1, c + 1, title)
        table.columns.append(Column(c, "extra", title, ref))


def _report_unknown(table: Table, sink: IssueSink) -> None:
    for col in table.columns:
        if col.target == "extra":
            sink.add(
                _unknown_issue(col),
                once=True,
            )


def _unknown_issue(col: Column):
    from tthc.load.base import IssueSeverity, LoadIssue

    return LoadIssue(
        "unknown-column",
        T(
            f"cột '{col.title}' không thuộc danh mục chuẩn; giữ nguyên trong thông tin khác (extra)",
            f"column '{col.title}' is not a known catalog column; kept as is in extra",
        ),
        col.ref,
        IssueSeverity.WARNING,
        col.title,
    )


def _issuer_column(reader: ProcedureRows, meta: dict[str, Any]) -> None:
    """The portal's "Cơ quan ban hành": the catalog's issuer when every row agrees (and
    the title or the "Danh mục" sheet names no other), otherwise kept per procedure in ``extra``."""
    if not reader.issuers:
        return
    values = {text for text, _ref, _rec in reader.issuers}
    if len(values) == 1 and meta.get("issuer") in (None, *values):
        meta["issuer"] = next(iter(values))
        return
    for text, ref, record in reader.issuers:
        record.values.setdefault("extra", {})[ref.column_title or ""] = text
        record.sources.setdefault("extra", ref)


def _numeric_codes(book: Workbook, sheet: str, reader: ProcedureRows, sink: IssueSink) -> None:
    cells = []
    for record, r, c, v in reader.numeric_codes:
        cells.append(NumericCode(r, c, v, record.sources["code"], _setter(record)))
    excel_codes.report(book.path, book.format, sheet, cells, sink)


def _setter(record: RawRecord):
    def apply(text: str) -> None:
        record.values["code"] = text

    return apply


# -- full workbook ------------------------------------------------------------------------


def _read_workbook(book: Workbook, file: str, sink: IssueSink) -> ExcelRead:
    # The procedure sheet: "Thủ tục" (or an alias) first, then any other sheet that is not a
    # child sheet, by the best header score ("TTHC2-CAPXA" of the national database's export
    # beats its "TTHC" sheet, which holds only codes and conditions).
    named = [n for n in book.sheet_names if child_sheet_of(n) is None and n != wl.LISTS_SHEET]
    preferred = [n for n in named if _is_procedure_sheet_name(n)]
    sheet, table = _procedure_table(book, file, [*preferred, *(n for n in named if n not in preferred)])
    _report_unknown(table, sink)
    reader = ProcedureRows(file, table, sink, sections=False)
    records = reader.read()
    _numeric_codes(book, sheet.name, reader, sink)
    by_key: dict[str, RawRecord] = {}
    for record in records:
        key = procedure_key(record)
        if key in by_key:
            sink.warn(
                "duplicate-code",
                T(
                    f"mã '{key}' trùng với dòng {by_key[key].source.row}; các dòng ở sheet con được gắn vào "
                    "thủ tục đầu tiên",
                    f"code '{key}' repeats row {by_key[key].source.row}; child-sheet rows go to the first one",
                ),
                record.sources.get("code", record.source),
                key,
            )
            continue
        by_key[key] = record
    meta: dict[str, Any] = {"kind": "full"}
    for name in book.sheet_names:
        if name == sheet.name or name == wl.LISTS_SHEET:
            continue
        spec = child_sheet_of(name)
        child = read_sheet(book, name)
        if child.is_empty:
            continue
        if spec is wl.CATALOG:
            meta.update(read_catalog_sheet(child, file, sink))
            continue
        child_tab: Table | None
        if spec is None:
            guessed = guess_child(child, file)
            if guessed is None:
                _unused_child(name, sheet.name, SourceRef(file, name, 1, 1), sink)
                continue
            spec, child_tab = guessed
        else:
            child_tab = child_table(child, spec, file)
            if child_tab is None:
                sink.error(
                    "no-header",
                    T(
                        f"sheet '{name}' không có dòng tiêu đề cột (cần cột Mã TTHC và các cột "
                        f"{', '.join(c.header for c in spec.columns[1:])}); sheet bị bỏ qua",
                        f"sheet '{name}' has no column header row (expected Mã TTHC and "
                        f"{', '.join(c.header for c in spec.columns[1:])}); sheet skipped",
                    ),
                    child.ref(file, 1),
                )
                continue
        _report_unknown_child(child_tab, sink)
        rows = ChildRows(file, spec, child_tab, sink)
        rows.attach(by_key)
        excel_codes.report(book.path, book.format, name, rows.numeric, sink)
    _issuer_column(reader, meta)
    return ExcelRead(meta, records, "workbook", sink)


def _unused_child(name: str, procedures: str, first: SourceRef, sink: IssueSink) -> None:
    sink.warn(
        "unused-sheet",
        T(
            f"sheet '{name}' không được đọc: không phải sheet thủ tục (đã đọc '{procedures}') hay một sheet con "
            "theo mẫu (cột Mã TTHC cùng các cột của một sheet như Cách thức thực hiện, TPHS, CCPL); dữ liệu "
            "trong sheet này bị bỏ qua",
            f"sheet '{name}' is not read: it is neither the procedure sheet ('{procedures}' was read) nor a "
            "child sheet of the layout (a Mã TTHC column with the columns of a sheet such as Cách thức thực "
            "hiện, TPHS, CCPL); its data is ignored",
        ),
        first,
        name,
    )


def _is_procedure_sheet_name(name: str) -> bool:
    from tthc.load.excel.headers import sheet_matches

    return sheet_matches(name, wl.PROCEDURES)


def _report_unknown_child(table: Table, sink: IssueSink) -> None:
    from tthc.load.base import IssueSeverity, LoadIssue

    for col in table.columns:
        if col.target == "extra":
            sink.add(
                LoadIssue(
                    "unknown-column",
                    T(
                        f"cột '{col.title}' không thuộc sheet {table.sheet.name} theo mẫu; bỏ qua",
                        f"column '{col.title}' is not part of the {table.sheet.name} sheet layout; ignored",
                    ),
                    col.ref,
                    IssueSeverity.WARNING,
                    col.title,
                ),
                once=True,
            )
