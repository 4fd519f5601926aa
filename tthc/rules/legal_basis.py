"""Outdated legal bases: documents repealed, replaced or expired, and temporary ones ending soon."""

from __future__ import annotations

from collections.abc import Iterator

from tthc.i18n import T, tr
from tthc.knowledge import DocStatus, LegalDocument
from tthc.model import LegalRef, Procedure
from tthc.rules.base import Effect, Finding, Group, Option, Payload, Rule, RuleContext, RuleDoc, Severity
from tthc.text import doc_number_key


def _known_refs(procedure: Procedure, ctx: RuleContext) -> Iterator[tuple[LegalRef, LegalDocument]]:
    """Each identified reference the knowledge base knows, once per document."""
    seen: set[str] = set()
    for ref in procedure.legal_basis:
        if not ref.number:
            continue
        doc = ctx.knowledge.find_document(ref.number, year=ref.issued)
        if doc is None or doc.key in seen:
            continue
        seen.add(doc.key)
        yield ref, doc


def _fmt(day) -> str:
    return day.strftime("%d/%m/%Y") if day else "?"


def _check_repealed(procedure: Procedure, ctx: RuleContext) -> Iterator[Finding]:
    for ref, doc in _known_refs(procedure, ctx):
        status = doc.status_at(ctx.as_of)
        if status not in (DocStatus.REPEALED, DocStatus.EXPIRED):
            continue
        successor = ctx.knowledge.successor_of(doc)
        successor_label = successor.label if successor else doc.successor
        end = doc.end_date
        believed = (
            "" if doc.status_date_confirmed(ctx.as_of) else tr(" (ngày chưa được xác nhận)", " (date not confirmed)")
        )
        if status is DocStatus.EXPIRED:
            message = tr(
                f"căn cứ {doc.label} đã hết hiệu lực từ {_fmt(end)}{believed}",
                f"legal basis {doc.label} expired on {_fmt(end)}{believed}",
            )
        else:
            message = tr(
                f"căn cứ {doc.label} đã hết hiệu lực từ {_fmt(end)}{believed}"
                + (f", được thay thế bởi {successor_label}" if successor_label else ""),
                f"legal basis {doc.label} no longer applies since {_fmt(end)}{believed}"
                + (f"; replaced by {successor_label}" if successor_label else ""),
            )
        recommendation = (
            tr(
                f"thay căn cứ bằng {successor_label} và rà soát lại các bộ phận thủ tục theo văn bản mới",
                f"cite {successor_label} instead and review the procedure's elements against it",
            )
            if successor_label
            else tr(
                "xác định văn bản đang có hiệu lực quy định thủ tục và công bố sửa đổi căn cứ pháp lý",
                "find the document now in force for this procedure and publish the amended legal basis",
            )
        )
        yield ctx.finding(
            procedure,
            "legal_basis",
            message,
            recommendation,
            subject=doc_number_key(doc.number or doc.key),
            source=ref.source,
            legal_basis=doc.source,
            data={"document": doc.label, "replaced_by": successor_label, "ended": end, "article": ref.article},
            payload=Payload(part=ref, words=ref.raw, replacement=successor_label, removes_part=True),
        )


def _check_expiring(procedure: Procedure, ctx: RuleContext) -> Iterator[Finding]:
    days = ctx.options["days"]
    for ref, doc in _known_refs(procedure, ctx):
        if doc.expires is None or doc.status_at(ctx.as_of) is not DocStatus.IN_FORCE:
            continue
        left = (doc.expires - ctx.as_of).days
        if left > days:
            continue
        yield ctx.finding(
            procedure,
            "legal_basis",
            tr(
                f"căn cứ {doc.label} là văn bản có thời hạn, hết hiệu lực sau ngày {_fmt(doc.expires)} (còn {left} ngày)",
                f"legal basis {doc.label} is temporary and ends after {_fmt(doc.expires)} ({left} days left)",
            ),
            tr(
                "chuẩn bị căn cứ thay thế (luật, nghị định) và dự thảo quyết định công bố sửa đổi trước ngày hết hiệu lực",
                "prepare the replacing basis (a law or decree) and the amending publication before the end date",
            ),
            subject=doc_number_key(doc.number or doc.key),
            source=ref.source,
            legal_basis=doc.source,
            data={"document": doc.label, "expires": doc.expires, "days_left": left},
            payload=Payload(part=ref, words=ref.raw),
        )


LEGAL_BASIS_REPEALED = Rule(
    code="TT201",
    name="legal-basis-repealed",
    group=Group.OUTDATED,
    severity=Severity.ERROR,
    summary=T("Căn cứ pháp lý đã hết hiệu lực", "Legal basis repealed, replaced or expired"),
    doc=RuleDoc(
        what=T(
            "Thủ tục viện dẫn một văn bản đã bị bãi bỏ, thay thế hoặc hết thời hạn tại ngày đánh giá (--as-of). "
            "Văn bản chỉ được sửa đổi, bổ sung mà còn hiệu lực thì không bị báo.",
            "The procedure cites a document repealed, replaced or expired at the as-of date. A document that was only "
            "amended and is still in force is not reported.",
        ),
        why=T(
            "Thủ tục phải được quy định tại văn bản đang có hiệu lực (Nghị định 63/2010/NĐ-CP, Điều 8). Ví dụ: Nghị định "
            "42/2022/NĐ-CP hết hiệu lực từ 01/7/2026, thay bởi Nghị định 224/2026/NĐ-CP (Điều 90); Luật Cư trú 81/2006/QH11 "
            "được thay bởi Luật Cư trú 68/2020/QH14 từ 01/7/2021. Ngày hiệu lực lấy từ cơ sở tri thức (tthc/knowledge/data), "
            "người dùng bổ sung được sổ văn bản của mình.",
            "A procedure must rest on a document in force (Decree 63/2010/NĐ-CP, Art. 8). E.g. Decree 42/2022/NĐ-CP no "
            "longer applies from 1/7/2026, replaced by Decree 224/2026/NĐ-CP (Art. 90); Residence Law 81/2006/QH11 was "
            "replaced by Law 68/2020/QH14 from 1/7/2021. Dates come from the knowledge base; users can add their own register.",
        ),
        example=T(
            "Căn cứ pháp lý: 'Luật Cư trú số 81/2006/QH11 ngày 29/11/2006'.",
            "Legal basis: 'Luật Cư trú số 81/2006/QH11 ngày 29/11/2006'.",
        ),
        instead=T(
            "Viện dẫn văn bản thay thế đang có hiệu lực và rà soát lại các bộ phận của thủ tục theo văn bản đó.",
            "Cite the replacing document in force and review the procedure's elements against it.",
        ),
    ),
    legal_basis=T("Nghị định 63/2010/NĐ-CP, Điều 8", "Decree 63/2010/NĐ-CP, Art. 8"),
    check=_check_repealed,
    proposal=T("Cập nhật căn cứ pháp lý", "Update the legal basis"),
    effect=Effect.CORRECT_CATALOG,
)

LEGAL_BASIS_EXPIRING = Rule(
    code="TT202",
    name="legal-basis-expiring",
    group=Group.OUTDATED,
    severity=Severity.WARNING,
    summary=T("Căn cứ pháp lý có thời hạn sắp hết hiệu lực", "Temporary legal basis ending soon"),
    doc=RuleDoc(
        what=T(
            "Thủ tục dựa trên một văn bản có thời hạn (như nghị quyết cơ chế đặc biệt) sẽ hết hiệu lực trong N ngày tới (mặc định 90).",
            "The procedure rests on a temporary document (such as a special-mechanism resolution) that ends within N days (default 90).",
        ),
        why=T(
            "Các Nghị quyết 66.16/2026/NQ-CP và 66.18/2026/NQ-CP thay đổi thủ tục trong một thời hạn, hết hiệu lực sau 28/02/2027; "
            "thủ tục dựa trên chúng phải được đặt lại trên căn cứ luật trước ngày đó.",
            "Resolutions 66.16/2026/NQ-CP and 66.18/2026/NQ-CP change procedures for a fixed period ending after 28/02/2027; "
            "procedures based on them must be re-based on a law before then.",
        ),
        example=T(
            "Căn cứ pháp lý: 'Nghị quyết số 66.16/2026/NQ-CP của Chính phủ', đánh giá ngày 15/01/2027.",
            "Legal basis: 'Nghị quyết số 66.16/2026/NQ-CP', judged on 15/01/2027.",
        ),
        instead=T(
            "Chuẩn bị căn cứ thay thế và quyết định công bố sửa đổi trước ngày văn bản hết hiệu lực.",
            "Prepare the replacing basis and the amending publication before the document ends.",
        ),
    ),
    legal_basis=T(
        "Nghị quyết 66.16/2026/NQ-CP, 66.18/2026/NQ-CP (hiệu lực đến 28/02/2027)",
        "Resolutions 66.16/2026/NQ-CP, 66.18/2026/NQ-CP (in force to 28/02/2027)",
    ),
    check=_check_expiring,
    options=(Option("days", int, 90, T("Báo trước bao nhiêu ngày", "How many days ahead to warn")),),
    proposal=T("Chuẩn bị căn cứ pháp lý thay thế", "Prepare the replacing legal basis"),
    effect=Effect.CORRECT_CATALOG,
)

RULES = (LEGAL_BASIS_REPEALED, LEGAL_BASIS_EXPIRING)
