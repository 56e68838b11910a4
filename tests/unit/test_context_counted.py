"""What a figure counts: normalisation, synonyms, and nouns that are not next to the number."""

from __future__ import annotations

import pytest
from _context_claims import article, claim_at, context_of

from reconcile.context import annotate
from reconcile.context.counted import lemma, normalise_counted
from reconcile.context.lexicon import ContextLexicon

NORMALISED = [
    ("North Korean infantry troops", "north korean troop"),
    ("North Korean soldiers", "north korean troop"),
    ("North Korean servicemen", "north korean troop"),
    ("North Korean military personnel", "north korean troop"),
    ("Russian troops", "russian troop"),
    ("Ukrainian soldiers", "ukrainian troop"),
    ("fatalities", "death"),
    ("deaths", "death"),
    ("people killed", "death"),
    ("people dead", "death"),
    ("civilians killed", "civilian death"),
    ("residents", "people"),
    ("persons", "people"),
    ("people", "people"),
    ("new homes", "home"),
    ("houses", "home"),
    ("insured losses", "insured loss"),
    ("economic losses", "economic loss"),
    ("casualties", "casualty"),
    ("children", "child"),
    ("Ukraine's troops", "ukrainian troop"),
    ("additional troops training in", "troop"),
    ("people injured", "injury"),
]


@pytest.mark.parametrize("written, key", NORMALISED)
def test_normalise_counted(written, key):
    assert normalise_counted(written) == key


def test_russian_troops_never_fold_into_north_korean_troops():
    assert normalise_counted("Russian troops") != normalise_counted("North Korean troops")


def test_the_synonym_table_is_editable_data():
    data = {
        "synonyms": {"fold": {"lorries": "truck", "trucks": "truck"}, "redundant": {}, "generic": [],
                     "irregular_plurals": {}, "invariant": [], "death_participles": [],
                     "injury_participles": [], "figure_words": []},
    }
    from reconcile import lexicons

    lex = ContextLexicon.from_data(data["synonyms"], lexicons.load("speech_verbs"), lexicons.load("titles"),
                                   lexicons.load("scope"), lexicons.load("dates"))
    assert normalise_counted("lorries", lex) == normalise_counted("trucks", lex) == "truck"


@pytest.mark.parametrize("word, singular", [("troops", "troop"), ("buses", "bus"), ("boxes", "box"),
                                            ("cities", "city"), ("lives", "life"), ("news", "news"),
                                            ("heroes", "hero"), ("analyses", "analysis")])
def test_lemma(word, singular):
    assert lemma(word, ContextLexicon.default()) == singular


NOT_NEXT = [
    # (text, figure, kind, counted)
    ("The death toll rose to 205 on Monday.", "205", "number", "death"),
    ("Deaths reached 95 by Friday.", "95", "number", "death"),
    ("The number of North Korean troops in Russia is 3,000, officials said.", "3,000", "number",
     "north korean troop"),
    ("Troops numbering about 3,000 crossed the border.", "about 3,000", "number", "troop"),
    ("The agency reported a toll of 200.", "200", "number", "death"),
    ("Fatalities climbed to 58 overnight.", "58", "number", "death"),
    ("The death toll from the storm has risen to 121.", "121", "number", "death"),
    ("Insured losses could reach $6 billion.", "$6 billion", "money", "insured loss"),
    ("Economic damage is estimated at $160 billion.", "$160 billion", "money", "economic damage"),
    ("The storm caused $2bn in insured losses.", "$2bn", "money", "insured loss"),
    ("Rainfall in Chiva reached 491 litres per square metre.", "491 litres", "measure", "rainfall"),
    ("Private market insured losses, including NFIP claims, were estimated at $10.5 billion.",
     "$10.5 billion", "money", "private market insured loss"),
]


@pytest.mark.parametrize("text, figure, kind, counted", NOT_NEXT)
def test_counted_thing_not_next_to_the_number(text, figure, kind, counted):
    assert context_of(text, figure, kind=kind).counted == counted


def test_of_them_resolves_to_the_antecedent():
    text = "Pyongyang has sent 11,000 North Korean troops to Russia, and 3,000 of them are near Kursk."
    art = article(text)
    first, second = annotate(art, [claim_at(art, "11,000", counted_text="North Korean troops"),
                                   claim_at(art, "3,000", kind="number")])
    assert first.counted == second.counted == "north korean troop"
    assert second.scope_info.places == ["kursk"]


def test_the_figure_refers_back():
    text = "Officials counted 72 deaths in the county on Tuesday. The figure stood at 75 on Wednesday."
    art = article(text)
    _, second = annotate(art, [claim_at(art, "72", counted_text="deaths"), claim_at(art, "75", kind="number")])
    assert second.counted == "death"


def test_a_bare_head_takes_the_antecedent_when_the_sentence_refers_back():
    text = ("Nearly 11,000 North Korean troops are in Russia. Budanov said the troops will move soon, "
            "the first group of 2,600 soldiers to Kursk.")
    art = article(text)
    _, second = annotate(art, [claim_at(art, "11,000", counted_text="North Korean troops"),
                               claim_at(art, "2,600", counted_text="soldiers")])
    assert second.counted == "north korean troop"


def test_russian_troops_do_not_inherit_the_north_korean_antecedent():
    text = ("About 10,000 North Korean troops are in Kursk. Russian troops lost 1,600 soldiers in a day, "
            "the general staff said.")
    art = article(text)
    _, second = annotate(art, [claim_at(art, "10,000", counted_text="North Korean troops"),
                               claim_at(art, "1,600", counted_text="soldiers")])
    assert second.counted == "troop"


def test_ordinal_counts_the_ordered_noun():
    c = context_of("It was his second trip to Kyiv this year.", "second", kind="ordinal", counted_text="trip",
                   value=2)
    assert c.counted == "visit"
