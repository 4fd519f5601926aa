"""Options several commands declare alike (the audit's: --select, --ignore, --as-of, --config) and
`tthc check`'s own. Declarations only: what a value means is decided by `tthc.audit` and the reports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tthc.report.terminal.check_output import CheckFormat, FailOn, GroupBy, OutputFormat

SelectOption = Annotated[
    list[str] | None,
    typer.Option(
        "--select",
        help="Chỉ chạy các quy tắc này (mã, tên, nhóm hoặc tiền tố; lặp lại hoặc phân tách bằng dấu phẩy). "
        "/ Run only these rules (code, name, group or prefix; repeat or separate with commas).",
    ),
]
IgnoreOption = Annotated[
    list[str] | None,
    typer.Option(
        "--ignore",
        help="Bỏ qua các quy tắc này (mã, tên, nhóm, tiền tố). / Skip these rules (code, name, group, prefix).",
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Ngày đánh giá YYYY-MM-DD (mặc định: hôm nay). / Judge at this date (default: today).",
        show_default=False,
    ),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="Tệp cấu hình (mặc định: tthc.yaml hoặc pyproject.toml). / Configuration file (default: tthc.yaml or pyproject.toml).",
    ),
]

# -- tthc check

FormatOption = Annotated[CheckFormat, typer.Option("--format", "-f", help="text | json | sarif | junit | github | csv")]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Ghi kết quả vào tệp này thay vì stdout. / Write the report to this file instead of stdout.",
    ),
]
FailOnOption = Annotated[
    FailOn | None,
    typer.Option(
        "--fail-on", help="Mức gây mã thoát 1 (mặc định: error). / Lowest severity that exits 1 (default: error)."
    ),
]
ExitZeroOption = Annotated[
    bool,
    typer.Option(
        "--exit-zero",
        help="Luôn thoát 0 khi có phát hiện (không che lỗi nạp, mã 2). / Exit 0 even with findings (never hides 2).",
    ),
]
OutputFormatOption = Annotated[
    OutputFormat | None,
    typer.Option(
        "--output-format",
        help="Báo cáo chữ (--format text): concise (mặc định, mỗi phát hiện một dòng) | full (đầy đủ: "
        "khuyến nghị, căn cứ). / The text report (--format text): concise (default, one line per finding) "
        "| full (with what to do and the legal basis).",
        show_default=False,
    ),
]
StatisticsOption = Annotated[
    bool,
    typer.Option(
        "--statistics",
        help="Chỉ in số phát hiện theo quy tắc, thay cho danh sách. / Print counts per rule instead of the findings.",
    ),
]
GroupByOption = Annotated[
    GroupBy,
    typer.Option("--group-by", help="Nhóm theo tệp (procedure) hoặc quy tắc (rule). / Group by file or rule."),
]
BaselineOption = Annotated[
    Path | None,
    typer.Option(
        "--baseline", help="Chỉ báo phát hiện mới so với tệp baseline. / Report only findings not in this baseline."
    ),
]
RecordOption = Annotated[
    Path | None,
    typer.Option(
        "--record", help="Ghi lần chạy vào cơ sở dữ liệu lịch sử SQLite. / Record the run in this SQLite history."
    ),
]
AutomationIdOption = Annotated[
    str | None,
    typer.Option(
        "--automation-id",
        help="SARIF automationDetails.id (ví dụ nightly/). / SARIF automationDetails.id (e.g. nightly/).",
    ),
]
ReferenceOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--reference",
        help="Đối chiếu với danh mục tham chiếu này (tệp hoặc thư mục bản ghi Cổng DVCQG; lặp lại được). "
        "/ Compare with this reference catalog (a file or a folder of portal records; repeatable).",
    ),
]
ReferenceDateOption = Annotated[
    str | None,
    typer.Option(
        "--reference-date",
        help="Ngày lấy danh mục tham chiếu YYYY-MM-DD. / The day the reference was taken (YYYY-MM-DD).",
    ),
]
