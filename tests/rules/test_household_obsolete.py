"""A procedure about the household book that issues the book no longer exists (household-book-required).

"Tách sổ hộ khẩu" (catalogs/kim-bang-2019-2020.yaml) issues "Sổ hộ khẩu của hộ được tách":
the whole procedure went with the book on 1/1/2023. "Đăng ký thường trú" also issued the
book but still exists; a real 2025 record names "hộ khẩu thường trú" and issues a travel pass.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from tthc.engine import RunSettings, run
from tthc.knowledge import load_knowledge
from tthc.model import Catalog, DocumentRequirement, Procedure, Result
from tthc.rules import find_rule
from tthc.rules.base import Effect

AS_OF = dt.date(2026, 12, 2)
# real names: the sample catalog's, and a portal record (chatbot_tthc, Bộ Công an, 2025)
SPLIT = "Tách sổ hộ khẩu"
PASS = (
    "Cấp giấy thông hành biên giới Việt Nam – Lào cho công dân Việt Nam có hộ khẩu thường trú ở tỉnh có chung "
    "đường biên giới với Lào (thực hiện tại cấp tỉnh)"
)


def _findings(procedure: Procedure):
    rule = find_rule("household-book-required")
    return run([Catalog(procedures=[procedure])], [rule], load_knowledge(), RunSettings(as_of=AS_OF))


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_the_book_procedure_is_obsolete_and_nothing_else_is_said(form: str) -> None:
    text = lambda s: unicodedata.normalize(form, s)  # noqa: E731
    p = Procedure(
        name=text(SPLIT),
        documents=[DocumentRequirement(text("Sổ hộ khẩu"), originals=1)],
        results=[Result(text("Sổ hộ khẩu của hộ được tách"))],
    )
    (found,) = _findings(p)
    assert found.field == "results"
    assert found.effect is Effect.CORRECT_CATALOG
    assert found.payload.obsolete and found.payload.part is p.results[0]
    assert "không còn thực hiện" in found.message.vi


def test_issuing_the_book_is_not_enough() -> None:
    p = Procedure(
        name="Đăng ký thường trú",
        documents=[DocumentRequirement("Sổ hộ khẩu", originals=1)],
        results=[Result("Sổ hộ khẩu (cấp mới hoặc ghi bổ sung)")],
    )
    found = _findings(p)
    assert [f.field for f in found] == ["documents"]  # the paper is corrected, the procedure stays
    assert not any(f.payload.obsolete for f in found)


def test_naming_the_book_is_not_enough() -> None:
    p = Procedure(name=PASS, results=[Result("Giấy thông hành biên giới Việt Nam – Lào")])
    assert not any(f.payload.obsolete for f in _findings(p))
