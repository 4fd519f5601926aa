"""`tthc merge`: identical duplicates merged quietly, every conflicting value kept with its file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import write_yaml_catalog
from tests.lifecycle.test_schema import _Yaml12, errors
from tthc.lifecycle.convert.yaml_writer import catalog_to_yaml
from tthc.lifecycle.merge import merge_catalogs
from tthc.load import load_file

HA_NAM = """\
  - {code: '1.001193', name: Đăng ký khai sinh, field: Hộ tịch, place: UBND xã Thanh Sơn}
  - {code: '2.000635', name: Cấp bản sao trích lục hộ tịch, processing_time: 01 ngày làm việc}
  - {name: Hỗ trợ chi phí mai táng, fees: Miễn phí}
  - {code: '1.000001', name: Chỉ có ở Hà Nam}
"""
NINH_BINH = """\
  - {code: '1.001193', name: Đăng ký khai sinh, field: Hộ tịch, place: UBND phường Hoa Lư}
  - {code: '2.000635', name: Cấp bản sao trích lục hộ tịch, processing_time: 01 ngày làm việc}
  - {name: Hỗ trợ chi phí mai  táng, fees: 'Lệ phí: 10.000 đồng'}
  - {code: '1.000002', name: Chỉ có ở Ninh Bình}
"""


@pytest.fixture
def provinces(tmp_path: Path) -> tuple[Path, Path]:
    return (
        write_yaml_catalog(tmp_path / "ha-nam.yaml", HA_NAM, "  name: Hà Nam\n"),
        write_yaml_catalog(tmp_path / "ninh-binh.yaml", NINH_BINH, "  name: Ninh Bình\n"),
    )


def test_merge_keeps_every_value(provinces) -> None:
    result = merge_catalogs([load_file(p).catalog for p in provinces], name="Ninh Bình (sau hợp nhất)")
    catalog = result.catalog
    assert [p.code for p in catalog.procedures] == ["1.001193", "2.000635", None, "1.000001", "1.000002"]
    assert result.duplicates == 1  # 2.000635 is written identically in both
    conflicts = {(c.code, c.field): c.values for c in result.conflicts}
    assert conflicts == {
        ("1.001193", "place"): [("ha-nam.yaml", "UBND xã Thanh Sơn"), ("ninh-binh.yaml", "UBND phường Hoa Lư")],
        (None, "fees"): [("ha-nam.yaml", "Miễn phí"), ("ninh-binh.yaml", "Lệ phí: 10.000 đồng")],
    }
    # the first file's version stays in the catalog; the conflict section holds both
    assert catalog.procedures[0].place == "UBND xã Thanh Sơn"
    assert catalog.conflicts[0]["values"][1] == {"source": "ninh-binh.yaml", "value": "UBND phường Hoa Lư"}
    assert catalog.name == "Ninh Bình (sau hợp nhất)"


def test_cli_writes_the_conflict_section_and_exits_1(cli, provinces, tmp_path: Path) -> None:
    out = tmp_path / "ninh-binh-moi.yaml"
    code, _, err = cli(
        "merge",
        *provinces,
        "-o",
        out,
        "--name",
        "Danh mục sau hợp nhất",
        "--issuer",
        "UBND tỉnh Ninh Bình",
        "--locality",
        "Ninh Bình",
        env={"COLUMNS": "200"},
    )
    assert code == 1
    assert "2 xung đột" in err and "UBND phường Hoa Lư" in err and "ninh-binh.yaml" in err
    loaded = load_file(out)
    assert loaded.ok
    catalog = loaded.catalog
    assert (catalog.name, catalog.issuer, catalog.locality) == (
        "Danh mục sau hợp nhất",
        "UBND tỉnh Ninh Bình",
        "Ninh Bình",
    )
    assert len(catalog.procedures) == 5
    assert [c["field"] for c in catalog.conflicts] == ["place", "fees"]
    text = out.read_text(encoding="utf-8")
    assert errors(yaml.load(text, Loader=_Yaml12)) == []  # the conflict section is in the schema
    assert catalog_to_yaml(catalog) == text  # stable when read and written again


def test_identical_catalogs_merge_quietly(cli, provinces, tmp_path: Path) -> None:
    copy = write_yaml_catalog(tmp_path / "ha-nam-ban-sao.yaml", HA_NAM)
    out = tmp_path / "gop.yaml"
    code, _, err = cli("merge", provinces[0], copy, "-o", out)
    assert code == 0 and "Không có xung đột" in err
    assert len(load_file(out).catalog.procedures) == 4
    assert load_file(out).catalog.conflicts == []


def test_xlsx_output_refused_with_conflicts_but_fine_without(cli, provinces, tmp_path: Path) -> None:
    code, _, err = cli("merge", *provinces, "-o", tmp_path / "gop.xlsx")
    assert code == 2 and "conflicts" in err
    assert not (tmp_path / "gop.xlsx").exists()
    only = write_yaml_catalog(tmp_path / "khac.yaml", "  - {code: '1.000009', name: Thủ tục khác}\n")
    assert cli("merge", provinces[0], only, "-o", tmp_path / "gop.xlsx")[0] == 0
    assert len(load_file(tmp_path / "gop.xlsx").catalog.procedures) == 5


def test_usage_errors(cli, provinces, tmp_path: Path) -> None:
    assert cli("merge", provinces[0], "-o", tmp_path / "x.yaml")[0] == 2  # one catalog
    assert cli("merge", *provinces, "-o", provinces[0], "--force")[0] == 2  # output is an input
    (tmp_path / "co-san.yaml").write_text("x", encoding="utf-8")
    code, _, err = cli("merge", *provinces, "-o", tmp_path / "co-san.yaml")
    assert code == 2 and "--force" in err
