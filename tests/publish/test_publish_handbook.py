"""`tthc handbook`: the Word handbook read back with python-docx; PDF through LibreOffice."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.publish.support import CATALOG


def _read(path: Path):
    import docx

    return docx.Document(str(path))


def _rows(document) -> list[dict[str, str]]:
    """Each procedure table as {label: content}."""
    return [{row.cells[0].text: row.cells[1].text for row in table.rows} for table in document.tables[1:]]


@pytest.fixture(scope="module")
def handbook(tmp_path_factory) -> Path:
    from typer.testing import CliRunner

    from tthc.cli import app

    out = tmp_path_factory.mktemp("handbook") / "so-tay.docx"
    result = CliRunner().invoke(app, ["handbook", str(CATALOG), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert "5 thủ tục" in result.stderr
    return out


def test_cover_contents_and_online_guide(handbook: Path) -> None:
    document = _read(handbook)
    text = "\n".join(p.text for p in document.paragraphs)
    heading_cells = document.tables[0].rows[0].cells
    assert heading_cells[0].text.startswith("UBND PHƯỜNG THỬ NGHIỆM")  # national heading, issuing body
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in heading_cells[1].text
    for expected in (
        "SỔ TAY THỦ TỤC HÀNH CHÍNH",
        "5 thủ tục thuộc 3 lĩnh vực, trong đó 2 thủ tục làm trực tuyến được toàn bộ",
        "Theo Quyết định công bố số 99/QĐ-UBND ngày 01/10/2026",
        "MỤC LỤC",
        "I. Lĩnh vực Hộ tịch",
        "1. Đăng ký khai sinh (1.001193)",
        "HƯỚNG DẪN NỘP HỒ SƠ TRỰC TUYẾN",
        "dichvucong.gov.vn",
    ):
        assert expected in text, expected
    assert text.index("MỤC LỤC") < text.index("HƯỚNG DẪN NỘP HỒ SƠ TRỰC TUYẾN") < text.index("I. LĨNH VỰC HỘ TỊCH")


def test_one_block_per_procedure_grouped_by_field(handbook: Path) -> None:
    document = _read(handbook)
    fields = [p.text for p in document.paragraphs if p.style.name == "Heading 1" and ". LĨNH VỰC" in p.text]
    assert fields == ["I. LĨNH VỰC HỘ TỊCH", "II. LĨNH VỰC ĐẤT ĐAI", "III. LĨNH VỰC NỘI VỤ"]
    procedures = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert procedures == [
        "1. Đăng ký khai sinh",
        "2. Cấp bản sao trích lục hộ tịch",
        "3. Thủ tục miễn, giảm phí khai thác thông tin hộ tịch cho người có hoàn cảnh khó khăn",
        "4. Thủ tục hoà giải tranh chấp đất đai",
        "5. Cấp giấy phép hoạt động cho tổ chức phi chính phủ",
    ]


def test_checklist_time_fees_place_and_online(handbook: Path) -> None:
    birth, copy, *_ = _rows(_read(handbook))
    assert birth["Giấy tờ cần nộp"].splitlines() == [
        "☐ Tờ khai đăng ký khai sinh theo mẫu (số lượng: 01 bản chính)",
        "☐ Giấy chứng sinh (số lượng: 01 bản chính)",
        "☐ Văn bản ủy quyền (nếu người đi đăng ký không phải cha, mẹ) (số lượng: 01 bản chính)",
    ]
    assert birth["Thời hạn giải quyết"] == "Ngay trong ngày làm việc"
    assert birth["Phí, lệ phí"] == "Miễn lệ phí"
    assert birth["Nơi nộp hồ sơ"] == "Bộ phận tiếp nhận và trả kết quả UBND phường Thử Nghiệm"
    assert birth["Nộp trực tuyến"].startswith("Làm trực tuyến được toàn bộ\n")
    assert copy["Phí, lệ phí"].splitlines() == [
        "Trực tiếp: Lệ phí: 8.000 đồng/bản sao",
        "Trực tuyến: Lệ phí: 4.000 đồng/bản sao",
    ]
    assert "Người yêu cầu nhận bản sao giấy tại trụ sở." in copy["Nộp trực tuyến"]


def test_page_setup_is_the_shared_official_one(handbook: Path) -> None:
    document = _read(handbook)
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.left_margin.mm) == 30
    assert document.styles["Normal"].font.name == "Times New Roman"


def test_unknown_suffix_is_a_usage_error(cli, tmp_path: Path) -> None:
    code, _, err = cli("handbook", CATALOG, "-o", tmp_path / "so-tay.odt")
    assert code == 2 and ".docx" in err
    assert list(tmp_path.iterdir()) == []


def test_pdf_without_libreoffice_is_one_clear_line(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("tthc.publish.handbook.shutil.which", lambda name: None)
    code, _, err = cli("handbook", CATALOG, "-o", tmp_path / "so-tay.pdf")
    assert code == 2
    assert err.count("\n") == 1 and "LibreOffice" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice not installed")
def test_pdf_through_libreoffice(cli, tmp_path: Path) -> None:
    code, _, err = cli("handbook", CATALOG, "-o", tmp_path / "so-tay.pdf")
    assert code == 0, err
    assert (tmp_path / "so-tay.pdf").read_bytes()[:5] == b"%PDF-"
    assert [p.name for p in tmp_path.iterdir()] == ["so-tay.pdf"]


@pytest.mark.parametrize("text", ["Giấy chứng sinh", "☐ a\n☐ b\n\n☐ c", " leading space", "", "\n", "tab\there"])
@pytest.mark.parametrize("bold", [False, True])
def test_stamped_cells_are_the_shared_formatting_exactly(text: str, bold: bool) -> None:
    """The handbook copies cell paragraphs from prototypes for speed; the XML is tthc.office.docx's own."""
    from docx.oxml.table import CT_Tbl
    from docx.shared import Cm
    from docx.table import _Cell
    from lxml import etree

    from tthc.office import docx as dc
    from tthc.publish.stamps import Stamps

    def write(cell, value):
        dc.cell_text(cell, value, size_pt=12, bold=bold)

    stamps = Stamps(dc.new_document())
    for _ in range(2):  # the first call makes the prototype, the second copies it
        made, stamped = (CT_Tbl.new_tbl(1, 1, Cm(5)).tr_lst[0].tc_lst[0] for _ in range(2))
        write(_Cell(made, None), text)
        stamps.cell(stamped, text, key=bold, make=write)
        assert etree.tostring(stamped) == etree.tostring(made)


def test_a_large_handbook_has_every_procedure_in_order(tmp_path: Path) -> None:
    """120 procedures in 3 fields: one heading and one table each, numbered straight through."""

    from tthc.model import Catalog, Channel, Duration, DurationStatus, Procedure
    from tthc.parse.document import parse_document
    from tthc.publish.handbook import write_handbook

    procedures = [
        Procedure(
            name=f"Thủ tục số {n}",
            code=f"1.{n:06d}",
            field=["Hộ tịch", "Chứng thực", "Đất đai"][n % 3],
            channels=[Channel(processing_time=Duration(f"{n} ngày làm việc", DurationStatus.FIXED, working_days=n))],
            documents=[parse_document(f"Bản sao có chứng thực giấy tờ số {n} (01 bản chính)")],
        )
        for n in range(1, 121)
    ]
    out = tmp_path / "so-tay.docx"
    assert write_handbook([Catalog(procedures=procedures, issuer="UBND xã Thử")], out) == 120
    document = _read(out)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert len(headings) == 120 and headings[0] == "1. Thủ tục số 1" and headings[40] == "41. Thủ tục số 2"
    rows = _rows(document)
    assert len(rows) == 120
    assert rows[0]["Giấy tờ cần nộp"] == "☐ Bản sao có chứng thực giấy tờ số 1 (01 bản chính)"
    assert rows[0]["Thời hạn giải quyết"] == "1 ngày làm việc" and rows[40]["Thời hạn giải quyết"] == "2 ngày làm việc"
