"""Outdated terms: phrases a catalog should no longer use, each from a dated legal change."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tthc.i18n import T
from tthc.knowledge.textkey import Hit, KeyedText, PhraseMatcher


@dataclass(frozen=True)
class Term:
    """One outdated term (a group of variants) with the date it became outdated.

    ``invalid_from`` is the first day the term is outdated. When ``"invalid_from"`` is in
    ``unconfirmed_dates`` the date is believed, not checked: rules judge with it (the term
    is outdated long since either way) and say the date is unconfirmed.
    """

    id: str
    category: str
    variants: tuple[str, ...]
    source: T  # the citation, both languages (source / source_en)
    confirmed: bool = True
    exclude: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    pattern_kind: str = "phrase"  # "phrase" or "regex"
    invalid_from: dt.date | None = None
    reason: str | None = None
    reason_en: str | None = None
    replacement: str | None = None
    replacement_en: str | None = None
    fields: tuple[str, ...] = ()  # model fields the term is meant for; () = any text
    unconfirmed_dates: frozenset[str] = frozenset()
    note: str | None = None
    origin: str = ""
    _matcher: PhraseMatcher = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        matcher = PhraseMatcher(self.variants, self.exclude, self.unless, regex=self.pattern_kind == "regex")
        object.__setattr__(self, "_matcher", matcher)

    def matches(self, text: str | KeyedText | None) -> str | None:
        """The variant found in ``text`` as the data writes it (a regex entry: the text
        matched), or None."""
        hit = self._matcher.search(text)
        if hit is None:
            return None
        return hit.found if self.pattern_kind == "regex" else hit.variant

    def search(self, text: str | KeyedText | None) -> Hit | None:
        """Like :meth:`matches`, with the text as the catalog wrote it and its span."""
        return self._matcher.search(text)

    def is_outdated_at(self, day: dt.date) -> bool:
        return self.invalid_from is None or day >= self.invalid_from

    @property
    def date_confirmed(self) -> bool:
        return "invalid_from" not in self.unconfirmed_dates

    def reason_text(self) -> T | None:
        if self.reason:
            return T(self.reason, self.reason_en or self.reason)
        return T(self.reason_en, self.reason_en) if self.reason_en else None

    def replacement_text(self) -> T | None:
        if self.replacement:
            return T(self.replacement, self.replacement_en or self.replacement)
        return T(self.replacement_en, self.replacement_en) if self.replacement_en else None
