"""The catalogue of load-issue types (tthc.load.issues): every kind the loaders report is registered.

Why a scan of the code and not a check in the sink: the scan sees every call site, including the
error paths no test reaches, and costs nothing at run time; a check in the sink could only crash a
user's run or stay silent. The one computed kind, ``unknown_value_kind(field)``, is followed to the
callers that pass ``field`` as a literal, so those are checked too.
"""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import write_yaml_catalog
from tthc.load.base import IssueSeverity
from tthc.load.issues import ID_PATTERN, ISSUE_TYPES, issue_type, markdown, unknown_value_kind

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "tthc"
SEVERITY = {"warn": IssueSeverity.WARNING, "error": IssueSeverity.ERROR}


def _name(func: ast.expr) -> str | None:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None


def _emissions() -> Iterator[tuple[str, int, ast.expr, IssueSeverity, ast.FunctionDef | None]]:
    """(file, line, kind expression, severity, enclosing function) of every issue the code reports."""
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == PACKAGE / "load" / "base.py":  # the sink itself passes kinds through
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node.func)
            if (
                name in SEVERITY
                and isinstance(node.func, ast.Attribute)
                and ast.unparse(node.func.value).endswith("sink")
            ):
                kind, severity = node.args[0] if node.args else None, SEVERITY[name]
            elif name == "LoadIssue":
                kind = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "kind"), None)
                given = (
                    node.args[3]
                    if len(node.args) > 3
                    else next((k.value for k in node.keywords if k.arg == "severity"), None)
                )
                severity = (
                    IssueSeverity.WARNING if given is None else IssueSeverity[ast.unparse(given).rsplit(".", 1)[-1]]
                )
            else:
                continue
            assert kind is not None, f"{path}:{node.lineno}: an issue without a kind"
            inside = [f for f in functions if f.lineno <= node.lineno <= (f.end_lineno or f.lineno)]
            yield str(path.relative_to(ROOT)), node.lineno, kind, severity, (inside[-1] if inside else None)


def _calls_of(function: str) -> Iterator[tuple[str, ast.Call]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _name(node.func) == function:
                yield str(path.relative_to(ROOT)), node


def _kinds_emitted() -> list[tuple[str, str, IssueSeverity]]:
    """(where, kind, severity) for every reported kind, the computed ones resolved through their callers."""
    found = []
    for file, line, kind, severity, function in _emissions():
        where = f"{file}:{line}"
        if isinstance(kind, ast.Constant) and isinstance(kind.value, str):
            found.append((where, kind.value, severity))
            continue
        # the only computed kind allowed: unknown_value_kind(<a parameter of the enclosing function>)
        assert isinstance(kind, ast.Call) and _name(kind.func) == "unknown_value_kind", (
            f"{where}: the kind must be a string literal or unknown_value_kind(field), not {ast.unparse(kind)}"
        )
        arg = kind.args[0]
        if isinstance(arg, ast.Constant):
            found.append((where, unknown_value_kind(arg.value), severity))
            continue
        assert function is not None and isinstance(arg, ast.Name), where
        position = [a.arg for a in function.args.args].index(arg.id)
        callers = list(_calls_of(function.name))
        assert callers, f"{where}: {function.name} is never called"
        for caller_file, call in callers:
            field = call.args[position] if len(call.args) > position else None
            assert isinstance(field, ast.Constant) and isinstance(field.value, str), (
                f"{caller_file}:{call.lineno}: pass the field of {function.name}() as a string literal"
            )
            found.append((f"{caller_file}:{call.lineno}", unknown_value_kind(field.value), severity))
    return found


def test_every_kind_the_code_reports_is_registered_with_its_severity() -> None:
    emitted = _kinds_emitted()
    kinds = {kind for _, kind, _ in emitted}
    # the scan really sees the loaders (a scan that finds nothing would pass anything)
    assert {"unparsed-time", "unknown-key", "bad-json", "unknown-legal-basis-kind", "code-as-number"} <= kinds
    problems = []
    for where, kind, severity in emitted:
        registered = issue_type(kind)
        if registered is None or registered.id != kind:
            problems.append(f"{where}: '{kind}' is not registered in tthc/load/issues.py")
        elif registered.severity is not severity:
            problems.append(
                f"{where}: '{kind}' is reported as {severity.value}, registered as {registered.severity.value}"
            )
    assert problems == []


def test_every_registered_kind_is_reported_somewhere() -> None:
    emitted = {kind for _, kind, _ in _kinds_emitted()}
    assert sorted(t.id for t in ISSUE_TYPES if t.id not in emitted) == []


def test_ids_are_one_spelling_unique_and_sorted() -> None:
    ids = [t.id for t in ISSUE_TYPES]
    assert [i for i in ids if not ID_PATTERN.fullmatch(i)] == []
    assert ids == sorted(set(ids))
    aliases = [a for t in ISSUE_TYPES for a in t.aliases]
    assert not set(aliases) & set(ids) and len(aliases) == len(set(aliases))
    for t in ISSUE_TYPES:
        assert t.title.vi and t.title.en and t.description.vi and t.description.en, t.id
        assert t.title.vi != t.title.en and t.description.vi != t.description.en, t.id


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("unknown-legal-basis.kind", "unknown-legal-basis-kind"),
        ("unknown-fees.status", "unknown-fees-status"),
        ("unknown-processing-time.status", "unknown-processing-time-status"),
    ],
)
def test_former_dotted_spellings_still_resolve(old: str, new: str) -> None:
    found = issue_type(old)
    assert found is not None and found.id == new


def test_the_docs_page_is_generated_from_the_catalogue() -> None:
    committed = (ROOT / "docs" / "load-issues.md").read_text(encoding="utf-8")
    assert committed == markdown(), "run: python -m tthc.load.issues > docs/load-issues.md"
    for t in ISSUE_TYPES:
        assert f"\n## {t.id}\n" in committed


def test_validate_reports_the_hyphenated_kind(cli, tmp_path: Path) -> None:
    """What a user reads: `validate --format json` names the kind with hyphens only."""
    path = write_yaml_catalog(
        tmp_path / "c.yaml",
        '  - code: "1.000001"\n    name: Đăng ký khai sinh\n    legal_basis:\n'
        "      - {number: 123/2015/QH13, kind: Sắc luật}\n",
    )
    code, out, _ = cli("validate", path, "--format", "json")
    issues = [i for f in json.loads(out)["files"] for i in f["issues"]]
    assert code == 0
    assert [i["kind"] for i in issues] == ["unknown-legal-basis-kind"]
    assert "Sắc luật" in issues[0]["message"]
