"""A small catalog, findings built by hand, and the plan they make (no dependence on rule wording)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tthc.engine import _assign_fingerprints
from tthc.load import load_file
from tthc.rules import find_rule
from tthc.rules.base import Effect, Finding, Group, Payload, Severity
from tthc.text import doc_number_key, match_key

AS_OF = dt.date(2026, 11, 28)
FORMULA_NAME = '=HYPERLINK("http://vi-du.vn","bấm vào đây")'
PHONE_CODE = "+84912345678"

CATALOG = f"""\
tthc_catalog: 1
catalog:
  name: Danh mục TTHC lĩnh vực Hộ tịch
  issuer: UBND tỉnh Đồng Nai
  locality: Đồng Nai
procedures:
  - code: "1.001193"
    name: Đăng ký khai sinh
    field: Hộ tịch
    levels: [commune]
    processing_time: 10 ngày làm việc
    fees: "Lệ phí: 8.000 đồng"
    volume: 10
    documents:
      - Tờ khai đăng ký khai sinh
      - Bản sao có chứng thực Giấy chứng nhận kết hôn
    legal_basis:
      - {{number: 123/2015/NĐ-CP, kind: decree, article: khoản 2 Điều 5}}
      - Luật Hộ tịch số 60/2014/QH13
  - code: "{PHONE_CODE}"
    name: '{FORMULA_NAME}'
    field: "@Chứng thực"
    processing_time: 10 ngày làm việc
    legal_basis: Nghị định 23/2015/NĐ-CP
  - code: "2.000001"
    name: Cấp bản sao trích lục
    field: Hộ tịch
    processing_time: 5 ngày làm việc
    volume: 4
    legal_basis: Nghị định 42/2022/NĐ-CP
"""


def write_catalog(folder: Path, name: str = "dong-nai.yaml") -> Path:
    path = folder / name
    path.write_text(CATALOG, encoding="utf-8")
    return path


def make_finding(catalog, code: str, rule: str, group: Group, field: str, data=None, **text) -> Finding:
    """A finding as the rule would make it: the rule's effect, a payload naming the part."""
    p = next(p for p in catalog.procedures if p.code == code)
    data = data or {}
    found = find_rule(rule)
    part = None
    if field == "documents" and text.get("subject"):
        part = next(d for d in p.documents if match_key(d.name).endswith(match_key(text["subject"])))
    elif field == "legal_basis" and text.get("subject"):
        part = next(r for r in p.legal_basis if r.number and doc_number_key(r.number) == text["subject"])
    payload = Payload(
        part=part,
        words=text.get("words", ""),
        replacement=data.get("replaced_by"),
        removes_part=field == "legal_basis",
        days_before=data.get("days_before"),
        days_after=data.get("days_after"),
    )
    return Finding(
        rule_code=text.get("rule_code", "TT000"),
        rule_name=rule,
        group=group,
        severity=Severity.WARNING,
        procedure_code=p.code,
        procedure_name=p.name,
        field=field,
        source=p.source_of(field),
        message=text.get("message", "thời hạn giải quyết có thể cắt giảm"),
        recommendation=text.get("recommendation", "rút ngắn thời hạn giải quyết"),
        legal_basis=text.get("legal_basis", "Nghị quyết 66/NQ-CP"),
        subject=text.get("subject", ""),
        catalog=catalog.identity,
        file=catalog.source_file,
        data=data,
        procedure_field=p.field,
        effect=found.effect if found else Effect.NONE,
        payload=payload,
    )


def sample_findings(catalog) -> list[Finding]:
    s, o = Group.SIMPLIFIABLE, Group.OUTDATED
    findings = [
        make_finding(
            catalog,
            "1.001193",
            "processing-time-reducible",
            s,
            "processing_time",
            {"days_before": 10, "days_after": 9},
            rule_code="TT304",
            recommendation="rút ngắn thời hạn giải quyết từ 10 xuống 9 ngày làm việc",
        ),
        make_finding(
            catalog,
            "1.001193",
            "certified-copy-required",
            s,
            "documents",
            rule_code="TT301",
            subject="giấy chứng nhận kết hôn",
            message="yêu cầu bản sao có chứng thực Giấy chứng nhận kết hôn",
            recommendation="cho phép nộp bản sao kèm bản chính để đối chiếu",
            legal_basis="Nghị định 23/2015/NĐ-CP, Điều 6 khoản 1",
        ),
        make_finding(
            catalog,
            PHONE_CODE,
            "not-fully-online",
            s,
            "online_service",
            rule_code="TT303",
            message="-chưa có dịch vụ công trực tuyến",
            recommendation="cung cấp dịch vụ công trực tuyến toàn trình",
        ),
        make_finding(catalog, "2.000001", "unused-procedure", s, "volume", rule_code="TT305"),
        make_finding(
            catalog,
            "2.000001",
            "legal-basis-repealed",
            o,
            "legal_basis",
            {"document": "Nghị định 42/2022/NĐ-CP", "replaced_by": "Nghị định 224/2026/NĐ-CP"},
            rule_code="TT201",
            subject="42/2022/ND-CP",
        ),
        make_finding(catalog, "1.001193", "invalid-code-format", Group.CONSISTENCY, "code", rule_code="TT503"),
    ]
    _assign_fingerprints(findings)
    return findings


@pytest.fixture
def catalog(tmp_path: Path):
    result = load_file(write_catalog(tmp_path))
    assert result.ok, [str(e) for e in result.errors]
    return result.catalog


@pytest.fixture
def plan(catalog):
    from tthc.plan.build import build_plan
    from tthc.plan.cost import resolve_settings
    from tthc.plan.filing import resolve_filing

    settings = resolve_settings({"hourly-rate": 40000, "hours-per-day": 8}, None)
    filing = resolve_filing([catalog], None, AS_OF, number="12", signer="Nguyễn Văn A", recipients=["Bộ Tư pháp"])
    return build_plan([catalog], sample_findings(catalog), settings, as_of=AS_OF, filing=filing)
