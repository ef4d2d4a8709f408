"""A learned attribution cue: how likely a verb is to attribute something to its subject.

Reporting-verb lists (``language.SPEECH_VERBS``) cover the common cues; attribution corpora also
count a long tail of verbs met once or twice ("unleashed a flurry of tweets", "was eyeing a
school"). A logistic model over a verb's lemma and its place in the parse (what its subject is,
whether it takes a clause or an object, whether it stands in a quotation) scores those, and
vets the listed verbs in their place. The weights are ``data/cue_model.json``, trained on
PolNeAR's *train* split by ``benchmarks/train_cues.py`` (the dev split is only measured);
nothing is downloaded.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from newsledger.extract.language import ATTITUDE_VERBS, PRONOUNS, SPEECH_VERBS, lemma, nominal_subject, pos

THRESHOLD = 0.5
LISTED_THRESHOLD = 0.15  # a verb of our lists is a cue unless the model finds it unlikely here


def _subject_kind(verb: Token) -> str:
    child = nominal_subject(verb)
    if child is None:
        return "none"
    if child.lower_ in PRONOUNS:
        return "pron"
    if child.ent_type_:
        return child.ent_type_.lower()
    return "noun" if pos(child) == "NOUN" else pos(child).lower() or "other"


def verb_features(verb: Token, quoted: bool = False) -> list[str]:
    """The features of one verb token (the model's vocabulary): its lemma and tag, its place in
    the parse, what its subject is (kind and head word), its complements, auxiliaries and
    prepositions, the verb it hangs on, whether our lists hold it, whether it stands in a quotation."""
    lem = lemma(verb)
    subj = _subject_kind(verb)
    kids = list(verb.children)
    deps = sorted({c.dep_ for c in kids if c.dep_ in ("ccomp", "xcomp", "dobj", "prep", "agent", "neg", "prt")})
    feats = ["bias", f"l={lem}", f"t={verb.tag_}", f"d={verb.dep_}", f"s={subj}", f"l|s={lem}|{subj}"]
    feats += [f"c={d}" for d in deps] + [f"l|c={lem}|{d}" for d in deps if d in ("ccomp", "xcomp", "dobj")]
    if quoted:
        feats.append("quoted")
    head = nominal_subject(verb)
    if head is not None and pos(head) in ("NOUN", "PROPN") and not head.ent_type_:
        feats.append(f"sh={lemma(head)}")
    feats += [f"aux={c.lower_}" for c in kids if c.dep_ in ("aux", "auxpass")]
    feats += [f"l|p={lem}|{c.lower_}" for c in kids if c.dep_ == "prep"]
    feats += [f"x={lemma(c)}" for c in kids if c.dep_ == "xcomp"]
    feats += [f"o={c.ent_type_ or pos(c)}" for c in kids if c.dep_ == "dobj"]
    if verb.dep_ in ("ccomp", "xcomp", "advcl", "conj", "relcl") and verb.head is not verb:
        feats.append(f"h={lemma(verb.head)}|{verb.dep_}")
    feats.append(f"l|d={lem}|{verb.dep_}")
    if lem in SPEECH_VERBS:
        feats.append("speech")
    if lem in ATTITUDE_VERBS:
        feats.append("attitude")
    return feats


@lru_cache(maxsize=1)
def _weights() -> dict[str, float]:
    try:
        text = resources.files("newsledger").joinpath("data/cue_model.json").read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    return json.loads(text)["weights"]


def cue_probability(verb: Token, quoted: bool = False) -> float:
    """The model's probability that this verb attributes something to its subject (0 without a model)."""
    weights = _weights()
    if not weights or pos(verb) != "VERB":
        return 0.0
    z = sum(weights.get(f, 0.0) for f in verb_features(verb, quoted))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def is_cue(verb: Token, quoted: bool = False) -> bool:
    return cue_probability(verb, quoted) >= THRESHOLD


def listed_cue_holds(verb: Token) -> bool:
    """Whether a verb of our reporting lists attributes here ("say" in "What do you say?" may not);
    without a model every listed verb holds."""
    return not _weights() or cue_probability(verb) >= LISTED_THRESHOLD
