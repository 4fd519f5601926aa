"""Everything tthc prints on a terminal goes through here: consoles, user text, tables, progress.

Catalog text is data, never markup: a name like "ba hôm [/xem ghi chú]" would otherwise crash
Rich (MarkupError), "[xem ghi chú]" would vanish as an unknown style, and a position such as
"a.yaml:100:12" would turn into "a.yaml💯12" (emoji codes). So every console made here has
emoji off, and every string that comes from a catalog, a file name or a finding is passed
through :func:`esc` (inside markup) or :func:`plain` (as a Rich ``Text``, no markup at all).

Progress bars (:func:`progress`) are drawn on stderr, only when stderr is a terminal: pipes,
files and CI logs never see them.

Only the standard library and :mod:`tthc.i18n` are imported at module level; Rich is imported
inside the functions, so ``tthc --help`` stays fast.
"""

from __future__ import annotations

import os
import re
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from tthc.i18n import Lang, tr

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import TaskID
    from rich.table import Table
    from rich.text import Text

    from tthc.model import SourceRef

# Severities are keyed by value: Severity is a StrEnum, so Severity.ERROR finds "error" here,
# and this module does not import the rule registry.
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}

# A concise line printed to a pipe or a file (no width to fit) still keeps its message short:
# some rules quote a whole flattened portal cell (thousands of characters).
MESSAGE_CAP = 200

# C0/C1 control characters would drive the terminal (ESC clears the screen, CR overwrites the
# line); show them as the Unicode control pictures instead. Tab and newline are handled by
# the callers (one_line() turns them into spaces).
_CONTROLS = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}
_CONTROLS[0x7F] = 0x2421
_CONTROLS.update({c: 0xFFFD for c in range(0x80, 0xA0)})
_HAS_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def severity_label(severity: str, *, lang: Lang) -> str:
    return {
        "error": tr(lang, "lỗi", "error"),
        "warning": tr(lang, "cảnh báo", "warning"),
        "info": tr(lang, "thông tin", "info"),
    }[str(severity)]


def count(n: int, vi: str, en: str, en_plural: str | None = None, *, lang: Lang) -> str:
    """ "3 lỗi" / "3 errors", "1 error": Vietnamese nouns do not change, English ones do."""
    return f"{n} " + tr(lang, vi, en if n == 1 else en_plural or en + "s")


# -- consoles and user text ------------------------------------------------------------------


def make_console(
    *, stderr: bool = False, file: Any = None, width: int | None = None, color: bool = True, soft_wrap: bool = False
) -> Console:
    """A Rich console for tthc: no emoji codes, no automatic highlighting.

    With ``soft_wrap`` a printed line is never broken (pipes and greps keep one item per line);
    tables are laid out to the width either way.
    """
    from rich.console import Console

    return Console(
        stderr=stderr,
        file=file,
        width=width,
        emoji=False,
        highlight=False,
        soft_wrap=soft_wrap,
        no_color=not color or None,
    )


def stderr_console() -> Console:
    """Messages and summaries (catalog text is never markup or emoji there)."""
    return make_console(stderr=True)


def stdout_console() -> Console:
    """A command's report on stdout: a printed line is never broken."""
    return make_console(soft_wrap=True)


def fit_width(console: Console) -> int | None:
    """The width lines must fit: the terminal's, or COLUMNS when set; None for a pipe or a file."""
    if console.is_terminal or os.environ.get("COLUMNS", "").strip().isdigit():
        return console.width
    return None


def visible(text: str | None) -> str:
    """The text with control characters shown as symbols (they would drive the terminal)."""
    text = text or ""
    return text.translate(_CONTROLS) if _HAS_CONTROL.search(text) else text  # translate() is slow; most text has none


def one_line(text: str | None) -> str:
    """The text on one line: line breaks and runs of spaces become one space."""
    return visible(" ".join((text or "").split()))


def esc(text: object) -> str:
    """User text made safe inside Rich markup: "[xem ghi chú]" stays as written."""
    from rich.markup import escape

    return escape(visible("" if text is None else str(text)))


def plain(text: object, style: str = "") -> Text:
    """User text as a Rich Text: printed exactly, never read as markup."""
    from rich.text import Text

    return Text(visible("" if text is None else str(text)), style=style)


def shorten(text: str, width: int) -> str:
    """Cut the text to `width` terminal cells, with "…" when something was cut."""
    from rich.cells import cell_len, set_cell_size

    if width <= 0:
        return ""
    cut = len(text) > 4 * width  # no terminal cell holds more than a few characters: skip the rest
    if cut:
        text = text[: 4 * width]
    elif cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1).rstrip() + "…"


# -- positions ---------------------------------------------------------------------------------


def where(source: SourceRef | None, file: str | None = None, *, in_file: bool = False, lang: Lang) -> str:
    """Where a value is, as a user finds it: ``a.yaml:12:5`` or ``a.xlsx Thủ tục!B17``.

    With ``in_file`` the file name is left out (the report groups by file): ``12:5``,
    ``Thủ tục!B17``, ``Thủ tục, dòng 17``. Never truncated by any caller.
    """
    if source is None:
        return "" if in_file else (file or "")
    if source.sheet is not None:
        if source.cell:
            local = f"{source.sheet}!{source.cell}"
        elif source.row is not None:
            local = tr(lang, f"{source.sheet}, dòng {source.row}", f"{source.sheet}, row {source.row}")
        else:
            local = source.sheet
        return local if in_file else f"{source.file} {local}"
    if source.line is not None:
        local = f"{source.line}:{source.column or 1}"
        return local if in_file else f"{source.file}:{local}"
    text = source.text(lang)  # other shapes (a table in a Word or PDF document…): the model's own wording
    if in_file:
        return text[len(source.file) :].lstrip(" ,:") if text.startswith(source.file) else text
    return text


def sort_key(source: SourceRef | None) -> tuple:
    """Reading order inside a file: sheet, then row or line, then column."""
    if source is None:
        return ("", 0, 0)
    return (source.sheet or "", source.line_or_row or 0, source.column or 0)


# -- tables ------------------------------------------------------------------------------------


def table(**options: Any) -> Table:
    """A table that fits 80 columns: light borders, no outer edge, two spaces between columns.

    Add columns with :func:`fixed_column`, :func:`figure_column` and :func:`text_column`, and
    print it with :func:`print_table`.
    """
    from rich import box

    options.setdefault("box", box.SIMPLE_HEAD)
    options.setdefault("show_edge", False)
    options.setdefault("pad_edge", False)
    options.setdefault("padding", (0, 1, 0, 0))  # with the box's blank separator: two spaces between columns
    return _grid_class()(**options)


def _grid_class():
    from rich.table import Table

    class Grid(Table):
        """A Rich table that remembers the widest cell of each column (to fit headers to the width)."""

        def add_row(self, *cells: Any, **kwargs: Any) -> None:
            from rich.cells import cell_len

            super().add_row(*cells, **kwargs)
            widths = self.__dict__.setdefault("tthc_widths", {})
            for i, cell in enumerate(cells):
                text = cell.plain if hasattr(cell, "plain") else str(cell or "")
                widest = max((cell_len(line) for line in text.split("\n")), default=0)
                if widest > widths.get(i, 0):
                    widths[i] = widest

    return Grid


def print_table(console: Console, title: str | None, grid: Table) -> None:
    """The title on its own line (a Rich table title would wrap to the table's width), then the
    table; figure columns put their header on two lines when the table would not fit otherwise."""
    if title:
        console.print(plain(title, "bold"), soft_wrap=True)
    _fit_headers(console, grid)
    console.print(grid)


def _fit_headers(console: Console, grid: Table) -> None:
    """Split figure headers (largest gain first) until the columns' least widths fit the console."""
    from rich.cells import cell_len

    widths = getattr(grid, "tthc_widths", {})
    needed = 2 * (len(grid.columns) - 1)
    candidates = []
    for i, column in enumerate(grid.columns):
        header = getattr(column, "tthc_header", str(column.header))
        value = widths.get(i, 0)
        kind = getattr(column, "tthc_kind", "")
        if kind == "text":
            needed += column.min_width or 0
            continue
        needed += max(value, cell_len(str(column.header)))
        if kind == "figure" and any(ch in header[1:-1] for ch in _BREAKS):
            split = _two_lines(header)
            gain = max(value, cell_len(str(column.header))) - max(
                value, *(cell_len(line) for line in split.split("\n"))
            )
            if gain > 0:
                candidates.append((gain, column, split))
    excess = needed - console.width
    for gain, column, split in sorted(candidates, key=lambda c: -c[0]):
        if excess <= 0:
            break
        column.header = split
        excess -= gain


_SOFT_HYPHEN = "\u00ad"
_BREAKS = (" ", "/", _SOFT_HYPHEN)


def _two_lines(header: str) -> str:
    """The header on two lines, split at the space, slash or soft hyphen (shown as "-") that makes
    the longer line shortest."""
    from rich.cells import cell_len

    def lines(at: int) -> tuple[str, str]:
        ch = header[at]
        first = header[: at + 1] if ch == "/" else header[:at] + ("-" if ch == _SOFT_HYPHEN else "")
        return first.replace(_SOFT_HYPHEN, ""), header[at + 1 :].replace(_SOFT_HYPHEN, "")

    points = [i for i, ch in enumerate(header[:-1]) if ch in _BREAKS and i > 0]
    best = min(points, key=lambda at: max(cell_len(part) for part in lines(at)))
    return "\n".join(lines(best))


def fixed_column(grid: Table, header: str, *, justify: str = "left", min_width: int | None = None) -> None:
    """A column printed whole (codes, rule names, dates): not wrapped; the prose columns give way first.

    Were the terminal too narrow even so, the text folds onto the next line, never "…".
    """
    grid.add_column(header, justify=justify, no_wrap=True, overflow="fold", min_width=min_width)  # type: ignore[arg-type]


def figure_column(grid: Table, header: str, *, justify: str = "right") -> None:
    """A column of figures: never wrapped. Its header goes on two lines when the table would not
    fit otherwise (see print_table), so many figures fit in 80 columns; a one-word header may
    mark where it can be hyphenated with a soft hyphen (U+00AD): "Proce\u00addures"."""
    grid.add_column(header.replace(_SOFT_HYPHEN, ""), justify=justify, no_wrap=True, overflow="fold")  # type: ignore[arg-type]
    grid.columns[-1].tthc_kind = "figure"  # type: ignore[attr-defined]
    grid.columns[-1].tthc_header = header  # type: ignore[attr-defined]


def text_column(grid: Table, header: str, *, min_width: int = 12, ratio: int | None = 1) -> None:
    """A column of prose (names, summaries): takes the room left and wraps at word boundaries."""
    grid.add_column(header, overflow="fold", min_width=min_width, ratio=ratio)
    grid.columns[-1].tthc_kind = "text"  # type: ignore[attr-defined]


# -- progress ----------------------------------------------------------------------------------


class _Silent:
    """Progress where nobody watches (a pipe, a file, a CI log): does nothing, costs nothing."""

    def step(self, label: str, total: int | None = None) -> Callable[[int], None]:
        return _ignore

    def audit_steps(self, label: str) -> None:
        return None


def _ignore(n: int = 1) -> None:
    return None


class _Bar:
    """A transient Rich progress display on stderr; shown only if the work lasts over `delay`."""

    def __init__(self, delay: float) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=make_console(stderr=True),
            transient=True,
        )
        self._task: TaskID | None = None
        self._timer = threading.Timer(delay, self._show)
        self._timer.daemon = True
        self._shown = False
        self._lock = threading.Lock()

    def _show(self) -> None:
        with self._lock:
            if not self._shown:
                self._shown = True
                self._progress.start()

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.cancel()
        with self._lock:
            if self._shown:
                self._progress.stop()
            self._shown = True  # a late timer must not start it again

    def step(self, label: str, total: int | None = None) -> Callable[[int], None]:
        """Start the next step (the previous one is done); returns advance(n)."""
        if self._task is not None:
            self._progress.remove_task(self._task)
        task = self._task = self._progress.add_task(esc(label), total=total)
        if not total:
            return _ignore
        advance = self._progress.advance
        batch = max(1, total // 200)  # at most ~200 redraw requests, whatever the total
        pending = 0

        def tick(n: int = 1) -> None:
            nonlocal pending
            pending += n
            if pending >= batch:
                advance(task, pending)
                pending = 0

        return tick

    def audit_steps(self, label: str) -> Callable[[int, int], Callable[[int], None]]:
        """The `progress` argument of :func:`tthc.audit.audit`: a bar over the procedures."""

        def start(total: int, files: int) -> Callable[[int], None]:
            return self.step(label, total)

        return start


def audit_progress(bar: _Bar | _Silent, lang: Lang):
    """An audit's two steps on the bar: a spinner while the catalogs load, then a bar over the
    procedures as the rules run. Returns the ``progress`` argument of :func:`tthc.audit.audit`."""
    bar.step(tr(lang, "Đang đọc danh mục", "Reading catalogs"))
    return bar.audit_steps(tr(lang, "Đang kiểm tra", "Checking"))


@contextmanager
def progress(*, delay: float = 0.5) -> Iterator[_Bar | _Silent]:
    """Progress of long work, on stderr, only on a terminal::

        with progress() as bar:
            bar.step(tr("Đang đọc danh mục", "Reading catalogs"))          # a spinner
            result = audit(AuditRequest(...), bar.audit_steps(tr("Đang kiểm tra", "Checking")))
            tick = bar.step(tr("Đang ghi", "Writing"), total=len(rows))    # a bar: tick(1) per row

    Nothing is drawn when stderr is not a terminal, and nothing at all for work shorter than
    `delay` seconds; the display disappears when the block ends.
    """
    if not _stderr_is_terminal():
        yield _Silent()
        return
    bar = _Bar(delay)
    bar.start()
    try:
        yield bar
    finally:
        bar.stop()


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False
