"""The one table of the fields of a procedure: every surface derives from it.

Each :class:`Field` says, for one record key (the YAML key, :mod:`tthc.load.record`):

* its label, Vietnamese and English. The Vietnamese one is the national database's wording
  (the portal's page "Chi tiết thủ tục hành chính" and the publication decisions): the diff,
  the merge report, the annex, the JSON Schema, the template workbook and the site use it;
* its type (``text``, ``lines``, ``date`` or a structured shape) and the builder part that
  fills the model from it (:mod:`tthc.load.build`);
* the header aliases every tabular reader matches (Excel, .ods, CSV, Word/PDF tables, the
  national database's multi-sheet export), the heading of the per-procedure Word/PDF export,
  the keys of the portal's crawled records and of the structured export;
* how a table cell is read, its column on the workbook's "Thủ tục" sheet (with the
  template's note and drop-down) and the child sheet it lives on;
* whether the diff compares it (a published element of Nghị định 63/2010).

Adding a field: one entry here, the builder part that fills it (a ``text``/``lines``/``date``
field needs none: ``scalars`` reads it) and its tests. Everything else follows.

Besides the fields, :data:`COLUMNS` lists the table columns that fill part of a field (the
decision's number and date, the yearly counts, the agencies by role…) and the loaders' own
columns (row number, issuing body).

:data:`ITEMS` lists the items of the structured fields (a channel's method, a dossier line's
name…): the columns of the workbook's child sheets, the headers of the Word/PDF export's tables
and the keys of the 2021 MongoDB export. :data:`PAGE_ITEMS` are the portal page's items that are
no field ("Từ khóa", "Mô tả"), kept in ``extra``. A field's `plan` title names its column in the
simplification plan; the plan's own columns are :data:`tthc.labels.PLAN_COLUMNS`.
"""

from __future__ import annotations

from dataclasses import dataclass

from tthc import labels
from tthc.i18n import T

# types (how a value is written in YAML; structured shapes name their JSON Schema definition)
TEXT, LINES, DATE = "text", "lines", "date"
# builder parts (tthc.load.build.<part>)
SCALARS, AGENCIES, CHANNELS, ONLINE, DOCUMENTS, RESULTS, LEGAL, VOLUME, EXTRA = (
    "scalars",  # text, lines, dates, levels, mechanism, notes, the decision
    "agencies",
    "channels",  # channels, processing_time and fees, read together
    "online",
    "documents",
    "results",
    "legal",
    "volume",
    "extra",
)


@dataclass(frozen=True, slots=True)
class Field:
    key: str  # record / YAML key, and the Procedure attribute it fills (channels: via channels)
    vi: str  # label, the national database's wording
    en: str
    type: str = TEXT  # text | lines | date | the name of a structured shape ("channels", "duration"…)
    part: str = SCALARS  # the builder part that fills it
    aliases: tuple[str, ...] = ()  # other table headers for it
    heading: tuple[str, ...] = ()  # its heading in the per-procedure Word/PDF export
    portal: tuple[str, ...] = ()  # keys of the portal's crawled record, read as they are
    export: tuple[str, ...] = ()  # "metadata.<key>" / "content.<key>" of the structured export
    mongo: tuple[str, ...] = ()  # keys of the portal's 2021 MongoDB export (the page's headings)
    cell: str = ""  # how a table cell is read: text | lines | keep | date | int | code ("" = from type)
    column: bool = True  # a column of the workbook's "Thủ tục" sheet (and of `tthc template`)
    wide: bool = False  # a long column, written after the others
    note: str = ""  # the template's note on that column
    choices: tuple[labels.Label, ...] = ()  # the column's drop-down
    open_choices: bool = False
    required: bool = False
    sheet: str | None = None  # the child sheet of the workbook it (also) lives on
    compared: bool = True  # a published element: the diff and the annex compare it
    doc: str = ""  # the JSON Schema's description, when it says more than the label
    doc_en: str = ""  # its English
    citizen: str = ""  # the label in a citizen's words (site, kiosk, handbook), when not `vi`
    site: bool = False  # a section of its own on the citizen pages (for fields they do not lay out)
    form: str = ""  # its column title in the simplification plan's tables, when not `vi`

    @property
    def cell_kind(self) -> str:
        return self.cell or (self.type if self.type in (TEXT, LINES, DATE) else TEXT)

    @property
    def description(self) -> str:
        return self.doc or self.vi

    @property
    def description_text(self) -> T:
        """The JSON Schema's description in both languages."""
        return T(self.description, self.doc_en or self.en)

    @property
    def plain(self) -> str:
        """The label for citizens."""
        return self.citizen or self.vi

    @property
    def plan(self) -> str:
        """The column title in the simplification plan (its workbook and Word document)."""
        return self.form or self.vi


@dataclass(frozen=True, slots=True)
class Column:
    """A table column that fills part of a field (or a loader's own column)."""

    key: str  # the reader's target ("decision_number", "agencies:competent", "stt")
    vi: str
    en: str
    of: str | None  # the field it fills; None for a loader's own column
    aliases: tuple[str, ...] = ()
    cell: str = "text"
    column: bool = False  # written on the workbook's "Thủ tục" sheet
    note: str = ""
    heading: tuple[str, ...] = ()  # its heading in the per-procedure Word/PDF export
    table: bool = True  # a header of procedure tables (False: a heading only)
    after: str | None = None  # on the "Thủ tục" sheet, the field it follows (default: `of`)


FIELDS: tuple[Field, ...] = (
    Field(
        "code",
        "Mã TTHC",
        "Procedure code",
        aliases=(
            "Mã thủ tục",
            "Mã số",
            "Mã số TTHC",
            "Mã thủ tục hành chính",
            "Mã số thủ tục",
            "Mã số thủ tục hành chính",
            "Mã hồ sơ TTHC",
            "Mã",
        ),
        heading=("Mã thủ tục",),
        export=("metadata.mã_thủ_tục",),
        citizen="Mã thủ tục",
        form="Mã số TTHC",
        cell="code",
        note="Mã trên CSDL quốc gia, ví dụ 1.004194; nhập dạng văn bản",
        doc="Mã TTHC, ví dụ '1.004194' (để trong dấu nháy để không thành số)",
        doc_en="The procedure code, e.g. '1.004194' (quoted, so YAML does not read a number)",
    ),
    Field(
        "name",
        "Tên thủ tục hành chính",
        "Procedure name",
        aliases=(
            "Tên",
            "Tên TTHC",
            "Tên thủ tục",
            "Tên thủ tục hành chính được công bố",
            "Thủ tục hành chính",
            "Danh mục thủ tục hành chính",
        ),
        heading=("Tên thủ tục",),
        portal=("ten_thu_tuc",),
        export=("metadata.tên_thủ_tục",),
        mongo=("title",),
        form="Tên TTHC",
        note="Tên đầy đủ của thủ tục",
        required=True,
    ),
    Field(
        "field",
        "Lĩnh vực",
        "Field",
        aliases=("Lĩnh vực TTHC", "Lĩnh vực thủ tục"),
        heading=("Lĩnh vực",),
        portal=("linh_vuc",),
        export=("metadata.lĩnh_vực",),
        note="Lĩnh vực của thủ tục, ví dụ Hộ tịch",
    ),
    Field(
        "levels",
        "Cấp thực hiện",
        "Level",
        type="levels",
        aliases=("Cấp giải quyết", "Cấp", "Cấp thực hiện TTHC"),
        heading=("Cấp thực hiện",),
        portal=("cap_thuc_hien",),
        export=("metadata.cấp_thực_hiện",),
        cell="keep",
        note="Một hoặc nhiều cấp, cách nhau bằng dấu phẩy",
        choices=labels.LEVELS,
        open_choices=True,
        doc="Cấp thực hiện: Cấp trung ương, Cấp tỉnh, Cấp xã…",
        doc_en="Levels carrying it out: 'Cấp trung ương', 'Cấp tỉnh', 'Cấp xã'… (central, province, commune)",
    ),
    Field(
        "kind",
        "Loại thủ tục",
        "Kind of procedure",
        aliases=("Loại TTHC", "Loại thủ tục hành chính"),
        heading=("Loại thủ tục",),
        portal=("loai_thu_tuc",),
        export=("metadata.loại_thủ_tục",),
        note="Loại TTHC như trên CSDL quốc gia",
    ),
    Field(
        "applicants",
        "Đối tượng thực hiện",
        "Applicants",
        type=LINES,
        aliases=("Đối tượng", "Đối tượng thực hiện TTHC"),
        heading=("Đối tượng thực hiện",),
        note="Mỗi đối tượng một dòng",
        citizen="Ai thực hiện",
    ),
    Field(
        "agencies",
        "Cơ quan thực hiện",
        "Agencies",
        type="agencies",
        part=AGENCIES,
        aliases=("Cơ quan giải quyết", "Cơ quan thực hiện TTHC", "Cơ quan giải quyết TTHC", "Cơ quan chủ trì"),
        mongo=("Cơ quan thực hiện",),
        cell="lines",
        column=False,
        sheet="agencies",
    ),
    Field(
        "steps",
        "Trình tự thực hiện",
        "Steps",
        type=LINES,
        aliases=("Trình tự", "Các bước thực hiện"),
        heading=("Trình tự thực hiện",),
        portal=("trinh_tu_thuc_hien",),
        export=("content.trình_tự_thực_hiện",),
        mongo=("Trình tự thực hiện",),
        note="Mỗi bước một dòng",
        sheet="steps",
        citizen="Các bước thực hiện",
    ),
    Field(
        "channels",
        "Cách thức thực hiện",
        "Channels",
        type="channels",
        part=CHANNELS,
        heading=("Cách thức thực hiện",),
        mongo=("Cách thức thực hiện",),
        column=False,
        sheet="channels",
    ),
    Field(
        "processing_time",
        "Thời hạn giải quyết",
        "Processing time",
        type="duration",
        part=CHANNELS,
        aliases=("Thời gian giải quyết", "Thời hạn", "Thời gian", "Thời hạn xử lý"),
        cell="keep",
        note="Chỉ dùng khi không điền sheet Cách thức thực hiện, ví dụ 05 ngày làm việc",
        doc="Thời hạn giải quyết (khi không ghi theo cách thức)",
        doc_en="Processing time (when not given per channel)",
    ),
    Field(
        "fees",
        "Phí, lệ phí",
        "Fees",
        type="fees",
        part=CHANNELS,
        aliases=("Lệ phí", "Phí", "Mức phí, lệ phí", "Phí và lệ phí", "Phí lệ phí"),
        cell="keep",
        note="Chỉ dùng khi không điền sheet Cách thức thực hiện; mỗi khoản một dòng",
        sheet="fees",
        doc="Phí, lệ phí (khi không ghi theo cách thức)",
        doc_en="Fees and charges (when not given per channel)",
    ),
    Field(
        "online_service",
        "Mức độ dịch vụ công trực tuyến",
        "Online service level",
        type="online_service",
        part=ONLINE,
        aliases=(
            "Mức độ DVC",
            "Mức độ DVCTT",
            "Mức độ DVC trực tuyến",
            "Mức độ dịch vụ công",
            "Dịch vụ công trực tuyến",
            "DVC trực tuyến",
            "DVCTT",
            "Mức độ",
        ),
        note="Toàn trình, Một phần hoặc Không (Nghị định 42/2022)",
        choices=labels.ONLINE_LEVELS,
        open_choices=True,
        doc="Mức độ DVC trực tuyến: Toàn trình, Một phần, Không",
        doc_en="Online public service level: 'Toàn trình', 'Một phần', 'Không' (fully, partly, not online)",
        citizen="Nộp trực tuyến",
    ),
    Field(
        "partial_reason",
        "Lý do chỉ một phần",
        "Why only partly online",
        aliases=("Lý do một phần", "Lý do chỉ cung cấp một phần", "Lý do chưa cung cấp toàn trình"),
        note="Lý do chưa cung cấp toàn trình",
        compared=False,  # shown with the online service
        doc="Lý do chỉ cung cấp một phần",
        doc_en="Why the service is only partly online",
    ),
    Field(
        "documents",
        "Thành phần, số lượng hồ sơ",
        "Dossier documents",
        type="documents",
        part=DOCUMENTS,
        aliases=("Thành phần hồ sơ", "Hồ sơ", "Thành phần số lượng hồ sơ"),
        heading=("Thành phần hồ sơ",),
        mongo=("Thành phần hồ sơ",),
        cell="lines",
        column=False,
        sheet="documents",
        citizen="Giấy tờ cần nộp",
    ),
    Field(
        "forms",
        "Mẫu đơn, tờ khai",
        "Forms",
        type=LINES,
        aliases=("Mẫu đơn", "Biểu mẫu", "Mẫu tờ khai"),
        note="Mỗi mẫu một dòng",
    ),
    Field(
        "conditions",
        "Yêu cầu, điều kiện thực hiện",
        "Requirements and conditions",
        type=LINES,
        aliases=("Yêu cầu, điều kiện", "Điều kiện thực hiện", "Điều kiện"),
        heading=("Yêu cầu, điều kiện thực hiện", "Yêu cầu, điều kiện"),
        portal=("yeu_cau_dieu_kien",),
        export=("content.yêu_cầu_điều_kiện_thực_hiện",),
        note="Mỗi yêu cầu một dòng",
        citizen="Yêu cầu, điều kiện",
    ),
    Field(
        "results",
        "Kết quả thực hiện",
        "Results",
        type="results",
        part=RESULTS,
        aliases=("Kết quả", "Kết quả giải quyết", "Kết quả thực hiện TTHC"),
        heading=("Kết quả thực hiện",),
        export=("content.kết_quả_thực_hiện",),
        cell="lines",
        column=False,
        sheet="results",
        citizen="Kết quả nhận được",
    ),
    Field(
        "legal_basis",
        "Căn cứ pháp lý",
        "Legal basis",
        type="legal_basis",
        part=LEGAL,
        aliases=(
            "Căn cứ pháp lý của TTHC",
            "Căn cứ pháp lý của thủ tục hành chính",
            "Căn cứ pháp lý quy định TTHC",
            "Văn bản quy định",
            "Văn bản quy phạm pháp luật quy định TTHC",
            "Căn cứ",
        ),
        heading=("Căn cứ pháp lý",),
        portal=("can_cu_phap_ly",),
        form="Văn bản quy định",
        cell="lines",
        note="Chỉ dùng khi không điền sheet Căn cứ pháp lý; mỗi văn bản một dòng, ghi như văn bản công bố",
        wide=True,
        sheet="legal_basis",
    ),
    Field(
        "place",
        "Địa điểm thực hiện",
        "Place",
        aliases=(
            "Địa điểm",
            "Địa điểm tiếp nhận",
            "Địa điểm tiếp nhận hồ sơ",
            "Địa chỉ tiếp nhận",
            "Địa chỉ tiếp nhận hồ sơ",
            "Nơi tiếp nhận",
            "Địa điểm tiếp nhận và trả kết quả",
        ),
        heading=("Địa chỉ tiếp nhận HS", "Địa chỉ tiếp nhận hồ sơ"),
        portal=("dia_chi_tiep_nhan",),
        export=("content.địa_chỉ_tiếp_nhận_hs",),
        note="Nơi tiếp nhận hồ sơ và trả kết quả",
        citizen="Nơi nộp hồ sơ",
    ),
    Field(
        "mechanism",
        "Cơ chế thực hiện",
        "Mechanism",
        type="mechanism",
        aliases=("Cơ chế", "Cơ chế giải quyết", "Cơ chế một cửa"),
        note="Một cửa hoặc một cửa liên thông",
        choices=labels.MECHANISMS,
        doc="Cơ chế: Một cửa, Một cửa liên thông",
        doc_en="Mechanism: 'Một cửa', 'Một cửa liên thông' (one-stop, interlinked one-stop)",
    ),
    Field(
        "volume",
        "Số lượng hồ sơ",
        "Dossier volume",
        type="volume",
        part=VOLUME,
        column=False,
        sheet="volume",
        compared=False,
    ),
    Field(
        "decision",
        "Quyết định công bố",
        "Publication decision",
        type="decision",
        aliases=("Quyết định công bố TTHC", "QĐ công bố"),
        portal=("so_quyet_dinh",),
        export=("metadata.số_quyết_định",),
        column=False,
        compared=False,
    ),
    Field(
        "reviewed",
        "Ngày rà soát",
        "Last review date",
        type=DATE,
        aliases=("Rà soát lần cuối", "Ngày rà soát gần nhất"),
        note="Ngày rà soát, đánh giá gần nhất",
        compared=False,
        doc="Ngày rà soát gần nhất",
        doc_en="Date of the last review",
    ),
    Field(
        "notes",
        "Ghi chú",
        "Notes",
        type="notes",
        aliases=("Ghi chú khác",),
        cell="keep",
        note="Ghi chú tự do",
        compared=False,
    ),
    Field(
        "url",
        "Trang trên Cổng DVCQG",
        "Page on the national portal",
        portal=("detail_url",),
        note="Đường dẫn đến thủ tục trên Cổng Dịch vụ công quốc gia",
        compared=False,
        doc="Trang của thủ tục trên Cổng Dịch vụ công quốc gia",
        doc_en="The procedure's page on the National Public Service Portal",
    ),
    Field(
        "related",
        "Thủ tục hành chính liên quan",
        "Related procedures",
        type=LINES,
        aliases=("Thủ tục liên quan", "TTHC liên quan"),
        heading=("Thủ tục hành chính liên quan",),
        portal=("thu_tuc_lien_quan",),
        note="Mỗi thủ tục một dòng",
        compared=False,  # not an element Nghị định 63/2010 publishes
        citizen="Thủ tục liên quan",
        site=True,
    ),
    Field(
        "extra",
        "Thông tin khác",
        "Other information",
        type="extra",
        part=EXTRA,
        cell="keep",
        column=False,
        sheet="extra",
        compared=False,
        doc="Các cột khác của danh mục gốc",
        doc_en="The source catalog's other columns",
    ),
)

FIELD_BY_KEY: dict[str, Field] = {f.key: f for f in FIELDS}
KEYS: tuple[str, ...] = tuple(f.key for f in FIELDS)
PLAN_TITLES: dict[str, str] = {f.key: f.plan for f in FIELDS}  # each field's column title in the plan


def _role_column(role: str, aliases: tuple[str, ...] = (), *, table: bool = True) -> Column:
    """The agencies of one role (tthc.labels.AGENCY_ROLES): a column of a table, a heading of the export."""
    label = next(r for r in labels.AGENCY_ROLES if r.value == role)
    cell = "lines" if table else "text"
    return Column(
        f"agencies:{role}", label.vi, label.en, AGENCIES, aliases, cell=cell, heading=(label.vi,), table=table
    )


# Columns that fill part of a field, and the loaders' own columns (see tthc.load.excel.headers).
COLUMNS: tuple[Column, ...] = (
    Column("stt", "STT", "No.", None, ("TT", "Số TT", "Số thứ tự"), cell="skip"),
    Column("issuer", "Cơ quan ban hành", "Issuing body", None, ("Cơ quan công bố",)),
    Column(
        "channel_methods",
        "Cách thức thực hiện",
        "Channels",
        "channels",
        ("Cách thức nộp hồ sơ", "Hình thức nộp", "Hình thức nộp hồ sơ"),
        cell="lines",
    ),
    _role_column("implementing", table=False),  # in a table, "Cơ quan thực hiện" is the field agencies itself
    _role_column("competent", ("Cơ quan có thẩm quyền quyết định",)),
    _role_column("coordinating", ("Cơ quan phối hợp thực hiện",)),
    _role_column("authorized", ("Cơ quan được ủy quyền thực hiện",)),
    Column(
        "decision_number",
        "Số quyết định công bố",
        "Publication decision number",
        "decision",
        ("Số quyết định", "Số QĐ công bố", "Số QĐ"),
        column=True,
        heading=("Số quyết định",),
        note="Quyết định công bố thủ tục, ví dụ 1234/QĐ-UBND",
    ),
    Column(
        "decision_date",
        "Ngày quyết định công bố",
        "Publication decision date",
        "decision",
        ("Ngày quyết định", "Ngày ban hành quyết định"),
        cell="date",
        column=True,
        note="Ngày ký quyết định công bố",
    ),
    Column(
        "dossiers_per_year",
        "Số hồ sơ/năm",
        "Dossiers per year",
        "volume",
        ("Số lượng hồ sơ/năm", "Số lượng hồ sơ", "Số hồ sơ"),
        cell="int",
        column=True,
        after="reviewed",
        note="Số hồ sơ tiếp nhận trong một năm",
    ),
    Column(
        "online_per_year",
        "Số hồ sơ trực tuyến/năm",
        "Online dossiers per year",
        "volume",
        ("Số hồ sơ trực tuyến",),
        cell="int",
        column=True,
        after="reviewed",
        note="Số hồ sơ nộp trực tuyến trong một năm",
    ),
)
COLUMN_BY_KEY: dict[str, Column] = {c.key: c for c in COLUMNS}


@dataclass(frozen=True, slots=True)
class Item:
    """One item of a structured field: a column of its child sheet in the workbook, a header of
    its table in the per-procedure Word/PDF export, a key of the portal's 2021 MongoDB export."""

    of: str  # the child sheet (a field's `sheet`: "channels", "fees", "documents"…)
    key: str  # the item's key in the record ("method", "processing_time"…)
    vi: str  # its header on the child sheet, as the workbook writes it
    en: str
    note: str = ""  # the template's note on that column
    kind: str = "text"  # how a cell is read and written: text | lines | date | int
    aliases: tuple[str, ...] = ()  # other headers the workbook reader accepts
    choices: tuple[labels.Label, ...] = ()  # the column's drop-down
    open_choices: bool = False
    required: bool = False
    document: tuple[str, ...] = ()  # its headers in the Word/PDF export's tables (empty: not there)
    mongo: tuple[str, ...] = ()  # its key in the 2021 MongoDB export's rows


# The child sheets' columns (after the "Mã TTHC" key column every child sheet starts with), in the
# order the workbook writes them.
ITEMS: tuple[Item, ...] = (
    Item(
        "channels",
        "method",
        "Hình thức nộp",
        "Method",
        "Trực tiếp, trực tuyến hoặc dịch vụ bưu chính",
        choices=labels.METHODS,
        document=("Hình thức nộp", "Hình thức"),
        mongo=("Hình thức nộp",),
    ),
    Item(
        "channels",
        "processing_time",
        "Thời hạn giải quyết",
        "Processing time",
        "Ví dụ 05 ngày làm việc",
        aliases=("Thời gian", "Thời gian giải quyết"),
        document=("Thời hạn giải quyết", "Thời gian giải quyết", "Thời hạn"),
        mongo=("Thời hạn giải quyết",),
    ),
    Item(
        "channels",
        "fees",
        "Phí, lệ phí",
        "Fees",
        "Mỗi khoản một dòng, ví dụ Lệ phí: 50.000 đồng/hồ sơ",
        document=("Phí, lệ phí", "Lệ phí", "Phí"),
        mongo=("Phí, lệ phí",),
    ),
    Item(
        "channels",
        "description",
        "Mô tả",
        "Description",
        "Mô tả thêm về hình thức nộp",
        document=("Mô tả",),
        mongo=("Mô tả",),
    ),
    Item(
        "fees",
        "raw",
        "Nội dung",
        "Text",
        "Khoản phí, lệ phí đúng như văn bản công bố, ví dụ Lệ phí: 50.000 đồng/hồ sơ",
    ),
    Item("fees", "kind", "Loại", "Kind", "phí hoặc lệ phí (để trống thì đọc từ nội dung)"),
    Item("fees", "amount", "Số tiền", "Amount", "Chỉ ghi số, ví dụ 50000 (để trống thì đọc từ nội dung)"),
    Item("fees", "currency", "Đơn vị tiền", "Currency", "VND, USD… (để trống thì đọc từ nội dung)"),
    Item("fees", "per", "Tính trên", "Per", "Đơn vị tính, ví dụ hồ sơ, giấy phép"),
    Item(
        "fees",
        "status",
        "Trạng thái",
        "Status",
        "amount (có số tiền), free (miễn), by_regulation (theo mức do cơ quan có thẩm quyền quy định), "
        "unparsed; để trống thì đọc từ nội dung",
    ),
    Item("fees", "note", "Ghi chú", "Note", "Ghi chú về khoản phí, lệ phí"),
    Item(
        "fees",
        "channel",
        "Cách thức số",
        "Channel number",
        "Thứ tự của cách thức (dòng thứ mấy của thủ tục ở sheet Cách thức thực hiện, từ 1) mà khoản này "
        "thuộc về; để trống: mọi cách thức chưa ghi phí, lệ phí",
        kind="int",
    ),
    Item(
        "documents",
        "code",
        "Mã giấy tờ",
        "Document code",
        "Mã thành phần hồ sơ trên CSDL quốc gia, nếu có",
        aliases=("Mã TPHS", "Mã thành phần hồ sơ"),
    ),
    Item(
        "documents",
        "name",
        "Tên giấy tờ",
        "Document name",
        "Tên giấy tờ như công bố",
        required=True,
        aliases=("Tên thành phần hồ sơ",),
        document=("Tên giấy tờ", "Tên thành phần hồ sơ"),
        mongo=("Tên giấy tờ",),
    ),
    Item(
        "documents",
        "originals",
        "Số bản chính",
        "Originals",
        "Số bản chính phải nộp",
        kind="int",
        aliases=("Bản chính", "Số lượng bản chính"),
    ),
    Item(
        "documents",
        "copies",
        "Số bản sao",
        "Copies",
        "Số bản sao phải nộp",
        kind="int",
        aliases=("Bản sao", "Số lượng bản sao"),
    ),
    Item(
        "documents",
        "copy_kind",
        "Loại bản",
        "Kind of copy",
        "Loại bản được chấp nhận; nhiều loại thì mỗi loại một dòng",
        kind="lines",
        choices=labels.COPY_KINDS,
        open_choices=True,
    ),
    Item(
        "documents",
        "counts",
        "Số lượng",
        "Counts",
        "Số lượng ghi bằng chữ, ví dụ Bản chính: 1 - Bản sao: 0",
        document=("Số lượng", "Số lượng bản"),
        mongo=("Số lượng - bản chính",),
    ),
    Item(
        "documents",
        "form",
        "Mẫu đơn, tờ khai",
        "Form",
        "Tên hoặc đường dẫn mẫu đơn, tờ khai",
        document=("Mẫu đơn, tờ khai", "Mẫu đơn", "Biểu mẫu"),
        mongo=("Mẫu đơn, tờ khai",),
    ),
    Item("documents", "note", "Ghi chú", "Note", "Ghi chú về giấy tờ"),
    Item("documents", "raw", "Nội dung gốc", "Text as published", "Dòng giấy tờ đúng như văn bản công bố"),
    Item(
        "documents",
        "group",
        "Nhóm giấy tờ",
        "Group",
        "Tiêu đề nhóm ghi trên bảng, ví dụ Hồ sơ của người nhận con nuôi:",
    ),
    Item(
        "legal_basis",
        "number",
        "Số ký hiệu",
        "Number",
        "Số, ký hiệu văn bản, ví dụ 123/2015/NĐ-CP",
        document=("Số ký hiệu", "Số hiệu", "Số, ký hiệu"),
    ),
    Item(
        "legal_basis",
        "kind",
        "Loại văn bản",
        "Kind of document",
        "Luật, Nghị định, Thông tư…",
        choices=labels.DOC_KINDS,
    ),
    Item(
        "legal_basis",
        "title",
        "Trích yếu",
        "Title",
        "Tên, trích yếu của văn bản",
        document=("Trích yếu", "Tên văn bản"),
    ),
    Item(
        "legal_basis",
        "issuer",
        "Cơ quan ban hành",
        "Issuing body",
        "Cơ quan ban hành văn bản",
        document=("Cơ quan ban hành",),
    ),
    Item(
        "legal_basis",
        "issued",
        "Ngày ban hành",
        "Date issued",
        "Ngày ký ban hành",
        kind="date",
        document=("Ngày ban hành",),
    ),
    Item("legal_basis", "effective", "Ngày hiệu lực", "Date in force", "Ngày có hiệu lực", kind="date"),
    Item("legal_basis", "article", "Điều, khoản", "Article", "Điều, khoản quy định thủ tục, nếu có"),
    Item("legal_basis", "raw", "Nội dung gốc", "Text as published", "Căn cứ đúng như văn bản công bố"),
    Item("results", "code", "Mã kết quả", "Result code", "Mã kết quả trên CSDL quốc gia, ví dụ KQ.G03.000340"),
    Item(
        "results",
        "name",
        "Tên kết quả",
        "Result",
        "Giấy tờ, quyết định người dân nhận được",
        required=True,
    ),
    Item("results", "validity", "Thời hạn hiệu lực", "Validity", "Thời hạn hiệu lực của kết quả, nếu có"),
    Item("agencies", "name", "Tên cơ quan", "Agency", "Tên cơ quan như công bố", required=True),
    Item(
        "agencies",
        "role",
        "Vai trò",
        "Role",
        "Thực hiện, có thẩm quyền, phối hợp hay được ủy quyền",
        choices=labels.AGENCY_ROLES,
    ),
    Item("volume", "year", "Năm", "Year", "Năm thống kê", kind="int", required=True),
    Item("volume", "dossiers", "Số hồ sơ", "Dossiers", "Tổng số hồ sơ tiếp nhận trong năm", kind="int"),
    Item("volume", "online", "Số hồ sơ trực tuyến", "Online dossiers", "Số hồ sơ nộp trực tuyến trong năm", kind="int"),
    Item("extra", "column", "Tên cột", "Column", "Tên cột trong danh mục gốc", required=True),
    Item("extra", "value", "Giá trị", "Value", "Giá trị của ô (giữ nguyên các dòng)", kind="lines"),
    Item(
        "steps",
        "case",
        "Trường hợp xử lý",
        "Case",
        "Trường hợp áp dụng, nếu trình tự khác nhau theo trường hợp",
        aliases=("Trường hợp", "Tên bước", "Bước"),
    ),
    Item(
        "steps",
        "description",
        "Mô tả chi tiết",
        "Description",
        "Nội dung của bước (các bước), mỗi ý một dòng",
        kind="lines",
        required=True,
        aliases=("Mô tả", "Nội dung", "Mô tả bước", "Nội dung bước", "Trình tự thực hiện"),
    ),
)


def items(of: str) -> tuple[Item, ...]:
    """The items of one child sheet, in the order the workbook writes them."""
    return tuple(i for i in ITEMS if i.of == of)


@dataclass(frozen=True, slots=True)
class PageItem:
    """An item of the portal's page that is no field of a procedure, kept in ``extra`` under its label."""

    key: str  # its name in the flattened page's results (tthc.load.portal.flattened)
    vi: str  # its label on the page and in the per-procedure export; its key in ``extra``
    en: str
    export: str  # its key in the structured export's ``content``


PAGE_ITEMS: tuple[PageItem, ...] = (
    PageItem("keywords", "Từ khóa", "Keywords", "từ_khóa"),
    PageItem("description", "Mô tả", "Description", "mô_tả"),
)
PAGE_ITEM_BY_KEY: dict[str, PageItem] = {i.key: i for i in PAGE_ITEMS}


def text(key: str) -> T:
    """The label of a field (or column) in both languages."""
    found = FIELD_BY_KEY.get(key) or COLUMN_BY_KEY[key]
    return T(found.vi, found.en)


def citizen(key: str) -> str:
    """The label of a field in a citizen's words (the site, the kiosk, the handbook)."""
    return FIELD_BY_KEY[key].plain


def label(key: str) -> str:
    """The Vietnamese label of a field (or column) key; the key itself when unknown."""
    found = FIELD_BY_KEY.get(key) or COLUMN_BY_KEY.get(key)
    return found.vi if found else key


def header_aliases() -> dict[str, tuple[str, ...]]:
    """target -> every header a procedure table may give it (label first)."""
    out: dict[str, tuple[str, ...]] = {}
    for c in COLUMNS:
        if c.table:
            out[c.key] = (c.vi, *c.aliases)
    for f in FIELDS:
        if f.aliases or f.column:
            out[f.key] = (f.vi, *f.aliases)
    return out


def heading_labels() -> tuple[tuple[str, str], ...]:
    """(heading, target) of the per-procedure export "Chi tiết thủ tục hành chính"."""
    return (*((h, f.key) for f in FIELDS for h in f.heading), *((h, c.key) for c in COLUMNS for h in c.heading))


def portal_keys() -> dict[str, str]:
    """Crawled-record key -> field, for the fields read as they are."""
    return {k: f.key for f in FIELDS for k in f.portal}


def export_keys(section: str) -> dict[str, str]:
    """Key of the structured export's ``metadata`` or ``content`` -> field."""
    prefix = section + "."
    return {k[len(prefix) :]: f.key for f in FIELDS for k in f.export if k.startswith(prefix)}
