"""Dates as Vietnamese catalogs write them."""

from __future__ import annotations

import datetime as dt
import re

# "15/11/2015", "15-11-2015", "15.11.2015", "2015-11-15"
# (the look-behind "no digit before" comes after the first digit, so that a search skips to
# the next digit at once instead of trying every position)
_NUMERIC = re.compile(r"(\d(?<!\d\d)\d?)\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)")
_ISO = re.compile(r"(\d(?<!\d\d)\d{3})-(\d{1,2})-(\d{1,2})(?!\d)")
# "ngày 15 tháng 11 năm 2015"
_WORDS = re.compile(r"(\d{1,2})\s+tháng\s+(\d{1,2})\s*,?\s*năm\s+(\d{4})", re.I)
_PATTERNS = ((_WORDS, "dmy"), (_ISO, "ymd"), (_NUMERIC, "dmy"))


def parse_date(value: object) -> dt.date | None:
    """The first date in a value (a date, a datetime, or text); None if there is none."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    found = find_dates(str(value))
    return found[0][2] if found else None


def find_dates(text: str) -> list[tuple[int, int, dt.date]]:
    """Every date in a text with its span (start, end), in order."""
    found: list[tuple[int, int, dt.date]] = []
    taken: list[tuple[int, int]] = []
    for pattern, order in _PATTERNS:
        if pattern is _WORDS and "tháng" not in text.lower():  # cheap guards: words need
            continue  # "tháng", ISO dates a "-"
        if pattern is _ISO and "-" not in text:
            continue
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            a, b, c = (int(g) for g in m.groups())
            y, mo, d = (a, b, c) if order == "ymd" else (c, b, a)
            try:
                found.append((m.start(), m.end(), dt.date(y, mo, d)))
                taken.append((m.start(), m.end()))
            except ValueError:
                pass
    return sorted(found)
