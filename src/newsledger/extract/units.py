"""A figure's unit in a form the ledger can compare: physical units converted by pint to one
unit per dimension ("13 kilometres" and "8 miles" both in metres), money by its ISO 4217 code
("pound sterling" GBP, "penny" a hundredth of GBP).

A claim keeps the unit as written (``unit``, quantulum3's name) and gains ``canonical_unit`` and
``to_canonical``, the factor that takes its value, bounds and starting value to that unit.
Counted nouns ("troops"), percentages, durations and temperatures (which need an offset, not a
factor) have none: they are compared as written.
"""

from __future__ import annotations

import re
from functools import lru_cache

DATA_UNITS = ("byte", "bit / second")
# quantulum3 unit names pint spells otherwise
PINT_NAMES = {
    "pound-mass": "pound", "pound-force": "pound_force", "newton metre": "newton * metre", "kilowatt hour": "kilowatt * hour",
    "nautical mile": "nautical_mile", "short ton": "short_ton", "troy ounce": "troy_ounce", "metric ton": "tonne",
    "long ton": "long_ton", "imperial gallon": "imperial_gallon", "fluid ounce": "fluid_ounce",
}  # fmt: skip
# what each dimension is compared in, the first a unit is compatible with; durations (compared as
# written), temperatures (an offset, not a factor) and anything else have none
PREFERRED = (
    "metre", "metre ** 2", "litre", "kilogram", "watt", "joule", "newton", "byte", "bit / second", "hertz",
    "metre / second", "pascal", "volt", "ampere",
)  # fmt: skip
# names quantulum3 gives that are no physical unit in news ("point": an index or a score, not 1/72 inch)
NOT_PHYSICAL = {"point", "pixel", "decade", "percentage", "percentage-point", "percentage point", "vote", "count",
                "year of age", "dimensionless"}  # fmt: skip

# currency names newsledger writes that quantulum3 does not code (each checked against babel's names in a test)
CURRENCY_CODES = {
    "hryvnia": "UAH", "rouble": "RUB", "Hong Kong dollar": "HKD", "Australian dollar": "AUD", "shekel": "ILS",
    "malaysian ringgit": "MYR", "nigerian naira": "NGN", "turkish lira": "TRY", "thai baht": "THB",
    "indonesian rupiah": "IDR", "danish krone": "DKK", "swedish krona": "SEK", "norwegian krone": "NOK",
    "singapore dollar": "SGD", "new zealand dollar": "NZD", "new taiwan dollar": "TWD", "real": "BRL",
    "polish zloty": "PLN", "hungarian forint": "HUF", "czech koruna": "CZK", "romanian leu": "RON",
    "vietnamese dong": "VND", "bangladeshi taka": "BDT", "ghanaian cedi": "GHS", "kazakhstani tenge": "KZT",
    "georgian lari": "GEL", "philippine peso": "PHP", "kenyan shilling": "KES", "ugandan shilling": "UGX",
    "tanzanian shilling": "TZS",
}  # fmt: skip
# a hundredth of a currency, named alone: "180p" is GBP 1.80
SUBUNITS = {"penny": ("GBP", 0.01)}


@lru_cache(maxsize=1)
def _registry():
    import pint

    return pint.UnitRegistry()


@lru_cache(maxsize=1)
def _quantulum_codes() -> dict[str, str]:
    from newsledger.extract.quantulum import qload

    names = qload.units("en").names
    return {name.lower(): u.currency_code for name, u in names.items() if getattr(u, "currency_code", None)}


def currency_code(unit: str) -> str | None:
    """The ISO 4217 code of a currency unit name ("pound sterling": GBP), else None."""
    return _quantulum_codes().get(unit.lower()) or CURRENCY_CODES.get(unit) or CURRENCY_CODES.get(unit.lower())


@lru_cache(maxsize=1024)
def symbol_name(symbol: str) -> str | None:
    """The name of a unit symbol pint knows ("mmol" -> "millimole", "dL" -> "decilitre"), spelled as
    the ledger writes units; None for anything else."""
    if not re.fullmatch(r"[^\W\d_]{1,6}\d?", symbol):
        return None
    try:
        unit = _registry().Unit(symbol)
    except Exception:  # pint's parse errors have no common base
        return None
    name = str(unit)
    if not re.fullmatch(r"[a-z_]+", name):  # a compound ("1 / second"), not one unit
        return None
    return name.replace("_", " ").replace("meter", "metre").replace("liter", "litre")


@lru_cache(maxsize=1024)
def qualified_name(modifier: str, unit: str) -> str | None:
    """rule qualified_unit: "nautical miles", "troy ounces", "imperial gallons", "statute miles": a
    word that makes a unit another unit of pint's own ("nautical_mile": 1,852 m, not a mile's
    1,609), spelled as the ledger writes units; None where pint has no such unit."""
    if not (modifier.isalpha() and unit.isalpha()):
        return None
    try:
        name = str(_registry().Unit(f"{modifier.lower()}_{unit.lower()}"))  # pint reads plurals: its own singular
    except Exception:  # pint's parse errors have no common base
        return None
    if not re.fullmatch(r"[a-z]+_[a-z_]+", name):
        return None
    return name.replace("_", " ").replace("meter", "metre").replace("liter", "litre")


def _pint_expression(unit: str) -> str:
    """A quantulum3 unit name as pint reads it: "mile per hour" -> "mile / hour", "square
    kilometre" -> "kilometre ** 2"."""
    expr = PINT_NAMES.get(unit, unit)
    expr = re.sub(r"\bsquare (\w+)", r"\1 ** 2", expr)
    expr = re.sub(r"\bcubic (\w+)", r"\1 ** 3", expr)
    return expr.replace(" per ", " / ")


@lru_cache(maxsize=4096)
def canonical(unit: str | None) -> tuple[str | None, float | None]:
    """The unit a figure is compared in and the factor to it: ("metre", 1609.344) for "mile",
    ("GBP", 1.0) for "pound sterling"; (None, None) where it has none."""
    if not unit or unit in NOT_PHYSICAL:
        return None, None
    code = currency_code(unit)
    if code:
        return code, 1.0
    if unit in SUBUNITS:
        return SUBUNITS[unit]
    ureg = _registry()
    try:
        q = ureg.Quantity(1.0, _pint_expression(unit))
    except Exception:  # pint's parse errors have no common base: a name it does not know is a counted noun
        return None, None
    # pint counts information as no dimension: a bit per second would pass for a hertz
    data = "bit" in unit or "byte" in unit
    target = next((u for u in PREFERRED if (u in DATA_UNITS) == data and q.is_compatible_with(u)), None)
    if target is None:
        return None, None
    return _spelled(target), float(f"{q.to(target).magnitude:.12g}")


def _spelled(units: str) -> str:
    """A pint expression as the ledger writes units ("metre ** 2" -> "square metre")."""
    out = re.sub(r"^(\w+) \*\* 2$", r"square \1", units)
    out = re.sub(r"^(\w+) \*\* 3$", r"cubic \1", out)
    return out.replace(" / ", " per ")
