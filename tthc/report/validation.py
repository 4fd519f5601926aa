"""The report of `tthc validate`: per file, what was read and what was not understood."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from tthc import fields as vocab
from tthc.i18n import Lang, text, tr
from tthc.load.base import IssueSeverity, LoadError, LoadResult
from tthc.model import LEVEL_WORDS, Catalog, SourceRef

SCHEMA_VERSION = 1

_LEVEL_EN = {
    "central": "Central",
    "province": "Province",
    "district": "District",
    "commune": "Commune",
    "other": "Other",
}


def level_label(value: str, *, lang: Lang) -> str:
    vi = next((word for level, word in LEVEL_WORDS.items() if level.value == value), value)
    return tr(lang, vi, _LEVEL_EN.get(value, value))


@dataclass
class FileReport:
    """One file: its result, or the fatal error that stopped it."""

    path: str
    result: LoadResult | None = None
    error: LoadError | None = None
    counts: dict[str, Counter] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error is None and self.result is not None and self.result.ok


def summarise(catalog: Catalog) -> dict[str, Counter]:
    by_level: Counter = Counter()
    by_field: Counter = Counter()
    for p in catalog.procedures:
        for level in p.levels or (None,):
            by_level[level.value if level else "unknown"] += 1
        by_field[p.field or "—"] += 1
    return {"by_level": by_level, "by_field": by_field}


def file_report(path: str, result: LoadResult | None, error: LoadError | None) -> FileReport:
    report = FileReport(path, result, error)
    if result is not None:
        report.counts = summarise(result.catalog)
        report.counts["issues"] = Counter(i.kind for i in result.issues)
    return report


def _position(source: SourceRef | str | None) -> dict | None:
    if source is None:
        return None
    if isinstance(source, str):
        return {"file": source}
    return source.to_dict()


def to_json(reports: list[FileReport], *, lang: Lang) -> dict:
    files = []
    for r in reports:
        entry: dict = {"file": r.path, "ok": r.ok}
        if r.error is not None:
            entry["error"] = {"message": text(r.error.message, lang), "position": _position(r.error.source)}
        if r.result is not None:
            cat = r.result.catalog
            entry.update(
                layout=cat.layout,
                kind=cat.kind.value,
                name=cat.name,
                procedures=len(cat.procedures),
                by_level=dict(r.counts["by_level"]),
                by_field=dict(r.counts["by_field"]),
                issues=[
                    {
                        "severity": i.severity.value,
                        "kind": i.kind,
                        "message": text(i.message, lang),
                        "position": _position(i.source),
                        "value": i.value,
                    }
                    for i in r.result.issues
                ],
            )
        files.append(entry)
    return {
        "schema_version": SCHEMA_VERSION,
        "ok": all(r.ok for r in reports),
        "files": files,
    }


def _problem_position(source: SourceRef | str | None, *, lang: Lang) -> str:
    from tthc.report.terminal.console import where

    if source is None:
        return ""
    return source if isinstance(source, str) else where(source, lang=lang)


def _print_problems(console, problems: list[tuple[str, str, str, str]], width: int | None) -> None:
    """(label, style, position, message) per line; on a terminal the message wraps under itself."""
    from rich.table import Table
    from rich.text import Text

    from tthc.report.terminal.console import one_line, plain

    if not problems:
        return
    if width is None:  # a pipe or a file: one line per problem, whole
        for label, style, position, message in problems:
            line = Text.assemble((label, style), " ", plain(f"{position}: " if position else ""))
            line.append(plain(one_line(message)))
            console.print(line, soft_wrap=True)
        return
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for label, style, position, message in problems:
        grid.add_row(Text(label, style=style), plain(f"{position}: " if position else "") + plain(one_line(message)))
    console.print(grid, soft_wrap=False)


def render(reports: list[FileReport], console, *, lang: Lang) -> None:
    """Problems first (each with its position), then a summary table per file."""
    from rich.text import Text

    from tthc.report.terminal.console import count, fit_width, fixed_column, plain, table, text_column

    width = fit_width(console)
    problems = []
    for r in reports:
        if r.error is not None:
            problems.append(
                ("✗", "bold red", _problem_position(r.error.source, lang=lang), text(r.error.message, lang))
            )
            continue
        assert r.result is not None
        for issue in r.result.issues:
            error = issue.severity is IssueSeverity.ERROR
            problems.append(
                (
                    tr(lang, "lỗi", "error") if error else tr(lang, "cảnh báo", "warning"),
                    "red" if error else "yellow",
                    _problem_position(issue.source, lang=lang),
                    text(issue.message, lang),
                )
            )
    _print_problems(console, problems, width)
    for r in reports:
        if r.result is None:
            continue
        cat = r.result.catalog
        console.print(plain(f"{r.path} — {count(len(cat.procedures), 'thủ tục', 'procedure', lang=lang)}", "bold"))
        levels = table()
        text_column(levels, vocab.text("levels").text(lang))
        fixed_column(levels, tr(lang, "Số TTHC", "Procedures"), justify="right")
        for level, n in sorted(r.counts["by_level"].items(), key=lambda kv: -kv[1]):
            levels.add_row(
                level_label(level, lang=lang) if level != "unknown" else tr(lang, "(chưa rõ)", "(unknown)"), str(n)
            )
        console.print(levels)
        fields = table()
        text_column(fields, vocab.text("field").text(lang))
        fixed_column(fields, tr(lang, "Số TTHC", "Procedures"), justify="right")
        top = r.counts["by_field"].most_common(10)
        for name, n in top:
            fields.add_row(plain(name), str(n))
        rest = len(r.counts["by_field"]) - len(top)
        if rest > 0:
            fields.add_row(tr(lang, f"… và {rest} lĩnh vực khác", f"… and {rest} more fields"), "")
        console.print(fields)
        errors = len(r.result.errors)
        warnings = len(r.result.issues) - errors
        state = (
            Text(tr(lang, "✓ hợp lệ", "✓ valid"), style="green")
            if r.ok
            else Text(tr(lang, "✗ không hợp lệ", "✗ invalid"), style="red")
        )
        detail = ", ".join(f"{k}: {n}" for k, n in sorted(r.counts["issues"].items()))
        state.append(
            f" — {count(errors, 'lỗi', 'error', lang=lang)}, {count(warnings, 'cảnh báo', 'warning', lang=lang)}"
            + (f" ({detail})" if detail else "")
        )
        console.print(state)
        console.print()
