"""Every surface that names the fields of a procedure derives from one table (tthc.fields).

Each test walks the vocabulary and checks one surface covers every field: the loader's keys,
the JSON Schema, the template workbook's columns and the header aliases, the builder, the
YAML and workbook writers, the diff's elements, the merge's labels and the citizen pages.
A field added to the vocabulary is covered (or the test names the surface that misses it).
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tthc import fields
from tthc.fields import FIELDS, Field
from tthc.lifecycle.convert.represent import procedure_data
from tthc.lifecycle.convert.workbook_rows import procedure_row
from tthc.lifecycle.diff import ELEMENT_BY_KEY, compare_procedures
from tthc.lifecycle.merge import FIELD_LABELS
from tthc.load.base import IssueSink
from tthc.load.build import PARTS, build_procedure
from tthc.load.excel.headers import PROCEDURE_HEADERS
from tthc.load.excel.workbook_layout import PROCEDURES, READ_SHEETS, SHEETS
from tthc.load.record import PROCEDURE_FIELDS, RawRecord
from tthc.model import Catalog, SourceRef
from tthc.schema import PROCEDURE_PROPERTIES, catalog_schema

SIMPLE = [f for f in FIELDS if f.type in (fields.TEXT, fields.LINES, fields.DATE)]
_VALUES = {fields.TEXT: "Giá trị thử", fields.LINES: ["Dòng một", "Dòng hai"], fields.DATE: "15/03/2024"}
_BUILT = {fields.TEXT: "Giá trị thử", fields.LINES: ["Dòng một", "Dòng hai"], fields.DATE: dt.date(2024, 3, 15)}


def _ids(f: Field) -> str:
    return f.key


def _built(f: Field, value=None):
    record = RawRecord(SourceRef("a.yaml"), {"name": "Đăng ký khai sinh", f.key: value or _VALUES[f.type]})
    sink = IssueSink()
    p = build_procedure(record, sink)
    assert p is not None and not sink.issues, [str(i) for i in sink.issues]
    return p


def test_the_loader_accepts_exactly_the_vocabularys_keys() -> None:
    assert tuple(f.key for f in FIELDS) == PROCEDURE_FIELDS
    assert len(set(PROCEDURE_FIELDS)) == len(PROCEDURE_FIELDS)


def test_every_field_has_both_labels_and_a_builder_part() -> None:
    for f in FIELDS:
        assert f.vi.strip() and f.en.strip() and f.plain.strip(), f.key
        assert f.part in PARTS, f"{f.key}: no builder part {f.part!r}"


def test_the_json_schema_has_every_field_with_its_label() -> None:
    assert list(PROCEDURE_PROPERTIES) == list(PROCEDURE_FIELDS)
    procedure = catalog_schema()["properties"]["procedures"]["anyOf"][0]["items"]["properties"]
    for f in FIELDS:
        assert f.key in procedure
        shown = procedure[f.key].get("description")
        assert shown == f.description or f.description in json.dumps(procedure[f.key], ensure_ascii=False), f.key


def test_the_template_has_a_column_per_field_with_the_vocabularys_header() -> None:
    columns = {c.key: c for c in PROCEDURES.columns}
    for f in FIELDS:
        if f.column:
            assert columns[f.key].header == f.vi, f.key
            assert columns[f.key].note, f"{f.key}: the template's note is empty"
        if f.sheet is not None:
            assert f.sheet in {s.key for s in (*SHEETS, *READ_SHEETS)}, f"{f.key}: no sheet {f.sheet!r}"
        parts = [c.key for c in fields.COLUMNS if c.of == f.key and c.column]  # e.g. the decision's number, date
        for key in parts:
            assert columns[key].header == fields.COLUMN_BY_KEY[key].vi, key
        assert f.column or parts or f.sheet is not None, f"{f.key}: neither a column nor a sheet of the workbook"


@pytest.mark.parametrize("f", [f for f in FIELDS if f.column or f.aliases], ids=_ids)
def test_every_header_alias_reads_as_its_field(f: Field) -> None:
    for header in (f.vi, *f.aliases):
        assert PROCEDURE_HEADERS.match(header) == f.key, header
        assert PROCEDURE_HEADERS.match(header.upper() + " (*)") == f.key, header


@pytest.mark.parametrize("f", SIMPLE, ids=_ids)
def test_every_simple_field_is_built_written_and_read_back(f: Field) -> None:
    p = _built(f)
    assert getattr(p, f.key) == _BUILT[f.type]
    data = procedure_data(p)  # the YAML writer
    assert f.key in data
    assert getattr(_built(f, data[f.key]), f.key) == _BUILT[f.type]
    if f.column:  # the workbook writer
        cell = procedure_row(p, _loss())[f.key]
        assert cell not in (None, ""), f.key


def _loss():
    from tthc.lifecycle.convert.represent import Loss

    return Loss()


@pytest.mark.parametrize("f", [f for f in FIELDS if f.compared], ids=_ids)
def test_the_diff_compares_every_published_field_under_its_label(f: Field) -> None:
    element = ELEMENT_BY_KEY[f.key]
    assert (element.label, element.label_en) == (f.vi, f.en)
    if f in SIMPLE:
        old, new = (
            _built(f),
            _built(f, {fields.TEXT: "Khác", fields.LINES: ["Khác"], fields.DATE: "01/01/2020"}[f.type]),
        )
        assert [c.element.key for c in compare_procedures(old, new)] == [f.key]
        assert compare_procedures(old, _built(f)) == []


def test_the_merge_names_every_field_with_its_label() -> None:
    assert {f.key: f.vi for f in FIELDS} == FIELD_LABELS


@pytest.mark.parametrize("f", [f for f in FIELDS if f.site], ids=_ids)
def test_the_citizen_page_shows_every_field_it_does_not_lay_out_itself(f: Field) -> None:
    from tthc.publish.entries import Entry
    from tthc.publish.pages import procedure_page

    p = _built(f)
    page = procedure_page(Entry(p, Catalog(procedures=[p]), "a"), site_title="Thủ tục", generated=dt.date(2026, 1, 1))
    assert f.plain in page
    for line in _VALUES[f.type] if f.type == fields.LINES else [_VALUES[f.type]]:
        assert line in page
