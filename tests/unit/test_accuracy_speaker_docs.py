"""Table tests for who gives a figure when the source is a document, a dated release, figures owned by a
body, or a speaker set apart from its verb by an aside or a clause; found on wire sentences written for
these tests.  Each row with a speaker failed before its fix; the rows with None must stay None."""

from __future__ import annotations

from datetime import date

import pytest
from _context_claims import extracted

PUBLISHED = date(2025, 3, 13)


def speaker_of(text: str, figure: str) -> str | None:
    return extracted(text, figure, PUBLISHED).speaker


@pytest.mark.parametrize(
    ("text", "figure", "speaker"),
    [
        # a document seen, obtained or reviewed by an outlet speaks; the outlet only saw it
        ("The figures were contained in a memo seen by Reuters, which said 300 jobs would go.", "300",
         "a memo seen by Reuters"),
        ("At least 40 people were killed, according to a memo seen by Reuters.", "At least 40",
         "a memo seen by Reuters"),
        ("According to a document reviewed by The Associated Press, 450 people were detained.", "450",
         "a document reviewed by The Associated Press"),
        ("The memo, seen by Reuters, said 300 staff would be cut.", "300", "the memo"),
        ("Records obtained by The New York Times show 40 incidents were reported.", "40",
         "Records obtained by The New York Times"),
        # ... and when the document has an author, the author speaks
        ("A memo from the ministry seen by Reuters said 300 staff would be cut.", "300", "the ministry"),
    ],
)
def test_a_document_seen_by_an_outlet(text, figure, speaker):
    assert speaker_of(text, figure) == speaker


@pytest.mark.parametrize(
    ("text", "figure", "speaker"),
    [
        # the day a source released its figures is no part of its name
        ("Figures released by the ministry on Friday showed 1,200 new cases.", "1,200", "the ministry"),
        ("Data published by the ONS on Wednesday showed inflation at 3.2%.", "3.2%", "the ONS"),
        ("A report released by Amnesty International on Tuesday said 150 people had been killed.", "150",
         "Amnesty International"),
        ("Unemployment stood at 4.1%, according to data released by the Labor Department on Friday.", "4.1%",
         "the Labor Department"),
        ("Data released on Friday by the Labor Department showed unemployment at 4.1%.", "4.1%",
         "the Labor Department"),
        ("Data from the ministry, released on Friday, showed 40 people died.", "40", "the ministry"),
    ],
)
def test_a_dated_release_names_its_source(text, figure, speaker):
    assert speaker_of(text, figure) == speaker


@pytest.mark.parametrize(
    ("text", "figure", "speaker"),
    [
        # figures owned by a body speak for it after "according to" as they do as a subject
        ("Unemployment stood at 4.1%, according to the ministry's figures.", "4.1%", "the ministry"),
        ("Unemployment stood at 4.1%, according to Eurostat's figures.", "4.1%", "Eurostat"),
        ("The toll rose to 70, according to the health ministry's latest figures.", "70", "the health ministry"),
        ("According to UN figures, 70 people have died.", "70", "UN"),
        ("According to a Reuters tally, 300 people had died.", "300", "Reuters"),
        ("A Reuters tally showed 300 people had died.", "300", "Reuters"),
        ("The ministry's statement said 40 people were killed.", "40", "the ministry"),
    ],
)
def test_owned_figures_speak_for_their_owner(text, figure, speaker):
    assert speaker_of(text, figure) == speaker


@pytest.mark.parametrize(
    ("text", "figure", "speaker"),
    [
        # an aside set off by commas between a speaker and its verb is no role and no end of the subject
        ("Officials, speaking on condition of anonymity, said 30 people were arrested.", "30", "Officials"),
        ("A senior official, speaking on condition of anonymity, said 40 people were killed.", "40",
         "a senior official"),
        ("The ministry, in a statement, said 40 people were killed.", "40", "the ministry"),
        ("The company, based in London, said it would cut 300 jobs.", "300", "the company"),
        ("Smith, writing in the Lancet, estimated that 300,000 people had died.", "300,000", "Smith"),
        ("The army, in its daily update, said 40 soldiers had died, while Hamas said 300 fighters were killed.",
         "40", "the army"),
        # ... nor a clause without commas
        ("Officials speaking on condition of anonymity said 40 people were killed.", "40", "Officials"),
        ("An official who spoke on condition of anonymity said 40 people were killed.", "40", "an official"),
        ("Doctors speaking at the hospital said 40 people were treated.", "40", "Doctors"),
        ("Analysts speaking to Reuters estimated losses at $3 billion.", "$3 billion", "Analysts"),
        ("Residents talking to the BBC said 40 people were killed.", "40", "Residents"),
        ("At least 30 people were arrested, a senior official who asked not to be named said.", "At least 30",
         "a senior official"),
        # an inverted speaker ends before its relative clause
        ("At least 30 people were arrested, said a senior official who asked not to be named.", "At least 30",
         "a senior official"),
        # ", which said" and ", who said": the phrase before the comma speaks
        ("He visited the hospital, which said 40 patients were treated.", "40", "the hospital"),
        ("Smith met Jones, who said 40 people had died.", "40", "Jones"),
        # anonymous sources described by what they know
        ("A source familiar with the matter said 40 people were killed.", "40",
         "a source familiar with the matter"),
        ("Two people with knowledge of the matter told Reuters that 40 people were killed.", "40",
         "Two people with knowledge of the matter"),
    ],
)
def test_a_speaker_set_apart_from_its_verb(text, figure, speaker):
    assert speaker_of(text, figure) == speaker


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # a figure inside the subject's clause is not stated by the subject
        ("A man who killed 40 people said he was sorry.", "40"),
        # the outlet that saw a document, read without the document, is no speaker
        ("An internal memo sent to staff and seen by Reuters said 300 jobs would go.", "300"),
        # an event "claims" lives: nobody speaks (Lee corpus)
        (("The bureau is investigating the crash of an aircraft near Mount Gambier, in South Australia's "
          "south-east, which claimed the life of the 54-year-old pilot."), "54-year-old"),
        # before an aside, the end of a clause is no subject (Lee corpus)
        (("A rafter who raised the alarm after most of his party was swept into the Franklin River, in "
          "Tasmania's south-west, says for nearly 24 hours he did not know whether his four friends had "
          "survived."), "four"),
        # a relative clause after a day has no speaker before it
        ("The storm hit the coast on Monday, which showed 300 homes were damaged.", "300"),
        # "by" after a passive that is no speech verb names no source
        ("The bridge, built by the army in 1990, carries 40,000 cars a day.", "40,000"),
        ("The plan was approved by 300 votes to 200.", "300"),
        # an aside with no speech verb after it
        ("Police, acting on a tip, arrested 30 people.", "30"),
        ("The sale, announced on Monday, is worth $300 million.", "$300 million"),
        # figures and records with no owner, and a noun that looks like a verb, speak for nobody
        ("Unemployment stood at 4.1%, according to the latest figures.", "4.1%"),
        ("Records show 40 people died.", "40"),
        ("Reports said 40 people died.", "40"),
    ],
)
def test_no_speaker(text, figure):
    assert speaker_of(text, figure) is None


@pytest.mark.parametrize(
    ("text", "figure", "speaker", "role"),
    [
        # a role without an article after an inverted speaker is the speaker's role, as with one
        ('"We have counted 1,200 bodies," said Ahmed Khalil, head of the morgue.', "1,200", "Ahmed Khalil",
         "head of the morgue"),
        ("At least 40 people died, said John Smith, spokesman for the ministry.", "At least 40", "John Smith",
         "spokesman for the ministry"),
        # ... but a clause after the comma is none ("and" only joins titles)
        ("At least 40 people died, said Smith, and 12 were children.", "12", "Smith", None),
    ],
)
def test_a_role_after_an_inverted_speaker(text, figure, speaker, role):
    claim = extracted(text, figure, PUBLISHED)
    assert (claim.speaker, claim.speaker_role) == (speaker, role)
