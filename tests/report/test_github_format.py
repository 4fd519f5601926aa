"""`--format github`: one workflow command per finding, escaped as the Actions toolkit does."""

from __future__ import annotations

import re
from pathlib import Path

from tests.nightly.catalogs import SELECT, defective, write_catalog
from tthc.report.github import escape_data, escape_property

LINE = re.compile(r"^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),title=([^:]+)::(.+)$")


def test_annotations_name_file_line_and_rule(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "catalogs").mkdir()
    write_catalog(tmp_path / "catalogs" / "xa.yaml", defective())
    code, out, _ = cli("check", "catalogs/xa.yaml", "--select", SELECT, "--format", "github")
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 4
    for line in lines:
        match = LINE.match(line)
        assert match, line
        assert match.group(2) == "catalogs/xa.yaml"
        assert "\n" not in match.group(6)
    assert any(line.startswith("::error ") and "TT102 legal-basis-missing (1.000894)" in line for line in lines)


def test_warning_and_info_map_to_warning_and_notice(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_catalog(tmp_path / "c.yaml", defective())
    (tmp_path / "tthc.yaml").write_text(
        "rules:\n  legal-basis-missing: {severity: warning}\n  invalid-code-format: {severity: info}\n",
        encoding="utf-8",
    )
    _, out, _ = cli("check", "c.yaml", "--select", SELECT, "--format", "github", "--config", "tthc.yaml")
    kinds = {line.split(" ", 1)[0] for line in out.splitlines()}
    assert kinds == {"::error", "::warning", "::notice"}


def test_escaping() -> None:
    assert escape_data("50% phí\r\ndòng 2") == "50%25 phí%0D%0Adòng 2"
    assert escape_property("Thủ tục!B17: a, b") == "Thủ tục!B17%3A a%2C b"
    assert escape_property("100%") == "100%25"
