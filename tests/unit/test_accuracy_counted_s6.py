"""Table tests for what a figure counts, found probing wire-style sentences in session 6: a level reached
in a participle clause ("The death toll continued to rise, reaching 40"), a part of the dead ("Of the 57
dead, 10 were crew members"), a pronoun that must not become a counted thing ("It cost $2.5 trillion"),
both sides of a vote tally ("by a vote of 221 to 209"), and ages, which count nothing.

Each positive row failed before its fix; the negative rows pin what must not change.
"""

from __future__ import annotations

from datetime import date

import pytest
from _context_claims import extracted

from reconcile import Article, extract_claims, reconcile
from reconcile.group import block_key

PUBLISHED = date(2025, 3, 13)


def _claims(text: str):
    return extract_claims(Article(id="t", text=text, source="Wire", published=PUBLISHED))


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        ("The death toll continued to rise, reaching 40.", "40", "death"),
        ("Deaths rose on Monday, reaching 40.", "40", "death"),
        ("The death toll has continued to climb, reaching at least 40 by Tuesday.", "at least 40", "death"),
        ("Officials said the toll had risen overnight, reaching 40.", "40", "death"),
        ("The number of confirmed cases kept rising, hitting 1,200 on Friday.", "1,200", "case"),
        ("Sales fell sharply in March, dropping to $4 billion.", "$4 billion", "sale"),
        ("Rescuers pulled more bodies from the rubble, with the toll reaching 40.", "40", "death"),
        # negative rows: no level verb in the clause before the comma, or nothing to read
        ("Police arrested 12 people on Monday, reaching 40 by Friday.", "40", None),
        ("Officials said, reaching 40.", "40", None),
        # kept as they were
        ("The toll climbed to 40 on Monday.", "40", "death"),
        ("Another body was found on Tuesday, taking the toll to 40.", "40", "death"),
        ("The number of dead has risen to 40.", "40", "death"),
    ],
)
def test_a_level_reached_in_a_participle_clause_counts_the_clauses_subject(text, figure, counted):
    assert extracted(text, figure, PUBLISHED).counted == counted


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        ("Of the 57 dead, 10 were crew members.", "10", "crew member death"),
        ("Of the dead, 12 were children.", "12", "child death"),
        ("Of the 300 people killed, 120 were women and 80 were children.", "80", "child death"),
        ("At least 57 people died. Of those, 10 were crew members.", "10", "crew member death"),
        ("At least 57 people died in the crash. Three of them were children.", "Three", "child death"),
        ("At least 57 people were killed. Among the dead were 12 children.", "12", "child death"),
        ("At least 57 people were injured. Among them were 12 children.", "12", "child injury"),
        # negative rows: the whole is not the dead or hurt, or the part names no harmed people
        ("Of the 57 dead, 10 were crew members.", "57", "death"),
        ("Of the 300 miners, 12 were rescued.", "12", "rescued person"),
        ("Of the 40 passengers, 12 were children.", "12", None),
        ("Of the 57 dead, 10 were identified.", "10", None),
        ("Police arrested 40 protesters. Three of them were students.", "Three", "protester"),
        ("Twelve of the 300 miners died in the blast.", "Twelve", "miner death"),
    ],
)
def test_a_part_of_the_dead_counts_its_peoples_deaths(text, figure, counted):
    assert extracted(text, figure, PUBLISHED).counted == counted


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        ("It cost $2.5 trillion.", "$2.5 trillion", None),
        ("It will cost about $3 billion, officials said.", "about $3 billion", None),
        ("It raised $2 billion.", "$2 billion", None),
        ("They paid $40 million for it.", "$40 million", None),
        # negative rows: a named subject keeps its name; a pronoun after a figure of its own still refers back
        ("The project will cost $1.2 billion.", "$1.2 billion", "project cost"),
        ("Approval stands at 42%, and a survey put it at 38%.", "38%", "approval"),
    ],
)
def test_a_pronoun_is_never_a_counted_thing(text, figure, counted):
    assert extracted(text, figure, PUBLISHED).counted == counted


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        ("The measure was approved by a vote of 221 to 209.", "209", "vote"),
        ("The Senate voted 51 to 49 to confirm him.", "51", "vote"),
        ("The Senate voted 51 to 49 to confirm him.", "49", "vote"),
        ("The bill passed the House 221 to 209.", "209", "vote"),
        ("Lawmakers voted 300 to 100 in favour.", "100", "vote"),
        ("The resolution was adopted by 120 votes to 15.", "15", "vote"),
        # negative rows: a range of a thing, a score, a change
        ("The council approved 300 to 400 new homes.", "300 to 400", "home"),
        ("The team won 3 to 1.", "1", None),
        ("Prices rose from 20 to 30.", "30", "price"),
    ],
)
def test_both_sides_of_a_vote_tally_count_votes(text, figure, counted):
    assert extracted(text, figure, PUBLISHED).counted == counted


def test_the_sides_of_a_vote_tally_belong_to_no_one_and_never_conflict():
    text = "The Republicans, who have 220 seats, voted 51 to 49 to confirm him."
    tally = [c for c in _claims(text) if c.text in {"51", "49"}]
    assert [c.owner for c in tally] == [None, None]
    assert all(g.verdict != "conflict" for g in reconcile(_claims(text)))


@pytest.mark.parametrize(
    "text",
    [
        "Police said a 34-year-old man had been arrested.",
        "Five people were killed. A man aged 34 was arrested.",
        "Five people were killed, including a 34-year-old man.",
        "Five people were killed. The driver, 34, was arrested.",
    ],
)
def test_an_age_counts_nothing_and_never_groups_with_a_count(text):
    # (a named person's age is that person's: tests/unit/test_accuracy_court_s6.py)
    for c in _claims(text):
        if "34" in c.text:
            assert c.counted is None, c
            assert block_key(c) is None


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        ("Thermometers reached 46.1C in Montoro on Tuesday.", "46.1C", "temperature"),
        # kept: a temperature with the subject left out, and one the clause names
        ("Spain recorded its hottest July day, with thermometers in Montoro reaching 46.1C.", "46.1C", "temperature"),
        ("Temperatures hit 46.2 degrees Celsius in Montoro.", "46.2 degrees Celsius", "temperature"),
    ],
)
def test_what_a_thermometer_reads_is_a_temperature(text, figure, counted):
    assert extracted(text, figure, PUBLISHED).counted == counted


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        ("The economy grew at an annual rate of 2.3% in the fourth quarter.", "2.3%", "gdp growth"),
        ("Gross domestic product expanded at a 2.3% annualized rate.", "2.3%", "gdp growth"),
        ("The economy contracted at an annualised pace of 0.5%.", "0.5%", "gdp growth"),
        ("The U.S. economy grew at a 2.3% pace in the fourth quarter.", "2.3%", "gdp growth"),
        # negative rows: not the economy's growth, and the plain form kept
        ("Prices rose at an annual rate of 3%.", "3%", "annual rate"),
        ("The economy grew 2.3% in the fourth quarter.", "2.3%", "gdp growth"),
    ],
)
def test_the_rate_the_economy_grew_at_is_gdp_growth(text, figure, counted):
    assert extracted(text, figure, PUBLISHED).counted == counted


def test_the_rate_the_us_economy_grew_at_is_scoped_to_the_united_states():
    claim = extracted("The U.S. economy grew at a 2.3% pace in the fourth quarter.", "2.3%", PUBLISHED)
    assert "U.S." in (claim.scope or "")


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        ("The quake killed at least 2,100 people and injured 5,000 others.", "5,000", "injury"),
        ("Gunmen killed three soldiers and wounded 12 others.", "12", "injury"),
        ("The number of people displaced by the floods has climbed to 50,000.", "50,000", "displaced person"),
        ("The Fed cut interest rates to 4.5%.", "4.5%", "interest rate"),
        ("The Fed cut interest rates by 25 basis points to 4.5%.", "4.5%", "interest rate"),
        ("The airline raised fares to $40.", "$40", "fare"),
        # negative rows: kept as they were
        ("The storm killed five people and left 200 others homeless.", "200", "displaced person"),
        ("Some 50,000 people have been displaced, the UN said.", "50,000", "displaced person"),
        ("The Fed cut its benchmark rate by a quarter point to 4.5%.", "4.5%", "policy rate"),
        ("It cut them to 4%.", "4%", None),
        ("The firm cut 300 jobs to save $2 billion.", "$2 billion", None),
    ],
)
def test_others_harmed_people_displaced_and_a_rate_set_without_a_determiner(text, figure, counted):
    assert extracted(text, figure, PUBLISHED).counted == counted


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        ("The dead were five children, four women and five men.", "five", "child death"),
        ("The dead included two police officers.", "two", "police officer death"),
        ("Those killed included 12 children.", "12", "child death"),
        ("The injured included 12 firefighters.", "12", "firefighter injury"),
        # negative rows: not harmed people, or a whole that is not the dead or hurt; "including five children"
        # after a toll stays 'child' (the golden story ferry-wire-revision pins it)
        ("The strike killed 14 people, including five children.", "five", "child"),
        ("The dead were five children, four women and five men.", "four", "woman"),
        ("The victims included 12 children.", "12", "child"),
        ("The firm hired 300 workers, including 40 engineers.", "40", "engineer"),
        ("The strike killed 14 people, including five children.", "14", "death"),
    ],
)
def test_the_people_the_dead_or_hurt_included_count_their_deaths(text, figure, counted):
    assert extracted(text, figure, PUBLISHED).counted == counted
