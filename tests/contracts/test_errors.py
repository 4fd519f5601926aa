"""One error base: every known error is a TthcError, and exit_on_errors() reports the base."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
import typer

import tthc
from tthc.cli.common import exit_on_errors
from tthc.errors import EXIT_ERROR, TthcError


def _error_classes() -> dict[str, type[BaseException]]:
    found: dict[str, type[BaseException]] = {}
    for info in pkgutil.walk_packages(tthc.__path__, "tthc."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if (
                isinstance(obj, type)
                and issubclass(obj, Exception)
                and obj.__module__ == module.__name__
                and obj is not TthcError
            ):
                found[f"{module.__name__}.{name}"] = obj
    return found


def test_every_error_of_tthc_derives_from_the_base() -> None:
    classes = _error_classes()
    # the errors the CLI reports as one line (a sample that must be found, so the walk works)
    for name in ("tthc.load.base.LoadError", "tthc.config.ConfigError", "tthc.knowledge.errors.KnowledgeError"):
        assert name in classes
    stray = sorted(name for name, cls in classes.items() if not issubclass(cls, TthcError))
    assert stray == [], f"derive these from tthc.errors.TthcError: {stray}"


def test_exit_on_errors_reports_any_subclass_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    class BrandNewError(TthcError):
        pass

    with pytest.raises(typer.Exit) as exit_info, exit_on_errors("vi"):
        raise BrandNewError("a.yaml:3: the thing is wrong; fix the thing")
    assert exit_info.value.exit_code == EXIT_ERROR == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.endswith("a.yaml:3: the thing is wrong; fix the thing\n")


def test_exit_code_is_the_errors_own(capsys: pytest.CaptureFixture[str]) -> None:
    class Other(TthcError):
        exit_code = 3

    with pytest.raises(typer.Exit) as exit_info, exit_on_errors("vi"):
        raise Other("x")
    assert exit_info.value.exit_code == 3


def test_a_bug_keeps_its_traceback() -> None:
    with pytest.raises(KeyError), exit_on_errors("vi"):
        raise KeyError("bug")


@pytest.mark.parametrize(
    "cls",
    [
        "tthc.text.NumberError",
        "tthc.engine.SelectionError",
        "tthc.plan.cost.CostError",
        "tthc.plan.decisions.DecisionsError",
    ],
)
def test_value_errors_stay_value_errors(cls: str) -> None:
    module, name = cls.rsplit(".", 1)
    assert issubclass(getattr(importlib.import_module(module), name), ValueError)
