"""The issue's done-when on the sample catalogs in catalogs/ (skipped where they are absent).

baseline create catalogs/ -> check --baseline --fail-on info exits 0; one new defect in a
copy -> exactly one new finding; re-sorted rows (YAML lists, annex rows within a section) -> none.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import CATALOGS

pytestmark = pytest.mark.skipif(
    not any(CATALOGS.glob("*.yaml")) or not any(CATALOGS.glob("*.xlsx")),
    reason="no sample catalogs (YAML and Excel) in catalogs/",
)


@pytest.fixture
def work(cli, tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(CATALOGS, tmp_path / "catalogs")
    code, _, err = cli("baseline", "create", "catalogs/", "-o", "b.json")
    assert code == 0, err
    shutil.copytree(tmp_path / "catalogs", tmp_path / "copy")
    return tmp_path


def _check(cli, folder: str) -> tuple[int, dict]:
    code, out, _ = cli("check", folder, "--baseline", "b.json", "--fail-on", "info", "--format", "json")
    return code, json.loads(out)


def _edit_yaml(path: Path, edit) -> None:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(doc["procedures"])
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_baseline_then_check_exits_0(cli, work: Path) -> None:
    code, report = _check(cli, "catalogs/")
    assert (code, report["findings"], report.get("fixed", [])) == (0, [], [])


def test_one_new_defect_in_a_copy_is_one_new_finding(cli, work: Path) -> None:
    path = sorted((work / "copy").glob("*.yaml"))[0]
    target = {}

    def drop_steps(procedures: list[dict]) -> None:
        procedure = next(p for p in procedures if p.get("steps") and p.get("code"))
        target["code"] = str(procedure["code"])
        del procedure["steps"]

    _edit_yaml(path, drop_steps)
    code, report = _check(cli, "copy/")
    assert code == 1
    assert [(f["procedure"]["code"], f["rule"], f["field"]) for f in report["findings"]] == [
        (target["code"], "missing-required-element", "steps")
    ]


def _reverse_numbered_runs(path: Path) -> int:
    """Reverse every run of consecutive numbered rows (STT 1, 2, 3… under a section row); returns rows moved."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    moved = 0
    for ws in wb.worksheets:
        numbered = [r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value or "").strip().isdigit()]
        runs: list[list[int]] = []
        for r in numbered:
            if runs and runs[-1][-1] == r - 1:
                runs[-1].append(r)
            else:
                runs.append([r])
        for run in runs:
            values = [[c.value for c in ws[r]] for r in run]
            for r, row in zip(run, reversed(values), strict=True):
                for col, value in enumerate(row, start=1):
                    ws.cell(r, col).value = value
            moved += len(run) if len(run) > 1 else 0
    wb.save(path)
    return moved


def test_resorted_rows_report_nothing(cli, work: Path) -> None:
    for path in (work / "copy").glob("*.yaml"):
        _edit_yaml(path, lambda procedures: procedures.reverse())
    moved = sum(_reverse_numbered_runs(path) for path in (work / "copy").glob("*.xlsx"))
    assert moved > 0
    code, report = _check(cli, "copy/")
    assert (code, report["findings"], report.get("fixed", [])) == (0, [], [])
