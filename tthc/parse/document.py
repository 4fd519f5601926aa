"""One dossier line (thành phần hồ sơ): the paper, the copy kinds it accepts, counts, form.

"Bản sao có chứng thực hoặc bản sao kèm bản chính để đối chiếu Giấy khai sinh" ->
name "Giấy khai sinh", copy_kinds [CERTIFIED_COPY, COPY_WITH_ORIGINAL].

- ``copy_kinds`` lists every kind the line names, in the order written; ``copy_kind`` is
  the first one named (the catalog's own preference, not a ranking of burdens).
- Only what the line demands is read: the kind is never inferred from the counts, and
  "chứng thực bản sao", "cấp bản sao" (a service, not a paper to bring) are not copy kinds.
- Counts come from ``counts`` ("Bản chính: 1 - Bản sao: 0", "0 bản chính,1 bản sao") or,
  when that is absent, from the line ("(01 bản chính)"); alternatives ("01 bản chính hoặc
  01 bản sao") are not counts and go to the note.
- ``name`` is the line as the catalog words it, without only the list structure around it
  (bullets, list punctuation, spacing): citizens and officers read what the catalog says,
  "Bản chính hoặc bản sao có chứng thực Giấy khai sinh" stays whole. The parsed copy kinds
  and counts sit beside it; ``raw`` keeps the line byte for byte.
- :func:`paper_name` is the paper alone ("Giấy khai sinh"): the line without copy-kind
  phrases, counts and form references, for matching one paper against another, never for
  showing.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from tthc.model import CopyKind, DocumentRequirement
from tthc.parse.blanks import single_spaced
from tthc.text import nfc, shared

_S = r"\s+"
_ORIGINAL_WORD = r"bản\s+(?:chính(?!\s+thức)|gốc)"
_COMPARE = (
    r"(?:có\s+)?(?:kèm(?:\s+theo)?|mang(?:\s+theo)?|xuất\s+trình(?:\s+kèm(?:\s+theo)?)?)\s+"
    + _ORIGINAL_WORD
    + r"(?:\s+để)?\s+(?:đối\s+chiếu|so\s+sánh)"
)
_FROM_ORIGINAL = r"(?:\s+(?:được\s+cấp\s+)?(?:từ|với)\s+(?:bản\s+(?:chính|gốc)|sổ\s+gốc))?"

# (pattern, kind) tried in this order at every position; the first match wins and is consumed.
_PHRASES: list[tuple[re.Pattern[str], CopyKind | None]] = [
    (re.compile(r"bản\s+(?:sao|chụp|photo(?:copy)?)(?:\s+\S+){0,3}?\s+" + _COMPARE, re.I), CopyKind.COPY_WITH_ORIGINAL),
    # "bản sao và xuất trình bản chính": the original is shown, not filed
    (
        re.compile(
            r"bản\s+(?:sao|chụp|photo(?:copy)?)\s*(?:và|,)?\s*(?:xuất\s+trình|mang\s+theo|kèm\s+theo)\s+"
            + _ORIGINAL_WORD,
            re.I,
        ),
        CopyKind.COPY_WITH_ORIGINAL,
    ),
    (
        re.compile(
            r"bản\s+sao\s+(?:có\s+|được\s+|đã\s+được\s+|đã\s+)?(?:chứng\s+thực|công\s+chứng)" + _FROM_ORIGINAL, re.I
        ),
        CopyKind.CERTIFIED_COPY,
    ),
    (
        re.compile(r"bản\s+(?:công\s+chứng|chứng\s+thực)|bản\s+sao\s+y(?:\s+bản\s+(?:chính|gốc))?", re.I),
        CopyKind.CERTIFIED_COPY,
    ),
    (re.compile(r"bản\s+(?:sao\s+)?điện\s+tử|bản\s+(?:mềm|scan|số\s+hó?a|số\s+hoá)", re.I), CopyKind.ELECTRONIC),
    (
        re.compile(r"bản\s+sao" + _FROM_ORIGINAL + r"(?:\s+hợp\s+lệ)?|bản\s+(?:chụp|photo(?:copy)?|fax)", re.I),
        CopyKind.COPY,
    ),
    (re.compile(_ORIGINAL_WORD, re.I), CopyKind.ORIGINAL),
    (re.compile(_COMPARE, re.I), None),  # "(mang theo bản chính để đối chiếu)" after "Bản chụp X"
]
# not "văn bản chính thức", "văn bản sao gửi": "văn bản" is a document, not a copy kind
_PHRASE_START = re.compile(r"(?<!\w)(?<!văn\s)(?:bản\s|kèm|mang|xuất|có\s+(?:kèm|mang))", re.I)
# "chứng thực bản sao từ bản chính", "cấp bản sao trích lục": a service, not a paper to bring
_SERVICE_VERB = re.compile(r"(?:chứng\s+thực|cấp(?:\s+lại)?|sao|xin|trích|đề\s+nghị|yêu\s+cầu)\s+$", re.I)

# "+) Khi …": a bullet may close with a bracket
_BULLET = re.compile(r"^(?:[-+*•–]\)?\s*|\(?[a-zđ]\)\s+|\d+(?:\.\d+)*[.)]\s+)+", re.I)
_CONNECTOR = re.compile(r"^\s*(?:,|;|/|hoặc|và)\s*", re.I)
_GAP = re.compile(r"\s*(?:,|;|/|hoặc|và)?\s*", re.I)
_PARENS = re.compile(r"\(([^()]*)\)")
_COUNT = re.compile(r"(?<!\d)(\d+)\s*(?:\([^)]*\)\s*)?bản\s+(chính|gốc|sao|chụp)", re.I)
_LABELLED = re.compile(r"bản\s+(chính|gốc|sao|chụp)\s*:\s*(\d+)", re.I)
_FORM = re.compile(
    r"(?<!\w)(?:[Mm]ẫu|MẪU)(?:(?P<so>\s+(?:số|SỐ))?\s+"
    r"(?P<code>(?:[0-9A-ZĐ][0-9A-Za-zĐđ\-/.]*\d[0-9A-Za-zĐđ\-/]*|\d[0-9A-Za-zĐđ\-]*)(?:\s\d+-\d+)?)"
    r"|(?=\s+tại\s+Phụ\s+lục))"
    r"(?P<app>\s+(?:tại\s+)?Phụ\s+lục(?:\s+(?:số\s+)?[0-9IVXLC]+[a-z]?)?)?"
)
_FORM_SOURCE = re.compile(
    r"\s*(?:(?:ban\s+hành\s+)?kèm\s+theo|tại|của)\s+((?:Thông\s+tư\s+liên\s+tịch|Thông\s+tư|Nghị\s+định|Quyết\s+định|"
    r"Nghị\s+quyết)(?:\s+số)?\s+\d+/[^\s,;()]+)",
    re.I,
)
_FORM_PARENS = re.compile(r"^\s*(?:theo\s+)?(?:mẫu|biểu\s+mẫu)\b", re.I)
_COUNT_WORDS = re.compile(r"(?<!\w)\d+(?:\s*\((?:một|hai|ba|bốn|năm)\))?(?!\w)|gọi\s+chung\s+là", re.I)
# connectors left at either end once the copy kinds are gone ("nếu có - hoặc" -> "nếu có")
_EDGE_CONNECTOR = r"(?:(?<!\w)(?:hoặc|và|hay)(?!\w)|[,;:\-/])"
_LEADING_CONNECTOR = re.compile(r"^\s*" + _EDGE_CONNECTOR + r"\s*", re.I)
_TRAILING_CONNECTOR = re.compile(r"\s*" + _EDGE_CONNECTOR + r"\s*$", re.I)

_Tuple = tuple[str, int | None, int | None, CopyKind | None, tuple[CopyKind, ...], str | None, str | None]


def parse_document(text: str, counts: str | None = None) -> DocumentRequirement:
    """Read one dossier line; ``counts`` is a separate quantity cell if the layout has one."""
    name, originals, copies, copy_kind, kinds, form, note = _parse_cached(text, counts)
    return DocumentRequirement(
        name=name,
        originals=originals,
        copies=copies,
        copy_kind=copy_kind,
        copy_kinds=list(kinds),
        form=form,
        note=note,
        raw=shared(text),  # dossier lines repeat across procedures: each text held once
    )


@lru_cache(maxsize=32768)
def _parse_cached(text: str, counts: str | None) -> _Tuple:
    line = _squash(text)
    notes: list[str] = []
    kinds = _copy_kinds(line)
    originals, copies = _counts(_squash(counts), notes) if counts and counts.strip() else (None, None)
    if originals is None and copies is None and not (counts and counts.strip()):
        originals, copies = _line_counts(line, notes)
    form, form_note = _form(line)
    if form_note:
        notes.append(form_note)
    name = shared(_stable(_wording, line) or line)
    return (name, originals, copies, kinds[0] if kinds else None, tuple(kinds), form, "; ".join(notes) or None)


def _squash(text: str | None) -> str:
    return single_spaced(nfc(text)).strip() if text else ""


def _scan(text: str) -> list[tuple[int, int, CopyKind | None]]:
    """Copy-kind phrases in order: (start, end, kind); kind None for a bare "kèm bản chính để đối chiếu"."""
    found: list[tuple[int, int, CopyKind | None]] = []
    pos = 0
    while True:
        start_match = _PHRASE_START.search(text, pos)
        if start_match is None:
            return found
        at = start_match.start()
        for pattern, kind in _PHRASES:
            m = pattern.match(text, at)
            if m is None:
                continue
            if kind is None or not _SERVICE_VERB.search(text[max(0, at - 20) : at]):
                found.append((at, m.end(), kind))
            pos = m.end()  # a service phrase is consumed without a kind
            break
        else:
            pos = at + 1


def _copy_kinds(text: str) -> list[CopyKind]:
    kinds: list[CopyKind] = []
    for _start, _end, kind in _scan(text):
        if kind is None:
            # "Bản chụp X (mang theo bản chính để đối chiếu)": the copy is one shown with its original
            if CopyKind.COPY in kinds:
                kinds[kinds.index(CopyKind.COPY)] = CopyKind.COPY_WITH_ORIGINAL
            kind = CopyKind.COPY_WITH_ORIGINAL
        if kind not in kinds:
            kinds.append(kind)
    return kinds


_COPY_CLASS = frozenset({CopyKind.COPY, CopyKind.CERTIFIED_COPY, CopyKind.COPY_WITH_ORIGINAL, CopyKind.ELECTRONIC})
# "01 bản chính nếu xuất khẩu một lần hoặc 01 bản chụp … nếu xuất khẩu nhiều lần" (bo-tai-chinh
# 1.006468): a short condition may stand between the original and the "hoặc"
_OR_GAP = re.compile(
    r"^[\s,;)(]*(?:(?:nếu|khi|đối\s+với|trong\s+trường\s+hợp)\s[^,;()]{1,60}?\s*)?(?:hoặc|hay|/)[\s(]*"
    r"(?:\d+\s*(?:\([^)]*\)\s*)?)?$",
    re.I,
)


def copy_alternatives(text: str) -> bool:
    """True when the line offers an original *or* a copy ("01 bản chính hoặc 01 bản sao có
    chứng thực", "bản sao hoặc bản chính"): the applicant brings one of them, not both."""
    line = _squash(text)
    spans = [(s, e, k) for s, e, k in _scan(line) if k is not None]
    for (_s1, e1, k1), (s2, _e2, k2) in itertools.pairwise(spans):
        classes = {k1 is CopyKind.ORIGINAL, k2 is CopyKind.ORIGINAL}
        if classes == {True, False} and (k1 in _COPY_CLASS or k2 in _COPY_CLASS) and _OR_GAP.match(line[e1:s2]):
            return True
    return False


def _counts(text: str, notes: list[str]) -> tuple[int | None, int | None]:
    originals = copies = None
    for word, number in [(m.group(1), m.group(2)) for m in _LABELLED.finditer(text)] + [
        (m.group(2), m.group(1)) for m in _COUNT.finditer(text)
    ]:
        if word.casefold() in ("chính", "gốc"):
            originals = int(number) if originals is None else originals
        else:
            copies = int(number) if copies is None else copies
    if originals is None and copies is None:
        notes.append(f"số lượng không ghi loại bản: {text}" if text.isdigit() else f"không đọc được số lượng: {text}")
    return originals, copies


def _line_counts(line: str, notes: list[str]) -> tuple[int | None, int | None]:
    found = list(_COUNT.finditer(line))
    if not found:
        return None, None
    if len(found) > 1 and any(
        re.search(r"\bhoặc\b", line[a.end() : b.start()], re.I) for a, b in itertools.pairwise(found)
    ):
        notes.append("số lượng theo lựa chọn: " + " hoặc ".join(m.group(0) for m in found))
        return None, None
    return _counts(" ".join(m.group(0) for m in found), notes)


def _form(line: str) -> tuple[str | None, str | None]:
    m = _FORM.search(line)
    if m is None:
        return None, None
    code = (m.group("code") or "").rstrip(".-/")
    form = re.sub(r"\s+", " ", "Mẫu " + ("số " if m.group("so") else "") + code + (m.group("app") or "")).strip()
    source = _FORM_SOURCE.match(line, m.end())
    note = f"mẫu ban hành kèm theo {source.group(1).rstrip('.')}" if source else None
    return form, note


@lru_cache(maxsize=32768)
def paper_name(text: str) -> str:
    """The paper a dossier line names, without copy kinds, counts and form references:
    "Bản sao có chứng thực hoặc bản sao kèm bản chính để đối chiếu Giấy khai sinh (01 bản)"
    -> "Giấy khai sinh". For matching papers (interlinking, the same paper twice); a
    document shows :attr:`DocumentRequirement.name`, the catalog's words."""
    line = _squash(text)
    return _stable(_paper, line) or line


def _stable(read, line: str) -> str:
    """``read(line)`` repeated until reading it again changes nothing: a name written back to
    a workbook or YAML file must read back as itself (", * Giấy tờ" -> "Giấy tờ", not "* Giấy tờ")."""
    name = read(line)
    for _ in range(3):
        again = read(name)
        if again == name:
            break
        name = again
    return name


def _wording(line: str) -> str:
    """The line without the list structure around it: leading bullets and punctuation, a
    trailing ";" or ",". Every word the catalog wrote stays."""
    name = _BULLET.sub("", line.lstrip(" ;,.:"))
    return single_spaced(name).strip().rstrip(" ;,").strip()


def _paper(line: str) -> str:
    name = _BULLET.sub("", line.lstrip(" ;,.:"))
    name = _PARENS.sub(_declutter, name)
    # drop the copy-kind phrases the line starts with ("Bản sao có chứng thực hoặc bản sao … X")
    pos = 0
    for start, end, _kind in _scan(name):
        if start != pos and not (pos and _GAP.fullmatch(name[pos:start])):
            break
        pos = end
    rest = re.sub(r"^\s*(?:(?:của|đối\s+với)\s+)?", "", _CONNECTOR.sub("", name[pos:], count=1), flags=re.I)
    stripped = pos > 0 and bool(rest.strip())
    if stripped:
        name = rest
    name = re.sub(r"\s+([,;.:])", r"\1", single_spaced(name)).strip(" ;,.:")
    return name[:1].upper() + name[1:] if stripped else name


def _declutter(m: re.Match[str]) -> str:
    """A bracket without its copy kinds and counts: "(nếu có - bản fax hoặc bản sao)" -> "(nếu có)";
    dropped when nothing else is left, or when it is a form reference (the form is in ``form``).
    Only whole parts (split at ";" and " - ") that are copy kinds and counts go: a clause that
    mentions copies ("… chỉ xuất trình bản chính thì cơ quan chụp …") stays as written."""
    inner = m.group(1)
    if _FORM_PARENS.match(inner):
        return " "
    if not _scan(inner):
        return m.group(0)
    kept = [part for part in _BRACKET_PARTS.split(inner) if not _only_copy_words(part)]
    rest = "; ".join(part.strip() for part in kept if part.strip())
    return f"({rest})" if rest else " "


_BRACKET_PARTS = re.compile(r"\s*;\s*|\s+-\s+")


def _only_copy_words(part: str) -> bool:
    """A part of a bracket that says nothing but copy kinds, counts and connectors."""
    spans = _scan(part)
    if not spans:
        return not part.strip()
    rest = part
    for s, e, _ in reversed(spans):
        rest = rest[:s] + " " + rest[e:]
    rest = re.sub(r"\s+", " ", _COUNT_WORDS.sub(" ", rest)).strip()
    for pattern in (_LEADING_CONNECTOR, _TRAILING_CONNECTOR):
        while (trimmed := pattern.sub("", rest, count=1)) != rest:
            rest = trimmed.strip()
    return not rest
