"""The one error a knowledge file can raise."""

from __future__ import annotations

from tthc.errors import TthcError
from tthc.i18n import Lang, T, text


class KnowledgeError(TthcError):
    """A knowledge file is invalid. ``str()`` is ``file:line: message`` (the CLI exits 2)."""

    def __init__(self, message: str | T, file: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line

    @property
    def where(self) -> str:
        if self.file is None:
            return ""
        return f"{self.file}:{self.line}" if self.line is not None else self.file

    def text(self, lang: Lang) -> str:
        message = text(self.message, lang)
        return f"{self.where}: {message}" if self.file else message
