"""`related` ("Thủ tục hành chính liên quan"): the national database's field, read from the
crawled detail page, any table and YAML (a vocabulary entry only: tthc.fields)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tthc.load import load_file

RECORD = FIXTURES / "realdata" / "records" / "bo-tu-phap" / "1.003005.json"  # real, byte for byte
RELATED = "Thủ tục đăng ký khai sinh (1.001193)"


def _crawled(tmp_path: Path, value: str) -> Path:
    data = json.loads(RECORD.read_text(encoding="utf-8"))
    data["thu_tuc_lien_quan"] = value
    path = tmp_path / "1.003005.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_portals_placeholder_gives_no_related_procedure() -> None:
    result = load_file(RECORD)  # the real page says "Không có thông tin", as all 1,853 crawled pages do
    (p,) = result.catalog.procedures
    assert p.related == []
    assert "Thủ tục hành chính liên quan" not in p.extra
    assert result.issues == []


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_a_crawled_pages_related_procedures_are_kept_as_lines(tmp_path: Path, form: str) -> None:
    value = unicodedata.normalize(form, RELATED + "\n" + "Thủ tục đăng ký thường trú")
    (p,) = load_file(_crawled(tmp_path, value)).catalog.procedures
    assert p.related == [RELATED, "Thủ tục đăng ký thường trú"]
    assert p.extra == {}  # no longer a copy in "Thông tin khác"
    assert p.sources["related"].field == "thu_tuc_lien_quan"


def test_a_table_column_and_a_yaml_key_read_as_related(tmp_path: Path) -> None:
    csv = tmp_path / "danh-muc.csv"
    csv.write_text(f"Mã TTHC,Tên thủ tục,Thủ tục liên quan\n1.003005,Giải quyết việc nuôi con nuôi,{RELATED}\n")
    (p,) = load_file(csv).catalog.procedures
    assert p.related == [RELATED]
    yaml = tmp_path / "c.yaml"
    yaml.write_text(
        f"tthc_catalog: 1\nprocedures:\n  - name: Giải quyết việc nuôi con nuôi\n    related:\n      - {RELATED}\n"
    )
    (q,) = load_file(yaml).catalog.procedures
    assert q.related == [RELATED]
