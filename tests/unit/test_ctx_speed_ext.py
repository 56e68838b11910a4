"""Speed shortcuts of extract_claims (session 4) give exactly what the plain forms give.

Each shortcut is compared here with the plain reading it replaces, on wire copy and seeded word salad.
"""

from __future__ import annotations

import random
import re

import pytest

from reconcile.context.speaker import name_appositions

SALAD = re.findall(r"\S+", (
    "Amin Amin, Amin,, amin spokesman, spokesman,  a an the , ,\n \t said Al-Amin Al-amin _x x_ 7, \u00e9t\u00e9, "
    "the Amins O'Brien O'Brien, J. J., the lawyer, \u2019s spokesman,\u00a0 told him, Ndiaye Ndiaye, \u201c"
))


def _salad(rng: random.Random) -> str:
    seps = [" ", " ", " ", "", ",", ", ", "\n", "  ", "\u00a0"]
    return "".join(rng.choice(SALAD) + rng.choice(seps) for _ in range(rng.randint(0, 60)))


def _plain(text: str, name: str) -> list[tuple[str | None, bool]]:
    pattern = rf"(?:\b(?P<role>[a-z]+),\s+)?\b{re.escape(name)}\b(?P<after>,\s+(?:a|an|the)\s)?"
    return [(m.group("role"), m.group("after") is not None) for m in re.finditer(pattern, text)]


@pytest.mark.parametrize("seed", range(4))
def test_name_appositions_is_the_plain_scan(seed):
    rng = random.Random(seed)
    names = ["Amin", "Al-Amin", "O'Brien", "J.", "Ndiaye", "Al-amin"]
    for _ in range(1500):
        text = _salad(rng)
        for name in names:
            assert list(name_appositions(text, name)) == _plain(text, name), (text, name)


# -- copying a claim ------------------------------------------------------------------------------

WIRE = [
    ("Lt. Gen. Kyrylo Budanov said on Monday that nearly 11,000 North Korean troops, up from 8,000, were in "
     "Russia's Kursk region, and that between 2 and 3 percent of them, some $1.2bn in kit, had left."),
    ("The toll rose from 27 to 25 deaths; about 4,300 people fled 40 km, a third of residents, at least "
     "12 lines closed, fewer than 20 trains ran and 2.5 million euros were paid by the state."),
]


def _quantity_values(seed: int) -> list[dict[str, object]]:
    from reconcile.extract import extract_quantities
    from reconcile.models import Article

    rng = random.Random(seed)
    words = " ".join(WIRE).split()
    texts = WIRE + [" ".join(rng.choice(words) for _ in range(rng.randint(3, 80))) for _ in range(60)]
    out = []
    for i, text in enumerate(texts):
        article = Article(id=f"a{i}", text=text, source=rng.choice([None, "Wire"]), title=rng.choice([None, "T"]))
        for claim in extract_quantities(article):
            out.append({name: getattr(claim, name) for name in _quantity_fields()})
    return out


def _quantity_fields() -> list[str]:
    """The fields the quantity layer fills."""
    return ["claim_id", "article_id", "text", "start", "end", "sentence", "sentence_start", "kind", "value", "low",
            "high", "qualifier", "hedge", "unit", "counted_text", "change_id", "change_role", "source", "url",
            "published", "title"]


def _same(a, b) -> None:
    assert list(a.__dict__.items()) == list(b.__dict__.items())  # values and field order
    assert [type(v) for v in a.__dict__.values()] == [type(v) for v in b.__dict__.values()]
    assert a.model_fields_set == b.model_fields_set
    assert a.model_dump_json() == b.model_dump_json()
    assert (a.__pydantic_extra__, a.__pydantic_private__) == (b.__pydantic_extra__, b.__pydantic_private__)


def test_updated_is_model_copy():
    from reconcile.models import Claim, ScopeInfo, updated

    for v in _quantity_values(4)[:40]:
        claim = Claim(**v)
        for update in ({}, {"counted": "troop"}, {"speaker": "X", "scope_info": ScopeInfo(places=["kursk"]),
                                                  "topic": ["a"], "value": 2.0}):
            _same(updated(claim, update), claim.model_copy(update=update))
        assert isinstance(updated(claim, {}), Claim)


# -- first-letter look-aheads on the per-article scans ---------------------------------------------

def _lookahead_pairs():
    from reconcile.context import ContextLexicon
    from reconcile.context.names import HONORIFIC_OR_TITLE, HONORIFIC_SURNAME, _place_pattern
    from reconcile.context.speaker import _cue_pattern

    lex = ContextLexicon.default()
    place, names = _place_pattern(lex)
    cue = _cue_pattern(lex)
    plain_cue = re.sub(r"^\(\?=(.*?)\)\\b", r"\\b", cue.pattern, count=1, flags=re.DOTALL)
    title_words = re.search(r"\(\?P<title>([^)]*)\)", HONORIFIC_OR_TITLE.pattern).group(1)
    vocabulary = ([w.strip() for w in title_words.replace("\n", "|").split("|") if w.strip()] + list(names)
                  + list(lex.speech_verbs) + list(lex.prepositional) + list(lex.participles))
    return vocabulary, [
        (HONORIFIC_OR_TITLE, re.compile(HONORIFIC_OR_TITLE.pattern.split("\n", 1)[1], re.VERBOSE)),
        (HONORIFIC_SURNAME, re.compile(HONORIFIC_SURNAME.pattern.removeprefix("(?=[MD])"))),
        (place, re.compile(re.sub(r"^\(\?=\[[^\]]*\]\)", "", place.pattern))),
        (cue, re.compile(plain_cue, cue.flags)),
    ]


@pytest.mark.parametrize("seed", range(3))
def test_first_letter_lookaheads_change_no_match(seed):
    vocabulary, pairs = _lookahead_pairs()
    for fast, plain in pairs:
        assert fast.pattern != plain.pattern and "(?=" not in plain.pattern[:20]
    rng = random.Random(seed)
    glue = [" ", " ", ". ", ", ", "-", "'s ", "\u2019", "x", ".", "\n", " the ", " Latin ", " North "]
    texts = list(WIRE) + [
        "".join(rng.choice(vocabulary + SALAD) + rng.choice(glue) for _ in range(rng.randint(1, 80)))
        for _ in range(400)
    ]
    for text in texts:
        for fast, plain in pairs:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text
            assert [m.groupdict() for m in fast.finditer(text)] == [m.groupdict() for m in plain.finditer(text)]


# -- memos kept on the document ----------------------------------------------------------------------

DATED = [
    "Deaths rose between June 1 and July 14, in 2023, since Katrina in 2005, to 40, officials said on Monday.",
    ("By December 12,000 people had fled, up from 9,000 in October, and 300 more left last week; in 2024 "
     "the toll was 12. On Oct. 3 it reached 18, the ministry said Wednesday, while 7 died yesterday."),
]


@pytest.mark.parametrize("seed", range(3))
def test_as_of_with_shared_memos_is_as_of_alone(seed):
    from datetime import date

    from reconcile.context import ContextLexicon, Document
    from reconcile.context.asof import find_as_of
    from reconcile.extract import extract_quantities
    from reconcile.models import Article

    rng = random.Random(seed)
    words = " ".join(DATED + WIRE).split()
    texts = DATED + [" ".join(rng.choice(words) for _ in range(rng.randint(5, 90))) for _ in range(80)]
    lex = ContextLexicon.default()
    checked = 0
    for text in texts:
        article = Article(id="x", text=text, published=rng.choice([None, date(2024, 10, 21)]))
        shared = Document(article, lex)
        for claim in extract_quantities(article):
            alone = Document(article, lex)
            assert find_as_of(shared, claim.start, claim.end, []) == find_as_of(alone, claim.start, claim.end, [])
            checked += 1
    assert checked > 100


# -- the leftward counted patterns ------------------------------------------------------------------

def _counted_pairs():
    from reconcile.context import counted as C
    from reconcile.context.lexicon import trie

    fast_lead, plain_lead = r"\s(?<=[\w'\u2019.]\s)\s*", r"(?<=[\w'\u2019.])\s+"  # a word or "U.S." ends the phrase
    plain_verb = C.VERB_BEFORE.pattern.replace(trie(C.LEVEL_VERBS), "|".join(C.LEVEL_VERBS)).replace(
        fast_lead, plain_lead)
    return [(C.VERB_BEFORE, re.compile(plain_verb, C.VERB_BEFORE.flags))] + [
        (p, re.compile(p.pattern.replace(fast_lead, plain_lead), p.flags)) for p in (C.NUMBERING, C.NOUN_OF)]


@pytest.mark.parametrize("seed", range(3))
def test_leftward_counted_patterns_are_their_plain_forms(seed):
    from reconcile.context import counted as C

    pairs = _counted_pairs()
    for fast, plain in pairs:
        assert fast.pattern != plain.pattern and "(?<=[\\w'\\u2019.])\\s+" in plain.pattern
    rng = random.Random(seed)
    vocabulary = (C.LEVEL_VERBS + ["hit", "hits", "has", "have", "had", "now", "already", "since", "been", "put",
                  "was", "is", "expected", "to", "will", "reach", "estimated", "runs", "cost", "costs", "up",
                  "steady", "by", "9%", "12.5", "per", "cent", "at", "of", "worth", "numbering", "about",
                  "more", "than", "as", "many", "deaths", "toll", "the", "Kursk's", "troops\u2019", "line", ","])
    gaps = [" ", " ", "  ", "\n", "\t", "", "\u00a0"]
    hits = 0
    for _ in range(3000):
        left = "".join(rng.choice(vocabulary) + rng.choice(gaps) for _ in range(rng.randint(1, 14)))
        for fast, plain in pairs:
            a, b = fast.search(left), plain.search(left)
            assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), left
            hits += a is not None
    assert hits > 300


@pytest.mark.parametrize("seed", range(3))
def test_letter_first_forms_are_the_word_boundary_forms(seed):
    from reconcile.context.asof import SINCE_BEFORE
    from reconcile.context.scope import PERIOD_AFTER, PERIOD_AFTER_ORDINAL

    pairs = [
        (SINCE_BEFORE, re.compile(r"\bsince\b[^,;.]*$")),
        (PERIOD_AFTER, re.compile(r"ince|far|year|past|last|days|nights|weeks|\bas\s|quarter")),
        (PERIOD_AFTER_ORDINAL, re.compile(r"ince|far|year|past|last|days|nights|weeks|\bas\s|[Ii]n\s|quarter")),
    ]
    rng = random.Random(seed)
    vocabulary = ["since", "as", "has", "a", "s", "ince", "In", "in", "inn", "_as", "9as", "\u00e9as", "far", "year",
                  "quarter", "the", "toll", ",", ".", ";", "Since", "x"]
    gaps = [" ", "", "\n", "  ", "-", "_"]
    for _ in range(3000):
        text = "".join(rng.choice(vocabulary) + rng.choice(gaps) for _ in range(rng.randint(1, 12)))
        lo = rng.randrange(len(text) + 1)
        for fast, plain in pairs:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text
            assert bool(fast.search(text, lo)) == bool(plain.search(text, lo)), (text, lo)
