"""`tthc cost`: each procedure's compliance cost before and after the proposals, with totals."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from tthc.cli.common import EXIT_OK, LangOption, PathsArgument, chosen_language, fail, guarded, stdout_console
from tthc.cli.options import AsOfOption, ConfigOption, IgnoreOption, SelectOption
from tthc.cli.plan_options import DecisionsOption, HourlyRateOption, ModeOption, plan_request, prepare_or_exit
from tthc.i18n import tr


class CostFormat(StrEnum):
    text = "text"
    json = "json"
    csv = "csv"


def cost(
    paths: PathsArgument = None,
    format: Annotated[CostFormat, typer.Option("--format", "-f", help="text | json | csv")] = CostFormat.text,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Ghi JSON/CSV vào tệp này thay vì stdout. / Write JSON/CSV to this file."),
    ] = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    as_of: AsOfOption = None,
    config: ConfigOption = None,
    hourly_rate: HourlyRateOption = None,
    mode: ModeOption = None,
    decisions: DecisionsOption = None,
    only_changed: Annotated[
        bool,
        typer.Option(
            "--only-changed",
            help="Bảng chỉ gồm thủ tục có đề xuất (tổng vẫn tính mọi thủ tục). / Only procedures with proposals.",
        ),
    ] = False,
    lang_option: LangOption = None,
) -> None:
    """Chi phí tuân thủ từng thủ tục trước và sau đề xuất; tổng theo lĩnh vực, danh mục. / Compliance cost."""
    lang = chosen_language(lang_option)
    if output is not None and format is CostFormat.text:
        raise fail(tr(lang, "-o dùng với --format json hoặc csv", "-o goes with --format json or csv"), lang)

    def request():
        from tthc.cli.common import default_paths
        from tthc.report.targets import output_target

        output_target(output, [*default_paths(paths), config, decisions])
        return plan_request(
            paths, config=config, as_of=as_of, select=select, ignore=ignore, hourly_rate=hourly_rate, mode=mode,
            decisions=decisions)  # fmt: skip

    prepared = prepare_or_exit(guarded(request, lang), lang=lang)
    from tthc.plan.service import cost_table
    from tthc.report import cost_report

    rows = cost_table(prepared)
    if format is CostFormat.text:
        cost_report.render_table(rows, prepared.settings, stdout_console(), only_changed=only_changed, lang=lang)
        raise typer.Exit(EXIT_OK)
    text = (
        cost_report.render_json(rows, prepared.settings, lang=lang)
        if format is CostFormat.json
        else cost_report.render_csv(rows, lang=lang)
    )
    if output is not None:
        from tthc.report.files import write_text_atomic

        guarded(lambda: write_text_atomic(output, text, bom=format is CostFormat.csv), lang)
    else:
        if format is CostFormat.csv:
            sys.stdout.write("\ufeff")
        sys.stdout.write(text)
    raise typer.Exit(EXIT_OK)
