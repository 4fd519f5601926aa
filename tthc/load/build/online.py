"""The online-service level (Mức độ dịch vụ công trực tuyến)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tthc.fields import Field
from tthc.load.base import IssueSink
from tthc.load.build.scalars import _check_keys, _int, _text, _unknown_value, source_of
from tthc.model import OnlineLevel, OnlineService, Procedure, SourceRef
from tthc.parse.vocab import parse_online_service
from tthc.text import nfc


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


def fill(p: Procedure, f: Field, value: Any, src: SourceRef, sink: IssueSink) -> None:
    p.online_service = _online_service(value, src, sink)
