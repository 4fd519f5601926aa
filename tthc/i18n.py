"""Language of user-facing text: Vietnamese by default, English on request.

Messages are written in place as pairs, ``tr("Tiếng Việt", "English")``, so a reader of
the code sees both and nothing can fall out of sync with a catalogue file. Documents for
officials (plans, annexes, handbooks) are always Vietnamese and do not use this.
"""

from __future__ import annotations

import os

_SUPPORTED = ("vi", "en")
_current = os.environ.get("TTHC_LANG", "vi") if os.environ.get("TTHC_LANG") in _SUPPORTED else "vi"


def set_language(lang: str | None) -> None:
    global _current
    if lang is None:
        lang = os.environ.get("TTHC_LANG") or "vi"
    if lang not in _SUPPORTED:
        raise ValueError(f"unsupported language {lang!r}; use one of {', '.join(_SUPPORTED)}")
    _current = lang


def language() -> str:
    return _current


def tr(vi: str, en: str) -> str:
    """The message in the current language."""
    return en if _current == "en" else vi


class T(tuple):
    """A text in both languages, rendered in the current one: ``T("Tiếng Việt", "English")``."""

    __slots__ = ()

    def __new__(cls, vi: str, en: str) -> T:
        return super().__new__(cls, (vi, en))

    @property
    def vi(self) -> str:
        return self[0]

    @property
    def en(self) -> str:
        return self[1]

    def __str__(self) -> str:
        return tr(self[0], self[1])


# -- the command line's own words (Click/Typer) ---------------------------------------------------
#
# Click and Typer print their messages in English ("Usage:", "Error: No such option: --x",
# "Show this message and exit."). tthc.cli.framework passes each of them through these
# functions, so a Vietnamese user reads Vietnamese; with --lang en they stay as Click wrote them.


def language_from(argv: list[str], environ: dict[str, str] | None = None) -> str:
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
        return chosen
    env = (os.environ if environ is None else environ).get("TTHC_LANG")
    return env if env in _SUPPORTED else "vi"


def pick(text: str) -> str:
    """One language of a help text written "Tiếng Việt / English" (per paragraph; a paragraph
    without exactly one " / " is shown as written)."""
    out = []
    for paragraph in text.split("\n\n"):
        halves = paragraph.split(" / ")
        out.append((halves[1] if _current == "en" else halves[0]).strip() if len(halves) == 2 else paragraph)
    return "\n\n".join(out)


_HELP_WORDS = {
    "Show this message and exit.": "In hướng dẫn này rồi thoát.",
    "Arguments": "Đối số",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "[OPTIONS]": "[TÙY CHỌN]",
    "COMMAND [ARGS]...": "LỆNH [ĐỐI SỐ]...",
}

_HELP_EXTRAS = (("default: ", "mặc định: "), ("env var: ", "biến môi trường: "), ("required", "bắt buộc"))


def help_text(text: str) -> str:
    """An option's help as Click shows it — our "Tiếng Việt / English" text, then Click's own
    "[default: x; env var: Y]" — in the current language."""
    import re

    match = re.search(r"\s+(\[[^\[\]]*\])$", text)
    if match is None:
        return help_words(pick(text))
    own = text[: match.start()]
    return (f"{help_words(pick(own))}  " if own else "") + help_words(match.group(1))


def help_words(text: str) -> str:
    """Click's help vocabulary (headings, the --help line, "[default: x]") in the current language."""
    if _current == "en":
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


_PARAM_KIND = {"argument": "đối số", "option": "tùy chọn", "parameter": "tham số"}
_PATH_KIND = {"File": "tệp", "Directory": "thư mục", "Path": "đường dẫn"}

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


def click_message(text: str) -> str:
    """A message Click or Typer wrote in English, in the current language (unknown ones as written)."""
    if _current == "en":
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
            parts["more"] = f". {click_message(parts['more'])}"
        if "inner" in parts:
            parts["inner"] = click_message(parts["inner"])
        if "hint" in parts:
            parts["hint"] = parts["hint"].replace("(env var: ", "(biến môi trường: ")
        return template.format(**parts)
    return text
