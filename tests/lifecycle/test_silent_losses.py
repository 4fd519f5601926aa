"""#12.5: what the warning says is kept is kept; an unnamed catalog keeps its fingerprints when converted."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import write_yaml_catalog
from tthc.load import load_file


def test_an_unknown_key_holding_a_list_or_a_mapping_is_kept_in_extra(cli, tmp_path: Path) -> None:
    source = write_yaml_catalog(
        tmp_path / "a.yaml",
        "  - name: Thủ tục một\n"
        "    ghi_chu_noi_bo: [dòng một, dòng hai]\n"
        "    lien_he: {điện thoại: '0123', email: a@b.vn}\n"
        "    extra:\n"
        "      Cột cũ: [Giá trị một, Giá trị hai]\n",
    )
    result = load_file(source)
    assert any("(giữ trong extra)" in i.message.vi for i in result.issues)
    assert result.catalog.procedures[0].extra == {
        "Cột cũ": "Giá trị một\nGiá trị hai",
        "ghi_chu_noi_bo": "dòng một\ndòng hai",
        "lien_he": "điện thoại: 0123\nemail: a@b.vn",
    }
    yaml_out, xlsx_out = tmp_path / "b.yaml", tmp_path / "c.xlsx"
    assert cli("convert", source, yaml_out)[0] == 0  # nothing lost: exit 0
    assert cli("convert", yaml_out, xlsx_out)[0] == 0
    assert load_file(xlsx_out).catalog.procedures[0].extra == result.catalog.procedures[0].extra


def _prints(cli, path: Path) -> list[str]:
    code, out, _ = cli("check", path, "-f", "json")
    assert code in (0, 1)
    return sorted(f["fingerprint"] for f in json.loads(out)["findings"])


def test_an_unnamed_catalog_keeps_its_fingerprints_through_convert(cli, tmp_path: Path) -> None:
    source = write_yaml_catalog(
        tmp_path / "xa-nam-2019.yaml",
        "  - code: '1.000001'\n    name: Đăng ký khai sinh\n    legal_basis: ['Nghị định 158/2005/NĐ-CP']\n",
        catalog_yaml="  kind: full\n",  # no name, issuer or locality: the identity is the file name
    )
    before = _prints(cli, source)
    assert before
    book, back = tmp_path / "ban-chuyen-doi.xlsx", tmp_path / "ten-moi.yaml"
    assert cli("convert", source, book)[0] == 0
    assert cli("convert", book, back)[0] == 0
    assert _prints(cli, book) == _prints(cli, back) == before
    assert "  id: xa-nam-2019\n" in back.read_text(encoding="utf-8")
    assert load_file(back).catalog.identity == load_file(source).catalog.identity == "xa-nam-2019"


def test_a_named_catalog_gets_no_id(cli, tmp_path: Path) -> None:
    source = write_yaml_catalog(tmp_path / "a.yaml", "  - name: Thủ tục\n")
    out = tmp_path / "b.yaml"
    assert cli("convert", source, out)[0] == 0
    assert "  id:" not in out.read_text(encoding="utf-8")
