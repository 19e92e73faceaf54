"""An XLSX of lines read as a disclosure (the `ledger` input format): every table of its family's set (the
决算 set from the lines' 执行数 when its 公开类型 says 决算) derived from the lines, the narrative drafted.
`yusuan render`, `check` and `extract` read it so."""

from __future__ import annotations

from pathlib import Path

from yusuan.model.disclosure import Disclosure
from yusuan.model.errors import IngestError
from yusuan.prepare.ledger.derive import derive
from yusuan.prepare.ledger.rollup import consolidate
from yusuan.prepare.ledger.xlsx import read_ledger


def read_ledger_disclosure(path: str | Path, *, name: str | None = None) -> Disclosure:
    path = Path(path)
    ledger = read_ledger(path, name=name)
    try:
        consolidate(ledger)
    except ValueError as e:  # 内部往来 whose two sides disagree
        raise IngestError(ledger.file, str(e)) from None
    final = ledger.kind == "final_accounts"
    if final and not ledger.has_final:
        raise IngestError(ledger.file, "公开类型为决算，但没有一行填写了执行数，不能生成决算表")
    return derive(ledger, ledger.style, final=final)
