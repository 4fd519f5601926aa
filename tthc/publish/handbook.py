"""`tthc handbook`: the printable handbook (sổ tay thủ tục hành chính) for the reception desk.

Cover with the issuing body, contents by field, a short guide to filing online, then one
block per procedure: a tick-box checklist (☐) of papers, time, fees, place and whether it
can be done online. Page setup, fonts and the national heading come from
:mod:`tthc.report.docx_common` (Nghị định 30/2020). PDF goes through LibreOffice headless.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from tthc.i18n import tr
from tthc.model import Catalog
from tthc.publish import present
from tthc.publish.entries import Entry, by_field, collect
from tthc.report import docx_common as dc

TITLE = "SỔ TAY THỦ TỤC HÀNH CHÍNH"
SUBTITLE = "Hướng dẫn người dân, doanh nghiệp chuẩn bị hồ sơ và nộp hồ sơ trực tuyến"
BOX = "☐"
LABEL_CM = 3.6
PDF_TIMEOUT_S = 300

ONLINE_STEPS = (
    f"Truy cập {present.PORTAL_NAME} tại địa chỉ dichvucong.gov.vn và đăng nhập bằng tài khoản định danh "
    "điện tử (VNeID).",
    "Tìm thủ tục theo tên hoặc theo mã thủ tục ghi trong sổ tay này, chọn đúng cơ quan giải quyết.",
    "Điền tờ khai điện tử; đính kèm bản chụp hoặc bản điện tử của các giấy tờ trong danh sách. Giấy tờ đã có "
    "trong cơ sở dữ liệu quốc gia (căn cước, cư trú…) thường không phải nộp lại.",
    "Nộp phí, lệ phí trực tuyến (nếu có) và ghi lại mã hồ sơ để tra cứu tình trạng giải quyết.",
    "Nhận kết quả: bản điện tử trên tài khoản, qua dịch vụ bưu chính công ích, hoặc tại nơi tiếp nhận.",
)
ONLINE_NOTES = (
    "Thủ tục ghi “Làm trực tuyến được toàn bộ” thì làm trực tuyến từ khi nộp hồ sơ đến khi nhận kết quả, "
    "không phải đến nơi tiếp nhận. Thủ tục “một phần” vẫn cần đến nơi tiếp nhận ở một số bước.",
    "Cán bộ tại Bộ phận tiếp nhận và trả kết quả sẵn sàng hướng dẫn, hỗ trợ nộp hồ sơ trực tuyến.",
)


class HandbookError(Exception):
    """The handbook cannot be written as asked (one line for the user)."""


def write_handbook(
    catalogs: Sequence[Catalog],
    path: Path,
    *,
    issuer: str | None = None,
    generated: dt.date | None = None,
) -> int:
    """Write the handbook as .docx or .pdf (by suffix), atomically; returns the procedure count."""
    from tthc.report.files import write_atomic

    suffix = path.suffix.lower()
    if suffix not in (".docx", ".pdf"):
        raise HandbookError(
            tr(f"'{path.name}': dùng đuôi .docx hoặc .pdf", f"'{path.name}': use a .docx or .pdf file name")
        )
    soffice = _soffice() if suffix == ".pdf" else None
    entries = collect(catalogs)
    doc = build_document(catalogs, entries, issuer=issuer, generated=generated or dt.date.today())
    if suffix == ".docx":
        write_atomic(path, lambda tmp: doc.save(str(tmp)))
    else:
        with tempfile.TemporaryDirectory(prefix="tthc-handbook-") as work:
            source = Path(work) / "so-tay.docx"
            doc.save(str(source))
            pdf = _to_pdf(soffice, source, Path(work))
            write_atomic(path, lambda tmp: shutil.copyfile(pdf, tmp))
    return len(entries)


# -- document ------------------------------------------------------------------------------


def build_document(catalogs: Sequence[Catalog], entries: Sequence[Entry], *, issuer: str | None, generated: dt.date):
    doc = dc.new_document()
    groups = by_field(entries)
    _cover(doc, catalogs, entries, groups, issuer, generated)
    _contents(doc, groups)
    _online_guide(doc)
    number = 0
    for n, (field, items) in enumerate(groups, 1):
        if n == 1:
            doc.add_page_break()
        dc.heading(doc, f"{_roman(n)}. {_field_title(field).upper()}", level=1)
        for entry in items:
            number += 1
            _procedure(doc, number, entry)
    dc.page_numbers(doc)
    return doc


def _cover(doc, catalogs, entries, groups, issuer: str | None, generated: dt.date) -> None:
    from docx.shared import Pt

    issuers = present.issuers(list(catalogs))
    body = issuer or (issuers[0] if issuers else "")
    dc.national_heading(doc, [body] if body else [])
    for _ in range(6):
        dc.paragraph(doc, "", first_line_cm=None)
    title = dc.paragraph(doc, TITLE, size_pt=22, bold=True, align="center", first_line_cm=None, space_after_pt=6)
    title.paragraph_format.space_before = Pt(24)
    dc.paragraph(doc, SUBTITLE, size_pt=14, italic=True, align="center", first_line_cm=None, space_after_pt=18)
    dc.rule_line(doc, 4.0, 16.5, space_after_pt=18)
    if body:
        dc.paragraph(doc, body.upper(), size_pt=16, bold=True, align="center", first_line_cm=None)
    localities = [c.locality for c in catalogs if c.locality]
    if localities:
        dc.paragraph(doc, localities[0], size_pt=14, align="center", first_line_cm=None)
    full = sum(1 for x in entries if present.online_kind(x.procedure) == "full")
    dc.paragraph(
        doc,
        f"{len(entries)} thủ tục thuộc {len(groups)} lĩnh vực, trong đó {full} thủ tục làm trực tuyến được toàn bộ",
        size_pt=14,
        align="center",
        first_line_cm=None,
        space_after_pt=18,
    )
    for c in catalogs:
        if c.decision and c.decision.number:
            when = f" ngày {c.decision.date:%d/%m/%Y}" if c.decision.date else ""
            dc.paragraph(
                doc,
                f"Theo Quyết định công bố số {c.decision.number}{when}",
                size_pt=13,
                italic=True,
                align="center",
                first_line_cm=None,
            )
    for _ in range(4):
        dc.paragraph(doc, "", first_line_cm=None)
    place = (localities[0].split(",")[0] + ", ") if localities else ""
    dc.paragraph(
        doc, f"{place}tháng {generated.month:02d} năm {generated.year}", size_pt=14, align="center", first_line_cm=None
    )


def _contents(doc, groups) -> None:
    doc.add_page_break()
    dc.heading(doc, "MỤC LỤC", level=1, align="center")
    dc.paragraph(
        doc,
        "Thủ tục được đánh số liên tục; tìm thủ tục theo số thứ tự hoặc theo mã thủ tục.",
        size_pt=13,
        italic=True,
        first_line_cm=None,
    )
    dc.paragraph(doc, "Hướng dẫn nộp hồ sơ trực tuyến", size_pt=13, bold=True, first_line_cm=None, space_after_pt=4)
    number = 0
    for n, (field, items) in enumerate(groups, 1):
        dc.paragraph(
            doc,
            f"{_roman(n)}. {_field_title(field)}",
            size_pt=13,
            bold=True,
            first_line_cm=None,
            space_after_pt=2,
            keep_with_next=True,
        )
        for entry in items:
            number += 1
            code = f" ({entry.procedure.code})" if entry.procedure.code else ""
            p = dc.paragraph(
                doc,
                f"{number}. {entry.procedure.name}{code}",
                size_pt=13,
                align="left",
                first_line_cm=None,
                space_after_pt=1,
            )
            p.paragraph_format.left_indent = _cm(0.8)


def _online_guide(doc) -> None:
    doc.add_page_break()
    dc.heading(doc, "HƯỚNG DẪN NỘP HỒ SƠ TRỰC TUYẾN", level=1, align="center")
    dc.paragraph(
        doc,
        f"Nhiều thủ tục trong sổ tay này có thể nộp trực tuyến trên {present.PORTAL_NAME}, không phải xếp hàng "
        "và đi lại nhiều lần:",
    )
    for n, step in enumerate(ONLINE_STEPS, 1):
        p = dc.paragraph(doc, "", first_line_cm=None, space_after_pt=3)
        p.paragraph_format.left_indent = _cm(0.8)
        p.paragraph_format.first_line_indent = _cm(-0.6)
        dc.add_text(p, f"Bước {n}. ", bold=True)
        dc.add_text(p, step)
    for note in ONLINE_NOTES:
        dc.paragraph(doc, note, italic=True)


def _procedure(doc, number: int, entry: Entry) -> None:
    p = entry.procedure
    dc.heading(doc, f"{number}. {p.name}", level=2)
    meta = [f"Mã thủ tục: {p.code}"] if p.code else []
    if levels := present.level_names(p):
        meta.append("Cấp thực hiện: " + ", ".join(levels))
    if meta:
        line = dc.paragraph(doc, " · ".join(meta), size_pt=12, italic=True, first_line_cm=None, space_after_pt=4)
        line.paragraph_format.keep_with_next = True
    guide = present.online_guide(p)
    rows = [
        ("Giấy tờ cần nộp", _checklist(p)),
        ("Thời hạn giải quyết", present.by_channel_lines(p, "time") or [present.NO_TIME]),
        ("Phí, lệ phí", present.by_channel_lines(p, "fees") or [present.NO_FEE]),
        ("Nơi nộp hồ sơ", present.places(p) or [present.NO_PLACE]),
    ]
    table = doc.add_table(rows=0, cols=2)
    table.style = doc.styles["Table Grid"]
    section = doc.sections[-1]
    width = (section.page_width - section.left_margin - section.right_margin) / 360000  # EMU -> cm
    for label, lines in rows:
        cells = table.add_row().cells
        dc.cell_text(cells[0], label, size_pt=12, bold=True)
        dc.cell_text(cells[1], "\n".join(lines), size_pt=12)
        _cant_split(table.rows[-1])
    cells = table.add_row().cells
    dc.cell_text(cells[0], "Nộp trực tuyến", size_pt=12, bold=True)
    dc.cell_text(cells[1], guide.headline, size_pt=12, bold=True)
    detail = dc.paragraph(cells[1], guide.detail, size_pt=12, align="left", first_line_cm=None, space_after_pt=2)
    detail.paragraph_format.line_spacing = 1.0
    _cant_split(table.rows[-1])
    dc.set_widths(table, [LABEL_CM, width - LABEL_CM])
    doc.add_paragraph().paragraph_format.space_after = _pt(2)


def _cant_split(row) -> None:
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _checklist(p) -> list[str]:
    if not p.documents:
        return ["Hỏi nơi tiếp nhận hồ sơ (danh mục chưa ghi thành phần hồ sơ)"]
    lines = []
    for doc in p.documents:
        detail = present.document_detail(doc)
        lines.append(f"{BOX} {doc.name}" + (f" ({detail})" if detail else ""))
    return lines


def _field_title(field: str) -> str:
    return field if field.casefold().startswith("lĩnh vực") else f"Lĩnh vực {field}"


def _roman(n: int) -> str:
    from tthc.plan import roman

    return roman(n)


def _cm(value: float):
    from docx.shared import Cm

    return Cm(value)


def _pt(value: float):
    from docx.shared import Pt

    return Pt(value)


# -- PDF -----------------------------------------------------------------------------------


def _soffice() -> str:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise HandbookError(
        tr(
            "cần LibreOffice để xuất PDF nhưng không tìm thấy lệnh 'soffice'; cài LibreOffice "
            "(apt-get install libreoffice-writer) hoặc xuất .docx",
            "PDF needs LibreOffice but no 'soffice' command was found; install it "
            "(apt-get install libreoffice-writer) or write a .docx",
        )
    )


def _to_pdf(soffice: str, source: Path, work: Path) -> Path:
    """soffice --headless --convert-to pdf, with a private profile so a running LibreOffice does not interfere."""
    profile = (work / "profile").as_uri()
    command = [
        soffice,
        f"-env:UserInstallation={profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(work),
        str(source),
    ]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=PDF_TIMEOUT_S, env={**os.environ, "HOME": str(work)}
        )
    except subprocess.TimeoutExpired:
        raise HandbookError(
            tr(
                f"LibreOffice không chuyển xong sang PDF sau {PDF_TIMEOUT_S} giây",
                f"LibreOffice did not finish the PDF within {PDF_TIMEOUT_S} s",
            )
        ) from None
    pdf = source.with_suffix(".pdf")
    if done.returncode != 0 or not pdf.is_file():
        reason = (done.stderr or done.stdout or "").strip().splitlines()
        raise HandbookError(
            tr("LibreOffice không chuyển được sang PDF", "LibreOffice could not convert to PDF")
            + (f": {reason[-1]}" if reason else "")
        )
    return pdf
