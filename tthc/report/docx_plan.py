"""The simplification plan as a Word document (python-docx), laid out per Nghị định 30/2020."""

from __future__ import annotations

from pathlib import Path

from tthc.cost import Cost, CostTotal, format_number, format_percent, format_vnd
from tthc.plan import Part, Plan, Section, roman
from tthc.report import docx_common as dc

TITLE = "PHƯƠNG ÁN ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH"
PART_I_HEADERS = ("STT", "Mã số TTHC", "Tên TTHC", "Văn bản quy định", "Nội dung đề xuất")
PART_I_WIDTHS = (1.3, 2.5, 4.5, 4.1, 4.1)
PARTS = (
    ("PHẦN I", "DANH MỤC THỦ TỤC HÀNH CHÍNH ĐỀ XUẤT ĐƠN GIẢN HÓA"),
    ("PHẦN II", "NỘI DUNG ĐƠN GIẢN HÓA"),
    ("PHẦN III", "TỔNG HỢP LỢI ÍCH (CHI PHÍ TUÂN THỦ, ĐỒNG/NĂM)"),
)
_UNIT_WORDS = ("tỉnh", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu")


def write_docx(plan: Plan, path: Path) -> None:
    """Write the plan atomically to ``path``."""
    from tthc.report.files import write_atomic

    doc = build_document(plan)
    write_atomic(path, lambda tmp: doc.save(str(tmp)))


def build_document(plan: Plan):
    doc = dc.new_document()
    props = doc.core_properties
    props.title, props.author, props.language = TITLE.capitalize(), plan.issuer or "", "vi-VN"
    props.comments = ""
    year = plan.as_of.year
    dc.national_heading(doc, issuer_lines(plan.issuer), place_date=place_date(plan.locality, year))
    names = [p.name for p in plan.parts if p.name]
    subtitle = f"(Danh mục: {'; '.join(names)})" if names else None
    dc.title(doc, TITLE, subtitle, subtitle_italic=True)
    sections = plan.sections
    if not sections:
        dc.paragraph(doc, "Không có đề xuất đơn giản hóa thủ tục hành chính.")
        dc.page_numbers(doc)
        return doc
    _part_heading(doc, 0)
    dc.add_table(
        doc,
        PART_I_HEADERS,
        part_one_rows(plan),
        PART_I_WIDTHS,
        align=("center", "center", "left", "left", "left"),
    )
    _part_heading(doc, 1)
    number = 0
    for letter, part in _lettered(plan.parts):
        if letter:
            dc.heading(doc, f"{letter}. {part.name.upper()}", level=2)
        for n, (field, part_sections) in enumerate(part.groups, start=1):
            if field:
                dc.heading(doc, f"{roman(n)}. {field_title(field).upper()}", level=2)
            for section in part_sections:
                number += 1
                _section(doc, number, section)
    _totals(doc, plan)
    dc.page_numbers(doc)
    return doc


def _part_heading(doc, index: int) -> None:
    """ "PHẦN I" over its title, centred, as provincial plans set them."""
    number, title = PARTS[index]
    dc.heading(doc, f"{number}\n{title}", align="center")


def place_name(locality: str | None) -> str:
    """The place in the date line (Nghị định 30/2020): "Huyện Kim Bảng, tỉnh Hà Nam" -> "Kim Bảng"."""
    if not locality:
        return "……"
    first = locality.split(",")[0].strip()
    lowered = first.lower()
    for word in sorted(_UNIT_WORDS, key=len, reverse=True):
        if lowered.startswith(word + " "):
            return first[len(word) + 1 :].strip()
    return first


def place_date(locality: str | None, year: int) -> str:
    return f"{place_name(locality)}, ngày     tháng     năm {year}"


def issuer_lines(issuer: str) -> list[str]:
    """ "UBND tỉnh Đồng Nai\nSở Tư pháp" -> two lines; one line otherwise."""
    return [line.strip() for line in issuer.replace(" - ", "\n").split("\n") if line.strip()] if issuer else []


def field_title(field: str) -> str:
    return field if field.lower().startswith("lĩnh vực") else f"Lĩnh vực {field}"


def _lettered(parts: list[Part]):
    shown = [p for p in parts if p.sections]
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    for i, part in enumerate(shown):
        yield (letters[i % 26] if len(shown) > 1 else None), part


def part_one_rows(plan: Plan) -> list[list[str] | str]:
    """Phần I rows, with group rows for catalogs (A., B.) and fields (I., II.)."""
    rows: list[list[str] | str] = []
    number = 0
    for letter, part in _lettered(plan.parts):
        if letter:
            rows.append(f"{letter}. {part.name}")
        for n, (field, sections) in enumerate(part.groups, start=1):
            if field:
                rows.append(f"{roman(n)}. {field_title(field)}")
            for section in sections:
                number += 1
                rows.append(
                    [
                        str(number),
                        section.code or "",
                        section.name,
                        "\n".join(section.legal_documents),
                        _lines(section.labels),
                    ]
                )
    return rows


def _lines(values: list[str]) -> str:
    return "\n".join(f"- {v}" for v in values) if len(values) > 1 else "".join(values)


def _section(doc, number: int, section: Section) -> None:
    dc.paragraph(doc, f"{number}. {section.heading}", bold=True, keep_with_next=True)
    dc.paragraph(doc, f"{number}.1. Nội dung đơn giản hóa", bold=True, italic=True, keep_with_next=True)
    for i, item in enumerate(section.items):
        letter = "abcdefghijklmnopqrstuvwxyz"[i % 26]
        p = dc.paragraph(doc, f"{letter}) ")
        dc.add_text(p, item.content)
        p = dc.paragraph(doc)
        dc.add_text(p, "Lý do: ", italic=True)
        dc.add_text(p, item.reason)
    dc.paragraph(doc, f"{number}.2. Kiến nghị thực thi", bold=True, italic=True, keep_with_next=True)
    for line in section.implementation:
        dc.paragraph(doc, f"- {line}")
    dc.paragraph(doc, f"{number}.3. Lợi ích phương án đơn giản hóa", bold=True, italic=True, keep_with_next=True)
    for line in benefit_lines(section.cost):
        dc.paragraph(doc, f"- {line}")


def benefit_lines(cost: Cost | None) -> list[str]:
    """Lợi ích: the cost figures as provincial plans write them."""
    if cost is None:
        return ["Chi phí tuân thủ: chưa rõ (không tìm thấy thủ tục trong danh mục)."]
    lines: list[str] = []
    if cost.time_changes:
        lines.append(
            f"Thời hạn giải quyết: từ {format_number(cost.days_before)} ngày làm việc "
            f"xuống {format_number(cost.days_after)} ngày làm việc."
        )
    if not cost.known:
        lines.append(f"Chi phí tuân thủ thủ tục hành chính: chưa rõ ({cost.unknown}).")
        return lines
    lines += [
        f"Chi phí tuân thủ thủ tục hành chính trước khi đơn giản hóa: {format_vnd(cost.before)} đồng/năm.",
        f"Chi phí tuân thủ thủ tục hành chính sau khi đơn giản hóa: {format_vnd(cost.after)} đồng/năm.",
        f"Chi phí tiết kiệm: {format_vnd(cost.saving)} đồng/năm.",
        f"Tỷ lệ cắt giảm chi phí: {format_percent(cost.cut_percent, '0 %')}.",
    ]
    lines += [f"Ghi chú: {note}." for note in cost.notes]
    return lines


TOTAL_HEADERS = ("Danh mục", "Trước", "Sau", "Tiết kiệm", "Tỷ lệ cắt giảm")
TOTAL_WIDTHS = (4.5, 3.3, 3.3, 3.3, 2.1)  # wide enough for "11.944.320.000" in 13 pt


def totals_rows(plan: Plan) -> list[list[str]]:
    rows = []
    for part in plan.parts:
        if part.sections:
            rows.append(_total_row(part.name, len(part.sections), part.total))
    rows.append(_total_row("Tổng cộng", len(plan.sections), plan.total))
    return rows


def _total_row(label: str, count: int, t: CostTotal) -> list[str]:
    counts = f"{count} TTHC" + (f"; chưa rõ chi phí: {t.unknown}" if t.unknown else "")
    if not t.known:  # every cost unknown: say so, never 0
        return [f"{label}\n({counts})", "chưa rõ", "chưa rõ", "chưa rõ", "chưa rõ"]
    return [
        f"{label}\n({counts})",
        format_vnd(t.before),
        format_vnd(t.after),
        format_vnd(t.saving),
        format_percent(t.cut_percent, "–"),
    ]


def _totals(doc, plan: Plan) -> None:
    _part_heading(doc, 2)
    table = dc.add_table(
        doc,
        TOTAL_HEADERS,
        totals_rows(plan),
        TOTAL_WIDTHS,
        align=("left", "right", "right", "right", "center"),
    )
    for cell in table.rows[-1].cells:
        for p in cell.paragraphs:
            for run in p.runs:
                run.bold = True
    note = dc.paragraph(doc, plan.settings.method_note(), italic=True, size_pt=13)
    note.paragraph_format.space_before = dc._pt(6)
