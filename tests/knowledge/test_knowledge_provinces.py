"""Finding names of provinces that ceased on 1/7/2025, and not the many look-alikes."""

from __future__ import annotations

import unicodedata

import pytest

from tthc.knowledge import load_knowledge


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


def found(kb, text: str) -> list[str]:
    return [m.province.short_name for m in kb.find_merged_provinces(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Tỉnh Hà Nam", ["Hà Nam"]),
        ("Sở Tư pháp tỉnh Nam Định", ["Nam Định"]),
        ("SỞ TƯ PHÁP TỈNH HÀ NAM", ["Hà Nam"]),
        ("UBND Tỉnh Bà Rịa - Vũng Tàu", ["Bà Rịa - Vũng Tàu"]),
        ("Công an tỉnh Bà Rịa–Vũng Tàu", ["Bà Rịa - Vũng Tàu"]),
        ("Sở Y tế Hòa Bình", ["Hoà Bình"]),  # the data writes Hoà
        ("Sở Y tế Hoà Bình", ["Hoà Bình"]),
        ("Công an Bình Dương", ["Bình Dương"]),
        ("Sở Nội vụ tỉnh Đăk Nông", ["Đắk Nông"]),  # old spelling
        ("Các tỉnh Hà Nam, Nam Định và Thái Bình", ["Hà Nam", "Nam Định", "Thái Bình"]),
        ("Sở Tư Pháp Tỉnh Hà Nam", ["Hà Nam"]),  # title case
    ],
)
def test_old_province_names_are_found(kb, text, names):
    assert found(kb, text) == names
    assert found(kb, unicodedata.normalize("NFD", text)) == names


@pytest.mark.parametrize(
    "text",
    [
        "Ninh Bình",  # still a province (Hà Nam and Nam Định merged into it)
        "Sở Tư pháp tỉnh Ninh Bình",
        "UBND Thành phố Hồ Chí Minh",
        "UBND phường Hà Nam, tỉnh Ninh Bình",  # a ward named after the old province
        "Phường Nam Định",
        "Xã Hà Nam, thành phố Hải Phòng",
        "Phường Hà Giang 1, tỉnh Tuyên Quang",
        "Hà Giang 2",
        "Phường Hiệp Bình Phước, TP. Thủ Đức",  # old ward; "Bình Phước" inside a longer name
        "Phường Nguyễn Thái Bình, Quận 1",
        "Xã Thái Bình Trung",
        "Số 12 Đại lộ Bình Dương, phường Thủ Dầu Một",
        "Số 5 đường Kiên Giang",
        "Góp phần giữ gìn hòa bình",  # "hòa bình" = peace
        "TP. Bến Tre",  # a city, not the province
        "Hồ sơ đã nộp tại tỉnh Hà Nam (cũ)",  # written on purpose
        "Tỉnh Hà Nam cũ",
        "Hà Namh",
        "Thái Bình Dương",  # the Pacific Ocean
    ],
)
def test_look_alikes_are_not_found(kb, text):
    assert found(kb, text) == []


def test_match_gives_the_new_province_and_the_text_as_written(kb):
    text = "Nộp tại Sở Tư pháp tỉnh Hoà Bình"
    (match,) = kb.find_merged_provinces(text)
    assert match.qualified
    assert match.found == "Hoà Bình" and text[match.start : match.end] == "Hoà Bình"
    assert (match.province.old_code, match.province.new_name) == ("17", "Tỉnh Phú Thọ")


def test_every_ceased_province_is_found_by_its_official_name(kb):
    for province in kb.merged_provinces():
        assert found(kb, f"Ủy ban nhân dân {province.old_name}") == [province.short_name]


def test_no_kept_province_is_found(kb):
    kept = [p for p in kb.provinces if not p.ceased]
    assert len(kept) == 34
    for province in kept:
        assert found(kb, f"Ủy ban nhân dân {province.old_name}") == []
