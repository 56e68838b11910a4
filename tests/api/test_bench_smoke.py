"""A tiny run of bench/api_load.py, so the benchmark keeps working."""

from __future__ import annotations

import subprocess
import sys

import pytest
from apihelpers import ROOT

KINDS = ("GET /health", "POST /v1/extract 1 sentence", "POST /v1/extract same 5KB",
         "POST /v1/extract distinct 5KB", "GET /v1/discrepancies")


@pytest.mark.slow
def test_api_load_bench_runs_small():
    out = subprocess.run([sys.executable, "bench/api_load.py", "--articles", "40", "--requests", "4",
                          "--seconds", "10", "--clients", "2", "--workers", "1"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    lines = out.stdout.splitlines()
    assert lines[0].startswith("store: 40 articles")
    assert any(line.startswith("in-process reconcile.extract_claims") for line in lines)
    assert "extract answer cache: on" in out.stdout
    rows = [line for line in lines if line.startswith(KINDS)]
    assert len(rows) == 2 * len(KINDS) and not any("errors" in r for r in rows), out.stdout
    for kind in KINDS:
        assert [r.split()[-5] for r in rows if r.startswith(kind)] == ["4", "4"], out.stdout  # n sent each time


def test_story_variants_are_all_different_and_keep_their_shape():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import api_load
    finally:
        sys.path.remove(str(ROOT / "bench"))
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
