"""Run the selected rules over catalogs at a date and collect findings."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tthc.errors import TthcError
from tthc.i18n import T
from tthc.model import Catalog
from tthc.rules.base import Finding, Rule, RuleContext, Severity, fingerprint
from tthc.text import match_key, nearest

if TYPE_CHECKING:
    from tthc.knowledge import Knowledge


class SelectionError(TthcError, ValueError):
    """A --select/--ignore entry that names no rule, code, group or prefix."""


def matches_selector(rule: Rule, selector: str) -> bool:
    """A selector is a rule code, a rule name (current or former: Rule.aliases), a group, or a code prefix ("TT2")."""
    s = selector.strip()
    return (
        rule.known_as(s)
        or s.lower() == rule.group.value
        or s.upper() == "ALL"
        or (len(s) >= 2 and rule.code.startswith(s.upper()))
    )


def select_rules(rules: Sequence[Rule], select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Rule]:
    select, ignore = list(select), list(ignore)
    for selector in select + ignore:
        if not any(matches_selector(rule, selector) for rule in rules):
            choices = [r.name for r in rules] + [r.code for r in rules] + sorted({r.group.value for r in rules})
            hint = nearest(selector, choices)
            raise SelectionError(
                T(
                    f"không có quy tắc, mã hoặc nhóm '{selector}'" + (f"; có phải '{hint}'?" if hint else ""),
                    f"no rule, code or group '{selector}'" + (f"; did you mean '{hint}'?" if hint else ""),
                )
            )
    chosen = [r for r in rules if not select or any(matches_selector(r, s) for s in select)]
    return [r for r in chosen if not any(matches_selector(r, s) for s in ignore)]


@dataclass
class RunSettings:
    as_of: dt.date
    options: dict[str, dict[str, Any]] = field(default_factory=dict)  # rule name -> option values
    severities: dict[str, Severity] = field(default_factory=dict)  # rule name -> severity override
    reference: Any = None  # tthc.rules.reference.Reference for --reference, else None


def run(
    catalogs: Sequence[Catalog],
    rules: Sequence[Rule],
    knowledge: Knowledge,
    settings: RunSettings,
    progress: Callable[[int], None] | None = None,
) -> list[Finding]:
    """Every finding of the rules over the catalogs, each with its stable fingerprint."""
    findings: list[Finding] = []
    per_procedure = [r for r in rules if r.scope == "procedure"]
    per_catalog = [r for r in rules if r.scope == "catalog"]
    for catalog in catalogs:
        contexts = {r.name: _context(r, catalog, knowledge, settings) for r in rules}
        for procedure in catalog.procedures:
            for rule in per_procedure:
                findings.extend(rule.check(procedure, contexts[rule.name]))
            if progress:
                progress(1)
        for rule in per_catalog:
            findings.extend(rule.check(catalog, contexts[rule.name]))
    _assign_fingerprints(findings, rules)
    return findings


def _context(rule: Rule, catalog: Catalog, knowledge: Knowledge, settings: RunSettings) -> RuleContext:
    options = rule.default_options
    options.update(settings.options.get(rule.name, {}))
    return RuleContext(
        rule=rule,
        as_of=settings.as_of,
        knowledge=knowledge,
        options=options,
        catalog=catalog,
        severity=settings.severities.get(rule.name, rule.severity),
        reference=settings.reference,
    )


def _assign_fingerprints(findings: list[Finding], rules: Iterable[Rule] = ()) -> None:
    """Fingerprint = catalog + procedure + rule + field + subject; repeats get "#2", "#3".

    The rule part is the rule's first code (Rule.fingerprint_code), so a rule whose code
    changed keeps its findings' fingerprints: baselines and decisions still match."""
    from tthc.rules import find_rule

    codes = {r.code: r.fingerprint_code for r in rules}
    seen: Counter[str] = Counter()
    for f in findings:
        if f.rule_code not in codes:
            rule = find_rule(f.rule_code)
            codes[f.rule_code] = rule.fingerprint_code if rule and rule.code == f.rule_code else f.rule_code
        key = f.procedure_code.strip().upper() if f.procedure_code else "name:" + match_key(f.procedure_name or "")
        base = fingerprint(f.catalog, key, codes[f.rule_code], f.field, f.subject)
        seen[base] += 1
        f.fingerprint = base if seen[base] == 1 else f"{base}#{seen[base]}"
