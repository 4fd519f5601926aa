"""The sample annex as Word, PDF and .ods (made by tools/make_office_fixtures.py from the
.xlsx, committed) gives the procedures, sections, legal basis and findings the .xlsx gives."""

from __future__ import annotations

import itertools

import pytest

from tests.conftest import CATALOGS, FIXTURES
from tthc.load import load_file

XLSX = CATALOGS / "kim-bang-2019-2020-annex.xlsx"
OFFICE = FIXTURES / "office"


def summary(path, legal: bool = True):
    result = load_file(path)
    c = result.catalog
    procs = [
        (
            p.code,
            p.name,
            p.field,
            tuple(level.value for level in p.levels),
            tuple(r.number for r in p.legal_basis) if legal else (),
            tuple(ch.processing_time.raw if ch.processing_time else None for ch in p.channels),
            p.place,
        )
        for p in c.procedures
    ]
    return (c.name, c.issuer, c.decision, c.kind.value), procs, sorted(i.kind for i in result.issues)


def findings(path):
    from tthc.audit import AuditRequest, audit
    from tthc.config import Config

    result = audit(AuditRequest((path,), Config()))
    return sorted(
        (f.rule_code, f.procedure_code or "", f.procedure_name or "", f.field, f.message) for f in result.findings
    )


@pytest.mark.parametrize("name", ["kim-bang-annex.docx", "kim-bang-annex.ods"])
def test_word_and_ods_twins_read_exactly_like_the_xlsx(name):
    assert summary(OFFICE / name) == summary(XLSX)
    assert findings(OFFICE / name) == findings(XLSX)


def test_the_word_twin_is_two_tables_with_positions_in_each():
    procedures = load_file(OFFICE / "kim-bang-annex.docx").catalog.procedures
    tables = {p.sources["name"].table for p in procedures}
    assert tables == {1, 2}
    assert str(procedures[-1].sources["name"]).endswith('cột "Tên thủ tục hành chính"')


def test_the_pdf_twin_gives_the_same_procedures_sections_legal_basis_and_findings():
    # landscape, wrapped cells, the header repeated on each page, rows cut by page breaks
    pdf = OFFICE / "kim-bang-annex.pdf"
    assert summary(pdf) == summary(XLSX)
    assert findings(pdf) == findings(XLSX)
    xlsx = load_file(XLSX).catalog.procedures
    twin = load_file(pdf).catalog.procedures
    assert [[r.raw for r in p.legal_basis] for p in twin] == [[r.raw for r in p.legal_basis] for p in xlsx]


def test_the_twins_wrap_document_numbers_inside_their_cells():
    """The joins are exercised by the fixture: in the PDF, numbers are cut inside
    ("123/2015/NĐ-" / "CP"), and rows by page breaks, one of them inside "05/2015/TTLT-BTP-BCA-BYT"."""
    import pdfplumber

    from tthc.load.pdf_reader import _cell_lines, _inside

    ends, tops = [], []
    with pdfplumber.open(OFFICE / "kim-bang-annex.pdf") as pdf:
        for page in pdf.pages:
            words = page.extract_words(x_tolerance=1.5, y_tolerance=3)
            for table in page.find_tables():
                tops.append([" ".join(w["text"] for w in words if c and _inside(w, c)) for c in table.rows[1].cells])
                for row in table.rows:
                    for cell in row.cells:
                        if cell:
                            lines = [t for t, _ in _cell_lines([w for w in words if _inside(w, cell)], cell)]
                            ends += [(a.split()[-1], b.split()[0]) for a, b in itertools.pairwise(lines)]
    assert ("123/2015/NĐ-", "CP") in ends and ("15/2015/TT-", "BTP") in ends
    # "05/2015/TTLT" ends a page, "-BTP-BCA- BYT" begins the next
    assert any(top[6].startswith("-BTP-BCA-") for top in tops)
    # each page after the first repeats the numbering row, then goes on with a row the page
    # break cut (no STT, no code: they stayed on the page before)
    assert sum(1 for top in tops[1:] if not top[0] and not top[1] and any(top)) >= 5
