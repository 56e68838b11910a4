"""A tiny run of bench/api_load.py, so the benchmark keeps working."""

from __future__ import annotations

import subprocess
import sys

import pytest
from apihelpers import ROOT


@pytest.mark.slow
def test_api_load_bench_runs_small():
    out = subprocess.run([sys.executable, "bench/api_load.py", "--articles", "40", "--requests", "4",
                          "--seconds", "10", "--clients", "2", "--workers", "1"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    lines = out.stdout.splitlines()
    assert lines[0].startswith("store: 40 articles")
    rows = [line for line in lines if line.startswith(("POST /v1/extract", "GET /v1/discrepancies"))]
    assert len(rows) == 4 and not any("errors" in r for r in rows), out.stdout
