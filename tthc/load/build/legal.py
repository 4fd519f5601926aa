"""The legal basis (Căn cứ pháp lý): free text parsed into references, or structured rows."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tthc.fields import Field
from tthc.i18n import tr
from tthc.load.base import IssueSink
from tthc.load.build.scalars import _check_keys, _date, _short, _text, _unknown_value, _wrong_type, raw_only, source_of
from tthc.model import DocKind, LegalRef, Procedure, SourceRef
from tthc.parse.legal import parse_legal_row, parse_legal_text
from tthc.text import clean_keep_lines


def _legal_basis(value: Any, src: SourceRef, sink: IssueSink) -> list[LegalRef]:
    if value is None:
        return []
    items = value if isinstance(value, (list, tuple)) else [value]
    refs: list[LegalRef] = []
    for item in items:
        where = source_of(item, src)
        item = raw_only(item)
        if isinstance(item, Mapping):
            found = [_structured_legal_ref(item, where, sink)]
        elif isinstance(item, (list, tuple)):
            _wrong_type(sink, "legal_basis", "một đoạn văn bản", "text", item, where)
            continue
        else:
            text = clean_keep_lines(item)  # the parser uses line breaks between citations
            found = parse_legal_text(text) if text else []
        for ref in found:
            ref.source = where
            if not ref.identified:
                sink.warn(
                    "unidentified-legal-ref",
                    tr(
                        f"không xác định được số hiệu văn bản trong '{_short(ref.raw)}'"
                        + (f" ({ref.note})" if ref.note else ""),
                        f"cannot identify the document number in '{_short(ref.raw)}'"
                        + (f" ({ref.note})" if ref.note else ""),
                    ),
                    where,
                    ref.raw,
                )
        refs.extend(found)
    return refs


def _structured_legal_ref(item: Mapping[str, Any], src: SourceRef, sink: IssueSink) -> LegalRef:
    _check_keys(item, "legal_basis", src, sink)
    number = _text(item.get("number"), "legal_basis.number", src, sink)
    title = _text(item.get("title"), "legal_basis.title", src, sink)
    issued_text = item.get("issued")
    issued = _date(issued_text, "legal_basis.issued", src, sink)
    ref = parse_legal_row(
        number,
        title,
        issued.isoformat() if issued else None,
        _text(item.get("issuer"), "legal_basis.issuer", src, sink),
    )
    kind_text = _text(item.get("kind"), "legal_basis.kind", src, sink)
    if kind_text:
        try:
            ref.kind = DocKind(kind_text)
        except ValueError:
            _unknown_value(sink, "legal_basis.kind", kind_text, src)
    if item.get("effective") is not None:
        ref.effective = _date(item.get("effective"), "legal_basis.effective", src, sink)
    if item.get("article") is not None:
        ref.article = _text(item.get("article"), "legal_basis.article", src, sink)
    raw = _text(item.get("raw"), "legal_basis.raw", src, sink)
    if raw is not None:
        ref.raw = raw
    if issued is not None:
        ref.issued = issued
    return ref


def fill(p: Procedure, f: Field, value: Any, src: SourceRef, sink: IssueSink) -> None:
    p.legal_basis = _legal_basis(value, src, sink)
