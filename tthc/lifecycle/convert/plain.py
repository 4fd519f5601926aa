"""Model values as plain data without positions: what "the same catalog" means.

Two models are equal for conversion purposes when :func:`plain` gives equal results:
every value counts, positions (``source``, ``sources``) and the file they came from do not.
"""

from __future__ import annotations

import dataclasses
import functools
from enum import Enum
from typing import Any

_POSITIONS = frozenset({"source", "sources", "source_file"})


_LEAVES = frozenset({str, int, float, bool, type(None)})  # exact types plain() returns as they are


def plain(value: Any) -> Any:
    """Dataclasses -> dicts (positions dropped), enums -> their values, containers recursed."""
    cls = value.__class__
    if cls in _LEAVES:  # fast path: str(s) of an exact str is s itself
        return value
    names = _field_names(cls)
    if names is not None:
        return {name: plain(getattr(value, name)) for name in names}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, str):
        return str(value)  # YAML strings carry their position: drop it
    return value


@functools.cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    """The compared fields of a dataclass type (positions dropped), None for other types."""
    if not dataclasses.is_dataclass(cls):
        return None
    return tuple(f.name for f in dataclasses.fields(cls) if f.name not in _POSITIONS)


def differences(a: Any, b: Any, path: str = "") -> list[str]:
    """Paths where two plain values differ ("procedures[2].channels[0].fees[1].raw: …")."""
    if isinstance(a, dict) and isinstance(b, dict):
        keys = list(a) + [k for k in b if k not in a]
        return [d for k in keys for d in differences(a.get(k), b.get(k), f"{path}.{k}" if path else str(k))]
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [d for i, (x, y) in enumerate(zip(a, b, strict=True)) for d in differences(x, y, f"{path}[{i}]")]
    return [] if a == b else [f"{path}: {a!r} → {b!r}"]
