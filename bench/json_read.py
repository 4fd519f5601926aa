"""Reading speed of the portal's JSON records: a folder of ~700 crawled records (bo-tai-chinh)
loaded by tthc (one catalog, every table un-flattened and every value parsed) against
``json.load`` of the same files, in the same run. Reads ../shared/realdata.

    python bench/json_read.py [--folder ../shared/realdata/chatbot_tthc/bo-tai-chinh] [--repeat 3]

Brief by design (the machine is shared): the best of ``--repeat`` runs of each, parse caches
cleared before every tthc run so each one parses from cold.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]  # ../shared/realdata next to the checkout or to the worktrees' folder
DEFAULT = (
    next(
        (p for p in (_ROOT.parent / "shared", _ROOT.parent.parent / "shared") if (p / "realdata").is_dir()),
        _ROOT.parent / "shared",
    )
    / "realdata"
    / "chatbot_tthc"
    / "bo-tai-chinh"
)


def json_only(files: list[Path]) -> int:
    n = 0
    for path in files:
        with path.open(encoding="utf-8") as fh:
            json.load(fh)
        n += 1
    return n


def tthc_load(folder: Path) -> int:
    from tthc.load import load_file

    return len(load_file(folder).catalog.procedures)


def _clear_caches() -> None:
    """The parsers memoise by text; a cold run must not reuse the previous run's results."""
    import tthc.parse.document as document
    import tthc.parse.legal as legal

    for module in (document, legal):
        for value in vars(module).values():
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()


def best(fn, repeat: int, before=None) -> tuple[float, int]:
    times, result = [], 0
    for _ in range(repeat):
        if before:
            before()
        gc.collect()
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = sorted(args.folder.glob("*.json"))
    if not files:
        print(f"no *.json in {args.folder}", file=sys.stderr)
        return 2
    size = sum(p.stat().st_size for p in files) / 1e6
    tthc_load(args.folder)  # import everything once: module import is not reading
    raw, n_raw = best(lambda: json_only(files), args.repeat)
    full, n_full = best(lambda: tthc_load(args.folder), args.repeat, _clear_caches)
    print(f"{args.folder.name}: {len(files)} files, {size:.1f} MB")
    print(f"| reader | records | best of {args.repeat} | per record | ratio |")
    print("|---|---:|---:|---:|---:|")
    print(f"| json.load | {n_raw} | {raw:.3f} s | {1000 * raw / n_raw:.2f} ms | 1.0× |")
    print(
        f"| tthc (load_file on the folder) | {n_full} | {full:.3f} s | {1000 * full / n_full:.2f} ms | {full / raw:.1f}× |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
