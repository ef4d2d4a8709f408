"""Dated events from parsed sentences: who did what to whom, where, when.

A sentence yields an event for each date it holds (a resolved DATE or TIME expression of
day, week or month precision): the verb the date hangs from is the action, its subject the
first actor, its object (or the partner after "with") the second; a place named after "in",
"at" or "near" is the location, and a figure counting deaths in the sentence its fatalities.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsledger.extract.language import ACTOR_LABELS, PLACE_LABELS, Sentence, lemma, pos
from newsledger.model import Claim, Event, TimeExpr, content_id

EVENT_PRECISIONS = {"day", "week", "month"}
DEATH_UNITS = {"death", "fatality", "dead", "killed", "life", "body", "casualty"}


def _entity_or_phrase(tok: Token | None) -> str | None:
    """A participant: the named entity in the noun phrase ("North Korean leader Kim Jong-un"
    gives "Kim Jong-un"), else the phrase itself; pronouns give nothing."""
    if tok is None:
        return None
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is not None:
        return ent.text
    right = max([tok.i, *[c.right_edge.i for c in tok.rights if c.dep_ in ("appos", "compound")]])
    inside = [e for e in tok.doc.ents if tok.left_edge.i <= e.start and e.end <= right + 1 and e.label_ in ACTOR_LABELS]
    person = [e for e in inside if e.label_ in ("PERSON", "ORG")]
    if person or inside:
        return (person or inside)[-1].text
    if pos(tok) in ("PRON", "DET") or tok.tag_ in ("PRP", "PRP$", "WP", "WDT", "EX"):
        return None
    mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "poss", "nmod") and c.tag_ not in ("PRP$",)]
    start = min([tok.i, *[m.left_edge.i for m in mods]])
    return tok.doc[start : tok.i + 1].text


def _with_conjuncts(tok: Token | None) -> str | None:
    """A subject and those joined to it: "Vladimir Putin and Kim Jong-un"."""
    if tok is None:
        return None
    names = [_entity_or_phrase(tok), *(_entity_or_phrase(c) for c in tok.conjuncts)]
    names = [n for n in names if n]
    return " and ".join(dict.fromkeys(names)) or None


def _verb_of(span: Span) -> Token | None:
    for tok in (span.root, *span.root.ancestors):
        if pos(tok) == "VERB":
            return tok
    root = span.doc[:].root
    return root if pos(root) == "VERB" else None


def _object(verb: Token) -> tuple[Token | None, str]:
    """The verb's object, and the words that make its action ("sign" + "treaty")."""
    for c in verb.children:
        if c.dep_ in ("dobj", "attr", "oprd"):
            return c, lemma(c)
    for c in verb.children:
        if c.dep_ == "ccomp":
            obj = next((g for g in c.children if g.dep_ == "dobj"), None)
            return obj, lemma(c) + (f" {lemma(obj)}" if obj is not None else "")
    return None, ""


def events_in(sent: Sentence, times: list[TimeExpr], claims: list[Claim]) -> list[Event]:
    doc = sent.doc
    out: list[Event] = []
    for tx in times:
        if tx.type not in ("DATE", "TIME") or not tx.value or tx.precision not in EVENT_PRECISIONS:
            continue
        span = doc.char_span(tx.span.start - sent.base, tx.span.end - sent.base, alignment_mode="expand")
        if span is None:
            continue
        verb = _verb_of(span)
        if verb is None:
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        obj, obj_words = _object(verb)
        partner = next(
            (g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"), None
        )
        if passive is not None:
            agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
            actor1, actor2 = _with_conjuncts(agent), _entity_or_phrase(passive)
        else:
            target = obj if partner is None else partner
            # a named object is the second actor; a common noun object is part of the action ("shake hands")
            named = target is not None and any(e.start <= target.i < e.end for e in target.doc.ents)
            actor1, actor2 = _with_conjuncts(subj), (_entity_or_phrase(target) if named or partner is not None else None)
        if not obj_words:
            setting = next(
                (
                    g
                    for c in verb.children
                    if c.dep_ == "prep" and c.lower_ in ("during", "at")
                    for g in c.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
            obj_words = f"at {_entity_or_phrase(setting)}" if setting is not None and _entity_or_phrase(setting) else ""
        if actor1 is None and actor2 is None:
            continue
        places = [
            e for e in doc.ents if e.label_ in PLACE_LABELS and e.start > 0 and doc[e.start - 1].lower_ in ("in", "at", "near")
        ]
        dead = [c for c in claims if c.unit in DEATH_UNITS and c.value is not None]
        action = lemma(verb) + (f" {obj_words}" if obj_words else "")
        out.append(
            Event(
                id=content_id(sent.article_id, "e", str(tx.span.start)),
                span=tx.span,
                event_date=tx.value,
                time_precision=tx.precision,
                actor1=actor1,
                actor2=actor2,
                action=action,
                location=places[0].text if places else None,
                fatalities=dead[0].value if dead else None,
            )
        )
    return out
