"""The simplification plan as Markdown: the same content as the .docx, for git and review."""

from __future__ import annotations

from pathlib import Path

from tthc.plan.build import Plan
from tthc.report.docx_plan import (
    CORRECTION_HEADERS,
    CORRECTIONS_INTRO,
    NOTHING,
    PART_I_HEADERS,
    PARTS,
    TITLE,
    TOTAL_HEADERS,
    correction_groups,
    filing_of,
    part_one_rows,
    part_two_blocks,
    section_lines,
    subtitle,
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


def _part(index: int) -> list[str]:
    return [f"## {PARTS[index][0]}. {PARTS[index][1]}", ""]


def render_markdown(plan: Plan) -> str:
    filing = filing_of(plan)
    issuer = " / ".join(line.upper() for line in filing.issuer_lines) or "……"
    lines: list[str] = [
        f"**{issuer}** — CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc",
        "",
        filing.number,
        "",
        f"*{filing.place_date}*",
        "",
        f"# {TITLE}",
        "",
    ]
    if subtitle(plan):
        lines += [f"*{subtitle(plan)}*", ""]
    if not plan.sections and not plan.corrected:
        lines += [NOTHING, ""]
    if plan.sections:
        lines += _part(0) + _table(PART_I_HEADERS, part_one_rows(plan)) + [""] + _part(1)
        for kind, text, number, section in part_two_blocks(plan):
            if kind == "heading":
                lines += [f"### {text}", ""]
                continue
            for what, lead, body in section_lines(number, section):
                if what != "line" and lines[-1].startswith("- "):
                    lines.append("")
                if what == "heading":
                    lines += [f"#### {body}", ""]
                elif what == "subheading":
                    lines += [f"**{body}**", ""]
                elif what == "reason":
                    lines += [f"*{lead.strip()}* {body}", ""]
                elif what == "item":
                    lines += [f"{lead}{body}", ""]
                else:
                    lines.append(f"- {body}")
            lines.append("")
    if plan.corrected:
        lines += [*_part(2), CORRECTIONS_INTRO, ""]
        for n, group in enumerate(correction_groups(plan), start=1):
            lines += [f"### {n}. {group.label}", "", f"*Nội dung cập nhật:* {group.content}", ""]
            lines += [f"*Căn cứ:* {group.basis}", ""] if group.basis else []
            lines += [*_table(CORRECTION_HEADERS, group.rows), ""]
    if plan.sections:
        lines += _part(3) + _table(TOTAL_HEADERS, totals_rows(plan))
        lines += ["", f"*{plan.settings.method_note()}*", ""]
    lines += ["**Nơi nhận:**"]
    lines += [
        f"- {r.rstrip(';.')}{'.' if i == len(filing.recipients) - 1 else ';'}" for i, r in enumerate(filing.recipients)
    ]
    lines += ["", " / ".join(filing.signer_title), "", filing.signer or "", ""]
    return "\n".join(lines)
