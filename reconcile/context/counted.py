"""What a figure counts or measures: normalise the noun phrase, or find it when it is not next to the number.

``normalise_counted`` turns the phrase as written into a comparable key: lower case, head noun
lemmatised, generic adjectives dropped, synonyms folded through ``synonyms.json``
("nearly 11,000 North Korean infantry troops" and "1,500 North Korean soldiers" both give
"north korean troop"; "Russian troops" gives "russian troop").  ``find_counted`` reads the clause
around a figure whose noun is elsewhere: "the death toll rose to 205", "the number of X is 3,000",
"troops numbering about 3,000", "a toll of 200", "11,000 of them", "$2bn in insured losses".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from reconcile.context.document import ascii_quotes
from reconcile.context.lexicon import ContextLexicon, trie
from reconcile.extract.nouns import counted_after
from reconcile.extract.scan import NOT_MEN_PLURALS, is_plural_noun
from reconcile.lexicons import load

# A word of a noun phrase (letters, inner hyphens and apostrophes).
WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")

# Words that end a noun phrase read left to right: prepositions, relatives, auxiliaries.
NP_END = frozenset(
    ["in", "on", "at", "from", "to", "into", "inside", "within", "across", "near", "of", "for", "by", "with", "without", "during", "since", "who", "that", "which", "were", "are", "was", "is", "have", "has", "had", "will", "would", "could", "can", "may", "might", "be", "been", "being", "and", "or", "but", "while", "as", "than", "per", "said", "says", "after", "before", "under", "over", "according"]
)

# Hedge words that may sit between a cue and the figure ("rose to nearly 205").
HEDGE = r"(?:nearly|almost|about|around|roughly|approximately|some|over|more\s+than|at\s+least|just\s+over|just\s+under|up\s+to|an\s+estimated|as\s+many\s+as|close\s+to|upwards\s+of|fewer\s+than|less\s+than|under|above)"

#: Verbs of one word that lead from a noun phrase to its level: "the toll rose to", "deaths stood at".
LEVEL_VERBS = [
    "rose", "risen", "rises", "climbed", "climbs", "jumped", "jumps", "increased", "increases", "grew", "grown", "reached", "reaches",
    "stood", "stands", "was", "is", "were", "are", "hit", "hits", "topped", "tops", "numbered", "numbers", "totalled", "totaled", "totals",
    "surpassed", "surpasses", "exceeded", "exceeds", "passed", "fell", "falls", "dropped", "drops", "declined", "declines",
    "decreased", "soared", "soars", "swelled", "came", "comes", "amounted", "amounts", "neared", "nears", "doubled", "tripled",
    "slowed", "slows", "eased", "eases", "cooled", "cools", "accelerated", "accelerates", "quickened", "quickens",  # a rate moves
    "expanded", "expands", "contracted", "contracts", "shrank", "shrunk", "shrinks", "edged", "edges", "ticked", "ticks", "inched", "inches",
    "crept", "creeps", "slipped", "slips", "dipped", "dips", "plunged", "plunges", "tumbled", "tumbles", "surged", "surges", "slid", "slides",
    "rebounded", "rebounds", "slumped", "slumps", "sank", "sinks", "rallied", "rallies", "widened", "widens", "narrowed", "narrows",
    "moderated", "moderates", "went", "goes", "held", "holds", "remained", "remains", "stayed", "stays",
    "rising", "falling", "widening", "narrowing", "climbing", "dropping", "growing", "easing", "slowing",  # "the deficit widening to"
    "gained", "gains", "lost", "loses", "advanced", "advances", "retreated", "retreats", "shed", "sheds",
    "reaching", "hitting", "topping", "nearing", "surpassing", "exceeding", "standing",  # "with the toll reaching"
]

#: Verbs that carry a level verb after them ("the toll continued to rise", "deaths kept climbing"): a
#: participle after the clause's comma ("..., reaching 40") reads the subject before them.
CARRY_VERBS = ["continued", "continues", "kept", "keeps", "began", "begins", "started", "starts"]

# "<noun phrase> rose to | stood at | reached | is ... <figure>": the phrase counted, read leftwards.
# (The one-word verbs are a trie: a verb must be followed by white space, so at most one of them can
# match at a place and their order does not matter; re tries the trie's few branches where it tried
# every verb.  The first white space is matched before the look-behind, so re skips to white space.)
VERB_BEFORE = re.compile(
    rf"""\s(?<=[\w'\u2019.]\s)\s*                   # the noun phrase ends here: a word or an abbreviation ("U.S.")
        (?:has\s+|have\s+|had\s+)?(?:now\s+|already\s+|since\s+)?
        (?:{trie(LEVEL_VERBS)}
          |been\s+put|was\s+put|is\s+put|revised|raised|lowered|put
          |(?P<measure_verb>runs|ran|stretches|stretched|spans|spanned|extends|extended|measures|measured
            |covers|covered|costs|cost|burned|burnt|scorched|charred|consumed|blackened)  # "the line runs 1,200 miles"
          |(?:is\s+|are\s+|was\s+|were\s+)?(?:could|may|might|will|would|to|expected\s+to|likely\s+to|set\s+to)\s+
            (?:reach|rise|climb|top|hit|exceed|total|be|surpass|increase|grow|pass|fall|drop|double
              |(?P<measure_modal>run|stretch|span|extend|measure|cover|cost|burn|scorch|char|consume|blacken))  # "will run 1,200 miles"
          |(?:is|was|are|were|been|be|being)\s+
            (?:estimated|put|pegged|valued|projected|forecast|expected|set|calculated|believed|thought|reported)
            (?:\s+to\s+(?:be|reach|top|exceed|hit|total|have\s+reached))?)
        (?:\s+(?:up|down|higher|lower|back|steady|unchanged))?  # "edged up to", "held steady at"
        (?:\s+(?:by\s+)?\d[\d.,]*\s*(?:%|per\s*cent|percent))?  # "fell 9% to": the change before the level
        (?:\s+(?:to|at|by|from|around|up\s+to))?\s+       # optional particle
        (?:{HEDGE}\s+)?$                                   # optional hedge right before the figure
    """,
    re.VERBOSE,
)

# The verb of a clause a participle after its comma goes on from: "The death toll (has) continued to rise,
# reaching 40", "Deaths rose on Monday, reaching 40", "the toll had risen overnight, reaching 40".
CLAUSE_VERB = re.compile(
    rf"""\s(?:(?:has|have|had)\s+)?(?:now\s+|already\s+)?   # an auxiliary and an adverb
        (?:{trie(LEVEL_VERBS + CARRY_VERBS)})\s          # the verb, followed by white space
    """,
    re.VERBOSE,
)

# A participle of a level verb right after a comma, before the figure: ", reaching 40", ", rising to 40".
PARTICIPLE_AFTER_COMMA = re.compile(
    rf""",\s*(?P<verb>{trie([v for v in LEVEL_VERBS if v.endswith("ing")])})  # the participle
        (?:\s+(?:up|down|higher|lower))?(?:\s+(?:to|at))?\s+             # "edging up to"
        (?:{HEDGE}\s+)?$                                              # a hedge right before the figure
    """,
    re.VERBOSE,
)


def participle_subject(before_verb: str) -> str | None:
    """The subject a participle after a comma reads back to: the noun phrase before the verb of the
    clause that ends at the comma.  ``before_verb`` is the text up to the participle.

    >>> participle_subject("The death toll continued to rise, reaching")
    'death toll'
    >>> participle_subject("Officials said the toll had risen overnight, reaching")
    'toll'
    >>> participle_subject("Rescuers pulled 12 bodies from the rubble, reaching") is None
    True
    """
    comma = before_verb.rfind(",")
    clause = before_verb[: comma + 1]
    stop = max(clause.rfind(",", 0, comma), clause.rfind(";", 0, comma))
    clause = clause[stop + 1 : comma]
    verb = None
    for verb in CLAUSE_VERB.finditer(clause + " "):
        pass
    if verb is None:
        return None
    return _np_tail(clause[: verb.start()]) or None


# "the number of <noun phrase> (in ...) <verb> <figure>".
NUMBER_OF = re.compile(
    r"""\b(?:the|a)\s+(?:total\s+)?(?:number|count|tally|total)\s+of\s+(?P<np>[A-Za-z][\w'\u2019 -]{0,80}?)
        (?:\s+(?:in|on|at|from|inside|across)\s+[^,;]{1,60}?)?\s+
        (?:has\s+|have\s+)?(?:rose|risen|climbed|reached|stood|stands|was|is|hit|topped|grew|passed|exceeded|increased|fell|dropped)
        (?:\s+(?:to|at|by))?\s+(?:\w+\s+){0,2}$""",
    re.VERBOSE | re.IGNORECASE,
)

# "a 12% rise in <noun phrase> to <figure>": the level reached by what rose.
CHANGE_IN = re.compile(
    rf"""\b(?:rise|increase|jump|fall|drop|decline|gain|surge|slump|slide|dip|climb)\s+in\s+
        (?P<np>[A-Za-z][\w'\u2019 -]{{1,60}}?)\s+to\s+(?:{HEDGE}\s+)?$""",
    re.VERBOSE,
)

# "<figure> rise in <noun phrase>": a share that is the change of what follows.
CHANGE_IN_AFTER = re.compile(
    r"""^\s+(?:rise|increase|jump|fall|drop|decline|gain|surge|slump|slide|dip|climb|cut|reduction)\s+in\s+
        (?P<np>[a-z][\w'\u2019 -]{0,60})""",
    re.VERBOSE | re.IGNORECASE,
)

# A date word that ends a noun phrase read rightwards: "deaths last year", "profit this quarter".
TIME_TAIL = re.compile(r"\s(?:last|this|next|yesterday|today|so|since|over|during|until)\b")

# "<noun phrase> numbering (about) <figure>".
NUMBERING = re.compile(  # (white space first, then the look-behind: re skips to white space)
    rf"\s(?<=[\w'\u2019.]\s)\s*(?:numbering|totalling|totaling|counting)\s+(?:{HEDGE}\s+)?$",
)

# "revised its count of protesters to <figure>", "put the number of dead at <figure>".
SET_TO = re.compile(
    rf"""\b(?:revised|raised|lowered|updated|increased|reduced|cut|put|puts|brought|pegged|set
          |raising|bringing|brings|taking|takes|took|pushing|pushed|lifting|lifted)\s+   # "raising the death toll to"
        (?P<np>(?:its|their|his|her|the)\s+[A-Za-z][\w'\u2019 -]{{1,60}}?)\s+(?:to|at)\s+(?:{HEDGE}\s+)?$""",
    re.VERBOSE,
)

# A time phrase ending a noun phrase: "the total so far this year", "the toll since Monday" (the scope's).
TIME_TAIL = re.compile(
    r"""\s+(?:(?:so\s+far\s+)?(?:this|last)\s+(?:year|month|week)|so\s+far|to\s+date|since\s+.*|in\s+(?:19|20)\d\d)$""",
    re.IGNORECASE,
)

# "cut interest rates (by a quarter point) to <share>", "raised fares to <amount>": a level set, its noun
# with no determiner (SET_TO reads those with one).
SET_BARE_TO = re.compile(
    rf"""\b(?:raised|raises|raising|cut|cuts|cutting|lowered|lowers|lowering|reduced|reduces|reducing
          |hiked|hikes|hiking|increased|increases|increasing)\s+
        (?P<np>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){{0,2}}?)         # "interest rates", "fares"
        (?:\s+by\s+[\w.,% -]{{1,30}}?)?\s+to\s+(?:{HEDGE}\s+)?$   # "by a quarter point": the change
    """,
    re.VERBOSE,
)

# "raises defence spending by <figure>": the change of what is raised, not its level.
SET_BY = re.compile(
    rf"""\b(?:raises|raise|raised|raising|boosts|boost|boosted|boosting|increases|increase|increased|increasing
          |cuts|cut|cutting|reduces|reduce|reduced|reducing|lifts|lifted|trims|trimmed|slashes|slashed)\s+
        (?P<np>(?:its\s+|their\s+|the\s+)?[a-z][\w'\u2019 -]{{1,50}}?)\s+by\s+(?:{HEDGE}\s+)?$""",
    re.VERBOSE,
)

# "<noun phrase> will rise | rose | fell by <figure>": a change, not a level.
MOVED_BY = re.compile(
    rf"""(?<=[\w'\u2019])\s+(?:has\s+|have\s+|had\s+|will\s+|would\s+|could\s+|is\s+set\s+to\s+|is\s+expected\s+to\s+)?
        (?:rose|risen|rises|rise|fell|fallen|falls|fall|grew|grown|grows|grow|increased|increases|increase
          |decreased|decreases|decrease|dropped|drops|drop|jumped|jumps|jump|climbed|climbs|climb|declined|declines
          |decline|shrank|shrinks|shrink)\s+by\s+(?:{HEDGE}\s+)?$""",
    re.VERBOSE,
)

# "a toll of | insured losses of | a budget of <figure>".
NOUN_OF = re.compile(  # (white space first, then the look-behind: re skips to white space)
    rf"\s(?<=[\w'\u2019.]\s)\s*(?:of|at|worth)\s+(?:{HEDGE}\s+)?$",
)

# "at a" / "with a" before the noun of "<noun> of <figure>": "hit at a depth of", "built with a capacity of";
# the words before belong to the clause, not to what the figure measures.
AT_A_NOUN = re.compile(r"^(?:.*\s)?(?:at|with)\s+(?:a|an|the)\s+(?=\S)", re.IGNORECASE)

# "for <figure>" right after a figure: a score ("9 for 233"), not a count of anything named.
SCORE_AFTER = re.compile(r"\s+for\s+\d")

# A cheap test that a clause may hold "the number of ..." before running NUMBER_OF on it.
NUMBER_OF_HINT = re.compile(r"(?:number|count|tally|total)\s+of\s")

# An aside inside a counted phrase: ", including NFIP claims," (blanked before reading leftwards).
ASIDE = re.compile(r",\s*(?:including|excluding|not\s+including|not\s+counting|such\s+as|which|who|whose)\b[^,]{1,60},")

# "<figure> of them | of those | of whom".
OF_PRONOUN = re.compile(r"^\s+of\s+(?:them|those|these|whom|which)\b", re.IGNORECASE)

# "<figure> of <figure> <noun>": "52 of 150 seats", "nine of the 11 victims", "900 of the country's 6,500
# polling stations".
OF_NUMBER = re.compile(
    r"""^\s+of\s+(?:the\s+)?(?:[a-z]+['\u2019]s\s+)?
        (?:\d[\d,]*|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?|two|three|four|five|six
          |seven|eight|nine|ten|eleven|twelve|[a-z]+teen|hundred)       # the whole, as a figure
        \s+(?P<np>[a-z][\w-]*[a-z](?:\s+[a-z][\w-]*[a-z]){0,2})\b""",  # its noun phrase (trimmed in code)
    re.VERBOSE,
)

# "<figure> of the <noun phrase>".
OF_THE = re.compile(r"^\s+of\s+(?:the|its|their|his|her)\s+(?P<np>[a-z][\w'\u2019 -]{0,60})", re.IGNORECASE)

# "<money or measure> in | of <noun phrase>": "$2bn in insured losses", "491 litres of rain".
# ("in" with a lower-case phrase only: "3,500 hectares in Extremadura" is a place, read by scope).
IN_OF_AFTER = re.compile(r"^\s+(?:(?i:of|worth\s+of|for)\s+(?P<np>[A-Za-z][\w'\u2019 -]{0,60})"
                         r"|(?i:in)\s+(?P<in_np>[a-z][\w'\u2019 -]{0,60}))")

# A verb of killing, wounding or infecting right before a bare figure: "killed 31 since late July",
# "injuring 12", "sickened more than 4,300".
HARM_BEFORE = re.compile(
    rf"""\b(?:(?P<death>killed|killing|kills|kill)
          |(?P<injury>injured|injuring|injures|wounded|wounding|wounds)
          |(?P<case>sickened|sickening|sickens|infected|infecting|infects))
        \s+(?:{HEDGE}\s+)?$""",
    re.VERBOSE,
)

# A determiner right before a measure or an amount used as an adjective: "the 1,931 km line", or
# "a" in an apposition or after a copula ("the Karsk pipeline, a 1,931 km line"; "it is a $2bn deal"),
# never "dropped a 900 kilogram bomb": an instance, not a quantity others report.
ATTRIBUTIVE_BEFORE = re.compile(
    rf"""(?:\b(?:[Tt]he|its|their|his|her)
         | (?:,|\b(?:is|was|are|were|be|been|becomes|became))\s+(?:[Aa]n?)
        )\s+(?:{HEDGE}\s+)?$""",
    re.VERBOSE,
)

# The noun a measure or an amount qualifies: "1,931 km line", "$1.2bn deal", "40-hectare site".
ATTRIBUTIVE_NOUN = re.compile(
    r"""(?:-|\s+)                             # a hyphen or a space after the figure
        (?P<np>(?:[a-z][a-z-]*\s+){0,2}       # at most two lower-case modifiers ("gas pipeline")
        [a-z][a-z-]*[a-z])\b                   # the noun
        (?!\s+(?:of|in|for)\b)                 # not "a 30 km stretch of road": the measure is of the road
    """,
    re.VERBOSE,
)

# "of" right after an attributive noun: "a 30 km stretch of road" measures the road.
OF_NEXT = re.compile(r"\s+of\b")

# Heads named before what they measure: "the cost of the project" -> "project cost".
OF_HEADS = frozenset(["cost", "costs", "price", "value", "budget", "length", "area", "size", "height",
                      "depth", "width", "weight", "revenue", "revenues", "turnover", "bill", "valuation"])

# "<head> of (the) <noun phrase>": the phrase of a measured head.
HEAD_OF = re.compile(r"^(?P<head>[a-z]+)\s+of\s+(?:the\s+|its\s+|their\s+|a\s+|an\s+)?(?P<np>[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?)$",
                     re.IGNORECASE)


@dataclass(frozen=True)
class Counted:
    """The counted thing of one claim: normalised, as written, and where the phrase ends."""

    counted: str | None
    counted_text: str | None
    end: int | None  # offset just after the phrase in the article text, when it follows the figure
    tail: tuple[int, int] | None = None  # a prepositional tail of the phrase ("in Chiva"), for scope


def lemma(word: str, lex: ContextLexicon) -> str:
    """Singular form of an English noun, from the irregular table or the regular rules.

    >>> lex = ContextLexicon.default()
    >>> [lemma(w, lex) for w in ["troops", "casualties", "buses", "children", "homes", "news", "boxes", "Israelis"]]
    ['troop', 'casualty', 'bus', 'child', 'home', 'news', 'box', 'israeli']
    >>> [lemma(w, lex) for w in ["fishermen", "policemen", "abdomen", "Yemen"]]
    ['fisherman', 'policeman', 'abdomen', 'yemen']
    """
    w = word.lower()
    if w in lex.irregular_plurals:
        return lex.irregular_plurals[w]
    if w in lex.invariant or len(w) <= 3:
        return w
    if w.endswith("men") and len(w) > 4 and w not in NOT_MEN_PLURALS:
        return w[:-3] + "man"  # "fishermen", "gunmen", "servicemen"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return w[:-2]
    if w.endswith("oes") and len(w) > 5:
        return w[:-2]
    if w.endswith("is") and w[:-1] in lex.scope.get("demonyms", {}):
        return w[:-1]  # "Israelis", "Iraqis", "Pakistanis"
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


@functools.cache
def _demonym_of(lex: ContextLexicon) -> dict[str, str]:
    """Place -> its adjective ('ukraine' -> 'ukrainian'), so "Ukraine's troops" reads "ukrainian troop"."""
    return {v: k for k, v in lex.scope.get("demonyms", {}).items()}


@functools.cache
def _folded_lemmas(lex: ContextLexicon) -> dict[str, str]:
    """The fold table keyed by singular forms too ('trip' as well as 'trips')."""
    return {lemma(k, lex): v for k, v in lex.fold.items() if " " not in k}


def _words(phrase: str) -> list[str]:
    return [w.lower().replace("\u2019", "'") for w in WORD.findall(ascii_quotes(phrase))]


def _trim(words: list[str], lex: ContextLexicon) -> list[str]:
    """Cut a phrase at its first boundary word or trailing participle (keeping death/injury ones)."""
    out: list[str] = []
    for i, w in enumerate(words):
        if w in NP_END and out:
            break
        if w in NP_END:
            continue
        following = words[i + 1] if i + 1 < len(words) else None
        if out and w.endswith(("ing", "ed")) and w not in lex.fold and (
            w not in lex.death_participles and w not in lex.injury_participles
        ) and (following is None or following in NP_END):
            break  # "troops training in ...": a participle, not an adjective such as "insured losses"
        out.append(w)
        if w in lex.death_participles or w in lex.injury_participles:
            break
    return out


def normalise_counted(phrase: str | None, lex: ContextLexicon | None = None) -> str | None:
    """The comparable key of a counted phrase.

    >>> normalise_counted("North Korean infantry troops")
    'north korean troop'
    >>> normalise_counted("North Korean soldiers")
    'north korean troop'
    >>> normalise_counted("Russian troops")
    'russian troop'
    >>> normalise_counted("people killed")
    'death'
    >>> normalise_counted("insured losses")
    'insured loss'
    >>> normalise_counted("cost of the project")
    'project cost'
    """
    if not phrase:
        return None
    return _normalise(phrase, lex or ContextLexicon.default())


@functools.lru_cache(maxsize=1 << 14)  # phrases repeat within and across articles
def _normalise(phrase: str, lex: ContextLexicon) -> str | None:
    of_form = HEAD_OF.match(ascii_quotes(phrase).strip())
    if of_form and of_form.group("head").lower() in OF_HEADS:
        phrase = f"{of_form.group('np')} {of_form.group('head')}"  # "cost of the project" -> "project cost"
    words = _trim(_words(phrase), lex)
    if not words:
        return None
    head: str | None = None
    mods: list[str] = []
    participle = None
    if len(words) > 1 and (words[-1] in lex.death_participles or words[-1] in lex.injury_participles):
        participle = "death" if words[-1] in lex.death_participles else "injury"
        words = words[:-1]
    for n in (3, 2, 1):
        if len(words) >= n and " ".join(words[-n:]) in lex.fold:
            head, mods = lex.fold[" ".join(words[-n:])], words[:-n]
            break
    if head is None:
        single = lemma(words[-1], lex)
        head, mods = _folded_lemmas(lex).get(single, single), words[:-1]
    if participle:
        head = participle if head == "people" else f"{head} {participle}"
    demonym_of = _demonym_of(lex)
    kept: list[str] = []
    for m in mods:
        if m in lex.generic or m in lex.redundant.get(head, ()) or any(ch.isdigit() for ch in m):
            continue
        if m.endswith("'s"):
            if m[:-2] in lex.weekdays or m[:-2] in lex.months or m[:-2] in {"today", "yesterday", "tomorrow"}:
                continue  # "Thursday's protesters": a date, not a kind of protester
            m = demonym_of.get(m[:-2], m[:-2])
        kept.append(m)
    return " ".join([*kept, head]) or None


# Prepositions a counted phrase may keep when a place follows ("rainfall in Chiva").
INNER_PREPS = frozenset(["in", "of", "on", "at", "across", "inside", "from", "among", "throughout"])

# A word that is a dash or a parenthesis: the end of a dateline or an aside ("(AP)", "—", "-").
DATELINE_MARK = re.compile(r"^[-\u2013\u2014]+$|[()]")

# Words right before an -ed word that make it a finite verb ("he expected", "now expected",
# "initially reported"): the noun phrase starts after it.
VERB_SUBJECTS = frozenset(["he", "she", "it", "they", "we", "i", "you", "now", "also", "then", "still", "already",
                           "just", "had", "has", "have", "initially", "originally", "previously", "first", "later",
                           "earlier", "recently"])

# Words that make "of" part of a compound preposition ("in front of", "ahead of"), never a phrase's tail.
PREPOSITION_HEADS = frozenset(["front", "ahead", "because", "instead", "out", "spite", "top", "behalf", "view"])

# Adverb particles of a verb ("revised down from", "went up in").
PARTICLES = frozenset(["up", "down", "back", "out", "off", "higher", "lower"])

# Words that start the clause before a counted phrase ("officials said the ...", "AccuWeather put ...").
LEFT_STOPS = frozenset(["the", "a", "an", "that", "its", "their", "his", "her", "this", "these", "those", "said", "says", "put", "puts", "estimated", "estimates",
                        # reporting verbs whose object is the figure's noun: "data showed unemployment at 6.1%"
                        # (not "confirmed" or "reported": "confirmed cholera cases" is a noun phrase)
                        "showed", "shows", "show", "revealed", "reveals", "indicated", "indicates", "suggested", "suggests",
                        "told"])


#: Adverbs that may close a subject before its verb without being part of it ("the toll there alone").
TRAILING_ADVERBS = frozenset(["alone", "there", "here", "now", "too", "also", "so", "far", "itself"])


# Where a thing is, after it: "north of Los Angeles", "near Santa Clarita", "outside Paris" (the scope's).
LOCATIVE_TAIL = re.compile(
    r"""\s+(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of|near|outside)
        \s+(?:the\s+)?[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*)*\s*$""",
    re.VERBOSE,
)


def _np_tail(np_text: str) -> str:
    """The noun phrase at the end of a clause fragment, with its prepositional tail.

    >>> _np_tail("Officials said the death toll")
    'death toll'
    >>> _np_tail("Rainfall in Chiva")
    'Rainfall in Chiva'
    >>> _np_tail("The death toll from the storm")
    'death toll from the storm'
    >>> _np_tail("officials said the toll there alone")
    'toll'
    >>> _np_tail("Revenue for its fiscal fourth quarter")
    'Revenue'
    >>> _np_tail("The Canyon Fire north of Los Angeles"), _np_tail("The blaze near Santa Clarita")
    ('Canyon Fire', 'blaze')
    """
    if " of " in np_text or " near " in np_text or " outside " in np_text:
        np_text = LOCATIVE_TAIL.sub("", np_text)  # "The Canyon Fire north of Los Angeles": the fire, placed
    words = np_text.split()
    while words and words[-1].lower() in TRAILING_ADVERBS:
        words.pop()  # "the toll there alone had reached 10": the toll
    out: list[str] = []
    skip_below = len(words)
    for k in range(len(words) - 1, -1, -1):
        if k >= skip_below:
            continue
        w = words[k]
        lw = w.lower().strip(",;:")
        if w.endswith((",", ";", ":")) or DATELINE_MARK.search(w):
            break  # a clause boundary, or a wire dateline: "SAO MARCOS, Serrana (AP) — Dengue deaths"
        if lw in {"the", "a", "an", "its", "their", "this", "these"}:
            if out and k > 0 and words[k - 1].lower() in INNER_PREPS:
                out.append(w)
                continue
            if out and k > 1 and words[k - 1].lower() in PERIOD_PREPS and PERIOD_NP.fullmatch(" ".join(reversed(out))):
                out, skip_below = [], k - 1  # "revenue for its fiscal fourth quarter": the revenue, of a period
                continue
            break
        if lw in INNER_PREPS and out and k > 0:
            left = words[k - 1]
            if left.islower() and (left.endswith("ed") or left in PARTICLES or left in PREPOSITION_HEADS):
                break  # "revised down from an initial estimate": a verb's complement, not a tail
            out.append(w)
            continue
        if lw in NP_END or lw in LEFT_STOPS:
            break
        if out and k > 0 and w.islower() and w.endswith("ed") and (
                words[k - 1].lower() in VERB_SUBJECTS
                or (words[k - 1][:1].isupper() and not (words[k - 1].lower() in LEFT_STOPS or k - 1 == 0
                                                        and words[k - 1].lower() in {"the", "a", "an"}))):
            break  # "the group now expected operating margin", "Orchard Tech reported quarterly revenue":
            # a verb with its subject (a pronoun or a name), not an adjective
        out.append(w)
        if len(out) >= 8:
            break
    while out and (out[-1].lower() in NP_END or out[-1].lower() in {"the", "a", "an"}):
        out.pop()
    phrase = " ".join(reversed(out))
    period = PERIOD_TAIL.search(phrase)
    return phrase[: period.start()] if period and period.start() > 0 else phrase


# A period named after a noun phrase ("for its fiscal fourth quarter"), and the prepositions before it.
PERIOD_NP = re.compile(r"(?i)(?:fiscal\s+)?(?:(?:first|second|third|fourth|final|latest)\s+)?(?:quarter|half|year)")
PERIOD_PREPS = frozenset(["for", "in", "during", "over"])

# A period closing a noun phrase read leftwards: "revenue for its fiscal fourth quarter" counts revenue (the
# scope keeps the quarter).
PERIOD_TAIL = re.compile(
    r"\s+(?:for|in|during|over)\s+(?:the|its|their)\s+(?:fiscal\s+)?(?:first|second|third|fourth|final|latest)?"
    r"\s*(?:quarter|half|year|fiscal\s+year)$", re.IGNORECASE)


# A fact box's label at the start of a line, right before its figure: "- Deaths: 97", "Cases: about 4,000",
# "Vaccine doses sent: 600,000" (a bullet, a capitalised label of at most four words, a colon, maybe a hedge).
FACT_LABEL = re.compile(
    rf"""^[ \t]*(?:[-\u2022*\u2013\u2014][ \t]*)?
        (?P<label>[A-Z][A-Za-z'\u2019-]*(?:[ \t]+[A-Za-z][A-Za-z'\u2019-]*){{0,3}})
        [ \t]*:[ \t]*(?:{HEDGE}[ \t]+)?$""",
    re.VERBOSE,
)

#: Verbs that make "X said: 97" a quotation, not a label.
LABEL_SPEECH = frozenset(["said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "stated",
                          "states", "announced", "announces", "tweeted", "posted", "reported", "reports"])


def fact_label(line: str, lex: ContextLexicon) -> Counted | None:
    """What a figure counts when a fact box's label names it ("Deaths: 97"; ``line`` is the text from the
    line start to the figure): the label up to its last plural noun ("Vaccine doses sent" -> doses).

    >>> lex = ContextLexicon.default()
    >>> [fact_label(t, lex).counted for t in ("- Deaths: ", "Cases: about ", "Vaccine doses sent: ")]
    ['death', 'case', 'vaccine dose']
    >>> fact_label("Officials said: ", lex) is None, fact_label("the toll, he said: ", lex) is None
    (True, True)
    """
    m = FACT_LABEL.match(line)
    if m is None:
        return None
    words = m.group("label").split()
    if words[-1].lower() in LABEL_SPEECH:
        return None
    plural = [i for i, w in enumerate(words) if is_plural_noun(w)]
    if plural:
        words = words[: plural[-1] + 1]
    np = " ".join(words)
    key = normalise_counted(np, lex)
    return Counted(key, np, None) if key else None


def find_counted(
    text: str,
    start: int,
    end: int,
    clause_start: int,
    clause_end: int,
    kind: str,
    antecedent: str | None,
    lex: ContextLexicon,
) -> Counted | None:
    """The counted thing of a figure whose noun is not written right after it."""
    left = ASIDE.sub(lambda a: " " * len(a.group()), text[clause_start:start])
    right = text[end:clause_end]
    if SCORE_AFTER.match(right):
        return None  # "slumped to 9 for 233": a cricket score, not a count of the subject
    if ":" in left:
        label = fact_label(left[left.rfind("\n") + 1 :], lex)
        if label is not None:
            return label  # "- Deaths: 97, according to local hospitals" (a fact box)
    m = NUMBER_OF.search(left) if NUMBER_OF_HINT.search(left) else None
    if m:
        np = m.group("np")
        np_start = clause_start + m.start("np")
        return Counted(normalise_counted(np, lex), np.strip(), None, (np_start + len(np), start))
    harm = HARM_BEFORE.search(left[-40:]) if kind in {"count", "number"} else None
    if harm and not OF_PRONOUN.match(right):
        key = "death" if harm.group("death") else "injury" if harm.group("injury") else "case"
        return Counted(key, None, None)
    if kind == "number":
        before = left[-20:].split()
        if before and before[-1].lower() in _label_nouns():
            return Counted(before[-1].lower(), before[-1], None)  # "a magnitude 6.4 quake"
        label = LABEL_AFTER.match(right)
        if label and label.group("label").lower() in _label_nouns():
            return Counted(label.group("label").lower(), label.group("label"), end + label.end())  # "a 6.1-magnitude"
    measured = kind in {"money", "measure"}
    if measured and ATTRIBUTIVE_BEFORE.search(left):
        found = counted_after(text, end, clause_end, 1.0)
        if found is not None and not is_plural_noun(found[0].split()[-1]) and ATTRIBUTIVE_NOUN.match(
                text, end, found[2]) and not OF_NEXT.match(text[found[2]:found[2] + 4]):
            key = measured_key(found[0], lex)
            if key:
                return Counted(key, found[0], found[2])
    if kind in {"money", "count", "number", "measure"} and "by" in left[-12:]:
        set_by = SET_BY.search(left[-120:])
        if set_by:
            key = normalise_counted(set_by.group("np"), lex)
            if key and key.split()[-1] not in lex.figure_words:
                return Counted(f"{key} change", set_by.group("np"), None, None)  # "raises defence spending by €45bn"
        moved = MOVED_BY.search(left[-120:])
        if moved:
            np = _np_tail(left[max(0, len(left) - 120) :][: moved.start()])
            key = normalise_counted(np, lex) if np else None
            if key and key.split()[-1] not in lex.figure_words:
                return Counted(f"{key} change", np, None, None)  # "defence spending will rise by €45bn": the change
    set_to = SET_TO.search(left[-120:])
    bare_to = SET_BARE_TO.search(left, max(0, len(left) - 90)) if set_to is None and kind in {"percent", "money"} else None
    if bare_to:
        key = normalise_counted(bare_to.group("np"), lex)
        if key and key.split()[-1] not in lex.figure_words and key not in COUNTED_PRONOUNS:
            return Counted(key, bare_to.group("np"), None, None)  # "cut interest rates to 4.5%"
    if set_to:
        np = TIME_TAIL.sub("", set_to.group("np").split(None, 1)[1])  # "the total so far this year": the total
        if " of " in f" {np} ":
            head, inner_np = np.split(" of ", 1)
            inner = normalise_counted(inner_np, lex)
            if inner and normalise_counted(head, lex) in lex.figure_words | {"estimate", "count"}:
                return Counted(inner, np, None, None)  # "revised its count of Thursday's protesters to"
        elif kind in {"percent", "money"}:
            key = normalise_counted(np, lex)
            if key and key.split()[-1] not in lex.figure_words:
                return Counted(key, np, None, None)  # "raised its policy rate to 4.75%"
        elif kind in {"count", "number"}:
            key = normalise_counted(np, lex)
            if key and (key == "death" or key.split()[-1] not in lex.figure_words):
                return Counted(key, np, None, None)  # "raising the death toll to 40"
            if key and antecedent:
                return Counted(antecedent, np, None, None)  # "12 new cases, bringing the total to 120"
    change = CHANGE_IN.search(left[-120:]) if kind in {"money", "percent", "count", "number", "measure"} else None
    if change:
        np = change.group("np")  # "a 12% rise in second-quarter net profit to 1.42 billion euros"
        key = normalise_counted(np, lex)
        if key and key.split()[-1] not in lex.figure_words:
            return Counted(key, np, None, None)
    if kind == "percent" and " at a" in left[-60:]:
        pace = growth_pace(left, right, lex)  # "the economy grew at an annual rate of 2.3%"
        if pace:
            return Counted(pace[0], pace[1], None, None)
    participle = PARTICIPLE_AFTER_COMMA.search(left, max(0, len(left) - 60)) if "ing" in left[-40:] else None
    if participle:
        np = participle_subject(left[: participle.end("verb")])  # "deaths rose on Monday, reaching 40"
        key = normalise_counted(np, lex) if np else None
        if key and key != "death" and key.split()[-1] in lex.figure_words and " of " in f" {np} ":
            key = normalise_counted(np.split(" of ", 1)[1], lex)  # "the number of confirmed cases kept rising"
        if key and (key == "death" or key.split()[-1] not in lex.figure_words):
            return Counted(key, np, None, None)
    for pattern in (NUMBERING, VERB_BEFORE, NOUN_OF):
        m = pattern.search(left)
        if m:
            verb = (m.group("measure_verb") or m.group("measure_modal")) if pattern is VERB_BEFORE else None
            if verb and not measured:
                continue  # "runs", "covers", "cost" state a measure or an amount, not a count
            np = _np_tail(left[max(0, m.start() - 100) : m.start()])
            if pattern is NOUN_OF and np:
                measure_noun = AT_A_NOUN.search(np)
                if measure_noun:
                    np = np[measure_noun.end() :]  # "the quake hit at a depth of 10 km": the depth
            if not np:
                continue
            key = normalise_counted(np, lex)
            tail = None
            if key and key.split()[-1] in lex.figure_words and key != "death" and " of " in f" {np} ":
                inner = normalise_counted(np.split(" of ", 1)[1], lex)  # "its count of Thursday's protesters"
                if inner and inner.split()[-1] not in lex.figure_words:
                    return Counted(inner, np, None, None)
            if pattern is VERB_BEFORE:
                np_at = text.rfind(np, clause_start, start)
                np, key, tail = _with_tail(text, np_at, np, start, lex, key)
            if key and (verb or (kind == "measure" and pattern is VERB_BEFORE)):
                key = measured_key(np, lex)  # "the Karsk line will run", "the Cedar Ridge Fire grew to"
                if key and verb and verb.startswith("cost") and key.split()[-1] != "cost" and key not in COUNTED_PRONOUNS:
                    key = f"{key} cost"  # "the project will cost $1.2bn": the project's cost
            if key and kind == "percent" and pattern is VERB_BEFORE and GROWTH_VERB.search(m.group()):
                key = growth_key(key)  # "the economy grew 0.3%": GDP growth
            if key and key.split()[-1] in lex.figure_words and key != "death":
                if antecedent:
                    return Counted(antecedent, np, None, tail)
                continue
            if key:
                return Counted(key, np, None, tail)
    of_total = OF_NUMBER.match(right) if kind in {"count", "number"} else None
    if of_total:
        words = of_total.group("np").split()
        kept = _trim(words, lex) or words[:1]  # "52 of 150 seats", "900 of the 6,500 polling stations"
        np = " ".join(kept)
        return Counted(normalise_counted(np, lex), np, end + of_total.start("np") + len(np))
    of_them = OF_PRONOUN.match(right)
    if of_them:
        if antecedent:
            return Counted(antecedent, None, end + of_them.end())
        return None
    m = OF_THE.match(right)
    if m and kind in {"count", "number"}:
        np = " ".join(_trim(m.group("np").split(), lex)) or m.group("np")
        return Counted(normalise_counted(np, lex), np, end + m.end("np"))
    if kind == "percent":
        m = CHANGE_IN_AFTER.match(right)
        if m:
            words = _trim(TIME_TAIL.split(m.group("np"), 1)[0].split(), lex)
            if words:  # "a 12% rise in second-quarter net profit"
                np = " ".join(words)
                return Counted(normalise_counted(np, lex), np, end + m.start("np") + len(np))
    if kind in {"money", "measure"}:
        m = IN_OF_AFTER.match(right)
        if m:
            group = "np" if m.group("np") is not None else "in_np"
            # a time phrase ends what is measured: "2.1 million tonnes of coal last year" measures coal;
            # so does a clause: "of fuel oil when it sank" measures the oil
            words = _trim(clip_clause(TIME_TAIL.split(m.group(group), 1)[0]).split(), lex)
            while words and words[-1].lower() in {"the", "a", "an"}:
                words.pop()  # "1.5 metres in the next century": nothing is named
            if words:
                np = " ".join(words)
                return Counted(normalise_counted(np, lex), np, end + m.start(group) + len(np))
    return None


def harm_before(before: str) -> str | None:
    """'death' or 'injury' when a verb of killing or wounding is right before the figure.

    >>> harm_before("The quake killed 2,100 people and injured "), harm_before("and left ")
    ('injury', None)
    """
    harm = HARM_BEFORE.search(before, max(0, len(before) - 40))
    if harm is None:
        return None
    return "death" if harm.group("death") else "injury"


# A label noun right after a bare figure (one before it is read by splitting): "a 6.1-magnitude quake".
LABEL_AFTER = re.compile(r"-?\s*(?P<label>[A-Za-z]+)\b")  # "a 6.1-magnitude quake"


@functools.cache
def _label_nouns() -> frozenset[str]:
    return frozenset(load("synonyms").get("label_nouns", ()))


#: Words that open a clause inside a counted phrase read past its noun ("fuel oil when it sank"), and past
#: tenses of common irregular verbs ("industrial fuel oil sank off the Philippines"): the phrase ends before them.
CLAUSE_WORDS = frozenset(
    "when while after before because which that who whom where since until if whether "
    "sank sunk went fell rose hit struck ran came left began broke caught spread burst blew drove flew grew took "
    "gave made said stood lay shook swept tore threw won lost sent spent kept held brought bought fought met led "
    "fled hid slid stuck sat overturned capsized "
    "next yesterday today tomorrow tonight".split()  # "3.4% of GDP next year": a time phrase ends it too
)


def clip_clause(phrase: str) -> str:
    """A counted phrase without the clause that runs on after its noun.

    >>> clip_clause("industrial fuel oil sank off the central Philippines"), clip_clause("fuel oil when it sank")
    ('industrial fuel oil', 'fuel oil')
    >>> clip_clause("North Korean troops")
    'North Korean troops'
    """
    if " " not in phrase:
        return phrase
    words = phrase.split(" ")
    for k in range(1, len(words)):
        if words[k].lower() in CLAUSE_WORDS:
            return " ".join(words[:k])
    return phrase


# A verb of growth or shrinking: with "the economy" or "GDP" as subject, a share is GDP growth.
GROWTH_VERB = re.compile(r"\b(?:grew|grown|grows|expanded|expands|contracted|contracts|shrank|shrunk|shrinks)\b")

# Words of a growth rate's noun: "an annual rate", "an annualized pace", "a seasonally adjusted annual rate".
PACE_WORDS = r"(?:(?:annual|annualized|annualised|seasonally|adjusted|quarterly|yearly)\s+)*(?:rate|pace)"

# A share that is the rate a thing grew at: "grew at an annual rate of (2.3%)", "expanded at a (2.3%) pace".
GROWTH_AT = re.compile(
    rf"""\b(?:grew|grown|grows|grow|expanded|expands|expand|contracted|contracts|contract|shrank|shrunk|shrinks|shrink)
        \s+at\s+(?:a|an)\s+(?P<noun>{PACE_WORDS}\s+of\s+)?(?:{HEDGE}\s+)?$""",
    re.VERBOSE,
)

# The growth rate's noun right after the share: "at a 2.3% (annualized rate)".
PACE_AFTER = re.compile(rf"\s*{PACE_WORDS}\b")


def growth_pace(left: str, right: str, lex: ContextLexicon) -> tuple[str, str] | None:
    """GDP growth for a share that is the rate the economy grew at ('The economy grew at an annual rate of
    2.3%', 'GDP expanded at a 2.3% annualized pace'), with the subject as written; None when the subject
    is not the economy or GDP.

    >>> lex = ContextLexicon.default()
    >>> growth_pace("The U.S. economy grew at an annual rate of ", " in the fourth quarter", lex)
    ('u s gdp growth', 'U.S. economy')
    >>> growth_pace("Gross domestic product expanded at a ", " annualized rate.", lex)
    ('gdp growth', 'Gross domestic product')
    >>> growth_pace("Prices rose at an annual rate of ", ".", lex), growth_pace("It grew at a ", " clip", lex)
    (None, None)
    """
    m = GROWTH_AT.search(left, max(0, len(left) - 90))
    if m is None or (m.group("noun") is None and not PACE_AFTER.match(right)):
        return None
    np = _np_tail(left[: m.start()])
    key = growth_key(normalise_counted(np, lex) or "") if np else None
    return (key, np) if key and key.endswith("gdp growth") else None


@functools.cache
def _growth_subjects() -> frozenset[str]:
    return frozenset(load("synonyms").get("growth_subjects", ()))


def growth_key(key: str) -> str:
    """'economy' or 'gdp' (with its modifiers) growing by a share -> 'gdp growth'.

    >>> growth_key("economy"), growth_key("norland gdp"), growth_key("retail sale")
    ('gdp growth', 'norland gdp growth', 'retail sale')
    """
    words = key.split()
    if words[-1] in _growth_subjects():
        return " ".join([*words[:-1], "gdp growth"])
    return key


@functools.cache
def share_bases() -> frozenset[str]:
    """What a share is written 'of' when it measures something else: '2.8 percent of GDP'."""
    return frozenset(load("synonyms").get("share_bases", ()))


# Orders lifted for the people counted: "lifted evacuation orders for about 1,200 residents".
LIFTED = re.compile(r"\b(?:lifted|eased|rescinded|cancell?ed|canceled)\s+(?:[a-z]+\s+){0,3}(?:for|on)\s+(?:[a-z]+\s+)?$")

# A word for the predicate test (letters, inner apostrophes and hyphens).
PRED_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")


#: How much of the text before and after the figure ``with_predicate`` reads (in characters): callers
#: may pass just that much of the sentence.
PREDICATE_BEFORE, PREDICATE_AFTER = 80, 120


@functools.cache
def _predicates() -> tuple[frozenset[str], dict[str, str], int, int]:
    data = load("generic_counted")
    return frozenset(data["generic"]), dict(data["predicates"]), data["window_before"], data["window_after"]


def with_predicate(counted: str | None, before: str, after: str) -> str | None:
    """A generic counted thing ('people') made specific by a predicate next to the figure.

    ``before`` and ``after`` are the sentence's text left and right of the figure.

    >>> with_predicate("people", "At least ", " people have died in the flooding")
    'death'
    >>> with_predicate("people", "police said ", " people were arrested")
    'arrest'
    >>> with_predicate("people", "About ", " people attended the rally") is None
    True
    """
    generic, predicates, n_before, n_after = _predicates()
    if counted is not None and counted not in generic:
        return _harmed(counted, before, after, predicates)
    if counted not in generic:
        return None
    if LIFTED.search(before[-60:]):
        return "evacuation lifted"  # "lifted evacuation orders for about 1,200 residents": they go home
    left = [w.lower() for w in PRED_WORD.findall(before[-PREDICATE_BEFORE:])][-n_before:]
    right = [w.lower() for w in PRED_WORD.findall(after[:PREDICATE_AFTER])][: n_after + 1]
    near = sorted([(len(left) - i, w) for i, w in enumerate(left)] + [(i + 1, w) for i, w in enumerate(right)])
    for _, w in near:
        if w in predicates:
            return predicates[w]
    return None


@functools.cache
def harmed_people() -> frozenset[str]:
    """People nouns that keep their own name when killed or hurt (lexicon ``generic_counted.json``,
    ``harmed``): "killed 10 passengers" -> "passenger death"; demonyms count too ("israeli death")."""
    return frozenset(load("generic_counted")["harmed"])


# The whole of a partitive right before a figure: "12 of the 300 miners died", "none of the 40 passengers
# were hurt": the predicate is the part's, not the whole's ("all of the 300" is left out: all did).
PARTITIVE_WHOLE_BEFORE = re.compile(
    r"""(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty
          |forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens?|hundreds|none|some|most|many|several|few
          |half))\s+of\s+(?:the\s+|its\s+|their\s+)?$""",
    re.VERBOSE | re.IGNORECASE,
)


def _harmed(counted: str, before: str, after: str, predicates: dict[str, str]) -> str | None:
    """'israeli' killed, injured or taken into hospital (the verb right next to the figure) -> 'israeli death' /
    'israeli injury' / 'israeli hospitalization'.

    >>> _harmed("israeli", "militants killed ", " Israelis in the raid", {"killed": "death"})
    'israeli death'
    >>> _harmed("israeli", "", " Israelis visited", {"killed": "death"}) is None
    True
    >>> _harmed("survivor", "", " survivors were hospitalised", {"hospitalised": "hospitalization"})
    'survivor hospitalization'
    >>> _harmed("us troop", "", " US troops and five members of the Afghan opposition were killed", {"killed": "death"})
    'us troop death'
    >>> _harmed("miner", "Twelve of the ", " miners were killed", {"killed": "death"}) is None  # the whole
    True
    >>> _harmed("miner", "At least ", " of the 300 miners were killed", {"killed": "death"})  # a part
    'miner death'
    """
    if PARTITIVE_WHOLE_BEFORE.search(before[-40:]):
        return None
    part = OF_NUMBER.match(after)
    if part is not None:  # "12 of the 300 miners were killed": read the predicate past the whole
        after = " " + part.group("np") + after[part.end():]
    head = counted.split()[-1]
    lex = ContextLexicon.default()
    if head not in harmed_people() and counted not in harmed_people() and head not in lex.scope.get("demonyms", {}):
        return None
    left = [w.lower() for w in PRED_WORD.findall(before[-40:])][-1:]
    words = [w.lower() for w in PRED_WORD.findall(after[:100])]
    # past the noun: "were killed", "dead"; past a coordinated phrase when the noun's phrase goes on with
    # "and": "Three US troops and five members of the Afghan opposition were killed"
    right = words[1:12] if "and" in words[1:4] else words[1:4]
    for w in left + right:
        if predicates.get(w) in {"death", "injury", "hospitalization"}:
            return f"{counted} {predicates[w]}"
        if predicates.get(w) == "missing person":
            return "missing person"  # "26 workers were still unaccounted for", "37 miners remain trapped"
    return None


# A bare figure before a passive or copular predicate, its noun left out: "Seven miners died and 12 were
# injured", "and 37 remained trapped underground", "another 20 are still missing", "hundreds were feared
# missing", "12 were believed to be dead".
BARE_PREDICATE = re.compile(
    r"""^\s+(?:more\s+|others?\s+)?                      # "12 more were", "20 others were"
        (?:(?:were|was|are|is|had\s+been|have\s+been|has\s+been|had|have|remain|remains|remained)\s+)?
        (?:(?:still|also|reportedly|seriously|critically|badly|slightly|later)\s+)?  # an adverb
        (?:(?:feared|believed|presumed|confirmed|thought|known|reported)\s+   # how sure: "feared dead"
           (?:to\s+(?:be|have\s+been|have)\s+)?)?                              # "believed to be dead"
        (?P<word>[a-z]+)""",
    re.VERBOSE,
)


# A word that makes a pair of figures a vote tally: "voted 51 to 49", "by a vote of 221 to 209",
# "passed the bill 221 to 209" (then both figures count votes, for and against).
VOTE_CUE = re.compile(
    r"""\b(?:vot(?:e|es|ed|ing)|ballot|passed|approved|rejected|adopted|confirmed|defeated|cleared|backed)
        (?:[\s,]+(?!\d)[\w'\u2019-]+){0,4}?   # at most four words between: "passed the House"
        [\s,]+(?:of\s+)?$                    # "a vote of"
    """,
    re.VERBOSE,
)

# After the first figure of a tally: "to 49" or "-49", then the end of the clause, "votes", "in favour",
# "against" or "to confirm" (never a noun: "300 to 400 new homes" is a range of homes).
TALLY_AFTER = re.compile(r"(?:\s+to\s+|\s*[-\u2013]\s*)\d[\d,]*(?=\s*(?:[,.;:)]|$)|\s+(?:votes?|in\s+favou?r|against|with|to|on|in)\b)")

# What follows the second figure of a tally (as TALLY_AFTER's look-ahead).
TALLY_END = re.compile(r"\s*(?:[,.;:)]|$)|\s+(?:votes?|in\s+favou?r|against|with|to|on|in)\b")

# Before the second figure of a tally: the first figure (perhaps "votes") and "to" or a dash: "221 to", "120 votes to".
TALLY_BEFORE = re.compile(r"\d[\d,]*(?:\s+votes)?(?:\s+to\s+|\s*[-\u2013]\s*)$")


def vote_tally(text: str, start: int, end: int, sent_start: int, sent_end: int) -> bool:
    """Whether the figure at ``start:end`` is a side of a vote tally (both sides count votes).

    >>> t = "The Senate voted 51 to 49 to confirm him."
    >>> vote_tally(t, 17, 19, 0, len(t)), vote_tally(t, 23, 25, 0, len(t))
    (True, True)
    >>> t = "The council approved 300 to 400 new homes."
    >>> vote_tally(t, 21, 24, 0, len(t))
    False
    """
    if "to" in text[end : end + 4] or "-" in text[end : end + 2] or "\u2013" in text[end : end + 2]:
        m = TALLY_AFTER.match(text, end, sent_end)
        if m and VOTE_CUE.search(text, max(sent_start, start - 60), start):
            return True
    if "to" in text[start - 4 : start] or "-" in text[start - 2 : start] or "\u2013" in text[start - 2 : start]:
        first = TALLY_BEFORE.search(text, max(sent_start, start - 24), start)
        if first is not None and TALLY_END.match(text, end, sent_end):
            return VOTE_CUE.search(text, max(sent_start, first.start() - 60), first.start()) is not None
    return False


# A frame before a figure that makes it a part of the dead or the hurt: "Of the 57 dead, (10)", "Of those
# killed, (10)", "Among the dead were (12)", "Of them, (10)" (the phrase or pronoun is read by ``harmed_part``).
PART_FRAME = re.compile(
    rf"""(?:\b(?i:of|among)\s+(?:(?:the|those|these)\s+)?(?:\d[\d,]*\s+)?   # "of the 57", "among those"
          (?P<np>[a-z][a-z -]{{0,30}}?)                                  # "dead", "people killed", "them"
          (?:\s*,|\s+(?:were|was|are|is))                               # ", 10" or "were 12"
        | \b(?i:the|those)\s+(?P<subject>dead|injured|wounded|hurt|killed|victims\s+killed)  # "The dead were (five)",
          \s+(?:were|included|include|includes))                        # "Those killed included (12)"
        \s+(?:(?:\d[\d,]*|[a-z]+)\s+(?:(?:were|was|are|is)\s+)?[a-z][a-z -]{{0,30}}?  # parts named before this one:
           (?:,\s*(?:and\s+)?|\s+and\s+))*                              # "120 were women and (80)", "five children, (four)"
        (?:{HEDGE}\s+)?$
    """,
    re.VERBOSE,
)

# The noun a part of the dead is named by, after the figure: "10 were crew members", "three of them were children".
PART_NOUN = re.compile(
    r"""^\s+(?:of\s+(?:them|those|these|whom)\s+)?(?:were|was|are|is)\s+(?:(?:also|all)\s+)?
        (?P<np>[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)""",
    re.VERBOSE,
)


def harmed_part(before: str, after: str, counted: str | None, antecedent: str | None, lex: ContextLexicon) -> str | None:
    """What a part of the dead or the hurt counts: its people's deaths or injuries ('crew member death'),
    when the clause says the figure is a part of them and names the people (a ``harmed`` noun).

    ``before`` and ``after`` are the sentence's text left and right of the figure.

    >>> lex = ContextLexicon.default()
    >>> harmed_part("Of the 57 dead, ", " were crew members.", None, None, lex)
    'crew member death'
    >>> harmed_part("", " of them were children.", "death", "death", lex)
    'child death'
    >>> harmed_part("Among the injured were ", " children", "child", None, lex)
    'child injury'
    >>> harmed_part("The dead were five children, ", " women", "woman", None, lex) is None  # not a harmed noun
    True
    >>> harmed_part("The dead included ", " police officers", "police officer", None, lex)
    'police officer death'
    >>> harmed_part("Of the 300 miners, ", " were rescued.", None, None, lex) is None
    True
    """
    frame = PART_FRAME.search(before, max(0, len(before) - 80)) if (
        "of" in before or "Of" in before or "mong" in before or "he " in before or "hose " in before) else None
    if frame is not None:
        np = (frame.group("np") or frame.group("subject")).strip()
        whole = antecedent if np in COUNTED_PRONOUNS else (normalise_counted(np, lex) if " " in np else None)
        whole = whole or _predicates()[1].get(np.rsplit(" ", 1)[-1])  # "those killed": deaths
    elif OF_PRONOUN.match(after):
        whole = antecedent  # "Three of them were children"
        whole = antecedent  # "Three of them were children"
    else:
        return None
    harm = whole.rsplit(" ", 1)[-1] if whole else None
    if harm not in {"death", "injury"}:
        return None
    noun = counted if counted and counted.split()[-1] in harmed_people() else None
    if noun is None:
        m = PART_NOUN.match(after)
        key = normalise_counted(m.group("np"), lex) if m else None
        noun = key if key and (key in harmed_people() or key.split()[-1] in harmed_people()) else None
    return f"{noun} {harm}" if noun else None


# A speech or estimate verb right before a figure that ends its clause: "police said 25,000.", "The police
# put it at 52,000": the figure counts what the sentence or the one before was counting.
ELIDED_BEFORE = re.compile(
    r"""\b(?:said|says|say|put|puts|estimated|estimates|counted|counts|claimed|claims|reported|reports
          |gave|gives|cited|cites)
        \s+(?:it\s+|them\s+|the\s+(?:figure|number|total|crowd|turnout|toll|count)\s+)?(?:at\s+)?$""",
    re.VERBOSE,
)

# What may follow a figure that ends its clause: punctuation, the end, or a closing quotation mark.
CLAUSE_END_AFTER = re.compile(r"\s*(?:[.;,:)\"\u201d]|$)")

# Pronouns a clause may hold where the counted thing was named before: "put it at 52,000".
COUNTED_PRONOUNS = frozenset(["it", "they", "them", "this", "that", "these", "those", "its", "their"])


def elided_counted(before: str, after: str, antecedent: str | None) -> str | None:
    """The antecedent's counted thing for a figure whose noun is left out after a speech or estimate verb.

    >>> elided_counted("Organisers said 100,000 people marched; police said ", ".", "protester")
    'protester'
    >>> elided_counted("The police put it at ", ".", "protester")
    'protester'
    >>> elided_counted("It said ", " people were hurt.", "death") is None
    True
    """
    if antecedent is None or not CLAUSE_END_AFTER.match(after) or not ELIDED_BEFORE.search(before[-40:]):
        return None
    return antecedent


def bare_predicate(after: str, antecedent: str | None) -> str | None:
    """What a bare figure counts from the predicate after it; killed or hurt people keep the name of the
    people counted just before ('miner death' -> 'miner injury').  ``after`` is the text after the figure.

    >>> bare_predicate(" were injured in the blast", "miner death")
    'miner injury'
    >>> bare_predicate(" remained trapped underground", "miner death")
    'missing person'
    >>> bare_predicate(" were injured", "death"), bare_predicate(" were sold", "car") is None
    ('injury', True)
    >>> bare_predicate(" were feared missing", None), bare_predicate(" are believed to have died", None)
    ('missing person', 'death')
    """
    m = BARE_PREDICATE.match(after)
    if m is None:
        return None
    predicate = _predicates()[1].get(m.group("word"))
    if predicate in {"death", "injury"} and antecedent:
        base = antecedent.removesuffix(" death").removesuffix(" injury")
        if base.split()[-1] in harmed_people():
            return f"{base} {predicate}"
    return predicate


def measured_key(phrase: str, lex: ContextLexicon) -> str | None:
    """The key of what a measure or an amount measures: names and participles dropped (the story
    already ties the figures to their event), "X of Y" heads put last, definitions kept.

    >>> lex = ContextLexicon.default()
    >>> [measured_key(p, lex) for p in ["approved Karsk line", "line", "cost of the project", "insured losses"]]
    ['line', 'line', 'project cost', 'insured loss']
    >>> measured_key("Russian aid", lex)
    'russian aid'
    """
    text = ascii_quotes(phrase).strip()
    m = HEAD_OF.match(text)
    if m and m.group("head").lower() in OF_HEADS:
        return normalise_counted(text, lex)
    definitions = lex.scope_set("definition")
    demonyms = lex.scope.get("demonyms", {})
    words = text.split()
    kept = [w for i, w in enumerate(words) if i == len(words) - 1 or (
        w.lower() in definitions or w.lower() in demonyms or (w[:1].islower() and not w.lower().endswith("ed")))]
    return normalise_counted(" ".join(kept), lex)


def _with_tail(
    text: str, np_at: int, np: str, stop: int, lex: ContextLexicon, key: str | None
) -> tuple[str, str | None, tuple[int, int] | None]:
    """Split 'rainfall in Chiva' into the thing ('rainfall') and its tail span ('in Chiva')."""
    if np_at < 0:
        return np, key, None
    words = np.split()
    for i, w in enumerate(words):
        if w.lower() in NP_END and i > 0:
            head = " ".join(words[:i])
            return head, normalise_counted(head, lex), (np_at + len(head), np_at + len(np))
    return np, key, None
