"""One scan for figures, then a look around each: sign, currency, scale, percent, unit, age.

``find_atoms`` returns ``Atom``s: a figure with what touches it.  Things that only look like
figures (dates, clock times, years, phone numbers, names with digits, designators) are
dropped here; hedges, ranges, changes and counted nouns are read in later stages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from reconcile.extract.lexicon import ExtractLexicon, alternation, last_words, may_end, word_before
from reconcile.extract.numbers import parse_digits, parse_word_run, scale_fraction

#: Minus signs written as words.
MINUS_WORDS = ("minus", "negative")
# A minus sign written as a word just before the figure.
_MINUS_WORD = re.compile(rf"(?i)\b(?:{alternation(MINUS_WORDS)})\s+\Z")
_MINUS_LAST_WORDS = last_words(MINUS_WORDS)  # (see may_end)
# A figure, a space, then the dash: '75 -300mm', '3 -2' join two figures, no minus sign.
_FIGURE_BEFORE_DASH = re.compile(r"\d[ \t]+[-\u2212]\Z")
# What may follow a scale word in a figure mixing digits and words: ' 3', ' and 21', ' and two'.
_MIXED_NEXT = re.compile(
    r"""
    [ \t\u00a0]+(?P<and>and[ \t\u00a0]+)?              # a space, maybe 'and'
    (?:(?P<d>\d{1,3})(?![\d]|[.,:]\d)                  # a small whole figure
      |(?P<w>(?=[A-Za-z])))                            # or number words (read in code)
    """,
    re.VERBOSE,
)
# Cardinal words with no article, fraction or dozen: 'two hundred', 'twenty-one'.
_PLAIN_CARDINAL = re.compile(
    r"""
    (?i)(?!an?\b)                                    # no article first
    (?!dozen|half|quarter)[a-z]+                      # a word that is no fraction or dozen
    (?:(?:[ \t-]+|[ \t]+and[ \t]+)                   # joined by space, dash or 'and'
       (?!dozen|half|quarter)[a-z]+)*                 # more such words
    """,
    re.VERBOSE,
)
# The word just before a position (letters, dots for 'c.', '©').
_PREV_WORD = re.compile(r"([A-Za-z][A-Za-z.'\u2019]*|[©#])\W*\Z")
# The word just after a position.
_NEXT_WORD = re.compile(r"[ \t\u00a0]*([A-Za-z][A-Za-z'\u2019-]*)")
# The other end of a dash range after a four-digit figure: '-5000' in '1000-5000'.
_YEAR_RANGE_END = re.compile(r"[ \t]?[-\u2013][ \t]?(\d+)(?![\d,.])")
# A name token before a dash: 'F-' in 'F-16', 'scp2-' (but not '5k-' in '5k-20k').
_NAME_BEFORE_DASH = re.compile(r"(?<![\w.])[A-Za-z][A-Za-z\d]*-\Z")
# A year before a dash: '1939-' in '1939-45'.
_YEAR_BEFORE_DASH = re.compile(r"(?<![\d,.])(?:1[0-9]|20)\d\d[-\u2013]\Z")
# The end of a span of days: '-6' in 'January 4-6'.
_DAY_SPAN = re.compile(r"[-\u2013]\d{1,2}(?![\d.,]\d)")
# 'points' after a percent: '5 percent points' (read on a 12-character slice).
_POINTS_AFTER_PERCENT = re.compile(r"\s*(?i:points?)\b")
# A bare H.MM figure that can be a clock time: '9.30', '23.59'.
_CLOCK_FIGURE = re.compile(r"(?:[01]?\d|2[0-3])\.[0-5]\d")
# Only white space between the line start and the figure.
_LINE_START = re.compile(r"(?:^|\n)[ \t]*\Z")
# A numbered-list marker: the figure opens its line and is followed by '.' or ')'.
_LIST_MARK = re.compile(r"[.)][ \t]")

_PLURAL_EXCEPTIONS = frozenset("is was has his this its us as yes gas bus plus news less thus".split())
_IRREGULAR_PLURALS = frozenset(
    "people men women children police personnel staff cattle sheep fish deer aircraft livestock "
    "crew troops militia data media feet teeth mice geese offspring youth clergy".split()
)


def is_plural_noun(word: str) -> bool:
    """A rough plural test for English nouns.

    >>> [is_plural_noun(w) for w in ("soldiers", "people", "is", "election", "glass")]
    [True, True, False, False, False]
    >>> [is_plural_noun(w) for w in ("fishermen", "gunmen", "servicemen", "abdomen", "specimen")]
    [True, True, True, False, False]
    """
    w = word.lower()
    if w in _IRREGULAR_PLURALS:
        return True
    if w in _PLURAL_EXCEPTIONS or len(w) < 3:
        return False
    if w.endswith("s"):
        return not w.endswith(("ss", "us", "'s", "\u2019s"))
    return w.endswith("men") and len(w) > 4 and w not in NOT_MEN_PLURALS  # fishermen, gunmen, servicemen


#: Words in "-men" that are no plural of "man".
NOT_MEN_PLURALS = frozenset("abdomen specimen regimen acumen hymen semen bitumen albumen lumen rumen stamen cyclamen "
                            "dolmen foramen yemen omen amen".split())


class Atom(NamedTuple):
    """A figure with the sign, currency, scale and unit that touch it.

    A named tuple (not a dataclass): atoms are made and re-made for every figure, and
    ``_replace`` is several times cheaper than ``dataclasses.replace``.
    """

    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    kind: str  # number | percent | percentage_point | money | measure | duration | age | ordinal | ratio | vague
    unit: str = "count"
    form: str = "digits"  # digits | words | article | vague | ordinal | fraction
    scaled: bool = False
    suffixed: bool = False  # a unit, percent or currency follows
    low: float | None = None  # vague quantifiers carry their interval
    high: float | None = None

    @property
    def bare(self) -> bool:
        """No unit, currency or percent: a plain figure."""
        return self.kind == "number"


def _prev_word(text: str, pos: int) -> str:
    m = _PREV_WORD.search(text, max(0, pos - 24), pos)
    return m.group(1).lower().rstrip(".") if m else ""


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text, pos)
    return m.group(1) if m else ""


def _is_year(text: str, atom: Atom, raw: str, lex: ExtractLexicon) -> bool:
    """A bare four-digit figure 1000-2100 read as a year unless a plural noun follows it."""
    if not (len(raw) == 4 and raw.isdigit() and 1000 <= atom.value <= 2100 and atom.bare and not atom.scaled):
        return False
    if atom.start != atom.num_start:
        return False  # a sign or a currency: not a year
    other = _YEAR_RANGE_END.match(text, atom.end)
    if other and not (1000 <= int(other.group(1)) <= 2100 or len(other.group(1)) <= 2):
        return False  # '1000-5000' is a range of figures, not of years
    nxt = _next_word(text, atom.end)
    counted = bool(nxt and nxt[0].islower() and is_plural_noun(nxt))
    hedge = lex.hedge_search(text, max(0, atom.start - 30), atom.start)
    if hedge and (counted or lex.prefix_hedges.get(" ".join(hedge.group("h").lower().split()),
                                                   None) not in (None,) and
                  lex.prefix_hedges[" ".join(hedge.group("h").lower().split())].qualifier != "approximate"):
        return False  # 'up to 1000 soldiers', 'above 1000 and below 1500'
    prev = _prev_word(text, atom.start)
    if prev in lex.year_words or prev.title() in lex.months or prev.title() in lex.weekdays:
        return True
    return not counted


#: Words before 'H.MM' that make it a clock time: 'at 9.30', 'until 10.15'.
_CLOCK_WORDS = frozenset("at by until till before after from around about".split())


def _is_clock(text: str, atom: Atom, raw: str) -> bool:
    """'at 9.30' is a time of day: a bare H.MM figure after 'at', 'by', 'until'...

    >>> a = Atom(3, 7, 3, 7, 9.3, "number")
    >>> _is_clock("at 9.30 the vote", a, "9.30"), _is_clock("is 9.30 points", a, "9.30")
    (True, False)
    """
    if not (atom.bare and _CLOCK_FIGURE.fullmatch(raw)):
        return False
    return _prev_word(text, atom.start) in _CLOCK_WORDS


def _suffixes(text: str, atom: Atom, currency: str | None, lex: ExtractLexicon) -> Atom | None:
    """Read the scale, percent, currency, age and unit after the figure; None for a clock time."""
    p = atom.end
    value = atom.value
    scaled = atom.scaled
    if currency is None and lex.time_after_number.match(text, p):
        if value <= 24 or (value.is_integer() and 100 <= value <= 2400):
            return None
    for _ in range(2):  # 'hundred thousand'
        ms = lex.scale_after.match(text, p)
        if not ms:
            break
        alias = ms.group("s")
        key = alias.lower().rstrip("s") if alias.lower().rstrip("s") in lex.scales else None
        if key is not None:
            if key == "dozen" and scaled:
                break
            value *= lex.scales[key]
        else:
            rule = lex.suffix_scales.get(alias) or lex.suffix_scales.get(alias.lower())
            if rule is None or (rule.attached and ms.group("sp")):
                break
            if rule.money_only and currency is None and not _counted_follows(text, ms.end(), lex):
                break  # '300m' alone is metres; '1.5m people' is a million
            if alias in ("m", "b") and lex.unit_after.match(text, p) and currency is None and not _counted_follows(
                    text, ms.end(), lex):
                break
            value *= rule.factor
        scaled = True
        p = ms.end()
        if key is not None and key != "dozen":
            added = scale_fraction(text, p, float(lex.scales[key]), lex)
            if added is None and atom.form == "digits" and value.is_integer():
                added = _mixed_rest(text, p, float(lex.scales[key]), lex)
            if added is not None:  # '3 million and a half', '4 thousand 3 hundred and 21'
                value += added[0] * (1.0 if value >= 0 else -1.0)
                p = added[1]
                break
    kind, unit = atom.kind, atom.unit
    suffixed = False
    if currency is not None:
        kind, unit = "money", currency
        mc = lex.currency_after.match(text, p)  # '$5 million USD': the code again
        if mc and _currency_name(mc.group("c"), lex) == currency:
            p = mc.end()
    else:
        # the first that matches wins, in this order (each is tried only when those before failed)
        if mb := lex.basis_after.match(text, p):
            kind, unit, p, value = "percentage_point", "percentage_point", mb.end(), value / 100.0
        elif mp := lex.points_after.match(text, p):
            kind, unit, p = "percentage_point", "percentage_point", mp.end()
        elif mpc := lex.percent_after.match(text, p):
            kind, unit, p = "percent", "percent", mpc.end()
            mp2 = _POINTS_AFTER_PERCENT.match(text[p:p + 12])
            if mp2:  # '5 percent points'
                kind, unit, p = "percentage_point", "percentage_point", p + mp2.end()
        elif (mc := lex.currency_after.match(text, p)) and (_currency_name(mc.group("c"), lex) is not None) and (
                mc.group("c").lower() not in lex.currency_ambiguous or scaled):
            kind, unit, p = "money", _currency_name(mc.group("c"), lex) or "USD", mc.end()
            ms = lex.scale_after.match(text, p)  # '75 USD million'
            if ms and not scaled and ms.group("s").lower().rstrip("s") in lex.scales:
                value *= lex.scales[ms.group("s").lower().rstrip("s")]
                scaled, p = True, ms.end()
        elif ma := lex.age_after.match(text, p):
            kind, p = "age", ma.end()
            unit = "month" if "month" in ma.group(0).lower() else "year"
        elif mu := lex.unit_after.match(text, p):
            alias = mu.group("u")
            name = lex.unit_words.get(" ".join(alias.lower().split()))
            if name is None and alias.lower().endswith("s"):
                name = lex.unit_words.get(" ".join(alias.lower()[:-1].split()))
            if name is None:
                name = lex.unit_symbols.get(alias)
                if name is not None and alias in lex.risky_symbols and mu.group("sp"):
                    name = None  # '5 in', '10 m': a risky symbol must touch the figure
            if name is not None:
                kind = "duration" if name in lex.durations else "measure"
                unit, p = name, mu.end()
        elif "p" in text[p:p + 2] and atom.form == "digits" and (mpn := lex.pence_after.match(text, p)) \
                and value not in lex.pixel_heights:
            kind, unit, p, value = "money", "GBP", mpn.end(), value / 100.0  # '245p': 2.45 GBP (not '1080p')
        suffixed = kind != atom.kind
    if kind == "money":
        suffixed = True
    if p < len(text) and (text[p].isalnum() or text[p] == "_") and not (kind != atom.kind and not text[p - 1].isalnum()):
        if not (atom.form == "words"):
            return None  # glued letters: '5G', '3D', '1990s', '4x4'
    if p == atom.end and value is atom.value and kind == atom.kind and unit == atom.unit \
            and scaled == atom.scaled and suffixed == atom.suffixed:
        return atom  # nothing after the figure (the common case): no new atom
    return atom._replace(end=p, value=value, kind=kind, unit=unit, scaled=scaled, suffixed=suffixed)


def _mixed_rest(text: str, pos: int, scale: float, lex: ExtractLexicon) -> tuple[float, int] | None:
    """The rest of a figure mixing digits and scale words, after its first scale word at ``pos``.

    '4 thousand 3 hundred and 21': after '4 thousand' comes 321.  A smaller figure with its own
    smaller scale word follows (with or without 'and'); a bare figure only after 'hundred and'
    ('3 hundred and 21', '3 hundred and one'), as in spoken English.

    >>> lex = ExtractLexicon.default()
    >>> s = "4 thousand 3 hundred and 21 is"
    >>> _mixed_rest(s, 10, 1000.0, lex)
    (321.0, 27)
    >>> [_mixed_rest(s, 9, 1e6, lex) for s in ("3 million and 21 people", "3 million 21 people",
    ...                                         "3 hundred 21 people", "3 hundred and 2022")]
    [None, None, None, None]
    """
    total, p = 0.0, pos
    for _ in range(3):  # thousand -> hundred -> units
        m = _MIXED_NEXT.match(text, p)
        if not m:
            break
        if m.group("d"):
            part, end = float(m.group("d")), m.end()
        else:
            wm = lex.word_at.match(text, m.start("w"))
            if not (wm and wm.lastgroup == "words"):
                break
            nums = parse_word_run(text, wm.start(), wm.end(), lex)
            if not nums or nums[0].start != m.start("w") or nums[0].form != "cardinal" \
                    or not _PLAIN_CARDINAL.fullmatch(text, nums[0].start, nums[0].end):
                break  # ('and a half-dozen' is no part of the figure)
            part, end = nums[0].value, nums[0].end
            if nums[0].scaled:
                if part >= scale or not m.group("and"):
                    break
                total, p = total + part, end
                break
        ms = lex.scale_after.match(text, end)
        sub = ms.group("s").lower() if ms else ""
        if sub in lex.scales and sub != "dozen" and lex.scales[sub] < scale and part < 1000:
            total += part * lex.scales[sub]
            scale, p = float(lex.scales[sub]), ms.end()
            continue
        if ms:
            break  # '3 hundred and 2 hundred': two figures
        if m.group("and") and scale == 100 and part < 100 and part.is_integer():
            total, p = total + part, end
        break
    return (total, p) if p > pos else None


def _counted_follows(text: str, pos: int, lex: ExtractLexicon) -> bool:
    """A plural noun (not a unit) right after ``pos``: '1.5m people' (but '40m of cable')."""
    nxt = _next_word(text, pos)
    if not nxt or text[pos:pos + 1] not in (" ", "\u00a0"):
        return False
    low = nxt.lower()
    return nxt[0].islower() and is_plural_noun(nxt) and low not in lex.unit_words


def _currency_name(name: str, lex: ExtractLexicon) -> str | None:
    key = " ".join(name.lower().split())
    if len(name) == 3 and name.isalpha() and name.upper() in lex.currency_codes:
        return name.upper()
    if name in lex.currency_symbols_after:
        return lex.currency_symbols_after[name]
    return lex.currency_names.get(key) or lex.currency_ambiguous.get(key)


#: How far back ``word_before`` reads before a figure: at least as far as month_before (12 characters),
#: designator_before (14), currency_before (8) and _MINUS_WORD (12) do, so that it is sound to skip them.
BEFORE_WINDOW = 14


def _prefixes(text: str, atom: Atom, lex: ExtractLexicon, before: str | None) -> tuple[Atom, str | None] | None:
    """Read the sign and currency before the figure; None when it is glued to a word.

    ``before`` is ``word_before(text, max(0, ns - BEFORE_WINDOW), ns)``, ``ns`` where the figure starts.
    """
    ns = atom.num_start
    prev = text[ns - 1] if ns else ""
    start, value = ns, atom.value
    mc = lex.currency_before.search(text, max(0, ns - 8), ns) if may_end(before, lex.currency_last_words) else None
    glued_code = mc if prev.isalpha() or prev == "$" else None  # 'USD5', 'US$5'
    if prev and (prev.isalpha() or prev in "_/@#\\&") and glued_code is None:
        return None
    if prev == "." and ns >= 2 and text[ns - 2].isalnum():
        return None
    currency = None
    if mc:
        sym = mc.group("c")
        currency = (lex.currency_symbols.get(sym) or lex.currency_symbols.get(sym.upper())
                    or sym.rstrip("$").upper())
        start = mc.start()
        before = word_before(text, max(0, start - BEFORE_WINDOW), start)  # (the word before the currency)
    if start and text[start - 1] in "-\u2212" and (start < 2 or text[start - 2] in " \t\n([\u201c\"'<>=~\u2264\u2265") \
            and not _FIGURE_BEFORE_DASH.search(text, max(0, start - 8), start):
        start, value = start - 1, -value
    elif start and text[start - 1].isspace() and may_end(before, _MINUS_LAST_WORDS) and (
            minus := _MINUS_WORD.search(text, max(0, start - 12), start)):
        value = -value  # (the pattern ends in white space: checked first, cheaply)
        start = minus.start()
    if currency is None and mc is None and prev and prev in "\u2212" and value > 0:
        return None
    if start == atom.start:
        return atom, currency  # no sign or currency (the value changes only with the start)
    return atom._replace(start=start, value=value), currency


# 'number' as a verb before a figure, with the word before it and maybe an adverb: 'fatalities now number 40'.
_NUMBER_VERB = re.compile(
    r"""
    \b(?P<w>[A-Za-z]+)[ \t]+                                # the subject or a modal: 'fatalities', 'could'
    (?:(?:now|still|already|currently|together|combined|altogether)[ \t]+)?  # maybe an adverb
    number[ \t\u00a0]+\Z                                   # the verb, then the figure
    """,
    re.VERBOSE,
)


def _number_is_verb(text: str, pos: int, lex: ExtractLexicon) -> bool:
    """'number' just before ``pos`` is a verb ('the fatalities now number 40'), not a designator ('number 10').

    >>> lex = ExtractLexicon.default()
    >>> [_number_is_verb(t, len(t), lex) for t in ("The fatalities now number ", "The dead number ",
    ...                                        "The song is now number ", "He wore number ", "moved to number ")]
    [True, True, False, False, False]
    """
    m = _NUMBER_VERB.search(text, max(0, pos - 40), pos)
    if m is None:
        return False
    w = m.group("w").lower()
    return w in lex.number_verb_before or is_plural_noun(w)


# The rest of a white-space-delimited token.
_TOKEN_REST = re.compile(r"\S*")
# What marks a token as a URL or e-mail address.
_URLISH = re.compile(r"://|^www\.|@|\?\w+=|%[0-9A-Fa-f]{2}")


def _in_url(text: str, pos: int) -> bool:
    """True when ``pos`` lies inside a URL or e-mail token (looks back at most 300 characters).

    >>> _in_url("see https://x.com/2024/10 now", 18)
    True
    >>> _in_url("it cost $5 now", 9)
    False
    """
    floor = max(0, pos - 300)
    start = max(text.rfind(" ", floor, pos), text.rfind("\n", floor, pos), text.rfind("\t", floor, pos)) + 1
    if start == 0 and floor > 0:
        start = floor
    return bool(_URLISH.search(text[start:pos]))


def _token_end(text: str, pos: int) -> int:
    return _TOKEN_REST.match(text, pos).end()



def candidates(text: str, lex: ExtractLexicon) -> Iterator[tuple[str, int, int, re.Match[str]]]:
    """Figures in digits and runs of number words, in text order: group name, start, end, match.

    Two scans (``lex.figure_search``, ``lex.word_scan``) merged as one alternation of the two would
    find them: left to right, never overlapping, a figure first where both start.

    >>> lex = ExtractLexicon.default()
    >>> [(g, s, e) for g, s, e, _ in candidates("Two of 21st, 5 dozens of them", lex)]
    [('words', 0, 3), ('ordsuffix', 7, 11), ('digits', 13, 14), ('vague', 15, 24)]
    """
    d = lex.figure_search(text)
    w = lex.word_at.match(text, 0) or lex.word_scan.search(text)
    while d is not None or w is not None:
        w_start = w.start(w.lastgroup) if w is not None else -1
        if w is None or (d is not None and d.start() <= w_start):
            end = d.end()
            yield d.lastgroup, d.start(), end, d
            d = lex.figure_search(text, end)
            if w is not None and w_start < end:  # (no word run starts inside a figure: scan on after it)
                w = lex.word_scan.search(text, end - 1)
        else:
            end = w.end()
            yield w.lastgroup, w_start, end, w
            w = lex.word_scan.search(text, end - 1)  # (the character before the next word may be the last one)
            if d is not None and d.start() < end:
                d = lex.figure_search(text, end)


def find_atoms(text: str, lex: ExtractLexicon) -> list[Atom]:
    """Every figure in ``text`` with what touches it, in order, non-figures dropped."""
    atoms: list[Atom] = []
    consumed = 0
    for group, m_start, m_end, m in candidates(text, lex):
        if m_start < consumed and group != "words":
            continue  # (a run of number words may start inside a consumed scale: 'crore and three-quarters')
        if group == "digits" or group == "ordsuffix":
            ns, ne = m.span("digits")
            glued = lex.glued_after.match(text, ne)
            if glued:  # a date, time, version or scientific figure: skip all of it
                consumed = glued.end()
                while consumed < len(text) and (text[consumed].isdigit() or text[consumed] in ".:/-,"):
                    consumed += 1
                continue
            prev = text[ns - 1] if ns else ""
            if prev and not prev.isspace() and _in_url(text, ns):
                consumed = _token_end(text, ns)
                continue  # a figure inside a URL or an e-mail address
            if prev in "+(" or (prev == "" or prev.isspace()):
                ph = lex.phone.match(text, ns - 1 if prev in "+(" else ns)
                if ph and sum(ch.isdigit() for ch in ph.group()) >= 8:
                    consumed = ph.end()
                    continue
            if prev == "-" and _NAME_BEFORE_DASH.search(text, max(0, ns - 16), ns):
                consumed = ne
                continue  # a name with digits: F-16, KN-23, COVID-19
            if prev in "-\u2013" and _YEAR_BEFORE_DASH.search(text, max(0, ns - 6), ns) and (
                    ne - ns == 2 or (ne - ns == 4 and 1000 <= int(text[ns:ne]) <= 2100)):
                consumed = ne
                continue  # the end of a span of years: 1939-45
            before = word_before(text, max(0, ns - BEFORE_WINDOW), ns)  # (for the look-behind patterns below)
            if (may_end(before, lex.month_last_words) and lex.month_before.search(text, max(0, ns - 12), ns)) \
                    or lex.month_after.match(text, m.end()):
                span = _DAY_SPAN.match(text, m.end())
                consumed = span.end() if span else m.end()
                continue  # a date: Nov. 1, 21 October, October 21st, January 4-6
            if m.group("ordsuffix"):
                if prev and (prev.isalnum() or prev in "-_/"):
                    continue
                value = parse_digits(m.group("digits"))
                if value is None or not value.is_integer():
                    consumed = m.end()
                    continue
                atoms.append(Atom(ns, m.end(), ns, m.end(), value, "ordinal",
                                  unit="ordinal", form="ordinal"))
                consumed = m.end()
                continue
            raw = m.group("digits")
            value = parse_digits(raw)
            if value is None:
                consumed = ne
                continue
            if _LIST_MARK.match(text, ne) and value < 100 and _LINE_START.search(text, max(0, ns - 8), ns):
                continue  # '1. ' opens a numbered list
            if may_end(before, lex.designator_last_words) and lex.designator_before.search(text, max(0, ns - 14), ns) \
                    and not (before == "number" and _number_is_verb(text, ns, lex)):
                continue
            atom = Atom(ns, ne, ns, ne, value, "number")
            pre = _prefixes(text, atom, lex, before)
            if pre is None:
                consumed = ne
                continue
            atom, currency = pre
            atom = _suffixes(text, atom, currency, lex)
            if atom is None or _is_year(text, atom, raw, lex) or _is_clock(text, atom, raw):
                consumed = max(consumed, ne)
                continue
            atoms.append(atom)
            consumed = atom.end
        elif group == "vague":
            phrase = " ".join(m.group("vague").lower().split())
            rule = lex.vague.get(phrase)
            if rule is None:
                continue
            atom = Atom(m_start, m_end, m_start, m_end, rule.value, "vague", form="vague",
                        low=rule.low, high=rule.high)
            if rule.scalable:
                ms = lex.scale_after.match(text, m_end)
                if ms and ms.group("s").lower().rstrip("s") in lex.scales:
                    f = lex.scales[ms.group("s").lower().rstrip("s")]
                    atom = atom._replace(end=ms.end(), value=rule.value * f, low=rule.low * f,
                                   high=rule.high * f, scaled=True)
            mu = lex.unit_after.match(text, atom.end)
            if mu and mu.group("sp"):
                name = lex.unit_words.get(" ".join(mu.group("u").lower().split()))
                if name is not None:
                    kind = "duration" if name in lex.durations else "measure"
                    atom = atom._replace(end=mu.end(), unit=name, suffixed=True, kind="vague_" + kind)
            atoms.append(atom)
            consumed = atom.end
        elif group == "article":
            ns = m_start
            atom = Atom(ns, m_end, ns, m_end, 1.0, "number", form="article")
            atom = _suffixes(text, atom._replace(end=m.end("article") - len(m.group("article")) + len(
                m.group("article").rstrip())), None, lex)
            if atom is not None and atom.kind == "duration":
                atoms.append(atom)
                consumed = atom.end
        elif group == "words":
            for wn in parse_word_run(text, m_start, m_end, lex):
                if wn.start < consumed:
                    continue
                if wn.form == "ordinal":
                    atoms.append(Atom(wn.start, wn.end, wn.start, wn.end, wn.value, "ordinal",
                                      unit="ordinal", form="ordinal"))
                    consumed = wn.end
                    continue
                form = "fraction" if wn.form == "fraction" else "words"
                atom = Atom(wn.start, wn.end, wn.start, wn.end, wn.value, "number", form=form, scaled=wn.scaled)
                pre = _prefixes(text, atom, lex, word_before(text, max(0, wn.start - BEFORE_WINDOW), wn.start))
                if pre is None:
                    continue
                atom, currency = pre
                atom = _suffixes(text, atom, currency, lex)
                if atom is None:
                    continue
                atoms.append(atom)
                consumed = atom.end
    return atoms
