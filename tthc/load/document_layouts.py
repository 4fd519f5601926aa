"""The two layouts of a Word or PDF document, read from its blocks (paragraphs and table
grids, see :mod:`tthc.load.docx_reader` and :mod:`tthc.load.pdf_reader`):

``detail``  the national database's per-procedure export "Chi tiết thủ tục hành chính":
            heading fields ("Mã thủ tục: 2.002229", "Tên thủ tục: …"), then tables for
            the channels (Hình thức nộp | Thời hạn giải quyết | Phí, lệ phí | Mô tả), the
            dossier (Tên giấy tờ | Mẫu đơn, tờ khai | Số lượng "Bản chính: 1 Bản sao: 1")
            and the legal basis (Số ký hiệu | Trích yếu | Ngày ban hành | Cơ quan ban hành).
``annex``   a publication decision's annex: the same table as an Excel annex (found by
            header scoring, two-row merged headers, numbering row, section rows), possibly
            split over several tables; the decision number, date and issuer come from the
            paragraphs around it.

A table of an annex goes through exactly the Excel path (:func:`tthc.load.excel.
read_procedure_grid`); only the joining of table fragments and the paragraphs are new here.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from tthc import fields
from tthc.i18n import T
from tthc.load.base import IssueSink, LoadError
from tthc.load.docx_reader import Block, Paragraph
from tthc.load.excel.headers import EXPECTED_HEADERS, PROCEDURE_HEADERS, AliasTable
from tthc.load.excel.layouts import ExcelRead, read_procedure_grid
from tthc.load.excel.table import Table, find_table
from tthc.load.grid import Grid
from tthc.load.record import SOURCE_KEY, RawRecord
from tthc.model import SourceRef
from tthc.text import match_key

_REQUIRED = frozenset({"name", "code"})

# -- the per-procedure export ------------------------------------------------------------

# Heading labels of "Chi tiết thủ tục hành chính", in the export's wording -> record field.
_LABELS: tuple[tuple[str, str], ...] = (
    *fields.heading_labels(),  # tthc.fields: `heading`
    *((i.vi, "extra:" + i.vi) for i in fields.PAGE_ITEMS),  # kept in extra under their label
)
_LABEL_KEYS = sorted(((match_key(label), label, target) for label, target in _LABELS), key=lambda t: -len(t[0]))
_TITLE_KEY = match_key("Chi tiết thủ tục hành chính")


def _table_headers(sheet: str) -> AliasTable:
    """The headers of one of the export's tables: the vocabulary's items of that sheet (tthc.fields)."""
    return AliasTable({i.key: i.document for i in fields.items(sheet) if i.document})


_CHANNEL_HEADERS = _table_headers("channels")
_DOCUMENT_HEADERS = _table_headers("documents")
_LEGAL_HEADERS = _table_headers("legal_basis")
_CHILD_TABLES = (("channels", _CHANNEL_HEADERS, "method"), ("documents", _DOCUMENT_HEADERS, "name"))
_LEGAL = ("legal_basis", _LEGAL_HEADERS, "number")


def _label(text: str) -> tuple[str, str, str] | None:
    """("Tên thủ tục", target, the rest) for a paragraph that starts with a heading label."""
    key = match_key(text[:60])
    for label_key, label, target in _LABEL_KEYS:
        if key.startswith(label_key):
            rest = text.lstrip()
            cut = rest.find(":")
            if cut < 0 or cut > len(label) + 6:
                continue
            return label, target, rest[cut + 1 :].strip()
    return None


def is_detail(blocks: list[Block]) -> bool:
    paragraphs = [b for b in blocks[:40] if isinstance(b, Paragraph)]
    if any(match_key(p.text.strip()) == _TITLE_KEY for p in paragraphs[:5]):
        return True
    found = {t for p in paragraphs for t in [_label(p.text)] if t}
    return {"code", "name"} <= {target for _label_, target, _rest in found}


def read_detail(blocks: list[Block], file: str, sink: IssueSink) -> ExcelRead:
    """One procedure from the per-procedure export."""
    values: dict[str, Any] = {}
    sources: dict[str, SourceRef] = {}
    current: tuple[str, str] | None = None  # (label, target) whose value is being read
    texts: dict[str, list[str]] = {}
    where: dict[str, SourceRef] = {}
    first: SourceRef | None = None
    last: tuple[str, Table] | None = None  # the table read last: a headerless one after it continues it
    for block in blocks:
        if isinstance(block, Grid):
            found_table = _detail_table(block, file, values, sources, last)
            if found_table is not None:
                last = found_table
            elif current is not None:
                sink.warn(
                    "ignored-table",
                    T(
                        f"bảng sau mục '{current[0]}' không có dòng tiêu đề cột quen thuộc (bỏ qua)",
                        f"the table after '{current[0]}' has no known column header row (skipped)",
                    ),
                    block.ref(file, 1),
                )
            continue
        ref = _paragraph_ref(block, file)
        first = first or ref
        found = _label(block.text)
        if found is not None:
            label, target, rest = found
            current = (label, target)
            texts.setdefault(target, [])
            where.setdefault(target, ref.at(column_title=label))
            if rest:
                texts[target].append(rest)
            continue
        if current is None:
            continue  # the title "Chi tiết thủ tục hành chính"
        if match_key(block.text.strip()) in ("bao gồm", match_key("bao gồm")):
            continue
        parts = texts[current[1]]
        text = block.text.strip()
        if parts and text[:1].islower():  # a paragraph cut by a page break
            parts[-1] = f"{parts[-1]} {text}"
        else:
            parts.append(text)
    for target, parts in texts.items():
        if target in ("channels", "documents", "legal_basis") and target in values:
            continue  # the table holds them; the paragraphs were its caption
        text = _join(parts, keep_lines=target in ("steps", "conditions"))
        if not text:
            continue
        ref = where[target]
        if target == "decision_number":
            values["decision"] = {"number": text}
            sources["decision"] = ref
        elif target.startswith("agencies:"):
            role = target.split(":", 1)[1]
            names = [n.strip() for n in re.split(r"\n|;", text) if n.strip()]
            values.setdefault("agencies", []).extend({"name": n, "role": role, SOURCE_KEY: ref} for n in names)
            sources.setdefault("agencies", ref)
        elif target.startswith("extra:"):
            values.setdefault("extra", {})[target.split(":", 1)[1]] = text
            sources.setdefault("extra", ref)
        elif target in ("channels", "documents", "legal_basis"):
            values[target] = text
            sources[target] = ref
        else:
            values[target] = text
            sources[target] = ref
    if "name" not in values and "code" not in values:
        raise LoadError(
            T(
                "văn bản không có 'Mã thủ tục' hay 'Tên thủ tục' của bản Chi tiết thủ tục hành chính; tải lại bản "
                "xuất từ CSDL quốc gia",
                "the document has no 'Mã thủ tục' or 'Tên thủ tục' of a Chi tiết thủ tục hành chính export; "
                "download the export again from the national database",
            ),
            file,
        )
    record = RawRecord(first or SourceRef(file), values, sources)
    return ExcelRead({"kind": "full"}, [record], "detail")


def _paragraph_ref(p: Paragraph, file: str) -> SourceRef:
    return SourceRef(file, line=p.number, page=p.page) if p.page is not None else SourceRef(file, line=p.number)


def _join(parts: list[str], *, keep_lines: bool) -> str:
    if keep_lines:
        return "\n".join(p for p in parts if p)
    return " ".join(" ".join(p.split()) for p in parts if p)


def _detail_table(
    grid: Grid, file: str, values: dict, sources: dict, last: tuple[str, Table] | None
) -> tuple[str, Table] | None:
    found: tuple[str, Table] | None = None
    for key, aliases, required in (*_CHILD_TABLES, _LEGAL):
        table = find_table(grid, aliases, file=file, required=frozenset({required}))
        if table is not None:
            found = (key, table)
            break
    if found is None and last is not None and grid.rows and len(grid.rows[0]) == len(last[1].sheet.rows[0]):
        # the rest of the previous table, cut by a page break (no header of its own)
        prev = last[1]
        found = (last[0], Table(grid, 0, -1, 0, prev.columns, prev.score))
    if found is None:
        return None
    key, table = found
    items = _table_items(table, file)
    if key == "legal_basis":
        for item in items:
            if "number" in item:
                item["number"] = join_broken(item["number"], " ")
    values.setdefault(key, []).extend(items)
    if items:
        sources.setdefault(key, items[0][SOURCE_KEY])
    return found


def _table_items(table: Table, file: str) -> list[dict[str, Any]]:
    grid = table.sheet
    items: list[dict[str, Any]] = []
    cols = [c for c in table.columns if c.target != "extra"]
    for r in range(table.data_start, len(grid.rows)):
        row = grid.rows[r]
        item: dict[str, Any] = {}
        for col in cols:
            v = row[col.index] if col.index < len(row) else ""
            if isinstance(v, str) and v.strip():
                item[col.target] = v.strip()
        if not item:
            continue
        item[SOURCE_KEY] = grid.ref(file, r + 1)
        items.append(item)
    return items


_UP = "A-ZĐƯƠÂÊÔĂ"  # the capitals of issuers' letter groups ("UBTƯMTTQVN", "BLĐTBXH")
_CONTINUES = re.compile(rf"^[{_UP}0-9][{_UP}0-9\-]*(?=$|[\s,;.)])")
_NUMBER_TAIL = re.compile(rf"\d{{1,4}}/\d{{4}}/[{_UP}]+(?:-[{_UP}]+)*")
_HYPHEN_HEAD = re.compile(rf"^-[{_UP}]")


def join_broken(text: str, sep: str) -> str:
    """Lines of a cell joined back: a document number broken inside ("111/2013/TT-" + "BTC",
    "123/2015/N" + "Đ-CP", "15-08-" + "2013") is joined with nothing between; other line
    breaks become ``sep``."""
    out = ""
    for line in (line.strip() for line in text.split("\n")):
        if not line:
            continue
        if out and glued(out, line):
            out += line
        else:
            out = f"{out}{sep}{line}" if out else line
    return out


def glued(before: str, after: str) -> bool:
    """Is ``after`` the rest of a word or number cut at the end of ``before``? (NFC or NFD)"""
    if not before or not after:
        return False
    before, after = unicodedata.normalize("NFC", before[-60:]), unicodedata.normalize("NFC", after[:60])
    if _HYPHEN_HEAD.match(after):  # "05/2015/TTLT" + "-BTP-BCA-": cut before a hyphen
        tail = before.rsplit(None, 1)[-1] if before.strip() else ""
        return bool(_NUMBER_TAIL.fullmatch(tail))
    if not after[:1].isalnum():
        return False
    if re.search(r"[\w)]-$|\d/$", before):
        return True
    return _glued_number(before, after)


def _glued_number(before: str, after: str) -> bool:
    """ "…123/2015/N" + "Đ-CP…": a number cut inside its letters (no hyphen at the cut)."""
    tail = before.rsplit(None, 1)[-1] if before.strip() else ""
    if not _NUMBER_TAIL.fullmatch(tail):
        return False
    head = _CONTINUES.match(after)
    if not head:
        return False
    last = tail.rsplit("/", 1)[-1].split("-")[-1]
    return last not in _COMPLETE and (last + head.group(0).split("-")[0]) in _COMPLETE


# Letter groups of document numbers (NĐ-CP, TT-BTC, QĐ-TTg…): a cut inside one is joined.
_COMPLETE = frozenset(
    {"NĐ", "ND", "CP", "TT", "QĐ", "QD", "QH", "NQ", "UBND", "BTC", "BQP", "BCA", "BTP", "BYT", "TTLT", "TTg", "VBHN"}
    | {"BXD", "BGTVT", "BGDĐT", "BLĐTBXH", "BNV", "BTNMT", "BNNPTNT", "BCT", "BKHĐT", "NHNN", "VPCP", "HĐND", "UBTVQH"}
    | {"NQLT", "UBTƯMTTQVN", "TANDTC", "VKSNDTC", "BTTTT", "BVHTTDL", "BNG", "BKHCN", "TTCP", "KTNN"}
)


# -- the annex ----------------------------------------------------------------------------


def read_annex(blocks: list[Block], file: str, sink: IssueSink) -> ExcelRead:
    grids = [b for b in blocks if isinstance(b, Grid)]
    best: tuple[int, int, Table] | None = None
    for i, grid in enumerate(grids):
        table = find_table(grid, PROCEDURE_HEADERS, file=file, required=_REQUIRED)
        if table is not None and (best is None or table.score > best[2].score):
            best = (i, table.score, table)
    if best is None:
        raise LoadError(
            T(
                "không tìm thấy dòng tiêu đề cột của danh sách thủ tục trong bảng nào của văn bản; "
                f"cần các cột như {EXPECTED_HEADERS}"
                if grids
                else "văn bản không có bảng nào: không phải phụ lục danh mục hay bản Chi tiết thủ tục hành chính",
                "no column header row of a procedure list was found in any table of the document; expected columns such as "
                f"{EXPECTED_HEADERS}"
                if grids
                else "the document has no table: neither a catalog annex nor a Chi tiết thủ tục hành chính export",
            ),
            file,
        )
    index, _score, table = best
    joined = _join_fragments(grids, index, table, file)
    if joined is not table.sheet:
        table = find_table(joined, PROCEDURE_HEADERS, file=file, required=_REQUIRED) or table
    start = blocks.index(grids[index])
    title_rows = [[b.text] for b in blocks[:start] if isinstance(b, Paragraph)]
    read, _reader = read_procedure_grid(table, file, sink, title_rows=title_rows)
    if "decision" not in read.meta:  # "Ban hành kèm theo…" after the table, or in a footer
        from tthc.load.excel.title import read_title

        after = read_title([[b.text] for b in blocks[start:] if isinstance(b, Paragraph)])
        for key in ("decision", "issuer", "locality"):
            if key in after.meta:
                read.meta.setdefault(key, after.meta[key])
    return read


def _join_fragments(grids: list[Grid], index: int, table: Table, file: str) -> Grid:
    """The table and the tables after it that continue it (same columns): one grid whose
    rows remember their own table and row."""
    main = grids[index]
    width = len(main.rows[0]) if main.rows else 0
    parts = [main]
    for grid in grids[index + 1 :]:
        gw = len(grid.rows[0]) if grid.rows else 0
        if gw != width:
            break
        other = find_table(grid, PROCEDURE_HEADERS, file=file, required=_REQUIRED)
        if other is not None and [c.target for c in other.columns] != [c.target for c in table.columns]:
            break
        parts.append(grid)
    if len(parts) == 1 and main.places is None:
        return main
    rows: list[list[Any]] = []
    merged: list[tuple[int, int, int, int]] = []
    places: list[tuple[int, int, int | None]] = []
    for part in parts:
        offset = len(rows)
        rows.extend(part.rows)
        merged.extend((t + offset, left, b + offset, r) for t, left, b, r in part.merged)
        if part.places:
            places.extend(part.places)
        else:
            places.extend((part.table or 0, r + 1, None) for r in range(len(part.rows)))
    return Grid(main.name, rows, merged, table=main.table, places=places)
