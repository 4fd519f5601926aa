"""Every command of tthc, run on the sample catalogs (and its --help), for the language tests."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CATALOGS = ROOT / "catalogs"
YAML_2019 = CATALOGS / "kim-bang-2019-2020.yaml"
YAML_2026 = CATALOGS / "xa-2026.yaml"
ANNEX = CATALOGS / "kim-bang-2019-2020-annex.xlsx"
KNOWLEDGE = ROOT / "tthc" / "knowledge" / "data"


def runs(tmp: Path) -> list[tuple[str, ...]]:
    """(command line…) for every command, writing into ``tmp``; run in this order."""
    db = tmp / "history.sqlite"
    base = tmp / "baseline.json"
    return [
        ("validate", str(CATALOGS)),
        ("check", str(CATALOGS)),
        ("check", str(CATALOGS), "--output-format", "full"),
        ("check", str(CATALOGS), "--statistics"),
        ("check", str(CATALOGS), "--group-by", "rule"),
        ("check", str(CATALOGS), "--format", "json"),
        ("check", str(CATALOGS), "--format", "sarif"),
        ("check", str(CATALOGS), "--format", "csv"),
        ("check", str(CATALOGS), "--format", "junit"),
        ("check", str(CATALOGS), "--format", "github"),
        ("check", str(CATALOGS), "--record", str(db)),
        ("check", str(CATALOGS), "--record", str(db), "--as-of", "2022-06-01"),
        ("history", "--db", str(db)),
        ("history", "--db", str(db), "--by", "rule"),
        ("history", "--db", str(db), "--by", "agency"),
        ("baseline", "create", str(CATALOGS), "-o", str(base)),
        ("baseline", "update", str(CATALOGS), "--baseline", str(base)),
        ("check", str(CATALOGS), "--baseline", str(base)),
        ("rules",),
        ("rules", "--format", "json"),
        *[("explain", code) for code in _rule_codes()],
        ("stats", str(CATALOGS)),
        ("cost", str(YAML_2019), "--issuer", "UBND TỈNH NINH BÌNH"),
        ("cost", str(YAML_2019)),
        ("recommend", str(YAML_2019), "--issuer", "UBND TỈNH NINH BÌNH", "-o", str(tmp / "plan.docx")),
        ("recommend", str(YAML_2019), "--issuer", "UBND TỈNH NINH BÌNH", "-o", str(tmp / "plan.xlsx")),
        ("recommend", str(YAML_2019), "-o", str(tmp / "plan2.docx")),
        ("publish", str(CATALOGS), "-o", str(tmp / "site")),
        ("handbook", str(YAML_2026), "-o", str(tmp / "handbook.docx")),
        ("diff", str(YAML_2019), str(YAML_2026)),
        ("merge", str(YAML_2019), str(YAML_2026), "-o", str(tmp / "merged.yaml")),
        ("convert", str(YAML_2026), "-o", str(tmp / "xa.xlsx")),
        ("convert", str(ANNEX), "-o", str(tmp / "annex.yaml")),
        ("template", "-o", str(tmp / "template.xlsx")),
        ("schema",),
        ("knowledge", "import", str(tmp / "missing.parquet"), "-o", str(tmp / "register.yaml")),
        ("check", str(tmp / "no-such-folder")),
        ("check", str(CATALOGS), "--as-of", "yesterday"),
        ("check", str(CATALOGS), "--select", "no-such-rule"),
        ("check", "--lang", "en", "--no-such-option"),
    ]


def help_runs() -> list[tuple[str, ...]]:
    from typer.main import get_command

    from tthc.cli import app

    root = get_command(app)
    out: list[tuple[str, ...]] = [("--help",)]
    for name, cmd in root.commands.items():  # type: ignore[attr-defined]
        out.append((name, "--help"))
        for sub in getattr(cmd, "commands", {}):
            out.append((name, sub, "--help"))
    return out


def _rule_codes() -> list[str]:
    from tthc.rules import ALL_RULES

    return [r.code for r in ALL_RULES]


def corpus() -> str:
    """The text an English run may quote: the sample catalogs and the legal documents' titles."""
    import yaml
    from openpyxl import load_workbook

    parts = [p.read_text(encoding="utf-8") for p in sorted(CATALOGS.glob("*.yaml"))]
    for book in sorted(CATALOGS.glob("*.xlsx")):
        wb = load_workbook(book, read_only=True)
        for ws in wb.worksheets:
            parts.append(ws.title)
            parts.extend(str(v) for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str))
    for name in ("legal_documents.yaml", "legal_register.yaml"):
        data = yaml.safe_load((KNOWLEDGE / name).read_text(encoding="utf-8"))
        for doc in data.get("legal_documents") or data.get("documents") or []:
            parts.extend(str(doc[k]) for k in ("title", "issuer", "short_title") if doc.get(k))
    from tthc.rules import ALL_RULES

    # the rules' realistic catalog lines and the catalog words their texts quote, as written
    for rule in ALL_RULES:
        parts.append(rule.doc.example.vi)
        for text in (rule.doc.what, rule.doc.why, rule.doc.instead, rule.doc.known, rule.summary):
            if text is not None:
                parts.extend(m.group(2) for m in _QUOTED.finditer(text.vi))
    terms = yaml.safe_load((KNOWLEDGE / "terms.yaml").read_text(encoding="utf-8"))
    for term in terms.get("terms") or []:  # the catalog words a term is found by
        parts.extend(_strings([term.get(k) for k in ("variants", "exclude", "unless")]))
    once_only = yaml.safe_load((KNOWLEDGE / "once_only.yaml").read_text(encoding="utf-8"))
    for kind in once_only.get("once_only") or []:  # the catalog words a paper kind is found by
        parts.extend(_strings([kind.get(k) for k in ("variants", "exclude", "unless")]))
    units = yaml.safe_load((KNOWLEDGE / "units.yaml").read_text(encoding="utf-8"))
    for province in units.get("provinces") or []:
        parts.extend(str(province[k]) for k in ("old_name", "new_name") if province.get(k))
        parts.extend(str(v) for v in province.get("variants") or [])
    return unicodedata.normalize("NFC", "\n".join(parts))


_QUOTED = re.compile(r"([\"“'‘])([^\"“”'‘’\n]{1,300})([\"”'’])")


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def output_kind(args: tuple[str, ...]) -> str:
    """How a run's stdout is read: json, csv, xml, github or text."""
    if "--help" in args:
        return "text"
    if args[0] == "schema" or (args[0] in ("check", "rules") and "json" in args) or "sarif" in args:
        return "json"
    return (
        {"csv": "csv", "junit": "xml", "github": "github"}.get(args[args.index("--format") + 1], "text")
        if "--format" in args
        else "text"
    )
