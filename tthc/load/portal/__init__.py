"""The national portal's per-procedure records as JSON: a file, or a folder of them.

The schema is recognised from the content, with no configuration:

``crawled``     the detail page of dichvucong.gov.vn crawled to 22 text fields
                (``ma_thu_tuc``, ``cach_thuc_thuc_hien``…, :mod:`.crawled`);
``structured``  the per-procedure Word export parsed to ``metadata`` / ``content`` /
                ``tables`` with Vietnamese keys (:mod:`.structured`);
``mongo``       a 2021 MongoDB export of the portal: a JSON array of records keyed by the
                page's own headings ("Cách thức thực hiện"…, :mod:`.mongo`).

A file holds one record or a JSON array of records; a JSON document with
``tthc_catalog`` is a tthc catalog written as JSON and goes to the YAML loader. A folder
of record files is one catalog named after the folder. Every record goes through the
shared builder, so its values read exactly as from YAML or Excel.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from tthc.i18n import T
from tthc.load.base import IssueSink, LoadError, LoadResult
from tthc.load.portal.jsonfile import read_json
from tthc.load.record import RawRecord
from tthc.model import SourceRef
from tthc.text import nfc

LAYOUT = "portal_json"

__all__ = ["LAYOUT", "load_json", "load_json_folder", "read_records", "schema_of"]


def schema_of(data: Any) -> str | None:
    """ "crawled", "structured", "mongo", "tthc" for a record (a mapping), else None."""
    if not isinstance(data, Mapping):
        return None
    from tthc.load.portal.crawled import is_crawled
    from tthc.load.portal.mongo import is_mongo
    from tthc.load.portal.structured import is_structured

    if "tthc_catalog" in data:
        return "tthc"
    if is_crawled(data):
        return "crawled"
    if is_structured(data):
        return "structured"
    if is_mongo(data):
        return "mongo"
    return None


def load_json(path: Path) -> LoadResult:
    """One JSON file: a record, an array of records, or a tthc catalog written as JSON."""
    from tthc.load.build import build_catalog

    data = read_json(path)
    if isinstance(data, Mapping) and "tthc_catalog" in data:
        from tthc.load.yaml_loader import load_yaml

        return load_yaml(path)  # JSON is YAML: positions and checks of the YAML format
    sink = IssueSink()
    records = read_records(data, str(path), sink, strict=True)
    return build_catalog({"kind": "full"}, records, source_file=str(path), layout=LAYOUT, sink=sink)


def load_json_folder(folder: Path) -> LoadResult:
    """A folder of record files: one catalog named after the folder.

    A file that is not valid JSON is an error of the catalog (the other files still load);
    a JSON file that holds no procedure record is skipped with a warning."""
    from tthc.load.build import build_catalog

    sink = IssueSink()
    records: list[RawRecord] = []
    files = _record_files(folder)
    readable = 0
    for path in files:
        try:
            data = read_json(path)
        except LoadError as exc:
            sink.error("bad-json", exc.message, _ref(exc.source, path))
            continue
        found = read_records(data, str(path), sink, strict=False)
        readable += bool(found)
        records.extend(found)
    if files and not readable and not sink.errors:
        raise LoadError(
            T(
                "thư mục có tệp .json nhưng không tệp nào là bản ghi thủ tục hành chính "
                "(trang chi tiết của Cổng, bản ghi metadata/content/tables, hoặc mảng các bản ghi)",
                "the folder holds .json files but none is a procedure record "
                "(a portal detail page, a metadata/content/tables record, or an array of records)",
            ),
            str(folder),
        )
    meta = {"name": folder.resolve().name or str(folder), "kind": "full"}
    return build_catalog(meta, records, source_file=str(folder), layout=LAYOUT, sink=sink)


def _record_files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() == ".json" and p.is_file() and not p.name.startswith((".", "~$"))
    )


def _ref(source: SourceRef | str | None, path: Path) -> SourceRef:
    return source if isinstance(source, SourceRef) else SourceRef(str(path))


def read_records(data: Any, file: str, sink: IssueSink, *, strict: bool) -> list[RawRecord]:
    """The raw records of one parsed JSON document. ``strict``: a document that holds no
    record is a LoadError (a file named on its own), else a warning (a file in a folder)."""
    items = list(_items(data))
    records: list[RawRecord] = []
    for prefix, item in items:
        kind = schema_of(item)
        if kind in ("crawled", "structured", "mongo"):
            records.append(_READERS[kind](item, file, prefix, sink))
            continue
        where = SourceRef(file, field=prefix.rstrip(".") or None)
        if strict and len(items) == 1:
            raise LoadError(_not_a_record(item), where)
        sink.warn("not-a-record", _not_a_record(item) + T(" (bỏ qua)", " (skipped)"), where)
    if strict and not records:
        raise LoadError(
            T(
                "tệp JSON không có bản ghi thủ tục hành chính nào (mảng rỗng hoặc không phần tử nào là bản ghi)",
                "the JSON file holds no procedure record (an empty array, or no item is a record)",
            ),
            file,
        )
    return records


def _items(data: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(data, list):
        for i, item in enumerate(data):
            yield f"[{i}].", item
    else:
        yield "", data


def _not_a_record(item: Any) -> T:
    if isinstance(item, Mapping):
        keys = ", ".join(nfc(str(k)) for k in list(item)[:6])
        return T(
            f"không nhận ra bản ghi thủ tục hành chính (các khóa: {keys}); cần trang chi tiết của Cổng "
            "(ma_thu_tuc, ten_thu_tuc…), bản ghi metadata/content/tables, hoặc bản ghi có title và "
            "'Cách thức thực hiện'",
            f"not a procedure record (keys: {keys}); expected a portal detail page (ma_thu_tuc, "
            "ten_thu_tuc…), a metadata/content/tables record, or a record with title and 'Cách thức thực hiện'",
        )
    kind = type(item).__name__
    return T(
        f"không phải bản ghi thủ tục hành chính (gặp {kind}); cần một đối tượng JSON hoặc một mảng các đối tượng",
        f"not a procedure record (found {kind}); expected a JSON object or an array of objects",
    )


def _crawled(item: Any, file: str, prefix: str, sink: IssueSink) -> RawRecord:
    from tthc.load.portal.crawled import crawled_record

    return crawled_record(item, file, prefix, sink)


def _structured(item: Any, file: str, prefix: str, sink: IssueSink) -> RawRecord:
    from tthc.load.portal.structured import structured_record

    return structured_record(item, file, prefix, sink)


def _mongo(item: Any, file: str, prefix: str, sink: IssueSink) -> RawRecord:
    from tthc.load.portal.mongo import mongo_record

    return mongo_record(item, file, prefix, sink)


_READERS = {"crawled": _crawled, "structured": _structured, "mongo": _mongo}
