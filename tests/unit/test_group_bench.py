"""A tiny run of bench/reconcile_scale.py keeps the benchmark working."""

from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "reconcile_scale.py"


def test_scale_benchmark_runs_small():
    spec = importlib.util.spec_from_file_location("reconcile_scale", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = module.run_one(400)
    assert result["n"] == 400 and result["groups"] > 10
    assert set(result["verdicts"]) <= {"conflict", "evolving", "scope", "consistent"}
    assert len(module.make_claims(123)) == 123
