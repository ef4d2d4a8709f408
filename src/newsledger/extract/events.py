"""Dated events from parsed sentences: who did what to whom, where, when.

A sentence yields an event for each date it holds (a resolved DATE or TIME expression of
day, week or month precision): the verb the date hangs from is the action, its subject the
first actor, its object (or the partner after "with") the second; a place named after "in",
"at" or "near" is the location, and a figure counting deaths in the sentence its fatalities.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsledger.extract.language import ACTOR_LABELS, BODY_HEADS, HUMAN_HEADS, PLACE_LABELS, Sentence, lemma, pos
from newsledger.model import Claim, Event, Provenance, TimeExpr, content_id

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


# verbs whose object says whether they attack: "launched an offensive", but "launched a phone"
OBJECT_DECIDES = {"launch", "fire"}
ATTACK_OBJECTS = frozenset(
    [
        "attack",
        "offensive",
        "strike",
        "airstrike",
        "raid",
        "assault",
        "missile",
        "rocket",
        "drone",
        "shell",
        "bomb",
        "barrage",
        "counteroffensive",
        "counterattack",
        "invasion",
        "operation",
        "salvo",
        "round",
        "shot",
        "volley",
        "torpedo",
        "grenade",
        "artillery",
    ]
)


def event_type(action_lemma: str) -> str:
    """The event's type from its verb lemma ("confirm send ferry": statement). Rule
    ``object_decides``: a verb that attacks only with a weapon or an assault for its object
    ("launch offensive": attack; "launch service": other; a bare "launch": attack)."""
    words = action_lemma.split() if action_lemma else [""]
    if words[0] in OBJECT_DECIDES and len(words) > 1:
        return "attack" if any(w in ATTACK_OBJECTS for w in words[1:]) else "other"
    return _TYPE_OF.get(words[0], "other")


SHORT_GAP = 3  # words between an action's parts that are written with it ("have both launched")


def _words(toks: list[Token]) -> str:
    """Tokens as the sentence writes them: their own spacing where they touch, and the words
    between where a gap is short and unpunctuated ("hovered close to record lows"), else one space."""
    out, prev = "", None
    for t in sorted(set(toks), key=lambda t: t.i):
        if prev is not None:
            gap = t.doc[prev.i + 1 : t.i]
            if 0 < len(gap) <= SHORT_GAP and not any(g.is_punct or g.ent_type_ in ("DATE", "TIME") for g in gap):
                out += prev.whitespace_ + gap.text + gap[-1].whitespace_ + t.text
            else:
                out += (prev.whitespace_ if not gap else " ") + t.text
        else:
            out += t.text
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
        reported = _words(([*_up_to_head(subj)] if subj is not None else []) + inner)
        first = next((t for t in clause.doc if not t.is_punct), clause.doc[0])  # past an opening quotation mark
        if (
            reported.startswith(first.text)
            and first.i < verb.i
            and first.tag_ not in ("NNP", "NNPS")
            and first.text[:1].isupper()
        ):
            reported = first.text[0].lower() + reported[1:]  # "The talks failed, Acme said": "said the talks failed"
        text += " " + _words(mark) + (" " if mark else "") + reported
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
        # "Cable firms Telnor and Vexa": names joined by "and" or commas are all the phrase's
        joined = [person[-1]]
        for e in reversed(person[:-1]):
            if tok.doc[e.end : joined[0].start].text.strip(" ,") not in ("", "and"):
                break
            joined.insert(0, e)
        return " and ".join(e.text for e in joined)
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
    claims: list[Claim], *, key: str, span: Provenance, date: str, precision: str, evidence: str, rule: str = "dated",
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
        rule=rule,
    )


BE_FORMS = {"be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re"}
COPULAS = {"be", "have", "do", "become", "seem", "remain", "appear", "get", "can", "will", "may", "must", "would", "could"}
# rule ``stative``: verbs of state, wish or opinion report no event ("The deal would mean higher fares",
# "Acme wants to expand", "The ferry costs more"), whoever their subject
STATIVE = {
    "mean", "want", "need", "wish", "hope", "like", "love", "hate", "know", "believe", "think", "feel", "seem", "look",
    "include", "contain", "cost", "own", "lack", "deserve", "matter", "depend", "involve", "require", "represent",
    "reflect", "resemble", "consist", "belong", "exist", "weigh", "equal", "expect", "plan", "intend",
}  # fmt: skip
ACTOR_ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC"}


def _names_actor(tok: Token | None, *, whole: bool = True) -> bool:
    """The phrase ``tok`` heads holds a named actor the model tagged (a person, organisation,
    place or nationality); with ``whole`` false, only in the words up to its head and in names
    joined to it ("Cable firms Telnor and Vexa"), not in what follows a preposition ("the attack
    on Varenna" names no actor)."""
    if tok is None:
        return False
    # a proper noun the model left untagged ("Minister Lord Okafor"), not a capital opening the sentence
    if not whole and tok.tag_ in ("NNP", "NNPS") and tok.i > 0:
        return True
    lo, hi = (tok.left_edge.i, tok.right_edge.i) if whole else (tok.left_edge.i, tok.i)
    if any(e.label_ in ACTOR_ENTITY_LABELS and e.start <= hi and e.end > lo for e in tok.doc.ents):
        return True
    return not whole and any(_names_actor(c, whole=False) for c in tok.rights if c.dep_ in ("appos", "conj"))


def _pronoun(tok: Token) -> bool:
    return tok.tag_ in ("PRP", "WP", "EX")


def _agent(verb: Token) -> Token | None:
    """Who did it, in the passive: "was unveiled by the Conservatives"."""
    return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)


def _be_to(verb: Token, subj: Token | None) -> tuple[Token, bool]:
    """Rule ``be_to``: "Acme is to close its plant", "U2 are set to play" report the verb after;
    the verb and whether its subject is acted on."""
    passive = subj is not None and subj.dep_ == "nsubjpass"
    then = next((c for c in verb.children if c.dep_ == "xcomp" and pos(c) == "VERB"), None)
    if then is not None and (verb.lower_ in BE_FORMS or (lemma(verb) == "set" and passive)):
        return then, False
    return verb, passive


def _acts(verb: Token, subj: Token | None) -> bool:
    return subj is not None and pos(verb) == "VERB" and lemma(verb) not in COPULAS and lemma(verb) not in STATIVE


def _main_action(root: Token) -> tuple[Token, Token, bool, str] | None:
    """The verb a sentence reports, its subject, and whether the subject is acted on. Rule
    ``reported_act``: "X said it had captured Y" reports the capture, with X as actor where the
    reported clause's subject is a pronoun, and with the clause's own subject where that names
    someone; a reported clause whose subject names no one ("Students can decide the seats, the
    party leader claimed") or that states no action ("..., that the road is safe") stays the
    speaker's statement."""
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    clause = next((c for c in root.children if c.dep_ == "ccomp" and pos(c) in ("VERB", "AUX")), None)
    if clause is not None and event_type(lemma(root)) == "statement":
        inner = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if inner is None or _pronoun(inner) or _names_actor(inner, whole=False):
            actor = subj if inner is None or _pronoun(inner) else inner
            verb, passive = _be_to(clause, inner)
            if _acts(verb, actor):
                return verb, actor, passive, "reported_act"  # type: ignore[return-value]
    verb, passive = _be_to(root, subj)
    return (verb, subj, passive, "be_to" if verb is not root else "main_verb") if _acts(verb, subj) else None  # type: ignore[return-value]


def _agentive(tok: Token) -> bool:
    """A common noun that can act: an unnamed body or a person described ("the government",
    "a judge"), not a thing or a happening ("the attack", "the data")."""
    return tok.lower_ in BODY_HEADS or tok.lower_ in HUMAN_HEADS


def lead_event(sent: Sentence, published: str | None, claims: list[Claim], times: list[TimeExpr]) -> Event | None:
    """What an article's opening sentence reports, dated by its own words, else by the article's
    publication ("Marta Bellini has resigned as mayor", in an article of May 3), else undated
    (``event_date`` "", evidence "undated"): the timeline then dates it by another report of the
    same event in its story, if one has a date. The action is the sentence's main verb (see
    ``_main_action``); it makes an event only with a verb of action (no copula) and a named actor,
    in its subject or, where the subject is a common noun ("A judge has dismissed a bid by Acme"),
    in its object or agent."""
    root = sent.doc[:].root
    found = _main_action(root) if pos(root) in ("VERB", "AUX") else None
    if found is None:
        return None
    verb, subj, passive, rule = found
    obj, obj_words = _object(verb)
    partner = _partner(verb)
    agent = _agent(verb) if passive else None
    target = obj if partner is None else partner
    named = _names_actor(subj, whole=False) or (passive and _names_actor(agent))
    if not (named or (_agentive(subj) and (_names_actor(target) or _names_actor(agent)))):
        return None
    is_named = target is not None and any(e.start <= target.i < e.end for e in sent.doc.ents)
    actor1 = _with_conjuncts(agent) if passive else _with_conjuncts(subj)
    actor2 = _entity_or_phrase(subj) if passive else (_entity_or_phrase(target) if is_named or partner is not None else None)
    own = next((t for t in times if datable(t)), None)
    return _event(
        sent, verb, partner, obj_words, (actor1, actor2), claims, rule=f"lead:{rule}",
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
        if subj is None and passive is None and verb.dep_ == "xcomp":  # "Acme is set to close": Acme closes
            subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        obj, obj_words = _object(verb)
        partner = _partner(verb)
        if passive is not None:
            actor1, actor2 = _with_conjuncts(_agent(verb)), _entity_or_phrase(passive)
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
