"""Comparable claims -> groups of the same quantity.  Blocking first, never all pairs.

1. ``block_key(claim)``: the dimension family (count, a pint dimensionality, one currency,
   percent, ordinal, age ...) and the normalised counted thing (plus the owner for ordinals).
   Claims with different keys are never compared, so grouping is linear in the number of claims
   plus the work inside each block; a batch job may distribute blocks freely (``group_block``
   sees one block and nothing else).
2. Inside a block: syndicated copies are merged (``reconcile.syndication``), claims are split
   into news stories (``reconcile.story``), then into scope classes (``reconcile.scope_compare``).
   A class of two or more reports (copy clusters) is a group; the one-report classes of a story,
   which differ in scope from each other, form one group together (its verdict will be
   ``scope``); a lone report reprinted by several outlets is a group of its copies.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from reconcile.lexicons import load
from reconcile.models import Claim, Kind
from reconcile.scope_compare import Signature, compatible, is_national, signature
from reconcile.story import story_components
from reconcile.syndication import copy_clusters
from reconcile.units import to_base

#: Kinds whose figures live on a pint dimension (the unit decides what compares).
DIMENSIONED = {Kind.measure, Kind.duration}
#: Words the plural folding leaves alone.
INVARIANT = frozenset(
    ["news", "series", "species", "means", "data", "media", "people", "police", "staff", "personnel"]
)
#: A word of a sentence (letters, digits, inner apostrophes and hyphens).
WORD = re.compile(
    r"""
    [^\W_]+              # letters or digits
    (?:['\-][^\W_]+)*    # don't, well-known
    """,
    re.VERBOSE,
)
#: Characters that never matter in a counted thing.
NOISE = re.compile(
    r"""
    [^\w\s\-']     # anything but word characters, spaces, hyphens and apostrophes
    """,
    re.VERBOSE,
)


def singular(word: str) -> str:
    """Fold a plural English noun to its singular (a light rule set, no dictionary).

    >>> [singular(w) for w in ["troops", "casualties", "houses", "people", "losses", "status"]]
    ['troop', 'casualty', 'house', 'people', 'loss', 'status']
    """
    if word in INVARIANT or len(word) <= 3:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@functools.lru_cache(maxsize=131072)
def normalise_counted(counted: str) -> str:
    """Lower case, punctuation and articles dropped, every word singular.

    >>> normalise_counted("  North Korean TROOPS ")
    'north korean troop'
    >>> normalise_counted("the deaths")
    'death'
    """
    words = NOISE.sub(" ", counted.lower().replace("’", "'")).split()
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(singular(w) for w in words)


@functools.lru_cache(maxsize=4096)
def _family(kind: Kind, unit: str) -> str:
    if kind in DIMENSIONED:
        from reconcile.units import dimension_key

        try:
            return f"dim:{dimension_key(unit)}"
        except Exception:  # noqa: BLE001 - pint raises many kinds on odd units; an unknown unit stands alone
            return f"unit:{unit}"
    if kind == Kind.money:
        return f"money:{unit.upper()}"
    if kind in (Kind.count, Kind.number):
        return "count"
    return kind.value


@functools.cache
def _generic() -> tuple[frozenset[str], dict[str, str], frozenset[str], int, int]:
    lex = load("generic_counted")
    generic = frozenset(normalise_counted(g) for g in [*lex["generic"], *lex.get("group_generic", ())])
    predicates = {**lex["predicates"], **lex.get("group_predicates", {})}
    return generic, predicates, frozenset(lex["skip"]), lex["window_before"], lex["window_after"]


def effective_counted(claim: Claim) -> str:
    """The normalised counted thing, made specific when it is generic ('people' -> 'death'), under
    the one name of its quantity ('turnout' and 'protester' -> 'attendance': a crowd's size).

    >>> from reconcile.models import Claim
    >>> effective_counted(Claim.model_construct(counted="people", text="205",
    ...     sentence="Storm Kiran has killed 205 people in the valley."))
    'death'
    >>> effective_counted(Claim.model_construct(counted="people", text="3,000",
    ...     sentence="About 3,000 people lined the route."))
    'people lined'
    >>> effective_counted(Claim.model_construct(counted="Australians", text="14",
    ...     sentence="The flood killed 21 people, 14 Australians among them."))
    'australian death'
    >>> effective_counted(Claim.model_construct(counted="turnout", text="48,000",
    ...     sentence="The interior ministry put the turnout at 48,000."))
    'attendance'
    """
    d = claim.__dict__  # fields read from the dict: cheaper than pydantic attribute lookups
    counted = normalise_counted(d["counted"]) if d["counted"] else ""
    generic, demonyms, same = _reading()
    if d["sentence"]:
        if d.get("kind") is Kind.measure and _is_area(d["unit"]):
            burned = _area_counted(claim)
            if burned:
                return burned
        if counted in generic:
            counted = _predicate_counted(claim, counted)
        elif counted in demonyms:
            # "four Palestinians", "three Americans": people by nationality, as generic as "people";
            # the nationality stays ("australian death" is a part of the toll, never the toll)
            specific = _predicate_counted(claim, counted)
            counted = specific if specific.split()[0] == counted else f"{counted} {specific}"
    return same[counted] if counted in same else counted


@functools.cache
def _reading() -> tuple[frozenset[str], frozenset[str], dict[str, str]]:
    """The generic counted things, the one-word demonyms ("palestinian", "australian": people by
    nationality) and the names one quantity goes by (``same_quantity``), loaded once."""
    demonyms = frozenset(k for k in load("scope").get("demonyms", {}) if " " not in k)
    return _generic()[0], demonyms, load("generic_counted")["same_quantity"]


@functools.lru_cache(maxsize=1024)
def _is_area(unit: str) -> bool:
    return _family(Kind.measure, unit) == "dim:[length] ** 2"


def _area_counted(claim: Claim) -> str | None:
    """What an area measures, from the verb before it ('has burned 3,000 hectares' -> 'fire').

    >>> from reconcile.models import Claim
    >>> _area_counted(Claim.model_construct(text="3,120 hectares",
    ...     sentence="Firefighters said they had contained the wildfire after it burned 3,120 hectares."))
    'fire'
    """
    words = WORD.findall(claim.sentence.lower().replace("’", "'"))
    figure = WORD.findall((claim.text or "").lower())
    at = _find(words, figure[0]) if figure else -1
    if at < 0:
        return None
    area = load("generic_counted")["area_predicates"]
    _, _, _, before, _ = _generic()
    for w in reversed(words[max(0, at - before - 1) : at]):  # "has burned some 7,400 acres"
        if w in area:
            return area[w]
    return None


def _predicate_counted(claim: Claim, counted: str) -> str:
    """A generic counted thing made specific by the predicate next to the figure (see ``effective_counted``)."""
    generic, predicates, skip, before, after = _generic()
    words = WORD.findall(claim.sentence.lower().replace("’", "'"))
    figure = WORD.findall((claim.text or "").lower())
    at = _find(words, figure[-1]) if figure else -1
    if at < 0:
        return counted
    near = sorted(range(max(0, at - before), min(len(words), at + after + 1)), key=lambda i: (abs(i - at), i))
    for i in near:
        if words[i] in predicates:
            return predicates[words[i]]
    for w in words[at + 1 : at + after + 1]:  # the first word after the noun qualifies it
        if w not in skip and not w[0].isdigit() and normalise_counted(w) not in generic and normalise_counted(w) != counted:
            return f"{counted} {w}"
    return counted


def _find(words: list[str], token: str) -> int:
    return words.index(token) if token in words else -1


def block_key(claim: Claim) -> str | None:
    """The block a claim is grouped in; None when it cannot be compared with anything.

    The key is ``family|counted`` (``family|counted|owner`` for ordinals).  A claim with no
    counted thing is only comparable with the other end of its own change ("from 27 to 25").

    >>> from reconcile.models import Claim
    >>> block_key(Claim.model_construct(kind=Kind.count, unit="count", counted="North Korean troops"))
    'count|north korean troop'
    >>> block_key(Claim.model_construct(kind=Kind.ordinal, unit="ordinal", counted="visit", owner="Lloyd Austin"))
    'ordinal|visit|lloyd austin'
    >>> block_key(Claim.model_construct(kind=Kind.percent, unit="percent", counted="vote", owner="Civic Alliance"))
    'percent|vote|civic alliance'
    >>> block_key(Claim.model_construct(kind=Kind.percent, unit="percent", counted="vote", owner=None)) is None
    True
    """
    d = claim.__dict__  # fields read from the dict: cheaper than pydantic attribute lookups
    kind, change_id = d["kind"], d["change_id"]
    family = _family(kind, d["unit"])
    counted = effective_counted(claim)
    if not counted:
        return f"{family}|change:{change_id}" if change_id else None
    if kind != Kind.ordinal and _is_owned(counted):
        # "41% of the vote", "five wickets": whose they are is part of the quantity
        owner = " ".join((d["owner"] or "").lower().split())
        return f"{family}|{counted}|{owner}" if owner else None
    if kind == Kind.ordinal:
        # "the third day", "for the second time": an ordinal with nobody's name on it
        # compares with nothing ("his third visit" vs "his fourth visit" does)
        owner = " ".join((d["owner"] or "").lower().split())
        if not owner:
            return f"{family}|change:{change_id}" if change_id else None
        return f"{family}|{counted}|{owner}"
    return f"{family}|{counted}"


@functools.lru_cache(maxsize=4096)
def _is_owned(counted: str) -> bool:
    """A counted thing that belongs to someone (``owned`` in the generic_counted lexicon).

    >>> _is_owned("vote"), _is_owned("wicket"), _is_owned("death")
    (True, True, False)
    >>> _is_owned("age"), _is_owned("retirement age")   # a person's age; a policy anyone may report
    (True, False)
    """
    owned, exact = _owned_sets()
    return counted in owned or counted in exact or counted.split()[-1] in owned


@functools.cache
def _owned_sets() -> tuple[frozenset[str], frozenset[str]]:
    """The lexicon's owned things, and those owned only as the whole counted thing ("age")."""
    lexicon = load("generic_counted")
    return frozenset(lexicon["owned"]), frozenset(lexicon.get("owned_exact", ()))


#: Total order of claims used wherever order could leak into a result:
#: ``canonical_key(claim) == (claim.article_id, claim.start, claim.end, claim.claim_id)``
#: (an ``attrgetter``: the tuple is built at C speed, a few times per claim).
canonical_key = operator.attrgetter("article_id", "start", "end", "claim_id")


def _scope_classes(sigs: Sequence[Signature], story: Sequence[int]) -> list[list[int]]:
    """Greedy, order-free partition of a story's units into mutually compatible scope classes.

    ``sigs[i]`` is unit ``i``'s scope signature; units are indexed in the order of their
    ``representative_key`` (as ``copy_clusters`` returns them), so the index breaks ties.
    The most specific scopes seed the classes.  A unit whose scope fits several classes that
    differ from each other ("1,530 cases" beside "2,000 in Zambia" and "1,150 in Kasoro province")
    joins the one that covers a whole country; with no such class it is the whole the others are
    parts of ("at least nine dead" beside "six in Alabama" and "three in the Panhandle"): it cannot be
    placed and joins the other such units, never one of the parts.
    """
    if story and all(sigs[i] == sigs[story[0]] for i in story):
        return [list(story)]  # one scope: one class, in index order
    # a period may be None: sort it as "" so signatures with and without one compare; the
    # order key is made once per distinct signature
    rank: dict[Signature, tuple] = {}
    for i in story:
        sig = sigs[i]
        if sig not in rank:
            rank[sig] = (-sum(map(bool, sig)), not sig[0], (*sig[:2], sig[2] or "", sig[3]))
    order = sorted(story, key=lambda i: (rank[sigs[i]], i))
    classes: list[tuple[set[Signature], list[int]]] = []
    unplaced: list[tuple[set[Signature], list[int]]] = []
    for i in order:
        sig = sigs[i]
        fits = [c for c in classes if sig in c[0] or all(compatible(sig, s) for s in c[0])]
        if len(fits) > 1:
            # an unscoped figure is the story's headline figure: the class that covers a whole
            # country takes it; among parts (states, provinces, periods) it is placed in none
            national = [c for c in fits if _national(c[0])]
            if len(national) == 1:
                fits = national
        if len(fits) > 1:
            fits = [c for c in unplaced if sig in c[0] or all(compatible(sig, s) for s in c[0])][:1]
            target = unplaced
        else:
            target = classes
        if fits:
            fits[0][0].add(sig)
            fits[0][1].append(i)
        else:
            target.append(({sig}, [i]))
    return [members for _, members in classes + unplaced]


def _national(sigs: set[Signature]) -> bool:
    """Does a scope class name a whole country ("in France", "nationwide")?"""
    return any(is_national(p) for s in sigs for p in s[0])


#: Sorted figures further apart than this factor are not one quantity ("two killed in a raid"
#: and "865 killed since the uprising began" share a counted thing, not a scope).  A rising
#: series (3, 30, 95, 205) has no such gap and stays whole.
MAX_GAP = 10.0


def _magnitude(claim: Claim) -> float:
    d = claim.__dict__  # a dict read: cheaper than pydantic attribute lookups
    return abs(to_base(d["value"], d["unit"])[0])


def _magnitude_clusters(units: Sequence[Sequence[Claim]], members: Sequence[int]) -> list[list[int]]:
    """Split a scope class where its sorted figures jump by more than ``MAX_GAP``.

    The two ends of one stated change ("from 27 to 25") are never split apart.  Equal
    magnitudes keep index order (the order of their ``representative_key``).
    """
    if len(members) < 2:
        return [list(members)]
    ordered = sorted((_magnitude(units[i][0]), i) for i in members)
    clusters: list[list[int]] = [[ordered[0][1]]]
    for (a, prev), (b, cur) in itertools.pairwise(ordered):
        if a > 0 and b / a > MAX_GAP:
            change = units[prev][0].change_id
            if change is None or change != units[cur][0].change_id:
                clusters.append([cur])
                continue
        clusters[-1].append(cur)
    return clusters


#: A figure dated more than this many days before its article appeared tells of a past event named for
#: comparison ("the deadliest since 2016, when at least 320 people died").
HISTORY_DAYS = 365


def _eras(units: Sequence[Sequence[Claim]], stories: Iterable[list[int]]) -> Iterator[list[int]]:
    """Each story, with its figures of past events set apart: one part for the figures of the story's
    own time, one for each past date.  "At least 79 died" in 2023 and "the deadliest since 2016, when at
    least 320 died" count one thing, not one quantity; two reports of the 2016 toll still meet.  The two
    ends of a stated change ("from 8% in 2020 to 5%") are never set apart.
    """
    for story in stories:
        if len(story) < 2 or not any(_of_the_past(units[i][0].__dict__) for i in story):
            yield story
            continue
        now: list[int] = []
        past: dict[tuple, list[int]] = {}
        for i in story:
            d = units[i][0].__dict__
            if _of_the_past(d):
                past.setdefault((d["as_of"], d["as_of_end"]), []).append(i)
            else:
                now.append(i)
        if now:
            yield now
        yield from past.values()


def _of_the_past(d: dict) -> bool:
    """Whether a claim (its ``__dict__``: cheaper than attribute lookups) is dated more than
    ``HISTORY_DAYS`` before its article appeared, and is no end of a stated change."""
    when, published = d["as_of_end"] or d["as_of"], d["published"]
    return (when is not None and published is not None and when < published
            and (published - when).days > HISTORY_DAYS and d["change_id"] is None)


def group_units(claims: Sequence[Claim]) -> list[list[list[Claim]]]:
    """Groups of one block as lists of copy clusters (each cluster's first claim its original)."""
    if len(claims) < 2:
        return []
    # canonical order: canonical_key read from each claim's __dict__ (cheaper than pydantic
    # attribute lookups), the index last so the sort is as stable as sorting with the key
    keyed = sorted(
        [(d["article_id"], d["start"], d["end"], d["claim_id"], k) for k, d in enumerate([c.__dict__ for c in claims])]
    )
    ordered = [claims[x[-1]] for x in keyed]
    units = copy_clusters(ordered, canonical=True)
    sigs = [signature(u[0].__dict__["scope_info"]) for u in units]
    groups: list[list[list[Claim]]] = []
    for story in _eras(units, story_components(units)):
        singles: list[int] = []
        for scope_class in _scope_classes(sigs, story):
            clusters = _magnitude_clusters(units, scope_class)
            for members in clusters:
                if len(members) >= 2:
                    groups.append([units[i] for i in sorted(members)])
                elif len(clusters) == 1:
                    singles.extend(members)  # a figure split off by magnitude is another quantity
        if len(singles) >= 2 or (singles and len(units[singles[0]]) >= 2):
            groups.append([units[i] for i in sorted(singles)])  # scopes apart, or copies of one report
    if len(groups) < 2:
        return groups
    # groups in the order of their canonically first claim (its key, so ties stay as they were)
    rank = {id(c): r for r, c in enumerate(ordered)}  # canonical rank of every claim
    first = [keyed[min(rank[id(c)] for u in g for c in u)][:4] for g in groups]  # its canonical_key
    return [groups[k] for k in sorted(range(len(groups)), key=first.__getitem__)]


def group_block(claims: Sequence[Claim]) -> list[list[Claim]]:
    """Groups of one block (all claims share a ``block_key``); each sorted canonically."""
    return [sorted((c for u in g for c in u), key=canonical_key) for g in group_units(claims)]


def blocks(claims: Iterable[Claim]) -> dict[str, list[Claim]]:
    """Claims by block key (claims with no key are dropped: they compare with nothing)."""
    out: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        key = block_key(claim)
        if key is not None:
            out[key].append(claim)
    return out


def group_claims(claims: Iterable[Claim]) -> list[list[Claim]]:
    """Partition comparable claims into groups of the same quantity (groups of two or more).

    Equal to concatenating ``group_block`` over ``blocks(claims)`` in key order: a distributed
    job that groups each block apart and concatenates gets the same groups.
    """
    by_block = blocks(claims)
    return [g for key in sorted(by_block) for g in group_block(by_block[key])]
