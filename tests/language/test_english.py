"""Under --lang en / TTHC_LANG=en every command prints English: the only Vietnamese left is the
catalog's own text, the names of units and the titles of legal documents (tests/language/runs.py
says what counts as those), and a JSON message's Vietnamese carried beside it under "text"."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.language.runs import corpus, help_runs, output_kind, runs
from tests.language.vietnamese import leaks

_PLACEHOLDER = Path("/TMP")
ALL = [*runs(_PLACEHOLDER), *help_runs()]

# Runs that still print Vietnamese tthc wrote, and why (see _matches); strict, so a fix must remove its line.
KNOWN: dict[str, str] = {}


def _id(args: tuple[str, ...]) -> str:
    root = str(Path(__file__).resolve().parents[2])
    return " ".join(a.replace(str(_PLACEHOLDER), "TMP").replace(root + os.sep, "") for a in args)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[int, str, str]]:
    """Every run, in order (history and baseline read what the runs before them wrote)."""
    from typer.testing import CliRunner

    from tthc.cli import app

    tmp = tmp_path_factory.mktemp("english")
    runner = CliRunner()
    out = []
    for args in [*runs(tmp), *help_runs()]:
        result = runner.invoke(app, list(args), env={"TTHC_LANG": "en"}, catch_exceptions=False)
        out.append((result.exit_code, result.stdout, result.stderr))
    return out


@pytest.fixture(scope="module")
def quoted() -> str:
    return corpus()


def _matches(name: str, key: str) -> bool:
    """A key names one run, or every run it begins when it ends with a space or a slash."""
    return name == key or (key[-1] in " /" and name.startswith(key))


def _params():
    for i, args in enumerate(ALL):
        name = _id(args)
        reason = next((why for key, why in KNOWN.items() if _matches(name, key)), None)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        yield pytest.param(i, args, id=name, marks=marks)


@pytest.mark.parametrize(("index", "args"), list(_params()))
def test_english_run_prints_no_vietnamese_of_its_own(outputs, quoted, index: int, args: tuple[str, ...]) -> None:
    code, stdout, stderr = outputs[index]
    assert code in (0, 1, 2), (args, code, stderr)
    found = leaks(stdout, quoted, output_kind(args)) + leaks(stderr, quoted)
    assert found == [], f"{_id(args)}: {sorted(set(found))[:20]}"


def test_the_same_runs_in_vietnamese_speak_vietnamese(quoted) -> None:
    """The detector is not blind: a Vietnamese run is full of tthc's own Vietnamese."""
    from typer.testing import CliRunner

    from tthc.cli import app

    result = CliRunner().invoke(app, ["check", str(Path(__file__).resolve().parents[2] / "catalogs")])
    assert len(leaks(result.stdout, quoted)) > 20
