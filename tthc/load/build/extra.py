"""Other columns of the source, kept as text (Thông tin khác)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tthc.fields import Field
from tthc.load.base import IssueSink
from tthc.load.build.scalars import _wrong_type
from tthc.load.record import SOURCE_KEY
from tthc.model import Procedure, SourceRef
from tthc.text import clean, clean_keep_lines


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


def fill(p: Procedure, f: Field, value: Any, src: SourceRef, sink: IssueSink) -> None:
    p.extra = _extra(value, src, sink)
