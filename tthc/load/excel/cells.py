"""Cell values as calamine returns them (str, float, bool, dates) -> record text.

These run once per cell of a large sheet, so the common case (text that is already
clean NFC) takes a fast path of C-level checks before falling back to
:func:`tthc.text.clean`. The result is always what ``clean`` would give.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from tthc.text import PLACEHOLDERS, clean, split_lines

_is_normalized = unicodedata.is_normalized
_LONGEST_PLACEHOLDER = max(len(p) for p in PLACEHOLDERS)


def _tidy(s: str) -> bool:
    """True when ``clean(s)`` would return ``s`` itself (or None for a placeholder)."""
    return (
        s[0] != " "
        and s[-1] != " "
        and "  " not in s
        and "\n" not in s
        and "<" not in s
        and "\t" not in s
        and "\xa0" not in s
        and "\r" not in s
        and _is_normalized("NFC", s)
        and s.isprintable()
    )


def text(value: Any) -> str | None:
    """One value: NFC, spaces collapsed, placeholders -> None."""
    if value.__class__ is str:
        if not value:
            return None
        if _tidy(value):
            if len(value) > _LONGEST_PLACEHOLDER or value.casefold().rstrip(".") not in PLACEHOLDERS:
                return value
            return None
        return clean(value)
    return clean(scalar(value))


# Columns where "Không" is an answer (no fee, no online service), not an empty cell.
NO_MEANS_NONE = frozenset({"fees", "online_service"})


def answer_no(value: Any) -> str | None:
    """ "Không" / "Không có" as written, for the columns where it means none; else None."""
    if value.__class__ is str and len(value) < 16:
        word = unicodedata.normalize("NFC", value).strip()
        if word.casefold().rstrip(".") in ("không", "không có"):
            return word
    return None


def lines(value: Any) -> list[str]:
    """The non-empty cleaned lines of a multi-line cell."""
    if value.__class__ is str:
        if "\r" in value or "<" in value:
            return split_lines(value)
        if "\n" not in value:
            one = text(value)
            return [one] if one is not None else []
        out = []
        for line in value.split("\n"):
            if line:
                item = text(line)
                if item is not None:
                    out.append(item)
        return out
    one = text(value)
    return [one] if one is not None else []


def keep_lines(value: Any) -> str | None:
    """Clean text that keeps its line breaks (fees: one charge per line)."""
    if value.__class__ is str and "\n" not in value and "\r" not in value:
        return text(value)
    items = lines(value)
    return "\n".join(items) if items else None


def scalar(value: Any) -> str | None:
    """A non-text cell as text: whole numbers without ".0", dates as ISO."""
    if value is None or value == "":
        return None
    if value.__class__ is str:
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return general_number(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return str(value)


def date_text(value: Any) -> str | None:
    """A date cell as ISO text; text kept as written (the builder parses it)."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return text(value)


def int_text(value: Any) -> str | None:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return text(value)


def general_number(value: float) -> str:
    """A number as Excel's "General" format shows it (up to 11 significant digits)."""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return format(value, ".11g")


_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


def format_number(value: float, number_format: str | None) -> str:
    """The text Excel displays for ``value`` under a number format, for the formats codes
    end up in ("General", "@", "0.000000", "#,##0.00"). Others fall back to General."""
    fmt = (number_format or "General").split(";")[0]
    fmt = _QUOTED.sub("", fmt)
    if fmt.strip().lower() in ("general", "@", "") or "%" in fmt or "e" in fmt.lower():
        return general_number(value)
    if not re.fullmatch(r"[#0,]*(\.[#0]*)?", fmt.strip()):
        return general_number(value)
    integer, _, decimals = fmt.strip().partition(".")
    fixed = decimals.count("0")
    optional = decimals.count("#")
    rendered = f"{value:,.{fixed + optional}f}" if "," in integer else f"{value:.{fixed + optional}f}"
    if optional and "." in rendered:
        head, _, tail = rendered.partition(".")
        tail = tail[:fixed] + tail[fixed:].rstrip("0")
        rendered = f"{head}.{tail}" if tail else head
    return rendered
