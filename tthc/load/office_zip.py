"""Look inside a zip-based office file (xlsx, ods, docx) before any reader opens it.

Checks every part against :class:`tthc.load.limits.Limits` — the inflated size (counted
while inflating, because a zip's declared sizes can lie), the sheet dimension a
spreadsheet declares and the cells it really uses, the longest text — and fails with
one :class:`LoadError` line when a limit is passed. While it streams the parts it also
collects what the spreadsheet reader does not report: Excel error cells (``#N/A``,
``#REF!``), and for OpenDocument the merged ranges and error cells.
"""

from __future__ import annotations

import copy
import html
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tthc.i18n import T
from tthc.load.base import LoadError
from tthc.load.limits import DEFAULT_LIMITS, Limits
from tthc.model import column_letter

_CHUNK = 1 << 22  # 4 MB: the checks stay far below the reader's own peak
_MAX_RATIO = 1100  # deflate inflates at most ~1032:1
_OVERLAP = 256
_DIMENSION = re.compile(rb'<dimension\s+ref="([A-Z]{1,4})(\d{1,9})(?::([A-Z]{1,4})(\d{1,9}))?"')
_ROW = re.compile(rb'<row\b[^>]*?\sr="(\d{1,12})"')
_WIDE_COL = re.compile(rb'<c\s+r="([A-Z]{2,4})\d')
_CELL_REF = re.compile(rb'\br="([A-Z]{1,4})(\d{1,12})"')
_ERROR_VALUE = re.compile(rb"<v>([^<]{1,16})</v>")
_SHEET = re.compile(rb"<sheet\b([^>]*)/?>")
_ATTR = re.compile(rb'([\w:]+)="([^"]*)"')
_REL = re.compile(rb"<Relationship\b([^>]*)/?>")


@dataclass(slots=True)
class ZipFacts:
    """What the readers need besides the cell values."""

    errors: dict[str, dict[tuple[int, int], str]] = field(default_factory=dict)  # sheet -> cell -> "#N/A"
    merged: dict[str, list[tuple[int, int, int, int]]] = field(default_factory=dict)  # ods only


def _fail(path: Path, vi: str, en: str) -> LoadError:
    return LoadError(T(vi, en), str(path))


def _col_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


class _Budget:
    """Inflated bytes left for the whole file."""

    def __init__(self, path: Path, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self.left = limits.unzipped_bytes

    def take(self, n: int) -> None:
        self.left -= n
        if self.left < 0:
            raise _too_big(self.path, self.limits)


def _too_big(path: Path, limits: Limits) -> LoadError:
    mb = limits.max_unzipped_mb
    return _fail(
        path,
        f"tệp giải nén ra hơn {mb} MB (có thể là tệp 'bom zip' độc hại) nên không đọc; nếu đây là danh mục thật, "
        f"tăng limits.max-unzipped-mb trong tthc.yaml",
        f"the file inflates to more than {mb} MB (perhaps a malicious 'zip bomb'), so it is not read; if it is a "
        f"real catalog, raise limits.max-unzipped-mb in tthc.yaml",
    )


def _chunks(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget) -> Iterator[bytes]:
    """A part's inflated bytes, counted against the budget whatever size the zip declares."""
    real = copy.copy(info)
    real.file_size = max(budget.left, 0) + 2 * _CHUNK  # read past a falsely small declared size
    try:
        with zf.open(real) as fh:
            while chunk := fh.read(_CHUNK):
                budget.take(len(chunk))
                yield chunk
    except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, NotImplementedError) as exc:
        raise _fail(
            budget.path,
            f"tệp bị hỏng hoặc không trọn vẹn (phần '{info.filename}': {exc}); tải lại hoặc mở và lưu lại tệp",
            f"the file is damaged or truncated (part '{info.filename}': {exc}); download it again or open and "
            "save it again",
        ) from exc


def check_declared(zf: zipfile.ZipFile, path: Path, limits: Limits) -> None:
    """The sizes the zip declares: refuse at once what is declared too big."""
    total = 0
    for info in zf.infolist():
        total += info.file_size
    if total > limits.unzipped_bytes or len(zf.infolist()) > 100_000:
        raise _too_big(path, limits)


def inspect(path: Path, kind: str, limits: Limits | None = None, shown: Path | None = None) -> ZipFacts:
    """Check an xlsx, ods or docx file against the limits; raise LoadError if one is passed.
    ``shown``: the file messages name, when ``path`` is a converted copy."""
    limits = limits or DEFAULT_LIMITS
    try:
        return _inspect(path, kind, limits)
    except LoadError as exc:
        if shown is not None and shown != path:
            raise LoadError(exc.message, str(shown)) from exc
        raise


def _inspect(path: Path, kind: str, limits: Limits) -> ZipFacts:
    facts = ZipFacts()
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        raise _fail(
            path,
            "tệp bị hỏng hoặc không trọn vẹn (có thể tải về chưa xong); tải lại tệp hoặc mở và lưu lại",
            "the file is damaged or truncated (perhaps an unfinished download); download it again or open "
            "and save it again",
        ) from exc
    with zf:
        check_declared(zf, path, limits)
        budget = _Budget(path, limits)
        if kind == "xlsx":
            done = _inspect_xlsx(zf, path, limits, budget, facts)
        elif kind == "ods":
            done = _inspect_ods(zf, path, limits, budget, facts)
        elif kind == "docx":
            done = _inspect_docx(zf, path, limits, budget)
        else:
            done = set()
        for info in zf.infolist():  # other parts: inflated for real when their declared size could lie
            if info.filename in done or info.is_dir():
                continue
            if info.compress_type == zipfile.ZIP_STORED:
                budget.take(info.compress_size)
                continue
            if info.compress_size * _MAX_RATIO <= budget.left:
                budget.take(info.file_size)  # cannot pass the budget, whatever it inflates to
                continue
            for _ in _chunks(zf, info, budget):
                pass
    return facts


# -- xlsx ---------------------------------------------------------------------------------


def _sheet_parts(zf: zipfile.ZipFile, budget: _Budget) -> list[tuple[str, str]]:
    """(sheet name, part name) from xl/workbook.xml and its relationships."""
    names = set(zf.namelist())
    if "xl/workbook.xml" not in names:
        return []
    book = b"".join(_chunks(zf, zf.getinfo("xl/workbook.xml"), budget))
    rels_name = "xl/_rels/workbook.xml.rels"
    rels = b"".join(_chunks(zf, zf.getinfo(rels_name), budget)) if rels_name in names else b""
    targets: dict[bytes, str] = {}
    for m in _REL.finditer(rels):
        attrs = dict(_ATTR.findall(m.group(1)))
        target = attrs.get(b"Target", b"").decode("utf-8", "replace")
        part = target.lstrip("/") if target.startswith("/") else "xl/" + target
        targets[attrs.get(b"Id", b"")] = part
    out = []
    for m in _SHEET.finditer(book):
        attrs = {k.split(b":")[-1]: v for k, v in _ATTR.findall(m.group(1))}
        name = html.unescape(attrs.get(b"name", b"").decode("utf-8", "replace"))
        part = targets.get(attrs.get(b"id", b""))
        if part and part in names:
            out.append((name, part))
    return out


def _inspect_xlsx(zf: zipfile.ZipFile, path: Path, limits: Limits, budget: _Budget, facts: ZipFacts) -> set[str]:
    done = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels"}
    for sheet, part in _sheet_parts(zf, budget):
        done.add(part)
        errors = _scan_sheet(zf, zf.getinfo(part), sheet, path, limits, budget)
        if errors:
            facts.errors[sheet] = errors
    strings = "xl/sharedStrings.xml"
    if strings in zf.namelist():
        done.add(strings)
        _longest_text(_chunks(zf, zf.getinfo(strings), budget), path, limits)
    return done


def _scan_sheet(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, sheet: str, path: Path, limits: Limits, budget: _Budget
) -> dict[tuple[int, int], str]:
    """The declared dimension, the rows and columns really used, the error cells."""
    max_row = max_wide = 0
    declared: tuple[int, int] | None = None
    errors: dict[tuple[int, int], str] = {}
    tail = b""
    first = True
    for chunk in checked_texts(_chunks(zf, info, budget), path, limits):
        block = tail + chunk
        if first:
            first = False
            m = _DIMENSION.search(block, 0, 4096)
            if m:
                last_col, last_row = (m.group(3), m.group(4)) if m.group(3) else (m.group(1), m.group(2))
                declared = (int(last_row), _col_number(last_col))
                _check_extent(path, sheet, declared[0], declared[1], limits, declared=True)
        rows = _ROW.findall(block)
        if rows:
            max_row = max(max_row, *map(int, rows))
        wide = _WIDE_COL.findall(block)
        if wide:
            max_wide = max(max_wide, *map(_col_number, set(wide)))
        at = block.find(b't="e"')
        while at >= 0:
            start = block.rfind(b"<c", 0, at)
            end = block.find(b"</c>", at)
            if start >= 0 and end >= 0:
                ref = _CELL_REF.search(block, start, at)
                value = _ERROR_VALUE.search(block, at, end)
                if ref:
                    rc = (int(ref.group(2)) - 1, _col_number(ref.group(1)) - 1)
                    errors[rc] = value.group(1).decode("ascii", "replace") if value else "#ERROR"
                max_row = max(max_row, int(ref.group(2)) if ref else 0)
            at = block.find(b't="e"', at + 5)
        tail = block[-_OVERLAP:]
    cols = max_wide or 26  # one-letter columns go up to Z whatever the dimension says
    if max_row:
        _check_extent(path, sheet, max_row, cols, limits, declared=False)
    return errors


def _check_extent(path: Path, sheet: str, rows: int, cols: int, limits: Limits, *, declared: bool) -> None:
    if rows <= limits.max_rows and rows * cols <= limits.max_cells:
        return
    corner = f"{column_letter(min(cols, 16384))}{rows}"
    how_vi = "khai báo vùng dữ liệu tới" if declared else "có ô tới"
    how_en = "declares its data up to" if declared else "has a cell as far as"
    raise _fail(
        path,
        f"sheet '{sheet}' {how_vi} {corner} ({rows:,} dòng x {cols:,} cột), quá giới hạn "
        f"{limits.max_cells:,} ô / {limits.max_rows:,} dòng nên không đọc (đọc sẽ cần rất nhiều bộ nhớ); xóa các "
        "dòng, cột trống ở cuối sheet rồi lưu lại, hoặc tăng limits.max-cells trong tthc.yaml",
        f"sheet '{sheet}' {how_en} {corner} ({rows:,} rows x {cols:,} columns), over the limit of "
        f"{limits.max_cells:,} cells / {limits.max_rows:,} rows, so it is not read (reading it would take a huge "
        "amount of memory); delete the empty rows and columns at the end of the sheet and save it again, or "
        "raise limits.max-cells in tthc.yaml",
    )


def _longest_text(chunks: Iterator[bytes], path: Path, limits: Limits) -> None:
    for _ in checked_texts(chunks, path, limits):
        pass


def checked_texts(chunks: Iterator[bytes], path: Path, limits: Limits) -> Iterator[bytes]:
    """The chunks, refusing a text run (between two tags) longer than the cell limit.
    Bytes are counted: a run of N characters is at least N bytes, so no cell over the
    limit passes."""
    cap = limits.max_cell_chars
    carry = 0  # length of the run still open at the end of the previous chunk
    for chunk in chunks:
        first = chunk.find(b"<")
        if first < 0:
            carry += len(chunk)
            if carry > cap:
                raise _too_long(path, cap)
        else:
            if carry + first > cap or _has_long_run(chunk, first, cap):
                raise _too_long(path, cap)
            carry = len(chunk) - chunk.rfind(b"<") - 1
        yield chunk


def _too_long(path: Path, cap: int) -> LoadError:
    return _fail(
        path,
        f"một ô (hoặc đoạn văn bản) dài hơn {cap:,} ký tự, không phải nội dung danh mục thật, nên tệp không được "
        "đọc; kiểm tra tệp, hoặc tăng limits.max-cell-chars trong tthc.yaml",
        f"a cell (or a text run) is longer than {cap:,} characters, which no real catalog holds, so the file "
        "is not read; check the file, or raise limits.max-cell-chars in tthc.yaml",
    )


def _has_long_run(chunk: bytes, first: int, cap: int) -> bool:
    """Whether a stretch between two '<' in a chunk (from the first '<' on, the open end
    included) is longer than ``cap`` bytes. A stretch of more than ``cap`` bytes covers
    one of the probes ``cap + 1`` bytes apart, so only the stretches under the probes are
    measured: C-level find/rfind over each byte at most about twice, no copies."""
    end = len(chunk)
    for probe in range(first + cap + 1, end, cap + 1):
        if chunk[probe] == 60:  # '<'
            continue
        start = chunk.rfind(b"<", first, probe)
        stop = chunk.find(b"<", probe)
        if (end if stop < 0 else stop) - start - 1 > cap:
            return True
    return False


# -- ods ----------------------------------------------------------------------------------

_T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_CALC = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"


class _Stream(io.RawIOBase):
    """A file object over a chunk iterator (for iterparse)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._buf = b""

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[no-untyped-def]
        while not self._buf:
            try:
                self._buf = next(self._chunks)
            except StopIteration:
                return 0
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        return n


def _int(value: str | None) -> int:
    try:
        return max(1, int(value)) if value else 1
    except ValueError:
        return 1


def _inspect_ods(zf: zipfile.ZipFile, path: Path, limits: Limits, budget: _Budget, facts: ZipFacts) -> set[str]:
    import xml.etree.ElementTree as ET

    if "content.xml" not in zf.namelist():
        return set()
    stream = io.BufferedReader(_Stream(_chunks(zf, zf.getinfo("content.xml"), budget)))
    sheet = ""
    row = col = 0
    used_rows = used_cols = 0
    row_has = False
    cap = limits.max_cell_chars
    try:
        for event, elem in ET.iterparse(stream, events=("start", "end")):
            tag = elem.tag
            if event == "start":
                if tag == _T + "table":
                    sheet = elem.get(_T + "name") or ""
                    row = col = used_rows = used_cols = 0
                elif tag == _T + "table-row":
                    col = 0
                    row_has = False
                continue
            if tag in (_T + "table-cell", _T + "covered-table-cell"):
                repeat = _int(elem.get(_T + "number-columns-repeated"))
                text = "".join(elem.itertext())
                if len(text) > cap:
                    _longest_text(iter([b"x" * (cap + 1)]), path, limits)
                filled = bool(text) or elem.get(_O + "value") is not None
                if filled:
                    row_has = True
                    used_cols = max(used_cols, col + repeat)
                    used_rows = max(used_rows, row + 1)
                    if used_rows > limits.max_rows or used_rows * used_cols > limits.max_cells:
                        _check_extent(path, sheet, used_rows, used_cols, limits, declared=False)
                if tag == _T + "table-cell":
                    span_c = _int(elem.get(_T + "number-columns-spanned"))
                    span_r = _int(elem.get(_T + "number-rows-spanned"))
                    if span_c > 1 or span_r > 1:
                        facts.merged.setdefault(sheet, []).append((row, col, row + span_r - 1, col + span_c - 1))
                    if elem.get(_CALC + "value-type") == "error":
                        facts.errors.setdefault(sheet, {})[(row, col)] = text.strip() or "#ERROR"
                col += repeat
                elem.clear()
            elif tag == _T + "table-row":
                repeat = _int(elem.get(_T + "number-rows-repeated"))
                if row_has and repeat > 1:  # a filled row repeated: every copy is read
                    used_rows = max(used_rows, row + repeat)
                    _check_extent(path, sheet, used_rows, max(used_cols, 1), limits, declared=False)
                row += repeat
                elem.clear()
    except ET.ParseError as exc:
        raise _fail(
            path,
            f"tệp .ods bị hỏng (content.xml: {exc}); mở bằng LibreOffice rồi lưu lại",
            f"the .ods file is damaged (content.xml: {exc}); open it in LibreOffice and save it again",
        ) from exc
    return {"content.xml"}


# -- docx ---------------------------------------------------------------------------------


def _inspect_docx(zf: zipfile.ZipFile, path: Path, limits: Limits, budget: _Budget) -> set[str]:
    body = "word/document.xml"
    if body not in zf.namelist():
        return set()

    def counted() -> Iterator[bytes]:
        size = 0
        for chunk in _chunks(zf, zf.getinfo(body), budget):
            size += len(chunk)
            if size > limits.document_bytes:
                mb = limits.max_document_mb
                raise _fail(
                    path,
                    f"nội dung tệp Word dài hơn {mb} MB khi giải nén, quá giới hạn nên không đọc; nếu đây là văn "
                    "bản thật, tăng limits.max-document-mb trong tthc.yaml",
                    f"the Word file's body inflates to more than {mb} MB, over the limit, so it is not read; if "
                    "it is a real document, raise limits.max-document-mb in tthc.yaml",
                )
            yield chunk

    _longest_text(counted(), path, limits)
    return {body}
