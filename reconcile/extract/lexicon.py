"""The extraction lexicon: word lists as data (reconcile/lexicons/*.json) in one injectable object.

``ExtractLexicon.default()`` reads numbers, hedges, units, currencies and nonclaims once and
builds every regex the extractor uses from them; tests may build their own with ``from_data``.
Each pattern is a named attribute built by one helper (``alternation``), one comment a line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from reconcile import lexicons


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first; a space matches any white space.

    >>> alternation(["over", "more than"])
    'more\\\\s+than|over'
    """
    escaped = {re.escape(p).replace(r"\ ", r"\s+") for p in phrases if p}
    return "|".join(sorted(escaped, key=lambda s: (-len(s), s)))


def trie_alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, factored by common prefix so a scan fails fast.

    >>> trie_alternation(["two", "twelve", "ten"])
    't(?:en|w(?:elve|o))'
    >>> import re; bool(re.fullmatch(trie_alternation(["a b", "ab"]), "a  b"))
    True
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [(re.escape(ch) if ch != " " else r"\s+") + build(child)
                    for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            body = "(?:" + body + ")?"
        return body

    return build(trie)


def last_words(phrases: Iterable[str]) -> frozenset[str] | None:
    """The lower-cased final letter runs of ``phrases`` that end in a letter ('than' of 'more than').

    A figure can follow one of these phrases only when the letters just before it (and its
    white space) are one of these runs (see ``may_end``): a look-behind pattern of such phrases
    need not be searched otherwise.  None when some run is not ASCII: then lower-casing would not
    mirror the regex's case-insensitive match, and the search always runs.

    >>> sorted(last_words(["more than", "~", "c.", "up-to", "nearly"]))
    ['nearly', 'than', 'to']
    """
    runs = set()
    for phrase in phrases:
        i = len(phrase)
        while i > 0 and phrase[i - 1].isalpha():
            i -= 1
        run = phrase[i:]
        if run:
            if not run.isascii():
                return None
            runs.add(run.lower())
    return frozenset(runs)


def word_before(text: str, lo: int, pos: int) -> str | None:
    """The letters that end ``text[lo:pos]`` before its final white space, lower-cased: what ``may_end`` tests.

    None when they cannot tell (the last character before the white space is no letter, or the
    letters are not ASCII); '' when ``text[lo:pos]`` is all white space.  String methods, not a regex
    search of the window (a search tries every position of it).

    >>> word_before("said Nearly  ", 0, 13), word_before("c. ", 0, 3), word_before("x   ", 1, 4)
    ('nearly', None, '')
    >>> word_before("the U.S 5", 0, 8), word_before("said 5", 3, 5)
    ('s', 'd')
    """
    rest = text[lo:pos].rstrip()
    if not rest:
        return ""
    if not rest[-1].isalpha():
        return None
    word = rest.rsplit(None, 1)[-1]  # the last token, then its final letters
    if not word.isalpha():
        i = len(word) - 1
        while word[i - 1].isalpha():
            i -= 1
        word = word[i:]
    return word.lower() if word.isascii() else None


def may_end(before: str | None, words: frozenset[str] | None) -> bool:
    """Whether a phrase whose final letters are one of ``words`` (``last_words``) may end just before a
    figure, ``before`` being the ``word_before`` it.

    A look-behind pattern of such phrases, anchored at the figure (the phrase, at a word start, then
    white space only) matches only where this is true, so it is searched only then.

    >>> may_end("than", frozenset({"than"})), may_end("said", frozenset({"than"})), may_end(None, frozenset())
    (True, False, True)
    >>> may_end("", None), may_end("said", None)
    (False, True)
    """
    if before is None:
        return True
    return before != "" and (words is None or before in words)


def spaces_before(*phrase_lists: Iterable[str]) -> str:
    """Optional horizontal white space before one of the phrases, possessive when it may be.

    ``[ \\t\\u00a0]*+`` keeps every space it took, so a failed match is not tried again from
    each space; the matches are the same as long as no phrase itself starts with white space.

    >>> spaces_before(["km", "miles"])[-2:], spaces_before(["km", " sq ft"])[-2:]
    ('*+', ']*')
    """
    if any(phrase[:1].isspace() for phrases in phrase_lists for phrase in phrases):
        return r"[ \t\u00a0]*"
    return r"[ \t\u00a0]*+"


def word_start(phrases: Iterable[str], length: int = 3) -> str:
    """A regex for how a word must begin to start one of ``phrases`` (case-insensitive after its first letter).

    The first ``length`` characters of each phrase (a space is any white space), as a trie whose
    first letter is a plain character class, which the regex engine tests fast, after a class of every
    first letter (one test turns away a word whose first letter starts no phrase: 'in', 'was').  A
    look-ahead made of it lets a scan give up on most words ('the', 'said') before it tries the phrases
    themselves; it accepts every word a phrase can start, so the scan finds the same matches.
    '[A-Za-z]' when some phrase starts with anything but an ASCII letter.

    >>> word_start(["two", "ten", "twelve", "one"])
    '(?=[oOtT])(?:[oO](?i:ne)|[tT](?i:(?:en|w(?:e|o))))'
    >>> print(word_start(["a few", "an"], 2), word_start(["\u00e9t\u00e9"]))
    (?=[aA])(?:[aA](?i:(?:\\s+|n))) [A-Za-z]
    """
    heads = {p[:length].lower() for p in phrases if p}
    if not all(h[0].isascii() and h[0].isalpha() for h in heads):
        return "[A-Za-z]"
    heads = {h for h in heads if not any(h != g and h.startswith(g) for g in heads)}  # 'a' covers 'an'
    by_first: dict[str, list[str]] = {}
    for h in heads:
        by_first.setdefault(h[0], []).append(h[1:])
    alts = []
    for first, rests in sorted(by_first.items()):
        cls = f"[{first}{first.upper()}]"
        alts.append(cls if "" in rests else f"{cls}(?i:{trie_alternation(rests)})")
    firsts = "".join(first + first.upper() for first in sorted(by_first))
    return f"(?=[{firsts}])(?:" + "|".join(alts) + ")"


def _norm(phrase: str) -> str:
    """Lower case with single spaces: the key of every phrase table.

    >>> _norm("More   than")
    'more than'
    """
    return " ".join(phrase.lower().split())


@dataclass(frozen=True)
class HedgeRule:
    """What a hedge does to a figure X: the qualifier and the interval factors (None = unbounded)."""

    qualifier: str
    low: float | None
    high: float | None


@dataclass(frozen=True)
class VagueRule:
    """A vague quantifier ('dozens of') and the interval it allows."""

    low: float
    high: float
    value: float
    scalable: bool = False


@dataclass(frozen=True)
class SuffixScale:
    factor: float
    attached: bool
    money_only: bool


@dataclass(frozen=True, eq=False)  # hashed by identity
class ExtractLexicon:
    """Every word list and compiled pattern of the quantity extractor."""

    cardinals: Mapping[str, int]
    scales: Mapping[str, int]
    fractions: Mapping[str, int]
    ordinals: Mapping[str, int]
    suffix_scales: Mapping[str, SuffixScale]
    vague: Mapping[str, VagueRule]
    prefix_hedges: Mapping[str, HedgeRule]
    suffix_hedges: Mapping[str, HedgeRule]
    unit_words: Mapping[str, str]
    unit_symbols: Mapping[str, str]
    risky_symbols: frozenset[str]
    durations: frozenset[str]
    currency_symbols: Mapping[str, str]
    currency_names: Mapping[str, str]
    currency_ambiguous: Mapping[str, str]
    currency_symbols_after: Mapping[str, str]
    currency_codes: frozenset[str]
    months: frozenset[str]
    weekdays: frozenset[str]
    year_words: frozenset[str]
    designators: frozenset[str]
    number_verb_before: frozenset[str]  # 'the dead now number 40': 'number' a verb, not a designator
    ordinal_idioms: frozenset[str]
    ordinal_determiners: frozenset[str]
    one_idioms_after: tuple[str, ...]
    one_idioms_before: frozenset[str]
    time_after: frozenset[str]
    score_before: frozenset[str]
    score_after: frozenset[str]
    hedge_last_words: frozenset[str] | None  # see last_words: what a prefix hedge can end with
    month_last_words: frozenset[str] | None  # ... a month name (month_before)
    designator_last_words: frozenset[str] | None  # ... a designator (designator_before)
    currency_last_words: frozenset[str] | None  # ... a currency symbol or code (currency_before)
    cardinal_words: frozenset[str]  # cardinals and scales: the words of a cardinal run
    scale_or_fraction_words: frozenset[str]  # what 'a'/'an' may lead: 'a hundred', 'a third'
    # compiled patterns, built in from_data
    figure: re.Pattern[str]
    figure_start: re.Pattern[str]
    word_scan: re.Pattern[str]
    word_at: re.Pattern[str]
    hedge_before: re.Pattern[str]
    hedge_after: re.Pattern[str]
    currency_before: re.Pattern[str]
    scale_after: re.Pattern[str]
    percent_after: re.Pattern[str]
    points_after: re.Pattern[str]
    basis_after: re.Pattern[str]
    currency_after: re.Pattern[str]
    unit_after: re.Pattern[str]
    age_after: re.Pattern[str]
    age_before: re.Pattern[str]
    time_after_number: re.Pattern[str]
    designator_before: re.Pattern[str]
    pence_after: re.Pattern[str]
    pixel_heights: frozenset[float]
    age_apposition: re.Pattern[str]
    month_before: re.Pattern[str]
    month_after: re.Pattern[str]
    glued_after: re.Pattern[str]
    phone: re.Pattern[str]

    @classmethod
    def from_data(
        cls,
        numbers: Mapping[str, Any],
        hedges: Mapping[str, Any],
        units: Mapping[str, Any],
        currencies: Mapping[str, Any],
        nonclaims: Mapping[str, Any],
    ) -> "ExtractLexicon":
        """Build the lexicon and its patterns from the parsed JSON files."""
        cardinals = {k.lower(): int(v) for k, v in numbers["cardinals"].items()}
        scales = {k.lower(): int(v) for k, v in numbers["scales"].items()}
        fractions = {k.lower(): int(v) for k, v in numbers["fractions"].items()}
        ordinals = {k.lower(): int(v) for k, v in numbers["ordinals"].items()}
        suffix_scales = {
            (s["alias"] if s.get("case_sensitive") else s["alias"].lower()): SuffixScale(
                float(s["factor"]), bool(s.get("attached")), bool(s.get("money_only"))
            )
            for s in numbers["suffix_scales"]
        }
        vague = {
            _norm(v["phrase"]): VagueRule(float(v["low"]), float(v["high"]), float(v["value"]),
                                          bool(v.get("scalable")))
            for v in numbers["vague"]
        }

        def rules(items: list[dict[str, Any]]) -> dict[str, HedgeRule]:
            return {_norm(h["phrase"]): HedgeRule(h["qualifier"], h["low"], h["high"]) for h in items}

        prefix_hedges = rules(hedges["prefix"])
        suffix_hedges = rules(hedges["suffix"])
        attached_suffix = [h["phrase"] for h in hedges["suffix"] if h.get("attached")]
        spaced_suffix = [h["phrase"] for h in hedges["suffix"] if not h.get("attached")]
        unit_words = {_norm(k): v for k, v in units["words"].items()}
        unit_symbols = dict(units["symbols"])
        currency_symbols = dict(currencies["symbols"])
        currency_names = {_norm(k): v for k, v in currencies["names"].items()}
        codes = sorted(set(currency_symbols.values()) | set(currency_names.values()))
        code_words = "|".join(f"(?i:{re.escape(w)})" for w in currencies.get("code_words", [])) or "(?!)"
        code_words = f"(?:{code_words})" if "|" not in code_words else code_words
        currency_symbols_after = dict(currencies.get("symbols_after", {}))
        months = frozenset(nonclaims["months"])
        month_alt = alternation(months)
        number_words = (set(cardinals) | set(scales) | set(fractions) | set(ordinals))
        word_alt = alternation(number_words)
        lead_alt = alternation(set(scales) | set(fractions))
        big_scale_alt = alternation({w for w, f in scales.items() if f >= 1000})
        duration_alt = alternation({w for w, u in unit_words.items() if u in units["durations"] and u != "second"})

        word_trie = trie_alternation(sorted(number_words))
        # Figures in digits and runs of number words are found by two scans merged in text order
        # (scan.candidates), as one alternation of the two would find them; what merely looks like a
        # figure is dropped in scan.py.  Figures in digits: 1,500  11 000  2.5  .25  21st.
        figure = re.compile(
            r"""
            (?=[\d.])(?P<digits>
                \d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)                # 1,500  1,500.5
              | (?<!\d)\d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3})+(?:\.\d+)?(?![\d]|[.,]\d)  # 11 000
              | \d+(?:\.\d+)?                                         # 1500  2.5
              | (?<![\w.])\.\d+                                       # .25
            )(?P<ordsuffix>(?:st|nd|rd|th)\b)?                       # 21st, 3rd
            """,
            re.VERBOSE,
        )
        # What a figure starts with, as its look-ahead says: a digit, or the point of '.25' (see figure_search).
        figure_start = re.compile(r"[\d.]")
        # A vague quantifier, 'a year' or a run of number words, from a word start (see word_scan, word_at).
        word_body = rf"""
            (?i:
                (?P<vague>{trie_alternation(sorted(vague))})\b       # dozens of, several
              | (?P<article>an?\s+(?=(?:{duration_alt})\b))          # 'a year' (kept only when hedged)
              | (?P<words>
                (?:an?\s+(?=(?:{lead_alt})\b))?                      # 'a hundred', 'a third'
                (?:{word_trie})\b                                    # first number word
                (?:(?:\s*-\s*|\s+(?:and\s+)?(?:an?\s+)?               # more, joined by -/and/a,
                   |\s+of\s+(?:an?\s+)?(?=(?:{big_scale_alt})\b))        # or 'of' a scale: 'a quarter of a million'
                   (?:{word_trie})\b){{0,11}}
                )
            )
            """
        # The scan for number words takes the non-letter before the word too: a pattern that opens
        # with a character class lets the regex engine skip letters fast.  Only words that begin as
        # some number word, vague quantifier or 'a'/'an' does are tried.
        word_scan = re.compile(
            rf"""
            [^A-Za-z]                                             # the character before the word
            (?={word_start(list(number_words) + list(vague) + ["a ", "an"])})  # a word that can start one
            {word_body}
            """,
            re.VERBOSE,
        )
        # Number words matched at a given position (the start of the text, the rest of a figure).
        word_at = re.compile(rf"(?<![A-Za-z])(?=[A-Za-z]){word_body}", re.VERBOSE)
        # Month names, for dates around a figure: 'Nov. 1', '21 October'.
        month_before = re.compile(rf"(?<![A-Za-z])(?:{month_alt})\.?[ \t\u00a0]+\Z")
        month_after = re.compile(rf"(?:st|nd|rd|th)?[ \t\u00a0]+(?:of[ \t\u00a0]+)?(?:{month_alt})\b")
        # What right after a figure makes it a date, time, version or phone number: '-10-21', ':30', '.1.2', 'e10'.
        glued_after = re.compile(
            r"""
            [-/.]\d{1,2}[-/.]\d{1,4}      # 2024-10-21, 21/10/2024, 21.10.24
          | /\d                            # 10/21, 24/7, 3/4
          | :\d\d                         # 10:30
          | \.\d+\.\d                    # 1.2.3, 192.168.1.2
          | [eE][+-]?\d                    # 1e999
          | ,\d                            # 1,1,1 or 1,5000: not a well-formed figure
            """,
            re.VERBOSE,
        )
        # A phone number starting at a '+' or '(' just before the figure, or a 555-123-4567 form.
        phone = re.compile(
            r"""
            \+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}   # +44 20 7946 0958
          | \(0\d{1,4}\)\s?\d{3,4}[\s-]?\d{3,4}                  # (02) 9999 1234
          | \d{3}-\d{3}-\d{4}(?!\d)                               # 555-123-4567
            """,
            re.VERBOSE,
        )
        prefix_alt = trie_alternation(prefix_hedges)
        # A hedge just before a figure: 'nearly ', 'more than ', '~'.
        hedge_before = re.compile(
            rf"""
            (?:^|(?<=[\s(\[\u201c\u2018"'\u2014\u2013,:;-]))   # at a word start
            (?P<h>(?i:{prefix_alt}))                          # the hedge phrase
            \s*+\Z                                             # touching the figure (no backtracking)
            """,
            re.VERBOSE,
        )
        spaced_lead = any(p[:1].isspace() for p in spaced_suffix)  # (then '\s+' must give spaces back)
        currency_space = spaces_before(codes, currency_names, currencies["ambiguous_names"],
                                       currencies["symbols_after"])
        # A hedge just after a figure: ' or more', '-plus', '+'.
        hedge_after = re.compile(
            rf"""
            (?P<h>(?:{alternation(attached_suffix)})          # attached: 20-plus, 100+
                 | \s+{"+" if not spaced_lead else ""}(?i:{alternation(spaced_suffix)})\b  # spaced: or more, or so
                   (?:(?i:(?<=than))(?=[ \t]*(?:[.,;:!?)\]"\u201d]|\Z))  # 'or more than' ends the clause
                     |(?i:(?<!than))(?![ \t]+(?i:than)\b)))  # ('200 or more than 190': 'than' is the next figure's)
            """,
            re.VERBOSE,
        )
        # A currency symbol or code touching the figure on its left: '$', 'US$', '£', 'USD '.
        currency_before = re.compile(
            rf"""
            (?:^|(?<=[^A-Za-z]))                               # not the end of a word
            (?P<c>{trie_alternation(currency_symbols)}|(?i:{trie_alternation(codes)})\$?(?<!{code_words}))  # symbol, or code
            \s?\Z                                              # touching the figure
            """,
            re.VERBOSE,
        )
        suffix_scale_ci = [a for a in suffix_scales if a == a.lower()]
        suffix_scale_cs = [a for a in suffix_scales if a != a.lower()]
        # A scale word after the figure: ' million', ' bn', 'm' (rules for letters in code).
        scale_after = re.compile(
            rf"""
            (?P<sp>{spaces_before(scales, suffix_scales)})     # optional space
            (?P<s>(?i:(?:{alternation(scales)})s?)             # million, billion, thousand
                 |(?i:{alternation(suffix_scale_ci)})          # bn, mn, m, k
                 |{alternation(suffix_scale_cs) or '(?!)'})    # M, B, K (case matters)
            (?![A-Za-z0-9])                                    # a whole word
            """,
            re.VERBOSE,
        )
        # A percent sign or word: '%', ' per cent', ' percent', ' pct'.
        percent_after = re.compile(
            rf"""
            {spaces_before(units['percent'])}(?P<p>%|(?i:{alternation(units['percent'][1:])})\b)
            """,
            re.VERBOSE,
        )
        # Percentage points: ' percentage points', ' pp'.
        points_after = re.compile(
            rf"""
            {spaces_before(units['percentage_points'])}(?P<p>(?i:{alternation(units['percentage_points'])}))\b
            """,
            re.VERBOSE,
        )
        # Basis points: ' basis points', ' bps' (hundredths of a percentage point).
        basis_after = re.compile(
            rf"""
            {spaces_before(units.get('basis_points', []))}(?P<p>(?i:{trie_alternation(units.get('basis_points', []))}))\b
            """,
            re.VERBOSE,
        )
        # A currency code or name after the figure: ' USD', ' dollars', ' euros'.
        currency_after = re.compile(
            rf"""
            {currency_space}(?P<c>(?i:{trie_alternation(codes)})\b(?<!{code_words})   # USD, usd (not 'try')
                           |(?i:{trie_alternation(set(currency_names) | set(currencies['ambiguous_names']))})\b  # dollars
                           |{trie_alternation(currencies['symbols_after'])})   # 100 €, 100元
            """,
            re.VERBOSE,
        )
        # A unit after the figure: ' km', '-minute', ' square kilometres', '°C'.
        unit_after = re.compile(
            rf"""
            (?P<sp>{spaces_before(unit_words, unit_symbols)}|[ \t\u00a0]?-[ \t\u00a0]?)  # space, nothing or a hyphen
            (?P<u>(?i:{trie_alternation(unit_words)})(?:s\b)?      # words, case-insensitive
                 |{trie_alternation(unit_symbols)})             # symbols, case-sensitive
            (?![A-Za-z0-9²³])                                  # a whole unit
            """,
            re.VERBOSE,
        )
        age_after_alt = alternation(units["age_after"])
        # Age wording after the figure: '-year-old', ' years old'.
        age_after = re.compile(rf"(?i:{age_after_alt})\b", re.VERBOSE)
        # Age wording before the figure: 'aged ', 'age from ', 'minimum age of '.
        age_before = re.compile(
            rf"""
            \b(?i:{alternation(units['age_before'])})          # aged, age of, age from
            (?:\s+(?i:[a-z]+)){{0,2}}?                           # 'age fell from', 'age limit of'
            \s+(?:(?i:between|from|of|to|at)\s+)?              # then the figure,
            (?:\d{{1,3}}(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|or)[ \t]+))*  # or a later one: 'aged 17 and (19)'
            \Z
            """,
            re.VERBOSE,
        )
        # A clock-time marker after the figure: 'pm', ' a.m.', ' GMT'.
        time_after_number = re.compile(
            rf"""
            {spaces_before(nonclaims['time_suffixes'])}(?:{alternation(nonclaims['time_suffixes'])})(?![A-Za-z])
            """,
            re.VERBOSE,
        )
        pence = currencies.get("pence_after", {})
        # Pence after the figure: '245p' (touching it), ' pence', then no letter or digit.
        pence_after = re.compile(
            rf"""
            (?:{alternation(w for w in pence if len(w) == 1)}    # 'p' touching the figure
              |[ \t\u00a0]?(?i:{alternation(w for w in pence if len(w) > 1)}))  # or ' pence'
            (?![A-Za-z0-9])                                      # a whole word
            """,
            re.VERBOSE,
        )
        # A person just before an age in apposition: 'The driver, ' in 'The driver, 34, was arrested'.
        age_apposition = re.compile(
            rf"""
            \b(?P<n>(?i:{trie_alternation(units['age_apposition'])})(?:s|es)?)  # a person noun, maybe plural
            ,[ \t]+                                              # a comma,
            (?P<prior>(?:\d{{1,3}}(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|or)[ \t]+))+)?  # ages before: '19 and '
            \Z                                                   # then the figure
            """,
            re.VERBOSE,
        )
        # A designator before the figure: 'Article ', 'Flight ', 'No. '.
        designator_before = re.compile(
            rf"""
            (?:^|(?<=[^A-Za-z]))(?:{trie_alternation(nonclaims['designators'])})[ \t\u00a0]*\Z
            """,
            re.VERBOSE,
        )
        return cls(
            cardinals=cardinals,
            scales=scales,
            fractions=fractions,
            ordinals=ordinals,
            suffix_scales=suffix_scales,
            vague=vague,
            prefix_hedges=prefix_hedges,
            suffix_hedges=suffix_hedges,
            unit_words=unit_words,
            unit_symbols=unit_symbols,
            risky_symbols=frozenset(units["risky_symbols"]),
            durations=frozenset(units["durations"]),
            currency_symbols=currency_symbols,
            currency_names=currency_names,
            currency_symbols_after=currency_symbols_after,
            currency_codes=frozenset(codes),
            currency_ambiguous={_norm(k): v for k, v in currencies["ambiguous_names"].items()},
            months=months,
            weekdays=frozenset(nonclaims["weekdays"]),
            year_words=frozenset(_norm(w) for w in nonclaims["year_words"]),
            designators=frozenset(nonclaims["designators"]),
            number_verb_before=frozenset(_norm(w) for w in nonclaims.get("number_verb_before", [])),
            ordinal_idioms=frozenset(_norm(w) for w in nonclaims["ordinal_idioms"]),
            ordinal_determiners=frozenset(_norm(w) for w in nonclaims["ordinal_determiners"]),
            one_idioms_after=tuple(_norm(w) for w in nonclaims["one_idioms_after"]),
            one_idioms_before=frozenset(_norm(w) for w in nonclaims["one_idioms_before"]),
            time_after=frozenset(_norm(w) for w in nonclaims["time_after"]),
            score_before=frozenset(_norm(w) for w in nonclaims["score_before"]),
            score_after=frozenset(_norm(w) for w in nonclaims["score_after"]),
            hedge_last_words=last_words(prefix_hedges),
            month_last_words=last_words(months),
            designator_last_words=last_words(nonclaims["designators"]),
            currency_last_words=last_words([*currency_symbols, *codes]),
            cardinal_words=frozenset(cardinals) | frozenset(scales),
            scale_or_fraction_words=frozenset(scales) | frozenset(fractions),
            figure=figure,
            figure_start=figure_start,
            word_scan=word_scan,
            word_at=word_at,
            hedge_before=hedge_before,
            hedge_after=hedge_after,
            currency_before=currency_before,
            scale_after=scale_after,
            percent_after=percent_after,
            points_after=points_after,
            basis_after=basis_after,
            currency_after=currency_after,
            unit_after=unit_after,
            age_after=age_after,
            age_before=age_before,
            time_after_number=time_after_number,
            designator_before=designator_before,
            pence_after=pence_after,
            pixel_heights=frozenset(float(v) for v in currencies.get("pixel_heights", [])),
            age_apposition=age_apposition,
            month_before=month_before,
            month_after=month_after,
            glued_after=glued_after,
            phone=phone,
        )

    def hedge_search(self, text: str, lo: int, start: int) -> re.Match[str] | None:
        """``hedge_before.search(text, lo, start)``: the prefix hedge touching the figure at ``start``.

        The same result, cheaper: the regex runs only when the word before may end a hedge (``may_end``).

        >>> lex = ExtractLexicon.default()
        >>> [m and m.group("h") for m in (lex.hedge_search(t, 0, len(t)) for t in ("nearly ", "the ", "~"))]
        ['nearly', None, '~']
        """
        if not may_end(word_before(text, lo, start), self.hedge_last_words):
            return None
        return self.hedge_before.search(text, lo, start)

    def figure_search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """``figure.search(text, pos)``: the next figure in digits.

        The same result, cheaper: ``figure`` is tried only where ``figure_start`` finds a digit or a
        point (a figure starts nowhere else), not at every position.

        >>> lex = ExtractLexicon.default()
        >>> [lex.figure_search(t).group() for t in ("in 2024.", "the end. Then .25 of 1,500", "Mr. 5")]
        ['2024', '.25', '5']
        """
        find, match = self.figure_start.search, self.figure.match
        while (start := find(text, pos)) is not None:
            m = match(text, start.start())
            if m is not None:
                return m
            pos = start.end()
        return None

    @classmethod
    @functools.cache
    def default(cls) -> "ExtractLexicon":
        """The lexicon shipped in reconcile/lexicons/, built once per process."""
        return cls.from_data(
            lexicons.load("numbers"),
            lexicons.load("hedges"),
            lexicons.load("units"),
            lexicons.load("currencies"),
            lexicons.load("nonclaims"),
        )
