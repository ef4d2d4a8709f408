"""Finding amounts in text: digits, scale words, word numbers, ranges and bounds.

Pure string work, no NLP: the figure extractor uses it on sentences, then the parse tells what
each amount counts and who says so.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from newsledger.grammar import lexicon
from newsledger.grammar.lexicon import alternatives

SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "mil": 1e6,
    "lakh": 1e5,  # South Asian scales: "Rs 5 lakh", "2,000 crore"
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
WORDS = {
    **lexicon.ONES, **lexicon.TEENS, **lexicon.TENS, "hundred": 100, "a hundred": 100, "a dozen": 12, "dozen": 12,
    "a thousand": 1000, "a million": 1e6, "a billion": 1e9, "a trillion": 1e12,
}  # fmt: skip
# vague plurals: (low, high), approximate by nature; a scale word's plural spans that scale
# up to ten times it ("dozens" 12-120, "thousands" 1,000-10,000)
VAGUE = {
    "dozens": (12, 120), "scores": (20, 200), "hundreds": (100, 1000), "thousands": (1000, 10000),
    "tens of thousands": (10000, 100000), "hundreds of thousands": (100000, 1000000), "millions": (1e6, 1e7),
    "tens of millions": (1e7, 1e8), "hundreds of millions": (1e8, 1e9), "billions": (1e9, 1e10),
}  # fmt: skip
# "several hundred", "a few thousand": two to ten of the scale
VAGUE |= {f"{few} {scale}": (2 * n, 10 * n) for few in ("several", "a few") for scale, n in
          (("hundred", 100), ("thousand", 1000), ("million", 1e6), ("billion", 1e9))}  # fmt: skip
CURRENCIES = {
    "$": "dollar",
    "us$": "dollar",
    "€": "euro",
    "£": "pound sterling",
    "¥": "japanese yen",
    "y=": "japanese yen",  # wire copy's ASCII yen: "closed at Y=2,450"
    "₩": "south korean won",
    "₴": "hryvnia",
    "₽": "rouble",
    # further signs of Unicode's currency category (Sc) that news in English writes before an amount
    "₦": "nigerian naira",
    "₱": "philippine peso",
    "₺": "turkish lira",
    "₪": "shekel",
    "฿": "thai baht",
    "₫": "vietnamese dong",
    "₵": "ghanaian cedi",
    "₸": "kazakhstani tenge",
    "₾": "georgian lari",
    "hk$": "Hong Kong dollar",
    "hk $": "Hong Kong dollar",
    "us $": "dollar",
    "nz $": "New Zealand dollar",
    "au$": "Australian dollar",
    "au $": "Australian dollar",
    "a$": "Australian dollar",
    "c$": "Canadian dollar",
    "s$": "Singapore dollar",
    "nz$": "New Zealand dollar",
    "r$": "real",
    "nt$": "new taiwan dollar",
    "rm": "malaysian ringgit",
    "rs.": "rupee",
    "rs": "rupee",
    "₹": "indian rupee",
    "usd": "dollar",
    "aud": "Australian dollar",
    "eur": "euro",
    "gbp": "pound sterling",
    "cad": "Canadian dollar",
    "nzd": "New Zealand dollar",
    "sgd": "Singapore dollar",
    "hkd": "Hong Kong dollar",
    "jpy": "japanese yen",
    "cny": "chinese yuan",
    "inr": "rupee",
    "chf": "Swiss franc",
    "s $": "Singapore dollar",
    "ps": "pound sterling",  # "£6m" as ASCII transliteration writes it ("PS6m"); only before a scale word
}
# rule letter_currency: the letters that stand for a currency before its amount in the press of the
# countries that use it ("KSh 42 billion", "Rp 15,000", "Tk 500 crore"), case as written. "R" and
# "N" are also roads, grades and models ("the R2", "N95"): they are money only before a thousands
# separator or a scale word ("R2.5 billion", "N1,200", "R40m")
LETTER_CURRENCIES = {
    "KShs": "kenyan shilling", "KSh": "kenyan shilling", "Kshs": "kenyan shilling", "Ksh": "kenyan shilling",
    "USh": "ugandan shilling", "TSh": "tanzanian shilling", "Rp": "indonesian rupiah", "Tk": "bangladeshi taka",
    "GH¢": "ghanaian cedi", "GH₵": "ghanaian cedi", "R": "south african rand", "N": "nigerian naira",
}  # fmt: skip
GUARDED_LETTERS = ("R", "N")
CURRENCIES |= {k.lower(): v for k, v in LETTER_CURRENCIES.items()}
# currencies written as words after the number that quantulum3 does not know ("1.5 billion shekels")
CURRENCY_WORDS = {
    "shekel": "shekel", "shekels": "shekel", "ringgit": "malaysian ringgit", "sen": "sen", "naira": "nigerian naira",
    "lira": "turkish lira", "baht": "thai baht", "rupiah": "indonesian rupiah", "hryvnia": "hryvnia",
    "hryvnias": "hryvnia", "roubles": "rouble", "rubles": "rouble", "rouble": "rouble", "ruble": "rouble",
    "won": "south korean won", "yen": "japanese yen", "yuan": "chinese yuan", "renminbi": "chinese yuan",
    "pesos": "peso", "peso": "peso", "dirhams": "dirham", "riyals": "riyal", "rand": "south african rand",
    "danish crowns": "danish krone", "danish kroner": "danish krone", "swedish crowns": "swedish krona",
    "swedish kronor": "swedish krona", "norwegian crowns": "norwegian krone", "norwegian kroner": "norwegian krone",
    "zloty": "polish zloty", "zlotys": "polish zloty", "złoty": "polish zloty", "forint": "hungarian forint",
    "forints": "hungarian forint", "koruna": "czech koruna", "korunas": "czech koruna", "czech crowns": "czech koruna",
    "lei": "romanian leu", "dong": "vietnamese dong", "taka": "bangladeshi taka", "cedi": "ghanaian cedi",
    "cedis": "ghanaian cedi", "tenge": "kazakhstani tenge", "lari": "georgian lari",
}  # fmt: skip
# units written against the number ("5pc", "180p", "256GB", "40min")
GLUED_UNITS = {"″": "inch", "′": "foot", "pc": "percentage", "p": "penny", "gb": "gigabyte", "mb": "megabyte", "tb": "terabyte", "kg": "kilogram",
               "km": "kilometre", "cm": "centimetre", "mm": "millimetre", "mph": "mile per hour", "mpg": "mile per gallon",
               "min": "minute", "mins": "minute", "lb": "pound-mass", "lbs": "pound-mass", "ft": "foot", "hz": "hertz",
               "ghz": "gigahertz", "mhz": "megahertz", "kw": "kilowatt", "mw": "megawatt", "gw": "gigawatt", "kwh": "kilowatt hour",
               "g": "gram", "w": "watt", "ml": "millilitre", "l": "litre", "sq ft": "square foot", "mg": "milligram", "μm": "micrometre",
               "nm": "nanometre", "gwh": "gigawatt hour", "mwh": "megawatt hour", "gpa": "gigapascal", "kph": "kilometre per hour",
               "km/h": "kilometre per hour", "mbps": "megabit per second", "gbps": "gigabit per second", "hp": "horsepower",
               "ppg": "point per game", "rpg": "rebound per game", "apg": "assist per game", "mah": "milliampere hour",
               "sq m": "square metre", "°c": "celsius", "°f": "fahrenheit", "degf": "fahrenheit", "degc": "celsius",
               "deg c": "celsius", "deg f": "fahrenheit", "pound-feet": "pound-foot", "pound-foot": "pound-foot",
               "lb-ft": "pound-foot", "bps": "basis point", "bp": "basis point", "ms": "millisecond", "kbps": "kilobit per second",
               "ha": "hectare", "hr": "hour", "hrs": "hour", "ppm": "part per million", "ppb": "part per billion", "gb/s": "gigabit per second", "mb/s": "megabit per second", "tb/s": "terabit per second"}  # fmt: skip
# unit symbols whose case carries their meaning (read as written, before any lower-casing)
CASED_SYMBOLS = {
    "Nm": "newton metre", "MW": "megawatt", "mW": "milliwatt", "GW": "gigawatt", "kW": "kilowatt", "MWh": "megawatt hour",
    "GWh": "gigawatt hour", "TWh": "terawatt hour", "TW": "terawatt", "kWh": "kilowatt hour", "MB": "megabyte", "Mb": "megabit", "GB": "gigabyte", "Gb": "gigabit",
    "Tb": "terabit", "Gb/s": "gigabit per second", "GB/s": "gigabyte per second", "Mb/s": "megabit per second",
    "MB/s": "megabyte per second", "Tb/s": "terabit per second",
}  # fmt: skip
MONTHS = rf"(?:{alternatives(lexicon.MONTHS)})"

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
WORD_NUMBERS = "|".join(sorted((re.escape(w) for w in WORDS), key=len, reverse=True))  # longest first
_WORDNUM = WORD_NUMBERS
_VAGUE = "|".join(sorted((re.escape(w) for w in VAGUE), key=len, reverse=True))
# ISO codes written before an amount ("USD 5m", "CHF 120"): the three-letter keys of ``CURRENCIES``
ISO_WRITTEN = [k.upper() for k in CURRENCIES if re.fullmatch(r"[a-z]{3}", k)]
_SIGNS = "".join(
    k for k in CURRENCIES if len(k) == 1 and k != "$" and not k.isalpha()
)  # "€£¥₩₴₽₹": the one-character signs but the dollar's
_LETTERS = "|".join(sorted((re.escape(k) for k in LETTER_CURRENCIES if k not in GUARDED_LETTERS), key=len, reverse=True))
_CUR = (
    rf"(?-i:Y)=(?=\d)|US\s?\$|HK\s?\$|NZ\s?\$|AU\s?\$|NT\$|(?-i:[ACSR])\$|\$|[{_SIGNS}]|RM(?=\d)|(?-i:{_LETTERS})\s?(?=\d)|"
    rf"(?-i:[{''.join(GUARDED_LETTERS)}])(?=\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+(?:\.\d+)?\s?(?:bn|mn|m|k|million|billion|trillion)\b)|"
    r"(?-i:PS)(?=\d[\d.,]*\s?(?:bn|mn|m|k|million|billion)\b)|Rs\.?\s?(?=\d)|(?:" + "|".join(ISO_WRITTEN) + r")\s?(?=\d)"
)
_GLUED = "|".join(sorted((re.escape(u) for u in GLUED_UNITS), key=len, reverse=True))
_SCALE = r"hundred|thousand|million|billion|trillion|bn|mn|mil|tn|lakhs?|crores?|[mkb](?![a-z])(?!\.[a-z]\.)"
_UNITS_WORDS = "|".join([*lexicon.ONES, *lexicon.TEENS])  # in this order: "seven" is tried before "seventeen"
_TENS_WORDS = "|".join(lexicon.TENS)
_NUMWORD = rf"(?:(?:{_TENS_WORDS})(?:-(?:{_UNITS_WORDS}))?|{_UNITS_WORDS})"
# "twenty-eight thousand six hundred forty-two", "one hundred and fifty": several number words
_WORDSEQ = rf"{_NUMWORD}(?:[\s-]+(?:and\s+)?(?:hundred|thousand|million|billion|{_NUMWORD}))+"
_AMT = rf"(?:{_CUR})?\s?-?(?:{_NUM}|{_WORDSEQ}|{_WORDNUM})(?:[\s-]?(?:{_SCALE}))?(?:[\s-]?(?:hundred|thousand|million|billion|trillion))?(?:\s?(?:%|percent\b|per\s?cent\b)|(?:{_GLUED})(?![a-z])|(?-i:[CF])(?![A-Za-z]))?"
# rule as_far_as: "as low as", "as little as", "as few as" give the least the figure reaches; "as
# high as", "as much as", "as many as" the most; "as low as" and "as high as" name a level reached
LEVEL_REACHED = re.compile(r"as (?:low|high) as\b", re.I)
LOWER = (
    r"more than|over|above|exceeding|at least|no fewer than|no less than|upwards of|in excess of|as low as|as little as|as few as"
)
UPPER = r"up to|as many as|as much as|as high as|no more than|fewer than|less than|under|below|nearly|almost|just under|at most"
APPROX = r"an estimated|estimated|about|approximately|roughly|close to|around|some|an average of|on average"
QUAL = rf"(?P<qual>(?:(?:{APPROX})\s+)?(?:{LOWER}|{UPPER}|{APPROX}))\s+"
# units written after a hyphen ("a 2.4-litre engine", "a five-year journey", "a 65-year-old")
HYPHEN_UNITS = {
    "year": "year", "month": "month", "week": "week", "day": "day", "hour": "hour", "minute": "minute",
    "second": "second", "mile": "mile", "inch": "inch", "foot": "foot", "feet": "foot", "yard": "yard",
    "metre": "metre", "meter": "metre", "kilometre": "kilometre", "kilometer": "kilometre", "litre": "litre",
    "liter": "litre", "ton": "ton", "tonne": "tonne", "pound": "pound-mass", "gallon": "gallon", "acre": "acre",
    "percent": "percentage", "per-cent": "percentage", "cylinder": "cylinder", "storey": "storey", "story": "storey",
    "seat": "seat", "point": "point", "game": "game", "page": "page", "member": "member", "bed": "bed",
    "magnitude": "magnitude", "megapixel": "megapixel", "hectare": "hectare", "watt": "watt", "kilowatt": "kilowatt",
    "megawatt": "megawatt", "gigawatt": "gigawatt", "horsepower": "horsepower", "carat": "carat", "degree": "degree",
    "km": "kilometre", "kg": "kilogram", "mm": "millimetre", "cm": "centimetre",
}  # fmt: skip
_HYUNIT = "|".join(sorted(HYPHEN_UNITS, key=len, reverse=True))
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
             "fifth": 5, "fifths": 5, "sixth": 6, "eighth": 8, "tenth": 10, "tenths": 10}  # fmt: skip
_FRAC = (
    r"(?:a|one|two|three|four)[\s-](?:halves|half|thirds?|quarters?|fourths?|fifths?|sixth|eighth|tenths?)"
    r"|(?<!first )(?<!second )(?<!third )(?<!the )(?<!other )(?<!last )(?<!latter )half(?=\s+(?:the|of|a|an|its|their|his|her|our|all|them|those|these)\b)|[1-9]/(?:[2-9]|10)(?![/\d])"
)
# scientific notation: "3 x 10^8", "6.02×10²³", "1.5e6"
_SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SCI = rf"\d+(?:\.\d+)?(?:\s?[x×]\s?10(?:\s?\^\s?-?\d{{1,3}}|[⁻]?[{_SUPERSCRIPT}]{{1,3}})|e[+-]?\d{{1,3}}(?![\w]))"
# "half a million", "a quarter of a billion", "three-quarters of a million": a share of a scale word
_SCALED_FRAC = (
    r"(?:half|a\s+quarter\s+of|three[\s-]quarters\s+of|a\s+third\s+of|two[\s-]thirds\s+of)\s+an?\s+(?:million|billion|trillion)\b"
)
# "one in five", "1 in 3", "two out of every three": a share written as a ratio of whole numbers
_SMALL = rf"\d{{1,3}}(?:,\d{{3}})*|{_UNITS_WORDS}|{_TENS_WORDS}|a hundred|a thousand|hundred|thousand"
_RATIO = (
    rf"(?:[1-9]|one|two|three|four|five|six|seven|eight|nine)\s+(?:in|out\s+of)\s+(?:every\s+)?(?:{_SMALL})(?:\s+(?:million|billion))?(?=\s+[a-z]|[.,;]|$)"
    r"(?!\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b)"  # "1 in 10 minutes": a time
)
# words of size after a length ("45 m high", "a 6.5m-long boat", "330m tall"): an "m" before them is metres
_EXTENT = r"high|tall|long|wide|deep|thick|across|in (?:diameter|length|height|depth|width)|above sea level|below sea level|underground|below ground"
EXTENT_M = re.compile(r"\d\s?m$")
EXTENT_AFTER = re.compile(rf"[\s-]+(?:{_EXTENT})\b", re.I)
# rule unit_before: scales whose name news writes before the number ("Mach 2", "a magnitude 6.1
# quake", "a magnitude-7 tremor"): a unit, not a name with a model number
UNIT_BEFORE = re.compile(r"\b(Mach|magnitude|pH)[\s-]$", re.I)
UNITS_BEFORE = {"mach": "mach", "magnitude": "magnitude", "ph": "pH"}
# rule hyphen_rate: "a £300,000-a-week contract", "$5-a-day": a rate written as one hyphenated word
# (the amount's pattern lets the hyphen through; claims.RATE reads the period)
HYPHEN_RATE_PERIODS = "day|night|week|month|year|game|head"
_HYPHEN_RATE = rf"an?-(?:{HYPHEN_RATE_PERIODS})\b"
AMOUNT = re.compile(
    rf"(?:(?<![\w.-])|(?<=\bsub-)|(?<=\bmagnitude-))(?:{QUAL})?(?:(?:between|from)\s+)?(?P<minus>minus[\s-])?"
    rf"(?:(?P<vague>{_VAGUE})\b|(?P<sci>{_SCI})|(?P<ratio>{_RATIO})|(?P<sfrac>{_SCALED_FRAC})|(?P<frac>{_FRAC})|(?P<fold>(?:{_NUM}|{_WORDNUM})-?fold)"
    rf"|(?P<a>{_AMT})(?:(?:\s*(?:to|and|or|–|—)\s*|-\s*|\s+-\s+)(?P<b>{_AMT}))?)"
    rf"(?![\w-]*\d)(?![.,]\d)(?![a-z])(?!-(?!(?:{_HYUNIT})s?\b|(?:{_EXTENT})\b|{_HYPHEN_RATE}|plus\b)[a-z])",
    re.I,
)
# rule hyphen_plus: "£3.5bn-plus", "a 40-plus crowd": at least the amount, no upper bound
HYPHEN_PLUS = re.compile(r"-plus\b", re.I)
# rule or_more: "aged 65 and over", "three or more children": at least the amount; "12 and under",
# "£20,000 or less": at most it
OR_MORE = re.compile(
    r"\s+(?:and|or)\s+(?:(?P<up>over|above|more|older|upwards|higher)|(?P<down>under|below|less|fewer|younger|lower))\b"
    r"(?!\s*[$£€]?\d)",
    re.I,
)
CHANGE_UP = re.compile(
    r"\b(?:rose|rise[sn]?|rising|increas\w*|grew|grow\w*|up|jump\w*|climb\w*|surg\w*|doubl\w*|gain\w*|soar\w*"
    r"|boost\w*|accelerat\w*|rais(?:e|es|ed|ing)|add(?:s|ed|ing)?|advanc\w*|rall(?:y|ies|ied|ying)|spik(?:e|es|ed|ing)"
    r"|rebound\w*|(?:tripl|quadrupl)(?:ed|es|ing)|widen(?:s|ed|ing)?|expand(?:s|ed|ing)|balloon(?:s|ed|ing)|swell(?:s|ed|ing)|swollen|hik(?:e|es|ed|ing)|lift(?:s|ed|ing)?)\b",
    re.I,
)
CHANGE_DOWN = re.compile(
    r"\b(?:fell|fall\w*|drop\w*|declin\w*|decreas\w*|down|cut|came down|shr[iu]nk\w*|plung\w*|slid|lower\w*|slow\w*"
    r"|eas(?:e|es|ed|ing)|dip(?:s|ped|ping)?|sank|sink(?:s|ing)?|tumbl\w*|slump\w*|reduc\w*|slip(?:s|ped|ping)?"
    r"|los(?:e|es|t|ing)|shed(?:s|ding)?|retreat\w*|plummet\w*|sag(?:s|ged|ging)?|slid(?:e|es|ing)?|weaken\w*|halv(?:ed|es|ing)"
    r"|shrank|narrow(?:s|ed|ing)|contract(?:ed|ing)|slash(?:es|ed|ing)|trim(?:s|med|ming)|div(?:e|es|ed|ing)|dove|erod(?:es|ed|ing))\b",
    re.I,
)


@dataclass
class Amount:
    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    approximate: bool
    currency: str | None
    percent: bool
    word_number: bool
    unit: str | None = None  # a unit written against the number ("5pc", "256GB")
    form: str = ""  # the grammar's rule that read it (``FORMS``, ``TWO_FIGURES``): "range", "fraction", "move" ...


_CURRENCY_PREFIXES = sorted(CURRENCIES, key=len, reverse=True)  # longest first: "us $" before "$"


def _parse_one(text: str) -> tuple[float | None, str | None, bool, bool]:
    """(value, currency unit, is percent, written as words) of one amount."""
    t = text.strip().lower()
    # "us $", "hk$", "€", "rm", "usd", "ksh"; letters only before a number ("n" does not begin "nine")
    written = next(
        (s for s in _CURRENCY_PREFIXES if t.startswith(s) and (not s[-1].isalpha() or re.match(r"\s?[\d.]", t[len(s) :]))), None
    )
    currency = CURRENCIES[written] if written else None
    t = t[len(written or "") :].lstrip()
    percent = bool(re.search(r"%|per\s?cent|\dpc$", t))
    t = re.sub(rf"\s?(?:%|percent|per\s?cent)$|(?<=\d)(?:{_GLUED}|[cf])$", "", t)
    m = re.match(rf"^-?({_NUM}|{_WORDSEQ}|{_WORDNUM})((?:[\s-]?(?:{_SCALE})){{0,2}})$", t)
    if not m:
        return None, currency, percent, False
    num, scales = m.group(1), re.findall(_SCALE, m.group(2) or "")
    words = not (num[:1].isdigit() or num[:1] == ".")  # ".001 per cent" is written in digits
    value = float(WORDS[num]) if num in WORDS else (_words_value(num) if words else float(num.replace(",", "")))
    if re.match(rf"^\s*(?:[A-Z]{{0,2}}\$|[{_SIGNS}]|RM|Rs\.?|{_LETTERS})?\s?-", text):
        value = -value
    for scale in scales:
        value = scaled(value, SCALES[scale])
    return value, currency, percent, words


def scaled(value: float, factor: float) -> float:
    """``value`` times a scale, to the twelve digits a written figure can hold: "4.1bn" is
    4,100,000,000, not binary floating point's 4,099,999,999.9999995."""
    return float(f"{value * factor:.12g}")


def _glued_unit(amount: str, value: float | None) -> str | None:
    """The unit written against a number ("256GB", "5pc"); "4G" and "5G" are networks, not grams."""
    glued = re.search(rf"\d(?P<u>{_GLUED})$", amount.strip(), re.I)
    if glued is None:
        # rule glued_degrees: "30C", "-12C", "95F" in British and wire copy: degrees, the sign left out
        degrees = re.search(r"\d(?-i:([CF]))$", amount.strip())
        return None if degrees is None else "celsius" if degrees.group(1) == "C" else "fahrenheit"
    if glued.group("u") == "G" and value is not None and 2 <= value <= 6:
        return "generation wireless"
    return CASED_SYMBOLS.get(glued.group("u")) or GLUED_UNITS[glued.group("u").lower()]  # rule cased_symbol: "400Gb" is bits


def _fraction(words: str) -> float | None:
    """ "a third" -> 1/3, "two-thirds" -> 2/3, "half" -> 0.5, "3/4" -> 0.75."""
    if "/" in words:
        top, bottom = words.split("/")
        return int(top) / int(bottom) if int(top) < int(bottom) else None
    parts = re.split(r"[\s-]+", words)
    if len(parts) == 1:
        return 0.5
    top = 1 if parts[0] in ("a", "one") else WORDS.get(parts[0], 1)
    return top / FRACTIONS[parts[1]]


def _words_value(text: str) -> float:
    """The value of number words: "twenty-eight thousand six hundred forty-two" -> 28642."""
    total = current = 0.0
    for w in re.split(r"[\s-]+", text):
        if w == "and":
            continue
        if w == "hundred":
            current = (current or 1) * 100
        elif w in ("thousand", "million", "billion"):
            total += (current or 1) * SCALES[w]
            current = 0
        else:
            current += WORDS.get(w, 0)
    return total + current


# rule score: two whole numbers joined by a dash with a result after ("a 2-2 draw", "a 3-1 win") or a
# verb of result before ("drew 1-1", "ended 0-0") are a match's score, not a range of values
SCORE_AFTER = re.compile(
    r"\s*(?:home\s+|away\s+)?(?:win|wins|victory|defeat|defeats|loss|draw|draws|lead|scoreline|thrashing|triumph|success|reverse)\b",
    re.I,
)
SCORE_BEFORE = re.compile(
    r"\b(?:won|win|wins|lost|lose|loses|beat|beaten|drew|draw|drawn|led|leads|lead|trail(?:ed|s)?|ended|finished|tied)\s+$", re.I
)


COUNTED_AFTER = re.compile(r"\s+(?!(?:million|billion|trillion|thousand|bn|m|per|a|an|the|of)\b)[a-z]+s\b")


def _score(sentence: str, m: re.Match[str]) -> bool:
    numbers = re.fullmatch(r"\s*(\d{1,3})\s*[-–]\s*(\d{1,3})\s*", sentence[m.start("a") : m.end("b")])
    return bool(numbers) and bool(SCORE_AFTER.match(sentence, m.end()) or SCORE_BEFORE.search(before_text(sentence, m)))


# rule vote_tally: two whole numbers joined by "to" or a dash after a verb of voting or ruling
# ("passed 52 to 48", "the court ruled 6-3") or before a word for the vote ("a 7-2 vote", "a 5-4
# decision") are the votes on each side: two figures, each in votes
VOTE_BEFORE = re.compile(
    r"\b(?:passed|voted|vote|approved|rejected|backed|defeated|ruled|split|carried|endorsed|adopted|overturned|upheld)"
    r"\s+(?:by\s+)?(?:a\s+margin\s+of\s+)?$",
    re.I,
)
VOTE_AFTER = re.compile(r"\s*(?:votes?|vote\s+margin|decision|ruling|majority|verdict|split)\b", re.I)


def _vote(sentence: str, m: re.Match[str]) -> bool:
    whole = re.fullmatch(r"\s*\d{1,4}\s*(?:[-–]|to)\s*\d{1,4}\s*", sentence[m.start("a") : m.end("b")])
    return bool(whole) and bool(VOTE_BEFORE.search(before_text(sentence, m)) or VOTE_AFTER.match(sentence, m.end()))


def _one_of(m: re.Match[str], group: str, form: str, unit: str | None = None) -> Amount:
    """The amount of one number of a pair, read alone; its unit ``unit``, else the one written against it."""
    value, currency, percent, words = _parse_one(m.group(group))
    start = m.start(group) + len(m.group(group)) - len(m.group(group).lstrip())
    unit = unit or (None if percent else _glued_unit(m.group(group), value))
    return Amount(start, m.end(group), m.group(group).strip(), value, value, value, False, currency, percent, words, unit, form)


def before_text(sentence: str, m: re.Match[str], width: int = 30) -> str:
    return sentence[max(0, m.start() - width) : m.start()]


def find_amounts(sentence: str) -> list[Amount]:
    """The amounts of a sentence (see ``_amounts``); a sentence is read once though both the parse
    gate and the figure extractor ask (the records are not changed by either)."""
    return list(_amounts(sentence))


@lru_cache(maxsize=8192)  # a batch of articles: every sentence is gated before any is parsed
def _amounts(sentence: str) -> tuple[Amount, ...]:
    """Every amount in a sentence, dates, times, years and parts of names excluded: each match of
    ``AMOUNT`` not excluded by a rule of ``NOT_A_FIGURE`` is read by the first rule of ``FORMS``
    whose part of the pattern it matched."""
    out: list[Amount] = []
    for m in _matches(sentence):
        if not m.group(0).strip() or not_a_figure(sentence, m):
            continue
        found = _Found.of(sentence, m)
        form, _group, read = next(f for f in FORMS if m.group(f[1]))
        for amount in read(found):
            amount.form = amount.form or form
            _bound_after(sentence, amount)
            out.append(amount)
    _suspended_units(sentence, out)
    return tuple(out)


def _bound_after(sentence: str, amount: Amount) -> None:
    """A bound written after the amount, taken into it: rule hyphen_plus ("£3.5bn-plus": no upper
    bound), rule or_more ("aged 65 and over": none above; "£20,000 or less": none below)."""
    if (plus := HYPHEN_PLUS.match(sentence, amount.end)) is not None and amount.low is not None:
        amount.high, bound = None, plus
    elif (more := OR_MORE.match(sentence, amount.end)) is not None and amount.low == amount.high is not None:
        bound = more
        if more.group("up"):
            amount.high = None
        else:
            amount.low = None
    else:
        return
    amount.end, amount.text = bound.end(), sentence[amount.start : bound.end()]


# a verb of motion right before "up to": its particle ("edged up to", "went up to", "has risen up to")
PARTICLE_VERB = re.compile(
    r"\b(?:(?:edg|inch|tick|mov|jump|climb|rall|surg|soar|bounc|spik|crawl|drift|ratchet|revis|mark|push|bump|trend)"
    r"(?:e|es|ed|ing|y|ied|s)?|went|gone|go(?:es|ing)?|rose|risen|shot|crept|came|come|grew|grown)\s+$",
    re.I,
)


@dataclass
class _Found:
    """One match of ``AMOUNT`` as the readers need it: where its words start after a qualifier's
    lead, the qualifier ("more than", "about") and whether it makes the amount approximate."""

    sentence: str
    m: re.Match[str]
    lead: int
    qual: str
    approximate: bool

    @classmethod
    def of(cls, sentence: str, m: re.Match[str]) -> _Found:
        lead = len(m.group(0)) - len(m.group(0).lstrip())
        dangling = re.match(r"\s*(?:between|from)\s+", m.group(0), re.I) if not m.group("b") else None
        if dangling:  # "from two ports": a preposition, not a range
            lead = dangling.end()
        qual = (m.group("qual") or "").lower()
        if qual == "up to" and m.group("a") and PARTICLE_VERB.search(sentence, 0, m.start()):
            # rule particle_up_to: "edged up to 4.1%", "has gone up to 40p": the verb's particle and
            # "to" the level it reached, no bound ("up to 40 people" is one)
            lead, qual = m.start("a") - m.start(), ""
        return cls(sentence, m, lead, qual, bool(re.search(APPROX, qual)) if qual else False)

    @property
    def words(self) -> str:
        return self.m.group(0)[self.lead :].strip()

    def bounds(self, value: float) -> tuple[float | None, float | None]:
        """(low, high) of a single value under the qualifier: "more than" leaves no top, "up to" no bottom."""
        return (value, None) if re.search(LOWER, self.qual) else (None, value) if re.search(UPPER, self.qual) else (value, value)

    def whole(self, value: float, words: bool = False, unit: str | None = None) -> list[Amount]:
        """The match read as one amount of ``value`` under its qualifier (a share, a multiple, a
        number in scientific notation: no currency, no percent sign)."""
        low, high = self.bounds(value)
        return [
            Amount(
                self.m.start() + self.lead, self.m.end(), self.words, value, low, high, self.approximate, None, False, words, unit
            )
        ]

    def first(self) -> tuple[float | None, str | None, bool, bool]:
        """The first number of the match (``_parse_one``), negative after "minus" ("minus 233 Celsius")."""
        va, currency, percent, words = _parse_one(self.m.group("a"))
        return (-va if va is not None and self.m.group("minus") else va), currency, percent, words


def _fraction_amount(f: _Found) -> list[Amount]:
    """rule fraction: "a third of", "two-thirds", "half the", "3/4"."""
    value = _fraction(f.m.group("frac").lower())
    if value is None:
        return []
    return f.whole(value)


def _scaled_fraction_amount(f: _Found) -> list[Amount]:
    """rule scaled_fraction: "half a million people", "a quarter of a billion dollars": the share of the scale."""
    words = re.split(r"[\s-]+", f.m.group("sfrac").lower())
    share = {"half": 0.5, "quarter": 0.25, "quarters": 0.75, "third": 1 / 3, "thirds": 2 / 3}
    part = next(share[w] for w in words if w in share)
    value = part * SCALES[words[-1]]
    return f.whole(value, words=True)


def _scientific_amount(f: _Found) -> list[Amount]:
    """rule scientific: "3 x 10^8 metres per second", "6.02×10²³", "1.5e6": a times ten to a power."""
    text = f.m.group("sci").translate(str.maketrans(_SUPERSCRIPT + "⁻", "0123456789-"))
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?:\s?[x×]\s?10\s?\^?\s?|e\+?)(-?\d+)", text)
    if m is None:
        return []
    value = float(f"{m.group(1)}e{m.group(2)}")  # read as one decimal: 6.02e23, not 6.02 * 10 ** 23
    return f.whole(value)


def _ratio_amount(f: _Found) -> list[Amount]:
    """rule ratio: "one in five adults", "1 in 3 homes", "two out of every three": a share (a/b)."""
    top, bottom = re.split(r"\s+(?:in|out\s+of)\s+(?:every\s+)?", f.m.group("ratio").lower())
    bottom, _, scale = bottom.partition(" ") if re.search(r"\s(?:million|billion)$", bottom) else (bottom, "", "")
    a, b = (
        float(WORDS[w]) if w in WORDS else _words_value(w) if not w[0].isdigit() else float(w.replace(",", ""))
        for w in (top, bottom)
    )
    b = scaled(b, SCALES.get(scale, 1))  # "1 in 14 million": the odds of a lottery win
    if not 0 < a < b:
        return []
    return f.whole(a / b, words=True)


def _fold_amount(f: _Found) -> list[Amount]:
    """rule fold: "grew sixfold", "a 3-fold rise": a multiple, counted."""
    value = _parse_one(re.sub(r"-?fold$", "", f.m.group("fold")))[0]
    if value is None:
        return []
    return f.whole(value, unit="count")


def _vague_amount(f: _Found) -> list[Amount]:
    """rule vague: "dozens", "tens of thousands", "several hundred": a span of a scale, approximate."""
    low, high = VAGUE[f.m.group("vague").lower()]
    return [Amount(f.m.start() + f.lead, f.m.end(), f.words, None, low, high, True, None, False, True)]


def _single_amount(f: _Found) -> list[Amount]:
    """rule single: one number, with its currency, scale, percent sign or glued unit."""
    va, currency, percent, words = f.first()
    if va is None:
        return []
    return [_finished(f, va, va, va, currency, percent, words, va)]


def _pair_amounts(f: _Found) -> list[Amount]:
    """Two numbers joined by "to", "and", "or" or a dash: a range (rule range), two figures (the first
    rule of ``TWO_FIGURES`` that holds), or no figure at all (a score, a descending pair)."""
    m, sentence = f.m, f.sentence
    va, cur_a, pct_a, words_a = f.first()
    if va is None:
        return []
    vb, cur_b, pct_b, _ = _parse_one(m.group("b"))
    if vb is None:
        return []
    scale_b = re.search(rf"(?:{_SCALE})\s*$", m.group("b").strip(), re.I)
    if (
        scale_b
        and not pct_a  # a percentage takes no scale: "fell 8% to $310m" is 8 percent
        and not re.search(rf"(?:{_SCALE})\s*$", m.group("a").strip(), re.I)
        and va < vb / SCALES[scale_b.group(0).strip().lower()]
    ):
        va = scaled(va, SCALES[scale_b.group(0).strip().lower()])  # "3 to 5 million"
    pair = _Pair(f, va, vb, cur_a, cur_b, pct_a, pct_b, sentence[m.end("a") : m.start("b")].strip().lower())
    if _vote(sentence, m):
        return [_one_of(m, "a", "vote_tally", "vote"), _one_of(m, "b", "vote_tally", "vote")]
    if pair.descending and not pair.moved and not pair.to_level and pair.joiner not in ("and", "or") and pair.joiner != "to":
        return []  # "2-1" scores and the like are not ranges
    if pair.joiner in ("-", "–") and _score(sentence, m):
        return []
    two = next((name for name, holds in TWO_FIGURES if holds(pair)), None)
    if two is not None:
        a_start = m.start("a") + len(m.group("a")) - len(m.group("a").lstrip())
        unit_a = None if pct_a else _glued_unit(m.group("a"), va)
        first = Amount(a_start, m.end("a"), m.group("a").strip(), va, va, va, f.approximate, cur_a, pct_a, words_a, unit_a, two)
        if two in QUALIFIES_FIRST and f.qual:
            _qualified(first, f, m.start() + f.lead)
        second = _one_of(m, "b", two)
        if second.unit and not (unit_a or cur_a or pct_a) and pair.joiner in ("-", "–", "to"):
            first.unit = second.unit  # rule suspended_unit: "from 0-60mph", "from 3 to 5kg": a unit written once is both's
        return [first, second]
    amount = _finished(f, None, va, vb, cur_a or cur_b, pct_a or pct_b, words_a, va)
    amount.form = "range"
    return [amount]


# two figures where a qualifier before the pair is the first's: "lost more than $2 to $43.25" (the
# change was over $2), "rose almost 8% to 3.65", "paid over $5m to 40 families"
QUALIFIES_FIRST = ("move_to_level", "by_to_move", "to_preposition")


def _qualified(first: Amount, f: _Found, start: int) -> None:
    """The qualifier's bounds ("more than", "up to") on the first of two figures, its words in the figure's."""
    if re.search(LOWER, f.qual):
        first.high = None
    elif re.search(UPPER, f.qual):
        first.low = None
        first.approximate = first.approximate or f.qual in ("nearly", "almost", "just under")
    first.text = f.sentence[start : first.end]
    first.start = start


LEVEL_OVER_CHANGE = 5  # "by X to Y" is a change and a level when Y is this many times X


@dataclass
class _Pair:
    """Two numbers of one match, as ``TWO_FIGURES`` reads them."""

    found: _Found
    va: float
    vb: float
    cur_a: str | None
    cur_b: str | None
    pct_a: bool
    pct_b: bool
    joiner: str  # what joins them: "to", "and", "or", "-" ...

    @property
    def descending(self) -> bool:
        return self.vb < self.va

    @property
    def written(self) -> str:
        return self.found.words.lower()

    @property
    def moved(self) -> bool:
        """rule move: "from X to Y" with a verb of change before it, or going down ("from 4.8 to 4.7
        percent" is no range: it moved); "to" before a smaller number is a move too."""
        before = before_text(self.found.sentence, self.found.m)
        from_to = self.written.startswith("from") and bool(
            self.descending or CHANGE_UP.search(before) or CHANGE_DOWN.search(before)
        )
        return from_to or (self.joiner == "to" and (self.descending or self.to_things) and not self.to_level)

    @property
    def to_level(self) -> bool:
        """rule move_to_level: "rose 8.15% to 3.65", "fell 3 percent to 41": a change in percent, then
        the level it reached, written without one: two figures, whatever their order."""
        return self.joiner == "to" and self.pct_a and not self.pct_b and not self.cur_a

    @property
    def by_then_to(self) -> bool:
        """rule by_to_move: "rose by £1,200 to £34,500", "fell by 200 to 1,800", "gained $14 to
        $2,310": after a verb of change and "by", or right after the verb, the change and then the
        level it reached, when the level is at least ``LEVEL_OVER_CHANGE`` times the change ("rise by
        3 to 5 per cent", "fell 12 to 15 percent" stay ranges)."""
        before = before_text(self.found.sentence, self.found.m)
        last = re.search(r"(\w+)\s*$", before)
        verb_last = last is not None and bool(CHANGE_UP.fullmatch(last.group(1)) or CHANGE_DOWN.fullmatch(last.group(1)))
        return (
            self.joiner == "to"
            and (re.search(r"\bby\s*$", before) is not None or verb_last)
            and bool(CHANGE_UP.search(before) or CHANGE_DOWN.search(before))
            and self.va > 0
            and self.vb >= LEVEL_OVER_CHANGE * self.va
        )

    @property
    def to_things(self) -> bool:
        """rule to_preposition: "paid $5m to 40 families", "gave $50 to 100 families": "to" between
        money and a number of things is a preposition: two figures."""
        m = self.found.m
        return (
            self.joiner == "to"
            and bool(self.cur_a)
            and not self.cur_b
            and bool(COUNTED_AFTER.match(self.found.sentence, m.end()))
        )

    @property
    def mixed_units(self) -> bool:
        """rule mixed_units: two currencies, or a percent beside money or beside a plain number
        ("rose 9.4 per cent to $84"): two figures, not a range."""
        b = self.found.m.group("b")
        return bool(self.cur_a and self.cur_b and self.cur_a != self.cur_b) or (
            self.pct_a != self.pct_b and bool(self.cur_b or self.cur_a or (self.pct_a and not re.search(r"%|per\s?cent", b)))
        )


# two numbers of one match that are two figures, not a range, by the first rule that holds
TWO_FIGURES: list[tuple[str, Callable[[_Pair], bool]]] = [
    ("move_to_level", lambda p: p.to_level),
    ("by_to_move", lambda p: p.by_then_to),
    ("to_preposition", lambda p: p.to_things),
    ("move", lambda p: p.moved),
    ("joined_and", lambda p: p.joiner == "and" and not p.written.startswith("between")),  # "12 and 15": two figures
    ("alternatives_or", lambda p: p.joiner == "or" and p.descending),  # "$5 or $3": two figures
    ("mixed_units", lambda p: p.mixed_units),
]


def _finished(
    f: _Found, value: float | None, low: float, high: float, currency: str | None, percent: bool, words: bool, first: float
) -> Amount:
    """One amount (a value or a range) with the qualifier's bounds and a unit written against it
    (rule glued_unit: "256GB"; rule hyphen_unit: "a 2.4-litre engine", "a 58-year-old")."""
    m, sentence = f.m, f.sentence
    approximate = f.approximate
    lo, hi = low, high
    if re.search(LOWER, f.qual):
        hi = None
    elif re.search(UPPER, f.qual):
        lo = None
        approximate = approximate or f.qual in ("nearly", "almost", "just under")
    unit = None if percent else _glued_unit(m.group("b") or m.group("a"), first)
    hyphen = re.match(
        rf"-(?P<u>{_HYUNIT})s?(?P<old>-old)?\b|\s(?P<u2>year|month|week)s?(?P<old2>-old)\b",
        sentence[m.end() : m.end() + 20],
        re.I,
    )
    if not percent and not currency and unit is None and EXTENT_M.search(m.group(0)) and EXTENT_AFTER.match(sentence, m.end()):
        # rule extent_metres: "45 m high", "a 6.5m-long boat": not 45 million, 45 metres
        value, lo, hi = (None if v is None else scaled(v, 1 / SCALES["m"]) for v in (value, lo, hi))
        unit = "metre"
    if hyphen and not percent and not currency:
        unit = HYPHEN_UNITS[(hyphen.group("u") or hyphen.group("u2")).lower()] + (
            " of age" if hyphen.group("old") or hyphen.group("old2") else ""
        )
    return Amount(m.start() + f.lead, m.end(), f.words, value, lo, hi, approximate, currency, percent, words, unit)


# the grammar's forms, in the order it tries them: (rule, group of ``AMOUNT`` that marks it, reader)
FORMS: list[tuple[str, str, Callable[[_Found], list[Amount]]]] = [
    ("scientific", "sci", _scientific_amount),
    ("ratio", "ratio", _ratio_amount),
    ("scaled_fraction", "sfrac", _scaled_fraction_amount),
    ("fraction", "frac", _fraction_amount),
    ("fold", "fold", _fold_amount),
    ("vague", "vague", _vague_amount),
    ("pair", "b", _pair_amounts),
    ("single", "a", _single_amount),
]


def _suspended_units(sentence: str, out: list[Amount]) -> None:
    """rule suspended_unit: "a 7- or 8-inch screen", "10- to 15-year-olds": the unit written once, at the end."""
    for a, b in itertools.pairwise(out):
        if a.unit is None and b.unit and not (a.currency or a.percent) and SUSPENDED.fullmatch(sentence, a.end, b.start):
            a.unit = b.unit


YEAR = re.compile(r"(?:19|20)\d{2}")


def _matches(sentence: str):
    """``AMOUNT`` matches, but a year joined to the figure after it is let go ("from 20 miles per
    gallon in 2008 to 29 mpg": the match "2008 to 29" would take the 29 down with the year)."""
    pos = 0
    while (m := AMOUNT.search(sentence, pos)) is not None:
        a, b = (m.group("a") or "").strip(), (m.group("b") or "").strip()
        if b and YEAR.fullmatch(a) and not YEAR.fullmatch(b):
            pos = m.start("b")
            continue
        yield m
        pos = max(m.end(), pos + 1)


SUSPENDED = re.compile(r"-\s+(?:or|to|and)\s+")


MEASURED_AFTER = re.compile(
    r"[\s-]*(?:inch(?:es)?|in\.|cm|mm|GB|TB|MB|kg|lbs?|feet|ft|pound-f(?:ee|oo)t|lb-ft|%|per\s?cent|years?[\s-]old)\b", re.I
)
AUX_AFTER = re.compile(r"\s+(?:has|had|is|was|will|would|says|said)\b")
FULL_NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+\s$")


@dataclass
class _Around:
    """What surrounds a match, as the rules of ``NOT_A_FIGURE`` read it."""

    sentence: str
    m: re.Match[str]

    @property
    def text(self) -> str:
        return self.m.group(0)

    @property
    def before(self) -> str:
        return self.sentence[max(0, self.m.start() - 12) : self.m.start()]

    @property
    def after(self) -> str:
        return self.sentence[self.m.end() : self.m.end() + 12]

    @cached_property  # read by several rules of one match
    def core(self) -> str:
        """The number itself, without its qualifier or a leading "between"/"from"."""
        core = re.sub(rf"^(?:{QUAL})", "", self.text, flags=re.I).strip()
        return re.sub(r"^(?:between|from)\s+", "", core, flags=re.I)


DAY_NUMBER = re.compile(r"(?:[1-9]|[12]\d|3[01])(?:\s*(?:[-–]|to|and)\s*(?:[1-9]|[12]\d|3[01]))?", re.I)


def _day_of_month(x: _Around) -> bool:
    """rule day_of_month: "June 19", "19 June", "June 19-20": a whole number a month can hold, right
    beside a month's name ("in March from 3.9%" and "In May 100 people" are figures)."""
    if not DAY_NUMBER.fullmatch(x.core):
        return False
    return bool(re.search(rf"\b{MONTHS}\.?\s*$", x.before, re.I) or re.match(rf"\s*{MONTHS}\b", x.after, re.I))


def _clock_or_ordinal(x: _Around) -> bool:
    """rule clock_or_ordinal: times ("10.45pm", "5am", "at 10:30", "1400 GMT") and ordinals ("19th")."""
    return (
        bool(re.match(r"\s*(?:[:.]\d\d\s*[ap]\.?m\b|:\d|[ap]\.?m\b|o'clock|(?:st|nd|rd|th)\b)", x.after, re.I))
        or x.before.endswith(":")
        or bool(re.fullmatch(r"(?:[01]\d|2[0-3])[0-5]\d", x.core) and re.match(rf"\s*{lexicon.TIME_ZONE}\b", x.after))
    )


def _capitalised_number_word(x: _Around) -> bool:
    """rule capitalised_number_word: "the Kick Six", "BBC One": a capitalised number word inside a sentence is a name."""
    return bool(re.fullmatch(r"[A-Z][a-z]+", x.text)) and x.text.lower() in WORDS and bool(re.search(r"[a-z,]\s$", x.before))


def _name_with_number(x: _Around) -> bool:
    """rule name_with_number: "COVID -19", "Su -57": part of a name; "Nikkei -0.8%" is a market's move (rule market_list)."""
    return (
        x.text.startswith("-") and bool(re.search(r"\b[A-Z][\w]*\s?$", x.before)) and not re.search(r"%|per\s?cent", x.text, re.I)
    )


def _year(x: _Around) -> bool:
    """rule year: "in 2019", "the 1990s" (unless troops or people are counted after it)."""
    return bool(re.fullmatch(rf"{YEAR.pattern}s?", x.core)) and not re.match(r"\s*(?:troops|people|soldiers)", x.after)


def _year_span(x: _Around) -> bool:
    """rule year_span: "2018 to 2019", "2018-19", "between 2006 and 2018"."""
    return bool(re.fullmatch(rf"{YEAR.pattern}\s*(?:-|–|to|and)\s*(?:19|20)?\d{{2}}", x.core))


def _model_number(x: _Around) -> bool:
    """rule model_number: "Boeing 777", "Section 427", "Nasdaq 100": a bare number after a
    capitalised word inside a sentence is part of a name, unless a measure follows ("MacBook Pro 16
    inch": a size) or it is an age between a full name and its verb ("Nick Hague 44 has spent")."""
    m, sentence = x.m, x.sentence
    return (
        not m.group("qual")
        and bool(re.fullmatch(r"\d+(?:\s*[-–]\s*\d+)?[CF]?", x.core))  # "iPhone 5C": a model, not degrees
        and not UNIT_BEFORE.search(sentence, max(0, m.start() - 12), m.start())
        and bool(re.search(r"(?<![.!?]\s)(?<!^)\b(?:[A-Z]|[a-z]+[A-Z])[\w-]*\s$", sentence[: m.start()]))
        and not re.search(rf"\b{MONTHS}\s$", sentence[: m.start()], re.I)  # "In May 120 workers ...": a month is no name
        and not MEASURED_AFTER.match(x.after)
        and not (AUX_AFTER.match(x.after) and FULL_NAME_BEFORE.search(x.before))
    )


def _number_sign(x: _Around) -> bool:
    """rule number_sign: "#3", "№ 12": a rank or a number in a list."""
    return bool(re.search(r"[#№]\s*$", x.before))


# what looks like an amount and is not a figure, by named rule, in the order tried
ORDINAL_FRACTION = re.compile(r"(?:a|the)\s+(?:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)", re.I)
# after "a third" of a fraction: "of", a comparative, or nothing more of a noun phrase ("cut by a third.")
FRACTION_AFTER = re.compile(
    r"\s*(?:$|[^\w\s]|(?:of|more|less|fewer|higher|lower|bigger|smaller|larger|greater|cheaper|as|than|since|in|on|from|to"
    r"|over|after|before|last|this|during|and|or|but|while|when)\b)",
    re.I,
)


def _ordinal_word(x: _Around) -> bool:
    """rule ordinal_word: "a third term", "for a fourth straight month", "the fifth day": an ordinal
    before its noun, not a fraction ("a third of voters", "fell by a third", "a third more")."""
    return bool(ORDINAL_FRACTION.fullmatch(x.core)) and not FRACTION_AFTER.match(x.sentence, x.m.end())


NOT_A_FIGURE: list[tuple[str, Callable[[_Around], bool]]] = [
    ("day_of_month", _day_of_month),
    ("clock_or_ordinal", _clock_or_ordinal),
    ("capitalised_number_word", _capitalised_number_word),
    ("name_with_number", _name_with_number),
    ("year", _year),
    ("year_span", _year_span),
    ("model_number", _model_number),
    ("number_sign", _number_sign),
    ("ordinal_word", _ordinal_word),
]


def not_a_figure(sentence: str, m: re.Match[str]) -> str | None:
    """The rule of ``NOT_A_FIGURE`` that excludes a match of ``AMOUNT``, or None: it is an amount."""
    around = _Around(sentence, m)
    return next((name for name, holds in NOT_A_FIGURE if holds(around)), None)
