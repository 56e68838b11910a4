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
    return tuple(WORD.findall(sentence.lower().replace("’", "'")))


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


def representative_key(claim: Claim) -> tuple:
    """Order of claims inside a copy cluster: the earliest report is the original."""
    return (
        claim.as_of or date.max,
        claim.published or date.max,
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
    uf = _UnionFind(len(claims))
    for members in buckets.values():
        if len(members) < 2:
            continue
        tokens = {i: sentence_tokens(claims[i].sentence) for i in members}
        members = [i for i in members if len(tokens[i]) >= MIN_WORDS]
        by_text: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i in members:
            by_text[tokens[i]].append(i)
        for same in by_text.values():
            for i in same[1:]:
                uf.union(same[0], i)
        if len(by_text) < 2 or len(members) > MAX_PAIRWISE:
            continue
        distinct = [(same[0], shingles(text)) for text, same in by_text.items()]
        for a in range(len(distinct)):
            for b in range(a + 1, len(distinct)):
                (i, si), (j, sj) = distinct[a], distinct[b]
                if min(len(si), len(sj)) < NEAR_DUPLICATE * max(len(si), len(sj)):
                    continue  # too different in length to reach the threshold
                if jaccard(si, sj) >= NEAR_DUPLICATE:
                    uf.union(i, j)
    keys = [representative_key(c) for c in claims]  # each claim's key built once
    order = sorted(range(len(claims)), key=keys.__getitem__)
    if all(uf.parent[i] == i for i in range(len(claims))):  # no copies: every claim its own cluster
        return [[claims[i]] for i in order]
    clusters: dict[int, list[Claim]] = {}
    for i in order:  # members in key order, clusters in the order of their first (original) claim
        clusters.setdefault(uf.find(i), []).append(claims[i])
    return list(clusters.values())
