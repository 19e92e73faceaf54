"""Write the preparation workbook (`yusuan template`): the sheets of `sheets.plan`, with headers, help
text, validations on codes and amounts, frozen headers and number formats.

Given a Disclosure (`fill.Lines`), the sheets come filled with its figures instead of blank lines.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name

from yusuan.catalog.store import load as load_catalog
from yusuan.model.amount import parse_amount
from yusuan.prepare import sheets as S
from yusuan.prepare.fill import Lines
from yusuan.render.glossary import GLOSSARY

_DATA_SPARE = 200  # rows below the last line that still carry the validations
_CHECK_CODE = {S.FUNCTION: ("function", "功能分类"), S.ECONOMIC: ("economic_dept", "部门预算支出经济分类")}


def write_template(path: str | Path, year: int, style: str = "shenzhen", kind: str = "budget",
                   lines: Lines | None = None) -> Path:
    """Write the workbook for `year` in `style` (family) and `kind` to `path`; filled from `lines` if given."""
    path = Path(path)
    plan = S.plan(year, style, kind)
    wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False,
                                         "strings_to_urls": False})
    w = _Writer(wb, plan, lines or Lines())
    w.write()
    wb.close()
    return path


class _Writer:
    def __init__(self, wb, plan: S.Plan, lines: Lines):
        self.wb, self.plan, self.lines = wb, plan, lines
        self.words = plan.words
        base = {"font_name": "宋体", "font_size": 10.5, "valign": "vcenter"}
        grid = {**base, "border": 1}
        add = wb.add_format
        self.f_title = add({**base, "bold": True, "font_size": 15, "align": "center"})
        self.f_label = add({**base, "bold": True})
        self.f_help = add({**base, "font_color": "#666666", "text_wrap": True, "font_size": 9})
        self.f_text = add({**base, "text_wrap": True})
        self.f_header = add({**grid, "bold": True, "align": "center", "text_wrap": True, "bg_color": "#F2F2F2"})
        self.f_cell = add({**grid, "text_wrap": True})
        self.f_code = add({**grid, "num_format": "@"})
        self.f_input = add({**grid, "bg_color": "#FFFDE7", "text_wrap": True})
        self.f_block = add({**base, "bold": True, "font_size": 12})
        self._amounts: dict[int, object] = {}
        self._grid = grid
        self.catalogs = {s: load_catalog(c, plan.year) for s, (c, _) in _CHECK_CODE.items()}

    def amount_format(self, decimals: int):
        if decimals not in self._amounts:
            pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
            self._amounts[decimals] = self.wb.add_format({**self._grid, "num_format": pattern, "bg_color": "#FFFDE7"})
        return self._amounts[decimals]

    # ------------------------------------------------------------------------------------ the workbook

    def write(self) -> None:
        for spec in self.plan.sheets:
            ws = self.wb.add_worksheet(spec.name)
            ws.write_string(0, 0, S.KEY + spec.key)
            ws.set_column(0, 0, None, None, {"hidden": True})
            if spec.key == S.GUIDE:
                self.guide(ws)
            elif spec.key == S.INFO:
                self.info(ws)
            elif spec.key == S.NARRATIVE:
                self.narrative(ws)
            elif spec.key == S.GLOSSARY:
                self.glossary(ws)
            elif spec.key.startswith(S.TABLE):
                self.table(ws, spec)
            elif spec.key == S.THREE_PUBLIC:
                self.three_public(ws, spec)
            elif spec.key == S.OFFICE:
                self.office(ws, spec)
            elif spec.key == S.PROCUREMENT:
                self.procurement(ws, spec)
            elif spec.key == S.ASSETS:
                self.assets(ws)
            elif spec.key == S.PERFORMANCE:
                self.performance(ws, spec)
        meta = self.wb.add_worksheet(S.META_SHEET)
        self.meta(meta)
        self.wb.worksheets()[1].activate()

    def meta(self, ws) -> None:
        ws.very_hidden()
        ws.write_string(0, 0, "yusuan")
        ws.write_string(0, 1, S.VERSION)
        for r, (k, v) in enumerate((("year", str(self.plan.year)), ("style", self.plan.style),
                                    ("kind", self.words.kind)), start=1):
            ws.write_string(r, 0, k)
            ws.write_string(r, 1, v)
        self.wb.define_name(S.MARKER, f"={S.META_SHEET}!$B$1")
        for col, scheme in ((3, S.FUNCTION), (5, S.ECONOMIC)):
            catalog = self.catalogs[scheme]
            ws.write_string(0, col, f"{scheme}_codes")
            codes = sorted(catalog.entries)
            for r, code in enumerate(codes, start=1):
                ws.write_string(r, col, code)
                ws.write_string(r, col + 1, catalog.entries[code].name)
            last = max(len(codes), 1) + 1
            letter = xl_col_to_name(col)
            self.wb.define_name(f"yusuan_{scheme}_codes", f"={S.META_SHEET}!${letter}$2:${letter}${last}")

    # ------------------------------------------------------------------------------------ helpers

    def unit_cell(self, ws, unit: str, notes: str = "", width_to: int = 6) -> None:
        ws.write_string(1, 1, "金额单位：", self.f_label)
        ws.write_string(1, 2, unit or "万元", self.f_input)
        ws.data_validation(1, 2, 1, 2, {"validate": "list", "source": list(S.UNITS),
                                         "input_title": "金额单位", "input_message": "本表金额的单位：万元或元。"})
        if width_to > 4:
            ws.write_string(1, 3, "表注：", self.f_label)
            ws.merge_range(1, 4, 1, width_to, notes, self.f_input)

    def header(self, ws, top: int, cols: list[S.Col], first_col: int = 1) -> None:
        """Column keys on the hidden row `top`, the header paths on the two rows under it."""
        ws.write_string(top, 0, S.COLUMNS)
        ws.set_row(top, None, None, {"hidden": True})
        ws.write_string(top + 1, 0, S.KEY + "header")
        ws.write_string(top + 2, 0, S.KEY + "header")
        paths = [c.header for c in cols]
        for i, col in enumerate(cols):
            c = first_col + i
            ws.write_string(top, c, col.key)
            ws.set_column(c, c, col.width)
        c = 0
        while c < len(cols):
            path = paths[c]
            if len(path) == 1:
                ws.merge_range(top + 1, first_col + c, top + 2, first_col + c, path[0], self.f_header)
                c += 1
                continue
            e = c + 1
            while e < len(cols) and len(paths[e]) == 2 and paths[e][0] == path[0]:
                e += 1
            if e - c > 1:
                ws.merge_range(top + 1, first_col + c, top + 1, first_col + e - 1, path[0], self.f_header)
            else:
                ws.write_string(top + 1, first_col + c, path[0], self.f_header)
            for k in range(c, e):
                ws.write_string(top + 2, first_col + k, paths[k][-1], self.f_header)
            c = e

    def validate_columns(self, ws, cols: list[S.Col], first_row: int, last_row: int, first_col: int = 1) -> None:
        for i, col in enumerate(cols):
            c = first_col + i
            if col.role == S.AMOUNT:
                ws.data_validation(first_row, c, last_row, c, {
                    "validate": "decimal", "criteria": ">=", "value": 0,
                    "error_title": "金额有误", "error_message": "请填写不小于 0 的数字（可有小数），不要填写文字或单位。"})
            elif col.role == S.CODE:
                catalog_name, what = _CHECK_CODE[col.scheme]
                catalog = self.catalogs[col.scheme]
                lengths = "类 3 位、款 5 位、项 7 位" if col.scheme == S.FUNCTION else "类 3 位、款 5 位"
                partial = catalog.is_partial  # False only with a complete list imported for this very year
                ws.data_validation(first_row, c, last_row, c, {
                    "validate": "list", "source": f"=yusuan_{col.scheme}_codes",
                    "error_type": "warning" if partial else "stop", "dropdown": True,
                    "input_title": f"{what}科目编码",
                    "input_message": f"{self.plan.year}年{what}科目编码（{lengths}）。",
                    "error_title": "科目编码不在科目表中",
                    "error_message": (f"该编码不在已载入的{what}科目表中。" + (
                        "已载入的科目表不完整，如确认编码无误可以继续。" if partial else "请核对编码。"))})

    def write_cell(self, ws, r: int, c: int, col: S.Col, value) -> None:
        if col.role == S.AMOUNT:
            text = str(value) if value is not None else ""
            amount = parse_amount(text) if text else None
            decimals = len(text.partition(".")[2]) if amount is not None else self.lines.decimals
            if amount is None:
                ws.write_blank(r, c, None, self.amount_format(decimals))
            else:
                ws.write_number(r, c, _number(amount), self.amount_format(decimals))
        elif col.role == S.CODE:
            ws.write_string(r, c, str(value or ""), self.f_code)
        else:
            ws.write_string(r, c, str(value or ""), self.f_cell)

    # ------------------------------------------------------------------------------------ sheets

    def guide(self, ws) -> None:
        ws.set_column(1, 1, 110)
        w = self.words.w
        text = [
            (f"{self.plan.year}年度部门{w}公开准备工作簿", self.f_title),
            ("", None),
            ("怎么填", self.f_label),
            ("1. 先填“基本信息”：单位名称、年度必填；主管部门、部门/单位、单位性质按实际填写。", self.f_text),
            ("2. 逐张填写各表（黄色底纹的格子）：科目编码用当年的政府收支分类科目（功能分类：类 3 位、款 5 位、"
             "项 7 位；经济分类：类 3 位、款 5 位），科目名称照科目表填写；金额只填数字，不要填单位。"
             "每张表左上方可选金额单位（万元或元），可填表注。", self.f_text),
            ("3. 合计、类、款等汇总行可以不填：留空的汇总数按其下级科目相加得出；填了的照填写的数印出，"
             "yusuan check 会核对它是否等于下级之和。", self.f_text),
            ("4. “三公经费”“机关运行经费”填本年和上年的数，可在“增减原因”一行写明原因；“政府采购”按货物、工程、"
             "服务逐项填写；“国有资产”填车辆和大型设备数；“绩效目标”填年度主要任务、总体目标、绩效指标和重点项目。",
             self.f_text),
            ("5. “文字部分”：部门职责、机构设置请照实填写（不能由表格数据得出）。其余各部分可以留空："
             f"留空的部分由 yusuan 按表格数据，以各地{w}公开的惯用语句草拟，并在段末标注“（草拟）”。"
             "草拟的文字只写数字能说明的内容，增减原因等需要人工补充的地方写作“（请填写增减原因）”，"
             "公开前请逐段核对、补充，并删去“（草拟）”标注（把改好的文字填回“文字部分”即可）。", self.f_text),
            ("6. “名词解释”已按标准写好，可修改、增删；全部清空则按标准名词解释印出。", self.f_text),
            ("", None),
            ("生成公开文件", self.f_label),
            ("yusuan render 本工作簿.xlsx --to 公开.pdf（或 .docx、.html、.xlsx）", self.f_text),
            ("yusuan check 本工作簿.xlsx        检查表内运算、表间勾稽、文字与表格是否一致", self.f_text),
            ("", None),
            ("注意", self.f_label),
            ("请不要删除或改名隐藏的工作表和隐藏的第 A 列、第 3 行：yusuan 靠它们识别各表。可以插入或删除数据行。",
             self.f_text),
            (f"版式：{self.plan.style}；表格按该版式的标准表格清单列出，每张表一个工作表。", self.f_help),
        ]
        for r, (t, fmt) in enumerate(text, start=1):
            if t:
                ws.write_string(r, 1, t, fmt) if fmt else ws.write_string(r, 1, t)

    def form(self, ws, title: str, columns: tuple[tuple[str, float], ...]) -> None:
        """A sheet of keyed rows: its title over the columns B…, their headers on row 2."""
        ws.merge_range(0, 1, 0, len(columns), title, self.f_title)
        for c, (header, width) in enumerate(columns, start=1):
            ws.set_column(c, c, width)
            ws.write_string(1, c, header, self.f_header)

    def info(self, ws) -> None:
        self.form(ws, "基本信息", (("项目", 16), ("内容", 40), ("说明", 60)))
        ident = self.lines.identity
        values = {"year": str(self.plan.year), "kind": self.words.w, "level": "部门",
                  **{k: v for k, v in ident.items() if v}}
        for r, field in enumerate(S.INFO_FIELDS, start=2):
            ws.write_string(r, 0, field.key)
            ws.write_string(r, 1, field.label + ("（必填）" if field.required else ""), self.f_cell)
            if field.key == "year":
                ws.write_number(r, 2, int(values["year"]), self.f_input)
                ws.data_validation(r, 2, r, 2, {"validate": "integer", "criteria": "between", "minimum": 2000,
                                                "maximum": 2100, "error_message": "年度为四位数字，如 2024。"})
            else:
                ws.write_string(r, 2, values.get(field.key, ""), self.f_input)
            ws.write_string(r, 3, field.help, self.f_help)
            if field.choices:
                ws.data_validation(r, 2, r, 2, {"validate": "list", "source": list(field.choices),
                                                "error_message": f"请从下拉列表中选择：{'、'.join(field.choices)}。"})
        ws.freeze_panes(2, 0)

    def narrative(self, ws) -> None:
        self.form(ws, "文字部分", (("部分", 28), ("内容（每段一行，可用 Alt+Enter 分段；留空的部分由表格数据草拟）", 90),
                                   ("说明", 40)))
        for r, part in enumerate(S.PARTS, start=2):
            ws.write_string(r, 0, part.key)
            ws.write_string(r, 1, part.heading.format(year=self.plan.year, w=self.words.w), self.f_cell)
            ws.write_string(r, 2, self.lines.texts.get(part.key, ""), self.f_input)
            note = part.help + ("留空则由表格数据草拟。" if part.drafted else "")
            ws.write_string(r, 3, note, self.f_help)
            ws.set_row(r, 60)
        ws.freeze_panes(2, 2)

    def glossary(self, ws) -> None:
        self.form(ws, "名词解释", (("名词", 24), ("解释（可修改、增删；全部清空则按标准名词解释印出）", 100)))
        for r, (term, meaning) in enumerate(GLOSSARY, start=2):
            ws.write_string(r, 0, S.TERM)
            ws.write_string(r, 1, term, self.f_input)
            ws.write_string(r, 2, meaning, self.f_input)
        for r in range(2 + len(GLOSSARY), 12 + len(GLOSSARY)):  # room for more terms
            ws.write_string(r, 0, S.TERM)
            ws.write_blank(r, 1, None, self.f_input)
            ws.write_blank(r, 2, None, self.f_input)
        ws.freeze_panes(2, 0)

    def table(self, ws, spec: S.SheetSpec) -> None:
        cols = list(spec.columns)
        last = len(cols)
        title = spec.title.format(year=self.plan.year, level="部门", body="")
        ws.merge_range(0, 1, 0, last, f"{spec.number_text} {title}".strip(), self.f_title)
        filled = self.lines.tables.get(spec.kind)
        self.unit_cell(ws, filled.unit if filled else _default_unit(self.plan.style, spec.kind),
                       "\n".join(filled.notes) if filled else "", max(last, 5))
        self.header(ws, 2, cols)
        start = 5
        rows = filled.rows if filled else _blank_rows(spec, self.plan)
        for i, line in enumerate(rows):
            r = start + i
            for c, col in enumerate(cols, start=1):
                if col.key in line:
                    self.write_cell(ws, r, c, col, line[col.key])
                elif col.role == S.AMOUNT:
                    self.write_cell(ws, r, c, col, None)
                else:
                    ws.write_blank(r, c, None, self.f_code if col.role == S.CODE else self.f_input)
        self.validate_columns(ws, cols, start, start + len(rows) + _DATA_SPARE)
        label_col = next((i for i, c in enumerate(cols, start=1) if c.role == S.LABEL), 1)
        ws.freeze_panes(start, label_col + 1)

    def year_sheet(self, ws, spec: S.SheetSpec, title: str, cols: list[S.Col], values: dict, reasons: dict,
                   unit: str) -> int:
        """The 三公经费 / 机关运行经费 grid: rows 本年 / 上年 / 增减原因 over amount columns."""
        ws.merge_range(0, 1, 0, len(cols), title, self.f_title)
        self.unit_cell(ws, unit, "", len(cols) if len(cols) > 4 else 0)
        self.header(ws, 2, cols)
        start = 5
        rows = S.year_rows(self.words, self.plan.year)
        for i, (key, label) in enumerate(rows):
            r = start + i
            ws.write_string(r, 0, key)
            ws.write_string(r, 1, label, self.f_cell)
            for c, col in enumerate(cols[1:], start=2):
                if key == S.REASON:
                    ws.write_string(r, c, reasons.get(col.measure, ""), self.f_input)
                else:
                    self.write_cell(ws, r, c, col, values.get(key, {}).get(col.measure))
            if key == S.REASON:
                ws.set_row(r, 45)
        amount_rows = start + len(rows) - 2
        self.validate_columns(ws, cols, start, amount_rows)
        ws.freeze_panes(start, 2)
        return start + len(rows)

    def three_public(self, ws, spec: S.SheetSpec) -> None:
        cols = [S.Col(S.LABEL, ("项目",), width=26)] + [
            S.Col(S.AMOUNT, h, m, width=13) for m, h in S.THREE_PUBLIC_COLS]
        title = spec.title.format(year=self.plan.year, level="部门", body="") if spec.title else "“三公”经费"
        tp = self.lines.three_public
        self.year_sheet(ws, spec, f"{spec.number_text} {title}".strip(), cols, tp.values, tp.reasons, tp.unit)

    def office(self, ws, spec: S.SheetSpec) -> None:
        cols = [S.Col(S.LABEL, ("项目",), width=26), S.Col(S.AMOUNT, ("机关运行经费",), "office_operating", width=16)]
        title = spec.title.format(year=self.plan.year, level="部门", body="") if spec.title else "机关运行经费"
        office = self.lines.office
        r = self.year_sheet(ws, spec, f"{spec.number_text} {title}".strip(), cols, office.values, office.reasons,
                            office.unit)
        # the lines by economic classification (江苏 prints them as a table)
        r += 1
        ws.write_string(r, 0, S.KEY + "block:lines")
        ws.write_string(r, 1, "按经济分类科目列示（可不填；江苏版式印作机关运行经费支出表）", self.f_block)
        lines_cols = [S.Col(S.CODE, ("科目编码",), scheme=S.ECONOMIC, width=26),
                      S.Col(S.LABEL, ("科目名称",), width=30), S.Col(S.AMOUNT, ("金额",), "office_operating")]
        self.header(ws, r + 1, lines_cols)
        start = r + 4
        rows = office.lines or [{}] * 20
        for i, line in enumerate(rows):
            for c, col in enumerate(lines_cols, start=1):
                self.write_cell(ws, start + i, c, col, line.get(col.key))
        self.validate_columns(ws, lines_cols, start, start + len(rows) + _DATA_SPARE)

    def procurement(self, ws, spec: S.SheetSpec) -> None:
        cols = [S.Col(S.TEXT, ("类别",), "category", width=10), S.Col(S.LABEL, ("采购项目",), width=36),
                S.Col(S.AMOUNT, ("金额",), "total"), S.Col(S.AMOUNT, ("其中：面向中小企业",), "procurement_sme"),
                S.Col(S.AMOUNT, ("其中：面向小型、微型企业",), "procurement_small_micro")]
        title = spec.title.format(year=self.plan.year, level="部门", body="") if spec.title else "政府采购"
        ws.merge_range(0, 1, 0, len(cols), f"{spec.number_text} {title}".strip(), self.f_title)
        pr = self.lines.procurement
        self.unit_cell(ws, pr.unit, "", len(cols))
        self.header(ws, 2, cols)
        start = 5
        rows = pr.rows or [{}] * 20
        for i, line in enumerate(rows):
            for c, col in enumerate(cols, start=1):
                self.write_cell(ws, start + i, c, col, line.get(col.key))
        last = start + len(rows) + _DATA_SPARE
        self.validate_columns(ws, cols, start, last)
        ws.data_validation(start, 1, last, 1, {"validate": "list", "source": list(S.PROCUREMENT_TYPES),
                                               "error_message": "类别为货物、工程或服务。"})
        ws.freeze_panes(start, 2)

    def assets(self, ws) -> None:
        self.form(ws, "国有资产占用情况", (("项目", 44), ("数量", 16), ("说明", 50)))
        values = self.lines.assets
        for r, field in enumerate(S.ASSET_FIELDS, start=2):
            ws.write_string(r, 0, field.key)
            ws.write_string(r, 1, field.label, self.f_cell)
            v = values.get(field.key, "")
            if field.key == "as_of":
                ws.write_string(r, 2, v, self.f_input)
            else:
                if v != "":
                    ws.write_number(r, 2, int(v), self.amount_format(0))
                else:
                    ws.write_blank(r, 2, None, self.amount_format(0))
                ws.data_validation(r, 2, r, 2, {"validate": "integer", "criteria": ">=", "value": 0,
                                                "error_message": "请填写不小于 0 的整数。"})
            ws.write_string(r, 3, field.help, self.f_help)
        ws.freeze_panes(2, 0)

    def performance(self, ws, spec: S.SheetSpec) -> None:
        ws.set_column(1, 1, 28)
        ws.set_column(2, 2, 50)
        ws.set_column(3, 5, 16)
        title = spec.title.format(year=self.plan.year, level="部门", body="") if spec.title else "绩效目标"
        ws.merge_range(0, 1, 0, 5, f"{spec.number_text} {title}".strip(), self.f_title)
        perf = self.lines.performance
        ws.write_string(1, 1, "金额单位：", self.f_label)
        ws.write_string(1, 2, perf.unit, self.f_input)
        ws.data_validation(1, 2, 1, 2, {"validate": "list", "source": list(S.UNITS)})
        r = 3
        for key, heading, headers in S.PERFORMANCE_BLOCKS:
            ws.write_string(r, 0, S.KEY + "block:" + key)
            ws.write_string(r, 1, heading, self.f_block)
            cols = _performance_cols(key, headers)
            self.header(ws, r + 1, cols)
            start = r + 4
            rows = perf.blocks.get(key) or [{}] * (12 if key == S.INDICATORS else 5)
            for i, line in enumerate(rows):
                for c, col in enumerate(cols, start=1):
                    self.write_cell(ws, start + i, c, col, line.get(col.key))
            end = start + len(rows)
            if key == S.TASKS:  # 金额合计: left blank, the tasks are added up
                ws.write_string(end, 0, S.TOTAL)
                ws.write_string(end, 1, "金额合计", self.f_label)
                ws.write_blank(end, 2, None, self.f_cell)
                for c, col in enumerate(cols[2:], start=3):
                    self.write_cell(ws, end, c, col, perf.total.get(col.measure))
                end += 1
            self.validate_columns(ws, cols, start, end - 1)
            r = end + 1


def _performance_cols(key: str, headers: tuple[str, ...]) -> list[S.Col]:
    if key == S.TASKS:
        return [S.Col(S.LABEL, (headers[0],)), S.Col(S.TEXT, (headers[1],), "content"),
                S.Col(S.AMOUNT, (headers[2],), "total"), S.Col(S.AMOUNT, (headers[3],), "fiscal"),
                S.Col(S.AMOUNT, (headers[4],), "other")]
    if key == S.GOALS:
        return [S.Col(S.TEXT, headers, "goal")]
    if key == S.INDICATORS:
        return [S.Col(S.TEXT, (h,), m) for h, m in zip(headers, ("level1", "level2", "name", "target"))]
    return [S.Col(S.LABEL, (headers[0],)), S.Col(S.AMOUNT, (headers[1],), "amount"),
            S.Col(S.TEXT, (headers[2],), "goal")]


def performance_cols(key: str) -> list[S.Col]:
    headers = next(h for k, _, h in S.PERFORMANCE_BLOCKS if k == key)
    return _performance_cols(key, headers)


def _number(amount: Decimal) -> int | float:
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _default_unit(style: str, kind: str) -> str:
    return "元" if style == "shanghai" and kind != "three_public_costs" else "万元"


def _blank_rows(spec: S.SheetSpec, plan: S.Plan) -> list[dict]:
    rows = []
    label_key = {c.side: c.key for c in spec.columns if c.role == S.LABEL}
    for line in S.standard_lines(spec.kind, plan.style, plan.words):
        rows.append({label_key[side]: label for side, label in line if side in label_key})
    return rows
