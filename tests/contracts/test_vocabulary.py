"""Every surface that names the fields of a procedure derives from one table (tthc.fields).

Each test walks the vocabulary and checks one surface covers every field: the loader's keys,
the JSON Schema, the template workbook's columns and the header aliases, the builder, the
YAML and workbook writers, the diff's elements, the merge's labels and the citizen pages; and
every item of a structured field (tthc.fields.ITEMS): the workbook's child sheets, the Word/PDF
export's tables, the 2021 MongoDB export; the page's extra items; the plan's column titles.
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
from tthc.load.excel.headers import CHILD_HEADERS, PROCEDURE_HEADERS
from tthc.load.excel.workbook_layout import PROCEDURE_KEY, PROCEDURES, READ_SHEETS, SHEETS
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


# -- the child sheets, the Word/PDF tables, the 2021 MongoDB export, the page's extra items, the plan


def test_every_child_sheet_writes_the_vocabularys_items_under_their_headers() -> None:
    assert {i.of for i in fields.ITEMS} == {s.key for s in READ_SHEETS}, "an item on no child sheet, or the reverse"
    for sheet in READ_SHEETS:
        key, *columns = sheet.columns
        assert key.key == PROCEDURE_KEY, sheet.name
        assert [(c.key, c.header, c.kind, c.aliases) for c in columns] == [
            (i.key, i.vi, i.kind, i.aliases) for i in fields.items(sheet.key)
        ], sheet.name
        for i in fields.items(sheet.key):
            assert i.vi.strip() and i.en.strip() and i.note.strip(), f"{sheet.key}.{i.key}"
            for header in (i.vi, *i.aliases):
                assert CHILD_HEADERS[sheet.key].match(header) == i.key, f"{sheet.name}: {header}"
    for f in FIELDS:
        if f.sheet is not None and f.type not in (fields.TEXT, fields.LINES):
            assert fields.items(f.sheet), f"{f.key}: its sheet {f.sheet!r} has no items"


@pytest.mark.parametrize("item", [i for i in fields.ITEMS if i.document], ids=lambda i: f"{i.of}.{i.key}")
def test_the_word_and_pdf_tables_read_every_item_under_each_of_its_headers(item) -> None:
    from tthc.load import document_layouts as dl

    table = {"channels": dl._CHANNEL_HEADERS, "documents": dl._DOCUMENT_HEADERS, "legal_basis": dl._LEGAL_HEADERS}
    for header in item.document:
        assert table[item.of].match(header) == item.key, header


def test_the_mongodb_export_reads_every_field_and_item_it_names() -> None:
    from tthc.load.portal.mongo import is_mongo, mongo_record

    data: dict = {}
    for f in FIELDS:
        for key in f.mongo:
            data[key] = "Giá trị thử"
    for sheet in ("channels", "documents"):
        row = {m: f"{i.key} thử" for i in fields.items(sheet) for m in i.mongo}
        data[fields.FIELD_BY_KEY[sheet].mongo[0]] = [row]
    assert is_mongo(data)
    sink = IssueSink()
    record = mongo_record(data, "data.json", "[0].", sink)
    assert not sink.issues, [str(i) for i in sink.issues]  # every key known
    assert {f.key for f in FIELDS if f.mongo} <= set(record.values)
    for sheet in ("channels", "documents"):
        row = record.values[sheet][0]
        for i in fields.items(sheet):
            if i.mongo:
                assert row[i.key] == f"{i.key} thử", f"{sheet}.{i.key}"


def test_the_pages_extra_items_are_kept_under_their_label_by_every_reader() -> None:
    from tthc.load import document_layouts as dl
    from tthc.load.portal import flattened as fl
    from tthc.load.portal.structured import structured_record

    for item in fields.PAGE_ITEMS:
        assert (item.vi, "extra:" + item.vi) in dl._LABELS
    content = {i.export: f"{i.en} thử" for i in fields.PAGE_ITEMS}
    sink = IssueSink()
    record = structured_record({"metadata": {"tên_thủ_tục": "Thủ tục thử"}, "content": content}, "a.json", "", sink)
    assert not sink.issues, [str(i) for i in sink.issues]
    assert {i.vi: f"{i.en} thử" for i in fields.PAGE_ITEMS}.items() <= record.values["extra"].items()
    found = fl.results("Giấy phép Mã: KQ.1 " + " ".join(f"{i.vi} {i.en} thử" for i in fields.PAGE_ITEMS))
    assert {i.key: getattr(found, i.key) for i in fields.PAGE_ITEMS} == {
        i.key: f"{i.en} thử" for i in fields.PAGE_ITEMS
    }


def test_the_plan_names_a_field_with_its_plan_title() -> None:
    from tthc.labels import PLAN
    from tthc.report import docx_plan, xlsx_plan

    titles = {f.plan for f in FIELDS} | set(PLAN.values())  # a field's title, or the plan's own column
    headers = [*xlsx_plan.PART_TWO, *xlsx_plan.CORRECTIONS, *docx_plan.PART_I_HEADERS, *docx_plan.CORRECTION_HEADERS]
    for header in headers:
        key = PROCEDURE_HEADERS.match(header)
        if key in fields.FIELD_BY_KEY and header not in titles:
            raise AssertionError(f"plan column {header!r} names {key} but not as tthc.fields says")
    for key in ("code", "name"):
        assert fields.FIELD_BY_KEY[key].plan in xlsx_plan.PART_TWO


@pytest.mark.parametrize(
    ("table", "enum"),
    [
        ("LEVELS", "Level"),
        ("METHODS", "Method"),
        ("ONLINE_LEVELS", "OnlineLevel"),
        ("MECHANISMS", "Mechanism"),
        ("COPY_KINDS", "CopyKind"),
        ("AGENCY_ROLES", "AgencyRole"),
        ("DOC_KINDS", "DocKind"),
        ("CATALOG_KINDS", "CatalogKind"),
    ],
)
def test_every_enum_has_one_label_table_naming_each_value_once(table: str, enum: str) -> None:
    from tthc import labels, model

    rows = getattr(labels, table)
    # values read, never offered in a drop-down: the old online levels 1-4, a list export's kind
    values = {e.value for e in getattr(model, enum)} - {"legacy", "index"}
    assert sorted(r.value for r in rows) == sorted(values), f"labels.{table}"
    assert all(r.vi.strip() and r.en.strip() for r in rows)
    assert len({r.vi for r in rows}) == len(rows), f"labels.{table}: two values share a label"


def test_the_copies_of_a_label_table_are_derived_from_it() -> None:
    from tthc import labels
    from tthc.lifecycle.convert import represent, workbook_rows
    from tthc.model import LEVEL_WORDS

    assert {k.value: v for k, v in LEVEL_WORDS.items()} == labels.vi(labels.LEVELS)
    assert labels.vi(labels.ONLINE_LEVELS) == represent.ONLINE_LABELS
    assert workbook_rows.LABEL["role"] == labels.vi(labels.AGENCY_ROLES)
    for role in labels.AGENCY_ROLES:
        column = fields.COLUMN_BY_KEY[f"agencies:{role.value}"]
        assert (column.vi, column.en) == (role.vi, role.en)
