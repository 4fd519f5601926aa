"""`tthc convert IN OUT`: any readable catalog -> YAML or the full workbook, checked after writing.

The written file is read back with the same loaders and compared with what was read from
the input (positions aside); anything that differs is reported as a loss, never hidden.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tthc.i18n import T, both
from tthc.lifecycle.convert.plain import differences, plain
from tthc.lifecycle.convert.represent import Loss
from tthc.load.base import LoadError, LoadIssue
from tthc.load.limits import Limits
from tthc.model import Catalog

YAML_OUT = (".yaml", ".yml")
XLSX_OUT = (".xlsx",)


@dataclass(slots=True)
class Converted:
    catalog: Catalog
    issues: list[LoadIssue]  # warnings of the input (errors stop the conversion)
    losses: list[str | T] = field(default_factory=list)  # "1.001193 Tên: fees[0].raw: … → …"


def output_kind(out: Path) -> str:
    suffix = out.suffix.lower()
    if suffix in YAML_OUT:
        return "yaml"
    if suffix in XLSX_OUT:
        return "xlsx"
    raise LoadError(
        T(
            f"không biết ghi tệp '{suffix or out.name}'; dùng .yaml, .yml hoặc .xlsx",
            f"cannot write '{suffix or out.name}' files; use .yaml, .yml or .xlsx",
        ),
        str(out),
    )


def load_checked(path: Path, limits: Limits | None = None):
    """Load a catalog; LoadError on a file with errors (a conversion must not drop rows).
    ``limits``: the size limits of office files (None = the defaults)."""
    from tthc.load import load_file

    result = load_file(path, limits)
    if result.errors:
        first = result.errors[0]
        more = len(result.errors) - 1
        raise LoadError(
            both(first.message)
            + T(
                (f" (và {more} lỗi khác)" if more else "") + "; chạy 'tthc validate' để xem",
                (f" (and {more} more errors)" if more else "") + "; run 'tthc validate' for all",
            ),
            first.source or str(path),
        )
    return result


def write_catalog(catalog: Catalog, out: Path, loss: Loss | None = None) -> Loss:
    """Write a catalog as YAML or as the full workbook, by the output's suffix (atomically)."""
    loss = loss if loss is not None else Loss()
    if catalog.id is None and not (catalog.locality or catalog.issuer or catalog.name) and catalog.source_file:
        catalog.id = catalog.identity  # it came from the file name: keep it when the name changes
    if output_kind(out) == "yaml":
        from tthc.lifecycle.convert.yaml_writer import write_yaml

        write_yaml(catalog, out, loss=loss)
    else:
        if catalog.conflicts:
            raise LoadError(
                T(
                    "danh mục có phần xung đột (conflicts) mà sổ Excel không có chỗ lưu; giải quyết xung đột "
                    "hoặc giữ định dạng YAML",
                    "the catalog has a conflicts section the workbook has no place for; resolve the conflicts "
                    "or keep it as YAML",
                ),
                str(out),
            )
        from tthc.lifecycle.convert.workbook_writer import write_workbook

        write_workbook(catalog, out, loss)
    return loss


def convert(source: Path, out: Path, limits: Limits | None = None) -> Converted:
    """Convert one catalog file; the result lists what the output does not hold exactly.
    ``limits`` apply to the input (the output, written here, is read back with the defaults)."""
    output_kind(out)
    if out.exists() and out.resolve() == source.resolve():
        raise LoadError(
            T(
                "tệp ra trùng tệp vào; đầu vào không bao giờ bị ghi đè",
                "output is the input; inputs are never overwritten",
            ),
            str(out),
        )
    result = load_checked(source, limits)
    loss = write_catalog(result.catalog, out)
    done = Converted(result.catalog, list(result.issues))
    done.losses = [f"{label}: {what} ({value})" for label, what, value in loss.items]
    from tthc.load import load_file

    again = load_file(out).catalog
    done.losses += compare(result.catalog, again)
    return done


def compare(before: Catalog, after: Catalog) -> list[str | T]:
    """What differs between two models of one catalog, one line per procedure field."""
    a, b = plain(before), plain(after)
    for data in (a, b):
        data.pop("layout", None)
    lines: list[str | T] = []
    procs_a, procs_b = a.pop("procedures"), b.pop("procedures")
    lines += [T("danh mục", "catalog") + f": {d}" for d in differences(a, b)]
    if len(procs_a) != len(procs_b):
        lines.append(T(f"số thủ tục: {len(procs_a)} → {len(procs_b)}", f"procedures: {len(procs_a)} → {len(procs_b)}"))
    for p, x, y in zip(before.procedures, procs_a, procs_b, strict=False):
        lines += [f"{p.label}: {d}" for d in differences(x, y)]
    return lines
