"""Files the Excel loader must refuse with one clear line, and cell-level problems it reports."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import pytest

from tthc.load.base import IssueSeverity, LoadError
from tthc.load.excel.layouts import read_excel

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "excel"


def write(path: Path, rows: list[list], sheet: str = "Sheet1", formats: dict[str, str] | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    for cell, number_format in (formats or {}).items():
        ws[cell].number_format = number_format
    wb.save(path)
    return path


def write_ods(path: Path, rows: list[list[str]]) -> Path:
    """A minimal OpenDocument spreadsheet (no office suite needed)."""
    body = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{escape(v)}</text:p></table:table-cell>' for v in row
        )
        + "</table:table-row>"
        for row in rows
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="Danh mục TTHC">{body}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        zf.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


def load_error(path: Path, lang: str = "vi") -> str:
    with pytest.raises(LoadError) as info:
        read_excel(path)
    text = info.value.text(lang)
    assert "\n" not in text
    assert str(path) in text
    return text


# -- fatal ---------------------------------------------------------------------------------


def test_text_file_named_xlsx(tmp_path):
    path = tmp_path / "danh-muc.xlsx"
    path.write_text("Mã TTHC;Tên TTHC\n1.000001;Đăng ký khai sinh\n", encoding="utf-8")
    assert "không phải bảng tính Excel" in load_error(path)


def test_truncated_xlsx(tmp_path):
    good = write(tmp_path / "good.xlsx", [["Mã TTHC", "Tên TTHC"], ["1.000001", "A"]])
    path = tmp_path / "cut.xlsx"
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert "bị hỏng hoặc không trọn vẹn" in load_error(path)


def test_password_protected_xlsx():
    # A real Office-encrypted workbook (password "tthc"): an OLE2 container holding
    # EncryptionInfo + EncryptedPackage streams. See tests/fixtures/excel/README.md.
    text = load_error(FIXTURES / "password-protected.xlsx")
    assert "mật khẩu" in text and "gỡ mật khẩu" in text


def test_password_protected_in_english(tmp_path):
    text = load_error(FIXTURES / "password-protected.xlsx", "en")
    assert "password-protected" in text and "remove the password" in text


def test_empty_workbook(tmp_path):
    assert "bảng tính trống" in load_error(write(tmp_path / "empty.xlsx", []))


def test_no_recognisable_header_names_expected_headers(tmp_path):
    path = write(tmp_path / "x.xlsx", [["Họ và tên", "Ngày sinh"], ["Nguyễn Văn A", "1/1/1990"]], sheet="Nhân sự")
    text = load_error(path)
    assert "không tìm thấy dòng tiêu đề cột" in text
    assert "Mã TTHC" in text and "Tên thủ tục hành chính" in text
    assert "Nhân sự" in text


def test_duplicate_header_columns_name_both_cells(tmp_path):
    path = write(
        tmp_path / "dup.xlsx", [["Mã TTHC", "Tên TTHC", "Thời hạn", "Tên thủ tục"], ["1.000001", "A", "", "B"]]
    )
    text = load_error(path)
    assert "Sheet1!B1" in text and "Sheet1!D1" in text
    assert "Tên TTHC" in text and "Tên thủ tục" in text


def test_foreign_zip(tmp_path):
    path = tmp_path / "not-a-sheet.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    assert "không phải bảng tính" in load_error(path)


def test_the_input_file_is_never_modified(tmp_path):
    path = write(tmp_path / "a.xlsx", [["Mã TTHC", "Tên TTHC"], [1.0012, "A"], ["1.000002", "B"]])
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    mtime = path.stat().st_mtime_ns
    read_excel(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert path.stat().st_mtime_ns == mtime


# -- readable, with issues -----------------------------------------------------------------


def test_code_stored_as_number_is_an_error_with_its_cell(tmp_path):
    path = write(tmp_path / "n.xlsx", [["Mã TTHC", "Tên TTHC"], [1.0012, "Đăng ký khai sinh"]])
    read = read_excel(path)
    assert read.records[0].values["code"] == "1.0012"  # as Excel shows it, not "guessed"
    (issue,) = [i for i in read.sink.issues if i.kind == "code-as-number"]
    assert issue.severity is IssueSeverity.ERROR
    assert issue.source.cell == "A2" and issue.source.column_title == "Mã TTHC"
    assert "lưu dạng số" in issue.message and "1.001200" in issue.message  # a hint, never applied


def test_code_stored_as_number_keeps_the_displayed_digits(tmp_path):
    path = write(tmp_path / "n.xlsx", [["Mã TTHC", "Tên TTHC"], [1.0012, "A"]], formats={"A2": "0.000000"})
    read = read_excel(path)
    assert read.records[0].values["code"] == "1.001200"
    assert [i.kind for i in read.sink.issues] == ["code-as-number"]


def test_codes_as_text_survive_exactly(tmp_path):
    rows = [["Mã TTHC", "Tên TTHC"], ["2.001000", "A"], ["1.012753.H19", "B"], ["  1.000100 ", "C"]]
    read = read_excel(write(tmp_path / "t.xlsx", rows))
    assert [r.values["code"] for r in read.records] == ["2.001000", "1.012753.H19", "1.000100"]
    assert not read.sink.issues


def test_row_with_data_but_no_code_or_name_is_reported(tmp_path):
    rows = [
        ["Mã TTHC", "Tên TTHC", "Thời hạn giải quyết", "Phí, lệ phí"],
        ["1.000001", "A", "", ""],
        ["", "", "5 ngày", "0"],
    ]
    read = read_excel(write(tmp_path / "r.xlsx", rows))
    assert len(read.records) == 1
    (issue,) = read.sink.issues
    assert issue.kind == "row-without-name" and issue.source.row == 3


def test_code_without_name_is_passed_on(tmp_path):
    read = read_excel(write(tmp_path / "c.xlsx", [["Mã TTHC", "Tên TTHC"], ["1.000001", ""]]))
    assert read.records[0].values == {"code": "1.000001"}


def test_ods_is_read(tmp_path):
    rows = [["Mã TTHC", "Tên TTHC", "Cơ quan thực hiện"], ["2.001000", "Đăng ký khai sinh", "UBND cấp xã\nCông an xã"]]
    read = read_excel(write_ods(tmp_path / "danh-muc.ods", rows))
    assert read.records[0].values["code"] == "2.001000"
    assert read.records[0].sources["name"].cell == "B2"
