"""The draft annex of a publication decision (Nghị định 63/2010 Art. 15) as a Word document.

Three lists — new, amended (with the elements changed), abolished (with the abolishing
document) — in the standard columns, rows grouped by field, laid out per Nghị định
30/2020 (:mod:`tthc.report.docx_common`), A4 landscape for the seven columns.
"""

from __future__ import annotations

from pathlib import Path

from tthc.diff import ANNEX_COLUMNS, ANNEX_TITLE, AnnexList, CatalogDiff, annex_lists, decision_line
from tthc.plan import roman
from tthc.report import docx_common as dc
from tthc.report.docx_plan import field_title

WIDTHS = (1.1, 2.5, 6.0, 3.4, 3.8, 3.2, 5.2)  # 25.2 cm: A4 landscape, margins 30/15 mm
AMENDED_WIDTHS = (1.1, 2.3, 4.8, 2.9, 3.2, 2.8, 4.4, 3.7)
ABOLISHED_COLUMNS = ("STT", "Mã TTHC", "Tên thủ tục hành chính", "Văn bản quy định việc bãi bỏ thủ tục hành chính")
ABOLISHED_WIDTHS = (1.1, 2.8, 12.3, 9.0)
NOTE_COLUMN = "Nội dung sửa đổi, bổ sung"
LETTERS = "ABC"


def build_document(d: CatalogDiff, *, abolished_by: str | None = None):
    doc = dc.new_document(dc.PageSetup(landscape=True))
    dc.paragraph(doc, "PHỤ LỤC", bold=True, align="center", first_line_cm=None, space_after_pt=0)
    issuer = d.new.issuer or d.old.issuer
    title = ANNEX_TITLE + (f" THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA {issuer.upper()}" if issuer else "")
    dc.title(doc, title, decision_line(d.new), subtitle_italic=True)
    for letter, annex in zip(LETTERS, annex_lists(d, abolished_by), strict=True):
        dc.heading(doc, f"{letter}. {annex.title}", level=1)
        if not annex.count:
            dc.paragraph(doc, "Không có.", italic=True)
            continue
        _table(doc, annex)
    dc.page_numbers(doc)
    return doc


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
