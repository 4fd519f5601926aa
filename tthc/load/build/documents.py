"""The dossier (Thành phần, số lượng hồ sơ): one requirement per line or structured row."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from tthc.fields import Field
from tthc.i18n import tr
from tthc.load.base import IssueSink
from tthc.load.build.scalars import _check_keys, _int, _text, _text_list, _unknown_value, raw_only, source_of
from tthc.model import DocumentRequirement, Procedure, SourceRef
from tthc.parse.document import parse_document
from tthc.parse.vocab import parse_copy_kind


def _documents(value: Any, src: SourceRef, sink: IssueSink) -> list[DocumentRequirement]:
    if value is None:
        return []
    items = value if isinstance(value, (list, tuple)) else [value]
    docs: list[DocumentRequirement] = []
    for item in items:
        where = source_of(item, src)
        item = raw_only(item)
        if isinstance(item, Mapping):
            doc = _structured_document(item, where, sink)
            if doc is not None:
                docs.append(doc)
            continue
        for line in _text_list(item, "documents", where, sink):
            doc = parse_document(line)
            doc.source = where
            docs.append(doc)
    return docs


def _structured_document(item: Mapping[str, Any], src: SourceRef, sink: IssueSink) -> DocumentRequirement | None:
    _check_keys(item, "documents", src, sink)
    name = _text(item.get("name"), "documents.name", src, sink)
    if name is None:
        sink.warn(
            "missing-document-name",
            tr("giấy tờ không có tên (bỏ qua)", "document without a name (skipped)"),
            src,
        )
        return None
    counts = _text(item.get("counts"), "documents.counts", src, sink)
    doc = parse_document(name, counts)
    doc.source = src
    doc.code = _text(item.get("code"), "documents.code", src, sink)
    for key in ("originals", "copies"):
        if item.get(key) is not None:
            setattr(doc, key, _int(item.get(key), f"documents.{key}", src, sink))
    kinds_value = item.get("copy_kind")
    if kinds_value is not None:
        kinds = []
        for text in _text_list(kinds_value, "documents.copy_kind", src, sink):
            for part in re.split(r"\s*[,;|]\s*", text):
                kind = parse_copy_kind(part)
                if kind is None:
                    _unknown_value(sink, "copy_kind", part, src)
                elif kind not in kinds:
                    kinds.append(kind)
        doc.copy_kinds = kinds
        doc.copy_kind = kinds[0] if kinds else None
    if item.get("form") is not None:
        doc.form = _text(item.get("form"), "documents.form", src, sink)
    if item.get("note") is not None:
        doc.note = _text(item.get("note"), "documents.note", src, sink)
    raw = _text(item.get("raw"), "documents.raw", src, sink)
    if raw is not None:
        doc.raw = raw
    if item.get("group") is not None:
        doc.group = _text(item.get("group"), "documents.group", src, sink)
    return doc


def fill(p: Procedure, f: Field, value: Any, src: SourceRef, sink: IssueSink) -> None:
    p.documents = _documents(value, src, sink)
