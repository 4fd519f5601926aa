from __future__ import annotations

import os
from pathlib import Path

import pytest

# Tests assert Vietnamese messages unless they ask for English.
os.environ.pop("TTHC_LANG", None)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CATALOGS = ROOT / "catalogs"


@pytest.fixture
def cli():
    """Run the CLI in-process; returns (exit_code, stdout, stderr)."""
    from typer.testing import CliRunner

    from tthc.cli import app

    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None):
        result = runner.invoke(app, [str(a) for a in args], env=env, catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    return invoke


def write_yaml_catalog(path: Path, procedures_yaml: str, catalog_yaml: str = "  name: Danh mục thử\n") -> Path:
    path.write_text(f"tthc_catalog: 1\ncatalog:\n{catalog_yaml}procedures:\n{procedures_yaml}", encoding="utf-8")
    return path
