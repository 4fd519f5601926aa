"""Filing details: Nghị định 30 dates, numbers, places, signers, and the issuer at the plan's date."""

from __future__ import annotations

import datetime as dt

import pytest

from tthc.knowledge import load_knowledge
from tthc.model import Catalog
from tthc.plan.filing import (
    FilingError,
    default_signer_title,
    official_date,
    official_month,
    place_of,
    plan_number,
    resolve_filing,
)

AS_OF = dt.date(2026, 12, 2)


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (dt.date(2026, 12, 2), "ngày 02 tháng 12 năm 2026"),
        (dt.date(2026, 9, 15), "ngày 15 tháng 9 năm 2026"),  # never "tháng 09"
        (dt.date(2026, 2, 5), "ngày 05 tháng 02 năm 2026"),  # months 1 and 2 take the zero
        (dt.date(2026, 1, 31), "ngày 31 tháng 01 năm 2026"),
        (dt.date(2026, 10, 10), "ngày 10 tháng 10 năm 2026"),
    ],
)
def test_official_dates(day, text) -> None:
    assert official_date(day) == text


@pytest.mark.parametrize(
    ("day", "text"),
    [(dt.date(2026, 2, 5), "tháng 02 năm 2026"), (dt.date(2026, 9, 15), "tháng 9 năm 2026")],
)
def test_official_months(day, text) -> None:
    # the handbook's cover line ("Ninh Bình, tháng 9 năm 2026") and the end of every official date
    assert official_month(day) == text and official_date(day).endswith(text)


def test_numbers_places_and_signers() -> None:
    assert plan_number("15", "UBND TỈNH NINH BÌNH") == "Số: 15/PA-UBND"
    assert plan_number("15/PA-STP", "Sở Tư pháp") == "Số: 15/PA-STP"
    assert plan_number(None, "UBND tỉnh Đồng Nai\nSở Tư pháp").startswith("Số: ") and "/PA-STP" in plan_number(
        None, "UBND tỉnh Đồng Nai\nSở Tư pháp"
    )
    assert place_of("UBND TỈNH NINH BÌNH") == "Ninh Bình"
    assert place_of("UBND tỉnh Đồng Nai\nSở Tư pháp") == "Đồng Nai"
    assert place_of("BỘ TƯ PHÁP") is None
    assert default_signer_title("UBND phường Kim Bảng") == ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    assert default_signer_title("Sở Tư pháp tỉnh Ninh Bình") == ("GIÁM ĐỐC",)


def test_a_merged_province_is_replaced_by_the_one_it_joined() -> None:
    filing = resolve_filing([Catalog(issuer="Chủ tịch UBND TỈNH HÀ NAM")], load_knowledge(), AS_OF)
    assert filing.issuer == "UBND TỈNH NINH BÌNH" and filing.place == "Ninh Bình"
    assert filing.note and "nay là" in filing.note.vi
    before = resolve_filing([Catalog(issuer="UBND tỉnh Hà Nam")], load_knowledge(), dt.date(2025, 6, 30))
    assert before.issuer == "UBND tỉnh Hà Nam"  # judged at the plan's date


def test_a_district_body_asks_for_the_issuer() -> None:
    catalog = Catalog(issuer="UBND huyện Kim Bảng", locality="Huyện Kim Bảng, tỉnh Hà Nam")
    with pytest.raises(FilingError, match="--issuer 'UBND TỈNH NINH BÌNH'"):
        resolve_filing([catalog], load_knowledge(), AS_OF)
    assert resolve_filing([catalog], load_knowledge(), dt.date(2025, 6, 30)).place == "Kim Bảng"


def test_what_cannot_be_known_is_left_blank_and_said() -> None:
    filing = resolve_filing([Catalog()], None, AS_OF, issuer="BỘ TƯ PHÁP")
    assert filing.place_date == "……, ngày 02 tháng 12 năm 2026" and "--place" in filing.note.vi
    assert resolve_filing([Catalog()], None, AS_OF, issuer="BỘ TƯ PHÁP", place="Hà Nội").place == "Hà Nội"
    blank = resolve_filing([Catalog()], None, AS_OF)
    assert blank.issuer == "" and blank.number == "Số:       /PA-……" and "--issuer" in blank.note
