"""The full workbook layout: one definition shared by the Excel reader and the writer.

`tthc template` and `tthc convert` write this layout; :mod:`tthc.load.excel.workbook`
reads it back. It mirrors the national database's multi-sheet export: one sheet of
procedures ("Thủ tục") and child sheets whose rows belong to a procedure through the
key column "Mã TTHC". The reader also takes that export's own sheets ("TTHC2-CAPXA"
beside "Cách thức thực hiện", "Trình tự thực hiện", "TPHS", "KQTH", "CCPL"): their names and
headers are aliases here, and :data:`READ_ONLY_SHEETS` are sheets it reads but the writer
never writes.

Keys of child rows: the procedure code; for a procedure without a code, "#<row>" where
<row> is the procedure's row number on the "Thủ tục" sheet ("#7" = row 7).

Everything here is plain data. Column ``key`` values are the record keys the builder
(:mod:`tthc.load.build`) reads; ``kind`` says how a cell is read and written:
  text   one value (clean text)
  lines  several values, one per line in the cell
  date   a date (an Excel date cell, or dd/mm/yyyy text)
  int    a whole number
Drop-down columns list ``choices`` as (Vietnamese label, stored value); the reader
accepts either. ``open_choices`` columns suggest values but accept other text (several
values in one cell, or wording the vocabulary parsers understand).
"""

from __future__ import annotations

from dataclasses import dataclass

from tthc import fields, labels

FORMAT_MARKER = "tthc_workbook"
FORMAT_VERSION = 1
PROCEDURE_KEY = "procedure"  # key of the "Mã TTHC" column of every child sheet
ROW_KEY_PREFIX = "#"  # child key of a procedure without a code: "#<row on Thủ tục>"
LISTS_SHEET = "Danh sách chọn"  # the writer's hidden sheet of drop-down lists (no catalog data)


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    header: str  # header text as written by the writer
    note: str  # one-line Vietnamese explanation, for the header cell's note
    kind: str = "text"  # text | lines | date | int
    choices: tuple[tuple[str, str], ...] = ()  # drop-down: (label, stored value)
    open_choices: bool = False  # drop-down values are suggestions only
    required: bool = False
    aliases: tuple[str, ...] = ()  # other header texts the reader accepts


@dataclass(frozen=True, slots=True)
class Sheet:
    key: str  # record field the rows fill ("channels"…), or "procedures" / "catalog"
    name: str  # sheet name as written
    note: str  # what the sheet holds
    columns: tuple[Column, ...]
    aliases: tuple[str, ...] = ()  # other sheet names the reader accepts

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(key)


# -- vocabularies (drop-downs) --------------------------------------------------------

LEVEL_CHOICES = labels.choices(labels.LEVELS)
METHOD_CHOICES = labels.choices(labels.METHODS)
ONLINE_CHOICES = labels.choices(labels.ONLINE_LEVELS)
MECHANISM_CHOICES = labels.choices(labels.MECHANISMS)
COPY_KIND_CHOICES = labels.choices(labels.COPY_KINDS)
AGENCY_ROLE_CHOICES = labels.choices(labels.AGENCY_ROLES)
DOC_KIND_CHOICES = labels.choices(labels.DOC_KINDS)
CATALOG_KIND_CHOICES = labels.choices(labels.CATALOG_KINDS)

# -- sheets ---------------------------------------------------------------------------

_KEY_NOTE = "Mã TTHC của thủ tục ở sheet Thủ tục; thủ tục chưa có mã thì ghi #<số dòng>, ví dụ #7"


def _key_column() -> Column:
    return Column(PROCEDURE_KEY, "Mã TTHC", _KEY_NOTE, required=True, aliases=("Mã số", "Mã thủ tục", "Mã số TTHC"))


# The catalog sheet is a list of (item, value) rows, not a table of procedures.
CATALOG = Sheet(
    "catalog",
    "Danh mục",
    "Thông tin chung của danh mục: tên, cơ quan công bố, quyết định công bố",
    (
        Column("item", "Thông tin", "Tên mục thông tin (không sửa)"),
        Column("value", "Giá trị", "Giá trị của mục"),
        Column("key", "Khóa", "Khóa máy đọc của mục (không sửa)"),
    ),
    aliases=("Thông tin danh mục", "Catalog"),
)
CATALOG_ITEMS: tuple[Column, ...] = (
    Column(FORMAT_MARKER, "Định dạng", "Phiên bản định dạng sổ tthc (không sửa)", kind="int"),
    Column("name", "Tên danh mục", "Tên của danh mục thủ tục hành chính"),
    Column("issuer", "Cơ quan công bố", "Cơ quan ban hành quyết định công bố"),
    Column("locality", "Địa phương", "Tỉnh, thành phố hoặc bộ, ngành của danh mục"),
    Column(
        "kind",
        "Loại danh mục",
        "Công bố đầy đủ, hay danh mục chỉ gồm tên, căn cứ, thời hạn, địa điểm, phí (Điều 13 NĐ 63/2010)",
        choices=CATALOG_KIND_CHOICES,
    ),
    Column("decision_number", "Số quyết định công bố", "Số, ký hiệu quyết định, ví dụ 1234/QĐ-UBND"),
    Column("decision_date", "Ngày quyết định công bố", "Ngày ký quyết định công bố", kind="date"),
    Column("id", "Mã danh mục", "Định danh ổn định (dấu vân tay phát hiện); tthc ghi khi danh mục chưa có tên"),
)


def _procedure_columns() -> tuple[Column, ...]:
    """The "Thủ tục" sheet: a column per field of the vocabulary that has one (tthc.fields), with
    the columns that fill part of a field (decision number and date, yearly counts) in its place."""
    out: list[Column] = []
    for f in sorted(fields.FIELDS, key=lambda f: f.wide):  # long columns last
        if f.column:
            kind = "lines" if fields.LINES in (f.type, f.cell) else "date" if f.type == fields.DATE else "text"
            out.append(
                Column(
                    f.key,
                    f.vi,
                    f.note,
                    kind=kind,
                    choices=labels.choices(f.choices),
                    open_choices=f.open_choices,
                    required=f.required,
                    aliases=f.aliases,
                )
            )
        for c in fields.COLUMNS:
            if (c.after or c.of) == f.key and c.column:
                out.append(Column(c.key, c.vi, c.note, kind=c.cell, aliases=c.aliases))
    return tuple(out)


PROCEDURES = Sheet(
    "procedures",
    "Thủ tục",
    "Mỗi dòng một thủ tục hành chính",
    _procedure_columns(),
    aliases=("Thủ tục hành chính", "Danh sách TTHC", "TTHC", "Procedures"),
)

CHANNELS = Sheet(
    "channels",
    "Cách thức thực hiện",
    "Mỗi dòng một hình thức nộp hồ sơ của một thủ tục",
    (
        _key_column(),
        Column("method", "Hình thức nộp", "Trực tiếp, trực tuyến hoặc dịch vụ bưu chính", choices=METHOD_CHOICES),
        Column(
            "processing_time",
            "Thời hạn giải quyết",
            "Ví dụ 05 ngày làm việc",
            aliases=("Thời gian", "Thời gian giải quyết"),
        ),
        Column("fees", "Phí, lệ phí", "Mỗi khoản một dòng, ví dụ Lệ phí: 50.000 đồng/hồ sơ"),
        Column("description", "Mô tả", "Mô tả thêm về hình thức nộp"),
    ),
    aliases=("Cách thức", "Hình thức nộp", "Channels"),
)

DOCUMENTS = Sheet(
    "documents",
    "Thành phần hồ sơ",
    "Mỗi dòng một giấy tờ trong hồ sơ của một thủ tục",
    (
        _key_column(),
        Column(
            "code",
            "Mã giấy tờ",
            "Mã thành phần hồ sơ trên CSDL quốc gia, nếu có",
            aliases=("Mã TPHS", "Mã thành phần hồ sơ"),
        ),
        Column("name", "Tên giấy tờ", "Tên giấy tờ như công bố", required=True, aliases=("Tên thành phần hồ sơ",)),
        Column(
            "originals",
            "Số bản chính",
            "Số bản chính phải nộp",
            kind="int",
            aliases=("Bản chính", "Số lượng bản chính"),
        ),
        Column("copies", "Số bản sao", "Số bản sao phải nộp", kind="int", aliases=("Bản sao", "Số lượng bản sao")),
        Column(
            "copy_kind",
            "Loại bản",
            "Loại bản được chấp nhận; nhiều loại thì mỗi loại một dòng",
            kind="lines",
            choices=COPY_KIND_CHOICES,
            open_choices=True,
        ),
        Column("counts", "Số lượng", "Số lượng ghi bằng chữ, ví dụ Bản chính: 1 - Bản sao: 0"),
        Column("form", "Mẫu đơn, tờ khai", "Tên hoặc đường dẫn mẫu đơn, tờ khai"),
        Column("note", "Ghi chú", "Ghi chú về giấy tờ"),
        Column("raw", "Nội dung gốc", "Dòng giấy tờ đúng như văn bản công bố"),
        Column("group", "Nhóm giấy tờ", "Tiêu đề nhóm ghi trên bảng, ví dụ Hồ sơ của người nhận con nuôi:"),
    ),
    aliases=("TPHS", "Hồ sơ", "Documents"),
)

LEGAL_BASIS = Sheet(
    "legal_basis",
    "Căn cứ pháp lý",
    "Mỗi dòng một văn bản làm căn cứ pháp lý của một thủ tục",
    (
        _key_column(),
        Column("number", "Số ký hiệu", "Số, ký hiệu văn bản, ví dụ 123/2015/NĐ-CP"),
        Column("kind", "Loại văn bản", "Luật, Nghị định, Thông tư…", choices=DOC_KIND_CHOICES),
        Column("title", "Trích yếu", "Tên, trích yếu của văn bản"),
        Column("issuer", "Cơ quan ban hành", "Cơ quan ban hành văn bản"),
        Column("issued", "Ngày ban hành", "Ngày ký ban hành", kind="date"),
        Column("effective", "Ngày hiệu lực", "Ngày có hiệu lực", kind="date"),
        Column("article", "Điều, khoản", "Điều, khoản quy định thủ tục, nếu có"),
        Column("raw", "Nội dung gốc", "Căn cứ đúng như văn bản công bố"),
    ),
    aliases=("CCPL", "Căn cứ", "Legal basis"),
)

RESULTS = Sheet(
    "results",
    "Kết quả",
    "Mỗi dòng một kết quả thực hiện của một thủ tục",
    (
        _key_column(),
        Column("code", "Mã kết quả", "Mã kết quả trên CSDL quốc gia, ví dụ KQ.G03.000340"),
        Column("name", "Tên kết quả", "Giấy tờ, quyết định người dân nhận được", required=True),
        Column("validity", "Thời hạn hiệu lực", "Thời hạn hiệu lực của kết quả, nếu có"),
    ),
    aliases=("KQTH", "Kết quả thực hiện", "Results"),
)

AGENCIES = Sheet(
    "agencies",
    "Cơ quan",
    "Mỗi dòng một cơ quan tham gia giải quyết một thủ tục",
    (
        _key_column(),
        Column("name", "Tên cơ quan", "Tên cơ quan như công bố", required=True),
        Column("role", "Vai trò", "Thực hiện, có thẩm quyền, phối hợp hay được ủy quyền", choices=AGENCY_ROLE_CHOICES),
    ),
    aliases=("Cơ quan thực hiện", "Agencies"),
)

VOLUME = Sheet(
    "volume",
    "Số lượng hồ sơ",
    "Số hồ sơ tiếp nhận theo từng năm",
    (
        _key_column(),
        Column("year", "Năm", "Năm thống kê", kind="int", required=True),
        Column("dossiers", "Số hồ sơ", "Tổng số hồ sơ tiếp nhận trong năm", kind="int"),
        Column("online", "Số hồ sơ trực tuyến", "Số hồ sơ nộp trực tuyến trong năm", kind="int"),
    ),
    aliases=("Số liệu hồ sơ", "Volume"),
)

EXTRA = Sheet(
    "extra",
    "Thông tin khác",
    "Các cột khác của danh mục gốc, giữ nguyên để không mất dữ liệu",
    (
        _key_column(),
        Column("column", "Tên cột", "Tên cột trong danh mục gốc", required=True),
        Column("value", "Giá trị", "Giá trị của ô (giữ nguyên các dòng)", kind="lines"),
    ),
    aliases=("Extra",),
)

# Fees that one cell cannot hold exactly (several charges the fee reader would join, or an
# amount given apart from the text). The builder reads these rows as structured fees and
# gives them to every channel of the procedure that has no fee of its own (as it does with
# the "Phí, lệ phí" column of the "Thủ tục" sheet). Written by `tthc convert` only when needed.
FEES = Sheet(
    "fees",
    "Phí, lệ phí",
    "Mỗi dòng một khoản phí, lệ phí của một thủ tục: của cách thức ghi ở cột Cách thức số, "
    "hoặc (để trống) của mọi cách thức chưa ghi phí, lệ phí",
    (
        _key_column(),
        Column("raw", "Nội dung", "Khoản phí, lệ phí đúng như văn bản công bố, ví dụ Lệ phí: 50.000 đồng/hồ sơ"),
        Column("kind", "Loại", "phí hoặc lệ phí (để trống thì đọc từ nội dung)"),
        Column("amount", "Số tiền", "Chỉ ghi số, ví dụ 50000 (để trống thì đọc từ nội dung)"),
        Column("currency", "Đơn vị tiền", "VND, USD… (để trống thì đọc từ nội dung)"),
        Column("per", "Tính trên", "Đơn vị tính, ví dụ hồ sơ, giấy phép"),
        Column(
            "status",
            "Trạng thái",
            "amount (có số tiền), free (miễn), by_regulation (theo mức do cơ quan có thẩm quyền quy định), "
            "unparsed; để trống thì đọc từ nội dung",
        ),
        Column("note", "Ghi chú", "Ghi chú về khoản phí, lệ phí"),
        Column(
            "channel",
            "Cách thức số",
            "Thứ tự của cách thức (dòng thứ mấy của thủ tục ở sheet Cách thức thực hiện, từ 1) mà khoản này "
            "thuộc về; để trống: mọi cách thức chưa ghi phí, lệ phí",
            kind="int",
        ),
    ),
    aliases=("Fees",),
)

# The national database's "Trình tự thực hiện" sheet: one row per step, or per case with its
# steps in one cell. The builder reads steps as lines; each row gives its case (if any) and then
# its description's lines, in the order of the sheet. Read only: `tthc convert` writes the steps
# in the "Trình tự thực hiện" column of the "Thủ tục" sheet.
STEPS = Sheet(
    "steps",
    "Trình tự thực hiện",
    "Mỗi dòng một bước, hoặc một trường hợp cùng các bước của nó, của trình tự thực hiện một thủ tục",
    (
        _key_column(),
        Column(
            "case",
            "Trường hợp xử lý",
            "Trường hợp áp dụng, nếu trình tự khác nhau theo trường hợp",
            aliases=("Trường hợp", "Tên bước", "Bước"),
        ),
        Column(
            "description",
            "Mô tả chi tiết",
            "Nội dung của bước (các bước), mỗi ý một dòng",
            kind="lines",
            required=True,
            aliases=("Mô tả", "Nội dung", "Mô tả bước", "Nội dung bước", "Trình tự thực hiện"),
        ),
    ),
    aliases=("Trình tự", "Các bước thực hiện", "Steps"),
)

CHILD_SHEETS: tuple[Sheet, ...] = (CHANNELS, FEES, DOCUMENTS, LEGAL_BASIS, RESULTS, AGENCIES, VOLUME, EXTRA)
READ_ONLY_SHEETS: tuple[Sheet, ...] = (STEPS,)
READ_SHEETS: tuple[Sheet, ...] = (*CHILD_SHEETS, *READ_ONLY_SHEETS)  # every child sheet the reader takes
# Columns of a child sheet that repeat the procedure sheet ("STT", "Tên TTHC" beside "Mã TTHC" in
# the national database's export): recognised, not read (the procedure's own row holds them).
CHILD_REPEATED = {
    "stt": ("STT", "TT", "Số TT"),
    "procedure_name": ("Tên TTHC", "Tên thủ tục", "Tên thủ tục hành chính"),
}
SHEETS: tuple[Sheet, ...] = (CATALOG, PROCEDURES, *CHILD_SHEETS)
