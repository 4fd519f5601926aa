"""The knowledge tables' one-pass pre-filter, the guarded rule patterns and the word-by-word
offset mirror give what the plain code gives: each is compared with the plain path (every
entry searched, the bare pattern, the character loop) over every string of the real record
fixtures, the parser fixtures and generated mixtures of the knowledge's own phrases, NFC and
NFD; and `check` gives the same findings with all of them switched off."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest

from tests.perf.test_parser_fast_paths import FIXTURES, _texts
from tthc.knowledge import textkey
from tthc.knowledge.loader import load_knowledge
from tthc.rules import dossier, dossier_lines


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


def _phrase_mixtures(knowledge, n: int, seed: int) -> list[str]:
    """Random sequences of the knowledge's variants, exclusions and `unless` phrases (and
    the words of its regex variants) with filler: texts that do hit, partly hit, or nearly."""
    pieces: list[str] = []
    for entry in (*knowledge.all_terms, *knowledge.once_only):
        pieces += [*entry.exclude, *entry.unless]
        if entry.pattern_kind == "regex":
            pieces += [w for v in entry.variants for w in re.findall(r"[^\W\d_]+(?: [^\W\d_]+)?", v)]
        else:
            pieces += list(entry.variants)
    pieces += [" ", ", ", ". ", "; ", "\n", " - ", " – ", "huyện", "xã", "mức độ 3", "(", ")", "nơi", "có", "x"]
    rng = random.Random(seed)
    out = [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(n)]
    return out + [unicodedata.normalize("NFD", t) for t in out[: n // 3]]


@pytest.fixture(scope="module")
def texts(knowledge) -> list[str]:
    return _texts()[::3] + _phrase_mixtures(knowledge, 4000, 5)  # a third of the real texts: enough, faster


def _tables(knowledge) -> list[textkey.MatcherTable]:
    return [knowledge.term_table(c) for c in knowledge.categories] + [knowledge.once_only_table]


def test_table_candidates_hold_every_entry_that_matches(knowledge, texts):
    hits = 0
    for table in _tables(knowledge):
        for text in texts:
            candidates = table.candidates(text)
            for entry in table.entries:
                found = entry.search(text)
                hits += found is not None
                if entry not in candidates:
                    assert found is None, (entry.id, text)
                    assert entry._matcher.search_all(text) == [], (entry.id, text)
            assert candidates == [e for e in table.entries if e in candidates]  # table order
    assert hits > 1000  # the texts do exercise the tables


def test_required_literals_are_in_every_match(knowledge, texts):
    patterns = [p for t in (*knowledge.all_terms, *knowledge.once_only) for _, p in t._matcher._patterns]
    patterns += [g.regex for g in (dossier_lines._ONCE_ONLY_APPLIED, dossier_lines._ONE_OF)]
    patterns += [g.regex for g in (dossier._CERTIFICATION, dossier._NOT_NEEDED)]
    keys = [textkey.keyed(t).key for t in texts]
    matched = 0
    for pattern in patterns:
        required = textkey.required_literals(pattern.pattern)
        assert required, pattern.pattern  # every pattern here is pre-filtered
        for key in keys:
            for m in pattern.finditer(key):
                matched += 1
                assert any(r in m.group() for r in required) or m.group() == "", (pattern.pattern, key)
    assert matched > 500


def test_guarded_patterns_answer_as_the_bare_pattern(texts):
    guarded = [dossier_lines._ONCE_ONLY_APPLIED, dossier_lines._ONE_OF, dossier._CERTIFICATION, dossier._NOT_NEEDED]
    keys = [textkey.keyed(t).key for t in texts]
    found = 0
    for g in guarded:
        for key in keys:
            bare = g.regex.search(key)
            got = g.search(key)
            assert (got and got.span()) == (bare and bare.span()), (g.pattern, key)
            found += bare is not None
            assert bool(g.match(key)) == bool(g.regex.match(key))
            assert g.sub(" ", key) == g.regex.sub(" ", key)
            assert [m.span() for m in g.finditer(key)] == [m.span() for m in g.regex.finditer(key)]
    assert found > 100


def test_word_mirror_is_the_character_loop(texts):
    rng = random.Random(3)
    alphabet = "aá ̣̀́̃̉ố\t\n\u00a0\u2003\u0085–-—.,Đđ\u3000xX1ǅﬁß"
    samples = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24))) for _ in range(10_000)]
    for text in [*texts, *samples]:
        chars, where = textkey._mirror_match_key_loop(text)
        assert textkey._mirror_match_key(text) == ("".join(chars), where), repr(text)


def _plain_unify_dashes(key: str) -> str:
    return textkey._SPACED_DASH.sub("-", key.translate(textkey._DASHES))


def _plain_offsets(self):
    chars, where = textkey._mirror_match_key_loop(self.text)
    if "".join(chars) != textkey.match_key(self.text):
        return None
    chars, where = textkey._unify_dashes_with_offsets(chars, where)
    return tuple(where) if "".join(chars) == self.key else None


def test_dash_and_offset_fast_paths_give_the_plain_keys(texts):
    for text in texts:
        key = textkey.match_key(textkey.nfc(text))
        assert textkey._unify_dashes(key) == _plain_unify_dashes(key), repr(text)
        kt = textkey.KeyedText(textkey.nfc(text), textkey.phrase_key(text))
        assert kt.offsets == _plain_offsets(kt), repr(text)


def _plain_paths(monkeypatch) -> None:
    monkeypatch.setattr(textkey.MatcherTable, "candidates", lambda self, text: list(self.entries))
    monkeypatch.setattr(textkey.GuardedPattern, "possible", lambda self, string: True)
    monkeypatch.setattr(textkey, "_unify_dashes", _plain_unify_dashes)
    monkeypatch.setattr(textkey.KeyedText, "offsets", property(_plain_offsets))
    textkey.keyed.cache_clear()


def test_check_findings_are_the_same_on_the_plain_paths(monkeypatch):
    from tthc.audit import AuditRequest, audit

    paths = (
        FIXTURES / "realdata" / "bo-tu-phap-2026.yaml",
        FIXTURES / "realdata" / "records" / "bo-tai-chinh",
        FIXTURES / "realdata" / "records" / "bo-cong-an",
    )

    def run() -> list:
        return [(f.fingerprint, f.message, f.rule_code, f.data) for f in audit(AuditRequest(paths=paths)).findings]

    fast = run()
    assert len(fast) > 50
    _plain_paths(monkeypatch)
    assert run() == fast
