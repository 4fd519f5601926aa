"""Size limits checked before an office file (xlsx, ods, docx, pdf) is read.

A spreadsheet or a Word file is a zip of XML parts. A few megabytes can inflate to
gigabytes (a "zip bomb"), a single cell at XFD1048576 makes the spreadsheet reader
allocate the whole sheet (hundreds of gigabytes: the process aborts), and a cell far
down a sheet costs memory for every row above it. :mod:`tthc.load.office_zip` checks the
parts against these limits first and fails in one line (exit 2) when one is passed.

The defaults are far above any real catalog (the largest annexes have a few thousand
rows; Excel itself stops at 1,048,576 rows and 32,767 characters per cell). They can be
raised in ``tthc.yaml``::

    limits:
      max-unzipped-mb: 1024
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from tthc.i18n import T


@dataclass(frozen=True, slots=True)
class Limits:
    max_unzipped_mb: int = 512  # all parts of one xlsx/ods/docx, inflated
    max_cells: int = 20_000_000  # rows x columns of one sheet (what the reader allocates)
    max_rows: int = 1_048_576  # rows of one sheet (Excel's own limit)
    max_cell_chars: int = 100_000  # one cell (Excel's own limit is 32,767)
    max_document_mb: int = 64  # the body of a Word file, read whole into memory
    max_pdf_pages: int = 2_000

    @property
    def unzipped_bytes(self) -> int:
        return self.max_unzipped_mb * 1024 * 1024

    @property
    def document_bytes(self) -> int:
        return self.max_document_mb * 1024 * 1024


DEFAULT_LIMITS = Limits()
KEYS = {f.name.replace("_", "-"): f.name for f in fields(Limits)}


def parse_limits(data: Any, where: str = "tthc.yaml") -> Limits:
    """The ``limits:`` mapping of a config file; ValueError with a one-line message."""
    if data is None:
        return DEFAULT_LIMITS
    if not isinstance(data, dict):
        raise ValueError(
            T(
                f"{where}: 'limits' phải là bảng tên giới hạn → số ({', '.join(KEYS)})",
                f"{where}: 'limits' must map limit names to numbers ({', '.join(KEYS)})",
            )
        )
    values: dict[str, int] = {}
    for key, value in data.items():
        name = KEYS.get(str(key))
        if name is None:
            raise ValueError(
                T(
                    f"{where}: giới hạn không xác định '{key}'; dùng {', '.join(KEYS)}",
                    f"{where}: unknown limit '{key}'; use {', '.join(KEYS)}",
                )
            )
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise ValueError(
                T(
                    f"{where}: limits.{key} phải là số nguyên dương, không phải {value!r}",
                    f"{where}: limits.{key} must be a positive whole number, not {value!r}",
                )
            )
        values[name] = value
    return Limits(**values)
