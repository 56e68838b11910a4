"""Killed with SIGKILL halfway, ``--resume`` finishes the job with byte-identical outputs."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from batch_helpers import ROOT, run_cli
from batch_stories import DAM, write_many

from reconcile.batch.journal import JOURNAL_NAME

COMPARED = ["claims.csv", "discrepancies.csv", "discrepancy_claims.csv", "errors.csv", "report.html"]


def units_done(out: Path) -> int:
    db = out / JOURNAL_NAME
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT COUNT(*) FROM units").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def make_input(root: Path) -> None:
    write_many(root, 240)
    (root / "feed").mkdir()
    with open(root / "feed" / "wire.jsonl", "w", encoding="utf-8") as fh:  # 3 chunks of 500 lines
        fh.writelines(json.dumps({"title": f"Dam {i}", "source": f"Outlet {i % 7}", "date": f"2024-09-{1 + i % 28:02d}",
                                 "text": DAM.replace("12,000", f"{10 + i % 9},000")}) + "\n" for i in range(1, 1201))
    (root / "feed" / "broken.txt").write_bytes(b"")


def test_kill_9_halfway_then_resume_gives_identical_outputs(tmp_path: Path) -> None:
    src = tmp_path / "in"
    make_input(src)
    ref = tmp_path / "ref"
    done = run_cli("batch", str(src), "--out", str(ref), "--workers", "1")
    assert done.returncode == 0, done.stderr

    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "reconcile.cli", "batch", str(src), "--out", str(out),
                             "--workers", "1"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while units_done(out) < 20:
        assert proc.poll() is None, "the run finished before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    killed_at = units_done(out)
    total = json.loads((ref / "run.json").read_text())["counts"]["files"] + 2  # the JSONL file has 3 units
    assert 20 <= killed_at < total
    assert not (out / "claims.csv").exists()  # nothing half-written

    resumed = run_cli("batch", str(src), "--out", str(out), "--workers", "1", "--resume")
    assert resumed.returncode == 0, resumed.stderr
    run = json.loads((out / "run.json").read_text())
    assert run["counts"]["resumed_units"] == killed_at  # finished units were not redone
    for name in COMPARED:
        assert (out / name).read_bytes() == (ref / name).read_bytes(), name


def test_resume_reads_changed_files_again(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "a").mkdir(parents=True)
    (src / "a" / "one.txt").write_text("Title: One\nSource: Wire\nDate: 2024-10-01\n\nAbout 1,500 troops arrived.\n")
    (src / "a" / "two.txt").write_text("Title: Two\nSource: Post\nDate: 2024-10-01\n\nNearly 11,000 troops arrived.\n")
    out = tmp_path / "out"
    assert run_cli("batch", str(src), "--out", str(out)).returncode == 0
    (src / "a" / "two.txt").write_text("Title: Two\nSource: Post\nDate: 2024-10-02\n\nSome 9,000 troops arrived.\n")
    (src / "a" / "one.txt").unlink()
    assert run_cli("batch", str(src), "--out", str(out), "--resume").returncode == 0
    fresh = tmp_path / "fresh"
    assert run_cli("batch", str(src), "--out", str(fresh)).returncode == 0
    run = json.loads((out / "run.json").read_text())
    assert run["counts"]["resumed_units"] == 0 and run["counts"]["articles"] == 1
    for name in COMPARED:
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name
