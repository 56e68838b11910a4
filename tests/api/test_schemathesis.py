"""Schemathesis over every endpoint of the OpenAPI schema: no 5xx, responses match the schema.

Bounded (a few examples an operation, no deadline) so the suite stays fast; the store is a real
SQLite file in tmp_path, seeded first so that reads find something.  Keys are configured, reads
protected too, so schemathesis also checks that a missing or wrong key is refused everywhere.  The operations are walked
in one test (schemathesis' lazy pytest fixture loader does not run under this pytest)."""

from __future__ import annotations

import warnings

import schemathesis
from apihelpers import seed_incoming, stand_in_regroup
from hypothesis import HealthCheck, given, settings

from api.app import create_app
from api.settings import Settings

MAX_EXAMPLES = 12
KEY = "fuzz-key"
EXPECTED_OPERATIONS = 11


def test_every_endpoint_against_its_schema(tmp_path):
    app = create_app(Settings(db=tmp_path / "fuzz.sqlite3", max_batch=5,
                              api_keys=[KEY], protect_reads=True))
    app.state.store.put_articles(seed_incoming(), regroup=stand_in_regroup)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    failures: dict[str, str] = {}
    seen = []
    for result in schema.get_all_operations():
        operation = result.ok()
        seen.append(operation.label)

        @given(case=operation.as_strategy())
        @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case):
            if case.query:  # an opaque cursor is only valid as the server made it: fuzzed below
                case.query.pop("cursor", None)
            response = case.call_and_validate(headers={"X-API-Key": KEY})
            assert response.status_code < 500, response.text

        try:
            check()
        except Exception as exc:  # noqa: BLE001 - collect every operation's failure, then report them all
            failures[operation.label] = f"{type(exc).__name__}: {exc}"[:2000]
    app.state.store.close()
    assert len(seen) == EXPECTED_OPERATIONS, seen
    assert not failures, "\n\n".join(f"{k}\n{v}" for k, v in failures.items())


def test_any_cursor_string_is_a_clean_422_or_a_page(tmp_path):
    from apihelpers import TestClient
    from hypothesis import strategies as st

    app = create_app(Settings(db=tmp_path / "cursor.sqlite3"))
    app.state.store.put_articles(seed_incoming(), regroup=stand_in_regroup)
    client = TestClient(app, raise_server_exceptions=False)

    @given(cursor=st.text(max_size=60) | st.binary(max_size=45).map(
        lambda b: __import__("base64").urlsafe_b64encode(b).decode()))
    @settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def check(cursor):
        for path in ("/v1/articles", "/v1/claims", "/v1/discrepancies"):
            r = client.get(path, params={"cursor": cursor})
            assert r.status_code in (200, 422), r.text
            if r.status_code == 422:
                assert r.json()["error"]["code"] in {"invalid_input", "validation_error"}

    check()
    app.state.store.close()
