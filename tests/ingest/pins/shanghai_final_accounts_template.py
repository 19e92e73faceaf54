"""The blank Shanghai 部门决算 template (上海市XX局 2024): tables printed with labels and codes but no amounts.

Rows are counted as printed: every row with a label or code counts, amounts or not. Rows that print only
"…" (placeholders for omitted 科目) are not rows: they carry no label, code or number.

Reader discrepancies (the pin keeps the printed truth):
- p5 收入支出决算总表: 40 labelled rows (income 12: 一、…八、, 本年收入合计, 使用非财政拨款结余, 年初结转和结余,
  总计; expense 28: 一、一般公共服务支出 … 二十四、抗疫特别国债安排的支出, 本年支出合计, 结余分配, 年末结转和结余,
  总计); the reader gives 0 rows.
- p8-9 财政拨款收入支出决算总表: 36 labelled rows (income 9, expense 27); the reader gives 0 rows.
- p6 收入决算表, p7 支出决算表, p10 一般公共预算财政拨款支出决算表: the reader adds 2 rows each with empty
  code and item for the "…" placeholder rows (8 rows instead of 6).
- p13 政府性基金预算财政拨款收入支出决算表, p14 国有资本经营预算财政拨款收入支出决算表: each prints a 合计 row
  (label only; it shares its line with the 本年支出 sub-headers); the reader gives 0 rows.
"""
FILES = ['shanghai-final-accounts-template.pdf']
IDENTITY = ('上海市XX局', 2024, 'final_accounts', 'department')
TABLES = [
    ('', 'income_expense_summary', '收入支出决算总表', '万元', 40),
    ('', 'income_summary', '收入决算表', '万元', 6),
    ('', 'expense_summary', '支出决算表', '万元', 6),
    ('', 'appropriation_summary', '财政拨款收入支出决算总表', '万元', 36),
    ('', 'general_budget_by_function', '一般公共预算财政拨款支出决算表', '万元', 6),
    ('', 'general_budget_by_economic', '一般公共预算财政拨款基本支出决算表', '万元', 67),
    ('', 'three_public_costs', '财政拨款“三公”经费支出决算表', '万元', 0),
    ('', 'gov_fund_expense', '政府性基金预算财政拨款收入支出决算表', '万元', 1),
    ('', 'soe_capital_expense', '国有资本经营预算财政拨款收入支出决算表', '万元', 1),
]
# The template prints no amounts: no total cells and no cells.
TOTALS = []
CELLS = []
