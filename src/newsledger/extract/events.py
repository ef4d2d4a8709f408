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
from newsledger.model import Span as Where

EVENT_PRECISIONS = {"day", "week", "month"}
# a small fixed vocabulary of what happened, in the spirit of ACLED's and CAMEO's top levels, read
# from the action's verb lemma; a verb of none of them is "other"
EVENT_TYPES: dict[str, frozenset[str]] = {
    kind: frozenset(verbs.split())
    for kind, verbs in {
        "statement": "say announce confirm deny state report claim warn tell declare accuse criticize criticise praise urge "
        "insist vow admit acknowledge reveal describe comment condemn demand reject propose suggest call ask express "
        "threaten use write post publish air broadcast conclude argue note stress",
        "meeting": "meet visit host attend travel welcome receive gather convene shake pose talk discuss hold",
        "agreement": "sign agree ratify approve reach accept endorse pledge commit promise cooperate settle ally",
        "deployment": "deploy send dispatch station mobilize mobilise withdraw arrive enter cross position rotate",
        "attack": "attack strike bomb shell fire launch invade hit target raid ambush shoot slam assault storm capture seize "
        "retake liberate destroy fight clash repel bombard torpedo overrun occupy",
        "casualties": "kill die wound injure slay execute perish lose",
        "aid": "provide supply give donate deliver aid fund ship export sell help assist transfer",
        "sanction": "sanction ban embargo freeze restrict blacklist penalize penalise impose",
        "legal": "arrest charge sentence convict sue indict try detain jail imprison acquit prosecute rule plead testify "
        "extradite investigate",
    }.items()
}
DEATH_UNITS = {"death", "fatality", "dead", "killed", "life", "body", "casualty"}
_TYPE_OF = {verb: kind for kind, verbs in EVENT_TYPES.items() for verb in verbs}


def event_type(action_lemma: str) -> str:
    """The event's type from its verb lemma ("confirm send ferry": statement)."""
    return _TYPE_OF.get(action_lemma.split()[0] if action_lemma else "", "other")


def _words(toks: list[Token]) -> str:
    """Tokens as the sentence writes them: their own spacing where they touch, one space across a gap."""
    out, prev = "", None
    for t in sorted(set(toks), key=lambda t: t.i):
        out += t.text if prev is None else (prev.whitespace_ if t.i == prev.i + 1 else " ") + t.text
        prev = t
    return out


def _up_to_head(tok: Token) -> list[Token]:
    """A noun phrase up to its head: "more than 40 ships" of "... ships and barges to the port"."""
    return [t for t in tok.subtree if t.i <= tok.i and t.i >= tok.left_edge.i]


def _written(verb: Token, partner: Token | None) -> str:
    """The action as the sentence writes it: the verb with its auxiliaries, negation and particle
    and its object up to the object's head ("sent more than 40 ships"); a verb with no object
    and a reported clause writes the clause after it ("confirmed that it had sent ships", even
    where the sentence puts the clause first); "with" before a partner ("met with")."""
    helpers = ("aux", "auxpass", "neg", "prt")

    def core(v: Token) -> tuple[list[Token], bool]:
        toks = [v, *(c for c in v.children if c.dep_ in helpers)]
        obj = next((c for c in v.children if c.dep_ in ("dobj", "attr", "oprd", "acomp") and c.i > v.i), None)
        return (toks + _up_to_head(obj), True) if obj is not None else (toks, False)

    toks, has_object = core(verb)
    if partner is not None and partner.head.dep_ == "prep" and partner.head.head == verb:
        toks.append(partner.head)
    text = _words(toks)
    clause = None if has_object else next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp")), None)
    if clause is not None:
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        mark = [c for c in clause.children if c.dep_ == "mark" and c.lower_ in ("that", "whether", "if")]
        inner, _ = core(clause)  # with its own "to" ("seeking to form")
        text += " " + _words(mark) + (" " if mark else "") + _words(([*_up_to_head(subj)] if subj is not None else []) + inner)
    elif not has_object and partner is None:  # "posed during a signing ceremony"
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("during", "at", "in", "to", "into")), None)
        obj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
        if obj is not None and not any(e.start <= obj.i < e.end and e.label_ in ("DATE", "TIME") for e in obj.doc.ents):
            text += " " + _words([prep, *_up_to_head(obj)])
    return text


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
    if person:
        return person[-1].text
    # a nationality or place only modifies the head: "the Norwegian coast guard", "Danish troops" say who
    if inside and pos(tok) != "NOUN":
        return inside[-1].text
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


def datable(t: TimeExpr) -> bool:
    """A time expression that dates an event: a resolved date or time of day, week or month precision."""
    return t.type in ("DATE", "TIME") and bool(t.value) and t.precision in EVENT_PRECISIONS


def _partner(verb: Token) -> Token | None:
    """Whom the verb's subject acts with: "met with X"."""
    return next(
        (g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"), None
    )


def _event(
    sent: Sentence, verb: Token, partner: Token | None, obj_words: str, actors: tuple[str | None, str | None],
    claims: list[Claim], *, key: str, span: Where, date: str, precision: str, evidence: str,
) -> Event:  # fmt: skip
    """The event record: the action written and as lemmas, its type, the place named after "in",
    "at" or "near", and the toll a figure of deaths in the sentence gives."""
    doc = sent.doc
    places = [e for e in doc.ents if e.label_ in PLACE_LABELS and e.start > 0 and doc[e.start - 1].lower_ in ("in", "at", "near")]
    dead = [c for c in claims if c.unit in DEATH_UNITS and c.value is not None]
    action = lemma(verb) + (f" {obj_words}" if obj_words else "")
    return Event(
        id=content_id(sent.article_id, "e", key),
        span=span,
        event_date=date,
        time_precision=precision,
        actor1=actors[0],
        actor2=actors[1],
        action=_written(verb, partner),
        action_lemma=action,
        event_type=event_type(action),
        location=places[0].text if places else None,
        fatalities=dead[0].value if dead else None,
        date_evidence=evidence,
    )


COPULAS = {"be", "have", "do", "become", "seem", "remain", "appear", "get", "can", "will", "may", "must", "would", "could"}
ACTOR_ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC"}


def lead_event(sent: Sentence, published: str | None, claims: list[Claim], times: list[TimeExpr]) -> Event | None:
    """What an article's first sentence reports, dated by the article's publication when its own
    words give no date ("Marta Bellini has resigned as mayor", in an article of May 3), and
    undated (``event_date`` "", evidence "undated") when the article has no date either: the
    timeline then dates it by another report of the same event in its story, if one has a date. The
    sentence's main verb, or, for "X said it has captured Y", the reported verb with X as actor
    where the reported clause's subject is a pronoun. Only a named actor (a person, organisation,
    place or nationality the model tagged) and a verb of action (no copula) make an event."""
    doc = sent.doc
    root = doc[:].root
    verb = root if pos(root) == "VERB" else None
    if verb is None:
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and pos(c) == "VERB"), None)
    if clause is not None and event_type(lemma(verb)) == "statement":
        inner = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if inner is not None and inner.tag_ not in ("PRP", "WP", "EX"):
            subj = inner
        verb = clause
    if lemma(verb) in COPULAS or subj is None:
        return None
    named = any(e.label_ in ACTOR_ENTITY_LABELS and subj.left_edge.i <= e.start and e.end <= subj.i + 1 for e in doc.ents) or any(
        e.start <= subj.i < e.end and e.label_ in ACTOR_ENTITY_LABELS for e in doc.ents
    )
    if not named:
        return None
    obj, obj_words = _object(verb)
    partner = _partner(verb)
    passive = subj.dep_ == "nsubjpass"
    target = obj if partner is None else partner
    is_named = target is not None and any(e.start <= target.i < e.end for e in doc.ents)
    actor1 = None if passive else _with_conjuncts(subj)
    actor2 = _entity_or_phrase(subj) if passive else (_entity_or_phrase(target) if is_named or partner is not None else None)
    own = next((t for t in times if datable(t)), None)
    return _event(
        sent, verb, partner, obj_words, (actor1, actor2), claims,
        key="lead", span=sent.where(verb.idx, verb.idx + len(verb.text)),
        date=(own.value or "") if own else published or "",
        precision=(own.precision or "day") if own else "day" if published else "none",
        evidence=f"text:{own.text}" if own else "published" if published else "undated",
    )  # fmt: skip


def events_in(sent: Sentence, times: list[TimeExpr], claims: list[Claim]) -> list[Event]:
    doc = sent.doc
    out: list[Event] = []
    for tx in times:
        if not datable(tx):
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
        partner = _partner(verb)
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
        dated = {"date": tx.value, "precision": tx.precision or "", "evidence": f"text:{tx.text}"}
        out.append(
            _event(sent, verb, partner, obj_words, (actor1, actor2), claims, key=str(tx.span.start), span=tx.span, **dated)
        )
    return out
