"""One claim's context, from the modules that read each part: counted, owner, scope, speaker, as-of."""

from __future__ import annotations

import functools
import re

from reconcile.context.asof import find_as_of
from reconcile.context.counted import (
    COUNTED_PRONOUNS,
    PREDICATE_AFTER,
    PREDICATE_BEFORE,
    bare_predicate,
    clip_clause,
    elided_counted,
    find_counted,
    harm_before,
    harmed_part,
    normalise_counted,
    share_bases,
    vote_tally,
    with_predicate,
)
from reconcile.context.document import Document, ascii_quotes
from reconcile.context.legal import court_counted
from reconcile.context.lexicon import ContextLexicon, alternation
from reconcile.context.names import FUNCTION_WORDS, blocked_name
from reconcile.context.scope import find_scope, normalise_place
from reconcile.context.speaker import attributions_before, speaker_of
from reconcile.lexicons import load
from reconcile.models import Claim, updated

# How far from the figure (in characters) the clause around it is read: keeps the cost linear.
WINDOW = 200

# A possessor right before a figure: "his third visit", "Austin's fourth visit", "Ukraine's".
POSSESSOR = re.compile(
    r"""(?=[hitA-Z])                        # a first letter of either branch (spares trying both elsewhere)
        (?P<who>\b(?:his|her|their|its)
        | (?:[A-Z][\w.\u2019'-]*\s+){0,3}[A-Z][\w.-]*[\u2019']s)   # a capitalised name with 's
        \s+(?:own\s+)?$""",
    re.VERBOSE,
)

# An agent after an ordinal's noun: "the third visit by Austin".
BY_AGENT = re.compile(r"\s+by\s+(?P<who>(?:[A-Z][\w.\u2019'-]*\s+){0,3}[A-Z][\w\u2019'-]*)")


# A wire dateline opening a sentence: "BRENA, March 10 (Reuters) - ", "PARIS — ".
DATELINE = re.compile(r"^[^\n]{0,80}?(?:\)\s*[-\u2014\u2013]+|[A-Z]{3,}[^a-z\n]{0,40}?\s[-\u2014\u2013]{1,2})\s+")

# A verb of winning or holding before the figure: "won", "took", "secured", "has".
WIN_VERB = re.compile(
    r"""\b(?:won|wins|win|winning|took|takes|taking|secured|secures|captured|captures|garnered|garners
        |came|comes|finished|finishes
        |received|receives|got|gets|polled|polls|scored|scores|claimed|claims|picked\s+up|holds|held
        |has|had|have|leads|led)\b""",
    re.VERBOSE,
)

# A dative owner: "gave the National Union 40.6%", "handing Kovan 98 seats".
DATIVE = re.compile(r"\b(?:gave|gives|give|giving|handed|handing|awarded|awarding)\s+(?:the\s+)?(?P<who>[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,4})\s+")

# At most two lower-case words between a dative owner and the figure: "gave the Union (just over) 40%".
AT_MOST_TWO_WORDS = re.compile(r"(?:[a-z]+\s+){0,2}")

# A capitalised run that ends in a possessive with a lower-case word after it: "Tessaly's opposition".
POSSESSOR_RUN = re.compile(r"(?<=['\u2019]s)\s+[a-z]")

# Between a figure and the same figure converted in parentheses: "130 mph (215 km/h)", "$1.2 billion
# (1.1 billion euros)", "3 metres (about 10 feet)".
CONVERSION_GAP = re.compile(r"\s*\(\s*(?:or\s+|about\s+|around\s+|some\s+|roughly\s+|nearly\s+)?")


# "there" closing the subject of a figure's clause: "the toll there (alone) had reached 10".
THERE_BEFORE = re.compile(r"\s(?:there|in\s+that\s+(?:state|country|province|region))(?:\s+alone)?\s+(?:[a-z]+\s+){0,4}$")


def place_there(doc: Document, start: int, sent_start: int) -> str | None:
    """The country or state a "there" before the figure refers to: the last one named in its sentence.

    >>> from datetime import date
    >>> from reconcile.models import Article
    >>> t = "Officials in Alabama said the toll there had reached 10."
    >>> doc = Document(Article(id="d", text=t, published=date(2025, 9, 5)), ContextLexicon.default())
    >>> place_there(doc, t.index("10"), 0)
    'alabama'
    """
    if THERE_BEFORE.search(doc.text, max(sent_start, start - 60), start) is None:
        return None
    mentions = [m for m in (doc.names.last_place_mention(start, k) for k in ("state", "country")) if m]
    mentions = [m for m in mentions if m[0] >= sent_start]
    return max(mentions)[1] if mentions else None


# Between a figure and a share that says how it moved: "$94.9 billion on Thursday, up 6% from a year
# earlier", "1,200 jobs, down 3%": the share is the change of the figure before it.
CHANGE_AFTER_GAP = re.compile(r"[^.;:!?\d]{0,40}?,\s+(?:up|down)\s+(?:by\s+)?")


def changes(doc: Document, previous: Claim, claim: Claim) -> bool:
    """Whether the share ``claim`` says how the figure ``previous`` right before it moved.

    >>> from datetime import date
    >>> from reconcile.models import Article
    >>> from reconcile.extract import extract_quantities
    >>> t = "It reported revenue of $94.9 billion on Thursday, up 6% from a year earlier."
    >>> doc = Document(Article(id="d", text=t, published=date(2025, 10, 31)), ContextLexicon.default())
    >>> money, share = extract_quantities(doc.article)[:2]
    >>> changes(doc, money, share)
    True
    """
    return (claim.kind == "percent" and previous.kind in {"money", "count", "measure", "number"}
            and CHANGE_AFTER_GAP.fullmatch(doc.text, previous.end, claim.start) is not None)


# A run of capitalised words (with "of", "de" inside a name): "Civic Alliance", "President Andrei Kovan's National Union".
NAME_RUN = re.compile(r"[A-Z][\w'\u2019.-]*(?:\s+(?:[A-Z][\w'\u2019.-]*))*")


# Titles dropped from the front of an owner's name ("President Andrei Kovan" -> "Andrei Kovan").
PERSON_TITLES = frozenset(["president", "prime", "minister", "mr", "mrs", "ms", "dr", "sen", "rep", "gov",
                           "governor", "chancellor", "premier", "captain", "coach", "skipper", "king", "queen"])


@functools.cache
def _owned() -> frozenset[str]:
    return frozenset(load("generic_counted")["owned"])


def subject_owner(doc: Document, claim: Claim, counted: str | None) -> str | None:
    """Who won or holds an owned figure (a vote share, seats, wickets): the subject of the clause.

    "The Civic Alliance, led by Irina Sava, took 33.9%" -> "Civic Alliance";
    "President Andrei Kovan's National Union won 41%" -> "National Union".
    """
    if not counted or counted.split()[-1] not in _owned() and counted not in _owned():
        return None
    text = doc.text
    sent_start = doc.sentence_span(claim.start)[0]
    left = text[sent_start : claim.start]
    dative = None
    for dative in DATIVE.finditer(left):
        pass
    if dative is not None and AT_MOST_TWO_WORDS.fullmatch(left, dative.end()):
        return _clean_owner(dative.group("who"), doc.lexicon)
    verb = None
    for verb in WIN_VERB.finditer(left):
        pass
    if verb is None:
        return None
    dateline = DATELINE.match(left)
    head = left[dateline.end() if dateline and dateline.end() <= verb.start() else 0 : verb.start()]
    for run in NAME_RUN.finditer(head):
        if POSSESSOR_RUN.match(head, run.end()):
            continue  # "Tessaly's opposition Democratic Union won": the owner comes after the possessor
        name = _clean_owner(run.group(), doc.lexicon, at_start=run.start() == 0)
        if name:
            person = doc.names.person_named(name)  # "Striker Tomas Okoye", "Okoye": the person named
            if person is not None:
                return person.name
            return (doc.names.full_name(name) if " " not in name else None) or name
    body = DEFINITE_BODY.search(head)
    if body is not None:  # "The party took 41.3%": the last party named before, "Unity Party"
        return _named_before(doc, sent_start, body.group("noun").lower())
    return None


#: Period adjectives before a counted noun; the scope reads them as the period ("second-quarter net profit").
PERIOD_ADJECTIVES = frozenset(["first-quarter", "second-quarter", "third-quarter", "fourth-quarter", "full-year",
                               "first-half", "second-half", "half-year", "nine-month"])


# A name in apposition right before an age: "Daniel Kerr, 61,", "Kerr, the 62-year-old former head", "Kerr, aged 61".
AGE_NAME_BEFORE = re.compile(r"(?P<name>[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,3}),\s+(?:(?:the|a|an)\s+)?(?:aged\s+)?$")
# A name right after an age: "the 62-year-old Kerr".
AGE_NAME_AFTER = re.compile(r"\s+(?P<name>[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,3})")


def age_owner(doc: Document, claim: Claim, sent_start: int) -> str | None:
    """The person whose age the figure is, when a person's name stands right beside it ("Daniel Kerr,
    61,", "the 62-year-old Kerr"); None for "a 34-year-old man" or "the driver, 34" (no one named)."""
    m = AGE_NAME_BEFORE.search(doc.text, max(sent_start, claim.start - 60), claim.start)
    if m is None:
        m = AGE_NAME_AFTER.match(doc.text, claim.end)
    if m is None:
        return None
    name = m.group("name")
    person = doc.names.person_named(name)
    if person is not None:
        return person.name
    words = name.split()
    if len(words) == 1:
        return doc.names.full_name(name)  # "the 62-year-old Kerr": "Daniel Kerr", when the article writes it
    # a name of two or three words in apposition to an age is a person's ("John Smith, 34,"), unless a
    # word of it is a title or a place ("Texas Governor", "New York")
    if len(words) <= 3 and not any(w.lower() in PERSON_TITLES for w in words) and not blocked_name(doc.lexicon, words):
        return name
    return None


# A body named by its common noun as the subject: "The party took 41.3%", "the alliance won 97 seats".
DEFINITE_BODY = re.compile(r"(?:^|\s)[Tt]he\s+(?:\w+\s+)?(?P<noun>party|alliance|coalition|bloc|front|movement)\s*$")

#: How far back (in characters) a body named by its common noun is looked for.
BODY_LOOKBACK = 2000


def _named_before(doc: Document, before: int, noun: str) -> str | None:
    """The last name ending in ``noun`` before ``before`` ("Unity Party" for "party"), within BODY_LOOKBACK."""
    last = None
    for run in NAME_RUN.finditer(doc.text, max(0, before - BODY_LOOKBACK), before):
        if run.group().rsplit(None, 1)[-1].lower() == noun:
            last = run
    return _clean_owner(last.group(), doc.lexicon) if last is not None else None


# A part right before a whole: "52 of (the) 150 seats": the 150 belong to no one party.
WHOLE_AFTER_PART = re.compile(r"\d[\d,]*\s+of\s+(?:the\s+)?$")

#: Nouns that name nothing until one says of what: "members of the Afghan opposition".
RELATIONAL_NOUNS = frozenset(["member", "leader", "supporter", "relative", "employee", "staff", "part"])

# "of (the) <noun phrase>" after a relational noun, up to a verb or a clause break.
MEMBER_OF = re.compile(r"\s+of\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?P<np>[A-Za-z][\w'\u2019-]*(?:[ ][A-Za-z][\w'\u2019-]*){0,3})")

# The verb right after a measure with no noun: "800,000 litres had leaked", "5,000 barrels have spilled".
MEASURE_VERB_AFTER = re.compile(r"\s+(?:(?:has|have|had|was|were)\s+)?(?:(?:already|now|so\s+far)\s+)?(?:been\s+)?(?P<verb>[a-z]+)\b")


@functools.cache
def _measure_predicates() -> dict[str, str]:
    return dict(load("generic_counted").get("measure_predicates", {}))


# A purchase right before an amount: "agreed to buy Belgian chipmaker Lumex for", "will pay", "offered".
BUY_FOR = re.compile(
    r"""\b(?:(?P<buy>buy|buys|bought|buying|acquire|acquires|acquired|acquiring|purchase|purchased|sell|sells|sold|selling
            |take\s+over|took\s+over)\s+(?:[\w'\u2019.&-]+\s+){1,6}?for
          |(?:pay|pays|paying|offer|offers|offered|offering|bid|bids|bidding)(?:\s+(?:shareholders|investors))?)
        \s+(?:about|around|some|nearly|roughly|up\s+to|as\s+much\s+as|an\s+estimated)?\s*$""",
    re.VERBOSE,
)

# "per share", "a share", "-a-share" right after an amount.
PER_SHARE = re.compile(r"(?:\s+|-)(?:per|a|an)[\s-]+share\b")


@functools.cache
def _deal_words() -> frozenset[str]:
    return frozenset(load("generic_counted").get("deal_words", ()))


def deal_counted(text: str, claim: Claim, counted: str | None, sent_start: int, sent_end: int) -> str | None:
    """What an amount is in a takeover: the deal's value or the offer per share; else ``counted`` as it was.

    "agreed to buy Lumex for 7.6 billion euros" and "the €7.6bn offer" -> 'deal value';
    "will pay 42.50 euros per share" -> 'offer per share'.
    """
    if counted is not None and counted not in _deal_words():
        return counted
    cue = BUY_FOR.search(text, max(sent_start, claim.start - 80), claim.start)
    if counted is None and cue is None:
        return counted
    per_share = PER_SHARE.match(text, claim.end, min(sent_end, claim.end + 16))
    if per_share:
        return "offer per share"
    if counted is None and cue is not None and not cue.group("buy"):
        return None  # "will pay $2.5 billion" alone: a payment, not said to be a price
    return "deal value"


# A possessor opening a counted phrase: "President Daniel Marlow's approval rating".
POSSESSIVE_SPLIT = re.compile(r"(?P<who>(?:[A-Z][\w.-]*\s+){0,4}[A-Z][\w.-]*)'s\s+(?P<rest>\S.*)$")

# "of <person>'s" right after an owned noun: "approval of President Daniel Marlow's job performance".
OF_POSSESSOR = re.compile(r"\s+of\s+(?:the\s+)?(?P<who>(?:[A-Z][\w.-]*\s+){0,4}[A-Z][\w.-]*)['\u2019]s\b")


def person_possessor(doc: Document, counted_text: str) -> str | None:
    """The person a counted phrase opens with as a possessor, when the article names that person."""
    if "s " not in counted_text:
        return None
    m = POSSESSIVE_SPLIT.match(ascii_quotes(counted_text))
    if m is None:
        return None
    person = doc.names.person_named(m.group("who"))
    return person.name if person is not None else None


def _owned_key(counted: str) -> bool:
    return counted in _owned() or counted.split()[-1] in _owned()


#: Units that only ever measure a temperature.
TEMPERATURE_UNITS = frozenset(["degree_Celsius", "degree_Fahrenheit", "kelvin", "degC", "degF"])

# A placing before a share: "came third with", "finished second with", "was first with".
PLACED_WITH = re.compile(
    r"""\b(?:came|comes|finished|finishes|ended|ends|was|is|placed|places|trailed|trails|followed|won|wins
          |took|takes|secured|secures|leads|led|emerged)
        (?:\s+(?:a\s+)?(?:first|second|third|fourth|fifth|sixth|distant|close|narrow|clear|top|in\s+\w+\s+place))*
        (?:\s+(?:\S+\s+){0,6}?with)\s+(?:(?:just|nearly|almost|about|around|some|over|under|more\s+than)\s+)?$""",
    re.VERBOSE,
)

# A party "on" a share, British style: "the far-right Homeland party on 24.1 percent".
ON_SHARE = re.compile(r"(?P<who>(?:[A-Z][\w'\u2019.-]*\s+)*[A-Z][\w'\u2019.-]*)(?:\s+(?:party|alliance|bloc))?\s+on\s+$")

# Words that make an article an election story (a bare share after a win verb is then a vote share).
ELECTION_WORDS = re.compile(r"\b(?:elections?|votes?|voters|ballots?|polls|referendum|parliamentary|presidential"
                            r"|runoff|run-off|electoral)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=64)
def _election_story(text: str) -> bool:
    """An article that talks of an election or a vote (kept per text: its claims ask in turn)."""
    return ELECTION_WORDS.search(text) is not None


def bare_vote_share(doc: Document, claim: Claim) -> str | None:
    """The party or candidate whose vote share a bare percentage is, in an election story:
    "won the election with 31.4 percent", "came third with 18.9%", "the Homeland party on 24.1%",
    "took 24.3%, or 40 seats".  None when the clause names no winner.
    """
    if not _election_story(doc.text):
        return None
    text = doc.text
    sent_start = doc.sentence_span(claim.start)[0]
    left = text[max(sent_start, claim.start - 160) : claim.start]
    on = ON_SHARE.search(left)
    if on:
        return _clean_owner(on.group("who"), doc.lexicon)
    placed = PLACED_WITH.search(left)
    if placed is None and not WIN_VERB.search(left[-12:]):
        return None
    return subject_owner(doc, claim, "vote")


def _clean_owner(run: str, lex: ContextLexicon, *, at_start: bool = False) -> str | None:
    """A run of capitalised words as an owner: the possessed name, without titles or a leading article.

    >>> lex = ContextLexicon.default()
    >>> _clean_owner("President Andrei Kovan's National Union", lex), _clean_owner("Australian", lex)
    ('National Union', None)
    """
    run = ascii_quotes(run).strip(" ,.")
    possessed = "'s " in run
    if possessed:
        run = run.rsplit("'s ", 1)[1]
    words = run.split()
    while words and (words[0].lower() in {"the", "a", "an"} or (
            not possessed and len(words) > 1 and words[0].lower().rstrip(".") in PERSON_TITLES)):
        words = words[1:]
    if not words or (len(words) == 1 and words[0].lower() in lex.scope.get("demonyms", {})):
        return None
    if all(w.lower() in FUNCTION_WORDS for w in words):
        return None  # "In the women's race, Hellen Obiri won": a sentence opener, not an owner
    return " ".join(words)


# What the text before a figure ends with (past its white space) when POSSESSOR can match there.
POSSESSOR_ENDS = ("his", "her", "their", "its", "own", "'s", "\u2019s")


def _may_end_possessor(window: str) -> bool:
    """A cheap necessary condition for POSSESSOR at the end of ``window``.

    >>> _may_end_possessor("Austin's "), _may_end_possessor("troops, ")
    (True, False)
    """
    stripped = window.rstrip()
    return len(stripped) < len(window) and stripped.endswith(POSSESSOR_ENDS)


def _owner(doc: Document, claim: Claim, counted_end: int | None) -> str | None:
    lo = max(0, claim.start - 60)
    m = POSSESSOR.search(doc.text, lo, claim.start) if _may_end_possessor(doc.text[lo : claim.start]) else None
    who = m.group("who") if m else None
    if who is None and claim.kind == "ordinal" and counted_end is not None:
        by = BY_AGENT.match(doc.text, counted_end)
        who = by.group("who") if by else None
    if who is None:
        return None
    low = who.lower()
    if low in {"his", "her"}:
        person = doc.names.last_person_before(claim.start)
        return person.name if person else None
    if low in {"its", "their"}:
        for att in reversed(attributions_before(doc, claim.start)):
            if doc.names.person_named(att.speaker) is None:
                return att.speaker
        return None
    name = ascii_quotes(who)
    name = name.removesuffix("'s")
    person = doc.names.person_named(name)
    return person.name if person else name


def _counted_end(doc: Document, claim: Claim) -> int | None:
    """Where the extractor's counted phrase ends in the text, searching just after the figure."""
    if not claim.counted_text:
        return None
    at = doc.text.find(claim.counted_text, claim.end, claim.end + 40 + len(claim.counted_text))
    return at + len(claim.counted_text) if at >= 0 else None


def _is_figure_word(doc: Document, counted: str | None) -> bool:
    """A counted key that names the figure rather than a thing: 'figure', 'total', 'number'."""
    return bool(counted) and counted.split()[-1] in doc.lexicon.figure_words and counted != "death"


# The participle right after a share or its counted noun ("10% contained", "of ballots counted").
STATE_AFTER = re.compile(r"\s+(?P<word>[a-z]+)\b")


@functools.cache
def _percent_states() -> dict[str, str]:
    return {k: v for k, v in load("synonyms")["percent_states"].items() if not k.startswith("_")}


def _percent_state(text: str, pos: int) -> str | None:
    """What a share measures when a state participle follows it.

    >>> _percent_state("was 10% contained on Monday", 7), _percent_state("10% of voters", 3)
    ('containment', None)
    """
    m = STATE_AFTER.match(text, pos)
    return _percent_states().get(m.group("word")) if m else None


# What the text before a figure ends with when ``harmed_part`` may read a frame there: "Of the 57 dead, (10)",
# "Among the dead were (12)", "120 were women and (80)", "Of those, at least (10)", "The dead included (two)".
PART_FRAME_ENDS = (", ", "were ", "was ", "are ", "is ", "and ", "least ", "than ", "about ", "nearly ", "some ",
                   "included ", "include ", "includes ")


def annotate_claim(doc: Document, claim: Claim, antecedent: str | None, topic: list[str] | None = None) -> Claim:
    """A copy of ``claim`` with every context field filled (and its topic keys, when given)."""
    text = doc.text
    sent_start, sent_end = doc.sentence_span(claim.start)
    sent_end = max(sent_end, claim.end)
    counted_text = claim.counted_text
    counted_end = _counted_end(doc, claim)
    tail = None
    counted = None
    if counted_text and counted_end is not None:
        clipped = clip_clause(counted_text)
        if clipped != counted_text:
            counted_text, counted_end = clipped, text.find(clipped, claim.end) + len(clipped)
        counted = normalise_counted(counted_text, doc.lexicon)
        if counted == "count" and claim.kind in {"count", "number"}:
            court = court_counted(doc, claim)  # "convicted on 14 counts": charges, not a figure word
            counted = court[0] if court else counted
    tally = counted is None and claim.kind in {"count", "number"} and vote_tally(text, claim.start, claim.end,
                                                                               sent_start, sent_end)
    if tally:
        counted = "vote"  # "voted 51 to 49": both sides count votes (and neither is the subject's)
    if counted is None or _is_figure_word(doc, counted):
        # the noun is not written after the figure (or names the figure itself): read the clause
        found = find_counted(text, claim.start, claim.end, max(sent_start, claim.start - WINDOW),
                             min(sent_end, claim.end + WINDOW), str(claim.kind),
                             antecedent, doc.lexicon)
        if found is not None and found.counted:
            counted, tail = found.counted, found.tail
            counted_text = found.counted_text or counted_text
            counted_end = found.end if found.end is not None else counted_end
        elif counted_text:
            counted = normalise_counted(counted_text, doc.lexicon)
            if _is_figure_word(doc, counted):
                counted = antecedent
    if claim.kind == "percent" and counted in share_bases():
        # "a deficit of 2.8 percent of GDP": the share measures the deficit, GDP is its base
        found = find_counted(text, claim.start, claim.end, max(sent_start, claim.start - WINDOW), claim.end,
                             "percent", None, doc.lexicon)
        if found is not None and found.counted and found.counted not in share_bases():
            counted, counted_text = found.counted, found.counted_text or counted_text
    bare_owner = person_possessor(doc, counted_text) if counted_text and counted else None
    if bare_owner is not None:
        # "President Daniel Marlow's approval rating": the person owns it, it counts the approval
        counted_text = POSSESSIVE_SPLIT.match(ascii_quotes(counted_text)).group("rest")
        counted = normalise_counted(counted_text, doc.lexicon)
    elif counted and counted_text and _owned_key(counted):
        at = counted_end
        if at is None:  # a phrase read leftwards ("Approval of X's job performance fell to 38%")
            found_at = text.rfind(counted_text, sent_start, claim.start)
            at = found_at + len(counted_text) if found_at >= 0 else None
        of = OF_POSSESSOR.match(text, at) if at is not None else None
        person = doc.names.person_named(of.group("who")) if of else None
        bare_owner = person.name if person else None  # "approval of President Daniel Marlow's job performance"
    if claim.kind == "percent" and counted is None:
        bare_owner = bare_vote_share(doc, claim)
        if bare_owner:
            counted = "vote"  # "the Democratic Union won 31.2% in Sunday's election"
    elif counted is None and claim.kind in {"duration", "money", "count", "number"}:
        court = court_counted(doc, claim)
        if court is not None:
            counted, bare_owner = court  # "sentenced to 12 years in prison", "fined $250,000", "14 counts"
    if claim.kind == "age" and counted is None:
        bare_owner = age_owner(doc, claim, sent_start)
        if bare_owner is not None:
            counted = "age"  # "Daniel Kerr, 61,": Kerr's age (an owned quantity: never one with anyone else's)
    if counted in RELATIONAL_NOUNS and counted_end is not None:
        of = MEMBER_OF.match(text, counted_end)
        whole = normalise_counted(of.group("np"), doc.lexicon) if of else None
        if whole:
            counted = f"{whole} {counted}"  # "five members of the Afghan opposition": whose members
    if claim.kind == "money":
        counted = deal_counted(text, claim, counted, sent_start, sent_end)  # "agreed to buy Lumex for 7.6 billion euros"
    if counted is None and claim.kind == "measure" and claim.unit not in TEMPERATURE_UNITS:
        verb = MEASURE_VERB_AFTER.match(text, claim.end, sent_end)
        counted = _measure_predicates().get(verb.group("verb").lower()) if verb else None  # "800,000 litres had leaked"
    if (counted is None or counted in COUNTED_PRONOUNS) and claim.kind in {"count", "number"}:
        after = text[claim.end : min(sent_end, claim.end + PREDICATE_AFTER)]
        # "Seven miners died and 12 were injured": the predicate says what the bare figure counts;
        # "police said 25,000.", "the police put it at 52,000": the noun is left out, the antecedent's
        counted = bare_predicate(after, antecedent) or elided_counted(
            text[max(sent_start, claim.start - 40) : claim.start], after, antecedent)
    if counted is None and claim.kind == "measure" and claim.unit in TEMPERATURE_UNITS:
        counted = "temperature"  # "thermometers reaching 46.1C": a temperature whatever else the clause says
    if claim.kind in {"count", "number"} and counted is not None:
        # "95 people have died", "killed 205 people", "31 people were arrested": what is counted
        # (only the part of the sentence the predicate test reads is cut out)
        before = text[max(sent_start, claim.start - PREDICATE_BEFORE) : claim.start]
        after = text[claim.end : min(sent_end, claim.end + PREDICATE_AFTER)]
        if counted == "other":
            # "seven others remain barricaded" names nothing; "20 others wounded" counts injuries
            # only what follows the noun says what they are, or a verb of harm right before ("injured 12 others")
            counted = with_predicate("people", "", after) or harm_before(before)
        else:
            counted = with_predicate(counted, before, after) or counted
    if claim.kind in {"count", "number"} and (text.startswith(" of ", claim.end) or text[
            max(sent_start, claim.start - 12) : claim.start].endswith(PART_FRAME_ENDS)):
        part = harmed_part(text[max(sent_start, claim.start - 80) : claim.start],
                           text[claim.end : min(sent_end, claim.end + 60)], counted, antecedent, doc.lexicon)
        counted = part or counted  # "Of the 57 dead, 10 were crew members": crew member deaths
    if claim.kind in {"percent", "ratio"}:
        state = _percent_state(text, counted_end if counted_end is not None else claim.end)
        if state is not None:
            # "was 10% contained", "92% of ballots counted": what the share measures
            if counted_end is None or not counted:
                counted, counted_text = state, STATE_AFTER.match(text, claim.end).group("word")
            else:
                counted = f"{counted} {state}"
    scope = find_scope(doc, claim.start, claim.end, counted_end, tail, counted_text, str(claim.kind))
    if counted and scope.info.period and counted.split(" ", 1)[0] in PERIOD_ADJECTIVES and " " in counted:
        # "third-quarter net profit" with the quarter read as its period: the net profit, of that period
        # (so "net income in the three months to September" of another report meets it)
        counted = counted.split(" ", 1)[1]
    measured_in = place_measured(counted, counted_text, doc.lexicon) if counted and counted_text else None
    if measured_in is not None:
        # "German inflation fell to 2.0%": inflation, in Germany (as "inflation in Germany" reads)
        counted, place, written = measured_in
        if not scope.info.places:
            scope.info.places.append(place)
            at = text.find(written, max(sent_start, claim.start - 200), sent_end)
            scope.pieces.append((at if at >= 0 else claim.start, written))
    if not scope.info.places:
        there = place_there(doc, claim.start, sent_start)
        if there is not None:  # "officials in Alabama said the toll there had reached 10": Alabama's toll
            scope.info.places.append(there)
            scope.pieces.append((claim.start, "there"))
    speaker, role = speaker_of(doc, claim.start, claim.end)
    when = find_as_of(doc, claim.start, claim.end, scope.used)
    article = doc.article
    update: dict[str, object] = {
        "counted": counted,
        "counted_text": counted_text,
        "owner": None if tally or WHOLE_AFTER_PART.search(text, max(sent_start, claim.start - 20), claim.start)
        else bare_owner or _owner(doc, claim, counted_end) or subject_owner(doc, claim, counted),
        "scope": scope.text,
        "scope_info": scope.info,
        "speaker": speaker,
        "speaker_role": role,
        "as_of": when.as_of,
        "as_of_end": when.as_of_end,
        "as_of_text": when.text,
        "projection": when.projection,
        "source": claim.source if claim.source is not None else article.source,
        "url": claim.url if claim.url is not None else article.url,
        "published": claim.published if claim.published is not None else article.published,
        "title": claim.title if claim.title is not None else article.title,
    }
    if topic is not None:
        update["topic"] = topic
    return updated(claim, update)  # claim.model_copy(update=update)


@functools.cache
def _place_measured() -> frozenset[str]:
    return frozenset(load("generic_counted")["place_measured"])


@functools.cache
def _known_places(lex: ContextLexicon) -> frozenset[str]:
    """Names that are places whatever their case: countries, states, aliases ("u.s.", "euro area") and demonyms."""
    sc = lex.scope
    aliases = sc.get("place_aliases", {})
    return frozenset([*lex.countries, *lex.states, *aliases, *aliases.values(), *sc.get("demonyms", {})])


def place_measured(counted: str, counted_text: str, lex: ContextLexicon) -> tuple[str, str, str] | None:
    """A figure measured over a place, its place written as a modifier: (what is counted, the place, the
    place as written); None when the counted thing is not measured over a place (lexicon
    ``generic_counted.json``, ``place_measured``) or no known place opens it.

    >>> lex = ContextLexicon.default()
    >>> place_measured("german inflation", "German inflation", lex)
    ('inflation', 'germany', 'German')
    >>> place_measured("u s unemployment rate", "U.S. unemployment rate", lex)
    ('unemployment rate', 'united states', 'U.S.')
    >>> place_measured("euro zone inflation", "euro zone inflation", lex)
    ('inflation', 'euro zone', 'euro zone')
    >>> place_measured("russian troop", "Russian troops", lex), place_measured("core inflation", "core inflation", lex)
    (None, None)
    """
    words = counted.split()
    for n in range(1, len(words)):
        rest = " ".join(words[n:])
        if rest not in _place_measured():
            continue
        tokens = ascii_quotes(counted_text).split()
        for k in range(1, min(len(tokens), 3) + 1):
            written = " ".join(tokens[:k])
            bare = written.removesuffix("'s").lower()
            if bare in _known_places(lex) or bare.replace(".", "") in _known_places(lex):
                place = normalise_place(written, lex)
                if place:
                    return rest, place, written
        return None
    return None


# A demonym or other capitalised modifier right before a troop-like noun: "Russian troops".
MODIFIED_NOUN = re.compile(r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+([a-z]+)\b")


# "of them" or a place preposition right after a bare count ("8,000 in Kursk", "3,000 of them").
PLACE_OR_PARTITIVE = re.compile(r"\s+(?:of\s+(?:them|those|these)|in|inside|at|near|across)\b")


@functools.cache
def _synonyms(lex: ContextLexicon, head: str) -> tuple[frozenset[str], re.Pattern[str]]:
    """The words folded into ``head``, and a pattern for a reference back to it ("the troops", "of them")."""
    words = frozenset({k for k, v in lex.fold.items() if v == head} | {head, head + "s"})
    pattern = re.compile(rf"\b(?:the|these|those|them|such)\s+(?:{alternation(words)})\b|\bof\s+them\b")
    return words, pattern


def continues(doc: Document, claim: Claim, antecedent: str | None) -> bool:
    """Whether a bare count ("2,600 soldiers", "8,000 in Kursk") counts the antecedent's thing.

    Only for counts with no modifier of their own, whose head is the antecedent's head (or who have
    no noun at all), when the sentence refers back ("the troops", "of them", a subset phrase) and
    names no other kind of the same thing ("Russian troops").
    """
    if antecedent is None or claim.kind not in {"count", "number"}:
        return False
    counted = claim.counted
    head = antecedent.split()[-1]
    if counted == antecedent or (counted is not None and (" " in counted or counted != head)):
        return False
    sent_start, sent_end = doc.window(claim.start, claim.end)
    sentence = doc.text[sent_start:sent_end]
    lex = doc.lexicon
    synonyms, refers_back = _synonyms(lex, head)
    for m in MODIFIED_NOUN.finditer(sentence):
        if m.group(2) in synonyms:
            modifier = normalise_counted(m.group(), lex)
            if modifier and modifier != antecedent:
                return False  # "Russian troops lost 1,600 soldiers"
    if counted is None:
        after = doc.text[claim.end : claim.end + 30]
        return bool(PLACE_OR_PARTITIVE.match(after))
    refers = refers_back.search(sentence)
    return bool(refers or not claim.scope_info.is_empty() and claim.scope_info.subset)


#: Pronouns read as a counted phrase ("a survey that put it at 38%"): they name what the figure before counts.


def inherited_counted(doc: Document, claim: Claim, previous: Claim | None) -> str | None:
    """What a figure counts when it only restates the figure before it: a conversion in parentheses
    ("at a depth of 10 km (6.2 miles)": the depth), the share it moved by ("revenue of $94.9 billion, up
    6%"), its earlier value ("159 cases, up from 146 last week") or a pronoun ("a survey that put it at
    38%", after "approval stands at 42%": the approval), from a figure of the same kind in the same
    sentence.
    """
    if previous is None or not previous.counted or previous.counted in COUNTED_PRONOUNS:
        return None
    if claim.counted and claim.counted not in COUNTED_PRONOUNS:
        return None
    if claim.counted is None and changes(doc, previous, claim):
        return previous.counted  # "revenue of $94.9 billion, up 6%": the share is its change
    if previous.end > claim.start or previous.sentence_start != claim.sentence_start:
        return None
    if claim.counted is None and _compared_from(doc, previous, claim):
        return previous.counted  # "grown to 159 cases ..., up from 146 last week": the same count, earlier
    if (claim.counted is None and previous.kind == "percent" and claim.kind in {"count", "number", "money", "measure"}
            and SHARE_THEN_LEVEL.fullmatch(doc.text, previous.end, claim.start)):
        return previous.counted  # "Homicides fell 12% last year to 19,252": the level the share moved it to
    if claim.kind != previous.kind or claim.kind not in {"measure", "money", "percent", "count", "number"}:
        return None
    if claim.counted in COUNTED_PRONOUNS:
        return previous.counted if not DIGIT.search(doc.text, previous.end, claim.start) else None
    gap = CONVERSION_GAP.fullmatch(doc.text, previous.end, claim.start)
    after = doc.text[claim.end : claim.end + 2].lstrip()
    return previous.counted if gap is not None and after.startswith(")") else None


# A digit: another figure in between.
DIGIT = re.compile(r"\d")

# Between a share a thing moved by and the level it reached: "fell 12% last year to 19,252", "rose 5% to
# $4.1 billion" (no stop, clause mark or other figure between).
SHARE_THEN_LEVEL = re.compile(r"[^.;:!?\d]{0,30}?\bto\s+")

# Right before a figure that gives the earlier value of the figure before it: "159 cases, up from 146
# last week", "3.9%, down from 4.2% in March", "41 deaths, compared with 37 a day earlier".
COMPARED_FROM = re.compile(
    r"""\b(?:(?:up|down|rising|falling|climbing|dropping|higher|lower|increasing|decreasing)\s+from
         |compared\s+(?:with|to)|against)
        \s+$""",
    re.VERBOSE,
)


#: An earlier value at most this many days before the figure compared with it is the same running count
#: ("159 cases, up from 146 last week"); one further back is another edition of the event ("turnout was
#: 58.2%, down from 61% in 2021": the last election's turnout) and is not given the counted thing, nor is a
#: value of another period ("down from 4.2% in January": last month's rate).
SAME_RUN_DAYS = 31
#: An as-of span this long or longer is a reporting period (a month, a quarter, a year), not a date.
PERIOD_DAYS = 27


def _compared_from(doc: Document, previous: Claim, claim: Claim) -> bool:
    """Whether ``claim`` is the earlier value of the same running count the figure ``previous`` before it
    is compared with, in one sentence with no other figure between ("grown to 159 cases, the department
    said, up from 146 last week"; not "58.2%, down from 61% in 2021").
    """
    kinds = {claim.kind, previous.kind}
    if not (len(kinds) == 1 or kinds <= {"count", "number"}) or claim.kind == "ordinal":
        return False
    if claim.as_of is not None and claim.as_of_end is not None and (claim.as_of_end - claim.as_of).days >= PERIOD_DAYS:
        return False  # "down from 4.2% in January": a value of another period (a month, a year), not a running count
    if claim.as_of is not None and previous.as_of is not None and (previous.as_of - claim.as_of).days > SAME_RUN_DAYS:
        return False
    gap_start = max(previous.end, claim.start - 80)
    if DIGIT.search(doc.text, previous.end, claim.start):
        return False
    return COMPARED_FROM.search(doc.text[gap_start : claim.start]) is not None


def share_change_context(claims: list[Claim]) -> list[Claim]:
    """The two ends of a change ("from 27 to 25") share what is counted and its scope."""
    by_change: dict[str, list[int]] = {}
    for i, c in enumerate(claims):
        if c.change_id:
            by_change.setdefault(c.change_id, []).append(i)
    out = list(claims)
    for members in by_change.values():
        donor = next((claims[i] for i in members if claims[i].counted), None)
        if donor is None:
            continue
        for i in members:
            c = out[i]
            update: dict[str, object] = {}
            if not c.counted:
                update.update(counted=donor.counted, counted_text=c.counted_text or donor.counted_text)
            if c.scope is None and donor.scope is not None:
                update.update(scope=donor.scope, scope_info=donor.scope_info.model_copy(deep=True))
            if update:
                out[i] = c.model_copy(update=update)
    return out
