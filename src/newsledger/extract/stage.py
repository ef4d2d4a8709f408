"""The extract stage: articles in, figures, quotes and entity mentions out.

Two passes, so that only the work a sentence needs is done: every article goes through the
model without its parser (sentences, tags, entities); only sentences holding an amount, a
quotation, "according to" or a speech verb are then parsed, in batches.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from spacy.attrs import IDX, SENT_START

from newsledger import budget, nlp
from newsledger.extract.casing import restore, sentence_case
from newsledger.extract.claims import figures_in
from newsledger.extract.entities import honorific_people
from newsledger.extract.events import ACTOR_ENTITY_LABELS, EVENT_PRECISIONS, events_in, lead_event
from newsledger.extract.facts import announces, needs_parse
from newsledger.extract.language import ENTITY_LABELS, SPEECH_LEMMA, SPEECH_VERBS, Sentence
from newsledger.extract.quotes import MIN_QUOTE, lead_in, quotation_spans, quotes_in
from newsledger.extract.repair import repair
from newsledger.grammar.timex import find_timexes
from newsledger.model import CAPTION, Article, Claim, Facts, Mention, Provenance, Quote, TimeExpr, caption_id, content_id

if TYPE_CHECKING:
    from spacy.tokens import Doc

_BACK_REF = re.compile(r"\b(?:that|this|the) (?:number|figure|price|cost|amount|total|estimate|sum)\b", re.I)
_QUOTE_CUT = re.compile(r"[.!?](?:''|[”’\"'])\s+(?=[A-Z“‘\"'`])")
_QUOTED = re.compile(r"“[^”\n]{1,600}”|(?<![\w])\"[^\"\n]{1,600}\"")
_SAID = "|".join(sorted((f for f, v in SPEECH_LEMMA.items() if v in SPEECH_VERBS), key=len, reverse=True))
# what follows a quotation that a speaker closes: "…?” Clinton said.", "…,” said Leslie Wimes"
_SPEAKER_TAIL = re.compile(
    rf"(?:(?:he|she|they|we|I|it)|(?:[A-Z][\w.'’-]*,?\s+){{0,5}}[A-Z][\w.'’-]*)\s+(?:{_SAID})"
    r"(?=\s*[.,;:!?]|\s+(?:on|in|at|during|last|this|yesterday|today|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b)"
    rf"|(?:{_SAID})\s+[A-Z]"
)
_OPENING_AT_END = re.compile(r"\s(?:''|``|[“‘\"'])$")  # an opening mark (``...'' and ''...'' in archives too)


def _end_of(text: str, quoted: list[tuple[int, int]], cut: int) -> int:
    """Where the words after the quotation holding ``cut`` start."""
    end = next(b for a, b in quoted if a < cut < b)
    return end + len(text[end:]) - len(text[end:].lstrip())


@dataclass
class Light:
    """What the light pass (sentences, tags, entities) gives of one text: where its sentences start
    and its entities as (start, end, label, text), in character offsets of the whole text."""

    sent_starts: list[int]
    ents: list[tuple[int, int, str, str]]


LIGHT_CHUNK = 20_000  # characters the light pass reads at once: a longer text is read in pieces cut at a line break
BATCH_CHARS = 120_000  # characters in one batch of the light pass


def _pieces(text: str) -> list[tuple[int, str]]:
    """A text as (offset, piece) of at most about ``LIGHT_CHUNK`` characters, cut after a line
    break (else a space) so that no sentence or name of news is cut; spaCy's memory grows with the
    length of one document, far faster than with the number of documents."""
    out, start = [], 0
    while len(text) - start > LIGHT_CHUNK:
        end = start + LIGHT_CHUNK
        cut = text.rfind("\n", start + LIGHT_CHUNK // 2, end)
        cut = cut if cut >= 0 else text.rfind(" ", start, end)
        cut = cut + 1 if cut > start else end
        out.append((start, text[start:cut]))
        start = cut
    out.append((start, text[start:]))
    return out


LONG_RUN = re.compile(r"\S{200,}")


def _tame(text: str) -> str:
    """A text as the model may read it: a run of 200 or more characters with no space (a line of
    commas, a pasted blob) broken by a space every 50 characters, which keeps every offset (spaCy's
    tokenizer takes time with the square of a token's length)."""
    return LONG_RUN.sub(lambda m: re.sub(r"(\S{49})\S", r"\1 ", m.group(0)), text)


def _sentence_starts(doc: Doc, offset: int) -> list[int]:
    """Where ``doc.sents`` start, plus ``offset``, read from the token arrays (``doc.sents`` makes a
    Python object per token to find them): the first token, and every token the sentence
    segmenter marks as a start."""
    if not len(doc):
        return []
    flags, idx = doc.to_array(SENT_START), doc.to_array(IDX)
    flags[0] = 1
    return (idx[flags == 1] + offset).tolist()


def light_pass(texts: Iterable[str], batch_size: int = 64) -> Iterator[Light]:
    """The light pass over each text, read in pieces (``_pieces``), in input order; pieces go to
    the model in batches of at most ``batch_size`` pieces and ``BATCH_CHARS`` characters (its memory
    grows with the words of a batch: a batch of long texts is a smaller batch)."""
    model = nlp.load_light()
    pending: list[tuple[int, int, str]] = []  # text index, offset, piece

    def batches() -> Iterator[list[tuple[int, int, str]]]:
        size = 0
        for k, text in enumerate(texts):
            for offset, piece in _pieces(text):
                if pending and (len(pending) >= batch_size or size + len(piece) > BATCH_CHARS):
                    yield pending
                    pending.clear()
                    size = 0
                pending.append((k, offset, piece))
                size += len(piece)
        if pending:
            yield pending

    current, light = -1, Light([], [])
    for batch in batches():
        for (k, offset, _), doc in zip(batch, model.pipe([_tame(p) for *_, p in batch], batch_size=len(batch)), strict=True):
            if k != current:
                if current >= 0:
                    yield light
                current, light = k, Light([], [])
            light.sent_starts.extend(_sentence_starts(doc, offset))
            light.ents.extend((offset + e.start_char, offset + e.end_char, e.label_, e.text) for e in doc.ents)
    if current >= 0:
        yield light


def sentence_spans(light: Light, text: str) -> list[tuple[int, int]]:
    """Sentence character spans: the model's, also cut at paragraph breaks and after a
    quotation that closes a sentence, with an opening quotation mark moved to the sentence it opens."""
    cuts = set(light.sent_starts) | {m.end() for m in _QUOTE_CUT.finditer(text)} | {len(text)}
    # a speaker's label ("HOLLIS: Well, ...") belongs to what it introduces
    places = [(a, b) for a, b, label, _ in light.ents if label in ("GPE", "LOC")]
    cuts -= {
        m.end()
        for m in re.finditer(r"(?:^|\n)[\"“]?[A-Z][A-Z.'’ -]{1,40}:\s+(?=\S)", text)
        if not any(m.start() <= a < m.end() for a, _ in places)  # "SINGAPORE: ..." is a dateline
    }
    # ... and a signature ("... .” ― Dana Whitfield") to the quotation it signs
    cuts -= {m.end() for m in re.finditer(r"[\"”’]\s*(?=[―—–]{1,2}\s*[A-Z])", text)}
    # ... a quotation is not cut inside ("…be? Probably not,” Ms. Moore said), nor from the speaker
    # who closes it ("…country?” Clinton said.")
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    cuts -= {c for c in cuts if any(a < c < b for a, b in quoted) and _SPEAKER_TAIL.match(text, _end_of(text, quoted, c))}
    cuts -= {c for c in cuts if re.search(r"[”\"]\s*$", text[max(0, c - 3) : c]) and _SPEAKER_TAIL.match(text, c)}
    cuts -= {c for c in cuts if re.search(r"[\[(]\s*$", text[max(0, c - 3) : c])}  # nor ends at an opening bracket ("“[I]f ...")
    cuts |= {m.end() for m in re.finditer(r"\n\s*", text)}  # a sentence never crosses a paragraph
    cuts = sorted(cuts)
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in cuts:
        if cut <= start:
            continue
        opening = _OPENING_AT_END.search(text[start:cut].rstrip(" ")) if cut < len(text) else None
        if opening:
            cut = start + opening.start() + 1
        chunk = text[start:cut]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if trail > lead:
            spans.append((start + lead, start + trail))
        start = cut
    return spans


CONTEXT_CHARS = 300  # of a "sentence" too long to be one, a fact keeps this much on each side as its sentence


def _context(body: str, a: int, b: int, start: int, end: int) -> tuple[str, int]:
    """The sentence a fact at ``start``-``end`` is shown in, and where it starts: the sentence
    ``a``-``b`` itself, or, where that is longer than ``MAX_PARSE_CHARS`` (a list, a dump, text with
    no full stops), the ``CONTEXT_CHARS`` around the fact, so that no fact stores the whole of it."""
    if b - a <= MAX_PARSE_CHARS:
        return body[a:b], a
    lo, hi = max(a, start - CONTEXT_CHARS), min(b, end + CONTEXT_CHARS)
    return body[lo:hi], lo


def anchor_date(published: str | None) -> date | None:
    """The reference date for relative time expressions: the publication day, when known to the day."""
    if published and len(published) == 10:
        try:
            return date.fromisoformat(published)
        except ValueError:
            return None
    return None


@dataclass
class _Text:
    """One article (or caption) as the stage reads it: what the light pass gives, kept for the parse."""

    aid: str
    source: str
    body: str
    anchor: date | None  # its publication day, for relative times
    people: People | None = None
    quotations: list[tuple[int, int]] = field(default_factory=list)  # article offsets

    @property
    def is_caption(self) -> bool:
        return CAPTION in self.aid


@dataclass
class _Pending:
    """A sentence waiting for the parser: its article, number, offset and text, its entities and
    the quotations it holds (sentence offsets)."""

    idx: int
    i: int
    base: int
    text: str
    ents: list[tuple[int, int, str]]
    cut: list[tuple[int, int]]


def extract_texts(items: Iterable[tuple[str, str, str] | tuple[str, str, str, str | None]], batch_size: int = 64) -> Facts:
    """Facts of (article id, source, text[, published]) tuples, in input order: the light pass over
    every article (names, times, which sentences need the parser), then the parse of those."""
    facts = Facts()
    texts = [_Text(aid, source, body, anchor_date(published)) for aid, source, body, published in ((*t, None)[:4] for t in items)]
    pending: list[_Pending] = []
    for idx, (text, doc) in enumerate(zip(texts, light_pass((t.body for t in texts), batch_size=batch_size), strict=True)):
        pending.extend(_read_light(facts, idx, text, doc))
    facts.parsed = len(pending)
    _Parsed(facts, texts).read(pending, batch_size)
    return facts


def _read_light(facts: Facts, idx: int, art: _Text, doc: Light) -> list[_Pending]:
    """One article's names and times, and the sentences the parser must read: those with a time
    to date an event, an amount, a quotation or a speech verb (``facts.needs_parse``), a sentence
    announcing the next one's words and that one, and opening sentences that name an actor."""
    body = art.body
    doc.ents = honorific_people(body, doc.ents)
    spans = sentence_spans(doc, body)
    starts = [a for a, _ in spans]
    by_sentence = _mentions(facts, art, doc, spans)
    art.people = People(body, starts, [e for e in doc.ents if e[2] == "PERSON"])
    art.quotations = quotation_spans(body)
    pending: list[_Pending] = []
    announced = False  # the sentence before ends "... added:": this one is parsed as its words
    unparsed = 0
    for i, (a, b) in enumerate(spans):
        facts.sentences += 1
        text = body[a:b]
        dated = _times(facts, art, a, b)
        cut = [(max(x, a) - a, min(y, b) - a) for x, y in art.quotations if x < b and a < y]
        # a sentence inside a quotation of several is its speaker's words, cue or none
        within = any(y - x > MIN_QUOTE for x, y in cut)
        announcing = announces(text)
        # an article's opening sentences, for its lead event: parsed only where they name an actor
        opening = (
            i < OPENING_SENTENCES and not art.is_caption and any(lab in ACTOR_ENTITY_LABELS for *_, lab in by_sentence.get(i, []))
        )
        if len(text) > MAX_PARSE_CHARS:
            pass  # no sentence of news is this long (a list, a table, garbage): its names are kept, it is not parsed
        elif dated or announced or announcing or within or opening or needs_parse(text):
            if len(pending) < MAX_PARSED_SENTENCES:
                pending.append(_Pending(idx, i, a, text, by_sentence.get(i, []), cut))
            else:
                unparsed += 1
        announced = announcing
    if unparsed:
        facts.errors.append(
            f"{art.aid} ({art.source}): {unparsed} sentence(s) past the first {MAX_PARSED_SENTENCES} parsed were not parsed"
            " (an article this long is a listing or a dump); their names and dates are kept"
        )
    return pending


def _mentions(facts: Facts, art: _Text, doc: Light, spans: list[tuple[int, int]]) -> dict[int, list[tuple[int, int, str]]]:
    """The article's named entities as mentions; returns each sentence's entities (sentence offsets)."""
    starts = [a for a, _ in spans]
    by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    for start_char, end_char, label, ent_text in doc.ents:
        k = max(0, bisect.bisect_right(starts, start_char) - 1)
        a, b = spans[k] if spans else (0, len(art.body))
        by_sentence.setdefault(k, []).append((start_char - a, end_char - a, label))
        if label in ENTITY_LABELS:
            context, _ = _context(art.body, a, b, start_char, end_char)
            facts.mentions.append(Mention(art.aid, art.source, ent_text, label, start_char, end_char, context))
    return by_sentence


def _times(facts: Facts, art: _Text, a: int, b: int) -> bool:
    """The time expressions of the sentence ``a``-``b``; whether one dates an event."""
    dated = False
    for tx in find_timexes(art.body[a:b], art.anchor):
        where = Provenance(art.aid, art.source, a + tx.start, a + tx.end, *_context(art.body, a, b, a + tx.start, a + tx.end))
        facts.times.append(
            TimeExpr(content_id(art.aid, "t", str(a + tx.start)), where, tx.text, tx.type, tx.value, tx.precision, tx.rule)
        )
        dated = dated or (tx.value is not None and tx.precision in EVENT_PRECISIONS)
    return dated


class _Parsed:
    """The second pass: the pending sentences parsed in batches and read in order, each for its
    figures, events and quotes; what one sentence hands the next (its attribution, a quote that
    goes on, a lead-in "He added:") holds only between sentences next to each other."""

    def __init__(self, facts: Facts, texts: list[_Text]) -> None:
        self.facts, self.texts = facts, texts
        self.times_at: dict[tuple[str, int], list[TimeExpr]] = {}
        for t in facts.times:
            self.times_at.setdefault((t.span.article_id, t.span.sentence_start), []).append(t)
        self.previous: str | None = None  # the attribution of the sentence before
        self.opened: set[int] = set()  # articles whose lead event is found
        self.lead: Quote | None = None
        self.last: tuple[int, int] = (-1, -1)

    def read(self, pending: list[_Pending], batch_size: int) -> None:
        # a Title Case headline is parsed in sentence case, its parse then laid on its own words
        cased = [
            sentence_case(p.text, self.texts[p.idx].body, ((a, b) for a, b, lab in p.ents if lab in NAME_LABELS)) for p in pending
        ]
        parsed = nlp.load_parser().pipe((c or p.text for p, c in zip(pending, cased, strict=True)), batch_size=batch_size)
        for p, sdoc, recased in zip(pending, parsed, cased, strict=True):
            if recased is not None:
                sdoc = restore(sdoc, p.text)
            sdoc.ents = [
                e for e in (sdoc.char_span(a, b, label=lab, alignment_mode="expand") for a, b, lab in p.ents) if e is not None
            ]
            repair(sdoc)  # constructions the model misparses the same way every time (``extract/repair.py``)
            self.sentence(p, sdoc)

    def sentence(self, p: _Pending, sdoc: Doc) -> None:
        art = self.texts[p.idx]
        contiguous = self.last == (p.idx, p.i - 1)
        if not contiguous:
            self.previous = None  # the sentence before was not parsed: it attributed nothing
        self.last = (p.idx, p.i)
        sent = Sentence(sdoc, p.base, art.aid, art.source, p.text, p.cut)
        claims = self.figures(sent)
        self.events(p, art, sent, claims)
        self.quotes(p, art, sent, contiguous)

    def figures(self, sent: Sentence) -> list[Claim]:
        claims, self.previous = figures_in(sent, self.previous)
        for claim in claims:
            claim.time_value = _time_value(claim, self.times_at)
            # "that number came down to $70,000": the measure of the last figure in the same unit
            before = next(
                (c for c in reversed(self.facts.claims[-5:]) if c.span.article_id == sent.article_id and c.unit == claim.unit),
                None,
            )
            if claim.measure is None and before is not None and _BACK_REF.search(sent.text):
                claim.measure = before.measure
        self.facts.claims.extend(claims)
        return claims

    def events(self, p: _Pending, art: _Text, sent: Sentence, claims: list[Claim]) -> None:
        times = self.times_at.get((art.aid, p.base), [])
        found = events_in(sent, times, claims)
        if p.i < OPENING_SENTENCES and p.idx not in self.opened and not art.is_caption:
            # the article's lead event: the first of its opening sentences that reports one
            if not found:
                first = lead_event(sent, art.anchor.isoformat() if art.anchor else None, claims, times)
                found = [first] if first is not None else []
            if found:
                self.opened.add(p.idx)
        self.facts.events.extend(found)

    def quotes(self, p: _Pending, art: _Text, sent: Sentence, contiguous: bool) -> None:
        facts, people = self.facts, art.people
        assert people is not None
        last_quote = facts.quotes[-1] if facts.quotes and facts.quotes[-1].span.article_id == art.aid else None
        if (
            last_quote is not None
            and not contiguous
            and not any(x <= last_quote.span.start < y and x < p.base < y for x, y in art.quotations)
        ):
            last_quote = None  # a short sentence between ("Yep.") was not parsed: only the same quotation goes on
        quotes = quotes_in(sent, people.before, last_quote, self.lead if contiguous else None)
        _speak_back(facts.quotes, quotes, art.quotations, art.body)
        facts.quotes.extend(quotes)
        self.lead = None if quotes else lead_in(sent, people.before)  # "The governor added:": the next sentence is his


MAX_PARSED_SENTENCES = 2000  # sentences parsed in one article at most (a long feature has about 300)
MAX_PARSE_CHARS = 3000  # a "sentence" longer than this is not parsed (parsing and reading it grow faster than its length)
OPENING_SENTENCES = 3  # a lead event is looked for in an article's first sentences (a feature may open with a scene)
NAME_LABELS = {"PERSON", "GPE", "NORP", "LOC"}  # names a Title Case headline keeps (the model runs an ORG on: "U.S. Pushes")

# a sentence's opening phrase, whose people are not its subject ("During his meeting with Lavrov, Kim ...")
OPENING_PHRASE = re.compile(
    r"(?:During|After|Before|With|Without|In|At|On|Following|Since|When|While|As|Although|Though|Despite|Unlike|Like"
    r"|Under|Amid|Ahead of|Because of|According to|For|From|To|Against|Speaking)\b"
)


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_-"


def _whole_words(text: str, form: str) -> Iterator[int]:
    r"""Where ``form`` stands in ``text`` as whole words (no letter, digit, "_" or "-" on either
    side), left to right without overlaps: ``(?<![\w-])form(?![\w-])`` without compiling a
    pattern for every name."""
    at = text.find(form)
    while at != -1:
        end = at + len(form)
        if (at == 0 or not _word_char(text[at - 1])) and (end == len(text) or not _word_char(text[end])):
            yield at
            at = text.find(form, end)
        else:
            at = text.find(form, at + 1)


class People:
    """Where an article names people, to tell whom a "he" or "she" stands for: the model's PERSON
    mentions, and every other place the article writes one of their names or surnames (a mention
    the model tagged otherwise or missed: a name means the same person throughout an article)."""

    def __init__(self, body: str, sentence_starts: list[int], people: list[tuple[int, int, str, str]]) -> None:
        self.body, self.starts = body, sentence_starts
        self.people = [(a, b, name) for a, b, _, name in people]

    @cached_property
    def _mentions(self) -> tuple[list[int], list[str]]:
        """(starts, names) in text order; searched for only when a pronoun first needs it."""
        found = {a: name for a, _, name in self.people}
        taken = bytearray(len(self.body) + 1)
        for a, b, _ in self.people:
            taken[a:b] = b"\x01" * (b - a)
        forms = {name for *_, name in self.people} | {name.split()[-1] for *_, name in self.people if len(name.split()[-1]) > 2}
        for form in sorted(forms, key=len, reverse=True):
            for start in _whole_words(self.body, form):
                end = start + len(form)
                if not any(taken[start:end]):
                    found[start] = form
                    taken[start:end] = b"\x01" * (end - start)
        at = sorted(found)
        return at, [found[a] for a in at]

    def before(self, char: int) -> str | None:
        """Whom "he" or "she" with no one named before it in its sentence (at ``char``) names: the
        person named first in the sentence before, outside an opening phrase (its subject, mostly:
        "Trump's faith in Putin was laid bare. '...,' he told Macron": Trump; "During his meeting
        with Lavrov, Kim said ... He expressed": Kim), else the person named last before."""
        at, names = self._mentions
        k = bisect.bisect_left(at, char)
        current = bisect.bisect_right(self.starts, char) - 1
        if current > 0:
            previous = self.starts[current - 1]
            for j in range(bisect.bisect_left(at, previous), k):
                lead = self.body[previous : at[j]]
                if not (OPENING_PHRASE.match(lead) and "," not in lead):
                    return names[j]
        return names[k - 1] if k else None


_CLOSING = ("”", '"', "''", "’", "'")


def _first_paragraph(begun: int, quoted: list[tuple[int, int]], body: str) -> int:
    """rule paragraphs_quoted: where a quotation of several paragraphs begins: each paragraph opens
    with a mark and only the last closes, so a quotation left open at the end of the paragraph just
    before is the same speaker's."""
    while True:
        before = next((x for x, y in quoted if y <= begun and not body[y:begun].strip()), None)
        if (
            before is None
            or body[before:begun].rstrip().endswith(_CLOSING)
            or "\n" not in body[before:begun]
            or (before > 0 and body[before - 1] != "\n")  # the paragraph must open with the mark
        ):
            return begun
        begun = before


def _speak_back(earlier: list[Quote], quotes: list[Quote], quoted: list[tuple[int, int]], body: str = "") -> None:
    """A quotation of several sentences whose speaker comes at its end ("He would be great. Not
    good, great. One of the best," Cummings said): its earlier sentences are the same speaker's
    words unless a cue right before its opening mark named someone ("X said: '...'"); a speaker
    carried on from the quotation before, or the cue of an earlier clause of the sentence ("experts
    say that ... 'NATO will ...' Tollast told"), gives way."""
    for q in quotes:
        if q.speaker is None or q.speaker_start is None or q.kind != "direct":
            continue
        inside = next((x for x, y in quoted if x <= q.span.start < y), None)
        if inside is None or (begun := _first_paragraph(inside, quoted, body)) == q.span.start:
            continue  # its quotation opens here, and no paragraph before runs into it
        for e in reversed(earlier[-20:]):  # a sentence's records are not in text order: look a little further back
            if e.span.article_id != q.span.article_id:
                break
            if e.span.start < begun or (e.span.start < inside and e.speaker is not None):
                continue  # (an earlier paragraph with a speaker of its own keeps it)
            introduced = e.cue_end is not None and 0 <= e.span.start - e.cue_end <= 3
            if e.kind == "direct" and not introduced:
                e.speaker, e.cue, e.rule = q.speaker, q.cue, "spoken_back"
                e.speaker_start, e.speaker_end, e.cue_start, e.cue_end = q.speaker_start, q.speaker_end, q.cue_start, q.cue_end


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
    """Facts of every article that is not a duplicate (a duplicate's facts are its original's),
    and of its image captions, which often carry the dates and places of the story."""

    def texts(batch: Iterable[Article]) -> Iterable[tuple[str, str, str, str | None]]:
        for a in batch:
            if a.duplicate_of:
                continue
            yield a.id, a.source, a.text, a.published
            for n, caption in enumerate(a.captions):
                yield caption_id(a.id, n), a.source, caption, a.published

    articles = list(articles)
    try:
        with budget.time_budget(budget.EXTRACT_SECONDS * (1 + len(articles) / 24), "extraction"):
            return extract_texts(texts(articles))
    except Exception:  # one bad article must not cost the batch: retry one by one, report the culprit
        facts = Facts()
        for a in articles:
            try:
                with budget.time_budget(budget.EXTRACT_SECONDS, "extraction"):
                    facts.extend(extract_texts(texts([a])))
            except Exception as exc:
                facts.errors.append(f"{a.id} ({a.source}): extraction failed ({type(exc).__name__}: {exc})")
        return facts
