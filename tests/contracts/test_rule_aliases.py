"""Rule aliases (sqlfluff's model): a renamed rule keeps --select, ignore, per-rule config and baselines.

The test renames a real rule — TT203 `household-book-required`, which fires 15 times on the
bundled Kim Bảng catalog — to TT299 `household-registration-book`, with the old name and code as
aliases, and runs the commands a user would have scripted with the old names.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

import tthc.audit
import tthc.rules
from tthc.rules import ALL_RULES, find_rule

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "catalogs" / "kim-bang-2019-2020.yaml"
OLD_CODE, OLD_NAME = "TT203", "household-book-required"
NEW_CODE, NEW_NAME = "TT299", "household-registration-book"


def _rename(monkeypatch: pytest.MonkeyPatch) -> None:
    old = find_rule(OLD_NAME)
    assert old is not None and old.code == OLD_CODE
    new = dataclasses.replace(old, code=NEW_CODE, name=NEW_NAME, aliases=(OLD_CODE, OLD_NAME))
    rules = tuple(sorted((new if r is old else r for r in ALL_RULES), key=lambda r: r.code))
    monkeypatch.setattr(tthc.rules, "ALL_RULES", rules)
    monkeypatch.setattr(tthc.audit, "ALL_RULES", rules)
    monkeypatch.setattr(tthc.rules, "RULES_BY_NAME", {r.name: r for r in rules})
    monkeypatch.setattr(tthc.rules, "RULES_BY_CODE", {r.code: r for r in rules})
    monkeypatch.setattr(tthc.rules, "RULES_BY_ALIAS", {a.lower(): r for r in rules for a in r.aliases})


def _findings(cli, *args: str | Path) -> list[dict]:
    code, out, err = cli("check", CATALOG, "--format", "json", *args)
    assert code in (0, 1), err
    return json.loads(out)["findings"]


def test_select_by_the_old_name_or_code(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _findings(cli, "--select", OLD_NAME)
    assert len(before) == 15 and {f["code"] for f in before} == {OLD_CODE}
    _rename(monkeypatch)
    for selector in (OLD_NAME, OLD_CODE, OLD_CODE.lower(), NEW_NAME):
        after = _findings(cli, "--select", selector)
        assert {f["code"] for f in after} == {NEW_CODE}, selector
        assert [f["fingerprint"] for f in after] == [f["fingerprint"] for f in before], selector


def test_ignore_and_per_rule_config_under_the_old_name(cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _rename(monkeypatch)
    everything = _findings(cli)
    assert sum(f["code"] == NEW_CODE for f in everything) == 15
    config = tmp_path / "tthc.yaml"
    config.write_text(f"ignore: [{OLD_NAME}]\n", encoding="utf-8")
    ignored = _findings(cli, "--config", config)
    assert not [f for f in ignored if f["code"] == NEW_CODE] and len(ignored) == len(everything) - 15
    _, _, err = cli("check", CATALOG, "--ignore", OLD_CODE, "--format", "json")
    assert "Traceback" not in err
    config.write_text(f"rules:\n  {OLD_NAME}:\n    severity: info\n", encoding="utf-8")
    configured = [f for f in _findings(cli, "--config", config) if f["code"] == NEW_CODE]
    assert len(configured) == 15 and {f["severity"] for f in configured} == {"info"}


def test_a_baseline_written_before_the_rename_still_matches(
    cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    baseline = tmp_path / "baseline.json"
    code, _, err = cli("baseline", "create", CATALOG, "--output", baseline)
    assert code == 0, err
    doc = json.loads(baseline.read_text(encoding="utf-8"))
    written = list(doc["findings"])
    old_entries = [e for e in written if e["rule_code"] == OLD_CODE]
    assert len(old_entries) == 15
    # one more entry of the old rule whose finding has since been fixed
    doc["findings"].append({**old_entries[0], "fingerprint": "0" * 20})
    baseline.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    _rename(monkeypatch)
    assert _findings(cli, "--baseline", baseline) == []  # nothing new: the old entries match
    code, _, err = cli("baseline", "update", baseline, CATALOG, "--select", "TT1")
    assert code == 0, err
    assert len(json.loads(baseline.read_text(encoding="utf-8"))["findings"]) == len(written) + 1  # not in scope
    code, _, err = cli("baseline", "update", baseline, CATALOG, "--select", OLD_NAME)
    assert code == 0, err
    kept = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    # the fixed entry (old code, renamed rule in scope) is dropped; the 15 still found are kept
    assert sorted(e["fingerprint"] for e in kept) == sorted(e["fingerprint"] for e in written)


def test_explain_by_the_old_name(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    _rename(monkeypatch)
    code, out, _ = cli("explain", OLD_NAME)
    assert code == 0 and NEW_CODE in out and NEW_NAME in out


def test_aliases_never_name_another_rule() -> None:
    current = {r.code for r in ALL_RULES} | {r.name for r in ALL_RULES}
    aliases = [a.lower() for r in ALL_RULES for a in r.aliases]
    assert len(aliases) == len(set(aliases))
    assert not {a for a in aliases} & {c.lower() for c in current}


def _github_slug(heading: str) -> str:
    """GitHub's anchor for a Markdown heading: lower case, punctuation but '-' dropped, spaces to '-'."""
    return "".join(c for c in heading.strip().lower() if c.isalnum() or c in "-_ ").replace(" ", "-")


def _sarif_rules(cli, *args: str) -> dict[str, dict]:
    code, out, err = cli("check", CATALOG, "--format", "sarif", *args)
    assert code == 1, err
    return {r["id"]: r for r in json.loads(out)["runs"][0]["tool"]["driver"]["rules"]}


def test_sarif_help_uri_points_at_the_rules_page_anchor(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    base = "https://docs.example.org/tthc/docs/rules.md"
    monkeypatch.setenv("TTHC_DOCS_URL", base)
    described = _sarif_rules(cli)
    headings = {
        _github_slug(line[3:]): line
        for line in (ROOT / "docs" / "rules.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("## ")
    }
    assert len(described) == len(ALL_RULES)
    for code, descriptor in described.items():
        uri = descriptor["helpUri"]
        assert uri.startswith(base + "#"), code
        assert headings[uri.split("#", 1)[1]].startswith(f"## {code} "), code


def test_no_help_uri_without_an_absolute_docs_address(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    from tthc.report import rule_docs

    monkeypatch.setenv("TTHC_DOCS_URL", "docs/rules.md")  # relative: SARIF's helpUri must be absolute
    found = rule_docs.docs_url()
    assert found is None or found.startswith(("https://", "http://"))
    monkeypatch.setattr(rule_docs, "docs_url", lambda: None)  # no published docs: helpUri is left out
    assert all("helpUri" not in r for r in _sarif_rules(cli).values())


def test_sarif_lists_the_former_names_of_a_renamed_rule(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    _rename(monkeypatch)
    renamed = _sarif_rules(cli, "--select", OLD_NAME)[NEW_CODE]
    assert renamed["name"] == NEW_NAME
    assert renamed["deprecatedIds"] == [OLD_CODE] and renamed["deprecatedNames"] == [OLD_NAME]
