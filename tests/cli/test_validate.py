"""`tthc validate`: exit codes, one-line errors, the summary, JSON."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import write_yaml_catalog


def test_missing_file_exits_2_with_one_line(cli, tmp_path: Path) -> None:
    code, _, err = cli("validate", tmp_path / "khong-co.yaml")
    assert code == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1
    assert "khong-co.yaml" in lines[0]
    assert "Traceback" not in err


def test_folder_without_catalogs_exits_2(cli, tmp_path: Path) -> None:
    (tmp_path / "ghi-chu.txt").write_text("x", encoding="utf-8")
    code, _, err = cli("validate", tmp_path)
    assert code == 2
    assert str(tmp_path) in err


def test_yaml_syntax_error_exits_2_with_position(cli, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("tthc_catalog: 1\nprocedures:\n  - name: 'Đăng ký\n", encoding="utf-8")
    code, out, err = cli("validate", path)
    assert code == 2
    assert f"{path}:" in out + err
    assert "Traceback" not in out + err


def test_valid_catalog_exits_0_and_summarises(cli, tmp_path: Path) -> None:
    path = write_yaml_catalog(
        tmp_path / "c.yaml",
        "  - {code: '1.001193', name: Đăng ký khai sinh, levels: Cấp xã, field: Hộ tịch}\n"
        "  - {code: '1.000894', name: Đăng ký khai tử, levels: Cấp xã, field: Hộ tịch}\n",
    )
    code, out, _ = cli("validate", path)
    assert code == 0
    assert "2 thủ tục" in out
    assert "Cấp xã" in out
    assert "Hộ tịch" in out


def test_json_lists_every_problem_with_position(cli, tmp_path: Path) -> None:
    path = write_yaml_catalog(
        tmp_path / "c.yaml",
        "  - {name: A, place: [x, y]}\n  - {name: B, fees: [[1]]}\n  - {name: C, channels: [{processing_time: ba hôm}]}\n",
    )
    code, out, _ = cli("validate", path, "--format", "json")
    assert code == 2
    data = json.loads(out)
    issues = data["files"][0]["issues"]
    assert {i["kind"] for i in issues} >= {"wrong-type", "unparsed-time"}
    assert all(i["position"]["line"] for i in issues)
    assert data["ok"] is False


def test_english_messages(cli, tmp_path: Path) -> None:
    code, _, err = cli("validate", tmp_path / "none.yaml", "--lang", "en")
    assert code == 2
    assert "no such file" in err
