"""Every string inside a JSON value: the real records' texts the fast-path tests compare on."""

from __future__ import annotations

from collections.abc import Iterator


def strings_in(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)
