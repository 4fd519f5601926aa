"""`tthc stats`: counts, per-year dossiers, online uptake, JSON and the chart."""

from __future__ import annotations

import json
from pathlib import Path

from tests.publish.support import CATALOG, load_fixture
from tthc.stats import compute


def test_counts_by_level_field_and_online_service() -> None:
    stats = compute([load_fixture()])
    assert stats.procedures == 5
    assert dict(stats.by_level) == {"commune": 3, "province": 2}
    assert dict(stats.by_field) == {"Hộ tịch": 3, "Đất đai": 1, "Nội vụ": 1}
    assert dict(stats.by_online) == {"full": 2, "partial": 1, "none": 1, "legacy": 1}


def test_uptake_per_procedure_lowest_first_and_totals() -> None:
    stats = compute([load_fixture()])
    rows = [(u.code, u.year, u.online, u.dossiers) for u in stats.per_procedure]
    # history year first (1.001193: 2025), else the yearly figures; no volume -> not measured
    assert rows == [("1.004746", None, 4, 400), ("1.000105", None, 1, 50), ("1.001193", 2025, 150, 200)]
    assert (stats.overall.online, stats.overall.dossiers) == (155, 650)
    assert (stats.fully_online.online, stats.fully_online.dossiers) == (151, 250)
    assert stats.field_uptake["Hộ tịch"].share == 154 / 600
    assert [(y.year, y.dossiers, y.online) for y in stats.years] == [(2025, 200, 150)]


def test_cli_text_tables(cli) -> None:
    code, out, _ = cli("stats", CATALOG)
    assert code == 0
    for text in ("Thủ tục theo cấp thực hiện", "Toàn trình", "Hồ sơ theo năm", "75,00 %", "1,00 %", "23,85 %"):
        assert text in out, text


def test_cli_json(cli) -> None:
    code, out, _ = cli("stats", CATALOG, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["procedures"] == 5
    assert data["by_online_service"]["full"] == 2
    assert data["uptake"]["overall"] == {"dossiers": 650, "online": 155, "share": round(155 / 650, 6)}
    assert data["uptake"]["procedures"][0]["code"] == "1.004746"
    assert data["years"] == [{"year": 2025, "dossiers": 200, "online": 150, "share": 0.75}]


def test_cli_chart_is_a_png_written_atomically(cli, tmp_path: Path) -> None:
    target = tmp_path / "stats.png"
    code, _, err = cli("stats", CATALOG, "--chart", target)
    assert code == 0, err
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stats.png"]


def test_cli_chart_needs_a_picture_suffix(cli, tmp_path: Path) -> None:
    code, _, err = cli("stats", CATALOG, "--chart", tmp_path / "stats.txt")
    assert code == 2 and ".png" in err
    assert not (tmp_path / "stats.txt").exists()


def test_catalog_without_volume_says_uptake_cannot_be_measured(cli, tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(
        "tthc_catalog: 1\ncatalog: {name: X}\nprocedures:\n  - {name: Đăng ký khai tử, online_service: Toàn trình}\n",
        encoding="utf-8",
    )
    code, out, _ = cli("stats", path)
    assert code == 0
    assert "không tính được tỷ lệ trực tuyến" in out
    code, _, _ = cli("stats", path, "--chart", tmp_path / "s.png")
    assert code == 0 and (tmp_path / "s.png").is_file()
