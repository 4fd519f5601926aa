"""Online service: every procedure should be offered fully online (toàn trình)."""

from __future__ import annotations

from collections.abc import Iterator

from tthc.i18n import T
from tthc.model import Method, OnlineLevel, Procedure
from tthc.rules.base import Effect, Finding, Group, Payload, Rule, RuleContext, RuleDoc, Severity

# The allowed reason (targets.yaml, partial_online_reasons) that also keeps filing offline.
_PRESENCE = "presence_required_by_law"


def _check_not_fully_online(procedure: Procedure, ctx: RuleContext) -> Iterator[Finding]:
    service = procedure.online_service
    level = service.level if service else None
    if level in (OnlineLevel.FULL, OnlineLevel.LEGACY):
        return  # legacy "mức độ N" is reported by legacy-online-level
    methods = {c.method for c in procedure.channels if c.method is not None}
    if level is OnlineLevel.PARTIAL:
        reason = procedure.partial_reason
        if reason and ctx.knowledge.targets.partial_reason(reason):
            return
        yield ctx.finding(
            procedure,
            "online_service",
            T(
                "dịch vụ công trực tuyến chỉ một phần"
                + (f", lý do '{reason}' không thuộc các lý do được phép" if reason else " mà không nêu lý do"),
                "online service is only partial"
                + (f"; the reason '{reason}' is not an allowed one" if reason else " and gives no reason"),
            ),
            T(
                "cung cấp toàn trình, hoặc công bố lý do được phép (pháp luật yêu cầu có mặt, phải kiểm tra thực tế, sự cố kỹ thuật)",
                "offer it fully online, or publish an allowed reason (presence required by law, on-site inspection, technical incident)",
            ),
            subject="partial",
            source=procedure.source_of("online_service"),
            payload=Payload(words=service.raw if service and service.raw else ""),
        )
        return
    if level is OnlineLevel.NONE or (level is None and methods and Method.ONLINE not in methods):
        # the record itself gives an allowed reason ("Người lao động phải trực tiếp đến trung
        # tâm dịch vụ việc làm": presence required by law)
        stated = [c.description for c in procedure.channels if c.description] + [procedure.partial_reason or ""]
        if any(ctx.knowledge.targets.partial_reason(text) == _PRESENCE for text in stated if text):
            return  # an on-site inspection would not stop filing online; presence in person does
        yield ctx.finding(
            procedure,
            "online_service" if level is OnlineLevel.NONE else "channels",
            T("thủ tục không có cách thức nộp trực tuyến", "the procedure has no online channel"),
            T(
                "cung cấp dịch vụ công trực tuyến toàn trình trên Cổng Dịch vụ công quốc gia",
                "offer the procedure fully online on the National Public Service Portal",
            ),
            subject="none",
        )


NOT_FULLY_ONLINE = Rule(
    code="TT303",
    name="not-fully-online",
    group=Group.SIMPLIFIABLE,
    severity=Severity.WARNING,
    summary=T("Chưa cung cấp dịch vụ công trực tuyến toàn trình", "Not offered fully online"),
    doc=RuleDoc(
        what=T(
            "Thủ tục không có cách thức nộp trực tuyến, hoặc chỉ trực tuyến một phần mà không nêu một lý do được phép. "
            "Không có cách thức trực tuyến cũng không bị báo khi chính thủ tục ghi người nộp phải có mặt ('Người lao động "
            "phải trực tiếp đến trung tâm dịch vụ việc làm'); lý do kiểm tra thực tế không đủ, vì không ngăn việc nộp trực "
            "tuyến. Không xét khi danh mục không ghi gì về cách thức nộp; mức độ 1–4 cũ do quy tắc legacy-online-level báo.",
            "The procedure has no online channel, or is only partly online without an allowed reason. No online channel "
            "is not reported either when the procedure itself says the applicant must appear in person ('Người lao động "
            "phải trực tiếp đến trung tâm dịch vụ việc làm'); an on-site inspection is no such reason, as it does not "
            "stop filing online. Not judged when the catalog says nothing about channels; the old levels 1–4 are "
            "reported by legacy-online-level.",
        ),
        known=T(
            "Lý do được phép chỉ được nhận ra qua các cách viết trong targets.yaml (partial_online_reasons); một câu "
            "'phải có mặt' viết khác đi vẫn bị báo.",
            "An allowed reason is recognised only in the wordings of targets.yaml (partial_online_reasons); a "
            "'must appear' sentence worded otherwise is still reported.",
        ),
        why=T(
            "Nghị định 224/2026/NĐ-CP, Điều 14: dịch vụ công trực tuyến toàn trình là mặc định; chỉ cung cấp một phần khi "
            "pháp luật yêu cầu có mặt, phải kiểm tra thực tế hoặc có sự cố kỹ thuật. Công điện 220/CĐ-TTg (18/11/2025): 100 % "
            "thủ tục liên quan đến doanh nghiệp trực tuyến trong năm 2025.",
            "Decree 224/2026/NĐ-CP, Art. 14: fully online is the default; partial only where the law requires presence, "
            "an on-site inspection is needed or a technical incident occurs. Official dispatch 220/CĐ-TTg (18/11/2025): 100 % "
            "of business procedures online in 2025.",
        ),
        example=T(
            "Cách thức thực hiện: 'Trực tiếp', 'Dịch vụ bưu chính' — không có 'Trực tuyến'.",
            "Channels: direct and postal only.",
        ),
        instead=T(
            "Cung cấp toàn trình trên Cổng Dịch vụ công quốc gia; nếu chỉ một phần, công bố lý do được phép.",
            "Offer it fully online on the national portal; if partial, publish the allowed reason.",
        ),
    ),
    legal_basis=T("Nghị định 224/2026/NĐ-CP, Điều 14", "Decree 224/2026/NĐ-CP, Art. 14"),
    check=_check_not_fully_online,
    proposal=T("Cung cấp dịch vụ công trực tuyến toàn trình", "Offer the procedure fully online"),
    effect=Effect.ONLINE,
)

RULES = (NOT_FULLY_ONLINE,)
