"""Reference targets and defaults: cut percentages, thresholds, cost-model inputs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from tthc.i18n import T
from tthc.knowledge.textkey import KeyedText, PhraseMatcher


@dataclass(frozen=True)
class AllowedReason:
    """A reason that justifies an online service being only "một phần"."""

    id: str
    label: str
    variants: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    _matcher: PhraseMatcher = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_matcher", PhraseMatcher(self.variants, self.exclude))

    def matches(self, text: str | KeyedText | None) -> str | None:
        hit = self._matcher.search(text)
        return hit.variant if hit else None


@dataclass(frozen=True)
class Target:
    """One target or default as the data gives it, with its citation.

    ``assumption`` marks a default that is no law at all (e.g. SCM hours per activity):
    it is loaded although ``confirmed`` is false, and outputs must call it an assumption.
    """

    id: str
    source: T  # the citation, both languages (source / source_en)
    confirmed: bool = True
    assumption: bool = False
    value: Decimal | None = None
    unit: str | None = None
    year: int | None = None
    from_year: int | None = None
    to_year: int | None = None
    applies_to: tuple[str, ...] = ()
    reasons: tuple[AllowedReason, ...] = ()
    hours: Mapping[str, Decimal] = field(default_factory=dict)
    note: str | None = None
    origin: str = ""


# Target ids the typed accessors read. Users may override them; unknown ids are refused.
KNOWN_TARGETS = (
    "processing_time_cut",
    "previous_cut",
    "unused_years",
    "partial_online_reasons",
    "hourly_income",
    "hours_per_working_day",
    "scm_hours",
)


@dataclass(frozen=True)
class Targets:
    """Typed view of the targets; ``entries`` keeps each one's citation for messages."""

    entries: Mapping[str, Target]

    def get(self, target_id: str) -> Target | None:
        return self.entries.get(target_id)

    def _value(self, target_id: str) -> Decimal | None:
        target = self.entries.get(target_id)
        return target.value if target else None

    @property
    def processing_time_cut_percent(self) -> Decimal | None:
        """National target: cut processing time (and cost, conditions) by at least this %."""
        return self._value("processing_time_cut")

    @property
    def previous_cut_percent(self) -> Decimal | None:
        return self._value("previous_cut")

    @property
    def unused_years(self) -> int | None:
        """Years without a dossier after which abolition is proposed."""
        value = self._value("unused_years")
        return int(value) if value is not None else None

    @property
    def hourly_income(self) -> Decimal | None:
        """Đồng per hour, for the "practice" compliance-cost formula."""
        return self._value("hourly_income")

    @property
    def hours_per_working_day(self) -> Decimal | None:
        return self._value("hours_per_working_day")

    @property
    def scm_hours(self) -> Mapping[str, Decimal]:
        """Default hours per SCM activity (an editable assumption, not law)."""
        target = self.entries.get("scm_hours")
        return target.hours if target else {}

    @property
    def partial_online_reasons(self) -> tuple[AllowedReason, ...]:
        target = self.entries.get("partial_online_reasons")
        return target.reasons if target else ()

    def partial_reason(self, text: str | KeyedText | None) -> str | None:
        """The id of the allowed reason a "một phần" justification gives, or None."""
        for reason in self.partial_online_reasons:
            if reason.matches(text):
                return reason.id
        return None
