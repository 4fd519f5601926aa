"""`tthc publish`: the static catalog site for the portal and the reception-desk screen."""

from __future__ import annotations

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
)
from tthc.i18n import tr
from tthc.publish.present import PORTAL_SEARCH
from tthc.report.targets import output_target


def publish(
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="Thư mục trang web sẽ tạo (thay thế trang tthc cũ ở đó). / Folder of the site to create (replaces an older tthc site there).",
        ),
    ],
    paths: PathsArgument = None,
    title: Annotated[
        str | None,
        typer.Option(
            "--title",
            help="Tiêu đề trang (mặc định: theo cơ quan công bố). / Title of the site (default: from the issuing agency).",
            show_default=False,
        ),
    ] = None,
    kiosk_seconds: Annotated[
        int,
        typer.Option(
            "--kiosk-seconds",
            min=3,
            max=600,
            help="Số giây mỗi thủ tục trên màn hình trình chiếu. / Seconds per procedure on the kiosk screen.",
        ),
    ] = 15,
    kiosk_limit: Annotated[
        int,
        typer.Option(
            "--kiosk-limit",
            min=0,
            help="Số thủ tục trên màn hình trình chiếu, nhiều hồ sơ nhất trước (0: tất cả). / Procedures on the kiosk screen, most filed first (0: all).",
        ),
    ] = 60,
    flag_outdated: Annotated[
        bool,
        typer.Option(
            "--flag-outdated",
            help="Ghi chú nổi bật ở thủ tục có nội dung lạc hậu (bản xem trước nội bộ, không công bố). / Highlight procedures with outdated content (an internal preview, not for publication).",
        ),
    ] = False,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Ngày đánh giá cho --flag-outdated (YYYY-MM-DD). / Date of the review for --flag-outdated (YYYY-MM-DD).",
            show_default=False,
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option("--config", help="Tệp cấu hình cho --flag-outdated. / Configuration file for --flag-outdated."),
    ] = None,
    synonyms: Annotated[
        Path | None,
        typer.Option(
            "--synonyms",
            help="Tệp YAML từ đồng nghĩa cho ô tìm kiếm, thêm vào danh sách có sẵn (xem docs/publish.md). / YAML file of search synonyms, added to the built-in list (see docs/publish.md).",
            show_default=False,
        ),
    ] = None,
    portal_search: Annotated[
        str | None,
        typer.Option(
            "--portal-search",
            help="Địa chỉ tìm kiếm của Cổng DVCQG cho thủ tục không có liên kết riêng; {code} là mã thủ tục. / National portal search address for procedures without their own link; {code} is the procedure code.",
        ),
    ] = PORTAL_SEARCH,
    lang_option: LangOption = None,
) -> None:
    """Tạo trang web tĩnh tra cứu thủ tục (mở từ đĩa hoặc máy chủ web bất kỳ). / Build the static catalog site."""
    lang = chosen_language(lang_option)
    from tthc.audit import configured_limits, parse_day
    from tthc.publish.site import build_site
    from tthc.publish.source import load_catalogs, load_with_outdated
    from tthc.publish.synonyms import load_synonyms

    err = stderr_console()
    with exit_on_errors(lang):
        if portal_search and not (portal_search.startswith(("https://", "http://")) and "{code}" in portal_search):
            raise UsageError(
                tr(
                    lang,
                    f"--portal-search '{portal_search}': cần một địa chỉ http(s) có {{code}} ở chỗ mã thủ tục",
                    f"--portal-search '{portal_search}': needs an http(s) address with {{code}} where the code goes",
                )
            )
        output_target(output, [*default_paths(paths), config, synonyms], folder=True)
        words = load_synonyms(synonyms)
        if flag_outdated:
            flagged = load_with_outdated(default_paths(paths), config, parse_day(as_of))
            catalogs, notes = flagged.catalogs, flagged.notes
            if not flagged.outdated_rules:
                from tthc.report.terminal.site import render_no_outdated_rule

                render_no_outdated_rule(err, lang=lang)
        else:
            catalogs, notes = load_catalogs(default_paths(paths), configured_limits(config)), None
        report = build_site(
            catalogs,
            output,
            notes=notes,
            title=title,
            kiosk_seconds=kiosk_seconds,
            kiosk_limit=kiosk_limit,
            synonyms=words,
            portal_search=portal_search,
        )
    from tthc.report.terminal.site import render_written

    render_written(report, output, notes if flag_outdated else None, err, lang=lang)
