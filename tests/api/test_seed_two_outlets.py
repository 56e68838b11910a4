"""The seed article posted in two halves by two outlets: the troop-count conflict appears across
articles, with both sources; the incremental store agrees with a one-shot reconcile."""

from __future__ import annotations

from pathlib import Path

import pytest
from apihelpers import ROOT, client_fixture, make_client_fixture  # noqa: F401  (fixtures)

from reconcile.ingest import parse_txt

SEED = ROOT / "seeds" / "abc-austin-kyiv-2024-10-21.txt"


def halves() -> list[dict]:
    seed = parse_txt(Path(SEED).read_text(encoding="utf-8"), "seed")
    cut = seed.text.index("South Korea")  # Budanov's 11,000 in the first half, the 1,500 in the second
    return [
        {"id": "abc-part-1", "text": seed.text[:cut], "source": "ABC News", "published": "2024-10-21",
         "url": "https://abcnews.go.com/International/austin-kyiv-visit", "title": seed.title},
        {"id": "wire-part-2", "text": seed.text[cut:], "source": "Example Wire", "published": "2024-10-21",
         "url": "https://wire.example/north-korean-troops"},
    ]


def troop_conflict(groups: list[dict]) -> dict:
    found = [g for g in groups if g["verdict"] == "conflict" and g["min"] == 1500 and g["max"] == 11000]
    assert len(found) == 1, [(g["verdict"], g["summary"]) for g in groups]
    return found[0]


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_seed_in_two_halves_gives_the_troop_conflict_across_outlets(client, order):
    parts = halves()
    first = client.post("/v1/articles", json=parts[order[0]])
    second = client.post("/v1/articles", json=parts[order[1]])
    assert (first.status_code, second.status_code) == (201, 201)
    # the second post reports the discrepancy it creates against what was stored before
    joined = troop_conflict(second.json()["discrepancies"])
    assert {c["source"] for c in joined["claims"]} == {"ABC News", "Example Wire"}
    listed = troop_conflict(client.get("/v1/discrepancies", params={"verdict": "conflict"}).json()["items"])
    assert listed["sources"] == ["ABC News", "Example Wire"] and listed["n_sources"] == 2
    detail = client.get(f"/v1/discrepancies/{listed['group_id']}").json()
    sides = {(c["value"], c["source"], c["speaker"], c["article_id"]) for c in detail["claims"]}
    assert sides == {(11000.0, "ABC News", "Kyrylo Budanov", "abc-part-1"),
                     (1500.0, "Example Wire", "South Korea's spy agency", "wire-part-2")}
    for c in detail["claims"]:
        text = client.get(f"/v1/articles/{c['article_id']}").json()["text"]
        assert text[c["start"]:c["end"]] == c["text"]
    review = client.get(f"/v1/discrepancies/{listed['group_id']}/claimreview").json()
    assert "11,000" in review["reviewBody"] and "1,500" in review["reviewBody"]


def test_incremental_groups_equal_a_one_shot_reconcile(client):
    parts = halves()
    for part in parts:
        client.post("/v1/articles", json=part)
    stored = client.get("/v1/discrepancies", params={"limit": 500}).json()["items"]
    one_shot = client.post("/v1/reconcile", json={"articles": parts}).json()["groups"]
    expected = [g for g in one_shot if g["n_claims"] >= 2]
    assert [(g["group_id"], g["verdict"], g["summary"]) for g in stored] == [
        (g["group_id"], g["verdict"], g["summary"]) for g in expected]
    # deleting one half removes its claims from every group, and the conflict with it
    client.delete("/v1/articles/wire-part-2")
    left = client.get("/v1/discrepancies", params={"limit": 500}).json()["items"]
    assert all(g["sources"] == ["ABC News"] for g in left)
    assert not [g for g in left if g["min"] == 1500]
