"""The docs name every table kind, measure and phase the code knows."""

from pathlib import Path

from yusuan.model.vocabulary import MEASURES, PHASES, TABLE_KINDS

MODEL_DOC = (Path(__file__).parent.parent / "docs" / "model.md").read_text(encoding="utf-8")


def test_every_vocabulary_entry_is_documented():
    missing = [k for k in TABLE_KINDS if f"`{k}`" not in MODEL_DOC]
    missing += [m for m in MEASURES if f"`{m}`" not in MODEL_DOC]
    missing += [p for p in PHASES if f"`@{p}`" not in MODEL_DOC]
    assert missing == []
