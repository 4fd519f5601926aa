"""Interlinking (liên thông): the result of one procedure is a dossier input of another."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tthc.i18n import T
from tthc.model import Catalog, Mechanism, Procedure
from tthc.rules.base import Effect, Finding, Group, Payload, Rule, RuleContext, RuleDoc, Severity
from tthc.rules.dossier_lines import applies_once_only, is_note, line_text, zero_count
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
    """Result name key (and result code) -> the procedures producing it. A name key needs
    three words: "Giấy tờ", "Quyết định" name no paper in particular."""
    out: dict[str, list[tuple[Procedure, str]]] = {}
    for p in catalog.procedures:
        for r in p.results:
            keys = {_paper_key(r.name)}
            if r.code:
                keys.add("code:" + r.code.strip().upper())
            for key in keys:
                if len(key.split()) >= 3 or key.startswith("code:"):
                    out.setdefault(key, []).append((p, r.name))
    return out


_WORD = re.compile(r"[^\W\d_][\w\u0300-\u036f]*")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(match_key(text)))


def _share(paper_key: str, producer: Procedure) -> float:
    """Shared words over all words of the paper and the producer's name."""
    a, b = _words(paper_key), _words(producer.name)
    return len(a & b) / len(a | b) if a | b else 0.0


# A procedure that reissues, extends or amends a paper is a less specific producer of it
# than the one that issues it.
_REISSUE = re.compile(
    "^(?:" + re.escape(match_key("thủ tục")) + " )?(?:"
    + "|".join(
        re.escape(match_key(w))
        for w in ("cấp lại", "cấp đổi", "gia hạn", "điều chỉnh", "sửa đổi", "bổ sung", "thay đổi", "đính chính",
                  "hiệu đính", "thu hồi", "hủy", "huỷ", "chấm dứt", "chuyển nhượng", "trả lại", "thông báo")
    )
    + ")"
)  # fmt: skip
# Words a procedure's name adds to its result without narrowing it: the act and the level
# ("Cấp Giấy phép X (cấp Tỉnh)", "Thủ tục đăng ký khai sinh" for "Giấy khai sinh").
_GENERIC = frozenset(
    w
    for phrase in [
        "thủ",
        "tục",
        "cấp",
        "đăng",
        "ký",
        "thẩm",
        "định",
        "phê",
        "duyệt",
        "giải",
        "quyết",
        "xác",
        "nhận",
        "công",
        "nhận",
        "chấp",
        "thuận",
        "cho",
        "phép",
        "bộ",
        "tỉnh",
        "xã",
        "huyện",
        "trung",
        "ương",
        "thành",
        "phố",
        "cơ",
        "quan",
        "việc",
        "về",
        "của",
        "và",
        "đối",
        "với",
        "các",
        "một",
        "lần",
        "đầu",
        "mới",
        "đề",
        "nghị",
        "quyết",
        "định",
        "ban",
        "hành",
        "giấy",
        "chứng",
        "nhận",
        "văn",
        "bản",
        "thực",
        "hiện",
        "hồ",
        "sơ",
        "người",
        "tổ",
        "chức",
        "cá",
        "nhân",
    ]
    for w in _words(phrase)
)


def _acts_on(paper_key: str, consumer: Procedure) -> bool:
    """The consumer's name holds every telling word of the paper ("Thay đổi nội dung đăng ký
    hoạt động của Trung tâm tư vấn pháp luật" and its "Giấy đăng ký hoạt động"), or the
    consumer reissues, extends or revokes what the paper names ("Thu hồi chấp thuận hoạt động
    của sân tập lái …" and its "Quyết định chấp thuận hoạt động của sân tập lái … đủ điều kiện
    hoạt động")."""
    telling = _words(paper_key) - _GENERIC
    if telling and telling <= _words(consumer.name):
        return True
    name = match_key(consumer.name)
    act = _REISSUE.match(name)
    if act is None:
        return False
    acted_on = _words(name[act.end() :]) - _GENERIC
    return len(acted_on) >= 3 and acted_on <= _words(paper_key)


def _narrower(paper_key: str, producer: Procedure) -> bool:
    """The producer's name adds words that narrow the paper: "Đăng ký thành lập doanh nghiệp
    tư nhân" issues only one kind of "Giấy chứng nhận đăng ký doanh nghiệp", so it is not
    where any enterprise's certificate comes from."""
    return bool(_words(producer.name) - _words(paper_key) - _GENERIC)


# Below this share of words the producer is not about the paper ("Biên lai thu thuế …" is
# not the result of "Thông báo điều chỉnh thông tin tại thông báo phát hành biên lai").
_MIN_SHARE = 0.2


def _closeness(paper_key: str, producer: Procedure) -> tuple[bool, float, int, str]:
    """How closely a producer fits the paper: an issuing procedure before one that reissues,
    extends or amends; then shared words over all words (so "Cấp giấy phép khai thác khoáng
    sản" beats "Gia hạn giấy phép khai thác khoáng sản (cấp Tỉnh)"); then the shorter name."""
    return (
        bool(_REISSUE.match(match_key(producer.name))),
        -_share(paper_key, producer),
        len(producer.name),
        producer.code or "",
    )


def _outdated_paper(text: str, ctx: RuleContext) -> bool:
    """A paper another rule says to drop (a household book): interlinking to obtain it would
    contradict that finding."""
    candidates = ctx.knowledge.term_table("household_book").candidates(text)
    return any(t.is_outdated_at(ctx.as_of) and t.search(text) for t in candidates)


# A paper issued abroad is no result of a procedure in a Vietnamese catalog ("Giấy chứng nhận
# lưu hành tự do (CFS) tại nước xuất khẩu" is not what "Cấp Giấy chứng nhận lưu hành tự do" issues).
_FOREIGN = re.compile(
    "|".join(
        re.escape(match_key(w))
        for w in (
            "nước ngoài",
            "nước xuất khẩu",
            "nước sở tại",
            "nước nhập khẩu",
            "nước có tàu",
            "nước cấp",
            "người không quốc tịch",  # bo-tu-phap 2.002797: a stateless person's papers are foreign
        )
    )
)


def _check_interlink(catalog: Catalog, ctx: RuleContext) -> Iterator[Finding]:
    producers = _results_by_key(catalog)
    if not producers:
        return
    for consumer in catalog.procedures:
        if consumer.mechanism is Mechanism.INTERLINKED:
            continue
        consumer_key = match_key(consumer.name)
        for doc in consumer.documents:
            text = line_text(doc)
            if zero_count(doc) or is_note(text) or applies_once_only(text):
                continue  # a note, or the agency already reads the data itself
            if _outdated_paper(text, ctx) or _FOREIGN.search(match_key(text)):
                continue
            # "Giấy chứng tử hoặc Trích lục khai tử": each alternative is a paper
            keys = [_paper_key(part) for part in _ALTERNATIVES.split(doc.name)]
            if doc.code:
                keys.append("code:" + doc.code.strip().upper())
            found: dict[int, tuple[Procedure, str, str]] = {}
            for key in keys:
                if not key.startswith("code:") and (key in consumer_key or _acts_on(key, consumer)):
                    continue  # the paper the procedure itself acts on ("Gia hạn giấy phép X" needs licence X)
                for producer, result_name in producers.get(key, []):
                    paper_key = _paper_key(result_name) if key.startswith("code:") else key
                    if producer is consumer:
                        continue
                    if not key.startswith("code:") and (_share(key, producer) < _MIN_SHARE or _narrower(key, producer)):
                        continue
                    found.setdefault(id(producer), (producer, result_name, paper_key))
            if not found:
                continue
            # one proposal per dossier line, naming the producer that fits the paper best
            ranked = sorted(found.values(), key=lambda pr: _closeness(pr[2], pr[0]))
            producer, result_name, _ = ranked[0]
            if _REISSUE.match(match_key(producer.name)):
                continue  # only procedures that reissue or amend the paper: its issuer is elsewhere
            others = len(ranked) - 1
            also_vi = f" (và {others} thủ tục khác có cùng kết quả)" if others else ""
            also_en = f" (and {others} other procedure(s) with the same result)" if others else ""
            yield ctx.finding(
                consumer,
                "documents",
                T(
                    f"giấy tờ '{doc.name}' là kết quả của thủ tục {producer.label}{also_vi}",
                    f"the paper '{doc.name}' is the result of procedure {producer.label}{also_en}",
                ),
                T(
                    f"thực hiện liên thông với thủ tục {producer.label}: cơ quan giải quyết nhận kết quả trực tiếp, "
                    "người dân không phải nộp giấy tờ này",
                    f"interlink with {producer.label}: the agency receives the result directly and the applicant "
                    "no longer files this paper",
                ),
                subject=doc.name,
                source=doc.source,
                data={
                    "producer_code": producer.code,
                    "producer_name": producer.name,
                    "result": result_name,
                    "other_producers": [p.code or p.name for p, _, _ in ranked[1:]],
                },
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
            "Kết quả của một thủ tục trong danh mục (theo mã kết quả, hoặc theo tên đã chuẩn hóa, ít nhất ba từ) là thành "
            "phần hồ sơ của một thủ tục khác chưa thực hiện theo cơ chế liên thông. Mỗi dòng hồ sơ một đề xuất, nêu thủ tục "
            "cấp giấy tờ đó khớp nhất (thủ tục cấp trước thủ tục cấp lại, gia hạn; tên gần với giấy tờ nhất), kèm số thủ "
            "tục khác có cùng kết quả. Không đề xuất khi: giấy tờ là chính đối tượng của thủ tục ('Gia hạn giấy phép X' cần "
            "giấy phép X; 'Thu hồi chấp thuận hoạt động của sân tập lái …' cần quyết định chấp thuận đó), dòng đã cho "
            "khai thác dữ liệu, giấy tờ đã bị bỏ (sổ hộ khẩu), giấy tờ do nước ngoài cấp, chỉ có thủ tục cấp lại hoặc sửa đổi "
            "giấy tờ, hay thủ tục có tên hẹp hơn giấy tờ ('Đăng ký thành lập doanh nghiệp tư nhân' cho mọi 'Giấy chứng nhận "
            "đăng ký doanh nghiệp').",
            "The result of one procedure of the catalog (by result code, or by a normalised name of three words or more) "
            "is a dossier component of another procedure that is not interlinked yet. One proposal per dossier line, "
            "naming the producer that fits best (an issuing procedure before one that reissues or extends; the name "
            "closest to the paper), with how many others have the same result. No proposal when the paper is what the "
            "procedure acts on ('Gia hạn giấy phép X' needs licence X; 'Thu hồi chấp thuận hoạt động của sân tập lái …' "
            "needs that approval), when the line already reads the data, when the paper is abolished (household books), "
            "issued abroad, produced only by procedures that reissue or amend it, or by a procedure narrower than the "
            "paper ('Đăng ký thành lập doanh nghiệp tư nhân' for any 'Giấy chứng nhận đăng ký doanh nghiệp').",
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
    effect=Effect.INTERLINK,
    scope="catalog",
    proposal=T("Liên thông thủ tục hành chính", "Interlink the procedures"),
)

RULES = (INTERLINK_CANDIDATE,)
