"""Units: counted things, pint units, money, percent vs points, durations, ages, known traps."""

from __future__ import annotations

import pytest

from reconcile import lexicons
from reconcile.extract import extract_quantities
from reconcile.models import Article, Claim
from reconcile.units import CURRENCIES, canonical_unit


def claims(text: str) -> list[Claim]:
    return extract_quantities(Article(id="t", text=text))


def only(text: str) -> Claim:
    found = claims(text)
    assert len(found) == 1, [(c.text, c.value) for c in found]
    return found[0]


@pytest.mark.parametrize(
    "text, span, value, kind, unit",
    [
        ("The road is 40 km long.", "40 km", 40, "measure", "kilometer"),
        ("The march covered 26 miles.", "26 miles", 26, "measure", "mile"),
        ("Police seized 12 kg of cocaine.", "12 kg", 12, "measure", "kilogram"),
        ("The ship carried 300 tonnes of grain.", "300 tonnes", 300, "measure", "metric_ton"),
        ("The plant produces 500 MW of power.", "500 MW", 500, "measure", "megawatt"),
        ("The fire burnt 1,200 km² of bush.", "1,200 km²", 1200, "measure", "kilometer ** 2"),
        ("The fire burnt 1,200 square kilometres of bush.", "1,200 square kilometres", 1200, "measure",
         "kilometer ** 2"),
        ("The fire burnt 20,000 hectares.", "20,000 hectares", 20000, "measure", "hectare"),
        ("It was 30°C in Sydney.", "30°C", 30, "measure", "degree_Celsius"),
        ("Winds reached 60 mph.", "60 mph", 60, "measure", "mile_per_hour"),
        ("Winds reached 100 km/h.", "100 km/h", 100, "measure", "kilometer / hour"),
        ("Each tank holds 491 litres.", "491 litres", 491, "measure", "liter"),
        ("A 300m race.", "300m", 300, "measure", "meter"),
        ("The meeting lasted 45 minutes.", "45 minutes", 45, "duration", "minute"),
        ("The talks took 45-minute sessions.", "45-minute", 45, "duration", "minute"),
        ("He served 10 years in prison.", "10 years", 10, "duration", "year"),
        ("The siege lasted three weeks.", "three weeks", 3, "duration", "week"),
        ("Inflation hit 40%.", "40%", 40, "percent", "percent"),
        ("Inflation hit 40 per cent.", "40 per cent", 40, "percent", "percent"),
        ("Inflation hit 40 percent.", "40 percent", 40, "percent", "percent"),
        ("Support rose 2 percentage points.", "2 percentage points", 2, "percentage_point", "percentage_point"),
        ("It cost $5.", "$5", 5, "money", "USD"),
        ("It cost €5 million.", "€5 million", 5e6, "money", "EUR"),
        ("It cost 5 million euros.", "5 million euros", 5e6, "money", "EUR"),
        ("It cost 200 million rubles.", "200 million rubles", 2e8, "money", "RUB"),
        ("It cost A$20 million.", "A$20 million", 2e7, "money", "AUD"),
        ("It cost USD 20 million.", "USD 20 million", 2e7, "money", "USD"),
        ("It cost 5 million pounds.", "5 million pounds", 5e6, "money", "GBP"),
        ("Recruits aged 18 must serve.", "18", 18, "age", "year"),
        ("A 10-year-old boy was hurt.", "10-year-old", 10, "age", "year"),
        ("She is 35 years old.", "35 years old", 35, "age", "year"),
        ("Police counted 200 protesters.", "200", 200, "count", "count"),
    ],
)
def test_units(text: str, span: str, value: float, kind: str, unit: str) -> None:
    c = only(text)
    assert (c.text, c.kind.value, c.unit) == (span, kind, unit)
    assert c.value == pytest.approx(value)


def test_percent_and_points_are_distinct() -> None:
    a, b = claims("Labor's vote rose 3 percentage points to 41 per cent.")
    assert (a.unit, b.unit) == ("percentage_point", "percent")


# Known failures of other extractors, named after what broke.
def test_45_minutes_is_a_duration_not_an_angle() -> None:
    c = only("The operation lasted 45 minutes.")
    assert (c.kind.value, c.unit) == ("duration", "minute")


def test_clock_time_2_15pm_is_not_picometres() -> None:
    assert claims("The blast happened at 2.15pm local time.") == []


def test_a_mix_is_no_mile() -> None:
    assert claims("It was a mix of old and new.") == []


def test_one_in_this_world_is_no_inch() -> None:
    assert claims("It will benefit no one in this world.") == []
    assert claims("It will benefit one in this world.") == []


def test_descending_change_is_kept() -> None:
    a, b = claims("Ukraine debated lowering the minimum conscription age from 25 to 18.")
    assert (a.value, b.value) == (25, 18)
    assert (a.kind.value, b.kind.value, a.unit) == ("age", "age", "year")
    assert a.change_id == b.change_id is not None
    assert (a.change_role, b.change_role) == ("from", "to")


def test_ascending_change_links_both_ends() -> None:
    a, b = claims("The death toll rose from 27 to 35 overnight.")
    assert (a.value, b.value, a.change_role, b.change_role) == (27, 35, "from", "to")
    assert a.change_id == b.change_id


def test_pounds_of_weight_are_not_money() -> None:
    c = only("He lost 20 pounds in a month.")
    assert c.kind.value != "money"


def test_every_unit_alias_is_pint_canonical() -> None:
    units = lexicons.load("units")
    for name in {*units["words"].values(), *units["symbols"].values()}:
        assert canonical_unit(name) == name, name


def test_every_currency_is_a_registry_currency() -> None:
    cur = lexicons.load("currencies")
    for code in {*cur["symbols"].values(), *cur["names"].values(), *cur["ambiguous_names"].values()}:
        assert code in CURRENCIES, code


def test_importing_the_extractor_does_not_import_pint() -> None:
    import subprocess
    import sys

    code = "import sys, reconcile.extract; print('pint' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    "text, span, value, kind, unit",
    [
        ("Rates rose by 50 basis points.", "50 basis points", 0.5, "percentage_point", "percentage_point"),
        ("Turnout was 67.3pc.", "67.3pc", 67.3, "percent", "percent"),
        ("They paid 75 USD million for it.", "75 USD million", 7.5e7, "money", "USD"),
        ("The fee is USD115.5 a month.", "USD115.5", 115.5, "money", "USD"),
        ("Tickets cost 100 € each.", "100 €", 100, "money", "EUR"),
        ("Loans reached 10 rmb each.", "10 rmb", 10, "money", "CNY"),
        ("Aid of 2 trillion yen was approved.", "2 trillion yen", 2e12, "money", "JPY"),
        ("The total is 1\u202f234\u202f567.89 tonnes.", "1\u202f234\u202f567.89 tonnes", 1234567.89, "measure",
         "metric_ton"),
    ],
)
def test_more_units(text: str, span: str, value: float, kind: str, unit: str) -> None:
    c = only(text)
    assert (c.text, c.kind.value, c.unit) == (span, kind, unit)
    assert c.value == pytest.approx(value)


def test_figures_inside_urls_are_not_claims() -> None:
    assert claims("See https://www.example.com/search?q=30%25%2020% for more.") == []


@pytest.mark.parametrize(
    "text, span, value, unit",
    [
        ("Some 1.5m people live there.", "Some 1.5m", 1.5e6, "count"),
        ("Floods hit 5m homes.", "5m", 5e6, "count"),
        ("He won the 300m race.", "300m", 300, "meter"),
        ("They laid 40m of cable.", "40m", 40, "meter"),
        ("The walls are 3m tall.", "3m", 3, "meter"),
    ],
)
def test_m_is_million_before_a_counted_plural_and_metres_otherwise(text: str, span: str, value: float,
                                                                   unit: str) -> None:
    c = only(text)
    assert (c.text, c.unit) == (span, unit)
    assert c.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("Moussaoui, 33, a French national, was charged.", "33", 33),
        ("Arnaud Clement, 24, lost in straight sets.", "24", 24),
    ],
)
def test_apposition_after_a_name_is_an_age(text: str, span: str, value: float) -> None:
    c = only(text)
    assert (c.text, c.kind.value, c.unit, c.value) == (span, "age", "year", value)


def test_half_an_hour_is_a_duration() -> None:
    c = only("He spoke for more than half an hour.")
    assert (c.text, c.kind.value, c.unit, c.value, c.low, c.high) == (
        "more than half an hour", "duration", "hour", 0.5, 0.5, None)


def test_unit_after_an_adjective_is_still_the_unit() -> None:
    c = only("After more than 400 exhausting kilometres, they stopped.")
    assert (c.text, c.kind.value, c.unit, c.counted_text) == ("more than 400", "measure", "kilometer", None)


def test_vague_amount_of_a_currency_is_money() -> None:
    c = only("It will cost billions of dollars.")
    assert (c.kind.value, c.unit, c.qualifier.value) == ("money", "USD", "vague")


@pytest.mark.parametrize(
    "text, span, value, unit",
    [
        ("A loaf now costs ₺45 in Istanbul.", "₺45", 45, "TRY"),
        ("The fine was 100,000 ₸, the court said.", "100,000 ₸", 100000, "KZT"),
        ("Pensions rose to 300₾ a month.", "300₾", 300, "GEL"),
        ("The ticket costs 5,000 ₡ in San José.", "5,000 ₡", 5000, "CRC"),
        ("Farmers were paid 100,000 ₭ per tonne.", "100,000 ₭", 100000, "LAK"),
        ("The bond raised ₵2 billion.", "₵2 billion", 2e9, "GHS"),
    ],
)
def test_currency_signs_before_and_after_the_figure(text: str, span: str, value: float, unit: str) -> None:
    c = [c for c in claims(text) if c.kind.value == "money"]
    assert [(x.text, x.unit) for x in c] == [(span, unit)]
    assert c[0].value == pytest.approx(value)


@pytest.mark.parametrize("text", ["Medics used 5 gel packs on him.", "They bought 3 Gel pens.", "Shoppers found 12 crc errors."])
def test_currency_codes_that_are_words_are_no_money(text: str) -> None:
    assert not [c for c in claims(text) if c.kind.value == "money"]
