"""Review in the plan workbook: mark "Quyết định", run --decisions plan.xlsx, get a plan with only those."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.documents.test_recommend_cli import _run

openpyxl = pytest.importorskip("openpyxl")
docx = pytest.importorskip("docx")

from tests.documents.test_recommend_cli import setup  # noqa: E402, F401  (the fixture)


def _sheet(path: Path, name: str = "Phần II"):
    wb = openpyxl.load_workbook(path)
    ws = wb[name]
    header = [c.value for c in ws[1]]
    return wb, ws, header


def _plan_workbook(cli, setup, tmp_path) -> Path:  # noqa: F811
    catalog, config = setup
    out = tmp_path / "plan.xlsx"
    code, _, err = _run(cli, catalog, config, "-o", out)
    assert code == 0, err
    return out


def test_the_decision_column_is_a_drop_down_and_the_sheets_print(cli, setup, tmp_path) -> None:  # noqa: F811
    wb, ws, header = _sheet(_plan_workbook(cli, setup, tmp_path))
    column = header.index("Quyết định") + 1
    assert {"Nội dung sửa", "Lý do quyết định", "Mã nhận diện"} <= set(header)
    (validation,) = ws.data_validations.dataValidation
    assert validation.formula1 == '"đồng ý,không đồng ý,sửa"'
    letter = openpyxl.utils.get_column_letter(column)
    assert str(validation.sqref).startswith(f"{letter}2:")
    for sheet in wb.worksheets:
        assert sheet.print_title_rows == "$1:$1", sheet.title
        assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.orientation == "landscape"
    tall = [r for r in range(2, ws.max_row + 1) if (ws.row_dimensions[r].height or 0) > 15]
    assert tall  # wrapped reasons get the height they need


def test_marked_proposals_are_the_only_ones_in_the_plan(cli, setup, tmp_path) -> None:  # noqa: F811
    catalog, config = setup
    workbook = _plan_workbook(cli, setup, tmp_path)
    wb, ws, header = _sheet(workbook)
    col = {name: header.index(name) + 1 for name in header}
    rows = {
        (ws.cell(r, col["Mã số TTHC"]).value, ws.cell(r, col["Nội dung đề xuất"]).value): r
        for r in range(2, ws.max_row + 1)
    }
    ws.cell(rows["1.001193", "Giảm thời gian giải quyết"], col["Quyết định"]).value = "đồng ý"
    copy = rows["1.001193", "Bỏ yêu cầu bản sao có chứng thực"]
    ws.cell(copy, col["Quyết định"]).value = "sửa"
    ws.cell(copy, col["Nội dung sửa"]).value = "Chấp nhận bản sao điện tử Giấy chứng nhận kết hôn."
    ws.cell(rows["2.000001", "Giảm thời gian giải quyết"], col["Quyết định"]).value = "không đồng ý"
    wb.save(workbook)

    out = tmp_path / "plan.docx"
    code, _, err = _run(cli, catalog, config, "-o", out, "--decisions", workbook)
    assert code == 0, err
    document = docx.Document(str(out))
    items = [p.text for p in document.paragraphs if p.text[:3] in ("a) ", "b) ", "c) ")]
    assert items == [
        "a) Chấp nhận bản sao điện tử Giấy chứng nhận kết hôn.",
        "b) Rút ngắn thời hạn giải quyết từ 10 xuống 9 ngày làm việc (giảm 10 %).",
    ]
    rows_one = [[c.text for c in r.cells] for r in document.tables[1].rows]
    assert [r[1] for r in rows_one if r[0].isdigit()] == ["1.001193"]  # the others were not accepted
    assert "bỏ qua 1 đề xuất không đồng ý" in err


def test_an_unknown_decision_word_names_its_cell(cli, setup, tmp_path) -> None:  # noqa: F811
    catalog, config = setup
    workbook = _plan_workbook(cli, setup, tmp_path)
    wb, ws, header = _sheet(workbook)
    column = header.index("Quyết định") + 1
    ws.cell(3, column).value = "ok"
    wb.save(workbook)
    before = workbook.read_bytes()
    out = tmp_path / "plan.docx"
    code, _, err = _run(cli, catalog, config, "-o", out, "--decisions", workbook)
    letter = openpyxl.utils.get_column_letter(column)
    assert code == 2 and not out.exists()
    assert f"Phần II!{letter}3: quyết định 'ok' không hợp lệ" in err
    assert "đồng ý, không đồng ý, sửa" in err and len(err.strip().splitlines()) == 1
    assert workbook.read_bytes() == before


def test_edit_without_text_names_the_text_cell(cli, setup, tmp_path) -> None:  # noqa: F811
    catalog, config = setup
    workbook = _plan_workbook(cli, setup, tmp_path)
    wb, ws, header = _sheet(workbook)
    ws.cell(2, header.index("Quyết định") + 1).value = "Sửa"
    wb.save(workbook)
    code, _, err = _run(cli, catalog, config, "-o", tmp_path / "p.md", "--decisions", workbook)
    letter = openpyxl.utils.get_column_letter(header.index("Nội dung sửa") + 1)
    assert code == 2 and f"Phần II!{letter}2" in err


def test_a_workbook_that_is_not_a_plan_is_refused(cli, setup, tmp_path) -> None:  # noqa: F811
    from tests.conftest import CATALOGS

    catalog, config = setup
    code, _, err = _run(
        cli, catalog, config, "-o", tmp_path / "p.md", "--decisions", CATALOGS / "kim-bang-2019-2020-annex.xlsx"
    )
    assert code == 2
    assert "không phải bảng tính phương án" in err and len(err.strip().splitlines()) == 1
