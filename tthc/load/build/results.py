"""The results of a procedure (Kết quả thực hiện)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tthc.fields import Field
from tthc.load.base import IssueSink
from tthc.load.build.scalars import _check_keys, _text, _text_list, source_of
from tthc.model import Procedure, Result, SourceRef


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


def fill(p: Procedure, f: Field, value: Any, src: SourceRef, sink: IssueSink) -> None:
    p.results = _results(value, src, sink)
