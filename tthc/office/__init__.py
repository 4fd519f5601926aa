"""Word and Excel helpers shared by every document writer (plan, annex, handbook, workbooks):
the Nghị định 30/2020 page setup and paragraphs (docx), cells, styles and safe values (xlsx)."""
