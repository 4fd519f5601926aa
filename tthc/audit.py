"""The application layer: one audit request in, the catalogs and their findings out.

Every command that reads catalogs (check, baseline, recommend, cost, publish, stats…)
builds an :class:`AuditRequest` from its options and calls :func:`audit`, so they all
load the same files, run the same rules with the same knowledge at the same date, and
see the same findings. ``cli/`` modules only parse options and render the result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tthc.config import Config
from tthc.engine import RunSettings, run, select_rules
from tthc.errors import EXIT_FINDINGS, EXIT_OK, TthcError
from tthc.i18n import T
from tthc.load import discover, load_file
from tthc.load.base import LoadResult
from tthc.load.limits import Limits
from tthc.model import Catalog
from tthc.rules import ALL_RULES, Rule
from tthc.rules.base import Finding, Severity

if TYPE_CHECKING:
    from tthc.knowledge import Knowledge

Progress = Callable[[int, int], Callable[[int], None] | None]


@dataclass(frozen=True)
class AuditRequest:
    """What one audit needs.

    ``run_rules=False`` loads only (stats, a site without flags). Findings carry their texts
    in both languages (``tthc.i18n.T``); each output renders the one it needs (documents
    "vi"). ``language`` is kept for callers that still pass it and changes nothing.
    """

    paths: tuple[Path, ...]
    config: Config = field(default_factory=Config)
    as_of: dt.date | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    run_rules: bool = True
    language: str | None = None
    # The national database's records to compare with (`tthc check LOCAL --reference REF…`,
    # issue #15: differs-from-reference, not-in-reference), taken on ``reference_date`` if known.
    references: tuple[Path, ...] = ()
    reference_date: dt.date | None = None


@dataclass
class Audit:
    as_of: dt.date
    files: list[Path]
    results: list[LoadResult]
    rules: list[Rule]
    findings: list[Finding] = field(default_factory=list)
    knowledge: Knowledge | None = None  # what the rules judged against (None when no rule ran)

    @property
    def catalogs(self) -> list[Catalog]:
        return [r.catalog for r in self.results]

    @property
    def load_errors(self) -> list:
        return [issue for r in self.results for issue in r.errors]


class RequestError(TthcError):
    """An option of the request that cannot be used (a date not written YYYY-MM-DD): one line, exit 2."""


DEFAULT_PATHS = (Path("catalogs"),)


def audit_request(
    paths: Sequence[Path] | None,
    config: Config,
    as_of: str | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    *,
    references: Sequence[Path] | None = None,
    reference_date: str | None = None,
) -> AuditRequest:
    """The request a command's options describe, as typed: paths (default ./catalogs), the loaded
    configuration, --as-of and --reference-date (YYYY-MM-DD; RequestError otherwise), --select and
    --ignore (repeated or comma-separated). check, baseline, recommend and cost all build it here."""
    return AuditRequest(
        tuple(paths) if paths else DEFAULT_PATHS,
        config,
        parse_day(as_of),
        split_selectors(select),
        split_selectors(ignore),
        references=tuple(references or ()),
        reference_date=parse_day(reference_date or None, "--reference-date"),
    )


def split_selectors(values: Sequence[str] | None) -> tuple[str, ...]:
    """Rule selectors as the user gave them: repeated options, each possibly comma-separated."""
    return tuple(part.strip() for v in values or () for part in v.split(",") if part.strip())


def parse_day(value: str | None, option: str = "--as-of") -> dt.date | None:
    """The date an option gives (YYYY-MM-DD), None when it is not given; RequestError naming the option."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise RequestError(
            T(f"{option} '{value}': cần ngày dạng YYYY-MM-DD", f"{option} '{value}': expected a date as YYYY-MM-DD")
        ) from None


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


def audit(request: AuditRequest, progress: Progress | None = None) -> Audit:
    """Load, select, run. ``progress(total, files)`` may return a callback advanced per procedure.

    Raises SelectionError for an unknown rule selector, KnowledgeError for a bad knowledge
    file and LoadError for a catalog that cannot be read at all; format errors inside a
    catalog are in ``Audit.load_errors``.
    """
    config = request.config
    as_of = request.as_of or dt.date.today()
    if not request.run_rules:
        files, results = load_catalogs(request.paths, config.limits)
        return Audit(as_of=as_of, files=files, results=results, rules=[])
    from tthc.knowledge import load_knowledge

    rules = select_rules(ALL_RULES, list(request.select) or config.select, list(request.ignore) + config.ignore)
    knowledge = load_knowledge(config.knowledge_files, include_unconfirmed=config.include_unconfirmed)
    files, results = load_catalogs(request.paths, config.limits)
    result = Audit(as_of=as_of, files=files, results=results, rules=rules, knowledge=knowledge)
    settings = RunSettings(
        as_of=as_of,
        options=config.rule_options,
        severities={name: Severity(s) for name, s in config.severities.items()},
        reference=_reference(request.references, request.reference_date) if request.references else None,
    )
    total = sum(len(c.procedures) for c in result.catalogs)
    tick = progress(total, len(files)) if progress else None
    result.findings = run(result.catalogs, rules, knowledge, settings, tick)  # texts in both languages
    return result


def _reference(paths: Sequence[Path], day: dt.date | None):
    from tthc.rules.reference import Reference

    _, results = load_catalogs(paths)
    return Reference.build([r.catalog for r in results], day)


@dataclass
class Checked:
    """What `tthc check` reports: the audit, the findings the baseline leaves, the baseline's fixed entries."""

    request: AuditRequest
    audit: Audit
    findings: list[Finding]
    fixed: list[dict] = field(default_factory=list)

    def exit_status(self, fail_on: str | None = None, exit_zero: bool = False) -> int:
        """1 when a finding is at or above ``fail_on`` (default: the configuration's), unless ``exit_zero``; else 0.
        (Catalogs with format errors exit 2 whatever this says: the caller reports them first.)"""
        over = exceeds(self.findings, fail_on or self.request.config.fail_on)
        return EXIT_FINDINGS if over and not exit_zero else EXIT_OK


def check(
    request: AuditRequest, *, baseline: Path | None = None, record: Path | None = None, progress: Progress | None = None
) -> Checked:
    """The audit `tthc check` runs. A history database (``record``) that is not ours is refused before
    the audit starts; after it, only findings not in ``baseline`` are kept, and the run is recorded,
    unless a catalog has format errors (a partial run would show phantom fixes).
    Raises what :func:`audit` raises, BaselineError and HistoryError."""
    if record is not None:
        from tthc.nightly.history import refuse_foreign

        refuse_foreign(record)
    result = audit(request, progress)
    checked = Checked(request, result, result.findings)
    if baseline is not None:
        from tthc.nightly.baseline import apply_baseline

        checked.findings, checked.fixed = apply_baseline(result.findings, baseline, baseline_scope(result))
    if record is not None and not result.load_errors:
        from tthc.nightly.history import record_run

        record_run(record, result)
    return checked


def baseline_scope(result: Audit):
    """What a baseline is compared on: the rules that ran and the catalogs read (entries outside it stay)."""
    from tthc.nightly.baseline import Scope

    return Scope(rule_codes={r.code for r in result.rules}, catalogs={c.identity for c in result.catalogs})


def exceeds(findings: Sequence[Finding], fail_on: str) -> bool:
    """Whether any finding is at or above the --fail-on threshold."""
    if fail_on == "never":
        return False
    threshold = Severity(fail_on).rank
    return any(f.severity.rank >= threshold for f in findings)
