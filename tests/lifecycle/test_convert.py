"""`tthc convert`: YAML ↔ the full workbook without loss; any readable layout → YAML."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.conftest import CATALOGS, ROOT, write_yaml_catalog
from tthc.lifecycle.convert.plain import plain
from tthc.lifecycle.convert.yaml_writer import catalog_to_yaml
from tthc.load import load_file
from tthc.load.excel import workbook_layout as wl

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


def _xlsx_round_trip(cli, tmp_path: Path, procedures: str) -> tuple[Path, dict, dict]:
    source = write_yaml_catalog(tmp_path / "in.yaml", procedures)
    book = tmp_path / "out.xlsx"
    code, _, err = cli("convert", source, book)
    assert code == 0, err  # nothing lost
    return book, _model(source), _model(book)


def test_each_channel_keeps_its_own_fees(cli, tmp_path: Path) -> None:
    book, before, after = _xlsx_round_trip(
        cli,
        tmp_path,
        "  - name: Đăng ký khai sinh\n"
        "    channels:\n"
        "      - method: Trực tiếp\n"
        "        fees: [Miễn lệ phí đăng ký khai sinh đúng hạn, 'Lệ phí đăng ký khai sinh quá hạn: 10.000 đồng']\n"
        "      - {method: Trực tuyến, fees: Miễn lệ phí}\n"
        "      - method: Dịch vụ bưu chính\n"
        "        fees: [Miễn lệ phí, 'Theo mức thu do HĐND tỉnh quy định']\n"
        "      - method: Trực tiếp tại Bộ phận một cửa\n"
        "        fees: [Không, '8,000 Việt Nam Đồng']\n",
    )
    assert after == before
    rows = list(openpyxl.load_workbook(book)["Phí, lệ phí"].iter_rows(values_only=True))
    channel = rows[0].index("Cách thức số")
    assert [(r[1], r[channel]) for r in rows[1:]] == [  # joined in one cell they would read as one fee
        ("Miễn lệ phí", 3),
        ("Theo mức thu do HĐND tỉnh quy định", 3),
    ]
    channels = list(openpyxl.load_workbook(book)["Cách thức thực hiện"].iter_rows(values_only=True))
    fees = channels[0].index("Phí, lệ phí")
    assert [r[fees] for r in channels[1:]] == [
        "Miễn lệ phí đăng ký khai sinh đúng hạn\nLệ phí đăng ký khai sinh quá hạn: 10.000 đồng",  # one cell holds them
        "Miễn lệ phí",
        None,
        "Không; 8,000 Việt Nam Đồng",  # "Không" beside a fee reads as it does alone: no fee
    ]


def test_a_reference_or_paper_the_columns_cannot_restate_goes_as_its_text(cli, tmp_path: Path) -> None:
    crawled = (  # a dossier line as the portal crawl flattens it: five copy kinds, one repeated
        "--Tên giấy tờMẫu đơn, tờ khaiSố lượngBản sao kèm bản chính để đối chiếu hoặc bản sao điện tử hoặc bản sao"
        " điện tử từ sổ gốc hoặc bản sao có chứng thực bằng tốt nghiệp đại học0 bản chính,1 bản sao"
    )
    book, before, after = _xlsx_round_trip(
        cli,
        tmp_path,
        "  - name: Cấp phép\n"
        "    legal_basis:\n"
        "      - {number: 123/2015/NĐ-CP, title: Quy định chi tiết, issuer: Chính phủ}\n"
        "      - Quyết định số 12 của UBND tỉnh\n"  # no readable number, after a structured one
        "      - |-\n"
        "        sửa đổi, bổ sung một số nghị định để cắt giảm, đơn giản hóa thủ tục hành chính\n"
        "        thuộc phạm vi quản lý của Bộ Tư pháp.18/2026/NĐ-CP\n"
        f"    documents: ['{crawled}']\n",
    )
    assert after == before
    legal = list(openpyxl.load_workbook(book)["Căn cứ pháp lý"].iter_rows(values_only=True))
    raw = legal[0].index("Nội dung gốc")
    assert [r[raw] for r in legal[1:]][1] == "Quyết định số 12 của UBND tỉnh"
    assert before["procedures"][0]["legal_basis"][1]["number"] is None


def test_a_fee_row_naming_a_missing_channel_applies_to_all(cli, tmp_path: Path) -> None:
    book, _, _ = _xlsx_round_trip(
        cli,
        tmp_path,
        "  - name: Cấp phép\n"
        "    channels:\n"
        "      - {method: Trực tiếp, fees: [Miễn lệ phí, 'Theo mức thu do HĐND tỉnh quy định']}\n"
        "      - {method: Trực tuyến}\n",
    )
    wb = openpyxl.load_workbook(book)
    ws = wb["Phí, lệ phí"]
    channel = [c.value for c in ws[1]].index("Cách thức số") + 1
    for row in range(2, ws.max_row + 1):
        ws.cell(row=row, column=channel, value=7)  # an officer typed a channel that does not exist
    wb.save(book)
    result = load_file(book)
    assert [i.kind for i in result.issues if i.kind == "unknown-channel"]
    assert [[f.raw for f in c.fees] for c in result.catalog.procedures[0].channels] == [
        ["Miễn lệ phí", "Theo mức thu do HĐND tỉnh quy định"],
        ["Miễn lệ phí", "Theo mức thu do HĐND tỉnh quy định"],
    ]
