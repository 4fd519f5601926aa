"""`tthc check`: load + run rules; human table or machine formats; exit code for scripts."""

from __future__ import annotations

import typer

from tthc.cli.common import (
    LangOption,
    PathsArgument,
    chosen_language,
    default_paths,
    exit_on_errors,
    fail,
    format_errors_hint,
)
from tthc.cli.options import (
    AsOfOption,
    AutomationIdOption,
    BaselineOption,
    ConfigOption,
    ExitZeroOption,
    FailOnOption,
    FormatOption,
    GroupByOption,
    IgnoreOption,
    OutputFormatOption,
    OutputOption,
    RecordOption,
    ReferenceDateOption,
    ReferenceOption,
    SelectOption,
    StatisticsOption,
)
from tthc.report.targets import output_target
from tthc.report.terminal.check_output import CheckFormat, GroupBy


def check(
    paths: PathsArgument = None,
    format: FormatOption = CheckFormat.text,
    output: OutputOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    fail_on: FailOnOption = None,
    exit_zero: ExitZeroOption = False,
    as_of: AsOfOption = None,
    config: ConfigOption = None,
    output_format: OutputFormatOption = None,
    statistics: StatisticsOption = False,
    group_by: GroupByOption = GroupBy.procedure,
    baseline: BaselineOption = None,
    record: RecordOption = None,
    automation_id: AutomationIdOption = None,
    reference: ReferenceOption = None,
    reference_date: ReferenceDateOption = None,
    lang_option: LangOption = None,
) -> None:
    """Kiểm tra danh mục theo các quy tắc; báo nội dung lạc hậu, có thể đơn giản hóa. / Check catalogs against the rules."""
    lang = chosen_language(lang_option)
    from tthc.audit import audit_request
    from tthc.audit import check as run_check
    from tthc.config import load_config
    from tthc.report.terminal.check_output import Report, emit, summarize
    from tthc.report.terminal.console import audit_progress, progress

    with exit_on_errors(lang):
        report = Report.chosen(format, output_format, group_by, statistics)
    with exit_on_errors(lang), progress() as bar:
        cfg = load_config(config)
        inputs = [*default_paths(paths), config, baseline, record, *cfg.knowledge_files, *(reference or [])]
        output_target(output, inputs)
        request = audit_request(paths, cfg, as_of, select, ignore, references=reference, reference_date=reference_date)
        checked = run_check(request, baseline=baseline, record=record, progress=audit_progress(bar, lang))
    with exit_on_errors(lang):
        emit(report, checked, output, automation_id, lang=lang)
    summarize(report, checked, lang=lang)
    if checked.audit.load_errors:
        raise fail(format_errors_hint(checked.audit.load_errors), lang)
    raise typer.Exit(checked.exit_status(fail_on.value if fail_on else None, exit_zero))
