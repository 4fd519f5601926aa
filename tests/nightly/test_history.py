"""`tthc check --record DB` and `tthc history`: runs, totals, new/fixed, breakdowns, schema version."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from tests.nightly.catalogs import SELECT, complete, defective, write_catalog
from tthc.nightly import history


@pytest.fixture
def two_runs(cli, tmp_path: Path, monkeypatch) -> Path:
    """Run 1 on the defective catalog; run 2 after fixing 1.000894 (2 fixed) and breaking 2.000635 (1 new)."""
    monkeypatch.chdir(tmp_path)
    path = write_catalog(tmp_path / "xa.yaml", defective())
    assert cli("check", "xa.yaml", "--select", SELECT, "--record", "h.db", "--as-of", "2026-11-01")[0] == 1
    procedures = defective()
    procedures[1] = complete("1.000894", "Đăng ký khai tử")
    del procedures[3]["legal_basis"]
    write_catalog(path, procedures)
    assert cli("check", "xa.yaml", "--select", SELECT, "--record", "h.db", "--as-of", "2026-11-02")[0] == 1
    return tmp_path


def test_json_shows_each_run_with_new_and_fixed(cli, two_runs: Path) -> None:
    code, out, _ = cli("history", "--db", "h.db", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    first, second = doc["runs"]
    assert (first["as_of"], second["as_of"]) == ("2026-11-01", "2026-11-02")
    assert (first["total"], first["by_severity"], first["new"], first["fixed"]) == (4, {"error": 4}, None, None)
    assert (second["total"], second["new"], second["fixed"]) == (3, 1, 2)
    assert doc["by"] == "field"
    assert first["breakdown"] == {"Hộ tịch": 3, "Chứng thực": 1}
    assert second["inputs"] == [
        {
            "path": "xa.yaml",
            "sha256": hashlib.sha256((two_runs / "xa.yaml").read_bytes()).hexdigest(),
            "catalog": "Danh mục thủ tục hành chính thử nghiệm",
        }
    ]


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        ("agency", {"UBND xã": 3, "Phòng Tư pháp": 1}),
        (
            "rule",
            {"missing-required-element": 1, "legal-basis-missing": 1, "invalid-code-format": 1, "duplicate-code": 1},
        ),
    ],
)
def test_breakdowns(cli, two_runs: Path, by: str, expected: dict) -> None:
    _, out, _ = cli("history", "--db", "h.db", "--format", "json", "--by", by)
    assert json.loads(out)["runs"][0]["breakdown"] == expected


def test_terminal_table_with_sparkline(cli, two_runs: Path) -> None:
    wide = {"COLUMNS": "160"}
    code, out, _ = cli("history", "--db", "h.db", env=wide)
    assert code == 0
    assert "Lịch sử kiểm tra" in out
    assert "Mới" in out and "Đã khắc phục" in out
    assert "Xu hướng: █▁  4 → 3" in out
    assert "Hộ tịch" in out and "Chứng thực" in out
    code, out, _ = cli("history", "--db", "h.db", "--lang", "en", "--by", "rule", env=wide)
    assert "Check history" in out and "legal-basis-missing" in out


def test_limit_keeps_new_and_fixed_of_the_first_shown(cli, two_runs: Path) -> None:
    _, out, _ = cli("history", "--db", "h.db", "--format", "json", "--limit", "1")
    (run,) = json.loads(out)["runs"]
    assert (run["new"], run["fixed"]) == (1, 2)


def test_database_records_every_finding_and_schema_version(two_runs: Path) -> None:
    with sqlite3.connect(two_runs / "h.db") as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == history.SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        rows = conn.execute(
            "SELECT fingerprint, rule_code, severity, procedure_code, procedure_name, element, procedure_field, agencies"
            " FROM findings WHERE run_id = 1 ORDER BY rule_code"
        ).fetchall()
    assert len(rows) == 4
    fp, rule, severity, code, name, element, field, agencies = rows[0]
    assert (rule, severity, code, name, element, field) == (
        "TT101",
        "error",
        "1.000894",
        "Đăng ký khai tử",
        "steps",
        "Hộ tịch",
    )
    assert json.loads(agencies) == ["UBND xã"]
    assert len(fp) >= 20


def test_missing_or_foreign_database_exits_2(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = cli("history", "--db", "none.db")
    assert code == 2 and "none.db" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "none.db").exists()
    (tmp_path / "text.db").write_text("không phải SQLite " * 100, encoding="utf-8")
    code, _, err = cli("history", "--db", "text.db")
    assert code == 2 and "text.db" in err and "Traceback" not in err
    write_catalog(tmp_path / "xa.yaml", defective())
    code, _, err = cli("check", "xa.yaml", "--select", SELECT, "--record", "text.db")
    assert code == 2 and "text.db" in err


def test_newer_database_is_refused(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    with sqlite3.connect(tmp_path / "h.db") as conn:
        conn.execute(f"PRAGMA application_id = {history.APPLICATION_ID}")  # made by a newer tthc
        conn.execute(f"PRAGMA user_version = {history.SCHEMA_VERSION + 1}")
    code, _, err = cli("history", "--db", "h.db")
    assert code == 2
    assert "nâng cấp tthc" in err


def test_migration_hook_upgrades_an_older_database(two_runs: Path, monkeypatch) -> None:
    def add_reviewer(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE runs ADD COLUMN reviewer TEXT")

    monkeypatch.setattr(history, "SCHEMA_VERSION", history.SCHEMA_VERSION + 1)
    monkeypatch.setitem(history.MIGRATIONS, history.SCHEMA_VERSION - 1, add_reviewer)
    runs = history.read_runs(two_runs / "h.db")
    assert len(runs) == 2
    with sqlite3.connect(two_runs / "h.db") as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == history.SCHEMA_VERSION
        assert "reviewer" in [row[1] for row in conn.execute("PRAGMA table_info(runs)")]


def test_runs_with_format_errors_are_not_recorded(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.yaml").write_text(
        "tthc_catalog: 1\nprocedures:\n  - {code: '1.001193', name: A, place: [x, y]}\n", encoding="utf-8"
    )
    code, _, _ = cli("check", "bad.yaml", "--select", SELECT, "--record", "h.db")
    assert code == 2
    assert not (tmp_path / "h.db").exists()


def test_sparkline() -> None:
    assert history.sparkline([]) == ""
    assert history.sparkline([0, 0]) == "▁▁"
    assert history.sparkline([5, 5]) == "▄▄"
    assert history.sparkline([0, 7, 14]) == "▁▅█"
    assert history.sparkline([3, 1, 2]) == "█▁▅"
