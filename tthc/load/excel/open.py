"""Open a spreadsheet with python-calamine, turning every way it can fail into one clear
:class:`LoadError` (file, what is wrong, what to do). The file is only ever read.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tthc.i18n import T
from tthc.load.base import LoadError
from tthc.load.grid import SheetData
from tthc.load.limits import Limits
from tthc.load.office_zip import ZipFacts, inspect

_ZIP = b"PK\x03\x04"
_EMPTY_ZIP = b"PK\x05\x06"
_CFB = bytes.fromhex("D0CF11E0A1B11AE1")  # OLE2 compound file: legacy .xls, or an encrypted .xlsx
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
_XLS_STREAMS = ("Workbook".encode("utf-16-le"), "Book".encode("utf-16-le"))


@dataclass(slots=True)
class Workbook:
    path: Path
    format: str  # "xlsx", "xls", "ods"
    sheet_names: list[str]
    _book: Any  # calamine workbook
    hidden: set[str]
    facts: ZipFacts | None = None  # error cells (and, for .ods, merged ranges) calamine does not give
    empty: dict[str, bool] = field(default_factory=dict)  # sheets read so far: is it empty?

    def sheet(self, name: str) -> SheetData:
        sheet = self._book.get_sheet_by_name(name)
        rows = sheet.to_python(skip_empty_area=False)
        merged = [(t[0], t[1], b[0], b[1]) for t, b in (sheet.merged_cell_ranges or [])]
        errors: dict[tuple[int, int], str] = {}
        if self.facts is not None:
            if not merged:
                merged = list(self.facts.merged.get(name, ()))
            errors = self.facts.errors.get(name, {})
        data = SheetData(name, rows, merged, name in self.hidden, errors=errors)
        self.empty[name] = data.is_empty
        return data

    def close(self) -> None:
        self._book.close()


def _fail(path: Path, vi: str, en: str) -> LoadError:
    return LoadError(T(vi, en), str(path))


def sniff(path: Path) -> str:
    """The container format from the file's first bytes: "zip" (xlsx, ods), "xls", or a
    LoadError for anything that is not a workbook (including a password-protected one)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
            if head.startswith(_CFB):
                fh.seek(0)
                return _sniff_cfb(path, fh)
    except OSError as exc:
        raise _fail(
            path,
            f"không mở được tệp ({exc.strerror or exc}); kiểm tra đường dẫn và quyền đọc",
            f"cannot open the file ({exc.strerror or exc}); check the path and permissions",
        ) from exc
    if head.startswith((_ZIP, _EMPTY_ZIP)):
        return "zip"
    if not head:
        raise _fail(path, "tệp rỗng (0 byte); tải lại tệp", "the file is empty (0 bytes); download it again")
    raise _fail(
        path,
        "tệp không phải bảng tính Excel (.xlsx, .xls, .ods) — có thể là tệp văn bản, CSV hoặc HTML đổi đuôi; "
        "mở bằng Excel rồi lưu lại dạng .xlsx",
        "the file is not a spreadsheet (.xlsx, .xls, .ods) — perhaps text, CSV or HTML renamed; "
        "open it in Excel and save it as .xlsx",
    )


def _sniff_cfb(path: Path, fh: Any) -> str:
    # Directory entries of the compound file name its streams in UTF-16LE. A document
    # encrypted by Office (password to open) holds "EncryptionInfo" + "EncryptedPackage".
    tail = b""
    found_xls = False
    while chunk := fh.read(1 << 20):
        block = tail + chunk
        if _ENCRYPTED_STREAM in block or _ENCRYPTION_INFO in block:
            raise _fail(
                path,
                "tệp được bảo vệ bằng mật khẩu nên không đọc được; mở bằng Excel, gỡ mật khẩu "
                "(Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu) rồi lưu lại",
                "the file is password-protected and cannot be read; open it in Excel, remove the password "
                "(File > Info > Protect Workbook > Encrypt with Password) and save it again",
            )
        found_xls = found_xls or any(s in block for s in _XLS_STREAMS)
        tail = block[-64:]
    if found_xls:
        return "xls"
    raise _fail(
        path,
        "tệp là tài liệu Office cũ nhưng không phải bảng tính Excel; mở bằng Excel rồi lưu lại dạng .xlsx",
        "the file is an old Office document but not an Excel workbook; open it in Excel and save it as .xlsx",
    )


def _zip_kind(path: Path) -> str:
    """ "xlsx" or "ods" for a sound zip; LoadError for a damaged or foreign one."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "mimetype" in names and b"opendocument.spreadsheet" in zf.read("mimetype"):
                return "ods"
            if "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
                return "xlsx"
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        raise _fail(
            path,
            "tệp .xlsx bị hỏng hoặc không trọn vẹn (có thể tải về chưa xong); tải lại tệp hoặc mở bằng Excel "
            "và lưu lại",
            "the .xlsx file is damaged or truncated (perhaps an unfinished download); download it again or "
            "open it in Excel and save it again",
        ) from exc
    raise _fail(
        path,
        "tệp nén này không phải bảng tính Excel hay OpenDocument (có thể là .docx hoặc .zip đổi đuôi); "
        "mở bằng Excel rồi lưu lại dạng .xlsx",
        "this zip file is not an Excel or OpenDocument spreadsheet (perhaps a renamed .docx or .zip); "
        "open it in Excel and save it as .xlsx",
    )


def open_workbook(path: Path, limits: Limits | None = None) -> Workbook:
    """Open a workbook for reading; raise LoadError with a clear message if it cannot be
    (including a file over the size limits, checked before the reader sees it)."""
    import python_calamine as pc

    container = sniff(path)
    fmt = _zip_kind(path) if container == "zip" else container
    facts = inspect(path, fmt, limits) if container == "zip" else None
    try:
        book = pc.CalamineWorkbook.from_path(str(path))
        names = list(book.sheet_names)
        hidden = {m.name for m in book.sheets_metadata if m.visible != pc.SheetVisibleEnum.Visible}
    except pc.PasswordError as exc:
        raise _fail(
            path,
            "tệp được bảo vệ bằng mật khẩu nên không đọc được; mở bằng Excel, gỡ mật khẩu rồi lưu lại",
            "the file is password-protected and cannot be read; open it in Excel, remove the password "
            "and save it again",
        ) from exc
    except Exception as exc:  # calamine raises several error types for damaged parts
        raise _fail(
            path,
            f"không đọc được bảng tính ({_short(exc)}); mở bằng Excel và lưu lại dạng .xlsx",
            f"cannot read the workbook ({_short(exc)}); open it in Excel and save it again as .xlsx",
        ) from exc
    if not names:
        raise _fail(path, "bảng tính không có sheet nào", "the workbook has no sheets")
    return Workbook(path, fmt, names, book, hidden, facts)


def read_sheet(book: Workbook, name: str) -> SheetData:
    try:
        return book.sheet(name)
    except Exception as exc:
        raise _fail(
            book.path,
            f"không đọc được sheet '{name}' ({_short(exc)}); mở bằng Excel và lưu lại",
            f"cannot read the sheet '{name}' ({_short(exc)}); open the file in Excel and save it again",
        ) from exc


def _short(exc: BaseException, limit: int = 120) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"
