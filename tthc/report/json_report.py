"""`--format json`: the versioned machine schema of `tthc check` (docs/json-format.md)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from tthc import __version__
from tthc.audit import Audit
from tthc.i18n import Lang
from tthc.rules.base import Finding

SCHEMA_VERSION = 1


def to_json(
    audit: Audit, findings: Sequence[Finding] | None = None, *, fixed: Sequence[dict] = (), lang: Lang
) -> dict[str, Any]:
    findings = audit.findings if findings is None else findings
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
        "findings": [f.to_dict(lang) for f in findings],
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
    data = to_json(audit, findings, **kwargs)
    if len(data["findings"]) > INDENT_UP_TO:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(data, ensure_ascii=False, indent=2)
