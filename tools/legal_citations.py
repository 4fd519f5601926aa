"""The legal documents real catalogs cite: every citation of the crawled portal records, parsed
with tthc's own legal parser, and the documents ranked by the procedures citing them.

Reads ``realdata/chatbot_tthc/<agency>/*.json`` (field ``can_cu_phap_ly``, the portal's flattened
table) and ``realdata/nhdandz_ThuTucHanhChinh/extracted_fixed/*.json`` (``tables.can_cu_phap_ly``,
structured rows). Scripts may read ../shared; tests read only the derived list this writes.

    python tools/legal_citations.py ../shared/realdata --out tests/fixtures/realdata/citations.tsv.gz
    python tools/legal_citations.py ../shared/realdata --rank 60 --until 2020      # the ranking
    python tools/legal_citations.py ../shared/realdata --sample 50 --seed 7        # parses to read
    python tools/legal_citations.py ../shared/realdata --coverage [--include-unconfirmed]

The derived list has one line per (record, cited document): ``source  code  number  kind  year``,
where ``year`` is the year in the number, else the year of the issue date the record gives.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tthc.model import LegalRef
from tthc.parse.legal import parse_legal_row, parse_legal_text
from tthc.text import doc_number_key

AGENCIES = ("bo-cong-an", "bo-nong-nghiep-mt", "bo-tai-chinh", "bo-tu-phap")


@dataclass
class Record:
    source: str  # "chatbot_tthc/bo-tu-phap/1.000080.json"
    code: str
    raw: str  # the cell as crawled (rows joined with " | " for structured records)
    refs: list[LegalRef]


def records(root: Path) -> Iterator[Record]:
    for agency in AGENCIES:
        for path in sorted((root / "chatbot_tthc" / agency).glob("*.json")):
            d = json.loads(path.read_text(encoding="utf-8"))
            text = d.get("can_cu_phap_ly") or ""
            yield Record(
                f"chatbot_tthc/{agency}/{path.name}", d.get("ma_thu_tuc") or path.stem, text, parse_legal_text(text)
            )
    for path in sorted((root / "nhdandz_ThuTucHanhChinh" / "extracted_fixed").glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        rows = (d.get("tables") or {}).get("can_cu_phap_ly") or []
        refs = [
            parse_legal_row(r.get("so_ky_hieu"), r.get("trich_yeu"), r.get("ngay_ban_hanh"), r.get("co_quan_ban_hanh"))
            for r in rows
        ]
        raw = " | ".join(f"{r.get('so_ky_hieu')} :: {r.get('trich_yeu')}" for r in rows)
        yield Record(f"nhdandz/{path.name}", d.get("thu_tuc_id") or path.stem, raw, refs)


_YEAR = re.compile(r"/((?:19|20)\d\d)(?:/|$)")


def year_of(ref: LegalRef) -> int | None:
    m = _YEAR.search(ref.number or "")
    if m:
        return int(m.group(1))
    return ref.issued.year if ref.issued else None


def citations(root: Path) -> list[tuple[str, str, str, str, str]]:
    """One row per (record, distinct cited number)."""
    out = []
    for rec in records(root):
        seen = set()
        for ref in rec.refs:
            if not ref.number or doc_number_key(ref.number) in seen:
                continue
            seen.add(doc_number_key(ref.number))
            year = year_of(ref)
            out.append((rec.source, rec.code, ref.number, ref.kind.value if ref.kind else "", str(year or "")))
    return out


def write(rows: list[tuple[str, ...]], out: Path) -> None:
    header = "# Derived by tools/legal_citations.py from ../shared/realdata (chatbot_tthc 4 agencies + nhdandz BQP).\n"
    header += "# source\tcode\tnumber\tkind\tyear\n"
    body = "".join("\t".join(r) + "\n" for r in rows)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(header + body)


def rank(rows: list[tuple[str, ...]], until: int | None) -> list[tuple[str, str, int, int]]:
    """(number, kind, year, procedures citing it), most cited first."""
    by_doc: dict[str, set[str]] = defaultdict(set)
    shown: dict[str, tuple[str, str, int]] = {}
    for source, _code, number, kind, year in rows:
        key = doc_number_key(number)
        by_doc[key].add(source)
        shown.setdefault(key, (number, kind, int(year) if year else 0))
    ranked = sorted(by_doc, key=lambda k: (-len(by_doc[k]), k))
    out = []
    for key in ranked:
        number, kind, year = shown[key]
        if until is not None and not (year and year <= until):
            continue
        out.append((number, kind, year, len(by_doc[key])))
    return out


def has_status(doc) -> bool:
    """A register entry that says whether the document applies: a declared status or dates."""
    return bool(doc.status or doc.effective or doc.repealed_from or doc.expires or doc.successor)


def coverage_share(rows, kb, until: int = 2020) -> tuple[int, int, Counter]:
    """(citations of documents numbered ``until`` or earlier, those the register knows with a
    status and a source, the unknown numbers counted)."""
    from tthc.model import DocKind

    total = known = 0
    missing: Counter = Counter()
    for _source, _code, number, kind, year in rows:
        if not year or int(year) > until:
            continue
        total += 1
        doc = kb.find_document(number, year=int(year), kind=DocKind(kind) if kind else None)
        if doc is not None and doc.source and has_status(doc):
            known += 1
        else:
            missing[number] += 1
    return total, known, missing


def coverage(rows: list[tuple[str, ...]], include_unconfirmed: bool) -> None:
    from tthc.knowledge import load_knowledge

    kb = load_knowledge(include_unconfirmed=include_unconfirmed)
    total, known, missing = coverage_share(rows, kb)
    print(f"citations of documents numbered 2020 or earlier: {total}; known with status and source: {known}")
    print(f"share: {known / total:.1%}" if total else "no citations")
    for number, n in missing.most_common(25):
        print(f"  unknown: {number} ({n})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("realdata", type=Path)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--rank", type=int, metavar="N")
    ap.add_argument("--until", type=int, metavar="YEAR")
    ap.add_argument("--sample", type=int, metavar="N")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--coverage", action="store_true")
    ap.add_argument("--include-unconfirmed", action="store_true")
    args = ap.parse_args()
    if args.sample:
        refs = [(rec.source, ref) for rec in records(args.realdata) for ref in rec.refs]
        rng = random.Random(args.seed)
        for i, (source, ref) in enumerate(rng.sample(refs, args.sample), 1):
            print(f"{i:3} {source}\n    raw: {ref.raw[-300:]}\n    --> {ref.number}  ({ref.note or ''})\n")
        return
    rows = citations(args.realdata)
    if args.out:
        write(rows, args.out)
        print(f"{len(rows)} citations of {len({doc_number_key(r[2]) for r in rows})} documents -> {args.out}")
    if args.rank:
        for i, (number, kind, year, n) in enumerate(rank(rows, args.until)[: args.rank], 1):
            print(f"{i:4} {n:5}  {number:28} {kind:16} {year}")
    if args.coverage:
        coverage(rows, args.include_unconfirmed)


if __name__ == "__main__":
    main()
