"""Fees and charges (phí, lệ phí) as catalogs write them.

One cell may hold several fees: one per line, separated by ";", or by repeated
"Phí:" / "Lệ phí:" markers ("Phí: 150.000 ĐồngXem chi tiết Phí: 500.000 ĐồngXem chi tiết").
Each becomes a :class:`Fee` whose ``raw`` is its part of the cell (the whole input when
there is only one).

Numbers (the same rule for every currency): when "." and "," both occur, the last one is
the decimal mark; a separator that occurs more than once groups thousands; a single one
groups thousands when exactly three digits follow it ("50.000", "4,500,000") and is the
decimal mark otherwise ("1.5 USD", "0,5 USD"). A single separator followed by three digits
in a foreign currency ("1.500 USD") is read as thousands and the note says so.

Status: an amount at the top level of the text wins (words in brackets and labels go to
``note``); "Miễn phí…" is FREE, unless its explanation says the People's Council sets the
amount (BY_REGULATION) or states an amount (UNPARSED: the cell contradicts itself); "theo quy định", "do HĐND … quy định", a cited circular… with no amount is
BY_REGULATION (no amount, never 0); "Không Đồng" / "o Đồng" in the "Phí : X Đồng" template
is 0; an empty template ("Phí :  Đồng") is UNPARSED. Nothing unknown becomes 0.
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal
from functools import lru_cache

from tthc.model import Fee, FeeStatus
from tthc.parse.blanks import single_spaced
from tthc.parse.dates import find_dates
from tthc.text import NumberError, nfc, read_number

_CHROME = re.compile(r"Xem\s+chi\s+tiết", re.IGNORECASE)
_ATTACHMENT = re.compile(r"File\s+đính\s+kèm\s*:\s*\S+", re.IGNORECASE)
_MARKER = re.compile(r"(?<![^\W\d_])(lệ\s+phí|phí)\s*:", re.IGNORECASE)
_LEAD_MARKER = re.compile(r"^[\s\-+•*]*(lệ\s+phí|phí)\s*:\s*", re.IGNORECASE)

_CURRENCY = r"(?<!hội\s)(?P<cur>việt\s+nam\s+đồng|vnđ|vnd|đồng|đ|usd|đô\s*la\s+mỹ|\$|euro|eur)(?!\w)"
_AMOUNT = re.compile(
    r"(?<![\w/.,])(?P<num>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])|\d+(?:[.,]\d+)*)\s*(?P<mult>triệu|nghìn|ngàn|tỷ)?\s*"
    + _CURRENCY,
    re.IGNORECASE,
)
_TEMPLATE = re.compile(r"^(?P<val>[^()]*?)\s*" + _CURRENCY, re.IGNORECASE)
_BARE_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")
_PER = re.compile(r"^\s*\(?\s*/\s*(?:\d+\s+)?(?P<per>[^\W\d_][^/(),;.:]*)", re.IGNORECASE)
_PER_STOP = re.compile(
    r"\s(?:đồng|việt\s+nam\s+đồng|vnđ|kể\s+từ|đối\s+với|trừ|riêng|theo|áp\s+dụng|về|của|cho)\b.*$", re.IGNORECASE
)

_FREE = re.compile(
    r"^(?:miễn(?:\s+thu)?(?:\s+(?P<kind1>lệ\s+phí|phí))?|không\s+(?:thu|mất|phải\s+nộp)(?:\s+(?P<kind2>lệ\s+phí|phí))?)\b",
    re.IGNORECASE,
)
_COUNCIL = re.compile(r"(?:hội\s+đồng\s+nhân\s+dân|hđnd)", re.IGNORECASE)
_COUNCIL_SETS = re.compile(
    r"(?:mức\s+(?:lệ\s+phí|phí|thu)|theo\s+mức\s+thu)[^.]{0,200}?(?:do\s+)?(?:hội\s+đồng\s+nhân\s+dân|hđnd)",
    re.IGNORECASE,
)
_BY_REGULATION = re.compile(
    r"theo\s+quy\s+định|theo\s+mức\s+thu|mức\s+thu\s+bằng|quy\s+định\s+tại|theo\s+biểu|"
    r"(?:thông\s+tư|nghị\s+định|quyết\s+định|nghị\s+quyết)\s+(?:số\s+)?\d|"
    r"do\s+[^.;]{0,200}?(?:quy\s+định|quyết\s+định)",
    re.IGNORECASE,
)
_ZERO_WORDS = frozenset({"không", "0", "không đồng"})
_LETTER_O = frozenset({"o", "O"})

_CURRENCIES = {"usd": "USD", "$": "USD", "eur": "EUR", "euro": "EUR"}
_MULTIPLIER = {"triệu": 10**6, "nghìn": 10**3, "ngàn": 10**3, "tỷ": 10**9}

_Row = tuple[str, str, str | None, Decimal | None, str | None, str | None, str | None]


def parse_fees(text: str) -> list[Fee]:
    """Every fee in a cell (at least one for non-empty text; [] for blank text)."""
    return [
        Fee(raw=raw, status=FeeStatus(status), kind=kind, amount=amount, currency=cur, per=per, note=note)
        for raw, status, kind, amount, cur, per, note in _parse_cached(text)
    ]


@lru_cache(maxsize=32768)
def _parse_cached(text: str) -> tuple[_Row, ...]:
    parts = _split(text)
    if not parts and text.strip():
        parts = [text]  # only separators: still one (unreadable) fee
    if len(parts) == 1:
        parts = [text]  # one fee: raw is the input as given
    return tuple(_parse_item(part) for part in parts)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in nfc(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def _normalise(text: str) -> str:
    return " ".join(re.sub(r"[ \t\u00a0]+", " ", line) for line in _lines(text) if line).strip()


def _split(text: str) -> list[str]:
    """The fees of a cell: lines, ";"-parts and marker-led parts that name an amount or a fee."""
    pieces: list[str] = []
    for line in _lines(text):
        for part in _split_top_level(line):
            chunk = part.strip(" ;")
            if not chunk:
                continue
            if pieces and not _stands_alone(chunk):
                # a note or a list that belongs to the fee before ("…cách mạng; người thuộc hộ nghèo")
                pieces[-1] += ("; " if part.lstrip().startswith(";") else " ") + chunk
            else:
                pieces.append(chunk)
    return pieces


def _split_top_level(line: str) -> list[str]:
    """Split at ";" and before every "Phí:" / "Lệ phí:" marker outside brackets."""
    depth = 0
    cuts = [0]
    markers = {m.start() for m in _MARKER.finditer(line)}
    for i, ch in enumerate(line):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and (ch == ";" or (i in markers and i > 0)):
            cuts.append(i)
    cuts.append(len(line))
    return [line[a:b] for a, b in itertools.pairwise(cuts)]


def _stands_alone(chunk: str) -> bool:
    body = _CHROME.sub(" ", chunk)
    return bool(_LEAD_MARKER.match(body) or _AMOUNT.search(body) or _FREE.match(body.strip("-+• ")))


def _parse_item(raw: str) -> _Row:
    text = _normalise(raw)
    attachments = [m.group(0) for m in _ATTACHMENT.finditer(text)]
    text = _ATTACHMENT.sub(" ", _CHROME.sub(" ", text))
    text = single_spaced(text).strip(" ;")
    kind = None
    lead = _LEAD_MARKER.match(text)
    if lead:
        kind = _kind_word(lead.group(1))
        text = text[lead.end() :]
    fee = _read(text, kind)
    status, kind, amount, currency, per, note = fee
    if attachments:
        note = "; ".join([n for n in (note, *attachments) if n])
    return (raw, status, kind, amount, currency, per, note)


def _read(text: str, kind: str | None) -> tuple[str, str | None, Decimal | None, str | None, str | None, str | None]:
    amount_match = _top_level_amount(text)
    if amount_match is not None:
        return _with_amount(text, kind, amount_match)
    body = text.strip(" -+•")
    free = _FREE.match(body)
    if free:
        # "Miễn phí" is the portals' generic "free of charge": only "lệ phí" names a kind
        named = free.group("kind1") or free.group("kind2")
        kind = kind or (_kind_word(named) if named and named.casefold().startswith("lệ") else None)
        note = _unwrap(body[free.end() :])
        if note and _COUNCIL_SETS.search(note):
            return FeeStatus.BY_REGULATION.value, kind, None, None, None, "ghi miễn phí nhưng: " + note
        if note and any(_decimal(m.group("num")) not in (None, (0, False)) for m in _AMOUNT.finditer(note)):
            # "Miễn phí((áp dụng mức phí 2.500.000 đồng/hồ sơ …))": the cell contradicts itself
            return FeeStatus.UNPARSED.value, kind, None, None, None, "ghi miễn phí nhưng nêu số tiền: " + note
        return FeeStatus.FREE.value, kind, None, None, None, note or None
    template = _TEMPLATE.match(body)
    value = template.group("val").strip() if template else None
    rest = (_unwrap(body[template.end() :]) or None) if template else None
    if template and value is not None and value.casefold() in _ZERO_WORDS:
        return FeeStatus.AMOUNT.value, kind, Decimal(0), _currency(template.group("cur")), None, rest
    if template and value is not None and value in _LETTER_O:
        note = "chữ 'o' hiểu là số 0" + (f"; {rest}" if rest else "")
        return FeeStatus.AMOUNT.value, kind, Decimal(0), _currency(template.group("cur")), None, note
    if _BY_REGULATION.search(body) or _COUNCIL.search(body):
        # the note without the template's currency word: "Đồng (Theo quy định…)" -> "Theo quy định…"
        note = "; ".join(n for n in (value, rest) if n) if template else _unwrap(body)
        return FeeStatus.BY_REGULATION.value, kind, None, None, None, note or None
    if value == "":
        return FeeStatus.UNPARSED.value, kind, None, None, None, "thiếu số tiền" + (f"; {rest}" if rest else "")
    if _BARE_NUMBER.match(body):
        number = _decimal(body)
        if number is not None:
            return FeeStatus.AMOUNT.value, kind, number[0], None, None, "không ghi đơn vị tiền"
    return FeeStatus.UNPARSED.value, kind, None, None, None, "không đọc được số tiền"


def _with_amount(
    text: str, kind: str | None, m: re.Match[str]
) -> tuple[str, str | None, Decimal | None, str | None, str | None, str | None]:
    number = _decimal(m.group("num"))
    currency = _currency(m.group("cur"))
    if number is None:
        return FeeStatus.UNPARSED.value, kind, None, currency, None, f"số tiền không đọc được: {m.group('num')}"
    amount, grouped_once = number
    if m.group("mult"):
        amount *= _MULTIPLIER[m.group("mult").casefold()]
    notes = []
    if grouped_once and currency != "VND" and not m.group("mult"):
        notes.append(f"'{m.group('num')}' hiểu là phân cách hàng nghìn")
    rest = text[m.end() :]
    per = None
    per_match = _PER.match(rest)
    if per_match:
        per = _per(per_match)
        if rest.lstrip().startswith("/"):
            rest = rest[per_match.end() :]
    before = text[: m.start()].strip(" :-")
    label = _unwrap(rest)
    if per_match and label.startswith("/"):
        label = _unwrap(re.sub(r"^/\s*(?:\d+\s+)?" + re.escape(per_match.group("per")), "", label))
    if per is None:
        per = _per_in(label, amount)
    if kind is None and label:
        kind = _kind_word(_label_start(label))
    notes.extend(n for n in (before, label) if n)
    return FeeStatus.AMOUNT.value, kind, amount, currency, per, "; ".join(notes) or None


def _per(match: re.Match[str]) -> str | None:
    per = _PER_STOP.sub("", match.group("per")).strip(" -")
    return " ".join(per.split()[:4]) or None


def _per_in(label: str, amount: Decimal) -> str | None:
    """The unit of the same amount restated in the note ("(Lệ phí: 03 USD/Giấy phép …)")."""
    for m in _AMOUNT.finditer(label):
        number = _decimal(m.group("num"))
        if number is None or number[0] != amount or m.group("mult"):
            continue
        after = re.sub(r"^\s*\([^()]*\)", "", label[m.end() :])  # "65.000.000 đồng (sáu mươi … đồng)/lần"
        per_match = _PER.match(after)
        if per_match and after.lstrip().startswith("/"):
            return _per(per_match)
    return None


def _top_level_amount(text: str) -> re.Match[str] | None:
    depth_at = _depths(text)
    dates = [(s, e) for s, e, _ in find_dates(text)]
    for m in _AMOUNT.finditer(text):
        if depth_at[m.start()] != 0 or any(s <= m.start() < e for s, e in dates):
            continue
        if re.search(r"năm\s*$", text[max(0, m.start() - 12) : m.start()], re.IGNORECASE):
            continue  # "năm 2016 Đồng" is a year left in the template
        return m
    return None


def _depths(text: str) -> list[int]:
    depths, depth = [], 0
    for ch in text:
        if ch == ")":
            depth = max(0, depth - 1)
        depths.append(depth)
        if ch == "(":
            depth += 1
    depths.append(depth)
    return depths


def _decimal(text: str) -> tuple[Decimal, bool] | None:
    """(value, whether a lone separator was read as a thousands separator); see the module doc.

    The reading is `tthc.text.read_number`'s, the one rule for every number tthc reads.
    """
    try:
        value = read_number(text)
    except NumberError:
        return None
    dots, commas = text.count("."), text.count(",")
    grouped_once = dots + commas == 1 and len(text.rsplit("." if dots else ",", 1)[1]) == 3
    return value, grouped_once


def _currency(word: str) -> str:
    key = re.sub(r"\s+", " ", word.casefold())
    return _CURRENCIES.get(key, "USD" if key.startswith("đô") else "VND")


def _kind_word(word: str | None) -> str | None:
    if not word:
        return None
    return "lệ phí" if word.casefold().startswith("lệ") else "phí"


def _label_start(label: str) -> str | None:
    """'Lệ phí'/'Phí' when the label (outside its own brackets) starts with one of them."""
    outside = re.sub(r"\([^()]*\)", " ", label).strip(" (")
    m = re.match(r"(lệ\s+phí|phí)\b", outside, re.IGNORECASE)
    return m.group(1) if m else None


def _unwrap(text: str) -> str:
    """Trim a note and drop the brackets that wrap all of it."""
    text = text.strip(" ,;.-")
    for _ in range(3):  # "((…))" at most: deeper wrapping is not worth a quadratic loop
        if not (text.startswith("(") and text.endswith(")")) or 0 in _depths(text)[1 : len(text) - 1]:
            break
        text = text[1:-1].strip(" ,;.-")
    return text
