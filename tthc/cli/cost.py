"""`tthc cost`: each procedure's compliance cost before and after the proposals, with totals."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from tthc.cli.check import AsOfOption, ConfigOption, IgnoreOption, SelectOption
from tthc.cli.common import (
    EXIT_OK,
    LangOption,
    PathsArgument,
    apply_language,
    default_paths,
    exit_on_errors,
    fail,
    output_target,
    stdout_console,
)
from tthc.cli.recommend import DecisionsOption, HourlyRateOption, ModeOption, prepare
from tthc.i18n import tr


class CostFormat(StrEnum):
    text = "text"
    json = "json"
    csv = "csv"


def cost(
    paths: PathsArgument = None,
    format: Annotated[CostFormat, typer.Option("--format", "-f", help="text | json | csv")] = CostFormat.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Ghi JSON/CSV vào tệp này thay vì stdout.")
    ] = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    as_of: AsOfOption = None,
    config: ConfigOption = None,
    hourly_rate: HourlyRateOption = None,
    mode: ModeOption = None,
    decisions: DecisionsOption = None,
    only_changed: Annotated[
        bool, typer.Option("--only-changed", help="Bảng chỉ gồm thủ tục có đề xuất (tổng vẫn tính mọi thủ tục).")
    ] = False,
    lang: LangOption = None,
) -> None:
    """Chi phí tuân thủ từng thủ tục trước và sau đề xuất; tổng theo lĩnh vực, danh mục. / Compliance cost."""
    apply_language(lang)
    if output is not None and format is CostFormat.text:
        raise fail(tr("-o dùng với --format json hoặc csv", "-o goes with --format json or csv"))
    with exit_on_errors():
        output_target(output, [*default_paths(paths), config, decisions])
    prepared = prepare(
        paths,
        config=config,
        as_of=as_of,
        select=select,
        ignore=ignore,
        hourly_rate=hourly_rate,
        mode=mode,
        decisions=decisions,
    )
    from tthc.plan import cost_rows
    from tthc.report import cost_report

    audit = prepared.audit
    rows = cost_rows(audit.catalogs, audit.findings, prepared.settings, prepared.decisions)
    if format is CostFormat.text:
        cost_report.render_table(rows, prepared.settings, stdout_console(), only_changed=only_changed)
        raise typer.Exit(EXIT_OK)
    text = (
        cost_report.render_json(rows, prepared.settings) if format is CostFormat.json else cost_report.render_csv(rows)
    )
    if output is not None:
        from tthc.report.files import write_text_atomic

        with exit_on_errors():
            write_text_atomic(output, text, bom=format is CostFormat.csv)
    else:
        if format is CostFormat.csv:
            sys.stdout.write("\ufeff")
        sys.stdout.write(text)
    raise typer.Exit(EXIT_OK)
