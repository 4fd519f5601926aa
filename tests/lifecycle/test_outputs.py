"""Outputs: never over an input, written *through* devices, FIFOs and symlinks, modes kept, one-line errors."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import sys
import threading
from pathlib import Path

import pytest

from tests.lifecycle.outputs import BY_NAME, KINDS, SITE, Kind, temp_leftovers, workspace
from tthc.report import files

ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def work(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)  # `schema` and `template` guard the default ./catalogs/
    return workspace(tmp_path)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_an_output_that_is_an_input_is_refused(cli, work: Path, kind: Kind) -> None:
    catalog = work / "catalogs" / "xa-2026.yaml"
    before = _digest(catalog)
    link = work / f"link{kind.suffix}"
    link.symlink_to(catalog)  # the output names the catalog through a symlink
    code, _, err = cli(*kind.argv(work, link))
    assert code == 2, err
    assert "tệp đầu vào" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert _digest(catalog) == before and link.is_symlink()


@pytest.mark.parametrize("kind", ["check-json", "baseline", "cost-csv"])
def test_the_input_named_another_way_is_refused(cli, work: Path, kind: str) -> None:
    catalog = work / "catalogs" / "xa-2026.yaml"
    before = _digest(catalog)
    hard = work / "hard.json"
    os.link(catalog, hard)
    for out in (Path("catalogs/../catalogs/./xa-2026.yaml"), hard):
        code, _, err = cli(*BY_NAME[kind].argv(work, out))
        assert code == 2 and "tệp đầu vào" in err, err
    assert _digest(catalog) == before


def test_the_site_never_replaces_a_folder_holding_an_input(cli, work: Path) -> None:
    before = _digest(work / "catalogs" / "xa-2026.yaml")
    code, _, err = cli(*[a.replace("{dir}", "catalogs").replace("{out}", str(work)) for a in SITE])
    assert code == 2 and "chứa tệp đầu vào" in err
    assert _digest(work / "catalogs" / "xa-2026.yaml") == before


@pytest.mark.parametrize("kind", ["check-json", "schema", "recommend-md", "stats-chart", "convert-yaml"])
def test_a_folder_given_as_output_is_one_line(cli, work: Path, kind: str) -> None:
    folder = work / f"out{BY_NAME[kind].suffix}"
    folder.mkdir()
    code, _, err = cli(*BY_NAME[kind].argv(work, folder))
    assert code == 2
    assert "là một thư mục" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("kind", [k for k in KINDS if not k.readback], ids=lambda k: k.name)
def test_an_existing_file_keeps_its_mode_and_a_symlink_stays(cli, work: Path, kind: Kind) -> None:
    real = work / f"real{kind.suffix}"
    real.write_bytes(b"old")
    real.chmod(0o600)
    link = work / f"link{kind.suffix}"
    link.symlink_to(real.name)
    code, _, err = cli(*kind.argv(work, link))
    assert code in (0, 1), err
    assert link.is_symlink() and os.readlink(link) == real.name
    assert real.read_bytes() != b"old" and len(real.read_bytes()) > 100
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    assert temp_leftovers(work) == []


@pytest.mark.parametrize("kind", [k for k in KINDS if not k.readback], ids=lambda k: k.name)
def test_a_fifo_is_written_into_not_replaced(cli, work: Path, kind: Kind) -> None:
    fifo = work / f"pipe{kind.suffix}"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, _, err = cli(*kind.argv(work, fifo))
    reader.join(20)
    assert code in (0, 1), err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert got and len(got[0]) > 100


def test_convert_refuses_a_special_file_it_cannot_read_back(cli, work: Path) -> None:
    fifo = work / "pipe.yaml"
    os.mkfifo(fifo)
    code, _, err = cli(*BY_NAME["convert-yaml"].argv(work, fifo))
    assert code == 2 and "tệp thường" in err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.skipif(not ROOT_USER, reason="mknod of a character device needs root")
@pytest.mark.parametrize("kind", ["check-json", "schema", "template", "handbook"])
def test_a_null_device_stays_a_device(cli, work: Path, kind: str) -> None:
    """A /dev/null of our own (mknod 1,3 in the test folder): never the machine's /dev/null."""
    null = work / f"null{BY_NAME[kind].suffix}"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    link = work / f"via-link{BY_NAME[kind].suffix}"
    link.symlink_to(null)
    for out in (null, link):
        code, _, err = cli(*BY_NAME[kind].argv(work, out))
        assert code in (0, 1), err
        assert stat.S_ISCHR(os.lstat(null).st_mode) and link.is_symlink()


@pytest.mark.skipif(not ROOT_USER, reason="mknod of a character device needs root")
def test_a_full_device_is_one_line(cli, work: Path) -> None:
    """A /dev/full of our own (mknod 1,7): the write fails with ENOSPC for real."""
    full = work / "full.json"
    os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    code, _, err = cli(*BY_NAME["check-json"].argv(work, full))
    assert code == 2 and stat.S_ISCHR(os.lstat(full).st_mode)
    assert "hết chỗ trên đĩa (No space left on device)" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("kind", ["check-json", "check-csv", "cost-csv", "baseline", "schema"])
def test_dash_is_stdout(cli, work: Path, kind: str) -> None:
    code, out, err = cli(*BY_NAME[kind].argv(work, Path("-")))
    assert code in (0, 1), err
    assert len(out) > 100 and not (work / "-").exists()


def test_dash_where_stdout_cannot_take_it(cli, work: Path) -> None:
    code, _, err = cli(*BY_NAME["handbook"].argv(work, Path("-")))
    assert code == 2 and "stdout" in err


def _refuse(code: int):
    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code), str(args[0]) if args else None)

    return fail


@pytest.mark.parametrize(
    ("code", "reason"),
    [(errno.EACCES, "không có quyền truy cập (Permission denied)"), (errno.ENOSPC, "hết chỗ trên đĩa")],
)
@pytest.mark.parametrize("kind", ["check-json", "baseline", "recommend-xlsx", "handbook", "stats-chart", "template"])
def test_a_refused_write_is_one_line_and_the_old_file_stays(cli, work: Path, monkeypatch, kind, code, reason) -> None:
    """The system refusing the temp file (a read-only folder for a non-root user; root bypasses modes)."""
    out = work / f"out{BY_NAME[kind].suffix}"
    out.write_bytes(b"old")
    monkeypatch.setattr(files, "_mkstemp", _refuse(code))
    status, _, err = cli(*BY_NAME[kind].argv(work, out))
    assert status == 2
    line = [x for x in err.splitlines() if x.startswith("tthc: lỗi")]
    assert line == [line[0]] and str(out) in line[0] and reason in line[0], err
    assert "Traceback" not in err and out.read_bytes() == b"old"


@pytest.mark.skipif(ROOT_USER, reason="root writes into a read-only folder")
def test_a_read_only_folder_is_one_line(cli, work: Path) -> None:
    folder = work / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        code, _, err = cli(*BY_NAME["check-json"].argv(work, folder / "x.json"))
    finally:
        folder.chmod(0o755)
    assert code == 2 and "Permission denied" in err


def test_stale_temp_files_of_dead_runs_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    dead = tmp_path / ".report.json.tthc-999999999-abc.tmp"  # no such process
    alive = tmp_path / f".report.json.tthc-{os.getppid()}-abc.tmp"  # a running writer's file stays
    other = tmp_path / ".report.json.xyz.tmp"  # not ours
    for p in (dead, alive, other):
        p.write_text("partial")
    files.write_text_atomic(out, "{}\n")
    assert out.read_text() == "{}\n"
    assert not dead.exists() and alive.exists() and other.exists()


def test_swap_folder_exchanges_and_restore_repairs_a_killed_fallback(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "a").write_text("old")
    new = files.temp_folder(out)
    (new / "a").write_text("new")
    files.swap_folder(new, out)
    assert (out / "a").read_text() == "new" and not new.exists()
    # The fallback (no renameat2): a kill between its two renames leaves the old site aside ...
    aside = tmp_path / ".site.tthc-999999999-x.old"
    os.replace(out, aside)
    assert files.restore_folder(out) and (out / "a").read_text() == "new"  # ... and the next run puts it back
    monkeypatch.setattr(files, "_exchange", lambda a, b: False)
    new = files.temp_folder(out)
    (new / "a").write_text("newer")
    files.swap_folder(new, out)
    assert (out / "a").read_text() == "newer" and temp_leftovers(tmp_path) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")
def test_the_site_swap_is_one_step_on_linux(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "x").touch()
    if not files._exchange(a, b):
        pytest.skip("this filesystem cannot exchange folders (the fallback is tested above)")
    assert (b / "x").exists() and not (a / "x").exists()
