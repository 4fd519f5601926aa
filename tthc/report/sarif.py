"""`--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it.

Every selected rule is described in `tool.driver.rules` from its own documentation (the text
`tthc explain` prints); every finding is one result with one location: the catalog file
relative to the working folder, and the YAML line or the Excel row as `region.startLine`.
The finding fingerprint (never a row number) goes into `partialFingerprints`, also as
`primaryLocationLineHash`, so an alert survives re-sorting a sheet instead of being closed
and reopened.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any
from urllib.parse import quote

from tthc import __version__
from tthc.audit import Audit
from tthc.i18n import Lang, text, tr
from tthc.report.machine import STREAM, excel_cell, json_chunks, line_of, relative_path
from tthc.rules import RULES_BY_CODE, Rule
from tthc.rules.base import CODE_PATTERN, Finding, Severity

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "tthc/v1"


def dumps(audit: Audit, findings: Sequence[Finding], automation_id: str | None = None, *, lang: Lang) -> str:
    return "".join(chunks(audit, findings, automation_id=automation_id, lang=lang))


def chunks(audit: Audit, findings: Sequence[Finding], automation_id: str | None = None, *, lang: Lang) -> Iterator[str]:
    """The log in pieces: one result at a time (never all of them at once)."""
    rules = _rules(audit.rules, findings)
    index = {rule.code: i for i, rule in enumerate(rules)}
    log = _log(audit, rules, [STREAM], automation_id, lang=lang)
    return json_chunks(log, (_result(f, index[f.rule_code], lang=lang) for f in findings), indent=2)


def to_sarif(
    audit: Audit, findings: Sequence[Finding], automation_id: str | None = None, *, lang: Lang
) -> dict[str, Any]:
    rules = _rules(audit.rules, findings)
    index = {rule.code: i for i, rule in enumerate(rules)}
    return _log(audit, rules, [_result(f, index[f.rule_code], lang=lang) for f in findings], automation_id, lang=lang)


def _log(
    audit: Audit, rules: list[Rule], results: list[Any], automation_id: str | None, *, lang: Lang
) -> dict[str, Any]:
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "tthc",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_descriptor(rule, lang=lang) for rule in rules],
            }
        },
        "language": lang,
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"as_of": audit.as_of.isoformat()},
    }
    if automation_id:
        run["automationDetails"] = {"id": automation_id}
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def _rules(selected: Sequence[Rule], findings: Sequence[Finding]) -> list[Rule]:
    """The selected rules, plus any rule a finding names that is not among them."""
    rules = list(selected)
    known = {r.code for r in rules}
    for f in findings:
        if f.rule_code not in known and f.rule_code in RULES_BY_CODE:
            rules.append(RULES_BY_CODE[f.rule_code])
            known.add(f.rule_code)
    return rules


def _descriptor(rule: Rule, *, lang: Lang) -> dict[str, Any]:
    from tthc.report.rule_docs import help_uri, rule_markdown

    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary.text(lang)},
        "fullDescription": {"text": rule.doc.what.text(lang)},
        "help": {"text": help_text(rule, lang=lang), "markdown": rule_markdown(rule, lang=lang)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["tthc", rule.group.value], "group": rule.group.value},
    }
    uri = help_uri(rule)
    if uri:  # an absolute URI only (SARIF): docs/rules.md's anchor where the docs are published
        descriptor["helpUri"] = uri
    if rule.aliases:  # the former names/codes, so a viewer can relate old alerts
        codes = [a.upper() for a in rule.aliases if CODE_PATTERN.fullmatch(a.upper())]
        descriptor["deprecatedIds"] = codes
        descriptor["deprecatedNames"] = [a for a in rule.aliases if a.upper() not in codes]
    return descriptor


def help_text(rule: Rule, *, lang: Lang) -> str:
    """The rule documentation as plain text (for viewers that do not render Markdown)."""
    from tthc.report.rule_docs import SECTIONS

    parts = [
        f"{rule.code} {rule.name}: {rule.summary.text(lang)}",
        f"{tr(lang, 'Căn cứ', 'Legal basis')}: {rule.legal_basis.text(lang)}",
    ]
    for attr, (vi, en) in SECTIONS:
        parts.append(f"{tr(lang, vi, en)}: {getattr(rule.doc, attr).text(lang)}")
    return "\n\n".join(parts)


def _result(f: Finding, rule_index: int, *, lang: Lang) -> dict[str, Any]:
    cell = excel_cell(f)
    region: dict[str, Any] = {"startLine": max(line_of(f) or 1, 1)}
    if f.source is not None and f.source.line is not None and f.source.column:
        region["startColumn"] = f.source.column
    uri = quote(relative_path(f.file) or f.catalog, safe="/")
    properties: dict[str, Any] = {
        "procedure_code": f.procedure_code,
        "procedure_name": f.procedure_name,
        "field": f.field,
        "recommendation": text(f.recommendation, lang),
        "legal_basis": text(f.legal_basis, lang),
        "catalog": f.catalog,
    }
    if cell:
        properties["cell"] = cell
    if f.source is not None and f.source.column_title:
        properties["column_title"] = f.source.column_title
    return {
        "ruleId": f.rule_code,
        "ruleIndex": rule_index,
        "level": LEVELS[f.severity],
        "message": {"text": message_text(f, cell, lang=lang)},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint, "primaryLocationLineHash": f.fingerprint},
        "properties": {k: v for k, v in properties.items() if v is not None},
    }


def message_text(f: Finding, cell: str | None, *, lang: Lang) -> str:
    """`1.001193 Đăng ký khai sinh: <message> (Thủ tục!B17). Kiến nghị: …`: the first sentence says what."""
    who = " ".join(p for p in (f.procedure_code, f.procedure_name) if p)
    line = f"{who}: {text(f.message, lang)}" if who else text(f.message, lang)
    if cell:
        line += f" ({cell})"
    return f"{line}. {tr(lang, 'Kiến nghị', 'Recommendation')}: {text(f.recommendation, lang)}"
