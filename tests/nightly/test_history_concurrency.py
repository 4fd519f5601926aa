"""Two `tthc check --record` processes writing the same database at once: both runs land."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.nightly.catalogs import SELECT, complete, defective, write_catalog


def test_two_processes_record_at_once(tmp_path: Path) -> None:
    # Enough procedures that each transaction takes a while, so the writers really overlap.
    no_steps = [complete(f"2.{i:06d}", f"Thủ tục {i}") for i in range(400)]
    for procedure in no_steps:
        del procedure["steps"]  # one finding each
    many = defective() + no_steps
    write_catalog(tmp_path / "a.yaml", many, name="Danh mục A")
    write_catalog(tmp_path / "b.yaml", many, name="Danh mục B")
    command = [sys.executable, "-m", "tthc", "check", "--select", SELECT, "--record", "h.db", "--format", "json"]
    procs = [
        subprocess.Popen(
            [*command, name],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("a.yaml", "b.yaml")
    ]
    results = [(p.communicate(timeout=300)[1], p.returncode) for p in procs]
    assert [code for _, code in results] == [1, 1], results
    with sqlite3.connect(tmp_path / "h.db") as conn:
        runs = conn.execute("SELECT id FROM runs ORDER BY id").fetchall()
        per_run = conn.execute("SELECT run_id, count(*) FROM findings GROUP BY run_id ORDER BY run_id").fetchall()
        catalogs = {row[0] for row in conn.execute("SELECT catalog FROM inputs")}
    assert len(runs) == 2
    assert [n for _, n in per_run] == [404, 404]
    assert catalogs == {"Danh mục A", "Danh mục B"}
