"""Configuration: `tthc.yaml` in the working folder, or `[tool.tthc]` in `pyproject.toml`.

Every name is checked when the file loads — an unknown rule or option is an error with
the nearest valid name, so a typo fails fast instead of silently doing nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tthc.i18n import tr
from tthc.text import nearest

FAIL_ON = ("error", "warning", "info", "never")
_TOP_KEYS = ("select", "ignore", "fail-on", "rules", "knowledge", "include-unconfirmed", "hourly-rate", "cost")


class ConfigError(Exception):
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
    cost: dict[str, Any] = field(default_factory=dict)  # hourly-rate, mode, time table (see tthc/cost.py)
    path: Path | None = None


def find_config(start: Path | None = None) -> Path | None:
    folder = start or Path.cwd()
    for name in ("tthc.yaml", "tthc.yml"):
        if (folder / name).is_file():
            return folder / name
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file() and "[tool.tthc]" in pyproject.read_text(encoding="utf-8", errors="replace"):
        return pyproject
    return None


def load_config(path: Path | None = None, *, search: bool = True) -> Config:
    """The configuration at `path`, or the one found in the working folder, or the defaults."""
    if path is None and search:
        path = find_config()
    if path is None:
        return Config()
    if not path.is_file():
        raise ConfigError(tr(f"{path}: không tìm thấy tệp cấu hình", f"{path}: config file not found"))
    data = _read(path)
    return parse_config(data, path)


def _read(path: Path) -> dict[str, Any]:
    if path.suffix == ".toml":
        import tomllib

        try:
            doc = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: {exc}") from None
        return doc.get("tool", {}).get("tthc", {}) or {}
    import yaml

    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise ConfigError(
            f"{where}: {tr('lỗi cú pháp YAML', 'YAML syntax error')}: {getattr(exc, 'problem', exc)}"
        ) from None
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise ConfigError(tr(f"{path}: cấu hình phải là một bảng khóa–giá trị", f"{path}: config must be a mapping"))
    return doc


def parse_config(data: dict[str, Any], path: Path | None = None) -> Config:
    from tthc.rules import RULES_BY_NAME, find_rule

    where = str(path) if path else "config"
    config = Config(path=path)
    for key in data:
        if key not in _TOP_KEYS:
            hint = nearest(key, _TOP_KEYS)
            raise ConfigError(
                tr(
                    f"{where}: khóa cấu hình không xác định '{key}'" + (f"; có phải '{hint}'?" if hint else ""),
                    f"{where}: unknown config key '{key}'" + (f"; did you mean '{hint}'?" if hint else ""),
                )
            )
    config.select = _str_list(data.get("select"), "select", where)
    config.ignore = _str_list(data.get("ignore"), "ignore", where)
    fail_on = str(data.get("fail-on", "error"))
    if fail_on not in FAIL_ON:
        raise ConfigError(
            tr(
                f"{where}: fail-on phải là một trong {', '.join(FAIL_ON)}",
                f"{where}: fail-on must be one of {', '.join(FAIL_ON)}",
            )
        )
    config.fail_on = fail_on
    base = path.parent if path else Path.cwd()
    config.knowledge_files = [base / p for p in _str_list(data.get("knowledge"), "knowledge", where)]
    config.include_unconfirmed = bool(data.get("include-unconfirmed", False))
    if "hourly-rate" in data:
        config.cost["hourly-rate"] = data["hourly-rate"]
    if isinstance(data.get("cost"), dict):
        config.cost.update(data["cost"])
    rules = data.get("rules") or {}
    if not isinstance(rules, dict):
        raise ConfigError(
            tr(
                f"{where}: 'rules' phải là bảng tên quy tắc → tùy chọn",
                f"{where}: 'rules' must map rule names to options",
            )
        )
    for rule_id, options in rules.items():
        rule = find_rule(str(rule_id))
        if rule is None:
            hint = nearest(str(rule_id), list(RULES_BY_NAME))
            raise ConfigError(
                tr(
                    f"{where}: không có quy tắc '{rule_id}'" + (f"; có phải '{hint}'?" if hint else ""),
                    f"{where}: no rule '{rule_id}'" + (f"; did you mean '{hint}'?" if hint else ""),
                )
            )
        options = dict(options or {})
        severity = options.pop("severity", None)
        if severity is not None:
            if severity not in ("error", "warning", "info"):
                raise ConfigError(
                    tr(
                        f"{where}: {rule.name}.severity phải là error, warning hoặc info",
                        f"{where}: {rule.name}.severity must be error, warning or info",
                    )
                )
            config.severities[rule.name] = severity
        resolved: dict[str, Any] = {}
        for name, value in options.items():
            try:
                option = rule.option(str(name))
            except KeyError:
                valid = [o.name for o in rule.options] + ["severity"]
                hint = nearest(str(name), valid)
                raise ConfigError(
                    tr(
                        f"{where}: quy tắc {rule.name} không có tùy chọn '{name}'"
                        + (f"; có phải '{hint}'?" if hint else f"; các tùy chọn: {', '.join(valid)}"),
                        f"{where}: rule {rule.name} has no option '{name}'"
                        + (f"; did you mean '{hint}'?" if hint else f"; options: {', '.join(valid)}"),
                    )
                ) from None
            try:
                resolved[option.name] = option.coerce(value)
            except ValueError as exc:
                raise ConfigError(
                    tr(f"{where}: {rule.name}.{name}: cần {exc}", f"{where}: {rule.name}.{name}: expected {exc}")
                ) from None
        config.rule_options[rule.name] = resolved
    return config


def _str_list(value: Any, key: str, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ConfigError(tr(f"{where}: '{key}' phải là danh sách văn bản", f"{where}: '{key}' must be a list of strings"))
