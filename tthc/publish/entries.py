"""The procedures a site or handbook shows, each with its page name and any internal notes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from tthc.i18n import text
from tthc.model import Catalog, Level, Procedure
from tthc.publish.present import LEVEL_ORDER, field_name
from tthc.rules.base import procedure_key
from tthc.text import match_key

_UNSAFE = re.compile(r"[^0-9A-Za-z.-]+")
# Device names Windows refuses as a file name, whatever the case or extension (the others,
# "COM¹", "CLOCK$", cannot survive _UNSAFE)
_RESERVED = frozenset(["CON", "PRN", "AUX", "NUL"] + [f"{d}{n}" for d in ("COM", "LPT") for n in "0123456789"])


@dataclass
class Entry:
    procedure: Procedure
    catalog: Catalog
    slug: str  # page file name without ".html"
    notes: list[str] = field(default_factory=list)  # --flag-outdated: what the audit found

    @property
    def href(self) -> str:
        return f"thu-tuc/{self.slug}.html"


def collect(catalogs: Sequence[Catalog], notes: dict[tuple[str, str], list[str]] | None = None) -> list[Entry]:
    """Every procedure of the catalogs, in catalog order, with a unique, file-safe page name."""
    entries: list[Entry] = []
    used: set[str] = set()
    for catalog in catalogs:
        for procedure in catalog.procedures:
            slug = _slug(procedure, len(entries) + 1, used)
            used.add(slug.lower())
            key = (match_key(catalog.identity), procedure_key(procedure))
            entries.append(Entry(procedure, catalog, slug, list((notes or {}).get(key, []))))
    return entries


def _slug(procedure: Procedure, number: int, used: set[str]) -> str:
    """The code made file-safe ("1.012753.H19"); "-2", "-3"… when two catalogs share a code.

    Safe on every system: ASCII letters, digits, "." and "-" only, no leading or trailing
    dot, at most 40 characters, unique ignoring case, and never a name Windows reserves
    for a device ("CON", "nul.1", "COM1"…: those get "_" after the device name).
    """
    base = _UNSAFE.sub("-", procedure.code or "").strip(".-")[:40].strip(".-") or f"tt-{number}"
    device, dot, rest = base.partition(".")
    if device.upper() in _RESERVED:
        base = f"{device}_{dot}{rest}"
    slug, n = base, 1
    while slug.lower() in used:
        n += 1
        slug = f"{base}-{n}"
    return slug


def finding_notes(findings: Iterable) -> dict[tuple[str, str], list[str]]:
    """Findings keyed like :func:`collect` looks them up: (catalog identity, procedure key)."""
    out: dict[tuple[str, str], list[str]] = {}
    for f in findings:
        key = f.procedure_code.strip().upper() if f.procedure_code else "name:" + match_key(f.procedure_name or "")
        messages = out.setdefault((match_key(f.catalog), key), [])
        message = text(f.message, "vi")  # citizen pages are Vietnamese
        if message not in messages:
            messages.append(message)
    return out


def grouped(entries: Sequence[Entry]) -> list[tuple[Level | None, list[tuple[str, list[Entry]]]]]:
    """Level -> field -> entries, levels in legal order, fields in first-seen order.

    A procedure done at two levels is listed under both.
    """
    out = []
    for level in [*LEVEL_ORDER, None]:
        fields: dict[str, list[Entry]] = {}
        for entry in entries:
            levels = entry.procedure.levels
            if (level is None and not levels) or (level is not None and level in levels):
                fields.setdefault(field_name(entry.procedure), []).append(entry)
        if fields:
            out.append((level, list(fields.items())))
    return out


def by_field(entries: Sequence[Entry]) -> list[tuple[str, list[Entry]]]:
    """Field -> entries in first-seen order (each procedure once)."""
    fields: dict[str, list[Entry]] = {}
    for entry in entries:
        fields.setdefault(field_name(entry.procedure), []).append(entry)
    return list(fields.items())
