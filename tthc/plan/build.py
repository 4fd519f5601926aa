"""From findings to the simplification plan (phương án đơn giản hóa): a plain data tree.

The findings of the outdated and simplifiable groups are read by what they do
(``Finding.effect``) and what they are about (``Finding.payload``), never by rule name:

- **simplifications** (an effect that amends the law, or a measure of the agency) make a
  procedure's section with the plan's three parts (DOMAIN.md §6): (1) nội dung đơn giản
  hóa with its lý do, (2) kiến nghị thực thi — the legal document to amend, with its article
  where the catalog gives it, never one found repealed, (3) lợi ích — compliance cost
  before, after, saving, cut %, and the processing time where it changes;
- **catalog corrections** (``Effect.CORRECT_CATALOG``: a repealed basis, an abolished
  paper, unit or level) are text to correct in the catalog, listed apart ("Cập nhật danh
  mục", DOMAIN.md §4a), with what replaced it and no article to amend;
- a procedure that **no longer exists** (``Payload.obsolete``) is only to be removed from
  the catalog: no other proposal, no time cut, no saving.

Each proposal is stated once: findings of one rule on one procedure that propose the same
text make one item (its reason names every place found). An abolition excludes the other
simplifications of its procedure. The exporters (tthc/report/{docx,xlsx,markdown}_plan.py)
only render a :class:`Plan`; the text here is always Vietnamese, as documents for officials are.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from tthc.i18n import text
from tthc.model import DOC_KIND_WORDS, Agency, Catalog, DocKind, DocumentRequirement, LegalRef, Procedure, Result
from tthc.plan.cost import Cost, CostSettings, CostTotal, format_number, format_percent, procedure_cost, total
from tthc.rules import find_rule
from tthc.rules.base import Effect, Finding, Group
from tthc.text import doc_number_key, match_key, nfc

if TYPE_CHECKING:
    from tthc.knowledge import Knowledge
    from tthc.plan.decisions import Decision
    from tthc.plan.filing import Filing

PROPOSAL_GROUPS = (Group.OUTDATED, Group.SIMPLIFIABLE)
ACCEPTED = ("accepted", "edited")
_FALLBACK_LABEL = {
    Group.OUTDATED: "Cập nhật nội dung không còn phù hợp",
    Group.SIMPLIFIABLE: "Đơn giản hóa thủ tục hành chính",
}
REMOVE_LABEL = "Đưa thủ tục ra khỏi danh mục"
OBSOLETE_COST = "thủ tục không còn thực hiện, đưa ra khỏi danh mục"
_LAW_NAME = re.compile(r"^((?:Bộ\s+)?[Ll]uật\s+[^\d]+?)(?:\s+số)?\s*(?:\d|năm|$)")
# Text meant for developers, never for a signed document: a file of this repository or of a
# data set ("DOMAIN.md §3a", "mapping/splits.json"), a commit, a data set's folder name.
_DEVELOPER = re.compile(r"(?i)\b[\w./-]+\.(?:md|ya?ml|json|py|csv|parquet)\b|\bcommit\b|\bdvhcvn\b")
MAX_PLACES = 5  # catalog excerpts quoted per field in a reason; the workbook lists every finding
_AMENDING = re.compile(
    r"(?i)(?<!\w)sửa đổi,?\s*(?:bổ sung\s+)?(?:một số|các|\d+\s+)?\s*(?:điều|khoản|nghị định|thông tư|luật|quyết định)"
)
_FEE_TITLE = re.compile(r"(?<!\w)(?:lệ phí|phí)(?!\w)", re.I)
# What part of the procedure's rules a simplification changes (Kiến nghị thực thi).
_AMENDED_PART = {
    Effect.DROP_PAPER: "thành phần hồ sơ",
    Effect.UNCERTIFY: "thành phần hồ sơ",
    Effect.FEWER_COPIES: "thành phần hồ sơ",
    Effect.DROP_CERTIFICATION: "mẫu đơn, tờ khai",
    Effect.CUT_TIME: "thời hạn giải quyết",
    Effect.ONLINE: "cách thức thực hiện",
    Effect.FILE_ANYWHERE: "địa điểm, cách thức nộp hồ sơ",
    Effect.INTERLINK: "trình tự thực hiện (liên thông)",
}


@dataclass
class Item:
    """One proposal as the plan writes it: one or more findings that propose the same thing."""

    findings: list[Finding]
    label: str  # Phần I "Nội dung đề xuất", from Rule.proposal
    content: str  # nội dung đơn giản hóa / nội dung cập nhật
    reason: str  # lý do
    found: str = ""  # the catalog's words, with where they are ("Thành phần hồ sơ: “Sổ hộ khẩu”")
    basis: str = ""  # the legal citation an officer reads
    status: str = "proposed"  # proposed (no decisions), accepted, edited
    note: str | None = None  # the officer's edited text
    decision_reason: str | None = None  # the officer's reason for the decision

    @property
    def finding(self) -> Finding:
        return self.findings[0]

    @property
    def fingerprints(self) -> list[str]:
        return [f.fingerprint for f in self.findings]

    @property
    def fingerprint(self) -> str:
        return self.findings[0].fingerprint

    @property
    def effect(self) -> Effect:
        return self.finding.effect

    @property
    def correction(self) -> bool:
        return self.effect is Effect.CORRECT_CATALOG

    @property
    def obsolete(self) -> bool:
        return any(f.payload.obsolete for f in self.findings)


@dataclass
class Section:
    """The proposals on one procedure (Phần II, one numbered heading; Phần III rows)."""

    catalog: str
    file: str | None
    code: str | None
    name: str
    field: str | None
    procedure: Procedure | None
    # dataclasses.field: the attribute `field` above hides the name in this class body (for type checkers)
    items: list[Item] = dataclasses.field(default_factory=list)  # simplifications, each once
    corrections: list[Item] = dataclasses.field(default_factory=list)  # cập nhật danh mục
    superseded: list[Item] = dataclasses.field(default_factory=list)  # left out: abolition or removal excludes them
    legal_documents: list[str] = dataclasses.field(default_factory=list)  # Văn bản quy định
    implementation: list[str] = dataclasses.field(default_factory=list)  # Kiến nghị thực thi
    cost: Cost | None = None

    @property
    def labels(self) -> list[str]:
        return list(dict.fromkeys(item.label for item in self.items))

    @property
    def obsolete(self) -> bool:
        return any(item.obsolete for item in self.corrections)

    @property
    def heading(self) -> str:
        """ "Thủ tục “Đăng ký khai sinh” (mã số 1.001193)"; a name that begins "Thủ tục" as it is."""
        name = self.name.strip()
        head = name if match_key(name).startswith(match_key("thủ tục")) else f"Thủ tục “{name}”"
        return head + (f" (mã số {self.code})" if self.code else "")

    @property
    def all_items(self) -> list[Item]:
        return [*self.items, *self.corrections]


@dataclass
class Part:
    """The sections of one catalog, grouped by lĩnh vực in catalog order."""

    name: str
    issuer: str | None
    file: str | None
    groups: list[tuple[str | None, list[Section]]] = field(default_factory=list)

    @property
    def all_sections(self) -> list[Section]:
        return [s for _, sections in self.groups for s in sections]

    @property
    def sections(self) -> list[Section]:
        """Sections with simplifications (Phần I and II)."""
        return [s for s in self.all_sections if s.items]

    @property
    def simplification_groups(self) -> list[tuple[str | None, list[Section]]]:
        groups = [(name, [s for s in sections if s.items]) for name, sections in self.groups]
        return [(name, sections) for name, sections in groups if sections]

    @property
    def corrected(self) -> list[Section]:
        """Sections with catalog corrections (Phần III)."""
        return [s for s in self.all_sections if s.corrections]

    @property
    def total(self) -> CostTotal:
        return total(s.cost for s in self.sections if s.cost is not None)


@dataclass
class Plan:
    as_of: dt.date
    settings: CostSettings
    parts: list[Part]
    findings: list[Finding]  # every finding of the run (the "Phát hiện" sheet)
    catalogs: list[Catalog]
    filing: Filing | None = None
    decided: bool = False  # built through a decisions file
    skipped: dict[str, int] = field(default_factory=dict)  # status -> proposals left out

    @property
    def issuer(self) -> str:
        return self.filing.issuer if self.filing else ""

    @property
    def sections(self) -> list[Section]:
        return [s for part in self.parts for s in part.sections]

    @property
    def corrected(self) -> list[Section]:
        return [s for part in self.parts for s in part.corrected]

    @property
    def all_sections(self) -> list[Section]:
        return [s for part in self.parts for s in part.all_sections]

    @property
    def items(self) -> list[Item]:
        return [i for s in self.all_sections for i in s.all_items]

    @property
    def reviewable(self) -> list[Item]:
        """Every proposal an officer may decide on, the ones left out by an abolition too."""
        return [i for s in self.all_sections for i in (*s.items, *s.superseded, *s.corrections)]

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
    filing: Filing | None = None,
    decisions: Mapping[str, Decision] | None = None,
    knowledge: Knowledge | None = None,
) -> Plan:
    """The plan: one part per catalog with a section per procedure that has proposals.

    With ``decisions`` only accepted and edited proposals are kept (an edited one takes the
    officer's text as its content); the others are counted in ``Plan.skipped``.
    """
    when = as_of or dt.date.today()
    skipped: dict[str, int] = {}
    index = ProcedureIndex(catalogs)
    by_procedure = _by_procedure(proposal_findings(findings), index)
    parts: list[Part] = []
    for catalog in catalogs:
        sections: list[Section] = []
        for key, procedure, found in by_procedure.get(catalog.source_file, []):
            section = _section(catalog, procedure, key, found, decisions, skipped)
            if section.items or section.corrections:
                _complete(section, settings, knowledge, when)
                sections.append(section)
        groups: dict[str | None, list[Section]] = {}
        for section in sections:
            groups.setdefault(section.field, []).append(section)
        parts.append(Part(catalog.name or catalog.identity, catalog.issuer, catalog.source_file, list(groups.items())))
    return Plan(
        as_of=when,
        settings=settings,
        parts=parts,
        findings=list(findings),
        catalogs=list(catalogs),
        filing=filing,
        decided=decisions is not None,
        skipped=skipped,
    )


def _by_procedure(findings: Sequence[Finding], index: ProcedureIndex):
    """file -> [(key, procedure, findings)] in catalog order."""
    grouped: dict[str | None, dict[int | str, tuple[Procedure | None, list[Finding]]]] = {}
    for f in findings:
        procedure = index.find(f)
        key: int | str = id(procedure) if procedure is not None else f"{f.procedure_code}|{f.procedure_name}"
        per_file = grouped.setdefault(f.file, {})
        per_file.setdefault(key, (procedure, []))[1].append(f)
    out = {}
    for file, per_file in grouped.items():
        ordered = sorted(per_file.items(), key=lambda kv: index.position(kv[1][0]))
        out[file] = [(key, procedure, found) for key, (procedure, found) in ordered]
    return out


def _section(
    catalog: Catalog,
    procedure: Procedure | None,
    key,
    findings: list[Finding],
    decisions: Mapping[str, Decision] | None,
    skipped: dict[str, int],
) -> Section:
    f = findings[0]
    section = Section(
        catalog=catalog.name or catalog.identity,
        file=catalog.source_file,
        code=f.procedure_code,
        name=f.procedure_name or (procedure.name if procedure else ""),
        field=(procedure.field if procedure else None) or f.procedure_field,
        procedure=procedure,
    )
    for item in make_items(findings):
        if decisions is not None:
            decision = decision_for(item, decisions)
            status = decision.status if decision else "pending"
            if decision is None or status not in ACCEPTED:
                skipped[status] = skipped.get(status, 0) + 1
                continue
            item.status, item.decision_reason = status, decision.reason
            if status == "edited" and decision.note:
                item.note = decision.note.strip()
                item.content = _sentence(item.note)
        (section.corrections if item.correction else section.items).append(item)
    removed = {id(f.payload.part) for c in section.corrections for f in c.findings if f.payload.removes_part}
    if removed:  # a proposal about a paper the catalog correction removes (an abolished household book)
        kept: list[Item] = []
        for item in section.items:
            live, moot = _split_moot(item, removed)
            section.superseded += moot
            kept += live
        section.items = kept
    if section.obsolete:  # to be removed from the catalog: nothing else applies
        section.superseded += section.items + [c for c in section.corrections if not c.obsolete]
        section.items = []
        section.corrections = [c for c in section.corrections if c.obsolete]
    elif any(i.effect is Effect.ABOLISH for i in section.items):
        section.superseded += [i for i in section.items if i.effect is not Effect.ABOLISH]
        section.items = [i for i in section.items if i.effect is Effect.ABOLISH]
    return section


def _split_moot(item: Item, removed: set[int]) -> tuple[list[Item], list[Item]]:
    """([the item without its findings on removed parts], [the item on those alone]): a proposal
    about several papers ("01 bản" of the identity card and of the household book) stays for the
    papers that remain and names only them; about removed papers only, it is left out."""
    gone = [f for f in item.findings if f.payload.part is not None and id(f.payload.part) in removed]
    if not gone:
        return [item], []
    rest = [f for f in item.findings if all(f is not g for g in gone)]
    if not rest:
        return [], [item]
    live, moot = make_item(rest), make_item(gone)
    for made in (live, moot):
        made.status, made.decision_reason = item.status, item.decision_reason
        if item.note is not None:  # the officer's own text stays as written
            made.note, made.content = item.note, item.content
    return [live], [moot]


def decision_for(item: Item, decisions: Mapping[str, Decision]) -> Decision | None:
    """The officer's decision on an item: the first of its findings that has one."""
    for fingerprint in item.fingerprints:
        if fingerprint in decisions:
            return decisions[fingerprint]
    return None


def _complete(section: Section, settings: CostSettings, knowledge: Knowledge | None, as_of: dt.date) -> None:
    procedure = section.procedure
    refs = procedure.legal_basis if procedure else []
    section.legal_documents = list(dict.fromkeys(citation(r) if r.identified else _short(r.raw) for r in refs))
    section.implementation = implementation(section, refs, knowledge, as_of)
    if procedure is not None and section.items:
        findings = [f for item in section.all_items for f in item.findings]
        section.cost = procedure_cost(procedure, findings, settings)


# -- items ----------------------------------------------------------------------------


def make_items(findings: Sequence[Finding]) -> list[Item]:
    """The findings of one procedure as items, each proposal once (first-found order)."""
    groups: dict[tuple, list[Finding]] = {}
    for f in findings:
        if f.payload.obsolete:
            key: tuple = ("obsolete",)
        elif f.effect is Effect.CUT_TIME:
            key = ("time", f.rule_code)
        elif f.effect is Effect.CORRECT_CATALOG:  # one correction of a kind, every place it is found
            replaced = f.payload.replacement if isinstance(f.payload.part, LegalRef) else ""
            key = ("correct", f.rule_code, match_key(replaced or ""))
        else:
            key = (f.rule_code, match_key(text(f.recommendation, "vi")))
        groups.setdefault(key, []).append(f)
    return [make_item(group) for group in groups.values()]


def make_item(findings: Finding | Sequence[Finding]) -> Item:
    found = [findings] if isinstance(findings, Finding) else list(findings)
    first = found[0]
    rule = find_rule(first.rule_code) or find_rule(first.rule_name)
    places = _places(found)
    basis = _basis(first)
    if first.payload.obsolete:
        label, content = REMOVE_LABEL, "Đưa thủ tục ra khỏi danh mục thủ tục hành chính; thủ tục không còn thực hiện."
    else:
        label = rule.proposal.vi if rule and rule.proposal else _FALLBACK_LABEL.get(first.group, "Đơn giản hóa")
        content = _time_cut(first) if first.effect is Effect.CUT_TIME else _sentence(text(first.recommendation, "vi"))
        if first.effect is Effect.ABOLISH:
            content = f"Bãi bỏ thủ tục hành chính “{first.procedure_name}”." if first.procedure_name else content
    messages = list(dict.fromkeys(_sentence(text(f.message, "vi")) for f in found))
    if len(messages) == 1:
        reason = messages[0]
    else:
        what = rule.summary.vi if rule else label
        reason = _sentence(f"{what}: {places}")
    if first.data.get("reason"):  # the why of an outdated term, with its dates
        reason += " " + _sentence(text(first.data["reason"], "vi"))
    if basis:
        reason += f" Căn cứ: {_sentence(basis)}"
    return Item(findings=found, label=label, content=content, reason=reason, found=places, basis=basis)


def _basis(finding: Finding) -> str:
    citation_text = finding.payload.citation
    if citation_text is None and (said := _repeal(finding)):
        return said
    return officer_text(citation_text.vi if citation_text is not None else text(finding.legal_basis, "vi"))


def _repeal(finding: Finding) -> str:
    """A repealed basis as the law has it ("Nghị định 146/2018/NĐ-CP thay thế Nghị định
    105/2014/NĐ-CP từ 01/12/2018"), not the register's note of where that was read (quotes of web
    pages, in English, with their addresses: the finding's ``legal_basis``, for auditors)."""
    data = finding.data
    document, chain = data.get("document"), data.get("chain")
    if not (isinstance(finding.payload.part, LegalRef) and finding.payload.removes_part and document):
        return ""
    if not isinstance(chain, list):
        return ""
    ended = data.get("ended")
    since = f" từ {ended:%d/%m/%Y}" if isinstance(ended, dt.date) else ""
    if since and "ngày chưa được xác nhận" in text(finding.message, "vi"):
        since += " (ngày chưa được xác nhận)"
    said = f"{chain[0]} thay thế {document}{since}" if chain else f"{document} hết hiệu lực{since}"
    current = data.get("in_force_successor")
    if current and chain and current != chain[0]:
        said += f"; văn bản đang có hiệu lực: {current}"
    if data.get("inferred"):  # an inference says it is one
        said += f" [{data['inferred']}]"
    return said


def officer_text(text: str) -> str:
    """A citation without the parts meant for developers ("…; bảng mã từ dvhcvn/20250701 (… commit …)")."""
    kept = [part.strip() for part in (text or "").split(";") if part.strip() and not _DEVELOPER.search(part)]
    return "; ".join(kept)


def _places(findings: Sequence[Finding]) -> str:
    """ "Thành phần hồ sơ: “Sổ hộ khẩu”; Trình tự thực hiện: “…”" — each once, in order."""
    from tthc.lifecycle.merge import FIELD_LABELS

    by_field: dict[str, list[str]] = {}
    for f in findings:
        words = _part_text(f.payload.part) or f.payload.words or f.subject
        by_field.setdefault(f.field, [])
        if words and words not in by_field[f.field]:
            by_field[f.field].append(words)
    parts: list[str] = []
    for name, found in by_field.items():
        label = FIELD_LABELS.get(name, name)
        quoted = "; ".join(f"“{w}”" for w in found[:MAX_PLACES])
        if len(found) > MAX_PLACES:
            quoted += f" và {len(found) - MAX_PLACES} nội dung khác"
        parts.append(f"{label}: {quoted}" if found else label)
    return "; ".join(parts)


def _part_text(part) -> str:
    """The catalog's words for a part: the whole dossier line, reference, agency or result."""
    if isinstance(part, DocumentRequirement):
        return part.raw or part.name
    if isinstance(part, LegalRef):
        return part.raw
    if isinstance(part, Agency | Result):
        return part.name
    return ""


def _time_cut(finding: Finding) -> str:
    """The cut as its own figures say it: "… từ 7 xuống 5 ngày làm việc (giảm 28,57 %)."."""
    before, after = finding.payload.days_before, finding.payload.days_after
    if before is None or after is None or not before:
        return _sentence(text(finding.recommendation, "vi"))
    cut = (Decimal(str(before)) - Decimal(str(after))) / Decimal(str(before)) * 100
    return (
        f"Rút ngắn thời hạn giải quyết từ {format_number(before)} xuống {format_number(after)} ngày làm việc "
        f"(giảm {format_percent(cut)})."
    )


# -- kiến nghị thực thi ---------------------------------------------------------------


def implementation(
    section: Section, refs: Sequence[LegalRef], knowledge: Knowledge | None = None, as_of: dt.date | None = None
) -> list[str]:
    """Kiến nghị thực thi: what to abolish or amend, and in which document — simplifications only.

    The documents to amend are the procedure's identified legal bases still in force: never
    one found repealed, one the knowledge base holds as no longer in force (or believed
    replaced), nor a fee regulation for a change that is not about fees, nor one that only
    amends others when the procedure cites another; only those with an article when the
    catalog gives one.
    """
    amending = [i for i in section.items if i.effect.amends_law]
    if not amending:
        return []
    gone = {
        doc_number_key(f.payload.part.number)
        for item in section.all_items
        for f in item.findings
        if isinstance(f.payload.part, LegalRef) and f.payload.removes_part and f.payload.part.number
    }
    believed_gone = _not_in_force(knowledge, as_of)
    identified = [
        r
        for r in refs
        if r.identified and doc_number_key(r.number or "") not in gone | believed_gone and not _fees(r, knowledge)
    ]
    identified = [r for r in identified if not _amends(r)] or identified
    precise = [r for r in identified if r.article] or identified
    where = "; ".join(citation(r) for r in precise)
    if any(i.effect is Effect.ABOLISH for i in amending):
        target = f"thủ tục hành chính “{section.name}”" + (f" (mã {section.code})" if section.code else "")
        return [f"Bãi bỏ {target}" + (f" quy định tại {where}" if where else "") + "."]
    parts = list(dict.fromkeys(_AMENDED_PART[i.effect] for i in amending if i.effect in _AMENDED_PART))
    about = f" về {', '.join(parts)}" if parts else ""
    if where:
        return [f"Sửa đổi, bổ sung {where}{about}."]
    return [
        f"Sửa đổi, bổ sung văn bản quy định thủ tục hành chính{about} "
        "(danh mục chưa ghi căn cứ pháp lý còn hiệu lực xác định được)."
    ]


def _not_in_force(knowledge: Knowledge | None, as_of: dt.date | None) -> set[str]:
    """Number keys of documents the knowledge base holds as not in force, or believes replaced."""
    if knowledge is None:
        return set()
    from tthc.knowledge import DocStatus

    day = as_of or dt.date.today()
    out = {
        d.number_key
        for d in knowledge.legal_documents
        if d.number_key and d.status_at(day) in (DocStatus.REPEALED, DocStatus.EXPIRED)
    }
    # unconfirmed entries are left out of the rules; a document believed replaced is still
    # no document to propose amending (one believed in force still is one)
    out |= {
        doc_number_key(s.identity)
        for s in knowledge.switched_off
        if s.document is not None and s.document.status_at(day) in (DocStatus.REPEALED, DocStatus.EXPIRED)
    }
    return out


def _amends(ref: LegalRef) -> bool:
    """A document that amends others ("Nghị định sửa đổi, bổ sung một số điều của các Nghị định…"):
    the rule it changed lives on in the document it amended, which is the one to amend."""
    return bool(_AMENDING.search(nfc(ref.title or ref.raw or "")))


def _fees(ref: LegalRef, knowledge: Knowledge | None = None) -> bool:
    """A fee regulation ("… hướng dẫn về phí và lệ phí …"), by the catalog's words or the
    register's title ("Thông tư 85/2019/TT-BTC" alone): not the place of a dossier or time rule."""
    titles = [ref.title or "", ref.raw or ""]
    if knowledge is not None and ref.number:
        found = knowledge.find_document(ref.number, kind=ref.kind)
        key = doc_number_key(ref.number)
        believed = [s.document for s in knowledge.switched_off if s.document and s.document.number_key == key]
        titles += [d.title or "" for d in (found, *believed) if d is not None]
    return any(_FEE_TITLE.search(t) for t in titles)


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


# -- tthc cost -----------------------------------------------------------------------


@dataclass
class CostRow:
    """One procedure of `tthc cost`."""

    catalog: str
    file: str | None
    code: str | None
    name: str
    field: str | None
    cost: Cost  # unknown (OBSOLETE_COST) for a procedure that no longer exists
    proposals: list[str]  # the labels of the proposals counted


def cost_rows(
    catalogs: Sequence[Catalog],
    findings: Sequence[Finding],
    settings: CostSettings,
    decisions: Mapping[str, Decision] | None = None,
) -> list[CostRow]:
    """Every procedure's cost before and after its (accepted) proposals, as the plan counts them."""
    plan = build_plan(catalogs, findings, settings, decisions=decisions)
    sections = {id(s.procedure): s for s in plan.all_sections if s.procedure is not None}
    rows = []
    for catalog in catalogs:
        for p in catalog.procedures:
            section = sections.get(id(p))
            if section is not None and section.obsolete:  # no figures: there is nothing left to cost
                dossiers = p.volume.yearly_dossiers() if p.volume else None
                cost = Cost(settings.mode, dossiers, None, None, unknown=OBSOLETE_COST)
                labels = [REMOVE_LABEL]
            elif section is not None and section.items and section.cost is not None:
                cost, labels = section.cost, section.labels
            else:
                counted = [f for i in section.corrections for f in i.findings] if section else []
                cost, labels = procedure_cost(p, counted, settings), []
            rows.append(
                CostRow(
                    catalog=catalog.name or catalog.identity,
                    file=catalog.source_file,
                    code=p.code,
                    name=p.name,
                    field=p.field,
                    cost=cost,
                    proposals=labels,
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
