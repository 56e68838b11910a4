"""As of when a figure applies: date phrases in its sentence, resolved against the publication date.

Never the clock: every relative phrase is resolved against ``article.published``.  Explicit dates
("on October 18", "Oct. 3", "2024-10-18"), weekdays ("on Sunday", "Monday morning" -> the last such
day on or before publication), relative phrases ("last week" -> the Monday..Sunday week before the
week of publication, as ``as_of``..``as_of_end``; "earlier this month"; "yesterday"; "three days ago"),
months ("in April" -> the last April up to publication, as a range) and years ("in 2023").  A date
after "by" ("by Nov. 1", "by December") or a forward-looking cue ("is expected to reach") marks a
projection.  With no date phrase, ``as_of`` is the publication date; an undated article resolves only
explicit dates that carry a year, and gives None otherwise.
"""

from __future__ import annotations

import bisect
import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta

from reconcile.context.document import Document
from reconcile.context.lexicon import ContextLexicon, alternation, cased, initials

# Prepositions before a date phrase; "by"-like ones make it forward-looking.
PREPS = ["by the end of", "before the end of", "by", "on", "since", "until", "through", "as of", "in", "ahead of",
         "before", "after", "during", "from", "at the end of", "as early as"]


# A figure compared with another one between a claim and a date: "down from 61% (in 2021)".
OTHER_FIGURE = re.compile(r"\b(?:from|than|compared\s+(?:with|to)|against|versus|vs\.?)\s+[^.;]{0,30}\d")


@dataclass(frozen=True)
class AsOf:
    """The resolved date (or range) of a figure, the words that gave it, and whether it is a projection."""

    as_of: date | None
    as_of_end: date | None = None
    text: str | None = None
    projection: bool = False


# "since" opening the text before a date: the date is inside a period phrase ("since Katrina in 2005").
# (The "s" is matched before the look-behind that makes it a word's start, the \b written after it:
# a pattern opening on a letter lets re skip to that letter.)
SINCE_BEFORE = re.compile(r"s(?<!\w\w)ince\b[^,;.]*$")

# A month written with a part of it ("early October", "mid-April"): a date even without a preposition.
MONTH_PART = re.compile(r"(?i)early|mid|late")

# A date relative to another one ("a day earlier", "two weeks ago").
RELATIVE_WORD = re.compile(r"(?i)earlier|before|ago|previous")

# A digit.
DIGIT = re.compile(r"\d")


class _Patterns:
    """Date regexes built once per lexicon from its month and weekday names."""

    def __init__(self, lex: ContextLexicon) -> None:
        month_names = [m.title() for m in lex.months]
        full_months = [m.title() for m in lex.months if len(m) > 4 or m == "may" or m == "june" or m == "july"]
        weekdays = [w.title() for w in lex.weekdays if len(w) > 3]
        parts = alternation(lex.day_parts)
        # Every branch starts at a word boundary; the leading \b says so once, which spares trying
        # the whole alternation inside words (it changes no match).
        self.date = re.compile(
            rf"""\b(?P<prep>\b(?:{cased(PREPS)})\s+)?
            (?:
              (?P<md>\b(?P<m1>{alternation(month_names)})\.?\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\b
                     (?:,?\s+(?P<y1>(?:19|20)\d\d)\b)?)                         # October 18, 2024 / Oct. 3
            | (?P<dm>\b(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{alternation(month_names)})\b\.?
                     (?:,?\s+(?P<y2>(?:19|20)\d\d)\b)?)                         # 18 October 2024
            | (?P<iso>\b(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)\b)  # 2024-10-18
            | (?P<wd>\b(?:(?P<wrel>[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast)\s+)?(?P<wday>{alternation(weekdays)})
                     (?:\s+(?:{parts}))?\b)                                     # (last) Monday (morning)
            | (?P<rel>\b(?:[Yy]esterday|[Tt]oday|[Tt]onight|[Ll]ast\s+night|[Tt]his\s+morning|[Tt]his\s+afternoon
                     |[Tt]his\s+evening
                     |(?P<adj>[Ee]arlier|[Ll]ater|[Ll]ate|[Ee]arly)\s+this\s+(?P<unit1>week|month|year)
                     |(?P<which>[Ll]ast|[Tt]his|[Pp]ast|[Pp]revious|[Nn]ext)\s+(?P<unit2>weekend|week|month|year)
                     |(?P<n>\d+|[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Tt]en)\s+
                        (?P<unit3>days?|weeks?|months?|years?)\s+(?:ago|earlier|before|(?P<after>after))
                     |[Tt]he\s+(?:day\s+before|previous\s+day|day\s+earlier)
                     |[Tt]he\s+(?P<unit5>week|month|year)\s+(?:before|earlier)       # "up from 870 the week before"
                     |(?:[Tt]he\s+)?end\s+of\s+(?P<endwhich>the|this|next|last)\s+(?P<unit4>week|month|year)
                     )\b)
            | (?P<mon>\b(?:(?:[Ee]arly|[Mm]id|[Ll]ate)-?\s*)?(?P<m4>{alternation(full_months)})(?:\s+(?P<y4>(?:19|20)\d\d))?\b)
            | (?P<year>\b(?:19|20)\d\d\b)
            | (?P<now>\b(?:[Nn]ow|[Cc]urrently|[Aa]t\s+present|[Pp]resently|[Ss]o\s+far|[Tt]o\s+date)\b)
            )""",
            re.VERBOSE,
        )
        # Words every date phrase holds: the full pattern is tried only around them (fast on long text).
        # The look-ahead names their first characters: put before the word boundary, it lets re pass
        # over other characters quickly (it changes no match).
        self.hint = re.compile(
            r"""(?=[JFMASONDTWYCPytnwmaebpfdc12])\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun
                  |[Yy]esterday|[Tt]oday|[Tt]onight|night|week|month|year|ago|earlier|before|[Nn]ow
                  |[Cc]urrently|present|[Pp]resently|far|date|morning|afternoon|evening|day
                  |(?:19|20)\d\d(?!\d))""",
            re.VERBOSE,
        )
        self.projection = re.compile(
            rf"\b(?={initials(lex.projection_cues, capitalised=True)})(?:{cased(lex.projection_cues)})\b")
        self.future = re.compile(r"\b(?:will|is\s+scheduled|are\s+scheduled|is\s+due|are\s+due|plans?\s+to)\b")


@functools.cache
def _patterns(lex: ContextLexicon) -> _Patterns:
    return _Patterns(lex)


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _number(word: str) -> int:
    return {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "ten": 10}.get(word.lower()) or int(word)


def _day_month(lex: ContextLexicon, month: str, day: str, year: str | None, published: date | None,
               forward: bool) -> tuple[date, date | None] | None:
    m = lex.months[month.lower().rstrip(".")]
    try:
        if year:
            return date(int(year), m, int(day)), None
        if published is None:
            return None
        when = date(published.year, m, int(day))
    except ValueError:
        return None
    if forward and when < published - timedelta(days=1):
        when = when.replace(year=when.year + 1)
    elif not forward and when > published + timedelta(days=45):
        when = when.replace(year=when.year - 1)
    return when, None


def _relative(m: re.Match[str], published: date) -> tuple[date, date | None] | None:
    word = m.group("rel").lower()
    monday = published - timedelta(days=published.weekday())
    if word in {"yesterday", "last night"} or word.startswith(("the day", "the previous")):
        return published - timedelta(days=1), None
    if word in {"today", "tonight"} or word.startswith("this "):
        return published, None
    if m.group("unit1"):
        unit = m.group("unit1").lower()
        first = {"week": monday, "month": published.replace(day=1), "year": published.replace(month=1, day=1)}[unit]
        if m.group("adj").lower() in {"earlier", "early"}:
            return first, published
        return published, None
    if m.group("unit2"):
        which, unit = m.group("which").lower(), m.group("unit2").lower()
        if which == "next":  # "3.4% of GDP next year": the coming week, month or year (a projection)
            if unit in {"week", "weekend"}:
                start = monday + timedelta(days=7 if unit == "week" else 12)
                return start, start + timedelta(days=6 if unit == "week" else 1)
            if unit == "month":
                first = (published.replace(day=1) + timedelta(days=32)).replace(day=1)
                return _month_range(first.year, first.month)
            return date(published.year + 1, 1, 1), date(published.year + 1, 12, 31)
        if unit == "week":
            return (monday, published) if which == "this" else (monday - timedelta(days=7), monday - timedelta(days=1))
        if unit == "weekend":
            return monday - timedelta(days=2), monday - timedelta(days=1)
        if unit == "month":
            if which == "this":
                return published.replace(day=1), published
            prev = published.replace(day=1) - timedelta(days=1)
            return _month_range(prev.year, prev.month)
        if which == "this":
            return published.replace(month=1, day=1), published
        return date(published.year - 1, 1, 1), date(published.year - 1, 12, 31)
    if m.group("unit4"):
        unit, which = m.group("unit4").lower(), m.group("endwhich").lower()
        shift = {"next": 1, "last": -1}.get(which, 0)
        if unit == "week":
            return monday + timedelta(days=6 + 7 * shift), None
        if unit == "month":
            month_index = published.year * 12 + published.month - 1 + shift
            year, month = divmod(month_index, 12)
            return _month_range(year, month + 1)[1], None
        return date(published.year + shift, 12, 31), None
    if m.group("unit5"):  # "the week before": as "a week earlier"
        return published - timedelta(days={"week": 7, "month": 30, "year": 365}[m.group("unit5").lower()]), None
    if m.group("unit3"):
        n = _number(m.group("n"))
        unit = m.group("unit3").lower().rstrip("s")
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n
        return published - timedelta(days=days), None
    return None


def _resolve(lex: ContextLexicon, m: re.Match[str], published: date | None,
             forward: bool) -> tuple[date, date | None] | None:
    if m.group("md"):
        return _day_month(lex, m.group("m1"), m.group("d1"), m.group("y1"), published, forward)
    if m.group("dm"):
        return _day_month(lex, m.group("m2"), m.group("d2"), m.group("y2"), published, forward)
    if m.group("iso"):
        try:
            return date(int(m.group("y3")), int(m.group("m3")), int(m.group("d3"))), None
        except ValueError:
            return None
    if m.group("year"):
        y = int(m.group("year"))
        return date(y, 1, 1), date(y, 12, 31)
    if m.group("mon"):
        month = lex.months[m.group("m4").lower()]
        if m.group("y4"):
            return _month_range(int(m.group("y4")), month)
        if published is None:
            return None
        year = published.year
        if forward and month < published.month:
            year += 1
        elif not forward and month > published.month:
            year -= 1
        return _month_range(year, month)
    if published is None:
        return None
    if m.group("now"):
        return published, None
    if m.group("wd"):
        target = lex.weekdays[m.group("wday").lower()]
        rel = (m.group("wrel") or "").lower()
        if rel == "next" or (forward and rel != "last"):
            ahead = (target - published.weekday()) % 7 or (7 if rel == "next" else 0)
            return published + timedelta(days=ahead), None
        if rel == "this":
            return published - timedelta(days=published.weekday()) + timedelta(days=target), None
        back = (published.weekday() - target) % 7
        if rel in {"last", "past"} and back == 0:
            back = 7
        return published - timedelta(days=back), None
    return _relative(m, published)


#: Longer than any hint word ("yesterday", "presently": 9 letters) with the year's look-ahead: hints
#: starting this far before a window's end match there as they do in the whole text.
HINT_REACH = 16


def _hints(pat: _Patterns, text: str, lo: int, hi: int, spans: list[tuple[int, int]] | None) -> list[tuple[int, int]]:
    """Spans of the hint words in ``text[lo:hi]``, as ``pat.hint.finditer(text, lo, hi)`` gives them.

    ``spans`` holds the hints of a region around the window (found once per article).  Hint words are all word
    characters, so two never overlap and a search from ``lo`` meets the same ones as the whole-text
    scan; only the last few characters, where the window's end cuts the text, are searched again.

    >>> pat = _patterns(ContextLexicon.default())
    >>> text = "Last week, on Monday, 40 died; in 2024 and 20245."
    >>> spans = [m.span() for m in pat.hint.finditer(text)]
    >>> all(_hints(pat, text, lo, hi, spans) == [m.span() for m in pat.hint.finditer(text, lo, hi)]
    ...     for lo in range(len(text)) for hi in range(lo, len(text) + 1))
    True
    """
    if spans is None:
        return [m.span() for m in pat.hint.finditer(text, lo, hi)]
    cut = max(lo, hi - HINT_REACH)
    first = bisect.bisect_left(spans, (lo, -1))
    last = bisect.bisect_left(spans, (cut, -1), first)
    return spans[first:last] + [m.span() for m in pat.hint.finditer(text, cut, hi)]


# A word's first character: the only places a date phrase can start (each branch opens on a word).
WORD_START = re.compile(r"\b\w")


def _date_covering(pat: _Patterns, text: str, lo: int, hi: int, at: int) -> re.Match[str] | None:
    """The date phrase that a scan of ``text[lo:hi]`` meets covering offset ``at``, if any.

    The same as searching from ``lo`` and again after each phrase that ends by ``at``, but trying the
    pattern only where a word starts, and only up to ``at``: a phrase starting later cannot cover it.

    >>> pat = _patterns(ContextLexicon.default())
    >>> text = "He said on Monday, Oct. 3, that 40 died last week."
    >>> [_date_covering(pat, text, 0, len(text), text.index(w)).group() for w in ("Oct", "week")]
    ['Oct. 3', 'last week']
    >>> _date_covering(pat, text, 0, len(text), text.index("died")) is None
    True
    """
    resume = lo
    for w in WORD_START.finditer(text, lo, at + 1):
        p = w.start()
        if p < resume:
            continue
        m = pat.date.match(text, p, hi)
        if m is not None:
            if m.end() > at:
                return m
            resume = m.end()
    return None


def _date_matches(pat: _Patterns, text: str, lo: int, hi: int,
                  memo: dict[tuple[int, int, int], re.Match[str] | None] | None = None,
                  hint_spans: list[tuple[int, int]] | None = None) -> list[re.Match[str]]:
    """Date phrases in text[lo:hi], trying the full pattern only around hint words.

    ``memo`` keeps the search around each hint for the article's other claims (their windows overlap);
    ``hint_spans`` holds the hint words of the whole text (see ``_hints``).
    """
    found: dict[int, re.Match[str]] = {}
    reach = lo
    memo = {} if memo is None else memo
    for h_start, h_end in _hints(pat, text, lo, hi, hint_spans):
        if h_start < reach:
            continue
        key = (h_start, max(lo, h_start - 24), min(hi, h_end + 40))
        if key in memo:
            m = memo[key]
        else:
            m = memo[key] = _date_covering(pat, text, key[1], key[2], h_start)
        if m is not None and m.start() <= h_start < m.end():
            found.setdefault(m.start(), m)
            reach = m.end()
    return [found[k] for k in sorted(found)]


# "between" right before a date: the start of a period whose end ("and July 14") is the figure's date.
BETWEEN_BEFORE = re.compile(r"\bbetween\s+$")

# A wire dateline right after a date: "MADRID, July 16 (AFP) -".
DATELINE_AFTER = re.compile(r"\s*\([A-Z][^()\n]{0,24}\)\s*[-\u2013\u2014]")

# A speech verb right before a date: "AEMET said on Wednesday", "officials told reporters Monday".
SAID_BEFORE = re.compile(r"\b(?:said|says|told|announced|reported|added|confirmed|stated|reporters)\s+$")

# A clause opened by "when" right after a date: "the worst since 2010, when 29 miners died" - the figure
# in it is of that date, whatever preposition came before the date.
WHEN_AFTER = re.compile(r",?\s+when\s")

# A determiner or possessive before a year used as an adjective: "a 2019 blast at the mine killed 41".
YEAR_DETERMINER_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Tt]hat|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+$")

# A lower-case noun right after such a year ("2019 blast", "2004 tsunami").
LOWER_WORD_AFTER = re.compile(r"\s+[a-z]")


def _names_past_event(text: str, m: re.Match[str], start: int) -> bool:
    """Whether the date phrase ``m`` before a figure at ``start`` dates the event the figure belongs to:
    a clause opened by "when" after it, or a year used as an adjective of an event noun.

    >>> dates = _patterns(ContextLexicon.default()).date
    >>> t = "It was the worst since 2010, when 29 miners died."
    >>> _names_past_event(t, dates.search(t), t.index("29"))
    True
    >>> t = "A 2019 blast at the same mine killed 41 workers."
    >>> _names_past_event(t, dates.search(t), t.index("41"))
    True
    >>> t = "Since 2010, 29 miners have died."
    >>> _names_past_event(t, dates.search(t), t.index("29"))
    False
    """
    if m.end() > start:
        return False
    when = WHEN_AFTER.match(text, m.end())
    if when is not None:
        return not any(ch in text[when.end() : start] for ch in ",;")
    return bool(m.group("year") and not m.group("prep")
                and YEAR_DETERMINER_BEFORE.search(text, max(0, m.start() - 7), m.start())
                and LOWER_WORD_AFTER.match(text, m.end()))


# Between "two years after" and a figure it dates: at most two words, no comma ("two years after 41
# miners died", "three days after some 300 people were evacuated"): the figure is of that earlier time.
AFTER_OPENS_FIGURE = re.compile(r"\s+(?:[A-Za-z]+\s+){0,2}")

#: Added to the distance of a dateline's or a statement's date: another date of the sentence wins.
LESS_LIKELY = 10_000

def _blank_dates(text: str, lo: int, hi: int, matches: list[re.Match[str]]) -> str:
    """text[lo:hi] with the date phrases inside it blanked out.

    >>> t = "died from the heat between June 1 and July 14"
    >>> import re
    >>> _blank_dates(t, 0, len(t), [re.search("June 1", t)]).rstrip()
    'died from the heat between        and July 14'
    """
    out, at = [], lo
    for o in matches:
        if lo <= o.start() and o.end() <= hi:
            out.append(text[at : o.start()])
            out.append(" " * (o.end() - o.start()))
            at = o.end()
    out.append(text[at:hi])
    return "".join(out)


# A relative clause opening before a figure: ", which raised its rate to".
RELATIVE_OPEN = re.compile(r",\s+(?:which|who|whose)\s")


def _aside_around(text: str, sent_start: int, sent_end: int, start: int, end: int) -> tuple[int, int] | None:
    """The span of a comma-bounded relative clause holding the figure, when it is closed by a comma.

    >>> t = "The bank, which raised its rate to 4.75% last year, meets on March 6."
    >>> a = _aside_around(t, 0, len(t), t.index("4.75"), t.index("%") + 1)
    >>> t[a[0]:a[1]]
    ', which raised its rate to 4.75% last year'
    """
    lo = max(sent_start, start - 120)
    if text.find("wh", lo, start) < 0:
        return None
    opening = None
    for opening in RELATIVE_OPEN.finditer(text, lo, start):
        pass
    if opening is None or text.find(",", opening.end(), start) >= 0:
        return None
    close = text.find(",", end, sent_end)
    return (opening.start(), close) if close >= 0 else None


# A possessive right after a date phrase: "Wednesday's plane crash", "Monday's earthquake" name an event.
POSSESSIVE_AFTER = re.compile(r"['\u2019]s?\s")

# A clause break between a figure and a coming date ("next week"): the date is another clause's.
NEXT_GAP = re.compile(r"[,;:]|\s(?:and|but|while|as|when)\s")

#: Nouns of a comparison base that a date right after them belongs to (see BASE_BEFORE).
BASE_NOUNS = frozenset(["price", "prices", "close", "level", "levels", "value", "average", "reading", "valuation"])


def _after_base_noun(text: str, lo: int, hi: int) -> bool:
    """A cheap test for BASE_BEFORE: the word before the date (past "on"/"of") is a base noun.

    >>> _after_base_noun("to its closing price on Monday", 0, 23), _after_base_noun("said on Monday", 0, 8)
    (True, False)
    """
    words = text[lo:hi].split()
    if words and words[-1] in ("on", "of"):
        words.pop()
    return bool(words) and words[-1] in BASE_NOUNS


# A verb of a figure that grew after the event that started it: "has risen to", "climbed to".
RISEN = re.compile(r"\b(?:rose|risen|rises|climbed|climbs|jumped|increased|grew|grown|swelled|mounted|reached)\b")

# A comparison base right before a date phrase: "a premium of 31% to Lumex's closing price on Monday",
# "up from its level on Friday": the date is the base's, not the figure's.
BASE_BEFORE = re.compile(
    r"""\b(?:to|from|than|over|against|versus|with)\s+(?:[\w'\u2019.-]+\s+){0,3}?
        (?:price|prices|close|level|levels|value|average|reading|valuation)\s+(?:on\s+|of\s+)?$""",
    re.VERBOSE,
)


# A past-tense verb right before a date phrase ("ruled Wednesday", "said on Monday"): the date is past.
PAST_VERB_BEFORE = re.compile(
    r"""(?<!\bis[ ])(?<!\bare[ ])(?<!\bbe[ ])(?<!\bbeen[ ])          # not a passive: "is expected by December"
        \b(?:(?!expected|scheduled|planned|slated|projected|forecasted|predicted|estimated)[a-z]{2,}ed
          |said|told|was|were|had|did|met|spoke|took|gave|made|won|lost|came|went|left|began|ran
          |saw|found|became|rose|fell|hit|struck|sent|put|set|held|wrote|broke|chose|drove|flew|grew|knew|paid)
        [ ]+(?:(?:on|late|early|last)[ ]+)?$""",
    re.VERBOSE,
)


def find_as_of(doc: Document, start: int, end: int, skip: list[tuple[int, int]]) -> AsOf:
    """The as-of date of the figure at ``start:end``; ``skip`` holds spans that belong to its scope."""
    lex = doc.lexicon
    pat = _patterns(lex)
    text = doc.text
    published = doc.article.published
    sent_start, sent_end = doc.window(start, end)
    best: tuple[int, re.Match[str]] | None = None
    lo, hi = max(sent_start, start - 200), min(sent_end, end + 200)
    matches = doc.date_windows.get((lo, hi))
    if matches is None:  # claims of one short sentence share their window
        if doc.hint_spans is None:  # the hint words around the article's claims, found once
            first, last = doc.claims_span
            region = (max(0, first - 200), min(len(text), last + 200))  # holds every claim's window
            doc.hint_spans = [m.span() for m in pat.hint.finditer(text, *region)]
        matches = doc.date_windows[(lo, hi)] = _date_matches(pat, text, lo, hi, doc.date_searches, doc.hint_spans)
    aside = _aside_around(text, sent_start, sent_end, start, end)
    for m in matches:
        if m.start() < end and m.end() > start:
            continue
        if aside is not None and (m.end() <= aside[0] or m.start() >= aside[1]):
            continue  # "The bank, which raised its rate to 4.75% last year, meets on March 6": not its date
        if any(m.start() < e and m.end() > s for s, e in skip):
            continue
        if _after_base_noun(text, max(sent_start, m.start() - 16), m.start()) and BASE_BEFORE.search(
                text, max(sent_start, m.start() - 60), m.start()):
            continue  # "a premium of 31% to Lumex's closing price on Monday": the base's date, not the figure's
        if m.end() <= start and POSSESSIVE_AFTER.match(text, m.end()) and RISEN.search(text, m.end(), start):
            continue  # "the toll from Wednesday's crash has risen to 25": the event's day, not the count's
        if m.group("after") and not AFTER_OPENS_FIGURE.fullmatch(text, m.end(), start):
            continue  # "two days after the quake, the toll rose to 50": the figure is not in the after-clause
        prep = (m.group("prep") or "").strip().lower()
        past_event = _names_past_event(text, m, start)  # "since 2010, when 29 died", "a 2019 blast killed 41"
        if not past_event:
            if prep in {"since", "from", "after", "between"} or BETWEEN_BEFORE.search(
                    text, max(sent_start, m.start() - 9), m.start()):
                continue  # the start of a period, not the date the figure applies to ("between June 1 and July 14")
            if SINCE_BEFORE.search(text[max(sent_start, m.start() - 80) : m.start()]):
                continue  # "since Hurricane Katrina in 2005": inside a period phrase
            if m.group("year") and prep not in {"in", "by", "during", "as of", "until", "through", "at the end of"}:
                continue
        if m.group("mon") and not prep and not MONTH_PART.match(m.group("mon")):
            continue
        g0, g1 = (m.end(), start) if m.end() <= start else (end, m.start())
        gap = text[g0:g1]
        if m.group("which") and m.group("which").lower() == "next" and NEXT_GAP.search(gap):
            continue  # "40 people died, and the funeral is next week": a coming date of another clause
        figures_gap = gap
        if DIGIT.search(gap) and any(g0 <= o.start() and o.end() <= g1 for o in matches):
            # the digits of another date are no other figure ("from the heat between June 1 and July 14")
            figures_gap = _blank_dates(text, g0, g1, matches)
        if DIGIT.search(gap) and (RELATIVE_WORD.search(m.group()) or (
                DIGIT.search(figures_gap) and OTHER_FIGURE.search(figures_gap))):
            continue  # "57, up from 40 a day earlier", "58%, down from 61% in 2021": the other figure's date
        distance = len(gap)
        if DATELINE_AFTER.match(text, m.end()) or (
                m.start() >= end and SAID_BEFORE.search(text, max(sent_start, m.start() - 12), m.start())):
            # "MADRID, July 16 (AFP) -" is the story's date; "46.1C, AEMET said on Wednesday" (after the
            # figure) the statement's: any other date of the sentence is the figure's own
            distance += LESS_LIKELY
        if m.group("unit2") and m.group("which").lower() == "this" and any(
                o.group("wd") or o.group("md") or o.group("dm") or o.group("iso") for o in matches):
            distance += 2 * LESS_LIKELY  # "cases this year has risen to 222, the CDC said Friday": the day is the date
        if best is None or distance < best[0]:
            best = (distance, m)
    cue = bool(pat.projection.search(text[max(sent_start, start - 80) : start]))  # the clause's last 80 chars
    if best is None:
        return AsOf(published, None, None, cue)
    m = best[1]
    prep = (m.group("prep") or "").strip().lower()
    by_prep = prep.startswith(("by", "before the end", "until", "ahead of", "at the end"))
    future = doc.futures.get((sent_start, sent_end))
    if future is None:
        future = doc.futures[(sent_start, sent_end)] = bool(
            pat.future.search(text, sent_start, sent_end) or pat.projection.search(text, sent_start, sent_end))
    if future and PAST_VERB_BEFORE.search(text, max(sent_start, m.start() - 30), m.start()):
        future = False  # "will spend 10 years behind bars, a judge ruled Wednesday": that Wednesday is past
    if future:
        # the forward-looking words must stand near the figure and its date, not in another clause of the
        # sentence: "posted revenue of $12.4 billion on Wednesday and said it will hire 300 workers"
        lo, hi = max(sent_start, min(start, m.start()) - 60), min(sent_end, max(end, m.end()) + 10)
        future = bool(pat.future.search(text, lo, hi) or pat.projection.search(text, lo, hi))
    resolved = _resolve(lex, m, published, future)
    phrase = m.group().strip()
    if resolved is None:
        return AsOf(None, None, phrase, (by_prep and future) or cue)
    first, last = resolved
    ahead = published is not None and first > published
    projecting = by_prep and (future or ahead)
    if projecting and last is not None:
        if prep.startswith(("by the end", "before the end", "at the end")):
            first = last  # "by the end of 2025": the last day
        last = None  # "by December": projected for the start of the month
    return AsOf(first, last, phrase, projecting or cue or ahead)
