"""The "practice" formula reproduces the provinces' figures to the đồng (Đồng Nai QĐ 2816/QĐ-UBND)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tthc.model import Volume, YearVolume
from tthc.plan.cost import CostError, format_percent, format_vnd, procedure_cost, resolve_settings, total


def test_dong_nai_worked_example_to_the_dong(procedure, finding, practice) -> None:
    cut = finding("processing-time-reducible", days_before=10, days_after=9)
    cost = procedure_cost(procedure(10, 10), [cut], practice)
    assert cost.hours_before == 80
    assert cost.before == Decimal("32000000")
    assert cost.after == Decimal("28800000")
    assert cost.saving == Decimal("3200000")
    assert cost.cut_percent == Decimal(10)
    assert (format_vnd(cost.before), format_vnd(cost.after), format_vnd(cost.saving)) == (
        "32.000.000",
        "28.800.000",
        "3.200.000",
    )
    assert format_percent(cost.cut_percent) == "10 %"
    assert (cost.days_before, cost.days_after) == (10, 9)


def test_dong_nai_figures_from_the_shipped_knowledge(procedure, finding) -> None:
    """The defaults (40.000 đ/hour, 8 hours a day) come from targets.yaml, not from code."""
    from tthc.knowledge import load_knowledge

    settings = resolve_settings({}, load_knowledge().targets)
    assert (settings.hourly_rate, settings.hours_per_day) == (40000, 8)
    assert "2816" in settings.sources["hourly_rate"].vi
    cost = procedure_cost(
        procedure(10, 10), [finding("processing-time-reducible", days_before=10, days_after=9)], settings
    )
    assert (cost.before, cost.after, cost.saving) == (32000000, 28800000, 3200000)


def test_abolished_procedure_costs_nothing_after(procedure, finding, practice) -> None:
    cost = procedure_cost(procedure(10, 10), [finding("unused-procedure", "volume")], practice)
    assert cost.before == 32000000
    assert cost.after == 0
    assert cost.cut_percent == 100
    assert not cost.time_changes


def test_no_volume_is_unknown_never_zero(procedure, finding, practice) -> None:
    cost = procedure_cost(
        procedure(10, None), [finding("processing-time-reducible", days_before=10, days_after=9)], practice
    )
    assert cost.before is None and cost.after is None and cost.saving is None
    assert not cost.known
    assert cost.unknown == "chưa có số liệu hồ sơ"
    assert format_vnd(cost.before) == "chưa rõ"
    t = total([cost])
    assert (t.known, t.unknown, t.before) == (0, 1, 0)


def test_no_processing_time_is_unknown(procedure, practice) -> None:
    cost = procedure_cost(procedure(None, 10), [], practice)
    assert not cost.known
    assert "thời hạn" in cost.unknown


def test_zero_dossiers_is_a_known_zero(procedure, practice) -> None:
    cost = procedure_cost(procedure(10, 0), [], practice)
    assert cost.known and cost.before == 0 and cost.cut_percent is None


def test_volume_from_the_latest_year_of_the_history(procedure, practice) -> None:
    p = procedure(10, None)
    p.volume = Volume(history=[YearVolume(2023, 4), YearVolume(2024, 10)])
    assert procedure_cost(p, [], practice).before == 32000000


def test_without_proposals_nothing_changes(procedure, practice) -> None:
    cost = procedure_cost(procedure(10, 10), [], practice)
    assert cost.before == cost.after == 32000000
    assert cost.saving == 0 and cost.cut_percent == 0


def test_half_days_and_rounding_to_the_dong(procedure, finding, practice) -> None:
    cost = procedure_cost(
        procedure(5, 3), [finding("processing-time-reducible", days_before=5, days_after=3.5)], practice
    )
    assert cost.before == 5 * 8 * 40000 * 3
    assert cost.after == Decimal("3.5") * 8 * 40000 * 3
    assert format_percent(cost.cut_percent) == "30 %"


def test_totals_add_known_costs_and_count_unknown(procedure, finding, practice) -> None:
    cut = finding("processing-time-reducible", days_before=10, days_after=9)
    costs = [procedure_cost(procedure(10, 10), [cut], practice), procedure_cost(procedure(10, None), [cut], practice)]
    t = total(costs)
    assert (t.before, t.after, t.saving, t.known, t.unknown) == (32000000, 28800000, 3200000, 1, 1)
    assert t.cut_percent == 10


def test_option_beats_config_beats_knowledge() -> None:
    from tthc.knowledge import load_knowledge

    targets = load_knowledge().targets
    assert resolve_settings({"hourly-rate": 50000}, targets).hourly_rate == 50000
    settings = resolve_settings({"hourly-rate": 50000}, targets, hourly_rate="60.000")
    assert settings.hourly_rate == 60000
    assert settings.sources["hourly_rate"] == "--hourly-rate"


@pytest.mark.parametrize(
    ("cfg", "needle"),
    [
        ({"hourly-rat": 1}, "hourly-rate"),
        ({"hourly-rate": "abc"}, "abc"),
        ({"hourly-rate": -5}, "-5"),
        ({"mode": "oecd"}, "oecd"),
        ({"scm-hours": {"travelling": 1}}, "travel"),
    ],
)
def test_bad_cost_config_is_refused_with_the_reason(cfg, needle) -> None:
    with pytest.raises(CostError, match=needle):
        resolve_settings(cfg, None, hourly_rate=None if "hourly-rate" in cfg else "40000")


def test_missing_rate_asks_for_one() -> None:
    with pytest.raises(CostError, match="--hourly-rate"):
        resolve_settings({}, None)


def test_money_and_percent_formats() -> None:
    assert format_vnd(Decimal("1234567.5")) == "1.234.568"
    assert format_percent(Decimal(100) / 3) == "33,33 %"
    assert format_vnd(None) == "chưa rõ"


@pytest.mark.parametrize(
    ("text", "rate"), [("40.000", 40000), ("40,000", 40000), ("40000", 40000), ("37500,5", "37500.5")]
)
def test_hourly_rate_as_people_write_it(text, rate) -> None:
    assert resolve_settings({"hours-per-day": 8}, None, hourly_rate=text).hourly_rate == Decimal(str(rate))
