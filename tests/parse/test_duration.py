"""parse_duration on real processing-time cells (tests/fixtures/parse/durations.yaml)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from parse_fixtures import case_id, load_cases

from tthc.model import DurationStatus
from tthc.parse.duration import parse_duration

CASES = load_cases("durations.yaml")
NUMBERS = ("working_days", "days", "hours", "months")


@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_real_durations(case: dict) -> None:
    expect = case["expect"]
    got = parse_duration(case["text"])
    assert got.raw == case["text"]
    assert got.status is DurationStatus(expect["status"])
    for name in NUMBERS:
        assert getattr(got, name) == expect.get(name), name
    if "note_has" in expect:
        assert got.note and expect["note_has"] in got.note
    if got.status is DurationStatus.UNPARSED:
        assert got.note, "an unparsed time says why"


def test_results_are_fresh_objects() -> None:
    first = parse_duration("05 ngày làm việc")
    first.working_days = 99
    assert parse_duration("05 ngày làm việc").working_days == 5


def test_enough_real_cases() -> None:
    assert sum(1 for c in CASES if not c["from"].startswith("brief")) >= 30


@given(st.text(max_size=200))
def test_never_raises(text: str) -> None:
    got = parse_duration(text)
    assert got.raw == text
    assert got.status in DurationStatus
