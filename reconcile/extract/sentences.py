"""Sentence spans for news text: one linear scan, abbreviation-aware.

A sentence ends at ``.``, ``!`` or ``?`` (plus any closing quotes or brackets) followed by
white space and a capital letter, a digit, an opening quote or a brand such as "iPhone", unless the word before the
full stop is a known abbreviation ("Nov.", "Lt. Gen.", "U.S.") or an initial.  A line
break always ends a sentence: wire copy puts one paragraph a line.
"""

from __future__ import annotations

import re

#: Abbreviations that do not end a sentence (compared without the final full stop, lower case).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof rev gen lt col maj capt cpt sgt cpl pte adm cmdr cdr brig gov sen rep pres supt insp det
    st jr sr fr hon messrs mt ft no nos vs v etc al approx est dept univ inc corp co ltd plc bros assn
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    u.s u.k u.n e.u u.s.a a.m p.m e.g i.e c ca cf op fig figs vol pp p ch art sec para
    """.split()
)

# A possible sentence end: terminal punctuation, closing quotes/brackets, then white space.
_BOUNDARY = re.compile(
    r"""
    [.!?][.!?]*             # terminal punctuation, one or more: '?!', '...' (not '[.!?]+': a pattern
                            # that opens with a plain class lets the engine skip to the next one fast)
    ["'\u201d\u2019)\]]*    # closing quotes or brackets that belong to the sentence
    (?=[ \t\u00a0]+         # then horizontal white space
       ["'\u201c\u2018(\[]* # optional opening quotes of the next sentence
       (?:[A-Z0-9\u00c0-\u024f]  # and a capital letter or a digit,
       |[ie][A-Z]))            # or a brand written with a small i or e: "iPhone sales rose", "eBay said"
    """,
    re.VERBOSE,
)

#: What the word before a full stop is made of: ASCII letters and inner dots ("U.S", "Gen", "p.m").
_LETTERS_AND_DOTS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")

# Line breaks: every line is a paragraph of its own.
_LINE = re.compile(r"[^\r\n]+")


def _is_abbreviation(text: str, dot: int, line_start: int) -> bool:
    """True when the full stop at ``dot`` closes an abbreviation or an initial.

    >>> _is_abbreviation("Lt. Gen", 2, 0)
    True
    >>> _is_abbreviation("in Kyiv. He", 7, 0)
    False
    >>> _is_abbreviation("J. Smith", 1, 0)
    True
    """
    if text[dot] != ".":
        return False
    # the word before: letters and inner dots ('U.S', 'Gen', 'p.m'), at most 12 characters back,
    # starting with a letter (a backward walk: cheaper than a regex search of the window)
    lo = max(line_start, dot - 12)
    i = dot
    while i > lo and text[i - 1] in _LETTERS_AND_DOTS:
        i -= 1
    while i < dot and text[i] == ".":
        i += 1
    if i == dot:
        return False
    word = text[i:dot]
    if i > lo and (text[i - 1].isalnum() or text[i - 1] in "'\u2019"):
        return False  # the end of a longer word
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. Smith"
    return word.lower().rstrip(".") in ABBREVIATIONS


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` into ``text``, trimmed of white space, in order.

    >>> t = 'Lt. Gen. Kyrylo Budanov spoke. He said "by Nov. 1." Troops left.'
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['Lt. Gen. Kyrylo Budanov spoke.', 'He said "by Nov. 1."', 'Troops left.']
    >>> split_sentences("")
    []
    >>> [t2[s:e] for t2 in ["The U.S. Army arrived.\\nIt stayed."] for s, e in split_sentences(t2)]
    ['The U.S. Army arrived.', 'It stayed.']
    """
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        line_start, line_end = line.span()
        start = line_start
        for m in _BOUNDARY.finditer(text, line_start, line_end):
            dot = m.start()
            if _is_abbreviation(text, dot, line_start):
                continue
            spans.append((start, m.end()))
            start = m.end()
        spans.append((start, line_end))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out
