"""Word (.docx) files -> blocks: the paragraphs and tables of the body, in order.

Tables become :class:`tthc.load.grid.Grid` s — cell texts (paragraphs joined by line
breaks) with the merged ranges Word encodes as ``gridSpan`` (across) and ``vMerge``
(down) — so they are read by the same path as a spreadsheet. python-docx opens the
package; the body is walked as XML so merged cells are seen once, where they start.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tthc.i18n import T
from tthc.load.base import LoadError
from tthc.load.grid import Grid

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(slots=True)
class Paragraph:
    text: str
    number: int  # 1-based paragraph number in the body (outside tables)
    page: int | None = None  # PDF only
    landscape: bool = False


Block = Paragraph | Grid


def read_docx(path: Path, limits=None, shown: Path | None = None) -> list[Block]:  # type: ignore[no-untyped-def]
    """The body of a Word file as paragraphs and table grids (LoadError if unreadable).
    ``shown``: the file messages name (the .doc a converted file came from)."""
    from tthc.load.office_zip import inspect

    shown = shown or path
    inspect(path, "docx", limits, shown=shown)
    try:
        import docx

        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds for damaged parts
        raise LoadError(
            T(
                f"không đọc được tệp Word ({_short(exc)}); mở bằng Word và lưu lại dạng .docx",
                f"cannot read the Word file ({_short(exc)}); open it in Word and save it again as .docx",
            ),
            str(shown),
        ) from exc
    blocks: list[Block] = []
    paragraphs = tables = 0
    for child in document.element.body.iterchildren():
        if child.tag == _W + "p":
            paragraphs += 1
            text = _paragraph_text(child)
            if text.strip():
                blocks.append(Paragraph(text, paragraphs))
        elif child.tag == _W + "tbl":
            tables += 1
            blocks.append(_grid(child, tables))
    return blocks


def _paragraph_text(p) -> str:  # type: ignore[no-untyped-def]
    parts: list[str] = []
    for node in p.iter(_W + "t", _W + "tab", _W + "br", _W + "cr"):
        tag = node.tag
        if tag == _W + "t":
            parts.append(node.text or "")
        elif tag == _W + "tab":
            parts.append(" ")
        else:
            parts.append("\n")
    return "".join(parts)


def _cell_text(tc) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(_paragraph_text(p) for p in tc.iter(_W + "p")).strip("\n")


def _grid(tbl, number: int) -> Grid:  # type: ignore[no-untyped-def]
    rows: list[list[str]] = []
    merged: list[tuple[int, int, int, int]] = []
    open_down: dict[int, list[int]] = {}  # column -> [top row, span] of a vertical merge being read
    for r, tr_ in enumerate(tbl.iterchildren(_W + "tr")):
        row: list[str] = []
        col = 0
        for tc in tr_.iterchildren(_W + "tc"):
            props = tc.find(_W + "tcPr")
            span = 1
            vmerge = None
            if props is not None:
                gs = props.find(_W + "gridSpan")
                if gs is not None:
                    try:
                        span = max(1, int(gs.get(_W + "val") or 1))
                    except ValueError:
                        span = 1
                vm = props.find(_W + "vMerge")
                if vm is not None:
                    vmerge = vm.get(_W + "val") or "continue"
            text = "" if vmerge == "continue" else _cell_text(tc)
            row.extend([text] + [""] * (span - 1))
            if vmerge == "continue" and col in open_down:
                pass  # extends the merge above
            else:
                _close(open_down, col, r, merged)
                if vmerge == "restart":
                    open_down[col] = [r, span]
                elif span > 1:
                    merged.append((r, col, r, col + span - 1))
            col += span
        rows.append(row)
        for c in [c for c in open_down if c >= col]:  # rows shorter than the merge's column
            _close(open_down, c, r, merged)
    for c in list(open_down):
        _close(open_down, c, len(rows), merged)
    width = max((len(r) for r in rows), default=0)
    for row in rows:
        row.extend([""] * (width - len(row)))
    return Grid(f"bảng {number}", rows, merged, table=number)


def _close(open_down: dict[int, list[int]], col: int, r: int, merged: list) -> None:  # type: ignore[type-arg]
    if col in open_down:
        top, span = open_down.pop(col)
        if r - 1 > top or span > 1:
            merged.append((top, col, max(r - 1, top), col + span - 1))


def _short(exc: BaseException, limit: int = 120) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"
