"""Spreadsheets (.xlsx, .xlsm, .xls, .ods; CSV through the same table path) -> records.

``layouts``          which of the three layouts a book has (portal export, annex, workbook) and
                     reading it: :func:`tthc.load.excel.layouts.load_excel` is the loader
``open``             opening a book with python-calamine, every failure one clear line
``table``            finding a table's header by scoring rows against the aliases of ``headers``
``headers``          the many spellings of a column header, derived from :mod:`tthc.fields`
``rows``             data rows of a procedure table -> records, one position per cell
``sections``         annex section rows ("A. THỦ TỤC HÀNH CHÍNH CẤP TỈNH", "I. Lĩnh vực Hộ tịch")
``merged``           merged cells: continuation rows and values merged down
``cells``            cell values (str, float, bool, dates) -> record text
``codes``            procedure codes Excel stored as numbers
``title``            catalog metadata from the rows above a table
``workbook``         the full workbook's child sheets, keyed to their procedure
``workbook_layout``  the full workbook's sheets and columns, shared with the writer

Word and PDF tables go through ``table`` and ``rows`` as well (:mod:`tthc.load.grid`).
"""
