"""Readers of each article format: fields, fallbacks, ids and failures."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest

from reconcile.ingest import ReadFailure, read_bytes, read_path
from reconcile.ingest.readers import iter_jsonl_chunks, with_fallbacks
from reconcile.models import Article


def articles(data: bytes | str, fmt: str, ident: str = "x", **kw) -> list[Article | ReadFailure]:
    raw = data.encode() if isinstance(data, str) else data
    return list(read_bytes(raw, fmt, ident, **kw))


def test_markdown_front_matter_fields_and_offsets_into_body() -> None:
    md = ("---\ntitle: Spillways opened\nsource: River Post\ndate: 2024-09-12\nurl: https://riverpost.example/d\n"
          "authors:\n  - Ann Lee\n  - Bo Chan\n---\nSome 12,000 people were told to leave.\n")
    [a] = articles(md, "md")
    assert (a.title, a.source, a.published, a.url, a.author) == (
        "Spillways opened", "River Post", date(2024, 9, 12), "https://riverpost.example/d", "Ann Lee, Bo Chan")
    assert a.text == "Some 12,000 people were told to leave.\n"


def test_markdown_broken_front_matter_keeps_the_body_with_a_warning() -> None:
    items = articles("---\ntitle: [unclosed\n---\nAbout 300 homes flooded.\n", "md")
    assert isinstance(items[0], ReadFailure) and not items[0].fatal and "broken YAML" in items[0].error
    assert isinstance(items[1], Article) and items[1].text.startswith("About 300")


def test_markdown_without_front_matter_is_all_text() -> None:
    [a] = articles("# Heading\n\nMore than 40 km of road closed.\n", "md")
    assert a.text.startswith("# Heading") and a.title is None


def test_html_main_text_and_metadata_through_trafilatura() -> None:
    page = ("<html><head><title>Strike spreads | Coast Radio</title>"
            '<meta property="og:site_name" content="Coast Radio"><meta name="author" content="Dana Smith">'
            '<meta property="article:published_time" content="2024-10-01T06:00:00Z">'
            '<link rel="canonical" href="https://coastradio.example/strike"></head><body>'
            "<nav>Home | News | Sport | Weather</nav><article><h1>Strike spreads</h1>"
            "<p>Nearly 45,000 dockworkers walked off the job at ports along the east coast on Monday.</p>"
            "<p>The employers said about 25,000 workers were involved &amp; that 14 ports were affected.</p>"
            "</article><footer>Contact us | Privacy</footer></body></html>")
    [a] = articles(page, "html", "web/strike.html")
    assert (a.title, a.source, a.published, a.author, a.url) == (
        "Strike spreads", "Coast Radio", date(2024, 10, 1), "Dana Smith", "https://coastradio.example/strike")
    assert "Nearly 45,000 dockworkers" in a.text and "25,000 workers were involved & that" in a.text
    assert "Privacy" not in a.text and "Weather" not in a.text


def test_html_without_a_date_never_gets_today() -> None:
    page = "<html><body><article><p>" + "About 1,200 homes lost power after the storm. " * 5 + "</p></article></body></html>"
    [a] = articles(page, "html")
    assert a.published is None


def test_html_page_without_text_is_a_failure() -> None:
    [f] = articles("<html><body><img src='x.png'></body></html>", "html")
    assert isinstance(f, ReadFailure) and f.error == "no main text found in the HTML page"


def test_json_one_article_or_a_list_with_body_and_date_aliases() -> None:
    [a] = articles(json.dumps({"id": "own", "body": "At least 95 died.", "date": "2024-10-03"}), "json", "f.json")
    assert (a.id, a.text, a.published) == ("own", "At least 95 died.", date(2024, 10, 3))
    [b] = articles(json.dumps({"id": "own", "body": "At least 95 died."}), "json", "f.json", own_ids=False)
    assert b.id == "f.json"
    items = articles(json.dumps([{"text": "One 5."}, {"title": "no text"}, {"text": "Two 6."}]), "json", "l.json",
                     own_ids=False)
    assert [getattr(i, "id", None) or i.path for i in items] == ["l.json#1", "l.json#2", "l.json#3"]
    assert isinstance(items[1], ReadFailure)


def test_jsonl_ids_are_line_numbers_and_broken_lines_do_not_stop_the_file() -> None:
    data = '{"text": "A 1."}\n\n{oops\n{"text": "B 2.", "source": "S"}\n[1, 2]\n'
    items = articles(data, "jsonl", "f.jsonl", own_ids=False)
    kinds = [(type(i).__name__, getattr(i, "id", getattr(i, "path", None))) for i in items]
    assert kinds == [("Article", "f.jsonl#1"), ("ReadFailure", "f.jsonl#3"), ("Article", "f.jsonl#4"),
                     ("ReadFailure", "f.jsonl#5")]
    assert items[3].error == "a JSON article must be an object"


def test_outlet_falls_back_to_url_host_and_date_to_the_dateline() -> None:
    a = with_fallbacks(Article(id="a", text="LONDON, Oct. 21, 2024 (Wire) - Troops arrived.\nMore.",
                               url="https://www.example-news.co.uk/world/1"))
    assert (a.source, a.published) == ("example-news.co.uk", date(2024, 10, 21))
    b = with_fallbacks(Article(id="b", text="Line one.\nLine two.\nLine three.\nSince March 3, 2022 the war..."))
    assert (b.source, b.published) == (None, None)  # a date deep in the text is no dateline; never today


@pytest.mark.parametrize("header, expected", [
    ("Date: Monday, October 21, 2024", date(2024, 10, 21)),
    ("Date: 21 Oct 2024", date(2024, 10, 21)),
    ("Date: Mon, 21 Oct 2024 09:30:00 GMT", date(2024, 10, 21)),
    ("Date: 2024-10-21T23:59:00+02:00", date(2024, 10, 21)),
    ("Date: next week", None),
])
def test_txt_header_dates(header: str, expected: date | None) -> None:
    [a] = articles(f"Title: T\n{header}\n\nAbout 5 people.\n", "txt")
    assert a.published == expected


def test_iter_jsonl_chunks_skips_over_long_lines_without_holding_them() -> None:
    data = b'{"text": "a"}\n' + b'{"text": "' + b"x" * 5000 + b'"}\n' + b'{"text": "b"}\n'
    chunks = list(iter_jsonl_chunks(io.BytesIO(data), max_line_bytes=1000, chunk_lines=2))
    assert [(first, errors) for first, _, errors in chunks] == [(1, [(2, "line longer than 1000 bytes; skipped")]),
                                                                (3, [])]
    assert chunks[1][1] == b'{"text": "b"}\n'


def test_read_path_refuses_a_file_over_the_limit(tmp_path) -> None:
    p = tmp_path / "big.txt"
    p.write_bytes(b"About 5 people. " * 1000)
    [f] = read_path(p, max_bytes=1024)
    assert isinstance(f, ReadFailure) and f.error.startswith("file too large")


def test_read_path_warns_about_replaced_bytes(tmp_path) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes("caf\u00e9 \u2014 about 40 people.".encode() + b" \xfe")
    warning, article = read_path(p)
    assert not warning.fatal and "replaced with U+FFFD" in warning.error
    assert article.text.endswith("\ufffd")
