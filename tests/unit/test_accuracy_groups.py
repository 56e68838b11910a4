"""Table tests for grouping and verdict rules found on a third round of own multi-outlet stories
and on 300 unrelated ABC articles given one date (false conflicts).

Named after what broke; each case failed before its fix.
"""

from __future__ import annotations

from datetime import date

import pytest

from reconcile import reconcile
from reconcile.group import block_key, effective_counted
from reconcile.models import Claim, Qualifier
from reconcile.wording import who

from unit.claim_factory import claim

D = date(2025, 3, 4)


def _group_with(groups, c: Claim):
    return next((g for g in groups if any(x.claim_id == c.claim_id for x in g.claims)), None)


# -- story linking --------------------------------------------------------------------------------

FIRE_A = ["tarragona", "aon", "catalonia", "laia ferrer"]
FIRE_B = ["europe", "aon", "catalonia", "tarragona"]
QUAKE = ["peru", "calcara", "indeci"]
CRASH = ["sydney", "hume highway", "goulburn"]


def test_figure_whose_sentence_names_nothing_joins_the_story_its_article_tells():
    """'More than 4,000 residents were evacuated, officials said' under a headline naming only Europe
    was left alone while two other outlets' evacuation figures for the same fire formed a group."""
    a = claim(4000, counted="evacuee", article="bbg", source="Bloomberg", topic=FIRE_A, title="Fire near Tarragona",
              sentence="About 4,000 people have been evacuated, Laia Ferrer said.", speaker="Laia Ferrer",
              low=3600, high=4400, qualifier=Qualifier.approximate)
    b = claim(4300, counted="evacuee", article="grd", source="Guardian", topic=FIRE_A, title="Tarragona fire contained",
              sentence="Around 4,300 people had been evacuated, Laia Ferrer told the parliament of Catalonia.",
              low=3870, high=4730, qualifier=Qualifier.approximate, speaker="Laia Ferrer")
    c = claim(4000, counted="evacuee", article="wsj", source="WSJ", topic=FIRE_B,
              title="Spanish blaze scorches hills as heat wave grips Europe",
              sentence="More than 4,000 residents were evacuated, officials said.", speaker="officials",
              low=4000, high=None, qualifier=Qualifier.more_than)
    groups = reconcile([a, b, c])
    g = _group_with(groups, c)
    assert g is not None and {x.article_id for x in g.claims} == {"bbg", "grd", "wsj"}


def test_figure_whose_sentence_names_nothing_joins_no_story_when_two_agree():
    """An unanchored figure whose article agrees with two separate stories is placed in neither."""
    fire1 = claim(300, counted="evacuee", article="f1", topic=FIRE_A, sentence="Police in Tarragona moved 300 people.")
    fire2 = claim(320, counted="evacuee", article="f2", topic=FIRE_A, sentence="Firefighters in Tarragona moved 320.")
    quake1 = claim(900, counted="evacuee", article="q1", topic=QUAKE, sentence="INDECI in Calcara moved 900 people.")
    quake2 = claim(950, counted="evacuee", article="q2", topic=QUAKE, sentence="The Calcara mayor said 950 left.")
    both = claim(5000, counted="evacuee", article="x", topic=["tarragona", "aon", "calcara", "peru"],
                 sentence="More than 5,000 people were evacuated, officials said.")
    groups = reconcile([fire1, fire2, quake1, quake2, both])
    assert _group_with(groups, both) is None


def test_sentence_opening_name_of_the_article_is_an_anchor():
    """'Aon now puts insured losses at 1.2bn dollars': the only name opens the sentence."""
    from reconcile.story import claim_anchors

    c = claim(1.2e9, kind="money", unit="USD", counted="insured loss", topic=["aon", "tarragona"],
              sentence="Aon now puts insured losses at 1.2bn dollars.")
    assert "aon" in claim_anchors(c)
    d = claim(1.2e9, kind="money", unit="USD", counted="insured loss", topic=["aon", "tarragona"],
              sentence="Officials now put insured losses at 1.2bn dollars.")
    assert "officials" not in claim_anchors(d)


@pytest.mark.parametrize("word", ["AEDT", "GMT", "Christmas"])
def test_time_zones_and_holidays_link_no_stories(word):
    """'4:00pm AEDT' and 'before Christmas' in two unrelated Australian stories linked them."""
    from reconcile.story import text_anchors

    assert text_anchors(f"The strike began at 4:00pm {word} with 400 workers.") == frozenset()


# -- counted things --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("counted", "text", "sentence", "expected"),
    [
        ("Palestinians", "four", "An Israeli military source said the soldiers shot four Palestinians near Jenin.",
         "palestinian shooting victim"),
        ("Palestinians", "three", "The three Palestinians opened fire with rifles at the vehicle.",
         "palestinian opened"),
        ("Australians", "14", "The tragedy killed 21 people, 14 Australians among them.", "australian death"),
        ("Americans", "three", "Three Americans were wounded in the blast.", "american injury"),
        ("Americans", "200", "About 200 Americans live in the town.", "american live"),
    ],
)
def test_people_by_nationality_read_through_their_verb(counted, text, sentence, expected):
    """'shot four Palestinians' and 'three Palestinians opened fire' were one quantity (a conflict)."""
    assert effective_counted(claim(1, counted=counted, text=text, sentence=sentence)) == expected


def test_nationals_killed_never_meet_the_whole_toll():
    toll = claim(21, counted="people", text="21", sentence="The tragedy killed 21 people.")
    part = claim(14, counted="Australians", text="14", sentence="The tragedy killed 14 Australians.")
    assert block_key(toll) != block_key(part)


# -- verdicts --------------------------------------------------------------------------------------

def test_dozens_is_no_conflict_with_twenty_one():
    """'Dozens of people were injured' vs '21 injured people had been taken to hospitals' was a conflict."""
    a = claim(36, low=24, high=144, qualifier=Qualifier.vague, text="Dozens of", counted="injury",
              speaker="police", source="ABC")
    b = claim(21, counted="injury", speaker="Johan Pieterse", source="ABC", article="a2")
    (g,) = reconcile([a, b])
    assert g.verdict.value == "consistent"


def test_hundreds_still_conflicts_with_one_hundred_fifty():
    a = claim(300, low=200, high=999, qualifier=Qualifier.vague, text="hundreds of", counted="injury",
              speaker="police")
    b = claim(150, counted="injury", speaker="the hospital", article="a2")
    (g,) = reconcile([a, b])
    assert g.verdict.value == "conflict"


def test_she_in_two_outlets_is_two_sources():
    """'she said' in AP and 'she said' in Reuters were one source, so their clash read as a revision."""
    a = claim(48, counted="death", speaker="she", source="AP", article="ap")
    b = claim(61, counted="death", speaker="She", source="Reuters", article="rt")
    (g,) = reconcile([a, b])
    assert g.verdict.value == "conflict"
    assert g.n_sources == 2
    assert "she" not in g.summary.lower().replace("reuters", "")


def test_pronoun_speaker_is_shown_as_the_outlet():
    assert who(claim(1, speaker="she", source="AP")) == "AP"
    assert who(claim(1, speaker="Marta Villanueva", source="AP")) == "Marta Villanueva"


# -- what an area measures, and the group's label ---------------------------------------------------

@pytest.mark.parametrize(
    ("counted", "text", "unit", "sentence"),
    [
        ("it", "3,120 hectares", "hectare",
         "Firefighters said they had contained the wildfire after it burned 3,120 hectares."),
        ("tarragona", "some 7,400 acres", "acre", "The fire near Tarragona has scorched some 7,400 acres, officials said."),
        ("fire", "3,000 hectares", "hectare", "A wildfire has burned 3,000 hectares since Sunday."),
    ],
)
def test_burned_area_is_the_fire_whatever_noun_was_read(counted, text, unit, sentence):
    """'it burned 3,120 hectares' (counted 'it') and 'The fire near Tarragona has scorched some 7,400
    acres' (counted 'tarragona') never met '3,000 hectares' burned by the same fire."""
    c = claim(1, kind="measure", unit=unit, counted=counted, text=text, sentence=sentence)
    assert block_key(c) == "dim:[length] ** 2|fire"


def test_label_names_what_was_counted_not_people():
    """Death tolls were labelled 'people' (the words after the figure)."""
    a = claim(48, counted="people", counted_text="people", sentence="The quake killed 48 people.", speaker="INDECI")
    b = claim(61, counted="people", counted_text="people", sentence="61 people died in the quake.",
              speaker="the health ministry", article="a2")
    (g,) = reconcile([a, b])
    assert g.quantity == "deaths"


def test_label_keeps_a_specific_counted_text():
    a = claim(1500, counted="north korean troop", counted_text="North Korean soldiers")
    b = claim(1600, counted="north korean troop", counted_text="North Korean soldiers", article="a2", speaker="x")
    (g,) = reconcile([a, b])
    assert g.quantity == "North Korean soldiers"


# -- one body's figures, parts named in passing, projections -------------------------------------

def test_police_and_the_police_chief_are_one_source():
    """'86 dead, police said' then 'Police chief Anwar Hossain said 79 had died' read as a conflict;
    the body and the person speaking for it revised their own count."""
    a = claim(86, counted="death", speaker="police", source="AP", article="ap", as_of=date(2025, 5, 17))
    b = claim(79, counted="death", speaker="Anwar Hossain", source="AFP", article="afp", as_of=date(2025, 5, 18))
    b = b.model_copy(update={"speaker_role": "Police chief"})
    (g,) = reconcile([a, b])
    assert g.verdict.value == "evolving"
    assert "revised down" in g.reason


def test_a_minister_and_another_body_are_two_sources():
    a = claim(86, counted="death", speaker="the fire service", source="AP", article="ap")
    b = claim(79, counted="death", speaker="Farid Ahmed", source="AFP", article="afp")
    b = b.model_copy(update={"speaker_role": "Shipping Minister"})
    (g,) = reconcile([a, b])
    assert g.verdict.value == "conflict"


def test_a_toll_naming_its_children_counts_what_the_bare_toll_counts():
    """'at least 86 people, including 23 children' (definition 'including 23 children') and '79 people
    had died' were put in different scopes, so the revision was never compared."""
    a = claim(86, counted="death", speaker="police", definition=("including 23 children",), article="ap",
              low=86, high=None, qualifier=Qualifier.at_least)
    b = claim(90, counted="death", speaker="the hospital", article="afp")
    (g,) = reconcile([a, b])
    assert g.verdict.value == "consistent"
    c = claim(1.2e9, kind="money", unit="USD", counted="insured loss", definition=("including NFIP claims",))
    d = claim(2.0e9, kind="money", unit="USD", counted="insured loss", article="a2", speaker="x")
    (g,) = reconcile([c, d])
    assert g.verdict.value == "scope"


@pytest.mark.parametrize(
    ("text", "sentence", "expected"),
    [
        ("140", "He said 140 passengers had been rescued and dozens were still missing.", "rescued person"),
        ("250", "The ferry was licensed to carry 250 passengers.", "capacity"),
        ("420", "The vessel had been carrying around 420 passengers.", "people aboard"),
    ],
)
def test_passengers_read_through_their_verb(text, sentence, expected):
    """'140 passengers had been rescued' and 'licensed to carry 250 passengers' were a conflict."""
    assert effective_counted(claim(1, counted="passengers", text=text, sentence=sentence)) == expected


def test_a_projection_is_no_step_of_a_falling_series():
    """'could rise to 150' between 86 and 79 made the series 'revised up and down'."""
    a = claim(86, counted="death", speaker="police", as_of=date(2025, 5, 17), article="ap")
    p = claim(150, counted="death", speaker="police", as_of=date(2025, 5, 17), article="ap", projection=True)
    b = claim(79, counted="death", speaker="police", as_of=date(2025, 5, 18), article="afp")
    (g,) = reconcile([a, p, b])
    assert "revised down" in g.reason
    assert "150 (police, projection, 2025-05-17)" in g.summary


def test_label_drops_a_quotation_mark():
    a = claim(150, counted="death", counted_text="\u201cThe death toll", projection=True)
    b = claim(160, counted="death", counted_text="\u201cThe death toll", projection=True, article="a2", speaker="x")
    (g,) = reconcile([a, b])
    assert g.quantity == "The death toll"


# -- a crowd under several names; which pair a reason names ----------------------------------------

@pytest.mark.parametrize(
    ("counted", "text", "sentence"),
    [
        ("turnout", "48,000", "The interior ministry put the turnout at 48,000."),
        ("protester", "30,000", "About 30,000 protesters marched through Belgrade."),
        ("people", "250,000", "Organisers said 250,000 people took part."),
        ("people", "3,000", "About 3,000 people attended the rally."),
        ("attendance", "52,000", "A crowd of 52,000 watched the final."),
    ],
)
def test_a_crowd_is_one_quantity_whatever_it_is_called(counted, text, sentence):
    """Organisers' '250,000 people took part' and the ministry's 'turnout at 48,000' were never compared."""
    assert block_key(claim(1, counted=counted, text=text, sentence=sentence)) == "count|attendance"


def test_reason_names_stated_figures_before_a_vague_word():
    """'Tens of thousands of (Reuters) vs 250,000 (Organisers)' hid the 48,000 vs 250,000 clash."""
    vague = claim(30000, low=20000, high=99999, qualifier=Qualifier.vague, text="Tens of thousands of",
                  counted="attendance", source="Reuters")
    low = claim(48000, counted="attendance", speaker="the interior ministry", article="a2")
    high = claim(250000, counted="attendance", speaker="Organisers", article="a3")
    (g,) = reconcile([vague, low, high])
    assert g.summary.startswith("48,000 (the interior ministry")


def test_name_after_a_closing_straight_quote_is_an_anchor():
    """'"The death toll could rise to 150," Hossain said.' gave no anchor: the straight quote was read
    as opening a quote, so the forecast never met Hossain's next-day figure in another outlet."""
    from reconcile.story import text_anchors

    assert text_anchors('"The death toll could rise to 150," Hossain said.') == frozenset({"hossain"})
    assert text_anchors('He said: "Dhaka will rebuild."') == frozenset()
