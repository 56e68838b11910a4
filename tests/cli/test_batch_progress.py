"""The progress bar: drawn on a terminal (files, claims, errors, rate), absent otherwise."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from batch_helpers import ROOT, make_corpus


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return make_corpus(tmp_path)


def run_on_terminal(*args: str) -> tuple[int, str]:
    """Run the command with stderr on a pseudo-terminal; returns (exit code, what the terminal showed)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 160, 0, 0))  # a 160-column terminal
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "160"}
    proc = subprocess.Popen([sys.executable, "-m", "reconcile.cli", *args], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:  # the terminal closed: the command is done
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    return proc.wait(timeout=300), b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_on_a_terminal(corpus: Path, tmp_path: Path) -> None:
    code, shown = run_on_terminal("batch", str(corpus), "--out", str(tmp_path / "o"))
    assert code == 0
    assert "7/7" in shown and "file/s" in shown  # files done of all, and the rate
    assert "claims=" in shown and "errors=1" in shown


def test_quiet_on_a_terminal_draws_nothing(corpus: Path, tmp_path: Path) -> None:
    code, shown = run_on_terminal("batch", str(corpus), "--out", str(tmp_path / "o"), "--quiet")
    assert code == 0 and shown == ""
