"""What people read on a terminal (issue #11): catalog text printed as written, one line per
finding, tables that fit 80 columns, Click's own words in the user's language, progress only
on a terminal."""

from __future__ import annotations

import json
import re
import sys
import time
from io import StringIO
from pathlib import Path

import pytest
from rich.cells import cell_len

from tests.conftest import CATALOGS, FIXTURES, write_yaml_catalog

BRACKETS = FIXTURES / "terminal" / "brackets.yaml"
OLD = CATALOGS / "kim-bang-2019-2020.yaml"
NARROW = {"COLUMNS": "80"}
# Letters only Vietnamese uses (with their tone marks): none may come from tthc itself in English.
VIETNAMESE = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I)


def widest(text: str) -> int:
    return max((cell_len(line) for line in text.splitlines()), default=0)


# -- catalog text is data, never markup or emoji ------------------------------------------------


def test_validate_prints_a_closing_bracket_tag_instead_of_crashing(cli) -> None:
    code, out, err = cli("validate", BRACKETS)
    assert code == 0, err  # a warning only; Rich's MarkupError used to end in a traceback and exit 2
    assert "MarkupError" not in err
    assert "'ba hôm [/xem ghi chú]'" in out
    assert "Thuế [xem ghi chú]" in out  # the field table


@pytest.mark.parametrize("command", ["validate", "check", "stats", "cost"])
def test_bracketed_catalog_text_is_kept(cli, command: str) -> None:
    code, out, _ = cli(command, BRACKETS, env={"COLUMNS": "160"})  # wide enough for the whole message
    assert code in (0, 1)
    expected = {
        "validate": ["Thuế [xem ghi chú]", "[/xem ghi chú]"],
        "check": ["'ba hôm [/xem ghi chú]'"],
        "stats": ["Thuế [xem ghi chú]"],
        "cost": ["[xem ghi chú]"],
    }[command]
    for text in expected:
        assert text in out, (command, text)


def test_full_report_keeps_every_bracket(cli) -> None:
    code, out, _ = cli("check", BRACKETS, "--output-format", "full")
    assert code == 1
    assert "Thủ tục đăng ký khai sinh [xem ghi chú]" in out
    assert "'ba hôm [/xem ghi chú]'" in out


def test_positions_are_not_emoji_codes(cli, tmp_path: Path) -> None:
    """A value on line 100 is reported at "c.yaml:100:…", never "c.yaml💯…"."""

    def catalog(name: str, padding: int) -> Path:  # write_yaml_catalog puts 4 lines before the padding
        return write_yaml_catalog(
            tmp_path / name,
            "".join(f"# dòng đệm {i}\n" for i in range(padding))
            + "  - code: '1.001193'\n    name: Thủ tục đăng ký khai sinh\n"
            + "    channels:\n      - method: Trực tiếp\n        processing_time: ba hôm\n",
        )

    time_on_100 = catalog("a.yaml", 91)  # validate: the unreadable time, 100:26
    channel_on_100 = catalog("b.yaml", 92)  # check: processing-time-unspecified at the channel, 100:9
    for args, where in (
        (("validate", time_on_100), "a.yaml:100:26"),
        (("check", channel_on_100, "--output-format", "full"), "b.yaml:100:9"),
        (("check", channel_on_100), "  100:9 "),
    ):
        _, out, _ = cli(*args)
        assert where in out, args
        assert "💯" not in out, args


# -- check: one line per finding, fitting 80 columns --------------------------------------------


def test_check_catalogs_fits_80_columns_with_one_line_per_finding(cli) -> None:
    code, out, err = cli("check", CATALOGS, env=NARROW)
    assert code == 1
    _, report = json_report(cli, CATALOGS)
    lines = out.splitlines()
    assert widest(out) <= 80
    files = [line for line in lines if not line.startswith(" ")]
    assert sorted(files) == sorted(f["file"] for f in report["files"])
    findings = [line for line in lines if line.startswith("  ")]
    assert len(findings) == len(report["findings"])
    by_rule = {f["rule"] for f in report["findings"]}
    for line in findings:  # the position and the rule are whole; only the message may be cut
        # "—" for a finding about the whole catalog (no cell, no procedure)
        match = re.match(r"  (\d+:\d+|Phụ lục![A-Z]+\d+|—) +(\d\.\d{6}|—) +TT\d{3} (\S+) ", line)
        assert match and match.group(3) in by_rule, line
    assert f"{len(report['findings'])} phát hiện" in err and "--output-format full" in err


def test_concise_line_points_at_the_yaml_line_and_cell(cli) -> None:
    _, out, _ = cli("check", OLD, "--select", "household-book-required", env=NARROW)
    _, report = json_report(cli, OLD, "--select", "household-book-required")
    first = min(report["findings"], key=lambda f: f["position"]["line"])
    line = next(line for line in out.splitlines() if line.startswith("  "))
    assert line.split()[:4] == [
        f"{first['position']['line']}:{first['position']['column']}",
        first["procedure"]["code"],
        "TT203",
        "household-book-required",
    ]


def test_concise_lines_are_whole_in_a_pipe(cli) -> None:
    """Without a terminal (and no COLUMNS) a line is not cut to a width: CI logs keep the message."""
    _, out, _ = cli("check", OLD, "--select", "TT206", env={"COLUMNS": ""})
    _, report = json_report(cli, OLD, "--select", "TT206")
    lines = [line for line in out.splitlines() if line.startswith("  ")]
    assert len(lines) == len(report["findings"])
    assert all(line.endswith(f["message"]) for line, f in zip(lines, sorted_by_line(report), strict=True))
    assert widest(out) > 80


def test_full_output_format_keeps_todays_detail(cli) -> None:
    code, out, _ = cli("check", OLD, "--output-format", "full", "--select", "TT203", env=NARROW)
    assert code == 1
    assert "→ " in out and "Căn cứ: " in out and "household-book-required (TT203)" in out
    assert widest(out) <= 80


def test_output_format_is_for_the_text_report_only(cli) -> None:
    code, _, err = cli("check", OLD, "--format", "json", "--output-format", "full")
    assert code == 2
    assert "--output-format" in err and "--format text" in err


def test_text_report_to_a_file_is_concise_and_uncut(cli, tmp_path: Path) -> None:
    out_file = tmp_path / "report.txt"
    code, out, _ = cli("check", OLD, "-o", out_file, env=NARROW)
    assert code == 1 and out == ""
    _, report = json_report(cli, OLD)
    written = out_file.read_text(encoding="utf-8").splitlines()
    assert len([line for line in written if line.startswith("  ")]) == len(report["findings"])
    assert "…" not in "".join(line for line in written if len(line) < 150)


def test_statistics_counts_per_rule_instead_of_the_findings(cli) -> None:
    code, out, err = cli("check", OLD, "--statistics", env=NARROW)
    assert code == 1
    _, report = json_report(cli, OLD)
    counts: dict[str, int] = {}
    for f in report["findings"]:
        counts[f["rule"]] = counts.get(f["rule"], 0) + 1
    lines = out.splitlines()
    assert lines[0] == "Thống kê theo quy tắc"
    rows = {line.split()[2]: int(line.split()[0]) for line in lines[1:]}
    assert rows == counts
    assert [int(line.split()[0]) for line in lines[1:]] == sorted(counts.values(), reverse=True)
    assert widest(out) <= 80
    assert f"{len(report['findings'])} phát hiện" in err


def test_statistics_with_a_machine_format_go_to_stderr(cli) -> None:
    code, out, err = cli("check", OLD, "--format", "json", "--statistics")
    assert code == 1
    assert json.loads(out)["findings"]
    assert "Thống kê theo quy tắc" in err and "household-book-required" in err


def test_group_by_rule(cli) -> None:
    code, out, _ = cli("check", OLD, "--group-by", "rule", "--select", "TT203,TT204", env=NARROW)
    assert code == 1
    headings = [line for line in out.splitlines() if not line.startswith(" ")]
    assert headings[0].startswith("TT203 household-book-required (") and headings[1].startswith("TT204 ")
    assert all(line.split()[0].endswith(".yaml:") is False for line in out.splitlines() if line.startswith("  "))
    assert widest(out) <= 80


# -- tables at 80 columns ----------------------------------------------------------------------------


def test_rules_prints_every_name_whole_at_80_columns(cli) -> None:
    _, out, _ = cli("rules", env=NARROW)
    _, listing, _ = cli("rules", "--format", "json")
    names = [r["name"] for r in json.loads(listing)]
    assert widest(out) <= 80
    for name in names:
        assert re.search(rf"\bTT\d{{3}}\s+{re.escape(name)}\s", out), name
    assert "…" not in out


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(
    "command", [("cost", CATALOGS), ("stats", CATALOGS, "--limit", "0"), ("validate", CATALOGS), ("rules",)]
)
def test_tables_fit_80_columns(cli, command: tuple, lang: str) -> None:
    code, out, _ = cli(*command, "--lang", lang, env=NARROW)
    assert code == 0
    assert widest(out) <= 80
    assert "…" not in out  # nothing is cut: long names wrap inside their column


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_history_fits_80_columns(cli, tmp_path: Path, lang: str) -> None:
    db = tmp_path / "h.db"
    for as_of in ("2022-06-01", "2026-11-28"):
        assert cli("check", CATALOGS, "--as-of", as_of, "--record", db, "--format", "json")[0] == 1
    code, out, _ = cli("history", "--db", db, "--lang", lang, env=NARROW)
    assert code == 0
    assert widest(out) <= 80
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d", out)  # the recorded time is never cut
    assert "…" not in out


def test_stats_numbers_and_labels_follow_the_language(cli) -> None:
    _, vi, _ = cli("stats", CATALOGS)
    _, en, _ = cli("stats", CATALOGS, "--lang", "en")
    assert "Toàn trình" in vi and "Fully online" in en and "Toàn trình" not in en
    assert "7.264" in vi and "7,264" in en
    assert "0,17 %" in vi and "0.17 %" in en


# -- English means English --------------------------------------------------------------------------


def catalog_words(cli, path: Path) -> set[str]:
    """Every word of catalog text the outputs may quote (names, fields, file names)."""
    _, out, _ = cli("stats", path, "--format", "json", "--limit", "0")
    data = json.loads(out)
    texts = [*data["by_field"], *(p["name"] for p in data["uptake"]["procedures"]), str(path)]
    _, listing, _ = cli("check", path, "--format", "json")
    texts += [p.get("name") or "" for f in json.loads(listing)["findings"] for p in [f["procedure"]]]
    return {word for text in texts for word in re.findall(r"\w+", text)}


@pytest.mark.parametrize(
    "args",
    [
        ("stats", CATALOGS),
        ("validate", CATALOGS),
        ("rules",),
        ("check", CATALOGS, "--statistics"),
        ("check", "--help"),
        ("stats", "--help"),
        ("validate", "--help"),
        ("rules", "--help"),
        ("history", "--help"),
        ("baseline", "create", "--help"),
        ("--help",),
    ],
)
def test_english_mode_prints_no_vietnamese_of_its_own(cli, args: tuple) -> None:
    code, out, err = cli(*args, "--lang", "en") if args[0] != "--help" else cli(*args, env={"TTHC_LANG": "en"})
    assert code in (0, 1), err
    allowed = catalog_words(cli, CATALOGS)
    own = [w for w in re.findall(r"\w+", out + err) if VIETNAMESE.search(w) and w not in allowed]
    if args[0] == "--help":  # the command list: other commands' help is written "Tiếng Việt / English"
        own = []
    assert own == [], own


# -- Click and Typer in the user's language ------------------------------------------------------------


def test_unknown_option_in_vietnamese_by_default(cli) -> None:
    code, _, err = cli("check", "--foo")
    assert code == 2
    assert "Cách dùng: tthc check [TÙY CHỌN]" in err
    assert "Lỗi: không có tùy chọn --foo" in err
    assert "Xem 'tthc check --help'" in err
    assert "No such option" not in err and "Usage:" not in err


@pytest.mark.parametrize("how", ["option", "equals", "env"])
def test_unknown_option_in_english(cli, how: str) -> None:
    args = {"option": ("--lang", "en"), "equals": ("--lang=en",), "env": ()}[how]
    code, _, err = cli("check", "--foo", *args, env={"TTHC_LANG": "en"} if how == "env" else None)
    assert code == 2
    assert "Usage: tthc check [OPTIONS]" in err
    assert "Error: No such option: --foo" in err
    assert "Lỗi" not in err


@pytest.mark.parametrize(
    ("args", "vi", "en"),
    [
        (("explain",), "Lỗi: thiếu đối số 'rule'", "Error: Missing argument 'rule'."),
        (("nosuch",), "Lỗi: không có lệnh 'nosuch'", "Error: No such command 'nosuch'."),
        (
            ("stats", "--limit", "abc"),
            "giá trị không hợp lệ cho '--limit': cần một số nguyên",
            "Invalid value for '--limit'",
        ),
        (("stats", "--limit", "-1"), "cần lớn hơn hoặc bằng 0", "greater than or equal to 0"),
        (("history", "--db"), "Lỗi: tùy chọn '--db' cần một giá trị", "Error: Option '--db' requires an argument."),
        (
            ("check", "--format", "xlsx"),
            "'xlsx' không phải một trong 'text', 'json'",
            "'xlsx' is not one of 'text', 'json'",
        ),
        (("check", "a", "--lang", "fr"), "giá trị không hợp lệ cho '--lang' (biến môi trường: 'TTHC_LANG')", "'fr'"),
    ],
)
def test_click_errors_in_both_languages(cli, args: tuple, vi: str, en: str) -> None:
    code, _, err = cli(*args)
    assert code == 2
    assert vi in err
    code, _, err = cli(*args, env={"TTHC_LANG": "en"})
    assert code == 2
    assert en in err


def test_help_in_vietnamese_and_in_english(cli) -> None:
    code, out, _ = cli("check", "--help")
    assert code == 0
    for text in ("Cách dùng: tthc check [TÙY CHỌN] [paths]...", "Tùy chọn:", "Đối số:", "In hướng dẫn này rồi thoát."):
        assert text in out, text
    flat = " ".join(out.split())
    assert "[mặc định: text]" in flat and "[biến môi trường: TTHC_LANG]" in flat
    assert "Chỉ chạy các quy tắc này" in out and "Run only these rules" not in out
    code, out, _ = cli("check", "--help", "--lang", "en")
    assert code == 0
    for text in (
        "Usage: tthc check [OPTIONS] [paths]...",
        "Options:",
        "Show this message and exit.",
        "[default: text]",
    ):
        assert text in out, text
    assert "Run only these rules" in out and "Chỉ chạy các quy tắc này" not in out


def test_command_list_in_the_language(cli) -> None:
    _, out, _ = cli("--help")
    assert "Lệnh:" in out and "Kiểm tra danh mục theo các quy tắc" in out and "Check catalogs" not in out
    _, out, _ = cli("--help", env={"TTHC_LANG": "en"})
    assert "Commands:" in out and "Check catalogs against the rules." in out


def test_every_command_speaks_the_users_language() -> None:
    """A command registered with plain typer.Typer would print Click's English: use tthc.cli.framework.Typer."""
    import typer

    from tthc.cli import app
    from tthc.cli.framework import Command, Group

    def walk(cmd, path: str):
        yield path, cmd
        for name, sub in getattr(cmd, "commands", {}).items():
            yield from walk(sub, f"{path} {name}")

    for path, cmd in walk(typer.main.get_command(app), "tthc"):
        assert isinstance(cmd, Group | Command), path


# -- progress: on a terminal only ---------------------------------------------------------------------


class FakeTerminal(StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_drawn_on_a_terminal(monkeypatch) -> None:
    from tthc.report.terminal.console import progress

    screen = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", screen)
    with progress(delay=0) as bar:
        tick = bar.step("Đang kiểm tra", total=400)
        for _ in range(400):
            tick(1)
        time.sleep(0.3)
    assert "Đang kiểm tra" in screen.getvalue()


def test_progress_is_silent_in_a_pipe(monkeypatch) -> None:
    from tthc.report.terminal.console import progress

    pipe = StringIO()
    monkeypatch.setattr(sys, "stderr", pipe)
    with progress(delay=0) as bar:
        bar.step("Đang đọc danh mục")
        audit_tick = bar.audit_steps("Đang kiểm tra")
        assert audit_tick is None  # audit() then skips its per-procedure callback
        time.sleep(0.2)
    assert pipe.getvalue() == ""


def test_check_prints_no_progress_to_a_log(cli) -> None:
    _, _, err = cli("check", CATALOGS)
    assert "Đang" not in err and "\x1b" not in err
    assert re.match(r"\d+ phát hiện \(", err.splitlines()[0])


# -- helpers ----------------------------------------------------------------------------------------------


def json_report(cli, *args) -> tuple[int, dict]:
    code, out, _ = cli("check", *args, "--format", "json")
    return code, json.loads(out)


def sorted_by_line(report: dict) -> list[dict]:
    return sorted(report["findings"], key=lambda f: (f["position"]["line"], f["position"]["column"]))
