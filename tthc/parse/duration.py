"""Processing time (thời hạn giải quyết) as catalogs write it.

"05 ngày làm việc", "30 Ngày", "0 Giờ", "Ngay trong ngày", "Không quy định", "02 tháng và
15 ngày làm việc", "03 ngày làm việc; trường hợp phải xác minh thì không quá 08 ngày làm
việc"… Units are kept as written: calendar days are never turned into working days.

Reading rules (where the text leaves room for choice):
- several alternatives ("03 … (trường hợp A); 10 … (trường hợp B)") -> the longest per unit,
  and the note lists them; "A và B" with nothing else between them is a sum;
- "kéo dài thêm … N ngày" is an extension: kept in the note, not in the value;
- a bare number ("7", "30") -> ``days`` with a note that the unit is missing ("0" -> immediate);
- "ngay trong ngày …; sau 15 giờ thì … ngày làm việc tiếp theo" -> 1 working day (worst case);
- a number is read only where it is a span (start of a clause, after "không quá", "tối đa",
  "trong thời hạn"…, or "N ngày làm việc", "N ngày kể từ"), so "9 tháng/năm học" or
  "sau 15 giờ" (a clock time) are not spans;
- anything else is UNPARSED with the reason in ``note``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tthc.i18n import T
from tthc.model import Duration, DurationStatus
from tthc.parse.dates import find_dates
from tthc.text import nfc

_SPACES = re.compile(r"\s+")

_UNSPECIFIED = {
    "không quy định",
    "không quy định cụ thể",
    "chưa quy định",
    "chưa quy định cụ thể",
    "không xác định",
    "khác",
    "không",
    "không có",
    "không có thông tin",
}

# A number, or a number written out with its digits in brackets ("Mười lăm (15) ngày").
_NUMBER = r"(?:(?P<low>\d+(?:[.,]\d+)?)\s*[-–]\s*)?(?:(?P<num>\d+(?:[.,]\d+)?)|\((?P<paren>\d+(?:[.,]\d+)?)\))"
_UNIT = r"(?P<unit>ngày\s+làm\s+việc|ngày|giờ\s+làm\s+việc|giờ|tiếng|phút|tháng|tuần)"
# "02 (hai) ngày làm việc": the number in words may follow the digits
_MENTION = re.compile(r"(?<![\w/.,])" + _NUMBER + r"\s*(?:\([^\d()]{1,20}\)\s*)?" + _UNIT + r"(?!\w)", re.IGNORECASE)
_BARE = re.compile(r"(\d+(?:[.,]\d+)?)(?:\s*[-–]\s*(\d+(?:[.,]\d+)?))?")

# Clause boundaries. After a strong one (";", ":", a bullet) a number starts a span; after a
# weak one ("," "(" ". ") it must follow a qualifier ("không quá", "tối đa"…).
_STRONG_SEP = re.compile(r"[;:\n]|(?:^|\s)[-+•]\s|(?:^|\s)[a-zđ]\)\s")
_WEAK_SEP = re.compile(r"[,()]|\.\s")
_QUALIFIER = re.compile(
    r"(?:tối\s+đa|không\s+quá|trong\s+thời\s+hạn|trong\s+vòng|trong|chậm\s+nhất(?:\s+là)?|"
    r"thời\s+hạn(?:\s+giải\s+quyết)?(?:\s+là)?|sau|là|mất|khoảng|thêm)\s*$",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"(?:sau|trước|lúc|đến|từ|vào)\s*$", re.IGNORECASE)
_EXTENSION = re.compile(r"\b(?:thêm|gia\s+hạn)\b", re.IGNORECASE)
# "- Sở Nội vụ: Không quá 07 ngày làm việc": one agency's step of an interlinked procedure
_STAGE = re.compile(
    r"(?:(?:^|[;\n])\s*(?:[-+•]\s*)?|\.\s*[-+•]\s*)(?:cấp\s+(?:xã|huyện|tỉnh|bộ)|uỷ\s+ban|ủy\s+ban|ubnd|sở|bộ|cục|chi\s+cục|phòng|"
    r"bảo\s+hiểm\s+xã\s+hội|bhxh|công\s+an|tòa\s+án|toà\s+án|tổng\s+cục|kho\s+bạc|văn\s+phòng)\b[^:;\n]{0,120}:\s*"
    r"(?:tối\s+đa|không\s+quá|trong\s+thời\s+hạn|trong\s+vòng|trong)?\s*$",
    re.IGNORECASE,
)
_SUM = re.compile(r"^\s*(?:và|cộng)\s*$", re.IGNORECASE)

_IMMEDIATE = re.compile(
    r"^(?:ngay\s+trong\s+ngày|trong\s+ngày(?!\s+làm\s+việc)|ngay\s+sau\s+khi|ngay\s+khi|ngay\s+lập\s+tức|"
    r"giải\s+quyết\s+ngay|trả\s+kết\s+quả\s+ngay)\b",
    re.IGNORECASE,
)
_NEXT_WORKING_DAY = re.compile(r"ngày\s+làm\s+việc\s+(?:tiếp\s+theo|kế\s+tiếp|liền\s+kề)", re.IGNORECASE)
# The whole cell defers to another text or body: "Theo quy định", "Do Sở … quy định".
_DEFERRED = re.compile(r"^(?:theo|do)\b.*\bquy\s+định\b|^theo\s+hướng\s+dẫn\b", re.IGNORECASE)

_FIELD = {
    "ngày làm việc": "working_days",
    "ngày": "days",
    "giờ làm việc": "hours",
    "giờ": "hours",
    "tiếng": "hours",
    "phút": "hours",
    "tháng": "months",
    "tuần": "days",
}
_SCALE = {"phút": 1 / 60, "tuần": 7.0}
_UNIT_NAME = {
    "working_days": T("ngày làm việc", "working days"),
    "days": T("ngày", "days"),
    "hours": T("giờ", "hours"),
    "months": T("tháng", "months"),
}
_FIELDS = ("working_days", "days", "hours", "months")


def parse_duration(text: str) -> Duration:
    """Read one processing-time cell; the raw text is kept in ``raw``."""
    status, values, note, note_en = _parse_cached(text)
    return Duration(
        raw=text, status=DurationStatus(status), note=note, note_en=note_en, **dict(zip(_FIELDS, values, strict=True))
    )


@lru_cache(maxsize=32768)
def _parse_cached(text: str) -> tuple[str, tuple[float | None, ...], str | None, str | None]:
    duration = _parse(text)
    return duration.status.value, tuple(getattr(duration, f) for f in _FIELDS), duration.note, duration.note_en


def _noted(raw: str, status: DurationStatus, note: T | None, **values: float | None) -> Duration:
    """A duration with the parser's note in both languages."""
    return Duration(raw, status, note=note.vi if note else None, note_en=note.en if note else None, **values)


def _parse(raw: str) -> Duration:
    text = _SPACES.sub(" ", nfc(raw)).strip()
    key = text.casefold().rstrip(" .")
    if not key:
        return _noted(raw, DurationStatus.UNPARSED, T("ô trống", "empty cell"))
    if key in _UNSPECIFIED:
        return Duration(raw, DurationStatus.UNSPECIFIED)

    bare = _BARE.fullmatch(key)
    if bare:
        return _bare_number(raw, bare)

    spans, extensions = _spans(text)
    ranged = any((m := _MENTION.match(text, start)) and m.group("low") for start, *_ in spans)
    next_day = _NEXT_WORKING_DAY.search(text) is not None
    if _IMMEDIATE.match(key.lstrip("-+• ")) and not spans:
        extra = T("; có thể kéo dài thêm: ", "; may be extended by: ") + ", ".join(extensions) if extensions else ""
        if next_day:
            note = (
                T(
                    "trong ngày; trường hợp trả vào ngày làm việc tiếp theo: tính 1 ngày làm việc",
                    "within the day; where the result comes on the next working day: counted as 1 working day",
                )
                + extra
            )
            return _noted(raw, DurationStatus.FIXED, note, working_days=1.0)
        note = (T("trong ngày", "within the day") if "trong ngày" in key else T("", "")) + extra
        return _noted(raw, DurationStatus.IMMEDIATE, note.map(lambda n: n.strip("; ")) if note.vi.strip("; ") else None)
    if not spans:
        if _DEFERRED.search(key):
            return _noted(
                raw,
                DurationStatus.UNSPECIFIED,
                T("thời hạn do văn bản hoặc cơ quan khác quy định", "the time is set by another document or body"),
            )
        if re.search(r"\b(?:ngày|giờ|tháng)\b", key):
            return _noted(
                raw,
                DurationStatus.UNPARSED,
                T("không tìm thấy số ngày, giờ hoặc tháng của thời hạn", "no number of days, hours or months found"),
            )
        return _noted(raw, DurationStatus.UNPARSED, T("không ghi một khoảng thời gian", "states no length of time"))
    return _combine(raw, text, spans, extensions, ranged)


def _bare_number(raw: str, match: re.Match[str]) -> Duration:
    low, high = (_number(g) if g else None for g in match.groups())
    value = high if high is not None else low
    if value == 0:
        return _noted(raw, DurationStatus.IMMEDIATE, T("chỉ ghi số 0, không ghi đơn vị", "only 0 is written, no unit"))
    note = T("không ghi đơn vị; hiểu là ngày", "no unit written; read as days")
    if high is not None:
        note += T(f"; khoảng {low:g}–{high:g}, lấy dài nhất", f"; a range {low:g}–{high:g}, the longest taken")
    return _noted(raw, DurationStatus.FIXED, note, days=value)


_Span = tuple[int, int, str, float, bool]  # start, end, field, value, is an agency's step


def _spans(text: str) -> tuple[list[_Span], list[str]]:
    """Every span in the text, and the extensions seen."""
    dates = [(s, e) for s, e, _ in find_dates(text)]
    spans: list[_Span] = []
    extensions: list[str] = []
    for m in _MENTION.finditer(text):
        if any(s <= m.start() < e for s, e in dates):
            continue  # "01 tháng 7 năm 2025" is a date
        if text[m.end() : m.end() + 1] == "/":
            continue  # "9 tháng/năm học" is a rate
        unit = _SPACES.sub(" ", m.group("unit").casefold())
        before = _tail(text, m.start())
        if unit in ("giờ", "giờ làm việc") and _CLOCK.search(before):
            continue  # "sau 15 giờ" is a time of day
        clause, weak = _clause(before)
        joined = bool(spans) and _SUM.match(text[spans[-1][1] : m.start()]) is not None
        explicit = unit == "ngày làm việc" or "kể từ" in text[m.end() : m.end() + 12].casefold()
        if not (joined or explicit or _QUALIFIER.search(clause) or (not clause.strip() and not weak)):
            continue
        value = _number(m.group("num") or m.group("paren")) * _SCALE.get(unit, 1.0)
        if _EXTENSION.search(re.split(r"[;\n]|\.\s", before)[-1]):  # in this sentence
            extensions.append(m.group(0))
            continue
        stage = _STAGE.search(before) is not None
        spans.append((m.start(), m.end(), _FIELD[unit], value, stage))
    return spans, extensions


def _tail(text: str, end: int, size: int = 300) -> str:
    """The text before ``end``, at most ``size`` characters (keeps the scan linear on long cells).

    A cut tail starts with a NUL so that "^" in a pattern never mistakes the cut for the start.
    """
    return text[:end] if end <= size else "\x00" + text[end - size : end]


def _clause(before: str) -> tuple[str, bool]:
    """The text since the last clause boundary, and whether that boundary was a weak one."""
    strong = max((m.end() for m in _STRONG_SEP.finditer(before)), default=0)
    weak = max((m.end() for m in _WEAK_SEP.finditer(before)), default=-1)
    if weak > strong:
        return before[weak:], True
    return before[strong:], False


def _combine(raw: str, text: str, spans: list[_Span], extensions: list[str], ranged: bool) -> Duration:
    """One duration from the spans of ``text`` (the normalised ``raw``)."""
    if all(span[3] == 0 for span in spans) and not extensions:
        return Duration(raw, DurationStatus.IMMEDIATE)
    notes: list[T] = []
    if len(spans) > 1 and all(span[4] for span in spans):
        # every span is one agency's step: the steps add up
        total: dict[str, float] = {}
        for *_, field, value, _stage in spans:
            total[field] = total.get(field, 0.0) + value
        listed = T.join(" + ", (_describe({field: value}) for *_, field, value, _stage in spans))
        notes.append(T("cộng thời hạn các cơ quan: ", "the agencies' times added up: ") + listed)
        groups = [total]
    elif len(spans) > 2 and _is_total(spans):
        # "27 ngày làm việc …: - 10 ngày … - 07 ngày … - 10 ngày …": a total, then its parts
        listed = T.join(" + ", (_describe({span[2]: span[3]}) for span in spans[1:]))
        notes.append(T("tổng gồm: ", "a total made of: ") + listed)
        groups = [{spans[0][2]: spans[0][3]}]
    else:
        # alternatives; spans joined by "và" form one summed alternative
        groups = []
        prev_end = None
        for start, end, field, value, _stage in spans:
            if groups and prev_end is not None and _SUM.match(text[prev_end:start]):
                groups[-1][field] = groups[-1].get(field, 0.0) + value
            else:
                groups.append({field: value})
            prev_end = end
        if len(groups) > 1:
            listed = T.join("; ", (_describe(g) for g in groups))
            notes.append(
                T("nhiều thời hạn theo trường hợp (", "several times, by case (")
                + listed
                + T("): lấy dài nhất", "): the longest taken")
            )
    result: dict[str, float] = {}
    for group in groups:
        for field, value in group.items():
            result[field] = max(result.get(field, value), value)
    if ranged:
        notes.append(T("ghi một khoảng: lấy mức dài nhất", "a range: the longest taken"))
    if extensions:
        notes.append(T("có thể kéo dài thêm: ", "may be extended by: ") + ", ".join(extensions))
    return _noted(raw, DurationStatus.FIXED, T.join("; ", notes) if notes else None, **result)


def _is_total(spans: list[_Span]) -> bool:
    """The first span is the sum of the others (days and working days counted alike)."""
    fields = {span[2] for span in spans}
    if not (len(fields) == 1 or fields <= {"days", "working_days"}):
        return False
    return spans[0][3] == sum(span[3] for span in spans[1:])


def _describe(group: dict[str, float]) -> T:
    return T.join(T(" và ", " and "), (f"{value:g} " + _UNIT_NAME[field] for field, value in group.items()))


def _number(text: str) -> float:
    return float(text.replace(",", "."))
