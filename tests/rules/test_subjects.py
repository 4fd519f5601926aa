"""A finding's subject is what a dashboard shows: the catalog's words, never a matching key.

Issue #16: the JSON `subject` showed keys such as "trương̀ hơp̣" (NFD, tone moved to the word's
end). Keys are NFD; the catalog's words are NFC after loading, so every subject must be NFC.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

from tthc.engine import RunSettings, run
from tthc.knowledge import load_knowledge
from tthc.load import load_file
from tthc.rules import ALL_RULES

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [
    ROOT / "catalogs" / "kim-bang-2019-2020.yaml",
    ROOT / "catalogs" / "xa-2026.yaml",
    ROOT / "tests" / "fixtures" / "realdata" / "bo-tu-phap-2026.yaml",
]


def test_subjects_are_the_catalogs_words() -> None:
    catalogs = [load_file(path).catalog for path in SOURCES]
    findings = run(catalogs, list(ALL_RULES), load_knowledge(), RunSettings(as_of=dt.date(2026, 12, 1)))
    assert len({f.rule_name for f in findings}) >= 10
    keyed = [(f.rule_name, f.subject) for f in findings if not unicodedata.is_normalized("NFC", f.subject)]
    assert keyed == []
