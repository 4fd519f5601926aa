"""Pieces every command shares: options, consoles, and turning errors into exit codes."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from tthc.i18n import set_language, tr

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2

T = TypeVar("T")


class Lang(StrEnum):
    vi = "vi"
    en = "en"


LangOption = Annotated[
    Lang | None,
    typer.Option("--lang", envvar="TTHC_LANG", help="Ngôn ngữ hiển thị / display language (vi, en)."),
]
PathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Tệp hoặc thư mục danh mục (.yaml, .xlsx…); mặc định ./catalogs/ "
        "/ Catalog files or folders (.yaml, .xlsx…); default ./catalogs/",
        show_default=False,
    ),
]


def stderr_console():
    from tthc.report.terminal import make_console  # catalog text is never markup or emoji there

    return make_console(stderr=True)


def stdout_console():
    from tthc.report.terminal import make_console

    return make_console(soft_wrap=True)


def apply_language(lang: Lang | None) -> None:
    set_language(lang.value if lang else None)


def default_paths(paths: list[Path] | None) -> list[Path]:
    return list(paths) if paths else [Path("catalogs")]


class UsageError(Exception):
    """Bad options or configuration: exit 2 with one line."""


def fail(message: str) -> typer.Exit:
    """Print one error line on stderr and return the Exit(2) to raise."""
    print(f"tthc: {tr('lỗi', 'error')}: {message}", file=sys.stderr)
    return typer.Exit(EXIT_ERROR)


@contextmanager
def exit_on_errors() -> Iterator[None]:
    """Known errors (unreadable input, bad config, bad options) become one line and exit 2."""
    from tthc.load.base import LoadError

    try:
        yield
    except LoadError as exc:
        raise fail(str(exc)) from None
    except UsageError as exc:
        raise fail(str(exc)) from None
    except _config_error() as exc:
        raise fail(str(exc)) from None
    except _knowledge_error() as exc:
        raise fail(str(exc)) from None


def _config_error() -> type[Exception]:
    try:
        from tthc.config import ConfigError
    except ImportError:  # pragma: no cover - during early development
        return UsageError
    return ConfigError


def _knowledge_error() -> type[Exception]:
    try:
        from tthc.knowledge import KnowledgeError
    except ImportError:  # pragma: no cover
        return UsageError
    return KnowledgeError


def guarded(func: Callable[[], T]) -> T:
    with exit_on_errors():
        return func()


def format_errors_hint(errors: list) -> str:
    """One line for catalogs with format errors: the first one, and how many more."""
    more = len(errors) - 1
    return f"{errors[0]}" + (
        tr(
            f" (và {more} lỗi định dạng khác; chạy 'tthc validate' để xem tất cả)",
            f" (and {more} more format errors; run 'tthc validate' to see them all)",
        )
        if more
        else ""
    )
