"""The full workbook layout: a "Thủ tục" sheet plus child sheets keyed by "Mã TTHC"."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from tthc.load.excel import workbook_layout as wl
from tthc.load.excel.headers import CHILD_HEADERS, PROCEDURE_HEADERS
from tthc.load.excel.layouts import load_excel, read_excel
from tthc.load.record import PROCEDURE_FIELDS, SOURCE_KEY
from tthc.model import AgencyRole, CatalogKind, CopyKind, DocKind, Mechanism, Method, OnlineLevel


def write_workbook(path: Path, data: dict[str, list[dict]], catalog: dict[str, object] | None = None) -> Path:
    """Write sheets in the layout's order with its headers; rows are {column key: value}."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    ws = wb.create_sheet(wl.CATALOG.name)
    ws.append([c.header for c in wl.CATALOG.columns])
    for item in wl.CATALOG_ITEMS:
        value = wl.FORMAT_VERSION if item.key == wl.FORMAT_MARKER else (catalog or {}).get(item.key)
        ws.append([item.header, value, item.key])
    for sheet in (wl.PROCEDURES, *wl.CHILD_SHEETS):
        ws = wb.create_sheet(sheet.name)
        ws.append([c.header for c in sheet.columns])
        for row in data.get(sheet.key, []):
            ws.append([row.get(c.key) for c in sheet.columns])
    wb.save(path)
    return path


PROCEDURES = [
    {
        "code": "1.000001",
        "name": "Đăng ký khai sinh",
        "field": "Hộ tịch",
        "levels": "Cấp tỉnh, Cấp xã",
        "kind": "TTHC được luật giao quy định chi tiết",
        "applicants": "Công dân Việt Nam\nNgười nước ngoài",
        "steps": "Nộp hồ sơ\nNhận kết quả",
        "online_service": "Một phần",
        "partial_reason": "Phải xuất trình bản chính",
        "forms": "Tờ khai đăng ký khai sinh",
        "conditions": "Có giấy chứng sinh",
        "place": "Trung tâm phục vụ hành chính công",
        "mechanism": "Một cửa liên thông",
        "decision_number": "1234/QĐ-UBND",
        "decision_date": dt.date(2020, 3, 15),
        "reviewed": dt.date(2025, 6, 1),
        "dossiers_per_year": 1500,
        "online_per_year": 300,
        "notes": "Thủ tục mẫu",
    },
    {"name": "Thủ tục chưa có mã", "processing_time": "03 ngày làm việc", "fees": "Miễn lệ phí"},
]
CHILDREN = {
    "channels": [
        {
            "procedure": "1.000001",
            "method": "Trực tiếp",
            "processing_time": "05 ngày làm việc",
            "fees": "Lệ phí: 50.000 đồng",
        },
        {
            "procedure": "1.000001",
            "method": "Trực tuyến",
            "processing_time": "03 ngày làm việc",
            "description": "Qua Cổng",
        },
    ],
    "documents": [
        {"procedure": "1.000001", "name": "Tờ khai đăng ký khai sinh", "originals": 1, "copies": 0, "form": "TK01"},
        {
            "procedure": "1.000001",
            "code": "TP2",
            "name": "Giấy chứng nhận kết hôn",
            "copies": 1,
            "copy_kind": "Bản sao có chứng thực\nBản sao kèm bản chính để đối chiếu",
            "note": "nếu có",
        },
    ],
    "legal_basis": [
        {
            "procedure": "1.000001",
            "number": "123/2015/NĐ-CP",
            "kind": "Nghị định",
            "title": "Quy định chi tiết một số điều của Luật Hộ tịch",
            "issuer": "Chính phủ",
            "issued": dt.date(2015, 11, 15),
            "effective": dt.date(2016, 1, 1),
            "article": "Điều 9",
        }
    ],
    "results": [
        {"procedure": "1.000001", "code": "KQ.G03.000340", "name": "Giấy khai sinh", "validity": "Không thời hạn"},
        {"procedure": "9.999999", "name": "Kết quả mồ côi"},
    ],
    "agencies": [
        {"procedure": "1.000001", "name": "Sở Tư pháp", "role": "Cơ quan thực hiện"},
        {"procedure": "1.000001", "name": "UBND tỉnh", "role": "Cơ quan có thẩm quyền"},
        {"procedure": "#3", "name": "UBND cấp xã", "role": "implementing"},
    ],
    "volume": [
        {"procedure": "1.000001", "year": 2023, "dossiers": 1200, "online": 100},
        {"procedure": "1.000001", "year": 2024, "dossiers": 1500, "online": 300},
    ],
    "extra": [{"procedure": "1.000001", "column": "Mã cũ", "value": "T-HNA-123"}],
}
CATALOG = {
    "name": "Danh mục TTHC của Sở Tư pháp",
    "issuer": "UBND tỉnh Ninh Bình",
    "locality": "Ninh Bình",
    "kind": "Công bố đầy đủ",
    "decision_number": "99/QĐ-UBND",
    "decision_date": dt.date(2025, 7, 1),
}


@pytest.fixture
def workbook(tmp_path):
    return write_workbook(tmp_path / "so-tthc.xlsx", {"procedures": PROCEDURES, **CHILDREN}, CATALOG)


def test_layout_and_catalog_sheet(workbook):
    result = load_excel(workbook)
    catalog = result.catalog
    assert catalog.layout == "workbook"
    assert (catalog.name, catalog.issuer, catalog.locality) == (
        "Danh mục TTHC của Sở Tư pháp",
        "UBND tỉnh Ninh Bình",
        "Ninh Bình",
    )
    assert catalog.kind is CatalogKind.FULL
    assert catalog.decision.number == "99/QĐ-UBND" and catalog.decision.date == dt.date(2025, 7, 1)
    assert [p.name for p in catalog.procedures] == ["Đăng ký khai sinh", "Thủ tục chưa có mã"]


def test_procedure_sheet_fields(workbook):
    p = load_excel(workbook).catalog.procedures[0]
    assert p.code == "1.000001" and p.field == "Hộ tịch"
    assert [level.value for level in p.levels] == ["province", "commune"]
    assert p.kind == "TTHC được luật giao quy định chi tiết"
    assert p.applicants == ["Công dân Việt Nam", "Người nước ngoài"]
    assert p.steps == ["Nộp hồ sơ", "Nhận kết quả"]
    assert p.online_service.level is OnlineLevel.PARTIAL and p.partial_reason == "Phải xuất trình bản chính"
    assert p.forms == ["Tờ khai đăng ký khai sinh"] and p.conditions == ["Có giấy chứng sinh"]
    assert p.place == "Trung tâm phục vụ hành chính công"
    assert p.mechanism is Mechanism.INTERLINKED
    assert p.decision.number == "1234/QĐ-UBND" and p.decision.date == dt.date(2020, 3, 15)
    assert p.reviewed == dt.date(2025, 6, 1)
    assert p.notes == "Thủ tục mẫu"
    assert p.source_of("reviewed").cell == "R2"


def test_child_sheets(workbook):
    result = load_excel(workbook)
    p = result.catalog.procedures[0]
    assert [c.method for c in p.channels] == [Method.DIRECT, Method.ONLINE]
    assert p.channels[0].method_raw == "Trực tiếp"
    assert p.channels[0].fees[0].amount == Decimal(50000)
    assert p.channels[1].description == "Qua Cổng"
    assert str(p.channels[1].source).endswith("Cách thức thực hiện, dòng 3")

    first, second = p.documents
    assert (first.name, first.originals, first.copies, first.form) == ("Tờ khai đăng ký khai sinh", 1, 0, "TK01")
    assert second.code == "TP2" and second.note == "nếu có"
    assert second.copy_kinds == [CopyKind.CERTIFIED_COPY, CopyKind.COPY_WITH_ORIGINAL]

    (ref,) = p.legal_basis
    assert (ref.number, ref.kind, ref.issuer, ref.article) == ("123/2015/NĐ-CP", DocKind.DECREE, "Chính phủ", "Điều 9")
    assert (ref.issued, ref.effective) == (dt.date(2015, 11, 15), dt.date(2016, 1, 1))

    (res,) = p.results
    assert (res.code, res.name, res.validity) == ("KQ.G03.000340", "Giấy khai sinh", "Không thời hạn")

    assert [(a.name, a.role) for a in p.agencies] == [
        ("Sở Tư pháp", AgencyRole.IMPLEMENTING),
        ("UBND tỉnh", AgencyRole.COMPETENT),
    ]
    assert p.volume.dossiers_per_year == 1500 and p.volume.online_per_year == 300
    assert [(y.year, y.dossiers, y.online) for y in p.volume.history] == [(2023, 1200, 100), (2024, 1500, 300)]
    assert p.extra == {"Mã cũ": "T-HNA-123"}


def test_procedure_without_code_is_keyed_by_row(workbook):
    p = load_excel(workbook).catalog.procedures[1]
    assert p.code is None
    assert [a.name for a in p.agencies] == ["UBND cấp xã"]  # the "#3" rows of the child sheets
    assert p.channels[0].processing_time.raw == "03 ngày làm việc"


def test_orphan_child_row_is_reported_once(workbook):
    issues = read_excel(workbook).sink.issues
    (orphan,) = [i for i in issues if i.kind == "orphan-row"]
    assert orphan.value == "9.999999"
    assert orphan.source.sheet == "Kết quả" and orphan.source.cell == "A3"


def test_child_items_carry_their_row(workbook):
    records = read_excel(workbook).records
    doc = records[0].values["documents"][1]
    assert doc[SOURCE_KEY].sheet == "Thành phần hồ sơ" and doc[SOURCE_KEY].row == 3
    assert records[0].values["legal_basis"][0]["kind"] == "decree"  # drop-down label -> stored value


def test_numeric_key_in_a_child_sheet_is_an_error(tmp_path):
    data = {"procedures": [{"code": "1.5", "name": "A"}], "results": [{"procedure": 1.5, "name": "Giấy phép"}]}
    read = read_excel(write_workbook(tmp_path / "n.xlsx", data))
    (issue,) = [i for i in read.sink.issues if i.kind == "code-as-number"]
    assert issue.source.sheet == "Kết quả" and issue.source.cell == "A2"


def test_national_sheet_names_are_recognised(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "TTHC2-CAPXA"
    ws.append(["Mã TTHC", "Tên TTHC", "Lĩnh vực"])
    ws.append(["1.000001", "Đăng ký khai sinh", "Hộ tịch"])
    tphs = wb.create_sheet("TPHS")
    tphs.append(["Mã TTHC", "Tên giấy tờ", "Số bản chính", "Số bản sao"])
    tphs.append(["1.000001", "Tờ khai", 1, 0])
    wb.save(tmp_path / "dvcqg.xlsx")
    read = read_excel(tmp_path / "dvcqg.xlsx")
    assert read.layout == "workbook"
    assert read.records[0].values["documents"][0]["name"] == "Tờ khai"


# -- the layout spec itself -----------------------------------------------------------------


def test_every_procedure_field_has_a_place_in_the_layout():
    on_sheet = {c.key for c in wl.PROCEDURES.columns}
    children = {s.key for s in wl.CHILD_SHEETS}
    composed = {"decision": {"decision_number", "decision_date"}, "volume": {"dossiers_per_year"}}
    for name in PROCEDURE_FIELDS:
        assert name in on_sheet or name in children or composed.get(name, set()) <= on_sheet, name


def test_reader_recognises_every_header_the_layout_writes():
    for col in wl.PROCEDURES.columns:
        assert PROCEDURE_HEADERS.match(col.header) == col.key, col.header
    for sheet in wl.CHILD_SHEETS:
        for col in sheet.columns:
            assert CHILD_HEADERS[sheet.key].match(col.header) == col.key, (sheet.name, col.header)


def test_layout_spec_is_complete():
    for sheet in wl.SHEETS:
        assert sheet.name and sheet.note
        keys = [c.key for c in sheet.columns]
        assert len(keys) == len(set(keys)), sheet.name
        for col in sheet.columns:
            assert col.header and col.note and col.kind in ("text", "lines", "date", "int")
            for label, value in col.choices:
                assert label and value
