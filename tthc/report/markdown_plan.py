"""The simplification plan as Markdown: the same content as the .docx, for git and review."""

from __future__ import annotations

from pathlib import Path

from tthc.plan import Plan, roman
from tthc.report.docx_plan import (
    PART_I_HEADERS,
    PARTS,
    TITLE,
    TOTAL_HEADERS,
    benefit_lines,
    field_title,
    issuer_lines,
    place_date,
    totals_rows,
)


def write_markdown(plan: Plan, path: Path) -> None:
    from tthc.report.files import write_text_atomic

    write_text_atomic(path, render_markdown(plan))


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return (text or "").replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", "<br>")


def _table(headers, rows) -> list[str]:
    out = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for row in rows:
        if isinstance(row, str):
            out.append("| " + " | ".join([f"**{cell(row)}**", *[""] * (len(headers) - 1)]) + " |")
        else:
            out.append("| " + " | ".join(cell(v) for v in row) + " |")
    return out


def render_markdown(plan: Plan) -> str:
    from tthc.report.docx_plan import part_one_rows

    lines: list[str] = []
    issuer = " / ".join(line.upper() for line in issuer_lines(plan.issuer)) or "……"
    lines += [
        f"**{issuer}** — CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc",
        "",
        f"*{place_date(plan.locality, plan.as_of.year)}*",
        "",
        f"# {TITLE}",
        "",
    ]
    names = [p.name for p in plan.parts if p.name]
    if names:
        lines += [f"*(Danh mục: {'; '.join(names)})*", ""]
    if not plan.sections:
        lines += ["Không có đề xuất đơn giản hóa thủ tục hành chính.", ""]
        return "\n".join(lines)
    lines += [f"## {PARTS[0][0]}. {PARTS[0][1]}", ""]
    lines += _table(PART_I_HEADERS, part_one_rows(plan))
    lines += ["", f"## {PARTS[1][0]}. {PARTS[1][1]}", ""]
    number = 0
    shown = [p for p in plan.parts if p.sections]
    for i, part in enumerate(shown):
        if len(shown) > 1:
            lines += [f"### {'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i % 26]}. {part.name}", ""]
        for n, (field, sections) in enumerate(part.groups, start=1):
            if field:
                lines += [f"### {roman(n)}. {field_title(field)}", ""]
            for section in sections:
                number += 1
                lines += [f"#### {number}. {section.heading}", ""]
                lines += [f"**{number}.1. Nội dung đơn giản hóa**", ""]
                for k, item in enumerate(section.items):
                    letter = "abcdefghijklmnopqrstuvwxyz"[k % 26]
                    lines += [f"{letter}) {item.content}", "", f"*Lý do:* {item.reason}", ""]
                lines += [f"**{number}.2. Kiến nghị thực thi**", ""]
                lines += [f"- {line}" for line in section.implementation] + [""]
                lines += [f"**{number}.3. Lợi ích phương án đơn giản hóa**", ""]
                lines += [f"- {line}" for line in benefit_lines(section.cost)] + [""]
    lines += [f"## {PARTS[2][0]}. {PARTS[2][1]}", ""]
    lines += _table(TOTAL_HEADERS, totals_rows(plan))
    lines += ["", f"*{plan.settings.method_note()}*", ""]
    return "\n".join(lines)
