"""`tthc validate`: load only, report every problem with its position."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer

from tthc.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    LangOption,
    PathsArgument,
    chosen_language,
    default_paths,
    exit_on_errors,
    format_errors_hint,
    stdout_console,
)


class ValidateFormat(StrEnum):
    text = "text"
    json = "json"


def validate(
    paths: PathsArgument = None,
    format: Annotated[ValidateFormat, typer.Option("--format", "-f", help="text | json")] = ValidateFormat.text,
    lang_option: LangOption = None,
) -> None:
    """Đọc danh mục và báo mọi lỗi định dạng kèm vị trí (ô, dòng). / Load catalogs and report format problems."""
    lang = chosen_language(lang_option)
    from tthc.audit import configured_limits
    from tthc.i18n import tr
    from tthc.load import LoadError, discover, load_file
    from tthc.report.validation import file_report, render, to_json

    with exit_on_errors(lang):
        files = discover(default_paths(paths))
        limits = configured_limits()
    from tthc.report.terminal.console import progress

    reports = []
    with progress() as bar:
        tick = bar.step(tr(lang, "Đang đọc danh mục", "Reading catalogs"), total=len(files))
        for path in files:
            try:
                reports.append(file_report(str(path), load_file(path, limits), None))
            except LoadError as exc:
                reports.append(file_report(str(path), None, exc))
            tick(1)
    if format is ValidateFormat.json:
        print(json.dumps(to_json(reports, lang=lang), ensure_ascii=False, indent=2))
        for r in reports:  # scripts read the JSON; people read one line per invalid file
            problem = r.error.text(lang) if r.error is not None else None
            if problem is None and r.result is not None and r.result.errors:
                problem = format_errors_hint(r.result.errors).text(lang)
            if problem:
                print(f"tthc: {tr(lang, 'lỗi', 'error')}: {problem}", file=sys.stderr)
    else:
        render(reports, stdout_console(), lang=lang)
    raise typer.Exit(EXIT_OK if all(r.ok for r in reports) else EXIT_ERROR)
