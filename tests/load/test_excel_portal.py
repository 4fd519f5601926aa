"""The national portal's list export (real file: Bộ Tư pháp, 271 procedures)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import openpyxl
import pytest

from tthc.load.excel.layouts import load_excel, read_excel
from tthc.model import AgencyRole, CatalogKind

REAL = Path(__file__).resolve().parent.parent / "fixtures" / "realdata" / "danh-sach-tthc-BoTuPhap.xlsx"


@pytest.fixture(scope="module")
def result():
    return load_excel(REAL)


def test_layout_and_metadata(result):
    catalog = result.catalog
    assert catalog.layout == "portal_export"
    assert catalog.name == "DANH SÁCH THỦ TỤC HÀNH CHÍNH"
    assert catalog.issuer == "Bộ Tư pháp"  # the "Cơ quan ban hành" column, the same on every row
    assert catalog.kind is CatalogKind.INDEX  # a list export: completeness is not judged
    assert len(catalog.procedures) == 271
    assert result.ok and not result.issues


def test_codes_are_exactly_the_cells_text(result):
    ws = openpyxl.load_workbook(REAL, read_only=True).active
    raw = [row[0] for row in ws.iter_rows(min_row=3, values_only=True)]
    assert [p.code for p in result.catalog.procedures] == raw
    assert all(re.fullmatch(r"\d\.\d{6}", p.code) for p in result.catalog.procedures)


def test_multi_agency_cells_are_split(result):
    first = result.catalog.procedures[0]
    assert first.code == "1.014966"
    assert [a.name for a in first.agencies] == ["Chủ tịch ủy ban nhân dân cấp tỉnh", "Sở Tư Pháp"]
    assert all(a.role is AgencyRole.IMPLEMENTING for a in first.agencies)
    assert str(first.agencies[0].source).endswith("Danh sách TTHC!D3 (Cơ quan thực hiện)")
    several = [p for p in result.catalog.procedures if len(p.agencies) > 1]
    assert len(several) == 49  # the agency cells with two or more non-empty lines
    assert not any("\n" in a.name for p in result.catalog.procedures for a in p.agencies)


def test_text_is_nfc_and_trimmed(result):
    texts = [t for p in result.catalog.procedures for t in (p.name, p.field or "", *(a.name for a in p.agencies))]
    assert all(unicodedata.is_normalized("NFC", t) for t in texts)
    assert all(t == t.strip() and "  " not in t for t in texts)
    first = result.catalog.procedures[0]
    assert first.name.endswith("chứng chỉ hành nghề")  # the trailing space in the cell is gone
    assert first.field == "Quản tài viên"


def test_positions_point_at_cells(result):
    p = result.catalog.procedures[2]
    assert p.source.row == 5
    assert p.source_of("name").cell == "B5"
    assert p.source_of("field").column_title == "Lĩnh vực"


def test_raw_records_before_the_builder():
    read = read_excel(REAL)
    assert read.layout == "portal_export"
    assert len(read.records) == 271
    assert set(read.records[0].values) == {"code", "name", "agencies", "field"}
