"""Model values as plain data without positions: what "the same catalog" means.

Two models are equal for conversion purposes when :func:`plain` gives equal results:
every value counts, positions (``source``, ``sources``) and the file they came from do not.
"""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any

_POSITIONS = frozenset({"source", "sources", "source_file"})


def plain(value: Any) -> Any:
    """Dataclasses -> dicts (positions dropped), enums -> their values, containers recursed."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name not in _POSITIONS}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, str):
        return str(value)  # YAML strings carry their position: drop it
    return value
