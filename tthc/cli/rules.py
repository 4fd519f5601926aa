"""`tthc rules` and `tthc explain`: the rule list and one rule's documentation."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from tthc.cli.common import LangOption, chosen_language, fail, stdout_console
from tthc.i18n import Lang, tr


class RulesFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


def rules(
    format: Annotated[RulesFormat, typer.Option("--format", "-f", help="text | json | markdown")] = RulesFormat.text,
    lang_option: LangOption = None,
) -> None:
    """Liệt kê các quy tắc. / List the rules."""
    lang = chosen_language(lang_option)
    from tthc.report.rule_docs import group_label, rules_markdown
    from tthc.rules import ALL_RULES

    if format is RulesFormat.json:
        data = [
            {
                "code": r.code,
                "name": r.name,
                "group": r.group.value,
                "severity": r.severity.value,
                "summary": r.summary.text(lang),
                "scope": r.scope,
                "options": {o.name: o.default for o in r.options},
            }
            for r in ALL_RULES
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if format is RulesFormat.markdown:
        print(rules_markdown(ALL_RULES, lang=lang))
        return
    _print_rules(ALL_RULES, group_label, lang=lang)


def _print_rules(rules, group_label, *, lang: Lang) -> None:
    """One section per group; code, name (whole: it is what configs and --select use), severity, summary."""
    from tthc.report.terminal.console import fixed_column, severity_label, table, text_column

    grid = table()
    fixed_column(grid, tr(lang, "Mã", "Code"))
    fixed_column(grid, tr(lang, "Tên", "Name"))
    fixed_column(grid, tr(lang, "Mức", "Severity"))
    text_column(grid, tr(lang, "Tóm tắt", "Summary"), min_width=16)
    group = None
    for r in rules:
        if r.group != group:
            if group is not None:
                grid.add_section()
            group = r.group
            label = group_label(group.value, lang=lang)  # the group's name selects its rules too: --select outdated
            grid.add_row("", f"[bold]{group.value}[/]", "", f"[bold]{label}[/]" if label != group.value else "")
        grid.add_row(r.code, r.name, severity_label(r.severity, lang=lang), r.summary.text(lang))
    stdout_console().print(grid)


def explain(
    rule: Annotated[
        str,
        typer.Argument(
            help="Mã (TT203) hoặc tên (household-book-required) của quy tắc. / Code (TT203) or name of the rule.",
        ),
    ],
    lang_option: LangOption = None,
) -> None:
    """In tài liệu đầy đủ của một quy tắc. / Print one rule's documentation."""
    lang = chosen_language(lang_option)
    from tthc.report.rule_docs import rule_markdown
    from tthc.rules import RULES_BY_NAME, find_rule
    from tthc.suggest import did_you_mean

    found = find_rule(rule)
    if found is None:
        raise fail(tr(f"không có quy tắc '{rule}'", f"no rule '{rule}'") + did_you_mean(rule, RULES_BY_NAME), lang)
    from rich.markdown import Markdown

    console = stdout_console()
    if console.is_terminal:
        console.print(Markdown(rule_markdown(found, lang=lang)))
    else:
        print(rule_markdown(found, lang=lang))
