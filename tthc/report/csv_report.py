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
from tthc.i18n import tr
from tthc.report.machine import excel_cell, line_of, relative_path
from tthc.report.terminal.console import severity_label
from tthc.rules.base import Finding

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def headers() -> list[str]:
    return [
        tr("Tệp", "File"),
        tr("Dòng", "Line"),
        tr("Ô", "Cell"),
        str(vocab.text("code")),
        str(vocab.text("name")),
        str(vocab.text("field")),
        tr("Mức", "Severity"),
        tr("Mã quy tắc", "Rule code"),
        tr("Quy tắc", "Rule"),
        tr("Thành phần", "Element"),
        tr("Nội dung", "Message"),
        tr("Kiến nghị", "Recommendation"),
        str(vocab.text("legal_basis")),
        str(vocab.text("agencies")),
        "Fingerprint",
    ]


def row(f: Finding) -> list[str]:
    line = line_of(f)
    return [
        relative_path(f.file),
        str(line) if line is not None else "",
        excel_cell(f) or "",
        f.procedure_code or "",
        f.procedure_name or "",
        f.procedure_field or "",
        severity_label(f.severity),
        f.rule_code,
        f.rule_name,
        f.field,
        f.message,
        f.recommendation,
        f.legal_basis,
        "; ".join(f.agencies),
        f.fingerprint,
    ]


def neutralise(cell: str) -> str:
    """Prefix a cell Excel would read as a formula with an apostrophe."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def render(findings: Sequence[Finding]) -> str:
    return "".join(chunks(findings))


def chunks(findings: Sequence[Finding]) -> Iterator[str]:
    """The table in pieces: the header, then about a hundred rows at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers())
    for i, f in enumerate(findings, 1):
        writer.writerow([neutralise(cell) for cell in row(f)])
        if i % 100 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
