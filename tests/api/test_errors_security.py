"""One error shape everywhere; API keys; body and batch limits; CORS; no file paths."""

from __future__ import annotations

import json

import pytest
from apihelpers import client_fixture, make_client_fixture  # noqa: F401  (fixtures)

import reconcile

ART = {"id": "a1", "text": "Rescuers found 42 survivors.", "source": "Wire"}


def assert_error(r, status, code):
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "details"}
    assert body["error"]["code"] == code and body["error"]["message"]
    assert "Traceback" not in r.text
    return body["error"]


def test_error_shape_for_every_kind_of_error(client):
    assert_error(client.get("/v1/nowhere"), 404, "not_found")
    assert_error(client.put("/v1/articles"), 405, "method_not_allowed")
    assert_error(client.get("/v1/articles/missing"), 404, "not_found")
    assert_error(client.get("/v1/discrepancies/missing"), 404, "not_found")
    err = assert_error(client.post("/v1/extract", json={"source": "x"}), 422, "validation_error")
    assert err["details"]["errors"][0]["loc"] == ["body", "text"]
    assert_error(client.post("/v1/extract", json={"text": "x", "published": "2024-13-45"}), 422,
                 "validation_error")
    assert_error(client.post("/v1/extract", json={"text": "x", "bogus": 1}), 422, "validation_error")
    assert_error(client.post("/v1/articles", content=b"{not json", headers={"content-type": "application/json"}),
                 422, "validation_error")
    assert_error(client.post("/v1/extract", content=b"text", headers={"content-type": "text/plain"}), 415,
                 "unsupported_media_type")
    assert_error(client.post("/v1/articles", data={"text": "x"}), 415, "unsupported_media_type")
    assert_error(client.get("/v1/claims", params={"limit": 0}), 422, "validation_error")
    assert_error(client.get("/v1/claims", params={"kind": "nonsense"}), 422, "validation_error")
    assert_error(client.get("/v1/discrepancies", params={"since": "yesterday"}), 422, "validation_error")


def test_unexpected_failure_is_a_500_without_traceback(client, monkeypatch):
    def broken(article):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(reconcile, "extract_claims", broken)
    err = assert_error(client.post("/v1/articles", json=ART), 500, "internal_error")
    assert "secret" not in json.dumps(err)


def test_reconcile_errors_map_to_their_status(client, monkeypatch):
    from reconcile.errors import UnitMismatch

    def refuse(article):
        raise UnitMismatch("cannot compare USD with EUR", units=["USD", "EUR"])

    monkeypatch.setattr(reconcile, "extract_claims", refuse)
    err = assert_error(client.post("/v1/articles", json=ART), 422, "unit_mismatch")
    assert err["details"] == {"units": ["USD", "EUR"]}


def test_writes_need_a_key_when_keys_are_set(make_client):
    client = make_client(api_keys=["k-one", "k-two"])
    assert_error(client.post("/v1/articles", json=ART), 401, "unauthorized")
    assert_error(client.post("/v1/articles", json=ART, headers={"X-API-Key": "wrong"}), 401, "unauthorized")
    assert client.post("/v1/articles", json=ART, headers={"X-API-Key": "k-two"}).status_code == 201
    assert_error(client.delete("/v1/articles/a1"), 401, "unauthorized")
    assert_error(client.delete("/v1/articles/a1", headers={"X-API-Key": "k-on"}), 401, "unauthorized")
    # reads stay open
    for path in ("/v1/articles", "/v1/articles/a1", "/v1/claims", "/v1/discrepancies", "/health"):
        assert client.get(path).status_code == 200, path
    assert client.post("/v1/extract", json=ART).status_code == 200
    assert client.delete("/v1/articles/a1", headers={"X-API-Key": "k-one"}).status_code == 200


def test_the_key_is_checked_before_the_body(make_client):
    client = make_client(api_keys=["k"])
    assert_error(client.post("/v1/articles", json={"nonsense": True}), 401, "unauthorized")


def test_keys_from_the_environment(monkeypatch, tmp_path):
    from api.settings import Settings

    monkeypatch.setenv("RECONCILE_API_KEYS", "alpha, beta")
    monkeypatch.setenv("RECONCILE_CORS_ORIGINS", "https://a.example,https://b.example")
    s = Settings(db=tmp_path / "x.sqlite3")
    assert s.api_keys == ["alpha", "beta"] and s.cors_origins == ["https://a.example", "https://b.example"]


def test_reads_can_be_protected(make_client):
    client = make_client(api_keys=["k"], protect_reads=True)
    assert_error(client.get("/v1/articles"), 401, "unauthorized")
    assert_error(client.get("/v1/discrepancies"), 401, "unauthorized")
    assert_error(client.post("/v1/extract", json=ART), 401, "unauthorized")
    assert client.get("/v1/articles", headers={"X-API-Key": "k"}).status_code == 200
    assert client.get("/health").status_code == 200


def test_body_over_the_limit_is_413_by_content_length(make_client):
    client = make_client(max_body_bytes=1000)
    err = assert_error(client.post("/v1/articles", json={"text": "x" * 2000}), 413, "payload_too_large")
    assert err["details"]["limit_bytes"] == 1000
    assert client.post("/v1/articles", json={"text": "x" * 500}).status_code == 201


def test_body_over_the_limit_is_413_when_streamed_without_length(make_client):
    client = make_client(max_body_bytes=1000)

    def chunks():
        for _ in range(10):
            yield b" " * 300  # JSON whitespace: a valid body if it were allowed through

    r = client.post("/v1/articles", content=chunks(), headers={"content-type": "application/json"})
    assert "content-length" not in {k.lower() for k in r.request.headers}
    assert_error(r, 413, "payload_too_large")


def test_default_body_limit_is_5_mb(client):
    assert client.app.state.settings.max_body_bytes == 5 * 1024 * 1024
    big = {"text": "y" * (5 * 1024 * 1024 + 10)}
    assert_error(client.post("/v1/extract", json=big), 413, "payload_too_large")


@pytest.mark.parametrize("path", ["/v1/articles", "/v1/reconcile"])
def test_too_many_articles_in_a_batch_is_413(make_client, path):
    client = make_client(max_batch=3)
    batch = {"articles": [{"id": f"a{i}", "text": f"{i} troops"} for i in range(4)]}
    err = assert_error(client.post(path, json=batch), 413, "payload_too_large")
    assert err["details"] == {"limit": 3, "got": 4}
    assert client.post(path, json={"articles": batch["articles"][:3]}).status_code in (200, 201)


def test_cors_is_closed_by_default(client):
    r = client.options("/v1/articles", headers={"Origin": "https://evil.example",
                                                "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in r.headers
    r = client.get("/v1/articles", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers


def test_cors_can_be_opened_to_listed_origins(make_client):
    client = make_client(cors_origins=["https://factcheck.example"])
    r = client.get("/v1/articles", headers={"Origin": "https://factcheck.example"})
    assert r.headers["access-control-allow-origin"] == "https://factcheck.example"
    r = client.get("/v1/articles", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers


def test_no_endpoint_takes_a_server_path(client):
    schema = client.get("/openapi.json").json()
    names = set()
    for ops in schema["paths"].values():
        for op in ops.values():
            names |= {p["name"].lower() for p in op.get("parameters", [])}
    for model in schema["components"]["schemas"].values():
        names |= {f.lower() for f in model.get("properties", {})}
    assert not names & {"path", "file", "filename", "filepath", "dir", "directory"}
    # a text that looks like a path is just text
    r = client.post("/v1/extract", json={"text": "/etc/passwd"})
    assert r.status_code == 200 and "root:" not in r.text
