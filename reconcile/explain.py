"""The one-line reason and the pasteable summary of a judged group.

``reconcile.judge`` decides; this module only words the decision.  Items are the judge's copy
clusters (``reconcile.judge.Item``): ``claim`` (the original report), ``best``, ``low``,
``high``, ``sig``, ``key`` (the claim's ``canonical_key``) and ``label``, filled by ``label()``.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from reconcile.models import Claim, Verdict
from reconcile.scope_compare import describe, differences
from reconcile.wording import claim_label, figure, fmt_dates, fmt_number, who

if TYPE_CHECKING:
    from reconcile.judge import Item

Pairs = dict[str, tuple["Item", "Item"]]

#: How a series is named by its direction (a falling series is a revision).
TREND = {
    "rising": "a rising series",
    "falling": "a falling series (revised down)",
    "mixed": "a series revised up and down",
}
#: At most this many steps of a series are printed.
MAX_STEPS = 6


def label(item: Item) -> str:
    """The item's ``claim_label``, worded once per judgement (reason and summary share it)."""
    if item.label is None:
        item.label = claim_label(item.claim)
    return item.label


def by_best(pair: tuple[Item, Item]) -> tuple[Item, Item]:
    """The pair with the lower figure first: ``sorted(pair, key=lambda i: i.best)`` (stable: equal
    figures keep their order), without a sort call."""
    a, b = pair
    return (b, a) if b.best < a.best else (a, b)  # the one comparison a sort of two makes


def date_gap(a: Claim, b: Claim) -> int | None:
    """Days between two claims' as-of dates (ranges count from their nearest ends); None if undated.

    >>> from reconcile.models import Claim
    >>> date_gap(Claim.model_construct(as_of=date(2024, 1, 1), as_of_end=date(2024, 1, 7)),
    ...          Claim.model_construct(as_of=date(2024, 1, 9), as_of_end=None))
    2
    """
    da, db = a.__dict__, b.__dict__  # fields read from the dicts: cheaper than pydantic attribute lookups
    a_start, b_start = da["as_of"], db["as_of"]
    if a_start is None or b_start is None:
        return None
    a_end, b_end = da["as_of_end"] or a_start, db["as_of_end"] or b_start
    return max(0, (b_start - a_end).days, (a_start - b_end).days)


def direction(values: Sequence[float]) -> str:
    """'rising', 'falling' or 'mixed' (a flat series counts as rising).

    >>> direction([95, 158, 205]), direction([300, 240]), direction([1, 3, 2])
    ('rising', 'falling', 'mixed')
    """
    if all(x <= y for x, y in itertools.pairwise(values)):
        return "rising"
    if all(x >= y for x, y in itertools.pairwise(values)):
        return "falling"
    return "mixed"


def _steps(labels: list[str]) -> str:
    if len(labels) > MAX_STEPS:
        labels = [*labels[: MAX_STEPS - 2], "…", labels[-1]]
    return " → ".join(labels)


def series(items: Sequence[Item]) -> tuple[str, str]:
    """'95 (AP, 2024-10-30) → 158 (Reuters, 2024-11-03)' in date order, and its direction."""
    ordered = sorted(items, key=lambda i: (i.claim.as_of or date.max, i.best, i.key))
    # a forecast ("could rise to 150") is listed but is no step of the count: 86 -> 79 is revised down
    counts = [i.best for i in ordered if not i.claim.projection]
    return _steps([label(i) for i in ordered]), direction(counts or [i.best for i in ordered])


def change_chains(items: Sequence[Item]) -> list[list[Item]]:
    """Stated changes linked end to start: 'from 27 to 25' then 'from 25 to 18' -> [27, 25, 18]."""
    ends: dict[str, dict[str, Item]] = {}
    for it in items:
        if it.claim.change_id:
            ends.setdefault(it.claim.change_id, {})[it.claim.change_role or "to"] = it
    pairs = sorted(
        ((e["from"], e["to"]) for e in ends.values() if "from" in e and "to" in e),
        key=lambda p: p[0].key,
    )
    followers = {id(p): [q for q in pairs if q is not p and q[0].best == p[1].best] for p in pairs}
    preceded = {id(q) for p in pairs for q in followers[id(p)]}
    chains, used = [], set()
    for p in [p for p in pairs if id(p) not in preceded] + pairs:
        if id(p) in used:
            continue
        chain = [p[0]]
        while p is not None and id(p) not in used:
            used.add(id(p))
            chain.append(p[1])
            p = next((q for q in followers[id(p)] if id(q) not in used), None)
        chains.append(chain)
    return chains


def _chain_text(chain: list[Item]) -> str:
    last = chain[-1].claim
    return (
        f"{' → '.join(figure(i.claim) for i in chain)} ({who(last)}, {fmt_dates(last.as_of, last.as_of_end)})"
    )


def reason(
    verdict: Verdict,
    pairs: Pairs,
    items: list[Item],
    claims: Sequence[Claim],
    unit: str,
    factor: float,
    window_days: float,
    offset: float = 0.0,
) -> str:
    """One line saying why the verdict holds, naming the figures, sources, dates or scopes (``factor``
    and ``offset``: the display unit's size and zero in base units)."""
    if verdict == Verdict.conflict:
        a, b = by_best(pairs["conflict"])
        gap = date_gap(a.claim, b.claim)
        when = (
            "at least one is undated"
            if gap is None
            else "on the same dates"
            if gap == 0
            else f"{gap} day{'s' if gap != 1 else ''} apart, within the {fmt_number(window_days)}-day window"
        )
        return (
            f"different sources, figures that do not overlap, {when}: "
            f"{label(a)} vs {label(b)}"
        )
    if verdict == Verdict.scope:
        a, b = by_best(pairs["scope"])
        facets = ", ".join(differences(a.sig, b.sig))
        return (
            f"the figures count different things (scope differs in {facets}): "
            f"{figure(a.claim)} {describe(a.claim)} vs {figure(b.claim)} {describe(b.claim)}"
        )
    if verdict == Verdict.evolving:
        return _evolving_reason(pairs, items)
    if len(items) == 1:
        return f"one report syndicated as {len(claims)} copies" if len(claims) > 1 else "a single claim"
    note = "; their scopes differ but the figures agree" if "scope_seen" in pairs else ""
    if "rounded" in pairs:
        coarse, fine = pairs["rounded"]  # the less precise figure first
        return (f"the same source ({who(coarse.claim)}) gives {figure(coarse.claim)} and {figure(fine.claim)} on the "
                f"same date ({fmt_dates(coarse.claim.as_of, coarse.claim.as_of_end)}): {figure(coarse.claim)} is "
                f"{figure(fine.claim)} rounded, not a revision{note}")
    lo, hi = (max(i.low for i in items) - offset) / factor, (min(i.high for i in items) - offset) / factor
    shown = "" if unit in ("count", "ordinal") else f" {unit}"
    if lo > hi:
        # figures one unit of their last decimal apart ("66.3%" vs "66.4%"): roundings of one value
        return (f"all {len(items)} independent figures agree within the rounding of their written forms "
                f"({fmt_number(hi)}..{fmt_number(lo)}{shown}: rounding){note}")
    common = fmt_number(lo) if lo == hi else f"{fmt_number(lo)}..{fmt_number(hi)}"
    return f"all {len(items)} independent figures overlap (common range {common}{shown}){note}"


def _evolving_reason(pairs: Pairs, items: list[Item]) -> str:
    chains = change_chains(items) if "change" in pairs else []
    if chains and all(i.claim.change_id for i in items):
        values = [i.best for i in chains[0]]
        text = "; ".join(_chain_text(c) for c in chains)
        return f"{TREND[direction(values)]}: a stated change, not a conflict: {text}"
    why = []
    if chains:
        why.append("a stated change (" + "; ".join(_chain_text(c) for c in chains) + ")")
    elif "change" in pairs:
        why.append("a change's old and new values")
    if "revision" in pairs:
        why.append(f"revised by the same source ({who(pairs['revision'][0].claim)})")
    if "partial" in pairs:
        why.append("a partial count against a fuller one (counting was still under way)")
    if "dated" in pairs:
        a, b = sorted(pairs["dated"], key=lambda i: i.claim.as_of or date.max)
        why.append(
            f"the as-of dates explain it ({fmt_dates(a.claim.as_of, a.claim.as_of_end)} vs "
            f"{fmt_dates(b.claim.as_of, b.claim.as_of_end)})"
        )
    if "projection" in pairs:
        p = next(i for i in pairs["projection"] if i.claim.projection)
        when = p.claim.as_of_text or fmt_dates(p.claim.as_of, p.claim.as_of_end)
        why.append(f"a projection ({when}) is not a current count")
    text, trend = series(items)
    return f"{TREND[trend]}: {'; '.join(why)}: {text}"


def summary(verdict: Verdict, pairs: Pairs, items: list[Item]) -> str:
    """The line a fact-checker pastes: '1,500 (South Korea's spy agency, 2024-10-14..20) vs ...'."""
    if verdict in (Verdict.conflict, Verdict.scope):
        pair = by_best(pairs[verdict])  # a StrEnum member is its value
    elif verdict == Verdict.evolving:
        chains = change_chains(items) if "change" in pairs else []
        if chains and all(i.claim.change_id for i in items):
            return "; ".join(_chain_text(c) for c in chains)
        return series(items)[0]
    else:
        pair = [
            min(items, key=lambda i: (i.best, i.key)),
            max(items, key=lambda i: (i.best, i.key)),
        ]
        if pair[0] is pair[1]:
            return label(pair[0])
    text = " vs ".join(label(i) for i in pair)
    rest = len(items) - 2
    return f"{text} (+{rest} more)" if rest > 0 else text
