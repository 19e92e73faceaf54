from tests.rules.factories import doc, findings, section

RULE = "ident-level-wording"


def unit(*paragraphs, page=21):
    d = doc(sections=[section("五、国有资产占有使用情况", *paragraphs, page=page)], year=2025, body="上海市财政局")
    d.identity.level = "unit"
    return d


def test_passes_for_the_wording_of_the_document_s_level():
    d = unit("2025年单位预算安排购置车辆0辆，其中：部级领导干部用车0辆。",
             "“三公”经费：是与区级财政有经费领拨关系的部门及其下属预算单位使用区级财政拨款安排的……",
             "深化部门预算改革，加强预算支出标准体系建设。")
    assert findings(d, RULE) == []
    dept = doc(sections=[section("一、部门主要职能", "2025年部门预算安排购置车辆1辆。",
                                 "纳入本部门2025年部门汇总预算编制范围的预算单位包括：本级、下属行政事业单位预算。")])
    assert findings(dept, RULE) == []


def test_fails_for_the_other_level_s_wording():
    assert findings(unit("2025年部门预算安排购置车辆0辆，其中：部级领导干部用车0辆。"), RULE) == [
        (RULE, 21, "", "2025年部门预算安排购置车辆…", "")]
    dept = doc(sections=[section("2025年单位预算编制说明", "2025年，本部门收入预算18,976.76万元。", page=6)])
    assert findings(dept, RULE) == [(RULE, 6, "", "2025年单位预算编制说明", "")]
