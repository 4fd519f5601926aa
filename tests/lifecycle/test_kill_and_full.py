"""Every output kind under a kill and under a full disk: the old file stays whole, the next run cleans up.

Kill: a forked child runs the command and SIGKILLs itself at the worst moment — the new
output complete in its temp file, just before the rename (and, for the site, between the
two renames of the fallback swap). Full disk: the command runs in a child whose
RLIMIT_FSIZE is 1 KB with SIGXFSZ ignored, so every write past 1 KB fails in the kernel
with EFBIG ("File too large"), the same path as ENOSPC (a real ENOSPC, through a
/dev/full of our own, is in test_outputs.py and the hostile corpus). No root needed.
"""

from __future__ import annotations

import hashlib
import io
import multiprocessing
import os
import resource
import signal
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from tests.lifecycle.outputs import KINDS, SITE, Kind, temp_leftovers, workspace
from tthc.report import files

FORK = multiprocessing.get_context("fork")


def _run(argv: list[str]) -> int:
    from tthc.cli import main

    sys.argv = ["tthc", *argv]
    try:
        main()
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 0
    return 0


def _child(argv: list[str], work: str, how: str, target: str, result) -> None:
    os.chdir(work)
    if how == "kill-before-rename":
        real = os.replace

        def replace(src, dst, *args, **kwargs):
            if os.path.basename(str(dst)) == os.path.basename(target):
                os.kill(os.getpid(), signal.SIGKILL)
            return real(src, dst, *args, **kwargs)

        os.replace = replace
        files._exchange = lambda a, b: os.kill(os.getpid(), signal.SIGKILL)  # the site's one-step swap
    elif how == "kill-between-renames":
        files._exchange = lambda a, b: False  # the fallback: old aside, then the new one in
        real = os.replace
        calls = []

        def replace(src, dst, *args, **kwargs):
            if os.path.basename(str(dst)) == os.path.basename(target):
                calls.append(dst)
                os.kill(os.getpid(), signal.SIGKILL)
            return real(src, dst, *args, **kwargs)

        os.replace = replace
    elif how == "full":
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))
    err = io.StringIO()
    with redirect_stdout(io.StringIO()), redirect_stderr(err):
        code = _run(argv)
    result.put((code, err.getvalue()))


def _in_child(argv: list[str], work: Path, how: str, target: Path) -> tuple[int | None, str, int | None]:
    result = FORK.Queue()
    child = FORK.Process(target=_child, args=(argv, str(work), how, str(target), result))
    child.start()
    child.join(60)
    code, err = result.get(timeout=1) if not result.empty() else (None, "")
    return code, err, child.exitcode


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def work(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return workspace(tmp_path)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_a_kill_before_the_rename_keeps_the_old_file_and_the_next_run_cleans_up(cli, work: Path, kind: Kind) -> None:
    out = work / f"out{kind.suffix}"
    out.write_bytes(b"the old output")
    code, _, exitcode = _in_child(kind.argv(work, out), work, "kill-before-rename", out)
    assert exitcode == -signal.SIGKILL and code is None
    assert out.read_bytes() == b"the old output"  # never half-written
    left = temp_leftovers(work)
    assert left and all(name.startswith(f".{out.name}.tthc-") for name in left)  # the finished temp file
    status, _, err = cli(*kind.argv(work, out))  # the next run writes it and removes the stray
    assert status in (0, 1), err
    assert out.read_bytes() != b"the old output" and temp_leftovers(work) == []


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_a_full_disk_is_one_line_and_the_old_file_stays(work: Path, kind: Kind) -> None:
    out = work / f"out{kind.suffix}"
    out.write_bytes(b"the old output")
    before = _digest(work / "catalogs" / "xa-2026.yaml")
    code, err, exitcode = _in_child(kind.argv(work, out), work, "full", out)
    assert exitcode == 0 and code == 2, err
    lines = [x for x in err.splitlines() if x.startswith("tthc: lỗi")]
    assert len(lines) == 1 and "tệp vượt giới hạn kích thước (File too large)" in lines[0], err
    assert "Traceback" not in err
    assert out.read_bytes() == b"the old output" and temp_leftovers(work) == []
    assert _digest(work / "catalogs" / "xa-2026.yaml") == before


def _site_argv(work: Path, out: Path) -> list[str]:
    return [a.replace("{dir}", str(work / "catalogs")).replace("{out}", str(out)) for a in SITE]


def test_a_kill_during_the_site_swap_never_leaves_no_site(cli, work: Path) -> None:
    site = work / "site"
    assert cli(*_site_argv(work, site))[0] == 0
    old_index = (site / "index.html").read_bytes()
    # the one-step exchange (Linux): killed before it, the old site is there, whole
    _, _, exitcode = _in_child(_site_argv(work, site), work, "kill-before-rename", site)
    assert exitcode == -signal.SIGKILL
    assert (site / "index.html").read_bytes() == old_index
    # the fallback's two renames (other systems): killed between them, the old site is aside…
    _, _, exitcode = _in_child(_site_argv(work, site), work, "kill-between-renames", site)
    assert exitcode == -signal.SIGKILL
    assert not site.exists() and any(n.endswith(".old") for n in temp_leftovers(work))
    # …and the next run puts it back first, then replaces it; nothing stray is left
    assert files.restore_folder(site) and (site / "index.html").read_bytes() == old_index
    assert cli(*_site_argv(work, site))[0] == 0
    assert (site / "index.html").exists() and temp_leftovers(work) == []


def test_a_full_disk_while_building_the_site_keeps_the_old_one(work: Path, cli) -> None:
    site = work / "site"
    assert cli(*_site_argv(work, site))[0] == 0
    old_index = (site / "index.html").read_bytes()
    code, err, _ = _in_child(_site_argv(work, site), work, "full", site)
    assert code == 2 and "File too large" in err and "Traceback" not in err
    assert (site / "index.html").read_bytes() == old_index and temp_leftovers(work) == []
