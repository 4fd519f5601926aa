"""The layout-neutral record every loader produces before the model is built.

A loader's only job is to map its layout (YAML keys, portal export columns, annex
columns, workbook sheets) to :class:`RawRecord` values keyed by the field names below,
each with its position. :func:`tthc.load.build.build_procedure` then parses the free text
the same way for every layout, so a fee reads the same from YAML and from Excel.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from tthc import fields
from tthc.model import SourceRef

# Procedure fields accepted in a record (and as YAML keys): the vocabulary's keys. Values may be
# free text (str), lists of str, or structured mappings, as documented in docs/formats.md.
PROCEDURE_FIELDS: tuple[str, ...] = fields.KEYS

CATALOG_FIELDS: tuple[str, ...] = ("name", "issuer", "locality", "kind", "decision", "id")

# Key under which a structured list item (a channel, a document…) carries its position.
SOURCE_KEY = "__source__"


@dataclass(slots=True)
class RawRecord:
    """One procedure as read: field name -> raw value, with positions."""

    source: SourceRef  # the row or the YAML mapping of the procedure
    values: dict[str, Any] = dataclasses.field(default_factory=dict)
    sources: dict[str, SourceRef] = dataclasses.field(default_factory=dict)

    def set(self, name: str, value: Any, source: SourceRef | None = None) -> None:
        self.values[name] = value
        if source is not None:
            self.sources[name] = source
