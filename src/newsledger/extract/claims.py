"""Figures (quantitative claims) from parsed sentences: the amounts ``numbers.find_amounts``
finds, with what each counts or measures (unit, measure, subject), whose figure it is, who
asserts it, and how it moved."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from newsledger.extract.language import (
    ACTOR_LABELS,
    ENTITY_LABELS,
    HUMAN_HEADS,
    PLACE_LABELS,
    PRICE_VERBS,
    PRONOUNS,
    SPEECH_VERBS,
    Sentence,
    attribution,
    lemma,
    nominal_subject,
    pos,
    text_of,
)
from newsledger.extract.quantulum import might_name_unit, qparser
from newsledger.extract.unit_choice import AMBIGUOUS, choose
from newsledger.extract.units import canonical, qualified_name, symbol_name
from newsledger.grammar.numbers import (
    CASED_SYMBOLS,
    CHANGE_DOWN,
    CHANGE_UP,
    CURRENCY_WORDS,
    FRACTIONS,
    GLUED_UNITS,
    HYPHEN_RATE_PERIODS,
    LEVEL_REACHED,
    UNIT_BEFORE,
    UNITS_BEFORE,
    Amount,
    find_amounts,
)
from newsledger.model import Claim, content_id

BY = r"\s*(?:by|x|×)\s*"  # between the sides of a measure ("2.5 by 3 cm", "40 x 60cm")

VALUE_CONTEXT = re.compile(
    r"\b(?:to|at|from|of|by|is|was|were|are|reached|hit|totall?ed|stood at|closed at|ended at|rated|measured|registered"
    r"|compar(?:e|es|ed|ing)\s+(?:with|to)|against|versus|vs\.?)\s+$",  # rule compared_value: "a ratio of 32 compares with 19"
    re.I,
)


COMPARING = {"above", "over", "below", "under", "beyond", "past", "around", "about", "near", "nearly", "to"}


def _subject_counted(anchor: Any) -> Token | None:
    """The plural common noun that is the subject of the verb a bare number is the object of
    (directly, or through "above", "over", "to" ...): what the number counts."""
    if anchor is None:
        return None
    tok = anchor.root
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in COMPARING:
        tok, head = head, head.head
    if tok.dep_ not in ("dobj", "attr", "prep") or not head.tag_.startswith("VB"):
        return None
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.tag_ != "NNS" or subj.ent_type_:
        return None
    return subj


def measure_end_of(noun: Token | None, end: int) -> int:
    return noun.idx + len(noun.text) if noun is not None else end


TIME_NOUNS = {
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "quarter",
    "quarters",
    "decade",
    "hour",
    "hours",
}


# quantulum3's names where news means something else ("5 minutes" is time, not arc)
UNIT_NAMES = {"degree fahrenheit": "fahrenheit", "degree celsius": "celsius", "minute of arc": "minute",
              "second of arc": "second", "degree angle": "degree", "united states dollar": "dollar"}  # fmt: skip


NOT_UNITS = {"in", "at", "on", "of", "to", "by", "or", "and", "as", "is", "it", "an", "the", "per", "from", "for",
             "with", "am", "pm", "up", "down", "over", "under", "more", "less", "than", "times", "time", "ago", "are",
             "was", "were", "be", "has", "had", "have", "will", "would", "each", "this", "that", "all", "out", "off"}  # fmt: skip


INDEX_WORDS = re.compile(r"\b(?:index|indices|points?|Dow|Nasdaq|S&P|FTSE|DAX|CAC|Nikkei|Hang Seng|Kospi|ASX|Sensex)\b", re.I)


RATE = re.compile(
    rf"-an?-({HYPHEN_RATE_PERIODS})\b|"  # rule hyphen_rate: "£90,000-a-week", whatever follows
    r"[\s-]*(?:per|an?|each|every|/)[\s-]*(square (?:foot|feet|metre|meter)|second|minute|hour|day|week|month|year|night|"
    r"gallon|litre|liter|barrel|game|capita|person|head|share|gram|kilogram|kg|ounce|tonne|ton|unit|seat|kilowatt hour|kwh)"
    r"\b(?![\s-]+(?:earlier|ago|later|before|after|on|over)\b)",
    re.I,
)


DEGREES = re.compile(r"\s*-?degrees?\s+(?P<scale>Fahrenheit|Celsius|centigrade|F|C)\b", re.I)


ONE_AS_PRONOUN = re.compile(r"\b(?:each|the same|any|no|every|which|this|that|another|such)\s+$", re.I)


GENERIC_HEADS = {"total", "number", "average", "sum", "amount", "figure", "tally", "count", "maximum", "minimum", "range"}


# units of news that quantulum3 does not name (or names as another field's: "bps" is bits per second)
NEWS_UNITS = {
    "basis point": "basis point", "basis points": "basis point", "bps": "basis point", "bp": "basis point",
    "sq mm": "square millimetre", "sq cm": "square centimetre", "sq km": "square kilometre", "sq mi": "square mile",
    "sq miles": "square mile", "sq yd": "square yard", "percentage point": "percentage point",
    "percentage points": "percentage point", "percentage-point": "percentage point", "percentage-points": "percentage point",
}  # fmt: skip


@lru_cache(maxsize=4096)
def _unit_name(words: str) -> str | None:
    """The unit a written unit names: ``NEWS_UNITS``, else quantulum3's name ("metric tons" -> "tonne"), or None."""
    if words.lower() in NEWS_UNITS:
        return NEWS_UNITS[words.lower()]
    power = re.match(r"(square|cubic)\s+(\S.*)$", words, re.I)  # rule square_unit: "100 square millimetres", "cubic feet"
    if power and (unit := _unit_name(power.group(2))) and not unit.startswith(("square ", "cubic ")):
        return f"{power.group(1).lower()} {unit}"
    if not might_name_unit(words):
        return None
    try:
        found = qparser.parse(f"1 {words}")
    except Exception:
        return None
    for q in found:
        if q.unit.entity.name not in ("dimensionless", "unknown") and q.unit.name:
            return UNIT_NAMES.get(str(q.unit.name).lower(), str(q.unit.name))
    two = words.split()
    return qualified_name(*two) if len(two) == 2 else None  # rule qualified_unit: "nautical miles", "troy ounces"


# a unit written as a word after a number: "shekels", "Danish crowns", "sq ft", "pound-feet", "deg C"
WRITTEN_UNIT = re.compile(
    r"\s?((?:danish|swedish|norwegian)\s+)?([^\W\d_][\w°/]*(?:-(?:feet|foot|ft)\b)?(?:(?<=sq)\s(?:m|ft|mm|cm|km|mi|yd)\b|\s(?:m|ft)\b|(?<=deg)\s?[CF]\b)?)",
    re.I,
)


# units written after the number that are read as written, not as a noun the number counts
WRITTEN_UNITS = {*CURRENCY_WORDS.values(), *GLUED_UNITS.values(), *CASED_SYMBOLS.values()}
DOTTED_UNIT = re.compile(r"\s?((?:[a-z]\.){2,}[a-z]?)(?![a-z])", re.I)


PARTS_PER = re.compile(r"\s?(?:parts?\s+per\s+(million|billion|trillion)|(ppm|ppb|ppt))\b", re.I)
PARTS_PER_SCALE = {"ppm": "million", "ppb": "billion", "ppt": "trillion"}  # the others are written out


def _written_unit(after: str) -> str | None:
    """A unit written as a word after the number: "1.5 billion shekels", "49.55 HZ", "14 μm", "387 Fahrenheit"."""
    dotted = DOTTED_UNIT.match(after)
    if dotted:  # rule dotted_abbreviation: "m.p.h.", "k.p.h.", "m.p.g." are "mph", "kph", "mpg"
        return _written_unit(" " + dotted.group(1).replace(".", ""))
    m = WRITTEN_UNIT.match(after)
    if not m:
        return None
    word = m.group(2)
    if word in CASED_SYMBOLS:  # rule cased_symbol: "400 Nm" of torque is newton metres, "400 nm" nanometres
        return CASED_SYMBOLS[word]
    phrase = ((m.group(1) or "") + word).lower()
    if phrase in CURRENCY_WORDS or word.lower() in CURRENCY_WORDS:
        return CURRENCY_WORDS.get(phrase) or CURRENCY_WORDS[word.lower()]
    if word.lower() in GLUED_UNITS:
        return GLUED_UNITS[word.lower()]
    if word in ("C", "F") and not re.match(r"\s?[CF][-\w]", after):
        return "celsius" if word == "C" else "fahrenheit"  # "12 C": temperature, not coulombs
    if len(word) < 2 or word.lower() in NOT_UNITS:
        return None
    if word.count("/") == 1 and word.lower() not in GLUED_UNITS:
        return _per_unit(*word.split("/"))
    return _unit_name(word)


def _slashed(text: str, end: int, unit: str | None) -> bool:
    """Whether ``unit``, read after ``end``, is one unit per another written with a slash ("mmol/L")."""
    m = WRITTEN_UNIT.match(text, end)
    return unit is not None and m is not None and "/" in m.group(2)


def _per_unit(top: str, bottom: str) -> str | None:
    """rule slash_unit: "mmol/L", "mg/dL", "g/km", "kg/m2": one unit per another, each side a unit
    symbol (the table's, quantulum3's or pint's); None unless both are units."""
    names = [GLUED_UNITS.get(w.lower()) or CASED_SYMBOLS.get(w) or _unit_name(w) or symbol_name(w) for w in (top, bottom)]
    return None if None in names else f"{names[0]} per {names[1]}"


def _noun_phrase(tok: Token) -> str:
    """A noun with the words that modify it before it ("public housing properties"), no article."""
    doc, start, end = tok.doc, tok.i, tok.i
    while (
        start > 0
        and doc[start - 1].dep_ in ("compound", "amod", "nmod", "poss", "case", "nummod")
        and doc[start - 1].head.i <= tok.i
        and doc[start - 1].head.i >= start - 1
    ):
        start -= 1
    # a hyphenated name is one word ("Ben-Moshe", "e-minis")
    while start > 1 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_:
        start -= 2
    while end + 2 < len(doc) and doc[end + 1].text == "-" and not doc[end].whitespace_ and not doc[end + 1].whitespace_:
        end += 2
    kept, glued = [], False
    for t in doc[start : end + 1]:
        # a number and what is written onto it ("5G", "65-year-old") are no part of the name
        glued = t.like_num or (glued and t.i > 0 and not doc[t.i - 1].whitespace_)
        if not glued and t.tag_ != "POS":
            kept.append(t)
    return "".join(
        t.text + (" " if t.whitespace_ or (t.i + 1 < len(doc) and doc[t.i + 1].like_num) else "") for t in kept
    ).strip()


def _worth(worth: Token) -> Token | None:
    """rule worth: the thing a sum is the worth of: the noun "worth" hangs on, else the noun right
    before it (a parse often hangs "worth" on the verb: "seized 2 tonnes of cocaine worth £5m")."""
    if pos(worth.head) in ("NOUN", "PROPN") and worth.head.i < worth.i:
        head = worth.head  # "40 kilos of heroin worth £3m": a measured amount's "of" is what is worth it
        measured = any(c.dep_ == "nummod" for c in head.children)
        of = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        return of[0] if measured and of else head
    before = worth.doc[worth.i - 1] if worth.i > 0 else None
    return before if before is not None and pos(before) in ("NOUN", "PROPN") else None


def _subject_of(head: Token | None, start: int, end: int, ranged: bool = False) -> str | None:
    """What a figure is a value of: the noun it describes ("a 0.6 per cent fee"), the noun whose
    'of' it fills ("a speed of 15 mph"), else the subject of its verb ("Revenue rose to $7 billion")."""
    tok = head
    seen = 0
    while tok is not None and seen < 8:
        seen += 1
        parent = tok.head
        if parent is tok:
            return None
        inside = start <= parent.idx < end
        modifies = tok.dep_ in ("compound", "amod", "nmod", "nummod", "quantmod") and parent.idx > tok.idx
        if modifies and pos(parent) in ("NOUN", "PROPN") and not inside and not _period_basis(parent):
            return _held(parent, start, end)
        if parent.lower_ == "worth" and tok.i > parent.i and (held := _worth(parent)) is not None:
            return _held(held, start, end)  # rule worth: "drugs worth £40,000", "jewellery worth £1.5m": the drugs'
        if tok.dep_ == "pobj" and parent.lower_ == "with" and pos(parent.head) == "NOUN" and parent.head.i < tok.i:
            return _held(parent.head, start, end)  # "customers with more than 7.5 million crowns": the customers'
        if tok.dep_ == "pobj" and parent.lower_ == "of" and pos(parent.head) in ("NOUN", "PROPN"):
            # "a range of 10 to 20" names nothing, "a range of 400 kilometres" is the range's
            generic = parent.head.lower_ in GENERIC_HEADS and (ranged or parent.head.lower_ != "range")
            if not generic and not start <= parent.head.idx < end:
                return _held(parent.head, start, end)
            tok = parent.head
            continue
        if pos(parent) in ("VERB", "AUX"):
            subj = nominal_subject(parent)
            if (moved := _changed_object(parent, tok)) is not None:
                return moved
            if subj is None and any(c.dep_ == "expl" for c in parent.children):
                return _where_counted(parent)  # "There are 28,000 students at Heidelberg University"
            if subj is None:
                if (moved := _moved_object(parent, tok)) is not None:
                    return moved  # "for hiking subscription fees by up to £24": what moved
                if parent.dep_ in ("xcomp", "conj", "advcl", "acomp", "ccomp", "pcomp") and parent.head is not parent:
                    tok = parent
                    continue
                return None
            if subj.lower_ in ("which", "that", "who") and parent.dep_ == "relcl" and pos(parent.head) in ("NOUN", "PROPN"):
                subj = parent.head  # "Facebook, which has 2.2 billion users"
            elif subj.lower_ in PRONOUNS and parent.dep_ in ("ccomp", "xcomp", "conj", "advcl") and parent.head is not parent:
                tok = parent  # "British Airways is expected to announce it will suspend 36,000 staff"
                continue
            elif subj.lower_ in PRONOUNS:
                return _named_before(subj)  # "Amazon is coming up fast: it is reckoned to have 35m devices"
            elif subj.lower_ in ("this", "that", "which", "who", "there", "i", "you", "we"):
                return None
            if subj.left_edge.idx <= start < subj.idx + len(subj.text):
                return None  # the figure is in the subject itself ("96 fans went")
            return _noun_phrase(_whole_of(subj))
        tok = parent
    return None


# verbs that make something else rise or fall ("the bank raised rates by a quarter point")
CAUSED_CHANGE = {"cut", "reduce", "lower", "raise", "increase", "boost", "slash", "trim", "lift", "hike", "decrease",
                 "expand", "shrink", "narrow", "widen", "grow", "drop", "halve", "double", "triple", "pare", "shorten",
                 "extend", "push", "bring"}  # fmt: skip


def _changed_object(verb: Token, prep: Token) -> str | None:
    """rule changed_object: "The company cut prices by 5%", "the drug lowered blood pressure by 12
    points", "the bank raised its rate to 5.5%": a verb that makes something rise or fall moves its
    object by (or to, or from) the figure; the figure is the object's, not the subject's."""
    return _moved_object(verb, prep) if lemma(verb) in CAUSED_CHANGE else None


def _moved_object(verb: Token, prep: Token) -> str | None:
    """The noun a verb moves by, to or from the figure in ``prep`` (its object before the preposition)."""
    if prep.dep_ != "prep" or prep.lower_ not in ("by", "to", "from"):
        return None
    moved = [c for c in verb.children if c.dep_ == "dobj" and pos(c) in ("NOUN", "PROPN") and c.i < prep.i]
    return _noun_phrase(moved[0]) if moved else None


COUNTED_IN = {*PLACE_LABELS, "ORG"}  # a place or a body ("at Heidelberg University")


def _where_counted(verb: Token) -> str | None:
    """The named place or body that an existential "there are N ..." counts in ("There are 28,000
    students enrolled at Heidelberg University": Heidelberg University), or None."""
    for tok in verb.subtree:
        if tok.dep_ == "pobj" and tok.head.lower_ in ("at", "in") and pos(tok) == "PROPN" and tok.ent_type_ in COUNTED_IN:
            return _noun_phrase(tok)
    return None


# measures that say nothing until one knows whose they are ("flying at an altitude of 30 feet")
DIMENSIONS = {"altitude", "height", "depth", "length", "width", "distance", "speed", "close", "turnover", "journey",
              "range", "temperature", "level", "valuation", "capacity", "weight", "size"}  # fmt: skip


def _held(noun: Token, start: int, end: int) -> str:
    """A measure noun's phrase, with whose measure it is where the noun alone says nothing ("The
    airplane was flying at an altitude of 30 feet": altitude of airplane; "the index edged down to a
    close of 1,463 points": close of index)."""
    phrase = _noun_phrase(noun)
    if noun.lower_ not in DIMENSIONS:
        return phrase
    verb = noun
    while verb.dep_ in ("pobj", "prep", "dobj", "npadvmod", "advmod") and verb.head is not verb:
        verb = verb.head  # up through its prepositions to the verb ("flying at an altitude of")
    subj = nominal_subject(verb) if pos(verb) in ("VERB", "AUX") else None
    if subj is None or pos(subj) not in ("NOUN", "PROPN") or start <= subj.idx < end:
        return phrase  # no one holds it, or a pronoun ("it will have a range of 400 km")
    return f"{phrase} of {_noun_phrase(_whole_of(subj))}"


QUANTIFIERS = {"some", "many", "most", "all", "none", "each", "several", "few", "both", "either", "neither", "much",
               "half", "part", "dozens", "hundreds", "thousands", "millions", "majority", "minority", "rest"}  # fmt: skip


def _whole_of(subj: Token) -> Token:
    """The noun a quantifier subject takes a part of ("some of the best deals include $550 off ...":
    deals; "the field stretched ..., but most landed ...": field), what a measured subject measures
    ("74,000 metric tons of explosives were shipped from two ports": explosives), else the subject."""
    objs = [g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if objs and subj.lower_ not in GENERIC_HEADS and _unit_like(subj) and pos(objs[0]) in ("NOUN", "PROPN"):
        return objs[0]
    if subj.lower_ in QUANTIFIERS:
        if objs:
            return objs[0]
        verb = subj.head
        if verb.dep_ == "conj":  # "The debris field stretched for miles, but most landed in water": the field
            whole = nominal_subject(verb.head)
            if whole is not None and pos(whole) in ("NOUN", "PROPN"):
                return whole
    return subj


def _named_before(pronoun: Token) -> str | None:
    """The entity a pronoun subject stands for, when the sentence names it before: a person for
    "he"/"she", an organisation or country for "it"/"they"."""
    labels = {"PERSON"} if pronoun.lower_ in ("he", "she") else {"ORG", "GPE", "NORP"}
    named = [e for e in pronoun.doc.ents if e.end <= pronoun.i and e.label_ in labels]
    return named[-1].text if named else None


def _adjectival(modifiers: Sequence[Token], head: Token, end_char: int) -> Token | None:
    """The noun a number counts when it stands before a singular head with singular nouns between
    ("a 12 page report": pages), unless the number is one ("a one year contract")."""
    one = re.search(r"(?:\b(?:one|a|an|single)|\b1)\s*$", text_of(head.doc)[max(0, end_char - 8) : end_char], re.I)
    if " ".join(t.lower_ for t in [*modifiers, head]) in NEWS_UNITS:
        return None  # "a quarter of a percentage point": one unit of two words, not a noun and its modifier
    if modifiers and head.tag_ == "NN" and all(t.tag_ == "NN" for t in modifiers) and not one:
        return modifiers[-1]
    return None


def _period_basis(tok: Token) -> bool:
    """rule period_on_period: "5.6% year on year", "up 2% month-on-month", "down 12% year to date":
    the period a change is measured over, neither what the figure counts nor whose it is."""
    return (
        tok.lower_ in TIME_NOUNS
        and re.match(rf"[\s-]+(?:on[\s-]+{tok.lower_}|to[\s-]+date)\b", text_of(tok.doc)[tok.idx + len(tok) :], re.I) is not None
    )


FRACTION_END = re.compile(rf"\b(?:{'|'.join(FRACTIONS)})$", re.I)  # an amount that ends in a fraction word


def _counted(doc: Doc, end_char: int, start_char: int | None = None) -> Token | None:
    """The noun an amount counts: the noun the parse attaches its number to ("6,000 ... drones"),
    else the next noun within a few tokens, skipping adjectives."""
    if start_char is not None:
        for tok in doc:
            if start_char <= tok.idx < end_char and tok.like_num and tok.dep_ == "nummod" and tok.head.idx >= end_char:
                head = tok.head
                if (pos(head) == "NOUN" or head.tag_ == "NNPS") and not (head.lower_ in TIME_NOUNS and head.i - tok.i > 1):
                    if head.dep_ == "compound" and pos(head.head) == "NOUN":
                        return head  # "a 60 basis point improvement": the number counts points
                    return _adjectival(doc[tok.i + 1 : head.i], head, end_char) or head
    span = doc.char_span(end_char, min(doc[-1].idx + len(doc[-1]), end_char + 60), alignment_mode="expand")
    if span is None:
        return None
    for k, tok in enumerate(span[:6]):
        if k == 0 and tok.lower_ == "of":
            continue  # "dozens of people", "tens of thousands of troops"
        if k == 0 and tok.lower_ in ("a", "an") and FRACTION_END.search(text_of(doc), 0, end_char):
            continue  # rule fraction_of_unit: "half a percentage point", "three-quarters of a mile"
        if k == 1 and span[0].lower_ == "of" and (tok.tag_ in ("DT", "PRP$") or tok.lower_ in ("the", "its", "their")):
            continue  # "35m of its devices", "280 million of the 1.5 billion shekels"
        if (
            tok.lower_ in TIME_NOUNS
            and tok.i > 0
            and tok.nbor(-1).lower_ in ("last", "this", "next", "a", "per", "each", "every")
        ):
            return None  # "rose 16% last year": the year is when, not what
        if _period_basis(tok):
            return None
        if pos(tok) == "NOUN" or tok.tag_ == "NNPS" or (pos(tok) == "PROPN" and tok.text.islower()):
            while tok.dep_ == "poss" and tok.head.i > tok.i and pos(tok.head) == "NOUN":
                tok = tok.head  # rule possessor: "a quarter of the city's bridges": the bridges, not the city
            chain = [tok]
            while tok.dep_ in ("compound", "amod") and tok.head.i > tok.i and pos(tok.head) in ("NOUN", "PROPN"):
                tok = tok.head
                chain.append(tok)
            return _adjectival(chain[:-1], tok, end_char) or tok
        if pos(tok) not in ("ADJ", "NOUN", "PROPN", "ADV") and tok.dep_ != "compound" and tok.text != "-":
            return None
    return None


# between two figures: the second is a part of the first ("4,700 casualties, including 600 deaths"),
# or the first a part of the second ("12 of the 40", "a quarter of the 500 recruits", "3 out of 10")
PART_CUE = re.compile(r"\b(?:including|includ(?:es|ed)|of whom|of which|among them)\s*$", re.I)
WHOLE_CUE = re.compile(r"^\s*(?:out\s+of|of\s+the|of\s+(?:his|her|its|their|our)|of)\s*$", re.I)


def _entity_at(doc: Doc, tok: Token) -> Span | None:
    return next((e for e in doc.ents if e.start <= tok.i < e.end), None)


def _actor(doc: Doc, start: int, end_char: int, head: Token | None) -> str | None:
    """Whose figure: a group named in the measure ("North Korean troops"), else the subject of
    the verb that governs the figure ("North Korea has sent ...")."""
    for e in doc.ents:
        if e.label_ in ("NORP", "GPE") and start <= e.start_char and e.end_char <= end_char:
            return e.text
    if head is None:
        return None
    for anc in (head, *head.ancestors):
        if pos(anc) in ("VERB", "AUX"):
            subj = nominal_subject(anc)
            ent = _entity_at(doc, subj) if subj is not None else None
            if ent is not None and ent.label_ in ACTOR_LABELS:
                return ent.text
            if lemma(anc) not in SPEECH_VERBS:
                return None
    return None


def _priced_thing(tok: Token | None) -> str | None:
    """What an amount of money is the price of: the subject of "X costs $3 million"."""
    for anc in tok.ancestors if tok is not None else ():
        if lemma(anc) in PRICE_VERBS:
            subj = nominal_subject(anc)
            if subj is not None and pos(subj) in ("NOUN", "PROPN"):
                mods = [c for c in subj.lefts if c.dep_ in ("compound", "amod") and pos(c) != "DET"]
                return " ".join([*(m.text for m in mods), subj.text])
            return None
    return None


# verbs whose "up" or "down" moves a figure ("went up to", "shot up", "came down to"); "calm down" moves none
PARTICLE_MOVES = {"go", "come", "shoot", "move", "push", "drive", "bring", "mark", "tick", "edge", "inch", "creep",
                  "trend", "scale", "ramp", "step", "jack", "ratchet", "wind", "pare", "trim", "climb", "head"}  # fmt: skip
# between a move (and its unit) and the level it reached, or the same move written again ("to a close of", "points, or")
MOVED_TO = re.compile(r"(?:\s+[^\W\d][\w.-]*){0,2}\s*,?\s*(?:or|to|at)\s+(?:an?\s+(?:[\w-]+\s+){0,2}of\s+)?")
NOT_IN_GAP = {"NOUN", "PROPN", "PRON", "VERB", "AUX"}  # a change word stands apart from its figure by none of these


def _change(doc: Doc, text: str, start: int, figure: Token | None) -> str | None:
    """Whether a figure is a rise or a fall: a word of change shortly before it that governs it
    ("rose 3% to 19", "came down to approximately $70,000", "an increase of 10%", "has doubled,
    with a hit rate of close to 20%"), not one of another clause or noun ("slow down, because the
    vote is in two weeks", "growing trade between the two countries")."""
    lo = max(0, start - 40)
    found = [(m, "down") for m in CHANGE_DOWN.finditer(text, lo, start)] + [
        (m, "up") for m in CHANGE_UP.finditer(text, lo, start)
    ]
    if not found or figure is None:
        return found[0][1] if found else None  # a fall before a rise, as the window rule always read
    clause = next((t for t in figure.ancestors if pos(t) == "VERB"), None)
    for m, direction in sorted(found, key=lambda f: -f[0].start()):  # the nearest first
        word = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if word is None:
            continue
        tok = word[-1] if word[-1].dep_ == "prt" else word.root
        if re.search(r"\bsince\b", text[m.end() : start], re.I):
            continue  # rule since_reference: "has halved since its peak of 11%": the level it moved from, not the move
        between = list(itertools.takewhile(lambda t: t.idx < start, doc[word.end :]))
        if "," not in text[m.end() : start] and not any(pos(t) in NOT_IN_GAP for t in between) and len(between) <= 4:
            return direction  # "up 3%", "rose by 10%", "came down to approximately"
        if tok.dep_ == "prt":
            if clause is not None and tok.head.i == clause.i and lemma(tok.head) in PARTICLE_MOVES:
                return direction  # "prices went sharply up last year to 19"
            continue
        if (clause is not None and tok.i == clause.i) or (pos(tok) == "NOUN" and figure in tok.subtree):
            return direction  # "the toll rose sharply over the week to 19", "a rise in prices of 3%"
    return None


@dataclass
class _Figure:
    """One amount on its way to a figure: what the grammar's rules (``UNIT_RULES``, then
    ``VALUE_RULES``) have decided so far. The sentence's own facts are shared by its figures."""

    sent: Sentence
    am: Amount
    out: list[Claim]  # the sentence's figures before this one
    anchor: Span | None  # the tokens of the amount
    noun: Token | None  # the noun it counts or measures, if the parse gives one
    times: re.Match[str] | None  # "6.5 times earnings": a multiple
    unit: str | None = None
    rule: str | None = None
    measure: str | None = None
    counted: bool = False  # the unit is the counted noun ("troop"), not a unit of measure
    described: bool = False  # a figure with its unit written before a noun ("a $3,500 mortgage")
    unit_end: int = 0
    compared: re.Match[str] | None = None
    bare: bool = False

    @property
    def text(self) -> str:
        return self.sent.text  # Doc.text is rebuilt on each access

    @property
    def doc(self) -> Doc:
        return self.sent.doc

    @property
    def start(self) -> int:
        return self.am.start

    @property
    def end(self) -> int:
        return self.am.end

    @property
    def counted_by_word(self) -> bool:
        return bool(self.am.percent or self.am.currency or self.am.unit or self.times)

    @property
    def last(self) -> Claim | None:
        return self.out[-1] if self.out else None

    def between_last(self) -> str:
        """The words between the figure before and this one."""
        return self.text[self.out[-1].span.end - self.sent.base : self.start]

    def counts_as(self, claim: Claim, rule: str) -> None:
        """A bare number counts what ``claim`` counts: its unit and measure, by ``rule``."""
        self.unit, self.measure, self.bare, self.rule = claim.unit, claim.measure, False, rule


def _figure(sent: Sentence, am: Amount, out: list[Claim]) -> _Figure | None:
    """An amount with the noun it counts; None for a word number that counts nothing ("nine" alone,
    "the same one"; "one man" is a figure, though the ledger does not compare it)."""
    text, doc = sent.text, sent.doc
    anchor = doc.char_span(am.start, am.end, alignment_mode="expand")
    noun = _counted(doc, am.end, am.start)
    if noun is not None and (
        not re.search(r"[^\W\d_]{2}", noun.text) or re.match(rf"\s*[-–]\s*\d|{BY}\d", text[am.end : noun.idx + 1])
    ):
        noun = None  # "|", "x", table debris, or the next figure ("0-60mph", "40 x 60cm"): nothing is counted
    between = re.sub(r"\([^()]*\)", " ", text[am.end : noun.idx]) if noun is not None else ""  # "$5m (£4m) fine": a conversion
    if noun is not None and any(a.percent or a.currency for a in find_amounts(between)):
        noun = None  # rule own_figure: a noun past another percent or sum is that one's ("Nikkei -0.8% Hang Seng -1.2% Kospi")
    if noun is not None and am.percent and noun.text[:1].isupper() and not re.search(r"\bof\b", text[am.end : noun.idx]):
        noun = None  # rule own_figure: a name right after a percent is the next market's ("Topix -0.5% Straits Times"), not its measure
    times = TIMES.match(text, am.end) if not (am.percent or am.currency or am.unit) else None
    if times:
        noun = None  # "6.5 times earnings", "three times as many": a multiple, counted as -fold is
    f = _Figure(sent, am, out, anchor, noun, times, unit_end=times.end() if times else am.end)
    a_one = am.text.lower() == "one" and noun is not None and not ONE_AS_PRONOUN.search(text[max(0, am.start - 12) : am.start])
    casualty = noun is None and CASUALTY.match(text, am.end) is not None  # "dozens injured", "two killed"
    odds = am.form == "ratio" and noun is None  # rule odds: "the risk is 1 in 10,000": a share of nothing named
    if am.word_number and not f.counted_by_word and not casualty and not odds and (noun is None or (am.value == 1 and not a_one)):
        return None
    return f


def _written_against(f: _Figure) -> None:
    """rules currency, percent, glued_unit, multiple: the unit the amount itself carries."""
    am = f.am
    f.unit = am.currency or ("percentage" if am.percent else am.unit) or ("count" if f.times else None)
    if am.currency or am.percent:
        f.rule = "currency" if am.currency else "percent"
    elif am.unit:
        f.rule = "vote_tally" if am.form == "vote_tally" else "glued_unit"
    else:
        f.rule = "multiple" if f.times else None
    if am.currency and (marker := CURRENCY_MARKER.match(f.text, f.end)):
        f.unit_end = marker.end()  # "$76 US a barrel": the currency's country is no noun the figure describes


def _unit_before(f: _Figure) -> None:
    """rule unit_before: the unit of a scale named just before a bare number (``UNIT_BEFORE``)."""
    if f.unit is None and (m := UNIT_BEFORE.search(f.text, max(0, f.start - 12), f.start)):
        f.unit, f.rule = UNITS_BEFORE[m.group(1).lower()], "unit_before"


def _written_after(f: _Figure) -> None:
    """rules degrees, written_unit, counted_noun, age: the unit written after the amount, or the
    noun it counts, by the first that applies."""
    text, end, noun = f.text, f.end, f.noun
    currency_word = _written_unit(text[end:]) if f.unit is None else None
    degrees = DEGREES.match(text, end) if f.unit is None else None
    parts = PARTS_PER.match(text, end) if f.unit is None else None
    if parts:  # rule parts_per: "420 parts per million", "3.5 ppb": a concentration, no count of parts
        scale = (parts.group(1) or PARTS_PER_SCALE[parts.group(2).lower()]).lower()
        f.unit, f.unit_end, f.rule = f"part per {scale}", parts.end(), "written_unit"
    elif degrees:
        f.unit = "fahrenheit" if degrees.group("scale")[0] in "Ff" else "celsius"
        f.unit_end, f.rule = degrees.end(), "degrees"
    elif currency_word in WRITTEN_UNITS or _slashed(text, end, currency_word):
        f.unit, f.rule = currency_word, "written_unit"  # "1.5 billion shekels", "7.5 million Danish crowns", "352 μm", "35 GWh"
        f.unit_end = WRITTEN_UNIT.match(text, end).end()  # type: ignore[union-attr]
        if text.startswith(")", f.unit_end):
            f.unit_end += 1  # "8 miles (13 kilometers) of new tunnels": the "of" after the brackets
        f.described = noun is not None and noun.idx > f.unit_end and not _unit_like(noun)  # "a 352 μm pixel pitch"
    elif noun is not None:
        _noun_unit(f, noun)
    elif f.unit is None:
        f.unit = currency_word or _age(f.doc, text, f.start, end, f.am.value)
        f.rule = "written_unit" if currency_word else "age" if f.unit else None


def _noun_unit(f: _Figure, noun: Token) -> None:
    """rule written_unit ("8 miles of tunnels": the measure is the "of"), else rule counted_noun
    ("11,000 troops": the noun is the unit)."""
    text, end = f.text, f.end
    between = text[end : noun.idx + len(noun.text)].strip()
    if f.am.form == "fraction":  # rule fraction_of_unit: "a quarter of a percentage point", "half a mile"
        between = re.sub(r"^(?:of\s+)?an?\s+", "", between)
    written_unit = None if re.search(r"\d", between) else _unit_name(between)  # "8 million 250ml bottles": bottles
    if f.unit is None and written_unit:
        f.unit, f.rule = written_unit, "written_unit"
        of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
        objs = [g for c in of for g in c.children if g.dep_ == "pobj"]
        f.measure = f.doc[objs[0].left_edge.i : objs[0].i + 1].text if objs else None
        return
    # the words to the noun, less "of" and a conversion in brackets ("$5m (£4m) fine": the fine)
    f.measure = re.sub(r"^(?:\([^()]*\)\s*|\)\s*)?(?:of\s+)?", "", text[end : noun.idx + len(noun.text)].strip(" -")) or None
    f.described = (
        f.unit is not None
        and noun.idx >= end
        and not f.unit.startswith(lemma(noun))
        and not _unit_like(noun)
        and (not re.match(r"\s*(?:of|a|an|per)\b", text[end:]) or PER_TIME.match(text, end) is not None)
    )
    f.counted = f.unit is None
    f.unit = f.unit or lemma(noun)
    f.rule = f.rule or "counted_noun"


DETERMINERS = {"the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your"}


def _rate(f: _Figure) -> None:
    """A rate: "35 miles per hour", "$2.11 per gallon"; money's measure is what it prices."""
    text, end = f.text, f.end
    rate = RATE.match(text[measure_end_of(f.noun, end) if not f.am.currency else end :])
    if rate and f.unit and f.unit not in ("percentage",) and " per " not in f.unit:
        per = (rate.group(1) or rate.group(2)).lower()
        per = {"liter": "litre", "kg": "kilogram", "kwh": "kilowatt hour", "square feet": "square foot"}.get(per, per)
        f.unit = f"{f.unit} per {per.replace('meter', 'metre')}"
    if f.am.currency and f.measure is None:
        per = re.match(r"\s+(?:per|for|a|each|for each)\s+(?:one\s+|a\s+|every\s+)?(?:such\s+)?([\w-]+)", text[end : end + 40])
        priced = per.group(1) if per and per.group(1).lower() not in TIME_NOUNS | DETERMINERS else None
        word = f.doc.char_span(end + per.start(1), end + per.end(1)) if priced and per is not None else None
        if word is not None and pos(word.root) not in ("NOUN", "PROPN"):
            priced = None  # "cost Rs 2,500 each in shops": "each" stands alone, "in" prices nothing
        f.measure = priced or _priced_thing(f.anchor.root if f.anchor is not None else None)
    f.bare = f.unit is None and f.noun is None


def _subject_count(f: _Figure) -> None:
    """rule subject_count: "Casualties have exceeded 4,700", "Arrests topped 1,200": the clause's
    plural subject is what a bare number counts."""
    if SHARED_UNIT.match(f.text, f.end):
        return  # "the growers lost 300 of their 900 hives": a part of the whole named after it
    if f.bare and f.am.form != "ratio" and (counting := _subject_counted(f.anchor)) is not None:  # odds count nothing
        f.unit, f.measure, f.bare = lemma(counting), f.doc[counting.left_edge.i : counting.i + 1].text, False
        f.rule = "subject_count"


# rule casualty_count: "37 killed", "dozens injured", "hundreds were arrested": a number right before
# what befell people counts people
# what befalls people in a casualty count
HARMED = ("killed", "injured", "wounded", "hurt", "dead", "missing", "homeless", "stranded", "trapped")
# verbs whose participle after a number, or whose number object, counts people ("23 arrested", "arrested 23")
DONE_TO = ("killed", "injured", "wounded", "arrested", "detained", "displaced", "evacuated", "rescued", "hospitalised",
           "hospitalized")  # fmt: skip
CASUALTY = re.compile(
    rf"\s+(?:(?:were|have been|had been|are|was)\s+)?(?P<what>{'|'.join(dict.fromkeys((*HARMED, *DONE_TO)))}|feared dead)\b",
    re.I,
)


# a verb of harm right before a bare number: "killed 37", "injuring at least 12", "has displaced 3,000"
HARM_DONE = {done[:-2]: done for done in DONE_TO}  # its stem -> its participle: "injur" -> "injured"
HARM_VERB = re.compile(
    rf"\b(?P<stem>{'|'.join(HARM_DONE)})(?:ed|ing|es|e|s)?"
    r"\s+(?:(?:at least|about|around|nearly|almost|more than|over|some|another|a further|up to)\s+)?$",
    re.I,
)


def _casualty_count(f: _Figure) -> None:
    """rule casualty_count: "At least 12 killed", "dozens were injured": people, measured by what
    befell them; rule casualty_object: "the blast injured 40 people and killed 12", "floods have
    displaced 3,000": a bare number a verb of harm takes as its object counts people too."""
    if f.bare and (hit := CASUALTY.match(f.text, f.end)) is not None:
        f.unit, f.measure, f.bare, f.rule = "people", hit.group("what").lower(), False, "casualty_count"
    elif f.bare and (verb := HARM_VERB.search(f.text, max(0, f.start - 40), f.start)) is not None:
        f.unit, f.measure, f.bare, f.rule = "people", HARM_DONE[verb.group("stem").lower()], False, "casualty_object"


# an amount written with a scale word ("3.1 million", "$2bn", "45m")
SCALED = re.compile(r"\d\s?(?:million|billion|trillion|bn|mn|tn|m)\b", re.I)


def _scale_carry(f: _Figure) -> None:
    """rule scale_carry: "a loss of 12.3 million euros, against a profit of 3.1 million", "4.5
    million visitors came, and 3 million of them stayed": a bare amount written with a scale word
    is in the unit of the scaled figure before it in its sentence (no percentage: "a 5% rise to 2
    million" counts nothing the percentage does; nor a conversion in brackets, "£1.3bn ($1.7bn)")."""
    last = f.last
    if not f.bare or last is None or not last.unit or last.unit == "percentage" or not SCALED.search(f.am.text):
        return
    if f.text[: last.span.start - f.sent.base].rstrip().endswith("("):
        return  # "1.3bn ($1.7bn)": a bracketed conversion is not the writer's unit
    if SCALED.search(last.text) and not re.search(r"[;:]", f.between_last()):
        f.unit, f.bare, f.rule = _chosen_unit(last, f.text, f.sent.base), False, "scale_carry"  # its unit as finally read


def _number_subject(f: _Figure) -> None:
    """rule number_subject: "Some 20,000 marched", "about 300 attended the vigil", "more than 1,000
    have signed": a bare number (two or more; a year is no amount) that is the subject of a verb in the active
    voice stands for the people who did it, measured by the verb. Not a passive's subject ("2.3
    billion were sent": things named before; the harm verbs' passives are ``casualty_count``'s; nor
    a participle with no "have", "and 7,800 relocated"),
    not a copula's ("50 is the limit"), not a part ("111 of the bodies"), not a number with a
    determiner or a glued scale ("the 737 landed", "the 800m went": names), nor one written with
    a leading zero (a code)."""
    tok = f.anchor.root if f.bare and f.anchor is not None and f.am.form not in ("ratio", "fraction") else None
    value, written = f.am.value, f.am.text.strip()
    if tok is None or value is None or value < 2 or tok.dep_ != "nsubj" or re.search(r"\d[a-z]|^0\d", written, re.I):
        return
    verb = tok.head
    if pos(verb) != "VERB" or lemma(verb) in ("be", "have") or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return
    if verb.tag_ == "VBN" and not any(
        c.dep_ == "prt" or (c.dep_ == "aux" and c.lower_ in ("have", "has", "had")) for c in verb.children
    ):
        return  # "posts were cut and 7,800 relocated": a participle alone is a passive's ellipsis ("30 million tuned in": a phrasal verb is not)
    if any(c.dep_ == "poss" or c.lower_ in DETERMINERS for c in tok.children) or re.match(r"\s+of\b", f.text[f.end :]):
        return
    f.unit, f.measure, f.bare, f.rule = "people", verb.lower_, False, "number_subject"


# rule partitive: "120 patients, 15 of them critical", "40 arrests, most of which ...": a bare number
# followed by "of them"/"of whom"/"of those" is a part of the figure before, in its unit
PARTITIVE = re.compile(r"\s+of\s+(?:them|whom|those|these|which)\b", re.I)


def _partitive(f: _Figure) -> None:
    last = f.last
    if f.bare and last is not None and last.unit and f.am.form != "fraction" and PARTITIVE.match(f.text, f.end):
        # (a share, "half of them", stays a share: it is no count of the whole's unit)
        f.counts_as(last, "partitive")


COUNT_HEADS = {"number", "total", "count", "tally", "toll"}
CASUALTY_WORDS = {*HARMED, "death", "casualty", "fatality"} - {"hurt"}  # the nouns a toll of people counts


def _casualty_toll(f: _Figure) -> None:
    """rule casualty_toll: "the death toll rose to 40", "put the number of dead at 300": a bare figure
    that a count of the dead or hurt named before it in its sentence counts people."""
    if not f.bare:
        return
    heads = [t for t in f.doc if t.lower_ in COUNT_HEADS and t.idx + len(t.text) <= f.start and pos(t) == "NOUN"]
    if not heads or re.search(r"[.;:]", f.text[heads[-1].idx : f.start]):
        return
    head = heads[-1]
    if head.lower_ == "toll":
        counted = next((c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i), None)
    else:
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        counted = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    if counted is None:
        return
    word = lemma(counted)
    if word not in CASUALTY_WORDS:
        return  # (read for any noun, "the number of X", it lost on NewsQuant's check half: kept to the dead and hurt)
    f.unit = "people"
    f.measure, f.bare, f.rule = counted.text, False, "casualty_toll"


ELLIPSIS_REACH = 40  # characters between a figure and a bound that counts what it counted


def _elliptical_bound(f: _Figure) -> None:
    """rule elliptical_bound: "the camp held 25,000 people; today it holds fewer than 5,000": a
    bound with nothing after it counts what the figure before counted."""
    last = f.last
    bound = f.am.low is None or f.am.high is None
    share = f.am.form in ("fraction", "ratio")  # "almost half of them" stays a share
    near = last is not None and len(f.between_last()) <= ELLIPSIS_REACH
    if f.bare and bound and not share and near and last is not None and last.unit and f.am.value is not None:
        f.counts_as(last, "elliptical_bound")


def _comparative_difference(f: _Figure) -> None:
    """rule comparative_difference: "1,200 people, 400 fewer than planned": the difference counts
    what the figure before did; "costs about 30k less": a difference is a figure, whatever it counts."""
    f.compared = COMPARATIVE.match(f.text, max(f.unit_end, measure_end_of(f.noun, f.end)) if f.noun is not None else f.unit_end)
    if not (f.bare and f.compared):
        return
    last = f.last
    if last is not None and last.unit and re.fullmatch(r"[^\d.;:]{0,40},\s*", f.between_last()):
        f.unit, f.measure = last.unit, last.measure
    f.bare, f.rule = False, "comparative_difference"


MEASURED = {
    "counted_noun",
    "written_unit",
    "glued_unit",
    "degrees",
}  # a figure in a count or a unit of measure, not money or a percentage


def _parallel(f: _Figure) -> None:
    """rule parallel: "435 homes by open sale and 187 by tender": the number the clause before
    counted; rule tally: "passed by 320 votes to 289", "rose 20 points to 340", "fell by 1.3 years
    to 76.4": a bare number after "to" is in the count or unit of the figure before it."""
    last = f.last
    if not f.bare or last is None or not last.unit:
        return
    if PARALLEL.search(f.between_last()):
        f.counts_as(last, "parallel")
    elif last.rule in MEASURED and TALLY.fullmatch(f.between_last()):
        f.counts_as(last, "tally")


def _value_context(f: _Figure) -> bool:
    """rule value_context: a bare number is a figure only where something is said to be, reach or
    move to it ("reached 40", "rose to 3.65", "12 of the 40"); False drops it."""
    if not f.bare:
        return True
    reached = LEVEL_REACHED.match(f.am.text)  # rule as_far_as: "fell as low as 1.06", a level reached
    side = SIDE.match(f.text, f.end)  # rule dimensions: "20 by 30 metres", a side of one measure
    moved = f.am.form == "by_to_move"  # "fell 212 to 7,450": the change, before the level it reached
    if not (
        reached
        or side
        or moved
        or VALUE_CONTEXT.search(f.text[max(0, f.start - 25) : f.start])
        or SHARED_UNIT.match(f.text, f.end)
    ):
        return False
    f.rule = "value_context"
    return True


def _index_level(f: _Figure) -> None:
    """rule index_level: "the FTSE 100 fell 1% to 7,425.81": a bare level in a report of an index is in points."""
    if f.unit is None and f.noun is None and INDEX_WORDS.search(f.text):
        f.unit, f.rule = "point", "index_level"


# a verb of going past a figure, right before it
EXCEEDED = re.compile(r"\b(?:exceeded|exceeds|exceeding|surpassed|surpasses|surpassing)\s+$", re.I)


def _exceeded_bound(f: _Figure) -> None:
    """rule exceeded_bound: "Casualties have exceeded 4,700", "sales surpassed 1 million": a figure
    something went past is its least, not its value alone (as "more than 4,700" is)."""
    am = f.am
    if am.value is not None and am.low == am.high == am.value and EXCEEDED.search(f.text, max(0, am.start - 20), am.start):
        am.high = None
        f.rule = f.rule or "exceeded_bound"


# the figure grammar after the amount: each rule may decide the unit, what it measures and the rule
# that made it a figure; in this order
UNIT_RULES = [
    _written_against,
    _unit_before,
    _written_after,
    _rate,
    _casualty_count,
    _subject_count,
    _partitive,
    _casualty_toll,
    _comparative_difference,
    _parallel,
    _scale_carry,
    _number_subject,
    _elliptical_bound,
]


# the amount's own qualifier ("more than £2m") is part of it: only "a further" stands between
RAISED_FUNDS = re.compile(r"\brais(?:e|es|ed|ing)\s+(?:an?\s+(?:further|additional|extra)\s+)?$", re.I)


def _position(f: _Figure) -> bool:
    """rule position: a length "above" or "below" something ("36,000 km above the equator", "400
    metres below sea level") says where, not by how much one figure passes another ("2C above
    average" still does)."""
    return f.compared is not None and f.compared.group(1).lower() in ("above", "below") and canonical(f.unit)[0] == "metre"


def _direction(f: _Figure) -> str | None:
    """Whether the figure is a rise or fall, by the first rule that says: the words of change that
    govern it; a comparative after it ("4% higher than"); rule signed_move ("-0.8%", "+0.4%" in a
    market list); the figure before it that moved to this one ("up 9.4 per cent to $84")."""
    change = _change(f.doc, f.text, f.start, f.anchor.root if f.anchor is not None else None)
    if change == "up" and f.am.currency and RAISED_FUNDS.search(f.text, max(0, f.start - 20), f.start):
        change = None  # rule raised_funds: "raised $45m from investors": money collected, not a rise
    if change is None and f.compared and not _position(f):
        change = "down" if f.compared.group(1).lower() in LESS else "up"
    if change is None and f.am.percent and (signed := SIGNED.search(f.text[max(0, f.start - 1) : f.start + 2])):
        change = "down" if signed.group(0) in "-−" else "up"
    last = f.last
    if change is None and last is not None and last.change and MOVED_TO.fullmatch(f.text, last.span.end - f.sent.base, f.start):
        change = last.change
    # rule same_way: "down 1.5% on the month and 4.6% on the year"; not after a level moved from
    # ("dropped to 4% from 5% in May and 6% a year before": the 6% is another level it moved from)
    moved_from = last is not None and re.search(
        r"\bfrom\s+$", f.text[max(0, last.span.start - f.sent.base - 8) : last.span.start - f.sent.base]
    )
    if (
        change is None
        and last is not None
        and last.change
        and last.unit == f.unit
        and not moved_from
        and SAME_WAY.search(f.between_last())
    ):
        change = last.change
    return change


PERIOD_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade"}
# a preposition that makes a period the time something took ("in two years", "over the past six months")
PERIOD_SPAN = re.compile(
    r"\b(?:in|within|over|during|for|across|after)\s+(?:the\s+(?:past|last|next|first|following)\s+)?$", re.I
)
# "over" that starts a bound after these ("for over 12 years", "lasted over two hours", "took over a week")
OVER_AS_BOUND = re.compile(
    r"\b(?:for|of|after|in|lasted|lasts|lasting|took|takes|taking|spent|spend|spends|within|than|aged?|is|was|were|are|been|be)\s+$",
    re.I,
)


# where a clause opens: the sentence's start, after a comma, semicolon or dash, or after "and", "but", "yet", "so"
OPENING_CLAUSE = re.compile(r"(?:^|[,;:—–]\s*|\b(?:and|but|yet|so)\s+)$", re.I)


def _period_over(f: _Figure) -> bool:
    """rule period_over: a duration after "over" that follows a change ("rose 20% over five years",
    "fell from 9 to 6 over 12 weeks") is the period the change took, not a lower bound; after "for",
    "lasted", "took" and the like it stays one ("jailed for over 12 years")."""
    if f.unit not in PERIOD_UNITS or not re.match(r"over\s", f.am.text, re.I) or f.am.value is None:
        return False
    before = f.text[max(0, f.start - 60) : f.start]
    if OPENING_CLAUSE.search(before) and re.match(r"\s*,", f.text[max(f.unit_end, measure_end_of(f.noun, f.end)) :]):
        return True  # rule period_opening: "Over 20 years, output fell", "but over six months, it doubled"
    return not OVER_AS_BOUND.search(before) and bool(CHANGE_UP.search(before) or CHANGE_DOWN.search(before))


def _claim(f: _Figure, who: str | None, dates: list[str], about: list[str]) -> Claim:
    """The figure as a record, with whose it is, what it is a value of and what it is part of."""
    sent, am, noun, start, end = f.sent, f.am, f.noun, f.start, f.end
    head = noun if noun is not None else (f.anchor.root if f.anchor is not None else None)
    measure_end = noun.idx + len(noun.text) if noun is not None else end
    last = f.last
    claim = Claim(
        id=content_id(sent.article_id, str(sent.base + start), am.text),
        span=sent.where(start, end),
        text=am.text,
        rule=f.rule or "counted_noun",
        value=am.value,
        low=am.low,
        high=am.high,
        approximate=am.approximate,
        change=_direction(f),
        unit=f.unit,
        measure=f.measure,
        about=about,
        attribution=who,
        time=dates[0] if dates else None,
        actor=_actor(f.doc, start, measure_end, head),
        part_of=last.id if last is not None and (PART_CUE.search(f.between_last()) or f.rule == "partitive") else None,
        subject=_subject(
            f.doc, head, start, end, max(measure_end, f.unit_end), f.counted, f.counted_by_word, f.bare, am.low != am.high,
            described=f.described,
        ),
    )  # fmt: skip
    if _period_over(f):
        claim.low = claim.high = am.value  # rule period_over: "fell 8% over 12 weeks": the period, not "more than",
        claim.change = None  # and no move of its own
    if claim.change and f.unit in PERIOD_UNITS and PERIOD_SPAN.search(f.text, max(0, f.start - 30), f.start):
        claim.change = None  # rule period_span: "fell 10% in two years", "rose for three days": how long, no move
    if f.times and claim.subject:
        claim.subject = re.sub(r"^times\s+", "", claim.subject)  # "1.4 times book value": of book value
    claim.subject = claim.subject or None  # never an empty name
    if last is not None and last.part_of is None and WHOLE_CUE.fullmatch(f.between_last()):
        last.part_of = claim.id  # "12 of the 40": the figure before is a part of this one
    return claim


def figures_in(sent: Sentence, previous: str | None) -> tuple[list[Claim], str | None]:
    """Figures of one sentence; ``previous`` is the attribution of the sentence before (for
    a quotation that goes on), and the attribution of this one is returned for the next."""
    doc, text = sent.doc, sent.text
    span = doc[:]
    amounts = find_amounts(text)
    if not amounts:
        return [], attribution(span)[0]
    opens_quote = text[:1] in "“‘" or (text[:1] in "'\"" and text[1:2].isalnum())
    dates = [e.text for e in doc.ents if e.label_ == "DATE"]
    about = sorted({e.text for e in doc.ents if e.label_ in ENTITY_LABELS})
    out: list[Claim] = []
    for am in amounts:
        f = _figure(sent, am, out)
        if f is None:
            continue
        who = attribution(span, f.anchor.root if f.anchor is not None else None)[0]
        if who is None and opens_quote:
            who = previous  # a quotation that goes on from the sentence before
        for rule in UNIT_RULES:
            rule(f)
        if not _value_context(f):
            continue
        _index_level(f)
        _exceeded_bound(f)
        previous = who
        out.append(_claim(f, who, dates, about))
    _share_units(out, text, sent.base)
    claims = _moves(out, sent)
    for claim in claims:
        claim.unit = _chosen_unit(claim, text, sent.base)
        claim.canonical_unit, claim.to_canonical = canonical(claim.unit)
    return claims, previous


TIMES = re.compile(r"[\s-]*times\b(?![\s-]+(?:a|an|per|each|every)\s+(?:day|week|month|year)\b)", re.I)


# between a figure and a bare number that counts the same thing: a short phrase, then "and"/"or"/"while"
# rule comparative_difference: a comparative right after a figure makes it a difference ("30k less",
# "4% higher than a year ago", "400 fewer than planned"), a rise or fall by it; before the figure
# ("more than 10,000") it is a bound, read by the amount finder
LESS = {"less", "fewer", "lower", "cheaper", "smaller", "shorter", "slower", "lighter", "below"}
COMPARATIVE = re.compile(
    r"\s+(less|fewer|lower|cheaper|smaller|shorter|slower|lighter|more|higher|greater|bigger|larger|longer|faster"
    r"|dearer|heavier|above|below)\b",
    re.I,
)
PARALLEL = re.compile(r"^[^\d.;:]{0,30}\s(?:and|or|while|but|versus|vs\.?)\s+$", re.I)
TALLY = re.compile(r"\s+[a-z-]+\s+to\s+", re.I)  # "320 votes to 289": the counted noun, then "to"
# two figures of one unit joined by "and"/"or" move the same way ("down 1.5% on the month and 4.6% on the year")
SAME_WAY = re.compile(r"^[^\d.;:]{0,30}\s(?:and|or)\s+$", re.I)

# "1,500 of the 12,000 jobs", "1,500 of its 12,000 jobs", "12 out of a total of 40": a part, then its whole
SHARED_UNIT = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|(?:its|their|his|her|our|your)\s+|a\s+total\s+of\s+|an?\s+)?", re.I)


CURRENCY_MARKER = re.compile(r"\s+(?:US|USD|AUD|CAD|NZD|SGD|HKD|CDN)\b")

# a rate written between a figure and the noun it describes ("a $3,500 a month mortgage")
PER_TIME = re.compile(r"\s*(?:a|an|per)\s+(?:day|week|month|year)\s+[a-z]")


# rule dimensions: "2.5 by 3 centimetres", "40 x 60cm": the sides of one measure, the unit written once
DIMENSION = re.compile(BY, re.I)
SIDE = re.compile(  # a bare side before a length
    rf"{BY}\d[\d.,]*\s*(?:mm|cm|m|km|in|ft|inch(?:es)?|f(?:ee|oo)t|yards?|miles?|(?:milli|centi|kilo)?met(?:re|er)s?)\b", re.I
)


COMPARED_WITH = re.compile(
    r"[^\d.;:]{0,40}?,?\s+(?:(?:up|down)\s+from|compared\s+(?:with|to)|versus|vs\.?)\s+(?:an?\s+|some\s+|about\s+|around\s+)?",
    re.I,
)
CHANGE_THEN_LEVEL = re.compile(r"\s+to\s+")  # between the change and the level of a by_to_move pair


def _share_units(claims: list[Claim], text: str, base: int) -> None:
    """ "280 million of the 1.5 billion shekels": a bare number takes the unit of the whole it is
    part of; "2.5 by 3 centimetres": a bare side takes the length of the side after it."""
    for c, whole in itertools.pairwise(claims):
        between = text[c.span.end - base : whole.span.start - base]
        if c.unit is None and whole.unit and SHARED_UNIT.fullmatch(between):
            c.unit, c.measure = whole.unit, whole.measure
        elif c.unit is None and whole.unit and DIMENSION.fullmatch(between) and canonical(whole.unit)[0] == "metre":
            c.unit = whole.unit
        elif c.unit is None and whole.unit and CHANGE_THEN_LEVEL.fullmatch(between):
            c.unit, c.measure = whole.unit, whole.measure  # rule by_to_move: "grew 40 to 310 ships", both ships
        elif whole.unit is None and c.unit and COMPARED_WITH.fullmatch(between) and whole.value is not None:
            # rule compared_in_unit: "one in four adults, up from one in six", "£682, compared with 640":
            # the figure it is compared with is in its unit
            whole.unit, whole.measure = c.unit, c.measure


# a market report's list: a name, then how far it moved
LISTED = re.compile(
    r"(?:^|[,;:]\s*|\band\s+|\b(?:were|are|was|is|included?|includes)\s+|(?<=[%\d])\s+)"
    r"(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z0-9][\w&.'’-]*){0,3}),?"
    r"\s+(?:(?:(?:was|were)\s+)?(?:up|down|by)\s+(?:[-+]?[\d.,]+\s?(?:%|p|pc|points?|cents?)?\s+(?:at|to)\s+)?|[+−])$"
)


# ... and a name right before a signed figure ("Nikkei -0.8% Hang Seng -1.2%")
LISTED_SIGNED = re.compile(r"(?:^|[,;:]\s*|\band\s+|(?<=[%\d])\s+)(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z0-9][\w&.'’-]*){0,3})\s+$")
SIGNED = re.compile(r"[-+−](?=\d)")


def _subject(
    doc: Doc,
    head: Token | None,
    start: int,
    end: int,
    unit_end: int,
    counted: bool,
    glued: bool,
    bare: bool,
    ranged: bool,
    described: bool = False,
) -> str | None:
    """What a figure is a value of, by the first rule that finds it: the 'of' after a measure
    ("24 per cent of adults"), the noun or subject the parse ties it to, the noun before it."""
    if not counted and (found := _of_object(doc, end if glued else unit_end)):
        return found
    text = text_of(doc)
    listed = LISTED.search(text[max(0, start - 60) : start])
    if listed is None and text[start : start + 1] in ("-", "−"):
        listed = LISTED_SIGNED.search(text[max(0, start - 60) : start])  # "Nikkei -0.8%"
    if listed:
        return listed.group("name")  # "Unite Group, down 68p", "Burlington by 2.6%"
    if described and head is not None and pos(head) == "NOUN" and (found := _held(head, start, start)):
        words = found.split()
        while len(words) > 1 and (words[0].lower() in UNIT_WORDS or words[0].lower() in TIME_NOUNS):
            words.pop(0)  # the unit's own words are no part of the name ("μm pixel pitch", "per cent stake")
        return " ".join(words)  # "a $3,500 a month mortgage", "60GB data cap": the noun it describes
    return _subject_of(head, start, unit_end, ranged) or (None if counted or bare else _noun_before(doc, start))


def _noun_before(doc: Doc, start: int) -> str | None:
    """The nearest noun before a figure in its clause ("Dow +0.2%", "Unite Group, down 68p")."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    if first is None:
        return None
    for tok in reversed(doc[max(0, first.start - 8) : first.start]):
        if tok.text in (";", ".", ":") or tok.lower_ in ("and", "but", "while", "whereas") or tok.tag_ == "PRP":
            return None  # a clause's end, or its own subject ("... in the public system it would save $500 million")
        if pos(tok) in ("NOUN", "PROPN") and not _unit_like(tok):
            return _noun_phrase(tok)
    return None


# words of a unit itself: "per cent", "%", and those written against a number ("GB", "μm", "pc")
UNIT_WORDS = {"per", "cent", "percent", "%", *GLUED_UNITS}


def _unit_like(tok: Token) -> bool:
    """Words that measure rather than name what is measured: "per cent", "miles", "Tuesday"."""
    return (
        tok.like_num
        or tok.lower_ in TIME_NOUNS
        or tok.lower_ in UNIT_WORDS
        or tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL")
        or _written_unit(tok.text) is not None
    )


def _of_object(doc: Doc, end: int) -> str | None:
    """ "8 miles of new tunnels", "24 per cent of adults": what the amount is an amount of."""
    of = doc.char_span(end, end + 3, alignment_mode="expand") if re.match(r" of\b", text_of(doc)[end : end + 4]) else None
    if of is None:
        return None
    obj = next((c for t in of for c in t.children if c.dep_ == "pobj"), None)
    return _noun_phrase(obj) if obj is not None and pos(obj) in ("NOUN", "PROPN") and not _unit_like(obj) else None


# people described by a noun that an age in commas may follow ("the suspect, 19,")
AGED = HUMAN_HEADS | {"defendant", "suspect", "driver", "mother", "father", "boy", "girl", "teenager", "pensioner", "patient",
                      "worker", "pilot", "passenger", "cyclist", "pedestrian", "motorist", "nurse", "teacher", "farmer"}  # fmt: skip


def _age(doc: Doc, text: str, start: int, end: int, value: float | None) -> str | None:
    """ "Maddon, 66, has ...", "Nick Hague 44 has ...", "aged 25": a person's age."""
    if value is None or not (0 < value < 120) or value != int(value):
        return None
    if re.search(r"\baged?\s+$", text[max(0, start - 5) : start]):
        return "year of age"
    person = any(e.label_ == "PERSON" and 0 <= start - e.end_char <= 2 for e in doc.ents)
    # "Maddon, 66,", and rule described_age: "the defendant, 34,", "a man, 52," (a person described, then an age)
    before = re.search(r"\b([A-Z][a-z]+|[a-z]+), $", text[max(0, start - 30) : start])
    named = before and text.startswith(",", end) and (before.group(1)[0].isupper() or before.group(1) in AGED)
    if (person and re.match(r"\s*,|\s[a-z]", text[end : end + 3])) or named:
        return "year of age"
    return None


UP_TO = re.compile(r"up\s+to\b", re.I)


POUND_WORD = re.compile(r"\s*-?\s*pounds?\b", re.I)
THRUST = re.compile(r"\s+of\s+(?:thrust|force|pull|push)\b", re.I)


def _chosen_unit(claim: Claim, sentence: str, base: int) -> str | None:
    """A unit whose written name means two ("500 pounds": weight or money; "¥20,000": yen or yuan)
    as the trained chooser reads the sentence (``unit_choice``); any other unit as it is."""
    if claim.unit in AMBIGUOUS["pound"] and (word := POUND_WORD.match(sentence, claim.span.end - base)):
        if THRUST.match(sentence, word.end()):
            return "pound-force"  # rule pound_force: "7.5 million pounds of thrust"
        return choose("pound", sentence) or claim.unit
    if claim.unit in AMBIGUOUS["¥"] and "¥" in claim.text:
        return choose("¥", sentence) or claim.unit
    return claim.unit


# rule to_from_move: "rose to 4.1% in March from 3.9%", "climbed to $4.2bn from $3.8bn": the level
# reached, then where it came from, a few words apart: one figure that moved
TO_BEFORE = re.compile(r"(?:^|\s)to\s+$", re.I)
UP_FROM = re.compile(r"\s*,\s*(?:up|down)\s+from\s+(?:an?\s+(?:[\w-]+\s+){0,2}of\s+)?", re.I)  # ", up from a record of"
FROM_BETWEEN = re.compile(r"(?:[^.;:\d]|(?<=\d)\.(?=\d)){0,40}?\bfrom\s+$", re.I)


def _to_from(prev: Claim, c: Claim, sent: Sentence) -> str | None:
    """The rule by which ``c`` is where ``prev`` moved from: to_from_move ("rose to 4.1% from 3.9%"),
    up_from ("Turnout was 67.3%, up from 61.1%"); None if it is not."""
    before_prev = sent.text[max(0, prev.span.start - sent.base - 6) : prev.span.start - sent.base]
    between = sent.text[prev.span.end - sent.base : c.span.start - sent.base]
    same_unit = c.unit is None or prev.unit is None or prev.unit.split(" per ")[0] == c.unit.split(" per ")[0]
    if prev.from_value is not None or prev.value is None or c.value is None or prev.low != prev.high or not same_unit:
        return None
    if TO_BEFORE.search(before_prev) and FROM_BETWEEN.fullmatch(between):
        return "to_from_move"
    return "up_from" if UP_FROM.fullmatch(between) else None


def _moves(claims: list[Claim], sent: Sentence) -> list[Claim]:
    """ "fell from $36,040 ... to $34,935": one figure that moved, with the value it moved from;
    "sizes from 450 sq ft up to 900 sq ft", with no verb of change, one range; "rose to 4.1% from
    3.9%" (rule to_from_move), the figure reached with the value it moved from."""
    out: list[Claim] = []
    for c in claims:
        prev = out[-1] if out else None
        if prev is not None and (moved := _to_from(prev, c, sent)):
            prev.from_value = c.value
            prev.change = prev.change or ("up" if prev.value > c.value else "down" if prev.value < c.value else None)  # type: ignore[operator]
            prev.unit = max(prev.unit or "", c.unit or "", key=len) or None
            prev.span = sent.where(prev.span.start - sent.base, c.span.end - sent.base)
            prev.text = sent.text[prev.span.start - sent.base : c.span.end - sent.base]
            prev.rule = moved
            continue
        between = sent.text[prev.span.end - sent.base : c.span.start - sent.base] if prev is not None else ""
        up_to = bool(UP_TO.match(c.text))
        if (
            prev is not None
            and prev.from_value is None
            and c.value is not None
            and re.search(r"\bfrom\s+$", sent.text[max(0, prev.span.start - sent.base - 6) : prev.span.start - sent.base])
            and re.fullmatch(r"(?:[^.;]|(?<=\d)\.(?=\d)){0,60}?", between)
            and (up_to or re.search(r"\bto\s+$", between))
            and (c.unit is None or prev.unit is None or prev.unit.split(" per ")[0] == c.unit.split(" per ")[0])
        ):
            if prev.value is None and prev.low is not None and prev.high is not None and prev.low != prev.high:
                # "from about 14-18 mpg to 24": a move from a range; both figures stay, the second says which way
                c.unit = c.unit or prev.unit
                c.change = c.change or ("up" if c.value > prev.high else "down" if c.value < prev.low else None)
                out.append(c)
                continue
            was = prev.value if prev.value is not None else (prev.high if prev.low is None else prev.low)
            if was is not None:
                if up_to and c.change is None:
                    c.low, c.value = was, None  # one range, its high the "up to" bound
                else:
                    c.from_value = was
                    c.change = c.change or ("up" if c.value > was else "down" if c.value < was else None)
                c.unit = max(c.unit or "", prev.unit or "", key=len) or None  # "$310 a tonne ... to $275"
                c.span = sent.where(prev.span.start - sent.base, c.span.end - sent.base)
                c.text = sent.text[prev.span.start - sent.base : c.span.end - sent.base]
                c.subject = c.subject or prev.subject
                out[-1] = c
                continue
        out.append(c)
    return out
