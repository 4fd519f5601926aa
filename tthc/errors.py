"""The one base of every error tthc knows how to report.

A known error is a ``TthcError``: its ``str()`` is **one line** for the user — where (file,
line/cell/field or option), what is wrong, what to do — and its
``exit_code`` is the process's exit status (2: the input or the options cannot be used).
The message is a ``tthc.i18n.T`` (both languages); ``exc.text(lang)`` renders the line in the
user's language and ``str(exc)`` in Vietnamese. ``tthc.cli.common.exit_on_errors(lang)``
catches the base, prints ``tthc: lỗi: <exc.text(lang)>`` on stderr and exits with ``exit_code``; anything that is not a ``TthcError`` (nor an ``OSError``
naming a file) is a bug and keeps its traceback.

To add an error: subclass ``TthcError`` (or one of its subclasses, e.g. ``LoadError`` for an
input that cannot be read) in the module that raises it, with a ``T(vi, en)`` message; a
subclass that adds a position overrides ``text(lang)``. Keep ``ValueError`` as a second base
where callers already catch ``ValueError``.
"""

from __future__ import annotations

from typing import Any

EXIT_OK = 0
EXIT_FINDINGS = 1  # findings at or above the threshold (check), differences (diff), conflicts (merge)…
EXIT_ERROR = 2


class TthcError(Exception):
    """A known, user-facing failure: one line (where, what is wrong, what to do), exit 2."""

    exit_code: int = EXIT_ERROR

    def text(self, lang: Any) -> str:
        """The line in ``lang`` ("vi"/"en")."""
        from tthc.i18n import text

        return "; ".join(text(a, lang) for a in self.args) if self.args else type(self).__name__

    def __str__(self) -> str:
        return self.text("vi")
