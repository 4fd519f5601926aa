"""The type checker is part of the test suite: the README's test command (and CI, and land.sh) runs it.

Configuration: ``[tool.mypy]`` in pyproject.toml (``files = ["tthc"]``); mypy is pinned in the
test extras. Running ``mypy`` from the repository root gives the same result as this test.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_mypy_finds_no_type_errors() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary", "--hide-error-context"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "No module named mypy" not in run.stderr, "install the test extras: pip install -e '.[test]'"
    errors = [line for line in run.stdout.splitlines() if ": error:" in line]
    assert run.returncode == 0, "mypy (see [tool.mypy] in pyproject.toml):\n" + "\n".join(errors or [run.stderr])


def test_a_folder_of_unreadable_json_is_reported_not_a_crash(cli, tmp_path: Path) -> None:
    """Found by mypy: `load_json_folder` asked `IssueSink.errors`, which did not exist (a traceback)."""
    folder = tmp_path / "bo-tu-phap"
    folder.mkdir()
    (folder / "1.003005.json").write_text('{"ma_thu_tuc": "1.003005",', encoding="utf-8")
    code, out, err = cli("validate", folder)
    assert code == 2
    assert "Traceback" not in err
    assert "1.003005.json:1:" in out + err and "bad-json" in out + err
