"""A named person's age is an owned quantity (session 6, from a fraud-trial story written for the probe:
one outlet wrote "Daniel Kerr, 61," and another "the 62-year-old former head"): keyed by the person, it
meets the same person's age in other reports and never anyone else's, nor any count."""

from __future__ import annotations

from datetime import date

import pytest

from reconcile import Article, extract_claims, reconcile
from reconcile.group import block_key

PUBLISHED = date(2025, 5, 20)


def age(text: str):
    ages = [c for c in extract_claims(Article(id="t", text=text, published=PUBLISHED)) if c.kind == "age"]
    assert len(ages) == 1, ages
    return ages[0]


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("John Smith, 34, was charged with murder.", "John Smith"),
        ("Judge Amelia Ortiz also ordered Daniel Kerr, 61, to forfeit $410 million.", "Daniel Kerr"),
        ("Daniel Kerr, the 62-year-old former head of the bank, was sentenced.", "Daniel Kerr"),
        ("Texas Governor Greg Abbott, 66, said so.", "Greg Abbott"),
        ("Daniel Kerr was sentenced on Tuesday. The 62-year-old Kerr showed no emotion.", "Daniel Kerr"),
        # no one named: no owner, no key
        ("Police said a 34-year-old man had been arrested.", None),
        ("Harbor Trust Bank, 61, said so.", None),
    ],
)
def test_an_age_belongs_to_the_person_named_beside_it(text, owner):
    c = age(text)
    assert c.owner == owner
    if owner is None:
        assert c.counted is None and block_key(c) is None
    else:
        assert c.counted == "age" and block_key(c) == f"age|age|{owner.lower()}"


def test_two_reports_of_one_persons_age_that_differ_conflict():
    arts = [Article(id="a", source="Capital Wire", published=PUBLISHED,
                    text="Judge Amelia Ortiz ordered Daniel Kerr, 61, to forfeit $410 million."),
            Article(id="b", source="Metro Courier", published=PUBLISHED,
                    text="Daniel Kerr, the 62-year-old former head of Harbor Trust Bank, was sentenced on Tuesday.")]
    groups = reconcile(arts)
    ages = [g for g in groups if g.claims[0].kind == "age"]
    assert len(ages) == 1 and ages[0].verdict.value == "conflict"


def test_two_peoples_ages_never_meet():
    arts = [Article(id="a", source="Capital Wire", published=PUBLISHED, text="John Smith, 34, was charged in Ohio."),
            Article(id="b", source="Metro Courier", published=PUBLISHED, text="Jane Doe, 36, was charged in Ohio.")]
    assert not [g for g in reconcile(arts) if g.claims[0].kind == "age"]
