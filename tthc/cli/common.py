"""Pieces every command shares: options, consoles, and turning errors into exit codes."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from tthc.errors import EXIT_ERROR, TthcError
from tthc.i18n import Lang as Language
from tthc.i18n import T as Text
from tthc.i18n import as_lang, both, text, tr

EXIT_OK = 0
EXIT_FINDINGS = 1
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


def stderr_console():
    from tthc.report.terminal.console import make_console  # catalog text is never markup or emoji there

    return make_console(stderr=True)


def stdout_console():
    from tthc.report.terminal.console import make_console

    return make_console(soft_wrap=True)


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


def output_target(
    output: Path | None,
    inputs: Iterable[Path | None] = (),
    *,
    folder: bool = False,
    stdout: bool = True,
    regular: bool = False,
) -> Path | None:
    """Check an output (`-o`) before any work is done; every command that writes calls this.

    Refused with one line (UsageError, exit 2): an output that is one of the inputs — catalog
    files, files inside catalog folders, config, baseline, decisions… compared as files (symlinks,
    `./x`, hard links, letter case on a case-insensitive disk all name the same file) — a folder
    where a file is written, `-` where stdout cannot take the output (`stdout=False`), a device
    or FIFO where the output is read back (`regular=True`). With
    `folder=True` (the site) the output is a folder that must not hold an input.
    Writing itself goes through `tthc.report.files.write_atomic` (devices, symlinks, modes).
    """
    if output is None:
        return None
    from tthc.report.files import is_stdout

    if is_stdout(output):
        if not stdout or folder:
            raise UsageError(
                tr(
                    "-o -: kết quả này không ghi ra stdout được; cho tên tệp",
                    "-o -: this output cannot go to stdout; give a file name",
                )
            )
        return output
    if not folder and output.is_dir():
        raise UsageError(
            tr(
                f"{output}: là một thư mục; cho tên tệp, ví dụ {output / 'ket-qua'}{output.suffix}",
                f"{output}: is a folder; give a file name, e.g. {output / 'result'}{output.suffix}",
            )
        )
    from tthc.config import find_config

    if regular and output.exists() and not output.is_file() and not output.is_dir():
        raise UsageError(
            tr(
                f"{output}: không phải tệp thường (thiết bị, FIFO…); kết quả được đọc lại nên cần một tệp thường",
                f"{output}: not a regular file (a device, FIFO…); the output is read back, so it must be a file",
            )
        )
    files = _input_files([*inputs, find_config()])
    if folder:
        inside = _inside(output, files)
        if inside is not None:
            raise UsageError(
                tr(
                    f"{output}: thư mục ra chứa tệp đầu vào {inside}; chọn thư mục khác (đầu vào không bao giờ bị ghi đè)",
                    f"{output}: the output folder holds the input {inside}; choose another (inputs are never overwritten)",
                )
            )
        return output
    same = _same_file(output, files)
    if same is not None:
        raise UsageError(
            tr(
                f"{output}: tệp ra là tệp đầu vào {same}; chọn tên khác (đầu vào không bao giờ bị ghi đè)",
                f"{output}: the output is the input {same}; choose another name (inputs are never overwritten)",
            )
        )
    return output


def _input_files(inputs: Iterable[Path | None]) -> list[Path]:
    """The files the inputs name: files as given, catalog files inside folders."""
    from tthc.load import discover

    files: list[Path] = []
    for path in inputs:
        if path is None:
            continue
        if path.is_dir():
            try:
                files.extend(discover([path]))
            except Exception:  # an empty or unreadable folder: the load reports it
                continue
        elif path.exists():
            files.append(path)
    return files


def _same_file(output: Path, files: list[Path]) -> Path | None:
    try:
        target = os.stat(output)
    except OSError:
        return None  # not there yet: it cannot be an input
    for path in files:
        try:
            st = os.stat(path)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) == (target.st_dev, target.st_ino):
            return path
    return None


def _inside(folder: Path, files: list[Path]) -> Path | None:
    """The first input file that is `folder` or lies under it (compared as folders on disk)."""
    try:
        root = os.stat(folder)
    except OSError:
        return None  # not there yet: it holds nothing
    key = (root.st_dev, root.st_ino)
    seen: set[Path] = set()
    for path in files:
        real = Path(os.path.realpath(path))
        for part in (real, *real.parents):
            if part in seen:
                break
            seen.add(part)
            try:
                st = os.stat(part)
            except OSError:
                continue
            if (st.st_dev, st.st_ino) == key:
                return path
    return None
