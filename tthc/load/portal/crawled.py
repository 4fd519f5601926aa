"""The crawled detail page of dichvucong.gov.vn (22 text fields) -> one raw record.

Schema (``chatbot_tthc/<agency>/<mã TTHC>.json``): ``ma_thu_tuc, detail_url,
formality_id, ten_thu_tuc, so_quyet_dinh, cap_thuc_hien, loai_thu_tuc, linh_vuc,
doi_tuong_thuc_hien, co_quan_co_tham_quyen, dia_chi_tiep_nhan, co_quan_duoc_uy_quyen,
co_quan_phoi_hop, thu_tuc_lien_quan, trinh_tu_thuc_hien, cach_thuc_thuc_hien,
thanh_phan_ho_so, can_cu_phap_ly, co_quan_thuc_hien, yeu_cau_dieu_kien, ket_qua_xu_ly,
raw_text``. The three tables (channels, dossier, legal basis) and the results were
flattened to text; :mod:`tthc.load.portal.flattened` finds their cells again.

A record whose page (``raw_text``: "Mã thủ tục1.014023") names another code than its
``ma_thu_tuc`` holds another procedure's page: it is loaded under the code its page
states, with a ``misattributed-record`` warning naming both codes and the file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from tthc import fields
from tthc.i18n import T
from tthc.load.base import IssueSink, LoadIssue
from tthc.load.portal import flattened as fl
from tthc.load.record import SOURCE_KEY, RawRecord
from tthc.model import SourceRef
from tthc.parse.document import parse_document
from tthc.text import clean, is_placeholder, nfc

FIELDS = (
    "ma_thu_tuc",
    "detail_url",
    "formality_id",
    "ten_thu_tuc",
    "so_quyet_dinh",
    "cap_thuc_hien",
    "loai_thu_tuc",
    "linh_vuc",
    "doi_tuong_thuc_hien",
    "co_quan_co_tham_quyen",
    "dia_chi_tiep_nhan",
    "co_quan_duoc_uy_quyen",
    "co_quan_phoi_hop",
    "thu_tuc_lien_quan",
    "trinh_tu_thuc_hien",
    "cach_thuc_thuc_hien",
    "thanh_phan_ho_so",
    "can_cu_phap_ly",
    "co_quan_thuc_hien",
    "yeu_cau_dieu_kien",
    "ket_qua_xu_ly",
    "raw_text",
)
# key -> record field, for the fields that go to the builder as they are
_PLAIN = fields.portal_keys()  # tthc.fields: `portal`
_ROLES = {
    "co_quan_thuc_hien": "implementing",
    "co_quan_co_tham_quyen": "competent",
    "co_quan_phoi_hop": "coordinating",
    "co_quan_duoc_uy_quyen": "authorized",
}
# kept in `extra` under the portal's own label, unless the vocabulary reads the key
_EXTRA = {
    key: label
    for key, label in {"thu_tuc_lien_quan": "Thủ tục hành chính liên quan", "formality_id": "formality_id"}.items()
    if key not in _PLAIN
}
_LINE_BREAK = re.compile(r"\s*\n\s*")
_PAGE_CODE = re.compile(r"Mã thủ tục\s*(\d+\.\d+(?:\.[A-Z]?\d+)?)")
# the portal joins the items of a multi-choice field with ", " (an item may hold a comma:
# "Cán bộ, công chức, viên chức", "Thuế tỉnh, thành phố"): split only before a capital
_JOIN = re.compile(r",\s+(?=[" + fl.UPPER + r"])")


def is_crawled(data: Mapping[str, Any]) -> bool:
    return "ma_thu_tuc" in data and ("ten_thu_tuc" in data or "cach_thuc_thuc_hien" in data or "raw_text" in data)


def crawled_record(data: Mapping[str, Any], file: str, prefix: str, sink: IssueSink) -> RawRecord:
    """The raw record of one crawled page; ``prefix`` is the record's path in an array ("[3].")."""

    def at(key: str, row: int | None = None) -> SourceRef:
        return SourceRef(file, field=prefix + key, row=row)

    record = RawRecord(SourceRef(file, field=prefix.rstrip(".") or None))
    for key, value in data.items():
        if key not in FIELDS:
            sink.add(
                LoadIssue(
                    "unknown-key",
                    T(
                        f"khóa '{key}' không thuộc trang chi tiết TTHC; giữ nguyên trong thông tin khác (extra)",
                        f"key '{key}' is not part of the procedure page; kept as is in extra",
                    ),
                    at(key),
                    value=key,
                ),
                once=True,
            )
            _keep_extra(record, key, value, at(key))
    code = _text(data.get("ma_thu_tuc"))
    if code is not None:
        page = _page_code(data.get("raw_text"))
        if page is not None and page != code:
            sink.warn(
                "misattributed-record",
                T(
                    f"tệp mang mã {code} (ma_thu_tuc) nhưng trang đã thu thập ghi 'Mã thủ tục {page}': nội dung là "
                    f"của thủ tục {page}, nạp dưới mã {page}; thủ tục {code} không có trong bản thu thập này, "
                    "tải lại trang của nó",
                    f"the file carries code {code} (ma_thu_tuc) but the crawled page says 'Mã thủ tục {page}': the "
                    f"content is procedure {page}'s, loaded under {page}; procedure {code} is missing from this crawl, "
                    "crawl its page again",
                ),
                at("raw_text"),
                page,
            )
            code = page
        record.set("code", code, at("ma_thu_tuc"))
    for key, target in _PLAIN.items():
        if key in data:
            value = data[key]
            if key == "can_cu_phap_ly" and isinstance(value, str):
                # rows are told apart by their numbers; a line break inside a title is not a new row
                value = _LINE_BREAK.sub(" ", value)
            record.set(target, value, at(key))
    agencies: list[dict[str, Any]] = []
    for key, role in _ROLES.items():
        text = _text(data.get(key))
        if text is not None:
            agencies += [{"name": name, "role": role, SOURCE_KEY: at(key)} for name in split_join(text)]
    if agencies:
        record.set("agencies", agencies, agencies[0][SOURCE_KEY])
    applicants = _text(data.get("doi_tuong_thuc_hien"))
    if applicants is not None:
        record.set("applicants", split_join(applicants), at("doi_tuong_thuc_hien"))
    for key, label in _EXTRA.items():
        _keep_extra(record, label, data.get(key), at(key))
    _channels(record, data.get("cach_thuc_thuc_hien"), at, sink)
    _documents(record, data.get("thanh_phan_ho_so"), at)
    _results(record, data.get("ket_qua_xu_ly"), at)
    return record


def _text(value: Any) -> str | None:
    return clean(value) if isinstance(value, str) else None


def _raw(value: Any) -> str | None:
    """NFC text with its line breaks, None for a placeholder or a non-text value."""
    if not isinstance(value, str):
        return None
    text = nfc(value).replace("\r\n", "\n").strip()
    return None if is_placeholder(text) else text


def _page_code(raw_text: Any) -> str | None:
    if not isinstance(raw_text, str):
        return None
    m = _PAGE_CODE.search(nfc(raw_text))
    return m.group(1) if m else None


def split_join(text: str) -> list[str]:
    """ "Công dân Việt Nam, Cán bộ, công chức, viên chức" -> the two items the portal joined."""
    parts: list[str] = []
    start = 0
    for m in _JOIN.finditer(text):
        if text.count("(", start, m.start()) != text.count(")", start, m.start()):
            continue  # inside brackets: "Tổ chức (không bao gồm doanh nghiệp, HTX)"
        parts.append(text[start : m.start()])
        start = m.end()
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _keep_extra(record: RawRecord, label: str, value: Any, src: SourceRef) -> None:
    text = _raw(value) if isinstance(value, str) else None
    if text is None:
        return
    record.values.setdefault("extra", {})[label] = text
    record.sources.setdefault("extra", src)


def _channels(record: RawRecord, value: Any, at, sink: IssueSink) -> None:
    text = _raw(value)
    if text is None:
        if value is not None and not isinstance(value, str):
            record.set("channels", value, at("cach_thuc_thuc_hien"))  # the builder reports the type
        return
    rows = fl.channel_rows(text)
    if rows is None:  # not the table: keep the words
        record.set("notes", f"Cách thức thực hiện: {text}", at("cach_thuc_thuc_hien"))
        return
    channels = []
    for row in rows:
        src = at("cach_thuc_thuc_hien", row.row)
        fee = row.fee
        if fee is not None and fee.startswith(fl.NO_INFO):
            fee = None  # "Không có thông tin(1)": no fee given, a footnote mark
        if row.glued:
            amount = (fee or "").split("(")[0].strip()
            sink.warn(
                "glued-time-fee",
                T(
                    f"ô thời gian và ô phí dính liền '{row.glued}': đọc là thời gian '{row.time}', phí '{amount}' "
                    "(suy đoán theo cách Cổng ghi); đối chiếu với trang của thủ tục",
                    f"the time and fee cells run together '{row.glued}': read as time '{row.time}', fee '{amount}' "
                    "(an inference from the portal's layout); check the procedure's page",
                ),
                src,
                row.glued,
            )
        channels.append(
            {
                "method": row.method,
                "processing_time": row.time,
                "fees": fee,
                "description": row.description,
                SOURCE_KEY: src,
            }
        )
    record.set("channels", channels, at("cach_thuc_thuc_hien"))


def _documents(record: RawRecord, value: Any, at) -> None:
    text = _raw(value)
    if text is None:
        if value is not None and not isinstance(value, str):
            record.set("documents", value, at("thanh_phan_ho_so"))
        return
    dossier = fl.dossier_rows(text)
    if dossier is None:  # free text: one paper per line, as a YAML catalog would give it
        record.set("documents", text, at("thanh_phan_ho_so"))
        return
    documents = []
    forms: list[str] = []
    for row in dossier.rows:
        item: dict[str, Any] = {"name": row.name, SOURCE_KEY: at("thanh_phan_ho_so", row.row)}
        if row.counts is not None:
            item["counts"] = row.counts
        if row.group is not None:
            item["group"] = row.group
        if row.form is not None:
            if row.form not in forms:
                forms.append(row.form)
            if parse_document(row.name).form is None:
                item["form"] = row.form  # the line names no form itself: the attached file is its form
        documents.append(item)
    record.set("documents", documents, at("thanh_phan_ho_so"))
    if forms:
        record.set("forms", forms, at("thanh_phan_ho_so"))


def _results(record: RawRecord, value: Any, at) -> None:
    text = _raw(value)
    if text is None:
        if value is not None and not isinstance(value, str):
            record.set("results", value, at("ket_qua_xu_ly"))
        return
    found = fl.results(text)
    items = [
        {"name": part.name, "code": part.code, SOURCE_KEY: at("ket_qua_xu_ly", i + 1)}
        for i, part in enumerate(found.items)
    ]
    if items:
        record.set("results", items, at("ket_qua_xu_ly"))
    for item in fields.PAGE_ITEMS:
        words = getattr(found, item.key)
        if words is not None and not is_placeholder(words):
            _keep_extra(record, item.vi, words, at("ket_qua_xu_ly"))
