"""`tthc handbook`: the printable citizen handbook (sổ tay) for the reception desk."""

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
from tthc.report.targets import output_target


def handbook(
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="Tệp sổ tay: .docx hoặc .pdf (PDF cần LibreOffice). / Handbook file: .docx or .pdf (PDF needs LibreOffice).",
        ),
    ],
    paths: PathsArgument = None,
    issuer: Annotated[
        str | None,
        typer.Option(
            "--issuer",
            help="Cơ quan ban hành ghi ở bìa (mặc định: theo danh mục). / Issuing agency on the cover (default: from the catalog).",
            show_default=False,
        ),
    ] = None,
    lang_option: LangOption = None,
) -> None:
    """Tạo sổ tay thủ tục hành chính để in (.docx, .pdf). / Write the printable procedure handbook."""
    lang = chosen_language(lang_option)
    from tthc.audit import configured_limits
    from tthc.publish.handbook import HandbookError, write_handbook
    from tthc.publish.source import load_catalogs

    with exit_on_errors(lang):
        output_target(output, default_paths(paths), stdout=False)
        try:
            catalogs = load_catalogs(default_paths(paths), configured_limits())
            count = write_handbook(catalogs, output, issuer=issuer)
        except HandbookError as exc:
            raise UsageError(*exc.args) from None
    stderr_console().print(
        tr(lang, f"Đã ghi sổ tay: {output} ({count} thủ tục)", f"Handbook written: {output} ({count} procedures)"),
        soft_wrap=True,
        markup=False,  # the file name is the user's text
    )
