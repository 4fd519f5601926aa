"""Dossier rows of crawled portal pages that used to load wrong (issue #16, second reader):
a count glued to a form number with a leading zero ("Mẫu số 051 bản chính"), a row of
asterisks, a map-scale specification with the portal's count pair beside it. Real records,
byte for byte; NFD copies made from them in a temporary folder."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tthc.load import load_file
from tthc.load.portal.flattened import dossier_rows

RECORDS = FIXTURES / "realdata" / "records"
LABELLED = RECORDS / "labelled"


def documents(path: Path, form: str, tmp_path: Path):
    """The dossier of one record, read from the file as it is (NFC) or re-encoded as NFD."""
    if form == "NFD":
        copy = tmp_path / path.name
        copy.write_text(unicodedata.normalize("NFD", path.read_text(encoding="utf-8")), encoding="utf-8")
        path = copy
    (procedure,) = load_file(path).catalog.procedures
    return procedure.documents


@pytest.mark.parametrize("form", ["NFC", "NFD"])
@pytest.mark.parametrize(
    "record, name, form_code, counts",
    [
        (
            LABELLED / "bo-nong-nghiep-mt" / "1.013828.json",
            "Đơn đề nghị giao đất, cho thuê đất, giao khu vực biển để thực hiện hoạt động lấn biển theo Mẫu số 05",
            "Mẫu số 05",
            (1, 1),
        ),
        (
            RECORDS / "bo-tai-chinh" / "1.008608.json",  # NFD in the source
            "Văn bản đề nghị chấm dứt Đại lý giám sát hải quan theo Mẫu số 08",
            "Mẫu số 08",
            (1, None),
        ),
        (
            RECORDS / "bo-tai-chinh" / "2.001583.json",
            "Giấy đề nghị đăng ký doanh nghiệp - Mẫu 02",
            "Mẫu 02",
            (1, None),
        ),
    ],
)
def test_count_glued_to_a_form_number_with_a_leading_zero(
    record: Path, name: str, form_code: str, counts: tuple, form: str, tmp_path: Path
) -> None:
    docs = documents(record, form, tmp_path)
    (doc,) = [d for d in docs if d.name == name]
    assert doc.form == form_code
    assert (doc.originals, doc.copies) == counts
    # the next paper is a row of its own, not the tail of this one
    assert "bản chính" not in (doc.raw or "")
    assert doc.raw == name


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_a_row_of_asterisks_is_no_paper(form: str, tmp_path: Path) -> None:
    docs = documents(LABELLED / "bo-tai-chinh" / "1.014565.json", form, tmp_path)
    assert not [d for d in docs if "*" in (d.raw or "") and not any(ch.isalpha() for ch in d.raw or "")]
    # the rows after it keep the portal's row numbers (the separator was row 5)
    rows = [d.source.row for d in docs]
    assert rows == sorted(rows) and 5 not in rows and 6 in rows


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_a_map_scale_specification_has_no_copy_count(form: str, tmp_path: Path) -> None:
    docs = documents(LABELLED / "bo-nong-nghiep-mt" / "1.000055.json", form, tmp_path)
    (scale,) = [d for d in docs if "Tỷ lệ bản đồ" in unicodedata.normalize("NFC", d.raw or "")]
    assert unicodedata.normalize("NFC", scale.raw).startswith("- Tỷ lệ bản đồ 1:5.000 hoặc 1:10.000")
    assert (scale.originals, scale.copies) == (None, None)
    # the papers after it keep their counts: the maps' copy, the plan's original
    maps = [d for d in docs if unicodedata.normalize("NFC", d.raw or "").startswith("- Bản sao các loại bản đồ")]
    assert [(d.originals, d.copies) for d in maps] == [(0, 1)]


def test_a_count_in_the_names_own_words_stays_in_the_name() -> None:
    """Silent side: " 01 bản chính" (a leading zero and one digit) is the name's words, as before."""
    text = "Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai (01 bản chính)1 bản chínhBản sao giấy phép0 bản chính,1 bản sao"
    rows = dossier_rows(text)
    assert rows is not None
    assert [(r.name, r.counts) for r in rows.rows] == [
        ("Tờ khai (01 bản chính)", "1 bản chính"),
        ("Bản sao giấy phép", "0 bản chính,1 bản sao"),
    ]
