"""Table tests for misreads of who gave a figure and of figures whose noun is left out, found on
crowd-count and wire sentences written for these tests.  Each row failed before its fix."""

from __future__ import annotations

from datetime import date

import pytest
from _context_claims import extracted

from reconcile import Article, reconcile
from reconcile.models import Claim

PUBLISHED = date(2025, 3, 13)


def claim_of(text: str, figure: str) -> Claim:
    return extracted(text, figure, PUBLISHED)


@pytest.mark.parametrize(
    ("text", "figure", "speaker"),
    [
        # "with X saying": the subject of a gerund of speech speaks (a strike story)
        (("The strike entered its second day, with the union saying more than 31,000 members were on picket "
          "lines."), "more than 31,000", "the union"),
        # a figure quoted inside a sentence is no speech: the sentence's cue states it
        ('The boat had carried "at least 400" people, the IOM said.', "at least 400", "the IOM"),
        # "continued" is how a thing went on, not a speech verb
        ("The death toll continued to rise on Monday, reaching 40.", "40", None),
        ("Rescue efforts continued as 12 people remained missing.", "12", None),
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


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        # a storm's winds are one quantity however the wire qualifies them; gusts stay apart
        ("The storm made landfall with maximum sustained winds of 130 mph (215 km/h).", "130 mph", "wind"),
        ("The storm made landfall with maximum sustained winds of 130 mph (215 km/h).", "215 km/h", "wind"),
        ("The storm's winds peaked at 210 km/h.", "210 km/h", "wind"),
        ("Gusts of 150 km/h were recorded.", "150 km/h", "gust"),
        # a converted figure in parentheses measures what the figure before it measures
        ("The river rose 3 metres (about 10 feet) overnight.", "10 feet", "river"),
        # an adverb closing the subject is not part of what is counted
        ("Officials said the toll there alone had reached 10.", "10", "death"),
    ],
)
def test_what_a_storm_figure_measures(text, figure, counted):
    assert claim_of(text, figure).counted == counted


@pytest.mark.parametrize(
    ("text", "figure", "places"),
    [
        # "her state" is the state the article named last, as "the state" is
        ("MOBILE, Alabama - Alabama Governor Kay Rollins said six people had died in her state.", "six",
         ["alabama"]),
        # a list of states is every one of them, not the first
        ("Crews restored power to some 900,000 customers in Alabama, Florida and Mississippi.", "900,000",
         ["alabama", "florida", "mississippi"]),
        ("In Paris, France, 40 people marched.", "40", ["paris"]),
    ],
)
def test_places_of_a_figure(text, figure, places):
    assert claim_of(text, figure).scope_info.places == places


def test_a_body_named_statistics_still_speaks():
    text = "The Australian Bureau of Statistics has found gambling made up 80 per cent of casino income."
    assert claim_of(text, "80 per cent").speaker == "the Australian Bureau of Statistics"


def test_an_according_to_cue_set_apart_by_though_speaks_for_its_own_clause():
    text = ("Hurricane Dara has killed 12 people, according to a tally by the National Times, though officials "
            "in Alabama said the toll there alone had reached 10.")
    assert claim_of(text, "12").speaker == "the National Times"
    ten = claim_of(text, "10")
    assert ten.speaker == "officials in Alabama"
    assert ten.scope_info.places == ["alabama"]  # "there" is the state just named


def test_a_headline_toll_beside_state_tolls_is_the_whole_not_one_of_the_parts():
    articles = [
        Article(id="w", source="Coastline Wire", published=date(2025, 9, 4),
                text="MOBILE, Alabama - Hurricane Dara killed at least nine people on Thursday. Alabama Governor "
                     "Kay Rollins said six people had died in her state. Florida officials reported three deaths "
                     "in the Panhandle."),
        Article(id="d", source="Gulf Daily", published=date(2025, 9, 4),
                text="Hurricane Dara has killed eight people, state officials said on Thursday. In Alabama, "
                     "six people died, the state's emergency agency said."),
    ]
    groups = reconcile(articles)
    with_six = [g for g in groups if any(c.value == 6 for c in g.claims)]
    # six (Alabama) is a part: never in conflict with the whole (at least nine, eight)
    assert not any(g.verdict == "conflict" and {6, 9} <= {c.value for c in g.claims} for g in groups)
    assert all(9 not in {c.value for c in g.claims} for g in with_six)
    totals = [g for g in groups if {9, 8} <= {c.value for c in g.claims}]
    assert len(totals) == 1 and totals[0].verdict == "conflict"


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        # earnings copy: the company that reports is no part of what it reports, nor is the quarter
        ("Orchard Tech reported quarterly revenue of $94.9 billion on Thursday.", "$94.9 billion", "revenue"),
        ("The company said revenue for its fiscal fourth quarter rose 6.1% to $94.93 billion.", "$94.93 billion",
         "revenue"),
        # a share right after a figure says how that figure moved
        ("Orchard Tech reported revenue of $94.9 billion on Thursday, up 6% from a year earlier.", "6%",
         "revenue"),
        ("The firm cut 1,200 jobs, down 3% from 2023.", "3%", "job"),
        # a brand written with a small letter opens a sentence: the one before is not read into it
        ("Net income was $24.1 billion, or $1.62 per share. iPhone sales climbed 8% to $46.2 billion.",
         "$46.2 billion", "iphone sale"),
        # an adjective "confirmed" or "reported" after "that" stays part of the phrase
        ("Health Minister Joseph Banda said on Tuesday that confirmed cholera cases had climbed to 1,530.", "1,530",
         "case"),
    ],
)
def test_what_an_earnings_figure_measures(text, figure, counted):
    assert claim_of(text, figure).counted == counted


def test_a_fiscal_quarter_is_a_period_of_the_scope():
    text = "The company said revenue for its fiscal fourth quarter rose 6.1% to $94.93 billion."
    assert claim_of(text, "$94.93 billion").scope_info.period == "quarter 4"


def test_a_future_verb_in_another_clause_does_not_move_a_past_weekday_forward():
    published = date(2025, 10, 30)  # a Thursday
    text = "The company posted revenue of $12.4 billion on Wednesday and said it will hire 300 workers."
    revenue = extracted(text, "$12.4 billion", published)
    assert revenue.as_of == date(2025, 10, 29) and not revenue.projection
    plan = "Vantor will report results on Wednesday, when revenue is expected to reach $12 billion."
    assert extracted(plan, "$12 billion", published).projection
