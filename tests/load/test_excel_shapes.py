"""#12 item 4: workbook shapes that crashed or lied — and the .ods reading of #10 item 4."""

from __future__ import annotations

from tests.load import office_files as of
from tthc.load import load_file
from tthc.load.excel.layouts import read_excel

HEADER = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Thời hạn giải quyết", "Căn cứ pháp lý"]
NUMBERS = ["(1)", "(2)", "(3)", "(4)", "(5)"]
ROWS = [
    ["1", "2.000635", "Đăng ký khai sinh", "Ngay trong ngày", "Luật Hộ tịch số 60/2014/QH13"],
    ["2", "1.001193", "Đăng ký khai tử", "Ngay trong ngày", ""],
    ["3", "1.004873", "Đăng ký kết hôn", "03 ngày làm việc", "Luật Hôn nhân và gia đình số 52/2014/QH13"],
]


def test_an_empty_vertical_merge_below_the_table_does_not_crash(tmp_path):
    path = of.xlsx(tmp_path / "gop.xlsx", [HEADER, *ROWS], merges=("E9:E14",))
    result = load_file(path)
    assert [p.code for p in result.catalog.procedures] == ["2.000635", "1.001193", "1.004873"]


def test_a_header_repeated_mid_table_is_not_a_procedure(tmp_path):
    # an annex that went through Word or PDF repeats its header and numbering row on each page
    rows = [HEADER, NUMBERS, ROWS[0], ROWS[1], HEADER, NUMBERS, ROWS[2]]
    result = load_file(of.xlsx(tmp_path / "lap.xlsx", rows))
    assert [p.code for p in result.catalog.procedures] == ["2.000635", "1.001193", "1.004873"]
    assert not [i for i in result.issues if i.kind in ("row-without-name", "ignored-row")]


def test_a_header_repeated_with_other_line_breaks_is_still_a_header(tmp_path):
    again = ["STT", "Mã\nTTHC", "Tên thủ tục\nhành chính", "Thời hạn\ngiải quyết", "Căn cứ\npháp lý"]
    result = load_file(of.xlsx(tmp_path / "lap.xlsx", [HEADER, ROWS[0], again, ROWS[1]]))
    assert [p.code for p in result.catalog.procedures] == ["2.000635", "1.001193"]


def test_a_procedure_named_like_a_header_word_is_kept(tmp_path):
    rows = [HEADER, ["1", "1.000001", "Thời hạn giải quyết", "05 ngày", "Luật 1/2020/QH14"]]
    assert [p.name for p in load_file(of.xlsx(tmp_path / "ten.xlsx", rows)).catalog.procedures] == [
        "Thời hạn giải quyết"
    ]


def test_excel_error_cells_in_the_code_column_are_reported_with_their_cell(tmp_path):
    rows = [HEADER, ["1", "#N/A", "Đăng ký khai sinh", "05 ngày", ""], ["2", "#REF!", "Đăng ký khai tử", "", ""]]
    result = load_file(of.xlsx(tmp_path / "loi.xlsx", rows))  # openpyxl stores these as error cells
    errors = [i for i in result.issues if i.kind == "error-cell"]
    assert [(i.source.cell, i.value) for i in errors] == [("B2", "#N/A"), ("B3", "#REF!")]
    assert "không có mã" in errors[0].message
    assert [p.name for p in result.catalog.procedures] == ["Đăng ký khai sinh", "Đăng ký khai tử"]


def test_a_text_cell_that_looks_like_an_error_is_not_an_error_cell(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(["1", "1.000001", "Thủ tục #N/A", "05 ngày", ""])
    wb.save(tmp_path / "chu.xlsx")
    assert not [i for i in load_file(tmp_path / "chu.xlsx").issues if i.kind == "error-cell"]


def test_ods_numbering_row_is_not_a_procedure(tmp_path):
    # LibreOffice writes no merge list calamine can read: the numbering row came out as a procedure
    path = of.ods(
        tmp_path / "phu-luc.ods", [HEADER, [""] * 5, NUMBERS, *ROWS], spans={(0, c): (2, 1) for c in range(5)}
    )
    read = read_excel(path)
    assert [r.values["code"] for r in read.records] == ["2.000635", "1.001193", "1.004873"]


def test_ods_merged_legal_basis_belongs_to_every_row_it_covers(tmp_path):
    rows = [HEADER, *ROWS]
    rows[2] = [*ROWS[1][:4], ""]
    rows[1] = [*ROWS[0][:4], "Luật Hộ tịch số 60/2014/QH13"]
    path = of.ods(tmp_path / "gop.ods", rows, spans={(1, 4): (2, 1)})
    procedures = load_file(path).catalog.procedures
    assert [[r.number for r in p.legal_basis] for p in procedures] == [
        ["60/2014/QH13"],
        ["60/2014/QH13"],
        ["52/2014/QH13"],
    ]
    assert procedures[1].legal_basis[0].source.cell == "E2"  # the merged cell, where the text is


def test_ods_error_cells_are_reported(tmp_path):
    path = of.ods(tmp_path / "loi.ods", [HEADER, ["1", "", "Đăng ký khai sinh", "05 ngày", ""]])
    of.rewrite_part(
        path,
        "content.xml",
        lambda t: t.replace(
            "<table:table-cell></table:table-cell><table:table-cell office:value-type",
            '<table:table-cell calcext:value-type="error" '
            'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0">'
            "<text:p>#N/A</text:p></table:table-cell><table:table-cell office:value-type",
            1,
        ),
    )
    issues = [i for i in load_file(path).issues if i.kind == "error-cell"]
    assert [(i.source.cell, i.value) for i in issues] == [("B2", "#N/A")]
