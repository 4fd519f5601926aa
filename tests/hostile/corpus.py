"""The hostile-input corpus: hundreds of small cases built on the spot, run through `tthc`.

`python -m tests.hostile.corpus [--keep DIR]` builds every case, runs them in batches (one
subprocess per batch, `tests/hostile/runner.py`, two at a time) and prints a summary;
`tests/hostile/test_corpus.py` runs the same in CI. For every case:

- the exit code is one of those documented for it (0 clean, 1 findings or changes, 2 bad
  input / refused / cannot write) — never a crash, never "lỗi nội bộ";
- no traceback, no raw ESC or BEL on the terminal;
- every input file is byte-identical afterwards (SHA-256 before and after);
- every special file (FIFO, device, symlink) is still what it was;
- no temp file is left (`.NAME.tthc-…`), and an output that exists is complete (it parses
  as JSON, YAML, a zip…), or it is the old file untouched;
- the peak memory of each batch stays under 1.5 GB (VmHWM of the subprocess, `tests.peak_memory`).

Kinds: bad encodings, control characters, huge and deep YAML, odd workbooks (zip bombs,
far cells, error cells, not a zip at all), odd CSV/Word/PDF/JSON, special-file outputs,
read-only and impossible targets, outputs naming inputs, foreign databases, hostile
configs and baselines.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import json
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "catalogs" / "xa-2026.yaml"
PEAK_MB = 1536
BATCHES = 8
OK, FINDINGS, ERROR = 0, 1, 2
CLEAN = frozenset({OK, FINDINGS})  # the command did its job (findings or not)
REFUSED = frozenset({ERROR})
ANY = frozenset({OK, FINDINGS, ERROR})
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@dataclass
class Case:
    name: str
    kind: str
    argv: list[str]
    expect: frozenset[int]
    build: Callable[[Path], None]  # makes the inputs in the case folder
    outputs: tuple[str, ...] = ()  # paths the command may write (relative)
    fifos: tuple[str, ...] = ()
    env: dict[str, str] = field(default_factory=dict)
    timeout: float = 30


# -- inputs ----------------------------------------------------------------------------


def _base_text() -> str:
    return CATALOG.read_text(encoding="utf-8")


def catalog(path: str = "c.yaml", text: str | None = None, data: bytes | None = None) -> Callable[[Path], None]:
    def build(d: Path) -> None:
        target = d / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data if data is not None else (text or _base_text()).encode("utf-8"))

    return build


def both(*builds: Callable[[Path], None]) -> Callable[[Path], None]:
    def build(d: Path) -> None:
        for b in builds:
            b(d)

    return build


def small_yaml(procedures: str, meta: str = "  name: Danh mục thử\n") -> str:
    return f"tthc_catalog: 1\ncatalog:\n{meta}procedures:\n{procedures}"


PROC = "  - code: '1.000001'\n    name: Đăng ký khai sinh\n    legal_basis: ['Nghị định 158/2005/NĐ-CP']\n"


def _workbook(d: Path, name: str = "c.xlsx", rows: list[list] | None = None) -> Path:
    from tests.load import office_files as of

    return of.xlsx(d / name, rows or of.CATALOG)


# -- the cases -------------------------------------------------------------------------

COMMANDS_READING = [  # (label, argv with {in} for the catalog, expected exits on a clean catalog)
    ("validate", ["validate", "{in}"]),
    ("check", ["check", "{in}"]),
    ("check-json", ["check", "{in}", "-f", "json"]),
    ("stats", ["stats", "{in}"]),
    ("convert", ["convert", "{in}", "out.yaml"]),
]


def encodings() -> list[Case]:
    text = _base_text()
    variants = {
        "utf-16-bom": codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        "utf-16-no-bom": text.encode("utf-16-le"),
        "utf-32": text.encode("utf-32"),
        "latin-1-lossy": text.encode("latin-1", "replace"),
        "cp1258": text.encode("cp1258", "replace"),
        "utf-8-bom": codecs.BOM_UTF8 + text.encode("utf-8"),
        "invalid-byte": text.encode("utf-8")[:400] + b"\xff\xfe\xc3" + text.encode("utf-8")[400:],
        "nul-bytes": text.encode("utf-8")[:300] + b"\x00\x00" + text.encode("utf-8")[300:],
        "cr-only": text.replace("\n", "\r").encode("utf-8"),
        "crlf": text.replace("\n", "\r\n").encode("utf-8"),
        "nfd": __import__("unicodedata").normalize("NFD", text).encode("utf-8"),
        "empty": b"",
        "only-bom": codecs.BOM_UTF8,
        "binary": bytes(range(256)) * 8,
    }
    cases = []
    for label, data in variants.items():
        for cmd, argv in COMMANDS_READING:
            cases.append(
                Case(
                    f"encoding/{label}/{cmd}",
                    "bad encoding",
                    [a.replace("{in}", "c.yaml") for a in argv],
                    ANY,  # some are readable (BOM, CRLF, NFD), the others one clear error
                    catalog(data=data),
                    outputs=("out.yaml",),
                )
            )
    return cases


CONTROL_YAML = small_yaml(
    '  - code: "1.000001"\n'
    '    name: "Đăng ký khai sinh\\a"\n'
    '    field: "\\e[2J\\e]0;pwned\\aHộ tịch"\n'
    '    legal_basis: ["Luật Hộ tịch số 60/2014/QH13\\uFFFE", "Nghị định 158/2005/NĐ-CP\\x1b[0m"]\n'
    '    documents: ["Tờ khai\\x07", "Giấy chứng sinh\\u009b31m"]\n'
    '    fees: "Lệ phí: 10.000 đồng\\x1b[0m"\n'
    "  - name: Thủ tục thứ hai\n",
    '  name: "Danh mục\\a thử\\e[5m"\n',
)
OUTPUT_COMMANDS = [  # (label, argv with {in} and {out}, output suffix, expected exits)
    ("check-sarif", ["check", "{in}", "-f", "sarif", "-o", "{out}"], ".sarif", CLEAN),
    ("check-text", ["check", "{in}", "-o", "{out}"], ".txt", CLEAN),
    ("check-csv", ["check", "{in}", "-f", "csv", "-o", "{out}"], ".csv", CLEAN),
    ("cost-json", ["cost", "{in}", "-f", "json", "-o", "{out}"], ".json", CLEAN),
    ("baseline", ["baseline", "create", "{in}", "-o", "{out}"], ".json", CLEAN),
    ("recommend-docx", ["recommend", "{in}", "-o", "{out}"], ".docx", CLEAN),
    ("recommend-xlsx", ["recommend", "{in}", "-o", "{out}"], ".xlsx", CLEAN),
    ("recommend-md", ["recommend", "{in}", "-o", "{out}"], ".md", CLEAN),
    ("handbook", ["handbook", "{in}", "-o", "{out}"], ".docx", CLEAN),
    ("stats-chart", ["stats", "{in}", "--chart", "{out}"], ".svg", CLEAN),
    ("diff-docx", ["diff", "{in}", "old.yaml", "-o", "{out}"], ".docx", CLEAN),
    ("diff-xlsx", ["diff", "{in}", "old.yaml", "-o", "{out}"], ".xlsx", CLEAN),
    ("merge", ["merge", "{in}", "old.yaml", "-o", "{out}", "--force"], ".yaml", CLEAN),
    ("convert-xlsx", ["convert", "{in}", "{out}", "--force"], ".xlsx", CLEAN),
    ("convert-yaml", ["convert", "{in}", "{out}", "--force"], ".yaml", CLEAN),
    ("schema", ["schema", "-o", "{out}"], ".json", CLEAN),
    ("template", ["template", "{out}", "--force"], ".xlsx", CLEAN),
]
OLD = small_yaml(PROC)


def _argv(argv: list[str], inp: str, out: str) -> list[str]:
    return [a.replace("{in}", inp).replace("{out}", out) for a in argv]


def control_characters() -> list[Case]:
    cases = []
    for label, argv, suffix, expect in OUTPUT_COMMANDS:
        cases.append(
            Case(
                f"control/yaml/{label}",
                "control characters",
                _argv(argv, "c.yaml", f"out{suffix}"),
                expect,
                both(catalog(text=CONTROL_YAML), catalog("old.yaml", OLD)),
                outputs=(f"out{suffix}",),
            )
        )

    def cell_book(d: Path) -> None:
        _workbook(
            d,
            "c.xlsx",
            [
                ["Mã TTHC", "Tên thủ tục hành chính", "Lĩnh vực"],
                ["1.000001", "Đăng ký_x0007_ khai sinh", "_x001B_[2JHộ tịch"],
            ],
        )
        (d / "old.yaml").write_text(OLD, encoding="utf-8")

    for label, argv, suffix, expect in OUTPUT_COMMANDS[:8]:
        cases.append(
            Case(
                f"control/xlsx-cell/{label}",
                "control characters",
                _argv(argv, "c.xlsx", f"out{suffix}"),
                expect,
                cell_book,
                outputs=(f"out{suffix}",),
            )
        )
    for cmd in ("validate", "check", "stats"):
        cases.append(
            Case(f"control/terminal/{cmd}", "control characters", [cmd, "c.yaml"], CLEAN, catalog(text=CONTROL_YAML))
        )
    cases.append(
        Case(
            "control/file-name-with-escape",
            "control characters",
            ["validate", "\x1b[31mc.yaml"],
            CLEAN,
            catalog("\x1b[31mc.yaml", OLD),
        )
    )
    return cases


def big_yaml() -> list[Case]:
    deep = "tthc_catalog: 1\ncatalog: " + "[" * 20000 + "]" * 20000 + "\nprocedures: []\n"
    laughs = (
        "tthc_catalog: 1\na: &a [x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
            for i in range(8)
        )
        + "catalog: {name: *i}\nprocedures: []\n"
    )
    alias_procs = small_yaml("  - &p {name: Thủ tục, documents: [Tờ khai]}\n" + "  - *p\n" * 200)
    long_line = small_yaml("  - name: '" + "Đăng ký khai sinh " * 150_000 + "'\n")
    many = small_yaml("".join(f"  - code: '1.{i:06d}'\n    name: Thủ tục số {i}\n" for i in range(3000)))
    many_keys = small_yaml("  - name: Thủ tục\n" + "".join(f"    khoa_{i}: giá trị\n" for i in range(5000)))
    tags = small_yaml("  - name: !!python/object/apply:os.system ['echo pwned']\n")
    dup = small_yaml("  - name: A\n    name: B\n")
    texts = {
        "deep-nesting": deep,
        "billion-laughs": laughs,
        "aliased-procedures": alias_procs,
        "3-mb-scalar": long_line,
        "3000-procedures": many,
        "5000-unknown-keys": many_keys,
        "python-tag": tags,
        "duplicate-key": dup,
        "not-a-mapping": "- a\n- b\n",
        "scalar-document": "just text\n",
        "multi-document": "tthc_catalog: 1\n---\ntthc_catalog: 1\n",
        "unclosed-quote": small_yaml('  - name: "Đăng ký\n'),
        "tab-indent": small_yaml("  - name: A\n\tfield: B\n"),
        "wrong-version": "tthc_catalog: 99\ncatalog: {}\nprocedures: []\n",
        "procedures-mapping": "tthc_catalog: 1\ncatalog: {}\nprocedures: {a: 1}\n",
        "number-name": small_yaml("  - name: 12345\n"),
        "list-name": small_yaml("  - name: [a, b]\n"),
        "huge-int": small_yaml("  - name: A\n    volume: {dossiers_per_year: " + "9" * 5000 + "}\n"),
        "date-garbage": small_yaml("  - name: A\n    reviewed: 2025-13-45\n"),
    }
    cases = []
    for label, text in texts.items():
        for cmd in ("validate", "check", "convert"):
            argv = ["convert", "c.yaml", "out.xlsx"] if cmd == "convert" else [cmd, "c.yaml"]
            cases.append(
                Case(f"yaml/{label}/{cmd}", "huge or deep YAML", argv, ANY, catalog(text=text), outputs=("out.xlsx",))
            )
    return cases


def odd_workbooks() -> list[Case]:
    from tests.load import office_files as of

    def bomb(d: Path) -> None:
        of.add_raw_part(_workbook(d), "xl/media/a.bin", of.zeros_deflate(8), 4000 << 20)

    def lying_bomb(d: Path) -> None:
        of.add_raw_part(_workbook(d), "xl/media/a.bin", of.zeros_deflate(600), 1024)

    def far_dimension(d: Path) -> None:
        of.with_dimension(_workbook(d), "A1:XFD1048576")

    def far_cell(d: Path) -> None:
        of.with_far_cell(_workbook(d), "XFD1048576")

    def deep_row(d: Path) -> None:
        of.with_far_cell(_workbook(d), "A5000000")

    def giant_cell(d: Path) -> None:
        _workbook(d, rows=[of.CATALOG[0], ["1.000001", "A" * 200_000, "x"]])

    def error_cells(d: Path) -> None:
        path = _workbook(d, rows=[of.CATALOG[0], ["=NA()", "Đăng ký", "x"], ["=1/0", "Kết hôn", "y"]])
        assert path.exists()

    def merged_below(d: Path) -> None:
        of.xlsx(d / "c.xlsx", [*of.CATALOG, [None, None, None], [None, None, None]], merges=("A4:A6",))

    def repeated_header(d: Path) -> None:
        _workbook(d, rows=[of.CATALOG[0], of.CATALOG[1], of.CATALOG[0], ["1.000002", "Kết hôn", "Luật 52/2014/QH13"]])

    def header_only(d: Path) -> None:
        _workbook(d, rows=[of.CATALOG[0]])

    def empty_book(d: Path) -> None:
        _workbook(d, rows=[[]])

    def numeric_codes(d: Path) -> None:
        _workbook(d, rows=[of.CATALOG[0], [1.001193, "Đăng ký", "x"], [2.0, "Kết hôn", "y"]])

    def not_zip(d: Path) -> None:
        (d / "c.xlsx").write_text("Mã TTHC,Tên\n1.000001,Đăng ký\n", encoding="utf-8")

    def truncated(d: Path) -> None:
        data = _workbook(d).read_bytes()
        (d / "c.xlsx").write_bytes(data[: len(data) // 2])

    def empty_file(d: Path) -> None:
        (d / "c.xlsx").write_bytes(b"")

    def zip_without_sheets(d: Path) -> None:
        with zipfile.ZipFile(d / "c.xlsx", "w") as zf:
            zf.writestr("hello.txt", "xin chào")

    def xxe(d: Path) -> None:
        path = _workbook(d)
        of.rewrite_part(
            path,
            "xl/worksheets/sheet1.xml",
            lambda t: t.replace("<worksheet", '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet', 1),
        )

    def ods_repeat(d: Path) -> None:
        of.ods(d / "c.ods", of.CATALOG)

    def fake_xls(d: Path) -> None:
        (d / "c.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000))

    def fake_xlsm(d: Path) -> None:
        shutil.copy(_workbook(d), d / "c.xlsm")

    books = {
        "zip-bomb": ("c.xlsx", bomb),
        "lying-zip-bomb": ("c.xlsx", lying_bomb),
        "dimension-XFD1048576": ("c.xlsx", far_dimension),
        "cell-XFD1048576": ("c.xlsx", far_cell),
        "row-5000000": ("c.xlsx", deep_row),
        "200k-char-cell": ("c.xlsx", giant_cell),
        "error-cells": ("c.xlsx", error_cells),
        "empty-merge-below": ("c.xlsx", merged_below),
        "repeated-header": ("c.xlsx", repeated_header),
        "header-only": ("c.xlsx", header_only),
        "empty-sheet": ("c.xlsx", empty_book),
        "numeric-codes": ("c.xlsx", numeric_codes),
        "csv-named-xlsx": ("c.xlsx", not_zip),
        "truncated-zip": ("c.xlsx", truncated),
        "empty-file": ("c.xlsx", empty_file),
        "zip-without-sheets": ("c.xlsx", zip_without_sheets),
        "xxe-entity": ("c.xlsx", xxe),
        "ods-million-rows": ("c.ods", ods_repeat),
        "garbage-xls": ("c.xls", fake_xls),
        "xlsm": ("c.xlsm", fake_xlsm),
    }
    cases = []
    for label, (name, build) in books.items():
        for cmd in ("validate", "check", "convert", "recommend"):
            argv = {
                "convert": ["convert", name, "out.yaml"],
                "recommend": ["recommend", name, "-o", "out.docx"],
            }.get(cmd, [cmd, name])
            cases.append(
                Case(f"workbook/{label}/{cmd}", "odd workbook", argv, ANY, build, outputs=("out.yaml", "out.docx"))
            )
    return cases


def other_formats() -> list[Case]:
    from tests.load import office_files as of

    def docx_bomb(d: Path) -> None:
        import docx

        doc = docx.Document()
        doc.add_paragraph("PHỤ LỤC")
        doc.save(d / "c.docx")
        of.add_raw_part(d / "c.docx", "word/media/a.bin", of.zeros_deflate(8), 4000 << 20)

    def garbage_pdf(d: Path) -> None:
        (d / "c.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(3000))

    def pdf_not_pdf(d: Path) -> None:
        (d / "c.pdf").write_text("không phải pdf", encoding="utf-8")

    def empty_docx(d: Path) -> None:
        (d / "c.docx").write_bytes(b"PK\x05\x06" + bytes(18))

    def csv_cp1258(d: Path) -> None:
        (d / "c.csv").write_bytes(
            "Mã TTHC,Tên thủ tục hành chính\n1.000001,Đăng ký khai sinh\n".encode("cp1258", "replace")
        )

    def csv_controls(d: Path) -> None:
        (d / "c.csv").write_text(
            "Mã TTHC,Tên thủ tục hành chính\n1.000001,Đăng ký\x07\x1b[2J khai sinh\n", encoding="utf-8"
        )

    def csv_huge_field(d: Path) -> None:
        (d / "c.csv").write_text(
            'Mã TTHC,Tên thủ tục hành chính\n1.000001,"' + "x" * 2_000_000 + '"\n', encoding="utf-8"
        )

    def csv_unclosed(d: Path) -> None:
        (d / "c.csv").write_text('Mã TTHC,Tên thủ tục hành chính\n1.000001,"Đăng ký\n', encoding="utf-8")

    def json_deep(d: Path) -> None:
        (d / "c.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")

    def json_bigint(d: Path) -> None:
        (d / "c.json").write_text('{"ma_thu_tuc": ' + "9" * 5001 + "}", encoding="utf-8")

    def json_not_portal(d: Path) -> None:
        (d / "c.json").write_text('{"hello": "world"}', encoding="utf-8")

    def json_latin1(d: Path) -> None:
        (d / "c.json").write_bytes('{"ten_thu_tuc": "Đăng ký"}'.encode("utf-16"))

    files = {
        "docx-zip-bomb": ("c.docx", docx_bomb),
        "pdf-garbage": ("c.pdf", garbage_pdf),
        "pdf-not-pdf": ("c.pdf", pdf_not_pdf),
        "docx-empty-zip": ("c.docx", empty_docx),
        "csv-cp1258": ("c.csv", csv_cp1258),
        "csv-control-chars": ("c.csv", csv_controls),
        "csv-2mb-field": ("c.csv", csv_huge_field),
        "csv-unclosed-quote": ("c.csv", csv_unclosed),
        "json-deep": ("c.json", json_deep),
        "json-5001-digits": ("c.json", json_bigint),
        "json-not-portal": ("c.json", json_not_portal),
        "json-utf16": ("c.json", json_latin1),
    }
    cases = []
    for label, (name, build) in files.items():
        for cmd in ("validate", "check", "convert"):
            argv = ["convert", name, "out.yaml"] if cmd == "convert" else [cmd, name]
            cases.append(
                Case(f"format/{label}/{cmd}", "odd CSV/Word/PDF/JSON", argv, ANY, build, outputs=("out.yaml",))
            )
    return cases


def special_outputs() -> list[Case]:
    cases = []
    base = both(catalog(), catalog("old.yaml", OLD))

    def fifo(name: str) -> Callable[[Path], None]:
        def build(d: Path) -> None:
            base(d)
            os.mkfifo(d / name)

        return build

    def link_to(name: str, target: str, content: bytes | None = b"old") -> Callable[[Path], None]:
        def build(d: Path) -> None:
            base(d)
            if content is not None:
                (d / target).write_bytes(content)
                (d / target).chmod(0o600)
            (d / name).symlink_to(target)

        return build

    def null_device(name: str) -> Callable[[Path], None]:
        def build(d: Path) -> None:
            base(d)
            os.mknod(d / name, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # our own /dev/null, never the machine's

        return build

    def full_device(name: str) -> Callable[[Path], None]:
        def build(d: Path) -> None:
            base(d)
            os.mknod(d / name, 0o666 | stat.S_IFCHR, os.makedev(1, 7))

        return build

    for label, argv, suffix, expect in OUTPUT_COMMANDS:
        readback = label.startswith("convert")
        out = f"out{suffix}"
        cases.append(
            Case(
                f"special/fifo/{label}",
                "special-file output",
                _argv(argv, "c.yaml", out),
                REFUSED if readback else expect,
                fifo(out),
                fifos=(out,),
            )
        )
        cases.append(
            Case(
                f"special/symlink/{label}",
                "special-file output",
                _argv(argv, "c.yaml", out),
                expect,
                link_to(out, "real" + suffix),
                outputs=("real" + suffix,),
            )
        )
        cases.append(
            Case(
                f"special/dangling-symlink/{label}",
                "special-file output",
                _argv(argv, "c.yaml", out),
                expect,
                link_to(out, "new" + suffix, None),
                outputs=("new" + suffix,),
            )
        )
        if label not in ("schema", "template"):  # they read no catalog
            cases.append(
                Case(
                    f"special/symlink-to-input/{label}",
                    "output is an input",
                    _argv(argv, "c.yaml", out),
                    REFUSED,
                    link_to(out, "c.yaml", None),
                )
            )
        if IS_ROOT:
            cases.append(
                Case(
                    f"special/null-device/{label}",
                    "special-file output",
                    _argv(argv, "c.yaml", out),
                    REFUSED if readback else expect,
                    null_device(out),
                )
            )
            cases.append(
                Case(f"special/full-device/{label}", "disk full", _argv(argv, "c.yaml", out), REFUSED, full_device(out))
            )
    for label, argv, _suffix, expect in OUTPUT_COMMANDS:
        stdout_ok = label in ("check-sarif", "check-text", "check-csv", "cost-json", "baseline", "schema")
        cases.append(
            Case(
                f"special/dash/{label}",
                "special-file output",
                _argv(argv, "c.yaml", "-"),
                expect if stdout_ok else REFUSED,
                base,
            )
        )
    return cases


def impossible_targets() -> list[Case]:
    cases = []
    base = both(catalog(), catalog("old.yaml", OLD))

    def with_dir(name: str, mode: int | None = None) -> Callable[[Path], None]:
        def build(d: Path) -> None:
            base(d)
            (d / name).mkdir()
            if mode is not None:
                (d / name).chmod(mode)

        return build

    def with_file(name: str) -> Callable[[Path], None]:
        def build(d: Path) -> None:
            base(d)
            (d / name).write_text("một tệp\n", encoding="utf-8")

        return build

    for label, argv, suffix, expect in OUTPUT_COMMANDS:
        out = f"out{suffix}"
        cases.append(
            Case(f"target/folder/{label}", "folder as output", _argv(argv, "c.yaml", out), REFUSED, with_dir(out))
        )
        cases.append(
            Case(
                f"target/read-only-folder/{label}",
                "read-only target",
                _argv(argv, "c.yaml", f"ro/{out}"),
                expect if IS_ROOT else REFUSED,  # root writes anyway; everyone else gets one line
                with_dir("ro", 0o555),
                outputs=(f"ro/{out}",),
            )
        )
        cases.append(
            Case(
                f"target/under-a-file/{label}",
                "impossible target",
                _argv(argv, "c.yaml", f"f/{out}"),
                REFUSED,
                with_file("f"),
            )
        )
        cases.append(
            Case(
                f"target/name-too-long/{label}",
                "impossible target",
                _argv(argv, "c.yaml", "x" * 300 + suffix),
                REFUSED,
                base,
            )
        )
        cases.append(
            Case(
                f"target/new-folders/{label}",
                "impossible target",
                _argv(argv, "c.yaml", f"a/b/c/{out}"),
                expect,
                base,
                outputs=(f"a/b/c/{out}",),
            )
        )
        if label not in ("schema", "template"):
            cases.append(
                Case(
                    f"target/input-itself/{label}", "output is an input", _argv(argv, "c.yaml", "c.yaml"), REFUSED, base
                )
            )
            cases.append(
                Case(
                    f"target/input-dotted/{label}",
                    "output is an input",
                    _argv(argv, "c.yaml", "./x/../c.yaml"),
                    REFUSED,
                    both(base, with_dir("x")),
                )
            )
    return cases


def foreign_databases() -> list[Case]:
    def foreign(d: Path) -> None:
        catalog()(d)
        with sqlite3.connect(d / "other.db") as conn:
            conn.execute("CREATE TABLE users (id INTEGER, name TEXT)")
            conn.execute("INSERT INTO users VALUES (1, 'an')")

    def app_id(d: Path) -> None:
        foreign(d)
        with sqlite3.connect(d / "other.db") as conn:
            conn.execute("PRAGMA application_id = 1234")

    def not_sqlite(d: Path) -> None:
        catalog()(d)
        (d / "other.db").write_text("id,name\n1,an\n", encoding="utf-8")

    def bad_header(d: Path) -> None:
        catalog()(d)
        (d / "other.db").write_bytes(b"SQLite format 3\x00" + os.urandom(4000))

    def folder(d: Path) -> None:
        catalog()(d)
        (d / "other.db").mkdir()

    builds = {
        "other-app": foreign,
        "other-app-id": app_id,
        "not-sqlite": not_sqlite,
        "corrupt": bad_header,
        "folder": folder,
    }
    cases = []
    for label, build in builds.items():
        cases.append(Case(f"db/{label}/history", "foreign database", ["history", "--db", "other.db"], REFUSED, build))
        cases.append(
            Case(f"db/{label}/record", "foreign database", ["check", "c.yaml", "--record", "other.db"], REFUSED, build)
        )
    return cases


def configs() -> list[Case]:
    from tests.hostile.test_config import BAD

    cases = []
    for i, (written, _) in enumerate(BAD):
        data = written if isinstance(written, bytes) else written.encode("utf-8")
        for cmd in (["check", "c.yaml"], ["cost", "c.yaml"]):
            cases.append(
                Case(
                    f"config/{i}/{cmd[0]}",
                    "hostile config",
                    [*cmd, "--config", "tthc.yaml"],
                    REFUSED,
                    both(catalog(), catalog("tthc.yaml", data=data)),
                )
            )
    for label, text in {
        "tool-tthc-5": "[tool]\ntthc = 5\n",
        "negative-rate": "[tool.tthc]\nhourly-rate = -1\n",
        "bad-toml": "[tool.tthc\n",
        "non-utf8": None,
    }.items():
        data = text.encode("utf-8") if text else b"[tool.tthc]\nselect = ['\xe9']\n"
        cases.append(
            Case(
                f"config/pyproject-{label}",
                "hostile config",
                ["check", "c.yaml"],
                REFUSED,
                both(catalog(), catalog("pyproject.toml", data=data)),
            )
        )
    return cases


def baselines() -> list[Case]:
    texts = {
        "deep": "[" * 100_000 + "]" * 100_000,
        "5001-digits": '{"tthc_baseline": ' + "1" * 5001 + "}",
        "not-json": "xin chào",
        "wrong-type": '{"tthc_baseline": 1, "findings": {"a": 1}}',
        "empty": "",
        "null": "null",
        "future": '{"tthc_baseline": 99, "findings": []}',
    }
    cases = []
    for label, text in texts.items():
        build = both(catalog(), catalog("b.json", text))
        cases.append(
            Case(
                f"baseline/{label}/check",
                "hostile baseline",
                ["check", "c.yaml", "--baseline", "b.json"],
                REFUSED,
                build,
            )
        )
        cases.append(
            Case(
                f"baseline/{label}/update",
                "hostile baseline",
                ["baseline", "update", "b.json", "c.yaml"],
                REFUSED,
                build,
            )
        )
    cases.append(
        Case(
            "baseline/non-utf8/check",
            "hostile baseline",
            ["check", "c.yaml", "--baseline", "b.json"],
            REFUSED,
            both(catalog(), catalog("b.json", data=b'{"tthc_baseline": 1, "\xff": 1}')),
        )
    )
    return cases


def paths() -> list[Case]:
    def empty_dir(d: Path) -> None:
        (d / "empty").mkdir()

    return [
        Case("path/missing", "bad path", ["check", "missing.yaml"], REFUSED, lambda d: None),
        Case("path/empty-folder", "bad path", ["check", "empty"], REFUSED, empty_dir),
        Case("path/unknown-suffix", "bad path", ["validate", "c.txt"], REFUSED, catalog("c.txt")),
        Case("path/dev-null-input", "bad path", ["validate", "/dev/null"], REFUSED, lambda d: None),
        Case(
            "path/knowledge-missing",
            "bad path",
            ["check", "c.yaml", "--config", "tthc.yaml"],
            REFUSED,
            both(catalog(), catalog("tthc.yaml", "knowledge: [nope.yaml]\n")),
        ),
        Case(
            "path/knowledge-garbage",
            "bad path",
            ["check", "c.yaml", "--config", "tthc.yaml"],
            REFUSED,
            both(catalog(), catalog("tthc.yaml", "knowledge: [k.yaml]\n"), catalog("k.yaml", "[[[\n")),
        ),
    ]


def all_cases() -> list[Case]:
    return [
        *encodings(),
        *control_characters(),
        *big_yaml(),
        *odd_workbooks(),
        *other_formats(),
        *special_outputs(),
        *impossible_targets(),
        *foreign_databases(),
        *configs(),
        *baselines(),
        *paths(),
    ]


# -- running and judging ---------------------------------------------------------------


def _snapshot(folder: Path) -> dict[str, tuple[str, str]]:
    """relative path -> (file type, sha256 or link target) for everything in the folder."""
    out: dict[str, tuple[str, str]] = {}
    for root, dirs, files in os.walk(folder):
        for name in [*dirs, *files]:
            path = Path(root) / name
            rel = str(path.relative_to(folder))
            mode = os.lstat(path).st_mode
            if stat.S_ISLNK(mode):
                out[rel] = ("link", os.readlink(path))
            elif stat.S_ISREG(mode):
                out[rel] = ("file", hashlib.sha256(path.read_bytes()).hexdigest())
            elif stat.S_ISDIR(mode):
                out[rel] = ("dir", "")
            elif stat.S_ISFIFO(mode):
                out[rel] = ("fifo", "")
            elif stat.S_ISCHR(mode):
                out[rel] = ("char", str(os.lstat(path).st_rdev))
            else:
                out[rel] = ("other", "")
    return out


def _complete(path: Path) -> str | None:
    """Why an output is not a whole file of its kind (None: it is)."""
    suffix = path.suffix.lower()
    data = path.read_bytes()
    try:
        if suffix in (".json", ".sarif"):
            json.loads(data.decode("utf-8-sig"))
        elif suffix in (".yaml", ".yml"):
            import yaml

            yaml.safe_load(data.decode("utf-8"))
        elif suffix in (".xlsx", ".docx"):
            with zipfile.ZipFile(path) as zf:
                bad = zf.testzip()
                if bad:
                    return f"corrupt zip member {bad}"
        elif suffix == ".svg":
            if not data.rstrip().endswith(b"</svg>"):
                return "svg not closed"
        elif suffix in (".txt", ".md", ".csv"):
            data.decode("utf-8-sig")
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"[:200]
    return None


def judge(case: Case, folder: Path, before: dict, result: dict) -> list[str]:
    problems: list[str] = []
    code = result["code"]
    if code not in case.expect:
        problems.append(f"exit {code!r}, expected {sorted(case.expect)}")
    err, out = result["stderr"], result["stdout"]
    if "Traceback" in err or "lỗi nội bộ" in err or "internal error" in err:
        problems.append("traceback: " + err.strip().splitlines()[-1][:200] if err.strip() else "traceback")
    if "\x1b" in err + out or "\x07" in err + out:
        problems.append("a control character reached the terminal")
    said = [line for line in (err + out).splitlines() if line.lstrip().startswith(("tthc: ", "lỗi ", "error ", "✗ "))]
    if code == ERROR and not said:  # `tthc: lỗi: …`, or validate's list of errors
        problems.append("exit 2 without saying why")
    after = _snapshot(folder)
    for rel, (kind, digest) in before.items():
        now = after.get(rel)
        if rel in case.outputs and kind == "file":
            if now is None or now[0] != "file":
                problems.append(f"{rel}: the old output was replaced by {now}")
            elif now != (kind, digest) and code == ERROR:
                problems.append(f"{rel}: changed although the command failed")
            elif now != (kind, digest) and (why := _complete(folder / rel)):
                problems.append(f"{rel}: half-written ({why})")
            continue
        if now != (kind, digest):
            problems.append(f"{rel}: {kind} changed to {now}")
    for rel, (kind, _) in after.items():
        if re.search(r"\.tthc-\d+-", Path(rel).name):
            problems.append(f"temp file left: {rel}")
        if rel in before or kind != "file":
            continue
        why = _complete(folder / rel)  # every new file: whole, or not there at all
        if why:
            problems.append(f"{rel}: half-written ({why})")
    return problems


def build_all(cases: list[Case], root: Path) -> list[tuple[Case, Path, dict]]:
    built = []
    for i, case in enumerate(cases):
        folder = root / f"{i:04d}"
        folder.mkdir()
        case.build(folder)
        built.append((case, folder, _snapshot(folder)))
    return built


def run_batches(built: list[tuple[Case, Path, dict]], root: Path) -> tuple[list[dict], list[float]]:
    """Run the cases in BATCHES subprocesses, two at a time; (results in order, peak MB per batch)."""
    chunks = [built[i::BATCHES] for i in range(BATCHES)]

    def run(n: int) -> dict:
        batch = root / f"batch-{n}.json"
        batch.write_text(
            json.dumps(
                [
                    {
                        "name": c.name,
                        "dir": str(f),
                        "argv": c.argv,
                        "fifos": list(c.fifos),
                        "env": c.env,
                        "timeout": c.timeout,
                    }
                    for c, f, _ in chunks[n]
                ],
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        env.pop("TTHC_LANG", None)
        proc = subprocess.run(
            [sys.executable, "-m", "tests.hostile.runner", str(batch)],
            capture_output=True,
            text=True,
            cwd=root,
            env=env,
            timeout=900,
        )
        last = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
        if proc.returncode != 0 or not last.startswith("{"):
            raise RuntimeError(f"batch {n} died (exit {proc.returncode}): {proc.stderr[-2000:]}")
        return json.loads(last)

    with ThreadPoolExecutor(max_workers=2) as pool:
        outs = list(pool.map(run, range(BATCHES)))
    by_name = {r["name"]: r for out in outs for r in out["results"]}
    return [by_name[c.name] for c, _, _ in built], [out["peak_mb"] for out in outs]


def run_corpus(root: Path) -> tuple[list[tuple[Case, dict, list[str]]], list[float]]:
    cases = all_cases()
    names = [c.name for c in cases]
    assert len(names) == len(set(names)), "case names must be unique"
    built = build_all(cases, root)
    results, peaks = run_batches(built, root)
    judged = [
        (case, result, judge(case, folder, before, result))
        for (case, folder, before), result in zip(built, results, strict=True)
    ]
    return judged, peaks


def summary(judged: list[tuple[Case, dict, list[str]]], peaks: list[float]) -> str:
    by_kind: Counter[str] = Counter(c.kind for c, _, _ in judged)
    codes: Counter[str] = Counter(str(r["code"]) for _, r, _ in judged)
    failed = [(c, p) for c, _, p in judged if p]
    slowest = max(judged, key=lambda x: x[1]["seconds"])
    lines = [
        f"hostile corpus: {len(judged)} cases, {len(judged) - len(failed)} pass, {len(failed)} fail; "
        f"exit codes {dict(sorted(codes.items()))}; peak memory {max(peaks):.0f} MB (limit {PEAK_MB}); "
        f"slowest {slowest[0].name} {slowest[1]['seconds']:.1f} s",
        "  " + ", ".join(f"{kind}: {n}" for kind, n in sorted(by_kind.items())),
    ]
    lines += [f"  FAIL {c.name}: {'; '.join(p)}" for c, p in failed[:40]]
    return "\n".join(lines)


def main() -> int:
    keep = "--keep" in sys.argv
    root = Path(tempfile.mkdtemp(prefix="tthc-hostile-"))
    try:
        judged, peaks = run_corpus(root)
        print(summary(judged, peaks))
        return 1 if any(p for _, _, p in judged) or max(peaks) > PEAK_MB else 0
    finally:
        if keep:
            print(f"kept {root}")
        else:
            _remove(root)


def _remove(root: Path) -> None:
    for folder in root.rglob("*"):
        if folder.is_dir() and not folder.is_symlink():
            with contextlib.suppress(OSError):
                folder.chmod(0o755)
    shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
