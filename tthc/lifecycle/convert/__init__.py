"""Converting catalogs between formats without loss: YAML ↔ the full workbook, any readable
layout → YAML, and the empty template workbook."""
