"""Small closed vocabularies: level, method, online service, copy kind, mechanism.

Each reader takes free text as catalogs write it ("Cấp Bộ", "Cấp xã", "Trực tuyến",
"Toàn trình", "Mức độ 3") and returns the model value, or None when it does not know the
text (the caller keeps the raw text and reports it).
"""

from __future__ import annotations

import re

from tthc.model import CopyKind, Level, Mechanism, Method, OnlineLevel, OnlineService
from tthc.text import contains_key, match_key

_LEVEL_WORDS: list[tuple[str, Level]] = [
    ("cấp trung ương", Level.CENTRAL),
    ("trung ương", Level.CENTRAL),
    ("cấp bộ", Level.CENTRAL),
    ("bộ", Level.CENTRAL),
    ("cấp tỉnh", Level.PROVINCE),
    ("tỉnh", Level.PROVINCE),
    ("cấp huyện", Level.DISTRICT),
    ("cấp quận", Level.DISTRICT),
    ("huyện", Level.DISTRICT),
    ("cấp xã", Level.COMMUNE),
    ("cấp phường", Level.COMMUNE),  # wards and special zones are commune level
    ("cấp xã, phường", Level.COMMUNE),
    ("xã", Level.COMMUNE),
    ("phường", Level.COMMUNE),
    ("cơ quan khác", Level.OTHER),
    ("khác", Level.OTHER),
    ("central", Level.CENTRAL),
    ("province", Level.PROVINCE),
    ("district", Level.DISTRICT),
    ("commune", Level.COMMUNE),
    ("other", Level.OTHER),
]


def parse_levels(text: str | None) -> tuple[list[Level], list[str]]:
    """Levels named in a cell ("Cấp tỉnh, Cấp xã"); returns (levels, parts not understood)."""
    if not text:
        return [], []
    levels: list[Level] = []
    unknown: list[str] = []
    for part in re.split(r"[,;\n]|\s+và\s+|\s*/\s*", text):
        part = part.strip(" .-")
        if not part:
            continue
        level = parse_level(part)
        if level is None:
            unknown.append(part)
        elif level not in levels:
            levels.append(level)
    return levels, unknown


def parse_level(text: str) -> Level | None:
    key = match_key(text)
    for word, level in _LEVEL_WORDS:
        if key == match_key(word):
            return level
    for word, level in _LEVEL_WORDS:
        if len(word) > 4 and contains_key(key, match_key(word)):
            return level
    return None


def parse_method(text: str | None) -> Method | None:
    if not text:
        return None
    key = match_key(text)
    if contains_key(key, match_key("bưu chính")) or contains_key(key, match_key("qua bưu điện")):
        return Method.POSTAL
    if contains_key(key, match_key("trực tuyến")) or key in ("online", "electronic"):
        return Method.ONLINE
    if contains_key(key, match_key("trực tiếp")) or key == "direct":
        return Method.DIRECT
    if key == "postal":
        return Method.POSTAL
    return None


_NONE_KEYS = frozenset(match_key(w) for w in ("không", "chưa", "không có", "chưa cung cấp", "không cung cấp", "none"))
# "Mức độ 3", "mức 4" — the digit stands alone (not "mức 100.000", not "mức độ 34").
_LEGACY_LEVEL = re.compile(r"(?<!\w)mức\s*(?:độ\s*)?([1-4])(?![\d.,]\d|\d)", re.I)


def parse_online_service(text: str | None) -> OnlineService | None:
    """ "Toàn trình", "Một phần", "Mức độ 3", "DVC trực tuyến mức độ 4", "Không"…"""
    if text is None:
        return None
    key = match_key(text)
    m = _LEGACY_LEVEL.search(text)
    if m:
        return OnlineService(OnlineLevel.LEGACY, raw=text, legacy_level=int(m.group(1)))
    if contains_key(key, match_key("toàn trình")) or key in ("full", "fully online"):
        return OnlineService(OnlineLevel.FULL, raw=text)
    if contains_key(key, match_key("một phần")) or key in ("partial",):
        return OnlineService(OnlineLevel.PARTIAL, raw=text)
    if key in _NONE_KEYS:
        return OnlineService(OnlineLevel.NONE, raw=text)
    return None


_COPY_KIND_WORDS: list[tuple[str, CopyKind]] = [
    ("bản sao có chứng thực", CopyKind.CERTIFIED_COPY),
    ("bản sao chứng thực", CopyKind.CERTIFIED_COPY),
    ("bản sao điện tử", CopyKind.ELECTRONIC),
    ("bản điện tử", CopyKind.ELECTRONIC),
    ("kèm bản chính để đối chiếu", CopyKind.COPY_WITH_ORIGINAL),
    ("xuất trình bản chính để đối chiếu", CopyKind.COPY_WITH_ORIGINAL),
    ("bản chụp", CopyKind.COPY),
    ("bản photo", CopyKind.COPY),
    ("bản sao", CopyKind.COPY),
    ("bản chính", CopyKind.ORIGINAL),
    ("certified_copy", CopyKind.CERTIFIED_COPY),
    ("copy_with_original", CopyKind.COPY_WITH_ORIGINAL),
    ("electronic", CopyKind.ELECTRONIC),
    ("original", CopyKind.ORIGINAL),
    ("copy", CopyKind.COPY),
]


def parse_copy_kind(text: str | None) -> CopyKind | None:
    """The copy kind a short cell names ("Bản sao có chứng thực", "certified_copy")."""
    if not text:
        return None
    key = match_key(text)
    for word, kind in _COPY_KIND_WORDS:
        if key == match_key(word):
            return kind
    for word, kind in _COPY_KIND_WORDS:
        if contains_key(key, match_key(word)):
            return kind
    return None


def parse_mechanism(text: str | None) -> Mechanism | None:
    if not text:
        return None
    key = match_key(text)
    if contains_key(key, match_key("liên thông")) or key == "interlinked":
        return Mechanism.INTERLINKED
    if contains_key(key, match_key("một cửa")) or key == "one_stop":
        return Mechanism.ONE_STOP
    return None
