"""Completeness: the elements Nghị định 63/2010 Art. 8(2) requires of every procedure."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tthc.i18n import T
from tthc.knowledge.textkey import keyed, regex_key
from tthc.model import AgencyRole, Catalog, CatalogKind, DurationStatus, Procedure
from tthc.rules.base import Finding, Group, Rule, RuleContext, RuleDoc, Severity

# Art. 8(2) as amended 2017: mandatory in a full publication.
_FULL_ELEMENTS: tuple[tuple[str, T], ...] = (
    ("steps", T("trình tự thực hiện", "sequence of steps")),
    ("channels", T("cách thức thực hiện", "method of filing")),
    ("documents", T("thành phần, số lượng hồ sơ", "dossier components and copies")),
    ("processing_time", T("thời hạn giải quyết", "processing time")),
    ("applicants", T("đối tượng thực hiện", "applicants")),
    ("agencies", T("cơ quan giải quyết", "deciding agency")),
)
# Art. 13(2)(a): a provincial list needs only these (legal basis: legal-basis-missing).
_LIST_ELEMENTS: tuple[tuple[str, T], ...] = (
    ("processing_time", T("thời hạn giải quyết", "processing time")),
    ("place", T("địa điểm thực hiện", "place of filing")),
    ("fees", T("phí, lệ phí", "fees")),
)


def _present(procedure: Procedure, element: str) -> bool:
    if element == "channels":
        return any(c.method is not None or c.method_raw for c in procedure.channels)
    if element == "processing_time":
        # "Không có thông tin" in the time cell while the channel's description states the
        # time per case ("09 ngày làm việc kể từ …", bo-nong-nghiep-mt 1.003821) is stated
        return bool(procedure.processing_times()) or any(
            c.description and _TIME_IN_TEXT.search(keyed(c.description).key) for c in procedure.channels
        )
    if element == "fees":
        return bool(procedure.fees())
    if element == "agencies":
        # a coordinating agency (cơ quan phối hợp) does not decide: MoJ 1.004845 names only one
        return any(a.role is not AgencyRole.COORDINATING for a in procedure.agencies)
    if element == "place":
        return bool(procedure.place) or bool(procedure.agencies)
    return bool(getattr(procedure, element))


# "Không phải trả kết quả cho người nộp thuế" (a declaration), "Thủ tục nhập cảnh được coi là
# kết thúc kể từ khi người làm thủ tục nộp đầy đủ các giấy tờ": nothing is processed after filing.
# "Trước khi tàu cập cảng …", "hoàn thành chậm nhất là ngay trước khi tàu rời cảng": the time is
# stated by the event it precedes, as the law on port clearance gives it.
# "Hệ thống … ngành Thuế thực hiện phản hồi tự động thông qua phương thức điện tử" (bo-tai-chinh
# 1.009824): answered at once by the system. "Không xác định" with "Tùy thuộc vào mức độ bệnh tật
# của từng người bệnh" (health-insurance treatment, 2021 crawl): the illness sets the length.
_AT_ONCE = r"phản hồi tự động|tùy thuộc vào (?:mức độ|tình trạng) bệnh"
_NO_WAIT = re.compile(
    regex_key(
        r"\b(?:không (?:phải )?trả kết quả|được coi là kết thúc|kết thúc kể từ khi|trước khi|" + _AT_ONCE + r")\b"
    )
)
_AT_ONCE_TEXT = re.compile(regex_key(r"\b(?:" + _AT_ONCE + r")\b"))
# A time written in a description: "09 ngày làm việc", "20 ngày, kể từ ngày nhận đủ hồ sơ",
# "Thời hạn giải quyết: 13 ngày …". A bare count is no time: "đi học tập có thời hạn từ đủ 12
# tháng trở lên" is a condition.
_TIME_IN_TEXT = re.compile(
    regex_key(
        r"\b\d+\s*(?:ngày|giờ|tháng)(?:\s+làm việc\b|\s*,?\s*(?:kể từ|tính từ)\b)"
        r"|\bthời (?:hạn|gian)(?: giải quyết)?\s*:?\s*\d+\s*(?:ngày|giờ|tháng)\b"
        # "Kể từ ngày nhận được hồ sơ hợp lệ đến ngày hết hạn ghi trên giấy phép" (nhdandz
        # 1.013632): the time runs to an event, the licence's expiry
        r"|\bkể từ ngày\b[^.;]{0,80}\bđến (?:trước )?ngày hết hạn\b"
    )
)
# "Số lượng hồ sơ: 01 (bộ)": the number of sets, which states the count for the whole dossier.
_SETS = re.compile(regex_key(r"\bsố lượng(?: hồ sơ)?\s*:?\s*\d+\s*\(?\s*(?:bộ|bản)\b"))


def _counted(procedure: Procedure) -> bool:
    """The dossier states how many copies: a count on a line, a copy kind on a line ("(bản
    chính)": by practice one), or the number of sets ("Số lượng hồ sơ: 01 (bộ)") — DOMAIN §4a."""
    for doc in procedure.documents:
        if doc.originals is not None or doc.copies is not None or doc.copy_kinds or doc.copy_kind:
            return True
    texts = [d.raw or d.name for d in procedure.documents] + ([procedure.notes] if procedure.notes else [])
    return any(_SETS.search(keyed(text).key) for text in texts)


def _check_required(catalog: Catalog, ctx: RuleContext) -> Iterator[Finding]:
    kind = catalog.kind
    if kind is CatalogKind.INDEX:
        return
    elements = _LIST_ELEMENTS if kind is CatalogKind.PROVINCIAL_LIST else _FULL_ELEMENTS
    procedures = catalog.procedures
    # An element no procedure of a large file states is a gap of the file (an export that
    # does not carry the field: the 2021 crawl has no "Đối tượng thực hiện"): one finding
    # for the catalog, not one per procedure.
    nowhere = {
        element
        for element, _ in elements
        if len(procedures) >= _WHOLE_FILE and not any(_present(p, element) for p in procedures)
    }
    for element, label in elements:
        if element in nowhere:
            yield ctx.finding(
                None,
                element,
                T(
                    f"không thủ tục nào trong {len(procedures)} thủ tục của danh mục ghi {label.vi} (tệp có thể không "
                    "có trường này)",
                    f"none of the catalog's {len(procedures)} procedures states the {label.en} (the file may not carry "
                    "this field)",
                ),
                T(
                    f"bổ sung {label.vi} cho từng thủ tục theo văn bản quy định, hoặc dùng bản xuất có trường này",
                    f"add the {label.en} to each procedure as the legal document sets it, or use an export that has it",
                ),
                subject=f"catalog|{element}",
            )
    for procedure in procedures:
        yield from _check_procedure(procedure, ctx, kind, elements, nowhere)


_WHOLE_FILE = 10  # procedures: below this, a gap in every one is still reported one by one


def _check_procedure(procedure: Procedure, ctx: RuleContext, kind, elements, nowhere: set[str]) -> Iterator[Finding]:
    for element, label in elements:
        if element not in nowhere and not _present(procedure, element):
            yield ctx.finding(
                procedure,
                element,
                T(f"thiếu bộ phận bắt buộc: {label.vi}", f"missing required element: {label.en}"),
                T(
                    f"bổ sung {label.vi} theo văn bản quy định thủ tục trước khi công bố",
                    f"add the {label.en} as the legal document sets it before publishing",
                ),
                subject=element,
            )
    if kind is CatalogKind.FULL and procedure.documents and not _counted(procedure):
        yield ctx.finding(
            procedure,
            "documents",
            T("thành phần hồ sơ không ghi số lượng bản", "dossier components do not state the number of copies"),
            T(
                "ghi số lượng bản chính, bản sao của từng giấy tờ (Điều 8 khoản 2)",
                "state the number of originals and copies of each paper (Art. 8(2))",
            ),
            subject="copies",
        )


def _check_legal_basis(catalog: Catalog, ctx: RuleContext) -> Iterator[Finding]:
    if catalog.kind is CatalogKind.INDEX:
        return
    procedures = catalog.procedures
    if len(procedures) >= _WHOLE_FILE and not any(p.legal_basis for p in procedures):
        # the file carries no legal basis at all (the 2021 crawl): one finding, not one each
        yield ctx.finding(
            None,
            "legal_basis",
            T(
                f"không thủ tục nào trong {len(procedures)} thủ tục của danh mục ghi căn cứ pháp lý (tệp có thể không có "
                "trường này)",
                f"none of the catalog's {len(procedures)} procedures cites a legal basis (the file may not carry this "
                "field)",
            ),
            T(
                "ghi văn bản quy phạm pháp luật quy định từng thủ tục, hoặc dùng bản xuất có trường căn cứ pháp lý",
                "cite the legal document of each procedure, or use an export that has the legal-basis field",
            ),
            subject="catalog|none",
        )
        return
    for procedure in procedures:
        yield from _check_procedure_basis(procedure, ctx)


def _check_procedure_basis(procedure: Procedure, ctx: RuleContext) -> Iterator[Finding]:
    if not procedure.legal_basis:
        yield ctx.finding(
            procedure,
            "legal_basis",
            T("không có căn cứ pháp lý", "no legal basis"),
            T(
                "ghi văn bản quy phạm pháp luật quy định thủ tục (số, ký hiệu, ngày ban hành, cơ quan ban hành)",
                "cite the legal document that sets the procedure (number, date, issuer)",
            ),
            subject="none",
        )
    elif not any(ref.identified for ref in procedure.legal_basis):
        raw = "; ".join(ref.raw for ref in procedure.legal_basis)
        yield ctx.finding(
            procedure,
            "legal_basis",
            T(
                f"không xác định được văn bản nào trong căn cứ pháp lý: '{raw[:120]}'",
                f"no identifiable document in the legal basis: '{raw[:120]}'",
            ),
            T(
                "ghi đầy đủ số, ký hiệu văn bản (ví dụ 123/2015/NĐ-CP) để kiểm tra được hiệu lực",
                "write the full document number (e.g. 123/2015/NĐ-CP) so its validity can be checked",
            ),
            subject="unidentified",
            source=procedure.legal_basis[0].source,
        )


def _check_time(procedure: Procedure, ctx: RuleContext) -> Iterator[Finding]:
    for channel in procedure.channels:
        duration = channel.processing_time
        if duration is None or duration.status not in (DurationStatus.UNSPECIFIED, DurationStatus.UNPARSED):
            continue
        if _NO_WAIT.search(keyed(duration.raw).key) or (
            channel.description and _AT_ONCE_TEXT.search(keyed(channel.description).key)
        ):
            continue  # no result to wait for, done on filing or at once: there is no time to state
        if channel.description and _TIME_IN_TEXT.search(keyed(channel.description).key):
            continue  # the channel's description states it ("09 ngày làm việc kể từ …")
        yield ctx.finding(
            procedure,
            "processing_time",
            T(
                f"thời hạn giải quyết không xác định: '{duration.raw}'",
                f"processing time not stated: '{duration.raw}'",
            ),
            T(
                "ghi thời hạn cụ thể (số ngày làm việc) theo văn bản quy định; người dân cần biết khi nào có kết quả",
                "state a definite time (working days) per the legal document; applicants need to know when the result comes",
            ),
            subject=duration.raw,
            source=channel.source or procedure.source_of("processing_time"),
        )
        return  # one finding per procedure is enough


MISSING_REQUIRED_ELEMENT = Rule(
    code="TT101",
    name="missing-required-element",
    group=Group.COMPLETENESS,
    severity=Severity.ERROR,
    summary=T("Thiếu bộ phận bắt buộc của thủ tục", "A required element of the procedure is missing"),
    doc=RuleDoc(
        what=T(
            "Thủ tục thiếu một bộ phận bắt buộc. Bản công bố đầy đủ cần: trình tự, cách thức, thành phần và số lượng hồ sơ, "
            "thời hạn giải quyết, đối tượng, cơ quan giải quyết. Danh mục cấp tỉnh chỉ cần tên, căn cứ pháp lý, thời hạn, "
            "địa điểm và phí, lệ phí. Danh sách xuất từ Cổng (chỉ mã và tên) không bị xét. Số lượng bản đã được ghi khi một "
            "dòng ghi số bản, ghi loại bản ('(bản chính)', '(bản sao)': theo thông lệ là một bản) hoặc khi hồ sơ ghi 'Số "
            "lượng hồ sơ: 01 (bộ)'. Cơ quan phối hợp không phải cơ quan giải quyết: thủ tục chỉ ghi cơ quan phối hợp là "
            "thiếu cơ quan giải quyết. Thời hạn ghi trong mô tả cách thức nộp ('09 ngày làm việc kể từ …') là đã ghi thời "
            "hạn. Một bộ phận mà không thủ tục nào của một tệp từ 10 thủ tục trở lên ghi (tệp không có trường đó: bản thu "
            "thập năm 2021 không có 'Đối tượng thực hiện') được báo một lần cho cả danh mục, không báo từng thủ tục.",
            "A required element is missing. A full publication needs: steps, method, dossier components and copies, "
            "processing time, applicants, deciding agency. A provincial list needs only name, legal basis, time, place "
            "and fees. Portal list exports (codes and names only) are not judged. Copies are stated when a line gives a "
            "count, a copy kind ('(bản chính)', '(bản sao)': one copy by practice) or the dossier says 'Số lượng hồ sơ: "
            "01 (bộ)'. A coordinating agency does not decide: a procedure naming only one lacks its deciding agency. A "
            "time written in a channel's description ('09 ngày làm việc kể từ …') is a stated time. An element that no "
            "procedure of a file of 10 or more states (the file lacks the field: the 2021 crawl has no applicants) is "
            "reported once for the catalog, not for each procedure.",
        ),
        known=T(
            "Một tệp dưới 10 thủ tục thiếu cùng một bộ phận ở mọi thủ tục vẫn bị báo từng thủ tục. Trang Cổng mà trường "
            "'Thành phần hồ sơ' chứa lời của trình tự (bản thu thập bị cắt) bị báo thiếu số lượng bản, chứ không phải "
            "thiếu thành phần hồ sơ.",
            "A file of fewer than 10 procedures that all lack an element is still reported procedure by procedure. A "
            "portal page whose dossier field holds step text (a cut crawl) is reported for the missing copy count, not "
            "for missing dossier components.",
        ),
        why=T(
            "Nghị định 63/2010/NĐ-CP, Điều 8 khoản 2 (sửa đổi bởi Nghị định 92/2017/NĐ-CP, hiệu lực 25/9/2017); "
            "Điều 13 khoản 2 điểm a cho danh mục của Chủ tịch UBND cấp tỉnh.",
            "Decree 63/2010/NĐ-CP, Art. 8(2) (as amended by Decree 92/2017/NĐ-CP, in force 25/9/2017); "
            "Art. 13(2)(a) for the provincial chairman's list.",
        ),
        example=T(
            "Thủ tục 'Đăng ký khai tử' không có 'Thời hạn giải quyết'.", "'Đăng ký khai tử' has no processing time."
        ),
        instead=T(
            "Bổ sung bộ phận còn thiếu theo văn bản quy định thủ tục trước khi công bố.",
            "Add the missing element as the legal document sets it before publishing.",
        ),
    ),
    legal_basis=T("Nghị định 63/2010/NĐ-CP, Điều 8 khoản 2", "Decree 63/2010/NĐ-CP, Art. 8(2)"),
    check=_check_required,
    scope="catalog",
)

LEGAL_BASIS_MISSING = Rule(
    code="TT102",
    name="legal-basis-missing",
    group=Group.COMPLETENESS,
    severity=Severity.ERROR,
    summary=T("Không có căn cứ pháp lý xác định được", "No identifiable legal basis"),
    doc=RuleDoc(
        what=T(
            "Thủ tục không ghi căn cứ pháp lý ('Căn cứ pháp lý: Không có thông tin'), hoặc không ghi được số hiệu của văn "
            "bản nào (chỉ có tên, năm hoặc số bị cắt). Khi không thủ tục nào của một tệp từ 10 thủ tục trở lên ghi căn cứ "
            "pháp lý (tệp không có trường đó), chỉ một phát hiện cho cả danh mục.",
            "The procedure cites no legal basis ('Căn cứ pháp lý: Không có thông tin'), or no document number can be "
            "read (only a name, a year or a truncated number). When no procedure of a file of 10 or more cites any (the "
            "file lacks the field), one finding covers the catalog.",
        ),
        why=T(
            "Thủ tục chỉ được quy định tại văn bản quy phạm pháp luật (Nghị định 63/2010/NĐ-CP, Điều 8, 13, 15); "
            "không có số hiệu thì không kiểm tra được văn bản còn hiệu lực hay không.",
            "A procedure exists only by a legal document (Decree 63/2010/NĐ-CP, Arts. 8, 13, 15); without a number its "
            "validity cannot be checked.",
        ),
        example=T(
            "Căn cứ pháp lý: 'Luật Hộ tịch năm 2014' (không có số 60/2014/QH13).",
            "Legal basis: 'Luật Hộ tịch năm 2014' (no number 60/2014/QH13).",
        ),
        instead=T(
            "Ghi số, ký hiệu, ngày ban hành và cơ quan ban hành của từng văn bản.",
            "Give each document's number, date and issuer.",
        ),
    ),
    legal_basis=T("Nghị định 63/2010/NĐ-CP, Điều 8 và Điều 13", "Decree 63/2010/NĐ-CP, Arts. 8 and 13"),
    check=_check_legal_basis,
    scope="catalog",
)

PROCESSING_TIME_UNSPECIFIED = Rule(
    code="TT103",
    name="processing-time-unspecified",
    group=Group.COMPLETENESS,
    severity=Severity.WARNING,
    summary=T("Thời hạn giải quyết không xác định", "Processing time not stated"),
    doc=RuleDoc(
        what=T(
            "Thời hạn giải quyết ghi 'Không quy định', 'Khác' hoặc một câu không đọc được thành số ngày, giờ. Không báo "
            "khi không có kết quả để chờ hoặc thủ tục xong ngay khi nộp ('Không phải trả kết quả cho người nộp thuế', "
            "'Thủ tục nhập cảnh được coi là kết thúc kể từ khi người làm thủ tục nộp đầy đủ các giấy tờ'), hay khi thời hạn "
            "ghi theo sự kiện ('Trước khi tàu cập cảng', 'chậm nhất là ngay trước khi tàu rời cảng'), hay khi mô tả cách "
            "thức nộp ghi thời hạn ('09 ngày làm việc kể từ …').",
            "The processing time reads 'Không quy định', 'Khác' or text that gives no number of days or hours. Not "
            "reported when there is no result to wait for or the procedure ends on filing ('Không phải trả kết quả cho "
            "người nộp thuế', 'Thủ tục nhập cảnh được coi là kết thúc kể từ khi …'), or when the time is set by an event "
            "('Trước khi tàu cập cảng', 'chậm nhất là ngay trước khi tàu rời cảng'), or when the channel's description "
            "states the time ('09 ngày làm việc kể từ …').",
        ),
        why=T(
            "Thời hạn giải quyết là bộ phận bắt buộc (Nghị định 63/2010/NĐ-CP, Điều 8 khoản 2); người dân và cơ quan kiểm soát "
            "không đo được việc trễ hạn nếu không có con số.",
            "Processing time is a required element (Decree 63/2010/NĐ-CP, Art. 8(2)); without a figure neither citizens "
            "nor auditors can tell when a dossier is late.",
        ),
        example=T("Thời hạn giải quyết: 'Không quy định'.", "Processing time: 'Không quy định'."),
        known=T(
            "Một con số kèm 'ngày làm việc' hay 'kể từ' trong mô tả của cách thức nộp được coi là thời hạn, kể cả khi đó "
            "là thời hạn của người nộp ('trong 15 ngày kể từ ngày có thay đổi').",
            "A number with 'ngày làm việc' or 'kể từ' in a channel's description counts as the time, even the "
            "applicant's own deadline ('trong 15 ngày kể từ ngày có thay đổi').",
        ),
        instead=T(
            "Ghi thời hạn cụ thể theo văn bản quy định, ví dụ '05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ'.",
            "State the definite time the law sets, e.g. '05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ'.",
        ),
    ),
    legal_basis=T("Nghị định 63/2010/NĐ-CP, Điều 8 khoản 2", "Decree 63/2010/NĐ-CP, Art. 8(2)"),
    check=_check_time,
)

RULES = (MISSING_REQUIRED_ELEMENT, LEGAL_BASIS_MISSING, PROCESSING_TIME_UNSPECIFIED)
