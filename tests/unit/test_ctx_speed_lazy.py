"""Speed shortcuts of the context stage give exactly what the plain forms give.

Attribution cues are read lazily, only as far as the claims need them; the speech verbs are a trie
after the few verbs of several words; the date hint pattern names its first characters before the
word boundary.  Each is compared here with the plain form, on wire copy and seeded word salad.
"""

from __future__ import annotations

import gc
import random
import re

import pytest

from reconcile.context import ContextLexicon, Document
from reconcile.context.asof import _patterns
from reconcile.context.lexicon import alternation, cased, initials
from reconcile.context.speaker import _cue_pattern, _Reader, attributions_before
from reconcile.models import Article
from reconcile.pipeline import extract_claims

WIRE = [
    ("Lt. Gen. Kyrylo Budanov, head of Ukraine's military intelligence, said on Monday that nearly 11,000 "
     "North Korean troops were in Russia's Kursk region. He added that the first group had already left."),
    ("The Pentagon said Austin's fourth visit came as the death toll rose to 205, officials in Buncombe "
     "County told reporters late on Sunday. The officials said they expected it to rise."),
    ('"We have never seen the river climb this fast," a fire brigade commander said, adding that 300 '
     "people were rescued from rooftops since Saturday morning, according to the regional governor."),
    ("Police estimated the crowd at 52,000, against 400,000 according to the union. The union said in a "
     "statement that its count was right, while the ministry told reporters it pointed out the error."),
]

SALAD = re.findall(r"\S+", (
    "the a , officials said Mr John Smith , who directs operations in Kabul , -- ( ) \u2014 and of Institute "
    "Health Welfare spokesman told reporters lawmakers he they it also has been was 12 U.S. Gen. Lt. \" \u201c "
    "\u201d : ; Budanov according to citing pointed out said in a statement the ministry last week Monday 2024 "
    "presently present yesterday Oct. earlier . Today Now currently far day 1999 20245 told"
))


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return WIRE + [" ".join(rng.choice(SALAD) for _ in range(rng.randint(3, 120))) for _ in range(n)]


@pytest.mark.parametrize("seed", range(3))
def test_cues_read_in_steps_are_the_cues_read_in_one_pass(seed):
    lex = ContextLexicon.default()
    rng = random.Random(seed)
    for text in _texts(150, seed):
        whole_doc = Document(Article(id="x", text=text), lex)  # (a reader refers weakly to its document)
        whole = _Reader(whole_doc).read()
        doc = Document(Article(id="x", text=text), lex)
        reader = _Reader(doc)
        for pos in sorted(rng.randrange(len(text) + 1) for _ in range(rng.randint(1, 6))):
            reader.read_until(pos)
            assert all(a.start < pos for a in reader.found)
            assert reader.found == [a for a in whole if a.start < pos]
        assert reader.read() == whole
        assert reader.starts == [a.start for a in whole]


def test_attributions_before_a_position_are_those_of_the_full_reading():
    lex = ContextLexicon.default()
    for text in _texts(60, 9):
        whole = Document(Article(id="x", text=text), lex).attributions
        doc = Document(Article(id="x", text=text), lex)
        for pos in range(0, len(text) + 1, 37):
            assert attributions_before(doc, pos) == [a for a in whole if a.end <= pos]


def test_a_document_and_its_lazy_reader_make_no_reference_cycle():
    lex = ContextLexicon.default()
    gc.collect()
    collecting = gc.isenabled()
    gc.disable()
    try:
        for text in WIRE:
            doc = Document(Article(id="x", text=text), lex)
            doc.attribution_reader.read_until(len(text) // 2)
            del doc
        assert gc.collect() == 0  # everything was freed by reference counting
    finally:
        if collecting:
            gc.enable()


def test_speech_verbs_of_several_words_before_the_trie_match_as_the_flat_alternation():
    lex = ContextLexicon.default()
    firsts = "|".join([initials(lex.speech_verbs), initials(lex.prepositional, capitalised=True),
                       initials(lex.participles, capitalised=True)])
    flat = re.compile(
        rf"""\b(?={firsts})(?:(?P<according>{cased(lex.prepositional)})\s+|(?P<citing>{cased(lex.participles)})\s+
              |(?P<verb>{alternation(lex.speech_verbs)}))\b""",
        re.VERBOSE,
    )
    assert any(" " in v for v in lex.speech_verbs)  # the case the split is for
    for text in _texts(300, 4):
        assert [(m.span(), m.lastgroup) for m in _cue_pattern(lex).finditer(text)] == [
            (m.span(), m.lastgroup) for m in flat.finditer(text)
        ]


def test_date_hint_look_ahead_changes_no_match():
    hint = _patterns(ContextLexicon.default()).hint
    plain = re.compile(hint.pattern.replace("(?=[JFMASONDTWYCPytnwmaebpfdc12])", "", 1), hint.flags)
    assert plain.pattern != hint.pattern
    for text in _texts(300, 5):
        assert [m.span() for m in hint.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_claims_of_an_article_take_the_speaker_of_their_own_sentence():
    text = ("Officials said 40 people died on Monday. Later, 12 more were found. "
            "The Pentagon said 3,000 troops would stay. Budanov told reporters 11,000 had arrived.")
    speakers = [c.speaker for c in extract_claims(Article(id="x", text=text))]
    assert speakers == ["Officials", None, "the Pentagon", "Budanov"]


def test_sentence_opener_test_is_the_regex_it_replaced():
    from reconcile.context.topic import _opens

    opener_before = re.compile(r"""(?:^|[.!?:;—–"“(]\s*|\n\s*)$""")  # the plain form
    rng = random.Random(2)
    alphabet = 'ab X.!?:;—–"“(,\n\t \u00a0\r'
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8))) + "X"
        for start in range(len(text)):
            assert _opens(text, start) == (opener_before.search(text, max(0, start - 3), start) is not None), (
                text, start)


def test_role_words_left_of_a_name_split_on_runs_of_blanks():
    from reconcile.context.names import NameIndex

    lex = ContextLexicon.default()
    for text in ("Defense  Minister\tRustem Umerov said 5 died.", "Defense Minister Rustem Umerov said 5 died.",
                 "Officials met. Defense \t Minister  Rustem Umerov said 5 died."):
        people = NameIndex(text, lex).people
        assert [(p.name, p.role) for p in people] == [("Rustem Umerov", "Defense Minister")], text


def test_sentence_openers_found_from_a_character_class_are_those_of_the_alternation():
    from reconcile.context.topic import INNER_OPENER_WORD

    plain = re.compile(r"(?:[.!?]\s+|\n\s*)([A-Z][a-z]+)\b")
    rng = random.Random(4)
    words = ["The", "Norvik", "said", ".", "!", "?", "\n", " ", "  ", "\t", "A", "ok", "x."]
    for _ in range(3000):
        text = "".join(rng.choice(words) for _ in range(rng.randint(0, 14)))
        assert INNER_OPENER_WORD.findall(text) == plain.findall(text), text
    for text in WIRE:
        assert INNER_OPENER_WORD.findall(text) == plain.findall(text)
