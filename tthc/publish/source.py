"""Catalogs for publishing: loaded strictly (a catalog with format errors is not published)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tthc.i18n import T, both
from tthc.load.base import LoadError, LoadResult
from tthc.load.limits import Limits
from tthc.model import Catalog


def strict(results: Sequence[LoadResult]) -> list[Catalog]:
    """The catalogs, or LoadError naming the first format error (citizens must not get half a catalog)."""
    for result in results:
        errors = result.errors
        if errors:
            more = T(f" (và {len(errors) - 1} lỗi khác)", f" (and {len(errors) - 1} more)") if len(errors) > 1 else ""
            raise LoadError(
                both(errors[0].message)
                + more
                + T(
                    "; sửa danh mục trước khi công bố (xem 'tthc validate')",
                    "; fix the catalog before publishing (see 'tthc validate')",
                ),
                errors[0].source or result.catalog.source_file,
            )
    return [r.catalog for r in results]


def load_catalogs(paths: Sequence[Path], limits: Limits | None = None) -> list[Catalog]:
    """The catalogs, loaded by the application layer without running rules (LoadError on format errors)."""
    from tthc.audit import AuditRequest, audit
    from tthc.config import Config
    from tthc.load.limits import Limits as DefaultLimits

    result = audit(AuditRequest(tuple(paths), Config(limits=limits or DefaultLimits()), run_rules=False))
    return strict(result.results)


@dataclass
class Flagged:
    catalogs: list[Catalog]
    notes: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    outdated_rules: int = 0  # how many rules of the "outdated" group ran


def load_with_outdated(paths: Sequence[Path], config_path: Path | None, as_of: dt.date | None) -> Flagged:
    """Load and audit; keep the findings of the "outdated" group as Vietnamese notes per procedure."""
    from tthc.audit import AuditRequest
    from tthc.audit import audit as run_request
    from tthc.config import load_config
    from tthc.publish.entries import finding_notes
    from tthc.rules.base import Group

    # the notes go on a Vietnamese page whatever --lang says
    audit = run_request(AuditRequest(tuple(paths), load_config(config_path), as_of, language="vi"))
    catalogs = strict(audit.results)
    outdated = [f for f in audit.findings if f.group is Group.OUTDATED]
    rules = sum(1 for r in audit.rules if r.group is Group.OUTDATED)
    return Flagged(catalogs, finding_notes(outdated), rules)
