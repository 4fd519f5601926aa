"""What every loader returns, and how it reports problems."""

from __future__ import annotations

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
