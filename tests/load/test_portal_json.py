"""The national portal's per-procedure JSON records, read from real records copied byte for byte
(tests/fixtures/realdata/records/, see its README): the crawled detail page, the structured Word
export and the 2021 MongoDB export."""

from __future__ import annotations

import json
import shutil
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tthc.load import LoadError, discover, load_file
from tthc.model import AgencyRole, CopyKind, DurationStatus, FeeStatus, Level, Method
from tthc.parse.document import paper_name

RECORDS = FIXTURES / "realdata" / "records"
BTP = RECORDS / "bo-tu-phap"


def one(path: Path):
    result = load_file(path)
    (procedure,) = result.catalog.procedures
    return procedure, result


def kinds(result) -> list[str]:
    return [issue.kind for issue in result.issues]


# -- the crawled detail page -------------------------------------------------------------


def test_crawled_page_channels_fee_time_and_description() -> None:
    p, result = one(BTP / "1.003005.json")
    assert result.errors == []
    (channel,) = p.channels
    assert channel.method is Method.DIRECT
    assert channel.processing_time.working_days == 45
    (fee,) = channel.fees
    assert (fee.status, fee.amount, fee.currency) == (FeeStatus.AMOUNT, Decimal("4500000"), "VND")
    assert fee.raw.startswith("4,500,000 Việt Nam Đồng((bốn triệu")  # the catalog's words beside the value
    assert channel.description.startswith("Cách thức thực hiện: Nộp cho Ủy ban nhân dân cấp xã")
    assert str(channel.source) == f"{BTP / '1.003005.json'}, cach_thuc_thuc_hien, dòng 1"


def test_crawled_dossier_lines_counts_headings_and_forms() -> None:
    p, _ = one(BTP / "1.003005.json")
    docs = p.documents
    assert [d.group for d in docs].count("Hồ sơ của người nhận con nuôi:") == 7
    assert {d.group for d in docs} == {
        "Hồ sơ của người nhận con nuôi:",
        "Hồ sơ của người được nhận làm con nuôi:",
        "Lưu ý",
    }
    passport = next(d for d in docs if "Hộ chiếu" in d.name)
    assert (passport.originals, passport.copies, passport.copy_kind) == (0, 2, CopyKind.COPY)  # "0 bản chính,2 bản sao"
    application = next(d for d in docs if d.name.startswith("Đơn xin nhận con nuôi"))
    assert application.originals == 2
    assert application.form == "1.nxinnhnconnui.doc"  # the "Mẫu đơn, tờ khai" cell, no longer glued to the name
    assert "1.nxinnhnconnui.doc" not in application.name
    assert p.forms == ["1.nxinnhnconnui.doc"]
    assert str(application.source) == f"{BTP / '1.003005.json'}, thanh_phan_ho_so, dòng 5"
    assert not any("Tên giấy tờ" in d.name or "Mẫu đơn, tờ khai" in d.name for d in docs)  # table headers gone
    assert all(d.originals is not None for d in docs)  # every row of the table had its count


def test_crawled_count_glued_to_the_names_last_number() -> None:
    """ "…theo Mẫu số 181 bản chính,1 bản sao": the form is Mẫu số 18, the count 1."""
    p, _ = one(RECORDS / "bo-nong-nghiep-mt" / "1.012781.json")
    form18 = [d for d in p.documents if d.name.endswith("theo Mẫu số 18")]
    assert form18 and all((d.originals, d.copies, d.form) == (1, 1, "Mẫu số 18") for d in form18)


def test_crawled_dossier_repeated_per_sub_case_keeps_the_sub_cases_apart() -> None:
    p, _ = one(RECORDS / "bo-nong-nghiep-mt" / "1.012781.json")
    # the name keeps the line's words ("Bản gốc Giấy chứng nhận đã cấp."); paper_name gives the paper
    groups = [d.group for d in p.documents if paper_name(d.name) == "Giấy chứng nhận đã cấp"]
    assert len(groups) == 2 and len(set(groups)) == 2
    assert all(g.startswith(("a) Đối với trường hợp", "b) Đối với trường hợp")) for g in groups)


def test_crawled_name_of_the_next_paper_starting_with_a_count_is_not_a_count() -> None:
    """ "…bản sao01 bản chính Biên bản của cơ sở…": "01 bản chính" starts the next name."""
    p, _ = one(RECORDS / "bo-cong-an" / "3.000522.json")
    assert not any(d.name in ("0", "") for d in p.documents)
    assert any(d.name.startswith("01 bản chính Biên bản") for d in p.documents)


def test_crawled_legal_basis_references_with_number_and_title() -> None:
    p, _ = one(BTP / "1.003005.json")
    assert [r.number for r in p.legal_basis] == [
        "18/2026/NĐ-CP",
        "104/2022/NĐ-CP",
        "120/2025/NĐ-CP",
        "07/2023/TT-BTP",
        "10/2020/TT-BTP",
        "06/2025/NĐ-CP",
    ]
    assert p.legal_basis[0].title.startswith("Nghị định sửa đổi, bổ sung một số nghị định để cắt giảm")
    assert not any("Tên văn bản pháp lý" in (r.title or "") for r in p.legal_basis)


def test_crawled_results_without_page_chrome_and_with_codes() -> None:
    p, _ = one(BTP / "1.003005.json")
    assert [(r.name, r.code) for r in p.results] == [("Giấy chứng nhận nuôi con nuôi trong nước", "KQ.G15.000002")]
    several, _ = one(RECORDS / "bo-tai-chinh" / "2.002267.json")
    assert all("Chọn cơ quan" not in r.name and "Từ khóa" not in r.name for r in several.results)
    assert all(r.code for r in several.results)


def test_crawled_plain_fields_agencies_and_portal_address() -> None:
    p, _ = one(BTP / "1.003005.json")
    assert p.code == "1.003005"
    assert p.levels == [Level.COMMUNE]
    assert p.field == "Nuôi con nuôi"
    assert p.kind == "TTHC được giao luật quy định chi tiết"
    assert p.applicants == ["Người nước ngoài"]
    assert p.decision.number == "361/QĐ-BTP"
    assert p.url == "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-5f22-73cf-b95d-b024eb53f12b"
    assert {a.role for a in p.agencies} == {AgencyRole.IMPLEMENTING, AgencyRole.COMPETENT}
    assert p.place is None  # "" on the page: absent, not empty text
    assert "Thủ tục hành chính liên quan" not in p.extra  # "Không có thông tin" is a placeholder


def test_crawled_multi_choice_fields_split_where_the_portal_joined_them() -> None:
    from tthc.load.portal.crawled import split_join

    assert split_join("Tổ chức (không bao gồm doanh nghiệp, HTX), Công dân Việt Nam, Cán bộ, công chức, viên chức") == [
        "Tổ chức (không bao gồm doanh nghiệp, HTX)",
        "Công dân Việt Nam",
        "Cán bộ, công chức, viên chức",
    ]
    assert split_join("Cục Thuế - Bộ tài chính, Thuế tỉnh, thành phố, Thuế cơ sở") == [
        "Cục Thuế - Bộ tài chính",
        "Thuế tỉnh, thành phố",
        "Thuế cơ sở",
    ]


def test_misattributed_record_is_reported_and_loaded_under_its_pages_code() -> None:
    p, result = one(BTP / "1.002544.json")
    (issue,) = [i for i in result.issues if i.kind == "misattributed-record"]
    assert "1.002544" in issue.message and "1.014023" in issue.message
    assert str(issue.source).startswith(str(BTP / "1.002544.json"))
    assert p.code == "1.014023"
    assert p.name == "Hỗ trợ phát triển sản xuất cộng đồng."


def test_a_record_whose_page_agrees_is_not_misattributed() -> None:
    _, result = one(BTP / "1.003005.json")
    assert "misattributed-record" not in kinds(result)


def test_glued_time_and_fee_cells_are_split_and_said_to_be_an_inference() -> None:
    """ "Trực tuyến120 VNĐ(20.000 vnđ /tờ khai)": time "1", fee "20 VNĐ" (the note confirms 20)."""
    p, result = one(RECORDS / "bo-tai-chinh" / "1.000014.json")
    assert [c.processing_time.raw for c in p.channels] == ["1", "1"]
    assert [c.fees[0].amount for c in p.channels] == [Decimal("20"), Decimal("20")]
    glued = [i for i in result.issues if i.kind == "glued-time-fee"]
    assert len(glued) == 2 and "120 VNĐ" in glued[0].message and "suy đoán" in glued[0].message


def test_free_text_in_the_time_cell_stays_as_written() -> None:
    p, result = one(RECORDS / "bo-tai-chinh" / "1.007689.json")
    assert {c.processing_time.raw for c in p.channels} == {"Không phải trả kết quả cho người nộp thuế"}
    assert all(c.fees[0].status is FeeStatus.FREE for c in p.channels)
    assert "unparsed-time" in kinds(result)


def test_several_rows_per_method_are_several_channels() -> None:
    p, _ = one(RECORDS / "bo-cong-an" / "1.011726.json")
    assert [(c.method.value, c.processing_time.working_days) for c in p.channels] == [
        ("online", 2),
        ("postal", 2),
        ("direct", 2),
        ("direct", 3),
        ("online", 3),
        ("postal", 3),
    ]


@pytest.mark.parametrize(
    "path, field",
    [
        ("bo-tai-chinh/1.010369.json", "ten_thu_tuc"),
        ("bo-cong-an/1.003116.json", "cach_thuc_thuc_hien"),
        ("bo-tu-phap/1.000426.json", "can_cu_phap_ly"),
        ("bo-cong-an/1.014066.json", "linh_vuc"),
    ],
)
def test_nfd_records_read_as_their_nfc_text(path: str, field: str) -> None:
    raw = json.loads((RECORDS / path).read_text(encoding="utf-8"))
    assert not unicodedata.is_normalized("NFC", raw[field])  # the fixture really is NFD there
    p, result = one(RECORDS / path)
    assert result.errors == []
    assert unicodedata.is_normalized("NFC", p.name) and unicodedata.is_normalized("NFC", p.field or "")
    if field == "ten_thu_tuc":
        assert p.name == " ".join(unicodedata.normalize("NFC", raw[field]).split())
    if field == "cach_thuc_thuc_hien":
        assert p.channels and all(c.method is not None for c in p.channels)
    if field == "can_cu_phap_ly":
        assert p.legal_basis and all(r.identified for r in p.legal_basis)
    if field == "linh_vuc":
        assert p.field == unicodedata.normalize("NFC", raw[field]).strip()


# -- the structured export -----------------------------------------------------------------


def test_structured_export_tables() -> None:
    p, result = one(RECORDS / "nhdandz-extracted-fixed" / "1.013562.json")
    assert result.errors == []
    assert p.code == "1.013562" and p.levels == [Level.COMMUNE]  # "Cấp Xã"
    (channel,) = p.channels
    assert channel.processing_time.status is DurationStatus.IMMEDIATE  # "0 Giờ"
    (fee,) = channel.fees
    assert (fee.amount, fee.currency, fee.kind) == (Decimal("3"), "USD", "lệ phí")
    (doc,) = p.documents
    assert (doc.originals, doc.copies) == (1, 1)  # the counts sit in "ghi_chu": "Bản chính: 1\nBản sao: 1"
    assert str(doc.source).endswith("1.013562.json, tables.thanh_phan_ho_so, dòng 1")
    assert [r.number for r in p.legal_basis] == ["77/2017/NĐ-CP", "138/2016/TT-BTC"]
    assert p.legal_basis[1].issued.isoformat() == "2016-09-16"


def test_structured_truncated_number_is_taken_from_the_title() -> None:
    p, _ = one(RECORDS / "nhdandz-extracted-fixed" / "1.013124.json")
    (ref,) = p.legal_basis
    assert ref.number == "12/2021/QĐ-TTg"  # "so_ky_hieu": "12"
    assert "12" in (ref.note or "")


def test_structured_form_file_and_fee_with_two_lines() -> None:
    p, _ = one(RECORDS / "nhdandz-extracted-fixed" / "1.013576.json")
    fees = p.channels[0].fees  # "Phí : 0.5 USD (…)\nLệ phí : 01 USD (…)"
    assert [(f.kind, f.amount, f.currency) for f in fees] == [("phí", Decimal("0.5"), "USD"), ("lệ phí", 1, "USD")]
    other, _ = one(RECORDS / "nhdandz-extracted-fixed" / "1.013202.json")
    assert other.forms == ["Mu02.nnghsaibsung_cpli_giahnGiyphpkinhdoanhsnphmdchvmtmdns.docx"]  # under "so_luong"


# -- the MongoDB export --------------------------------------------------------------------


def test_mongo_export_array() -> None:
    path = RECORDS / "dichvucong-7sins" / "data-3-records.json"
    result = load_file(path)
    first, second, third = result.catalog.procedures
    assert first.name == "Đăng ký thường trú" and first.code is None
    assert first.documents[0].originals == 1 and first.documents[0].copies == 0  # "Bản chính: 1 - Bản sao: 0"
    assert first.documents[0].form.startswith("https://csdl.dichvucong.gov.vn/")
    assert first.documents[1].form is None  # "…download_file.jsp?ma=": links to nothing
    assert all("Xem chi tiết" not in f.raw for f in second.fees())
    assert len(second.channels[0].fees) > 1
    assert "</p>" not in " ".join(first.steps)
    assert unicodedata.is_normalized("NFC", third.name)
    assert str(first.documents[0].source) == f"{path}, [0].Thành phần hồ sơ, dòng 1"


# -- folders, discovery, errors ---------------------------------------------------------------


def test_folder_of_records_is_one_catalog_named_after_the_folder() -> None:
    result = load_file(BTP)
    assert result.catalog.name == "bo-tu-phap"
    assert result.catalog.identity == "bo-tu-phap"
    assert len(result.catalog.procedures) == len(list(BTP.glob("*.json")))
    assert result.errors == []


def test_folder_of_agency_folders_gives_one_catalog_per_agency(tmp_path: Path) -> None:
    shutil.copytree(RECORDS / "bo-tu-phap", tmp_path / "crawl" / "bo-tu-phap")
    shutil.copytree(RECORDS / "bo-cong-an", tmp_path / "crawl" / "bo-cong-an")
    (tmp_path / "crawl" / ".cache").mkdir()
    (tmp_path / "crawl" / ".cache" / "x.json").write_text("{}", encoding="utf-8")
    shutil.copy(FIXTURES / "realdata" / "bo-tu-phap-2026.yaml", tmp_path / "crawl" / "catalog.yaml")
    found = discover([tmp_path / "crawl"])
    assert found == [
        tmp_path / "crawl" / "bo-cong-an",
        tmp_path / "crawl" / "bo-tu-phap",
        tmp_path / "crawl" / "catalog.yaml",
    ]


def test_bad_json_is_one_line_with_file_line_and_column(cli, tmp_path: Path) -> None:
    bad = tmp_path / "1.000001.json"
    bad.write_text(
        '{\n  "ma_thu_tuc": "1.000001",\n  "ten_thu_tuc": "Thủ tục" \n  "linh_vuc": "x"\n}', encoding="utf-8"
    )
    code, out, err = cli("validate", bad)
    assert code == 2
    assert f"{bad}:4:3: JSON không hợp lệ" in out + err and "thiếu dấu phẩy" in out + err
    with pytest.raises(LoadError, match="thiếu dấu phẩy"):
        load_file(bad)


def test_bad_json_in_a_folder_fails_the_catalog_and_names_the_file(cli, tmp_path: Path) -> None:
    folder = tmp_path / "bo-tu-phap"
    shutil.copytree(BTP, folder)
    (folder / "9.999999.json").write_bytes(b'{"ma_thu_tuc": "9.999999", "ten_thu_tuc": "x",}')
    code, out, err = cli("validate", folder)
    assert code == 2
    assert "9.999999.json:1:47" in out + err


def test_not_utf8_and_not_a_record_are_clear_errors(tmp_path: Path) -> None:
    latin = tmp_path / "a.json"
    latin.write_bytes('{"ten_thu_tuc": "Thủ tục"}'.encode("cp1258", errors="replace").replace(b"?", b"\xe0"))
    with pytest.raises(LoadError, match="UTF-8"):
        load_file(latin)
    other = tmp_path / "b.json"
    other.write_text('{"official_number": "02/2011/QH13", "title": "Luật Khiếu nại 2011"}', encoding="utf-8")
    with pytest.raises(LoadError, match="không nhận ra bản ghi"):
        load_file(other)


def test_unknown_suffix_lists_every_readable_type(tmp_path: Path) -> None:
    path = tmp_path / "catalog.txt"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(LoadError) as error:
        load_file(path)
    for suffix in (".yaml", ".xlsx", ".ods", ".csv", ".json"):
        assert suffix in str(error.value)


def test_tthc_catalog_written_as_json_reads_as_yaml(tmp_path: Path) -> None:
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps({"tthc_catalog": 1, "procedures": [{"code": "1.000001", "name": "Thủ tục thử"}]}))
    assert [p.name for p in load_file(path).catalog.procedures] == ["Thủ tục thử"]


# -- convert from every schema -------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [BTP, RECORDS / "bo-tai-chinh", RECORDS / "nhdandz-extracted-fixed", RECORDS / "dichvucong-7sins"],
    ids=lambda p: p.name,
)
@pytest.mark.parametrize("suffix", [".yaml", ".xlsx"])
def test_convert_from_each_schema_loses_nothing(cli, tmp_path: Path, source: Path, suffix: str) -> None:
    out = tmp_path / f"out{suffix}"
    code, stdout, stderr = cli("convert", source, out)
    assert code == 0, stdout + stderr
    before = load_file(source).catalog
    after = load_file(out).catalog
    assert [p.code for p in after.procedures] == [p.code for p in before.procedures]
    assert [len(p.documents) for p in after.procedures] == [len(p.documents) for p in before.procedures]


@pytest.mark.parametrize(
    "cell, name, form",
    [  # real "Tên giấy tờ" + "Mẫu đơn, tờ khai" cells as the crawl glued them
        ("-Đơn  xin  nhận con nuôi;1.nxinnhnconnui.doc", "-Đơn  xin  nhận con nuôi;", "1.nxinnhnconnui.doc"),
        (
            "Đơn đề nghị cấp chứng chỉ hành nghề Quản tài viên theo Mẫu TP-QTV-01Mẫu TP-QTV-01.docx",
            "Đơn đề nghị cấp chứng chỉ hành nghề Quản tài viên theo Mẫu TP-QTV-01",
            "Mẫu TP-QTV-01.docx",
        ),
        (
            "Giấy đề nghị cấp đổi thẻ bảo hiểm y tế của Tổng cục, Bộ Tư lệnh, đơn vị trực thuộc BộMau02-ĐN(BHYT).doc",
            "Giấy đề nghị cấp đổi thẻ bảo hiểm y tế của Tổng cục, Bộ Tư lệnh, đơn vị trực thuộc Bộ",
            "Mau02-ĐN(BHYT).doc",
        ),
        (
            "Bản khai cá nhân (mẫu AH1).72-Mẫu AH1-Bản khai cá nhân (anh hùng LLVT).doc",
            "Bản khai cá nhân (mẫu AH1).",
            "72-Mẫu AH1-Bản khai cá nhân (anh hùng LLVT).doc",
        ),
        ("Giấy khai sinh;", "Giấy khai sinh;", None),
    ],
)
def test_form_file_glued_to_the_name_is_split_off(cell: str, name: str, form: str | None) -> None:
    from tthc.load.portal.flattened import split_form

    assert split_form(cell) == (name, form)
