"""Options `tthc recommend` and `tthc cost` share, and the one request both build from them."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from tthc.i18n import Lang


class CostMode(StrEnum):
    practice = "practice"
    scm = "scm"


HourlyRateOption = Annotated[
    str | None,
    typer.Option(
        "--hourly-rate",
        help="Thu nhập bình quân (đồng/giờ), ví dụ 40000 (mặc định: cấu hình hoặc tri thức targets.yaml). "
        "/ Hourly income in đồng, e.g. 40000 (default: the configuration or the knowledge base).",
        show_default=False,
    ),
]
ModeOption = Annotated[
    CostMode | None,
    typer.Option(
        "--mode",
        help="Cách tính chi phí tuân thủ: practice (như các tỉnh tính) | scm. / Cost model: practice (as provinces) | scm.",
        show_default=False,
    ),
]
DecisionsOption = Annotated[
    Path | None,
    typer.Option(
        "--decisions",
        help="Quyết định của cán bộ: bảng tính phương án (.xlsx, cột 'Quyết định') hoặc tệp YAML; "
        "chỉ đưa đề xuất được đồng ý vào văn bản. / The officer's decisions: the plan workbook (.xlsx, "
        "its 'Quyết định' column) or a YAML file; only accepted proposals go into the document.",
    ),
]


def plan_request(
    paths, *, config, as_of, select, ignore, hourly_rate, mode, decisions, read_decisions=True, filing=None
):
    """The PlanRequest the options describe (RequestError for a bad --as-of, ConfigError for a bad config)."""
    from tthc.audit import audit_request
    from tthc.config import load_config
    from tthc.plan.service import FilingOptions, PlanRequest

    request = audit_request(paths, load_config(config), as_of, select, ignore)
    return PlanRequest(
        request,
        hourly_rate,
        mode.value if mode else None,
        decisions,
        read_decisions,
        filing or FilingOptions(),
    )


def prepare_or_exit(request, *, lang: Lang):
    """prepare(request), bad inputs as one line and exit 2 (catalog format errors too: nothing is written)."""
    from tthc.cli.common import exit_on_errors, fail, stderr_console
    from tthc.i18n import tr
    from tthc.plan.service import prepare
    from tthc.report.terminal.console import audit_progress, progress

    with exit_on_errors(lang), progress() as bar:  # bad selection, cost settings, decisions, filing: one line, exit 2
        prepared = prepare(request, audit_progress(bar, lang))
    if prepared.audit.load_errors:
        from tthc.report.terminal.findings import render_load_errors  # catalog text is never markup

        render_load_errors(prepared.audit.load_errors, stderr_console(), lang=lang)
        raise fail(
            tr(
                lang,
                "danh mục có lỗi định dạng, chưa lập văn bản; chạy 'tthc validate' để xem chi tiết",
                "catalogs have format errors, nothing written; run 'tthc validate' for details",
            ),
            lang,
        )
    return prepared


def _opt(*names: str, help: str):
    return typer.Option(*names, help=help, show_default=False)


OutputOption = Annotated[
    Path | None, _opt("--output", "-o", help="Tệp văn bản: .docx, .xlsx hoặc .md. / The document: .docx, .xlsx or .md.")
]
IssuerOption = Annotated[
    str | None,
    _opt(
        "--issuer", help="Cơ quan ban hành, ví dụ 'UBND TỈNH NINH BÌNH' (mặc định: theo danh mục). / The issuing body."
    ),
]
NumberOption = Annotated[
    str | None, _opt("--number", help="Số văn bản, ví dụ 15/PA-UBND (mặc định: để trống số). / The number.")
]
PlaceOption = Annotated[
    str | None, _opt("--place", help="Địa danh ở dòng ngày tháng (mặc định: theo cơ quan). / The place.")
]
DateOption = Annotated[
    str | None, _opt("--date", help="Ngày văn bản YYYY-MM-DD (mặc định: --as-of). / The date (default: --as-of).")
]
SignerOption = Annotated[str | None, _opt("--signer", help="Họ tên người ký. / The signer's name.")]
SignerTitleOption = Annotated[
    list[str] | None,
    _opt(
        "--signer-title",
        help="Dòng chức vụ người ký (lặp lại), ví dụ 'KT. CHỦ TỊCH'. / A line of the signer's title (repeat).",
    ),
]
RecipientOption = Annotated[
    list[str] | None, _opt("--recipient", help="Một dòng 'Nơi nhận' (lặp lại). / A recipient line (repeat).")
]
InitOption = Annotated[
    bool,
    typer.Option(
        "--init", help="Ghi tệp quyết định YAML --decisions với mọi đề xuất (pending). / Write the YAML decisions file."
    ),
]
