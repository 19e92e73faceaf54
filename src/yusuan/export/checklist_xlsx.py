"""The 公开情况检查表 as an XLSX a reviewer can fill in and file."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation

from yusuan.model.disclosure import Disclosure
from yusuan.rules.checklist import Item

_THIN = Side(style="thin", color="999999")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD = ["序号", "检查内容", "检查要点", "符合要求", "存在问题"]
_WIDTHS = [6, 28, 40, 10, 90]


def write_checklist(results: list[tuple[Disclosure, list[Item]]], path: Path) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    for doc, items in results:
        i = doc.identity
        kind = "决算" if i.kind == "final_accounts" else "预算"
        ws = wb.create_sheet(_sheet_name(i.body or doc.files[0], wb.sheetnames))
        ws.append([f"{i.body} {i.year or ''} 年度部门{kind}公开情况检查表"])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(_HEAD))
        ws["A1"].font = Font(bold=True, size=14)
        ws["A1"].alignment = Alignment(horizontal="center")
        ws.append([f"文件：{'、'.join(doc.files)}"])
        ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(_HEAD))
        ws.append(_HEAD)
        for cell in ws[3]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
            cell.border = _BOX
            cell.alignment = Alignment(horizontal="center", vertical="center")
        for n, item in enumerate(items, start=1):
            answer = "" if item.compliant is None else ("是" if item.compliant else "否")
            problems = "\n".join(f"{k}. {p}" for k, p in enumerate(item.problems, start=1)) if item.problems else ""
            ws.append([n, item.name, item.point, answer, problems])
            for cell in ws[ws.max_row]:
                cell.border = _BOX
                cell.alignment = Alignment(vertical="top", wrap_text=True)
            if answer == "否":
                ws.cell(ws.max_row, 4).font = Font(bold=True, color="C00000")
        for col, width in enumerate(_WIDTHS, start=1):
            ws.column_dimensions[chr(64 + col)].width = width
        check = DataValidation(type="list", formula1='"是,否"', allow_blank=True)
        ws.add_data_validation(check)
        check.add(f"D4:D{ws.max_row}")
        ws.freeze_panes = "A4"
        ws.print_title_rows = "3:3"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
    wb.save(path)


def _sheet_name(name: str, taken: list[str]) -> str:
    base = "".join(c for c in name if c not in "[]:*?/\\")[:28] or "检查表"
    out, k = base, 2
    while out in taken:
        out, k = f"{base[:26]}{k}", k + 1
    return out
