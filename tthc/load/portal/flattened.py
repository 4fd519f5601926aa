"""Undo the flattening of the portal's detail page: tables whose cells were glued together.

The crawled records keep each table of dichvucong.gov.vn as the concatenated text of its
cells, with no separator: ``Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp45 Ngày làm
việc4,500,000 Việt Nam Đồng(…)Cách thức thực hiện: …``. The portal fills those cells from
fixed vocabularies (the three methods, "N Ngày làm việc", "Miễn phí", "N bản chính,M bản
sao"), so the cell borders can be found again from those words. Every function here
returns the pieces as written (NFC), with the 1-based row they came from; nothing is
parsed into values (the builder does that).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tthc import fields
from tthc.text import nfc

UPPER = "A-ZĐÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ"
LOWER = "a-zđàáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ"
NO_INFO = "Không có thông tin"

# -- cách thức thực hiện ---------------------------------------------------------------

CHANNEL_HEADER = "Hình thức nộpThời gianPhí, lệ phíMô tả"
_METHOD = re.compile(r"(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)(?=[0-9" + UPPER + r"])")
_UNIT = r"(?:Ngày làm việc|Ngày|Giờ|Tháng|Năm|Tuần|Phút)"
_TIME_WITH_UNIT = re.compile(r"\d+(?:[.,]\d+)? ?" + _UNIT)
_CURRENCY = r"(?:Việt Nam Đồng|VNĐ|Đồng|USD|EUR)"
_AMOUNT = re.compile(r"(\d[\d,.]*) ?" + _CURRENCY)
# where the fee cell starts: the portal writes an amount and its currency, "Miễn phí", or nothing
_FEE_START = re.compile(r"Miễn phí|" + NO_INFO + r"|\d[\d,.]* ?" + _CURRENCY + r"| ?VNĐ")
_DIGITS = re.compile(r"\d+")
_WELL_FORMED_AMOUNT = re.compile(r"0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*")


@dataclass(slots=True)
class ChannelRow:
    row: int  # 1-based, in the order of the table
    method: str
    time: str | None
    fee: str | None
    description: str | None
    glued: str | None = None  # "120 VNĐ": a bare time ran into the amount; how it was split


def channel_rows(text: str) -> list[ChannelRow] | None:
    """The rows of the "Cách thức thực hiện" table; None when the text is not that table."""
    body = text.strip()
    if not body.startswith(CHANNEL_HEADER):
        return None
    body = body[len(CHANNEL_HEADER) :]
    starts: list[tuple[int, int, tuple[str | None, str | None, int, str | None]]] = []
    for m in _METHOD.finditer(body):
        if starts and m.start() < starts[-1][1]:
            continue  # inside the time/fee cells of the row before
        cells = _time_and_fee(body, m.end())
        if cells is None:
            continue  # a method named in a description ("Trực tuyếnTrực tiếp5 Ngày…"): not a row
        starts.append((m.start(), cells[2], cells))
    rows: list[ChannelRow] = []
    for i, (start, end, (time, fee, _, glued)) in enumerate(starts):
        stop = starts[i + 1][0] if i + 1 < len(starts) else len(body)
        method = _METHOD.match(body, start).group(1)  # type: ignore[union-attr]
        description = body[end:stop].strip() or None
        rows.append(ChannelRow(i + 1, method, time, fee, description, glued))
    return rows


def _time_and_fee(text: str, pos: int) -> tuple[str | None, str | None, int, str | None] | None:
    """(time, fee, end of the fee cell, glued note) of the row whose method ends at ``pos``;
    None when what follows the method is not a time and a fee (a method named in a text)."""
    m = _TIME_WITH_UNIT.match(text, pos)
    if m is not None:
        return (m.group(), *_fee(text, m.end()), None)
    if text.startswith(NO_INFO, pos):
        return (NO_INFO, *_fee(text, pos + len(NO_INFO)), None)
    digits = _DIGITS.match(text, pos)
    if digits is not None:
        glued = _AMOUNT.match(text, pos)
        if glued is not None:
            return _split_glued(text, pos, glued)
        return (digits.group(), *_fee(text, digits.end()), None)
    # free text in the time cell ("Không quy định", "Không phải trả kết quả…"), up to the fee
    fee_at = _FEE_START.search(text, pos + 1, min(len(text), pos + 300))
    if fee_at is None or "\n" in text[pos : fee_at.start()]:
        return None
    return (text[pos : fee_at.start()].strip() or None, *_fee(text, fee_at.start()), None)


def _split_glued(text: str, pos: int, glued: re.Match[str]) -> tuple[str | None, str | None, int, str | None]:
    """ "120 VNĐ(20.000 vnđ /tờ khai)": a bare time ("1") ran into the amount ("20 VNĐ").

    The shortest time that leaves a well-formed amount is taken (the portal's bare times
    are one digit in every record seen); the caller reports the split. An amount with no
    such split ("5,000,000 VNĐ") is a fee with no time."""
    run = glued.group(1)
    for cut in range(1, min(len(run), 4)):
        if run[:cut].isdigit() and _WELL_FORMED_AMOUNT.fullmatch(run[cut:]):
            return (run[:cut], *_fee(text, pos + cut), text[pos : glued.end()])
    return (None, *_fee(text, pos), None)


def _fee(text: str, pos: int) -> tuple[str | None, int]:
    """The fee cell starting at ``pos``: its token plus a bracketed note; (None, pos) if none."""
    m = _FEE_START.match(text, pos)
    if m is None:
        return None, pos
    end = m.end()
    if text.startswith("(", end):
        end = _close(text, end)
    return text[pos:end].strip(), end


def _close(text: str, start: int) -> int:
    """The end of the bracket opened at ``start`` (the end of the text if it never closes)."""
    depth = 0
    for i in range(start, len(text)):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
    return len(text)


# -- thành phần hồ sơ ------------------------------------------------------------------

DOSSIER_HEADER = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"
# the "Số lượng" cell: "2 bản chính", "0 bản chính,1 bản sao". The portal writes it with no
# leading zero straight after the name (no space, no bracket), so its digit may run into the
# name's last number ("Nghị định 1161 bản chính" is "Nghị định 116" + "1 bản chính");
# "(01 bản chính)" or ": 01 bản chính;" inside a name are the name's own words.
_COUNT_CELL = re.compile(r"(\d) bản chính(?:,(\d+) bản sao)?(?! [" + LOWER + r"])")
_FORM_EXT = re.compile(r"\.(?:docx?|pdf|xlsx?|rar|zip|odt|ods|jpe?g|png)$", re.IGNORECASE)
# where a form's file name may start inside the name cell: a glue between the name's last
# word and the file name ("…tài sảnMau TP DGTS 06.doc", "…vật chất.Mẫu số 65.docx",
# "…TT-BNNMTMẫu số 01.docx", "…Mẫu TP-QTV-01Mẫu TP-QTV-01.docx"), never inside "QĐ-TTg"
_FILE_START = re.compile(
    r"(?<=[" + LOWER + r"])(?=[" + UPPER + r"])"
    r"|(?<=[^\d][.;:,])(?=[0-9" + UPPER + LOWER + r"])"  # "…vật chất.Mẫu số 65.docx", "…trắng.mau so 12.doc"
    r"|(?<=\))(?=[0-9" + UPPER + r"])"
    r"|(?<=\d)(?=[" + UPPER + r"][" + LOWER + r"])"  # "…theo Mẫu TP-QTV-01Mẫu TP-QTV-01.docx"
    r"|(?<=[" + UPPER + r"])(?!Tg\b)(?=[" + UPPER + r"][" + LOWER + r"])"
    r"|(?<=[^\s(])(?=(?:[Mm](?:ẫu|au)|MẪU|MAU)[\s\d_.\-])"  # "…góp vốnmẫu số 2 nđ 88.docx"
)
_SENTENCE = re.compile(r"[.;:] \S")


@dataclass(slots=True)
class DossierRow:
    row: int  # 1-based over the whole field, headings not counted
    name: str  # the "Tên giấy tờ" cell
    counts: str | None  # the "Số lượng" cell
    form: str | None  # the "Mẫu đơn, tờ khai" cell (a file name)
    group: str | None  # the heading of the table the row is in


@dataclass(slots=True)
class Dossier:
    rows: list[DossierRow] = field(default_factory=list)
    tables: int = 0
    count: int = 0  # rows read, separators included


def dossier_rows(text: str) -> Dossier | None:
    """The rows of the "Thành phần hồ sơ" tables; None when the text holds no such table."""
    if DOSSIER_HEADER not in text:
        return None
    parts = text.split(DOSSIER_HEADER)
    out = Dossier(tables=len(parts) - 1)
    heading = _heading(parts[0])
    for i, body in enumerate(parts[1:]):
        last = i == len(parts) - 2
        cells = [m for m in _COUNT_CELL.finditer(body) if _is_cell(body, m.start(), m.end())]
        pos = 0
        for m in cells:
            _add_row(out, body[pos : m.start()], m.group(0), heading)
            pos = m.end()
        tail = body[pos:]
        if last:
            if tail.strip():
                _add_row(out, tail, None, heading)  # a last row with no count
        else:
            heading = _heading(tail)  # the text between a table's last count and the next header
    return out


def _is_cell(text: str, at: int, end: int) -> bool:
    """Whether the count digit at ``at`` starts a "Số lượng" cell rather than the name's words."""
    start = at
    while start > 0 and text[start - 1].isdigit():
        start -= 1
    before = text[start - 1] if start > 0 else ""
    if before in (" ", "("):
        # " 01 bản chính": the name's words; " 1161 …": glued; " 051 bản chính": "Mẫu số 05" + "1"
        # (a count with a leading zero has one digit after it)
        return start < at and (text[start] != "0" or at - start >= 2)
    if text[start] == "0" and start < at:
        # "…bản sao01 bản chính Biên bản…" starts the next name; "…BM.NCC.20.031 bản chínhMột…" is
        # "20.03" + a cell: a cell runs straight into the next row
        return not text.startswith(" ", end)
    return True


def _heading(text: str) -> str | None:
    text = text.strip()
    return None if text.strip("-– ") == "" else text


# a row that names no paper but specifies the one it belongs to ("- Tỷ lệ bản đồ 1:5.000 hoặc
# 1:10.000 …", bo-nong-nghiep-mt/1.000055): the portal's count cell beside it counts nothing
_SPECIFICATION = re.compile(r"^[-+*•–\s]*tỷ lệ bản đồ\b", re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")


def _add_row(out: Dossier, cell: str, counts: str | None, group: str | None) -> None:
    name, form = split_form(cell.strip())
    if not name:
        return
    out.count += 1  # rows are numbered as the portal shows them, a skipped one included
    if not _LETTER.search(name):
        return  # "****" (bo-tai-chinh/1.014565): a separator, not a paper
    if _SPECIFICATION.match(nfc(name)):
        counts = None
    out.rows.append(DossierRow(out.count, name, counts, form, group))


def split_form(cell: str) -> tuple[str, str | None]:
    """("Đơn xin nhận con nuôi;", "1.nxinnhnconnui.doc") from the glued name and form cells."""
    if not _FORM_EXT.search(cell):
        return cell, None
    last = None
    for m in _FILE_START.finditer(cell):
        at = m.start()
        if at == 0 or not cell[:at].strip(" -+*"):
            continue
        tail = cell[at:]
        if _FORM_EXT.fullmatch("." + tail.lstrip(".")):
            continue  # "…báo cáo pop sửa.docx": the extension itself, not a new file name
        last = at
        if len(tail) <= 150 and not _SENTENCE.search(tail):
            return cell[:at].rstrip(), tail
    if last is not None:
        return cell[:last].rstrip(), cell[last:]
    return cell, None


# -- kết quả xử lý -----------------------------------------------------------------------

# The page after the results: keywords, description, then the agency picker and buttons.
_CHROME = "Chọn cơ quan thực hiện"
_KEYWORDS = fields.PAGE_ITEM_BY_KEY["keywords"].vi  # "Từ khóa"
_DESCRIPTION = fields.PAGE_ITEM_BY_KEY["description"].vi  # "Mô tả"
_RESULT_CODE = re.compile(r"Mã: ?([0-9A-Za-z][0-9A-Za-z.\-]*\d)")


@dataclass(slots=True)
class ResultPart:
    name: str
    code: str | None


@dataclass(slots=True)
class Results:
    items: list[ResultPart] = field(default_factory=list)
    keywords: str | None = None  # "Từ khóa"
    description: str | None = None  # "Mô tả"


def results(text: str) -> Results:
    """Results with their codes, keywords and description, without the page chrome."""
    body = text.split(_CHROME)[0]
    out = Results()
    keywords_at = body.rfind(_KEYWORDS)
    if keywords_at >= 0:
        tail = body[keywords_at + len(_KEYWORDS) :]
        body = body[:keywords_at]
        keywords, _, description = tail.partition(_DESCRIPTION)
        out.keywords = keywords.strip() or None
        out.description = description.strip() or None
    pos = 0
    for m in _RESULT_CODE.finditer(body):
        name = body[pos : m.start()].strip()
        if name:
            out.items.append(ResultPart(name, m.group(1)))
        pos = m.end()
    rest = body[pos:].strip()
    if rest:
        out.items.append(ResultPart(rest, None))
    return out
