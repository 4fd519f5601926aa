"""parse_legal_text and parse_legal_row on real legal-basis cells (tests/fixtures/parse/legal_refs.yaml)."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from parse_fixtures import case_id, load_cases

from tthc.model import DocKind, LegalRef
from tthc.parse.legal import parse_legal_row, parse_legal_text

CASES = load_cases("legal_refs.yaml")


def _parse(case: dict) -> list[LegalRef]:
    if "text" in case:
        return parse_legal_text(case["text"])
    return [parse_legal_row(**case["row"])]


@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_real_legal_refs(case: dict) -> None:
    got = _parse(case)
    expected = case["expect"]
    assert [r.number for r in got] == [e["number"] for e in expected]
    for ref, expect in zip(got, expected, strict=True):
        kind = expect["kind"]
        assert ref.kind == (DocKind(kind) if kind else None), ref
        issued = expect.get("issued")
        assert ref.issued == (dt.date.fromisoformat(issued) if issued else None), ref
        assert ref.article == expect.get("article"), ref
        if "issuer" in expect:
            assert ref.issuer == expect["issuer"], ref
        if "title" in expect:
            assert ref.title == expect["title"], ref
        if "title_has" in expect:
            assert ref.title and expect["title_has"] in ref.title, ref
        if "note_has" in expect:
            assert ref.note and expect["note_has"] in ref.note, ref
        if ref.number is None:
            assert ref.note, "an unidentified reference says why"


def test_single_reference_keeps_the_input_as_raw() -> None:
    text = "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ"
    assert parse_legal_text(text)[0].raw == text


def test_results_are_fresh_objects() -> None:
    parse_legal_text("Luật 47/2014/QH13")[0].number = "changed"
    assert parse_legal_text("Luật 47/2014/QH13")[0].number == "47/2014/QH13"


def test_enough_real_cases() -> None:
    assert sum(1 for c in CASES if not c["from"].startswith(("brief", "realdata/SOURCES"))) >= 30


@given(st.text(max_size=200))
def test_text_never_raises(text: str) -> None:
    got = parse_legal_text(text)
    assert got, "always at least one reference, identified or not"
    if len(got) == 1:
        assert got[0].raw == text


@given(st.one_of(st.none(), st.text(max_size=60)), st.one_of(st.none(), st.text(max_size=120)), st.text(max_size=20))
def test_row_never_raises(number: str | None, title: str | None, issued: str) -> None:
    parse_legal_row(number, title, issued, None)


@pytest.mark.parametrize("case", [c for c in CASES if "text" in c], ids=lambda c: case_id(c))
def test_each_reference_reads_back_from_its_raw(case: dict) -> None:
    """A writer can store each reference's ``raw`` alone and read the same reference back."""
    for ref in parse_legal_text(case["text"]):
        assert parse_legal_text(ref.raw) == [ref]


@pytest.mark.parametrize("case", [c for c in CASES if "text" in c], ids=lambda c: case_id(c))
def test_nfd_text_reads_the_same_numbers(case: dict) -> None:
    """Real exports mix NFC and NFD: the decomposed cell cites the same documents."""
    nfd = unicodedata.normalize("NFD", case["text"])
    assert [r.number for r in parse_legal_text(nfd)] == [e["number"] for e in case["expect"]]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Luật sửa đổi, bổ sung một số điều của Luật Doanh nghiệp 202076/2025/QH15", "76/2025/QH15"),
        (
            "Tên văn bản pháp lýMã văn bảnđược sửa đổi, bổ sung bởi Thông tư số 11/2022/TT-BTC ngày 21 tháng 02 năm 2022.65/2025/TT-BTC",
            "65/2025/TT-BTC",
        ),
        ("Thông tư sửa đổi Thông tư 2025.01/2022/TT-BXD", "01/2022/TT-BXD"),
        ("Luật 54/2014/QH1354/2014/QH13", "54/2014/QH13"),
        ("giai đoạn 2026 - 2030182/2025/NQ-HĐND", "182/2025/NQ-HĐND"),
        ("Quyết định số 3713/QĐ-BTP", "3713/QĐ-BTP"),  # four digits without a year: no year to cut
        ("Quyết định 2019/QĐ-TTg", "2019/QĐ-TTg"),  # a serial that looks like a year stays whole
    ],
)
def test_year_glued_numbers(text: str, number: str) -> None:
    assert parse_legal_text(text)[-1].number == number
