"""Who stated a figure: table-driven tests per attribution pattern."""

from __future__ import annotations

import pytest
from _context_claims import article, claim_at, context_of

from reconcile.context import annotate

IN_SENTENCE = [
    # (text, figure, speaker, role)
    ("Police said 12 people were hurt in the crash.", "12", "Police", None),
    ("The ministry said on Monday that 40 homes were destroyed.", "40", "the ministry", None),
    ("At least 30 people died, said Maria Lopez, a spokeswoman for the fire service.", "30", "Maria Lopez",
     "spokeswoman for the fire service"),
    ("At least 30 people died, according to the Health Ministry.", "30", "the Health Ministry", None),
    ("About 2,000 people fled, according to figures from the United Nations refugee agency.", "2,000",
     "the United Nations refugee agency", None),
    ("Gen. Mark Olsen told ABC News that 500 troops were sent.", "500", "Mark Olsen", "Gen."),
    ("The agency warned that 1,000 homes could flood.", "1,000", "the agency", None),
    ("Economists estimated that 300 jobs were lost.", "300", "Economists", None),
    ("Yonhap reported, citing the spy agency, that 1,500 soldiers had arrived.", "1,500", "the spy agency", None),
    ("A senior defense official told reporters that 200 drones were launched.", "200",
     "a senior defense official", None),
    ("Prime Minister Anna Berg said 45 schools would close.", "45", "Anna Berg", "Prime Minister"),
    ("Ten people were killed, the Interior Ministry said in a statement.", "Ten", "the Interior Ministry", None),
    ("Fire chief Tom Reyes — the county's longest-serving officer — said 80 homes burned.", "80",
     "Tom Reyes", "county's longest-serving officer"),
    ("Losses were estimated at $2 billion by the insurer Aviva.", "$2 billion", "Aviva", "insurer"),
    ("The storm destroyed 90 homes in the town.", "90", None, None),
    ("Officials in Kherson said 14 people were wounded.", "14", "Officials in Kherson", None),
]


@pytest.mark.parametrize("text, figure, speaker, role", IN_SENTENCE)
def test_speaker_in_the_sentence(text, figure, speaker, role):
    c = context_of(text, figure)
    assert c.speaker == speaker
    assert c.speaker_role == role


def test_speaker_is_none_when_the_outlet_states_it():
    c = context_of("Rescuers pulled 25 survivors from the rubble on Sunday.", "25")
    assert c.speaker is None and c.speaker_role is None


ACROSS_SENTENCES = [
    # a pronoun resolves to the last person named
    ("Mayor Lisa Grant visited the shelter. She said 300 families were still there.", "300", "Lisa Grant"),
    # "the president" resolves to the name introduced with that title
    (("President Volodymyr Zelensky met generals on Friday. The meeting was long. "
      "The president said 6,000 troops were ready."), "6,000", "Volodymyr Zelensky"),
    # a surname resolves to the full name
    ("Lt. Gen. Kyrylo Budanov spoke on television. Budanov said 3,000 soldiers had moved.", "3,000",
     "Kyrylo Budanov"),
    # "the official said" refers back to the anonymous official
    (("A senior U.S. official briefed reporters on Monday. About 400 fighters crossed the border, "
      "the official said."), "400", "a senior U.S. official"),
    # a quotation that continues past its attribution
    ('"The situation is grave," Health Minister Omar Haddad said. "We have counted 120 bodies so far."',
     "120", "Omar Haddad"),
    # a quotation attributed after it ends
    ('"We evacuated 5,000 people overnight," said Sarah Klein, the regional governor.', "5,000", "Sarah Klein"),
    # "he added" after a quotation
    ('Kremlin spokesperson Dmitry Peskov spoke to reporters. "There are 200 of them," he added.', "200",
     "Dmitry Peskov"),
    # a possessive office
    ("Gov. Roy Cooper visited Asheville. Cooper's office reported 57 deaths in the county.", "57",
     "Roy Cooper's office"),
]


@pytest.mark.parametrize("text, figure, speaker", ACROSS_SENTENCES)
def test_speaker_across_sentences(text, figure, speaker):
    assert context_of(text, figure).speaker == speaker


def test_the_governor_resolves_to_the_abbreviated_title():
    text = 'Gov. Roy Cooper toured the damage. "We have 600 people unaccounted for," the governor said.'
    c = context_of(text, "600")
    assert c.speaker == "Roy Cooper"


def test_they_added_refers_to_the_last_speaker():
    text = ("A defense official said the front was stable. The army has 30 brigades in reserve, they added.")
    assert context_of(text, "30").speaker == "a defense official"


def test_a_quote_with_its_own_speaker_is_not_given_the_neighbours():
    text = ('"We lost 12 men," said Captain Ivan Petrov. Another officer disagreed. '
            '"It was 20," said Major Olga Sidorova.')
    art = article(text)
    first, second = annotate(art, [claim_at(art, "12"), claim_at(art, "20")])
    assert first.speaker == "Ivan Petrov"
    assert second.speaker == "Olga Sidorova"


def test_a_weak_verb_yields_to_the_speech_verb():
    text = "Sheriff Quentin Miller said investigators had confirmed 72 deaths in the county."
    assert context_of(text, "72").speaker == "Quentin Miller"


def test_a_document_is_not_a_speaker():
    text = "Zelensky said in a video statement posted to social media that 3,000 soldiers had arrived."
    assert context_of(text, "3,000").speaker == "Zelensky"


def test_a_clause_subject_is_not_a_speaker():
    text = "Violence in the last week has claimed at least eight lives in the region."
    assert context_of(text, "eight").speaker is None


def test_a_who_clause_between_name_and_verb():
    text = ("Commander Haji Zaman spoke in Jalalabad. Zaman, who directs military operations in the province, "
            "said the raids left 80 civilians dead.")
    c = context_of(text, "80")
    assert c.speaker == "Haji Zaman" and c.speaker_role == "Commander"


def test_an_inverted_verb_needs_a_short_name_not_a_clause():
    text = "Zaman, who directs operations, said the first night of bombings left nearly 80 civilians dead."
    assert context_of(text, "80").speaker != "the first night of bombings left nearly 80 civilians dead"


def test_a_body_after_for_the_is_not_a_person():
    text = ("Vice-President Dick Cheney spoke on Sunday. A spokesman for the Northern Alliance said about "
            "1,000 fighters remained.")
    c = context_of(text, "1,000")
    assert c.speaker == "a spokesman for the Northern Alliance"


def test_a_hyphenated_title_is_not_part_of_the_name():
    text = "Vice-President Dick Cheney said 300 troops would leave. Cheney added that 40 would stay."
    assert context_of(text, "40").speaker == "Dick Cheney"


def test_claims_after_a_verb_is_a_noun():
    text = "A spokeswoman has rejected claims that 950 detainees are to be moved."
    assert context_of(text, "950").speaker is None


def test_an_institute_name_with_and():
    text = "The Australian Institute of Health and Welfare report shows 2 per cent more people are obese."
    speaker = context_of(text, "2 per cent", kind="percent").speaker
    assert speaker == "the Australian Institute of Health and Welfare report"
