"""Scalar parts of a record: text, lines, dates, numbers, levels, mechanism, notes, the decision; and
the helpers every part uses (positions, wrong types, unknown keys and values)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from tthc import fields
from tthc.fields import Field
from tthc.i18n import tr
from tthc.load.base import IssueSink, LoadIssue
from tthc.load.issues import unknown_value_kind
from tthc.load.record import SOURCE_KEY
from tthc.model import CatalogKind, Decision, Procedure, SourceRef
from tthc.parse.dates import parse_date
from tthc.parse.vocab import (
    parse_levels,
    parse_mechanism,
)
from tthc.text import (
    CONTROL,
    NumberError,
    clean,
    control_characters,
    printable,
    read_number,
    shared,
    split_lines,
)


def report_controls(value: Any, field: str, src: SourceRef, sink: IssueSink) -> None:
    """Warn where a value holds control characters (clean() removes them: BEL, ESC, U+FFFE…)."""
    if _holds_control(value):  # (most values hold none: no field names or positions made for them)
        _report_controls(value, field, src, sink)


def _holds_control(value: Any) -> bool:
    """Whether _report_controls would warn: a text it reaches holds a control character."""
    if isinstance(value, str):
        return CONTROL.search(value) is not None
    if isinstance(value, (list, tuple)):
        return any(item is not None and _holds_control(item) for item in value)
    if isinstance(value, Mapping):
        return any(key != SOURCE_KEY and item is not None and _holds_control(item) for key, item in value.items())
    return False


def _report_controls(value: Any, field: str, src: SourceRef, sink: IssueSink) -> None:
    if isinstance(value, str):
        if CONTROL.search(value) is None:
            return
        found = control_characters(value)
        shown = ", ".join(f"{name} ở ký tự {pos}" for pos, name in found[:3]) + ("…" if len(found) > 3 else "")
        shown_en = ", ".join(f"{name} at character {pos}" for pos, name in found[:3]) + ("…" if len(found) > 3 else "")
        sink.warn(
            "control-character",
            tr(
                f"'{field}': đã bỏ {len(found)} ký tự điều khiển ({shown}); kiểm tra ô gốc",
                f"'{field}': removed {len(found)} control characters ({shown_en}); check the source cell",
            ),
            source_of(value, src),
            printable(value[:200]),
        )
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if key != SOURCE_KEY and item is not None:
                _report_controls(item, f"{field}.{key}", source_of(value, src), sink)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            if item is not None:
                _report_controls(item, f"{field}[{i}]", source_of(item, src), sink)


def source_of(value: Any, default: SourceRef) -> SourceRef:
    """The position a value carries (YAML nodes, child-sheet rows), else the default."""
    src = getattr(value, "source", None)
    if isinstance(src, SourceRef):
        return src
    if isinstance(value, (str, list, tuple)):  # (before the slower Mapping test; none is a mapping)
        return default
    if isinstance(value, Mapping):
        src = value.get(SOURCE_KEY)
        if isinstance(src, SourceRef):
            return src
    return default


def _wrong_type(sink: IssueSink, field: str, expected_vi: str, expected_en: str, value: Any, src: SourceRef):
    found = "danh sách" if isinstance(value, list) else "bảng khóa–giá trị" if isinstance(value, Mapping) else ""
    found_en = "a list" if isinstance(value, list) else "a mapping" if isinstance(value, Mapping) else ""
    sink.error(
        "wrong-type",
        tr(
            f"'{field}': cần {expected_vi}, nhưng gặp {found or type(value).__name__}",
            f"'{field}': expected {expected_en}, found {found_en or type(value).__name__}",
        ),
        source_of(value, src),
    )


_KEYS = {
    "channels": ("method", "processing_time", "fees", "description"),
    "processing_time": ("raw", "working_days", "days", "hours", "months", "status", "note"),
    "fees": ("raw", "amount", "currency", "kind", "per", "note", "status", "channel"),
    "documents": ("name", "code", "originals", "copies", "copy_kind", "counts", "form", "note", "raw", "group"),
    "results": ("name", "code", "validity"),
    "legal_basis": ("number", "kind", "title", "issuer", "issued", "effective", "article", "raw"),
    "agencies": ("name", "role"),
    "volume": ("dossiers_per_year", "online_per_year", "history"),
    "volume.history": ("year", "dossiers", "online"),
    "online_service": ("level", "raw", "legacy_level"),
    "decision": ("number", "date"),
}


def _check_keys(item: Mapping[str, Any], field: str, src: SourceRef, sink: IssueSink) -> None:
    """Warn once per key about keys a structured value does not have (a typo loses data)."""
    from tthc.text import nearest

    allowed = _KEYS[field]
    for key in item:
        if key == SOURCE_KEY or key in allowed:
            continue
        hint = nearest(str(key), allowed)
        sink.add(
            LoadIssue(
                "unknown-key",
                tr(
                    f"'{field}': khóa không xác định '{key}' (bỏ qua)"
                    + (f"; có phải '{hint}'?" if hint else f"; dùng: {', '.join(allowed)}"),
                    f"'{field}': unknown key '{key}' (ignored)"
                    + (f"; did you mean '{hint}'?" if hint else f"; use: {', '.join(allowed)}"),
                ),
                source_of(item.get(key), src),
            ),
            once=True,
        )


def _text(value: Any, field: str, src: SourceRef, sink: IssueSink) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):  # (before the slower Mapping test)
        text = clean(value)
    elif isinstance(value, (list, tuple, Mapping)):
        _wrong_type(sink, field, "một đoạn văn bản", "text", value, src)
        return None
    else:
        text = clean(value)
    return shared(text) if text else text  # fields, agencies, levels… repeat across procedures


def _text_list(value: Any, field: str, src: SourceRef, sink: IssueSink) -> list[str]:
    if value is None:
        return []
    if isinstance(value, Mapping):
        _wrong_type(sink, field, "văn bản hoặc danh sách", "text or a list", value, src)
        return []
    items = value if isinstance(value, (list, tuple)) else [value]
    out: list[str] = []
    for item in items:
        if isinstance(item, str):  # (before the slower Mapping test)
            out.extend(split_lines(item))
            continue
        if isinstance(item, (list, tuple, Mapping)):
            _wrong_type(sink, field, "một đoạn văn bản", "text", item, source_of(item, src))
            continue
        out.extend(split_lines(item))
    return [shared(line) for line in out]  # steps, applicants, conditions repeat across procedures


def _int(value: Any, field: str, src: SourceRef, sink: IssueSink) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = clean(value)
    if text is None:
        return None
    # the one rule of tthc.text.read_number: "1.200" / "1,200" group thousands; "12.0" is twelve
    why = None
    try:
        number = read_number(text)
    except NumberError as exc:
        why = exc
    else:
        if number >= 0 and number == number.to_integral_value():
            return int(number)
    sink.error(
        "not-a-number",
        tr(
            f"'{field}': cần một số nguyên, gặp '{_short(text)}'" + (f" ({why.vi})" if why else ""),
            f"'{field}': expected a whole number, found '{_short(text)}'" + (f" ({why.en})" if why else ""),
        ),
        source_of(value, src),
        _short(text, 200),
    )
    return None


def _date(value: Any, field: str, src: SourceRef, sink: IssueSink):
    if value is None:
        return None
    text = clean(value) if not hasattr(value, "year") else value
    if text is None:
        return None
    date = parse_date(text)
    if date is None:
        sink.warn(
            "unparsed-date",
            tr(f"'{field}': không đọc được ngày '{text}'", f"'{field}': cannot read the date '{text}'"),
            source_of(value, src),
            str(text),
        )
    return date


def _unknown_value(sink: IssueSink, field: str, text: str, src: SourceRef) -> None:
    sink.warn(
        unknown_value_kind(field),  # "legal_basis.kind" -> "unknown-legal-basis-kind" (tthc.load.issues)
        tr(
            f"'{field}': không hiểu giá trị '{text}' (giữ nguyên)",
            f"'{field}': unknown value '{text}' (kept)",
        ),
        src,
        text,
    )


def _catalog_kind(value: Any, src: SourceRef, sink: IssueSink) -> CatalogKind:
    text = _text(value, "kind", src, sink)
    if text is None:
        return CatalogKind.FULL
    for kind in CatalogKind:
        if text.casefold() == kind.value:
            return kind
    if "danh mục" in text.casefold():
        return CatalogKind.PROVINCIAL_LIST
    _unknown_value(sink, "kind", text, source_of(value, src))
    return CatalogKind.FULL


_DECISION_NUMBER = re.compile(r"(\d+[^\s,;]*/[^\s,;]+)")


def _decision(value: Any, src: SourceRef, sink: IssueSink) -> Decision | None:
    if value is None:
        return None
    if isinstance(value, Mapping):
        _check_keys(value, "decision", src, sink)
        number = _text(value.get("number"), "decision.number", src, sink)
        date = _date(value.get("date"), "decision.date", src, sink)
        return Decision(number, date) if number or date else None
    text = _text(value, "decision", src, sink)
    if text is None:
        return None
    m = _DECISION_NUMBER.search(text)
    return Decision(m.group(1) if m else text, parse_date(text))


def _levels(p: Procedure, value: Any, src: SourceRef, sink: IssueSink) -> None:
    items = _text_list(value, "levels", src, sink)
    if not items:
        return
    p.levels_raw = "; ".join(items)
    for item in items:
        levels, unknown = parse_levels(item)
        p.levels.extend(level for level in levels if level not in p.levels)
        for part in unknown:
            _unknown_value(sink, "levels", part, source_of(value, src))


def raw_only(item: Any) -> Any:
    """A mapping that holds nothing but `raw` (a workbook row with only "Nội dung gốc") is that
    text, read exactly like the same text written as a list item."""
    if (
        not isinstance(item, str)
        and isinstance(item, Mapping)
        and "raw" in item
        and all(k in ("raw", SOURCE_KEY) or v is None or v == "" for k, v in item.items())
    ):
        return item["raw"]
    return item


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def fill(p: Procedure, f: Field, value: Any, src: SourceRef, sink: IssueSink) -> None:
    """Set a scalar field: text, lines, a date, the levels, the mechanism, the notes, the decision."""
    key = f.key
    if f.type == fields.TEXT:
        setattr(p, key, _text(value, key, src, sink))
    elif f.type == fields.LINES:
        setattr(p, key, _text_list(value, key, src, sink))
    elif f.type == fields.DATE:
        setattr(p, key, _date(value, key, src, sink))
    elif key == "levels":
        _levels(p, value, src, sink)
    elif key == "notes":
        p.notes = "\n".join(_text_list(value, "notes", src, sink)) or None
    elif key == "mechanism":
        text = _text(value, "mechanism", src, sink)
        p.mechanism = parse_mechanism(text)
        if text and p.mechanism is None:
            _unknown_value(sink, "mechanism", text, src)
    elif key == "decision":
        p.decision = _decision(value, src, sink)
    else:
        raise KeyError(f"no scalar reader for the field {key!r} of type {f.type!r}")
