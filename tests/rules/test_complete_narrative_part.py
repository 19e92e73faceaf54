from tests.rules.factories import doc, findings, section

RULE = "complete-narrative-part"

FULL = [
    section("一、部门职责", "负责……"),
    section("二、机构设置情况", "下设 5 个部门。"),
    section("第二部分 部门预算收支总体情况", "收入 7,656 万元。"),
    section("第五部分 一般公共预算“三公”经费预算情况", "预算 8 万元。"),
    section("一、机关运行经费", "预算 0 万元。"),
    section("第四部分 政府采购预算情况", "共计 2,853 万元。"),
    section("二、国有资产占用情况", "共有车辆 2 辆。"),
    section("第六部分 部门预算绩效管理情况", "……"),
    section("第九部分 名词解释", "一、机关运行经费：为保障行政单位运行用于购买货物和服务的各项资金 100 万元。"),
]


def test_passes_when_every_part_has_a_heading():
    assert findings(doc(sections=FULL), RULE) == []


def test_passes_when_amount_parts_are_stated_in_the_text():
    parts = [s for s in FULL if "机关运行经费" not in s.heading]
    parts.append(section("十一、其他", "2025年本单位财政拨款的机关运行经费预算为171.01万元。"))
    assert findings(doc(sections=parts), RULE) == []


def test_fails_for_each_missing_part():
    parts = [s for s in FULL if "国有资产" not in s.heading and "机关运行经费" not in s.heading]
    # the glossary's definition of 机关运行经费 does not count as the explanation
    assert findings(doc(sections=parts), RULE) == [
        (RULE, None, "", "机关运行经费", ""),
        (RULE, None, "", "国有资产占用情况", ""),
    ]


def test_tables_only_files_are_not_checked():
    assert findings(doc(), RULE) == []
