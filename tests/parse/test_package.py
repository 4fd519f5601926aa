"""tthc.parse re-exports every parser."""

from __future__ import annotations

import tthc.parse as parse


def test_public_parsers_are_exported() -> None:
    for name in ("parse_duration", "parse_fees", "parse_legal_text", "parse_legal_row", "parse_document"):
        assert callable(getattr(parse, name)), name
    assert set(parse.__all__) >= {"parse_date", "find_dates", "parse_copy_kind", "parse_levels"}
