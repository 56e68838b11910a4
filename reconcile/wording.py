"""The words of a judgement: figures, dates, who said it, and the quantity's label.

Everything a fact-checker pastes comes from here, so the format lives in one place:
``nearly 11,000 (Kyrylo Budanov, 2024-10-21)``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from datetime import date

from reconcile.models import Claim, Kind


def fmt_number(x: float | None) -> str:
    """A figure as a reader writes it: thousands separators, no spurious decimals.

    >>> fmt_number(11000.0), fmt_number(2.5), fmt_number(1.2e9), fmt_number(0.123456), fmt_number(None)
    ('11,000', '2.5', '1,200,000,000', '0.1235', 'unbounded')
    """
    if x is None or math.isnan(x):
        return "unbounded"
    if math.isinf(x):
        return "unbounded"
    if float(x).is_integer() and abs(x) < 1e18:
        return f"{int(x):,}"
    if abs(x) >= 1000:
        return f"{x:,.1f}".rstrip("0").rstrip(".")
    return f"{x:.4g}"


def fmt_dates(start: date | None, end: date | None = None) -> str:
    """An as-of date or range, shortened where the parts repeat.

    >>> fmt_dates(date(2024, 10, 14), date(2024, 10, 20))
    '2024-10-14..20'
    >>> fmt_dates(date(2024, 9, 28), date(2024, 10, 2)), fmt_dates(None)
    ('2024-09-28..10-02', 'undated')
    """
    if start is None:
        return "undated"
    if end is None or end == start:
        return start.isoformat()
    if end.year != start.year:
        return f"{start.isoformat()}..{end.isoformat()}"
    if end.month != start.month:
        return f"{start.isoformat()}..{end.strftime('%m-%d')}"
    return f"{start.isoformat()}..{end.strftime('%d')}"


def who(claim: Claim) -> str:
    """The speaker, else the outlet, else the article id."""
    d = claim.__dict__  # dict reads: cheaper than pydantic attribute lookups
    return (d["speaker"] or d["source"] or d["article_id"] or "unknown source").strip()


def figure(claim: Claim) -> str:
    """The figure as printed, hedge words kept: 'nearly 11,000'.

    >>> figure(Claim.model_construct(text="11,000", hedge="nearly", value=11000.0, unit="count"))
    'nearly 11,000'
    """
    d = claim.__dict__  # dict reads: cheaper than pydantic attribute lookups
    text = " ".join((d["text"] or "").split())
    if not text:
        text = fmt_number(d["value"])
        if d["unit"] not in ("count", "ordinal"):
            text = f"{text} {d['unit']}"
    hedge = (d["hedge"] or "").strip()
    if hedge and hedge.lower() not in text.lower():
        text = f"{hedge} {text}"
    return text


def claim_label(claim: Claim) -> str:
    """'nearly 11,000 (Kyrylo Budanov, 2024-10-21)'; projections say so."""
    d = claim.__dict__  # dict reads: cheaper than pydantic attribute lookups
    when = fmt_dates(d["as_of"], d["as_of_end"])
    if d["projection"]:
        when = f"projected for {when}"
    return f"{figure(claim)} ({who(claim)}, {when})"


def _most_common(values: list[str]) -> str | None:
    if values and values.count(values[0]) == len(values):  # all alike (count compares as == does)
        return values[0] or None  # one value throughout (an empty one names nothing)
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], len(v), v))


def quantity_label(claims: Sequence[Claim]) -> str:
    """A readable name for what a group measures: 'North Korean troops in Russia'."""
    fields = [c.__dict__ for c in claims]  # dict reads: cheaper than pydantic attribute lookups
    thing = _most_common([d["counted_text"] or "" for d in fields])
    thing = " ".join(thing.split()) if thing else thing
    thing = thing or _most_common([d["counted"] or "" for d in fields])
    if not thing:  # only the two ends of a change share nothing but their kind
        kind = fields[0]["kind"].value.replace("_", " ") if claims else "figure"
        thing = f"{kind} (stated change)" if any(d["change_id"] for d in fields) else kind
    if claims and fields[0]["kind"] == Kind.ordinal:
        owners = _most_common([d["owner"] or "" for d in fields])
        if owners:
            thing = f"{owners}'s {thing}"
    place = common_place([d["scope_info"].__dict__["places"] for d in fields])
    return f"{thing} in {place.title()}" if place else thing


def common_place(place_lists: Sequence[Sequence[str]]) -> str | None:
    """The shortest place that every list names or contains, if every list names one.

    >>> common_place([["eastern russia", "ukraine"], ["russia"]])
    'russia'
    >>> common_place([["kursk"], ["russia"]]) is None
    True
    """
    if not place_lists or not all(place_lists):
        return None
    lists = [[" ".join(p.lower().split()) for p in pl if p.strip()] for pl in place_lists]
    if not lists or not all(lists):
        return None
    candidates = sorted({p for pl in lists for p in pl}, key=lambda p: (len(p), p))
    for cand in candidates:
        words = set(cand.split())
        if all(any(words <= set(q.split()) for q in pl) for pl in lists):
            return cand
    return None
