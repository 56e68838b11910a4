"""Engines count the CPU time of their tasks where the tasks run; run.json reports it per stage."""

from __future__ import annotations

import json
import time
from pathlib import Path

from reconcile.batch.engines import LocalEngine, timed_call
from reconcile.cli import main

ROOT = Path(__file__).resolve().parents[2]


def spin(seconds: float) -> float:
    """Burn about ``seconds`` of CPU; returns the argument (a picklable task for the pool)."""
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass
    return seconds


def test_timed_call_returns_the_result_and_its_cpu() -> None:
    cpu, result = timed_call(spin, 0.05)
    assert result == 0.05 and 0.05 <= cpu < 1.0


def test_local_pool_sums_the_cpu_of_its_tasks() -> None:
    engine = LocalEngine(workers=2)
    try:
        results = sorted(engine.map(spin, [0.1, 0.1, 0.1, 0.1]))
    finally:
        engine.close()
    assert results == [0.1] * 4
    assert 0.4 <= engine.task_cpu < 4.0  # measured in the worker processes, not in this one


def test_run_json_reports_cpu_per_stage(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["batch", str(ROOT / "seeds"), "--out", str(out), "--quiet", "--workers", "1"]) == 0
    cpu = json.loads((out / "run.json").read_text())["cpu_s"]
    assert set(cpu["driver"]) == {"walk", "extract", "group", "write"} and set(cpu["tasks"]) == {"extract", "group"}
    assert cpu["tasks"]["extract"] > 0  # the seed's claims were extracted inside tasks
    assert all(v >= 0 for part in cpu.values() for v in part.values())
