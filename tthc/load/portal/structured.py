"""The per-procedure Word export parsed to JSON (``metadata`` / ``content`` / ``tables``).

Schema (``nhdandz_ThuTucHanhChinh/extracted_fixed/<mã TTHC>.json``): ``thu_tuc_id,
source_file, metadata{mã_thủ_tục, tên_thủ_tục, số_quyết_định, cấp_thực_hiện,
loại_thủ_tục, lĩnh_vực}, content{trình_tự_thực_hiện, cách_thức_thực_hiện,
đối_tượng_thực_hiện, cơ_quan_thực_hiện, cơ_quan_có_thẩm_quyền, cơ_quan_được_ủy_quyền,
cơ_quan_phối_hợp, địa_chỉ_tiếp_nhận_hs, kết_quả_thực_hiện, yêu_cầu_điều_kiện_thực_hiện,
từ_khóa, mô_tả}, tables{hinh_thuc_nop[], thanh_phan_ho_so[], can_cu_phap_ly[]}``. Keys
are read in NFC whatever their normalisation in the file.

The dossier rows of this export put the counts ("Bản chính: 1\\nBản sao: 0") under
``ghi_chu`` and the form's file name under ``so_luong``; each cell is read by what it
holds, not by its key.
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
from tthc.parse.document import parse_document
from tthc.text import clean, is_placeholder, nfc

# key -> record field, for the fields that go to the builder as they are (tthc.fields: `export`)
_METADATA = fields.export_keys("metadata")
_CONTENT = fields.export_keys("content")
_ROLES = {
    "cơ_quan_thực_hiện": "implementing",
    "cơ_quan_có_thẩm_quyền": "competent",
    "cơ_quan_phối_hợp": "coordinating",
    "cơ_quan_được_ủy_quyền": "authorized",
}
_CONTENT_EXTRA = {i.export: i.vi for i in fields.PAGE_ITEMS}  # kept in extra under their label
_CONTENT_KNOWN = {*_CONTENT, *_ROLES, *_CONTENT_EXTRA, "đối_tượng_thực_hiện", "cách_thức_thực_hiện"}
_CHANNEL = {
    "hinh_thuc": "method",
    "thoi_han_giai_quyet": "processing_time",
    "phi_le_phi": "fees",
    "mo_ta": "description",
}
_LEGAL = {"so_ky_hieu": "number", "trich_yeu": "title", "ngay_ban_hanh": "issued", "co_quan_ban_hanh": "issuer"}
_COUNTS = re.compile(r"bản\s+(?:chính|sao)\s*:\s*\d", re.IGNORECASE)
_FILE = re.compile(r"\.(?:docx?|pdf|xlsx?|rar|zip|odt)\s*$", re.IGNORECASE)
# the export glues the section label to the first step: "Trình tự thực hiện Bước 1: …"
_STEPS_LABEL = re.compile(r"^\s*Trình tự thực hiện\s*:?\s*")
_TOP = {"thu_tuc_id", "source_file", "metadata", "content", "tables"}


def is_structured(data: Mapping[str, Any]) -> bool:
    return "metadata" in data and ("tables" in data or "content" in data)


def _nfc_keys(value: Any) -> dict[str, Any]:
    return {nfc(str(k)): v for k, v in value.items()} if isinstance(value, Mapping) else {}


def structured_record(data: Mapping[str, Any], file: str, prefix: str, sink: IssueSink) -> RawRecord:
    """The raw record of one exported procedure; ``prefix`` is its path in an array ("[3].")."""

    def at(key: str, row: int | None = None) -> SourceRef:
        return SourceRef(file, field=prefix + key, row=row)

    top = _nfc_keys(data)
    record = RawRecord(SourceRef(file, field=prefix.rstrip(".") or None))
    meta, content, tables = _nfc_keys(top.get("metadata")), _nfc_keys(top.get("content")), _nfc_keys(top.get("tables"))
    for key in top.keys() - _TOP:
        _unknown(sink, key, at(key))
    for key, target in _METADATA.items():
        if key in meta:
            record.set(target, meta[key], at(f"metadata.{key}"))
    if "code" not in record.values and top.get("thu_tuc_id") is not None:
        record.set("code", top["thu_tuc_id"], at("thu_tuc_id"))
    for key in meta.keys() - _METADATA.keys():
        _unknown(sink, f"metadata.{key}", at(f"metadata.{key}"))
    for key, target in _CONTENT.items():
        if key in content:
            value = content[key]
            if target == "steps" and isinstance(value, str):
                value = _STEPS_LABEL.sub("", nfc(value), count=1)
            record.set(target, value, at(f"content.{key}"))
    agencies: list[dict[str, Any]] = []
    for key, role in _ROLES.items():
        text = clean(content.get(key)) if isinstance(content.get(key), str) else None
        if text is not None:
            where = at(f"content.{key}")
            agencies += [{"name": name, "role": role, SOURCE_KEY: where} for name in split_join(text)]
    if agencies:
        record.set("agencies", agencies, agencies[0][SOURCE_KEY])
    applicants = content.get("đối_tượng_thực_hiện")
    if isinstance(applicants, str) and clean(applicants):
        record.set("applicants", split_join(clean(applicants) or ""), at("content.đối_tượng_thực_hiện"))
    extra: dict[str, str] = {}
    for key, label in _CONTENT_EXTRA.items():
        _keep(extra, label, content.get(key))
    how = content.get("cách_thức_thực_hiện")
    if isinstance(how, str) and clean(how):
        record.set("notes", f"Cách thức thực hiện: {nfc(how).strip()}", at("content.cách_thức_thực_hiện"))
    _keep(extra, "source_file", top.get("source_file"))
    if extra:
        record.set("extra", extra, at("source_file"))
    for key in content.keys() - _CONTENT_KNOWN:
        _unknown(sink, f"content.{key}", at(f"content.{key}"))
    _channels(record, tables.get("hinh_thuc_nop"), at)
    _documents(record, tables.get("thanh_phan_ho_so"), at)
    _legal(record, tables.get("can_cu_phap_ly"), at)
    return record


def _unknown(sink: IssueSink, key: str, src: SourceRef) -> None:
    sink.add(
        LoadIssue(
            "unknown-key",
            T(
                f"khóa '{key}' không thuộc bản ghi metadata/content/tables; bỏ qua",
                f"key '{key}' is not part of a metadata/content/tables record; ignored",
            ),
            src,
            value=key,
        ),
        once=True,
    )


def _keep(extra: dict[str, str], label: str, value: Any) -> None:
    if isinstance(value, str) and not is_placeholder(nfc(value)):
        extra[label] = nfc(value).strip()


def _rows(value: Any) -> list[tuple[int, dict[str, Any]]]:
    if not isinstance(value, list):
        return []
    return [(i + 1, _nfc_keys(row)) for i, row in enumerate(value) if isinstance(row, Mapping)]


def _channels(record: RawRecord, value: Any, at) -> None:
    channels = []
    for n, row in _rows(value):
        item: dict[str, Any] = {target: row[key] for key, target in _CHANNEL.items() if row.get(key) not in (None, "")}
        if item:
            channels.append({**item, SOURCE_KEY: at("tables.hinh_thuc_nop", n)})
    if channels:
        record.set("channels", channels, at("tables.hinh_thuc_nop"))


def _documents(record: RawRecord, value: Any, at) -> None:
    documents = []
    forms: list[str] = []
    for n, row in _rows(value):
        name = row.get("ten_giay_to")
        if not isinstance(name, str) or clean(name) is None:
            continue
        item: dict[str, Any] = {"name": name, SOURCE_KEY: at("tables.thanh_phan_ho_so", n)}
        notes = []
        for key in ("so_luong", "ghi_chu"):
            cell = row.get(key)
            if not isinstance(cell, str) or clean(cell) is None:
                continue
            if _COUNTS.search(nfc(cell)) and "counts" not in item:
                item["counts"] = cell  # "Bản chính: 1\nBản sao: 0"
            elif _FILE.search(cell):
                file_name = nfc(cell).strip()
                if "form" not in item and parse_document(name).form is None:
                    item["form"] = file_name  # the line names no form itself: the attached file is its form
                if file_name not in forms:
                    forms.append(file_name)
            else:
                notes.append(cell)
        if notes:
            item["note"] = "; ".join(nfc(n).strip() for n in notes)
        documents.append(item)
    if documents:
        record.set("documents", documents, at("tables.thanh_phan_ho_so"))
    if forms:
        record.set("forms", forms, at("tables.thanh_phan_ho_so"))


def _legal(record: RawRecord, value: Any, at) -> None:
    refs = []
    for n, row in _rows(value):
        item = {target: row[key] for key, target in _LEGAL.items() if isinstance(row.get(key), str) and clean(row[key])}
        if item:
            refs.append({**item, SOURCE_KEY: at("tables.can_cu_phap_ly", n)})
    if refs:
        record.set("legal_basis", refs, at("tables.can_cu_phap_ly"))
