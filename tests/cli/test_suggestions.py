""" "Did you mean …?" in the error line of a mistyped name: the nearest valid one, in both languages
(`tthc.suggest.did_you_mean`, one helper for cost settings, decisions files and `tthc explain`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tthc.plan.cost import CostError, _check_activities, resolve_settings
from tthc.plan.decisions import DecisionsError, read_decisions

ACTIVITIES = "reading_up, gathering_papers, copies_certification, filling_forms, travel, waiting, collecting_result"


def _lines(exc: pytest.ExceptionInfo) -> tuple[str, str]:
    return exc.value.text("vi"), exc.value.text("en")


def test_a_mistyped_cost_key_offers_the_nearest() -> None:
    with pytest.raises(CostError) as exc:
        resolve_settings({"hourly-rat": 40000}, None, config_name="tthc.yaml")
    assert _lines(exc) == (
        "tthc.yaml: khóa 'cost.hourly-rat' không xác định; có phải 'hourly-rate'?",
        "tthc.yaml: unknown key 'cost.hourly-rat'; did you mean 'hourly-rate'?",
    )


@pytest.mark.parametrize(
    ("key", "vi_hint", "en_hint"),
    [("travell", "; có phải 'travel'?", "; did you mean 'travel'?"), ("bus", "", "")],
)
def test_a_mistyped_activity_offers_the_nearest_then_lists_them_all(key: str, vi_hint: str, en_hint: str) -> None:
    with pytest.raises(CostError) as exc:
        _check_activities({key: 1}, "tthc.yaml: cost.scm-hours")
    assert _lines(exc) == (
        f"tthc.yaml: cost.scm-hours: hoạt động '{key}' không xác định{vi_hint} (các hoạt động: {ACTIVITIES})",
        f"tthc.yaml: cost.scm-hours: unknown activity '{key}'{en_hint} (activities: {ACTIVITIES})",
    )


@pytest.mark.parametrize(
    ("entry", "vi", "en"),
    [
        (
            "    status: acepted\n",
            "trạng thái không hợp lệ 'acepted'; có phải 'accepted'? (dùng: pending, accepted, rejected, edited)",
            "invalid status 'acepted'; did you mean 'accepted'? (use: pending, accepted, rejected, edited)",
        ),
        ("    notes: x\n", "khóa không xác định 'notes'; có phải 'note'?", "unknown key 'notes'; did you mean 'note'?"),
        ("    zzz: x\n", "khóa không xác định 'zzz'", "unknown key 'zzz'"),
    ],
)
def test_a_mistyped_decision_offers_the_nearest(tmp_path: Path, entry: str, vi: str, en: str) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(f"tthc_decisions: 1\nproposals:\n  - fingerprint: abc\n{entry}", encoding="utf-8")
    with pytest.raises(DecisionsError) as exc:
        read_decisions(path)
    assert _lines(exc) == (f"{path}:4: {vi}", f"{path}:4: {en}")


def test_explain_a_mistyped_rule(cli) -> None:
    assert cli("explain", "household-book")[1:] == (
        "",
        "tthc: lỗi: không có quy tắc 'household-book'; có phải 'household-book-required'?\n",
    )
    assert cli("explain", "household-book", "--lang", "en")[2] == (
        "tthc: error: no rule 'household-book'; did you mean 'household-book-required'?\n"
    )
