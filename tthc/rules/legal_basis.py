"""Outdated legal bases: documents repealed, replaced or expired, and temporary ones ending soon."""

from __future__ import annotations

from collections.abc import Iterator

from tthc.i18n import T, text
from tthc.knowledge import DocStatus, LegalDocument
from tthc.model import Catalog, LegalRef, Procedure
from tthc.rules.base import Effect, Finding, Group, Option, Payload, Rule, RuleContext, RuleDoc, Severity
from tthc.text import doc_number_key


def _known_refs(procedure: Procedure, ctx: RuleContext) -> Iterator[tuple[LegalRef, LegalDocument]]:
    """Each identified reference the knowledge base knows, once per document."""
    seen: set[str] = set()
    for ref in procedure.legal_basis:
        if not ref.number:
            continue
        doc = ctx.knowledge.find_document(ref.number, year=ref.issued, kind=ref.kind)
        if doc is None or doc.key in seen:
            continue
        seen.add(doc.key)
        yield ref, doc


def _fmt(day) -> str:
    return day.strftime("%d/%m/%Y") if day else "?"


def _step(step: LegalDocument | str, day, last: bool, in_force: bool) -> tuple[str, str]:
    """One link of a successor chain, in both languages."""
    if isinstance(step, str):
        return (
            f"{step} (không có trong sổ văn bản, chưa rõ hiệu lực)",
            f"{step} (not in the register; status unknown)",
        )
    if last and in_force:
        return step.label, step.label
    end = step.end_date
    believed = end is not None and not step.status_date_confirmed(end)
    when_vi = f"hết hiệu lực từ {_fmt(end)}" if end else "đã hết hiệu lực, không rõ ngày"
    when_en = f"no longer applies since {_fmt(end)}" if end else "no longer applies, date unknown"
    if believed:
        when_vi, when_en = when_vi + ", ngày chưa được xác nhận", when_en + ", date not confirmed"
    if step.inferred:  # an intermediate link the register only infers says so, as the first one does
        when_vi, when_en = f"{when_vi}; {text(step.inferred, 'vi')}", f"{when_en}; {text(step.inferred, 'en')}"
    return f"{step.label} ({when_vi})", f"{step.label} ({when_en})"


def _check_repealed(procedure: Procedure, ctx: RuleContext) -> Iterator[Finding]:
    for ref, doc in _known_refs(procedure, ctx):
        status = doc.status_at(ctx.as_of)
        if status not in (DocStatus.REPEALED, DocStatus.EXPIRED):
            continue
        chain, in_force = ctx.knowledge.successor_chain(doc, ctx.as_of)
        steps = [_step(s, ctx.as_of, i == len(chain) - 1, in_force) for i, s in enumerate(chain)]
        current = chain[-1] if chain and in_force else None
        current_label = current.label if isinstance(current, LegalDocument) else None
        first = chain[0] if chain else doc.successor
        successor_label = first.label if isinstance(first, LegalDocument) else first
        end = doc.end_date
        believed = (
            T("", "")
            if doc.status_date_confirmed(ctx.as_of)
            else T(" (ngày chưa được xác nhận)", " (date not confirmed)")
        )
        since_vi = f"từ {_fmt(end)}{believed.vi}" if end else "(không rõ ngày)"
        since_en = f"since {_fmt(end)}{believed.en}" if end else "(date unknown)"
        if status is DocStatus.EXPIRED:
            message = T(f"căn cứ {doc.label} đã hết hiệu lực {since_vi}", f"legal basis {doc.label} expired {since_en}")
        else:
            message = T(
                f"căn cứ {doc.label} đã hết hiệu lực {since_vi}"
                + (f", được thay thế bởi {' → '.join(vi for vi, _ in steps)}" if steps else ""),
                f"legal basis {doc.label} no longer applies {since_en}"
                + (f"; replaced by {' → '.join(en for _, en in steps)}" if steps else ""),
            )
            if doc.repeal_article and isinstance(first, LegalDocument):
                message += T(f" ({doc.repeal_article} {first.label})", f" ({doc.repeal_article} of {first.label})")
        if doc.inferred:
            message += " [" + doc.inferred + "]"
        cited = {doc_number_key(r.number) for r in procedure.legal_basis if r.number}
        if isinstance(current, LegalDocument) and current.number_key in cited:
            recommendation = T(
                f"bỏ viện dẫn {doc.label}: thủ tục đã viện dẫn {current_label} (văn bản đang có hiệu lực ngày "
                f"{_fmt(ctx.as_of)})",
                f"drop {doc.label}: the procedure already cites {current_label} (in force on {_fmt(ctx.as_of)})",
            )
        elif current_label:
            recommendation = T(
                f"thay căn cứ bằng {current_label} (văn bản đang có hiệu lực ngày {_fmt(ctx.as_of)}) và rà soát lại "
                "các bộ phận thủ tục theo văn bản mới",
                f"cite {current_label} instead (in force on {_fmt(ctx.as_of)}) and review the procedure's elements against it",
            )
        elif successor_label:
            recommendation = T(
                f"xác định văn bản đang có hiệu lực thay {doc.label} (sổ văn bản dừng ở {chain[-1] if chain and isinstance(chain[-1], str) else successor_label}) "
                "và công bố sửa đổi căn cứ pháp lý",
                f"find the document now in force in place of {doc.label} (the register stops at "
                f"{chain[-1] if chain and isinstance(chain[-1], str) else successor_label}) and publish the amended legal basis",
            )
        else:
            recommendation = T(
                "xác định văn bản đang có hiệu lực quy định thủ tục và công bố sửa đổi căn cứ pháp lý",
                "find the document now in force for this procedure and publish the amended legal basis",
            )
        yield ctx.finding(
            procedure,
            "legal_basis",
            message,
            recommendation,
            subject=doc_number_key(doc.number or doc.key),
            source=ref.source,
            legal_basis=doc.source,
            data={
                "document": doc.label,
                "replaced_by": current_label or successor_label,
                "chain": [s.label if isinstance(s, LegalDocument) else s for s in chain],
                "in_force_successor": current_label,
                "ended": end,
                "date_known": end is not None,
                "inferred": doc.inferred,
                "article": ref.article,
            },
            payload=Payload(part=ref, words=ref.raw, replacement=current_label or successor_label, removes_part=True),
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
            T(
                f"căn cứ {doc.label} là văn bản có thời hạn, hết hiệu lực sau ngày {_fmt(doc.expires)} (còn {left} ngày)",
                f"legal basis {doc.label} is temporary and ends after {_fmt(doc.expires)} ({left} days left)",
            ),
            T(
                "chuẩn bị căn cứ thay thế (luật, nghị định) và dự thảo quyết định công bố sửa đổi trước ngày hết hiệu lực",
                "prepare the replacing basis (a law or decree) and the amending publication before the end date",
            ),
            subject=doc_number_key(doc.number or doc.key),
            source=ref.source,
            legal_basis=doc.source,
            data={"document": doc.label, "expires": doc.expires, "days_left": left},
            payload=Payload(part=ref, words=ref.raw),
        )


def _check_unknown(catalog: Catalog, ctx: RuleContext) -> Iterator[Finding]:
    """One finding per catalog: the cited documents the register does not know, most cited first."""
    cited: dict[str, set[str]] = {}
    shown: dict[str, str] = {}
    for procedure in catalog.procedures:
        who = procedure.code or procedure.name
        for ref in procedure.legal_basis:
            if not ref.number or ctx.knowledge.find_document(ref.number, year=ref.issued, kind=ref.kind):
                continue
            key = doc_number_key(ref.number)
            cited.setdefault(key, set()).add(who)
            shown.setdefault(key, ref.number)
    if not cited:
        return
    ranked = sorted(cited, key=lambda k: (-len(cited[k]), k))
    limit = ctx.options["list"]
    head = ", ".join(f"{shown[k]} ({len(cited[k])})" for k in ranked[:limit])
    more = len(ranked) - limit
    uses = sum(len(v) for v in cited.values())
    off = {s.identity.split("@")[0] for s in ctx.knowledge.switched_off if s.section == "legal_documents"}
    unconfirmed = sum(1 for k in ranked if k in off)
    yield ctx.finding(
        None,
        "legal_basis",
        T(
            f"{len(ranked)} văn bản được viện dẫn ({uses} lượt) không có trong sổ văn bản nên chưa được kiểm tra hiệu lực: "
            + head
            + (f" và {more} văn bản khác" if more > 0 else "")
            + (
                f" ({unconfirmed} văn bản trong số này chỉ có mục chưa xác nhận, đang tắt: include-unconfirmed: true để dùng)"
                if unconfirmed
                else ""
            ),
            f"{len(ranked)} cited documents ({uses} citations) are not in the register, so their validity was not checked: "
            + head
            + (f" and {more} more" if more > 0 else "")
            + (
                f" ({unconfirmed} of them have only unconfirmed entries, switched off: include-unconfirmed: true uses them)"
                if unconfirmed
                else ""
            ),
        ),
        T(
            "bổ sung các văn bản này vào sổ văn bản (tthc knowledge import, hoặc tệp knowledge: trong tthc.yaml) "
            "rồi chạy lại để kiểm tra hiệu lực",
            "add these documents to the register (tthc knowledge import, or a knowledge: file in tthc.yaml) and run "
            "again to check their validity",
        ),
        subject="unknown-documents",
        data={
            "documents": [{"number": shown[k], "procedures": len(cited[k]), "unconfirmed": k in off} for k in ranked],
            "citations": uses,
        },
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

LEGAL_BASIS_UNKNOWN = Rule(
    code="TT109",
    name="legal-basis-unknown",
    group=Group.COMPLETENESS,  # not a proposal: it says what the check could not judge
    severity=Severity.INFO,
    summary=T("Căn cứ pháp lý chưa có trong sổ văn bản", "Cited documents the register does not know"),
    doc=RuleDoc(
        what=T(
            "Một thông tin cho cả danh mục: các văn bản được viện dẫn làm căn cứ pháp lý mà sổ văn bản (cơ sở tri thức và "
            "các tệp knowledge: của người dùng) không biết, kèm số thủ tục viện dẫn, văn bản viện dẫn nhiều nhất trước.",
            "One finding per catalog: the documents cited as legal basis that the register (the knowledge base and the "
            "user's knowledge: files) does not know, with how many procedures cite each, the most cited first.",
        ),
        why=T(
            "Quy tắc legal-basis-repealed chỉ kiểm tra được văn bản có trong sổ; văn bản không có trong sổ thì không được "
            "kiểm tra, và người rà soát cần biết phần nào chưa được kiểm tra (Nghị định 63/2010/NĐ-CP, Điều 8: thủ tục phải "
            "được quy định tại văn bản đang có hiệu lực).",
            "legal-basis-repealed can only judge documents the register holds; the others are not checked, and a reviewer "
            "must see what was not checked (Decree 63/2010/NĐ-CP, Art. 8: a procedure must rest on a document in force).",
        ),
        example=T(
            "Căn cứ pháp lý: 'Luật Quản lý thuế 38/2019/QH14' khi sổ văn bản không có Luật 38/2019/QH14.",
            "Legal basis: 'Luật Quản lý thuế 38/2019/QH14' when the register lacks Law 38/2019/QH14.",
        ),
        instead=T(
            "Bổ sung văn bản vào sổ (tthc knowledge import tệp dữ liệu vbpl.vn, hoặc sổ văn bản của cơ quan) rồi chạy lại.",
            "Add the documents to the register (tthc knowledge import of the vbpl.vn data, or the agency's own register) "
            "and run again.",
        ),
    ),
    legal_basis=T("Nghị định 63/2010/NĐ-CP, Điều 8", "Decree 63/2010/NĐ-CP, Art. 8"),
    check=_check_unknown,
    scope="catalog",
    options=(Option("list", int, 10, T("Số văn bản nêu trong thông báo", "How many documents the message names")),),
)

RULES = (LEGAL_BASIS_REPEALED, LEGAL_BASIS_EXPIRING, LEGAL_BASIS_UNKNOWN)
