"""Shortcuts of the speaker stage give exactly what the plain forms give.

``choose_attribution`` picks the cues ending before a figure, starting after it and the last one
ending before it by bisection, which holds only because the reader's cues are in text order and never
overlap; ``_read_cue`` skips the owned-figures patterns for a one-word subject, which holds only because
both need a space.  Each is compared here with the plain form, on wire copy and seeded word salad.
"""

from __future__ import annotations

import bisect
import random
import re

import pytest

from reconcile.context import ContextLexicon, Document
from reconcile.context.speaker import NAMED_FIGURES, POSSESSED_FIGURES, _cue_end, _cue_start
from reconcile.models import Article

WIRE = [
    ("Lt. Gen. Kyrylo Budanov, head of Ukraine's military intelligence, said on Monday that nearly 11,000 "
     "North Korean troops were in Russia's Kursk region, officials said, citing the ministry."),
    ("Police put the crowd at 20,000, while organisers claimed 100,000; the CGT said 400,000, according to "
     "a tally by the Times, though officials said the toll there had reached 10, he told reporters."),
    ('"We have never seen the river climb this fast," a fire brigade commander said, adding that 300 '
     "people were rescued, according to the regional governor. Eurostat figures showed 12 lines closed."),
]

SALAD = re.findall(r"\S+", (
    "the a , officials said Mr John Smith , who said told reporters he they it also has been was reported by "
    "according to citing per cent the ministry's latest figures data showed Eurostat estimates 12 \u201c \u201d "
    "\" -- ( ) ; : police counted recorded while but and that U.S. estimated 20,000 Police Data figures"
))


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return WIRE + [" ".join(rng.choice(SALAD) for _ in range(rng.randint(3, 120))) for _ in range(n)]


@pytest.mark.parametrize("seed", range(3))
def test_cues_are_in_text_order_and_bisection_is_the_plain_filter(seed):
    lex = ContextLexicon.default()
    checked = 0
    for text in _texts(150, seed):
        doc = Document(Article(id="x", text=text), lex)  # (its reader refers back to it weakly: keep it)
        found = doc.attribution_reader.read()
        starts, ends = [a.start for a in found], [a.end for a in found]
        assert all(e <= s for e, s in zip(ends, starts[1:], strict=False)), text  # ordered, never overlapping
        for pos in range(0, len(text) + 1, 3):
            assert found[: bisect.bisect_right(found, pos, key=_cue_end)] == [a for a in found if a.end <= pos]
            assert found[bisect.bisect_left(found, pos, key=_cue_start) :] == [a for a in found if a.start >= pos]
            checked += 1
    assert checked > 1000


def test_owned_figures_need_two_words():
    rng = random.Random(4)
    words = ["figures", "data", "Data", "statistics", "tally", "estimates", "report", "records", "Eurostat's",
             "agency\u2019s", "latest", "The", "the", "Downdetector", "figure\u017f", "s", "'s", "\u00a0", "\n", "x."]
    for _ in range(20000):
        text = "".join(rng.choice(words) + rng.choice(["", " ", "\u00a0", "\t", "\n"])
                       for _ in range(rng.randint(1, 5)))
        if len(text.split()) < 2:
            assert not POSSESSED_FIGURES.match(text) and not NAMED_FIGURES.match(text), text
