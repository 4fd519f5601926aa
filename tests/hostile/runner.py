"""Run a batch of corpus cases in this process: `python -m tests.hostile.runner BATCH.json`.

Each case is one `tthc` command line run through the real entry point (`tthc.cli.main`,
as the console script does) in its own folder, with stdout/stderr captured and a time
limit. The batch shares one process where the process boundary is not what is tested;
the parent reads the peak memory of the whole batch (VmHWM, `tests.peak_memory`) from the
last line. A FIFO a case writes to gets a reader thread, as a shell pipe would.
"""

from __future__ import annotations

import io
import json
import os
import resource
import signal
import sys
import threading
import time
from pathlib import Path

from tests.peak_memory import own_peak_kb

MEMORY_CAP = 3 << 30  # address space: a runaway case fails instead of taking the machine


class CaseTimeout(BaseException):
    """Raised by the alarm (a BaseException: `except Exception` in tthc cannot swallow it)."""


def _alarm(signum, frame):
    raise CaseTimeout


def _drain(fifo: Path, sink: list[bytes]) -> threading.Thread:
    def read() -> None:
        with open(fifo, "rb") as fh:
            sink.append(fh.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


def _release(fifo: Path) -> None:
    """Unblock a reader whose writer never came (the command refused the FIFO)."""
    try:
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
    except OSError:
        pass


def run_case(case: dict) -> dict:
    from tthc.cli import main

    folder = Path(case["dir"])
    os.chdir(folder)
    fifo_data: list[bytes] = []
    fifos = [folder / f for f in case.get("fifos", [])]
    readers = [_drain(f, fifo_data) for f in fifos]
    out, err = io.BytesIO(), io.BytesIO()
    saved = sys.stdout, sys.stderr, sys.argv
    wout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    werr = io.TextIOWrapper(err, encoding="utf-8", write_through=True)
    sys.stdout, sys.stderr = wout, werr
    sys.argv = ["tthc", *case["argv"]]
    env = dict(os.environ)
    os.environ.pop("TTHC_LANG", None)
    os.environ.update(case.get("env", {}))
    code: int | str
    start = time.monotonic()
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, case.get("timeout", 30))
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except CaseTimeout:
        code = "timeout"
    except BaseException as exc:
        code = f"escaped {type(exc).__name__}: {exc}"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        sys.stdout, sys.stderr, sys.argv = saved
        for wrapper in (wout, werr):
            if not wrapper.closed:
                wrapper.flush()
                wrapper.detach()  # keep the bytes: a dropped wrapper would close them
        os.environ.clear()
        os.environ.update(env)
    for fifo, reader in zip(fifos, readers, strict=True):
        reader.join(0.5)
        if reader.is_alive():
            _release(fifo)
            reader.join(2)
    return {
        "name": case["name"],
        "code": code,
        "seconds": round(time.monotonic() - start, 3),
        "stdout": out.getvalue().decode("utf-8", "replace")[-4000:],
        "stderr": err.getvalue().decode("utf-8", "replace")[-4000:],
        "fifo_bytes": sum(len(d) for d in fifo_data),
    }


def main(batch: Path) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    cases = json.loads(batch.read_text(encoding="utf-8"))
    results = [run_case(case) for case in cases]
    peak_kb = own_peak_kb()
    out = {"results": results, "peak_mb": round(peak_kb / 1024, 1)}
    print("\n" + json.dumps(out, ensure_ascii=False), file=sys.__stdout__)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
