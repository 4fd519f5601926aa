#!/usr/bin/env python3
"""Write the sample publication-decision annex (Phụ lục) from the sample YAML catalog.

    python tools/make_sample_annex.py                 # writes catalogs/kim-bang-2019-2020-annex.xlsx
    python tools/make_sample_annex.py --check         # exit 1 if the committed .xlsx is stale
    python tools/make_sample_annex.py --verify        # also load the .xlsx back and compare

The annex is laid out the way provincial publication decisions print their list
(Nghị định 63/2010/NĐ-CP Art. 13(2)(a): name, legal basis, time, place, fees):

- title rows: national heading, "PHỤ LỤC", "DANH MỤC THỦ TỤC HÀNH CHÍNH …", and the
  decision line "(Ban hành kèm theo Quyết định số …/QĐ-UBND ngày … của Chủ tịch UBND tỉnh …)";
- a two-row header, each title merged over both rows, then a "(1) (2) (3)…" numbering row;
- section rows: "A. THỦ TỤC HÀNH CHÍNH CẤP HUYỆN" (merged across the table) sets the level,
  "I" + "Lĩnh vực Hộ tịch" sets the field, for the rows below;
- codes stored as text cells (format "@"), several legal bases one per line in a cell.

The YAML is read with ``tthc.load.load_file`` so both files describe the same procedures.
Two values are written in Unicode NFD on purpose, as in the YAML (real exports mix NFC and
NFD). The file is byte-for-byte reproducible: document properties and zip timestamps are
fixed, so regenerating it without changing the YAML changes nothing in git.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "catalogs" / "kim-bang-2019-2020.yaml"
TARGET = ROOT / "catalogs" / "kim-bang-2019-2020-annex.xlsx"

# What the decision line names (the annex is the province chairman's decision).
DECIDER = "Chủ tịch UBND tỉnh Hà Nam"
TITLE = (
    "DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA UBND HUYỆN KIM BẢNG "
    "VÀ UBND CÁC XÃ, THỊ TRẤN TRÊN ĐỊA BÀN HUYỆN KIM BẢNG, TỈNH HÀ NAM"
)
HEADERS = (
    ("STT", 6),
    ("Mã TTHC", 12),
    ("Tên thủ tục hành chính", 46),
    ("Thời hạn giải quyết", 24),
    ("Địa điểm thực hiện", 28),
    ("Phí, lệ phí", 26),
    ("Căn cứ pháp lý", 48),
    ("Ghi chú", 20),
)
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
FIXED_TIME = dt.datetime(2020, 6, 15, 8, 0, 0)

# (procedure code or name, attribute) written in NFD, mirroring the YAML.
NFD_CELLS = {("1.000656", "name"), ("Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", "place")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--output", type=Path, default=TARGET)
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if the output is stale")
    parser.add_argument("--verify", action="store_true", help="load the annex back and compare with the YAML")
    args = parser.parse_args(argv)

    catalog = _load(args.source)
    data = build_annex(catalog)
    if args.check:
        current = args.output.read_bytes() if args.output.exists() else b""
        if current != data:
            print(f"{args.output} is stale: run tools/make_sample_annex.py", file=sys.stderr)
            return 1
    else:
        tmp = args.output.with_suffix(".tmp")
        tmp.write_bytes(data)
        tmp.replace(args.output)
        print(f"wrote {args.output} ({len(catalog.procedures)} procedures)", file=sys.stderr)
    if args.verify:
        return verify(catalog, args.output)
    return 0


def _load(path: Path):
    from tthc.load import load_file

    result = load_file(path)
    if result.errors:
        for issue in result.errors:
            print(issue, file=sys.stderr)
        raise SystemExit(2)
    return result.catalog


# -- the annex ------------------------------------------------------------------------------


def build_annex(catalog) -> bytes:
    """The annex workbook as bytes (reproducible)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    width = len(HEADERS)
    last = get_column_letter(width)
    font = Font(name="Times New Roman", size=12)
    bold = Font(name="Times New Roman", size=12, bold=True)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="top", wrap_text=True)

    wb = Workbook()
    ws = wb.active
    ws.title = "Phụ lục"

    def title_row(row: int, text: str, *, size: int = 12, strong: bool = True, italic: bool = False) -> None:
        ws.merge_cells(f"A{row}:{last}{row}")
        cell = ws.cell(row, 1, text)
        cell.font = Font(name="Times New Roman", size=size, bold=strong, italic=italic)
        cell.alignment = center

    title_row(1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=13)
    title_row(2, "Độc lập - Tự do - Hạnh phúc", size=13)
    title_row(4, "PHỤ LỤC", size=14)
    title_row(5, TITLE, size=13)
    ws.row_dimensions[5].height = 36
    decision = catalog.decision
    number = decision.number if decision and decision.number else "…/QĐ-UBND"
    date = f"{decision.date.day}/{decision.date.month}/{decision.date.year}" if decision and decision.date else "…"
    title_row(6, f"(Ban hành kèm theo Quyết định số {number} ngày {date} của {DECIDER})", strong=False, italic=True)

    # Two-row header, each title merged over both rows; numbering row under it.
    top, bottom, numbering = 8, 9, 10
    for col, (header, col_width) in enumerate(HEADERS, start=1):
        letter = get_column_letter(col)
        ws.column_dimensions[letter].width = col_width
        ws.merge_cells(f"{letter}{top}:{letter}{bottom}")
        cell = ws.cell(top, col, header)
        cell.font = bold
        cell.alignment = center
        for r in (top, bottom):
            ws.cell(r, col).border = box
        num = ws.cell(numbering, col, f"({col})")
        num.font = Font(name="Times New Roman", size=11, italic=True)
        num.alignment = center
        num.border = box

    row = numbering + 1
    for letter_mark, level_title, procedures in _level_sections(catalog):
        ws.merge_cells(f"A{row}:{last}{row}")
        cell = ws.cell(row, 1, f"{letter_mark}. {level_title}")
        cell.font = bold
        cell.alignment = Alignment(horizontal="left", vertical="center")
        _box_row(ws, row, width, box)
        row += 1
        stt = 0
        for roman, field, items in _field_sections(procedures):
            ws.cell(row, 1, roman).font = bold
            ws.cell(row, 1).alignment = center
            ws.merge_cells(f"B{row}:{last}{row}")
            cell = ws.cell(row, 2, f"Lĩnh vực {field}")
            cell.font = bold
            cell.alignment = Alignment(horizontal="left", vertical="center")
            _box_row(ws, row, width, box)
            row += 1
            for p in items:
                stt += 1
                values = _row_values(stt, p)
                for col, value in enumerate(values, start=1):
                    cell = ws.cell(row, col, value)
                    cell.font = font
                    cell.border = box
                    cell.alignment = center if col in (1, 2) else left
                ws.cell(row, 2).number_format = "@"  # codes are text, never numbers
                row += 1

    ws.freeze_panes = f"A{numbering + 1}"
    ws.print_title_rows = f"{top}:{numbering}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True

    wb.properties.creator = "tthc tools/make_sample_annex.py"
    wb.properties.title = TITLE
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    wb.save(buffer)
    return _reproducible(buffer.getvalue())


def _level_sections(catalog):
    from tthc.model import Level

    parts = (
        (Level.CENTRAL, "THỦ TỤC HÀNH CHÍNH CẤP TRUNG ƯƠNG"),
        (Level.PROVINCE, "THỦ TỤC HÀNH CHÍNH CẤP TỈNH"),
        (Level.DISTRICT, "THỦ TỤC HÀNH CHÍNH CẤP HUYỆN"),
        (Level.COMMUNE, "THỦ TỤC HÀNH CHÍNH CẤP XÃ"),
        (Level.OTHER, "THỦ TỤC HÀNH CHÍNH THUỘC CƠ QUAN KHÁC"),
    )
    marks = iter("ABCDE")
    for level, title in parts:
        items = [p for p in catalog.procedures if p.levels and p.levels[0] is level]
        if items:
            yield next(marks), title, items
    unplaced = [p for p in catalog.procedures if not p.levels]
    if unplaced:
        raise SystemExit(f"procedures without a level cannot be placed in an annex section: {unplaced[0].label}")


def _field_sections(procedures):
    order: list[str] = []
    groups: dict[str, list] = {}
    for p in procedures:
        field = p.field or "Khác"
        if field not in groups:
            order.append(field)
            groups[field] = []
        groups[field].append(p)
    for i, field in enumerate(order):
        yield ROMAN[i], field, groups[field]


def _row_values(stt: int, p) -> list:
    times = _unique(c.processing_time.raw for c in p.channels if c.processing_time)
    fees = _unique(f.raw for c in p.channels for f in c.fees)
    legal = _unique(_legal_line(ref) for ref in p.legal_basis)
    notes = []
    if p.online_service is not None and p.online_service.raw:
        notes.append(f"Dịch vụ công trực tuyến {p.online_service.raw.lower()}")
    if p.mechanism is not None and p.mechanism.value == "interlinked":
        notes.append("Thực hiện theo cơ chế một cửa liên thông")
    name, place = p.name, p.place or ""
    if (p.code or p.name, "name") in NFD_CELLS:
        name = unicodedata.normalize("NFD", name)
    if (p.code or p.name, "place") in NFD_CELLS:
        place = unicodedata.normalize("NFD", place)
    return [
        stt,
        p.code or "",
        name,
        "\n".join(times),
        place,
        "\n".join(fees),
        "\n".join(legal),
        "\n".join(notes),
    ]


_KIND_WORDS = {
    "law": "Luật",
    "code": "Bộ luật",
    "decree": "Nghị định",
    "circular": "Thông tư",
    "joint_circular": "Thông tư liên tịch",
    "gov_resolution": "Nghị quyết",
    "na_resolution": "Nghị quyết",
    "pm_decision": "Quyết định",
}


def _legal_line(ref) -> str:
    """A legal reference as an annex writes it. Free text stays as written; a structured
    reference (number, title, date, issuer in the YAML) becomes one line such as
    "Thông tư số 15/2015/TT-BTP của Bộ Tư pháp quy định chi tiết …"."""
    if " | " not in ref.raw or not ref.number:
        return ref.raw
    title = (ref.title or "").strip()
    if ref.number in title:
        return title
    word = _KIND_WORDS.get(ref.kind.value if ref.kind else "", "Văn bản")
    if title.startswith(word):  # "Luật Nghĩa vụ quân sự" -> "Luật Nghĩa vụ quân sự số 78/2015/QH13"
        head, title = title, ""
    else:
        head = word
    line = f"{head} số {ref.number}"
    if ref.issued:
        line += f" ngày {ref.issued.day:02d}/{ref.issued.month:02d}/{ref.issued.year}"
    if ref.issuer:
        line += f" của {ref.issuer}"
    if title:
        line += " " + title[0].lower() + title[1:]
    return line


def _unique(values) -> list[str]:
    out: list[str] = []
    for v in values:
        if v and v not in out:
            out.append(v)
    return out


def _box_row(ws, row: int, width: int, border) -> None:
    for col in range(1, width + 1):
        ws.cell(row, col).border = border


def _reproducible(data: bytes) -> bytes:
    """Rewrite the zip with fixed entry timestamps (openpyxl stamps the current time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _fixed_core(content)
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, content)
    return out.getvalue()


def _fixed_core(xml: bytes) -> bytes:
    """openpyxl sets dcterms:modified to 'now' on save; pin it."""
    import re

    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    return re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + stamp + rb"\g<2>", xml)


# -- round trip -----------------------------------------------------------------------------


def verify(catalog, path: Path) -> int:
    """Load the annex with the Excel loader and compare code, name, level and field."""
    from tthc.load import load_file

    result = load_file(path)
    for issue in result.issues:
        print(f"  {issue.severity.value}: {issue}", file=sys.stderr)
    annex = result.catalog
    problems: list[str] = []
    if len(annex.procedures) != len(catalog.procedures):
        problems.append(f"{len(annex.procedures)} procedures read, {len(catalog.procedures)} in the YAML")
    for want, got in zip(catalog.procedures, annex.procedures, strict=False):
        for attr in ("code", "name", "field", "levels", "place"):
            a, b = getattr(want, attr), getattr(got, attr)
            if a != b:
                problems.append(f"{want.label}: {attr} {b!r} in the annex, {a!r} in the YAML")
        # An annex line may name a second document inside a title ("… của Luật Hộ tịch và
        # Nghị định số 123/2015/NĐ-CP"): compare the documents cited, not the line count.
        want_refs = sorted({r.number or r.raw for r in want.legal_basis})
        got_refs = sorted({r.number or r.raw for r in got.legal_basis})
        if want_refs != got_refs:
            problems.append(f"{want.label}: legal basis {got_refs} in the annex, {want_refs} in the YAML")
    print(
        f"annex: layout {annex.layout}, kind {annex.kind.value}, {len(annex.procedures)} procedures, "
        f"decision {annex.decision}, issuer {annex.issuer!r}",
        file=sys.stderr,
    )
    for problem in problems:
        print(f"  MISMATCH {problem}", file=sys.stderr)
    return 1 if problems or result.errors else 0


if __name__ == "__main__":
    sys.exit(main())
