"""POST/GET/DELETE /v1/articles over the real app and a real store: a SQLite file, then a PostgreSQL database."""

from __future__ import annotations

import pytest
from apihelpers import client_fixture, make_client_any_store_fixture, seed_incoming, stand_in_regroup  # noqa: F401
from pghelpers import pg_cluster_fixture, store_url_fixture  # noqa: F401  (fixtures)


@pytest.fixture(name="make_client")
def make_client_on_each_backend(make_client_any_store):
    """Every test here runs on SQLite and on PostgreSQL."""
    return make_client_any_store


ONE = {"id": "abc-kyiv", "text": "Budanov said nearly 11,000 North Korean troops are in Russia.",
       "source": "ABC News", "url": "https://abcnews.example/kyiv", "published": "2024-10-21",
       "title": "Austin in Kyiv"}


def test_post_one_article_is_stored_and_returned_with_its_id(client):
    r = client.post("/v1/articles", json=ONE)
    assert r.status_code == 201
    body = r.json()
    [stored] = body["articles"]
    assert stored["id"] == "abc-kyiv" and stored["revision"] == 1 and stored["status"] == "created"
    assert stored["n_claims"] == len(stored["claim_ids"])
    assert isinstance(body["discrepancies"], list)
    got = client.get("/v1/articles/abc-kyiv").json()
    assert got["text"] == ONE["text"] and got["source"] == "ABC News" and got["published"] == "2024-10-21"
    assert got["title"] == "Austin in Kyiv" and got["url"] == ONE["url"]
    assert [r["revision"] for r in got["revisions"]] == [1] and got["current"] is True


def test_same_article_twice_is_stored_once(client):
    assert client.post("/v1/articles", json=ONE).status_code == 201
    again = client.post("/v1/articles", json=ONE)
    assert again.status_code == 200
    assert again.json()["articles"][0]["status"] == "unchanged"
    assert client.get("/v1/articles").json()["total"] == 1


def test_same_text_without_id_is_stored_once_by_content_hash(client):
    body = {"text": "Rescuers found 42 survivors.", "source": "Wire"}
    first = client.post("/v1/articles", json=body).json()["articles"][0]
    second = client.post("/v1/articles", json=body).json()["articles"][0]
    assert second["status"] == "unchanged" and second["id"] == first["id"]
    assert client.get("/v1/articles").json()["total"] == 1


def test_same_text_from_two_outlets_without_ids_is_kept_twice(client):
    """Regression: the derived id came from the text alone, so the second outlet's copy was answered
    'unchanged' and never stored (the README promises both are kept)."""
    text = "Rescuers found 42 survivors in the rubble."
    first = client.post("/v1/articles", json={"text": text, "source": "Wire"}).json()["articles"][0]
    second = client.post("/v1/articles", json={"text": text, "source": "Other Post"}).json()["articles"][0]
    assert (first["status"], second["status"]) == ("created", "created") and first["id"] != second["id"]
    same_outlet = client.post("/v1/articles", json={"text": text, "source": "WIRE"}).json()["articles"][0]
    assert same_outlet["status"] == "unchanged" and same_outlet["id"] == first["id"]
    no_outlet = client.post("/v1/articles", json={"text": text}).json()["articles"][0]
    assert no_outlet["status"] == "unchanged"  # names no outlet: the stored copy it matches
    both = client.post("/v1/articles", json={"articles": [{"text": text + " Later.", "source": "A"},
                                                          {"text": text + " Later.", "source": "B"}]})
    assert [a["status"] for a in both.json()["articles"]] == ["created", "created"]
    assert client.get("/v1/articles").json()["total"] == 4


def test_text_posted_without_id_finds_the_article_stored_with_an_id(client):
    client.post("/v1/articles", json=ONE)
    again = client.post("/v1/articles", json={"text": ONE["text"]}).json()["articles"][0]
    assert again == {**again, "id": "abc-kyiv", "status": "unchanged"}


def test_changed_text_under_the_same_id_is_a_new_revision_and_history_is_kept(client):
    client.post("/v1/articles", json=ONE)
    changed = {**ONE, "text": ONE["text"].replace("11,000", "12,000")}
    r = client.post("/v1/articles", json=changed)
    assert r.status_code == 201
    assert r.json()["articles"][0] | {"claim_ids": None, "group_ids": None, "n_claims": None} == {
        "id": "abc-kyiv", "revision": 2, "status": "revised", "content_hash": r.json()["articles"][0]["content_hash"],
        "claim_ids": None, "group_ids": None, "n_claims": None}
    current = client.get("/v1/articles/abc-kyiv").json()
    assert current["revision"] == 2 and "12,000" in current["text"]
    assert [(x["revision"], x["current"]) for x in current["revisions"]] == [(1, False), (2, True)]
    old = client.get("/v1/articles/abc-kyiv", params={"revision": 1}).json()
    assert old["revision"] == 1 and old["current"] is False and "11,000" in old["text"]
    assert client.get("/v1/articles").json()["total"] == 1
    assert client.get("/v1/articles/abc-kyiv", params={"revision": 3}).status_code == 404


def test_changed_text_under_the_same_url_without_id_is_a_new_revision(client):
    first = client.post("/v1/articles", json={"text": "12 dead.", "url": "https://x.example/a"}).json()
    second = client.post("/v1/articles", json={"text": "14 dead.", "url": "https://x.example/a"}).json()
    a, b = first["articles"][0], second["articles"][0]
    assert a["id"] == b["id"] and (a["revision"], b["revision"]) == (1, 2) and b["status"] == "revised"
    # the URL also finds an article first stored under an explicit id
    client.post("/v1/articles", json=ONE)
    r = client.post("/v1/articles", json={"text": "changed", "url": ONE["url"]}).json()["articles"][0]
    assert (r["id"], r["revision"]) == ("abc-kyiv", 2)


def test_revision_history_keeps_old_claims(client):
    store = client.app.state.store
    [doc] = seed_incoming()[:1]
    store.put_articles([doc], regroup=stand_in_regroup)
    changed_text = doc.article.text.replace("11,000", "12,000")
    new = type(doc)(article=doc.article.model_copy(update={"text": changed_text}),
                    claims=[c.model_copy(update={"value": 12000.0, "low": 12000.0, "high": 12000.0, "text": "12,000"})
                            for c in doc.claims], block_keys=doc.block_keys)
    store.put_articles([new], regroup=stand_in_regroup)
    current = client.get("/v1/claims", params={"article": "abc-1"}).json()
    assert [c["value"] for c in current["items"]] == [12000.0]
    history = client.get("/v1/claims", params={"article": "abc-1", "history": True}).json()
    assert sorted((c["revision"], c["value"], c["current"]) for c in history["items"]) == [
        (1, 11000.0, False), (2, 12000.0, True)]
    old = client.get("/v1/articles/abc-1", params={"revision": 1}).json()
    assert [c["value"] for c in old["claims"]] == [11000.0]


def test_batch_stores_every_article(client):
    batch = {"articles": [ONE, {"text": "The toll rose to 95.", "source": "Wire", "published": "2024-11-01"}]}
    r = client.post("/v1/articles", json=batch)
    assert r.status_code == 201
    assert [a["status"] for a in r.json()["articles"]] == ["created", "created"]
    assert client.get("/v1/articles").json()["total"] == 2


def test_duplicate_inside_a_batch_is_stored_once(client):
    r = client.post("/v1/articles", json={"articles": [ONE, ONE]})
    assert r.status_code == 201 and len(r.json()["articles"]) == 1
    assert client.get("/v1/articles").json()["total"] == 1


def test_one_id_with_two_texts_in_a_batch_is_a_409(client):
    r = client.post("/v1/articles", json={"articles": [ONE, {**ONE, "text": "other"}]})
    assert r.status_code == 409 and r.json()["error"]["code"] == "conflict"
    assert client.get("/v1/articles").json()["total"] == 0


def test_list_filters_on_source_and_published_dates(client):
    docs = [("a", "ABC News", "2024-10-01"), ("b", "abc news", "2024-10-15"), ("c", "Wire", "2024-10-20"),
            ("d", "Wire", None)]
    for i, source, published in docs:
        client.post("/v1/articles", json={"id": i, "text": f"text {i}", "source": source, "published": published})

    def ids(**params):
        return [a["id"] for a in client.get("/v1/articles", params=params).json()["items"]]

    assert ids() == ["a", "b", "c", "d"]
    assert ids(source="ABC News") == ["a", "b"]
    assert ids(since="2024-10-15") == ["b", "c"]
    assert ids(until="2024-10-15") == ["a", "b"]
    assert ids(since="2024-10-02", until="2024-10-19", source="abc news") == ["b"]
    assert "text" not in client.get("/v1/articles").json()["items"][0]


def test_pagination_walks_every_article_exactly_once(client):
    for i in range(7):
        client.post("/v1/articles", json={"id": f"art-{i}", "text": f"article number {i}"})
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 3} | ({"cursor": cursor} if cursor else {})
        page = client.get("/v1/articles", params=params).json()
        assert page["total"] == 7
        seen += [a["id"] for a in page["items"]]
        pages += 1
        cursor = page["next"]
        if cursor is None:
            break
    assert seen == [f"art-{i}" for i in range(7)] and pages == 3


def test_ids_with_slashes_work_in_the_path(client):
    client.post("/v1/articles", json={"id": "seeds/abc-austin-kyiv.txt", "text": "A 3 km walk."})
    assert client.get("/v1/articles/seeds/abc-austin-kyiv.txt").json()["id"] == "seeds/abc-austin-kyiv.txt"
    assert client.delete("/v1/articles/seeds/abc-austin-kyiv.txt").status_code == 200


def test_unknown_article_is_404(client):
    r = client.get("/v1/articles/nope")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    assert client.delete("/v1/articles/nope").status_code == 404


def test_delete_removes_the_article_and_its_claims_from_every_group(client):
    store = client.app.state.store
    store.put_articles(seed_incoming(), regroup=stand_in_regroup)
    before = client.get("/v1/discrepancies").json()
    assert "g-north-korean-troop-2" in [g["group_id"] for g in before["items"]]
    r = client.delete("/v1/articles/wire-2")
    assert r.status_code == 200 and r.json() == {"id": "wire-2", "deleted": True, "n_claims": 1}
    assert client.get("/v1/articles/wire-2").status_code == 404
    assert client.get("/v1/claims", params={"article": "wire-2", "history": True}).json()["total"] == 0
    groups = client.get("/v1/discrepancies").json()["items"]
    assert all("Example Wire" not in g["sources"] for g in groups)
    assert "g-north-korean-troop-2" not in [g["group_id"] for g in groups]
    assert client.get("/v1/discrepancies/g-north-korean-troop-2").status_code == 404
    # the groups of other blocks were not touched
    assert {g["group_id"] for g in groups} == {"g-death-2", "g-litre-2"}
    assert client.delete("/v1/articles/wire-2").status_code == 404


def test_same_text_from_another_outlet_is_another_article_but_same_outlet_is_not(client):
    text = "The agency said 1,500 troops crossed the border."
    a = client.post("/v1/articles", json={"id": "wire-1", "text": text, "source": "AP"}).json()["articles"][0]
    b = client.post("/v1/articles", json={"id": "copy-1", "text": text, "source": "Daily"}).json()["articles"][0]
    c = client.post("/v1/articles", json={"id": "copy-2", "text": text, "source": "ap"}).json()["articles"][0]
    assert (a["status"], b["status"], c["status"]) == ("created", "created", "unchanged")
    assert c["id"] == "wire-1" and b["id"] == "copy-1"
    assert client.get("/v1/articles").json()["total"] == 2


def test_text_first_posted_without_id_is_not_stored_again_with_an_id(client):
    text = "Rescuers found 42 survivors."
    first = client.post("/v1/articles", json={"text": text}).json()["articles"][0]
    again = client.post("/v1/articles", json={"id": "mine", "text": text, "source": "Wire"}).json()["articles"][0]
    assert again["status"] == "unchanged" and again["id"] == first["id"]


def test_an_unchanged_repost_is_not_extracted_again(client, monkeypatch):
    import reconcile

    calls = []
    real = reconcile.extract_claims

    def counting(article):
        calls.append(article.id)
        return real(article)

    monkeypatch.setattr(reconcile, "extract_claims", counting)
    first = client.post("/v1/articles", json=ONE).json()["articles"][0]
    again = client.post("/v1/articles", json=ONE).json()["articles"][0]
    assert calls == ["abc-kyiv"]
    assert again["status"] == "unchanged" and again["claim_ids"] == first["claim_ids"]


def test_an_article_changed_between_check_and_write_is_extracted_and_written(client, monkeypatch):
    """The race: the lookup says 'already stored', then another writer deletes it before our write."""
    from api import service
    from api.schemas import ArticleIn
    from reconcile.store import service as store_service
    from reconcile.store.base import StaleIncoming

    store = client.app.state.store
    client.post("/v1/articles", json=ONE)
    article, given = service.to_article(ArticleIn(**ONE))
    stale = store_service.incoming(article, given, store)
    assert stale.expect_unchanged and stale.claims == []
    client.delete("/v1/articles/abc-kyiv")  # the other writer
    with pytest.raises(StaleIncoming):
        store.put_articles([stale], regroup=store_service.regroup_with(3.0))
    assert client.get("/v1/articles").json()["total"] == 0  # rolled back, nothing half-written
    # through the service, the stale answer is retried with a real extraction
    monkeypatch.setattr(store, "stored_as", lambda a, id_given: (a.id, a.content_hash))
    result = service.store_articles(store, [ArticleIn(**ONE)], window_days=3.0)
    [stored] = result.articles
    assert stored.status == "created"
    import reconcile

    assert stored.n_claims == len(reconcile.extract_claims(article))
