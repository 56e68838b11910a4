"""POST /v1/extract and POST /v1/reconcile: the pipeline over HTTP, nothing stored; and /health."""

from __future__ import annotations

from apihelpers import client_fixture, make_client_fixture  # noqa: F401  (fixtures)

import reconcile
from reconcile.models import Article, Claim, Group

SEED_PART = ("Lt. Gen. Kyrylo Budanov said there are now “nearly 11,000 North Korean infantry troops training in "
             "eastern Russia to fight in Ukraine.”")


def test_extract_returns_exactly_the_pipeline_claims(client):
    body = {"id": "abc", "text": SEED_PART, "source": "ABC News", "published": "2024-10-21"}
    r = client.post("/v1/extract", json=body)
    assert r.status_code == 200 and set(r.json()) == {"claims"}
    claims = [Claim.model_validate(c) for c in r.json()["claims"]]
    assert claims == reconcile.extract_claims(Article.model_validate(body))
    for c in claims:
        assert SEED_PART[c.start:c.end] == c.text and c.article_id == "abc"
    assert client.get("/v1/articles").json()["total"] == 0  # nothing stored


def test_extract_without_id_uses_a_derived_id(client):
    r = client.post("/v1/extract", json={"text": SEED_PART})
    assert r.status_code == 200
    assert all(c["article_id"].startswith("sha-") for c in r.json()["claims"])


def test_reconcile_returns_the_pipeline_groups_for_these_articles_only(client):
    arts = [{"id": "a", "text": SEED_PART, "source": "ABC News", "published": "2024-10-21"},
            {"id": "b", "text": "South Korea’s spy agency warned last week that 1,500 North Korean soldiers were "
                                "already inside Russia.", "source": "Wire", "published": "2024-10-21"}]
    r = client.post("/v1/reconcile", json={"articles": arts, "window_days": 5})
    assert r.status_code == 200 and set(r.json()) == {"claims", "groups"}
    claims = [c for a in arts for c in reconcile.extract_claims(Article.model_validate(a))]
    assert [Claim.model_validate(c) for c in r.json()["claims"]] == claims
    expected = reconcile.reconcile(claims, window_days=5)
    assert [Group.model_validate(g) for g in r.json()["groups"]] == expected
    assert client.get("/v1/articles").json()["total"] == 0


def test_reconcile_needs_at_least_one_article(client):
    assert client.post("/v1/reconcile", json={"articles": []}).status_code == 422


def test_health_reports_store_and_version(client):
    r = client.get("/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["version"] == reconcile.__version__
    assert body["store"]["backend"] == "sqlite" and body["store"]["schema_version"] >= 1
    client.post("/v1/articles", json={"text": "A 5 km run."})
    assert client.get("/health").json()["store"]["articles"] == 1


def test_health_is_503_when_the_store_is_gone(client, tmp_path):
    store = client.app.state.store
    store.close()
    (tmp_path / "store.sqlite3").unlink()
    (tmp_path / "store.sqlite3").mkdir()  # the file is now a folder: unreachable
    r = client.get("/health")  # no sqlite3 exception escapes
    assert r.status_code == 503 and r.json()["error"]["code"] == "store_error"


def test_openapi_documents_every_endpoint_with_examples(client):
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    expected = {("post", "/v1/extract"), ("post", "/v1/reconcile"), ("post", "/v1/articles"),
                ("get", "/v1/articles"), ("get", "/v1/articles/{article_id}"), ("delete", "/v1/articles/{article_id}"),
                ("get", "/v1/claims"), ("get", "/v1/discrepancies"), ("get", "/v1/discrepancies/{group_id}"),
                ("get", "/v1/discrepancies/{group_id}/claimreview"), ("get", "/health")}
    assert {(m, p) for p, ops in paths.items() for m in ops} == expected
    for method, path in expected:
        if method == "post":
            content = paths[path][method]["requestBody"]["content"]["application/json"]
            assert content.get("examples"), path
            assert "11,000" in json_dump(content["examples"])
    assert schema["components"]["securitySchemes"]["ApiKey"]["name"] == "X-API-Key"


def json_dump(value):
    import json

    return json.dumps(value, ensure_ascii=False)
