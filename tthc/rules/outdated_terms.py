"""Outdated wording: household books, the district level, pre-merger provinces, online levels
1–4, and filing bound to one place. The phrases and their dates live in the knowledge base
(terms.yaml, units.yaml); these rules only decide where to look and what to say.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from tthc.i18n import Lang, T, tr
from tthc.knowledge import Term
from tthc.model import Level, OnlineLevel, Procedure, SourceRef
from tthc.rules.base import Effect, Finding, Group, Part, Payload, Rule, RuleContext, RuleDoc, Severity


def procedure_texts(
    procedure: Procedure, fields: tuple[str, ...]
) -> Iterator[tuple[str, str, SourceRef | None, str, Part | None]]:
    """(field, text, position, item key, part) for each piece of free text of the given fields."""
    for name in fields:
        where = procedure.source_of(name)
        if name == "name":
            yield name, procedure.name, where, "", None
        elif name in ("place", "notes", "partial_reason") and getattr(procedure, name):
            yield name, getattr(procedure, name), where, "", None
        elif name == "levels" and procedure.levels_raw:
            yield name, procedure.levels_raw, where, "", None
        elif name == "agencies":
            for agency in procedure.agencies:
                yield name, agency.name, agency.source or where, "", agency
        elif name in ("steps", "conditions", "forms", "applicants"):
            for text in getattr(procedure, name):
                yield name, text, where, "", None
        elif name == "documents":
            for doc in procedure.documents:
                yield name, doc.raw or doc.name, doc.source or where, doc.name, doc
        elif name == "channels":
            for channel in procedure.channels:
                for text in (channel.method_raw, channel.description):
                    if text:
                        yield name, text, channel.source or where, "", channel
        elif name == "online_service" and procedure.online_service and procedure.online_service.raw:
            yield name, procedure.online_service.raw, where, "", None


# Where one sentence ends: a full stop, a semicolon or a line break followed by a space or
# the next line. A term's variants must match inside one sentence, so a finding quotes the
# words of one statement ("… không phải tại Ủy ban nhân dân cấp xã nơi thường trú …" is read
# as the sentence it is); its ``unless`` phrases still read the whole text.
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+|\n+")


def sentences(text: str) -> list[str]:
    return [part for part in _SENTENCE_END.split(text) if part.strip()]


def term_hits(
    procedure: Procedure,
    ctx: RuleContext,
    category: str,
    fields: tuple[str, ...],
    mask: re.Pattern[str] | None = None,
    *,
    every_term: bool = False,
) -> Iterator[tuple[Term, str, str, SourceRef | None, str, Part | None]]:
    """(term, variant as written, field, position, item, part): one per field and item (a
    dossier line's item is its name, in the catalog's words), or with ``every_term`` one per
    field, item and term (two abolished units in one step are two things to fix). ``mask``
    blanks out words the terms must not be found in."""
    table = ctx.knowledge.term_table(category)
    if not any(t.is_outdated_at(ctx.as_of) for t in table.entries):
        return
    reported: set[tuple[str, str, str]] = set()
    for field_name, text, where, item, part in procedure_texts(procedure, fields):
        if not every_term and (field_name, item, "") in reported:
            continue
        if mask is not None:
            text = mask.sub(lambda m: " " * len(m.group()), unicodedata.normalize("NFC", text))
        # one pre-filter for the whole table, then only the terms it lets through
        terms = [t for t in table.candidates(text) if t.is_outdated_at(ctx.as_of)]
        for term in terms if every_term else (None,):
            key = (field_name, item, term.id if term is not None else "")
            if key in reported:
                continue
            found = _first_hit([term] if term is not None else terms, field_name, text) if terms else None
            if found is not None:
                reported.add(key)
                yield found[0], found[1], field_name, where, item, part


def _first_hit(terms: list[Term], field_name: str, text: str) -> tuple[Term, str] | None:
    """The first term (in knowledge order) found in the text, as written there. A term's
    ``unless`` reads the whole text; its variants must match inside one sentence."""
    parts: list[str] | None = None
    for term in terms:
        if term.fields and field_name not in term.fields:
            continue
        hit = term.search(text)
        if hit is None:
            continue
        if parts is None:
            parts = sentences(text) if _SENTENCE_END.search(text) else [text]
        if len(parts) == 1:
            return term, hit.found or hit.variant
        for part in parts:
            hit = term.search(part)
            if hit is not None:
                return term, hit.found or hit.variant
    return None


def _vi(value: T | None) -> str | None:
    """The Vietnamese of a knowledge text, for the payload documents read."""
    return value.vi if value is not None else None


def _date_note(term: Term, lang: Lang) -> str:
    return "" if term.date_confirmed else tr(lang, " (ngày áp dụng chưa được xác nhận)", " (start date not confirmed)")


def _term_finding(
    ctx: RuleContext,
    procedure: Procedure,
    term: Term,
    found: str,
    field_name: str,
    where,
    item: str,
    what: T,
    part: Part | None = None,
    *,
    removes_part: bool = False,
):
    since = term.invalid_from.strftime("%d/%m/%Y") if term.invalid_from else ""
    return ctx.finding(
        procedure,
        field_name,
        T(
            f"{what.vi}: '{found}'" + (f" — không còn phù hợp từ {since}{_date_note(term, 'vi')}" if since else ""),
            f"{what.en}: '{found}'" + (f" — outdated since {since}{_date_note(term, 'en')}" if since else ""),
        ),
        term.replacement_text() or ctx.rule.doc.instead,
        subject=f"{term.id}|{item}" if item else term.id,
        source=where,
        legal_basis=term.source,
        data={"term": term.id, "found": found, "reason": term.reason_text()},
        payload=Payload(part=part, words=found, replacement=_vi(term.replacement_text()), removes_part=removes_part),
    )


# -- household books ------------------------------------------------------------------

_HOUSEHOLD_FIELDS = ("documents", "conditions", "steps", "forms", "channels", "notes")
# "nộp đơn … tại nơi trẻ mẫu giáo, học sinh, sinh viên có hộ khẩu thường trú": a place to file
# (place-bound-filing's finding), however many persons stand between "nơi" and the words; the
# knowledge base's excludes list the short forms ("nơi đăng ký hộ khẩu thường trú").
_RESIDENCE_PLACE = re.compile(r"\bnơi(?:\s+[^\s.;:()]+){1,10}?\s+có\s+hộ\s+khẩu(?:\s+thường\s+trú)?\b", re.I)


def _check_household_book(procedure: Procedure, ctx: RuleContext) -> Iterator[Finding]:
    gone = _abolished_result(procedure, ctx)
    if gone is not None:  # the procedure issues the abolished book: it no longer exists
        yield gone
        return
    what = T("yêu cầu hoặc chấp nhận sổ hộ khẩu, sổ tạm trú", "asks for or accepts a household book")
    for term, found, field_name, where, item, part in term_hits(
        procedure, ctx, "household_book", _HOUSEHOLD_FIELDS, _RESIDENCE_PLACE
    ):
        # an abolished paper in the dossier goes; elsewhere the text is corrected
        removes = field_name == "documents"
        yield _term_finding(ctx, procedure, term, found, field_name, where, item, what, part, removes_part=removes)


def _abolished_result(procedure: Procedure, ctx: RuleContext) -> Finding | None:
    """A procedure about the book that issues the book ("Tách sổ hộ khẩu" -> "Sổ hộ khẩu của hộ được
    tách") is gone with it. Issuing it is not enough ("Đăng ký thường trú" now updates the residence
    database), nor naming it ("… công dân có hộ khẩu thường trú …" issues a travel pass)."""
    table = ctx.knowledge.term_table("household_book")
    if not any(t.is_outdated_at(ctx.as_of) and t.search(procedure.name) for t in table.candidates(procedure.name)):
        return None
    for result in procedure.results:
        for term in table.candidates(result.name):
            if not term.is_outdated_at(ctx.as_of):
                continue
            hit = term.search(result.name)
            if hit is None or hit.start != 0:
                continue
            since = term.invalid_from.strftime("%d/%m/%Y") if term.invalid_from else ""
            return ctx.finding(
                procedure,
                "results",
                T(
                    f"kết quả của thủ tục là '{result.name}', giấy tờ không còn giá trị"
                    + (f" từ {since}" if since else "")
                    + ": thủ tục không còn thực hiện",
                    f"the procedure issues '{result.name}', a paper no longer valid"
                    + (f" since {since}" if since else "")
                    + ": the procedure no longer exists",
                ),
                T(
                    "đưa thủ tục ra khỏi danh mục thủ tục hành chính",
                    "remove the procedure from the catalog",
                ),
                subject=f"{term.id}|result",
                source=result.source or procedure.source_of("results"),
                legal_basis=term.source,
                data={"term": term.id, "found": hit.found or hit.variant, "reason": term.reason_text()},
                payload=Payload(part=result, words=result.name, obsolete=True),
            )
    return None


# -- district level ---------------------------------------------------------------------

_DISTRICT_FIELDS = ("name", "agencies", "place", "steps", "channels", "conditions", "notes")


def _check_district(procedure: Procedure, ctx: RuleContext) -> Iterator[Finding]:
    level = ctx.knowledge.abolished_level(Level.DISTRICT.value)
    if level is None or not level.is_abolished_at(ctx.as_of):
        return
    if Level.DISTRICT in procedure.levels:
        yield ctx.finding(
            procedure,
            "levels",
            T(
                f"cấp thực hiện là cấp huyện ('{procedure.levels_raw}'), cấp này không còn từ {level.abolished_from:%d/%m/%Y}",
                f"implementing level is the district ('{procedure.levels_raw}'), abolished since {level.abolished_from:%d/%m/%Y}",
            ),
            level.recommendation_text() or ctx.rule.doc.instead,
            subject="district",
            legal_basis=level.source,
            payload=Payload(words=procedure.levels_raw or ""),
        )
    what = T("nêu cơ quan, đơn vị cấp huyện đã không còn", "names a district-level body that no longer exists")
    # A field naming two abolished units with different successors gives one finding per unit
    # ("Công an cấp huyện" and "Bảo hiểm xã hội cấp huyện" in one step of bo-tu-phap 2.000986).
    # Only a vertical agency's unit (a term with its own replacement) is reported beside a first
    # finding: "Công an quận, huyện, thị xã, thành phố thuộc tỉnh" is one unit, not the police
    # and a provincial city.
    generic = {t.replacement for t in ctx.knowledge.terms("district_level") if t.id == "district_level.name"}
    told: dict[tuple[str, str], set[str | None]] = {}
    hits = term_hits(procedure, ctx, "district_level", _DISTRICT_FIELDS, every_term=True)
    for term, found, field_name, where, item, part in hits:
        earlier = told.setdefault((field_name, item), set())
        if earlier and (term.replacement in generic or term.replacement in earlier):
            continue
        earlier.add(term.replacement)
        yield _term_finding(ctx, procedure, term, found, field_name, where, item, what, part)


# -- pre-merger provinces -----------------------------------------------------------------

_PROVINCE_FIELDS = ("agencies", "place", "steps", "notes", "name")


def _check_province(procedure: Procedure, ctx: RuleContext) -> Iterator[Finding]:
    reported: set[str] = set()
    for field_name, text, where, _, part in procedure_texts(procedure, _PROVINCE_FIELDS):
        for match in ctx.knowledge.find_merged_provinces(text):
            province = match.province
            if province.effective and ctx.as_of < province.effective:
                continue
            key = f"{field_name}|{province.old_code}"
            if key in reported:
                continue
            reported.add(key)
            yield ctx.finding(
                procedure,
                field_name,
                T(
                    f"nêu tên tỉnh trước sáp nhập '{match.found}': {province.old_name} nay thuộc {province.new_name}",
                    f"names the pre-merger province '{match.found}': {province.old_name} is now part of {province.new_name}",
                ),
                T(
                    f"sửa thành {province.new_name} (và tên cơ quan, đơn vị hành chính mới tương ứng)",
                    f"write {province.new_name} (and the matching new agency or unit name)",
                ),
                subject=province.old_code,
                source=where,
                legal_basis=province.source,
                data={"old": province.old_name, "new": province.new_name},
                # the knowledge's source also says where the unit table came from: documents cite the law
                payload=Payload(
                    part=part, words=match.found, replacement=province.new_name, citation=ctx.rule.legal_basis
                ),
            )


# -- online levels 1–4 --------------------------------------------------------------------


def _check_legacy_online(procedure: Procedure, ctx: RuleContext) -> Iterator[Finding]:
    terms = [t for t in ctx.knowledge.terms("legacy_online_level") if t.is_outdated_at(ctx.as_of)]
    if not terms:
        return
    service = procedure.online_service
    what = T("ghi mức độ dịch vụ công trực tuyến cũ", "uses the old online service levels")
    if service is not None and service.level is OnlineLevel.LEGACY:
        # the entry that matches the written text, else the one meant for this field
        term = next((t for t in terms if service.raw and t.matches(service.raw)), None) or next(
            (t for t in terms if "online_service" in t.fields), terms[0]
        )
        yield _term_finding(
            ctx, procedure, term, service.raw or f"mức độ {service.legacy_level}", "online_service",
            procedure.source_of("online_service"), "", what,
        )  # fmt: skip
    fields = ("channels", "notes", "steps")
    for term, found, field_name, where, item, part in term_hits(procedure, ctx, "legacy_online_level", fields):
        yield _term_finding(ctx, procedure, term, found, field_name, where, item, what, part)


# -- place-bound filing ---------------------------------------------------------------------

# "documents": only place_bound.originals reads dossier lines (its `fields` in terms.yaml)
_PLACE_FIELDS = ("place", "agencies", "steps", "channels", "conditions", "notes", "documents")


def _check_place_bound(procedure: Procedure, ctx: RuleContext) -> Iterator[Finding]:
    what = T(
        "ràng buộc nơi nộp, bản chính hoặc ký nhận trực tiếp", "binds filing to a place, originals or signing in person"
    )
    for term, found, field_name, where, item, part in term_hits(procedure, ctx, "place_bound", _PLACE_FIELDS):
        yield _term_finding(ctx, procedure, term, found, field_name, where, item, what, part)


HOUSEHOLD_BOOK_REQUIRED = Rule(
    code="TT203",
    name="household-book-required",
    group=Group.OUTDATED,
    severity=Severity.ERROR,
    summary=T("Yêu cầu sổ hộ khẩu, sổ tạm trú", "Household book required"),
    doc=RuleDoc(
        what=T(
            "Thành phần hồ sơ, điều kiện hoặc trình tự yêu cầu hay chấp nhận sổ hộ khẩu, sổ tạm trú (cả 'hộ khẩu', 'KT3', "
            "'giấy chuyển hộ khẩu') làm giấy tờ chứng minh, hoặc đặt điều kiện theo hộ khẩu ('có hộ khẩu thường trú tại …'). "
            "'Sổ hộ tịch' (sổ đăng ký hộ tịch) không phải sổ hộ khẩu và không bị báo; 'nơi … có hộ khẩu thường trú', 'nơi "
            "đăng ký hộ khẩu thường trú' chỉ nơi nộp (do quy tắc place-bound-filing xét), không phải yêu cầu sổ.",
            "A dossier component, condition or step asks for or accepts a household or temporary-residence book ('hộ khẩu', "
            "'KT3', 'giấy chuyển hộ khẩu'), or sets a condition by it ('có hộ khẩu thường trú tại …'). 'Sổ hộ tịch' (the "
            "civil-status register) is not a household book and is not reported; 'nơi … có hộ khẩu thường trú', 'nơi "
            "đăng ký hộ khẩu thường trú' name where to file (place-bound-filing's matter), not a book asked for.",
        ),
        known=T(
            "Nơi nộp được nhận ra khi 'nơi' đứng trước 'có hộ khẩu' không quá mười từ, không qua dấu chấm, chấm phẩy; một "
            "câu dài hơn vẫn bị báo.",
            "A place to file is recognised when 'nơi' comes at most ten words before 'có hộ khẩu', with no full stop or "
            "semicolon between; a longer sentence is still reported.",
        ),
        why=T(
            "Luật Cư trú 68/2020/QH14, Điều 38 khoản 3: sổ hộ khẩu, sổ tạm trú chỉ có giá trị đến hết 31/12/2022. "
            "Nghị định 104/2022/NĐ-CP (21/12/2022) sửa các nghị định yêu cầu nộp, xuất trình sổ; Điều 14 khoản 2 quy định "
            "các cách chứng minh thông tin cư trú thay thế. Áp dụng từ 01/01/2023.",
            "Residence Law 68/2020/QH14, Art. 38(3): household and temporary-residence books were valid only until "
            "31/12/2022. Decree 104/2022/NĐ-CP (21/12/2022) amended the decrees requiring them; its Art. 14(2) lists the "
            "ways to prove residence instead. Applies from 1/1/2023.",
        ),
        example=T("'Bản sao Sổ hộ khẩu (01 bản)'.", "'Bản sao Sổ hộ khẩu (01 bản)'."),
        instead=T(
            "Bỏ giấy tờ; chứng minh cư trú theo khoản 2 Điều 14 Nghị định 104/2022/NĐ-CP (khai thác Cơ sở dữ liệu quốc gia về dân cư).",
            "Drop the paper; prove residence per Decree 104/2022/NĐ-CP Art. 14(2) (read the national population database).",
        ),
    ),
    legal_basis=T(
        "Luật Cư trú 68/2020/QH14, Điều 38 khoản 3; Nghị định 104/2022/NĐ-CP",
        "Residence Law 68/2020/QH14, Art. 38(3); Decree 104/2022/NĐ-CP",
    ),
    check=_check_household_book,
    proposal=T("Bỏ yêu cầu sổ hộ khẩu, sổ tạm trú", "Drop the household-book requirement"),
    effect=Effect.CORRECT_CATALOG,
)

DISTRICT_LEVEL_ABOLISHED = Rule(
    code="TT204",
    name="district-level-abolished",
    group=Group.OUTDATED,
    severity=Severity.ERROR,
    summary=T("Nêu cấp huyện đã không còn", "Names the abolished district level"),
    doc=RuleDoc(
        what=T(
            "Cấp thực hiện là cấp huyện, hoặc cơ quan, địa điểm, trình tự nêu UBND huyện/quận/thị xã/thành phố thuộc tỉnh, "
            "Chủ tịch UBND cấp huyện, các phòng chuyên môn thuộc UBND cấp huyện; hoặc đơn vị cấp huyện của ngành dọc (Công an "
            "cấp huyện/huyện X, Tòa án, Viện kiểm sát nhân dân cấp huyện, Chi cục Thuế, Bảo hiểm xã hội cấp huyện, Ban chỉ huy "
            "quân sự huyện), kèm đơn vị kế thừa; ngày và văn bản tổ chức lại của ngành dọc chưa được xác nhận và thông báo nói "
            "rõ điều đó. 'Sở Tư pháp' (cấp tỉnh) không bị nhầm với 'Phòng Tư pháp'; không báo cấp bậc của một người hay một "
            "cơ sở ('cán bộ … từ cấp huyện trở lên', 'bệnh viện tuyến huyện') và câu nói về đơn vị trước ngày 01/7/2025.",
            "The implementing level is the district, or an agency, place or step names a district, town or provincial city "
            "People's Committee, its chairman or its offices; or the district unit of a vertical agency (district police, "
            "courts, procuracies, tax offices, social insurance, military commands), with its successor; the vertical "
            "agencies' reorganisation dates and documents are unconfirmed and the message says so. 'Sở Tư pháp' "
            "(province) is never taken for 'Phòng Tư pháp'; a person's or a facility's grade ('cán bộ … từ cấp huyện trở "
            "lên', 'bệnh viện tuyến huyện') and a sentence about the unit before 1/7/2025 are not reported.",
        ),
        why=T(
            "Chính quyền địa phương hai cấp từ 01/7/2025: Nghị quyết 203/2025/QH15 (sửa Hiến pháp), Luật Tổ chức chính quyền "
            "địa phương 72/2025/QH15; các nghị định phân định thẩm quyền ngày 12/6/2025 chuyển thẩm quyền theo từng ngành, có "
            "thẩm quyền lên cấp tỉnh (ví dụ Nghị định 151/2025/NĐ-CP, Điều 5: thẩm quyền của Chủ tịch UBND cấp huyện về đất đai "
            "chuyển cho Chủ tịch UBND cấp xã).",
            "Two-level local government from 1/7/2025: Resolution 203/2025/QH15 (constitutional amendment), Law on Local "
            "Government 72/2025/QH15; sector decrees of 12/6/2025 reassigned powers sector by sector, some to the province "
            "(e.g. Decree 151/2025/NĐ-CP Art. 5: land powers of the district chairman go to the commune chairman).",
        ),
        example=T("Cơ quan thực hiện: 'Phòng Tư pháp huyện Kim Bảng'.", "Agency: 'Phòng Tư pháp huyện Kim Bảng'."),
        instead=T(
            "Xác định lại cơ quan có thẩm quyền theo nghị định phân định thẩm quyền của ngành; không mặc định chuyển về cấp xã.",
            "Reassign per the sector decree; do not assume the commune.",
        ),
        known=T(
            "Một văn bản chỉ ghi 'Phòng Tư pháp' (không kèm huyện) không bị báo vì không rõ cấp; đơn vị của Kho bạc, Thi hành "
            "án dân sự cấp huyện không bị báo vì chưa có dữ liệu về đơn vị kế thừa.",
            "A bare 'Phòng Tư pháp' (no district named) is not reported, its level being unclear; district offices of the "
            "State Treasury and civil judgment enforcement are not reported, having no successor data yet.",
        ),
    ),
    legal_basis=T(
        "Nghị quyết 203/2025/QH15; Luật 72/2025/QH15 (từ 01/7/2025)",
        "Resolution 203/2025/QH15; Law 72/2025/QH15 (from 1/7/2025)",
    ),
    check=_check_district,
    proposal=T("Xác định lại cơ quan, cấp thực hiện", "Reassign the implementing agency and level"),
    effect=Effect.CORRECT_CATALOG,
)

PRE_MERGER_PROVINCE = Rule(
    code="TT205",
    name="pre-merger-province",
    group=Group.OUTDATED,
    severity=Severity.WARNING,
    summary=T("Nêu tên tỉnh trước sáp nhập", "Names a pre-merger province"),
    doc=RuleDoc(
        what=T(
            "Cơ quan, địa điểm hoặc trình tự nêu tên một tỉnh đã sáp nhập vào tỉnh khác từ 01/7/2025 (ví dụ Hà Nam, Nam Định "
            "→ Ninh Bình). Tên tỉnh vẫn còn (Ninh Bình) và tên xã, đường trùng tên tỉnh cũ không bị báo.",
            "An agency, place or step names a province merged into another on 1/7/2025 (e.g. Hà Nam, Nam Định → Ninh Bình). "
            "Names that still exist (Ninh Bình) and communes or streets sharing an old name are not reported.",
        ),
        why=T(
            "Nghị quyết 202/2025/QH15 (12/6/2025) sắp xếp 63 tỉnh, thành phố thành 34, hiệu lực 01/7/2025. Bảng đối chiếu "
            "lấy từ dữ liệu dvhcvn (nối theo mã đơn vị hành chính).",
            "Resolution 202/2025/QH15 (12/6/2025) merged 63 provinces into 34, in force 1/7/2025. The mapping comes from "
            "the dvhcvn data, joined on unit codes.",
        ),
        example=T("Địa điểm: 'UBND huyện Kim Bảng, tỉnh Hà Nam'.", "Place: 'UBND huyện Kim Bảng, tỉnh Hà Nam'."),
        instead=T(
            "Ghi tên tỉnh mới và tên cơ quan mới tương ứng.", "Write the new province and the matching new agency."
        ),
    ),
    legal_basis=T("Nghị quyết 202/2025/QH15 (từ 01/7/2025)", "Resolution 202/2025/QH15 (from 1/7/2025)"),
    check=_check_province,
    proposal=T("Cập nhật tên đơn vị hành chính sau sắp xếp", "Update the administrative unit names"),
    effect=Effect.CORRECT_CATALOG,
)

LEGACY_ONLINE_LEVEL = Rule(
    code="TT206",
    name="legacy-online-level",
    group=Group.OUTDATED,
    severity=Severity.WARNING,
    summary=T("Ghi mức độ dịch vụ công trực tuyến 1–4 cũ", "Old online service levels 1–4"),
    doc=RuleDoc(
        what=T(
            "Mức độ dịch vụ công trực tuyến ghi 'mức độ 1/2/3/4' theo Nghị định 43/2011/NĐ-CP thay vì 'toàn trình' / 'một phần'.",
            "The online service is written as 'level 1/2/3/4' of Decree 43/2011/NĐ-CP instead of 'toàn trình' / 'một phần'.",
        ),
        why=T(
            "Nghị định 42/2022/NĐ-CP (24/6/2022), Điều 11 thay bốn mức độ bằng dịch vụ công trực tuyến toàn trình và một phần "
            "(ngày áp dụng được cho là 01/8/2022, CHƯA XÁC NHẬN); từ 01/7/2026 Nghị định 224/2026/NĐ-CP, Điều 14.",
            "Decree 42/2022/NĐ-CP (24/6/2022), Art. 11 replaced the four levels by fully and partly online services (in "
            "force from a date believed to be 1/8/2022, UNCONFIRMED); from 1/7/2026 Decree 224/2026/NĐ-CP, Art. 14.",
        ),
        example=T("Mức độ DVC: 'Mức độ 3'.", "Online level: 'Mức độ 3'."),
        instead=T(
            "Ghi 'Toàn trình' hoặc 'Một phần' kèm lý do.",
            "Write 'Toàn trình' (fully online) or 'Một phần' (partly) with its reason.",
        ),
    ),
    legal_basis=T(
        "Nghị định 224/2026/NĐ-CP, Điều 14 (từ 01/7/2026; trước đó Nghị định 42/2022/NĐ-CP, Điều 11)",
        "Decree 224/2026/NĐ-CP, Art. 14 (from 1/7/2026; before that Decree 42/2022/NĐ-CP, Art. 11)",
    ),
    check=_check_legacy_online,
    proposal=T("Cập nhật mức độ dịch vụ công trực tuyến", "Update the online service level"),
    effect=Effect.CORRECT_CATALOG,
)

PLACE_BOUND_FILING = Rule(
    code="TT207",
    name="place-bound-filing",
    group=Group.OUTDATED,
    severity=Severity.WARNING,
    summary=T(
        "Ràng buộc nơi nộp hồ sơ, bản chính, ký nhận trực tiếp",
        "Filing bound to one place, originals, signing in person",
    ),
    doc=RuleDoc(
        what=T(
            "Thủ tục chỉ cho nộp hồ sơ tại nơi cư trú, nơi đặt trụ sở hoặc nơi cấp lần đầu; buộc nộp bản chính; hoặc buộc "
            "có mặt ký nhận kết quả. Nơi nộp bị ràng buộc khi một cơ quan cấp xã gắn với nơi cư trú, nơi đặt trụ sở là nơi "
            "thực hiện, cơ quan thực hiện hoặc nơi một bước nộp hồ sơ tới ('nộp hồ sơ cho Ủy ban nhân dân cấp xã nơi thường "
            "trú'). Không báo điều khoản thẩm quyền của cơ quan cấp tỉnh ('Sở Tư pháp, nơi đặt trụ sở của Chi nhánh', 'Cơ "
            "quan đăng ký kinh doanh cấp tỉnh nơi doanh nghiệp đặt trụ sở chính'), câu bỏ ràng buộc ('không phải tại Ủy "
            "ban nhân dân cấp xã nơi thường trú', 'có quyền lựa chọn'), việc nộp lại chính giấy chứng nhận đã cấp. 'Bản chính "
            "để đối chiếu' là cách hợp pháp và không bị báo.",
            "Filing only at the place of residence, head office or first issue; originals demanded; or appearing in person "
            "to sign for the result. Filing is bound where a commune-level body tied to residence or head office is the "
            "place, the agency, or where a step files ('nộp hồ sơ cho Ủy ban nhân dân cấp xã nơi thường trú'). Not "
            "reported: a provincial body's competence clause ('Sở Tư pháp, nơi đặt trụ sở của Chi nhánh', 'Cơ quan đăng "
            "ký kinh doanh cấp tỉnh nơi doanh nghiệp đặt trụ sở chính'), a sentence lifting the restriction ('không phải "
            "tại Ủy ban nhân dân cấp xã nơi thường trú', 'có quyền lựa chọn'), handing in the issued certificate itself. "
            "'Bản chính để đối chiếu' (original for comparison) is lawful and not reported.",
        ),
        why=T(
            "Công điện 220/CĐ-TTg (18/11/2025) yêu cầu bỏ các ràng buộc này; mục tiêu năm 2025: 100 % thủ tục được giải quyết "
            "không phụ thuộc địa giới hành chính trong tỉnh.",
            "Official dispatch 220/CĐ-TTg (18/11/2025) orders these removed; target for 2025: 100 % of procedures handled "
            "anywhere in the province.",
        ),
        example=T("Địa điểm: 'UBND xã nơi người yêu cầu cư trú'.", "Place: 'UBND xã nơi người yêu cầu cư trú'."),
        instead=T(
            "Cho phép nộp và nhận kết quả tại bất kỳ nơi tiếp nhận nào trong tỉnh, qua bưu chính hoặc trực tuyến.",
            "Accept filing and deliver results anywhere in the province, by post or online.",
        ),
        known=T(
            "Một câu bỏ ràng buộc ở bất kỳ đâu trong trường văn bản làm cả trường đó không bị báo; việc nhận kết quả trực "
            "tiếp chỉ bị báo khi trường đó không nhắc tới bưu chính hay trực tuyến.",
            "A lifting sentence anywhere in a text field silences the whole field; receiving the result in person is "
            "reported only where the field mentions neither post nor online delivery.",
        ),
    ),
    legal_basis=T("Công điện 220/CĐ-TTg ngày 18/11/2025", "Official dispatch 220/CĐ-TTg of 18/11/2025"),
    check=_check_place_bound,
    proposal=T("Bỏ ràng buộc địa giới hành chính khi nộp hồ sơ", "Allow filing anywhere in the province"),
    effect=Effect.FILE_ANYWHERE,
)

RULES = (
    HOUSEHOLD_BOOK_REQUIRED,
    DISTRICT_LEVEL_ABOLISHED,
    PRE_MERGER_PROVINCE,
    LEGACY_ONLINE_LEVEL,
    PLACE_BOUND_FILING,
)
