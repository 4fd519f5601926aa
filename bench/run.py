"""Benchmarks of issue #13: tthc end to end against the bare readers, measured in the same run.

    python bench/run.py                                 # everything (100k takes long)
    python bench/run.py --sizes 1000 --repeat 1         # a quick look
    python bench/run.py --only xlsx,yaml --sizes 10000  # only some groups

Groups (--only): `xlsx` and `yaml` (the realistic workload of ../shared/bench/gen_vn.py:
`validate` and `check` against python-calamine reading every cell / a bare CSafeLoader load),
`formats` (peak memory of `check` with every machine output format, at the largest size),
`commands` (convert, recommend, publish, handbook, diff, merge at each size up to 10k,
against `check` of the same catalog), `real` (the JSON record folders of
../shared/realdata/chatbot_tthc: `validate`, `check`, `convert` against `json.load` of the
same files), `help` (`tthc --help` and the modules imported at start-up).

Every figure is the wall time of a fresh process (as a user runs it), best of --repeat runs
(one run at 100k), and the peak resident memory of the child (`wait4`'s rusage). Results are
printed as Markdown tables to paste into bench/RESULTS.md; progress goes to stderr.
Generated catalogs are cached in bench/out/ (git-ignored).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable
TTHC = [PY, "-m", "tthc"]
GROUPS = ("xlsx", "yaml", "formats", "commands", "real", "help")
HEAVY = ("pandas", "openpyxl", "docx", "python_calamine", "matplotlib", "pdfplumber", "pyarrow", "yaml")

CALAMINE = (
    "import sys; from python_calamine import CalamineWorkbook; "
    "rows = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).to_python()"
)
CSAFE = "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8'), Loader=yaml.CSafeLoader)"
JSON_LOAD = (
    "import json, pathlib, sys; "
    "[json.load(open(p, encoding='utf-8')) for p in sorted(pathlib.Path(sys.argv[1]).glob('*.json'))]"
)


def shared_dir(given: str | None) -> Path:
    """../shared (from /work/main) or ../../shared (from a worktree), or --shared / TTHC_SHARED."""
    for candidate in (given, os.environ.get("TTHC_SHARED"), HERE.parent.parent / "shared", HERE.parents[2] / "shared"):
        if candidate and (Path(candidate) / "bench" / "gen_vn.py").exists():
            return Path(candidate)
    raise SystemExit("bench: cannot find the shared folder (../shared/bench/gen_vn.py); pass --shared DIR")


def tag(n: int) -> str:
    return f"{n // 1000}k" if n % 1000 == 0 else str(n)


def workload(shared: Path, out: Path, n: int) -> tuple[Path, Path]:
    """vn_{tag}.xlsx and vn_{tag}.yaml from gen_vn.py (needs xlsxwriter and pyyaml), cached."""
    xlsx, yml = out / f"vn_{tag(n)}.xlsx", out / f"vn_{tag(n)}.yaml"
    if not (xlsx.exists() and yml.exists()):
        if importlib.util.find_spec("xlsxwriter") is None:
            raise SystemExit("bench: generating the workload needs xlsxwriter: pip install -e '.[bench]'")
        print(f"generating {n:,} procedures…", file=sys.stderr)
        out.mkdir(parents=True, exist_ok=True)
        subprocess.run([PY, str(shared / "bench" / "gen_vn.py"), str(out), str(n)], check=True, stdout=sys.stderr)
    return xlsx, yml


class Figure:
    """Best wall time and peak memory of a command over its runs."""

    def __init__(self, seconds: float, peak_mb: float) -> None:
        self.seconds, self.peak_mb = seconds, peak_mb

    def __str__(self) -> str:
        return f"{self.seconds:.2f} s"


def measure(cmd: list[str], repeat: int, ok: tuple[int, ...] = (0, 1)) -> Figure:
    """Best wall time over `repeat` fresh processes; peak RSS of the child from wait4's rusage."""
    best, peak = float("inf"), 0.0
    for _ in range(repeat):
        with tempfile.TemporaryFile() as err:
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
            _, status, usage = os.wait4(proc.pid, 0)
            elapsed = time.perf_counter() - start
            proc.returncode = code = os.waitstatus_to_exitcode(status)
            if code not in ok:
                err.seek(0)
                tail = err.read().decode("utf-8", "replace").strip().splitlines()[-3:]
                raise SystemExit(f"bench: {' '.join(cmd)} exited {code}: {' | '.join(tail)}")
        best = min(best, elapsed)
        peak = max(peak, usage.ru_maxrss / 1024)
    print(f"  {best:7.2f} s {peak:7.0f} MB  {' '.join(_short(c) for c in cmd[1:])}", file=sys.stderr)
    return Figure(best, peak)


def _short(arg: str) -> str:
    return Path(arg).name if "/" in arg else arg


def ratio(a: Figure, b: Figure) -> str:
    return f"{a.seconds / b.seconds:.1f}×"


def met(value: float, limit: float) -> str:
    return "yes" if value <= limit else "**no**"


def check_cmd(path: Path, fmt: str = "json") -> list[str]:
    return [*TTHC, "check", str(path), "--fail-on", "never", "--format", fmt, "-o", os.devnull]


def run_workload(kind: str, sizes: list[int], shared: Path, out: Path, repeat: int) -> list[str]:
    lines = []
    bare_name = "calamine (every cell)" if kind == "xlsx" else "CSafeLoader"
    lines.append(
        f"| procedures | {bare_name} | `validate` {kind} | ratio | `check` {kind} | ratio | peak MB (check) | targets |"
    )
    lines.append("|---:|---:|---:|---:|---:|---:|---:|---|")
    for n in sizes:
        xlsx, yml = workload(shared, out, n)
        path = xlsx if kind == "xlsx" else yml
        reps = repeat if n < 100_000 else 1
        bare = measure([PY, "-c", CALAMINE if kind == "xlsx" else CSAFE, str(path)], reps)
        validate = measure([*TTHC, "validate", str(path), "--format", "json"], reps)
        check = measure(check_cmd(path), reps)
        v, c = validate.seconds / bare.seconds, check.seconds / bare.seconds
        if kind == "xlsx":
            targets = f"validate ≤ 6×: {met(v, 6)}; check ≤ 10×: {met(c, 10)}"
        else:
            targets = f"check ≤ 2.5×: {met(c, 2.5)}"
        if n >= 100_000:
            targets += f"; peak ≤ 1.5 GB: {met(check.peak_mb, 1536)}"
        lines.append(
            f"| {n:,} | {bare} | {validate} | {ratio(validate, bare)} | {check} | {ratio(check, bare)} "
            f"| {check.peak_mb:,.0f} | {targets} |"
        )
    return lines


def run_formats(n: int, shared: Path, out: Path) -> list[str]:
    xlsx, _ = workload(shared, out, n)
    lines = [f"| `check` of vn_{tag(n)}.xlsx, output format | wall | peak MB | ≤ 1.5 GB |", "|---|---:|---:|---|"]
    for fmt in ("json", "sarif", "csv", "junit", "github", "text"):
        fig = measure(check_cmd(xlsx, fmt), 1)
        lines.append(f"| {fmt} | {fig} | {fig.peak_mb:,.0f} | {met(fig.peak_mb, 1536)} |")
    return lines


def run_commands(sizes: list[int], shared: Path, out: Path, repeat: int) -> list[str]:
    sizes = [n for n in sizes if n <= 10_000] or [min(sizes)]
    work = Path(tempfile.mkdtemp(prefix="tthc-bench-"))
    figures: dict[tuple[str, int], Figure] = {}
    try:
        for n in sizes:
            xlsx, yml = workload(shared, out, n)
            figures["check", n] = measure(check_cmd(yml), repeat)
            commands = {
                "convert": [*TTHC, "convert", "--force", str(yml), str(work / f"c{n}.xlsx")],
                "recommend": [*TTHC, "recommend", str(yml), "--issuer", "UBND TỈNH BENCH", "-o", str(work / "p.docx")],
                "publish": [*TTHC, "publish", str(yml), "-o", str(work / f"site{n}")],
                "handbook": [*TTHC, "handbook", str(yml), "-o", str(work / "h.docx")],
                "diff": [*TTHC, "diff", str(yml), str(xlsx), "--format", "json"],
                "merge": [*TTHC, "merge", "--force", str(yml), str(xlsx), "-o", str(work / "m.yaml")],
            }
            for name, cmd in commands.items():
                figures[name, n] = measure(cmd, repeat)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    head = " | ".join(f"{tag(n)}" for n in sizes)
    lines = [
        f"| command (YAML input) | {head} | peak MB | last ÷ first (linear ≈ {sizes[-1] // sizes[0]}) | ÷ `check` | target |"
    ]
    lines.append("|---|" + "---:|" * (len(sizes) + 3) + "---|")
    last = sizes[-1]
    for name in ("check", "convert", "recommend", "publish", "handbook", "diff", "merge"):
        cells = " | ".join(str(figures[name, n]) for n in sizes)
        growth = figures[name, last].seconds / figures[name, sizes[0]].seconds
        over = figures[name, last].seconds / figures["check", last].seconds
        limit = 2.0 if name == "convert" else 3.0
        target = "" if name == "check" else f"≤ {limit:g}× check: {met(over, limit)}"
        lines.append(
            f"| `{name}` | {cells} | {figures[name, last].peak_mb:,.0f} | {growth:.1f} | {over:.1f}× | {target} |"
        )
    return lines


def run_real(shared: Path, repeat: int) -> list[str]:
    root = shared / "realdata" / "chatbot_tthc"
    folders = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    lines = [
        "| folder (one catalog) | records | `json.load` | `validate` | ratio | `check` | ratio | ≤ 4× | peak MB | `convert` → xlsx |",
        "|---|---:|---:|---:|---:|---:|---:|---|---:|---:|",
    ]
    work = Path(tempfile.mkdtemp(prefix="tthc-bench-"))
    try:
        for folder in folders:
            records = len(list(folder.glob("*.json")))
            bare = measure([PY, "-c", JSON_LOAD, str(folder)], repeat)
            validate = measure([*TTHC, "validate", str(folder), "--format", "json"], repeat)
            check = measure(check_cmd(folder), repeat)
            convert = measure([*TTHC, "convert", "--force", str(folder), str(work / f"{folder.name}.xlsx")], 1)
            c = check.seconds / bare.seconds
            lines.append(
                f"| {folder.name}/ | {records} | {bare} | {validate} | {ratio(validate, bare)} | {check} "
                f"| {ratio(check, bare)} | {met(c, 4)} | {check.peak_mb:,.0f} | {convert} |"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return lines


def run_help(repeat: int) -> list[str]:
    fig = measure([*TTHC, "--help"], max(repeat, 5))
    probe = (
        "import sys; from tthc.cli import app; from typer.testing import CliRunner; "
        "CliRunner().invoke(app, ['--help']); "
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    heavy = subprocess.run([PY, "-c", probe], capture_output=True, text=True, check=True).stdout.strip()
    return [f"`tthc --help`: {fig} (≤ 0.3 s: {met(fig.seconds, 0.3)}); heavy modules at start-up: {heavy or 'none'}"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure, best kept (1 at 100k)")
    parser.add_argument("--only", default=",".join(GROUPS), help=f"comma-separated groups: {', '.join(GROUPS)}")
    parser.add_argument("--shared", help="the shared folder (default: ../shared or ../../shared)")
    parser.add_argument("--out", type=Path, default=HERE / "out", help="where generated catalogs are cached")
    args = parser.parse_args()
    groups = [g.strip() for g in args.only.split(",") if g.strip()]
    if unknown := [g for g in groups if g not in GROUPS]:
        parser.error(f"unknown group(s): {', '.join(unknown)}; choose from {', '.join(GROUPS)}")
    shared = shared_dir(args.shared)
    sizes = sorted(args.sizes)
    sections: list[list[str]] = []
    for group in groups:
        print(f"{group}:", file=sys.stderr)
        if group in ("xlsx", "yaml"):
            sections.append(run_workload(group, sizes, shared, args.out, args.repeat))
        elif group == "formats":
            sections.append(run_formats(sizes[-1], shared, args.out))
        elif group == "commands":
            sections.append(run_commands(sizes, shared, args.out, args.repeat))
        elif group == "real":
            sections.append(run_real(shared, args.repeat))
        else:
            sections.append(run_help(args.repeat))
    load = os.getloadavg()
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{time.strftime('%Y-%m-%d %H:%M')}; load average at the end {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f}; "
        f"best of {args.repeat} (1 at 100k)\n"
    )
    print("\n\n".join("\n".join(s) for s in sections))


if __name__ == "__main__":
    main()
