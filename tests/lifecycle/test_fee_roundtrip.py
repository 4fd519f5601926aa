"""Every fee the loader reads is written back in a form that reads back the same.

The round-trip property test (test_roundtrip_property.py) once lost a fee in a random run:
a several-fee cell whose first part is a placeholder ("Không; Lệ phí : 03 USD"). The part
"Không" was read as an unreadable fee, but written back alone it reads as "no fee", and a
mapping cannot carry it either ("Không" as a text is empty), so no form reproduced it. A
part of a cell now means what it would mean alone: "Không" is no fee, "-", "x",
"Không có thông tin" say nothing. The property below draws fee cells only (cheap: no
workbook), so it searches many more fee shapes than the catalog-wide test can.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings

from tests.conftest import write_yaml_catalog
from tests.lifecycle.strategies import fee_cell
from tthc.lifecycle.convert.plain import plain
from tthc.lifecycle.convert.represent import Loss, fee_repr, rebuild
from tthc.load import load_file
from tthc.model import FeeStatus


def _fees(cell):
    return rebuild({"fees": cell}).channels[0].fees


def test_a_placeholder_part_beside_a_fee_reads_as_it_would_alone(cli, tmp_path: Path) -> None:
    source = write_yaml_catalog(tmp_path / "in.yaml", "  - {name: Cấp phép, fees: 'Không; Lệ phí : 03 USD'}\n")
    fees = load_file(source).catalog.procedures[0].channels[0].fees
    assert [(f.raw, f.status, f.amount, f.currency) for f in fees] == [
        ("Không", FeeStatus.FREE, None, None),
        ("Lệ phí : 03 USD", FeeStatus.AMOUNT, 3, "USD"),
    ]
    book, back = tmp_path / "out.xlsx", tmp_path / "back.yaml"
    code, _, err = cli("convert", source, book)
    assert code == 0, err  # convert reports no loss…
    assert cli("convert", book, back)[0] == 0
    assert plain(load_file(back).catalog.procedures[0].channels[0].fees) == plain(fees)  # …and there is none


def test_a_part_that_says_nothing_is_no_fee() -> None:
    assert [f.raw for f in _fees("Không có thông tin; Phí: 20.000 đồng")] == ["Phí: 20.000 đồng"]
    assert [f.raw for f in _fees("x; Lệ phí: 5.000 đồng/hồ sơ")] == ["Lệ phí: 5.000 đồng/hồ sơ"]
    assert [(f.raw, f.status) for f in _fees("Không")] == [("Không", FeeStatus.FREE)]  # alone: as before
    # a placeholder inside a part is text, not a part
    assert [f.raw for f in _fees("Lệ phí: không có thông tin")] == ["Lệ phí: không có thông tin"]


@settings(max_examples=600, deadline=None, database=None, derandomize=True)
@given(fee_cell())
def test_every_fee_read_is_written_back_without_loss(cell: str) -> None:
    p = rebuild({"fees": cell})
    for fee in p.channels[0].fees:
        loss = Loss()
        written = fee_repr(fee, loss, p)
        assert loss.items == []
        assert plain(_fees(written)) == plain([fee])
