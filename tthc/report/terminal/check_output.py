"""What `tthc check` shows: its report in the chosen format (on the terminal, in a file or on stdout),
then the summary on stderr. ``cli/check.py`` parses the options into a :class:`Report` and calls these.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from tthc.errors import TthcError
from tthc.i18n import Lang, tr

if TYPE_CHECKING:
    from tthc.audit import Checked


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    github = "github"
    csv = "csv"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class GroupBy(StrEnum):
    procedure = "procedure"
    rule = "rule"


class OutputFormat(StrEnum):
    """How the text report looks (--format text only): one line per finding, or every detail."""

    concise = "concise"
    full = "full"


class ReportError(TthcError):
    """Report options that do not go together: one line, exit 2."""


@dataclass(frozen=True)
class Report:
    """What the report looks like: the --format, and for text its shape, grouping and statistics."""

    format: CheckFormat
    output_format: OutputFormat
    group_by: GroupBy
    statistics: bool

    @classmethod
    def chosen(
        cls, format: CheckFormat, output_format: OutputFormat | None, group_by: GroupBy, statistics: bool
    ) -> Report:
        """The report the options ask for; ReportError for --output-format with a machine format."""
        if output_format is not None and format is not CheckFormat.text:
            raise ReportError(
                tr(
                    f"--output-format chỉ dùng với --format text (đang là --format {format.value})",
                    f"--output-format goes with --format text (not --format {format.value})",
                )
            )
        return cls(format, output_format or OutputFormat.concise, group_by, statistics)


def emit(report: Report, checked: Checked, output: Path | None, automation_id: str | None, *, lang: Lang) -> None:
    """The report on stdout, or written to ``output`` with a progress bar while a big file is written
    (never while the report itself is on the terminal)."""
    if output is None:
        _emit(report, checked, output, automation_id, lang=lang)
        return
    from tthc.report.terminal.console import progress

    with progress() as bar:
        bar.step(tr(lang, f"Đang ghi {output}", f"Writing {output}"))
        _emit(report, checked, output, automation_id, lang=lang)


def summarize(report: Report, checked: Checked, *, lang: Lang) -> None:
    """On stderr: the baseline entries fixed (text report), the counts, a hint, how many fixed."""
    from tthc.report.terminal.console import stderr_console
    from tthc.report.terminal.findings import render_fixed, render_summary

    err = stderr_console()
    audit, fixed = checked.audit, checked.fixed
    if fixed and report.format is CheckFormat.text:
        render_fixed(fixed, err, lang=lang)
    procedures = sum(len(c.procedures) for c in audit.catalogs)
    hint = None
    if report.format is CheckFormat.text and report.output_format is OutputFormat.concise and not report.statistics:
        hint = tr(
            lang,
            "Khuyến nghị và căn cứ của từng phát hiện: --output-format full",
            "What to do and the legal basis of each finding: --output-format full",
        )
    render_summary(checked.findings, procedures, len(audit.files), err, hint=hint, lang=lang)
    if fixed:
        err.print(
            tr(
                lang,
                f"{len(fixed)} phát hiện trong baseline đã được khắc phục",
                f"{len(fixed)} baseline findings are fixed",
            )
        )


def _emit(report: Report, checked: Checked, output: Path | None, automation_id: str | None, *, lang: Lang) -> None:
    from tthc.report.terminal import findings as findings_text
    from tthc.report.terminal.console import stderr_console, stdout_console

    audit, findings = checked.audit, checked.findings
    if report.format is CheckFormat.text:
        if output is not None:
            from tthc.report.files import write_text_atomic

            if report.statistics:
                text = _to_text(
                    lambda console: findings_text.render_statistics(findings, audit.rules, console, lang=lang)
                )
            else:
                text = findings_text.render_findings_plain(
                    findings, report.group_by.value, report.output_format.value, lang=lang
                )
            write_text_atomic(output, text)
        elif report.statistics:
            findings_text.render_statistics(findings, audit.rules, stdout_console(), lang=lang)
        else:
            findings_text.render_findings(
                findings, stdout_console(), report.group_by.value, report.output_format.value, lang=lang
            )
        return
    from tthc.report import machine

    fixed = checked.fixed
    pieces = machine.chunks(report.format.value, audit, findings, fixed=fixed, automation_id=automation_id, lang=lang)
    if output is not None:  # streamed: a large report is never held whole in memory
        from tthc.report.files import write_chunks_atomic

        write_chunks_atomic(output, pieces, bom=report.format is CheckFormat.csv)
    else:
        last = ""
        for piece in pieces:
            if piece:
                sys.stdout.write(piece)
                last = piece
        if not last.endswith("\n"):
            sys.stdout.write("\n")
    if report.statistics:  # the machine output stays as it is; the counts go to stderr
        findings_text.render_statistics(findings, audit.rules, stderr_console(), lang=lang)


def _to_text(render) -> str:
    from io import StringIO

    from tthc.report.terminal.console import make_console

    buffer = StringIO()
    render(make_console(file=buffer, width=120, color=False))
    return buffer.getvalue()
