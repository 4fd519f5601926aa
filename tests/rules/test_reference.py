"""`tthc check catalogs/kim-bang-2019-2020.yaml --reference <MoJ records>` (issue #15 item 5).

The reference is tests/fixtures/reference/bo-tu-phap/: 12 of the Ministry of Justice's 2026
portal records, byte for byte (2.002080 left out: a partial reference). Every expectation below
was written by reading the local catalog and the record side by side.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import CATALOGS, FIXTURES

KIM_BANG = CATALOGS / "kim-bang-2019-2020.yaml"
REFERENCE = FIXTURES / "reference" / "bo-tu-phap"


@pytest.fixture(scope="module")
def findings():
    from typer.testing import CliRunner

    from tthc.cli import app

    args = [
        "check",
        str(KIM_BANG),
        "--reference",
        str(REFERENCE),
        "--reference-date",
        "2026-06-10",
        "--select",
        "differs-from-reference,not-in-reference",
        "--format",
        "json",
        "--as-of",
        "2026-12-15",
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output  # warnings and info only: below --fail-on error
    return json.loads(result.stdout)["findings"]


def by(findings, code, field):
    return [f for f in findings if f["procedure"]["code"] == code and f["field"] == field]


def test_a_processing_time_the_ministry_changed(findings):
    (f,) = by(findings, "2.000806", "processing_time")
    assert f["rule"] == "differs-from-reference"
    assert "danh mục ghi '15 ngày làm việc'; tham chiếu ghi '5'" in f["message"]
    assert "bo-tu-phap (10/06/2026)" in f["message"]  # the reference and its date
    assert f["position"]["line"] and f["severity"] == "warning"


def test_a_renamed_procedure_shows_both_names(findings):
    (f,) = by(findings, "2.000815", "name")
    assert (
        "danh mục ghi Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của nước ngoài;"
        in f["message"]
    )
    assert (
        "tham chiếu ghi Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam;"
        in f["message"]
    )


def test_the_legal_basis_lists_what_each_side_lacks(findings):
    (f,) = by(findings, "2.000424", "legal_basis")
    assert "tham chiếu có mà danh mục không có: 66.7/2025/NQ-CP, 120/2025/NĐ-CP, 09/2025/TT-BTP" in f["message"]
    assert "danh mục ghi 35/2013/QH13, 15/2014/NĐ-CP" in f["message"]


def test_the_same_time_written_differently_is_not_a_difference(findings):
    # "03 ngày làm việc" locally, "3" on the portal (the crawl lost the unit)
    assert by(findings, "1.004873", "processing_time") == []
    # "Tối đa không quá 20 ngày làm việc…" locally, "20 Ngày" in the portal's time column
    assert by(findings, "2.000986", "processing_time") == []
    # the same fee: 2.000 đồng/trang on both sides (the local cell adds the per-page rule)
    assert by(findings, "2.000815", "fees") == []


def test_a_code_missing_from_a_partial_reference_is_not_called_abolished(findings):
    (f,) = [f for f in findings if f["rule"] == "not-in-reference"]
    assert f["procedure"]["code"] == "2.002080" and f["severity"] == "info"
    assert "không tìm thấy, không có nghĩa là đã bị bãi bỏ" in f["message"]
    assert "bãi bỏ thủ tục" not in f["recommendation"]


def test_codeless_local_procedures_are_not_reported_missing(findings):
    assert all(f["procedure"]["code"] for f in findings)


def test_an_unreadable_reference_is_one_line_and_exit_2(cli, tmp_path):
    missing = tmp_path / "nope"
    code, _, err = cli("check", KIM_BANG, "--reference", missing)
    assert code == 2 and str(missing) in err and len(err.strip().splitlines()) == 1
