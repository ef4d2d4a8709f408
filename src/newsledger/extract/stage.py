"""The extract stage: articles in, figures, quotes and entity mentions out (batched through spaCy)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from newsledger import nlp
from newsledger.extract.facts import ENTITY_LABELS, figures, quotes
from newsledger.model import Article, Claim, Mention, Quote


@dataclass
class Facts:
    claims: list[Claim] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


def extract_texts(items: Iterable[tuple[str, str, str]], batch_size: int = 32) -> Facts:
    """Facts of (article id, source, text) triples, in input order."""
    facts = Facts()
    triples = list(items)
    docs = nlp.load().pipe((t for _, _, t in triples), batch_size=batch_size)
    for (aid, source, _), doc in zip(triples, docs, strict=True):
        facts.claims.extend(figures(doc, aid, source))
        facts.quotes.extend(quotes(doc, aid, source))
        for ent in doc.ents:
            if ent.label_ in ENTITY_LABELS:
                facts.mentions.append(Mention(aid, source, ent.text, ent.label_, ent.start_char, ent.end_char, ent.sent.text))
    return facts


def extract_articles(articles: Iterable[Article]) -> Facts:
    """Facts of every article that is not a duplicate (a duplicate's facts are its original's)."""
    return extract_texts((a.id, a.source, a.text) for a in articles if not a.duplicate_of)
