"""The report of `tthc validate`: per file, what was read and what was not understood."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from tthc.i18n import tr
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


def level_label(value: str) -> str:
    vi = next((word for level, word in LEVEL_WORDS.items() if level.value == value), value)
    return tr(vi, _LEVEL_EN.get(value, value))


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
        for level in p.levels or [None]:
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


def to_json(reports: list[FileReport]) -> dict:
    files = []
    for r in reports:
        entry: dict = {"file": r.path, "ok": r.ok}
        if r.error is not None:
            entry["error"] = {"message": r.error.message, "position": _position(r.error.source)}
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
                        "message": i.message,
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


def render(reports: list[FileReport], console) -> None:
    """Problems first (each with its position), then a summary table per file."""
    from rich.table import Table

    for r in reports:
        if r.error is not None:
            console.print(f"[bold red]✗[/] {r.error}")
            continue
        assert r.result is not None
        for issue in r.result.issues:
            style = "red" if issue.severity is IssueSeverity.ERROR else "yellow"
            label = tr("lỗi", "error") if issue.severity is IssueSeverity.ERROR else tr("cảnh báo", "warning")
            console.print(f"[{style}]{label}[/] {issue}", soft_wrap=True)
    for r in reports:
        if r.result is None:
            continue
        cat = r.result.catalog
        title = f"{r.path} — {len(cat.procedures)} {tr('thủ tục', 'procedures')}"
        table = Table(title=title, title_justify="left", show_edge=False)
        table.add_column(tr("Cấp thực hiện", "Level"))
        table.add_column(tr("Số TTHC", "Procedures"), justify="right")
        for level, n in sorted(r.counts["by_level"].items(), key=lambda kv: -kv[1]):
            table.add_row(level_label(level) if level != "unknown" else tr("(chưa rõ)", "(unknown)"), str(n))
        console.print(table)
        fields = Table(show_edge=False)
        fields.add_column(tr("Lĩnh vực", "Field"))
        fields.add_column(tr("Số TTHC", "Procedures"), justify="right")
        top = r.counts["by_field"].most_common(10)
        for name, n in top:
            fields.add_row(name, str(n))
        rest = len(r.counts["by_field"]) - len(top)
        if rest > 0:
            fields.add_row(tr(f"… và {rest} lĩnh vực khác", f"… and {rest} more fields"), "")
        console.print(fields)
        unparsed = {k: n for k, n in r.counts["issues"].items()}
        errors = len(r.result.errors)
        warnings = len(r.result.issues) - errors
        state = "[green]✓ hợp lệ[/]" if r.ok else "[red]✗ không hợp lệ[/]"
        if r.ok:
            state = tr("[green]✓ hợp lệ[/]", "[green]✓ valid[/]")
        else:
            state = tr("[red]✗ không hợp lệ[/]", "[red]✗ invalid[/]")
        detail = ", ".join(f"{k}: {n}" for k, n in sorted(unparsed.items()))
        console.print(
            f"{state} — {errors} {tr('lỗi', 'errors')}, {warnings} {tr('cảnh báo', 'warnings')}"
            + (f" ({detail})" if detail else "")
        )
        console.print()
