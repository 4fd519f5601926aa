"""Precision and recall of the rules on the real records, and the labelled set behind them.

The labelled set is tests/fixtures/realdata/labels.yaml: findings drawn at random from the
tool's output on the real records in ../shared/realdata (stratified by rule, fixed seed),
each judged true or false by reading the record, plus "must fire" labels found by reading
records (not the tool's output). This script reads ../shared/realdata (a test never does;
tests/rules/test_realdata_labels.py runs the same labels on the byte-for-byte copies under
tests/fixtures/realdata/records/labelled/).

    python tools/precision.py rates                 # firing rate of every rule on every real record
    python tools/precision.py score                 # precision and recall on the labelled set
    python tools/precision.py sample --per-rule 12 --total 300 --seed 2026 > draw.yaml
    python tools/precision.py show draw.yaml        # each drawn finding with the text it points at
    python tools/precision.py records --n 30 --seed 2036 --exclude   # whole records to read blind
    python tools/precision.py fixtures              # copy the labelled records into tests/fixtures
    python tools/precision.py reread --out r.yaml   # labels drawn for a second reader, verdicts hidden
    python tools/precision.py agree r.yaml          # the second reader's verdicts against labels.yaml

Everything is judged at AS_OF with the shipped knowledge and default rule options.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import random
import re
import shutil
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tthc.engine import RunSettings, run  # noqa: E402
from tthc.i18n import text  # noqa: E402
from tthc.knowledge import load_knowledge  # noqa: E402
from tthc.load import load_file  # noqa: E402
from tthc.model import Catalog, Procedure  # noqa: E402
from tthc.rules import ALL_RULES, Finding  # noqa: E402

REALDATA = (ROOT.parent.parent / "shared" / "realdata").resolve()
LABELS = ROOT / "tests" / "fixtures" / "realdata" / "labels.yaml"
FIXTURES = ROOT / "tests" / "fixtures" / "realdata" / "records" / "labelled"
AS_OF = dt.date(2026, 12, 1)

# The real records: chatbot_tthc's four agencies (crawled portal detail pages), the Defence
# exports, the 2021 crawl, and the portal's list exports (codes, names, agencies).
RECORD_SOURCES = (
    "chatbot_tthc/bo-tu-phap",
    "chatbot_tthc/bo-cong-an",
    "chatbot_tthc/bo-tai-chinh",
    "chatbot_tthc/bo-nong-nghiep-mt",
    "nhdandz_ThuTucHanhChinh/extracted_fixed",
    "trannguyenhan_dichvucong_7sins",
)
LIST_SOURCES = tuple(
    f"chatbot_tthc/{name}"
    for name in (
        "danh-sach-tthc-BoCongAn.xlsx",
        "danh-sach-tthc-BoTaiChinh.xlsx",
        "danh-sach-tthc-BoTuPhap.xlsx",
        "danh-sach-tthc-BoXayDung.xlsx",
        "danh-sach-tthc-NganhangNhanuocVietNam.xlsx",
        "danh-sach-tthc-NongNghiepvaMoiTruong.xlsx",
        "toa-an-nhan-dan.xlsx",
    )
)
# where each source's records go in the test fixtures (a folder of records = one catalog)
FIXTURE_FOLDER = {
    "chatbot_tthc/bo-tu-phap": "bo-tu-phap",
    "chatbot_tthc/bo-cong-an": "bo-cong-an",
    "chatbot_tthc/bo-tai-chinh": "bo-tai-chinh",
    "chatbot_tthc/bo-nong-nghiep-mt": "bo-nong-nghiep-mt",
    "nhdandz_ThuTucHanhChinh/extracted_fixed": "nhdandz-extracted-fixed",
    "trannguyenhan_dichvucong_7sins": "dichvucong-7sins",
}


def norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text or "")).strip().casefold()


@dataclass(frozen=True)
class Label:
    record: str  # the record's file, relative to realdata (the 2021 crawl: its data.json)
    procedure: str  # the code, or the name when the record has no code
    rule: str
    field: str
    words: str  # a fragment of what the finding is about, as the catalog writes it
    kind: str  # "sample" (drawn from the tool's output) or "must-fire" (found by reading)
    truth: bool  # is a finding here right
    reason: str
    draw: int = 1  # which random draw a sampled label came from (1: before the fixes it led to, 2: after)
    known: str = ""  # why the tool still disagrees with this label (a known gap, xfail in the test)

    @property
    def expect_fire(self) -> bool:
        return self.truth


def read_labels(path: Path = LABELS) -> list[Label]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for item in data["labels"]:
        out.append(
            Label(
                record=item["record"],
                procedure=str(item.get("procedure") or ""),
                rule=item["rule"],
                field=item["field"],
                words=item.get("words") or "",
                kind=item["kind"],
                truth=bool(item["truth"]),
                reason=item["reason"],
                draw=int(item.get("draw", 1)),
                known=item.get("known") or "",
            )
        )
    return out


def finding_words(f: Finding) -> str:
    """What a finding is about, as the catalog writes it (the payload's words, else the subject)."""
    payload = getattr(f, "payload", None)
    words = getattr(payload, "words", "") if payload is not None else ""
    return " ".join(x for x in (words, f.subject, text(f.message, "vi")) if x)


def matches(label: Label, f: Finding, record: str) -> bool:
    if f.rule_name != label.rule or f.field != label.field or record != label.record:
        return False
    if label.procedure != (f.procedure_code or "") and label.procedure != (f.procedure_name or ""):
        return False
    return norm(label.words) in norm(finding_words(f))


def record_of(f: Finding, root: Path) -> str:
    """The record a finding is on, relative to ``root`` (a list export: the workbook)."""
    file = (f.source.file if f.source and f.source.file else f.file) or ""
    try:
        return Path(file).resolve().relative_to(root).as_posix()
    except ValueError:
        return file


def load_catalogs(root: Path, sources: Iterable[str]) -> list[Catalog]:
    catalogs = []
    for source in sources:
        path = root / source
        if path.exists():
            catalogs.append(load_file(path).catalog)
    return catalogs


def audit(catalogs: list[Catalog]) -> list[Finding]:
    return run(catalogs, list(ALL_RULES), load_knowledge(), RunSettings(as_of=AS_OF))


# -- rates ---------------------------------------------------------------------------------


def cmd_rates(_args) -> None:
    catalogs = load_catalogs(REALDATA, RECORD_SOURCES)
    lists = load_catalogs(REALDATA, LIST_SOURCES)
    findings = audit(catalogs)
    list_findings = audit(lists)
    total = sum(len(c.procedures) for c in catalogs)
    listed = sum(len(c.procedures) for c in lists)
    print(f"# Firing rates on the real records, as of {AS_OF} (default options, shipped knowledge)")
    print(f"detail records: {total} procedures in {len(catalogs)} catalogs; list exports: {listed} rows\n")
    print("| rule | findings | procedures | share of records | on list exports |")
    print("|---|---:|---:|---:|---:|")
    per: dict[str, set] = collections.defaultdict(set)
    count: collections.Counter = collections.Counter()
    for f in findings:
        per[f.rule_name].add((f.catalog, f.procedure_code, f.procedure_name))
        count[f.rule_name] += 1
    on_lists = collections.Counter(f.rule_name for f in list_findings)
    for rule in sorted(ALL_RULES, key=lambda r: -len(per[r.name])):
        n = len(per[rule.name])
        print(f"| `{rule.name}` | {count[rule.name]} | {n} | {100 * n / total:.1f} % | {on_lists[rule.name]} |")


# -- sample --------------------------------------------------------------------------------


def cmd_sample(args) -> None:
    """A stratified random draw: every rule gets min(its findings, per-rule); the rest of the
    total is shared out in proportion to how often each rule fires. Fixed seed."""
    catalogs = load_catalogs(REALDATA, RECORD_SOURCES) + load_catalogs(REALDATA, LIST_SOURCES)
    findings = audit(catalogs)
    known = read_labels() if args.exclude else []
    by_rule: dict[str, list[Finding]] = collections.defaultdict(list)
    for f in findings:
        if args.rule and f.rule_name not in args.rule:
            continue
        if not any(matches(label, f, record_of(f, REALDATA)) for label in known if label.rule == f.rule_name):
            by_rule[f.rule_name].append(f)
    rng = random.Random(args.seed)
    floors = {name: int(n) for name, _, n in (item.partition("=") for item in args.at_least or ())}
    chosen: dict[str, list[Finding]] = {}
    for rule in sorted(by_rule):
        pool = sorted(by_rule[rule], key=lambda f: (record_of(f, REALDATA), f.procedure_code or "", f.fingerprint))
        rng.shuffle(pool)
        chosen[rule] = pool[: max(args.per_rule, floors.get(rule, 0))]
    left = args.total - sum(len(v) for v in chosen.values())
    rest = {r: [f for f in by_rule[r] if f not in chosen[r]] for r in by_rule}
    weight = sum(len(v) for v in rest.values())
    for rule in sorted(rest):
        extra = round(left * len(rest[rule]) / weight) if weight else 0
        pool = sorted(rest[rule], key=lambda f: (record_of(f, REALDATA), f.procedure_code or "", f.fingerprint))
        rng.shuffle(pool)
        chosen[rule] += pool[:extra]
    items = []
    for rule in sorted(chosen):
        for f in chosen[rule]:
            items.append(
                {
                    "record": record_of(f, REALDATA),
                    "procedure": f.procedure_code or f.procedure_name or "",
                    "rule": rule,
                    "field": f.field,
                    "words": _short_words(f),
                    "kind": "sample",
                    "draw": args.draw,
                    "truth": None,
                    "reason": "",
                }
            )
    yaml.safe_dump({"labels": items}, sys.stdout, allow_unicode=True, sort_keys=False, width=120)


def _short_words(f: Finding) -> str:
    payload = getattr(f, "payload", None)
    words = (getattr(payload, "words", "") if payload is not None else "") or f.subject or ""
    words = re.sub(r"\s+", " ", unicodedata.normalize("NFC", words)).strip()
    return words[:90].rsplit(" ", 1)[0] if len(words) > 90 else words


# -- show ----------------------------------------------------------------------------------


def cmd_show(args) -> None:
    """Each label of a file with the finding's message and the text it points at, to read."""
    labels = read_labels(Path(args.file)) if args.file else read_labels()
    catalogs = load_catalogs(REALDATA, RECORD_SOURCES) + load_catalogs(REALDATA, LIST_SOURCES)
    findings = audit(catalogs)
    procs = {(c.identity, p.code or p.name): p for c in catalogs for p in c.procedures}
    for i, label in enumerate(labels, 1):
        if args.rule and label.rule != args.rule:
            continue
        hits = [f for f in findings if matches(label, f, record_of(f, REALDATA))]
        head = f"[{i}] {label.rule} {label.record} {label.procedure} [{label.field}] {label.kind} truth={label.truth}"
        print(head + ("" if hits else "  (SILENT now)"))
        for f in hits[:1]:
            print("   msg:", text(f.message, "vi")[:600].replace("\n", " / "))
            p = procs.get((f.catalog, f.procedure_code or f.procedure_name))
            if p is not None:
                print("   ctx:", _context(p, f)[:900].replace("\n", " / "))
        if not hits:
            print("   words:", label.words)


def _context(p: Procedure, f: Finding) -> str:
    if f.rule_name in ("not-fully-online", "missing-required-element", "processing-time-unspecified"):
        channels = "; ".join(
            f"{c.method_raw}: {c.processing_time.raw if c.processing_time else '-'} / {(c.description or '')[:80]}"
            for c in p.channels
        )
        agencies = "; ".join(f"{a.name} ({a.role.value})" for a in p.agencies)
        docs = " | ".join(f"{(d.raw or d.name)[:50]} [{d.originals},{d.copies}]" for d in p.documents[:4])
        return f"channels: {channels} || online: {p.online_service} || agencies: {agencies} || docs: {docs}"
    if f.rule_name.startswith("legal-basis"):
        return "; ".join(f"{r.number or '?'} {(r.title or r.raw)[:60]}" for r in p.legal_basis)[:500]
    words = norm(getattr(getattr(f, "payload", None), "words", "") or "")
    texts: list[str] = []
    if f.field == "documents":
        for i, d in enumerate(p.documents):
            if words and words in norm(d.raw or d.name):
                before = p.documents[i - 1].raw if i else ""
                return f"(prev: {before[-120:] if before else ''}) » {d.raw or d.name} « counts={d.originals},{d.copies} group={d.group}"
    for value in (p.steps, p.conditions, [a.name for a in p.agencies], [p.place or ""], [p.notes or ""]):
        texts += [t for t in value if t]
    texts += [c.description or "" for c in p.channels]
    for t in texts:
        n = norm(t)
        if words and words in n:
            i = n.find(words)
            return "…" + unicodedata.normalize("NFC", t)[max(0, i - 250) : i + len(words) + 250] + "…"
    return ""


# -- records: whole random records to read blind (no rule is run) ------------------------


def cmd_records(args) -> None:
    """Whole procedures drawn at random from the record catalogs, printed field by field, to be
    read *blind*: no rule runs here, so what an officer would flag is written down before the
    tool's output is seen (blind recall)."""
    catalogs = load_catalogs(REALDATA, RECORD_SOURCES)
    known = {(label.record, label.procedure) for label in read_labels()} if args.exclude else set()
    pool = [(c, p) for c in catalogs for p in c.procedures]
    pool.sort(key=lambda cp: (cp[0].identity, cp[1].code or "", cp[1].name))
    rng = random.Random(args.seed)
    rng.shuffle(pool)
    shown = 0
    for _catalog, p in pool:
        record = _record_file(p)
        if (record, p.code or p.name) in known:
            continue
        shown += 1
        print(f"==== [{shown}] {record} {p.code or ''} {p.name}")
        _print_procedure(p)
        if shown >= args.n:
            break


def _record_file(p: Procedure) -> str:
    file = p.source.file if p.source and p.source.file else ""
    try:
        return Path(file).resolve().relative_to(REALDATA).as_posix()
    except ValueError:
        return file


def _print_procedure(p: Procedure) -> None:
    def put(head: str, value) -> None:
        if value:
            print(f"  {head}: " + unicodedata.normalize("NFC", str(value)).replace("\n", " / "))

    put("level", p.levels_raw)
    put("applicants", "; ".join(p.applicants))
    put("agencies", "; ".join(f"{a.name} ({a.role.value})" for a in p.agencies))
    put("place", p.place)
    for i, step in enumerate(p.steps, 1):
        put(f"step {i}", step)
    for c in p.channels:
        fees = "; ".join(f.raw for f in c.fees)
        put(
            "channel",
            f"{c.method_raw} | {c.processing_time.raw if c.processing_time else '-'} | {fees} | {c.description or ''}",
        )
    put("online", p.online_service and (p.online_service.raw or p.online_service.level))
    for d in p.documents:
        group = f"<{d.group}> " if d.group else ""
        put("doc", f"{group}{d.raw or d.name} [orig {d.originals}, copies {d.copies}, form {d.form}]")
    for i, cond in enumerate(p.conditions, 1):
        put(f"cond {i}", cond)
    put("results", "; ".join(r.name for r in p.results))
    put("legal", "; ".join(r.raw for r in p.legal_basis))
    put("notes", p.notes)


# -- reread: a second reader re-judges labels blind -----------------------------------------


def _stratified(items: list, key, per_rule: int, total: int, seed: int) -> list:
    """Every stratum gets min(its items, per_rule); the rest of ``total`` is shared out in
    proportion to each stratum's size (the same scheme as ``sample``). Fixed seed."""
    rng = random.Random(seed)
    strata: dict[str, list] = collections.defaultdict(list)
    for item in items:
        strata[key(item)].append(item)
    chosen: dict[str, list] = {}
    for name in sorted(strata):
        pool = list(strata[name])
        rng.shuffle(pool)
        chosen[name] = pool[:per_rule]
    left = total - sum(len(v) for v in chosen.values())
    rest = {n: [x for x in strata[n] if x not in chosen[n]] for n in strata}
    weight = sum(len(v) for v in rest.values())
    for name in sorted(rest):
        extra = round(left * len(rest[name]) / weight) if weight and left > 0 else 0
        pool = list(rest[name])
        rng.shuffle(pool)
        chosen[name] += pool[:extra]
    return [x for name in sorted(chosen) for x in chosen[name]]


def cmd_reread(args) -> None:
    """Draw sampled labels (stratified by rule, fixed seed) and print each one *without* its
    verdict or reason, with the record's text around the words, for a second reader to judge
    before comparing (``agree``)."""
    labels = [label for label in read_labels() if label.kind == "sample"]
    drawn = _stratified(labels, lambda x: x.rule, args.per_rule, args.total, args.seed)
    catalogs = load_catalogs(REALDATA, RECORD_SOURCES) + load_catalogs(REALDATA, LIST_SOURCES)
    procs: dict[tuple[str, str], Procedure] = {}
    for c in catalogs:
        for p in c.procedures:
            file = p.source.file if p.source and p.source.file else ""
            try:
                rec = Path(file).resolve().relative_to(REALDATA).as_posix()
            except ValueError:
                rec = file
            procs[(rec, p.code or p.name)] = p
            if rec.startswith(RECORD_SOURCES[5]):
                procs[(RECORD_SOURCES[5] + "/data.json", p.name)] = p
    for i, label in enumerate(drawn, 1):
        print(f"[{i}] {label.rule} {label.record} {label.procedure} [{label.field}]")
        print("   words:", label.words)
        p = procs.get((label.record, label.procedure))
        if p is not None:
            print("   text:", _label_context(p, label)[:1200].replace("\n", " / "))
    if args.out:
        items = [
            {"n": i, "record": x.record, "procedure": x.procedure, "rule": x.rule, "field": x.field, "words": x.words}
            for i, x in enumerate(drawn, 1)
        ]
        Path(args.out).write_text(yaml.safe_dump({"labels": items}, allow_unicode=True, sort_keys=False, width=120))


def _label_context(p: Procedure, label: Label) -> str:
    """The record's text a label is about, whatever the tool says of it today."""
    words = norm(label.words)
    head = f"«{p.name}» "
    if label.field == "documents":
        for i, d in enumerate(p.documents):
            if words and words in norm(d.raw or d.name):
                before = p.documents[i - 1].raw if i else ""
                return (
                    head + f"(prev: {(before or '')[-150:]}) » {d.raw or d.name} « counts={d.originals},{d.copies}"
                    f" form={d.form} group={(d.group or '')[:200]}"
                )
    if label.field in ("legal_basis",) or label.rule.startswith("legal-basis"):
        return head + "; ".join(f"{r.number or '?'} {(r.title or r.raw)[:80]}" for r in p.legal_basis)[:900]
    if label.rule in ("not-fully-online", "missing-required-element", "processing-time-unspecified"):
        channels = "; ".join(
            f"{c.method_raw}: {c.processing_time.raw if c.processing_time else '-'} / {(c.description or '')[:150]}"
            for c in p.channels
        )
        agencies = "; ".join(f"{a.name} ({a.role.value})" for a in p.agencies)
        docs = " | ".join(f"{(d.raw or d.name)[:60]} [{d.originals},{d.copies}]" for d in p.documents[:6])
        return (
            head
            + f"channels: {channels} || online: {p.online_service} || agencies: {agencies} || applicants: {p.applicants} || docs: {docs}"
        )
    texts: list[str] = []
    for value in (p.steps, p.conditions, [a.name for a in p.agencies], [p.place or ""], [p.notes or ""]):
        texts += [t for t in value if t]
    texts += [c.description or "" for c in p.channels] + [d.raw or d.name for d in p.documents]
    texts += [r.name for r in p.results]
    for t in texts:
        n = norm(t)
        if words and words in n:
            i = n.find(words)
            return head + "…" + unicodedata.normalize("NFC", t)[max(0, i - 300) : i + len(words) + 300] + "…"
    return head + "(words not found in the text)"


def cmd_agree(args) -> None:
    """Compare a second reader's verdicts (a file written by ``reread --out`` with ``truth`` and
    ``reason`` filled in) with labels.yaml: agreement per rule."""
    mine = yaml.safe_load(Path(args.file).read_text(encoding="utf-8"))["labels"]
    earlier = read_labels(Path(args.labels)) if args.labels else read_labels()
    labels = {(x.record, x.procedure, x.rule, x.field, x.words): x for x in earlier}
    table: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    differ = []
    for item in mine:
        key = (item["record"], str(item["procedure"]), item["rule"], item["field"], item["words"])
        first = labels[key]
        row = table[item["rule"]]
        row["n"] += 1
        row["agree"] += bool(item["truth"]) == first.truth
        if bool(item["truth"]) != first.truth:
            differ.append((item, first))
    print("| rule | re-judged | agree | agreement |")
    print("|---|---:|---:|---:|")
    total: collections.Counter = collections.Counter()
    for rule in sorted(table):
        total.update(table[rule])
        print(
            f"| `{rule}` | {table[rule]['n']} | {table[rule]['agree']} | {_pct(table[rule]['agree'], table[rule]['n'])} |"
        )
    low, high = wilson(total["agree"], total["n"])
    print(
        f"| **all** | {total['n']} | {total['agree']} | {_pct(total['agree'], total['n'])} ({low:.1f}–{high:.1f} %) |"
    )
    for item, first in differ:
        print(
            f"\n[{item['n']}] {item['rule']} {item['record']} {item['procedure']}: first {first.truth}, second {item['truth']}"
        )
        print("   first: ", first.reason)
        print("   second:", item.get("reason"))


# -- score ---------------------------------------------------------------------------------


def score(labels: list[Label], findings: list[Finding], root: Path) -> dict:
    """Per rule: sampled labels (true, false) and how many still fire; must-fire labels and how
    many fire. Precision = sampled true that fire / sampled that fire."""
    fired = collections.defaultdict(bool)
    index: dict[tuple[str, str], list[tuple[Finding, str]]] = collections.defaultdict(list)
    for f in findings:
        index[(f.rule_name, f.field)].append((f, record_of(f, root)))
    for label in labels:
        fired[label] = any(matches(label, f, rec) for f, rec in index[(label.rule, label.field)])
    table: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for label in labels:
        row = table[label.rule]
        if label.kind == "sample":
            row["sampled"] += 1
            row["sampled_true"] += label.truth
            if fired[label]:
                row["fire_true" if label.truth else "fire_false"] += 1
        elif label.kind == "must-fire":
            row["must"] += 1
            row["must_fired"] += fired[label]
        else:  # "must-silent": a real string read as no finding (false friends)
            row["silent"] += 1
            row["silent_kept"] += not fired[label]
    draws: dict[int, collections.Counter] = collections.defaultdict(collections.Counter)
    by_rule: dict[int, dict[str, collections.Counter]] = collections.defaultdict(
        lambda: collections.defaultdict(collections.Counter)
    )
    for label in labels:
        if label.kind == "sample":
            for row in (draws[label.draw], by_rule[label.draw][label.rule]):
                row["sampled"] += 1
                row["sampled_true"] += label.truth
                if fired[label]:
                    row["fire_true" if label.truth else "fire_false"] += 1
    # the draw is stratified by rule: weight each rule's share of true by its findings to
    # estimate the precision of the output as a whole
    findings_per_rule = collections.Counter(f.rule_name for f in findings)
    for draw, rules in by_rule.items():
        weight = sum(findings_per_rule[r] for r in rules)
        if weight:
            share = sum(findings_per_rule[r] * row["sampled_true"] / row["sampled"] for r, row in rules.items())
            draws[draw]["weighted_permille"] = round(1000 * share / weight)
    # must-fire / must-silent labels of a blind whole-record reading carry the draw they came
    # from (draw 5 on): their recall is a measurement, not an upper bound
    blind: dict[int, dict[str, collections.Counter]] = collections.defaultdict(
        lambda: collections.defaultdict(collections.Counter)
    )
    for label in labels:
        if label.kind != "sample" and label.draw >= 5:
            row = blind[label.draw][label.rule]
            if label.kind == "must-fire":
                row["must"] += 1
                row["must_fired"] += fired[label]
            else:
                row["silent"] += 1
                row["silent_kept"] += not fired[label]
    return {"table": table, "draws": draws, "fired": fired, "blind": blind}


def wilson(num: int, den: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson interval of a share, in per cent."""
    if not den:
        return (0.0, 0.0)
    p = num / den
    centre = p + z * z / (2 * den)
    half = z * (p * (1 - p) / den + z * z / (4 * den * den)) ** 0.5
    return (100 * (centre - half) / (1 + z * z / den), 100 * (centre + half) / (1 + z * z / den))


def cmd_score(_args) -> None:
    labels = read_labels()
    catalogs = load_catalogs(REALDATA, RECORD_SOURCES) + load_catalogs(REALDATA, LIST_SOURCES)
    result = score(labels, audit(catalogs), REALDATA)
    print_score(result["table"])
    print_draws(result["draws"])
    print_blind(result["blind"])
    wrong = [label for label in labels if result["fired"][label] != label.expect_fire]
    if wrong:
        print(f"\n{len(wrong)} labels disagree with the tool today:")
        for label in wrong:
            state = "fires" if result["fired"][label] else "silent"
            print(
                f"  {label.rule} {label.record} {label.procedure} [{label.field}] {label.kind}: {state} — {label.reason}"
            )


def _pct(num: int, den: int) -> str:
    return f"{100 * num / den:.1f} %" if den else "–"


def print_score(table: dict[str, collections.Counter]) -> None:
    print(f"# Precision and recall on the labelled set, as of {AS_OF}\n")
    print(
        "| rule | sampled | true when drawn | precision when drawn | firing now (true/false) | precision now "
        "| must fire | fire | recall | must stay silent | silent |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    total = collections.Counter()
    for rule in sorted(table):
        row = table[rule]
        total.update(row)
        firing = row["fire_true"] + row["fire_false"]
        print(
            f"| `{rule}` | {row['sampled']} | {row['sampled_true']} | {_pct(row['sampled_true'], row['sampled'])} "
            f"| {row['fire_true']}/{row['fire_false']} | {_pct(row['fire_true'], firing)} "
            f"| {row['must']} | {row['must_fired']} | {_pct(row['must_fired'], row['must'])} "
            f"| {row['silent']} | {row['silent_kept']} |"
        )
    firing = total["fire_true"] + total["fire_false"]
    print(
        f"| **all** | {total['sampled']} | {total['sampled_true']} | {_pct(total['sampled_true'], total['sampled'])} "
        f"| {total['fire_true']}/{total['fire_false']} | {_pct(total['fire_true'], firing)} "
        f"| {total['must']} | {total['must_fired']} | {_pct(total['must_fired'], total['must'])} "
        f"| {total['silent']} | {total['silent_kept']} |"
    )


def print_draws(draws: dict[int, collections.Counter]) -> None:
    """Each random draw on its own: draw 1 led to the fixes, so only a later draw, made after
    them, estimates the precision of the rules as they are."""
    print(
        "\n| draw | sampled | true when drawn | precision when drawn | 95 % interval | weighted by findings "
        "| firing now (true/false) | precision now |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for draw in sorted(draws):
        row = draws[draw]
        firing = row["fire_true"] + row["fire_false"]
        low, high = wilson(row["sampled_true"], row["sampled"])
        print(
            f"| {draw} | {row['sampled']} | {row['sampled_true']} | {_pct(row['sampled_true'], row['sampled'])} "
            f"| {low:.1f}–{high:.1f} % | {row['weighted_permille'] / 10:.1f} % "
            f"| {row['fire_true']}/{row['fire_false']} | {_pct(row['fire_true'], firing)} |"
        )


def print_blind(blind: dict[int, dict[str, collections.Counter]]) -> None:
    """Recall on a blind whole-record reading: must-fire cases written down before the tool's
    output was seen, per rule, with the 95 % Wilson interval."""
    for draw in sorted(blind):
        print(
            f"\n| blind reading, draw {draw}: rule | must fire | fire | recall | 95 % interval | must stay silent | silent |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|")
        total: collections.Counter = collections.Counter()
        for rule in sorted(blind[draw]):
            row = blind[draw][rule]
            total.update(row)
            print(_blind_row(f"`{rule}`", row))
        print(_blind_row("**all**", total))


def _blind_row(name: str, row: collections.Counter) -> str:
    low, high = wilson(row["must_fired"], row["must"])
    interval = f"{low:.1f}–{high:.1f} %" if row["must"] else "–"
    return (
        f"| {name} | {row['must']} | {row['must_fired']} | {_pct(row['must_fired'], row['must'])} | {interval} "
        f"| {row['silent']} | {row['silent_kept']} |"
    )


# -- fixtures ------------------------------------------------------------------------------


def cmd_fixtures(_args) -> None:
    """Copy every labelled record, byte for byte, into tests/fixtures/realdata/records/labelled/,
    with the records a catalog-level finding also needs (the producer an interlink names)."""
    labels = read_labels()
    catalogs = load_catalogs(REALDATA, RECORD_SOURCES)
    findings = audit(catalogs)
    needed: set[str] = {label.record for label in labels}
    for label in labels:
        for f in findings:
            if matches(label, f, record_of(f, REALDATA)) and f.data.get("producer_code"):
                needed.add(str(Path(label.record).parent / f"{f.data['producer_code']}.json"))
        if label.rule == "duplicate-code":  # every record the crawl filed under the code
            for catalog in catalogs:
                for p in catalog.procedures:
                    if p.code == label.procedure and p.source and p.source.file:
                        rec = Path(p.source.file).resolve().relative_to(REALDATA).as_posix()
                        if Path(rec).parent == Path(label.record).parent:
                            needed.add(rec)
    sins: list[str] = sorted({label.procedure for label in labels if label.record.startswith(RECORD_SOURCES[5])})
    if FIXTURES.exists():
        shutil.rmtree(FIXTURES)
    for record in sorted(needed):
        if (REALDATA / record).is_dir():
            continue  # a catalog-level label: the fixture folder is the catalog
        source = next((s for s in RECORD_SOURCES if record.startswith(s + "/")), None)
        if source is None:  # a list export: the workbook, whole
            target = FIXTURES / "lists" / Path(record).name
        elif source == RECORD_SOURCES[5]:
            continue
        else:
            target = FIXTURES / FIXTURE_FOLDER[source] / Path(record).name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REALDATA / record, target)
    if sins:
        _copy_2021_records(sins)
    n = sum(1 for _ in FIXTURES.rglob("*") if _.is_file())
    print(f"{n} files under {FIXTURES.relative_to(ROOT)}")


def _copy_2021_records(titles: list[str]) -> None:
    """The 2021 crawl is one JSON array: keep the elements whose title is labelled, each
    element's bytes unchanged, inside a new array."""
    path = REALDATA / RECORD_SOURCES[5] / "data.json"
    text = path.read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    pos = text.index("[") + 1
    kept: list[str] = []
    wanted = {norm(t) for t in titles}
    while True:
        while pos < len(text) and text[pos] in " \r\n\t,":
            pos += 1
        if pos >= len(text) or text[pos] == "]":
            break
        value, end = decoder.raw_decode(text, pos)
        if norm(value.get("title")) in wanted:
            kept.append(text[pos:end])
        pos = end
    target = FIXTURES / FIXTURE_FOLDER[RECORD_SOURCES[5]] / "data-labelled.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("[" + ",\n".join(kept) + "]\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("rates").set_defaults(func=cmd_rates)
    sub.add_parser("score").set_defaults(func=cmd_score)
    sample = sub.add_parser("sample")
    sample.add_argument("--per-rule", type=int, default=12)
    sample.add_argument("--total", type=int, default=300)
    sample.add_argument("--seed", type=int, default=2026)
    sample.add_argument("--draw", type=int, default=1)
    sample.add_argument("--exclude", action="store_true", help="leave out findings the labels already hold")
    sample.add_argument("--rule", action="append", help="draw only from this rule (repeatable)")
    sample.add_argument(
        "--at-least", action="append", metavar="RULE=N", help="draw at least N findings of RULE (repeatable)"
    )
    sample.set_defaults(func=cmd_sample)
    show = sub.add_parser("show")
    show.add_argument("file", nargs="?")
    show.add_argument("--rule")
    show.set_defaults(func=cmd_show)
    sub.add_parser("fixtures").set_defaults(func=cmd_fixtures)
    records = sub.add_parser("records", help="whole random records to read blind (no rule is run)")
    records.add_argument("--n", type=int, default=30)
    records.add_argument("--seed", type=int, default=2036)
    records.add_argument("--exclude", action="store_true", help="leave out records the labels already name")
    records.set_defaults(func=cmd_records)
    reread = sub.add_parser("reread", help="draw labels for a second reader, shown without their verdicts")
    reread.add_argument("--per-rule", type=int, default=5)
    reread.add_argument("--total", type=int, default=90)
    reread.add_argument("--seed", type=int, default=2029)
    reread.add_argument("--out", help="write the drawn labels (no verdicts) to this YAML file")
    reread.set_defaults(func=cmd_reread)
    agree = sub.add_parser("agree", help="agreement of a second reader's verdicts with labels.yaml")
    agree.add_argument("file")
    agree.add_argument("--labels", help="the first reader's labels (default: labels.yaml as it is now)")
    agree.set_defaults(func=cmd_agree)
    args = parser.parse_args(argv)
    args.func(args)


if __name__ == "__main__":
    main()
