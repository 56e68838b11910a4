"""Table tests for misreads found on wire-style stories (elections, strikes, fires, outbreaks, layoffs).

Each row is one sentence or two, written for these tests, with the field the context layer (or the
reconciler) must get right.  Named after what broke.
"""

from __future__ import annotations

from datetime import date

import pytest
from _context_claims import extracted

from reconcile import Article, reconcile
from reconcile.context.topic import topic_keys
from reconcile.group import block_key
from reconcile.models import Claim

PUBLISHED = date(2024, 12, 5)  # a Thursday


def claim_of(text: str, figure: str, published: date | None = PUBLISHED) -> Claim:
    return extracted(text, figure, published)


@pytest.mark.parametrize(
    ("text", "figure", "places"),
    [
        ("The death toll from Storm Kiran rose to 158 on Sunday, the governor said.", "158", []),
        ("The death toll from Hurricane Lena climbed to 42 in the Delta region.", "42", ["delta"]),
        ("Fire crews said 12 homes were lost in the Ridge Fire.", "12", []),
        ("In Kasoro province alone, 1,150 cases have been recorded.", "1,150", ["kasoro"]),
        ("In Paris, the police headcount stood at 52,000, against 400,000 according to the CGT.", "400,000",
         ["paris"]),
    ],
)
def test_named_events_and_sources_are_no_places(text, figure, places):
    assert claim_of(text, figure).scope_info.places == places


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        ("Regulators approved the pipeline, a 1,931 km line that will carry gas to the coast.", "1,931", "line"),
        ("The approved Karsk line will run 1,200 miles from the fields to the port.", "1,200", "line"),
        ("The project will cost $1.2bn, the operator said.", "$1.2bn", "project cost"),
        ("The operator put the cost of the project at 1,200 million dollars.", "1,200 million", "project cost"),
        ("The Cedar Ridge Fire has scorched about 4,900 hectares, Cal Fire said.", "4,900", "fire"),
        ("The wildfire had burned more than 12,000 acres by Monday morning.", "12,000", "fire"),
        ("Revenue fell 9% to 61.2 billion Swedish crowns, below forecasts.", "61.2 billion", "revenue"),
    ],
)
def test_what_a_length_an_area_or_a_cost_measures(text, figure, counted):
    assert claim_of(text, figure).counted == counted


def test_swedish_crowns_are_money_in_sek():
    c = claim_of("Revenue fell 9% to 61.2 billion Swedish crowns ($5.6 billion).", "61.2 billion")
    assert (c.kind.value, c.unit) == ("money", "SEK")


def test_a_plural_after_an_amount_is_no_attributive_noun():
    c = claim_of("Sales came in below the 63.5 billion dollars analysts had expected.", "63.5 billion")
    assert c.counted != "analyst"


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        ("At least 95 people have died in the flooding, the agency said.", "95", "death"),
        ("Storm Kiran has killed 205 people in the valley.", "205", "death"),
        ("The outbreak has infected 1,240 people and killed 31 since late July.", "31", "death"),
        ("The raid injured 12, medics said.", "12", "injury"),
        ("Police said 23 people were arrested in Paris.", "23", "arrest"),
        ("The fire destroyed 85 homes, forcing some 4,500 people to leave.", "4,500", "evacuee"),
        ("Officials lifted evacuation orders for about 1,200 residents on Wednesday.", "1,200", "evacuation lifted"),
        ("The coast guard said the bodies of 27 people had been recovered.", "27", "death"),
        ("Survivors said between 70 and 80 people had been on board.", "between 70 and 80", "people aboard"),
        ("Officials said 31 people had been arrested across the country, 23 of them in Paris.", "23", "arrest"),
        ("The ministry revised its count of Thursday's protesters to 356,000 nationwide.", "356,000", "protester"),
        ("Confirmed cholera cases had climbed to 1,530, the minister said.", "1,530", "case"),
        ("French unions said nearly 1.2 million people joined the marches.", "1.2 million", "protester"),
    ],
)
def test_what_a_count_of_people_counts(text, figure, counted):
    assert claim_of(text, figure).counted == counted


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        ("The Cedar Ridge Fire was 10% contained, according to Cal Fire.", "10%", "containment"),
        ("The party won 41% of the vote, with 92% of ballots counted.", "92%", "vote counted"),
    ],
)
def test_a_share_followed_by_a_state_measures_that_state(text, figure, counted):
    assert claim_of(text, figure).counted == counted


@pytest.mark.parametrize(
    ("text", "figure", "owner"),
    [
        ("President Andrei Kovan's National Union won about 41% of the vote.", "41%", "National Union"),
        ("The governing National Union of President Andrei Kovan took 40.8% of the vote.", "40.8%",
         "National Union"),
        ("The Civic Alliance, led by Irina Sava, took 33.9% of the vote.", "33.9%", "Civic Alliance"),
        ("Final results gave the National Union 40.6% of the vote.", "40.6%", "National Union"),
        ("Shane Warne took five wickets on the last day.", "five", "Shane Warne"),
    ],
)
def test_the_owner_of_a_vote_share_or_wickets_is_the_subject(text, figure, owner):
    assert claim_of(text, figure).owner == owner


def test_two_parties_vote_shares_are_never_one_quantity():
    a = claim_of("The National Union won 40.6% of the vote.", "40.6%")
    b = claim_of("The Civic Alliance won 33.7% of the vote.", "33.7%")
    assert block_key(a) != block_key(b)
    c = claim_of("Turnout was high and 33.7% of the vote went to small parties.", "33.7%")
    assert c.owner is None and block_key(c) is None  # no owner: compares with nothing


@pytest.mark.parametrize(
    ("text", "figure", "speaker"),
    [
        ("French unions said nearly 1.2 million people joined the strikes, while police counted about 340,000 "
         "protesters.", "340,000", "police"),
        ("Turnout was 58.2%, according to preliminary results released Monday by the central election "
         "commission.", "58.2%", "the central election commission"),
        ("\"The next two weeks will be decisive,\" WHO regional director Amara Ndiaye told reporters. "
         "\"We are sending 200,000 doses of vaccine.\"", "200,000", "Amara Ndiaye"),
        ("At least 21 people drowned when the boat capsized off the island, the coast guard said.", "21",
         "the coast guard"),
        ("The project will cost $1.2bn, the operator said.", "$1.2bn", "the operator"),
    ],
)
def test_speaker(text, figure, speaker):
    assert claim_of(text, figure).speaker == speaker


def test_according_to_after_another_figure_is_that_figures_source():
    c = claim_of("In Paris, the police headcount stood at 52,000, against 400,000 according to the CGT.", "52,000")
    assert c.speaker != "the CGT"


def test_the_date_of_a_compared_figure_is_not_the_claims():
    c = claim_of("Turnout was 58.2%, down from 61% in 2021.", "58.2%", published=date(2025, 3, 10))
    assert c.as_of == date(2025, 3, 10)
    old = claim_of("Turnout was 58.2%, down from 61% in 2021.", "61%", published=date(2025, 3, 10))
    assert old.as_of == date(2021, 1, 1)


@pytest.mark.parametrize(
    ("text", "figure", "places", "subset", "period"),
    [
        ("The CGT said 1.2 million demonstrators took part nationwide.", "1.2 million", ["nationwide"], [], None),
        ("The minister said 31 people had been arrested across the country.", "31", ["nationwide"], [], None),
        ("The ministry had recorded 410 new cases in the past 48 hours.", "410", [], ["new"], "past 48 hour"),
    ],
)
def test_scope_of_national_and_increment_figures(text, figure, places, subset, period):
    info = claim_of(text, figure).scope_info
    assert (info.places, info.subset, info.period) == (places, subset, period)


def test_a_partial_count_against_final_results_is_evolving():
    arts = [
        Article(id="a", source="A", published=date(2025, 3, 10),
                text="The National Union won 40.8% of the vote in Sunday's election, according to preliminary "
                     "results released by the Valdoria election commission."),
        Article(id="b", source="B", published=date(2025, 3, 12),
                text="Final results published in Valdoria on Wednesday gave the National Union 40.6% of the vote."),
    ]
    groups = reconcile(arts)
    vote = [g for g in groups if g.n_claims == 2]
    assert vote and vote[0].verdict.value == "evolving" and "partial count" in vote[0].reason


def test_an_unscoped_figure_joins_the_national_class_not_a_provinces():
    arts = [
        Article(id="a", source="A", published=date(2024, 8, 20),
                text="Zambia's health minister said cholera cases in Zambia had climbed to 1,530."),
        Article(id="b", source="B", published=date(2024, 8, 22),
                text="Cholera cases in Zambia have risen to nearly 2,000, the ministry said.\n"
                     "In Kasoro province alone, 1,150 cases have been recorded, officials said."),
        Article(id="c", source="C", published=date(2024, 8, 22),
                text="Zambia's cholera cases reached 1,600, a Zambia health official said on Thursday."),
    ]
    groups = reconcile(arts)
    for g in groups:
        texts = {c.text for c in g.claims}
        if "1,150" in texts:
            assert g.verdict.value != "conflict", g.reason


def test_demonyms_and_repeated_openers_are_topic_keys():
    art = Article(id="x", title="Norvik to cut jobs", text="Norvik cut 1,800 jobs, angering Swedish unions.")
    keys = topic_keys(art)
    assert "norvik" in keys and "sweden" in keys


@pytest.mark.parametrize(
    ("text", "figure", "subset"),
    [
        ("Western Australia and South Australia have each recorded three deaths.", "three", ["each"]),
        ("Gillespie and Lee picked up two wickets apiece on the day.", "two", ["each"]),
        ("A second night of air raids killed eight civilians, he said.", "eight", ["second night"]),
        ("The killing brings the toll to 1,121 people, including 865 Palestinians and 234 Israelis.", "234",
         ["part"]),
        ("The trip ended with 21 people dying, 14 of them Australians.", "14", ["part"]),
        ("The dead were five children, four women and five men.", "four", ["part"]),
        ("The ministry counted 340,000 across France, 52,000 of them in Paris.", "52,000", []),
        ("After an inquiry, a further four midwives have been moved to other wards.", "four", ["new"]),
        ("It is expected another 800 workers will be paid by Friday.", "800", ["new"]),
        ("South Korea's spy agency warned last week that 1,500 soldiers were already inside Russia.", "1,500", []),
    ],
)
def test_per_item_wave_and_breakdown_figures_carry_a_subset(text, figure, subset):
    assert claim_of(text, figure).scope_info.subset == subset


def test_killed_and_injured_people_of_one_nation_are_different_quantities():
    killed = claim_of("Palestinian hardliners had earlier killed 10 Israelis in an attack.", "10")
    hurt = claim_of("A double suicide attack in the Gaza Strip injured four Israelis.", "four")
    assert (killed.counted, hurt.counted) == ("israeli death", "israeli injury")


def test_a_measure_of_one_object_after_a_verb_is_no_shared_quantity():
    assert claim_of("A B-52 bomber dropped a 900 kilogram bomb near the town.", "900").counted is None
    assert claim_of("Regulators approved the Karsk pipeline, a 1,931 km line.", "1,931").counted == "line"


def test_unanchored_figures_of_unrelated_articles_never_meet():
    arts = [
        Article(id="a", source="ABC", published=PUBLISHED,
                text="NASA launched the Starling satellite on Tuesday from Cape Canaveral. "
                     "More than 30,000 students from 26 countries will track the satellite."),
        Article(id="b", source="ABC", published=PUBLISHED,
                text="Steinlager 2 won the Whitbread race from Auckland to Fremantle. "
                     "It beat a field of 23 boats from 13 countries."),
    ]
    assert not [g for g in reconcile(arts) if g.verdict.value == "conflict"]
