"""Equal texts are held once (``tthc.text.shared``), and holding them once changes nothing.

A large catalog repeats its agencies, fields, applicants, dossier lines and citations from
procedure to procedure, and its findings repeat their messages: each equal text is one object
(the memory of a 100k catalog). The real fixtures load to the same model and give the same
findings with the sharing switched off.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from tthc.audit import AuditRequest, audit
from tthc.lifecycle.convert.plain import plain
from tthc.load.build import scalars
from tthc.parse import document, legal
from tthc.rules import base

FIXTURES = Path(__file__).parent.parent / "fixtures" / "realdata"
PATHS = (FIXTURES / "records" / "bo-tai-chinh", FIXTURES / "bo-tu-phap-2026.yaml")


def _run() -> tuple[list, list, object]:
    legal._parse_text_cached.cache_clear()
    document._parse_cached.cache_clear()
    result = audit(AuditRequest(paths=PATHS))
    findings = [(f.fingerprint, f.rule_code, f.message, f.recommendation, f.subject) for f in result.findings]
    return [plain(c) for c in result.catalogs], findings, result


@pytest.fixture(scope="module")
def shared_run():
    return _run()


def test_the_same_model_and_findings_without_sharing(shared_run, monkeypatch):
    catalogs, findings, _ = shared_run
    assert len(findings) > 50
    for module in (scalars, document, legal, base):
        monkeypatch.setattr(module, "shared", lambda text: text)
    plain_catalogs, plain_findings, _ = _run()
    assert plain_catalogs == catalogs
    assert plain_findings == findings


def _repeated(values) -> list[list]:
    """Groups of equal strings (two or more)."""
    groups: dict[str, list] = defaultdict(list)
    for value in values:
        if value:
            groups[value].append(value)
    return [g for g in groups.values() if len(g) > 1]


def test_equal_texts_are_one_object(shared_run):
    _, _, result = shared_run
    procedures = [p for c in result.catalogs for p in c.procedures]
    texts = {
        "dossier line": [d.raw for p in procedures for d in p.documents],
        "dossier name": [d.name for p in procedures for d in p.documents],
        "citation": [r.raw for p in procedures for r in p.legal_basis],
        "document number": [r.number for p in procedures for r in p.legal_basis],
        "field": [p.field for p in procedures],
        "applicant": [a for p in procedures for a in p.applicants],
        "step": [s for p in procedures for s in p.steps],
        "message": [str(f.message) for f in result.findings],
    }
    for what, values in texts.items():
        groups = _repeated(values)
        assert groups, what  # the real catalogs do repeat them
        for group in groups:
            assert all(v is group[0] for v in group), (what, group[0][:80])


def test_giving_back_freed_memory_is_harmless_where_there_is_no_glibc(monkeypatch):
    import ctypes

    from tthc.load import base as load_base

    load_base._give_back_freed_memory()  # glibc here: returns what a load freed

    def no_libc(name: str):
        raise OSError(f"{name}: cannot open shared object file")

    monkeypatch.setattr(ctypes, "CDLL", no_libc)
    load_base._give_back_freed_memory()  # macOS, Windows, musl: nothing to do, no error
