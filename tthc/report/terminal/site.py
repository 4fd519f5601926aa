"""What `tthc publish` says on stderr: the site written, its sizes, and the outdated notes it carries."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tthc.i18n import Lang, tr

if TYPE_CHECKING:
    from rich.console import Console


def render_no_outdated_rule(err: Console, *, lang: Lang) -> None:
    err.print(
        tr(
            lang,
            "chú ý: chưa có quy tắc nhóm 'outdated' nào; không có ghi chú lạc hậu",
            "note: no rule of the 'outdated' group is available; no outdated notes",
        ),
        soft_wrap=True,
    )


def render_written(report, output: Path, notes: dict | None, err: Console, *, lang: Lang) -> None:
    """The site's folder and sizes; with ``notes`` (--flag-outdated) how many procedures carry one."""
    page = report.largest("thu-tuc/")
    err.print(
        tr(
            lang,
            f"Đã tạo trang: {output}/ — {report.procedures} thủ tục; index.html {_kb(report.sizes['index.html'])}"
            + (f"; trang thủ tục lớn nhất {_kb(page[1])}" if page else "")
            + f"; tổng {_kb(report.total)}",
            f"Site written: {output}/ — {report.procedures} procedures; index.html {_kb(report.sizes['index.html'])}"
            + (f"; largest procedure page {_kb(page[1])}" if page else "")
            + f"; total {_kb(report.total)}",
        ),
        soft_wrap=True,
        markup=False,  # the folder name is the user's text
    )
    if notes is not None:
        flagged_count = sum(1 for n in notes.values() if n)
        err.print(
            tr(
                lang,
                f"{flagged_count} thủ tục có ghi chú lạc hậu — bản xem trước nội bộ, không công bố cho người dân",
                f"{flagged_count} procedures carry outdated notes — an internal preview, not for citizens",
            ),
            soft_wrap=True,
        )


def _kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"
