"""Under --lang en / TTHC_LANG=en every command prints English: the only Vietnamese left is the
catalog's own text, the names of units and the titles of legal documents (tests/language/runs.py
says what counts as those), and a JSON message's Vietnamese carried beside it under "text"."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.language.runs import corpus, help_runs, output_kind, runs
from tests.language.vietnamese import leaks

_PLACEHOLDER = Path("/TMP")
ALL = [*runs(_PLACEHOLDER), *help_runs()]

# Runs that still print Vietnamese tthc wrote, and why (see _matches); strict, so a fix must remove its line.
KNOWN: dict[str, str] = {}


@contextmanager
def strict_texts() -> Iterator[None]:
    """T without the transitional fallback that read its Vietnamese: ``str(t)``, ``f"{t}"`` and
    ``"x" in t`` raise, so a command that renders a T without choosing a language fails."""

    def refuse(*_args: object) -> str:
        raise TypeError("a T was rendered without choosing a language: use .text(lang)")

    from tthc.i18n import T

    with pytest.MonkeyPatch.context() as patch:
        for name in ("__str__", "__format__", "__contains__"):
            patch.setattr(T, name, refuse)
        yield


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
    with strict_texts():  # and no command relies on str(T) (a TypeError fails every test here)
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


def test_every_command_in_vietnamese_picks_its_language_too(tmp_path: Path) -> None:
    """The same runs in Vietnamese, with the fallback gone: no code path reads str(T)."""
    from typer.testing import CliRunner

    from tthc.cli import app

    runner = CliRunner()
    with strict_texts():
        for args in runs(tmp_path):
            result = runner.invoke(app, list(args), env={"TTHC_LANG": "vi"}, catch_exceptions=False)
            assert result.exit_code in (0, 1, 2), (args, result.stderr)


def test_without_the_fallback_a_text_cannot_be_printed_unawares() -> None:
    from tthc.i18n import T

    value = T("Tiếng Việt", "English")
    with strict_texts():
        for use in (str, lambda v: f"{v}", lambda v: format(v, ">20"), lambda v: "Việt" in v):
            with pytest.raises(TypeError):
                use(value)
        assert (value.text("en"), value.vi, (value + "!").text("vi")) == ("English", "Tiếng Việt", "Tiếng Việt!")
