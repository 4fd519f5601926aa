"""Legal references (căn cứ pháp lý): document numbers, kinds, issuers, dates, articles.

Two entry points:
- :func:`parse_legal_text` for a free-text cell citing one or more documents: lines,
  ";"-separated items, ", Nghị định số …" lists, or the portals' flattened table
  ("Tên văn bản pháp lýMã văn bản<title><number><title><number>…") where a number runs
  straight into the next title ("…18/2026/NĐ-CPNghị định…", "QH1354/2014/QH13").
- :func:`parse_legal_row` for a structured row (số ký hiệu, trích yếu, ngày ban hành,
  cơ quan ban hành).

A document number is ``\\d+/\\d{4}/SUFFIX`` or ``\\d+/SUFFIX`` (at least two suffix parts).
Each suffix part is a run of capitals (Vietnamese ones included: "UBTƯMTTQVN"), "TTg", or
"QH"/"UBTVQH" with the legislature's digits (QH13, so "QH1354/2014/…" is two numbers). A
lowercase letter right after a run means its last capital began the next word
("NĐ-CPNghị" -> "NĐ-CP"), unless the run is a known code and the next word simply starts in
lowercase ("TT-BTPsửa đổi"); an unknown run that starts with a known code is a glued ALL-CAPS
title ("NQ-CPLUẬT", "NĐ-CPBAN HÀNH" -> "…-CP"). The canonical number is the number as written,
without spaces and with "-" between suffix parts ("21/2008/TTLT- BQP-…" -> "21/2008/TTLT-BQP-…").

One reference per cited document: a number inside another document's title ("Nghị định
07/2025/NĐ-CP sửa đổi Nghị định 123/2015/NĐ-CP") is part of that title, not a citation of
its own. Identical numbers in one cell are merged.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from tthc.model import DocKind, LegalRef
from tthc.parse.blanks import single_spaced
from tthc.parse.dates import find_dates, parse_date
from tthc.text import doc_number_key, match_key, nfc, shared

# Issuing bodies by number suffix code.
_ISSUERS: dict[str, str] = {
    "CP": "Chính phủ",
    "TTG": "Thủ tướng Chính phủ",
    "QH": "Quốc hội",
    "UBTVQH": "Ủy ban Thường vụ Quốc hội",
    "VPQH": "Văn phòng Quốc hội",
    "VPCP": "Văn phòng Chính phủ",
    "CTN": "Chủ tịch nước",
    "BTP": "Bộ Tư pháp",
    "BTC": "Bộ Tài chính",
    "BCA": "Bộ Công an",
    "BQP": "Bộ Quốc phòng",
    "BNV": "Bộ Nội vụ",
    "BYT": "Bộ Y tế",
    "BXD": "Bộ Xây dựng",
    "BCT": "Bộ Công Thương",
    "BNG": "Bộ Ngoại giao",
    "BGDĐT": "Bộ Giáo dục và Đào tạo",
    "BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội",
    "BTNMT": "Bộ Tài nguyên và Môi trường",
    "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn",
    "BNNMT": "Bộ Nông nghiệp và Môi trường",
    "BGTVT": "Bộ Giao thông vận tải",
    "BTTTT": "Bộ Thông tin và Truyền thông",
    "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch",
    "BKHCN": "Bộ Khoa học và Công nghệ",
    "BKHĐT": "Bộ Kế hoạch và Đầu tư",
    "BDTTG": "Bộ Dân tộc và Tôn giáo",
    "UBDT": "Ủy ban Dân tộc",
    "NHNN": "Ngân hàng Nhà nước Việt Nam",
    "TANDTC": "Tòa án nhân dân tối cao",
    "VKSNDTC": "Viện kiểm sát nhân dân tối cao",
    "KTNN": "Kiểm toán nhà nước",
    "BHXH": "Bảo hiểm xã hội Việt Nam",
    "UBTƯMTTQVN": "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
}
_KIND_CODES = {"NĐ", "NQ", "NQLT", "QĐ", "TT", "TTLT", "VBHN", "CT", "CĐ", "CV", "PL", "HĐND", "UBND"}
_KNOWN_CODES = sorted({*_KIND_CODES, *(c.replace("TTG", "TTg") for c in _ISSUERS)}, key=len, reverse=True)
_KNOWN_SET = frozenset(_KNOWN_CODES)
_NOT_MINISTRIES = {"BHXH"}

# Issuers as texts write them ("của Bộ trưởng Bộ Tư pháp", "Quốc Hội") -> canonical name.
_ISSUER_NAMES = sorted(set(_ISSUERS.values()), key=len, reverse=True)
_ISSUER_KEYS = {match_key(name): name for name in _ISSUER_NAMES}
_ISSUER_KEYS[match_key("Bộ Lao động – Thương binh và Xã hội")] = _ISSUERS["BLĐTBXH"]
_ISSUER_KEYS[match_key("Bộ Lao động, Thương binh và Xã hội")] = _ISSUERS["BLĐTBXH"]
_ISSUER_KEYS[match_key("Ủy ban thường vụ quốc hội")] = _ISSUERS["UBTVQH"]
# the same, grouped by first letter (order kept): _issuer_in tries only those that may match
_ISSUER_KEYS_BY_LETTER: dict[str, list[tuple[str, str]]] = {
    letter: [(k, n) for k, n in _ISSUER_KEYS.items() if k[:1] == letter] for letter in {k[:1] for k in _ISSUER_KEYS}
}
_MINISTER = re.compile(r"^(?:bộ\s+trưởng|thủ\s+trưởng)\s+(?=bộ\s)", re.IGNORECASE)

_KIND_WORDS = r"bộ\s+luật|luật|pháp\s+lệnh|nghị\s+quyết|nghị\s+định|thông\s+tư\s+liên\s+tịch|thông\s+tư|văn\s+bản\s+hợp\s+nhất|quyết\s+định|chỉ\s+thị|công\s+điện|công\s+văn"
_KIND_AT_START = re.compile(r"^(?:[-+•*]\s*)?(" + _KIND_WORDS + r")(?!\w)", re.IGNORECASE)
_KIND_BEFORE = re.compile(r"(" + _KIND_WORDS + r")\s*(?:số\s*)*:?\s*$", re.IGNORECASE)

_HEADER = re.compile(r"Tên\s+văn\s+bản\s+pháp\s+lý|Mã\s+văn\s+bản", re.IGNORECASE)
# digits, optionally ".16" (66.16/2026/NQ-CP), ".a" or a letter (08.a/2010/TT-BTP, 09b/2013/TT-BTP)
_HEAD_BODY = r"(\d+(?:\.\d+|\.?[a-z](?=\s?/))?)\s?/\s?(?:(\d{4})\s?/\s?)?(?=[A-ZĐ])"
# A number starts after a non-digit (the look-behinds come after its first digit, so that the
# search skips to the next digit at once instead of trying every position)…
_HEAD = re.compile(r"(\d(?<!\d\d)(?<!\d\.\d)\d*" + _HEAD_BODY.removeprefix(r"(\d+"))
_HEAD_AT = re.compile(_HEAD_BODY)  # …or right where the previous number ended ("QH1354/2014/…")
_PART_SEP = re.compile(r"(\s?)[-‐‑–](\s?)|/(?=[A-ZĐ])")
_QH_DIGITS = re.compile(r"\d{1,2}")
_YEAR_BEFORE = re.compile(r"năm\s*$", re.IGNORECASE)

_ARTICLE = re.compile(
    r"((?:điểm\s+[a-zđ]\s+)?(?:khoản\s+\d+\s+)?Điều\s+\d+[a-zđ]?(?:\s*(?:,|và)\s*\d+[a-zđ]?)*)", re.IGNORECASE
)
_ARTICLE_BEFORE = re.compile(_ARTICLE.pattern + r"\s+(?:của\s+)?[^\d;:()]{0,60}$", re.IGNORECASE)
_ARTICLE_AFTER = re.compile(r"^\s*\(\s*" + _ARTICLE.pattern + r"\s*\)", re.IGNORECASE)
_OF_ISSUER = re.compile(r"của\s+(.{2,60})", re.IGNORECASE)
_TRUNCATED = re.compile(r"^\s*(?:số\s*)?(\d+(?:\s*/\s*\d+)?)\s*(?:/\s*)?$", re.IGNORECASE)
_TRUNCATED_AFTER_KIND = re.compile(r"(?:" + _KIND_WORDS + r")\s+(?:số\s+)?(\d+(?:/\d+)?)(?![\d/])", re.IGNORECASE)
# ", Nghị định số 12…" / " và Nghị định 12…" (written "[,\s]" first, so that a search skips to
# the next comma or blank at once: the same matches as "(?:,|\s+và)")
_LIST_SPLIT = re.compile(r"[,\s](?:(?<=,)|(?<=\s)\s*và)\s+(?=(?:" + _KIND_WORDS + r")\s+(?:số\s+)?\d)", re.IGNORECASE)
# " - Nghị định số 123/2015/…" starts a new item only if that item has a number or a year of
# its own ("Luật 02/2011/QH13 - Luật Khiếu nại" is one citation with its name).
_BULLET_SPLIT = re.compile(
    r"\s[-+•]\s+(?=(?:" + _KIND_WORDS + r")(?!\w)(?:(?!\s[-+•]\s)[^;\n])*?(?:\d+\s?/|năm\s+\d{4}))",
    re.IGNORECASE,
)
_AMENDS = re.compile(
    r"sửa\s+đổi|bổ\s+sung|thay\s+thế|bãi\s+bỏ|hướng\s+dẫn|kèm\s+theo|quy\s+định\s+chi\s+tiết|thi\s+hành", re.IGNORECASE
)
# a title running into the next one: "…tư vấn pháp luậtNghị định số …", "…pháp luật.Thông tư …"
_GLUED_TITLE = re.compile(r"[a-zà-ỹđ][.)]?(?:Luật|Bộ luật|Nghị|Thông|Quyết|Pháp|Chỉ|Công|Văn bản)\b")
_SHORT_TITLE = re.compile(r"\s*(?:[^\W\d_]+ ){1,4}")  # a few words, then a space before the number
# a number column holding only the serial, glued to the next title: "…côngLuật số 58Luật số…"
_TRUNCATED_CELL = re.compile(r"(?<=[^\W\d_])(?i:" + _KIND_WORDS + r")\s*số\s*(\d{1,4})(?=[A-ZĐ][^\W\d_])")
_GLUED_KIND_TAIL = re.compile(r"(?<=[^\W\d_]|[.)])(?:" + _KIND_WORDS + r")(?:\s+số)?\s*$", re.IGNORECASE)
# the last letters of the kind words and of "số": a cheap guard before _GLUED_KIND_TAIL
_KIND_TAIL_LAST = frozenset(w[-1] for w in _KIND_WORDS.split("|")) | {"ố"}
_BLANKS = re.compile(r"[ \t\u00a0]+")
_SPACES = re.compile(r"\s+")
_LINE_START = re.compile(r"\n(?=\s*[^\W\d_])")
_ITEM_CUT = re.compile(r"[\n;]")
_TRAILING_SO = re.compile(r"\s*\bsố$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"[ ]+([^\W\d_])([^\W\d_]?)")
_NOT_ISSUED = re.compile(r"hiệu\s+lực|kể\s+từ|đến\s+hết", re.IGNORECASE)
_DAY_BEFORE = re.compile(r"ngày\s*$", re.IGNORECASE)
_DIGITS = "0123456789"


@dataclass(slots=True)
class _Number:
    start: int
    end: int
    text: str  # canonical
    parts: tuple[str, ...]  # suffix parts, digits kept ("QH13")
    boundary: str | None  # how it may close a table row: "end", "glued", "title", "caps" (see _boundary)


@dataclass(slots=True)
class _Ref:
    number: str | None
    raw: str
    kind: DocKind | None = None
    title: str | None = None
    issuer: str | None = None
    issued: dt.date | None = None
    article: str | None = None
    notes: list[str] = field(default_factory=list)


_RefTuple = tuple[str, str | None, DocKind | None, str | None, str | None, dt.date | None, str | None, str | None]


# ---------------------------------------------------------------------------------------
# public entry points


def parse_legal_text(text: str) -> list[LegalRef]:
    """Every document a free-text cell cites (one unidentified ref when none is found)."""
    return [_build(t) for t in _parse_text_cached(text)]


def parse_legal_row(
    number: str | None,
    title: str | None = None,
    issued: str | None = None,
    issuer: str | None = None,
) -> LegalRef:
    """One structured row: số ký hiệu, trích yếu, ngày ban hành, cơ quan ban hành."""
    return _build(_parse_row_cached(number, title, issued, issuer))


def _build(t: _RefTuple) -> LegalRef:
    raw, number, kind, title, issuer, issued, article, note = t
    return LegalRef(
        raw=raw, number=number, kind=kind, title=title, issuer=issuer, issued=issued, article=article, note=note
    )


def _freeze(ref: _Ref) -> _RefTuple:
    note = "; ".join(dict.fromkeys(ref.notes)) or None
    # the same citation in many cells (its text, number and title) is held once
    number = shared(ref.number) if ref.number else ref.number
    title = shared(ref.title) if ref.title else ref.title
    return (shared(ref.raw), number, ref.kind, title, ref.issuer, ref.issued, ref.article, note)


# ---------------------------------------------------------------------------------------
# free text


@lru_cache(maxsize=16384)
def _parse_text_cached(raw: str) -> tuple[_RefTuple, ...]:
    text = _normalise(raw)
    table = _has_header(text)
    if table:
        text = _HEADER.sub("\n", text)
    numbers = _scan_numbers(text)
    if table:  # the portal's flattened table: rows may break lines inside a title
        segments = _segments(text, numbers, True, 0, len(text))
    else:  # typed text: a glued part is read as table rows, without swallowing the citations before it
        segments = []
        items = _line_items(text, 0, len(text))  # read once: _chunks and a whole-text chunk share them
        for a, b in _chunks(text, numbers, items):
            inside = [n for n in numbers if a <= n.start < b]
            glued = _GLUED_TITLE.search(text, a, b) is not None or any(
                _glued_after(text, n.end) or _glued_before(text, n.start) for n in inside
            )
            segments.extend(_segments(text, inside, glued, a, b, items if (a, b) == (0, len(text)) else None))

    refs: list[_Ref] = []
    for start, end, principal, row in segments:
        ref = _segment_ref(text, start, end, principal, [n for n in numbers if start <= n.start < end], row)
        if ref is not None:
            refs.append(ref)
    refs = _merge(refs)
    if not refs:
        note = "ô trống" if not text.strip() else "không tìm thấy văn bản nào"
        return (_freeze(_Ref(number=None, raw=raw, notes=[note])),)
    if len(refs) == 1:
        refs[0].raw = raw
    return tuple(_freeze(r) for r in refs)


def _has_header(text: str) -> bool:
    return "văn" in text.lower() and _HEADER.search(text) is not None  # both headers say "văn bản"


def _normalise(text: str) -> str:
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n")
    if "  " in text or "\t" in text or "\u00a0" in text:  # (the runs never hold a line break)
        text = _BLANKS.sub(" ", text)
    return text


def _chunks(text: str, numbers: list[_Number], items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Typed text cut after each item that is a citation of its own ("Luật Hộ tịch số
    60/2014/QH13 ngày 20/11/2014" before "Nghị định 123/2015/NĐ-CPNghị định…"), so that a glued
    item after it, read as table rows, cannot take it for the start of a title. Items that are
    parts of a title (no kind word first, no number, or the number after "sửa đổi", "hướng
    dẫn"…) stay with what follows. ``items`` are the line items of the whole text."""
    out: list[tuple[int, int]] = []
    begin = 0
    for a, b in items:
        first = next((n for n in numbers if a <= n.start < b), None)
        item = text[a:b].strip(" \n;,-+•")
        if first is not None and _KIND_AT_START.match(item) and not _AMENDS.search(text, begin, first.start):
            out.append((begin, b))
            begin = b
    if begin < len(text) or not out:
        out.append((begin, len(text)))
    return out


def _glued_before(text: str, start: int) -> bool:
    """ "…Luật Hộ tịch123/2015/…", "…bổ trợ tư pháp.03/2024/…": a title runs into the number."""
    before = text[max(0, start - 2) : start]
    return (
        before[-1:].isalnum() or before[-1:] == ";" or (len(before) == 2 and before[0].isalpha() and before[1] in ".)")
    )


def _glued_after(text: str, end: int) -> bool:
    return end < len(text) and (text[end].isalnum())


def _segments(
    text: str,
    numbers: list[_Number],
    glued: bool,
    begin: int,
    stop: int,
    items: list[tuple[int, int]] | None = None,
) -> list[tuple[int, int, _Number | None, bool]]:
    """(start, end, principal, whether it is a table row) of each citation in text[begin:stop].
    ``items``: the line items of text[begin:stop] when the caller has read them already."""
    out: list[tuple[int, int, _Number | None, bool]] = []
    pos = begin
    if glued:
        # portal table: each "Mã văn bản" number closes its row; so does a truncated one
        # ("…Luật Đầu tư côngLuật số 58Luật số 43/2024/…" cites 58/2024/QH15 of its title)
        cells = [(m.start(), m.end(), m.group(1)) for m in _TRUNCATED_CELL.finditer(text, begin, stop)]
        for i, n in enumerate(numbers):
            while cells and cells[0][1] <= n.start:
                cell_start, cell_end, digits = cells.pop(0)
                named = next(
                    (m for m in numbers if pos <= m.start < cell_start and m.text.startswith(digits + "/")), None
                )
                if named is not None:
                    out.append((_row_start(text, pos, named.start), cell_start, named, True))
                    pos = cell_end
            if n.start < pos:
                continue
            boundary = "end" if n.end >= stop else n.boundary
            if boundary == "digits":
                boundary = _digits_boundary(numbers, i, pos)
            if boundary and (boundary != "caps" or not _mostly_upper(text[pos : n.start])):
                out.append((_row_start(text, pos, n.start), n.end, n, True))
                pos = n.end
    if items is None or pos != begin:
        items = _line_items(text, pos, stop)
    for start, end in items:
        inside = [n for n in numbers if start <= n.start < end]
        out.append((start, end, inside[0] if inside else None, False))
    return out


def _digits_boundary(numbers: list[_Number], i: int, pos: int) -> str | None:
    """A number running into the next one ("…QH15193/2025/NĐ-CP") closes its row, unless the
    next one is the row's own number repeated in the number column ("Nghị định số
    280/2025/NĐ-CP sửa đổi … bởi Nghị định số 07/2025/NĐ-CP280/2025/NĐ-CP")."""
    n = numbers[i]
    nxt = numbers[i + 1] if i + 1 < len(numbers) else None
    if nxt is None or nxt.start != n.end:
        return None
    if any(m.text == nxt.text for m in numbers[:i] if m.start >= pos):
        return None
    return "glued"


def _row_start(text: str, pos: int, number_start: int) -> int:
    """A row starts after the previous number, or after page chrome on a line of its own
    ("…1898/QĐ-BTPTrang chủ\nThông tư số …"); a line break inside a title is kept
    ("…kinh doanh\nthuộc phạm vi…")."""
    start = pos
    if "\n" not in text[pos:number_start]:
        return start
    for m in _LINE_START.finditer(text[pos:number_start]):
        if text[pos + m.end() :].lstrip()[:1].isupper():
            start = pos + m.end()
    return start


def _line_items(text: str, pos: int, stop: int) -> list[tuple[int, int]]:
    """Spans of the items of a line-mode text[pos:stop]: lines, ";" parts, lists."""
    cuts = {pos, stop}
    part = text[pos:stop]
    if "\n" in part or ";" in part:
        for m in _ITEM_CUT.finditer(part):
            cuts.add(pos + m.start())
    for m in _BULLET_SPLIT.finditer(text, pos, stop):
        cuts.add(m.end())
    # ", Nghị định số …" starts a new item unless the item so far is a title that amends or
    # cites other documents ("sửa đổi … Nghị định số 32/2016/NĐ-CP … và Nghị định số 42/2016/…")
    for m in _LIST_SPLIT.finditer(text, pos, stop):
        item = text[max(c for c in cuts if c <= m.start()) : m.start()]
        if len(_HEAD.findall(item)) <= 1 and not _AMENDS.search(item):
            cuts.add(m.end())
    ordered = sorted(cuts)
    return [(a, b) for a, b in itertools.pairwise(ordered) if text[a:b].strip(" \n;,-+•")]


def _segment_ref(
    text: str, start: int, end: int, principal: _Number | None, inside: list[_Number], row: bool
) -> _Ref | None:
    segment = text[start:end]
    raw = segment.strip(" \n;,-+•")
    if principal is None:
        return _unnumbered(raw)
    ref = _Ref(number=principal.text, raw=raw)
    # title: a table row's title is the text before its number (kept whole when that is
    # only "Luật"); a free-text item is its own title
    title_end = principal.start if row and principal.start > start else end
    if row and _SHORT_TITLE.fullmatch(text[start : principal.start]):
        title_end = end  # "Thông thư 47/2019/TT-BTC": a kind word alone, as "Luật 47/2014/QH13" below
    last = inside[-1] if inside else principal
    if not row and last is not principal and last.text == principal.text and not text[last.end : end].strip(" .;,\n"):
        title_end = last.start  # "Nghị định số 22/2017/NĐ-CP … thương mại 22/2017/NĐ-CP": the number column repeats it
    title = _clean_title(text[start:title_end])
    bare = _bare(title)
    if not bare or _KIND_AT_START.fullmatch(bare):
        title = _clean_title(segment)  # "Luật 47/2014/QH13" is its own title
    ref.title = title if title and title != principal.text else None
    occurrences = [n for n in inside if n.text == principal.text] or [principal]
    first = occurrences[0]
    before = text[start : first.start]
    ref.kind = _kind(principal.parts, before, ref.title or "")
    _fill_context(ref, text, first, inside, start, end)
    ref.issuer = ref.issuer or _implied_issuer(ref.kind)
    return ref


def _bare(title: str) -> str:
    """The title without a trailing "số" ("Nghị định số")."""
    return _TRAILING_SO.sub("", title) if title[-1:] in "ốỐ" else title


def _fill_context(ref: _Ref, text: str, number: _Number, inside: list[_Number], start: int, end: int) -> None:
    """Issuer, date and article from the words around one occurrence of the number."""
    later = [n.start for n in inside if n.start > number.start and n.text != number.text]
    stop = min([end, number.end + 160, *later])
    after = text[number.end : stop]
    ref.issuer = _suffix_issuer(number.parts) or _issuer_in(after)
    ref.issued = _date_after(after)
    earlier = [n.end for n in inside if n.end <= number.start]
    before = text[max([start, *earlier]) : number.start]
    m = _ARTICLE_BEFORE.search(before[-200:]) or _ARTICLE_AFTER.match(after)
    if m:
        ref.article = _SPACES.sub(" ", m.group(1)).strip()


def _unnumbered(raw: str) -> _Ref | None:
    """A citation without a full number: "Luật Hộ tịch năm 2014", "Nghị định 34/2023"."""
    title = _clean_title(raw)
    if not title:
        return None
    kind_match = _KIND_AT_START.match(title)
    if kind_match is None:
        return None
    ref = _Ref(number=None, raw=raw, title=title)
    ref.kind = _kind((), "", title)
    truncated = _TRUNCATED_AFTER_KIND.search(title)
    if truncated:
        ref.notes.append(f"số hiệu không đầy đủ: {truncated.group(1)}")
    else:
        ref.notes.append("không có số hiệu")
    ref.issuer = _implied_issuer(ref.kind)
    return ref


def _merge(refs: list[_Ref]) -> list[_Ref]:
    """Identical numbers in one cell are one reference (first wins, gaps filled from later)."""
    if len(refs) < 2:
        return refs
    out: list[_Ref] = []
    seen: dict[str, _Ref] = {}
    for ref in refs:
        key = doc_number_key(ref.number) if ref.number else None
        if key is None or key not in seen:
            out.append(ref)
            if key is not None:
                seen[key] = ref
            continue
        first = seen[key]
        for name in ("title", "kind", "issuer", "issued", "article"):
            if getattr(first, name) is None:
                setattr(first, name, getattr(ref, name))
        if first.title and ref.title and len(ref.title) > len(first.title) and first.title in ref.title:
            first.title = ref.title
    return out


# ---------------------------------------------------------------------------------------
# structured rows


@lru_cache(maxsize=16384)
def _parse_row_cached(number: str | None, title: str | None, issued: str | None, issuer: str | None) -> _RefTuple:
    number_text = _squash(number)
    title_text = _squash(title)
    raw = " | ".join(t for t in (number_text, title_text) if t) or ""
    ref = _Ref(number=None, raw=raw, title=title_text or None)
    found = _scan_numbers(number_text)
    title_numbers = _scan_numbers(title_text)
    anchor: tuple[str, _Number] | None = None
    if found:
        anchor = (number_text, found[0])
    elif number_text and (partial_match := _TRUNCATED.match(number_text) or _TRUNCATED_AFTER_KIND.search(number_text)):
        partial = re.sub(r"\s+", "", partial_match.group(1))
        match = next((n for n in title_numbers if n.text.startswith(partial + "/")), None)
        if match:
            anchor = (title_text, match)
            ref.notes.append(f"số hiệu lấy từ trích yếu (cột số ký hiệu ghi: {number_text})")
        else:
            ref.notes.append(f"số hiệu không đầy đủ: {number_text}")
    elif number_text and not re.search(r"\d", number_text):
        ref.title = ref.title or number_text  # "BỘ LUẬT HÀNG HẢI VIỆT NAM" in the number column
        ref.notes.append("không có số hiệu")
    elif not number_text:
        lead = title_numbers[0] if title_numbers else None
        if lead and _leads(title_text, lead):
            anchor = (title_text, lead)
            ref.notes.append("số hiệu lấy từ trích yếu")
        else:
            ref.notes.append("không có số hiệu")
    else:
        ref.notes.append(f"số hiệu không đọc được: {number_text}")

    if anchor is not None:
        source, num = anchor
        ref.number = num.text
        before = source[: num.start]
        ref.kind = _kind(num.parts, before, ref.title or "")
        if title_text:
            in_title = [n for n in title_numbers if n.text == num.text]
            if in_title:
                _fill_context(ref, title_text, in_title[0], title_numbers, 0, len(title_text))
        ref.issuer = _suffix_issuer(num.parts) or ref.issuer
    else:
        ref.kind = _kind((), "", ref.title or number_text)
    if issuer and _squash(issuer):
        ref.issuer = _canonical_issuer(_squash(issuer))
    ref.issuer = ref.issuer or _implied_issuer(ref.kind)
    issued_date = parse_date(issued) if issued else None
    if issued_date is not None:
        if ref.issued is not None and ref.issued != issued_date:
            ref.notes.append(f"trích yếu ghi ngày {ref.issued:%d/%m/%Y}")
        ref.issued = issued_date
    return _freeze(ref)


def _leads(text: str, number: _Number) -> bool:
    """Whether a title starts with the number ("Nghị định 77/2017/NĐ-CP …", "Số 10/2025/QĐ-TTg")."""
    prefix = _KIND_BEFORE.sub("", text[: number.start])
    return not _clean_title(re.sub(r"^\s*số\s*", "", prefix, flags=re.IGNORECASE))


def _squash(text: str | None) -> str:
    return re.sub(r"\s+", " ", nfc(text)).strip() if text else ""


# ---------------------------------------------------------------------------------------
# numbers


def _scan_numbers(text: str) -> list[_Number]:
    out: list[_Number] = []
    pos = 0
    last_end = -1
    while True:
        m = (_HEAD_AT.match(text, pos) if pos == last_end else None) or _HEAD.search(text, pos)
        if m is None:
            return out
        start, digits, year = m.start(), m.group(1), m.group(2)
        cut = _glued_year(text, start, digits, year)
        if start != last_end and text[start - 1 : start] == "/" and not (cut and _DATE_BEFORE.search(text, 0, start)):
            pos = m.end()
            continue
        if cut:
            start, digits = start + cut, digits[cut:]
        parts, end = _read_suffix(text, m.end())
        if not parts or (year is None and len(parts) < 2):
            pos = m.end()
            continue
        number = f"{digits}/{year}/" if year else f"{digits}/"
        number += "-".join(parts)
        out.append(_Number(start, end, number, tuple(parts), _boundary(text, end)))
        pos = last_end = end


_DATE_BEFORE = re.compile(r"(?<!\d)\d{1,2}/\d{1,2}/$")  # "ngày 03/06/" + "200813/2008/QH12"


def _glued_year(text: str, start: int, digits: str, year: str | None) -> int:
    """How many leading characters of ``digits`` are a year glued to the number (0 if none).

    A year runs into the number when a title or a date ends with it: "Luật Doanh nghiệp
    202076/2025/QH15", "giai đoạn 2026 - 2030182/2025/NQ-HĐND", "ngày 03/06/200813/2008/QH12",
    "năm 2022.65/2025/TT-BTC". Numbers with a year part have at most three digits before it, so
    five or more digits starting with a year are always split; without a year part only after
    "năm" ("năm 201102/2011/QH13" would also match a year part).
    """
    if not digits[:4].isdigit() or not digits.startswith(("19", "20")):
        return 0
    rest = digits[4:]
    if rest.startswith(".") and rest[1:2].isdigit():
        return 5  # "2022.65" -> "65"
    if not rest.isdigit():
        return 0
    if year is not None and len(rest) <= 3:
        return 4
    return 4 if _YEAR_BEFORE.search(text[max(0, start - 12) : start]) else 0  # "năm 20223510/QĐ-BHXH"


def _read_suffix(text: str, pos: int) -> tuple[list[str], int]:
    parts: list[str] = []
    part, end = _read_part(text, pos)
    while part:
        parts.append(part)
        sep = _PART_SEP.match(text, end)
        if sep is None or (sep.group(1) and sep.group(2)):
            break  # "NĐ-CP - Quy định": a title separator, not a suffix part
        nxt, nxt_end = _read_part(text, sep.end())
        if not nxt:
            break
        part, end = nxt, nxt_end
    return parts, end


def _read_part(text: str, pos: int) -> tuple[str, int]:
    end = pos
    while end < len(text) and text[end].isupper():  # Vietnamese capitals too ("UBTƯMTTQVN")
        end += 1
    if end == pos:
        return "", pos
    run = text[pos:end]
    if run == "TT" and text[end : end + 1] == "g":
        return "TTg", end + 1
    nxt = text[end : end + 1]
    run = _cut_glued(run, nxt)
    end = pos + len(run)
    if run.endswith("QH"):
        digits = _QH_DIGITS.match(text, end)
        if digits:
            return run + digits.group(0), digits.end()
    return run, end


def _cut_glued(run: str, nxt: str) -> str:
    """The code at the start of an uppercase run that may run into the next word.

    "CPNghị": the N starts "Nghị" ("CP"); "BTPsửa": the next word starts in lowercase and
    "BTP" is a known code; "CPLUẬT …", "CPBAN HÀNH": a glued ALL-CAPS title, keep the longest
    known code. An unknown run with no known code at its start is kept ("UBTƯMTTQVN").
    """
    if nxt.isalpha() and nxt.islower():
        if run[:-1] in _KNOWN_SET or run not in _KNOWN_SET:
            return run[:-1]
        return run
    if run in _KNOWN_SET:
        return run
    return next((c for c in _KNOWN_CODES if run.startswith(c) and len(run) - len(c) >= 2), run)


def _boundary(text: str, end: int) -> str | None:
    """How a number may close a table row: at the end ("end"), glued to the next title
    ("glued"), glued to the next number ("digits": see _digits_boundary), before a capitalised word ("title": "… 08/2025/TT-BTP Nghị định …"),
    or before an ALL-CAPS word ("caps"), which ends a row only if the row so far is not itself
    written in capitals ("THÔNG TƯ … SỐ 10/2020/TT-BTP NGÀY 28 THÁNG 12 …" cites it)."""
    if end >= len(text) or text[end] in ";\n":
        return "end"
    if text[end].isdigit():
        return "digits"
    if text[end].isalpha():
        return "glued"
    m = _NEXT_WORD.match(text, end)
    if not (m and m.group(1).isupper()):
        return None
    return "caps" if m.group(2).isupper() else "title"


def _mostly_upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 8 and sum(ch.isupper() for ch in letters) > 0.8 * len(letters)


# ---------------------------------------------------------------------------------------
# kind, issuer, date


def _code(part: str) -> str:
    """A suffix part without the legislature's digits, upper case ("QH13" -> "QH")."""
    return part.rstrip(_DIGITS).upper()  # parts hold ASCII digits only, at the end


def _kind(parts: tuple[str, ...], before: str, title: str) -> DocKind | None:
    codes = [_code(p) for p in parts]
    word = _kind_word(before, title)
    if codes:
        first, rest = codes[0], codes[1:]
        second = rest[0] if rest else ""
        if first == "NĐ":
            return DocKind.DECREE
        if first == "TTLT":
            return DocKind.JOINT_CIRCULAR
        if first == "TT":
            return DocKind.CIRCULAR
        if first == "VBHN":
            return DocKind.CONSOLIDATED
        if first in ("CĐ", "CT", "CV"):
            return DocKind.DISPATCH
        if first == "PL":
            return DocKind.ORDINANCE
        if first == "NQ":
            if second == "CP":
                return DocKind.GOV_RESOLUTION
            if second == "HĐND":
                return DocKind.PROVINCIAL_RESOLUTION
            if second in ("QH", "UBTVQH"):
                return DocKind.NA_RESOLUTION
            return DocKind.OTHER
        if first == "QĐ":
            if second == "TTG":
                return DocKind.PM_DECISION
            if second == "UBND":
                return DocKind.PROVINCIAL_DECISION
            if (second.startswith("B") and second not in _NOT_MINISTRIES) or second == "NHNN":
                return DocKind.MINISTRY_DECISION
            return DocKind.OTHER
        if first in ("QH", "UBTVQH"):
            # laws, codes, ordinances and resolutions share these numbers: the words decide
            if word in ("bộ luật", "luật", "pháp lệnh", "nghị quyết"):
                return {
                    "bộ luật": DocKind.CODE,
                    "luật": DocKind.LAW,
                    "pháp lệnh": DocKind.ORDINANCE,
                    "nghị quyết": DocKind.NA_RESOLUTION,
                }[word]
            if first == "UBTVQH" and re.search(r"pháp\s+lệnh", title, re.IGNORECASE):
                return DocKind.ORDINANCE  # "Sửa đổi, bổ sung … của Pháp lệnh ưu đãi…04/2012/UBTVQH13"
            return DocKind.LAW if first == "QH" else DocKind.NA_RESOLUTION
    return _kind_from_word(word, title, codes)


def _kind_word(before: str, title: str) -> str | None:
    m = _KIND_BEFORE.search(before) or _KIND_AT_START.match(title.strip())
    return _SPACES.sub(" ", m.group(1).casefold()) if m else None


def _kind_from_word(word: str | None, title: str, codes: list[str]) -> DocKind | None:
    simple = {
        "bộ luật": DocKind.CODE,
        "luật": DocKind.LAW,
        "pháp lệnh": DocKind.ORDINANCE,
        "nghị định": DocKind.DECREE,
        "thông tư liên tịch": DocKind.JOINT_CIRCULAR,
        "thông tư": DocKind.CIRCULAR,
        "văn bản hợp nhất": DocKind.CONSOLIDATED,
        "chỉ thị": DocKind.DISPATCH,
        "công điện": DocKind.DISPATCH,
        "công văn": DocKind.DISPATCH,
    }
    if word in simple:
        return simple[word]
    key = match_key(title)
    if word == "nghị quyết":
        if "hội đồng nhân dân" in key or "hđnd" in key:
            return DocKind.PROVINCIAL_RESOLUTION
        if "chính phủ" in key:
            return DocKind.GOV_RESOLUTION
        if "quốc hội" in key:
            return DocKind.NA_RESOLUTION
        return None
    if word == "quyết định":
        if match_key("thủ tướng") in key:
            return DocKind.PM_DECISION
        if match_key("ủy ban nhân dân") in key or "ubnd" in key:
            return DocKind.PROVINCIAL_DECISION
        if match_key("bộ trưởng") in key:
            return DocKind.MINISTRY_DECISION
        return None
    return DocKind.OTHER if codes else None


def _suffix_issuer(parts: tuple[str, ...]) -> str | None:
    codes = [_code(p) for p in parts]
    if not codes:
        return None
    if codes[0] in ("QH", "UBTVQH"):
        return _ISSUERS[codes[0]]
    names = [_ISSUERS[c] for c in codes[1:] if c in _ISSUERS]
    if codes[0] == "NQ" and len(codes) > 1 and codes[1] in ("QH", "UBTVQH"):
        return _ISSUERS[codes[1]]
    return ", ".join(dict.fromkeys(names)) or None


def _issuer_in(after: str) -> str | None:
    """The issuer named right after a number: "… ngày 15/11/2015 của Chính phủ"."""
    m = _OF_ISSUER.search(after)
    if m is None or m.start() > 60:
        return None
    key = match_key(_MINISTER.sub("", m.group(1)))
    for name_key, name in _ISSUER_KEYS_BY_LETTER.get(key[:1], ()):
        if key.startswith(name_key):
            return name
    return None


def _canonical_issuer(text: str) -> str:
    """ "Quốc Hội" -> "Quốc hội", "Bộ trưởng Bộ Quốc phòng" -> "Bộ Quốc phòng"; else as written."""
    key = match_key(_MINISTER.sub("", text)).rstrip(" .")
    return _ISSUER_KEYS.get(key, text)


def _implied_issuer(kind: DocKind | None) -> str | None:
    return {
        DocKind.LAW: "Quốc hội",
        DocKind.CODE: "Quốc hội",
        DocKind.ORDINANCE: "Ủy ban Thường vụ Quốc hội",
        DocKind.DECREE: "Chính phủ",
        DocKind.GOV_RESOLUTION: "Chính phủ",
        DocKind.PM_DECISION: "Thủ tướng Chính phủ",
    }.get(kind)  # type: ignore[arg-type]


def _date_after(after: str) -> dt.date | None:
    """The issue date right after a number ("… ngày 15/11/2015"), not an effective date."""
    if "ngày" not in after.lower():
        return None  # (a date is taken only after "ngày": no "ngày", no date)
    for start, _end, date in find_dates(after):
        lead = after[:start]
        if _NOT_ISSUED.search(lead):
            return None
        if _DAY_BEFORE.search(lead) and start <= 140:
            return date
        return None
    return None


def _clean_title(text: str) -> str:
    text = single_spaced(text)
    if text.rstrip()[-1:].lower() in _KIND_TAIL_LAST:  # the tail ends with a kind word or "số"
        # a match is at most ~25 characters (single blanks now): search only the tail
        m = _GLUED_KIND_TAIL.search(text, max(0, len(text) - 40))
        if m is not None:
            text = text[: m.start()]
    return text.lstrip(" \n\t-+•*.,;:").rstrip(" \n\t-+•*,;:")
