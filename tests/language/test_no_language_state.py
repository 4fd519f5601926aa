"""The language is decided once per invocation and passed down: no module keeps it."""

from __future__ import annotations

import ast
import types
from pathlib import Path

import tthc
import tthc.i18n as i18n

PACKAGE = Path(tthc.__file__).resolve().parent
_IMMUTABLE = (str, int, float, bool, bytes, tuple, frozenset, types.MappingProxyType, type(None))


def test_i18n_holds_no_mutable_state() -> None:
    tree = ast.parse(Path(i18n.__file__).read_text(encoding="utf-8"))
    assert not [n for n in ast.walk(tree) if isinstance(n, ast.Global | ast.Nonlocal)]
    for name, value in vars(i18n).items():
        if (
            name.startswith("__")
            or name == "annotations"
            or isinstance(value, types.ModuleType | types.FunctionType | type)
        ):
            continue
        if getattr(value, "__module__", None) == "typing" or type(value).__module__ == "typing":
            continue  # type aliases
        assert isinstance(value, _IMMUTABLE), f"tthc.i18n.{name} is a mutable {type(value).__name__}"
    assert not hasattr(i18n, "set_language") and not hasattr(i18n, "_current")


def test_no_module_sets_a_language_global() -> None:
    """No `global` statement anywhere in tthc names a language."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Global) and any("lang" in n.lower() for n in node.names):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert offenders == []


def test_str_of_a_text_is_not_how_it_is_rendered() -> None:
    """A T renders in the language asked for, whatever else happens in the process."""
    value = i18n.T("Tiếng Việt", "English")
    assert (value.text("vi"), value.text("en")) == ("Tiếng Việt", "English")
    assert i18n.text(value, "en") == "English" and i18n.text("catalog text", "en") == "catalog text"
