"""The YAML loader: positions, text kept as text, and every bad input as one clear line."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from tests.conftest import write_yaml_catalog
from tthc.load import LoadError, load_file
from tthc.model import CopyKind, Level, Method, OnlineLevel


def test_reads_fields_with_positions(tmp_path: Path) -> None:
    path = write_yaml_catalog(
        tmp_path / "c.yaml",
        """\
  - code: 2.001000
    name: "  Đăng ký   khai sinh "
    levels: Cấp xã
    agencies: |
      Ủy ban nhân dân xã
      Công an xã
    channels:
      - method: Trực tuyến
        processing_time: 05 ngày làm việc
        fees: Miễn lệ phí
    online_service: Toàn trình
    documents:
      - "Bản sao có chứng thực Giấy chứng sinh (01 bản)"
    legal_basis: Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014 của Quốc hội
""",
    )
    result = load_file(path)
    assert result.ok
    (p,) = result.catalog.procedures
    assert p.code == "2.001000"  # never the float 2.001
    assert p.name == "Đăng ký khai sinh"
    assert p.levels == [Level.COMMUNE]
    assert [a.name for a in p.agencies] == ["Ủy ban nhân dân xã", "Công an xã"]
    assert p.channels[0].method is Method.ONLINE
    assert p.online_service.level is OnlineLevel.FULL
    assert p.documents[0].copy_kind is CopyKind.CERTIFIED_COPY
    assert p.legal_basis[0].number == "60/2014/QH13"
    assert p.source_of("name").line == 6
    assert p.source_of("documents").line == 17
    assert str(p.documents[0].source).endswith(":17:9")


def test_nfd_text_is_normalised_to_nfc(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "Đăng ký khai tử")
    path = write_yaml_catalog(tmp_path / "c.yaml", f"  - name: {nfd}\n")
    (p,) = load_file(path).catalog.procedures
    assert p.name == "Đăng ký khai tử"
    assert unicodedata.is_normalized("NFC", p.name)


def test_unknown_key_is_warned_once_with_nearest_name(tmp_path: Path) -> None:
    path = write_yaml_catalog(
        tmp_path / "c.yaml",
        "  - name: A\n    legal_basic: Luật 60/2014/QH13\n  - name: B\n    legal_basic: Luật 60/2014/QH13\n",
    )
    result = load_file(path)
    unknown = [i for i in result.issues if i.kind == "unknown-key"]
    assert len(unknown) == 1
    assert "legal_basis" in unknown[0].message
    assert unknown[0].source.line == 6
    assert result.catalog.procedures[0].extra == {"legal_basic": "Luật 60/2014/QH13"}


def _error_of(path: Path) -> str:
    with pytest.raises(LoadError) as info:
        load_file(path)
    return str(info.value)


def test_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("tthc_catalog: 1\nprocedures:\n  - name: [Đăng ký\n    code: 1\n", encoding="utf-8")
    message = _error_of(path)
    assert message.startswith(f"{path}:")
    assert "cú pháp YAML" in message


def test_python_tag_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "evil.yaml"
    path.write_text(
        "tthc_catalog: 1\nprocedures:\n  - name: !!python/object/apply:os.system ['echo pwned']\n", encoding="utf-8"
    )
    message = _error_of(path)
    assert f"{path}:3:" in message
    assert "python/object" in message


def test_alias_bomb_is_an_error_not_a_hang(tmp_path: Path) -> None:
    lines = ["tthc_catalog: 1", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 10)}]")
    lines.append("procedures: []")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    message = _error_of(path)
    assert "alias" in message
    assert f"{path}:" in message


def test_list_where_text_is_expected_is_an_error_with_position(tmp_path: Path) -> None:
    path = write_yaml_catalog(tmp_path / "c.yaml", "  - name: A\n    place:\n      - UBND xã\n      - Công an xã\n")
    result = load_file(path)
    (error,) = result.errors
    assert error.kind == "wrong-type"
    assert error.source.line == 7
    assert "place" in error.message


def test_missing_version_line(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("procedures: []\n", encoding="utf-8")
    assert "tthc_catalog: 1" in _error_of(path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_bytes(b"tthc_catalog: 1\nprocedures:\n  - name: \xd0\xe3ng k\xfd\n")  # a legacy 8-bit encoding
    assert "UTF-8" in _error_of(path)


def test_procedure_without_name_is_an_error(tmp_path: Path) -> None:
    path = write_yaml_catalog(tmp_path / "c.yaml", "  - code: 1.001193\n")
    result = load_file(path)
    assert [e.kind for e in result.errors] == ["missing-name"]
    assert result.catalog.procedures == []


def test_input_is_never_modified(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "  - name: Đăng ký khai tử\n")
    path = write_yaml_catalog(tmp_path / "c.yaml", nfd)
    before = path.read_bytes()
    load_file(path)
    assert path.read_bytes() == before


def test_unknown_key_inside_a_structured_value_is_warned(tmp_path: Path) -> None:
    path = write_yaml_catalog(
        tmp_path / "c.yaml",
        "  - name: A\n    documents:\n      - {name: Tờ khai, orginals: 1}\n",
    )
    result = load_file(path)
    (issue,) = [i for i in result.issues if i.kind == "unknown-key"]
    assert "originals" in issue.message
    assert issue.source.line == 7


def test_numbers_and_quoted_null(tmp_path: Path) -> None:
    path = write_yaml_catalog(
        tmp_path / "c.yaml",
        '  - name: "null"\n'
        "    volume: {dossiers_per_year: '7.240', online_per_year: '42.0',"
        " history: [{year: 2020, dossiers: '1.000'}]}\n",
    )
    (p,) = load_file(path).catalog.procedures
    assert p.name == "null"  # a quoted 'null' is text
    assert (p.volume.dossiers_per_year, p.volume.online_per_year) == (7240, 42)  # 7.240 groups thousands
    assert p.volume.history[0].dossiers == 1000


def test_plain_null_and_tilde_are_absent_everywhere(tmp_path: Path) -> None:
    path = write_yaml_catalog(
        tmp_path / "c.yaml",
        "  - name: A\n    place: null\n    channels:\n      - {method: Trực tiếp, processing_time: ~, fees: null}\n",
    )
    (p,) = load_file(path).catalog.procedures
    assert p.place is None
    assert p.channels[0].processing_time is None and p.channels[0].fees == []
