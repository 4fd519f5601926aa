"""`tthc template`: the full workbook, empty, with notes and drop-downs; it validates and,
filled in by hand, loads."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tthc.lifecycle.convert.workbook_writer import LISTS_SHEET
from tthc.load import load_file
from tthc.load.excel import workbook_layout as wl
from tthc.model import AgencyRole, CopyKind, DocKind, Level, Method, OnlineLevel


@pytest.fixture
def template(cli, tmp_path: Path) -> Path:
    out = tmp_path / "mau.xlsx"
    code, _, err = cli("template", out)
    assert code == 0, err
    return out


def _validations(ws) -> dict[str, list[str]]:
    """Column letter -> the labels its drop-down offers."""
    wb = ws.parent
    out = {}
    for dv in ws.data_validations.dataValidation:
        sheet, cells = dv.formula1.split("!")
        lists = wb[sheet.strip("'")]
        first, last = cells.replace("$", "").split(":")
        labels = [c.value for row in lists[first:last] for c in row]
        for ref in str(dv.sqref).split():
            out[ref.split(":")[0].rstrip("0123456789")] = labels
    return out


def test_sheets_headers_notes_and_frozen_header(template: Path) -> None:
    wb = openpyxl.load_workbook(template)
    assert wb.sheetnames == [s.name for s in wl.SHEETS] + [LISTS_SHEET]
    assert wb[LISTS_SHEET].sheet_state == "hidden"
    assert wb.active.title == wl.PROCEDURES.name
    for spec in wl.SHEETS:
        if spec is wl.CATALOG:
            continue
        ws = wb[spec.name]
        assert [c.value for c in ws[1]] == [col.header for col in spec.columns]
        for cell, col in zip(ws[1], spec.columns, strict=True):
            assert cell.comment is not None and cell.comment.text.startswith(col.note), (spec.name, col.header)
        assert ws.freeze_panes in ("B2", "C2")
        assert ws.max_row == 1  # empty
    catalog = wb[wl.CATALOG.name]
    assert [catalog.cell(row=r, column=1).value for r in range(2, 2 + len(wl.CATALOG_ITEMS))] == [
        item.header for item in wl.CATALOG_ITEMS
    ]
    assert catalog["B2"].value == wl.FORMAT_VERSION


def test_drop_downs(template: Path) -> None:
    wb = openpyxl.load_workbook(template)
    procedures = _validations(wb[wl.PROCEDURES.name])
    letter = {c.key: openpyxl.utils.get_column_letter(i) for i, c in enumerate(wl.PROCEDURES.columns, 1)}
    assert procedures[letter["levels"]] == [label for label, _ in wl.LEVEL_CHOICES]
    assert procedures[letter["online_service"]] == ["Toàn trình", "Một phần", "Không"]
    channels = _validations(wb[wl.CHANNELS.name])
    assert channels["B"] == ["Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính"]
    documents = _validations(wb[wl.DOCUMENTS.name])
    kind_col = openpyxl.utils.get_column_letter([c.key for c in wl.DOCUMENTS.columns].index("copy_kind") + 1)
    assert documents[kind_col] == [label for label, _ in wl.COPY_KIND_CHOICES]
    # labels with commas ("Công văn, chỉ thị") live in a list range, not an inline list
    assert "Công văn, chỉ thị" in _validations(wb[wl.LEGAL_BASIS.name])["C"]


def test_empty_template_validates(cli, template: Path) -> None:
    code, out, _ = cli("validate", template)
    assert code == 0, out
    assert load_file(template).catalog.procedures == []


def test_template_filled_by_hand_loads(cli, template: Path) -> None:
    wb = openpyxl.load_workbook(template)

    def row(sheet: wl.Sheet, values: dict) -> None:
        ws = wb[sheet.name]
        ws.append([values.get(c.key) for c in sheet.columns])

    wb[wl.CATALOG.name]["B3"] = "Danh mục TTHC cấp xã"
    row(
        wl.PROCEDURES,
        {
            "code": "1.001193",
            "name": "Đăng ký khai sinh",
            "field": "Hộ tịch",
            "levels": "Cấp xã",
            "online_service": "Toàn trình",
            "place": "UBND xã",
            "mechanism": "Một cửa",
            "applicants": "Công dân Việt Nam\nNgười nước ngoài",
        },
    )
    row(wl.PROCEDURES, {"name": "Thủ tục chưa có mã", "processing_time": "03 ngày làm việc", "fees": "Miễn lệ phí"})
    row(wl.CHANNELS, {"procedure": "1.001193", "method": "Trực tuyến", "processing_time": "Ngay trong ngày"})
    row(wl.DOCUMENTS, {"procedure": "1.001193", "name": "Giấy chứng sinh", "originals": 1, "copy_kind": "Bản chính"})
    row(wl.DOCUMENTS, {"procedure": "#3", "name": "Tờ khai", "copy_kind": "Bản sao có chứng thực"})
    row(wl.LEGAL_BASIS, {"procedure": "1.001193", "number": "123/2015/NĐ-CP", "kind": "Nghị định"})
    row(wl.AGENCIES, {"procedure": "1.001193", "name": "Chủ tịch UBND xã", "role": "Cơ quan có thẩm quyền"})
    row(wl.VOLUME, {"procedure": "1.001193", "year": 2025, "dossiers": 120, "online": 90})
    filled = template.with_name("da-dien.xlsx")
    wb.save(filled)

    result = load_file(filled)
    assert result.ok, [str(i) for i in result.issues]
    catalog = result.catalog
    assert catalog.name == "Danh mục TTHC cấp xã"
    p, q = catalog.procedures
    assert (p.code, p.levels, p.online_service.level) == ("1.001193", [Level.COMMUNE], OnlineLevel.FULL)
    assert p.applicants == ["Công dân Việt Nam", "Người nước ngoài"]
    assert p.channels[0].method is Method.ONLINE and p.channels[0].processing_time.as_working_days() == 0
    assert (p.documents[0].name, p.documents[0].originals, p.documents[0].copy_kind) == (
        "Giấy chứng sinh",
        1,
        CopyKind.ORIGINAL,
    )
    assert p.legal_basis[0].kind is DocKind.DECREE
    assert p.agencies[0].role is AgencyRole.COMPETENT
    assert p.volume.history[0].online == 90
    assert q.code is None and q.documents[0].copy_kind is CopyKind.CERTIFIED_COPY
    assert q.processing_times()[0].working_days == 3
    assert cli("validate", filled)[0] == 0


def test_refuses_to_overwrite_and_other_suffixes(cli, template: Path) -> None:
    code, _, err = cli("template", template)
    assert code == 2 and "--force" in err
    assert cli("template", template, "--force")[0] == 0
    assert cli("template", template.with_suffix(".yaml"))[0] == 2
