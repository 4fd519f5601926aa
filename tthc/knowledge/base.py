"""The knowledge rules judge against: one immutable object per run."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from tthc.i18n import T
from tthc.knowledge.documents import LegalDocument
from tthc.knowledge.once_only import OnceOnlyType
from tthc.knowledge.targets import Targets
from tthc.knowledge.terms import Term
from tthc.knowledge.textkey import KeyedText, MatcherTable
from tthc.knowledge.units import AbolishedLevel, Province, ProvinceMatch, ProvinceMatcher
from tthc.model import DocKind
from tthc.text import doc_number_key, match_key


@dataclass(frozen=True)
class SwitchedOff:
    """An unconfirmed entry left out of this run (shown by docs and `tthc explain`)."""

    section: str
    identity: str
    source: T  # the citation, both languages (source / source_en)
    origin: str


@dataclass(frozen=True)
class Knowledge:
    legal_documents: tuple[LegalDocument, ...]
    all_terms: tuple[Term, ...]
    abolished_levels: tuple[AbolishedLevel, ...]
    provinces: tuple[Province, ...]
    once_only: tuple[OnceOnlyType, ...]
    targets: Targets
    include_unconfirmed: bool = False
    files: tuple[str, ...] = ()  # the files read, shipped ones first
    switched_off: tuple[SwitchedOff, ...] = ()
    _by_number: dict[str, list[LegalDocument]] = field(init=False, repr=False, compare=False)
    _term_tables: dict[str, MatcherTable[Term]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, list[LegalDocument]] = {}
        for doc in self.legal_documents:
            if doc.number_key:
                index.setdefault(doc.number_key, []).append(doc)
        object.__setattr__(self, "_by_number", index)
        object.__setattr__(self, "_term_tables", {})

    # -- legal documents -------------------------------------------------------------
    def find_document(
        self,
        number: str,
        *,
        year: int | dt.date | None = None,
        kind: DocKind | None = None,
        issuer: str | None = None,
    ) -> LegalDocument | None:
        """The document with this number ("42/2022/ND-CP" = "42/2022/NĐ-CP").

        Numbers without a year ("66/NQ-CP") recur every year: pass the citation's year
        (or date) to tell them apart; a document whose year differs is not returned. A number
        can name two documents ("02/2011/QH13": Luật Khiếu nại and a National Assembly
        resolution): pass the cited ``kind``; a document of another kind is not returned. Local
        documents repeat numbers across provinces: ``issuer`` chooses; still several -> None.
        """
        if not number:
            return None
        found = self._by_number.get(doc_number_key(number), [])
        want = year.year if isinstance(year, dt.date) else year
        matches = [d for d in found if want is None or d.year is None or d.year == want]
        if kind is not None and any(d.kind is not None for d in matches):
            matches = [d for d in matches if d.kind is not None and _same_kind(d.kind, kind)]
        if len(matches) > 1 and issuer:
            key = match_key(issuer)
            named = [d for d in matches if d.issuer and (key in match_key(d.issuer) or match_key(d.issuer) in key)]
            matches = named or matches
        if len(matches) > 1:
            # a curated entry wins over imported ones; several imported documents with one number
            # (local documents of different provinces) cannot be told apart: none is returned
            curated = [d for d in matches if d.imported is None]
            return curated[0] if curated else None
        return matches[0] if matches else None

    def document(self, key: str) -> LegalDocument | None:
        """A document by number or, for one without a number, by its id."""
        return self.find_document(key) or next((d for d in self.legal_documents if d.key == key), None)

    def successor_of(self, doc: LegalDocument) -> LegalDocument | None:
        return self.find_document(doc.successor) if doc.successor else None

    def successor_chain(self, doc: LegalDocument, day: dt.date) -> tuple[list[LegalDocument | str], bool]:
        """The successors of ``doc`` up to the one in force on ``day``, and whether one is.

        Each step is a document of the register, or the bare number of one it does not know
        (the chain stops there). Cycle-safe: a document seen twice ends the chain.
        """
        chain: list[LegalDocument | str] = []
        seen = {id(doc)}
        current = doc
        while current.successor:
            nxt = self.find_document(current.successor)
            if nxt is None:
                chain.append(current.successor)
                return chain, False
            if id(nxt) in seen:
                return chain, False
            seen.add(id(nxt))
            chain.append(nxt)
            if not nxt.ended_by(day):
                return chain, True
            current = nxt
        return chain, False

    # -- terms -----------------------------------------------------------------------
    def terms(self, category: str | None = None) -> list[Term]:
        """The terms of a category ("household_book", "district_level"…), or all of them."""
        return [t for t in self.all_terms if category is None or t.category == category]

    def term_table(self, category: str) -> MatcherTable[Term]:
        """The terms of a category behind one pre-filter (built on first use, once per run):
        ``term_table(c).candidates(text)`` are the terms of ``terms(c)`` that may match."""
        table = self._term_tables.get(category)
        if table is None:
            table = self._term_tables[category] = MatcherTable(self.terms(category))
        return table

    def term(self, term_id: str) -> Term | None:
        return next((t for t in self.all_terms if t.id == term_id), None)

    @property
    def categories(self) -> list[str]:
        return list(dict.fromkeys(t.category for t in self.all_terms))

    # -- units -----------------------------------------------------------------------
    def abolished_level(self, level: str) -> AbolishedLevel | None:
        return next((a for a in self.abolished_levels if a.level == level), None)

    def merged_provinces(self) -> list[Province]:
        """Old provinces whose name no longer names a province (merged into another)."""
        return [p for p in self.provinces if p.ceased]

    def province(self, old_code: str) -> Province | None:
        return next((p for p in self.provinces if p.old_code == old_code), None)

    @cached_property
    def merged_province_matcher(self) -> ProvinceMatcher:
        return ProvinceMatcher(self.merged_provinces())

    def find_merged_provinces(self, text: str | KeyedText | None) -> list[ProvinceMatch]:
        """Old province names (of provinces that ceased) written in ``text``."""
        return self.merged_province_matcher.find(text)

    # -- once-only -------------------------------------------------------------------
    def once_only_types(self) -> list[OnceOnlyType]:
        return list(self.once_only)

    @cached_property
    def once_only_table(self) -> MatcherTable[OnceOnlyType]:
        """The once-only types behind one pre-filter (see :class:`MatcherTable`)."""
        return MatcherTable(self.once_only)

    def once_only_match(self, text: str | KeyedText | None) -> tuple[OnceOnlyType, str] | None:
        """The first once-only type a dossier line names, with the variant found."""
        for kind in self.once_only_table.candidates(text):
            variant = kind.matches(text)
            if variant:
                return kind, variant
        return None


def _same_kind(a: DocKind, b: DocKind) -> bool:
    """Kinds a citation may write for the same document: "Luật" for a "Bộ luật"; a Standing
    Committee number cited without its word ("02/2020/UBTVQH14") reads as a resolution but is
    an ordinance. A law and a National Assembly resolution stay apart (02/2011/QH13)."""
    groups = ((DocKind.LAW, DocKind.CODE), (DocKind.NA_RESOLUTION, DocKind.ORDINANCE))
    return a == b or any(a in g and b in g for g in groups)
