"""Hypothesis strategies for catalogs as users write them in YAML.

Text mixes NFC and NFD (as real exports do), doubled spaces, characters YAML and Excel
treat specially (":", "#", "'", '"', "=" at the start, "- " at the start), and multi-line
values; fields are often empty or missing. The values of parsed fields (time, fees, legal
basis, documents, online service) are drawn from real wording plus random text.
"""

from __future__ import annotations

import json
import random
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

from hypothesis import strategies as st

# Real strings, byte for byte, from the public crawl (tools/real_shapes.py): glued legal
# references, references without a number, crawled dossier lines, fee and time texts.
REAL = json.loads((Path(__file__).parent / "real_shapes.json").read_text(encoding="utf-8"))
# Characters no workbook can hold and a terminal would obey; the loader removes them.
CONTROLS = ("\x07", "\x1b[31m", "\ufffe", "\x1b]0;x\x07", "\x9b2J")

WORDS = [
    "Đăng",
    "ký",
    "khai",
    "sinh",
    "kết",
    "hôn",
    "thường",
    "trú",
    "hộ",
    "tịch",
    "Giấy",
    "chứng",
    "nhận",
    "quyền",
    "sử",
    "dụng",
    "đất",
    "phí",
    "phi",
    "lệ",
    "Hòa",
    "hoà",
    "Ủy",
    "ban",
    "nhân",
    "dân",
    "xã",
    "tỉnh",
    "Sở",
    "Tư",
    "pháp",
    "cấp",
    "lại",
    "bản",
    "sao",
    "trích",
    "lục",
    "người",
    "nước",
    "ngoài",
    "hỗ",
    "trợ",
    "chi",
    "phí",
    "mai",
    "táng",
    "tờ",
    "khai",
    "đơn",
    "đề",
    "nghị",
    "quyết",
    "định",
    "số",
    "thuế",
    "môi",
    "trường",
    "đầu",
    "tư",
    "Nguyễn",
    "Văn",
    "A",
    "15",
    "05",
    "2026",
    "KQ.G15",
    "TT-BTP",
]
PUNCT = (",", ".", ";", ":", "(", ")", "-", "/", "%", "#", "'", '"', "&", "*", "?", "!", "–", "…")


_PREFIXES = ("", "", "", "", "= ", "- ", "# ", "'", "@", "1.0 ", "yes ")


def _line(seed: int, min_words: int, max_words: int) -> str:
    """A line of Vietnamese-looking text from one seed (one Hypothesis draw instead of ~15:
    a thousand examples draw some twenty thousand lines)."""
    rng = random.Random(seed)
    parts = [rng.choice(WORDS) for _ in range(rng.randint(min_words, max_words))]
    for _ in range(rng.randint(0, 2)):
        parts.insert(rng.randint(0, len(parts)), rng.choice(PUNCT))
    out = " ".join(parts)
    if rng.random() < 0.5:
        out = out.replace(" ", "  ", 1)
    out = rng.choice(_PREFIXES) + out
    if rng.random() < 0.5:
        out = unicodedata.normalize("NFD", out)
    if rng.random() < 0.1:
        i = rng.randint(0, len(out))
        out = out[:i] + rng.choice(CONTROLS) + out[i:]
    return out


@cache  # one strategy object per shape: Hypothesis analyses each new one again
def text(min_words: int = 2, max_words: int = 8) -> st.SearchStrategy[str]:
    """A line of Vietnamese-looking text; sometimes NFD, with odd spacing, YAML-special marks
    or a control character."""
    return st.integers(0, 2**32).map(lambda seed: _line(seed, min_words, max_words))


@cache
def multiline() -> st.SearchStrategy[str]:
    return st.lists(text(), min_size=1, max_size=3).map("\n".join)


TIMES = (
    "05 ngày làm việc",
    "30 Ngày",
    "0 Giờ",
    "Ngay trong ngày",
    "Không quy định",
    "02 tháng và 15 ngày làm việc",
    "03 ngày làm việc; trường hợp phải xác minh thì không quá 08 ngày làm việc",
    "Tối đa không quá 20 ngày làm việc, kể từ ngày nộp đủ hồ sơ theo quy định",
    "ba hôm",
    *REAL["times"][::4],
)
FEES = (
    "Lệ phí: 50.000 đồng/hồ sơ",
    "4,500,000 Việt Nam Đồng",
    "Phí : 0 Đồng",
    "Lệ phí : 03 USD",
    "Miễn lệ phí",
    "Miễn lệ phí đăng ký khai sinh đúng hạn",
    "Lệ phí đăng ký thường trú: theo mức thu do HĐND tỉnh quy định",
    "100.000 đồng/giấy phép",
    # unreadable or ambiguous numbers: kept as written, never guessed
    "Không",  # no fee: an answer, not an empty cell
    "bốn mươi nghìn đồng",
    "Lệ phí: 40.00.0 đồng",
    "Lệ phí: 0.500 đồng",
    "Miễn lệ phí đăng ký khai sinh đúng hạn; Lệ phí đăng ký khai sinh quá hạn: 10.000 đồng",
    "Không; Lệ phí : 03 USD",  # a placeholder part beside a fee: read as it would be alone
    "Không có thông tin; Phí: 20.000 đồng",
    *REAL["fees"][::4],
)
MARKED_FEES = ("Lệ phí: 50.000 đồng/hồ sơ", "Phí : 0 Đồng", "Lệ phí : 03 USD", "Phí thẩm định: 100.000 đồng/hồ sơ")
LEGAL = (
    "Luật Hộ tịch số 60/2014/QH13",
    "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết một số điều của Luật Hộ tịch",
    "Thông tư số 15/2015/TT-BTP",
    "Nghị định 18/2026/NĐ-CPNghị định sửa đổi",
    "Quyết định số 12 của UBND tỉnh",
    "Luật Cư trú năm 2020",
    "Nghị định số 123/2015/NĐ-CP\nngày 15/11/2015 của Chính phủ",  # one reference on two lines
    *REAL["legal"],
)
DOCUMENTS = (
    "Tờ khai đăng ký khai sinh theo mẫu",
    "Bản sao có chứng thực Giấy khai sinh",
    "Bản chụp hộ chiếu (mang theo bản chính để đối chiếu)",
    "Giấy chứng sinh (01 bản chính)",
    "01 bản chính hoặc 01 bản sao Giấy xác nhận",
    "Đơn đề nghị (Mẫu số 01 ban hành kèm theo Thông tư số 15/2015/TT-BTP)",
    *REAL["documents"][::2],
)
ONLINE = ("Không", "Toàn trình", "Một phần", "Mức độ 3", "DVC trực tuyến mức độ 4", "Chưa cung cấp")
LEVELS = ("Cấp tỉnh", "Cấp xã", "Cấp huyện", "Cấp bộ", "Cơ quan khác", "Cấp tỉnh, Cấp xã")
METHODS = ("Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính", "Trực tiếp tại Bộ phận một cửa")
COPY_KINDS = ("certified_copy", "copy", "Bản chính", "copy_with_original", "electronic")


@cache
def maybe(strategy):
    return st.one_of(st.none(), strategy)


@cache
def free(samples: tuple[str, ...]):
    return st.one_of(st.sampled_from(samples), text())


# Several fees on one channel, any wording, and channels whose fees differ.
_CHANNEL_FEES = st.one_of(
    st.lists(free(FEES), max_size=1),
    st.lists(st.sampled_from(MARKED_FEES), min_size=2, max_size=3),
    st.lists(free(FEES), min_size=2, max_size=3),
)
_MULTI_DOCUMENTS = st.lists(free(DOCUMENTS), min_size=2, max_size=3)
_MULTI_LEGAL = st.lists(free(LEGAL), min_size=2, max_size=3)


@st.composite
def channel(draw) -> dict:
    out = {"method": draw(st.sampled_from(METHODS))}
    if draw(st.booleans()):
        out["processing_time"] = draw(free(TIMES))
    fees = draw(_CHANNEL_FEES)
    if fees:
        out["fees"] = fees if len(fees) > 1 else fees[0]
    if draw(st.booleans()):
        out["description"] = draw(text())
    return out


@st.composite
def document(draw):
    if draw(st.booleans()):
        if draw(st.integers(0, 4)) == 0:  # a multi-line dossier cell
            return "\n".join(draw(_MULTI_DOCUMENTS))
        return draw(free(DOCUMENTS))
    out = {"name": draw(free(DOCUMENTS))}
    for key in ("originals", "copies"):
        if draw(st.booleans()):
            out[key] = draw(st.integers(0, 3))
    if draw(st.booleans()):
        out["copy_kind"] = draw(st.sampled_from(COPY_KINDS))
    for key in ("form", "note", "code"):
        if draw(st.booleans()):
            out[key] = draw(text())
    return out


@st.composite
def legal(draw):
    if draw(st.booleans()):
        if draw(st.integers(0, 4)) == 0:  # several references in one multi-line item
            return "\n".join(draw(_MULTI_LEGAL))
        return draw(free(LEGAL))
    out = {"number": draw(st.sampled_from(("123/2015/NĐ-CP", "15/2015/TT-BTP", "60/2014/QH13")))}
    if draw(st.booleans()):
        out["title"] = draw(text())
    if draw(st.booleans()):
        out["issuer"] = draw(st.sampled_from(("Chính phủ", "Bộ Tư pháp", "Quốc hội")))
    if draw(st.booleans()):
        out["issued"] = draw(st.dates()).isoformat()
    if draw(st.booleans()):
        out["article"] = "khoản 2 Điều 5"
    return out


@st.composite
def result(draw):
    if draw(st.booleans()):
        return draw(text())
    return {"code": "KQ.G15.000031", "name": draw(text()), "validity": draw(maybe(text()))}


_NAMES = st.lists(text(), min_size=1, max_size=2)
_ROLES = st.lists(st.sampled_from(("implementing", "competent", "coordinating")), min_size=1, unique=True)


@st.composite
def agencies(draw):
    names = _NAMES
    if draw(st.booleans()):
        return draw(names)
    roles = draw(_ROLES)
    return {role: draw(names) for role in roles}


@st.composite
def volume(draw):
    if draw(st.booleans()):
        return draw(st.integers(0, 5000))
    years = draw(st.lists(st.integers(2015, 2026), min_size=1, max_size=3, unique=True))
    out = {
        "history": [{"year": y, "dossiers": draw(st.integers(0, 99)), "online": draw(st.integers(0, 9))} for y in years]
    }
    if draw(st.booleans()):
        out["dossiers_per_year"] = draw(st.integers(0, 5000))
    return out


_LISTS = frozenset({"applicants", "agencies", "steps", "documents", "forms", "conditions", "results", "legal_basis"})


@cache
def _empty(key: str):
    """What "nothing here" looks like for a key: null, "" or [] for lists, {} for mappings."""
    if key in ("extra", "decision"):
        return st.sampled_from((None, {}))
    return st.sampled_from((None, "", []) if key in _LISTS else (None, ""))


@lru_cache(maxsize=1)
def _optional() -> dict[str, st.SearchStrategy]:
    return {
        "field": text(),
        "levels": st.one_of(st.sampled_from(LEVELS), st.lists(st.sampled_from(LEVELS[:5]), min_size=1, max_size=2)),
        "kind": text(),
        "applicants": st.lists(text(), min_size=1, max_size=3),
        "agencies": agencies(),
        "steps": st.one_of(st.lists(text(), min_size=1, max_size=3), multiline()),
        "online_service": st.sampled_from(ONLINE),
        "partial_reason": text(),
        "documents": st.lists(document(), min_size=1, max_size=3),
        "forms": st.lists(text(), min_size=1, max_size=2),
        "conditions": multiline(),
        "results": st.lists(result(), min_size=1, max_size=2),
        "legal_basis": st.lists(legal(), min_size=1, max_size=3),
        "place": text(),
        "mechanism": st.sampled_from(("Một cửa", "Một cửa liên thông")),
        "volume": volume(),
        "decision": st.fixed_dictionaries({"number": st.just("1234/QĐ-UBND"), "date": st.dates().map(str)}),
        "reviewed": st.dates().map(str),
        "notes": multiline(),
        "extra": st.dictionaries(st.sampled_from(("Ghi chú khác", "Mã cũ", "Cột H")), multiline(), min_size=1),
    }


@st.composite
def procedure(draw, code: str | None) -> dict:
    p: dict = {"name": draw(text(min_words=3))}
    if code:
        p["code"] = code
    optional = _optional()
    for key, strategy in optional.items():
        choice = draw(st.integers(0, 3))
        if choice == 0:
            p[key] = draw(_empty(key))
        elif choice >= 2:
            p[key] = draw(strategy)
    how = draw(st.integers(0, 2))
    if how == 1:
        p["channels"] = draw(st.lists(channel(), min_size=1, max_size=3))
    elif how == 2:
        if draw(st.booleans()):
            p["processing_time"] = draw(free(TIMES))
        fees = draw(st.lists(free(FEES), min_size=1, max_size=2))
        p["fees"] = fees if len(fees) > 1 else fees[0]
    return p


_CODES = st.lists(st.one_of(st.none(), st.from_regex(r"[12]\.0[0-9]{5}(\.H19)?", fullmatch=True)), max_size=4).filter(
    lambda cs: len([c for c in cs if c]) == len({c for c in cs if c})
)
_CATALOG_KIND = st.sampled_from(("full", "provincial_list"))
_CATALOG_DECISION = maybe(st.fixed_dictionaries({"number": st.just("99/QĐ-UBND"), "date": st.just("15/6/2020")}))


@st.composite
def catalog(draw) -> dict:
    codes = draw(_CODES)
    meta = {
        "name": draw(maybe(text())),
        "issuer": draw(maybe(text())),
        "locality": draw(maybe(text())),
        "kind": draw(_CATALOG_KIND),
        "decision": draw(_CATALOG_DECISION),
    }
    return {
        "tthc_catalog": 1,
        "catalog": {k: v for k, v in meta.items() if v is not None},
        "procedures": [draw(procedure(code)) for code in codes],
    }


# Fee cells as the fee parser meets them: one to three parts (a placeholder, a marker, an
# amount written any way, a currency, a multiplier, "/hồ sơ", a note) joined by ";", line
# breaks, "Xem chi tiết" or nothing. Used where only fees are written and read again.
_PLACEHOLDER_FEES = ("Không", "Không có", "không.", "-", "x", "…", "n/a", "Không có thông tin", "Miễn", "0")
_FEE_MARKS = ("", "Phí: ", "Lệ phí: ", "Phí : ", "Lệ phí thẩm định: ", "- ", "Miễn phí ", "Phí thẩm định ")
_CURRENCIES = ("đồng", "Đồng", "VNĐ", "vnd", "USD", "$", "euro", "EUR", "Việt Nam Đồng", "đ", "đô la Mỹ")
_MULTIPLIERS = ("", "", "", " triệu", " nghìn", " ngàn", " tỷ")
_PERS = ("", "", "/hồ sơ", "/giấy phép", " /lần", "/01 bản", "/bản (áp dụng cho A)", " (theo quy định)")
_FEE_SEPARATORS = (";", "; ", "\n", " ", " Xem chi tiết ", ", ")


def _amount(seed: int) -> str:
    rng = random.Random(seed)
    out = ""
    digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 10)))
    for i, d in enumerate(digits):
        out += d
        if i < len(digits) - 1 and rng.random() < 0.35:
            out += rng.choice(".,. ,")
    return out


@st.composite
def fee_part(draw) -> str:
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return draw(st.sampled_from(_PLACEHOLDER_FEES))
    if kind == 1:
        return draw(st.sampled_from(FEES))
    part = (
        draw(st.sampled_from(_FEE_MARKS))
        + _amount(draw(st.integers(0, 2**32)))
        + draw(st.sampled_from(_MULTIPLIERS))
        + " "
        + draw(st.sampled_from(_CURRENCIES))
        + draw(st.sampled_from(_PERS))
    )
    if kind == 2:
        part += " " + draw(text(1, 4))
    return f"({part})" if kind == 3 else part


@st.composite
def fee_cell(draw) -> str:
    parts = draw(st.lists(fee_part(), min_size=1, max_size=3))
    out = parts[0]
    for part in parts[1:]:
        out += draw(st.sampled_from(_FEE_SEPARATORS)) + part
    if draw(st.booleans()):
        out = unicodedata.normalize("NFD", out)
    return out
