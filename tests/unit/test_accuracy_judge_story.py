"""Story linking between two articles is symmetric: the same answer whichever article comes first.

Two articles share a name however each splits it into topic keys: "kyrylo budanov" in one and
"kyrylo", "budanov" in the other was counted twice one way and once the other, so a link could depend
on which article sorted first.  The larger count is now taken either way.
"""

from __future__ import annotations

import pytest
from unit.claim_factory import claim

from reconcile.story import same_story, shared_names


@pytest.mark.parametrize(
    ("ta", "tb", "shared"),
    [
        (["kyrylo budanov", "kursk", "zaporizhzhia"], ["kyrylo", "budanov", "donetsk"], 2),
        (["helene", "asheville", "north carolina"], ["carolina", "helene", "florida"], 2),
        (["orchard tech", "dana ruiz"], ["orchard", "tech", "dana ruiz", "austin"], 3),
        (["kursk"], ["kyiv"], 0),
    ],
)
def test_shared_names_is_symmetric(ta, tb, shared):
    assert shared_names(ta, tb) == shared_names(tb, ta) == shared


@pytest.mark.parametrize(
    ("ta", "tb", "linked"),
    [
        # one name split in two keys in one article: counted twice from that side, so linked either way
        (["kyrylo budanov", "kursk", "zaporizhzhia"], ["kyrylo", "budanov", "donetsk"], True),
        (["kyrylo budanov", "kursk", "zaporizhzhia"], ["kyrylo", "budanov", "kursk"], True),
        # one name in one key each: one shared key, not enough for articles of three keys or more
        (["kyrylo budanov", "kursk", "zaporizhzhia"], ["budanov", "donetsk", "kherson"], False),
    ],
)
def test_same_story_is_symmetric(ta, tb, linked):
    a = claim(1500, article="a", topic=ta, source="Northern Wire")
    b = claim(11000, article="b", topic=tb, source="Valley Herald")
    assert same_story(a, b) == same_story(b, a) == linked
