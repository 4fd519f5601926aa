"""The English of the parts the whole-run test (test_english.py) reaches only on some catalogs:
the knowledge base's citations, the parser's notes, the diff's wording, money and the schema."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from tests.language.vietnamese import leaks_in, marked
from tthc.knowledge import load_knowledge
from tthc.parse.duration import parse_duration

DATA = Path(__file__).resolve().parents[2] / "tthc" / "knowledge" / "data"
# the register the vbpl import and the register work fill (hundreds of dated notes): not yet in English
WRITTEN_IN_BOTH = ("units.yaml", "terms.yaml", "once_only.yaml", "targets.yaml", "legal_documents.yaml")


def _entries(name: str):
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    for section, items in data.items():
        if isinstance(items, list):
            for item in items:
                if isinstance(item, dict) and "source" in item:
                    yield section, item


@pytest.mark.parametrize("name", WRITTEN_IN_BOTH)
def test_every_shipped_citation_has_its_english(name: str) -> None:
    missing = [
        f"{s}:{e.get('id') or e.get('number') or e.get('old_name')}"
        for s, e in _entries(name)
        if not e.get("source_en")
    ]
    assert missing == []


def test_an_english_citation_keeps_the_numbers_and_dates_of_the_vietnamese() -> None:
    """Written faithfully: every document number and date of the source is in its English."""
    import re

    figures = re.compile(r"\d[\d./]*(?:/[A-ZĐ][\w&-]*)?")
    for name in WRITTEN_IN_BOTH:
        for _, entry in _entries(name):
            vi, en = entry["source"], entry["source_en"]
            assert set(figures.findall(vi)) <= set(figures.findall(en)), (vi, en)


def test_findings_cite_the_knowledge_base_in_the_language_asked_for() -> None:
    kb = load_knowledge()
    province = next(p for p in kb.provinces if p.ceased)
    assert province.source.text("vi").startswith("Nghị quyết 202/2025/QH15")
    assert province.source.text("en").startswith("Resolution 202/2025/QH15 (12/6/2025): 63 provinces")
    assert leaks_in(province.source.text("en"), "") == []
    level = kb.abolished_levels[0]
    assert "chấm dứt đơn vị hành chính cấp huyện" in level.source.vi
    assert "the district level of administrative units ends from 01/7/2025" in level.source.en


def test_a_user_knowledge_file_without_english_cites_in_its_own_words(tmp_path: Path) -> None:
    from tthc.knowledge.loader import build_knowledge
    from tthc.knowledge.reader import read_file

    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "tthc_knowledge: 1\nlegal_documents:\n  - number: 12/2030/NĐ-CP\n    kind: decree\n"
        "    title: Nghị định thử\n    effective: 2030-01-01\n    source: Công báo số 1 năm 2030\n",
        encoding="utf-8",
    )
    kb = build_knowledge(list(read_file(extra, "mine.yaml")))
    doc = kb.find_document("12/2030/NĐ-CP")
    assert doc is not None and doc.source.text("en") == doc.source.text("vi") == "Công báo số 1 năm 2030"


@pytest.mark.parametrize(
    ("raw", "vi", "en"),
    [
        ("7", "không ghi đơn vị; hiểu là ngày", "no unit written; read as days"),
        ("ba hôm", "không ghi một khoảng thời gian", "states no length of time"),
        ("trong các ngày", "không tìm thấy số ngày, giờ hoặc tháng của thời hạn", "no number of days, hours or months"),
        (
            "05 ngày làm việc đối với cá nhân; 10 ngày làm việc đối với tổ chức",
            "nhiều thời hạn theo trường hợp (5 ngày làm việc; 10 ngày làm việc): lấy dài nhất",
            "several times, by case (5 working days; 10 working days): the longest taken",
        ),
        (
            # the same cell in NFD (as some portals write it): the same notes
            "05 nga\u0300y la\u0300m vie\u0323\u0302c đo\u0302\u0301i vo\u031b\u0301i ca\u0301 nha\u0302n; "
            "10 nga\u0300y la\u0300m vie\u0323\u0302c đo\u0302\u0301i vo\u031b\u0301i to\u0302\u0309 chu\u031b\u0301c",
            "nhiều thời hạn theo trường hợp (5 ngày làm việc; 10 ngày làm việc): lấy dài nhất",
            "several times, by case (5 working days; 10 working days): the longest taken",
        ),
    ],
)
def test_the_parsers_notes_read_in_both_languages(raw: str, vi: str, en: str) -> None:
    d = parse_duration(raw)
    assert d.note == vi and d.note_text("vi") == vi
    assert d.note_text("en") is not None and d.note_text("en").startswith(en)
    assert not any(marked(w) for w in d.note_text("en").split())


def test_validate_says_why_a_time_is_unreadable_in_english(cli, tmp_path: Path) -> None:
    catalog = tmp_path / "c.yaml"
    catalog.write_text(
        "tthc_catalog: 1\nprocedures:\n  - name: Thủ tục A\n    processing_time: ba hôm\n", encoding="utf-8"
    )
    _, out, _ = cli("validate", catalog, "--lang", "en")
    assert "cannot read the processing time 'ba hôm' (states no length of time)" in out
    _, out, _ = cli("validate", catalog)
    assert "không đọc được thời hạn giải quyết 'ba hôm' (không ghi một khoảng thời gian)" in out


def test_money_is_grouped_the_way_each_language_writes_it() -> None:
    from tthc.plan.cost import format_number, format_percent, format_vnd

    assert format_vnd(Decimal(32000000)) == "32.000.000"
    assert format_vnd(Decimal(32000000), lang="en") == "32,000,000"
    assert (format_number(Decimal("1234.5")), format_number(Decimal("1234.5"), lang="en")) == ("1.234,5", "1,234.5")
    assert (format_percent(Decimal("28.5714")), format_percent(Decimal("28.5714"), lang="en")) == ("28,57 %", "28.57%")


def test_the_diff_words_its_own_lines_in_english(cli, tmp_path: Path) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    body = (
        "tthc_catalog: 1\nprocedures:\n  - code: '1.000001'\n    name: Thủ tục A\n"
        "    agencies:\n      implementing: UBND xã\n      coordinating: {coordinating}\n"
        "    online_service: Một phần\n    partial_reason: {reason}\n"
    )
    old.write_text(body.format(coordinating="Công an xã", reason="Cần bản giấy"), encoding="utf-8")
    new.write_text(body.format(coordinating="Công an tỉnh", reason="Cần ký nhận"), encoding="utf-8")
    _, out, _ = cli("diff", old, new, "--lang", "en", "--format", "json")
    changes = {c["element"]: c for c in json.loads(out)["amended"][0]["changes"]}
    assert changes["agencies"]["new"] == ["UBND xã", "Coordinating agency: Công an tỉnh"]
    assert changes["online_service"]["old"] == ["Một phần", "Reason it is partly online: Cần bản giấy"]
    _, out, _ = cli("diff", old, new, "--format", "json")
    changes = {c["element"]: c for c in json.loads(out)["amended"][0]["changes"]}
    assert changes["agencies"]["new"] == ["UBND xã", "Cơ quan phối hợp: Công an tỉnh"]
    assert changes["online_service"]["old"] == ["Một phần", "Lý do một phần: Cần bản giấy"]


def test_the_schema_speaks_the_language_asked_for(cli) -> None:
    _, vi, _ = cli("schema")
    _, en, _ = cli("schema", "--lang", "en")
    assert json.loads(vi)["title"] == "Danh mục thủ tục hành chính (tthc_catalog: 1)"
    assert json.loads(en)["title"] == "Catalog of administrative procedures (tthc_catalog: 1)"
    assert json.loads(en)["$defs"]["fee"]["properties"]["amount"]["description"] == "Amount"
