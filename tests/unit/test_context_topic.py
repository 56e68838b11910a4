"""Topic keys: the proper names that tell which story an article belongs to."""

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
