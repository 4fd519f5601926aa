"""Dispatch of the machine formats of `tthc check` (stdout or --output), and what they share."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from tthc.audit import Audit
from tthc.i18n import Lang
from tthc.rules.base import Finding


def render(
    fmt: str,
    audit: Audit,
    findings: Sequence[Finding],
    *,
    fixed: Sequence[dict] = (),
    automation_id: str | None = None,
    lang: Lang,
) -> str:
    """The findings in a machine format; their texts in ``lang``."""
    if fmt == "json":
        from tthc.report.json_report import dumps

        return dumps(audit, findings, fixed=fixed, lang=lang)
    if fmt == "sarif":
        from tthc.report.sarif import dumps as sarif

        return sarif(audit, findings, automation_id=automation_id, lang=lang)
    if fmt == "junit":
        from tthc.report.junit import dumps as junit

        return junit(audit, findings, lang=lang)
    if fmt == "github":
        from tthc.report.github import render as github

        return github(findings, lang=lang)
    if fmt == "csv":
        from tthc.report.csv_report import render as csv

        return csv(findings, lang=lang)
    raise ValueError(fmt)


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
