"""Who stated a figure: attribution cues in the sentence, quotations that continue, references back.

Cues are found once per article (one regex pass): a speech verb with its subject ("Budanov said",
"South Korea's spy agency warned", "said the Pentagon"), "according to X", "citing X", and a passive
"was reported by X".  Each cue's speaker phrase is resolved when it is found, in text order, so a
later "he", "they", "the official" or "the president" can refer back to an earlier speaker or to a
person the article named.  A claim takes the cue of its quotation, else the nearest cue of its
sentence; with none, the outlet states it and the speaker is None.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
import weakref
from collections.abc import Iterator
from dataclasses import dataclass

from reconcile.context.document import Document, Quote, ascii_quotes
from reconcile.context.lexicon import ContextLexicon, alternation, cased, initials, trie
from reconcile.context.names import NAME_WORD_PATTERN, Person

# A token of the text around a cue: a word (with dots, apostrophes, hyphens) or one punctuation mark.
TOKEN = re.compile(
    r"""[\w][\w.'\u2019&-]*        # a word such as Lt. or Korea's or U.S.
      | --                        # a double hyphen used as a dash
      | (?<=\s)-(?=\s)            # a spaced hyphen used as a dash ("PARIS, March 13 - Organisers said")
      | [,;:\u2014\u2013()"\u201c\u201d!?]  # punctuation that bounds a phrase
    """,
    re.VERBOSE,
)

# Words that end a speaker phrase when met while reading away from the cue.
STOP_WORDS = frozenset(
    ["that", "and", "but", "while", "as", "when", "after", "before", "because", "which", "who", "whom", "where", "if", "than", "though", "although", "since", "until", "whether", "so", "or", "nor", "yet", "there", "this", "these", "those", "it's", "on", "in", "at", "during", "into", "from", "with", "without", "over", "under", "about", "around", "amid", "despite", "following", "ahead", "per", "via", "last", "this", "next", "earlier", "later"]
)

# Adverbs and auxiliaries allowed between a subject and its speech verb ("X also said", "X has said").
BETWEEN = frozenset(
    ["also", "has", "have", "had", "previously", "later", "earlier", "recently", "separately", "again", "further", "initially", "originally", "publicly", "privately", "repeatedly", "then", "would", "will", "could", "had", "did", "reportedly", "first", "last", "once", "already", "has", "since", "just"]
)

# A word: between an "according to X" and a later subject, it opens another clause ("X, at odds with Y").
WORD_BETWEEN = re.compile(r"\w")

# Relative pronouns between a subject and its verb: "a survey that put it at 38%", "officials who said".
RELATIVE_PRONOUNS = frozenset(["that", "which", "who"])

# Auxiliaries that make the verb passive ("was reported", "were estimated").
PASSIVE = frozenset(["was", "were", "been", "be", "is", "are", "being"])

# Determiners and possessives before a verb-looking word that make it a noun ("the reports").
NOUN_BEFORE = frozenset(["the", "a", "an", "these", "those", "its", "their", "his", "her", "our", "such", "some", "many"])

# Nouns before a verb-looking word ending in -s that make it a noun too ("media reports say"); before a
# past form they are the subject ("Sky News reported", "local media reported").
NOUN_MODIFIERS_BEFORE = frozenset(["media", "news", "press"])

# Verbs that are often nouns or mean something else unless the context says otherwise.
AMBIGUOUS_VERBS = frozenset(
    ["reports", "claims", "estimates", "counts", "records", "notes", "states", "projects", "forecasts", "show", "shows", "posts", "finds", "put", "puts", "cites", "tells", "recorded", "counted", "found", "showed", "put", "projected", "forecast", "indicated"]
)

# Ambiguous verbs that a named body (a capitalised head) uses to state a count: "the CDC has counted 164".
COUNTING_VERBS = frozenset(["counted", "counts", "recorded", "records", "reports", "estimates", "found", "finds"])

# Verbs that yield to a speech verb of the same sentence ("X said investigators had confirmed 72").
WEAK_VERBS = frozenset(
    ["recorded", "records", "counted", "counts", "found", "finds", "showed", "show", "shows", "put", "puts", "confirmed", "confirms", "indicated", "indicates", "suggested", "suggests", "cited", "cites", "posted", "posts", "noted", "notes"]
)

# Prepositions a speaker phrase may hold after a role or a name ("officials in Buncombe County").
INNER_PREPS = frozenset(["in", "of", "for", "at", "from", "with", "on"])  # "officials on both sides said"

# Nouns of an anonymous speaker that a prepositional phrase makes one: "people with knowledge of the matter".
PERSONS = frozenset(["people", "person", "persons"])

# Adjectives after a speaker noun that take a prepositional phrase: "a source familiar with the matter".
POSTNOMINALS = frozenset(["familiar", "knowledgeable"])

# Nouns naming a document rather than a speaker ("a video statement posted to social media").
DOCUMENT_HEADS = frozenset(["statement", "video", "post", "tweet", "message", "report", "clip", "footage", "image", "photo"])

# What follows an inverted speaker ("..., said Peskov." / "said John Smith, a spokesman"): an end.
INVERTED_END = re.compile(r"(?:\.(?:\s|$)|\s*[,;:!?\u201d\"\n]|\.?$|\s(?:on|in|at|during|after|when|while|according|who)\b)")

# A relative clause set off by commas right before a speech verb: ", who directs X,", ", which employs
# 3,000 people," (a comma between digits is part of a figure).
WHO_CLAUSE = re.compile(r",\s+(?P<role>(?P<which>which\s)?(?(which)|who\s)(?:[^,;\u201c\u201d\"]|(?<=\d),(?=\d{3})){2,120}),\s*$")

# Words that wrap the real source after "according to": "figures from the health ministry".
SOURCE_WRAPPERS = re.compile(
    r"""(?:(?:the\s+)?(?:latest\s+|new\s+|official\s+|preliminary\s+|final\s+|partial\s+)?
          (?:figures|data|estimates?|numbers|statistics|a\s+report|reports|a\s+statement|a\s+tally|a\s+count
            |an\s+assessment|an\s+analysis|a\s+study|a\s+survey|information|a\s+tweet|a\s+post|results)
          \s+(?:from|by|of|(?:released|published|issued|compiled|announced)\s+(?:\w+\s+){0,2}?by)\s+)""",
    re.VERBOSE | re.IGNORECASE,
)


# Heads of a subject that names figures, not who gives them ("the latest figures show").
FIGURE_HEADS = frozenset(["figures", "data", "statistics", "numbers", "tally", "count", "estimates", "estimate"])

# Last words of a phrase that may name figures owned by a source ("according to the ministry's figures").
OWNED_HEADS = FIGURE_HEADS | {"report", "records", "statement"}

# Figures owned by their source: "the agency's latest figures", "Eurostat's data", "the ministry's statement".
POSSESSED_FIGURES = re.compile(
    r"""(?P<who>.*\S)['\u2019]s\s+
        (?:(?:latest|new|own|official|preliminary|final|daily|weekly|monthly|updated)\s+)*  # modifiers
        (?:figures|data|statistics|numbers|tally|count|estimates?|report|records|statement)$""",
    re.VERBOSE | re.IGNORECASE,
)


# Figures named by their source, as a subject: "Downdetector data", "a Reuters tally" (not "The latest figures").
NAMED_FIGURES = re.compile(
    r"""(?:(?:the|The|a|A|an|An)\s+)?(?P<who>(?!(?:The|A|An)\s)[A-Z][\w./&'\u2019-]*(?:\s+[A-Z][\w./&'\u2019-]*)*)\s+
        (?:(?:latest|new|own|official|preliminary|final|daily|weekly|monthly|updated)\s+)*
        (?:figures|data|statistics|numbers|tally|count|estimates?)$""",
    re.VERBOSE,
)

# "by X" after a passive speech verb ("was reported by the ministry"), within the clause.
BY_AGENT = re.compile(r"(?:[^,;.\u201c\u201d\"]|\.(?=\d)){0,50}?\bby\s+")

# Lower-case role words before a name after an inverted verb: "said police spokesman Dinesh Thapa".
ROLE_BEFORE_NAME = re.compile(r"(?P<role>(?:[a-z][\w-]*\s+){1,4})(?P<name>[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})$")

# A role set off by a comma after an inverted speaker: "said John Smith, a spokesman".
ROLE_AFTER = re.compile(r",\s+((?:the|a|an)\s+[^,.;\u201c\u201d\"]{3,120})")

# A role without an article after an inverted speaker: "said Ahmed Khalil, head of the morgue" (its first
# word must be a title).
TITLE_AFTER = re.compile(r",\s+([a-z][\w-]*(?:\s+[^,.;\u201c\u201d\"]{1,118})?)(?=[,.;\u201c\u201d\"]|$)")

# A description before a name: "the catastrophe modeler Karen Clark & Co.".
DESCRIBED = re.compile(r"(?:the|a|an)\s+((?:[a-z][\w-]*\s+){1,4})([A-Z].*)$")

# Articles that open a noun phrase.
ARTICLES = frozenset(["a", "an", "the"])

# A speaker phrase opening with a capitalised article: "The ministry", "A spokesman".
CAPITAL_ARTICLE = re.compile(r"(?:A|An|The)\s")

# A leading article of a role: "the head of X".
LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)

# What may not stand between a quotation's end and a cue after it: a sentence end, a quote mark, a word.
GAP_AFTER_QUOTE = re.compile(r"[.!?\n]|[\u201c\u201d\"]|\w")

# What may not stand between a cue and the quotation it introduces.
GAP_BEFORE_QUOTE = re.compile(r"[.!?\n]\s|[\u201c\u201d\"]")

# Only commas, spaces and an optional "that" between two cues ("X said the U.S. estimated that").
NESTED_CUE_GAP = re.compile(r"[\s,]*(?:that\s+)?")

# Only commas and spaces between a cue and a "citing X" after it.
COMMA_GAP = re.compile(r"[\s,]*")

# A cheap test that SOURCE_WRAPPERS can match: every wrapper ends in "from", "by" or "of" and a space.
WRAPPER_HINT = re.compile(r"(?:from|by|of)\s", re.IGNORECASE)


# Auxiliaries and modals: inside a speaker phrase they make it a clause ("police have arrested a man").
FINITE_AUX = frozenset(
    ["is", "are", "was", "were", "am", "has", "have", "had", "will", "would", "can", "could", "shall", "should",
     "may", "might", "must", "does", "do", "did"]
)

# Auxiliaries that follow a plural noun rather than a verb ("Initial reports were"); modals are left out
# ("which Britain estimates could reach 5,000").
NOUN_AUX = frozenset(["is", "are", "was", "were", "has", "have", "had"])

# Verbs a plural noun such as "reports" or "claims" takes ("Initial reports spoke of 50 people"):
# after one of them, the word before was that noun, not a speech verb.
REPORTING_AFTER_NOUN = frozenset(["spoke", "speak", "speaks", "suggest", "suggests", "say", "show", "indicate",
                                  "described", "describe", "describes", "mentioned", "point", "pointed", "put",
                                  "emerged", "circulated", "surfaced", "spread"])

# Personal pronouns that cannot stand inside a speaker phrase ("I mean what do you want him to").
CLAUSE_PRONOUNS = frozenset(["i", "you", "me", "him", "us", "we", "he", "she", "they", "it", "what"])

# Subject pronouns that may end a run-on phrase and be its clean head ("their security forces he says").
HEAD_PRONOUNS = frozenset(["he", "she", "they"])

# Words that open an object right after a past-tense verb ("the US jets blasted several vehicles").
OBJECT_OPENERS = frozenset(
    ["a", "an", "the", "several", "some", "many", "dozens", "hundreds", "thousands", "his", "her", "their", "its",
     "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "more", "at", "up"]
)

# Quantifiers and possessives that open an object after any verb ("the jets hit several cars").
QUANTIFIERS = frozenset(
    ["several", "some", "many", "dozens", "hundreds", "thousands", "his", "her", "their", "its", "two", "three",
     "four", "five", "six", "seven", "eight", "nine", "ten"]
)

# Words before such an opener that keep a noun phrase ("a spokesman for several groups").
LINKS = frozenset(["of", "for", "in", "at", "from", "with", "to", "by", "among", "between", "and", "or", "on"])

# A spelled-out number and a span of time inside a phrase make it a clause's measure ("one hour").
SPELLED_NUMBERS = frozenset(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a"])
SPANS = frozenset(["hour", "hours", "minute", "minutes", "day", "days", "week", "weeks", "month", "months",
                   "year", "years", "decade", "decades"])

# Lower-case particles inside a person's name ("bin Laden", "de Mello").
NAME_PARTICLES = frozenset(["bin", "al", "el", "de", "da", "van", "von", "der", "la", "le", "di", "du", "ibn"])

# Prepositions after a leading gerund that make the phrase an event ("fighting between Muslims and Christians").
GERUND_PREPS = frozenset(["between", "in", "on", "over", "against", "across", "near", "around", "along", "among"])

# Day and month names: never a speaker on their own ("The document released on Monday says").
CALENDAR = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tomorrow",
     "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"]
)

# A day or a span that may open a subject read back from "by" ("released on Friday by X", "last week by X").
DATE_WORDS = CALENDAR | SPANS

# What "per" introduces when it is a rate, not a source ("per cent", "per capita").
PER_RATE = re.compile(r"(?:cent|capita|annum|head|person|hour|day|week|month|year|share|barrel|tonne|unit|cubic|square)\b",
                      re.IGNORECASE)

# Participles that end a source phrase read rightwards: "according to a Gallup poll released on Wednesday".
SOURCE_PARTICIPLES = frozenset(["released", "published", "issued", "conducted", "compiled", "posted", "seen",
                                "obtained", "carried", "made", "sent", "shared", "cited", "quoted", "broadcast"])

# The word right after a cue verb (spaces only between).
NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)\b")

# What opens an aside set off by commas between a speaker and its verb, not a role: a place or time
# ("The ministry, in a statement, said"), or a participle ("Officials, speaking on condition of anonymity,").
ASIDE = re.compile(
    r"""(?:in|on|at|during|after|before|from|with|via|through|late|early)\s   # a prepositional phrase
      | [a-z]+ing\s                                                         # a participle clause
      | [a-z]+ed\s+(?:on|in|at|last|this|earlier|late|early)\s               # a dated one: "released on Friday"
    """,
    re.VERBOSE,
)

# Marks an aside between commas cannot hold: it would be another clause or a quotation.
ASIDE_BREAKS = re.compile(r"[.;:!?()\u201c\u201d\"\u2014]")

# Verbs of an event, not of speech, after ", which": "the crash, which claimed the life of the pilot".
EVENT_VERBS = ("claimed", "claims")

# Words that open a clause between a speaker and its verb ("An official who asked not to be named said",
# "Officials speaking on condition of anonymity said"): the speaker is the phrase before them.
CLAUSE_OPENERS = frozenset(["who", "speaking", "talking", "writing", "testifying", "briefing", "addressing",
                            "responding", "commenting", "appearing"])

# How many words such a clause may hold.
CLAUSE_REACH = 14


def clean_head(phrase: str) -> str | None:
    """The speaker phrase as read, its clean head when it runs on into a pronoun, or None for a fragment.

    A speaker is a name, a role or a body: a phrase holding a finite verb, a pronoun inside it or a
    verb with its object is a clause read by mistake.

    >>> clean_head("a senior defense official")
    'a senior defense official'
    >>> clean_head("their security forces he")
    'he'
    >>> clean_head("the US jets blasted several vehicles") is None
    True
    >>> clean_head("Malaysian police have arrested a man") is None
    True
    >>> clean_head("fighting between Muslims and Christians") is None
    True
    >>> clean_head("Monday") is None
    True
    >>> clean_head("the US jets hit several cars") is None
    True
    >>> clean_head("the videotape lasting roughly one hour bin Laden")
    'bin Laden'
    >>> clean_head("a spokesman for several aid groups")
    'a spokesman for several aid groups'
    >>> clean_head("it Cahill")
    'Cahill'
    >>> clean_head("Theresa May")
    'Theresa May'
    """
    words = phrase.split()
    if len(words) < 2:
        return None if not words or words[0].lower().strip(".,") in CALENDAR else phrase
    plain = [w.strip(".,") for w in words]
    if plain[-1] in HEAD_PRONOUNS:
        return words[-1]  # "their security forces he says", "fighters had been killed he added": the pronoun speaks
    # Only lower-case words count (and "I", and a capitalised pronoun opening the phrase): "Theresa May",
    # "the US military" hold no auxiliary and no pronoun.
    first, others = plain[0], plain[1:]
    opens_with_pronoun = first == "I" or first in CLAUSE_PRONOUNS or (
        first.istitle() and first.lower() in CLAUSE_PRONOUNS)
    pronoun_after = "I" in others or not CLAUSE_PRONOUNS.isdisjoint(others)
    aux = not FINITE_AUX.isdisjoint(plain)
    if opens_with_pronoun and not pronoun_after and not aux and all(w[:1].isupper() for w in others):
        return " ".join(words[1:])  # "In it Cahill says": the name after the pronoun
    if opens_with_pronoun or pronoun_after or aux:
        return None
    low = [w.lower() for w in plain]
    for k in range(1, len(words) - 1):
        if not words[k].islower() or low[k] in LINKS:
            continue
        if low[k + 1] in QUANTIFIERS or (low[k].endswith("ed") and len(low[k]) > 4 and low[k + 1] in OBJECT_OPENERS):
            return None  # a verb with its object ("jets hit several cars", "jets blasted the town"): a clause
    if words[0].islower() and low[0].endswith("ing") and low[1] in GERUND_PREPS:
        return None
    for k in range(len(words) - 1):
        if low[k] in SPELLED_NUMBERS and low[k + 1] in SPANS:
            # "the tape lasting one hour bin Laden explains": a measure ends a clause; a name after it speaks
            rest = words[k + 2 :]
            if rest and rest[-1][:1].isupper() and all(w[:1].isupper() or w in NAME_PARTICLES for w in rest):
                return " ".join(rest)
            return None
    return phrase


# How far (in characters) a speaker phrase is read from its cue, and how many earlier speakers a
# reference ("the official", "they") may look back over: bounds that keep the work linear.
WINDOW = 160
RECENT = 40


#: How far before a speech verb its subject is read first (see ``_Reader._subject``).
SUBJECT_REACH = 60


class _Shortfall(Exception):
    """The tokens read first do not settle a subject: read them all."""


@dataclass(frozen=True)
class Attribution:
    """One attribution cue and the speaker it names."""

    start: int  # start of the cue word(s)
    end: int  # end of the cue word(s)
    kind: str  # 'verb' | 'according' | 'citing' | 'passive'
    speaker: str
    role: str | None
    np_start: int
    np_end: int
    weak: bool = False  # a verb that often reports rather than states ("recorded", "confirmed")
    outside: bool = True  # the cue stands outside every quotation


def _verbs_trie(lex: ContextLexicon) -> str:
    """The speech verbs: those of several words as an alternation, then a trie of the one-word ones (fast).

    The same matches as one longest-first alternation of them all: where a verb of several words
    ("told reporters") and a one-word verb ("told") both match, the one-word verb is a prefix of its
    first word, so the longer one is tried first either way.
    """
    phrases = [v for v in lex.speech_verbs if any(ch.isspace() for ch in v)]
    words = [v for v in lex.speech_verbs if v not in phrases]
    return "|".join(([alternation(phrases)] if phrases else []) + ([trie(words)] if words else []))


@functools.cache
def _cue_pattern(lex: ContextLexicon) -> re.Pattern[str]:
    # The look-ahead on the first letter changes no match; it only spares trying the whole alternation
    # at every word boundary, which is most of the cost of the pass.  Standing before the word
    # boundary, it lets re pass over other characters without testing the boundary first.
    firsts = "|".join([initials(lex.speech_verbs), initials(lex.prepositional, capitalised=True),
                       initials(lex.participles, capitalised=True)])
    return re.compile(
        rf"""(?={firsts})\b(?:
              (?P<according>{cased(lex.prepositional)})\s+   # according to X
            | (?P<citing>{cased(lex.participles)})\s+         # citing X
            | (?P<verb>{_verbs_trie(lex)})                     # X said / said X (lower case: fast)
            )\b""",
        re.VERBOSE,
    )


@functools.cache
def _one_word_verbs(lex: ContextLexicon) -> frozenset[str]:
    """The speech verbs of one word, lower case: they end a speaker phrase."""
    return frozenset(v.lower() for v in lex.speech_verbs if " " not in v)


@functools.cache
def _seen_by(lex: ContextLexicon) -> re.Pattern[str]:
    """An outlet that only saw or got a document: "seen by Reuters", "obtained by the BBC" (the outlet is
    not the source of what the document says)."""
    return re.compile(rf"\b(?:{alternation(lex.seen_by)})\s+by\s")


def _last_noun_phrase(toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The noun phrase that ends a phrase read before ", which" or ", who": from its first article when
    it opens with none, else its last capitalised words ("He visited the hospital" -> "the hospital",
    "Smith met Jones" -> "Jones").

    >>> [t[2] for t in _last_noun_phrase(_tokens("Smith met Jones", 0, 15))]
    ['Jones']
    """
    words = [t[2] for t in toks]
    if words[0].lower() in ARTICLES or all(w[:1].isupper() for w in words):
        return toks
    for k, word in enumerate(words):
        if word.lower() in ARTICLES:
            return toks[k:]
    k = len(toks)
    while k > 0 and words[k - 1][:1].isupper():
        k -= 1
    return toks[k:] if k < len(toks) else toks


def _title_first(role: str, titles: frozenset[str]) -> bool:
    """Whether a role opens with a title word (not a word that only joins titles, such as "and" or "of").

    >>> _title_first("head of the morgue", frozenset(["head", "and"])), _title_first("and 12 were", frozenset(["and"]))
    (True, False)
    """
    first = role.split(None, 1)[0]
    return first in titles and first not in LINKS


def _owned_figures(phrase: str) -> re.Match[str] | None:
    """Figures named with their owner ("Eurostat's data", "a Reuters tally"): the match, its owner in "who".

    >>> _owned_figures("the ministry's latest figures").group("who"), _owned_figures("the latest figures")
    ('the ministry', None)
    """
    # (both need a space before the figures' noun: a one-word phrase is never owned figures)
    if " " not in phrase or phrase.rsplit(None, 1)[-1].lower() not in OWNED_HEADS:
        return None
    return POSSESSED_FIGURES.match(phrase) or NAMED_FIGURES.match(phrase)


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]


def _token_end(tok: tuple[int, int, str]) -> int:
    return tok[1]


# Where a cue starts and ends: cues are read in text order and never overlap, so their ends grow too.
_cue_start, _cue_end = operator.attrgetter("start"), operator.attrgetter("end")


def _is_punct(tok: str) -> bool:
    return not tok[0].isalnum() and tok[0] != "_"


def _folded(word: str) -> str:
    """A word in lower case, its typographic apostrophe made straight: "Russia\u2019s" -> "russia's"."""
    return word.lower().replace("\u2019", "'")


def _phrase(text: str, toks: list[tuple[int, int, str]]) -> tuple[int, int, str]:
    start, end = toks[0][0], toks[-1][1]
    return start, end, text[start:end].rstrip(".")


class _Reader:
    """Reads speaker phrases around cues in one document, resolving references as it goes."""

    def __init__(self, doc: Document) -> None:
        # the document keeps its reader (it reads lazily): a weak reference back makes no cycle, so both
        # are freed as soon as the article is done, without waiting for the cyclic garbage collector
        self.doc = weakref.proxy(doc)
        self.text = doc.text
        self.lex = doc.lexicon
        self.found: list[Attribution] = []
        self._lone: dict[str, bool] = {}  # _lone_name, per speaker
        self._last_lone: tuple[int, str] | None = None  # where the last one-word named speaker was read
        self.starts: list[int] = []  # the start of each attribution found, for bisection
        self.roles: dict[str, str] = {}  # the fullest role written for each person so far
        self._verbs = _one_word_verbs(self.lex)
        lo, hi = doc.focus
        self._cues = _cue_pattern(self.lex).finditer(self.text, lo, hi)
        self._pending: re.Match[str] | None = None  # the first cue met and not read yet
        self._exhausted = False

    # -- reading phrases ------------------------------------------------------------------------

    def _left_phrase(
        self, all_toks: list[tuple[int, int, str]], stop: int, partial: bool = False
    ) -> tuple[list[tuple[int, int, str]], str | None]:
        """Tokens of the phrase ending at ``stop`` (read right to left), and the mark that bounded it.

        With ``partial``, ``all_toks`` are only the last tokens before the cue: reading up to their
        first one raises ``_Shortfall`` (the tokens before it could change the phrase).
        """
        toks = all_toks  # read from the last token ending by ``stop`` leftwards
        last = bisect.bisect_right(toks, stop, key=_token_end) - 1
        taken: list[tuple[int, int, str]] = []
        bound = None
        if partial and last < 0:
            raise _Shortfall
        for k in range(last, -1, -1):
            if partial and k == 0:
                raise _Shortfall
            word = toks[k][2]
            if _is_punct(word):
                bound = word
                break
            low = word.lower()
            if low == "and" and taken and k > 0 and taken[-1][2][:1].isupper() and toks[k - 1][2][:1].isupper():
                taken.append(toks[k])  # "the Institute of Health and Welfare"
                continue
            if low in INNER_PREPS and taken and k > 0:
                left = toks[k - 1][2]
                left_low = left.lower()
                if left_low in self.lex.role_heads or (left[:1].isupper() and not _is_punct(left)) \
                        or self._takes_phrase(left_low, toks[k - 2][2].lower() if k > 1 else ""):
                    if all(t[2].rstrip(".").lower() in CALENDAR or t[2].isdigit() for t in taken):
                        taken.clear()  # "released by the ONS on Wednesday": the day is no part of the name
                    else:
                        taken.append(toks[k])
                    continue
            if low in STOP_WORDS or (low in self._verbs and not (
                    taken and word[:1].isupper() and low in AMBIGUOUS_VERBS)):  # "Records obtained by X show"
                bound = word
                break
            taken.append(toks[k])
            if len(taken) > 14:
                return [], None
        taken.reverse()
        return taken, bound

    def _right_phrase(self, start: int, ceiling: int) -> list[tuple[int, int, str]]:
        taken: list[tuple[int, int, str]] = []
        toks = _tokens(self.text, start, ceiling)
        for k, tok in enumerate(toks):
            word = tok[2]
            low = word.lower()
            joins = low in {"and", "for", "on", "in"} and taken and taken[-1][2][:1].isupper() and (
                k + 1 < len(toks) and toks[k + 1][2][:1].isupper()
                and toks[k + 1][2].lower().rstrip(".") not in CALENDAR  # "the ONS on Wednesday": a day, not a name
            )
            if _is_punct(word) or (low in STOP_WORDS and low != "of" and not joins) or low in self._verbs:
                break
            if taken and low in SOURCE_PARTICIPLES and not (
                    low in self.lex.seen_by and k + 1 < len(toks) and toks[k + 1][2] == "by"):
                break  # "a Gallup poll released on Wednesday": the poll is the source ("a memo seen by" reads on)
            taken.append(tok)
            if len(taken) > 12:
                break
        while taken and taken[-1][2].lower() in {"of", "the", "and", "for", "a", "an"}:
            taken.pop()
        return taken

    def _subject(self, verb_start: int, floor: int) -> tuple[int, int, str, str | None] | None:
        """The subject of a speech verb, with an apposition's role: (start, end, phrase, role).

        Reads the tokens of the last ``SUBJECT_REACH`` characters first (from a space, where the
        tokens are those of a reading from ``floor``), and all of them only when the phrase runs
        back past those: the same answer, most often for a fraction of the tokens.
        """
        if verb_start - floor > SUBJECT_REACH:
            space = self.text.find(" ", verb_start - SUBJECT_REACH, verb_start)
            if space >= 0:
                try:
                    return self._subject_from(verb_start, floor, space + 1)
                except _Shortfall:
                    pass
        return self._subject_from(verb_start, floor, floor)

    def _subject_from(self, verb_start: int, floor: int, begin: int) -> tuple[int, int, str, str | None] | None:
        partial = begin > floor
        all_toks = _tokens(self.text, begin, verb_start)
        toks = list(all_toks)
        while toks and toks[-1][2].lower() in BETWEEN:
            toks.pop()
        if partial and not toks:
            raise _Shortfall
        last = toks[-1][2].lower() if toks else None  # the word right before the verb
        if last in PASSIVE or last in NOUN_BEFORE:
            return None
        if last in NOUN_MODIFIERS_BEFORE and self.text[verb_start:verb_start + 30].split(None, 1)[0].endswith("s"):
            return None  # "media reports said": the noun of another verb
        if len(toks) > 1 and toks[-1][2] in RELATIVE_PRONOUNS and not _is_punct(toks[-2][2]):
            toks = toks[:-1]  # "a Reuters/Ipsos survey that put it at 38%": the survey is the subject
            all_toks = [t for t in all_toks if t[1] <= toks[-1][1]]
        relative = len(toks) > 2 and toks[-1][2] in {"which", "who"} and toks[-2][2] == "," \
            and not self.text.startswith(EVENT_VERBS, verb_start)
        if relative:
            # "a memo seen by Reuters, which said": the relative pronoun speaks for the phrase before its comma
            toks = toks[:-2]
            all_toks = [t for t in all_toks if t[1] <= toks[-1][1]]
        stop = toks[-1][1] if toks else verb_start
        role = None
        aside = False  # an aside stands between the subject and its verb
        who = WHO_CLAUSE.search(self.text, floor, toks[-1][1]) if toks and toks[-1][2] == "," else None
        if who:
            # "Zaman, who directs operations in Nangarhar, said": the clause is the role; "The company,
            # which employs 3,000 people, said": a body's clause describes it, it is no role
            role = None if who.group("which") else who.group("role")
            toks = [t for t in all_toks if t[1] <= who.start()]
            stop = who.start()
        elif toks and toks[-1][2] in {",", "\u2014", "--", "-", ")"}:
            closing = toks[-1][2]
            inner, bound = self._left_phrase(all_toks, toks[-1][0], partial)
            opening = {"\u2014": {"\u2014"}, "--": {"--"}, "-": {"-"}, ",": {","}, ")": {"("}}[closing]
            if inner and bound in opening:
                role = _phrase(self.text, inner)[2]
                stop = self.text.rfind(next(iter(opening)), floor, inner[0][0])
            else:
                # "A senior official, speaking on condition of anonymity, said": an aside the reading stopped in
                stop = self._aside_start(floor, toks[-1][0]) if closing == "," else -1
                aside = True
            if stop < 0:
                return None
        phrase, bound = self._left_phrase(all_toks, stop, partial)
        if phrase and bound is not None and not _is_punct(bound) and (
                not self._speaker_like(_phrase(self.text, phrase)[2]) or self._after_participle(all_toks, phrase)):
            # "An official who asked not to be named said", "Doctors speaking at the hospital said": the
            # speaker stands before the clause
            phrase = self._before_clause(all_toks, phrase[0][0], partial) or phrase
        if relative and phrase:
            phrase = _last_noun_phrase(phrase)  # "Smith met Jones, who said": Jones
        cut = next((j for j in range(1, len(phrase)) if phrase[j][2] in CLAUSE_OPENERS), 0)
        if cut and self._speaker_like(_phrase(self.text, phrase[:cut])[2]):
            phrase = phrase[:cut]  # "Analysts speaking to Reuters estimated": the analysts
        if not phrase:
            return None
        start, end, words = _phrase(self.text, phrase)
        if any(map(str.isdigit, words)):
            return None
        if role is not None and not self._role_like(role):
            if self._role_like(words) and role[:1].isupper():
                # "A county spokeswoman, Kassi Day, said": the name is the apposition
                return inner[0][0], inner[-1][1], role, words
            if not self._aside(role):
                return None
            role, aside = None, True  # "The ministry, in a statement, said": an aside, not a role
        if aside and bound is not None and not _is_punct(bound):
            return None  # "... swept into the Franklin River, in Tasmania's south-west, says": a clause's end
        return start, end, words, role

    def _after_participle(self, all_toks: list[tuple[int, int, str]], phrase: list[tuple[int, int, str]]) -> bool:
        """Whether the word bounding ``phrase`` follows a participle of ``CLAUSE_OPENERS`` ("speaking at")."""
        k = bisect.bisect_left(all_toks, phrase[0][1], key=_token_end) - 2  # the word before the bound
        return k >= 0 and all_toks[k][2].lower() in CLAUSE_OPENERS

    def _aside(self, phrase: str) -> bool:
        """Whether a phrase set off by commas is an aside ("in a statement", "speaking to reporters",
        "seen by Reuters"), not a role."""
        aside = ASIDE.match(phrase)
        if aside is not None:
            # "quoting informed sources": a cue naming the real source is no aside
            return aside.group().rstrip() not in self.lex.participles
        return _seen_by(self.lex).match(phrase) is not None

    def _aside_start(self, floor: int, end: int) -> int:
        """Where the comma opening an aside that ends at ``end`` stands, or -1."""
        comma = self.text.rfind(",", floor, end)
        if comma < 0:
            return -1
        body = self.text[comma + 1 : end].lstrip()
        return comma if self._aside(body) and not ASIDE_BREAKS.search(body) else -1

    def _before_clause(
        self, all_toks: list[tuple[int, int, str]], at: int, partial: bool
    ) -> list[tuple[int, int, str]] | None:
        """The speaker phrase before a clause that opens with a word of ``CLAUSE_OPENERS`` and runs,
        without punctuation or a speech verb, up to ``at`` ("Officials speaking on condition of anonymity")."""
        k = bisect.bisect_left(all_toks, at, key=_token_end)
        for j in range(k - 1, max(-1, k - 1 - CLAUSE_REACH), -1):
            if partial and j == 0:
                raise _Shortfall
            word = all_toks[j][2]
            low = word.lower()
            if low in CLAUSE_OPENERS:
                if j == 0 or _is_punct(all_toks[j - 1][2]):
                    return None
                phrase, _ = self._left_phrase(all_toks, all_toks[j - 1][1], partial)
                return phrase if phrase and self._speaker_like(_phrase(self.text, phrase)[2]) else None
            if _is_punct(word) or low in self._verbs:
                return None
        return None

    def _role_like(self, phrase: str) -> bool:
        first = phrase.split()[0].lower()
        return first in {"the", "a", "an", "who", "his", "her", "its", "their"} or first in self.lex.titles

    # -- resolving ------------------------------------------------------------------------------

    def _resolve(self, phrase: str, role: str | None, at: int) -> tuple[str, str | None]:
        names = self.doc.names
        words = phrase.split()
        first, last = _folded(words[0]), _folded(words[-1])
        if len(words) == 1 and first in self.lex.pronouns:
            kind = self.lex.pronouns[first]
            if kind == "person":
                person = self._person_before(at)
                if isinstance(person, str):
                    return person, role
                if person is not None:
                    return person.name, role or person.role
                return phrase, role
            for att in reversed(self.found[-RECENT:]):
                if kind == "body" and names.person_named(att.speaker) is not None:
                    continue
                return att.speaker, role or att.role
            return phrase, role
        if first == "the" and last in self.lex.role_heads and not any(w[0].isupper() for w in words[1:]
                                                                      if w.lower() not in self.lex.titles) \
                and not any(_folded(w).endswith("'s") for w in words[1:-1]):  # "the state's health department" names a body
            head = last.rstrip("s")
            for att in reversed(self.found[-RECENT:]):
                if att.speaker.lower().split()[-1].rstrip("s") == head or (
                    att.role and head in att.role.lower().split()
                ):
                    return att.speaker, role or att.role
            person = names.person_with_role(head, at)
            if person is not None:
                return person.name, role or person.role
        person = names.person_named(phrase)
        if person is not None:
            clean = ascii_quotes(phrase)
            at_owner = clean.rfind(person.surname + "'s ")
            if at_owner >= 0 and clean[at_owner + len(person.surname) + 3 :].strip():
                return f"{person.name}'s {clean[at_owner + len(person.surname) + 3 :].strip()}", role
            title = clean[: clean.find(person.name)].strip() if person.name in clean else ""
            return person.name, role or title or person.role
        described = DESCRIBED.match(phrase)
        if described and role is None and (
            len(described.group(1).split()) > 1 or described.group(1).strip() in self.lex.role_heads
        ):
            # "the catastrophe modeler Karen Clark & Co.": the name speaks, the description is its role
            return described.group(2), described.group(1).strip()
        if first == "the":
            phrase = "the" + phrase[3:]
        return phrase, role

    def _person_before(self, at: int) -> Person | str | None:
        """Whom "he" or "she" at ``at`` refers to: the last person named before it or, when later, the
        last speaker named by one unknown capitalised word ("Amin said ... He added").

        A pronoun in a cue that trails its sentence ('Okafor must repay $1.3 million, she said')
        does not refer to a person named in that sentence: it looks back from the sentence start.
        """
        names = self.doc.names
        sent_start = self.doc.sentence_span(at)[0]
        before = self.text[sent_start:at].rstrip()
        if before.endswith((",", "\u201d", '"')) and sent_start < at:
            pos, person = names.last_mention_before(at, unless_in=(sent_start, at))
            if person is None:
                pos, person = names.last_mention_before(at)
        else:
            pos, person = names.last_mention_before(at)
        lone = self._last_lone  # the latest one-word speaker read so far (cues are read in text order)
        if lone is not None and pos < lone[0] < at:
            return lone[1]
        return person

    def _lone_name(self, speaker: str) -> bool:
        """One capitalised word that is no known person, body, place or acronym, and that the article
        sets in apposition to a person's role ("his spokesman, Amin," or "Amin, a spokesman,")."""
        if " " in speaker or not speaker[:1].isupper():
            return False
        known = self._lone.get(speaker)
        if known is None:
            known = self._lone[speaker] = self._is_lone_name(speaker)
        return known

    def _is_lone_name(self, speaker: str) -> bool:
        if not NAME_WORD_PATTERN.fullmatch(speaker) or speaker.isupper():
            return False
        low = speaker.lower()
        lex = self.lex
        if (low in lex.orgs or low in lex.countries or low in lex.states or low in lex.pronouns
                or low in lex.scope.get("demonyms", {}) or self.doc.names.person_named(speaker) is not None):
            return False
        for role, after in name_appositions(self.text, speaker):
            if after or (role and (role in lex.role_heads or role in lex.titles)):
                return True
        return False

    def _add(self, start: int, end: int, kind: str, np: tuple[int, int, str, str | None]) -> None:
        np_start, np_end, phrase, role = np
        document = False
        if WRAPPER_HINT.search(phrase):
            phrase = SOURCE_WRAPPERS.sub("", phrase)
            words = phrase.split()
            if len(words) > 2 and words[1] == "by" and words[0].lower() in DATE_WORDS:
                # "Data released on Friday by the Labor Department": the subject was read from the day
                np_start, phrase = np_start + phrase.find(" by ") + 4, " ".join(words[2:])
            seen = _seen_by(self.lex).search(phrase)
            if seen:
                head = phrase[: seen.start()].rstrip()
                if not head:
                    return  # "a memo sent to staff and seen by Reuters said": only the outlet was read
                if head and self._speaker_like(head) and self.lex.documents.isdisjoint(head.lower().split()):
                    phrase = head  # "the ministry seen by Reuters" (its memo): the author speaks
                else:
                    document = True  # "a memo seen by Reuters": the document speaks, not the outlet that saw it
        if not phrase or phrase.lower() in STOP_WORDS:
            return
        head = clean_head(phrase)
        if head is None:
            return  # a clause fragment: better no speaker than a wrong one
        if head != phrase:
            np_start, phrase = np_start + phrase.rfind(head), head
        speaker, role = (phrase, role) if document else self._resolve(phrase, role, np_start)
        if speaker.lower() == "it":
            return  # "it" with no body to refer back to
        role = _clean_role(role)
        person = self.doc.names.person_named(speaker) if speaker[:1].isupper() else None
        if person is not None and person.name == speaker:
            known = self.roles.get(speaker)
            if role and not role.startswith("who ") and (
                known is None or (not _has_article_role(known) and len(role) > len(known))
            ):
                self.roles[speaker] = role
            role = self.roles.get(speaker, role)
            if role and role.startswith("who ") and person.role:
                role = person.role  # a title written with the name beats a relative clause
        if person is None and CAPITAL_ARTICLE.match(speaker):
            speaker = speaker[0].lower() + speaker[1:]
        weak = kind == "verb" and self.text[start:end].lower() in WEAK_VERBS
        outside = self.doc.quote_at(start) is None
        self.found.append(Attribution(start, end, kind, ascii_quotes(speaker), role, np_start, np_end, weak, outside))
        if self._lone_name(self.found[-1].speaker):
            self._last_lone = (np_start, self.found[-1].speaker)
        self.starts.append(start)

    def read(self) -> list[Attribution]:
        """Every attribution of the focus, in text order."""
        self.read_until(len(self.text) + 1)
        return self.found

    def read_until(self, pos: int) -> None:
        """Read the cues that start before ``pos`` (and no further: most claims need only the cues up to
        their own sentence).  What a cue gives depends only on the cues before it (earlier speakers,
        roles written so far), so reading in steps gives exactly what one pass gives.
        """
        while not self._exhausted:
            m = self._pending if self._pending is not None else next(self._cues, None)
            if m is None:
                self._exhausted = True
            elif m.start() >= pos:
                self._pending = m
                return
            else:
                self._pending = None
                self._read_cue(m)

    def _read_cue(self, m: re.Match[str]) -> None:
        """The attribution of one cue, if it names a speaker, appended to ``found``."""
        text = self.text
        cue_start, cue_end = m.span()
        sent_start, sent_end = self.doc.sentence_span(cue_start)
        verb = m.group("verb")
        if verb:
            if verb[0].isupper() and cue_start != sent_start:
                return  # a capitalised "Says" inside a name or title
            np = self._subject(cue_start, max(sent_start, cue_start - WINDOW))
            if np is None:
                self._passive_or_inverted(m, sent_start, sent_end)
                return
            words = np[2].split()
            owned = _owned_figures(np[2])
            if owned:
                # "The Civil Protection agency's latest figures show 48 dead": the agency gives them;
                # "Downdetector data showed": so does a name written before the figures
                np = (np[0] + owned.start("who"), np[0] + owned.end("who"), owned.group("who"), np[3])
                words = np[2].split()
            last_word = words[-1]
            head = last_word.lower()
            if head in FIGURE_HEADS and last_word.islower():
                return  # "The latest figures show": the outlet reads its figures, nobody is quoted
            verb = verb.lower()
            if verb in AMBIGUOUS_VERBS and self._noun_before_verb(cue_end):
                return  # "Initial reports spoke of 50 people": the noun of another verb
            if verb in AMBIGUOUS_VERBS and (
                (head not in self.lex.role_heads and not np[2][0].isupper()
                 and not (last_word[0].isupper() and verb in COUNTING_VERBS))
                or head.endswith("ed")  # "the Centers for Disease Control has counted 164": a name counts
            ):
                return  # "has rejected claims that": a noun after a verb
            if head in DOCUMENT_HEADS and verb in {"posted", "posts", "tweeted", "tweets", "put"}:
                return
            if head not in self.lex.pronouns and not self._speaker_like(np[2]):
                return  # "violence in the last week has claimed ...": not a speaker
            self._add(cue_start, cue_end, "verb", np)
        else:
            kind = "according" if m.group("according") else "citing"
            begin = m.end()
            if m.group().lower().startswith("per") and PER_RATE.match(text, begin):
                return  # "75 per cent of Lee's match pay": a rate, not a source
            wrapper = SOURCE_WRAPPERS.match(text, begin)
            if wrapper:
                begin = wrapper.end()
            toks = self._right_phrase(begin, min(sent_end, begin + WINDOW))
            if toks:
                start, end, phrase = _phrase(text, toks)
                owned = _owned_figures(phrase)
                if owned:
                    # "according to the ministry's figures", "according to UN figures": the owner gives them
                    start, end, phrase = start + owned.start("who"), start + owned.end("who"), owned.group("who")
                if self._speaker_like(phrase):
                    self._add(m.start(), m.end(), kind, (start, end, phrase, None))

    def _noun_before_verb(self, at: int) -> bool:
        """A speech verb or an auxiliary right after ``at``: the word before it was a noun."""
        nxt = NEXT_WORD.match(self.text, at)
        if nxt is None:
            return False
        word = nxt.group(1)
        return word.islower() and (word in self._verbs or word in NOUN_AUX or word in REPORTING_AFTER_NOUN)

    def _speaker_like(self, phrase: str) -> bool:
        """A phrase that can name a speaker: a capitalised name or a role ('officials', 'the ministry')."""
        words = phrase.split()
        if any(w[:1].isupper() for w in words):
            return True
        if words[-1].lower().rstrip(".,") in self.lex.role_heads:
            return True
        inner = next((k for k, w in enumerate(words) if k and w in INNER_PREPS), None)
        # "officials on both sides", "people with knowledge of the matter", "a source familiar with the matter"
        return inner is not None and self._takes_phrase(words[inner - 1].lower(), words[inner - 2].lower() if inner > 1 else "")

    def _takes_phrase(self, word: str, before: str) -> bool:
        """Whether a speaker phrase goes on past ``word`` (``before`` is the word before it) into a
        prepositional phrase: a role head, "people", or "familiar" after one of them."""
        heads = self.lex.role_heads
        return word in heads or word in PERSONS or (word in POSTNOMINALS and (before in heads or before in PERSONS))

    def _passive_or_inverted(self, m: re.Match[str], sent_start: int, sent_end: int) -> None:
        text = self.text
        before = _tokens(text, max(sent_start, m.start() - 40), m.start())
        if before and before[-1][2].lower() in PASSIVE:
            by = BY_AGENT.match(text, m.end())
            if by:
                toks = self._right_phrase(by.end(), min(sent_end, by.end() + WINDOW))
                if toks and self._speaker_like(_phrase(text, toks)[2]):
                    self._add(m.start(), m.end(), "passive", (*_phrase(text, toks), None))
            return
        if before and not _is_punct(before[-1][2]) and m.start() != sent_start:
            return
        toks = self._right_phrase(m.end(), min(sent_end, m.end() + WINDOW))
        if not toks:
            return
        start, end, phrase = _phrase(text, toks)
        role = None
        titled = ROLE_BEFORE_NAME.match(phrase) if phrase[0].islower() else None
        if titled and titled.group("role").split()[-1].lower() in self.lex.role_heads | self.lex.titles:
            # "said police spokesman Dinesh Thapa": the name speaks, the words before it are the role
            role = titled.group("role").strip()
            start, phrase = start + titled.start("name"), titled.group("name")
        elif not (phrase[0].isupper() or phrase.split()[0].lower() in {"the", "a", "an"}):
            return
        if len(phrase.split()) > 7 or not INVERTED_END.match(text, start + len(phrase)) \
                or not self._speaker_like(phrase):
            return  # "..., said the first night of bombings left 80 dead": a clause, not a speaker
        after = ROLE_AFTER.match(text, end) or TITLE_AFTER.match(text, end)
        if after and (after.re is ROLE_AFTER or _title_first(after.group(1), self.lex.titles)):
            role = after.group(1)  # "said John Smith, a spokesman" / "said Ahmed Khalil, head of the morgue"
        self._add(m.start(), m.end(), "verb", (start, end, phrase, role))


def name_appositions(text: str, name: str) -> Iterator[tuple[str | None, bool]]:
    """For each mention of ``name``, the lower-case word written before it with a comma ("spokesman,
    Amin") and whether an apposition opens after it ("Amin, a spokesman").

    The same, mention for mention, as one scan of ``(?:\\b(?P<role>[a-z]+),\\s+)?\\bNAME\\b(?P<after>,\\s+(?:a|an|the)\\s)?``
    (pinned in tests/unit/test_ctx_speed_ext.py), but the name is searched for by its letters and the
    word before it read backwards: the optional word in front made re try the pattern at every character.

    >>> list(name_appositions("his spokesman, Amin, said; Amin, a lawyer, added", "Amin"))
    [('spokesman', False), (None, True)]
    """
    resume = 0  # where the scan went on after the last mention: a word before a mention starts no earlier
    for m in _mention_pattern(name).finditer(text):
        yield _comma_word_before(text, resume, m.start()), m.group("after") is not None
        resume = m.end()


@functools.lru_cache(maxsize=1024)
def _mention_pattern(name: str) -> re.Pattern[str]:
    """A mention of ``name`` as a whole word, and an apposition opening after it.

    The same matches as ``\\bNAME\\b(?P<after>...)``, but the name comes first and the word boundary
    before it is checked looking back from its end: a pattern opening with a literal lets re find
    the name by a fast substring search instead of trying the pattern at every character (40 times
    faster on a 5 KB article).

    >>> [m.span() for m in _mention_pattern("Amin").finditer("Amin, Al-Amin; xAmin Amin")]
    [(0, 4), (9, 13), (21, 25)]
    """
    escaped = re.escape(name)
    # \b before a word character is "no word character before it", before any other "one before it"
    boundary = "(?<!\\w" if _is_word_char(name[:1]) else "(?<=\\w"
    return re.compile(rf"{escaped}{boundary}{escaped})\b(?P<after>,\s+(?:a|an|the)\s)?")


def _is_word_char(ch: str) -> bool:
    """What re's ``\\w`` (and so ``\\b``) takes for a word character."""
    return ch.isalnum() or ch == "_"


def _comma_word_before(text: str, lo: int, at: int) -> str | None:
    """The word of ``\\b([a-z]+),\\s+`` ending right at ``at`` and starting at or after ``lo``, if any.

    >>> t = "his spokesman,  Amin"
    >>> _comma_word_before(t, 0, t.index("Amin")), _comma_word_before(t, 8, t.index("Amin"))
    ('spokesman', None)
    """
    j = at
    while j > lo and text[j - 1].isspace():  # re's \s is str.isspace
        j -= 1
    if j == at or j <= lo or text[j - 1] != ",":
        return None
    k = i = j - 1
    while i > lo and "a" <= text[i - 1] <= "z":
        i -= 1
    if i == k or (i > 0 and _is_word_char(text[i - 1])):
        return None  # no word, or it does not start on a word boundary
    return text[i:k]


def _has_article_role(role: str) -> bool:
    return len(role.split()) > 3


def _clean_role(role: str | None) -> str | None:
    """A role without its leading article: 'the head of X' -> 'head of X'.

    >>> _clean_role("the head of the agency")
    'head of the agency'
    """
    if not role:
        return None
    role = ascii_quotes(role).strip(" ,")
    role = LEADING_ARTICLE.sub("", role)
    return role or None


def find_attributions(doc: Document) -> list[Attribution]:
    """Every attribution cue of the article, in text order, speakers resolved."""
    return doc.attribution_reader.read()


def attributions_before(doc: Document, pos: int) -> list[Attribution]:
    """The attribution cues that end by ``pos``, in text order (cues after it are not read)."""
    return [a for a in _attributions_between(doc, 0, pos) if a.end <= pos]


# -- choosing the attribution of one claim ------------------------------------------------------


def _attributions_between(doc: Document, lo: int, hi: int) -> list[Attribution]:
    """The attribution cues starting in [lo, hi), found by bisection (the cues are read up to ``hi``)."""
    reader = doc.attribution_reader
    reader.read_until(hi)
    starts = reader.starts
    return reader.found[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]


# An acronym standing before a speaker's role: "WHO", "U.N.", "NATO".
ACRONYM = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}|\b[A-Z]{2,6}\b")


def _quote_attribution(doc: Document, quote: Quote) -> Attribution | None:
    """The cue that attributes a quotation: right after it, or introducing it (kept per quotation)."""
    memo = doc.quote_attributions
    if quote.start not in memo:
        memo[quote.start] = _find_quote_attribution(doc, quote)
    return memo[quote.start]  # type: ignore[return-value]


def _find_quote_attribution(doc: Document, quote: Quote) -> Attribution | None:
    text = doc.text
    for att in _attributions_between(doc, quote.start - 400, quote.end + 101):
        if quote.end <= att.start <= quote.end + 100 and att.outside:
            gap = ACRONYM.sub("", text[quote.end : min(att.start, att.np_start)])  # '," WHO regional director X told'
            if not GAP_AFTER_QUOTE.search(gap):
                return att
        if quote.start - 160 <= att.end <= quote.start and att.outside:
            gap = text[att.end : quote.start]
            if not GAP_BEFORE_QUOTE.search(gap):
                return att
    return None


def _continuing_quote(doc: Document, quote: Quote) -> Attribution | None:
    """A quotation without its own cue takes that of its neighbours in the same paragraph."""
    i = doc.quote_index(quote)
    para = doc.paragraph_start(quote.start)
    for j in (i - 1, i + 1, i - 2):
        if 0 <= j < len(doc.quotes) and j != i:
            other = doc.quotes[j]
            if doc.paragraph_start(other.start) != para:
                continue
            if abs(other.start - quote.start) > 1200:
                continue
            att = _quote_attribution(doc, other)
            if att is not None:
                return att
    return None


# Another figure (digits) right before an "according to" cue after the figure.
OTHER_FIGURE = re.compile(r"\d")

# A clause of its own, in contrast with the one before: ", while police counted ...".
CONTRAST = re.compile(r",\s+(?:while|whereas|but|and|though|although)\s|;\s|\bwhile\s")


# A contrasting clause opening between a figure and a later cue: the cue speaks for that clause.
BUT_BETWEEN = re.compile(r"[,;]\s+(?:but|while|whereas|though|although|yet)\s")


def _only(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` is all ``pattern`` (which accepts the empty string), without slicing.

    >>> _only(COMMA_GAP, "a , b", 1, 4), _only(COMMA_GAP, "a , b", 1, 5), _only(COMMA_GAP, "ab", 2, 1)
    (True, False, True)
    """
    return hi <= lo or pattern.fullmatch(text, lo, hi) is not None


def _stated_by_another(doc: Document, weak: Attribution, verbs: list[Attribution]) -> bool:
    """Whether a weak cue ("investigators had confirmed 72", "data showed") yields to a speech verb of its
    sentence: one not set apart from it by a contrasting clause ("Police put the crowd at 20,000, while
    organisers claimed 100,000": each states its own figure)."""
    for other in verbs:
        if other.weak:
            continue
        lo, hi = (weak.end, other.np_start) if other.start >= weak.end else (other.end, weak.np_start)
        if not CONTRAST.search(doc.text, lo, max(lo, hi)):
            return True
    return False


#: Speech verbs that also take a figure as their object: "employers added 175,000 jobs" says nothing.
OBJECT_VERBS = frozenset(["added", "adds", "noted", "notes", "recorded", "records"])
# Only a hedge between such a verb and the figure: the figure is its object ("added nearly 175,000").
OBJECT_GAP = re.compile(r"\s+(?:(?:about|around|nearly|almost|some|roughly|more\s+than|over|another|a\s+further)\s+)?")


def choose_attribution(doc: Document, start: int, end: int) -> Attribution | None:
    """The attribution of the figure at ``start:end``, or None when the outlet states it."""
    quote = doc.quote_at(start)
    if quote is not None:
        att = _quote_attribution(doc, quote)
        if att is None:
            att = _continuing_quote(doc, quote)
        if att is not None:
            return att
        # a quotation no cue claims is a phrase quoted inside the sentence ('had carried "at least 400"
        # people, the IOM said'): the sentence's cues speak for it
    sent_start, sent_end = doc.sentence_span(start)
    lo, hi = max(sent_start, start - WINDOW * 4), min(sent_end, end + WINDOW * 4)  # endless sentences
    in_sentence = [a for a in _attributions_between(doc, lo, hi) if a.outside
                   and not (a.kind == "verb" and a.start < a.np_start and a.np_end <= start
                            and _only(COMMA_GAP, doc.text, a.np_end, start))
                   and not (a.np_end <= start and end <= a.start and a.kind == "verb"
                            and doc.text.find(",", a.np_end, start) < 0)
                   and not (a.kind == "verb" and a.end <= start and doc.text[a.start:a.end].lower() in OBJECT_VERBS
                            and OBJECT_GAP.fullmatch(doc.text, a.end, start))
                   and (a.start < end or a.kind != "according"
                        or not OTHER_FIGURE.search(doc.text, max(end, a.start - 25), a.start))]
    # (a figure set off right after an inverted speaker's name describes the speaker: "said captain Liam Hart, 34";
    # one between a subject and its verb is in the subject's clause: "A man who killed 40 people said";
    # a cue after the figure belongs to it only when no other figure stands between them: "the police put it at
    # 52,000, against 400,000 according to the CGT")
    if not in_sentence:
        return None
    # an "according to" cue set apart from the figure by a contrasting clause speaks for its own clause
    # ("12 people, according to a tally by the Times, though officials said the toll there had reached 10")
    according = [a for a in in_sentence if a.kind == "according"
                 and not CONTRAST.search(doc.text, *((a.end, start) if a.end <= start else (end, a.start)))]
    if according:
        nearest = min(according, key=lambda a: abs(a.start - start))
        closer = [a for a in in_sentence if a.kind == "verb" and nearest.end <= a.np_start and a.end <= start
                  and WORD_BETWEEN.search(doc.text, nearest.np_end, a.np_start)]
        # "according to a Gallup poll, at odds with a survey that put it at 38%": the nearer cue states it
        return closer[-1] if closer else nearest
    verbs = [a for a in in_sentence if a.kind in {"verb", "passive"}]
    strong = [a for a in verbs if not (a.weak and _stated_by_another(doc, a, verbs))] or verbs
    # (cues are in text order: those ending by the figure come first, those starting after it last)
    before = strong[: bisect.bisect_right(strong, start, key=_cue_end)]
    after = strong[bisect.bisect_left(strong, end, key=_cue_start) :]
    if before:
        k = len(before) - 1
        # "X said the U.S. estimated that N": the outer speaker states it
        while k > 0 and _only(NESTED_CUE_GAP, doc.text, before[k - 1].end, before[k].np_start):
            k -= 1
        chosen = before[k]
        nearest = verbs[bisect.bisect_right(verbs, start, key=_cue_end) - 1]  # the last to end before the figure
        if nearest.start > chosen.end and CONTRAST.search(doc.text, chosen.end, nearest.np_start):
            chosen = nearest  # "unions said 1.2 million joined, while police counted 340,000"
        citing = [a for a in in_sentence if a.kind == "citing" and a.start >= chosen.end
                  and _only(COMMA_GAP, doc.text, chosen.end, a.start)]
        if citing:
            return citing[0]
        outer = _closing_cue(doc, after, end, sent_end)
        return outer if outer is not None and outer.np_start > chosen.end else chosen
    citing = [a for a in in_sentence if a.kind == "citing"]
    if citing:
        return min(citing, key=lambda a: abs(a.start - start))
    if after and BUT_BETWEEN.search(doc.text, end, after[0].np_start):
        return None  # "Initial reports spoke of 50 trapped, but Pieterse later said 4": his is the other figure
    return after[0] if after else None


# What may follow a cue that closes its sentence: a day, "in a statement", "on Telegram" (no clause).
CLOSING_TAIL = re.compile(r"""(?:\s+(?:on|in|at|late|early|this|last|earlier)\b[^,;:\d\u201c\u201d"]{0,40})?\s*[.!?]?\s*$""")


def _closing_cue(doc: Document, after: list[Attribution], end: int, sent_end: int) -> Attribution | None:
    """A speech verb whose subject follows the figure's clause and that closes the sentence: it states the
    whole sentence ("New Mexico has reported nine cases, the state's health department said")."""
    if len(after) != 1 or after[0].kind != "verb" or after[0].np_start < end:
        return None
    cue = after[0]
    gap = doc.text[end : cue.np_start]
    if OTHER_FIGURE.search(gap) or not gap.rstrip().endswith(",") or BUT_BETWEEN.search(doc.text, end, cue.np_start):
        return None
    return cue if CLOSING_TAIL.match(doc.text, cue.end, sent_end) else None


def speaker_of(doc: Document, start: int, end: int) -> tuple[str | None, str | None]:
    """(speaker, role) of the figure at ``start:end``."""
    att = choose_attribution(doc, start, end)
    if att is None:
        return None, None
    return att.speaker, att.role
