"""Interlinking (liên thông): the result of one procedure is a dossier input of another."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tthc.i18n import T, tr
from tthc.model import Catalog, Mechanism, Procedure
from tthc.rules.base import Effect, Finding, Group, Payload, Rule, RuleContext, RuleDoc, Severity
from tthc.text import match_key

# Words a dossier line puts before the paper's name: copy kinds and counts.
_LEAD = re.compile(
    "^(?:"
    + "|".join(
        re.escape(match_key(w)) for w in ("bản sao có chứng thực", "bản sao", "bản chính", "bản chụp", "bản gốc")
    )
    + r")\s+"
)
# Where the paper's name ends: a bracket, a count, a separator.
_TAIL = re.compile(r"\s*(?:[(;:,]| - | – ).*$")


_ALTERNATIVES = re.compile(r"\s+(?:hoặc|hoặc là)\s+", re.I)


def _paper_key(text: str) -> str:
    """The paper's name as a key: no copy-kind words before it, no counts or notes after it."""
    key = match_key(text).strip(" -–•+*.;:")
    key = _LEAD.sub("", key)
    return _TAIL.sub("", key).strip(" .")


def _results_by_key(catalog: Catalog) -> dict[str, list[tuple[Procedure, str]]]:
    """Result name key (and result code) -> the procedures producing it."""
    out: dict[str, list[tuple[Procedure, str]]] = {}
    for p in catalog.procedures:
        for r in p.results:
            keys = {_paper_key(r.name)}
            if r.code:
                keys.add("code:" + r.code.strip().upper())
            for key in keys:
                if len(key.split()) >= 2 or key.startswith("code:"):
                    out.setdefault(key, []).append((p, r.name))
    return out


def _check_interlink(catalog: Catalog, ctx: RuleContext) -> Iterator[Finding]:
    producers = _results_by_key(catalog)
    if not producers:
        return
    for consumer in catalog.procedures:
        if consumer.mechanism is Mechanism.INTERLINKED:
            continue
        reported: set[str] = set()
        for doc in consumer.documents:
            # "Giấy chứng tử hoặc Trích lục khai tử": each alternative is a paper
            keys = [_paper_key(part) for part in _ALTERNATIVES.split(doc.name)]
            if doc.code:
                keys.append("code:" + doc.code.strip().upper())
            for key in keys:
                for producer, result_name in producers.get(key, []):
                    if producer is consumer or producer.label in reported:
                        continue
                    reported.add(producer.label)
                    yield ctx.finding(
                        consumer,
                        "documents",
                        tr(
                            f"giấy tờ '{doc.name}' là kết quả của thủ tục {producer.label}",
                            f"the paper '{doc.name}' is the result of procedure {producer.label}",
                        ),
                        tr(
                            f"thực hiện liên thông với thủ tục {producer.label}: cơ quan giải quyết nhận kết quả trực tiếp, "
                            "người dân không phải nộp giấy tờ này",
                            f"interlink with {producer.label}: the agency receives the result directly and the applicant "
                            "no longer files this paper",
                        ),
                        subject=f"{producer.code or match_key(producer.name)}|{match_key(result_name)}",
                        source=doc.source,
                        data={"producer_code": producer.code, "producer_name": producer.name, "result": result_name},
                        payload=Payload(part=doc, words=doc.name, replacement=producer.label),
                    )


INTERLINK_CANDIDATE = Rule(
    code="TT308",
    name="interlink-candidate",
    group=Group.SIMPLIFIABLE,
    severity=Severity.INFO,
    summary=T("Có thể liên thông thủ tục", "Candidate for interlinking"),
    doc=RuleDoc(
        what=T(
            "Kết quả của một thủ tục trong danh mục (theo mã kết quả, hoặc theo tên đã chuẩn hóa) là thành phần hồ sơ của "
            "một thủ tục khác chưa thực hiện theo cơ chế liên thông.",
            "The result of one procedure of the catalog (by result code, or by normalised name) is a dossier component of "
            "another procedure that is not interlinked yet.",
        ),
        why=T(
            "Nghị định 63/2010/NĐ-CP, Điều 7 khoản 5 và câu hỏi 11 của biểu mẫu rà soát: thủ tục cần kết quả của thủ tục khác "
            "thì liên thông để người dân không phải đi lại, nộp lại giấy tờ.",
            "Decree 63/2010/NĐ-CP, Art. 7(5) and review-form question 11: a procedure needing another's result should be "
            "interlinked so applicants need not carry papers between agencies.",
        ),
        example=T(
            "'Bản sao Giấy khai sinh' trong hồ sơ cấp thẻ BHYT cho trẻ em, khi 'Giấy khai sinh' là kết quả của thủ tục đăng ký khai sinh.",
            "'Bản sao Giấy khai sinh' in the child health-insurance dossier, while the birth certificate is the result of birth registration.",
        ),
        instead=T(
            "Thực hiện liên thông (một cửa liên thông) giữa hai thủ tục.",
            "Interlink the two procedures (một cửa liên thông).",
        ),
    ),
    legal_basis=T("Nghị định 63/2010/NĐ-CP, Điều 7 khoản 5", "Decree 63/2010/NĐ-CP, Art. 7(5)"),
    check=_check_interlink,
    scope="catalog",
    proposal=T("Liên thông thủ tục hành chính", "Interlink the procedures"),
    effect=Effect.INTERLINK,
)

RULES = (INTERLINK_CANDIDATE,)
