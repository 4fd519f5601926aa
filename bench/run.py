"""Benchmarks: `tthc validate` and `tthc check` end to end against the bare readers.

    python bench/run.py                 # 1k, 10k, 100k (the 100k files take a minute to make)
    python bench/run.py --sizes 1000    # quicker

Every figure is the wall time of a fresh process (as a user runs it), best of --repeat
runs, and its peak resident memory. Results are printed as a Markdown table to paste into
bench/RESULTS.md. Generated catalogs are cached in bench/out/ (git-ignored).
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

PY = sys.executable
TTHC = [PY, "-m", "tthc"]

CALAMINE = (
    "import sys; from python_calamine import CalamineWorkbook; "
    "wb = CalamineWorkbook.from_path(sys.argv[1]); rows = wb.get_sheet_by_index(0).to_python()"
)
CSAFE = "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8'), Loader=yaml.CSafeLoader)"


def measure(cmd: list[str], repeat: int) -> tuple[float, float]:
    """(best wall seconds, peak RSS in MB of the slowest-memory run)."""
    best, peak = float("inf"), 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} exited {code}")
        best = min(best, elapsed)
        peak = max(peak, usage.ru_maxrss / 1024)
    return best, peak


def startup(repeat: int) -> tuple[float, list[str]]:
    t, _ = measure([*TTHC, "--help"], repeat)
    probe = (
        "import sys; from tthc.cli import app; from typer.testing import CliRunner; "
        "CliRunner().invoke(app, ['--help']); "
        "print(','.join(m for m in ('pandas', 'openpyxl', 'docx', 'python_calamine', 'matplotlib') if m in sys.modules))"
    )
    heavy = subprocess.run([PY, "-c", probe], capture_output=True, text=True, check=True).stdout.strip()
    return t, [m for m in heavy.split(",") if m]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    out = HERE / "out"
    rows = []
    for n in args.sizes:
        print(f"generating {n}…", file=sys.stderr)
        yml, xlsx = generate(out, n)
        repeat = args.repeat if n < 100_000 else 1
        cal = measure([PY, "-c", CALAMINE, str(xlsx)], repeat)
        val_x = measure([*TTHC, "validate", str(xlsx), "--format", "json"], repeat)
        chk_x = measure([*TTHC, "check", str(xlsx), "--fail-on", "never", "--format", "json", "-o", os.devnull], repeat)
        bare_y = measure([PY, "-c", CSAFE, str(yml)], repeat)
        val_y = measure([*TTHC, "validate", str(yml), "--format", "json"], repeat)
        chk_y = measure([*TTHC, "check", str(yml), "--fail-on", "never", "--format", "json", "-o", os.devnull], repeat)
        rows.append((n, cal, val_x, chk_x, bare_y, val_y, chk_y))
        print(f"{n}: calamine {cal[0]:.2f}s validate {val_x[0]:.2f}s check {chk_x[0]:.2f}s", file=sys.stderr)
    help_time, heavy = startup(5)
    print(
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}\n"
    )
    print(
        "| procedures | calamine alone (xlsx) | `tthc validate` xlsx | ratio | `tthc check` xlsx | check/validate | peak MB (check) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for n, cal, vx, cx, *_ in rows:
        print(
            f"| {n:,} | {cal[0]:.2f} s | {vx[0]:.2f} s | {vx[0] / cal[0]:.2f}× | {cx[0]:.2f} s | {cx[0] / vx[0]:.2f}× | {cx[1]:.0f} |"
        )
    print()
    print(
        "| procedures | CSafeLoader alone (yaml) | `tthc validate` yaml | ratio | `tthc check` yaml | check/validate | peak MB (check) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for n, _, _, _, by, vy, cy in rows:
        print(
            f"| {n:,} | {by[0]:.2f} s | {vy[0]:.2f} s | {vy[0] / by[0]:.2f}× | {cy[0]:.2f} s | {cy[0] / vy[0]:.2f}× | {cy[1]:.0f} |"
        )
    print()
    print(f"`tthc --help`: {help_time:.3f} s; heavy modules imported at start-up: {', '.join(heavy) or 'none'}")


if __name__ == "__main__":
    main()
