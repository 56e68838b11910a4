"""Three outlets' reports of one shipwreck are one story: their topic keys must meet.

The reports (tests/fixtures/link/, written for this test in wire style) share few names: Greece
everywhere, Egypt written "Egyptians" in one and "Egyptian nationals" in another, the United Nations
in the lead of one and the third paragraph of another.  Plural demonyms fold to their place, and
ties among keys go to the name read first, so the lead's names are not pushed out by the alphabet.
"""

from __future__ import annotations

from pathlib import Path

from reconcile import extract_claims, reconcile
from reconcile.context.topic import topic_keys
from reconcile.ingest import parse_txt

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "link"


def _articles():
    return [parse_txt(p.read_text(encoding="utf-8"), p.stem) for p in sorted(FIXTURES.glob("*.txt"))]


def test_plural_demonyms_are_keyed_by_their_place():
    wire = next(a for a in _articles() if a.source == "Reuters")
    keys = topic_keys(wire)
    assert {"egypt", "syria", "pakistan", "afghanistan"} <= set(keys)
    assert not {"egyptians", "syrians", "pakistanis", "afghans"} & set(keys)


def test_a_lead_name_is_kept_over_a_late_one_tied_with_it():
    wire = next(a for a in _articles() if a.source == "Reuters")
    keys = topic_keys(wire)
    # "the United Nations refugee agency" (third paragraph) stays; "Crete", named only in the last one, goes
    assert "united nations" in keys and "crete" not in keys


def _toll_groups():
    claims = [c for a in _articles() for c in extract_claims(a)]
    return [g for g in reconcile(claims) if any(c.text in {"At least 79", "78"} for c in g.claims)]


def test_two_outlets_tolls_are_one_group():
    tolls = _toll_groups()
    assert len(tolls) == 1, [[(c.source, c.text) for c in g.claims] for g in tolls]
    members = {(c.source, c.text) for c in tolls[0].claims}
    assert {("Reuters", "At least 79"), ("AFP", "78")} <= members
    # AP's "78 bodies had been recovered" is read as a part of the toll (bodies found so far): apart
    assert ("AP", "78") not in members


def test_the_2016_toll_is_not_in_the_2023_group():
    # a past event named for comparison ("since 2016, when at least 320 people died ... near Crete")
    members = {(c.source, c.text) for c in _toll_groups()[0].claims}
    assert ("Reuters", "at least 320") not in members
