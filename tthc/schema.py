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
from tthc.i18n import Lang, T, Text
from tthc.load.record import CATALOG_FIELDS, PROCEDURE_FIELDS
from tthc.model import AgencyRole, CatalogKind, CopyKind, DocKind, DurationStatus, FeeStatus

SCHEMA_ID = "urn:tthc:catalog:1"

JSON = dict[str, Any]


def _null(schema: JSON) -> JSON:
    return {"anyOf": [schema, {"type": "null"}]}


def _text(description: Text) -> JSON:
    """Free text; YAML numbers and booleans are read as their text too."""
    return {"type": ["string", "number", "boolean", "null"], "description": description}


def _texts(description: Text) -> JSON:
    """One text or a list of texts (each line of a text is an item)."""
    item = {"type": ["string", "number", "boolean"]}
    return {"anyOf": [item, {"type": "array", "items": _null(item)}, {"type": "null"}], "description": description}


def _count(description: Text) -> JSON:
    """A whole number, or text of digits ("1.500" = 1500); blank text means none."""
    return {
        "anyOf": [{"type": "integer", "minimum": 0}, {"type": "string", "pattern": r"^\s*([0-9][0-9., ]*)?$"}],
        "description": description,
    }


def _number(description: Text) -> JSON:
    return {
        "anyOf": [{"type": "number", "minimum": 0}, {"type": "string", "pattern": r"^\s*([0-9]+([.,][0-9]+)?\s*)?$"}],
        "description": description,
    }


def _date(description: Text) -> JSON:
    return {
        "type": ["string", "null"],
        "description": description + T(" (dd/mm/yyyy hoặc yyyy-mm-dd)", " (dd/mm/yyyy or yyyy-mm-dd)"),
    }


def _enum(values, description: Text) -> JSON:
    return {"enum": [v.value for v in values], "description": description}


def _object(properties: JSON, *, required: tuple[str, ...] = (), description: Text = "") -> JSON:
    out: JSON = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        out["required"] = list(required)
    if description:
        out["description"] = description
    return out


def _one_or_many(item: JSON, description: Text) -> JSON:
    return {"anyOf": [item, {"type": "array", "items": _null(item)}, {"type": "null"}], "description": description}


def _ref(name: str) -> JSON:
    return {"$ref": f"#/$defs/{name}"}


def _free_or(structured: str, description: Text) -> JSON:
    return {"anyOf": [{"type": ["string", "number"]}, _ref(structured)], "description": description}


DEFS: JSON = {
    "duration": _object(
        {
            "raw": _text(T("Thời hạn như văn bản ghi", "The time as the document writes it")),
            "status": _enum(DurationStatus, "fixed | immediate | unspecified | unparsed"),
            "working_days": _number(T("Số ngày làm việc", "Working days")),
            "days": _number(T("Số ngày (theo lịch)", "Calendar days")),
            "hours": _number(T("Số giờ", "Hours")),
            "months": _number(T("Số tháng", "Months")),
            "note": _text(T("Ghi chú", "Note")),
        },
        description=T("Thời hạn giải quyết có cấu trúc", "A structured processing time"),
    ),
    "fee": _object(
        {
            "raw": _text(T("Khoản phí như văn bản ghi", "The fee as the document writes it")),
            "status": _enum(FeeStatus, "amount | free | by_regulation | unparsed"),
            "kind": _text(T("phí hoặc lệ phí", "phí (service fee) or lệ phí (charge)")),
            "amount": _number(T("Số tiền", "Amount")),
            "currency": _text("VND, USD…"),
            "per": _text(T("Đơn vị tính (hồ sơ, giấy phép…)", "Unit charged (dossier, licence…)")),
            "note": _text(T("Ghi chú", "Note")),
            "channel": _number(
                T(
                    "Ở danh sách fees của thủ tục: thứ tự cách thức (từ 1) mà khoản này thuộc về",
                    "In the procedure's fees list: the number (from 1) of the channel this fee belongs to",
                )
            ),
        },
        description=T("Một khoản phí, lệ phí có cấu trúc", "A structured fee or charge"),
    ),
    "channel": _object(
        {
            "method": _text(
                T(
                    "Trực tiếp, Trực tuyến, Dịch vụ bưu chính (hoặc direct, online, postal)",
                    "direct, online, postal (or in Vietnamese: 'Trực tiếp', 'Trực tuyến', 'Dịch vụ bưu chính')",
                )
            ),
            "processing_time": _null(_free_or("duration", T("Thời hạn giải quyết", "Processing time"))),
            "fees": _one_or_many(
                _free_or("fee", T("Phí, lệ phí", "Fees and charges")),
                T("Phí, lệ phí của cách thức này", "This channel's fees and charges"),
            ),
            "description": _text(T("Mô tả", "Description")),
        },
        description=T("Một cách thức thực hiện", "A channel (how the procedure is carried out)"),
    ),
    "document": _object(
        {
            "name": _text(T("Tên giấy tờ", "Name of the paper")),
            "counts": _text(
                T(
                    "Số lượng ghi bằng chữ (Bản chính: 1 - Bản sao: 0)",
                    "The counts as written (Bản chính: 1 - Bản sao: 0)",
                )
            ),
            "code": _text(T("Mã thành phần hồ sơ", "Dossier component code")),
            "originals": _count(T("Số bản chính", "Number of originals")),
            "copies": _count(T("Số bản sao", "Number of copies")),
            "copy_kind": {
                "anyOf": [
                    _enum(CopyKind, T("Loại bản", "Kind of copy")),
                    {"type": "string"},
                    {"type": "array", "items": {"type": "string"}},
                    {"type": "null"},
                ],
                "description": T(
                    "original | copy | certified_copy | copy_with_original | electronic, hoặc lời văn",
                    "original | copy | certified_copy | copy_with_original | electronic, or in words",
                ),
            },
            "form": _text(T("Mẫu đơn, tờ khai", "Form")),
            "note": _text(T("Ghi chú", "Note")),
            "raw": _text(T("Dòng giấy tờ đúng như văn bản công bố", "The dossier line exactly as published")),
            "group": _text(
                T(
                    "Tiêu đề nhóm giấy tờ như văn bản ghi (Hồ sơ của người nhận con nuôi:, Trường hợp 2…)",
                    "The heading of a group of papers as written (e.g. 'Trường hợp 2'…)",
                )
            ),
        },
        required=("name",),
        description=T("Một thành phần hồ sơ có cấu trúc", "A structured dossier component"),
    ),
    "result": _object(
        {
            "name": _text(T("Tên kết quả", "Name of the result")),
            "code": _text(T("Mã kết quả", "Result code")),
            "validity": _text(T("Thời hạn hiệu lực", "Validity")),
        },
        required=("name",),
        description=T("Một kết quả thực hiện", "A result of the procedure"),
    ),
    "legal_ref": _object(
        {
            "number": _text(T("Số ký hiệu, ví dụ 123/2015/NĐ-CP", "Number and symbol, e.g. 123/2015/NĐ-CP")),
            "kind": _enum(DocKind, T("Loại văn bản", "Kind of document")),
            "title": _text(T("Trích yếu", "Title (summary)")),
            "issuer": _text(T("Cơ quan ban hành", "Issuing body")),
            "issued": _date(T("Ngày ban hành", "Date issued")),
            "effective": _date(T("Ngày có hiệu lực", "Date in force")),
            "article": _text(T("Điều, khoản", "Article, clause")),
            "raw": _text(T("Căn cứ đúng như văn bản công bố", "The legal basis exactly as published")),
        },
        description=T("Một văn bản căn cứ có cấu trúc", "A structured legal basis document"),
    ),
    "agency": _object(
        {"name": _text(T("Tên cơ quan", "Name of the agency")), "role": _enum(AgencyRole, T("Vai trò", "Role"))},
        required=("name",),
        description=T("Một cơ quan", "An agency"),
    ),
    "online_service": _object(
        {
            "level": _text(
                T(
                    "full | partial | none | legacy, hoặc lời văn (Toàn trình, Một phần…)",
                    "full | partial | none | legacy, or in words ('Toàn trình', 'Một phần'…)",
                )
            ),
            "raw": _text(T("Như văn bản ghi", "As the document writes it")),
            "legacy_level": _count(T("Mức độ 1–4 cũ", "The former level 1–4")),
        },
        description=T("Mức độ dịch vụ công trực tuyến có cấu trúc", "A structured online public service level"),
    ),
    "volume": _object(
        {
            "dossiers_per_year": _count(T("Số hồ sơ/năm", "Dossiers per year")),
            "online_per_year": _count(T("Số hồ sơ trực tuyến/năm", "Online dossiers per year")),
            "history": _null(
                {
                    "type": "array",
                    "items": _object(
                        {
                            "year": _count(T("Năm", "Year")),
                            "dossiers": _count(T("Số hồ sơ", "Dossiers")),
                            "online": _count(T("Số hồ sơ trực tuyến", "Online dossiers")),
                        },
                        required=("year",),
                    ),
                }
            ),
        },
        description=T("Số lượng hồ sơ", "Dossier volume"),
    ),
    "decision": _object(
        {"number": _text(T("Số quyết định", "Decision number")), "date": _date(T("Ngày quyết định", "Decision date"))}
    ),
    "conflict": _object(
        {
            "code": _text(T("Mã thủ tục", "Procedure code")),
            "name": _text(T("Tên thủ tục", "Procedure name")),
            "field": _text(T("Trường có giá trị khác nhau", "The field whose values differ")),
            "label": _text(T("Tên trường bằng tiếng Việt", "The field's name in Vietnamese")),
            "values": {
                "type": "array",
                "items": _object(
                    {
                        "source": _text(T("Tệp nguồn", "Source file")),
                        "value": {"description": T("Giá trị trong tệp đó", "The value in that file")},
                    },
                    required=("source",),
                ),
            },
        },
        required=("field", "values"),
        description=T(
            "Một xung đột khi gộp danh mục (tthc merge)", "A conflict found when merging catalogs (tthc merge)"
        ),
    ),
}

_ROLE_MAP = {
    "type": "object",
    "properties": {role.value: _texts(T(f"Cơ quan ({role.value})", f"Agency ({role.value})")) for role in AgencyRole},
    "additionalProperties": False,
    "description": T(
        "Cơ quan theo vai trò: implementing, competent, coordinating, authorized",
        "Agencies by role: implementing, competent, coordinating, authorized",
    ),
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
    "fees": lambda d: _one_or_many(_free_or("fee", T("Phí, lệ phí", "Fees and charges")), d),
    "online_service": lambda d: _null(_free_or("online_service", d)),
    "documents": lambda d: _one_or_many(_free_or("document", T("Thành phần hồ sơ", "Dossier components")), d),
    "results": lambda d: _one_or_many(_free_or("result", T("Kết quả", "Results")), d),
    "legal_basis": lambda d: _one_or_many(_free_or("legal_ref", T("Văn bản căn cứ", "Legal basis documents")), d),
    "mechanism": _text,
    "volume": lambda d: {
        "anyOf": [_count(T("Số hồ sơ/năm", "Dossiers per year")), _ref("volume"), {"type": "null"}],
        "description": d,
    },
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

PROCEDURE_PROPERTIES: JSON = {f.key: _SHAPES[f.type](f.description_text) for f in FIELDS}

CATALOG_PROPERTIES: JSON = {
    "name": _text(T("Tên danh mục", "Catalog name")),
    "issuer": _text(T("Cơ quan công bố", "Publishing body")),
    "locality": _text(T("Địa phương", "Locality")),
    "kind": {
        "anyOf": [
            _enum(CatalogKind, T("Loại danh mục", "Kind of catalog")),
            {"type": "string", "pattern": "(?i)danh m"},
            {"type": "null"},
        ],
        "description": T(
            "full (công bố đầy đủ) | provincial_list (danh mục theo Điều 13 NĐ 63/2010) | index",
            "full (full publication) | provincial_list (list under Art. 13 of Decree 63/2010) | index",
        ),
    },
    "decision": {
        "anyOf": [{"type": "string"}, _ref("decision"), {"type": "null"}],
        "description": T("Quyết định công bố", "Publication decision"),
    },
    "id": _text(
        T(
            "Định danh ổn định của danh mục (dấu vân tay phát hiện); tthc convert ghi khi danh mục chưa có tên",
            "The catalog's stable identity (the findings' fingerprints); tthc convert writes it when the catalog has no name",
        )
    ),
}


def catalog_schema(lang: Lang = "vi") -> JSON:
    """The schema document, its titles and descriptions in ``lang``."""
    return _rendered(_schema(), lang)


def _rendered(value: Any, lang: Lang) -> Any:
    if isinstance(value, T):
        return value.text(lang)
    if isinstance(value, dict):
        return {k: _rendered(v, lang) for k, v in value.items()}
    if isinstance(value, list):
        return [_rendered(v, lang) for v in value]
    return value


def _schema() -> JSON:
    assert set(PROCEDURE_PROPERTIES) == set(PROCEDURE_FIELDS), "schema and loader disagree on procedure keys"
    assert set(CATALOG_PROPERTIES) == set(CATALOG_FIELDS), "schema and loader disagree on catalog keys"
    procedure = _object(
        PROCEDURE_PROPERTIES, required=("name",), description=T("Một thủ tục hành chính", "An administrative procedure")
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": T(
            "Danh mục thủ tục hành chính (tthc_catalog: 1)", "Catalog of administrative procedures (tthc_catalog: 1)"
        ),
        "description": T("Định dạng YAML của tthc. / The tthc YAML catalog format.", "The tthc YAML catalog format."),
        "type": "object",
        "required": ["tthc_catalog"],
        "properties": {
            "tthc_catalog": {"enum": [1, "1"], "description": T("Phiên bản định dạng", "Format version")},
            "catalog": _null(
                _object(
                    CATALOG_PROPERTIES,
                    description=T("Thông tin chung của danh mục", "The catalog's general information"),
                )
            ),
            "procedures": _null({"type": "array", "items": procedure}),
            "conflicts": _null({"type": "array", "items": _ref("conflict")}),
        },
        "additionalProperties": False,
        "$defs": DEFS,
    }


def schema_text(lang: Lang = "vi") -> str:
    """The schema as JSON; docs/tthc-catalog.schema.json is the Vietnamese one."""
    import json

    return json.dumps(catalog_schema(lang), ensure_ascii=False, indent=2) + "\n"
