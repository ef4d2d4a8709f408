"""The words the grammars share: month names and their abbreviations, weekdays, number words. The
time grammar (``timex``) reads them as values, the amount finder (``numbers``) keeps their numbers
out of figures ("May 5" is a date) and reads number words; both build their patterns from these tables."""

from __future__ import annotations

FULL_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")  # fmt: skip
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
                       "nov": 11, "dec": 12}  # fmt: skip
MONTHS = {**{name: n for n, name in enumerate(FULL_MONTHS, start=1)}, **MONTH_ABBREVIATIONS}  # name -> month number
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
         "eighteen": 18, "nineteen": 19}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def alternatives(words: object) -> str:
    """Words as a regex alternation, longest first (so "september" is tried before "sep")."""
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))  # type: ignore[arg-type]


# a time zone written after a clock ("19:45 BST", "1400 GMT", "10 a.m. local time")
TIME_ZONE = r"(?:[ECMP][SD]T|GMT|UTC|BST|CES?T|local time)"
