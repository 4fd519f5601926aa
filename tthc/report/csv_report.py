"""`--format csv`: one row per finding, headers in the user's language, safe to open in Excel.

`render` returns the text; `tthc check --output FILE` writes it as UTF-8 *with* a BOM so
Excel reads Vietnamese correctly, while stdout gets no BOM (pipes and other tools would see
it as data). A cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, so
Excel shows text instead of evaluating a formula (CSV injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence

from tthc import fields as vocab
from tthc.i18n import Lang, text, tr
from tthc.report.machine import excel_cell, line_of, relative_path
from tthc.report.terminal.console import severity_label
from tthc.rules.base import Finding

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def headers(*, lang: Lang) -> list[str]:
    return [
        tr(lang, "Tệp", "File"),
        tr(lang, "Dòng", "Line"),
        tr(lang, "Ô", "Cell"),
        vocab.text("code").text(lang),
        vocab.text("name").text(lang),
        vocab.text("field").text(lang),
        tr(lang, "Mức", "Severity"),
        tr(lang, "Mã quy tắc", "Rule code"),
        tr(lang, "Quy tắc", "Rule"),
        tr(lang, "Thành phần", "Element"),
        tr(lang, "Nội dung", "Message"),
        tr(lang, "Kiến nghị", "Recommendation"),
        vocab.text("legal_basis").text(lang),
        vocab.text("agencies").text(lang),
        "Fingerprint",
    ]


def row(f: Finding, *, lang: Lang) -> list[str]:
    line = line_of(f)
    return [
        relative_path(f.file),
        str(line) if line is not None else "",
        excel_cell(f) or "",
        f.procedure_code or "",
        f.procedure_name or "",
        f.procedure_field or "",
        severity_label(f.severity, lang=lang),
        f.rule_code,
        f.rule_name,
        f.field,
        text(f.message, lang),
        text(f.recommendation, lang),
        text(f.legal_basis, lang),
        "; ".join(f.agencies),
        f.fingerprint,
    ]


def neutralise(cell: str) -> str:
    """Prefix a cell Excel would read as a formula with an apostrophe."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def render(findings: Sequence[Finding], *, lang: Lang) -> str:
    return "".join(chunks(findings, lang=lang))


def chunks(findings: Sequence[Finding], *, lang: Lang) -> Iterator[str]:
    """The table in pieces: the header, then about a hundred rows at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers(lang=lang))
    for i, f in enumerate(findings, 1):
        writer.writerow([neutralise(cell) for cell in row(f, lang=lang)])
        if i % 100 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
