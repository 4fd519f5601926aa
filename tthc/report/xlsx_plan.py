"""The simplification plan as a workbook the officer reviews and prints.

Sheets: Phần I (one row per procedure), Phần II (one row per proposal, with the officer's
"Quyết định" drop-down — đồng ý / không đồng ý / sửa — and cells for the edited text and the
reason, read back by ``tthc recommend --decisions plan.xlsx``), Cập nhật danh mục (catalog
corrections, decided the same way), Phát hiện (every finding) and Tổng hợp (counts, cost
totals and a chart labelled in Vietnamese). Every sheet prints on A4, fitted to the page
width, header row on every page, rows tall enough for their wrapped text.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from tthc.fields import PLAN_TITLES
from tthc.i18n import text
from tthc.labels import PLAN
from tthc.model import SourceRef
from tthc.office import xlsx as xc
from tthc.plan.build import Item, Plan, Section
from tthc.plan.cost import Cost
from tthc.plan.decisions import DECISION_HEADER, EDITED_HEADER, KEY_HEADER, REASON_HEADER, WORDS, decision_word
from tthc.rules import find_rule
from tthc.rules.base import Finding, Severity

SHEETS = ("Phần I", "Phần II", "Cập nhật danh mục", "Phát hiện", "Tổng hợp")
_SEVERITY = {Severity.ERROR: "lỗi", Severity.WARNING: "cảnh báo", Severity.INFO: "thông tin"}
_GROUP = {
    "completeness": "đầy đủ",
    "outdated": "lạc hậu",
    "simplifiable": "có thể đơn giản hóa",
    "consistency": "nhất quán",
}
_STATUS = {"proposed": "đề xuất", "accepted": "đồng ý", "edited": "đã sửa"}
_UNKNOWN = "chưa rõ"
_PROMPT = "đồng ý / không đồng ý / sửa (ghi nội dung sửa ở cột bên cạnh)"


def write_xlsx(plan: Plan, path: Path) -> None:
    from tthc.report.files import write_atomic

    wb = build_workbook(plan)
    write_atomic(path, lambda tmp: wb.save(str(tmp)))


def build_workbook(plan: Plan):
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    _part_one(wb.create_sheet(SHEETS[0]), plan)
    _part_two(wb.create_sheet(SHEETS[1]), plan)
    _corrections(wb.create_sheet(SHEETS[2]), plan)
    _findings(wb.create_sheet(SHEETS[3]), plan.findings)
    _summary(wb.create_sheet(SHEETS[4]), plan)
    return wb


def _table(ws, headers, rows, widths, *, landscape=True, number_formats=None) -> tuple[int, int]:
    header, last = xc.write_table(ws, headers, rows, widths=widths, number_formats=number_formats)
    xc.fit_row_heights(ws, widths, header + 1, last)
    xc.print_setup(ws, landscape=landscape)
    return header, last


def _cost_cells(cost: Cost | None) -> list[object]:
    if cost is None or not cost.known:
        return [_UNKNOWN] * 4
    percent = cost.cut_percent
    return [cost.before, cost.after, cost.saving, round(float(percent), 2) if percent is not None else "–"]


def _part_one(ws, plan: Plan) -> None:
    headers = [
        PLAN["row"],
        PLAN["catalog"],
        PLAN_TITLES["field"],
        PLAN_TITLES["code"],
        PLAN_TITLES["name"],
        PLAN_TITLES["legal_basis"],
        PLAN["proposal"],
        PLAN["cost_before"],
        PLAN["cost_after"],
        PLAN["saving"],
        PLAN["cut"],
    ]
    rows = []
    for n, section in enumerate(plan.sections, start=1):
        rows.append(
            [
                n,
                section.catalog,
                section.field or "",
                section.code or "",
                section.name,
                "\n".join(section.legal_documents),
                "\n".join(section.labels),
                *_cost_cells(section.cost),
            ]
        )
    _table(
        ws,
        headers,
        rows,
        [6, 24, 18, 14, 40, 30, 30, 16, 16, 16, 12],
        number_formats={7: xc.MONEY_FORMAT, 8: xc.MONEY_FORMAT, 9: xc.MONEY_FORMAT, 10: xc.PERCENT_FORMAT},
    )


def _decision_cells(item: Item) -> list[str]:
    word = decision_word(item.status) if item.status != "proposed" else ""
    return [word, item.note or "", item.decision_reason or ""]


def _rule(item: Item) -> str:
    return "\n".join(dict.fromkeys(f"{f.rule_code} {f.rule_name}" for f in item.findings))


def _left_out(section: Section) -> str:
    return "không đưa vào phương án: " + (
        "thủ tục không còn thực hiện" if section.obsolete else "thủ tục được đề xuất bãi bỏ"
    )


PART_TWO = [
    PLAN["row"],
    PLAN_TITLES["code"],
    PLAN_TITLES["name"],
    PLAN["proposal"],
    "Nội dung đơn giản hóa",
    "Lý do",
    DECISION_HEADER,
    EDITED_HEADER,
    REASON_HEADER,
    "Kiến nghị thực thi",
    PLAN["time_before"],
    PLAN["time_after"],
    PLAN["cost_before"],
    PLAN["cost_after"],
    PLAN["saving"],
    PLAN["cut"],
    "Quy tắc",
    "Trạng thái",
    KEY_HEADER,
]


def _part_two(ws, plan: Plan) -> None:
    rows = []
    for n, section in enumerate([s for s in plan.all_sections if s.items or s.superseded], start=1):
        cost = section.cost
        kept = {id(item) for item in section.items}
        for i, item in enumerate([*section.items, *section.superseded]):
            first = i == 0  # procedure-level values once per procedure, so sums stay right
            days = [_days(cost.days_before), _days(cost.days_after)] if (cost and first) else ["", ""]
            status = _STATUS.get(item.status, item.status) if id(item) in kept else _left_out(section)
            rows.append(
                [
                    n,
                    section.code or "",
                    section.name,
                    item.label,
                    item.content,
                    item.reason,
                    *_decision_cells(item),
                    "\n".join(section.implementation) if first else "",
                    *days,
                    *(_cost_cells(cost) if first and cost else ["", "", "", ""]),
                    _rule(item),
                    status,
                    "\n".join(item.fingerprints),
                ]
            )
    widths = [6, 14, 30, 24, 44, 44, 14, 30, 24, 36, 12, 12, 16, 16, 16, 12, 28, 18, 24]
    header, last = _table(
        ws,
        PART_TWO,
        rows,
        widths,
        number_formats={12: xc.MONEY_FORMAT, 13: xc.MONEY_FORMAT, 14: xc.MONEY_FORMAT, 15: xc.PERCENT_FORMAT},
    )
    xc.dropdown(ws, PART_TWO.index(DECISION_HEADER) + 1, header + 1, last, list(WORDS), prompt=_PROMPT)


CORRECTIONS = [
    PLAN["row"],
    PLAN["catalog"],
    PLAN_TITLES["code"],
    PLAN_TITLES["name"],
    PLAN["in_catalog"],
    "Nội dung cập nhật",
    PLAN["basis"],
    DECISION_HEADER,
    EDITED_HEADER,
    REASON_HEADER,
    "Quy tắc",
    "Trạng thái",
    KEY_HEADER,
]


def _corrections(ws, plan: Plan) -> None:
    rows = []
    for n, section in enumerate(plan.corrected, start=1):
        for item in section.corrections:
            rows.append(
                [
                    n,
                    section.catalog,
                    section.code or "",
                    section.name,
                    item.found or item.label,
                    item.content,
                    item.basis,
                    *_decision_cells(item),
                    _rule(item),
                    _STATUS.get(item.status, item.status),
                    "\n".join(item.fingerprints),
                ]
            )
    widths = [6, 22, 14, 30, 44, 44, 30, 14, 30, 24, 28, 14, 24]
    header, last = _table(ws, CORRECTIONS, rows, widths)
    xc.dropdown(ws, CORRECTIONS.index(DECISION_HEADER) + 1, header + 1, last, list(WORDS), prompt=_PROMPT)


def _days(value) -> object:
    return _UNKNOWN if value is None else float(value)


def position(source: SourceRef | None) -> str:
    """Where in the file: "Sheet!B17", "Sheet, dòng 17" or "dòng 12"."""
    if source is None:
        return ""
    if source.sheet is not None:
        return f"{source.sheet}!{source.cell}" if source.cell else f"{source.sheet}, dòng {source.row or ''}".strip()
    if source.line is not None:
        return f"dòng {source.line}"
    return source.text("vi")  # a record's field (portal JSON): "bo-tu-phap/1.003005.json, thanh_phan_ho_so, dòng 3"


def _findings(ws, findings: list[Finding]) -> None:
    headers = [
        "Mức",
        "Mã quy tắc",
        "Quy tắc",
        "Nhóm",
        PLAN["catalog"],
        "Tệp",
        "Vị trí",
        "Trang tính",
        "Ô",
        "Dòng",
        PLAN_TITLES["code"],
        PLAN_TITLES["name"],
        PLAN_TITLES["field"],
        "Trường",
        "Nội dung",
        "Kiến nghị",
        PLAN["basis"],
        "Mã nhận diện",
    ]
    rows = []
    for f in findings:
        s = f.source
        rows.append(
            [
                _SEVERITY[f.severity],
                f.rule_code,
                f.rule_name,
                _GROUP.get(f.group.value, f.group.value),
                f.catalog,
                (s.file if s else f.file) or "",
                position(s),
                (s.sheet if s else None) or "",
                (s.cell if s else None) or "",
                (s.line_or_row if s else None) or "",
                f.procedure_code or "",
                f.procedure_name or "",
                f.procedure_field or "",
                f.field,
                text(f.message, "vi"),
                text(f.recommendation, "vi"),
                text(f.legal_basis, "vi"),
                f.fingerprint,
            ]
        )
    _table(ws, headers, rows, [10, 10, 26, 16, 24, 24, 14, 14, 8, 8, 14, 34, 18, 16, 44, 44, 30, 24])


def _summary(ws, plan: Plan) -> None:
    from openpyxl.chart import BarChart, Reference

    by_rule = Counter((f.rule_code, f.rule_name, f.group.value) for f in plan.findings)
    rule_rows = [
        [code, _summary_of(code) or name, name, _GROUP.get(group, group), count, _proposal(code)]
        for (code, name, group), count in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0][0]))
    ]
    widths = [12, 40, 28, 20, 14, 34, 14]
    header, last = xc.write_table(
        ws,
        ["Mã quy tắc", "Nội dung phát hiện", "Quy tắc", "Nhóm", "Số phát hiện", PLAN["proposal"]],
        rule_rows,
        widths=widths,
    )
    row = last + 3
    xc.title_row(ws, row - 1, "Theo lĩnh vực", 3)
    by_field = Counter(f.procedure_field or "(không rõ lĩnh vực)" for f in plan.findings)
    proposals = Counter(s.field or "(không rõ lĩnh vực)" for s in plan.sections)
    field_rows = [[name, count, proposals.get(name, 0)] for name, count in by_field.most_common()]
    _, last_field = xc.write_table(
        ws,
        [PLAN_TITLES["field"], "Số phát hiện", "Số TTHC có đề xuất"],
        field_rows,
        start_row=row,
        freeze=False,
        auto_filter=False,
    )
    row = last_field + 3
    xc.title_row(ws, row - 1, "Chi phí tuân thủ (đồng/năm)", 7)
    cost_rows = []
    for name, count, t in [(p.name, len(p.sections), p.total) for p in plan.parts] + [
        ("Tổng cộng", len(plan.sections), plan.total)
    ]:
        figures = [t.before, t.after, t.saving, _pct(t.cut_percent)] if t.known else [_UNKNOWN] * 4
        cost_rows.append([name, count, t.unknown, *figures])
    _, end = xc.write_table(
        ws,
        [PLAN["catalog"], "Số TTHC có đề xuất", "Chưa rõ chi phí", "Trước", "Sau", "Tiết kiệm", PLAN["cut"]],
        cost_rows,
        start_row=row,
        freeze=False,
        auto_filter=False,
        number_formats={3: xc.MONEY_FORMAT, 4: xc.MONEY_FORMAT, 5: xc.MONEY_FORMAT, 6: xc.PERCENT_FORMAT},
    )
    xc.fit_row_heights(ws, widths, 1, end)
    xc.print_setup(ws, landscape=True)
    if rule_rows:
        chart = BarChart()
        chart.type = "bar"
        chart.title = "Số phát hiện theo nội dung"
        chart.y_axis.title = "Số phát hiện"
        chart.legend = None
        data = Reference(ws, min_col=5, min_row=header, max_row=last)
        labels = Reference(ws, min_col=2, min_row=header + 1, max_row=last)  # Vietnamese, not rule ids
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(labels)
        chart.height = max(7.5, 0.6 * len(rule_rows) + 3)
        chart.width = 20
        ws.add_chart(chart, "I2")


def _summary_of(code: str) -> str:
    rule = find_rule(code)
    return rule.summary.vi if rule else ""


def _proposal(code: str) -> str:
    rule = find_rule(code)
    return rule.proposal.vi if rule and rule.proposal else ""


def _pct(value) -> object:
    return round(float(value), 2) if value is not None else "–"
