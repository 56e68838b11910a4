"""The qualifying phrase that changes what a figure covers, as written and in a comparable form.

Read around the figure within its clause:

- a subset before it: "the first group of around 2,600 soldiers" -> subset ["first group"];
- a place or purpose after the counted noun: "training in eastern Russia", "were already inside Russia",
  "earmarked for the fighting in Kursk" (the first such phrase only: "to fight in Ukraine" after
  "in eastern Russia" is where they are headed, not where they are counted);
- a place opening the clause: "In North Carolina, the toll rose to 95";
- a period: "since Russia's full-scale invasion began in 2022" -> "since 2022", "as defense secretary",
  "so far this year" -> "since <year>", "over the past week" -> "past 1 week";
- a definition: "insured" or "economic" in the counted phrase, "including NFIP" after it.

How places compare: a place is normalised to the lower-case name with articles, compass and regional
qualifiers ("eastern", "western", "central" ...) and generic suffixes ("region", "oblast") dropped, and
aliases folded ("U.S." -> "united states").  So "in eastern Russia" and "inside Russia" both give
["russia"] (the same country: comparable), while "in Kursk" and "the western Russian Kursk region" give
["kursk"], a different place (a part of Russia: the reconciler treats a different place as a scope
difference, never as a conflict).  "the country" / "the state" resolve to the last country or state the
article named before the figure.

For ordinals the destination ("his third visit to the country") is part of what is counted: it goes to
``places`` but not into the scope text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date

from reconcile.context.document import Document, ascii_quotes
from reconcile.context.lexicon import ContextLexicon, alternation, cased, initials, trie
from reconcile.lexicons import load
from reconcile.models import ScopeInfo

# Hedge words that may sit between a subset phrase and the figure.
HEDGES = r"(?:nearly|almost|about|around|roughly|approximately|some|over|more\s+than|at\s+least|up\s+to|an\s+estimated|as\s+many\s+as)"

# A capitalised place word (also "U.S.", "Kyiv's").
PLACE_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w\u2019'-]*)"

# Clause ends inside a sentence.  (The look-ahead names every branch's first character, so the
# alternation is tried only there; it changes no match.)
CLAUSE_END = re.compile(r"(?=[;:\u2014\u2013()\u201c\u201d\"\s,.])(?:[;:\u2014\u2013()\u201c\u201d\"]|\s--\s|,\s+(?:and|but|while|which|who|in\s+what|as|after|before|when)\s|,\s+(?=[a-z]+\s+(?:said|says|told|added)\b)|(?<![A-Z])\.(?:\s|$))")


# A leading "the".
LEADING_THE = re.compile(r"^the\s+")

# "the province of Valencia": the place is after "of".
OF_FORM = re.compile(r"(?i)(?:the\s+)?(?:\w+\s+)*?(?:province|region|state|city|town|county|district|village"
                     r"|island|republic|oblast)\s+of\s+(.+)$")

# An adjective made from a place name ("Australian-made"), not a place.
PLACE_ADJECTIVE = re.compile(r"-(?:made|based|born|led|backed|owned|run)$")

# Words of a place phrase that refer back to a place named earlier.
COUNTRY_WORD = re.compile(r"\b(?:country)\b")
STATE_WORD = re.compile(r"\bstate\b")
GENERIC_PLACE_WORD = re.compile(r"\b(?:region|city|capital)\b")
CAPITAL_LETTER = re.compile(r"[A-Z]")

# A year.
YEAR = re.compile(r"\b(?:19|20)\d\d\b")

# The preposition before an ordinal's destination ("his third visit to Ukraine").
DESTINATION = re.compile(r"\s+(?:to|in|of)\s+")

# A sentence opening with a place preposition ("In North Carolina, ...").
LEAD_PLACE = re.compile(r"\s*(?=(?:In|Across|Inside|Throughout|Within)\s)")

# A counted phrase about a local toll ("the local toll", "the county's toll").
LOCAL_WORD = re.compile(r"\b(?:local|county|county's|city's|state's|regional)\b")

# A capitalised place after a purpose's preposition ("for the fighting in Kursk").
PURPOSE_PLACE = re.compile(rf"\b(?:for|to|in)\s+(?:the\s+)?({PLACE_WORD}(?:\s+{PLACE_WORD})*)")


# Cheap tests that a period phrase may stand in a stretch of text, before running the period pattern
# there: every "since ...", "so far this ...", "this/last year", "over the past ...", "in three days",
# "as <role>" holds one of these (and "in 2022", read only for ordinals); before the figure only the
# first kinds count.
# ("a(?<!\w\w)s" is "\bas" with the "a" matched before the look-behind: every branch then opens on a
# letter, and re skips to those letters.)
PERIOD_AFTER = re.compile(r"ince|far|year|past|last|days|nights|weeks|a(?<!\w\w)s\s|quarter")
PERIOD_AFTER_ORDINAL = re.compile(r"ince|far|year|past|last|days|nights|weeks|a(?<!\w\w)s\s|In\s|in\s|quarter")
PERIOD_BEFORE = re.compile(r"ince|far|past|last|quarter|full\s+year|whole\s+year|entire\s+year|full-year")

# The last word of a subset phrase or of a hedge after it ("the first group of", "... of around").
SUBSET_ENDS = ("of", "nearly", "almost", "about", "around", "roughly", "approximately", "some", "over", "than",
               "least", "to", "estimated", "as")


def _may_end_subset(text: str, lo: int, start: int) -> bool:
    """Whether ``text[lo:start]`` may end with a subset phrase: white space after "of" or a hedge.

    >>> _may_end_subset("the first group of around 2,600", 0, 26), _may_end_subset("troops 2,600", 0, 7)
    (True, False)
    """
    window = text[lo:start]
    stripped = window.rstrip()
    return len(stripped) < len(window) and stripped.endswith(SUBSET_ENDS)


@dataclass
class ScopeResult:
    """Scope text pieces, the normalised form, and the article spans used (so dates skip them)."""

    pieces: list[tuple[int, str]] = field(default_factory=list)
    info: ScopeInfo = field(default_factory=ScopeInfo)
    used: list[tuple[int, int]] = field(default_factory=list)

    @property
    def text(self) -> str | None:
        if not self.pieces:
            return None
        return "; ".join(ascii_quotes(p) for _, p in sorted(self.pieces))


class _Patterns:
    """Scope regexes built once per lexicon from its word lists."""

    def __init__(self, lex: ContextLexicon) -> None:
        sc = lex.scope
        directions = alternation(sc["directions"])
        suffixes = alternation(sc["place_suffixes"])
        demonyms = alternation([d.title() if "." not in d else d.upper() for d in sc["demonyms"]])
        # A place phrase: a preposition, then the place ("eastern Russia", "the Kursk region", "the country").
        self.place = re.compile(
            rf"""\b(?P<prep>(?i:{alternation(sc['place_prepositions'])}))\s+(?:both\s+)?  # "in both X and Y"
                (?P<place>
                   (?:the\s+)?(?:(?:{directions})\s+)*
                     (?:province|region|state|city|town|county|district|village|island|republic|oblast)\s+of\s+
                     {PLACE_WORD}(?:[ ]+{PLACE_WORD}){{0,3}}
                 | {PLACE_WORD}(?:,[ ]+{PLACE_WORD}){{1,6}},?[ ]+and[ ]+{PLACE_WORD}  # "Alabama, Florida and Mississippi"
                 | (?:the\s+)?(?:(?:{directions})\s+)*(?:(?:{demonyms})\s+)?
                   (?:{PLACE_WORD}(?:[ ]+(?:of[ ]+|and[ ]+)?{PLACE_WORD}){{0,3}})
                   (?:[ ]+(?:{suffixes}))?
                 | (?:the|her|his|their|its)\s+(?:(?:{directions})\s+)*(?:country|state|region|city|capital)\b
                 | the\s+(?:(?:{directions})\s+)+(?:part\s+)?of\s+the\s+(?:country|state)\b
                )""",
            re.VERBOSE,
        )
        # A purpose or destination: "earmarked for the fighting in Kursk", "deployed to Kursk".
        self.purpose = re.compile(rf"\b(?:{cased(sc['purpose'])})\b")
        # A subset right before the figure: "the first group of (around)".
        self.subset = re.compile(
            rf"""(?=[TtAa]|{initials(sc['subset_ordinals'], capitalised=True)})  # first letters (no match changes)
                (?P<phrase>\b(?:[Tt]he\s+|[Aa]\s+|[Aa]n\s+)?
                  (?P<which>{cased(sc['subset_ordinals'])})\s+
                  (?P<noun>{alternation(sc['subset_nouns'])})\s+of)\s+(?:{HEDGES}\s+)?$""",
            re.VERBOSE,
        )
        # Words allowed between the counted noun and its place ("training", "were already").
        self.linkers = frozenset(sc["linkers"])
        # The first words of place and purpose phrases, and the nationwide adverbs (see _may_open_phrase).
        self.openers = frozenset([p.split()[0].lower() for p in [*sc["place_prepositions"], *sc["purpose"]]]
                                 + list(NATIONWIDE_WORDS))
        # A period phrase: "since ...", "so far this year", "as defense secretary", "over the past week".
        self.period = re.compile(
            r"""\b(?=[SsTtLlOoIiDdaWwFf])  # the branches' first letters: the alternation is tried only there
                (?P<phrase>
                  [Ss]ince\s+(?P<since>[^,;.\u201c\u201d"]{2,80})
                | [Ss]o\s+far\s+this\s+(?P<sofar>year|month|week|season)
                | (?P<thisyear>[Tt]his|[Ll]ast)\s+year
                | (?:[Oo]ver|[Ii]n|[Dd]uring)\s+the\s+(?:past|last)\s+(?P<n>\w+\s+)?(?P<unit>hours?|days?|weeks?|months?|years?|decades?)
                | (?:[Oo]ver|[Ii]n|[Ww]ithin)\s+(?P<n3>two|three|four|five|six|seven|\d+)\s+(?P<unit3>days|nights|weeks)\b
                | as\s+(?P<as>(?:the\s+)?(?:[\w.-]+\s+){0,3}?""" + rf"(?:{cased(_role_nouns(lex))}))\b" + r"""
                | [Ii]n\s+(?P<year>(?:19|20)\d\d)\b
                | (?:[Ii]n|[Ff]or|[Dd]uring|[Oo]ver)\s+(?:the|its|their)\s+(?:fiscal\s+)?(?P<quarter>first|second|third|fourth|final)\s+quarter\b
                | (?:[Ff]or|[Oo]ver)\s+the\s+(?:full|whole|entire)\s+(?P<fullyear>year)\b
                | (?P<qadj>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth)-quarter\b      # "second-quarter net profit"
                | (?P<fyadj>[Ff]ull)-year\b                                       # "full-year operating margin"
                )""",
            re.VERBOSE,
        )
        self.definition = frozenset(sc["definition"])
        # "including NFIP", "excluding Crimea".
        self.def_phrase = re.compile(
            rf"""[\s,]*(?P<phrase>(?:{cased(sc['definition_phrases'])})\s+
                 (?:(?!(?:were|was|are|is|have|has|had|when|who|which|that|and|but|will|would)\b)[\w'\u2019.-]+\s*){{1,6}})""",
            re.VERBOSE,
        )
        self.subset_words = frozenset(w.lower() for w in sc["subset_ordinals"])


def _role_nouns(lex: ContextLexicon) -> list[str]:
    return sorted(w for w in lex.role_heads | {"secretary", "minister", "president", "chancellor", "mayor",
                                                "governor", "chief", "commander", "director", "leader",
                                                "premier", "chairman", "ceo", "coach", "captain"}
                  if w.isalpha())


@functools.cache
def _patterns(lex: ContextLexicon) -> _Patterns:
    return _Patterns(lex)


@functools.lru_cache(maxsize=1 << 14)  # places repeat within and across articles
def normalise_place(phrase: str, lex: ContextLexicon) -> str | None:
    """A comparable place name.

    >>> lex = ContextLexicon.default()
    >>> [normalise_place(p, lex) for p in ["eastern Russia", "Russia", "the western Russian Kursk region", "the U.S."]]
    ['russia', 'russia', 'kursk', 'united states']
    >>> [normalise_place(p, lex) for p in ["Storm Kiran", "the Camp Fire", "Marrow Valley"]]
    [None, None, 'marrow valley']
    """
    sc = lex.scope
    aliases = sc.get("place_aliases", {})
    whole = LEADING_THE.sub("", ascii_quotes(phrase).replace("'s", "").strip().lower())
    if whole in lex.countries or whole in lex.states:
        return whole
    if whole in aliases:
        return aliases[whole]
    text = ascii_quotes(phrase).replace("'s", "")
    of_form = OF_FORM.match(text)
    if of_form:
        text = of_form.group(1)  # "the province of Valencia" -> "Valencia"
    directions = lex.scope_set("directions")
    suffixes = lex.scope_set("place_suffixes")
    demonyms = sc["demonyms"]
    kept: list[str] = []
    demonym = None
    for w in text.split():
        lw = w.lower().strip(",")
        if lw in {"the", "a", "an"} and not kept:
            continue
        if (lw in directions and w[:1].islower()) or lw in suffixes:
            continue
        if lw in demonyms and not kept:
            demonym = demonyms[lw]
            continue
        kept.append(lw)
    name = " ".join(kept) if kept else demonym
    if not name:
        return None
    name = aliases.get(name, name)
    if name in lex.scope_set("not_places") or PLACE_ADJECTIVE.search(name):
        return None  # "the Australian-made film": an adjective, not a place
    if not lex.scope_set("event_words").isdisjoint(name.split()):
        return None  # "the toll from Storm Kiran", "in the Camp Fire": a named event, not a place
    return name


def _clause_end(text: str, pos: int, limit: int) -> int:
    m = CLAUSE_END.search(text, pos, limit)
    return m.start() if m else limit


def _clause_start(text: str, pos: int, floor: int) -> int:
    last = floor
    for m in CLAUSE_END.finditer(text, floor, pos):
        if m.end() <= pos:
            last = m.end()
    return last


#: The place of "nationwide", "across the country" when no country is named: agrees with any country.
NATIONWIDE = "nationwide"


# The separators of a list of places: "Alabama, Florida and Mississippi".
PLACE_LIST_SEPARATOR = re.compile(r",\s+and\s+|,\s+|\s+and\s+")


def _resolve_place(doc: Document, place: str, at: int) -> str | None:
    if ", " in place:  # a list of places: each normalised, joined for _add_place to split
        parts = [normalise_place(p, doc.lexicon) for p in PLACE_LIST_SEPARATOR.split(place)]
        return ", ".join(p for p in parts if p) or None
    low = place.lower()
    if COUNTRY_WORD.search(low):
        # "across the country" in an article that names no country: the whole country, unnamed
        return doc.names.last_place_before(at, "country") or NATIONWIDE
    if STATE_WORD.search(low):
        return doc.names.last_place_before(at, "state")
    if GENERIC_PLACE_WORD.search(low) and not CAPITAL_LETTER.search(place):
        return None
    return normalise_place(place, doc.lexicon)


def _add_place(info: ScopeInfo, place: str | None) -> None:
    """Add a normalised place; two known places joined by "and" are two places.

    >>> info = ScopeInfo(); _add_place(info, "queensland and victoria"); info.places
    ['queensland', 'victoria']
    >>> info = ScopeInfo(); _add_place(info, "alabama, florida and mississippi"); info.places
    ['alabama', 'florida', 'mississippi']
    """
    if not place:
        return
    parts = [p for chunk in place.split(" and ") for p in chunk.split(", ") if p]
    if len(parts) > 1:
        lex = ContextLexicon.default()
        known = lex.countries | lex.states
        if all(p in known for p in parts):
            for p in parts:
                _add_place(info, p)
            return
    if place not in info.places:
        info.places.append(place)


def _take_place(doc: Document, result: ScopeResult, pm: re.Match[str], resolved: str | None = None) -> bool:
    """Record the place phrase ``pm`` (resolved unless given) in the scope: its text, its span and its
    normalised place.  False when it names no place."""
    if resolved is None:
        resolved = _resolve_place(doc, pm.group("place"), pm.start())
    if not resolved:
        return False
    result.pieces.append((pm.start(), pm.group()))
    result.used.append((pm.start(), pm.end()))
    _add_place(result.info, resolved)
    return True


def _period(m: re.Match[str], published: date | None) -> str:
    """Normalised period of a period match."""
    if m.group("since") is not None:
        year = YEAR.search(m.group("since"))
        if year:
            return f"since {year.group()}"
        words = [w for w in ascii_quotes(m.group("since")).lower().split() if w not in {"the", "a", "an"}]
        return "since " + " ".join(words[:6])
    if m.group("sofar") is not None:
        unit = m.group("sofar").lower()
        if unit == "year" and published:
            return f"since {published.year}"
        return f"so far this {unit}"
    if m.group("thisyear") is not None:
        if published:
            year = published.year - (1 if m.group("thisyear").lower() == "last" else 0)
            return f"in {year}"
        return f"{m.group('thisyear').lower()} year"
    if m.group("unit3") is not None:
        n = {"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7"}.get(m.group("n3").lower(),
                                                                                          m.group("n3"))
        return f"past {n} {m.group('unit3').lower().rstrip('s')}"
    if m.group("unit") is not None:
        n = (m.group("n") or "1").strip().lower()
        n = {"few": "few", "two": "2", "three": "3", "several": "several"}.get(n, n)
        unit = m.group("unit").lower().rstrip("s")
        return f"past {n} {unit}"
    if m.group("as") is not None:
        return "as " + LEADING_THE.sub("", m.group("as").lower())
    if m.group("quarter") is not None:
        which = m.group("quarter").lower()
        return f"quarter {ORDINAL_NUMBER.get(which, which)}"  # "in the fourth quarter" -> "quarter 4"
    if m.group("fullyear") is not None or m.group("fyadj") is not None:
        return "full year"
    if m.group("qadj") is not None:
        return f"quarter {ORDINAL_NUMBER[m.group('qadj').lower()]}"
    return f"in {m.group('year')}"


#: Quarters by their ordinal word.
ORDINAL_NUMBER = {"first": "1", "second": "2", "third": "3", "fourth": "4", "final": "4"}


def find_scope(
    doc: Document,
    start: int,
    end: int,
    counted_end: int | None,
    tail: tuple[int, int] | None,
    counted_text: str | None,
    kind: str,
) -> ScopeResult:
    """The scope of the figure at ``start:end`` whose counted phrase ends at ``counted_end``."""
    text = doc.text
    lex = doc.lexicon
    pat = _patterns(lex)
    result = ScopeResult()
    info = result.info
    true_start = doc.sentence_span(start)[0]
    sent_start, sent_end = doc.window(start, end)
    after = max(end, counted_end or end)
    clause_stop = _clause_end(text, after, sent_end)
    # 1. subset right before the figure
    lo = max(sent_start, start - 80)
    m = pat.subset.search(text, lo, start) if _may_end_subset(text, lo, start) else None
    if m:
        result.pieces.append((m.start("phrase"), m.group("phrase")))
        info.subset.append(f"{m.group('which').lower()} {m.group('noun').lower()}")
    # 2. ordinals: the destination belongs to the counted thing ("visit to Ukraine")
    pos = after
    if kind == "ordinal":
        dest = DESTINATION.match(text, pos)
        if dest:
            pm = pat.place.match(text, dest.start() + len(dest.group()) - len(dest.group().lstrip()))
            if pm:
                _add_place(info, _resolve_place(doc, pm.group("place"), pm.start()))
                pos = pm.end()
    else:
        # 3. the first place or purpose phrase after the counted noun, past linking words only
        _place_after(doc, pat, result, pos, clause_stop)
        # 4. the tail of a counted phrase read leftwards ("rainfall in Chiva", "troops in Russia")
        if tail:
            for pm in pat.place.finditer(text, tail[0], tail[1]):
                if _take_place(doc, result, pm):
                    break
        # 5. a place opening the clause or sentence: "In North Carolina, ..."
        if not info.places and sent_start == true_start:
            lead = LEAD_PLACE.match(text, sent_start)
            if lead:
                pm = pat.place.match(text, lead.end())
                resolved = _resolve_place(doc, pm.group("place"), pm.start()) if pm else None
                alone = ALONE.match(text, pm.end()) if pm else None
                if alone:
                    pm_end = alone.end()
                else:
                    pm_end = pm.end() if pm else 0
                if pm and resolved and text[pm_end : pm_end + 1] == ",":
                    _take_place(doc, result, pm, resolved)
    # 5a. "in Gaines County, where 97 people ...", "an outbreak in West Texas has grown to 159 cases":
    #     the place of the clause that holds the figure, or of the subject that grew to it
    if not info.places and kind not in {"ordinal", "age", "duration"}:
        lo = max(sent_start, start - 120)
        if text.find("where", lo, start) >= 0 or not RISE_WORDS.isdisjoint(text[max(lo, start - 40) : start].split()):
            for pm in pat.place.finditer(text, lo, start):
                rest = text[pm.end() : start]
                if WHERE_REST.match(rest) or SUBJECT_REST.match(rest):
                    _take_place(doc, result, pm)
                    break
    # 5b. "the local toll", "the county's toll": the place named earlier in the sentence
    if not info.places and counted_text and LOCAL_WORD.search(counted_text.lower()):
        for pm in pat.place.finditer(text, sent_start, start):
            _add_place(info, _resolve_place(doc, pm.group("place"), pm.start()))
    # 6. period phrases in the clause after the figure (or anywhere in a short clause before it)
    period_stop = clause_stop if pos == after else _clause_end(text, pos, sent_end)
    if kind != "ordinal":
        comma = text.find(",", pos, period_stop)
        period_stop = comma if comma >= 0 else period_stop
        other = OTHER_FIGURE_AFTER.search(text, pos, period_stop) if text.find("from", pos, period_stop) >= 0 else None
        period_stop = other.start() if other else period_stop  # "3.4% next year from 2.9% this year": the 2.9%'s
    hint = PERIOD_AFTER_ORDINAL if kind == "ordinal" else PERIOD_AFTER
    for pm in pat.period.finditer(text, pos, period_stop) if hint.search(text, pos, period_stop) else ():
        if pm.group("year") is not None and kind != "ordinal":
            continue  # "in 2023" after a count is its date, read by asof
        phrase = pm.group("phrase").rstrip(" ,")
        result.pieces.append((pm.start(), phrase))
        result.used.append((pm.start(), pm.end()))
        info.period = info.period or _period(pm, doc.article.published)
        break
    count_like = kind in {"count", "number"}
    clause_start = _clause_start(text, start, sent_start) if _words_before(
        text, start, sent_start, info.period is None, count_like) else start  # else none: the empty clause
    if info.period is None and PERIOD_BEFORE.search(text, clause_start, start):
        for pm in pat.period.finditer(text, clause_start, start):
            if (pm.group("sofar") or pm.group("since") or pm.group("unit") or pm.group("quarter")
                    or pm.group("fullyear") or pm.group("qadj") or pm.group("fyadj")):
                phrase = pm.group("phrase").rstrip(" ,")
                result.pieces.append((pm.start(), phrase))
                result.used.append((pm.start(), pm.end()))
                info.period = _period(pm, doc.article.published)
                break
    # 7. definitions: markers in the counted phrase, "including X" after it
    low = ascii_quotes(counted_text).lower() if counted_text else ""  # the counted phrase, folded once
    if counted_text:
        for w in low.replace("-", " ").split():
            if w == "gross" and "gross domestic" in counted_text.lower():
                continue  # the name of GDP, not gross as against net
            if w in pat.definition and w not in info.definition:
                info.definition.append(w)
        if "private market" in low and "private market" not in info.definition:
            info.definition.append("private market")
    lo = max(clause_start, start - 40)
    if kind in {"count", "number"} and ((text.find("each", lo, start) >= 0 and EACH_BEFORE.search(text, lo, start))
                                        or EACH_AFTER.match(text, after)):
        info.subset.append("each")  # "have each recorded three deaths", "took two apiece": per item
    if kind in {"count", "number"} and not info.subset:
        lo = max(clause_start, start - 80)
        nth = NTH_PERIOD.search(text, lo, start) if NTH_HINT.search(text, lo, start) else None
        if nth:
            # "A second night of air raids killed eight": one of several periods or waves
            info.subset.append(f"{nth.group('which').lower()} {nth.group('noun').lower()}")
            result.pieces.append((nth.start(), nth.group()))
    if kind in {"count", "number"} and not info.places and (_in_breakdown(text, start, end, sent_start, sent_end)
                                                            or _part_of(text, end)):
        # "including 865 Palestinians and 234 Israelis", "14 of them Australians": parts of a whole
        # (a part with a place of its own, "52,000 of them in Paris", is told apart by the place)
        info.subset.append("part")
    if counted_text and kind in {"count", "number"}:
        first = low.split()[0]
        if first in INCREMENT_WORDS and "new" not in info.subset:
            info.subset.append("new")  # "410 new cases": an increment, not the running total
    if kind in {"count", "number"} and "new" not in info.subset and _may_end_increment(
            text, max(sent_start, start - 20), start) and INCREMENT_BEFORE.search(text, max(sent_start, start - 20), start):
        info.subset.append("new")  # "a further four midwives", "another 800 workers"
    if counted_text and kind in {"count", "number"} and "bodies" in counted_text.lower() and (
            RECOVERED.search(text, max(sent_start, start - 60), min(sent_end, end + 60))):
        info.subset.append("bodies recovered")  # "had recovered 21 bodies by midday": not yet the toll
    if kind == "percent" and counted_text and counted_text.lower().split()[-1] in {"premium", "discount"}:
        bm = PRICE_BASE.match(text, after, clause_stop)
        if bm:
            # "a premium of 31% to Lumex's closing price" and "... to its average share price": other bases
            info.definition.append(" ".join(bm.group("base").lower().split()))
            result.pieces.append((bm.start("base"), bm.group("base")))
    dm = pat.def_phrase.match(text, after, clause_stop)
    if dm:
        phrase = dm.group("phrase").strip().rstrip(".")
        result.pieces.append((dm.start(), phrase))
        info.definition.append(ascii_quotes(phrase).lower())
    return result


# The price a premium or a discount is measured against: "to Lumex's closing price", "over the average price".
PRICE_BASE = re.compile(
    r"""\s+(?:to|over|above|below|on)\s+(?:(?:the|its|their|[A-Z][\w'\u2019.-]*)\s+){0,3}?
        (?P<base>(?:(?:closing|average|last|undisturbed|unaffected|weighted|volume-weighted|opening|market|share|stock
                     |three-month|six-month|\d+-day)\s+){0,3}(?:price|close|value|level))\b""",
    re.VERBOSE,
)

# Another figure after the counted noun: a period phrase past it is that figure's.
OTHER_FIGURE_AFTER = re.compile(r"\bfrom\s+\d|\bfrom\s+(?:about|around|nearly|some)\s+\d")

# An increment word right before the figure: "a further four", "another 800", "an additional 3,000".
INCREMENT_BEFORE = re.compile(r"\b(?:[Aa]\s+further|[Aa]nother|[Aa]n\s+additional|[Aa]n\s+extra|[Aa]\s+fresh)\s+$")

# The last word of every INCREMENT_BEFORE match: a cheap test before the search.
INCREMENT_ENDS = ("further", "nother", "additional", "extra", "fresh")  # "[Aa]nother"


def _may_end_increment(text: str, lo: int, start: int) -> bool:
    """Whether ``text[lo:start]`` may end with an increment word: white space after one.

    >>> _may_end_increment("a further 4", 0, 10), _may_end_increment("a further4", 0, 9)
    (True, False)
    """
    window = text[lo:start]
    stripped = window.rstrip()
    return len(stripped) < len(window) and stripped.endswith(INCREMENT_ENDS)


# A stem of every ordinal NTH_PERIOD names: a cheap test before the search (one search for any of them).
NTH_STEMS = ("irst", "econd", "hird", "ourth", "ifth", "inal")
NTH_HINT = re.compile("|".join(NTH_STEMS))


def _words_before(text: str, start: int, floor: int, period: bool, count_like: bool) -> bool:
    """Whether the words that the tests before a figure look for stand between ``floor`` (the window's
    start) and the figure: a period's (when ``period``), or "each" and an ordinal's stem (for a count).
    Those tests read only the figure's clause, which starts at or after ``floor``: where this is False
    none of them can match, and the clause's start need not be read.

    >>> t = "Over the past week, officials said 40 died; the first wave of strikes hit 12"
    >>> _words_before(t, t.index("40"), 0, True, True), _words_before(t, t.index("40"), 19, True, True)
    (True, False)
    >>> _words_before(t, t.index("12"), 0, False, True), _words_before(t, t.index("12"), 0, False, False)
    (True, False)
    """
    return bool((period and PERIOD_BEFORE.search(text, floor, start))
                or (count_like and (text.find("each", max(floor, start - 40), start) >= 0
                                    or NTH_HINT.search(text, max(floor, start - 80), start))))


# "alone" or "only" after a leading place: "In Paris alone, ...".
# After a place, up to the figure: ", where (most of the) 97 ..." (a relative clause of place).
WHERE_REST = re.compile(rf",?\s+where\s+(?:[a-z]+\s+){{0,4}}(?:{HEDGES}\s+)?$")

# After a place in a subject, up to the figure: " has grown to", " rose to nearly".
SUBJECT_REST = re.compile(
    rf"""\s+(?:has\s+|have\s+|had\s+)?(?:now\s+)?
        (?:grown|grew|risen|rose|climbed|jumped|increased|reached|hit|topped|surpassed|passed|swelled|stands|stood)
        (?:\s+(?:to|at))?\s+(?:{HEDGES}\s+)?$""",
    re.VERBOSE,
)

# A cheap test for SUBJECT_REST: a verb of growth among the last words before the figure.
RISE_WORDS = frozenset(["grown", "grew", "risen", "rose", "climbed", "jumped", "increased", "reached", "hit", "topped",
                        "surpassed", "passed", "swelled", "stands", "stood"])

ALONE = re.compile(r"\s+(?:alone|only)(?=,)")

# "each" before the figure in its clause: "have each recorded three deaths", "each took three wickets".
EACH_BEFORE = re.compile(r"\beach\s+(?:[a-z]+\s+){0,2}$")

# "apiece" or "each" right after the figure (and its noun): "picked up two apiece".
EACH_AFTER = re.compile(r"\s*(?:apiece|each)\b")

# An ordinal period or wave as the clause's subject: "A second night of air raids", "the first wave".
NTH_PERIOD = re.compile(
    r"""\b(?P<which>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Ff]inal)\s+
        (?P<noun>night|day|week|wave|round|phase|volley|salvo)s?\b[^,;.]*$""",
    re.VERBOSE,
)

# "14 of them (Australians)": a part of the figure named before it.
# "19 of the deaths", "10 of the 26 deaths" too (but see _part_of: "98 of the 180 seats" is a party's share).
PART_OF = re.compile(r"\s+of\s+(?:them|whom|those|the\s+(?:[\d,]+\s+)?(?P<noun>[a-z]+))\b")


@functools.cache
def _owned_nouns() -> frozenset[str]:
    owned = load("generic_counted")["owned"]
    return frozenset([*owned, *(w + "s" for w in owned)])


def _part_of(text: str, end: int) -> bool:
    """ "14 of them", "19 of the deaths", "10 of the 26 deaths": a part of a figure named before;
    not "98 of the 180 seats" or "52 of the votes" (what one party holds of a fixed whole).

    >>> t = "They won 98 of the 180 seats; 10 of the 26 deaths; 14 of them"
    >>> [_part_of(t, t.index(f) + len(f)) for f in ("98", "10", "14")]
    [False, True, True]
    """
    m = PART_OF.match(text, end)
    return m is not None and (m.group("noun") is None or m.group("noun") not in _owned_nouns())

# A figure listed after "including" (or "of whom"): a part of the figure before it.
BREAKDOWN_BEFORE = re.compile(
    rf"""\b(?:including|of\s+whom|among\s+them)\s+          # the list opens
        (?:[^,;.\u201c\u201d"]{{0,60}}?(?:,|\band)\s+)?     # earlier items: "865 Palestinians and"
        (?:{HEDGES}\s+)?$""",
    re.VERBOSE,
)

# A word every BREAKDOWN_BEFORE match holds: a cheap test before the search (one search for any of them).
BREAKDOWN_WORDS = ("including", "whom", "among")
BREAKDOWN_HINT = re.compile("|".join(BREAKDOWN_WORDS))

# Number words that open an item of a list of figures.
ITEM_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")

# One item of a list of figures: "five children", "4 women".  (The number words as a trie; the
# possessive "*+" and "++" give back nothing, as what follows each (a space, a comma) cannot be what it
# took: no match changes, but an item that fails is left at once, not retried one letter shorter.)
_ITEM = rf"(?:\d[\d,.]*+|{trie(ITEM_NUMBER_WORDS)}|[A-Z][a-z]++)\s++[a-z]++"

# Three or more figures listed with their nouns: "five children, four women and five men".
ENUMERATION = re.compile(rf"{_ITEM}(?:,\s+{_ITEM})+,?\s+and\s+{_ITEM}")


def _in_breakdown(text: str, start: int, end: int, sent_start: int, sent_end: int) -> bool:
    """Is the figure one part of a breakdown (after "including", or an item of a list of figures)?

    >>> t = "The toll rose to 1,121 people, including 865 Palestinians and 234 Israelis."
    >>> [_in_breakdown(t, t.index(f), t.index(f) + len(f), 0, len(t)) for f in ("1,121", "865", "234")]
    [False, True, True]
    >>> t = "The dead were five children, four women and five men."
    >>> _in_breakdown(t, t.index("four"), t.index("four") + 4, 0, len(t))
    True
    """
    lo = max(sent_start, start - 90)
    # each pattern is tried only when the words it cannot match without are in its window
    if BREAKDOWN_HINT.search(text, lo, start) and BREAKDOWN_BEFORE.search(text, lo, start):
        return True
    lo, hi = max(sent_start, start - 120), min(sent_end, end + 120)
    if text.find(",", lo, hi) < 0 or text.find("and", lo, hi) < 0:
        return False
    for m in ENUMERATION.finditer(text, lo, hi):
        if m.start() > start:
            return False  # the matches come in order: no later one holds the figure
        if end <= m.end():
            return True
    return False


# A verb of finding the dead: bodies recovered are a part of the toll, counted as they are found.
RECOVERED = re.compile(r"\b(?:recover|retriev|pull|found|find|wash|dug|dig|locat)\w*")

# First words of a counted phrase that make the figure an increment: "410 new cases".
INCREMENT_WORDS = frozenset(["new", "additional", "fresh", "further", "extra", "more"])

# "according" right before a place preposition: "according to the CGT".
ACCORDING_BEFORE = re.compile(r"\b(?:according|thanks|owing|due)\s*$", re.IGNORECASE)

# A bare adverb of place after the counted noun: "1.2 million took part nationwide".
NATIONWIDE_WORDS = ("nationwide", "countrywide", "nationally")
NATIONWIDE_WORD = re.compile(rf"(?:{'|'.join(NATIONWIDE_WORDS)})\b")

# "of them" right after the figure, skipped before looking for a place ("3,000 of them in Kursk").
PARTITIVE = re.compile(r"\s+of\s+(?:them|those|these|whom)\b")

# The spaces before the next word.
SPACES = re.compile(r"\s*")

# A lower-case linking word between the counted noun and its place ("training", "were").
LOWER_WORD = re.compile(r"[a-z][a-z'-]*")

# The spaces before the next word, and the word when it is a LOWER_WORD: one step of _place_after.
NEXT_WORD = re.compile(rf"{SPACES.pattern}(?P<word>{LOWER_WORD.pattern})?")

# Words that end the search for a place after the counted noun.
SKIP_BLOCK = frozenset(["and", "but", "or", "that", "which", "because", "than", "as", "while", "when", "if", "said", "says", "told", "by", "with"])


def _may_open_phrase(pat: _Patterns, text: str, word: str, after: int) -> bool:
    """Whether a purpose, place or nationwide phrase may start at the lower-case ``word`` (a LOWER_WORD
    ending at ``after``): not when it is a word of letters only, followed by a space, and the first word
    of none of them (a phrase's first word ends at a space or a word's end, so at such a word it could
    only be that very word).

    >>> pat = _patterns(ContextLexicon.default())
    >>> [_may_open_phrase(pat, t, t.split()[0], len(t.split()[0])) for t in ("people were", "in Kursk", "well-off in")]
    [False, True, True]
    >>> _may_open_phrase(pat, "sent", "sent", 4)
    True
    """
    return word in pat.openers or not (text[after : after + 1].isspace() and word.isalpha())


def _place_after(doc: Document, pat: _Patterns, result: ScopeResult, pos: int, stop: int) -> None:
    """The first place or purpose phrase after ``pos`` in the clause, past a few linking words only."""
    text = doc.text
    cursor = pos
    partitive = PARTITIVE.match(text, cursor)
    if partitive:
        cursor = partitive.end()
    for _ in range(7):
        step = NEXT_WORD.match(text, cursor)
        word = step.group("word")
        cursor = step.start("word") if word else step.end()
        if cursor >= stop:
            return
        if (word is None or _may_open_phrase(pat, text, word, step.end())) and _phrase_at(
                doc, pat, result, cursor, stop):
            return
        if word is None or word in SKIP_BLOCK:
            return
        cursor = step.end()


def _phrase_at(doc: Document, pat: _Patterns, result: ScopeResult, cursor: int, stop: int) -> bool:
    """Read a purpose, place or nationwide phrase at ``cursor`` into ``result``; True when the search for
    one ends here (a phrase found, or a source: "according to")."""
    text = doc.text
    info = result.info
    purpose = pat.purpose.match(text, cursor)
    if purpose:
        comma = text.find(",", purpose.end(), stop)
        end = comma if comma >= 0 else stop
        phrase = text[cursor:end].rstrip(" ,.")
        result.pieces.append((cursor, phrase))
        result.used.append((cursor, end))
        for pm in pat.place.finditer(text, cursor, end):
            _add_place(info, _resolve_place(doc, pm.group("place"), pm.start()))
        for cap in PURPOSE_PLACE.finditer(text[cursor:end]):
            _add_place(info, normalise_place(cap.group(1), doc.lexicon))
        return True
    place = pat.place.match(text, cursor)
    if place and ACCORDING_BEFORE.search(text, max(0, cursor - 12), cursor):
        return True  # "400,000 according to the CGT": a source, not a place
    if place:
        resolved = _resolve_place(doc, place.group("place"), place.start())
        if resolved:
            result.pieces.append((cursor, place.group()))
            result.used.append((cursor, place.end()))
            _add_place(info, resolved)
        return True
    if NATIONWIDE_WORD.match(text, cursor):
        national = doc.names.last_place_before(cursor, "country") or NATIONWIDE
        result.pieces.append((cursor, NATIONWIDE_WORD.match(text, cursor).group()))
        _add_place(info, national)
        return True
    return False
