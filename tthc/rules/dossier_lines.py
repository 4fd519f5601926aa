"""Reading a dossier as an officer does: which lines are papers, which are notes, which
count pairs are either-or (DOMAIN.md §4a).

Real dossiers mix the papers with notes the portal counts like papers ("Trường hợp …",
"Lưu ý: …", "0 bản chính"), with headings ("Một trong các giấy tờ sau:") and with notes
that already apply the once-only principle ("cơ quan … có trách nhiệm tra cứu"). Rules that
propose to drop or cut a paper read these first. Everything is matched on keys
(:mod:`tthc.knowledge.textkey`), so NFD text and old tone placement read the same.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tthc.knowledge.textkey import GuardedPattern, keyed, regex_key
from tthc.model import DocumentRequirement
from tthc.parse.document import copy_alternatives

# Bullets and numbering a line starts with ("- ", "+ ", "a) ", "(1) ", "2.1. ", "đ.1) ").
_BULLET = re.compile(r"^(?:[\s\-+*•–.;:,!]+|\(?[a-zđ0-9]{1,3}(?:\.\d+)*\)\s*|\d+(?:\.\d+)*[.)/]\s+)+")

# A note, not a paper: the line starts with one of these (after its bullet).
_NOTE_START = re.compile(
    regex_key(
        r"^(?:trường hợp|trưởng hợp|lưu ý|ghi chú|chú ý|nếu|người tiếp nhận|cán bộ|công chức|cơ quan tiếp nhận|"
        r"cơ quan đăng ký|cơ quan giải quyết|cá nhân có quyền|người yêu cầu đăng ký hộ tịch có thể|"
        r"đối với giấy tờ|đối với hồ sơ|bản chụp các giấy tờ gửi kèm|bước \d+|nhận kết quả|tỷ lệ bản đồ)\b"
    )
)

# A line (or note) that already applies once-only: the agency reads the data itself, or the
# applicant gives only a number (DOMAIN §4a).
_ONCE_ONLY_APPLIED = GuardedPattern(  # starts with \b: pre-filtered by its literals
    regex_key(
        r"\b(?:khai thác|tra cứu|không phải nộp|không phải xuất trình|không phải tải lên|không phải cung cấp|"
        r"không yêu cầu (?:công dân |người dân |người yêu cầu )?(?:nộp|xuất trình|cung cấp)|chỉ cần cung cấp|"
        r"số định danh cá nhân|đã được tích hợp|điền tự động|kết nối(?:,)? chia sẻ|chia sẻ dữ liệu|"
        r"đã có (?:thông tin )?trong cơ sở dữ liệu|đã có trong hệ thống)\b"
    )
)

# "một trong các giấy tờ sau", "một trong những văn bản": the lines it heads are alternatives.
_ONE_OF = GuardedPattern(
    regex_key(r"\bmột trong (?:các |những |số )?(?:loại )?(?:giấy tờ|văn bản|tài liệu|chứng từ|giấy|bản|hồ sơ)\b")
)
_HEADING_END = re.compile(regex_key(r"(?::|\bsau|\bsau đây|\bnhư sau)\s*$"))


def line_text(doc: DocumentRequirement) -> str:
    """The line as written (``raw``), else its name."""
    return doc.raw or doc.name


def _body_key(text: str) -> str:
    """The line's key without its bullets and numbering."""
    return _BULLET.sub("", keyed(text).key)


def is_note(text: str) -> bool:
    """A line that explains rather than names a paper ("Trường hợp …", "Lưu ý: …"), or
    carries no word at all ("****")."""
    body = _body_key(text)
    return bool(_NOTE_START.match(body)) or not _LETTER.search(body)


_LETTER = re.compile(r"[^\W\d_]")


# "Hồ sơ đề xuất dự án đầu tư kinh doanh của nhà đầu tư gồm các thông tin sau:" (bo-tai-chinh
# 2.002602, 2.002603): the lines under it are what one paper contains, not papers
_CONTENTS_HEADING = re.compile(
    regex_key(r"\bgồm (?:các|những) (?:thông tin|nội dung)(?: chủ yếu)? sau(?: đây)?\s*:?\s*$")
)


def lists_contents(doc: DocumentRequirement) -> bool:
    """The line is an item of what one paper contains: its sub-heading says so."""
    return bool(doc.group and _CONTENTS_HEADING.search(keyed(doc.group.rstrip(" .;")).key))


# "(ii) Hồ sơ trình phê duyệt" (bo-nong-nghiep-mt 3.000501): the file the receiving unit sends up
# for approval ("Tờ trình của bộ phận tiếp nhận hồ sơ", "Kết quả thẩm định"), not the applicant's
_AGENCY_FILE = re.compile(regex_key(r"\bhồ sơ trình (?:phê duyệt|cấp có thẩm quyền|thủ tướng|chủ tịch|bộ trưởng)\b"))


def agency_file(doc: DocumentRequirement) -> bool:
    """The line belongs to the agency's own file: its sub-heading says the file is sent up for approval."""
    return bool(doc.group and _AGENCY_FILE.search(keyed(doc.group).key))


def applies_once_only(text: str) -> bool:
    """The text says the data is read from a database, or that the paper need not be filed."""
    return bool(_ONCE_ONLY_APPLIED.search(keyed(text).key))


def zero_count(doc: DocumentRequirement) -> bool:
    """The portal counts the line 0 ("0 bản chính"): a note or a heading, not a paper demanded."""
    stated = [n for n in (doc.originals, doc.copies) if n is not None]
    return bool(stated) and not any(stated)


def names_one_of(text: str) -> bool:
    return bool(_ONE_OF.search(keyed(text).key))


def _heads_alternatives(heading: str) -> bool:
    """A sub-heading that ends by announcing alternatives ("… gồm một trong các giấy tờ sau:"),
    not one that lists a paper *and* alternatives ("hồ sơ gồm Đơn … và một trong các giấy tờ
    sau: - …")."""
    key = keyed(heading).key.rstrip(" .;")
    return names_one_of(key[-120:]) and bool(_HEADING_END.search(key))


def _bullet_of(text: str) -> str:
    """The bullet class a line starts with: "-", "+", "*", "a)" (letters, numbers) or ""."""
    stripped = keyed(text).key.lstrip()
    if not stripped:
        return ""
    if stripped[0] in "-–•":
        return "-"
    if stripped[0] in "+*":
        return stripped[0]
    if re.match(r"\(?[a-zđ0-9]{1,3}(?:\.\d+)*[.)]", stripped):
        return "a)"
    return ""


def either_or_lines(docs: Sequence[DocumentRequirement]) -> set[int]:
    """Indexes of the lines whose count pair means *one or the other*: the line offers an
    original or a copy ("01 bản chính hoặc 01 bản sao có chứng thực"), says "một trong các giấy
    tờ sau" itself, or stands under a heading that says so (a heading line above it, until the
    list it heads ends, or the sub-heading a loader gives the line as ``group``)."""
    out: set[int] = set()
    heading_bullet: str | None = None
    for i, doc in enumerate(docs):
        text = line_text(doc)
        bullet = _bullet_of(text)
        if heading_bullet is not None:
            ends = bullet == "a)" or (bullet == heading_bullet) or (heading_bullet == "" and bullet == "")
            if ends:
                heading_bullet = None
            else:
                out.add(i)
                continue
        if copy_alternatives(text) or (doc.group and _heads_alternatives(doc.group)):
            out.add(i)
        if names_one_of(text):
            out.add(i)
            if _HEADING_END.search(keyed(text).key.rstrip(" .;")):
                heading_bullet = bullet
    return out


# Separators between the alternatives a line lists ("Hộ chiếu/Thẻ căn cước", "A hoặc B",
# "giấy tờ tùy thân như: …").
_SEPARATOR = re.compile(regex_key(r"[,;:/()]|\bhoặc\b|\bhay\b|\bnhư\b|\bgồm\b|\bsau đây\b|\bsau\b"))
# What may stand right before the paper's name: copy kinds, a count, a demand verb,
# a generic head word ("bản sao thẻ", "01 bản chính", "kèm theo bản sao", "các giấy").
_RIGHT_BEFORE = re.compile(
    regex_key(
        r"^(?:(?:phải |cần )?(?:kèm theo|gửi kèm|nộp kèm|nộp|xuất trình|bổ sung|cung cấp bản)\s*)?"
        r"(?:\d+\s*(?:\([^)]*\)\s*)?)?"
        r"(?:bản (?:sao|chụp|chính|gốc|photo|photocopy|điện tử|scan)"
        r"(?: (?:có|được|đã được|đã))?(?: (?:chứng thực|công chứng))?(?: (?:từ|với) bản (?:chính|gốc))?"
        r"(?: hợp lệ)?\s*)?(?:của\s+)?(?:các\s+|một\s+)?(?:loại\s+)?(?:giấy|thẻ|sổ|bản|tờ)?\s*$"
    )
)
_DEMAND = re.compile(regex_key(r"^(?:phải |cần )?(?:kèm theo|gửi kèm|nộp kèm|nộp|xuất trình|bổ sung)\b"))
# (not "xuất trình": "người được ủy quyền phải xuất trình Thẻ Căn cước" is a check of who files)
_DEMAND_ANYWHERE = re.compile(regex_key(r"\b(?:phải |cần )?(?:kèm theo|gửi kèm|nộp kèm|nộp)\b"))
# Words that make an earlier part of the line a description of another paper's content
# ("Văn bản đề nghị ghi rõ …; số Căn cước công dân").
_DESCRIBES = re.compile(regex_key(r"\b(?:ghi|ghi rõ|số|thông tin|nội dung|họ tên|họ và tên|chức vụ|địa chỉ|kê khai)\b"))


def demanded_at(text: str, start: int) -> bool:
    """True when the paper named at ``start`` (an index in the NFC text) is what the line asks
    for: it heads the line (after bullets, copy kinds, counts, "một trong các giấy tờ sau:"),
    is one of the alternatives the line lists, or follows a demand ("kèm theo bản sao …").
    False when it only describes another paper ("Văn bản đề nghị ghi rõ … số Căn cước")."""
    kt = keyed(text)
    offsets = kt.offsets
    if offsets is None:
        return False
    key_start = next((i for i, o in enumerate(offsets) if o >= start), len(kt.key))
    before = _BULLET.sub("", kt.key[:key_start])
    parts = _SEPARATOR.split(before)
    right_before = parts[-1].strip()
    if not _RIGHT_BEFORE.match(right_before):
        # "Hồ sơ đăng ký doanh nghiệp phải kèm theo bản sao thẻ Căn cước …" (bo-tai-chinh
        # 2.002015): a sentence whose verb demands the paper
        starts = [m.start() for m in _DEMAND_ANYWHERE.finditer(right_before)]
        return bool(starts) and bool(_RIGHT_BEFORE.match(right_before[starts[-1] :]))
    if _DEMAND.match(right_before):
        return True
    for part in parts[:-1]:
        part = part.strip()
        if not part or _ONE_OF.search(part) or _RIGHT_BEFORE.match(part):
            continue
        if len(part.split()) > 12 or _DESCRIBES.search(part):
            return False
    return True


# A photo is asked for in the number of prints needed ("02 ảnh 4x6cm … 01 ảnh dán vào Tờ
# khai"): prints are no copies of a paper.
_PHOTO = re.compile(regex_key(r"^(?:\d+\s*(?:\([^)]*\)\s*)?)?(?:tấm )?(?:ảnh|hình)\b"))


def is_photo(text: str) -> bool:
    return bool(_PHOTO.match(_body_key(text)))
