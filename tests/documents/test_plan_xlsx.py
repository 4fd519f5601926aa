"""The .xlsx plan read back with openpyxl: sheets, frozen headers, filters, chart, text never a formula."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.documents.conftest import FORMULA_NAME, PHONE_CODE
from tthc.office.xlsx import neutralise
from tthc.report.xlsx_plan import SHEETS, write_xlsx

openpyxl = pytest.importorskip("openpyxl")


@pytest.fixture
def workbook(plan, tmp_path: Path):
    path = tmp_path / "plan.xlsx"
    write_xlsx(plan, path)
    return openpyxl.load_workbook(path)


def test_sheets_frozen_headers_and_filters(workbook) -> None:
    assert workbook.sheetnames == list(SHEETS) == ["Phần I", "Phần II", "Cập nhật danh mục", "Phát hiện", "Tổng hợp"]
    for ws in workbook.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), ws.title
        assert ws["A2"].alignment.wrap_text or ws.max_row == 1
        assert ws.column_dimensions["B"].width > 8


def test_part_one_rows_and_costs(workbook) -> None:
    ws = workbook["Phần I"]
    header = [c.value for c in ws[1]]
    assert header[:7] == [
        "STT",
        "Danh mục",
        "Lĩnh vực",
        "Mã số TTHC",
        "Tên TTHC",
        "Văn bản quy định",
        "Nội dung đề xuất",
    ]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    birth = next(r for r in rows if r[3] == "1.001193")
    assert birth[7:11] == [32000000, 28800000, 3200000, 10]
    assert ws.cell(row=2, column=8).number_format == "#,##0"
    unknown = next(r for r in rows if r[3] == PHONE_CODE)
    assert unknown[7] == "chưa rõ"  # never 0


def test_findings_sheet_lists_every_finding_with_its_position(workbook, plan) -> None:
    ws = workbook["Phát hiện"]
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in ws.iter_rows(min_row=2)]
    assert len(rows) == len(plan.findings)  # the consistency finding too
    assert {r["Quy tắc"] for r in rows} >= {"invalid-code-format", "processing-time-reducible"}
    assert all(r["Tệp"] and r["Tệp"].endswith("dong-nai.yaml") for r in rows)
    assert all(str(r["Vị trí"]).startswith("dòng ") for r in rows)


def test_summary_counts_and_native_chart(workbook) -> None:
    ws = workbook["Tổng hợp"]
    counts = {
        row[2].value: row[4].value for row in ws.iter_rows(min_row=2) if row[0].value and row[0].value.startswith("TT")
    }
    assert counts["processing-time-reducible"] == 1
    assert sum(counts.values()) == 6
    (chart,) = ws._charts
    # the chart's categories are the Vietnamese labels of column B, not rule ids
    ref = chart.series[0].cat.strRef or chart.series[0].cat.numRef
    assert "$B$" in ref.f
    labels = [row[1].value for row in ws.iter_rows(min_row=2) if row[0].value and row[0].value.startswith("TT")]
    assert "Có thể rút ngắn thời hạn giải quyết" in labels and "processing-time-reducible" not in labels
    values = [c.value for row in ws.iter_rows() for c in row]
    assert "Theo lĩnh vực" in values and "Tổng cộng" in values


def test_text_that_looks_like_a_formula_stays_text(workbook) -> None:
    seen = set()
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula: {cell.value!r}"
                if isinstance(cell.value, str) and cell.value[:1] in "=+-@":
                    assert cell.data_type == "s"
                    assert cell.quotePrefix
                    seen.add(cell.value)
    assert FORMULA_NAME in seen
    assert PHONE_CODE in seen
    assert "@Chứng thực" in seen
    assert "-chưa có dịch vụ công trực tuyến" in seen


def test_csv_neutralisation() -> None:
    assert neutralise("=1+1") == "'=1+1"
    assert neutralise("+84 912") == "'+84 912"
    assert neutralise("Đăng ký") == "Đăng ký"
