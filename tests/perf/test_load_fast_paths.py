"""The loading fast paths give what the plain code gave.

- ``text.clean`` / ``text.split_lines`` accept a tidy line with C-level checks
  (``str.isprintable`` and substring tests) before the untidy-text pattern: compared with the
  code before (every line through the pattern) over every string of the real record fixtures,
  generated mixtures of what the pattern looks for, NFC and NFD, and every code point.
- ``load_file`` pauses the cyclic collector while a catalog loads (and freezes a large one):
  the same catalog as with the collector running, and the collector's state is given back,
  also when the file is refused.
"""

from __future__ import annotations

import gc
import json
import random
import unicodedata
from pathlib import Path

import pytest

from tests.perf.texts import strings_in as _strings
from tthc import text as T
from tthc.lifecycle.convert.plain import plain
from tthc.load import LoadError, load_file
from tthc.load.base import paused_gc

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _plain_clean(value: object) -> str | None:
    if value is None:
        return None
    text = value if value.__class__ is str else str(value)
    if not (unicodedata.is_normalized("NFC", text) and T._UNTIDY.search(text) is None):
        text = T._HTML_TAG.sub(" ", T.nfc(T.CONTROL.sub("", text)))
        text = T._ANY_SPACE.sub(" ", T._SPACE.sub(" ", text)).strip()
    if len(text) <= T._LONGEST_PLACEHOLDER and T.is_placeholder(text):
        return None
    return text


def _plain_split_lines(value: object) -> list[str]:
    if value is None:
        return []
    text = T.nfc(T.CONTROL.sub("", str(value))).replace("\r\n", "\n").replace("\r", "\n")
    text = T._HTML_TAG.sub("\n", text)
    return [item for item in (_plain_clean(line) for line in text.split("\n")) if item is not None]


_PIECES = [
    "Bản sao có chứng thực Giấy khai sinh",
    "Tờ khai (Mẫu số 01)",
    "Không",
    "không có thông tin",
    "...",
    "-",
    " x ",
    "Phí: 50.000 đồng",
    "15 ngày làm việc",
    "<br>",
    "<p>",
    "</span>",
    "a < b",
    "\n",
    "\r\n",
    "\r",
    " ",
    "  ",
    "\t",
    "\u00a0",
    "\u2003",
    "\u200b",
    "\ufeff",
    "\u0085",
    "\x07",
    "\x1b[31m",
    "\u00ad",
    "\u200d",
    "\ufffe",
    "o\u0302\u0300",  # NFD "ồ"
    "\u0301",
]


def _texts() -> list[str]:
    found: set[str] = set()
    for path in sorted((FIXTURES / "realdata" / "records").rglob("*.json")):
        found.update(_strings(json.loads(path.read_text(encoding="utf-8"))))
    rng = random.Random(29)
    found.update("".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 8))) for _ in range(4000))
    base = sorted(t for t in found if len(t) < 20_000)
    return base + [unicodedata.normalize("NFD", t) for t in base if unicodedata.normalize("NFD", t) != t]


def test_clean_and_split_lines_give_the_plain_results():
    texts = _texts()
    assert len(texts) > 8000
    for t in texts:
        assert T.clean(t) == _plain_clean(t), repr(t)
        assert T.split_lines(t) == _plain_split_lines(t), repr(t)
    assert T.split_lines("Giấy khai sinh\n  \nKhông\n-\n Tờ khai  (Mẫu 01) ") == ["Giấy khai sinh", "Tờ khai (Mẫu 01)"]


@pytest.mark.parametrize(
    ("start", "stop", "step"),
    [(0, 0x4000, 1), (0x4000, 0x8000, 1), (0x8000, 0xC000, 1), (0xC000, 0x10000, 1), (0x10000, 0x110000, 29)],
)
def test_every_code_point_cleans_as_before(start, stop, step):
    for code in range(start, stop, step):
        ch = chr(code)
        for t in (ch, f"Giấy{ch}tờ", f"{ch}x", f"x{ch}"):
            assert T.clean(t) == _plain_clean(t), hex(code)
            assert T.split_lines(t) == _plain_split_lines(t), hex(code)


def test_a_catalog_loads_the_same_with_the_collector_paused(monkeypatch):
    paths = [FIXTURES / "realdata" / "bo-tu-phap-2026.yaml", FIXTURES / "realdata" / "danh-sach-tthc-BoTuPhap.xlsx"]
    paused = [load_file(p) for p in paths]
    import tthc.load as load

    monkeypatch.setattr(load, "paused_gc", _running_gc)
    running = [load_file(p) for p in paths]
    for a, b in zip(paused, running, strict=True):
        assert len(a.catalog.procedures) > 10
        assert plain(a.catalog) == plain(b.catalog)
        assert [str(i) for i in a.issues] == [str(i) for i in b.issues]


class _running_gc:
    def __enter__(self):
        assert gc.isenabled()

    def __exit__(self, *exc):
        return False


def test_the_collector_comes_back_after_a_refused_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("tthc_catalog: 1\nprocedures: [\n", encoding="utf-8")
    assert gc.isenabled()
    with pytest.raises(LoadError):
        load_file(bad)
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()


# ---------------------------------------------------------------------------------------
# the builder's control-character check: a pre-walk that makes no field names or positions


def _plain_report_controls(value, field, src, sink):
    from collections.abc import Mapping

    from tthc.load.build import scalars
    from tthc.load.record import SOURCE_KEY

    if isinstance(value, str):
        if T.CONTROL.search(value) is None:
            return
        scalars._report_controls(value, field, src, sink)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if key != SOURCE_KEY and item is not None:
                _plain_report_controls(item, f"{field}.{key}", scalars.source_of(value, src), sink)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            if item is not None:
                _plain_report_controls(item, f"{field}[{i}]", scalars.source_of(item, src), sink)


def _issues(sink) -> list[tuple]:
    return [(i.kind, i.message, str(i.source), i.value) for i in sink.issues]


def test_control_characters_are_reported_as_before():
    from tthc.load.base import IssueSink
    from tthc.load.build import scalars
    from tthc.load.yaml_loader import SDict, SList, SStr
    from tthc.model import SourceRef

    src = SourceRef("a.yaml", line=3)
    nested = SStr("Tờ khai\x07 (Mẫu 01)")
    nested.source = SourceRef("a.yaml", line=9, column=5)
    row = SDict({"name": "Giấy phép\x1b[31m", "counts": None, "raw": ["ok", nested]})
    row.source = SourceRef("a.yaml", line=8)
    values = [
        "Giấy khai sinh",
        "Phí\x00: 50.000 đồng",
        ["a", None, "b\ufffe", ("c", "d\x7f")],
        {"name": "x", "__source__": "\x07", "note": {"deep": ["\x9b2J"]}},
        SList([row, "plain", 7, None]),
        12,
        None,
    ]
    rng = random.Random(3)
    for _ in range(300):
        values.append([rng.choice(_PIECES) for _ in range(rng.randint(0, 5))])
        values.append({f"k{i}": rng.choice(_PIECES) for i in range(rng.randint(0, 4))})
    for value in values:
        fast, plain_sink = IssueSink(), IssueSink()
        scalars.report_controls(value, "documents", src, fast)
        _plain_report_controls(value, "documents", src, plain_sink)
        assert _issues(fast) == _issues(plain_sink), repr(value)
    warned = IssueSink()
    scalars.report_controls(values[4], "documents", src, warned)
    assert [str(i.source) for i in warned.issues] == [str(SourceRef("a.yaml", line=8)), str(nested.source)]


def test_source_of_and_text_helpers_answer_as_before():
    from collections.abc import Mapping

    from tthc.load.base import IssueSink
    from tthc.load.build import scalars
    from tthc.load.record import SOURCE_KEY
    from tthc.load.yaml_loader import SDict, SList, SStr
    from tthc.model import SourceRef

    default, own = SourceRef("f.xlsx", "Sheet", 2, 3), SourceRef("f.yaml", line=4)
    tagged = [SStr("x"), SList(["x"]), SDict({"a": "b"})]
    for item in tagged:
        item.source = own
    samples = ["x", ["x"], ("x",), {"a": 1}, {SOURCE_KEY: own}, {SOURCE_KEY: "no"}, 3, None, *tagged]

    def plain_source_of(value, fallback):
        src = getattr(value, "source", None)
        if isinstance(src, SourceRef):
            return src
        if isinstance(value, Mapping):
            src = value.get(SOURCE_KEY)
            if isinstance(src, SourceRef):
                return src
        return fallback

    for value in samples:
        assert scalars.source_of(value, default) is plain_source_of(value, default)
        assert scalars.raw_only(value) is value
    sink = IssueSink()
    assert scalars._text(SStr(" Giấy  tờ "), "name", default, sink) == "Giấy tờ"
    assert scalars._text(["x"], "name", default, sink) is None
    assert scalars._text_list(["a\nb ", SStr("Không"), ("c",), 5], "notes", default, sink) == ["a", "b", "5"]
    assert [i.kind for i in sink.issues] == ["wrong-type", "wrong-type"]
    assert scalars.raw_only({"raw": "Giấy tờ", SOURCE_KEY: own, "name": ""}) == "Giấy tờ"
