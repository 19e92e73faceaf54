"""The synthetic tables have the shapes the preparation workbook gives a disclosure: a synthetic document
filled into the workbook (`yusuan template --from`) and read back has the same cells."""

import pytest

from tests.render.roundtrip import cells, diff
from tests.synth.test_generate import COMBOS, IDS
from yusuan.prepare.fill import lines_from
from yusuan.prepare.template import write_template
from yusuan.prepare.workbook import read_workbook
from yusuan.synth.document import Spec, generate


@pytest.mark.parametrize("combo", COMBOS, ids=IDS)
def test_the_workbook_gives_the_same_tables(combo, tmp_path):
    style, kind, level = combo
    doc, _ = generate(Spec(style, kind, level, 2023, "wb"), "x")
    path = write_template(tmp_path / "b.xlsx", 2023, style, kind, lines_from(doc, style))
    back = read_workbook(path)
    assert diff(cells(doc), cells(back)) == ([], [])
