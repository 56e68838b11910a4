"""Table tests for misreads found on a mine-disaster story written for these tests (three outlets over
two days): people named by their trade when killed or hurt, and a time phrase after a measured thing.

Named after what broke; each row failed before its fix.
"""

from __future__ import annotations

from datetime import date

import pytest
from _context_claims import extracted

from reconcile import Article, reconcile
from reconcile.models import Claim

PUBLISHED = date(2025, 3, 13)


def claim_of(text: str, figure: str, published: date | None = PUBLISHED) -> Claim:
    return extracted(text, figure, published)


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        ("At least 14 miners were killed in the blast, officials said.", "14", "miner death"),
        ("At least 25 miners died in the explosion.", "25", "miner death"),
        ("The blast killed 22 miners, the ministry said.", "22", "miner death"),
        ("Two soldiers were wounded in the shelling.", "Two", "troop injury"),
        ("14 soldiers died in the attack on the base.", "14", "troop death"),
        ("Three firefighters were injured fighting the blaze.", "Three", "firefighter injury"),
        ("The crash killed 12 crew members, the airline said.", "12", "crew member death"),
        # taken into hospital is a quantity of its own, apart from the people counted alive
        ("Twelve passengers were hospitalised.", "Twelve", "passenger hospitalization"),
        ("Some 30 survivors were hospitalized with hypothermia.", "Some 30", "survivor hospitalization"),
        ("Rescuers pulled 104 survivors from the water.", "104", "survivor"),
        ("The death toll rose to 57, with 48 people still in hospital.", "48", "hospitalization"),
        ("Twelve people were taken to hospital.", "Twelve", "hospitalization"),
        ("About 300 people protested outside the hospital.", "About 300", "protester"),
        # the same people counted alive keep their plain name: a headcount, not a toll
        ("About 120 miners were on the overnight shift.", "120", "miner"),
        ("The plane was carrying 180 passengers.", "180", "passenger"),
    ],
)
def test_people_named_by_trade_keep_their_name_when_killed_or_hurt(text, figure, counted):
    assert claim_of(text, figure).counted == counted


def test_a_toll_of_miners_from_three_outlets_is_one_quantity_apart_from_the_shift_headcount():
    articles = [
        Article(id="wire", source="Meridian Press", published=date(2025, 3, 12),
                text="At least 14 miners were killed after a methane blast at the Kostova-2 mine on Wednesday, "
                     "the emergency ministry said. About 120 miners were on the overnight shift."),
        Article(id="daily", source="The Northern Ledger", published=date(2025, 3, 13),
                text="The number of miners killed in the blast at the Kostova-2 mine rose to 22 on Thursday, "
                     "the emergency ministry said."),
        Article(id="tv", source="KTV News", published=date(2025, 3, 13),
                text="At least 25 miners died in the explosion at the Kostova-2 mine, the miners' union said "
                     "on Thursday."),
    ]
    groups = reconcile(articles)
    toll = [g for g in groups if any(c.value == 25 for c in g.claims)]
    assert len(toll) == 1
    values = sorted(c.value for c in toll[0].claims)
    assert values == [14, 22, 25]
    # 22 (ministry) and at least 25 (union) on the same day do not overlap: a conflict
    assert toll[0].verdict == "conflict"
    assert not any(c.value == 120 for g in groups for c in g.claims if g is toll[0])


@pytest.mark.parametrize(
    ("text", "figure", "counted_text"),
    [
        ("The crash killed 12 crew members, the airline said.", "12", "crew members"),
        ("Some 40 police officers were deployed.", "40", "police officers"),
        ("Police arrested nine people smugglers.", "nine", "people smugglers"),
        # a collective noun alone, or before a verb, stays as it is
        ("About 300 people attended the vigil.", "300", "people"),
        ("About 400 police were deployed.", "400", "police"),
    ],
)
def test_a_collective_noun_opening_a_compound_takes_its_head(text, figure, counted_text):
    assert claim_of(text, figure).counted_text == counted_text


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        ("The mine produced 2.1 million tonnes of coal last year.", "2.1 million", "coal"),
        ("It shipped 40,000 tonnes of wheat last week, the ministry said.", "40,000", "wheat"),
        ("The country imported 12 million barrels of oil this year.", "12 million", "oil"),
    ],
)
def test_a_time_phrase_after_a_measured_thing_is_not_what_it_measures(text, figure, counted):
    assert claim_of(text, figure).counted == counted


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        # a bare figure takes what its predicate says, and the name of the people counted just before
        ("Seven miners died and 12 were injured.", "12", "miner injury"),
        ("Five people were killed and 20 were injured.", "20", "injury"),
        ("At least 14 miners were killed and 37 remained trapped underground.", "37", "missing person"),
        ("Of the 120 miners, 69 were rescued.", "69", "rescued person"),
        ("The ministry said 45 were arrested.", "45", "arrest"),
        # trapped, missing and unaccounted for are one quantity in a rescue, whoever is counted
        ("26 workers were still unaccounted for.", "26", "missing person"),
        ("Some 30 miners remain trapped.", "30", "missing person"),
        # how sure the report is sits between the verb and the predicate (a shipwreck story)
        ("Hundreds were feared missing after the boat sank.", "Hundreds", "missing person"),
        ("Another 12 were believed dead.", "12", "death"),
        ("About 40 were presumed dead, the coast guard said.", "About 40", "death"),
        ("Officials said 30 were known to have died.", "30", "death"),
        # a verb that moves a named total to the figure: the total's thing, or the antecedent's for "the total"
        ("Two more bodies were found, raising the death toll to 40.", "40", "death"),
        ("Officials confirmed 12 new cases, bringing the total to 120.", "120", "case"),
        ("The storm took the number of deaths to 12.", "12", "death"),
        # a predicate that names nothing leaves the figure uncounted
        ("The company built 40 plants and 12 were sold.", "12", None),
        ("The company built 40 plants and 12 were reported sold.", "12", None),
    ],
)
def test_a_bare_figure_counts_what_its_predicate_says(text, figure, counted):
    assert claim_of(text, figure).counted == counted


@pytest.mark.parametrize(
    ("text", "figure", "as_of"),
    [
        # a past event named for comparison dates its own figure, so it never meets today's toll
        ("It was the worst disaster since 2010, when 29 miners died in an explosion.", "29", date(2010, 1, 1)),
        ("A 2019 blast at the same mine killed 41 workers.", "41", date(2019, 1, 1)),
        ("Unemployment hit 10% in 2009, when the crisis peaked.", "10%", date(2009, 1, 1)),
        ("The blast comes two years after 41 miners died at a pit in the south.", "41", date(2023, 3, 14)),
        ("It came a year after 12 people died in a similar fire.", "12", date(2024, 3, 13)),
        # a figure outside the after-clause keeps its own date
        ("Two days after the quake, the toll rose to 50.", "50", PUBLISHED),
        # a period that starts at a date is no date of the figure
        ("Since 2010, 29 miners have died in the region.", "29", PUBLISHED),
    ],
)
def test_a_past_event_named_for_comparison_dates_its_figure(text, figure, as_of):
    assert claim_of(text, figure).as_of == as_of


def test_a_past_disaster_named_in_todays_story_is_no_conflict_with_todays_toll():
    text = ("Twenty-two miners were killed in Thursday's blast, the ministry said. "
            "It was the country's worst mining disaster since 2015, when 41 miners died.")
    groups = reconcile([Article(id="t", source="Wire", published=PUBLISHED, text=text)])
    assert not [g for g in groups if g.verdict == "conflict"]
