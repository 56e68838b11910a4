"""The counted noun phrase written right after a figure: '11,000 North Korean infantry troops'.

Only the words between the figure and its head noun are taken (modifiers before the figure
belong to the context stage).  No tagger: the phrase runs over letters until a function word,
punctuation or a verb-like word, and ends at its first plural noun.
"""

from __future__ import annotations

import re

from reconcile.extract.scan import is_plural_noun

#: Words that end a counted noun phrase (function words, auxiliaries, pronouns).
STOP_WORDS = frozenset(
    """
    a an the of in on at to from for with by and or but nor as than that which who whom whose
    were was is are be been being have has had will would could can may might must should shall
    do does did not said says say told according per each this these those they them it its he she
    we you i their his her our my your after before since until while when where if so also into
    onto over under about around across through during against between among out up down off last
    ago there here then now already still yet just only even back away too very all both some any
    no every against toward towards including plus via amid despite within without like unlike
    more less most least ever never again once twice how why what whether because
    left came went took saw made began got put set ran fell rose won held met led gave told found
    thought brought kept struck sent spent paid hit let became remain remained remains
    one two three four five six seven eight nine ten
    """.split()
)

#: Words that may open the phrase although they are stop words elsewhere ('1,500 more troops').
OPENERS = frozenset("more additional new other extra further fewer".split())

#: Adjectives that stand for people when counted ('3 dead', '12 injured').
NOMINAL_ADJECTIVES = frozenset(
    "dead injured wounded missing killed hurt homeless unemployed displaced detained arrested jobless "
    "elderly sick poor rich young old infected hospitalised hospitalized evacuated".split()
)

#: Collective nouns that are plural without an -s and also open a compound noun whose head is a plain
#: plural: '12 crew members', '40 police officers', '300 staff members', '9 people smugglers'.
COLLECTIVE_HEADS = frozenset("police crew staff personnel people cattle livestock aircraft media youth".split())

#: Determiners skipped after 'of' ('40% of the vote').
_DETERMINERS = frozenset("the their its his her our these those all".split())

# One word of the phrase: letters, inner hyphens and apostrophes, after white space.
_WORD = re.compile(r"[ \t\u00a0]+([A-Za-z][A-Za-z\u2019'-]*[A-Za-z]|[A-Za-z])")

MAX_WORDS = 6


def counted_after(text: str, pos: int, limit: int, value: float | None = None) -> tuple[str, int, int] | None:
    """The counted noun phrase starting after ``pos`` (not beyond ``limit``): text, start, end.

    >>> t = "nearly 11,000 North Korean infantry troops training in Russia"
    >>> counted_after(t, 13, len(t))[0]
    'North Korean infantry troops'
    >>> t = "around 2,600 soldiers earmarked for Kursk"
    >>> counted_after(t, 12, len(t))[0]
    'soldiers'
    >>> t = "dozens of people were hurt"
    >>> counted_after(t, 6, len(t))[0]
    'people'
    >>> counted_after("1,500 of them", 5, 13) is None
    True
    >>> [counted_after(t, 5, len(t))[0] for t in ("1,250 new suspected cases", "1,250 newly confirmed cases")]
    ['new suspected cases', 'newly confirmed cases']
    """
    p = pos
    m = _WORD.match(text, p, limit)
    if m and m.group(1).lower() == "of":
        p = m.end()
        m = _WORD.match(text, p, limit)
        if m and m.group(1).lower() in _DETERMINERS:
            p = m.end()
            m = _WORD.match(text, p, limit)
    words: list[tuple[int, int, str]] = []
    while m and len(words) < MAX_WORDS:
        w = m.group(1)
        lw = w.lower()
        possessive = lw.endswith(("'s", "\u2019s")) and len(w) > 2
        if possessive and words:
            words.append((m.start(1), m.end(1) - 2, w[:-2]))
            break  # 'the 3rd battalion's losses'
        if lw in STOP_WORDS and not (not words and lw in OPENERS):
            break
        if words and (lw.endswith("ing") or lw.endswith("ed")) and words[-1][2][0].islower() \
                and words[-1][2].lower() not in OPENERS and words[-1][2].lower() != "newly":
            break  # 'troops training', 'soldiers earmarked'; not '1,250 new suspected cases'
        if lw.endswith("ly") and len(lw) > 4 and not (lw == "newly" and not words):
            break  # ('1,250 newly confirmed cases': a modifier)
        if words and w[0].isupper() and words[-1][2][0].islower():
            break  # a name starts: 'his second wife Olivia'
        if possessive:
            words.append((m.start(1), m.end(1) - 2, w[:-2]))
            break
        words.append((m.start(1), m.end(1), w))
        if is_plural_noun(w) and not (value == 1):
            nxt = _WORD.match(text, m.end(), limit) if lw in COLLECTIVE_HEADS else None
            if nxt and nxt.group(1).islower() and nxt.group(1).endswith("s") and is_plural_noun(nxt.group(1)):
                words.append((nxt.start(1), nxt.end(1), nxt.group(1)))  # 'police officers', 'crew members'
            break
        m = _WORD.match(text, m.end(), limit)
    # trim trailing openers/adjectives that cannot head a phrase
    while words and words[-1][2].lower() in OPENERS:
        words.pop()
    if not words:
        return None
    if value is not None and value != 1 and not any(is_plural_noun(w[2]) for w in words):
        if not (len(words) == 1 and words[0][2].lower() in NOMINAL_ADJECTIVES):
            return None  # 'the two met': no plural noun, no counted thing
    s, e = words[0][0], words[-1][1]
    return text[s:e], s, e
