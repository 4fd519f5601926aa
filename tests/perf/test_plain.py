"""convert's plain() fast path (exact leaf types returned as they are, each dataclass type's
compared fields read once) gives what the plain recursion gave, on real catalogs."""

from __future__ import annotations

import dataclasses
from enum import Enum
from pathlib import Path
from typing import Any

from tthc.lifecycle.convert.plain import _POSITIONS, plain
from tthc.load import load_file

FIXTURES = Path(__file__).parent.parent / "fixtures" / "realdata"


def _plain_before(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _plain_before(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name not in _POSITIONS
        }
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): _plain_before(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain_before(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


def test_plain_is_the_plain_recursion():
    catalogs = [
        load_file(FIXTURES / "bo-tu-phap-2026.yaml").catalog,
        load_file(FIXTURES / "records" / "bo-tai-chinh").catalog,
    ]
    for catalog in catalogs:
        assert len(catalog.procedures) >= 4
        got = plain(catalog)
        assert got == _plain_before(catalog)
        assert repr(got) == repr(_plain_before(catalog))  # the same types too (True stays True, not 1)
    odd = [True, 1, 1.5, None, "x", ("a", 2), {"k": [False]}, dataclasses, Enum]
    assert repr(plain(odd)) == repr(_plain_before(odd))
