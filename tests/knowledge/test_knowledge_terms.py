"""Outdated-term matching on real-looking catalog text."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from tthc.knowledge import load_knowledge


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


def first_match(kb, category: str, text: str) -> str | None:
    for term in kb.terms(category):
        found = term.matches(text)
        if found:
            return found
    return None


@pytest.mark.parametrize(
    ("text", "variant"),
    [
        ("Bản sao Sổ hộ khẩu hoặc Sổ tạm trú của người đề nghị", "sổ hộ khẩu"),
        ("01 bản sao sổ tạm trú (KT3)", "sổ tạm trú"),
        ("Giấy chuyển hộ khẩu (nếu có)", "giấy chuyển hộ khẩu"),
        ("Có hộ khẩu thường trú tại địa phương", "hộ khẩu thường trú"),
        ("Xuất trình Sổ hộ khẩu gia đình", "sổ hộ khẩu"),
        ("Sổ tạm trú KT3", "sổ tạm trú"),
        ("Bản photo KT3", "KT3"),
    ],
)
def test_household_book(kb, text, variant):
    assert first_match(kb, "household_book", text) == variant
    assert first_match(kb, "household_book", nfd(text)) == variant
    assert first_match(kb, "household_book", text.upper()) == variant


@pytest.mark.parametrize(
    "text",
    [
        "Sổ hộ tịch",
        "Trích lục từ Sổ hộ tịch",
        "Giấy xác nhận thông tin về cư trú",
        "Đăng ký tạm trú tại Công an xã",
        "Giấy tờ chứng minh nơi cư trú (thay cho sổ hộ khẩu)",
        "Không yêu cầu xuất trình sổ hộ khẩu",
        "Hộ kinh doanh khẩu trang",
    ],
)
def test_household_book_false_friends(kb, text):
    assert first_match(kb, "household_book", text) is None


def test_household_book_is_outdated_from_2023(kb):
    term = kb.term("household_book")
    assert not term.is_outdated_at(dt.date(2022, 12, 31))
    assert term.is_outdated_at(dt.date(2023, 1, 1))
    assert "104/2022/NĐ-CP" in term.replacement and "Điều 14" in term.replacement
    assert term.date_confirmed


@pytest.mark.parametrize(
    "text",
    [
        "Ủy ban nhân dân cấp huyện",
        "Uỷ ban nhân dân cấp huyện",  # tone on the y
        "UBND huyện Kim Bảng",
        "Chủ tịch UBND cấp huyện ký Quyết định",
        "Ủy ban nhân dân quận Hải Châu",
        "UBND thị xã Phú Mỹ",
        "Phòng Tư pháp thuộc UBND cấp huyện",
        "Nộp tại Phòng Tư pháp huyện Kim Bảng",
        "Phòng Lao động – Thương binh và Xã hội huyện Duy Tiên",
        "Phòng Lao động-Thương binh và Xã hội huyện",
        "Phòng LĐ-TB&XH quận Hải Châu",
        "Phòng Tài nguyên và Môi trường thị xã Phú Mỹ",
        "Ủy ban nhân dân thành phố thuộc tỉnh",
    ],
)
def test_district_level(kb, text):
    assert first_match(kb, "district_level", text)
    assert first_match(kb, "district_level", nfd(text))


@pytest.mark.parametrize(
    "text",
    [
        "Sở Tư pháp tỉnh Ninh Bình",
        "Phòng Hành chính tư pháp - Sở Tư pháp",
        "Văn phòng Tư pháp",
        "UBND cấp xã",
        "Ủy ban nhân dân tỉnh",
        "Sở Lao động - Thương binh và Xã hội",
        "Ủy ban nhân dân thành phố Hà Nội",
        # a bare office name is ambiguous (the 2026 Bộ Tư pháp export lists "Phòng Tư Pháp"
        # for 1.001669): only offices named as district ones are reported
        "Nộp tại Phòng Tư pháp",
        "Phòng Tài nguyên và Môi trường",
        # a level as a career or a facility grade, a unit dated before the reform (issue #16)
        "Khi tiếp nhận vào công chức đối với trường hợp đã từng là cán bộ, công chức từ cấp huyện trở lên",
        "biên bản kiểm thảo tử vong của bệnh viện cấp huyện trở lên",
        "Giấy ra viện của bệnh viện tuyến huyện",
        "thẻ Kiểm tra viên điện lực cấp huyện",
        "Giấy xác nhận của cơ quan có chức năng quản lý về xây dựng cấp huyện trước ngày 01 tháng 7 năm 2025",
        # new 2025 tax units, not district offices
        "Chi cục Thuế doanh nghiệp lớn",
    ],
)
def test_district_level_false_friends(kb, text):
    assert first_match(kb, "district_level", text) is None


@pytest.mark.parametrize(
    ("text", "term_id", "successor"),
    [
        # real strings: chatbot_tthc bo-tu-phap/2.001023, bo-cong-an/1.004045, nhdandz 1.013521, bo-tai-chinh/1.008566
        (
            "chuyển cho Bảo hiểm xã hội cấp huyện để cấp Thẻ bảo hiểm y tế",
            "district_level.social_insurance",
            "Bảo hiểm xã hội tỉnh",
        ),
        ("Công an cấp huyện", "district_level.police", "Công an cấp tỉnh"),
        ("+ Công an cấp quận, huyện thẩm tra về tiêu chuẩn", "district_level.police", "Công an cấp xã"),
        ("Ban chỉ huy quân sự huyện", "district_level.military", "Ban chỉ huy phòng thủ khu vực"),
        ("Chi cục thuế gửi hồ sơ đề nghị Cục Thuế", "district_level.tax", "Thuế cơ sở"),
        ("Tòa án nhân dân cấp huyện", "district_level.court", "Tòa án nhân dân khu vực"),
    ],
)
def test_vertical_district_units_name_their_successor(kb, text, term_id, successor):
    """DOMAIN §3a: the unit, not the word; the successor named; its facts said to be unconfirmed."""
    for form in (text, nfd(text)):
        term = next((t for t in kb.terms("district_level") if t.matches(form)), None)
        assert term is not None and term.id == term_id
    assert successor in term.replacement
    assert "CHƯA XÁC NHẬN" in term.reason and not term.date_confirmed


def test_district_level_recommends_the_sector_decree_not_the_commune(kb):
    for term in kb.terms("district_level"):
        if term.id not in ("district_level.name", "district_level.committee", "district_level.office"):
            continue  # vertical agencies name their own successor
        assert "151/2025/NĐ-CP" in term.replacement
        assert "không mặc định chuyển về cấp xã" in term.replacement
        assert term.invalid_from == dt.date(2025, 7, 1)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Dịch vụ công trực tuyến mức độ 4", "Dịch vụ công trực tuyến mức độ 4"),
        ("DVC trực tuyến mức độ 3", "DVC trực tuyến mức độ 3"),
        ("Cung cấp DVCTT mức 3", "DVCTT mức 3"),
        (nfd("Thực hiện trực tuyến mức độ 2"), "trực tuyến mức độ 2"),
        ("Dịch vụ công trực tuyến: Mức độ 3", "Dịch vụ công trực tuyến: Mức độ 3"),
    ],
)
def test_legacy_online_level_in_any_text(kb, text, found):
    assert kb.term("legacy_online_level").matches(text) == unicodedata.normalize("NFC", found)


def test_legacy_online_level_bare_is_for_the_online_field(kb):
    bare = kb.term("legacy_online_level.bare")
    assert bare.fields == ("online_service",)
    assert bare.matches("Mức độ 3, 4") == "Mức độ 3, 4"
    assert bare.matches("Mức độ 4") == "Mức độ 4"
    assert bare.matches("Mức độ 34") is None
    assert kb.term("legacy_online_level").matches("Đánh giá mức độ hài lòng") is None
    assert kb.term("legacy_online_level").matches("Toàn trình") is None


def test_legacy_online_level_date_is_believed_but_the_rule_still_fires_today(kb):
    term = kb.term("legacy_online_level")
    assert term.confirmed and not term.date_confirmed
    assert term.invalid_from == dt.date(2022, 8, 1)
    assert term.is_outdated_at(dt.date(2026, 11, 28))


@pytest.mark.parametrize(
    ("term_id", "text"),
    [
        ("place_bound.residence", "Nộp hồ sơ tại UBND cấp xã nơi cư trú"),
        ("place_bound.residence", "Công an cấp xã nơi đăng ký thường trú"),
        # a provincial body "nơi doanh nghiệp đặt trụ sở" names who decides (issue #16): see false friends
        ("place_bound.head_office", "nộp hồ sơ đến cơ quan đăng ký kinh doanh cấp xã nơi đặt trụ sở chính"),
        ("place_bound.residence_filing", "Cá nhân nộp hồ sơ đến Ủy ban nhân dân cấp xã nơi cư trú"),
        ("place_bound.first_issue", "Nộp tại cơ quan đã cấp lần đầu"),
        ("place_bound.originals", "Người nộp phải nộp bản chính Giấy chứng nhận"),
        ("place_bound.in_person_result", "Người yêu cầu trực tiếp đến nhận kết quả và ký nhận"),
    ],
)
def test_place_bound(kb, term_id, text):
    term = kb.term(term_id)
    assert term.category == "place_bound"
    assert term.matches(text)
    assert term.invalid_from == dt.date(2025, 11, 18)


@pytest.mark.parametrize(
    ("term_id", "text"),
    [
        ("place_bound.residence", "Tiếp nhận không phụ thuộc vào nơi cư trú trong tỉnh"),
        ("place_bound.residence", "Ghi rõ địa chỉ nơi cư trú"),
        ("place_bound.originals", "Bản sao kèm bản chính để đối chiếu"),
        ("place_bound.in_person_result", "Trực tiếp nhận kết quả hoặc qua dịch vụ bưu chính công ích"),
        # competence clauses and lifted restrictions (issue #16; real strings 1.000614, 1.005461)
        ("place_bound.head_office", "Sở Kế hoạch và Đầu tư nơi doanh nghiệp đặt trụ sở chính"),
        ("place_bound.head_office", "đăng ký hoạt động tại Sở Tư pháp, nơi đặt trụ sở của Chi nhánh"),
        (
            "place_bound.residence_filing",
            "Trường hợp cá nhân lựa chọn thực hiện thủ tục hành chính về hộ tịch không phải tại Ủy ban nhân dân cấp xã "
            "nơi thường trú hoặc nơi tạm trú thì Ủy ban nhân dân cấp xã nơi tiếp nhận yêu cầu có trách nhiệm hỗ trợ",
        ),
        ("place_bound.originals", "nộp bản gốc Giấy chứng nhận đã cấp"),
    ],
)
def test_place_bound_false_friends(kb, term_id, text):
    assert kb.term(term_id).matches(text) is None


def test_cmnd_only_is_unconfirmed_and_off_by_default(kb):
    assert kb.terms("cmnd_only") == []
    term = load_knowledge(include_unconfirmed=True).term("cmnd_only")
    assert not term.confirmed and not term.date_confirmed
    assert term.matches("Bản sao Chứng minh nhân dân") == "Chứng minh nhân dân"
    assert term.matches("Bản sao CMND hoặc thẻ Căn cước công dân") is None


def test_matching_never_folds_to_ascii(kb):
    term = kb.term("household_book")
    assert term.matches("So ho khau") is None
    assert term.matches("sổ hộ khâu") is None  # a different word, not a tone variant


def test_tone_placement_does_not_matter(kb):
    term = kb.term("district_level.office")
    assert term.matches("Phòng Văn hóa và Thông tin huyện") and term.matches("Phòng Văn hoá và Thông tin huyện")


def test_search_reports_the_text_as_written(kb):
    hit = kb.term("household_book").search("Nộp bản sao SỔ HỘ KHẨU")
    assert (hit.variant, hit.found, hit.start, hit.end) == ("sổ hộ khẩu", "SỔ HỘ KHẨU", 12, 22)


def test_reason_text_carries_both_languages(kb):
    term = kb.term("household_book")
    assert "Luật Cư trú" in term.reason_text().text("vi")
    assert term.reason_text().text("en").startswith("Household")
