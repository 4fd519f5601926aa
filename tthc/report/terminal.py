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
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from tthc.i18n import tr

if TYPE_CHECKING:
    from rich.console import Console
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


def severity_label(severity: str) -> str:
    return {
        "error": tr("lỗi", "error"),
        "warning": tr("cảnh báo", "warning"),
        "info": tr("thông tin", "info"),
    }[str(severity)]


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


def fit_width(console: Console) -> int | None:
    """The width lines must fit: the terminal's, or COLUMNS when set; None for a pipe or a file."""
    if console.is_terminal or os.environ.get("COLUMNS", "").strip().isdigit():
        return console.width
    return None


def visible(text: str | None) -> str:
    """The text with control characters shown as symbols (they would drive the terminal)."""
    return (text or "").translate(_CONTROLS)


def one_line(text: str | None) -> str:
    """The text on one line: line breaks and runs of spaces become one space."""
    return " ".join(visible(text).split())


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
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1).rstrip() + "…"


# -- positions ---------------------------------------------------------------------------------


def where(source: SourceRef | None, file: str | None = None, *, in_file: bool = False) -> str:
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
            local = tr(f"{source.sheet}, dòng {source.row}", f"{source.sheet}, row {source.row}")
        else:
            local = source.sheet
        return local if in_file else f"{source.file} {local}"
    if source.line is not None:
        local = f"{source.line}:{source.column or 1}"
        return local if in_file else f"{source.file}:{local}"
    return "" if in_file else source.file


def sort_key(source: SourceRef | None) -> tuple:
    """Reading order inside a file: sheet, then row or line, then column."""
    if source is None:
        return ("", 0, 0)
    return (source.sheet or "", source.line_or_row or 0, source.column or 0)


# -- tables ------------------------------------------------------------------------------------


def table(title: str | None = None, **options: Any) -> Table:
    """A table that fits 80 columns: light borders, no outer edge, columns that wrap."""
    from rich import box
    from rich.table import Table

    options.setdefault("box", box.SIMPLE_HEAD)
    options.setdefault("show_edge", False)
    options.setdefault("pad_edge", False)
    return Table(title=esc(title) if title else None, title_justify="left", title_style="bold", **options)


def fixed_column(grid: Table, header: str, *, justify: str = "left", min_width: int | None = None) -> None:
    """A column printed whole (codes, rule names, figures): not wrapped; the prose columns give way first.

    Were the terminal too narrow even so, the text folds onto the next line, never "…".
    """
    grid.add_column(header, justify=justify, no_wrap=True, overflow="fold", min_width=min_width)  # type: ignore[arg-type]


def text_column(grid: Table, header: str, *, min_width: int = 12, ratio: int = 1) -> None:
    """A column of prose (names, summaries): takes the room left and wraps at word boundaries."""
    grid.add_column(header, overflow="fold", min_width=min_width, ratio=ratio)


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
        self._task = None
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
        """The `progress` argument of :func:`tthc.audit.run_audit`: a bar over the procedures."""

        def start(total: int, files: int) -> Callable[[int], None]:
            return self.step(label, total)

        return start


@contextmanager
def progress(*, delay: float = 0.5) -> Iterator[_Bar | _Silent]:
    """Progress of long work, on stderr, only on a terminal::

        with progress() as bar:
            bar.step(tr("Đang đọc danh mục", "Reading catalogs"))          # a spinner
            audit = run_audit(..., progress=bar.audit_steps(tr("Đang kiểm tra", "Checking")))
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
