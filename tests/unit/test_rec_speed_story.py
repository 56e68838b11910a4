"""Story anchors and copy tokens found the fast way equal the plain token-by-token readings."""

from __future__ import annotations

import itertools
import sys

from hypothesis import example, given, settings
from hypothesis import strategies as st

from reconcile.story import CAPITALISED, CLOSERS, OPENERS, TRAILING, _fold, _ignored, text_anchors


def _token_by_token(text: str) -> frozenset[str]:
    """Every pair of white-space tokens, the plain way."""
    out = set()
    for before, word in itertools.pairwise(text.split()):
        closing = before[-1] == '"' and len(before) > 1  # a straight quote after a word closes ('150," Hossain')
        if word[0].isupper() and (before[-1] not in OPENERS or closing) and before.rstrip(CLOSERS)[-1:] not in OPENERS:
            folded = _fold(word.rstrip(TRAILING))
            if len(folded) > 1 and folded not in _ignored():
                out.add(folded)
    return frozenset(out)


#: Capitals of several scripts, title-case and lower-case look-alikes, every kind of white space,
#: quotes, brackets, sentence ends and the closers that may follow them.
ALPHABET = list(
    "aZKyivs.’'”“\"()[]:;!?—–-,…ÜÀ×ΩωЖжǅᾈⅠⅰİı"
    "\t\n\r\x0b\x0c\x1c\x1f\x85\u00a0\u1680\u2003\u2028\u202f\u3000 "
)


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=st.sampled_from(ALPHABET), max_size=50))
@example("“We said so,” Zelensky told ABC. Then (LONDON) Kyiv-based firms")
@example("said.” Kyiv and ” Kyiv and ”) Kyiv and \")Kyiv x\" Kyiv")
@example(" Kyiv Kyiv")
@example('to 150," Hossain said x" Kyiv "" Kyiv')
def test_text_anchors_equal_the_token_by_token_reading(text):
    assert text_anchors.__wrapped__(text) == _token_by_token(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_text_anchors_equal_the_token_by_token_reading_on_any_text(text):
    assert text_anchors.__wrapped__(text) == _token_by_token(text)


def test_the_capital_class_holds_every_upper_case_character():
    missing = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isupper() and not CAPITALISED.match(" " + c, 1)]
    assert missing == []


def test_the_capital_class_holds_no_white_space():
    assert [hex(i) for i in range(sys.maxunicode + 1) if chr(i).isspace() and CAPITALISED.match(" " + chr(i) + "x", 1)] == []


#: ASCII text with apostrophes (alone, doubled, leading, trailing), digits, punctuation and the
#: control separators str.split() also splits on; a few non-ASCII letters that lower to ASCII.
TOKEN_TEXT = st.text(alphabet=st.sampled_from(list("aZ09'’ _.,-:;!?\"()\t\n\x1c\x1f\x7fKİé")), max_size=40)


@settings(max_examples=1500, deadline=None)
@given(TOKEN_TEXT)
@example("Korea's 'tis dogs' a''b ''' x'y'z 11,000")
def test_sentence_tokens_equal_the_word_pattern(text):
    from reconcile.syndication import WORD, sentence_tokens

    assert sentence_tokens(text) == tuple(WORD.findall(text.lower().replace("’", "'")))
