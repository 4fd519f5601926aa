"""Cell conversion and header matching: the small pieces the Excel loader is built on."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tthc.load.excel import cells
from tthc.load.excel.headers import PROCEDURE_HEADERS, header_key
from tthc.text import clean, split_lines

_ALPHABET = st.sampled_from(list("ab Đđ\u0301\u0300\u0323ôơưếệ \t\n\r\xa0<>p/.-–xX0123456789\u200bKhông"))


@given(st.text(_ALPHABET, max_size=30))
def test_fast_text_equals_clean(value):
    assert cells.text(value) == clean(value)


@given(st.text(_ALPHABET, max_size=40))
def test_fast_lines_equal_split_lines(value):
    assert cells.lines(value) == split_lines(value)


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        (1.0012, "General", "1.0012"),
        (1.0012, "0.000000", "1.001200"),
        (1.0012, "@", "1.0012"),
        (2.001, "0.000", "2.001"),
        (1234567.5, "#,##0.00", "1,234,567.50"),
        (1.5, "0.0#", "1.5"),
        (3.0, "General", "3"),
        (1.0012, "dd/mm/yyyy", "1.0012"),
    ],
)
def test_format_number_as_excel_shows_it(value, number_format, shown):
    assert cells.format_number(value, number_format) == shown


def test_scalars():
    assert cells.scalar(5.0) == "5"
    assert cells.scalar(dt.datetime(2020, 3, 15)) == "2020-03-15"
    assert cells.date_text(dt.date(2020, 3, 15)) == "2020-03-15"
    assert cells.int_text(120.0) == "120"
    assert cells.text("Không có thông tin") is None


@pytest.mark.parametrize(
    ("header", "target"),
    [
        ("Mã số", "code"),
        ("Mã TTHC", "code"),
        ("MÃ THỦ TỤC", "code"),
        ("Mã số\nTTHC", "code"),
        ("Tên", "name"),
        ("Tên thủ tục hành chính (TTHC)", "name"),
        (unicodedata.normalize("NFD", "Tên thủ tục hành chính"), "name"),
        ("Căn cứ pháp lý của TTHC", "legal_basis"),
        ("Căn  cứ   pháp lý", "legal_basis"),
        ("Phí, lệ phí (nếu có)", "fees"),
        ("Thời hạn giải quyết (ngày làm việc)", "processing_time"),
        ("Cơ quan thực hiện", "agencies"),
        ("Cơ quan phối hợp", "agencies:coordinating"),
        ("Mức độ DVC", "online_service"),
        ("Tình trạng hoà giải", None),
        ("Phi", None),  # "phí" and "phi" are different words
    ],
)
def test_header_aliases(header, target):
    assert PROCEDURE_HEADERS.match(header) == target


def test_header_key_ignores_tone_placement():
    assert header_key("Hoà giải") == header_key("Hòa giải")
