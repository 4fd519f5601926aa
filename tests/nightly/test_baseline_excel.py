"""Baselines across Excel: re-sorting a workbook's rows and converting YAML ↔ Excel change nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.nightly.catalogs import SELECT, defective, write_catalog, write_workbook


def _procedures() -> list[dict]:
    return defective()[:4]  # no duplicate code: child sheets are keyed by code


def _check(cli, path: str, baseline: str) -> tuple[int, dict]:
    code, out, _ = cli(
        "check", path, "--select", SELECT, "--format", "json", "--fail-on", "info", "--baseline", baseline
    )
    return code, json.loads(out)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("yaml", "excel"):
        (tmp_path / name).mkdir()
    write_catalog(tmp_path / "yaml" / "xa.yaml", _procedures())
    write_workbook(tmp_path / "excel" / "xa.xlsx", _procedures())
    return tmp_path


@pytest.mark.parametrize(("made_from", "checked"), [("yaml", "excel"), ("excel", "yaml")])
def test_converting_between_yaml_and_excel_changes_nothing(cli, folder: Path, made_from: str, checked: str) -> None:
    assert cli("baseline", "create", made_from, "--select", SELECT, "-o", "b.json")[0] == 0
    assert len(json.loads((folder / "b.json").read_text(encoding="utf-8"))["findings"]) == 3
    code, report = _check(cli, checked, "b.json")
    assert (code, report["findings"], report.get("fixed", [])) == (0, [], [])


def test_resorting_workbook_rows_changes_nothing(cli, folder: Path) -> None:
    cli("baseline", "create", "excel", "--select", SELECT, "-o", "b.json")
    write_workbook(folder / "excel" / "xa.xlsx", list(reversed(_procedures())))
    code, report = _check(cli, "excel", "b.json")
    assert (code, report["findings"], report.get("fixed", [])) == (0, [], [])
    _, out, _ = cli("check", "excel", "--select", SELECT, "--format", "json")
    rows = {f["procedure"]["code"]: f["position"]["row"] for f in json.loads(out)["findings"]}
    assert rows == {"1.0008": 3, "1.000894": 4}  # the rows did move (they were 4 and 3)


def test_one_new_defect_in_a_workbook_is_the_only_finding(cli, folder: Path) -> None:
    cli("baseline", "create", "excel", "--select", SELECT, "-o", "b.json")
    procedures = _procedures()
    del procedures[3]["steps"]
    write_workbook(folder / "excel" / "xa.xlsx", procedures)
    code, report = _check(cli, "excel", "b.json")
    assert code == 1
    (finding,) = report["findings"]
    assert (finding["procedure"]["code"], finding["rule"], finding["field"]) == (
        "2.000635",
        "missing-required-element",
        "steps",
    )
    assert finding["position"]["sheet"] == "Thủ tục" and finding["position"]["row"] == 5
