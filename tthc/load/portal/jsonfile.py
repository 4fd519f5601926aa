"""Read a JSON file: UTF-8 (a BOM is fine), every failure one LoadError with its position."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tthc.i18n import T
from tthc.load.base import LoadError, cannot_open
from tthc.model import SourceRef

# json's own messages, said in Vietnamese too
_REASONS = {
    "Expecting value": ("thiếu giá trị", "a value is missing"),
    "Expecting ',' delimiter": ("thiếu dấu phẩy giữa hai phần tử", "a comma between two items is missing"),
    "Expecting ':' delimiter": ("thiếu dấu hai chấm sau tên khóa", "a colon after a key is missing"),
    "Expecting property name enclosed in double quotes": (
        "tên khóa phải nằm trong ngoặc kép (hoặc thừa dấu phẩy cuối)",
        "a key must be in double quotes (or a trailing comma is left)",
    ),
    "Unterminated string starting at": ("chuỗi chưa đóng ngoặc kép", "a string is not closed"),
    "Invalid control character at": (
        "ký tự điều khiển (xuống dòng, tab) nằm trong chuỗi",
        "a control character (line break, tab) is inside a string",
    ),
    "Extra data": ("còn dữ liệu thừa sau giá trị JSON đầu tiên", "extra data after the first JSON value"),
    "Invalid \\escape": ("dấu \\ không hợp lệ trong chuỗi", "an invalid \\ escape in a string"),
}


def read_json(path: Path) -> Any:
    """The parsed JSON value of a file; LoadError (file:line:column, what, what to do) if not."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise cannot_open(path, exc) from exc
    if not data.strip():
        raise LoadError(T("tệp JSON rỗng", "the JSON file is empty"), str(path))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise LoadError(
            T(
                f"tệp không phải UTF-8 (byte 0x{data[exc.start]:02X} ở vị trí {exc.start}); lưu lại tệp với mã UTF-8",
                f"the file is not UTF-8 (byte 0x{data[exc.start]:02X} at offset {exc.start}); save it as UTF-8",
            ),
            SourceRef(str(path), line=line),
        ) from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        vi, en = _REASONS.get(exc.msg, (exc.msg, exc.msg))
        raise LoadError(
            T(
                f"JSON không hợp lệ: {vi}; sửa tệp tại vị trí này hoặc tải lại tệp",
                f"invalid JSON: {en}; fix the file at this position or download it again",
            ),
            SourceRef(str(path), line=exc.lineno, column=exc.colno),
        ) from exc
    except RecursionError as exc:
        raise LoadError(
            T("JSON lồng nhau quá sâu", "the JSON is nested too deeply"),
            str(path),
        ) from exc
    except ValueError as exc:  # a number of more than 4,300 digits: Python refuses to convert it
        raise LoadError(T(f"JSON không đọc được ({exc})", f"unreadable JSON ({exc})"), str(path)) from exc
