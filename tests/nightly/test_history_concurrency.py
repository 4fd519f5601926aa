"""Two `tthc check --record` processes writing the same database at once: both runs land."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.nightly.catalogs import SELECT, complete, defective, write_catalog
from tthc.nightly import history


def _catalogs(folder: Path) -> None:
    no_steps = [complete(f"2.{i:06d}", f"Thủ tục {i}") for i in range(400)]
    for procedure in no_steps:
        del procedure["steps"]  # one finding each
    write_catalog(folder / "a.yaml", defective() + no_steps, name="Danh mục A")
    write_catalog(folder / "b.yaml", defective() + no_steps, name="Danh mục B")


@pytest.mark.parametrize("held", [False, True], ids=["fresh-database", "database-locked-while-both-start"])
def test_two_processes_record_at_once(tmp_path: Path, held: bool) -> None:
    _catalogs(tmp_path)
    blocker = None
    if held:  # another writer holds the lock while both start: both must wait, then both land
        blocker = sqlite3.connect(tmp_path / "h.db", isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")
    command = [sys.executable, "-m", "tthc", "check", "--select", SELECT, "--record", "h.db", "--format", "json"]
    procs = [
        subprocess.Popen([*command, name], cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for name in ("a.yaml", "b.yaml")
    ]
    if blocker is not None:
        time.sleep(2.0)
        blocker.execute("COMMIT")
        blocker.close()
    results = [(p.communicate(timeout=300)[1], p.returncode) for p in procs]
    assert [code for _, code in results] == [1, 1], results
    assert not any("Traceback" in err for err, _ in results), results
    with sqlite3.connect(tmp_path / "h.db") as conn:
        runs = conn.execute("SELECT id FROM runs ORDER BY id").fetchall()
        per_run = conn.execute("SELECT run_id, count(*) FROM findings GROUP BY run_id ORDER BY run_id").fetchall()
        catalogs = {row[0] for row in conn.execute("SELECT catalog FROM inputs")}
    assert len(runs) == 2
    assert [n for _, n in per_run] == [404, 404]
    assert catalogs == {"Danh mục A", "Danh mục B"}


def test_busy_database_is_retried_beyond_the_busy_timeout(tmp_path: Path, monkeypatch) -> None:
    """SQLITE_BUSY after busy_timeout is not the end: the write is retried until the lock goes."""
    db = tmp_path / "h.db"
    with history.open_db(db, create=True):
        pass
    monkeypatch.setattr(history, "BUSY_TIMEOUT_MS", 20)
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    attempts = []

    def insert(conn: sqlite3.Connection) -> str:
        attempts.append(1)
        with history._transaction(conn):
            conn.execute(
                "INSERT INTO runs (recorded_at, as_of, tool_version, rules, procedures) VALUES ('t', 'a', 'v', '[]', 0)"
            )
        return "done"

    release = threading.Timer(0.6, lambda: (holder.execute("COMMIT"), holder.close()))
    release.start()
    try:
        with history.open_db(db, create=True) as conn:
            assert history.with_retry(lambda: insert(conn), deadline=10) == "done"
    finally:
        release.join()
    assert len(attempts) > 1
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM runs").fetchone()[0] == 1
