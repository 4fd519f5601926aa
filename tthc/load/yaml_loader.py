"""YAML catalogs (``tthc_catalog: 1``).

The file is composed into nodes with libyaml's C parser when present, then walked here:
every scalar stays text (so ``code: 2.001000`` is never the float 2.001), every value
keeps its line and column, and tags other than the plain YAML ones are refused, so no
file can construct a Python object. Aliases are allowed but their expansion is bounded
(an "alias bomb" is an error, not a hang).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tthc.i18n import T
from tthc.load.base import IssueSink, LoadError, LoadIssue, LoadResult
from tthc.load.build import build_catalog
from tthc.load.record import CATALOG_FIELDS, PROCEDURE_FIELDS, RawRecord
from tthc.model import SourceRef
from tthc.text import nearest

FORMAT_VERSION = 1
_MAX_EXPANDED_NODES = 200_000  # nodes reached through aliases before we call it a bomb
_PLAIN_TAGS = frozenset(
    "tag:yaml.org,2002:" + t for t in ("str", "map", "seq", "int", "float", "bool", "null", "timestamp")
)
_DEFAULT_TAGS = {
    yaml.ScalarNode: "tag:yaml.org,2002:str",
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
    yaml.MappingNode: "tag:yaml.org,2002:map",
}
_TOP_KEYS = ("tthc_catalog", "catalog", "procedures", "conflicts")


class _Sourced:
    source: SourceRef


class SStr(str, _Sourced):
    """A YAML string that remembers where it was written."""

    __slots__ = ("source",)


class SList(list, _Sourced):
    __slots__ = ("source",)


class SDict(dict, _Sourced):
    __slots__ = ("source",)


try:  # libyaml's C parser and composer: ~10x faster than the pure-Python ones
    from yaml.cyaml import CParser as _Parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser):  # type: ignore[no-redef]
        def __init__(self, stream):
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)


class _Composer(_Parser, yaml.composer.Composer, yaml.resolver.BaseResolver):  # type: ignore[misc,valid-type]
    """Parser + composer with no implicit typing: plain scalars resolve to str."""

    def __init__(self, stream):
        _Parser.__init__(self, stream)
        yaml.composer.Composer.__init__(self)
        yaml.resolver.BaseResolver.__init__(self)

    def resolve(self, kind, value, implicit):  # every untagged node is plain text, a list or a mapping
        return _DEFAULT_TAGS[kind]


def load_yaml(path: Path) -> LoadResult:
    file = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(
            T(f"không đọc được tệp: {exc.strerror}", f"cannot read the file: {exc.strerror}"), file
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(
            T(
                f"tệp không phải UTF-8 (byte {exc.start}); lưu lại tệp với mã hóa UTF-8",
                f"the file is not UTF-8 (byte {exc.start}); save it again as UTF-8",
            ),
            file,
        ) from None
    root = _compose(text, file)
    tree = _Walker(file).walk(root) if root is not None else None
    return _to_catalog(tree, file)


def _compose(text: str, file: str) -> yaml.Node | None:
    loader = _Composer(text)
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "lỗi cú pháp"
        if exc.context_mark and "end of stream" in problem:
            # an unclosed quote or bracket: where it was opened helps more than the end of the file
            mark = exc.context_mark
            problem = f"{exc.context}: {problem}"
        where = SourceRef(file, line=mark.line + 1, column=mark.column + 1) if mark else SourceRef(file)
        raise LoadError(
            T(f"lỗi cú pháp YAML: {problem}", f"YAML syntax error: {problem}"),
            where,
        ) from None
    except yaml.YAMLError as exc:
        raise LoadError(T(f"lỗi YAML: {exc}", f"YAML error: {exc}"), file) from None
    finally:
        loader.dispose()


class _Walker:
    """Turns nodes into SStr/SList/SDict, checking tags and bounding alias expansion."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.seen: set[int] = set()
        self.expanded = 0

    def where(self, node: yaml.Node) -> SourceRef:
        mark = node.start_mark
        return SourceRef(self.file, line=mark.line + 1, column=mark.column + 1)

    def walk(self, node: yaml.Node) -> Any:
        if id(node) in self.seen:  # reached again through an alias
            self.expanded += 1
            if self.expanded > _MAX_EXPANDED_NODES:
                raise LoadError(
                    T(
                        "quá nhiều tham chiếu bí danh (alias) lồng nhau — tệp có thể là 'bom alias'; "
                        "viết các giá trị ra thay vì dùng alias",
                        "too many nested alias references (an 'alias bomb'?); write the values out instead",
                    ),
                    self.where(node),
                )
        else:
            self.seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            raise LoadError(
                T(
                    f"thẻ YAML không được phép '{node.tag}'; chỉ dùng văn bản, danh sách và bảng",
                    f"YAML tag not allowed '{node.tag}'; use plain text, lists and mappings only",
                ),
                self.where(node),
            )
        if isinstance(node, yaml.ScalarNode):
            if not node.style and node.value in ("", "~", "null", "Null", "NULL"):  # plain (libyaml says '')
                return None
            value = SStr(node.value)
            value.source = self.where(node)
            return value
        if isinstance(node, yaml.SequenceNode):
            items = SList(self.walk(child) for child in node.value)
            items.source = self.where(node)
            return items
        mapping = SDict()
        mapping.source = self.where(node)
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise LoadError(T("khóa phải là văn bản", "keys must be text"), self.where(key_node))
            key = key_node.value
            if key == "<<":
                raise LoadError(
                    T("không hỗ trợ khóa gộp '<<'", "merge keys '<<' are not supported"),
                    self.where(key_node),
                )
            if key in mapping:
                raise LoadError(T(f"khóa '{key}' bị lặp", f"duplicate key '{key}'"), self.where(key_node))
            mapping[key] = self.walk(value_node)
        return mapping


def _to_catalog(tree: Any, file: str) -> LoadResult:
    sink = IssueSink()
    top = SourceRef(file, line=1, column=1)
    if not isinstance(tree, dict):
        raise LoadError(
            T(
                "tệp YAML không phải danh mục tthc: cần các khóa 'tthc_catalog: 1', 'catalog:' và 'procedures:'",
                "the YAML file is not a tthc catalog: expected 'tthc_catalog: 1', 'catalog:' and 'procedures:'",
            ),
            getattr(tree, "source", top),
        )
    version = tree.get("tthc_catalog")
    if version is None:
        raise LoadError(
            T(
                "thiếu dòng 'tthc_catalog: 1' ở đầu tệp (phiên bản định dạng)",
                "missing 'tthc_catalog: 1' at the top of the file (format version)",
            ),
            top,
        )
    if str(version).strip() != str(FORMAT_VERSION):
        raise LoadError(
            T(
                f"phiên bản định dạng '{version}' không được hỗ trợ; phiên bản này của tthc đọc 'tthc_catalog: 1'",
                f"format version '{version}' is not supported; this tthc reads 'tthc_catalog: 1'",
            ),
            version.source,
        )
    for key in tree:
        if key not in _TOP_KEYS:
            _unknown_key(sink, key, _TOP_KEYS, tree[key], getattr(tree, "source", top))
    meta = tree.get("catalog") or {}
    if not isinstance(meta, dict):
        raise LoadError(T("'catalog' phải là một bảng khóa–giá trị", "'catalog' must be a mapping"), meta.source)
    for key in meta:
        if key not in CATALOG_FIELDS:
            _unknown_key(sink, key, CATALOG_FIELDS, meta[key], getattr(meta, "source", top))
    meta = dict(meta)  # plain nulls are already None (the walker); a quoted 'null' is text
    if tree.get("conflicts") is not None:
        meta["conflicts"] = tree["conflicts"]
    procedures = tree.get("procedures")
    if procedures is None:
        procedures = []
    if not isinstance(procedures, list):
        raise LoadError(
            T("'procedures' phải là một danh sách thủ tục", "'procedures' must be a list of procedures"),
            procedures.source,
        )
    records = []
    for item in procedures:
        if not isinstance(item, SDict):  # every mapping the walker makes is an SDict
            where = getattr(item, "source", getattr(procedures, "source", top))
            sink.error(
                "wrong-type",
                T(
                    "mỗi thủ tục phải là một bảng khóa–giá trị (name:, code:, …)",
                    "each procedure must be a mapping (name:, code:, …)",
                ),
                where,
            )
            continue
        records.append(_record(item, sink))
    return build_catalog(meta, records, source_file=file, layout="yaml", sink=sink, consume=True)


def _record(item: SDict, sink: IssueSink) -> RawRecord:
    record = RawRecord(source=item.source)
    extra: dict[str, Any] = {}
    for key, value in item.items():
        if value is None:
            continue
        if key in PROCEDURE_FIELDS:
            record.set(key, value, getattr(value, "source", item.source))
        else:
            _unknown_key(sink, key, PROCEDURE_FIELDS, value, item.source)
            extra[key] = value
    if extra:
        merged = dict(record.values.get("extra") or {})
        merged.update(extra)  # lists and mappings too: build turns them into lines of text
        record.values["extra"] = merged
    return record


def _unknown_key(sink: IssueSink, key: str, valid: tuple[str, ...], value: Any, parent: SourceRef) -> None:
    suggestion = nearest(key, valid)
    hint_vi = f"; có phải ý bạn là '{suggestion}'?" if suggestion else ""
    hint_en = f"; did you mean '{suggestion}'?" if suggestion else ""
    where = getattr(value, "source", parent)
    where = SourceRef(where.file, line=where.line, column=1) if where.line else where
    sink.add(
        LoadIssue(
            "unknown-key",
            T(
                f"khóa không xác định '{key}' (giữ trong extra){hint_vi}",
                f"unknown key '{key}' (kept in extra){hint_en}",
            ),
            where,
        ),
        once=True,
    )
