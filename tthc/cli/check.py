"""`tthc check`: load + run rules; human table or machine formats; exit code for scripts."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from tthc.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    LangOption,
    PathsArgument,
    chosen_language,
    default_paths,
    exit_on_errors,
    fail,
    format_errors_hint,
    output_target,
    stderr_console,
    stdout_console,
)
from tthc.i18n import Lang, tr


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


class OutputFormat(StrEnum):
    """How the text report looks (--format text only): one line per finding, or every detail."""

    concise = "concise"
    full = "full"


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


def check(
    paths: PathsArgument = None,
    format: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="text | json | sarif | junit | github | csv")
    ] = CheckFormat.text,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Ghi kết quả vào tệp này thay vì stdout. / Write the report to this file instead of stdout.",
        ),
    ] = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on", help="Mức gây mã thoát 1 (mặc định: error). / Lowest severity that exits 1 (default: error)."
        ),
    ] = None,
    exit_zero: Annotated[
        bool,
        typer.Option(
            "--exit-zero",
            help="Luôn thoát 0 khi có phát hiện (không che lỗi nạp, mã 2). / Exit 0 even with findings (never hides 2).",
        ),
    ] = False,
    as_of: AsOfOption = None,
    config: ConfigOption = None,
    output_format: Annotated[
        OutputFormat | None,
        typer.Option(
            "--output-format",
            help="Báo cáo chữ (--format text): concise (mặc định, mỗi phát hiện một dòng) | full (đầy đủ: "
            "khuyến nghị, căn cứ). / The text report (--format text): concise (default, one line per finding) "
            "| full (with what to do and the legal basis).",
            show_default=False,
        ),
    ] = None,
    statistics: Annotated[
        bool,
        typer.Option(
            "--statistics",
            help="Chỉ in số phát hiện theo quy tắc, thay cho danh sách. / Print counts per rule instead of the findings.",
        ),
    ] = False,
    group_by: Annotated[
        GroupBy,
        typer.Option("--group-by", help="Nhóm theo tệp (procedure) hoặc quy tắc (rule). / Group by file or rule."),
    ] = GroupBy.procedure,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline", help="Chỉ báo phát hiện mới so với tệp baseline. / Report only findings not in this baseline."
        ),
    ] = None,
    record: Annotated[
        Path | None,
        typer.Option(
            "--record", help="Ghi lần chạy vào cơ sở dữ liệu lịch sử SQLite. / Record the run in this SQLite history."
        ),
    ] = None,
    automation_id: Annotated[
        str | None,
        typer.Option(
            "--automation-id",
            help="SARIF automationDetails.id (ví dụ nightly/). / SARIF automationDetails.id (e.g. nightly/).",
        ),
    ] = None,
    reference: Annotated[
        list[Path] | None,
        typer.Option(
            "--reference",
            help="Đối chiếu với danh mục tham chiếu này (tệp hoặc thư mục bản ghi Cổng DVCQG; lặp lại được). "
            "/ Compare with this reference catalog (a file or a folder of portal records; repeatable).",
        ),
    ] = None,
    reference_date: Annotated[
        str | None,
        typer.Option(
            "--reference-date",
            help="Ngày lấy danh mục tham chiếu YYYY-MM-DD. / The day the reference was taken (YYYY-MM-DD).",
        ),
    ] = None,
    lang_option: LangOption = None,
) -> None:
    """Kiểm tra danh mục theo các quy tắc; báo nội dung lạc hậu, có thể đơn giản hóa. / Check catalogs against the rules."""
    lang = chosen_language(lang_option)
    from tthc.audit import audit as run_request
    from tthc.audit import audit_request, exceeds
    from tthc.config import load_config
    from tthc.report.terminal.console import audit_progress, progress

    if output_format is not None and format is not CheckFormat.text:
        raise fail(
            tr(
                lang,
                f"--output-format chỉ dùng với --format text (đang là --format {format.value})",
                f"--output-format goes with --format text (not --format {format.value})",
            ),
            lang,
        )
    with exit_on_errors(lang), progress() as bar:
        cfg = load_config(config)
        output_target(
            output, [*default_paths(paths), config, baseline, record, *cfg.knowledge_files, *(reference or [])]
        )
        if record is not None:  # a database that is not ours is refused before the audit runs
            from tthc.nightly.history import refuse_foreign

            refuse_foreign(record)
        request = audit_request(paths, cfg, as_of, select, ignore, references=reference, reference_date=reference_date)
        audit = run_request(request, audit_progress(bar, lang))
    err = stderr_console()
    findings = audit.findings
    fixed: list[dict] = []
    if baseline is not None:
        from tthc.nightly.baseline import Scope, apply_baseline

        scope = Scope(rule_codes={r.code for r in audit.rules}, catalogs={c.identity for c in audit.catalogs})
        with exit_on_errors(lang):
            findings, fixed = apply_baseline(findings, baseline, scope)
    if record is not None and not audit.load_errors:  # a partial run would show phantom fixes
        from tthc.nightly.history import record_run

        with exit_on_errors(lang):
            record_run(record, audit)
    report = Report(format, output_format or OutputFormat.concise, group_by, statistics)
    if output is None:
        with exit_on_errors(lang):
            _emit(report, audit, findings, fixed, output, automation_id, lang=lang)
    else:  # a bar while a big SARIF/JSON file is written (never while the report itself is on the terminal)
        with exit_on_errors(lang), progress() as bar:
            bar.step(tr(lang, f"Đang ghi {output}", f"Writing {output}"))
            _emit(report, audit, findings, fixed, output, automation_id, lang=lang)
    from tthc.report.terminal.findings import render_fixed, render_summary

    if fixed and format is CheckFormat.text:
        render_fixed(fixed, err, lang=lang)

    procedures = sum(len(c.procedures) for c in audit.catalogs)
    hint = None
    if format is CheckFormat.text and report.output_format is OutputFormat.concise and not statistics:
        hint = tr(
            lang,
            "Khuyến nghị và căn cứ của từng phát hiện: --output-format full",
            "What to do and the legal basis of each finding: --output-format full",
        )
    render_summary(findings, procedures, len(audit.files), err, hint=hint, lang=lang)
    if fixed:
        err.print(
            tr(
                lang,
                f"{len(fixed)} phát hiện trong baseline đã được khắc phục",
                f"{len(fixed)} baseline findings are fixed",
            )
        )
    if audit.load_errors:
        raise fail(format_errors_hint(audit.load_errors), lang)
    threshold = (fail_on.value if fail_on else None) or cfg.fail_on
    if exceeds(findings, threshold) and not exit_zero:
        raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit(EXIT_OK)


@dataclass(frozen=True)
class Report:
    """What the report looks like: the --format, and for text its shape, grouping and statistics."""

    format: CheckFormat
    output_format: OutputFormat
    group_by: GroupBy
    statistics: bool


def _emit(report: Report, audit, findings, fixed, output, automation_id, *, lang: Lang) -> None:
    from tthc.report.terminal import findings as findings_text

    if report.format is CheckFormat.text:
        if output is not None:
            from tthc.report.files import write_text_atomic

            if report.statistics:
                text = _to_text(
                    lambda console: findings_text.render_statistics(findings, audit.rules, console, lang=lang)
                )
            else:
                text = findings_text.render_findings_plain(
                    findings, report.group_by.value, report.output_format.value, lang=lang
                )
            write_text_atomic(output, text)
        elif report.statistics:
            findings_text.render_statistics(findings, audit.rules, stdout_console(), lang=lang)
        else:
            findings_text.render_findings(
                findings, stdout_console(), report.group_by.value, report.output_format.value, lang=lang
            )
        return
    from tthc.report import machine

    pieces = machine.chunks(report.format.value, audit, findings, fixed=fixed, automation_id=automation_id, lang=lang)
    if output is not None:  # streamed: a large report is never held whole in memory
        from tthc.report.files import write_chunks_atomic

        write_chunks_atomic(output, pieces, bom=report.format is CheckFormat.csv)
    else:
        last = ""
        for piece in pieces:
            if piece:
                sys.stdout.write(piece)
                last = piece
        if not last.endswith("\n"):
            sys.stdout.write("\n")
    if report.statistics:  # the machine output stays as it is; the counts go to stderr
        findings_text.render_statistics(findings, audit.rules, stderr_console(), lang=lang)


def _to_text(render) -> str:
    from io import StringIO

    from tthc.report.terminal.console import make_console

    buffer = StringIO()
    render(make_console(file=buffer, width=120, color=False))
    return buffer.getvalue()
