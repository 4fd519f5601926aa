"""The catalog model: plain dataclasses, filled by the loaders, read by rules and reports.

Every value a finding may point at carries a :class:`SourceRef` (directly, or through
``Procedure.sources`` for plain text fields), so a problem can always be traced back to
the exact cell or YAML line it came from.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from tthc import labels


@dataclass(slots=True, unsafe_hash=True)  # not frozen: a loader makes one per cell, and frozen
class SourceRef:  # dataclasses cost twice as much to create. Treat it as immutable.
    """Where a value came from: a workbook cell, a YAML line, a cell of a table in a Word or
    PDF document (``table``, with ``row``/``column`` inside it), or a field of a JSON record
    (``field``: the key path, "thanh_phan_ho_so", "tables.can_cu_phap_ly"; ``row``: the
    table row inside it). All 1-based.
    """

    file: str
    sheet: str | None = None
    row: int | None = None
    column: int | None = None
    line: int | None = None
    column_title: str | None = None
    table: int | None = None  # the n-th table of a Word/PDF document
    page: int | None = None  # the PDF page the row is on
    field: str | None = None  # the key path in a JSON record

    @property
    def cell(self) -> str | None:
        """Excel address such as ``B17`` (None for YAML sources, document tables or whole rows)."""
        if self.row is None or self.column is None or self.table is not None:
            return None
        return f"{column_letter(self.column)}{self.row}"

    @property
    def line_or_row(self) -> int | None:
        """The YAML line or the sheet row (a row inside a JSON field is not a line of the file)."""
        if self.line is not None:
            return self.line
        return self.row if self.field is None else None

    def at(self, **changes: object) -> SourceRef:
        """A copy with some positions replaced (e.g. the column of a cell in this row)."""
        values = {name: getattr(self, name) for name in self.__slots__}
        values.update(changes)
        return SourceRef(**values)  # type: ignore[arg-type]

    def to_dict(self) -> dict[str, object]:
        """JSON form: only the positions that are known, plus the Excel cell name."""
        out: dict[str, object] = {"file": self.file}
        for name in ("sheet", "table", "page", "field", "row", "column", "line", "column_title"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.cell:
            out["cell"] = self.cell
        return out

    def __str__(self) -> str:
        return self.text("vi")

    def text(self, lang: str) -> str:
        """The position as a person reads it, in ``lang`` ("dòng 3" / "row 3")."""

        def say(vi: str, en: str) -> str:
            return en if lang == "en" else vi

        if self.field is not None:  # JSON: "bo-tu-phap/1.003005.json, thanh_phan_ho_so, dòng 3"
            return f"{self.file}, {self.field}" + (say(f", dòng {self.row}", f", row {self.row}") if self.row else "")
        if self.table is not None:  # Word/PDF: 'a.docx, bảng 2, dòng 7, cột "Căn cứ pháp lý"'
            parts = [self.file]
            if self.page is not None:
                parts.append(say(f"trang {self.page}", f"page {self.page}"))
            parts.append(say(f"bảng {self.table}", f"table {self.table}"))
            if self.row is not None:
                parts.append(say(f"dòng {self.row}", f"row {self.row}"))
            if self.column_title:
                parts.append(say(f'cột "{self.column_title}"', f'column "{self.column_title}"'))
            elif self.column is not None:
                parts.append(say(f"cột {self.column}", f"column {self.column}"))
            return ", ".join(parts)
        if self.line is not None and self.file.lower().endswith((".docx", ".doc", ".pdf")):
            # a paragraph of a Word file, a line of a PDF page
            if self.page is not None:
                return self.file + say(
                    f", trang {self.page}, dòng {self.line}", f", page {self.page}, line {self.line}"
                )
            return self.file + say(f", đoạn {self.line}", f", paragraph {self.line}")
        if self.sheet is not None:
            where = f"{self.sheet}!{self.cell}" if self.cell else f"{self.sheet}!{self.row or ''}"
            if self.cell is None and self.row is not None:
                where = f"{self.sheet}, " + say(f"dòng {self.row}", f"row {self.row}")
            text = f"{self.file} {where}"
            if self.column_title:
                text += f" ({self.column_title})"
            return text
        if self.line is not None:
            return f"{self.file}:{self.line}:{self.column or 1}"
        return self.file


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while index > 0:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


class Level(StrEnum):
    """Cấp thực hiện."""

    CENTRAL = "central"  # cấp trung ương / cấp bộ
    PROVINCE = "province"  # cấp tỉnh
    DISTRICT = "district"  # cấp huyện (abolished 1/7/2025, read for legacy catalogs)
    COMMUNE = "commune"  # cấp xã
    OTHER = "other"  # cơ quan khác


# How documents and reports name each level (tthc.labels.LEVELS).
LEVEL_WORDS: dict[Level, str] = {Level(label.value): label.vi for label in labels.LEVELS}


class Method(StrEnum):
    """Hình thức nộp."""

    DIRECT = "direct"  # trực tiếp
    ONLINE = "online"  # trực tuyến
    POSTAL = "postal"  # dịch vụ bưu chính


class OnlineLevel(StrEnum):
    """Mức độ dịch vụ công trực tuyến (Nghị định 42/2022 Art. 11)."""

    FULL = "full"  # toàn trình
    PARTIAL = "partial"  # một phần
    NONE = "none"  # không có / chưa cung cấp
    LEGACY = "legacy"  # "mức độ 1–4" of Nghị định 43/2011, kept as written


class CopyKind(StrEnum):
    ORIGINAL = "original"  # bản chính
    COPY = "copy"  # bản sao
    CERTIFIED_COPY = "certified_copy"  # bản sao có chứng thực
    COPY_WITH_ORIGINAL = "copy_with_original"  # bản sao/bản chụp kèm bản chính để đối chiếu
    ELECTRONIC = "electronic"  # bản sao điện tử / bản điện tử


class Mechanism(StrEnum):
    ONE_STOP = "one_stop"  # một cửa
    INTERLINKED = "interlinked"  # một cửa liên thông


class CatalogKind(StrEnum):
    FULL = "full"  # full publication with every element (Nghị định 63 Art. 8(2))
    PROVINCIAL_LIST = "provincial_list"  # danh mục, Art. 13(2)(a): name, basis, time, place, fees
    INDEX = "index"  # a list export (code, name, agency, field): completeness is not judged


class AgencyRole(StrEnum):
    IMPLEMENTING = "implementing"  # cơ quan thực hiện
    COMPETENT = "competent"  # cơ quan có thẩm quyền
    COORDINATING = "coordinating"  # cơ quan phối hợp
    AUTHORIZED = "authorized"  # cơ quan được ủy quyền


class DocKind(StrEnum):
    """Kinds of legal documents (Luật Ban hành văn bản quy phạm pháp luật)."""

    LAW = "law"  # Luật
    CODE = "code"  # Bộ luật
    NA_RESOLUTION = "na_resolution"  # Nghị quyết of the National Assembly / its Standing Committee
    ORDINANCE = "ordinance"  # Pháp lệnh
    DECREE = "decree"  # Nghị định
    GOV_RESOLUTION = "gov_resolution"  # Nghị quyết of the Government
    PM_DECISION = "pm_decision"  # Quyết định of the Prime Minister
    CIRCULAR = "circular"  # Thông tư
    JOINT_CIRCULAR = "joint_circular"  # Thông tư liên tịch
    MINISTRY_DECISION = "ministry_decision"  # Quyết định of a minister
    PROVINCIAL_DECISION = "provincial_decision"  # Quyết định of a provincial People's Committee
    PROVINCIAL_RESOLUTION = "provincial_resolution"  # Nghị quyết of a provincial People's Council
    CONSOLIDATED = "consolidated"  # văn bản hợp nhất
    DISPATCH = "dispatch"  # công văn / công điện / chỉ thị (not normative)
    OTHER = "other"


# The word a Vietnamese citation puts before the number ("Nghị định 42/2022/NĐ-CP").
DOC_KIND_WORDS: dict[DocKind, str] = {
    DocKind.LAW: "Luật",
    DocKind.CODE: "Bộ luật",
    DocKind.NA_RESOLUTION: "Nghị quyết",
    DocKind.ORDINANCE: "Pháp lệnh",
    DocKind.DECREE: "Nghị định",
    DocKind.GOV_RESOLUTION: "Nghị quyết",
    DocKind.PM_DECISION: "Quyết định",
    DocKind.CIRCULAR: "Thông tư",
    DocKind.JOINT_CIRCULAR: "Thông tư liên tịch",
    DocKind.MINISTRY_DECISION: "Quyết định",
    DocKind.PROVINCIAL_DECISION: "Quyết định",
    DocKind.PROVINCIAL_RESOLUTION: "Nghị quyết",
    DocKind.CONSOLIDATED: "Văn bản hợp nhất",
}


class DurationStatus(StrEnum):
    FIXED = "fixed"  # a number of units
    IMMEDIATE = "immediate"  # "0 giờ", "ngay trong ngày", "ngay sau khi…"
    UNSPECIFIED = "unspecified"  # "Không quy định", "Khác"
    UNPARSED = "unparsed"


class FeeStatus(StrEnum):
    AMOUNT = "amount"  # a stated amount (0 included)
    FREE = "free"  # miễn phí / miễn lệ phí / không thu
    BY_REGULATION = "by_regulation"  # "theo mức thu do HĐND cấp tỉnh quy định": no amount, not zero
    UNPARSED = "unparsed"


@dataclass(slots=True)
class Duration:
    """Processing time (thời hạn giải quyết), parsed from free text; raw text kept."""

    raw: str
    status: DurationStatus
    working_days: float | None = None  # the whole span in working days where it is known
    days: float | None = None  # calendar days ("30 Ngày")
    hours: float | None = None
    months: float | None = None
    note: str | None = None  # why the parser could not read it
    note_en: str | None = None  # the parser's note in English (None: the note is the catalog's own words)

    @property
    def is_known(self) -> bool:
        return self.status in (DurationStatus.FIXED, DurationStatus.IMMEDIATE)

    def note_text(self, lang: str) -> str | None:
        """The note in ``lang`` (a catalog's own note as written)."""
        return self.note_en if lang == "en" and self.note_en else self.note

    def as_working_days(self) -> float | None:
        """Best estimate in working days (calendar days and months are not converted)."""
        if self.status is DurationStatus.IMMEDIATE:
            return 0.0
        if self.working_days is not None:
            return self.working_days
        if self.hours is not None and self.days is None and self.months is None:
            return self.hours / 8
        return None


@dataclass(slots=True)
class Fee:
    """One fee or charge (phí, lệ phí)."""

    raw: str
    status: FeeStatus
    kind: str | None = None  # "phí", "lệ phí" or None
    amount: Decimal | None = None
    currency: str | None = None  # "VND", "USD"
    per: str | None = None  # "hồ sơ", "Giấy phép"…
    note: str | None = None


@dataclass(slots=True)
class Channel:
    """Cách thức thực hiện: one way of filing, its time and fees."""

    method: Method | None = None
    method_raw: str | None = None
    processing_time: Duration | None = None
    fees: list[Fee] = dataclasses.field(default_factory=list)
    description: str | None = None
    source: SourceRef | None = None


@dataclass(slots=True)
class DocumentRequirement:
    """Thành phần hồ sơ: one paper of the dossier."""

    name: str
    code: str | None = None
    originals: int | None = None
    copies: int | None = None
    copy_kind: CopyKind | None = None
    copy_kinds: list[CopyKind] = dataclasses.field(default_factory=list)  # every kind the line accepts
    form: str | None = None
    note: str | None = None
    raw: str | None = None
    source: SourceRef | None = None
    # the heading the paper is listed under, as written ("Hồ sơ của người nhận con nuôi:",
    # "Trường hợp 2: …"): a dossier repeated per sub-case keeps its sub-cases apart
    group: str | None = None


@dataclass(slots=True)
class Result:
    """Kết quả thực hiện."""

    name: str
    code: str | None = None
    validity: str | None = None
    source: SourceRef | None = None


@dataclass(slots=True)
class LegalRef:
    """A legal document cited as legal basis (căn cứ pháp lý)."""

    raw: str
    number: str | None = None  # "123/2015/NĐ-CP"; None when no full number could be read
    kind: DocKind | None = None
    title: str | None = None
    issuer: str | None = None
    issued: dt.date | None = None
    effective: dt.date | None = None
    article: str | None = None  # "khoản 2 Điều 5" when the catalog gives it
    note: str | None = None  # why it is unidentified ("số hiệu không đầy đủ: 12")
    source: SourceRef | None = None

    @property
    def identified(self) -> bool:
        return self.number is not None


@dataclass(slots=True)
class Agency:
    name: str
    role: AgencyRole = AgencyRole.IMPLEMENTING
    source: SourceRef | None = None


@dataclass(slots=True)
class YearVolume:
    year: int
    dossiers: int | None = None
    online: int | None = None


@dataclass(slots=True)
class Volume:
    """Số lượng hồ sơ: dossiers received per year, overall and online."""

    dossiers_per_year: int | None = None
    online_per_year: int | None = None
    history: list[YearVolume] = dataclasses.field(default_factory=list)
    source: SourceRef | None = None

    def latest(self) -> YearVolume | None:
        dated = [y for y in self.history if y.dossiers is not None]
        return max(dated, key=lambda y: y.year) if dated else None

    def yearly_dossiers(self) -> int | None:
        """Dossiers per year: the stated figure, else the latest year of the history."""
        if self.dossiers_per_year is not None:
            return self.dossiers_per_year
        latest = self.latest()
        return latest.dossiers if latest else None


@dataclass(slots=True)
class OnlineService:
    level: OnlineLevel
    raw: str | None = None
    legacy_level: int | None = None  # 1..4 when written as "mức độ N"


@dataclass(slots=True)
class Decision:
    """Quyết định công bố."""

    number: str | None = None
    date: dt.date | None = None


@dataclass(slots=True)
class Procedure:
    name: str
    code: str | None = None
    field: str | None = None
    levels: list[Level] = dataclasses.field(default_factory=list)
    levels_raw: str | None = None
    kind: str | None = None
    applicants: list[str] = dataclasses.field(default_factory=list)
    agencies: list[Agency] = dataclasses.field(default_factory=list)
    steps: list[str] = dataclasses.field(default_factory=list)
    channels: list[Channel] = dataclasses.field(default_factory=list)
    online_service: OnlineService | None = None
    partial_reason: str | None = None
    documents: list[DocumentRequirement] = dataclasses.field(default_factory=list)
    forms: list[str] = dataclasses.field(default_factory=list)
    conditions: list[str] = dataclasses.field(default_factory=list)
    results: list[Result] = dataclasses.field(default_factory=list)
    legal_basis: list[LegalRef] = dataclasses.field(default_factory=list)
    place: str | None = None
    mechanism: Mechanism | None = None
    volume: Volume | None = None
    decision: Decision | None = None
    reviewed: dt.date | None = None
    notes: str | None = None
    url: str | None = None  # the procedure's page on the national portal, when the source gives it
    related: list[str] = dataclasses.field(default_factory=list)  # "Thủ tục hành chính liên quan"
    source: SourceRef | None = None
    # SourceRef of plain fields, by field name ("name", "place", "field", "levels"…)
    sources: dict[str, SourceRef] = dataclasses.field(default_factory=dict)
    # columns or keys the loader did not know, kept as read (title -> text)
    extra: dict[str, str] = dataclasses.field(default_factory=dict)

    def source_of(self, field_name: str) -> SourceRef | None:
        """The most precise position known for a field (falls back to the row/record)."""
        return self.sources.get(field_name, self.source)

    def agencies_with_role(self, role: AgencyRole) -> list[Agency]:
        return [a for a in self.agencies if a.role is role]

    def processing_times(self) -> list[Duration]:
        return [c.processing_time for c in self.channels if c.processing_time is not None]

    def fees(self) -> list[Fee]:
        return [fee for c in self.channels for fee in c.fees]

    def longest_working_days(self) -> float | None:
        """The longest processing time in working days across channels, if known."""
        days = [d.as_working_days() for d in self.processing_times()]
        known = [d for d in days if d is not None]
        return max(known) if known else None

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}" if self.code else self.name


@dataclass(slots=True)
class Catalog:
    procedures: list[Procedure] = dataclasses.field(default_factory=list)
    name: str | None = None
    issuer: str | None = None  # cơ quan ban hành / công bố
    locality: str | None = None
    kind: CatalogKind = CatalogKind.FULL
    decision: Decision | None = None
    source_file: str | None = None
    layout: str | None = None  # "yaml", "portal_export", "annex", "workbook"
    # conflicts recorded by `tthc merge`: code -> list of {source, procedure}
    conflicts: list[dict] = dataclasses.field(default_factory=list)
    # the identity as written (`id:`); `tthc convert` writes it for a catalog that has no
    # locality, issuer or name, so the identity (and every fingerprint) survives a new file name
    id: str | None = None

    @property
    def identity(self) -> str:
        """A stable identity for fingerprints: `id`, else the locality/issuer/name, not the file path."""
        for value in (self.id, self.locality, self.issuer, self.name):
            if value:
                return value
        if self.source_file:
            from pathlib import PurePath

            return PurePath(self.source_file).stem
        return "catalog"
