"""Model -> YAML text in the tthc format (``tthc_catalog: 1``).

Readable for the people who keep catalogs in git: block style, Vietnamese written as is,
multi-line values as ``|`` blocks, keys in the order of the format, a blank line between
procedures, long lines never folded. Strings that YAML would read as something else
(``1.001193``, ``yes``, ``2020-06-15``) are quoted so every editor sees text; dates and
counts are written plain. What each value looks like is decided by
:mod:`tthc.lifecycle.convert.represent`.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from tthc.lifecycle.convert.represent import Flow, Loss, catalog_meta, procedure_data, to_builtin
from tthc.load.yaml_loader import FORMAT_VERSION
from tthc.model import Catalog


class _Dumper(yaml.SafeDumper):
    """Block sequences indented under their key; no aliases."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    text = format(value, "f")
    tag = "tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int"
    return dumper.represent_scalar(tag, text)


def _flow(dumper: yaml.SafeDumper, value: Flow) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", dict(value), flow_style=True)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(Decimal, _decimal)
_Dumper.add_representer(Flow, _flow)
_Dumper.add_representer(dt.date, yaml.SafeDumper.represent_date)

_ITEM = re.compile(r"^  - ", re.M)


def _dump(data: Any) -> str:
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1_000_000,
        indent=2,
    )


def catalog_to_yaml(catalog: Catalog, *, header: str | None = None, loss: Loss | None = None) -> str:
    """The catalog as YAML text. ``header`` lines are written as comments at the top."""
    loss = loss if loss is not None else Loss()
    parts: list[str] = []
    if header:
        parts.append("".join(f"# {line}\n" if line else "#\n" for line in header.splitlines()))
    parts.append(_dump({"tthc_catalog": FORMAT_VERSION}))
    meta = catalog_meta(catalog)
    if meta:
        parts.append(_dump({"catalog": meta}))
    procedures = [procedure_data(p, loss) for p in catalog.procedures]
    parts.append(_spaced(_dump({"procedures": procedures})) if procedures else "procedures: []\n")
    if catalog.conflicts:
        parts.append(_spaced(_dump({"conflicts": to_builtin(catalog.conflicts)})))
    return "\n".join(parts)


def _spaced(text: str) -> str:
    """A blank line before every item after the first of a top-level list."""
    first = True

    def blank(m: re.Match[str]) -> str:
        nonlocal first
        if first:
            first = False
            return m.group(0)
        return "\n" + m.group(0)

    return _ITEM.sub(blank, text)


def write_yaml(catalog: Catalog, path: Path, *, header: str | None = None, loss: Loss | None = None) -> None:
    """Write the catalog as YAML, atomically."""
    from tthc.report.files import write_text_atomic

    write_text_atomic(path, catalog_to_yaml(catalog, header=header, loss=loss))
