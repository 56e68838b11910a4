"""Table tests for misreads of who gave a figure and of figures whose noun is left out, found on
crowd-count and wire sentences written for these tests.  Each row failed before its fix."""

from __future__ import annotations

from datetime import date

import pytest

from reconcile import Article, extract_claims, reconcile
from reconcile.models import Claim

PUBLISHED = date(2025, 3, 13)


def claim_of(text: str, figure: str) -> Claim:
    claims = extract_claims(Article(id="t", text=text, published=PUBLISHED))
    hits = [c for c in claims if figure in c.text]
    assert hits, [c.text for c in claims]
    return hits[0]


@pytest.mark.parametrize(
    ("text", "figure", "speaker"),
    [
        # a news outlet or the media before a past-tense verb is its subject, not a noun compound
        ("Sky News reported that 400 flights had been cancelled.", "400", "Sky News"),
        ("Local media reported at least 30 deaths.", "30", "Local media"),
        # a weak verb ("put", "counted") keeps its subject when a contrasting clause sets the speech verb apart
        ("Police put the crowd at 20,000, while organisers claimed 100,000 took part.", "20,000", "Police"),
        ("Police put the crowd at 20,000, while organisers claimed 100,000 took part.", "100,000", "organisers"),
        ("Police counted 340,000 marchers, while the unions said 1.2 million joined.", "340,000", "Police"),
        # ... and yields to a speech verb that states it
        ("The ministry said investigators had confirmed 72 deaths.", "72", "the ministry"),
        ("Data showed 48 dead, the ministry said.", "48", "the ministry"),
        # a spaced hyphen after a dateline is a dash: the subject starts after it
        ("PARIS, March 13 - Organisers said 100,000 people marched on Thursday; police said 25,000.",
         "100,000", "Organisers"),
        ("KYIV - The ministry said 12 people died.", "12", "the ministry"),
        # a body's relative clause holding a figure is no end of the subject
        ("The company, which employs 3,000 people, said profits fell 12%.", "12%", "the company"),
        # figures owned by their source speak for it; figures alone speak for nobody
        ("Eurostat's data showed unemployment at 6.1% in May.", "6.1%", "Eurostat"),
        ("The ministry's own tally put the toll at 212.", "212", "the ministry"),
        ("The latest figures show the economy grew by 1.1 per cent.", "1.1 per cent", None),
    ],
)
def test_who_gave_the_figure(text, figure, speaker):
    assert claim_of(text, figure).speaker == speaker


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        # the noun left out after a speech or estimate verb is the one counted before
        ("Organisers said 100,000 people marched; police said 25,000.", "25,000", "protester"),
        ("Organisers said 100,000 people marched in Paris. The police put it at 52,000.", "52,000", "protester"),
        ("Unions said 1.2 million people joined the strike, but police said 340,000.", "340,000", "protester"),
        # a predicate right after a bare figure says what it counts
        ("The union said 1.2 million joined.", "1.2 million", "protester"),
        # a reporting verb ends what is counted: its object is the figure's noun
        ("Eurostat's data showed unemployment at 6.1% in May.", "6.1%", "unemployment rate"),
        ("Figures released by the Office for National Statistics showed inflation at 3.2% in May.", "3.2%",
         "inflation"),
        # nothing counted before: nothing to take
        ("He said 12.", "12", None),
    ],
)
def test_a_figure_whose_noun_is_left_out(text, figure, counted):
    assert claim_of(text, figure).counted == counted


def test_police_and_organisers_figures_for_one_march_meet_as_a_conflict():
    articles = [
        Article(id="a", source="Wire", published=PUBLISHED,
                text="PARIS, March 13 - Organisers said 100,000 people marched in Paris against the pension "
                     "reform on Thursday; police said 25,000."),
    ]
    groups = [g for g in reconcile(articles) if {c.value for c in g.claims} == {100000, 25000}]
    assert len(groups) == 1 and groups[0].verdict == "conflict"
