"""The Standard Cost Model: the applicant's hours per activity × tariff + out-of-pocket + fees, × dossiers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tthc.model import Channel, CopyKind, DocumentRequirement, Fee, FeeStatus, SourceRef
from tthc.plan.cost import ACTIVITIES, activity_shares, change_of, procedure_cost, resolve_settings

# A table written out in the test, so the figures do not move when the shipped defaults do.
HOURS = {
    "reading_up": 1,
    "gathering_papers": 2,
    "copies_certification": 1,
    "filling_forms": 1,
    "travel": 2,
    "waiting": 1,
    "collecting_result": 1,
}  # 9 hours a dossier


@pytest.fixture
def scm():
    def build(**extra):
        return resolve_settings({"mode": "scm", "hourly-rate": 40000, "scm-hours": HOURS, **extra}, None)

    return build


def _fee(amount: int, kind: str = "lệ phí", currency: str = "VND") -> Fee:
    return Fee(
        raw=f"{kind}: {amount} {currency}",
        status=FeeStatus.AMOUNT,
        kind=kind,
        amount=Decimal(amount),
        currency=currency,
    )


def _papers() -> list[DocumentRequirement]:
    return [
        DocumentRequirement("Tờ khai", source=SourceRef("thu.yaml", line=10)),
        DocumentRequirement(
            "Giấy chứng nhận kết hôn", copy_kind=CopyKind.CERTIFIED_COPY, source=SourceRef("thu.yaml", line=11)
        ),
        DocumentRequirement("Giấy khai sinh", copy_kind=CopyKind.CERTIFIED_COPY, source=SourceRef("thu.yaml", line=12)),
        DocumentRequirement("Căn cước công dân", copy_kind=CopyKind.COPY, source=SourceRef("thu.yaml", line=13)),
    ]


def test_before_is_hours_times_tariff_plus_fees_times_dossiers(procedure, scm) -> None:
    p = procedure(10, 10)
    p.channels[0].fees = [_fee(8000)]
    cost = procedure_cost(p, [], scm())
    assert cost.hours_before == 9
    assert cost.before == (9 * 40000 + 8000) * 10
    assert cost.after == cost.before


def test_knowledge_time_table_is_the_default(procedure) -> None:
    from tthc.knowledge import load_knowledge

    settings = resolve_settings({"mode": "scm"}, load_knowledge().targets)
    assert set(settings.scm_hours) == set(ACTIVITIES)
    assert "giả định" in settings.method_note()


def test_fully_online_removes_travel_and_waiting(procedure, finding, scm) -> None:
    cost = procedure_cost(procedure(10, 10), [finding("not-fully-online", "online_service")], scm())
    assert cost.hours_after == 6
    assert cost.after == 6 * 40000 * 10
    assert cost.saving == 3 * 40000 * 10


def test_dropping_a_certified_copy_removes_its_share_of_certification(procedure, finding, scm) -> None:
    p = procedure(10, 10, documents=_papers())
    f = finding("certified-copy-required", "documents", part=p.documents[1])
    shares = activity_shares(p, change_of([f]))
    assert shares["copies_certification"] == Decimal(2) / 3  # one of three papers submitted as copies
    assert shares["gathering_papers"] == 1
    cost = procedure_cost(p, [f], scm())
    assert (cost.before, cost.after) == (3600000, 3466667)  # a third of an hour less, rounded to the đồng


def test_a_paper_the_state_holds_is_no_longer_gathered(procedure, finding, scm) -> None:
    p = procedure(10, 10, documents=_papers())
    f = finding("data-available-document", "documents", part=p.documents[2])
    shares = activity_shares(p, change_of([f]))
    assert shares["gathering_papers"] == Decimal(3) / 4
    assert shares["copies_certification"] == Decimal(2) / 3
    # the same paper dropped and un-certified counts once
    both = [f, finding("certified-copy-required", "documents", part=p.documents[2])]
    assert activity_shares(p, change_of(both))["copies_certification"] == Decimal(2) / 3


def test_the_paper_is_the_one_the_rule_named_in_a_cell_of_several(procedure, scm) -> None:
    """Real rules fill the payload: the certified copy of the two papers sharing one cell is relieved."""
    import datetime as dt

    from tthc.engine import RunSettings, run
    from tthc.knowledge import load_knowledge
    from tthc.model import Catalog
    from tthc.rules import find_rule

    cell = SourceRef("thu.xlsx", sheet="TTHC", row=5, column=6)
    docs = [
        DocumentRequirement("Tờ khai", source=cell),
        DocumentRequirement("Giấy khai sinh", copy_kind=CopyKind.CERTIFIED_COPY, copies=1, source=cell),
    ]
    p = procedure(10, 10, documents=docs)
    rule = find_rule("certified-copy-required")
    findings = run([Catalog(procedures=[p])], [rule], load_knowledge(), RunSettings(as_of=dt.date(2026, 1, 1)))
    assert [f.payload.part for f in findings] == [docs[1]]
    assert activity_shares(p, change_of(findings))["copies_certification"] == 0
    cost = procedure_cost(p, findings, scm())
    assert cost.hours_after == 8  # the one hour of copying goes: the only paper submitted as a copy


def test_processing_time_does_not_change_the_applicants_time(procedure, finding, scm) -> None:
    cost = procedure_cost(
        procedure(10, 10), [finding("processing-time-reducible", days_before=10, days_after=7)], scm()
    )
    assert cost.saving == 0
    assert cost.time_changes


def test_abolished_costs_nothing(procedure, finding, scm) -> None:
    cost = procedure_cost(procedure(10, 10), [finding("unused-procedure", "volume")], scm())
    assert cost.after == 0 and cost.cut_percent == 100


def test_no_volume_is_unknown(procedure, scm) -> None:
    cost = procedure_cost(procedure(10, None), [], scm())
    assert cost.before is None and not cost.known


def test_fees_vnd_only_highest_of_each_kind(procedure, scm) -> None:
    p = procedure(10, 1)
    p.channels = [Channel(fees=[_fee(50000, "phí"), _fee(20000, "phí"), _fee(8000), _fee(3, "lệ phí", "USD")])]
    cost = procedure_cost(p, [], scm())
    assert cost.before == 9 * 40000 + 50000 + 8000
    assert any("USD" in note for note in cost.notes)


def test_usd_counted_at_the_configured_rate(procedure, scm) -> None:
    p = procedure(10, 1)
    p.channels = [Channel(fees=[_fee(3, "lệ phí", "USD")])]
    assert procedure_cost(p, [], scm(**{"usd-rate": 25000})).before == 9 * 40000 + 75000


def test_fee_set_by_regulation_is_noted_not_zeroed(procedure, scm) -> None:
    p = procedure(10, 1)
    p.channels = [Channel(fees=[Fee(raw="Theo quy định của HĐND tỉnh", status=FeeStatus.BY_REGULATION)])]
    cost = procedure_cost(p, [], scm())
    assert any("chưa rõ số tiền" in note for note in cost.notes)


def test_out_of_pocket_costs_follow_the_activity(procedure, finding, scm) -> None:
    settings = scm(**{"out-of-pocket": {"travel": 30000}})
    cost = procedure_cost(procedure(10, 1), [finding("not-fully-online", "online_service")], settings)
    assert cost.before == 9 * 40000 + 30000
    assert cost.after == 6 * 40000
