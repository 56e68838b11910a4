"""report.html and the row builders: escaped, self-contained, and right about the seed."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from batch_helpers import ROOT, read_csv

from reconcile.cli import main
from reconcile.models import Claim, Group, Kind, Verdict
from reconcile.report.csvfmt import to_csv_text
from reconcile.report.html import render_report
from reconcile.report.rows import DISCREPANCY_CLAIM_COLUMNS, discrepancy_claim_rows

EVIL = '<script>alert("x")</script>'


def _claim(i: int, value: float, low: float | None, high: float | None, source: str, day: int, url: str) -> Claim:
    sentence = f"{EVIL} Officials said {value:,.0f} people & more were moved."
    text = f"{value:,.0f}"
    start = sentence.index(text)
    return Claim(claim_id=f"c{i}", article_id=f"a{i}.txt", text=text, start=start, end=start + len(text),
                 sentence=sentence, sentence_start=0, kind=Kind.count, value=value, low=low, high=high,
                 unit="count", counted="people", source=source, url=url, published=date(2024, 10, day),
                 as_of=date(2024, 10, day), title=f"Title {EVIL}")


def _group() -> Group:
    claims = [_claim(1, 4500, 4500, 4500, "County <News>", 12, "https://county.example/a?x=1&y=2"),
              _claim(2, 12000, 10800, None, "River Post", 12, "javascript:alert(1)")]
    return Group(group_id="g1", quantity=f"people evacuated {EVIL}", unit="count", kind=Kind.count,
                 verdict=Verdict.conflict, reason="figures do not overlap", claims=claims, n_claims=2,
                 n_sources=2, min=4500, max=12000, spread=12000 / 4500, severity=2.0,
                 summary="4,500 (County) vs some 12,000 (River Post)")


def test_report_escapes_article_text_and_draws_a_chart() -> None:
    html = render_report([_group()], stats={"version": "t", "inputs": ["in"], "files": 2, "articles": 2,
                                            "claims": 2, "verdicts": {"conflict": 1}, "window_days": 3.0})
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "County &lt;News&gt;" in html
    assert html.count("<svg") == 1 and html.count("<rect") == 2  # one interval bar per claim
    assert "<mark>4,500</mark>" in html and "<mark>12,000</mark>" in html
    assert 'href="https://county.example/a?x=1&amp;y=2"' in html
    assert "javascript:" not in html  # only http(s) sources become links
    assert not re.search(r"""(src|href)=["']?(https?:)?//(?!county\.example)""", html)  # nothing fetched


def test_discrepancy_claim_rows_are_shared_with_the_api() -> None:
    text = to_csv_text(DISCREPANCY_CLAIM_COLUMNS, discrepancy_claim_rows([_group()]))
    lines = text.splitlines()
    assert lines[0].split(",")[:4] == ["group_id", "verdict", "claim_id", "article"]
    assert len(lines) == 3 and lines[1].startswith("g1,conflict,c1,a1.txt,County <News>,")


def test_seed_batch_finds_the_troop_figures(tmp_path: Path) -> None:
    """Concrete content of the seed run (issue 2-4 results as the batch writes them)."""
    out = tmp_path / "out"
    assert main(["batch", str(ROOT / "seeds"), "--out", str(out), "--quiet"]) == 0
    rows = read_csv(out / "claims.csv")
    [troops] = [r for r in rows if r["text"].endswith("11,000")]
    assert troops["article"] == "abc-austin-kyiv-2024-10-21.txt"
    assert (troops["outlet"], troops["published"]) == ("ABC News", "2024-10-21")
    assert float(troops["value"]) == 11000 and float(troops["high"]) == 11000 and float(troops["low"]) < 11000
    assert "nearly 11,000" in troops["sentence"]
    start, end = int(troops["start"]), int(troops["end"])
    assert end - start == len(troops["text"])
    groups = read_csv(out / "discrepancies.csv")
    conflict = [g for g in groups if g["verdict"] == "conflict" and float(g["min"]) == 1500
                and float(g["max"]) == 11000]
    assert len(conflict) == 1
    sides = [r for r in read_csv(out / "discrepancy_claims.csv") if r["group_id"] == conflict[0]["group_id"]]
    assert sorted(r["text"] for r in sides) == ["1,500", "nearly 11,000"]
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<mark>nearly 11,000</mark>" in html and "<mark>1,500</mark>" in html
