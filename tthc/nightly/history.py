"""Recorded runs in SQLite: `tthc check --record DB` appends, `tthc history` reads.

One transaction per run, WAL mode, a busy timeout and a bounded retry on SQLITE_BUSY, so
two nightly jobs recording into the same database at once both land. A file that is not
ours (another application's SQLite database, or not SQLite at all) is refused before
anything is written to it: it is first looked at read-only and immutable (no tables added,
no WAL switch, no -wal/-shm files); ours carry `PRAGMA application_id` = "tthc". The schema version
is `PRAGMA user_version`; `MIGRATIONS[n]` upgrades a database from version n to n + 1.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tthc import __version__
from tthc.i18n import text, tr
from tthc.load.base import LoadError

if TYPE_CHECKING:
    from tthc.audit import Audit

SCHEMA_VERSION = 1
APPLICATION_ID = 0x74746863  # "tthc" in PRAGMA application_id: a database tthc made
OUR_TABLES = frozenset({"runs", "inputs", "findings"})
_SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
RETRY_SECONDS = 120.0  # give up on a locked database after this long
T = TypeVar("T")

_SCHEMA_V1 = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    recorded_at TEXT NOT NULL,          -- UTC, ISO 8601
    as_of TEXT NOT NULL,                -- the date rules were judged at
    tool_version TEXT NOT NULL,
    rules TEXT NOT NULL,                -- JSON list of the rule codes that ran
    procedures INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS inputs (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    catalog TEXT,
    procedures INTEGER
);
CREATE TABLE IF NOT EXISTS findings (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    fingerprint TEXT NOT NULL,
    rule_code TEXT NOT NULL,
    rule_name TEXT NOT NULL,
    severity TEXT NOT NULL,
    catalog TEXT,
    file TEXT,
    procedure_code TEXT,
    procedure_name TEXT,
    element TEXT,                       -- the procedure part the finding is about
    procedure_field TEXT,               -- the procedure's lĩnh vực
    agencies TEXT NOT NULL,             -- JSON list
    message TEXT
);
CREATE INDEX IF NOT EXISTS findings_by_run ON findings(run_id);
CREATE INDEX IF NOT EXISTS inputs_by_run ON inputs(run_id);
"""

# version n -> function upgrading a database at version n to n + 1 (inside the transaction).
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {}


class HistoryError(LoadError):
    """The history database cannot be opened, read or written (one line, exit 2)."""


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# -- connection, retry, schema ------------------------------------------------------------


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def with_retry(action: Callable[[], T], *, deadline: float = RETRY_SECONDS) -> T:
    """Run `action`, retrying with jittered backoff while SQLite reports the database busy."""
    start = time.monotonic()
    delay = 0.05
    while True:
        try:
            return action()
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc) or time.monotonic() - start > deadline:
                raise
            time.sleep(delay + random.uniform(0, delay))
            delay = min(delay * 2, 1.0)


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT: takes the write lock up front, so no deadlock on upgrade."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _ensure_schema(conn: sqlite3.Connection) -> None:
    """Create the tables, or migrate an older database; refuse a newer one."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        return
    if version > SCHEMA_VERSION:
        raise HistoryError(
            tr(
                f"cơ sở dữ liệu lịch sử ở phiên bản {version}, mới hơn bản tthc này ({SCHEMA_VERSION}); hãy nâng cấp tthc",
                f"the history database is at version {version}, newer than this tthc ({SCHEMA_VERSION}); upgrade tthc",
            )
        )
    with _transaction(conn):
        version = conn.execute("PRAGMA user_version").fetchone()[0]  # another process may have done it
        if version == 0:
            for statement in _SCHEMA_V1.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            version = 1
        while version < SCHEMA_VERSION:
            MIGRATIONS[version](conn)
            version += 1
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


@contextmanager
def open_db(path: Path, *, create: bool) -> Iterator[sqlite3.Connection]:
    """A connection to the history database with its schema current (HistoryError otherwise)."""
    path = Path(path)
    if not create and not path.is_file():
        raise HistoryError(
            tr(
                "không có cơ sở dữ liệu lịch sử; ghi bằng 'tthc check --record DB'",
                "no such history database; record one with 'tthc check --record DB'",
            ),
            str(path),
        )
    try:
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        refuse_foreign(path)
        with closing(_connect(path)) as conn:
            with_retry(lambda: conn.execute("PRAGMA journal_mode = WAL"))
            with_retry(lambda: _ensure_schema(conn))
            yield conn
    except sqlite3.DatabaseError as exc:
        raise HistoryError(
            tr(f"lỗi cơ sở dữ liệu lịch sử: {exc}", f"history database error: {exc}"), str(path)
        ) from None
    except OSError as exc:
        raise HistoryError(
            tr(f"không mở được cơ sở dữ liệu lịch sử: {exc}", f"cannot open the history database: {exc}"), str(path)
        ) from None


def refuse_foreign(path: Path) -> None:
    """HistoryError unless `path` is missing, empty, or a tthc history database (looked at read-only)."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(len(_SQLITE_HEADER))
    except FileNotFoundError:
        return
    except IsADirectoryError:
        header = b"folder"
    if not header:
        return  # an empty file: SQLite makes a new database in it
    if path.is_dir() or header != _SQLITE_HEADER:
        raise HistoryError(
            tr(
                "không phải cơ sở dữ liệu SQLite; tthc không ghi vào tệp này, hãy chọn --db khác",
                "not an SQLite database; tthc does not write to it, choose another --db",
            ),
            str(path),
        )
    wal = Path(f"{path}-wal")
    immutable = "" if wal.exists() and wal.stat().st_size else "&immutable=1"  # a live WAL must be read
    uri = f"{path.resolve().as_uri()}?mode=ro{immutable}"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {
                row[0]
                for row in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                )
            }
    except sqlite3.DatabaseError as exc:
        raise HistoryError(
            tr(
                f"tệp SQLite hỏng hoặc không đọc được ({exc}); tthc không ghi vào tệp này, hãy chọn --db khác",
                f"a damaged or unreadable SQLite file ({exc}); tthc does not write to it, choose another --db",
            ),
            str(path),
        ) from None
    if app_id == APPLICATION_ID:
        return
    if app_id == 0 and not tables and version == 0:
        return  # an empty database: ours to fill
    if app_id == 0 and "runs" in tables and tables <= OUR_TABLES and version >= 1:
        return  # made by a tthc from before application_id
    shown = ", ".join(sorted(tables)[:5]) + ("…" if len(tables) > 5 else "")
    raise HistoryError(
        tr(
            f"không phải cơ sở dữ liệu lịch sử của tthc (có bảng: {shown or 'không'}); tthc không ghi vào tệp này, "
            "hãy chọn --db khác",
            f"not a tthc history database (tables: {shown or 'none'}); tthc does not write to it, choose another --db",
        ),
        str(path),
    )


# -- recording ----------------------------------------------------------------------------


def record_run(db_path: Path, audit: Audit, *, recorded_at: dt.datetime | None = None) -> int:
    """Append the run (inputs with their hashes, every finding) in one transaction; returns its id."""
    when = (recorded_at or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).isoformat(timespec="seconds")
    inputs = [
        (
            str(r.catalog.source_file),
            file_sha256(Path(r.catalog.source_file)),
            r.catalog.identity,
            len(r.catalog.procedures),
        )
        for r in audit.results
        if r.catalog.source_file
    ]
    rows = [
        (
            f.fingerprint,
            f.rule_code,
            f.rule_name,
            f.severity.value,
            f.catalog,
            f.file,
            f.procedure_code,
            f.procedure_name,
            f.field,
            f.procedure_field,
            json.dumps(f.agencies, ensure_ascii=False),
            text(f.message, "vi"),  # the record keeps the officials' language
        )
        for f in audit.findings
    ]
    procedures = sum(len(c.procedures) for c in audit.catalogs)
    rules = json.dumps([r.code for r in audit.rules])

    def write(conn: sqlite3.Connection) -> int:
        with _transaction(conn):
            cur = conn.execute(
                "INSERT INTO runs (recorded_at, as_of, tool_version, rules, procedures) VALUES (?, ?, ?, ?, ?)",
                (when, audit.as_of.isoformat(), __version__, rules, procedures),
            )
            run_id = int(cur.lastrowid or 0)
            conn.executemany(
                "INSERT INTO inputs (run_id, path, sha256, catalog, procedures) VALUES (?, ?, ?, ?, ?)",
                [(run_id, *row) for row in inputs],
            )
            conn.executemany(
                "INSERT INTO findings (run_id, fingerprint, rule_code, rule_name, severity, catalog, file,"
                " procedure_code, procedure_name, element, procedure_field, agencies, message)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(run_id, *row) for row in rows],
            )
        return run_id

    with open_db(db_path, create=True) as conn:
        return with_retry(lambda: write(conn))


# -- reading ------------------------------------------------------------------------------

BREAKDOWNS = ("field", "agency", "rule")


@dataclass
class RunSummary:
    id: int
    recorded_at: str
    as_of: str
    tool_version: str
    procedures: int
    inputs: list[dict[str, Any]]
    by_severity: dict[str, int]
    total: int
    new: int | None  # None for the first run: nothing to compare with
    fixed: int | None
    breakdown: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "recorded_at": self.recorded_at,
            "as_of": self.as_of,
            "tool_version": self.tool_version,
            "procedures": self.procedures,
            "inputs": self.inputs,
            "total": self.total,
            "by_severity": self.by_severity,
            "new": self.new,
            "fixed": self.fixed,
            "breakdown": self.breakdown,
        }


def _keys(row: sqlite3.Row, by: str) -> list[str]:
    if by == "rule":
        return [row["rule_name"]]
    if by == "agency":
        agencies = json.loads(row["agencies"] or "[]")
        return agencies or [""]
    return [row["procedure_field"] or ""]


def read_runs(db_path: Path, *, by: str = "field", limit: int | None = None) -> list[RunSummary]:
    """Every recorded run, oldest first, with new/fixed against the run before it."""
    if by not in BREAKDOWNS:
        raise ValueError(by)
    with open_db(db_path, create=False) as conn:
        conn.row_factory = sqlite3.Row
        runs = conn.execute("SELECT * FROM runs ORDER BY id").fetchall()
        inputs: dict[int, list[dict[str, Any]]] = {}
        for row in conn.execute("SELECT * FROM inputs ORDER BY run_id, rowid"):
            inputs.setdefault(row["run_id"], []).append(
                {"path": row["path"], "sha256": row["sha256"], "catalog": row["catalog"]}
            )
        summaries: list[RunSummary] = []
        previous: set[str] | None = None
        first = max(0, len(runs) - limit - 1) if limit else 0  # one more run, for new/fixed of the first shown
        for run in runs[first:]:
            findings = conn.execute(
                "SELECT fingerprint, severity, rule_name, agencies, procedure_field FROM findings WHERE run_id = ?",
                (run["id"],),
            ).fetchall()
            prints = {r["fingerprint"] for r in findings}
            breakdown: Counter[str] = Counter(key for r in findings for key in _keys(r, by))
            summaries.append(
                RunSummary(
                    id=run["id"],
                    recorded_at=run["recorded_at"],
                    as_of=run["as_of"],
                    tool_version=run["tool_version"],
                    procedures=run["procedures"],
                    inputs=inputs.get(run["id"], []),
                    by_severity=dict(Counter(r["severity"] for r in findings)),
                    total=len(findings),
                    new=None if previous is None else len(prints - previous),
                    fixed=None if previous is None else len(previous - prints),
                    breakdown=dict(breakdown.most_common()),
                )
            )
            previous = prints
    if limit and len(summaries) > limit:
        summaries = summaries[-limit:]
    return summaries


SPARK = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float]) -> str:
    """▁▂▃▄▅▆▇█ scaled between the smallest and largest value."""
    if not values:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return (SPARK[0] if high == 0 else SPARK[3]) * len(values)
    return "".join(SPARK[round((v - low) / (high - low) * (len(SPARK) - 1))] for v in values)
