"""Loading catalogs: find the catalogs under the paths given, pick the loader by suffix.

A catalog is a file (YAML, a spreadsheet, CSV, one JSON record or a JSON array of
records) or a **folder of per-procedure JSON records** (the national portal's records,
one ``<mã TTHC>.json`` each): such a folder is one catalog named after the folder
(``bo-tu-phap``). Inside a folder, each YAML, spreadsheet or CSV file stays a catalog of
its own, and each sub-folder that holds JSON records is one catalog (a folder of agency
folders gives one catalog per agency). Hidden files and folders (``.venv``, ``.git``)
and Office lock files (``~$…``) are skipped.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from tthc.i18n import T
from tthc.load.base import IssueSeverity, LoadError, LoadIssue, LoadResult, paused_gc
from tthc.load.limits import Limits

# suffix -> "module:function" of its loader, imported only when a file of that kind is read;
# a "+" after the name: the loader takes the size limits of office files, load(path, limits).
# Adding a format is one line here (and the loader itself).
LOADERS: dict[str, str] = {
    ".yaml": "tthc.load.yaml_loader:load_yaml",
    ".yml": "tthc.load.yaml_loader:load_yaml",
    ".xlsx": "tthc.load.excel.layouts:load_excel+",
    ".xlsm": "tthc.load.excel.layouts:load_excel+",
    ".xls": "tthc.load.excel.layouts:load_excel+",
    ".ods": "tthc.load.excel.layouts:load_excel+",
    ".docx": "tthc.load.documents:load_document+",
    ".doc": "tthc.load.documents:load_document+",
    ".pdf": "tthc.load.documents:load_document+",
    ".csv": "tthc.load.csv_loader:load_csv",
    ".json": "tthc.load.portal:load_json",
}
RECORD_SUFFIX = ".json"  # a folder of these is one catalog
FOLDER_LOADER = "tthc.load.portal:load_json_folder"

YAML_SUFFIXES = (".yaml", ".yml")
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
DOCUMENT_SUFFIXES = (".docx", ".doc", ".pdf")  # Word and PDF: tthc.load.documents
SUFFIXES = tuple(LOADERS)

__all__ = ["IssueSeverity", "LoadError", "LoadIssue", "LoadResult", "discover", "load_file", "readable_types"]


def readable_types() -> T:
    """ ".yaml, .yml, .xlsx, … or .json" for messages."""
    names = list(LOADERS)
    return ", ".join(names[:-1]) + T(" hoặc ", " or ") + names[-1]


def discover(paths: Iterable[Path]) -> list[Path]:
    """The catalogs named or inside the folders named, in a stable order: files, and
    folders of JSON records (one catalog each).

    Raises LoadError for a missing path or a folder with no catalog in it.
    """
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise LoadError(
                T(
                    "không tìm thấy tệp hoặc thư mục; kiểm tra lại đường dẫn",
                    "no such file or folder; check the path",
                ),
                str(path),
            )
        if path.is_dir():
            inside = _catalogs_in(path)
            if not inside:
                raise LoadError(
                    T(
                        f"thư mục không có danh mục nào (tệp {readable_types().vi})",
                        f"the folder holds no catalog ({readable_types().en} files)",
                    ),
                    str(path),
                )
            found.extend(inside)
        else:
            found.append(path)
    unique: list[Path] = []
    seen: set[Path] = set()
    for p in found:
        if p not in seen:
            seen.add(p)
            unique.append(p)
    return unique


def _catalogs_in(folder: Path) -> list[Path]:
    """Catalog files under a folder, and the folders holding JSON records, sorted by path."""
    out: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        here = Path(root)
        records = False
        for name in sorted(files):
            if name.startswith(("~$", ".")):
                continue
            suffix = os.path.splitext(name)[1].lower()
            if suffix == RECORD_SUFFIX:
                records = True
            elif suffix in LOADERS:
                out.append(here / name)
        if records:
            out.append(here)
    return sorted(out, key=lambda p: p.parts)


def load_file(path: Path, limits: Limits | None = None) -> LoadResult:
    """Load one catalog: a file with the loader its suffix names (office files are checked
    against ``limits`` first; None = the defaults), or a folder of JSON records."""
    with paused_gc():  # every loader: see paused_gc
        return _load_file(path, limits)


def _load_file(path: Path, limits: Limits | None) -> LoadResult:
    if path.is_dir():
        return _loader(FOLDER_LOADER)(path)
    suffix = path.suffix.lower()
    target = LOADERS.get(suffix)
    if target is None:
        raise LoadError(
            T(
                f"không biết đọc tệp '{suffix or path.name}'; dùng {readable_types().vi}",
                f"unknown file type '{suffix or path.name}'; use {readable_types().en}",
            ),
            str(path),
        )
    if target.endswith("+"):
        return _loader(target[:-1])(path, limits)
    return _loader(target)(path)


def _loader(target: str) -> Callable[..., LoadResult]:
    module, _, function = target.partition(":")
    return getattr(importlib.import_module(module), function)
