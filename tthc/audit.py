"""One audit: load the catalogs, load the knowledge, run the selected rules at a date.

Every command that needs findings (check, baseline, recommend, cost, publish --flag-outdated,
stats) calls :func:`run_audit`, so they all see the same findings for the same inputs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tthc.config import Config
from tthc.engine import RunSettings, run, select_rules
from tthc.load import discover, load_file
from tthc.load.base import LoadResult
from tthc.load.limits import Limits
from tthc.model import Catalog
from tthc.rules import ALL_RULES, Rule
from tthc.rules.base import Finding, Severity


@dataclass
class Audit:
    as_of: dt.date
    files: list[Path]
    results: list[LoadResult]
    rules: list[Rule]
    findings: list[Finding] = field(default_factory=list)

    @property
    def catalogs(self) -> list[Catalog]:
        return [r.catalog for r in self.results]

    @property
    def load_errors(self) -> list:
        return [issue for r in self.results for issue in r.errors]


def load_catalogs(paths: Sequence[Path], limits: Limits | None = None) -> tuple[list[Path], list[LoadResult]]:
    """Every catalog under the paths; LoadError for the first file that cannot be read
    (or that passes a size limit of office files: ``limits``, None = the defaults)."""
    files = discover(paths)
    return files, [load_file(path, limits) for path in files]


def configured_limits(config_path: Path | None = None) -> Limits:
    """The size limits of office files that a command loading catalogs must apply: those of
    ``limits:`` in the configuration (``config_path``, else tthc.yaml / pyproject.toml found
    in the working folder), the defaults without one. ConfigError for a broken file."""
    from tthc.config import load_config

    return load_config(config_path).limits


def run_audit(
    paths: Sequence[Path],
    config: Config,
    *,
    as_of: dt.date | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    progress: Callable[[int, int], Callable[[int], None] | None] | None = None,
    reference: Sequence[Path] = (),
    reference_date: dt.date | None = None,
) -> Audit:
    """Load, select, run. `progress(total)` may return a callback advanced per procedure.

    ``reference``: catalogs to check against (differs-from-reference, not-in-reference), taken
    on ``reference_date`` if known; LoadError for one that cannot be read.
    """
    from tthc.knowledge import load_knowledge

    rules = select_rules(ALL_RULES, list(select) or config.select, list(ignore) + config.ignore)
    knowledge = load_knowledge(config.knowledge_files, include_unconfirmed=config.include_unconfirmed)
    files, results = load_catalogs(paths, config.limits)
    audit = Audit(as_of=as_of or dt.date.today(), files=files, results=results, rules=rules)
    settings = RunSettings(
        as_of=audit.as_of,
        options=config.rule_options,
        severities={name: Severity(s) for name, s in config.severities.items()},
        reference=_reference(reference, reference_date) if reference else None,
    )
    total = sum(len(c.procedures) for c in audit.catalogs)
    tick = progress(total, len(files)) if progress else None
    audit.findings = run(audit.catalogs, rules, knowledge, settings, tick)
    return audit


def _reference(paths: Sequence[Path], day: dt.date | None):
    from tthc.rules.reference import Reference

    _, results = load_catalogs(paths)
    return Reference.build([r.catalog for r in results], day)


def exceeds(findings: Sequence[Finding], fail_on: str) -> bool:
    """Whether any finding is at or above the --fail-on threshold."""
    if fail_on == "never":
        return False
    threshold = Severity(fail_on).rank
    return any(f.severity.rank >= threshold for f in findings)
