"""Blank runs to one space, fast: most catalog text is already single-spaced."""

from __future__ import annotations

import re

_BLANKS = re.compile(r"\s+")


def single_spaced(text: str) -> str:
    """``re.sub(r"\\s+", " ", text)``, skipped when it would change nothing: a printable text
    without two spaces in a row holds no blank but single " " (every other blank, tabs and
    line breaks included, is unprintable)."""
    if "  " in text or not text.isprintable():
        return _BLANKS.sub(" ", text)
    return text
