"""`--format junit`: one failing test case per finding, one passing case per clean procedure.

One `<testsuite>` per catalog file, `classname` = the file, so CI groups by catalog. Names
are unique across the report (GitLab keeps only the first of equal names): procedure code,
rule name, field and fingerprint, which the engine already makes unique.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from xml.etree import ElementTree as ET

from tthc.audit import Audit
from tthc.i18n import Lang, text, tr
from tthc.model import Procedure
from tthc.report.machine import excel_cell, relative_path
from tthc.rules.base import Finding

# Characters XML 1.0 forbids (Excel cells sometimes hold them); dropped, or the report would not parse.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def dumps(audit: Audit, findings: Sequence[Finding], *, lang: Lang) -> str:
    return "".join(chunks(audit, findings, lang=lang))


def chunks(audit: Audit, findings: Sequence[Finding], *, lang: Lang) -> Iterator[str]:
    """The report in pieces, one test case at a time, as ``ET.indent`` + ``ET.tostring`` of the
    whole tree would write it (tests/perf/test_streamed_outputs.py compares the two)."""
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_file[f.file or f.catalog].append(f)
    files = [r.catalog.source_file or r.catalog.identity for r in audit.results]
    suites = [(file, by_file.get(file, [])) for file in files + [f for f in by_file if f not in files]]
    cleans = [len(_clean_procedures(audit, file, found)) for file, found in suites]
    root = ET.Element("testsuites", name="tthc")
    root.set("tests", str(sum(len(found) + clean for (_, found), clean in zip(suites, cleans, strict=True))))
    root.set("failures", str(sum(len(found) for _, found in suites)))
    root.set("errors", "0")
    root.set("time", "0")
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    if not suites:
        yield ET.tostring(root, encoding="unicode") + "\n"
        return
    yield _start_tag(root) + "\n  "
    names = _UniqueNames()
    for i, ((file, found), clean) in enumerate(zip(suites, cleans, strict=True)):
        if i:
            yield "\n  "
        yield from _suite(audit, file, found, clean, names, lang=lang)
    yield "\n</testsuites>\n"


def _suite(
    audit: Audit, file: str, findings: list[Finding], clean: int, names: _UniqueNames, *, lang: Lang
) -> Iterator[str]:
    classname = _clean(relative_path(file) or file)
    suite = ET.Element("testsuite", name=classname)
    suite.set("tests", str(len(findings) + clean))
    suite.set("failures", str(len(findings)))
    suite.set("errors", "0")
    suite.set("skipped", "0")
    suite.set("time", "0")
    yield _start_tag(suite) + "\n    "
    properties = ET.Element("properties")
    ET.SubElement(properties, "property", name="as_of", value=audit.as_of.isoformat())
    yield _child(properties)
    for f in findings:
        name = names.take(f"{f.procedure_code or '—'} {f.rule_name} [{f.field}] {f.fingerprint}")
        case = ET.Element("testcase", classname=classname, name=_clean(name), file=classname, time="0")
        failure = ET.SubElement(case, "failure", type=f.severity.value, message=_clean(text(f.message, lang)))
        failure.text = _clean(failure_text(f, lang=lang))
        yield "\n    " + _child(case)
    for p in _clean_procedures(audit, file, findings):
        name = names.take(f"{p.code or '—'} {p.name}")
        case = ET.Element("testcase", classname=classname, name=_clean(name), file=classname, time="0")
        yield "\n    " + _child(case)
    yield "\n  </testsuite>"


def _clean_procedures(audit: Audit, file: str, findings: list[Finding]) -> list[Procedure]:
    flagged = {(f.procedure_code, f.procedure_name) for f in findings}
    return [
        p
        for result in audit.results
        if (result.catalog.source_file or result.catalog.identity) == file
        for p in result.catalog.procedures
        if (p.code, p.name) not in flagged
    ]


def _start_tag(element: ET.Element) -> str:
    """``<name attr="…">`` as ElementTree writes it."""
    element.text = _MARK
    text = ET.tostring(element, encoding="unicode")
    element.text = None
    return text[: text.rindex(_MARK)]


_MARK = "\ue000"  # a private-use character: never escaped, never in a tag


def _child(element: ET.Element) -> str:
    """A child of a suite (level 2) with its inside indented as ``ET.indent`` of the tree does."""
    ET.indent(element, level=2)
    return ET.tostring(element, encoding="unicode")


def failure_text(f: Finding, *, lang: Lang) -> str:
    where = excel_cell(f) or (text(f.source, lang) if f.source else relative_path(f.file))
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
