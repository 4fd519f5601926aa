"""`tthc history`: the trend of findings across runs recorded by `tthc check --record DB`."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from tthc.cli.common import EXIT_OK, LangOption, chosen_language, exit_on_errors, stdout_console


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
    from tthc.report.terminal import history as shown

    if format is HistoryFormat.json:
        sys.stdout.write(shown.to_json(runs, by.value))
    else:
        shown.render(runs, by.value, stdout_console(), lang=lang)
    raise typer.Exit(EXIT_OK)
