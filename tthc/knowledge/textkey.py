"""Matching knowledge phrases against catalog text.

Everything is compared on :func:`tthc.text.match_key` (case- and tone-placement-insensitive,
never ASCII-folded), with dashes unified to "-" and the spaces around them dropped, so
"Lao động – Thương binh" equals "Lao động-Thương binh". :class:`KeyedText` also keeps, for
every key character, the index of the character it came from, so a match can be reported
as the user wrote it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, Generic, TypeVar

from tthc.text import contains_key, match_key, nfc

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # must mirror tthc.text._TONE_MARKS
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—−", "-"))
_SPACED_DASH = re.compile(r" ?- ?")
_W = r"[\w\u0300-\u036f]"
_BOUNDARY = rf"(?:(?<!{_W})(?={_W})|(?<={_W})(?!{_W}))"


def _word_char(ch: str) -> bool:
    return ch.isalnum() or unicodedata.combining(ch) != 0


@dataclass(frozen=True)
class KeyedText:
    """A text (NFC) and its matching key; ``offsets`` (computed on first use) maps each key
    character to the index of the text character it came from (None for exotic input)."""

    text: str
    key: str

    @cached_property
    def offsets(self) -> tuple[int, ...] | None:
        chars, where = _mirror_match_key(self.text)
        if chars != match_key(self.text):
            return None
        if _ANY_DASH.search(chars) is not None:  # no dash: unifying them changes nothing
            unified, where = _unify_dashes_with_offsets(list(chars), where)
            chars = "".join(unified)
        return tuple(where) if chars == self.key else None

    def span(self, key_start: int, key_end: int) -> tuple[int, int] | None:
        """The span of the original text a whole-word key span came from."""
        offsets = self.offsets
        if offsets is None or key_end <= key_start:
            return None
        start = offsets[key_start]
        end = max(offsets[key_start:key_end]) + 1
        # a tone mark moved to the word's end points back into the word: widen to the word
        while end < len(self.text) and _word_char(self.text[end]) and _word_char(self.text[end - 1]):
            end += 1
        return start, end

    def original(self, key_start: int, key_end: int) -> str | None:
        span = self.span(key_start, key_end)
        return None if span is None else self.text[span[0] : span[1]]


@lru_cache(maxsize=1 << 17)  # enough for every name and text of a 100k-procedure run
def keyed(text: str) -> KeyedText:
    """The key of ``text`` (see module doc); cached, as every rule asks about the same texts."""
    text = nfc(text)
    return KeyedText(text, phrase_key(text))


def phrase_key(phrase: str) -> str:
    """The key of a knowledge phrase (a variant, an exclusion)."""
    return _unify_dashes(match_key(nfc(phrase)))


_ANY_DASH = re.compile("[‐‑‒–—−-]")


def _unify_dashes(key: str) -> str:
    if _ANY_DASH.search(key) is None:  # most keys: str.translate with a dict is slow on long text
        return key
    return _SPACED_DASH.sub("-", key.translate(_DASHES))


def _unify_dashes_with_offsets(chars: list[str], offsets: list[int]) -> tuple[list[str], list[int]]:
    chars = [c.translate(_DASHES) for c in chars]
    keep = [
        not (c == " " and ((i > 0 and chars[i - 1] == "-") or (i + 1 < len(chars) and chars[i + 1] == "-")))
        for i, c in enumerate(chars)
    ]
    return [c for c, k in zip(chars, keep, strict=True) if k], [o for o, k in zip(offsets, keep, strict=True) if k]


_TOKEN = re.compile(r"\S+")  # \s is str.isspace() (match_key splits on it)


def _mirror_match_key(text: str) -> tuple[str, list[int]]:
    """:func:`_mirror_match_key_loop` one blank-separated word at a time: match_key treats
    each word alone (tone marks never move past a blank) and joins them with one space, put
    where the blanks after the previous word start; each distinct word is mirrored once."""
    parts: list[str] = []
    where: list[int] = []
    previous_end = 0
    for m in _TOKEN.finditer(text):
        chars, offsets = _word_mirror(m.group())
        if where:
            parts.append(" ")
            where.append(previous_end)
        parts.append(chars)
        start = m.start()
        where.extend([start + o for o in offsets])
        previous_end = m.end()
    return "".join(parts), where


@lru_cache(maxsize=1 << 15)
def _word_mirror(word: str) -> tuple[str, tuple[int, ...]]:
    chars, where = _mirror_match_key_loop(word)
    return "".join(chars), tuple(where)


def _mirror_match_key_loop(text: str) -> tuple[list[str], list[int]]:
    """match_key, one source character at a time, recording where each key char came from."""
    out: list[str] = []
    where: list[int] = []
    tones: list[tuple[str, int]] = []
    space_at: int | None = None

    def flush() -> None:
        for tone, i in tones:
            out.append(tone)
            where.append(i)
        tones.clear()

    for i, ch in enumerate(text):
        if ch.isspace():
            if out or tones:
                space_at = i if space_at is None else space_at
            continue
        if space_at is not None:
            flush()
            out.append(" ")
            where.append(space_at)
            space_at = None
        for d in unicodedata.normalize("NFD", ch.casefold()):
            if d in _TONES:
                tones.append((d, i))
            elif d.isalnum() or unicodedata.combining(d):
                out.append(d)
                where.append(i)
            else:
                flush()
                out.append(d)
                where.append(i)
    flush()
    return out, where


def find_words(key: str, needle: str) -> Iterator[int]:
    """Start indexes of whole-word occurrences of ``needle`` in ``key`` (both keys)."""
    if not needle:
        return
    start = 0
    while (i := key.find(needle, start)) >= 0:
        end = i + len(needle)
        if (i == 0 or not _word_char(key[i - 1])) and (end == len(key) or not _word_char(key[end])):
            yield i
        start = i + 1


def regex_key(pattern: str) -> str:
    """A regular expression written in plain Vietnamese, rewritten to run on keys.

    Each run of letters is replaced by its key (lower case, NFD, tone mark at the end of
    the word); escapes such as ``\\s`` and ``\\d`` are kept, ``\\b`` becomes a word boundary
    that knows combining marks. Write whole words. Matches must start and end on word
    boundaries anyway (the matcher checks).
    """

    def convert(m: re.Match[str]) -> str:
        if m.group(1):
            return _BOUNDARY if m.group(1) == "\\b" else m.group(1)
        return match_key(m.group(0))

    return _unify_dashes(re.sub(r"(\\.)|[^\W\d_]+", convert, nfc(pattern)))


@dataclass(frozen=True)
class Hit:
    """One match: the data variant that matched and the text as the catalog wrote it."""

    variant: str
    found: str
    start: int | None = None  # span in the NFC text, when known
    end: int | None = None


class PhraseMatcher:
    """Variants (phrases or regexes) with exclusions, matched whole-word on keys.

    - ``exclude``: phrases masked out of the text before matching ("sổ hộ tịch" is not
      "sổ hộ khẩu"); the rest of the text is still searched.
    - ``unless``: phrases whose presence anywhere in the text means "no match at all"
      ("CMND" is not a CMND-only requirement when the text also accepts "căn cước").
    Variants are tried longest first, so the most specific one is reported.
    """

    def __init__(
        self,
        variants: Sequence[str],
        exclude: Sequence[str] = (),
        unless: Sequence[str] = (),
        *,
        regex: bool = False,
    ) -> None:
        self.regex = regex
        if regex:
            self._patterns = [(v, re.compile(regex_key(v))) for v in variants]
            # strings one of which every match of a pattern contains (cheap pre-filter)
            self._required = [required_literals(p.pattern) for _, p in self._patterns]
            self._phrases: list[tuple[str, str]] = []
        else:
            keys = [(v, phrase_key(v)) for v in variants]
            self._phrases = sorted(keys, key=lambda vk: -len(vk[1]))
            self._patterns = []
            self._required = []
        self._exclude = sorted({phrase_key(e) for e in exclude if e.strip()}, key=len, reverse=True)
        self._unless = [phrase_key(u) for u in unless if u.strip()]

    def search(self, text: str | KeyedText | None) -> Hit | None:
        if not text:
            return None
        kt = text if isinstance(text, KeyedText) else keyed(text)
        key = kt.key
        phrases = [(v, vkey) for v, vkey in self._phrases if vkey in key]  # cheap pre-filter
        patterns = self._candidate_patterns(key)
        if not phrases and not patterns:
            return None
        if any(contains_key(key, u) for u in self._unless):
            return None
        key = self._mask(key)
        for variant, vkey in phrases:
            for i in find_words(key, vkey):
                return self._hit(kt, variant, i, i + len(vkey))
        for variant, pattern in patterns:
            for m in pattern.finditer(key):
                i, end = m.span()
                if end > i and _bounded(key, i, end):
                    return self._hit(kt, variant, i, end)
        return None

    def search_all(self, text: str | KeyedText | None) -> list[Hit]:
        """Every whole-word match, in text order, none overlapping a longer one found first
        (the same exclusions and ``unless`` as :meth:`search`)."""
        if not text:
            return []
        kt = text if isinstance(text, KeyedText) else keyed(text)
        key = kt.key
        phrases = [(v, vkey) for v, vkey in self._phrases if vkey in key]
        patterns = self._candidate_patterns(key)
        if not phrases and not patterns:
            return []
        if any(contains_key(key, u) for u in self._unless):
            return []
        key = self._mask(key)
        spans: list[tuple[int, int, str]] = []
        for variant, vkey in phrases:
            for i in find_words(key, vkey):
                spans.append((i, i + len(vkey), variant))
        for variant, pattern in patterns:
            for m in pattern.finditer(key):
                i, end = m.span()
                if end > i and _bounded(key, i, end):
                    spans.append((i, end, variant))
        hits: list[Hit] = []
        taken: list[tuple[int, int]] = []
        for i, end, variant in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
            if any(i < e and s < end for s, e in taken):
                continue
            taken.append((i, end))
            hits.append(self._hit(kt, variant, i, end))
        return sorted(hits, key=lambda h: (h.start is None, h.start or 0))

    def _candidate_patterns(self, key: str) -> list[tuple[str, re.Pattern[str]]]:
        """The patterns that may match ``key``: those with one of their required literals in
        it (masking exclusions only turns characters into NULs, so a pattern none of whose
        literals is in the key cannot match); a pattern without known literals always may."""
        return [
            vp
            for vp, required in zip(self._patterns, self._required, strict=True)
            if not required or any(r in key for r in required)
        ]

    def may_match(self, key: str) -> bool:
        """False when :meth:`search` and :meth:`search_all` surely find nothing in a text
        of this key (its pre-filter: no variant's key, no pattern's literal in it)."""
        return any(vkey in key for _, vkey in self._phrases) or bool(self._candidate_patterns(key))

    def triggers(self) -> frozenset[str] | None:
        """Strings one of which is in every key :meth:`may_match` accepts; None when a
        pattern has no known literal (any key may match)."""
        if any(not required for required in self._required):
            return None
        return frozenset({vkey for _, vkey in self._phrases} | {r for req in self._required for r in req})

    def _mask(self, key: str) -> str:
        for ex in self._exclude:
            for i in list(find_words(key, ex)):
                key = key[:i] + "\x00" * len(ex) + key[i + len(ex) :]
        return key

    @staticmethod
    def _hit(kt: KeyedText, variant: str, i: int, end: int) -> Hit:
        span = kt.span(i, end)
        found = kt.original(i, end) or variant
        return Hit(variant, found, *(span or (None, None)))


def required_literals(pattern: str) -> tuple[str, ...]:
    """Strings one of which every match of ``pattern`` (compiled without flags) contains:
    a run of literals outside any optional part ("công an (?:cấp )?huyện" -> "công an "), or
    the alternatives of a group each of whose branches has one ("(?:ủy ban|ubnd) xã" ->
    "ubnd", "ủy ban"); the most selective such set (longest shortest string). () when none
    is known (a class, an optional group only, case-insensitive flags, a pattern that cannot
    be read): no pre-filter then."""
    try:
        from re import _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern)
        if parsed.state.flags & (re.IGNORECASE | re.LOCALE):
            return ()
        return _best(_literal_sets(list(parsed)))
    except Exception:  # an internal API: any surprise only turns the pre-filter off
        return ()


def _literal_sets(items: list[tuple[Any, Any]]) -> list[tuple[str, ...]]:
    """Necessary sets of a parsed sequence: each a tuple of strings, one of which is in
    every match of the sequence."""
    from re import _constants as c  # type: ignore[attr-defined]

    sets: list[tuple[str, ...]] = []
    run: list[str] = []

    def close() -> None:
        if run:
            sets.append(("".join(run),))
            run.clear()

    for op, arg in items:
        if op is c.LITERAL:
            run.append(chr(arg))
            continue
        close()  # a run ends at anything else (a zero-width assertion too: it is safe)
        if op is c.SUBPATTERN:
            _group, add_flags, del_flags, sub = arg
            if not add_flags and not del_flags:
                sets.extend(_literal_sets(list(sub)))
        elif op is c.BRANCH:
            branches = [_best(_literal_sets(list(alt))) for alt in arg[1]]
            if branches and all(branches):
                sets.append(tuple(sorted({s for b in branches for s in b})))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)) and arg[0] >= 1:
            sets.extend(_literal_sets(list(arg[2])))
        # a class, any character, a lookaround, a back-reference…: no literal known
    close()
    return sets


def _best(sets: list[tuple[str, ...]]) -> tuple[str, ...]:
    usable = [s for s in sets if s and all(s)]
    if not usable:
        return ()
    return max(usable, key=lambda s: (min(map(len, s)), -len(s)))


class GuardedPattern:
    """A compiled pattern behind a cheap pre-filter: one alternation of its
    :func:`required_literals` runs first, and a string holding none of them is known not to
    match (so ``search``/``match``/``finditer``/``sub`` answer at once, exactly as the bare
    pattern would). Worth it for patterns that start with a lookaround (``\\b`` in
    :func:`regex_key`), which the regex engine otherwise tries at every position."""

    def __init__(self, pattern: str | re.Pattern[str]) -> None:
        self.regex = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern)
        required = () if self.regex.flags & (re.IGNORECASE | re.LOCALE) else required_literals(self.regex.pattern)
        self.pattern = self.regex.pattern
        self._guard = (
            re.compile("|".join(re.escape(r) for r in sorted(required, key=lambda r: (-len(r), r))))
            if required
            else None
        )

    def possible(self, string: str) -> bool:
        return self._guard is None or self._guard.search(string) is not None

    def search(self, string: str) -> re.Match[str] | None:
        return self.regex.search(string) if self.possible(string) else None

    def match(self, string: str) -> re.Match[str] | None:
        return self.regex.match(string) if self.possible(string) else None

    def finditer(self, string: str) -> Iterator[re.Match[str]]:
        return self.regex.finditer(string) if self.possible(string) else iter(())

    def sub(self, repl: Any, string: str) -> str:
        return self.regex.sub(repl, string) if self.possible(string) else string


E = TypeVar("E")


class MatcherTable(Generic[E]):
    """The entries of one knowledge table (terms of a category, once-only types), each
    holding a :class:`PhraseMatcher` as ``_matcher``, behind one pre-filter: a single
    alternation of every string some entry's match must contain (its variants' keys, its
    patterns' required literals), built once per run and run once per text. Only the
    entries whose own pre-filter passes are returned, in table order, so looping over
    :meth:`candidates` instead of every entry finds exactly the same hits."""

    def __init__(self, entries: Sequence[E]) -> None:
        self.entries = tuple(entries)
        self._matchers: tuple[PhraseMatcher, ...] = tuple(e._matcher for e in self.entries)  # type: ignore[attr-defined]
        triggers: set[str] = set()
        self._unfiltered = False  # some entry has a pattern with no known literal
        for m in self._matchers:
            t = m.triggers()
            if t is None:
                self._unfiltered = True
            else:
                triggers |= t
        alternation = "|".join(re.escape(t) for t in sorted(triggers, key=lambda t: (-len(t), t)))
        self._any = re.compile(alternation) if triggers else None

    def candidates(self, text: str | KeyedText | None) -> list[E]:
        """The entries that may match ``text``, in table order (see the class doc)."""
        if not text:
            return []
        key = text.key if isinstance(text, KeyedText) else keyed(text).key
        if not self._unfiltered and (self._any is None or self._any.search(key) is None):
            return []
        return [e for e, m in zip(self.entries, self._matchers, strict=True) if m.may_match(key)]


def _bounded(key: str, start: int, end: int) -> bool:
    before = start == 0 or not _word_char(key[start - 1]) or not _word_char(key[start])
    after = end == len(key) or not _word_char(key[end]) or not _word_char(key[end - 1])
    return before and after
