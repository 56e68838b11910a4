"""Which claims of one quantity belong to the same news story?

"3 people" in a road accident and "200 people" in a flood count the same thing but are not
rivals.  Inside a block (same dimension and counted thing) claims are linked into one story
when they share an article or a story anchor: a capitalised word of their sentence or title
("Budanov", "Kursk", "Valencia", "Helene") that is not on the generic list of the
``story_anchors`` lexicon.  Claims with no anchor at all cannot be placed and join the one story
of the block when there is a single one, or a story of their own otherwise.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Sequence

from reconcile.context.topic import names_agree, shared_keys
from reconcile.lexicons import load
from reconcile.models import Claim

#: Characters after which a capital only marks a new sentence, quote or clause.
OPENERS = frozenset('.!?:;“"(—–')
#: Punctuation stripped from the end of a capitalised word.
TRAILING = ".,;:!?”\"'’)]…"
#: Closing quotes and brackets that may follow a sentence end ('said.”').
CLOSERS = "”\"'’)]"
#: Opening quotes and brackets: a word that starts with one opens a quote, not a name.
LEADING = " \t\n“\"'‘("


#: A title is in title case when at least this share of its longer words is capitalised.
TITLE_CASE_SHARE = 0.6


@functools.cache
def _ignored() -> frozenset[str]:
    return frozenset(load("story_anchors")["ignore"])


@functools.cache
def _demonyms() -> dict[str, str]:
    return {k: v for k, v in load("scope").get("demonyms", {}).items() if " " not in k}


def _fold(word: str) -> str:
    """A capitalised word as an anchor; a demonym reads as its place ("Swedish" -> "sweden").

    >>> _fold("Swedish"), _fold("Kyiv's"), _fold("Milan-based")
    ('sweden', 'kyiv', 'milan')
    """
    word = word.replace("’", "'")
    word = word.removesuffix("'s").removesuffix("-based")  # "the Milan-based company" is placed in Milan
    folded = word.lower().replace(".", "")
    return _demonyms().get(folded, folded)


#: A token that may start with a capital, right after white space: the only tokens that can be
#: anchors.  The class holds every character ``str.isupper`` accepts (upper-case ASCII letters and
#: letters past Latin-1's symbols), no white space and no general punctuation; ``\s`` is exactly
#: ``str.isspace``.
CAPITALISED = re.compile(
    r"""
    [A-Z\xc0-\u167f\u1681-\u1fff\u2070-\u2fff\u3001-\U0010ffff]  # may be upper case (tested after); no space
    (?<=\s.)                            # ... after white space: a token of its own
    \S*+                                # the rest of the token
    """,
    re.VERBOSE,
)


@functools.lru_cache(maxsize=16384)
def text_anchors(text: str) -> frozenset[str]:
    """Capitalised words of a sentence that can tie it to a story (sentence openers skipped).

    >>> sorted(text_anchors("South Korea’s spy agency warned last week that 1,500 soldiers were in Russia."))
    ['korea', 'russia']
    >>> sorted(text_anchors("“We said so,” Zelensky told ABC. Then (LONDON) Kyiv-based firms"))
    ['kyiv', 'zelensky']
    >>> sorted(text_anchors('"The toll could rise to 150," Hossain said. "Rescuers came," he said. "Dhaka'))
    ['hossain']
    """
    out = set()
    # a capitalised token is an anchor unless it opens the text or the token before it ends a
    # sentence, quote or clause (also behind closing quotes and brackets: 'said.” Kyiv')
    for m in CAPITALISED.finditer(text):
        word = m.group()
        if not word[0].isupper():
            continue
        end = m.start() - 2  # the last character of the token before (the one before it is white space)
        while end >= 0 and text[end].isspace():
            end -= 1
        if end < 0:
            continue
        # a straight double quote right after a word or a comma closes a quote ('150," Hossain
        # said'); after white space it opens one
        closing = text[end] == '"' and end > 0 and not text[end - 1].isspace()
        if text[end] in OPENERS and not closing:
            continue
        if text[end] in CLOSERS:
            while end >= 0 and text[end] in CLOSERS:
                end -= 1
            if end >= 0 and text[end] in OPENERS:
                continue
        anchor = _anchor(word)
        if anchor:
            out.add(anchor)
    return frozenset(out)


@functools.lru_cache(maxsize=65536)
def _anchor(word: str) -> str | None:
    """The anchor a capitalised token gives, None for a generic word (names repeat: cached).

    >>> _anchor("Korea’s"), _anchor("Kyiv,"), _anchor("Officials")
    ('korea', 'kyiv', None)
    """
    folded = _fold(word.rstrip(TRAILING))
    return folded if len(folded) > 1 and folded not in _ignored() else None


@functools.lru_cache(maxsize=65536)
def title_anchors(title: str) -> frozenset[str]:
    """Anchors of a headline; none when it is in title case (every word capitalised).

    >>> sorted(title_anchors("Austin arrives in Kyiv as troops gather"))
    ['kyiv']
    >>> title_anchors("Death Toll Rises To 205 After Storm")
    frozenset()
    """
    words = [w for w in title.split() if len(w) > 3 and w[0].isalpha()]
    if words and sum(w[0].isupper() for w in words) / len(words) >= TITLE_CASE_SHARE:
        return frozenset()
    return text_anchors(title)


#: Units kept per anchor to test a new unit against: bounds the work on common names.
MAX_REPRESENTATIVES = 8
#: Topic keys two articles must share to be one story.
MIN_SHARED_TOPIC_KEYS = 2


def same_story(a: Claim, b: Claim) -> bool:
    """Claims of two articles are one story when their topics agree; of one article, when
    different voices give them.

    Claims without topic keys (built by hand, or from an article with no names) are not held
    apart by this test.
    """
    da, db = a.__dict__, b.__dict__  # dict reads: cheaper than pydantic attribute lookups
    if da["article_id"] == db["article_id"]:
        # one article does not contradict itself: two of its figures for one counted thing are
        # rival figures only when different voices give them ("1,500, the spy agency said" vs
        # "nearly 11,000, Budanov said"); otherwise they count different subsets or events
        # (nor when they are dated apart: "95 on Wednesday, 158 on Thursday" is one series)
        if da["change_id"] is not None and da["change_id"] == db["change_id"]:
            return True
        return rival_voices(a, b) or (da["as_of"], da["as_of_end"]) != (db["as_of"], db["as_of_end"])
    ta, tb = da["topic"], db["topic"]
    if not ta or not tb:
        return True
    # a short article names few things: one shared name is all it can offer
    needed = MIN_SHARED_TOPIC_KEYS if min(len(ta), len(tb)) > MIN_SHARED_TOPIC_KEYS else 1
    shared = shared_names(ta, tb)
    if shared >= needed:
        return True
    # or the one name both articles lead with, when it is a name of several words and no country or
    # state: two short reports of one event often share its main name only ("Orchard Tech", "Tomas
    # Rainer"), while two reports led by "Sydney" or "Afghanistan" may tell any two stories; a
    # one-word name ("Belgrade") only for figures of one date whose headlines name one event
    return shared == 1 and (
        leading_name_agrees(ta[0], tb[0]) or leading_word_same_event(da, db, ta[0], tb[0])
    )


def shared_names(a: Sequence[str], b: Sequence[str]) -> int:
    """How many keys two articles' topics share, the same count whichever article is first.

    ``shared_keys`` counts the keys of its first argument that match a key of the second, so a name
    split into two keys by one article ("kyrylo", "budanov") counts twice from that side and once
    from the other ("kyrylo budanov"): a link depended on which article sorted first.  The larger
    count is taken: a link either order found is kept (the smaller would drop links the golden
    stories rely on: "democratic union" against "democratic union" and "democratic union tomas
    brezny"), and none depends on the order.

    >>> shared_names(["kyrylo budanov", "kursk"], ["kyrylo", "budanov"]), shared_names(["kyrylo", "budanov"], ["kyrylo budanov", "kursk"])
    (2, 2)
    """
    n = shared_keys(a, b)
    return max(n, shared_keys(b, a)) if n else 0


def leading_word_same_event(da: dict, db: dict, a: str, b: str) -> bool:
    """Two claims (field dicts) of articles led by one name of one word ("belgrade"), no country or
    state, of the same date, whose headlines name the same thing besides it ("crowd"): two reports
    of one event that share only its city.  The same city on another day, an undated figure, or two
    headlines with nothing in common (a crash and a fire in one city) is no link.

    >>> from datetime import date
    >>> d = {"as_of": date(2025, 3, 15), "as_of_end": None, "title": "Huge crowd marches through Belgrade"}
    >>> e = {**d, "title": "Belgrade rally draws biggest crowd in a decade"}
    >>> leading_word_same_event(d, e, "belgrade", "belgrade"), leading_word_same_event(d, e, "serbia", "serbia")
    (True, False)
    >>> leading_word_same_event(d, {**e, "as_of": date(2025, 3, 11)}, "belgrade", "belgrade")
    False
    >>> leading_word_same_event(d, {**e, "title": "Belgrade teachers strike over pay"}, "belgrade", "belgrade")
    False
    """
    return (
        a == b
        and da["as_of"] is not None
        and da["as_of"] == db["as_of"]
        and da["as_of_end"] == db["as_of_end"]
        and " " not in a
        and a not in _broad_places()
        and bool(da["title"] and db["title"] and (headline_words(da["title"]) & headline_words(db["title"])) - {a})
    )


@functools.lru_cache(maxsize=16384)
def headline_words(title: str) -> frozenset[str]:
    """Words of a headline that may name its event: four letters or more, a plural 's' dropped, none
    of the ``story_anchors`` lexicon's generic or headline words.

    >>> sorted(headline_words("Huge crowds rally through Belgrade as toll rises"))
    ['belgrade', 'crowd', 'rally']
    """
    out = set()
    for w in re.findall(r"[a-z]+", title.lower()):
        w = w[:-1] if w.endswith("s") and not w.endswith("ss") else w
        if len(w) >= 4 and w not in _ignored() and w not in _headline_generic():
            out.add(w)
    return frozenset(out)


@functools.cache
def _headline_generic() -> frozenset[str]:
    return frozenset(load("story_anchors").get("headline_generic", ()))


def leading_name_agrees(a: str, b: str) -> bool:
    """Whether two articles' leading topic keys name one thing, each by a name of several words (rarer
    than one word), and not a country or a state.

    >>> leading_name_agrees("orchard tech", "orchard tech"), leading_name_agrees("tomas rainer", "rainer")
    (True, False)
    >>> leading_name_agrees("sydney", "sydney"), leading_name_agrees("new zealand", "new zealand")
    (False, False)
    """
    return (
        names_agree(a, b)
        and " " in a
        and " " in b
        and a not in _broad_places()
        and b not in _broad_places()
    )


@functools.cache
def _broad_places() -> frozenset[str]:
    """Countries, states and what names them ("u.s.", "britain"): too broad to tell a story by."""
    scope = load("scope")
    aliases = scope.get("place_aliases", {})
    names = [*scope.get("countries", ()), *scope.get("states", ()), *aliases, *aliases.values(),
             *scope.get("demonyms", {}).values()]
    return frozenset(n.lower().replace(".", "") for n in names)


def rival_voices(a: Claim, b: Claim) -> bool:
    """Two figures of one article are rivals when different voices give them ("1,500, the spy
    agency said" vs "nearly 11,000, Budanov said"; the outlet itself is a voice too)."""
    return _voice(a) != _voice(b)


def _same_article_or_topic(a: Claim, b: Claim) -> bool:
    """Claims of one article, or of two articles whose topics agree (claims without topic keys agree)."""
    return a.article_id == b.article_id or same_story(a, b)


def _voice(claim: Claim) -> str:
    """Who gives the figure: the speaker, else the outlet itself ("")."""
    return _folded_name(claim.speaker or "")


@functools.lru_cache(maxsize=65536)
def _folded_name(name: str) -> str:
    """A name compared case- and space-blind, curly apostrophes folded (names repeat: cached).

    >>> _folded_name(" Kyrylo  BUDANOV’s ")
    "kyrylo budanov's"
    """
    return " ".join(name.lower().replace("’", "'").split())


def claim_anchors(claim: Claim) -> frozenset[str]:
    d = claim.__dict__  # fields read from the dict: cheaper than pydantic attribute lookups
    sentence, title = d["sentence"], d["title"]
    anchors = text_anchors(sentence) if sentence else frozenset()
    if sentence and d["topic"]:
        opener = _opener_anchor(sentence)
        if opener is not None and any(opener in key.split() for key in d["topic"] if key.count(" ") <= 1):
            anchors = anchors | {opener}
    if title:
        anchors = anchors | title_anchors(title) | topic_title_anchors(title, tuple(d["topic"]))
    return anchors


@functools.lru_cache(maxsize=16384)
def _opener_anchor(sentence: str) -> str | None:
    """The anchor the word opening a sentence would give.  ``claim_anchors`` keeps it when it is a
    name of the claim's article (a word of one of its topic keys of one or two words): "Traveland's
    travel centres have closed" is about Traveland, though a capital there only opens the sentence.

    >>> _opener_anchor("Traveland's centres closed, leaving 550 staff"), _opener_anchor("Officials said 550 left")
    ('traveland', None)
    """
    words = sentence.lstrip(LEADING).split(None, 1)
    return _anchor(words[0]) if words and words[0][0].isupper() else None


@functools.lru_cache(maxsize=16384)
def topic_title_anchors(title: str, topic: tuple[str, ...]) -> frozenset[str]:
    """Words of a headline in title case that are also words of short topic keys of its article (names
    of one or two words): "Veltro Lifts Margin Outlook as Profit Tops Estimates" is about Veltro (SpA).

    >>> sorted(topic_title_anchors("Veltro Lifts Margin Outlook", ("veltro spa", "milan", "veltro lifts margin outlook")))
    ['veltro']
    """
    single = {word for key in topic if key.count(" ") <= 1 for word in key.split()}
    if not single:
        return frozenset()
    return frozenset(a for a in (_anchor(w) for w in title.split()) if a in single)


def _homes(units: Sequence[Sequence[Claim]], placed: list[list[int]], loose: list[int]) -> dict[int, int]:
    """The one placed story each loose unit's article tells (same article, or topics that agree),
    for the loose units that have exactly one.  Stories are looked up by the words of their
    representatives' topic keys and articles (two names agree only when they share a word), so a
    unit is tested against the few stories that share a name with it, never against every story.
    """
    reps = [s[:MAX_REPRESENTATIVES] for s in placed]
    by_word: dict[str, set[int]] = defaultdict(set)
    everywhere: set[int] = set()  # stories with a claim without topic keys: such a claim agrees with any
    for k, r in enumerate(reps):
        for j in r:
            d = units[j][0].__dict__
            by_word["\x00" + d["article_id"]].add(k)
            if not d["topic"]:
                everywhere.add(k)
            for key in d["topic"]:
                for word in key.split():
                    by_word[word].add(k)
    out: dict[int, int] = {}
    for i in loose:
        claim = units[i][0]
        d = claim.__dict__
        if not d["topic"]:
            if len(placed) == 1:  # agrees with any story: placed only when there is one
                out[i] = 0
            continue
        candidates = set(everywhere) | by_word.get("\x00" + d["article_id"], set())
        for key in d["topic"]:
            for word in key.split():
                candidates |= by_word.get(word, set())
        found = []
        for k in sorted(candidates):
            if any(_same_article_or_topic(units[j][0], claim) for j in reps[k]):
                found.append(k)
                if len(found) > 1:
                    break  # two stories agree: placed in neither
        if len(found) == 1:
            out[i] = found[0]
    return out


def story_components(units: Sequence[Sequence[Claim]]) -> list[list[int]]:
    """Partition units (copy clusters) of one block into stories; returns lists of unit indices.

    Deterministic for a given set of units: indices within a story are ascending and stories
    are ordered by their first index.
    """
    n = len(units)
    if n <= 1:
        return [list(range(n))]
    parent = list(range(n))  # a union-find over unit indices; a root is its component's least index

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    holders: dict[str, list[int]] = {}
    anchored = [False] * n
    for i, unit in enumerate(units):
        # the root of unit i, kept up to date as it joins other components (only units before i
        # have been linked so far: i is still its own root)
        ri = i
        for claim in unit:
            d = claim.__dict__  # dict reads: cheaper than pydantic attribute lookups
            article_key = f"article:{d['article_id']}"
            sentence = d["sentence"]
            own = text_anchors(sentence) if sentence else frozenset()
            # claim_anchors(claim), its title and opener parts only when there is a title or a topic
            anchors = own if not (d["title"] or d["topic"]) else claim_anchors(claim)
            if own:
                # placed by a name of its own sentence; one named only by its headline (or by the
                # name opening its sentence) is placed below, with the story its article's topic agrees with
                anchored[i] = True
            for key in (article_key, *anchors):
                reps = holders.get(key)
                if reps is None:
                    holders[key] = [i]
                    continue
                # a shared name links two articles only when their topics agree too: "Gaza" in
                # two articles of different weeks, or "Sydney" in a crash and a fire, is no link
                for j in reps:  # every component this key reaches, not only the first one
                    rj = j if parent[j] == j else find(j)
                    if ri != rj and same_story(units[j][0], claim):
                        if ri < rj:
                            parent[rj] = ri
                        else:
                            parent[ri] = rj
                            ri = rj
                # keep a representative of every component seen under this key (a few at most)
                if len(reps) < MAX_REPRESENTATIVES:
                    r0 = reps[0]
                    if (r0 if parent[r0] == r0 else find(r0)) != ri:
                        reps.append(i)
    roots: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        roots[i if parent[i] == i else find(i)].append(i)
    stories = list(roots.values())
    placed = [s for s in stories if any(anchored[i] for i in s)]
    loose = [i for s in stories if not any(anchored[i] for i in s) for i in s]
    if loose:
        if placed:
            # an unanchored figure joins a story only when its article tells that story (same
            # article, or topics that agree): "26 countries" in a satellite story never joins "13
            # countries" in a yacht race; it joins the one story that agrees, never one of several
            # ("More than 4,000 residents were evacuated, officials said" in a fire story whose
            # other articles name the fire's town)
            homes = _homes(units, placed, loose)
            for i, home in homes.items():
                placed[home].append(i)
            loose = [i for i in loose if i not in homes]
        # the rest: one story per set of articles whose topics agree (checked against a few stories)
        rest: list[list[int]] = []
        for i in loose:
            home = next((s for s in rest[-MAX_REPRESENTATIVES:] if _same_article_or_topic(units[s[0]][0], units[i][0])),
                        None)
            if home is None:
                rest.append([i])
            else:
                home.append(i)
        placed.extend(rest)
    for s in placed:
        s.sort()
    return sorted(placed, key=lambda s: s[0])
