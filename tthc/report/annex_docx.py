"""The draft annex of a publication decision (Nghị định 63/2010 Art. 15) as a Word document.

Phần I: three lists — new, amended (with the elements changed), abolished (with the
abolishing document) — in the standard columns, rows grouped by field. Phần II: the full
content of each new and amended procedure (its new version), element by element in the
order of the publication template, in the catalog's own words. Laid out per Nghị định
30/2020 (:mod:`tthc.office.docx`), A4 landscape for the seven columns.
"""

from __future__ import annotations

from pathlib import Path

from tthc.lifecycle.diff import (
    ANNEX_COLUMNS,
    ANNEX_TITLE,
    ELEMENT_BY_KEY,
    AnnexList,
    CatalogDiff,
    amended_note,
    annex_lists,
    decision_line,
)
from tthc.lifecycle.diff import lines as shown
from tthc.model import Procedure
from tthc.office import docx as dc
from tthc.plan.build import roman
from tthc.report.docx_plan import field_title

WIDTHS = (1.1, 2.5, 6.0, 3.4, 3.8, 3.2, 5.2)  # 25.2 cm: A4 landscape, margins 30/15 mm
AMENDED_WIDTHS = (1.1, 2.3, 4.8, 2.9, 3.2, 2.8, 4.4, 3.7)
ABOLISHED_COLUMNS = ("STT", "Mã TTHC", "Tên thủ tục hành chính", "Văn bản quy định việc bãi bỏ thủ tục hành chính")
ABOLISHED_WIDTHS = (1.1, 2.8, 12.3, 9.0)
NOTE_COLUMN = "Nội dung sửa đổi, bổ sung"
LETTERS = "ABC"
PART_ONE = "PHẦN I. DANH MỤC THỦ TỤC HÀNH CHÍNH"
PART_TWO = "PHẦN II. NỘI DUNG CỤ THỂ CỦA TỪNG THỦ TỤC HÀNH CHÍNH"
# The order of the publication template's Phần II (the labels are the elements' own).
CONTENT_ORDER = (
    "steps",
    "channels",
    "documents",
    "processing_time",
    "applicants",
    "agencies",
    "results",
    "fees",
    "forms",
    "conditions",
    "legal_basis",
    "place",
    "online_service",
    "mechanism",
)


def build_document(d: CatalogDiff, *, abolished_by: str | None = None):
    doc = dc.new_document(dc.PageSetup(landscape=True))
    dc.paragraph(doc, "PHỤ LỤC", bold=True, align="center", first_line_cm=None, space_after_pt=0)
    issuer = d.new.issuer or d.old.issuer
    title = ANNEX_TITLE + (f" THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA {issuer.upper()}" if issuer else "")
    dc.title(doc, title, decision_line(d.new), subtitle_italic=True)
    dc.heading(doc, PART_ONE, align="center")
    lists = annex_lists(d, abolished_by)
    for letter, annex in zip(LETTERS, lists, strict=True):
        dc.heading(doc, f"{letter}. {annex.title}", level=1)
        if not annex.count:
            dc.paragraph(doc, "Không có.", italic=True)
            continue
        _table(doc, annex)
    if d.added or d.amended:
        _part_two(doc, d, lists)
    dc.page_numbers(doc)
    return doc


def _part_two(doc, d: CatalogDiff, lists: list[AnnexList]) -> None:
    """Each new and amended procedure in full, numbered and grouped as in Phần I."""
    dc.heading(doc, PART_TWO, align="center")
    notes = {id(a.new): amended_note(a) for a in d.amended}
    procedures = {"new": d.added, "amended": [a.new for a in d.amended]}
    for letter, annex in zip(LETTERS[:2], lists[:2], strict=True):
        if not annex.count:
            continue
        dc.heading(doc, f"{letter}. {annex.title}", level=1)
        by_field: dict[str | None, list[Procedure]] = {}
        for p in procedures[annex.key]:
            by_field.setdefault(p.field, []).append(p)
        numbered = any(field for field in by_field)
        n = 0
        for i, (field, group) in enumerate(by_field.items(), start=1):
            if numbered:
                dc.heading(doc, f"{roman(i)}. {field_title(field) if field else 'Lĩnh vực khác'}", level=2)
            for p in group:
                n += 1
                _procedure(doc, n, p, notes.get(id(p)))


def _procedure(doc, number: int, p: Procedure, note: str | None) -> None:
    name = p.name + (f" (mã {p.code})" if p.code else "")
    dc.paragraph(doc, f"{number}. {name}", bold=True, keep_with_next=True)
    if note:
        dc.paragraph(doc, f"({note})", italic=True)
    for letter, (label, lines) in zip("abcdefghijklmnopqrstuvwxyz", procedure_content(p), strict=False):
        lead = f"{letter}) {label}: "
        if len(lines) == 1:
            para = dc.paragraph(doc)
            dc.add_text(para, lead, bold=True, italic=True)
            dc.add_text(para, lines[0])
            continue
        dc.paragraph(doc, lead.rstrip(), bold=True, italic=True, keep_with_next=True)
        for line in lines:
            dc.paragraph(doc, line)


def procedure_content(p: Procedure) -> list[tuple[str, list[str]]]:
    """(label, lines as the catalog writes them) for each element the procedure states."""
    out = []
    for key in CONTENT_ORDER:
        element = ELEMENT_BY_KEY[key]
        lines = [line for line in shown(element.show(p), "vi") if line and line.strip()]
        if lines:
            out.append((element.label, lines))
    return out


def _table(doc, annex: AnnexList) -> None:
    rows: list[list[str] | str] = []
    n = 0
    numbered = len([g for g, _ in annex.groups if g]) > 0
    for i, (field, group) in enumerate(annex.groups, start=1):
        if numbered:
            rows.append(f"{roman(i)}. {field_title(field)}" if field else f"{roman(i)}. Lĩnh vực khác")
        for row in group:
            n += 1
            if annex.key == "abolished":
                rows.append([str(n), row.code, row.name, row.note])
            elif annex.key == "amended":
                rows.append([str(n), row.code, row.name, row.time, row.place, row.fees, row.legal, row.note])
            else:
                rows.append([str(n), row.code, row.name, row.time, row.place, row.fees, row.legal])
    headers: tuple[str, ...]
    widths: tuple[float, ...]
    if annex.key == "abolished":
        headers, widths = ABOLISHED_COLUMNS, ABOLISHED_WIDTHS
    elif annex.key == "amended":
        headers, widths = (*ANNEX_COLUMNS, NOTE_COLUMN), AMENDED_WIDTHS
    else:
        headers, widths = ANNEX_COLUMNS, WIDTHS
    align = ("center", "center", *("left",) * (len(headers) - 2))
    dc.add_table(doc, headers, rows, widths, size_pt=12, align=align)


def write_docx(d: CatalogDiff, path: Path, *, abolished_by: str | None = None) -> None:
    """Write the annex atomically."""
    from tthc.report.files import write_atomic

    doc = build_document(d, abolished_by=abolished_by)
    write_atomic(path, lambda tmp: doc.save(str(tmp)))
