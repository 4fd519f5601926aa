"""`tthc schema`: a JSON Schema (2020-12) that accepts what the loader accepts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from tests.conftest import CATALOGS, ROOT
from tests.lifecycle.strategies import catalog
from tthc.lifecycle.convert.yaml_writer import catalog_to_yaml
from tthc.load import load_file
from tthc.schema import catalog_schema, schema_text

COMMITTED = ROOT / "docs" / "tthc-catalog.schema.json"
SAMPLES = sorted(CATALOGS.glob("*.yaml"))


class _Yaml12(yaml.SafeLoader):
    """YAML as yaml-language-server reads it: no timestamps (dates stay text)."""


_Yaml12.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def errors(data) -> list[str]:
    validator = jsonschema.Draft202012Validator(catalog_schema())
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(catalog_schema())
    assert catalog_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_committed_schema_is_current() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(), "run: tthc schema -o docs/tthc-catalog.schema.json"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_sample_catalog_validates(path: Path) -> None:
    assert SAMPLES, "no catalogs/*.yaml"
    text = path.read_text(encoding="utf-8")
    assert errors(yaml.load(text, Loader=_Yaml12)) == []
    first = text.splitlines()[0]
    m = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    if m:  # the editor comment points at the committed schema
        assert (path.parent / m.group(1)).resolve() == COMMITTED.resolve()


@pytest.mark.parametrize(
    "source", [*SAMPLES, ROOT / "tests/fixtures/realdata/danh-sach-tthc-BoTuPhap.xlsx"], ids=lambda p: p.name
)
def test_yaml_written_by_tthc_validates(source: Path) -> None:
    text = catalog_to_yaml(load_file(source).catalog)
    assert errors(yaml.load(text, Loader=_Yaml12)) == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalog())
def test_what_the_loader_reads_without_error_validates(data: dict) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    assert errors(yaml.load(text, Loader=_Yaml12)) == []


def _doc(procedure: dict) -> dict:
    return {"tthc_catalog": 1, "catalog": {"name": "Thử"}, "procedures": [procedure]}


@pytest.mark.parametrize(
    "procedure",
    [
        {"code": "1.000001"},  # no name: the loader's error "missing-name"
        {"name": "A thủ tục", "place": ["a", "b"]},  # a list where text is expected: "wrong-type"
        {"name": "A thủ tục", "channels": "Trực tiếp"},  # a channel must be a mapping
        {"name": "A thủ tục", "documents": [{"originals": 1}]},  # a document without a name is skipped
        {"name": "A thủ tục", "fees": {"raw": "x", "status": "mien"}},  # unknown status
        {"name": "A thủ tục", "agencies": {"chu_tri": "Sở"}},  # unknown role: the agency would be dropped
        {"name": "A thủ tục", "volume": {"dossiers_per_year": "nhiều"}},  # not a number
        {"name": "A thủ tục", "nam": "x"},  # a typo: the loader only warns, editors should flag it
    ],
)
def test_rejects_what_the_loader_rejects_or_drops(procedure: dict) -> None:
    assert errors(_doc(procedure))


def test_accepts_free_text_and_structured_values() -> None:
    procedure = {
        "code": "1.000001",
        "name": "Đăng ký khai sinh",
        "levels": ["Cấp tỉnh", "Cấp xã"],
        "agencies": {"competent": "Chủ tịch UBND xã", "implementing": ["Công chức tư pháp - hộ tịch"]},
        "channels": [
            {"method": "Trực tiếp", "processing_time": "05 ngày làm việc", "fees": "Lệ phí: 50.000 đồng"},
            {"method": "online", "processing_time": {"working_days": 3}, "fees": [{"amount": 25000, "kind": "lệ phí"}]},
        ],
        "online_service": {"level": "partial", "raw": "Một phần"},
        "documents": ["Tờ khai", {"name": "Giấy chứng sinh", "originals": "01", "copy_kind": ["copy", "electronic"]}],
        "legal_basis": ["Luật Hộ tịch số 60/2014/QH13", {"number": "123/2015/NĐ-CP", "kind": "decree"}],
        "results": ["Giấy khai sinh", {"code": "KQ.G15.000031", "name": "Trích lục"}],
        "volume": {"dossiers_per_year": 120, "history": [{"year": 2025, "dossiers": 120, "online": 80}]},
        "decision": {"number": "1234/QĐ-UBND", "date": "15/3/2020"},
        "reviewed": "2025-06-01",
        "notes": "dòng 1\ndòng 2",
        "extra": {"Ghi chú khác": "x"},
        "place": None,
    }
    assert errors(_doc(procedure)) == []


def test_cli_prints_and_writes(cli, tmp_path: Path) -> None:
    code, out, _ = cli("schema")
    assert code == 0 and json.loads(out)["title"].startswith("Danh mục thủ tục hành chính")
    target = tmp_path / "schema.json"
    assert cli("schema", "-o", target)[0] == 0
    assert target.read_text(encoding="utf-8") == schema_text()
