"""`tthc merge A B… -o OUT`: one catalog from several, with every conflict kept and reported."""

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
from tthc.cli.convert import ForceOption, refuse_existing
from tthc.i18n import Lang, tr
from tthc.report.targets import output_target


def merge(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Các danh mục cần gộp (.yaml, .xlsx…), theo thứ tự ưu tiên. / The catalogs to merge (.yaml, .xlsx…), in order of precedence."
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="Danh mục gộp: .yaml (hoặc .xlsx khi không có xung đột). / Merged catalog: .yaml (or .xlsx when there is no conflict).",
        ),
    ],
    name: Annotated[str | None, typer.Option("--name", help="Tên danh mục gộp. / Name of the merged catalog.")] = None,
    issuer: Annotated[
        str | None,
        typer.Option("--issuer", help="Cơ quan công bố danh mục gộp. / Issuing agency of the merged catalog."),
    ] = None,
    locality: Annotated[
        str | None, typer.Option("--locality", help="Địa phương của danh mục gộp. / Locality of the merged catalog.")
    ] = None,
    force: ForceOption = False,
    lang_option: LangOption = None,
) -> None:
    """Gộp danh mục (sáp nhập tỉnh, danh mục bộ + danh mục tỉnh); xung đột được giữ và báo cáo. / Merge catalogs."""
    lang = chosen_language(lang_option)
    from tthc.audit import configured_limits
    from tthc.lifecycle.convert.run import load_checked, write_catalog
    from tthc.lifecycle.merge import merge_catalogs
    from tthc.load import discover

    with exit_on_errors(lang):
        files = discover(paths)
        if len(files) < 2:
            raise UsageError(tr(lang, "cần ít nhất hai danh mục để gộp", "merging needs at least two catalogs"))
        output_target(output, [*paths, *files], stdout=False)
        refuse_existing(output, force, lang=lang)
        limits = configured_limits()
        catalogs = [load_checked(f, limits).catalog for f in files]
        result = merge_catalogs(catalogs, name=name, issuer=issuer, locality=locality)
        write_catalog(result.catalog, output)
    render_merge(result, output, stderr_console(), lang=lang)
    raise typer.Exit(EXIT_FINDINGS if result.conflicts else EXIT_OK)


def show_value(value: object, *, lang: Lang) -> str:
    """A YAML value on one or a few lines, for a table cell."""
    if value is None:
        return tr(lang, "(không có)", "(absent)")
    if isinstance(value, str):
        return value
    import yaml

    from tthc.lifecycle.convert.represent import to_builtin

    text = yaml.safe_dump(to_builtin(value), allow_unicode=True, default_flow_style=False, width=100, sort_keys=False)
    return text.strip().removesuffix("...").strip()


# the conflicts the terminal table shows; the merged file keeps every one
SHOWN_CONFLICTS = 100


def render_merge(result, output: Path, console, *, lang: Lang) -> None:
    from rich.markup import escape
    from rich.table import Table

    read = " + ".join(f"{escape(src)} ({n})" for src, n in result.counts)
    console.print(
        tr(
            lang,
            f"Đã gộp {read} → [bold]{len(result.catalog.procedures)}[/] thủ tục vào {escape(str(output))}; "
            f"{result.duplicates} thủ tục trùng giống hệt đã gộp làm một",
            f"Merged {read} → [bold]{len(result.catalog.procedures)}[/] procedures into {escape(str(output))}; "
            f"{result.duplicates} identical duplicates merged into one",
        )
    )
    if not result.conflicts:
        console.print(tr(lang, "[green]Không có xung đột.[/]", "[green]No conflicts.[/]"))
        return
    table = Table(
        title=tr(lang, "Xung đột (giữ mọi giá trị trong mục conflicts)", "Conflicts (all values kept under conflicts)")
    )
    table.add_column(tr(lang, "Mã", "Code"), no_wrap=True)
    table.add_column(tr(lang, "Thủ tục", "Procedure"))
    table.add_column(tr(lang, "Nội dung", "Field"))
    table.add_column(tr(lang, "Tệp", "File"))
    table.add_column(tr(lang, "Giá trị", "Value"))
    for c in result.conflicts[:SHOWN_CONFLICTS]:
        for i, (source, value) in enumerate(c.values):
            first = i == 0
            table.add_row(
                escape(c.code or "") if first else "",
                escape(c.name) if first else "",
                escape(c.label_text.text(lang)) if first else "",
                escape(source),
                escape(show_value(value, lang=lang)),
                end_section=i == len(c.values) - 1,
            )
    console.print(table)
    hidden = len(result.conflicts) - SHOWN_CONFLICTS
    if hidden > 0:  # a table of thousands of rows is unreadable (and took Rich minutes): the file has them all
        console.print(
            tr(
                lang,
                f"… và {hidden} xung đột khác (bảng chỉ hiện {SHOWN_CONFLICTS} xung đột đầu); "
                f"tất cả ở mục conflicts của {escape(str(output))}",
                f"… and {hidden} more conflicts (the table shows the first {SHOWN_CONFLICTS}); "
                f"all of them are in the conflicts section of {escape(str(output))}",
            )
        )
    console.print(
        tr(
            lang,
            f"[yellow]{len(result.conflicts)} xung đột[/]: bản của tệp đầu tiên được giữ trong danh mục; "
            "xem và quyết định ở mục conflicts của tệp gộp",
            f"[yellow]{len(result.conflicts)} conflicts[/]: the first file's version stays in the catalog; "
            "review them in the conflicts section of the merged file",
        )
    )
