"""Figures: the amount finder (grammar/numbers.py) and the figure grammar (extract/claims.py), by named rule."""

import pytest

from newsledger import nlp
from newsledger.extract.stage import extract_texts
from newsledger.grammar.numbers import find_amounts


def _one(text: str, published: str | None = None):
    return extract_texts([("a1", "test", text, published)])


def _figures(text):
    return [(c.text, c.value, c.unit, c.change, c.subject) for c in _one(text).claims]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "low", "high", "approx"),
    [
        (
            "The army sent an estimated 4,000 to 5,000 soldiers to the border.",
            "an estimated 4,000 to 5,000",
            None,
            4000,
            5000,
            True,
        ),
        ("More than 12,000 people fled the city.", "More than 12,000", 12000, 12000, None, False),
        ("The plan costs up to $3.2 billion.", "up to $3.2 billion", 3.2e9, None, 3.2e9, False),
        ("Nearly 40% of voters stayed home.", "Nearly 40%", 40, None, 40, True),
        ("Tens of thousands of residents lost power.", "Tens of thousands", None, 10000, 100000, True),
        ("Some three hundred and fifty sailors were rescued.", "Some three hundred and fifty", 350, 350, 350, True),
        ("The region lost 4 hundred million dollars.", "4 hundred million", 4e8, 4e8, 4e8, False),
    ],
)
def test_amounts_values_ranges_and_bounds(sentence, text, value, low, high, approx):
    (am,) = find_amounts(sentence)
    assert (am.text, am.value, am.low, am.high, am.approximate) == (text, value, low, high, approx)


def test_dates_times_years_and_names_are_not_figures():
    assert find_amounts("The pact was signed on June 19, 2024 at 10:30 in Pyongyang during the G-20 summit in 2019.") == []
    assert find_amounts("Trading resumed at 9.45pm after the Kick Six replay, as COVID -19 cases rose from 2009 levels.") == []


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Almost a third of the ships were turned back.", 1 / 3, None),
        ("Two-thirds of the voters backed the plan.", 2 / 3, None),
        ("The convoy carried a 2.4-litre engine block.", 2.4, "litre"),
        ("The 58-year-old commander was dismissed.", 58, "year of age"),
        ("Exports grew sixfold last year.", 6, "count"),
        ("The city rolled out 5G coverage.", 5, "generation wireless"),
        ("Investors lost S $1.2mil in the scheme.", 1.2e6, None),
    ],
)
def test_fractions_hyphen_units_and_glued_scales(sentence, value, unit):
    (am,) = find_amounts(sentence)
    assert am.value == pytest.approx(value) and am.unit == unit


def test_a_figure_that_moved_keeps_the_value_it_moved_from():
    (claim,) = _one("The price of wheat fell from $310 a tonne in May to $275 in June.").claims
    assert (claim.from_value, claim.value, claim.change) == (310, 275, "down")
    assert claim.unit == "dollar per tonne" and claim.text.startswith("$310") and claim.text.endswith("$275")
    # no verb of change near it, but a "from ... to" that goes down is a move, never a range
    (claim,) = _one("Output across the region has been forecast to slow from 4.8 to 4.7 percent.").claims
    assert (claim.from_value, claim.value, claim.unit, claim.change) == (4.8, 4.7, "percentage", "down")
    seven, eight = _one("All models gained a 7- or 8-inch touchscreen.").claims  # the unit written once
    assert [(c.value, c.unit) for c in (seven, eight)] == [(7, "inch"), (8, "inch")]
    (orbits,) = [c for c in _one("The probe circled the Red Planet more than 3200 times.").claims if c.value == 3200]
    assert orbits.low == 3200  # after a bound, a capitalised word before is not a model name ("Boeing 777")
    (claim,) = _one("Mileage rose from 20 miles per gallon in 2008 to 29 mpg in 2020.").claims
    assert (claim.from_value, claim.value, claim.unit) == (20, 29, "mile per gallon")  # "2008 to 29" is no range
    assert not _one("The season ran from 2018-19 to 2020-21.").claims
    was, now = _one("Mileage rose from about 14-18 mpg to 24 for sport utility vehicles.").claims
    assert (was.low, was.high, now.value, now.unit, now.change) == (14, 18, 24, "mile per gallon", "up")  # from a range
    (few,) = _one("Several hundred protesters gathered outside.").claims
    assert (few.low, few.high, few.approximate) == (200, 1000, True)  # not "hundred" alone
    (claim,) = _one("The clinic cut its error rate to .001 per cent.").claims  # a decimal written without its zero
    assert (claim.value, claim.unit) == (0.001, "percentage")


def test_units_written_after_the_number_and_ages():
    claims = _one("The fund raised 280 million shekels, and the grid held 49.8 Hz.").claims
    assert [(c.value, c.unit) for c in claims] == [(2.8e8, "shekel"), (49.8, "hertz")]
    (age,) = _one("Rescuers found Maria Lopez, 71, alive in the rubble.").claims
    assert (age.value, age.unit) == (71, "year of age")
    (temp,) = _one("Temperatures fell to minus 40 degrees Fahrenheit overnight.").claims
    assert (temp.value, temp.unit) == (-40, "fahrenheit")
    assert [(c.value, c.unit) for c in _one("Water boils at 100 C, and the air force bought 40 F-16 jets.").claims] == [
        (100, "celsius"),
        (40, "jet"),
    ]
    bottles = _one("The plant will make eight million 250ml bottles of sanitiser.").claims
    assert [(c.value, c.unit) for c in bottles] == [(8e6, "bottle"), (250, "millilitre")]
    heat = _one("It was 41 deg C in the shade, and the V8 Torque Edition makes 650 pound-feet.").claims
    assert [(c.value, c.unit, c.subject) for c in heat] == [(41, "celsius", None), (650, "pound-foot", "V8 Torque Edition")]
    # "£" as ASCII transliteration writes it: money only with a scale word ("PS5" is a games console)
    pay = _one("He took a PS2.5m bonus and bought a PS5 for his son.").claims
    assert [(c.value, c.unit) for c in pay] == [(2.5e6, "pound sterling")]
    (km,) = [c for c in _one("It will serve 8 miles (13 kilometers) of new tunnels.").claims if c.value == 13]
    assert km.subject == "new tunnels"  # the "of" after the brackets


def test_figure_lists_multiples_shared_units_and_adjectival_counts():
    pair = _one("The state paid $3.5 million and the city $1 million for the repairs.").claims
    assert [(c.value, c.unit) for c in pair] == [(3.5e6, "dollar"), (1e6, "dollar")]  # two figures, not a backwards range
    (rent,) = _one("They have a $3500 a month mortgage.").claims
    assert (rent.value, rent.unit) == (3500, "dollar per month")  # "a $": the article, not Australian dollars
    raised = _one("He has raised 280 million of the 1.5 billion shekels he needs.").claims
    assert [(c.value, c.unit) for c in raised] == [(2.8e8, "shekel"), (1.5e9, "shekel")]
    (pe,) = _one("The stock trades at 6.5 times earnings.").claims
    assert (pe.value, pe.unit, pe.subject) == (6.5, "count", "earnings")
    doc, bps = _one("Investigators read the 12 page report, which found a 60 basis point improvement.").claims
    assert (doc.unit, bps.unit) == ("page", "basis point")
    officers, fans = _one("About 5,000 police officers met 1,307,000 Americans.").claims
    assert (officers.unit, fans.unit) == ("officer", "american")  # a plural head is what is counted
    (neck,) = _one("The neck is 25.5″ long.").claims
    assert (neck.value, neck.unit) == (25.5, "inch")


def test_subject_is_what_the_figure_is_a_value_of():
    (rev,) = _one("Quarterly revenue rose 12% after the merger.").claims
    assert rev.subject == "Quarterly revenue"
    (share,) = _one("Nearly 24 per cent of adults said they did not trust banks.").claims
    assert share.subject == "adults"
    (users,) = _one("The platform, which has more than 300 million users, was fined.").claims
    assert users.subject == "platform" and users.unit == "user"
    (stores,) = _one("Walmart is expanding quickly, and it now has 300 stores in Mexico.").claims
    assert stores.subject == "Walmart"  # "it" stands for the organisation named before
    fallers = _one("The biggest fallers were Unite Group, down 68p at 1112p, and Burlington by 2.6%.").claims
    assert [c.subject for c in fallers] == ["Unite Group", "Unite Group", "Burlington"]  # a market report's list
    (held,) = _one(
        "The bank will start charging a fee in December for customers with more than 7.5 million Danish crowns."
    ).claims
    assert held.subject == "customers"  # a figure in a noun's "with" phrase is that noun's
    litres, _ = _one("The car has a 2.4-litre 4-cylinder engine.").claims
    assert litres.subject == "engine"  # "-cylinder", written onto a number, is no part of the name
    (raised,) = _one("Ben-Moshe has raised 280 million shekels.").claims
    assert raised.subject == "Ben-Moshe"
    (deal,) = _one("Some of the best deals include $550 off a laptop.").claims
    assert deal.subject == "best deals"  # the whole a quantifier takes a part of, not "Some"
    _, deep = _one("The rubble spread for some two miles, as feared, but most settled in a canal, only 12 feet deep.").claims
    assert deep.subject == "rubble"  # "most" of the subject of the clause it is joined to
    (reach,) = _one("The new model will have a range of 400 kilometres.").claims
    assert reach.subject == "range of new model"  # a vehicle's range; "a range of 10 to 20" names nothing
    (reach,) = _one("It will have a range of 400 kilometres.").claims
    assert reach.subject == "range"  # a pronoun holds nothing to name
    (height,) = _one("The helicopter was flying at an altitude of 300 feet when it was hit.").claims
    assert height.subject == "altitude of helicopter"  # a measure that says nothing alone: whose it is
    _, close = _one("The main index edged down 0.3% to a close of 7,425.81 points.").claims
    assert close.subject == "close of main index"
    (fee,) = _one("Viewers slammed the company for hiking subscription fees by up to £24 a year.").claims
    assert fee.subject == "subscription fees"  # what a verb with no subject of its own moved
    (rate,) = _one("The Japanese yen also saw further strengthening to trade at 132.86 against the dollar.").claims
    assert rate.subject == "Japanese yen"  # through a clause with no subject to the verb that has one
    (saved,) = _one("If patients paid the same as those in the public system it would save $500 million").claims
    assert saved.subject != "public system"  # a noun before the clause's own pronoun subject is another clause's
    # a figure with its unit written before a noun describes that noun, not the clause's subject
    cap, stake = _one("The firm offered a plan with a 60GB data cap and lenders took a 51 per cent stake.").claims
    assert (cap.subject, stake.subject) == ("data cap", "stake")  # the unit's own words are no part of it
    (rent,) = _one("They pay a $1,200 a month mortgage.").claims
    assert (rent.unit, rent.subject) == ("dollar per month", "mortgage")  # past a rate to the noun
    (students,) = _one("There are 28,000 students enrolled at Leiden University.").claims
    assert students.subject == "Leiden University"  # where an existential "there are" counts
    (cases,) = _one("There were 300 cases in March.").claims
    assert cases.subject is None  # a time is no place
    (crude,) = _one("Brent crude peaked at over $76 US a barrel in October.").claims
    assert crude.subject == "Brent crude"  # "US" after the amount is the currency's, not a noun it describes
    _, ports = _one("More than 74,000 metric tons of fuel were shipped from two ports.").claims
    assert ports.subject == "fuel"  # a measured subject: what it measures, not "metric tons"
    fallers = _one("At noon: Dow +0.2% S&P 500 +0.3% Nasdaq +0.8%.").claims
    assert [c.subject for c in fallers] == ["Dow", "S&P 500", "Nasdaq"]  # a market list with signs
    (age,) = _one("Rimasauskas, a 50 year-old man from Lithuania, pled guilty.").claims
    assert age.subject != "year-old"  # the unit's own word describes nothing


def test_figure_with_unit_measure_and_attribution():
    facts = _one("The rebels lost about 1,200 fighters in March, Western intelligence officials told reporters.")
    (claim,) = facts.claims
    assert claim.value == 1200 and claim.approximate
    assert claim.unit == "fighter" and claim.measure == "fighters"
    assert claim.attribution == "Western intelligence officials"
    assert claim.time == "March"
    assert claim.span.sentence.startswith("The rebels lost") and claim.span.start == claim.span.sentence.index("about")


def test_vague_plural_counts_the_noun_after_of():
    (claim,) = _one("Tens of thousands of civilians fled the city, aid groups said.").claims
    assert (claim.low, claim.high, claim.unit, claim.measure) == (10000, 100000, "civilian", "civilians")
    assert claim.attribution == "aid groups"


def test_money_and_according_to():
    (claim,) = _one("Each missile costs $400,000, according to the Center for Arms Control.").claims
    assert claim.unit == "dollar" and claim.value == 400000
    assert claim.attribution == "Center for Arms Control"


def test_that_figure_takes_the_measure_of_the_last_figure_in_its_unit():
    text = (
        "In 2021, the ministry paid an average of $900 for one such radio, a procurement official said. "
        "In 2024, that figure came down to about $400, the official added."
    )
    money = [c for c in _one(text).claims if c.unit == "dollar"]
    assert [(c.value, c.measure) for c in money] == [(900, "radio"), (400, "radio")]


def test_singular_nouns_keep_their_form_as_lemma():
    from newsledger.extract.language import lemma

    doc = nlp.load_parser()("The business crisis hit the bus fleets and the gas analysis.")
    lemmas = {t.text: lemma(t) for t in doc}
    assert [lemmas[w] for w in ("business", "crisis", "bus", "gas", "analysis", "fleets")] == [
        "business", "crisis", "bus", "gas", "analysis", "fleet"
    ]  # fmt: skip


def test_a_number_after_a_name_can_be_a_size_or_an_age_and_from_up_to_is_a_range():
    (size, _) = _one("The Zenbook Pro 16 inch costs exactly $2000.").claims
    assert (size.value, size.unit) == (16, "inch")  # a unit after it: no model number
    (age, _) = _one("John Miller 44 has spent the last 200 days in orbit.").claims
    assert (age.value, age.unit) == (44, "year of age")
    assert [c.value for c in _one("The Boeing 777 landed safely.").claims] == []  # a model number stays a name
    (sizes,) = _one("Flats will come in sizes starting from 450 sq ft up to 900 sq ft.").claims
    assert (sizes.low, sizes.high, sizes.value, sizes.change) == (450, 900, None, None)


def test_a_bare_number_joined_to_a_figure_counts_the_same_thing():
    _, sold, tendered = _one("The three blocks will offer 435 homes by open sale and 187 by tender.").claims
    assert (sold.value, sold.unit, tendered.value, tendered.unit) == (435, "home", 187, "home")


def test_a_figure_is_a_rise_or_fall_only_where_the_word_of_change_governs_it():
    assert _one("Prices may ease off, because the harvest of 40 farms came in early.").claims[0].change is None
    assert _one("Officials pointed to growing trade between the two countries.").claims[0].change is None
    (toll,) = _one("The death toll rose sharply over the week to 19.").claims
    assert toll.change == "up"  # the clause's own verb, words apart
    (price,) = _one("In 2025, the price came down to about $70,000.").claims
    assert price.change == "down"
    rise, level = _one("Shares of the retailer were up 9.4 per cent to $84.").claims
    assert (rise.change, level.change) == ("up", "up")  # the level the move reached


def test_rule_move_to_level_a_percent_change_then_the_level_reached():
    assert _figures("Orvane rose 8.15% to 3.65.")[:2] == [
        ("8.15%", 8.15, "percentage", "up", "Orvane"),
        ("3.65", 3.65, None, "up", "Orvane"),
    ]
    got = _figures("Shares of Pellmark slid 12 per cent to 4.10 in early trading.")
    assert [(t, v, ch) for t, v, _, ch, _ in got] == [("12 per cent", 12.0, "down"), ("4.10", 4.1, "down")]


def test_rule_market_list_and_signed_move():
    got = _figures("In early trade: Toplex -0.8% Vardi 500 -1.2% Kestrel +0.4%.")
    assert [(v, ch, subj) for _, v, _, ch, subj in got] == [
        (-0.8, "down", "Toplex"),
        (-1.2, "down", "Vardi 500"),
        (0.4, "up", "Kestrel"),
    ]
    got = _figures("Across the region, Halden Index -2.1%, Ostby 40 +0.7%.")
    assert [(v, ch) for _, v, _, ch, _ in got] == [(-2.1, "down"), (0.7, "up")]


def test_a_negative_figure_after_a_lowercase_word_is_a_figure_and_a_code_after_a_name_is_not():
    assert _figures("The temperature fell to -5 degrees overnight.")[0][:3] == ("-5", -5.0, "degree")
    assert _figures("Overnight lows of -12 degrees were recorded.")[0][1] == -12.0
    assert _figures("The Varno -19 virus spread.") == []


def test_rule_dotted_abbreviation_and_cased_symbols():
    assert _figures("The car's top speed is about 80 m.p.h.")[0][1:3] == (80.0, "mile per hour")
    assert _figures("Trains reach 300 k.p.h. on the new line.")[0][1:3] == (300.0, "kilometre per hour")
    assert _figures("The deal was worth $5m.")[0][1:3] == (5_000_000.0, "dollar")
    assert _figures("The engine makes 400 Nm of torque.")[0][2] == "newton metre"
    assert _figures("The chip uses a 5 nm process.")[0][2] == "nanometre"
    assert _figures("The plant produces 600 MW of power.")[0][2] == "megawatt"


def test_rule_subject_count_a_plural_subject_is_what_a_bare_number_counts():
    assert _figures("Casualties have exceeded 4,700, including around 600 deaths.")[0][:3] == ("4,700", 4700.0, "casualty")
    assert _figures("Arrests topped 1,200 by the weekend.")[0][:3] == ("1,200", 1200.0, "arrest")
    assert _figures("Deaths rose above 300 on Monday.")[0][1:3] == (300.0, "death")
    assert _figures("Prices rose 5 on Monday.") == []  # a rise by 5 counts no prices


def test_wire_yen_and_glued_watts():
    assert _figures("Toyota shares closed at Y=2,450.")[0][1:3] == (2450.0, "japanese yen")
    assert _figures("Its stock slipped 1 percent to Y=3,100 in Tokyo.")[1][1:3] == (3100.0, "japanese yen")
    got = _one("Bulbs draw between 3W and 5W.").claims[0]
    assert (got.low, got.high, got.unit) == (3.0, 5.0, "watt")
    assert _figures("The charger delivers 65W.")[0][1:3] == (65.0, "watt")


def test_rule_comparative_difference_a_figure_followed_by_a_comparative_is_a_rise_or_fall_by_it():
    assert _figures("The hybrid costs about 20k less than the diesel version.")[0][1:4] == (20_000.0, None, "down")
    got = _figures("The depot will hire 900 drivers, 150 fewer than first promised.")
    assert [(v, u, ch) for _, v, u, ch, _ in got] == [(900.0, "driver", None), (150.0, "driver", "down")]
    got = _figures("Rents were 6% higher than a year earlier, and deposits 3% lower.")
    assert [(v, ch) for _, v, _, ch, _ in got] == [(6.0, "up"), (3.0, "down")]
    assert _figures("More than 400 riders took part.")[0][3] is None  # a comparative before the figure is a bound


def test_rule_score_two_numbers_of_a_match_result_are_no_range():
    assert _figures("Halden sealed a 3-1 win over Ostby.") == []
    assert [f[0] for f in _figures("The rivals played out a 2-2 draw before 5,000 fans.")] == ["5,000"]
    assert _figures("The final ended 0-0 in the rain.") == []
    assert _figures("Between 10-20 boats were damaged.")[0][0] == "Between 10-20"  # no result: still a range


def test_every_figure_and_time_names_the_rule_that_read_it():
    rules = {c.text: c.rule for c in _one("Casualties have exceeded 4,700 after the fund paid $5m to 40 families.").claims}
    assert rules == {"4,700": "subject_count", "$5m": "currency", "40": "counted_noun"}
    rules = {c.text: c.rule for c in _one("The tram costs about 20k less and the average wait reached 35 last week.").claims}
    assert rules == {"about 20k": "comparative_difference", "35": "value_context"}
    times = {t.text: t.rule for t in _one("The ferry left on Monday, three days after March 4, 2021.", "2021-03-10").times}
    assert times["Monday"] == "weekday" and times["March 4, 2021"] == "explicit_date"


def test_rule_to_preposition_money_to_a_number_of_things_is_two_figures_not_a_range():
    got = _figures("The charity paid $2m to 60 families after the flood.")
    assert [(t, v, u) for t, v, u, *_ in got] == [("$2m", 2_000_000.0, "dollar"), ("60", 60.0, "family")]
    got = _figures("The council gave $40 to 250 households each month.")
    assert [(t, v) for t, v, *_ in got] == [("$40", 40.0), ("250", 250.0)]
    assert _figures("Tickets cost $5 to $8 each.")[0][0] == "$5 to $8"  # money to money is a range


@pytest.mark.parametrize(
    ("sentence", "forms"),
    [
        ("A third of the wells ran dry.", ["fraction"]),
        ("Almost half the staff left.", ["fraction"]),
        ("Sales rose fourfold.", ["fold"]),
        ("Imports grew 3-fold in a decade.", ["fold"]),
        ("Dozens of boats sank.", ["vague"]),
        ("Tens of thousands marched.", ["vague"]),
        ("The bridge cost $40m.", ["single"]),
        ("Only 12 ferries sail.", ["single"]),
        ("Between 300 and 400 miners were trapped.", ["range"]),
        ("They hired 20 to 30 guards.", ["range"]),
        ("Shares of Velto rose 6.2% to 18.40.", ["move_to_level", "move_to_level"]),
        ("Oil firms lost 2 percent to 77.", ["move_to_level", "move_to_level"]),
        ("The charity gave $9m to 300 schools.", ["to_preposition", "to_preposition"]),
        ("Fares jumped from 40 to 55 cents.", ["move", "move"]),
        ("The club signed 3 and 4 players in its last windows.", ["joined_and", "joined_and"]),
        ("Votes for 120 and 95 seats were counted.", ["joined_and", "joined_and"]),
        ("Tickets cost $12 or $8 for children.", ["alternatives_or", "alternatives_or"]),
        ("Profit climbed 4% to $2bn.", ["move_to_level", "move_to_level"]),
        ("The coin traded between $5 and €6 last week.", ["mixed_units", "mixed_units"]),
        ("Fees of 3% or $40 apply.", ["mixed_units", "mixed_units"]),
    ],
)
def test_every_amount_names_the_form_that_read_it(sentence, forms):
    assert [a.form for a in find_amounts(sentence)] == forms


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("The talks began on March 3 in Oslo.", "day_of_month"),
        ("The ceasefire started on 14 August.", "day_of_month"),
        ("The ferry leaves at 10:30 each day.", "clock_or_ordinal"),
        ("The talks resumed at 9 o'clock.", "clock_or_ordinal"),
        ("He joined Team Seven last spring.", "capitalised_number_word"),
        ("They called the squad the Magnificent Seven.", "capitalised_number_word"),
        ("Cases of COVID -19 fell.", "name_with_number"),
        ("The mill closed in 1998.", "year"),
        ("In 1970 the port lost its last ferry.", "year"),
        ("The 2016-17 season was short.", "year_span"),
        ("They flew a Boeing 737 to Lima.", "model_number"),
        ("He cited Article 50 of the treaty.", "model_number"),
        ("The song reached #4 in the charts.", "number_sign"),
    ],
)
def test_what_is_not_a_figure_names_its_rule(sentence, rule):
    from newsledger.grammar.numbers import AMOUNT, not_a_figure

    first = next(m for m in AMOUNT.finditer(sentence) if m.group(0).strip())
    assert not_a_figure(sentence, first) == rule
    assert find_amounts(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    ["Joblessness rose in April from 3.8% a year earlier.", "In May 120 workers were laid off at the plant."],
)
def test_rule_day_of_month_needs_a_whole_number_a_month_can_hold(sentence):
    assert len(find_amounts(sentence)) == 1  # a percent or a number past 31 beside a month's name is a figure
    assert find_amounts("The vote is on May 12 in the capital.") == []


@pytest.mark.parametrize(
    ("sentence", "value", "was", "change"),
    [
        ("The jobless rate climbed to 5.2% in June from 4.9% in May.", 5.2, 4.9, "up"),
        ("Exports fell to $3.1bn from $3.6bn a year earlier.", 3.1e9, 3.6e9, "down"),
        ("Inflation edged up to 2.4% from 2.2%.", 2.4, 2.2, "up"),
    ],
)
def test_rule_to_from_move_the_level_reached_then_where_it_came_from(sentence, value, was, change):
    (claim,) = _one(sentence).claims
    assert (claim.value, claim.from_value, claim.change, claim.rule) == (value, was, change, "to_from_move")


def test_rule_particle_up_to_after_a_verb_of_motion_is_no_bound():
    (moved,) = find_amounts("Fares have gone up to £4.20 on most routes.")
    assert (moved.text, moved.low, moved.high) == ("£4.20", 4.2, 4.2)
    (revised,) = find_amounts("Growth was revised up to 1.9% on Friday.")
    assert (revised.low, revised.high) == (1.9, 1.9)
    for bound in ("Floods killed up to 20 people.", "The ferry carries up to 300 cars."):
        (am,) = find_amounts(bound)
        assert am.low is None and am.high in (20, 300)


@pytest.mark.parametrize(
    ("sentence", "change"),
    [
        ("The index slipped 0.4% in early trade.", "down"),
        ("Shares of the airline lost 3% on Monday.", "down"),
        ("The currency shed 1.2% against the euro.", "down"),
        ("The Dow added 0.7% by the close.", "up"),
        ("Copper rallied 2% after the report.", "up"),
    ],
)
def test_market_verbs_of_rise_and_fall(sentence, change):
    (claim,) = _one(sentence).claims
    assert claim.change == change


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("Bond yields jumped 15 basis points.", "basis point"),
        ("The central bank cut its rate by 50bps.", "basis point"),
        ("The new reserve covers 80 sq km of wetland.", "square kilometre"),
        ("The sensor measures 36 sq mm.", "square millimetre"),
    ],
)
def test_news_units_quantulum_does_not_name(sentence, unit):
    (claim,) = [c for c in _one(sentence).claims]
    assert claim.unit == unit


@pytest.mark.parametrize(
    ("sentence", "value", "measure"),
    [
        ("Two soldiers were killed and dozens injured at the checkpoint.", None, "injured"),
        ("Police said 14 were arrested after the march.", 14, "arrested"),
        ("At least nine dead after the ferry capsized, officials said.", 9, "dead"),
    ],
)
def test_rule_casualty_count_a_number_before_what_befell_people_counts_people(sentence, value, measure):
    claims = _one(sentence).claims
    (hit,) = [c for c in claims if c.rule == "casualty_count"]
    assert (hit.unit, hit.measure) == ("people", measure) and (value is None or hit.value == value)


def test_rule_partitive_of_them_is_a_part_of_the_figure_before():
    whole, part = _one("The clinic saw 80 children, 12 of them with burns.").claims
    assert (part.value, part.unit, part.part_of, part.rule) == (12, "child", whole.id, "partitive")
    whole, part = _one("Officers seized 300 phones, 40 of which were stolen.").claims
    assert (part.unit, part.part_of) == ("phone", whole.id)
    _, half = _one("The firm has 600 staff, almost half of whom work abroad.").claims
    assert half.unit != "staff"  # a share of them stays a share


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("About one in five drivers admitted speeding.", 0.2), ("Nearly 1 in 4 homes has no broadband.", 0.25),
     ("Two out of every three voters backed the plan.", 2 / 3)],
)  # fmt: skip
def test_rule_ratio_a_share_written_as_one_in_n(sentence, value):
    (am,) = find_amounts(sentence)
    assert am.form == "ratio" and am.value == pytest.approx(value)
    assert [a.form for a in find_amounts("He scored 1 in 10 minutes.")] == ["single", "single"]  # a time, no share


def test_a_value_measured_or_registered_is_a_figure():
    for sentence in ("The tremor measured 5.9 on the Richter scale.", "The quake registered 7.1, officials said."):
        (claim,) = _one(sentence).claims
        assert claim.rule == "value_context"


def test_plural_nouns_spacys_exceptions_misread():
    (tax,) = _one("The firm paid 40 taxes last year.").claims
    (dose,) = _one("The clinic gave 900 doses on Monday.").claims
    assert (tax.unit, dose.unit) == ("tax", "dose")


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("Light covers 3 x 10^8 metres a second.", 3e8), ("The flask held 6.02×10²³ molecules.", 6.02e23),
     ("The culture grew to 1.5e6 cells.", 1.5e6)],
)  # fmt: skip
def test_rule_scientific_notation(sentence, value):
    (am,) = find_amounts(sentence)
    assert am.form == "scientific" and am.value == value


@pytest.mark.parametrize(
    ("sentence", "code"),
    [("A ticket costs 45 zloty.", "PLN"), ("The fine was 200,000 forints.", "HUF"), ("Rent rose to 9,000 koruna.", "CZK")],
)
def test_currencies_written_as_words_keep_their_iso_code(sentence, code):
    (claim,) = _one(sentence).claims
    assert claim.canonical_unit == code


def test_rule_glued_degrees_a_capital_c_or_f_after_the_number():
    assert [(a.value, a.unit) for a in find_amounts("Temperatures fell to -12C overnight.")] == [(-12, "celsius")]
    assert [(a.value, a.unit) for a in find_amounts("Highs of 95F are expected in Dallas.")] == [(95, "fahrenheit")]
    assert find_amounts("Apple cut the price of the iPhone 5C again.") == []  # a model's name
    assert find_amounts("The dividend is 5c a share.") == []  # a lower-case c is no degree


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("Half a million people fled the floods.", 5e5), ("A quarter of a million homes lost power.", 2.5e5),
     ("About a million voters stayed home.", 1e6), ("Nearly three-quarters of a million tickets were sold.", 7.5e5)],
)  # fmt: skip
def test_rule_scaled_fraction_and_a_million(sentence, value):
    (claim,) = _one(sentence).claims
    assert claim.value == value and claim.unit not in (None, "percentage")


def test_a_figure_before_of_the_is_a_part_of_the_one_after():
    part, whole = _one("Only 12 of the 40 trains ran on time.").claims
    assert part.part_of == whole.id and whole.part_of is None
    share, whole = _one("Roughly a quarter of the 500 recruits deserted.").claims
    assert share.part_of == whole.id


def test_rule_casualty_toll_and_elliptical_bound():
    for sentence in ("The death toll rose to 40 on Sunday.", "Officials put the number of dead at about 300."):
        (claim,) = _one(sentence).claims
        assert (claim.unit, claim.rule) == ("people", "casualty_toll")
    _, rest = _one("The shelter held 900 families; now it holds fewer than 200.").claims
    assert (rest.unit, rest.rule) == ("family", "elliptical_bound")
    _, rest = _one("Some 50 ships sailed, and more than 30 returned.").claims
    assert rest.unit == "ship"


def test_a_figure_never_has_an_empty_subject():
    claims = _one("Each missile costs roughly $1m, compared with $35,000 for a drone.").claims
    assert all(c.subject is None or c.subject.strip() for c in claims)


@pytest.mark.parametrize(
    ("sentence", "value", "was", "change"),
    [("Turnout was 67.3%, up from 61.1% at the last election.", 67.3, 61.1, "up"),
     ("Profit came in at $3.1bn, down from $3.6bn a year earlier.", 3.1e9, 3.6e9, "down")],
)  # fmt: skip
def test_rule_up_from_a_level_then_the_one_it_moved_from(sentence, value, was, change):
    (claim,) = _one(sentence).claims
    assert (claim.value, claim.from_value, claim.change, claim.rule) == (value, was, change, "up_from")


def test_rules_tally_and_same_way():
    _, against = _one("The motion passed by 320 votes to 289.").claims
    assert (against.unit, against.rule) == ("vote", "tally")
    _, level = _one("The index rose 20 points to 340 on Friday.").claims
    assert level.unit == "point"
    month, year = _one("Sales were down 1.5% on the month and 4.6% on the year.").claims
    assert (month.change, year.change) == ("down", "down")
    a, b = _one("Exports rose 3% in March and 5% in April.").claims
    assert (a.change, b.change) == ("up", "up")


@pytest.mark.parametrize(
    ("sentence", "pct", "level"),
    [("Net income fell 8% to €310m, the lender said.", 8.0, 310e6),
     ("Operating profit climbed 15 per cent to £96m in the half.", 15.0, 96e6)],
)  # fmt: skip
def test_a_percent_change_never_takes_the_scale_of_the_level_after_it(sentence, pct, level):
    change, reached = find_amounts(sentence)
    assert (change.value, change.percent, reached.value) == (pct, True, level)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("The mast stands 45 m high above the deck.", 45.0), ("A 6.5m-long crocodile was caught near the dam.", 6.5),
     ("The new tower is 330m tall.", 330.0), ("Divers found the wreck 60 m below sea level.", 60.0)],
)  # fmt: skip
def test_rule_extent_metres_an_m_before_a_word_of_size_is_metres(sentence, value):
    (am,) = find_amounts(sentence)
    assert (am.value, am.unit) == (value, "metre")
    (viewers,) = find_amounts("The final drew 6.5m viewers, 45m more than the semi.")[:1]
    assert viewers.value == 6.5e6 and viewers.unit is None


def test_rule_ordinal_word_an_ordinal_before_its_noun_is_no_fraction():
    assert find_amounts("The mayor won a third term in office.") == []
    assert find_amounts("Factory output grew for a fourth straight month.") == []
    assert [a.value for a in find_amounts("A third of voters remain undecided.")] == [pytest.approx(1 / 3)]
    assert [a.value for a in find_amounts("Rents have fallen by a fifth since the spring.")] == [0.2]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [("The airline cut fares by 5% on its busiest routes.", "fares"),
     ("The new pill lowered blood pressure by 12 points in the trial.", "blood pressure"),
     ("The central bank raised its main rate to 4.5% on Thursday.", "its main rate")],
)  # fmt: skip
def test_rule_changed_object_a_verb_that_moves_its_object_gives_the_figure_to_the_object(sentence, subject):
    (claim, *_) = _one(sentence).claims
    assert claim.subject == subject
    (claim,) = _one("Fares rose by 5% on the busiest routes.").claims
    assert claim.subject == "Fares"


def test_rule_period_on_period_names_the_basis_not_what_the_figure_counts():
    _, growth = _one("Unemployment held at 4.1%, while pay growth slowed to 5.2% year on year.").claims
    assert (growth.subject, growth.measure, growth.unit) == ("pay growth", None, "percentage")
    (retail,) = _one("Retail sales rose 0.8% month-on-month in October.").claims
    assert retail.subject == "Retail sales" and retail.measure is None


@pytest.mark.parametrize(
    ("sentence", "value", "done"),
    [("The explosion injured 45 people and killed 12.", 12, "killed"),
     ("Landslides have displaced 3,000 across the province.", 3000, "displaced"),
     ("Officers arrested at least 23 after the final.", 23, "arrested")],
)  # fmt: skip
def test_rule_casualty_object_a_bare_number_a_verb_of_harm_takes_counts_people(sentence, value, done):
    claim = _one(sentence).claims[-1]
    assert (claim.value, claim.unit, claim.measure, claim.rule) == (value, "people", done, "casualty_object")


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [("The state will spend Rs 1,500 crore on new schools.", 1.5e10, "rupee"),
     ("Each victim's family will receive ₹4 lakh.", 4e5, "indian rupee"),
     ("More than 12 lakh pilgrims attended the festival.", 1.2e6, None)],
)  # fmt: skip
def test_lakh_and_crore_are_scales_and_the_rupee_sign_is_a_currency(sentence, value, unit):
    (am,) = find_amounts(sentence)
    assert (am.value, am.currency) == (value, unit)


def test_money_for_a_determiner_phrase_prices_no_determiner():
    for sentence in ("Seats cost €210 for the best views.", "A pass costs $90 for their members."):
        assert all(c.measure not in ("the", "their") for c in _one(sentence).claims)


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [("Life expectancy fell by 1.3 years to 76.4 in 2021.", "year"),
     ("The river rose 2 metres to 9.5 overnight.", "metre")],
)  # fmt: skip
def test_rule_tally_the_level_a_measured_move_reached_is_in_its_unit(sentence, unit):
    move, level = _one(sentence).claims
    assert (move.unit, level.unit, level.rule) == (unit, unit, "tally")
    _, level = _one("Shares rose 8% to 3.65 on Friday.").claims
    assert level.unit != "percentage"


def test_rule_by_to_move_a_change_by_an_amount_then_the_level_reached():
    change, level = find_amounts("Average pay rose by £1,200 to £34,500 last year.")
    assert (change.value, level.value, change.form) == (1200, 34500, "by_to_move")
    change, level = find_amounts("Output fell by 200 to 1,800 tonnes.")
    assert (change.value, level.value) == (200, 1800)
    (spread,) = find_amounts("Fares will rise by 3 to 5 per cent in January.")
    assert (spread.low, spread.high) == (3, 5)


@pytest.mark.parametrize(
    ("sentence", "change", "level", "unit"),
    [
        ("Silver gained $2 to $31 an ounce on Monday.", 2, 31, None),
        ("The fleet grew 40 to 310 ships last year.", 40, 310, "ship"),
        ("The benchmark index dropped 180 to 6,900 points.", 180, 6900, "point"),
    ],
)
def test_rule_by_to_move_right_after_the_verb_a_change_and_the_level_each_a_figure(sentence, change, level, unit):
    moved, reached = _one(sentence).claims
    assert (moved.value, reached.value, moved.change) == (change, level, reached.change)
    assert moved.low == moved.high == change  # no range from the change to the level
    if unit is not None:
        assert moved.unit == reached.unit == unit
    (spread,) = _one("Sales fell 12 to 15 percent in the quarter.").claims
    assert (spread.low, spread.high) == (12, 15)


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("The county will borrow KSh 42 billion next year.", "KSh 42 billion", 42e9, "kenyan shilling"),
        ("A kilo of rice sells for Rp 15,000 in Jakarta.", "Rp 15,000", 15000, "indonesian rupiah"),
        ("The province set aside R2.5 billion for clinics.", "R2.5 billion", 2.5e9, "south african rand"),
        ("Importers paid N1,200 per dollar on the parallel market.", "N1,200", 1200, "nigerian naira"),
        ("Diesel climbed to ₦650 in Abuja.", "₦650", 650, "nigerian naira"),
        ("Rents in Manila average ₱25,000 a month.", "₱25,000", 25000, "philippine peso"),
    ],
)
def test_rule_letter_currency_and_every_currency_sign(sentence, text, value, unit):
    (am,) = find_amounts(sentence)
    assert (am.text, am.value, am.currency) == (text, value, unit)


def test_rule_letter_currency_a_bare_letter_and_number_is_a_road_or_a_model():
    assert find_amounts("Traffic backed up on the R2 and nurses wore N95 masks.") == []
    assert [a.currency for a in find_amounts("Nine hundred voters and R&D spending of 5%.")] == [None, None]


def test_one_character_currency_signs_are_unicode_currency_signs():
    import unicodedata

    from newsledger.grammar.numbers import CURRENCIES

    signs = [k for k in CURRENCIES if len(k) == 1 and not k.isalpha()]
    assert len(signs) > 10 and all(unicodedata.category(k) == "Sc" for k in signs)


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("The euro fell as low as 1.0650 against the dollar.", 1.065, None),
        ("Return flights start at as little as £39.", 39, None),
        ("Forecasters say it could get as high as 41C on Friday.", None, 41),
        ("As much as 30% of the harvest rotted in storage.", None, 30),
    ],
)
def test_rule_as_far_as_gives_the_least_or_the_most_a_figure_reaches(sentence, low, high):
    (c,) = _one(sentence).claims
    assert (c.low, c.high) == (low, high)


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("A magnitude 6.9 earthquake hit the island at dawn.", 6.9, "magnitude"),
        ("The coast was shaken by a magnitude-5.2 tremor.", 5.2, "magnitude"),
        ("Officials recorded a 7.1-magnitude quake off the coast.", 7.1, "magnitude"),
        ("The glide vehicle can fly at Mach 5 for several minutes.", 5, "mach"),
        ("Test pilots took the jet to Mach 1.6 over the desert.", 1.6, "mach"),
    ],
)
def test_rule_unit_before_a_scale_named_before_its_number(sentence, value, unit):
    (c,) = _one(sentence).claims
    assert (c.value, c.unit) == (value, unit)


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "subject"),
    [
        ("Her glucose reading was 7.8 mmol/L after lunch.", 7.8, "millimole per litre", "Her glucose reading"),
        ("Doctors worry when cholesterol is above 240 mg/dL.", 240, "milligram per decilitre", "cholesterol"),
        ("The new model emits 95 g/km of carbon dioxide.", 95, "gram per kilometre", "carbon dioxide"),
    ],
)
def test_rule_slash_unit_a_unit_per_another(sentence, value, unit, subject):
    (c,) = _one(sentence).claims
    assert (c.value, c.unit, c.subject) == (value, unit, subject)


def test_rule_slash_unit_needs_a_unit_on_both_sides():
    from newsledger.extract.claims import _written_unit

    assert _written_unit(" he/she said") is None and _written_unit(" and/or more") is None
    assert _written_unit(" km/h") == "kilometre per hour"


def test_rule_own_figure_a_noun_past_another_percent_is_not_measured():
    claims = _one("Europe: Stoxx -0.4% Ibex -1.1% Bovespa +0.9%.").claims
    assert [(c.value, c.subject) for c in claims] == [(-0.4, "Stoxx"), (-1.1, "Ibex"), (0.9, "Bovespa")]
    assert claims[0].measure is None
    claims = _one("Overnight: Topix -0.5% Straits Times -0.9% Jakarta Composite +0.2%.").claims
    assert [c.measure for c in claims] == [None, None, None] and claims[1].subject == "Straits Times"


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [("The new motor produces 350 Nm of torque.", "torque"), ("The pump is rated at 12 kW of power.", "power")],
)
def test_rule_cased_symbol_is_a_written_unit_with_its_measure(sentence, subject):
    (c,) = _one(sentence).claims
    assert c.subject == subject


@pytest.mark.parametrize(
    ("sentence", "change"),
    [
        ("Quarterly earnings more than tripled to $410m.", "up"),
        ("Exports have quadrupled to 9,000 tonnes since 2020.", "up"),
        ("Attendance halved to 8,500 this season.", "down"),
        ("The lender has halved its dividend to 12p.", "down"),
    ],
)
def test_verbs_of_multiplying_are_rises_and_halving_a_fall(sentence, change):
    (c,) = _one(sentence).claims
    assert c.change == change


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [("The court imposed a $550,000 (£410,000) fine on the firm.", "fine"), ("They paid a £1.2m ($1.5m) penalty.", "penalty")],
)
def test_rule_own_figure_a_conversion_in_brackets_leaves_the_measure(sentence, measure):
    claims = _one(sentence).claims
    assert measure in [c.measure or c.subject for c in claims] and not any(
        "(" in (c.measure or "") or ")" in (c.measure or "") for c in claims
    )


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Customs officers seized 40 kilos of heroin worth an estimated £3m.", "heroin"),
        ("Burglars took watches worth £250,000 from the shop.", "watches"),
        ("Detectives recovered paintings worth about $9m in a raid.", "paintings"),
    ],
)
def test_rule_worth_a_sum_is_the_worth_of_the_noun_before_it(sentence, subject):
    money = [c for c in _one(sentence).claims if c.canonical_unit in ("GBP", "USD")]
    assert [c.subject for c in money] == [subject]


@pytest.mark.parametrize(
    ("sentence", "change"),
    [
        ("The economy shrank by 0.4% in the spring.", "down"),
        ("The budget deficit narrowed to 3.1% of output.", "down"),
        ("The firm slashed its forecast by 15%.", "down"),
        ("The trade gap widened to $71bn in May.", "up"),
        ("Rail operators hiked fares by 4.9% in January.", "up"),
        ("Output contracted 1.2% in the quarter.", "down"),
    ],
)
def test_verbs_of_widening_narrowing_and_cutting_give_the_direction(sentence, change):
    assert _one(sentence).claims[0].change == change


@pytest.mark.parametrize("sentence", ["The index has fallen 12% year to date.", "Shares in the miner are up 30% year-to-date."])
def test_rule_period_on_period_year_to_date_is_a_basis_not_a_measure(sentence):
    (c,) = _one(sentence).claims
    assert c.measure is None and c.unit == "percentage"


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("Gamers want latency under 20ms on the new network.", "millisecond"),
        ("The fire destroyed 1,200ha of forest.", "hectare"),
        ("Old modems managed only 56kbps.", "kilobit per second"),
    ],
)
def test_glued_units_of_time_area_and_data_rate(sentence, unit):
    (c,) = _one(sentence).claims
    assert c.unit == unit


@pytest.mark.parametrize(
    "sentence", ["Rainfall fell by a third between 1990 and 2010.", "Output doubled between 2004 and 2019 in the region."]
)
def test_rule_year_span_between_two_years_is_no_figure(sentence):
    assert all(c.value != 1990 and c.low not in (1990, 2004) for c in _one(sentence).claims)
    assert not any(a.low in (1990, 2004) for a in find_amounts(sentence))


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("The site covers 450 square kilometres of wetland.", "square kilometre"),
        ("Each flat has 80 square metres of floor space.", "square metre"),
        ("The tank holds 3,000 cubic metres of gas.", "cubic metre"),
        ("The die spans an area of 120 square millimetres.", "square millimetre"),
    ],
)
def test_rule_square_unit_a_written_power_of_a_unit(sentence, unit):
    (c,) = _one(sentence).claims
    assert c.unit == unit


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The handset has a 50-megapixel main camera.", 50, "megapixel"),
        ("They are building a 400-megawatt solar farm.", 400, "megawatt"),
        ("She won the 10-km race in record time.", 10, "kilometre"),
    ],
)
def test_units_written_after_a_hyphen(sentence, value, unit):
    (c,) = _one(sentence).claims
    assert (c.value, c.unit) == (value, unit)


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("The grid used 300 TWh of power last year.", "terawatt hour"),
        ("Wind farms produced 25 TWh in the winter.", "terawatt hour"),
    ],
)
def test_rule_cased_symbol_terawatt_hours(sentence, unit):
    (c,) = _one(sentence).claims
    assert c.unit == unit


@pytest.mark.parametrize(
    ("sentence", "votes"),
    [
        ("The measure passed 61 to 39 in the upper house.", [61, 39]),
        ("The board voted 5-4 to close the depot.", [5, 4]),
        ("Judges ruled 7-2 against the ban.", [7, 2]),
        ("It was a 6-3 decision, the narrowest in years.", [6, 3]),
    ],
)
def test_rule_vote_tally_two_numbers_after_a_verb_of_voting_are_votes(sentence, votes):
    claims = _one(sentence).claims
    assert [(c.value, c.unit, c.rule) for c in claims] == [(v, "vote", "vote_tally") for v in votes]


def test_rule_vote_tally_leaves_scores_and_ranges():
    assert _one("Rovers won 3-1 at home.").claims == []
    assert [(c.low, c.high) for c in _one("Prices rose 5 to 8 percent.").claims] == [(5, 8)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The central bank lifted rates by a quarter of a percentage point.", 0.25),
        ("Policymakers cut the rate by half a percentage point on Thursday.", 0.5),
        ("Yields rose 0.3 percentage points in a week.", 0.3),
    ],
)
def test_rule_fraction_of_unit_and_percentage_points(sentence, value):
    (c,) = _one(sentence).claims
    assert (c.value, c.unit) == (value, "percentage point")


@pytest.mark.parametrize(
    "sentence",
    [
        "Inflation has more than halved since its peak of 11.1% last autumn.",
        "Shares have climbed since the low of 140p in March.",
    ],
)
def test_rule_since_reference_a_level_after_since_is_no_move(sentence):
    (c,) = _one(sentence).claims
    assert c.change is None


@pytest.mark.parametrize(
    ("words", "heads", "deps"),
    [
        (["A", "record", "9,000", "fans", "came"], [1, 4, 3, 4, 4], ["det", "nsubj", "nummod", "nsubj", "ROOT"]),
        (["Some", "staff", "200", "workers", "left"], [1, 4, 3, 4, 4], ["det", "nsubj", "nummod", "nsubj", "ROOT"]),
    ],
)
def test_of_two_subjects_the_parse_gives_the_nearer_is_the_verbs(words, heads, deps):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from newsledger.extract.language import nominal_subject

    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    assert nominal_subject(doc[4]).text == words[3]


@pytest.mark.parametrize(
    ("sentence", "age"),
    [("The suspect, 19, was arrested at the scene.", 19), ("A pensioner, 81, was rescued from the flat.", 81)],
)
def test_rule_described_age_a_person_noun_then_an_age_in_commas(sentence, age):
    ages = [c.value for c in _one(sentence).claims if c.unit == "year of age"]
    assert ages == [age]


@pytest.mark.parametrize(
    "sentence", ["The floods left thousands homeless in the delta.", "Snow left hundreds stranded on the motorway."]
)
def test_rule_casualty_count_homeless_and_stranded_count_people(sentence):
    (c,) = _one(sentence).claims
    assert c.unit == "people" and c.rule == "casualty_count"


@pytest.mark.parametrize(
    ("sentence", "change"),
    [
        ("The start-up raised $30m from venture investors.", None),
        ("The appeal has raised more than £1m for the families.", None),
        ("The lender raised its mortgage rate to 6.1%.", "up"),
        ("The operator raised fares to £4.50 a journey.", "up"),
    ],
)
def test_rule_raised_funds_money_raised_is_collected_not_a_rise(sentence, change):
    (c,) = _one(sentence).claims
    assert c.change == change


@pytest.mark.parametrize(
    ("sentence", "years", "bound"),
    [
        ("Rents rose 35% over six years in the capital.", 6, False),
        ("Readings fell from 140 to 128 over 16 weeks.", 16, False),
        ("She was jailed for over 10 years.", 10, True),
        ("The hearing lasted over three hours.", 3, True),
    ],
)
def test_rule_period_over_a_duration_after_a_change_is_its_period_not_a_bound(sentence, years, bound):
    (c,) = [c for c in _one(sentence).claims if c.unit in ("year", "week", "hour")]
    assert c.value == years and (c.high is None) == bound and (bound or c.change is None)


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("The coupe accelerates from 0-60mph in 4.8 seconds.", "mile per hour"),
        ("The van accelerates from 0-100km/h in 11 seconds.", "kilometre per hour"),
    ],
)
def test_rule_suspended_unit_a_unit_written_once_after_a_pair_is_both_numbers(sentence, unit):
    first, second = _one(sentence).claims[:2]
    assert (first.value, first.unit, first.measure) == (0, unit, None) and (second.value, second.unit) != (None, None)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The odds of a jackpot win are about 1 in 14 million.", 1 / 14e6),
        ("The risk of a serious reaction is 1 in 50,000.", 1 / 50000),
        ("The chance of a second flood this year is one in five.", 0.2),
    ],
)
def test_rule_odds_a_ratio_with_nothing_named_after_it_is_a_share(sentence, value):
    (c,) = _one(sentence).claims
    assert c.value == pytest.approx(value) and c.unit is None


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [("A quarter of the city's bridges need repairs.", "bridge"), ("Half of the region's farms have no water.", "farm")],
)
def test_rule_possessor_a_share_of_someones_things_counts_the_things(sentence, unit):
    (c,) = _one(sentence).claims
    assert c.unit == unit


@pytest.mark.parametrize(
    ("sentence", "first", "second"),
    [
        ("Officials put the death toll at 42, but local media reported at least 60 dead.", "Officials", "local media"),
        ("The agency pegged the cost at $2bn, but critics said the true figure was $5bn.", "agency", "critics"),
    ],
)
def test_rules_estimate_verb_and_own_clause_each_figure_is_claimed_by_its_own_source(sentence, first, second):
    claims = _one(sentence).claims
    assert [c.attribution for c in claims] == [first, second]


@pytest.mark.parametrize(
    ("sentence", "value", "verb"),
    [
        ("Some 20,000 marched through the port city on Sunday.", 20000, "marched"),
        ("About 300 attended the funeral in the village.", 300, "attended"),
        ("Only 12 survived the night on the mountain.", 12, "survived"),
    ],
)
def test_rule_number_subject_a_bare_number_that_does_something_counts_people(sentence, value, verb):
    (c,) = _one(sentence).claims
    assert (c.value, c.unit, c.measure, c.rule) == (value, "people", verb, "number_subject")


@pytest.mark.parametrize(
    "sentence",
    [
        "The 747 landed safely in Lisbon.",
        "Their 3,000 was never repaid.",
        "2019 saw a record harvest.",
        "Last month 4.1 billion were sent, the regulator said.",
        "At least 40 of the depots have closed since spring.",
    ],
)
def test_rule_number_subject_not_a_name_a_possession_a_year_a_passive_or_a_part(sentence):
    assert all(c.rule != "number_subject" for c in _one(sentence).claims)


@pytest.mark.parametrize(
    ("sentence", "years", "bound"),
    [
        ("Over 20 years, output from the mine fell by a third.", 20, False),
        ("But over six years, the town's population doubled.", 6, False),
        ("Over 20 years have passed since the mine closed.", 20, True),
    ],
)
def test_rule_period_opening_a_period_set_off_at_a_clause_start_is_no_bound(sentence, years, bound):
    (c,) = [c for c in _one(sentence).claims if c.unit == "year"]
    assert c.value == years and (c.high is None) == bound


@pytest.mark.parametrize(
    ("sentence", "change"),
    [
        ("The probe orbits 400 km above the moon's surface.", None),
        ("The old mine shaft reaches 900 metres below the valley floor.", None),
        ("The lake froze when it was 6C below the usual for March.", "down"),
        ("Rents are now £90 above the level set by the council.", "up"),
    ],
)
def test_rule_position_a_length_above_or_below_something_is_where_not_a_difference(sentence, change):
    (c,) = [c for c in _one(sentence).claims if c.value in (400, 900, 6, 90)]
    assert c.change == change


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("The carrier lost 8.4 million pounds, against a profit of 2.2 million the year before.", "pound sterling"),
        ("Turnover was $5.6bn, compared with 5.1bn in 2021.", "dollar"),
    ],
)
def test_rule_scale_carry_a_bare_scaled_amount_is_in_the_unit_of_the_scaled_figure_before(sentence, unit):
    first, second = _one(sentence).claims[:2]
    assert first.unit == unit and (second.unit, second.rule) == (unit, "scale_carry")


def test_rule_scale_carry_not_from_a_percentage():
    (pct, level) = _one("The grant grew 4% to 3 million this spring.").claims
    assert pct.unit == "percentage" and level.unit is None


@pytest.mark.parametrize(("sentence", "value"), [("Sales hit $4.1bn.", 4.1e9), ("Some 8.2 million people voted.", 8.2e6)])
def test_a_scaled_amount_is_exact_to_its_written_digits(sentence, value):
    (c,) = _one(sentence).claims
    assert c.value == value and repr(c.value) == repr(value)


@pytest.mark.parametrize("sentence", ["Oil slipped 40 cents to $79.10 by 1400 GMT.", "Talks resumed at 0930 local time in Doha."])
def test_rule_clock_or_ordinal_four_digits_before_a_time_zone_are_a_clock_not_a_figure(sentence):
    assert not [c for c in _one(sentence).claims if c.value in (1400, 930)]


def test_rule_scale_carry_not_from_a_bracketed_conversion():
    claims = _one("Her fortune of 2.1 billion ($2.7bn) is dwarfed by a family fortune of 9.4 billion.").claims
    assert [c.unit for c in claims if c.value == 9.4e9] == [None]


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("The new cable carries 800Gb/s across the strait.", "gigabit per second"),
        ("The memory card writes at 3GB/s.", "gigabyte per second"),
        ("The rural scheme promises 300Mb downloads.", "megabit"),
        ("The bike's motor gives 85Nm of torque.", "newton metre"),
    ],
)
def test_rule_cased_symbol_a_glued_symbol_is_read_in_its_case(sentence, unit):
    assert _one(sentence).claims[0].unit == unit


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("Ozone readings hit 95 parts per billion downtown.", "part per billion"),
        ("The well water held 12ppm of arsenic.", "part per million"),
        ("Methane passed 1,900 ppb at the station.", "part per billion"),
    ],
)
def test_rule_parts_per_a_concentration_is_no_count_of_parts(sentence, unit):
    assert _one(sentence).claims[0].unit == unit


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("The booster makes 1.8 million pounds of thrust.", "pound-force"),
        ("Each jack exerts 9,000 pounds of force.", "pound-force"),
        ("The sack of grain weighed 110 pounds.", "pound-mass"),
    ],
)
def test_rule_pound_force_pounds_of_thrust_are_a_force(sentence, unit):
    (c,) = _one(sentence).claims
    assert c.unit == unit


@pytest.mark.parametrize(
    ("sentence", "word"),
    [("Day tickets cost Rs 900 each in the city.", "in"), ("Lunches cost $12 each at the fair.", "at")],
)
def test_a_price_each_prices_no_preposition_after_each(sentence, word):
    (c,) = _one(sentence).claims
    assert c.measure != word


@pytest.mark.parametrize(("sentence", "value"), [("The drive took 7 hr in traffic.", 7), ("The crossing took 31hrs.", 31)])
def test_hr_is_an_hour(sentence, value):
    (c,) = _one(sentence).claims
    assert (c.value, c.unit) == (value, "hour")


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("The airline will retire 14 of its 60 jets next year.", "jet"),
        ("The growers lost 300 of their 900 hives over winter.", "hive"),
    ],
)
def test_a_part_of_a_possessed_whole_is_counted_in_the_whole_unit(sentence, unit):
    part, whole = _one(sentence).claims[:2]
    assert (part.unit, whole.unit) == (unit, unit)


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The keeper signed a £90,000-a-week deal.", 90000, "pound sterling per week"),
        ("Pickers are paid $7-a-day on the estates.", 7, "dollar per day"),
    ],
)
def test_rule_hyphen_rate_a_rate_written_as_one_hyphenated_word(sentence, value, unit):
    (c,) = _one(sentence).claims
    assert (c.value, c.unit) == (value, unit)


@pytest.mark.parametrize(
    ("sentence", "low"),
    [("The fund is now worth £2.4bn-plus.", 2.4e9), ("The club drew a 30,000-plus crowd on Sunday.", 30000)],
)
def test_rule_hyphen_plus_at_least_the_amount(sentence, low):
    (c,) = _one(sentence).claims
    assert (c.low, c.high) == (low, None) and c.text.endswith("-plus")


@pytest.mark.parametrize(
    ("sentence", "value", "change"),
    [
        ("Burglaries fell by 12% in three years.", 3, None),
        ("The index climbed 4% over the past six months.", 6, None),
        ("Average waits rose to 18 weeks.", 18, "up"),
    ],
)
def test_rule_period_span_how_long_a_move_took_is_no_move_of_its_own(sentence, value, change):
    (c,) = [c for c in _one(sentence).claims if c.value == value]
    assert c.change == change


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Its debt ratio of 48 compares with 61 for its rivals.", 61),
        ("The index read 52.1, against 49.8 in March.", 49.8),
        ("The survey scored 7.2 versus 6.9 last year.", 6.9),
    ],
)
def test_rule_compared_value_a_number_set_against_another_is_a_figure(sentence, value):
    assert value in [c.value for c in _one(sentence).claims]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("Strong demand lifted sales 6% to $2.1bn.", 6), ("The result lifted the club to 45 points.", 45)],
)
def test_lift_is_a_verb_of_rise(sentence, value):
    (c,) = [c for c in _one(sentence).claims if c.value == value]
    assert c.change == "up"


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("The scan showed a cyst of 2.5 by 3 centimetres.", "centimetre"),
        ("The painting is 40 x 60cm and unsigned.", "centimetre"),
        ("The plot measures 20 by 30 metres.", "metre"),
    ],
)
def test_rule_dimensions_the_sides_of_one_measure_share_the_unit_written_once(sentence, unit):
    first, second = _one(sentence).claims[:2]
    assert (first.unit, second.unit) == (unit, unit)


def test_rule_dimensions_not_a_score():
    assert [c.value for c in _one("They beat us 4 x 2 at home.").claims] == []


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("Free travel is open to residents aged 66 and over.", 66, None),
        ("Families with four or more children get the top rate.", 4, None),
        ("Households earning £18,000 or less pay no fee.", None, 18000),
        ("Children aged 11 and under travel free.", None, 11),
    ],
)
def test_rule_or_more_a_bound_written_after_the_amount(sentence, low, high):
    (c,) = _one(sentence).claims
    assert (c.low, c.high) == (low, high)


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [("More than 30 million tuned in to the final.", "tuned"), ("About 2,000 signed up on the first day.", "signed")],
)
def test_rule_number_subject_a_phrasal_verb_tagged_as_a_participle_still_counts_people(sentence, verb):
    (c,) = _one(sentence).claims
    assert (c.unit, c.measure) == ("people", verb)


@pytest.mark.parametrize(
    ("sentence", "text", "low", "high"),
    [
        ("Copper lost more than $300 to $8,100 a tonne.", "more than $300", 300, None),
        ("The index climbed almost 4% to 1,250.", "almost 4%", None, 4),
        ("The charity gave over $2m to 60 schools.", "over $2m", 2e6, None),
    ],
)
def test_a_qualifier_before_two_figures_bounds_the_first(sentence, text, low, high):
    first, second = find_amounts(sentence)
    assert (first.text, first.low, first.high) == (text, low, high)
    assert second.low == second.high == second.value


@pytest.mark.parametrize(
    ("sentence", "unit", "canonical_unit", "factor"),
    [
        ("The trawler sank 12 nautical miles off the headland.", "nautical mile", "metre", 1852.0),
        ("Thieves took 250 troy ounces of platinum from the vault.", "troy ounce", "kilogram", 0.0311034768),
        ("Each barrel held 35 imperial gallons of cider.", "imperial gallon", "litre", 4.54609),
    ],
)
def test_rule_qualified_unit_a_word_that_makes_another_unit_is_part_of_it(sentence, unit, canonical_unit, factor):
    (figure,) = _one(sentence).claims
    assert (figure.unit, figure.canonical_unit, figure.to_canonical) == (unit, canonical_unit, factor)
    (plain,) = _one("The trawler sank 12 miles off the headland.").claims
    assert plain.to_canonical == 1609.344


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("The clinic saw 340 patients last month, compared with 290 in May.", "patient"),
        ("Exports reached 12,000 cars, up from 9,500 a year before.", "car"),
        ("One in four adults now smokes, down from one in three in 2000.", "adult"),
    ],
)
def test_rule_compared_in_unit_a_bare_figure_compared_with_another_is_in_its_unit(sentence, unit):
    first, second = _one(sentence).claims
    assert first.unit == second.unit == unit


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Arrests have exceeded 1,200 since the protests began.", 1200),
        ("Pre-orders surpassed 2 million units within a week.", 2e6),
        ("The repair bill now exceeds £3bn.", 3e9),
    ],
)
def test_rule_exceeded_bound_a_figure_gone_past_is_the_least(sentence, value):
    (figure,) = _one(sentence).claims
    assert (figure.value, figure.low, figure.high) == (value, value, None)
