"""What a citizen reads about a procedure, in Vietnamese: shared by the site, the kiosk and the handbook.

Catalog text is shown as the catalog wrote it (raw times and fees): the published wording
is what binds the agency. These helpers return plain text; callers escape it.
"""

from __future__ import annotations

from dataclasses import dataclass

from tthc.model import (
    LEVEL_WORDS,
    AgencyRole,
    Catalog,
    CopyKind,
    DocumentRequirement,
    Level,
    Method,
    OnlineLevel,
    Procedure,
)

PORTAL_NAME = "Cổng Dịch vụ công quốc gia"
PORTAL_URL = "https://dichvucong.gov.vn"
OTHER_FIELD = "Lĩnh vực khác"
NO_LEVEL = "Chưa xác định cấp"

LEVEL_LABELS: dict[Level, str] = LEVEL_WORDS
LEVEL_ORDER = [Level.CENTRAL, Level.PROVINCE, Level.DISTRICT, Level.COMMUNE, Level.OTHER]

# Filter values of the site: the three legal levels, plus "other" for legacy or unknown.
ONLINE_KINDS: dict[str, str] = {
    "full": "Trực tuyến toàn trình",
    "partial": "Trực tuyến một phần",
    "none": "Chưa có dịch vụ trực tuyến",
    "other": "Chưa rõ",
}

_METHODS = {Method.DIRECT: "Trực tiếp", Method.ONLINE: "Trực tuyến", Method.POSTAL: "Qua dịch vụ bưu chính"}
_COPIES = {
    CopyKind.COPY: "bản sao",
    CopyKind.CERTIFIED_COPY: "bản sao có chứng thực",
    CopyKind.COPY_WITH_ORIGINAL: "bản sao (kèm bản chính để đối chiếu)",
    CopyKind.ELECTRONIC: "bản điện tử",
}


def level_names(procedure: Procedure) -> list[str]:
    """ "Cấp tỉnh", "Cấp xã"…; the catalog's own words when no level could be read."""
    if procedure.levels:
        return [LEVEL_LABELS[level] for level in LEVEL_ORDER if level in procedure.levels]
    return [procedure.levels_raw] if procedure.levels_raw else []


def field_name(procedure: Procedure) -> str:
    return procedure.field or OTHER_FIELD


def online_kind(procedure: Procedure) -> str:
    """full / partial / none / other (legacy "mức độ 1–4" or unknown)."""
    service = procedure.online_service
    if service is None:
        return "other"
    return {OnlineLevel.FULL: "full", OnlineLevel.PARTIAL: "partial", OnlineLevel.NONE: "none"}.get(
        service.level, "other"
    )


@dataclass(frozen=True)
class OnlineGuide:
    kind: str  # full / partial / none / other
    headline: str
    detail: str


def online_guide(procedure: Procedure) -> OnlineGuide:
    """Whether and how the procedure can be done online, for a citizen."""
    kind = online_kind(procedure)
    service = procedure.online_service
    if kind == "full":
        return OnlineGuide(
            kind,
            "Làm trực tuyến được toàn bộ",
            f"Nộp hồ sơ, nộp phí (nếu có) và nhận kết quả trực tuyến trên {PORTAL_NAME} ({PORTAL_URL}), "
            "không cần đến nơi tiếp nhận.",
        )
    if kind == "partial":
        detail = (
            f"Nộp hồ sơ trực tuyến trên {PORTAL_NAME} ({PORTAL_URL}); một số bước vẫn phải làm trực tiếp "
            "tại nơi tiếp nhận."
        )
        if procedure.partial_reason:
            detail += f" Lý do: {procedure.partial_reason}"
        return OnlineGuide(kind, "Làm trực tuyến được một phần", detail)
    if kind == "none":
        return OnlineGuide(
            kind,
            "Chưa làm trực tuyến được",
            "Nộp hồ sơ trực tiếp tại nơi tiếp nhận"
            + (" hoặc qua dịch vụ bưu chính." if _has_postal(procedure) else "."),
        )
    if service is not None and service.raw:
        return OnlineGuide(
            kind,
            f"Dịch vụ công trực tuyến: {service.raw}",
            f"Hỏi nơi tiếp nhận hoặc tra cứu trên {PORTAL_NAME} ({PORTAL_URL}) để biết có nộp trực tuyến được không.",
        )
    if any(c.method is Method.ONLINE for c in procedure.channels):
        return OnlineGuide(kind, "Có thể nộp trực tuyến", f"Nộp hồ sơ trên {PORTAL_NAME} ({PORTAL_URL}).")
    return OnlineGuide(
        kind,
        "Chưa có thông tin về nộp trực tuyến",
        f"Hỏi nơi tiếp nhận hoặc tra cứu trên {PORTAL_NAME} ({PORTAL_URL}).",
    )


def _has_postal(procedure: Procedure) -> bool:
    return any(c.method is Method.POSTAL for c in procedure.channels)


def quantity(doc: DocumentRequirement) -> str:
    """ "01 bản chính, 01 bản sao có chứng thực" from the counts; "" when none is stated."""
    parts = []
    if doc.originals:
        parts.append(f"{doc.originals:02d} bản chính")
    if doc.copies:
        kind = doc.copy_kind if doc.copy_kind in _COPIES else CopyKind.COPY
        parts.append(f"{doc.copies:02d} {_COPIES[kind]}")
    return ", ".join(parts)


def document_detail(doc: DocumentRequirement) -> str:
    """Quantity, form and note on one line (may be empty)."""
    parts = [quantity(doc)]
    if doc.form and doc.form != doc.name:
        parts.append(f"mẫu: {doc.form}")
    if doc.note:
        parts.append(doc.note)
    return "; ".join(p for p in parts if p)


@dataclass(frozen=True)
class ChannelView:
    method: str
    time: str
    fees: list[str]
    description: str


def channels(procedure: Procedure) -> list[ChannelView]:
    out = []
    for c in procedure.channels:
        method = _METHODS.get(c.method, "") if c.method else (c.method_raw or "")
        time = c.processing_time.raw if c.processing_time else ""
        out.append(ChannelView(method, time, [f.raw for f in c.fees], c.description or ""))
    return out


def by_channel(procedure: Procedure, what: str) -> list[tuple[str, list[str]]]:
    """Times ("time") or fees ("fees") per way of filing: one ("", texts) when every channel says the same."""
    views = [c for c in channels(procedure) if (c.time if what == "time" else c.fees)]
    texts = [[c.time] if what == "time" else c.fees for c in views]
    if not views:
        return []
    if all(t == texts[0] for t in texts):
        return [("", texts[0])]
    return [(c.method, t) for c, t in zip(views, texts, strict=True)]


def by_channel_lines(procedure: Procedure, what: str) -> list[str]:
    """:func:`by_channel` as plain lines ("Trực tiếp: 05 ngày làm việc")."""
    return [f"{method}: {'; '.join(t)}" if method else "; ".join(t) for method, t in by_channel(procedure, what)]


def _unique(items: list[str]) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item and item not in seen:
            seen.append(item)
    return seen


def times(procedure: Procedure) -> list[str]:
    """The distinct processing times as written."""
    return _unique([d.raw for d in procedure.processing_times()])


def fees(procedure: Procedure) -> list[str]:
    """The distinct fees as written."""
    return _unique([f.raw for f in procedure.fees()])


NO_TIME = "Chưa có thông tin; hỏi nơi tiếp nhận hồ sơ"
NO_FEE = "Chưa có thông tin về phí, lệ phí; hỏi nơi tiếp nhận hồ sơ"
NO_PLACE = "Chưa có thông tin; hỏi Bộ phận tiếp nhận và trả kết quả"


def places(procedure: Procedure) -> list[str]:
    """Where to file: the place, else the implementing agencies."""
    if procedure.place:
        return [procedure.place]
    agencies = procedure.agencies_with_role(AgencyRole.IMPLEMENTING) or procedure.agencies
    return _unique([a.name for a in agencies])


def catalog_title(catalogs: list[Catalog]) -> str:
    """A heading for a set of catalogs: the issuing body when there is one."""
    issuers = _unique([c.issuer or c.locality or "" for c in catalogs])
    if len(issuers) == 1:
        return f"Thủ tục hành chính — {issuers[0]}"
    return "Thủ tục hành chính"


def issuers(catalogs: list[Catalog]) -> list[str]:
    return _unique([c.issuer or "" for c in catalogs])
