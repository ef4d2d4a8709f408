"""Unit tests: time expressions normalised against a publication date."""

from datetime import date

import pytest

from newsledger.grammar.timex import find_timexes

ANCHOR = date(2025, 4, 30)  # a Wednesday


CASES = [
    ("The talks resumed on Monday in Geneva.", "Monday", "2025-04-28", "day"),
    ("Exports fell last year, officials said.", "last year", "2024", "year"),
    ("The deal was reached in April after weeks of talks.", "April", "2025-04", "month"),
    ("North Korea confirmed the deployment in late April 2025.", "late April 2025", "2025-04", "month"),
    ("The treaty was signed on June 19, 2024, in Pyongyang.", "June 19, 2024", "2024-06-19", "day"),
    ("The war has lasted three-and-a-half years.", "three-and-a-half years", "P3Y6M", "duration"),
    ("Prices rose last week.", "last week", "2025-W17", "week"),
    ("He arrived two days ago.", "two days ago", "2025-04-28", "day"),
    ("Results for the third quarter of 2024 were weak.", "the third quarter of 2024", "2024-Q3", "quarter"),
    ("Shipments on Dec. 30 were delayed.", "Dec. 30", "2024-12-30", "day"),
    ("Stores opened early on Thanksgiving Day 2024.", "Thanksgiving Day 2024", "2024-11-28", "day"),
    ("Protests are planned for Easter.", "Easter", "2025-04-20", "day"),
    ("Shops closed at Easter, as every year.", "Easter", "2025-04-20", "day"),
    ("The ministers will meet on Friday.", "Friday", "2025-05-02", "day"),
    ("The ministers met on Friday.", "Friday", "2025-04-25", "day"),
    ("The new tariff will take effect in September.", "September", "2025-09", "month"),
    ("The new tariff took effect in September.", "September", "2024-09", "month"),
    ("Crowds gathered on Tuesday night outside the embassy.", "Tuesday night", "2025-04-29TNI", "time"),
    ("Net profit rose 8% from a year ago, the quarterly report said.", "a year ago", "2024-Q1", "quarter"),
    ("The company was founded in nineteen ninety-six.", "nineteen ninety-six", "1996", "year"),
    ("In September Russia opened a new front.", "September", "2024-09", "month"),
    ("Sales slowed earlier this year.", "earlier this year", "2025", "year"),
    ("The plant reopened late yesterday.", "late yesterday", "2025-04-29", "day"),
    ("Output peaked last April and fell last December.", "last April", "2024-04", "month"),
    ("Output peaked last April and fell last December.", "last December", "2024-12", "month"),
    ("Rents have doubled in recent years.", "recent years", "PXY", "duration"),
    ("Dockers began the 14-day strike.", "14-day", "P14D", "duration"),
    ("Protesters marched through the city over the weekend.", "the weekend", "2025-W17-WE", "week"),
    ("Protesters will march through the city over the weekend.", "the weekend", "2025-W18-WE", "week"),
    ("The blast came at 10 p.m. Monday, police said.", "10 p.m. Monday", "2025-04-28T22:00", "time"),
    ("Bids are due by 5 p.m. EST, May 9.", "5 p.m. EST, May 9", "2025-05-09T17:00", "time"),
    ("The curfew will begin at midnight Friday.", "midnight Friday", "2025-05-02T24:00", "time"),
    ("The vote will be held Tuesday at noon.", "Tuesday at noon", "2025-05-06T12:00", "time"),
    ("The siege lasted 2 1/2 years.", "2 1/2 years", "P2Y6M", "duration"),
    ("The hearing took a minute and a half.", "a minute and a half", "PT1M30S", "duration"),
    ("Talks need two more weeks.", "two more weeks", "P2W", "duration"),
    ("They met last Wednesday.", "last Wednesday", "2025-04-23", "day"),
    ("Profit beat the 2024 third quarter's.", "the 2024 third quarter", "2024-Q3", "quarter"),
    ("Sales fell in the year ended March 31.", "the year", "P1Y", "duration"),
    ("The dividend is payable Jan. 2 to holders.", "Jan. 2", "2026-01-02", "day"),
    ("Hearings are set for the week of May 12.", "the week of May 12", "2025-W20", "week"),
    ("Sales for the full year rose 4%.", "the full year", "2025", "year"),
    ("The law took effect in January nineteen ninety-seven.", "January nineteen ninety-seven", "1997-01", "month"),
    ("The split would be paid on a date in January.", "January", "2026-01", "month"),
    ("Until Thursday, police had not named a suspect.", "Thursday", "2025-04-24", "day"),
    ("A vigil planned for Saturday was cancelled.", "Saturday", "2025-04-26", "day"),
    ("Protesters were planning to march on Saturday.", "Saturday", "2025-05-03", "day"),
    ("Output peaked in mid-1996.", "mid-1996", "1996", "year"),
    ("He was shot last Oct. 23 at home.", "last Oct. 23", "2024-10-23", "day"),
    ("The group split in June last year.", "June last year", "2024-06", "month"),
    ("Third-quarter net was $5 million, compared with a loss of $3 million last year.", "last year", "2024-Q1", "quarter"),
    ("Exports fell last year, the quarterly report said.", "last year", "2024", "year"),
    ("The blast came at 10:35 a.m. (0735 GMT) Monday.", "10:35 a.m. (0735 GMT) Monday", "2025-04-28T10:35", "time"),
    ("The offer had been scheduled to expire on Friday.", "Friday", "2025-04-25", "day"),
    ("The vote is set for next March 3.", "next March 3", "2026-03-03", "day"),
    ("Fiscal 2024 earnings rose.", "Fiscal 2024", "2024", "year"),
    ("Rents soared in the late 1980s.", "the late 1980s", "198", "decade"),
    ("The offensive stalled during the summer.", "the summer", "2025-SU", "year"),
    ("Profit rose 4% in the latest period.", "the latest period", "2025-Q1", "quarter"),
]


@pytest.mark.parametrize(("text", "expr", "value", "precision"), CASES)
def test_values_against_publication_date(text, expr, value, precision):
    found = {t.text: t for t in find_timexes(text, ANCHOR)}
    assert expr in found, [t.text for t in find_timexes(text, ANCHOR)]
    assert (found[expr].value, found[expr].precision) == (value, precision)


def test_every_expression_holds_a_word_the_prefilter_looks_for():
    from newsledger.grammar.timex import _TRIGGER

    assert all(_TRIGGER.search(expr) for _, expr, _, _ in CASES)
    assert find_timexes("The talks stalled as both sides dug in.", ANCHOR) == []


def test_a_first_name_is_not_a_month():
    assert [t.text for t in find_timexes("UN envoy Jan Egeland and singer June Carter met in Oslo.", ANCHOR)] == []


def test_without_a_date_relative_expressions_stay_unresolved():
    found = {t.text: t.value for t in find_timexes("On Monday, a year after June 19, 2024, and in April, it ended.", None)}
    assert found["June 19, 2024"] == "2024-06-19"
    assert found["Monday"] is None and found["April"] is None


def test_ages_and_shares_are_not_durations():
    text = "Mr. Reupke, 52 years old, said Iraq imports about three-quarters of its food."
    assert [t.text for t in find_timexes(text, ANCHOR)] == []


def test_numbers_ages_and_modal_may_are_not_times():
    text = "The 6-year-old said 2,000 troops may leave, and 1,500 more in May."
    found = [t.text for t in find_timexes(text, ANCHOR)]
    assert found == ["May"]


def test_rule_half_year_of_a_calendar_year_not_of_a_match():
    anchor = date(2024, 3, 14)
    cases = {"Sales fell in the first half of the year.": "2024-H1", "Profit rose in the second half of 2023.": "2023-H2",
             "Growth slowed in the first half of last year.": "2023-H1"}  # fmt: skip
    for sentence, value in cases.items():
        assert [(t.value, t.rule) for t in find_timexes(sentence, anchor)] == [(value, "half_year")]
    assert find_timexes("They led 2-0 in the first half of the match.", anchor) == []


def test_rule_scheduled_present_a_schedule_in_the_present_tense_is_ahead():
    june = date(2024, 6, 5)
    assert [t.value for t in find_timexes("Voters go to the polls in November.", june)] == ["2024-11"]
    assert [t.value for t in find_timexes("The new levy takes effect in January.", june)] == ["2025-01"]
    assert [t.value for t in find_timexes("The levy raised little in January.", june)] == ["2024-01"]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The negotiations resume on Monday.", "2024-06-10"),  # read on Wednesday 5 June 2024
        ("Polling stations open at 7am on Thursday.", "2024-06-06T07:00"),
        ("The president flies to Nairobi on Friday.", "2024-06-07"),
        ("The summit takes place on Saturday in Geneva.", "2024-06-08"),
        ("The court might rule in May.", "2025-05"),
    ],
)
def test_rule_scheduled_present_a_scheduled_event_in_the_present_simple_or_a_may_is_ahead(sentence, value):
    assert [t.value for t in find_timexes(sentence, date(2024, 6, 5))] == [value]


@pytest.mark.parametrize(
    "sentence",
    ["The negotiations resumed on Monday.", "The negotiations did not resume on Monday.", "The court may have ruled on Monday."],
)
def test_a_past_or_negated_schedule_stays_behind(sentence):
    assert [t.value for t in find_timexes(sentence, date(2024, 6, 5))] == ["2024-06-03"]


@pytest.mark.parametrize(
    ("sentence", "value"), [("The vote was put off to mid-May.", "2024-05"), ("Prices peaked around mid-March.", "2024-03")]
)
def test_may_and_march_with_a_modifier_of_time_are_months(sentence, value):
    assert [t.value for t in find_timexes(sentence, date(2024, 6, 5))] == [value]


def test_the_early_hours_of_a_day_are_no_duration():
    found = find_timexes("The fire started in the early hours of Sunday.", date(2024, 6, 5))
    assert [(t.type, t.value) for t in found] == [("DATE", "2024-06-02")]
    assert [t.type for t in find_timexes("Rescuers searched for hours.", date(2024, 6, 5))] == ["DURATION"]


def test_rule_clock_24_a_24_hour_clock_with_its_zone_is_a_time():
    june = date(2024, 6, 5)
    assert [(t.type, t.value) for t in find_timexes("Polls close at 22:00 local time.", june)] == [("TIME", "2024-06-05T22:00")]
    assert [t.value for t in find_timexes("Kick-off was at 19:45 BST on Saturday.", june)] == ["2024-06-01T19:45"]
    assert find_timexes("She ran 12:45.3 for the mile, and the tally stood at 10:30.", june) == []


def test_a_fortnight_is_two_weeks():
    june = date(2024, 6, 5)
    assert [(t.type, t.value) for t in find_timexes("The deal was signed a fortnight ago.", june)] == [("DATE", "2024-W21")]
    assert [t.value for t in find_timexes("The show runs for a fortnight.", june)] == ["P2W"]


def test_rule_clock_24_a_preposition_of_time_before_a_two_digit_clock_makes_it_a_time():
    june = date(2024, 6, 5)
    assert [t.value for t in find_timexes("The ferry sails at 21:15 tonight.", june)][:1] == ["2024-06-05T21:15"]
    assert [t.value for t in find_timexes("Voting runs from 07:00 until 22:00.", june)] == [
        "2024-06-05T07:00",
        "2024-06-05T22:00",
    ]
    assert find_timexes("The final score was 10:30 after extra play.", june) == []
    assert find_timexes("The meeting began at 9:15.", june) == []  # one digit: morning or evening, the clock is not said


def test_rule_clock_24_a_one_digit_clock_after_a_preposition_of_time_or_before_a_part_of_the_day():
    june = date(2024, 6, 5)
    assert [t.value for t in find_timexes("The bridge is shut from 8:30 until 11:45.", june)] == [
        "2024-06-05T08:30",
        "2024-06-05T11:45",
    ]
    assert [t.value for t in find_timexes("The bus leaves at 7:10 each morning.", june)][:1] == ["2024-06-05T07:10"]
    assert find_timexes("Mix the resin and hardener at 1:20 by weight.", june) == []
    assert find_timexes("She won in 2:21:07, a course record.", june) == []  # a race time, not a clock


def test_rule_clock_dot_minutes_after_a_full_stop_with_am_or_pm():
    june = date(2024, 6, 5)
    assert [t.value for t in find_timexes("The count finished at 11.30pm.", june)] == ["2024-06-05T23:30"]
    assert [t.value for t in find_timexes("Gates open at 6.45 a.m. for the early crowd.", june)] == ["2024-06-05T06:45"]
    assert find_timexes("Shares closed 3.45 higher.", june) == []


def test_rule_clock_zone_four_digits_before_a_time_zone_are_a_24_hour_clock():
    june = date(2024, 6, 5)
    assert [t.value for t in find_timexes("Oil slipped 40 cents by 1400 GMT.", june)] == ["2024-06-05T14:00"]
    assert [t.value for t in find_timexes("The ceasefire began at 0600 local time.", june)] == ["2024-06-05T06:00"]
    assert [t.type for t in find_timexes("The bridge opened in 1932 to traffic.", june)] == ["DATE"]


def test_rule_vague_ago_some_time_past_with_no_count_is_a_past_reference():
    june = date(2024, 6, 5)
    assert [(t.text, t.value) for t in find_timexes("Several years ago, the mill shut.", june)] == [
        ("Several years ago", "PAST_REF")
    ]
    assert [t.value for t in find_timexes("The road flooded a few weeks ago.", june)] == ["PAST_REF"]


def test_a_count_said_loosely_before_ago_dates_as_the_count():
    june = date(2024, 6, 5)
    loose = find_timexes("The dam cracked a week or so ago.", june)
    assert [t.text for t in loose] == ["a week or so ago"]
    assert loose[0].value == find_timexes("The dam cracked a week ago.", june)[0].value


def test_rule_decade_word_a_decade_by_its_name():
    june = date(2024, 6, 5)
    assert [(t.text, t.value) for t in find_timexes("Rents doubled through the nineties.", june)] == [("the nineties", "199")]
    assert [t.value for t in find_timexes("The band peaked in the late seventies.", june)] == ["197"]


def test_a_plural_period_with_no_count_has_no_count():
    june = date(2024, 6, 5)
    assert [t.value for t in find_timexes("More rain is due over coming weeks.", june)] == ["PXW"]
    assert [t.value for t in find_timexes("The past months were hard.", june)] == ["PXM"]
    assert [t.value for t in find_timexes("The past month was hard.", june)] == ["P1M"]


def test_every_quarter_is_a_set():
    june = date(2024, 6, 5)
    assert [(t.type, t.value) for t in find_timexes("The fund pays out each quarter.", june)] == [("SET", "P1Q")]
    assert [(t.type, t.value) for t in find_timexes("Bills arrive every quarter by post.", june)] == [("SET", "P1Q")]


def test_rule_ordinal_second_a_second_before_a_noun_is_an_order_not_a_time():
    june = date(2024, 6, 5)
    assert find_timexes("She is seeking a second term in office.", june) == []
    assert find_timexes("A second fire broke out nearby.", june) == []
    assert [t.value for t in find_timexes("A second later, the roof fell.", june)] == ["PT1S"]


def test_rule_this_decade_the_anchor_s_own_decade_or_century():
    may = date(2024, 5, 8)
    assert [(t.text, t.value) for t in find_timexes("By the end of the decade, fares must halve.", may)] == [
        ("the end of the decade", "202")
    ]
    assert [t.value for t in find_timexes("Growth this decade has been slow.", may)] == ["202"]
    assert [t.value for t in find_timexes("The mills closed at the turn of the century.", may)] == ["20"]


def test_rule_period_code_a_quarter_or_half_by_its_code():
    may = date(2024, 5, 8)
    assert [(t.text, t.value) for t in find_timexes("Q3 revenue rose 8%.", may)] == [("Q3", "2024-Q3")]
    assert [t.value for t in find_timexes("Sales in Q4 2023 fell.", may)] == ["2023-Q4"]
    assert [t.value for t in find_timexes("Its H1 profit doubled.", may)] == ["2024-H1"]
    assert find_timexes("He sat in row H3 of the stalls.", may) == []


def test_a_sentence_s_full_stop_is_not_the_meridian_s():
    may = date(2024, 5, 8)
    assert [t.text for t in find_timexes("Polls close at 10pm.", may)] == ["10pm"]
    assert [t.text for t in find_timexes("Polls close at 10 p.m. on Friday.", may)] == ["10 p.m. on Friday"]
