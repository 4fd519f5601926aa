"""`tthc recommend`: the simplification plan (.docx, .xlsx, .md) from the findings."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from tthc.cli.check import AsOfOption, ConfigOption, IgnoreOption, SelectOption, parse_as_of, split_selectors
from tthc.cli.common import (
    EXIT_OK,
    LangOption,
    PathsArgument,
    UsageError,
    apply_language,
    default_paths,
    exit_on_errors,
    fail,
    output_target,
    stderr_console,
)
from tthc.i18n import language, set_language, tr

SUFFIXES = (".docx", ".xlsx", ".md")


class CostMode(StrEnum):
    practice = "practice"
    scm = "scm"


HourlyRateOption = Annotated[
    str | None,
    typer.Option(
        "--hourly-rate",
        help="Thu nhập bình quân (đồng/giờ), ví dụ 40000 (mặc định: cấu hình hoặc tri thức targets.yaml).",
        show_default=False,
    ),
]
ModeOption = Annotated[
    CostMode | None,
    typer.Option("--mode", help="Cách tính chi phí tuân thủ: practice (như các tỉnh tính) | scm.", show_default=False),
]
DecisionsOption = Annotated[
    Path | None,
    typer.Option("--decisions", help="Tệp YAML quyết định của cán bộ: chỉ đưa đề xuất accepted/edited vào văn bản."),
]


class Prepared:
    """What recommend and cost share: the audit (in Vietnamese), cost settings, decisions."""

    def __init__(self, audit, settings, decisions) -> None:
        self.audit, self.settings, self.decisions = audit, settings, decisions


def prepare(
    paths: list[Path] | None,
    *,
    config: Path | None,
    as_of: str | None,
    select: list[str] | None,
    ignore: list[str] | None,
    hourly_rate: str | None,
    mode: CostMode | None,
    decisions: Path | None,
    read_decisions_file: bool = True,
) -> Prepared:
    """Load, run the rules (messages in Vietnamese: they go into documents), resolve cost inputs."""
    from tthc.audit import run_audit
    from tthc.config import load_config
    from tthc.cost import CostError, resolve_settings
    from tthc.decisions import DecisionsError, read_decisions
    from tthc.engine import SelectionError
    from tthc.knowledge import load_knowledge

    user_language = language()
    with exit_on_errors():
        try:
            cfg = load_config(config)
            knowledge = load_knowledge(cfg.knowledge_files, include_unconfirmed=cfg.include_unconfirmed)
            settings = resolve_settings(
                cfg.cost,
                knowledge.targets,
                mode=mode.value if mode else None,
                hourly_rate=hourly_rate,
                config_name=str(cfg.path or "tthc.yaml"),
            )
            chosen = None
            if decisions is not None and read_decisions_file:
                if not decisions.is_file():
                    raise UsageError(
                        tr(
                            f"{decisions}: không có tệp quyết định; tạo bằng --decisions {decisions} --init",
                            f"{decisions}: no decisions file; create it with --decisions {decisions} --init",
                        )
                    )
                chosen = read_decisions(decisions)
            set_language("vi")
            try:
                audit = run_audit(
                    default_paths(paths),
                    cfg,
                    as_of=parse_as_of(as_of),
                    select=split_selectors(select),
                    ignore=split_selectors(ignore),
                )
            finally:
                set_language(user_language)
        except (SelectionError, CostError, DecisionsError) as exc:
            raise UsageError(str(exc)) from None
    if audit.load_errors:
        from tthc.report.terminal import esc  # catalog text is never markup

        err = stderr_console()
        for issue in audit.load_errors:
            err.print(f"[red]{tr('lỗi', 'error')}[/] {esc(issue)}", soft_wrap=True, markup=True, highlight=False)
        raise fail(
            tr(
                "danh mục có lỗi định dạng, chưa lập văn bản; chạy 'tthc validate' để xem chi tiết",
                "catalogs have format errors, nothing written; run 'tthc validate' for details",
            )
        )
    return Prepared(audit, settings, chosen)


def check_output(output: Path, inputs: list[Path | None]) -> None:
    """Exit 2 with one line for an unknown suffix or an output that would overwrite an input."""
    if output.suffix.lower() not in SUFFIXES:
        raise fail(
            tr(
                f"{output}: định dạng '{output.suffix or '(không có đuôi)'}' không hỗ trợ; dùng .docx, .xlsx hoặc .md",
                f"{output}: unsupported format '{output.suffix or '(no suffix)'}'; use .docx, .xlsx or .md",
            )
        )
    with exit_on_errors():
        output_target(output, inputs, stdout=False)


def recommend(
    paths: PathsArgument = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Tệp văn bản: .docx, .xlsx hoặc .md.", show_default=False)
    ] = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    as_of: AsOfOption = None,
    config: ConfigOption = None,
    hourly_rate: HourlyRateOption = None,
    mode: ModeOption = None,
    issuer: Annotated[
        str | None,
        typer.Option(
            "--issuer", help="Cơ quan ban hành ở góc trái, ví dụ 'UBND TỈNH ĐỒNG NAI' (mặc định: theo danh mục)."
        ),
    ] = None,
    decisions: DecisionsOption = None,
    init: Annotated[
        bool,
        typer.Option("--init", help="Ghi tệp --decisions với mọi đề xuất ở trạng thái pending (giữ quyết định đã có)."),
    ] = False,
    lang: LangOption = None,
) -> None:
    """Lập phương án đơn giản hóa TTHC (.docx, .xlsx, .md) kèm chi phí tuân thủ. / Write the simplification plan."""
    apply_language(lang)
    if init:
        if decisions is None:
            raise fail(tr("--init cần --decisions TỆP", "--init needs --decisions FILE"))
        if output is not None:
            raise fail(
                tr(
                    "--init chỉ ghi tệp quyết định; bỏ -o, chạy lại sau khi xem xét",
                    "--init only writes the decisions file; drop -o and run again after review",
                )
            )
    elif output is None:
        raise fail(tr("cần -o TỆP (.docx, .xlsx hoặc .md)", "-o FILE is required (.docx, .xlsx or .md)"))
    inputs = _input_files(paths)
    if output is not None:
        check_output(output, [*inputs, config, decisions])
    if decisions is not None:
        for path in inputs:
            if path.resolve() == decisions.resolve():
                raise fail(tr(f"{decisions}: là tệp danh mục đầu vào", f"{decisions}: is an input catalog"))
    prepared = prepare(
        paths,
        config=config,
        as_of=as_of,
        select=select,
        ignore=ignore,
        hourly_rate=hourly_rate,
        mode=mode,
        decisions=decisions,
        read_decisions_file=not init,
    )
    if init:
        _init_decisions(decisions, prepared)  # type: ignore[arg-type]
        raise typer.Exit(EXIT_OK)
    from tthc.plan import build_plan

    audit = prepared.audit
    plan = build_plan(
        audit.catalogs,
        audit.findings,
        prepared.settings,
        as_of=audit.as_of,
        issuer=issuer,
        decisions=prepared.decisions,
    )
    assert output is not None
    with exit_on_errors():
        _write(plan, output)
    _report(plan, output, prepared)
    raise typer.Exit(EXIT_OK)


def _input_files(paths: list[Path] | None) -> list[Path]:
    from tthc.load import discover

    try:
        return list(discover(default_paths(paths)))
    except Exception:  # reported properly when the audit loads them
        return []


def _write(plan, output: Path) -> None:
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


def _report(plan, output: Path, prepared: Prepared) -> None:
    from tthc.cost import format_vnd

    err = stderr_console()
    items = sum(len(s.items) for s in plan.sections)
    total = plan.total
    err.print(
        tr(
            f"Đã ghi {output}: {items} đề xuất ở {len(plan.sections)} thủ tục; "
            f"chi phí tiết kiệm {format_vnd(total.saving)} đồng/năm"
            + (f" (chưa rõ chi phí: {total.unknown} thủ tục)" if total.unknown else ""),
            f"Wrote {output}: {items} proposals on {len(plan.sections)} procedures; "
            f"cost saved {format_vnd(total.saving)} VND/year"
            + (f" (cost unknown: {total.unknown} procedures)" if total.unknown else ""),
        ),
        soft_wrap=True,
        markup=False,
    )
    if prepared.decisions is not None:
        skipped = plan.skipped
        current = {f.fingerprint for f in prepared.audit.findings}
        stale = [fp for fp in prepared.decisions if fp not in current]
        err.print(
            tr(
                f"Theo tệp quyết định: bỏ qua {skipped.get('rejected', 0)} đề xuất bị từ chối, "
                f"{skipped.get('pending', 0)} chưa xem xét; {len(stale)} quyết định không còn khớp đề xuất nào",
                f"From the decisions file: left out {skipped.get('rejected', 0)} rejected and "
                f"{skipped.get('pending', 0)} pending proposals; {len(stale)} decisions match no current proposal",
            ),
            soft_wrap=True,
            markup=False,
        )


def _init_decisions(path: Path, prepared: Prepared) -> None:
    from tthc.decisions import (
        DecisionsError,
        dump_decisions,
        merge_decisions,
        proposal_decisions,
        read_decisions,
    )
    from tthc.plan import make_item, proposal_findings
    from tthc.report.files import write_text_atomic

    existing = {}
    if path.is_file():
        try:
            existing = read_decisions(path)
        except DecisionsError as exc:
            raise fail(str(exc)) from None
    items = [make_item(f) for f in proposal_findings(prepared.audit.findings)]
    merged, report = merge_decisions(existing, proposal_decisions(items))
    with exit_on_errors():
        write_text_atomic(path, dump_decisions(merged))
    err = stderr_console()
    err.print(
        tr(
            f"Đã ghi {path}: {report.added} đề xuất mới (pending), giữ {report.kept} quyết định đã có; "
            f"{len(report.gone)} đề xuất không còn xuất hiện (giữ trong tệp, found: false)",
            f"Wrote {path}: {report.added} new proposals (pending), kept {report.kept} decisions; "
            f"{len(report.gone)} proposals no longer occur (kept in the file, found: false)",
        ),
        soft_wrap=True,
        markup=False,
    )
    for gone in report.gone:
        what = gone.info.get("procedure") or ""
        err.print(f"  - {gone.fingerprint} {what} ({gone.status})", soft_wrap=True, markup=False)
