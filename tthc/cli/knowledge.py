"""`tthc knowledge import`: a legal register from the vbpl.vn metadata table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from tthc.cli.common import EXIT_OK, LangOption, chosen_language, exit_on_errors, stderr_console
from tthc.cli.framework import Typer
from tthc.i18n import text, tr
from tthc.report.targets import output_target

app = Typer(
    help="Sổ văn bản pháp luật (cơ sở tri thức). / The legal register (knowledge base).",
    no_args_is_help=True,
    rich_markup_mode=None,
)

_SHOWN_PROBLEMS = 20


@app.command("import")
def import_(
    table: Annotated[
        Path,
        typer.Argument(
            help="Bảng dữ liệu vbpl.vn: .parquet, .csv hoặc .jsonl (có thể .gz). / The vbpl.vn table: .parquet, .csv or .jsonl (optionally .gz)."
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="Tệp sổ văn bản YAML sẽ ghi (ví dụ register.yaml). / The register file to write (e.g. register.yaml).",
        ),
    ],
    data_date: Annotated[
        str | None,
        typer.Option(
            "--data-date",
            help="Ngày dữ liệu được lấy (YYYY-MM-DD): tình trạng hiệu lực đúng đến ngày này. / The day the data was taken.",
        ),
    ] = None,
    lang_option: LangOption = None,
) -> None:
    """Nhập bảng văn bản của vbpl.vn thành sổ văn bản cho knowledge: trong tthc.yaml. / Import vbpl.vn's table as a register."""
    lang = chosen_language(lang_option)
    from tthc.cli.common import fail
    from tthc.knowledge.vbpl import import_table, write_register

    with exit_on_errors(lang):
        output_target(output, [table], stdout=False)
    taken = None
    if data_date:
        try:
            taken = dt.date.fromisoformat(data_date)
        except ValueError:
            raise fail(
                tr(
                    lang,
                    f"--data-date '{data_date}' không phải ngày YYYY-MM-DD",
                    f"--data-date '{data_date}' is not a YYYY-MM-DD date",
                ),
                lang,
            ) from None
    today = dt.date.today()
    with exit_on_errors(lang):
        result = import_table(table, today=today, data_date=taken, label=table.name)
    err = stderr_console()
    for row, problem in result.problems[:_SHOWN_PROBLEMS]:
        err.print(f"{table}: {tr(lang, 'dòng', 'row')} {row}: {text(problem, lang)}", markup=False, highlight=False)
    if len(result.problems) > _SHOWN_PROBLEMS:
        more = len(result.problems) - _SHOWN_PROBLEMS
        err.print(tr(lang, f"… và {more} dòng khác không đọc được", f"… and {more} more rows that could not be read"))
    header = (
        f"Legal register imported by `tthc knowledge import` on {today.isoformat()} from {table.name}\n"
        "(vbpl.vn legal-document metadata). Every entry names its row; statuses hold as of the data's date"
        + (f" ({taken.isoformat()})" if taken else "")
        + ".\nList this file under knowledge: in tthc.yaml. Shipped entries keep their dated facts; these fill gaps."
    )
    with exit_on_errors(lang):
        write_register(result, output, header)
    err.print(
        tr(
            lang,
            f"Đã ghi {output}: {len(result.entries)} văn bản từ {result.rows} dòng"
            f" ({len(result.problems)} dòng không đọc được, {result.duplicates} dòng lặp,"
            f" {result.shared_numbers} số hiệu do nhiều văn bản dùng chung, phân biệt theo cơ quan ban hành,"
            f" {result.contradictions} văn bản 'Còn hiệu lực' có ngày hết hiệu lực đã qua: ghi chú, không tính là hết hiệu lực)."
            " Thêm tệp vào knowledge: trong tthc.yaml.",
            f"Wrote {output}: {len(result.entries)} documents from {result.rows} rows"
            f" ({len(result.problems)} unreadable rows, {result.duplicates} repeated rows,"
            f" {result.shared_numbers} numbers shared by several documents, told apart by issuer,"
            f" {result.contradictions} 'in force' rows with a past end date: kept as a note, not a repeal)."
            " Add the file to knowledge: in tthc.yaml.",
        ),
        highlight=False,
    )
    raise typer.Exit(EXIT_OK)
