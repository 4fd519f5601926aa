"""`tthc cost` output: a Rich table, JSON or CSV of each procedure's cost and the totals."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from decimal import Decimal

from tthc.i18n import Lang, text, tr
from tthc.office.xlsx import neutralise
from tthc.plan.build import CostRow
from tthc.plan.cost import CostSettings, CostTotal, format_percent, format_vnd, total

SCHEMA_VERSION = 1


def totals_by(rows: Sequence[CostRow], key) -> dict[str, CostTotal]:
    groups: dict[str, list] = {}
    for row in rows:
        groups.setdefault(key(row), []).append(row.cost)
    return {name: total(costs) for name, costs in groups.items()}


def _field(row: CostRow, *, lang: Lang) -> str:
    return row.field or tr(lang, "(không rõ lĩnh vực)", "(no field)")


def _amount(value: Decimal | None) -> int | None:
    return int(value) if value is not None else None


def _percent(value: Decimal | None) -> float | None:
    return round(float(value), 2) if value is not None else None


def _total_dict(t: CostTotal) -> dict:
    return {
        "before": _amount(t.before),
        "after": _amount(t.after),
        "saving": _amount(t.saving),
        "cut_percent": _percent(t.cut_percent),
        "known": t.known,
        "unknown": t.unknown,
    }


def render_json(rows: Sequence[CostRow], settings: CostSettings, *, lang: Lang) -> str:
    procedures = []
    for r in rows:
        c = r.cost
        procedures.append(
            {
                "catalog": r.catalog,
                "file": r.file,
                "code": r.code,
                "name": r.name,
                "field": r.field,
                "dossiers_per_year": c.dossiers,
                "days_before": float(c.days_before) if c.days_before is not None else None,
                "days_after": float(c.days_after) if c.days_after is not None else None,
                "hours_before": float(c.hours_before) if c.hours_before is not None else None,
                "hours_after": float(c.hours_after) if c.hours_after is not None else None,
                "before": _amount(c.before),
                "after": _amount(c.after),
                "saving": _amount(c.saving),
                "cut_percent": _percent(c.cut_percent),
                "unknown_reason": c.unknown,
                "notes": c.notes,
                "proposals": r.proposals,
            }
        )
    doc = {
        "schema_version": SCHEMA_VERSION,
        "mode": settings.mode,
        "inputs": {
            "hourly_rate": int(settings.hourly_rate),
            "hours_per_day": float(settings.hours_per_day) if settings.hours_per_day is not None else None,
            "scm_hours": {k: float(v) for k, v in settings.scm_hours.items()} if settings.mode == "scm" else None,
            "sources": {k: text(v, lang) for k, v in settings.sources.items()},
        },
        "procedures": procedures,
        "totals": {
            "overall": _total_dict(total(r.cost for r in rows)),
            "by_catalog": {k: _total_dict(v) for k, v in totals_by(rows, lambda r: r.catalog).items()},
            "by_field": {k: _total_dict(v) for k, v in totals_by(rows, lambda r: _field(r, lang=lang)).items()},
        },
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def render_csv(rows: Sequence[CostRow], *, lang: Lang) -> str:
    """One row per procedure; text cells formula-neutralised (write with a BOM for Excel)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        [
            tr(lang, "Danh mục", "Catalog"),
            tr(lang, "Mã số TTHC", "Code"),
            tr(lang, "Tên TTHC", "Name"),
            tr(lang, "Lĩnh vực", "Field"),
            tr(lang, "Hồ sơ/năm", "Dossiers/year"),
            tr(lang, "Thời hạn trước (ngày)", "Days before"),
            tr(lang, "Thời hạn sau (ngày)", "Days after"),
            tr(lang, "Chi phí trước (đồng/năm)", "Cost before (VND/year)"),
            tr(lang, "Chi phí sau (đồng/năm)", "Cost after (VND/year)"),
            tr(lang, "Tiết kiệm (đồng/năm)", "Saving (VND/year)"),
            tr(lang, "Tỷ lệ cắt giảm (%)", "Cut (%)"),
            tr(lang, "Đề xuất", "Proposals"),
            tr(lang, "Ghi chú", "Notes"),
        ]
    )
    for r in rows:
        c = r.cost
        writer.writerow(
            [
                neutralise(r.catalog),
                neutralise(r.code or ""),
                neutralise(r.name),
                neutralise(r.field or ""),
                "" if c.dossiers is None else c.dossiers,
                _plain(c.days_before),
                _plain(c.days_after),
                _plain(c.before),
                _plain(c.after),
                _plain(c.saving),
                "" if c.cut_percent is None else f"{float(c.cut_percent):.2f}",
                neutralise("; ".join(r.proposals)),
                neutralise("; ".join(([c.unknown] if c.unknown else []) + c.notes)),
            ]
        )
    return out.getvalue()


def _plain(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"{value.normalize():f}" if value != value.to_integral_value() else str(int(value))


def render_table(
    rows: Sequence[CostRow], settings: CostSettings, console, *, only_changed: bool = False, lang: Lang
) -> None:
    """Fits 80 columns: code and name share the one column that wraps; figures never wrap."""
    from rich.text import Text

    from tthc.report.terminal.console import figure_column, plain, print_table, table, text_column

    unknown = tr(lang, "chưa rõ", "unknown")
    shown = [r for r in rows if not only_changed or r.proposals]
    lines = [
        (
            Text.assemble(plain(r.code or "—", "bold"), " ", plain(r.name)),
            unknown if r.cost.dossiers is None else str(r.cost.dossiers),
            format_vnd(r.cost.before, unknown, lang=lang),
            format_vnd(r.cost.after, unknown, lang=lang),
            format_vnd(r.cost.saving, unknown, lang=lang),
            format_percent(r.cost.cut_percent, unknown if not r.cost.known else "–", lang=lang),
        )
        for r in shown
    ]
    grid = table()
    text_column(grid, tr(lang, "Mã số, tên TTHC", "Code, name"), min_width=12)
    for name in (
        tr(lang, "Hồ sơ/năm", "Dossiers/yr"),
        tr(lang, "Trước", "Before"),
        tr(lang, "Sau", "After"),
        tr(lang, "Tiết kiệm", "Saving"),
        "%",
    ):
        figure_column(grid, name)
    for line in lines:
        grid.add_row(*line)
    print_table(console, tr(lang, "Chi phí tuân thủ (đồng/năm)", "Compliance cost (VND/year)"), grid)
    for title, groups in (
        (tr(lang, "Tổng theo lĩnh vực", "Totals by field"), totals_by(rows, lambda r: _field(r, lang=lang))),
        (tr(lang, "Tổng theo danh mục", "Totals by catalog"), totals_by(rows, lambda r: r.catalog)),
    ):
        print_table(console, *_totals_table(title, groups, total(r.cost for r in rows), lang=lang))
    rate = format_vnd(settings.hourly_rate, lang=lang)
    source = text(settings.sources.get("hourly_rate"), lang)
    console.print(
        tr(
            lang,
            f"Cách tính: {settings.mode}; thu nhập {rate} đồng/giờ ({source}). Thủ tục chưa có số hồ sơ/năm: chưa rõ.",
            f"Method: {settings.mode}; income {rate} VND/hour ({source}). Procedures without a yearly volume: unknown.",
        ),
        style="dim",
        markup=False,
        soft_wrap=False,  # a sentence: wrapped to the terminal like the tables above
    )


def _totals_table(title: str, groups: dict[str, CostTotal], overall: CostTotal, *, lang: Lang):
    from tthc.report.terminal.console import figure_column, plain, table, text_column

    lines = [
        (
            plain(name),
            f"{t.known}/{t.unknown}",
            format_vnd(t.before, lang=lang),
            format_vnd(t.after, lang=lang),
            format_vnd(t.saving, lang=lang),
            format_percent(t.cut_percent, "–", lang=lang),
        )
        for name, t in [*groups.items(), (tr(lang, "Tổng cộng", "Total"), overall)]
    ]
    grid = table()
    text_column(grid, "", min_width=12)
    for name in (tr(lang, "Đã rõ/chưa rõ", "Known/unknown"), tr(lang, "Trước", "Before"), tr(lang, "Sau", "After")):
        figure_column(grid, name)
    figure_column(grid, tr(lang, "Tiết kiệm", "Saving"))
    figure_column(grid, "%")
    for line in lines:
        grid.add_row(*line)
    return title, grid
