"""Dated, cited knowledge the rules judge catalogs against.

The data lives in ``tthc/knowledge/data/*.yaml`` (legal documents, outdated terms,
administrative units, once-only document types, targets); every entry names its
``source`` and whether it is ``confirmed``. Unconfirmed entries are off unless
``include_unconfirmed`` is set or a user file confirms them. Users extend and override the
data with their own files of the same format (see docs/knowledge.md)::

    kb = load_knowledge([Path("my_register.yaml")])
    doc = kb.find_document("42/2022/NĐ-CP")
    doc.status_at(date(2026, 7, 1))            # DocStatus.REPEALED; doc.successor
    kb.terms("household_book")[0].matches("Bản sao sổ hộ khẩu")   # "sổ hộ khẩu"
    kb.find_merged_provinces("Sở Tư pháp tỉnh Hà Nam")           # [ProvinceMatch(...)]

Rules should load it once per run (the shipped part is parsed once per process).
"""

from tthc.knowledge.base import Knowledge, SwitchedOff
from tthc.knowledge.documents import DocStatus, LegalDocument
from tthc.knowledge.errors import KnowledgeError
from tthc.knowledge.loader import DATA_DIR, load_knowledge
from tthc.knowledge.once_only import OnceOnlyType
from tthc.knowledge.targets import AllowedReason, Target, Targets
from tthc.knowledge.terms import Term
from tthc.knowledge.textkey import Hit, KeyedText, keyed
from tthc.knowledge.units import AbolishedLevel, Province, ProvinceMatch, ProvinceMatcher

__all__ = [
    "DATA_DIR",
    "AbolishedLevel",
    "AllowedReason",
    "DocStatus",
    "Hit",
    "KeyedText",
    "Knowledge",
    "KnowledgeError",
    "LegalDocument",
    "OnceOnlyType",
    "Province",
    "ProvinceMatch",
    "ProvinceMatcher",
    "SwitchedOff",
    "Target",
    "Targets",
    "Term",
    "keyed",
    "load_knowledge",
]
