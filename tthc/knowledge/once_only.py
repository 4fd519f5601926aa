"""Document types whose data the state already holds (the once-only principle)."""

from __future__ import annotations

from dataclasses import dataclass, field

from tthc.i18n import T
from tthc.knowledge.textkey import Hit, KeyedText, PhraseMatcher


@dataclass(frozen=True)
class OnceOnlyType:
    """A paper a dossier should not ask for because a national database holds its data.

    ``exclude`` masks false friends in a dossier line (a form *asking for* the paper, a
    paper issued abroad); ``unless`` drops the whole line (e.g. "nước ngoài cấp").
    """

    id: str
    name: str
    variants: tuple[str, ...]
    database: str
    source: T  # the citation, both languages (source / source_en)
    confirmed: bool = True
    name_en: str | None = None
    exclude: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    pattern_kind: str = "phrase"
    note: str | None = None
    origin: str = ""
    _matcher: PhraseMatcher = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        matcher = PhraseMatcher(self.variants, self.exclude, self.unless, regex=self.pattern_kind == "regex")
        object.__setattr__(self, "_matcher", matcher)

    def matches(self, text: str | KeyedText | None) -> str | None:
        """The variant found in a dossier line, or None."""
        hit = self._matcher.search(text)
        if hit is None:
            return None
        return hit.found if self.pattern_kind == "regex" else hit.variant

    def search(self, text: str | KeyedText | None) -> Hit | None:
        return self._matcher.search(text)

    def search_all(self, text: str | KeyedText | None) -> list[Hit]:
        """Every place the line names the paper, in text order."""
        return self._matcher.search_all(text)

    def name_text(self) -> T:
        return T(self.name, self.name_en or self.name)
