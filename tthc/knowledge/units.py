"""Administrative units: abolished levels and the 63 -> 34 provinces of 1 July 2025.

Finding an old province name in free text is full of traps: since 2025 many wards and
communes carry the names of old provinces (Phường Hà Nam, Phường Bến Tre, Xã Hòa Bình),
streets do too (Đại lộ Bình Dương), "hòa bình" is also a word, and officers write
"tỉnh Hà Nam (cũ)" on purpose. :class:`ProvinceMatcher` therefore only reports a name that

- is written as a proper name (every word capitalised), unless "tỉnh" precedes it;
- is not preceded by a lower unit, street or place word (xã, phường, đường, đại lộ…),
  looking back over the capitalised words before it ("Phường Hiệp Bình Phước");
- is not followed by a number ("Hà Giang 1"), by "cũ", or (unless "tỉnh" precedes it) by
  another capitalised word that makes it part of a longer name ("Thái Bình Trung");
- does not share words with another old name ("Thái Bình Dương", the Pacific).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from tthc.i18n import T
from tthc.knowledge.textkey import KeyedText, find_words, keyed, phrase_key


@dataclass(frozen=True)
class AbolishedLevel:
    """An administrative level that no longer exists (the district level from 1/7/2025)."""

    id: str
    level: str  # a tthc.model.Level value
    abolished_from: dt.date
    source: T  # the citation, both languages (source / source_en)
    confirmed: bool = True
    recommendation: str | None = None
    recommendation_en: str | None = None
    unconfirmed_dates: frozenset[str] = frozenset()
    note: str | None = None
    origin: str = ""

    def is_abolished_at(self, day: dt.date) -> bool:
        return day >= self.abolished_from

    def recommendation_text(self) -> T | None:
        if self.recommendation:
            return T(self.recommendation, self.recommendation_en or self.recommendation)
        return T(self.recommendation_en, self.recommendation_en) if self.recommendation_en else None


@dataclass(frozen=True)
class Province:
    """An old (pre-2025) province and the new province it became part of."""

    old_code: str
    old_name: str
    new_code: str
    new_name: str
    ceased: bool  # the old name no longer names a province (merged into another)
    source: T  # the citation, both languages (source / source_en)
    confirmed: bool = True
    variants: tuple[str, ...] = ()
    effective: dt.date | None = None
    unconfirmed_dates: frozenset[str] = frozenset()
    note: str | None = None
    origin: str = ""

    @property
    def short_name(self) -> str:
        return strip_unit_prefix(self.old_name)

    @property
    def new_short_name(self) -> str:
        return strip_unit_prefix(self.new_name)

    def names(self) -> list[str]:
        """The bare names to look for: the old name and its variants without "Tỉnh"/"TP."."""
        out: list[str] = []
        for name in (self.old_name, *self.variants):
            bare = strip_unit_prefix(name)
            if bare and bare not in out:
                out.append(bare)
        return out


_PREFIX = re.compile(r"^\s*(?:tỉnh|thành\s+phố|tp\s*\.?)\s+", re.I)


def strip_unit_prefix(name: str) -> str:
    """ "Tỉnh Hà Nam" -> "Hà Nam", "TP. Cần Thơ" -> "Cần Thơ"."""
    return _PREFIX.sub("", name).strip()


@dataclass(frozen=True)
class ProvinceMatch:
    province: Province
    found: str  # as the text writes it
    start: int  # span in the NFC text
    end: int
    qualified: bool  # "tỉnh" stands before it


# Words that, standing before a name, make it something other than a province: lower
# units, streets and places ("thị trấn", "đại lộ" by their last word), and abbreviations
# (TX., TT., Q., P., X., H.).
_PLACE_WORDS = (
    "xã phường trấn huyện quận phố tp thôn ấp bản làng khu tổ đường lộ ngõ ngách hẻm kiệt "
    "cầu chợ sông đảo hồ núi ga cảng kcn khóm buôn sóc đặc tx tt q p x h"
)
_NOT_PROVINCE_BEFORE = frozenset(phrase_key(word) for word in _PLACE_WORDS.split())
_QUALIFIER = phrase_key("tỉnh")
_OLD_MARK = phrase_key("cũ")
_WORD = re.compile(r"[\w\u0300-\u036f]+")
_TOKEN = re.compile(r"[\w\u0300-\u036f]+|[^\w\s\u0300-\u036f]+")


class ProvinceMatcher:
    """Finds names of the given provinces in free text (see the module doc for the rules)."""

    def __init__(self, provinces: Iterable[Province]) -> None:
        names: list[tuple[str, Province]] = []
        for province in provinces:
            for name in province.names():
                names.append((phrase_key(name), province))
        self._names = sorted(names, key=lambda kp: -len(kp[0]))
        # one C-level scan tells whether any name occurs at all (most texts name none)
        self._any = re.compile("|".join(re.escape(k) for k, _ in self._names)) if self._names else None

    def find(self, text: str | KeyedText | None) -> list[ProvinceMatch]:
        if not text:
            return []
        kt = text if isinstance(text, KeyedText) else keyed(text)
        if self._any is None or self._any.search(kt.key) is None:
            return []
        spans: dict[tuple[int, int], Province] = {}
        for nkey, province in self._names:
            for i in find_words(kt.key, nkey):
                spans.setdefault((i, i + len(nkey)), province)
        if not spans or kt.offsets is None:  # judging needs the text as written
            return []
        found: list[ProvinceMatch] = []
        for (i, end), province in spans.items():
            overlapping = {p.old_code for (s, e), p in spans.items() if s < end and i < e}
            if overlapping != {province.old_code}:
                continue  # two old names share words: a longer name ("Thái Bình Dương")
            if any(s <= i and end <= e and (s, e) != (i, end) for s, e in spans):
                continue  # a longer spelling of the same province covers it
            match = self._judge(kt, i, end, province)
            if match is not None:
                found.append(match)
        return sorted(found, key=lambda m: m.start)

    def first(self, text: str | KeyedText | None) -> ProvinceMatch | None:
        found = self.find(text)
        return found[0] if found else None

    def _judge(self, kt: KeyedText, i: int, end: int, province: Province) -> ProvinceMatch | None:
        span = kt.span(i, end)
        if span is None:
            return None
        start, stop = span
        written = kt.text[start:stop]
        before = _words_before(kt.text[:start])
        qualified = bool(before) and phrase_key(before[0][0]) == _QUALIFIER
        if not qualified:
            if not all(w[0].isupper() for w in _WORD.findall(written)):
                return None
            for word, capitalised in before:
                if phrase_key(word) in _NOT_PROVINCE_BEFORE:
                    return None
                if phrase_key(word) == _QUALIFIER:
                    qualified = True
                    break
                if not capitalised:
                    break
        after = re.match(r"\s*\(?\s*([\w\u0300-\u036f]+)", kt.text[stop:])
        gap = re.match(r"\s*\(?\s*", kt.text[stop:])
        if after:
            word = after.group(1)
            if word[0].isdigit() or phrase_key(word) == _OLD_MARK:
                return None
            direct = gap is not None and "(" not in gap.group(0) and "\n" not in gap.group(0)
            if not qualified and direct and word[0].isupper():
                return None
        return ProvinceMatch(province, written, start, stop, qualified)


def _words_before(text: str) -> list[tuple[str, bool]]:
    """The words right before a position, nearest first, up to punctuation: (word, capitalised).

    A full stop does not end the phrase ("TP. Bến Tre", "Q. 1"); other punctuation does
    ("Phường Hà Nam, tỉnh Ninh Bình").
    """
    out: list[tuple[str, bool]] = []
    for token in reversed(_TOKEN.findall(text)):
        if not _WORD.fullmatch(token):
            if token.strip() == ".":
                continue
            break
        out.append((token, token[0].isupper()))
        if len(out) >= 8:
            break
    return out
