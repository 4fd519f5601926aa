"""`--format csv`: one row per finding, Vietnamese headers, BOM in files, formulas neutralised."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.nightly.catalogs import SELECT, complete, defective, write_catalog
from tthc.report.csv_report import neutralise


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_rows_and_vietnamese_header_on_stdout_without_bom(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_catalog(tmp_path / "c.yaml", defective())
    code, out, _ = cli("check", "c.yaml", "--select", SELECT, "--format", "csv")
    assert code == 1
    assert not out.startswith("\ufeff")
    header, *rows = _rows(out)
    assert header[:5] == ["Tệp", "Dòng", "Ô", "Mã TTHC", "Tên thủ tục hành chính"]
    assert len(rows) == 4
    assert {r[header.index("Mã quy tắc")] for r in rows} == {"TT101", "TT102", "TT401", "TT403"}
    assert all(r[header.index("Tệp")] == "c.yaml" for r in rows)


def test_file_output_has_a_bom_and_english_header(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_catalog(tmp_path / "c.yaml", defective())
    code, out, _ = cli("check", "c.yaml", "--select", SELECT, "--format", "csv", "-o", "out.csv", "--lang", "en")
    assert code == 1
    assert out == ""
    data = (tmp_path / "out.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    header, *rows = _rows(data.decode("utf-8-sig"))
    assert header[0] == "File" and "Procedure code" in header
    assert len(rows) == 4


def test_formula_cells_are_neutralised(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    bad = complete("1.0008", '=HYPERLINK("http://x","bấm")')  # invalid-code-format fires on it
    write_catalog(tmp_path / "c.yaml", [bad])
    _, out, _ = cli("check", "c.yaml", "--select", SELECT, "--format", "csv")
    header, row = _rows(out)
    assert row[header.index("Tên thủ tục hành chính")] == "'" + '=HYPERLINK("http://x","bấm")'
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row)


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
def test_neutralise(cell: str) -> None:
    assert neutralise(cell) == "'" + cell


def test_plain_cells_untouched() -> None:
    assert neutralise("Đăng ký khai sinh") == "Đăng ký khai sinh"
    assert neutralise("") == ""
