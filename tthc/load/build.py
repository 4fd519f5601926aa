"""Build the model from raw records: the one place free text becomes values.

Every loader (YAML, portal export, annex, full workbook) hands its records here, so a
fee, a time or a legal reference reads the same whatever the layout. Values a parser
cannot read stay raw in the model and are reported as warnings with their position.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from tthc.i18n import tr
from tthc.load.base import IssueSink, LoadIssue, LoadResult
from tthc.load.issues import unknown_value_kind
from tthc.load.record import CATALOG_FIELDS, SOURCE_KEY, RawRecord
from tthc.model import (
    Agency,
    AgencyRole,
    Catalog,
    CatalogKind,
    Channel,
    Decision,
    DocKind,
    DocumentRequirement,
    Duration,
    DurationStatus,
    Fee,
    FeeStatus,
    LegalRef,
    OnlineLevel,
    OnlineService,
    Procedure,
    Result,
    SourceRef,
    Volume,
    YearVolume,
)
from tthc.parse.dates import parse_date
from tthc.parse.document import parse_document
from tthc.parse.duration import parse_duration
from tthc.parse.fee import parse_fees
from tthc.parse.legal import parse_legal_row, parse_legal_text
from tthc.parse.vocab import (
    parse_copy_kind,
    parse_levels,
    parse_mechanism,
    parse_method,
    parse_online_service,
)
from tthc.text import (
    CONTROL,
    NumberError,
    clean,
    clean_keep_lines,
    control_characters,
    nfc,
    printable,
    read_number,
    split_lines,
)

_ROLE_WORDS = {
    "implementing": AgencyRole.IMPLEMENTING,
    "competent": AgencyRole.COMPETENT,
    "coordinating": AgencyRole.COORDINATING,
    "authorized": AgencyRole.AUTHORIZED,
}
_DECISION_NUMBER = re.compile(r"(\d+[^\s,;]*/[^\s,;]+)")


def build_catalog(
    meta: Mapping[str, Any],
    records: list[RawRecord],
    *,
    source_file: str,
    layout: str,
    sink: IssueSink,
    consume: bool = False,
) -> LoadResult:
    """The catalog of a file: metadata plus every record that has a name.

    ``consume=True`` empties ``records`` as it goes, so that each raw record is freed once its
    procedure is built (a large file's raw text is then never held twice)."""
    meta_source = SourceRef(source_file)
    for key in CATALOG_FIELDS:
        if meta.get(key) is not None:
            report_controls(meta[key], f"catalog.{key}", meta_source, sink)
    catalog = Catalog(
        name=_text(meta.get("name"), "name", meta_source, sink),
        issuer=_text(meta.get("issuer"), "issuer", meta_source, sink),
        locality=_text(meta.get("locality"), "locality", meta_source, sink),
        kind=_catalog_kind(meta.get("kind"), meta_source, sink),
        decision=_decision(meta.get("decision"), meta_source, sink),
        source_file=source_file,
        layout=layout,
        conflicts=list(meta.get("conflicts") or []),
        id=_text(meta.get("id"), "id", meta_source, sink),
    )
    if consume:
        records.reverse()
    for record in _drained(records) if consume else records:
        procedure = build_procedure(record, sink)
        if procedure is not None:
            catalog.procedures.append(procedure)
    return LoadResult(catalog, sink.issues)


def _drained(records: list[RawRecord]) -> Iterator[RawRecord]:
    """The records of a reversed list, each taken out of it before it is built."""
    while records:
        yield records.pop()


def build_procedure(record: RawRecord, sink: IssueSink) -> Procedure | None:
    v = record.values

    def where(name: str) -> SourceRef:
        return record.sources.get(name, record.source)

    name = _text(v.get("name"), "name", where("name"), sink)
    if name is None and isinstance(v.get("name"), (list, tuple, Mapping)):
        return None  # already reported as the wrong type
    if name is None:
        code = _text(v.get("code"), "code", where("code"), sink)
        sink.error(
            "missing-name",
            tr(
                f"thủ tục {code or ''} không có tên; thêm tên thủ tục (name / Tên TTHC)".replace("  ", " "),
                f"procedure {code or ''} has no name; add its name (name / Tên TTHC)".replace("  ", " "),
            ),
            where("name"),
        )
        return None
    p = Procedure(name=name, source=record.source, sources=dict(record.sources))
    for key, value in v.items():
        if value is not None:
            report_controls(value, key, record.sources.get(key, record.source), sink)
    for key, value in v.items():  # only the fields the record has: most are absent
        if value is None or key in _SKIP:
            continue
        src = record.sources.get(key, record.source)
        if key in _TEXT_FIELDS:
            setattr(p, key, _text(value, key, src, sink))
        elif key in _LIST_FIELDS:
            setattr(p, key, _text_list(value, key, src, sink))
        elif key in _READERS:
            setattr(p, key, _READERS[key](value, src, sink))
        elif key == "levels":
            _levels(p, value, src, sink)
        elif key == "notes":
            p.notes = "\n".join(_text_list(value, "notes", src, sink)) or None
        elif key == "mechanism":
            text = _text(value, "mechanism", src, sink)
            p.mechanism = parse_mechanism(text)
            if text and p.mechanism is None:
                _unknown_value(sink, "mechanism", text, src)
    if "channels" in v or "processing_time" in v or "fees" in v:
        p.channels = _channels(v, where, sink)
    return p


# -- scalars -------------------------------------------------------------------------


def report_controls(value: Any, field: str, src: SourceRef, sink: IssueSink) -> None:
    """Warn where a value holds control characters (clean() removes them: BEL, ESC, U+FFFE…)."""
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
                report_controls(item, f"{field}.{key}", source_of(value, src), sink)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            if item is not None:
                report_controls(item, f"{field}[{i}]", source_of(item, src), sink)


# -- scalars -------------------------------------------------------------------------


def source_of(value: Any, default: SourceRef) -> SourceRef:
    """The position a value carries (YAML nodes, child-sheet rows), else the default."""
    src = getattr(value, "source", None)
    if isinstance(src, SourceRef):
        return src
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
    if isinstance(value, (list, tuple, Mapping)):
        _wrong_type(sink, field, "một đoạn văn bản", "text", value, src)
        return None
    return clean(value)


def _text_list(value: Any, field: str, src: SourceRef, sink: IssueSink) -> list[str]:
    if value is None:
        return []
    if isinstance(value, Mapping):
        _wrong_type(sink, field, "văn bản hoặc danh sách", "text or a list", value, src)
        return []
    items = value if isinstance(value, (list, tuple)) else [value]
    out: list[str] = []
    for item in items:
        if isinstance(item, (list, tuple, Mapping)):
            _wrong_type(sink, field, "một đoạn văn bản", "text", item, source_of(item, src))
            continue
        out.extend(split_lines(item))
    return out


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


# -- structured parts ------------------------------------------------------------------


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


def _agencies(value: Any, src: SourceRef, sink: IssueSink) -> list[Agency]:
    if value is None:
        return []
    if isinstance(value, Mapping) and not _has_key(value, "name"):
        agencies: list[Agency] = []
        for role_name, names in value.items():
            if role_name == SOURCE_KEY:
                continue
            role = _ROLE_WORDS.get(str(role_name))
            if role is None:
                _unknown_value(sink, "agencies", str(role_name), source_of(value, src))
                continue
            for name in _text_list(names, "agencies", src, sink):
                agencies.append(Agency(name, role, source_of(names, src)))
        return agencies
    items = value if isinstance(value, (list, tuple)) else [value]
    agencies = []
    for item in items:
        item_src = source_of(item, src)
        if isinstance(item, Mapping):
            _check_keys(item, "agencies", item_src, sink)
            agency_name = _text(item.get("name"), "agencies.name", item_src, sink)
            role_text = _text(item.get("role"), "agencies.role", item_src, sink) or "implementing"
            role = _ROLE_WORDS.get(role_text)
            if role is None:
                _unknown_value(sink, "agencies", role_text, item_src)
                role = AgencyRole.IMPLEMENTING
            if agency_name:
                agencies.append(Agency(agency_name, role, item_src))
        else:
            for name in _text_list(item, "agencies", item_src, sink):
                agencies.append(Agency(name, AgencyRole.IMPLEMENTING, item_src))
    return agencies


def _has_key(mapping: Mapping, key: str) -> bool:
    return key in mapping


def _channels(v: Mapping[str, Any], where, sink: IssueSink) -> list[Channel]:
    channels: list[Channel] = []
    raw = v.get("channels")
    if raw is not None:
        items = raw if isinstance(raw, (list, tuple)) else [raw]
        for item in items:
            item_src = source_of(item, where("channels"))
            if not isinstance(item, Mapping):
                _wrong_type(
                    sink,
                    "channels",
                    "một cách thức thực hiện (method, processing_time, fees)",
                    "a channel mapping (method, processing_time, fees)",
                    item,
                    item_src,
                )
                continue
            channels.append(_channel(item, item_src, sink))
    time_value, fee_value = v.get("processing_time"), v.get("fees")
    fee_value, targeted = _targeted_fees(fee_value, channels, where("fees"), sink)
    if time_value is not None or fee_value is not None:
        duration = _duration(time_value, where("processing_time"), sink)
        fees = _fees(fee_value, where("fees"), sink)
        if not channels:
            channels.append(Channel(processing_time=duration, fees=fees, source=where("processing_time")))
        else:
            for channel in channels:
                channel.processing_time = channel.processing_time or duration
                channel.fees = channel.fees or list(fees)
    for index, items in targeted.items():
        channels[index].fees = [*channels[index].fees, *_fees(items, where("fees"), sink)]
    return channels


def _targeted_fees(value: Any, channels: list[Channel], src: SourceRef, sink: IssueSink) -> tuple[Any, dict]:
    """Fee rows that name their channel (`channel: 2`, the "Cách thức số" column) go to it;
    the rest, as before, to every channel without fees of its own."""
    if value is None or not channels:
        return value, {}
    items = value if isinstance(value, (list, tuple)) else [value]
    rest: list[Any] = []
    targeted: dict[int, list[Any]] = {}
    for item in items:
        number = item.get("channel") if isinstance(item, Mapping) else None
        if number is None or number == "":
            rest.append(item)
            continue
        item_src = source_of(item, src)
        index = _int(number, "fees.channel", item_src, sink)
        if index is None or not 1 <= index <= len(channels):
            if index is not None:
                sink.warn(
                    "unknown-channel",
                    tr(
                        f"'fees.channel': thủ tục không có cách thức số {index} (có {len(channels)}); "
                        "khoản phí được tính cho mọi cách thức",
                        f"'fees.channel': the procedure has no channel {index} (it has {len(channels)}); "
                        "the fee applies to every channel",
                    ),
                    item_src,
                )
            rest.append({k: v for k, v in item.items() if k != "channel"})
            continue
        targeted.setdefault(index - 1, []).append({k: v for k, v in item.items() if k != "channel"})
    return (rest or None), targeted


def _channel(item: Mapping[str, Any], src: SourceRef, sink: IssueSink) -> Channel:
    _check_keys(item, "channels", src, sink)
    method_raw = _text(item.get("method"), "channels.method", src, sink)
    method = parse_method(method_raw)
    if method_raw and method is None:
        _unknown_value(sink, "method", method_raw, src)
    return Channel(
        method=method,
        method_raw=method_raw,
        processing_time=_duration(item.get("processing_time"), src, sink),
        fees=_fees(item.get("fees"), src, sink),
        description=_text(item.get("description"), "channels.description", src, sink),
        source=src,
    )


def _duration(value: Any, src: SourceRef, sink: IssueSink) -> Duration | None:
    if value is None:
        return None
    where = source_of(value, src)
    if isinstance(value, Mapping):
        return _structured_duration(value, where, sink)
    text = _text(value, "processing_time", where, sink)
    if text is None:
        return None
    duration = parse_duration(text)
    if duration.status is DurationStatus.UNPARSED:
        sink.warn(
            "unparsed-time",
            tr(
                f"không đọc được thời hạn giải quyết '{text}'" + (f" ({duration.note})" if duration.note else ""),
                f"cannot read the processing time '{text}'" + (f" ({duration.note})" if duration.note else ""),
            ),
            where,
            text,
        )
    return duration


def _structured_duration(value: Mapping[str, Any], src: SourceRef, sink: IssueSink) -> Duration:
    _check_keys(value, "processing_time", src, sink)
    raw = _text(value.get("raw"), "processing_time.raw", src, sink)
    numbers = {}
    for key in ("working_days", "days", "hours", "months"):
        text = _text(value.get(key), f"processing_time.{key}", src, sink)
        if text is not None:
            try:
                numbers[key] = float(read_number(text))  # the one rule: "1,5" and "1.5" are one and a half
            except NumberError as exc:
                sink.error(
                    "not-a-number",
                    tr(
                        f"'processing_time.{key}': cần một số, gặp '{text}' ({exc.vi})",
                        f"'processing_time.{key}': expected a number, found '{text}' ({exc.en})",
                    ),
                    src,
                )
    status_text = _text(value.get("status"), "processing_time.status", src, sink)
    if status_text:
        try:
            status = DurationStatus(status_text)
        except ValueError:
            _unknown_value(sink, "processing_time.status", status_text, src)
            status = DurationStatus.FIXED if numbers else DurationStatus.UNPARSED
    elif not numbers and raw:
        return parse_duration(raw)
    else:
        status = DurationStatus.FIXED if numbers else DurationStatus.UNSPECIFIED
    note = _text(value.get("note"), "processing_time.note", src, sink)
    return Duration(raw=raw or _describe_numbers(numbers), status=status, note=note, **numbers)


def _describe_numbers(numbers: dict[str, float]) -> str:
    units = {"working_days": "ngày làm việc", "days": "ngày", "hours": "giờ", "months": "tháng"}
    return " ".join(f"{n:g} {units[k]}" for k, n in numbers.items())


def _fees(value: Any, src: SourceRef, sink: IssueSink) -> list[Fee]:
    if value is None:
        return []
    items = value if isinstance(value, (list, tuple)) else [value]
    fees: list[Fee] = []
    for item in items:
        where = source_of(item, src)
        item = raw_only(item)
        if isinstance(item, Mapping):
            fees.append(_structured_fee(item, where, sink))
            continue
        if isinstance(item, (list, tuple, Mapping)):
            _wrong_type(sink, "fees", "một đoạn văn bản", "text", item, where)
            continue
        text = clean_keep_lines(item)
        if text is None:
            if isinstance(item, str) and nfc(item).strip().casefold().rstrip(".") in ("không", "không có"):
                # "Không" in a fee column means no fee, not a missing value
                fees.append(Fee(raw=item.strip(), status=FeeStatus.FREE))
            continue
        parsed = parse_fees(text)
        for fee in parsed:
            if fee.status is FeeStatus.UNPARSED:
                sink.warn(
                    "unparsed-fee",
                    tr(
                        f"không đọc được phí, lệ phí '{fee.raw}'" + (f" ({fee.note})" if fee.note else ""),
                        f"cannot read the fee '{fee.raw}'" + (f" ({fee.note})" if fee.note else ""),
                    ),
                    where,
                    fee.raw,
                )
        fees.extend(parsed)
    return fees


def _structured_fee(item: Mapping[str, Any], src: SourceRef, sink: IssueSink) -> Fee:
    _check_keys(item, "fees", src, sink)
    raw = _text(item.get("raw"), "fees.raw", src, sink)
    amount_text = _text(item.get("amount"), "fees.amount", src, sink)
    status_text = _text(item.get("status"), "fees.status", src, sink)
    amount = None
    if amount_text is not None:
        try:
            amount = read_number(amount_text)  # the one rule: "50.000" is fifty thousand
        except NumberError as exc:
            sink.error(
                "not-a-number",
                tr(
                    f"'fees.amount': cần một số tiền, gặp '{amount_text}' ({exc.vi})",
                    f"'fees.amount': expected an amount, found '{amount_text}' ({exc.en})",
                ),
                src,
            )
    if status_text:
        try:
            status = FeeStatus(status_text)
        except ValueError:
            _unknown_value(sink, "fees.status", status_text, src)
            status = FeeStatus.UNPARSED
    elif amount is not None:
        status = FeeStatus.AMOUNT
    elif raw:
        parsed = parse_fees(raw)
        return parsed[0] if len(parsed) == 1 else Fee(raw=raw, status=FeeStatus.UNPARSED, note="nhiều khoản")
    else:
        status = FeeStatus.UNPARSED
    return Fee(
        raw=raw
        or (
            f"{amount_text} {_text(item.get('currency'), 'fees.currency', src, sink) or 'VND'}"
            if amount_text
            else status.value
        ),
        status=status,
        kind=_text(item.get("kind"), "fees.kind", src, sink),
        amount=amount,
        currency=_text(item.get("currency"), "fees.currency", src, sink) or ("VND" if amount is not None else None),
        per=_text(item.get("per"), "fees.per", src, sink),
        note=_text(item.get("note"), "fees.note", src, sink),
    )


def _online_service(value: Any, src: SourceRef, sink: IssueSink) -> OnlineService | None:
    if value is None:
        return None
    where = source_of(value, src)
    if isinstance(value, Mapping):
        _check_keys(value, "online_service", where, sink)
        level_text = _text(value.get("level"), "online_service.level", where, sink)
        raw = _text(value.get("raw"), "online_service.raw", where, sink)
        try:
            level = OnlineLevel(level_text) if level_text else None
        except ValueError:
            level = None
        if level is None:
            parsed = parse_online_service(raw or level_text)
            if parsed is None:
                _unknown_value(sink, "online_service", raw or level_text or "", where)
            return parsed
        legacy = _int(value.get("legacy_level"), "online_service.legacy_level", where, sink)
        return OnlineService(level, raw=raw, legacy_level=legacy)
    text = _text(value, "online_service", where, sink)
    if text is None:
        if isinstance(value, str) and nfc(value).strip().casefold().rstrip(".") in ("không", "không có"):
            return OnlineService(OnlineLevel.NONE, raw=value.strip())  # "Không" here means no online service
        return None
    parsed = parse_online_service(text)
    if parsed is None:
        _unknown_value(sink, "online_service", text, where)
    return parsed


def raw_only(item: Any) -> Any:
    """A mapping that holds nothing but `raw` (a workbook row with only "Nội dung gốc") is that
    text, read exactly like the same text written as a list item."""
    if (
        isinstance(item, Mapping)
        and "raw" in item
        and all(k in ("raw", SOURCE_KEY) or v is None or v == "" for k, v in item.items())
    ):
        return item["raw"]
    return item


def _documents(value: Any, src: SourceRef, sink: IssueSink) -> list[DocumentRequirement]:
    if value is None:
        return []
    items = value if isinstance(value, (list, tuple)) else [value]
    docs: list[DocumentRequirement] = []
    for item in items:
        where = source_of(item, src)
        item = raw_only(item)
        if isinstance(item, Mapping):
            doc = _structured_document(item, where, sink)
            if doc is not None:
                docs.append(doc)
            continue
        for line in _text_list(item, "documents", where, sink):
            doc = parse_document(line)
            doc.source = where
            docs.append(doc)
    return docs


def _structured_document(item: Mapping[str, Any], src: SourceRef, sink: IssueSink) -> DocumentRequirement | None:
    _check_keys(item, "documents", src, sink)
    name = _text(item.get("name"), "documents.name", src, sink)
    if name is None:
        sink.warn(
            "missing-document-name",
            tr("giấy tờ không có tên (bỏ qua)", "document without a name (skipped)"),
            src,
        )
        return None
    counts = _text(item.get("counts"), "documents.counts", src, sink)
    doc = parse_document(name, counts)
    doc.source = src
    doc.code = _text(item.get("code"), "documents.code", src, sink)
    for key in ("originals", "copies"):
        if item.get(key) is not None:
            setattr(doc, key, _int(item.get(key), f"documents.{key}", src, sink))
    kinds_value = item.get("copy_kind")
    if kinds_value is not None:
        kinds = []
        for text in _text_list(kinds_value, "documents.copy_kind", src, sink):
            for part in re.split(r"\s*[,;|]\s*", text):
                kind = parse_copy_kind(part)
                if kind is None:
                    _unknown_value(sink, "copy_kind", part, src)
                elif kind not in kinds:
                    kinds.append(kind)
        doc.copy_kinds = kinds
        doc.copy_kind = kinds[0] if kinds else None
    if item.get("form") is not None:
        doc.form = _text(item.get("form"), "documents.form", src, sink)
    if item.get("note") is not None:
        doc.note = _text(item.get("note"), "documents.note", src, sink)
    raw = _text(item.get("raw"), "documents.raw", src, sink)
    if raw is not None:
        doc.raw = raw
    if item.get("group") is not None:
        doc.group = _text(item.get("group"), "documents.group", src, sink)
    return doc


def _results(value: Any, src: SourceRef, sink: IssueSink) -> list[Result]:
    if value is None:
        return []
    items = value if isinstance(value, (list, tuple)) else [value]
    results: list[Result] = []
    for item in items:
        where = source_of(item, src)
        if isinstance(item, Mapping):
            _check_keys(item, "results", where, sink)
            name = _text(item.get("name"), "results.name", where, sink)
            if name:
                results.append(
                    Result(
                        name=name,
                        code=_text(item.get("code"), "results.code", where, sink),
                        validity=_text(item.get("validity"), "results.validity", where, sink),
                        source=where,
                    )
                )
            continue
        for line in _text_list(item, "results", where, sink):
            results.append(Result(name=line, source=where))
    return results


def _legal_basis(value: Any, src: SourceRef, sink: IssueSink) -> list[LegalRef]:
    if value is None:
        return []
    items = value if isinstance(value, (list, tuple)) else [value]
    refs: list[LegalRef] = []
    for item in items:
        where = source_of(item, src)
        item = raw_only(item)
        if isinstance(item, Mapping):
            found = [_structured_legal_ref(item, where, sink)]
        elif isinstance(item, (list, tuple)):
            _wrong_type(sink, "legal_basis", "một đoạn văn bản", "text", item, where)
            continue
        else:
            text = clean_keep_lines(item)  # the parser uses line breaks between citations
            found = parse_legal_text(text) if text else []
        for ref in found:
            ref.source = where
            if not ref.identified:
                sink.warn(
                    "unidentified-legal-ref",
                    tr(
                        f"không xác định được số hiệu văn bản trong '{_short(ref.raw)}'"
                        + (f" ({ref.note})" if ref.note else ""),
                        f"cannot identify the document number in '{_short(ref.raw)}'"
                        + (f" ({ref.note})" if ref.note else ""),
                    ),
                    where,
                    ref.raw,
                )
        refs.extend(found)
    return refs


def _structured_legal_ref(item: Mapping[str, Any], src: SourceRef, sink: IssueSink) -> LegalRef:
    _check_keys(item, "legal_basis", src, sink)
    number = _text(item.get("number"), "legal_basis.number", src, sink)
    title = _text(item.get("title"), "legal_basis.title", src, sink)
    issued_text = item.get("issued")
    issued = _date(issued_text, "legal_basis.issued", src, sink)
    ref = parse_legal_row(
        number,
        title,
        issued.isoformat() if issued else None,
        _text(item.get("issuer"), "legal_basis.issuer", src, sink),
    )
    kind_text = _text(item.get("kind"), "legal_basis.kind", src, sink)
    if kind_text:
        try:
            ref.kind = DocKind(kind_text)
        except ValueError:
            _unknown_value(sink, "legal_basis.kind", kind_text, src)
    if item.get("effective") is not None:
        ref.effective = _date(item.get("effective"), "legal_basis.effective", src, sink)
    if item.get("article") is not None:
        ref.article = _text(item.get("article"), "legal_basis.article", src, sink)
    raw = _text(item.get("raw"), "legal_basis.raw", src, sink)
    if raw is not None:
        ref.raw = raw
    if issued is not None:
        ref.issued = issued
    return ref


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _volume(value: Any, src: SourceRef, sink: IssueSink) -> Volume | None:
    if value is None:
        return None
    where = source_of(value, src)
    if not isinstance(value, Mapping):
        count = _int(value, "volume", where, sink)
        return Volume(dossiers_per_year=count, source=where) if count is not None else None
    _check_keys(value, "volume", where, sink)
    volume = Volume(
        dossiers_per_year=_int(value.get("dossiers_per_year"), "volume.dossiers_per_year", where, sink),
        online_per_year=_int(value.get("online_per_year"), "volume.online_per_year", where, sink),
        source=where,
    )
    history = value.get("history") or []
    if isinstance(history, Mapping) or not isinstance(history, (list, tuple)):
        _wrong_type(sink, "volume.history", "danh sách các năm", "a list of years", history, where)
        history = []
    for item in history:
        item_src = source_of(item, where)
        if not isinstance(item, Mapping):
            _wrong_type(sink, "volume.history", "{year, dossiers, online}", "{year, dossiers, online}", item, item_src)
            continue
        _check_keys(item, "volume.history", item_src, sink)
        year = _int(item.get("year"), "volume.history.year", item_src, sink)
        if year is None:
            continue
        volume.history.append(
            YearVolume(
                year=year,
                dossiers=_int(item.get("dossiers"), "volume.history.dossiers", item_src, sink),
                online=_int(item.get("online"), "volume.history.online", item_src, sink),
            )
        )
    volume.history.sort(key=lambda y: y.year)
    return volume


def _extra(value: Any, src: SourceRef, sink: IssueSink) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        _wrong_type(sink, "extra", "bảng tên cột → giá trị", "a mapping of column -> value", value, src)
        return {}
    out = {}
    for key, item in value.items():
        if key == SOURCE_KEY:
            continue
        text = _extra_text(item)
        if text is not None:
            out[str(key)] = text
    return out


def _extra_text(item: Any) -> str | None:
    """An extra value as text: a list one item per line, a mapping one `key: value` per line."""
    if isinstance(item, Mapping):
        parts = [
            f"{clean(str(k)) or k}: {text}"
            for k, v in item.items()
            if k != SOURCE_KEY and (text := _extra_text(v)) is not None
        ]
    elif isinstance(item, (list, tuple)):
        parts = [text for v in item if (text := _extra_text(v)) is not None]
    else:
        return clean_keep_lines(item)
    return "\n".join(parts) or None


_SKIP = frozenset({"name", "channels", "processing_time", "fees"})  # name first; channels after the loop
_TEXT_FIELDS = frozenset({"code", "field", "kind", "place", "partial_reason", "url"})
_LIST_FIELDS = frozenset({"applicants", "steps", "forms", "conditions"})
# field -> reader(value, position, sink) for the structured parts
_READERS = {
    "agencies": _agencies,
    "online_service": _online_service,
    "documents": _documents,
    "results": _results,
    "legal_basis": _legal_basis,
    "volume": _volume,
    "decision": _decision,
    "extra": _extra,
    "reviewed": lambda value, src, sink: _date(value, "reviewed", src, sink),
}
