"""Other people's files: a foreign SQLite database is never touched; baselines survive concurrency and junk."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import sqlite3
import time
from pathlib import Path

import pytest

from tests.conftest import CATALOGS
from tthc.nightly import baseline, history

SMALL = CATALOGS / "xa-2026.yaml"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _foreign(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE users (id INTEGER, name TEXT)")
        conn.execute("INSERT INTO users VALUES (1, 'an')")
    return path


@pytest.mark.parametrize("command", [("history", "--db", "{db}"), ("check", str(SMALL), "--record", "{db}")])
@pytest.mark.parametrize("kind", ["other-app", "not-sqlite", "other-app-id"])
def test_a_database_that_is_not_ours_is_refused_untouched(cli, tmp_path: Path, command, kind) -> None:
    db = tmp_path / "other-app.db"
    if kind == "other-app":
        _foreign(db)
    elif kind == "other-app-id":
        _foreign(db)
        with sqlite3.connect(db) as conn:
            conn.execute("PRAGMA application_id = 42")
            conn.execute("CREATE TABLE runs (id INTEGER)")  # a table named like ours does not make it ours
    else:
        db.write_bytes(b"id,name\n1,an\n")
    before = _digest(db)
    code, _, err = cli(*[a.replace("{db}", str(db)) for a in command])
    assert code == 2 and "tthc không ghi vào tệp này" in err and "Traceback" not in err
    assert _digest(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other-app.db"]  # no -wal, no -shm
    if kind != "not-sqlite":
        with sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True) as conn:
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_our_database_and_an_empty_file_are_used(cli, tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    assert cli("check", SMALL, "--record", empty)[0] in (0, 1)
    assert cli("check", SMALL, "--record", empty)[0] in (0, 1)
    with sqlite3.connect(empty) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == history.APPLICATION_ID
        assert conn.execute("SELECT count(*) FROM runs").fetchone()[0] == 2
    legacy = tmp_path / "legacy.db"  # made before tthc set application_id
    with sqlite3.connect(legacy) as conn:
        for statement in history._SCHEMA_V1.split(";"):
            if statement.strip():
                conn.execute(statement)
        conn.execute("PRAGMA user_version = 1")
    assert cli("check", SMALL, "--record", legacy)[0] in (0, 1)
    assert cli("history", "--db", legacy)[0] == 0


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[" * 100_000 + "]" * 100_000, "lồng nhau quá sâu"),
        ('{"tthc_baseline": 1, "findings": [], "n": ' + "9" * 5001 + "}", "tệp baseline hỏng"),
        ('{"tthc_baseline": ' + "1" * 5001 + "}", "tệp baseline hỏng"),
        ('{"tthc_baseline": 1, "findings": [{"fingerprint": 5}]}', "mỗi mục có 'fingerprint'"),
        ("\ufeff[]", "không phải tệp baseline"),
    ],
)
def test_a_hostile_baseline_is_one_line(cli, tmp_path: Path, text: str, reason: str) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(text, encoding="utf-8")
    before = _digest(path)
    for args in (("check", SMALL, "--baseline", path), ("baseline", "update", path, SMALL)):
        code, _, err = cli(*args)
        lines = [x for x in err.splitlines() if x.startswith("tthc: lỗi")]
        assert code == 2 and len(lines) == 1 and reason in lines[0], err
    assert _digest(path) == before


def _slow_update(path: str, catalog: str, started) -> None:
    real = baseline.compare

    def slow(*args, **kwargs):
        time.sleep(0.3)  # widen the read-modify-write window: without the lock, drops are lost
        return real(*args, **kwargs)

    baseline.compare = slow
    started.wait()
    baseline.update(Path(path), [], baseline.Scope(catalogs={catalog}))


def test_concurrent_updates_of_one_baseline_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    catalogs = [f"catalog-{i}" for i in range(4)]
    entries = [
        {"fingerprint": f"{c}-{n}", "catalog": c, "rule_code": "X"} for c in [*catalogs, "kept"] for n in range(25)
    ]
    baseline.write(path, entries)
    context = multiprocessing.get_context("fork")
    started = context.Event()
    workers = [context.Process(target=_slow_update, args=(str(path), c, started)) for c in catalogs]
    for w in workers:
        w.start()
    started.set()
    for w in workers:
        w.join(30)
        assert w.exitcode == 0
    left = json.loads(path.read_text(encoding="utf-8"))["findings"]
    assert {e["catalog"] for e in left} == {"kept"} and len(left) == 25
