"""Loading catalogs: find the files under the paths given, pick the loader by suffix."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from tthc.i18n import tr
from tthc.load.base import IssueSeverity, LoadError, LoadIssue, LoadResult
from tthc.load.limits import Limits

YAML_SUFFIXES = (".yaml", ".yml")
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
DOCUMENT_SUFFIXES = (".docx", ".doc", ".pdf")  # Word and PDF: tthc.load.documents
SUFFIXES = YAML_SUFFIXES + EXCEL_SUFFIXES + DOCUMENT_SUFFIXES

__all__ = ["IssueSeverity", "LoadError", "LoadIssue", "LoadResult", "discover", "load_file"]


def discover(paths: Iterable[Path]) -> list[Path]:
    """Catalog files named or inside the folders named, in a stable order.

    Raises LoadError for a missing path or a folder with no catalog in it.
    """
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise LoadError(
                tr(
                    "không tìm thấy tệp hoặc thư mục; kiểm tra lại đường dẫn",
                    "no such file or folder; check the path",
                ),
                str(path),
            )
        if path.is_dir():
            inside = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(("~$", "."))
            )
            if not inside:
                raise LoadError(
                    tr(
                        "thư mục không có danh mục nào (*.yaml, *.yml, *.xlsx, *.xls, *.ods, *.docx, *.doc, *.pdf)",
                        "the folder holds no catalog (*.yaml, *.yml, *.xlsx, *.xls, *.ods, *.docx, *.doc, *.pdf)",
                    ),
                    str(path),
                )
            found.extend(inside)
        else:
            found.append(path)
    unique: list[Path] = []
    for p in found:
        if p not in unique:
            unique.append(p)
    return unique


def load_file(path: Path, limits: Limits | None = None) -> LoadResult:
    """Load one catalog file with the loader its suffix names (office files are checked
    against ``limits`` first; None = the defaults)."""
    suffix = path.suffix.lower()
    if suffix in YAML_SUFFIXES:
        from tthc.load.yaml_loader import load_yaml

        return load_yaml(path)
    if suffix in EXCEL_SUFFIXES:
        from tthc.load.excel import load_excel

        return load_excel(path, limits)
    if suffix in DOCUMENT_SUFFIXES:
        from tthc.load.documents import load_document

        return load_document(path, limits)
    raise LoadError(
        tr(
            f"không biết đọc tệp '{suffix or path.name}'; dùng .yaml, .yml, .xlsx, .xls, .ods, .docx, .doc hoặc .pdf",
            f"unknown file type '{suffix or path.name}'; use .yaml, .yml, .xlsx, .xls, .ods, .docx, .doc or .pdf",
        ),
        str(path),
    )
