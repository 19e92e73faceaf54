from tests.rules.factories import doc, findings, row, section, table

RULE = "text-share-percent"


def test_passes_when_each_share_is_its_part_of_the_whole():
    text = section("支出", "本年支出预算合计 200 万元，其中：基本支出 150 万元，占 75%；项目支出 50 万元，占 25%。")
    assert findings(doc(sections=[text]), RULE) == []


def test_fails_where_a_share_is_wrong():
    text = section("支出", "本年支出预算合计 200 万元，其中：基本支出 150 万元，占 70%；项目支出 50 万元，占 25%。", page=8)
    assert findings(doc(sections=[text]), RULE) == [(RULE, 8, "", "基本支出", "share")]


def test_shares_of_the_three_public_costs_use_the_table_total():
    t = table("three_public_costs", [row("某单位", is_total=True, total="584.35", abroad="110.00",
                                         vehicle_total="317.80", reception="156.55")], number="11")
    text = section("三公", "“三公”经费预算支出中，因公出国（境）费支出110万元，占“三公”经费的18.85%；公务用车购置及运行费支出317.8万元，"
                   "占“三公”经费的54.39%；公务接待费支出156.55万元，占“三公”经费的26.79%。", page=22)
    assert findings(doc(t, sections=[text], year=2017), RULE) == [(RULE, 22, "", "因公出国(境)费", "share")]


def test_a_final_accounts_total_is_the_whole_of_the_parts_listed_after_it():
    """“本年支出决算合计 X，其中：基本支出 …”: the parts are 决算 figures without saying so again."""
    good = "某单位2022年本年支出决算合计8,719万元，其中：基本支出4,155万元，占47.65%；项目支出4,564万元，占52.35%。"
    bad = good.replace("52.35%", "59.74%")
    final = {"year": 2022}
    d = doc(sections=[section("三、支出决算情况", good, page=5)], **final)
    d.identity.kind = "final_accounts"
    assert findings(d, RULE) == []
    d.sections = [section("三、支出决算情况", bad, page=5)]
    assert findings(d, RULE) == [(RULE, 5, "", "项目支出", "share")]
