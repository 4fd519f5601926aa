"""Annex section rows: the headings that set ``levels`` and ``field`` for the rows under them.

A publication decision's annex groups its procedures under headings ("A. THỦ TỤC HÀNH CHÍNH
CẤP TỈNH", "I. Lĩnh vực Hộ tịch", "B. TTHC được sửa đổi…"). A row without a code and a name
is one of: empty, a bare row number, a heading (the state here changes), a footnote or other
text (reported and skipped), or data (a code without a name: the builder reports it).
"""

from __future__ import annotations

import re

from tthc.i18n import tr
from tthc.load.base import IssueSink
from tthc.load.excel import cells
from tthc.load.excel.table import Column
from tthc.load.grid import Grid
from tthc.load.record import RawRecord
from tthc.model import SourceRef
from tthc.text import match_key

GROUP_KEY = "Nhóm"  # extra key of an annex's non-level, non-field section ("B. TTHC được sửa đổi…")

_MARKER = re.compile(r"(?:[IVXLC]+|[A-ZĐ])\s*[.):]?", re.I)
_MARKER_PREFIX = re.compile(r"^\s*(?:phần\s+)?(?:[IVXLC]+|[A-ZĐ]|\d{1,2}(?:\.\d{1,2})*)\s*[.):\-–]\s+", re.I)
# Section texts are compared on match keys (NFD, tone marks moved), so patterns are too.
_LEVEL_LABEL = {
    match_key(word): label
    for word, label in (
        ("trung ương", "Cấp trung ương"),
        ("bộ", "Cấp bộ"),
        ("tỉnh", "Cấp tỉnh"),
        ("huyện", "Cấp huyện"),
        ("quận", "Cấp huyện"),
        ("xã", "Cấp xã"),
        ("phường", "Cấp xã"),
    )
}
_LEVEL_WORDS = re.compile(
    r"(?<!\w)" + re.escape(match_key("cấp")) + r"\s+(" + "|".join(map(re.escape, _LEVEL_LABEL)) + r")(?!\w)"
)
_FIELD_KEY = match_key("lĩnh vực")
_CODE_LIKE = re.compile(r"\d+\.\d+")
_PROCEDURES_KEY = match_key("thủ tục hành chính")
_FOOTNOTE = tuple(match_key(t) for t in ("ghi chú", "lưu ý", "chú thích", "nguồn", "*", "(*)", "ghi chu"))


class Sections:
    """The section headings seen so far in one table, and what they give the rows below."""

    def __init__(
        self,
        file: str,
        sheet: Grid,
        sink: IssueSink,
        columns: tuple[Column | None, Column | None, Column | None],
        *,
        enabled: bool = True,
    ) -> None:
        self.file = file
        self.sheet = sheet
        self.sink = sink
        self._code, self._name, self._stt = columns  # code, name, row number
        self.enabled = enabled  # False: a row that looks like a heading is reported, not followed
        self._levels: tuple[str, SourceRef] | None = None
        self._field: tuple[str, SourceRef] | None = None
        self._group: tuple[str, SourceRef] | None = None
        self.seen = 0

    def classify(self, r: int, row: list, spans: dict[int, list[tuple[int, int]]]) -> str:
        """ "data", "empty", "section" (state updated) or "ignored" for a row without a code."""
        filled = [(c, v) for c, v in enumerate(row) if v != "" and v is not None]
        if not filled:
            return "empty"
        stt_i = self._stt.index if self._stt else -1
        name_i = self._name.index if self._name else -1
        stt = row[stt_i] if 0 <= stt_i < len(row) else ""
        others = [(c, v) for c, v in filled if c != stt_i]
        marker = stt.__class__ is str and bool(_MARKER.fullmatch(stt.strip()))
        if not others:
            if stt.__class__ is not str or len(stt) <= 3:
                return "empty"  # a bare row number
            others, marker = [(stt_i, stt)], False
        if len(others) > 1:
            return "data"
        c, v = others[0]
        txt = cells.text(v) if v.__class__ is str else None
        if txt is None:
            return "data" if c == name_i else "empty"
        if self._code and c == self._code.index and _CODE_LIKE.match(txt):
            return "data"  # a code without a name: the builder reports it
        key = match_key(txt)
        if key.startswith(_FOOTNOTE):
            self._ignored(r, c, txt)
            return "ignored"
        numbered = isinstance(stt, float) or (stt.__class__ is str and stt.strip().isdigit())
        if numbered and c == name_i and not (_MARKER_PREFIX.match(txt) or key.startswith(_FIELD_KEY)):
            return "data"  # "3 | Cấp giấy phép … cấp tỉnh": a numbered procedure, not a heading
        across = any(lo <= c and hi - lo >= 2 for lo, hi in spans.get(r, ()))
        looks = bool(_MARKER_PREFIX.match(txt)) or key.startswith(_FIELD_KEY) or _section_words(key)
        if self.enabled and (marker or across or looks):
            return self._section(r, c, txt)
        if c == name_i:
            return "data"
        self._ignored(r, c, txt)
        return "ignored"

    def apply(self, record: RawRecord) -> None:
        """Give a procedure the level, field and group of the headings above it (its own cells win)."""
        values = record.values
        if self._levels and "levels" not in values:
            record.set("levels", self._levels[0], self._levels[1])
        if self._field and "field" not in values:
            record.set("field", self._field[0], self._field[1])
        if self._group:
            extra = values.setdefault("extra", {})
            extra.setdefault(GROUP_KEY, self._group[0])
            record.sources.setdefault("extra", self._group[1])

    def _ignored(self, r: int, c: int, txt: str) -> None:
        self.sink.warn(
            "ignored-row",
            tr(
                f"dòng không phải thủ tục, cũng không phải dòng nhóm (bỏ qua): '{_short(txt)}'",
                f"row is neither a procedure nor a section heading (skipped): '{_short(txt)}'",
            ),
            self.sheet.ref(self.file, r + 1, c + 1),
            txt,
        )

    def _section(self, r: int, c: int, raw: str) -> str:
        text = cells.text(raw) or ""
        body = _MARKER_PREFIX.sub("", text, count=1) or text
        ref = self.sheet.ref(self.file, r + 1, c + 1)
        self.seen += 1
        key = match_key(body)
        levels = _levels_in(key)
        if levels:
            self._levels = (levels, ref)
            self._field = None
        elif key.startswith(_FIELD_KEY):
            name = body[len("lĩnh vực") :].strip(" :.-–")
            self._field = (name or body, ref)
        elif _PROCEDURES_KEY in key or "tthc" in key.split():
            self._group = (body, ref)
            self._levels = None
            self._field = None
        else:
            self._field = (body.strip(" :.-–"), ref)
        return "section"


def _section_words(key: str) -> bool:
    return _PROCEDURES_KEY in key or bool(_LEVEL_WORDS.search(key))


def _levels_in(key: str) -> str | None:
    found: list[str] = []
    for m in _LEVEL_WORDS.finditer(key):
        label = _LEVEL_LABEL.get(m.group(1))
        if label and label not in found:
            found.append(label)
    return ", ".join(found) or None


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
