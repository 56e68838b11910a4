"""One group of comparable claims -> one verdict, a one-line reason, severity and summary.

Claims are first merged into *items*: a syndicated copy cluster is one item (its earliest report
speaks for it), so copies neither add sources nor add comparisons.  Every pair of items whose
intervals do not overlap is then explained, in this order:

``change``      the two ends of one stated change ("from 27 to 25"), or a change's old value
``scope``       their scopes differ (subset, place, period, definition)
``projection``  a forecast ("by Nov. 1") against a current count
``rounded``     the same source on the same date, one figure the other rounded ("6%", "6.1%"): agrees
``revision``    the same source (speaker, else outlet) said both
``partial``     one of them comes from a count still under way ("preliminary results", "with 92% counted")
``dated``       their as-of dates lie more than ``window_days`` apart, or they are figures of two
                reporting periods that do not overlap (February's and March's, even from one source and
                within a rounding), or the count is a toll (``cumulative`` lexicon) and the later
                figure is the higher one
``conflict``    none of the above: different sources, same time, no overlap

Verdict: any conflict pair -> ``conflict``; else any scope pair -> ``scope``; else any other
explained pair (but ``rounded``) -> ``evolving``; no disjoint pair, or only ``rounded`` ones ->
``consistent``.  By Helly's theorem on the
line, intervals overlap pairwise exactly when the largest low is at most the smallest high, so
consistent groups cost O(n) and pairs are examined only when something disagrees.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reconcile.errors import InvalidInput, UnitMismatch
from reconcile.explain import date_gap, reason, summary
from reconcile.group import _family, block_key, canonical_key, normalise_counted
from reconcile.lexicons import load
from reconcile.models import Claim, Group, Kind, Qualifier, Verdict, assembled
from reconcile.scope_compare import Signature, differences, signature
from reconcile.syndication import copy_clusters
from reconcile.wording import PRONOUNS, quantity_label

#: Relative tolerance when comparing figures in one unit (float noise only).
RTOL = 1e-9
#: Relative tolerance between figures stated in different units: a writer's conversion is rounded
#: ("1,200 miles" is printed as "1,931 km", not 1,931.2 km).
CONVERTED_RTOL = 0.005
#: Past this many items the pairwise pass first keeps only the extreme items of each partition.
PAIRWISE_LIMIT = 300
#: Every field of ``Group`` is given when one is built: one shared field set (a set each is ~0.7 kB).
_GROUP_FIELDS = set(Group.model_fields)
#: Undated claims sort last.
_LAST = date.max
#: Base severity of each verdict (then spread, sources and overlap add to it).
WEIGHT = {Verdict.conflict: 3.0, Verdict.scope: 1.0, Verdict.evolving: 1.0, Verdict.consistent: 0.0}


#: A figure from a count still under way: "preliminary results", "with 92% of ballots counted".
PARTIAL_COUNT = re.compile(
    r"""\b(?:preliminary|partial|provisional|incomplete|early)\s+(?:results|returns|count|tally|figures)\b
      | \bwith\s+(?:about\s+|nearly\s+|almost\s+|more\s+than\s+)?\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent)
        \s+of\s+(?:the\s+)?(?:ballots|votes|vote|precincts|polling\s+stations)\s+(?:counted|reporting|tallied|in)\b
      | \bwith\s+(?:almost|nearly|virtually|most)\s+(?:all\s+)?(?:of\s+the\s+)?(?:ballots|votes|precincts)
        \s+(?:counted|reporting|tallied|in)\b                     # "with almost all ballots counted"
      """,
    re.VERBOSE | re.IGNORECASE,
)


def is_partial(sentence: str) -> bool:
    """Does ``PARTIAL_COUNT`` match?  The pattern runs only when its necessary pieces are there.

    Every match holds, in lower case, a piece of the word before and of the word after (first
    form), or "of", the share and the counted thing (second form), or "all" or "mo" (almost all,
    most) and the counted thing (third form).  No piece holds an "i" or an "s",
    the only ASCII letters a case-blind match also finds in another letter ("ı", "ſ") that
    ``lower()`` leaves as it is, so a text whose ``lower()`` lacks them cannot match.

    >>> is_partial("Preliminary results gave 41%."), is_partial("With 92% of ballots counted, 41%.")
    (True, True)
    >>> is_partial("The toll rose to 205, officials said.")
    False
    """
    low = sentence.lower()
    if not (
        ("prel" in low or "part" in low or "prov" in low or "ncomplete" in low or "early" in low)
        and ("ult" in low or "return" in low or "count" in low or "tally" in low or "gure" in low)
    ) and not (
        "of" in low
        and ("%" in low or "per" in low)
        and ("ballot" in low or "vote" in low or "prec" in low or "poll" in low)
    ) and not (
        ("all" in low or "mo" in low)  # the third form: "with almost all ballots counted", "with most precincts in"
        and ("ballot" in low or "vote" in low or "prec" in low)
    ):
        return False
    return PARTIAL_COUNT.search(sentence) is not None


@dataclass(slots=True, eq=False)
class Item:
    """A copy cluster as one comparable figure (interval in base units)."""

    claim: Claim
    low: float
    high: float
    best: float
    source: str
    sig: Signature
    key: tuple  # the claim's canonical_key
    label: str | None = None  # its claim_label, once the wording needs it (``explain.label``)
    step: float | None = None  # its _rounding_step, once a pair needs it (``rounding_step``)
    partial: bool | None = None  # is_partial of its sentence, once a pair needs it (``partial_count``)
    vague: bool = False  # a vague word ("dozens"), not a stated figure


@functools.lru_cache(maxsize=4096)
def _factor(unit: str) -> float:
    """The size of one ``unit`` in base units (a Celsius degree is one kelvin)."""
    from reconcile.units import to_base

    try:
        return to_base(1.0, unit)[0] - to_base(0.0, unit)[0]
    except Exception:  # noqa: BLE001 - pint raises many kinds on odd units; an unknown unit is its own base
        return 1.0


#: Units whose zero is not their base unit's (pint's names; 0 °C is 273.15 K): only figures in these
#: need an offset (``_offset``) added; a test checks the set against pint.
OFFSET_UNITS = frozenset(["degree_Celsius", "degree_Fahrenheit", "degree_Reaumur"])


@functools.lru_cache(maxsize=4096)
def _offset(unit: str) -> float:
    """Where the unit's zero lies in base units: 0 but for a unit with an offset (0 °C is 273.15 K).

    >>> _offset("degree_Celsius"), _offset("kilometer"), _offset("count")
    (273.15, 0.0, 0.0)
    """
    from reconcile.units import to_base

    try:
        return to_base(0.0, unit)[0]
    except Exception:  # noqa: BLE001 - as in _factor
        return 0.0


@functools.lru_cache(maxsize=65536)
def _voice(prefix: str, name: str) -> str | None:
    """'speaker:kyrylo budanov' from ' Kyrylo  Budanov'; None for a blank name (names repeat: cached).

    A speaker that is only a pronoun ("she said") is None too: nobody to tell apart from another
    article's "she", so the outlet speaks.

    >>> _voice("speaker:", " Kyrylo  Budanov"), _voice("speaker:", "She"), _voice("outlet:", "AP")
    ('speaker:kyrylo budanov', None, 'outlet:ap')
    """
    folded = " ".join(name.lower().split())
    if prefix == "speaker:" and folded in PRONOUNS:
        return None
    return prefix + folded if name.strip() else None


def _source(claim: Claim) -> str:
    d = claim.__dict__  # dict reads: cheaper than pydantic attribute lookups
    speaker, source = d["speaker"], d["source"]
    return (
        (speaker and _voice("speaker:", speaker))
        or (source and _voice("outlet:", source))
        or "article:" + d["article_id"]
    )


#: A vague quantifier's interval ("dozens": 24..144) is stretched by this factor at both ends.
VAGUE_SLACK = 1.25

#: ``Qualifier`` values whose unbounded interval means "the stated value exactly" (members of a
#: ``StrEnum``: each is its value, so the set holds them without reading ``.value``).
_POINT = frozenset([Qualifier.exact, Qualifier.approximate, Qualifier.range, Qualifier.vague])


def _item(cluster: Sequence[Claim], affine: bool = False) -> Item:
    """The cluster as an item; ``affine``: its group holds a unit with an offset (°C, °F), added here."""
    c = cluster[0]
    d = c.__dict__  # fields read from the dict: cheaper than pydantic attribute lookups
    f = _factor(d["unit"])
    low, high, value = d["low"], d["high"], d["value"]
    if low is None and high is None and d["qualifier"] in _POINT:
        low = high = value
    lo = -math.inf if low is None else low * f
    hi = math.inf if high is None else high * f
    best = value * f
    if affine:  # a temperature: the unit's zero is not the base unit's
        o = _offset(d["unit"])
        lo, hi, best = lo + o, hi + o, best + o
    vague = d["qualifier"] == Qualifier.vague
    if vague and lo >= 0:
        # "dozens", "several", "hundreds of": a word, not a count; its bounds are soft ("dozens of
        # people were injured" vs "21 injured people" is no conflict, "hundreds" vs "150" still is)
        lo, hi = lo / VAGUE_SLACK, hi * VAGUE_SLACK
    key = (d["article_id"], d["start"], d["end"], d["claim_id"])  # canonical_key(c)
    return Item(c, lo, hi, best, _source(c), signature(d["scope_info"]), key, vague=vague)


def _disjoint(a: Item, b: Item) -> bool:
    lo, hi = (a, b) if a.high <= b.high else (b, a)
    if lo.high >= hi.low:
        return False  # they meet: no tolerance can part them (the test below, decided early)
    scale = max(
        abs(lo.high) if math.isfinite(lo.high) else 0.0, abs(hi.low) if math.isfinite(hi.low) else 0.0
    )
    rtol = CONVERTED_RTOL if a.claim.__dict__["unit"] != b.claim.__dict__["unit"] else RTOL  # dict reads
    if not lo.high < hi.low - rtol * max(scale, 1.0):
        return False
    gap = hi.low - lo.high
    if a.claim.__dict__["kind"] in _PHYSICAL and _rounding_covers(a, b, gap):
        return False
    return not _last_digit_apart(a, b, gap)


#: A figure as written: its whole part and its decimals ("66.3", "1.25", "52,000").
WRITTEN = re.compile(r"(\d[\d,]*)(?:\.(\d+))?")


def _rounding_step(item: Item) -> float:
    """How much the figure as written may have been rounded, in base units: one unit of its last
    decimal ("66.3%": 0.1), or of its last non-zero digit for a whole figure ending in three zeros
    or more with two significant digits or more ("52,000": 1,000), or of its last digit when a scale
    word or suffix multiplies it ("$45 billion": a billion, "3m": a million); 0 for any other figure
    ("200", "215", "1,500" are taken as written).

    >>> from reconcile.models import Claim
    >>> def it(t, v):
    ...     c = Claim(claim_id=t, article_id="a", text=t, start=0, end=1, kind="count", value=v, low=v, high=v)
    ...     return Item(c, v, v, v, "s", None, None)
    >>> [_rounding_step(it(t, v)) for t, v in [("66.3%", 66.3), ("52,000", 52000), ("200", 200), ("$1.25bn", 1.25e9)]]
    [0.1, 1000.0, 0.0, 10000000.0]
    >>> [_rounding_step(it(t, v)) for t, v in [("$45 billion", 45e9), ("3m", 3e6), ("45k", 45e3)]]
    [1000000000.0, 1000000.0, 1000.0]
    """
    c = item.claim
    m = WRITTEN.search(c.text)
    if m is None or not c.value:
        return 0.0
    whole, decimals = m.group(1).replace(",", ""), m.group(2)
    written = float(whole + ("." + decimals if decimals else ""))
    if not written:
        return 0.0
    scale = abs(item.best / written)  # "$1.25bn": a written unit is a billion (in base units)
    if c.__dict__["unit"] in OFFSET_UNITS:  # "44C": its best holds the offset
        scale = _written_unit(item, written)
    if decimals:
        return round(10.0 ** -len(decimals) * scale, 12)
    zeros = len(whole) - len(whole.rstrip("0"))
    if zeros >= 3 and len(whole) - zeros >= 2:
        return 10.0 ** zeros * scale
    if abs(c.__dict__["value"] / written) >= SCALED and c.__dict__["unit"] not in OFFSET_UNITS:
        return scale  # "$45 billion" may be $44.6 billion rounded to the billion (not "6 miles" in metres)
    return 0.0


#: A written figure multiplied by at least this much carries a scale word or suffix ("45 billion", "3m").
SCALED = 1000.0


#: Kinds whose unit is a physical one pint converts (a writer may convert and round them).
_PHYSICAL = frozenset([Kind.measure, Kind.duration])
#: Qualifiers of a figure that stands for one value as written (its rounding is its precision).
_WRITTEN_POINT = frozenset([Qualifier.exact, Qualifier.approximate])


@functools.lru_cache(maxsize=65536)
def written_precision(text: str) -> tuple[float, float] | None:
    """The figure as written in ``text`` and one unit of its last significant digit, in the unit
    it is written in: one unit of its last decimal ("6.2 miles": 0.1), else of its last digit
    ("6 miles", "10 km", "215": 1), except that a whole figure ending in zeros is read as rounded at
    its second significant digit ("100 km": 10, "1,200 miles": 100, "52,000": 1,000); None when
    no digits are written ("three").

    >>> written_precision("6.2 miles"), written_precision("10 km"), written_precision("1,200 miles")
    ((6.2, 0.1), (10.0, 1.0), (1200.0, 100.0))
    >>> written_precision("three") is None
    True
    """
    m = WRITTEN.search(text)
    if m is None:
        return None
    whole, decimals = m.group(1).replace(",", ""), m.group(2)
    written = float(whole + ("." + decimals if decimals else ""))
    if decimals:
        return written, round(10.0 ** -len(decimals), 12)
    zeros = len(whole) - len(whole.rstrip("0"))
    return written, 10.0 ** max(0, min(zeros, len(whole) - 2))


def _written_unit(item: Item, written: float) -> float:
    """One unit of the figure as written, in base units: "$1.25bn" is 1.25 written units of a billion
    dollars, "6.2 miles" 6.2 of 1,609.344 m, "44C" 44 of one kelvin (its offset aside)."""
    unit = item.claim.__dict__["unit"]
    return abs(item.claim.__dict__["value"] / written) * _factor(unit)


def _half_step(item: Item) -> float:
    """Half of one unit of the item's last significant written digit, in base units (0 if unknown)."""
    d = item.claim.__dict__
    if d["qualifier"] not in _WRITTEN_POINT or not d["value"]:
        return 0.0
    found = written_precision(d["text"])
    if found is None or not found[0]:
        return 0.0
    written, step = found
    # "$1.25bn", "6.2 miles": the written unit in base units ("44C": its best holds the offset)
    scale = _written_unit(item, written) if d["unit"] in OFFSET_UNITS else abs(item.best / written)
    return step * scale / 2


def _rounding_covers(a: Item, b: Item, gap: float) -> bool:
    """Physical figures ("6 miles", "10 km") agree when the rounding implied by how one of them is
    written covers the other: "a depth of 6 miles" (5.5 to 6.5 miles) and "10 km" (6.21 miles) are
    one depth, converted and rounded; "12 km" (7.46 miles) is not.  A figure exactly half a step
    away is not covered ("6.5 miles" against "6 miles" stays apart).
    """
    return gap < max(_half_step(a), _half_step(b)) * (1 - 1e-9)


def _last_digit_apart(a: Item, b: Item, gap: float) -> bool:
    """Two exact figures no further apart than the rounding their written forms allow: each may be
    a rounding of the same value ("66.3%" and "66.4%" of turnout, "a crowd of 52,000" and "an
    attendance of 51,870", "1.4 billion" and "1.42 billion"), not two figures that disagree.

    >>> from reconcile.models import Claim
    >>> def it(t, v):
    ...     c = Claim(claim_id=t, article_id="a", text=t, start=0, end=1, kind="percent", value=v, low=v, high=v,
    ...               unit="percent")
    ...     return Item(c, v, v, v, "s", None, None)
    >>> _last_digit_apart(it("66.3%", 66.3), it("66.4%", 66.4), 0.1), _last_digit_apart(it("66.3%", 66.3), it("66.5%", 66.5), 0.2)
    (True, False)
    >>> _last_digit_apart(it("41", 41), it("42", 42), 1.0), _last_digit_apart(it("200", 200), it("215", 215), 15.0)
    (False, False)
    >>> _last_digit_apart(it("52,000", 52000), it("51,870", 51870), 130.0)
    True

    Rounding intervals that only touch are one unit of the last written decimal apart ("66.3%",
    "66.4%"): a rounding.  Round whole figures a whole step apart disagree:

    >>> _last_digit_apart(it("12,000", 12000), it("13,000", 13000), 1000.0)
    False
    >>> _last_digit_apart(it("11,000", 11000), it("10,500", 10500), 500.0)
    False
    """
    ca, cb = a.claim.__dict__, b.claim.__dict__  # dict reads: cheaper than pydantic attribute lookups
    if ca["qualifier"] != Qualifier.exact or cb["qualifier"] != Qualifier.exact or ca["unit"] != cb["unit"]:
        return False
    allowed = (rounding_step(a) + rounding_step(b)) / 2
    if allowed <= 0 or gap > allowed * (1 + 1e-6):
        return False
    return gap < allowed * (1 - 1e-6) or (_written_decimals(ca["text"]) and _written_decimals(cb["text"]))


def rounding_step(item: Item) -> float:
    """The item's ``_rounding_step``, worked out once per judgement (an item meets many others)."""
    if item.step is None:
        item.step = _rounding_step(item)
    return item.step


def partial_count(item: Item) -> bool:
    """``is_partial`` of the item's sentence, worked out once per judgement."""
    if item.partial is None:
        item.partial = is_partial(item.claim.__dict__["sentence"])
    return item.partial


def _written_decimals(text: str) -> bool:
    """Whether the figure is written with decimals.

    >>> _written_decimals("66.3%"), _written_decimals("52,000")
    (True, False)
    """
    m = WRITTEN.search(text)
    return bool(m and m.group(2))


#: An as-of span at least this many days long is a reporting period (a week, a month, a quarter, a year).
REPORTING_PERIOD_DAYS = 6


def distinct_periods(ca: dict, cb: dict) -> bool:
    """Whether two claims (their field dicts) are figures of reporting periods that do not overlap
    (February's rate and March's, 2023's and 2024's): one comes after the other, however close their
    ends are, so they are two values of a series, not two reports of one value.

    >>> from datetime import date as d
    >>> feb = {"as_of": d(2025, 2, 1), "as_of_end": d(2025, 2, 28)}
    >>> mar = {"as_of": d(2025, 3, 1), "as_of_end": d(2025, 3, 31)}
    >>> q1 = {"as_of": d(2025, 1, 1), "as_of_end": d(2025, 3, 31)}
    >>> day = {"as_of": d(2025, 3, 1), "as_of_end": None}
    >>> distinct_periods(feb, mar), distinct_periods(q1, mar), distinct_periods(feb, day)
    (True, False, False)
    """
    a0, a1, b0, b1 = ca["as_of"], ca["as_of_end"], cb["as_of"], cb["as_of_end"]
    if a1 is None or b1 is None or a0 is None or b0 is None:
        return False
    if (a1 - a0).days < REPORTING_PERIOD_DAYS or (b1 - b0).days < REPORTING_PERIOD_DAYS:
        return False
    return a1 < b0 or b1 < a0


def classify(a: Item, b: Item, window_days: float) -> str | None:
    """Why two items differ (None when their intervals overlap); see the module docstring.  Figures of
    two reporting periods whose intervals do not meet are a change over time, even within a rounding
    ("4.1%" in February, "4.2%" in March)."""
    ca, cb = a.claim.__dict__, b.claim.__dict__  # dict reads: cheaper than pydantic attribute lookups
    spans = ca["as_of_end"] is not None and cb["as_of_end"] is not None
    if not _disjoint(a, b):
        if not spans or a.best == b.best or not distinct_periods(ca, cb):
            return None
        periods = True  # "4.1%" in February, "4.2%" in March: within a rounding, but a change
    else:
        periods = spans and distinct_periods(ca, cb)
    if ca["change_id"] and ca["change_id"] == cb["change_id"]:
        return "change"
    if a.sig != b.sig and differences(a.sig, b.sig):  # equal scopes never differ
        return "scope"
    if ca["projection"] != cb["projection"]:
        return "projection"
    if (ca["change_role"] == "from") != (cb["change_role"] == "from"):
        return "change"
    if periods:
        return "dated"  # February's figure and March's, even from one source: no revision
    if a.source == b.source or ((ca["speaker_role"] or cb["speaker_role"]) and _same_body(ca, cb)):
        return "rounded" if _rounded_alike(a, b) else "revision"
    if partial_count(a) or partial_count(b):
        return "partial"
    gap = date_gap(a.claim, b.claim)
    if gap is not None and gap > window_days:
        return "dated"
    if gap and _rises_with_time(a, b):
        return "dated"
    return "conflict"


def _rounded_alike(a: Item, b: Item) -> bool:
    """One source's two figures of one date, one written with more decimals and inside the rounding
    of the other: "sales grew 6%" and "6.1%" is one figure written twice, not a revision ("6%" is
    5.5..6.5; "6.6%" is outside, and "6%" against "7%" has no decimal to tell a rounding by).
    """
    ca, cb = a.claim.__dict__, b.claim.__dict__
    if ca["as_of"] is None or ca["as_of"] != cb["as_of"] or ca["as_of_end"] != cb["as_of_end"]:
        return False
    pa, pb = written_precision(ca["text"]), written_precision(cb["text"])
    if pa is None or pb is None or pa[1] == pb[1] or not (_written_decimals(ca["text"]) or _written_decimals(cb["text"])):
        return False
    coarse = a if pa[1] > pb[1] else b
    lo, hi = (a, b) if a.high <= b.high else (b, a)
    return hi.low - lo.high < _half_step(coarse) * (1 - 1e-9)


def _superseded(a: Item, b: Item, items: Sequence[Item]) -> bool:
    """Whether the earlier of two disjoint figures of different dates was revised by its own source
    between the two ("at least 86", police, 17 May; "79", the police chief, 18 May; "81", the fire
    service, 19 May): the later figure is a step after the revision, not a rival of the figure revised.
    """
    da, db = a.claim.__dict__["as_of"], b.claim.__dict__["as_of"]
    if da is None or db is None or da == db:
        return False
    early, late = (a, b) if da < db else (b, a)
    start, end = min(da, db), max(da, db)
    ce = early.claim.__dict__
    for x in items:
        when = x.claim.__dict__["as_of"]
        if x is early or x is late or when is None or not start < when <= end or not _disjoint(early, x):
            continue
        cx = x.claim.__dict__
        if x.source == early.source or ((ce["speaker_role"] or cx["speaker_role"]) and _same_body(ce, cx)):
            return True
    return False


def _same_body(ca: dict, cb: dict) -> bool:
    """One speaker is a body the other speaks for: "police" and Anwar Hossain, "District police chief";
    "the health ministry" and Jorge Quispe, "Health Minister" (claims' field dicts)."""
    ra, rb = ca["speaker_role"], cb["speaker_role"]
    sa, sb = ca["speaker"], cb["speaker"]
    return bool((sa and rb and _speaks_for(sa, rb)) or (sb and ra and _speaks_for(sb, ra)))


#: Words of a role that name the body it belongs to ("minister" of a ministry).
_BODY_OF = {"minister": "ministry", "ministers": "ministry", "spokesman": "", "spokeswoman": "", "spokesperson": ""}


@functools.lru_cache(maxsize=65536)
def _speaks_for(body: str, role: str) -> bool:
    """Is every word of ``body`` (articles dropped) a word of ``role``?

    >>> _speaks_for("police", "District police chief"), _speaks_for("the health ministry", "Health Minister")
    (True, True)
    >>> _speaks_for("the fire service", "Shipping Minister"), _speaks_for("Anwar Hossain", "Police chief")
    (False, False)
    """
    words = [w for w in body.lower().replace("’", "'").split() if w not in ("the", "a", "an")]
    if not words or words[-1].endswith("'s"):
        return False
    have = {_BODY_OF.get(w, w) for w in role.lower().split()}
    return all(w in have for w in words)


@functools.lru_cache(maxsize=65536)
def is_cumulative(counted: str | None) -> bool:
    """Does this counted thing only grow (a toll, a tally)?  From the ``cumulative`` lexicon.

    >>> is_cumulative("death"), is_cumulative("people killed"), is_cumulative("north korean troop")
    (True, True, False)
    """
    words = set(normalise_counted(counted).split()) if counted else set()
    return bool(words & _cumulative_words())


@functools.cache
def _cumulative_words() -> frozenset[str]:
    """The ``cumulative`` lexicon's words as a set, made once (not at every new counted thing)."""
    return frozenset(load("cumulative")["words"])


def _rises_with_time(a: Item, b: Item) -> bool:
    """A toll at a later date (not overlapping) that is higher: the dates explain it."""
    ca, cb = a.claim.__dict__, b.claim.__dict__  # dict reads: cheaper than pydantic attribute lookups
    early, late = (a, b) if (ca["as_of_end"] or ca["as_of"]) < cb["as_of"] else (b, a)
    return is_cumulative(ca["counted"]) and late.low > early.high


def _candidates(items: list[Item]) -> list[Item]:
    """Few enough items for the pairwise pass: extremes of each (source, date, scope, role) partition."""
    if len(items) <= PAIRWISE_LIMIT:
        return items
    parts: dict[tuple, list[Item]] = {}
    for it in items:
        c = it.claim
        key = (it.source, c.as_of, c.as_of_end, it.sig, c.projection, c.change_role, c.change_id)
        parts.setdefault(key, []).append(it)
    keep = {
        id(x): x for p in parts.values() for x in (min(p, key=lambda i: i.high), max(p, key=lambda i: i.low))
    }
    return sorted(keep.values(), key=lambda i: i.key)


def _rel_gap(a: Item, b: Item) -> float:
    lo, hi = (a, b) if a.best <= b.best else (b, a)
    return (hi.best - lo.best) / max(abs(hi.best), abs(lo.best), 1e-300)


def _in_parentheses(d: dict) -> bool:
    """Is the claim (its field dict) written right after an opening parenthesis: "10 km (6.2 miles)"?"""
    at = d["start"] - d["sentence_start"]
    sentence = d["sentence"]
    if not 0 < at <= len(sentence):
        return False
    j = sentence.rfind("(", max(0, at - 3), at)  # "(6.2 miles)", "( 6.2 miles )"
    return j >= 0 and not sentence[j + 1 : at].strip()


def _without_conversions(items: list[Item]) -> list[Item]:
    """The items less those that only restate another figure of their sentence in another unit: a
    figure in parentheses ("44C (111F)", "10 km (6.2 miles)") that agrees with a figure of the same
    sentence in another unit (a parenthesis that disagrees, "10 km (8 miles)", is compared as it is).
    """
    out = []
    for it in items:
        d = it.claim.__dict__
        if "(" in d["sentence"] and _in_parentheses(d) and any(
            o is not it
            and o.claim.__dict__["article_id"] == d["article_id"]
            and o.claim.__dict__["sentence_start"] == d["sentence_start"]
            and o.claim.__dict__["unit"] != d["unit"]
            and not _in_parentheses(o.claim.__dict__)
            and not _disjoint(o, it)
            for o in items
        ):
            continue
        out.append(it)
    return out or items


def _display(units: list[str]) -> tuple[str, float]:
    """The unit a group's figures are shown in: the only one, else the most common (then by name)."""
    first = units[0]
    if units.count(first) == len(units):  # all alike (count compares as == does)
        return first, _factor(first)
    counts = Counter(units)
    unit = min(counts, key=lambda u: (-counts[u], u))
    return unit, _factor(unit)


def _derived(key: str | None) -> str | None:
    """The counted thing of a block key ('count|death' -> 'death'); None for a change's own block."""
    if not key:
        return None
    parts = key.split("|")
    return parts[1] if len(parts) > 1 and not parts[1].startswith("change:") else None


def _group_id(claims: Sequence[Claim], key: str | None = None, ids: Sequence[str] | None = None) -> str:
    """SHA-1 of the block key and the sorted member claim ids (``ids``: those ids, when known)."""
    key = key or block_key(claims[0]) or _family(claims[0].kind, claims[0].unit)
    ids = sorted(c.claim_id for c in claims) if ids is None else sorted(ids)
    return hashlib.sha1("\x00".join([key, *ids]).encode("utf-8", "surrogatepass")).hexdigest()[:16]


#: ``_new_group`` may skip ``Group.model_construct``'s per-field loop only while a ``Group`` is
#: nothing but its fields (no private attributes, no post-init hook, no extra fields kept).
_PLAIN_GROUP = (
    not getattr(Group, "__private_attributes__", None)
    and not getattr(Group, "__pydantic_post_init__", None)
    and Group.model_config.get("extra") != "allow"
)


def _new_group(**values: object) -> Group:
    """``Group.model_construct(**values)`` for values that give every field, already typed.

    What ``model_construct`` does for such a model, without its loop over aliases and defaults
    (a fifth of judging a small group); ``tests/unit/test_judge.py`` checks both agree.
    """
    if not _PLAIN_GROUP or values.keys() != _GROUP_FIELDS:
        return Group.model_construct(**values)
    return assembled(Group, values, _GROUP_FIELDS)


def judge_group(claims: Sequence[Claim], *, window_days: float = 3.0) -> Group:
    """Judge one group: verdict, one-line reason, severity, summary and interval figures."""
    if not claims:
        raise InvalidInput("cannot judge an empty group")
    families = {_family(c.kind, c.unit) for c in claims}
    if len(families) > 1:
        raise UnitMismatch(f"claims of different dimensions cannot be judged together: {sorted(families)}")
    return judge_units(copy_clusters(sorted(claims, key=canonical_key), canonical=True), window_days=window_days)


def judge_units(
    units: Sequence[Sequence[Claim]], *, window_days: float = 3.0, key: str | None = None
) -> Group:
    """Judge a group given as copy clusters (each cluster's first claim its original).

    ``reconcile`` passes the clusters it found while grouping (and their block key), so copies
    are detected once.
    """
    # a total order: by value, then date, then position (canonical_key, flattened); the keys are
    # built in one pass (no call per claim), the sort is stable as ``sorted`` with a key function is
    flat = [c for unit in units for c in unit]
    # (the unit rides after the index, which is unique: it never takes part in the comparison)
    order = [  # fields read from the claim's __dict__ (cheaper than a pydantic attribute lookup)
        (d["value"] * _factor(d["unit"]), d["as_of"] or _LAST, d["article_id"], d["start"], d["end"], d["claim_id"], k,
         d["unit"])
        for k, d in enumerate([c.__dict__ for c in flat])
    ]
    order.sort()
    shown = [o[7] for o in order]
    # a temperature in a unit with an offset (°C, °F) is sorted and compared with it
    affine = not OFFSET_UNITS.isdisjoint(shown)
    if affine:
        order = sorted([(o[0] + _offset(o[7]), *o[1:]) for o in order])
        shown = [o[7] for o in order]
    claims = [flat[o[6]] for o in order]
    items = [_item(cluster, affine) for cluster in units]
    # figures in several units: a conversion in parentheses ("10 km (6.2 miles)") restates its
    # figure, rounded; it is compared through the figure it converts, not on its own
    compared = _without_conversions(items) if shown.count(shown[0]) != len(shown) else items
    kinds: dict[str, tuple[Item, Item]] = {}
    if max([i.low for i in compared]) > min([i.high for i in compared]):  # some pair is disjoint
        found: dict[str, tuple[tuple, tuple[Item, Item]]] = {}
        cands = _candidates(compared)
        for x, a in enumerate(cands):
            for b in cands[x + 1 :]:
                kind = classify(a, b, window_days)
                if kind == "conflict" and _superseded(a, b, cands):
                    kind = "dated"
                if kind is None:
                    continue
                ka, kb = (a.key, b.key) if a.key <= b.key else (b.key, a.key)
                # a pair of stated figures before one with a vague word ("tens of thousands"), then
                # the widest gap, then the canonically first pair
                rank = (a.vague + b.vague, -_rel_gap(a, b), ka, kb)
                best = found.get(kind)
                if best is None or rank < best[0]:
                    found[kind] = (rank, (a, b))
        kinds = {k: v[1] for k, v in found.items()}
        if "rounded" in kinds:  # the less precise figure first: the reason says it is the other rounded
            a, b = kinds["rounded"]
            if written_precision(a.claim.__dict__["text"])[1] < written_precision(b.claim.__dict__["text"])[1]:
                kinds["rounded"] = (b, a)
    first = items[0].sig
    for i in items:
        if i.sig != first and differences(first, i.sig):  # equal scopes never differ
            kinds.setdefault("scope_seen", (items[0], items[0]))
            break
    if "conflict" in kinds:
        verdict = Verdict.conflict
    elif "scope" in kinds:
        verdict = Verdict.scope
    elif len(kinds) > ("scope_seen" in kinds) + ("rounded" in kinds):  # a rounding is no change
        verdict = Verdict.evolving
    else:
        verdict = Verdict.consistent
    unit, factor = _display(shown)
    offset = _offset(unit) if affine else 0.0
    values = [i.best for i in items]
    lo_v, hi_v = (min(values) - offset) / factor, (max(values) - offset) / factor
    spread = 1.0 if lo_v == hi_v else (hi_v / lo_v if lo_v > 0 else None)
    sources = {i.source for i in items}
    disjoint = verdict != Verdict.consistent
    severity = WEIGHT[verdict] + 0.1 * min(len(sources) - 1, 5) + (0.5 if disjoint else 0.0)
    if spread is not None and spread > 1:
        severity += min(math.log10(spread), 2.0) / 2
    return _new_group(  # every field, in the model's order, built here with its model type
        group_id=_group_id(claims, key, [o[5] for o in order]),
        quantity=quantity_label(claims, _derived(key or block_key(claims[0]))),
        unit=unit,
        kind=claims[0].kind,
        verdict=verdict,
        reason=reason(verdict, kinds, items, claims, unit, factor, window_days, offset),
        claims=claims,
        n_claims=len(claims),
        n_sources=len(sources),
        min=lo_v,
        max=hi_v,
        spread=spread,
        severity=round(severity, 6),
        summary=summary(verdict, kinds, items),
    )
