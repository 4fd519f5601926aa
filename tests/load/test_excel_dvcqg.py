"""The national database's multi-sheet export ("TTHC2-CAPXA" + child sheets keyed by code),
and sheets the loader does not use (#10 item 5).

The fixture is reconstructed (tools/make_dvcqg_export.py says from what); its cell values are the
real records of tests/fixtures/excel/dvcqg-capxa.json, which the tests read to compare.
"""

from __future__ import annotations

import json
import shutil
import unicodedata

from tests.conftest import CATALOGS, FIXTURES
from tthc.load import load_file

EXPORT = FIXTURES / "excel" / "dvcqg-capxa.xlsx"
SOURCE = json.loads((FIXTURES / "excel" / "dvcqg-capxa.json").read_text(encoding="utf-8"))
ANNEX = CATALOGS / "kim-bang-2019-2020-annex.xlsx"


def day(text: str):
    import datetime as dt

    return dt.datetime.strptime(text, "%d/%m/%Y").date() if text else None


def test_every_child_sheet_is_read_into_its_procedure():
    result = load_file(EXPORT)
    procedures = result.catalog.procedures
    assert [p.code for p in procedures] == [r["ma_tthc"] for r in SOURCE]
    for p, r in zip(procedures, SOURCE, strict=True):
        assert p.name == " ".join(r["ten_tthc"].split())  # (the loader makes "số  50/2026" one space)
        assert p.field == r["linh_vuc"] and p.decision.number == r["so_quyet_dinh"]
        assert [(c.processing_time.raw if c.processing_time else None, c.description) for c in p.channels] == [
            (c["thoi_gian"], c["mo_ta"]) for c in r["cach_thuc_thuc_hien"]
        ]
        assert [c.method.value for c in p.channels] == [
            {"Trực tiếp": "direct", "Trực tuyến": "online", "Bưu chính": "postal"}[c["hinh_thuc_nop"]]
            for c in r["cach_thuc_thuc_hien"]
        ]
        cells = [s[k] for s in r["trinh_tu_thuc_hien"] for k in ("truong_hop_xu_ly", "mo_ta_chi_tiet") if s[k]]
        assert p.steps == [" ".join(line.split()) for cell in cells for line in cell.split("\n")]
        assert [(d.code, d.raw, d.originals, d.copies) for d in p.documents] == [
            (d["ma_tphs"], d["ten_giay_to"], 1 if d["ban_chinh"] else None, 1 if d["ban_sao"] else None)
            for d in r["tphs"]
        ]
        assert [(x.code, x.name) for x in p.results] == [(k["ma_ket_qua"], k["ten_ket_qua"]) for k in r["kqth"]]
        assert [(x.issued, x.effective) for x in p.legal_basis] == [
            (day(c["ngay_ban_hanh"]), day(c["ngay_hieu_luc"])) for c in r.get("ccpl", [])
        ]
    numbers = [x.number for x in procedures[2].legal_basis]
    assert numbers == ["154/2024/NĐ-CP", "53/2025/TT-BCA", "68/2020/QH14", "54/2025/TT-BCA"]
    assert procedures[0].legal_basis[0].number == "50/2026/NĐ-CP"  # "Nghị định số 50/2026/NĐ-CP" in Số ký hiệu
    assert str(procedures[1].documents[0].source).endswith("TPHS, dòng 3")
    assert procedures[1].steps[0] == "a) Nộp hồ sơ TTHC:" and procedures[1].steps[3] == "b) Giải quyết TTHC:"
    assert not result.errors


def test_the_sheet_it_does_not_use_and_the_columns_it_ignores_are_reported_once():
    issues = load_file(EXPORT).issues
    unused = [i for i in issues if i.kind == "unused-sheet"]
    assert len(unused) == 1 and unused[0].value == "TTHC" and unused[0].severity.value == "warning"
    assert "sheet 'TTHC' không được đọc" in unused[0].message and "'TTHC2-CAPXA'" in unused[0].message
    ignored = sorted(
        (i.source.sheet, i.value) for i in issues if i.kind == "unknown-column" and i.source.sheet != "TTHC2-CAPXA"
    )
    assert ignored == [
        ("CCPL", "Địa chỉ truy cập"),
        ("KQTH", "Cơ quan ban hành"),
        ("KQTH", "Mô tả"),
        ("TPHS", "Biểu mẫu điện tử"),
        ("TPHS", "Cơ quan ban hành"),
        ("TPHS", "Loại giấy tờ"),
    ]  # STT and Tên TTHC repeat the procedure sheet: recognised, not reported


def test_nfd_sheet_names_and_headers_are_read_the_same(tmp_path):
    import openpyxl

    wb = openpyxl.load_workbook(EXPORT)
    for ws in wb.worksheets:
        ws.title = unicodedata.normalize("NFD", ws.title)
        for row in ws.iter_rows(max_row=3):
            for c in row:
                if isinstance(c.value, str):
                    c.value = unicodedata.normalize("NFD", c.value)
    path = tmp_path / "nfd.xlsx"
    wb.save(path)
    nfd, nfc = load_file(path).catalog.procedures, load_file(EXPORT).catalog.procedures
    assert (
        [(len(p.channels), len(p.steps), len(p.documents), len(p.results), len(p.legal_basis)) for p in nfd]
        == [(len(p.channels), len(p.steps), len(p.documents), len(p.results), len(p.legal_basis)) for p in nfc]
        == [(3, 3, 1, 1, 1), (3, 5, 4, 1, 0), (3, 7, 1, 1, 4)]
    )


def test_an_annex_workbook_reports_a_second_sheet_with_data_but_not_an_empty_one(tmp_path):
    import openpyxl

    wb = openpyxl.load_workbook(ANNEX)
    wb.create_sheet("Sheet2")
    notes = wb.create_sheet("Ghi chú")
    notes["B3"] = "Danh mục đã rà soát ngày 15/6/2020"
    path = tmp_path / "annex.xlsx"
    wb.save(path)
    result = load_file(path)
    unused = [i for i in result.issues if i.kind == "unused-sheet"]
    assert [(i.value, str(i.source)) for i in unused] == [("Ghi chú", f"{path} Ghi chú!A1")]
    assert "danh mục được đọc từ sheet 'Phụ lục'" in unused[0].message
    assert len(result.catalog.procedures) == len(load_file(ANNEX).catalog.procedures)
    assert not [i for i in load_file(ANNEX).issues if i.kind == "unused-sheet"]


def test_a_written_workbook_has_no_unused_sheet(tmp_path, cli):
    out = tmp_path / "ban-day-du.xlsx"
    code, _out, err = cli("convert", EXPORT, out)
    assert code == 0, err
    result = load_file(out)
    assert not [i for i in result.issues if i.kind == "unused-sheet"]  # its hidden drop-down lists are ours
    assert [p.steps for p in result.catalog.procedures] == [p.steps for p in load_file(EXPORT).catalog.procedures]


def test_validate_names_the_unused_sheet_and_exits_0(cli, tmp_path):
    shutil.copyfile(EXPORT, tmp_path / "x.xlsx")
    code, out, _err = cli("validate", tmp_path / "x.xlsx")
    assert code == 0
    line = next(line for line in out.splitlines() if "sheet 'TTHC' không được đọc" in line)
    assert "TTHC!A1" in line


def test_the_warning_in_english(cli):
    code, out, _err = cli("validate", EXPORT, "--lang", "en")
    assert code == 0 and "sheet 'TTHC' is not read" in out
