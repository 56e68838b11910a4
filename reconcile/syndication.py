"""Syndicated copies: the same figure in the same (or a near-identical) sentence in several articles.

Wire copy reprinted by several outlets is one source, not several.  Copies are found among claims
that state the same interval, so the work stays small: claims are bucketed by their figure first
and sentences are compared only inside a bucket.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from reconcile.models import Claim

#: Word tokens of a sentence for near-duplicate comparison (letters and digits, apostrophes folded).
WORD = re.compile(
    r"""
    [^\W_]+          # a run of letters or digits
    (?:['’][^\W_]+)* # possessives and contractions stay one token
    """,
    re.VERBOSE,
)

#: The tokens ``WORD`` finds, in a text with no underscore (there ``\w`` is ``[^\W_]``), found faster.
PLAIN_WORD = re.compile(
    r"""
    \w+             # a run of letters or digits (no underscore in the text)
    (?:'\w+)*       # possessives and contractions stay one token (curly apostrophes folded first)
    """,
    re.VERBOSE,
)

#: Shingle overlap (Jaccard of word pairs) at or above which two sentences are one text; lenient,
#: because only claims of the same figure are compared (a light edit such as "said on Friday" stays a copy).
NEAR_DUPLICATE = 0.6
#: Sentences shorter than this (in words) are too generic to call copies.
MIN_WORDS = 5
#: Buckets larger than this compare exact text only (the pairwise near-duplicate test is skipped).
MAX_PAIRWISE = 200


def sentence_tokens(sentence: str) -> tuple[str, ...]:
    """Lower-case word tokens, curly quotes folded.

    >>> sentence_tokens("Budanov’s troops: 11,000!")
    ("budanov's", 'troops', '11', '000')
    """
    text = sentence.lower().replace("’", "'")
    return tuple((WORD if "_" in text else PLAIN_WORD).findall(text))


def shingles(tokens: Sequence[str]) -> frozenset[tuple[str, ...]]:
    """Word bigrams (unigrams for one-word texts).

    >>> sorted(shingles(("a", "b", "c")))
    [('a', 'b'), ('b', 'c')]
    """
    if len(tokens) < 2:
        return frozenset((t,) for t in tokens)
    return frozenset(itertools.pairwise(tokens))


def jaccard(a: frozenset, b: frozenset) -> float:
    """|a & b| / |a | b| (0.0 for two empty sets).

    >>> jaccard(frozenset({1, 2}), frozenset({2, 3}))
    0.3333333333333333
    """
    union = len(a | b)
    return len(a & b) / union if union else 0.0


#: Undated claims sort last.
_LAST = date.max


def representative_key(claim: Claim) -> tuple:
    """Order of claims inside a copy cluster: the earliest report is the original."""
    return (
        claim.as_of or _LAST,
        claim.published or _LAST,
        claim.article_id,
        claim.start,
        claim.end,
        claim.claim_id,
    )


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def copy_clusters(claims: Sequence[Claim]) -> list[list[Claim]]:
    """Partition claims into copy clusters; each cluster's first claim is its original.

    Two claims are copies when they state the same figure (value and interval) in the same
    or a near-identical sentence (usually in two articles: wire copy reprinted).  Clusters are
    returned in canonical order (by their original), so the result ignores input order.
    """
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        if c.sentence:
            buckets[(c.kind, c.unit, c.value, c.low, c.high)].append(i)
    uf: _UnionFind | None = None  # built at the first pair of copies
    for members in buckets.values():
        if len(members) < 2:
            continue
        by_text: dict[tuple[str, ...], list[int]] = defaultdict(list)
        seen: dict[str, tuple[str, ...]] = {}  # copies usually share the sentence string itself
        for i in members:
            sentence = claims[i].sentence
            tokens = seen.get(sentence)
            if tokens is None:
                tokens = seen[sentence] = sentence_tokens(sentence)
            if len(tokens) >= MIN_WORDS:
                by_text[tokens].append(i)
        for same in by_text.values():
            if len(same) > 1:
                uf = uf or _UnionFind(len(claims))
                for i in same[1:]:
                    uf.union(same[0], i)
        if len(by_text) < 2 or sum(map(len, by_text.values())) > MAX_PAIRWISE:
            continue
        distinct = [(same[0], shingles(text)) for text, same in by_text.items()]
        for a, (i, si) in enumerate(distinct):
            li = len(si)
            for j, sj in distinct[a + 1 :]:
                lj = len(sj)
                if min(li, lj) < NEAR_DUPLICATE * max(li, lj):
                    continue  # too different in length to reach the threshold
                common = len(si & sj)  # Jaccard without building the union: |a|b| = |a| + |b| - |a&b|
                if common / (li + lj - common) >= NEAR_DUPLICATE:
                    uf = uf or _UnionFind(len(claims))
                    uf.union(i, j)
    keys = [  # each claim's representative_key, built once
        (c.as_of or _LAST, c.published or _LAST, c.article_id, c.start, c.end, c.claim_id) for c in claims
    ]
    order = sorted(range(len(claims)), key=keys.__getitem__)
    if uf is None:  # no copies: every claim its own cluster
        return [[claims[i]] for i in order]
    clusters: dict[int, list[Claim]] = {}
    find = uf.find
    for i in order:  # members in key order, clusters in the order of their first (original) claim
        clusters.setdefault(find(i), []).append(claims[i])
    return list(clusters.values())
