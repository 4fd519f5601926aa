"""Channels (Cách thức thực hiện) with their processing times and fees; the record's
``processing_time`` and ``fees`` shorthands go to every channel (or make one)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tthc.i18n import T, tr
from tthc.load.base import IssueSink
from tthc.load.build.scalars import _check_keys, _int, _text, _unknown_value, _wrong_type, raw_only, source_of
from tthc.model import Channel, Duration, DurationStatus, Fee, FeeStatus, SourceRef
from tthc.parse.duration import parse_duration
from tthc.parse.fee import parse_fees
from tthc.parse.vocab import parse_method
from tthc.text import NumberError, clean_keep_lines, is_placeholder, nfc, read_number


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
                f"cannot read the processing time '{text}'"
                + (f" ({duration.note_text('en')})" if duration.note else ""),
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
                    "not-a-number", _not_a_number(f"processing_time.{key}", ("một số", "a number"), text, exc), src
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
    return Duration(raw=raw or _describe_numbers(numbers), status=status, note=note, note_en=None, **numbers)


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
            if isinstance(item, str) and _says_no_fee(item):
                fees.append(Fee(raw=item.strip(), status=FeeStatus.FREE))
            continue
        parsed = [fee for fee in map(_as_alone, parse_fees(text)) if fee is not None]
        for fee in parsed:
            if fee.status is FeeStatus.UNPARSED:
                sink.warn("unparsed-fee", _unread("phí, lệ phí", "the fee", fee.raw, fee.note), where, fee.raw)
        fees.extend(parsed)
    return fees


def _says_no_fee(text: str) -> bool:
    """ "Không" in a fee column means no fee, not a missing value."""
    return nfc(text).strip().casefold().rstrip(".") in ("không", "không có")


def _as_alone(fee: Fee) -> Fee | None:
    """A part of a several-fee cell ("Không; Lệ phí: 3 USD") read as it would be alone in the
    cell: "Không" is no fee, another placeholder ("-", "x", "Không có thông tin") says nothing.
    (So each part written back on its own reads back the same.)"""
    if not is_placeholder(fee.raw):
        return fee
    return Fee(raw=fee.raw, status=FeeStatus.FREE) if _says_no_fee(fee.raw) else None


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
                "not-a-number", _not_a_number("fees.amount", ("một số tiền", "an amount"), amount_text, exc), src
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


def _unread(vi: str, en: str, raw: str, note: str | None) -> T:
    """ "không đọc được thời hạn giải quyết '…' (note)": a value its parser left raw."""
    why = f" ({note})" if note else ""
    return tr(f"không đọc được {vi} '{raw}'{why}", f"cannot read {en} '{raw}'{why}")


def _not_a_number(key: str, wanted: tuple[str, str], text: str, exc: NumberError) -> T:
    """ "'fees.amount': cần một số tiền, gặp '…' (why)": a number field that holds no number."""
    return tr(
        f"'{key}': cần {wanted[0]}, gặp '{text}' ({exc.vi})",
        f"'{key}': expected {wanted[1]}, found '{text}' ({exc.en})",
    )


def read(v: Mapping[str, Any], where, sink: IssueSink) -> list[Channel]:
    """The channels of a record: its ``channels`` with the ``processing_time``/``fees`` shorthands."""
    return _channels(v, where, sink)
