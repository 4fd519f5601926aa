"""The draft publication annex (`tthc diff -o annex.docx`): Nghị định 30 dates and Phần II in full."""

from __future__ import annotations

import pytest

from tests.conftest import CATALOGS

docx = pytest.importorskip("docx")


@pytest.fixture(scope="module")
def annex(tmp_path_factory):
    from typer.testing import CliRunner

    from tthc.cli import app

    out = tmp_path_factory.mktemp("annex") / "phu-luc.docx"
    args = ["diff", str(CATALOGS / "kim-bang-2019-2020.yaml"), str(CATALOGS / "xa-2026.yaml"), "-o", str(out)]
    assert CliRunner().invoke(app, args, catch_exceptions=False).exit_code == 1  # changes found
    return [p.text for p in docx.Document(str(out)).paragraphs]


def test_the_decision_date_is_written_as_nghi_dinh_30_says(annex) -> None:
    line = next(t for t in annex if t.startswith("(Ban hành kèm theo Quyết định"))
    assert "ngày 15 tháng 9 năm 2026" in line and "tháng 09" not in line  # xa-2026.yaml: 15/9/2026


def test_part_two_gives_each_new_and_amended_procedure_in_full(annex) -> None:
    start = annex.index("PHẦN II. NỘI DUNG CỤ THỂ CỦA TỪNG THỦ TỤC HÀNH CHÍNH")
    part_two = annex[start:]
    headings = [t for t in part_two if t[:1].isdigit() and ". " in t[:4]]
    assert len(headings) == 2 + 14  # 2 new, 14 amended (test_diff.py counts them)
    assert any(h.endswith("(mã 1.013133)") for h in headings)
    text = "\n".join(part_two)
    for label in ("Trình tự thực hiện", "Thành phần, số lượng hồ sơ", "Thời hạn giải quyết", "Căn cứ pháp lý"):
        assert f") {label}:" in text
    assert "(Sửa đổi, bổ sung:" in text  # an amended procedure says which elements changed
    assert "Tách sổ hộ khẩu" not in text  # abolished: listed in Phần I only
