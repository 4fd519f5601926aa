"""Paragraphs and tables of a long Word document, copied from prototypes.

python-docx sets each property by searching for its place among every child an element
may have, and looks styles up by XPath: about 10 ms per procedure of the handbook, and
``Document.add_table`` scans the whole body (quadratic). Here each kind of paragraph is
written once by :mod:`tthc.office.docx` (so the formatting is exactly the shared
one), kept as a prototype, and then deep-copied (lxml, C speed) with only its text
replaced. New blocks go before the body's section properties in constant time.
"""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from typing import Any

_MARK = "\u2063tthc\u2063"  # placeholder text of a prototype (invisible separator, never in catalog text)


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


class Stamps:
    """Prototype paragraphs, rows and tables for one document."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self.body = doc.element.body
        last = self.body[-1]  # lxml walks from the end: constant time
        self._end = last if last.tag == _qn("w:sectPr") else None
        self._protos: dict[object, Any] = {}
        self._t = _qn("w:t")
        self._p = _qn("w:p")
        self._tc = _qn("w:tc")

    # -- placing -----------------------------------------------------------------------

    def append(self, element) -> None:
        """Put a block at the end of the body (before the section properties)."""
        if self._end is not None:
            self._end.addprevious(element)
        else:
            self.body.append(element)

    # -- paragraphs --------------------------------------------------------------------

    def paragraph(self, key: object, make: Callable[[str], Any], text: str = "") -> None:
        """A body paragraph as ``make(text)`` writes it (make: text -> python-docx Paragraph at the end)."""
        if not _plain(text):
            make(text)
            return
        proto = self._protos.get(key)
        if proto is None:
            made = make(_MARK if text else "")._p
            made.getparent().remove(made)
            proto = self._protos[key] = made
        self.append(self._filled(proto, text))

    def cell(self, tc, text: str, *, key: object = "plain", make: Callable[[object, str], None]) -> None:
        """Replace a cell's paragraphs by one per line of ``text``, as ``make(cell, text)`` writes them."""
        lines = (text or "").split("\n")
        if not all(_plain(line) for line in lines):
            from docx.table import _Cell

            make(_Cell(tc, None), text)  # type: ignore[arg-type]
            return
        single = len(lines) == 1  # office.docx spaces a one-line cell more than each line of several
        sample = _MARK if single else f"{_MARK}\n{_MARK}"
        proto = self._cell_proto((key, single), lambda cell: make(cell, sample))
        for p in tc.findall(self._p):
            tc.remove(p)
        empty = "" if single else f"{_MARK}\n"  # an empty line is written differently (a run without text or bold)
        for line in lines:
            if line:
                tc.append(self._filled(proto, line))
            else:
                tc.append(deepcopy(self._cell_proto((key, single, ""), lambda cell: make(cell, empty), last=True)))

    def cell_paragraph(self, tc, text: str, *, key: object, make: Callable[[object, str], None]) -> None:
        """Add one more paragraph to a cell, as ``make(cell, text)`` adds it."""
        if not _plain(text) or "\n" in text:
            from docx.table import _Cell

            make(_Cell(tc, None), text)  # type: ignore[arg-type]
            return
        proto = self._cell_proto(("extra", key), lambda cell: make(cell, _MARK), last=True)
        tc.append(self._filled(proto, text))

    def _cell_proto(self, key: object, write: Callable[[object], None], *, last: bool = False):
        proto = self._protos.get(key)
        if proto is None:
            from docx.oxml.table import CT_Tbl
            from docx.shared import Cm
            from docx.table import _Cell

            tc = CT_Tbl.new_tbl(1, 1, Cm(5)).tr_lst[0].tc_lst[0]
            write(_Cell(tc, None))  # type: ignore[arg-type]
            paragraphs = tc.findall(self._p)
            proto = self._protos[key] = paragraphs[-1 if last else 0]
        return proto

    def _filled(self, proto, text: str):
        element = deepcopy(proto)
        for t in element.iter(self._t):
            if t.text == _MARK:
                if text:
                    t.text = text
                    if text != text.strip():
                        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                else:
                    t.getparent().remove(t)
        return element

    # -- tables ------------------------------------------------------------------------

    def table(self, key: object, make: Callable[[], Any]):
        """An empty table (no rows) like ``make()`` returns (a python-docx Table, detached here)."""
        proto = self._protos.get(("table", key))
        if proto is None:
            table = make()
            tbl = table._tbl
            rows = tbl.tr_lst
            for tr in rows:
                tbl.remove(tr)
            if tbl.getparent() is not None:
                tbl.getparent().remove(tbl)
            proto = self._protos[("table", key)] = tbl
            self._protos[("row", key)] = rows[0] if rows else None
        return deepcopy(proto)

    def row(self, key: object, tbl) -> list:
        """A new last row of a table made by :meth:`table` (``make`` gave it one prototype row); its cells."""
        tr = deepcopy(self._protos[("row", key)])
        tbl.append(tr)
        return tr.findall(self._tc)


def _plain(text: str) -> bool:
    """Text python-docx would write as one plain w:t (no tab or break conversion)."""
    return "\t" not in text and "\r" not in text and "\n" not in text
