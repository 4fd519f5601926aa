"""`--format sarif`: valid against the official SARIF 2.1.0 schema, and what GitHub code scanning needs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from jsonschema import Draft4Validator

from tests.nightly.catalogs import SELECT, defective, write_catalog
from tthc.audit import Audit
from tthc.model import SourceRef
from tthc.rules import RULES_BY_NAME
from tthc.rules.base import Finding, Severity

SCHEMA = Path(__file__).resolve().parents[1] / "fixtures" / "sarif" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> Draft4Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    return Draft4Validator(schema)


def _valid(validator: Draft4Validator, doc: dict) -> None:
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(doc)]
    assert errors == []


@pytest.fixture
def sarif_and_json(cli, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "catalogs").mkdir()
    write_catalog(tmp_path / "catalogs" / "xa.yaml", defective())
    args = ("check", "catalogs/xa.yaml", "--select", SELECT)
    code, out, _ = cli(*args, "--format", "sarif", "--automation-id", "nightly/")
    assert code == 1
    _, out_json, _ = cli(*args, "--format", "json")
    return json.loads(out), json.loads(out_json)


def test_validates_against_official_schema(sarif_and_json, validator) -> None:
    sarif, _ = sarif_and_json
    _valid(validator, sarif)
    assert sarif["version"] == "2.1.0"


def test_every_selected_rule_is_described_from_its_documentation(sarif_and_json) -> None:
    from tthc.report.rule_docs import rule_markdown

    sarif, report = sarif_and_json
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert [r["name"] for r in rules] == report["rules"]
    for descriptor in rules:
        rule = RULES_BY_NAME[descriptor["name"]]
        assert descriptor["id"] == rule.code
        assert descriptor["shortDescription"]["text"] == rule.summary.vi
        assert descriptor["fullDescription"]["text"] == rule.doc.what.vi
        assert descriptor["help"]["markdown"] == rule_markdown(rule, lang="vi")
        assert rule.doc.why.vi in descriptor["help"]["text"]
        assert (
            descriptor["defaultConfiguration"]["level"]
            == {"error": "error", "warning": "warning", "info": "note"}[rule.severity.value]
        )


def test_results_point_at_the_yaml_line_with_stable_fingerprints(sarif_and_json) -> None:
    sarif, report = sarif_and_json
    run = sarif["runs"][0]
    assert run["automationDetails"]["id"] == "nightly/"
    results = run["results"]
    assert len(results) == len(report["findings"]) == 4
    rules = run["tool"]["driver"]["rules"]
    for result, finding in zip(results, report["findings"], strict=True):
        assert result["ruleId"] == finding["code"]
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[finding["severity"]]
        assert finding["message"] in result["message"]["text"]
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == "catalogs/xa.yaml"
        assert physical["region"]["startLine"] == finding["position"]["line"]
        assert result["partialFingerprints"]["tthc/v1"] == finding["fingerprint"]


def test_english_rule_text(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_catalog(tmp_path / "c.yaml", defective())
    _, out, _ = cli("check", "c.yaml", "--select", SELECT, "--format", "sarif", "--lang", "en")
    run = json.loads(out)["runs"][0]
    assert run["language"] == "en"
    for descriptor in run["tool"]["driver"]["rules"]:
        assert descriptor["shortDescription"]["text"] == RULES_BY_NAME[descriptor["name"]].summary.en
    assert "automationDetails" not in run


def _excel_finding(**changes) -> Finding:
    values = dict(
        rule_code="TT102",
        rule_name="legal-basis-missing",
        group=RULES_BY_NAME["legal-basis-missing"].group,
        severity=Severity.ERROR,
        procedure_code="1.001193",
        procedure_name="Đăng ký khai sinh",
        field="legal_basis",
        source=SourceRef("catalogs/Danh mục tỉnh.xlsx", sheet="Thủ tục", row=17, column=2, column_title="Căn cứ"),
        message="không có căn cứ pháp lý",
        recommendation="ghi văn bản quy phạm pháp luật",
        legal_basis="Nghị định 63/2010/NĐ-CP",
        subject="none",
        catalog="Tỉnh A",
        file="catalogs/Danh mục tỉnh.xlsx",
        fingerprint="0123456789abcdef0123",
    )
    values.update(changes)
    return Finding(**values)


def test_excel_finding_names_the_cell_and_row(validator) -> None:
    from tthc.report.sarif import to_sarif

    rule = RULES_BY_NAME["legal-basis-missing"]
    audit = Audit(as_of=dt.date(2026, 11, 28), files=[], results=[], rules=[rule])
    doc = to_sarif(
        audit, [_excel_finding(), _excel_finding(source=None, fingerprint="0123456789abcdef0124")], lang="vi"
    )
    _valid(validator, doc)
    first, no_source = doc["runs"][0]["results"]
    assert "Thủ tục!B17" in first["message"]["text"]
    assert first["properties"]["cell"] == "Thủ tục!B17"
    physical = first["locations"][0]["physicalLocation"]
    assert physical["region"] == {"startLine": 17}
    assert physical["artifactLocation"]["uri"] == "catalogs/Danh%20m%E1%BB%A5c%20t%E1%BB%89nh.xlsx"
    assert no_source["locations"][0]["physicalLocation"]["region"]["startLine"] == 1


def test_a_finding_of_an_unselected_rule_is_still_described() -> None:
    from tthc.report.sarif import to_sarif

    audit = Audit(as_of=dt.date(2026, 11, 28), files=[], results=[], rules=[])
    doc = to_sarif(audit, [_excel_finding()], lang="vi")
    (rule,) = doc["runs"][0]["tool"]["driver"]["rules"]
    assert rule["id"] == "TT102"
    assert doc["runs"][0]["results"][0]["ruleIndex"] == 0


def test_schema_copy_is_the_documented_one() -> None:
    import hashlib

    readme = (SCHEMA.parent / "README.md").read_text(encoding="utf-8")
    assert hashlib.sha256(SCHEMA.read_bytes()).hexdigest() in readme


def test_workbook_findings_use_the_excel_row_and_name_the_cell(cli, tmp_path: Path, monkeypatch, validator) -> None:
    from tests.nightly.catalogs import write_workbook

    monkeypatch.chdir(tmp_path)
    write_workbook(tmp_path / "tinh.xlsx", defective()[:4])
    code, out, _ = cli("check", "tinh.xlsx", "--select", SELECT, "--format", "sarif")
    assert code == 1
    sarif = json.loads(out)
    _valid(validator, sarif)
    by_rule = {r["ruleId"]: r for r in sarif["runs"][0]["results"]}
    bad_code = by_rule["TT403"]
    assert bad_code["locations"][0]["physicalLocation"]["region"] == {"startLine": 4}
    assert bad_code["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "tinh.xlsx"
    assert "(Thủ tục!A4)" in bad_code["message"]["text"]
    assert bad_code["properties"]["cell"] == "Thủ tục!A4"
    missing = by_rule["TT101"]  # a missing element: the row is known, not the column
    assert missing["locations"][0]["physicalLocation"]["region"] == {"startLine": 3}
    assert missing["properties"]["cell"] == "Thủ tục!3:3"
