"""Configuration: `tthc.yaml` in the working folder, or `[tool.tthc]` in `pyproject.toml`.

The whole file is validated when it loads, as yamllint does: every key is known (else the
nearest valid name is offered), every value has its type — booleans are true/false (never
"maybe", and a quoted "false" is false), numbers are read with the one Vietnamese rule of
`tthc.text.read_number` (`hourly-rate: 40.000` is forty thousand, as on the command line),
amounts are positive — and anything else is one `ConfigError` line with the file, the line
where YAML gives one, the key and the reason. Defaults fill what is absent.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from tthc.errors import TthcError
from tthc.i18n import Lang, T, tr
from tthc.load.limits import KEYS as LIMIT_KEYS
from tthc.load.limits import Limits
from tthc.text import NumberError, nearest, read_number

FAIL_ON = ("error", "warning", "info", "never")
_TOP_KEYS = (
    "select",
    "ignore",
    "fail-on",
    "rules",
    "knowledge",
    "include-unconfirmed",
    "hourly-rate",
    "cost",
    "limits",
)
_MAX_BYTES = 1 << 20  # a config is a few lines; a megabyte is a mistake (or an attack)
_TRUE = ("true", "yes", "on")
_FALSE = ("false", "no", "off")
_YAML_TAGS = ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")


class ConfigError(TthcError):
    pass


@dataclass
class Config:
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "error"
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    severities: dict[str, str] = field(default_factory=dict)
    knowledge_files: list[Path] = field(default_factory=list)
    include_unconfirmed: bool = False
    cost: dict[str, Any] = field(default_factory=dict)  # hourly-rate, mode, time table (see tthc/plan/cost.py)
    limits: Limits = field(default_factory=Limits)  # size bounds of office files (tthc/load/limits.py)
    path: Path | None = None


@dataclass(frozen=True)
class Scalar:
    """A value as written: its text, what YAML/TOML made of it, and where it is."""

    text: str
    value: Any  # bool, int, str, None (floats stay text: "40.000" must not become 40.0)
    line: int | None = None  # 1-based, YAML only
    column: int | None = None


def find_config(start: Path | None = None) -> Path | None:
    folder = start or Path.cwd()
    for name in ("tthc.yaml", "tthc.yml"):
        if (folder / name).is_file():
            return folder / name
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file() and _mentions_tthc(pyproject):
        return pyproject
    return None


def _mentions_tthc(pyproject: Path) -> bool:
    """Whether pyproject.toml has a tool.tthc entry (or is unreadable and seems to mean one)."""
    import tomllib

    try:
        data = pyproject.read_bytes()
    except OSError:
        return False
    if b"tthc" not in data:
        return False
    try:
        doc = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return b"[tool.tthc" in data or b"tool.tthc" in data  # broken: report it rather than ignore it
    tool = doc.get("tool")
    return isinstance(tool, dict) and "tthc" in tool


def load_config(path: Path | None = None, *, search: bool = True) -> Config:
    """The configuration at `path`, or the one found in the working folder, or the defaults."""
    if path is None and search:
        path = find_config()
    if path is None:
        return Config()
    if not path.is_file():
        raise ConfigError(T(f"{path}: không tìm thấy tệp cấu hình", f"{path}: config file not found"))
    return parse_config(_read(path), path)


def _read(path: Path) -> Any:
    try:
        if path.stat().st_size > _MAX_BYTES:
            raise ConfigError(
                T(
                    f"{path}: tệp cấu hình lớn hơn 1 MB; đây có đúng là cấu hình tthc?",
                    f"{path}: the config file is over 1 MB; is it really a tthc config?",
                )
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ConfigError(
            T(
                f"{path}:{line}: không phải UTF-8 (byte 0x{data[exc.start]:02x}); lưu lại tệp với mã UTF-8",
                f"{path}:{line}: not UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
            )
        ) from None
    if "\x00" in text:
        raise ConfigError(T(f"{path}: tệp nhị phân, không phải cấu hình", f"{path}: a binary file, not a config"))
    if path.suffix.lower() == ".toml":
        return _read_toml(text, path)
    return _read_yaml(text, path)


def _read_toml(text: str, path: Path) -> Any:
    import tomllib

    try:
        doc = tomllib.loads(text, parse_float=str)  # the float's text, read below with the Vietnamese rule
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(T(f"{path}: lỗi cú pháp TOML: {exc}", f"{path}: TOML syntax error: {exc}")) from None
    except RecursionError:
        raise ConfigError(T(f"{path}: lồng nhau quá sâu", f"{path}: nested too deeply")) from None
    tool = doc.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(T(f"{path}: 'tool' phải là một bảng", f"{path}: 'tool' must be a table"))
    section = tool.get("tthc", {})
    if not isinstance(section, dict):
        raise ConfigError(
            T(
                f"{path}: [tool.tthc] phải là một bảng khóa–giá trị, gặp {_shown(section, 'vi')}",
                f"{path}: [tool.tthc] must be a table of keys and values, got {_shown(section, 'en')}",
            )
        )
    return _from_toml(section)


def _from_toml(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _from_toml(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_from_toml(v) for v in value]
    if isinstance(value, bool | int | str):
        return Scalar(str(value).lower() if isinstance(value, bool) else str(value), value)
    return Scalar(str(value), str(value))  # dates and times: text


def _read_yaml(text: str, path: Path) -> Any:
    import yaml

    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        problem = getattr(exc, "problem", exc)
        raise ConfigError(
            T(f"{where}: lỗi cú pháp YAML: {problem}", f"{where}: YAML syntax error: {problem}")
        ) from None
    except RecursionError:
        raise ConfigError(T(f"{path}: lồng nhau quá sâu", f"{path}: nested too deeply")) from None
    if node is None:
        return {}
    try:
        tree = _from_yaml(node, path, 0)
    except RecursionError:
        raise ConfigError(T(f"{path}: lồng nhau quá sâu", f"{path}: nested too deeply")) from None
    if not isinstance(tree, dict):
        raise ConfigError(
            T(
                f"{path}: cấu hình phải là một bảng khóa–giá trị, gặp {_shown(tree, 'vi')}",
                f"{path}: config must be a mapping of keys to values, got {_shown(tree, 'en')}",
            )
        )
    return tree


def _from_yaml(node: Any, path: Path, depth: int, seen: set[int] | None = None) -> Any:
    """Mappings, lists and `Scalar`s; an alias is refused (a config needs none, and they can explode)."""
    import yaml

    seen = set() if seen is None else seen
    where = f"{path}:{node.start_mark.line + 1}:{node.start_mark.column + 1}"
    if depth > 20:
        raise ConfigError(T(f"{where}: lồng nhau quá sâu", f"{where}: nested too deeply"))
    if id(node) in seen:
        raise ConfigError(
            T(f"{where}: cấu hình không dùng bí danh YAML (*…)", f"{where}: aliases (*…) are not used in a config")
        )
    seen.add(id(node))
    if not node.tag.startswith("tag:yaml.org,2002:") or node.tag.rsplit(":", 1)[-1] not in _YAML_TAGS:
        raise ConfigError(
            T(f"{where}: thẻ YAML '{node.tag}' không dùng được", f"{where}: YAML tag '{node.tag}' not allowed")
        )
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _from_yaml(key_node, path, depth + 1, seen)
            name = key.text if isinstance(key, Scalar) else None
            kwhere = f"{path}:{key_node.start_mark.line + 1}:{key_node.start_mark.column + 1}"
            if name is None:
                raise ConfigError(T(f"{kwhere}: khóa phải là tên", f"{kwhere}: a key must be a name"))
            if name in out:
                raise ConfigError(T(f"{kwhere}: khóa '{name}' lặp lại", f"{kwhere}: duplicate key '{name}'"))
            out[name] = _from_yaml(value_node, path, depth + 1, seen)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_from_yaml(v, path, depth + 1, seen) for v in node.value]
    tag = node.tag.rsplit(":", 1)[-1]
    text = node.value
    value: Any = text
    if node.style is None:  # plain: YAML's own reading, except floats (kept as written)
        if tag == "null":
            value = None
        elif tag == "bool":
            value = text.lower() in ("true", "yes", "on", "y")
        elif tag == "int":
            try:
                value = int(text.replace("_", ""))
            except ValueError:
                value = text
    return Scalar(text, value, node.start_mark.line + 1, node.start_mark.column + 1)


# -- validation -------------------------------------------------------------------------------


class _Check:
    """Turns raw values into typed ones; every failure is one line naming the key."""

    def __init__(self, path: Path | None) -> None:
        self.name = str(path) if path else "config"

    def where(self, value: Any, key: str) -> str:
        if isinstance(value, Scalar) and value.line:
            return f"{self.name}:{value.line}:{value.column}: {key}"
        return f"{self.name}: {key}"

    def fail(self, value: Any, key: str, vi: str, en: str) -> ConfigError:
        where = self.where(value, key)
        return ConfigError(T(f"{where}: {vi}", f"{where}: {en}"))

    def keys(self, data: Mapping[str, Any], valid: tuple[str, ...], prefix: str) -> None:
        for key in data:
            if key not in valid:
                hint = nearest(key, valid)
                raise ConfigError(
                    T(
                        f"{self.name}: khóa cấu hình không xác định '{prefix}{key}'"
                        + (f"; có phải '{prefix}{hint}'?" if hint else f"; các khóa: {', '.join(valid)}"),
                        f"{self.name}: unknown config key '{prefix}{key}'"
                        + (f"; did you mean '{prefix}{hint}'?" if hint else f"; keys: {', '.join(valid)}"),
                    )
                )

    def mapping(self, value: Any, key: str) -> dict[str, Any]:
        if _absent(value):
            return {}
        if not isinstance(value, dict):
            raise self.fail(
                value,
                key,
                f"cần một bảng khóa–giá trị, gặp {_shown(value, 'vi')}",
                f"expected a mapping, got {_shown(value, 'en')}",
            )
        return value

    def text(self, value: Any, key: str) -> str:
        if not isinstance(value, Scalar) or isinstance(value.value, bool) or value.value is None:
            raise self.fail(
                value, key, f"cần một chuỗi, gặp {_shown(value, 'vi')}", f"expected text, got {_shown(value, 'en')}"
            )
        return value.text

    def strings(self, value: Any, key: str) -> list[str]:
        if _absent(value):
            return []
        if isinstance(value, Scalar):
            return [v.strip() for v in self.text(value, key).split(",") if v.strip()]
        if isinstance(value, list):
            return [self.text(v, f"{key}[{i}]") for i, v in enumerate(value)]
        raise self.fail(value, key, "cần danh sách văn bản", "expected a list of strings")

    def boolean(self, value: Any, key: str) -> bool:
        if isinstance(value, Scalar):
            if isinstance(value.value, bool):
                return value.value
            word = value.text.strip().lower()
            if word in _TRUE:
                return True
            if word in _FALSE:
                return False
        raise self.fail(
            value,
            key,
            f"cần true hoặc false, gặp {_shown(value, 'vi')}",
            f"expected true or false, got {_shown(value, 'en')}",
        )

    def choice(self, value: Any, key: str, choices: tuple[str, ...]) -> str:
        word = self.text(value, key)
        if word not in choices:
            raise self.fail(
                value,
                key,
                f"phải là một trong {', '.join(choices)}, gặp '{word}'",
                f"must be one of {', '.join(choices)}, got '{word}'",
            )
        return word

    def number(self, value: Any, key: str, *, positive: bool = False, whole: bool = False) -> Decimal:
        if not isinstance(value, Scalar) or isinstance(value.value, bool) or value.value is None:
            raise self.fail(
                value, key, f"cần một số, gặp {_shown(value, 'vi')}", f"expected a number, got {_shown(value, 'en')}"
            )
        try:
            amount = read_number(value.text)
        except NumberError as exc:
            raise self.fail(value, key, f"'{value.text}': {exc.vi}", f"'{value.text}': {exc.en}") from None
        if positive and amount <= 0:
            raise self.fail(
                value, key, f"cần một số dương, gặp '{value.text}'", f"expected a positive number, got '{value.text}'"
            )
        if amount < 0:
            raise self.fail(value, key, f"số âm '{value.text}'", f"negative number '{value.text}'")
        if whole and amount != amount.to_integral_value():
            raise self.fail(
                value, key, f"cần một số nguyên, gặp '{value.text}'", f"expected a whole number, got '{value.text}'"
            )
        return amount


def parse_config(data: Any, path: Path | None = None) -> Config:
    """Validate a whole configuration (raw values: `Scalar`s, dicts, lists; plain Python values are wrapped)."""
    check = _Check(path)
    data = _wrap(data)
    if not isinstance(data, dict):
        raise ConfigError(
            T(f"{check.name}: cấu hình phải là một bảng khóa–giá trị", f"{check.name}: config must be a mapping")
        )
    check.keys(data, _TOP_KEYS, "")
    config = Config(path=path)
    config.select = check.strings(data.get("select"), "select")
    config.ignore = check.strings(data.get("ignore"), "ignore")
    if not _absent(data.get("fail-on")):
        config.fail_on = check.choice(data["fail-on"], "fail-on", FAIL_ON)
    base = path.parent if path else Path.cwd()
    config.knowledge_files = [base / p for p in check.strings(data.get("knowledge"), "knowledge")]
    if not _absent(data.get("include-unconfirmed")):
        config.include_unconfirmed = check.boolean(data["include-unconfirmed"], "include-unconfirmed")
    config.cost = _cost(check, data)
    limits = check.mapping(data.get("limits"), "limits")
    check.keys(limits, tuple(LIMIT_KEYS), "limits.")
    config.limits = Limits(
        **{
            LIMIT_KEYS[k]: int(check.number(v, f"limits.{k}", positive=True, whole=True))
            for k, v in limits.items()
            if not _absent(v)
        }
    )
    rules = check.mapping(data.get("rules"), "rules")
    for rule_id, options in rules.items():
        _rule(check, config, rule_id, options)
    return config


def _wrap(value: Any) -> Any:
    """Plain Python values (tests, callers) in the raw form the checks read."""
    if isinstance(value, Scalar):
        return value
    if isinstance(value, dict):
        return {str(k): _wrap(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_wrap(v) for v in value]
    if value is None:
        return None
    if isinstance(value, bool):
        return Scalar(str(value).lower(), value)
    if isinstance(value, int | str):
        return Scalar(str(value), value)
    return Scalar(str(value), str(value))


def _cost(check: _Check, data: Mapping[str, Any]) -> dict[str, Any]:
    from tthc.plan.cost import _CONFIG_KEYS, ACTIVITIES, MODES  # the cost model's own names

    out: dict[str, Any] = {}
    if not _absent(data.get("hourly-rate")):
        out["hourly-rate"] = check.number(data["hourly-rate"], "hourly-rate", positive=True)
    section = check.mapping(data.get("cost"), "cost")
    check.keys(section, tuple(_CONFIG_KEYS), "cost.")
    readers: dict[str, Callable[[Any, str], Any]] = {
        "mode": lambda v, k: check.choice(v, k, tuple(MODES)),
        "hourly-rate": lambda v, k: check.number(v, k, positive=True),
        "hours-per-day": lambda v, k: _hours_per_day(check, v, k),
        "usd-rate": lambda v, k: check.number(v, k, positive=True),
    }
    for key, value in section.items():
        if _absent(value):
            continue
        name = f"cost.{key}"
        if key in ("scm-hours", "out-of-pocket"):
            table = check.mapping(value, name)
            check.keys(table, tuple(ACTIVITIES), f"{name}.")
            out[key] = {str(a): check.number(v, f"{name}.{a}") for a, v in table.items()}
        else:
            out[key] = readers[key](value, name)
    return out


def _hours_per_day(check: _Check, value: Any, key: str) -> Decimal:
    hours = check.number(value, key, positive=True)
    if hours > 24:
        raise check.fail(
            value, key, f"một ngày có 24 giờ, gặp '{value.text}'", f"a day has 24 hours, got '{value.text}'"
        )
    return hours


def _rule(check: _Check, config: Config, rule_id: str, options: Any) -> None:
    from tthc.rules import RULES_BY_NAME, find_rule

    rule = find_rule(str(rule_id))
    if rule is None:
        hint = nearest(str(rule_id), list(RULES_BY_NAME))
        raise ConfigError(
            T(
                f"{check.name}: không có quy tắc '{rule_id}'" + (f"; có phải '{hint}'?" if hint else ""),
                f"{check.name}: no rule '{rule_id}'" + (f"; did you mean '{hint}'?" if hint else ""),
            )
        )
    table = dict(check.mapping(options, f"rules.{rule_id}"))
    severity = table.pop("severity", None)
    if not _absent(severity):
        config.severities[rule.name] = check.choice(
            severity, f"rules.{rule.name}.severity", ("error", "warning", "info")
        )
    resolved: dict[str, Any] = {}
    for name, value in table.items():
        try:
            option = rule.option(str(name))
        except KeyError:
            valid = [o.name for o in rule.options] + ["severity"]
            hint = nearest(str(name), valid)
            raise ConfigError(
                T(
                    f"{check.name}: quy tắc {rule.name} không có tùy chọn '{name}'"
                    + (f"; có phải '{hint}'?" if hint else f"; các tùy chọn: {', '.join(valid)}"),
                    f"{check.name}: rule {rule.name} has no option '{name}'"
                    + (f"; did you mean '{hint}'?" if hint else f"; options: {', '.join(valid)}"),
                )
            ) from None
        key = f"rules.{rule.name}.{option.name}"
        if option.type is bool:
            typed: Any = check.boolean(value, key)
        elif option.type is int:
            typed = int(check.number(value, key, whole=True))
        elif option.type is float:
            typed = float(check.number(value, key))
        elif option.type is list:
            typed = check.strings(value, key)
        else:
            typed = check.text(value, key)
        try:
            resolved[option.name] = option.coerce(typed)
        except ValueError as exc:
            raise check.fail(value, key, f"cần {exc}", f"expected {exc}") from None
    config.rule_options[rule.name] = resolved


def _absent(value: Any) -> bool:
    """Not written, or written empty (`key:`): the default applies."""
    return value is None or (isinstance(value, Scalar) and value.value is None)


def _shown(value: Any, lang: Lang) -> str:
    if isinstance(value, Scalar):
        return tr(lang, "giá trị rỗng", "an empty value") if value.value is None else f"'{value.text}'"
    if isinstance(value, dict):
        return tr(lang, "một bảng", "a mapping")
    if isinstance(value, list):
        return tr(lang, "một danh sách", "a list")
    return f"'{value}'"
