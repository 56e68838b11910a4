"""The words of a judgement: figures, dates, who said it, and the quantity's label.

Everything a fact-checker pastes comes from here, so the format lives in one place:
``nearly 11,000 (Kyrylo Budanov, 2024-10-21)``.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Sequence
from datetime import date

from reconcile.group import _generic, normalise_counted
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


#: Quotation marks a counted text may carry from the sentence ('"The death toll').
QUOTES = "\"“”‘’' "

#: Speakers that name nobody once out of their article ("she said"): the outlet is named instead.
PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "one"])


def named_speaker(speaker: str | None) -> str | None:
    """The speaker, None when it is only a pronoun left unresolved ("she", "They").

    >>> named_speaker("She"), named_speaker("Marta Villanueva"), named_speaker(None)
    (None, 'Marta Villanueva', None)
    """
    if not speaker or " ".join(speaker.lower().split()) in PRONOUNS:
        return None
    return speaker


def who(claim: Claim) -> str:
    """The speaker, else the outlet, else the article id (a bare pronoun is no speaker).

    >>> who(Claim.model_construct(speaker="she", source="AP", article_id="a1"))
    'AP'
    """
    d = claim.__dict__  # dict reads: cheaper than pydantic attribute lookups
    speaker = d["speaker"]
    if speaker and len(speaker) <= 4 and speaker.strip().lower() in PRONOUNS:
        speaker = None  # named_speaker(speaker), inline: a label is worded for every figure shown
    return (speaker or d["source"] or d["article_id"] or "unknown source").strip()


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
        # a target date ("by Nov. 1") is what the forecast is for; without one the date is when it was made
        when = f"projected for {when}" if d["as_of_text"] else f"projection, {when}"
    return f"{figure(claim)} ({who(claim)}, {when})"


def _most_common(values: list[str]) -> str | None:
    if values and values.count(values[0]) == len(values):  # all alike (count compares as == does)
        return values[0] or None  # one value throughout (an empty one names nothing)
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], len(v), v))


def quantity_label(claims: Sequence[Claim], derived: str | None = None) -> str:
    """A readable name for what a group measures: 'North Korean troops in Russia'.

    ``derived`` is the counted thing the group was formed on when the reconciler read it through
    the verb ("killed 205 people" -> 'death', "residents were evacuated" -> 'evacuee'): it names
    the group, as the words after the figure ("people", "it") say less.
    """
    fields = [c.__dict__ for c in claims]  # dict reads: cheaper than pydantic attribute lookups
    thing = _most_common([d["counted_text"] or "" for d in fields])
    thing = " ".join(thing.strip(QUOTES).split()) if thing else thing  # '"The death toll' opens a quote
    thing = thing or _most_common([d["counted"] or "" for d in fields])
    if derived and thing:
        verdict = _relabel(thing, derived)  # cached: names repeat across groups
        if verdict is True or (verdict is None and not any(_same_word(derived, d["counted"]) for d in fields)):
            thing = plural(derived) if claims[0].kind in (Kind.count, Kind.number) else derived
    if not thing:  # only the two ends of a change share nothing but their kind
        kind = fields[0]["kind"].value.replace("_", " ") if claims else "figure"
        thing = f"{kind} (stated change)" if any(d["change_id"] for d in fields) else kind
    if claims and fields[0]["kind"] == Kind.ordinal:
        owners = _most_common([d["owner"] or "" for d in fields])
        if owners:
            thing = f"{owners}'s {thing}"
    place = common_place([d["scope_info"].__dict__["places"] for d in fields])
    return f"{thing} in {place.title()}" if place else thing


def plural(noun: str) -> str:
    """The plural of a counted thing's last word, for a label ('death' -> 'deaths').

    >>> [plural(w) for w in ["death", "injury", "missing person", "case", "arrest", "people"]]
    ['deaths', 'injuries', 'missing people', 'cases', 'arrests', 'people']
    """
    head, _, last = noun.rpartition(" ")
    if last in ("people", "staff", "personnel", "police", "attendance", "turnout", "crowd"):
        word = last
    elif last == "person":
        word = "people"
    elif last.endswith("y") and last[-2:-1] not in tuple("aeiou"):
        word = last[:-1] + "ies"
    elif last.endswith(("s", "sh", "ch", "x")):
        word = last + "es"
    else:
        word = last + "s"
    return f"{head} {word}" if head else word


@functools.lru_cache(maxsize=16384)
def _relabel(thing: str, derived: str) -> bool | None:
    """Whether a group labelled ``thing`` is named by its derived counted thing instead: False when
    the label already names it ('North Korean troops' for 'north korean troop'), True when the label
    says little ('people', 'it'), None when it depends on the claims' own counted things."""
    if derived == thing or normalise_counted(thing) == derived:
        return False
    return True if _says_little(thing) else None


def _says_little(thing: str) -> bool:
    """A counted text that names no quantity alone: 'people', 'residents', 'it'.

    >>> _says_little("people"), _says_little("It"), _says_little("North Korean troops")
    (True, True, False)
    """
    norm = normalise_counted(thing)
    return norm in _generic()[0] or norm in PRONOUNS


def _same_word(derived: str, counted: str | None) -> bool:
    """Whether a claim's own counted thing is (a plural or a capitalisation of) the derived one."""
    if not counted:
        return False
    own = " ".join(counted.lower().split())
    return own == derived or own.rstrip("s") == derived or own.removesuffix("es") == derived


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
