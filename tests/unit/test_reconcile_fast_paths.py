"""The reconciler's speed-ups give exactly what the plain code gives.

Each fast path below replaces a slower, obvious form; these tests pin them to that form so a
change in pydantic, in ``re`` or in the code around them cannot make them drift apart.
"""

from __future__ import annotations

import gc
import itertools
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from unit.claim_factory import claim

from reconcile import reconcile
from reconcile.errors import InvalidInput
from reconcile.group import canonical_key
from reconcile.judge import _GROUP_FIELDS, _new_group, judge_group
from reconcile.models import Group, Kind, Verdict
from reconcile.story import CLOSERS, OPENERS, TRAILING, _anchor, _fold, _ignored, text_anchors
from reconcile.syndication import WORD, sentence_tokens


def _group_values() -> dict:
    return {
        "group_id": "0123456789abcdef",
        "quantity": "deaths",
        "unit": "count",
        "kind": Kind.count,
        "verdict": Verdict.conflict,
        "reason": "different sources",
        "claims": [claim(200), claim(215, article="b")],
        "n_claims": 2,
        "n_sources": 2,
        "min": 200.0,
        "max": 215.0,
        "spread": 1.075,
        "severity": 3.5,
        "summary": "200 vs 215",
    }


def test_new_group_is_what_model_construct_builds():
    values = _group_values()
    fast, slow = _new_group(**values), Group.model_construct(**values)
    assert fast == slow
    assert type(fast) is Group
    assert list(fast.__dict__) == list(Group.model_fields) == list(slow.__dict__)
    assert fast.model_fields_set == slow.model_fields_set == set(Group.model_fields)
    assert fast.model_dump() == slow.model_dump()
    assert fast.model_dump_json() == slow.model_dump_json()
    assert fast.__pydantic_extra__ == slow.__pydantic_extra__
    assert fast.__pydantic_private__ == slow.__pydantic_private__
    assert Group.model_validate(fast.model_dump()) == fast


def test_new_group_copies_never_touch_the_shared_field_set():
    group = _new_group(**_group_values())
    copy = group.model_copy(update={"reason": "changed"})
    assert copy.reason == "changed" and group.reason == "different sources"
    assert _GROUP_FIELDS == set(Group.model_fields)


def test_new_group_with_missing_fields_falls_back_to_model_construct():
    values = _group_values()
    del values["summary"]
    group = _new_group(**values)
    assert group == Group.model_construct(**values)
    assert "summary" not in group.model_fields_set


def test_canonical_key_is_the_four_position_fields():
    c = claim(5, article="x")
    assert canonical_key(c) == (c.article_id, c.start, c.end, c.claim_id)


#: Texts with underscores, apostrophes of both kinds, digits, non-Latin letters and marks.
TEXTS = st.text(alphabet=st.sampled_from(list("ab_Z’'9 .-,éß\u0301Ωж\u00a0İ")), max_size=40)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_sentence_tokens_equal_the_plain_word_pattern(text):
    assert sentence_tokens(text) == tuple(WORD.findall(text.lower().replace("’", "'")))


def _anchors_by_the_book(text: str) -> frozenset[str]:
    tokens = text.split()
    out = set()
    for before, word in itertools.pairwise(tokens):
        if word[0].isupper() and before[-1] not in OPENERS and before.rstrip(CLOSERS)[-1:] not in OPENERS:
            folded = _fold(word.rstrip(TRAILING))
            if len(folded) > 1 and folded not in _ignored():
                out.add(folded)
    return frozenset(out)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Aa Kyiv.’s”“(:Ü\u2003U.S")), max_size=40))
def test_text_anchors_with_the_cached_word_step_equal_the_direct_fold(text):
    assert text_anchors.__wrapped__(text) == _anchors_by_the_book(text)


def test_anchor_of_a_generic_word_is_none():
    assert _anchor("Officials") is None
    assert _anchor("Kyiv’s,") == "kyiv"


def test_reconcile_restores_the_garbage_collector():
    spies = claim(1500, as_of=date(2024, 10, 14), speaker="spies", article="a")
    budanov = claim(11000, as_of=date(2024, 10, 14), speaker="Budanov", article="b")
    assert gc.isenabled()
    assert len(reconcile([spies, budanov])) == 1
    assert gc.isenabled()
    gc.disable()
    try:
        reconcile([spies, budanov])
        assert not gc.isenabled()  # a caller that paused it keeps it paused
    finally:
        gc.enable()
    with pytest.raises(InvalidInput):
        reconcile([spies, "not a claim"])
    assert gc.isenabled()


def test_judging_the_same_group_twice_gives_equal_groups():
    a = claim(200, speaker="AP", article="a")
    b = claim(215, speaker="Axios", article="b")
    first, second = judge_group([a, b]), judge_group([b, a])
    assert first == second and first.model_dump_json() == second.model_dump_json()
    assert re.search(r"200 .* vs 215", first.summary)
