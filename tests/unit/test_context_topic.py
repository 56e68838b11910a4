"""Topic keys: the proper names that tell which story an article belongs to."""

import pytest

from reconcile import extract_claims
from reconcile.context.topic import shared_keys, topic_keys
from reconcile.models import Article

FLOOD = Article(id="f", title="Flood toll rises in Valencia", text=(
    "VALENCIA, Spain (Wire) — Rescuers in Valencia searched for the missing on Friday as the death toll "
    "from the floods rose to 158. Spain's prime minister Pedro Sanchez visited Chiva, where officials said "
    "rainfall reached 491 litres per square metre. Sanchez promised aid to Valencia."))
FLOOD_2 = Article(id="g", text=(
    "Officials in Valencia said on Saturday that 205 people had died in the floods. Prime Minister Pedro "
    "Sanchez said the army would send 500 more soldiers to the region around Chiva."))
CRASH = Article(id="c", text=(
    "Police in Ohio said three people died when a bus left the highway near Columbus on Friday. The Ohio "
    "State Highway Patrol said the driver was taken to hospital."))


def test_keys_are_the_most_frequent_names_and_skip_sentence_openers():
    keys = topic_keys(FLOOD)
    assert keys[0] == "valencia"
    assert "pedro sanchez" in keys and "chiva" in keys
    assert "rescuers" not in keys and "officials" not in keys


def test_articles_on_one_story_share_keys_and_unrelated_ones_do_not():
    assert shared_keys(topic_keys(FLOOD), topic_keys(FLOOD_2)) >= 2
    assert shared_keys(topic_keys(FLOOD), topic_keys(CRASH)) == 0


def test_every_claim_of_an_article_carries_its_topic_keys():
    claims = extract_claims(FLOOD)
    assert claims and all(c.topic == topic_keys(FLOOD) for c in claims)


def test_no_names_gives_no_keys():
    assert topic_keys(Article(id="n", text="the toll rose to 12 on friday.")) == []


# Keys that tell nothing of the story: a wire's dateline and outlet, a capital inside a word, a run
# that crosses a sentence end, and a name cut in two because it opens the headline.
@pytest.mark.parametrize(
    ("title", "text", "source", "present", "absent"),
    [
        # the dateline's place in capitals and the outlet's name in it
        (None, "SAN FRANCISCO, Oct 30 (Wire One) - Orchard Tech said revenue rose. Orchard Tech grew.",
         "Wire One", ["orchard tech"], ["francisco", "one", "wire one"]),
        # "iPhone" holds no name "Phone"
        (None, "Orchard Tech sold phones. Sales of the iPhone rose in Berlin.", None, ["berlin"], ["phone"]),
        # a run stops at a sentence end: "Barcelona. The Catalan" is two names
        (None, "Police said 30 people were hurt in Barcelona. The Catalan government met.", None,
         ["barcelona", "catalonia"], ["barcelona catalan"]),
        # the headline's opening name is kept whole when the text names it whole
        ("Orchard Tech revenue beats forecasts", "- Orchard Tech reported revenue of $94.9 billion.", None,
         ["orchard tech"], ["tech"]),
        # regional demonyms read as their place
        (None, "Police in Girona said the Catalan parliament met. Girona officials agreed.", None,
         ["catalonia"], ["catalan"]),
    ],
    ids=["dateline_and_outlet_give_no_keys", "capital_inside_a_word_is_no_name",
         "run_stops_at_a_sentence_end", "headline_opener_keeps_the_whole_name", "catalan_is_catalonia"],
)
def test_keys_without_junk(title, text, source, present, absent):
    keys = topic_keys(Article(id="x", title=title, text=text, source=source))
    assert all(k in keys for k in present), keys
    assert not any(k in keys for k in absent), keys


def test_one_word_wire_dateline_is_still_no_key():
    keys = topic_keys(Article(id="x", text="ANKARA, March 3 (Reuters) - AFAD said 40 died in Hatay. Hatay mourned."))
    assert "ankara" not in keys and "afad" in keys
