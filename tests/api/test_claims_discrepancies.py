"""GET /v1/claims and /v1/discrepancies: every filter, pagination, CSV, detail, ClaimReview.

The store is filled through its own interface with hand-made claims and a stand-in grouper, so
these tests pin the API's filters whatever the extraction finds; the real pipeline is exercised
by the POST tests and the seed test."""

from __future__ import annotations

import csv
import io

import pytest
from apihelpers import client_fixture, make_client_any_store_fixture, seed_incoming, stand_in_regroup  # noqa: F401
from pghelpers import pg_cluster_fixture, store_url_fixture  # noqa: F401  (fixtures)

from reconcile.models import DISCREPANCY_CLAIM_COLUMNS, ClaimRow, DiscrepancyRow


@pytest.fixture(name="make_client")
def make_client_on_each_backend(make_client_any_store):
    """Every test here runs on SQLite and on PostgreSQL."""
    return make_client_any_store


@pytest.fixture
def seeded(client):
    client.app.state.store.put_articles(seed_incoming(), regroup=stand_in_regroup)
    return client


def claim_values(client, **params):
    page = client.get("/v1/claims", params=params)
    assert page.status_code == 200, page.text
    return sorted(c["value"] for c in page.json()["items"])


def group_ids(client, **params):
    page = client.get("/v1/discrepancies", params=params)
    assert page.status_code == 200, page.text
    return [g["group_id"] for g in page.json()["items"]]


def test_claims_filters(seeded):
    assert claim_values(seeded) == [40, 200, 215, 491, 491, 1500, 11000]
    assert claim_values(seeded, article="post-4") == [40, 215, 491]
    assert claim_values(seeded, counted="korean") == [1500, 11000]
    assert claim_values(seeded, counted="DEATH") == [200, 215]
    assert claim_values(seeded, speaker="budanov") == [11000]
    assert claim_values(seeded, speaker="spy agency") == [1500]
    assert claim_values(seeded, kind="percent") == [40]
    assert claim_values(seeded, kind="measure") == [491, 491]
    assert claim_values(seeded, since="2024-10-21") == [40, 200, 215, 491, 491, 11000]
    assert claim_values(seeded, until="2024-10-20") == [1500]
    assert claim_values(seeded, since="2024-10-19", until="2024-10-22") == [11000]
    assert claim_values(seeded, counted="100%") == []


def test_claims_carry_their_discrepancy(seeded):
    items = seeded.get("/v1/claims", params={"article": "abc-1"}).json()["items"]
    assert [(c["group_id"], c["verdict"]) for c in items] == [("g-north-korean-troop-2", "conflict")]
    lone = seeded.get("/v1/claims", params={"kind": "percent"}).json()["items"]
    assert [(c["group_id"], c["verdict"]) for c in lone] == [(None, None)]


def test_claims_pagination(seeded):
    seen, cursor = [], None
    while True:
        page = seeded.get("/v1/claims", params={"limit": 2} | ({"cursor": cursor} if cursor else {})).json()
        assert page["total"] == 7 and len(page["items"]) <= 2
        seen += [c["claim_id"] for c in page["items"]]
        if not (cursor := page["next"]):
            break
    assert len(seen) == len(set(seen)) == 7


def test_claims_csv_has_the_claims_csv_columns(seeded):
    r = seeded.get("/v1/claims", params={"format": "csv", "counted": "korean"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.text)))
    assert rows[0] == list(ClaimRow.model_fields)
    assert sorted(row[rows[0].index("value")] for row in rows[1:]) == ["11000", "1500"]


def test_discrepancies_sorted_by_severity(seeded):
    page = seeded.get("/v1/discrepancies").json()
    assert page["total"] == 3 and page["next"] is None
    assert [g["group_id"] for g in page["items"]] == ["g-north-korean-troop-2", "g-death-2", "g-litre-2"]
    severities = [g["severity"] for g in page["items"]]
    assert severities == sorted(severities, reverse=True)
    top = page["items"][0]
    assert top["sources"] == ["ABC News", "Example Wire"]
    assert (top["first_date"], top["last_date"]) == ("2024-10-18", "2024-10-21")


def test_discrepancies_filters(seeded):
    assert group_ids(seeded, verdict="consistent") == ["g-litre-2"]
    assert group_ids(seeded, verdict=["conflict", "consistent"]) == ["g-north-korean-troop-2", "g-death-2",
                                                                      "g-litre-2"]
    assert group_ids(seeded, verdict="evolving") == []
    assert group_ids(seeded, q="korean") == ["g-north-korean-troop-2"]
    assert group_ids(seeded, quantity="LITRE") == ["g-litre-2"]
    assert group_ids(seeded, counted="death") == ["g-death-2"]
    assert group_ids(seeded, min_spread=1.05) == ["g-north-korean-troop-2", "g-death-2"]
    assert group_ids(seeded, min_spread=2) == ["g-north-korean-troop-2"]
    assert group_ids(seeded, since="2024-10-22") == ["g-death-2", "g-litre-2"]
    assert group_ids(seeded, until="2024-10-19") == ["g-north-korean-troop-2"]
    assert group_ids(seeded, since="2024-10-19", until="2024-10-19") == ["g-north-korean-troop-2"]
    assert group_ids(seeded, verdict="conflict", since="2024-11-01") == ["g-death-2"]


def test_discrepancies_pagination(seeded):
    first = seeded.get("/v1/discrepancies", params={"limit": 2}).json()
    assert len(first["items"]) == 2 and first["total"] == 3 and first["next"]
    second = seeded.get("/v1/discrepancies", params={"limit": 2, "cursor": first["next"]}).json()
    assert [g["group_id"] for g in second["items"]] == ["g-litre-2"] and second["next"] is None


def test_bad_cursor_is_a_422(seeded):
    for path in ("/v1/discrepancies", "/v1/claims", "/v1/articles"):
        r = seeded.get(path, params={"cursor": "not-a-cursor"})
        assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_input"


def test_discrepancies_csv_has_the_discrepancies_csv_columns(seeded):
    r = seeded.get("/v1/discrepancies", params={"format": "csv", "limit": 1})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.text)))
    assert rows[0] == list(DiscrepancyRow.model_fields)
    assert [row[0] for row in rows[1:]] == ["g-north-korean-troop-2", "g-death-2", "g-litre-2"]  # no paging


def test_discrepancy_detail_has_every_side_with_provenance(seeded):
    g = seeded.get("/v1/discrepancies/g-north-korean-troop-2").json()
    assert g["verdict"] == "conflict" and g["n_claims"] == 2
    sides = {(c["source"], c["speaker"], c["value"], c["article_id"], c["published"]) for c in g["claims"]}
    assert sides == {("ABC News", "Kyrylo Budanov", 11000.0, "abc-1", "2024-10-21"),
                     ("Example Wire", "South Korea's spy agency", 1500.0, "wire-2", "2024-10-18")}
    assert all(c["url"] and c["sentence"] and c["end"] > c["start"] for c in g["claims"])


def test_discrepancy_detail_csv_has_the_discrepancy_claims_columns(seeded):
    r = seeded.get("/v1/discrepancies/g-death-2", params={"format": "csv"})
    rows = list(csv.reader(io.StringIO(r.text)))
    assert rows[0] == DISCREPANCY_CLAIM_COLUMNS
    assert sorted((row[0], row[rows[0].index("outlet")]) for row in rows[1:]) == [
        ("g-death-2", "Daily Example"), ("g-death-2", "Other Post")]


def test_unknown_discrepancy_is_404(seeded):
    for path in ("/v1/discrepancies/nope", "/v1/discrepancies/nope/claimreview"):
        r = seeded.get(path)
        assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_claimreview_draft(seeded):
    r = seeded.get("/v1/discrepancies/g-north-korean-troop-2/claimreview")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    doc = r.json()
    assert doc["@context"] == "https://schema.org" and doc["@type"] == "ClaimReview"
    item = doc["itemReviewed"]
    assert item["@type"] == "Claim"
    first = seeded.get("/v1/discrepancies/g-north-korean-troop-2").json()["claims"][0]
    assert doc["claimReviewed"] == first["sentence"]
    assert item["author"]["name"] == first["speaker"]
    assert [a["url"] for a in item["appearance"]] == [first["url"]]
    assert item["appearance"][0]["datePublished"] == first["published"]
    assert "11,000" in doc["reviewBody"] and "1,500" in doc["reviewBody"]
    assert "Kyrylo Budanov" in doc["reviewBody"] and "South Korea's spy agency" in doc["reviewBody"]
    assert doc["reviewRating"]["@type"] == "Rating" and doc["reviewRating"]["alternateName"] is None
    other = next(c for c in seeded.get("/v1/discrepancies/g-north-korean-troop-2").json()["claims"] if c != first)
    chosen = seeded.get("/v1/discrepancies/g-north-korean-troop-2/claimreview",
                        params={"claim_id": other["claim_id"]}).json()
    assert chosen["itemReviewed"]["author"] == {"@type": "Organization", "name": "South Korea's spy agency"}
    assert seeded.get("/v1/discrepancies/g-north-korean-troop-2/claimreview",
                      params={"claim_id": "nope"}).status_code == 404
