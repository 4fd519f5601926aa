"""`tthc/cli/` only parses options, calls the application layer and renders (issue #14.4, DESIGN.md "Layout").

A cli module stays small, and reaches the work through the application layer (`tthc.audit`, `tthc.plan.service`,
the packages' public entry points `tthc.load` and `tthc.rules`), never through the internals of the loaders, the
rules, the engine or the plan: those change without the commands noticing.
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import pytest

import tthc

CLI = Path(tthc.__file__).parent / "cli"
MODULES = sorted(p.name for p in CLI.glob("*.py"))
MAX_LINES = 150

# Modules still over the limit, with the size they may not exceed while they wait to be thinned. The list may only
# shrink: a module that gets under the limit must leave it (test_the_waiting_list_only_shrinks).
# (check.py and common.py left it: their logic is in tthc.audit, tthc.report.targets, report/terminal/check_output)
WAITING: dict[str, int] = {}

# Internals a cli module must not import: the application layer and the packages' own entry points sit between.
FORBIDDEN = ("tthc.load.", "tthc.rules.", "tthc.engine", "tthc.parse", "tthc.plan.")
ALLOWED = ("tthc.plan.service",)


def _imports(source: str) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            # from tthc.load.excel import rows names a module; from tthc.load import discover names a function
            found.update(f"{node.module}.{a.name}" for a in node.names if _is_module(f"{node.module}.{a.name}"))
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _is_module(dotted: str) -> bool:
    try:
        return importlib.util.find_spec(dotted) is not None
    except (ImportError, ValueError):
        return False


def _forbidden(module: str) -> bool:
    if any(module == a or module.startswith(a + ".") for a in ALLOWED):
        return False
    return any(module.startswith(f) for f in FORBIDDEN)


@pytest.mark.parametrize("name", MODULES)
def test_cli_modules_stay_small(name: str) -> None:
    lines = len((CLI / name).read_text(encoding="utf-8").splitlines())
    assert lines <= WAITING.get(name, MAX_LINES), f"tthc/cli/{name}: {lines} lines; move its logic out of cli/"


def test_the_waiting_list_only_shrinks() -> None:
    for name in WAITING:
        lines = len((CLI / name).read_text(encoding="utf-8").splitlines())
        assert lines > MAX_LINES, f"tthc/cli/{name} is thin now ({lines} lines): take it off WAITING"


@pytest.mark.parametrize("name", MODULES)
def test_cli_modules_use_the_application_layer(name: str) -> None:
    imported = _imports((CLI / name).read_text(encoding="utf-8"))
    assert sorted(m for m in imported if _forbidden(m)) == [], f"tthc/cli/{name} reaches into internals"


@pytest.mark.parametrize(
    ("module", "forbidden"),
    [
        ("tthc.load.excel", True),
        ("tthc.load.build.documents", True),
        ("tthc.rules.dossier", True),
        ("tthc.engine", True),
        ("tthc.plan.build", True),
        ("tthc.plan.cost.CostError", True),
        ("tthc.parse.legal", True),
        ("tthc.plan.service", False),
        ("tthc.plan.service.prepare", False),
        ("tthc.load", False),
        ("tthc.audit", False),
        ("tthc.report.terminal.console", False),
    ],
)
def test_the_rule_itself(module: str, forbidden: bool) -> None:
    assert _forbidden(module) is forbidden


def test_a_module_named_in_from_import_counts() -> None:
    assert "tthc.load.excel.rows" in _imports("from tthc.load.excel import rows, discover")
    assert "tthc.load.discover" not in _imports("from tthc.load import discover")
