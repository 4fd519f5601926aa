"""`tthc handbook`: the printable handbook (sổ tay thủ tục hành chính) for the reception desk.

Cover with the issuing body, contents by field, a short guide to filing online, then one
block per procedure: a tick-box checklist (☐) of papers, time, fees, place and whether it
can be done online. Page setup, fonts and the national heading come from
:mod:`tthc.office.docx` (Nghị định 30/2020). PDF goes through LibreOffice headless.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from tthc import fields
from tthc.errors import TthcError
from tthc.i18n import T
from tthc.model import Catalog
from tthc.office import docx as dc
from tthc.plan.filing import official_month
from tthc.publish import present
from tthc.publish.entries import Entry, by_field, collect

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


class HandbookError(TthcError):
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
            T(f"'{path.name}': dùng đuôi .docx hoặc .pdf", f"'{path.name}': use a .docx or .pdf file name")
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
            assert soffice is not None  # found above, before the work
            pdf = _to_pdf(soffice, source, Path(work))
            write_atomic(path, lambda tmp: shutil.copyfile(pdf, tmp))
    return len(entries)


# -- document ------------------------------------------------------------------------------


def build_document(catalogs: Sequence[Catalog], entries: Sequence[Entry], *, issuer: str | None, generated: dt.date):
    """The handbook; linear in the number of procedures (each block is copied from a
    prototype, see :mod:`tthc.publish.stamps`)."""
    from tthc.publish.stamps import Stamps

    doc = dc.new_document()
    stamps = Stamps(doc)
    groups = by_field(entries)
    _cover(doc, catalogs, entries, groups, issuer, generated)
    _contents(doc, stamps, groups)
    _online_guide(doc)
    section = doc.sections[-1]
    width = ((section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)) / 360000  # EMU -> cm
    number = 0
    for n, (field, items) in enumerate(groups, 1):
        if n == 1:
            doc.add_page_break()
        dc.heading(doc, f"{_roman(n)}. {_field_title(field).upper()}", level=1)
        for entry in items:
            number += 1
            _procedure(doc, stamps, number, entry, width)
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
    dc.paragraph(
        doc,
        f"{len(entries)} thủ tục thuộc {len(groups)} lĩnh vực{present.online_clause([x.procedure for x in entries])}",
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
        doc,
        f"{place}{official_month(generated)}",
        size_pt=14,
        align="center",
        first_line_cm=None,
    )


def _contents(doc, stamps, groups) -> None:
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
            stamps.paragraph(
                "contents", lambda text: _contents_line(doc, text), f"{number}. {entry.procedure.name}{code}"
            )


def _contents_line(doc, text: str):
    p = dc.paragraph(doc, text, size_pt=13, align="left", first_line_cm=None, space_after_pt=1)
    p.paragraph_format.left_indent = _cm(0.8)
    return p


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


def _procedure(doc, stamps, number: int, entry: Entry, width: float) -> None:
    """Heading, code and level, then a table: papers (tick boxes), forms, and the summary
    (only what the catalog states; what it does not state is named in one row)."""
    p = entry.procedure
    stamps.paragraph("h2", lambda text: dc.heading(doc, text, level=2), f"{number}. {p.name}")
    meta = [f"{fields.citizen('code')}: {p.code}"] if p.code else []
    if levels := present.level_names(p):
        meta.append(f"{fields.citizen('levels')}: " + ", ".join(levels))
    if meta:
        stamps.paragraph("meta", lambda text: _meta_line(doc, text), " · ".join(meta))
    rows = [(fields.citizen("documents"), _checklist(p))]
    if forms := present.forms(p):
        rows.append((fields.citizen("forms"), forms))
    online = None
    for item in present.summary(p):
        if item.key == "online":
            online = item
        else:
            rows.append((item.label, item.lines))
    if missing := present.unstated(p):
        rows.append(("Danh mục không ghi", [_first_upper("; ".join(missing)) + f". {present.ASK}."]))
    tbl = stamps.table("procedure", lambda: _table_prototype(doc, width))
    for label, lines in rows:
        label_cell, value_cell = stamps.row("procedure", tbl)
        stamps.cell(label_cell, label, key="label", make=_label_text)
        stamps.cell(value_cell, "\n".join(lines), make=_value_text)
    if online is not None:
        guide = present.online_guide(p)
        label_cell, value_cell = stamps.row("procedure", tbl)
        stamps.cell(label_cell, online.label, key="label", make=_label_text)
        stamps.cell(value_cell, guide.headline, key="label", make=_label_text)
        stamps.cell_paragraph(value_cell, guide.detail, key="detail", make=_detail_text)
    stamps.append(tbl)
    stamps.paragraph("gap", lambda _: _gap(doc))


def _meta_line(doc, text: str):
    line = dc.paragraph(doc, text, size_pt=12, italic=True, first_line_cm=None, space_after_pt=4)
    line.paragraph_format.keep_with_next = True
    return line


def _gap(doc):
    p = dc.new_paragraph(doc)
    p.paragraph_format.space_after = _pt(2)
    return p


def _label_text(cell, text: str) -> None:
    dc.cell_text(cell, text, size_pt=12, bold=True)


def _value_text(cell, text: str) -> None:
    dc.cell_text(cell, text, size_pt=12)


def _detail_text(cell, text: str) -> None:
    detail = dc.paragraph(cell, text, size_pt=12, align="left", first_line_cm=None, space_after_pt=2)
    detail.paragraph_format.line_spacing = 1.0


def _table_prototype(doc, width: float):
    """The procedure table with one empty row: fixed widths, rows that do not split across pages."""
    table = _table(doc, width)
    _new_row(table)
    _cant_split(table.rows[-1])
    dc.set_widths(table, [LABEL_CM, width - LABEL_CM])
    return table


def _table(doc, width_cm: float):
    """An empty two-column bordered table at the end of the body, in constant time.

    python-docx's Document.add_table reads the page width through doc.sections (an XPath
    over the whole document) and inserts by scanning every body element: quadratic over a
    handbook of thousands of procedures.
    """
    from docx.oxml.table import CT_Tbl
    from docx.shared import Cm
    from docx.table import Table

    tbl = CT_Tbl.new_tbl(0, 2, Cm(width_cm))
    body = doc.element.body
    last = body[-1]  # lxml walks from the end: constant time
    if last.tag.endswith("}sectPr"):
        last.addprevious(tbl)
    else:
        body.append(tbl)
    table = Table(tbl, doc)
    table.style = doc.styles["Table Grid"]
    return table


def _new_row(table) -> list:
    """The cells of a new last row (python-docx's row.cells walks the whole table)."""
    from docx.table import _Cell

    tr = table.add_row()._tr
    return [_Cell(tc, table) for tc in tr.tc_lst]


def _cant_split(row) -> None:
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _checklist(p) -> list[str]:
    """A tick box and the catalog's words per paper; what was read from them in brackets."""
    if not p.documents:
        return ["Hỏi nơi tiếp nhận hồ sơ (danh mục chưa ghi thành phần hồ sơ)"]
    lines = []
    for group, docs in present.document_groups(p):
        if group:
            lines.append(f"{group}:")
        for doc in docs:
            detail = present.document_detail(doc)
            lines.append(f"{BOX} {present.document_text(doc)}" + (f" ({detail})" if detail else ""))
    return lines


def _field_title(field: str) -> str:
    return field if field.casefold().startswith("lĩnh vực") else f"Lĩnh vực {field}"


def _roman(n: int) -> str:
    from tthc.plan.build import roman

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
        T(
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
            T(
                f"LibreOffice không chuyển xong sang PDF sau {PDF_TIMEOUT_S} giây",
                f"LibreOffice did not finish the PDF within {PDF_TIMEOUT_S} s",
            )
        ) from None
    pdf = source.with_suffix(".pdf")
    if done.returncode != 0 or not pdf.is_file():
        reason = (done.stderr or done.stdout or "").strip().splitlines()
        raise HandbookError(
            T("LibreOffice không chuyển được sang PDF", "LibreOffice could not convert to PDF")
            + (f": {reason[-1]}" if reason else "")
        )
    return pdf


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]
