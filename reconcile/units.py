"""The one pint ``UnitRegistry`` of the package, built once, cached on disk, shared by all.

Currency is its own dimension: every ISO 4217 code is a base unit of its own, so two
currencies are never converted into each other silently.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import TYPE_CHECKING

from reconcile.errors import UnitMismatch

if TYPE_CHECKING:  # pint is imported lazily: ``reconcile --help`` must start fast
    import pint

#: Currencies defined as dimensions of their own.  The lexicon maps symbols and names to these.
CURRENCIES = (
    "USD EUR GBP JPY CNY INR RUB UAH KRW KPW AUD CAD NZD CHF SEK NOK DKK PLN CZK HUF TRY ILS "
    "ZAR BRL MXN ARS SGD HKD TWD THB IDR MYR PHP VND PKR BDT NGN KES EGP SAR AED QAR IRR "
    "KZT AZN GEL CRC LAK MNT GHS PYG"
).split()


def _cache_folder() -> Path | None:
    folder = os.environ.get("RECONCILE_PINT_CACHE")
    if folder == "":
        return None
    base = Path(folder) if folder else Path.home() / ".cache" / "reconcile" / "pint"
    try:
        base.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return base


@functools.cache
def get_registry() -> "pint.UnitRegistry":
    """The shared registry (built on first use, then cached for the process and on disk)."""
    import pint

    folder = _cache_folder()
    try:
        ureg = pint.UnitRegistry(cache_folder=folder) if folder else pint.UnitRegistry()
    except Exception:  # a broken cache must never stop extraction
        ureg = pint.UnitRegistry()
    for code in CURRENCIES:
        if code not in ureg:
            ureg.define(f"{code} = [currency_{code}]")
    if "percentage_point" not in ureg:
        ureg.define("percentage_point = [percentage_point] = pp")
    return ureg


def canonical_unit(name: str) -> str:
    """pint's canonical name for a unit alias.

    >>> canonical_unit("km")
    'kilometer'
    >>> canonical_unit("USD")
    'USD'
    """
    if name in ("count", "percent", "ordinal") or name in CURRENCIES:
        return name
    ureg = get_registry()
    return str(ureg.parse_units(name))


@functools.lru_cache(maxsize=4096)
def _base_factor(unit: str) -> tuple[float, str, float]:
    """The size of one ``unit`` in base units, the base unit, and where the unit's zero lies in base
    units (0 but for units with an offset: a Celsius degree is one kelvin, 0 °C is 273.15 K)."""
    if unit in ("count", "percent", "ordinal", "percentage_point") or unit in CURRENCIES:
        return 1.0, unit, 0.0
    ureg = get_registry()
    zero = ureg.Quantity(0.0, unit).to_base_units()
    one = ureg.Quantity(1.0, unit).to_base_units()
    return float(one.magnitude - zero.magnitude), str(one.units), float(zero.magnitude)


def to_base(value: float, unit: str) -> tuple[float, str]:
    """Convert a value to the registry's base units: the key that makes km and miles comparable.

    >>> to_base(1.0, "kilometer")
    (1000.0, 'meter')
    >>> to_base(3.0, "GBP")
    (3.0, 'GBP')
    >>> round(to_base(44.0, "degree_Celsius")[0], 2), round(to_base(111.0, "degree_Fahrenheit")[0], 2)
    (317.15, 317.04)
    """
    factor, base, offset = _base_factor(unit)
    return value * factor + offset, base


def dimension_key(unit: str) -> str:
    """A string naming the unit's dimensionality; equal keys are comparable.

    >>> dimension_key("mile") == dimension_key("kilometer")
    True
    >>> dimension_key("USD") == dimension_key("EUR")
    False
    """
    if unit in ("count", "percent", "ordinal", "percentage_point"):
        return unit
    ureg = get_registry()
    return str(ureg.parse_units(unit).dimensionality)


def convert(value: float, unit: str, target: str) -> float:
    """Convert between compatible units; raises ``UnitMismatch`` otherwise (never across currencies)."""
    if unit == target:
        return value
    if dimension_key(unit) != dimension_key(target):
        raise UnitMismatch(f"cannot compare {unit} with {target}", unit=unit, target=target)
    ureg = get_registry()
    return float(ureg.Quantity(value, unit).to(target).magnitude)
