"""What makes the plan a document one can file (Nghị định 30/2020/NĐ-CP, Phụ lục I).

The issuing body at the top left, "Số: …/PA-…", the place and date line, the signature
block and "Nơi nhận". The issuing body defaults to the catalog's issuer, but never to a body
the knowledge base says is gone at the plan's date: a merged province becomes the province
it merged into (the knowledge names it); a district body (the district level ended on
1/7/2025) has no single successor, so ``--issuer`` is then required.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tthc.errors import TthcError
from tthc.i18n import T
from tthc.text import match_key

if TYPE_CHECKING:
    from tthc.knowledge import Knowledge
    from tthc.model import Catalog

RECORDS_LINE = "Lưu: VT."  # the last line of "Nơi nhận" (Nghị định 30/2020, Phụ lục I)
BLANK_NUMBER = "      "  # the number is given when the văn thư registers the document
BLANK = "……"  # a blank the officer fills in
# The unit word before a place name: "UBND tỉnh Đồng Nai" -> "Đồng Nai".
_UNIT = re.compile(r"(?:^|\s)(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s+(.+?)\s*$", re.I)
_COMMITTEE = re.compile(r"^(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)(?:\s|$)", re.I)
_CHAIR = re.compile(r"^(?:chủ tịch|ct\.)\s+", re.I)


class FilingError(TthcError, ValueError):
    """The plan cannot be made fileable without more options (the CLI prints one line, exit 2)."""


@dataclass(frozen=True)
class Filing:
    issuer: str  # the issuing body as written (the writers set it in upper case)
    number: str  # "Số: 15/PA-UBND", or "Số:       /PA-UBND" left for the văn thư
    place: str  # "Ninh Bình"
    date: dt.date
    signer: str | None = None
    signer_title: tuple[str, ...] = ()  # ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    recipients: tuple[str, ...] = ()  # every line of "Nơi nhận", the records line last
    note: T | None = None  # why the issuer is not the catalog's (told on stderr)

    @property
    def place_date(self) -> str:
        """ "Ninh Bình, ngày 02 tháng 12 năm 2026"."""
        return f"{self.place}, {official_date(self.date)}"

    @property
    def issuer_lines(self) -> list[str]:
        return issuer_lines(self.issuer)


def official_date(day: dt.date) -> str:
    """The date as Nghị định 30/2020 writes it: "ngày 02 tháng 12 năm 2026", "ngày 15 tháng 9 năm 2026".

    Phụ lục I: days below 10 and the months 1 and 2 take a leading zero ("ngày 05 tháng 02"),
    the other months none ("tháng 9", never "tháng 09").
    """
    return f"ngày {day.day:02d} {official_month(day)}"


def official_month(day: dt.date) -> str:
    """The month and year as Nghị định 30/2020 writes them: "tháng 02 năm 2026", "tháng 9 năm 2026"."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"tháng {month} năm {day.year}"


def issuer_lines(issuer: str) -> list[str]:
    """ "UBND tỉnh Đồng Nai\\nSở Tư pháp" -> two lines; one line otherwise."""
    return [line.strip() for line in issuer.replace(" - ", "\n").split("\n") if line.strip()] if issuer else []


def resolve_filing(
    catalogs: Sequence[Catalog],
    knowledge: Knowledge | None,
    as_of: dt.date,
    *,
    issuer: str | None = None,
    number: str | None = None,
    place: str | None = None,
    date: dt.date | None = None,
    signer: str | None = None,
    signer_title: Sequence[str] = (),
    recipients: Sequence[str] = (),
) -> Filing:
    """The filing details from the options, else from the catalogs.

    FilingError when the catalog's issuing body no longer exists and has no single
    successor; an issuer or place that cannot be known is left blank (``Filing.note`` says so).
    """
    notes: list[T | None] = []
    if issuer is None:
        issuer, note = _default_issuer(catalogs, knowledge, as_of)
        notes.append(note)
    issuer = issuer.strip()
    chosen_place = place.strip() if place else place_of(issuer)
    if not chosen_place:  # left for the officer to fill in, and said so
        chosen_place = BLANK
        notes.append(
            T(
                "dòng địa danh để trống: tên cơ quan ban hành không nêu địa danh; dùng --place, ví dụ --place 'Ninh Bình'",
                "the place is left blank: the issuing body names no place; use --place, e.g. --place 'Ninh Bình'",
            )
        )
    lines = [r.strip().rstrip(";.") for r in recipients if r.strip()]
    return Filing(
        issuer=issuer,
        number=plan_number(number, issuer),
        place=chosen_place,
        date=date or as_of,
        signer=signer.strip() if signer and signer.strip() else None,
        signer_title=tuple(t.strip() for t in signer_title if t.strip()) or default_signer_title(issuer),
        recipients=(*lines, RECORDS_LINE),
        note=T.join("; ", [n for n in notes if n]) if any(notes) else None,
    )


def _default_issuer(catalogs: Sequence[Catalog], knowledge: Knowledge | None, as_of: dt.date) -> tuple[str, T | None]:
    """The first catalog's issuer as it stands at ``as_of`` (with why it changed), else FilingError."""
    written = next((c.issuer.strip() for c in catalogs if c.issuer and c.issuer.strip()), None)
    if written is None:  # left for the officer to fill in, and said so
        return "", T(
            "cơ quan ban hành để trống: danh mục không ghi; dùng --issuer, ví dụ --issuer 'UBND TỈNH NINH BÌNH'",
            "the issuing body is left blank: the catalog names none; use --issuer, e.g. --issuer 'UBND TỈNH NINH BÌNH'",
        )
    body = _CHAIR.sub("", written)  # "Chủ tịch UBND tỉnh …" decides; the plan is the committee's
    if knowledge is None:
        return body, None
    gone = _district_body(body, knowledge, as_of)
    if gone is not None:
        suggestion = _province_suggestion(catalogs, knowledge, as_of)
        raise FilingError(
            T(
                f"cơ quan ban hành của danh mục '{written}' không còn từ {gone:%d/%m/%Y} (cấp huyện chấm dứt hoạt động) "
                f"và không có một cơ quan kế thừa duy nhất; ghi cơ quan ban hành phương án bằng --issuer, ví dụ --issuer '{suggestion}'",
                f"the catalog's issuing body '{written}' no longer exists since {gone:%d/%m/%Y} (the district level ended) "
                f"and has no single successor; name the plan's issuing body with --issuer, e.g. --issuer '{suggestion}'",
            )
        )
    now = successor_name(body, knowledge, as_of)
    if now != body:
        return now, T(
            f"cơ quan ban hành: '{written}' nay là '{now}' (sắp xếp đơn vị hành chính cấp tỉnh); đổi bằng --issuer",
            f"issuing body: '{written}' is now '{now}' (provinces merged); change it with --issuer",
        )
    return body, None


def _district_body(name: str, knowledge: Knowledge, as_of: dt.date) -> dt.date | None:
    """The day a district body named in ``name`` ceased, if it has."""
    level = knowledge.abolished_level("district")
    if level is None or not level.is_abolished_at(as_of):
        return None
    for term in knowledge.terms("district_level"):
        if term.is_outdated_at(as_of) and term.search(name):
            return level.abolished_from
    return None


def successor_name(name: str, knowledge: Knowledge, as_of: dt.date) -> str:
    """ "UBND TỈNH HÀ NAM" -> "UBND TỈNH NINH BÌNH": merged provinces renamed, case kept."""
    out = name
    for match in sorted(knowledge.find_merged_provinces(name), key=lambda m: -m.start):
        province = match.province
        if province.effective and as_of < province.effective:
            continue
        new = province.new_short_name
        if match.found.isupper():
            new = new.upper()
        out = out[: match.start] + new + out[match.end :]
    return out


def _province_suggestion(catalogs: Sequence[Catalog], knowledge: Knowledge, as_of: dt.date) -> str:
    """ "UBND TỈNH NINH BÌNH" for a catalog located in "…, tỉnh Hà Nam"; a placeholder otherwise."""
    for catalog in catalogs:
        for text in (catalog.locality, catalog.issuer):
            for match in knowledge.find_merged_provinces(text or ""):
                return f"UBND TỈNH {match.province.new_short_name.upper()}"
            found = re.search(r"tỉnh\s+([^,]+)", text or "", re.I)
            if found:
                return f"UBND TỈNH {found.group(1).strip().upper()}"
    return "UBND TỈNH …"


def place_of(issuer: str) -> str | None:
    """The place in the date line: the unit the issuing body is named after.

    "UBND TỈNH NINH BÌNH" -> "Ninh Bình"; "UBND tỉnh Đồng Nai\\nSở Tư pháp" -> "Đồng Nai";
    None when no line names a unit ("BỘ TƯ PHÁP").
    """
    for line in issuer_lines(issuer):
        found = _UNIT.search(line)
        if found:
            name = found.group(1).strip(" ,.")
            return name.title() if name.isupper() else name
    return None


def issuer_abbreviation(issuer: str) -> str:
    """ "UBND" for a people's committee; the initials otherwise ("Sở Tư pháp" -> "STP")."""
    lines = issuer_lines(issuer)
    if not lines:
        return BLANK
    last = lines[-1]
    if _COMMITTEE.match(last.strip()):
        return "UBND"
    head = _UNIT.sub("", last).strip() or last
    letters = "".join(word[0] for word in re.findall(r"\w+", head))
    return letters.upper() or "……"


def plan_number(number: str | None, issuer: str) -> str:
    """ "Số: 15/PA-UBND" from "15" or "15/PA-UBND"; the number left blank when not given."""
    abbreviation = issuer_abbreviation(issuer)
    if number is None or not number.strip():
        return f"Số: {BLANK_NUMBER}/PA-{abbreviation}"
    number = number.strip()
    if match_key(number).startswith(match_key("số")):
        number = number.split(":", 1)[-1].strip() if ":" in number else number[2:].strip()
    return f"Số: {number}" if "/" in number else f"Số: {number}/PA-{abbreviation}"


def default_signer_title(issuer: str) -> tuple[str, ...]:
    """Who signs for the body (Nghị định 30/2020, Phụ lục I, the "TM." form for a collective body)."""
    lines = issuer_lines(issuer)
    last = lines[-1] if lines else issuer
    key = match_key(last)
    if _COMMITTEE.match(last.strip()):
        return ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    if key.startswith(match_key("sở ")):
        return ("GIÁM ĐỐC",)
    if key.startswith(match_key("bộ ")):
        return ("BỘ TRƯỞNG",)
    return ("THỦ TRƯỞNG CƠ QUAN",)
