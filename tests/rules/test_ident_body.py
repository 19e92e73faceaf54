from yusuan.model.disclosure import Performance
from tests.rules.factories import doc, findings, section

RULE = "ident-body"


def _doc(*paragraphs, title="江苏省人民检察院2017年部门预算", heading="第二部分 省检察院2017年度部门预算表"):
    d = doc(sections=[section(heading), section("一、收支预算总表情况说明", *paragraphs, page=18)],
            body="江苏省人民检察院", year=2017)
    d.title = title
    return d


def test_passes_when_every_place_names_the_body_or_its_short_form():
    d = _doc("省检察院2017年度财政拨款收、支总预算 17981.68万元。", "2017年，我们将认真贯彻省第十三次党代会要求。")
    assert findings(d, RULE) == []


def test_fails_where_another_body_is_named():
    d = _doc("江苏省高级人民法院2017年度收入、支出预算总计 17996.68万元。")
    assert findings(d, RULE) == [(RULE, 18, "", "江苏省高级人民法院", "")]


def test_fails_on_the_cover_and_in_headings():
    d = _doc(title="江苏省政协办公厅2017年部门预算", heading="第二部分 江苏省政协办公厅2017年度部门预算表")
    assert findings(d, RULE) == [(RULE, 1, "", "江苏省政协办公厅", ""), (RULE, 1, "", "江苏省政协办公厅", "")]


def test_performance_table_names_the_body():
    d = _doc()
    d.performance = Performance(body="深圳市生态环境局坪山管理局")
    assert [f[3] for f in findings(d, RULE)] == ["深圳市生态环境局坪山管理局"]


def test_a_sentence_about_another_body_in_the_middle_is_not_a_claim():
    d = _doc("根据《江苏省财政厅关于编制省级2017年部门预算的通知》，编制本部门预算。")
    assert findings(d, RULE) == []


def test_a_tables_single_body_row_names_the_body():
    from tests.rules.factories import row, table

    own = row("", is_total=True, total="5", page=11)
    own.item = "江苏省人民检察院"
    other = row("", is_total=True, total="5", page=12)
    other.item = "江苏省高级人民法院"
    d = _doc()
    d.tables = [table("expense_summary", [own], number="3"), table("general_budget_by_function", [other], number="8")]
    assert findings(d, RULE) == [(RULE, 12, "", "江苏省高级人民法院", "")]


def test_fails_where_another_body_states_this_years_totals_or_opens_with_a_connective():
    """The draft's own sentences: “X2017年本年支出预算合计……”, “此外，X2017年一般公共预算安排的会议费……”."""
    d = _doc("江苏省高级人民法院2017年本年支出预算合计17996.68万元。",
             "此外，江苏省高级人民法院2017年一般公共预算安排的会议费12.00万元。")
    assert [f[3] for f in findings(d, RULE)] == ["江苏省高级人民法院", "江苏省高级人民法院"]
    assert findings(_doc("省检察院2017年本年支出预算合计17996.68万元。"), RULE) == []


def _shanghai(*paragraphs):
    d = doc(sections=[section("五、国有资产占有使用情况", *paragraphs, page=9)],
            body="上海市普陀区人民政府万里街道办事处", year=2025)
    d.title = "上海市普陀区人民政府万里街道办事处2025年部门预算"
    return d


def test_passes_for_the_bodys_own_procurement_and_assets_under_its_names():
    """Real sentences of 万里街道 and 普陀区财政局 2025: the body in full, shortened, with （部门）."""
    d = _shanghai("截至2024年8月31日，上海市普陀区人民政府万里街道办事处（部门）共有车辆6辆，其中：部级领导干部用车0辆。",
                  "截至2024年8月31日，万里街道办事处共有车辆6辆。",
                  "2025年本部门面向中小企业预留政府采购项目预算金额1928.48万元。",
                  "上海市普陀区人民政府万里街道办事处2025年所有项目支出纳入部门预算绩效管理。")
    assert findings(d, RULE) == []


def test_fails_where_another_body_states_the_procurement_or_the_vehicles():
    d = _shanghai("截至2024年8月31日，上海市普陀区商务委员会共有车辆6辆，其中：部级领导干部用车0辆。",
                  "上海市普陀区财政局2025年面向中小企业预留政府采购项目预算金额1928.48万元。",
                  "上海市普陀区商务委员会2025年所有项目支出纳入部门预算绩效管理。")
    assert [f[3] for f in findings(d, RULE)] == ["上海市普陀区商务委员会", "上海市普陀区财政局", "上海市普陀区商务委员会"]


def test_other_bodies_named_legitimately_are_not_claims():
    d = _shanghai("2025年，上海市普陀区人民政府万里街道办事处所属单位共有车辆2辆。",
                  "本部门的公务用车由区机关事务管理局统一管理，截至2024年8月31日，区机关事务管理局统一调配车辆3辆。",
                  "根据上海市普陀区财政局2025年预算编制要求，本部门政府采购预算按规定编报。",
                  "2025年部门预算安排购置车辆1辆，其中：部级领导干部用车0辆。")
    assert findings(d, RULE) == []
