"""What every loader returns, and how it reports problems."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from tthc.errors import TthcError
from tthc.i18n import Lang, T, text
from tthc.model import Catalog, SourceRef


class IssueSeverity(StrEnum):
    ERROR = "error"  # the file is invalid: `validate` and `check` exit 2
    WARNING = "warning"  # readable, but something was not understood (kept raw)


@dataclass(slots=True)
class LoadIssue:
    """A problem found while loading, with the position the user can go to."""

    kind: str  # stable identifier: "unparsed-time", "code-as-number", "unknown-key"…
    message: str | T  # T(vi, en): rendered at the edge with text(issue, lang)
    source: SourceRef | None = None
    severity: IssueSeverity = IssueSeverity.WARNING
    value: str | None = None  # the raw text concerned

    def text(self, lang: Lang) -> str:
        where = f"{text(self.source, lang)}: " if self.source else ""
        return f"{where}{text(self.message, lang)}"

    def __str__(self) -> str:
        return self.text("vi")


class LoadError(TthcError):
    """The file cannot be read at all. One line: file, position, what is wrong, what to do."""

    def __init__(self, message: str | T, source: SourceRef | str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def text(self, lang: Lang) -> str:
        message = text(self.message, lang)
        return f"{text(self.source, lang)}: {message}" if self.source else message


def cannot_open(path: object, exc: OSError) -> LoadError:
    """The one line for a file the system will not let us read (missing, a folder, no permission)."""
    return LoadError(
        T(
            f"không mở được tệp ({exc.strerror or exc}); kiểm tra đường dẫn và quyền đọc",
            f"cannot open the file ({exc.strerror or exc}); check the path and permissions",
        ),
        str(path),
    )


@dataclass(slots=True)
class LoadResult:
    catalog: Catalog
    issues: list[LoadIssue] = field(default_factory=list)

    @property
    def errors(self) -> list[LoadIssue]:
        return [i for i in self.issues if i.severity is IssueSeverity.ERROR]

    @property
    def ok(self) -> bool:
        return not self.errors


class IssueSink:
    """Collects issues; reports a repeated kind+message (e.g. an unknown column) once."""

    def __init__(self) -> None:
        self.issues: list[LoadIssue] = []
        self._seen: set[tuple[str, str | T]] = set()

    @property
    def errors(self) -> list[LoadIssue]:
        return [i for i in self.issues if i.severity is IssueSeverity.ERROR]

    def add(self, issue: LoadIssue, *, once: bool = False) -> None:
        if once:
            key = (issue.kind, issue.message)
            if key in self._seen:
                return
            self._seen.add(key)
        self.issues.append(issue)

    def warn(self, kind: str, message: str | T, source: SourceRef | None = None, value: str | None = None) -> None:
        self.add(LoadIssue(kind, message, source, IssueSeverity.WARNING, value))

    def error(self, kind: str, message: str | T, source: SourceRef | None = None, value: str | None = None) -> None:
        self.add(LoadIssue(kind, message, source, IssueSeverity.ERROR, value))


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic collector off while a catalog loads. Loading makes millions of acyclic
    objects (YAML nodes and their marks, cells, records, positions, the model) that all stay
    alive; the collector would rescan the growing heap again and again for nothing (YAML 10k:
    40 % of `validate`). Reference counting still frees everything dropped on the way; cycles
    made meanwhile wait for the next collection after the load."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if gc.get_count()[0] > _LARGE_LOAD:
                # a large catalog stays alive: leave it out of every later collection (they would
                # rescan it whole: ~1 s at 10k procedures); its cycles, if it ever drops them, stay
                gc.freeze()
                _give_back_freed_memory()
            gc.enable()


def _give_back_freed_memory() -> None:
    """Return to the system what a large load freed on the way (the sheet's rows, the raw
    records, duplicate texts): the C allocator keeps it otherwise, and the objects the rules
    make next come from other memory, so it would only add to the peak. glibc only."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc (macOS, Windows, musl): nothing to do
        pass


_LARGE_LOAD = 250_000  # container objects made (minus those freed) since the last collection
