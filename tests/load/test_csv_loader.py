"""CSV catalogs read with the Excel layouts' own logic: a CSV save of a sheet gives the same catalog."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.conftest import CATALOGS, FIXTURES
from tthc.lifecycle.convert.plain import plain
from tthc.load import LoadError, load_file

ANNEX = CATALOGS / "kim-bang-2019-2020-annex.xlsx"
PORTAL = FIXTURES / "realdata" / "danh-sach-tthc-BoTuPhap.xlsx"


def save_as_csv(xlsx: Path, out: Path, *, encoding: str = "utf-8-sig", delimiter: str = ",") -> Path:
    """What Excel's Save As > CSV UTF-8 writes: the first sheet's shown values, merges lost."""
    import python_calamine as pc

    book = pc.CalamineWorkbook.from_path(str(xlsx))
    rows = book.get_sheet_by_name(book.sheet_names[0]).to_python(skip_empty_area=False)
    with out.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        for row in rows:
            writer.writerow([_shown(v) for v in row])
    return out


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def model(path: Path) -> dict:
    data = plain(load_file(path).catalog)
    data.pop("layout")  # positions and the file name are not part of plain()
    return data


@pytest.mark.parametrize("source", [ANNEX, PORTAL], ids=lambda p: p.name)
def test_csv_save_reads_as_the_workbook(tmp_path: Path, source: Path) -> None:
    """Title rows, the two-row header (merges lost in CSV), the (1)…(8) numbering row and the
    section rows of the annex; the 271 rows of the real portal export."""
    out = save_as_csv(source, tmp_path / f"{source.stem}.csv")
    assert model(out) == model(source)
    catalog = load_file(out).catalog
    assert catalog.layout == load_file(source).catalog.layout
    assert len(catalog.procedures) == {ANNEX: 16, PORTAL: 271}[source]


def test_csv_without_bom_and_with_semicolons(tmp_path: Path) -> None:
    out = save_as_csv(ANNEX, tmp_path / "annex.csv", encoding="utf-8", delimiter=";")
    assert model(out) == model(ANNEX)


def test_codes_stay_text_and_positions_name_the_cell(tmp_path: Path) -> None:
    path = tmp_path / "tinh.csv"
    path.write_text(
        "Mã số,Tên,Cơ quan thực hiện,Lĩnh vực\n2.001000,Thủ tục A,UBND xã,Hộ tịch\n1.004194,,UBND xã,Hộ tịch\n",
        encoding="utf-8",
    )
    result = load_file(path)
    (p,) = result.catalog.procedures
    assert p.code == "2.001000"
    (error,) = result.errors
    assert error.kind == "missing-name"
    assert str(error.source) == f"{path} tinh, dòng 3"  # the sheet is named after the file, as Excel names it


def test_not_utf8_is_one_clear_line(cli, tmp_path: Path) -> None:
    path = tmp_path / "ansi.csv"
    path.write_bytes("STT,Tên\n1,Đăng\n".encode("cp1258"))  # Excel's "CSV (Comma delimited)" on a Vietnamese Windows
    with pytest.raises(LoadError, match="UTF-8") as error:
        load_file(path)
    assert "CSV UTF-8" in str(error.value) and f"{path}:1" in str(error.value)
    code, out, err = cli("validate", path)
    assert code == 2 and "UTF-8" in out + err


def test_csv_with_no_procedure_header_says_what_it_needs(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(LoadError, match="không tìm thấy dòng tiêu đề cột"):
        load_file(path)
