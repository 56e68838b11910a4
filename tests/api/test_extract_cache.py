"""The per-worker cache of POST /v1/extract answers: the same article gets the same bytes without a
second extraction; any changed field is a different article; the bounds hold; 0 entries turns it off."""

from __future__ import annotations

import doctest
import warnings

from apihelpers import client_fixture, make_client_fixture  # noqa: F401  (fixtures)
from fastapi import FastAPI

import api.extract_cache
import reconcile
from api.routes import extract as extract_route
from api.schemas import ExtractResponse
from reconcile.models import Article, Claim

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

STORY = {"id": "wire-1", "text": "Officials said about 4,300 people had been evacuated from 12 towns since Friday, "
         "and 600 soldiers were deployed.", "source": "Example Wire", "published": "2024-09-16"}


def test_doctests():
    result = doctest.testmod(api.extract_cache)
    assert result.failed == 0 and result.attempted > 0


def _count_extractions(monkeypatch) -> list[int]:
    calls = [0]
    real = extract_route.extract_claims

    def counting(article: Article) -> list[Claim]:
        calls[0] += 1
        return real(article)

    monkeypatch.setattr(extract_route, "extract_claims", counting)
    return calls


def test_the_same_article_again_is_answered_from_the_cache(client, monkeypatch):
    calls = _count_extractions(monkeypatch)
    first = client.post("/v1/extract", json=STORY)
    again = client.post("/v1/extract", json=STORY)
    assert first.status_code == again.status_code == 200
    assert again.content == first.content and again.headers["content-type"] == "application/json"
    assert calls[0] == 1
    cache = client.app.state.extract_cache
    assert (cache.hits, cache.misses, len(cache)) == (1, 1, 1)
    claims = [Claim.model_validate(c) for c in again.json()["claims"]]
    assert claims == reconcile.extract_claims(Article.model_validate(STORY))


def test_any_changed_field_is_another_article(client, monkeypatch):
    calls = _count_extractions(monkeypatch)
    client.post("/v1/extract", json=STORY)
    other = client.post("/v1/extract", json={**STORY, "source": "Other Wire"})
    undated = client.post("/v1/extract", json={k: v for k, v in STORY.items() if k != "published"})
    assert calls[0] == 3
    assert {c["source"] for c in other.json()["claims"]} == {"Other Wire"}
    assert {c["published"] for c in undated.json()["claims"]} == {None}


def test_zero_entries_turns_the_cache_off(make_client, monkeypatch):
    client = make_client(extract_cache_entries=0)
    calls = _count_extractions(monkeypatch)
    answers = [client.post("/v1/extract", json=STORY).content for _ in range(3)]
    assert calls[0] == 3 and len(set(answers)) == 1 and len(client.app.state.extract_cache) == 0


def test_the_byte_bound_holds(make_client):
    one_answer = len(make_client().post("/v1/extract", json=STORY).content)
    client = make_client(extract_cache_bytes=one_answer * 2 + 10)
    for k in range(5):
        assert client.post("/v1/extract", json={**STORY, "id": f"wire-{k}"}).status_code == 200
    cache = client.app.state.extract_cache
    assert len(cache) == 2 and cache.nbytes <= one_answer * 2 + 10


def test_answer_bytes_are_what_fastapi_would_serialise(client):
    body = client.post("/v1/extract", json=STORY)
    plain = FastAPI()
    answer = ExtractResponse.model_validate_json(body.content)

    @plain.get("/x", response_model=ExtractResponse)
    async def x() -> ExtractResponse:
        return answer

    assert TestClient(plain).get("/x").content == body.content
