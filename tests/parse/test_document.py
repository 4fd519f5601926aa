"""parse_document on real dossier lines (tests/fixtures/parse/documents.yaml)."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from parse_fixtures import case_id, load_cases

from tthc.model import CopyKind
from tthc.parse.document import paper_name, parse_document

CASES = load_cases("documents.yaml")


@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_real_documents(case: dict) -> None:
    expect = case["expect"]
    got = parse_document(case["text"], case.get("counts"))
    assert got.raw == case["text"]
    kinds = [CopyKind(k) for k in expect["copy_kinds"]]
    assert got.copy_kinds == kinds
    assert got.copy_kind == (kinds[0] if kinds else None)
    assert got.originals == expect.get("originals")
    assert got.copies == expect.get("copies")
    assert got.form == expect.get("form")
    if "name" in expect:
        assert got.name == expect["name"]
    if "paper" in expect:
        assert paper_name(case["text"]) == expect["paper"]
    if "paper_has" in expect:
        assert expect["paper_has"] in paper_name(case["text"])
    if "note_has" in expect:
        assert got.note and expect["note_has"] in got.note


@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_name_keeps_the_wording(case: dict) -> None:
    """Issue #11: the name is the line as written, only bullets and list punctuation go;
    copy kinds and counts are never cut out of it (mid-sentence or not)."""
    line = re.sub(r"\s+", " ", unicodedata.normalize("NFC", case["text"])).strip()
    name = parse_document(case["text"], case.get("counts")).name
    assert name in line
    assert line.endswith((name, name + ";", name + ",", name + " ;", name + "."))
    assert len(line) - len(name) <= 8


def test_results_are_fresh_objects() -> None:
    text = "Bản sao có chứng thực Giấy khai sinh"
    parse_document(text).copy_kinds.append(CopyKind.ORIGINAL)
    assert parse_document(text).copy_kinds == [CopyKind.CERTIFIED_COPY]


def test_enough_real_cases() -> None:
    assert sum(1 for c in CASES if not c["from"].startswith("brief")) >= 30


@given(st.text(max_size=200), st.one_of(st.none(), st.text(max_size=40)))
def test_never_raises(text: str, counts: str | None) -> None:
    got = parse_document(text, counts)
    assert got.raw == text
    assert got.copy_kind == (got.copy_kinds[0] if got.copy_kinds else None)


@pytest.mark.parametrize("line", [", * Đăng Đăng", "- 1. Bản sao có chứng thực Giấy khai sinh (01 bản)", "; + Tờ khai"])
def test_name_reads_back_as_itself(line: str) -> None:
    """A name written back to a file (workbook, YAML) must parse to the same name."""
    name = parse_document(line).name
    assert parse_document(name).name == name
    assert not name.startswith(("*", ",", "-", ";", "+"))


# -- second reader (issue #16 review): names from real portal rows, NFC and NFD -------------


@pytest.mark.parametrize("form", ["NFC", "NFD"])
@pytest.mark.parametrize(
    "line, name",
    [
        # bo-tu-phap/2.001263, thanh_phan_ho_so dòng 13: the "+)" bullet goes, ")" with it
        (
            "+) Khi người nhận con nuôi đề nghị UBND cấp xã xác nhận Văn bản xác nhận hoàn cảnh gia đình, "
            "tình trạng chỗ ở, điều kiện kinh tế;",
            "Khi người nhận con nuôi đề nghị UBND cấp xã xác nhận Văn bản xác nhận hoàn cảnh gia đình, "
            "tình trạng chỗ ở, điều kiện kinh tế",
        ),
        # bo-tu-phap/1.000080 dòng 22: "Bản chụp …" keeps its first word (never "Chụp …")
        (
            "+ Bản chụp các giấy tờ gửi kèm theo hồ sơ đăng ký nhận cha, mẹ, con trực tuyến",
            "Bản chụp các giấy tờ gửi kèm theo hồ sơ đăng ký nhận cha, mẹ, con trực tuyến",
        ),
        ("Bản chụp hợp đồng liên kết", "Bản chụp hợp đồng liên kết"),
        # a line whose own words start with ")" (step text cut by the crawl) keeps them
        ("); Nộp hồ sơ cho đơn vị SDLĐ.", "); Nộp hồ sơ cho đơn vị SDLĐ."),
    ],
)
def test_bullets_go_and_the_words_stay(line: str, name: str, form: str) -> None:
    text = unicodedata.normalize(form, line)
    got = parse_document(text)
    assert got.raw == text  # byte for byte
    assert got.name == name


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_a_photocopy_is_a_copy_and_its_paper_is_the_contract(form: str) -> None:
    got = parse_document(unicodedata.normalize(form, "Bản chụp hợp đồng liên kết"))
    assert got.copy_kinds == [CopyKind.COPY]
    assert paper_name(unicodedata.normalize(form, "Bản chụp hợp đồng liên kết")) == "Hợp đồng liên kết"
