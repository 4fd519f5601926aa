"""Legal documents and their status on a given date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from tthc.i18n import T
from tthc.model import DOC_KIND_WORDS, DocKind
from tthc.text import doc_number_key


class DocStatus(StrEnum):
    IN_FORCE = "in_force"
    NOT_YET = "not_yet"  # before its effective date
    REPEALED = "repealed"  # repealed or replaced (on or after repealed_from, or at an unknown date)
    EXPIRED = "expired"  # a temporary document after its last day (expires)
    PARTLY_EXPIRED = "partly_expired"  # some provisions no longer apply ("Hết hiệu lực một phần")


# What a register may state as a document's validity (vbpl.vn's words, DOMAIN §3c), with or
# without the date it ended: "expired" with no ``repealed_from`` is "repealed, date unknown".
DECLARED_STATUSES = ("in_force", "not_yet_in_force", "partly_expired", "expired")


@dataclass(frozen=True)
class LegalDocument:
    """A legal document the rules know, with its dates and its successor.

    Dates: ``effective`` is the first day in force; ``expires`` the *last* day a temporary
    document applies; ``repealed_from`` the first day it no longer applies. Dates named in
    ``unconfirmed_dates`` are believed, not checked: judge with them, but say so.
    """

    key: str  # the number, or the id of a document whose number is not known
    number: str | None
    kind: DocKind | None
    title: str | None
    source: T  # the citation, both languages (source / source_en)
    confirmed: bool = True
    issued: dt.date | None = None
    effective: dt.date | None = None
    expires: dt.date | None = None
    repealed_from: dt.date | None = None
    replaced_by: str | None = None
    repealed_by: str | None = None
    amended_by: tuple[str, ...] = ()
    temporary: bool = False
    year: int | None = None  # for numbers without a year ("66/NQ-CP"); else the number's year
    unconfirmed_dates: frozenset[str] = frozenset()
    note: str | None = None
    origin: str = ""  # file:line of the entry that defined it (the last override)
    status: str | None = None  # declared validity (DECLARED_STATUSES), as the source gave it
    status_as_of: dt.date | None = None  # the day the source stated that status
    repeal_article: str | None = None  # the successor's article that repeals it ("Điều 152 khoản 2")
    imported: dt.date | None = None  # when an import tool wrote the entry
    issuer: str | None = None  # "Bộ Tài chính", as the register writes it
    # A repeal whose date is not known did not happen before this day (the successor's year,
    # the declared status's day); set by the loader.
    end_not_before: dt.date | None = None
    inferred: str | T | None = None  # why the end was inferred rather than read ("next law of the same name")

    @property
    def successor(self) -> str | None:
        """The number of the document that replaced or repealed this one."""
        return self.replaced_by or self.repealed_by

    @property
    def number_key(self) -> str | None:
        return doc_number_key(self.number) if self.number else None

    @property
    def end_date(self) -> dt.date | None:
        """The first day the document no longer applies (repeal or expiry), if known."""
        ends = [d for d in (self.repealed_from, _next_day(self.expires)) if d is not None]
        return min(ends) if ends else None

    @property
    def end_unknown(self) -> bool:
        """Repealed or replaced, but the register does not know since when."""
        return self.repealed_from is None and self.expires is None and self.status == "expired"

    def status_at(self, day: dt.date) -> DocStatus:
        if self.effective is not None and day < self.effective:
            return DocStatus.NOT_YET
        if self.repealed_from is not None and day >= self.repealed_from:
            return DocStatus.REPEALED
        if self.expires is not None and day > self.expires:
            return DocStatus.EXPIRED
        if self.end_unknown:
            bound = self.end_not_before or self.status_as_of
            return DocStatus.REPEALED if bound is None or day >= bound else DocStatus.IN_FORCE
        not_yet = self.status == "not_yet_in_force" and self.effective is None
        if not_yet and (self.status_as_of is None or day <= self.status_as_of):
            return DocStatus.NOT_YET
        if self.status == "partly_expired" and (self.status_as_of is None or day >= self.status_as_of):
            return DocStatus.PARTLY_EXPIRED
        return DocStatus.IN_FORCE

    def ended_by(self, day: dt.date) -> bool:
        """Repealed, replaced or expired on ``day``."""
        return self.status_at(day) in (DocStatus.REPEALED, DocStatus.EXPIRED)

    def date_confirmed(self, field: str) -> bool:
        """False when the date in ``field`` ("effective", "repealed_from"…) is only believed."""
        return field not in self.unconfirmed_dates

    def status_date_confirmed(self, day: dt.date) -> bool:
        """Whether the date that decides ``status_at(day)`` is a confirmed one."""
        status = self.status_at(day)
        field = {
            DocStatus.NOT_YET: "effective",
            DocStatus.REPEALED: "repealed_from",
            DocStatus.EXPIRED: "expires",
        }.get(status)
        if field is None:  # in force: every date that could have said otherwise counts
            return not (self.unconfirmed_dates & {"effective", "repealed_from", "expires"})
        if status is DocStatus.REPEALED and self.end_unknown:
            return False
        return self.date_confirmed(field)

    @property
    def label(self) -> str:
        """How a message names it: "Nghị định 42/2022/NĐ-CP", or the title without a number."""
        if self.number:
            prefix = DOC_KIND_WORDS.get(self.kind) if self.kind else None
            if self.kind is DocKind.DISPATCH:
                prefix = "Công điện" if "/CĐ-" in self.number.upper() else None
            return f"{prefix} {self.number}" if prefix else self.number
        return self.title or self.key


def _next_day(day: dt.date | None) -> dt.date | None:
    return day + dt.timedelta(days=1) if day else None
