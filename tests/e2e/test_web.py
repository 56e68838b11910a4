"""The fact-checker's page in a real browser (Debian's chromium) against the real app and a real SQLite file.

The seed (ABC News) and a wire story of our own (Meridian Wire) are pasted into the page the way a
person would; the tests then read what the page shows and compare it with what the JSON API says.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from e2e_live import (
    WIRE_PATH,
    LiveServer,
    Watch,
    article_record,
    chromium_path,
    launch_chromium,
    open_page,
    paste_articles,
)

from reconcile.models import Article

pytestmark = pytest.mark.e2e

# --- fixtures: one chromium per session, the real app per module, a watched page per test ------------------
# (kept here rather than in a conftest.py: several conftest.py modules collide under --doctest-modules)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the e2e extra is part of `make test`
        pytest.skip("browser tests skipped: the playwright package is missing (pip install -e '.[e2e]')")
    if chromium_path() is None:
        pytest.skip("browser tests skipped: no chromium at /usr/bin/chromium (apt-get install chromium; "
                    ".ci/run does it when run as root)")
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with LiveServer(tmp_path_factory.mktemp("web") / "store.sqlite3") as server:
        yield server


@pytest.fixture
def watched(browser: Any, live: LiveServer) -> Iterator[tuple[Any, Watch]]:
    context, page, watch = open_page(browser, live)
    yield page, watch
    context.close()
    assert watch.offsite == [], "the page tried to reach the network"
    assert watch.dialogs == [], "a dialog opened"
    assert watch.errors == [], "the page threw"


@pytest.fixture
def page(watched: tuple[Any, Watch]) -> Any:
    return watched[0]


def seed_record(seed: Article) -> dict[str, str]:
    return {"text": seed.text, "source": seed.source or "", "url": seed.url or "",
            "published": seed.published.isoformat() if seed.published else "", "title": seed.title or ""}


@pytest.fixture(scope="module")
def loaded(browser: Any, live: Any, seed: Article) -> dict[str, str]:
    """The seed and the wire story, pasted into the page and sent; their stored ids."""
    context, page, watch = open_page(browser, live)
    ids = paste_articles(page, live.url, [seed_record(seed), article_record(WIRE_PATH)])
    context.close()
    assert not (watch.offsite or watch.dialogs or watch.errors), watch
    assert len(ids) == 2
    return {"seed": ids[0], "wire": ids[1]}


def api(live: Any, path: str, **params: Any) -> Any:
    response = httpx.get(f"{live.url}{path}", params=params, timeout=30)
    response.raise_for_status()
    return response.json()


def stored_claims(live: Any, article_id: str) -> list[dict[str, Any]]:
    article = api(live, f"/v1/articles/{quote(article_id, safe='')}")
    return [c for c in article["claims"] if c.get("current", True)]


def shown_in_text_order(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The claims the page can mark: in text order, an overlapping later one left out."""
    out, end = [], -1
    for c in sorted(claims, key=lambda c: (c["start"], -c["end"])):
        if c["start"] >= end and c["end"] > c["start"]:
            out.append(c)
            end = c["end"]
    return out


def open_article(page: Any, article_id: str) -> None:
    page.goto(f"/articles/{quote(article_id, safe='')}")
    page.locator("#status").filter(has_text="numeric claim").wait_for()


def troop_group(live: Any) -> dict[str, Any]:
    """The discrepancy that holds both outlets' North Korean troop counts."""
    for item in api(live, "/v1/discrepancies", limit=500)["items"]:
        group = api(live, f"/v1/discrepancies/{item['group_id']}")
        texts = {c["text"] for c in group["claims"]}
        if any("11,000" in t for t in texts) and any("12,000" in t for t in texts):
            return group
    raise AssertionError("no discrepancy holds both 11,000 and 12,000")


# --- sending articles -------------------------------------------------------------------------------------------


def test_pasted_articles_are_stored_whole(live: Any, loaded: dict[str, str], seed: Article) -> None:
    listed = api(live, "/v1/articles")
    assert listed["total"] == 2
    assert {a["id"] for a in listed["items"]} == set(loaded.values())
    stored = api(live, f"/v1/articles/{quote(loaded['seed'], safe='')}")
    assert stored["text"] == seed.text  # nothing lost or changed between the textarea and the store
    assert (stored["source"], stored["url"], stored["published"]) == (seed.source, seed.url, "2024-10-21")
    wire = api(live, f"/v1/articles/{quote(loaded['wire'], safe='')}")
    assert (wire["source"], wire["published"]) == ("Meridian Wire", "2024-10-22")


def test_articles_page_lists_both(page: Any, loaded: dict[str, str]) -> None:
    page.goto("/articles")
    page.locator("#articles-table tbody tr").nth(1).wait_for()
    rows = page.locator("#articles-table tbody tr")
    assert rows.count() == 2
    outlets = set(rows.locator("td:nth-child(2)").all_inner_texts())
    assert outlets == {"ABC News", "Meridian Wire"}


def test_sending_again_says_already_stored(page: Any, live: Any, loaded: dict[str, str]) -> None:
    ids = paste_articles(page, live.url, [article_record(WIRE_PATH)])
    assert ids == [loaded["wire"]]
    assert "already stored" in page.locator("#stored-list").inner_text()
    assert api(live, "/v1/articles")["total"] == 2


def test_article_without_text_is_refused_in_the_page(page: Any, live: Any) -> None:
    posts: list[str] = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    page.goto("/")
    page.get_by_label("Outlet").fill("Nobody")
    page.get_by_role("button", name="Send to the store").click()
    alert = page.locator("fieldset.article-form .field-error")
    alert.wait_for()
    assert "no text" in alert.inner_text()
    assert page.get_by_label("Text").get_attribute("aria-invalid") == "true"
    assert page.evaluate("document.activeElement.tagName") == "TEXTAREA"
    assert posts == []


def test_dropped_files_fill_the_forms(page: Any, tmp_path: Any) -> None:
    txt = tmp_path / "a.txt"
    txt.write_text("Title: Flood toll\nSource: Delta Wire\nDate: 2024-05-02\n\nAt least 40 people died.", "utf-8")
    jsonl = tmp_path / "b.jsonl"
    jsonl.write_text(json.dumps({"text": "Rain fell for 3 days.", "source": "Coast Post", "date": "2024-05-03"})
                     + "\n\n" + json.dumps({"body": "About 1,200 homes flooded.", "outlet": "Bay News"}) + "\n", "utf-8")
    html = tmp_path / "c.html"
    html.write_text('<html><head><title>Dam holds</title><meta property="og:site_name" content="River Times">'
                    '<meta property="article:published_time" content="2024-05-04T08:00:00Z"></head><body>'
                    '<nav>Home | World</nav><article><h1>Dam holds</h1><p>The dam is 120 metres tall.</p>'
                    '<p>It was built in 1962.</p></article><script>window.__xss = "html"</script></body></html>',
                    "utf-8")
    bad = tmp_path / "d.json"
    bad.write_text("{not json", "utf-8")
    page.goto("/")
    page.set_input_files("#files", [str(txt), str(jsonl), str(html), str(bad)])
    page.locator("#file-status").filter(has_text="Read 4 articles").wait_for()
    assert "d.json" in page.locator("#file-status").inner_text()
    forms = page.locator("fieldset.article-form")
    assert forms.count() == 4
    values = forms.evaluate_all(
        "fs => fs.map(f => Object.fromEntries([...f.querySelectorAll('[data-name]')].map(i => [i.dataset.name, i.value])))")
    assert values[0] == {"text": "At least 40 people died.", "source": "Delta Wire", "url": "",
                         "published": "2024-05-02", "title": "Flood toll"}
    assert (values[1]["text"], values[1]["source"], values[1]["published"]) == ("Rain fell for 3 days.", "Coast Post",
                                                                               "2024-05-03")
    assert (values[2]["text"], values[2]["source"]) == ("About 1,200 homes flooded.", "Bay News")
    assert values[3]["text"] == "Dam holds\nThe dam is 120 metres tall.\nIt was built in 1962."
    assert (values[3]["source"], values[3]["published"], values[3]["title"]) == ("River Times", "2024-05-04",
                                                                                 "Dam holds")
    assert page.evaluate("window.__xss") is None


def test_files_can_be_dropped_on_the_drop_zone(page: Any) -> None:
    page.goto("/")
    data_transfer = page.evaluate_handle("""() => {
        const dt = new DataTransfer();
        dt.items.add(new File(["Source: Delta Wire\\n\\nSome 300 flights were cancelled."], "drop.txt",
                              {type: "text/plain"}));
        return dt;
    }""")
    page.dispatch_event("#dropzone", "drop", {"dataTransfer": data_transfer})
    page.locator("#file-status").filter(has_text="Read 1 article").wait_for()
    assert page.get_by_label("Text").input_value() == "Some 300 flights were cancelled."
    assert page.get_by_label("Outlet").input_value() == "Delta Wire"


def test_api_key_is_asked_for_when_writes_need_one(browser: Any, tmp_path: Any) -> None:
    with LiveServer(tmp_path / "keyed.sqlite3", api_keys=["sesame"]) as server:
        context, page, watch = open_page(browser, server)
        page.goto("/")
        page.get_by_label("Text").fill("Officials said 12 bridges were closed.")
        page.get_by_role("button", name="Send to the store").click()
        status = page.locator("#send-status")
        status.filter(has_text="Not stored").wait_for()
        assert "API key" in status.inner_text()
        page.locator("summary", has_text="API key").click()
        page.get_by_label("API key (only when").fill("sesame")
        page.get_by_role("button", name="Send to the store").click()
        page.locator("#stored-list a").wait_for()
        assert httpx.get(f"{server.url}/v1/articles").json()["total"] == 1
        context.close()
        assert not (watch.offsite or watch.dialogs or watch.errors), watch


def test_downloads_send_the_key_when_reads_are_protected(browser: Any, tmp_path: Any, seed: Article) -> None:
    # A plain link cannot send X-API-Key: with reads protected, the CSV and ClaimReview links must still work.
    key = {"X-API-Key": "sesame"}
    with LiveServer(tmp_path / "closed.sqlite3", api_keys=["sesame"], protect_reads=True) as server:
        halves = [seed.text[: len(seed.text) // 2], seed.text[len(seed.text) // 2:]]
        for outlet, text in zip(("First Outlet", "Second Outlet"), halves):
            body = {"text": text, "source": outlet, "published": seed.published.isoformat()}
            httpx.post(f"{server.url}/v1/articles", json=body, headers=key, timeout=60).raise_for_status()
        assert httpx.get(f"{server.url}/v1/discrepancies", timeout=30).status_code == 401
        expected_csv = httpx.get(f"{server.url}/v1/discrepancies", params={"format": "csv"}, headers=key, timeout=30).content
        context, page, watch = open_page(browser, server)
        page.goto("/discrepancies")  # no key yet: the page says where to enter one
        page.locator("#status").filter(has_text="API key").wait_for()
        page.goto("/")
        page.locator("summary", has_text="API key").click()
        page.get_by_label("API key (only when").fill("sesame")
        page.get_by_label("API key (only when").dispatch_event("change")
        page.goto("/discrepancies")
        page.locator("#status").filter(has_text=re.compile("discrepanc")).wait_for()
        with page.expect_download() as info:
            page.get_by_role("link", name="Download these as CSV").click()
        assert Path(info.value.path()).read_bytes() == expected_csv
        assert expected_csv.splitlines()[0].startswith(b"group_id,") and len(expected_csv.splitlines()) > 1
        group_id = page.locator("#groups-table tbody tr").first.get_attribute("data-group-id")
        page.goto(f"/discrepancies/{quote(group_id, safe='')}")
        page.locator("#sides-table tbody tr").first.wait_for()
        with page.expect_download() as info:
            page.get_by_role("link", name=re.compile("ClaimReview draft")).click()
        draft = json.loads(Path(info.value.path()).read_bytes())
        cr_url = f"{server.url}/v1/discrepancies/{quote(group_id, safe='')}/claimreview"
        assert draft == httpx.get(cr_url, headers=key, timeout=30).json()
        context.close()
        assert not (watch.offsite or watch.dialogs or watch.errors), watch


# --- reading an article -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["seed", "wire"])
def test_every_claim_is_highlighted_at_its_offsets(page: Any, live: Any, loaded: dict[str, str], which: str) -> None:
    article = api(live, f"/v1/articles/{quote(loaded[which], safe='')}")
    claims = shown_in_text_order(stored_claims(live, loaded[which]))
    open_article(page, loaded[which])
    marks = page.locator("#article-text mark.claim")
    shown = marks.evaluate_all("ms => ms.map(m => [m.dataset.claimId, m.textContent])")
    assert shown == [[c["claim_id"], c["text"]] for c in claims]
    assert all(article["text"][c["start"]:c["end"]] == c["text"] for c in claims)
    # the paragraphs hold the whole text, escaped and unchanged
    paragraphs = page.locator("#article-text p").all_text_contents()
    assert paragraphs == [p for p in article["text"].split("\n") if p]
    assert page.locator("#claims-table tbody tr").count() == len(stored_claims(live, loaded[which]))


def test_troop_counts_are_highlighted(page: Any, loaded: dict[str, str]) -> None:
    open_article(page, loaded["seed"])
    seed_marks = page.locator("#article-text mark.claim").all_text_contents()
    assert any("11,000" in m for m in seed_marks) and any("1,500" in m for m in seed_marks)
    assert any("2,600" in m for m in seed_marks)
    open_article(page, loaded["wire"])
    assert any("12,000" in m for m in page.locator("#article-text mark.claim").all_text_contents())


def test_tooltip_shows_on_hover_and_on_keyboard_focus(page: Any, live: Any, loaded: dict[str, str]) -> None:
    claims = shown_in_text_order(stored_claims(live, loaded["seed"]))
    if not claims:
        pytest.fail("the seed has no extracted claims to hover")
    open_article(page, loaded["seed"])
    first = page.locator("#article-text mark.claim").first
    first.hover()
    tip = page.locator(".tip:visible")
    assert tip.count() == 1
    assert first.get_attribute("aria-describedby") == tip.get_attribute("id")
    text = tip.inner_text()
    for label in ("Value", "Interval", "Speaker", "As of"):
        assert label in text
    assert claims[0]["as_of"] is None or claims[0]["as_of"] in text
    page.mouse.move(0, 0)
    assert page.locator(".tip:visible").count() == 0
    # keyboard: Tab from the link to the original (the last control before the text) reaches the first figure
    page.locator("#article-meta a").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.claimId") == claims[0]["claim_id"]
    assert page.locator(".tip:visible").count() == 1
    page.keyboard.press("Escape")
    assert page.locator(".tip:visible").count() == 0


def test_tooltip_of_the_troop_count_names_budanov(page: Any, loaded: dict[str, str]) -> None:
    open_article(page, loaded["seed"])
    page.locator("#article-text mark.claim", has_text="11,000").hover()
    tip = page.locator(".tip:visible").inner_text()
    assert "Budanov" in tip and "11,000" in tip and "2024-10-2" in tip
    assert re.search(r"troop|soldier", tip, re.IGNORECASE)


def test_conflicting_claims_are_marked_not_by_colour_alone(page: Any, loaded: dict[str, str]) -> None:
    open_article(page, loaded["seed"])
    troops = page.locator("#article-text mark.claim", has_text="11,000")
    assert troops.get_attribute("data-verdict") == "conflict"
    style = troops.evaluate("m => [getComputedStyle(m).textDecorationStyle, getComputedStyle(m, '::after').content]")
    assert style[0] == "wavy" and "⚠" in style[1]
    others = page.locator("#article-text mark.claim:not([data-verdict='conflict'])")
    assert others.count() >= 1
    other_style = others.first.evaluate("m => [getComputedStyle(m).textDecorationStyle, getComputedStyle(m, '::after').content]")
    assert other_style[0] != "wavy" and "⚠" not in other_style[1]
    row = page.locator("#claims-table tbody tr", has_text="11,000")
    assert "conflict" in row.inner_text()  # said in words too


def test_enter_on_a_conflicting_figure_opens_its_discrepancy(page: Any, live: Any, loaded: dict[str, str]) -> None:
    group = troop_group(live)
    open_article(page, loaded["wire"])
    page.locator("#article-text mark.claim", has_text="12,000").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/discrepancies/{group['group_id']}")


# --- discrepancies ----------------------------------------------------------------------------------------------


def shown_group_ids(page: Any) -> list[str]:
    page.locator("#status").filter(has_text=re.compile("discrepanc")).wait_for()
    return page.locator("#groups-table tbody tr").evaluate_all("rs => rs.map(r => r.dataset.groupId)")


def test_discrepancy_list_matches_the_api_and_its_filters(page: Any, live: Any, loaded: dict[str, str]) -> None:
    page.goto("/discrepancies")
    assert shown_group_ids(page) == [g["group_id"] for g in api(live, "/v1/discrepancies", limit=500)["items"]]
    page.get_by_label("Verdict").select_option("conflict")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**/discrepancies?verdict=conflict*")
    conflicts = api(live, "/v1/discrepancies", verdict="conflict", limit=500)["items"]
    assert shown_group_ids(page) == [g["group_id"] for g in conflicts]
    verdicts = page.locator("#groups-table tbody tr").evaluate_all("rs => rs.map(r => r.dataset.verdict)")
    assert set(verdicts) <= {"conflict"}
    page.get_by_label("Quantity contains").fill("no such quantity zzz")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**q=no+such*")
    assert shown_group_ids(page) == []
    assert "No discrepancies" in page.locator("#status").inner_text()


def test_sort_orders_by_severity_both_ways(page: Any, live: Any, loaded: dict[str, str]) -> None:
    items = api(live, "/v1/discrepancies", limit=500)["items"]
    page.goto("/discrepancies?sort=severity-asc")
    shown = shown_group_ids(page)
    severities = [next(g["severity"] for g in items if g["group_id"] == gid) for gid in shown]
    assert severities == sorted(severities)
    assert sorted(shown) == sorted(g["group_id"] for g in items)


def test_troop_count_discrepancy_is_listed_and_searchable(page: Any, live: Any, loaded: dict[str, str]) -> None:
    group = troop_group(live)
    assert group["verdict"] == "conflict"
    page.goto("/discrepancies?verdict=conflict&q=troop")
    assert group["group_id"] in shown_group_ids(page)
    row = page.locator(f"#groups-table tbody tr[data-group-id='{group['group_id']}']")
    assert "conflict" in row.inner_text()


def test_troop_count_discrepancy_shows_every_side(page: Any, live: Any, loaded: dict[str, str]) -> None:
    group = troop_group(live)
    page.goto("/discrepancies")
    page.locator(f"#groups-table a[href='/discrepancies/{group['group_id']}']").click()
    page.locator("#sides-table tbody tr").first.wait_for()
    rows = page.locator("#sides-table tbody tr")
    assert rows.count() == len(group["claims"])
    sources = " ".join(rows.locator("td.source").all_inner_texts())
    speakers = " ".join(rows.locator("td.speaker").all_inner_texts())
    assert "ABC News" in sources and "Meridian Wire" in sources
    assert "Budanov" in speakers and "Yusov" in speakers
    marked = rows.locator("td.sentence mark").all_text_contents()
    assert any("11,000" in m for m in marked) and any("12,000" in m for m in marked)
    dates = " ".join(rows.all_inner_texts())
    assert "2024-10-21" in dates and "2024-10-22" in dates
    # one bar per side, drawn as an interval, and a legend naming each outlet
    assert page.locator("#chart svg g.chart-claim rect.chart-bar").count() == len(group["claims"])
    heights = {c["text"]: float(page.locator(f"#chart g.chart-claim[data-claim-id='{c['claim_id']}'] rect")
                                .get_attribute("height")) for c in group["claims"]}
    hedged = next(t for t in heights if "11,000" in t)
    exact = next(t for t in heights if "12,000" in t)
    assert heights[hedged] > heights[exact] + 5  # "nearly 11,000" is an interval: a bar, not a point
    legend = page.locator("#chart .chart-legend").inner_text()
    assert "ABC News" in legend and "Meridian Wire" in legend
    # the article link opens the article with the figure highlighted
    rows.filter(has_text="12,000").get_by_role("link", name=re.compile("Read")).click()
    page.locator("#article-text mark.claim", has_text="12,000").wait_for()


def test_csv_download_is_the_apis_csv(page: Any, live: Any, loaded: dict[str, str]) -> None:
    for query in ("", "?verdict=conflict", "?q=troop"):
        page.goto(f"/discrepancies{query}")
        page.locator("#status").filter(has_text=re.compile("discrepanc")).wait_for()
        with page.expect_download() as info:
            page.get_by_role("link", name="Download these as CSV").click()
        downloaded = Path(info.value.path()).read_bytes()
        params = dict(p.split("=") for p in query.lstrip("?").split("&") if p)
        expected = httpx.get(f"{live.url}/v1/discrepancies", params={**params, "format": "csv"}).content
        assert downloaded == expected
        assert downloaded.splitlines()[0].startswith(b"group_id,")


def test_claimreview_draft_downloads(page: Any, live: Any, loaded: dict[str, str]) -> None:
    group = troop_group(live)
    page.goto(f"/discrepancies/{group['group_id']}")
    page.locator("#sides-table tbody tr").first.wait_for()
    with page.expect_download() as info:
        page.get_by_role("link", name=re.compile("ClaimReview draft")).click()
    draft = json.loads(Path(info.value.path()).read_bytes())
    assert draft == api(live, f"/v1/discrepancies/{group['group_id']}/claimreview")
    assert "ClaimReview" in json.dumps(draft)


def test_unknown_ids_say_not_found(page: Any) -> None:
    page.goto("/articles/no-such-article")
    page.locator("#status").filter(has_text="no article").wait_for()
    page.goto("/discrepancies/0000000000000000")
    page.locator("#status").filter(has_text="no discrepancy").wait_for()


# --- safety, offline, keyboard, labels ----------------------------------------------------------------------------

XSS_TEXT = (
    "Officials said 7 people were hurt. <script>window.__xss = 'script'; alert('script')</script>\n"
    "A second report said 9 people were hurt. <img src=x onerror=\"window.__xss='img'; alert('img')\">\n"
    "<svg onload=\"window.__xss='svg'\"></svg><a href=\"javascript:window.__xss='href'\">link</a> 3 ambulances."
)


def test_article_text_is_never_run_as_html(page: Any, live: Any) -> None:
    ids = paste_articles(page, live.url, [{
        "text": XSS_TEXT,
        "source": "<img src=x onerror=\"window.__xss='source'\">",
        "url": "javascript:window.__xss='url'",
        "published": "2024-10-23",
        "title": "<script>window.__xss='title'</script>",
    }])
    assert page.evaluate("window.__xss") is None
    open_article(page, ids[0])
    page.wait_for_timeout(300)  # give a broken image's onerror time to fire, if it ever could
    assert page.evaluate("window.__xss") is None
    shown = "\n".join(page.locator("#article-text p").all_text_contents())
    assert "<script>window.__xss = 'script'" in shown and "onerror=" in shown
    assert page.locator("#article-text script, #article-text img, #article-text svg, #article-text a").count() == 0
    assert page.locator("#article-title").inner_text() == "<script>window.__xss='title'</script>"
    assert page.locator("#article-meta a").count() == 0  # a javascript: URL never becomes a link
    for mark in page.locator("#article-text mark.claim").all():
        mark.hover()
        mark.focus()
    page.goto("/articles")
    page.locator("#articles-table tbody tr").first.wait_for()
    page.goto("/discrepancies")
    page.locator("#status").filter(has_text=re.compile("discrepanc")).wait_for()
    assert page.evaluate("window.__xss") is None


def test_ids_in_the_address_are_escaped(page: Any) -> None:
    payload = "<script>window.__xss='id'</script><img src=x onerror=\"window.__xss='id-img'\">"
    for path in (f"/articles/{quote(payload, safe='')}", f"/discrepancies/{quote(payload, safe='')}"):
        page.goto(path)
        page.locator("#status").filter(has_text=re.compile("Could not load")).wait_for()
        assert page.evaluate("window.__xss") is None


def test_every_view_works_offline_with_local_assets(page: Any, live: Any, loaded: dict[str, str]) -> None:
    # The `watched` fixture refuses and records any request off 127.0.0.1; here every view is loaded.
    for path in ("/", "/articles", f"/articles/{quote(loaded['seed'], safe='')}", "/discrepancies"):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.styleSheets.length") >= 1
        assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).borderBottomStyle") == "solid"
    for path in ("/", "/discrepancies/x"):
        html = httpx.get(f"{live.url}{path}").text
        assert re.findall(r'(?:src|href)\s*=\s*"([^"]*)"', html)  # the check below looks at something
        assert not re.search(r'(?:src|href)\s*=\s*"(?:[a-z]+:)?//', html)  # no off-site asset or link


def test_keyboard_skip_link_and_navigation(page: Any) -> None:
    page.goto("/discrepancies")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.goto("/")
    names = []
    for _ in range(5):
        page.keyboard.press("Tab")
        names.append(page.evaluate("document.activeElement.textContent.trim()"))
    assert names[:5] == ["Skip to content", "reconcile", "Add articles", "Articles", "Discrepancies"]


@pytest.mark.parametrize("path", ["/", "/discrepancies"])
def test_every_form_control_has_a_label(page: Any, path: str) -> None:
    page.goto(path)
    page.wait_for_load_state("networkidle")
    unlabelled = page.evaluate("""() => [...document.querySelectorAll('input, select, textarea')]
        .filter(e => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
        .map(e => e.outerHTML)""")
    assert unlabelled == []


def test_offsets_after_emoji_still_mark_the_right_figure(page: Any, live: Any) -> None:
    # The API's offsets count code points; JavaScript strings count UTF-16 units: an emoji shifts them.
    text = "🚨🇺🇦 Breaking: officials said 14 drones were shot down overnight.\n😔 At least 3 people were hurt."
    ids = paste_articles(page, live.url, [{"text": text, "source": "Emoji Wire", "published": "2024-10-23"}])
    claims = shown_in_text_order(stored_claims(live, ids[0]))
    assert [c["text"] for c in claims if "14" in c["text"] or "3" in c["text"]], claims
    open_article(page, ids[0])
    shown = page.locator("#article-text mark.claim").all_text_contents()
    assert shown == [c["text"] for c in claims]
    assert page.locator("#article-text p").all_text_contents() == text.split("\n")
