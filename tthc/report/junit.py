"""`--format junit`: one failing test case per finding, one passing case per clean procedure.

One `<testsuite>` per catalog file, `classname` = the file, so CI groups by catalog. Names
are unique across the report (GitLab keeps only the first of equal names): procedure code,
rule name, field and fingerprint, which the engine already makes unique.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from xml.etree import ElementTree as ET

from tthc.audit import Audit
from tthc.i18n import Lang, text, tr
from tthc.report.machine import excel_cell, relative_path
from tthc.rules.base import Finding

# Characters XML 1.0 forbids (Excel cells sometimes hold them); dropped, or the report would not parse.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def dumps(audit: Audit, findings: Sequence[Finding], *, lang: Lang) -> str:
    names = _UniqueNames()
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_file[f.file or f.catalog].append(f)
    root = ET.Element("testsuites", name="tthc")
    files = [r.catalog.source_file or r.catalog.identity for r in audit.results]
    for file in files + [f for f in by_file if f not in files]:
        _suite(root, audit, file, by_file.get(file, []), names, lang=lang)
    root.set("tests", str(sum(int(s.get("tests", "0")) for s in root)))
    root.set("failures", str(sum(int(s.get("failures", "0")) for s in root)))
    root.set("errors", "0")
    root.set("time", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _suite(
    root: ET.Element, audit: Audit, file: str, findings: list[Finding], names: _UniqueNames, *, lang: Lang
) -> None:
    classname = _clean(relative_path(file) or file)
    suite = ET.SubElement(root, "testsuite", name=classname)
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", name="as_of", value=audit.as_of.isoformat())
    for f in findings:
        name = names.take(f"{f.procedure_code or '—'} {f.rule_name} [{f.field}] {f.fingerprint}")
        case = ET.SubElement(suite, "testcase", classname=classname, name=_clean(name), file=classname, time="0")
        failure = ET.SubElement(case, "failure", type=f.severity.value, message=_clean(text(f.message, lang)))
        failure.text = _clean(failure_text(f, lang=lang))
    flagged = {(f.procedure_code, f.procedure_name) for f in findings}
    clean = 0
    for result in audit.results:
        if (result.catalog.source_file or result.catalog.identity) != file:
            continue
        for p in result.catalog.procedures:
            if (p.code, p.name) in flagged:
                continue
            clean += 1
            name = names.take(f"{p.code or '—'} {p.name}")
            ET.SubElement(suite, "testcase", classname=classname, name=_clean(name), file=classname, time="0")
    suite.set("tests", str(len(findings) + clean))
    suite.set("failures", str(len(findings)))
    suite.set("errors", "0")
    suite.set("skipped", "0")
    suite.set("time", "0")


def failure_text(f: Finding, *, lang: Lang) -> str:
    where = excel_cell(f) or (str(f.source) if f.source else relative_path(f.file))
    lines = [
        f"{f.procedure_code or '—'} {f.procedure_name or ''}".strip(),
        f"{f.rule_code} {f.rule_name} ({f.severity.value}): {text(f.message, lang)}",
        f"{tr(lang, 'Vị trí', 'Position')}: {where}",
        f"{tr(lang, 'Kiến nghị', 'Recommendation')}: {text(f.recommendation, lang)}",
        f"{tr(lang, 'Căn cứ', 'Legal basis')}: {text(f.legal_basis, lang)}",
    ]
    return "\n".join(lines)


def _clean(text: str) -> str:
    return _XML_INVALID.sub("", text)


class _UniqueNames:
    """Appends " (2)", " (3)"… to a name already used anywhere in the report."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def take(self, name: str) -> str:
        candidate, n = name, 1
        while candidate in self._used:
            n += 1
            candidate = f"{name} ({n})"
        self._used.add(candidate)
        return candidate
