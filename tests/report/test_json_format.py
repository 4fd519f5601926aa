"""`--format json` validates against the JSON Schema shipped in the package, and so does the documented example."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from tests.nightly.catalogs import SELECT, complete, defective, write_catalog

DOCS = Path(__file__).resolve().parents[2] / "docs" / "json-format.md"


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    text = resources.files("tthc").joinpath("schemas/check-result.schema.json").read_text(encoding="utf-8")
    schema = json.loads(text)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _errors(validator: Draft202012Validator, doc: dict) -> list[str]:
    return [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(doc)]


def test_check_output_validates(cli, tmp_path: Path, validator, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_catalog(tmp_path / "c.yaml", defective())
    code, out, _ = cli("check", "c.yaml", "--select", SELECT, "--format", "json")
    assert code == 1
    doc = json.loads(out)
    assert _errors(validator, doc) == []
    assert doc["summary"]["total"] == len(doc["findings"]) == 4
    assert {f["code"] for f in doc["findings"]} == {"TT101", "TT102", "TT401", "TT403"}


def test_output_with_fixed_baseline_entries_validates(cli, tmp_path: Path, validator, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    procedures = defective()
    write_catalog(tmp_path / "c.yaml", procedures)
    assert cli("baseline", "create", "c.yaml", "--select", SELECT, "-o", "b.json")[0] == 0
    procedures[2] = complete("1.000800", "Cấp bản sao trích lục hộ tịch")  # fixes invalid-code-format
    write_catalog(tmp_path / "c.yaml", procedures)
    code, out, _ = cli("check", "c.yaml", "--select", SELECT, "--format", "json", "--baseline", "b.json")
    doc = json.loads(out)
    assert _errors(validator, doc) == []
    assert doc["findings"] == []
    assert [e["rule"] for e in doc["fixed"]] == ["invalid-code-format"]
    assert code == 0


def test_documented_example_validates(validator) -> None:
    text = DOCS.read_text(encoding="utf-8")
    blocks = re.findall(r"```json\n(.*?)```", text, flags=re.S)
    assert blocks, "docs/json-format.md has no ```json example"
    example = json.loads(blocks[0])
    assert _errors(validator, example) == []
    assert example["findings"], "the example should show a finding"
