"""The budget as lines (a ledger): the model (`model`), the XLSX of lines (`columns`, `xlsx`), what a
table's cell adds up (`measures`), every table of a family's set derived from the lines (`derive`), the
lines built from a published disclosure or a preparation workbook (`build`, `solve`), a department's
roll-up (`rollup`), next year's ledger (`carry`) and the comparison of a derived disclosure with a
published one (`compare`). docs/ledger.md describes it.
"""

from yusuan.ingest.xlsx import is_xlsx
from yusuan.model.formats import Head, Reader


def _detect(h: Head) -> bool:
    if not is_xlsx(h):
        return False
    from yusuan.prepare.ledger.xlsx import is_ledger

    return is_ledger(h.path)


READER = Reader("ledger", "预算行（XLSX）", (".xlsx",),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _detect,
                whole="yusuan.prepare.ledger.reader:read_ledger_disclosure", order=24,
                note="yusuan ledger 的预算行工作簿须单独上传：按预算行生成全套公开表格")
