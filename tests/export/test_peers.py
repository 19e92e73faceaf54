"""Peers: the figures read for each body, the robust z-score by hand, and what gets flagged."""

from __future__ import annotations

from decimal import Decimal

from click.testing import CliRunner

from yusuan.cli.main import main
from yusuan.export.peers import MIN_PEERS, compare, profile, robust_scores
from tests.conftest import CORPUS, corpus_doc
from tests.ingest.test_corpus import load

JIANGSU = ["jiangsu_2017_jianchayuan", "jiangsu_2017_zhengxie", "jiangsu_2018_jianchayuan", "jiangsu_2018_renda",
           "jiangsu_2018_shengwei", "jiangsu_2019_gaoji_fayuan", "jiangsu_2019_zhengxie"]


def test_robust_score_by_hand():
    values = [Decimal(v) for v in ("1", "2", "3", "4", "100")]
    # median 3; deviations 2, 1, 0, 1, 97; MAD 1; z = 0.6745 · (x − 3) / 1
    assert robust_scores(values) == [Decimal("-1.3490"), Decimal("-0.6745"), Decimal("0.0000"),
                                     Decimal("0.6745"), Decimal("65.4265")]


def test_robust_score_when_most_values_agree():
    values = [Decimal(v) for v in ("5", "5", "5", "5", "9")]
    # MAD 0: the mean absolute deviation (0.8) · 1.2533 stands in: (9 − 5) / 1.00264
    scores = robust_scores(values)
    assert scores[:4] == [Decimal(0)] * 4
    assert scores[4] == Decimal(4) / (Decimal("1.2533") * Decimal("0.8"))
    assert robust_scores([Decimal(5)] * 6) == [Decimal(0)] * 6


def test_too_few_peers_say_nothing():
    assert robust_scores([Decimal(1), Decimal(2), Decimal(50)]) == [None] * 3
    assert MIN_PEERS == 5


def test_figures_read_from_the_tables():
    _, doc = load("jiangsu_2017_jianchayuan")
    p = profile(doc)
    assert p.figures["office_operating"] == Decimal("60325500.00")  # 机关运行经费支出预算表, 合计 6032.55 万元
    assert p.shares["office_operating"] == Decimal("60325500.00") / p.figures["spending"]
    shenzhen = profile(corpus_doc("shenzhen-2023-pingshan-guanliju-budget.txt"))
    assert shenzhen.figures["three_public"] == Decimal(140000)  # the 2023年 row (14 万元), not 2022年's 26
    assert shenzhen.figures["commissioned"] == Decimal(38980000)  # 30227 of 一般公共预算 (基本 and 项目)
    assert shenzhen.shares["commissioned"] == Decimal(38980000) / Decimal(56820000)  # over 一般公共预算 spending


def test_jiangsu_2017_office_costs_stand_out_among_jiangsu_bodies():
    """The 2017 tables counted project running costs as 机关运行经费 (the 检察院's narrative says so: 口径
    changed, +129.97 %): 33–37 % of spending against 8–15 % for the later years."""
    profiles = compare([profile(load(n)[1], label=n) for n in JIANGSU])
    flagged = {p.label for p in profiles if "office_operating" in p.flags}
    assert flagged == {"jiangsu_2017_jianchayuan", "jiangsu_2017_zhengxie"}
    assert not any(p.flags for p in profiles if p.label not in flagged)
    by_year = compare([profile(load(n)[1], label=n) for n in JIANGSU], key=lambda p: p.year)
    assert not any(p.flags for p in by_year)  # no year has 5 bodies: nothing is said


def test_cli_peers(tmp_path):
    files = [CORPUS / f for f in ("jiangsu-2017-jianchayuan-budget.pdf", "jiangsu-2018-jianchayuan-budget.pdf",
                                  "jiangsu-2018-renda-bangongting-budget.pdf", "jiangsu-2019-gaoji-fayuan-budget.pdf",
                                  "jiangsu-2017-zhengxie-bangongting-budget-text.pdf",
                                  "jiangsu-2017-zhengxie-bangongting-budget-tables.pdf")]
    result = CliRunner().invoke(main, ["peers", *map(str, files), "--all-years"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 6  # the header and five publications (the 政协's two parts are one)
    flagged = [line.split("\t")[0] for line in lines[1:] if "⚑" in line]
    assert flagged == ["江苏省人民检察院", "江苏省政协办公厅"]
