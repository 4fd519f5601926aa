"""`tthc convert`: YAML ↔ the full workbook without loss; any readable layout → YAML."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.conftest import CATALOGS, ROOT, write_yaml_catalog
from tthc.convert.plain import plain
from tthc.convert.yaml_writer import catalog_to_yaml
from tthc.load import load_file
from tthc.load import workbook_layout as wl

PORTAL = ROOT / "tests/fixtures/realdata/danh-sach-tthc-BoTuPhap.xlsx"


def _model(path: Path) -> dict:
    data = plain(load_file(path).catalog)
    data.pop("layout")
    return data


@pytest.mark.parametrize("source", [*sorted(CATALOGS.glob("*.yaml")), PORTAL], ids=lambda p: p.name)
def test_yaml_xlsx_yaml_is_identical(cli, tmp_path: Path, source: Path) -> None:
    first = tmp_path / "1.yaml"
    assert cli("convert", source, first)[0] == 0
    xlsx = tmp_path / "2.xlsx"
    code, _, err = cli("convert", first, xlsx)
    assert code == 0, err
    again = tmp_path / "3.yaml"
    assert cli("convert", xlsx, again)[0] == 0
    assert again.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
    assert _model(xlsx) == _model(first) == _model(source)


def test_real_portal_export_reads_as_written(tmp_path: Path, cli) -> None:
    out = tmp_path / "bo-tu-phap.yaml"
    assert cli("convert", PORTAL, out)[0] == 0
    text = out.read_text(encoding="utf-8")
    assert f"  kind: {load_file(PORTAL).catalog.kind.value}\n" in text  # the kind the loader gives a list export
    assert "  - code: '1.014966'\n    name: Cấp lại chứng chỉ hành nghề Quản tài viên" in text
    assert "      - Chủ tịch ủy ban nhân dân cấp tỉnh\n      - Sở Tư Pháp\n" in text  # one agency per line
    assert len(load_file(out).catalog.procedures) == 271


def test_yaml_is_readable(tmp_path: Path) -> None:
    source = write_yaml_catalog(
        tmp_path / "in.yaml",
        "  - code: 1.001200\n"  # unquoted: kept as text by tthc, quoted when written for other editors
        '    name: "Đăng ký  khai sinh"\n'
        '    notes: "dòng một\\ndòng hai"\n'
        "    reviewed: 1/6/2025\n"
        "    volume: {dossiers_per_year: '1.500', history: [{year: 2025, dossiers: 1500}]}\n"
        '  - {name: "=Thủ tục", fees: yes}\n',
    )
    text = catalog_to_yaml(load_file(source).catalog)
    assert text.startswith("tthc_catalog: 1\n\ncatalog:\n  name: Danh mục thử\n  kind: full\n\nprocedures:\n")
    assert "  - code: '1.001200'\n    name: Đăng ký khai sinh\n" in text  # Vietnamese unescaped, spaces collapsed
    assert "    reviewed: 2025-06-01\n" in text
    assert "    notes: |-\n      dòng một\n      dòng hai\n" in text
    assert (
        "    volume:\n      dossiers_per_year: 1500\n      history:\n        - {year: 2025, dossiers: 1500}\n" in text
    )
    assert "\n\n  - name: =Thủ tục\n    fees: 'yes'\n" in text  # a blank line between procedures


def test_workbook_cells_are_text_dates_and_numbers(tmp_path: Path, cli) -> None:
    source = write_yaml_catalog(
        tmp_path / "in.yaml",
        "  - {code: '1.001200', name: '=HYPERLINK(\"x\")', reviewed: 2025-06-01, volume: 7,\n"
        "     documents: [{name: Tờ khai, originals: 1}]}\n",
    )
    out = tmp_path / "out.xlsx"
    assert cli("convert", source, out)[0] == 0
    wb = openpyxl.load_workbook(out)
    ws = wb[wl.PROCEDURES.name]
    cols = {c.key: i for i, c in enumerate(wl.PROCEDURES.columns, start=1)}
    code = ws.cell(row=2, column=cols["code"])
    assert (code.value, code.data_type) == ("1.001200", "s")
    name = ws.cell(row=2, column=cols["name"])
    assert (name.value, name.data_type) == ('=HYPERLINK("x")', "s")  # text, never a formula
    reviewed = ws.cell(row=2, column=cols["reviewed"])
    assert reviewed.is_date and reviewed.number_format == "DD/MM/YYYY"
    assert ws.cell(row=2, column=cols["dossiers_per_year"]).value == 7
    docs = wb[wl.DOCUMENTS.name]
    assert [c.value for c in docs[2]][:4] == ["1.001200", None, "Tờ khai", 1]


def test_errors_and_refusals(cli, tmp_path: Path) -> None:
    bad = write_yaml_catalog(tmp_path / "bad.yaml", "  - {code: '1.000001'}\n")  # no name: an error
    code, _, err = cli("convert", bad, tmp_path / "out.xlsx")
    assert code == 2 and "tthc validate" in err and not (tmp_path / "out.xlsx").exists()
    good = write_yaml_catalog(tmp_path / "good.yaml", "  - {name: Đăng ký khai sinh}\n")
    assert cli("convert", good, tmp_path / "out.csv")[0] == 2
    code, _, err = cli("convert", good, good, "--force")
    assert code == 2 and "đầu vào" in err
    before = good.read_bytes()
    assert cli("convert", good, tmp_path / "out.yaml")[0] == 0
    code, _, err = cli("convert", good, tmp_path / "out.yaml")
    assert code == 2 and "--force" in err
    assert good.read_bytes() == before


def test_a_loss_is_reported_with_exit_1(cli, tmp_path: Path) -> None:
    # child rows of a repeated code attach to its first procedure (see test_known_reader_losses)
    source = write_yaml_catalog(
        tmp_path / "in.yaml",
        "  - {code: '1.000001', name: Cấp phép A, documents: [Tờ khai A]}\n"
        "  - {code: '1.000001', name: Cấp phép B, documents: [Tờ khai B]}\n",
    )
    code, _, err = cli("convert", source, tmp_path / "out.xlsx", env={"COLUMNS": "200"})
    assert code == 1
    assert "mất thông tin" in err and "1.000001 Cấp phép" in err
