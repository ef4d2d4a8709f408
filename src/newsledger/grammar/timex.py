"""Time expressions found in text and normalised to TIMEX3 values against a reference date.

A rule grammar in the spirit of HeidelTime: each pattern finds an expression and a function
gives its value from the article's publication date (the anchor). With no anchor, absolute
expressions ("June 19, 2024", "April 2025") still resolve, relative ones ("on Monday", "last
year") get a null value: nothing is guessed. Durations ("three-and-a-half years" -> P3Y6M)
need no anchor.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from newsledger.grammar.lexicon import FULL_MONTHS, MONTH_ABBREVIATIONS, MONTHS, ONES, TENS, TIME_ZONE, WEEKDAYS, alternatives
from newsledger.grammar.numbers import WORD_NUMBERS, WORDS

UNITS = {
    "year": "Y",
    "month": "M",
    "week": "W",
    "fortnight": "W",  # two weeks (UNIT_MULT), as British news counts them
    "day": "D",
    "decade": "Y",
    "century": "Y",
    "quarter": "Q",
    "hour": "H",
    "minute": "M",
    "second": "S",
}
UNIT_MULT = {"decade": 10, "century": 100, "fortnight": 2}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

_MON = rf"(?P<mon>{'|'.join(FULL_MONTHS)}|(?:{alternatives(MONTH_ABBREVIATIONS)})\.?)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[5-9]|20)\d{2})"
_WD = rf"(?P<wd>{'|'.join(WEEKDAYS)})"
_NUM = rf"(?P<num>\d+(?:\.\d+)?|{WORD_NUMBERS}|a couple of|couple of|a|an|several|a few|few|many|some)"
_FRAC = r"(?P<half>(?:-|\s)and(?:-|\s)a(?:-|\s)half|\s+1/2)?"
_UNIT = r"(?P<unit>year|month|fortnight|week|day|decade|centur(?:y|ie)|quarter|hour|minute|second)s?"
TIME_PREPOSITIONS = ("from", "until", "till", "by", "before", "after", "since")
AT = ("at", "around")


def _clock_after(words: tuple[str, ...], hours: tuple[str, ...]) -> str:
    """Lookbehinds for an H:MM clock right after one of ``words``, one per word and hour pattern (a
    lookbehind is fixed in width)."""
    return "(?:" + "|".join(rf"(?<=\b{w} {h}:\d\d)" for w in words for h in hours) + ")"


_CLOCK = (
    # rule clock_dot: "11.30pm", "7.45 a.m.": the minutes after a full stop, as British copy writes them
    r"(?:(?P<h>[01]?\d)(?:[:.](?P<min>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|[ap]\.?m\b)|(?P<noon>noon|midday|midnight)"
    # rule clock_24: "19:45 BST", "14:00 local time", "from 08:30 until 10:00", "at 19:45": a 24-hour
    # clock, known as one by its zone or by a preposition of time before it (after "at" or "around"
    # only hours no 12-hour clock has, as a level "stood at 10:30" is no time, or a clock a part of
    # the day follows: "at 9:15 each morning", "at 6:40 on Friday")
    # rule clock_zone: "1400 GMT", "0930 local time": four digits a zone follows are a 24-hour clock
    rf"|(?P<hz>[01]\d|2[0-3])(?P<mz>[0-5]\d)(?=\s*{TIME_ZONE}\b)"
    rf"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])(?:(?=\s*{TIME_ZONE}\b)"
    + "|"
    + _clock_after(TIME_PREPOSITIONS, (r"\d", r"\d\d"))
    + "|"
    + _clock_after(AT, (r"(?:0\d|1[3-9]|2[0-3])",))
    + "|"
    + _clock_after(AT, (r"\d", r"\d\d"))
    + r"(?=\s+(?:(?:each|every|this|that|on|in\s+the)\s+(?:morning|afternoon|evening|night|day|weekday|"
    + "|".join(WEEKDAYS)
    + r")|(?:tonight|today|tomorrow|yesterday)\b))))"
    rf"(?:\s+{TIME_ZONE})?(?:\s+\(\d{{3,4}}\s+(?:GMT|UTC)\))?"  # "10:35 a.m. (0735 GMT) Friday"
)
_MOD = r"(?P<mod>early|mid|late|the end of|the beginning of|the start of|the middle of)[\s-]+"
# a part of a relative period, part of the expression as TimeML marks it ("earlier this year", "late yesterday")
_EDGE = r"(?:earlier|later|early|late|mid)[\s-]+"
_SEASON = r"(?P<season>spring|summer|autumn|winter)"
_AFTER_PREPOSITION = "(?:" + "|".join(rf"(?<=\b{w}\s)" for w in ("in", "during", "by", "over", "until", "since", "through")) + ")"


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str | None
    precision: str | None  # day, week, month, quarter, year, decade, century, time, duration, ref
    rule: str | None = None  # the name of the rule (its reading function) that found it


def _precision(value: str | None, kind: str) -> str | None:
    if value is None:
        return None
    if kind == "DURATION" or kind == "SET":
        return "duration"
    if value.endswith("_REF"):
        return "ref"
    if "T" in value:
        return "time"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "day"
    if "-W" in value:
        return "week"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "month"
    if "-Q" in value or "-H" in value:
        return "quarter"
    if re.fullmatch(r"\d{4}(?:-(?:SP|SU|FA|WI))?", value):
        return "year"
    if re.fullmatch(r"\d{3}", value):
        return "decade"
    if re.fullmatch(r"\d{2}", value):
        return "century"
    return None


def _num(text: str) -> float | None:
    t = text.lower().strip()
    if t in ("a", "an"):
        return 1
    if t in ("a couple of", "couple of"):
        return 2
    if t in ("several", "a few", "few", "many", "some"):
        return None
    if t in WORDS:
        return float(WORDS[t])
    try:
        return float(t)
    except ValueError:
        return None


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else str(n)


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _period(anchor: date, unit: str, n: int = 0) -> str | None:
    """The TIMEX3 value of the anchor's year, month, week, quarter or day, shifted by n of them."""
    if unit == "year":
        return f"{anchor.year + n:04d}"
    if unit == "month":
        y, mo = _shift_month(anchor, n)
        return f"{y:04d}-{mo:02d}"
    if unit == "week":
        return _week(anchor + timedelta(weeks=n))
    if unit == "quarter":
        q = (anchor.month - 1) // 3 + n
        return f"{anchor.year + q // 4:04d}-Q{q % 4 + 1}"
    if unit == "day":
        return (anchor + timedelta(days=n)).isoformat()
    return None


def _about_quarters(m: re.Match[str]) -> bool:
    """Whether the text around an expression reports quarterly results ("a year ago" is then that quarter)."""
    return bool(re.search(r"\bquarter(?:ly)?\b", m.string[max(0, m.start() - 400) : m.end() + 100], re.I))


def _last_quarter(anchor: date, years_back: int = 0) -> str:
    """In results reporting, "the quarter" is the last one completed."""
    q = (anchor.month - 1) // 3 - 1
    return f"{anchor.year + q // 4 - years_back:04d}-Q{q % 4 + 1}"


def _shift_month(d: date, months: int) -> tuple[int, int]:
    m = d.year * 12 + d.month - 1 + months
    return m // 12, m % 12 + 1


ValueFn = Callable[[re.Match[str], date | None, str], str | None]  # (match, anchor, its sentence) -> TIMEX3 value
Rule = tuple[re.Pattern[str], str, ValueFn]


def _explicit_date(m: re.Match[str], anchor: date | None, sentence: str) -> str | None:
    g = m.groupdict()
    month = MONTHS[g["mon"].lower().rstrip(".")]
    year = int(g["year"]) if g.get("year") else None
    if year is None:
        if anchor is None:
            return None
        ahead = g.get("drel") == "next" or _ahead(m, sentence)  # "next March 3"; "last Oct. 23" looks back
        year = _closest_year(anchor, month, int(g["day"]) if g.get("day") else 15, ahead)
    if g.get("day"):
        try:
            return date(year, month, int(g["day"])).isoformat()
        except ValueError:
            return None
    return f"{year:04d}-{month:02d}"


SCHEDULED_VERB = (
    r"(?<!\bdid not )(?<!\bdidn't )(?<!\bhad )(?<!\bto )(?-i:"
    r"(?:begin|start|open|close|resume|reopen|meet|convene|arrive|return|travel|visit|head|launch|end|expire)s?"
    r"|flies|fly|takes? place|gets? under ?way|go(?:es)? ahead)(?=\s+(?:[a-z]+\s+){0,3}?(?:on|at|in|from|this|next|by)\b)"
)


FUTURE_CUE = re.compile(
    r"\b(?:will|won't|would|'ll|shall|is to|are to|scheduled|slated|plans? to|planned|planning|expected to|set (?:to|for)"
    r"|due to|going to|upcoming|intends? to|hopes? to|would like to|until|as soon as|as early as"
    r"|payable|effective|expires?|deadline"
    # rule scheduled_present: a schedule in the present tense ("voters go to the polls in November",
    # "the ban takes effect in May", "the tournament kicks off in June")
    r"|go(?:es)? to the polls|takes? effect|comes? into force|kicks? off|(?:is|are) due"
    # ... and a verb of a scheduled event in the present simple, not after a past or negated
    # auxiliary ("the talks begin on Monday", "polls open at 7am", "she flies to Delhi on Friday")
    rf"|{SCHEDULED_VERB}"
    # rule open_future: a modal of possibility ahead ("may visit in May"; not "may have")
    r"|(?-i:may|might)(?!\s+(?:have|not have)\b))\b|\bnext\b(?! to\b)",
    re.I,
)


def _ahead(m: re.Match[str], sentence: str) -> bool:
    """Whether the clause around an expression speaks of what is to come ("will meet on Tuesday",
    "would be paid in January"), read from the words before it; a past auxiliary in the clause
    after it ("Until Thursday, they had not ...", "planned for Saturday was canceled") keeps it in
    the past."""
    if m.group(0).lower().startswith(("last", "past", "previous", "earlier")):
        return False
    text = m.string
    begin = sentence.start if isinstance(sentence, SentenceText) else m.start()  # the sentence's offset in the text
    before = _CLAUSE_BREAK.split(text[max(begin, m.start() - 60) : m.start()])[-1]
    rest = text[m.end() : min(begin + len(sentence), m.end() + 60)]
    if not re.sub(r"(?i)\b(?:on|by|from|since|until|as of)\b", "", before).strip():
        rest = re.sub(r"^\s*,\s*", " ", rest)  # "Until Thursday, they had not ...": the clause it opens
    if PAST_CUE.search(_AFTER_BREAK.split(rest)[0]) or re.search(r"\bhad\b", before, re.I):
        return False  # "had been scheduled to expire at midnight Friday": a plan already past
    return bool(FUTURE_CUE.search(before))


_CLAUSE_BREAK = re.compile(r"[,;:]\s|\b(?:said|says|after|when|while|because|but)\b")
_AFTER_BREAK = re.compile(r"[,;:.]\s|\b(?:said|says|after|when|while|because|but|that|which|who|and)\b")
# a past auxiliary, unless it opens a plan ("were planning to", "was expected to")
PAST_CUE = re.compile(r"\b(?:had|was|were|did)\b(?!\s+(?:planning|scheduled|expected|set|due|going|slated|to)\b)", re.I)


def _closest_year(anchor: date, month: int, day: int, ahead: bool = False) -> int:
    """The year for a day and month written without one: news tells of the past, so the latest
    such date on or before the anchor, unless it falls within the next two months ("in March",
    read in November, is this year's; "Dec. 30", read in January, is last year's). Where the
    sentence speaks of the future, the first such date on or after the anchor."""
    if ahead:
        return anchor.year if (month, day) >= (anchor.month, anchor.day) else anchor.year + 1
    for y in (anchor.year + 1, anchor.year, anchor.year - 1):
        try:
            when = date(y, month, min(day, 28))
        except ValueError:
            continue
        if (when - anchor).days <= 60:
            return y
    return anchor.year


def _month_only(m: re.Match[str], anchor: date | None, sentence: str) -> str | None:
    if anchor is None:
        return None
    month = MONTHS[m.group("mon").lower().rstrip(".")]
    rel = (m.group("rel") or "").lower()
    if rel == "last":  # the latest such month before this one ("last April", read in October: this year's)
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif rel == "next":
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif rel == "this":
        year = anchor.year
    else:
        year = _closest_year(anchor, month, 15, _ahead(m, sentence))
    return f"{year:04d}-{month:02d}"


def _own_decade(m: re.Match[str], anchor: date | None, _s: str) -> str | None:
    """ "the end of the decade", "the turn of the century": the decade ("202") or century ("20") of the anchor."""
    if anchor is None:
        return None
    return str(anchor.year // 10) if m.group("cunit").lower() == "decade" else str(anchor.year // 100)


def _anchored_unit(m: re.Match[str], anchor: date | None, _s: str) -> str | None:
    """ "the quarter", "the latest quarter", "the year": the anchor's own period."""
    if anchor is None:
        return None
    unit = (m.group("aunit") or m.group("aunit2")).lower()
    return _last_quarter(anchor) if unit in ("quarter", "period") else _period(anchor, unit)  # "the latest period"


def _weekday(m: re.Match[str], anchor: date | None, sentence: str) -> str | None:
    if anchor is None:
        return None
    wd = WEEKDAYS[m.group("wd").lower()]
    rel = (m.groupdict().get("wrel") or "").lower()
    # news tells of the past: the last such day, unless the sentence speaks of what is to come
    future = rel in ("next", "this coming", "coming") or (rel != "last" and _ahead(m, sentence))
    delta = (wd - anchor.weekday()) % 7 if future else -((anchor.weekday() - wd) % 7)
    if rel == "last" and delta == 0:
        delta = -7  # "last Wednesday", read on a Wednesday: a week ago
    day = (anchor + timedelta(days=delta)).isoformat()
    part = m.groupdict().get("part")
    return day + "T" + PARTS_OF_DAY[part.lower()] if part else day  # "Friday night"


def _relative_day(m: re.Match[str], anchor: date | None, _s: str) -> str | None:
    if anchor is None:
        return None
    shifts = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
    shift = next(shifts[w] for w in re.findall(r"[a-z]+", m.group(0).lower()) if w in shifts)
    return (anchor + timedelta(days=shift)).isoformat()


_COMPARED = re.compile(r"\b(?:compared (?:with|to)|corresponding period|same period|versus|vs\.)[^.;]*$", re.I)


def _month_of_year(m: re.Match[str], anchor: date | None, _s: str) -> str | None:
    """ "June last year", "March of next year": that month of the year named."""
    if anchor is None:
        return None
    shift = {"last": -1, "this": 0, "next": 1}[m.group("rel").lower()]
    return f"{anchor.year + shift:04d}-{MONTHS[m.group('mon').lower().rstrip('.')]:02d}"


def _relative_unit(m: re.Match[str], anchor: date | None, _s: str) -> str | None:
    if anchor is None:
        return None
    which = m.group("which").lower()
    unit = m.group("runit").lower()
    step = {
        "last": -1,
        "past": -1,
        "previous": -1,
        "this": 0,
        "current": 0,
        "the current": 0,
        "next": 1,
        "coming": 1,
        "the coming": 1,
    }[which]
    if unit == "year" and step == -1 and _about_quarters(m) and _COMPARED.search(m.string[max(0, m.start() - 60) : m.start()]):
        return _last_quarter(anchor, 1)  # "compared with a loss of $3 million last year" in results: that quarter
    if unit in ("year", "month", "week", "quarter"):
        return _period(anchor, unit, step)
    if unit in SEASONS:
        return f"{anchor.year + step:04d}-{SEASONS[unit]}"
    if unit == "weekend":
        return _week(anchor + timedelta(weeks=step)) + "-WE"
    return None


def _the_weekend(m: re.Match[str], anchor: date | None, sentence: str) -> str | None:
    """ "the weekend": the one just past (read Monday to Thursday) or the one this week is in
    (read from Friday, or where the sentence speaks of what is to come)."""
    if anchor is None:
        return None
    this_week = anchor.weekday() >= 4 or _ahead(m, sentence)
    return _week(anchor if this_week else anchor - timedelta(weeks=1)) + "-WE"


def _ago(m: re.Match[str], anchor: date | None, sentence: str) -> str | None:
    if anchor is None:
        return None
    n = _num(m.group("num"))
    unit = m.group("unit").lower().rstrip("s")
    if n is None or n != int(n):
        return None
    n = int(n) * (-1 if m.group("dir").lower() in ("ago", "earlier", "before") else 1)
    if unit == "year" and _about_quarters(m):
        return _last_quarter(anchor, -n)  # "a year earlier" in results: that quarter, a year before
    if unit == "fortnight":
        unit, n = "week", 2 * n  # "a fortnight ago": two weeks before
    if unit in ("year", "month", "week", "day"):
        return _period(anchor, unit, n)
    if unit == "decade":
        return f"{(anchor.year + 10 * n) // 10:03d}"
    return None


# a fraction of a unit written in the next smaller one, as TimeML does ("2 1/2 years" -> P2Y6M)
_HALF_OF = {"year": "6M", "day": "T12H", "hour": "30M", "minute": "30S", "week": "3DT12H"}


def _duration(m: re.Match[str], _a: date | None, _s: str) -> str | None:
    unit = m.group("unit").lower()
    unit = "century" if unit.startswith("centur") else unit.rstrip("s")
    g = m.groupdict()
    plural = m.end("unit") < len(m.string) and m.string[m.end("unit")] in "sS" and not unit.startswith("centur")
    n = _num(g["num"]) if g.get("num") else None if plural else 1.0  # "the coming months": how many is not said
    if n is not None and (g.get("half") or g.get("half2")):
        n += 0.5
    code = UNITS[unit]
    if unit == "quarter":
        n, code = (None if n is None else n * 3), "M"
    count = "X" if n is None else _fmt(n * UNIT_MULT.get(unit, 1))
    if n is not None and n != int(n) and unit in _HALF_OF:
        count, code = str(int(n)), code + _HALF_OF[unit]
    return f"PT{count}{code}" if unit in ("hour", "minute", "second") else f"P{count}{code}"


DECADE_WORDS = {word[:-1] + "ies": n // 10 for word, n in TENS.items()}  # "twenty" -> "twenties": 2


def _decade_word(m: re.Match[str], _a: date | None, _s: str) -> str | None:
    return f"19{DECADE_WORDS[m.group('tensw').lower()]}"


def _plural_duration(m: re.Match[str], _a: date | None, _s: str) -> str | None:
    unit = m.group("unit").lower()
    unit = "century" if unit.startswith("centur") else unit.rstrip("s")
    return f"PTX{UNITS[unit]}" if unit in ("hour", "minute", "second") else f"PX{UNITS[unit]}"


_TENS = {word: n // 10 for word, n in TENS.items()}  # "nineteen eighty-four": the decade's digit
_ONES = ONES
_TENS_WORD = "|".join(_TENS)
_ONES_WORD = "|".join(_ONES)


def _spoken_year(m: re.Match[str], _a: date | None, _s: str) -> str | None:
    """ "nineteen ninety-six" (transcripts) -> 1996."""
    return f"19{_TENS[m.group('tens').lower()]}{_ONES.get((m.group('ones') or '').lower(), 0)}"


def _spoken_month(m: re.Match[str], anchor: date | None, sentence: str) -> str | None:
    """ "January nineteen ninety-seven" -> 1997-01."""
    return f"{_spoken_year(m, anchor, sentence)}-{MONTHS[m.group('mon').lower().rstrip('.')]:02d}"


def _week_of(m: re.Match[str], anchor: date | None, sentence: str) -> str | None:
    """ "the week of March 6": the ISO week that day is in."""
    day = _explicit_date(m, anchor, sentence)
    return _week(date.fromisoformat(day)) if day and len(day) == 10 else None


def _year(m: re.Match[str], _a: date | None, _s: str) -> str | None:
    return m.group("year")


def _decade(m: re.Match[str], _a: date | None, _s: str) -> str | None:
    return m.group("dec")[:3]


_YEAR_SHIFT = {"year-ago": -1, "year-earlier": -1, "last year's": -1, "this year's": 0, "next year's": 1}


def _quarter(m: re.Match[str], anchor: date | None, _s: str) -> str | None:
    """ "the third quarter", "the 1988 third quarter", "next year's first quarter", "the fourth quarter of 2024"."""
    q = ORDINAL[m.group("ord").lower()]
    year = m.group("year") or m.group("qyear")
    if year is None and anchor is not None:
        year = str(anchor.year + _YEAR_SHIFT.get((m.group("qrel") or "").lower().replace("’", "'"), 0))
    return f"{year}-Q{q}" if year else None


def _period_code(m: re.Match[str], anchor: date | None, _s: str) -> str | None:
    """ "Q3" -> "2024-Q3", "H1 2023" -> "2023-H1": the year written, else the anchor's (as "the third
    quarter" is read); "H3" is no half."""
    code, n = m.group("code"), int(m.group("n"))
    if code == "H" and n > 2:
        return None
    year = m.group("cyear") or (str(anchor.year) if anchor else None)
    return f"{year}-{code}{n}" if year else None


def _half_year(m: re.Match[str], anchor: date | None, _s: str) -> str | None:
    """ "the first half of the year", "the second half of 2023", "the first half of last year": a
    half year (a match's "first half" names no year and is no time of the calendar)."""
    h = 1 if m.group("hord").lower() in ("first", "1st") else 2
    year = m.group("year")
    if year is None and anchor is not None:
        year = str(anchor.year + {"last": -1, "next": 1}.get((m.group("hrel") or "").lower(), 0))
    return f"{year}-H{h}" if year else None


def _quarter_of_year(m: re.Match[str], anchor: date | None, _s: str) -> str | None:
    """ "the 1988 quarter" in results reporting: the quarter just reported, in that year."""
    if anchor is None:
        return m.group("qyear")
    last = _last_quarter(anchor)
    return f"{m.group('qyear')}{last[4:]}" if _about_quarters(m) else m.group("qyear")


def _named_year(m: re.Match[str], _a: date | None, _s: str) -> str | None:
    return m.group("year")  # a year its words vouch for ("fiscal 1989", "mid-1996"): no year-likeness check


def _year_end(_m: re.Match[str], anchor: date | None, _s: str) -> str | None:
    return f"{anchor.year:04d}" if anchor else None  # "by year-end": this year, at year precision


def _season(m: re.Match[str], anchor: date | None, _s: str) -> str | None:
    year = m.groupdict().get("year") or (str(anchor.year) if anchor else None)
    return f"{year}-{SEASONS[m.group('season').lower()]}" if year else None


def _time_of_day(m: re.Match[str]) -> str:
    """ "9:30 p.m." -> "21:30", "noon" -> "12:00", "midnight" -> "24:00" (the end of its day)."""
    if m.group("noon"):
        return "24:00" if m.group("noon").lower() == "midnight" else "12:00"
    if m.group("hz"):
        return f"{m.group('hz')}:{m.group('mz')}"
    if m.group("h24"):
        return f"{int(m.group('h24')):02d}:{m.group('m24')}"
    hour = int(m.group("h")) % 12 + (12 if m.group("ap").lower().startswith("p") else 0)
    return f"{hour:02d}:{int(m.group('min') or 0):02d}"


def _clock(m: re.Match[str], anchor: date | None, _s: str) -> str | None:
    return f"{anchor.isoformat()}T{_time_of_day(m)}" if anchor else None


def _at_time(day: ValueFn) -> ValueFn:
    """A time of day on a day ("10 p.m. Wednesday", "5 p.m. EST Nov. 9"): the day's value with the time."""

    def value(m: re.Match[str], anchor: date | None, sentence: str) -> str | None:
        on = day(m, anchor, sentence)
        return f"{on[:10]}T{_time_of_day(m)}" if on and re.match(r"\d{4}-\d{2}-\d{2}", on) else None

    return value


PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}


def _part_of_day(m: re.Match[str], anchor: date | None, _s: str) -> str | None:
    if anchor is None:
        return None
    part = PARTS_OF_DAY[m.group("part").lower()]
    day = anchor - timedelta(days=1) if m.group(0).lower().startswith(("last", "yesterday")) else anchor
    return f"{day.isoformat()}T{part}"


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th given weekday of a month (n = -1: the last)."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month = (h + m - 7 * n + 114) // 31
    return date(year, month, (h + m - 7 * n + 114) % 31 + 1)


HOLIDAYS: dict[str, Callable[[int], date]] = {
    "new year's day": lambda y: date(y, 1, 1),
    "new year's eve": lambda y: date(y, 12, 31),
    "valentine's day": lambda y: date(y, 2, 14),
    "easter": _easter,
    "easter sunday": _easter,
    "good friday": lambda y: _easter(y) - timedelta(days=2),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "independence day": lambda y: date(y, 7, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "halloween": lambda y: date(y, 10, 31),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + timedelta(days=1),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "christmas eve": lambda y: date(y, 12, 24),
    "christmas": lambda y: date(y, 12, 25),
    "christmas day": lambda y: date(y, 12, 25),
}


def _holiday(m: re.Match[str], anchor: date | None, _s: str) -> str | None:
    name = re.sub(r"^(?:last|this|next)\s+", "", m.group(0).lower()).replace("’", "'")
    name = re.sub(r",?\s*(?:19|20)\d{2}$", "", name).strip(" ,")
    year = int(m.group("year")) if m.groupdict().get("year") else None
    if year is None:
        if anchor is None:
            return None
        when = HOLIDAYS[name](anchor.year)
        year = _closest_year(anchor, when.month, when.day)
    return HOLIDAYS[name](year).isoformat()


def _year_earlier(m: re.Match[str], anchor: date | None, sentence: str) -> str | None:
    """ "year-earlier", "the year-ago quarter": the same period a year before."""
    if anchor is None:
        return None
    return _last_quarter(anchor, 1) if _about_quarters(m) or "period" in sentence else _period(anchor, "year", -1)


def _ref(value: str) -> ValueFn:
    def reference(_m: re.Match[str], _a: date | None, _s: str) -> str | None:  # "now", "the past": a fixed value
        return value

    return reference


def _the_year(m: re.Match[str], _a: date | None, _s: str) -> str | None:
    return m.group("year") or "2000"  # "the year 2000", "the year two thousand"


def _iso(m: re.Match[str], _a: date | None, _s: str) -> str | None:
    try:
        return date(int(m.group("y")), int(m.group("m")), int(m.group("d"))).isoformat()
    except ValueError:
        return None


def _rx(p: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){p}(?![\w-])", re.I)


RULES: list[Rule] = [
    (_rx(r"(?P<y>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)"), "DATE", _iso),
    (_rx(rf"(?:{_WD},?\s+)?{_MON}\s+{_DAY},?\s+{_YEAR}"), "DATE", _explicit_date),
    (_rx(rf"(?:{_WD},?\s+)?{_DAY}\s+{_MON},?\s+{_YEAR}"), "DATE", _explicit_date),
    (_rx(rf"(?:{_MOD})?{_MON},?\s+{_YEAR}"), "DATE", _explicit_date),
    (_rx(rf"the\s+week\s+of\s+{_MON}\s+{_DAY}(?:,?\s+{_YEAR})?"), "DATE", _week_of),
    (_rx(rf"{_MON},?\s+nineteen[\s-](?P<tens>{_TENS_WORD})(?:[\s-](?P<ones>{_ONES_WORD}))?"), "DATE", _spoken_month),
    (_rx(rf"(?:(?P<drel>last|this|next)\s+)?(?:{_WD},?\s+)?{_MON}\s+{_DAY}"), "DATE", _explicit_date),
    (_rx(rf"(?:{_WD},?\s+)?{_DAY}\s+{_MON}"), "DATE", _explicit_date),
    (
        _rx(
            r"(?:the\s+)?(?:(?P<qyear>(?:19|20)\d{2})\s+|(?P<qrel>year-ago|year-earlier|(?:last|this|next) year['’]s)\s+)?"
            r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]quarter(?:\s+of\s+" + _YEAR + r")?"
        ),
        "DATE",
        _quarter,
    ),
    (_rx(r"the\s+(?P<qyear>(?:19|20)\d{2})\s+(?:quarter|period)"), "DATE", _quarter_of_year),
    (
        _rx(r"(?:the\s+)?(?P<hord>first|second|1st|2nd)\s+half\s+of\s+(?:(?:the|this|(?P<hrel>last|next))\s+year|" + _YEAR + ")"),
        "DATE",
        _half_year,
    ),
    (_rx(r"the\s+year\s+(?:(?P<year>(?:19|20)\d{2})|two[\s-]thousand)"), "DATE", _the_year),
    (_rx(r"(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?" + _YEAR), "DATE", _season),
    (_rx(rf"{_MON}\s+(?:of\s+)?(?P<rel>last|this|next)\s+year"), "DATE", _month_of_year),
    (_rx(rf"(?:(?P<rel>last|this|next)\s+)?(?:{_MOD})?{_MON}"), "DATE", _month_only),
    (_rx(rf"(?:{_EDGE})?(?:today|tonight|yesterday|tomorrow)"), "DATE", _relative_day),
    (_rx(r"(?:the\s+)?year[\s-](?:earlier|ago)(?:\s+(?:quarter|period|level|results))?"), "DATE", _year_earlier),
    (
        _rx(
            r"(?:(?:last|this|next)\s+)?(?:new year['’]s day|new year['’]s eve|valentine['’]s day|easter sunday|easter|good friday|memorial day|independence day|labor day|halloween|election day|thanksgiving day|thanksgiving|christmas eve|christmas day|christmas)(?:,?\s+(?P<year>(?:19|20)\d{2}))?"
        ),
        "DATE",
        _holiday,
    ),
    (_rx(rf"{_CLOCK},?\s+(?:on\s+)?(?:(?P<wrel>last|this|next|this coming)\s+)?{_WD}"), "TIME", _at_time(_weekday)),
    (_rx(rf"(?:(?P<wrel>last|this|next|this coming)\s+)?{_WD},?\s+at\s+{_CLOCK}"), "TIME", _at_time(_weekday)),
    (_rx(rf"{_CLOCK},?\s+(?:on\s+)?{_MON}\s+{_DAY}(?:,?\s+{_YEAR})?"), "TIME", _at_time(_explicit_date)),
    (_rx(rf"{_CLOCK}\s+(?:today|tonight|yesterday|tomorrow)"), "TIME", _at_time(_relative_day)),
    (_rx(rf"(?:today|yesterday|tomorrow)\s+at\s+{_CLOCK}"), "TIME", _at_time(_relative_day)),
    (_rx(_CLOCK), "TIME", _clock),
    (_rx(r"(?:this|last|yesterday|tomorrow)\s+(?P<part>morning|afternoon|evening|night)"), "TIME", _part_of_day),
    (
        _rx(r"(?:(?P<wrel>last|this|next|this coming)\s+)?" + _WD + r"(?:\s+(?P<part>morning|afternoon|evening|night))?"),
        "DATE",
        _weekday,
    ),
    (
        _rx(
            rf"(?:{_EDGE})?(?P<which>last|past|previous|this|current|the current|next|coming|the coming)\s+(?P<runit>year|month|week|quarter|weekend|spring|summer|autumn|fall|winter)"
        ),
        "DATE",
        _relative_unit,
    ),
    # "a week or so ago": the same day as "a week ago", said loosely
    (_rx(rf"{_NUM}{_FRAC}[\s-]+{_UNIT}(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|before|later|from now)"), "DATE", _ago),
    # rule vague_ago: "several years ago", "a few weeks ago": some time past, no count to date it by
    (_rx(r"(?:several|a\s+few|few|many|some)\s+(?:years|months|weeks|days|decades)\s+ago"), "DATE", _ref("PAST_REF")),
    # rule decade_word: "the nineties", "the late eighties": a decade of the last century by its name
    (_rx(rf"the\s+(?:{_EDGE})?(?P<tensw>{'|'.join(DECADE_WORDS)})"), "DATE", _decade_word),
    (_rx(r"the\s+weekend"), "DATE", _the_weekend),
    (_rx(rf"(?:the\s+)?(?:{_EDGE})?(?P<dec>(?:1[5-9]|20)\d0)'?s"), "DATE", _decade),
    (_rx(rf"(?:{_EDGE}|fiscal(?:\s+year)?\s+){_YEAR}"), "DATE", _named_year),  # "mid-1996", "fiscal 1989"
    (_rx(r"year(?:-|\s|'s\s+)end"), "DATE", _year_end),
    (_rx(rf"{_AFTER_PREPOSITION}(?:the\s+)?(?:{_EDGE})?{_SEASON}"), "DATE", _season),  # "in the summer"
    (_rx(r"(?:now|currently|current|at present|at the moment|nowadays|these days)"), "DATE", _ref("PRESENT_REF")),
    (_rx(r"(?:recently|recent|the past|lately)"), "DATE", _ref("PAST_REF")),
    (_rx(r"(?:the (?:near |distant )?future|in the coming (?:days|weeks|months|years))"), "DATE", _ref("FUTURE_REF")),
    (_rx(rf"nineteen[\s-](?P<tens>{_TENS_WORD})(?:[\s-](?P<ones>{_ONES_WORD}))?"), "DATE", _spoken_year),
    (
        _rx(
            rf"(?:the\s+)?(?:(?:last|past|next|first|coming|previous)\s+)?{_NUM}{_FRAC}[\s-]+(?:more\s+)?{_UNIT}"
            r"(?P<half2>\s+and\s+a\s+half)?(?:[\s-]+long)?(?![\s-]+old)"
        ),
        "DURATION",
        _duration,
    ),
    (_rx(r"the\s+(?:fiscal\s+)?year(?=\s+end(?:ed|ing)\b)"), "DURATION", _ref("P1Y")),  # "the year ended June 30"
    (
        _rx(r"the\s+(?:(?:latest\s+|current\s+|same\s+|full\s+)?(?P<aunit>quarter|year|month|week)|latest\s+(?P<aunit2>period))"),
        "DATE",
        _anchored_unit,
    ),
    (_rx(rf"(?:the\s+)?(?:last|past|next|coming|previous)\s+{_UNIT}"), "DURATION", _duration),
    (
        _rx(
            r"(?<!early )(?<!small )(?<!wee )(?:several|many|a few|few|recent)?\s*(?P<unit>years|months|weeks|days|decades|hours|minutes)(?![\s-]+old)"
        ),
        "DURATION",
        _plural_duration,
    ),
    (_rx(_YEAR), "DATE", _year),
    (_rx(r"(?:daily|every day|each day)"), "SET", _ref("P1D")),
    (_rx(r"(?:weekly|every week|each week)"), "SET", _ref("P1W")),
    (_rx(r"(?:monthly|every month|each month)"), "SET", _ref("P1M")),
    (_rx(r"(?:every|each)\s+quarter"), "SET", _ref("P1Q")),
    # rule period_code: "Q3", "Q3 2023", "H1 results": a quarter or half by its code (capitals only)
    (re.compile(r"(?<![\w-])(?-i:(?P<code>[QH])(?P<n>[1-4]))(?:\s+(?P<cyear>(?:19|20)\d\d))?(?![\w-])"), "DATE", _period_code),
    # rule this_decade: "by the end of the decade", "this decade", "the turn of the century": the anchor's own
    # ("this century" alone is left: TimeBank reads it as a hundred years)
    (
        _rx(r"(?:the\s+(?:end|start|beginning|middle|turn)\s+of\s+the|this(?=\s+decade))\s+(?P<cunit>decade|century)"),
        "DATE",
        _own_decade,
    ),
    (_rx(r"(?:annually|yearly|every year|each year)"), "SET", _ref("P1Y")),
]


# every rule's match holds a digit or one of these (a month, weekday or unit word, a holiday, a
# reference word): a text with none of them holds no time expression and skips the rules
_TRIGGER = re.compile(
    r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|day|year|month|week|decade|centur|quarter|hour|minute"
    r"|second|spring|summer|autumn|fall|winter|noon|midnight|tonight|tomorrow|now|current|present|moment|recent"
    r"|past|lately|future|coming|nineteen|ties|easter|christmas|halloween|thanksgiving|valentine|fiscal|daily|weekly"
    r"|monthly|annual|yearly|morning|afternoon|evening|night|weekend|period",
    re.I,
)


# a word after "a second" that makes it an ordinal, not a time ("a second term"; "a second later" stays)
ORDINAL_AFTER = re.compile(r"\s+(?!(?:of|or|and|later|ago|earlier|before|after|to|too|longer|more|less|in|on|at|for)\b)[a-z]")


def find_timexes(text: str, anchor: date | None = None) -> list[Timex]:
    """Time expressions in text, longest match first, no overlaps, in text order."""
    if not _TRIGGER.search(text):
        return []
    found: list[Timex] = []
    taken: list[tuple[int, int]] = []  # kept sorted; they never overlap, so a bisection finds a clash
    candidates = [(m, kind, fn) for rx, kind, fn in RULES for m in rx.finditer(text)]
    candidates.sort(key=lambda c: (-(c[0].end() - c[0].start()), c[0].start()))
    sentence_of = _sentence_finder(text)
    for m, kind, fn in candidates:
        start, end, words = m.start(), m.end(), m.group(0)
        i = bisect.bisect_left(taken, (end,))
        if i > 0 and taken[i - 1][1] > start:
            continue
        value = fn(m, anchor, sentence_of(start))
        if (
            kind == "DATE"
            and re.fullmatch(r"(?:the\s+)?(?:first|second|third|fourth)\s+quarter", words, re.I) is None
            and value is None
            and anchor is not None
        ):
            continue
        if fn is _year and not _looks_like_year(text, start, end):
            continue
        if kind == "DURATION" and re.match(r"\s+of\b", text[end:]) and "quarter" in words.lower():
            continue  # "three-quarters of its food": a share, not a time
        if kind == "DURATION" and re.fullmatch(r"an?\s+second", words, re.I) and ORDINAL_AFTER.match(text, end):
            continue  # rule ordinal_second: "a second term", "a second group": second in order, not of time
        if fn is _month_only and not _month_in_context(text, start, end, m):
            continue
        bisect.insort(taken, (start, end))
        lead = re.match(r"the\s+(?!year-)(?=[\w.]+-\w)", words, re.I)  # "the 14-day strike": "the" is the noun's
        if lead:
            start, words = start + lead.end(), words[lead.end() :]
        found.append(Timex(start, end, words, kind, value, _precision(value, kind), fn.__name__.lstrip("_")))
    return sorted(found, key=lambda t: t.start)


def _month_in_context(text: str, start: int, end: int, m: re.Match[str]) -> bool:
    """A bare month name must be capitalised; "May" and "March" also need a date-like context."""
    name = m.group("mon")
    if not name[:1].isupper():
        return False
    temporal = re.search(
        r"\b(?:in|since|until|by|early|mid|late|last|next|this|of|from|through|during)\s+$",
        text[max(0, start - 12) : start].lower(),
    )
    if re.match(r"\s+[A-Z][a-z]", text[end : end + 3]) and not name.endswith(".") and not temporal:
        return False  # "Jan Egeland", "June Carter": a first name ("in June Russia ..." stays a month)
    if name.lower() in ("may", "march", "mar"):
        # "in May", "last March", "mid-May", "the end of March": a modifier of time makes it the month
        return bool(temporal or m.group("rel") or m.groupdict().get("mod"))
    return True


def _looks_like_year(text: str, start: int, end: int) -> bool:
    before, after = text[max(0, start - 2) : start], text[end : end + 12]
    if re.match(r"\s*(?:%|percent|troops|people|soldiers|\$|dollars|[a-z]+s\b)", after, re.I) and not re.match(
        r"\s*(?:s\b)", after
    ):
        return bool(re.match(r"\s*(?:season|s)\b", after))
    return "$" not in before and not re.match(r"[,.]\d", after)


_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b[ap]\.m|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mrs?|Ms|Dr|St|Gen|Sen|Rep|Gov))$"
)


class SentenceText(str):
    """A sentence's text that knows where it starts in the text it was cut from."""

    start: int

    def __new__(cls, text: str, start: int) -> SentenceText:
        sentence = super().__new__(cls, text)
        sentence.start = start
        return sentence


def _sentence_finder(text: str) -> Callable[[int], str]:
    # no end after an abbreviation ("payable Jan. 2", "Mr. Kim") or an initial
    ends = [
        m for m in re.finditer(r"[.!?][\"'”’]?\s+", text) if not _ABBREVIATION.search(text[max(0, m.start() - 6) : m.start()])
    ]
    bounds = [0] + [m.end() for m in ends] + [len(text)]

    def find(pos: int) -> str:
        k = bisect.bisect_right(bounds, pos) - 1
        return SentenceText(text[bounds[k] : bounds[k + 1]], bounds[k]) if 0 <= k < len(bounds) - 1 else SentenceText(text, 0)

    return find
