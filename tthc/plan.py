"""From findings to the simplification plan (phương án đơn giản hóa): a plain data tree.

Every finding of the outdated or simplifiable group becomes a proposal item; the items
of one procedure make one section with the plan's three parts (DOMAIN.md §6):
(1) nội dung đơn giản hóa with its lý do, (2) kiến nghị thực thi — the legal document to
amend, with its article where the catalog gives it, (3) lợi ích — compliance cost before,
after, saving, cut %, and the processing time where it changes. The exporters
(tthc/report/{docx,xlsx,markdown}_plan.py) only render a :class:`Plan`; the text here is
always Vietnamese, as documents for officials are.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tthc.cost import Cost, CostSettings, CostTotal, procedure_cost, total
from tthc.model import DOC_KIND_WORDS, Catalog, DocKind, LegalRef, Procedure
from tthc.rules import find_rule
from tthc.rules.base import Effect, Finding, Group
from tthc.text import doc_number_key, match_key

if TYPE_CHECKING:
    from tthc.decisions import Decision

PROPOSAL_GROUPS = (Group.OUTDATED, Group.SIMPLIFIABLE)
_FALLBACK_LABEL = {
    Group.OUTDATED: "Cập nhật nội dung không còn phù hợp",
    Group.SIMPLIFIABLE: "Đơn giản hóa thủ tục hành chính",
}
_LAW_NAME = re.compile(r"^((?:Bộ\s+)?[Ll]uật\s+[^\d]+?)(?:\s+số)?\s*(?:\d|năm|$)")


@dataclass
class Item:
    """One proposal: one finding, as the plan writes it."""

    finding: Finding
    label: str  # Phần I "Nội dung đề xuất", from Rule.proposal
    content: str  # nội dung đơn giản hóa
    reason: str  # lý do
    status: str = "proposed"  # proposed (no decisions file), accepted, edited
    note: str | None = None  # the officer's note

    @property
    def fingerprint(self) -> str:
        return self.finding.fingerprint


@dataclass
class Section:
    """The proposals on one procedure (Phần II, one numbered heading)."""

    catalog: str
    file: str | None
    code: str | None
    name: str
    field: str | None
    procedure: Procedure | None
    # dataclasses.field: the attribute `field` above hides the name in this class body (for type checkers)
    items: list[Item] = dataclasses.field(default_factory=list)
    legal_documents: list[str] = dataclasses.field(default_factory=list)  # Văn bản quy định
    implementation: list[str] = dataclasses.field(default_factory=list)  # Kiến nghị thực thi
    cost: Cost | None = None

    @property
    def labels(self) -> list[str]:
        return list(dict.fromkeys(item.label for item in self.items))

    @property
    def heading(self) -> str:
        """ "Thủ tục “Đăng ký khai sinh” (mã số 1.001193)"; a name that begins "Thủ tục" as it is."""
        name = self.name.strip()
        head = name if match_key(name).startswith(match_key("thủ tục")) else f"Thủ tục “{name}”"
        return head + (f" (mã số {self.code})" if self.code else "")


@dataclass
class Part:
    """The sections of one catalog, grouped by lĩnh vực in catalog order."""

    name: str
    issuer: str | None
    file: str | None
    groups: list[tuple[str | None, list[Section]]] = field(default_factory=list)

    @property
    def sections(self) -> list[Section]:
        return [s for _, sections in self.groups for s in sections]

    @property
    def total(self) -> CostTotal:
        return total(s.cost for s in self.sections if s.cost is not None)


@dataclass
class Plan:
    issuer: str
    locality: str | None
    as_of: dt.date
    settings: CostSettings
    parts: list[Part]
    findings: list[Finding]  # every finding of the run (the "Phát hiện" sheet)
    catalogs: list[Catalog]
    decided: bool = False  # built through a decisions file
    skipped: dict[str, int] = field(default_factory=dict)  # status -> proposals left out

    @property
    def sections(self) -> list[Section]:
        return [s for part in self.parts for s in part.sections]

    @property
    def total(self) -> CostTotal:
        return total(s.cost for s in self.sections if s.cost is not None)


def proposal_findings(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.group in PROPOSAL_GROUPS]


def build_plan(
    catalogs: Sequence[Catalog],
    findings: Sequence[Finding],
    settings: CostSettings,
    *,
    as_of: dt.date | None = None,
    issuer: str | None = None,
    decisions: Mapping[str, Decision] | None = None,
) -> Plan:
    """The plan: one part per catalog with a section per procedure that has proposals.

    With ``decisions`` only accepted and edited proposals are kept (an edited one takes the
    officer's note as its content); the others are counted in ``Plan.skipped``.
    """
    skipped: dict[str, int] = {}
    index = ProcedureIndex(catalogs)
    parts: list[Part] = []
    by_catalog: dict[str | None, list[Item]] = {}
    for finding in proposal_findings(findings):
        item = make_item(finding)
        if decisions is not None:
            decision = decisions.get(finding.fingerprint)
            status = decision.status if decision else "pending"
            if decision is None or status not in ("accepted", "edited"):
                skipped[status] = skipped.get(status, 0) + 1
                continue
            item.status, item.note = status, decision.note
            if status == "edited" and decision.note:
                item.content = decision.note.strip()
        by_catalog.setdefault(finding.file, []).append(item)
    for catalog in catalogs:
        items = by_catalog.get(catalog.source_file, [])
        parts.append(_part(catalog, items, index, settings))
    return Plan(
        issuer=issuer or _issuer(catalogs),
        locality=next((c.locality for c in catalogs if c.locality), None),
        as_of=as_of or dt.date.today(),
        settings=settings,
        parts=parts,
        findings=list(findings),
        catalogs=list(catalogs),
        decided=decisions is not None,
        skipped=skipped,
    )


def _issuer(catalogs: Sequence[Catalog]) -> str:
    for catalog in catalogs:
        if catalog.issuer:
            return catalog.issuer
    return ""


def _part(catalog: Catalog, items: list[Item], index: ProcedureIndex, settings: CostSettings) -> Part:
    sections: dict[int | str, Section] = {}
    for item in items:
        f = item.finding
        procedure = index.find(f)
        key: int | str = id(procedure) if procedure is not None else f"{f.procedure_code}|{f.procedure_name}"
        if key not in sections:
            sections[key] = Section(
                catalog=catalog.name or catalog.identity,
                file=catalog.source_file,
                code=f.procedure_code,
                name=f.procedure_name or (procedure.name if procedure else ""),
                field=(procedure.field if procedure else None) or f.procedure_field,
                procedure=procedure,
            )
        sections[key].items.append(item)
    ordered = sorted(sections.values(), key=lambda s: index.position(s.procedure))
    for section in ordered:
        _complete(section, settings)
    groups: dict[str | None, list[Section]] = {}
    for section in ordered:
        groups.setdefault(section.field, []).append(section)
    return Part(catalog.name or catalog.identity, catalog.issuer, catalog.source_file, list(groups.items()))


def _complete(section: Section, settings: CostSettings) -> None:
    procedure = section.procedure
    refs = procedure.legal_basis if procedure else []
    section.legal_documents = list(dict.fromkeys(citation(r) if r.identified else _short(r.raw) for r in refs))
    section.implementation = implementation(section, refs)
    if procedure is not None:
        section.cost = procedure_cost(procedure, [i.finding for i in section.items], settings)


def make_item(finding: Finding) -> Item:
    rule = find_rule(finding.rule_code) or find_rule(finding.rule_name)
    label = rule.proposal.vi if rule and rule.proposal else _FALLBACK_LABEL.get(finding.group, "Đơn giản hóa")
    reason = _sentence(finding.message)
    if finding.data.get("reason"):  # the why of an outdated term, with its dates
        reason += " " + _sentence(finding.data["reason"])
    if finding.legal_basis:
        reason += f" Căn cứ: {_sentence(finding.legal_basis)}"
    return Item(finding=finding, label=label, content=_sentence(finding.recommendation), reason=reason)


def implementation(section: Section, refs: Sequence[LegalRef]) -> list[str]:
    """Kiến nghị thực thi: what to amend, abolish or re-base, and in which document.

    The documents to amend are the procedure's identified legal bases, only those with an
    article when the catalog gives one, never one found repealed.
    """
    repealed = [
        i
        for i in section.items
        if i.finding.effect is Effect.CORRECT_CATALOG
        and isinstance(i.finding.payload.part, LegalRef)
        and i.finding.payload.removes_part
    ]
    gone = {doc_number_key(i.finding.subject) for i in repealed if i.finding.subject}
    identified = [r for r in refs if r.identified and doc_number_key(r.number or "") not in gone]
    precise = [r for r in identified if r.article] or identified
    where = "; ".join(citation(r) for r in precise)
    if any(i.finding.effect is Effect.ABOLISH for i in section.items):
        target = f"thủ tục hành chính “{section.name}”" + (f" (mã {section.code})" if section.code else "")
        return [f"Bãi bỏ {target}" + (f" quy định tại {where}" if where else "") + "."]
    lines: list[str] = []
    for item in repealed:
        data = item.finding.data
        old = _cite_number(str(data.get("document") or item.finding.subject))
        if data.get("article"):
            old = f"{_article(str(data['article']))} {old}"
        if data.get("replaced_by"):
            lines.append(f"Cập nhật căn cứ pháp lý: thay {old} bằng {_cite_number(str(data['replaced_by']))}.")
        else:
            lines.append(f"Xác định văn bản đang có hiệu lực thay thế {old} và công bố sửa đổi căn cứ pháp lý.")
    if len(repealed) < len(section.items):
        if precise:
            lines.extend(f"Sửa đổi, bổ sung {citation(r)}." for r in precise)
        else:
            lines.append(
                "Sửa đổi, bổ sung văn bản quy định thủ tục hành chính "
                "(danh mục chưa ghi căn cứ pháp lý xác định được hoặc căn cứ đã hết hiệu lực)."
            )
    return list(dict.fromkeys(lines))


def _article(article: str) -> str:
    """ "Khoản 2 Điều 5" -> "khoản 2 Điều 5" (clause words in lower case, Điều capitalised)."""
    article = article.strip()
    if article[:1].isupper() and not article.startswith("Điều"):
        article = article[0].lower() + article[1:]
    return article


def citation(ref: LegalRef) -> str:
    """ "khoản 2 Điều 5 Nghị định 123/2015/NĐ-CP", "Luật Cư trú số 68/2020/QH14"."""
    if not ref.number:
        return _short(ref.raw)
    name = DOC_KIND_WORDS.get(ref.kind) if ref.kind else None
    if ref.kind in (DocKind.LAW, DocKind.CODE) and ref.title:
        m = _LAW_NAME.match(ref.title.strip())
        doc = f"{m.group(1).strip()} số {ref.number}" if m else f"{name} số {ref.number}"
    elif name:
        doc = f"{name} {ref.number}"
    else:
        doc = f"văn bản {ref.number}"
    return f"{_article(ref.article)} {doc}" if ref.article else doc


def _cite_number(number: str) -> str:
    """A bare number as a citation: "42/2022/NĐ-CP" -> "Nghị định 42/2022/NĐ-CP"."""
    suffix = number.rsplit("/", 1)[-1].upper()
    for code, word in (
        ("NĐ-CP", "Nghị định"),
        ("NQ-CP", "Nghị quyết"),
        ("QĐ-TTG", "Quyết định"),
        ("TTLT", "Thông tư liên tịch"),
        ("TT-", "Thông tư"),
        ("QH", "Luật"),
    ):
        if suffix.startswith(code) or (code == "NĐ-CP" and suffix == "ND-CP"):
            return f"{word} {number}" if not number.lower().startswith(word.lower()) else number
    return number


def _sentence(text: str) -> str:
    text = (text or "").strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?…" else text + "."


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ProcedureIndex:
    """Finds the procedure a finding is about (by catalog file and code, then position)."""

    def __init__(self, catalogs: Sequence[Catalog]) -> None:
        self._by_key: dict[tuple[str | None, str], list[Procedure]] = {}
        self._position: dict[int, int] = {}
        for catalog in catalogs:
            for n, p in enumerate(catalog.procedures):
                self._by_key.setdefault((catalog.source_file, _key(p.code, p.name)), []).append(p)
                self._position[id(p)] = n

    def find(self, finding: Finding) -> Procedure | None:
        found = self._by_key.get((finding.file, _key(finding.procedure_code, finding.procedure_name)), [])
        if len(found) > 1 and finding.source is not None:
            for p in found:
                if p.source and finding.source.line_or_row == p.source.line_or_row:
                    return p
                if any(s == finding.source for s in p.sources.values()):
                    return p
        return found[0] if found else None

    def position(self, procedure: Procedure | None) -> int:
        return self._position.get(id(procedure), 10**9) if procedure is not None else 10**9


def _key(code: str | None, name: str | None) -> str:
    return code.strip().upper() if code else "name:" + match_key(name or "")


@dataclass
class CostRow:
    """One procedure of `tthc cost`."""

    catalog: str
    file: str | None
    code: str | None
    name: str
    field: str | None
    cost: Cost
    proposals: list[str]  # the labels of the proposals counted


def cost_rows(
    catalogs: Sequence[Catalog],
    findings: Sequence[Finding],
    settings: CostSettings,
    decisions: Mapping[str, Decision] | None = None,
) -> list[CostRow]:
    """Every procedure's cost before and after its (accepted) proposals."""
    index = ProcedureIndex(catalogs)
    per_procedure: dict[int, list[Finding]] = {}
    for f in proposal_findings(findings):
        if decisions is not None:
            decision = decisions.get(f.fingerprint)
            if decision is None or decision.status not in ("accepted", "edited"):
                continue
        procedure = index.find(f)
        if procedure is not None:
            per_procedure.setdefault(id(procedure), []).append(f)
    rows = []
    for catalog in catalogs:
        for p in catalog.procedures:
            found = per_procedure.get(id(p), [])
            rows.append(
                CostRow(
                    catalog=catalog.name or catalog.identity,
                    file=catalog.source_file,
                    code=p.code,
                    name=p.name,
                    field=p.field,
                    cost=procedure_cost(p, found, settings),
                    proposals=list(dict.fromkeys(make_item(f).label for f in found)),
                )
            )
    return rows


def roman(n: int) -> str:
    """1 -> I, 4 -> IV (section numbering in official documents)."""
    out = ""
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out += letters
            n -= value
    return out
