"""The speaker stage's mention search finds exactly what the plain ``\\bNAME\\b`` pattern finds.

``_mention_pattern`` writes the name first and checks the word boundary before it by looking back from
the name's end (so re finds the name by a fast substring search); compared here with the plain
pattern on seeded salad, for names starting with a word character and names that do not.
"""

from __future__ import annotations

import random
import re

import pytest

from reconcile.context.speaker import _mention_pattern

PIECES = ["Amin", "amin", "A", "-", "'", " ", ",", ", a ", ", the ", ".", "J.", "_", "\u00e9", "x", "\u00a0", "\n",
          "Al-Amin", "O'Brien", "-x", "7"]
NAMES = ["Amin", "J.", "Al-Amin", "O'Brien", "-x", "'A", ".", "\u00e9", "_", "7"]


def _plain(name: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(name)}\b(?P<after>,\s+(?:a|an|the)\s)?")


@pytest.mark.parametrize("seed", range(3))
def test_mention_pattern_is_the_plain_pattern(seed):
    rng = random.Random(seed)
    for _ in range(3000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 24)))
        for name in NAMES:
            want = [(m.span(), m.group("after")) for m in _plain(name).finditer(text)]
            got = [(m.span(), m.group("after")) for m in _mention_pattern(name).finditer(text)]
            assert got == want, (text, name)


def test_a_name_inside_a_word_is_no_mention():
    spans = [m.span() for m in _mention_pattern("Amin").finditer("Amin, Al-Amin; xAmin Amins Amin")]
    assert spans == [(0, 4), (9, 13), (27, 31)]
