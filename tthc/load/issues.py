"""The catalogue of load-issue types: every ``kind`` a loader may report, registered once.

A loader reports a problem with ``sink.warn(kind, …)`` / ``sink.error(kind, …)`` or
``LoadIssue(kind, …)``. The ``kind`` is a stable id that users and scripts see (``tthc validate
--format json``, the summary line "unparsed-time: 3"): lowercase words joined by hyphens. Each
one is registered here with its severity, a title and a description in both languages;
``docs/load-issues.md`` is generated from this list (``python -m tthc.load.issues >
docs/load-issues.md``) and ``tests/contracts/test_load_issues.py`` fails when the page is stale,
when code reports a kind that is not registered here, or reports it at another severity.

To add a kind: add an ``IssueType`` below (keep the list sorted by id), regenerate the page.
To rename one: give the new id and keep the old spelling in ``aliases`` (``issue_type()`` reads
both), so whatever a user wrote down with the old name still resolves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tthc.i18n import T
from tthc.load.base import IssueSeverity

ERROR, WARNING = IssueSeverity.ERROR, IssueSeverity.WARNING
ID_PATTERN = re.compile(r"[a-z]+(?:-[a-z]+)*")


@dataclass(frozen=True)
class IssueType:
    id: str
    severity: IssueSeverity
    title: T
    description: T
    aliases: tuple[str, ...] = ()  # former spellings, still understood


def unknown_value_kind(field: str) -> str:
    """The kind for a value outside a field's choices: ``legal_basis.kind`` -> ``unknown-legal-basis-kind``."""
    return "unknown-" + re.sub(r"[._]", "-", field)


def _unknown(field: str, what: T, choices: T, old: str | None = None) -> IssueType:
    return IssueType(
        unknown_value_kind(field),
        WARNING,
        T(f"Không hiểu giá trị {what.vi}", f"Unknown {what.en}"),
        T(
            f"Trường `{field}` ghi một giá trị ngoài các giá trị tthc biết ({choices.vi}). Nội dung được giữ "
            "nguyên như danh mục ghi; các quy tắc dựa vào trường này coi như chưa rõ. Sửa thành một giá trị "
            "đã biết nếu đó là lỗi gõ.",
            f"Field `{field}` holds a value outside the ones tthc knows ({choices.en}). The text is kept as "
            "the catalog wrote it; rules that rely on the field treat it as unknown. Change it to a known "
            "value if it is a typing slip.",
        ),
        (old,) if old else (),
    )


ISSUE_TYPES: tuple[IssueType, ...] = (
    IssueType(
        "bad-json",
        ERROR,
        T("JSON không hợp lệ", "Invalid JSON"),
        T(
            "Một tệp .json trong thư mục bản ghi không đọc được (sai cú pháp JSON hoặc không phải UTF-8); vị "
            "trí dòng:cột chỉ chỗ lỗi. Các tệp khác của thư mục vẫn được nạp. Sửa tệp hoặc tải lại nó.",
            "A .json file in a folder of records cannot be read (a JSON syntax error, or not UTF-8); the "
            "line:column points at the error. The folder's other files still load. Fix the file or download "
            "it again.",
        ),
    ),
    IssueType(
        "code-as-number",
        ERROR,
        T("Mã TTHC lưu dạng số", "Procedure code stored as a number"),
        T(
            "Ô Mã TTHC của Excel là một số, không phải văn bản: Excel có thể đã bỏ chữ số 0 ở cuối (1.00012 "
            "thay cho 1.000120) nên mã không còn tin được. Định dạng ô là Văn bản (Text) rồi nhập lại đúng mã.",
            "The Excel procedure-code cell holds a number, not text: Excel may have dropped trailing zeros "
            "(1.00012 for 1.000120), so the code cannot be trusted. Format the cell as Text and type the "
            "code again.",
        ),
    ),
    IssueType(
        "control-character",
        WARNING,
        T("Ký tự điều khiển", "Control characters"),
        T(
            "Văn bản có ký tự điều khiển (BEL, ESC, DEL, C1, U+FFFE…) thường do sao chép từ phần mềm khác; "
            "tthc bỏ chúng khi đọc để không in ra màn hình hay tài liệu. Kiểm tra ô gốc.",
            "The text holds control characters (BEL, ESC, DEL, C1, U+FFFE…), usually pasted from other "
            "software; tthc removes them when reading so they never reach a terminal or a document. Check "
            "the source cell.",
        ),
    ),
    IssueType(
        "duplicate-code",
        WARNING,
        T("Mã TTHC trùng", "Repeated procedure code"),
        T(
            "Hai dòng của sheet thủ tục mang cùng một mã. Cả hai được nạp; các dòng ở sheet con (hồ sơ, căn "
            "cứ, phí…) được gắn vào thủ tục đầu tiên. Sửa mã của dòng sai.",
            "Two rows of the procedure sheet carry the same code. Both load; child-sheet rows (dossier, legal "
            "basis, fees…) go to the first. Correct the wrong row's code.",
        ),
    ),
    IssueType(
        "error-cell",
        WARNING,
        T("Ô lỗi công thức Excel", "Excel formula error cell"),
        T(
            "Ô chứa một lỗi công thức Excel (#REF!, #N/A, #VALUE!…) nên không có giá trị; tthc coi ô như "
            "trống. Sửa công thức hoặc nhập giá trị rồi lưu lại.",
            "The cell holds an Excel formula error (#REF!, #N/A, #VALUE!…), so it has no value; tthc reads "
            "it as empty. Fix the formula or type the value and save again.",
        ),
    ),
    IssueType(
        "glued-time-fee",
        WARNING,
        T("Ô thời gian và ô phí dính liền", "Time and fee cells run together"),
        T(
            "Trên trang chi tiết đã thu thập của Cổng, ô thời hạn và ô phí của một cách thức bị dính thành một "
            "chuỗi; tthc tách chúng theo cách Cổng thường ghi. Đây là suy đoán: đối chiếu với trang của thủ tục.",
            "On a crawled portal detail page the time and fee cells of one channel ran into one string; tthc "
            "splits them the way the portal usually writes them. This is an inference: check the procedure's "
            "page.",
        ),
    ),
    IssueType(
        "ignored-row",
        WARNING,
        T("Dòng bị bỏ qua", "Row skipped"),
        T(
            "Một dòng của bảng thủ tục không phải thủ tục (không có mã, tên) cũng không phải dòng tiêu đề "
            "nhóm (lĩnh vực, cấp); dòng bị bỏ qua. Kiểm tra xem có phải một thủ tục thiếu mã và tên.",
            "A row of the procedure table is neither a procedure (no code, no name) nor a section heading "
            "(field, level); it is skipped. Check whether it is a procedure missing its code and name.",
        ),
    ),
    IssueType(
        "ignored-table",
        WARNING,
        T("Bảng bị bỏ qua", "Table skipped"),
        T(
            "Một bảng trong tệp Word/PDF (sau một mục của tài liệu) không có dòng tiêu đề cột quen thuộc nên "
            "không đọc được là danh mục; bảng bị bỏ qua.",
            "A table of a Word/PDF file (after a heading of the document) has no known column header row, "
            "so it cannot be read as a catalog; it is skipped.",
        ),
    ),
    IssueType(
        "misattributed-record",
        WARNING,
        T("Bản ghi mang nhầm mã", "Record filed under another code"),
        T(
            "Tệp bản ghi đã thu thập mang mã ma_thu_tuc khác với mã ghi trên chính trang ('Mã thủ tục X'): "
            "nội dung là của thủ tục X, được nạp dưới mã X; thủ tục mang mã của tệp thiếu trong bản thu thập. "
            "Tải lại trang của nó.",
            "A crawled record file carries a ma_thu_tuc code other than the one its own page states ('Mã thủ "
            "tục X'): the content is procedure X's and loads under X; the procedure of the file's code is "
            "missing from the crawl. Download its page again.",
        ),
    ),
    IssueType(
        "missing-document-name",
        WARNING,
        T("Giấy tờ không có tên", "Dossier line without a name"),
        T(
            "Một dòng thành phần hồ sơ không có tên giấy tờ (chỉ có số lượng hoặc ghi chú); dòng bị bỏ qua.",
            "A dossier line has no paper name (only counts or a note); it is skipped.",
        ),
    ),
    IssueType(
        "missing-key",
        WARNING,
        T("Dòng sheet con không có Mã TTHC", "Child-sheet row without a code"),
        T(
            "Một dòng ở sheet con của sổ tthc (hồ sơ, căn cứ, phí…) không ghi Mã TTHC nên không gắn được vào "
            "thủ tục nào; dòng bị bỏ qua. Ghi mã của thủ tục vào cột Mã TTHC.",
            "A row of a tthc workbook's child sheet (dossier, legal basis, fees…) has no procedure code, so "
            "it belongs to no procedure; it is skipped. Write the procedure's code in the Mã TTHC column.",
        ),
    ),
    IssueType(
        "missing-name",
        ERROR,
        T("Thủ tục không có tên", "Procedure without a name"),
        T(
            "Một thủ tục không có tên (name / Tên TTHC). Danh mục không hợp lệ cho đến khi thêm tên.",
            "A procedure has no name (name / Tên TTHC). The catalog is invalid until the name is added.",
        ),
    ),
    IssueType(
        "newer-format",
        WARNING,
        T("Định dạng sổ mới hơn", "Newer workbook format"),
        T(
            "Sổ Excel ghi phiên bản định dạng mới hơn phiên bản tthc này đọc được; những cột mới có thể bị "
            "bỏ qua. Cập nhật tthc.",
            "The workbook states a format version newer than this tthc reads; new columns may be ignored. Update tthc.",
        ),
    ),
    IssueType(
        "no-header",
        ERROR,
        T("Sheet không có dòng tiêu đề", "Sheet without a header row"),
        T(
            "Một sheet con của sổ tthc không có dòng tiêu đề cột (cần Mã TTHC và các cột của mẫu); sheet bị "
            "bỏ qua, nên dữ liệu của nó không được nạp. Khôi phục dòng tiêu đề theo mẫu (`tthc template`).",
            "A child sheet of a tthc workbook has no column header row (Mã TTHC and the layout's columns are "
            "expected); the sheet is skipped, so its data does not load. Restore the header row from the "
            "template (`tthc template`).",
        ),
    ),
    IssueType(
        "not-a-number",
        ERROR,
        T("Không phải số", "Not a number"),
        T(
            "Một trường phải là số (số lượng bản, số tiền, số ngày…) lại ghi chữ khác, hoặc ghi số không phân "
            'biệt được ("0.500": nửa hay năm trăm?). Ghi lại số cho rõ.',
            "A field that must be a number (copies, an amount, days…) holds other text, or a number that "
            'cannot be told apart ("0.500": a half or five hundred?). Write the number plainly.',
        ),
    ),
    IssueType(
        "not-a-record",
        WARNING,
        T("Không phải bản ghi thủ tục", "Not a procedure record"),
        T(
            "Một phần tử của tệp JSON không phải bản ghi thủ tục hành chính theo các dạng tthc đọc được (trang "
            "chi tiết của Cổng, bản ghi metadata/content/tables, mảng bản ghi); phần tử bị bỏ qua.",
            "An item of a JSON file is not a procedure record in a shape tthc reads (a portal detail page, a "
            "metadata/content/tables record, an array of records); it is skipped.",
        ),
    ),
    IssueType(
        "orphan-row",
        WARNING,
        T("Dòng sheet con không có thủ tục", "Child-sheet row of no procedure"),
        T(
            "Một dòng ở sheet con mang Mã TTHC không có ở sheet Thủ tục; dòng bị bỏ qua. Sửa mã, hoặc thêm thủ tục.",
            "A child-sheet row carries a procedure code that the procedure sheet does not have; it is "
            "skipped. Correct the code, or add the procedure.",
        ),
    ),
    IssueType(
        "row-without-name",
        WARNING,
        T("Dòng không có mã và tên", "Row without code and name"),
        T(
            "Một dòng của bảng thủ tục có dữ liệu nhưng không có mã và tên thủ tục; dòng bị bỏ qua.",
            "A row of the procedure table has data but neither a procedure code nor a name; it is skipped.",
        ),
    ),
    IssueType(
        "unidentified-legal-ref",
        WARNING,
        T("Không xác định được văn bản căn cứ", "Legal reference without a document number"),
        T(
            "Một dòng căn cứ pháp lý không có số hiệu văn bản nhận ra được (ví dụ 123/2020/NĐ-CP); dòng được "
            "giữ nguyên nhưng các quy tắc về văn bản hết hiệu lực không kiểm tra được nó.",
            "A legal-basis line has no recognisable document number (e.g. 123/2020/NĐ-CP); the line is kept "
            "as written, but the rules on repealed documents cannot check it.",
        ),
    ),
    _unknown(
        "agencies",
        T("vai trò cơ quan", "agency role"),
        T("thực hiện, có thẩm quyền, phối hợp, được ủy quyền", "implementing, competent, coordinating, authorized"),
    ),
    IssueType(
        "unknown-channel",
        WARNING,
        T("Phí gắn với cách thức không có", "Fee of a channel that does not exist"),
        T(
            "Một khoản phí ghi số cách thức (`channel: N`, cột Cách thức số) mà thủ tục không có; khoản phí "
            "được tính cho mọi cách thức. Sửa số cách thức.",
            "A fee names a channel number (`channel: N`, the Cách thức số column) the procedure does not "
            "have; the fee applies to every channel. Correct the channel number.",
        ),
    ),
    IssueType(
        "unknown-column",
        WARNING,
        T("Cột không thuộc mẫu", "Unknown column"),
        T(
            "Một cột của bảng Excel không thuộc danh mục chuẩn hoặc không thuộc sheet theo mẫu: ở bảng thủ tục "
            "nội dung được giữ nguyên trong thông tin khác (extra), ở sheet con cột bị bỏ qua.",
            "A column of the Excel table is not a known catalog column, or not part of the sheet's layout: "
            "on the procedure table its content is kept as is in extra; on a child sheet it is ignored.",
        ),
    ),
    _unknown(
        "copy_kind",
        T("loại bản", "copy kind"),
        T("bản chính, bản sao, bản sao có chứng thực, bản điện tử…", "original, copy, certified copy, electronic…"),
    ),
    _unknown(
        "fees.status",
        T("trạng thái phí", "fee status"),
        T("amount, free, by_regulation, unparsed", "amount, free, by_regulation, unparsed"),
        old="unknown-fees.status",
    ),
    IssueType(
        "unknown-key",
        WARNING,
        T("Khóa không xác định", "Unknown key"),
        T(
            "Một khóa (YAML, JSON) không thuộc định dạng: tùy định dạng, nội dung được giữ trong thông tin khác "
            "(extra) hoặc bị bỏ qua; thông báo gợi ý khóa gần nhất nếu có.",
            "A key (YAML, JSON) is not part of the format: depending on the format its content is kept in "
            "extra or ignored; the message suggests the nearest known key when there is one.",
        ),
    ),
    _unknown(
        "kind", T("loại danh mục", "catalog kind"), T("full, provincial_list, index", "full, provincial_list, index")
    ),
    _unknown(
        "legal_basis.kind",
        T("loại văn bản", "document kind"),
        T("Luật, Nghị định, Thông tư…", "Luật, Nghị định, Thông tư…"),
        old="unknown-legal-basis.kind",
    ),
    _unknown("levels", T("cấp thực hiện", "level"), T("Cấp tỉnh, Cấp xã…", "Cấp tỉnh, Cấp xã…")),
    _unknown("mechanism", T("cơ chế", "mechanism"), T("một cửa, liên thông", "one-stop, interlinked")),
    _unknown(
        "method",
        T("cách thức thực hiện", "channel"),
        T("trực tiếp, trực tuyến, bưu chính", "in person, online, by post"),
    ),
    _unknown(
        "online_service",
        T("mức dịch vụ công trực tuyến", "online service level"),
        T("toàn trình, một phần…", "full, partial…"),
    ),
    _unknown(
        "processing_time.status",
        T("trạng thái thời hạn", "processing-time status"),
        T("fixed, immediate, unspecified, unparsed", "fixed, immediate, unspecified, unparsed"),
        old="unknown-processing-time.status",
    ),
    IssueType(
        "unparsed-date",
        WARNING,
        T("Không đọc được ngày", "Unreadable date"),
        T(
            "Một ngày (ngày ban hành, hiệu lực…) không đọc được; văn bản gốc được giữ, ngày coi như chưa rõ.",
            "A date (issued, in force from…) cannot be read; the text is kept and the date counts as unknown.",
        ),
    ),
    IssueType(
        "unparsed-fee",
        WARNING,
        T("Không đọc được phí, lệ phí", "Unreadable fee"),
        T(
            "Nội dung phí, lệ phí không đọc được thành số tiền, miễn phí hay theo quy định (ví dụ vừa ghi miễn "
            "phí vừa nêu số tiền); văn bản gốc được giữ, số tiền coi như chưa rõ.",
            "The fee text cannot be read as an amount, free or set by regulation (e.g. it says free and states "
            "amounts); the text is kept and the amount counts as unknown.",
        ),
    ),
    IssueType(
        "unparsed-time",
        WARNING,
        T("Không đọc được thời hạn giải quyết", "Unreadable processing time"),
        T(
            "Thời hạn giải quyết không đọc được thành một khoảng thời gian; văn bản gốc được giữ, thời hạn coi "
            "như chưa rõ (các quy tắc và chi phí về thời gian bỏ qua cách thức này).",
            "The processing time cannot be read as a duration; the text is kept and the time counts as "
            "unknown (the time rules and the cost leave this channel out).",
        ),
    ),
    IssueType(
        "unused-sheet",
        WARNING,
        T("Sheet không được đọc", "Sheet not read"),
        T(
            "Một sheet có dữ liệu nhưng không phải danh sách thủ tục được đọc, cũng không phải sheet con theo "
            "mẫu (cột Mã TTHC cùng các cột của Cách thức thực hiện, Trình tự thực hiện, TPHS, KQTH, CCPL…); dữ "
            "liệu trong đó bị bỏ qua. Nếu đó là một danh mục khác, lưu nó thành tệp riêng; nếu là sheet con, "
            "sửa tên cột theo mẫu (`tthc template`).",
            "A sheet holds data but is neither the procedure list that was read nor a child sheet of the "
            "layout (a Mã TTHC column with the columns of Cách thức thực hiện, Trình tự thực hiện, TPHS, KQTH, "
            "CCPL…); its data is ignored. If it is another catalog, save it as a file of its own; if it is a "
            "child sheet, name its columns as the layout does (`tthc template`).",
        ),
    ),
    IssueType(
        "wrong-type",
        ERROR,
        T("Sai kiểu giá trị", "Wrong kind of value"),
        T(
            "Một giá trị không đúng dạng: ví dụ một danh sách ở chỗ cần văn bản, hoặc một thủ tục không phải "
            "bảng khóa–giá trị. Danh mục không hợp lệ cho đến khi sửa.",
            "A value has the wrong shape: e.g. a list where text is expected, or a procedure that is not a "
            "mapping. The catalog is invalid until it is fixed.",
        ),
    ),
)

_BY_NAME: dict[str, IssueType] = {t.id: t for t in ISSUE_TYPES} | {a: t for t in ISSUE_TYPES for a in t.aliases}


def issue_type(kind: str) -> IssueType | None:
    """The registered type of a kind, by its id or a former spelling."""
    return _BY_NAME.get(kind.strip().lower())


def markdown() -> str:
    """docs/load-issues.md: the catalogue, in both languages."""
    out = [
        "# Load issues — lỗi và cảnh báo khi đọc danh mục",
        "",
        "<!-- generated: python -m tthc.load.issues > docs/load-issues.md (do not edit by hand) -->",
        "",
        "`tthc validate` (and every command that loads catalogs) reports what it could not read as "
        "*load issues*, each with a stable `kind`. An **error** makes the catalog invalid (exit 2); a "
        "**warning** keeps the text as the catalog wrote it. / Mỗi vấn đề khi đọc có một mã `kind` cố định. "
        "**Lỗi** làm danh mục không hợp lệ (mã thoát 2); **cảnh báo** giữ nguyên văn bản như danh mục ghi.",
        "",
        "| kind | severity | title | tiêu đề |",
        "|---|---|---|---|",
    ]
    out += [f"| [`{t.id}`](#{t.id}) | {t.severity.value} | {t.title.en} | {t.title.vi} |" for t in ISSUE_TYPES]
    for t in ISSUE_TYPES:
        out += ["", f"## {t.id}", "", f"**{t.severity.value}** — {t.title.en} / {t.title.vi}", ""]
        out += [t.description.en, "", t.description.vi]
        if t.aliases:
            out += [
                "",
                "Former spelling, still understood / Cách viết cũ, vẫn hiểu: " + ", ".join(f"`{a}`" for a in t.aliases),
            ]
    return "\n".join(out) + "\n"


if __name__ == "__main__":  # pragma: no cover - writes the docs page
    import sys

    sys.stdout.write(markdown())
