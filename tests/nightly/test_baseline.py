"""Baselines: accept today's findings, report only new ones, list the fixed, only ever shrink."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.nightly.catalogs import SELECT, complete, defective, write_catalog


@pytest.fixture
def folder(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "catalogs").mkdir()
    write_catalog(tmp_path / "catalogs" / "xa.yaml", defective())
    return tmp_path


def _check(cli, *args: str) -> tuple[int, dict, str]:
    code, out, err = cli("check", *args, "--select", SELECT, "--format", "json", "--fail-on", "info")
    return code, json.loads(out), err


def test_create_then_check_reports_nothing(cli, folder: Path) -> None:
    code, _, err = cli("baseline", "create", "catalogs", "--select", SELECT, "-o", "b.json")
    assert code == 0
    assert "4" in err
    doc = json.loads((folder / "b.json").read_text(encoding="utf-8"))
    assert doc["tthc_baseline"] == 1
    assert len(doc["findings"]) == 4
    entry = doc["findings"][0]
    assert set(entry) == {
        "fingerprint",
        "rule",
        "rule_code",
        "catalog",
        "procedure_code",
        "procedure_name",
        "field",
        "message",
    }
    code, report, _ = _check(cli, "catalogs", "--baseline", "b.json")
    assert (code, report["findings"]) == (0, [])
    assert "fixed" not in report


def test_baseline_file_is_stable_and_sorted(cli, folder: Path) -> None:
    cli("baseline", "create", "catalogs", "--select", SELECT, "-o", "a.json")
    cli("baseline", "create", "catalogs", "--select", SELECT, "-o", "b.json")
    assert (folder / "a.json").read_bytes() == (folder / "b.json").read_bytes()
    entries = json.loads((folder / "a.json").read_text(encoding="utf-8"))["findings"]
    keys = [(e["catalog"], e["procedure_code"], e["rule_code"], e["fingerprint"]) for e in entries]
    assert keys == sorted(keys)
    assert not list(folder.glob(".*.tmp"))  # atomic write left nothing behind


def test_one_new_defect_is_the_only_finding(cli, folder: Path) -> None:
    cli("baseline", "create", "catalogs", "--select", SELECT, "-o", "b.json")
    procedures = defective()
    del procedures[3]["legal_basis"]  # 2.000635 loses its legal basis
    write_catalog(folder / "catalogs" / "xa.yaml", procedures)
    code, report, _ = _check(cli, "catalogs", "--baseline", "b.json")
    assert code == 1
    assert [(f["procedure"]["code"], f["rule"]) for f in report["findings"]] == [("2.000635", "legal-basis-missing")]


def _no_duplicate() -> list[dict]:
    return defective()[:4]


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda ps: list(reversed(ps)), id="rows-reversed"),
        pytest.param(lambda ps: ps[1:] + ps[:1], id="rows-rotated"),
        pytest.param(lambda ps: [{**p, "notes": "đã rà soát"} for p in ps], id="unrelated-key-everywhere"),
        pytest.param(
            lambda ps: [*ps[:3], {**ps[3], "name": "Chứng thực chữ ký trong giấy tờ"}],
            id="unrelated-procedure-renamed",
        ),
        pytest.param(lambda ps: [*ps, complete("2.000908", "Chứng thực hợp đồng")], id="clean-procedure-added"),
    ],
)
def test_changes_that_must_not_report_anything(cli, folder: Path, change) -> None:
    write_catalog(folder / "catalogs" / "xa.yaml", _no_duplicate())
    cli("baseline", "create", "catalogs", "--select", SELECT, "-o", "b.json")
    write_catalog(folder / "catalogs" / "xa.yaml", change(_no_duplicate()))
    code, report, _err = _check(cli, "catalogs", "--baseline", "b.json")
    assert report["findings"] == []
    assert report.get("fixed", []) == []
    assert code == 0


def test_reordering_duplicate_codes_reports_nothing(cli, folder: Path) -> None:
    cli("baseline", "create", "catalogs", "--select", SELECT, "-o", "b.json")
    write_catalog(folder / "catalogs" / "xa.yaml", list(reversed(defective())))
    _code, report, _ = _check(cli, "catalogs", "--baseline", "b.json")
    assert (report["findings"], report.get("fixed", [])) == ([], [])


def test_fixed_entries_are_listed_and_update_drops_them(cli, folder: Path) -> None:
    cli("baseline", "create", "catalogs", "--select", SELECT, "-o", "b.json")
    procedures = defective()
    procedures[1] = complete("1.000894", "Đăng ký khai tử")  # fixes two findings
    write_catalog(folder / "catalogs" / "xa.yaml", procedures)

    code, _out, err = cli("check", "catalogs", "--select", SELECT, "--baseline", "b.json", "--fail-on", "info")
    assert code == 0
    assert "2 phát hiện trong baseline đã được khắc phục" in err
    code, report, _ = _check(cli, "catalogs", "--baseline", "b.json")
    assert sorted(e["rule"] for e in report["fixed"]) == ["legal-basis-missing", "missing-required-element"]
    assert {e["procedure_code"] for e in report["fixed"]} == {"1.000894"}

    code, _, err = cli("baseline", "update", "b.json", "catalogs", "--select", SELECT)
    assert code == 0
    assert len(json.loads((folder / "b.json").read_text(encoding="utf-8"))["findings"]) == 2
    code, report, _ = _check(cli, "catalogs", "--baseline", "b.json")
    assert (code, report["findings"], report.get("fixed", [])) == (0, [], [])


def test_update_never_adds_new_findings(cli, folder: Path) -> None:
    cli("baseline", "create", "catalogs", "--select", SELECT, "-o", "b.json")
    before = (folder / "b.json").read_bytes()
    procedures = defective()
    del procedures[0]["steps"]  # a new finding
    write_catalog(folder / "catalogs" / "xa.yaml", procedures)
    code, _, err = cli("baseline", "update", "b.json", "catalogs", "--select", SELECT)
    assert code == 0
    assert "1 phát hiện mới không được thêm" in err
    assert (folder / "b.json").read_bytes() == before


def test_checking_part_of_the_scope_reports_nothing_fixed(cli, folder: Path) -> None:
    write_catalog(folder / "catalogs" / "tinh.yaml", [complete("1.0009", "Thủ tục cấp tỉnh")], name="Danh mục tỉnh")
    cli("baseline", "create", "catalogs", "--select", SELECT, "-o", "b.json")
    # one catalog only, and one rule only: the rest of the baseline is out of scope, not fixed
    code, report, _ = _check(cli, "catalogs/tinh.yaml", "--baseline", "b.json")
    assert (code, report["findings"], report.get("fixed", [])) == (0, [], [])
    code, out, _ = cli(
        "check", "catalogs", "--select", "invalid-code-format", "--format", "json", "--baseline", "b.json"
    )
    assert json.loads(out).get("fixed", []) == []
    cli("baseline", "update", "b.json", "catalogs/tinh.yaml", "--select", SELECT)
    assert len(json.loads((folder / "b.json").read_text(encoding="utf-8"))["findings"]) == 5


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, "không có tệp baseline"),
        ("{not json", "tệp baseline hỏng"),
        ('{"findings": []}', "không phải tệp baseline"),
        ('{"tthc_baseline": 99, "findings": []}', "phiên bản baseline 99"),
        ('{"tthc_baseline": 1, "findings": [{"rule": "x"}]}', "tệp baseline hỏng"),
    ],
)
def test_missing_or_corrupt_baseline_exits_2_with_one_line(cli, folder: Path, content, words) -> None:
    if content is not None:
        (folder / "b.json").write_text(content, encoding="utf-8")
    for args in (("check", "catalogs", "--baseline", "b.json"), ("baseline", "update", "b.json", "catalogs")):
        code, _out, err = cli(*args, "--select", SELECT)
        assert code == 2
        lines = [line for line in err.splitlines() if line.strip()]
        assert len(lines) == 1, err
        assert "b.json" in lines[0] and words in lines[0]
        assert "Traceback" not in err


def test_create_refuses_catalogs_with_format_errors(cli, folder: Path) -> None:
    (folder / "catalogs" / "broken.yaml").write_text(
        "tthc_catalog: 1\nprocedures:\n  - {code: '1.001193', name: A, place: [x, y]}\n", encoding="utf-8"
    )
    code, _, _err = cli("baseline", "create", "catalogs", "--select", SELECT, "-o", "b.json")
    assert code == 2
    assert not (folder / "b.json").exists()
