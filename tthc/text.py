"""Vietnamese text: normalisation on load and the matching key.

Real exports mix NFC and NFD and write tone marks in two places ("hoà" / "hòa"). Every
loaded string goes through :func:`clean`; every comparison goes through
:func:`match_key`, which ignores case and tone-mark placement but keeps every mark:
"phí" and "phi" stay different words, as do "Đ" and "D".
"""

from __future__ import annotations

import difflib
import re
import sys
import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any

from tthc.errors import TthcError

_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_ANY_SPACE = re.compile(r"\s+")
_HTML_TAG = re.compile(r"</?(?:p|br|span|div|b|i|strong|em|u|li|ul|ol|td|tr)\b[^>]*>", re.I)

# Cell contents that mean "nothing here" in real catalogs.
PLACEHOLDERS = frozenset(
    {
        "",
        "-",
        "--",
        "—",
        "–",
        "...",
        "…",
        "x",
        "n/a",
        "không",
        "không có",
        "không có thông tin",
        "chưa có thông tin",
        "không quy định thông tin",
    }
)

_LONGEST_PLACEHOLDER = 32  # longer than any placeholder, with room for trailing dots

# Combining tone marks (the five Vietnamese tones). Other marks (circumflex, breve,
# horn) are part of the letter and are kept where they are.
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# Control characters that are not blanks: BEL, ESC (terminal escape sequences), DEL, the C1
# set (with CSI, U+009B), the non-characters U+FFFE/U+FFFF and lone surrogates. No document
# format can hold them (XML refuses them: docx, xlsx) and a terminal obeys them, so every
# loaded string loses them in clean(); the loader reports where they were
# (`control-character`). Tab, line breaks and the blank-like controls (VT, FF, FS…US, NEL)
# are whitespace and become spaces, as before.
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff]")

# Anything clean() would change: a tag, a non-space blank, two blanks in a row, blanks at the ends, a control.
_UNTIDY = re.compile(
    r"<|[^\S ]|  |^ | $|[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]"
    r"|[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff]"
)


def clean(value: object) -> str | None:
    """NFC, whitespace collapsed to single spaces, HTML leftovers dropped; placeholders -> None."""
    if value is None:
        return None
    text = value if value.__class__ is str else str(value)
    if not (unicodedata.is_normalized("NFC", text) and (_tidy(text) or _UNTIDY.search(text) is None)):
        text = _HTML_TAG.sub(" ", nfc(CONTROL.sub("", text)))
        text = _ANY_SPACE.sub(" ", _SPACE.sub(" ", text)).strip()
    if len(text) <= _LONGEST_PLACEHOLDER and is_placeholder(text):
        return None
    return text


def shared(text: str) -> str:
    """One object for equal texts (``sys.intern``): catalogs repeat their agencies, fields,
    applicants, dossier lines and citations from procedure to procedure, and a large catalog
    holds each such text once instead of once per procedure."""
    return sys.intern(text) if text.__class__ is str else text


def clean_keep_lines(value: object) -> str | None:
    """Like :func:`clean` but keeps line breaks (one per item); empty lines dropped."""
    lines = split_lines(value)
    return "\n".join(lines) if lines else None


def _tidy(text: str) -> bool:
    """True when _UNTIDY cannot match: every blank but " " and every control character is
    unprintable (Unicode's "Other" and "Separator" classes), so one C-level check covers all of
    its character classes; the rest are substring tests. False says nothing (the pattern decides)."""
    return text.isprintable() and "  " not in text and "<" not in text and text[:1] != " " and text[-1:] != " "


def split_lines(value: object) -> list[str]:
    """The non-empty, cleaned lines of a multi-line cell."""
    if value is None:
        return []
    text = value if value.__class__ is str else str(value)
    if _tidy(text) and unicodedata.is_normalized("NFC", text):  # one tidy line (no break is printable)
        return [] if len(text) <= _LONGEST_PLACEHOLDER and is_placeholder(text) else [text]
    if CONTROL.search(text) is not None:
        text = CONTROL.sub("", text)
    text = nfc(text)  # (returns the same string at once when it is NFC already)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "<" in text:
        text = _HTML_TAG.sub("\n", text)
    out = []
    for line in text.split("\n"):
        # a tidy line is NFC (a piece of NFC text cut at line breaks) and clean() would keep it as is
        if line and _tidy(line) and (len(line) > _LONGEST_PLACEHOLDER or not is_placeholder(line)):
            out.append(line)
            continue
        item = clean(line)
        if item is not None:
            out.append(item)
    return out


def control_characters(text: str) -> list[tuple[int, str]]:
    """(1-based position, "U+0007 BEL") of each control character clean() removes."""
    return [(m.start() + 1, _control_name(m.group())) for m in CONTROL.finditer(text)]


def _control_name(ch: str) -> str:
    names = {"\x07": "BEL", "\x08": "BS", "\x1b": "ESC", "\x7f": "DEL", "\x9b": "CSI", "\x00": "NUL"}
    return f"U+{ord(ch):04X}" + (f" {names[ch]}" if ch in names else "")


def printable(text: str) -> str:
    """Text safe for a terminal: control characters (ESC, BEL…) shown as \\x1b, never obeyed."""
    if CONTROL.search(text) is None:
        return text
    return CONTROL.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}", text
    )


def is_placeholder(text: str) -> bool:
    return text.strip().casefold().rstrip(".") in PLACEHOLDERS or text.strip() in PLACEHOLDERS


# match_key without a Python loop per character. Over the blocks of _KEY_BLOCKS (the BMP up
# to U+2FFF, private use, full-width forms; no surrogates) the word characters of
# the definition (str.isalnum() or a combining mark) are listed once, at import, into one
# character class; a regular expression then splits out each run of tone marks and the rest
# of its word, and swapping the two is a slice assignment; a word with several tone runs
# (words glued by a flattened table: "nộpthời") needs one pass per run, since a run only ever
# jumps over letters, never over another run or a separator. Text with any other character
# takes the loop (the same result, slower).
_KEY_BLOCKS = ((0x0000, 0x2FFF), (0xE000, 0xF8FF), (0xFF00, 0xFFEF))
_KEY_PASSES = 8


def _char_class(codes: list[int]) -> str:
    spans: list[list[int]] = []
    for code in codes:
        if spans and spans[-1][1] == code - 1:
            spans[-1][1] = code
        else:
            spans.append([code, code])
    return "".join(f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}" for a, b in spans)


@cache  # built on the first key (~20 ms), not at import: `tthc --help` never needs it
def _key_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    codes = [c for lo, hi in _KEY_BLOCKS for c in range(lo, hi + 1)]
    word = [c for c in codes if chr(c) not in _TONE_MARKS and (chr(c).isalnum() or unicodedata.combining(chr(c)))]
    tones = _char_class(sorted(ord(t) for t in _TONE_MARKS))
    unsafe = re.compile(f"[^{_char_class(codes)}]")
    run = re.compile(f"([{tones}]+)([{_char_class(word)}]+)")
    tone_before_word = re.compile(f"[{tones}][{_char_class(word)}]")
    return unsafe, run, tone_before_word


@lru_cache(maxsize=1 << 17)  # a run keys each name and field several times (one rule each)
def match_key(text: str) -> str:
    """Comparison key: case-insensitive and tone-placement-insensitive, never ASCII-folded.

    The tone mark of each word is moved to the word's end, so "hoà" and "hòa" (and their
    NFD forms) give the same key while "phí" and "phi" do not.
    """
    # " ".join(split()) = _ANY_SPACE.sub(" ", text).strip(): both split on str.isspace()
    decomposed = unicodedata.normalize("NFD", " ".join(text.split()).casefold())
    unsafe, tone_run, tone_before_word = _key_patterns()
    if unsafe.search(decomposed) is None:
        key = decomposed
        for _ in range(_KEY_PASSES):
            parts = tone_run.split(key)  # [text, tones, rest of word, text, …]
            parts[1::3], parts[2::3] = parts[2::3], parts[1::3]
            key = "".join(parts)
            if tone_before_word.search(key) is None:
                return key
    return _match_key_loop(decomposed)


def _match_key_loop(decomposed: str) -> str:
    """match_key's definition, one character at a time (the reference for the fast path)."""
    out: list[str] = []
    tones: list[str] = []
    for ch in decomposed:
        if ch in _TONE_MARKS:
            tones.append(ch)
        elif ch.isalnum() or unicodedata.combining(ch):
            out.append(ch)
        else:
            out.extend(tones)
            tones.clear()
            out.append(ch)
    out.extend(tones)
    return "".join(out)


def contains_key(haystack_key: str, needle_key: str) -> bool:
    """Whole-word containment on match keys ("hộ khẩu" in "sổ hộ khẩu" but not in "hộ khẩuX")."""
    if not needle_key:
        return False
    start = 0
    while True:
        i = haystack_key.find(needle_key, start)
        if i < 0:
            return False
        end = i + len(needle_key)
        before_ok = i == 0 or not _is_word_char(haystack_key[i - 1])
        after_ok = end == len(haystack_key) or not _is_word_char(haystack_key[end])
        if before_ok and after_ok:
            return True
        start = i + 1


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or unicodedata.combining(ch) != 0


def search_fold(text: str) -> str:
    """ASCII folding for *search boxes only* ("dang ky khai sinh" finds "Đăng ký khai sinh").

    Never use this for rule matching: it makes "phí" equal to "phi".
    """
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _ANY_SPACE.sub(" ", stripped).strip()


def nearest(word: str, candidates: Iterable[str]) -> str | None:
    """The closest candidate to a mistyped name, for "did you mean" messages."""
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.5)
    return matches[0] if matches else None


_DASHES = re.compile(r"\s*[-‐‑‒–—]\s*")


@lru_cache(maxsize=1 << 14)
def doc_number_key(number: str) -> str:
    """Comparison key for legal document numbers: "123/2015/NĐ-CP" = "123/2015/ND-CP".

    Document numbers are identifiers, so here (and only here) Đ is folded to D: exports
    write "QD-BTP" for "QĐ-BTP". Spaces and dash variants are dropped, case ignored.
    """
    text = nfc(number).upper().replace("Đ", "D")
    text = _DASHES.sub("-", text)
    text = re.sub(r"\s*/\s*", "/", text)
    return re.sub(r"\s+", "", text)


# -- numbers as Vietnamese writes them ----------------------------------------------------------


class NumberError(TthcError, ValueError):
    """Why a text is not a number (Vietnamese ``vi`` and English ``en``)."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(vi, en)
        self.vi, self.en = vi, en

    def text(self, lang: Any) -> str:
        return self.en if lang == "en" else self.vi


_NUMBER = re.compile(r"[+-]?[0-9][0-9.,]*")
_MAX_NUMBER_CHARS = 40
_GROUP_BLANKS = re.compile(r"(?<=\d)[ \u00a0\u202f\u2009_](?=\d{3}(?:\D|$))")


def read_number(text: str) -> Decimal:
    """A number written the Vietnamese way, or the English way when that is unambiguous.

    The one rule for every number tthc reads from people (config, command line, catalogs):
    when "." and "," both occur, the last one is the decimal mark ("1.234,5", "1,234.5");
    a mark that occurs more than once groups thousands ("4.500.000"); a lone mark followed by
    exactly three digits groups thousands ("40.000", "40,000" = 40 000); otherwise it is the
    decimal mark ("1,5", "0.75"). Blanks or "_" between groups of three are allowed
    ("40 000"). Raises the reason, in both languages, for anything else and
    for what cannot be told apart ("0.500": half or five hundred?): NumberError.
    """
    raw = str(text).strip()
    if len(raw) > _MAX_NUMBER_CHARS:  # no amount or count a person writes is that long
        raise NumberError(f"số quá dài ({len(raw)} ký tự)", f"number too long ({len(raw)} characters)")
    compact = _GROUP_BLANKS.sub("", raw)
    if not _NUMBER.fullmatch(compact):
        raise NumberError("không phải một số", "not a number")
    sign = "-" if compact.startswith("-") else ""
    body = compact.lstrip("+-")
    dots, commas = body.count("."), body.count(",")
    if dots and commas:
        decimal_mark = "." if body.rfind(".") > body.rfind(",") else ","
        group_mark = "," if decimal_mark == "." else "."
        if body.count(decimal_mark) > 1:
            raise NumberError("hai dấu thập phân", "two decimal marks")
        whole, _, fraction = body.partition(decimal_mark)
        _check_groups(whole.split(group_mark))
        digits = whole.replace(group_mark, "") + "." + fraction
    elif dots + commas == 0:
        digits = body
    else:
        mark = "." if dots else ","
        parts = body.split(mark)
        if len(parts) > 2 or len(parts[1]) == 3:
            _check_groups(parts)
            digits = "".join(parts)
        else:
            digits = ".".join(parts)
    if not digits.replace(".", "").isdigit() or digits.endswith("."):
        raise NumberError("không phải một số", "not a number")
    return Decimal(sign + digits)


def _check_groups(parts: list[str]) -> None:
    if not (1 <= len(parts[0]) <= 3) or any(len(p) != 3 for p in parts[1:]):
        raise NumberError("nhóm chữ số hàng nghìn sai (mỗi nhóm 3 chữ số)", "thousands groups must have 3 digits")
    if parts[0] == "0":
        raise NumberError(
            "không rõ là số thập phân hay hàng nghìn ('0' trước nhóm ba chữ số); viết 0,5 hoặc 500",
            "ambiguous: a decimal or thousands ('0' before a group of three)? write 0.5 or 500",
        )
