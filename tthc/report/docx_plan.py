"""The simplification plan as a Word document (python-docx), laid out per Nghị định 30/2020.

Heading block with "Số: …/PA-…" and the place and date line; Phần I (the list), Phần II
(each procedure's simplifications, what to amend, the benefit), Phần III (catalog
corrections: text to correct in the catalog, not amendments of law), Phần IV (the totals);
then "Nơi nhận" and the signature block. The text functions here are shared with the
Markdown writer.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from tthc.fields import PLAN_TITLES
from tthc.labels import PLAN
from tthc.office import docx as dc
from tthc.plan.build import Part, Plan, Section, roman
from tthc.plan.cost import Cost, CostTotal, format_number, format_percent, format_vnd
from tthc.plan.filing import Filing, issuer_lines

TITLE = "PHƯƠNG ÁN ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH"
PART_I_HEADERS = (PLAN["row"], PLAN_TITLES["code"], PLAN_TITLES["name"], PLAN_TITLES["legal_basis"], PLAN["proposal"])
PART_I_WIDTHS = (1.3, 2.5, 4.5, 4.1, 4.1)
CORRECTION_HEADERS = (PLAN["row"], PLAN_TITLES["code"], PLAN_TITLES["name"], PLAN["in_catalog"])
CORRECTION_WIDTHS = (1.3, 2.4, 5.5, 7.3)
PARTS = (
    ("PHẦN I", "DANH MỤC THỦ TỤC HÀNH CHÍNH ĐỀ XUẤT ĐƠN GIẢN HÓA"),
    ("PHẦN II", "NỘI DUNG ĐƠN GIẢN HÓA"),
    ("PHẦN III", "CẬP NHẬT DANH MỤC THỦ TỤC HÀNH CHÍNH"),
    ("PHẦN IV", "TỔNG HỢP LỢI ÍCH (CHI PHÍ TUÂN THỦ, ĐỒNG/NĂM)"),
)
CORRECTIONS_INTRO = (
    "Các nội dung sau của danh mục không còn phù hợp với quy định đang có hiệu lực (căn cứ pháp lý đã được thay thế, "
    "giấy tờ, đơn vị hành chính, cấp chính quyền đã bãi bỏ hoặc sắp xếp lại). Đây là nội dung cần cập nhật khi công bố "
    "lại danh mục, không phải đề xuất sửa đổi văn bản quy phạm pháp luật."
)
NOTHING = "Không có đề xuất đơn giản hóa thủ tục hành chính."
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def write_docx(plan: Plan, path: Path) -> None:
    """Write the plan atomically to ``path``."""
    from tthc.report.files import write_atomic

    doc = build_document(plan)
    write_atomic(path, lambda tmp: doc.save(str(tmp)))


def filing_of(plan: Plan) -> Filing:
    """The plan's filing details, or a draft to complete by hand when it has none."""
    if plan.filing is not None:
        return plan.filing
    return Filing(issuer="", number="Số:       /PA-……", place="……", date=plan.as_of, recipients=("Lưu: VT.",))


def build_document(plan: Plan):
    filing = filing_of(plan)
    doc = dc.new_document()
    props = doc.core_properties
    props.title, props.author, props.language = TITLE.capitalize(), filing.issuer, "vi-VN"
    props.comments = ""
    dc.national_heading(doc, issuer_lines(filing.issuer), number=filing.number, place_date=filing.place_date)
    dc.title(doc, TITLE, subtitle(plan), subtitle_italic=True)
    if not plan.sections and not plan.corrected:
        dc.paragraph(doc, NOTHING)
    if plan.sections:
        _part_heading(doc, 0)
        dc.add_table(
            doc, PART_I_HEADERS, part_one_rows(plan), PART_I_WIDTHS, align=("center", "center", "left", "left", "left")
        )
        _part_heading(doc, 1)
        for kind, text, number, section in part_two_blocks(plan):
            if kind == "heading":
                dc.heading(doc, text, level=2)
            else:
                _section(doc, number, section)
    if plan.corrected:
        _part_heading(doc, 2)
        dc.paragraph(doc, CORRECTIONS_INTRO)
        for n, group in enumerate(correction_groups(plan), start=1):
            dc.paragraph(doc, f"{n}. {group.label}", bold=True, keep_with_next=True)
            for lead, text in (("Nội dung cập nhật: ", group.content), ("Căn cứ: ", group.basis)):
                if text:
                    p = dc.paragraph(doc, keep_with_next=True)
                    dc.add_text(p, lead, italic=True)
                    dc.add_text(p, text)
            dc.add_table(
                doc,
                CORRECTION_HEADERS,
                group.rows,
                CORRECTION_WIDTHS,
                align=("center", "center", "left", "left"),
            )
            dc.paragraph(doc, space_after_pt=0)
    if plan.sections:
        _totals(doc, plan)
    dc.signature_block(doc, filing.recipients, filing.signer_title, filing.signer)
    dc.page_numbers(doc)
    return doc


def subtitle(plan: Plan) -> str | None:
    names = [p.name for p in plan.parts if p.name]
    return f"(Danh mục: {'; '.join(names)})" if names else None


def _part_heading(doc, index: int) -> None:
    """ "PHẦN I" over its title, centred, as provincial plans set them."""
    number, title = PARTS[index]
    dc.heading(doc, f"{number}\n{title}", align="center")


def field_title(field: str) -> str:
    return field if field.lower().startswith("lĩnh vực") else f"Lĩnh vực {field}"


def _lettered(parts: list[Part], attribute: str = "sections"):
    shown = [p for p in parts if getattr(p, attribute)]
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
        for n, (field, sections) in enumerate(part.simplification_groups, start=1):
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


def part_two_blocks(plan: Plan):
    """("heading", text, 0, None) for catalog and field headings, ("section", "", n, section) for each procedure."""
    number = 0
    for letter, part in _lettered(plan.parts):
        if letter:
            yield "heading", f"{letter}. {part.name.upper()}", 0, None
        for n, (field, sections) in enumerate(part.simplification_groups, start=1):
            if field:
                yield "heading", f"{roman(n)}. {field_title(field).upper()}", 0, None
            for section in sections:
                number += 1
                yield "section", "", number, section


@dataclass
class CorrectionGroup:
    """One kind of catalog correction (Phần III) and the procedures it applies to."""

    label: str
    content: str
    basis: str
    rows: list[list[str]] = dataclasses.field(default_factory=list)  # STT, code, name, the catalog's words


def correction_groups(plan: Plan) -> list[CorrectionGroup]:
    """Phần III: each correction once, with every procedure and place it applies to."""
    groups: dict[tuple[str, str, str], CorrectionGroup] = {}
    for section in plan.corrected:
        for item in section.corrections:
            key = (item.label, item.content, item.basis)
            group = groups.setdefault(key, CorrectionGroup(*key))
            where = f"{section.catalog}: " if len(plan.catalogs) > 1 else ""
            group.rows.append([str(len(group.rows) + 1), section.code or "", where + section.name, item.found])
    return sorted(groups.values(), key=lambda g: g.label)  # corrections of one kind side by side


def _lines(values: list[str]) -> str:
    return "\n".join(f"- {v}" for v in values) if len(values) > 1 else "".join(values)


def section_lines(number: int, section: Section) -> list[tuple[str, str, str]]:
    """The paragraphs of one procedure: (kind, lead, text); kind is heading, item, reason or line."""
    out = [("heading", "", f"{number}. {section.heading}"), ("subheading", "", f"{number}.1. Nội dung đơn giản hóa")]
    for i, item in enumerate(section.items):
        out.append(("item", f"{LETTERS[i % 26]}) ", item.content))
        out.append(("reason", "Lý do: ", item.reason))
    if section.implementation:
        out.append(("subheading", "", f"{number}.2. Kiến nghị thực thi"))
        out += [("line", "- ", line) for line in section.implementation]
    benefit = f"{number}.{3 if section.implementation else 2}. Lợi ích phương án đơn giản hóa"
    out.append(("subheading", "", benefit))
    out += [("line", "- ", line) for line in benefit_lines(section.cost)]
    return out


def _section(doc, number: int, section: Section) -> None:
    for kind, lead, text in section_lines(number, section):
        if kind == "heading":
            dc.paragraph(doc, text, bold=True, keep_with_next=True)
        elif kind == "subheading":
            dc.paragraph(doc, text, bold=True, italic=True, keep_with_next=True)
        elif kind == "reason":
            p = dc.paragraph(doc)
            dc.add_text(p, lead, italic=True)
            dc.add_text(p, text)
        else:
            p = dc.paragraph(doc, lead)
            dc.add_text(p, text)


def benefit_lines(cost: Cost | None) -> list[str]:
    """Lợi ích: the cost figures as provincial plans write them; never a figure the data lacks."""
    if cost is None:
        return ["Chi phí tuân thủ: chưa rõ (không tìm thấy thủ tục trong danh mục)."]
    lines: list[str] = []
    if cost.time_changes and cost.days_after is not None:
        before, after = cost.days_before, cost.days_after
        cut = (before - after) / before * 100 if before else None
        lines.append(
            f"Thời hạn giải quyết: từ {format_number(cost.days_before)} ngày làm việc "
            f"xuống {format_number(cost.days_after)} ngày làm việc"
            + (f" (giảm {format_percent(cut)})." if cut is not None else ".")
        )
    if not cost.known:
        lines.append(f"Chi phí tuân thủ thủ tục hành chính: chưa rõ ({cost.unknown}).")
        return lines
    if not cost.before:  # no dossiers: nothing to save, and no rate to state
        lines.append(
            f"Chi phí tuân thủ thủ tục hành chính: {format_vnd(cost.before)} đồng/năm "
            f"(không phát sinh hồ sơ: {cost.dossiers or 0} hồ sơ/năm); không có chi phí tiết kiệm."
        )
        return lines
    lines += [
        f"Chi phí tuân thủ thủ tục hành chính trước khi đơn giản hóa: {format_vnd(cost.before)} đồng/năm.",
        f"Chi phí tuân thủ thủ tục hành chính sau khi đơn giản hóa: {format_vnd(cost.after)} đồng/năm.",
        f"Chi phí tiết kiệm: {format_vnd(cost.saving)} đồng/năm.",
        f"Tỷ lệ cắt giảm chi phí: {format_percent(cost.cut_percent, '0 %')}.",
    ]
    lines += [f"Ghi chú: {note}." for note in cost.notes]
    return lines


TOTAL_HEADERS = (PLAN["catalog"], "Trước", "Sau", "Tiết kiệm", "Tỷ lệ cắt giảm")
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
    _part_heading(doc, 3)
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
