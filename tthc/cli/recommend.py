"""`tthc recommend`: the simplification plan (.docx, .xlsx, .md) from the findings."""

from __future__ import annotations

import typer

from tthc.cli.common import (
    EXIT_OK,
    LangOption,
    PathsArgument,
    chosen_language,
    exit_on_errors,
    fail,
    guarded,
    stderr_console,
)
from tthc.cli.options import AsOfOption, ConfigOption, IgnoreOption, SelectOption
from tthc.cli.plan_options import (
    DateOption,
    DecisionsOption,
    HourlyRateOption,
    InitOption,
    IssuerOption,
    ModeOption,
    NumberOption,
    OutputOption,
    PlaceOption,
    RecipientOption,
    SignerOption,
    SignerTitleOption,
    plan_request,
    prepare_or_exit,
)
from tthc.i18n import tr


def recommend(
    paths: PathsArgument = None,
    output: OutputOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    as_of: AsOfOption = None,
    config: ConfigOption = None,
    hourly_rate: HourlyRateOption = None,
    mode: ModeOption = None,
    issuer: IssuerOption = None,
    number: NumberOption = None,
    place: PlaceOption = None,
    date: DateOption = None,
    signer: SignerOption = None,
    signer_title: SignerTitleOption = None,
    recipient: RecipientOption = None,
    decisions: DecisionsOption = None,
    init: InitOption = False,
    lang_option: LangOption = None,
) -> None:
    """Lập phương án đơn giản hóa TTHC (.docx, .xlsx, .md) kèm chi phí tuân thủ. / Write the simplification plan."""
    lang = chosen_language(lang_option)
    if init and (decisions is None or output is not None):
        raise fail(
            tr(
                lang,
                "--init cần --decisions TỆP.yaml và không đi với -o",
                "--init needs --decisions FILE.yaml, without -o",
            ),
            lang,
        )
    if not init and output is None:
        raise fail(tr(lang, "cần -o TỆP (.docx, .xlsx hoặc .md)", "-o FILE is required (.docx, .xlsx or .md)"), lang)
    from tthc.audit import parse_day
    from tthc.cli.common import default_paths
    from tthc.plan.service import FilingOptions, check_outputs, input_files
    from tthc.report.targets import output_target

    def request():
        inputs = input_files(default_paths(paths))
        check_outputs(output, decisions, inputs)
        output_target(output, [*inputs, config, decisions], stdout=False)
        titles, recipients = tuple(signer_title or ()), tuple(recipient or ())
        filing = FilingOptions(issuer, number, place, parse_day(date, "--date"), signer, titles, recipients)
        return plan_request(
            paths, config=config, as_of=as_of, select=select, ignore=ignore, hourly_rate=hourly_rate, mode=mode,
            decisions=decisions, read_decisions=not init, filing=filing,
        )  # fmt: skip

    planned = guarded(request, lang)
    prepared = prepare_or_exit(planned, lang=lang)
    from tthc.plan.service import init_decisions, make_plan, stale_decisions, write_plan
    from tthc.report import plan_messages

    if init:
        report = guarded(lambda: init_decisions(decisions, prepared), lang)  # type: ignore[arg-type]
        plan_messages.initialised(decisions, report, stderr_console(), lang=lang)  # type: ignore[arg-type]
        raise typer.Exit(EXIT_OK)
    from tthc.report.terminal.console import progress

    with exit_on_errors(lang), progress() as bar:
        bar.step(tr(lang, "Đang lập phương án", "Building the plan"))
        plan = make_plan(prepared, planned.filing)
        bar.step(tr(lang, "Đang ghi phương án", "Writing the plan"))
        write_plan(plan, output)  # type: ignore[arg-type]
    stale = stale_decisions(prepared)
    plan_messages.written(plan, output, prepared.decisions is not None, stale, stderr_console(), lang=lang)  # type: ignore[arg-type]
    raise typer.Exit(EXIT_OK)
