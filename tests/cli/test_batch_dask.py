"""The Dask engine gives the local engine's files, byte for byte, on a real LocalCluster."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_helpers import make_corpus, run_cli
from batch_stories import write_many

from reconcile.cli import main

distributed = pytest.importorskip("dask.distributed")

COMPARED = ["claims.csv", "discrepancies.csv", "discrepancy_claims.csv", "errors.csv", "report.html"]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address="127.0.0.1:0") as c:
        yield c


def test_dask_cluster_equals_local_engine(tmp_path: Path, cluster) -> None:
    src = make_corpus(tmp_path)
    write_many(src / "more", 80)
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert main(["batch", str(src), "--out", str(local), "--quiet"]) == 0
    assert main(["batch", str(src), "--out", str(dask), "--quiet", "--engine", "dask",
                 "--scheduler", cluster.scheduler_address]) == 0
    run = json.loads((dask / "run.json").read_text())
    assert run["settings"]["engine"] == "dask" and run["settings"]["workers"] == 2
    assert run["counts"]["articles"] == 89
    with distributed.Client(cluster.scheduler_address) as client:
        # both workers did work (their stores of task results saw keys from this run)
        counts = client.run(lambda dask_worker: dask_worker.state.executed_count)
        assert len(counts) == 2 and all(n > 0 for n in counts.values())
    for name in COMPARED:
        assert (local / name).read_bytes() == (dask / name).read_bytes(), name


def test_engine_dask_without_scheduler_starts_a_local_cluster(tmp_path: Path) -> None:
    src = make_corpus(tmp_path)
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert run_cli("batch", str(src), "--out", str(local), "--quiet").returncode == 0
    proc = run_cli("batch", str(src), "--out", str(dask), "--engine", "dask", "--workers", "2")
    assert proc.returncode == 0, proc.stderr
    run = json.loads((dask / "run.json").read_text())
    assert "local cluster on 127.0.0.1" in run["settings"]["engine_detail"]
    for name in COMPARED:
        assert (local / name).read_bytes() == (dask / name).read_bytes(), name


def test_unreachable_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    src = make_corpus(tmp_path)
    proc = run_cli("batch", str(src), "--out", str(tmp_path / "o"), "--engine", "dask",
                   "--scheduler", "tcp://127.0.0.1:9", timeout=120)
    assert proc.returncode == 2
    assert "cannot reach the Dask scheduler" in proc.stderr and "Traceback" not in proc.stderr
