"""Court figures: prison sentences, fines and charges, and whose they are.

"was sentenced to 12 years in prison", "will spend 10 years behind bars" and "a 12-year prison sentence"
are one quantity, a prison sentence; "fined $250,000" and "a $250,000 fine" are a fine; "14 counts"
are charges.  Each belongs to the person (or company) sentenced or fined: several defendants'
sentences are never one quantity.
"""

from __future__ import annotations

import re

from reconcile.context.document import Document
from reconcile.models import Claim

# A verb of sentencing before a duration: "sentenced Wednesday to", "jailed for", "will spend".
SENTENCED_BEFORE = re.compile(
    r"""\b(?:sentenced|sentences|sentencing|jailed|jails|imprisoned)\b
        (?:[ ](?!(?:and|but|after|before|while|because)\b)[\w'\u2019,.-]+){0,4}?  # "Wednesday", "him", "Smith a"
        [ ](?:to[ ]|for[ ])?(?:(?:a|an|just|nearly|almost|about|more[ ]than|at[ ]least)[ ])?$""",
    re.VERBOSE,
)

# What follows a duration of prison: "in (federal) prison", "behind bars", "-year prison sentence",
# "a mandatory 28-day sentence" (with any verb: "will spend", "was given", "received").
PRISON_AFTER = re.compile(
    r"""^(?:-long)?[ ](?:in[ ](?:a[ ])?(?:federal[ ]|state[ ]|high-security[ ]|maximum-security[ ])?(?:prison|jail)
        |behind[ ]bars|imprisonment|of[ ]imprisonment|in[ ]custody|(?:prison[ ]|jail[ ]|custodial[ ])?(?:term|sentence))\b""",
    re.VERBOSE,
)

# A maximum or a threat rather than the sentence handed down: "a maximum 14-year jail sentence",
# "faces up to 20 years", "could get ten years".
NOT_HANDED_DOWN = re.compile(r"\b(?:maximum|max|faces?|facing|could|would|may|might|risks?|carries|carrying)\b")

#: Units a prison sentence is given in.
SENTENCE_UNITS = frozenset(["year", "month", "week", "day"])

# A fine after an amount: "a $250,000 fine", "a $2 million civil penalty".
FINE_AFTER = re.compile(r"^[ ](?:civil[ ]|criminal[ ]|record[ ])?(?:fine|penalty)\b")

# "fined (the bank) $2 million", "ordered to pay a fine of $250,000".
FINED_BEFORE = re.compile(
    r"""\b(?:fined|fines|fining|fine[ ]of|penalty[ ]of)
        (?:[ ](?!(?:and|but)\b)[\w'\u2019.-]+){0,3}?[ ](?:(?:about|nearly|almost|more[ ]than|up[ ]to)[ ])?$""",
    re.VERBOSE,
)

# Charges after a count: "14 counts", "three criminal counts".
COUNTS_AFTER = re.compile(r"^[ ](?:criminal[ ]|federal[ ]|separate[ ]|felony[ ])?counts\b")

# An object pronoun after the verb: "sentenced him to", "fined her $500".
OBJECT_PRONOUN = re.compile(r"\b(?:sentenced|jailed|handed|gave|fined|ordered)[ ](?:him|her)\b")

# A personal pronoun opening the sentence: "He was jailed for six years".
PRONOUN_SUBJECT = re.compile(r"(?:He|She)\b")

# A capitalised run opening the subject: "Okafor was also fined", "Meta was fined" (a leading "The" skipped).
SUBJECT_RUN = re.compile(r"(?:The[ ])?(?P<who>[A-Z][\w'\u2019.&-]*(?:[ ][A-Z][\w'\u2019.&-]*){0,3})")

# A name right after a verb of sentencing or ordering: its object, the defendant.
OBJECT_NAME = re.compile(
    r"\b(?:ordered|sentenced|fined|jailed|handed|gave)[ ](?P<who>[A-Z][\w'\u2019-]+(?:[ ][A-Z][\w'\u2019-]+){0,3})")

# Words that open a subject but name no defendant: articles, pronouns, prepositions, number words.
NOT_DEFENDANTS = frozenset(["a", "an", "the", "in", "on", "at", "after", "before", "he", "she", "it", "they", "two",
                            "three", "four", "five", "six", "seven", "eight", "nine", "ten", "both", "all", "several"])

# A wire dateline before the subject: "BRENA, March 10 (Reuters) - ", "MARLOW, Texas (AP) — ".
DATELINE = re.compile(r"^[^\n]{0,80}?(?:\)\s*[-\u2014\u2013]+|[A-Z]{3,}[^a-z\n]{0,40}?\s[-\u2014\u2013]{1,2})\s+")


def court_counted(doc: Document, claim: Claim) -> tuple[str, str | None] | None:
    """``(counted, owner)`` for a prison sentence, a fine or a number of charges; None for anything else.

    >>> from reconcile.models import Article
    >>> from reconcile.context.lexicon import ContextLexicon
    >>> t = "Former Mayor Daniel Okafor will spend 10 years behind bars, a judge ruled."
    >>> doc = Document(Article(id="a", text=t), ContextLexicon.default())
    >>> c = Claim(claim_id="c", article_id="a", text="10 years", start=t.index("10"), end=t.index(" behind"),
    ...           kind="duration", value=10, unit="year")
    >>> court_counted(doc, c)
    ('prison sentence', 'Daniel Okafor')
    """
    text = doc.text
    kind = str(claim.kind)
    right = text[claim.end : claim.end + 60]
    if kind in {"count", "number"}:
        return ("charge", None) if COUNTS_AFTER.match(right) else None
    sent_start, _ = doc.sentence_span(claim.start)
    left = text[max(sent_start, claim.start - 80) : claim.start]
    if kind == "duration":
        if claim.unit not in SENTENCE_UNITS or NOT_HANDED_DOWN.search(left[-40:]):
            return None
        if not (SENTENCED_BEFORE.search(left) or PRISON_AFTER.match(right)):
            return None
        counted = "prison sentence"
    elif kind == "money":
        if not (FINE_AFTER.match(right) or FINED_BEFORE.search(left)):
            return None
        counted = "fine"
    else:
        return None
    return counted, _defendant(doc, claim.start, sent_start)


def _defendant(doc: Document, start: int, sent_start: int) -> str | None:
    """Who is sentenced or fined: a person named in the clause, the one "him"/"he" refers to,
    or a name opening the subject ("Meta was fined")."""
    text = doc.text
    names = doc.names
    clause = text[sent_start:start]
    if OBJECT_PRONOUN.search(clause) or PRONOUN_SUBJECT.match(clause):
        return names.last_mention_before(sent_start)[1].name if names.last_mention_before(sent_start)[1] else None
    lex = doc.lexicon
    objects = [m for m in OBJECT_NAME.finditer(clause)
               if m.group("who").split()[0].lower() not in lex.weekdays | lex.months]
    if objects:
        who = objects[-1].group("who")  # "ordered Daniel Okafor, 58, to pay": the object
        person = names.person_named(who)
        return person.name if person else who
    pos, person = names.last_mention_before(start)
    if person is not None and pos >= sent_start:
        return person.name
    dateline = DATELINE.match(clause)
    head = clause[dateline.end() if dateline else 0 :]
    m = SUBJECT_RUN.match(head)
    if m is None:
        return None
    who = m.group("who")
    if who.split()[0].lower() in NOT_DEFENDANTS:
        return None
    person = names.person_named(who)
    return person.name if person else who
