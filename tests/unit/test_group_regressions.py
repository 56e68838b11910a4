"""Regressions of the grouping stage, named after what broke."""

from reconcile import reconcile
from tests.unit.claim_factory import claim


def test_scope_with_and_without_a_period_in_one_story_does_not_crash():
    # one claim has a period ("since 2022"), the other has places only: sorting their
    # scope signatures compared None with a string and raised TypeError.
    a = claim(100, article="a1", places=("gaza",), sentence="Officials in Gaza said 100 died.")
    b = claim(300, article="a1", places=("gaza",), period="since 2022", sentence="Gaza has lost 300 since 2022.")
    c = claim(120, article="a1", places=("gaza",), sentence="Of them, 120 in Gaza were children.")
    groups = reconcile([a, b, c])
    assert all(g.n_claims >= 2 for g in groups)
    assert sorted(c.claim_id for g in groups for c in g.claims) == sorted(
        {x.claim_id for g in groups for x in g.claims})
