import functools
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "data" / "corpus"


@functools.cache
def corpus_doc(*names: str):
    from yusuan.ingest.read import read_disclosure

    return read_disclosure(*(CORPUS / n for n in names))


@pytest.fixture(scope="session")
def corpus():
    return corpus_doc
