"""What `tthc recommend` and `tthc cost` do between parsing options and rendering.

One :class:`PlanRequest` (the audit request, the cost inputs, the officer's decisions)
goes to :func:`prepare`, which reads the inputs that can be wrong cheaply first (cost
settings, the decisions file), then runs the audit with findings written in Vietnamese
(they go into documents for officials). :func:`make_plan` adds the filing details;
:func:`cost_table` gives `tthc cost` its rows; :func:`init_decisions` writes the YAML
decisions file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tthc.audit import Audit, AuditRequest, audit
from tthc.errors import TthcError
from tthc.plan.cost import CostSettings

SUFFIXES = (".docx", ".xlsx", ".md")


class PlanInputError(TthcError, ValueError):
    """A bad option or input file for a plan (the CLI prints one line, exit 2)."""


@dataclass(frozen=True)
class FilingOptions:
    issuer: str | None = None
    number: str | None = None
    place: str | None = None
    date: dt.date | None = None
    signer: str | None = None
    signer_title: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlanRequest:
    audit: AuditRequest
    hourly_rate: str | None = None
    mode: str | None = None
    decisions: Path | None = None  # the plan workbook (.xlsx) or a YAML decisions file
    read_decisions: bool = True  # False for --init (the file is written, not read)
    filing: FilingOptions = field(default_factory=FilingOptions)


@dataclass
class Prepared:
    """What recommend and cost share: the audit (in Vietnamese), cost settings, decisions."""

    audit: Audit
    settings: CostSettings
    decisions: Mapping | None  # fingerprint -> tthc.plan.decisions.Decision


def prepare(request: PlanRequest, progress=None) -> Prepared:
    """Cost settings and decisions first (fast to fail), then the audit in Vietnamese.

    Raises CostError, DecisionsError, SelectionError, KnowledgeError or LoadError.
    """
    from dataclasses import replace

    from tthc.knowledge import load_knowledge
    from tthc.plan.cost import resolve_settings
    from tthc.plan.decisions import read_decisions

    config = request.audit.config
    knowledge = load_knowledge(config.knowledge_files, include_unconfirmed=config.include_unconfirmed)
    settings = resolve_settings(
        config.cost,
        knowledge.targets,
        mode=request.mode,
        hourly_rate=request.hourly_rate,
        config_name=str(config.path or "tthc.yaml"),
    )
    decisions = None
    if request.decisions is not None and request.read_decisions:
        decisions = read_decisions(request.decisions)
    result = audit(replace(request.audit, language="vi"), progress)
    return Prepared(result, settings, decisions)


def make_plan(prepared: Prepared, options: FilingOptions):
    """The plan with its filing details; FilingError when the issuer or the place must be given."""
    from tthc.plan.build import build_plan
    from tthc.plan.filing import resolve_filing

    result = prepared.audit
    filing = resolve_filing(
        result.catalogs,
        result.knowledge,
        result.as_of,
        issuer=options.issuer,
        number=options.number,
        place=options.place,
        date=options.date,
        signer=options.signer,
        signer_title=options.signer_title,
        recipients=options.recipients,
    )
    return build_plan(
        result.catalogs,
        result.findings,
        prepared.settings,
        as_of=result.as_of,
        filing=filing,
        decisions=prepared.decisions,
        knowledge=result.knowledge,
    )


def write_plan(plan, output: Path) -> None:
    suffix = output.suffix.lower()
    if suffix == ".docx":
        from tthc.report.docx_plan import write_docx

        write_docx(plan, output)
    elif suffix == ".xlsx":
        from tthc.report.xlsx_plan import write_xlsx

        write_xlsx(plan, output)
    else:
        from tthc.report.markdown_plan import write_markdown

        write_markdown(plan, output)


def cost_table(prepared: Prepared):
    from tthc.plan.build import cost_rows

    result = prepared.audit
    return cost_rows(result.catalogs, result.findings, prepared.settings, prepared.decisions)


def stale_decisions(prepared: Prepared) -> int:
    """How many decisions match no current finding."""
    if prepared.decisions is None:
        return 0
    current = {f.fingerprint for f in prepared.audit.findings}
    return len(
        {id(d) for fp, d in prepared.decisions.items() if fp not in current and not current & {d.fingerprint, *d.also}}
    )


def init_decisions(path: Path, prepared: Prepared):
    """Write the YAML decisions file: every current proposal, the decisions already there kept."""
    from tthc.plan.build import build_plan
    from tthc.plan.decisions import dump_decisions, merge_decisions, proposal_decisions, read_decisions
    from tthc.report.files import write_text_atomic

    if path.suffix.lower() == ".xlsx":
        raise PlanInputError(
            f"{path}: --init ghi tệp quyết định YAML; bảng tính phương án (-o plan.xlsx) đã có cột 'Quyết định'"
        )
    existing = read_decisions(path) if path.is_file() else {}
    result = prepared.audit
    plan = build_plan(result.catalogs, result.findings, prepared.settings, as_of=result.as_of)
    merged, report = merge_decisions(existing, proposal_decisions(plan.reviewable))
    write_text_atomic(path, dump_decisions(merged))
    return report


def check_outputs(output: Path | None, decisions: Path | None, inputs: Sequence[Path]) -> None:
    """PlanInputError for an unknown suffix, or a decisions file that is an input catalog."""
    from tthc.i18n import T

    if output is not None and output.suffix.lower() not in SUFFIXES:
        raise PlanInputError(
            T(
                f"{output}: định dạng '{output.suffix or '(không có đuôi)'}' không hỗ trợ; dùng .docx, .xlsx hoặc .md",
                f"{output}: unsupported format '{output.suffix or '(no suffix)'}'; use .docx, .xlsx or .md",
            )
        )
    resolved = {p.resolve() for p in inputs}  # an output naming an input: cli.common.output_target
    if decisions is not None and decisions.resolve() in resolved:
        raise PlanInputError(T(f"{decisions}: là tệp danh mục đầu vào", f"{decisions}: is an input catalog"))


def input_files(paths: Sequence[Path]) -> list[Path]:
    """The catalog files the paths name (errors are reported when the audit loads them)."""
    from tthc.load import discover

    try:
        return list(discover(paths))
    except Exception:
        return []
