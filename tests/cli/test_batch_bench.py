"""A tiny run of bench/batch_speed.py's generator through the batch, to keep the benchmark working."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from batch_helpers import ROOT

from reconcile.cli import main


def test_bench_generator_output_runs_through_the_batch(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("batch_speed", ROOT / "bench" / "batch_speed.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    size = bench.generate(tmp_path / "articles", 40)
    assert 40 * 4000 < size < 40 * 8000  # about 5 KB an article
    assert main(["batch", str(tmp_path / "articles"), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    counts = json.loads((tmp_path / "out" / "run.json").read_text())["counts"]
    assert counts["articles"] == 40 and counts["errors"] == 0
