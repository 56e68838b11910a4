"""The context lexicon: word lists as data (reconcile/lexicons/*.json), in one injectable object.

``ContextLexicon.default()`` reads synonyms, speech_verbs, titles, scope and dates once and
caches the result; tests and callers may build their own from edited dictionaries.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from reconcile import lexicons


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any whitespace.

    >>> alternation(["said", "according to"])
    'according\\\\s+to|said'
    """
    escaped = {re.escape(p).replace(r"\ ", r"\s+") for p in phrases if p}
    return "|".join(sorted(escaped, key=lambda s: (-len(s), s)))


def trie(words: Iterable[str]) -> str:
    """``alternation`` of words without white space, written as a trie: the same language and, since
    a trie tries the longer of two words that both match first (as ``alternation``'s longest-first
    order does), the same matches; Python's re fails fast on each branch's first letter, so a trie
    of a hundred words is tried in a handful of steps where the flat alternation takes a hundred.

    >>> trie(["said", "says", "say", "told"])
    '(?:sa(?:id|y(?:s)?)|told)'
    >>> re.fullmatch(trie(["say", "says"]), "says") is not None
    True
    """
    root: dict[str, dict] = {}
    for word in words:
        if not word:
            continue
        if any(ch.isspace() for ch in word):
            raise ValueError(f"trie() takes words without white space, not {word!r}")
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict[str, dict]) -> str:
        branches = []
        for ch in sorted(k for k in node if k):
            child = node[ch]
            prefix = re.escape(ch)
            # follow a chain of single children without branching: "s-a-i-d"
            while len(child) == 1 and "" not in child:
                (ch2, child), = child.items()
                prefix += re.escape(ch2)
            branches.append(prefix + emit(child))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node and body else body

    return emit(root) if len(root) != 1 else "(?:" + emit(root) + ")"


def cased(phrases: Iterable[str]) -> str:
    """``alternation`` that also accepts each phrase capitalised (as at a sentence start), so
    patterns stay case-sensitive, which Python's re runs far faster than IGNORECASE.

    >>> re.fullmatch(cased(["according to"]), "According to") is not None
    True
    """
    variants = set()
    for p in phrases:
        if p:
            variants.add(p)
            variants.add(p[:1].upper() + p[1:])
    return alternation(variants)


def initials(phrases: Iterable[str], *, capitalised: bool = False) -> str:
    """A character class of the letters the phrases start with (with ``capitalised``, in both cases,
    to go with ``cased``).  Put in a look-ahead before an alternation, it changes no match but spares
    trying every branch at positions where none can start, which is most of the cost on long text.

    >>> initials(["said", "told"]), initials(["according to"], capitalised=True)
    ('[st]', '[Aa]')
    """
    letters = {p[0] for p in phrases if p}
    if capitalised:
        letters |= {ch.upper() for ch in letters}
    return "[" + "".join(re.escape(ch) for ch in sorted(letters)) + "]"


def _lower_set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


@dataclass(frozen=True, eq=False)  # hashed by identity, so compiled patterns can be cached per lexicon
class ContextLexicon:
    """Every word list the context stage reads; build with ``from_data`` or ``default``."""

    fold: Mapping[str, str]
    redundant: Mapping[str, frozenset[str]]
    generic: frozenset[str]
    irregular_plurals: Mapping[str, str]
    invariant: frozenset[str]
    death_participles: frozenset[str]
    injury_participles: frozenset[str]
    figure_words: frozenset[str]
    speech_verbs: tuple[str, ...]
    prepositional: tuple[str, ...]
    participles: tuple[str, ...]
    pronouns: Mapping[str, str]
    orgs: frozenset[str]
    titles: frozenset[str]
    abbreviations: frozenset[str]
    role_heads: frozenset[str]
    abbreviation_roles: Mapping[str, str]
    scope: Mapping[str, Any]
    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    day_parts: tuple[str, ...]
    projection_preps: tuple[str, ...]
    projection_cues: tuple[str, ...]
    present_words: tuple[str, ...]
    countries: frozenset[str] = field(default_factory=frozenset)
    documents: frozenset[str] = field(default_factory=frozenset)
    seen_by: tuple[str, ...] = ()
    states: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def from_data(
        cls,
        synonyms: Mapping[str, Any],
        speech: Mapping[str, Any],
        titles: Mapping[str, Any],
        scope: Mapping[str, Any],
        dates: Mapping[str, Any],
    ) -> ContextLexicon:
        """Build from the parsed JSON of the five lexicon files."""
        return cls(
            fold={k.lower(): v for k, v in synonyms["fold"].items()},
            redundant={k: _lower_set(v) for k, v in synonyms["redundant"].items()},
            generic=_lower_set(synonyms["generic"]),
            irregular_plurals=dict(synonyms["irregular_plurals"]),
            invariant=_lower_set(synonyms["invariant"]),
            death_participles=_lower_set(synonyms["death_participles"]),
            injury_participles=_lower_set(synonyms["injury_participles"]),
            figure_words=_lower_set(synonyms["figure_words"]),
            speech_verbs=tuple(speech["verbs"]),
            prepositional=tuple(speech["prepositional"]),
            participles=tuple(speech["participles"]),
            pronouns=dict(speech["pronouns"]),
            orgs=_lower_set(speech["orgs"]),
            documents=_lower_set(speech.get("documents", ())),
            seen_by=tuple(speech.get("seen_by", ())),
            titles=_lower_set(titles["titles"]),
            abbreviations=frozenset(titles["abbreviations"]),
            role_heads=_lower_set(titles["role_heads"]),
            abbreviation_roles=dict(titles.get("abbreviation_roles", {})),
            scope=dict(scope),
            months={k.lower(): int(v) for k, v in dates["months"].items()},
            weekdays={k.lower(): int(v) for k, v in dates["weekdays"].items()},
            day_parts=tuple(dates["day_parts"]),
            projection_preps=tuple(dates["projection_preps"]),
            projection_cues=tuple(dates["projection_cues"]),
            present_words=tuple(dates["present_words"]),
            countries=_lower_set(scope.get("countries", ())),
            states=_lower_set(scope.get("states", ())),
        )

    @classmethod
    @functools.cache
    def default(cls) -> ContextLexicon:
        """The shipped lexicon, read once."""
        return cls.from_data(
            lexicons.load("synonyms"),
            lexicons.load("speech_verbs"),
            lexicons.load("titles"),
            lexicons.load("scope"),
            lexicons.load("dates"),
        )

    def scope_set(self, key: str) -> frozenset[str]:
        """A word list of scope.json as a lower-case set (built once per lexicon and key)."""
        return _scope_set(self, key)


@functools.cache
def _scope_set(lex: ContextLexicon, key: str) -> frozenset[str]:
    return _lower_set(lex.scope.get(key, ()))
