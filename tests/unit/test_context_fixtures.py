"""Context on whole fixture articles written in wire style (tests/fixtures/context/): several outlets,
quotations spanning sentences, titles and names introduced earlier, relative dates.

Claims are built by hand (span found with str.find) so these tests do not depend on the extractor.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from _context_claims import claim_at

from reconcile.context import annotate
from reconcile.ingest import parse_txt

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "context"


def load(name: str):
    return parse_txt((FIXTURES / name).read_text(encoding="utf-8"), f"fixtures/{name}")


def annotated(name: str, *specs: dict):
    art = load(name)
    claims = [claim_at(art, **spec) for spec in specs]
    return art, annotate(art, claims)


def test_storm_wire():
    art, cs = annotated(
        "storm-toll-wire-2024-10-01.txt",
        {"fragment": "155", "kind": "number"},
        {"fragment": "95", "kind": "number"},
        {"fragment": "about 600", "counted_text": "people"},
        {"fragment": "Some 1,200", "counted_text": "National Guard members"},
        {"fragment": "roughly 340,000", "counted_text": "customers"},
        {"fragment": "57", "kind": "number"},
        {"fragment": "2,100", "kind": "number"},
        {"fragment": "more than 1,000", "counted_text": "homes"},
        {"fragment": "140 mph", "kind": "measure"},
        {"fragment": "200", "kind": "number", "occurrence": 1},
    )
    toll, nc, missing, guard, power, county, shelters, homes, wind, forecast = cs
    assert art.source == "Example Wire" and toll.source == "Example Wire"
    assert (toll.counted, toll.speaker, toll.as_of) == ("death", "state officials", date(2024, 10, 1))
    assert nc.counted == "death" and nc.scope_info.places == ["north carolina"]
    assert nc.speaker == "the state Department of Health and Human Services"
    assert missing.speaker == "Roy Cooper" and missing.speaker_role == "Gov."
    assert missing.as_of == date(2024, 9, 30)
    assert missing.scope_info.places == ["north carolina"]  # "the western part of the state"
    assert guard.speaker == "Roy Cooper"  # "the governor said", and the quote continues
    assert power.speaker == "Roy Cooper"  # "He added"
    assert power.scope_info.places == ["north carolina"]
    assert county.counted == "death" and county.scope_info.places == ["buncombe county"]
    assert county.speaker == "Officials in Buncombe County"
    assert shelters.counted == "people" and shelters.speaker == "the Red Cross"
    assert homes.speaker == "Kassi Day" and homes.speaker_role == "county spokeswoman"
    assert wind.as_of == date(2024, 9, 26) and wind.speaker is None
    assert forecast.counted == "death" and forecast.projection
    assert forecast.as_of == date(2024, 10, 6) and forecast.speaker == "Forecasters"


def test_storm_daily():
    _, cs = annotated(
        "storm-toll-daily-2024-10-03.txt",
        {"fragment": "at least 205", "counted_text": "people"},
        {"fragment": "118", "counted_text": "deaths"},
        {"fragment": "72", "counted_text": "deaths"},
        {"fragment": "72", "kind": "number", "occurrence": 1},
        {"fragment": "$6 billion", "kind": "money"},
        {"fragment": "$10.5 billion", "kind": "money"},
    )
    total, nc, county, figure, insured, private = cs
    assert total.speaker is None and total.as_of == date(2024, 10, 3) and total.scope_info.period is None
    assert nc.speaker == "the state's health department" and nc.as_of == date(2024, 10, 2)
    assert county.speaker == "Quentin Miller" and county.speaker_role == "Buncombe County Sheriff"
    assert county.as_of == date(2024, 10, 1)
    assert figure.counted == "death" and figure.speaker == "the sheriff's office"
    assert figure.as_of == date(2024, 10, 2) and figure.as_of_text == "on Wednesday morning"
    assert insured.counted == "insured loss" and insured.projection
    assert insured.speaker == "Karen Clark & Co"
    assert private.counted == "private market insured loss" and private.speaker == "Moody's RMS"
    assert {"insured", "private market"} <= set(private.scope_info.definition)


def test_troops_monitor():
    _, cs = annotated(
        "troops-monitor-2024-11-05.txt",
        {"fragment": "about 11,000", "counted_text": "troops"},
        {"fragment": "3,000", "kind": "number"},
        {"fragment": "8,000", "kind": "number"},
        {"fragment": "roughly 10,000", "counted_text": "North Korean troops"},
        {"fragment": "8,000", "kind": "number", "occurrence": 1},
        {"fragment": "more than 10,000", "counted_text": "North Korean troops"},
        {"fragment": "about 3,000", "kind": "number"},
        {"fragment": "12,000", "kind": "number"},
        {"fragment": "1,600", "counted_text": "soldiers"},
        {"fragment": "1,500", "counted_text": "troops"},
    )
    sent, moving, quoted, us, us_kursk, nis, rail, isw, russian, wave = cs
    assert sent.speaker == "Volodymyr Zelensky" and sent.scope_info.places == ["russia"]
    assert moving.counted == "troop" and moving.speaker == "Volodymyr Zelensky"
    assert quoted.speaker == "Volodymyr Zelensky"  # "the president said", the quote continues
    assert quoted.scope_info.places == ["kursk"]
    assert us.speaker == "Sabrina Singh" and us.speaker_role == "Pentagon spokesperson"
    assert us.scope_info.places == ["russia"] and "citing" not in (us.scope or "")
    assert us_kursk.counted == "north korean troop" and us_kursk.scope_info.places == ["kursk"]
    assert us_kursk.speaker == "Sabrina Singh"  # "She said"
    assert nis.speaker == "South Korea's National Intelligence Service"
    assert nis.as_of == date(2024, 11, 1) and nis.scope_info.places == ["russia"]
    assert rail.counted == "troop" and rail.speaker == "Ukraine's military intelligence agency"
    assert isw.counted == "north korean troop" and isw.scope == "in Russia"
    assert isw.speaker == "the Institute for the Study of War"
    assert russian.counted != "north korean troop"
    assert wave.scope_info.subset == ["second wave"] and wave.projection
    assert wave.speaker == "Rustem Umerov's office" and wave.as_of == date(2024, 12, 1)


def test_flood_outlet():
    _, cs = annotated(
        "flood-outlet-2024-11-04.txt",
        {"fragment": "491 litres", "kind": "measure"},
        {"fragment": "At least 217", "counted_text": "people"},
        {"fragment": "213", "kind": "number"},
        {"fragment": "Some 1,900", "counted_text": "people"},
        {"fragment": "10 billion euros", "kind": "money"},
        {"fragment": "400", "counted_text": "residents"},
        {"fragment": "12", "counted_text": "schools"},
        {"fragment": "More than 40", "counted_text": "roads"},
    )
    rain, spain, valencia, missing, damage, april, schools, roads = cs
    assert all(c.speaker is None for c in cs)  # the outlet states every figure
    assert rain.counted == "rainfall" and rain.scope_info.places == ["chiva"]
    assert rain.as_of == date(2024, 10, 29)
    assert spain.scope_info.places == ["spain"]
    assert valencia.counted == "death" and valencia.scope_info.places == ["valencia"]
    assert missing.scope_info.places == ["valencia"]
    assert damage.counted == "economic damage"
    assert (april.as_of, april.as_of_end) == (date(2024, 4, 1), date(2024, 4, 30))
    assert (schools.as_of, schools.as_of_end) == (date(2024, 11, 1), date(2024, 11, 4))
    assert roads.as_of == date(2024, 11, 3)


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.txt")))
def test_fixture_through_the_whole_pipeline_never_raises(name):
    from reconcile import extract_claims

    art = load(name)
    for c in extract_claims(art):
        assert c.text == art.text[c.start : c.end]
        assert c.as_of is not None
