#!/usr/bin/env python3
"""Make the Word, PDF and OpenDocument twins of the sample annex (test fixtures).

    python tools/make_office_fixtures.py        # writes tests/fixtures/office/kim-bang-annex.{docx,pdf,ods}

Read from catalogs/kim-bang-2019-2020-annex.xlsx cell by cell, so the twins hold the same
text. The Word annex is laid out as decisions print it: landscape A4, the title and the
decision line as paragraphs above the table, a two-row header (each title merged over
both rows) and the "(1) (2) …" numbering row, all three marked to repeat on every page
(LibreOffice's PDF repeats the numbering row only: it leaves out repeated rows holding a
vertically merged cell), section rows merged across the table, and the table split in two
at a section (the second part repeats the header). The column widths are set in the
table grid (what LibreOffice lays out by) as well as on the cells (what Word uses); the
legal-basis column is narrow, so document numbers wrap inside their cells in the PDF
("123/2015/NĐ-" / "CP", "05/2015/TTLT" / "-BTP-BCA-" / "BYT") and rows are cut by page
breaks. The PDF and the .ods are made from it and from the .xlsx by LibreOffice
(``soffice``, needed only here: the fixtures are committed, tests never run it).

    python tools/make_office_fixtures.py docx pdf   # only these (the .ods is unchanged)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "catalogs" / "kim-bang-2019-2020-annex.xlsx"
OUT = ROOT / "tests" / "fixtures" / "office"
WIDTHS_CM = (
    1.3,
    2.2,
    6.2,
    3.6,
    3.6,
    3.2,
    2.6,
    2.3,
)  # narrow "Căn cứ pháp lý": numbers wrap inside ("123/2015/NĐ-" / "CP")


def annex_rows() -> tuple[list[str], list[list[str]], list[tuple[int, int, int, int]]]:
    """(title lines, table rows from the header down, merges inside the table) of the .xlsx."""
    import openpyxl

    ws = openpyxl.load_workbook(SOURCE).active
    rows = [["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)]
    header = next(i for i, r in enumerate(rows) if r[0] == "STT")
    title = [r[0] for r in rows[:header] if r[0]]
    merges = []
    for m in ws.merged_cells.ranges:
        if m.min_row - 1 >= header:
            merges.append((m.min_row - 1 - header, m.min_col - 1, m.max_row - 1 - header, m.max_col - 1))
    return title, rows[header:], merges


def write_docx(path: Path, split_at: int | None = None) -> None:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    title, rows, merges = annex_rows()
    d = docx.Document()
    section = d.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, margin, Cm(1.5))
    d.styles["Normal"].font.name = "Times New Roman"
    d.styles["Normal"].font.size = Pt(10)
    for line in title:
        d.add_paragraph(line)
    width = len(rows[0])
    body = rows[3:]  # after the two header rows and the numbering row
    sections = [i for i, r in enumerate(body) if r[0] and not r[0].isdigit() and not r[1]]
    cut = split_at if split_at is not None else (sections[len(sections) // 2] if len(sections) > 1 else len(body))
    parts = [body[:cut], body[cut:]] if 0 < cut < len(body) else [body]
    for n, part in enumerate(parts):
        if n:
            d.add_paragraph("")
        table = d.add_table(rows=3 + len(part), cols=width)
        table.style = "Table Grid"
        table.autofit = False
        for c, w in enumerate(WIDTHS_CM):
            table._tbl.tblGrid.gridCol_lst[c].w = Cm(w)  # what LibreOffice lays out by
            for cell in table.columns[c].cells:
                cell.width = Cm(w)  # what Word lays out by
        for r, row in enumerate(rows[:3] + part):
            for c, v in enumerate(row):
                if v:
                    table.cell(r, c).text = v
        for r in range(3):  # the header and the numbering row repeat on every page (LibreOffice repeats
            # only the numbering row: it drops repeated rows that hold a vertically merged cell)
            tr_pr = table.rows[r]._tr.get_or_add_trPr()
            repeat = OxmlElement("w:tblHeader")
            repeat.set(qn("w:val"), "true")
            tr_pr.append(repeat)
        offset = len(body[:cut]) if n else 0
        for top, left, bottom, right in merges:
            if top < 3:
                t, b = top, bottom
            else:
                t, b = top - offset, bottom - offset
                if not (3 <= t < 3 + len(part)):
                    continue
            if (t, left) != (b, right):
                text = table.cell(t, left).text
                merged = table.cell(t, left).merge(table.cell(b, right))
                merged.text = text
    d.core_properties.author = "tthc"
    d.save(path)


def convert(path: Path, to: str, out: Path) -> Path:
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        sys.exit("LibreOffice (soffice) is needed to make the PDF and .ods twins")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                program,
                f"-env:UserInstallation=file://{tmp}/p",
                "--headless",
                "--convert-to",
                to,
                "--outdir",
                tmp,
                str(path),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        made = Path(tmp) / (path.stem + "." + to)
        shutil.copyfile(made, out)
    return out


def main() -> None:
    wanted = set(sys.argv[1:]) or {"docx", "pdf", "ods"}
    OUT.mkdir(parents=True, exist_ok=True)
    docx_path = OUT / "kim-bang-annex.docx"
    if wanted & {"docx", "pdf"}:
        write_docx(docx_path)
    if "pdf" in wanted:
        convert(docx_path, "pdf", OUT / "kim-bang-annex.pdf")
    if "ods" in wanted:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "kim-bang-annex.xlsx"
            shutil.copyfile(SOURCE, copy)
            convert(copy, "ods", OUT / "kim-bang-annex.ods")
    print("wrote", *(p.relative_to(ROOT) for p in sorted(OUT.glob("kim-bang-annex.*"))))


if __name__ == "__main__":
    main()
