"""`limits:` in tthc.yaml bounds every command that loads a catalog (#12.8 made configurable).

The sample annex has cells far longer than 10 characters: with ``max-cell-chars: 10`` each
command refuses it in one line naming the file and the key to raise, exit 2, and writes
nothing. Without the lower limit the same commands read it.
"""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import CATALOGS

ANNEX = CATALOGS / "kim-bang-2019-2020-annex.xlsx"

COMMANDS = {
    "validate": ["validate", "a.xlsx"],
    "check": ["check", "a.xlsx"],
    "baseline": ["baseline", "create", "a.xlsx", "-o", "out.json"],
    "recommend": ["recommend", "a.xlsx", "-o", "out.docx"],
    "cost": ["cost", "a.xlsx"],
    "convert": ["convert", "a.xlsx", "out.yaml"],
    "diff": ["diff", "a.xlsx", "b.xlsx"],
    "merge": ["merge", "a.xlsx", "b.xlsx", "-o", "out.yaml"],
    "publish": ["publish", "a.xlsx", "-o", "out"],
    "publish --flag-outdated": ["publish", "a.xlsx", "-o", "out", "--flag-outdated"],
    "handbook": ["handbook", "a.xlsx", "-o", "out.docx"],
    "stats": ["stats", "a.xlsx"],
}


@pytest.fixture
def folder(tmp_path, monkeypatch):
    shutil.copyfile(ANNEX, tmp_path / "a.xlsx")
    shutil.copyfile(ANNEX, tmp_path / "b.xlsx")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_lower_limit_in_tthc_yaml_refuses_the_file_in_one_line(cli, folder, command):
    (folder / "tthc.yaml").write_text("limits:\n  max-cell-chars: 10\n", encoding="utf-8")
    code, out, err = cli(*COMMANDS[command])
    assert code == 2
    said = (out + err).strip()
    line = next(line for line in said.splitlines() if "max-cell-chars" in line)
    assert "a.xlsx" in line and "dài hơn 10 ký tự" in line
    assert len([x for x in said.splitlines() if x.strip()]) == 1
    assert not list(folder.glob("out*"))


def test_the_limit_of_an_explicit_config_file_applies(cli, folder):
    (folder / "khac.yaml").write_text("limits:\n  max-rows: 5\n", encoding="utf-8")
    code, _out, err = cli("check", "a.xlsx", "--config", "khac.yaml")
    assert code == 2 and "limits.max-cells" in err and "a.xlsx" in err
    code, _out, _err = cli("publish", "a.xlsx", "-o", "out", "--config", "khac.yaml")
    assert code == 2 and not (folder / "out").exists()


@pytest.mark.parametrize("command", ["validate", "convert", "diff", "stats"])
def test_without_the_lower_limit_the_same_commands_read_the_file(cli, folder, command):
    (folder / "tthc.yaml").write_text("limits:\n  max-cell-chars: 100000\n", encoding="utf-8")
    code, out, err = cli(*COMMANDS[command])
    assert code in (0, 1), out + err
    assert "max-cell-chars" not in out + err
