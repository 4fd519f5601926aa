"""`tthc baseline create|update`: accept today's findings so nightly checks report only new ones."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tthc.cli.common import (
    EXIT_OK,
    LangOption,
    PathsArgument,
    chosen_language,
    default_paths,
    exit_on_errors,
    fail,
    stderr_console,
)
from tthc.cli.framework import Typer
from tthc.cli.options import AsOfOption, ConfigOption, IgnoreOption, SelectOption
from tthc.i18n import Lang, tr
from tthc.report.targets import output_target

app = Typer(
    help="Baseline: chấp nhận các phát hiện hiện có để kiểm tra hằng đêm chỉ báo phát hiện mới. "
    "/ Accept today's findings so nightly checks report only new ones.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def _audit(paths, config, select, ignore, as_of, *, lang: Lang):
    """The same audit `tthc check` runs; exit 2 if a catalog has format errors (findings would be partial)."""
    from tthc.audit import audit as run_request
    from tthc.audit import audit_request, baseline_scope
    from tthc.config import load_config
    from tthc.report.terminal.console import audit_progress, progress

    with exit_on_errors(lang), progress() as bar:
        request = audit_request(paths, load_config(config), as_of, select, ignore)
        audit = run_request(request, audit_progress(bar, lang))
    if audit.load_errors:
        from tthc.report.terminal.findings import render_load_errors

        render_load_errors(audit.load_errors, stderr_console(), lang=lang)
        raise fail(
            tr(
                lang,
                "danh mục có lỗi định dạng, kết quả sẽ không đầy đủ; sửa theo 'tthc validate' rồi chạy lại",
                "catalogs have format errors, the findings would be partial; fix them ('tthc validate') and retry",
            ),
            lang,
        )
    return audit, baseline_scope(audit)


@app.command("create")
def create(
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="Tệp baseline sẽ ghi (JSON). / The baseline file to write (JSON).",
            show_default=False,
        ),
    ],
    paths: PathsArgument = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    as_of: AsOfOption = None,
    config: ConfigOption = None,
    lang_option: LangOption = None,
) -> None:
    """Ghi dấu vân tay các phát hiện hiện có vào tệp baseline. / Store today's findings as a baseline."""
    lang = chosen_language(lang_option)
    from tthc.nightly import baseline

    with exit_on_errors(lang):
        output_target(output, [*default_paths(paths), config])
    audit, _ = _audit(paths, config, select, ignore, as_of, lang=lang)
    with exit_on_errors(lang):
        count = baseline.create(output, audit.findings)
    stderr_console().print(
        tr(
            lang, f"Đã ghi baseline {count} phát hiện vào {output}", f"Wrote a baseline of {count} findings to {output}"
        ),
        markup=False,
    )
    raise typer.Exit(EXIT_OK)


@app.command("update")
def update(
    baseline_file: Annotated[
        Path, typer.Argument(help="Tệp baseline cần cập nhật. / The baseline file to update.", show_default=False)
    ],
    paths: PathsArgument = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    as_of: AsOfOption = None,
    config: ConfigOption = None,
    lang_option: LangOption = None,
) -> None:
    """Bỏ khỏi baseline các phát hiện đã được khắc phục (không thêm phát hiện mới). / Drop fixed entries."""
    lang = chosen_language(lang_option)
    from tthc.nightly import baseline
    from tthc.report.terminal.findings import render_fixed

    with exit_on_errors(lang):
        baseline.load(baseline_file)  # a missing or corrupt file fails before the audit runs
    audit, scope = _audit(paths, config, select, ignore, as_of, lang=lang)
    with exit_on_errors(lang):
        dropped, new = baseline.update(baseline_file, audit.findings, scope)
    err = stderr_console()
    if dropped:
        render_fixed(dropped, err, lang=lang)
    err.print(
        tr(
            lang,
            f"Đã bỏ {len(dropped)} mục đã khắc phục khỏi {baseline_file}",
            f"Dropped {len(dropped)} fixed entries from {baseline_file}",
        ),
        markup=False,
    )
    if new:
        err.print(
            tr(
                lang,
                f"{len(new)} phát hiện mới không được thêm vào baseline (baseline chỉ thu hẹp)",
                f"{len(new)} new findings were not added (a baseline only shrinks)",
            ),
            markup=False,
        )
    raise typer.Exit(EXIT_OK)
