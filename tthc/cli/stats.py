"""`tthc stats`: counts, dossiers per year, online uptake; Rich tables, JSON, a chart."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from tthc.cli.common import (
    LangOption,
    PathsArgument,
    UsageError,
    chosen_language,
    default_paths,
    exit_on_errors,
    stderr_console,
    stdout_console,
)
from tthc.i18n import tr
from tthc.report.targets import output_target

CHART_SUFFIXES = (".png", ".svg", ".pdf")


class StatsFormat(StrEnum):
    text = "text"
    json = "json"


def stats(
    paths: PathsArgument = None,
    format: Annotated[StatsFormat, typer.Option("--format", "-f", help="text | json")] = StatsFormat.text,
    chart: Annotated[
        Path | None,
        typer.Option(
            "--chart",
            help="Ghi biểu đồ (.png, .svg, .pdf) cho báo cáo. / Write the charts (.png, .svg, .pdf).",
            show_default=False,
        ),
    ] = None,
    limit: Annotated[
        int,
        typer.Option(
            "--limit",
            min=0,
            help="Số thủ tục trong bảng tỷ lệ theo thủ tục (0: tất cả). / Rows of the per-procedure table (0: all).",
        ),
    ] = 20,
    lang_option: LangOption = None,
) -> None:
    """Thống kê thủ tục, hồ sơ và tỷ lệ nộp trực tuyến. / Counts, dossiers and online uptake."""
    lang = chosen_language(lang_option)
    from tthc.audit import configured_limits
    from tthc.publish.source import load_catalogs
    from tthc.report.terminal.console import progress
    from tthc.report.terminal.stats import render
    from tthc.stats import compute, write_chart

    with exit_on_errors(lang):
        if chart is not None and chart.suffix.lower() not in CHART_SUFFIXES:
            raise UsageError(
                tr(
                    lang,
                    f"--chart '{chart}': dùng đuôi .png, .svg hoặc .pdf",
                    f"--chart '{chart}': use a .png, .svg or .pdf file name",
                )
            )
        output_target(chart, default_paths(paths), stdout=False)
        with progress() as bar:
            bar.step(tr(lang, "Đang đọc danh mục", "Reading catalogs"))
            result = compute(load_catalogs(default_paths(paths), configured_limits()))
    if format is StatsFormat.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        render(result, stdout_console(), limit=limit, lang=lang)
    if chart is not None:
        with exit_on_errors(lang), progress() as bar:
            bar.step(tr(lang, "Đang vẽ biểu đồ", "Drawing the charts"))
            write_chart(result, chart)
        stderr_console().print(tr(lang, f"Đã ghi biểu đồ: {chart}", f"Chart written: {chart}"), soft_wrap=True)
