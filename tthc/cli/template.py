"""`tthc template OUT.xlsx`: the full workbook, empty, ready to fill in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tthc.cli.common import EXIT_OK, LangOption, UsageError, chosen_language, exit_on_errors, stderr_console
from tthc.cli.convert import ForceOption, refuse_existing
from tthc.i18n import tr
from tthc.report.targets import output_target


def template(
    out: Annotated[Path, typer.Argument(help="Tệp .xlsx sẽ tạo. / The .xlsx file to create.")],
    force: ForceOption = False,
    lang_option: LangOption = None,
) -> None:
    """Tạo sổ Excel mẫu trống: tiêu đề, ghi chú từng cột, danh sách chọn. / Write an empty template workbook."""
    lang = chosen_language(lang_option)
    from tthc.lifecycle.convert.workbook_writer import write_workbook

    with exit_on_errors(lang):
        if out.suffix.lower() != ".xlsx":
            raise UsageError(tr(lang, f"{out}: mẫu là tệp .xlsx", f"{out}: the template is an .xlsx file"))
        output_target(out, [Path("catalogs")], stdout=False)
        refuse_existing(out, force, lang=lang)
        write_workbook(None, out)
    stderr_console().print(tr(lang, f"Đã tạo sổ mẫu {out}", f"Wrote the template {out}"), markup=False)
    raise typer.Exit(EXIT_OK)
