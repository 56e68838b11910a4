"""The request path stays cheap: no per-request dependency rebuilding, small pipeline work on the
event loop, big work in the threadpool, and the same answers either way."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import threading
import time
import urllib.request
import warnings
from pathlib import Path

import pytest
from apihelpers import PYTHON, READY_TIMEOUT, ROOT, client_fixture, free_port, make_client_fixture  # noqa: F401

import reconcile
from api.routes import _cpu
from reconcile.models import Article, Claim

with warnings.catch_warnings():  # starlette suggests httpx2; httpx is what the project pins
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

SENTENCE = "Officials said about 4,300 people had been evacuated from 12 towns since Friday. "


def test_app_has_no_dependency_overrides(client):
    # any entry makes FastAPI rebuild every route's dependency tree on every request
    assert client.app.dependency_overrides == {}


def test_two_apps_in_one_process_keep_their_own_settings(make_client):
    locked = make_client(api_keys=["k1"])
    open_ = make_client()
    body = {"articles": [{"id": "a", "text": SENTENCE}]}
    assert locked.post("/v1/articles", json=body).status_code == 401
    assert locked.post("/v1/articles", json=body, headers={"X-API-Key": "k1"}).status_code == 201
    assert open_.post("/v1/articles", json={"articles": [{"id": "b", "text": SENTENCE + "Again."}]}).status_code == 201


def test_run_cpu_bound_is_inline_when_small_and_in_a_thread_when_big():
    async def where(chars: int) -> int:
        return await _cpu.run_cpu_bound(chars, threading.get_ident)

    loop_thread = threading.get_ident()
    assert asyncio.run(where(_cpu.INLINE_CHARS)) == loop_thread
    assert asyncio.run(where(_cpu.INLINE_CHARS + 1)) != loop_thread


def test_extract_of_a_big_article_answers_like_the_pipeline(client):
    text = SENTENCE * (_cpu.INLINE_CHARS // len(SENTENCE) + 2)  # over the inline limit: the threadpool path
    assert len(text) > _cpu.INLINE_CHARS
    body = {"id": "big", "text": text, "source": "Wire", "published": "2024-09-16"}
    r = client.post("/v1/extract", json=body)
    assert r.status_code == 200
    claims = [Claim.model_validate(c) for c in r.json()["claims"]]
    assert claims == reconcile.extract_claims(Article.model_validate(body))
    assert len(claims) >= 2 * (_cpu.INLINE_CHARS // len(SENTENCE))


def test_reconcile_of_big_articles_answers_like_the_pipeline(client):
    text = SENTENCE * (_cpu.INLINE_CHARS // len(SENTENCE) // 2 + 2)
    arts = [{"id": "a", "text": text, "source": "Wire A", "published": "2024-09-16"},
            {"id": "b", "text": text.replace("4,300", "5,100"), "source": "Wire B", "published": "2024-09-16"}]
    assert sum(len(a["text"]) for a in arts) > _cpu.INLINE_CHARS
    r = client.post("/v1/reconcile", json={"articles": arts})
    assert r.status_code == 200
    claims = [c for a in arts for c in reconcile.extract_claims(Article.model_validate(a))]
    assert [Claim.model_validate(c) for c in r.json()["claims"]] == claims
    assert len(r.json()["groups"]) == len(reconcile.reconcile(claims, window_days=3.0))



def _serve_and_read_log(tmp_path: Path, extra_env: dict[str, str]) -> str:
    """What a live ``reconcile serve`` wrote (uvicorn logs requests to stdout) while it answered three GET /health."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "RECONCILE_ACCESS_LOG"}}
    log = tmp_path / "serve.log"
    with open(log, "wb") as err:
        proc = subprocess.Popen([PYTHON, "-m", "reconcile.cli", "serve", "--port", str(port),
                                 "--db", str(tmp_path / "log.sqlite3")],
                                cwd=ROOT, env={**env, **extra_env}, stdout=err, stderr=err)
        try:
            answered = 0
            deadline = time.monotonic() + READY_TIMEOUT
            while answered < 3 and time.monotonic() < deadline and proc.poll() is None:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=10) as resp:
                        answered += resp.status == 200
                except OSError:
                    time.sleep(0.2)
            assert answered == 3, log.read_text(errors="replace")[-2000:]
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(30)
    return log.read_text(encoding="utf-8", errors="replace")


@pytest.mark.slow
def test_access_log_is_on_by_default_and_off_with_the_setting(tmp_path):
    assert _serve_and_read_log(tmp_path, {}).count('"GET /health HTTP/1.1" 200') >= 3
    quiet = _serve_and_read_log(tmp_path, {"RECONCILE_ACCESS_LOG": "false"})
    assert "Application startup complete" in quiet  # the server log itself is still there
    assert "GET /health" not in quiet


def test_each_worker_extracts_once_at_startup_before_its_first_request(tmp_path, monkeypatch):
    import api.app
    from api.settings import Settings

    warmed: list[int] = []
    monkeypatch.setattr(api.app, "_warm_up", lambda: warmed.append(1))
    app = api.app.create_app(Settings(db=tmp_path / "warm.sqlite3"))
    assert warmed == []
    with TestClient(app) as client:  # uvicorn runs the lifespan the same way
        assert warmed == [1]
        assert client.get("/health").status_code == 200
    assert warmed == [1]


def test_warm_up_is_a_real_extraction(monkeypatch):
    import api.app

    seen: list[int] = []
    real = api.app.extract_claims
    monkeypatch.setattr(api.app, "extract_claims", lambda article: seen.append(len(real(article))))
    api.app._warm_up()
    assert seen and seen[0] >= 2  # the seed's first half has several figures


def test_served_app_freezes_start_up_objects_after_the_warm_up(tmp_path, monkeypatch):
    """``reconcile serve``'s factory freezes what start-up left alive (after the warm-up), so full
    collections stop walking it; an app built for tests does not (each test process builds many)."""
    import gc

    import api.app
    from api.settings import Settings

    steps: list[str] = []
    monkeypatch.setattr(api.app, "_warm_up", lambda: steps.append("warm-up"))
    monkeypatch.setattr(api.app, "_freeze_start_up_objects", lambda: steps.append("freeze"))
    with TestClient(api.app.create_app(Settings(db=tmp_path / "plain.sqlite3"))):
        assert steps == ["warm-up"]
    steps.clear()
    monkeypatch.setenv("RECONCILE_DB", str(tmp_path / "served.sqlite3"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    api.app.get_settings.cache_clear()
    try:
        with TestClient(api.app.serve_app()) as client:
            assert steps == ["warm-up", "freeze"]
            assert client.get("/health").json()["status"] == "ok"
    finally:
        api.app.get_settings.cache_clear()
    monkeypatch.undo()  # the real freeze, in a child process so this one's collector is left alone
    script = ("import gc, api.app; api.app._freeze_start_up_objects(); "
              "print(gc.get_freeze_count() > 10000, len(gc.get_objects()) < 1000)")
    frozen = subprocess.run([PYTHON, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert frozen.stdout.split() == ["True", "True"]
    assert gc.get_freeze_count() == 0
