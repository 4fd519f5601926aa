"""The output of a command (`-o`), checked before any work is done: never one of the inputs.

Every command that writes calls :func:`output_target` first; the writing itself goes through
`tthc.report.files` (atomic, devices, symlinks, modes).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from tthc.errors import TthcError
from tthc.i18n import tr


class OutputError(TthcError):
    """An output that cannot be used (an input, a folder, stdout where a file is needed): one line, exit 2."""


def output_target(
    output: Path | None,
    inputs: Iterable[Path | None] = (),
    *,
    folder: bool = False,
    stdout: bool = True,
    regular: bool = False,
) -> Path | None:
    """Check an output (`-o`) before any work is done; every command that writes calls this.

    Refused with one line (OutputError, exit 2): an output that is one of the inputs — catalog
    files, files inside catalog folders, config, baseline, decisions… compared as files (symlinks,
    `./x`, hard links, letter case on a case-insensitive disk all name the same file) — a folder
    where a file is written, `-` where stdout cannot take the output (`stdout=False`), a device
    or FIFO where the output is read back (`regular=True`). With
    `folder=True` (the site) the output is a folder that must not hold an input.
    Writing itself goes through `tthc.report.files.write_atomic` (devices, symlinks, modes).
    """
    if output is None:
        return None
    from tthc.report.files import is_stdout  # (tempfile, shutil: not at start-up)

    if is_stdout(output):
        if not stdout or folder:
            raise OutputError(
                tr(
                    "-o -: kết quả này không ghi ra stdout được; cho tên tệp",
                    "-o -: this output cannot go to stdout; give a file name",
                )
            )
        return output
    if not folder and output.is_dir():
        raise OutputError(
            tr(
                f"{output}: là một thư mục; cho tên tệp, ví dụ {output / 'ket-qua'}{output.suffix}",
                f"{output}: is a folder; give a file name, e.g. {output / 'result'}{output.suffix}",
            )
        )
    from tthc.config import find_config

    if regular and output.exists() and not output.is_file() and not output.is_dir():
        raise OutputError(
            tr(
                f"{output}: không phải tệp thường (thiết bị, FIFO…); kết quả được đọc lại nên cần một tệp thường",
                f"{output}: not a regular file (a device, FIFO…); the output is read back, so it must be a file",
            )
        )
    files = _input_files([*inputs, find_config()])
    if folder:
        inside = _inside(output, files)
        if inside is not None:
            raise OutputError(
                tr(
                    f"{output}: thư mục ra chứa tệp đầu vào {inside}; chọn thư mục khác (đầu vào không bao giờ bị ghi đè)",
                    f"{output}: the output folder holds the input {inside}; choose another (inputs are never overwritten)",
                )
            )
        return output
    same = _same_file(output, files)
    if same is not None:
        raise OutputError(
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
