"""Pieces every command shares: options, consoles, and turning errors into exit codes."""

from __future__ import annotations

import errno
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from tthc.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, TthcError  # noqa: F401 (the commands' exit codes)
from tthc.i18n import Lang as Language
from tthc.i18n import T as Text
from tthc.i18n import as_lang, both, text, tr
from tthc.report.terminal.console import stderr_console, stdout_console  # noqa: F401 (every command's consoles)

# a write the disk refused: no file name in the error (it happened inside a library), still one line
_DISK_ERRORS = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT, errno.EROFS, errno.EIO})

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


def chosen_language(lang: Lang | str | None) -> Language:
    """The language of this invocation: the command's ``--lang`` (Typer already read TTHC_LANG
    into it), else Vietnamese. Pass it to everything the command renders."""
    return as_lang(lang)


def default_paths(paths: list[Path] | None) -> list[Path]:
    return list(paths) if paths else [Path("catalogs")]


class UsageError(TthcError):
    """Bad options or configuration: exit 2 with one line."""


def fail(message: str | Text, lang: Language, code: int = EXIT_ERROR) -> typer.Exit:
    """Print one error line on stderr and return the Exit(2) to raise (control characters shown, not obeyed)."""
    from tthc.text import printable

    print(f"tthc: {tr(lang, 'lỗi', 'error')}: {printable(text(message, lang))}", file=sys.stderr)
    return typer.Exit(code)


@contextmanager
def exit_on_errors(lang: Language) -> Iterator[None]:
    """Known errors (every ``tthc.errors.TthcError``: unreadable input, bad config, bad options,
    an output that cannot be written) become one line on stderr and their exit code (2); so does
    an OSError naming a file. Anything else is a bug and keeps its traceback."""
    from tthc.report.files import write_error

    try:
        yield
    except TthcError as exc:
        raise fail(exc.text(lang), lang, exc.exit_code) from None
    except OSError as exc:  # the system refused a file: one line with the file and the reason
        if not exc.filename and exc.errno not in _DISK_ERRORS:
            raise
        raise fail(write_error(exc.filename or "?", exc, writing=False).text(lang), lang) from None


def guarded(func: Callable[[], T], lang: Language) -> T:
    with exit_on_errors(lang):
        return func()


def format_errors_hint(errors: list) -> Text:
    """One line for catalogs with format errors: the first one, and how many more (both languages)."""
    more = len(errors) - 1
    return both(errors[0]) + (
        tr(
            f" (và {more} lỗi định dạng khác; chạy 'tthc validate' để xem tất cả)",
            f" (and {more} more format errors; run 'tthc validate' to see them all)",
        )
        if more
        else ""
    )
