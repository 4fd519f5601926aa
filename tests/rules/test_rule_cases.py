"""One parametrised test runs every rule case file (tests/rules/cases/<rule-name>.yaml).

A case gives procedures in the tthc YAML format and the (procedure code, field) pairs the
rule must report — never the message wording. Every case also runs with its text turned
into NFD, because real exports mix both forms: the result must not change.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
import yaml

from tthc.engine import RunSettings, run
from tthc.knowledge import load_knowledge
from tthc.load import load_file
from tthc.rules import ALL_RULES, find_rule
from tthc.rules.reference import Reference

CASES_DIR = Path(__file__).parent / "cases"
DEFAULT_AS_OF = dt.date(2026, 11, 28)


def _case_files() -> list[Path]:
    return sorted(CASES_DIR.glob("*.yaml"))


def _cases():
    for path in _case_files():
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, case in enumerate(doc["cases"]):
            for form in ("NFC", "NFD"):
                yield pytest.param(doc["rule"], case, form, id=f"{path.stem}[{i}:{case['name']}]-{form}")


def _normalise(value, form: str):
    if isinstance(value, str):
        return unicodedata.normalize(form, value)
    if isinstance(value, list):
        return [_normalise(v, form) for v in value]
    if isinstance(value, dict):
        return {k: _normalise(v, form) for k, v in value.items()}
    return value


def run_case(rule_name: str, case: dict, form: str, tmp_path: Path) -> list[tuple[str | None, str]]:
    rule = find_rule(rule_name)
    assert rule is not None, f"no rule {rule_name}"
    catalog = {"name": "Danh mục kiểm thử", "kind": case.get("catalog_kind", "full")}
    doc = {"tthc_catalog": 1, "catalog": catalog, "procedures": _normalise(case["procedures"], form)}
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = load_file(path)
    assert result.ok, [str(i) for i in result.errors]
    as_of = case.get("as_of", DEFAULT_AS_OF)
    if isinstance(as_of, str):
        as_of = dt.date.fromisoformat(as_of)
    knowledge = load_knowledge(include_unconfirmed=case.get("include_unconfirmed", False))
    settings = RunSettings(as_of=as_of, options={rule.name: case.get("options", {})})
    if "reference" in case:  # the --reference catalog: procedures in the same format
        ref_doc = {
            "tthc_catalog": 1,
            "catalog": {"name": "Tham chiếu"},
            "procedures": _normalise(case["reference"], form),
        }
        ref_path = tmp_path / "reference.yaml"
        ref_path.write_text(yaml.safe_dump(ref_doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
        ref_result = load_file(ref_path)
        assert ref_result.ok, [str(i) for i in ref_result.errors]
        settings.reference = Reference.build([ref_result.catalog], dt.date(2026, 6, 10))
    findings = run([result.catalog], [rule], knowledge, settings)
    return sorted((f.procedure_code, f.field) for f in findings)


@pytest.mark.parametrize(("rule_name", "case", "form"), list(_cases()))
def test_rule_case(rule_name: str, case: dict, form: str, tmp_path: Path) -> None:
    expected = sorted((str(code) if code is not None else None, field) for code, field in case.get("expect", []))
    assert run_case(rule_name, case, form, tmp_path) == expected


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.name)
def test_every_rule_has_firing_and_silent_cases(rule) -> None:
    path = CASES_DIR / f"{rule.name}.yaml"
    assert path.is_file(), f"missing case file {path.name}"
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    assert any(c.get("expect") for c in cases), "no case where the rule fires"
    assert any(not c.get("expect") for c in cases), "no case where the rule stays silent"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.name)
def test_every_rule_is_documented(rule) -> None:
    for section in ("what", "why", "example", "instead"):
        text = getattr(rule.doc, section)
        assert text.vi.strip() and text.en.strip(), f"{rule.name}: empty {section}"
    assert rule.summary.vi and rule.summary.en
    assert rule.name == rule.name.lower() and " " not in rule.name
    assert rule.code.startswith("TT") and rule.code[2:].isdigit()


def test_codes_and_names_are_unique() -> None:
    assert len({r.code for r in ALL_RULES}) == len(ALL_RULES)
    assert len({r.name for r in ALL_RULES}) == len(ALL_RULES)


@pytest.mark.parametrize(
    ("before", "target", "after", "printed"),
    [(2, 30, 1.0, "50"), (7, 30, 4.5, "35,71"), (10, 30, 7.0, "30"), (10, 10, 9.0, "10"), (45, 30, 31.5, "30")],
)
def test_processing_time_cut_is_never_overstated(before, target, after, printed, tmp_path: Path) -> None:
    """Issue #16: "2 -> 1,5 days, giảm 30 %" was 25 %; the printed cut is the figures' own and
    never less than the target (DOMAIN §4a: "giảm 30 %" only when the new time is at most 70 %)."""
    case = {
        "options": {"cut-percent": target},
        "procedures": [{"code": "1.000001", "name": "Thủ tục thử", "processing_time": f"{before} ngày làm việc"}],
    }
    rule = find_rule("processing-time-reducible")
    path = tmp_path / "c.yaml"
    doc = {"tthc_catalog": 1, "catalog": {"name": "x"}, "procedures": case["procedures"]}
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    settings = RunSettings(as_of=DEFAULT_AS_OF, options={rule.name: case["options"]})
    (finding,) = run([load_file(path).catalog], [rule], load_knowledge(), settings)
    assert finding.data["days_after"] == after
    assert after <= before * (1 - target / 100) + 1e-9
    assert f"(giảm {printed} %)" in finding.recommendation.vi
