"""What the size checks of office files cost (tthc.load.office_zip.inspect, #12.8).

    python /work/shared/bench/gen_vn.py /tmp/b 10000      # or any .xlsx/.ods/.docx
    python bench/office_checks.py /tmp/b/vn_10k.xlsx [RUNS]

Prints, in one process (the figures are less noisy than two `tthc validate` runs on a
shared machine): the checks alone, the Excel mapping (read_excel, checks included) and the
whole load (model built), each the best of RUNS (default 2), and the checks' share.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def best(runs: int, call) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    from tthc.load import load_file
    from tthc.load.excel.layouts import read_excel
    from tthc.load.office_zip import inspect

    path = Path(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    kind = {".xlsx": "xlsx", ".xlsm": "xlsx", ".ods": "ods", ".docx": "docx"}[path.suffix.lower()]
    load_file(path)  # warm the page cache and the imports
    checks = best(runs, lambda: inspect(path, kind))
    mapping = best(runs, lambda: read_excel(path)) if kind != "docx" else float("nan")
    whole = best(runs, lambda: load_file(path))
    print(f"{path.name}: checks {checks:.3f} s, read {mapping:.3f} s, load {whole:.2f} s")
    print(f"checks = {100 * checks / mapping:.1f} % of the read, {100 * checks / whole:.2f} % of the load")


if __name__ == "__main__":
    main()
