"""`tthc convert IN OUT`: YAML ↔ the full workbook without loss; any readable layout → YAML."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tthc.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    LangOption,
    UsageError,
    chosen_language,
    exit_on_errors,
    stderr_console,
)
from tthc.i18n import Lang, text, tr
from tthc.report.targets import output_target

ForceOption = Annotated[bool, typer.Option("--force", help="Ghi đè tệp ra đã có. / Overwrite an existing output.")]


def refuse_existing(out: Path, force: bool, *, lang: Lang) -> None:
    if out.exists() and not force:
        raise UsageError(
            tr(
                lang,
                f"{out}: tệp đã có; thêm --force để ghi đè",
                f"{out}: the file exists; add --force to overwrite it",
            )
        )


def convert(
    source: Annotated[
        Path,
        typer.Argument(
            help="Danh mục vào: .yaml, .xlsx (sổ đầy đủ, danh sách Cổng, phụ lục)… / Input catalog: .yaml, .xlsx (full workbook, portal list, annex)…"
        ),
    ],
    out: Annotated[
        Path,
        typer.Argument(help="Tệp ra: .yaml hoặc .xlsx (sổ đầy đủ). / Output file: .yaml or .xlsx (full workbook)."),
    ],
    force: ForceOption = False,
    lang_option: LangOption = None,
) -> None:
    """Chuyển danh mục YAML ↔ Excel không mất thông tin; mọi bố cục đọc được → YAML. / Convert catalogs losslessly."""
    lang = chosen_language(lang_option)
    from rich.markup import escape

    from tthc.audit import configured_limits
    from tthc.lifecycle.convert.run import convert as run

    with exit_on_errors(lang):
        output_target(out, [source], stdout=False, regular=True)
        refuse_existing(out, force, lang=lang)
        done = run(source, out, configured_limits())
    err = stderr_console()
    if done.issues:
        err.print(
            tr(
                lang,
                f"[yellow]{len(done.issues)} cảnh báo khi đọc {escape(str(source))}[/] (giá trị giữ nguyên văn; "
                "chạy 'tthc validate' để xem)",
                f"[yellow]{len(done.issues)} warnings reading {escape(str(source))}[/] (values kept as written; "
                "run 'tthc validate' to see them)",
            )
        )
    for line in done.losses:
        err.print(f"[red]{tr(lang, 'mất thông tin', 'lost')}[/] {escape(text(line, lang))}", soft_wrap=True)
    n = len(done.catalog.procedures)
    err.print(tr(lang, f"Đã ghi {escape(str(out))}: {n} thủ tục", f"Wrote {escape(str(out))}: {n} procedures"))
    raise typer.Exit(EXIT_FINDINGS if done.losses else EXIT_OK)
