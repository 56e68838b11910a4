"""Copy clusters of claims already in canonical order (``canonical=True``: a stable sort by dates only)
equal the clusters of the plain call on the same list, duplicates included."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from unit.claim_factory import claim

from reconcile.group import canonical_key
from reconcile.syndication import copy_clusters

BASE = date(2024, 10, 1)
SENTENCES = [
    "Storm Kiran has killed {v} people in the valley, officials in Valencia said.",
    "Storm Kiran has killed {v} people in the valley, officials in Valencia said on Friday.",
    "The ministry put the figure at {v} on Friday.",
    "",
]


@st.composite
def claims(draw):
    out = []
    for i in range(draw(st.integers(0, 12))):
        value = float(draw(st.sampled_from([95, 205, 1500])))
        day = draw(st.sampled_from([None, 0, 0, 1, 3]))
        published = draw(st.sampled_from([None, 0, 2]))
        out.append(
            claim(
                value,
                article=f"art{draw(st.integers(0, 4))}",
                as_of=None if day is None else BASE + timedelta(days=day),
                published=None if published is None else BASE + timedelta(days=published),
                sentence=draw(st.sampled_from(SENTENCES)).format(v=f"{value:,.0f}"),
                start=draw(st.integers(0, 3)) * 10,
            )
        )
    if out and draw(st.booleans()):
        out.append(out[draw(st.integers(0, len(out) - 1))])  # the same claim twice
    return draw(st.permutations(out))


def _ids(clusters):
    return [[id(c) for c in cluster] for cluster in clusters]


@settings(max_examples=300, deadline=None)
@given(claims())
def test_clusters_of_canonically_sorted_claims_are_the_plain_clusters(world):
    ordered = sorted(world, key=canonical_key)
    assert _ids(copy_clusters(ordered, canonical=True)) == _ids(copy_clusters(ordered))
