"""`tthc recommend` end to end with the real rules: documents, exit codes, the decisions round trip."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import CATALOGS
from tests.documents.conftest import write_catalog

AS_OF = "2026-11-28"
CONFIG = "rules:\n  processing-time-reducible: {cut-percent: 10}\n"  # 10 -> 9 days, as in Đồng Nai's plan


@pytest.fixture
def setup(tmp_path: Path):
    catalog = write_catalog(tmp_path)
    config = tmp_path / "tthc.yaml"
    config.write_text(CONFIG, encoding="utf-8")
    return catalog, config


def _run(cli, catalog, config, *args):
    return cli("recommend", catalog, "--config", config, "--as-of", AS_OF, *args)


def test_docx_reproduces_the_dong_nai_figures_and_leaves_the_input_alone(cli, setup, tmp_path) -> None:
    import docx

    catalog, config = setup
    before = catalog.read_bytes()
    out = tmp_path / "ke-hoach.docx"
    code, _, err = _run(cli, catalog, config, "-o", out)
    assert code == 0, err
    assert "Đã ghi" in err
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "PHƯƠNG ÁN ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH" in text
    assert "trước khi đơn giản hóa: 32.000.000 đồng/năm" in text
    assert "sau khi đơn giản hóa: 28.800.000 đồng/năm" in text
    assert "Tỷ lệ cắt giảm chi phí: 10 %." in text
    assert catalog.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("suffix", [".xlsx", ".md"])
def test_xlsx_and_markdown(cli, setup, tmp_path, suffix) -> None:
    catalog, config = setup
    out = tmp_path / f"plan{suffix}"
    code, _, err = _run(cli, catalog, config, "-o", out)
    assert code == 0, err
    assert out.stat().st_size > 0


def test_issuer_rate_and_mode_options(cli, setup, tmp_path) -> None:
    catalog, config = setup
    out = tmp_path / "plan.md"
    code, _, err = _run(
        cli, catalog, config, "-o", out, "--issuer", "Sở Tư pháp tỉnh Đồng Nai", "--hourly-rate", "50000"
    )
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert "SỞ TƯ PHÁP TỈNH ĐỒNG NAI" in text
    assert "40.000.000 đồng/năm" in text  # 80 h × 50.000 × 10
    code, _, err = _run(cli, catalog, config, "-o", out, "--mode", "scm")
    assert code == 0, err
    assert "Mô hình chi phí chuẩn" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["-o", "plan.pdf"], ".pdf"),
        (["-o", "plan"], "plan"),
        ([], "-o"),
        (["-o", "x.md", "--hourly-rate", "nhiều"], "nhiều"),
        (["-o", "x.md", "--select", "khong-co-quy-tac"], "khong-co-quy-tac"),
        (["--init"], "--decisions"),
    ],
)
def test_usage_errors_exit_2_with_one_line(cli, setup, tmp_path, monkeypatch, args, needle) -> None:
    catalog, config = setup
    monkeypatch.chdir(tmp_path)
    code, _, err = _run(cli, catalog, config, *args)
    assert code == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and needle in lines[0], err
    assert not (tmp_path / "plan.pdf").exists() and not (tmp_path / "x.md").exists()


@pytest.mark.skipif(not (CATALOGS / "kim-bang-2019-2020-annex.xlsx").is_file(), reason="no sample workbook")
def test_never_overwrites_an_input_workbook(cli, tmp_path) -> None:
    import shutil

    workbook = tmp_path / "danh-muc.xlsx"
    shutil.copy(CATALOGS / "kim-bang-2019-2020-annex.xlsx", workbook)
    before = workbook.read_bytes()
    code, _, err = cli("recommend", tmp_path, "-o", workbook, "--as-of", AS_OF)
    assert code == 2 and "danh-muc.xlsx" in err
    assert workbook.read_bytes() == before


# -- decisions ------------------------------------------------------------------------


def _decisions(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["proposals"]


def _mark(path: Path, marks: dict[str, tuple[str, str]]) -> None:
    """Set status/note by rule name, as an officer would edit the file."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    for entry in doc["proposals"]:
        for rule, (status, note) in marks.items():
            if entry["rule"].endswith(rule) and entry["procedure"].startswith("1.001193"):
                entry["status"], entry["note"] = status, note
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_decisions_round_trip(cli, setup, tmp_path) -> None:
    catalog, config = setup
    decisions = tmp_path / "quyet-dinh.yaml"
    select = ["--select", "processing-time-reducible,certified-copy-required,legal-basis-repealed"]
    code, _, err = _run(cli, catalog, config, "--decisions", decisions, "--init", *select)
    assert code == 0, err
    entries = _decisions(decisions)
    assert {e["status"] for e in entries} == {"pending"}
    assert {e["rule"].split()[1] for e in entries} == {
        "processing-time-reducible",
        "certified-copy-required",
        "legal-basis-repealed",
    }
    assert decisions.read_text(encoding="utf-8").startswith("# Quyết định của cán bộ")

    _mark(
        decisions,
        {
            "processing-time-reducible": ("accepted", ""),
            "certified-copy-required": ("edited", "Chấp nhận bản sao điện tử Giấy chứng nhận kết hôn."),
        },
    )
    out = tmp_path / "plan.md"
    code, _, err = _run(cli, catalog, config, "-o", out, "--decisions", decisions, *select)
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert "Đăng ký khai sinh" in text
    assert "Chấp nhận bản sao điện tử Giấy chứng nhận kết hôn." in text
    assert "Rút ngắn thời hạn giải quyết" in text or "rút ngắn thời hạn giải quyết" in text.lower()
    assert "Cấp bản sao trích lục" not in text  # pending: left out
    assert "PHONE" not in text and "+84912345678" not in text
    assert "chưa quyết định" in err

    # Re-init keeps the officer's decisions; a narrower selection reports what no longer occurs.
    code, _, err = _run(cli, catalog, config, "--decisions", decisions, "--init", "--select", "certified-copy-required")
    assert code == 0, err
    entries = {e["rule"].split()[1]: e for e in _decisions(decisions) if e["procedure"].startswith("1.001193")}
    assert entries["certified-copy-required"]["status"] == "edited"
    assert entries["processing-time-reducible"]["status"] == "accepted"
    assert entries["processing-time-reducible"]["found"] is False
    assert "không còn xuất hiện" in err


def test_invalid_status_names_file_and_line(cli, setup, tmp_path) -> None:
    catalog, config = setup
    decisions = tmp_path / "qd.yaml"
    code, _, _ = _run(cli, catalog, config, "--decisions", decisions, "--init")
    assert code == 0
    text = decisions.read_text(encoding="utf-8").replace("status: pending", "status: acepted", 1)
    decisions.write_text(text, encoding="utf-8")
    line = next(n for n, t in enumerate(text.splitlines(), start=1) if "acepted" in t)
    code, _, err = _run(cli, catalog, config, "-o", tmp_path / "p.md", "--decisions", decisions)
    assert code == 2
    assert f"{decisions}:{line}:" in err and "accepted" in err
    assert not (tmp_path / "p.md").exists()


def test_edited_needs_a_note_and_missing_file_is_explained(cli, setup, tmp_path) -> None:
    catalog, config = setup
    decisions = tmp_path / "qd.yaml"
    code, _, err = _run(cli, catalog, config, "-o", tmp_path / "p.md", "--decisions", decisions)
    assert code == 2 and "--init" in err
    _run(cli, catalog, config, "--decisions", decisions, "--init")
    decisions.write_text(decisions.read_text(encoding="utf-8").replace("status: pending", "status: edited", 1), "utf-8")
    code, _, err = _run(cli, catalog, config, "-o", tmp_path / "p.md", "--decisions", decisions)
    assert code == 2 and "note" in err


@pytest.mark.skipif(not CATALOGS.is_dir(), reason="no sample catalogs")
@pytest.mark.parametrize("suffix", [".docx", ".xlsx", ".md"])
def test_sample_catalogs(cli, tmp_path, suffix) -> None:
    out = tmp_path / f"plan{suffix}"
    code, _, err = cli("recommend", CATALOGS, "-o", out, "--as-of", AS_OF)
    assert code == 0, err
    assert out.stat().st_size > 1000
