"""`tthc diff OLD NEW`: what changed between two versions of a catalog (+ the draft annex)."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
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
    stdout_console,
)
from tthc.i18n import Lang, text, tr
from tthc.report.targets import output_target


class DiffFormat(StrEnum):
    text = "text"
    json = "json"


def diff(
    old: Annotated[Path, typer.Argument(help="Danh mục cũ (.yaml, .xlsx…). / Old catalog (.yaml, .xlsx…).")],
    new: Annotated[Path, typer.Argument(help="Danh mục mới. / New catalog.")],
    format: Annotated[DiffFormat, typer.Option("--format", "-f", help="text | json")] = DiffFormat.text,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Ghi dự thảo phụ lục quyết định công bố: .docx hoặc .xlsx. / Write the draft annex of the publication decision: .docx or .xlsx.",
        ),
    ] = None,
    abolished_by: Annotated[
        str | None,
        typer.Option(
            "--abolished-by",
            help='Văn bản bãi bỏ, ví dụ "Quyết định số 12/QĐ-UBND ngày 01/7/2025". / The abolishing document, e.g. "Quyết định số 12/QĐ-UBND ngày 01/7/2025".',
        ),
    ] = None,
    lang_option: LangOption = None,
) -> None:
    """So sánh hai phiên bản danh mục: thủ tục mới, sửa đổi (nội dung nào), bãi bỏ. / Compare two catalog versions.

    Mã thoát 0: không khác; 1: có thay đổi; 2: lỗi. / Exit 0: same; 1: changes; 2: error.
    """
    lang = chosen_language(lang_option)
    from tthc.audit import configured_limits
    from tthc.lifecycle.convert.run import load_checked
    from tthc.lifecycle.diff import diff_catalogs

    with exit_on_errors(lang):
        suffix = output.suffix.lower() if output else None
        if output is not None and suffix not in (".docx", ".xlsx"):
            raise UsageError(
                tr(
                    lang,
                    f"{output}: phụ lục ghi ra .docx hoặc .xlsx",
                    f"{output}: the annex is written as .docx or .xlsx",
                )
            )
        output_target(output, [old, new], stdout=False)
        limits = configured_limits()
        result = diff_catalogs(load_checked(old, limits).catalog, load_checked(new, limits).catalog)
        if output is not None:
            _write_annex(result, output, abolished_by)
    if format is DiffFormat.json:
        from tthc.lifecycle.diff import diff_to_json

        sys.stdout.write(json.dumps(diff_to_json(result, english=lang == "en"), ensure_ascii=False, indent=2))
        sys.stdout.write("\n")
    elif output is None:  # with -o: the one line below, not the tables
        render(result, stdout_console(), lang=lang)
    if output is not None:
        said = tr(lang, f"Đã ghi dự thảo phụ lục {output}", f"Wrote the draft annex {output}")
        stderr_console().print(f"{said}: {result.counts(lang)}", markup=False, soft_wrap=True)
    raise typer.Exit(EXIT_FINDINGS if result.changed else EXIT_OK)


def _write_annex(result, output: Path, abolished_by: str | None) -> None:
    if output.suffix.lower() == ".docx":
        from tthc.report.annex_docx import write_docx

        write_docx(result, output, abolished_by=abolished_by)
    else:
        from tthc.report.annex_xlsx import write_xlsx

        write_xlsx(result, output, abolished_by=abolished_by)


def render(d, console, *, lang: Lang) -> None:
    """Summary, then the new, amended (changed values side by side) and abolished lists."""
    from rich.markup import escape
    from rich.table import Table

    english = lang == "en"
    console.print(
        tr(
            lang,
            f"[bold]{escape(d.old.source_file or '')}[/] → [bold]{escape(d.new.source_file or '')}[/]: "
            f"[green]{len(d.added)} mới ban hành[/], [yellow]{len(d.amended)} sửa đổi, bổ sung[/], "
            f"[red]{len(d.abolished)} bãi bỏ[/], {len(d.unchanged)} không đổi",
            f"[bold]{escape(d.old.source_file or '')}[/] → [bold]{escape(d.new.source_file or '')}[/]: "
            f"[green]{len(d.added)} new[/], [yellow]{len(d.amended)} amended[/], "
            f"[red]{len(d.abolished)} abolished[/], {len(d.unchanged)} unchanged",
        )
    )
    for title, procedures, style in (
        (tr(lang, "Thủ tục mới ban hành", "New procedures"), d.added, "green"),
        (tr(lang, "Thủ tục bị bãi bỏ", "Abolished procedures"), d.abolished, "red"),
    ):
        if not procedures:
            continue
        table = Table(title=f"[{style}]{title}[/]", title_justify="left", show_lines=False)
        table.add_column(tr(lang, "Mã", "Code"), no_wrap=True)
        table.add_column(tr(lang, "Tên thủ tục", "Procedure"))
        table.add_column(tr(lang, "Lĩnh vực", "Field"))
        for p in procedures:
            table.add_row(escape(p.code or ""), escape(p.name), escape(p.field or ""))
        console.print(table)
    for a in d.amended:
        code = a.new.code or ""
        if a.old.code != a.new.code:
            code = f"{a.old.code or '—'} → {a.new.code or '—'}"
        table = Table(
            title=f"[yellow]{tr(lang, 'Sửa đổi, bổ sung', 'Amended')}[/]: [bold]{escape(code)}[/] {escape(a.new.name)}",
            title_justify="left",
            show_lines=True,
        )
        table.add_column(tr(lang, "Nội dung", "Element"), style="bold")
        table.add_column(tr(lang, "Trước", "Before"), ratio=1)
        table.add_column(tr(lang, "Sau", "After"), ratio=1)
        for c in a.changes:
            label = c.element.label_en if english else c.element.label
            old, new = ("\n".join(text(line, lang) for line in lines) or "—" for lines in (c.old, c.new))
            table.add_row(escape(label), escape(old), escape(new))
        console.print(table)
    if not d.changed:
        console.print(tr(lang, "[green]Không có thay đổi.[/]", "[green]No changes.[/]"))
