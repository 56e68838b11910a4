"""People and places named in an article, for resolving "he", "the president", "Budanov", "the country".

One regex pass over the article finds capitalised runs; a run is a person when a role stands before
it ("President Volodymyr Zelensky", "Kremlin spokesperson Dmitry Peskov", "Lt. Gen. Kyrylo Budanov")
or a speech verb or an apposition follows it ("Claire Richards says", "Jane Doe, a spokeswoman,").
Later mentions by surname alone, and pronouns, resolve to the last person named before them.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from reconcile.context.lexicon import ContextLexicon, alternation, initials

# One capitalised word of a name: "Kyrylo", "O'Brien", "Al-Sudani", or an initial "J.".
NAME_WORD = r"(?:[A-Z][a-z]+(?:[-'\u2019][A-Za-z][a-z]+)*|[A-Z]\.)"

# A run of two to six capitalised words (titles are stripped from its front afterwards).
# (It opens with the capital itself, and looks behind it after: re then skips to capitals at C speed.)
CAPITAL_RUN = re.compile(
    rf"""[A-Z](?<![\w.'\u2019-][A-Z])             # a capital not inside a word: the first word's first letter
        (?:[a-z]+(?:[-'\u2019][A-Za-z][a-z]+)*|\.)  # the rest of the first word (as NAME_WORD has it)
        (?:[ ]{NAME_WORD}){{1,5}}                  # one to five more, single-spaced
        (?![\w-])                                 # not followed by more word
    """,
    re.VERBOSE,
)

# A role word or an abbreviated rank written left of a name, any case: "Defense Minister", "Lt. Gen.".
ROLE_WORD = re.compile(r"[A-Za-z][\w.'\u2019-]*$")


# A word of a name, on its own (for finding surnames in a phrase).
NAME_WORD_PATTERN = re.compile(NAME_WORD)

# A lower-case word of a role.
ROLE_LETTERS = re.compile(r"[a-z]+")

# A verb right after a name: "Lloyd Austin arrived", "Jane Doe has visited", "John Roe says".
# Not a place's passive: "Tora Bora is situated", "Kabul is located".
ACTS_AFTER = re.compile(r"""\s+(?!(?:is|was)\s+(?:situated|located|based|surrounded|bordered|home)\b)
                            (?:has\s+|had\s+|was\s+|is\s+|will\s+|also\s+)?[a-z]+(?:ed|s)\b""", re.VERBOSE)

# Any capitalised word, to find later mentions of a surname without compiling a pattern per article.
CAPITAL_WORD = re.compile(r"[A-Z](?<![\w-][A-Z])[a-z]*(?:[-'\u2019][A-Za-z][a-z]+)*(?![\w-])")

# A word right before a capitalised run that makes it a body or a place ("for the Northern Alliance").
BODY_BEFORE = re.compile(r"\b(?:the|of|for|from|at|in)\s+$")

# A title and "of" right before a capitalised run: "Minister of Social Action Fatime Abakar".
OFFICE_OF = re.compile(r"\b(?P<title>Minister|Secretary|Director|Commissioner|Chairman|Chairwoman|Chair|Head|Chief"
                       r"|President|Governor|Mayor|Speaker|Ambassador|Envoy|Rector|Dean|Secretary-General)[ ]of[ ]$")

# A personal honorific and the surname after it ("Mr Lew", "Ms. Ndiaye"): whoever is called so is a person.
# (The look-ahead names the honorifics' first letters: it changes no match, and re skips to them in C.)
HONORIFIC_SURNAME = re.compile(r"(?=[MD])\b(?:Mr|Mrs|Ms|Dr|Miss|Mme)\.?[ ](?P<surname>[A-Z][a-z]+(?:[-'\u2019][A-Za-z][a-z]+)*)\b")

# A speech verb right before a name: "..., said Erik Dahlgren" (an inverted attribution).
SPEECH_BEFORE = re.compile(r"\b(?:said|says|told|added|according[ ]to)[ ]$")

# A comma and a title word after a name: "Erik Dahlgren, chief economist at Nordbank".
TITLE_AFTER = re.compile(r",[ ](?P<word>[a-z][a-z-]+)\b")

# A capitalised plural common noun opening a run before a name ("Businessmen Solomon Lew").
PLURAL_OPENER = re.compile(r"[A-Z][a-z]+(?:men|ers|ors|ists|ants|ents)")

# A personal honorific or a title held by one person, then one capitalised word: a surname
# ("Mr Amin", "Judge Whitfield", "Minister Duarte").
HONORIFIC_OR_TITLE = re.compile(
    r"""(?=[CDGIJMPRS])      # the titles' first letters (changes no match; re skips to them in C)
        (?<![\w.])(?P<title>Mr|Mrs|Ms|Dr|Miss|Mme|Judge|President|Minister|Governor|Senator|Chancellor|Premier
        |Mayor|Sheriff|Inspector|Detective|Superintendent|Commissioner|Professor|Prof|Sen|Rep|Gov)\.?[ ]
        (?P<surname>[A-Z][a-z]+(?:[-'\u2019][A-Za-z][a-z]+)*)(?![\w-])""",
    re.VERBOSE,
)

# A capitalised word right after a surname: the run goes on ("President Joe Biden").
CAPITAL_NEXT = re.compile(r"[ ][A-Z]")

# Capitalised words that start sentences rather than names.
FUNCTION_WORDS = frozenset(
    ["the", "a", "an", "in", "on", "at", "but", "and", "this", "that", "meanwhile", "however", "after", "before", "when", "while", "as", "if", "it", "he", "she", "they", "we", "our", "his", "her", "its", "their", "some", "many", "most", "all", "no", "not", "for", "from", "with", "by", "to", "of"]
)


# Counting words that open a group of people, not a name ("Four Saudi-born Al Qaeda fighters").
NUMBER_OPENERS = frozenset(
    ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "dozens",
     "hundreds", "thousands", "several", "both"]
)

# A capitalised word with a lower-case compound part describes, it does not name ("Saudi-born", "US-led").
DESCRIPTOR_WORD = re.compile(r"-(?:born|based|led|backed|made|owned|run|funded|trained|linked)$")


@dataclass(frozen=True)
class Person:
    """A person the article names, with the role written next to the first full mention."""

    name: str
    surname: str
    role: str | None
    first: int


@functools.cache
def _speech_after(lex: ContextLexicon) -> re.Pattern[str]:
    """A speech verb, a dash or an apposition right after a name: the name is a person's."""
    verbs = alternation(lex.speech_verbs)
    return re.compile(rf"\s*(?:,\s+(?:a|an|the|who)\s|,\s+(?:{verbs})\b|\s?\u2014|\s--|\s(?:{verbs})\b)")


@functools.cache
def _place_pattern(lex: ContextLexicon) -> tuple[re.Pattern[str], dict[str, str]]:
    """Country and state names as written (title case, aliases), with their normalised forms."""
    aliases = lex.scope.get("place_aliases", {})
    names = {c.title(): c for c in lex.countries | lex.states}
    names.update({a.upper() if "." in a or len(a) <= 3 else a.title(): v for a, v in aliases.items()})
    # not the tail of a larger region's name: "Latin America" is not "America" (the United States)
    # (the look-ahead names the names' first letters: it changes no match, and re skips to them in C)
    firsts = f"(?={initials(names)})" if names else ""
    return re.compile(rf"{firsts}(?<![\w.])(?<!Latin )(?<!Central )(?<!South )(?<!North )(?:{alternation(names)})(?![\w])"), names


@functools.lru_cache(maxsize=1 << 16)
def _plain(word: str) -> str:
    return word.lower().rstrip(".").replace("\u2019", "'")


@functools.lru_cache(maxsize=1 << 16)
def _titleish(lex: ContextLexicon, word: str) -> bool:
    """A title word or abbreviated rank ('Gen.', 'minister', 'Vice-President'); memoised: names repeat."""
    plain = _plain(word)
    if plain in lex.titles or word in lex.abbreviations:
        return True
    return "-" in plain and any(part in lex.titles for part in plain.split("-"))  # "Vice-President"


@functools.lru_cache(maxsize=1 << 14)  # runs repeat within and across articles
def _name_in_run(lex: ContextLexicon, run: str) -> tuple[int, str, str, str, str] | None:
    """The name a capitalised run may hold, from its words alone: (number of title words before it,
    those words, the name, its first word, its surname), or None when the run cannot be a name.

    >>> _name_in_run(ContextLexicon.default(), "Defense Minister Rustem Umerov")
    (2, 'Defense Minister', 'Rustem Umerov', 'Rustem', 'Umerov')
    """
    words = run.split(" ")
    lead = 0
    for j, word in enumerate(words):
        if _titleish(lex, word):
            lead = j + 1  # the name follows the last title word of the run
    name_words = words[lead:]
    while name_words and _plain(name_words[-1]) in lex.titles:
        name_words.pop()
    if not (2 <= len(name_words) <= 4) or blocked_name(lex, name_words):
        return None
    if any(w.endswith(".") and len(w) > 2 for w in name_words):
        return None
    return lead, " ".join(words[:lead]), " ".join(name_words), name_words[0], name_words[-1].rstrip(".")


def blocked_name(lex: ContextLexicon, words: list[str]) -> bool:
    """Words that make a run a body, a place or a people rather than a person's name."""
    lowered = [_plain(w) for w in words]
    joined = " ".join(lowered)
    orgs, not_places, demonyms = lex.orgs, lex.scope_set("not_places"), lex.scope.get("demonyms", {})
    return (
        any(w in orgs or w in not_places or w in demonyms for w in lowered)
        or lowered[0] in NUMBER_OPENERS
        or any(DESCRIPTOR_WORD.search(w) for w in words)
        or joined in lex.countries
        or joined in lex.states
    )


class NameIndex:
    """People and countries named in one article, with every mention's offset."""

    def __init__(self, text: str, lexicon: ContextLexicon) -> None:
        self.text = text
        self.lex = lexicon
        self.people: list[Person] = []
        self._named: dict[str, Person | None] = {}  # person_named, per phrase
        self._scan()

    # -- people -------------------------------------------------------------------------------

    def _is_titleish(self, word: str) -> bool:
        return _titleish(self.lex, word)

    def _role_left(self, start: int) -> str | None:
        """Title words written right before ``start``: 'Secretary of Defense', 'Kremlin spokesperson'."""
        window = self.text[max(0, start - 80) : start]
        window = window[window.rfind("\n") + 1 :]
        words = [w for w in window.replace("\t", " ").split(" ") if w]  # (split on runs of blanks)
        taken: list[str] = []
        for word in reversed(words):
            if not ROLE_WORD.match(word) or not (self._is_titleish(word) or word[:1].isupper()):
                break
            if word.endswith((",", ";", ":")) or word == "and":
                break
            taken.append(word)
        while taken and _plain(taken[-1]) in {"of", "the", "and", "for"}:
            taken.pop()
        if not any(self._is_titleish(w) and _plain(w) not in {"of", "the", "and", "for"} for w in taken):
            return None
        return " ".join(reversed(taken)) or None

    @property
    def _speech_after(self) -> re.Pattern[str]:
        return _speech_after(self.lex)

    def _scan(self) -> None:
        seen: dict[str, int] = {}
        text = self.text
        for m in CAPITAL_RUN.finditer(text):
            parts = _name_in_run(self.lex, m.group())
            if parts is None:
                continue
            lead, titles, name, first_word, surname = parts
            if name in seen or any(p.name.endswith(" " + name) for p in self.people):
                continue  # a later mention ("Mr Rodriguez Saa"): the first full one gave the role
            run_start = m.start()
            if not lead and BODY_BEFORE.search(text, max(0, run_start - 6), run_start):
                office = OFFICE_OF.search(text, max(0, run_start - 30), run_start)
                words = name.split(" ")
                if office is None or not self._is_titleish(office.group("title")) or len(words) < 3:
                    continue  # "a spokesman for the Northern Alliance": a body, not a person
                # "Minister of Social Action Fatime Abakar": the portfolio, then a two-word name
                titles = " ".join(words[:-2])
                name, first_word, lead = " ".join(words[-2:]), words[-2], len(words) - 2
                if name in seen:
                    continue
            left = self._role_left(run_start)
            role = " ".join(([left] if left else []) + ([titles] if titles else [])) or None
            if role is None:
                follow = self._speech_after.match(text, m.end()) or (
                    _plain(first_word) not in FUNCTION_WORDS and ACTS_AFTER.match(text, m.end())
                )
                if not follow:
                    if not self._person_cue(run_start, m.end(), surname):
                        continue
                    words = name.split(" ")
                    if len(words) >= 3 and PLURAL_OPENER.fullmatch(words[0]):
                        name = " ".join(words[1:])  # "Businessmen Solomon Lew and ...": a plural noun opens
                        titles = ""
                        run_start += len(words[0]) + 1
            seen[name] = len(self.people)
            name_start = run_start + len(titles) + (1 if lead else 0)
            self.people.append(Person(name=name, surname=surname, role=role, first=name_start))
        self._add_titled_surnames()

    @functools.cached_property
    def _honoured(self) -> frozenset[str]:
        """Surnames the article writes after a personal honorific ("Mr Lew", "Ms Ndiaye")."""
        if "M" not in self.text and "D" not in self.text:
            return frozenset()
        return frozenset(m.group("surname") for m in HONORIFIC_SURNAME.finditer(self.text))

    def _person_cue(self, start: int, end: int, surname: str) -> bool:
        """Evidence outside the run that it names a person: "said Erik Dahlgren", "Erik Dahlgren, chief
        economist", or the surname written elsewhere after "Mr"/"Ms" ("Mr Dahlgren")."""
        if SPEECH_BEFORE.search(self.text, max(0, start - 16), start):
            return True
        after = TITLE_AFTER.match(self.text, end)
        if after and after.group("word") in self.lex.titles and after.group("word") not in FUNCTION_WORDS:
            return True
        return surname in self._honoured

    def _add_titled_surnames(self) -> None:
        """People the article names by title and surname only ("Mr Amin said", "Judge Whitfield"),
        when no fuller name with that surname is known: a later "he" can refer to them."""
        known = {p.surname for p in self.people}
        text = self.text
        for m in HONORIFIC_OR_TITLE.finditer(text):
            surname = m.group("surname")
            if surname in known or _plain(surname) in FUNCTION_WORDS or blocked_name(self.lex, [surname]):
                continue
            if CAPITAL_NEXT.match(text, m.end()):
                continue  # "President Joe Biden" is a full run, read above
            known.add(surname)
            self.people.append(Person(name=surname, surname=surname, role=m.group("title"), first=m.start("surname")))
        self.people.sort(key=lambda p: p.first)

    @functools.cached_property
    def _mentions(self) -> tuple[list[int], list[int]]:
        """Sorted offsets of every mention (full name or surname) and the person each names."""
        if not self.people:
            return ([], [])
        by_surname = {p.surname: i for i, p in enumerate(self.people)}
        pairs = [(m.start(), by_surname[m.group()]) for m in CAPITAL_WORD.finditer(self.text)
                 if m.group() in by_surname]
        return ([p for p, _ in pairs], [i for _, i in pairs])

    def last_person_before(self, pos: int) -> Person | None:
        """The person most recently named before ``pos``."""
        return self.last_mention_before(pos)[1]

    def last_mention_before(self, pos: int, unless_in: tuple[int, int] | None = None) -> tuple[int, Person | None]:
        """Where the person most recently named before ``pos`` was named (-1 if nobody), and who;
        with ``unless_in``, a person also named inside that span is passed over."""
        offsets, which = self._mentions
        i = bisect.bisect_left(offsets, pos) - 1
        if unless_in is not None:
            lo, hi = bisect.bisect_left(offsets, unless_in[0]), bisect.bisect_left(offsets, unless_in[1])
            named = set(which[lo:hi])
            while i >= 0 and which[i] in named:
                i -= 1
        return (offsets[i], self.people[which[i]]) if i >= 0 else (-1, None)

    def person_named(self, phrase: str) -> Person | None:
        """The person a phrase names by full name or surname ('Budanov', "Austin's"); kept per phrase."""
        if phrase not in self._named:
            self._named[phrase] = self._find_named(phrase)
        return self._named[phrase]

    def _find_named(self, phrase: str) -> Person | None:
        if not self.people:
            return None
        plain = phrase.replace("\u2019", "'")
        for p in self.people:
            if p.name in plain and p.name != p.surname:  # a full name; a surname alone is looked up below
                return p
        words = NAME_WORD_PATTERN.findall(plain)
        for word in reversed(words):
            p = self._by_surname.get(word)
            if p is not None:
                return p
        return None

    def full_name(self, surname: str) -> str | None:
        """The first run of two or three capitalised words ending in ``surname`` that the article
        writes, when it names no person by it: "Tomas Okoye's double" gives "Tomas Okoye" for "Okoye".

        >>> from reconcile.context.lexicon import ContextLexicon
        >>> NameIndex("Tomas Okoye's double won it. Okoye has 28 goals.", ContextLexicon.default()).full_name("Okoye")
        'Tomas Okoye'
        """
        if not surname.isalpha() or not surname[:1].isupper():
            return None
        for m in re.finditer(rf"\b((?:[A-Z][a-z]+ ){{1,2}}){surname}\b", self.text):
            words = m.group(1).split()
            if not any(_plain(w) in FUNCTION_WORDS or _titleish(self.lex, w) for w in words) and not blocked_name(
                    self.lex, [*words, surname]):
                return f"{m.group(1)}{surname}"
        return None

    @functools.cached_property
    def _by_surname(self) -> dict[str, Person]:
        """The first person with each surname (the one ``person_named`` has always returned)."""
        out: dict[str, Person] = {}
        for p in self.people:
            out.setdefault(p.surname, p)
        return out

    def person_with_role(self, role_word: str, before: int) -> Person | None:
        """The last person named before ``before`` whose role holds ``role_word`` ('president')."""
        offsets, which = self._mentions
        i = bisect.bisect_left(offsets, before) - 1
        seen: set[int] = set()
        floor = max(-1, i - 400)  # look back over a bounded number of mentions
        while i > floor:
            k = which[i]
            if k not in seen:
                seen.add(k)
                role = self.people[k].role or ""
                for abbr, full in self.lex.abbreviation_roles.items():
                    role = role.replace(abbr, full)
                role = role.lower()
                if role_word in ROLE_LETTERS.findall(role):
                    return self.people[k]
            i -= 1
        return None

    # -- places -------------------------------------------------------------------------------

    @property
    def _place_pattern(self) -> re.Pattern[str]:
        pattern, self._place_names = _place_pattern(self.lex)
        return pattern

    @functools.cached_property
    def _places(self) -> dict[str, tuple[list[int], list[str]]]:
        """Every country and state mention: offsets and normalised names, per kind."""
        pattern = self._place_pattern
        out: dict[str, tuple[list[int], list[str]]] = {"country": ([], []), "state": ([], [])}
        for m in pattern.finditer(self.text):
            norm = self._place_names.get(m.group(), m.group().lower())
            for kind, pool in (("country", self.lex.countries), ("state", self.lex.states)):
                if norm in pool:
                    out[kind][0].append(m.start())
                    out[kind][1].append(norm)
        return out

    def last_place_before(self, pos: int, kind: str = "country") -> str | None:
        """The last country (or state) named before ``pos``, normalised: 'ukraine'."""
        found = self.last_place_mention(pos, kind)
        return found[1] if found else None

    def last_place_mention(self, pos: int, kind: str = "country") -> tuple[int, str] | None:
        """Where and which country (or state) was named last before ``pos``."""
        offsets, names = self._places[kind]
        i = bisect.bisect_left(offsets, pos) - 1
        return (offsets[i], names[i]) if i >= 0 else None
