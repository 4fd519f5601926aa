"""JSON Schema (draft 2020-12) of the YAML catalog format, for editors' live validation.

It accepts what the loader accepts (:mod:`tthc.load.build`): free text or a structured
mapping for times, fees, legal references, documents…; a scalar where a list is allowed;
``null`` for "nothing here". It is stricter in one way: an unknown key is an error here
(the loader keeps it in ``extra`` with a warning), so a typo shows while typing. Values
the loader parses from text (times, fees, dates) are plain strings: the schema cannot
know whether "ba hôm" is a time, `tthc validate` does.

Editors that use yaml-language-server pick it up from the first line of a catalog::

    # yaml-language-server: $schema=../docs/tthc-catalog.schema.json
"""

from __future__ import annotations

from typing import Any

from tthc.fields import DATE, FIELDS, LINES, TEXT
from tthc.load.record import CATALOG_FIELDS, PROCEDURE_FIELDS
from tthc.model import AgencyRole, CatalogKind, CopyKind, DocKind, DurationStatus, FeeStatus

SCHEMA_ID = "urn:tthc:catalog:1"

JSON = dict[str, Any]


def _null(schema: JSON) -> JSON:
    return {"anyOf": [schema, {"type": "null"}]}


def _text(description: str) -> JSON:
    """Free text; YAML numbers and booleans are read as their text too."""
    return {"type": ["string", "number", "boolean", "null"], "description": description}


def _texts(description: str) -> JSON:
    """One text or a list of texts (each line of a text is an item)."""
    item = {"type": ["string", "number", "boolean"]}
    return {"anyOf": [item, {"type": "array", "items": _null(item)}, {"type": "null"}], "description": description}


def _count(description: str) -> JSON:
    """A whole number, or text of digits ("1.500" = 1500); blank text means none."""
    return {
        "anyOf": [{"type": "integer", "minimum": 0}, {"type": "string", "pattern": r"^\s*([0-9][0-9., ]*)?$"}],
        "description": description,
    }


def _number(description: str) -> JSON:
    return {
        "anyOf": [{"type": "number", "minimum": 0}, {"type": "string", "pattern": r"^\s*([0-9]+([.,][0-9]+)?\s*)?$"}],
        "description": description,
    }


def _date(description: str) -> JSON:
    return {"type": ["string", "null"], "description": description + " (dd/mm/yyyy hoặc yyyy-mm-dd)"}


def _enum(values, description: str) -> JSON:
    return {"enum": [v.value for v in values], "description": description}


def _object(properties: JSON, *, required: tuple[str, ...] = (), description: str = "") -> JSON:
    out: JSON = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        out["required"] = list(required)
    if description:
        out["description"] = description
    return out


def _one_or_many(item: JSON, description: str) -> JSON:
    return {"anyOf": [item, {"type": "array", "items": _null(item)}, {"type": "null"}], "description": description}


def _ref(name: str) -> JSON:
    return {"$ref": f"#/$defs/{name}"}


def _free_or(structured: str, description: str) -> JSON:
    return {"anyOf": [{"type": ["string", "number"]}, _ref(structured)], "description": description}


DEFS: JSON = {
    "duration": _object(
        {
            "raw": _text("Thời hạn như văn bản ghi"),
            "status": _enum(DurationStatus, "fixed | immediate | unspecified | unparsed"),
            "working_days": _number("Số ngày làm việc"),
            "days": _number("Số ngày (theo lịch)"),
            "hours": _number("Số giờ"),
            "months": _number("Số tháng"),
            "note": _text("Ghi chú"),
        },
        description="Thời hạn giải quyết có cấu trúc",
    ),
    "fee": _object(
        {
            "raw": _text("Khoản phí như văn bản ghi"),
            "status": _enum(FeeStatus, "amount | free | by_regulation | unparsed"),
            "kind": _text("phí hoặc lệ phí"),
            "amount": _number("Số tiền"),
            "currency": _text("VND, USD…"),
            "per": _text("Đơn vị tính (hồ sơ, giấy phép…)"),
            "note": _text("Ghi chú"),
            "channel": _number("Ở danh sách fees của thủ tục: thứ tự cách thức (từ 1) mà khoản này thuộc về"),
        },
        description="Một khoản phí, lệ phí có cấu trúc",
    ),
    "channel": _object(
        {
            "method": _text("Trực tiếp, Trực tuyến, Dịch vụ bưu chính (hoặc direct, online, postal)"),
            "processing_time": _null(_free_or("duration", "Thời hạn giải quyết")),
            "fees": _one_or_many(_free_or("fee", "Phí, lệ phí"), "Phí, lệ phí của cách thức này"),
            "description": _text("Mô tả"),
        },
        description="Một cách thức thực hiện",
    ),
    "document": _object(
        {
            "name": _text("Tên giấy tờ"),
            "counts": _text("Số lượng ghi bằng chữ (Bản chính: 1 - Bản sao: 0)"),
            "code": _text("Mã thành phần hồ sơ"),
            "originals": _count("Số bản chính"),
            "copies": _count("Số bản sao"),
            "copy_kind": {
                "anyOf": [
                    _enum(CopyKind, "Loại bản"),
                    {"type": "string"},
                    {"type": "array", "items": {"type": "string"}},
                    {"type": "null"},
                ],
                "description": "original | copy | certified_copy | copy_with_original | electronic, hoặc lời văn",
            },
            "form": _text("Mẫu đơn, tờ khai"),
            "note": _text("Ghi chú"),
            "raw": _text("Dòng giấy tờ đúng như văn bản công bố"),
            "group": _text("Tiêu đề nhóm giấy tờ như văn bản ghi (Hồ sơ của người nhận con nuôi:, Trường hợp 2…)"),
        },
        required=("name",),
        description="Một thành phần hồ sơ có cấu trúc",
    ),
    "result": _object(
        {"name": _text("Tên kết quả"), "code": _text("Mã kết quả"), "validity": _text("Thời hạn hiệu lực")},
        required=("name",),
        description="Một kết quả thực hiện",
    ),
    "legal_ref": _object(
        {
            "number": _text("Số ký hiệu, ví dụ 123/2015/NĐ-CP"),
            "kind": _enum(DocKind, "Loại văn bản"),
            "title": _text("Trích yếu"),
            "issuer": _text("Cơ quan ban hành"),
            "issued": _date("Ngày ban hành"),
            "effective": _date("Ngày có hiệu lực"),
            "article": _text("Điều, khoản"),
            "raw": _text("Căn cứ đúng như văn bản công bố"),
        },
        description="Một văn bản căn cứ có cấu trúc",
    ),
    "agency": _object(
        {"name": _text("Tên cơ quan"), "role": _enum(AgencyRole, "Vai trò")},
        required=("name",),
        description="Một cơ quan",
    ),
    "online_service": _object(
        {
            "level": _text("full | partial | none | legacy, hoặc lời văn (Toàn trình, Một phần…)"),
            "raw": _text("Như văn bản ghi"),
            "legacy_level": _count("Mức độ 1–4 cũ"),
        },
        description="Mức độ dịch vụ công trực tuyến có cấu trúc",
    ),
    "volume": _object(
        {
            "dossiers_per_year": _count("Số hồ sơ/năm"),
            "online_per_year": _count("Số hồ sơ trực tuyến/năm"),
            "history": _null(
                {
                    "type": "array",
                    "items": _object(
                        {
                            "year": _count("Năm"),
                            "dossiers": _count("Số hồ sơ"),
                            "online": _count("Số hồ sơ trực tuyến"),
                        },
                        required=("year",),
                    ),
                }
            ),
        },
        description="Số lượng hồ sơ",
    ),
    "decision": _object({"number": _text("Số quyết định"), "date": _date("Ngày quyết định")}),
    "conflict": _object(
        {
            "code": _text("Mã thủ tục"),
            "name": _text("Tên thủ tục"),
            "field": _text("Trường có giá trị khác nhau"),
            "label": _text("Tên trường bằng tiếng Việt"),
            "values": {
                "type": "array",
                "items": _object(
                    {"source": _text("Tệp nguồn"), "value": {"description": "Giá trị trong tệp đó"}},
                    required=("source",),
                ),
            },
        },
        required=("field", "values"),
        description="Một xung đột khi gộp danh mục (tthc merge)",
    ),
}

_ROLE_MAP = {
    "type": "object",
    "properties": {role.value: _texts(f"Cơ quan ({role.value})") for role in AgencyRole},
    "additionalProperties": False,
    "description": "Cơ quan theo vai trò: implementing, competent, coordinating, authorized",
}

# JSON Schema of each structured shape of the vocabulary (tthc.fields: a field's type), given
# the field's description; text, lines and date fields need no entry.
_SHAPES: dict[str, Any] = {
    "levels": _texts,
    "agencies": lambda d: {
        "anyOf": [
            {"type": ["string", "number"]},
            _ref("agency"),
            _ROLE_MAP,
            {"type": "array", "items": {"anyOf": [{"type": ["string", "number", "null"]}, _ref("agency")]}},
            {"type": "null"},
        ],
        "description": d,
    },
    "channels": lambda d: _one_or_many(_ref("channel"), d),
    "duration": lambda d: _null(_free_or("duration", d)),
    "fees": lambda d: _one_or_many(_free_or("fee", "Phí, lệ phí"), d),
    "online_service": lambda d: _null(_free_or("online_service", d)),
    "documents": lambda d: _one_or_many(_free_or("document", "Thành phần hồ sơ"), d),
    "results": lambda d: _one_or_many(_free_or("result", "Kết quả"), d),
    "legal_basis": lambda d: _one_or_many(_free_or("legal_ref", "Văn bản căn cứ"), d),
    "mechanism": _text,
    "volume": lambda d: {"anyOf": [_count("Số hồ sơ/năm"), _ref("volume"), {"type": "null"}], "description": d},
    "decision": lambda d: {"anyOf": [{"type": "string"}, _ref("decision"), {"type": "null"}], "description": d},
    "notes": _texts,
    "extra": lambda d: _null(
        {
            "type": "object",
            "additionalProperties": {"type": ["string", "number", "boolean", "null"]},
            "description": d,
        }
    ),
    TEXT: _text,
    LINES: _texts,
    DATE: _date,
}

PROCEDURE_PROPERTIES: JSON = {f.key: _SHAPES[f.type](f.description) for f in FIELDS}

CATALOG_PROPERTIES: JSON = {
    "name": _text("Tên danh mục"),
    "issuer": _text("Cơ quan công bố"),
    "locality": _text("Địa phương"),
    "kind": {
        "anyOf": [_enum(CatalogKind, "Loại danh mục"), {"type": "string", "pattern": "(?i)danh m"}, {"type": "null"}],
        "description": "full (công bố đầy đủ) | provincial_list (danh mục theo Điều 13 NĐ 63/2010) | index",
    },
    "decision": {
        "anyOf": [{"type": "string"}, _ref("decision"), {"type": "null"}],
        "description": "Quyết định công bố",
    },
    "id": _text("Định danh ổn định của danh mục (dấu vân tay phát hiện); tthc convert ghi khi danh mục chưa có tên"),
}


def catalog_schema() -> JSON:
    """The schema document."""
    assert set(PROCEDURE_PROPERTIES) == set(PROCEDURE_FIELDS), "schema and loader disagree on procedure keys"
    assert set(CATALOG_PROPERTIES) == set(CATALOG_FIELDS), "schema and loader disagree on catalog keys"
    procedure = _object(PROCEDURE_PROPERTIES, required=("name",), description="Một thủ tục hành chính")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Danh mục thủ tục hành chính (tthc_catalog: 1)",
        "description": "Định dạng YAML của tthc. / The tthc YAML catalog format.",
        "type": "object",
        "required": ["tthc_catalog"],
        "properties": {
            "tthc_catalog": {"enum": [1, "1"], "description": "Phiên bản định dạng"},
            "catalog": _null(_object(CATALOG_PROPERTIES, description="Thông tin chung của danh mục")),
            "procedures": _null({"type": "array", "items": procedure}),
            "conflicts": _null({"type": "array", "items": _ref("conflict")}),
        },
        "additionalProperties": False,
        "$defs": DEFS,
    }


def schema_text() -> str:
    import json

    return json.dumps(catalog_schema(), ensure_ascii=False, indent=2) + "\n"
