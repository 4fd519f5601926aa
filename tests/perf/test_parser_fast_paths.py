"""The parsers' fast paths (substring guards, precompiled patterns, tail-only searches) give
what the plain code gave: each fast helper is swapped for its plain twin (the code before the
change) and the parsers are run again over every string of the real record fixtures, the
parser fixtures and generated text, NFC and NFD."""

from __future__ import annotations

import json
import random
import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from tests.perf.texts import strings_in as _strings
from tthc.knowledge import textkey
from tthc.parse import blanks, dates, document, fee, legal

FIXTURES = Path(__file__).parent.parent / "fixtures"


# ---------------------------------------------------------------------------------------
# the plain twins (the code as it was before the fast paths)


def _plain_single_spaced(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _plain_normalise(text: str) -> str:
    text = legal.nfc(text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(re.sub(r"[ \t\u00a0]+", " ", line) for line in text.split("\n"))


def _plain_has_header(text: str) -> bool:
    return bool(legal._HEADER.search(text))


def _plain_clean_title(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    text = legal._GLUED_KIND_TAIL.sub("", text)
    return text.lstrip(" \n\t-+•*.,;:").rstrip(" \n\t-+•*,;:")


def _plain_bare(title: str) -> str:
    return re.sub(r"\s*\bsố$", "", title, flags=re.IGNORECASE)


def _plain_code(part: str) -> str:
    return re.sub(r"\d+$", "", part).upper()


def _plain_row_start(text: str, pos: int, number_start: int) -> int:
    start = pos
    for m in re.finditer(r"\n(?=\s*[^\W\d_])", text[pos:number_start]):
        if text[pos + m.end() :].lstrip()[:1].isupper():
            start = pos + m.end()
    return start


def _plain_issuer_in(after: str) -> str | None:
    m = legal._OF_ISSUER.search(after)
    if m is None or m.start() > 60:
        return None
    key = legal.match_key(legal._MINISTER.sub("", m.group(1)))
    for name_key, name in legal._ISSUER_KEYS.items():
        if key.startswith(name_key):
            return name
    return None


def _plain_find_dates(text: str) -> list:
    found: list = []
    taken: list = []
    for pattern, order in ((dates._WORDS, "dmy"), (dates._ISO, "ymd"), (dates._NUMERIC, "dmy")):
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            a, b, c = (int(g) for g in m.groups())
            y, mo, d = (a, b, c) if order == "ymd" else (c, b, a)
            try:
                found.append((m.start(), m.end(), dates.dt.date(y, mo, d)))
                taken.append((m.start(), m.end()))
            except ValueError:
                pass
    return sorted(found)


PLAIN_LEGAL = {
    "_normalise": _plain_normalise,
    "_has_header": _plain_has_header,
    "_clean_title": _plain_clean_title,
    "_bare": _plain_bare,
    "_code": _plain_code,
    "_row_start": _plain_row_start,
    "_issuer_in": _plain_issuer_in,
    "find_dates": _plain_find_dates,
    "single_spaced": _plain_single_spaced,
}


# ---------------------------------------------------------------------------------------
# the texts


def _fixture_texts() -> list[str]:
    texts: set[str] = set()
    for path in sorted((FIXTURES / "realdata" / "records").rglob("*.json")):
        texts.update(_strings(json.loads(path.read_text(encoding="utf-8"))))
    for path in sorted((FIXTURES / "parse").glob("*.yaml")):
        texts.update(_strings(yaml.safe_load(path.read_text(encoding="utf-8"))))
    return sorted(t for t in texts if 0 < len(t) < 20_000)


_PIECES = [
    "Nghị định số ",
    "Luật ",
    "Thông tư liên tịch ",
    "Quyết định số",
    "123/2015/NĐ-CP",
    "60/2014/QH13",
    "01/2008/TTLT-BCT-BTC",
    "202076/2025/QH15",
    "18/2026/NĐ-CPNghị định",
    " ngày 15/11/2015",
    " ngày 15 tháng 11 năm 2015",
    " ngày 2015-11-15",
    " của Chính phủ",
    " của Bộ trưởng Bộ Tư pháp",
    " có hiệu lực từ ngày 01/01/2017",
    " quy định chi tiết",
    "Tên văn bản pháp lýMã văn bản",
    "Điều 5 ",
    "khoản 2 Điều 3 của ",
    " sửa đổi, bổ sung ",
    "; ",
    ", ",
    " - ",
    "\n",
    "\r\n",
    "  ",
    "\t",
    "\u00a0",
    "\u2003",
    "\u0085",
    " số",
    " Số",
    " SỐ",
    " ſố",
    "THÔNG TƯ",
    "BAN HÀNH",
    "văn bản hợp nhất",
    "Pháp lệnh",
    "chỉ thị",
    "công văn",
    "hướng dẫn thi hành",
    "(Điều 7)",
    ".",
    ")",
    "x",
]


def _generated(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 14))) for _ in range(n)]


def _texts() -> list[str]:
    base = _fixture_texts() + _generated(3000, 13)
    return base + [unicodedata.normalize("NFD", t) for t in base if unicodedata.normalize("NFD", t) != t]


def _legal_outputs(texts: list[str]) -> list[str]:
    parse = legal._parse_text_cached.__wrapped__  # no cache: each text parsed here
    return [repr(parse(t)) for t in texts]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    found = _texts()
    assert len(found) > 5000
    return found


def test_legal_parser_fast_paths_give_the_plain_results(texts, monkeypatch):
    fast = _legal_outputs(texts)
    rows = [legal._parse_row_cached.__wrapped__(t, t, None, None) for t in texts[:2000]]
    for name, plain in PLAIN_LEGAL.items():
        monkeypatch.setattr(legal, name, plain)
    assert _legal_outputs(texts) == fast
    assert [legal._parse_row_cached.__wrapped__(t, t, None, None) for t in texts[:2000]] == rows


def test_each_legal_helper_matches_its_plain_twin(texts):
    pieces = [t[i:] for t in texts[:4000] for i in (0, len(t) // 2, max(0, len(t) - 30))]
    for text in pieces:
        assert legal._clean_title(text) == _plain_clean_title(text), repr(text)
        assert legal._normalise(text) == _plain_normalise(text), repr(text)
        assert legal._bare(text.strip()) == _plain_bare(text.strip()), repr(text)
        assert dates.find_dates(text) == _plain_find_dates(text), repr(text)
        assert legal._issuer_in(text) == _plain_issuer_in(text), repr(text)


@pytest.mark.parametrize(
    ("title", "clean"),
    [
        ("Luật Hộ tịchNghị định số", "Luật Hộ tịch"),  # a glued kind word at the tail goes
        ("Luật Hộ tịch  Nghị   định", "Luật Hộ tịch Nghị định"),  # blanks collapse, "Nghị định" after a blank stays
        ("Bộ luật Dân sự", "Bộ luật Dân sự"),
        ("Quy định về phí.Thông tư", "Quy định về phí."),
    ],
)
def test_clean_title_cases(title, clean):
    assert legal._clean_title(title) == _plain_clean_title(title) == clean


def test_dossier_and_fee_parsers_fast_paths_give_the_plain_results(texts, monkeypatch):
    lines = [line for t in texts for line in t.splitlines()[:20]] + texts

    def run() -> list[str]:
        return [repr(document._parse_cached.__wrapped__(t, None)) for t in lines] + [
            repr(fee._parse_cached.__wrapped__(t)) for t in texts
        ]

    fast = run()
    monkeypatch.setattr(document, "single_spaced", _plain_single_spaced)
    monkeypatch.setattr(fee, "single_spaced", _plain_single_spaced)
    assert run() == fast


def test_single_spaced_is_the_blank_pattern():
    rng = random.Random(7)
    alphabet = "ab ố\t\n\r\u00a0\u2003\u0085\x1c\u3000\u200b\ufeff.-"
    samples = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(20_000)]
    for text in [*samples, *(chr(c) for c in range(0x3100))]:
        assert blanks.single_spaced(text) == _plain_single_spaced(text), repr(text)


# ---------------------------------------------------------------------------------------
# the knowledge matchers' literal pre-filter for regex variants


def _plain_candidate_patterns(self, key: str) -> list:
    return list(self._patterns)


def test_regex_variant_prefilter_gives_the_plain_matches(texts, monkeypatch):
    from tthc.knowledge.loader import load_knowledge

    knowledge = load_knowledge()
    matchers = [t._matcher for t in knowledge.all_terms]
    assert any(m._patterns and any(m._required) for m in matchers)
    sample = [
        *texts[:3000],
        "Nộp hồ sơ tại Công an huyện Kim Bảng",
        "Chi cục Thuế khu vực",
        "Dịch vụ công trực tuyến mức độ 3",
        "Phòng Tư pháp cấp huyện",
        "Văn phòng Tư pháp",
    ]

    def run() -> list:
        return [(m.search(t), m.search_all(t)) for m in matchers for t in sample]

    fast = run()
    assert any(hit is not None for hit, _ in fast)
    monkeypatch.setattr(textkey.PhraseMatcher, "_candidate_patterns", _plain_candidate_patterns)
    assert run() == fast


def test_check_findings_are_the_same_without_the_prefilter(monkeypatch):
    from tthc.audit import AuditRequest, audit

    paths = (FIXTURES / "realdata" / "bo-tu-phap-2026.yaml", FIXTURES / "realdata" / "records" / "bo-tai-chinh")

    def run() -> list:
        return [(f.fingerprint, f.message, f.rule_code) for f in audit(AuditRequest(paths=paths)).findings]

    fast = run()
    assert len(fast) > 50
    monkeypatch.setattr(textkey.PhraseMatcher, "_candidate_patterns", _plain_candidate_patterns)
    textkey.keyed.cache_clear()
    assert run() == fast


@pytest.mark.parametrize(
    ("pattern", "required"),
    [
        ("công an (?:cấp )?huyện", ("công an ",)),
        ("(?<!văn )phòng (?:tư pháp|nội vụ)", ("phòng ",)),
        ("(?:dvc|dvctt) mức", (" mức",)),  # the run after the group is longer than "dvc"
        ("(?:uỷ ban|ubnd) xã", (" xã",)),
        ("(?:ủy ban nhân dân|ubnd)(?: cấp)? xã", ("ubnd", "ủy ban nhân dân")),  # one of the branches
        ("(?:xã|ubnd)(?: x)?", ("ubnd", "xã")),
        ("(?:xã|[0-9])", ()),  # a branch without a literal: nothing known
        ("^nơi cư trú", ("nơi cư trú",)),
        ("(?i)công an", ()),
        ("a?b", ("b",)),
        ("(?:ab)?c", ("c",)),
        ("(?:ab)+c", ("ab",)),
        ("(?:ab)*", ()),
        ("[ab]x", ("x",)),
    ],
)
def test_required_literals(pattern, required):
    assert textkey.required_literals(pattern) == required
