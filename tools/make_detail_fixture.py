#!/usr/bin/env python3
"""Make the Word twin of the national database's per-procedure export, and its PDF (test fixtures).

    python tools/make_detail_fixture.py
    # writes tests/fixtures/office/ChiTietTTHC_2.002229.docx and ChiTietTTHC_2.002229-libreoffice.pdf

The national database offers each procedure's "Chi tiết thủ tục hành chính" as PDF and as
Word. The PDF of 2.002229 is committed byte for byte (tests/fixtures/office/
ChiTietTTHC_2.002229.pdf, from realdata/24namnguyen10_Internship); no Word file of it is public.
This tool rebuilds that Word export from the PDF, in the PDF's layout: the title, one paragraph
per heading field ("Mã thủ tục: 2.002229", the label in bold), the steps as the paragraphs the
PDF shows, then one table per section — the channels (Hình thức nộp | Thời hạn giải quyết |
Phí, lệ phí | Mô tả), the dossier ("Bao gồm" merged over Tên giấy tờ | Mẫu đơn, tờ khai | Số
lượng) and the legal basis (Số ký hiệu | Trích yếu | Ngày ban hành | Cơ quan ban hành) — on US
Letter pages as the PDF's.

The text is the PDF's as tthc's PDF reader gives it (tthc.load.pdf_reader.read_pdf: the cell
texts with their wrapped lines and broken numbers joined back), so every word is the national
database's. What the PDF's pages cut is put back together, as the Word file has it: a table
continued on the next page is one table, and a paragraph whose next page begins in lower case
("nhận, giải quyết hồ sơ …") is one paragraph. The PDF made from this Word file by LibreOffice
(``soffice``, needed only here; the fixtures are committed, tests never run it) is the third
twin: its page breaks and wrapped cells fall elsewhere than the original's.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

OFFICE = ROOT / "tests" / "fixtures" / "office"
SOURCE = OFFICE / "ChiTietTTHC_2.002229.pdf"
DOCX = OFFICE / "ChiTietTTHC_2.002229.docx"
PDF = OFFICE / "ChiTietTTHC_2.002229-libreoffice.pdf"
WIDTHS_CM = {  # by the first header: the channels, the dossier ("Bao gồm" above), the legal basis
    "Hình thức nộp": (3.0, 3.0, 3.0, 8.6),
    "Bao gồm": (10.0, 4.0, 3.6),
    "Số ký hiệu": (3.0, 8.6, 2.4, 3.6),
}


def blocks() -> list:
    """The PDF's paragraphs and tables, with what its page breaks cut joined back."""
    from tthc.load.docx_reader import Paragraph
    from tthc.load.grid import Grid
    from tthc.load.pdf_reader import read_pdf

    out: list = []
    for block in read_pdf(SOURCE):
        last = out[-1] if out else None
        if isinstance(block, Grid) and isinstance(last, Grid) and len(block.rows[0]) == len(last.rows[0]):
            last.rows.extend(block.rows)  # the same table, continued on the next page
        elif isinstance(block, Paragraph) and isinstance(last, Paragraph) and block.text[:1].islower():
            last.text = f"{last.text} {block.text}"
        else:
            out.append(block)
    return out


def write_docx(path: Path) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    from tthc.load.docx_reader import Paragraph
    from tthc.load.grid import Grid

    d = docx.Document()
    section = d.sections[0]
    section.page_width, section.page_height = Cm(21.59), Cm(27.94)
    for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, margin, Cm(2.0))
    d.styles["Normal"].font.name = "Times New Roman"
    d.styles["Normal"].font.size = Pt(12)
    for block in blocks():
        if isinstance(block, Paragraph):
            text = block.text
            if text == "Chi tiết thủ tục hành chính":
                p = d.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run = p.add_run(text)
                run.bold, run.font.size = True, Pt(14)
                continue
            p = d.add_paragraph()
            label, colon, rest = text.partition(":")
            if colon and len(label) <= 40 and not label.startswith("+"):
                p.add_run(label + colon).bold = True
                if rest:
                    p.add_run(rest)
            else:
                p.add_run(text)
            continue
        assert isinstance(block, Grid)
        width = len(block.rows[0])
        table = d.add_table(rows=len(block.rows), cols=width)
        table.style = "Table Grid"
        table.autofit = False
        for c, w in enumerate(WIDTHS_CM[block.rows[0][0]]):
            table._tbl.tblGrid.gridCol_lst[c].w = Cm(w)
            for cell in table.columns[c].cells:
                cell.width = Cm(w)
        for r, row in enumerate(block.rows):
            for c, value in enumerate(row):
                if value:
                    cell = table.cell(r, c)
                    lines = value.split("\n")
                    cell.text = lines[0]
                    for line in lines[1:]:
                        cell.add_paragraph(line)
        for top, left, bottom, right in block.merged:
            first = table.cell(top, left)
            text = first.text
            first.merge(table.cell(bottom, right)).text = text
        header = 1 if block.merged and block.merged[0][:2] == (0, 0) else 0  # "Bao gồm" above the titles
        for cell in table.rows[header].cells:
            for run in (r for p in cell.paragraphs for r in p.runs):
                run.bold = True
    d.core_properties.author = "tthc"
    d.core_properties.title = "Chi tiết thủ tục hành chính 2.002229"
    d.save(path)


def main() -> None:
    from make_office_fixtures import convert

    write_docx(DOCX)
    convert(DOCX, "pdf", PDF)
    print("wrote", DOCX.relative_to(ROOT), PDF.relative_to(ROOT))


if __name__ == "__main__":
    main()
