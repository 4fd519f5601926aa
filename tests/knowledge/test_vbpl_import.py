"""`tthc knowledge import`: the vbpl.vn metadata table (the committed derived copy of the shared
extract, tests/fixtures/vbpl/) becomes a register that `tthc check` uses."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, write_yaml_catalog
from tthc.knowledge import DocStatus, load_knowledge
from tthc.model import DocKind

TABLE = FIXTURES / "vbpl" / "stage1_sme_docs.csv.gz"


@pytest.fixture(scope="module")
def register(tmp_path_factory) -> Path:
    from typer.testing import CliRunner

    from tthc.cli import app

    out = tmp_path_factory.mktemp("vbpl") / "register.yaml"
    result = CliRunner().invoke(app, ["knowledge", "import", str(TABLE), "-o", str(out), "--data-date", "2026-03-15"])
    assert result.exit_code == 0, result.output
    assert f"Đã ghi {out}" in result.stderr.replace("\n", " ")
    return out


@pytest.fixture(scope="module")
def kb(register):
    return load_knowledge([register])


def test_every_readable_row_becomes_an_entry_with_its_source_and_import_date(register, kb):
    lines = [line for line in register.read_text(encoding="utf-8").splitlines() if line.startswith("- {")]
    assert len(lines) >= 14000
    imported = [d for d in kb.legal_documents if d.imported]
    assert len(imported) >= 14000
    assert all(d.source.vi.startswith("vbpl.vn (stage1_sme_docs.csv.gz, dòng ") for d in imported)
    assert {d.imported for d in imported} == {dt.date.today()}
    first = json.loads(lines[0][2:])
    assert (
        first["number"] == "157/1999/QĐ-UB" and first["status"] == "in_force" and first["status_as_of"] == "2026-03-15"
    )


def test_vbpl_status_words_map_to_the_register(kb):
    law = kb.find_document("59/2020/QH14", kind=DocKind.LAW)
    assert law.title == "Luật Doanh nghiệp" and law.status == "in_force"
    assert law.effective == dt.date(2021, 1, 1) and law.status_at(dt.date(2026, 3, 15)) is DocStatus.IN_FORCE
    # vbpl titles a law by its subject only; the register writes the kind in front
    assert kb.find_document("54/2010/QH12").title == "Luật Trọng tài thương mại"


def test_the_resolution_02_2011_qh13_is_not_the_complaints_law(kb):
    resolution = kb.find_document("02/2011/QH13", kind=DocKind.NA_RESOLUTION)
    assert resolution is not None and resolution.issued == dt.date(2011, 7, 29)  # "Miễn nhiệm Tổng Kiểm toán…"
    law = kb.find_document("02/2011/QH13", kind=DocKind.LAW)
    assert law is None or law.imported is None  # never the resolution's entry


def test_shipped_dated_facts_are_kept_over_the_imported_status(kb):
    # the extract says "Còn hiệu lực" for documents the shipped register knows were replaced
    doc = kb.find_document("81/2006/QH11")
    assert doc.imported is None or doc.status_at(dt.date(2026, 12, 15)) is DocStatus.REPEALED


def test_a_local_number_several_provinces_use_is_told_apart_or_left_unknown(kb):
    assert kb.find_document("02/2025/NQ-HĐND") is None  # four provinces: a citation cannot say which
    doc = kb.find_document("02/2025/NQ-HĐND", issuer="HĐND Thành phố Cần Thơ")
    assert doc is not None and doc.issuer == "HĐND Thành phố Cần Thơ"


def test_unreadable_rows_are_reported_with_their_row(cli, tmp_path):
    table = tmp_path / "vbpl.jsonl"
    rows = [
        {
            "so_ky_hieu": "59/2020/QH14",
            "loai_van_ban": "Luật",
            "tinh_trang_hieu_luc": "Còn hiệu lực",
            "title": "Doanh nghiệp",
        },
        {"so_ky_hieu": "Không số", "loai_van_ban": "Quyết định", "tinh_trang_hieu_luc": "Còn hiệu lực"},
        {"so_ky_hieu": "91/2015/QH13", "loai_van_ban": "Bộ luật", "tinh_trang_hieu_luc": "Đã sửa"},
        {"so_ky_hieu": "21/2012/QH13", "loai_van_ban": "Luật", "tinh_trang_hieu_luc": "Hết hiệu lực toàn bộ"},
        {
            "so_ky_hieu": "01/2016/TT-BTC",
            "loai_van_ban": "Thông tư",
            "tinh_trang_hieu_luc": "Hết hiệu lực một phần",
            "ngay_co_hieu_luc": "31/02/2016",
        },
    ]
    table.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n{broken\n", encoding="utf-8")
    out = tmp_path / "register.yaml"
    code, _, err = cli("knowledge", "import", table, "-o", out)
    assert code == 0
    err = " ".join(err.split())
    assert f"{table}: dòng 2: số ký hiệu không đọc được: 'Không số'" in err
    assert f"{table}: dòng 3: tình trạng hiệu lực không rõ: 'Đã sửa'" in err
    assert f"{table}: dòng 5: ngay_co_hieu_luc: ngày không đọc được '31/02/2016'" in err
    assert f"{table}: dòng 6: JSON không hợp lệ" in err
    kb = load_knowledge([out])
    repealed = kb.find_document("21/2012/QH13", kind=DocKind.LAW)
    assert repealed.imported and repealed.status == "expired"  # "repealed, date unknown"
    assert (kb.find_document("91/2015/QH13") or kb.legal_documents[0]).imported is None  # the bad row wrote nothing


def test_a_missing_column_or_format_is_one_line_and_exit_2(cli, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("so,loai\n1,2\n", encoding="utf-8")
    code, _, err = cli("knowledge", "import", bad, "-o", tmp_path / "r.yaml")
    assert code == 2 and "thiếu cột so_ky_hieu" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "r.yaml").exists()
    code, _, err = cli("knowledge", "import", tmp_path / "x.xlsx", "-o", tmp_path / "r.yaml")
    assert code == 2


def test_parquet_without_pyarrow_says_what_to_install(cli, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    table = tmp_path / "t.parquet"
    table.write_bytes(b"PAR1")
    code, _, err = cli("knowledge", "import", table, "-o", tmp_path / "r.yaml")
    assert code == 2 and 'pip install "tthc[vbpl]"' in err


def test_parquet_is_read_when_pyarrow_is_there(cli, tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    table = tmp_path / "t.parquet"
    pq.write_table(
        pa.table(
            {
                "so_ky_hieu": ["59/2020/QH14"],
                "loai_van_ban": ["Luật"],
                "co_quan_ban_hanh": ["Quốc hội"],
                "ngay_ban_hanh": ["17/06/2020"],
                "ngay_co_hieu_luc": ["01/01/2021"],
                "ngay_het_hieu_luc": [None],
                "tinh_trang_hieu_luc": ["Còn hiệu lực"],
                "title": ["Luật Doanh nghiệp"],
            }
        ),
        table,
    )
    code, _, _ = cli("knowledge", "import", table, "-o", tmp_path / "r.yaml")
    assert code == 0
    assert load_knowledge([tmp_path / "r.yaml"]).find_document("59/2020/QH14").issued == dt.date(2020, 6, 17)


def test_check_uses_the_imported_register(cli, tmp_path, register):
    catalog = write_yaml_catalog(
        tmp_path / "c.yaml",
        "  - code: '1.000001'\n    name: Thủ tục thử\n    legal_basis: 'Nghị định số 30/2000/NĐ-CP của Chính phủ'\n",
    )
    args = ("check", catalog, "--select", "legal-basis-unknown", "--format", "json", "--as-of", "2026-12-15")
    code, out, _ = cli(*args)
    unknown = [f for f in json.loads(out)["findings"] if f["rule"] == "legal-basis-unknown"]
    assert unknown and "30/2000/NĐ-CP" in unknown[0]["message"]  # not in the shipped register
    config = tmp_path / "tthc.yaml"
    config.write_text(f"knowledge: [{register}]\n", encoding="utf-8")
    code, out, err = cli(*args, "--config", config)
    assert code == 0, err
    assert [f for f in json.loads(out)["findings"] if f["rule"] == "legal-basis-unknown"] == []
