"""Which claims of one quantity belong to the same news story?

"3 people" in a road accident and "200 people" in a flood count the same thing but are not
rivals.  Inside a block (same dimension and counted thing) claims are linked into one story
when they share an article or a story anchor: a capitalised word of their sentence or title
("Budanov", "Kursk", "Valencia", "Helene") that is not on the generic list of the
``story_anchors`` lexicon.  Claims with no anchor at all cannot be placed and join the one story
of the block when there is a single one, or a story of their own otherwise.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Sequence

from reconcile.lexicons import load
from reconcile.models import Claim
from reconcile.syndication import _UnionFind

#: Characters after which a capital only marks a new sentence, quote or clause.
OPENERS = frozenset('.!?:;“"(—–')
#: Punctuation stripped from the end of a capitalised word.
TRAILING = ".,;:!?”\"'’)]…"
#: Closing quotes and brackets that may follow a sentence end ('said.”').
CLOSERS = "”\"'’)]"
#: Opening quotes and brackets: a word that starts with one opens a quote, not a name.
LEADING = " \t\n“\"'‘("


#: A title is in title case when at least this share of its longer words is capitalised.
TITLE_CASE_SHARE = 0.6


@functools.cache
def _ignored() -> frozenset[str]:
    return frozenset(load("story_anchors")["ignore"])


def _fold(word: str) -> str:
    word = word.replace("’", "'")
    word = word.removesuffix("'s")
    return word.lower().replace(".", "")


@functools.lru_cache(maxsize=16384)
def text_anchors(text: str) -> frozenset[str]:
    """Capitalised words of a sentence that can tie it to a story (sentence openers skipped).

    >>> sorted(text_anchors("South Korea’s spy agency warned last week that 1,500 soldiers were in Russia."))
    ['korea', 'russia']
    >>> sorted(text_anchors("“We said so,” Zelensky told ABC. Then (LONDON) Kyiv-based firms"))
    ['kyiv-based', 'zelensky']
    """
    ignored = _ignored()
    out = set()
    opens = True  # the first word opens the sentence
    for token in text.split():
        word = token.lstrip(LEADING)
        if word and word[0].isupper() and not opens and len(word) == len(token):
            folded = _fold(word.rstrip(TRAILING))
            if len(folded) > 1 and folded not in ignored:
                out.add(folded)
        opens = token[-1] in OPENERS or token.rstrip(CLOSERS)[-1:] in OPENERS
    return frozenset(out)


@functools.lru_cache(maxsize=65536)
def title_anchors(title: str) -> frozenset[str]:
    """Anchors of a headline; none when it is in title case (every word capitalised).

    >>> sorted(title_anchors("Austin arrives in Kyiv as troops gather"))
    ['kyiv']
    >>> title_anchors("Death Toll Rises To 205 After Storm")
    frozenset()
    """
    words = [w for w in title.split() if len(w) > 3 and w[0].isalpha()]
    if words and sum(w[0].isupper() for w in words) / len(words) >= TITLE_CASE_SHARE:
        return frozenset()
    return text_anchors(title)


def claim_anchors(claim: Claim) -> frozenset[str]:
    anchors = text_anchors(claim.sentence) if claim.sentence else frozenset()
    if claim.title:
        anchors = anchors | title_anchors(claim.title)
    return anchors


def story_components(units: Sequence[Sequence[Claim]]) -> list[list[int]]:
    """Partition units (copy clusters) of one block into stories; returns lists of unit indices.

    Deterministic for a given set of units: indices within a story are ascending and stories
    are ordered by their first index.
    """
    n = len(units)
    if n <= 1:
        return [list(range(n))]
    uf = _UnionFind(n)
    first_with: dict[str, int] = {}
    anchored = [False] * n
    for i, unit in enumerate(units):
        for claim in unit:
            for key in (f"article:{claim.article_id}", *claim_anchors(claim)):
                if not key.startswith("article:"):
                    anchored[i] = True
                j = first_with.setdefault(key, i)
                if j != i:
                    uf.union(i, j)
    roots: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        roots[uf.find(i)].append(i)
    stories = list(roots.values())
    placed = [s for s in stories if any(anchored[i] for i in s)]
    loose = [i for s in stories if not any(anchored[i] for i in s) for i in s]
    if loose:
        if len(placed) == 1:
            placed[0].extend(loose)
        else:
            placed.append(loose)
    for s in placed:
        s.sort()
    return sorted(placed, key=lambda s: s[0])
