"""Dispatch of the machine formats of `tthc check` (stdout or --output)."""

from __future__ import annotations

from collections.abc import Sequence

from tthc.audit import Audit
from tthc.rules.base import Finding


def render(
    fmt: str,
    audit: Audit,
    findings: Sequence[Finding],
    *,
    fixed: Sequence[dict] = (),
    automation_id: str | None = None,
) -> str:
    if fmt == "json":
        from tthc.report.json_report import dumps

        return dumps(audit, findings, fixed=fixed)
    if fmt == "sarif":
        from tthc.report.sarif import dumps as sarif

        return sarif(audit, findings, automation_id=automation_id)
    if fmt == "junit":
        from tthc.report.junit import dumps as junit

        return junit(audit, findings)
    if fmt == "github":
        from tthc.report.github import render as github

        return github(findings)
    if fmt == "csv":
        from tthc.report.csv_report import render as csv

        return csv(findings)
    raise ValueError(fmt)
