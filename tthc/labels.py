"""Enum values -> their labels (Vietnamese, English): one source for every surface.

The workbook's drop-down lists (:mod:`tthc.load.excel.workbook_layout`), the writers of
`tthc convert`, the diff and the annex all name a level, a method, an online-service level,
a mechanism, a copy kind, an agency role or a kind of legal document with these words. The
Vietnamese label is the national database's (and the publication decisions') wording.
"""

from __future__ import annotations

from dataclasses import dataclass

from tthc.i18n import T


@dataclass(frozen=True, slots=True)
class Label:
    value: str  # the enum's stored value ("direct")
    vi: str  # "Trực tiếp"
    en: str  # "In person"


LEVELS = (
    Label("central", "Cấp trung ương", "Central"),
    Label("province", "Cấp tỉnh", "Province"),
    Label("district", "Cấp huyện", "District"),
    Label("commune", "Cấp xã", "Commune"),
    Label("other", "Cơ quan khác", "Other body"),
)
METHODS = (
    Label("direct", "Trực tiếp", "In person"),
    Label("online", "Trực tuyến", "Online"),
    Label("postal", "Dịch vụ bưu chính", "By post"),
)
ONLINE_LEVELS = (
    Label("full", "Toàn trình", "Fully online"),
    Label("partial", "Một phần", "Partly online"),
    Label("none", "Không", "None"),
)
MECHANISMS = (
    Label("one_stop", "Một cửa", "One-stop"),
    Label("interlinked", "Một cửa liên thông", "Interlinked one-stop"),
)
COPY_KINDS = (
    Label("original", "Bản chính", "Original"),
    Label("copy", "Bản sao", "Copy"),
    Label("certified_copy", "Bản sao có chứng thực", "Certified copy"),
    Label("copy_with_original", "Bản sao kèm bản chính để đối chiếu", "Copy with the original for comparison"),
    Label("electronic", "Bản điện tử", "Electronic copy"),
)
AGENCY_ROLES = (
    Label("implementing", "Cơ quan thực hiện", "Implementing agency"),
    Label("competent", "Cơ quan có thẩm quyền", "Competent agency"),
    Label("coordinating", "Cơ quan phối hợp", "Coordinating agency"),
    Label("authorized", "Cơ quan được ủy quyền", "Authorised agency"),
)
DOC_KINDS = (
    Label("law", "Luật", "Law"),
    Label("code", "Bộ luật", "Code"),
    Label("na_resolution", "Nghị quyết của Quốc hội", "National Assembly resolution"),
    Label("ordinance", "Pháp lệnh", "Ordinance"),
    Label("decree", "Nghị định", "Decree"),
    Label("gov_resolution", "Nghị quyết của Chính phủ", "Government resolution"),
    Label("pm_decision", "Quyết định của Thủ tướng", "Prime Minister's decision"),
    Label("circular", "Thông tư", "Circular"),
    Label("joint_circular", "Thông tư liên tịch", "Joint circular"),
    Label("ministry_decision", "Quyết định của Bộ trưởng", "Minister's decision"),
    Label("provincial_decision", "Quyết định của UBND tỉnh", "Provincial People's Committee decision"),
    Label("provincial_resolution", "Nghị quyết của HĐND tỉnh", "Provincial People's Council resolution"),
    Label("consolidated", "Văn bản hợp nhất", "Consolidated text"),
    Label("dispatch", "Công văn, chỉ thị", "Official letter, directive"),
    Label("other", "Khác", "Other"),
)
CATALOG_KINDS = (
    Label("full", "Công bố đầy đủ", "Full publication"),
    Label(
        "provincial_list", "Danh mục (tên, căn cứ, thời hạn, địa điểm, phí)", "List (name, basis, time, place, fees)"
    ),
)

# The simplification plan's own columns (its workbook, its Word document, the cost report); the
# columns that name a procedure field take the field's `plan` title (tthc.fields).
PLAN_COLUMNS = (
    Label("row", "STT", "No."),
    Label("catalog", "Danh mục", "Catalog"),
    Label("proposal", "Nội dung đề xuất", "Proposal"),
    Label("in_catalog", "Nội dung trong danh mục", "In the catalog"),
    Label("basis", "Căn cứ", "Basis"),  # of a correction or a finding (not the procedure's legal basis)
    Label("time_before", "Thời hạn trước (ngày làm việc)", "Time before (working days)"),
    Label("time_after", "Thời hạn sau (ngày làm việc)", "Time after (working days)"),
    Label("cost_before", "Chi phí trước (đồng/năm)", "Cost before (VND/year)"),
    Label("cost_after", "Chi phí sau (đồng/năm)", "Cost after (VND/year)"),
    Label("saving", "Tiết kiệm (đồng/năm)", "Saving (VND/year)"),
    Label("cut", "Tỷ lệ cắt giảm (%)", "Cut (%)"),
)


def choices(labels: tuple[Label, ...]) -> tuple[tuple[str, str], ...]:
    """(Vietnamese label, stored value) pairs, as a drop-down lists them."""
    return tuple((label.vi, label.value) for label in labels)


def vi(labels: tuple[Label, ...]) -> dict[str, str]:
    """value -> Vietnamese label."""
    return {label.value: label.vi for label in labels}


def both(labels: tuple[Label, ...]) -> dict[str, T]:
    """value -> label in both languages."""
    return {label.value: T(label.vi, label.en) for label in labels}


PLAN: dict[str, str] = vi(PLAN_COLUMNS)  # the plan's own column titles
