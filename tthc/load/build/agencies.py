"""The agencies of a procedure, with their roles."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tthc.fields import Field
from tthc.load.base import IssueSink
from tthc.load.build.scalars import _check_keys, _text, _text_list, _unknown_value, source_of
from tthc.load.record import SOURCE_KEY
from tthc.model import Agency, AgencyRole, Procedure, SourceRef

_ROLE_WORDS = {
    "implementing": AgencyRole.IMPLEMENTING,
    "competent": AgencyRole.COMPETENT,
    "coordinating": AgencyRole.COORDINATING,
    "authorized": AgencyRole.AUTHORIZED,
}


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


def fill(p: Procedure, f: Field, value: Any, src: SourceRef, sink: IssueSink) -> None:
    p.agencies = _agencies(value, src, sink)
