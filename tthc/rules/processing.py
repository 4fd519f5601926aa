"""Processing time that can be cut, and procedures nobody uses any more."""

from __future__ import annotations

import math
from collections.abc import Iterator

from tthc.i18n import T, tr
from tthc.model import DurationStatus, Procedure
from tthc.rules.base import Effect, Finding, Group, Option, Payload, Rule, RuleContext, RuleDoc, Severity


def round_half_days(days: float) -> float:
    """Nearest half day, halves rounded up (7.35 -> 7.5, 3.5 -> 3.5, 0.35 -> 0.5)."""
    return math.floor(days * 2 + 0.5) / 2


def _days(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _check_reducible(procedure: Procedure, ctx: RuleContext) -> Iterator[Finding]:
    cut = ctx.options["cut-percent"]
    if cut is None:  # the national target from the knowledge base (Nghị quyết 66/NQ-CP: 30 %)
        target = ctx.knowledge.targets.processing_time_cut_percent
        if target is None:
            return
        cut = float(target)
    durations = [
        d for d in procedure.processing_times() if d.status is DurationStatus.FIXED and d.as_working_days() is not None
    ]
    if not durations:
        return
    before = max(d.as_working_days() for d in durations)  # type: ignore[type-var]
    if before < ctx.options["min-days"]:
        return
    after = round_half_days(before * (1 - cut / 100))
    if after >= before:
        return
    yield ctx.finding(
        procedure,
        "processing_time",
        tr(
            f"thời hạn giải quyết {_days(before)} ngày làm việc; mục tiêu cắt giảm {cut:g} % → {_days(after)} ngày làm việc",
            f"processing time {_days(before)} working days; the {cut:g} % cut target gives {_days(after)} working days",
        ),
        tr(
            f"rút ngắn thời hạn giải quyết từ {_days(before)} xuống {_days(after)} ngày làm việc (giảm {cut:g} %)",
            f"cut the processing time from {_days(before)} to {_days(after)} working days ({cut:g} % less)",
        ),
        subject="time",
        data={"days_before": before, "days_after": after, "cut_percent": cut},
        payload=Payload(days_before=before, days_after=after),
    )


def _check_unused(procedure: Procedure, ctx: RuleContext) -> Iterator[Finding]:
    years = ctx.options["years"] or ctx.knowledge.targets.unused_years  # knowledge: 5 (Đồng Nai precedent)
    if not years:
        return
    volume = procedure.volume
    if volume is None:
        return
    recorded = {y.year: y.dossiers for y in volume.history if y.dossiers is not None}
    if not recorded:
        return
    last = max(recorded)
    span = range(last - years + 1, last + 1)
    if all(recorded.get(year) == 0 for year in span):
        yield ctx.finding(
            procedure,
            "volume",
            tr(
                f"không phát sinh hồ sơ trong {years} năm liên tiếp ({span[0]}–{last})",
                f"no dossiers in {years} consecutive years ({span[0]}–{last})",
            ),
            tr(
                "đề xuất bãi bỏ thủ tục hoặc nêu rõ lý do cần duy trì",
                "propose abolishing the procedure, or state why it must be kept",
            ),
            subject="unused",
            source=volume.source or procedure.source_of("volume"),
            data={"abolish": True, "years": years, "from": span[0], "to": last},
        )


PROCESSING_TIME_REDUCIBLE = Rule(
    code="TT304",
    name="processing-time-reducible",
    group=Group.SIMPLIFIABLE,
    severity=Severity.INFO,
    summary=T("Có thể rút ngắn thời hạn giải quyết", "Processing time can be cut"),
    doc=RuleDoc(
        what=T(
            "Đề xuất thời hạn giải quyết mới theo mục tiêu cắt giảm quốc gia (mặc định −30 %), làm tròn đến nửa ngày, "
            "kèm thời hạn trước và sau. Chỉ xét thời hạn tính bằng ngày làm việc hoặc giờ.",
            "Proposes a new processing time per the national cut target (default −30 %), rounded to half days, with "
            "before and after. Only times in working days or hours are judged.",
        ),
        why=T(
            "Nghị quyết 66/NQ-CP (26/3/2025): cắt giảm ít nhất 30 % thời gian giải quyết, chi phí tuân thủ và điều kiện "
            "kinh doanh trong 2025–2026 (trước đó Nghị quyết 68/NQ-CP năm 2020: ít nhất 20 %).",
            "Resolution 66/NQ-CP (26/3/2025): cut processing time, compliance cost and business conditions by at least "
            "30 % in 2025–2026 (earlier Resolution 68/NQ-CP, 2020: at least 20 %).",
        ),
        example=T("'10 ngày làm việc' → đề xuất 7 ngày làm việc.", "'10 ngày làm việc' → propose 7 working days."),
        instead=T(
            "Rút ngắn thời hạn trong văn bản quy định thủ tục và công bố lại.",
            "Shorten the time in the legal document and republish.",
        ),
    ),
    legal_basis=T("Nghị quyết 66/NQ-CP ngày 26/3/2025", "Resolution 66/NQ-CP of 26/3/2025"),
    check=_check_reducible,
    options=(
        Option(
            "cut-percent",
            float,
            None,
            T("Tỷ lệ cắt giảm (%); mặc định theo cơ sở tri thức (30)", "Cut (%); default from the knowledge base (30)"),
        ),
        Option(
            "min-days", float, 2.0, T("Không đề xuất khi thời hạn dưới số ngày này", "No proposal below this many days")
        ),
    ),
    proposal=T("Giảm thời gian giải quyết", "Reduce the processing time"),
    effect=Effect.CUT_TIME,
)

UNUSED_PROCEDURE = Rule(
    code="TT305",
    name="unused-procedure",
    group=Group.SIMPLIFIABLE,
    severity=Severity.INFO,
    summary=T("Thủ tục không phát sinh hồ sơ nhiều năm", "No dossiers for years"),
    doc=RuleDoc(
        what=T(
            "Thủ tục không có hồ sơ nào trong N năm liên tiếp gần nhất (mặc định 5) theo số liệu của danh mục. Không xét khi "
            "danh mục không có số liệu theo năm.",
            "The procedure had no dossier in the last N consecutive years (default 5) per the catalog's figures. Not judged "
            "without yearly figures.",
        ),
        why=T(
            "Tiền lệ: Quyết định 2813/QĐ-UBND (2025) của UBND tỉnh Đồng Nai đề xuất bãi bỏ các thủ tục không phát sinh hồ sơ "
            "5 năm liên tiếp; rà soát theo Nghị định 63/2010/NĐ-CP, Điều 28 (sự cần thiết).",
            "Precedent: Đồng Nai Decision 2813/QĐ-UBND (2025) proposed abolishing procedures with no dossier for 5 "
            "consecutive years; review per Decree 63/2010/NĐ-CP, Art. 28 (necessity).",
        ),
        example=T("Số hồ sơ 2020–2024: 0, 0, 0, 0, 0.", "Dossiers 2020–2024: 0, 0, 0, 0, 0."),
        instead=T("Đề xuất bãi bỏ, hoặc nêu lý do cần duy trì.", "Propose abolition, or state why it must stay."),
    ),
    legal_basis=T(
        "Nghị định 63/2010/NĐ-CP, Điều 28; tiền lệ QĐ 2813/QĐ-UBND tỉnh Đồng Nai",
        "Decree 63/2010, Art. 28; Đồng Nai QĐ 2813",
    ),
    check=_check_unused,
    options=(
        Option(
            "years",
            int,
            None,
            T(
                "Số năm liên tiếp; mặc định theo cơ sở tri thức (5)",
                "Consecutive years; default from the knowledge base (5)",
            ),
        ),
    ),
    proposal=T("Bãi bỏ thủ tục hành chính", "Abolish the procedure"),
    effect=Effect.ABOLISH,
)

RULES = (PROCESSING_TIME_REDUCIBLE, UNUSED_PROCEDURE)
