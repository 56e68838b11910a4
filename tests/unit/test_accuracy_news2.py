"""Table tests for misreads found on a second round of wire-style stories (economy, courts, elections
without "of the vote", outbreaks, sport), each sentence written for these tests.

Named after what broke; each row failed before its fix.
"""

from __future__ import annotations

from datetime import date

import pytest

from reconcile import Article, extract_claims, reconcile
from reconcile.models import Claim

PUBLISHED = date(2025, 2, 13)  # a Thursday


def claim_of(text: str, figure: str, published: date | None = PUBLISHED) -> Claim:
    claims = extract_claims(Article(id="t", text=text, published=published))
    hits = [c for c in claims if figure in c.text]
    assert hits, [c.text for c in claims]
    return hits[0]


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
