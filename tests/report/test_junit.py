"""`--format junit`: parses with xml.etree, one failing case per finding with a unique name, one passing case per clean procedure."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.nightly.catalogs import SELECT, complete, defective, write_catalog
from tthc.audit import Audit
from tthc.rules import RULES_BY_NAME
from tthc.rules.base import Finding, Severity


def _cases(root: ET.Element) -> list[ET.Element]:
    return list(root.iter("testcase"))


def test_cases_counts_and_unique_names(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "catalogs").mkdir()
    write_catalog(tmp_path / "catalogs" / "xa.yaml", defective())
    write_catalog(
        tmp_path / "catalogs" / "tinh.yaml", [complete("1.004194", "Cấp giấy phép xây dựng")], name="Danh mục cấp tỉnh"
    )
    code, out, _ = cli("check", "catalogs", "--select", SELECT, "--format", "junit")
    assert code == 1
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == {"catalogs/xa.yaml", "catalogs/tinh.yaml"}

    xa = suites["catalogs/xa.yaml"]
    failing = [c for c in _cases(xa) if c.find("failure") is not None]
    passing = [c for c in _cases(xa) if c.find("failure") is None]
    assert len(failing) == 4
    assert {c.get("name") for c in passing} == {"1.001193 Đăng ký khai sinh", "2.000635 Chứng thực chữ ký"}
    assert (xa.get("tests"), xa.get("failures"), xa.get("errors")) == ("6", "4", "0")
    assert all(c.get("classname") == "catalogs/xa.yaml" for c in _cases(xa))
    assert (suites["catalogs/tinh.yaml"].get("tests"), suites["catalogs/tinh.yaml"].get("failures")) == ("1", "0")
    assert (root.get("tests"), root.get("failures")) == ("7", "4")

    names = [c.get("name") for c in _cases(root)]
    assert len(names) == len(set(names))
    steps = next(c for c in failing if "[steps]" in c.get("name"))
    assert steps.get("name").startswith("1.000894 missing-required-element [steps] ")
    failure = steps.find("failure")
    assert failure.get("type") == "error"
    assert "thiếu bộ phận bắt buộc" in failure.get("message")
    for label in ("Vị trí: ", "Kiến nghị: ", "Căn cứ: "):
        assert label in failure.text


def _finding(name: str, fingerprint: str, message: str = "không có căn cứ pháp lý") -> Finding:
    return Finding(
        rule_code="TT102",
        rule_name="legal-basis-missing",
        group=RULES_BY_NAME["legal-basis-missing"].group,
        severity=Severity.WARNING,
        procedure_code="1.001193",
        procedure_name=name,
        field="legal_basis",
        source=None,
        message=message,
        recommendation="ghi số hiệu",
        legal_basis="Nghị định 63/2010/NĐ-CP",
        subject="none",
        catalog="Tỉnh A",
        file="a.yaml",
        fingerprint=fingerprint,
    )


def test_equal_names_are_made_unique_and_control_characters_dropped() -> None:
    from tthc.report.junit import dumps

    audit = Audit(as_of=dt.date(2026, 11, 28), files=[], results=[], rules=[])
    same = _finding("A", "0123456789abcdef0123", message="ô B17 có ký tự \x0b lạ")
    text = dumps(audit, [same, same], lang="vi")
    root = ET.fromstring(text)
    names = [c.get("name") for c in root.iter("testcase")]
    assert names == [names[0], names[0] + " (2)"]
    failure = next(root.iter("failure"))
    assert failure.get("type") == "warning"
    assert "\x0b" not in failure.get("message")
