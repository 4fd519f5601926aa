""" "Did you mean …?": the valid name nearest a mistyped one, offered in both languages."""

from __future__ import annotations

from collections.abc import Iterable

from tthc.i18n import T
from tthc.text import nearest


def did_you_mean(word: str, candidates: Iterable[str], otherwise: T | str = "") -> T:
    """``; có phải 'x'?`` / ``; did you mean 'x'?`` for the candidate nearest ``word``, to append to
    the error line; ``otherwise`` (e.g. "; use: a, b") when no candidate is near."""
    hint = nearest(word, candidates)
    if hint is None:
        return otherwise if isinstance(otherwise, T) else T(otherwise)
    return T(f"; có phải '{hint}'?", f"; did you mean '{hint}'?")
