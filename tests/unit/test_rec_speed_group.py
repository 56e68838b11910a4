"""Scope classes with their shortcuts (one scope, one order key per signature) equal the plain partition."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.group import _national, _scope_classes
from reconcile.scope_compare import EMPTY, compatible


def _plain_scope_classes(sigs, story):
    """The partition as first written: every unit sorted by its own key, no shortcut."""
    if len(story) == 1:
        return [list(story)]
    order = sorted(story, key=lambda i: (-sum(map(bool, sigs[i])), not sigs[i][0],
                                         (*sigs[i][:2], sigs[i][2] or "", sigs[i][3]), i))
    classes, unplaced = [], []
    for i in order:
        sig = sigs[i]
        fits = [c for c in classes if sig in c[0] or all(compatible(sig, s) for s in c[0])]
        if len(fits) > 1 and sum(1 for c in fits if _national(c[0])) == 1:
            fits = [c for c in fits if _national(c[0])]
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


SIGNATURES = [
    EMPTY,
    (("russia",), (), None, ()),
    (("kursk",), (), None, ()),
    (("eastern russia",), (), None, ()),
    (("france",), (), None, ()),
    (("paris",), (), None, ()),
    (("nationwide",), (), None, ()),
    ((), ("first wave",), None, ()),
    ((), (), "since 2022", ()),
    ((), (), "as defense secretary", ()),
    (("kursk",), ("first wave",), "since 2022", ()),
    ((), (), None, ("confirmed",)),
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(SIGNATURES), max_size=12), st.data())
def test_scope_classes_equal_the_plain_partition(sigs, data):
    story = sorted(data.draw(st.sets(st.integers(0, len(sigs) - 1))) if sigs else [])
    assert _scope_classes(sigs, story) == _plain_scope_classes(sigs, story)


def test_one_scope_is_one_class_in_index_order():
    sigs = [EMPTY] * 5
    assert _scope_classes(sigs, [0, 2, 4]) == [[0, 2, 4]]
    assert _scope_classes(sigs, []) == []
