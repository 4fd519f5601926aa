"""The shipped data files: every entry cited, dates valid, the province table complete."""

from __future__ import annotations

import time

import pytest
import yaml

from tthc.knowledge import DATA_DIR, load_knowledge
from tthc.knowledge.loader import DATA_FILES, _default_entries
from tthc.model import DocKind
from tthc.text import doc_number_key

SECTIONS = ("legal_documents", "terms", "abolished_levels", "provinces", "once_only", "targets")


def _entries():
    for name in DATA_FILES:
        data = yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))
        for section in SECTIONS:
            for index, entry in enumerate(data.get(section) or []):
                yield f"{name}:{section}[{index}]", entry


ENTRIES = list(_entries())


def test_every_data_file_is_shipped_and_read():
    assert sorted(p.name for p in DATA_DIR.glob("*.yaml")) == sorted(DATA_FILES)
    assert len(ENTRIES) > 100


@pytest.mark.parametrize(("where", "entry"), ENTRIES, ids=[w for w, _ in ENTRIES])
def test_every_entry_has_a_source_and_says_whether_it_is_confirmed(where, entry):
    assert isinstance(entry.get("source"), str) and entry["source"].strip(), f"{where} lacks a source"
    assert isinstance(entry.get("confirmed"), bool), f"{where} must say confirmed: true|false"


def test_every_shipped_document_has_a_kind_and_a_title():
    kb = load_knowledge(include_unconfirmed=True)
    for doc in kb.legal_documents:
        assert isinstance(doc.kind, DocKind), doc.key
        assert doc.title, doc.key


def test_successors_and_amendments_are_documents_we_know():
    kb = load_knowledge(include_unconfirmed=True)
    for doc in kb.legal_documents:
        for other in (doc.replaced_by, doc.repealed_by, *doc.amended_by):
            if other:
                assert kb.find_document(other) is not None, f"{doc.key} names unknown {other}"


def test_the_documents_the_domain_names_are_all_there():
    kb = load_knowledge(include_unconfirmed=True)
    numbers = _DOMAIN_NUMBERS.split()
    for number in numbers:
        assert kb.find_document(number) is not None, number
    assert kb.document("luat-can-cuoc-2023").title == "Luật Căn cước"


_DOMAIN_NUMBERS = """63/2010/NĐ-CP 48/2013/NĐ-CP 92/2017/NĐ-CP 02/2017/TT-VPCP 68/2020/QH14 104/2022/NĐ-CP
    81/2006/QH11 203/2025/QH15 72/2025/QH15 77/2015/QH13 151/2025/NĐ-CP 202/2025/QH15 43/2011/NĐ-CP
    42/2022/NĐ-CP 224/2026/NĐ-CP 61/2018/NĐ-CP 107/2021/NĐ-CP 118/2025/NĐ-CP 66.16/2026/NQ-CP
    66.18/2026/NQ-CP 66/NQ-CP 68/NQ-CP 66.7/2025/NQ-CP 06/QĐ-TTg 23/2015/NĐ-CP 30/2020/NĐ-CP
    220/CĐ-TTg"""


def test_document_numbers_are_unique():
    keys = [doc_number_key(e["number"]) for w, e in ENTRIES if "legal_documents" in w and e.get("number")]
    assert len(keys) == len(set(keys))


def test_province_table_63_to_34():
    kb = load_knowledge()
    assert len(kb.provinces) == 63
    assert len({p.new_code for p in kb.provinces}) == 34
    gone = {p.short_name for p in kb.merged_provinces()}
    assert len(gone) == 29
    assert {"Hà Nam", "Nam Định", "Bà Rịa - Vũng Tàu", "Hoà Bình"} <= gone
    assert "Ninh Bình" not in gone and "Hà Nội" not in gone
    ha_nam = kb.province("35")
    assert (ha_nam.new_code, ha_nam.new_name) == ("37", "Tỉnh Ninh Bình")
    # new codes reuse old codes of other provinces: Yên Bái (old 15) -> Lào Cai (new 15)
    assert kb.province("15").new_name == "Tỉnh Lào Cai" and kb.province("15").ceased


def test_the_district_level_is_abolished_from_1_july_2025():
    import datetime as dt

    district = load_knowledge().abolished_level("district")
    assert district.abolished_from == dt.date(2025, 7, 1)
    assert not district.is_abolished_at(dt.date(2025, 6, 30))
    assert "cấp xã" in district.recommendation  # ... as what NOT to assume


def test_loading_is_fast_and_cached():
    _default_entries.cache_clear()
    from tthc.knowledge.loader import _default_knowledge

    _default_knowledge.cache_clear()
    start = time.perf_counter()
    first = load_knowledge()
    assert time.perf_counter() - start < 0.5  # parse + build; ~25 ms on a laptop
    start = time.perf_counter()
    assert load_knowledge() is first
    assert time.perf_counter() - start < 0.005
