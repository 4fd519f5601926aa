"""Checking a local catalog against a reference catalog (DOMAIN §3b): the national database's
current records, a ministry's portal export, a folder of portal records, or any catalog tthc reads.

`tthc check LOCAL --reference REF…` builds one :class:`Reference` from the REF catalogs; each
local procedure is matched by code, then (when it has no code) by its normalised name.

- ``differs-from-reference``: same procedure, different name, legal-basis numbers, processing
  time or fee: one finding per field, both values and the reference's date.
- ``not-in-reference`` (info): a code the reference does not hold. "Not found" is never
  "abolished", unless the reference itself says the procedure was abolished.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from tthc.i18n import T
from tthc.model import Catalog, FeeStatus, Procedure
from tthc.rules.base import Finding, Group, Payload, Rule, RuleContext, RuleDoc, Severity
from tthc.text import doc_number_key, match_key


@dataclass
class Reference:
    """The reference catalogs, indexed by code and by normalised name."""

    catalogs: list[Catalog]
    date: dt.date | None = None  # the day the reference was taken (--reference-date), if known
    by_code: dict[str, tuple[Procedure, Catalog]] = field(default_factory=dict)
    by_name: dict[str, list[tuple[Procedure, Catalog]]] = field(default_factory=dict)

    @classmethod
    def build(cls, catalogs: Sequence[Catalog], date: dt.date | None = None) -> Reference:
        ref = cls(list(catalogs), date)
        for catalog in catalogs:
            for procedure in catalog.procedures:
                if procedure.code:
                    ref.by_code.setdefault(code_key(procedure.code), (procedure, catalog))
                ref.by_name.setdefault(name_key(procedure.name), []).append((procedure, catalog))
        return ref

    def match(self, procedure: Procedure) -> tuple[Procedure, Catalog] | None:
        """The reference record of a local procedure: by code, else by name if it has no code."""
        if procedure.code:
            return self.by_code.get(code_key(procedure.code))
        found = self.by_name.get(name_key(procedure.name)) or []
        return found[0] if len(found) == 1 else None

    def label(self, catalog: Catalog) -> str:
        """How a finding names the reference and its date."""
        name = catalog.name or catalog.source_file or T("danh mục tham chiếu", "the reference catalog")
        day = self.date or (catalog.decision.date if catalog.decision else None)
        when = day.strftime("%d/%m/%Y") if day else T("không ghi ngày", "date not given")
        return f"{name} ({when})"


def code_key(code: str) -> str:
    return re.sub(r"\s+", "", code).upper()


_PREFIX = match_key("thủ tục") + " "
_ABOLISHED = (match_key("bãi bỏ"), match_key("đã hủy bỏ"))


def name_key(name: str) -> str:
    """Names that differ only by a leading "Thủ tục ", a trailing ".", case, spaces or NFC/NFD
    are the same name (the portal's own exports write both)."""
    key = match_key(name).strip()
    if key.startswith(_PREFIX):
        key = key[len(_PREFIX) :]
    return key.strip().rstrip(" .;:,")


def _abolished(procedure: Procedure) -> bool:
    """Whether a reference record itself says the procedure was abolished."""
    texts = [procedure.kind or "", procedure.notes or "", *procedure.extra.values()]
    keys = [match_key(t) for t in texts if isinstance(t, str)]
    return any(word in key for key in keys for word in _ABOLISHED)


def _numbers(procedure: Procedure) -> dict[str, str]:
    return {doc_number_key(r.number): r.number for r in procedure.legal_basis if r.number}


def _times(procedure: Procedure) -> tuple[set[tuple], list[str]]:
    """The processing times (number, unit family) of a procedure, and the cells as written.

    Days and working days are one family: the portal writes "20 Ngày" in the time column and
    "20 ngày làm việc" in the description of the same record. A bare number ("5", the crawl lost
    the unit) has no family and matches any; "ngay trong ngày" is (1, "day")."""
    values, raws = set(), []
    for channel in procedure.channels:
        d = channel.processing_time
        if d is None or not d.is_known:
            continue
        value: tuple[float, str | None]
        if d.status.value == "immediate":
            value = (1.0, "day")
        elif d.months:
            value = (float(d.months), "month")
        elif d.hours and not (d.working_days or d.days):
            value = (float(d.hours), "hour")
        else:
            number = d.working_days if d.working_days is not None else d.days
            if number is None:
                continue
            value = (float(number), None if re.fullmatch(r"\s*\d+(?:[.,]\d+)?\s*", d.raw) else "day")
        values.add(value)
        if d.raw not in raws:
            raws.append(d.raw)
    return values, raws


def _same_times(a: set[tuple], b: set[tuple]) -> bool:
    def fits(x: tuple, y: tuple) -> bool:
        return x[0] == y[0] and (x[1] is None or y[1] is None or x[1] == y[1])

    return all(any(fits(x, y) for y in b) for x in a) and all(any(fits(y, x) for x in a) for y in b)


def _fees(procedure: Procedure) -> tuple[set[tuple], list[str]]:
    """The amounts a procedure charges ("Miễn phí" is 0), and the cells as written."""
    values, raws = set(), []
    for channel in procedure.channels:
        for fee in channel.fees:
            if fee.status is FeeStatus.FREE:
                values.add((Decimal(0), "VND"))
            elif fee.status is FeeStatus.AMOUNT and fee.amount is not None:
                values.add((fee.amount, fee.currency or "VND"))
            else:
                continue
            if fee.raw not in raws:
                raws.append(fee.raw)
    return values, raws


def _quote(texts: list[str]) -> str:
    return "; ".join(f"'{t}'" for t in texts) or "—"


def _check_differs(procedure: Procedure, ctx: RuleContext) -> Iterator[Finding]:
    reference: Reference | None = ctx.reference
    if reference is None:
        return
    matched = reference.match(procedure)
    if matched is None:
        return
    other, catalog = matched
    where = reference.label(catalog)
    if _abolished(other):
        return  # not-in-reference says it
    if name_key(other.name) != name_key(procedure.name):
        yield _finding(
            ctx,
            procedure,
            "name",
            T(f"tên khác với tham chiếu {where}", f"the name differs from the reference {where}"),
            procedure.name,
            other.name,
        )
    mine, theirs = _numbers(procedure), _numbers(other)
    if mine and theirs and set(mine) != set(theirs):
        lacking = [theirs[k] for k in theirs if k not in mine]
        extra = [mine[k] for k in mine if k not in theirs]
        detail_vi = "; ".join(
            p
            for p in (
                f"tham chiếu có mà danh mục không có: {', '.join(lacking)}" if lacking else "",
                f"danh mục có mà tham chiếu không có: {', '.join(extra)}" if extra else "",
            )
            if p
        )
        detail_en = "; ".join(
            p
            for p in (
                f"in the reference only: {', '.join(lacking)}" if lacking else "",
                f"in the catalog only: {', '.join(extra)}" if extra else "",
            )
            if p
        )
        yield _finding(
            ctx,
            procedure,
            "legal_basis",
            T(
                f"căn cứ pháp lý khác với tham chiếu {where} ({detail_vi})",
                f"the legal basis differs from the reference {where} ({detail_en})",
            ),
            ", ".join(mine.values()),
            ", ".join(theirs.values()),
        )
    (my_times, my_raw), (their_times, their_raw) = _times(procedure), _times(other)
    if my_times and their_times and not _same_times(my_times, their_times):
        yield _finding(
            ctx,
            procedure,
            "processing_time",
            T(
                f"thời hạn giải quyết khác với tham chiếu {where}",
                f"the processing time differs from the reference {where}",
            ),
            _quote(my_raw),
            _quote(their_raw),
        )
    (my_fees, my_fee_raw), (their_fees, their_fee_raw) = _fees(procedure), _fees(other)
    if my_fees and their_fees and not my_fees & their_fees:  # no amount in common
        yield _finding(
            ctx,
            procedure,
            "fees",
            T(f"phí, lệ phí khác với tham chiếu {where}", f"the fee differs from the reference {where}"),
            _quote(my_fee_raw),
            _quote(their_fee_raw),
        )


def _finding(ctx: RuleContext, procedure: Procedure, field_name: str, what: T, mine: str, theirs: str) -> Finding:
    message = what + T(
        f": danh mục ghi {mine}; tham chiếu ghi {theirs}", f": the catalog says {mine}; the reference says {theirs}"
    )
    return ctx.finding(
        procedure,
        field_name,
        message,
        T(
            "đối chiếu với bản ghi hiện hành trên Cơ sở dữ liệu quốc gia về thủ tục hành chính và công bố lại nội dung này",
            "check against the current record in the national database and publish the corrected element",
        ),
        subject=field_name,
        data={"catalog_value": mine, "reference_value": theirs},
        payload=Payload(words=mine, replacement=theirs),
    )


def _check_missing(catalog: Catalog, ctx: RuleContext) -> Iterator[Finding]:
    reference: Reference | None = ctx.reference
    if reference is None:
        return
    names = ", ".join(reference.label(c) for c in reference.catalogs) or "—"
    for procedure in catalog.procedures:
        matched = reference.match(procedure)
        if matched is not None and _abolished(matched[0]):
            _other, ref_catalog = matched
            yield ctx.finding(
                procedure,
                "code",
                T(
                    f"tham chiếu {reference.label(ref_catalog)} ghi thủ tục này đã bị bãi bỏ",
                    f"the reference {reference.label(ref_catalog)} says this procedure was abolished",
                ),
                T(
                    "xác minh quyết định bãi bỏ và công bố bãi bỏ thủ tục khỏi danh mục",
                    "check the abolishing decision and publish the procedure's removal from the catalog",
                ),
                subject="abolished",
                data={"abolished": True},
            )
            continue
        if matched is not None or not procedure.code:
            continue
        yield ctx.finding(
            procedure,
            "code",
            T(
                f"mã {procedure.code} không có trong tham chiếu {names}: không tìm thấy, không có nghĩa là đã bị bãi bỏ",
                f"code {procedure.code} is not in the reference {names}: not found, which does not mean abolished",
            ),
            T(
                "tra mã trên Cơ sở dữ liệu quốc gia về thủ tục hành chính (tham chiếu có thể chỉ là một phần)",
                "look the code up in the national database (the reference may be partial)",
            ),
            subject="not-found",
            data={"found": False},
        )


DIFFERS_FROM_REFERENCE = Rule(
    code="TT404",
    name="differs-from-reference",
    group=Group.CONSISTENCY,
    severity=Severity.WARNING,
    summary=T("Khác với danh mục tham chiếu", "Differs from the reference catalog"),
    doc=RuleDoc(
        what=T(
            "Chỉ chạy khi có --reference. Cùng một thủ tục (cùng mã; nếu không có mã thì cùng tên đã chuẩn hóa) mà tên, "
            "số hiệu các văn bản căn cứ pháp lý, thời hạn giải quyết hoặc phí, lệ phí khác với danh mục tham chiếu: mỗi "
            "yếu tố một phát hiện, nêu cả hai giá trị và ngày của tham chiếu.",
            "Runs only with --reference. The same procedure (same code; without a code, the same normalised name) whose "
            "name, legal-basis numbers, processing time or fee differ from the reference catalog: one finding per "
            "element, with both values and the reference's date.",
        ),
        why=T(
            "Cơ sở dữ liệu quốc gia về thủ tục hành chính giữ bản ghi hiện hành của mỗi thủ tục; bộ công bố, tỉnh công bố "
            "danh mục của mình theo đó (Nghị định 63/2010/NĐ-CP, Điều 13, 15, 24). Danh mục địa phương lạc hậu ở chỗ nó "
            "khác bản ghi hiện hành cùng mã.",
            "The national database holds the current record of every procedure; ministries publish and provinces then "
            "publish their lists (Decree 63/2010/NĐ-CP, Art. 13, 15, 24). A local catalog is stale wherever it differs "
            "from the current record of the same code.",
        ),
        example=T(
            "Danh mục huyện ghi 'Đăng ký khai sinh' thời hạn 05 ngày làm việc, bản ghi của Bộ Tư pháp ghi 'Ngay trong ngày'.",
            "A district catalog gives 'Đăng ký khai sinh' 5 working days; the Ministry of Justice's record says the same day.",
        ),
        instead=T(
            "Đối chiếu với bản ghi hiện hành và công bố lại yếu tố khác biệt.",
            "Check against the current record and publish the corrected element.",
        ),
    ),
    legal_basis=T("Nghị định 63/2010/NĐ-CP, Điều 13, 15, 24", "Decree 63/2010/NĐ-CP, Art. 13, 15, 24"),
    check=_check_differs,
)

NOT_IN_REFERENCE = Rule(
    code="TT405",
    name="not-in-reference",
    group=Group.CONSISTENCY,
    severity=Severity.INFO,
    summary=T("Mã không có trong danh mục tham chiếu", "Code not in the reference catalog"),
    doc=RuleDoc(
        what=T(
            "Chỉ chạy khi có --reference. Thủ tục có mã mà danh mục tham chiếu không có: chỉ là 'không tìm thấy', vì tham "
            "chiếu có thể chỉ là một phần; chỉ nói 'đã bãi bỏ' khi chính tham chiếu ghi thủ tục đã bị bãi bỏ.",
            "Runs only with --reference. A procedure whose code the reference does not hold: only 'not found', since a "
            "reference may be partial; 'abolished' only when the reference itself says the procedure was abolished.",
        ),
        why=T(
            "Thủ tục bị bãi bỏ trên Cơ sở dữ liệu quốc gia mà địa phương vẫn niêm yết là danh mục lạc hậu (Nghị định "
            "63/2010/NĐ-CP, Điều 13, 15); nhưng một mã vắng mặt trong bản trích một phần không chứng minh điều đó.",
            "A procedure abolished in the national database but still listed locally is stale (Decree 63/2010/NĐ-CP, "
            "Art. 13, 15); a code absent from a partial extract proves nothing of the kind.",
        ),
        example=T(
            "Mã 2.000000 của danh mục huyện không có trong danh mục thủ tục của Bộ Tư pháp.",
            "Code 2.000000 of a district catalog is not in the Ministry of Justice's list.",
        ),
        instead=T(
            "Tra mã trên Cơ sở dữ liệu quốc gia; nếu thủ tục đã bị bãi bỏ, công bố bãi bỏ khỏi danh mục.",
            "Look the code up in the national database; if the procedure was abolished, publish its removal.",
        ),
    ),
    legal_basis=T("Nghị định 63/2010/NĐ-CP, Điều 13, 15", "Decree 63/2010/NĐ-CP, Art. 13, 15"),
    check=_check_missing,
    scope="catalog",
)

RULES = (DIFFERS_FROM_REFERENCE, NOT_IN_REFERENCE)
