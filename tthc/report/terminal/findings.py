"""The text report of `tthc check`: one line per finding (concise) or the full detail.

Concise (the default), grouped by file like ruff's grouped output::

    catalogs/kim-bang-2019-2020-annex.xlsx
      Phụ lục!A11  TT204 district-level-abolished  cấp thực hiện là cấp huyện ('Cấp…
      Phụ lục!E13  TT205 pre-merger-province       nêu tên tỉnh trước sáp nhập 'Hà Na…

On a terminal (or with COLUMNS set) every line fits the width: the message is cut, the
position and the rule never are. In a pipe or a file a line keeps its whole position and
rule and at most MESSAGE_CAP characters of message. Full: grouped by procedure or by rule,
each finding with its message, what to do and its legal basis.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tthc.i18n import Lang, text, tr
from tthc.report.terminal.console import (
    MESSAGE_CAP,
    SEVERITY_STYLE,
    count,
    esc,
    fit_width,
    make_console,
    one_line,
    plain,
    severity_label,
    shorten,
    sort_key,
    visible,
    where,
)

if TYPE_CHECKING:
    from rich.console import Console

    from tthc.rules import Rule
    from tthc.rules.base import Finding

CONCISE = "concise"
FULL = "full"
OUTPUT_FORMATS = (CONCISE, FULL)

# Below this many cells for the message, it goes on its own line under the finding.
_MIN_MESSAGE = 16
# Positions and rule names are padded into columns up to these widths (longer ones still print whole).
_MAX_POSITION_PAD = 28
_MAX_NAME_PAD = 30


def render_findings(
    findings: Sequence[Finding],
    console: Console,
    group_by: str = "procedure",
    output_format: str = CONCISE,
    *,
    lang: Lang,
) -> None:
    if output_format == FULL:
        render_full(findings, console, group_by, lang=lang)
    else:
        render_concise(findings, console, group_by, lang=lang)


def render_findings_plain(
    findings: Sequence[Finding], group_by: str = "procedure", output_format: str = CONCISE, *, lang: Lang
) -> str:
    """The same report as text without colours, for --output FILE (no width to fit)."""
    from io import StringIO

    buffer = StringIO()
    console = make_console(file=buffer, width=120, color=False)
    if output_format == FULL:
        render_full(findings, console, group_by, wrap=False, lang=lang)
    else:
        _write_concise(findings, console, group_by, width=None, styled=False, lang=lang)
    return buffer.getvalue()


# -- concise -------------------------------------------------------------------------------------


def render_concise(findings: Sequence[Finding], console: Console, group_by: str = "procedure", *, lang: Lang) -> None:
    _write_concise(findings, console, group_by, width=fit_width(console), styled=console.is_terminal, lang=lang)


def _write_concise(findings, console, group_by: str, *, width: int | None, styled: bool, lang: Lang) -> None:
    """Headings and one line per finding; plain strings for pipes (fast), Rich Text on a terminal."""
    from rich.text import Text

    lines: list[Text | str] = []
    by_rule = group_by == "rule"
    for heading, rows in _concise_groups(findings, group_by, lang=lang):
        lines.append(Text(heading, style="bold underline") if styled else heading)
        cells = [_cells(loc, f, by_rule) for loc, f in rows]
        pads = _pads(cells)
        keep = 4 * max(MESSAGE_CAP, width or 0)  # a message of thousands of characters: no need to read it all
        for row, (_, f) in zip(cells, rows, strict=True):
            lines.extend(_concise_line(row, pads, one_line(text(f.message, lang)[:keep]), width, styled))
    if styled:
        for line in lines:
            console.print(line, no_wrap=True, overflow="ignore", crop=False)
    elif lines:
        console.file.write("\n".join(str(line) for line in lines) + "\n")
        console.file.flush()


def _concise_groups(
    findings: Sequence[Finding], group_by: str, *, lang: Lang
) -> list[tuple[str, list[tuple[str, Finding]]]]:
    """(heading, [(position, finding)…]): by file in reading order, or by rule."""
    groups: dict[str, list[Finding]] = defaultdict(list)
    if group_by == "rule":
        for f in findings:
            groups[f"{f.rule_code} {f.rule_name}"].append(f)
        return [
            (f"{key} ({len(items)})", [(_location(f, in_file=False, lang=lang), f) for f in items])
            for key, items in sorted(groups.items())
        ]
    for f in findings:
        groups[f.file or f.catalog or ""].append(f)
    return [
        (
            visible(file) or "—",
            [(_location(f, in_file=True, lang=lang), f) for f in sorted(items, key=lambda f: sort_key(f.source))],
        )
        for file, items in groups.items()
    ]


def _location(f: Finding, *, in_file: bool, lang: Lang) -> str:
    return visible(where(f.source, f.file, in_file=in_file, lang=lang)) or "—"


def _cells(loc: str, f: Finding, by_rule: bool) -> list[tuple[str, str]]:
    """(text, style) before the message: position, procedure code, and (by file) rule code and name."""
    cells = [(loc, ""), (visible(f.procedure_code) or "—", "bold")]
    if not by_rule:
        cells += [(f.rule_code, SEVERITY_STYLE[f.severity]), (f.rule_name, "")]
    return cells


def _pads(cells: list[list[tuple[str, str]]]) -> list[int]:
    """Column widths inside a group, capped so one long position does not push every message away."""
    from rich.cells import cell_len

    widths = [0] * (len(cells[0]) if cells else 0)
    for row in cells:
        for i, (cell, _) in enumerate(row):
            widths[i] = max(widths[i], cell_len(cell))
    return [min(w, cap) for w, cap in zip(widths, (_MAX_POSITION_PAD, 14, 6, _MAX_NAME_PAD), strict=False)]


def _pad(text: str, width: int) -> str:
    if text.isascii():  # positions, codes and names nearly always are: one cell per character
        return text.ljust(width)
    from rich.cells import cell_len

    return text + " " * max(width - cell_len(text), 0)


def _concise_line(cells: list[tuple[str, str]], pads: list[int], message: str, width: int | None, styled: bool):
    """The finding on one line (two when the position and the rule leave no room for the message).

    The cells are never cut; only the message is, to fit `width` (or MESSAGE_CAP without one).
    """
    from rich.cells import cell_len
    from rich.text import Text

    def joined(padded: bool) -> list[str]:
        out = []
        for i, (text, _) in enumerate(cells):
            gap = " " if i == 2 else "  "  # the rule code and its name read as one: "TT204 district-…"
            out.append((_pad(text, pads[i]) if padded else text) + gap)
        return out

    parts = joined(True)
    if width is None:
        if len(message) > MESSAGE_CAP:
            message = message[: MESSAGE_CAP - 1].rstrip() + "…"
        below = ""
    else:
        if width - 2 - cell_len("".join(parts)) < _MIN_MESSAGE:  # drop the padding first
            parts = joined(False)
        room = width - 2 - cell_len("".join(parts))
        below = shorten("      " + message, width) if room < _MIN_MESSAGE else ""
        message = "" if below else shorten(message, room)
    if not styled:
        line = ("  " + "".join(parts) + message).rstrip()
        return [line, below] if below else [line]
    text = Text("  ")
    for (_, style), part in zip(cells, parts, strict=True):
        text.append(part, style=style)
    text.append(message)
    text.rstrip()
    return [text, Text(below)] if below else [text]


# -- full ------------------------------------------------------------------------------------------


def render_full(
    findings: Sequence[Finding], console: Console, group_by: str = "procedure", *, wrap=None, lang: Lang
) -> None:
    """Every finding with message, recommendation and legal basis; wrapped with an indent on a terminal."""
    from rich.padding import Padding
    from rich.text import Text

    if wrap is None:
        wrap = fit_width(console) is not None
    lines = _full_lines(findings, group_by, lang=lang)
    if not wrap and not console.is_terminal:  # a pipe or a file: plain strings, fast
        text = "\n".join(
            " " * indent + "".join(part for part, _ in parts).replace("\n", "\n" + " " * indent)
            for indent, parts in lines
        )
        console.file.write(text + "\n")
        console.file.flush()
        return
    for indent, parts in lines:
        line = Text.assemble(*parts)
        if wrap:
            console.print(Padding(line, (0, 0, 0, indent), expand=False), soft_wrap=False)
        else:
            line.pad_left(indent)
            console.print(line, soft_wrap=True)


Line = tuple[int, list[tuple[str, str]]]  # indent, (text, style) parts; user text already made visible()


def _full_lines(findings: Sequence[Finding], group_by: str, *, lang: Lang) -> list[Line]:
    lines: list[Line] = []
    groups: dict[tuple, list[Finding]] = defaultdict(list)
    if group_by == "rule":
        for f in findings:
            groups[(f.rule_code, f.rule_name)].append(f)
        for (code, name), items in sorted(groups.items()):
            lines += [(0, []), (0, [(name, "bold"), (f" ({code}) — {len(items)}", "")])]
            for f in items:
                lines += _full_finding(f, show_rule=False, show_procedure=True, lang=lang)
        return lines
    for f in findings:
        groups[(f.file, f.procedure_code, f.procedure_name)].append(f)
    current_file = None
    for (file, code, name), items in groups.items():
        if file != current_file:
            lines += [(0, []), (0, [(visible(file or ""), "bold underline")])]
            current_file = file
        lines.append((0, [(visible(code or "—"), "bold"), (" ", ""), (visible(name or ""), "")]))
        for f in items:
            lines += _full_finding(f, show_rule=True, show_procedure=False, lang=lang)
    return lines


def _full_finding(f: Finding, *, show_rule: bool, show_procedure: bool, lang: Lang) -> list[Line]:
    head: list[tuple[str, str]] = [(severity_label(f.severity, lang=lang), SEVERITY_STYLE[f.severity])]
    if show_rule:
        head += [(" ", ""), (f.rule_name, "bold"), (f" ({f.rule_code})", "")]
    if show_procedure:
        head += [(" ", ""), (visible(f.procedure_code or ""), "bold"), (" ", ""), (visible(f.procedure_name or ""), "")]
    head += [(" ", ""), (visible(_full_position(f, lang=lang)), "dim")]
    lines: list[Line] = [(2, head), (4, [(visible(text(f.message, lang)), "")])]
    if text(f.recommendation, lang):
        lines.append((4, [(visible(f"→ {text(f.recommendation, lang)}"), "green")]))
    if text(f.legal_basis, lang):
        lines.append((4, [(visible(f"{tr(lang, 'Căn cứ', 'Basis')}: {text(f.legal_basis, lang)}"), "dim")]))
    return lines


def _full_position(f: Finding, *, lang: Lang) -> str:
    text = where(f.source, f.file, lang=lang)
    if f.source is not None and f.source.column_title:
        text += f" ({f.source.column_title})"
    return text


# -- statistics, summary, fixed ------------------------------------------------------------------------


def render_statistics(findings: Sequence[Finding], rules: Sequence[Rule], console: Console, *, lang: Lang) -> None:
    """Counts per rule, most frequent first (like `ruff check --statistics`): count, code, name, summary."""
    from rich.text import Text

    counts = Counter(f.rule_code for f in findings)
    if not counts:
        return
    by_code = {r.code: r for r in rules}
    names = {f.rule_code: f.rule_name for f in findings}
    severities = {f.rule_code: f.severity for f in findings}
    count_width = len(str(max(counts.values())))
    name_width = max(len(n) for n in names.values())
    width = fit_width(console)
    styled = console.is_terminal
    console.print(plain(tr(lang, "Thống kê theo quy tắc", "Statistics by rule"), "bold"))
    for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        rule = by_code.get(code)
        summary = one_line(rule.summary.text(lang)) if rule else ""
        prefix = f"{str(n).rjust(count_width)}  {code}  {names[code].ljust(name_width)}  "
        if width is not None:
            summary = shorten(summary, max(width - len(prefix), 0))
        if styled:
            line = Text(f"{str(n).rjust(count_width)}  ")
            line.append(code, style=SEVERITY_STYLE[severities[code]])
            line.append(f"  {names[code].ljust(name_width)}  ")
            line.append(summary, style="dim")
            console.print(line, no_wrap=True, overflow="ignore", crop=False)
        else:
            console.print((prefix + summary).rstrip(), markup=False, soft_wrap=True)


def render_summary(
    findings: Sequence[Finding], procedures: int, files: int, console: Console, *, hint: str | None = None, lang: Lang
) -> None:
    counts = Counter(str(f.severity) for f in findings)
    parts = ", ".join(
        (
            count(counts.get("error", 0), "lỗi", "error", lang=lang),
            count(counts.get("warning", 0), "cảnh báo", "warning", lang=lang),
            f"{counts.get('info', 0)} {tr(lang, 'thông tin', 'info')}",
        )
    )
    affected = len(  # a catalog-wide finding (no procedure) is not a procedure
        {(f.file, f.procedure_code, f.procedure_name) for f in findings if f.procedure_code or f.procedure_name}
    )
    text = tr(
        lang,
        f"{len(findings)} phát hiện ({parts}) ở {affected}/{procedures} thủ tục, {files} tệp",
        f"{count(len(findings), '', 'finding', lang=lang).strip()} ({parts}) in {affected}/{procedures} "
        f"{'procedure' if procedures == 1 else 'procedures'}, {count(files, '', 'file', lang=lang).strip()}",
    )
    console.print(plain(text, "bold"))
    if hint and findings:
        console.print(plain(hint, "dim"))


def render_load_errors(errors: Sequence, console: Console, *, lang: Lang) -> None:
    """Each format error of the catalogs on its own line (commands that write nothing when there is one)."""
    for issue in errors:
        console.print(f"[red]{tr(lang, 'lỗi', 'error')}[/] {esc(issue)}", soft_wrap=True)


def render_fixed(fixed: Sequence[dict], console: Console, *, lang: Lang) -> None:
    """Baseline entries that no longer occur: the baseline can shrink by this much."""
    from rich.text import Text

    console.print()
    console.print(Text(tr(lang, f"Đã khắc phục ({len(fixed)}):", f"Fixed ({len(fixed)}):"), style="green"))
    width = fit_width(console)
    for entry in fixed:
        line = f"{entry.get('rule', '')} {entry.get('procedure_code') or ''} {one_line(entry.get('message', ''))}"
        if width is not None:
            line = shorten(line, width - 4)
        console.print(Text.assemble("  ", ("✓", "green"), " ", plain(line)), no_wrap=True, crop=False)
