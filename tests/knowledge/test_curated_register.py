"""The shipped register against what real catalogs cite (issue #15 item 4 and its 'done when').

tests/fixtures/realdata/citations.tsv.gz is the derived list of every citation in the real
records (tools/legal_citations.py over chatbot_tthc's four ministries and nhdandz's BQP records):
one line per record and cited document. Tests never read ../shared.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json

import pytest

from tests.conftest import FIXTURES, write_yaml_catalog
from tthc.knowledge import DocStatus, load_knowledge
from tthc.model import DocKind

CITATIONS = FIXTURES / "realdata" / "citations.tsv.gz"
AS_OF = "2026-12-15"


def citations() -> list[list[str]]:
    with gzip.open(CITATIONS, "rt", encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh if not line.startswith("#")]


def share_known(kb, until: int = 2020) -> tuple[int, int]:
    """(citations of documents numbered ``until`` or earlier, those the register knows with a
    status and a source) — the figure docs/knowledge.md gives."""
    total = known = 0
    for _source, _code, number, kind, year in citations():
        if not year or int(year) > until:
            continue
        total += 1
        doc = kb.find_document(number, year=int(year), kind=DocKind(kind) if kind else None)
        has_status = doc is not None and (doc.status or doc.effective or doc.repealed_from or doc.successor)
        known += bool(has_status and doc.source)
    return total, known


def test_the_derived_list_is_the_real_records():
    rows = citations()
    assert len(rows) > 8000
    assert len({r[0] for r in rows}) > 1900  # records of five agencies (2,060, some cite nothing)
    assert sum(1 for r in rows if r[4] and int(r[4]) <= 2020) > 3000


def test_the_register_knows_most_citations_of_documents_issued_2020_or_earlier():
    total, known = share_known(load_knowledge(include_unconfirmed=True))
    assert known / total >= 0.80, f"{known}/{total}"
    # confirmed entries alone (the default run): the figure docs/knowledge.md states
    total, confirmed = share_known(load_knowledge())
    assert confirmed / total >= 0.74, f"{confirmed}/{total}"


def test_every_entry_of_the_curated_register_says_where_it_comes_from():
    kb = load_knowledge(include_unconfirmed=True)
    mine = [d for d in kb.legal_documents if d.origin.startswith("tthc/knowledge/data/legal_register.yaml")]
    assert len(mine) > 200
    for doc in mine:
        assert doc.source
        assert doc.confirmed or doc.source.vi.startswith("UNCONFIRMED"), doc.key
        assert doc.kind is not None and doc.title, doc.key


SEVEN = [
    # (catalog text, number, successor in force on 15/12/2026) — real cells where the records cite them
    ("Tên văn bản pháp lýMã văn bảnLUẬT  Bảo hiểm xã hội58/2014/QH13", "58/2014/QH13", "41/2024/QH15"),
    ("Tên văn bản pháp lýMã văn bảnLuật 78/2006/QH1178/2006/QH11", "78/2006/QH11", "108/2025/QH15"),
    ("Tên văn bản pháp lýMã văn bảnKinh doanh bảo hiểm24/2000/QH10", "24/2000/QH10", "08/2022/QH15"),
    ("Luật Doanh nghiệp số 68/2014/QH13 ngày 26/11/2014", "68/2014/QH13", "59/2020/QH14"),
    ("Tên văn bản pháp lýMã văn bảnLuật đầu tư67/2014/QH13", "67/2014/QH13", "143/2025/QH15"),
    ("Luật Đất đai số 45/2013/QH13 ngày 29/11/2013", "45/2013/QH13", "31/2024/QH15"),
    ("Luật Nhà ở số 65/2014/QH13 ngày 25/11/2014", "65/2014/QH13", "27/2023/QH15"),
]


@pytest.fixture(scope="module")
def seven_findings(tmp_path_factory):
    from typer.testing import CliRunner

    from tthc.cli import app

    folder = tmp_path_factory.mktemp("seven")
    procedures = "".join(
        f"  - code: '1.00000{i}'\n    name: Thủ tục {i}\n    legal_basis: {json.dumps(text, ensure_ascii=False)}\n"
        for i, (text, _, _) in enumerate(SEVEN)
    )
    procedures += (
        "  - code: '1.000100'\n    name: Thủ tục dân sự\n"
        "    legal_basis: 'Tên văn bản pháp lýMã văn bảnBộ luật Dân sự91/2015/QH13'\n"
        "  - code: '1.000101'\n    name: Thủ tục doanh nghiệp\n"
        "    legal_basis: 'Tên văn bản pháp lýMã văn bảnLuật Doanh nghiệp59/2020/QH14"
        "Luật sửa đổi, bổ sung một số điều của Luật Doanh nghiệp 202076/2025/QH15'\n"
    )
    catalog = write_yaml_catalog(folder / "c.yaml", procedures)
    result = CliRunner().invoke(
        app, ["check", str(catalog), "--select", "legal-basis-repealed", "--as-of", AS_OF, "--format", "json"]
    )
    assert result.exit_code == 1, result.output
    return {f["procedure"]["code"]: f for f in json.loads(result.stdout)["findings"]}


@pytest.mark.parametrize(("i", "number", "successor"), [(i, n, s) for i, (_, n, s) in enumerate(SEVEN)])
def test_the_seven_laws_are_repealed_with_the_successor_in_force(seven_findings, i, number, successor):
    finding = seven_findings[f"1.00000{i}"]
    assert finding["data"]["in_force_successor"].endswith(successor)
    assert number in finding["message"] and successor in finding["message"] and successor in finding["recommendation"]


def test_the_tax_administration_chain_is_stated(seven_findings):
    f = seven_findings["1.000001"]
    assert f["data"]["chain"] == ["Luật 38/2019/QH14", "Luật 108/2025/QH15"]
    # the second link is only inferred (same-name law, repeal clause not read): the chain says so too
    assert "Luật 38/2019/QH14 (hết hiệu lực từ 01/07/2026, ngày chưa được xác nhận; suy ra: " in f["message"]
    assert f["message"].endswith("→ Luật 108/2025/QH15")


def test_the_civil_code_and_an_amending_law_are_not_repealed(seven_findings):
    assert "1.000100" not in seven_findings and "1.000101" not in seven_findings
    kb = load_knowledge(include_unconfirmed=True)
    day = dt.date.fromisoformat(AS_OF)
    assert kb.find_document("91/2015/QH13", kind=DocKind.CODE).status_at(day) is DocStatus.IN_FORCE
    amending = kb.find_document("51/2019/QH14", kind=DocKind.LAW)  # amends Law 47/2014/QH13
    assert amending.successor is None and amending.status_at(day) is DocStatus.IN_FORCE


def test_vbpl_errors_are_corrected_not_copied():
    # SOURCES.md §7: the extract says "Còn hiệu lực" for these replaced decrees
    kb = load_knowledge(include_unconfirmed=True)
    assert kb.find_document("27/2007/NĐ-CP").successor == "165/2018/NĐ-CP"
    assert kb.find_document("105/2014/NĐ-CP").successor == "146/2018/NĐ-CP"


def test_a_procedure_already_citing_the_successor_is_told_to_drop_the_old_one(cli, tmp_path):
    # bo-tai-chinh records cite "Luật Quản lý thuế38/2019/QH14" next to "Luật Quản lý thuế108/2025/QH15"
    catalog = write_yaml_catalog(
        tmp_path / "c.yaml",
        "  - code: '2.002267'\n    name: Thủ tục thuế\n    legal_basis: 'Tên văn bản pháp lýMã văn bản"
        "Luật Quản lý thuế38/2019/QH14Luật Quản lý thuế108/2025/QH15'\n",
    )
    code, out, _ = cli("check", catalog, "--select", "legal-basis-repealed", "--as-of", AS_OF, "--format", "json")
    assert code == 1
    (f,) = json.loads(out)["findings"]
    assert f["recommendation"].startswith("bỏ viện dẫn Luật 38/2019/QH14: thủ tục đã viện dẫn Luật 108/2025/QH15")
    assert "suy ra" in f["message"]  # the repeal clause was not read: the same-name inference says so


def test_a_replaced_decree_is_followed_to_the_one_in_force(cli, tmp_path):
    # bo-tai-chinh/1.009389 cites the 2020 ODA decree, replaced twice since (both repeals read on pages)
    cell = (
        "Tên văn bản pháp lýMã văn bảnVề quản lý và sử dụng vốn hỗ trợ phát triển chính thức (ODA) "
        "và vốn vay ưu đãi của nhà tài trợ nước ngoài56/2020/NĐ-CP"
    )
    catalog = write_yaml_catalog(
        tmp_path / "c.yaml",
        f"  - code: '1.009389'\n    name: Thủ tục ODA\n    legal_basis: {json.dumps(cell, ensure_ascii=False)}\n",
    )
    code, out, _ = cli("check", catalog, "--select", "legal-basis-repealed", "--as-of", AS_OF, "--format", "json")
    assert code == 1
    (f,) = json.loads(out)["findings"]
    assert f["data"]["chain"] == ["Nghị định 114/2021/NĐ-CP", "Nghị định 242/2025/NĐ-CP"]
    assert f["data"]["in_force_successor"].endswith("242/2025/NĐ-CP")
    assert "56/2020/NĐ-CP" in f["message"] and "suy ra" not in f["message"]
    # before the first repeal the decree applied: no finding
    code, out, _ = cli(
        "check", catalog, "--select", "legal-basis-repealed", "--as-of", "2021-06-01", "--format", "json"
    )
    assert code == 0 and json.loads(out)["findings"] == []
