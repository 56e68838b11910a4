"""Table tests for misreads found on a second round of wire-style stories (economy, courts, elections
without "of the vote", outbreaks, sport), each sentence written for these tests.

Named after what broke; each row failed before its fix.
"""

from __future__ import annotations

from datetime import date

import pytest
from _context_claims import extracted

from reconcile import Article, reconcile
from reconcile.models import Claim

PUBLISHED = date(2025, 2, 13)  # a Thursday


def claim_of(text: str, figure: str, published: date | None = PUBLISHED) -> Claim:
    return extracted(text, figure, published)


# -- speakers -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "figure", "speaker"),
    [
        # a surname alone resolves to the full name introduced by an inverted cue or a comma title
        ("Inflation eased to 3.1%, said Erik Dahlgren, chief economist at Nordbank. Dahlgren said he expected "
         "the key rate to stay at 4.75%.", "4.75%", "Erik Dahlgren"),
        ("Prices rose 2%, according to Lena Fisk, an analyst at Brenner Capital. Fisk said 40 firms had cut "
         "jobs.", "40", "Lena Fisk"),
        # a full name the article later writes after "Mr"/"Ms" is a person's
        ("Solomon Lew built the chain over 30 years. \"We have 90 per cent of the market,\" Mr Lew said.",
         "90 per cent", "Solomon Lew"),
        # a person named only by title and surname: a later "he" refers to them
        ("Mr Ali's aide spoke first. \"We have taken 40 villages,\" Mr Amin said. He added that 30 fighters "
         "had been killed.", "30", "Amin"),
        # a one-word speaker with no known full name still takes the "he" that follows
        ("Mr Ali's spokesman, Amin, told the agency that fighters had taken 12 hills. \"We have taken 40 "
         "villages,\" Amin said. He added that 30 fighters were killed.", "30", "Amin"),
        ("Judge Whitfield read the verdict. The bank must pay a $250,000 fine, she said.", "$250,000",
         "Whitfield"),
        # a trailing "she said" does not refer to the person the reported clause is about
        ("Judge Karen Whitfield said former Mayor Daniel Okafor had taken $500,000 from builders. "
         "Okafor must also repay $1.3 million, she said.", "$1.3 million", "Karen Whitfield"),
        ("Coach Ana Lind praised the team. Forward Marta Ruiz scored 14 goals this season, she said.", "14",
         "Ana Lind"),
    ],
)
def test_speaker_by_surname_title_and_pronoun(text, figure, speaker):
    assert claim_of(text, figure).speaker == speaker


@pytest.mark.parametrize(
    ("text", "figure", "speaker"),
    [
        # a pronoun leading its sentence still refers to the person named just before
        ("Daniel Okafor was convicted in January. He said he had repaid $40,000.", "$40,000", "Daniel Okafor"),
        # a company named by one word is no person: "he" goes to the person named before it
        ("Chief executive Maria Lopez spoke after Nordbank said profits rose 8%. She said 300 jobs would go.",
         "300", "Maria Lopez"),
    ],
)
def test_speaker_pronoun_kept(text, figure, speaker):
    assert claim_of(text, figure).speaker == speaker


# -- economy: rates that move, and what a share of GDP measures ----------------------------------

def test_a_verb_particle_up_to_is_no_upper_bound():
    c = claim_of("Unemployment edged up to 4.4% in December, the highest since 2021.", "4.4%")
    assert (c.qualifier.value, c.low, c.high) == ("exact", 4.4, 4.4)
    assert claim_of("The death toll went up to 37 on Tuesday.", "37").qualifier.value == "exact"
    hedged = claim_of("The storm killed up to 50 people.", "50")
    assert (hedged.qualifier.value, hedged.high) == ("at_most", 50.0)


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        ("Unemployment edged up to 4.4% in December, the highest since 2021.", "4.4%", "unemployment rate"),
        ("Inflation cooled to 3.1 percent last month, while the jobless rate rose to 4.4 percent.", "3.1",
         "inflation"),
        ("Inflation cooled to 3.1 percent last month, while the jobless rate rose to 4.4 percent.", "4.4",
         "unemployment rate"),
        ("Annual consumer price inflation slowed to 3.1% in January, the statistics office said.", "3.1%",
         "inflation"),
        ("Core inflation, which strips out food and energy, held at 3.6%, the office said.", "3.6%",
         "core inflation"),
        ("The economy grew 0.3% in the fourth quarter from the previous three months.", "0.3%", "gdp growth"),
        ("For the full year, gross domestic product expanded 1.1%.", "1.1%", "gdp growth"),
        ("The country's 2024 budget deficit came to 2.8 percent of GDP, the finance ministry said.", "2.8",
         "budget deficit"),
        ("The central bank raised its policy rate to 4.75% last year.", "4.75%", "policy rate"),
        ("Dahlgren expects the bank to keep its key rate at 4.75 percent until May.", "4.75", "policy rate"),
        ("Shares in Nordbank slumped 7% on Thursday after profit fell short of forecasts.", "7%", "share"),
        ("The death toll went up to 37 on Tuesday.", "37", "death"),
    ],
)
def test_what_a_moving_rate_measures(text, figure, counted):
    assert claim_of(text, figure).counted == counted


def test_a_revised_figure_is_not_read_as_the_revision_verb():
    c = claim_of("The economy grew 0.3% in the quarter, revised down from an initial estimate of 0.5%.", "0.5%")
    assert c.counted != "revised down"


def test_a_wire_dateline_is_not_part_of_what_is_counted():
    text = "SAO MARCOS, Serrana (AP) \u2014 Dengue deaths in Serrana rose to 41 on Wednesday, officials said."
    assert claim_of(text, "41").counted == "death"
    text = "OSLANDA, Feb 12 (Reuters) - Norland's annual consumer price inflation slowed to 3.1% in January."
    assert "reuters" not in claim_of(text, "3.1%").counted


def test_part_of_the_deaths_is_a_part():
    c = claim_of("The state of Vila Alta accounted for 19 of the deaths, the state health secretary said.", "19")
    assert c.scope_info.subset == ["part"]
    seats = claim_of("Final results gave the Union 98 of the 180 seats in parliament.", "98")
    assert "part" not in seats.scope_info.subset


def test_a_regional_share_of_a_national_toll_is_no_conflict():
    arts = [
        Article(id="a", source="AP", published=date(2025, 3, 5),
                text="Dengue deaths in Serrana rose to 41 on Wednesday, health officials said.\n"
                     "The state of Vila Alta, the hardest hit, accounted for 19 of the deaths, state Health "
                     "Secretary Ana Prado said."),
        Article(id="b", source="Reuters", published=date(2025, 3, 5),
                text="Serrana's health ministry said 41 people had died of dengue this year."),
    ]
    for g in reconcile(arts):
        assert not (g.verdict.value == "conflict" and any(c.text == "19" for c in g.claims)), g.reason


def test_a_cricket_score_counts_nothing_of_its_subject():
    c = claim_of("The South Africans had slumped to 9 for 233 by stumps.", "9")
    assert c.counted is None


# -- elections: shares written without "of the vote" ------------------------------------------

ELECTION = date(2025, 6, 2)


@pytest.mark.parametrize(
    ("text", "figure", "owner"),
    [
        ("The centre-right Democratic Union won Tessaly's general election on Sunday with 31.4 percent.",
         "31.4", "Democratic Union"),
        ("The Union won with 31.4 percent, ahead of the far-right Homeland party on 24.1 percent, in the "
         "election.", "24.1", "Homeland"),
        ("The Social Democrats of Prime Minister Elena Varga came third with 18.9 percent in the vote.", "18.9",
         "Social Democrats"),
        ("LIREN, June 2 (Reuters) - Tessaly's opposition Democratic Union won 31.2% in Sunday's election.",
         "31.2%", "Democratic Union"),
        ("In the election, the nationalist Homeland party took 24.3%, or 40 seats.", "24.3%", "Homeland"),
        ("The Democratic Union came first with 31.3% of the vote and 53 seats.", "31.3%", "Democratic Union"),
        ("The Democratic Union came first with 31.3% of the vote and 53 seats.", "53", "Democratic Union"),
        ("Homeland, led by Viktor Hal, finished second in the election with 24.2% and 41 seats.", "24.2%",
         "Homeland"),
    ],
)
def test_a_bare_share_in_an_election_story_is_the_winners_vote(text, figure, owner):
    c = claim_of(text, figure, ELECTION)
    assert (c.counted, c.owner) == ("vote" if "%" in figure or "." in figure else "seat", owner)


def test_a_bare_share_outside_an_election_story_stays_unowned():
    c = claim_of("Nordbank won a contract with 31.4 percent of the costs paid upfront.", "31.4")
    assert c.owner is None
    c = claim_of("The team came first with 31.4 percent more sales than rivals.", "31.4")
    assert c.counted != "vote"


def test_part_of_a_whole_seat_count():
    text = "Tessaly's opposition Democratic Union won Sunday's election, giving it 52 of 150 seats."
    part, whole = claim_of(text, "52", ELECTION), claim_of(text, "150", ELECTION)
    assert (part.counted, part.owner) == ("seat", "Democratic Union")
    assert whole.owner is None


def test_shares_of_one_party_from_a_near_final_count_and_the_final_one_never_conflict():
    arts = [
        Article(id="afp", source="AFP", published=ELECTION,
                text="The Democratic Union won Sunday's election with 31.4 percent, according to official results "
                     "with almost all ballots counted.\nTurnout was 66.3 percent."),
        Article(id="bbc", source="BBC", published=date(2025, 6, 3),
                text="The Democratic Union came first in the election with 31.3% of the vote, final results "
                     "published on Tuesday show.\nTurnout was 66.4%."),
    ]
    groups = reconcile(arts)
    vote = [g for g in groups if any(c.text.startswith("31.4") for c in g.claims)]
    assert vote and any(c.text == "31.3%" for c in vote[0].claims) and vote[0].verdict.value != "conflict"
    turnout = [g for g in groups if any(c.text == "66.4%" for c in g.claims)]
    assert turnout and turnout[0].n_claims == 2 and turnout[0].verdict.value == "consistent"
    assert "rounding" in turnout[0].reason


def test_figures_more_than_one_last_digit_apart_still_conflict():
    arts = [
        Article(id="a", source="A", published=ELECTION, text="Turnout in the election was 66.3 percent."),
        Article(id="b", source="B", published=ELECTION, text="Turnout in the election was 66.5%."),
    ]
    assert [g.verdict.value for g in reconcile(arts)] == ["conflict"]


def test_a_sentence_opener_is_never_an_owner():
    c = claim_of("In the women's race, Hellen Obiri won her third title in 2:18:40.", "third")
    assert c.owner == "Hellen Obiri"


# -- courts: sentences, fines, charges ----------------------------------------------------------

COURT = date(2025, 4, 17)  # a Thursday


@pytest.mark.parametrize(
    ("text", "figure", "counted", "owner"),
    [
        ("Daniel Okafor, the former mayor of Marlow, was sentenced on Wednesday to 12 years in prison, the "
         "Justice Department said.", "12 years", "prison sentence", "Daniel Okafor"),
        ("Former Mayor Daniel Okafor will spend 10 years behind bars, a federal judge ruled Wednesday.",
         "10 years", "prison sentence", "Daniel Okafor"),
        ("A former mayor was sentenced Wednesday to 12 years in federal prison for taking bribes.", "12 years",
         "prison sentence", None),
        ("Judge Karen Whitfield sentenced Daniel Okafor to eight years.", "eight years", "prison sentence",
         "Daniel Okafor"),
        ("The court handed Ruth Adeyemi a 12-year prison sentence.", "12-year", "prison sentence", "Ruth Adeyemi"),
        ("Judge Karen Whitfield also ordered Daniel Okafor, 58, to pay $1.3 million in restitution and a "
         "$250,000 fine.", "$250,000", "fine", "Daniel Okafor"),
        ("Nordbank was fined $4 million by regulators on Tuesday.", "$4 million", "fine", "Nordbank"),
    ],
)
def test_prison_sentences_and_fines_are_quantities_of_their_defendant(text, figure, counted, owner):
    c = claim_of(text, figure, COURT)
    assert (c.counted, c.owner) == (counted, owner)


def test_a_sentence_asked_for_is_not_the_sentence():
    c = claim_of("Okafor was jailed for 12 years. Prosecutors had asked for 15 years.", "15 years", COURT)
    assert c.counted is None


def test_counts_of_an_indictment_are_charges():
    c = claim_of("Daniel Okafor was convicted in January on 14 counts, including wire fraud.", "14", COURT)
    assert c.counted == "charge"


def test_two_defendants_sentences_never_meet():
    arts = [
        Article(id="a", source="AP", published=COURT,
                text="Daniel Okafor was sentenced on Wednesday to 12 years in prison. Ruth Adeyemi, his deputy, "
                     "was sentenced to four years in prison."),
        Article(id="b", source="Reuters", published=COURT,
                text="Daniel Okafor was jailed for 12 years on Wednesday, and his deputy Ruth Adeyemi was "
                     "jailed for four years."),
    ]
    for g in reconcile(arts):
        assert g.verdict.value != "conflict", g.reason


def test_a_weekday_after_a_past_verb_is_past_even_when_the_sentence_says_will():
    c = claim_of("Former Mayor Daniel Okafor will spend 10 years behind bars, a federal judge ruled Wednesday.",
                 "10 years", COURT)
    assert (c.as_of, c.projection) == (date(2025, 4, 16), False)
    planned = claim_of("The council will approve $40 million for the plan on Wednesday.", "$40 million", COURT)
    assert planned.as_of == date(2025, 4, 23) and planned.projection


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        ("Two soldiers were killed and 20 others wounded north of Kandahar, the Pentagon said.", "20", "injury"),
        ("An Arab fighter was arrested, but seven others with weapons remain barricaded in a hospital.", "seven",
         None),
    ],
)
def test_others_count_only_what_their_predicate_says(text, figure, counted):
    assert claim_of(text, figure).counted == counted


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Zimbabwe has been given five weeks to stop the violence or face suspension.", "five weeks"),
        ("The senator says she was lucky to have served in the Parliament for 12 years.", "12 years"),
        ("If charged, he faces a maximum 14-year jail sentence.", "14-year"),
        ("Israel has given the leader just 12 hours to comply.", "12 hours"),
    ],
)
def test_deadlines_terms_of_office_and_maximum_penalties_are_no_sentences(text, figure):
    assert claim_of(text, figure, COURT).counted != "prison sentence"


def test_a_date_outside_the_relative_clause_holding_a_figure_is_not_its_date():
    c = claim_of("The central bank, which raised its policy rate to 4.75% last year, is expected to hold rates at "
                 "its meeting on March 6.", "4.75%", PUBLISHED)
    assert (c.as_of, c.projection) == (PUBLISHED, False)


@pytest.mark.parametrize(
    ("text", "figure", "period"),
    [
        ("The economy grew 0.3% in the fourth quarter from the previous three months.", "0.3%", "quarter 4"),
        ("For the full year, gross domestic product expanded 1.1%.", "1.1%", "full year"),
        ("Sales rose 4% over the whole year, the company said.", "4%", "full year"),
    ],
)
def test_quarters_and_full_years_are_periods(text, figure, period):
    c = claim_of(text, figure)
    assert c.scope_info.period == period and "gross" not in c.scope_info.definition


# -- crashes and company results ----------------------------------------------------------------

def test_bodies_recovered_so_far_are_no_rival_toll():
    c = claim_of("He added that rescue teams had recovered 21 bodies by midday.", "21")
    assert (c.counted, c.scope_info.subset) == ("death", ["bodies recovered"])
    arts = [Article(id="a", source="AFP", published=PUBLISHED,
                    text="At least 23 people were killed when a bus plunged into a ravine in the Andes, police said. "
                         "Rescue teams had recovered 21 bodies by midday, police chief Jorge Salas said.")]
    assert not [g for g in reconcile(arts) if g.verdict.value == "conflict"]


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        ("A bus plunged off a highway into a gorge on Sunday, killing at least 25 people, authorities said.",
         "25", "death"),
        ("Veltro reported a 12% rise in second-quarter net profit to 1.42 billion euros.", "12%",
         "second-quarter net profit"),
        # the quarter is the level's period (its scope), so its key is the net profit's
        ("Veltro reported a 12% rise in second-quarter net profit to 1.42 billion euros.", "1.42",
         "net profit"),
        ("Net income climbed to 1.42 billion euros in the three months through June.", "1.42", "net profit"),
        ("The shares gained 5.8% in Milan.", "5.8%", "share"),
        ("Bellini told analysts that the group now expected full-year operating margin of 8% to 9%.", "8%",
         "operating margin"),
        ("Figures show a 10 per cent drop in drug related deaths last year.", "10 per cent", "drug related death"),
    ],
)
def test_what_results_and_tolls_count(text, figure, counted):
    assert claim_of(text, figure).counted == counted


def test_latin_america_is_not_the_united_states():
    text = ("Peru has one of the highest road death rates in Latin America. More than 3,100 people died in "
            "traffic accidents in the country last year.")
    assert claim_of(text, "3,100").scope_info.places == ["peru"]


def test_ten_of_the_26_deaths_is_a_part_but_98_of_the_180_seats_is_a_share():
    assert claim_of("That state has recorded 10 of the 26 deaths since the holiday began.", "10").scope_info.subset \
        == ["part"]
    assert "part" not in claim_of("The Union won 98 of the 180 seats.", "98").scope_info.subset


def test_a_company_named_only_in_a_title_case_headline_links_its_figures():
    arts = [
        Article(id="r", source="Reuters", published=date(2025, 7, 24), title="Veltro profit beats forecasts",
                text="Italian carmaker Veltro said on Thursday its net income rose to 1.42 billion euros."),
        Article(id="b", source="Bloomberg", published=date(2025, 7, 24),
                title="Veltro Lifts Margin Outlook as Profit Tops Estimates",
                text="Veltro SpA raised its goal for the year.\nNet income climbed to 1.42 billion euros in the "
                     "three months through June, the Milan-based company said in a statement Thursday."),
    ]
    groups = [g for g in reconcile(arts) if g.n_claims == 2]
    assert groups and groups[0].verdict.value == "consistent"


@pytest.mark.parametrize(
    "sentence",
    ["Turnout was 66.3 with almost all ballots counted.", "The Union led with most precincts reporting.",
     "Kovan had 41, with nearly all votes tallied."],
)
def test_a_count_of_almost_all_ballots_is_partial(sentence):
    from reconcile.judge import PARTIAL_COUNT, is_partial

    assert is_partial(sentence) and PARTIAL_COUNT.search(sentence)


# -- sport and weather --------------------------------------------------------------------------

SUNDAY_MATCH = date(2025, 5, 19)


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        ("Rovers won on Sunday, beating Ashford City 3-1 in front of a sell-out crowd of 52,000 at Riverside "
         "Park.", "52,000", "attendance"),
        ("The attendance of 51,870 was a record for the stadium.", "51,870", "attendance"),
        ("Spain recorded its hottest July day on Tuesday, with thermometers in Montoro reaching 46.1C.", "46.1C",
         "temperature"),
        ("Firefighters battled 14 wildfires, the largest of which had burned some 3,500 hectares in Extremadura.",
         "3,500", None),
    ],
)
def test_crowds_temperatures_and_places_after_a_measure(text, figure, counted):
    assert claim_of(text, figure, SUNDAY_MATCH).counted == counted


def test_a_titled_or_surname_owner_is_the_full_name():
    text = ("Striker Tomas Okoye scored twice to take his tally for the season to 27 goals.")
    assert claim_of(text, "27", SUNDAY_MATCH).owner == "Tomas Okoye"
    text = "Tomas Okoye's double sealed victory. Okoye now has 28 league goals this season."
    assert claim_of(text, "28", SUNDAY_MATCH).owner == "Tomas Okoye"


def test_an_age_closing_a_sentence_is_an_age():
    c = claim_of("\"I've waited my whole career for this,\" said captain Liam Hart, 34.", "34", SUNDAY_MATCH)
    assert c.kind.value == "age"


@pytest.mark.parametrize(
    ("text", "figure", "as_of"),
    [
        # the statement's date and the dateline's date yield to the figure's own
        ("MADRID (Reuters) - Spain recorded its hottest July day on Tuesday, with thermometers in Montoro "
         "reaching 46.1C, weather agency AEMET said on Wednesday.", "46.1C", date(2025, 7, 15)),
        ("MADRID, July 16 (AFP) - Temperatures hit 46.2 degrees Celsius in Montoro on Tuesday, AEMET said.",
         "46.2", date(2025, 7, 15)),
        # a count over a period is as of its end
        ("The institute estimated that 1,180 people had died from the heat between June 1 and July 14.", "1,180",
         date(2025, 7, 14)),
        # the statement's date before a running count is the count's date
        ("The Union won 41% of the vote in Sunday's election, the commission said on Monday, with 92% of "
         "ballots counted.", "92%", date(2025, 7, 14)),
    ],
)
def test_the_date_a_figure_applies_to(text, figure, as_of):
    assert claim_of(text, figure, date(2025, 7, 16)).as_of == as_of


def test_a_round_crowd_and_an_exact_attendance_agree_but_a_toll_of_200_and_215_do_not():
    def verdicts(a: str, b: str) -> list[str]:
        arts = [Article(id="a", source="A", published=SUNDAY_MATCH, text=a),
                Article(id="b", source="B", published=SUNDAY_MATCH, text=b)]
        return [g.verdict.value for g in reconcile(arts)]

    assert verdicts("Kingsbridge Rovers played before a crowd of 52,000 at Riverside Park.",
                    "Kingsbridge Rovers played before an attendance of 51,870 at Riverside Park.") == ["consistent"]
    assert verdicts("The Kasoro storm killed 200 people.", "The Kasoro storm killed 215 people.") == ["conflict"]


@pytest.mark.parametrize(
    "text",
    ["Twenty people have died on New South Wales roads, with eight fatalities in both Queensland and Victoria.",
     "Eight people died in Queensland and Victoria over the holiday."],
)
def test_two_places_joined_by_and_are_two_places(text):
    c = claim_of(text, "ight")
    assert c.scope_info.places == ["queensland", "victoria"]


def test_members_of_a_body_are_that_bodys_members():
    c = claim_of("Three US troops and five members of the Afghan opposition were killed by a stray bomb, the "
                 "Pentagon said.", "five")
    assert c.counted == "afghan opposition member"
    assert claim_of("The ruling council has a chairman and 23 other members.", "23").counted == "member"


def test_initial_reports_are_no_speaker_and_a_later_contrasting_cue_is_not_theirs():
    text = ("Initial reports spoke of up to 50 people trapped at the centre, but spokesman Johan Pieterse later "
            "said police had rescued four people.")
    assert claim_of(text, "50").speaker is None
    assert claim_of(text, "four").speaker == "Johan Pieterse"
    assert claim_of("The ministry reports 40 new cases.", "40").speaker == "the ministry"
