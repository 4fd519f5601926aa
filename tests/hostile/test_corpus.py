"""The hostile-input corpus in CI (tests/hostile/corpus.py): every case one documented exit,
no traceback, inputs unchanged, special files kept, nothing half-written, memory bounded."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import corpus


def test_the_hostile_corpus(tmp_path: Path, capsys) -> None:
    judged, peaks = corpus.run_corpus(tmp_path)
    report = corpus.summary(judged, peaks)
    with capsys.disabled():
        print("\n" + report)
    assert len(judged) >= 300
    assert max(peaks) < corpus.PEAK_MB, report
    assert not [c.name for c, _, problems in judged if problems], report
    kinds = {c.kind for c, _, _ in judged}
    assert {"bad encoding", "control characters", "huge or deep YAML", "odd workbook", "foreign database"} <= kinds
    corpus._remove(tmp_path)  # read-only folders too
