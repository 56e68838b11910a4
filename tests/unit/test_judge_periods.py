"""Figures of two reporting periods that do not overlap (February's rate and March's) are a series, not
two reports of one value: evolving, even when they differ by less than their rounding and even from one
source (no revision).  Found in session 6: adjacent months were '1 day apart', inside the window."""

from __future__ import annotations

from datetime import date

import pytest

from reconcile import Article, extract_claims, reconcile


def verdicts(*articles: tuple[str, str, str]) -> list[tuple[str, str]]:
    arts = [Article(id=f"a{i}", source=src, published=date.fromisoformat(pub), text=text)
            for i, (src, pub, text) in enumerate(articles)]
    groups = reconcile([c for a in arts for c in extract_claims(a)])
    return [(g.verdict.value if hasattr(g.verdict, "value") else str(g.verdict), g.reason) for g in groups]


FEB = ("Paper B", "2025-03-07", "The unemployment rate was 4.1% in February, the Labor Department said.")


@pytest.mark.parametrize(
    ("march", "verdict"),
    [
        # next month's figure, within a rounding of February's, from the same body: a change over time
        ("Unemployment rose to 4.2% in March, the Labor Department said on Friday.", "evolving"),
        ("Unemployment rose to 4.5% in March, the Labor Department said on Friday.", "evolving"),
        # the same figure again is no change
        ("Unemployment held at 4.1% in March, the Labor Department said on Friday.", "consistent"),
    ],
)
def test_adjacent_months_are_a_series(march, verdict):
    got = verdicts(FEB, ("Wire A", "2025-04-04", march))
    assert len(got) == 1
    assert got[0][0] == verdict
    if verdict == "evolving":
        assert "revised" not in got[0][1] and "2025-02-01..28 vs 2025-03-01..31" in got[0][1], got[0][1]


def test_years_of_one_source_are_a_series_not_a_revision():
    got = verdicts(("Wire A", "2025-01-20", "The company sold 1.2 million cars in 2024, the company said."),
                   ("Wire A", "2024-01-22", "The company sold 1.1 million cars in 2023, the company said."))
    assert [v for v, _ in got] == ["evolving"]
    assert "revised" not in got[0][1]


def test_one_month_reported_twice_is_still_judged_as_one_value():
    got = verdicts(("Wire A", "2025-04-04", "Unemployment rose to 4.6% in March, the Labor Department said."),
                   ("Paper C", "2025-04-05", "The jobless rate hit 4.2% in March, a private survey showed."))
    assert [v for v, _ in got] == ["conflict"]  # one period: no change over time explains the difference
