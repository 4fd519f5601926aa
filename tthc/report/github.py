"""`--format github`: workflow commands that GitHub Actions shows as annotations.

`::error file=catalogs/a.yaml,line=12,title=TT101 missing-required-element::message`;
warning → `::warning`, info → `::notice`. Escaping follows the Actions toolkit: `%`, CR
and LF in the message; additionally `:` and `,` in property values.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from tthc.i18n import Lang, text, tr
from tthc.report.machine import excel_cell, line_of, relative_path
from tthc.rules.base import Finding, Severity

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(findings: Sequence[Finding], *, lang: Lang) -> str:
    return "".join(chunks(findings, lang=lang))


def chunks(findings: Sequence[Finding], *, lang: Lang) -> Iterator[str]:
    return (annotation(f, lang=lang) + "\n" for f in findings)


def annotation(f: Finding, *, lang: Lang) -> str:
    props = {"file": relative_path(f.file) or f.catalog}
    line = line_of(f)
    if line:
        props["line"] = str(line)
        if f.source is not None and f.source.line is not None and f.source.column:
            props["col"] = str(f.source.column)
    props["title"] = f"{f.rule_code} {f.rule_name}" + (f" ({f.procedure_code})" if f.procedure_code else "")
    head = ",".join(f"{key}={escape_property(value)}" for key, value in props.items())
    return f"::{COMMANDS[f.severity]} {head}::{escape_data(_message(f, lang=lang))}"


def _message(f: Finding, *, lang: Lang) -> str:
    who = " ".join(p for p in (f.procedure_code, f.procedure_name) if p)
    cell = excel_cell(f)
    line = f"{who}: {text(f.message, lang)}" if who else text(f.message, lang)
    if cell:
        line += f" ({cell})"
    return f"{line}\n{tr(lang, 'Kiến nghị', 'Recommendation')}: {text(f.recommendation, lang)}\n{tr(lang, 'Căn cứ', 'Legal basis')}: {text(f.legal_basis, lang)}"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
