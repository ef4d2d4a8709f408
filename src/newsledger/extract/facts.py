"""Which sentences deserve a full parse: only those with an amount, a quotation, a reporting
verb or a speaker's label; the rest of an article needs sentence splitting and NER only.
The extractors themselves: ``claims`` (figures) and ``quotes``, over ``language``."""

from __future__ import annotations

import re

from newsledger.extract.language import SPEECH_FORMS
from newsledger.extract.quotes import LABELLED, MIN_QUOTE, QUOTE_RX, SIGNED, short_lead
from newsledger.grammar.numbers import find_amounts

_WORDS = re.compile(r"[a-z]+")


def announces(text: str) -> bool:
    """ "The governor added:": a sentence ending in a colon with a speech verb, or a short one
    ("Caddell continued:"); the sentence after it is parsed too, to be read as the speaker's words."""
    return text.rstrip().endswith(":") and (_speech_verb(text.lower()) or short_lead(text))


def _speech_verb(low: str) -> bool:
    return bool(SPEECH_FORMS.intersection(_WORDS.findall(low)))


def needs_parse(text: str) -> bool:
    """Only sentences with an amount, a quotation or a speech verb are worth a full parse."""
    low = text.lower()
    return bool(
        find_amounts(text)
        or any(len(m.group(0)) > MIN_QUOTE for m in QUOTE_RX.finditer(text))
        or "according to" in low
        or LABELLED.match(text)
        or SIGNED.search(text)
        or _speech_verb(low)
    )
