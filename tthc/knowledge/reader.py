"""Reading one knowledge file into raw entries, every value checked at its own line."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tthc.i18n import T
from tthc.knowledge.errors import KnowledgeError
from tthc.knowledge.schema import SECTIONS, Section, fail, is_null, read_text, unknown_key
from tthc.text import doc_number_key, match_key

FORMAT_VERSION = "1"
_VERSION_KEY = "tthc_knowledge"

try:  # libyaml's C loader is much faster; it only composes nodes here, never objects
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader


@dataclass
class RawEntry:
    """One entry as a file gives it. A value of None means "remove this field"."""

    section: str
    identity: str  # how overrides find it: doc_number_key(number), or the id
    values: dict[str, Any]
    file: str
    line: int
    lines: dict[str, int] = field(default_factory=dict)

    @property
    def origin(self) -> str:
        return f"{self.file}:{self.line}"


def read_file(path: Path, label: str | None = None) -> list[RawEntry]:
    """The entries of one knowledge file. ``label`` names it in messages (default: the path)."""
    file = label or str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise KnowledgeError(
            T(f"không đọc được tệp: {exc.strerror}", f"cannot read the file: {exc.strerror}"), file
        ) from None
    except UnicodeDecodeError as exc:
        raise KnowledgeError(
            T(f"tệp không phải UTF-8 (byte {exc.start})", f"the file is not UTF-8 (byte {exc.start})"), file
        ) from None
    return read_text_data(text, file)


def read_text_data(text: str, file: str) -> list[RawEntry]:
    fast = _read_one_line_entries(text, file)
    if fast is not None:
        return fast
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "?"
        raise KnowledgeError(
            T(f"lỗi cú pháp YAML: {problem}", f"YAML syntax error: {problem}"), file, mark.line + 1 if mark else None
        ) from None
    except yaml.YAMLError as exc:
        raise KnowledgeError(T(f"lỗi YAML: {exc}", f"YAML error: {exc}"), file) from None
    if root is None:
        return []
    if not isinstance(root, yaml.MappingNode):
        raise fail(
            root,
            file,
            f"tệp tri thức phải là một bảng với các mục: {', '.join(SECTIONS)}",
            f"a knowledge file must be a mapping with the sections: {', '.join(SECTIONS)}",
        )
    entries: list[RawEntry] = []
    for key_node, value_node in root.value:
        name = read_text(key_node, file)
        if name == _VERSION_KEY:
            if read_text(value_node, file) != FORMAT_VERSION:
                raise fail(
                    value_node,
                    file,
                    "phiên bản không được hỗ trợ; dùng 'tthc_knowledge: 1'",
                    "unsupported version; use 'tthc_knowledge: 1'",
                )
            continue
        if name not in SECTIONS:
            raise unknown_key(key_node, file, name, (_VERSION_KEY, *SECTIONS))
        if is_null(value_node):
            continue
        if not isinstance(value_node, yaml.SequenceNode):
            raise fail(value_node, file, f"'{name}' phải là một danh sách", f"'{name}' must be a list")
        entries.extend(_entry(name, SECTIONS[name], item, file) for item in value_node.value)
    _no_duplicates(entries)
    return entries


# The layout `tthc knowledge import` writes: comments, the version, one section, then one JSON
# object per line ("- {...}"), which is YAML too. Composing 15,000 entries node by node takes
# ~10 s; read this way they take well under a second. Anything else goes through YAML.
_ONE_LINE_HEAD = re.compile(r"(?:#[^\n]*\n|\s*\n)*tthc_knowledge: 1\n(legal_documents):\n")
_STR = "tag:yaml.org,2002:str"


def _read_one_line_entries(text: str, file: str) -> list[RawEntry] | None:
    head = _ONE_LINE_HEAD.match(text)
    if head is None:
        return None
    lines = text[head.end() :].split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not all(line.startswith("- {") and line.endswith("}") for line in lines):
        return None
    first_line = text.count("\n", 0, head.end())  # 0-based line of the first entry
    name = head.group(1)
    section = SECTIONS[name]
    entries = []
    for i, line in enumerate(lines):
        try:
            values = json.loads(line[2:])
        except json.JSONDecodeError:
            return None  # not JSON after all: let YAML read it (and report it)
        if not isinstance(values, dict) or not all(isinstance(v, str | int | bool) for v in values.values()):
            return None
        mark = yaml.Mark(file, 0, first_line + i, 2, None, 0)  # no buffer: no snippet, the pointer is unused
        node = yaml.MappingNode(
            "tag:yaml.org,2002:map",
            [
                (yaml.ScalarNode(_STR, str(k), mark, mark), yaml.ScalarNode(_STR, _scalar_text(v), mark, mark))
                for k, v in values.items()
            ],
            mark,
            mark,
        )
        entries.append(_entry(name, section, node, file))
    _no_duplicates(entries)
    return entries


def _scalar_text(value: str | int | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _entry(name: str, section: Section, node: yaml.Node, file: str) -> RawEntry:
    if not isinstance(node, yaml.MappingNode):
        raise fail(node, file, "mỗi mục phải là một bảng khóa–giá trị", "each entry must be a mapping")
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = read_text(key_node, file)
        if key not in section.fields:
            raise unknown_key(key_node, file, key, tuple(section.fields))
        if key in values:
            raise fail(key_node, file, f"khóa '{key}' bị lặp", f"duplicate key '{key}'")
        values[key] = None if is_null(value_node) else section.fields[key](value_node, file)
        lines[key] = value_node.start_mark.line + 1
    line = node.start_mark.line + 1
    if not values.get("source"):
        raise KnowledgeError(
            T(
                "mục thiếu 'source' (căn cứ: văn bản, điều khoản hoặc nơi lấy thông tin)",
                "the entry lacks 'source' (its citation: the document, article, or where the fact comes from)",
            ),
            file,
            line,
        )
    dates = values.get("unconfirmed_dates") or ()
    for date_field in dates:
        if date_field not in section.date_fields:
            raise KnowledgeError(
                T(
                    f"'unconfirmed_dates' nêu '{date_field}' không phải trường ngày; dùng: {', '.join(section.date_fields)}",
                    f"'unconfirmed_dates' names '{date_field}', not a date field; use: {', '.join(section.date_fields)}",
                ),
                file,
                lines.get("unconfirmed_dates", line),
            )
    identity = _identity(name, section, values)
    if identity is None:
        raise KnowledgeError(
            T(
                f"mục thiếu khóa định danh: {' hoặc '.join(section.keys)}",
                f"the entry lacks its key: {' or '.join(section.keys)}",
            ),
            file,
            line,
        )
    return RawEntry(name, identity, values, file, line, lines)


def _identity(name: str, section: Section, values: dict[str, Any]) -> str | None:
    for key in section.keys:
        value = values.get(key)
        if not value:
            continue
        if (name, key) != ("legal_documents", "number"):
            return value
        number = doc_number_key(value)
        if not _YEAR_IN_NUMBER.search(number):  # "66/NQ-CP" recurs yearly: the year is part of the key
            year = values.get("year") or (values["issued"].year if values.get("issued") else None)
            return f"{number}@{year}" if year else number
        return number
    return None


_YEAR_IN_NUMBER = re.compile(r"/(?:19|20)\d\d(?:/|$)")


def _no_duplicates(entries: list[RawEntry]) -> None:
    """One entry per key in a file; documents sharing a number are told apart by kind, issuer, issue date."""
    seen: dict[tuple[str, str], list[RawEntry]] = {}
    for entry in entries:
        same = seen.setdefault((entry.section, entry.identity), [])
        if entry.section == "legal_documents":
            mine = discriminator(entry.values)
            first = next((e for e in same if compatible(discriminator(e.values), mine)), None)
        else:
            first = same[0] if same else None
        same.append(entry)
        if first is not None:
            raise KnowledgeError(
                T(
                    f"mục '{entry.identity}' đã có ở dòng {first.line}; gộp hai mục làm một",
                    f"entry '{entry.identity}' already appears at line {first.line}; merge the two",
                ),
                entry.file,
                entry.line,
            )


def discriminator(values: dict[str, Any]) -> tuple[Any, Any, Any]:
    issuer = values.get("issuer")
    return (values.get("kind"), match_key(issuer) if issuer else None, values.get("issued"))


def compatible(a: tuple, b: tuple) -> bool:
    return all(x is None or y is None or x == y for x, y in zip(a, b, strict=True))
