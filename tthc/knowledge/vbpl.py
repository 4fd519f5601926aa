"""Importing the vbpl.vn legal-document metadata table into a knowledge file (a legal register).

The table is the one published as the dataset ``th1nhng0/vietnamese-legal-documents`` (one row
per document; the columns ``so_ky_hieu, loai_van_ban, co_quan_ban_hanh, ngay_ban_hanh,
ngay_co_hieu_luc, ngay_het_hieu_luc, tinh_trang_hieu_luc`` and, if present, ``title``), read
from Parquet (needs pyarrow: ``pip install "tthc[vbpl]"``), CSV or JSON lines, each optionally
gzip-compressed. Every entry keeps its source (the file and row) and the import date; rows that
cannot be read are reported with their row number, never guessed.

vbpl's validity words map to the register's statuses (DOMAIN §3c): "Còn hiệu lực" -> in_force,
"Hết hiệu lực toàn bộ" -> expired, "Hết hiệu lực một phần" -> partly_expired, "Chưa có hiệu
lực" -> not_yet_in_force, "Ngưng hiệu lực" (suspended) -> expired, with a note. An end date
with "Còn hiệu lực" that lies before the data's date contradicts the status: it is kept as a
note, not as a repeal.

Local documents repeat numbers ("01/2020/NQ-HĐND" in every province); a citation cannot tell
them apart, so a number that several issuers use for the same kind is left out (counted).
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tthc.i18n import T
from tthc.knowledge.errors import KnowledgeError
from tthc.model import DocKind
from tthc.parse.legal import parse_legal_row
from tthc.text import doc_number_key, match_key, nfc

COLUMNS = (
    "so_ky_hieu",
    "loai_van_ban",
    "co_quan_ban_hanh",
    "ngay_ban_hanh",
    "ngay_co_hieu_luc",
    "ngay_het_hieu_luc",
    "tinh_trang_hieu_luc",
)

STATUS_WORDS: dict[str, str] = {
    "còn hiệu lực": "in_force",
    "hết hiệu lực toàn bộ": "expired",
    "hết hiệu lực": "expired",
    "hết hiệu lực một phần": "partly_expired",
    "chưa có hiệu lực": "not_yet_in_force",
    "chưa xác định": "",
    "ngưng hiệu lực": "expired",
    "ngưng hiệu lực một phần": "partly_expired",
}
_STATUS_KEYS = {match_key(k): v for k, v in STATUS_WORDS.items()}


class TableError(KnowledgeError):
    """The table cannot be read at all (one line for the user; the CLI exits 2)."""


@dataclass
class ImportResult:
    entries: list[dict[str, Any]] = field(default_factory=list)
    problems: list[tuple[int, str | T]] = field(default_factory=list)  # (row, what is wrong)
    rows: int = 0
    shared_numbers: int = 0  # numbers (and kinds) that several documents share: kept, told apart by issuer
    duplicates: int = 0  # rows repeating an entry already read
    contradictions: int = 0  # "Còn hiệu lực" with a past end date


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(row number, values) of a Parquet, CSV or JSON-lines table; row 1 is the first data row."""
    name = path.name.lower()
    base = name[:-3] if name.endswith(".gz") else name
    try:
        if base.endswith(".parquet"):
            yield from _parquet(path)
        elif base.endswith(".csv"):
            with _open_text(path) as fh:
                reader = csv.DictReader(fh)
                _require_columns(path, reader.fieldnames or ())
                for i, row in enumerate(reader, 1):
                    yield i, row
        elif base.endswith((".jsonl", ".ndjson", ".json")):
            with _open_text(path) as fh:
                for i, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    try:
                        value = json.loads(line)
                    except json.JSONDecodeError as exc:
                        yield i, {"__error__": T(f"JSON không hợp lệ: {exc.msg}", f"invalid JSON: {exc.msg}")}
                        continue
                    yield (
                        i,
                        value
                        if isinstance(value, dict)
                        else {"__error__": T("không phải một đối tượng", "not an object")},
                    )
        else:
            raise TableError(
                T(
                    f"{path}: không nhận ra định dạng; dùng .parquet, .csv hoặc .jsonl (có thể nén .gz)",
                    f"{path}: unknown format; use .parquet, .csv or .jsonl (optionally .gz)",
                )
            )
    except OSError as exc:
        raise TableError(
            T(f"{path}: không đọc được: {exc.strerror or exc}", f"{path}: cannot read: {exc.strerror or exc}")
        ) from None
    except (UnicodeDecodeError, csv.Error, EOFError, gzip.BadGzipFile) as exc:
        raise TableError(
            T(f"{path}: tệp hỏng hoặc không phải UTF-8 ({exc})", f"{path}: damaged or not UTF-8 ({exc})")
        ) from None


def _open_text(path: Path) -> io.TextIOBase:
    if path.name.lower().endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig", newline="")
    return path.open(encoding="utf-8-sig", newline="")


def _parquet(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        import pyarrow.parquet as pq
    except ModuleNotFoundError:
        raise TableError(
            T(
                'đọc Parquet cần pyarrow: pip install "tthc[vbpl]" (hoặc xuất bảng ra CSV / JSON lines)',
                'reading Parquet needs pyarrow: pip install "tthc[vbpl]" (or export the table as CSV / JSON lines)',
            )
        ) from None
    try:
        table = pq.read_table(path)
    except Exception as exc:  # pyarrow raises its own error types
        raise TableError(T(f"{path}: không đọc được Parquet ({exc})", f"{path}: cannot read Parquet ({exc})")) from None
    _require_columns(path, table.column_names)
    yield from enumerate(table.to_pylist(), 1)


def _require_columns(path: Path, names) -> None:
    missing = [c for c in ("so_ky_hieu", "loai_van_ban", "tinh_trang_hieu_luc") if c not in names]
    if missing:
        raise TableError(
            T(
                f"{path}: thiếu cột {', '.join(missing)} (cần các cột {', '.join(COLUMNS)})",
                f"{path}: missing column(s) {', '.join(missing)} (expected {', '.join(COLUMNS)})",
            )
        )


def import_table(
    path: Path, *, today: dt.date, data_date: dt.date | None = None, label: str | None = None
) -> ImportResult:
    """The register entries of one vbpl table. ``data_date``: the day the data was taken."""
    result = ImportResult()
    label = label or path.name
    seen: set[tuple[str, str, str, Any]] = set()
    for row_no, row in read_rows(path):
        result.rows += 1
        if "__error__" in row:
            result.problems.append((row_no, row["__error__"]))
            continue
        entry, problem = _entry(row, row_no, label, today, data_date)
        if problem:
            result.problems.append((row_no, problem))
            continue
        if entry.pop("_contradiction", False):
            result.contradictions += 1
        slot = (
            doc_number_key(entry["number"]),
            entry["kind"],
            match_key(entry.get("issuer") or ""),
            entry.get("issued"),
        )
        if slot in seen:  # the same document twice
            result.duplicates += 1
            continue
        seen.add(slot)
        result.entries.append(entry)
    counts: dict[tuple[str, str], int] = {}
    for entry in result.entries:
        key = (doc_number_key(entry["number"]), entry["kind"])
        counts[key] = counts.get(key, 0) + 1
    result.shared_numbers = sum(1 for n in counts.values() if n > 1)
    return result


def _text(row: dict[str, Any], key: str) -> str:
    value = row.get(key)
    if value is None or (isinstance(value, float) and value != value):  # NaN from pandas exports
        return ""
    return re.sub(r"\s+", " ", nfc(str(value))).strip()


_OLD_NUMBER = re.compile(r"\d+[\w.]*(?:\s*[/-]\s*|\s)[^\W\d_]\w*(?:\s*[/-]\s*\w+)*")
_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})|(\d{4})-(\d{2})-(\d{2})")


def _date(text: str) -> dt.date | str | None:
    """A date, None when empty or a placeholder ("..."), or the text when unreadable."""
    if not text or not re.search(r"\d", text):
        return None
    m = _DATE.fullmatch(text.split("T")[0].split(" ")[0])
    try:
        if m and m.group(1):
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if m:
            return dt.date(int(m.group(4)), int(m.group(5)), int(m.group(6)))
    except ValueError:
        pass
    return text


def _k(text: str) -> str:
    return match_key(text)


def _kind(kind_word: str, issuer: str, title: str) -> DocKind:
    word = match_key(kind_word)
    who = match_key(issuer)
    if word == match_key("Luật"):
        return DocKind.CODE if match_key(title).startswith(match_key("Bộ luật")) else DocKind.LAW
    if word == match_key("Bộ luật"):
        return DocKind.CODE
    simple = {
        "Pháp lệnh": DocKind.ORDINANCE,
        "Nghị định": DocKind.DECREE,
        "Thông tư": DocKind.CIRCULAR,
        "Thông tư liên tịch": DocKind.JOINT_CIRCULAR,
        "Văn bản hợp nhất": DocKind.CONSOLIDATED,
        "Chỉ thị": DocKind.DISPATCH,
        "Công văn": DocKind.DISPATCH,
        "Công điện": DocKind.DISPATCH,
    }
    for name, kind in simple.items():
        if word == match_key(name):
            return kind
    if word == match_key("Nghị quyết"):
        if _k("quốc hội") in who:
            return DocKind.NA_RESOLUTION
        if _k("chính phủ") in who and _k("thủ tướng") not in who:
            return DocKind.GOV_RESOLUTION
        if _k("hội đồng nhân dân") in who or _k("hđnd") in who:
            return DocKind.PROVINCIAL_RESOLUTION
        return DocKind.OTHER
    if word == match_key("Quyết định"):
        if _k("thủ tướng") in who:
            return DocKind.PM_DECISION
        if _k("ủy ban nhân dân") in who or _k("ubnd") in who:
            return DocKind.PROVINCIAL_DECISION
        if who.startswith(_k("bộ ")) or _k("ngân hàng nhà nước") in who:
            return DocKind.MINISTRY_DECISION
        return DocKind.OTHER
    return DocKind.OTHER


def _entry(
    row: dict[str, Any], row_no: int, label: str, today: dt.date, data_date: dt.date | None
) -> tuple[dict[str, Any], T | None]:
    raw_number = _text(row, "so_ky_hieu").lstrip("'’ ")  # a leading ' is the spreadsheet's text marker
    if not raw_number:
        return {}, T("không có số ký hiệu", "no document number (so_ky_hieu)")
    number = parse_legal_row(raw_number).number
    if number is None and _OLD_NUMBER.fullmatch(raw_number):
        number = raw_number  # older forms the parser does not take from a citation: "20/NĐ", "139-BTC", "01 TTLB-CS"
    if number is None:
        return {}, T(f"số ký hiệu không đọc được: '{raw_number}'", f"unreadable document number: '{raw_number}'")
    status_word = _text(row, "tinh_trang_hieu_luc")
    status = _STATUS_KEYS.get(match_key(status_word))
    if status is None:
        return {}, T(
            f"tình trạng hiệu lực không rõ: '{status_word}' (dùng: {', '.join(STATUS_WORDS)})",
            f"unknown validity: '{status_word}' (expected: {', '.join(STATUS_WORDS)})",
        )
    dates: dict[str, dt.date | None] = {}
    for key, column in (("issued", "ngay_ban_hanh"), ("effective", "ngay_co_hieu_luc"), ("end", "ngay_het_hieu_luc")):
        value = _date(_text(row, column))
        if isinstance(value, str):
            return {}, T(f"{column}: ngày không đọc được '{value}'", f"{column}: unreadable date '{value}'")
        dates[key] = value
    issuer = _text(row, "co_quan_ban_hanh")
    kind_word = _text(row, "loai_van_ban")
    title = _text(row, "title") or _text(row, "trich_yeu")
    kind = _kind(kind_word, issuer, title)
    if (
        kind in (DocKind.LAW, DocKind.CODE, DocKind.ORDINANCE)
        and title
        and not match_key(title).startswith(match_key(kind_word))
    ):
        title = f"{kind_word} {title}"  # vbpl titles a law by its subject: "Trọng tài thương mại"
    entry: dict[str, Any] = {"number": number, "kind": kind.value}
    if title:
        entry["title"] = title
    if issuer:
        entry["issuer"] = issuer
    for key in ("issued", "effective"):
        if dates[key]:
            entry[key] = dates[key]
    notes = []
    if status:
        entry["status"] = status
    if data_date and status:
        entry["status_as_of"] = data_date
    end = dates["end"]
    if end is not None:
        if status == "in_force" and end <= (data_date or today):
            notes.append(f"vbpl ghi ngày hết hiệu lực {end:%d/%m/%Y} nhưng tình trạng '{status_word}'")
            entry["_contradiction"] = True
        else:
            entry["repealed_from"] = end
    if match_key(status_word).startswith(match_key("ngưng")):
        notes.append(f"vbpl: {status_word}")
    if notes:
        entry["note"] = "; ".join(notes)
    entry["source"] = f"vbpl.vn ({label}, dòng {row_no}): {status_word or 'không ghi tình trạng'}"
    entry["imported"] = today
    return entry, None


def write_register(result: ImportResult, out: Path, header: str) -> None:
    """The entries as a knowledge file, one JSON object per line (which is YAML too, and reads
    fast; see knowledge/reader.py), written whole and then renamed into place."""
    lines = [f"# {line}" if line else "#" for line in header.splitlines()]
    lines += ["tthc_knowledge: 1", "legal_documents:"]
    for entry in result.entries:
        values = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in entry.items()}
        lines.append("- " + json.dumps(values, ensure_ascii=False))
    from tthc.report.files import write_text_atomic

    write_text_atomic(out, "\n".join(lines) + "\n")
