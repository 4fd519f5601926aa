"""Column headers of procedure catalogs: their many spellings, and how to recognise them.

Real catalogs write the same column a dozen ways ("Mã số", "Mã TTHC", "Mã\\nthủ tục",
"Mã số TTHC"), with line breaks inside the cell, NFD text, tone marks in either place,
footnote marks and remarks in brackets ("Phí, lệ phí (nếu có)"). :func:`header_key`
reduces a header to a comparison key; :class:`AliasTable` maps keys to targets.

A target is a record field of :mod:`tthc.load.record` or one of the loader's own
columns: ``stt`` (row number), ``issuer`` (the portal's "Cơ quan ban hành"),
``channel_methods`` (an annex's "Cách thức thực hiện" text), ``agencies:<role>``,
``decision_number`` / ``decision_date`` and ``dossiers_per_year`` / ``online_per_year``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from tthc import fields
from tthc.load.excel import workbook_layout as wl
from tthc.text import match_key

_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_PUNCT = re.compile(r"[^\w\s\u0300-\u036f]+")  # keep combining marks: "phí" is not "phi"
_SPACES = re.compile(r"\s+")


def header_key(text: object) -> str:
    """Comparison key of a header cell: case, tone placement, NFC/NFD, spacing, line
    breaks, punctuation, bracketed remarks and footnote marks do not matter."""
    if text is None:
        return ""
    key = match_key(str(text))
    stripped = _BRACKETS.sub(" ", key)
    if stripped.strip():  # "(1)" alone stays "1"
        key = stripped
    key = _PUNCT.sub(" ", key.replace("_", " "))
    return _SPACES.sub(" ", key).strip()


class AliasTable:
    """Header aliases -> target. Exact keys first, then the longest alias of two or more
    words that begins the header ("Căn cứ pháp lý của TTHC" -> legal_basis)."""

    def __init__(self, aliases: Mapping[str, Iterable[str]]) -> None:
        self._exact: dict[str, str] = {}
        self._prefixes: dict[str, list[tuple[str, str]]] = {}  # first word -> (prefix, target)
        for target, names in aliases.items():
            for name in names:
                key = header_key(name)
                if not key:
                    continue
                self._exact.setdefault(key, target)
                if " " in key:
                    self._prefixes.setdefault(key.split(" ", 1)[0], []).append((key + " ", target))
        for items in self._prefixes.values():
            items.sort(key=lambda item: -len(item[0]))

    def match(self, text: object) -> str | None:
        key = header_key(text)
        if not key:
            return None
        found = self._exact.get(key)
        if found is not None:
            return found
        for prefix, target in self._prefixes.get(key.split(" ", 1)[0], ()):
            if key.startswith(prefix):
                return target
        return None

    def targets(self) -> set[str]:
        return set(self._exact.values())


def _with_layout(aliases: dict[str, tuple[str, ...]], sheet: wl.Sheet) -> dict[str, tuple[str, ...]]:
    """Add the workbook layout's own headers and keys, so the reader reads what the writer writes."""
    out = dict(aliases)
    for col in sheet.columns:
        out[col.key] = (*out.get(col.key, ()), col.header, col.key, *col.aliases)
    return out


# Columns of a procedure table (portal export, annex, the workbook's "Thủ tục" sheet): the
# vocabulary's labels and aliases (tthc.fields), fields and the columns that fill part of one.
_PROCEDURE_ALIASES: dict[str, tuple[str, ...]] = fields.header_aliases()

PROCEDURE_HEADERS = AliasTable(_with_layout(_PROCEDURE_ALIASES, wl.PROCEDURES))

# Headers a user should see when none was recognised.
EXPECTED_HEADERS = "Mã TTHC (Mã số), Tên thủ tục hành chính (Tên), Thời hạn giải quyết, Căn cứ pháp lý…"

# Child sheets of the full workbook: one table per sheet, built from the layout (plus the
# columns that repeat the procedure sheet, recognised so that they are not reported as unknown).
CHILD_HEADERS: dict[str, AliasTable] = {
    sheet.key: AliasTable(_with_layout(dict(wl.CHILD_REPEATED), sheet)) for sheet in wl.READ_SHEETS
}
CATALOG_HEADERS = AliasTable(_with_layout({}, wl.CATALOG))


def sheet_key(name: str) -> str:
    return header_key(name)


def sheet_matches(name: str, sheet: wl.Sheet) -> bool:
    """Is a sheet name one the layout uses for ``sheet`` ("TPHS" = "Thành phần hồ sơ")?"""
    key = sheet_key(name)
    return any(key == sheet_key(n) for n in (sheet.name, *sheet.aliases))
