"""A speaker is a name, a role, a body or a resolved pronoun: never a clause fragment.

Each FRAGMENTS row is a sentence whose speaker phrase used to be read across a clause (a finite verb,
a pronoun inside it, a rate read as "per X", a date); it now gives the clean head or None.  KEEP rows
are ordinary attributions that must keep their speaker.
"""

from __future__ import annotations

import pytest
from _context_claims import context_of

from reconcile.context.speaker import clean_head

FRAGMENTS = [
    # an inverted "said" followed by a clause: the clause is not the speaker
    (("The news service, quoting informed sources, said the US jets hit several cars at Khost, the provincial "
     "capital, on Friday, killing 11 people and injuring many others."), "11", None),
    (("The news service, quoting tribal elders, said the US bombers destroyed several houses in Gardez, a town "
     "in the east, on Friday, killing 11 people."), "11", None),
    # a subject with an auxiliary and an object: a clause, not a body
    ("Thai police have detained a man believed to have moved 400 migrants across the border.", "400", None),
    # a leading gerund with a preposition: an event, not a speaker
    ("In a province where fighting between Hutu and Tutsi militias has claimed 300 lives, aid groups are wary.", "300", None),
    # "per cent" read as "per X" (according to X)
    ("Nearly 14 per cent of Australia's teenagers are now smokers.", "14", None),
    ("The fine amounts to 60 per cent of Smith's fee for the series.", "60", None),
    # a run-on subject ending in a pronoun: the pronoun speaks, resolved as usual
    (("Minister Karl Weber spoke at the summit. No more than 300 troops should join the mission in "
     "their peacekeeping forces he says."), "300", "Karl Weber"),
    # a measure of time inside the phrase: a clause run into a name
    ("In the recording lasting roughly one hour Ayman Saleh explains how 40 men were trained.", "40",
     "Ayman Saleh"),
    ("In the recording lasting roughly one hour bin Nasser explains how 40 men were trained.", "40", "bin Nasser"),
    ("In the recording lasting roughly one hour the cleric explains how 40 men were trained.", "40", None),
    # a date on its own is not a speaker
    ("The 90-page review released on Tuesday says 2,000 jobs could go.", "2,000", None),
    # a subject pronoun with a clause after it
    ("He has also made claims about 12 planned attacks on the capital.", "12", None),
    # "it" with no body to refer back to
    ("It concludes 10 days of talks in the capital.", "10", None),
    # a plural noun before another verb is not the subject of a speech verb
    ("Initial reports were of 50 people trapped in the mall.", "50", None),
    # a described group is not a person a pronoun can refer to
    (('Commander Rahim Khan said the ridge had fallen. "We took the pass," Khan said. '
     "Six Yemen-born militia fighters had been killed he added."), "Six", "Rahim Khan"),
]


@pytest.mark.parametrize("text, figure, speaker", FRAGMENTS)
def test_fragment_gives_clean_speaker_or_none(text, figure, speaker):
    assert context_of(text, figure).speaker == speaker


KEEP = [
    ("Rescue chief Anna Berg said 40 people were missing.", "40", "Anna Berg"),
    ("At least 40 people were missing, said Anna Berg, the rescue chief.", "40", "Anna Berg"),
    ("At least 40 people were missing, according to the state fire service.", "40", "the state fire service"),
    ("Governor Tom Hale told ABC News that 40 homes burned.", "40", "Tom Hale"),
    ("The governor's office reported 40 homes burned on Monday.", "40", "the governor's office"),
    ("Reuters reported, citing a senior defense official, that 40 jets were moved.", "40",
     "a senior defense official"),
    ("Forty homes burned, the official said.", "Forty", "the official"),
    ("President Maria Lopez visited the site. The president said 40 homes burned.", "40", "Maria Lopez"),
    ("South Korea's spy agency estimated that 1,500 troops had arrived.", "1,500", "South Korea's spy agency"),
    ("The Pentagon said 40 advisers were deployed.", "40", "the Pentagon"),
    ("Police said 40 people were arrested.", "40", "Police"),
    ("Theresa May said 40 MPs would vote against it.", "40", "Theresa May"),
    ("The US military said 40 strikes were carried out.", "40", "the US military"),
    ("The force, which Britain estimates could eventually reach 5,000 troops, is due in May.", "5,000", "Britain"),
    ("Senator Dan Reid visited the camp. He said 40 players were fit.", "40", "Dan Reid"),
]


@pytest.mark.parametrize("text, figure, speaker", KEEP)
def test_attribution_keeps_its_speaker(text, figure, speaker):
    assert context_of(text, figure).speaker == speaker


@pytest.mark.parametrize(
    "phrase, head",
    [
        ("a senior defense official", "a senior defense official"),
        ("South Korea's spy agency", "South Korea's spy agency"),
        ("their security forces he", "he"),
        ("the rebels she", "she"),
        ("it Cahill", "Cahill"),
        ("Theresa May", "Theresa May"),
        ("the US jets blasted several vehicles", None),
        ("Malaysian police have arrested a man", None),
        ("I mean what do you want him to", None),
        ("He has also made", None),
        ("fighting between Muslims and Christians", None),
        ("the US jets hit several cars", None),
        ("a spokesman for several aid groups", "a spokesman for several aid groups"),
        ("Monday", None),
        ("a spokesman for the Hamas movement", "a spokesman for the Hamas movement"),
    ],
)
def test_clean_head(phrase, head):
    assert clean_head(phrase) == head
