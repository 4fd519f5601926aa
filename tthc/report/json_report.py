"""`--format json`: the versioned machine schema of `tthc check` (docs/json-format.md)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

from tthc import __version__
from tthc.audit import Audit
from tthc.i18n import Lang
from tthc.report.machine import STREAM, json_chunks
from tthc.rules.base import Finding

SCHEMA_VERSION = 1


def to_json(
    audit: Audit, findings: Sequence[Finding] | None = None, *, fixed: Sequence[dict] = (), lang: Lang
) -> dict[str, Any]:
    findings = audit.findings if findings is None else findings
    return _document(audit, findings, [f.to_dict(lang) for f in findings], fixed)


def _document(audit: Audit, findings: Sequence[Finding], listed: list[Any], fixed: Sequence[dict]) -> dict[str, Any]:
    per_file = Counter(f.file for f in findings)
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "tthc", "version": __version__},
        "as_of": audit.as_of.isoformat(),
        "rules": [r.name for r in audit.rules],
        "files": [
            {
                "file": r.catalog.source_file,
                "catalog": r.catalog.identity,
                "layout": r.catalog.layout,
                "kind": r.catalog.kind.value,
                "procedures": len(r.catalog.procedures),
                "findings": per_file.get(r.catalog.source_file, 0),
            }
            for r in audit.results
        ],
        "findings": listed,
        "summary": {
            "total": len(findings),
            "by_severity": dict(Counter(f.severity.value for f in findings)),
            "by_rule": dict(Counter(f.rule_name for f in findings)),
        },
        **({"fixed": list(fixed)} if fixed else {}),
    }


# Indented JSON goes through Python's pure-Python encoder (seconds for 100k findings);
# past this many findings the output is compact, which the C encoder writes at once.
INDENT_UP_TO = 5000


def dumps(audit: Audit, findings: Sequence[Finding] | None = None, **kwargs: Any) -> str:
    return "".join(chunks(audit, findings, **kwargs))


def chunks(
    audit: Audit, findings: Sequence[Finding] | None = None, *, fixed: Sequence[dict] = (), lang: Lang
) -> Iterator[str]:
    """The document in pieces: one finding's object at a time (never all of them at once)."""
    findings = audit.findings if findings is None else findings
    data = _document(audit, findings, [STREAM], fixed)
    items = (f.to_dict(lang) for f in findings)
    if len(findings) > INDENT_UP_TO:
        return json_chunks(data, items, separators=(",", ":"))
    return json_chunks(data, items, indent=2)
