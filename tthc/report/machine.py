"""Dispatch of the machine formats of `tthc check` (stdout or --output), and what they share."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from tthc.audit import Audit
from tthc.i18n import Lang
from tthc.rules.base import Finding


def render(fmt: str, audit: Audit, findings: Sequence[Finding], **options: Any) -> str:
    """The whole report as one string: :func:`chunks` joined (same options)."""
    return "".join(chunks(fmt, audit, findings, **options))


def chunks(
    fmt: str,
    audit: Audit,
    findings: Sequence[Finding],
    *,
    fixed: Sequence[dict] = (),
    automation_id: str | None = None,
    lang: Lang,
) -> Iterator[str]:
    """The report in pieces, a finding or so at a time, so that a large one is written as it
    is made instead of being built whole in memory; joined, the pieces are :func:`render`'s text.
    Their texts are in ``lang``."""
    if fmt == "json":
        from tthc.report.json_report import chunks as json_chunks

        return json_chunks(audit, findings, fixed=fixed, lang=lang)
    if fmt == "sarif":
        from tthc.report.sarif import chunks as sarif

        return sarif(audit, findings, automation_id=automation_id, lang=lang)
    if fmt == "junit":
        from tthc.report.junit import chunks as junit

        return junit(audit, findings, lang=lang)
    if fmt == "github":
        from tthc.report.github import chunks as github

        return github(findings, lang=lang)
    if fmt == "csv":
        from tthc.report.csv_report import chunks as csv

        return csv(findings, lang=lang)
    raise ValueError(fmt)


# a string no report holds (control characters never survive loading): where a list is streamed
_STREAM_MARK = "\x00tthc-streamed-list\x00"


def json_chunks(
    data: Any, items: Iterable[Any], *, indent: int | None = None, separators: tuple[str, str] | None = None
) -> Iterator[str]:
    """``json.dumps(data, ensure_ascii=False, …)`` in pieces, where ``data`` holds the one-item
    list ``[STREAM]`` at the place of a long list whose items come from ``items``: the rest of
    the document is dumped once, each item on its own, with the indentation it has there."""
    item_sep = (separators or ((", " if indent is None else ","), ": "))[0]
    iterator = iter(items)
    first = next(iterator, _STREAM_MARK)
    token = json.dumps(_STREAM_MARK)
    text = json.dumps(data, ensure_ascii=False, indent=indent, separators=separators)
    at = text.index(token)
    head, tail = text[:at], text[at + len(token) :]
    if first is _STREAM_MARK:  # an empty list: "[]", as json.dumps writes it
        yield head.rstrip(" \n") + tail.lstrip(" \n")
        return
    newline = head[head.rfind("\n") :] if indent is not None else ""
    yield head
    yield _dump_item(first, indent, separators, newline)
    for item in iterator:
        yield item_sep + newline
        yield _dump_item(item, indent, separators, newline)
    yield tail


def _dump_item(item: Any, indent: int | None, separators: tuple[str, str] | None, newline: str) -> str:
    text = json.dumps(item, ensure_ascii=False, indent=indent, separators=separators)
    return text.replace("\n", newline) if newline else text  # (a JSON string never holds a raw line break)


STREAM = _STREAM_MARK


def relative_path(file: str | None) -> str:
    """The catalog file relative to the working folder, with forward slashes (CI tools want that)."""
    if not file:
        return ""
    path = Path(file)
    if path.is_absolute():
        try:
            path = Path(os.path.relpath(path))
        except ValueError:  # another drive on Windows
            return path.as_posix()
    return path.as_posix()


def excel_cell(f: Finding) -> str | None:
    """`Thủ tục!B17` for a finding in a workbook (`Thủ tục!17:17` when only the row is known)."""
    src = f.source
    if src is None or src.sheet is None:
        return None
    if src.cell:
        return f"{src.sheet}!{src.cell}"
    return f"{src.sheet}!{src.row}:{src.row}" if src.row is not None else src.sheet


def line_of(f: Finding) -> int | None:
    """The YAML line or the Excel row of a finding."""
    return f.source.line_or_row if f.source else None
