"""The Fiscal Data Package export: valid for frictionless, its fiscal model well formed (FDP 0.3), and
every amount the exact figure of the printed cell it came from."""

from __future__ import annotations

import csv
import json
from decimal import Decimal

import pytest
from click.testing import CliRunner
from frictionless import validate

from yusuan.cli.main import main
from yusuan.export.cells import cell_records
from yusuan.export.fdp import HEADER, write_fdp
from yusuan.model.amount import to_yuan
from yusuan.model.kinds import leaf_codes
from yusuan.model.tolerance import bound
from tests.conftest import CORPUS, corpus_doc
from tests.ingest.test_corpus import PINS, load

FDP_DIMENSION_TYPES = {"datetime", "entity", "classification", "activity", "fact", "location", "other"}
FDP_PHASES = {"proposed", "approved", "adjusted", "executed"}
MONEY_COLUMNS = [h for h in HEADER if h.startswith(("approved_", "adjusted_", "executed_"))]


def model_problems(desc: dict) -> list[str]:
    """What breaks the FDP 0.3 model: every measure a number column with currency, factor, direction
    and phase; every dimension typed, with attributes naming columns and a primary key among them."""
    fields = {f["name"]: f["type"] for r in desc["resources"] for f in r["schema"]["fields"]}
    out = []
    model = desc.get("model") or {}
    if not model.get("measures") or not model.get("dimensions"):
        return ["model without measures or dimensions"]
    for name, measure in model["measures"].items():
        if fields.get(measure.get("source")) != "number":
            out.append(f"measure {name}: source is not a number column")
        if measure.get("currency") != "CNY" or not isinstance(measure.get("factor"), int):
            out.append(f"measure {name}: currency or factor")
        if measure.get("direction") not in {"expenditure", "revenue"} or measure.get("phase") not in FDP_PHASES:
            out.append(f"measure {name}: direction or phase")
    for name, dim in model["dimensions"].items():
        if dim.get("dimensionType") not in FDP_DIMENSION_TYPES:
            out.append(f"dimension {name}: type")
        attrs = dim.get("attributes") or {}
        if not attrs or any(a.get("source") not in fields for a in attrs.values()):
            out.append(f"dimension {name}: attribute without a column")
        if not dim.get("primaryKey") or not set(dim["primaryKey"]) <= set(attrs):
            out.append(f"dimension {name}: primary key")
    return out


def read_facts(folder):
    with open(folder / "facts.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("name", PINS)
def test_every_corpus_publication_exports_a_valid_package(name, tmp_path):
    _, doc = load(name)
    path = write_fdp([doc], tmp_path)
    report = validate(str(path))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    desc = json.loads(path.read_text(encoding="utf-8"))
    assert model_problems(desc) == []
    facts = read_facts(tmp_path)
    assert len(facts) == desc["yusuan"]["facts"]
    # every fact: one amount, the printed figure in 万元 exactly, located on its page, in the cells' order
    units = {id(t): t.unit for t in doc.tables}
    cells = [(r, units[id(t)]) for t in doc.tables for r in cell_records(_only(doc, t))
             if to_yuan(Decimal(r.value), t.unit, r.measure) is not None
             and r.measure.split("@")[0] not in ("change", "change_pct")]
    assert len(cells) == len(facts)
    assert facts or name == "shanghai_final_accounts_template"  # a blank form prints no amounts
    for fact, (cell, unit) in zip(facts, cells):
        amounts = [fact[c] for c in MONEY_COLUMNS if fact[c] != ""]
        assert len(amounts) == 1, fact
        assert (fact["table_kind"], fact["code"], fact["item"], fact["measure"], int(fact["page"])) \
            == (cell.kind, cell.code, cell.item, cell.measure, cell.page)
        assert Decimal(amounts[0]) * 10000 == to_yuan(Decimal(cell.value), unit, cell.measure)


def _only(doc, table):
    """`doc` with one table, to walk the cells export table by table."""
    from dataclasses import replace

    return replace(doc, tables=[table])


def test_a_package_that_breaks_the_model_is_caught(tmp_path):
    """The model check above is not vacuous."""
    path = write_fdp([corpus_doc("shenzhen-2023-zhineng-guankong-zhongxin-budget.txt")], tmp_path)
    desc = json.loads(path.read_text(encoding="utf-8"))
    desc["model"]["measures"]["approved_expenditure"]["source"] = "item"
    desc["model"]["dimensions"]["body"]["primaryKey"] = ["nowhere"]
    assert len(model_problems(desc)) == 2


def test_a_wrong_amount_fails_frictionless(tmp_path):
    path = write_fdp([corpus_doc("shenzhen-2023-zhineng-guankong-zhongxin-budget.txt")], tmp_path)
    lines = (tmp_path / "facts.csv").read_text(encoding="utf-8").splitlines()
    head = lines[0].split(",")
    row = next(csv.reader([lines[1]]))
    row[head.index("approved_expenditure")] = "12万"
    row[head.index("approved_revenue")] = ""
    buf = []
    csv.writer(_Sink(buf), lineterminator="\n").writerow(row)
    lines[1] = buf[0].rstrip("\n")
    (tmp_path / "facts.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert not validate(str(path)).valid


class _Sink:
    def __init__(self, buf):
        self.buf = buf

    def write(self, s):
        self.buf.append(s)


def test_leaf_rows_of_one_table_and_measure_sum_to_its_total(tmp_path):
    """The documented way to aggregate (one table kind, one measure, leaf rows) counts nothing twice."""
    doc = corpus_doc("shenzhen-2023-pingshan-guanliju-budget.txt")
    write_fdp([doc], tmp_path)
    facts = read_facts(tmp_path)
    (table,) = doc.tables_of("expense_summary")
    total_row = next(r for r in table.rows if r.is_total)
    leaves = leaf_codes(table.rows)
    assert leaves
    leaf_facts = [Decimal(f["approved_expenditure"]) for f in facts
                  if f["table_kind"] == "expense_summary" and f["measure"] == "total" and f["row_type"] == "leaf"]
    assert len(leaf_facts) == len(leaves)
    total = total_row.values["total"]
    # the table is in 万元; printed figures are rounded, each by half its unit at most (model/tolerance.py)
    assert abs(sum(leaf_facts) - total.amount) <= bound([*leaf_facts, total.amount])
    all_rows = sum(Decimal(f["approved_expenditure"]) for f in facts
                   if f["table_kind"] == "expense_summary" and f["measure"] == "total" and f["row_type"] != "total")
    assert all_rows > 2 * total.amount  # without the leaf cut, 类, 款 and 项 count the money three times


def test_yuan_tables_become_wan_exactly_and_income_is_revenue(tmp_path):
    doc = corpus_doc("shanghai-2025-caizhengju-unit-budget.pdf")
    assert doc.tables_of("income_summary")[0].unit == "元"
    write_fdp([doc], tmp_path)
    facts = read_facts(tmp_path)
    income = [f for f in facts if f["table_kind"] == "income_summary"]
    assert income and all(f["direction"] == "revenue" and f["approved_revenue"] for f in income)
    sources = {f["fund_source"] for f in income if f["row_type"] != "total"} - {""}
    assert "general_budget" in sources or "fiscal" in sources
    some = next(f for f in income if f["printed"].replace(",", "") not in ("0", "0.00"))
    assert Decimal(some["approved_revenue"]) * 10000 == Decimal(some["printed"].replace(",", ""))


def test_final_accounts_are_executed_and_prior_year_columns_belong_to_the_year_before(tmp_path):
    doc = corpus_doc("shanghai-putuo-2024-shehui-gongzuobu-dept-final.pdf")
    assert doc.identity.kind == "final_accounts"
    write_fdp([doc], tmp_path)
    facts = read_facts(tmp_path)
    current = [f for f in facts if f["measure"].endswith("@final") or "@" not in f["measure"]]
    assert current and {f["phase"] for f in current} == {"executed"}
    assert {f["fiscal_year"] for f in current} == {str(doc.identity.year)}
    for f in facts:
        if f["measure"].endswith(("@prior_budget", "@prior_final")):
            assert int(f["fiscal_year"]) == doc.identity.year - 1
    budgeted = [f for f in facts if f["measure"].endswith(("@initial_budget", "@prior_budget"))]
    assert all(f["phase"] == "approved" for f in budgeted)


def test_cli_exports_several_publications(tmp_path):
    result = CliRunner().invoke(main, [
        "export", str(CORPUS / "jiangsu-2017-zhengxie-bangongting-budget-text.pdf"),
        str(CORPUS / "jiangsu-2017-zhengxie-bangongting-budget-tables.pdf"),
        str(CORPUS / "shenzhen-2023-pingshan-guanliju-budget.txt"), "--out", str(tmp_path / "p")])
    assert result.exit_code == 0, result.output
    desc = json.loads((tmp_path / "p" / "datapackage.json").read_text(encoding="utf-8"))
    assert len(desc["yusuan"]["documents"]) == 2
    assert desc["name"] == "yusuan-disclosures-2017-2023"
    assert validate(str(tmp_path / "p" / "datapackage.json")).valid


def test_cli_bad_input_is_one_chinese_line(tmp_path):
    bad = tmp_path / "空.pdf"
    bad.write_bytes(b"")
    result = CliRunner().invoke(main, ["export", str(bad), "--out", str(tmp_path / "p")])
    assert result.exit_code == 2
    assert "空.pdf" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "p" / "datapackage.json").exists()
