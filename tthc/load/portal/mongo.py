"""A 2021 MongoDB export of the portal's pages: records keyed by the page's own headings.

Schema (``trannguyenhan_dichvucong_7sins/data.json``, a JSON array): ``_id.$oid, title,
"Trình tự thực hiện", "Cách thức thực hiện"[{"Hình thức nộp", "Thời hạn giải quyết",
"Phí, lệ phí", "Mô tả"}], "Thành phần hồ sơ"[{"Tên giấy tờ", "Mẫu đơn, tờ khai" (a
download address), "Số lượng - bản chính" ("Bản chính: 1 - Bản sao: 0")}], "Cơ quan thực
hiện"``. No codes. The page's "Xem chi tiết" link text glued to every fee is dropped;
a download address with an empty ``ma=`` links to nothing and is absent.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from tthc import fields
from tthc.i18n import T
from tthc.load.base import IssueSink, LoadIssue
from tthc.load.portal.crawled import split_join
from tthc.load.record import SOURCE_KEY, RawRecord
from tthc.model import SourceRef
from tthc.text import clean, nfc

# The export's keys (the page's headings) -> fields, and its rows' keys -> items (tthc.fields: `mongo`)
_KEY = {f.key: f.mongo[0] for f in fields.FIELDS if f.mongo}
_NAME, _STEPS, _AGENCIES = _KEY["name"], _KEY["steps"], _KEY["agencies"]
_CHANNELS, _DOCUMENTS = _KEY["channels"], _KEY["documents"]
_CHANNEL = {m: i.key for i in fields.items("channels") for m in i.mongo}
_DOCUMENT = {m: i.key for i in fields.items("documents") for m in i.mongo}
_KNOWN = {"_id", *_KEY.values()}
_SEE_MORE = re.compile(r"\s*Xem chi tiết")
_NO_FILE = re.compile(r"[?&]ma=(?:&|$)")


def is_mongo(data: Mapping[str, Any]) -> bool:
    keys = {nfc(str(k)) for k in data}
    return _NAME in keys and bool(keys & {_CHANNELS, _DOCUMENTS, _STEPS})


def mongo_record(data: Mapping[str, Any], file: str, prefix: str, sink: IssueSink) -> RawRecord:
    def at(key: str, row: int | None = None) -> SourceRef:
        return SourceRef(file, field=prefix + key, row=row)

    d = {nfc(str(k)): v for k, v in data.items()}
    record = RawRecord(SourceRef(file, field=prefix.rstrip(".") or None))
    if _NAME in d:
        record.set("name", d[_NAME], at(_NAME))
    if _STEPS in d:
        record.set("steps", d[_STEPS], at(_STEPS))
    agencies = d.get(_AGENCIES)
    if isinstance(agencies, str) and clean(agencies):
        record.set("agencies", split_join(clean(agencies) or ""), at(_AGENCIES))
    channels = []
    for n, row in _rows(d.get(_CHANNELS)):
        item = {target: row[key] for key, target in _CHANNEL.items() if isinstance(row.get(key), str)}
        if isinstance(item.get("fees"), str):
            item["fees"] = _SEE_MORE.sub("", item["fees"])
        if any(clean(v) for v in item.values()):
            channels.append({**item, SOURCE_KEY: at(_CHANNELS, n)})
    if channels:
        record.set("channels", channels, at(_CHANNELS))
    documents = []
    forms: list[str] = []
    for n, row in _rows(d.get(_DOCUMENTS)):
        item = {target: row[key] for key, target in _DOCUMENT.items() if isinstance(row.get(key), str)}
        form = item.pop("form", None)
        if form and clean(form) and not _NO_FILE.search(form):
            item["form"] = form.strip()
            if form.strip() not in forms:
                forms.append(form.strip())
        if clean(item.get("name")):
            documents.append({**item, SOURCE_KEY: at(_DOCUMENTS, n)})
    if documents:
        record.set("documents", documents, at(_DOCUMENTS))
    if forms:
        record.set("forms", forms, at(_DOCUMENTS))
    for key in d.keys() - _KNOWN:
        sink.add(
            LoadIssue(
                "unknown-key",
                T(f"khóa '{key}' không thuộc bản ghi; bỏ qua", f"key '{key}' is not part of the record; ignored"),
                at(key),
                value=key,
            ),
            once=True,
        )
    return record


def _rows(value: Any) -> list[tuple[int, dict[str, Any]]]:
    if not isinstance(value, list):
        return []
    return [(i + 1, {nfc(str(k)): v for k, v in r.items()}) for i, r in enumerate(value) if isinstance(r, Mapping)]
