"""`tthc history`: the trend of findings across runs recorded by `tthc check --record DB`."""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from tthc.cli.common import EXIT_OK, LangOption, chosen_language, exit_on_errors, stdout_console
from tthc.i18n import Lang, tr

JSON_VERSION = 1


class HistoryFormat(StrEnum):
    text = "text"
    json = "json"


class By(StrEnum):
    field = "field"
    agency = "agency"
    rule = "rule"


def history(
    db: Annotated[
        Path,
        typer.Option(
            "--db",
            envvar="TTHC_HISTORY_DB",
            help="Cơ sở dữ liệu SQLite do 'tthc check --record' ghi. / The SQLite database 'tthc check --record' wrote.",
            show_default=False,
        ),
    ],
    by: Annotated[
        By,
        typer.Option(
            "--by",
            help="Phân tích theo: field (lĩnh vực) | agency (cơ quan) | rule. / Break down by field, agency or rule.",
        ),
    ] = By.field,
    format: Annotated[HistoryFormat, typer.Option("--format", "-f", help="text | json")] = HistoryFormat.text,
    limit: Annotated[
        int,
        typer.Option(
            "--limit", "-n", min=1, help="Số lần chạy gần nhất được hiển thị. / How many recent runs to show."
        ),
    ] = 30,
    lang_option: LangOption = None,
) -> None:
    """Xu hướng phát hiện qua các lần kiểm tra đã ghi. / Trend of findings across recorded runs."""
    lang = chosen_language(lang_option)
    from tthc.nightly.history import read_runs

    with exit_on_errors(lang):
        runs = read_runs(db, by=by.value, limit=limit)
    if format is HistoryFormat.json:
        doc = {"schema_version": JSON_VERSION, "by": by.value, "runs": [r.to_dict() for r in runs]}
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        _render(runs, by.value, lang=lang)
    raise typer.Exit(EXIT_OK)


def _local_time(iso: str) -> str:
    try:
        return dt.datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


def _delta(value: int | None) -> str:
    return "—" if value is None else str(value)


def _render(runs, by: str, *, lang: Lang) -> None:
    from tthc.nightly.history import sparkline
    from tthc.report.terminal.console import figure_column, fixed_column, plain, print_table, table, text_column

    console = stdout_console()
    if not runs:
        console.print(tr(lang, "Chưa có lần chạy nào được ghi.", "No run recorded yet."))
        return
    rows = [
        (
            str(r.id),
            _local_time(r.recorded_at),
            r.as_of,
            str(r.procedures),
            str(r.by_severity.get("error", 0)),
            str(r.by_severity.get("warning", 0)),
            str(r.by_severity.get("info", 0)),
            str(r.total),
            _delta(r.new),
            _delta(r.fixed),
        )
        for r in runs
    ]
    grid = table()
    for i, (title, justify) in enumerate(
        (
            ("#", "right"),
            (tr(lang, "Thời điểm", "Recorded"), "left"),
            (tr(lang, "Ngày xét", "As of"), "left"),
            (tr(lang, "Thủ tục", "Proce\u00addures"), "right"),  # a soft hyphen: where it may break to fit
            (tr(lang, "Lỗi", "Errors"), "right"),
            (tr(lang, "Cảnh báo", "Warn\u00adings"), "right"),
            (tr(lang, "Thông tin", "Info"), "right"),
            (tr(lang, "Tổng", "Total"), "right"),
            (tr(lang, "Mới", "New"), "right"),
            (tr(lang, "Đã khắc phục", "Fixed"), "right"),
        )
    ):
        if i in (1, 2):  # the dates: never wrapped, the figures' headers wrap instead
            fixed_column(grid, title)
        else:
            figure_column(grid, title, justify=justify)
    for row in rows:
        grid.add_row(*row)
    print_table(console, tr(lang, "Lịch sử kiểm tra", "Check history"), grid)
    totals = [r.total for r in runs]
    console.print(f"{tr(lang, 'Xu hướng', 'Trend')}: {sparkline(totals)}  {totals[0]} → {totals[-1]}", markup=False)
    labels = {
        "field": tr(lang, "Lĩnh vực", "Field"),
        "agency": tr(lang, "Cơ quan", "Agency"),
        "rule": tr(lang, "Quy tắc", "Rule"),
    }
    keys = list(runs[-1].breakdown) + sorted({k for r in runs for k in r.breakdown} - set(runs[-1].breakdown))
    lines = []
    for key in keys:
        series = [r.breakdown.get(key, 0) for r in runs]
        change = series[-1] - series[-2] if len(series) > 1 else 0
        lines.append(
            (
                plain(key or tr(lang, "(không rõ)", "(unknown)")),
                sparkline(series),
                str(series[-1]),
                f"{change:+d}" if len(series) > 1 else "—",
            )
        )
    breakdown = table()
    text_column(breakdown, labels[by])
    figure_column(breakdown, tr(lang, "Xu hướng", "Trend"), justify="left")
    figure_column(breakdown, tr(lang, "Lần cuối", "Latest"))
    figure_column(breakdown, tr(lang, "Thay đổi", "Change"))
    for line in lines:
        breakdown.add_row(*line)
    print_table(console, tr(lang, f"Theo {labels[by].lower()}", f"By {labels[by].lower()}"), breakdown)
