"""`tthc check`: load + run rules; human table or machine formats; exit code for scripts."""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from tthc.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    LangOption,
    PathsArgument,
    UsageError,
    apply_language,
    default_paths,
    exit_on_errors,
    fail,
    format_errors_hint,
    output_target,
    stderr_console,
    stdout_console,
)
from tthc.i18n import tr


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    github = "github"
    csv = "csv"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class GroupBy(StrEnum):
    procedure = "procedure"
    rule = "rule"


SelectOption = Annotated[
    list[str] | None,
    typer.Option(
        "--select", help="Chỉ chạy các quy tắc này (mã, tên, nhóm hoặc tiền tố; lặp lại hoặc phân tách bằng dấu phẩy)."
    ),
]
IgnoreOption = Annotated[
    list[str] | None, typer.Option("--ignore", help="Bỏ qua các quy tắc này (mã, tên, nhóm, tiền tố).")
]
AsOfOption = Annotated[
    str | None, typer.Option("--as-of", help="Ngày đánh giá YYYY-MM-DD (mặc định: hôm nay).", show_default=False)
]
ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="Tệp cấu hình (mặc định: tthc.yaml hoặc pyproject.toml).")
]


def split_selectors(values: list[str] | None) -> list[str]:
    return [part.strip() for v in values or [] for part in v.split(",") if part.strip()]


def parse_as_of(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(
            tr(f"--as-of '{value}': cần ngày dạng YYYY-MM-DD", f"--as-of '{value}': expected a date as YYYY-MM-DD")
        ) from None


def progress_factory():
    """A Rich progress bar on stderr, only on a terminal and only for long runs."""
    if not sys.stderr.isatty():
        return None

    def start(total: int, files: int):
        if total < 2000:
            return None
        from rich.progress import Progress

        bar = Progress(console=stderr_console(), transient=True)
        task = bar.add_task(tr("Đang kiểm tra", "Checking"), total=total)
        bar.start()

        def tick(n: int) -> None:
            bar.advance(task, n)
            if bar.finished:
                bar.stop()

        return tick

    return start


def check(
    paths: PathsArgument = None,
    format: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="text | json | sarif | junit | github | csv")
    ] = CheckFormat.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Ghi kết quả máy đọc vào tệp này thay vì stdout.")
    ] = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    fail_on: Annotated[FailOn | None, typer.Option("--fail-on", help="Mức gây mã thoát 1 (mặc định: error).")] = None,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Luôn thoát 0 khi có phát hiện (không che lỗi nạp, mã 2).")
    ] = False,
    as_of: AsOfOption = None,
    config: ConfigOption = None,
    statistics: Annotated[bool, typer.Option("--statistics", help="In số phát hiện theo quy tắc.")] = False,
    group_by: Annotated[GroupBy, typer.Option("--group-by", help="procedure | rule")] = GroupBy.procedure,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Chỉ báo phát hiện mới so với tệp baseline.")
    ] = None,
    record: Annotated[
        Path | None, typer.Option("--record", help="Ghi lần chạy vào cơ sở dữ liệu lịch sử SQLite.")
    ] = None,
    automation_id: Annotated[
        str | None, typer.Option("--automation-id", help="SARIF automationDetails.id (ví dụ nightly/).")
    ] = None,
    lang: LangOption = None,
) -> None:
    """Kiểm tra danh mục theo các quy tắc; báo nội dung lạc hậu, có thể đơn giản hóa. / Check catalogs against the rules."""
    apply_language(lang)
    from tthc.audit import exceeds, run_audit
    from tthc.config import load_config
    from tthc.engine import SelectionError

    with exit_on_errors():
        try:
            cfg = load_config(config)
            output_target(output, [*default_paths(paths), config, baseline, record, *cfg.knowledge_files])
            audit = run_audit(
                default_paths(paths),
                cfg,
                as_of=parse_as_of(as_of),
                select=split_selectors(select),
                ignore=split_selectors(ignore),
                progress=progress_factory(),
            )
        except SelectionError as exc:
            raise UsageError(str(exc)) from None
    err = stderr_console()
    findings = audit.findings
    fixed: list[dict] = []
    if baseline is not None:
        from tthc.baseline import Scope, apply_baseline

        scope = Scope(rule_codes={r.code for r in audit.rules}, catalogs={c.identity for c in audit.catalogs})
        with exit_on_errors():
            findings, fixed = apply_baseline(findings, baseline, scope)
    if record is not None and not audit.load_errors:  # a partial run would show phantom fixes
        from tthc.history import record_run

        with exit_on_errors():
            record_run(record, audit)
    with exit_on_errors():
        _emit(format, audit, findings, fixed, output, group_by, automation_id)
    from tthc.report.terminal import render_statistics, render_summary

    procedures = sum(len(c.procedures) for c in audit.catalogs)
    if statistics:
        render_statistics(findings, audit.rules, err if format is not CheckFormat.text or output else stdout_console())
    render_summary(findings, procedures, len(audit.files), err)
    if fixed:
        err.print(
            tr(f"{len(fixed)} phát hiện trong baseline đã được khắc phục", f"{len(fixed)} baseline findings are fixed")
        )
    if audit.load_errors:
        raise fail(format_errors_hint(audit.load_errors))
    threshold = (fail_on.value if fail_on else None) or cfg.fail_on
    if exceeds(findings, threshold) and not exit_zero:
        raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit(EXIT_OK)


def _emit(format, audit, findings, fixed, output, group_by, automation_id) -> None:
    if format is CheckFormat.text:
        from tthc.report.terminal import render_findings

        if output is not None:
            from tthc.report.files import write_text_atomic
            from tthc.report.terminal import render_findings_plain

            write_text_atomic(output, render_findings_plain(findings, group_by.value))
        else:
            render_findings(findings, stdout_console(), group_by.value)
        if fixed:
            from tthc.report.terminal import render_fixed

            render_fixed(fixed, stderr_console())
        return
    from tthc.report import machine

    text = machine.render(format.value, audit, findings, fixed=fixed, automation_id=automation_id)
    if output is not None:
        from tthc.report.files import write_text_atomic

        write_text_atomic(output, text, bom=format is CheckFormat.csv)
    else:
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")
