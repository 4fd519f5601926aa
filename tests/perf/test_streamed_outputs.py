"""The machine outputs of `tthc check` are streamed (a finding at a time) and give, byte for
byte, what building each document whole gave: json (indented and compact), sarif, junit (the
ElementTree of the whole report, indented), csv and github, on real catalogs."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from tthc.audit import AuditRequest, audit
from tthc.i18n import text
from tthc.report import csv_report, github, json_report, junit, machine, sarif

FIXTURES = Path(__file__).parent.parent / "fixtures" / "realdata"
CATALOGS = (FIXTURES / "bo-tu-phap-2026.yaml", FIXTURES / "records" / "bo-tu-phap")


@pytest.fixture(scope="module")
def checked():
    return audit(AuditRequest(paths=CATALOGS, as_of=None))


def _plain_junit(result, findings) -> str:
    """The report as it was written before streaming: the whole tree, indented, then written."""
    names = junit._UniqueNames()
    by_file: dict[str, list] = defaultdict(list)
    for f in findings:
        by_file[f.file or f.catalog].append(f)
    root = ET.Element("testsuites", name="tthc")
    files = [r.catalog.source_file or r.catalog.identity for r in result.results]
    for file in files + [f for f in by_file if f not in files]:
        found = by_file.get(file, [])
        classname = junit._clean(junit.relative_path(file) or file)
        suite = ET.SubElement(root, "testsuite", name=classname)
        properties = ET.SubElement(suite, "properties")
        ET.SubElement(properties, "property", name="as_of", value=result.as_of.isoformat())
        for f in found:
            name = names.take(f"{f.procedure_code or '—'} {f.rule_name} [{f.field}] {f.fingerprint}")
            case = ET.SubElement(
                suite, "testcase", classname=classname, name=junit._clean(name), file=classname, time="0"
            )
            failure = ET.SubElement(case, "failure", type=f.severity.value, message=junit._clean(text(f.message, "vi")))
            failure.text = junit._clean(junit.failure_text(f, lang="vi"))
        flagged = {(f.procedure_code, f.procedure_name) for f in found}
        clean = 0
        for r in result.results:
            if (r.catalog.source_file or r.catalog.identity) != file:
                continue
            for p in r.catalog.procedures:
                if (p.code, p.name) in flagged:
                    continue
                clean += 1
                name = names.take(f"{p.code or '—'} {p.name}")
                ET.SubElement(suite, "testcase", classname=classname, name=junit._clean(name), file=classname, time="0")
        suite.set("tests", str(len(found) + clean))
        suite.set("failures", str(len(found)))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        suite.set("time", "0")
    root.set("tests", str(sum(int(s.get("tests", "0")) for s in root)))
    root.set("failures", str(sum(int(s.get("failures", "0")) for s in root)))
    root.set("errors", "0")
    root.set("time", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _plain(fmt: str, result, findings) -> str:
    if fmt == "json":
        data = json_report.to_json(result, findings, lang="vi")
        if len(findings) > json_report.INDENT_UP_TO:
            return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        return json.dumps(data, ensure_ascii=False, indent=2)
    if fmt == "sarif":
        return json.dumps(sarif.to_sarif(result, findings, lang="vi"), ensure_ascii=False, indent=2)
    if fmt == "junit":
        return _plain_junit(result, findings)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(csv_report.headers(lang="vi"))
        for f in findings:
            writer.writerow([csv_report.neutralise(cell) for cell in csv_report.row(f, lang="vi")])
        return buffer.getvalue()
    return "".join(github.annotation(f, lang="vi") + "\n" for f in findings)


FORMATS = ("json", "sarif", "junit", "csv", "github")


@pytest.mark.parametrize("fmt", FORMATS)
def test_streamed_output_is_the_whole_document(checked, fmt):
    findings = checked.findings * 3  # csv streams a hundred rows at a time: more than 200 rows
    assert len(findings) > 200
    pieces = list(machine.chunks(fmt, checked, findings, lang="vi"))
    assert len(pieces) > 2  # streamed, not one piece
    assert "".join(pieces) == _plain(fmt, checked, findings)


@pytest.mark.parametrize("fmt", FORMATS)
def test_streamed_output_with_few_or_no_findings(checked, fmt):
    for findings in ([], checked.findings[:1]):
        assert "".join(machine.chunks(fmt, checked, findings, lang="vi")) == _plain(fmt, checked, findings)


def test_compact_json_past_the_indent_limit(checked, monkeypatch):
    monkeypatch.setattr(json_report, "INDENT_UP_TO", 5)
    text = machine.render("json", checked, checked.findings, lang="vi")
    assert "\n" not in text
    assert text == _plain("json", checked, checked.findings)
    assert json.loads(text)["summary"]["total"] == len(checked.findings)


def test_json_chunks_places_the_items_where_the_list_was():
    data = {"a": 1, "list": [machine.STREAM], "b": {"c": [1, 2]}}
    items = [{"x": "Giấy khai sinh\n", "y": [1, {"z": None}]}, [], "ba"]
    whole = {"a": 1, "list": items, "b": {"c": [1, 2]}}
    for kwargs in ({"indent": 2}, {"indent": 4}, {"separators": (",", ":")}, {}):
        assert "".join(machine.json_chunks(data, iter(items), **kwargs)) == json.dumps(
            whole, ensure_ascii=False, **kwargs
        )
        assert "".join(machine.json_chunks(data, iter([]), **kwargs)) == json.dumps(
            {**whole, "list": []}, ensure_ascii=False, **kwargs
        )


def test_check_writes_the_streamed_report_to_a_file(checked, tmp_path):
    from typer.testing import CliRunner

    from tthc.cli import app

    out = tmp_path / "report.sarif"
    result = CliRunner().invoke(app, ["check", *map(str, CATALOGS), "--format", "sarif", "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    log = json.loads(out.read_text(encoding="utf-8"))
    assert len(log["runs"][0]["results"]) == len(checked.findings)
