"""From findings to proposals: one section per procedure with the plan's three parts."""

from __future__ import annotations

from tests.documents.conftest import PHONE_CODE, sample_findings
from tthc.model import DocKind, LegalRef
from tthc.plan.build import build_plan, citation, proposal_findings


def test_only_outdated_and_simplifiable_findings_become_proposals(catalog) -> None:
    findings = sample_findings(catalog)
    assert "invalid-code-format" not in {f.rule_name for f in proposal_findings(findings)}
    assert len(proposal_findings(findings)) == len(findings) - 1


def test_findings_on_one_procedure_make_one_section(plan) -> None:
    assert [s.code for s in plan.sections] == ["1.001193", "2.000001", PHONE_CODE]  # grouped by field
    birth = plan.sections[0]
    assert [i.finding.rule_name for i in birth.items] == ["processing-time-reducible", "certified-copy-required"]
    assert birth.labels == ["Giảm thời gian giải quyết", "Bỏ yêu cầu bản sao có chứng thực"]
    assert [field for field, _ in plan.parts[0].groups] == ["Hộ tịch", "@Chứng thực"]


def test_part_one_content_has_reason_and_legal_basis(plan) -> None:
    item = plan.sections[0].items[1]
    assert item.content == "Cho phép nộp bản sao kèm bản chính để đối chiếu."
    assert item.reason.startswith("Yêu cầu bản sao có chứng thực")
    assert "Căn cứ: Nghị định 23/2015/NĐ-CP, Điều 6 khoản 1." in item.reason


def test_implementation_names_the_article_when_the_catalog_gives_it(plan) -> None:
    birth = plan.sections[0]
    assert birth.implementation == [
        "Sửa đổi, bổ sung khoản 2 Điều 5 Nghị định 123/2015/NĐ-CP về thời hạn giải quyết, thành phần hồ sơ."
    ]
    assert birth.legal_documents == ["khoản 2 Điều 5 Nghị định 123/2015/NĐ-CP", "Luật Hộ tịch số 60/2014/QH13"]


def test_abolition_and_benefits(plan) -> None:
    copy = plan.sections[1]
    assert copy.implementation == [
        "Bãi bỏ thủ tục hành chính “Cấp bản sao trích lục” (mã 2.000001)."
    ]  # its only basis was repealed
    assert copy.cost.after == 0 and copy.cost.cut_percent == 100
    birth = plan.sections[0].cost
    assert (birth.before, birth.after, birth.saving) == (32000000, 28800000, 3200000)


def test_a_repealed_basis_is_a_catalog_correction_not_an_amendment(catalog) -> None:
    from tthc.plan.cost import resolve_settings

    findings = [f for f in sample_findings(catalog) if f.rule_name == "legal-basis-repealed"]
    plan = build_plan([catalog], findings, resolve_settings({"hourly-rate": 1, "hours-per-day": 8}, None), as_of=None)
    assert plan.sections == []  # nothing for Phần I and II: no law to amend
    (section,) = plan.corrected
    (item,) = section.corrections
    assert item.found == "Căn cứ pháp lý: “Nghị định 42/2022/NĐ-CP”"  # the catalog's words
    assert section.implementation == []


def test_totals_per_catalog_and_overall(plan) -> None:
    total = plan.total
    assert (total.before, total.after, total.saving) == (32000000 + 5 * 8 * 40000 * 4, 28800000, 9600000)
    assert total.unknown == 1  # the procedure without a volume
    assert plan.parts[0].total.saving == total.saving


def test_decisions_keep_accepted_and_edited(catalog) -> None:
    from tthc.plan.cost import resolve_settings
    from tthc.plan.decisions import Decision

    findings = sample_findings(catalog)
    cut, copy = findings[0], findings[1]
    decisions = {
        cut.fingerprint: Decision(cut.fingerprint, "accepted"),
        copy.fingerprint: Decision(copy.fingerprint, "edited", "Cho phép nộp bản điện tử."),
        findings[2].fingerprint: Decision(findings[2].fingerprint, "rejected"),
    }
    settings = resolve_settings({"hourly-rate": 40000, "hours-per-day": 8}, None)
    plan = build_plan([catalog], findings, settings, as_of=None, decisions=decisions)
    assert [s.code for s in plan.sections] == ["1.001193"]
    assert [i.content for i in plan.sections[0].items] == [
        "Rút ngắn thời hạn giải quyết từ 10 xuống 9 ngày làm việc (giảm 10 %).",
        "Cho phép nộp bản điện tử.",
    ]
    assert plan.skipped == {"rejected": 1, "pending": 2}


def test_citation_forms() -> None:
    assert citation(LegalRef("x", "123/2015/NĐ-CP", DocKind.DECREE, article="Khoản 2 Điều 5")) == (
        "khoản 2 Điều 5 Nghị định 123/2015/NĐ-CP"
    )
    assert citation(LegalRef("x", "68/2020/QH14", DocKind.LAW, title="Luật Cư trú số")) == "Luật Cư trú số 68/2020/QH14"
    assert citation(LegalRef("x", "04/2020/TT-BTP", DocKind.CIRCULAR)) == "Thông tư 04/2020/TT-BTP"


def test_developer_text_never_reaches_a_document() -> None:
    from tthc.plan.build import officer_text

    assert (
        officer_text(
            "Nghị quyết 202/2025/QH15 (12/6/2025): 63 tỉnh, thành phố thành 34 từ 01/7/2025; bảng mã từ "
            "dvhcvn/20250701 (mapping/splits.json, merges.json, commit dd94887)"
        )
        == "Nghị quyết 202/2025/QH15 (12/6/2025): 63 tỉnh, thành phố thành 34 từ 01/7/2025"
    )
    assert officer_text("Tổ chức lại Công an địa phương ba cấp từ 01/3/2025; DOMAIN.md §3a") == (
        "Tổ chức lại Công an địa phương ba cấp từ 01/3/2025"
    )
    assert officer_text("Nghị định 23/2015/NĐ-CP, Điều 6 khoản 1") == "Nghị định 23/2015/NĐ-CP, Điều 6 khoản 1"


def test_a_document_that_only_amends_others_is_not_the_one_to_amend(plan) -> None:
    # bo-tu-phap cites "Nghị định 18/2026/NĐ-CP" (sửa đổi, bổ sung một số nghị định…) 117 times:
    # the dossier rule lives on in the decree it amended
    from tthc.plan.build import implementation

    birth = plan.sections[0]
    base = LegalRef("Nghị định 123/2015/NĐ-CP", "123/2015/NĐ-CP", DocKind.DECREE)
    title = "Nghị định sửa đổi, bổ sung một số điều của các Nghị định trong lĩnh vực hộ tịch, quốc tịch, chứng thực"
    amending = LegalRef(f"{title}07/2025/NĐ-CP", "07/2025/NĐ-CP", DocKind.DECREE, title=title)
    assert implementation(birth, [amending, base]) == [
        "Sửa đổi, bổ sung Nghị định 123/2015/NĐ-CP về thời hạn giải quyết, thành phần hồ sơ."
    ]
    assert implementation(birth, [amending])[0].startswith("Sửa đổi, bổ sung Nghị định 07/2025/NĐ-CP")  # nothing else
