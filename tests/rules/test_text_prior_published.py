from tests.conftest import corpus_doc
from tests.rules.factories import doc, findings, row, section, table
from yusuan.rules.context import Related
from yusuan.rules.registry import run

RULE = "text-prior-published"


def _found(d, prior):
    return [(f.severity, f.item, f.expected, f.actual) for f in run(d, [RULE], Related(prior=prior))]


def _three_public(abroad: str, year: int):
    return table("three_public_costs", [row("某单位", abroad=abroad, reception="5")], number="9")


def test_passes_when_the_change_leads_back_to_last_years_published_figure():
    this = doc(_three_public("100", 2018), year=2018,
               sections=[section("三公", "1．因公出国（境）费预算支出100万元，比上年预算数减少10万元。")])
    last = doc(_three_public("110", 2017), year=2017)
    assert _found(this, last) == []
    assert findings(this, RULE) == []  # without the year before, nothing is said


def test_fails_on_the_real_jiangsu_2018_text_read_against_its_2017_budget():
    """江苏省人民检察院 2018 against its own 2017 budget: 因公出国（境）费 “与上年预算数相等” at 100 万元, where the
    2017 budget printed 110 万元 (a warning: the text names the 上年预算数); 财政拨款 “增加 3,958.98 万元” leads
    to 17,981.98 万元 where 2017 printed 17,981.68 (its own 一般公共预算 sentence says 3,959.28), 基本支出 to
    12,323.46 where 2017 printed 12,323.48, and 2040405 to 2,029 where 2017's 2040405 alone was 150 — told as
    information, the text saying only “与上年相比”."""
    got = _found(corpus_doc("jiangsu-2018-jianchayuan-budget.pdf"), corpus_doc("jiangsu-2017-jianchayuan-budget.pdf"))
    assert sorted((s, i) for s, i, _, _ in got) == sorted([
        ("warning", "因公出国(境)费"), ("info", "基本支出"), ("info", "财政拨款"), ("info", "财政拨款"),
        ("info", "一般公共预算"), ("info", "公共安全支出(类)公诉、审判、侦查、执行等检察监督支出(项)")])
    warning = next(g for g in got if g[0] == "warning")
    assert (warning[2], warning[3]) == (110, 100)


def test_fails_without_a_matching_prior_figure_stated_as_such():
    this = doc(_three_public("100", 2018), year=2018,
               sections=[section("三公", "1．因公出国（境）费预算支出100万元（上年预算为90万元）。")])
    got = _found(this, doc(_three_public("110", 2017), year=2017))
    assert got and got[0][2] == 110
