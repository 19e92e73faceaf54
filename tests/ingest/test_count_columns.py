"""Columns of counts (辆, 人, 台（套）, 个) are never money: kept as text of their row, out of every sum."""

from tests.conftest import CORPUS
from yusuan.ingest.assemble.headers import AMOUNT, TEXT, column_specs
from yusuan.ingest.read import read_disclosure
from yusuan.rules.registry import run

PINGSHAN = "shenzhen-2023-pingshan-guanliju-budget.txt"


def test_count_headers_are_not_measures():
    # the 决算 “三公”经费 statistics as the central departments print them
    matrix = [["项目", "因公出国（境）费", "因公出国（境）团组数（个）", "公务用车购置费", "公务用车购置数（辆）",
               "公务用车保有量（辆）", "公务接待费", "国内公务接待批次（个）"]]
    specs = column_specs(matrix, True, "three_public_costs", 2023, True, set(range(1, 8)))
    assert [(s.role, s.measure) for s in specs[1:]] == [
        (AMOUNT, "abroad@final"), (TEXT, ""), (AMOUNT, "vehicle_purchase@final"), (TEXT, ""), (TEXT, ""),
        (AMOUNT, "reception@final"), (TEXT, "")]


def test_vehicle_counts_beside_the_three_public_costs_stay_out_of_the_sums(tmp_path):
    # 表9 of the Pingshan budget with the vehicles counted beside their costs
    lines = (CORPUS / PINGSHAN).read_text(encoding="utf-8").split("\n")
    assert lines[436].startswith("\t\t\t\t\t小计\t公务用车购置费\t公务用车运行维护费")
    lines[435] += "\t\t"
    lines[436] += "\t公务用车购置数（辆）\t公务用车保有量（辆）"
    for n, counts in ((437, "\t0\t3"), (438, "\t0\t3"), (439, "\t0\t0")):
        lines[n] += counts
    path = tmp_path / PINGSHAN
    path.write_text("\n".join(lines), encoding="utf-8")
    doc = read_disclosure(path)
    t = next(t for t in doc.tables if t.number == "9")
    assert [c.measure for c in t.columns] == ["total", "abroad", "reception", "vehicle_total", "vehicle_purchase",
                                              "vehicle_operation"]
    assert t.rows[1].texts["公务用车购置及运行维护费/公务用车保有量(辆)"] == "3"
    assert t.reading.doubts == []
    assert run(doc, only=["arith-column-parts", "arith-year-change", "text-three-public"]) == []
