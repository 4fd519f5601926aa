"""`tthc rules` and `tthc explain`: the rule list and one rule's documentation."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from tthc.cli.common import LangOption, apply_language, fail, stdout_console
from tthc.i18n import tr


class RulesFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


def rules(
    format: Annotated[RulesFormat, typer.Option("--format", "-f", help="text | json | markdown")] = RulesFormat.text,
    lang: LangOption = None,
) -> None:
    """Liệt kê các quy tắc. / List the rules."""
    apply_language(lang)
    from tthc.report.rule_docs import group_label, rules_markdown
    from tthc.rules import ALL_RULES

    if format is RulesFormat.json:
        data = [
            {
                "code": r.code,
                "name": r.name,
                "group": r.group.value,
                "severity": r.severity.value,
                "summary": str(r.summary),
                "scope": r.scope,
                "options": {o.name: o.default for o in r.options},
            }
            for r in ALL_RULES
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if format is RulesFormat.markdown:
        print(rules_markdown(ALL_RULES))
        return
    _print_rules(ALL_RULES, group_label)


def _print_rules(rules, group_label) -> None:
    """One section per group; code, name (whole: it is what configs and --select use), severity, summary."""
    from tthc.report.terminal.console import fixed_column, severity_label, table, text_column

    grid = table()
    fixed_column(grid, tr("Mã", "Code"))
    fixed_column(grid, tr("Tên", "Name"))
    fixed_column(grid, tr("Mức", "Severity"))
    text_column(grid, tr("Tóm tắt", "Summary"), min_width=16)
    group = None
    for r in rules:
        if r.group != group:
            if group is not None:
                grid.add_section()
            group = r.group
            label = group_label(group.value)  # the group's name selects its rules too: --select outdated
            grid.add_row("", f"[bold]{group.value}[/]", "", f"[bold]{label}[/]" if label != group.value else "")
        grid.add_row(r.code, r.name, severity_label(r.severity), str(r.summary))
    stdout_console().print(grid)


def explain(
    rule: Annotated[
        str,
        typer.Argument(
            help="Mã (TT203) hoặc tên (household-book-required) của quy tắc. / Code (TT203) or name of the rule.",
        ),
    ],
    lang: LangOption = None,
) -> None:
    """In tài liệu đầy đủ của một quy tắc. / Print one rule's documentation."""
    apply_language(lang)
    from tthc.report.rule_docs import rule_markdown
    from tthc.rules import RULES_BY_NAME, find_rule
    from tthc.text import nearest

    found = find_rule(rule)
    if found is None:
        hint = nearest(rule, list(RULES_BY_NAME))
        raise fail(
            tr(f"không có quy tắc '{rule}'", f"no rule '{rule}'")
            + (tr(f"; có phải '{hint}'?", f"; did you mean '{hint}'?") if hint else "")
        )
    from rich.markdown import Markdown

    console = stdout_console()
    if console.is_terminal:
        console.print(Markdown(rule_markdown(found)))
    else:
        print(rule_markdown(found))
