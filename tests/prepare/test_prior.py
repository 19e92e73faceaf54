"""Prior-year columns taken from the year before's disclosure, and the draft's sentences made from them."""

from decimal import Decimal

from tests.conftest import corpus_doc
from tests.rules.factories import doc, row, table
from yusuan.model.provenance import Source
from yusuan.prepare.draft import Facts, draft_sections
from yusuan.prepare.prior import with_prior


def _summary(total: str, unit: str = "万元", file: str = "t.pdf"):
    t = table("income_expense_summary", [
        row("一般公共预算拨款", side="income", amount=total),
        row("收入总计", side="income", is_total=True, amount=total),
        row("支出总计", side="expense", is_total=True, amount=total),
    ], unit=unit)
    return t


def test_the_year_before_gives_each_line_its_prior_figure_and_the_draft_its_change():
    this = doc(_summary("120"), year=2024)
    last = doc(_summary("1000000", unit="元"), year=2023)
    last.files = ["上年.pdf"]
    filled = with_prior(this, last)
    total = next(r for r in filled.tables[0].rows if r.item == "收入总计")
    assert total.values["amount@prior_budget"].amount == Decimal(100)
    assert "amount@prior_budget" not in this.tables[0].rows[1].values  # the document given is left alone
    text = " ".join(p.text for s in draft_sections(filled, Facts(), {}, {}, Source("t.pdf", 1)) for p in s.paragraphs)
    assert "增加20万元，增长20" in text


def test_real_2018_jiangsu_lines_get_2017s_figures_with_their_pages():
    filled = with_prior(corpus_doc("jiangsu-2018-jianchayuan-budget.pdf"), corpus_doc("jiangsu-2017-jianchayuan-budget.pdf"))
    econ = next(t for t in filled.tables if t.kind == "general_budget_by_economic")
    housing = next(r for r in econ.rows if r.code == "30113")  # 2017's 30311 住房公积金
    v = housing.values["amount@prior_budget"]
    assert v.amount == Decimal("784.22") and v.source.file == "jiangsu-2017-jianchayuan-budget.pdf" and v.source.page == 15
    wages = next(r for r in econ.rows if r.code == "301")  # gained 30113: 2017's 301 is another sum
    assert "amount@prior_budget" not in wages.values
