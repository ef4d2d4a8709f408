"""The calendar words the grammars share: month names and their abbreviations, weekdays. The time
grammar (``timex``) reads them as values, the amount finder (``numbers``) keeps their numbers out
of figures ("May 5" is a date); both build their patterns from these tables."""

from __future__ import annotations

FULL_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")  # fmt: skip
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
                       "nov": 11, "dec": 12}  # fmt: skip
MONTHS = {**{name: n for n, name in enumerate(FULL_MONTHS, start=1)}, **MONTH_ABBREVIATIONS}  # name -> month number
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}


def alternatives(words: object) -> str:
    """Words as a regex alternation, longest first (so "september" is tried before "sep")."""
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))  # type: ignore[arg-type]
