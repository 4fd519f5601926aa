"""docs/nightly.md and the example workflow stay in step with the command line."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

DOCS = Path(__file__).resolve().parents[2] / "docs"
WORKFLOW = DOCS / "examples" / "tthc-nightly.yml"


def _flags(text: str) -> set[str]:
    return set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", text))


def _help(cli, *command: str) -> str:
    code, out, _ = cli(*command, "--help", env={"COLUMNS": "200"})
    assert code == 0
    return out


def test_workflow_runs_the_check_with_a_baseline_and_uploads_sarif(cli) -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = workflow["jobs"]["check"]["steps"]
    assert any(step.get("uses", "").startswith("github/codeql-action/upload-sarif@") for step in steps)
    assert workflow["permissions"]["security-events"] == "write"
    check = next(step for step in steps if step.get("id") == "check")["run"]
    assert "--baseline" in check and "--format sarif" in check and "--automation-id" in check
    commands = re.findall(r"tthc check[^\n]*(?:\\\n[^\n]*)*", check)
    assert commands
    known = _help(cli, "check")
    for command in commands:
        assert _flags(command) <= _flags(known), command


def test_every_option_in_the_guide_exists(cli) -> None:
    text = (DOCS / "nightly.md").read_text(encoding="utf-8")
    helps = {
        "check": _help(cli, "check"),
        "baseline create": _help(cli, "baseline", "create"),
        "baseline update": _help(cli, "baseline", "update"),
        "history": _help(cli, "history"),
    }
    seen = set()
    for line in re.findall(r"tthc (?:baseline (?:create|update)|check|history)[^\n`|]*", text):
        command = next(c for c in sorted(helps, key=len, reverse=True) if line.startswith(f"tthc {c}"))
        seen.add(command)
        flags = _flags(line) - {"--help"}
        assert flags <= _flags(helps[command]), (line, flags - _flags(helps[command]))
    assert seen == set(helps)
