"""The legal parser reading each text once gives what the parser before it gave.

The reference below is the code as it was (`_line_items` read twice for a one-chunk text, the
number, date and list patterns with their look-behinds first, every reference list merged,
every window searched for dates; `_merge`'s early return for fewer than two references is
what its loop gave): it is swapped into `tthc.parse.legal` and the parser is run
again over the legal texts of the real record fixtures as the loaders hand them over, each of
their lines and pairs of lines, half of the other fixture strings holding a number, and
generated text, NFC and NFD. The references must be identical, field by field.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from pathlib import Path

import pytest

from tests.perf.test_parser_fast_paths import FIXTURES, _generated, _texts
from tthc.load import load_file
from tthc.parse import dates, legal

# ---------------------------------------------------------------------------------------
# the reference: the code before the one-pass change

_REF_HEAD = re.compile(r"(?<!\d)(?<!\d\.)" + legal._HEAD_BODY)
_REF_LIST_SPLIT = re.compile(r"(?:,|\s+và)\s+(?=(?:" + legal._KIND_WORDS + r")\s+(?:số\s+)?\d)", legal.re.IGNORECASE)
_REF_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)")
_REF_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")


def _reference_parse_text(raw: str) -> tuple:
    L = legal
    text = L._normalise(raw)
    table = L._has_header(text)
    if table:
        text = L._HEADER.sub("\n", text)
    numbers = L._scan_numbers(text)
    if table:
        segments = L._segments(text, numbers, True, 0, len(text))
    else:
        segments = []
        for a, b in L._chunks(text, numbers, L._line_items(text, 0, len(text))):
            inside = [n for n in numbers if a <= n.start < b]
            glued = L._GLUED_TITLE.search(text, a, b) is not None or any(
                L._glued_after(text, n.end) or L._glued_before(text, n.start) for n in inside
            )
            segments.extend(L._segments(text, inside, glued, a, b))  # items read again
    refs = []
    for start, end, principal, row in segments:
        ref = L._segment_ref(text, start, end, principal, [n for n in numbers if start <= n.start < end], row)
        if ref is not None:
            refs.append(ref)
    refs = L._merge(refs)
    if not refs:
        note = "ô trống" if not text.strip() else "không tìm thấy văn bản nào"
        return (L._freeze(L._Ref(number=None, raw=raw, notes=[note])),)
    if len(refs) == 1:
        refs[0].raw = raw
    return tuple(L._freeze(r) for r in refs)


def _reference_date_after(after: str):
    found = dates.find_dates(after)  # every window searched, "ngày" or not
    if not found:
        return None
    start, _end, date = found[0]
    lead = after[:start]
    issued = not legal._NOT_ISSUED.search(lead) and legal._DAY_BEFORE.search(lead) and start <= 140
    return date if issued else None


def _use_reference(monkeypatch) -> None:
    monkeypatch.setattr(legal, "_HEAD", _REF_HEAD)
    monkeypatch.setattr(legal, "_LIST_SPLIT", _REF_LIST_SPLIT)
    monkeypatch.setattr(dates, "_NUMERIC", _REF_NUMERIC)
    monkeypatch.setattr(dates, "_ISO", _REF_ISO)
    monkeypatch.setattr(dates, "_PATTERNS", ((dates._WORDS, "dmy"), (_REF_ISO, "ymd"), (_REF_NUMERIC, "dmy")))
    monkeypatch.setattr(legal, "_date_after", _reference_date_after)


# ---------------------------------------------------------------------------------------
# the texts


def _loaded_legal_texts(monkeypatch) -> list[str]:
    """The legal texts the loaders hand to the parser for the real fixtures."""
    seen: dict[str, None] = {}
    parse = legal._parse_text_cached

    def record(text: str):
        seen[text] = None
        return parse(text)

    monkeypatch.setattr(legal, "_parse_text_cached", record)
    real = FIXTURES / "realdata"
    for path in [*sorted(p for p in (real / "records").iterdir() if p.is_dir()), real / "bo-tu-phap-2026.yaml"]:
        load_file(Path(path))
    monkeypatch.undo()
    return list(seen)


@pytest.fixture(scope="module")
def legal_texts() -> list[str]:
    mp = pytest.MonkeyPatch()
    loaded = _loaded_legal_texts(mp)
    assert len(loaded) > 60
    pieces: set[str] = set(loaded)
    for text in loaded:
        lines = text.splitlines()
        pieces.update(lines)
        pieces.update("\n".join(pair) for pair in itertools.pairwise(lines))
        pieces.update("; ".join(pair) for pair in itertools.pairwise(lines))
    # other fixture strings that hold a number (page texts, dossier lines citing a document), and
    # generated mixtures of what the parser looks for (_texts() has NFD twins already)
    others = [t for t in _texts() if "/" in t and len(t) < 4000][::2]
    base = sorted(pieces) + others + _generated(3000, 29)
    nfd = [unicodedata.normalize("NFD", t) for t in base]
    return list(dict.fromkeys(base + nfd))


def _parsed(texts: list[str]) -> list[str]:
    parse = legal._parse_text_cached.__wrapped__  # no cache: each text parsed here
    rows = [legal._parse_row_cached.__wrapped__(t, t, None, None) for t in texts[:3000]]
    return [repr(parse(t)) for t in texts] + [repr(r) for r in rows]


def test_one_pass_gives_the_reference_references(legal_texts, monkeypatch):
    fast = _parsed(legal_texts)
    assert sum("/" in t for t in legal_texts) > 3000
    assert sum("NĐ-CP" in r for r in fast) > 1000  # documents were found, not only empty notes
    _use_reference(monkeypatch)
    reference = [repr(_reference_parse_text(t)) for t in legal_texts] + [
        repr(legal._parse_row_cached.__wrapped__(t, t, None, None)) for t in legal_texts[:3000]
    ]
    assert len(reference) == len(fast)
    for text, a, b in zip(legal_texts + legal_texts[:3000], fast, reference, strict=True):
        assert a == b, repr(text)


def test_the_reworked_patterns_match_where_the_old_ones_did(legal_texts):
    """The number, date and list patterns: the same spans and groups from every start."""
    pairs = [
        (legal._HEAD, _REF_HEAD),
        (legal._LIST_SPLIT, _REF_LIST_SPLIT),
        (dates._NUMERIC, _REF_NUMERIC),
        (dates._ISO, _REF_ISO),
    ]
    extra = [
        "1/2/2020",
        "a12/2015/NĐ-CP",
        "1.12/2015/NĐ-CP",
        "12.3/2015/TT-BTC",
        "2015-1-2",
        "x20151-1-2",
        "9,  và  Luật 1",
    ]
    for text in legal_texts[::4] + extra:
        for start in {0, 1, len(text) // 2}:
            for new, old in pairs:
                got = [(m.span(), m.groups()) for m in new.finditer(text, start)]
                assert got == [(m.span(), m.groups()) for m in old.finditer(text, start)], (new.pattern, text)
