"""The configuration is validated whole when it loads: one line, exit 2, the key and the reason."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import CATALOGS
from tthc.config import ConfigError, load_config
from tthc.plan.cost import resolve_settings

SMALL = CATALOGS / "xa-2026.yaml"


def _yaml(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "tthc.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


@pytest.mark.parametrize(
    ("written", "rate"),
    [
        ("hourly-rate: 40.000\n", 40000),  # YAML would say 40.0: read as written, the Vietnamese way
        ("hourly-rate: 40000\n", 40000),
        ("hourly-rate: '40.000'\n", 40000),
        ("hourly-rate: 40,000\n", 40000),
        ("hourly-rate: 40 000\n", 40000),
        ("hourly-rate: 37.500,5\n", Decimal("37500.5")),
        ("cost:\n  hourly-rate: 40.000\n", 40000),
    ],
)
def test_a_yaml_rate_reads_like_the_command_line(tmp_path: Path, written: str, rate) -> None:
    config = load_config(_yaml(tmp_path, written))
    day = {"hours-per-day": 8}
    from_config = resolve_settings({**config.cost, **day}, None).hourly_rate
    from_option = resolve_settings(day, None, hourly_rate=written.split(": ", 1)[1].strip().strip("'")).hourly_rate
    assert from_config == from_option == rate


def test_the_same_text_gives_the_same_rate_in_config_toml_and_option(tmp_path: Path) -> None:
    from tthc.plan.cost import _decimal

    yaml_rate = load_config(_yaml(tmp_path, "hourly-rate: 40.000\n")).cost["hourly-rate"]
    toml = tmp_path / "pyproject.toml"
    toml.write_text("[tool.tthc]\nhourly-rate = 40.000\n", encoding="utf-8")
    toml_rate = load_config(toml).cost["hourly-rate"]
    assert yaml_rate == toml_rate == _decimal("40.000", "--hourly-rate") == 40000


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("include-unconfirmed: false\n", False),
        ('include-unconfirmed: "false"\n', False),  # bool("false") used to be True
        ("include-unconfirmed: 'no'\n", False),
        ("include-unconfirmed: true\n", True),
        ("include-unconfirmed: yes\n", True),
        ("include-unconfirmed:\n", False),
    ],
)
def test_booleans_are_read_as_written(tmp_path: Path, written: str, value: bool) -> None:
    assert load_config(_yaml(tmp_path, written)).include_unconfirmed is value


BAD = [
    ("include-unconfirmed: maybe\n", "tthc.yaml:1:22: include-unconfirmed: cần true hoặc false, gặp 'maybe'"),
    ("include-unconfirmed: 1\n", "include-unconfirmed: cần true hoặc false, gặp '1'"),
    ("cost: 5\n", "tthc.yaml:1:7: cost: cần một bảng khóa–giá trị, gặp '5'"),
    ("hourly-rate: -40000\n", "hourly-rate: cần một số dương, gặp '-40000'"),
    ("hourly-rate: 0\n", "hourly-rate: cần một số dương"),
    ("hourly-rate: 0.500\n", "hourly-rate: '0.500': không rõ là số thập phân hay hàng nghìn"),
    ("hourly-rate: 40.00.0\n", "hourly-rate: '40.00.0': nhóm chữ số hàng nghìn sai"),
    ("hourly-rate: bốn mươi nghìn\n", "hourly-rate: 'bốn mươi nghìn': không phải một số"),
    ("hourly-rate: [1, 2]\n", "hourly-rate: cần một số, gặp một danh sách"),
    ("cost:\n  mode: scn\n", "tthc.yaml:2:9: cost.mode: phải là một trong practice, scm, gặp 'scn'"),
    ("cost:\n  hours-per-day: 80\n", "cost.hours-per-day: một ngày có 24 giờ"),
    ("cost:\n  hourly_rate: 1\n", "khóa cấu hình không xác định 'cost.hourly_rate'; có phải 'cost.hourly-rate'?"),
    ("cost:\n  scm-hours: {reading: 1}\n", "'cost.scm-hours.reading'; có phải 'cost.scm-hours.reading_up'?"),
    ("cost:\n  out-of-pocket: {travel: -5}\n", "cost.out-of-pocket.travel: số âm '-5'"),
    ("fail-on: warn\n", "fail-on: phải là một trong error, warning, info, never, gặp 'warn'"),
    ("fail_on: warning\n", "khóa cấu hình không xác định 'fail_on'; có phải 'fail-on'?"),
    ("select: [OUT001, 5, true]\n", "select[2]: cần một chuỗi, gặp 'true'"),
    ("knowledge: {a: 1}\n", "knowledge: cần danh sách văn bản"),
    (
        "rules:\n  legal-basis-expiring:\n    days: nhiều\n",
        "rules.legal-basis-expiring.days: 'nhiều': không phải một số",
    ),
    (
        "rules:\n  legal-basis-expiring:\n    days: 1,5\n",
        "rules.legal-basis-expiring.days: cần một số nguyên, gặp '1,5'",
    ),
    ("rules:\n  legal-basis-expiring:\n    severity: fatal\n", "severity: phải là một trong error, warning, info"),
    ("rules:\n  legal-basis-expiring: 5\n", "rules.legal-basis-expiring: cần một bảng khóa–giá trị"),
    ("rules: [a]\n", "rules: cần một bảng khóa–giá trị, gặp một danh sách"),
    ("select: a\nselect: b\n", "tthc.yaml:2:1: khóa 'select' lặp lại"),
    ("- a\n- b\n", "cấu hình phải là một bảng khóa–giá trị, gặp một danh sách"),
    ("just text\n", "cấu hình phải là một bảng khóa–giá trị, gặp 'just text'"),
    ("x: &a [1]\nselect: *a\n", "tthc.yaml:1:4: cấu hình không dùng bí danh YAML"),
    ("select: !!python/object:os.system ls\n", "thẻ YAML 'tag:yaml.org,2002:python/object:os.system' không dùng được"),
    ("select: [\n", "tthc.yaml:2:1: lỗi cú pháp YAML"),
    ("select: " + "[" * 5000 + "]" * 5000 + "\n", "lồng nhau quá sâu"),
    (b"select: OUT001\n# gi\xe1 tr\xef\n", "tthc.yaml:2: không phải UTF-8 (byte 0xe1); lưu lại tệp với mã UTF-8"),
    (b"\xff\xfes\x00e\x00", "không phải UTF-8"),
    (b"select: a\x00b\n", "tệp nhị phân"),
]


@pytest.mark.parametrize(("written", "message"), BAD, ids=[str(i) for i in range(len(BAD))])
def test_a_bad_config_is_one_line_with_the_key(cli, tmp_path: Path, written, message) -> None:
    config = _yaml(tmp_path, written)
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    assert message in str(caught.value)
    code, out, err = cli("check", SMALL, "--config", config)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("[tool]\ntthc = 5\n", "[tool.tthc] phải là một bảng khóa–giá trị, gặp '5'"),
        ("[tool.tthc]\nhourly-rate = -1.5\n", "hourly-rate: cần một số dương, gặp '-1.5'"),
        ('[tool.tthc]\ninclude-unconfirmed = "maybe"\n', "include-unconfirmed: cần true hoặc false, gặp 'maybe'"),
        ("[tool.tthc]\ncost = 5\n", "cost: cần một bảng khóa–giá trị, gặp '5'"),
        ("[tool.tthc\n", "lỗi cú pháp TOML"),
        (b"[tool.tthc]\nselect = ['\xe9']\n", "pyproject.toml:2: không phải UTF-8 (byte 0xe9)"),
    ],
)
def test_a_bad_pyproject_is_one_line(cli, tmp_path: Path, monkeypatch, written, message) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_bytes(written if isinstance(written, bytes) else written.encode("utf-8"))
    monkeypatch.chdir(tmp_path)  # found by itself, as in a project folder
    code, _, err = cli("check", SMALL)
    assert code == 2 and message in err and err.count("\n") == 1, err


def test_a_pyproject_without_tthc_is_not_a_config(cli, tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "pyproject.toml").write_bytes(b"[project]\nname = 'x'\n\xff\n")  # broken, but not ours
    monkeypatch.chdir(tmp_path)
    assert cli("check", SMALL)[0] in (0, 1)


def test_rule_options_are_typed(tmp_path: Path) -> None:
    config = load_config(_yaml(tmp_path, "rules:\n  legal-basis-expiring:\n    days: 1.000\n    severity: info\n"))
    assert config.rule_options["legal-basis-expiring"] == {"days": 1000}
    assert config.severities["legal-basis-expiring"] == "info"


def test_limits_are_typed(tmp_path: Path) -> None:
    config = load_config(_yaml(tmp_path, "limits:\n  max-unzipped-mb: 1.024\n  max-rows:\n"))
    assert config.limits.max_unzipped_mb == 1024 and config.limits.max_rows == 1_048_576
    for bad, reason in [
        ("limits:\n  max-rows: -1\n", "limits.max-rows: cần một số dương"),
        ("limits:\n  max-rows: 2,5\n", "limits.max-rows: cần một số nguyên"),
        ("limits:\n  max-row: 5\n", "'limits.max-row'; có phải 'limits.max-rows'?"),
        ("limits: 5\n", "limits: cần một bảng"),
    ]:
        with pytest.raises(ConfigError, match=reason):
            load_config(_yaml(tmp_path, bad))
