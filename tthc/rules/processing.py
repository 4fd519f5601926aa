"""Processing time that can be cut, and procedures nobody uses any more."""

from __future__ import annotations

import math
from collections.abc import Iterator

from tthc.i18n import T
from tthc.model import Catalog, DurationStatus, Procedure
from tthc.rules.base import Effect, Finding, Group, Option, Payload, Rule, RuleContext, RuleDoc, Severity
from tthc.rules.consistency import agency_key, normalised_name


def round_half_days(days: float) -> float:
    """Nearest half day, halves rounded up (7.35 -> 7.5, 3.5 -> 3.5, 0.35 -> 0.5)."""
    return math.floor(days * 2 + 0.5) / 2


def floor_half_days(days: float) -> float:
    """The half day at or below: a target cut rounded this way is never overstated
    (7 days -30 % = 4.9 -> 4.5, a cut of 35.71 %, not 5, which is 28.57 %)."""
    return math.floor(days * 2 + 1e-9) / 2


def _days(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def cut_percent(before: float, after: float) -> float:
    """The cut the figures give, in percent, two decimals at most: 7 -> 5 is 28.57, 2 -> 1.5 is 25."""
    return round((before - after) / before * 100, 2) if before else 0.0


def _percent(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def _fixed_days(procedure: Procedure) -> float | None:
    """The longest fixed processing time in working days, if one is stated."""
    days = [
        d.as_working_days()
        for d in procedure.processing_times()
        if d.status is DurationStatus.FIXED and d.as_working_days() is not None
    ]
    return max(days) if days else None  # type: ignore[type-var]


def _same_service(a: Procedure, b: Procedure) -> bool:
    """Two entries of one service: the same name (duplicate-procedure's comparison) and no
    different agencies (customs and tax, say, run two services of the same name)."""
    ka, kb = agency_key(a), agency_key(b)
    return not ka or not kb or ka == kb


def _check_reducible(catalog: Catalog, ctx: RuleContext) -> Iterator[Finding]:
    """Evidence first (DOMAIN §4a): the national −30 % target is for a sector's total, so by
    default only a time that the same service beats elsewhere in the catalog is proposed.
    A user target (``cut-percent``) proposes that cut for every time."""
    target = ctx.options["cut-percent"]
    min_days = ctx.options["min-days"]
    timed = [(p, d) for p in catalog.procedures if (d := _fixed_days(p)) is not None]
    by_name: dict[str, list[tuple[Procedure, float]]] = {}
    for p, days in timed:
        by_name.setdefault(normalised_name(p.name), []).append((p, days))
    for procedure, before in timed:
        if before < min_days:
            continue
        if target is not None:
            after = floor_half_days(before * (1 - float(target) / 100))
            if after < before:
                yield _target_finding(ctx, procedure, before, after, float(target))
            continue
        faster = [
            (days, peer)
            for peer, days in by_name[normalised_name(procedure.name)]
            if peer is not procedure and days < before and _same_service(procedure, peer)
        ]
        if faster:
            after, peer = min(faster, key=lambda dp: (dp[0], dp[1].code or ""))
            yield _peer_finding(ctx, procedure, before, after, peer)


def _target_finding(ctx: RuleContext, procedure: Procedure, before: float, after: float, target: float) -> Finding:
    pct = cut_percent(before, after)
    return ctx.finding(
        procedure,
        "processing_time",
        T(
            f"thời hạn giải quyết {_days(before)} ngày làm việc; mục tiêu cắt giảm {target:g} % do người dùng đặt "
            f"→ {_days(after)} ngày làm việc (giảm {_percent(pct)} %)",
            f"processing time {_days(before)} working days; the user's {target:g} % cut target gives "
            f"{_days(after)} working days ({_percent(pct)} % less)",
        ),
        T(
            f"rút ngắn thời hạn giải quyết từ {_days(before)} xuống {_days(after)} ngày làm việc (giảm {_percent(pct)} %)",
            f"cut the processing time from {_days(before)} to {_days(after)} working days ({_percent(pct)} % less)",
        ),
        subject="time",
        data={
            "days_before": before,
            "days_after": after,
            "cut_percent": pct,
            "evidence": {"kind": "target", "target_percent": target},
        },
        payload=Payload(days_before=before, days_after=after),
    )


def _peer_finding(ctx: RuleContext, procedure: Procedure, before: float, after: float, peer: Procedure) -> Finding:
    pct = cut_percent(before, after)
    return ctx.finding(
        procedure,
        "processing_time",
        T(
            f"thời hạn giải quyết {_days(before)} ngày làm việc, trong khi cùng thủ tục {peer.label} trong danh mục "
            f"có thời hạn {_days(after)} ngày làm việc",
            f"processing time {_days(before)} working days, while the same procedure {peer.label} in the catalog "
            f"takes {_days(after)} working days",
        ),
        T(
            f"rút ngắn thời hạn giải quyết từ {_days(before)} xuống {_days(after)} ngày làm việc như thủ tục "
            f"{peer.label} (giảm {_percent(pct)} %)",
            f"cut the processing time from {_days(before)} to {_days(after)} working days as {peer.label} does "
            f"({_percent(pct)} % less)",
        ),
        subject="time",
        data={
            "days_before": before,
            "days_after": after,
            "cut_percent": pct,
            "evidence": {"kind": "same-service", "code": peer.code, "name": peer.name},
        },
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
            T(
                f"không phát sinh hồ sơ trong {years} năm liên tiếp ({span[0]}–{last})",
                f"no dossiers in {years} consecutive years ({span[0]}–{last})",
            ),
            T(
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
            "Đề xuất rút ngắn thời hạn giải quyết khi có căn cứ: cùng thủ tục (cùng tên, không khác cơ quan thực hiện) "
            "ở chỗ khác trong danh mục có thời hạn ngắn hơn; hoặc người dùng đặt mục tiêu cắt giảm (tùy chọn "
            "cut-percent), khi đó mọi thời hạn từ min-days trở lên được đề xuất giảm theo mục tiêu. Thời hạn mới được "
            "làm tròn xuống nửa ngày nên không bao giờ giảm ít hơn mục tiêu; tỷ lệ ghi trong thông báo là tỷ lệ tính từ "
            "chính các con số (7 → 4,5 ngày là giảm 35,71 %). Chỉ xét thời hạn tính bằng ngày làm việc hoặc giờ.",
            "Proposes a shorter processing time on evidence: the same procedure (same name, no different agency) "
            "takes less elsewhere in the catalog; or the user sets a cut target (option cut-percent), and every time "
            "of at least min-days is proposed at that cut. New times are rounded down to half days, so a cut is "
            "never less than the target; the percentage printed is the one the figures give (7 → 4.5 days is "
            "35.71 %). Only times in working days or hours are judged.",
        ),
        why=T(
            "Nghị quyết 66/NQ-CP (26/3/2025) đặt mục tiêu cắt giảm ít nhất 30 % thời gian giải quyết trong 2025–2026, "
            "tính trên tổng thể ngành, lĩnh vực, không phải cho từng thủ tục: đề xuất cùng một mức −30 % cho mọi thủ tục "
            "không có căn cứ. Một thời hạn có thể rút ngắn khi chính danh mục cho thấy cùng thủ tục được giải quyết "
            "nhanh hơn, hoặc khi cơ quan đặt mục tiêu cho mình (DOMAIN §4a).",
            "Resolution 66/NQ-CP (26/3/2025) sets a cut of at least 30 % of processing time for 2025–2026 across a "
            "sector, not for each procedure: the same −30 % for every procedure rests on no evidence. A time can be "
            "cut when the catalog itself shows the same procedure handled faster, or when the agency sets itself a "
            "target.",
        ),
        example=T(
            "'Cấp giấy phép X' 15 ngày làm việc ở một dòng, 10 ngày làm việc ở dòng khác của cùng danh mục "
            "→ đề xuất 10 ngày làm việc (giảm 33,33 %).",
            "'Cấp giấy phép X' in 15 working days on one row and 10 on another of the same catalog "
            "→ propose 10 working days (33.33 % less).",
        ),
        instead=T(
            "Rút ngắn thời hạn trong văn bản quy định thủ tục và công bố lại.",
            "Shorten the time in the legal document and republish.",
        ),
        known=T(
            "Chưa so sánh được với thời hạn do căn cứ pháp lý hay bản ghi trên Cơ sở dữ liệu quốc gia quy định cho "
            "cùng mã (chưa có dữ liệu này); hai dòng cùng tên ở hai cấp có thể có thời hạn khác nhau một cách hợp lý.",
            "Not yet compared with the time the legal basis or the national record sets for the same code (no such "
            "data yet); two rows of the same name at two levels may reasonably differ.",
        ),
    ),
    legal_basis=T("Nghị quyết 66/NQ-CP ngày 26/3/2025", "Resolution 66/NQ-CP of 26/3/2025"),
    check=_check_reducible,
    effect=Effect.CUT_TIME,
    scope="catalog",
    options=(
        Option(
            "cut-percent",
            float,
            None,
            T(
                "Mục tiêu cắt giảm (%) do người dùng đặt cho mọi thủ tục; mặc định không đặt (chỉ đề xuất khi có căn cứ)",
                "The user's cut target (%) for every procedure; unset by default (proposals on evidence only)",
            ),
        ),
        Option(
            "min-days", float, 2.0, T("Không đề xuất khi thời hạn dưới số ngày này", "No proposal below this many days")
        ),
    ),
    proposal=T("Giảm thời gian giải quyết", "Reduce the processing time"),
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
    effect=Effect.ABOLISH,
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
)

RULES = (PROCESSING_TIME_REDUCIBLE, UNUSED_PROCEDURE)
