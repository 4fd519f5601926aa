"""Consistency: codes well formed and unique, no procedure listed twice under two codes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tthc.i18n import T
from tthc.model import AgencyRole, Catalog, Procedure
from tthc.rules.base import Finding, Group, Rule, RuleContext, RuleDoc, Severity
from tthc.text import match_key

# d.dddddd with an optional local suffix (1.012753.H19)
CODE_FORMAT = re.compile(r"^\d\.\d{6}(?:\.[A-Z0-9]{1,10})?$")


def _check_code_format(procedure: Procedure, ctx: RuleContext) -> Iterator[Finding]:
    code = procedure.code
    if code is None or CODE_FORMAT.match(code):
        return
    yield ctx.finding(
        procedure,
        "code",
        T(
            f"mã thủ tục '{code}' không đúng dạng d.dddddd (ví dụ 1.004194 hoặc 1.012753.H19)",
            f"procedure code '{code}' is not of the form d.dddddd (e.g. 1.004194 or 1.012753.H19)",
        ),
        T(
            "sửa mã theo Cơ sở dữ liệu quốc gia về TTHC; nếu mã bị Excel đổi thành số, định dạng cột là Văn bản rồi nhập lại",
            "copy the code from the national database; if Excel turned it into a number, format the column as Text and re-enter it",
        ),
        subject=code,
    )


def _check_duplicate_code(catalog: Catalog, ctx: RuleContext) -> Iterator[Finding]:
    rows: dict[str, list[Procedure]] = {}
    for procedure in catalog.procedures:
        if procedure.code:
            rows.setdefault(procedure.code.strip().upper(), []).append(procedure)
    for code, procedures in rows.items():
        if len(procedures) < 2:
            continue
        # one finding per code, its subject independent of row order (baselines survive re-sorting)
        names = sorted({p.name for p in procedures}, key=match_key)
        repeated = procedures[1]  # the finding points at the first repeat
        where = ", ".join(str(p.source_of("code")) for p in procedures if p.source_of("code"))
        yield ctx.finding(
            repeated,
            "code",
            T(
                f"mã {code} dùng cho {len(procedures)} dòng: "
                + "; ".join(f"'{p.name}'" for p in procedures)
                + (f" ({where})" if where else ""),
                f"code {code} is used on {len(procedures)} rows: "
                + "; ".join(f"'{p.name}'" for p in procedures)
                + (f" ({where})" if where else ""),
            ),
            T(
                "mỗi thủ tục một mã: tra mã đúng trên Cơ sở dữ liệu quốc gia về TTHC, hoặc xóa dòng lặp",
                "one code per procedure: look the right code up in the national database, or delete the repeated row",
            ),
            subject=f"{code}|{'|'.join(names)}",
        )


_LEADING = re.compile(rf"^(?:{re.escape(match_key('thủ tục'))}|tthc)\s*[:\-–]?\s*")


def normalised_name(name: str) -> str:
    """The name as compared for duplicates: match key, without "Thủ tục" and end punctuation."""
    key = match_key(name)
    key = _LEADING.sub("", key)
    return key.strip(" .;:")


def agency_key(procedure: Procedure) -> tuple[str, ...]:
    """The deciding and implementing agencies, compared like names: the same service at
    another agency (customs vs tax, commune vs province chairman) is another procedure."""
    return tuple(sorted({normalised_name(a.name) for a in procedure.agencies if a.role is not AgencyRole.COORDINATING}))


def _check_duplicate_procedure(catalog: Catalog, ctx: RuleContext) -> Iterator[Finding]:
    groups: dict[tuple[str, tuple[str, ...], tuple[str, ...]], list[Procedure]] = {}
    for procedure in catalog.procedures:
        levels = tuple(sorted(level.value for level in procedure.levels))
        agencies = agency_key(procedure)
        if not levels and not agencies:
            continue  # nothing tells at which level or agency it runs: no evidence of a duplicate
        key = (normalised_name(procedure.name), levels, agencies)
        groups.setdefault(key, []).append(procedure)
    for procedures in groups.values():
        codes = sorted({(p.code or "").upper() for p in procedures})
        if len(codes) < 2:
            continue  # same code twice: duplicate-code reports it
        # report on the procedure whose code sorts last, whatever the row order
        target = max(procedures, key=lambda p: (p.code or "").upper())
        others = [p for p in procedures if (p.code or "").upper() != (target.code or "").upper()]
        yield ctx.finding(
            target,
            "name",
            T(
                f"trùng tên, cấp và cơ quan thực hiện với thủ tục {others[0].label} nhưng khác mã ({target.code or 'không có mã'})",
                f"same name, level and agency as {others[0].label} but a different code ({target.code or 'no code'})",
            ),
            T(
                "giữ một thủ tục với mã đúng trên Cơ sở dữ liệu quốc gia; nếu là hai thủ tục khác nhau, đặt tên phân biệt",
                "keep one procedure with the right national code; if they differ, give them distinguishing names",
            ),
            subject=f"{'|'.join(codes)}|{target.name}",
        )


INVALID_CODE_FORMAT = Rule(
    code="TT403",
    name="invalid-code-format",
    group=Group.CONSISTENCY,
    severity=Severity.ERROR,
    summary=T("Mã thủ tục sai định dạng", "Malformed procedure code"),
    doc=RuleDoc(
        what=T(
            "Mã thủ tục không có dạng một chữ số, dấu chấm, sáu chữ số (1.004194), có thể thêm hậu tố địa phương (1.012753.H19).",
            "A procedure code that is not one digit, a dot and six digits (1.004194), optionally with a local suffix (1.012753.H19).",
        ),
        why=T(
            "Mã số là khóa của thủ tục trong Cơ sở dữ liệu quốc gia về TTHC (Nghị định 63/2010/NĐ-CP, Điều 24; Thông tư 02/2017/TT-VPCP). "
            "Mã sai không tra cứu, liên thông hay công khai được. Excel thường làm hỏng mã khi lưu thành số (2.001000 → 2.001).",
            "The code identifies the procedure in the national database (Decree 63/2010/NĐ-CP, Art. 24; Circular 02/2017/TT-VPCP). "
            "A wrong code cannot be looked up, linked or published. Excel often damages codes stored as numbers (2.001000 → 2.001).",
        ),
        example=T(
            "Mã TTHC: 2.001 (Excel đã bỏ các số 0 của 2.001000)", "Code: 2.001 (Excel dropped the zeros of 2.001000)"
        ),
        instead=T(
            "Chép lại mã từ Cơ sở dữ liệu quốc gia; định dạng cột mã là Văn bản (Text).",
            "Copy the code from the national database; format the code column as Text.",
        ),
    ),
    legal_basis=T("Nghị định 63/2010/NĐ-CP, Điều 24", "Decree 63/2010/NĐ-CP, Art. 24"),
    check=_check_code_format,
)

DUPLICATE_CODE = Rule(
    code="TT401",
    name="duplicate-code",
    group=Group.CONSISTENCY,
    severity=Severity.ERROR,
    summary=T("Một mã dùng cho nhiều thủ tục", "One code used by several procedures"),
    doc=RuleDoc(
        what=T(
            "Cùng một mã thủ tục xuất hiện ở hai dòng của một danh mục.",
            "The same procedure code on two rows of one catalog.",
        ),
        why=T(
            "Mỗi thủ tục có một mã duy nhất trong Cơ sở dữ liệu quốc gia (Nghị định 63/2010/NĐ-CP, Điều 24); mã lặp làm sai thống kê, công khai và liên thông.",
            "Each procedure has one unique code in the national database (Decree 63/2010/NĐ-CP, Art. 24); repeated codes corrupt counts, publication and linking.",
        ),
        example=T("Dòng 12 và dòng 30 cùng mã 1.001193.", "Rows 12 and 30 both carry code 1.001193."),
        instead=T(
            "Giữ một dòng cho mỗi mã; tra lại mã đúng của dòng còn lại.",
            "Keep one row per code; look up the right code of the other row.",
        ),
    ),
    legal_basis=T("Nghị định 63/2010/NĐ-CP, Điều 24", "Decree 63/2010/NĐ-CP, Art. 24"),
    check=_check_duplicate_code,
    scope="catalog",
)

DUPLICATE_PROCEDURE = Rule(
    code="TT402",
    name="duplicate-procedure",
    group=Group.CONSISTENCY,
    severity=Severity.WARNING,
    summary=T("Một thủ tục ghi hai lần với hai mã", "One procedure listed twice under two codes"),
    doc=RuleDoc(
        what=T(
            "Hai thủ tục cùng tên (không phân biệt hoa thường, vị trí dấu thanh, chữ 'Thủ tục' đầu tên và dấu câu cuối tên), "
            "cùng cấp thực hiện và cùng cơ quan thực hiện nhưng khác mã. Cùng tên ở cơ quan khác (hải quan và thuế, Chủ "
            "tịch UBND cấp xã và cấp tỉnh) là hai thủ tục; dòng không có cả cấp lẫn cơ quan thì không đủ căn cứ để báo.",
            "Two procedures with the same name (ignoring case, tone-mark placement, a leading 'Thủ tục' and end "
            "punctuation), the same level and the same agency but different codes. The same name at another agency "
            "(customs and tax, the commune and the provincial chairman) is another procedure; rows with neither level "
            "nor agency give no evidence.",
        ),
        why=T(
            "Cùng một thủ tục ở một cấp chỉ có một mã (Nghị định 63/2010/NĐ-CP, Điều 24); hai mã thường là bản công bố cũ chưa bãi bỏ.",
            "A procedure at one level has one code (Decree 63/2010/NĐ-CP, Art. 24); two codes usually mean an old publication was never abolished.",
        ),
        example=T(
            "1.001193 'Thủ tục đăng ký khai sinh' và 2.000528 'Đăng ký khai sinh', cùng cấp xã.",
            "1.001193 'Thủ tục đăng ký khai sinh' and 2.000528 'Đăng ký khai sinh', both commune level.",
        ),
        instead=T(
            "Giữ thủ tục có mã còn hiệu lực; công bố bãi bỏ mã cũ.",
            "Keep the procedure with the current code; publish the abolition of the old one.",
        ),
    ),
    legal_basis=T("Nghị định 63/2010/NĐ-CP, Điều 24", "Decree 63/2010/NĐ-CP, Art. 24"),
    check=_check_duplicate_procedure,
    scope="catalog",
)

RULES = (DUPLICATE_CODE, DUPLICATE_PROCEDURE, INVALID_CODE_FORMAT)
