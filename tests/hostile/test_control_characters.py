"""Control characters in catalog text: removed at load, reported with their position, never breaking an output."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.conftest import write_yaml_catalog
from tthc.load import load_file
from tthc.text import clean, printable, split_lines

# Double-quoted YAML escapes: BEL, a terminal "clear screen" + "set title" sequence, U+FFFE, CSI.
PROCEDURES = (
    '  - code: "1.000001"\n'
    '    name: "Đăng ký khai sinh\\a"\n'
    '    field: "\\e[2J\\e]0;pwned\\aHộ tịch"\n'
    '    legal_basis: ["Luật Hộ tịch số 60/2014/QH13\\uFFFE"]\n'
    '    documents: ["Tờ khai\\x07", "Giấy chứng sinh\\u009b31m"]\n'
    '    fees: "Lệ phí: 10.000 đồng\\x1b[0m"\n'
    "  - name: Thủ tục thứ hai\n"
)


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    return write_yaml_catalog(tmp_path / "ctl.yaml", PROCEDURES, '  name: "Danh mục\\a thử"\n')


def test_they_are_removed_and_reported_where_they_were(catalog: Path) -> None:
    result = load_file(catalog)
    p = result.catalog.procedures[0]
    assert p.name == "Đăng ký khai sinh" and p.field == "[2J]0;pwnedHộ tịch"  # the visible text stays
    assert [d.name for d in p.documents] == ["Tờ khai", "Giấy chứng sinh31m"]
    assert result.catalog.name == "Danh mục thử"
    found = {(i.kind, str(i.source).rsplit("/", 1)[-1]) for i in result.issues}
    assert ("control-character", "ctl.yaml:3:9") in found  # catalog.name
    assert ("control-character", "ctl.yaml:6:11") in found  # the procedure's name
    field = next(i for i in result.issues if "'field'" in i.message)
    assert "U+001B ESC ở ký tự 1" in field.message and "U+0007 BEL ở ký tự 14" in field.message
    assert "\x1b" not in field.value and "\\x1b" in field.value  # shown escaped, never obeyed
    assert not result.errors


@pytest.mark.parametrize(
    "args",
    [
        ("handbook", "{cat}", "-o", "{tmp}/so-tay.docx"),
        ("recommend", "{cat}", "-o", "{tmp}/phuong-an.docx"),
        ("recommend", "{cat}", "-o", "{tmp}/phuong-an.xlsx"),
        ("diff", "{cat}", "{old}", "-o", "{tmp}/phu-luc.docx"),
        ("diff", "{cat}", "{old}", "-o", "{tmp}/phu-luc.xlsx"),
        ("convert", "{cat}", "{tmp}/so.xlsx"),
        ("convert", "{cat}", "{tmp}/lai.yaml"),
        ("publish", "{cat}", "-o", "{tmp}/site"),
        ("check", "{cat}", "-f", "sarif", "-o", "{tmp}/ket-qua.sarif"),
    ],
    ids=lambda a: "-".join(a[:1] + a[-1:]).replace("{tmp}/", ""),
)
def test_no_output_breaks(cli, tmp_path: Path, catalog: Path, args) -> None:
    old = write_yaml_catalog(tmp_path / "old.yaml", "  - code: '1.000001'\n    name: Đăng ký khai sinh\n")
    argv = [a.format(cat=catalog, old=old, tmp=tmp_path) for a in args]
    code, out, err = cli(*argv)
    assert code in (0, 1), err
    assert "\x1b" not in out + err and "\x07" not in out + err
    written = Path(argv[-1])
    assert written.exists()
    if written.suffix == ".xlsx":
        for sheet in openpyxl.load_workbook(written).worksheets:
            for row in sheet.iter_rows(values_only=True):
                assert not any(isinstance(v, str) and ("\x07" in v or "\ufffe" in v) for v in row)


def test_a_cell_with_them_is_reported_with_its_address(cli, tmp_path: Path, catalog: Path) -> None:
    """Excel stores them as _x0007_ escapes; calamine decodes them into the characters."""
    book = tmp_path / "so.xlsx"
    assert cli("convert", write_yaml_catalog(tmp_path / "a.yaml", "  - name: Thủ tục\n"), book)[0] == 0
    wb = openpyxl.load_workbook(book)
    wb["Thủ tục"]["B2"] = "Thủ tục_x0007_ có chuông_x001B_[31m"
    wb.save(book)
    result = load_file(book)
    assert result.catalog.procedures[0].name == "Thủ tục có chuông[31m"
    issue = next(i for i in result.issues if i.kind == "control-character")
    assert str(issue.source).endswith("Thủ tục!B2 (Tên thủ tục hành chính)")
    code, out, err = cli("validate", book)
    assert code == 0 and "control-character" in out + err and "\x1b" not in out + err


def test_clean_and_printable() -> None:
    assert clean("a\x07b\x1bc\ufffe\x9bd") == "abcd"
    assert clean("a\x0bb\x0cc") == "a b c"  # blank-like controls are spaces, as before
    assert split_lines("một\x07\nhai\x1b") == ["một", "hai"]
    assert printable("x\x1b[2Jy\x07") == "x\\x1b[2Jy\\x07" and printable("Hộ tịch") == "Hộ tịch"
    assert clean("Đăng ký khai sinh") == "Đăng ký khai sinh"  # tidy text untouched (fast path)
