"""How faithfully the loader reads the real portal records (reads ../shared/realdata).

For each folder of records: how many load, and of the records whose *source* states a
processing time, a fee, a dossier count or a legal-basis number, the share that has it
parsed in the model. "The source states X" is decided from the raw JSON with a simple,
independent check (a regular expression on the source text), never from the loader.
Also: how often ``missing-required-element`` says "không ghi số lượng bản" on procedures
whose source gives counts.

    python tools/fidelity.py [--realdata ../shared/realdata] [--markdown]

Targets (issue #10): every share >= 98 %; the copies finding on <= 2 % of counted procedures.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FOLDERS = (
    "chatbot_tthc/bo-tu-phap",
    "chatbot_tthc/bo-cong-an",
    "chatbot_tthc/bo-tai-chinh",
    "chatbot_tthc/bo-nong-nghiep-mt",
    "nhdandz_ThuTucHanhChinh/extracted_fixed",
)
EXTRA = ("trannguyenhan_dichvucong_7sins",)  # no codes, no legal basis: figures for information
# ../shared/realdata next to the checkout (/work/main) or next to the worktrees' folder (/work/wt/x)
_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_REALDATA = next(
    (p for p in (_ROOT.parent / "shared" / "realdata", _ROOT.parent.parent / "shared" / "realdata") if p.is_dir()),
    _ROOT.parent / "shared" / "realdata",
)

# -- the independent checks on the source text -------------------------------------------------
# A time with its unit right after a method cell ("Trực tiếp45 Ngày làm việc"), or a time cell.
_TIME_CRAWLED = re.compile(r"(?:Trực tiếp|Trực tuyến|Dịch vụ bưu chính)\d+(?:[.,]\d+)? ?(?:Ngày|Giờ|Tháng|Năm)")
_TIME_CELL = re.compile(r"^\s*\d+(?:[.,]\d+)?\s*(?:ngày|giờ|tháng|năm)", re.IGNORECASE)
# "Miễn phí", or an amount with its currency
_FEE_TEXT = re.compile(r"Miễn phí|\d[\d.,]*\s?(?:Việt Nam Đồng|VNĐ|Đồng|đồng|USD)", re.IGNORECASE)
# a count: "2 bản chính", "Bản chính: 1"
_COUNT_TEXT = re.compile(r"\d\s?bản chính|bản chính\s*:\s*\d", re.IGNORECASE)
# the head of a document number: "123/2015/" before a letter (robust to the glued suffixes)
_NUMBER_HEAD = re.compile(r"(?<![\d.])(\d{1,4}(?:\.\d+)?)/(\d{4})/(?=[A-ZĐ])")
# a row's own number in the flattened table ("Mã văn bản" cell): glued to the end of its title
# ("…của Bộ Tư pháp18/2026/NĐ-CPNghị định…"); a number cited inside a title follows a space
# ("…Luật 54/2014/QH1354/2014/QH13": after "QH" the legislature's two digits come first)
_ROW_NUMBER_HEAD = re.compile(r"(?:(?<=[^\s\d./])(?<!QH)|(?<=QH\d\d))(\d{1,4}(?:\.\d+)?)/(\d{4})/(?=[A-ZĐ])")


def nfc(text: Any) -> str:
    return unicodedata.normalize("NFC", text) if isinstance(text, str) else ""


@dataclass
class States:
    """What one record's source states, by the checks above."""

    time: bool = False
    fee: bool = False
    counts: bool = False
    heads: set[tuple[str, str]] = field(default_factory=set)


def crawled_states(d: dict) -> States:
    how = nfc(d.get("cach_thuc_thuc_hien"))
    legal = nfc(d.get("can_cu_phap_ly"))
    fee_part = how.split("Mô tả", 1)[-1]
    return States(
        time=bool(_TIME_CRAWLED.search(how)),
        fee=bool(_FEE_TEXT.search(fee_part)),
        counts=bool(_COUNT_TEXT.search(nfc(d.get("thanh_phan_ho_so")))),
        heads={(a.lstrip("0") or "0", b) for a, b in _ROW_NUMBER_HEAD.findall(legal)},
    )


def structured_states(d: dict) -> States:
    tables = {nfc(k): v for k, v in (d.get("tables") or {}).items()}
    channels = tables.get("hinh_thuc_nop") or []
    docs = tables.get("thanh_phan_ho_so") or []
    refs = tables.get("can_cu_phap_ly") or []
    heads: set[tuple[str, str]] = set()
    for r in refs:
        text = nfc(r.get("so_ky_hieu")) + " " + nfc(r.get("trich_yeu"))
        heads |= {(a.lstrip("0") or "0", b) for a, b in _NUMBER_HEAD.findall(nfc(r.get("so_ky_hieu")))}
        if not _NUMBER_HEAD.search(nfc(r.get("so_ky_hieu"))):
            found = _NUMBER_HEAD.findall(text)
            heads |= {(a.lstrip("0") or "0", b) for a, b in found[:1]}  # the row's own number, from its title
    return States(
        time=any(_TIME_CELL.search(nfc(c.get("thoi_han_giai_quyet"))) for c in channels),
        fee=any(_FEE_TEXT.search(nfc(c.get("phi_le_phi"))) for c in channels),
        counts=any(_COUNT_TEXT.search(nfc(r.get("ghi_chu")) + nfc(r.get("so_luong"))) for r in docs),
        heads=heads,
    )


def mongo_states(d: dict) -> States:
    d = {nfc(k): v for k, v in d.items()}
    channels = d.get("Cách thức thực hiện") or []
    docs = d.get("Thành phần hồ sơ") or []
    return States(
        time=any(_TIME_CELL.search(nfc(c.get("Thời hạn giải quyết"))) for c in channels),
        fee=any(_FEE_TEXT.search(nfc(c.get("Phí, lệ phí"))) for c in channels),
        counts=any(_COUNT_TEXT.search(nfc(r.get("Số lượng - bản chính"))) for r in docs),
    )


def source_records(folder: Path) -> Iterator[tuple[str, States]]:
    """(file, what its source states) for every record, in file order."""
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8-sig"))
        items = data if isinstance(data, list) else [data]
        for item in items:
            if "ma_thu_tuc" in item:
                yield str(path), crawled_states(item)
            elif "metadata" in item:
                yield str(path), structured_states(item)
            else:
                yield str(path), mongo_states(item)


# -- what the model holds ------------------------------------------------------------------------


def parsed_time(p) -> bool:
    return any(c.processing_time is not None and c.processing_time.is_known for c in p.channels)


def parsed_fee(p) -> bool:
    from tthc.model import FeeStatus

    return any(f.status is not FeeStatus.UNPARSED for f in p.fees())


def parsed_counts(p) -> bool:
    return any(d.originals is not None or d.copies is not None for d in p.documents)


def model_heads(p) -> set[tuple[str, str]]:
    out = set()
    for r in p.legal_basis:
        if r.number:
            m = _NUMBER_HEAD.match(r.number + ("" if r.number[-1:].isalpha() else "X"))
            if m:
                out.add((m.group(1).lstrip("0") or "0", m.group(2)))
    return out


@dataclass
class Figures:
    folder: str
    records: int = 0
    loaded: int = 0
    seconds: float = 0.0
    errors: int = 0
    tally: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0] for k in ("time", "fee", "counts", "legal")})
    heads: list[int] = field(default_factory=lambda: [0, 0])  # numbers found / stated
    copies_findings: int = 0
    counted: int = 0
    misses: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in ("time", "fee", "counts", "legal")})


def measure(realdata: Path, name: str) -> Figures:
    from tthc.load import load_file

    folder = realdata / name
    figures = Figures(name)
    sources = list(source_records(folder))
    figures.records = len(sources)
    start = time.perf_counter()
    result = load_file(folder)
    figures.seconds = time.perf_counter() - start
    figures.errors = len(result.errors)
    procedures = result.catalog.procedures
    figures.loaded = len(procedures)
    by_file: dict[str, list] = {}
    for p in procedures:
        by_file.setdefault(p.source.file if p.source else "", []).append(p)
    copies = _copies_findings(result.catalog)
    cursor: dict[str, int] = {}
    for file, states in sources:
        i = cursor.get(file, 0)
        cursor[file] = i + 1
        p = by_file.get(file, [None] * (i + 1))[i]
        if p is None:
            continue
        checks = {
            "time": (states.time, parsed_time(p)),
            "fee": (states.fee, parsed_fee(p)),
            "counts": (states.counts, parsed_counts(p)),
            "legal": (bool(states.heads), bool(states.heads) and states.heads <= model_heads(p)),
        }
        for key, (stated, parsed) in checks.items():
            if stated:
                figures.tally[key][1] += 1
                figures.tally[key][0] += parsed
                if not parsed:
                    figures.misses[key].append(f"{Path(file).name} {p.code or p.name[:40]}")
        if states.heads:
            figures.heads[1] += len(states.heads)
            figures.heads[0] += len(states.heads & model_heads(p))
        if states.counts:
            figures.counted += 1
            figures.copies_findings += id(p) in copies
    return figures


def _copies_findings(catalog) -> set[int]:
    """ids of the procedures on which missing-required-element says "không ghi số lượng bản"."""
    import datetime as dt

    from tthc.engine import RunSettings, run, select_rules
    from tthc.knowledge import load_knowledge
    from tthc.rules import ALL_RULES

    rules = select_rules(ALL_RULES, ["missing-required-element"], [])
    findings = run([catalog], rules, load_knowledge([]), RunSettings(as_of=dt.date(2026, 12, 2)), None)
    wanted = {f.procedure_code or f.procedure_name for f in findings if f.subject == "copies"}
    by_key = {}
    for p in catalog.procedures:
        by_key.setdefault(p.code or p.name, []).append(p)
    return {id(p) for key in wanted for p in by_key.get(key, [])}


def share(pair: list[int]) -> str:
    done, total = pair
    return f"{done}/{total} ({100 * done / total:.1f} %)" if total else "–"


def report(rows: list[Figures], markdown: bool) -> str:
    head = (
        "| folder | records | loaded | load s | time | fee | dossier count | legal-basis numbers (records) "
        "| (numbers) | 'không ghi số lượng bản' on counted |"
    )
    lines = [head, "|" + "---|" * 10]
    for f in rows:
        copies = share([f.copies_findings, f.counted])
        lines.append(
            f"| {f.folder} | {f.records} | {f.loaded}{' ⚠ ' + str(f.errors) + ' errors' if f.errors else ''} "
            f"| {f.seconds:.1f} | {share(f.tally['time'])} | {share(f.tally['fee'])} | {share(f.tally['counts'])} "
            f"| {share(f.tally['legal'])} | {share(f.heads)} | {copies} |"
        )
    text = "\n".join(lines)
    if not markdown:
        misses = []
        for f in rows:
            for key, items in f.misses.items():
                if items:
                    misses.append(f"{f.folder} {key} not parsed ({len(items)}): " + ", ".join(items[:8]))
        text += "\n\n" + "\n".join(misses)
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--realdata", type=Path, default=DEFAULT_REALDATA)
    parser.add_argument("--markdown", action="store_true", help="the table only (for docs/realdata.md)")
    parser.add_argument("--folders", nargs="*", default=[*FOLDERS, *EXTRA])
    args = parser.parse_args()
    if not args.realdata.is_dir():
        print(f"no real data at {args.realdata}; pass --realdata", file=sys.stderr)
        return 2
    rows = [measure(args.realdata, name) for name in args.folders]
    print(report(rows, args.markdown))
    ok = all(
        f.loaded == f.records
        and f.errors == 0
        and all(t[1] == 0 or t[0] / t[1] >= 0.98 for t in f.tally.values())
        and (f.counted == 0 or f.copies_findings / f.counted <= 0.02)
        for f in rows
        if f.folder not in EXTRA
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
