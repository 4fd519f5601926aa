"""Helpers for the parser tests: the committed YAML cases under tests/fixtures/parse/."""

from __future__ import annotations

from pathlib import Path

import yaml

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "parse"


def load_cases(name: str) -> list[dict]:
    with (FIXTURES / name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def case_id(case: dict) -> str:
    """A short, stable test id: the start of the input."""
    text = case.get("text")
    if text is None:
        text = " | ".join(str(v) for v in case["row"].values() if v)
    text = " ".join(str(text).split())
    return text[:60] or "<empty>"
