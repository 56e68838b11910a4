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


#: ASCII letters and digits kept, the apostrophe kept, every other ASCII character made a space:
#: in ASCII text with no underscore, ``PLAIN_WORD``'s tokens are the runs this leaves (split again
#: at an apostrophe that does not join two word characters).
ASCII_RUNS = {i: chr(i) if chr(i).isalnum() or chr(i) == "'" else " " for i in range(128)}


def sentence_tokens(sentence: str) -> tuple[str, ...]:
    """Lower-case word tokens, curly quotes folded.

    >>> sentence_tokens("Budanov’s troops: 11,000!")
    ("budanov's", 'troops', '11', '000')
    """
    text = sentence.lower().replace("’", "'")
    if "_" in text:
        return tuple(WORD.findall(text))
    if not text.isascii():
        return tuple(PLAIN_WORD.findall(text))
    # ASCII: one C translation and a split, several times faster than the pattern
    runs = text.translate(ASCII_RUNS).split()
    if "'" not in text:
        return tuple(runs)
    return tuple(t for run in runs for t in ((run,) if "'" not in run else PLAIN_WORD.findall(run)))


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


def copy_clusters(claims: Sequence[Claim], *, canonical: bool = False) -> list[list[Claim]]:
    """Partition claims into copy clusters; each cluster's first claim is its original.

    Two claims are copies when they state the same figure (value and interval) in the same
    or a near-identical sentence (usually in two articles: wire copy reprinted).  Clusters are
    returned in canonical order (by their original), so the result ignores input order.
    ``canonical=True`` says the claims are already sorted by ``canonical_key``, the tail of
    ``representative_key``: a stable sort by the dates alone then gives the same order.
    """
    # fields are read from each claim's ``__dict__`` (a pydantic model's attribute lookup goes
    # through its ``__getattr__`` hook, several times the cost of a dict read)
    fields = [c.__dict__ for c in claims]
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for i, d in enumerate(fields):
        if d["sentence"]:
            buckets[(d["kind"], d["unit"], d["value"], d["low"], d["high"])].append(i)
    # a union-find over claim indices, made at the first pair of copies; a claim is in one bucket,
    # so the indices of a bucket are still their own roots when the bucket is reached
    parent: list[int] = []

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for members in buckets.values():
        if len(members) < 2:
            continue
        by_text: dict[tuple[str, ...], list[int]] = defaultdict(list)
        seen: dict[str, tuple[str, ...]] = {}  # copies usually share the sentence string itself
        for i in members:
            sentence = fields[i]["sentence"]
            tokens = seen.get(sentence)
            if tokens is None:
                tokens = seen[sentence] = sentence_tokens(sentence)
            if len(tokens) >= MIN_WORDS:
                by_text[tokens].append(i)
        for same in by_text.values():
            if len(same) > 1:
                parent = parent or list(range(len(claims)))
                for i in same[1:]:
                    parent[i] = same[0]  # the same words: one text
        if len(by_text) < 2 or sum(map(len, by_text.values())) > MAX_PAIRWISE:
            continue
        distinct = [(same[0], sh, len(sh)) for text, same in by_text.items() for sh in (shingles(text),)]
        for a, (i, si, li) in enumerate(distinct):
            for j, sj, lj in distinct[a + 1 :]:
                if li < NEAR_DUPLICATE * lj or lj < NEAR_DUPLICATE * li:
                    continue  # too different in length to reach the threshold
                common = len(si & sj)  # Jaccard without building the union: |a|b| = |a| + |b| - |a&b|
                if common / (li + lj - common) >= NEAR_DUPLICATE:
                    parent = parent or list(range(len(claims)))
                    ri, rj = find(i), find(j)
                    parent[max(ri, rj)] = min(ri, rj)
    if canonical:  # the rest of each representative_key is the (sorted) input order
        keys = [(d["as_of"] or _LAST, d["published"] or _LAST) for d in fields]
    else:
        keys = [  # each claim's representative_key, built once
            (d["as_of"] or _LAST, d["published"] or _LAST, d["article_id"], d["start"], d["end"], d["claim_id"])
            for d in fields
        ]
    order = sorted(range(len(claims)), key=keys.__getitem__)
    if not parent:  # no copies: every claim its own cluster
        return [[claims[i]] for i in order]
    clusters: dict[int, list[Claim]] = {}
    for i in order:  # members in key order, clusters in the order of their first (original) claim
        clusters.setdefault(i if parent[i] == i else find(i), []).append(claims[i])
    return list(clusters.values())
