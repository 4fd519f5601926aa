"""Free-text parsers: processing time, fees, legal references, dossier lines, dates, vocabularies.

Every parser keeps the raw text, never raises on any string, and reports what it cannot read
(status UNPARSED or an explanatory ``note``) instead of guessing.
"""

from tthc.parse.dates import find_dates, parse_date
from tthc.parse.document import parse_document
from tthc.parse.duration import parse_duration
from tthc.parse.fee import parse_fees
from tthc.parse.legal import parse_legal_row, parse_legal_text
from tthc.parse.vocab import (
    parse_copy_kind,
    parse_level,
    parse_levels,
    parse_mechanism,
    parse_method,
    parse_online_service,
)

__all__ = [
    "find_dates",
    "parse_copy_kind",
    "parse_date",
    "parse_document",
    "parse_duration",
    "parse_fees",
    "parse_legal_row",
    "parse_legal_text",
    "parse_level",
    "parse_levels",
    "parse_mechanism",
    "parse_method",
    "parse_online_service",
]
