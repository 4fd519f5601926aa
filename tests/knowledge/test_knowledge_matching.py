"""The matching key, once-only document types and the targets."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tthc.knowledge import keyed, load_knowledge
from tthc.knowledge.textkey import PhraseMatcher, phrase_key
from tthc.text import match_key

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
TEXT = st.text(alphabet=VIETNAMESE + " \t\n,.-–()/0123456789\u0300\u0301\u0323", max_size=60)


@given(TEXT)
def test_key_is_match_key_with_dashes_unified_and_positions_known(text):
    kt = keyed(text)
    assert kt.key == phrase_key(text)
    assert kt.offsets is not None and len(kt.offsets) == len(kt.key)
    if "-" not in text and "–" not in text:
        assert kt.key == match_key(unicodedata.normalize("NFC", text))


@given(TEXT)
def test_key_of_nfd_equals_key_of_nfc(text):
    assert keyed(unicodedata.normalize("NFD", text)).key == keyed(unicodedata.normalize("NFC", text)).key


@given(st.lists(st.sampled_from(["sổ", "hộ", "khẩu", "Hoà", "hòa", "Bình", "tịch", "x"]), max_size=8))
def test_reported_text_is_the_matched_words(words):
    text = " ".join(words)
    hit = PhraseMatcher(["sổ hộ khẩu", "hòa bình"]).search(text)
    if hit is not None:
        assert hit.found == text[hit.start : hit.end]
        assert phrase_key(hit.found) == phrase_key(hit.variant)


def test_offsets_survive_nfd_and_tone_placement():
    text = unicodedata.normalize("NFD", "Tỉnh  Hoà Bình và Uỷ ban")
    kt = keyed(text)
    assert kt.text == unicodedata.normalize("NFC", text)
    i = kt.key.index(phrase_key("hòa bình"))
    assert kt.original(i, i + len(phrase_key("hòa bình"))) == "Hoà Bình"


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


@pytest.mark.parametrize(
    ("line", "type_id"),
    [
        ("Bản sao Căn cước công dân hoặc Chứng minh nhân dân", "identity_card"),
        ("01 bản photo thẻ CCCD", "identity_card"),
        ("Giấy xác nhận thông tin về cư trú", "residence_confirmation"),
        ("Bản sao có chứng thực Giấy khai sinh của trẻ em", "birth_certificate"),
        (unicodedata.normalize("NFD", "Giấy xác nhận tình trạng hôn nhân"), "marriage_status"),
        ("Bản sao Giấy chứng nhận đăng ký doanh nghiệp", "business_registration"),
        (
            "Bản sao Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất",
            "land_use_certificate",
        ),
        ("Phiếu lý lịch tư pháp số 1", "judicial_record"),
        ("Bản sao thẻ BHYT", "health_insurance_card"),
        ("Giấy chứng nhận đăng ký xe mô tô", "vehicle_registration"),
        ("Bản sao Giấy phép lái xe", "driving_licence"),
    ],
)
def test_once_only_types(kb, line, type_id):
    kind, _variant = kb.once_only_match(line)
    assert kind.id == type_id
    assert kind.database.startswith("Cơ sở dữ liệu")


@pytest.mark.parametrize(
    "line",
    [
        "Tờ khai đăng ký khai sinh (theo mẫu)",  # the form of the procedure that issues it
        # the original the land registry writes on (issue #16, bo-tai-chinh 1.012996)
        "Giấy chứng nhận quyền sử dụng đất (bản gốc)",
        "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp",
        "Giấy đề nghị đăng ký doanh nghiệp",
        "Giấy khai đăng ký xe",
        "Giấy chứng nhận đăng ký xe máy chuyên dùng",  # another register
        "Bản dịch Giấy khai sinh do cơ quan có thẩm quyền nước ngoài cấp",
        "Giấy phép lái xe quốc tế",
        "Giấy chứng sinh",
        "Đơn đề nghị (Mẫu số 01)",
    ],
)
def test_once_only_false_friends(kb, line):
    assert kb.once_only_match(line) is None


def test_once_only_list_is_the_ten_named_types(kb):
    assert len(kb.once_only_types()) == 10
    assert all(t.confirmed for t in kb.once_only_types())


def test_targets(kb):
    t = kb.targets
    assert t.processing_time_cut_percent == Decimal(30)
    assert t.get("processing_time_cut").source == ("Nghị quyết 66/NQ-CP (26/3/2025)", "Resolution 66/NQ-CP (26/3/2025)")
    assert t.previous_cut_percent == Decimal(20)
    assert t.unused_years == 5
    assert t.hourly_income == Decimal(40000) and t.hours_per_working_day == Decimal(8)
    # the worked example of Đồng Nai QĐ 2816: 10 days x 8 h x 40.000 đ x 10 dossiers
    assert 10 * t.hours_per_working_day * t.hourly_income * 10 == Decimal(32_000_000)


def test_scm_hours_are_an_assumption_loaded_by_default(kb):
    scm = kb.targets.get("scm_hours")
    assert scm.assumption and not scm.confirmed
    assert set(kb.targets.scm_hours) == {
        "reading_up",
        "gathering_papers",
        "copies_certification",
        "filling_forms",
        "travel",
        "waiting",
        "collecting_result",
    }


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Pháp luật quy định người yêu cầu phải có mặt để đối chiếu", "presence_required_by_law"),
        ("Cần kiểm tra thực tế tại cơ sở sản xuất", "on_site_inspection"),
        ("Do sự cố kỹ thuật của hệ thống", "technical_incident"),
        ("Chưa bố trí được", None),
        (None, None),
    ],
)
def test_partial_online_reasons(kb, text, reason):
    assert kb.targets.partial_reason(text) == reason
