"""Baselines: accept today's findings so a nightly job reports only new ones.

A baseline file is JSON, versioned, sorted and written atomically so it diffs well in git:

    {"tthc_baseline": 1, "generator": "tthc 0.1.0", "findings": [
      {"fingerprint": "…", "rule": "legal-basis-missing", "rule_code": "TT102",
       "catalog": "…", "procedure_code": "1.001193", "procedure_name": "…",
       "field": "legal_basis", "message": "…"}, …]}

Only the fingerprint is matched (catalog identity + procedure + rule + field + subject, never
a row number); the other keys are for the people reading the file. A baseline only shrinks:
`check --baseline` lists entries that no longer occur, `baseline update` drops them and
never adds new findings.
"""

from __future__ import annotations

import json
import os
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tthc import __version__
from tthc.i18n import T, text
from tthc.load.base import LoadError
from tthc.rules.base import Finding

FORMAT_VERSION = 1
ENTRY_KEYS = ("fingerprint", "rule", "rule_code", "catalog", "procedure_code", "procedure_name", "field", "message")


class BaselineError(LoadError):
    """The baseline file is missing or unreadable (the CLI prints one line and exits 2)."""


@dataclass(frozen=True)
class Scope:
    """What a run looked at: entries outside it are neither matched nor called fixed.

    Checking one catalog, or a few rules, against a baseline of everything must not
    report the rest of the baseline as fixed (nor drop it on update).
    """

    rule_codes: Collection[str] | None = None
    catalogs: Collection[str] | None = None

    def covers(self, entry: dict[str, Any]) -> bool:
        if self.rule_codes is not None and _current_code(entry.get("rule_code")) not in self.rule_codes:
            return False
        return not (self.catalogs is not None and entry.get("catalog") not in self.catalogs)


def _current_code(code: Any) -> Any:
    """An entry's rule code as the rule is called now (an entry may predate a rename: Rule.aliases)."""
    from tthc.rules import find_rule

    rule = find_rule(str(code)) if code else None
    return rule.code if rule else code


def entry(f: Finding) -> dict[str, Any]:
    return {
        "fingerprint": f.fingerprint,
        "rule": f.rule_name,
        "rule_code": f.rule_code,
        "catalog": f.catalog,
        "procedure_code": f.procedure_code,
        "procedure_name": f.procedure_name,
        "field": f.field,
        "message": text(f.message, "vi"),
    }


def _sort_key(e: dict[str, Any]) -> tuple[str, str, str, str]:
    return (str(e.get("catalog") or ""), str(e.get("procedure_code") or ""), str(e.get("rule_code")), e["fingerprint"])


def dumps(entries: Iterable[dict[str, Any]]) -> str:
    rows = sorted(({k: e.get(k) for k in ENTRY_KEYS} for e in entries), key=_sort_key)
    doc = {"tthc_baseline": FORMAT_VERSION, "generator": f"tthc {__version__}", "findings": rows}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def write(path: Path, entries: Iterable[dict[str, Any]]) -> None:
    from tthc.report.files import write_text_atomic

    write_text_atomic(path, dumps(entries))


def create(path: Path, findings: Sequence[Finding]) -> int:
    """Write a baseline of these findings; returns the number of entries."""
    entries = [entry(f) for f in findings]
    write(path, entries)
    return len(entries)


def load(path: Path) -> list[dict[str, Any]]:
    """The entries of a baseline file; BaselineError with one readable line otherwise."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise BaselineError(
            T(
                "không có tệp baseline; tạo bằng 'tthc baseline create PATH… -o FILE'",
                "no such baseline file; create one with 'tthc baseline create PATH… -o FILE'",
            ),
            str(path),
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(
            T(f"không đọc được tệp baseline ({exc})", f"cannot read the baseline ({exc})"), str(path)
        ) from None
    return parse(text, str(path))


def parse(text: str, where: str) -> list[dict[str, Any]]:
    """The entries of a baseline's text (BaselineError with one line for anything else)."""
    try:
        doc = json.loads(text)
    except RecursionError:
        raise BaselineError(
            T(
                "tệp baseline hỏng (lồng nhau quá sâu); tạo lại bằng 'tthc baseline create'",
                "corrupt baseline (nested too deeply); recreate it with 'tthc baseline create'",
            ),
            where,
        ) from None
    except json.JSONDecodeError as exc:
        raise BaselineError(
            T(
                f"tệp baseline hỏng (JSON lỗi ở dòng {exc.lineno}, cột {exc.colno}); tạo lại bằng 'tthc baseline create'",
                f"corrupt baseline (bad JSON at line {exc.lineno}, column {exc.colno}); recreate it with 'tthc baseline create'",
            ),
            where,
        ) from None
    except ValueError as exc:  # e.g. a 5,000-digit number (Python refuses to convert it)
        raise BaselineError(
            T(
                f"tệp baseline hỏng ({exc}); tạo lại bằng 'tthc baseline create'",
                f"corrupt baseline ({exc}); recreate it with 'tthc baseline create'",
            ),
            where,
        ) from None
    return _entries(doc, where)


def _entries(doc: Any, where: str) -> list[dict[str, Any]]:
    if not isinstance(doc, dict) or "tthc_baseline" not in doc:
        raise BaselineError(
            T("không phải tệp baseline của tthc (thiếu 'tthc_baseline')", "not a tthc baseline (no 'tthc_baseline')"),
            where,
        )
    version = doc["tthc_baseline"]
    if not isinstance(version, int) or version > FORMAT_VERSION or version < 1:
        raise BaselineError(
            T(
                f"phiên bản baseline {version!r} không được hỗ trợ (bản này đọc {FORMAT_VERSION}); hãy nâng cấp tthc",
                f"baseline version {version!r} is not supported (this release reads {FORMAT_VERSION}); upgrade tthc",
            ),
            where,
        )
    rows = doc.get("findings")
    if not isinstance(rows, list) or not all(
        isinstance(r, dict) and isinstance(r.get("fingerprint"), str) and r["fingerprint"] for r in rows
    ):
        raise BaselineError(
            T(
                "tệp baseline hỏng: 'findings' phải là danh sách, mỗi mục có 'fingerprint'",
                "corrupt baseline: 'findings' must be a list whose entries have a 'fingerprint'",
            ),
            where,
        )
    return rows


def compare(
    findings: Sequence[Finding], entries: Sequence[dict[str, Any]], scope: Scope | None = None
) -> tuple[list[Finding], list[dict[str, Any]]]:
    """(findings not in the baseline, baseline entries in scope that no longer occur)."""
    known = {e["fingerprint"] for e in entries}
    current = {f.fingerprint for f in findings}
    scope = scope or Scope()
    new = [f for f in findings if f.fingerprint not in known]
    fixed = sorted((e for e in entries if e["fingerprint"] not in current and scope.covers(e)), key=_sort_key)
    return new, fixed


def apply_baseline(
    findings: Sequence[Finding], path: Path, scope: Scope | None = None
) -> tuple[list[Finding], list[dict[str, Any]]]:
    """`tthc check --baseline`: (new findings, fixed entries)."""
    return compare(findings, load(path), scope)


def update(path: Path, findings: Sequence[Finding], scope: Scope | None = None) -> tuple[list[dict], list[Finding]]:
    """Drop the fixed entries from the baseline file; returns (dropped entries, new findings not added).

    Read, compare and write happen under an exclusive lock on the file, so two updates of
    one baseline at once (two nightly jobs, each for its own catalogs) both keep their drops:
    the second reads what the first wrote.
    """
    with _locked(Path(path)) as text:
        entries = parse(text, str(path)) if text is not None else load(path)
        new, fixed = compare(findings, entries, scope)
        gone = {e["fingerprint"] for e in fixed}
        if gone:
            write(path, [e for e in entries if e["fingerprint"] not in gone])
    return fixed, new


@contextmanager
def _locked(path: Path) -> Iterator[str | None]:
    """Hold an exclusive lock on the baseline file (POSIX flock) and give its current text.

    The file is replaced by a rename on write, so after the lock is granted the path must
    still name the locked file; if another writer replaced it meanwhile, lock the new one.
    Where flock does not exist the text is None (read without a lock).
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield None
        return
    while True:
        try:
            fh = open(path, "rb")  # noqa: SIM115 - the lock is held across the yield
        except OSError:
            yield None  # load() reports it
            return
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            try:
                same = os.fstat(fh.fileno()).st_ino == os.stat(path).st_ino
            except FileNotFoundError:
                same = False
            if same:
                data = fh.read()
                try:
                    text = data.decode("utf-8-sig")
                except UnicodeDecodeError as exc:
                    raise BaselineError(
                        T(f"không đọc được tệp baseline ({exc})", f"cannot read the baseline ({exc})"), str(path)
                    ) from None
                yield text
                return
        finally:
            fh.close()  # releases the lock
