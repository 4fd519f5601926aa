"""`tthc check`, `tthc rules`, `tthc explain`: what an officer and a nightly job see."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import CATALOGS, FIXTURES, write_yaml_catalog

OLD = CATALOGS / "kim-bang-2019-2020.yaml"
NEW = CATALOGS / "xa-2026.yaml"
OUTDATED_FOUR = {"household-book-required", "district-level-abolished", "legacy-online-level", "legal-basis-repealed"}


def rules_found(cli, *args: str) -> tuple[int, dict]:
    code, out, _ = cli("check", *args, "--format", "json")
    return code, json.loads(out)


def names(report: dict) -> set[str]:
    return {f["rule"] for f in report["findings"]}


def test_2019_catalog_is_outdated_today(cli) -> None:
    code, report = rules_found(cli, OLD, "--as-of", "2026-11-28")
    assert code == 1
    assert names(report) >= OUTDATED_FOUR
    household = [f for f in report["findings"] if f["rule"] == "household-book-required"]
    assert all(f["position"]["line"] for f in household)
    assert all(f["legal_basis"] and f["recommendation"] for f in household)


def test_2019_catalog_had_no_household_or_district_problem_in_mid_2022(cli) -> None:
    _, report = rules_found(cli, OLD, "--as-of", "2022-06-01")
    found = names(report)
    assert "household-book-required" not in found
    assert "district-level-abolished" not in found
    assert "legal-basis-repealed" in found  # the 2006 residence law was replaced in 2021


def test_2026_catalog_has_none_of_the_outdated_four(cli) -> None:
    code, report = rules_found(cli, NEW, "--as-of", "2026-11-28")
    assert not OUTDATED_FOUR & names(report)
    assert code == 0  # warnings and info only: below the default --fail-on error
    _, old = rules_found(cli, OLD, "--as-of", "2026-11-28")
    assert len(report["findings"]) * 4 < len(old["findings"])


def test_real_2026_ministry_export_has_no_district_or_household_finding(cli) -> None:
    _, report = rules_found(
        cli, FIXTURES / "realdata" / "danh-sach-tthc-BoTuPhap.xlsx", "--select", "TT203,TT204", "--as-of", "2026-11-28"
    )
    assert report["files"][0]["procedures"] == 271
    assert report["findings"] == []


def test_real_2026_detail_records_report_only_the_truly_outdated_texts(cli) -> None:
    """78 crawled Bộ Tư pháp records that mention hộ khẩu, huyện, hộ tịch… (tests/fixtures/realdata).

    Checked by hand against the crawled text: 2.000986 still lists "Sổ hộ khẩu của chủ hộ (bản
    chính)" and routes dossiers by "thị xã, thành phố thuộc tỉnh, quận, huyện"; 1.004884
    accepts "Sổ hộ khẩu, Sổ tạm trú" as proof; 1.002544 (a Sơn La record filed under this
    code) has the "Ủy ban nhân dân cấp huyện" appraise the project. Everything else stays
    silent: the title of Nghị định 104/2022 quoted in dossiers, "Sổ hộ tịch", historical
    "hộ tịch, hộ khẩu" papers proving nationality and a bare "Phòng Tư Pháp". District units
    of vertical agencies are reported with their successor (issue #16, DOMAIN §3a): 2.001023
    routes the dossier to "Bảo hiểm xã hội cấp huyện".
    """
    _, report = rules_found(
        cli, FIXTURES / "realdata" / "bo-tu-phap-2026.yaml", "--select", "TT203,TT204", "--as-of", "2026-11-28"
    )
    found = {(f["procedure"]["code"], f["rule"]) for f in report["findings"]}
    assert found == {
        ("2.000986", "household-book-required"),
        ("2.000986", "district-level-abolished"),
        ("1.004884", "household-book-required"),
        ("1.002544", "district-level-abolished"),
        ("2.001023", "district-level-abolished"),
    }


def test_exit_codes(cli, tmp_path: Path) -> None:
    assert cli("check", OLD)[0] == 1
    assert cli("check", OLD, "--fail-on", "never")[0] == 0
    assert cli("check", OLD, "--exit-zero")[0] == 0
    assert cli("check", NEW, "--fail-on", "info")[0] == 1
    assert cli("check", tmp_path / "none.yaml", "--exit-zero")[0] == 2  # --exit-zero never hides 2


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (("--as-of", "28/11/2026"), "tthc: lỗi: --as-of '28/11/2026': cần ngày dạng YYYY-MM-DD\n"),
        (
            ("--reference", OLD, "--reference-date", "hôm qua"),
            "tthc: lỗi: --reference-date 'hôm qua': cần ngày dạng YYYY-MM-DD\n",
        ),
        (
            ("--as-of", "2026-13-01", "--lang", "en"),
            "tthc: error: --as-of '2026-13-01': expected a date as YYYY-MM-DD\n",
        ),
    ],
)
def test_a_date_not_written_yyyy_mm_dd_names_its_option(cli, args, line) -> None:
    code, out, err = cli("check", NEW, *args)
    assert (code, out, err) == (2, "", line)


def test_select_by_group_and_prefix(cli) -> None:
    _, report = rules_found(cli, OLD, "--select", "outdated")
    assert {f["group"] for f in report["findings"]} == {"outdated"}
    _, report = rules_found(cli, OLD, "--select", "TT2", "--ignore", "household-book-required")
    assert names(report) and all(f["code"].startswith("TT2") for f in report["findings"])
    assert "household-book-required" not in names(report)


def test_unknown_selector_exits_2_with_nearest_name(cli) -> None:
    code, _, err = cli("check", OLD, "--select", "household-book")
    assert code == 2
    assert "household-book-required" in err


def test_config_file_sets_severity_options_and_fails_fast(cli, tmp_path: Path, monkeypatch) -> None:
    cat = write_yaml_catalog(
        tmp_path / "c.yaml",
        "  - code: '1.014965'\n    name: Cấp giấy phép theo cơ chế đặc biệt\n"
        "    legal_basis: Nghị quyết số 66.16/2026/NQ-CP\n",
    )
    config = tmp_path / "tthc.yaml"
    config.write_text("rules:\n  legal-basis-expiring:\n    days: 200\n    severity: error\n", encoding="utf-8")
    code, report = rules_found(
        cli, cat, "--config", config, "--select", "legal-basis-expiring", "--as-of", "2026-09-01"
    )
    assert code == 1
    assert [f["severity"] for f in report["findings"]] == ["error"]
    config.write_text("rules:\n  legal-basis-expiring:\n    dayz: 200\n", encoding="utf-8")
    code, _, err = cli("check", cat, "--config", config)
    assert code == 2
    assert "days" in err
    config.write_text("rules:\n  household-books:\n    severity: info\n", encoding="utf-8")
    code, _, err = cli("check", cat, "--config", config)
    assert code == 2
    assert "household-book-required" in err


def test_pyproject_config_is_found_in_the_working_folder(cli, tmp_path: Path, monkeypatch) -> None:
    cat = write_yaml_catalog(tmp_path / "c.yaml", "  - {code: '2.001', name: Đăng ký khai sinh}\n")
    (tmp_path / "pyproject.toml").write_text('[tool.tthc]\nignore = ["invalid-code-format"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, report = rules_found(cli, cat)
    assert "invalid-code-format" not in names(report)


def test_fingerprints_do_not_depend_on_row_order(cli, tmp_path: Path) -> None:
    rows = [
        "  - {code: '1.004194', name: Đăng ký thường trú, documents: ['Sổ hộ khẩu (01 bản chính)']}\n",
        "  - {code: '2.001', name: Đăng ký khai sinh}\n",
        "  - {code: '1.000894', name: Đăng ký khai tử, levels: Cấp huyện}\n",
    ]
    a = write_yaml_catalog(tmp_path / "a.yaml", "".join(rows))
    b = write_yaml_catalog(tmp_path / "b.yaml", "".join(reversed(rows)))
    _, ra = rules_found(cli, a)
    _, rb = rules_found(cli, b)
    assert ra["findings"] and {f["fingerprint"] for f in ra["findings"]} == {f["fingerprint"] for f in rb["findings"]}


def test_group_by_rule_and_statistics(cli) -> None:
    code, out, err = cli("check", OLD, "--group-by", "rule")
    assert code == 1
    assert re.search(r"^TT203 household-book-required \(\d+\)$", out, re.M)
    code, out, err = cli("check", OLD, "--group-by", "rule", "--statistics")
    assert code == 1
    assert "Thống kê theo quy tắc" in out and re.search(r"^\s*\d+\s+TT203\s+household-book-required\s", out, re.M)
    assert "phát hiện" in err


def test_json_schema_version_and_fields(cli) -> None:
    _, report = rules_found(cli, NEW)
    assert report["schema_version"] == 1
    f = report["findings"][0]
    for key in (
        "rule",
        "code",
        "severity",
        "procedure",
        "field",
        "position",
        "message",
        "recommendation",
        "legal_basis",
        "fingerprint",
    ):
        assert key in f


def test_rules_json_lists_every_rule_by_name(cli) -> None:
    code, out, _ = cli("rules", "--format", "json")
    assert code == 0
    listed = {r["name"] for r in json.loads(out)}
    assert {
        "missing-required-element", "legal-basis-missing", "processing-time-unspecified", "legal-basis-repealed",
        "legal-basis-expiring", "household-book-required", "district-level-abolished", "pre-merger-province",
        "legacy-online-level", "place-bound-filing", "certified-copy-required", "data-available-document",
        "not-fully-online", "processing-time-reducible", "unused-procedure", "excess-copies",
        "form-certification-required", "interlink-candidate", "duplicate-code", "duplicate-procedure",
        "invalid-code-format", "low-online-uptake",
    } <= listed  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "heading", "law"),
    [("vi", "Vì sao", "Luật Cư trú 68/2020/QH14"), ("en", "Why", "Residence Law 68/2020/QH14")],
)
def test_explain_in_both_languages(cli, lang: str, heading: str, law: str) -> None:
    code, out, _ = cli("explain", "household-book-required", "--lang", lang)
    assert code == 0
    assert heading in out and law in out
    assert cli("explain", "TT203")[0] == 0


def test_explain_unknown_rule(cli) -> None:
    code, _, err = cli("explain", "household-book")
    assert code == 2
    assert "household-book-required" in err


def test_committed_rules_reference_is_current(cli) -> None:
    """docs/rules.md is generated by `tthc rules --format markdown`; regenerate it when a rule changes."""
    code, out, _ = cli("rules", "--format", "markdown")
    assert code == 0
    committed = (CATALOGS.parent / "docs" / "rules.md").read_text(encoding="utf-8")
    assert out.strip() == committed.strip(), "run: tthc rules --format markdown > docs/rules.md"
