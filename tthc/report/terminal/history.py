"""`tthc history` on the terminal and in JSON: the recorded runs, their trend and breakdown."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

from tthc.i18n import Lang, tr

if TYPE_CHECKING:
    from rich.console import Console

JSON_VERSION = 1


def to_json(runs, by: str) -> str:
    doc = {"schema_version": JSON_VERSION, "by": by, "runs": [r.to_dict() for r in runs]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _local_time(iso: str) -> str:
    try:
        return dt.datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


def _delta(value: int | None) -> str:
    return "—" if value is None else str(value)


def render(runs, by: str, console: Console, *, lang: Lang) -> None:
    """The runs as a table, the trend of the total, and the breakdown's latest figures and change."""
    from tthc.nightly.history import sparkline
    from tthc.report.terminal.console import figure_column, fixed_column, plain, print_table, table, text_column

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
