"""`tthc diff`: new / amended (which element) / abolished, the Rich and JSON output, the annex."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import CATALOGS, write_yaml_catalog
from tthc.lifecycle.diff import diff_catalogs
from tthc.load import load_file

OLD = """\
  - code: '1.000001'
    name: Đăng ký khai sinh
    field: Hộ tịch
    processing_time: 05 ngày làm việc
    fees: 'Lệ phí: 50.000 đồng/hồ sơ'
    place: UBND xã
  - code: '1.000002'
    name: Thủ tục hòa giải
    field: Hòa giải
    processing_time: 10 ngày làm việc
    legal_basis: [Luật Hòa giải ở cơ sở số 35/2013/QH13]
  - name: Tách sổ hộ khẩu
    field: Cư trú
  - code: '2.000004'
    name: Cấp giấy phép X
    field: Xây dựng
    levels: Cấp huyện
"""
NEW = """\
  - code: '1.000001'
    name: Đăng ký khai sinh
    field: Hộ tịch
    processing_time: 5 ngày làm việc
    fees: 'Lệ phí: 100.000 đồng/hồ sơ'
    place: UBND  xã
  - code: '1.000002'
    name: Thủ tục hoà giải
    field: Hoà giải
    processing_time: 10 Ngày làm việc
    legal_basis: [Luật số 35/2013/QH13 về hòa giải ở cơ sở]
  - code: '2.000014'
    name: Cấp giấy phép X
    field: Xây dựng
    levels: Cấp xã
  - code: '1.000005'
    name: Đăng ký kết hôn
    field: Hộ tịch
    processing_time: 03 ngày làm việc
"""


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    old = write_yaml_catalog(tmp_path / "cu.yaml", OLD, "  name: Danh mục 2020\n  issuer: UBND huyện A\n")
    new = write_yaml_catalog(tmp_path / "moi.yaml", NEW, "  name: Danh mục 2026\n  issuer: UBND xã A\n")
    return old, new


def _diff(old: Path, new: Path):
    return diff_catalogs(load_file(old).catalog, load_file(new).catalog)


def test_classifies_by_code_then_name_and_by_meaning(pair) -> None:
    d = _diff(*pair)
    assert [p.code for p in d.added] == ["1.000005"]
    assert [p.name for p in d.abolished] == ["Tách sổ hộ khẩu"]
    # wording only ("05" = "5", tone placement, spacing, same document number): unchanged
    assert [old.code for old, _ in d.unchanged] == ["1.000002"]
    amended = {a.new.code: a for a in d.amended}
    assert set(amended) == {"1.000001", "2.000014"}
    assert [c.element.key for c in amended["1.000001"].changes] == ["fees"]
    assert amended["1.000001"].changes[0].old == ["Lệ phí: 50.000 đồng/hồ sơ"]
    assert amended["1.000001"].changes[0].new == ["Lệ phí: 100.000 đồng/hồ sơ"]
    renamed = amended["2.000014"]
    assert renamed.matched_by == "name"
    assert [c.element.key for c in renamed.changes] == ["code", "levels"]


def test_provincial_list_compares_only_what_a_list_publishes(tmp_path: Path) -> None:
    full = write_yaml_catalog(
        tmp_path / "full.yaml", "  - {code: '1.000001', name: A thủ tục, steps: [Nộp hồ sơ], place: UBND xã}\n"
    )
    listed = write_yaml_catalog(
        tmp_path / "list.yaml",
        "  - {code: '1.000001', name: A thủ tục, place: UBND xã}\n",
        "  kind: provincial_list\n",
    )
    d = _diff(full, listed)
    assert not d.changed and len(d.unchanged) == 1
    assert "steps" not in {e.key for e in d.elements}


def test_cli_text_json_and_exit_codes(cli, pair) -> None:
    old, new = pair
    code, out, _ = cli("diff", old, new)
    assert code == 1
    assert "1 mới ban hành" in out and "2 sửa đổi, bổ sung" in out and "1 bãi bỏ" in out
    assert "Lệ phí: 50.000 đồng/hồ sơ" in out and "Lệ phí: 100.000 đồng/hồ sơ" in out  # side by side

    code, out, _ = cli("diff", old, new, "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["tthc_diff"] == 1
    assert data["summary"] == {"new": 1, "amended": 2, "abolished": 1, "unchanged": 1}
    fees = next(a for a in data["amended"] if a["code"] == "1.000001")["changes"][0]
    assert fees["element"] == "fees" and fees["label"] == "Phí, lệ phí"

    code, out, _ = cli("diff", old, old)
    assert code == 0 and "Không có thay đổi" in out


def test_cli_bad_input_exits_2_with_one_line(cli, pair, tmp_path: Path) -> None:
    old, _ = pair
    code, _, err = cli("diff", old, tmp_path / "khong-co.yaml")
    assert code == 2 and len(err.strip().splitlines()) == 1
    code, _, err = cli("diff", old, old, "-o", tmp_path / "phu-luc.pdf")
    assert code == 2 and ".docx" in err


def test_annex_docx(cli, pair, tmp_path: Path) -> None:
    import docx

    old, new = pair
    out = tmp_path / "phu-luc.docx"
    code, _, _ = cli("diff", old, new, "-o", out, "--abolished-by", "Quyết định số 12/QĐ-UBND ngày 01/7/2025")
    assert code == 1
    doc = docx.Document(str(out))
    section = doc.sections[0]
    assert section.page_width > section.page_height  # landscape for seven columns
    assert round(section.left_margin.mm) == 30
    texts = [p.text for p in doc.paragraphs]
    assert "PHỤ LỤC" in texts
    assert any(t.startswith("A. THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH") for t in texts)
    assert any(t.startswith("B. THỦ TỤC HÀNH CHÍNH ĐƯỢC SỬA ĐỔI, BỔ SUNG") for t in texts)
    assert any(t.startswith("C. THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ") for t in texts)
    new_t, amended_t, abolished_t = doc.tables
    assert [c.text for c in new_t.rows[0].cells] == [
        "STT",
        "Mã TTHC",
        "Tên thủ tục hành chính",
        "Thời hạn giải quyết",
        "Địa điểm thực hiện",
        "Phí, lệ phí",
        "Căn cứ pháp lý",
    ]
    rows = [[c.text for c in r.cells] for r in amended_t.rows]
    fee_row = next(r for r in rows if r[1] == "1.000001")
    assert fee_row[5] == "Lệ phí: 100.000 đồng/hồ sơ" and fee_row[7] == "Sửa đổi, bổ sung: Phí, lệ phí"
    renamed = next(r for r in rows if r[1] == "2.000014")
    assert "Mã TTHC cũ: 2.000004" in renamed[7] and "Cấp thực hiện" in renamed[7]
    abolished = [[c.text for c in r.cells] for r in abolished_t.rows]
    assert ["1", "", "Tách sổ hộ khẩu", "Quyết định số 12/QĐ-UBND ngày 01/7/2025"] in abolished
    fonts = {r.font.name for p in doc.paragraphs for r in p.runs if r.text}
    assert fonts == {"Times New Roman"}


def test_with_an_annex_file_the_terminal_gets_one_line(cli, pair, tmp_path: Path) -> None:
    old, new = pair
    out = tmp_path / "phu-luc.xlsx"
    code, stdout, err = cli("diff", old, new, "-o", out)
    assert code == 1 and out.is_file()
    assert stdout == ""  # no tables: they are in the file
    assert err.strip().splitlines() == [
        f"Đã ghi dự thảo phụ lục {out}: 1 mới ban hành, 2 sửa đổi, bổ sung, 1 bãi bỏ, 1 không đổi"
    ]
    code, stdout, err = cli("diff", old, new, "-o", out, "--lang", "en")
    assert (code, stdout) == (1, "")
    assert err.strip() == f"Wrote the draft annex {out}: 1 new, 2 amended, 1 abolished, 1 unchanged"
    code, stdout, _ = cli("diff", old, new, "-o", out, "--format", "json")  # asked for: still given
    assert json.loads(stdout)["summary"]["amended"] == 2


def test_annex_xlsx_reads_back_as_an_annex(cli, pair, tmp_path: Path) -> None:
    old, new = pair
    out = tmp_path / "phu-luc.xlsx"
    assert cli("diff", old, new, "-o", out)[0] == 1
    result = load_file(out)
    assert result.ok and result.catalog.layout == "annex"
    by_code = {p.code: p for p in result.catalog.procedures}
    assert set(by_code) == {"1.000005", "1.000001", "2.000014", None}
    assert by_code["1.000001"].fees()[0].raw == "Lệ phí: 100.000 đồng/hồ sơ"
    assert by_code["1.000001"].notes == "Sửa đổi, bổ sung: Phí, lệ phí"
    assert by_code["1.000005"].extra["Nhóm"] == "THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH"
    assert by_code[None].name == "Tách sổ hộ khẩu" and by_code[None].notes == "Bãi bỏ"


# -- the sample catalogs ----------------------------------------------------------------

KIM_BANG = CATALOGS / "kim-bang-2019-2020.yaml"
XA_2026 = CATALOGS / "xa-2026.yaml"


def test_sample_catalogs_2019_to_2026() -> None:
    d = _diff(KIM_BANG, XA_2026)
    assert [p.code for p in d.added] == ["2.002516", "1.013133"]
    assert [(p.code, p.name) for p in d.abolished] == [
        (
            "2.001023",
            "Liên thông các thủ tục hành chính về đăng ký khai sinh, cấp Thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
        ),
        (None, "Tách sổ hộ khẩu"),
    ]
    assert len(d.amended) == 14 and not d.unchanged
    changed = {a.new.code or a.new.name: {c.element.key for c in a.changes} for a in d.amended}
    # district-level procedures moved to the commune (two-level government, 1/7/2025)
    assert {"levels", "agencies", "place"} <= changed["2.000528"]
    # "Mức độ 2/3" replaced by "Toàn trình" / "Một phần" (Nghị định 42/2022)
    assert all("online_service" in elements for elements in changed.values())
    # the two procedures without a code are matched by name
    assert {a.new.name for a in d.amended if a.matched_by == "name"} == {
        "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội",
        "Đăng ký thường trú",
    }


def test_sample_catalogs_annex(cli, tmp_path: Path) -> None:
    import docx

    out = tmp_path / "phu-luc.docx"
    assert cli("diff", KIM_BANG, XA_2026, "-o", out)[0] == 1
    doc = docx.Document(str(out))
    assert len(doc.tables) == 3
    codes = [[r.cells[1].text for r in t.rows] for t in doc.tables]
    assert {"2.002516", "1.013133"} <= set(codes[0])
    assert "2.001023" in codes[2]
    assert any("2000/QĐ-UBND" in p.text for p in doc.paragraphs)  # the new catalog's decision


@pytest.mark.parametrize("sample", [KIM_BANG, XA_2026], ids=lambda p: p.stem)
def test_sample_catalog_through_xlsx_reports_no_change(cli, tmp_path: Path, sample: Path) -> None:
    xlsx = tmp_path / f"{sample.stem}.xlsx"
    code, _, err = cli("convert", sample, xlsx)
    assert code == 0, err
    back = tmp_path / f"{sample.stem}.yaml"
    assert cli("convert", xlsx, back)[0] == 0
    for pair in ((sample, xlsx), (sample, back)):
        code, out, _ = cli("diff", *pair)
        assert code == 0 and "Không có thay đổi" in out
