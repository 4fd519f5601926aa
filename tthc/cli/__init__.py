"""The command line: one module per command, no business logic here."""

from __future__ import annotations

from typing import Annotated

import typer

from tthc import __version__
from tthc.cli import baseline as _baseline
from tthc.cli import check as _check
from tthc.cli import convert as _convert
from tthc.cli import cost as _cost
from tthc.cli import diff as _diff
from tthc.cli import handbook as _handbook
from tthc.cli import history as _history
from tthc.cli import knowledge as _knowledge
from tthc.cli import merge as _merge
from tthc.cli import publish as _publish
from tthc.cli import recommend as _recommend
from tthc.cli import rules as _rules
from tthc.cli import schema as _schema
from tthc.cli import stats as _stats
from tthc.cli import template as _template
from tthc.cli import validate as _validate
from tthc.cli.framework import Typer

app = Typer(  # Click's own words (usage, errors, --help) in the user's language
    name="tthc",
    help="Kiểm soát danh mục thủ tục hành chính: tìm nội dung lạc hậu, đề xuất đơn giản hóa, "
    "xuất văn bản kiến nghị. / Audit catalogs of administrative procedures.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        print(f"tthc {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="In phiên bản / show the version.")
    ] = False,
) -> None:
    """tthc"""


app.command("validate")(_validate.validate)
app.command("check")(_check.check)
app.command("rules")(_rules.rules)
app.command("explain")(_rules.explain)
app.command("publish")(_publish.publish)
app.command("handbook")(_handbook.handbook)
app.command("stats")(_stats.stats)
app.add_typer(_baseline.app, name="baseline")
app.command("history")(_history.history)
app.add_typer(_knowledge.app, name="knowledge")
app.command("recommend")(_recommend.recommend)
app.command("cost")(_cost.cost)
app.command("convert")(_convert.convert)
app.command("template")(_template.template)
app.command("diff")(_diff.diff)
app.command("schema")(_schema.schema)
app.command("merge")(_merge.merge)


def main() -> None:
    """Entry point. A crash exits 2 (never 1, which a nightly job reads as "findings").

    Ctrl-C, SIGTERM and SIGHUP unwind (temp files are removed) and exit 128 + the signal
    (Click would turn Ctrl-C into exit 1, which reads as "findings"); a write or read the system
    refuses is one line (file, reason, what to do), never a traceback.
    """
    import sys

    from tthc.i18n import language_from, tr

    _terminate_cleanly()
    try:
        app()
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    except BrokenPipeError:
        _quiet_stdout()  # `tthc check | head`: the reader left; nothing to report
        raise SystemExit(2) from None
    except OSError as exc:
        import errno

        from tthc.report.files import write_error

        disk = exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT, errno.EROFS, errno.EIO)
        if not exc.filename and not disk:
            _internal_error()
        lang = language_from(sys.argv[1:])  # an error that escaped the command: read as the app does
        print(
            f"tthc: {tr(lang, 'lỗi', 'error')}: {write_error(exc.filename or '?', exc, writing=False).text(lang)}",
            file=sys.stderr,
        )
        raise SystemExit(2) from None
    except Exception as exc:
        from tthc.errors import TthcError

        if isinstance(exc, TthcError):  # a known error outside exit_on_errors(): still one line
            lang = language_from(sys.argv[1:])
            print(f"tthc: {tr(lang, 'lỗi', 'error')}: {exc.text(lang)}", file=sys.stderr)
            raise SystemExit(exc.exit_code) from None
        _internal_error()


def _internal_error() -> None:
    import sys
    import traceback

    traceback.print_exc()
    print(
        "tthc: lỗi nội bộ — xin báo lỗi kèm thông tin trên / internal error — please report it with the trace above",
        file=sys.stderr,
    )
    raise SystemExit(2) from None


def _terminate_cleanly() -> None:
    import signal

    def stop(signum, frame):
        raise SystemExit(128 + signum)

    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None and signal.getsignal(sig) in (signal.SIG_DFL, signal.default_int_handler):
            signal.signal(sig, stop)


def _quiet_stdout() -> None:
    import os
    import sys

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
