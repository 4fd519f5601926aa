"""YAML → xlsx → YAML is lossless: property test over generated, real-shaped catalogs.

The catalogs carry what real ones do (tests/lifecycle/strategies.py): glued legal
references and references without a number, several fees on one channel and channels whose
fees differ, unreadable or ambiguous numbers, multi-line cells, NFD, control characters.
1,000 examples by default (CI); TTHC_ROUNDTRIP_EXAMPLES=20000 for a longer local run. Nine
workbooks in ten are written without what only people use (header notes, drop-down lists,
styles: `build_workbook(decorate=False)`, the same cells), which keeps the thousand inside
a minute; every tenth is the full workbook `tthc convert` writes.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.lifecycle.strategies import catalog
from tthc.lifecycle.convert.plain import differences, plain
from tthc.lifecycle.convert.represent import Loss
from tthc.lifecycle.convert.workbook_writer import build_workbook
from tthc.lifecycle.convert.yaml_writer import catalog_to_yaml
from tthc.load.excel.layouts import load_excel
from tthc.load.yaml_loader import load_yaml

EXAMPLES = int(os.environ.get("TTHC_ROUNDTRIP_EXAMPLES", "1000"))
# The suite (and so CI) draws the same 1,000 examples every run, so a red run means this
# commit broke something; `TTHC_ROUNDTRIP_RANDOM=1` draws fresh ones to search for new losses.
RANDOM = os.environ.get("TTHC_ROUNDTRIP_RANDOM") == "1"
# openpyxl writes each sheet to a temp file first: on a busy disk the file churn costs more
# than the test itself, so the work folder is in memory where there is one (/dev/shm).
_SHM = Path("/dev/shm")
WORK = Path(
    tempfile.mkdtemp(prefix="tthc-roundtrip-", dir=_SHM if _SHM.is_dir() and os.access(_SHM, os.W_OK) else None)
)


def _model(catalog) -> dict:
    data = plain(catalog)
    data.pop("layout")
    return data


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=not RANDOM,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(catalog(), st.integers(0, 9))
def test_yaml_to_xlsx_to_yaml_is_identical(data: dict, full: int) -> None:
    source = WORK / "in.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    first = load_yaml(source)
    assert first.ok, [str(i) for i in first.errors]

    loss = Loss()
    text = catalog_to_yaml(first.catalog, loss=loss)
    wb = build_workbook(first.catalog, loss, decorate=full == 0)
    saved, tempfile.tempdir = tempfile.tempdir, str(WORK)
    try:
        wb.save(str(WORK / "out.xlsx"))
    finally:
        tempfile.tempdir = saved
    assert loss.items == []  # the writer predicts no loss…

    again = load_excel(WORK / "out.xlsx")
    assert again.ok, [str(i) for i in again.errors]
    assert differences(_model(first.catalog), _model(again.catalog)) == []  # …and there is none
    assert catalog_to_yaml(again.catalog) == text

    # and the YAML written reads back to the same model
    (WORK / "out.yaml").write_text(text, encoding="utf-8")
    assert differences(_model(first.catalog), _model(load_yaml(WORK / "out.yaml").catalog)) == []
