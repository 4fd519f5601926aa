"""One reading of numbers everywhere: config, command line, catalog counts and fees."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import write_yaml_catalog
from tthc.config import load_config
from tthc.load import load_file
from tthc.parse.fee import parse_fees
from tthc.plan.cost import CostError, _decimal
from tthc.text import NumberError, read_number

SAME = [
    ("40.000", 40000),
    ("40,000", 40000),
    ("40 000", 40000),
    ("4.500.000", 4500000),
    ("1.234,5", Decimal("1234.5")),
    ("1,234.5", Decimal("1234.5")),
    ("1,5", Decimal("1.5")),
    ("12.0", 12),
    ("150", 150),
]
REJECTED = ["0.500", "1.23.456", "40.00.0", "1,2,3", "abc", "1e5", "1.000,000.5"]


@pytest.mark.parametrize(("text", "value"), SAME)
def test_every_reader_gives_the_same_number(tmp_path: Path, text: str, value) -> None:
    assert read_number(text) == value
    assert _decimal(text, "--hourly-rate") == value  # the command line
    config = tmp_path / "tthc.yaml"
    config.write_text(f"hourly-rate: {text}\n", encoding="utf-8")  # unquoted: YAML would read 40.000 as 40.0
    assert load_config(config).cost["hourly-rate"] == value
    fee = parse_fees(f"Lệ phí: {text} đồng")[0]
    assert fee.amount == value
    if value == int(value):
        catalog = write_yaml_catalog(
            tmp_path / "c.yaml", f"  - name: Thủ tục\n    volume:\n      dossiers_per_year: {text}\n"
        )
        assert load_file(catalog).catalog.procedures[0].volume.dossiers_per_year == value


@pytest.mark.parametrize("text", REJECTED)
def test_what_cannot_be_told_apart_is_rejected_everywhere(tmp_path: Path, text: str) -> None:
    with pytest.raises(NumberError):
        read_number(text)
    with pytest.raises(CostError):
        _decimal(text, "--hourly-rate")
    assert parse_fees(f"Lệ phí: {text} đồng")[0].amount is None  # kept as written, never a guess
    result = load_file(
        write_yaml_catalog(tmp_path / "c.yaml", f"  - name: Thủ tục\n    volume: {{dossiers_per_year: '{text}'}}\n")
    )
    assert [i.kind for i in result.errors] == ["not-a-number"]
