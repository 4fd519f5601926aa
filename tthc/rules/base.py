"""The rule contract: metadata next to the check, and the finding every rule yields.

A rule is a :class:`Rule` value in its own module: a stable code, a kebab-case name (a
public contract), a group, a default severity, typed options with defaults, fixed
documentation sections, and one check function. Rules only read the model; they never
parse text (loaders did) and never hard-code law (the knowledge base holds it).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from tthc.i18n import LANGS, Lang, T, text
from tthc.model import Agency, Catalog, Channel, DocumentRequirement, LegalRef, Procedure, Result, SourceRef
from tthc.text import match_key, shared

if TYPE_CHECKING:
    from tthc.knowledge import Knowledge


class Group(StrEnum):
    COMPLETENESS = "completeness"
    OUTDATED = "outdated"
    SIMPLIFIABLE = "simplifiable"
    CONSISTENCY = "consistency"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Effect(StrEnum):
    """What accepting a rule's proposal does to the procedure.

    The plan and the cost read this (and the finding's :class:`Payload`), never rule names:
    a new rule that drops a paper is costed and written up like the others by saying so.
    """

    NONE = "none"  # not a proposal: completeness and consistency defects
    # the catalog's text is out of date (a repealed basis, an abolished paper, unit or
    # level): correct the catalog ("cập nhật danh mục"); no legal document to amend
    CORRECT_CATALOG = "correct-catalog"
    DROP_PAPER = "drop-paper"  # the paper is no longer asked for (the state already holds its data)
    UNCERTIFY = "uncertify"  # a plain, compared or electronic copy will do instead of a certified one
    FEWER_COPIES = "fewer-copies"  # one copy of a paper instead of several
    DROP_CERTIFICATION = "drop-certification"  # a form no longer needs a certification
    ONLINE = "online"  # offered fully online: no travel, no waiting
    CUT_TIME = "cut-time"  # a shorter processing time (Payload.days_before / days_after)
    FILE_ANYWHERE = "file-anywhere"  # filing not bound to one place
    INTERLINK = "interlink"  # the agency obtains another procedure's result itself
    ABOLISH = "abolish"  # the procedure is abolished
    PROMOTE = "promote"  # the agency promotes a service it already offers; no document to amend

    @property
    def amends_law(self) -> bool:
        """Whether the proposal changes the document that sets the procedure (Kiến nghị thực thi)."""
        return self not in (Effect.NONE, Effect.CORRECT_CATALOG, Effect.PROMOTE)


# The procedure part a finding is about: a dossier line, a channel, a legal reference, a
# result or an agency of the procedure (the very object of the model, not a copy).
Part = DocumentRequirement | Channel | LegalRef | Result | Agency


@dataclass(frozen=True, slots=True)
class Payload:
    """What a finding is about and the figures its proposal needs, filled where it is made.

    ``part`` is None when the finding is about the procedure as a whole or a free-text
    field (its ``Finding.field`` says which). Documents for officials read ``citation``
    (a citation an officer reads) before ``Finding.legal_basis`` (which may say where the
    data came from).
    """

    part: Part | None = None
    words: str = ""  # the catalog's words the finding is about, as written
    replacement: str | None = None  # what replaces them: a document, a new unit name, a wording
    citation: T | None = None
    removes_part: bool = False  # the part goes (an abolished paper no longer demanded)
    obsolete: bool = False  # the procedure itself no longer exists: remove it from the catalog
    days_before: float | None = None  # processing time in working days (Effect.CUT_TIME)
    days_after: float | None = None


NO_PAYLOAD = Payload()  # (frozen: one instance serves every finding without a payload)


@dataclass(frozen=True)
class Option:
    """A rule option: name (kebab-case), type, default and what it does."""

    name: str
    type: type
    default: Any
    help: T

    def coerce(self, value: Any) -> Any:
        """The value in the option's type; raises ValueError with a readable reason."""
        if self.type is bool:
            if isinstance(value, bool):
                return value
            raise ValueError("true/false")
        if self.type is int:
            if isinstance(value, bool) or not isinstance(value, int | str):
                raise ValueError("số nguyên / integer")
            return int(value)
        if self.type is float:
            if isinstance(value, bool) or not isinstance(value, int | float | str):
                raise ValueError("số / number")
            return float(value)
        if self.type is list:
            if isinstance(value, str):
                return [value]
            if not isinstance(value, list):
                raise ValueError("danh sách / list")
            return [str(v) for v in value]
        return str(value)


@dataclass(frozen=True)
class RuleDoc:
    """The fixed sections shown by `tthc explain`, the docs, SARIF help and the plans."""

    what: T  # what it finds
    why: T  # why it matters, with the legal basis and dates
    example: T  # a realistic catalog line that triggers it
    instead: T  # what to do instead
    known: T | None = None  # known problems: what the rule cannot tell (its limits on real catalogs)


CODE_PATTERN = re.compile(r"[A-Z]+\d+")  # a rule code ("TT304"), as opposed to a name


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    group: Group
    severity: Severity
    summary: T
    doc: RuleDoc
    legal_basis: T  # short citation carried by every finding ("Luật Cư trú 68/2020/QH14, Điều 38(3)")
    check: Callable[..., Iterable[Finding]]
    scope: str = "procedure"  # "procedure": check(procedure, ctx); "catalog": check(catalog, ctx)
    options: tuple[Option, ...] = ()
    # What the simplification plan proposes for a finding of this rule (Phần I, "Nội dung
    # đề xuất"): e.g. "Giảm thời gian giải quyết", "Bãi bỏ thủ tục hành chính". None for
    # rules that are not proposals (completeness, consistency).
    proposal: T | None = None
    effect: Effect = Effect.NONE  # what the proposal does (the plan and the cost read it)
    # Former names and codes (sqlfluff's aliases), oldest first: a renamed rule keeps working in
    # --select/--ignore, config (select, ignore, rules.<name>, severity) and `tthc explain`, and its
    # findings keep their fingerprints (baselines, decisions, history) — see fingerprint_code.
    aliases: tuple[str, ...] = ()

    @property
    def fingerprint_code(self) -> str:
        """The code findings are fingerprinted with: the first former code, else the code."""
        return next((a.upper() for a in self.aliases if CODE_PATTERN.fullmatch(a.upper())), self.code)

    def known_as(self, selector: str) -> bool:
        """The rule's code or name, now or formerly."""
        s = selector.strip()
        return (
            s.upper() == self.code
            or s.lower() == self.name
            or any(s.upper() == a.upper() or s.lower() == a.lower() for a in self.aliases)
        )

    def option(self, name: str) -> Option:
        for opt in self.options:
            if opt.name == name:
                return opt
        raise KeyError(name)

    @property
    def default_options(self) -> dict[str, Any]:
        return {opt.name: opt.default for opt in self.options}


@dataclass(slots=True)  # slots: a large catalog has hundreds of thousands of findings
class Finding:
    rule_code: str
    rule_name: str
    group: Group
    severity: Severity
    procedure_code: str | None
    procedure_name: str | None
    field: str
    source: SourceRef | None
    # T(vi, en) values, rendered at the edge: text(finding.message, lang)
    message: str | T
    recommendation: str | T
    legal_basis: str | T
    subject: str  # what was found, normalised into the fingerprint (a term, a number…)
    catalog: str  # catalog identity
    file: str | None
    fingerprint: str = ""
    # Detail for machine output (JSON "data"): "days_before"/"days_after", "replaced_by",
    # "database", "term", "reason"… Documents and cost read ``effect`` and ``payload``.
    # dataclasses.field: the attribute `field` above hides the name in this class body (for type checkers)
    data: dict[str, Any] = dataclasses.field(default_factory=dict)
    agencies: list[str] = dataclasses.field(default_factory=list)
    procedure_field: str | None = None  # the procedure's lĩnh vực, for breakdowns
    effect: Effect = Effect.NONE  # the rule's effect (Rule.effect)
    payload: Payload = dataclasses.field(default_factory=Payload)

    def to_dict(self, lang: Lang) -> dict[str, Any]:
        """The JSON form: message, recommendation and legal basis in ``lang``, and both
        languages under ``"text"`` (``{"vi": {...}, "en": {...}}``)."""
        return {
            "fingerprint": self.fingerprint,
            "rule": self.rule_name,
            "code": self.rule_code,
            "group": self.group.value,
            "severity": self.severity.value,
            "catalog": self.catalog,
            "file": self.file,
            "procedure": {"code": self.procedure_code, "name": self.procedure_name, "field": self.procedure_field},
            "field": self.field,
            "position": self.source.to_dict() if self.source else None,
            "message": text(self.message, lang),
            "recommendation": text(self.recommendation, lang),
            "legal_basis": text(self.legal_basis, lang),
            "subject": self.subject,
            "data": _jsonable(self.data, lang),
            "text": {
                code: {
                    "message": text(self.message, code),
                    "recommendation": text(self.recommendation, code),
                    "legal_basis": text(self.legal_basis, code),
                }
                for code in LANGS
            },
        }


def _jsonable(value: Any, lang: Lang = "vi") -> Any:
    if isinstance(value, T):
        return value.text(lang)
    if isinstance(value, dict):
        return {str(k): _jsonable(v, lang) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v, lang) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return value.value
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def fingerprint(catalog: str, procedure_key: str, rule_code: str, field_name: str, subject: str) -> str:
    """Stable identity of a finding: never a row number, so re-sorting a sheet changes nothing."""
    parts = [match_key(catalog), procedure_key, rule_code, field_name, match_key(subject)]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def procedure_key(procedure: Procedure) -> str:
    return procedure.code.strip().upper() if procedure.code else "name:" + match_key(procedure.name)


@dataclass
class RuleContext:
    """What a check sees besides the procedure: the date, the knowledge, its options."""

    rule: Rule
    as_of: dt.date
    knowledge: Knowledge
    options: dict[str, Any]
    catalog: Catalog
    severity: Severity
    reference: Any = None  # the --reference catalogs (tthc.rules.reference.Reference), when given

    def finding(
        self,
        procedure: Procedure | None,
        field_name: str,
        message: str | T,
        recommendation: str | T,
        *,
        subject: str = "",
        source: SourceRef | None = None,
        legal_basis: str | T | None = None,
        data: dict[str, Any] | None = None,
        payload: Payload | None = None,
    ) -> Finding:
        """A finding of this rule; the position defaults to the field's position.

        A rule whose ``effect`` is not NONE passes the ``payload``: the part the finding is
        about and the figures its proposal needs.
        """
        if source is None and procedure is not None:
            source = procedure.source_of(field_name)
        return Finding(
            rule_code=self.rule.code,
            rule_name=self.rule.name,
            group=self.rule.group,
            severity=self.severity,
            procedure_code=procedure.code if procedure else None,
            procedure_name=procedure.name if procedure else None,
            field=field_name,
            source=source,
            message=_shared(message),  # the same message on many procedures: held once
            recommendation=_shared(recommendation),
            legal_basis=legal_basis or self.rule.legal_basis,
            subject=subject,
            catalog=sys.intern(self.catalog.identity),  # one string for all the catalog's findings
            file=self.catalog.source_file,
            data=data or {},
            agencies=[a.name for a in procedure.agencies] if procedure else [],
            procedure_field=procedure.field if procedure else None,
            effect=self.rule.effect,
            payload=payload or NO_PAYLOAD,
        )


def _shared(value: str | T) -> str | T:
    """Equal texts as one object each (a large catalog repeats its messages thousands of times)."""
    if value.__class__ is T:
        return T(shared(value[0]), shared(value[1]))
    return shared(value) if value.__class__ is str else value


CheckResult = Iterator[Finding]
