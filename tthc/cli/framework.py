"""Typer and Click in the user's language.

Click prints its own words in English: "Usage:", "Options:", "Show this message and exit.",
"Error: No such option: --x", "Missing argument 'RULE'.". A Vietnamese user must read
Vietnamese there too, and --lang en must give English. Click reports a bad option before the
command's --lang is parsed, so the language is read from the command line and TTHC_LANG first
(:func:`tthc.i18n.language_from`), once, when the root group starts; it travels in the Click
context (``ctx.lang``) to every help formatter and error report, and each command reads its
own ``--lang`` option (the same choice) and passes it to what it renders.

Use :class:`Typer` instead of ``typer.Typer`` for the app and any sub-app: its groups and
commands format help and errors through :mod:`tthc.i18n`. Help texts may be written
"Tiếng Việt / English"; each paragraph shows the half of the current language.
"""

from __future__ import annotations

import sys
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from tthc.i18n import Lang, click_message, help_text, help_words, language_from, pick, tr

try:  # Typer >= 0.20 vendors Click
    from typer._click import exceptions as _exceptions
    from typer._click.formatting import HelpFormatter
except ImportError:  # pragma: no cover - older Typer on top of Click
    from click import exceptions as _exceptions  # type: ignore[no-redef]
    from click.formatting import HelpFormatter  # type: ignore[no-redef]


class Formatter(HelpFormatter):
    """Click's help layout with tthc's words, in the language of the context that made it."""

    lang: Lang = "vi"

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        for en in ("[OPTIONS]", "COMMAND [ARGS]..."):
            args = args.replace(en, help_words(en, self.lang))
        super().write_usage(prog, args, tr(self.lang, "Cách dùng: ", "Usage: ") if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(help_words(heading, self.lang))

    def write_text(self, text: str) -> None:
        super().write_text(pick(text, self.lang))

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, help_text(text, self.lang)) for term, text in rows], col_max, col_spacing)


class Context(TyperCommand.context_class):  # type: ignore[misc,name-defined,valid-type]
    """Click's context with the invocation's language (``lang``), inherited by sub-contexts."""

    formatter_class = Formatter

    def __init__(self, *args: Any, lang: Lang | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parent = self.parent
        self.lang: Lang = lang or (getattr(parent, "lang", None) if parent is not None else None) or "vi"

    def make_formatter(self) -> Any:
        formatter = super().make_formatter()
        formatter.lang = self.lang
        return formatter


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
            rows.append((name, _short_help(cmd, formatter.width - 6 - len(name), ctx.lang)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def main(self, args: Any = None, prog_name: str | None = None, *extra: Any, **kwargs: Any) -> Any:
        """Run the app; Click's usage errors are shown in the language the command line asks for."""
        argv = list(sys.argv[1:] if args is None else args)
        lang = language_from(argv)  # decided once for the invocation; the context carries it
        kwargs.setdefault("lang", lang)
        standalone = kwargs.pop("standalone_mode", True)
        kwargs["standalone_mode"] = False
        if not standalone:
            return super().main(argv, prog_name, *extra, **kwargs)
        try:
            result = super().main(argv, prog_name, *extra, **kwargs)
        except _exceptions.ClickException as exc:
            show_error(exc, lang)
            sys.exit(exc.exit_code)
        except typer.Abort:
            print(click_message("Aborted!", lang), file=sys.stderr)
            sys.exit(1)
        sys.exit(result if isinstance(result, int) and not isinstance(result, bool) else 0)


def _short_help(cmd: Any, limit: int, lang: Lang) -> str:
    """First paragraph of the help, in ``lang``, cut at a sentence or word boundary."""
    if cmd.short_help:
        return pick(cmd.short_help, lang)
    text = pick((cmd.help or "").strip().split("\n\n")[0], lang)
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 3, 1)]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:") + "..."


def show_error(exc: Any, lang: Lang) -> None:
    """Click's error report (usage, hint, "Error: …") in ``lang``, on stderr."""
    if isinstance(exc, _exceptions.NoArgsIsHelpError):
        exc.show()
        return
    out = sys.stderr
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        print(ctx.get_usage(), file=out)
        if ctx.command.get_help_option(ctx) is not None:
            command, option = ctx.command_path, ctx.help_option_names[0]
            print(
                tr(lang, f"Xem '{command} {option}' để biết cách dùng.", f"Try '{command} {option}' for help."),
                file=out,
            )
        print(file=out)
    print(f"{tr(lang, 'Lỗi', 'Error')}: {click_message(exc.format_message(), lang)}", file=out)


class Typer(typer.Typer):
    """typer.Typer whose groups and commands speak the user's language (see the module docstring)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("cls", Group)
        kwargs.setdefault("rich_markup_mode", None)
        super().__init__(**kwargs)

    def command(self, name: str | None = None, **kwargs: Any) -> Any:
        kwargs.setdefault("cls", Command)
        return super().command(name, **kwargs)
