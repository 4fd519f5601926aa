"""Compliance cost (chi phí tuân thủ) of a procedure, before and after the proposals.

Two modes (DOMAIN.md §5):

- ``practice`` (default), exactly as provinces compute it in their 2025 plans (Đồng Nai
  QĐ 2816/QĐ-UBND): hours = working days × hours per day; cost per year = hours × hourly
  income × dossiers per year. It counts the agency's processing time as the citizen's.
- ``scm``, the Standard Cost Model: the applicant's own hours per activity (reading up,
  gathering papers, certification, forms, travel, waiting, collecting) × hourly tariff,
  plus out-of-pocket costs and fees, × dossiers per year.

Every input comes from the catalog (``procedure.volume``), the config (``cost:`` and
``hourly-rate:`` in tthc.yaml), command options, or the knowledge base
(``targets.yaml``: hourly_income, hours_per_working_day, scm_hours). None is a constant
here. A procedure whose volume (or, in practice mode, processing time) is unknown has an
unknown cost — never 0. Amounts are Decimal, rounded to the đồng only at the end.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from tthc.errors import TthcError
from tthc.i18n import Lang, T, Text, text
from tthc.model import CopyKind, DocumentRequirement, FeeStatus, Procedure
from tthc.rules.base import Effect
from tthc.suggest import did_you_mean
from tthc.text import match_key

if TYPE_CHECKING:
    from tthc.knowledge import Targets
    from tthc.rules.base import Finding

MODES = ("practice", "scm")

# SCM activities (ids as in targets.yaml scm_hours) and their Vietnamese labels. The hours
# per activity for one dossier come from the data, never from here.
ACTIVITIES: dict[str, str] = {
    "reading_up": "Tìm hiểu thủ tục",
    "gathering_papers": "Chuẩn bị, thu thập giấy tờ",
    "copies_certification": "Sao chụp, chứng thực",
    "filling_forms": "Điền tờ khai, mẫu đơn",
    "travel": "Đi lại",
    "waiting": "Chờ đợi",
    "collecting_result": "Nhận kết quả",
}
PAPER_ACTIVITY = "gathering_papers"  # shared equally by the papers of the dossier
COPY_ACTIVITY = "copies_certification"  # shared equally by the papers submitted as copies

# What an accepted proposal does to the applicant's activities (scm mode) follows from the
# finding's effect and payload (tthc.rules.base.Effect, Payload), whatever the rule:
#   a dossier paper dropped (Effect.DROP_PAPER, or Payload.removes_part): its share of
#     gathering and of copying goes
#   a certified copy no longer needed (Effect.UNCERTIFY): the paper's share of copying goes
#   filing fully online (Effect.ONLINE): travel and waiting go
# Abolition (Effect.ABOLISH) and processing time (Payload.days_before / days_after) change
# the cost in both modes.
ONLINE_DROPS = ("travel", "waiting")

_CONFIG_KEYS = ("mode", "hourly-rate", "hours-per-day", "scm-hours", "out-of-pocket", "usd-rate")


class CostError(TthcError, ValueError):
    """A missing or invalid cost input: the CLI turns it into one line and exit 2."""


@dataclass(frozen=True)
class CostSettings:
    mode: str
    hourly_rate: Decimal
    hours_per_day: Decimal | None  # practice mode
    scm_hours: Mapping[str, Decimal] = field(default_factory=dict)  # activity -> hours per dossier
    out_of_pocket: Mapping[str, Decimal] = field(default_factory=dict)  # activity -> đồng per dossier
    usd_rate: Decimal | None = None  # đồng per USD; None: USD fees are left out (and noted)
    sources: Mapping[str, Text] = field(default_factory=dict)  # input -> where it came from (knowledge: its citation)

    def method_note(self) -> str:
        """How the cost was computed, in Vietnamese, for the documents."""
        rate = f"{format_vnd(self.hourly_rate)} đồng/giờ ({text(self.sources.get('hourly_rate'), 'vi')})"
        if self.mode == "practice":
            return (
                f"Chi phí tuân thủ được tính theo cách các địa phương áp dụng: số giờ = số ngày làm việc × "
                f"{format_number(self.hours_per_day)} giờ; chi phí/năm = số giờ × thu nhập bình quân {rate} × "
                "số hồ sơ/năm. Thủ tục chưa có số liệu hồ sơ hoặc thời hạn giải quyết ghi “chưa rõ”."
            )
        hours = ", ".join(
            f"{ACTIVITIES[a].lower()} {format_number(h)} giờ" for a, h in self.scm_hours.items() if a in ACTIVITIES
        )
        return (
            "Chi phí tuân thủ được tính theo Mô hình chi phí chuẩn (SCM): thời gian của người nộp hồ sơ cho từng "
            f"hoạt động ({hours}; giả định, có thể sửa) × {rate} + chi phí trực tiếp và phí, lệ phí (VNĐ) × "
            "số hồ sơ/năm. Thủ tục chưa có số liệu hồ sơ ghi “chưa rõ”."
        )


def resolve_settings(
    config_cost: Mapping[str, Any] | None,
    targets: Targets | None,
    *,
    mode: str | None = None,
    hourly_rate: str | Decimal | None = None,
    config_name: str = "tthc.yaml",
) -> CostSettings:
    """The cost inputs: options over config over the knowledge base. CostError if one is missing."""
    cfg = dict(config_cost or {})
    for key in cfg:
        if key not in _CONFIG_KEYS:
            raise CostError(
                T(f"{config_name}: khóa 'cost.{key}' không xác định", f"{config_name}: unknown key 'cost.{key}'")
                + did_you_mean(str(key), _CONFIG_KEYS)
            )
    sources: dict[str, Text] = {}
    chosen_mode = mode or cfg.get("mode") or "practice"
    if chosen_mode not in MODES:
        raise CostError(
            T(
                f"chế độ tính chi phí '{chosen_mode}': dùng practice hoặc scm",
                f"cost mode '{chosen_mode}': use practice or scm",
            )
        )

    def pick(name: str, option: Any, key: str, target_value: Decimal | None, target_id: str) -> Decimal | None:
        if option is not None:
            sources[name] = f"--{key}"
            return _positive(option, f"--{key}")
        if cfg.get(key) is not None:
            sources[name] = f"{config_name}: cost.{key}"
            return _positive(cfg[key], f"{config_name}: cost.{key}")
        if target_value is not None:
            sources[name] = _target_source(targets, target_id)
            return target_value
        return None

    rate = pick("hourly_rate", hourly_rate, "hourly-rate", targets.hourly_income if targets else None, "hourly_income")
    per_day = pick(
        "hours_per_day",
        None,
        "hours-per-day",
        targets.hours_per_working_day if targets else None,
        "hours_per_working_day",
    )
    hours = {a: Decimal(h) for a, h in (targets.scm_hours if targets else {}).items()}
    if hours:
        sources["scm_hours"] = _target_source(targets, "scm_hours")
    if cfg.get("scm-hours") is not None:
        own = _amounts(cfg["scm-hours"], f"{config_name}: cost.scm-hours", allow_zero=True)
        _check_activities(own, f"{config_name}: cost.scm-hours")
        hours.update(own)
        sources["scm_hours"] = f"{config_name}: cost.scm-hours"
    pocket = _amounts(cfg.get("out-of-pocket") or {}, f"{config_name}: cost.out-of-pocket", allow_zero=True)
    _check_activities(pocket, f"{config_name}: cost.out-of-pocket")
    usd = _positive(cfg["usd-rate"], f"{config_name}: cost.usd-rate") if cfg.get("usd-rate") is not None else None
    if rate is None:
        raise CostError(
            T(
                "chưa có thu nhập bình quân theo giờ: dùng --hourly-rate, 'hourly-rate:' trong tthc.yaml "
                "hoặc mục hourly_income trong tri thức (targets.yaml)",
                "no hourly income: use --hourly-rate, 'hourly-rate:' in tthc.yaml "
                "or the hourly_income entry of the knowledge base (targets.yaml)",
            )
        )
    if chosen_mode == "practice" and per_day is None:
        raise CostError(
            T(
                "chưa có số giờ của một ngày làm việc: đặt cost.hours-per-day trong tthc.yaml "
                "hoặc mục hours_per_working_day trong tri thức",
                "no hours per working day: set cost.hours-per-day in tthc.yaml "
                "or the hours_per_working_day entry of the knowledge base",
            )
        )
    if chosen_mode == "scm":
        _check_activities(hours, "scm_hours")
        if not hours:
            raise CostError(
                T(
                    "chưa có bảng giờ theo hoạt động (SCM): đặt cost.scm-hours trong tthc.yaml "
                    "hoặc mục scm_hours trong tri thức",
                    "no SCM time table: set cost.scm-hours in tthc.yaml or the scm_hours entry of the knowledge base",
                )
            )
    return CostSettings(chosen_mode, rate, per_day, hours, pocket, usd, sources)


def _target_source(targets: Targets | None, target_id: str) -> Text:
    target = targets.get(target_id) if targets else None
    return target.source if target and target.source else "targets.yaml"


def _positive(value: Any, where: str) -> Decimal:
    amount = _decimal(value, where)
    if amount <= 0:
        raise CostError(
            T(f"{where}: cần một số dương, gặp '{value}'", f"{where}: expected a positive number, got '{value}'")
        )
    return amount


def _decimal(value: Any, where: str) -> Decimal:
    if isinstance(value, bool):
        raise CostError(T(f"{where}: cần một số, gặp '{value}'", f"{where}: expected a number, got '{value}'"))
    if isinstance(value, Decimal | int):
        amount = Decimal(value)
    else:  # the one Vietnamese rule of the config and the catalogs: "40.000" is forty thousand
        from tthc.text import NumberError, read_number

        try:
            amount = read_number(str(value))
        except NumberError as exc:
            raise CostError(T(f"{where}: '{value}': {exc.vi}", f"{where}: '{value}': {exc.en}")) from None
    if not amount.is_finite():
        raise CostError(T(f"{where}: cần một số, gặp '{value}'", f"{where}: expected a number, got '{value}'"))
    return amount


def _amounts(value: Any, where: str, *, allow_zero: bool) -> dict[str, Decimal]:
    if not isinstance(value, Mapping):
        raise CostError(T(f"{where}: cần bảng 'hoạt động: số'", f"{where}: expected a mapping 'activity: number'"))
    out = {}
    for key, raw in value.items():
        amount = _decimal(raw, f"{where}.{key}")
        if amount < 0 or (amount == 0 and not allow_zero):
            raise CostError(T(f"{where}.{key}: số âm '{raw}'", f"{where}.{key}: negative number '{raw}'"))
        out[str(key)] = amount
    return out


def _check_activities(table: Mapping[str, Decimal], where: str) -> None:
    for key in table:
        if key not in ACTIVITIES:
            raise CostError(
                T(f"{where}: hoạt động '{key}' không xác định", f"{where}: unknown activity '{key}'")
                + did_you_mean(key, ACTIVITIES)
                + T(f" (các hoạt động: {', '.join(ACTIVITIES)})", f" (activities: {', '.join(ACTIVITIES)})")
            )


# -- what the proposals change ------------------------------------------------------


@dataclass
class Change:
    """The combined effect of the proposals on one procedure."""

    abolish: bool = False
    days_before: Decimal | None = None
    days_after: Decimal | None = None
    online: bool = False
    drop_papers: list[DocumentRequirement] = field(default_factory=list)
    uncertify: list[DocumentRequirement] = field(default_factory=list)


def change_of(findings: Iterable[Finding]) -> Change:
    change = Change()
    for f in findings:
        payload = f.payload
        if f.effect is Effect.ABOLISH:
            change.abolish = True
        if payload.days_before is not None:
            change.days_before = _as_decimal(payload.days_before)
        if payload.days_after is not None:
            after = _as_decimal(payload.days_after)
            if after is not None and (change.days_after is None or after < change.days_after):
                change.days_after = after
        if f.effect is Effect.ONLINE:
            change.online = True
        paper = payload.part if isinstance(payload.part, DocumentRequirement) else None
        if paper is not None and (f.effect is Effect.DROP_PAPER or payload.removes_part):
            change.drop_papers.append(paper)
        elif paper is not None and f.effect is Effect.UNCERTIFY:
            change.uncertify.append(paper)
    return change


def _as_decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


# -- the cost of one procedure ------------------------------------------------------


@dataclass
class Cost:
    """Cost per year before and after the proposals; None where it cannot be known."""

    mode: str
    dossiers: int | None
    before: Decimal | None
    after: Decimal | None
    days_before: Decimal | None = None
    days_after: Decimal | None = None
    hours_before: Decimal | None = None  # per dossier
    hours_after: Decimal | None = None
    unknown: str | None = None  # why the cost is unknown (Vietnamese)
    notes: list[str] = field(default_factory=list)
    abolish: bool = False

    @property
    def known(self) -> bool:
        return self.before is not None and self.after is not None

    @property
    def saving(self) -> Decimal | None:
        return self.before - self.after if self.before is not None and self.after is not None else None

    @property
    def cut_percent(self) -> Decimal | None:
        """None when unknown or when there was nothing to cut (no dossiers: 0 -> 0 is no 100 %)."""
        saving = self.saving
        if saving is None or not self.before:
            return None
        if self.abolish:
            return Decimal(100)
        return saving / self.before * 100

    @property
    def time_changes(self) -> bool:
        return not self.abolish and self.days_after is not None and self.days_after != self.days_before


def procedure_cost(procedure: Procedure, findings: Iterable[Finding], settings: CostSettings) -> Cost:
    """The cost of a procedure before and after the proposals in ``findings``."""
    change = change_of(findings)
    dossiers = procedure.volume.yearly_dossiers() if procedure.volume else None
    if settings.mode == "scm":
        cost = _scm(procedure, change, settings, dossiers)
    else:
        cost = _practice(procedure, change, settings, dossiers)
    cost.abolish = change.abolish
    if dossiers is None:
        cost.before = cost.after = None
        cost.unknown = "chưa có số liệu hồ sơ"
    return cost


def _practice(procedure: Procedure, change: Change, settings: CostSettings, dossiers: int | None) -> Cost:
    days_before, days_after = _days(procedure, change)
    cost = Cost("practice", dossiers, None, None, days_before, days_after)
    per_day = settings.hours_per_day or Decimal(0)
    if days_before is not None:
        cost.hours_before = days_before * per_day
    if days_after is not None:
        cost.hours_after = days_after * per_day
    if dossiers is not None and cost.hours_before is not None and cost.hours_after is not None:
        cost.before = _dong(cost.hours_before * settings.hourly_rate * dossiers)
        cost.after = Decimal(0) if change.abolish else _dong(cost.hours_after * settings.hourly_rate * dossiers)
    elif days_before is None:
        cost.unknown = "chưa rõ thời hạn giải quyết (ngày làm việc)"
    return cost


def _days(procedure: Procedure, change: Change) -> tuple[Decimal | None, Decimal | None]:
    """Processing time before (the rule's figure, else the longest channel) and after."""
    before = change.days_before
    if before is None:
        longest = procedure.longest_working_days()
        before = Decimal(str(longest)) if longest is not None else None
    if change.abolish:
        return before, Decimal(0)
    return before, change.days_after if change.days_after is not None else before


def _scm(procedure: Procedure, change: Change, settings: CostSettings, dossiers: int | None) -> Cost:
    before = {a: Decimal(1) for a in ACTIVITIES}
    after = activity_shares(procedure, change)
    fees, notes = scm_fees(procedure, settings)
    hours_before, hours_after = _hours(before, settings), _hours(after, settings)
    per_dossier_before = hours_before * settings.hourly_rate + _pocket(before, settings) + fees
    per_dossier_after = hours_after * settings.hourly_rate + _pocket(after, settings) + fees
    days_before, days_after = _days(procedure, change)
    if (change.drop_papers or change.uncertify) and not procedure.documents:
        notes.append("thành phần hồ sơ chưa rõ: chưa tính phần giảm thời gian chuẩn bị, sao chụp giấy tờ")
    cost = Cost("scm", dossiers, None, None, days_before, days_after, hours_before, hours_after, notes=notes)
    if change.abolish:
        cost.hours_after = Decimal(0)
    if dossiers is not None:
        cost.before = _dong(per_dossier_before * dossiers)
        cost.after = Decimal(0) if change.abolish else _dong(per_dossier_after * dossiers)
    return cost


def activity_shares(procedure: Procedure, change: Change) -> dict[str, Decimal]:
    """The share (0–1) of each activity one dossier still takes after the proposals.

    Gathering is shared equally by the dossier's papers, copying/certification by the
    papers submitted as copies; dropping a paper removes its shares, accepting a plain or
    electronic copy removes its copying share; going fully online removes travel and waiting.
    """
    shares = {a: Decimal(1) for a in ACTIVITIES}
    papers = list(procedure.documents)
    copies = [d for d in papers if _is_copy(d)]
    dropped = {id(d) for d in change.drop_papers}
    uncertified = {id(d) for d in change.uncertify}
    if papers:
        shares[PAPER_ACTIVITY] -= Decimal(sum(1 for d in papers if id(d) in dropped)) / len(papers)
    if copies:
        relieved = sum(1 for d in copies if id(d) in dropped or id(d) in uncertified)
        shares[COPY_ACTIVITY] -= Decimal(relieved) / len(copies)
    if change.online:
        for activity in ONLINE_DROPS:
            shares[activity] = Decimal(0)
    return {a: max(Decimal(0), v) for a, v in shares.items()}


def _is_copy(doc) -> bool:
    kinds = set(doc.copy_kinds or ([doc.copy_kind] if doc.copy_kind else []))
    return bool(kinds & {CopyKind.CERTIFIED_COPY, CopyKind.COPY, CopyKind.COPY_WITH_ORIGINAL}) or bool(doc.copies)


def _hours(shares: Mapping[str, Decimal], settings: CostSettings) -> Decimal:
    return sum((settings.scm_hours.get(a, Decimal(0)) * n for a, n in shares.items()), Decimal(0))


def _pocket(shares: Mapping[str, Decimal], settings: CostSettings) -> Decimal:
    return sum((settings.out_of_pocket.get(a, Decimal(0)) * n for a, n in shares.items()), Decimal(0))


def scm_fees(procedure: Procedure, settings: CostSettings) -> tuple[Decimal, list[str]]:
    """Fees one dossier pays (đồng) and notes on what was left out.

    Several amounts of one kind (phí / lệ phí) are taken as alternatives (cases, channels):
    the highest counts. VND only; USD is converted only when cost.usd-rate is set.
    """
    highest: dict[str | None, Decimal] = {}
    notes: list[str] = []
    for fee in procedure.fees():
        if fee.status is FeeStatus.FREE:
            continue
        if fee.status is not FeeStatus.AMOUNT or fee.amount is None:
            notes.append(f"phí, lệ phí chưa rõ số tiền, chưa tính: “{fee.raw}”")
            continue
        amount = fee.amount
        currency = (fee.currency or "VND").upper()
        if currency == "USD" and settings.usd_rate is not None:
            amount = amount * settings.usd_rate
        elif currency != "VND":
            notes.append(f"phí bằng {currency} không quy đổi, chưa tính: “{fee.raw}”")
            continue
        kind = match_key(fee.kind) if fee.kind else None
        highest[kind] = max(highest.get(kind, Decimal(0)), amount)
    return sum(highest.values(), Decimal(0)), list(dict.fromkeys(notes))


def _dong(amount: Decimal) -> Decimal:
    return amount.quantize(Decimal(1), rounding=ROUND_HALF_UP)


# -- totals and formatting ----------------------------------------------------------


@dataclass
class CostTotal:
    before: Decimal = Decimal(0)
    after: Decimal = Decimal(0)
    known: int = 0
    unknown: int = 0

    def add(self, cost: Cost) -> None:
        if cost.before is not None and cost.after is not None:  # cost.known
            self.before += cost.before
            self.after += cost.after
            self.known += 1
        else:
            self.unknown += 1

    @property
    def saving(self) -> Decimal:
        return self.before - self.after

    @property
    def cut_percent(self) -> Decimal | None:
        return self.saving / self.before * 100 if self.before else None


def total(costs: Iterable[Cost]) -> CostTotal:
    out = CostTotal()
    for cost in costs:
        out.add(cost)
    return out


def format_vnd(amount: Decimal | None, unknown: str = "chưa rõ", *, lang: Lang = "vi") -> str:
    """32000000 -> "32.000.000" (Vietnamese thousands separator; English "32,000,000")."""
    if amount is None:
        return unknown
    whole = _dong(amount)
    return f"{int(whole):,}" if lang == "en" else f"{int(whole):,}".replace(",", ".")


def format_number(value: Decimal | float | None, unknown: str = "chưa rõ", *, lang: Lang = "vi") -> str:
    """7.5 -> "7,5"; 10.00 -> "10" (at most two decimals; English "7.5", "1,234.5")."""
    if value is None:
        return unknown
    d = Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).normalize()
    text = f"{d:f}"
    if "." in text:
        whole, frac = text.split(".")
        if lang == "en":
            return f"{int(whole):,}.{frac}"
        return f"{int(whole):,}".replace(",", ".") + "," + frac
    return f"{int(d):,}" if lang == "en" else f"{int(d):,}".replace(",", ".")


def format_percent(value: Decimal | float | None, unknown: str = "chưa rõ", *, lang: Lang = "vi") -> str:
    """28.5714 -> "28,57 %" (English "28.57%"): cut down, never up, so a cut is never overstated (29.996 is "29,99 %")."""
    if value is None:
        return unknown
    figure = format_number(Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_DOWN), lang=lang)
    return f"{figure}%" if lang == "en" else f"{figure} %"
