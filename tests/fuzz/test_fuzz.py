"""Seeded hostile inputs of every format (mutate.py) through extract and check, in a worker process limited
to 4 GB of address space, each case under a time limit: no internal error, no MemoryError, no crash, no
case past the limit, and every refusal one Chinese line naming the file.

A failing case is written to the test's tmp directory; `bench/fuzz.py --seed 2026` makes the same case
under the same number (and runs thousands more: bench/README.md, Hostile files).
"""

from __future__ import annotations

import pytest

from tests.fuzz.harness import Worker
from tests.fuzz.mutate import FORMATS, case, make_seeds

SEED = 2026
PER_FORMAT = 70
TIME_LIMIT = 60.0  # seconds: a hang guard (as HANG_GUARD in tests/cli); bench/fuzz.py records the times


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    return make_seeds(tmp_path_factory.mktemp("seeds"))


@pytest.fixture(scope="module")
def worker():
    with Worker() as w:
        yield w


@pytest.mark.parametrize("fmt", FORMATS)
def test_hostile_inputs_are_read_or_refused_in_time_and_memory(fmt, seeds, worker, tmp_path):
    failures = []
    for k in range(PER_FORMAT):
        c = case(seeds, fmt, k * len(FORMATS) + FORMATS.index(fmt), SEED)  # bench/fuzz.py's numbering
        path = tmp_path / c.name
        path.write_bytes(c.data)
        outcome = worker.run(path, TIME_LIMIT)
        if outcome.failed:
            failures.append(f"{c.name}: {outcome.status} {outcome.detail}")
        else:
            path.unlink()
    assert not failures, "\n".join(failures)
