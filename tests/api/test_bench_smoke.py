"""A tiny run of bench/api_load.py, so the benchmark keeps working."""

from __future__ import annotations

import subprocess
import sys

import pytest
from apihelpers import ROOT

KINDS = ("GET /health", "POST /v1/extract 1 sentence", "POST /v1/extract same 5KB",
         "POST /v1/extract distinct 5KB dense", "POST /v1/extract distinct 5KB news", "GET /v1/discrepancies")

# Real-news stand-ins, one story a line (written for this test), for the benchmark's news line.
NEWS_LINES = [
    f"Firefighters in the state's north said {n} homes had been lost by Tuesday night. "
    f"About {n * 12} people spent the night in evacuation centres, officials said. "
    f"Crews expect {n // 2 + 3} more fires to flare up before rain arrives on Friday."
    for n in range(10, 70)
]


@pytest.mark.slow
def test_api_load_bench_runs_small(tmp_path):
    news = tmp_path / "news.cor"
    news.write_text("\n".join(NEWS_LINES) + "\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "bench/api_load.py", "--articles", "40", "--requests", "4",
                          "--seconds", "10", "--clients", "2", "--workers", "1", "--news", str(news)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    lines = out.stdout.splitlines()
    assert lines[0].startswith("store: 40 articles")
    assert any(line.startswith("in-process reconcile.extract_claims") for line in lines)
    assert any(line.strip().startswith("distinct real-news articles") for line in lines), out.stdout
    assert "extract answer cache: on" in out.stdout
    rows = [line for line in lines if line.startswith(KINDS)]
    assert len(rows) == 2 * len(KINDS) and not any("errors" in r for r in rows), out.stdout
    for kind in KINDS:
        assert [r.split()[-5] for r in rows if r.startswith(kind)] == ["4", "4"], out.stdout  # n sent each time


def _bench():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import api_load
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return api_load


def test_news_articles_are_distinct_whole_stories_of_about_5kb(tmp_path):
    news = tmp_path / "news.cor"
    news.write_text("\n\n".join(NEWS_LINES), encoding="utf-8")  # blank lines are skipped
    articles = _bench().news_articles(news, 40, seed_=3)
    assert len({a.text for a in articles}) == 40
    for a in articles:
        size = len(a.text.encode())
        assert 4799 <= size <= 5000, size  # stops once 200 bytes or fewer are left
        *whole, last = a.text.split("\n")
        assert all(p in NEWS_LINES for p in whole)  # whole stories, and the last one cut at a full stop
        assert last.endswith(".") and any(line.startswith(last) for line in NEWS_LINES)


def test_story_variants_are_all_different_and_keep_their_shape():
    api_load = _bench()
    story = api_load.parse_txt((ROOT / "bench" / "api_article.txt").read_text(encoding="utf-8"), "s")
    variants = api_load.story_variants(story, 50, seed_=1)
    texts = [v.text for v in variants]
    assert len(set(texts)) == 50 and story.text not in texts
    def masked(text: str) -> list[str]:
        return [api_load.FIGURE.sub("#", p) for p in text.split("\n")]

    original = masked(story.text)
    for v in variants:
        shape = masked(v.text)
        assert shape[0] == original[0]  # the dateline paragraph stays first
        assert sorted(shape) == sorted(original)  # the same paragraphs, figures aside
        assert abs(len(v.text) - len(story.text)) < 200
