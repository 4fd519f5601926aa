"""Findings on the terminal: grouped by procedure or by rule, then a summary."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from tthc.i18n import tr
from tthc.rules import Rule
from tthc.rules.base import Finding, Severity

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def severity_label(severity: Severity) -> str:
    return {
        Severity.ERROR: tr("lỗi", "error"),
        Severity.WARNING: tr("cảnh báo", "warning"),
        Severity.INFO: tr("thông tin", "info"),
    }[severity]


def position(f: Finding) -> str:
    if f.source is None:
        return f.file or ""
    return str(f.source)


def render_findings(findings: Sequence[Finding], console, group_by: str = "procedure") -> None:
    if group_by == "rule":
        _by_rule(findings, console)
    else:
        _by_procedure(findings, console)


def _finding_lines(f: Finding, *, show_rule: bool, show_procedure: bool) -> list[str]:
    from rich.markup import escape

    style = SEVERITY_STYLE[f.severity]
    head = f"  [{style}]{severity_label(f.severity)}[/]"
    if show_rule:
        head += f" [bold]{f.rule_name}[/] ({f.rule_code})"
    if show_procedure:
        head += f" [bold]{escape(f.procedure_code or '')}[/] {escape(f.procedure_name or '')}"
    head += f" [dim]{escape(position(f))}[/]"
    return [
        head,
        f"    {escape(f.message)}",
        f"    [green]→ {escape(f.recommendation)}[/]",
        f"    [dim]{tr('Căn cứ', 'Basis')}: {escape(f.legal_basis)}[/]",
    ]


def _by_procedure(findings: Sequence[Finding], console) -> None:
    from rich.markup import escape

    groups: dict[tuple, list[Finding]] = defaultdict(list)
    for f in findings:
        groups[(f.file, f.procedure_code, f.procedure_name)].append(f)
    current_file = None
    for (file, code, name), items in groups.items():
        if file != current_file:
            console.print(f"\n[bold underline]{escape(file or '')}[/]")
            current_file = file
        console.print(f"[bold]{escape(code or '—')}[/] {escape(name or '')}")
        for f in items:
            for line in _finding_lines(f, show_rule=True, show_procedure=False):
                console.print(line, soft_wrap=True)


def _by_rule(findings: Sequence[Finding], console) -> None:
    groups: dict[tuple, list[Finding]] = defaultdict(list)
    for f in findings:
        groups[(f.rule_code, f.rule_name)].append(f)
    for (code, name), items in sorted(groups.items()):
        console.print(f"\n[bold]{name}[/] ({code}) — {len(items)}")
        for f in items:
            for line in _finding_lines(f, show_rule=False, show_procedure=True):
                console.print(line, soft_wrap=True)


def render_summary(findings: Sequence[Finding], procedures: int, files: int, console) -> None:
    counts = Counter(f.severity for f in findings)
    parts = [f"{counts.get(s, 0)} {severity_label(s)}" for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
    affected = len({(f.file, f.procedure_code, f.procedure_name) for f in findings})
    console.print(
        tr(
            f"[bold]{len(findings)} phát hiện[/] ({', '.join(parts)}) ở {affected}/{procedures} thủ tục, {files} tệp",
            f"[bold]{len(findings)} findings[/] ({', '.join(parts)}) in {affected}/{procedures} procedures, {files} files",
        )
    )


def render_statistics(findings: Sequence[Finding], rules: Sequence[Rule], console) -> None:
    from rich.table import Table

    counts = Counter(f.rule_code for f in findings)
    table = Table(title=tr("Thống kê theo quy tắc", "Statistics by rule"), title_justify="left")
    table.add_column(tr("Số lượng", "Count"), justify="right")
    table.add_column(tr("Mã", "Code"))
    table.add_column(tr("Quy tắc", "Rule"))
    table.add_column(tr("Nhóm", "Group"))
    by_code = {r.code: r for r in rules}
    for code, n in counts.most_common():
        rule = by_code.get(code)
        table.add_row(str(n), code, rule.name if rule else "", rule.group.value if rule else "")
    console.print(table)


def render_findings_plain(findings: Sequence[Finding], group_by: str = "procedure") -> str:
    """The same report as text without colours, for --output FILE."""
    from io import StringIO

    from rich.console import Console

    buffer = StringIO()
    console = Console(file=buffer, width=120, no_color=True, highlight=False)
    render_findings(findings, console, group_by)
    return buffer.getvalue()


def render_fixed(fixed: Sequence[dict], console) -> None:
    """Baseline entries that no longer occur: the baseline can shrink by this much."""
    from rich.markup import escape

    console.print(tr(f"\n[green]Đã khắc phục ({len(fixed)}):[/]", f"\n[green]Fixed ({len(fixed)}):[/]"))
    for entry in fixed:
        console.print(
            f"  [green]✓[/] {escape(entry.get('rule', ''))} {escape(entry.get('procedure_code') or '')} "
            f"{escape(entry.get('message', ''))}",
            soft_wrap=True,
        )
