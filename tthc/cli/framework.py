"""Typer and Click in the user's language.

Click prints its own words in English: "Usage:", "Options:", "Show this message and exit.",
"Error: No such option: --x", "Missing argument 'RULE'.". A Vietnamese user must read
Vietnamese there too, and --lang en must give English. Click reports a bad option before the
command's --lang is parsed, so the language is read from the command line and TTHC_LANG first
(:func:`tthc.i18n.language_from`), when the root group starts.

Use :class:`Typer` instead of ``typer.Typer`` for the app and any sub-app: its groups and
commands format help and errors through :mod:`tthc.i18n`. Help texts may be written
"Tiếng Việt / English"; each paragraph shows the half of the current language.
"""

from __future__ import annotations

import sys
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from tthc.i18n import click_message, help_text, help_words, language_from, pick, set_language, tr

try:  # Typer >= 0.20 vendors Click
    from typer._click import exceptions as _exceptions
    from typer._click.formatting import HelpFormatter
except ImportError:  # pragma: no cover - older Typer on top of Click
    from click import exceptions as _exceptions  # type: ignore[no-redef]
    from click.formatting import HelpFormatter  # type: ignore[no-redef]


class Formatter(HelpFormatter):
    """Click's help layout with tthc's words."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        for en in ("[OPTIONS]", "COMMAND [ARGS]..."):
            args = args.replace(en, help_words(en))
        super().write_usage(prog, args, tr("Cách dùng: ", "Usage: ") if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(help_words(heading))

    def write_text(self, text: str) -> None:
        super().write_text(pick(text))

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, help_text(text)) for term, text in rows], col_max, col_spacing)


class Context(TyperCommand.context_class):  # type: ignore[misc,name-defined,valid-type]
    formatter_class = Formatter


class Command(TyperCommand):
    context_class = Context


class Group(TyperGroup):
    context_class = Context

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The command list, each with the first sentence of its help in the current language."""
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is None or cmd.hidden:
                continue
            rows.append((name, _short_help(cmd, formatter.width - 6 - len(name))))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def main(self, args: Any = None, prog_name: str | None = None, *extra: Any, **kwargs: Any) -> Any:
        """Run the app; Click's usage errors are shown in the language the command line asks for."""
        argv = list(sys.argv[1:] if args is None else args)
        set_language(language_from(argv))
        standalone = kwargs.pop("standalone_mode", True)
        kwargs["standalone_mode"] = False
        if not standalone:
            return super().main(argv, prog_name, *extra, **kwargs)
        try:
            result = super().main(argv, prog_name, *extra, **kwargs)
        except _exceptions.ClickException as exc:
            show_error(exc)
            sys.exit(exc.exit_code)
        except typer.Abort:
            print(click_message("Aborted!"), file=sys.stderr)
            sys.exit(1)
        sys.exit(result if isinstance(result, int) and not isinstance(result, bool) else 0)


def _short_help(cmd: Any, limit: int) -> str:
    """First paragraph of the help, in the current language, cut at a sentence or word boundary."""
    if cmd.short_help:
        return pick(cmd.short_help)
    text = pick((cmd.help or "").strip().split("\n\n")[0])
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 3, 1)]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:") + "..."


def show_error(exc: Any) -> None:
    """Click's error report (usage, hint, "Error: …") in the current language, on stderr."""
    if isinstance(exc, _exceptions.NoArgsIsHelpError):
        exc.show()
        return
    out = sys.stderr
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        print(ctx.get_usage(), file=out)
        if ctx.command.get_help_option(ctx) is not None:
            command, option = ctx.command_path, ctx.help_option_names[0]
            print(tr(f"Xem '{command} {option}' để biết cách dùng.", f"Try '{command} {option}' for help."), file=out)
        print(file=out)
    print(f"{tr('Lỗi', 'Error')}: {click_message(exc.format_message())}", file=out)


class Typer(typer.Typer):
    """typer.Typer whose groups and commands speak the user's language (see the module docstring)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("cls", Group)
        kwargs.setdefault("rich_markup_mode", None)
        super().__init__(**kwargs)

    def command(self, name: str | None = None, **kwargs: Any) -> Any:
        kwargs.setdefault("cls", Command)
        return super().command(name, **kwargs)
