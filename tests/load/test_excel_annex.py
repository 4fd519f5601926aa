"""Publication-decision annexes (Phụ lục danh mục): title rows, merged headers, sections."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import openpyxl

from tthc.load.excel.layouts import read_excel
from tthc.load.record import SOURCE_KEY

TITLE = [
    ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["Độc lập - Tự do - Hạnh phúc"],
    ["PHỤ LỤC"],
    ["DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ TƯ PHÁP"],
    ["(Ban hành kèm theo Quyết định số 1234/QĐ-UBND ngày 15/3/2020 của Chủ tịch UBND tỉnh Hà Nam)"],
]


def write(path: Path, rows: list[list], merges: tuple[str, ...] = (), sheet: str = "Phụ lục") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    for cells in merges:
        ws.merge_cells(cells)
    wb.save(path)
    return path


def annex(tmp_path: Path) -> Path:
    """Title rows 1-5, a blank row, a two-row merged header (7-8), numbering row 9."""
    nfd = unicodedata.normalize("NFD", "Đăng ký khai sinh")
    rows = [
        *TITLE,
        [],
        [
            "STT",
            "Mã số\nTTHC",
            "Tên thủ tục hành chính",
            "Thời hạn giải quyết",
            "Địa điểm thực hiện",
            "Phí, lệ phí",
            None,
            "Căn cứ pháp lý",
            "Người cập nhật",
        ],
        [None, None, None, None, None, "Phí", "Lệ phí", None, None],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)"],
        ["A. THỦ TỤC HÀNH CHÍNH CẤP TỈNH"],
        ["I", "Lĩnh vực Hộ tịch"],
        [1, "2.001000", nfd, "05 ngày làm việc", "Sở Tư pháp", "", "Lệ phí: 50.000 đồng", "Luật Hộ tịch 2014", "x1"],
        [2, "1.004194", "Thay đổi, cải chính hộ tịch", "03 ngày", "Sở Tư pháp", "Phí: 0 đồng", "", "", ""],
        ["II", "Lĩnh vực Chứng thực"],
        [1, "1.000001", "Chứng thực bản sao", "Trong ngày", "Sở Tư pháp", "", "2.000 đồng/trang", "NĐ 23/2015", ""],
        ["B. THỦ TỤC HÀNH CHÍNH CẤP XÃ"],
        [1, "1.000002", "Đăng ký kết hôn", "Ngay trong ngày", "UBND cấp xã", "", "", "Luật Hôn nhân", "x2"],
        [None, None, None, None, None, None, None, "Nghị định 123/2015/NĐ-CP", None],
        [2, "1.000003", "Đăng ký giám hộ", "03 ngày làm việc", "UBND cấp xã", "", "", "Luật Hộ tịch", ""],
        [3, "1.000004", "Đăng ký nhận cha, mẹ, con", "03 ngày làm việc", "UBND cấp xã", "", "", None, ""],
        ["Ghi chú: thủ tục có dấu (*) được thực hiện liên thông"],
    ]
    merges = (
        "A1:I1",
        "A7:A8",
        "B7:B8",
        "C7:C8",
        "D7:D8",  # "Thời hạn giải quyết" merged down across both header rows
        "E7:E8",
        "F7:G7",  # "Phí, lệ phí" over "Phí" | "Lệ phí"
        "H7:H8",
        "I7:I8",
        "A10:I10",  # section merged across the table
        "A17:A18",  # one procedure over two rows (STT, code, name merged down)
        "B17:B18",
        "C17:C18",
        "H19:H20",  # one legal basis for two procedures
    )
    return write(tmp_path / "phu-luc.xlsx", rows, merges)


def by_code(read):
    return {r.values.get("code"): r for r in read.records}


def test_title_rows_give_the_decision_issuer_and_locality(tmp_path):
    read = read_excel(annex(tmp_path))
    assert read.layout == "annex"
    assert read.meta["decision"] == {"number": "1234/QĐ-UBND", "date": dt.date(2020, 3, 15)}
    assert read.meta["issuer"] == "Chủ tịch UBND tỉnh Hà Nam"
    assert read.meta["locality"] == "Hà Nam"
    assert read.meta["name"].startswith("DANH MỤC THỦ TỤC HÀNH CHÍNH")
    assert read.meta["kind"] == "provincial_list"


def test_two_row_merged_header_and_numbering_row(tmp_path):
    read = read_excel(annex(tmp_path))
    first = by_code(read)["2.001000"]
    assert first.values["processing_time"] == "05 ngày làm việc"
    assert first.values["fees"] == "Lệ phí: 50.000 đồng"  # the "Lệ phí" sub-column
    assert first.sources["fees"].cell == "G12"
    assert first.sources["processing_time"].column_title == "Thời hạn giải quyết"
    assert str(first.sources["legal_basis"]).endswith("Phụ lục!H12 (Căn cứ pháp lý)")
    second = by_code(read)["1.004194"]
    assert second.values["fees"] == "Phí: 0 đồng"
    assert len(read.records) == 6


def test_sections_set_levels_and_field(tmp_path):
    read = read_excel(annex(tmp_path))
    codes = by_code(read)
    assert codes["2.001000"].values["levels"] == "Cấp tỉnh"
    assert codes["2.001000"].values["field"] == "Hộ tịch"
    assert codes["2.001000"].sources["field"].cell == "B11"
    assert codes["1.000001"].values["field"] == "Chứng thực"
    assert codes["1.000002"].values["levels"] == "Cấp xã"
    assert "field" not in codes["1.000002"].values  # a new level resets the field


def test_nfd_text_is_nfc_and_codes_stay_text(tmp_path):
    read = read_excel(annex(tmp_path))
    first = by_code(read)["2.001000"]
    assert first.values["name"] == "Đăng ký khai sinh"
    assert unicodedata.is_normalized("NFC", first.values["name"])


def test_merged_rows_and_merged_values(tmp_path):
    codes = by_code(read_excel(annex(tmp_path)))
    # code/name merged over rows 17-18: one procedure, both legal-basis lines
    assert codes["1.000002"].values["legal_basis"] == ["Luật Hôn nhân", "Nghị định 123/2015/NĐ-CP"]
    assert codes["1.000002"].source.row == 17
    # legal basis merged over rows 19-20: both procedures have it, pointing at H19
    assert codes["1.000004"].values["legal_basis"] == ["Luật Hộ tịch"]
    assert codes["1.000004"].sources["legal_basis"].cell == "H19"


def test_vertical_merge_in_a_value_column_is_shared(tmp_path):
    rows = [
        ["STT", "Mã TTHC", "Tên TTHC", "Căn cứ pháp lý"],
        [1, "1.000003", "Đăng ký giám hộ", "Luật Hộ tịch 2014"],
        [2, "1.000004", "Đăng ký nhận cha, mẹ, con", None],
    ]
    read = read_excel(write(tmp_path / "a.xlsx", rows, ("D2:D3",)))
    second = read.records[1]
    assert second.values["legal_basis"] == ["Luật Hộ tịch 2014"]
    assert second.sources["legal_basis"].cell == "D2"


def test_unknown_column_kept_and_reported_once(tmp_path):
    read = read_excel(annex(tmp_path))
    codes = by_code(read)
    assert codes["2.001000"].values["extra"] == {"Người cập nhật": "x1"}
    assert codes["1.000002"].values["extra"]["Người cập nhật"] == "x2"
    unknown = [i for i in read.sink.issues if i.kind == "unknown-column"]
    assert len(unknown) == 1
    assert unknown[0].source.cell == "I7"
    assert "Người cập nhật" in unknown[0].message


def test_footnote_row_is_not_a_section(tmp_path):
    read = read_excel(annex(tmp_path))
    ignored = [i for i in read.sink.issues if i.kind == "ignored-row"]
    assert [i.source.row for i in ignored] == [21]


def test_annex_with_steps_and_documents_is_full(tmp_path):
    rows = [
        ["PHỤ LỤC"],
        ["STT", "Mã TTHC", "Tên TTHC", "Trình tự thực hiện", "Thành phần hồ sơ", "Thời hạn"],
        [1, "1.000001", "A", "Bước 1\nBước 2", "Tờ khai\nBản sao CCCD", "5 ngày"],
    ]
    read = read_excel(write(tmp_path / "full.xlsx", rows))
    assert read.meta["kind"] == "full"
    assert read.records[0].values["steps"] == ["Bước 1", "Bước 2"]
    assert read.records[0].values["documents"] == ["Tờ khai", "Bản sao CCCD"]


def test_header_variants_and_extra_columns(tmp_path):
    rows = [
        ["  mã THỦ TỤC ", "TÊN THỦ TỤC HÀNH CHÍNH (TTHC)", "Căn cứ pháp lý của TTHC", "Cơ chế", "Mức độ DVC"],
        ["1.000001", "A", "Luật X", "Một cửa", "Toàn trình"],
    ]
    read = read_excel(write(tmp_path / "v.xlsx", rows))
    values = read.records[0].values
    assert values["legal_basis"] == ["Luật X"]
    assert values["mechanism"] == "Một cửa"
    assert values["online_service"] == "Toàn trình"


def test_channel_methods_and_agency_roles(tmp_path):
    rows = [
        ["Mã TTHC", "Tên TTHC", "Cách thức thực hiện", "Cơ quan thực hiện", "Cơ quan phối hợp"],
        ["1.000001", "A", "Trực tiếp\nTrực tuyến; Bưu chính", "Sở Tư pháp", "Công an tỉnh\nSở Y tế"],
    ]
    values = read_excel(write(tmp_path / "c.xlsx", rows)).records[0].values
    assert [c["method"] for c in values["channels"]] == ["Trực tiếp", "Trực tuyến", "Bưu chính"]
    assert values["channels"][0][SOURCE_KEY].cell == "C2"
    assert [(a["name"], a["role"]) for a in values["agencies"]] == [
        ("Sở Tư pháp", "implementing"),
        ("Công an tỉnh", "coordinating"),
        ("Sở Y tế", "coordinating"),
    ]


def test_numbered_name_only_row_is_a_procedure_not_a_section(tmp_path):
    rows = [
        ["STT", "Tên thủ tục hành chính", "Thời hạn giải quyết"],
        [1, "Cấp giấy phép hoạt động cấp tỉnh", None],
        [2, "Đăng ký hoạt động", "05 ngày"],
    ]
    read = read_excel(write(tmp_path / "n.xlsx", rows))
    assert [r.values["name"] for r in read.records] == ["Cấp giấy phép hoạt động cấp tỉnh", "Đăng ký hoạt động"]
    assert "levels" not in read.records[1].values


def test_procedure_sheet_is_found_by_scoring(tmp_path):
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "Hướng dẫn"
    notes.append(["Tên", "Ghi chú"])  # a weak candidate
    notes.append(["Điền danh mục ở sheet sau", ""])
    hidden = wb.create_sheet("Ẩn")
    hidden.append(["Mã TTHC", "Tên TTHC", "Lĩnh vực", "Căn cứ pháp lý"])
    hidden.append(["9.000009", "Thủ tục cũ", "X", "Y"])
    hidden.sheet_state = "hidden"
    ws = wb.create_sheet("Danh mục TTHC")
    ws.append(["Tiêu đề"])
    ws.append(["Mã TTHC", "Tên TTHC", "Thời hạn giải quyết"])
    ws.append(["1.000001", "Đăng ký khai sinh", "05 ngày"])
    wb.save(tmp_path / "s.xlsx")
    read = read_excel(tmp_path / "s.xlsx")
    assert [r.values["code"] for r in read.records] == ["1.000001"]
    assert read.records[0].source.sheet == "Danh mục TTHC"


def test_annex_through_the_builder(tmp_path):
    from tthc.load.excel.layouts import load_excel
    from tthc.model import CatalogKind, Level

    result = load_excel(annex(tmp_path))
    catalog = result.catalog
    assert catalog.layout == "annex" and catalog.kind is CatalogKind.PROVINCIAL_LIST
    assert catalog.decision.number == "1234/QĐ-UBND" and catalog.decision.date == dt.date(2020, 3, 15)
    assert catalog.locality == "Hà Nam"
    first = catalog.procedures[0]
    assert (first.code, first.name, first.field, first.levels) == (
        "2.001000",
        "Đăng ký khai sinh",
        "Hộ tịch",
        [Level.PROVINCE],
    )
    assert first.longest_working_days() == 5
    assert first.source_of("levels").cell == "A10"
    assert [p.levels for p in catalog.procedures[3:]] == [[Level.COMMUNE]] * 3
