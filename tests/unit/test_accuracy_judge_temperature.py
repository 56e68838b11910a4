"""Temperatures in Celsius and Fahrenheit are compared on one scale.

A Celsius or Fahrenheit degree is not a multiple of a kelvin: "44C" is 317.15 K, not 44 x 274.15 K.
Figures were compared as multiples of their unit's base, so "44C" against "111F" (the same heat,
43.9C) was judged a conflict.  They are now converted with the unit's offset, and the rounding
implied by how each is written applies as to any measure ("44C" covers 43.5C..44.5C).
"""

from __future__ import annotations

from datetime import date

import pytest
from unit.claim_factory import claim

from reconcile import Article, reconcile
from reconcile.judge import judge_group
from reconcile.models import Kind, Verdict

DAY = date(2025, 7, 12)
C, F = "degree_Celsius", "degree_Fahrenheit"


def _temp(value, unit, text, source, article):
    return claim(value, kind=Kind.measure, unit=unit, counted="temperature", text=text, source=source,
                 article=article, as_of=DAY)


@pytest.mark.parametrize(
    ("first", "second", "verdict"),
    [
        ((44, C, "44C"), (111, F, "111F"), Verdict.consistent),  # 111F is 43.9C
        ((44, C, "44C"), (112, F, "112F"), Verdict.consistent),  # 44.4C: inside 44C's rounding
        ((0, C, "0C"), (32, F, "32F"), Verdict.consistent),
        ((46.1, C, "46.1C"), (115, F, "115F"), Verdict.consistent),  # 46.1C is 114.98F
        # negative cases: another temperature
        ((44, C, "44C"), (115, F, "115F"), Verdict.conflict),  # 46.1C
        ((30, C, "30C"), (30, F, "30F"), Verdict.conflict),
        ((46.1, C, "46.1C"), (46.4, C, "46.4C"), Verdict.conflict),
    ],
)
def test_celsius_and_fahrenheit(first, second, verdict):
    a = _temp(*first, source="Northern Wire", article="a")
    b = _temp(*second, source="Valley Herald", article="b")
    assert judge_group([a, b]).verdict == verdict
    assert judge_group([b, a]).verdict == verdict


def test_group_figures_are_in_the_display_unit():
    g = judge_group([_temp(44, C, "44C", "Northern Wire", "a"), _temp(112, F, "112F", "Valley Herald", "b"),
                     _temp(44, C, "44C", "Harbour Times", "c")])
    assert g.unit == C
    assert (g.min, g.max) == (pytest.approx(44.0), pytest.approx(44.444, abs=1e-3))


def test_kelvin_and_metres_are_unchanged():
    a = claim(300, kind=Kind.measure, unit="kelvin", counted="temperature", text="300 K", source="A", article="a")
    b = claim(26.85, kind=Kind.measure, unit=C, counted="temperature", text="26.85C", source="B", article="b")
    assert judge_group([a, b]).verdict == Verdict.consistent


@pytest.mark.parametrize(("f", "verdict"), [("112F", "consistent"), ("118F", "conflict")])
def test_heatwave_end_to_end(f, verdict):
    arts = [
        Article(id="a", source="Northern Wire", published=DAY,
                text="SEVILLE (Northern Wire) - Temperatures in Seville reached 44C on Saturday, the weather "
                     "agency AEMET said."),
        Article(id="b", source="Valley Herald", published=DAY,
                text=f"Temperatures in Seville hit {f} on Saturday as the heatwave gripped Seville, forecaster "
                     "MeteoGroup said."),
    ]
    groups = [g for g in reconcile(arts) if any(c.article_id == "b" for c in g.claims)]
    assert [g.verdict.value for g in groups] == [verdict], [g.reason for g in groups]


def test_offset_units_are_the_units_pint_gives_an_offset():
    import json
    from importlib.resources import files

    from reconcile.judge import OFFSET_UNITS, _offset
    from reconcile.units import canonical_unit, get_registry

    lexicon = json.loads(files("reconcile.lexicons").joinpath("units.json").read_text(encoding="utf-8"))
    units = {u for table in ("words", "symbols") for u in lexicon[table].values() if isinstance(u, str)}
    temperatures = {canonical_unit(u) for u in units if u in get_registry()
                    and str(get_registry().parse_units(u).dimensionality) == "[temperature]"}
    temperatures |= {"kelvin", "degree_Rankine", "degree_Reaumur", "degree_Celsius", "degree_Fahrenheit"}
    assert {u for u in temperatures if _offset(u)} == OFFSET_UNITS
