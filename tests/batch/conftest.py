"""One batch run shared by the tests that read its output: two text-form budgets, a publication whose text
and tables parts are two PDFs, and three files no reader can read, on two local processes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CORPUS
from yusuan.batch.inputs import gather
from yusuan.batch.run import Settings, run_batch

BAD = CORPUS.parent / "bad"
GOOD = ["shenzhen-2023-pingshan-guanliju-budget.txt", "shenzhen-2023-zhineng-guankong-zhongxin-budget.txt",
        "jiangsu-2019-zhengxie-bangongting-budget-tables.pdf", "jiangsu-2019-zhengxie-bangongting-budget-text.pdf"]
UNREADABLE = ["garbage.pdf", "truncated.pdf", "encrypted.pdf"]
INPUTS = [CORPUS / n for n in GOOD] + [BAD / n for n in UNREADABLE]


@pytest.fixture(scope="session")
def publications():
    return gather([str(p) for p in INPUTS])


@pytest.fixture(scope="session")
def local_run(tmp_path_factory, publications) -> tuple[Path, object]:
    out = tmp_path_factory.mktemp("batch") / "out"
    return out, run_batch(publications, out, Settings(workers=2))
