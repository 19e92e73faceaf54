"""The narrative parts left blank, drafted from the figures: in the disclosures' sentences, flagged as
drafts, and consistent with the tables by construction — yusuan's own narrative rules find nothing."""

from __future__ import annotations

import re

import pytest

from tests.conftest import corpus_doc
from tests.prepare.conftest import PINGSHAN, through_workbook
from tests.prepare.workbooks import Book
from yusuan.prepare.draft import ASK_REASON
from yusuan.prepare.fill import lines_from
from yusuan.prepare.template import write_template
from yusuan.prepare.workbook import read_workbook
from yusuan.rules import catalog
from yusuan.rules.registry import run

GENERAL = "table:general_budget_by_function"


def enrich(book):
    """What an officer adds to the 坪山 figures: last year's, reasons, the sheets the tables lack."""
    book.set("narrative", "duties", "负责辖区生态环境保护监督管理工作。")
    book.set("narrative", "organization", "下设办公室、行政服务科等9个科室。\n共有编制22人。")
    summary = "table:income_expense_summary"
    for side, label in (("income", "收入总计"), ("expense", "支出总计")):
        book.put(summary, book.find(summary, f"{side}|label|", label), f"{side}|amount|amount@prior_budget", 8244)
    prior = {"201": 230, "20101": 230, "2010101": 230, "211": 6000, "21101": 3000, "2110101": 500,
             "2110102": 1200, "2110199": 1300, "21103": 1500, "2110399": 1500, "21111": 1500, "2111102": 1500}
    for code, v in prior.items():
        book.put(GENERAL, book.find(GENERAL, "|code|function", code), "|amount|total@prior_budget", v)
    book.set("three_public", "reason", "公务用车报废 2 辆", "|amount|vehicle_operation")
    book.set("three_public", "reason", "厉行节约", "|amount|total")
    book.set("office_operating", "current", 125, "|amount|office_operating")
    book.set("office_operating", "prior", 138, "|amount|office_operating")
    book.set("office_operating", "reason", "厉行勤俭节约", "|amount|office_operating")
    for category, name, amount in (("货物", "专用设备", 185), ("工程", "修缮", 0), ("服务", "委托业务", 3030)):
        r = book.first_blank("procurement", "|label|")
        book.put("procurement", r, "|text|category", category)
        book.put("procurement", r, "|label|", name)
        book.put("procurement", r, "|amount|total", amount)
    for key, value in (("as_of", "2022年10月"), ("vehicles_official", 2), ("vehicles_enforcement", 2),
                       ("general_50", 0), ("special_100", 1), ("new_vehicles", 0), ("new_special_100", 0)):
        book.set("assets", key, value)
    return book.save()


def narrative(doc):
    """Findings of the narrative family (text against tables), warnings included."""
    family = {rule_id: info.family for rule_id, info in catalog.load().items()}
    return [f for f in run(doc) if family[f.rule] == "narrative"]


def drafted(doc):
    return {s.heading: [p.text for p in s.paragraphs] for s in doc.sections if any(p.drafted for p in s.paragraphs)}


def test_the_drafts_agree_with_the_tables(pingshan_book):
    doc = read_workbook(enrich(pingshan_book))
    assert narrative(doc) == []
    parts = drafted(doc)
    assert list(parts) == [
        "一、收支预算总体情况", "二、收入预算情况", "三、支出预算情况", "四、财政拨款收支预算总体情况",
        "五、一般公共预算支出预算情况", "六、一般公共预算“三公”经费预算情况", "七、机关运行经费预算情况",
        "八、政府采购预算情况", "九、国有资产占用情况", "十、预算绩效管理情况",
        "十一、重点项目绩效目标情况"]
    body = "深圳市生态环境局坪山管理局2023年"
    assert parts["一、收支预算总体情况"] == [
        f"{body}度收入、支出预算总计6,623万元，与上年相比收、支总计各减少1,621万元，下降19.66%。"
        f"主要原因是：{ASK_REASON}。"]
    assert parts["三、支出预算情况"] == [
        f"{body}本年支出预算合计6,623万元，其中：基本支出913万元，占13.79%；项目支出5,710万元，占86.21%。"
        "基本支出中，人员经费788万元，公用经费125万元。"]
    assert parts["六、一般公共预算“三公”经费预算情况"][:2] == [
        f"{body}一般公共预算“三公”经费预算数为14万元，比上年预算减少12万元，下降46.15%。主要原因是：厉行节约。其中：",
        "（一）因公出国（境）费0万元，与上年预算持平。"]
    assert "公务用车运行维护费14万元，比上年预算减少10万元，下降41.67%，主要原因是：公务用车报废 2 辆。" in (
        parts["六、一般公共预算“三公”经费预算情况"][2])
    assert parts["七、机关运行经费预算情况"] == [
        f"{body}机关运行经费财政拨款预算125万元，比上年预算减少13万元，下降9.42%。主要原因是：厉行勤俭节约。"]
    assert parts["八、政府采购预算情况"][0] == (
        f"{body}政府采购预算总额3,216万元，其中：政府采购货物预算185万元、政府采购工程预算0万元、政府采购服务预算3,030万元。")
    assert parts["九、国有资产占用情况"] == [
        "截至2022年10月，深圳市生态环境局坪山管理局共有车辆4辆，其中：一般公务用车2辆、执法执勤用车2辆。"
        "单价50万元以上通用设备0台（套），单价100万元以上专用设备1台（套）。",
        "2023年计划新增车辆0辆；新增单价100万元以上专用设备0台（套）。"]
    general = parts["五、一般公共预算支出预算情况"]
    assert general[0].startswith(f"{body}一般公共预算财政拨款支出预算5,682万元，与上年相比减少548万元，下降8.80%。")
    assert general[4].startswith("4．节能环保（类）支出5,291万元，占一般公共预算支出的93.12%，与上年相比减少709万元，"
                                 f"下降11.82%。主要原因是：{ASK_REASON}。主要用于：污染减排（款）生态环境执法监察（项）1,755万元；")


def test_percentages_have_two_decimals(pingshan_book):
    doc = read_workbook(enrich(pingshan_book))
    printed = [m for texts in drafted(doc).values() for t in texts for m in re.findall(r"([\d.]+)%", t)]
    assert printed and all(re.fullmatch(r"\d+\.\d\d", p) for p in printed)


def test_typed_parts_are_kept_and_not_drafted(pingshan_book):
    pingshan_book.set("narrative", "three_public", "本部门“三公”经费预算14万元。")
    doc = read_workbook(enrich(pingshan_book))
    part = next(s for s in doc.sections if "三公" in s.heading)
    assert [(p.text, p.drafted) for p in part.paragraphs] == [("本部门“三公”经费预算14万元。", False)]
    duties = next(s for s in doc.sections if s.heading == "一、部门职责")
    assert not duties.paragraphs[0].drafted
    organization = next(s for s in doc.sections if s.heading == "二、机构设置")
    assert [p.text for p in organization.paragraphs] == ["下设办公室、行政服务科等9个科室。", "共有编制22人。"]
    assert [s.heading for s in doc.sections if s.level == 1] == [
        "第一部分 部门概况", "第二部分 2023年度部门预算情况说明", "第三部分 名词解释"]


def test_drafts_say_where_they_stand(pingshan_book):
    doc = read_workbook(enrich(pingshan_book))
    sheets = pingshan_book.wb.sheetnames
    overview = next(s for s in doc.sections if s.heading == "一、收支预算总体情况")
    source = overview.paragraphs[0].source
    assert sheets[source.page - 1] == "文字部分" and source.cell == "C6"


def test_the_reason_placeholder_is_flagged_until_filled(pingshan_book):
    doc = read_workbook(enrich(pingshan_book))
    flagged = [f for f in run(doc) if f.rule == "hyg-placeholder"]
    assert flagged and all("请填写" in f.message for f in flagged)


@pytest.mark.parametrize("style,files", [
    ("shenzhen", [PINGSHAN]),
    ("shenzhen", ["shenzhen-2023-zhineng-guankong-zhongxin-budget.txt"]),
    ("jiangsu", ["jiangsu-2019-gaoji-fayuan-budget.pdf"]),
    ("jiangsu", ["jiangsu-2018-renda-bangongting-budget.pdf"]),
    ("shanghai", ["shanghai-putuo-2025-wanli-jiedao-dept-budget.pdf"]),
    ("shanghai", ["shanghai-putuo-2025-shangwu-weiyuanhui-unit-budget.pdf"]),
    ("shanghai", ["shanghai-putuo-2025-caizhengju-dept-budget.pdf"]),
    ("shanghai", ["shanghai-2025-caizhengju-unit-budget.pdf"]),
    ("shanghai", ["shanghai-putuo-2024-shehui-gongzuobu-dept-final.pdf"]),
])
def test_drafts_from_every_family_pass_the_narrative_rules(tmp_path, style, files):
    doc = read_workbook(through_workbook(tmp_path, style, files)[1])
    assert drafted(doc)
    assert narrative(doc) == []


def test_a_wrong_typed_total_is_flagged(pingshan_book):
    """The draft states the total as typed; the rules see that its parts do not add up to it."""
    pingshan_book.set("three_public", "current", 20, "|amount|total")
    doc = read_workbook(enrich(pingshan_book))
    assert "“三公”经费预算数为20万元" in drafted(doc)["六、一般公共预算“三公”经费预算情况"][0]
    errors = {f.rule for f in run(doc) if f.severity == "error"}
    assert {"arith-column-parts", "text-parts-sum"} <= errors


def test_final_accounts_are_drafted_as_such(tmp_path):
    original = corpus_doc("shanghai-putuo-2024-shehui-gongzuobu-dept-final.pdf")
    doc = read_workbook(write_template(tmp_path / "b.xlsx", 2024, "shanghai", "final_accounts",
                                       lines_from(original, "shanghai")))
    parts = drafted(doc)
    assert "一、收支决算总体情况" in parts
    assert parts["四、财政拨款收支决算总体情况"][0].startswith(
        "中共上海市普陀区委社会工作部2024年度财政拨款收入、支出决算总计307.82万元。")


def test_last_years_publication_gives_the_changes(tmp_path):
    """`template --from` last year's publication: this year's figures typed, the changes drafted."""
    path = write_template(tmp_path / "b.xlsx", 2024, "shenzhen", "budget",
                          lines_from(corpus_doc(PINGSHAN), "shenzhen", 2024))
    book = Book(path)
    for measure, value in (("abroad", 0), ("vehicle_purchase", 0), ("vehicle_operation", 12), ("reception", 1)):
        book.set("three_public", "current", value, f"|amount|{measure}")
    doc = read_workbook(book.save())
    assert drafted(doc)["一、一般公共预算“三公”经费预算情况"][0] == (
        "深圳市生态环境局坪山管理局2024年一般公共预算“三公”经费预算数为13万元，比上年预算减少1万元，下降7.14%。"
        f"主要原因是：{ASK_REASON}。其中：")
    three = doc.tables_of("three_public_costs")[0]
    assert [(r.item, r.values["total"].text) for r in three.rows] == [
        ("2023年", "14"), ("2024年", "13"), ("增减变化金额", "-1")]
    assert narrative(doc) == []


def test_three_public_costs_down_to_nothing_still_say_why(pingshan_book):
    """No “三公”经费 this year after some last year: the change is stated with its reason, as any other."""
    for measure in ("total", "abroad", "vehicle_total", "vehicle_purchase", "vehicle_operation", "reception"):
        pingshan_book.set("three_public", "current", 0, f"|amount|{measure}")
    pingshan_book.set("three_public", "reason", "公务用车全部报废", "|amount|total")
    doc = read_workbook(pingshan_book.save())
    body = doc.identity.body
    assert drafted(doc)["六、一般公共预算“三公”经费预算情况"] == [
        f"{body}2023年一般公共预算“三公”经费预算数为0万元，比上年预算减少26万元，下降100.00%。主要原因是：公务用车全部报废。"]
    assert not [f for f in run(doc) if f.rule == "hyg-unexplained-change"]
