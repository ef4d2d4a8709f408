"""The extract stage: articles in, figures, quotes and entity mentions out.

Two passes, so that only the work a sentence needs is done: every article goes through the
model without its parser (sentences, tags, entities); only sentences holding an amount, a
quotation, "according to" or a speech verb are then parsed, in batches.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from newsledger import nlp
from newsledger.extract.facts import ENTITY_LABELS, Sentence, figures_in, needs_parse, quotes_in
from newsledger.extract.timex import find_timexes
from newsledger.model import Article, Claim, Mention, Quote, TimeExpr, content_id
from newsledger.model import Span as Where


@dataclass
class Facts:
    claims: list[Claim] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    sentences: int = 0
    parsed: int = 0


def anchor_date(published: str | None) -> date | None:
    """The reference date for relative time expressions: the publication day, when known to the day."""
    if published and len(published) == 10:
        try:
            return date.fromisoformat(published)
        except ValueError:
            return None
    return None


def extract_texts(items: Iterable[tuple[str, str, str] | tuple[str, str, str, str | None]], batch_size: int = 64) -> Facts:
    """Facts of (article id, source, text[, published]) tuples, in input order."""
    facts = Facts()
    rows = [(*t, None)[:4] for t in items]
    triples = [r[:3] for r in rows]
    anchors = [anchor_date(r[3]) for r in rows]
    pending: list[tuple[int, int, int, str]] = []  # (article index, sentence index, offset, text)
    persons: list[tuple[list[int], list[str]]] = []
    for idx, ((aid, source, _), doc) in enumerate(
        zip(triples, nlp.load_light().pipe((t for _, _, t in triples), batch_size=batch_size), strict=True)
    ):
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
            for tx in find_timexes(sent.text, anchors[idx]):
                start = sent.start_char + tx.start
                where = Where(aid, source, start, sent.start_char + tx.end, sent.text, sent.start_char)
                facts.times.append(TimeExpr(content_id(aid, "t", str(start)), where, tx.text, tx.type, tx.value, tx.precision))
            if needs_parse(sent.text, (t.lemma_ for t in sent)):
                pending.append((idx, i, sent.start_char, sent.text))
    facts.parsed = len(pending)
    times_at: dict[tuple[str, int], list[TimeExpr]] = {}
    for t in facts.times:
        times_at.setdefault((t.span.article_id, t.span.sentence_start), []).append(t)
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
        for claim in claims:
            claim.time_value = _time_value(claim, times_at)
        facts.claims.extend(claims)
        ends, names = persons[idx]

        def before(char: int, ends: list[int] = ends, names: list[str] = names) -> str | None:
            k = bisect.bisect_right(ends, char)
            return names[k - 1] if k else None

        facts.quotes.extend(quotes_in(sent, before))
    return facts


def _time_value(claim: Claim, times: dict[tuple[str, int], list[TimeExpr]]) -> str | None:
    """The value of the dated expression in the claim's sentence nearest to the figure."""
    same = times.get((claim.span.article_id, claim.span.sentence_start), [])
    dated = [t for t in same if t.type in ("DATE", "TIME") and t.value and not t.value.endswith("_REF")]
    if not dated:
        return None
    best = min(dated, key=lambda t: abs(t.span.start - claim.span.start))
    claim.time = best.text
    return best.value


def extract_articles(articles: Iterable[Article]) -> Facts:
    """Facts of every article that is not a duplicate (a duplicate's facts are its original's)."""
    return extract_texts((a.id, a.source, a.text, a.published) for a in articles if not a.duplicate_of)
