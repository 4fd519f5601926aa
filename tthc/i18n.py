"""Language of user-facing text: Vietnamese by default, English on request.

A message is a value that carries both languages, ``T("Tiếng Việt", "English")``, written in
place so a reader of the code sees both and nothing can fall out of sync with a catalogue
file. Findings, load issues and errors hold such values; they are rendered in the language the
user asked for **at the edge** — the terminal, the machine formats, the documents — with
``text(value, lang)`` (documents for officials always render ``"vi"``).

The language is decided once per invocation (``--lang``, else ``TTHC_LANG``, else vi: see
:func:`language_from`) and passed down explicitly; this module holds no state. Code that
prints at once, with the language in hand, may write ``tr(lang, "Tiếng Việt", "English")``.
"""

from __future__ import annotations

import os
from types import MappingProxyType
from typing import Any, Literal, TypeAlias, cast, overload

Lang: TypeAlias = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")
_SUPPORTED = LANGS


def as_lang(value: Any) -> Lang:
    """A language code ("vi"/"en", or an enum holding one); None means the default, vi."""
    if value is None:
        return "vi"
    code = getattr(value, "value", value)
    if code not in LANGS:
        raise ValueError(f"unsupported language {code!r}; use one of {', '.join(LANGS)}")
    return cast(Lang, code)


class T(tuple):
    """A text in both languages: ``T("Tiếng Việt", "English")``, rendered with ``.text(lang)``.

    ``T + str``, ``str + T`` and ``T + T`` join in each language; ``T.join`` joins many.
    ``str()`` of a T is its Vietnamese (the documents' language): render with ``text()``.
    """

    __slots__ = ()

    def __new__(cls, vi: str, en: str | None = None) -> T:
        return super().__new__(cls, (vi, vi if en is None else en))

    @property
    def vi(self) -> str:
        return self[0]

    @property
    def en(self) -> str:
        return self[1]

    def text(self, lang: Lang) -> str:
        return self[1] if lang == "en" else self[0]

    def __str__(self) -> str:
        return self[0]

    def __contains__(self, part: object) -> bool:  # type: ignore[override]
        """``"x" in message``: a substring of its Vietnamese, as ``in str(message)`` (transitional, like ``str()``)."""
        return isinstance(part, str) and part in self[0]

    def __format__(self, spec: str) -> str:
        return format(self[0], spec)

    def __add__(self, other: object) -> T:  # type: ignore[override]
        if isinstance(other, T):
            return T(self[0] + other[0], self[1] + other[1])
        if isinstance(other, str):
            return T(self[0] + other, self[1] + other)
        return NotImplemented

    def __radd__(self, other: object) -> T:
        if isinstance(other, str):
            return T(other + self[0], other + self[1])
        return NotImplemented

    def map(self, func: Any) -> T:
        """``func`` applied to each language's text."""
        return T(func(self[0]), func(self[1]))

    @staticmethod
    def join(sep: str | T, parts: Any) -> T:
        """The parts (str or T) joined by ``sep`` in each language."""
        items = list(parts)
        s = sep if isinstance(sep, T) else T(sep, sep)
        return T(s[0].join(text(p, "vi") for p in items), s[1].join(text(p, "en") for p in items))


Text: TypeAlias = "str | T"


@overload
def tr(vi: str, en: str, /) -> T: ...
@overload
def tr(lang: Lang, vi: str, en: str, /) -> str: ...
def tr(*args: str) -> str | T:
    """``tr(lang, "Tiếng Việt", "English")``: the message in ``lang``, for code that prints at once.

    With two arguments, ``tr("Tiếng Việt", "English")`` is the older spelling of
    ``T("Tiếng Việt", "English")``: a value in both languages, rendered at the edge.
    """
    if len(args) == 2:
        return T(args[0], args[1])
    lang, vi, en = args
    return en if lang == "en" else vi


def text(value: Any, lang: Lang) -> str:
    """A message in ``lang``: a ``T``, anything with a ``text(lang)`` method (findings' parts,
    load issues, positions, errors), or a string as it is (catalog text, numbers)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    render = getattr(value, "text", None)
    if callable(render):
        return str(render(lang))
    return str(value)


def both(value: Any) -> T:
    """A message as a ``T`` (a plain string is the same in both languages)."""
    if isinstance(value, T):
        return value
    return T(text(value, "vi"), text(value, "en"))


# -- the command line's own words (Click/Typer) ---------------------------------------------------
#
# Click and Typer print their messages in English ("Usage:", "Error: No such option: --x",
# "Show this message and exit."). tthc.cli.framework passes each of them through these
# functions, so a Vietnamese user reads Vietnamese; with --lang en they stay as Click wrote them.


def language_from(argv: list[str], environ: Any = None) -> Lang:
    """The language a command line asks for, read before Click parses it (Click's own errors
    come before --lang is parsed): the last valid ``--lang X``/``--lang=X``, else TTHC_LANG, else vi."""
    chosen = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else arg[7:] if arg.startswith("--lang=") else None
        if value in _SUPPORTED:
            chosen = value
    if chosen:
        return as_lang(chosen)
    env = (os.environ if environ is None else environ).get("TTHC_LANG")
    return as_lang(env) if env in _SUPPORTED else "vi"


def pick(text: str, lang: Lang) -> str:
    """One language of a help text written "Tiếng Việt / English" (per paragraph; a paragraph
    without exactly one " / " is shown as written)."""
    out = []
    for paragraph in text.split("\n\n"):
        halves = paragraph.split(" / ")
        out.append((halves[1] if lang == "en" else halves[0]).strip() if len(halves) == 2 else paragraph)
    return "\n\n".join(out)


_HELP_WORDS = MappingProxyType(
    {
        "Show this message and exit.": "In hướng dẫn này rồi thoát.",
        "Arguments": "Đối số",
        "Options": "Tùy chọn",
        "Commands": "Lệnh",
        "[OPTIONS]": "[TÙY CHỌN]",
        "COMMAND [ARGS]...": "LỆNH [ĐỐI SỐ]...",
    }
)

_HELP_EXTRAS = (("default: ", "mặc định: "), ("env var: ", "biến môi trường: "), ("required", "bắt buộc"))


def help_text(text: str, lang: Lang) -> str:
    """An option's help as Click shows it — our "Tiếng Việt / English" text, then Click's own
    "[default: x; env var: Y]" — in the current language."""
    import re

    match = re.search(r"\s+(\[[^\[\]]*\])$", text)
    if match is None:
        return help_words(pick(text, lang), lang)
    own = text[: match.start()]
    return (f"{help_words(pick(own, lang), lang)}  " if own else "") + help_words(match.group(1), lang)


def help_words(text: str, lang: Lang) -> str:
    """Click's help vocabulary (headings, the --help line, "[default: x]") in the current language."""
    if lang == "en":
        return text
    if text in _HELP_WORDS:
        return _HELP_WORDS[text]
    import re

    def extras(match: re.Match) -> str:
        parts = []
        for part in match.group(1).split("; "):
            for en, vi in _HELP_EXTRAS:
                if part.startswith(en):
                    part = vi + part[len(en) :]
                    break
            parts.append(part)
        return f"[{'; '.join(parts)}]"

    return re.sub(r"\[((?:default: |env var: |required)[^\[\]]*)\]\s*$", extras, text)


_PARAM_KIND = MappingProxyType({"argument": "đối số", "option": "tùy chọn", "parameter": "tham số"})
_PATH_KIND = MappingProxyType({"File": "tệp", "Directory": "thư mục", "Path": "đường dẫn"})

# (English pattern as Click/Typer/pydantic write it, Vietnamese template); the inner message
# of "Invalid value for X: …" is translated again with the same table.
_CLICK_MESSAGES: tuple[tuple[str, str], ...] = (
    (r"No such option: (?P<name>\S+)(?: \(Possible options: (?P<near>.+)\))?", "không có tùy chọn {name}{near}"),
    (r"No such command '(?P<name>.+)'\.", "không có lệnh '{name}'"),
    (r"Missing command\.", "thiếu lệnh"),
    (r"Missing (?P<kind>argument|option|parameter)(?P<hint> .+?)?\.(?: (?P<more>.+))?", "thiếu {kind}{hint}{more}"),
    (
        r"Invalid value for (?P<hint>'[^']*'(?: / '[^']*')*(?: \(env var: '[^']*'\))?|[^:]+): (?P<inner>.+)",
        "giá trị không hợp lệ cho {hint}: {inner}",
    ),
    (r"Invalid value: (?P<inner>.+)", "giá trị không hợp lệ: {inner}"),
    (r"Option '(?P<name>.+)' requires an argument\.", "tùy chọn '{name}' cần một giá trị"),
    (r"Option '(?P<name>.+)' requires (?P<n>\d+) arguments\.", "tùy chọn '{name}' cần {n} giá trị"),
    (r"Option '(?P<name>.+)' does not take a value\.", "tùy chọn '{name}' không nhận giá trị"),
    (r"Argument '(?P<name>.+)' takes (?P<n>\d+) values\.", "đối số '{name}' cần {n} giá trị"),
    (r"Got unexpected extra arguments? \((?P<args>.+)\)", "thừa đối số ({args})"),
    (r"Got unexpected extra argument\(s\) \((?P<args>.+)\)", "thừa đối số ({args})"),
    (r"(?:Value error, )?(?P<value>.+) is not one of (?P<choices>.+)\.", "{value} không phải một trong {choices}"),
    (r"Input should be a valid integer, unable to parse string as an integer", "cần một số nguyên"),
    (r"Input should be a valid integer.*", "cần một số nguyên"),
    (r"Input should be a valid number.*", "cần một số"),
    (r"Input should be greater than or equal to (?P<n>.+)", "cần lớn hơn hoặc bằng {n}"),
    (r"Input should be less than or equal to (?P<n>.+)", "cần nhỏ hơn hoặc bằng {n}"),
    (r"Input should be greater than (?P<n>.+)", "cần lớn hơn {n}"),
    (r"Input should be less than (?P<n>.+)", "cần nhỏ hơn {n}"),
    (r"(?P<kind>File|Directory|Path) '(?P<path>.+)' does not exist\.", "{kind} '{path}' không tồn tại"),
    (r"(?P<kind>File|Directory|Path) '(?P<path>.+)' is a directory\.", "{kind} '{path}' là một thư mục"),
    (r"(?P<kind>File|Directory|Path) '(?P<path>.+)' is a file\.", "{kind} '{path}' là một tệp"),
    (r"(?P<kind>File|Directory|Path) '(?P<path>.+)' is not readable\.", "không đọc được {kind} '{path}'"),
    (r"(?P<kind>File|Directory|Path) '(?P<path>.+)' is not writable\.", "không ghi được vào {kind} '{path}'"),
    (r"Value (?P<value>.+) is not a valid (?P<type>.+)\.", "{value} không phải {type} hợp lệ"),
    (r"Aborted!?", "Đã dừng."),
)


def click_message(text: str, lang: Lang) -> str:
    """A message Click or Typer wrote in English, in the current language (unknown ones as written)."""
    if lang == "en":
        return text
    import re

    for pattern, template in _CLICK_MESSAGES:
        match = re.fullmatch(pattern, text, flags=re.DOTALL)
        if match is None:
            continue
        parts = {k: v or "" for k, v in match.groupdict().items()}
        if parts.get("near"):
            parts["near"] = f" (có phải: {parts['near']}?)"
        if "kind" in parts:
            parts["kind"] = _PARAM_KIND.get(parts["kind"], _PATH_KIND.get(parts["kind"], parts["kind"]))
        if parts.get("more"):
            parts["more"] = f". {click_message(parts['more'], lang)}"
        if "inner" in parts:
            parts["inner"] = click_message(parts["inner"], lang)
        if "hint" in parts:
            parts["hint"] = parts["hint"].replace("(env var: ", "(biến môi trường: ")
        return template.format(**parts)
    return text
