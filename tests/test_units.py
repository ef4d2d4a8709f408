"""Units a figure is compared in (extract/units.py) and figure groups that mix written units."""

import pytest

from newsledger.extract.units import CURRENCY_CODES, canonical, currency_code
from newsledger.grammar.numbers import CURRENCIES, CURRENCY_WORDS
from newsledger.ledger.figures import group_figures


def test_physical_units_are_compared_in_one_unit_per_dimension():
    assert canonical("kilometre") == ("metre", 1000.0)
    assert canonical("mile") == ("metre", 1609.344)
    assert canonical("pound-mass")[0] == canonical("tonne")[0] == "kilogram"
    assert canonical("megawatt") == ("watt", 1e6)
    assert canonical("square kilometre") == ("square metre", 1e6)
    assert canonical("gigabyte") == ("byte", 1e9) and canonical("megabit per second") == ("bit per second", 1e6)
    assert canonical("mile per hour")[0] == canonical("kilometre per hour")[0] == "metre per second"


def test_what_has_no_factor_is_compared_as_written():
    # durations, temperatures (an offset), shares, index points and counted nouns
    for unit in ("year", "hour", "degree celsius", "percentage", "point", "troop", "people", None):
        assert canonical(unit) == (None, None)


def test_money_keeps_its_iso_code_and_pence_are_hundredths_of_a_pound():
    assert canonical("dollar") == ("USD", 1.0) and canonical("pound sterling") == ("GBP", 1.0)
    assert canonical("japanese yen")[0] == "JPY" and canonical("euro")[0] == "EUR"
    assert canonical("penny") == ("GBP", 0.01)


def test_the_written_currency_table_agrees_with_babels_currency_names():
    babel = pytest.importorskip("babel")
    names = babel.Locale("en").currencies
    for unit, code in CURRENCY_CODES.items():
        last = unit.lower().split()[-1].replace("rouble", "ruble")
        assert last in names[code].lower(), (unit, code, names[code])


def test_every_currency_newsledger_writes_has_a_code_unless_the_name_is_shared_by_many():
    shared = {"peso", "dirham", "riyal", "rupee", "sen"}  # many countries' currencies, or a hundredth of one
    for unit in {*CURRENCIES.values(), *CURRENCY_WORDS.values()}:
        assert currency_code(unit) or unit in shared, unit


def _claim(i, article, value, unit, approximate=False):
    return {"id": f"c{i}", "article_id": article * 16, "source": "s", "start": i, "end": i + 1, "sentence_start": 0,
            "text": "x", "value": value, "low": value, "high": value, "approximate": approximate, "unit": unit,
            "measure": "bypass", "actor": None, "attribution": None, "time_value": None, "published": None,
            "part_of": None, "about": ["Varenna"], "story_id": "s1", "canonical_unit": canonical(unit)[0],
            "to_canonical": canonical(unit)[1]}  # fmt: skip


def test_quantulum_is_asked_only_about_words_it_could_read_as_a_unit():
    from newsledger.extract.quantulum import might_name_unit

    assert might_name_unit("km/h") and might_name_unit("square feet") and might_name_unit("metres")
    assert might_name_unit("astronomical units")  # a name of two words, neither a unit alone
    assert not might_name_unit("people") and not might_name_unit("key reasons")


def test_figures_written_in_different_units_are_compared_in_one():
    near = [_claim(1, "a", 13, "kilometre"), _claim(2, "b", 8, "mile", approximate=True)]  # 13 km and ~12.9 km
    far = [_claim(1, "a", 13, "kilometre"), _claim(2, "b", 20, "mile")]  # 13 km and 32 km
    (g_near,) = group_figures(near, places=set())
    (g_far,) = group_figures(far, places=set())
    assert g_near.unit == "metre" and not g_near.relations and g_near.low == pytest.approx(12874.752)
    assert [r["kind"] for r in g_far.relations] == ["conflict"] and g_far.high == pytest.approx(32186.88)
    pence = [_claim(1, "a", 1.2, "pound sterling"), _claim(2, "b", 120, "penny")]  # £1.20 and 120p agree
    (g_money,) = group_figures([{**c, "measure": "ticket"} for c in pence], places=set())
    assert g_money.unit == "GBP" and not g_money.relations


def test_a_name_of_two_units_is_read_by_the_trained_chooser():
    from newsledger.extract.stage import extract_texts

    def unit_of(text: str) -> str:
        return extract_texts([("u1", "s", text)]).claims[0].unit

    assert unit_of("The club paid 4 million pounds for the striker.") == "pound sterling"
    assert unit_of("The bank lent the family 20,000 pounds to buy the house.") == "pound sterling"
    assert unit_of("The newborn calf weighed 90 pounds at birth.") == "pound-mass"
    assert unit_of("The box of apples weighs 40 pounds.") == "pound-mass"
    assert unit_of("In Beijing the jacket sells for ¥800 at Chinese department stores.") == "chinese yuan"
    assert unit_of("In Osaka a bowl of ramen costs ¥900 at most Japanese noodle bars.") == "japanese yen"
    assert unit_of("The charity raised £5,000 at the fair.") == "pound sterling"  # a sign says it: no choice
