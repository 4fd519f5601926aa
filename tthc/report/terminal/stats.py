"""`tthc stats` on the terminal: counts and online uptake as tables that fit 80 columns.

Labels follow the language (the chart and the site, for citizens, stay Vietnamese: they use
tthc.stats' own names). Field and procedure names are catalog text, printed as written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tthc import fields as vocab
from tthc.i18n import Lang, tr
from tthc.report.terminal.console import fixed_column, plain, print_table, table, text_column

if TYPE_CHECKING:
    from rich.console import Console

    from tthc.stats import Stats

_LEVEL_EN = {"central": "Central", "province": "Province", "district": "District", "commune": "Commune"}
_ONLINE_EN = {
    "full": "Fully online",
    "partial": "Partly online",
    "none": "Not online",
    "legacy": "Levels 1–4 (old wording)",
    "unknown": "Not stated",
}
_ONLINE_SHORT_EN = {**_ONLINE_EN, "legacy": "Old levels"}


def level_name(key: str, *, lang: Lang) -> str:
    from tthc.stats import LEVEL_NAMES

    return tr(lang, LEVEL_NAMES.get(key, key), _LEVEL_EN.get(key, "Other" if key == "other" else "Not stated"))


def online_name(key: str, *, short: bool = False, lang: Lang) -> str:
    from tthc.stats import ONLINE_NAMES, ONLINE_SHORT

    vi = (ONLINE_SHORT if short else ONLINE_NAMES).get(key, key)
    return tr(lang, vi, (_ONLINE_SHORT_EN if short else _ONLINE_EN).get(key, key))


def field_name(name: str, *, lang: Lang) -> str:
    from tthc.stats import OTHER_FIELD

    return tr(lang, OTHER_FIELD, "Other fields") if name == OTHER_FIELD else name


def number(value: int, *, lang: Lang) -> str:
    """1971 -> "1.971" (Vietnamese) or "1,971" (English)."""
    text = f"{value:,}"
    return text if lang == "en" else text.replace(",", ".")


def percent(share: float | None, *, lang: Lang) -> str:
    if share is None:
        return "—"
    text = f"{share * 100:.2f} %"
    return text if lang == "en" else text.replace(".", ",")


def _counts(console, title: str, head: str, items, *, lang: Lang) -> None:
    grid = table()
    text_column(grid, head, min_width=10)
    fixed_column(grid, tr(lang, "Số TTHC", "Procedures"), justify="right")
    for name, n in items:
        grid.add_row(plain(name), number(n, lang=lang))
    print_table(console, title, grid)


def _uptake_columns(grid, *, year: bool, lang: Lang) -> None:
    """The figures' columns of an uptake table: (Year,) Dossiers, Online, Share."""
    heads = (tr(lang, "Hồ sơ", "Dossiers"), tr(lang, "Trực tuyến", "Online"), tr(lang, "Tỷ lệ", "Share"))
    for head in (tr(lang, "Năm", "Year"), *heads) if year else heads:
        fixed_column(grid, head, justify="right")


def _uptake_cells(dossiers: int, online: int, share: float | None, *, lang: Lang) -> tuple[str, str, str]:
    return number(dossiers, lang=lang), number(online, lang=lang), percent(share, lang=lang)


def render(stats: Stats, console: Console, *, limit: int = 20, lang: Lang) -> None:
    """Counts by level, field and online service; dossiers per year; uptake by field and procedure."""
    from tthc.stats import LEVEL_NAMES, ONLINE_NAMES, visible_years

    _counts(
        console,
        tr(lang, "Thủ tục theo cấp thực hiện", "Procedures by level"),
        tr(lang, "Cấp", "Level"),
        [(level_name(k, lang=lang), stats.by_level[k]) for k in LEVEL_NAMES if stats.by_level[k]],
        lang=lang,
    )
    _counts(
        console,
        tr(lang, "Thủ tục theo lĩnh vực", "Procedures by field"),
        vocab.text("field").text(lang),
        [(field_name(name, lang=lang), n) for name, n in stats.by_field.most_common()],
        lang=lang,
    )
    _counts(
        console,
        tr(lang, "Thủ tục theo mức độ dịch vụ công trực tuyến", "Procedures by online service"),
        tr(lang, "Mức độ", "Online service"),
        [(online_name(k, lang=lang), stats.by_online[k]) for k in ONLINE_NAMES if stats.by_online[k]],
        lang=lang,
    )
    years = visible_years(stats)
    if years:
        grid = table()
        _uptake_columns(grid, year=True, lang=lang)
        for y in years:
            grid.add_row(str(y.year), *_uptake_cells(y.dossiers, y.online, y.share, lang=lang))
        print_table(console, tr(lang, "Hồ sơ theo năm", "Dossiers per year"), grid)
    if not stats.per_procedure:
        console.print(
            tr(
                lang,
                "Danh mục không có số liệu hồ sơ (volume): không tính được tỷ lệ trực tuyến.",
                "The catalogs give no dossier figures (volume): online uptake cannot be measured.",
            )
        )
        return
    grid = table()
    text_column(grid, vocab.text("field").text(lang))
    _uptake_columns(grid, year=False, lang=lang)
    for name, u in sorted(stats.field_uptake.items(), key=lambda x: x[1].share or 0):
        grid.add_row(plain(field_name(name, lang=lang)), *_uptake_cells(u.dossiers, u.online, u.share, lang=lang))
    grid.add_section()
    total = stats.overall
    grid.add_row(tr(lang, "Tổng", "Total"), *_uptake_cells(total.dossiers, total.online, total.share, lang=lang))
    if stats.fully_online.dossiers:
        f = stats.fully_online
        grid.add_row(
            tr(lang, "Riêng thủ tục toàn trình", "Fully online only"),
            *_uptake_cells(f.dossiers, f.online, f.share, lang=lang),
        )
    print_table(console, tr(lang, "Tỷ lệ hồ sơ trực tuyến theo lĩnh vực", "Online uptake by field"), grid)
    shown = stats.per_procedure if limit <= 0 else stats.per_procedure[:limit]
    grid = table()
    fixed_column(grid, tr(lang, "Mã", "Code"))
    text_column(grid, tr(lang, "Thủ tục", "Procedure"), min_width=16)
    fixed_column(grid, tr(lang, "Mức độ", "Online"))
    _uptake_columns(grid, year=True, lang=lang)
    for pu in shown:
        grid.add_row(
            plain(pu.code or ""),
            plain(pu.name),
            online_name(pu.online_service, short=True, lang=lang),
            str(pu.year or tr(lang, "hằng năm", "yearly")),
            *_uptake_cells(pu.dossiers, pu.online, pu.share, lang=lang),
        )
    print_table(
        console,
        tr(lang, "Tỷ lệ hồ sơ trực tuyến theo thủ tục (thấp nhất trước)", "Online uptake per procedure (lowest first)"),
        grid,
    )
    if len(shown) < len(stats.per_procedure):
        rest = len(stats.per_procedure) - len(shown)
        console.print(
            tr(
                lang,
                f"… và {rest} thủ tục khác (--limit 0 hoặc --format json để xem hết)",
                f"… and {rest} more (--limit 0 or --format json for all)",
            )
        )
