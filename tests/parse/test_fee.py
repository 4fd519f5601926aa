"""parse_fees on real fee cells (tests/fixtures/parse/fees.yaml)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from parse_fixtures import case_id, load_cases

from tthc.model import FeeStatus
from tthc.parse.fee import parse_fees

CASES = load_cases("fees.yaml")


@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_real_fees(case: dict) -> None:
    got = parse_fees(case["text"])
    expected = case["expect"]
    assert len(got) == len(expected), [f.raw for f in got]
    if len(got) == 1:
        assert got[0].raw == case["text"]
    for fee, expect in zip(got, expected, strict=True):
        assert fee.status is FeeStatus(expect["status"]), fee
        amount = expect.get("amount")
        assert fee.amount == (Decimal(amount) if amount is not None else None), fee
        assert fee.currency == expect.get("currency"), fee
        assert fee.kind == expect.get("kind"), fee
        assert fee.per == expect.get("per"), fee
        if "note_has" in expect:
            assert fee.note and expect["note_has"] in fee.note, fee
        if fee.status is FeeStatus.UNPARSED:
            assert fee.note, "an unparsed fee says why"


def test_unknown_amount_is_never_zero() -> None:
    for case in CASES:
        for fee in parse_fees(case["text"]):
            if fee.status is not FeeStatus.AMOUNT:
                assert fee.amount is None, fee


def test_results_are_fresh_objects() -> None:
    parse_fees("50.000 đồng/hồ sơ")[0].amount = Decimal(1)
    assert parse_fees("50.000 đồng/hồ sơ")[0].amount == Decimal(50000)


def test_enough_real_cases() -> None:
    assert sum(1 for c in CASES if not c["from"].startswith("brief")) >= 30


@given(st.text(max_size=200))
def test_never_raises(text: str) -> None:
    got = parse_fees(text)
    if text.strip():
        assert got, "non-empty text gives at least one fee"
    if len(got) == 1:
        assert got[0].raw == text
    for fee in got:
        assert fee.status in FeeStatus


@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_each_fee_reads_back_from_its_raw(case: dict) -> None:
    """A writer can store each fee's ``raw`` alone and read the same fee back."""
    for fee in parse_fees(case["text"]):
        assert parse_fees(fee.raw) == [fee]
