"""Atoms -> claims: hedges as intervals, ranges, changes, ratios, ordinals and counted nouns.

Every claim's ``value``, ``low``, ``high`` and ``qualifier`` agree:

* exact: low == value == high;  approximate: low <= value <= high, both bounded;
* more_than / at_least: low == value, high None (or bounded: 'just over');
* at_most / less_than: high == value, low None;  range: low < high, value the midpoint;
* vague: the quantifier's interval from the lexicon, value a representative figure inside it.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from reconcile import lexicons
from reconcile.extract.lexicon import ExtractLexicon, HedgeRule
from reconcile.extract.nouns import counted_after
from reconcile.extract.scan import Atom, is_plural_noun

# Words that open a range or a change just before its first figure.
_BETWEEN = re.compile(r"(?i)\bbetween\s+\Z")
_FROM = re.compile(r"(?i)\bfrom\s+\Z")
_RANGING_FROM = re.compile(r"(?i)\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying))\s+from\s+\Z")
# What joins the two ends of a range or change.
_RANGE_JOIN = re.compile(r"\s*(?:-|\u2013|\u2014|to|through|and)\s*|~|\s+(?:to|and|or)\s+", re.IGNORECASE)
_DASH_JOIN = re.compile(r"\s*[-\u2013\u2014]\s*|~")
_RATIO_JOIN = re.compile(r"\s+(?:in|out\s+of)\s+", re.IGNORECASE)
# The word just before a position and just after.
_PREV = re.compile(r"([A-Za-z]+(?:['\u2019]s)?)[^A-Za-z\d]*\Z")
_NEXT = re.compile(r"[^A-Za-z\d]*([A-Za-z]+)")
# A name and a comma just before a figure: 'Moussaoui, ' in 'Moussaoui, 33, said'.
_APPOSITION_BEFORE = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z'\u2019-]+,\s+\Z")
# A full stop ending the sentence right after a figure: "said captain Liam Hart, 34."
_SENTENCE_END_NEXT = re.compile(r"\.(?:\s|$)")
# The end of a '1 in 5' ratio.
_RATIO_TEXT = re.compile(r"\s(?:in|out\s+of)\s+\S+\Z", re.IGNORECASE)
# '-strong' after a figure: 'a 6,000-strong force'.
_STRONG = re.compile(r"-strong\b", re.IGNORECASE)
# 'of' next: '40% of voters' (read on the slice up to the counted noun).
_OF_NEXT = re.compile(r"\s+of\b")
# A verb or 'of' after a vague quantifier with nothing counted: 'several were', 'a few of'.
_VERB_OR_OF_NEXT = re.compile(r"\s+(?:were|have|had|are|of)\b")
# Words hyphened to an ordinal: '-round' in 'third-round', '-placed team' in 'third-placed team'.
# A part of a counted whole after a small number word: 'two of the 300 miners', 'three of them'.
_PARTITIVE_NEXT = re.compile(r"\s+of\s+(?:(?:the|its|their)\s+\d|them\b|those\b|whom\b)", re.IGNORECASE)
# A level a count moved to or stands at, right before a small number word: 'the toll rose to five',
# 'reached seven', 'the death toll stands at three' (a claim, though the noun is left out).
_LEVEL_BEFORE = re.compile(
    r"""\b(?:(?:rose|risen|rises|rising|climbed|climbs|climbing|jumped|increased|grew|grown|fell|dropped|declined
            |doubled|tripled)\s+to
          |(?:reached|reaching|hit|hits)
          |(?:stands|stood|standing)\s+at
          |toll\s+(?:of|is|was|at))\s+\Z""",
    re.VERBOSE | re.IGNORECASE,
)
_HYPHENED_NOUN = re.compile(r"-([a-z]+(?:\s+[a-z]+)?)")
# A possessive just before an ordinal: "Austin's third visit".
_POSSESSIVE = re.compile(r"[A-Za-z]['\u2019]s\s+\Z")


@dataclass(slots=True)
class Found:
    """A claim in the making: span, value, interval and what it counts."""

    start: int
    end: int
    kind: str
    value: float
    low: float | None
    high: float | None
    qualifier: str
    unit: str
    hedge: str | None = None
    counted_text: str | None = None
    change_id: str | None = None
    change_role: str | None = None


def interval(value: float, rule: HedgeRule | None) -> tuple[float | None, float | None]:
    """The interval a hedge allows around ``value`` (sides swap for negatives).

    >>> interval(11000, HedgeRule("approximate", 0.9, 1.0))
    (9900.0, 11000.0)
    >>> interval(-10, HedgeRule("approximate", 0.9, 1.1))
    (-11.0, -9.0)
    >>> interval(-30, HedgeRule("at_most", None, 1.0))
    (None, -30.0)
    >>> interval(5, None)
    (5, 5)
    """
    if rule is None:
        return value, value
    low = value * rule.low if rule.low is not None else None
    high = value * rule.high if rule.high is not None else None
    low = tidy(low) if low is not None else None
    high = tidy(high) if high is not None else None
    if value < 0 and low is not None and high is not None and low > high:
        low, high = high, low  # factors shrink a negative figure towards zero
    return low, high


def tidy(x: float) -> float:
    """Drop binary noise from a product: 2600 * 1.1 -> 2860.0.

    >>> tidy(2600 * 1.1)
    2860.0
    """
    if type(x) is float and x.is_integer() and -1e12 < x < 1e12:
        return x  # a whole figure of up to 12 digits prints and parses back unchanged
    return float(f"{x:.12g}")


def _prev_word(text: str, pos: int, floor: int) -> str:
    m = _PREV.search(text, max(floor, pos - 30), pos)
    return m.group(1).lower() if m else ""


def _next_words(text: str, pos: int, limit: int, n: int = 3) -> list[str]:
    out = []
    for _ in range(n):
        m = _NEXT.match(text, pos, limit)
        if not m:
            break
        out.append(m.group(1).lower())
        pos = m.end()
    return out


#: A hedge as read before a figure: the words as written, its rule, and where it starts.
_Hedge = tuple[str, HedgeRule, int]


@functools.cache
def _verb_particles() -> dict[str, frozenset[str]]:
    """Hedge phrase -> the verbs after which it is the verb's particle ('edged up to 4.4%')."""
    table = lexicons.load("hedges").get("verb_particles", {})
    return {k: frozenset(v) for k, v in table.items() if not k.startswith("_")}


def _hedge(text: str, start: int, floor: int, lex: ExtractLexicon) -> _Hedge | None:
    """The hedge just before ``start`` (not reaching back before ``floor``)."""
    m = lex.hedge_search(text, max(floor, start - 40), start)
    if not m:
        return None
    phrase = " ".join(m.group("h").lower().split())
    rule = lex.prefix_hedges.get(phrase)
    if rule and phrase in _verb_particles() and _prev_word(text, m.start("h"), floor) in _verb_particles()[phrase]:
        return None  # 'edged up to 4.4%': the verb's particle, the figure is exact
    return (m.group("h"), rule, m.start("h")) if rule else None


def _kind_of(atom: Atom) -> str:
    return atom.kind


def _inherit(a: Atom, b: Atom) -> tuple[Atom, Atom]:
    """Share units and scale across the two ends: 'between 2 and 3 million', '$5-10bn', '10-20%'."""
    if a.kind == "number" and b.kind != "number" and b.kind not in ("ordinal", "vague"):
        a = a._replace(kind=b.kind, unit=b.unit)
    elif b.kind == "number" and a.kind == "money":  # '$5-10bn': a currency is written once, before
        b = b._replace(kind=a.kind, unit=a.unit)
    if b.scaled and not a.scaled and abs(a.value) < 1000 and b.value >= 1000:
        factor = _scale_of(b)
        if factor > 1 and abs(a.value) * factor <= abs(b.value) * 1.000001:
            a = a._replace(value=a.value * factor, scaled=True)
    return a, b


def _scale_of(atom: Atom) -> float:
    """The power of a thousand the written scale multiplied by (for 'between 2 and 3 million')."""
    for f in (1e12, 1e9, 1e6, 1e3):
        if abs(atom.value) >= f:
            return f
    return 1.0


def build(text: str, atoms: list[Atom], sentences: list[tuple[int, int]], lex: ExtractLexicon,
          article_id: str) -> list[tuple[Found, int]]:
    """Claims (with the index of their sentence) from the atoms of ``text``."""
    from reconcile.models import make_claim_id

    starts = [s for s, _ in sentences]

    def sentence_of(pos: int) -> int:
        i = bisect.bisect_right(starts, pos) - 1
        return max(i, 0)

    out: list[tuple[Found, int]] = []
    sentence_index = [sentence_of(a.start) for a in atoms]  # (each atom's, found once)
    i = 0
    n = len(atoms)
    while i < n:
        a = atoms[i]
        si = sentence_index[i]
        s_start, s_end = sentences[si] if sentences else (0, len(text))
        b = atoms[i + 1] if i + 1 < n else None
        if b is not None and sentence_index[i + 1] != si:
            b = None
        # the hedge before a, read once for _pair and _single (neither reads one for these kinds)
        ha = None if a.kind in ("ordinal", "vague") else _hedge(text, a.start, s_start, lex)
        pair = _pair(text, a, b, s_start, s_end, lex, ha)
        if pair is not None:
            found_list, used = pair
            for f in found_list:
                if f.change_id == "":
                    f.change_id = make_claim_id(article_id, found_list[0].start, found_list[-1].end)
                out.append((f, si))
            i += used
            continue
        f = _single(text, a, s_start, s_end, lex, ha)
        if f is not None:
            out.append((f, si))
        i += 1
    return out


def _pair(text: str, a: Atom, b: Atom | None, s_start: int, s_end: int,
          lex: ExtractLexicon, ha: _Hedge | None) -> tuple[list[Found], int] | None:
    """A range, change or ratio made of ``a`` and ``b``; None when they stand alone.

    ``ha`` is the hedge before ``a`` (``_hedge(text, a.start, s_start, lex)``).
    """
    if b is None or a.kind in ("ordinal", "vague") or b.kind in ("ordinal", "vague"):
        return None
    if a.form in ("article", "fraction") or b.form in ("article", "fraction"):
        return None
    between = text[a.end:b.start]
    bounds = _two_bounds(text, a, b, s_start, s_end, lex, ha)
    if bounds is not None:
        return [bounds], 2
    if len(between) > 12:
        return None
    a2, b2 = _inherit(a, b)
    age = bool(lex.age_before.search(text, max(s_start, a.start - 40), a.start)) or "age" in (a.kind, b.kind)
    if age:
        a2, b2 = a2._replace(kind="age", unit="year"), b2._replace(kind="age", unit="year")
    compatible = a2.unit == b2.unit
    # ratio: '1 in 5', 'one in five'
    if _RATIO_JOIN.fullmatch(between) and a.bare and b.bare and 0 < a.value <= b.value and a.value <= 100:
        end = b.end
        pct = 100.0 * a.value / b.value
        f = Found(a.start, end, "ratio", pct, pct, pct, "exact", "percent")
        f = _with_hedge(f, ha)
        _attach_counted(text, f, end, s_end, lex)
        return [f], 2
    if not compatible:
        return None
    left_floor = max(s_start, a.start - 40)
    from_m = _FROM.search(text, left_floor, a.start)
    between_m = _BETWEEN.search(text, left_floor, a.start)
    dash = bool(_DASH_JOIN.fullmatch(between))
    joined = _RANGE_JOIN.fullmatch(between)
    if not joined:
        return None
    word = between.strip().lower()
    if dash and (_prev_word(text, a.start, s_start) in lex.score_before or
                 " ".join(_next_words(text, b.end, s_end, 2)) in lex.score_after or
                 (_next_words(text, b.end, s_end, 1) or [""])[0] in lex.score_after):
        return [], 2  # a score: '3-2 win'
    if from_m and word in ("to", "-", "\u2013", "\u2014") and not _RANGING_FROM.search(text, left_floor, a.start):
        # a change: 'from 27 to 25' -> two claims, one id
        fa = Found(a.start, a2.end if a2.end <= b.start else a.end, a2.kind, a2.value, a2.value, a2.value,
                   "exact", a2.unit, change_id="", change_role="from")
        fb = Found(b.start, b.end, b2.kind, b2.value, b2.value, b2.value, "exact", b2.unit,
                   change_id="", change_role="to")
        fa.kind, fb.kind = _final_kind(a2), _final_kind(b2)
        _attach_counted(text, fb, b.end, s_end, lex)
        fa.counted_text = fb.counted_text
        return [fa, fb], 2
    if word in ("and",) and not between_m:
        return None
    if word == "or" and not (a.form == "words" and b.form == "words"):
        return None
    if not (a2.value < b2.value):
        if dash and a.bare and b.bare and a.form == b.form == "digits":
            return [], 2  # '218-214': a tally or a score, not a range
        return None
    start = between_m.start() if between_m and word == "and" else (from_m.start() if from_m else a.start)
    hedge = None
    if between_m and word == "and":
        hedge = "between"
    elif from_m:
        hedge = "from"
    mid = (a2.value + b2.value) / 2.0
    f = Found(start, b.end, _final_kind(b2), mid, a2.value, b2.value, "range", b2.unit, hedge=hedge)
    if hedge is None:
        h = ha
        if h is not None:
            f.start, f.hedge = h[2], h[0]
    _attach_counted(text, f, b.end, s_end, lex)
    return [f], 2


_LOWER = ("more_than", "at_least")
_UPPER = ("less_than", "at_most")
# What may join two bounds: 'more than 10 and less than 20', 'at most 100, at least 20'.
_BOUND_JOIN = re.compile(r"\s*(?:,\s*)?(?:(?:and|but)\s+)?", re.IGNORECASE)


def _two_bounds(text: str, a: Atom, b: Atom, s_start: int, s_end: int, lex: ExtractLexicon,
                ha: _Hedge | None) -> Found | None:
    """'more than 10 and less than 20' -> one range (10, 20); None unless both ends are opposite bounds."""
    if a.unit != b.unit and not (a.kind == "number" or b.kind == "number"):
        return None
    if ha is None:
        return None
    hb = _hedge(text, b.start, a.end, lex)
    if hb is None or not _BOUND_JOIN.fullmatch(text, a.end, hb[2]):
        return None
    qa, qb = ha[1].qualifier, hb[1].qualifier
    a2, b2 = _inherit(a, b)
    if qa in _LOWER and qb in _UPPER:
        low, high = a2.value, b2.value
    elif qa in _UPPER and qb in _LOWER:
        low, high = b2.value, a2.value
    else:
        return None
    if not low < high:
        return None
    f = Found(ha[2], b.end, _final_kind(b2), (low + high) / 2.0, low, high, "range", b2.unit,
              hedge=f"{ha[0]} \u2026 {hb[0]}")
    _attach_counted(text, f, b.end, s_end, lex)
    return f


def _final_kind(a: Atom) -> str:
    if a.kind.startswith("vague_"):
        return a.kind[6:]
    if a.kind == "vague":
        return "number"
    return a.kind


def _with_hedge(f: Found, h: _Hedge | None) -> Found:
    """``f`` read through the hedge before it: its start, qualifier and interval."""
    if h is None:
        return f
    phrase, rule, hstart = h
    low, high = interval(f.value, rule)
    f.start, f.hedge, f.qualifier, f.low, f.high = hstart, phrase, rule.qualifier, low, high
    return f


# 'half an hour', 'a quarter of an hour': a fraction of a time unit.
_FRACTION_OF_UNIT = re.compile(r"\s+(?:of\s+)?an?\s+([a-z]+)\b")


def interval_value(value: float, f: Found) -> tuple[float, float | None, float | None]:
    """Re-express a fraction claim (stored in percent) as a plain value, keeping its hedge's interval.

    >>> interval_value(0.5, Found(0, 1, "ratio", 50.0, 50.0, None, "more_than", "percent"))
    (0.5, 0.5, None)
    """
    k = value / f.value if f.value else 0.0
    return value, (f.low * k if f.low is not None else None), (f.high * k if f.high is not None else None)


def _attach_counted(text: str, f: Found, pos: int, s_end: int, lex: ExtractLexicon | None = None) -> None:
    if f.kind in ("number", "count", "ordinal", "percent", "ratio"):
        strong = _STRONG.match(text, pos)
        if strong:  # 'a 6,000-strong force'
            pos = strong.end()
        share = f.kind in ("percent", "ratio")  # '40% of the vote': a mass noun may be counted
        found = counted_after(text, pos, s_end, 2.0 if strong else (1.0 if share else f.value))
        if strong and (found is None or not is_plural_noun(found[0].split()[-1])):
            found = counted_after(text, pos, s_end, 1.0)
        if found is None:
            return
        phrase = found[0]
        if f.kind in ("percent", "ratio"):
            if not _OF_NEXT.match(text[pos:found[1]]) and not (f.kind == "ratio" and _RATIO_TEXT.search(
                    text, max(0, pos - 20), pos)):
                return  # '40% of voters', '1 in 10 households'; not '40% rise'
            words = phrase.split()
            if len(words) > 1 and words[-1].endswith("s") and not words[-2].endswith("s") and words[-2].islower():
                phrase = " ".join(words[:-1])  # 'a quarter of the population lives': the verb is not counted
        head = phrase.split()[-1].lower()
        unit = lex.unit_words.get(head) if lex is not None else None
        if unit is not None and f.kind in ("number", "count") and len(phrase.split()) > 1:
            # '400 exhausting kilometres': the head noun is a unit
            f.kind, f.unit = ("duration" if unit in lex.durations else "measure"), unit
            return
        money = lex.currency_names.get(head) if lex is not None else None
        if money is not None and f.kind in ("number", "count") and f.qualifier == "vague":
            f.kind, f.unit = "money", money  # 'billions of dollars'
            return
        f.counted_text = phrase
        if f.kind == "number":
            f.kind = "count"


def _single(text: str, a: Atom, s_start: int, s_end: int, lex: ExtractLexicon,
            ha: _Hedge | None) -> Found | None:
    """One figure on its own, with its hedge ``ha`` and counted noun; None when it is no claim."""
    if a.kind == "ordinal":
        return _ordinal(text, a, s_start, s_end, lex)
    kind = _final_kind(a)
    if a.kind.startswith("vague"):
        f = Found(a.start, a.end, kind, a.value, a.low, a.high, "vague", a.unit)
        _attach_counted(text, f, a.end, s_end, lex)
        scalable = lex.vague.get(" ".join(text[a.num_start:a.num_end].lower().split()))
        if (f.kind == "number" and f.counted_text is None and (scalable is None or scalable.scalable)
                and not _VERB_OR_OF_NEXT.match(text[a.end:a.end + 8])):
            return None  # 'several' or 'a few' with nothing counted
        return f
    value = a.value
    unit = a.unit
    if a.form == "fraction":
        kind, unit, value = "ratio", "percent", a.value * 100.0
    if kind == "number" and lex.age_before.search(text, max(s_start, a.start - 40), a.start):
        kind, unit = "age", "year"  # 'aged 18', 'the age of 18'
    elif (kind == "number" and a.form == "digits" and value.is_integer() and 1 <= value <= 120
          and _APPOSITION_BEFORE.search(text, max(s_start, a.start - 40), a.start)
          and (text[a.end:a.end + 1] in (",", ")") or _SENTENCE_END_NEXT.match(text, a.end))):
        kind, unit = "age", "year"  # 'Moussaoui, 33, a French national', 'said captain Liam Hart, 34.'
    f = Found(a.start, a.end, kind, value, value, value, "exact", unit)
    f = _with_hedge(f, ha)
    ma = lex.hedge_after.match(text, a.end, s_end)
    if ma and (f.hedge is None or f.qualifier == "approximate"):
        phrase = " ".join(ma.group("h").lower().split())
        rule = lex.suffix_hedges.get(phrase)
        if rule is not None and f.hedge is not None and rule.qualifier == "approximate":
            rule = None  # 'about 20 or so': the prefix already says it
        if rule is not None:
            f.start = a.start  # 'about 500 or more': the bound is the claim
            low, high = interval(f.value, rule)
            f.end, f.hedge, f.qualifier, f.low, f.high = ma.end(), ma.group("h").strip(), rule.qualifier, low, high
            mu = lex.unit_after.match(text, f.end, s_end)
            name = lex.unit_words.get(" ".join(mu.group("u").lower().split())) if mu and mu.group("sp") else None
            if f.kind == "number" and name is not None:  # '30-plus years'
                f.kind, f.unit, f.end = ("duration" if name in lex.durations else "measure"), name, mu.end()
                kind = f.kind
    # the words after: only durations, fractions and number words read them
    nxt = _next_words(text, f.end, s_end, 3) if kind == "duration" or a.form in ("fraction", "words") else []
    if kind == "duration" and nxt and nxt[0] in lex.time_after:
        return None  # 'one year ago': a time reference, not a claim
    if a.form in ("article", "words") and a.value == 1 and kind == "duration" and f.hedge is None:
        return None  # 'a year' is a claim only when hedged: 'almost a year'
    if a.form == "fraction":
        mdur = _FRACTION_OF_UNIT.match(text, a.end)
        if mdur and lex.unit_words.get(mdur.group(1).lower()) in lex.durations:
            f.kind, f.unit, f.end = "duration", lex.unit_words[mdur.group(1).lower()], mdur.end()
            f.value, f.low, f.high = interval_value(a.value, f)  # 'more than half an hour'
            return f
        if _prev_word(text, a.start, s_start) in ("first", "second", "other", "latter", "former", "final"):
            return None  # 'the first half of 2002': a period, not a share
        explicit = text[a.num_start:a.num_end].split()[0].lower() not in ("a", "an", "half")
        if f.hedge is None and not (nxt and nxt[0] in ("of", "the")) and not explicit:
            return None  # 'a third term', 'half-time': not a share of anything
        _attach_counted(text, f, f.end, s_end, lex)
        return f
    if a.form == "words" and a.kind == "number" and not a.scaled:
        prev = _prev_word(text, a.start, s_start)
        phrase = " ".join(nxt)
        if a.value == 1 and (prev in lex.one_idioms_before or any(
                phrase == idiom or phrase.startswith(idiom + " ") for idiom in lex.one_idioms_after)):
            return None
        if prev in ("the", "these", "those") and a.value < 10 and f.hedge is None:
            # 'the two leaders': a reference, still a count
            pass
    _attach_counted(text, f, f.end, s_end, lex)
    if a.form == "words" and f.kind == "number" and f.hedge is None and abs(a.value) < 10 and not a.scaled \
            and " " not in text[a.num_start:a.num_end].strip() \
            and not (a.value >= 2 and _PARTITIVE_NEXT.match(text, a.end) and _prev_word(text, a.start, s_start) != "the") \
            and not _LEVEL_BEFORE.search(text, max(s_start, a.start - 30), a.start):
        return None  # a small bare number word ('the two met') is no claim; 'rose to sixteen', 'two of them' are
    if a.form == "words" and a.value == 1 and f.kind == "count" and f.counted_text and f.hedge is None:
        first = f.counted_text.split()[0].lower()
        if first in ("day", "time", "point", "side", "hand", "way", "thing", "another"):
            return None
    return f


def _ordinal(text: str, a: Atom, s_start: int, s_end: int, lex: ExtractLexicon) -> Found | None:
    """'his third visit', 'for the second time', 'the 21st edition'; not 'third countries'."""
    prev = _prev_word(text, a.start, s_start)
    possessive = bool(_POSSESSIVE.search(text, max(s_start, a.start - 40), a.start))
    if not (prev in lex.ordinal_determiners or possessive):
        return None
    found = counted_after(text, a.end, s_end, 1.0)
    if found is None:
        m = _HYPHENED_NOUN.match(text[a.end:a.end + 30])
        if not m:
            return None
        found = (m.group(1), a.end + 1, a.end + 1 + len(m.group(1)))
    phrase, ns, _ = found
    if phrase[0].isupper():
        return None  # a name: '11th Guards Air Assault Brigade', 'Second World War'
    if ns - a.end > 2 and text[a.end] == "-" and False:
        return None
    first = phrase.split()[0].lower()
    word = text[a.start:a.end].lower()
    if (f"{word} {first}" in lex.ordinal_idioms or first in lex.ordinal_idioms
            or f"{word}-{first}" in lex.ordinal_idioms):
        return None
    if first in lex.months or phrase.split()[0] in lex.months:
        return None
    f = Found(a.start, a.end, "ordinal", a.value, a.value, a.value, "exact", "ordinal")
    f.counted_text = phrase
    return f
