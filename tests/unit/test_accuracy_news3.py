"""Table tests for misreads found on a third round of wire-style stories (an earthquake, a plane crash,
rival drone claims, refugees, a takeover, a poll, a measles outbreak, an oil spill), each sentence
written for these tests.

Named after what broke; most rows failed before their fix, the others guard the edges of the rule.
"""

from __future__ import annotations

from datetime import date

import pytest
from _context_claims import extracted

from reconcile import Article, extract_claims
from reconcile.models import Claim

PUBLISHED = date(2025, 6, 12)  # a Thursday


def claim_of(text: str, figure: str, published: date | None = PUBLISHED) -> Claim:
    return extracted(text, figure, published)


# -- speakers -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "figure", "speaker", "role"),
    [
        # an inverted cue with a lower-case role before the name: the name speaks, the words are its role
        ('"We have rescued 46 people alive," said police spokesman Dinesh Thapa.', "46", "Dinesh Thapa",
         "police spokesman"),
        ('"About 300 homes were lost," said fire chief Ana Ruiz.', "300", "Ana Ruiz", "fire chief"),
        # a relative clause with "which" between a subject and its verb is skipped, not a dead end
        ("Sudan's government, which disputes the U.N. figures, said 35,000 people had been displaced.",
         "35,000", "Sudan's government", None),
        ("The company, which is based in Ghent, said 3,000 jobs would go.", "3,000", "the company", None),
        # plural bodies speak: "the companies said", "the airlines said"
        ("Vantor will buy Lumex for $8 billion in cash, the companies said on Tuesday.", "$8 billion",
         "the companies", None),
        # a source read after "according to" ends before a participle ("released", "published")
        ("Approval stands at 42%, according to a Gallup poll released on Wednesday.", "42%", "a Gallup poll",
         None),
        ("Exports fell 4%, according to data published by the statistics office.", "4%",
         "the statistics office", None),
        # an ambiguous verb ("counted", "records") with a capitalised name as its subject
        ("Nationwide, the Centers for Disease Control and Prevention has counted 164 cases so far this year.",
         "164", "the Centers for Disease Control and Prevention", None),
        # a cue that closes the sentence states the whole of it, not the subject of the clause before
        ("New Mexico has reported nine cases, the state's health department said.", "nine",
         "the state's health department", None),
        ("Russia's army has lost 1,200 tanks this year, the British defence ministry said on Friday.",
         "1,200", "the British defence ministry", None),
    ],
)
def test_speaker_and_role(text, figure, speaker, role):
    claim = claim_of(text, figure)
    assert (claim.speaker, claim.speaker_role) == (speaker, role)


def test_a_figure_describing_the_speaker_is_the_outlets():
    # a figure set off right after the speaker's name describes the speaker ("captain Liam Hart, 34")
    claim = claim_of('"I have waited my whole career for this," said captain Liam Hart, 34.', "34")
    assert claim.speaker is None


def test_a_closing_cue_never_takes_a_figure_of_another_clause():
    claim = claim_of("Police said 5 people died, while the ministry said 7 died.", "5")
    assert claim.speaker == "Police"


# -- dates --------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "figure", "as_of", "projection"),
    [
        # the day of a comparison base is not the figure's, and a future verb does not push it forward
        ("Vantor will pay 42.50 euros per share, a premium of 31% to Lumex's closing price on Monday, the "
         "companies said.", "31%", date(2025, 6, 12), False),
        ("Vantor will pay 42.50 euros per share, a premium of 31% to Lumex's closing price on Monday, the "
         "companies said.", "42.50", date(2025, 6, 12), False),
        # a toll that has risen since an event: the event's day ("Wednesday's crash") is not its date
        ("The number of people killed in Wednesday's plane crash has risen to 25, the authority said on "
         "Thursday.", "25", date(2025, 6, 12), False),
        ("The death toll from Monday's earthquake rose to 31 on Tuesday.", "31", date(2025, 6, 10), False),
    ],
)
def test_as_of_not_taken_from_an_event_or_a_base(text, figure, as_of, projection):
    claim = claim_of(text, figure)
    assert (claim.as_of, claim.projection) == (as_of, projection)


def test_the_counted_event_keeps_its_day():
    # "Thursday's protesters" are counted: that Thursday is their date
    claim = claim_of("The ministry revised its count of Tuesday's protesters to 356,000.", "356,000")
    assert claim.as_of == date(2025, 6, 10)


# -- counted ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        # "people" read through the verb next to them (trapped people are missing people, as on main)
        ("A passenger plane carrying 68 people skidded off the runway.", "68", "people aboard"),
        ("Lumex employs about 5,400 people in three countries.", "5,400", "employee"),
        ("Rescuers were searching for about 20 people believed to be trapped under the rubble.", "20",
         "missing person"),
        ("The company said 3,000 people would be laid off.", "3,000", "layoff"),
    ],
)
def test_people_read_through_their_verb(text, figure, counted):
    assert claim_of(text, figure).counted == counted


@pytest.mark.parametrize(
    ("text", "figure", "speaker"),
    [
        # "according to X, N ..." keeps X: only an inverted speaker's apposition describes the speaker
        ("According to Jenin hospital officials, two Palestinians were injured.", "two", "Jenin hospital officials"),
        ("According to police, one man was arrested at the scene.", "one", "police"),
        # "forecast" with a capitalised name before it is no source of a figure in another clause
        ("Americans paused three months after the attacks, as a resolute President George W Bush forecast "
         "certain victory.", "three months", None),
    ],
)
def test_a_named_subject_or_an_according_cue_is_kept_to_its_own_reach(text, figure, speaker):
    assert claim_of(text, figure).speaker == speaker


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        # a label noun right before or after a bare figure names what it measures
        ("A magnitude 6.4 earthquake struck eastern Turkey early on Monday.", "6.4", "magnitude"),
        ("A 6.1-magnitude quake hit the island.", "6.1", "magnitude"),
        # "at a <noun> of": the noun, not the clause before it
        ("The quake hit at a depth of 10 km near the town of Kemerli.", "10 km", "depth"),
        ("The plant was built with a capacity of 400 megawatts.", "400 megawatts", "capacity"),
        # a conversion in parentheses measures what the figure before it measures
        ("The quake hit at a depth of 10 km (6.2 miles) near the town.", "6.2 miles", "depth"),
        ("Vantor agreed to buy Lumex for a deal value of 7.6 billion euros ($8.2 billion) in cash.",
         "$8.2 billion", "deal value"),
        # a pronoun stands for what the figure before it counts
        ("Approval stands at 42%, at odds with a rival survey that put it at 38%.", "38%", "approval"),
        # a measure with no noun is named by its verb
        ("About 800,000 litres had leaked by Wednesday, the coast guard said.", "800,000 litres", "spill"),
        ("Some 3,000 barrels have leaked so far, the company said.", "3,000 barrels", "spill"),
    ],
)
def test_what_a_bare_measure_or_a_restated_figure_counts(text, figure, counted):
    assert claim_of(text, figure).counted == counted


@pytest.mark.parametrize(
    ("text", "figure", "places"),
    [
        # a relative clause of place holds the figure
        ("Most of the cases are in Gaines County, where 97 people have been infected.", "97", ["gaines county"]),
        # the place of a subject that grew to the figure
        ("The death toll in Valencia rose to 205 on Friday.", "205", ["valencia"]),
        ("A measles outbreak in Texas has grown to 159 cases, officials said.", "159", ["texas"]),
        # an age is no count of a place
        ("He is the head of the mosque in south London, where 28-year-old Mr Reid had worshipped.",
         "28-year-old", []),
    ],
)
def test_the_place_of_a_where_clause_or_a_growing_subject(text, figure, places):
    assert claim_of(text, figure).scope_info.places == places


def test_an_acronym_opening_a_sentence_is_a_topic_key():
    from reconcile.context.topic import topic_keys

    art = Article(id="t", text="ANKARA, March 3 (Reuters) - A quake hit Turkey. AFAD said 14 died.\nAFAD added more.")
    keys = topic_keys(art)
    assert "afad" in keys and "ankara" not in keys


@pytest.mark.parametrize(
    ("text", "figure", "counted", "definition"),
    [
        # a takeover's amount: the deal's value, in either currency, or the offer per share
        ("Vantor Inc has agreed to buy Belgian chipmaker Lumex for 7.6 billion euros ($8.2 billion) in cash.",
         "7.6 billion euros", "deal value", []),
        ("Vantor Inc has agreed to buy Belgian chipmaker Lumex for 7.6 billion euros ($8.2 billion) in cash.",
         "$8.2 billion", "deal value", []),
        ("Shareholders questioned the €7.6bn offer from Vantor.", "€7.6bn", "deal value", []),
        ("Vantor will pay 42.50 euros per share.", "42.50 euros", "offer per share", []),
        # a payment alone is not said to be a price
        ("Boeing will pay $2.5 billion to settle the charges.", "$2.5 billion", None, []),
        # a premium's base price is part of what it measures: premiums over different bases never conflict
        ("Vantor will pay 42.50 euros per share, a premium of 31% to Lumex's closing price on Monday.", "31%",
         "premium", ["closing price"]),
        ("The offer is a premium of 28 per cent to Lumex's average share price over the past three months.",
         "28 per cent", "premium", ["average share price"]),
    ],
)
def test_what_a_takeover_amount_is(text, figure, counted, definition):
    claim = claim_of(text, figure)
    assert (claim.counted, claim.scope_info.definition) == (counted, definition)


@pytest.mark.parametrize(
    ("text", "figure", "speaker"),
    [
        # a subject with a relative pronoun before its verb; the nearer cue beats an earlier "according to"
        ("Approval stands at 42%, according to a Gallup poll, at odds with a Reuters/Ipsos survey that put it "
         "at 38%.", "38%", "a Reuters/Ipsos survey"),
        ("Approval stands at 42%, according to a Gallup poll, at odds with a Reuters/Ipsos survey that put it "
         "at 38%.", "42%", "a Gallup poll"),
        # "according to X, Y said": the outer source still states it
        ("According to the ministry, officials said 12 people died.", "12", "the ministry"),
    ],
)
def test_a_relative_subject_and_the_nearer_cue(text, figure, speaker):
    assert claim_of(text, figure).speaker == speaker


def test_a_possessive_body_is_no_reference_to_a_spokeswoman():
    text = ('"This is the largest outbreak," said Lara Anton, a spokeswoman for the Texas health department. '
            "New Mexico has reported nine cases, the state's health department said.")
    assert claim_of(text, "nine").speaker == "the state's health department"


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        # compounds of "men" are plural nouns: what the figure counts
        ("About 18,000 fishermen have been barred from going to sea.", "18,000", "fisherman"),
        ("Russia lost 500 servicemen.", "500", "troop"),
        ("Three gunmen opened fire on the crowd.", "Three", "gunman"),
    ],
)
def test_compounds_of_men_are_counted(text, figure, counted):
    assert claim_of(text, figure).counted == counted


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        # what a measure holds ends before a clause that runs on after its noun
        ("A tanker carrying 1.4 million litres of industrial fuel oil sank off the central Philippines.",
         "1.4 million litres", "industrial fuel oil"),
        ("The ship was carrying 9,000 barrels of fuel oil when it sank on Monday.", "9,000 barrels", "fuel oil"),
    ],
)
def test_a_measured_phrase_ends_before_a_clause(text, figure, counted):
    assert claim_of(text, figure).counted == counted


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        # a portfolio of several words after "Minister of", then the name
        ("Chadian Minister of Social Action Fatime Abakar said that the government needed 150 tents.",
         "Fatime Abakar", "Chadian Minister of Social Action"),
        ("Minister of Health Ana Ruiz said 150 people had died.", "Ana Ruiz", "Minister of Health"),
        # a body after "for the" or "Ministry of" stays a body
        ("A spokesman for the Northern Alliance Army Command said 150 people had died.",
         "a spokesman for the Northern Alliance Army Command", None),
        ("The Ministry of Foreign Affairs Press Office said 150 people had died.",
         "the Ministry of Foreign Affairs Press Office", None),
    ],
)
def test_a_minister_of_a_portfolio_of_several_words(text, speaker, role):
    claim = claim_of(text, "150")
    assert (claim.speaker, claim.speaker_role) == (speaker, role)


@pytest.mark.parametrize(
    ("text", "figure", "counted", "owner"),
    [
        # an approval rating belongs to the person whose it is, written as a possessor or after "of"
        ("President Daniel Marlow's approval rating stands at 42%, according to a Gallup poll.", "42%",
         "approval", "Daniel Marlow"),
        ("Approval of President Daniel Marlow's job performance fell to 38% this week, a poll found.", "38%",
         "approval", "Daniel Marlow"),
        # a pronoun's figure takes the owner of the figure it restates
        ("President Daniel Marlow's approval rating stands at 42%, at odds with a rival survey that put it at "
         "38%.", "38%", "approval", "Daniel Marlow"),
        # a place's possessive still reads as its demonym, not an owner
        ("Ukraine's troops numbered about 5,000 in the region.", "5,000", "ukrainian troop", None),
    ],
)
def test_a_person_owns_an_approval_rating(text, figure, counted, owner):
    claim = claim_of(text, figure)
    assert (claim.counted, claim.owner) == (counted, owner)


def test_approval_ratings_of_two_people_never_meet():
    from reconcile import reconcile

    a = Article(id="a", source="A", published=PUBLISHED,
                text="President Daniel Marlow's approval rating stands at 42%, a Gallup poll found.")
    b = Article(id="b", source="B", published=PUBLISHED,
                text="Senator Ruth Kane's approval rating stands at 35%, a Gallup poll found.")
    groups = reconcile([c for art in (a, b) for c in extract_claims(art)])
    assert not [g for g in groups if g.verdict.value == "conflict"]


def test_a_statement_day_beats_this_year():
    # "this year" spans the year so far; the day the count was given is its date
    claim = claim_of("The number of measles cases in the US this year has risen to 222, the CDC said on Tuesday.",
                     "222")
    assert claim.as_of == date(2025, 6, 10)


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        # "reported revenue" is the revenue ("reported" is the verb or a redundant modifier)
        ("Lumex employs about 5,400 people and reported revenue of 1.9 billion euros last year.",
         "1.9 billion euros", "revenue"),
    ],
)
def test_redundant_modifiers_of_revenue(text, figure, counted):
    assert claim_of(text, figure).counted == counted


def test_a_demonym_headline_shares_a_topic_key_with_the_country():
    from reconcile.context.topic import topic_keys

    a = Article(id="a", title="Tanker leaks oil off Philippine coast", text="The tanker MT Sea Pearl sank on Monday.")
    b = Article(id="b", title="Oil spill: fishermen count losses", text="The MT Sea Pearl sank off the Philippines.")
    assert "philippines" in topic_keys(a) and "philippines" in topic_keys(b)


@pytest.mark.xfail(strict=True, reason="a missing count that falls while the toll rises (people found dead or alive) "
                   "is read as a conflict: the judge explains only rising tolls by their dates (cumulative.json)")
def test_a_missing_count_that_falls_as_the_toll_rises_is_no_conflict():
    from reconcile import reconcile

    a = Article(id="a", source="A", published=date(2025, 3, 3),
                text="Interior Minister Selim Kaya said rescuers were searching for about 20 people believed to be "
                     "trapped under the rubble after the quake in Turkey.")
    b = Article(id="b", source="B", published=date(2025, 3, 4),
                text="Health Minister Orhan Yilmaz said late on Tuesday that 13 people were still missing after the "
                     "quake in Turkey.")
    groups = reconcile([c for art in (a, b) for c in extract_claims(art)])
    assert not [g for g in groups if g.verdict.value == "conflict"]


@pytest.mark.parametrize(
    ("text", "figure", "speaker", "role"),
    [
        # a role head with a place or side after "on": "officials on both sides said"
        ("Russia and Ukraine exchanged 90 prisoners of war each on Saturday, officials on both sides said.", "90",
         "officials on both sides", None),
        # an ombudsman is a title
        ("Some 1,500 Ukrainians remain in captivity, according to Ombudsman Dmytro Lubinets.", "1,500",
         "Dmytro Lubinets", "Ombudsman"),
    ],
)
def test_officials_on_both_sides_and_an_ombudsman(text, figure, speaker, role):
    claim = claim_of(text, figure)
    assert (claim.speaker, claim.speaker_role) == (speaker, role)


@pytest.mark.parametrize(
    ("text", "figure", "counted", "as_of", "as_of_end", "projection"),
    [
        # "next year" is a coming year (a projection); a time phrase ends "of GDP", which is the share's base
        ("The budget forecasts the deficit widening to 3.4% of GDP next year.", "3.4%", "deficit",
         date(2026, 1, 1), date(2026, 12, 31), True),
        ("The company will cut 300 jobs next month.", "300", "job", date(2025, 7, 1), date(2025, 7, 31), True),
        # a coming date of another clause is not the figure's
        ("Officials said 40 people died, and the funeral is next week.", "40", "death", PUBLISHED, None, False),
    ],
)
def test_next_year_is_a_projection_of_its_own_clause(text, figure, counted, as_of, as_of_end, projection):
    claim = claim_of(text, figure)
    assert (claim.counted, claim.as_of, claim.as_of_end, claim.projection) == (counted, as_of, as_of_end, projection)


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        # an amount something is raised or rises by is its change, never its level
        ("The budget raises defence spending by 45 billion euros over five years.", "45 billion euros",
         "defence spending change"),
        ("Defence spending will rise by 45 billion euros over five years, the minister said.", "45 billion euros",
         "defence spending change"),
        ("Defence spending will rise to 60 billion euros.", "60 billion euros", "defence spending"),
    ],
)
def test_a_change_by_an_amount_is_not_a_level(text, figure, counted):
    assert claim_of(text, figure).counted == counted


@pytest.mark.parametrize(
    ("text", "figure", "counted", "period"),
    [
        # nouns in -ing head their phrase ("defence spending" is not "defence")
        ("Total spending will rise to 131 billion euros in 2027, the ministry said.", "131 billion euros",
         "spending", None),
        # a period after a later "from <figure>" belongs to that figure
        ("The budget forecasts the deficit widening to 3.4% of GDP next year from 2.9% this year.", "3.4%",
         "deficit", None),
    ],
)
def test_ing_nouns_and_the_period_of_the_other_end(text, figure, counted, period):
    claim = claim_of(text, figure)
    assert (claim.counted, claim.scope_info.period) == (counted, period)


@pytest.mark.parametrize(
    ("text", "figure", "speaker"),
    [
        # a name written before the figures gives them, as a possessor does ("Eurostat's data")
        ("There were more than 42,000 reports of problems, Downdetector data showed.", "42,000", "Downdetector"),
        ("The latest figures show 48 people died.", "48", None),
    ],
)
def test_figures_named_by_their_source(text, figure, speaker):
    assert claim_of(text, figure).speaker == speaker
