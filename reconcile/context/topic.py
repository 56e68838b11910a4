"""What story an article tells, as a handful of proper names: the topic keys.

Two articles that report the same event share names ("Helene", "North Carolina",
"Buncombe County"); two that merely count "people" do not.  The reconciler compares claims
of different articles only when their topic keys overlap, so a road accident and a flood
never meet.  Keys are the article's most frequent runs of capitalised words ("north korea",
"kyrylo budanov"), sentence openers and the generic words of the ``story_anchors`` lexicon
dropped; a name in the title counts double.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from reconcile.lexicons import load
from reconcile.models import Article

#: How many keys an article keeps.
MAX_KEYS = 12
#: Text read for keys: the lead carries the story's names.
MAX_CHARS = 20_000

NAME_RUN = re.compile(
    r"""
    (?P<run>
      [A-Z]                       # a capital (matched first: the engine scans for it quickly) ...
      (?<![\w’'].)                # ... opening a word, not inside one ("iPhone")
      [\w’'.-]*                   # the rest of a capitalised word ("Kyiv", "U.S.", "Kyiv-based")
      (?:(?<![a-z]\.)             # not past a word ending a sentence ("in Barcelona. The Catalan")
         [ ][A-Z][\w’'.-]*)*      # more capitalised words in the same run ("North Korea", "U.S. Army")
    )
    """,
    re.VERBOSE,
)

#: A capitalised word opening the text, a line or a sentence.
OPENER_WORD = re.compile(r"(?:^|[.!?]\s+|\n\s*)([A-Z][a-z]+)\b")

#: A capitalised word opening a line or a sentence (OPENER_WORD past the text's start).  The pattern
#: opens with one character class (a stop or a newline), which the regex engine scans for quickly;
#: then white space: at least one character after a stop, any after a newline.
INNER_OPENER_WORD = re.compile(
    r"""[.!?\n]                 # a stop or a newline
        (?:(?<=\n)\s*|\s+)      # white space: any after a newline, some after a stop
        ([A-Z][a-z]+)\b          # the capitalised word
    """,
    re.VERBOSE,
)

#: What follows a wire dateline's place: "ANKARA, March 3 (Reuters) -", "KEMERLI, Turkey (AP) —", "PARIS —".
DATELINE_AFTER = re.compile(r",|\s*\(|\s+[-\u2013\u2014]")

#: A capitalised word at the very start of the text.
FIRST_WORD = re.compile(r"[A-Z][a-z]+\b")

#: A maximal run of word characters: the whole words of a text, as ``\b...\b`` sees them.
WORD_CHARS = re.compile(r"\w+")

#: Marks after which a capital only opens a sentence, a quote or a clause (white space between).
OPENER_MARKS = frozenset('.!?:;—–"“(')


def _opens(text: str, start: int) -> bool:
    """Whether the capital at ``start`` may only open the text, a line, a sentence, a quote or a clause:
    the three characters before it are white space after one of ``OPENER_MARKS`` or a line break.

    >>> [_opens(t, t.index("X")) for t in ("X said", "Yes. X", 'he said "X', "a\\n X", "met X", "said,  X")]
    [True, True, True, True, False, False]
    """
    window = text[max(0, start - 3) : start]
    stripped = window.rstrip()
    if "\n" in window[len(stripped) :]:
        return True
    return start == 0 if not stripped else stripped[-1] in OPENER_MARKS


@functools.cache
def _ignored() -> frozenset[str]:
    return frozenset(load("story_anchors")["ignore"])


@functools.lru_cache(maxsize=1 << 16)  # names repeat within and across articles
def _fold(word: str) -> str:
    return word.replace("’", "'").removesuffix("'s").rstrip(".'").lower().replace(".", "")


@functools.cache
def _demonyms() -> dict[str, str]:
    return dict(load("scope").get("demonyms", {}))


def _opener_names(text: str) -> frozenset[str]:
    """Words that open sentences yet are names: capitalised at least twice, never written in lower case.

    >>> sorted(_opener_names("Norvik cut jobs. Norvik said so. The firm agreed. The end."))
    ['norvik']
    """
    first = FIRST_WORD.match(text)  # OPENER_WORD.findall(text), split for speed
    counts = Counter(INNER_OPENER_WORD.findall(text))
    if first:
        counts[first.group()] += 1
    ignored = _ignored()
    seen = {w.lower() for w, n in counts.items() if n > 1} - ignored
    # a lower-case use is a whole word of the text ("\bword\b"): a plain substring test rules most out,
    # and the text's words are listed (once) only when one candidate passes it
    lowered = {w for w in seen if w in text}
    if lowered:
        lowered &= set(WORD_CHARS.findall(text))
    return frozenset(seen - lowered)


def name_runs(text: str, names: frozenset[str] | None = None) -> list[str]:
    """Capitalised runs of a text, folded, openers and generic words dropped; demonyms read as their
    place ("Swedish" -> "sweden"), and a sentence opener kept when it is a name used again.

    >>> name_runs("The agency said North Korean troops reached Kursk. Officials in Kyiv agreed.")
    ['north korea', 'kursk', 'kyiv']
    """
    return [key for key, _ in _keyed_runs(text, _opener_names(text) if names is None else names)]


def _keyed_runs(text: str, names: frozenset[str]) -> list[tuple[str, str | None]]:
    """``name_runs`` with, for a run whose opening word was dropped, the key of the whole run (None
    otherwise): "Orchard Tech reported" opening a sentence gives ("tech", "orchard tech"), and the
    whole name is kept when the text names it whole elsewhere.  A wire dateline's place in capitals
    ("SAN FRANCISCO, Oct 30 (Wire One) -") gives no key: it says where the reporter sat.

    >>> _keyed_runs("SAN FRANCISCO, Oct 30 - Orchard Tech rose. Orchard Tech said so.", frozenset())
    [('orchard tech', None), ('tech', 'orchard tech')]
    """
    out: list[tuple[str, str | None]] = []
    for m in NAME_RUN.finditer(text):
        start, run = m.start(), m.group("run")
        opens = _opens(text, start)
        if opens and _acronym(run):
            if DATELINE_AFTER.match(text, m.end()):
                if run.isupper() and _dateline_start(text, start):
                    continue  # "SAN FRANCISCO, Oct 30 (Wire One) -": a dateline's place
            else:
                opens = False  # "AFAD said": an acronym opening a sentence is a name
        dropped = opens and _fold(run.split(" ")[0]) not in names
        key = _run_key(run, dropped)
        if key:
            out.append((key, _run_key(run, False) if dropped and " " in run else None))
    return out


def _dateline_start(text: str, start: int) -> bool:
    """Whether ``start`` opens the text or a line (where a wire dateline stands).

    >>> _dateline_start("PARIS - x", 0), _dateline_start("a\\nPARIS - x", 2), _dateline_start("a. PARIS", 3)
    (True, True, False)
    """
    return not text[text.rfind("\n", 0, start) + 1 : start].strip()


def _acronym(run: str) -> bool:
    """A run opening with a word of capitals only ("AFAD", "U.N.", "CAAN").

    >>> _acronym("AFAD"), _acronym("The Pentagon"), _acronym("I")
    (True, False, False)
    """
    first = run.split(" ", 1)[0]
    return len(first) > 1 and first.isupper()


@functools.lru_cache(maxsize=1 << 16)  # runs repeat within and across articles
def _run_key(run: str, opens: bool) -> str:
    """A run's folded words, generic ones dropped (and the first, when it may only open a sentence).

    >>> _run_key("The Pentagon", True), _run_key("North Korea's", False)
    ('pentagon', 'north korea')
    """
    ignored = _ignored()
    words = run.split(" ")
    if opens:
        words = words[1:]  # the first word may only open the sentence
    key = " ".join(w for w in (_fold(w) for w in words) if w and w not in ignored and len(w) > 1)
    return _demonym_place(key) or key  # "Swedish" -> "sweden"


def _demonym_place(key: str) -> str | None:
    """The place a demonym names, plural or not ("Egyptians", "North Koreans"); None for other keys.

    >>> _demonym_place("swedish"), _demonym_place("egyptians"), _demonym_place("north koreans")
    ('sweden', 'egypt', 'north korea')
    >>> _demonym_place("swiss"), _demonym_place("athens")
    ('switzerland', None)
    """
    places = _demonyms()
    place = places.get(key)
    if place is None and key.endswith("s"):
        place = places.get(key[:-1])
    return place


def names_agree(a: str, b: str) -> bool:
    """One folded name names the other or a part of it: topic keys ("budanov" and "kyrylo
    budanov") and scope places ("eastern russia" within "russia") are compared alike.

    >>> names_agree("budanov", "kyrylo budanov"), names_agree("eastern russia", "russia")
    (True, True)
    >>> names_agree("north korea", "south korea")
    False

    An acronym names what its initials spell ("who" and "world health organization", "us" and
    "united states"; small words skipped):

    >>> names_agree("who", "world health organization"), names_agree("un", "united nations")
    (True, True)
    >>> names_agree("imf", "international monetary fund"), names_agree("who", "world bank")
    (True, False)
    """
    ta, tb = set(a.split()), set(b.split())
    if ta <= tb or tb <= ta:
        return True
    if (len(ta) == 1) == (len(tb) == 1):
        return False
    return _spells(a, b) if len(ta) == 1 else _spells(b, a)


#: Small words an acronym leaves out ("International Monetary Fund", "Organisation of ... States").
ACRONYM_SKIPS = frozenset(["of", "the", "and", "for", "on", "in", "de", "&"])


@functools.lru_cache(maxsize=65536)
def _spells(acronym: str, name: str) -> bool:
    """Whether ``acronym`` is the initials of ``name``'s words (2 to 6 letters)."""
    if not 2 <= len(acronym) <= 6 or not acronym.isalpha():
        return False
    return acronym == "".join(w[0] for w in name.split() if w not in ACRONYM_SKIPS)


def shared_keys(a: list[str], b: list[str]) -> int:
    """How many keys of ``a`` match a key of ``b``.

    >>> shared_keys(["helene", "asheville", "north carolina"], ["carolina", "helene", "florida"])
    2
    """
    return sum(any(names_agree(x, y) for y in b) for x in a)


def topic_keys(article: Article) -> list[str]:
    """The article's topic keys, most frequent first (ties: the one read first, headline then text).

    >>> a = Article(id="x", title="Helene toll rises in North Carolina",
    ...             text="The storm Helene hit Asheville. Officials in Asheville said Helene killed 20.")
    >>> topic_keys(a)[:3]
    ['north carolina', 'helene', 'asheville']
    """
    names = _opener_names(f"{article.title or ''}\n{article.text[:MAX_CHARS]}")
    body = _keyed_runs(article.text[:MAX_CHARS], names)
    title = _keyed_runs(article.title, names) if article.title else []
    # a run whose opening word was dropped keeps its whole name when the article names it whole
    # elsewhere ("Orchard Tech revenue beats forecasts" in the headline, "- Orchard Tech reported" below)
    whole = {key for key, dropped in (*body, *title) if dropped is None}
    counts = Counter([key if full is None or full not in whole else full for key, full in body])
    title_order = list(dict.fromkeys(key if full is None or full not in whole else full for key, full in title))
    for key in title_order:
        counts[key] += 2  # a name in the headline counts double (once, however often it is there)
    # the outlet's own name ("(Wire One) -", "Source: ABC") tells nothing of the story
    outlet = _fold_name(article.source or "")
    if outlet:
        for key in [k for k in counts if set(k.split()) <= outlet]:
            del counts[key]
    # ties go to the name read first (the headline, then the text in order): the lead carries the
    # story, and a name met only in the last paragraph ("since 2016, when ... near Crete") does not
    # push out one of the lead's
    read_at: dict[str, int] = {}
    for key in (*title_order, *counts):
        read_at.setdefault(key, len(read_at))
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], read_at[kv[0]]))
    return [key for key, _ in ranked[:MAX_KEYS]]


def _fold_name(name: str) -> frozenset[str]:
    """The folded words of a name (an outlet's).

    >>> sorted(_fold_name("Wire One")), _fold_name("")
    (['one', 'wire'], frozenset())
    """
    return frozenset(w for w in (_fold(w) for w in name.split()) if w)
