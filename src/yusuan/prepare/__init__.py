"""Budget preparation: the workbook an officer fills in (`yusuan template`), read back as a Disclosure
with the narrative parts left blank drafted from the figures.

- `sheets`: the workbook's layout (sheets, column and row keys), shared by writer and reader
- `template`: writes the workbook (blank, or filled from a Disclosure through `fill`)
- `workbook`: reads a filled workbook into a Disclosure, with Chinese errors naming sheet and cell
- `totals`: blank totals computed from their children
- `draft`: the narrative parts drafted from the figures
"""
