"""The year-to-year code map: shipped changes with their sources, the user's additions, chaining years,
carrying amounts from one year's codes to another's."""

from decimal import Decimal

import pytest
from click.testing import CliRunner

from yusuan.catalog import codemap
from yusuan.catalog.codemap import Carried, CodeMapError, between, carry, make
from yusuan.catalog.renames import renamed_by
from yusuan.cli.main import main


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("YUSUAN_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def test_every_shipped_change_names_its_source_and_well_formed_codes():
    for c in codemap.shipped():
        assert c.source and c.old_name and c.new_name, c
        assert codemap.scheme_of(c.old_code) == codemap.scheme_of(c.new_code) == c.scheme, c


def test_a_year_renumbered_code_maps_forward_and_back():
    ymap = between(2017, 2018)
    assert ymap.new("30311") == ("30113",)
    assert ymap.old("30113") == ("30311",)
    assert ymap.new("30101") == ("30101",) and ymap.old("30101") == ("30101",)
    assert ymap.note("30311", "30113") == "（科目调整：30311→30113）"
    assert ymap.note("2040405", "2040405") == "（科目更名：公诉和审判监督→公诉、审判、侦查、执行等检察监督支出）"
    assert ymap.note("30101", "30101") == ""


def test_changes_of_the_years_between_are_chained_and_later_ones_left_out():
    assert between(2016, 2020).new("30311") == ("30113",)
    assert between(2018, 2020).new("30311") == ("30311",)  # moved in 2018: not between 2018 and 2020
    assert between(2018, 2017).forward == {}
    codemap.add(make(2019, "30113", "30199", new_name="其他工资福利支出"))
    assert between(2017, 2019).new("30311") == ("30199",)
    assert [c.year for c in between(2017, 2019).changed("30311", "30199")] == [2018, 2019]


def test_a_moved_code_leaves_the_totals_of_both_classes_unsure():
    ymap = between(2017, 2018)
    assert ymap.moved("303") and ymap.moved("301")
    assert not ymap.moved("302") and not ymap.moved("30113")


def test_carry_adds_merged_codes_and_leaves_a_split_unknown():
    codemap.add(make(2018, "2040406", "2040405", old_name="侦查监督"))
    codemap.add(make(2018, "2080501", "2080505"))
    codemap.add(make(2018, "2080501", "2080506"))
    ymap = between(2017, 2018)
    got = carry({"2040405": Decimal("150"), "2040406": Decimal("100"), "2080501": Decimal("9"),
                 "2010101": Decimal("5")}, ymap)
    assert got["2040405"] == Carried(Decimal("250"), ("2040405", "2040406"))
    assert got["2080505"].amount is None and got["2080506"].amount is None
    assert got["2010101"] == Carried(Decimal("5"), ("2010101",))


def test_the_users_row_wins_and_is_kept_under_yusuan_home(home):
    codemap.add(make(2019, "210", "210", old_name="旧名", new_name="卫生健康支出", source="某文件"))
    assert (home / "catalogs" / "code_map.csv").is_file()
    [c] = [c for c in codemap.changes() if c.key == ("function", 2019, "210", "210")]
    assert c.user and c.old_name == "旧名"
    assert {r.old for r in renamed_by(2019) if r.code == "210"} == {"旧名"}


def test_renames_checked_are_the_class_renames():
    assert {(r.code, r.since) for r in renamed_by(2024)} == {("207", 2019), ("210", 2019), ("220", 2019),
                                                             ("215", 2024)}
    assert renamed_by(2018) == ()


@pytest.mark.parametrize("old, new, kwargs, says", [
    ("30311", "2010101", {}, "不属于同一类"),
    ("abc", "30113", {}, "不是科目编码"),
    ("210", "210", {}, "应给出新名称"),
])
def test_a_bad_change_is_refused_in_chinese(old, new, kwargs, says):
    with pytest.raises(CodeMapError, match=says):
        make(2018, old, new, **kwargs)


def test_the_command_adds_and_shows_changes():
    runner = CliRunner()
    added = runner.invoke(main, ["catalog", "map", "add", "2040406", "2040405", "--year", "2018",
                                 "--old-name", "侦查监督", "--source", "江苏省人民检察院 2018 年预算"])
    assert added.exit_code == 0 and "2040406 侦查监督 → 2040405" in added.output
    shown = runner.invoke(main, ["catalog", "map", "show", "--code", "2040405"])
    assert "[用户添加] 江苏省人民检察院 2018 年预算" in shown.output and "[随软件附带]" in shown.output
    bad = runner.invoke(main, ["catalog", "map", "add", "30101", "20101", "--year", "2018"])
    assert bad.exit_code == 2 and "不属于同一类科目" in bad.output
