"""The extract stage: articles in, figures, quotes and entity mentions out.

Two passes, so that only the work a sentence needs is done: every article goes through the
model without its parser (sentences, tags, entities); only sentences holding an amount, a
quotation, "according to" or a speech verb are then parsed, in batches.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsledger import nlp
from newsledger.extract.facts import ENTITY_LABELS, Sentence, figures_in, needs_parse, quotes_in
from newsledger.model import Article, Claim, Mention, Quote


@dataclass
class Facts:
    claims: list[Claim] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    sentences: int = 0
    parsed: int = 0


def extract_texts(items: Iterable[tuple[str, str, str]], batch_size: int = 64) -> Facts:
    """Facts of (article id, source, text) triples, in input order."""
    facts = Facts()
    triples = list(items)
    pending: list[tuple[int, int, int, str]] = []  # (article index, sentence index, offset, text)
    persons: list[tuple[list[int], list[str]]] = []
    for idx, ((aid, source, _), doc) in enumerate(zip(triples, nlp.load_light().pipe((t for _, _, t in triples), batch_size=batch_size), strict=True)):
        ends, names = [], []
        for ent in doc.ents:
            if ent.label_ in ENTITY_LABELS:
                facts.mentions.append(Mention(aid, source, ent.text, ent.label_, ent.start_char, ent.end_char, ent.sent.text))
            if ent.label_ == "PERSON":
                ends.append(ent.end_char)
                names.append(ent.text)
        persons.append((ends, names))
        for i, sent in enumerate(doc.sents):
            facts.sentences += 1
            if needs_parse(sent.text, (t.lemma_ for t in sent)):
                pending.append((idx, i, sent.start_char, sent.text))
    facts.parsed = len(pending)
    previous: str | None = None
    last: tuple[int, int] = (-1, -1)
    parsed = nlp.load().pipe((text for *_, text in pending), batch_size=batch_size)
    for (idx, i, base, _), sdoc in zip(pending, parsed, strict=True):
        aid, source, _ = triples[idx]
        if last != (idx, i - 1):
            previous = None  # the sentence before was not parsed: it attributed nothing
        last = (idx, i)
        sent = Sentence(sdoc, base, aid, source)
        claims, previous = figures_in(sent, previous)
        facts.claims.extend(claims)
        ends, names = persons[idx]

        def before(char: int, ends: list[int] = ends, names: list[str] = names) -> str | None:
            k = bisect.bisect_right(ends, char)
            return names[k - 1] if k else None

        facts.quotes.extend(quotes_in(sent, before))
    return facts


def extract_articles(articles: Iterable[Article]) -> Facts:
    """Facts of every article that is not a duplicate (a duplicate's facts are its original's)."""
    return extract_texts((a.id, a.source, a.text) for a in articles if not a.duplicate_of)
