"""match_key's fast path (a regular expression and slice swaps) gives the definition's key."""

from __future__ import annotations

import json
import random
import unicodedata
from pathlib import Path

import pytest

from tests.perf.texts import strings_in as _strings
from tthc.text import _match_key_loop, match_key

RECORDS = Path(__file__).parent.parent / "fixtures" / "realdata" / "records"


def _reference(text: str) -> str:
    return _match_key_loop(unicodedata.normalize("NFD", " ".join(text.split()).casefold()))


def _real_texts() -> list[str]:
    texts = []
    for path in sorted(RECORDS.rglob("*.json")):
        texts.extend(_strings(json.loads(path.read_text(encoding="utf-8"))))
    return texts


def test_real_record_texts_key_as_the_definition_nfc_and_nfd():
    texts = _real_texts()
    assert len(texts) > 200
    for text in texts:
        for form in (text, unicodedata.normalize("NFD", text)):
            assert match_key.__wrapped__(form) == _reference(form)


@pytest.mark.parametrize(
    ("text", "key_of"),
    [
        ("Hoà giải", "Hòa giải"),  # tone placement
        ("thức nộpthời gian", "THỨC NỘPTHỜI GIAN"),  # words glued by a flattened table: two tone runs
        ("Giấy\u00a0chứng  nhận", "giấy chứng nhận"),
    ],
)
def test_same_keys(text, key_of):
    assert match_key(text) == match_key(key_of) == _reference(text)


def test_different_words_stay_different():
    assert match_key("phí") != match_key("phi")
    assert match_key("Đất") != match_key("Dat")


def test_random_mixtures_of_marks_letters_and_symbols():
    alphabet = (
        "aăâeêioôơuưyđĐ bcdhkmn,.;:()-/_09\t\u00a0\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b\u034f"
        "ΩЖс中\u0483\uf0fc●≤\u2013" + "".join(chr(c) for c in range(0x1EA0, 0x1EFA))
    )
    rng = random.Random(13)
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        assert match_key.__wrapped__(text) == _reference(text), repr(text)
