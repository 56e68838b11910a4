"""Speed shortcuts of extract_claims (session 4) give exactly what the plain forms give.

Each shortcut is compared here with the plain reading it replaces, on wire copy and seeded word salad.
"""

from __future__ import annotations

import random
import re

import pytest

from reconcile.context.speaker import name_appositions

SALAD = re.findall(r"\S+", (
    "Amin Amin, Amin,, amin spokesman, spokesman,  a an the , ,\n \t said Al-Amin Al-amin _x x_ 7, \u00e9t\u00e9, "
    "the Amins O'Brien O'Brien, J. J., the lawyer, \u2019s spokesman,\u00a0 told him, Ndiaye Ndiaye, \u201c"
))


def _salad(rng: random.Random) -> str:
    seps = [" ", " ", " ", "", ",", ", ", "\n", "  ", "\u00a0"]
    return "".join(rng.choice(SALAD) + rng.choice(seps) for _ in range(rng.randint(0, 60)))


def _plain(text: str, name: str) -> list[tuple[str | None, bool]]:
    pattern = rf"(?:\b(?P<role>[a-z]+),\s+)?\b{re.escape(name)}\b(?P<after>,\s+(?:a|an|the)\s)?"
    return [(m.group("role"), m.group("after") is not None) for m in re.finditer(pattern, text)]


@pytest.mark.parametrize("seed", range(4))
def test_name_appositions_is_the_plain_scan(seed):
    rng = random.Random(seed)
    names = ["Amin", "Al-Amin", "O'Brien", "J.", "Ndiaye", "Al-amin"]
    for _ in range(1500):
        text = _salad(rng)
        for name in names:
            assert list(name_appositions(text, name)) == _plain(text, name), (text, name)
