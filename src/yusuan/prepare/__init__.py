"""Budget preparation: the workbook an officer fills in (`yusuan template`), read back as a Disclosure
with the narrative parts left blank drafted from the figures.

- `sheets`: the workbook's layout (sheets, column and row keys), shared by writer and reader
- `template`: writes the workbook (blank, or filled from a Disclosure through `fill`)
- `workbook`: reads a filled workbook into a Disclosure, with Chinese errors naming sheet and cell
- `totals`: blank totals computed from their children
- `draft`: the narrative parts drafted from the figures
"""

from yusuan.ingest.xlsx import is_xlsx
from yusuan.model.formats import Head, Reader


def _detect(h: Head) -> bool:
    if not is_xlsx(h):
        return False
    from yusuan.prepare.workbook import is_workbook

    return is_workbook(h.path)


READER = Reader("workbook", "准备工作簿（XLSX）", (".xlsx",),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _detect,
                whole="yusuan.prepare.workbook:read_workbook", order=25,
                note="yusuan template 生成的准备工作簿须单独上传")
