"""What each section of a knowledge file may hold, and how its values are read.

Every value is read from a YAML node, so a wrong value is reported at its own line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml

from tthc.i18n import T
from tthc.knowledge.errors import KnowledgeError
from tthc.model import DocKind, Level
from tthc.text import nearest, nfc

Reader = Callable[[yaml.Node, str], Any]


def fail(node: yaml.Node, file: str, vi: str, en: str) -> KnowledgeError:
    return KnowledgeError(T(vi, en), file, node.start_mark.line + 1)


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def _scalar(node: yaml.Node, file: str) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise fail(
            node, file, "cần một giá trị đơn (văn bản, số, ngày)", "expected a single value (text, number, date)"
        )
    return nfc(node.value).strip()


def read_text(node: yaml.Node, file: str) -> str:
    value = _scalar(node, file)
    if not value:
        raise fail(node, file, "giá trị không được để trống", "the value must not be empty")
    return value


def read_bool(node: yaml.Node, file: str) -> bool:
    value = _scalar(node, file).casefold()
    if value in ("true", "yes"):
        return True
    if value in ("false", "no"):
        return False
    raise fail(node, file, f"cần true hoặc false, không phải '{value}'", f"expected true or false, not '{value}'")


def read_int(node: yaml.Node, file: str) -> int:
    value = _scalar(node, file)
    if not re.fullmatch(r"\d+", value):
        raise fail(node, file, f"cần một số nguyên, không phải '{value}'", f"expected a whole number, not '{value}'")
    return int(value)


def read_number(node: yaml.Node, file: str) -> Decimal:
    value = _scalar(node, file).replace("_", "")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", value):
        raise fail(
            node,
            file,
            f"'{value}' không rõ: dấu chấm là phần nghìn hay thập phân? viết {value.replace('.', '')}",
            f"'{value}' is ambiguous: thousands or decimal point? write {value.replace('.', '')}",
        )
    try:
        number = Decimal(value)
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        raise fail(node, file, f"cần một số, không phải '{value}'", f"expected a number, not '{value}'")
    return number


_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def read_date(node: yaml.Node, file: str) -> dt.date:
    value = _scalar(node, file)
    parts = None
    if m := _ISO.fullmatch(value):
        parts = int(m[1]), int(m[2]), int(m[3])
    elif m := _DMY.fullmatch(value):
        parts = int(m[3]), int(m[2]), int(m[1])
    try:
        if parts is None:
            raise ValueError
        return dt.date(*parts)
    except ValueError:
        raise fail(
            node,
            file,
            f"ngày không hợp lệ '{value}'; viết YYYY-MM-DD (2025-07-01) hoặc DD/MM/YYYY (01/07/2025)",
            f"invalid date '{value}'; write YYYY-MM-DD (2025-07-01) or DD/MM/YYYY (01/07/2025)",
        ) from None


def read_text_list(node: yaml.Node, file: str) -> tuple[str, ...]:
    """A list of texts; a single text is a one-item list."""
    if isinstance(node, yaml.ScalarNode):
        return (read_text(node, file),)
    if not isinstance(node, yaml.SequenceNode):
        raise fail(node, file, "cần một danh sách văn bản", "expected a list of texts")
    return tuple(read_text(child, file) for child in node.value)


def read_code(node: yaml.Node, file: str) -> str:
    """A code such as a province code "01": kept as text, leading zero and all."""
    return read_text(node, file)


def _choice(values: tuple[str, ...]) -> Reader:
    def read(node: yaml.Node, file: str) -> str:
        value = _scalar(node, file)
        if value not in values:
            raise fail(
                node,
                file,
                f"giá trị '{value}' không hợp lệ; dùng một trong: {', '.join(values)}",
                f"invalid value '{value}'; use one of: {', '.join(values)}",
            )
        return value

    return read


def read_hours(node: yaml.Node, file: str) -> dict[str, Decimal]:
    if not isinstance(node, yaml.MappingNode):
        raise fail(node, file, "cần bảng 'hoạt động: số giờ'", "expected a mapping 'activity: hours'")
    return {read_text(k, file): read_number(v, file) for k, v in node.value}


def read_reasons(node: yaml.Node, file: str) -> tuple[dict[str, Any], ...]:
    """A list of allowed reasons: each {id, label, variants, exclude}."""
    if not isinstance(node, yaml.SequenceNode):
        raise fail(node, file, "cần một danh sách lý do", "expected a list of reasons")
    reasons = []
    for item in node.value:
        if not isinstance(item, yaml.MappingNode):
            raise fail(
                item,
                file,
                "mỗi lý do là một bảng (id, label, variants)",
                "each reason is a mapping (id, label, variants)",
            )
        values: dict[str, Any] = {}
        for key_node, value_node in item.value:
            key = _scalar(key_node, file)
            if key not in REASON_FIELDS:
                raise unknown_key(key_node, file, key, tuple(REASON_FIELDS))
            values[key] = REASON_FIELDS[key](value_node, file)
        for needed in ("id", "label", "variants"):
            if needed not in values:
                raise fail(item, file, f"lý do thiếu khóa '{needed}'", f"the reason lacks '{needed}'")
        reasons.append(values)
    return tuple(reasons)


def unknown_key(node: yaml.Node, file: str, key: str, valid: tuple[str, ...]) -> KnowledgeError:
    hint = nearest(key, valid)
    keys = ", ".join(valid)
    return fail(
        node,
        file,
        f"khóa không xác định '{key}'" + (f"; có phải ý bạn là '{hint}'?" if hint else f"; dùng: {keys}"),
        f"unknown key '{key}'" + (f"; did you mean '{hint}'?" if hint else f"; use: {keys}"),
    )


@dataclass(frozen=True)
class Section:
    """One section of a knowledge file: its identity key(s) and its fields."""

    keys: tuple[str, ...]  # fields that identify an entry (the first one present is used)
    fields: dict[str, Reader]
    required_new: tuple[str, ...] = ()  # needed when the entry is not an override

    @property
    def date_fields(self) -> tuple[str, ...]:
        return tuple(name for name, reader in self.fields.items() if reader is read_date)


_COMMON: dict[str, Reader] = {"source": read_text, "source_en": read_text, "confirmed": read_bool, "note": read_text}
_DATED: dict[str, Reader] = {"unconfirmed_dates": read_text_list}
_MATCHING: dict[str, Reader] = {
    "variants": read_text_list,
    "exclude": read_text_list,
    "unless": read_text_list,
    "pattern_kind": _choice(("phrase", "regex")),
}

# Fields of an item of a target's ``reasons`` list.
REASON_FIELDS: dict[str, Reader] = {
    "id": read_text,
    "label": read_text,
    "variants": read_text_list,
    "exclude": read_text_list,
}

SECTIONS: dict[str, Section] = {
    "legal_documents": Section(
        keys=("number", "id"),
        fields={
            "number": read_text,
            "id": read_text,
            "kind": _choice(tuple(k.value for k in DocKind)),
            "title": read_text,
            "issued": read_date,
            "effective": read_date,
            "expires": read_date,
            "repealed_from": read_date,
            "replaced_by": read_text,
            "repealed_by": read_text,
            "amended_by": read_text_list,
            "temporary": read_bool,
            "year": read_int,
            "status": _choice(("in_force", "not_yet_in_force", "partly_expired", "expired")),
            "status_as_of": read_date,
            "repeal_article": read_text,
            "imported": read_date,
            "issuer": read_text,
            **_DATED,
            **_COMMON,
        },
    ),
    "terms": Section(
        keys=("id",),
        fields={
            "id": read_text,
            "category": read_text,
            **_MATCHING,
            "invalid_from": read_date,
            "reason": read_text,
            "reason_en": read_text,
            "replacement": read_text,
            "replacement_en": read_text,
            "fields": read_text_list,
            **_DATED,
            **_COMMON,
        },
        required_new=("category", "variants"),
    ),
    "abolished_levels": Section(
        keys=("id",),
        fields={
            "id": read_text,
            "level": _choice(tuple(level.value for level in Level)),
            "abolished_from": read_date,
            "recommendation": read_text,
            "recommendation_en": read_text,
            **_DATED,
            **_COMMON,
        },
        required_new=("level", "abolished_from"),
    ),
    "provinces": Section(
        keys=("old_code",),
        fields={
            "old_code": read_code,
            "old_name": read_text,
            "new_code": read_code,
            "new_name": read_text,
            "ceased": read_bool,
            "variants": read_text_list,
            "effective": read_date,
            **_DATED,
            **_COMMON,
        },
        required_new=("old_name", "new_code", "new_name", "ceased"),
    ),
    "once_only": Section(
        keys=("id",),
        fields={
            "id": read_text,
            "name": read_text,
            "name_en": read_text,
            **_MATCHING,
            "database": read_text,
            **_COMMON,
        },
        required_new=("name", "variants", "database"),
    ),
    "targets": Section(
        keys=("id",),
        fields={
            "id": read_text,
            "value": read_number,
            "unit": read_text,
            "year": read_int,
            "from_year": read_int,
            "to_year": read_int,
            "applies_to": read_text_list,
            "reasons": read_reasons,
            "hours": read_hours,
            "assumption": read_bool,
            **_COMMON,
        },
    ),
}
