"""Rules say what their proposals do (Rule.effect, Finding.payload); the plan and the cost read that, not rule names."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

import tthc
from tthc.engine import RunSettings, run
from tthc.knowledge import load_knowledge
from tthc.model import Catalog, DocumentRequirement, LegalRef
from tthc.rules import ALL_RULES, find_rule
from tthc.rules.base import Effect, Group

PACKAGE = Path(tthc.__file__).parent


@pytest.mark.parametrize("module", ["plan/build.py", "plan/cost.py"])
def test_plan_and_cost_contain_no_rule_names_or_codes(module: str) -> None:
    source = (PACKAGE / module).read_text(encoding="utf-8")
    named = [r.name for r in ALL_RULES if r.name in source]
    coded = [r.code for r in ALL_RULES if re.search(rf"\b{r.code}\b", source)]
    assert named == [] and coded == []


def test_every_proposal_rule_has_an_effect_and_only_those() -> None:
    for rule in ALL_RULES:
        proposes = rule.group in (Group.OUTDATED, Group.SIMPLIFIABLE)
        assert (rule.effect is not Effect.NONE) == proposes, rule.name
        assert (rule.proposal is not None) == proposes, rule.name


def test_catalog_corrections_amend_no_law() -> None:
    assert not Effect.CORRECT_CATALOG.amends_law
    assert Effect.UNCERTIFY.amends_law and Effect.ABOLISH.amends_law


def _run(rule_name: str, procedure, as_of=dt.date(2026, 11, 28), options=None):
    rule = find_rule(rule_name)
    settings = RunSettings(as_of=as_of, options={rule_name: options or {}})
    return run([Catalog(procedures=[procedure])], [rule], load_knowledge(), settings)


def test_a_dossier_finding_names_its_paper(procedure) -> None:
    docs = [
        DocumentRequirement("Tờ khai"),
        DocumentRequirement("Bản sao Sổ hộ khẩu", raw="Bản sao Sổ hộ khẩu (01 bản)"),
    ]
    p = procedure(documents=docs)
    (found,) = _run("household-book-required", p)
    assert found.effect is Effect.CORRECT_CATALOG
    assert found.payload.part is docs[1]
    assert found.payload.removes_part  # an abolished paper in the dossier goes
    assert "Sổ hộ khẩu" in found.payload.words


def test_a_repealed_basis_names_its_reference_and_successor(procedure) -> None:
    ref = LegalRef(raw="Luật Cư trú số 81/2006/QH11", number="81/2006/QH11")
    (found,) = _run("legal-basis-repealed", procedure(legal_basis=[ref]))
    assert found.payload.part is ref
    assert found.payload.removes_part
    assert found.payload.replacement and "68/2020/QH14" in found.payload.replacement


def test_a_time_cut_carries_its_figures(procedure) -> None:
    # a user target (the rule proposes cuts on evidence only, issue #16)
    (found,) = _run("processing-time-reducible", procedure(10, 10), options={"cut-percent": 30})
    assert found.effect is Effect.CUT_TIME
    assert (found.payload.days_before, found.payload.days_after) == (10, 7)


@pytest.fixture
def procedure():
    from tthc.model import Channel, Duration, DurationStatus, Procedure, Volume

    def build(working_days: float = 10, dossiers: int = 10, **kwargs) -> Procedure:
        time = Duration(f"{working_days:g} ngày làm việc", DurationStatus.FIXED, working_days=working_days)
        return Procedure(
            name="Đăng ký khai sinh",
            code="1.001193",
            channels=[Channel(processing_time=time)],
            volume=Volume(dossiers_per_year=dossiers),
            **kwargs,
        )

    return build
