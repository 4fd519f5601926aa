"""The one base of every error tthc knows how to report.

A known error is a ``TthcError``: its ``str()`` is **one line** for the user — where (file,
line/cell/field or option), what is wrong, what to do — in the current language, and its
``exit_code`` is the process's exit status (2: the input or the options cannot be used).
``tthc.cli.common.exit_on_errors()`` catches the base, prints ``tthc: lỗi: <str(exc)>`` on
stderr and exits with ``exit_code``; anything that is not a ``TthcError`` (nor an ``OSError``
naming a file) is a bug and keeps its traceback.

To add an error: subclass ``TthcError`` (or one of its subclasses, e.g. ``LoadError`` for an
input that cannot be read) in the module that raises it. Keep ``ValueError`` as a second base
where callers already catch ``ValueError``.
"""

from __future__ import annotations

EXIT_ERROR = 2


class TthcError(Exception):
    """A known, user-facing failure: one line (where, what is wrong, what to do), exit 2."""

    exit_code: int = EXIT_ERROR
