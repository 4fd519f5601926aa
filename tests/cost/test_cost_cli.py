"""`tthc cost`: the table, JSON and CSV, end to end with the real rules."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.documents.conftest import FORMULA_NAME, PHONE_CODE, write_catalog

AS_OF = "2026-11-28"


@pytest.fixture
def setup(tmp_path: Path):
    catalog = write_catalog(tmp_path)
    config = tmp_path / "tthc.yaml"
    config.write_text("rules:\n  processing-time-reducible: {cut-percent: 10}\n", encoding="utf-8")
    return catalog, config


def _cost(cli, setup, *args):
    catalog, config = setup
    return cli("cost", catalog, "--config", config, "--as-of", AS_OF, "--select", "processing-time-reducible", *args)


def test_json_reproduces_dong_nai_and_marks_unknown(cli, setup) -> None:
    code, out, err = _cost(cli, setup, "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["schema_version"] == 1 and doc["mode"] == "practice"
    assert doc["inputs"]["hourly_rate"] == 40000
    rows = {r["code"]: r for r in doc["procedures"]}
    birth = rows["1.001193"]
    assert (birth["before"], birth["after"], birth["saving"], birth["cut_percent"]) == (32000000, 28800000, 3200000, 10)
    assert (birth["days_before"], birth["days_after"]) == (10, 9)
    assert birth["proposals"] == ["Giảm thời gian giải quyết"]
    unknown = rows[PHONE_CODE]
    assert unknown["before"] is None and unknown["unknown_reason"] == "chưa có số liệu hồ sơ"
    overall = doc["totals"]["overall"]
    assert overall["unknown"] == 1 and overall["saving"] == 3200000 + 640000  # 5 -> 4.5 days, 4 dossiers
    assert set(doc["totals"]["by_field"]) == {"Hộ tịch", "@Chứng thực"}


def test_csv_has_a_bom_and_neutralised_text(cli, setup, tmp_path) -> None:
    out = tmp_path / "chi-phi.csv"
    code, _, err = _cost(cli, setup, "--format", "csv", "-o", out)
    assert code == 0, err
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][0] == "Danh mục"
    formula = next(r for r in rows if r[2].endswith(FORMULA_NAME))
    assert formula[1] == "'" + PHONE_CODE and formula[2] == "'" + FORMULA_NAME and formula[3] == "'@Chứng thực"
    assert formula[7] == ""  # unknown, not 0
    birth = next(r for r in rows if r[1] == "1.001193")
    assert birth[7:11] == ["32000000", "28800000", "3200000", "10.00"]


def test_text_table_and_english(cli, setup) -> None:
    code, out, err = _cost(cli, setup)
    assert code == 0, err
    assert "32.000.000" in out and "chưa rõ" in out and "Tổng theo lĩnh vực" in out
    code, out, _ = _cost(cli, setup, "--lang", "en")
    assert "unknown" in out and "Totals by catalog" in out


def test_scm_mode_and_rate_option(cli, setup) -> None:
    code, out, err = _cost(cli, setup, "--format", "json", "--mode", "scm", "--hourly-rate", "20000")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["mode"] == "scm" and doc["inputs"]["hourly_rate"] == 20000
    assert doc["inputs"]["scm_hours"]


def test_bad_config_exits_2(cli, setup, tmp_path) -> None:
    catalog, config = setup
    config.write_text("cost:\n  hourly-rat: 1\n", encoding="utf-8")
    code, _, err = cli("cost", catalog, "--config", config)
    assert code == 2 and "hourly-rate" in err
