"""Exit codes are the same for every --format: 0 nothing at or above --fail-on, 1 findings, 2 errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_yaml_catalog
from tests.nightly.catalogs import SELECT, complete, defective, write_catalog

FORMATS = ("text", "json", "sarif", "junit", "github", "csv")


@pytest.fixture
def inputs(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write_catalog(tmp_path / "defects.yaml", defective())
    write_catalog(tmp_path / "clean.yaml", [complete("1.001193", "Đăng ký khai sinh")])
    (tmp_path / "broken.yaml").write_text("tthc_catalog: 1\nprocedures:\n  - name: 'Đăng ký\n", encoding="utf-8")
    write_yaml_catalog(tmp_path / "wrong-type.yaml", "  - {code: '1.001193', name: A, place: [x, y]}\n")
    return tmp_path


CASES = [
    (("defects.yaml",), 1),
    (("defects.yaml", "--fail-on", "never"), 0),
    (("defects.yaml", "--exit-zero"), 0),
    (("defects.yaml", "--fail-on", "info"), 1),
    (("clean.yaml", "--fail-on", "info"), 0),
    (("missing.yaml",), 2),
    (("missing.yaml", "--exit-zero"), 2),
    (("broken.yaml",), 2),
    (("broken.yaml", "--exit-zero"), 2),
    (("wrong-type.yaml", "--exit-zero"), 2),
    (("defects.yaml", "--baseline", "missing-baseline.json"), 2),
    (("defects.yaml", "--select", "no-such-rule"), 2),
]


@pytest.mark.parametrize(("args", "expected"), CASES, ids=[" ".join(a) for a, _ in CASES])
def test_same_exit_code_for_every_format(cli, inputs: Path, args: tuple[str, ...], expected: int) -> None:
    select = () if "--select" in args else ("--select", SELECT)
    codes = {fmt: cli("check", *args, *select, "--format", fmt)[0] for fmt in FORMATS}
    assert codes == dict.fromkeys(FORMATS, expected)


@pytest.mark.parametrize("fmt", FORMATS[1:])
def test_written_to_a_file_too(cli, inputs: Path, fmt: str) -> None:
    code, out, _ = cli("check", "defects.yaml", "--select", SELECT, "--format", fmt, "--output", f"out.{fmt}")
    assert code == 1
    assert out == ""
    assert (inputs / f"out.{fmt}").stat().st_size > 0
