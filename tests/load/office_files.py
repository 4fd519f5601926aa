"""Small hostile office files, built in memory in milliseconds: zip bombs (honest and
lying about their size), sheets that declare or use a huge area, giant cells."""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from pathlib import Path

import openpyxl


def xlsx(path: Path, rows: list[list], merges: tuple[str, ...] = ()) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    for cells in merges:
        ws.merge_cells(cells)
    wb.save(path)
    return path


CATALOG = [
    ["Mã TTHC", "Tên thủ tục hành chính", "Căn cứ pháp lý"],
    ["1.000001", "Đăng ký khai sinh", "Luật 60/2014/QH13"],
]


def rewrite_part(path: Path, part: str, change) -> Path:
    """Copy a zip with one part's text changed by ``change(text) -> text``."""
    with zipfile.ZipFile(path) as zf:
        items = [(i, zf.read(i.filename)) for i in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in items:
            if info.filename == part:
                data = change(data.decode("utf-8")).encode("utf-8")
            zf.writestr(info.filename, data)
    return path


def with_dimension(path: Path, ref: str) -> Path:
    return rewrite_part(
        path, "xl/worksheets/sheet1.xml", lambda t: re.sub(r'<dimension ref="[^"]*"', f'<dimension ref="{ref}"', t)
    )


def with_far_cell(path: Path, cell: str) -> Path:
    row = re.sub(r"\D", "", cell)
    far = f'<row r="{row}"><c r="{cell}" t="inlineStr"><is><t>x</t></is></c></row>'
    return rewrite_part(path, "xl/worksheets/sheet1.xml", lambda t: t.replace("</sheetData>", far + "</sheetData>"))


def zeros_deflate(megabytes: int) -> bytes:
    """Raw deflate of ``megabytes`` MB of zero bytes, made without deflating them all:
    after a full flush every 1 MB block compresses to the same bytes."""
    block = bytes(1 << 20)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    repeat = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    return first + repeat * (megabytes - 1) + comp.flush()


def add_raw_part(path: Path, name: str, deflated: bytes, declared_size: int) -> Path:
    """Append a deflated part whose headers declare ``declared_size`` (true or false)."""
    with zipfile.ZipFile(path) as zf:
        items = [(i.filename, zf.read(i.filename)) for i in zf.infolist()]
    out = bytearray()
    central = bytearray()
    entries = [(n, zlib.compress(d)[2:-4], len(d), zlib.crc32(d)) for n, d in items]
    entries.append((name, deflated, declared_size, 0))
    for fname, data, size, crc in entries:
        raw = fname.encode()
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), size & 0xFFFFFFFF, len(raw), 0)
        out += raw + data
        central += (
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                8,
                0,
                0,
                crc,
                len(data),
                size & 0xFFFFFFFF,
                len(raw),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + raw
        )
    start = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), start, 0)
    path.write_bytes(bytes(out))
    return path


def ods(path: Path, rows: list[list[str]], spans: dict[tuple[int, int], tuple[int, int]] | None = None) -> Path:
    """An OpenDocument spreadsheet as LibreOffice writes it: a merged cell carries
    number-rows/columns-spanned, the cells it covers are covered-table-cell."""
    from xml.sax.saxutils import escape

    spans = spans or {}
    covered = {
        (r + dr, c + dc)
        for (r, c), (nr, nc) in spans.items()
        for dr in range(nr)
        for dc in range(nc)
        if (dr, dc) != (0, 0)
    }
    width = max(len(r) for r in rows)
    body = []
    for r, row in enumerate(rows):
        cells = []
        for c in range(width):
            v = row[c] if c < len(row) else ""
            if (r, c) in covered:
                cells.append("<table:covered-table-cell/>")
                continue
            attrs = ""
            if (r, c) in spans:
                nr, nc = spans[(r, c)]
                attrs = f' table:number-rows-spanned="{nr}" table:number-columns-spanned="{nc}"'
            text = "".join(f"<text:p>{escape(line)}</text:p>" for line in v.split("\n")) if v else ""
            kind = ' office:value-type="string"' if v else ""
            cells.append(f"<table:table-cell{attrs}{kind}>{text}</table:table-cell>")
        body.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
    body.append('<table:table-row table:number-rows-repeated="1048000"><table:table-cell/></table:table-row>')
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="Phụ lục">{"".join(body)}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        zf.writestr("META-INF/manifest.xml", _MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)
