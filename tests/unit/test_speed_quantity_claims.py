"""The quantity layer makes its claims without validating them (speed-quantity): the same claims as ``Claim(**values)``.

``reconcile.extract._new_claim`` skips pydantic's validation when the values are already valid; here it is compared,
claim by claim, with the validated form on wire copy and seeded word salad.
"""

from __future__ import annotations

import random
from datetime import date, datetime

from reconcile.extract import _new_claim, _valid_article, extract_quantities
from reconcile.models import Article, Claim

WIRE = [
    ("Lt. Gen. Kyrylo Budanov said on Monday that nearly 11,000 North Korean troops, up from 8,000, were in "
     "Russia's Kursk region, and that between 2 and 3 percent of them, some $1.2bn in kit, had left."),
    ("The toll rose from 27 to 25 deaths; about 4,300 people fled 40 km, a third of residents, at least "
     "12 lines closed, fewer than 20 trains ran and 2.5 million euros were paid by the state. Dozens of "
     "homes burned, more than 10 and less than 20 boats sank, 1 in 5 voters stayed home for his third term."),
]

#: The fields the quantity layer gives a claim.
GIVEN = ["claim_id", "article_id", "text", "start", "end", "sentence", "sentence_start", "kind", "value", "low",
         "high", "qualifier", "hedge", "unit", "counted_text", "change_id", "change_role", "source", "url",
         "published", "title"]


def _same(a: Claim, b: Claim) -> None:
    assert list(a.__dict__.items()) == list(b.__dict__.items())  # values and field order
    assert [type(v) for v in a.__dict__.values()] == [type(v) for v in b.__dict__.values()]
    assert a.model_fields_set == b.model_fields_set
    assert a.model_dump_json() == b.model_dump_json()
    assert (a.__pydantic_extra__, a.__pydantic_private__) == (b.__pydantic_extra__, b.__pydantic_private__)


def test_new_claim_is_the_validated_claim():
    rng = random.Random(5)
    words = " ".join(WIRE).split()
    texts = WIRE + [" ".join(rng.choice(words) for _ in range(rng.randint(3, 80))) for _ in range(80)]
    n = 0
    for i, text in enumerate(texts):
        article = Article(id=f"a{i}", text=text, source=rng.choice([None, "Wire"]), title=rng.choice([None, "T"]),
                          url=rng.choice([None, "https://x.test/a"]), published=rng.choice([None, date(2024, 10, 21)]))
        assert _valid_article(article)
        for claim in extract_quantities(article):
            values = {name: getattr(claim, name) for name in GIVEN}
            fast, slow = _new_claim(dict(values), True), Claim(**values)
            _same(fast, slow)
            _same(claim, slow)
            n += 1
    assert n > 300


def test_new_claim_defaults_are_fresh_objects():
    article = Article(id="a", text="About 40 people and 12 boats.")
    first, second = extract_quantities(article)
    assert first.scope_info == second.scope_info and first.scope_info is not second.scope_info
    assert first.topic is not second.topic
    first.counted = "people"  # (pydantic records the assignment in this claim's own set of fields given)
    assert "counted" in first.model_fields_set and "counted" not in second.model_fields_set


def test_an_article_made_without_validation_is_validated_through():
    bad = Article.model_construct(id="a", text="About 40 people.", published=datetime(2024, 10, 21, 0, 0),
                                  source=None, url=None, title=None)
    assert not _valid_article(bad)
    (claim,) = extract_quantities(bad)
    assert type(claim.published) is date  # what Claim's validation makes of a datetime at midnight
