"""Word and PDF: the national database's per-procedure export, scanned PDFs, old .doc."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tthc.load import load_file
from tthc.load.base import LoadError

REAL_PDF = FIXTURES / "office" / "ChiTietTTHC_2.002229.pdf"  # byte-for-byte from the national database
# its Word twin in the export's layout, and that Word file printed to PDF by LibreOffice
# (tools/make_detail_fixture.py, committed)
DETAIL_DOCX = FIXTURES / "office" / "ChiTietTTHC_2.002229.docx"
DETAIL_DOCX_PDF = FIXTURES / "office" / "ChiTietTTHC_2.002229-libreoffice.pdf"


def test_the_real_per_procedure_pdf_loads_as_one_procedure():
    result = load_file(REAL_PDF)
    (p,) = result.catalog.procedures
    assert p.code == "2.002229"
    assert p.name.startswith("Đăng ký người phụ thuộc (NPT) giảm trừ gia cảnh") and p.name.endswith("tiền công")
    assert p.field == "Thuế" and result.catalog.procedures[0].decision.number == "3078/QĐ-BTC"
    assert [c.method.value for c in p.channels] == ["direct", "online", "postal"]
    assert [c.processing_time.raw for c in p.channels] == ["0", "0", "0"]
    assert [(d.originals, d.copies) for d in p.documents] == [(1, 1), (1, 1), (1, 1)]
    assert p.documents[1].name.startswith("Trường hợp (2)")  # the row cut by the page break is one line
    numbers = [r.number for r in p.legal_basis]
    assert len(numbers) == 14  # each "Số ký hiệu" was split over two lines ("111/2013/TT-" / "BTC")
    assert numbers[:2] == ["111/2013/TT-BTC", "38/2019/QH14"]
    assert "79/2022/TT-BTC" in numbers  # cut by a page break between "TT-" and "BTC"
    assert numbers[-1] == "125/2025/NĐ-CP"
    assert str(p.legal_basis[0].issued) == "2013-08-15"
    assert str(p.legal_basis[7].source) == f"{REAL_PDF}, trang 5, bảng 6, dòng 2"
    assert not result.errors


def test_a_broken_number_is_joined_and_a_complete_one_is_not():
    from tthc.load.document_layouts import join_broken

    assert join_broken("111/2013/TT-\nBTC", " ") == "111/2013/TT-BTC"
    assert join_broken("123/2015/N\nĐ-CP", " ") == "123/2015/NĐ-CP"
    nfd = unicodedata.normalize("NFD", "Đ-CP")
    assert join_broken("123/2015/N\n" + nfd, " ") in ("123/2015/N" + nfd,)
    assert join_broken("38/2019/QH14\nLuật Quản lý thuế", " ") == "38/2019/QH14 Luật Quản lý thuế"
    assert join_broken("Phí, lệ phí -\nkhông", " ") == "Phí, lệ phí - không"
    assert join_broken("15-08-\n2013", " ") == "15-08-2013"


def test_a_number_cut_before_a_hyphen_or_inside_letters_is_joined():
    from tthc.load.document_layouts import join_broken

    for form in ("NFC", "NFD"):
        text = unicodedata.normalize(form, "Thông tư liên tịch số 05/2015/TTLT\n-BTP-BCA-\nBYT hướng dẫn")
        assert join_broken(text, " ") == unicodedata.normalize(
            form, "Thông tư liên tịch số 05/2015/TTLT-BTP-BCA-BYT hướng dẫn"
        )
    for form in ("NFC", "NFD"):
        cut = unicodedata.normalize(form, "Nghị quyết liên tịch số 01/2014/NQLT\n-CP-\nUBTƯMTTQ\nVN hướng dẫn")
        joined = unicodedata.normalize("NFC", join_broken(cut, " "))
        assert joined == "Nghị quyết liên tịch số 01/2014/NQLT-CP-UBTƯMTTQVN hướng dẫn"
    # a dash that starts a list item, or follows words, is not part of a number
    assert join_broken("05/2015/TTLT-BTP-BCA-BYT\n- Nghị định số 61/2018/NĐ-CP", " ").count(" - ") == 1
    assert join_broken("giấy tờ\n-Bản sao", " ") == "giấy tờ -Bản sao"


_CUT = [  # the legal-basis cell of 2.000986 in the annex PDF, as LibreOffice wraps it: no break is certain
    "Nghị định số",
    "105/2014/NĐ-",
    "CP quy định chi tiết",
    "và hướng dẫn thi",
    "hành một số điều",
    "của Luật Bảo hiểm",
    "y tế",
    "Thông tư liên",
    "tịch số 05/2015/TTLT",
    "-BTP-BCA-BYT",
]


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_a_wrapped_pdf_cell_starts_a_new_citation_where_one_begins(form):
    from tthc.load.pdf_reader import _assemble

    lines = [(unicodedata.normalize(form, line), False) for line in _CUT]
    assert unicodedata.normalize("NFC", _assemble(lines)).split("\n") == [
        "Nghị định số 105/2014/NĐ-CP quy định chi tiết và hướng dẫn thi hành một số điều của Luật Bảo hiểm y tế",
        "Thông tư liên tịch số 05/2015/TTLT-BTP-BCA-BYT",
    ]


@pytest.mark.parametrize("form", ["NFC", "NFD"])
@pytest.mark.parametrize(
    "lines",
    [
        # real titles that name another document after "của" / "kèm theo" (ubnd-ttpvhcc-qr CCPL, the annex)
        ["Luật sửa đổi, bổ sung một số điều của", "Luật Bảo hiểm y tế số 46/2014/QH13"],
        [
            "Thông tư số 22/2024/TT-BGDĐT ngày 10/12/2024 sửa đổi, bổ sung một số điều của Quy định ban hành kèm theo",
            "Thông tư số 17/2018/TT-BGDĐT",
        ],
        ["Nghị định số 105/2014/NĐ-CP quy định chi tiết và hướng dẫn thi hành", "Luật Bảo hiểm y tế số 25/2008/QH12"],
        ["Căn cứ tại khoản 2 Điều 14", "Nghị định số 104/2022/NĐ-CP"],  # no number before: not a citation's end
    ],
)
def test_a_document_named_inside_a_title_stays_in_it(form, lines):
    from tthc.load.pdf_reader import _assemble

    text = _assemble([(unicodedata.normalize(form, line), False) for line in lines])
    assert "\n" not in text


def test_a_scanned_pdf_needs_ocr(tmp_path, cli):
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(_blank_pdf())
    code, out, err = cli("validate", pdf)
    assert code == 2
    assert "cần nhận dạng ký tự (OCR)" in out + err and "Traceback" not in out + err


def _blank_pdf() -> bytes:
    """One page, no text (what a scan is to a text reader)."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


def facts(path: Path) -> dict:
    """What a reader of the procedure sees (positions aside), and the load issues' kinds."""
    result = load_file(path)
    (p,) = result.catalog.procedures
    return {
        "heading": (p.code, p.name, p.field, [lv.value for lv in p.levels], p.kind, p.decision, p.place, p.applicants),
        "steps": p.steps,
        "channels": [
            (
                c.method.value,
                c.processing_time.raw if c.processing_time else None,
                [f.raw for f in c.fees],
                c.description,
            )
            for c in p.channels
        ],
        "documents": [(d.name, d.raw, d.originals, d.copies, d.form, d.note) for d in p.documents],
        "agencies": [(a.name, a.role.value) for a in p.agencies],
        "results": [r.name for r in p.results],
        "legal_basis": [(r.number, r.title, r.issued, r.issuer, r.raw) for r in p.legal_basis],
        "conditions": p.conditions,
        "extra": p.extra,
        "issues": sorted(i.kind for i in result.issues),
    }


@pytest.mark.parametrize("twin", [DETAIL_DOCX, DETAIL_DOCX_PDF], ids=["word", "word-as-pdf"])
def test_the_word_export_and_its_pdf_read_like_the_real_pdf(twin):
    got, real = facts(twin), facts(REAL_PDF)
    assert got == real
    assert len(real["legal_basis"]) == 14 and len(real["channels"]) == 3 and real["documents"]


def test_the_word_export_names_its_tables_and_rows():
    (p,) = load_file(DETAIL_DOCX).catalog.procedures
    assert str(p.legal_basis[1].source) == f"{DETAIL_DOCX}, bảng 3, dòng 3"
    assert str(p.documents[0].source).startswith(f"{DETAIL_DOCX}, bảng 2, dòng 3")
    assert [c.method.value for c in p.channels] == ["direct", "online", "postal"]


def test_the_word_exports_pdf_cuts_its_tables_elsewhere():
    """The LibreOffice PDF is a real third twin: the channel table's header row is cut by a page
    break, and numbers wrap inside cells ("43/2023/TT-" / "BTC")."""
    import pdfplumber

    with pdfplumber.open(DETAIL_DOCX_PDF) as pdf:
        pages = [page.extract_text() for page in pdf.pages]
    assert pages[1].splitlines()[0] == "nộp quyết"  # "Hình thức | nộp", "Thời hạn giải | quyết"
    assert any(line.startswith("43/2023/TT- ") for page in pages for line in page.splitlines())


def test_old_word_without_libreoffice_says_how_to_convert(tmp_path, monkeypatch, cli):
    doc = tmp_path / "ChiTietTTHC_1.013124.doc"
    doc.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    code, out, err = cli("validate", doc)
    assert code == 2
    assert "cần LibreOffice" in out + err and ".docx" in out + err


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_old_word_is_converted_by_libreoffice(tmp_path):
    import subprocess

    source = tmp_path / "ChiTiet.docx"
    shutil.copyfile(DETAIL_DOCX, source)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/p",
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(tmp_path / "doc"),
            str(source),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    doc = tmp_path / "doc" / "ChiTiet.doc"
    before = doc.read_bytes()
    result = load_file(doc)
    assert [r.number for r in result.catalog.procedures[0].legal_basis] == [
        r.number for r in load_file(DETAIL_DOCX).catalog.procedures[0].legal_basis
    ]
    assert str(result.catalog.procedures[0].legal_basis[0].source).startswith(str(doc))
    assert doc.read_bytes() == before


def test_not_a_pdf(tmp_path):
    bad = tmp_path / "x.pdf"
    bad.write_text("xin chào", encoding="utf-8")
    with pytest.raises(LoadError, match="không phải PDF"):
        load_file(bad)
