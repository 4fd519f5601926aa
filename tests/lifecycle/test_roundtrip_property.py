"""YAML → xlsx → YAML is lossless: property test over generated catalogs."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings

from tests.lifecycle.strategies import catalog
from tthc.convert.plain import differences, plain
from tthc.convert.represent import Loss
from tthc.convert.workbook_writer import write_workbook
from tthc.convert.yaml_writer import catalog_to_yaml
from tthc.load.excel import load_excel
from tthc.load.yaml_loader import load_yaml


def _model(catalog) -> dict:
    data = plain(catalog)
    data.pop("layout")
    return data


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalog())
def test_yaml_to_xlsx_to_yaml_is_identical(data: dict) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.yaml"
        source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        first = load_yaml(source)
        assert first.ok, [str(i) for i in first.errors]

        loss = Loss()
        text = catalog_to_yaml(first.catalog, loss=loss)
        write_workbook(first.catalog, Path(tmp) / "out.xlsx", loss)
        assert loss.items == []

        again = load_excel(Path(tmp) / "out.xlsx")
        assert again.ok, [str(i) for i in again.errors]
        assert differences(_model(first.catalog), _model(again.catalog)) == []
        assert catalog_to_yaml(again.catalog) == text

        # and the YAML written reads back to the same model
        (Path(tmp) / "out.yaml").write_text(text, encoding="utf-8")
        assert differences(_model(first.catalog), _model(load_yaml(Path(tmp) / "out.yaml").catalog)) == []
