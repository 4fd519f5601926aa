"""Make tests/fixtures/vbpl/stage1_sme_docs.csv.gz from the shared vbpl.vn extract.

The columns `tthc knowledge import` reads, every row, values byte for byte; `title` only for
laws, codes and ordinances (the same-name inference needs it; the others would triple the
size). Tests read only the committed file. Usage:

    python tools/vbpl_fixture.py ../shared/realdata/vkb0205_Road2AI_ApplePie/stage1_sme_docs.parquet
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
from pathlib import Path

COLUMNS = [
    "so_ky_hieu",
    "loai_van_ban",
    "co_quan_ban_hanh",
    "ngay_ban_hanh",
    "ngay_co_hieu_luc",
    "ngay_het_hieu_luc",
    "tinh_trang_hieu_luc",
    "title",
]
OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "vbpl" / "stage1_sme_docs.csv.gz"


def main() -> None:
    import pyarrow.parquet as pq

    rows = pq.read_table(sys.argv[1]).to_pylist()
    buf = io.StringIO()
    writer = csv.DictWriter(buf, COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        if row.get("loai_van_ban") not in ("Luật", "Bộ luật", "Pháp lệnh"):
            row = {**row, "title": ""}
        writer.writerow({k: "" if row.get(k) is None else row[k] for k in COLUMNS})
    OUT.write_bytes(gzip.compress(buf.getvalue().encode("utf-8"), 9, mtime=0))
    print(f"{len(rows)} rows -> {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
