"""The .docx plan read back with python-docx: layout per Nghị định 30/2020, title, tables, fonts."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.documents.conftest import FORMULA_NAME, PHONE_CODE
from tthc.report.docx_plan import PART_I_HEADERS, TITLE, write_docx

docx = pytest.importorskip("docx")
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Mm, Pt  # noqa: E402


@pytest.fixture
def document(plan, tmp_path: Path):
    path = tmp_path / "plan.docx"
    write_docx(plan, path)
    return docx.Document(str(path))


def _text(doc) -> str:
    return "\n".join(p.text for p in doc.paragraphs)


def test_a4_portrait_and_margins_in_range(document) -> None:
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.5)
    assert abs(section.page_height - Mm(297)) < Mm(0.5)
    assert Mm(20) <= section.top_margin <= Mm(25)
    assert Mm(20) <= section.bottom_margin <= Mm(25)
    assert Mm(30) <= section.left_margin <= Mm(35)
    assert Mm(15) <= section.right_margin <= Mm(20)


def test_national_heading_block(document) -> None:
    heading = document.tables[0]
    left, right = heading.cell(0, 0).text, heading.cell(0, 1).text
    assert "UBND TỈNH ĐỒNG NAI" in left
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right
    assert "Độc lập - Tự do - Hạnh phúc" in right
    assert "Đồng Nai, ngày" in heading.cell(1, 1).text
    borders = heading._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    bold = [r.bold for p in heading.cell(0, 1).paragraphs for r in p.runs if r.text.strip()]
    assert bold and all(bold)


def test_title(document) -> None:
    assert TITLE in _text(document)
    title = next(p for p in document.paragraphs if p.text == TITLE)
    assert all(r.bold for r in title.runs)


def test_part_one_table(document) -> None:
    table = document.tables[1]
    assert tuple(c.text for c in table.rows[0].cells) == PART_I_HEADERS
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert rows[0][0] == "I. Lĩnh vực Hộ tịch"  # group row across the table
    assert rows[1][:3] == ["1", "1.001193", "Đăng ký khai sinh"]
    assert "khoản 2 Điều 5 Nghị định 123/2015/NĐ-CP" in rows[1][3]
    assert "Giảm thời gian giải quyết" in rows[1][4]
    formula_row = next(r for r in rows if r[1] == PHONE_CODE)
    assert formula_row[2] == FORMULA_NAME


def test_part_two_three_parts_and_totals(document) -> None:
    text = _text(document)
    assert "PHẦN II\nNỘI DUNG ĐƠN GIẢN HÓA" in text
    for part in ("1.1. Nội dung đơn giản hóa", "1.2. Kiến nghị thực thi", "1.3. Lợi ích phương án đơn giản hóa"):
        assert part in text
    assert "Chi phí tuân thủ thủ tục hành chính trước khi đơn giản hóa: 32.000.000 đồng/năm." in text
    assert "Chi phí tuân thủ thủ tục hành chính sau khi đơn giản hóa: 28.800.000 đồng/năm." in text
    assert "Chi phí tiết kiệm: 3.200.000 đồng/năm." in text
    assert "Tỷ lệ cắt giảm chi phí: 10 %." in text
    assert "Thời hạn giải quyết: từ 10 ngày làm việc xuống 9 ngày làm việc (giảm 10 %)." in text
    assert "chưa rõ (chưa có số liệu hồ sơ)" in text
    totals = document.tables[-2]  # the last one is the signature block
    assert totals.rows[-1].cells[0].text == "Tổng cộng\n(3 TTHC; chưa rõ chi phí: 1)"
    assert [c.text for c in totals.rows[-1].cells[1:]] == ["38.400.000", "28.800.000", "9.600.000", "25 %"]


def _runs(document):
    for p in document.paragraphs:
        yield p, p.runs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    yield p, p.runs


def test_every_text_run_is_times_new_roman_13_to_14(document) -> None:
    """Body 13–14 pt; "Nơi nhận" 12 pt and its lines 11 pt (Nghị định 30/2020, Phụ lục I)."""
    normal = document.styles["Normal"]
    recipients = [p._p for p in document.tables[-1].cell(0, 0).paragraphs]
    checked = 0
    for p, runs in _runs(document):
        for run in runs:
            if not run.text.strip():
                continue
            fonts = run._element.rPr.find(qn("w:rFonts")) if run._element.rPr is not None else None
            name = fonts.get(qn("w:ascii")) if fonts is not None else None
            assert (name or normal.font.name) == "Times New Roman"
            if fonts is not None:
                assert fonts.get(qn("w:eastAsia")) == "Times New Roman"
                assert fonts.get(qn("w:cs")) == "Times New Roman"
            size = run.font.size or p.style.font.size or normal.font.size
            if any(p._p is element for element in recipients):
                assert Pt(11) <= size <= Pt(12), (run.text, size)
            else:
                assert Pt(13) <= size <= Pt(14), (run.text, size)
            checked += 1
    assert checked > 50


def test_default_fonts_cover_every_script(document) -> None:
    rpr = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        assert fonts.get(qn(script)) == "Times New Roman"
    assert not [a for a in fonts.attrib if a.lower().endswith("theme")]


def test_page_numbers_in_the_header_from_page_two(document) -> None:
    section = document.sections[0]
    assert section.different_first_page_header_footer
    instr = [el.text for el in section.header._element.iter(qn("w:instrText"))]
    assert any("PAGE" in t for t in instr)


def test_empty_plan_still_makes_a_document(catalog, tmp_path: Path) -> None:
    from tthc.plan.build import build_plan
    from tthc.plan.cost import resolve_settings

    plan = build_plan([catalog], [], resolve_settings({"hourly-rate": 1, "hours-per-day": 8}, None), as_of=None)
    path = tmp_path / "empty.docx"
    write_docx(plan, path)
    assert "Không có đề xuất" in _text(docx.Document(str(path)))
