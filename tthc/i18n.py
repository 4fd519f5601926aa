"""Language of user-facing text: Vietnamese by default, English on request.

Messages are written in place as pairs, ``tr("Tiếng Việt", "English")``, so a reader of
the code sees both and nothing can fall out of sync with a catalogue file. Documents for
officials (plans, annexes, handbooks) are always Vietnamese and do not use this.
"""

from __future__ import annotations

import os

_SUPPORTED = ("vi", "en")
_current = os.environ.get("TTHC_LANG", "vi") if os.environ.get("TTHC_LANG") in _SUPPORTED else "vi"


def set_language(lang: str | None) -> None:
    global _current
    if lang is None:
        lang = os.environ.get("TTHC_LANG") or "vi"
    if lang not in _SUPPORTED:
        raise ValueError(f"unsupported language {lang!r}; use one of {', '.join(_SUPPORTED)}")
    _current = lang


def language() -> str:
    return _current


def tr(vi: str, en: str) -> str:
    """The message in the current language."""
    return en if _current == "en" else vi


class T(tuple):
    """A text in both languages, rendered in the current one: ``T("Tiếng Việt", "English")``."""

    __slots__ = ()

    def __new__(cls, vi: str, en: str) -> T:
        return super().__new__(cls, (vi, en))

    @property
    def vi(self) -> str:
        return self[0]

    @property
    def en(self) -> str:
        return self[1]

    def __str__(self) -> str:
        return tr(self[0], self[1])
