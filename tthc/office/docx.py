"""Word documents laid out per Nghị định 30/2020/NĐ-CP (Phụ lục I), shared by every exporter.

A4 portrait, Times New Roman (set for Latin, East-Asian and complex scripts alike, so
Vietnamese never falls back to another font), 13–14 pt, margins top/bottom 20–25 mm,
left 30–35 mm, right 15–20 mm; the heading block as a borderless two-column table
(issuing body left; national title and motto right, each with its short rule line);
page numbers centred in the top margin from page 2. The helpers take plain strings, so
the simplification plan, the publication annex and others build on the same pieces::

    doc = new_document()
    national_heading(doc, ["UBND TỈNH ĐỒNG NAI"], place_date="Đồng Nai, ngày   tháng   năm 2026")
    title(doc, "PHƯƠNG ÁN ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH")
    add_table(doc, ["STT", "Tên"], [["1", "…"]], [1.2, 15.3])
    doc.save(path)
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 13
HEADING_PT = 13  # the heading block: Nghị định 30/2020 gives 12–13 pt; 13 keeps every size in 13–14
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class PageSetup:
    """Margins in millimetres (Nghị định 30/2020: 20–25 / 20–25 / 30–35 / 15–20)."""

    top: float = 20
    bottom: float = 20
    left: float = 30
    right: float = 15
    landscape: bool = False

    @property
    def text_width_cm(self) -> float:
        width = 297 if self.landscape else 210
        return (width - self.left - self.right) / 10


def new_document(setup: PageSetup = PageSetup(), *, body_pt: int = BODY_PT) -> Document:
    """An empty A4 document with the fonts, margins and paragraph defaults of an official text."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    doc = docx.Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if setup.landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(297), Mm(210)) if setup.landscape else (Mm(210), Mm(297))
    section.top_margin, section.bottom_margin = _margin(setup.top), _margin(setup.bottom)
    section.left_margin, section.right_margin = _margin(setup.left), _margin(setup.right)
    section.header_distance = section.footer_distance = Mm(10)
    _default_fonts(doc, body_pt)
    normal = doc.styles["Normal"]
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title"):
        _plain_style(doc.styles[name], body_pt)
    return doc


def _margin(mm: float):
    """A margin in whole twips (as Word stores it), rounded up so 15 mm never reads as 14.99."""
    import math

    from docx.shared import Twips

    return Twips(math.ceil(mm * 1440 / 25.4))


def _default_fonts(doc: Document, size_pt: int) -> None:
    """Times New Roman everywhere: document defaults, Normal, and no theme font overrides."""
    from docx.oxml.ns import qn

    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_rpr_font(rpr, size_pt)
    lang = rpr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:val"), "vi-VN")
    normal = doc.styles["Normal"]
    set_rpr_font(normal.element.get_or_add_rPr(), size_pt)


def _plain_style(style, size_pt: int) -> None:
    """A heading style in black Times New Roman (keeps the navigation pane, drops the theme)."""
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    set_rpr_font(style.element.get_or_add_rPr(), size_pt)
    style.font.bold = True
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    style.paragraph_format.space_before = Pt(6)
    style.paragraph_format.space_after = Pt(6)
    style.paragraph_format.keep_with_next = True
    rpr = style.element.get_or_add_rPr()
    for tag in ("w:caps", "w:smallCaps"):
        node = rpr.find(qn(tag))
        if node is not None:
            rpr.remove(node)


def set_rpr_font(rpr, size_pt: float | None = None) -> None:
    """Set Times New Roman for every script on a w:rPr (and the size for both sz and szCs)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if attr.endswith("Theme") or attr.endswith("theme"):
            del fonts.attrib[attr]
    for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(script), FONT)
    if size_pt is not None:
        half_points = str(round(size_pt * 2))
        for tag in ("w:sz", "w:szCs"):
            node = rpr.find(qn(tag))
            if node is None:
                node = OxmlElement(tag)
                rpr.append(node)
            node.set(qn("w:val"), half_points)


def style_run(run, *, size_pt: float | None = None, bold: bool | None = None, italic: bool | None = None) -> None:
    set_rpr_font(run._element.get_or_add_rPr(), size_pt)
    if bold is not None:
        run.bold = bold
    if italic is not None:
        run.italic = italic


def add_text(
    paragraph: Paragraph,
    text: str,
    *,
    size_pt: float | None = None,
    bold: bool | None = None,
    italic: bool | None = None,
):
    """A run in the document font; line breaks in ``text`` become line breaks."""
    run = paragraph.add_run()
    for i, line in enumerate(text.split("\n")):
        if i:
            run.add_break()
        run.add_text(line)
    # a new run has no w:rPr: it gets a copy of the one style_run makes for this style, made
    # once (python-docx's setters search the schema order of the children on every call:
    # most of the time a long plan took)
    run._element.insert(0, copy.deepcopy(_run_properties(size_pt, bold, italic)))
    return run


@functools.lru_cache(maxsize=64)
def _run_properties(size_pt: float | None, bold: bool | None, italic: bool | None):
    """The w:rPr that :func:`style_run` gives a run that has none (a template: copy it)."""
    from docx.oxml import OxmlElement
    from docx.text.run import Run

    element = OxmlElement("w:r")
    run = Run(element, None)  # type: ignore[arg-type]  # (no story part: formatting only)
    style_run(run, size_pt=size_pt, bold=bold, italic=italic)
    return element.rPr


def paragraph(
    container,
    text: str = "",
    *,
    size_pt: float = BODY_PT,
    bold: bool = False,
    italic: bool = False,
    align: str = "justify",
    first_line_cm: float | None = 1.0,
    space_after_pt: float = 6,
    keep_with_next: bool = False,
) -> Paragraph:
    """A body paragraph (justified, first line indented) in a document or a table cell."""
    p = new_paragraph(container)  # (a new paragraph has no w:pPr: it gets a copy of its style's)
    p._p.insert(0, copy.deepcopy(_paragraph_properties(align, first_line_cm, space_after_pt, keep_with_next)))
    if text:
        add_text(p, text, size_pt=size_pt, bold=bold, italic=italic)
    return p


@functools.lru_cache(maxsize=64)
def _paragraph_properties(align: str, first_line_cm: float | None, space_after_pt: float, keep_with_next: bool):
    """The w:pPr of a body paragraph, made once per style through python-docx (a template: copy it)."""
    from docx.oxml import OxmlElement
    from docx.shared import Cm, Pt
    from docx.text.paragraph import Paragraph

    p = Paragraph(OxmlElement("w:p"), None)  # type: ignore[arg-type]  # (no story part: formatting only)
    p.alignment = _alignment(align)
    fmt = p.paragraph_format
    fmt.first_line_indent = Cm(first_line_cm) if first_line_cm else None
    fmt.space_after = Pt(space_after_pt)
    fmt.space_before = Pt(0)
    fmt.keep_with_next = keep_with_next
    return p._p.pPr


def new_paragraph(container, style: str | None = None) -> Paragraph:
    """An empty paragraph at the end of a document or cell.

    python-docx's Document.add_paragraph looks for the section properties among every
    body element, which makes long documents quadratic; this inserts in constant time.
    """
    from docx.document import Document as DocumentType
    from docx.oxml import OxmlElement
    from docx.text.paragraph import Paragraph

    if not isinstance(container, DocumentType):
        return container.add_paragraph(style=style)
    body = container.element.body
    p = OxmlElement("w:p")
    try:
        last = body[-1]  # lxml walks from the end: constant time (len() would count every child)
    except IndexError:
        last = None
    if last is not None and last.tag.endswith("}sectPr"):
        last.addprevious(p)
    else:
        body.append(p)
    paragraph = Paragraph(p, container._body)
    if style:
        paragraph.style = container.styles[style]
    return paragraph


def _alignment(name: str):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    return {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }[name]


def heading(doc: Document, text: str, *, level: int = 1, size_pt: float = BODY_PT, align: str = "left") -> Paragraph:
    """A bold heading in Times New Roman (a Word heading style, so it shows in navigation)."""
    from docx.shared import Pt

    p = new_paragraph(doc, style=f"Heading {level}")
    p.alignment = _alignment(align)
    p.paragraph_format.space_before = Pt(6)
    p.paragraph_format.space_after = Pt(6)
    add_text(p, text, size_pt=size_pt, bold=True)
    return p


def rule_line(container, width_cm: float, box_width_cm: float, *, space_after_pt: float = 0) -> Paragraph:
    """The customary short rule line: a thin empty centred paragraph with a bottom border."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    p = new_paragraph(container)
    indent = max(0.0, (box_width_cm - width_cm) / 2)
    fmt = p.paragraph_format
    fmt.left_indent = fmt.right_indent = Cm(indent)
    fmt.first_line_indent = None
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(space_after_pt)
    fmt.line_spacing = Pt(3)
    ppr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    line = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "0"), ("w:color", "000000")):
        line.set(qn(key), value)
    borders.append(line)
    ppr.append(borders)
    run = p.add_run()
    style_run(run, size_pt=2)
    return p


def national_heading(
    doc: Document,
    issuer_lines: Sequence[str],
    *,
    number: str | None = None,
    place_date: str | None = None,
    left_cm: float = 6.5,
) -> Table:
    """The heading block: issuing body (bold, upper case, short rule) | national title and motto.

    ``issuer_lines``: the parent body first when there is one ("UBND TỈNH ĐỒNG NAI", then
    "SỞ TƯ PHÁP"); the last line is the issuing body, in bold. ``number`` ("Số: …/PA-UBND")
    goes under the issuer and ``place_date`` (italic) under the motto.
    """
    setup_width = _text_width_cm(doc)
    right_cm = setup_width - left_cm
    table = doc.add_table(rows=2 if (number or place_date) else 1, cols=2)
    no_borders(table)
    set_widths(table, [left_cm, right_cm])
    left, right = table.cell(0, 0), table.cell(0, 1)
    lines = [line.upper() for line in issuer_lines if line.strip()] or ["……………………"]
    for i, line in enumerate(lines):
        p = left.paragraphs[0] if i == 0 else left.add_paragraph()
        _heading_line(p, line, bold=i == len(lines) - 1)
    rule_line(left, min(3.0, left_cm * 0.4), left_cm)
    _heading_line(right.paragraphs[0], NATIONAL_TITLE, bold=True)
    _heading_line(right.add_paragraph(), MOTTO, bold=True, size_pt=HEADING_PT + 1)
    rule_line(right, 6.0, right_cm)
    if number or place_date:
        if number:
            _heading_line(table.cell(1, 0).paragraphs[0], number, bold=False)
        if place_date:
            p = table.cell(1, 1).paragraphs[0]
            _heading_line(p, place_date, bold=False, italic=True, size_pt=BODY_PT)
            p.paragraph_format.space_before = _pt(6)
    return table


def signature_block(
    doc: Document,
    recipients: Sequence[str],
    title_lines: Sequence[str],
    signer: str | None,
    *,
    left_cm: float = 7.0,
) -> Table:
    """ "Nơi nhận" on the left, the signer's title, room to sign and the name on the right.

    Nghị định 30/2020, Phụ lục I: "Nơi nhận:" bold italic 12 pt, each recipient 11 pt on a
    line of its own beginning "- " and ending ";" (the last, "Lưu: VT.", with a full stop);
    the signer's authority and title in bold upper case, the full name in bold below.
    """
    table = doc.add_table(rows=1, cols=2)
    no_borders(table)
    set_widths(table, [left_cm, _text_width_cm(doc) - left_cm])
    left, right = table.cell(0, 0), table.cell(0, 1)
    p = left.paragraphs[0]
    p.paragraph_format.space_before = _pt(12)
    add_text(p, "Nơi nhận:", size_pt=12, bold=True, italic=True)
    for i, line in enumerate(recipients):
        last = i == len(recipients) - 1
        text = line.rstrip(";.") + ("." if last else ";")
        q = left.add_paragraph()
        q.paragraph_format.space_after = _pt(0)
        q.paragraph_format.line_spacing = 1.0
        add_text(q, f"- {text}", size_pt=11)
    first = right.paragraphs[0]
    first.paragraph_format.space_before = _pt(12)
    for i, line in enumerate(title_lines or ("……",)):
        q = first if i == 0 else right.add_paragraph()
        _heading_line(q, line.upper(), bold=True, size_pt=BODY_PT)
    for _ in range(4):  # room for the signature and the seal
        _heading_line(right.add_paragraph(), "", bold=False, size_pt=BODY_PT)
    _heading_line(right.add_paragraph(), signer or "", bold=True, size_pt=BODY_PT)
    return table


def _pt(value: float):
    from docx.shared import Pt

    return Pt(value)


def _heading_line(p: Paragraph, text: str, *, bold: bool, italic: bool = False, size_pt: float = HEADING_PT) -> None:
    p.alignment = _alignment("center")
    p.paragraph_format.space_after = _pt(0)
    p.paragraph_format.space_before = _pt(0)
    p.paragraph_format.line_spacing = 1.0
    p.paragraph_format.first_line_indent = None
    add_text(p, text, size_pt=size_pt, bold=bold, italic=italic)


def title(
    doc: Document, text: str, subtitle: str | None = None, *, size_pt: float = BODY_PT, subtitle_italic: bool = False
) -> None:
    """The document title (bold, upper case, centred), an optional subtitle, a short rule."""
    p = paragraph(doc, text.upper(), size_pt=size_pt, bold=True, align="center", first_line_cm=None, space_after_pt=0)
    p.paragraph_format.space_before = _pt(18)
    p.paragraph_format.keep_with_next = True
    if subtitle:
        paragraph(
            doc,
            subtitle,
            size_pt=size_pt,
            bold=not subtitle_italic,
            italic=subtitle_italic,
            align="center",
            first_line_cm=None,
            space_after_pt=0,
            keep_with_next=True,
        )
    rule_line(doc, 4.0, _text_width_cm(doc), space_after_pt=12)


def _text_width_cm(doc: Document) -> float:
    section = doc.sections[-1]
    return ((section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)) / 360000


# -- tables -------------------------------------------------------------------------


def add_table(
    doc: Document,
    headers: Sequence[str],
    rows: Sequence[Sequence[str] | str],
    widths_cm: Sequence[float],
    *,
    size_pt: float = TABLE_PT,
    align: Sequence[str] | None = None,
    repeat_header: bool = True,
) -> Table:
    """A bordered table with a bold header row repeated on every page.

    A row given as a plain string is a group row ("I. Lĩnh vực Hộ tịch"): one bold cell
    across the table.
    """
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    set_widths(table, widths_cm)
    header = table.rows[0]
    for cell, text in zip(header.cells, headers, strict=True):
        cell_text(cell, text, size_pt=size_pt, bold=True, align="center")
        _vertical_center(cell)
    if repeat_header:
        _row_flag(header, "w:tblHeader")
    _row_flag(header, "w:cantSplit")
    align = align or ["left"] * len(headers)
    for values in rows:
        cells = _new_row(table)  # python-docx's row.cells walks the whole table: quadratic
        if isinstance(values, str):
            cell_text(_span_row(table, cells), values, size_pt=size_pt, bold=True, align="left")
            continue
        for cell, text, how in zip(cells, values, align, strict=True):
            cell_text(cell, text, size_pt=size_pt, align=how)
    set_widths(table, widths_cm)
    return table


def _new_row(table: Table) -> list[_Cell]:
    from docx.table import _Cell

    tr = table.add_row()._tr
    return [_Cell(tc, table) for tc in tr.tc_lst]


def _span_row(table: Table, cells: list[_Cell]) -> _Cell:
    """One cell across the row (gridSpan), keeping the first cell's width as the total."""
    first = cells[0]
    for cell in cells[1:]:
        cell._tc.getparent().remove(cell._tc)
    first._tc.grid_span = len(cells)
    return first


def cell_text(
    cell: _Cell,
    text: str,
    *,
    size_pt: float = TABLE_PT,
    bold: bool = False,
    italic: bool = False,
    align: str = "left",
) -> None:
    """Replace a cell's text; each line of ``text`` becomes a paragraph."""
    lines = (text or "").split("\n")
    first = cell.paragraphs[0]
    for extra in cell.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    for i, line in enumerate(lines):
        p = first if i == 0 else cell.add_paragraph()
        p.alignment = _alignment(align)
        fmt = p.paragraph_format
        fmt.space_before = fmt.space_after = _pt(2 if len(lines) == 1 else 1)
        fmt.line_spacing = 1.0
        fmt.first_line_indent = None
        if line:
            add_text(p, line, size_pt=size_pt, bold=bold, italic=italic)
        else:
            style_run(p.add_run(), size_pt=size_pt)


def set_widths(table: Table, widths_cm: Sequence[float]) -> None:
    """Fixed column widths Word and LibreOffice both honour (grid, cells, fixed layout)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = tbl_pr.find(qn("w:tblLayout"))
    if layout is None:
        layout = OxmlElement("w:tblLayout")
        tbl_pr.append(layout)
    layout.set(qn("w:type"), "fixed")
    for col, width in zip(table._tbl.tblGrid.gridCol_lst, widths_cm, strict=False):
        col.w = Cm(width)
    for tr in table._tbl.tr_lst:
        column = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            tc.width = Cm(sum(widths_cm[column : column + span]))
            column += span


def no_borders(table: Table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        node = OxmlElement(f"w:{edge}")
        node.set(qn("w:val"), "nil")
        borders.append(node)
    tbl_pr.append(borders)


def _row_flag(row, tag: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    node = OxmlElement(tag)
    node.set(qn("w:val"), "true")
    tr_pr.append(node)


def _vertical_center(cell: _Cell) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def page_numbers(doc: Document, *, skip_first: bool = True, size_pt: float = BODY_PT) -> None:
    """Page numbers centred in the top margin, from page 2 (Nghị định 30/2020, Phụ lục I)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    section = doc.sections[0]
    section.different_first_page_header_footer = skip_first
    p = section.header.paragraphs[0]
    p.alignment = _alignment("center")
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "2"), ("end", None)):
        run = p.add_run()
        style_run(run, size_pt=size_pt)
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text == "PAGE":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = " PAGE "
            run._r.append(instr)
        else:
            run.add_text(text)
