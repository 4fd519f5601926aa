"""cli/recommend.py and cli/cost.py only parse options and render (issue #14.4): the work is in tthc.plan.service."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import tthc

CLI = Path(tthc.__file__).parent / "cli"


@pytest.mark.parametrize("module", ["recommend.py", "cost.py"])
def test_thin(module: str) -> None:
    source = (CLI / module).read_text(encoding="utf-8")
    assert len(source.splitlines()) < 120
    imported = {
        node.module
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("tthc")
    }
    assert "tthc.cli.recommend" not in imported  # cost shares options through cli.plan_options
    assert not imported & {
        "tthc.plan.build",
        "tthc.engine",
        "tthc.knowledge",
        "tthc.plan.cost",
    }  # no logic of their own
