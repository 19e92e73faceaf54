"""The budget as lines (a ledger): the model (`model`), the XLSX of lines (`columns`, `xlsx`), what a
table's cell adds up (`measures`), every table of a family's set derived from the lines (`derive`), the
lines built from a published disclosure or a preparation workbook (`build`, `solve`), a department's
roll-up (`rollup`), next year's ledger (`carry`) and the comparison of a derived disclosure with a
published one (`compare`). docs/ledger.md describes it.
"""
