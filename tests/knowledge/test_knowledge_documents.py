"""Status of legal documents around each transition the domain names."""

from __future__ import annotations

import datetime as dt

import pytest

from tthc.knowledge import DocStatus, load_knowledge

D = dt.date


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


@pytest.fixture(scope="module")
def kb_all():
    return load_knowledge(include_unconfirmed=True)


@pytest.mark.parametrize(
    ("number", "day", "status"),
    [
        ("42/2022/NĐ-CP", D(2026, 6, 30), DocStatus.IN_FORCE),
        ("42/2022/NĐ-CP", D(2026, 7, 1), DocStatus.REPEALED),
        ("42/2022/ND-CP", D(2026, 11, 28), DocStatus.REPEALED),  # written without Đ
        ("42/2022/NĐ-CP", D(2022, 7, 31), DocStatus.NOT_YET),  # believed in force 1/8/2022
        ("224/2026/NĐ-CP", D(2026, 7, 1), DocStatus.IN_FORCE),
        ("63/2010/NĐ-CP", D(2026, 11, 28), DocStatus.IN_FORCE),  # amended, not repealed
        ("63/2010/NĐ-CP", D(2010, 10, 13), DocStatus.NOT_YET),
        ("63/2010/NĐ-CP", D(2010, 10, 14), DocStatus.IN_FORCE),
        ("81/2006/QH11", D(2021, 6, 30), DocStatus.IN_FORCE),
        ("81/2006/QH11", D(2021, 7, 1), DocStatus.REPEALED),
        ("68/2020/QH14", D(2021, 7, 1), DocStatus.IN_FORCE),
        ("66.16/2026/NQ-CP", D(2027, 2, 28), DocStatus.IN_FORCE),  # last day
        ("66.16/2026/NQ-CP", D(2027, 3, 1), DocStatus.EXPIRED),
        ("66.18/2026/NQ-CP", D(2027, 3, 1), DocStatus.EXPIRED),
    ],
)
def test_status_at(kb, number, day, status):
    assert kb.find_document(number).status_at(day) is status


def test_42_2022_is_succeeded_by_224_2026(kb):
    doc = kb.find_document("42/2022/NĐ-CP")
    assert doc.successor == "224/2026/NĐ-CP"
    assert kb.successor_of(doc).label == "Nghị định 224/2026/NĐ-CP"
    assert doc.end_date == D(2026, 7, 1)
    # the repeal date is confirmed (Art. 90); the in-force date of 2022 is only believed
    assert doc.date_confirmed("repealed_from") and not doc.date_confirmed("effective")
    assert doc.status_date_confirmed(D(2026, 7, 1))
    assert not doc.status_date_confirmed(D(2026, 6, 30))


def test_amended_is_not_repealed(kb):
    doc = kb.find_document("63/2010/NĐ-CP")
    assert doc.amended_by == ("48/2013/NĐ-CP", "92/2017/NĐ-CP")
    assert doc.successor is None and doc.end_date is None


def test_temporary_resolution_end_date_is_the_day_after_expiry(kb):
    doc = kb.find_document("66.16/2026/NQ-CP")
    assert doc.temporary and doc.expires == D(2027, 2, 28)
    assert doc.end_date == D(2027, 3, 1)


@pytest.mark.parametrize("number", ["43/2011/NĐ-CP", "61/2018/NĐ-CP", "107/2021/NĐ-CP", "77/2015/QH13"])
def test_unconfirmed_repeals_are_off_by_default_and_on_on_request(kb, kb_all, number):
    assert kb.find_document(number) is None
    assert number.replace("Đ", "D") in {s.identity for s in kb.switched_off}
    doc = kb_all.find_document(number)
    assert not doc.confirmed
    assert doc.status_at(D(2026, 11, 28)) is DocStatus.REPEALED


def test_43_2011_repeal_date_is_believed_not_confirmed(kb_all):
    doc = kb_all.find_document("43/2011/NĐ-CP")
    assert doc.successor == "42/2022/NĐ-CP"
    assert doc.status_at(D(2022, 7, 31)) is DocStatus.IN_FORCE
    assert doc.status_at(D(2022, 8, 1)) is DocStatus.REPEALED
    assert not doc.status_date_confirmed(D(2022, 8, 1))


def test_replaced_without_a_date_ends_when_the_successor_starts_unconfirmed(kb_all):
    doc = kb_all.find_document("77/2015/QH13")
    successor = kb_all.successor_of(doc)
    assert successor.number == "72/2025/QH15"
    assert doc.repealed_from == successor.issued  # 72/2025 has no confirmed in-force date
    assert not doc.date_confirmed("repealed_from")


def test_numbers_without_a_year_are_told_apart_by_the_year(kb):
    assert kb.find_document("66/NQ-CP").issued == D(2025, 3, 26)
    assert kb.find_document("66/NQ-CP", year=2025) is not None
    assert kb.find_document("66/NQ-CP", year=D(2019, 5, 2)) is None
    assert kb.find_document("68/NQ-CP", year=2020).year == 2020
    assert kb.find_document("06/QD-TTg", year=2022) is not None


def test_find_document_ignores_spelling_of_numbers(kb):
    for written in ("42/2022/ND-CP", "42/2022/nđ-cp", "42 / 2022 / NĐ – CP"):
        assert kb.find_document(written).number == "42/2022/NĐ-CP"
    assert kb.find_document("") is None
    assert kb.find_document("999/2099/NĐ-CP") is None


def test_labels(kb):
    assert kb.find_document("68/2020/QH14").label == "Luật 68/2020/QH14"
    assert kb.find_document("220/CĐ-TTg").label == "Công điện 220/CĐ-TTg"
    assert kb.document("luat-can-cuoc-2023").label == "Luật Căn cước"
