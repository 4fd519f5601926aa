from __future__ import annotations

from decimal import Decimal

import pytest

from tthc.model import Channel, Duration, DurationStatus, Procedure, Volume
from tthc.rules import find_rule
from tthc.rules.base import Finding, Payload, Severity


def days(n: float) -> Channel:
    return Channel(processing_time=Duration(f"{n:g} ngày làm việc", DurationStatus.FIXED, working_days=n))


@pytest.fixture
def procedure():
    def build(working_days: float | None = 10, dossiers: int | None = 10, **kwargs) -> Procedure:
        channels = [days(working_days)] if working_days is not None else []
        volume = Volume(dossiers_per_year=dossiers) if dossiers is not None else None
        return Procedure(name="Đăng ký khai sinh", code="1.001193", channels=channels, volume=volume, **kwargs)

    return build


@pytest.fixture
def finding():
    """A finding as the rule makes it: its effect from the rule, its payload from the arguments."""

    def build(
        rule: str, field: str = "processing_time", *, subject: str = "", source=None, part=None, **data
    ) -> Finding:
        found = find_rule(rule)
        assert found is not None, rule
        payload = Payload(
            part=part,
            days_before=data.get("days_before"),
            days_after=data.get("days_after"),
            removes_part=bool(data.get("removes_part")),
        )
        return Finding(
            rule_code=found.code,
            rule_name=rule,
            group=found.group,
            severity=Severity.WARNING,
            procedure_code="1.001193",
            procedure_name="Đăng ký khai sinh",
            field=field,
            source=source,
            message="m",
            recommendation="r",
            legal_basis="lb",
            subject=subject,
            catalog="thử",
            file="thu.yaml",
            data=data,
            effect=found.effect,
            payload=payload,
        )

    return build


@pytest.fixture
def practice():
    """Settings as Đồng Nai QĐ 2816/QĐ-UBND uses them, given explicitly (not from the knowledge base)."""
    from tthc.plan.cost import resolve_settings

    return resolve_settings({"hourly-rate": 40000, "hours-per-day": 8}, None)


D = Decimal
