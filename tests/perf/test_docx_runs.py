"""Run and paragraph formatting copied from a template per style gives the XML python-docx's
setters gave.

`office.docx.add_text` and `paragraph` used to format every new run and paragraph through
python-docx's property setters, which search the schema order of the children on each call:
most of the time `recommend` spent writing a long plan. They now insert a copy of the w:rPr /
w:pPr the setters make once per style. The old code is kept here as the reference: every
style, and a whole plan of a real catalog, must serialise to the same bytes.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from tthc.office import docx as dc

docx = pytest.importorskip("docx")
from lxml import etree  # noqa: E402

FIXTURES = Path(__file__).parent.parent / "fixtures" / "realdata"


def _reference_add_text(paragraph, text, *, size_pt=None, bold=None, italic=None):
    run = paragraph.add_run()
    for i, line in enumerate(text.split("\n")):
        if i:
            run.add_break()
        run.add_text(line)
    dc.style_run(run, size_pt=size_pt, bold=bold, italic=italic)
    return run


def _reference_paragraph(
    container,
    text="",
    *,
    size_pt=dc.BODY_PT,
    bold=False,
    italic=False,
    align="justify",
    first_line_cm=1.0,
    space_after_pt=6,
    keep_with_next=False,
):
    from docx.shared import Cm, Pt

    p = dc.new_paragraph(container)
    p.alignment = dc._alignment(align)
    fmt = p.paragraph_format
    fmt.first_line_indent = Cm(first_line_cm) if first_line_cm else None
    fmt.space_after = Pt(space_after_pt)
    fmt.space_before = Pt(0)
    fmt.keep_with_next = keep_with_next
    if text:
        _reference_add_text(p, text, size_pt=size_pt, bold=bold, italic=italic)
    return p


def _body_paragraphs(paragraph) -> bytes:
    document = docx.Document()
    for align, first, after, keep in itertools.product(
        ("justify", "left", "center", "right"), (None, 0, 1.0, 1.27), (0, 6, 12), (False, True)
    ):
        paragraph(document, "Đoạn văn", align=align, first_line_cm=first, space_after_pt=after, keep_with_next=keep)
        paragraph(document.add_table(rows=1, cols=1).cell(0, 0), "", align=align, first_line_cm=first)
    return etree.tostring(document.element.body)


def test_every_paragraph_style_gives_the_reference_xml():
    fast = _body_paragraphs(dc.paragraph)
    assert fast == _body_paragraphs(_reference_paragraph)
    assert b"<w:keepNext/>" in fast and b'w:firstLine="720"' in fast


def _styled_paragraphs(add_text) -> bytes:
    document = docx.Document()
    for size, bold, italic in itertools.product((None, 10, 12.5, 13, 14), (None, True, False), (None, True, False)):
        for text in ("", "Một dòng", "Hai\ndòng", "a\n\nb"):
            add_text(document.add_paragraph(), text, size_pt=size, bold=bold, italic=italic)
    return etree.tostring(document.element.body)


def test_every_run_style_gives_the_reference_xml():
    fast = _styled_paragraphs(dc.add_text)
    assert fast == _styled_paragraphs(_reference_add_text)
    assert b"<w:b/>" in fast and b'<w:i w:val="0"/>' in fast and b'<w:sz w:val="25"/>' in fast


def test_a_real_plan_document_is_the_same(monkeypatch):
    import datetime as dt

    from tthc.audit import AuditRequest, audit
    from tthc.plan.build import build_plan
    from tthc.plan.cost import resolve_settings
    from tthc.plan.filing import resolve_filing
    from tthc.report.docx_plan import build_document

    as_of = dt.date(2026, 12, 1)
    result = audit(AuditRequest(paths=(FIXTURES / "bo-tu-phap-2026.yaml",), as_of=as_of))
    settings = resolve_settings({"hourly-rate": 40000, "hours-per-day": 8}, None)
    filing = resolve_filing(result.catalogs, None, as_of, number="12", signer="Nguyễn Văn A", recipients=["Bộ Tư pháp"])
    plan = build_plan(result.catalogs, result.findings, settings, as_of=as_of, filing=filing)

    fast = etree.tostring(build_document(plan).element)
    monkeypatch.setattr(dc, "add_text", _reference_add_text)
    monkeypatch.setattr(dc, "paragraph", _reference_paragraph)
    assert len(fast) > 100_000
    assert etree.tostring(build_document(plan).element) == fast
