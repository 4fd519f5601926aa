"""The explicit registry of rules. Adding a rule = writing its module + one line here."""

from __future__ import annotations

from tthc.rules.base import Effect, Finding, Group, Payload, Rule, Severity

ALL_RULES: tuple[Rule, ...] = ()


def _registry() -> tuple[Rule, ...]:
    from tthc.rules import (
        completeness,
        consistency,
        dossier,
        interlink,
        legal_basis,
        online,
        online_uptake,
        outdated_terms,
        processing,
        reference,
    )

    families = (
        completeness,
        legal_basis,
        outdated_terms,
        dossier,
        online,
        online_uptake,
        processing,
        interlink,
        consistency,
        reference,
    )
    return tuple(sorted((rule for family in families for rule in family.RULES), key=lambda r: r.code))


ALL_RULES = _registry()
RULES_BY_NAME: dict[str, Rule] = {r.name: r for r in ALL_RULES}
RULES_BY_CODE: dict[str, Rule] = {r.code: r for r in ALL_RULES}
# former names and codes (Rule.aliases), lowercased: a renamed rule is still found by its old name
RULES_BY_ALIAS: dict[str, Rule] = {a.lower(): r for r in ALL_RULES for a in r.aliases}


def find_rule(name_or_code: str) -> Rule | None:
    """A rule by its code or name, or a former one (Rule.aliases)."""
    key = name_or_code.strip()
    return RULES_BY_NAME.get(key.lower()) or RULES_BY_CODE.get(key.upper()) or RULES_BY_ALIAS.get(key.lower())


__all__ = [
    "ALL_RULES",
    "RULES_BY_ALIAS",
    "RULES_BY_CODE",
    "RULES_BY_NAME",
    "Effect",
    "Finding",
    "Group",
    "Payload",
    "Rule",
    "Severity",
    "find_rule",
]
