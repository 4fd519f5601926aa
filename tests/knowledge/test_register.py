"""The legal register's model: statuses with and without dates, successor chains, documents
sharing a number, and the 'next law of the same name' inference (DOMAIN §3c)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tthc.engine import RunSettings, run
from tthc.knowledge import DocStatus, KnowledgeError, load_knowledge
from tthc.load import load_file
from tthc.model import DocKind
from tthc.rules import find_rule

D = dt.date


def register(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "register.yaml"
    path.write_text("tthc_knowledge: 1\nlegal_documents:\n" + body, encoding="utf-8")
    return path


def findings(tmp_path: Path, kb, legal_basis: str, day: dt.date, rule: str = "legal-basis-repealed"):
    catalog = tmp_path / "catalog.yaml"
    catalog.write_text(
        "tthc_catalog: 1\ncatalog: {name: Danh mục, kind: full}\nprocedures:\n"
        f"  - code: '1.000001'\n    name: Thủ tục thử\n    legal_basis: '{legal_basis}'\n",
        encoding="utf-8",
    )
    result = load_file(catalog)
    assert result.ok
    return run([result.catalog], [find_rule(rule)], kb, RunSettings(as_of=day))


CHAIN = """\
  - number: 1/2006/QH11
    kind: law
    title: Luật Thử nghiệm (2006)
    effective: 2007-01-01
    replaced_by: 2/2019/QH14
    repealed_from: 2020-07-01
    repeal_article: Điều 151 khoản 2
    source: Luật 2/2019/QH14, Điều 151 khoản 2
  - number: 2/2019/QH14
    kind: law
    title: Luật Thử nghiệm
    effective: 2020-07-01
    replaced_by: 3/2025/QH15
    source: Luật 3/2025/QH15, Điều 100
  - number: 3/2025/QH15
    kind: law
    title: Luật Thử nghiệm
    effective: 2026-07-01
    source: Luật 3/2025/QH15, Điều 99 (hiệu lực)
"""


def test_a_chain_is_followed_to_the_document_in_force_at_the_date(tmp_path):
    kb = load_knowledge([register(tmp_path, CHAIN)])
    old = kb.find_document("1/2006/QH11")
    chain, in_force = kb.successor_chain(old, D(2026, 12, 15))
    assert [d.number for d in chain] == ["2/2019/QH14", "3/2025/QH15"] and in_force
    # before the newest law starts, the chain stops at the one then in force
    chain, in_force = kb.successor_chain(old, D(2026, 6, 30))
    assert [d.number for d in chain] == ["2/2019/QH14"] and in_force
    found = findings(tmp_path, kb, "Luật Thử nghiệm số 1/2006/QH11", D(2026, 12, 15))
    assert len(found) == 1
    f = found[0]
    assert f.data["in_force_successor"] == "Luật 3/2025/QH15"
    assert f.data["chain"] == ["Luật 2/2019/QH14", "Luật 3/2025/QH15"]
    assert "Luật 2/2019/QH14 (hết hiệu lực từ 01/07/2026" in f.message.vi
    assert "3/2025/QH15" in f.recommendation and "Điều 151 khoản 2" in f.message


def test_a_cycle_ends_the_chain(tmp_path):
    body = """\
  - {number: 7/2010/NĐ-CP, kind: decree, replaced_by: 8/2012/NĐ-CP, repealed_from: 2012-01-01, source: thử}
  - {number: 8/2012/NĐ-CP, kind: decree, replaced_by: 7/2010/NĐ-CP, repealed_from: 2013-01-01, source: thử}
"""
    kb = load_knowledge([register(tmp_path, body)])
    chain, in_force = kb.successor_chain(kb.find_document("7/2010/NĐ-CP"), D(2026, 1, 1))
    assert [d.number for d in chain] == ["8/2012/NĐ-CP"] and not in_force
    assert len(findings(tmp_path, kb, "Nghị định 7/2010/NĐ-CP", D(2026, 1, 1))) == 1


def test_a_successor_the_register_does_not_know_is_not_in_force_silently(tmp_path):
    body = (
        "  - {number: 987/2010/NĐ-CP, kind: decree, replaced_by: 1134/2016/NĐ-CP, source: Nghị định 1134/2016/NĐ-CP}\n"
    )
    kb = load_knowledge([register(tmp_path, body)])
    doc = kb.find_document("987/2010/NĐ-CP")
    assert doc.end_unknown
    assert doc.status_at(D(2026, 1, 1)) is DocStatus.REPEALED
    assert doc.status_at(D(2015, 12, 31)) is DocStatus.IN_FORCE  # not before its successor's year
    assert not doc.status_date_confirmed(D(2026, 1, 1))
    (f,) = findings(tmp_path, kb, "Nghị định 987/2010/NĐ-CP", D(2026, 1, 1))
    assert "không rõ ngày" in f.message or "date unknown" in f.message
    assert "1134/2016/NĐ-CP" in f.message and f.data["in_force_successor"] is None


@pytest.mark.parametrize(
    ("status", "day", "expected"),
    [
        ("expired", D(2026, 5, 1), DocStatus.REPEALED),  # "Hết hiệu lực toàn bộ", date unknown
        ("partly_expired", D(2026, 5, 1), DocStatus.PARTLY_EXPIRED),
        ("not_yet_in_force", D(2026, 1, 1), DocStatus.NOT_YET),
        ("in_force", D(2026, 5, 1), DocStatus.IN_FORCE),
    ],
)
def test_declared_statuses_without_dates(tmp_path, status, day, expected):
    body = (
        f"  - {{number: 5/2015/TT-BTC, kind: circular, status: {status}, status_as_of: 2026-03-01, source: vbpl.vn}}\n"
    )
    doc = load_knowledge([register(tmp_path, body)]).find_document("5/2015/TT-BTC")
    assert doc.status_at(day) is expected


def test_partly_expired_is_not_reported_as_repealed(tmp_path):
    body = "  - {number: 5/2015/TT-BTC, kind: circular, status: partly_expired, source: vbpl.vn}\n"
    kb = load_knowledge([register(tmp_path, body)])
    assert findings(tmp_path, kb, "Thông tư 5/2015/TT-BTC", D(2026, 5, 1)) == []


def test_a_law_and_a_resolution_share_a_number(tmp_path):
    body = """\
  - {number: 99/2011/QH13, kind: law, title: Luật Khiếu nại, effective: 2012-07-01, source: Luật Khiếu nại}
  - {number: 99/2011/QH13, kind: na_resolution, title: Miễn nhiệm Tổng Kiểm toán Nhà nước, status: in_force, source: vbpl.vn}
"""
    kb = load_knowledge([register(tmp_path, body)])
    assert kb.find_document("99/2011/QH13", kind=DocKind.LAW).title == "Luật Khiếu nại"
    assert kb.find_document("99/2011/QH13", kind=DocKind.NA_RESOLUTION).title.startswith("Miễn nhiệm")
    # an override must say which one it changes
    override = tmp_path / "override.yaml"
    override.write_text("legal_documents:\n  - {number: 99/2011/QH13, note: x, source: y}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="kind"):
        load_knowledge([register(tmp_path, body), override])
    override.write_text(
        "legal_documents:\n  - {number: 99/2011/QH13, kind: law, repealed_from: 2030-01-01, source: y}\n",
        encoding="utf-8",
    )
    kb = load_knowledge([register(tmp_path, body), override])
    assert kb.find_document("99/2011/QH13", kind=DocKind.LAW).repealed_from == D(2030, 1, 1)
    assert kb.find_document("99/2011/QH13", kind=DocKind.NA_RESOLUTION).repealed_from is None


def test_a_law_is_replaced_by_the_next_law_of_the_same_name_by_inference(tmp_path):
    body = """\
  - {number: 11/2006/QH11, kind: law, title: Luật Thử thách (2006), effective: 2007-07-01, source: thử}
  - {number: 12/2019/QH14, kind: law, title: Luật Thử thách, effective: 2020-07-01, source: thử}
  - {number: 13/2022/QH15, kind: law, title: "Luật sửa đổi, bổ sung một số điều của Luật Thử thách", effective: 2023-01-01, source: thử}
  - {number: 14/2015/QH13, kind: code, title: Bộ luật Thử, effective: 2017-01-01, source: thử}
"""
    kb = load_knowledge([register(tmp_path, body)])
    old = kb.find_document("11/2006/QH11")
    assert old.repealed_from == D(2020, 7, 1) and old.successor == "12/2019/QH14" and old.inferred
    assert kb.find_document("12/2019/QH14").status_at(D(2026, 12, 15)) is DocStatus.IN_FORCE  # amended, not replaced
    assert kb.find_document("13/2022/QH15").successor is None
    (f,) = findings(tmp_path, kb, "Luật Thử thách 11/2006/QH11", D(2026, 12, 15))
    assert "suy ra" in f.message or "inferred" in f.message
    assert findings(tmp_path, kb, "Luật 13/2022/QH15; Bộ luật 14/2015/QH13", D(2026, 12, 15)) == []


def test_no_inference_without_the_newer_laws_effective_date(tmp_path):
    body = """\
  - {number: 11/2006/QH11, kind: law, title: Luật Thử thách, effective: 2007-07-01, source: thử}
  - {number: 12/2019/QH14, kind: law, title: Luật Thử thách, issued: 2019-06-13, source: thử}
"""
    kb = load_knowledge([register(tmp_path, body)])
    assert kb.find_document("11/2006/QH11").status_at(D(2026, 12, 15)) is DocStatus.IN_FORCE
