"""`tthc schema`: the JSON Schema of the YAML catalog format."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from tthc.cli.common import EXIT_OK, LangOption, chosen_language, exit_on_errors, stderr_console
from tthc.i18n import tr
from tthc.report.targets import output_target


def schema(
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Ghi vào tệp này thay vì stdout (ví dụ docs/tthc-catalog.schema.json). / Write to this file instead of stdout (e.g. docs/tthc-catalog.schema.json).",
        ),
    ] = None,
    lang_option: LangOption = None,
) -> None:
    """In JSON Schema của định dạng YAML (để trình soạn thảo kiểm tra khi gõ). / Print the JSON Schema of the YAML format."""
    lang = chosen_language(lang_option)
    from tthc.schema import schema_text

    with exit_on_errors(lang):
        output_target(output, [Path("catalogs")])  # no input; still never over the default catalogs
    text = schema_text(lang)
    if output is None:
        sys.stdout.write(text)
        raise typer.Exit(EXIT_OK)
    from tthc.report.files import write_text_atomic

    with exit_on_errors(lang):
        write_text_atomic(output, text)
    stderr_console().print(tr(lang, f"Đã ghi {output}", f"Wrote {output}"), markup=False)
    raise typer.Exit(EXIT_OK)
