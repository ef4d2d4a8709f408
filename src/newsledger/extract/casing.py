"""Headlines written in Title Case, put in sentence case for the parser.

spaCy's small model reads every capitalised word of "Black Lawmakers Rip Donald Trump As A
Fraud" as part of a name, so the headline has no verb and no subject. The parser gets the
headline with the capitals that are not names lowercased ("Black lawmakers rip Donald Trump as a
fraud"); a word is a name when the article's prose writes it with a capital inside a sentence and
never without, or when the model finds a person, place or group there. The parse is then put
back on the headline's own words (``restore``), so every offset and every word the records show
is the article's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Doc

WORD = re.compile(r"[^\W\d_][\w’'-]*")
MIN_WORDS, MAX_WORDS = 3, 25  # a headline's length in words
# words a Title Case headline may leave in lower case ("Kim Jong Un Vows to Back Russia in War")
SMALL_WORDS = {"a", "an", "the", "and", "or", "nor", "but", "for", "yet", "so", "of", "in", "on", "at", "to", "by", "up",
               "as", "vs", "via", "per", "off", "out", "with", "from", "into", "over", "is", "be"}  # fmt: skip


@lru_cache(maxsize=8)
def _names(body: str) -> set[str]:
    """Words the article's prose capitalises inside a sentence and never writes in lower case: its
    names ("Trump", "NATO"); headlines, whose every word is capitalised, are not read."""
    prose = [line for line in body.splitlines() if _prose(line)]
    written = {w.lower() for line in prose for w in WORD.findall(line) if w[0].islower()}
    inside = {m.group(1) for line in prose for m in re.finditer(r"(?<=[\w,] )([A-Z][\w’'-]*)", line)}
    return {w for w in inside if w.lower() not in written}


def _prose(text: str) -> bool:
    """A line with a word in lower case other than a short function word."""
    return any(w[0].islower() and w.lower() not in SMALL_WORDS for w in WORD.findall(text))


def sentence_case(text: str, body: str, names: Iterable[tuple[int, int]] = ()) -> str | None:
    """``text`` with the capitals of a Title Case headline lowercased where they are not names (the
    first word, words in capitals, words inside ``names``, the spans of the entities found in it, and
    names of the article's prose kept), the same length; None when it is no such headline: one with a
    word in lower case other than a short function word, or fewer than two capitalised words to lower."""
    words = list(WORD.finditer(text))
    if not MIN_WORDS <= len(words) <= MAX_WORDS or _prose(text):
        return None
    prose_names = _names(body)
    spans = list(names)
    lowered = [
        m for m in words[1:]
        if m.group(0)[0].isupper() and (m.group(0) == "A" or not m.group(0).isupper())
        and m.group(0) not in prose_names and len(m.group(0).lower()) == len(m.group(0))
        and not any(a <= m.start() < b for a, b in spans)
    ]  # fmt: skip
    if len(lowered) < 2:
        return None
    out = list(text)
    for m in lowered:
        out[m.start() : m.end()] = m.group(0).lower()
    return "".join(out)


def restore(doc: Doc, text: str) -> Doc:
    """The parse of a re-cased text laid on the original words (same characters, other case)."""
    words = [text[t.idx : t.idx + len(t.text)] for t in doc]
    return Doc(
        doc.vocab,
        words=words,
        spaces=[bool(t.whitespace_) for t in doc],
        tags=[t.tag_ for t in doc],
        heads=[t.head.i for t in doc],
        deps=[t.dep_ for t in doc],
    )
