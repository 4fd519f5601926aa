"""Every bad input the issue lists: exit 2, one line naming the file (and position), no
traceback, nothing written, the input untouched — through `validate` and `check` alike."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import FIXTURES


def _xlsx(path: Path, rows: list[list]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def not_a_workbook(d: Path) -> Path:
    p = d / "danh-muc.xlsx"
    p.write_text("Mã TTHC;Tên TTHC\n1.001193;Đăng ký khai sinh\n", encoding="utf-8")
    return p


def truncated(d: Path) -> Path:
    full = _xlsx(d / "full.xlsx", [["Mã TTHC", "Tên TTHC"], ["1.001193", "Đăng ký khai sinh"]])
    p = d / "cut.xlsx"
    p.write_bytes(full.read_bytes()[:700])
    full.unlink()
    return p


def password_protected(d: Path) -> Path:
    return Path(shutil.copy(FIXTURES / "excel" / "password-protected.xlsx", d / "khoa.xlsx"))


def empty_workbook(d: Path) -> Path:
    return _xlsx(d / "trong.xlsx", [])


def no_header(d: Path) -> Path:
    return _xlsx(d / "khong-tieu-de.xlsx", [["a", "b"], ["1", "2"]])


def duplicate_headers(d: Path) -> Path:
    return _xlsx(d / "lap.xlsx", [["Mã TTHC", "Tên TTHC", "Tên thủ tục hành chính"], ["1.001193", "A", "B"]])


def yaml_syntax(d: Path) -> Path:
    p = d / "cu-phap.yaml"
    p.write_text("tthc_catalog: 1\nprocedures:\n  - name: 'Đăng ký khai sinh\n", encoding="utf-8")
    return p


def yaml_python_tag(d: Path) -> Path:
    p = d / "the.yaml"
    p.write_text("tthc_catalog: 1\nprocedures:\n  - name: !!python/object/apply:os.system [id]\n", encoding="utf-8")
    return p


def yaml_alias_bomb(d: Path) -> Path:
    lines = ["tthc_catalog: 1", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    p = d / "bom.yaml"
    p.write_text("\n".join([*lines, "procedures: []"]) + "\n", encoding="utf-8")
    return p


def list_where_text(d: Path) -> Path:
    p = d / "danh-sach.yaml"
    p.write_text("tthc_catalog: 1\nprocedures:\n  - name: [Đăng ký, khai sinh]\n", encoding="utf-8")
    return p


def missing_file(d: Path) -> Path:
    return d / "khong-co.yaml"


def folder_without_catalogs(d: Path) -> Path:
    folder = d / "rong"
    folder.mkdir()
    (folder / "ghi-chu.txt").write_text("không phải danh mục", encoding="utf-8")
    return folder


CASES: list[tuple[Callable[[Path], Path], str]] = [
    (not_a_workbook, "danh-muc.xlsx"),
    (truncated, "cut.xlsx"),
    (password_protected, "khoa.xlsx"),
    (empty_workbook, "trong.xlsx"),
    (no_header, "khong-tieu-de.xlsx"),
    (duplicate_headers, "lap.xlsx"),
    (yaml_syntax, "cu-phap.yaml:3"),
    (yaml_python_tag, "the.yaml:3"),
    (yaml_alias_bomb, "bom.yaml:"),
    (list_where_text, "danh-sach.yaml:3"),
    (missing_file, "khong-co.yaml"),
    (folder_without_catalogs, "rong"),
]


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()
    }


@pytest.mark.parametrize("command", ["validate", "check"])
@pytest.mark.parametrize(("make", "where"), CASES, ids=[c[0].__name__ for c in CASES])
def test_bad_input_exits_2_with_one_line(cli, tmp_path: Path, command: str, make, where: str) -> None:
    path = make(tmp_path)
    before = _snapshot(tmp_path)
    code, out, err = cli(command, path, "--format", "json")
    assert code == 2
    assert "Traceback" not in out + err
    lines = [line for line in err.splitlines() if line.strip() and not line.startswith(("0 phát hiện", "Thống kê"))]
    errors = [line for line in lines if where in line]
    assert errors, err
    assert len([line for line in lines if "lỗi" in line]) == 1, err
    assert _snapshot(tmp_path) == before  # nothing written, input untouched
