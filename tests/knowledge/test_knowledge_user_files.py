"""Users' own knowledge files: additions, overrides, switching facts on, and errors."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from tthc.knowledge import DocStatus, KnowledgeError, load_knowledge

D = dt.date


def write(tmp_path: Path, text: str, name: str = "so_tu_phap.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_provincial_register_adds_documents_and_terms(tmp_path):
    path = write(
        tmp_path,
        """\
tthc_knowledge: 1
legal_documents:
  - number: 15/2019/QĐ-UBND
    kind: provincial_decision
    title: Quyết định quy định về phí thẩm định hồ sơ (tỉnh Ninh Bình)
    effective: 01/08/2019
    repealed_from: 2025-10-01
    replaced_by: 40/2025/QĐ-UBND
    source: Sổ theo dõi văn bản của Sở Tư pháp, mục 112
  - number: 40/2025/QĐ-UBND
    kind: provincial_decision
    effective: 2025-10-01
    source: Công báo tỉnh số 45, ngày 20/9/2025
terms:
  - id: local.so_dang_ky_cu
    category: household_book
    variants: [sổ đăng ký tạm vắng]
    invalid_from: 2023-01-01
    source: Luật Cư trú 68/2020/QH14
""",
    )
    kb = load_knowledge([path])
    old = kb.find_document("15/2019/QD-UBND")
    assert old.effective == D(2019, 8, 1)
    assert old.status_at(D(2025, 9, 30)) is DocStatus.IN_FORCE
    assert old.status_at(D(2025, 10, 1)) is DocStatus.REPEALED
    assert kb.successor_of(old).number == "40/2025/QĐ-UBND"
    assert old.confirmed and old.origin.endswith("so_tu_phap.yaml:3")
    assert [t.id for t in kb.terms("household_book")][-1] == "local.so_dang_ky_cu"
    assert kb.term("local.so_dang_ky_cu").matches("Sổ đăng ký tạm vắng") == "sổ đăng ký tạm vắng"
    # the shipped knowledge is untouched
    assert load_knowledge().find_document("15/2019/QĐ-UBND") is None
    assert kb.files[-1] == str(path)


def test_an_override_changes_only_the_fields_it_gives(tmp_path):
    path = write(
        tmp_path,
        """\
legal_documents:
  - number: 66.16/2026/NQ-CP
    expires: 2027-06-30
    source: Nghị quyết 66.16/2026/NQ-CP sau khi được gia hạn (ví dụ)
targets:
  - id: hourly_income
    value: 45000
    year: 2026
    source: Quyết định của UBND tỉnh năm 2026 (ví dụ)
""",
    )
    kb = load_knowledge([path])
    doc = kb.find_document("66.16/2026/NQ-CP")
    assert doc.expires == D(2027, 6, 30)
    assert doc.status_at(D(2027, 3, 1)) is DocStatus.IN_FORCE
    assert doc.temporary and doc.kind.value == "gov_resolution"  # kept from the shipped entry
    assert doc.source.vi.startswith("Nghị quyết 66.16/2026/NQ-CP sau khi")
    assert kb.targets.hourly_income == Decimal(45000)
    assert kb.targets.hours_per_working_day == Decimal(8)


def test_a_user_can_confirm_an_unconfirmed_fact(tmp_path):
    path = write(
        tmp_path,
        """\
legal_documents:
  - number: 43/2011/NĐ-CP
    confirmed: true
    repealed_from: 2022-08-01
    source: Đã đối chiếu điều khoản hiệu lực của Nghị định 42/2022/NĐ-CP (Sở Tư pháp, 2026)
terms:
  - id: cmnd_only
    confirmed: true
    source: Đã đối chiếu Luật Căn cước 2023
""",
    )
    kb = load_knowledge([path])
    doc = kb.find_document("43/2011/NĐ-CP")
    assert doc.confirmed and doc.date_confirmed("repealed_from")
    assert kb.term("cmnd_only").matches("Bản sao CMND")
    assert not kb.term("cmnd_only").date_confirmed  # the date was not restated
    assert kb.find_document("61/2018/NĐ-CP") is None  # the others stay off


def test_an_override_that_only_adds_a_note_keeps_the_fact_off(tmp_path):
    path = write(
        tmp_path,
        "legal_documents:\n  - number: 61/2018/ND-CP\n    note: đang kiểm tra\n    source: ghi chú nội bộ\n",
    )
    assert load_knowledge([path]).find_document("61/2018/NĐ-CP") is None
    assert load_knowledge([path], include_unconfirmed=True).find_document("61/2018/NĐ-CP").note == "đang kiểm tra"


def test_null_removes_a_field(tmp_path):
    text = "legal_documents:\n  - number: 42/2022/NĐ-CP\n    repealed_from: null\n    source: thử\n"
    doc = load_knowledge([write(tmp_path, text)]).find_document("42/2022/NĐ-CP")
    # without its own date, a repealed document ends when its successor starts (unconfirmed)
    assert doc.repealed_from == D(2026, 7, 1) and not doc.date_confirmed("repealed_from")
    text += "    repealed_by: null\n"
    doc = load_knowledge([write(tmp_path, text)]).find_document("42/2022/NĐ-CP")
    assert doc.repealed_from is None and doc.status_at(D(2026, 11, 28)) is DocStatus.IN_FORCE


def test_numbers_without_a_year_are_separate_documents_per_year(tmp_path):
    path = write(
        tmp_path,
        """\
legal_documents:
  - number: 66/NQ-CP
    kind: gov_resolution
    issued: 2019-09-10
    title: Nghị quyết phiên họp Chính phủ (ví dụ)
    source: Sổ theo dõi văn bản
""",
    )
    kb = load_knowledge([path])
    assert kb.find_document("66/NQ-CP", year=2019).issued == D(2019, 9, 10)
    assert kb.find_document("66/NQ-CP", year=2025).issued == D(2025, 3, 26)  # the shipped one stays


def test_later_files_override_earlier_ones(tmp_path):
    a = write(tmp_path, "targets:\n  - id: unused_years\n    value: 3\n    source: a\n", "a.yaml")
    b = write(tmp_path, "targets:\n  - id: unused_years\n    value: 4\n    source: b\n", "b.yaml")
    assert load_knowledge([a, b]).targets.unused_years == 4
    assert load_knowledge([b, a]).targets.unused_years == 3


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("legal_documents:\n  - number: 1/2026/QĐ-UBND\n    effective: 2026-13-01\n    source: x\n", 3, "2026-13-01"),
        ("legal_documents:\n  - number: 1/2026/QĐ-UBND\n    effective: tháng 7/2026\n    source: x\n", 3, "YYYY-MM-DD"),
        ("legal_documents:\n  - number: 1/2026/QĐ-UBND\n    effective: 2026-07-01\n", 2, "source"),
        ("legal_documents:\n  - number: 1/2026/QĐ-UBND\n    source: '  '\n", 3, "trống"),
        ("legal_documents:\n  - number: 1/2026/QĐ-UBND\n    expired: 2026-07-01\n    source: x\n", 3, "expires"),
        ("legal_documents:\n  - number: 1/2026/QĐ-UBND\n    kind: decision\n    source: x\n", 3, "provincial_decision"),
        ("van_ban:\n  - number: 1/2026/QĐ-UBND\n", 1, "legal_documents"),
        ("terms:\n  - id: x\n    variants: [a]\n    source: s\n", 2, "category"),
        ("terms:\n  - id: x\n    category: c\n    pattern_kind: regex\n    variants: ['(']\n    source: s\n", 5, "x"),
        ("targets:\n  - id: hourly_income\n    value: 40.000\n    source: s\n", 3, "40000"),
        ("targets:\n  - id: gio_lam_viec\n    value: 8\n    source: s\n", 2, "hours_per_working_day"),
        ("legal_documents:\n  - number: 1/2026/QĐ-UBND\n    unconfirmed_dates: [title]\n    source: x\n", 3, "title"),
        (
            "legal_documents:\n  - number: 1/2026/QĐ-UBND\n    source: x\n  - number: 1/2026/QD-UBND\n    source: y\n",
            4,
            "dòng 2",
        ),
        ("legal_documents:\n  - number: [1\n", 3, "YAML"),  # where the parser noticed
    ],
)
def test_bad_user_files_name_file_and_line(tmp_path, text, line, words):
    path = write(tmp_path, text)
    with pytest.raises(KnowledgeError) as err:
        load_knowledge([path])
    assert err.value.file == str(path)
    assert err.value.line == line
    assert str(err.value).startswith(f"{path}:{line}: ")
    assert words in err.value.message.vi


def test_unknown_key_suggests_the_right_one(tmp_path):
    path = write(tmp_path, "legal_documents:\n  - number: 1/2026/QĐ-UBND\n    efective: 2026-07-01\n    source: x\n")
    with pytest.raises(KnowledgeError, match="effective"):
        load_knowledge([path])


def test_errors_in_english(tmp_path):
    path = write(tmp_path, "legal_documents:\n  - number: 1/2026/QĐ-UBND\n    effective: 2026-02-30\n    source: x\n")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge([path])
    assert "invalid date '2026-02-30'" in caught.value.text("en")


def test_missing_file_and_empty_file(tmp_path):
    with pytest.raises(KnowledgeError):
        load_knowledge([tmp_path / "khong_co.yaml"])
    empty = write(tmp_path, "", "empty.yaml")
    assert len(load_knowledge([empty]).legal_documents) == len(load_knowledge().legal_documents)


def test_python_tags_are_never_constructed(tmp_path):
    path = write(tmp_path, "legal_documents:\n  - number: !!python/object/apply:os.system ['echo hi']\n    source: x\n")
    with pytest.raises(KnowledgeError):
        load_knowledge([path])
