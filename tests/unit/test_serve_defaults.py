"""``reconcile serve`` without ``--workers`` starts one worker per CPU this process may use."""

from __future__ import annotations

import os

import pytest
import uvicorn

from api.settings import get_settings
from reconcile.batch.engines import default_workers
from reconcile.cli import build_parser
from reconcile.commands.serve import run_serve


@pytest.mark.parametrize("given, expected", [([], None), (["--workers", "3"], 3)])
def test_workers_default_to_the_cpus(monkeypatch, tmp_path, given, expected):
    seen: dict[str, object] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: seen.update(options))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("RECONCILE_REUSE_PORT", "false")
    monkeypatch.delenv("RECONCILE_REBALANCE", raising=False)  # restored (unset) after the test
    parser = build_parser()
    args = parser.parse_args(["serve", "--db", str(tmp_path / "s.sqlite3"), *given])
    try:
        assert run_serve(args, parser=parser) == 0
    finally:
        os.environ.pop("DATABASE_URL", None)
        get_settings.cache_clear()
    assert seen["workers"] == (expected or default_workers()) and seen["host"] == "127.0.0.1"
    assert default_workers() == len(os.sched_getaffinity(0))
    # several workers: a busy one sends keep-alive clients to a free one (api/rebalance.py)
    assert os.environ.get("RECONCILE_REBALANCE") == ("true" if seen["workers"] > 1 else None)


@pytest.mark.parametrize("workers, preset, expected", [("1", None, None), ("2", None, "true"),
                                                       ("2", "false", "false")])
def test_serve_turns_rebalancing_on_for_several_workers_unless_told(monkeypatch, tmp_path, workers, preset,
                                                                    expected):
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: None)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("RECONCILE_REUSE_PORT", "false")
    if preset is None:
        monkeypatch.delenv("RECONCILE_REBALANCE", raising=False)
    else:
        monkeypatch.setenv("RECONCILE_REBALANCE", preset)
    parser = build_parser()
    args = parser.parse_args(["serve", "--db", str(tmp_path / "s.sqlite3"), "--workers", workers])
    try:
        assert run_serve(args, parser=parser) == 0
    finally:
        os.environ.pop("DATABASE_URL", None)
        get_settings.cache_clear()
    assert os.environ.get("RECONCILE_REBALANCE") == expected
