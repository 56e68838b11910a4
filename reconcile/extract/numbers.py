"""Figures as written -> values: digits ('11 000', '1,500.5') and number words.

Number words go through text2num (``text_to_num.text2num``) for the cardinal core; this
module wraps its known gaps: a leading 'a'/'an' ('a hundred and two'), 'dozen', fractions
('a third', 'two-thirds', 'half a million', 'two and a half million') and ordinals
('third', 'twenty-first').
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from reconcile.extract.lexicon import ExtractLexicon

#: Smallest scale word a trailing fraction joins: 'a million and a half' (not 'a hundred and a half').
MIN_FRACTION_SCALE = 1e6

#: Longest digit string we turn into a value; longer ones are ids or garbage, not claims.
MAX_DIGITS = 18

# Thousands separators inside a digit figure: commas and (thin, no-break) spaces.
_SEPARATORS = re.compile(r"[,\s\u00a0\u202f\u2009]")
# 'of' or an article after a fraction word: 'a third of', 'half a million'.
_OF_OR_ARTICLE = re.compile(r"[\s-]+(?:of\b|a\s|an\s)")
# One token of a number-word run: a word, with the separator before it.
_WORD_TOKEN = re.compile(r"(?P<sep>[\s-]*)(?P<w>[A-Za-z]+)")
# A fraction joined to a scale word before it: ' and a half' in '3 million and a half'.
_AND_FRACTION = re.compile(
    r"""
    [ \t\u00a0]+and[ \t\u00a0]+                       # 'and'
    (?P<n>(?i:an?|one|two|three|four|five|six|seven|eight|nine))  # the numerator
    [ \t\u00a0]+(?P<f>[A-Za-z]+)(?![\w-])              # the fraction word: half, quarters
    """,
    re.VERBOSE,
)
# A scale word after that fraction: ' million' in 'one billion and a half million'.
_NEXT_SCALE = re.compile(r"[ \t\u00a0]+(?P<s>[A-Za-z]+)(?![\w-])")
# What makes the fraction a share of something else: ' of the population'.
_OF_AFTER = re.compile(r"[ \t\u00a0]+(?i:of)\b")


def parse_digits(raw: str) -> float | None:
    """Value of a digit figure with thousands separators; None when absurd.

    >>> parse_digits("11 000"), parse_digits("1,500.5"), parse_digits("2.5")
    (11000.0, 1500.5, 2.5)
    >>> parse_digits("9" * 400) is None
    True
    """
    clean = _SEPARATORS.sub("", raw)
    if len(clean.split(".")[0]) > MAX_DIGITS:
        return None
    try:
        value = float(clean)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


@dataclass(frozen=True)
class WordNumber:
    """A number found in a run of number words."""

    start: int  # offset into the text
    end: int
    value: float
    form: str  # 'cardinal' | 'fraction' | 'ordinal' | 'article'
    scaled: bool = False  # had a scale word (million, dozen...)


def _cardinal(words: list[str], lex: ExtractLexicon) -> float | None:
    """Value of cardinal words via text2num, with 'a'/'an' and 'dozen' handled here.

    >>> lex = ExtractLexicon.default()
    >>> _cardinal(["a", "hundred", "and", "two"], lex), _cardinal(["eleven", "thousand"], lex)
    (102.0, 11000.0)
    >>> _cardinal(["three", "dozen"], lex), _cardinal(["a", "dozen"], lex)
    (36.0, 12.0)
    >>> _cardinal(["twenty-one", "trillion", "three", "hundred"], lex)
    21000000000300.0
    """
    from text_to_num import text2num

    if not words:
        return None
    words = ["one" if (i == 0 and w in ("a", "an")) else w for i, w in enumerate(words)]
    multiplier = 1.0
    if words[-1] == "dozen":
        multiplier = 12.0
        words = words[:-1] or ["one"]
    if words and words[-1] in ("and",):
        return None
    if len(words) == 1 and words[0] in lex.scales:
        words = ["one", words[0]]
    if "trillion" in words:  # a gap of text2num: split at the last 'trillion'
        k = len(words) - 1 - words[::-1].index("trillion")
        head = _cardinal(words[:k], lex) if k else 1.0
        rest = [w for w in words[k + 1:] if w != "and" or words[k + 1:].index(w) > 0]
        tail = _cardinal(rest, lex) if rest else 0.0
        if head is None or tail is None:
            return None
        return head * 1e12 + tail
    try:
        return float(text2num(" ".join(words), "en")) * multiplier
    except (ValueError, TypeError):
        return None


def scale_fraction(text: str, pos: int, scale: float, lex: ExtractLexicon) -> tuple[float, int] | None:
    """The fraction added to a figure that ends in a scale word at ``pos``: value to add, new end.

    '3 million and a half' adds half of the million; 'one billion and a half million' adds half a
    million; a share of something else ('and a quarter of the vote') adds nothing.

    >>> lex = ExtractLexicon.default()
    >>> s = "3 million and a half people"
    >>> scale_fraction(s, 9, 1e6, lex)
    (500000.0, 20)
    >>> s = "5 billion and three quarters million"
    >>> scale_fraction(s, 9, 1e9, lex)
    (750000.0, 36)
    >>> [scale_fraction(s, 9, 1e6, lex) for s in ("3 million and a quarter of the vote",
    ...                                           "3 million and a third term", "3 million and two half")]
    [None, None, None]
    """
    m = _AND_FRACTION.match(text, pos) if scale >= MIN_FRACTION_SCALE else None
    if not m:
        return None  # ('a hundred and three quarters' is 100.75 or 375: left alone)
    frac_word = m.group("f").lower()
    denom = lex.fractions.get(frac_word)
    num_word = m.group("n").lower()
    num = 1.0 if num_word in ("a", "an") else float(lex.cardinals.get(num_word, 0))
    if denom is None or not num or num >= denom:
        return None
    plural = frac_word.endswith("s")
    if plural != (num > 1):
        return None  # 'a halves', 'two half': not a fraction
    if frac_word not in ("half", "halves", "quarter", "quarters") and num == 1 and not plural:
        ms = _NEXT_SCALE.match(text, m.end())
        if not (ms and ms.group("s").lower() in lex.scales):
            return None  # 'and a third term': an ordinal
    end, unit = m.end(), scale
    ms = _NEXT_SCALE.match(text, end)
    if ms and ms.group("s").lower() in lex.scales and lex.scales[ms.group("s").lower()] < scale:
        end, unit = ms.end(), float(lex.scales[ms.group("s").lower()])
    if _OF_AFTER.match(text, end):
        return None
    return num / denom * unit, end


def parse_word_run(text: str, start: int, end: int, lex: ExtractLexicon) -> list[WordNumber]:
    """Every number in the run of number words ``text[start:end]``, left to right.

    >>> lex = ExtractLexicon.default()
    >>> def vals(s): return [(n.value, n.form) for n in parse_word_run(s, 0, len(s), lex)]
    >>> vals("eleven thousand"), vals("a hundred and two"), vals("two and a half million")
    ([(11000.0, 'cardinal')], [(102.0, 'cardinal')], [(2500000.0, 'cardinal')])
    >>> vals("half a million"), vals("a third of"), vals("two-thirds"), vals("twenty-first")
    ([(500000.0, 'cardinal')], [(0.3333333333333333, 'fraction')], [(0.6666666666666666, 'fraction')], [(21.0, 'ordinal')])
    >>> vals("a quarter of a million"), vals("three-quarters of a billion"), vals("half of a million")
    ([(250000.0, 'cardinal')], [(750000000.0, 'cardinal')], [(500000.0, 'cardinal')])
    >>> vals("third"), vals("a dozen"), vals("first quarter"), vals("a third term")
    ([(3.0, 'ordinal')], [(12.0, 'cardinal')], [(1.0, 'ordinal')], [(3.0, 'ordinal')])
    """
    toks = [(m.group("w").lower(), m.start("w") + start, m.end("w") + start, m.group("sep"))
            for m in _WORD_TOKEN.finditer(text[start:end])]
    out: list[WordNumber] = []
    i, n = 0, len(toks)
    cardinal_words = lex.cardinal_words
    while i < n:
        w = toks[i][0]
        # a cardinal run: 'a hundred and two', 'eleven thousand', 'twenty'
        j = i
        run: list[str] = []
        while j < n:
            t = toks[j][0]
            if t in cardinal_words:
                run.append(t)
            elif t in ("a", "an") and j == i and j + 1 < n and toks[j + 1][0] in lex.scale_or_fraction_words:
                run.append(t)
            elif t == "and" and run and j + 1 < n and toks[j + 1][0] in lex.cardinals and run[-1] in lex.scales \
                    and not (j + 2 < n and toks[j + 2][0] in lex.fractions and toks[j + 2][0] not in lex.ordinals
                             and lex.scales[run[-1]] >= MIN_FRACTION_SCALE):
                run.append(t)  # ('two million and three fifths' stops before 'and')
            else:
                break
            j += 1
        # shrink from the right until text2num accepts it
        value = None
        k = j
        while k > i:
            words = [toks[x][0] for x in range(i, k)]
            if words[-1] not in ("a", "an", "and"):
                value = _cardinal(words, lex)
                if value is not None:
                    break
            k -= 1
        if value is None and run == [w] and w in ("a", "an"):
            value, k = 1.0, i + 1  # 'a third', 'a quarter'
        rest = toks[k:] if value is not None else toks[i:]
        nxt = rest[0][0] if rest else None
        scaled = value is not None and any(toks[x][0] in lex.scales for x in range(i, k))
        last = toks[k - 1][0] if value is not None else ""
        if value is not None and scaled and last in lex.scales and lex.scales[last] >= MIN_FRACTION_SCALE:
            added = scale_fraction(text, toks[k - 1][2], float(lex.scales[last]), lex)
            if added is not None:  # '3 million and a half'
                frac_end = added[1]
                while k < n and toks[k][1] < frac_end:
                    k += 1
                out.append(WordNumber(toks[i][1], frac_end, value + added[0], "cardinal", True))
                i = k
                continue
        if value is not None and nxt in lex.ordinals and toks[k][3].strip() == "-" and value >= 20 and value % 10 == 0:
            # 'twenty-first'
            out.append(WordNumber(toks[i][1], toks[k][2], value + lex.ordinals[nxt], "ordinal"))
            i = k + 1
            continue
        # fractions: 'a third', 'two-thirds', 'two and a half', 'half a million'
        numerator, num_end_idx = (value, k) if value is not None else (None, i)
        if numerator is not None and not scaled and num_end_idx < n:
            m = num_end_idx
            if toks[m][0] == "and" and m + 2 < n and toks[m + 1][0] in ("a", "an") and toks[m + 2][0] in lex.fractions:
                frac = toks[m + 2][0]
                total = numerator + 1.0 / lex.fractions[frac]
                end_idx = m + 3
                total, end_idx, scaled2 = _apply_scale(toks, end_idx, total, lex)
                out.append(WordNumber(toks[i][1], toks[end_idx - 1][2], total, "cardinal", scaled2))
                i = end_idx
                continue
            if toks[m][0] in lex.fractions and (toks[i][0] in ("a", "an", "one") or toks[m][0].endswith("s")
                                                 or toks[m][0] in ("half", "quarter")):
                singular = not toks[m][0].endswith("s") and toks[m][0] not in ("half", "quarter")
                after = text[toks[m][2]:toks[m][2] + 8].lower()
                followed = _OF_OR_ARTICLE.match(after) or (m + 1 < n and toks[m + 1][0] in lex.scales)
                if not (singular and toks[i][0] in ("a", "an") and not followed):
                    total = numerator / lex.fractions[toks[m][0]]
                    end_idx = m + 1
                    total, end_idx, scaled2 = _apply_scale(toks, end_idx, total, lex)
                    form = "cardinal" if scaled2 else "fraction"
                    out.append(WordNumber(toks[i][1], toks[end_idx - 1][2], total, form, scaled2))
                    i = end_idx
                    continue
        if value is not None and toks[i][0] in ("a", "an") and k == i + 1:
            i += 1  # a lone article: 'a third term' is an ordinal, read on
            continue
        if value is not None:
            out.append(WordNumber(toks[i][1], toks[k - 1][2], value, "cardinal", scaled))
            i = k
            continue
        if w == "quarter" and i + 1 < n and toks[i + 1][0] in lex.scales:
            total, end_idx, scaled2 = _apply_scale(toks, i + 1, 0.25, lex)  # 'quarter million'
            out.append(WordNumber(toks[i][1], toks[end_idx - 1][2], total, "cardinal", scaled2))
            i = end_idx
            continue
        if w == "half":
            total, end_idx, scaled2 = _apply_scale(toks, i + 1, 0.5, lex)
            out.append(WordNumber(toks[i][1], toks[end_idx - 1][2], total, "cardinal" if scaled2 else "fraction",
                                  scaled2))
            i = end_idx
            continue
        if w in lex.ordinals:
            out.append(WordNumber(toks[i][1], toks[i][2], float(lex.ordinals[w]), "ordinal"))
        i += 1
    return out


def _apply_scale(toks: list[tuple[str, int, int, str]], idx: int, value: float,
                 lex: ExtractLexicon) -> tuple[float, int, bool]:
    """Multiply by a following scale word ('half a million', 'a quarter of a million'); returns value,
    next index, scaled."""
    j = idx
    if j + 1 < len(toks) and toks[j][0] == "of":
        j += 1
    if j < len(toks) and toks[j][0] in ("a", "an") and j + 1 < len(toks) and toks[j + 1][0] in lex.scales:
        j += 1
    if j < len(toks) and toks[j][0] in lex.scales:
        return value * lex.scales[toks[j][0]], j + 1, True
    return value, idx, False
