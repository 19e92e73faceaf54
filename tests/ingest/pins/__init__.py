"""Pinned facts about each corpus document, checked by hand against the printed pages.

One module per publication: FILES (the files read together), IDENTITY, TABLES as
(table_no, kind, title, unit, rows), TOTALS and CELLS as cells-export tuples
(table_no, side, code, item, measure, value, page). Modules are written with
`python tests/ingest/pins/draft.py FILE…` and then read line by line against the page.
"""
