"""The narrative parts an officer left blank, drafted from the figures in the sentences the disclosures
print (Jiangsu's 收支预算总体情况说明, Shenzhen's “三公”经费 and 机关运行经费, Shanghai's 政府采购 …).

A draft states only what the figures say: totals, their change on last year with amount and percentage
(rounded to 2 decimals), shares, the parts of a whole. Every figure is taken from the table that prints
it, so the drafted text agrees with the tables by construction; where only a person can say why (增减原因),
the draft says so: “（请填写增减原因）”. Each drafted paragraph is flagged (`Paragraph.drafted`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from yusuan.model.disclosure import Disclosure, Paragraph, Row, Section, Table, Value
from yusuan.model.provenance import Source
from yusuan.prepare import sheets as S

ASK_REASON = "（请填写增减原因）"
_CN = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"]
_HUNDRED = Decimal(100)
_ORDINAL = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|\d+[.．、]\s*|[（(][一二三四五六七八九十\d]+[)）])\s*")


@dataclass(slots=True)
class Facts:
    """What the draft needs beyond the tables: figures entered on the workbook's own sheets."""

    style: str = "shenzhen"
    three_public: dict[str, dict[str, Value]] = field(default_factory=dict)  # row key -> measure -> value
    three_public_reasons: dict[str, str] = field(default_factory=dict)  # measure -> reason
    three_public_unit: str = "万元"
    office: dict[str, dict[str, Value]] = field(default_factory=dict)
    office_reason: str = ""
    office_unit: str = "万元"
    procurement: dict[str, Value] = field(default_factory=dict)  # 货物 / 工程 / 服务 -> total
    procurement_extra: dict[str, Value] = field(default_factory=dict)  # procurement_sme, procurement_small_micro
    procurement_unit: str = "万元"
    assets: dict[str, object] = field(default_factory=dict)
    projects: list[tuple[str, Value | None]] = field(default_factory=list)
    performance_unit: str = "万元"
    ask_reasons: bool = True  # a change without its reason says “（请填写增减原因）” (False: says nothing)


# ------------------------------------------------------------------------------------------------- money

@dataclass(frozen=True, slots=True)
class Wan:
    """An amount in 万元 as the text prints it (a table in 元 is converted and rounded to 0.01 万元)."""

    amount: Decimal
    decimals: int

    def __sub__(self, other: "Wan") -> "Wan":
        return Wan(self.amount - other.amount, max(self.decimals, other.decimals))


def wan(value: Value | None, unit: str) -> Wan | None:
    if value is None:
        return None
    if unit == "元":
        return Wan((value.amount / 10000).quantize(Decimal("0.01"), ROUND_HALF_UP), 2)
    return Wan(value.amount, len(value.text.partition(".")[2]))


def percent(part: Wan, whole: Wan) -> str:
    return f"{(part.amount / whole.amount * _HUNDRED).quantize(Decimal('0.01'), ROUND_HALF_UP):f}"


def change_words(doc: Disclosure, current: Wan, prior: Wan) -> str:
    """比上年预算增加 D 万元，增长 P% / 与上年预算持平: the change the draft states, on its own."""
    return _Text(doc, Facts()).change(current, prior).removeprefix("，")


class _Text:
    """Sentences in one family's manner: Shenzhen prints 6,623 万元, Jiangsu and Shanghai 6623万元."""

    def __init__(self, doc: Disclosure, facts: Facts):
        i = doc.identity
        self.body, self.year = i.body, i.year
        self.w = S.KINDS[i.kind]
        self.separators = facts.style == "shenzhen"
        self.ask = facts.ask_reasons

    def money(self, x: Wan) -> str:
        """Shenzhen: 6,623 / 12.50 as the table prints them; Jiangsu and Shanghai: 21968 / 5011.4."""
        a = abs(x.amount).quantize(Decimal(1).scaleb(-x.decimals)) if x.decimals else abs(x.amount)
        if self.separators:
            return f"{a:,f}"
        text = f"{a:f}"
        return text.rstrip("0").rstrip(".") if "." in text else text

    def change(self, current: Wan, prior: Wan | None, basis: str | None = None) -> str:
        """，比上年预算增加 D 万元，增长 P% / ，与上年预算持平 — '' without a prior figure."""
        if prior is None:
            return ""
        d = current - prior
        if d.amount == 0:
            return f"，与上年{self.w}持平"
        word, rate = ("增加", "增长") if d.amount > 0 else ("减少", "下降")
        pct = f"，{rate}{percent(Wan(abs(d.amount), d.decimals), prior)}%" if prior.amount > 0 else ""
        return f"，{f'比上年{self.w}' if basis is None else basis}{word}{self.money(d)}万元{pct}"

    def reason(self, current: Wan, prior: Wan | None, given: str = "") -> str:
        if prior is None or current.amount == prior.amount:
            return ""
        given = given.strip().rstrip("。；;")
        if not given and not self.ask:
            return ""
        return f"主要原因是：{given or ASK_REASON}。"


def _plain(label: str) -> str:
    return _ORDINAL.sub("", label.strip()).strip()


# ------------------------------------------------------------------------------------------------- figures

class _Figures:
    """The figures a draft states, read from the disclosure's tables (amounts in 万元)."""

    def __init__(self, doc: Disclosure):
        self.doc = doc
        self.phase = "@final" if doc.identity.kind == "final_accounts" else ""
        self.prior_phase = "@prior_final" if doc.identity.kind == "final_accounts" else "@prior_budget"

    def table(self, kind: str) -> Table | None:
        return next((t for t in self.doc.tables if t.kind == kind and t.rows), None)

    def value(self, table: Table | None, row: Row | None, measure: str, prior: bool = False) -> Wan | None:
        if table is None or row is None:
            return None
        full = measure + (self.prior_phase if prior else self.phase)
        return wan(row.values.get(full), table.unit)

    def side_total(self, table: Table | None, sides: tuple[str, ...], grand: bool) -> Row | None:
        """The 收入总计 (grand) or 本年收入合计 of a side of a 收支总表."""
        if table is None:
            return None
        totals = [r for r in table.rows if r.side in sides and r.is_total and not r.item.endswith("小计")]
        if not totals:
            return None
        return totals[-1] if grand else totals[0]

    def lines_before_total(self, table: Table, side: str) -> list[Row]:
        out = []
        for r in table.rows:
            if r.side != side:
                continue
            if r.is_total:
                break
            out.append(r)
        return out

    def total_row(self, table: Table | None) -> Row | None:
        if table is None:
            return None
        return next((r for r in table.rows if r.is_total and not r.code), None)

    def economic(self, code: str) -> Wan | None:
        for kind in ("basic_expense_summary", "general_budget_by_economic", "appropriation_basic_by_economic"):
            t = self.table(kind)
            if t is None:
                continue
            row = next((r for r in t.rows if r.code == code), None)
            for m in ("basic", "amount", "total"):
                v = self.value(t, row, m)
                if v is not None:
                    return v
        return None


# ------------------------------------------------------------------------------------------------- the parts

class _Drafter:
    def __init__(self, doc: Disclosure, facts: Facts):
        self.doc, self.facts = doc, facts
        self.t = _Text(doc, facts)
        self.f = _Figures(doc)
        self.lead = f"{self.t.body}{self.t.year}年"

    def part(self, key: str) -> list[str]:
        return getattr(self, "p_" + key)()

    # 收支总体情况 --------------------------------------------------------------------------------------------
    def p_overview(self) -> list[str]:
        t, f = self.t, self.f
        table = f.table("income_expense_summary")
        inc_row = f.side_total(table, ("income",), grand=True)
        exp_row = f.side_total(table, ("expense", "purpose"), grand=True)
        inc, exp = f.value(table, inc_row, "amount"), f.value(table, exp_row, "amount")
        if inc is None and exp is None:
            return []
        inc_prior, exp_prior = f.value(table, inc_row, "amount", True), f.value(table, exp_row, "amount", True)
        if inc is not None and exp is not None and inc.amount == exp.amount and (
                inc_prior is None or exp_prior is not None and inc_prior.amount == exp_prior.amount):
            change = t.change(inc, inc_prior, "")
            change = change.replace("，", "，与上年相比收、支总计各", 1) if change and "持平" not in change else change
            text = f"{self.lead}度收入、支出{t.w}总计{t.money(inc)}万元{change}。{t.reason(inc, inc_prior)}"
            return [text]
        out = []
        if inc is not None:
            out.append(f"{self.lead}度收入{t.w}总计{t.money(inc)}万元{t.change(inc, inc_prior)}。"
                       f"{t.reason(inc, inc_prior)}")
        if exp is not None:
            out.append(f"{self.lead}度支出{t.w}总计{t.money(exp)}万元{t.change(exp, exp_prior)}。"
                       f"{t.reason(exp, exp_prior)}")
        return out

    # 收入 ----------------------------------------------------------------------------------------------------
    def p_income(self) -> list[str]:
        t, f = self.t, self.f
        table = f.table("income_expense_summary")
        if table is None:
            return []
        lines = f.lines_before_total(table, "income")
        first = [r for r in lines if r.level == 1] or [r for r in lines if not r.code]
        total_row = f.side_total(table, ("income",), grand=False)
        total = f.value(table, total_row, "amount")
        parts = [(r, f.value(table, r, "amount")) for r in first]
        parts = [(r, v) for r, v in parts if v is not None and v.amount > 0]
        if total is None and parts:
            total = Wan(sum((v.amount for _, v in parts), Decimal(0)), max(v.decimals for _, v in parts))
        if total is None:
            return []
        text = f"{self.lead}本年收入{t.w}合计{t.money(total)}万元"
        if parts and total.amount > 0:
            listed = "；".join(f"{_plain(r.label)}{t.money(v)}万元，占{percent(v, total)}%" for r, v in parts)
            text += f"，其中：{listed}"
        text += "。"
        carry = next((r for r in table.rows if r.side == "income" and not r.is_total and "上年结" in r.item), None)
        carried = f.value(table, carry, "amount")
        if carried is not None and carried.amount > 0:
            text += f"此外，上年结转{t.money(carried)}万元。"
        return [text]

    # 支出 ----------------------------------------------------------------------------------------------------
    def p_expense(self) -> list[str]:
        t, f = self.t, self.f
        table = f.table("expense_summary")
        row = f.total_row(table)
        measures = (("basic", "基本支出"), ("project", "项目支出"), ("reserve", "单位预留机动经费"))
        total = f.value(table, row, "total")
        parts = [(name, f.value(table, row, m)) for m, name in measures]
        if total is None:  # 江苏: the 收支总表's 支出用途 side
            summary = f.table("income_expense_summary")
            lines = f.lines_before_total(summary, "purpose") if summary is not None else []
            total = f.value(summary, f.side_total(summary, ("purpose",), grand=False), "amount")
            parts = [(_plain(r.label), f.value(summary, r, "amount")) for r in lines]
        parts = [(n, v) for n, v in parts if v is not None and v.amount > 0]
        if total is None or total.amount <= 0:
            return []
        listed = "；".join(f"{n}{t.money(v)}万元，占{percent(v, total)}%" for n, v in parts)
        text = f"{self.lead}本年支出{t.w}合计{t.money(total)}万元" + (f"，其中：{listed}" if listed else "") + "。"
        basic = next((v for n, v in parts if n == "基本支出"), None)
        personnel, public = self.personnel_public()
        if basic is not None and personnel is not None and public is not None and (
                personnel.amount + public.amount == basic.amount):
            text += f"基本支出中，人员经费{t.money(personnel)}万元，公用经费{t.money(public)}万元。"
        return [text]

    def personnel_public(self) -> tuple[Wan | None, Wan | None]:
        f = self.f
        summary = f.table("basic_expense_summary")
        row = f.total_row(summary)
        personnel, public = f.value(summary, row, "basic_personnel"), f.value(summary, row, "basic_public")
        if personnel is not None and public is not None:
            return personnel, public
        wages, family, goods = f.economic("301"), f.economic("303"), f.economic("302")
        if wages is None or goods is None:
            return None, None
        if family is not None:
            wages = Wan(wages.amount + family.amount, max(wages.decimals, family.decimals))
        return wages, goods

    # 财政拨款 ------------------------------------------------------------------------------------------------
    def p_appropriation(self) -> list[str]:
        t, f = self.t, self.f
        table = f.table("appropriation_summary")
        if table is None:
            return []
        row = f.side_total(table, ("income",), grand=True)
        total = f.value(table, row, "amount")
        lines = f.lines_before_total(table, "income")
        funds = []
        for word, name in (("一般公共预算", "一般公共预算拨款"), ("政府性基金", "政府性基金预算拨款"),
                           ("国有资本经营", "国有资本经营预算拨款")):
            r = next((r for r in lines if word in r.item), None)
            v = f.value(table, r, "amount")
            if v is not None:
                funds.append((name, v))
        if total is None and funds:
            total = Wan(sum((v.amount for _, v in funds), Decimal(0)), max(v.decimals for _, v in funds))
        if total is None:
            return []
        prior = f.value(table, row, "amount", True)
        said = "收入、支出决算总计" if t.w == "决算" else "收、支总预算"
        text = f"{self.lead}度财政拨款{said}{t.money(total)}万元"
        change = t.change(total, prior, "")
        if change and "持平" not in change:
            change = "。与上年相比，财政拨款收、支总计各" + change[1:]
        text += f"{change}。{t.reason(total, prior)}"
        if funds:
            text += "其中：" + "，".join(f"{n}{t.money(v)}万元" for n, v in funds) + "。"
        return [text]

    # 一般公共预算 -----------------------------------------------------------------------------------------------
    def p_general_budget(self) -> list[str]:
        t, f = self.t, self.f
        table = f.table("general_budget_by_function")
        if table is None:
            return []
        measure = next((m for m in ("total", "amount") if any(m + f.phase in r.values for r in table.rows)), "total")
        total_row = f.total_row(table)
        classes = [r for r in table.rows if len(r.code) == 3]
        total = f.value(table, total_row, measure)
        if total is None and classes:
            values = [v for r in classes if (v := f.value(table, r, measure)) is not None]
            if values:
                total = Wan(sum((v.amount for v in values), Decimal(0)), max(v.decimals for v in values))
        if total is None:
            return []
        prior = f.value(table, total_row, measure, True)
        out = [f"{self.lead}一般公共预算财政拨款支出{t.w}{t.money(total)}万元{t.change(total, prior, '与上年相比')}。"
               f"{t.reason(total, prior)}"]
        n = 0
        for cls in classes:
            v = f.value(table, cls, measure)
            if v is None or v.amount <= 0:
                continue
            n += 1
            name = re.sub(r"支出$", "", _plain(cls.label))
            share = f"，占一般公共预算支出的{percent(v, total)}%" if total.amount > 0 else ""
            p = f.value(table, cls, measure, True)
            text = f"{n}．{name}（类）支出{t.money(v)}万元{share}{t.change(v, p, '与上年相比')}。{t.reason(v, p)}"
            items = self.items(table, cls, measure)
            if items:
                text += "主要用于：" + "；".join(items) + "。"
            out.append(text)
        return out

    def items(self, table: Table, cls: Row, measure: str, limit: int = 5) -> list[str]:
        """The largest 项 of a 类 (or its 款 when no 项 is printed): 款（款）项（项）X万元."""
        t, f = self.t, self.f
        under = [r for r in table.rows if r.code.startswith(cls.code) and r.code != cls.code]
        names = {r.code: _plain(r.label) for r in under}
        leaves = [r for r in under if len(r.code) == 7] or [r for r in under if len(r.code) == 5]
        found = [(r, v) for r in leaves if (v := f.value(table, r, measure)) is not None and v.amount > 0]
        found.sort(key=lambda rv: -rv[1].amount)
        out = []
        for r, v in found[:limit]:
            path = f"{names[r.code[:5]]}（款）{_plain(r.label)}（项）" if len(r.code) == 7 and r.code[:5] in names else (
                f"{_plain(r.label)}（{'项' if len(r.code) == 7 else '款'}）")
            out.append(f"{path}{t.money(v)}万元")
        return out

    # “三公”经费 ----------------------------------------------------------------------------------------------
    def p_three_public(self) -> list[str]:
        t, facts = self.t, self.facts
        unit = facts.three_public_unit
        current = {m: wan(v, unit) for m, v in facts.three_public.get(S.CURRENT, {}).items()}
        prior = {m: wan(v, unit) for m, v in facts.three_public.get(S.PRIOR, {}).items()}
        reasons = facts.three_public_reasons
        total = current.get("total")
        if total is None:
            return []
        def said(measure: str, name: str) -> str:
            v = current.get(measure)
            if v is None:
                return ""
            p = prior.get(measure)
            return f"{name}{t.money(v)}万元{t.change(v, p)}"

        def why(measure: str) -> str:
            v, p = current.get(measure), prior.get(measure)
            return t.reason(v, p, reasons.get(measure, "")) if v is not None else ""

        if total.amount == 0 and not any(v.amount for v in current.values()):
            return [f"{self.lead}一般公共预算“三公”经费{t.w}数为0万元{t.change(total, prior.get('total'))}。"
                    f"{why('total')}"]
        out = [f"{self.lead}一般公共预算“三公”经费{t.w}数为{t.money(total)}万元{t.change(total, prior.get('total'))}。"
               f"{why('total')}其中："]
        n = 0
        for measure, name in (("abroad", "因公出国（境）费"), ("vehicle_total", "公务用车购置及运行维护费"),
                              ("reception", "公务接待费")):
            if measure not in current:
                continue
            n += 1
            text = f"（{_CN[n]}）{said(measure, name)}。{why(measure)}"
            if measure == "vehicle_total":
                parts = [(m, nm) for m, nm in (("vehicle_purchase", "公务用车购置费"),
                                              ("vehicle_operation", "公务用车运行维护费")) if m in current]
                if parts:
                    text += "其中：" + "；".join(said(m, nm) + ("，" + why(m).rstrip("。") if why(m) else "")
                                              for m, nm in parts) + "。"
            out.append(text)
        extra = [said(m, nm) + ("，" + why(m).rstrip("。") if why(m) else "")
                 for m, nm in (("meeting", "会议费"), ("training", "培训费")) if m in current]
        if extra:
            out.append(f"此外，{self.lead}一般公共预算安排的" + "；".join(extra) + "。")
        return out

    # 机关运行经费 --------------------------------------------------------------------------------------------
    def p_office_operating(self) -> list[str]:
        t, facts = self.t, self.facts
        current = wan(facts.office.get(S.CURRENT, {}).get("office_operating"), facts.office_unit)
        if current is None:
            return []
        prior = wan(facts.office.get(S.PRIOR, {}).get("office_operating"), facts.office_unit)
        return [f"{self.lead}机关运行经费财政拨款{t.w}{t.money(current)}万元{t.change(current, prior)}。"
                f"{t.reason(current, prior, facts.office_reason)}"]

    # 政府采购 ------------------------------------------------------------------------------------------------
    def p_procurement(self) -> list[str]:
        t, f, facts = self.t, self.f, self.facts
        unit = facts.procurement_unit
        parts = {k: wan(v, unit) for k, v in facts.procurement.items()}
        summary = f.table("expense_summary")
        row = f.total_row(summary)
        from_table = f.value(summary, row, "procurement")
        total = None
        if parts:
            total = Wan(sum((v.amount for v in parts.values()), Decimal(0)), max(v.decimals for v in parts.values()))
        if from_table is not None and not any(t.kind == "procurement" for t in self.doc.tables):
            total = from_table
        if total is None:
            return []
        text = f"{self.lead}政府采购{t.w}总额{t.money(total)}万元"
        if parts:
            text += "，其中：" + "、".join(f"政府采购{k}{t.w}{t.money(v)}万元" for k, v in parts.items())
        out = [text + "。"]
        sme = f.value(summary, row, "procurement_sme") or wan(facts.procurement_extra.get("procurement_sme"), unit)
        small = f.value(summary, row, "procurement_small_micro") or wan(
            facts.procurement_extra.get("procurement_small_micro"), unit)
        if sme is not None:
            text = f"{self.lead}面向中小企业预留政府采购项目{t.w}金额{t.money(sme)}万元"
            if small is not None:
                text += f"，其中，预留给小型和微型企业的政府采购项目{t.w}为{t.money(small)}万元"
            out.append(text + "。")
        return out

    # 国有资产 ------------------------------------------------------------------------------------------------
    def p_assets(self) -> list[str]:
        a = self.facts.assets
        counts = [k for k in a if k != "as_of"]
        if not counts:
            return []
        body = self.t.body
        out = []
        since = f"截至{a['as_of']}，" if a.get("as_of") else ""
        sentences = []
        if "vehicles" in a:
            text = f"{since}{body}共有车辆{a['vehicles']}辆"
            kinds = [f"{name}{a[k]}辆" for k, name in S.VEHICLE_PARTS if k in a]
            if kinds:
                text += "，其中：" + "、".join(kinds)
            sentences.append(text + "。")
            since = ""
        equipment = [f"单价50万元以上通用设备{a['general_50']}台（套）" if "general_50" in a else "",
                     f"单价100万元以上专用设备{a['special_100']}台（套）" if "special_100" in a else ""]
        equipment = [e for e in equipment if e]
        if equipment:
            sentences.append(f"{since}{'' if sentences else body + '共有'}" + "，".join(equipment) + "。")
        if sentences:
            out.append("".join(sentences))
        plans = [f"新增车辆{a['new_vehicles']}辆" if "new_vehicles" in a else "",
                 f"新增单价50万元以上通用设备{a['new_general_50']}台（套）" if "new_general_50" in a else "",
                 f"新增单价100万元以上专用设备{a['new_special_100']}台（套）" if "new_special_100" in a else ""]
        plans = [p for p in plans if p]
        if plans:
            out.append(f"{self.t.year}年计划" + "；".join(plans) + "。")
        return out

    # 绩效 --------------------------------------------------------------------------------------------------
    def p_performance(self) -> list[str]:
        t, f = self.t, self.f
        table = f.table("expense_summary")
        project = f.value(table, f.total_row(table), "project")
        perf = self.doc.performance
        sentences = []
        if project is not None and project.amount > 0:
            text = f"{self.lead}所有项目支出纳入部门预算绩效管理，涉及项目支出{t.w}{t.money(project)}万元"
            if self.facts.projects:
                text += f"，其中重点项目{len(self.facts.projects)}个"
            sentences.append(text + "。")
        if perf is not None and (perf.tasks or perf.indicators):
            what = []
            if perf.tasks:
                what.append(f"年度主要任务{len(perf.tasks)}项")
            if perf.indicators:
                what.append(f"年度绩效指标{len(perf.indicators)}个")
            sentences.append(f"{t.body}已编制整体支出绩效目标，设置" + "、".join(what) + "。")
        return ["".join(sentences)] if sentences else []

    def p_key_projects(self) -> list[str]:
        """The line that leads to the table of key projects (printed right after the narrative)."""
        if not self.facts.projects:
            return []
        return [f"{self.t.year}年，本{S.LEVELS[self.doc.identity.level]}重点项目绩效目标情况如下："]


# ------------------------------------------------------------------------------------------------- sections

def draft_sections(doc: Disclosure, facts: Facts, texts: dict[str, tuple[str, Source]],
                   anchors: dict[str, Source], fallback: Source,
                   glossary: list[tuple[str, str, Source]] = ()) -> list[Section]:
    """The narrative: the parts the officer wrote, drafts of the blank ones that the figures allow, and
    the 名词解释 of the workbook (none: the renderer prints the standard one)."""
    drafter = _Drafter(doc, facts)
    i = doc.identity
    level = S.LEVELS[i.level]
    w = S.KINDS[i.kind]
    sections: list[Section] = []
    number = 0
    for title, parts in ((f"{level}概况", S.OVERVIEW_PARTS), (f"{i.year}年度{level}{w}情况说明", S.EXPLAINED_PARTS)):
        subs: list[Section] = []
        for part in parts:
            where = anchors.get(part.key, fallback)
            if part.key in texts:
                text, where = texts[part.key]
                paragraphs = [Paragraph(p.strip(), where) for p in text.split("\n") if p.strip()]
            elif part.drafted:
                paragraphs = [Paragraph(p, where, drafted=True) for p in drafter.part(part.key) if p]
            else:
                paragraphs = []
            if paragraphs:
                heading = part.heading.format(year=i.year, w=w)
                subs.append(Section(f"{_CN[len(subs) + 1]}、{heading}", 2, paragraphs, where))
        if subs:
            number += 1
            sections.append(Section(f"第{_CN[number]}部分 {title}", 1, [], subs[0].source))
            sections.extend(subs)
    if glossary:
        terms = [Paragraph(f"{_cn(k)}、{term}：{meaning.rstrip('。')}。", where)
                 for k, (term, meaning, where) in enumerate(glossary, start=1)]
        sections.append(Section(f"第{_CN[number + 1]}部分 名词解释", 1, terms, terms[0].source))
    return sections


def _cn(n: int) -> str:
    """Chinese ordinal numbers: 一 … 十, 十一 …, 二十一 …"""
    ones = "一二三四五六七八九"
    if n <= 10:
        return _CN[n]
    tens, unit = divmod(n, 10)
    return ("十" if tens == 1 else ones[tens - 1] + "十") + (ones[unit - 1] if unit else "")
