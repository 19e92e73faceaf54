"""The same batch on a Dask cluster (a LocalCluster of two workers here): the same tables, row for row."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest
from distributed import Client, LocalCluster

from yusuan.batch.run import BatchError, Settings, run_batch
from yusuan.export.parquet import TABLES


def test_a_dask_cluster_gives_the_tables_of_a_local_run(local_run, publications, tmp_path):
    local, _ = local_run
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        result = run_batch(publications, tmp_path / "dask", Settings(scheduler=client))
        assert sum(client.nthreads().values()) == 2
    assert result.processed == 6 and result.manifest["runs"][-1]["where"].startswith("Dask")
    for name in TABLES:
        a, b = pq.read_table(local / f"{name}.parquet"), pq.read_table(tmp_path / "dask" / f"{name}.parquet")
        if name == "documents":  # everything but the time each took
            a, b = a.drop(["seconds", "cpu_seconds"]), b.drop(["seconds", "cpu_seconds"])
        assert a.num_rows and a.equals(b), name


def test_a_worker_that_would_answer_otherwise_stops_the_run(publications, tmp_path):
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        with pytest.raises(BatchError, match="工作节点的 yusuan（规则版本 .*）与本机（0.1.0\\+elsewhere）不同"):
            run_batch(publications[:1], tmp_path / "out", Settings(scheduler=client), ruleset="0.1.0+elsewhere")
    manifest = (tmp_path / "out" / "manifest.json").read_text(encoding="utf-8")
    assert '"status": "interrupted"' in manifest and "不同" in manifest


def test_an_unreachable_scheduler_is_one_chinese_line(publications, tmp_path, monkeypatch):
    monkeypatch.setattr("yusuan.batch.executors.CONNECT_TIMEOUT", "2s")
    with pytest.raises(BatchError, match="无法连接 Dask 调度器 tcp://127.0.0.1:9"):
        run_batch(publications[:1], tmp_path / "out", Settings(scheduler="tcp://127.0.0.1:9"))
