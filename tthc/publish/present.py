"""What a citizen reads about a procedure, in Vietnamese: shared by the site, the kiosk and the handbook.

Catalog text is shown as the catalog wrote it (raw times, fees and dossier lines): the
published wording is what binds the agency. What tthc read from it (counts, form codes)
goes beside the words as a secondary note, never instead of them. These helpers return
plain text; callers escape it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from tthc import fields, labels
from tthc.model import (
    LEVEL_WORDS,
    AgencyRole,
    Catalog,
    DocumentRequirement,
    Level,
    Method,
    OnlineLevel,
    Procedure,
)

PORTAL_NAME = "Cổng Dịch vụ công quốc gia"
PORTAL_URL = "https://dichvucong.gov.vn"
PORTAL_HOST = "dichvucong.gov.vn"
# The portal's search for a procedure code: UNCONFIRMED, so none by default. The portal's list
# of procedures (https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh.html) exists, but
# no source read says it takes a code in its address (it searches through a script), so a page
# without a portal link of its own links the portal's home page and names the code to search
# for. `tthc publish --portal-search URL` ("{code}" where the code goes) sets a known address.
PORTAL_SEARCH: str | None = None
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

_WORD = re.compile(r"\w+")
_METHODS = {Method.DIRECT: "Trực tiếp", Method.ONLINE: "Trực tuyến", Method.POSTAL: "Qua dịch vụ bưu chính"}


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


def document_text(doc: DocumentRequirement) -> str:
    """The dossier line in the catalog's words (the line as written, else the name)."""
    return doc.raw or doc.name


UNGROUPED = "Thành phần hồ sơ"  # heading of papers that follow a group but have none (the portal's "--" table)
_GROUP_EDGES = re.compile(r"^[\s*•+\-–]+|[\s:]+$")


def document_groups(procedure: Procedure) -> list[tuple[str | None, list[DocumentRequirement]]]:
    """The papers in runs under the catalog's sub-headings ("Giấy tờ phải nộp", "Giấy tờ phải
    xuất trình", "Lưu ý"), in order; (None, papers) for one run without any heading.

    The heading is the catalog's words without list punctuation ("* Lưu ý :" -> "Lưu ý").
    """
    runs: list[tuple[str | None, list[DocumentRequirement]]] = []
    last: object = object()
    for doc in procedure.documents:
        if doc.group != last:
            runs.append((doc.group, []))
            last = doc.group
        runs[-1][1].append(doc)
    if len(runs) == 1 and runs[0][0] is None:
        return runs
    out: list[tuple[str | None, list[DocumentRequirement]]] = []
    for n, (group, docs) in enumerate(runs):
        label = _GROUP_EDGES.sub("", group) if group else ""
        out.append((label or (UNGROUPED if n else None), docs))
    return out


def quantity(doc: DocumentRequirement) -> str:
    """ "01 bản chính, 01 bản sao" from the counts; "" when none is stated.

    Only the counts: which kind of copy is accepted is in the catalog's own words, which
    may name several ("bản sao có chứng thực hoặc bản sao kèm bản chính để đối chiếu").
    """
    parts = []
    if doc.originals:
        parts.append(f"{doc.originals:02d} bản chính")
    if doc.copies:
        parts.append(f"{doc.copies:02d} bản sao")
    return ", ".join(parts)


def document_detail(doc: DocumentRequirement) -> str:
    """What was read from a dossier line, for beside its words: counts, form, note (may be empty).

    Each part only when the words shown (:func:`document_text`) do not already say it, so
    "Tờ khai (Mẫu CT01)" does not get "mẫu: Mẫu CT01" again.
    """
    shown = _key(document_text(doc))
    parts = []
    count = quantity(doc)
    if count and any(_key(part) not in shown for part in count.split(", ")):
        parts.append(f"số lượng: {count}")
    if doc.form and _key(doc.form) not in shown:
        parts.append(f"mẫu: {doc.form}")
    if doc.note and not _said(doc.note, shown):
        parts.append(doc.note)
    return "; ".join(parts)


def _key(text: str) -> str:
    from tthc.text import match_key

    return match_key(text)


def _said(note: str, shown_key: str) -> bool:
    """A note the words shown already carry: every word of it, or of what follows its label
    ("số lượng theo lựa chọn: 01 bản chính hoặc 01 bản sao")."""
    words = set(_WORD.findall(shown_key))
    _, sep, rest = note.partition(": ")
    return any(part and set(_WORD.findall(_key(part))) <= words for part in (note, rest if sep else ""))


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
    """:func:`by_channel` as plain lines ("Trực tiếp: 05 ngày làm việc"); when every channel
    says the same, one line per text (a cell the loader split stays one item per line)."""
    groups = by_channel(procedure, what)
    if len(groups) == 1 and not groups[0][0]:
        return list(groups[0][1])
    return [f"{method}: {'; '.join(t)}" for method, t in groups]


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


@dataclass(frozen=True)
class PortalLink:
    url: str
    text: str
    direct: bool  # the procedure's own page (True) or a search for its code


def portal_link(procedure: Procedure, search: str | None = PORTAL_SEARCH) -> PortalLink | None:
    """The procedure on the national portal: its own page when the source gives one, else a
    search for its code at ``search`` (an address with "{code}"), else the portal's home page
    with the code to look for; None without a page or a code. Only http(s) addresses are used."""
    url = _detail_url(procedure)
    if url:
        host = (urlsplit(url).hostname or "").lower()
        on_portal = host == PORTAL_HOST or host.endswith("." + PORTAL_HOST)
        where = PORTAL_NAME if on_portal else f"cổng dịch vụ công ({host})"
        return PortalLink(url, f"Xem thủ tục này trên {where}", True)
    if procedure.code and search:
        return PortalLink(
            search.replace("{code}", quote(procedure.code, safe="")),
            f"Tìm mã thủ tục {procedure.code} trên {PORTAL_NAME}",
            False,
        )
    if procedure.code:
        return PortalLink(PORTAL_URL, f"Tra cứu mã thủ tục {procedure.code} trên {PORTAL_NAME} ({PORTAL_HOST})", False)
    return None


def _detail_url(procedure: Procedure) -> str | None:
    """The portal address a source gave: ``Procedure.url`` (the crawled record's detail_url), or a
    ``detail_url`` key a YAML catalog kept in ``extra``."""
    for value in (procedure.url, procedure.extra.get("detail_url")):
        if isinstance(value, str):
            value = value.strip()
            parts = urlsplit(value)
            if parts.scheme in ("http", "https") and parts.hostname and not any(c in value for c in " \"'<>"):
                return value
    return None


@dataclass(frozen=True)
class SummaryItem:
    key: str  # time / fees / place / online / implementing / competent
    label: str
    lines: list[str]


ASK = "Hỏi Bộ phận tiếp nhận và trả kết quả"
UNSTATED_WORDS = {
    "time": "thời hạn giải quyết",
    "fees": "phí, lệ phí",
    "place": "nơi nộp hồ sơ",
    "online": "có nộp trực tuyến được không",
}


def online_stated(procedure: Procedure) -> bool:
    """Whether the catalog says anything about filing online (a service level or an online channel)."""
    return procedure.online_service is not None or any(c.method is Method.ONLINE for c in procedure.channels)


def summary(procedure: Procedure) -> list[SummaryItem]:
    """Time, fees, where to file, online or not, agency: each only when the catalog states it."""
    items = []
    if lines := by_channel_lines(procedure, "time"):
        items.append(SummaryItem("time", fields.citizen("processing_time"), lines))
    if lines := by_channel_lines(procedure, "fees"):
        items.append(SummaryItem("fees", fields.citizen("fees"), lines))
    if procedure.place:
        items.append(SummaryItem("place", fields.citizen("place"), [procedure.place]))
    if online_stated(procedure):
        items.append(SummaryItem("online", fields.citizen("online_service"), [online_guide(procedure).headline]))
    for role, label in (
        (AgencyRole.IMPLEMENTING, labels.vi(labels.AGENCY_ROLES)["implementing"]),
        (AgencyRole.COMPETENT, labels.vi(labels.AGENCY_ROLES)["competent"]),
    ):
        if names := _unique([a.name for a in procedure.agencies_with_role(role)]):
            items.append(SummaryItem(role.value, label, names))
    return items


def unstated(procedure: Procedure) -> list[str]:
    """What the summary leaves out because the catalog does not say it, in words for a citizen."""
    stated = {item.key for item in summary(procedure)}
    return [words for key, words in UNSTATED_WORDS.items() if key not in stated]


def forms(procedure: Procedure) -> list[str]:
    """The forms (mẫu đơn, tờ khai) as the catalog names them; a dossier line's own form
    reference stays in its words on the checklist."""
    return _unique(list(procedure.forms))


def catalog_title(catalogs: list[Catalog]) -> str:
    """A heading for a set of catalogs: the issuing body when there is one."""
    issuers = _unique([c.issuer or c.locality or "" for c in catalogs])
    if len(issuers) == 1:
        return f"Thủ tục hành chính — {issuers[0]}"
    return "Thủ tục hành chính"


def issuers(catalogs: list[Catalog]) -> list[str]:
    return _unique([c.issuer or "" for c in catalogs])
