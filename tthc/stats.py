"""`tthc stats`: counts by level, field and online service; dossiers per year; online uptake.

Online uptake (tỷ lệ hồ sơ trực tuyến) of a procedure is measured as the rule
low-online-uptake measures it: the latest year of its history with dossiers, else its
yearly figures. Totals add up those per-procedure figures; the per-year table adds up the
histories year by year (a year's share counts only procedures that give both figures).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from tthc.model import LEVEL_WORDS, Catalog, Level, OnlineLevel, Procedure
from tthc.rules.online_uptake import online_share, percent_vi

LEVEL_NAMES = {**{level.value: word for level, word in LEVEL_WORDS.items()}, "unknown": "Chưa xác định"}
ONLINE_NAMES = {
    "full": "Toàn trình",
    "partial": "Một phần",
    "none": "Chưa có",
    "legacy": "Mức độ 1–4 (cách ghi cũ)",
    "unknown": "Chưa ghi",
}
ONLINE_SHORT = {**ONLINE_NAMES, "legacy": "Mức độ cũ"}
OTHER_FIELD = "Lĩnh vực khác"


@dataclass
class Uptake:
    dossiers: int = 0
    online: int = 0

    @property
    def share(self) -> float | None:
        return self.online / self.dossiers if self.dossiers else None

    def add(self, dossiers: int, online: int) -> None:
        self.dossiers += dossiers
        self.online += online

    def to_dict(self) -> dict:
        return {"dossiers": self.dossiers, "online": self.online, "share": _round(self.share)}


@dataclass
class YearRow:
    year: int
    dossiers: int = 0  # every procedure that gives the year's dossiers
    online: int = 0
    dossiers_with_online: int = 0  # the dossiers of procedures that also give the online count

    @property
    def share(self) -> float | None:
        return self.online / self.dossiers_with_online if self.dossiers_with_online else None

    def to_dict(self) -> dict:
        return {"year": self.year, "dossiers": self.dossiers, "online": self.online, "share": _round(self.share)}


@dataclass
class ProcedureUptake:
    code: str | None
    name: str
    field: str
    online_service: str  # full / partial / none / legacy / unknown
    year: int | None  # None: the yearly figures (dossiers_per_year, online_per_year)
    dossiers: int
    online: int

    @property
    def share(self) -> float:
        return self.online / self.dossiers

    def to_dict(self) -> dict:
        return {**asdict(self), "share": _round(self.share)}


@dataclass
class Stats:
    procedures: int = 0
    by_level: Counter[str] = field(default_factory=Counter)
    by_field: Counter[str] = field(default_factory=Counter)
    by_online: Counter[str] = field(default_factory=Counter)
    years: list[YearRow] = field(default_factory=list)
    overall: Uptake = field(default_factory=Uptake)
    fully_online: Uptake = field(default_factory=Uptake)  # only procedures offered fully online
    field_uptake: dict[str, Uptake] = field(default_factory=dict)
    per_procedure: list[ProcedureUptake] = field(default_factory=list)  # lowest share first

    def to_dict(self) -> dict:
        return {
            "version": 1,
            "procedures": self.procedures,
            "by_level": dict(self.by_level),
            "by_field": dict(self.by_field),
            "by_online_service": dict(self.by_online),
            "years": [y.to_dict() for y in self.years],
            "uptake": {
                "overall": self.overall.to_dict(),
                "fully_online": self.fully_online.to_dict(),
                "by_field": {name: u.to_dict() for name, u in self.field_uptake.items()},
                "procedures": [p.to_dict() for p in self.per_procedure],
            },
        }


def _round(share: float | None) -> float | None:
    return round(share, 6) if share is not None else None


def online_key(procedure: Procedure) -> str:
    service = procedure.online_service
    if service is None:
        return "unknown"
    return {
        OnlineLevel.FULL: "full",
        OnlineLevel.PARTIAL: "partial",
        OnlineLevel.NONE: "none",
        OnlineLevel.LEGACY: "legacy",
    }[service.level]


def compute(catalogs: Sequence[Catalog]) -> Stats:
    stats = Stats()
    years: dict[int, YearRow] = {}
    for catalog in catalogs:
        for p in catalog.procedures:
            stats.procedures += 1
            for level in p.levels or (None,):
                stats.by_level[level.value if isinstance(level, Level) else "unknown"] += 1
            field_name = p.field or OTHER_FIELD
            stats.by_field[field_name] += 1
            kind = online_key(p)
            stats.by_online[kind] += 1
            for y in p.volume.history if p.volume else []:
                if y.dossiers is None:
                    continue
                row = years.setdefault(y.year, YearRow(y.year))
                row.dossiers += y.dossiers
                if y.online is not None:
                    row.online += y.online
                    row.dossiers_with_online += y.dossiers
            measured = online_share(p.volume)
            if measured is None:
                continue
            _, year, online, dossiers = measured
            stats.per_procedure.append(ProcedureUptake(p.code, p.name, field_name, kind, year, dossiers, online))
            stats.overall.add(dossiers, online)
            stats.field_uptake.setdefault(field_name, Uptake()).add(dossiers, online)
            if kind == "full":
                stats.fully_online.add(dossiers, online)
    stats.years = [years[y] for y in sorted(years)]
    stats.per_procedure.sort(key=lambda u: (u.share, -u.dossiers))
    return stats


# The terminal tables are in tthc/report/terminal/stats.py.


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")


# -- chart ---------------------------------------------------------------------------------


def write_chart(stats: Stats, path: Path, *, title: str | None = None) -> None:
    """PNG/SVG/PDF (by suffix) with the charts of an office report; Vietnamese labels, DejaVu Sans.

    Top: online uptake by field, procedures by online service; bottom (when the catalogs
    give yearly histories): dossiers and online dossiers per year.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from tthc.report.files import write_atomic

    fmt = path.suffix.lower().lstrip(".") or "png"
    years = visible_years(stats)
    style: Any = {"font.family": "DejaVu Sans", "font.size": 10, "axes.spines.top": False, "axes.spines.right": False}
    with plt.rc_context(style):
        top = max(3.6, 0.45 * len(stats.field_uptake) + 1.4)
        fig = plt.figure(figsize=(12, top + (3.6 if years else 0)), layout="constrained")
        grid = fig.add_gridspec(2 if years else 1, 2, height_ratios=[top, 3.6] if years else [1], width_ratios=[3, 2])
        _uptake_by_field(stats, fig.add_subplot(grid[0, 0]))
        _by_online(stats, fig.add_subplot(grid[0, 1]))
        if years:
            _per_year(years, fig.add_subplot(grid[1, :]))
        fig.suptitle(title or "Thủ tục hành chính và dịch vụ công trực tuyến", fontsize=13, fontweight="bold")
        try:
            write_atomic(path, lambda tmp: fig.savefig(tmp, format=fmt, dpi=130))
        finally:
            plt.close(fig)


def visible_years(stats: Stats) -> list[YearRow]:
    """Years with dossiers (years where every count is 0 add nothing to a report)."""
    return [y for y in stats.years if y.dossiers]


_GREEN, _AMBER, _GREY, _RED, _BLUE = "#1b7a3d", "#c98a00", "#8a8a8a", "#b3261e", "#0b3d91"


def _uptake_by_field(stats: Stats, ax) -> None:
    ax.set_title("Tỷ lệ hồ sơ nộp trực tuyến theo lĩnh vực", loc="left", fontsize=11, fontweight="bold")
    items = sorted(stats.field_uptake.items(), key=lambda x: x[1].share or 0)
    if not items:
        ax.text(0.5, 0.5, "Chưa có số liệu hồ sơ", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return
    names = [_wrap(name) for name, _ in items]
    values = [(u.share or 0) * 100 for _, u in items]
    colours = [_RED if v < 10 else _AMBER if v < 50 else _GREEN for v in values]
    bars = ax.barh(names, values, color=colours)
    ax.bar_label(bars, labels=[percent_vi(v / 100) for v in values], padding=3, fontsize=9)
    ax.axvline(10, color="#444", linestyle="--", linewidth=1)
    ax.set_xlim(0, 112)
    ax.set_xlabel("% hồ sơ nộp trực tuyến, năm gần nhất có số liệu (vạch đứt: ngưỡng 10 %)")
    o = stats.overall
    note = f"Chung: {percent_vi(o.share or 0)} ({_n(o.online)}/{_n(o.dossiers)} hồ sơ)"
    if stats.fully_online.dossiers:
        f = stats.fully_online
        note += f"\nThủ tục toàn trình: {percent_vi(f.share or 0)} ({_n(f.online)}/{_n(f.dossiers)})"
    ax.text(
        0.98,
        0.02,
        note,
        transform=ax.transAxes,
        ha="right",
        va="bottom",
        fontsize=9,
        bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": "#999"},
    )


def _by_online(stats: Stats, ax) -> None:
    from matplotlib.ticker import MaxNLocator

    ax.set_title("Số thủ tục theo mức độ DVC trực tuyến", loc="left", fontsize=11, fontweight="bold")
    keys = [k for k in ONLINE_NAMES if stats.by_online[k]]
    colours = {"full": _GREEN, "partial": _AMBER, "none": _RED, "legacy": _BLUE, "unknown": _GREY}
    bars = ax.bar(
        [_wrap(ONLINE_NAMES[k], 12) for k in keys], [stats.by_online[k] for k in keys], color=[colours[k] for k in keys]
    )
    ax.bar_label(bars, padding=2)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel("Số thủ tục")
    ax.margins(y=0.15)


def _per_year(years: list[YearRow], ax) -> None:
    ax.set_title("Hồ sơ tiếp nhận theo năm", loc="left", fontsize=11, fontweight="bold")
    labels = [str(y.year) for y in years]
    ax.bar(labels, [y.dossiers for y in years], color="#c9d6ea", label="Tổng số hồ sơ")
    ax.bar(labels, [y.online for y in years], color=_BLUE, label="Nộp trực tuyến (nhãn: tỷ lệ)")
    for i, y in enumerate(years):
        if y.share is not None:
            ax.text(i, y.dossiers, percent_vi(y.share), ha="center", va="bottom", fontsize=9)
    ax.set_ylabel("Số hồ sơ")
    ax.yaxis.set_major_formatter(lambda v, _: _n(int(v)))
    ax.legend(frameon=False, fontsize=9, loc="upper right")
    ax.margins(y=0.15)


def _wrap(text: str, width: int = 28) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width)) or text
