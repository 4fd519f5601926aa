"""Simplifiable dossiers: certified copies, papers the state holds, extra copies, certifications."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from tthc.i18n import T
from tthc.knowledge.textkey import GuardedPattern, keyed, phrase_key, regex_key
from tthc.model import CopyKind, DocumentRequirement, Procedure
from tthc.rules.base import Effect, Finding, Group, Payload, Rule, RuleContext, RuleDoc, Severity
from tthc.rules.dossier_lines import (
    agency_file,
    applies_once_only,
    demanded_at,
    either_or_lines,
    is_note,
    is_photo,
    line_text,
    lists_contents,
    zero_count,
)
from tthc.text import contains_key, match_key, nfc

# Copy kinds that make a certified copy unnecessary when the line also accepts them.
_LIGHTER_KINDS = frozenset({CopyKind.COPY, CopyKind.COPY_WITH_ORIGINAL, CopyKind.ELECTRONIC})


def _doc_text(doc: DocumentRequirement) -> str:
    return line_text(doc)


def _doc_subject(doc: DocumentRequirement) -> str:
    """What the finding is about, in the catalog's words (the fingerprint normalises it)."""
    return doc.name


# "Trường hợp gửi hồ sơ qua hệ thống bưu chính thì phải gửi kèm theo bản sao có chứng thực các
# giấy tờ phải xuất trình": by post nobody can show the original, so this is no excess demand.
_POSTAL = re.compile(regex_key(r"\b(?:bưu chính|bưu điện)\b"))
# "bản sao có chứng thực của Cơ quan đại diện ngoại giao … của Việt Nam ở nước ngoài" (nhdandz
# 1.013172): a relative living abroad cannot show the original; the mission certifies instead.
_MISSION = re.compile(regex_key(r"\bchứng thực (?:của )?cơ quan đại diện (?:ngoại giao|lãnh sự)\b"))
_TRANSLATION = re.compile(regex_key(r"\bbản sao (?:có |được )?chứng thực (?:của )?bản dịch\b"))
# "Bản sao y bản chính (có ký tên và đóng dấu của người nhập khẩu)" (bo-nong-nghiep-mt 1.003703),
# "bản sao y bản chính của tổ chức", "bản sao y” của doanh nghiệp": the applicant signs and
# stamps its own copy; no authority certifies it (Nghị định 23/2015/NĐ-CP is not involved).
_SELF_COPY = re.compile(
    regex_key(
        r"\bsao y(?: bản (?:chính|gốc))?\W{0,3}(?:có ký tên (?:và|,) đóng dấu\s*)?của (?:người nhập khẩu|"
        r"doanh nghiệp|tổ chức|người đứng đầu|đơn vị|cơ sở|chủ đầu tư|nhà thầu|thương nhân)\b"
    )
)
# what still demands a certification once the applicant's own stamped copies are set aside
_CERTIFIED_WORDS = re.compile(regex_key(r"\b(?:chứng thực|công chứng|sao y)\b"))


def _check_certified_copy(procedure: Procedure, ctx: RuleContext) -> Iterator[Finding]:
    for doc in procedure.documents:
        kinds = set(doc.copy_kinds or ([doc.copy_kind] if doc.copy_kind else []))
        if CopyKind.CERTIFIED_COPY not in kinds or kinds & _LIGHTER_KINDS or agency_file(doc):
            continue
        key = keyed(_doc_text(doc)).key
        if _POSTAL.search(key):
            continue  # filing by post: the certified copy stands in for showing the original
        if _MISSION.search(key):
            continue  # certified by a Vietnamese mission abroad, for an applicant who lives there
        if _TRANSLATION.search(key):
            continue  # a certified translation ("bản sao có chứng thực bản dịch") is no copy of the paper
        if _SELF_COPY.search(key) and not _CERTIFIED_WORDS.search(_SELF_COPY.sub(" ", key)):
            continue  # the applicant's own signed and stamped copy ("sao y … của người nhập khẩu")
        yield ctx.finding(
            procedure,
            "documents",
            T(
                f"yêu cầu bản sao có chứng thực: '{_doc_text(doc)}'",
                f"asks for a certified copy: '{_doc_text(doc)}'",
            ),
            T(
                "cho phép nộp bản sao kèm bản chính để đối chiếu, bản chụp hoặc bản sao điện tử thay cho bản sao có chứng thực",
                "accept a copy with the original for comparison, a photocopy or an electronic copy instead of a certified copy",
            ),
            subject=_doc_subject(doc),
            source=doc.source,
            payload=Payload(part=doc, words=_doc_text(doc)),
        )


def _once_only_applied(procedure: Procedure, ctx: RuleContext) -> set[str]:
    """Ids of the paper types the procedure's own notes already handle once-only: a line or
    note that names the type (or its database) and says the agency reads the data, or that
    a number is enough (1.000094: "chỉ cần cung cấp thông tin số định danh cá nhân … cơ quan …
    có trách nhiệm tra cứu")."""
    # a dossier note may name only the database ("các giấy tờ này đã có trong Cơ sở dữ liệu quốc
    # gia về dân cư … thì không phải tải lên"); a step must name the paper itself (a step that
    # looks up marital status in the population database does not make the ID card once-only)
    texts = [(line_text(d), True) for d in procedure.documents]
    texts += [(t, False) for t in (*procedure.conditions, *procedure.steps)]
    if procedure.notes:
        texts.append((procedure.notes, False))
    applied: set[str] = set()
    for text, in_dossier in texts:
        if not applies_once_only(text):
            continue
        key = keyed(text).key
        if in_dossier and _EVERY_PAPER.search(key):
            # "giấy tờ khác thuộc thành phần hồ sơ … đã được tích hợp trong … các cơ sở dữ liệu
            # khác thì Bộ Tài chính có trách nhiệm khai thác" (bo-tai-chinh 1.012344): all of them
            return {kind.id for kind in ctx.knowledge.once_only}
        for kind in ctx.knowledge.once_only:
            if kind.id in applied:
                continue
            named = kind.search(text) is not None
            if named or (in_dossier and any(contains_key(key, k) for k in _database_keys(kind.database))):
                applied.add(kind.id)
    return applied


# "Doanh nghiệp không phải nộp thành phần hồ sơ trong trường hợp cơ quan … khai thác được thông tin
# từ các cơ sở dữ liệu quốc gia" (bo-tai-chinh 3.000040) covers every paper too
_EVERY_PAPER = re.compile(
    regex_key(
        r"\b(?:các cơ sở dữ liệu khác|giấy tờ khác thuộc thành phần hồ sơ|"
        r"không phải nộp (?:các |những )?(?:giấy tờ |tài liệu )?(?:thuộc )?thành phần hồ sơ)\b"
    )
)


@lru_cache(maxsize=256)
def _database_keys(database: str) -> tuple[str, ...]:
    """The database's name and its initials as officers abbreviate it ("Cơ sở dữ liệu quốc gia
    về dân cư" -> "CSDLQGVDC")."""
    words = re.findall(r"\w+", nfc(database))
    initials = "".join(w[0] for w in words).upper()
    return (phrase_key(database), phrase_key(initials)) if len(words) > 2 else (phrase_key(database),)


def _check_data_available(procedure: Procedure, ctx: RuleContext) -> Iterator[Finding]:
    applied: set[str] | None = None
    for doc in procedure.documents:
        text = line_text(doc)
        if zero_count(doc) or is_note(text) or applies_once_only(text) or agency_file(doc):
            continue
        found = _demanded_type(text, ctx, doc.group)
        if found is None:
            continue
        if applied is None:
            applied = _once_only_applied(procedure, ctx)
        kind, variant = found
        if kind.id in applied:
            continue
        yield ctx.finding(
            procedure,
            "documents",
            T(
                f"yêu cầu '{text}' ({kind.name_text().vi}) trong khi dữ liệu đã có trong {kind.database}",
                f"asks for '{text}' ({kind.name_text().en}) although {kind.database} holds the data",
            ),
            T(
                f"khai thác dữ liệu từ {kind.database} thay vì yêu cầu người dân nộp giấy tờ; bỏ thành phần hồ sơ này",
                f"use the data from {kind.database} instead of asking the applicant for the paper; drop this component",
            ),
            subject=f"{kind.id}|{doc.name}",
            source=doc.source,
            legal_basis=kind.source,
            data={"database": kind.database, "document_type": kind.id, "variant": variant},
            payload=Payload(part=doc, words=text),
        )


def _demanded_type(text: str, ctx: RuleContext, group: str | None = None):
    """The first once-only paper type the line asks for (not one it merely mentions). A
    sub-heading that names a foreign party ("Đối với doanh nghiệp Trung Quốc:") counts as
    part of the line for the type's ``unless`` phrases."""
    # a type the table's pre-filter drops finds nothing in the text (search and search_all)
    for kind in ctx.knowledge.once_only_table.candidates(text):
        if group and kind.unless and kind.search(f"{group} {text}") is None and kind.search(text) is not None:
            continue
        for hit in kind.search_all(text):
            if hit.start is not None and demanded_at(text, hit.start):
                return kind, hit.variant
    return None


# A note that itself demands several copies: "Trường hợp thực hiện trên tờ khai hải quan giấy …,
# người khai hải quan khai và nộp 02 bản chính tờ khai hàng hóa nhập khẩu" (bo-tai-chinh 1.006468)
_NOTE_DEMAND = re.compile(regex_key(r"\bnộp 0?[2-9] bản (?:chính|gốc|sao|chụp)\b"))


def _check_excess_copies(procedure: Procedure, ctx: RuleContext) -> Iterator[Finding]:
    either_or: set[int] | None = None
    for i, doc in enumerate(procedure.documents):
        originals, copies = doc.originals or 0, doc.copies or 0
        text = line_text(doc)
        if originals + copies <= 1 or is_photo(text) or lists_contents(doc):
            continue
        if is_note(text) and not _NOTE_DEMAND.search(keyed(text).key):
            continue
        if agency_file(doc):
            continue
        if either_or is None:
            either_or = either_or_lines(procedure.documents)
        kinds = set(doc.copy_kinds or ([doc.copy_kind] if doc.copy_kind else []))
        if i in either_or or CopyKind.COPY_WITH_ORIGINAL in kinds:
            # one or the other (or a copy with its original shown for comparison, which the
            # original is not filed): only more than one of the same kind is an excess
            originals, copies = (originals if originals > 1 else 0), (copies if copies > 1 else 0)
            if not originals and not copies:
                continue
        if originals >= 1 and copies >= 1:
            what_vi, what_en = (
                f"{originals} bản chính và {copies} bản sao",
                f"{originals} original(s) and {copies} copy(ies)",
            )
        elif originals > 1:
            what_vi, what_en = f"{originals} bản chính", f"{originals} originals"
        else:
            what_vi, what_en = f"{copies} bản sao", f"{copies} copies"
        yield ctx.finding(
            procedure,
            "documents",
            T(f"yêu cầu {what_vi} của '{doc.name}'", f"asks for {what_en} of '{doc.name}'"),
            T(
                "chỉ yêu cầu 01 bản của mỗi giấy tờ (bản chính hoặc bản sao), trừ khi luật quy định khác",
                "ask for one copy of each paper (original or copy) unless the law requires more",
            ),
            subject=doc.name,
            source=doc.source,
            data={"originals": doc.originals, "copies": doc.copies},
            payload=Payload(part=doc, words=_doc_text(doc)),
        )


# A certification (xác nhận) of a form by a commune or ward, the commune police, a village
# head or the applicant's workplace: the hidden procedures the review form asks about
# (question 3). A certifying *authority* of the sector ("có xác nhận của cơ quan kiểm tra
# chuyên ngành", "… của Bộ Công Thương") or a company stamping its own copy ("có xác nhận của
# doanh nghiệp") is another matter. Matched on match keys, so NFD text and old tone
# placement ("Uỷ ban") match too.
_CERTIFYING = ("có xác nhận của", "xác nhận của", "có xác nhận", "có chứng thực chữ ký của", "có ý kiến của")
_CERTIFIERS = (
    "ủy ban nhân dân xã", "ủy ban nhân dân phường", "ủy ban nhân dân thị trấn", "ủy ban nhân dân cấp xã",
    "ủy ban nhân dân xã, phường, thị trấn", "ủy ban nhân dân phường, xã", "ubnd xã", "ubnd phường", "ubnd cấp xã",
    "ubnd xã, phường, thị trấn", "chủ tịch ủy ban nhân dân xã", "chủ tịch ủy ban nhân dân cấp xã", "chủ tịch ubnd xã",
    "chủ tịch ubnd cấp xã", "chính quyền địa phương", "chính quyền xã", "chính quyền cơ sở", "chính quyền xã, phường",
    "công an xã", "công an phường", "công an cấp xã", "trưởng công an xã", "trưởng thôn", "trưởng ấp", "trưởng bản",
    "trưởng khu phố", "tổ trưởng tổ dân phố", "tổ trưởng dân phố", "tổ trưởng", "người sử dụng lao động", "nơi công tác",
    "nơi làm việc", "nơi cư trú", "cơ quan, đơn vị nơi công tác", "cơ quan, đơn vị nơi làm việc",
    "cơ quan nơi công tác", "cơ quan nơi làm việc", "đơn vị nơi công tác", "đơn vị nơi làm việc",
    "cơ quan, tổ chức nơi làm việc", "cơ quan, tổ chức nơi công tác", "thủ trưởng cơ quan", "thủ trưởng đơn vị",
    "cơ quan, đơn vị quản lý", "cơ quan quản lý cán bộ", "xã, phường", "xã", "phường", "thị trấn",
    "trường đang theo học", "nhà trường", "cơ sở giáo dục nơi học",
)  # fmt: skip


def _alternation(phrases: tuple[str, ...]) -> str:
    return "|".join(re.escape(match_key(p)) for p in sorted(phrases, key=len, reverse=True))


_CERTIFICATION = GuardedPattern(rf"(?<!\w)(?:{_alternation(_CERTIFYING)}) (?:{_alternation(_CERTIFIERS)})(?!\w)")
# "KHÔNG CẦN XÁC NHẬN CỦA UBND CẤP XÃ …": the text lifts the certification; that part is no finding.
_NOT_NEEDED = GuardedPattern(
    regex_key(
        r"\b(?:không cần|không phải|không yêu cầu|không bắt buộc)(?: phải)?(?: có| nộp| xuất trình)?"
        r" (?:(?:văn bản|giấy) )?(?:xác nhận|chứng thực)[^;.]*"
    )
)
# Lines that name a paper *issued as* a confirmation ("Giấy xác nhận tình trạng hôn nhân")
# are papers, not certified forms.
_ISSUED_PAPER = re.compile(
    rf"^(?:{re.escape(match_key('bản'))} \S+ )?(?:{_alternation(('giấy', 'văn bản', 'phiếu'))}) {re.escape(match_key('xác nhận'))}"
)


def _check_form_certification(procedure: Procedure, ctx: RuleContext) -> Iterator[Finding]:
    lines: list[tuple[str, str, object, DocumentRequirement | None]] = [
        ("documents", _doc_text(d), d.source, d) for d in procedure.documents
    ]
    lines += [("forms", text, procedure.source_of("forms"), None) for text in procedure.forms]
    for field_name, text, source, doc in lines:
        key = _NOT_NEEDED.sub(" ", match_key(text))
        if _ISSUED_PAPER.match(key) or not _CERTIFICATION.search(key):
            continue
        yield ctx.finding(
            procedure,
            field_name,
            T(f"mẫu đơn, tờ khai phải có xác nhận: '{text}'", f"the form needs a certification: '{text}'"),
            T(
                "bỏ yêu cầu xác nhận; cơ quan giải quyết tự kiểm tra thông tin qua cơ sở dữ liệu hoặc người dân tự cam kết",
                "drop the certification; the deciding agency checks the data itself or accepts the applicant's declaration",
            ),
            subject=text,
            source=source,  # type: ignore[arg-type]
            payload=Payload(part=doc, words=text),
        )


CERTIFIED_COPY_REQUIRED = Rule(
    code="TT301",
    name="certified-copy-required",
    group=Group.SIMPLIFIABLE,
    severity=Severity.WARNING,
    summary=T("Yêu cầu bản sao có chứng thực", "Certified copy required"),
    doc=RuleDoc(
        what=T(
            "Thành phần hồ sơ chỉ chấp nhận bản sao có chứng thực. Không báo khi dòng đó cũng chấp nhận bản sao kèm bản chính "
            "để đối chiếu, bản chụp hoặc bản sao điện tử; không báo tên của thủ tục chứng thực (đó không phải yêu cầu nộp), "
            "cũng không báo bản sao có chứng thực dùng khi nộp qua bưu chính (không xuất trình được bản chính) và bản sao "
            "có chứng thực của bản dịch ('bản sao có chứng thực bản dịch tiếng Việt': chứng thực bản dịch, không phải bản "
            "sao của giấy tờ), hay bản sao do chính người nộp ký tên, đóng dấu ('bản sao y bản chính (có ký tên và đóng dấu "
            "của người nhập khẩu)'), hay bản sao do Cơ quan đại diện ngoại giao, lãnh sự của Việt Nam chứng thực cho người "
            "ở nước ngoài.",
            "A dossier component accepts only a certified copy. Not reported when the line also accepts a copy with the "
            "original for comparison, a photocopy or an electronic copy; the name of a certification procedure is not a demand, "
            "nor is the certified copy asked for filing by post (where no original can be shown), nor a certified "
            "translation ('bản sao có chứng thực bản dịch tiếng Việt': the translation is certified, not a copy of the "
            "paper), nor a copy the applicant signs and stamps itself ('bản sao y bản chính (có ký tên và đóng dấu của người "
            "nhập khẩu)'), nor a copy a Vietnamese diplomatic or consular mission certifies for an applicant abroad.",
        ),
        why=T(
            "Nghị định 23/2015/NĐ-CP, Điều 6 khoản 1: khi pháp luật chỉ yêu cầu bản sao, cơ quan tiếp nhận không được yêu cầu "
            "bản sao có chứng thực mà chỉ được đối chiếu với bản chính. Chứng thực tốn thời gian và chi phí của người dân.",
            "Decree 23/2015/NĐ-CP, Art. 6(1): where the law asks for a copy, the receiver may not demand a certified copy, "
            "only compare it with the original. Certification costs applicants time and money.",
        ),
        example=T(
            "'Bản sao có chứng thực Giấy chứng nhận kết hôn'.", "'Bản sao có chứng thực Giấy chứng nhận kết hôn'."
        ),
        instead=T(
            "'Bản sao có chứng thực hoặc bản sao kèm bản chính để đối chiếu hoặc bản sao điện tử Giấy chứng nhận kết hôn'.",
            "Accept 'a certified copy, or a copy with the original for comparison, or an electronic copy'.",
        ),
    ),
    legal_basis=T("Nghị định 23/2015/NĐ-CP, Điều 6 khoản 1", "Decree 23/2015/NĐ-CP, Art. 6(1)"),
    check=_check_certified_copy,
    effect=Effect.UNCERTIFY,
    proposal=T("Bỏ yêu cầu bản sao có chứng thực", "Drop the certified-copy requirement"),
)

DATA_AVAILABLE_DOCUMENT = Rule(
    code="TT302",
    name="data-available-document",
    group=Group.SIMPLIFIABLE,
    severity=Severity.WARNING,
    summary=T("Yêu cầu giấy tờ mà dữ liệu đã có trong CSDL", "Asks for a paper whose data the state holds"),
    doc=RuleDoc(
        what=T(
            "Thành phần hồ sơ yêu cầu một giấy tờ mà dữ liệu đã có trong cơ sở dữ liệu quốc gia, chuyên ngành (căn cước, "
            "cư trú, khai sinh, tình trạng hôn nhân, đăng ký doanh nghiệp, đất đai, lý lịch tư pháp, bảo hiểm y tế, đăng ký "
            "xe, giấy phép lái xe…). Chỉ báo giấy tờ mà dòng đó yêu cầu nộp hoặc xuất trình (đứng đầu dòng, là một lựa chọn "
            "của dòng, hoặc sau 'kèm theo', 'nộp'), không báo giấy tờ chỉ được nhắc tới trong nội dung của giấy tờ khác "
            "('Văn bản đề nghị ghi rõ … số Căn cước công dân'). Không báo dòng ghi chú ('Trường hợp …', 'Lưu ý …'), dòng "
            "được tính 0 bản, dòng đã áp dụng nguyên tắc chỉ cung cấp một lần ('tra cứu', 'khai thác', 'không phải nộp', "
            "'chỉ cần cung cấp số định danh cá nhân'), và giấy tờ mà ghi chú khác của chính hồ sơ đó đã cho khai thác dữ "
            "liệu (một ghi chú cho khai thác 'giấy tờ khác thuộc thành phần hồ sơ' từ 'các cơ sở dữ liệu khác' bao mọi "
            "giấy tờ). Không báo giấy tờ của nước ngoài (kể cả khi đề mục phía trên nêu bên nước ngoài: 'Đối với doanh "
            "nghiệp Trung Quốc:', 'doanh nghiệp nước ngoài'), giấy tờ có thể thay bằng 'văn bản có giá trị tương đương', và "
            "việc xuất trình căn cước để 'xác định đúng người' hay 'để chứng minh về nhân thân' của người nộp. Một ghi chú "
            "'không phải nộp thành phần hồ sơ' khi cơ quan khai thác được từ các cơ sở dữ liệu quốc gia bao mọi giấy tờ. "
            "Danh sách loại giấy tờ là dữ liệu người dùng sửa được "
            "(tthc/knowledge/data/once_only.yaml).",
            "A dossier component asks for a paper whose data a national or sector database already holds (identity, "
            "residence, birth, marital status, business registration, land, judicial record, health insurance, vehicle "
            "registration, driving licence…). Only a paper the line asks to file or show (heading the line, one of its "
            "alternatives, or after 'kèm theo', 'nộp') is reported, not one named inside another paper's content "
            "('Văn bản đề nghị ghi rõ … số Căn cước công dân'). Not reported: notes ('Trường hợp …', 'Lưu ý …'), lines "
            "counted 0, lines that already apply once-only ('tra cứu', 'khai thác', 'không phải nộp', 'chỉ cần cung cấp "
            "số định danh cá nhân'), and papers another note of the same dossier already reads from the database (a "
            "note reading 'giấy tờ khác thuộc thành phần hồ sơ' from 'các cơ sở dữ liệu khác' covers every paper). Not "
            "reported either: a foreign paper (also when the heading above names the foreign party: 'Đối với doanh "
            "nghiệp Trung Quốc:', or when the line names a foreign company, 'doanh nghiệp nước ngoài'), a paper a "
            "'văn bản có giá trị tương đương' may replace, and showing the identity card to 'xác định đúng người' "
            "(identify the person) or, for the person filing, 'để chứng minh về nhân thân' (prove who they are). A note "
            "that 'không phải nộp thành phần hồ sơ' when the agency reads the national databases covers every paper. "
            "The list of types is editable data (once_only.yaml).",
        ),
        why=T(
            "Quyết định 06/QĐ-TTg (06/01/2022, Đề án 06); Nghị định 224/2026/NĐ-CP, Điều 15 khoản 1 điểm d (chỉ cung cấp "
            "thông tin một lần) và Điều 18 khoản 4 (không yêu cầu giấy tờ mà dữ liệu đã có trong cơ sở dữ liệu đã công bố); "
            "Nghị quyết 66.7/2025/NQ-CP (15/11/2025) cắt giảm thủ tục dựa trên dữ liệu.",
            "Decision 06/QĐ-TTg (6/1/2022, Project 06); Decree 224/2026/NĐ-CP, Art. 15(1)(d) (once-only) and Art. 18(4) "
            "(do not ask for documents whose data is in a published database); Resolution 66.7/2025/NQ-CP (15/11/2025).",
        ),
        example=T(
            "'Bản sao Giấy khai sinh' trong hồ sơ đăng ký thường trú.",
            "'Bản sao Giấy khai sinh' in a residence registration dossier.",
        ),
        instead=T(
            "Bỏ giấy tờ khỏi hồ sơ; cơ quan giải quyết khai thác dữ liệu từ cơ sở dữ liệu được nêu.",
            "Drop the paper; the deciding agency reads the data from the named database.",
        ),
        known=T(
            "Giấy tờ cùng tên do nước ngoài cấp không có trong cơ sở dữ liệu của Việt Nam; chỉ những cách viết có trong "
            "once_only.yaml ('nước ngoài cấp', 'pháp luật nước ngoài'…) được loại trừ.",
            "A paper of the same name issued abroad is in no Vietnamese database; only the wordings listed in "
            "once_only.yaml ('nước ngoài cấp', 'pháp luật nước ngoài'…) are excluded.",
        ),
    ),
    legal_basis=T(
        "Nghị định 224/2026/NĐ-CP, Điều 15 khoản 1 điểm d, Điều 18 khoản 4; Quyết định 06/QĐ-TTg",
        "Decree 224/2026/NĐ-CP, Art. 15(1)(d), Art. 18(4); Decision 06/QĐ-TTg",
    ),
    check=_check_data_available,
    effect=Effect.DROP_PAPER,
    proposal=T("Thay giấy tờ bằng khai thác dữ liệu", "Replace the paper by data from the database"),
)

EXCESS_COPIES = Rule(
    code="TT306",
    name="excess-copies",
    group=Group.SIMPLIFIABLE,
    severity=Severity.INFO,
    summary=T("Yêu cầu nhiều bản của cùng một giấy tờ", "Several copies of the same paper"),
    doc=RuleDoc(
        what=T(
            "Một giấy tờ được yêu cầu nhiều hơn một bản, hoặc cả bản chính lẫn bản sao (ví dụ một tờ khai '1 bản chính, 1 "
            "bản sao'). Cặp số lượng của Cổng ('1 bản chính,1 bản sao', 'Bản chính: 1 - Bản sao: 1') không bị báo khi lời "
            "của chính dòng đó hoặc đề mục phía trên cho biết người nộp mang một trong hai ('01 bản chính hoặc 01 bản sao có "
            "chứng thực', 'bản chính hoặc bản sao…', 'một trong các giấy tờ sau'), hoặc khi bản sao được nộp kèm bản chính "
            "để đối chiếu (bản chính chỉ xuất trình); điều kiện ngắn giữa hai bản vẫn là một trong hai ('01 bản chính nếu "
            "xuất khẩu một lần hoặc 01 bản chụp …'). Không báo dòng ghi chú và ảnh ('02 ảnh 4x6': nhiều ảnh là một "
            "giấy tờ), trừ ghi chú tự yêu cầu nhiều bản ('… khai và nộp 02 bản chính tờ khai'), và không báo hồ sơ cơ quan "
            "trình phê duyệt ('Hồ sơ trình phê duyệt': tờ trình, kết quả thẩm định).",
            "A paper is asked for in more than one copy, or both as original and copy (a form '1 bản chính, 1 bản sao'). "
            "The portal's count pair ('1 bản chính,1 bản sao', 'Bản chính: 1 - Bản sao: 1') is not reported where the "
            "line's own words or the heading above it say the applicant brings one of them ('01 bản chính hoặc 01 bản sao "
            "có chứng thực', 'bản chính hoặc bản sao…', 'một trong các giấy tờ sau'), or where the copy comes with the "
            "original for comparison (the original is only shown); a short condition between the two keeps them "
            "alternatives ('01 bản chính nếu xuất khẩu một lần hoặc 01 bản chụp …'). Notes and photos ('02 ảnh 4x6': "
            "several photos are one paper) are not reported, unless the note itself demands several copies ('… khai và nộp "
            "02 bản chính tờ khai'); nor is the file the agency sends up for approval ('Hồ sơ trình phê duyệt').",
        ),
        why=T(
            "Biểu mẫu rà soát, đánh giá TTHC (Nghị định 63/2010/NĐ-CP, Phụ lục) hỏi số lượng bản có hợp lý không và đề "
            "nghị cắt giảm (câu hỏi 8). Mỗi bản thừa là thời gian, chi phí sao chụp của người dân.",
            "The review forms of Decree 63/2010/NĐ-CP (annexes) ask whether the number of copies is reasonable and "
            "propose cuts (question 8). Each extra copy costs applicants time and copying.",
        ),
        example=T(
            "'Tờ khai đăng ký kết hôn: Bản chính: 2 - Bản sao: 0'.",
            "'Tờ khai đăng ký kết hôn: Bản chính: 2 - Bản sao: 0'.",
        ),
        instead=T("Yêu cầu 01 bản.", "Ask for one copy."),
        known=T(
            "Đề mục 'một trong các giấy tờ sau' được hiểu là bao các dòng gạch đầu dòng bên dưới cho tới dòng cùng cấp "
            "kế tiếp; một danh sách không gạch đầu dòng dưới đề mục đó chỉ được xét theo lời của từng dòng.",
            "A 'một trong các giấy tờ sau' heading is read as covering the bulleted lines under it until the next line "
            "of its own level; an unbulleted list under such a heading is judged by each line's own words.",
        ),
    ),
    legal_basis=T(
        "Nghị định 63/2010/NĐ-CP, Điều 28; biểu mẫu rà soát (câu 8)", "Decree 63/2010/NĐ-CP, Art. 28; review form (Q8)"
    ),
    check=_check_excess_copies,
    effect=Effect.FEWER_COPIES,
    proposal=T("Giảm số lượng bản giấy tờ", "Reduce the number of copies"),
)

FORM_CERTIFICATION_REQUIRED = Rule(
    code="TT307",
    name="form-certification-required",
    group=Group.SIMPLIFIABLE,
    severity=Severity.WARNING,
    summary=T("Mẫu đơn, tờ khai phải có xác nhận", "A form needs a certification"),
    doc=RuleDoc(
        what=T(
            "Mẫu đơn, tờ khai hoặc giấy tờ phải có xác nhận của UBND xã, phường, công an xã, trưởng thôn, tổ trưởng, cơ "
            "quan, đơn vị nơi công tác hay người sử dụng lao động. Không báo các giấy tờ được cấp dưới tên 'Giấy xác nhận …' "
            "(đó là giấy tờ, xét bằng quy tắc data-available-document), xác nhận của cơ quan chuyên ngành ('cơ quan kiểm "
            "tra chuyên ngành', 'Bộ Công Thương'), doanh nghiệp tự xác nhận bản sao của mình, và phần lời đã bỏ xác nhận "
            "('KHÔNG CẦN XÁC NHẬN CỦA UBND CẤP XÃ', 'không phải nộp văn bản xác nhận của Thủ trưởng cơ quan').",
            "A form or paper must be certified by a commune or ward People's Committee, the commune police, a village or "
            "team head, an employer or workplace. Not reported: papers issued as 'Giấy xác nhận …' (judged by "
            "data-available-document), certification by a sector authority ('cơ quan kiểm tra chuyên ngành', 'Bộ Công "
            "Thương'), a company stamping its own copy, and text that lifts the certification ('KHÔNG CẦN XÁC NHẬN CỦA "
            "UBND CẤP XÃ', or a note that the applicant 'không phải nộp văn bản xác nhận').",
        ),
        why=T(
            "Biểu mẫu rà soát mẫu đơn, tờ khai (Nghị định 63/2010/NĐ-CP, Phụ lục) hỏi việc xác nhận có thực sự cần không "
            "(câu hỏi 3): mỗi xác nhận là một lần đi lại, một thủ tục ẩn.",
            "The review form for forms (Decree 63/2010/NĐ-CP, annex) asks whether any certification is needed at all "
            "(question 3): each certification is another trip, a hidden procedure.",
        ),
        example=T(
            "'Đơn đề nghị hỗ trợ chi phí mai táng có xác nhận của UBND xã nơi cư trú'.",
            "'Đơn đề nghị hỗ trợ chi phí mai táng có xác nhận của UBND xã nơi cư trú'.",
        ),
        instead=T(
            "Bỏ xác nhận; cơ quan giải quyết tự xác minh qua cơ sở dữ liệu hoặc người nộp tự cam kết và chịu trách nhiệm.",
            "Drop the certification; the agency verifies through databases or the applicant declares on their responsibility.",
        ),
    ),
    legal_basis=T(
        "Nghị định 63/2010/NĐ-CP, Điều 28; biểu mẫu rà soát mẫu đơn (câu 3)",
        "Decree 63/2010/NĐ-CP, Art. 28; form review (Q3)",
    ),
    check=_check_form_certification,
    effect=Effect.DROP_CERTIFICATION,
    proposal=T("Bỏ yêu cầu xác nhận trên mẫu đơn, tờ khai", "Drop the certification of the form"),
)

RULES = (CERTIFIED_COPY_REQUIRED, DATA_AVAILABLE_DOCUMENT, EXCESS_COPIES, FORM_CERTIFICATION_REQUIRED)
