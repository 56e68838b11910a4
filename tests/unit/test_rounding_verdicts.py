"""Round whole figures a whole rounding step apart disagree ("12,000" vs "13,000" troops on one day),
while figures inside each other's rounding agree ("a crowd of 52,000" vs "51,870")."""

from __future__ import annotations

from datetime import date

import pytest

from reconcile import Article, reconcile

DAY = date(2025, 3, 12)


@pytest.mark.parametrize(
    ("first", "second", "verdict"),
    [
        ("The defence ministry said 12,000 soldiers had crossed the border.",
         "The border agency said 13,000 soldiers had crossed the border.", "conflict"),
        ("The defence ministry said 11,000 soldiers had crossed the border.",
         "The border agency said 10,500 soldiers had crossed the border.", "conflict"),
        ("Police said a crowd of 52,000 marched through the capital.",
         "Organisers said a crowd of 51,870 marched through the capital.", "consistent"),
    ],
)
def test_round_whole_figures(first, second, verdict):
    arts = [Article(id="a", source="Northern Wire", published=DAY, text=first),
            Article(id="b", source="Valley Herald", published=DAY, text=second)]
    groups = [g for g in reconcile(arts) if g.n_claims == 2]
    assert [g.verdict.value for g in groups] == [verdict]
