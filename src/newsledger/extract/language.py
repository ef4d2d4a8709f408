"""The words and parse helpers every extractor shares: reporting verbs (speech, attitude,
source and price verbs with their inflections), coarse parts of speech and lemmas read from the
tags, who a verb's speaker is, and who a sentence attributes its content to."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from newsledger.model import Provenance

SPEECH_VERBS = {
    "say", "tell", "add", "state", "claim", "report", "announce", "warn", "note", "estimate", "write", "confirm",
    "insist", "argue", "explain", "suggest", "believe", "deny", "acknowledge", "declare", "vow", "call", "describe",
    "praise", "criticize", "condemn", "predict", "indicate", "show", "reveal", "allege", "assert", "admit", "urge",
    "find", "conclude", "calculate", "assess", "publish", "accuse",
    "ask", "respond", "reply", "tweet", "post", "cite", "recall", "slam", "blast", "attack", "chastise", "question",
    "complain", "defend", "reject", "dismiss", "endorse", "demand", "promise", "pledge", "threaten", "agree", "echo",
    "implore", "rate", "rule", "learn", "hear", "stress", "emphasize", "maintain", "concede", "contend", "observe",
    "remark", "comment", "testify", "disclose", "forecast", "project", "expect",
    # reporting verbs PolNeAR's train split uses as cues at least a third of the times they occur
    # (`benchmarks/cue_verbs.py` counts them): "denounced", "touted", "reiterated", ...
    "refer", "express", "denounce", "highlight", "repeat", "answer", "joke", "assure", "mock", "blame", "applaud",
    "remind", "boast", "tout", "imply", "apologize", "advocate", "congratulate", "rail", "portray", "deem", "shout",
    "decry", "lament", "reiterate", "plead", "yell", "recite", "articulate", "assail", "hail", "caution", "rebuff",
    "disavow", "challenge",
    # and those it uses as cues at least 30% of the times, 8 times or more (same script, --min 8 --share 0.3)
    "talk", "quote", "reference", "voice", "underscore", "outline", "detail", "hint", "speculate", "label", "credit",
    "list", "name", "email", "request", "thank", "press", "invoke", "wonder", "remember", "identify",
    # verbs of naming a thing what the speaker holds it to be, beside "call", "label", "describe", "deem"
    "brand", "dub", "term", "characterize",
}  # fmt: skip


# what PolNeAR and PARC also count as attribution: stances, intentions and beliefs held by a
# source ("Trump wants to build a wall"); these make "attitude" records, not quotes
ATTITUDE_VERBS = {
    "plan", "support", "oppose", "favor", "favour", "decline", "refuse", "propose", "offer", "hope", "fear", "worry",
    "decide", "intend", "doubt", "suspect", "mention", "discuss", "liken", "encourage", "charge", "recommend",
    "signal", "contend", "envision", "acknowledge", "cite", "point", "describe", "seek", "prefer",
    "view", "recognize", "promote", "approve", "order",
}  # fmt: skip


def _both_spellings(verbs: set[str]) -> set[str]:
    """Each -ize verb with its British -ise spelling ("criticise", "apologise", "emphasise"): the
    lemmatizer keeps the spelling it is given."""
    return verbs | {v[:-3] + "ise" for v in verbs if v.endswith("ize")}


SPEECH_VERBS = _both_spellings(SPEECH_VERBS)
ATTITUDE_VERBS = _both_spellings(ATTITUDE_VERBS)


# "data obtained by C4ADS": the agent of these is where the figure comes from
SOURCE_VERBS = {"obtain", "provide", "publish", "compile", "collect", "release", "estimate", "report"}


PRICE_VERBS = {"cost", "pay", "spend", "sell", "buy", "fetch", "price", "value", "worth", "charge"}


PRONOUNS = {"he", "she", "they", "him", "her", "it", "we", "i"}


ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"}
# heads of a noun phrase that name no one in particular: a text that speaks for someone, an
# unnamed body, a person described (who speaks, in ``ledger.speakers``; who acts, in ``events``)
DOCUMENT_HEADS = {
    "statement", "statements", "report", "reports", "data", "study", "studies", "survey", "document", "documents", "letter",
    "filing", "analysis", "poll", "polls", "memo", "release", "paper", "assessment", "figures", "records", "estimate",
    "estimates", "footage", "video", "images", "imagery", "remarks", "comments", "announcement", "message", "post",
    "tweet", "website", "order", "ruling", "indictment", "complaint", "lawsuit", "notice", "bulletin", "broadcast",
    "transcript", "readout", "communique", "communiqué", "decree", "article", "editorial", "book", "research",
}  # fmt: skip
BODY_HEADS = {
    "government", "ministry", "administration", "agency", "army", "military", "police", "company", "firm", "court",
    "committee", "council", "department", "office", "embassy", "party", "union", "commission", "board", "bank",
    "intelligence", "campaign", "team", "club", "group", "organisation", "organization", "authorities", "parliament",
    "congress", "senate", "cabinet", "regime", "forces", "command", "service", "media", "newspaper", "network",
    "jury", "authority", "panel", "tribunal", "assembly", "federation", "association", "institute", "university", "school",
    "hospital", "league", "coalition", "opposition", "airline",
}  # fmt: skip
HUMAN_HEADS = {
    "official", "officials", "expert", "experts", "source", "sources", "people", "person", "resident", "residents",
    "witness", "witnesses", "critic", "critics", "observer", "observers", "diplomat", "diplomats", "spokesman",
    "spokeswoman", "spokesperson", "investigators", "lawmaker", "lawmakers", "leader", "leaders", "minister", "ministers",
    "president", "secretary", "chief", "director", "officer", "officers", "commander", "soldier", "soldiers", "troops",
    "civilian", "civilians", "activist", "activists", "member", "members", "representative", "representatives", "aide",
    "aides", "adviser", "advisers", "advisor", "advisors", "executive", "executives", "lawyer", "lawyers", "attorney",
    "attorneys", "prosecutor", "prosecutors", "judge", "doctor", "doctors", "student", "students", "staff", "man", "men",
    "woman", "women", "family", "families", "fan", "fans", "colleague", "colleagues", "friend", "friends", "ally",
    "allies", "insider", "insiders", "envoy", "envoys", "chairman", "chairwoman", "governor", "mayor", "senator",
    "senators", "ambassador", "general", "colonel", "captain", "coach", "manager", "owner", "victim", "victims",
    "scientist", "scientists", "economist", "economists", "analyst", "analysts", "researcher", "researchers", "who",
}  # fmt: skip
HUMAN_SUFFIX = re.compile(r"(?:er|or|ist|ian)s?$")  # speaker, investor, economist, politician


def human_head(word: str) -> bool:
    """Whether a phrase's head word (lower case) names people: a listed one, or a word of agent
    ("investor", "economist") of more than four letters."""
    return word in HUMAN_HEADS or (len(word) > 4 and bool(HUMAN_SUFFIX.search(word)))


PLACE_LABELS = {"GPE", "LOC", "FAC"}  # where something happens
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}  # who acts or holds something


@dataclass
class Sentence:
    """One parsed sentence (its own Doc) and where it sits in its article."""

    doc: Doc
    base: int  # offset of the sentence's first character in the article text
    article_id: str
    source: str

    text: str = ""  # the sentence text (spaCy rebuilds ``Doc.text`` on each access)
    # the article's quotations cut to this sentence, in sentence offsets (a quotation may open in a
    # sentence before or close in one after); None: read them from the sentence alone
    quoted: list[tuple[int, int]] | None = None

    def __post_init__(self) -> None:
        self.text = self.text or text_of(self.doc)

    def where(self, start: int, end: int) -> Provenance:
        """Provenance of a span given in sentence coordinates."""
        return Provenance(self.article_id, self.source, self.base + start, self.base + end, self.text, self.base)


_TEXT = "newsledger.text"


def text_of(doc: Doc | Span) -> str:
    """``doc.text``, kept on the doc once read: spaCy joins every token's text again on each access,
    and a sentence's rules ask for it many times (a span's text is read as it is)."""
    if isinstance(doc, Span):
        return doc.text
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


IRREGULAR = {"said", "told", "wrote", "written", "found", "thought", "shown", "saw", "seen", "felt", "held"}


_TAG_POS = {"NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ",
            "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "DT": "DET", "MD": "AUX"}  # fmt: skip


_IRREGULAR_PLURALS = {
    "people": "people",
    "personnel": "personnel",
    "men": "man",
    "women": "woman",
    "children": "child",
    "police": "police",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "data": "data",
    "media": "media",
    "series": "series",
    "species": "species",
    "news": "news",
    "staff": "staff",
    "aircraft": "aircraft",
    "taxes": "tax",
    "doses": "dose",
}  # fmt: skip  (spaCy's exceptions read "taxis", "dos")


# nouns that name a report as a whole, in the writer's comment set off after it
REPORT_NOUNS = {"claim", "assertion", "allegation", "accusation", "charge", "view", "position", "argument", "statement",
                "figure", "estimate", "suggestion", "prediction", "forecast", "promise", "pledge", "characterisation",
                "characterization", "description", "version", "contention", "assessment", "warning", "denial"}  # fmt: skip


# where the parse puts a clause's verb: a word there with a subject below it is a verb, whatever its tag
VERBAL_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "conj"}


def pos(tok: Token) -> str:
    """Coarse part of speech from the fine tag (the parse-only pipeline skips the attribute ruler)."""
    if tok.tag_.startswith("VB"):
        return (
            "AUX"
            if tok.lower_ in ("is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did")
            else "VERB"
        )
    if tok.tag_ in ("NNS", "NN") and tok.dep_ in VERBAL_DEPS and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return "VERB"  # "But Trump claims that ...": the tagger read a noun where the parse built a clause on it
    return _TAG_POS.get(tok.tag_, tok.tag_)


def nominal_subject(verb: Token) -> Token | None:
    """A verb's subject, active or passive ("Revenue rose", "the plan was approved"), if the parse
    gives one; of two side by side that the parse gives before the verb, the nearer ("A record
    745,000 people moved": the people, not the record)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    before = [c for c in subjects if c.i < verb.i]
    if len(before) > 1 and before[-2].right_edge.i + 1 == before[-1].left_edge.i and not before[-2].right_edge.is_punct:
        return before[-1]
    return subjects[0] if subjects else None


def lemma(tok: Token) -> str:
    """Base form by spaCy's rule lemmatizer, given the coarse part of speech read from the tag
    (the parse-only pipeline runs neither the attribute ruler nor the lemmatizer)."""
    low = tok.lower_
    coarse = pos(tok)
    if tok.tag_ == "NNPS" and re.search(r"[^s]s$", low):
        return low[:-1]  # "Americans", "World Cups": the rule lemmatizer leaves proper nouns alone
    if coarse not in ("VERB", "NOUN", "AUX", "ADJ"):
        return low
    if coarse == "VERB" and low in SPEECH_LEMMA:
        return SPEECH_LEMMA[low]
    if low in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[low]
    if tok.tag_ in ("NN", "JJ"):
        return low  # already the base form (the rules would cut "business" to "busines", "crisis" to "crisi")
    key = (low, coarse)
    if key not in _LEMMAS:  # the rule lemmatizer reads only the form and the part of speech here
        tok.pos_ = coarse
        _LEMMAS[key] = str(_rule_lemmatizer().rule_lemmatize(tok)[0]).lower()
    return _LEMMAS[key]


_LEMMAS: dict[tuple[str, str], str] = {}


@lru_cache(maxsize=1)
def _rule_lemmatizer():
    """spaCy's rule lemmatizer, its word index per part of speech read as sets: the tables hold
    them as lists (57,000 nouns), which its rules search word by word for each candidate form."""
    from newsledger import nlp

    lemmatizer = nlp.load_parser().get_pipe("lemmatizer")
    index = lemmatizer.lookups.get_table("lemma_index", {})
    for key in list(index.keys()):
        index[key] = frozenset(index[key])
    return lemmatizer


def _inflections(verb: str) -> set[str]:
    stem = verb[:-1] if verb.endswith("e") else verb
    ies = (
        verb[:-1] + "ies"
        if verb.endswith("y") and verb[-2] not in "aeiou"
        else verb + ("es" if verb.endswith(("s", "sh", "ch", "x")) else "s")
    )
    ied = verb[:-1] + "ied" if verb.endswith("y") and verb[-2] not in "aeiou" else stem + "ed"
    forms = {verb, ies, ied, stem + "ing"}
    if DOUBLING_END.search(verb):  # "admitted", "slammed", "signalled", "referred": the last consonant doubled
        forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    return forms


# a verb ending consonant, vowel, consonant may double its last letter before -ed and -ing (the
# forms that do not, "answerred", are no English words and match nothing)
DOUBLING_END = re.compile(r"(?:^|[^aeiou])[aeiou][bdglmnprt]$")


REPORTING_VERBS = SPEECH_VERBS | ATTITUDE_VERBS


SPEECH_LEMMA = {form: verb for verb in REPORTING_VERBS | PRICE_VERBS | SOURCE_VERBS for form in _inflections(verb)}


SPEECH_LEMMA.update({"said": "say", "told": "tell", "wrote": "write", "written": "write", "found": "find", "thought": "think",
                     "shown": "show", "saw": "see", "seen": "see", "paid": "pay", "spent": "spend", "sold": "sell", "bought": "buy",
                     "cost": "cost", "costs": "cost", "costing": "cost", "knew": "know", "known": "know", "felt": "feel",
                     "sought": "seek"})  # fmt: skip


SPEECH_FORMS = {f for f, v in SPEECH_LEMMA.items() if v in REPORTING_VERBS} | IRREGULAR


# verbs whose object is the one addressed ("he told French President Emmanuel Macron"), not what is said
ADDRESSING_VERBS = {"tell", "ask", "inform", "remind", "assure", "brief", "urge", "thank", "congratulate"}


_NAME_TO_VERB = re.compile(r"(?:\s*,[^,;:()]{3,80},)?\s*(?:\w+ly\s+)?")  # an apposition, an adverb, no more


MAX_HOPS = 4  # verbs a participle's speaker is looked for up through ("X said, adding ..., noting ...")


def _nsubj(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _inverted(verb: Token, _hops: int) -> Token | None:
    """rule inverted: "…,” said Leslie Wimes, a …", "The plan, said Smith, would work": a verb of
    saying after a quotation or set off by commas, its speaker after it."""
    doc = verb.doc
    closing = ("”", '"', "''", "’")
    after_quote = verb.i > 0 and (
        doc[verb.i - 1].text in closing or (verb.i > 1 and doc[verb.i - 1].text == "," and doc[verb.i - 2].text in closing)
    )
    subject = _nsubj(verb)
    after = doc[verb.i + 1] if verb.i < len(doc) - 1 else None
    name_end = verb.i + 1
    while name_end < len(doc) and pos(doc[name_end]) == "PROPN":
        name_end += 1
    inverted = (
        doc[verb.i - 1].text == "," and lemma(verb) in ("say", "add", "write")
        and (subject is None or subject.i > verb.i or name_end == len(doc) or doc[name_end].text in (",", ".", ";"))
    )  # fmt: skip
    telling = verb.lower_ in ("told", "tells", "tell")  # "..., told the BBC": whom it was told to, not who spoke
    closed = verb.i > 1 and doc[verb.i - 1].text in closing and doc[verb.i - 2].text in (",", "!", "?", ".", "…")
    if closed and subject is None and not telling:
        # rule inverted_object: "“We will rebuild,” vowed the mayor": the parse took the speaker
        # after the verb for its object (the quotation closed by its punctuation: a straight quote
        # mark alone may open one)
        taken = next((c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i == verb.i + 1), None)
        if taken is not None and pos(taken) in ("NOUN", "PROPN"):
            return taken
    if not (
        (after_quote or inverted) and after is not None and pos(after) == "PROPN"
        and after.ent_type_ not in ("DATE", "TIME") and not telling
    ):  # fmt: skip
        return None
    tok = doc[verb.i + 1]
    while tok.dep_ in ("compound", "amod") and tok.head.i > tok.i:
        tok = tok.head
    return tok


def _set_off(verb: Token, _hops: int) -> Token | None:
    """rule set_off: "To understand X, Chief Justice Roberts said, one should ...": the words between
    the comma and the verb, where the parse found no subject there."""
    doc = verb.doc
    if not (verb.i + 1 < len(doc) and doc[verb.i + 1].text == "," and verb.i > 1):
        return None
    subject = _nsubj(verb)
    comma = next((t.i for t in reversed(doc[max(0, verb.i - 6) : verb.i]) if t.text == ","), None)
    named = doc[comma + 1 : verb.i] if comma is not None else None
    parsed_inside = subject is not None and named is not None and comma < subject.i < verb.i
    if named is None or parsed_inside or not 0 < len(named) <= 5 or any(pos(t) == "VERB" for t in named):
        return None
    heads = [t for t in named if pos(t) == "PROPN" or (len(named) == 1 and t.lower_ in PRONOUNS)]
    return heads[-1] if heads else None


def _subject(verb: Token, _hops: int) -> Token | None:
    """rule subject: the verb's subject; of two the nearer ("Hawaii, as one of his advisers pointed
    out, ..."); a name in apposition where the parse took the end of an opening phrase for the
    subject ("With 50 days until the election, Minyon Moore, a senior adviser, called")."""
    doc = verb.doc
    child = next((c for c in reversed(list(verb.lefts)) if c.dep_ == "nsubj"), _nsubj(verb))
    if child is None:
        return None
    opened = child.left_edge.i > 0 and doc[child.left_edge.i - 1].tag_ in ("IN", "TO")
    named = next((a for a in child.children if a.dep_ == "appos" and pos(a) == "PROPN"), None)
    return named if opened and named is not None and pos(child) != "PROPN" else child


def _agent(verb: Token, _hops: int) -> Token | None:
    """rule agent: "his view was echoed by analysts": the passive's agent speaks."""
    for child in verb.children:
        if child.dep_ == "agent" and (agent := next((g for g in child.children if g.dep_ == "pobj"), None)) is not None:
            return agent
    return None


def quoted_as(verb: Token, _hops: int = 0) -> Token | None:
    """rule quoted_as: "the minister was quoted as saying ...", "is reported as saying ...": a
    speech verb after "as" that a passive verb takes speaks for that verb's subject."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "as" or prep.dep_ != "prep" or prep.head is prep:
        return None
    return next((c for c in prep.head.children if c.dep_ == "nsubjpass"), None)


def _finite_root(verb: Token) -> bool:
    return verb.dep_ == "ROOT" and verb.tag_ in ("VBD", "VBZ", "VBP")


def _name_before(verb: Token, _hops: int) -> Token | None:
    """rule name_before: "In a meeting with the board of the Washington Post Trump said ...": with
    no comma the parse hangs the name on the phrase before; a finite verb right after a name speaks for it."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if (
        _finite_root(verb) and before is not None and pos(before) == "PROPN"
        and before.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") and before.dep_ != "compound"
    ):  # fmt: skip
        return before
    return None


def _opener(verb: Token, _hops: int) -> Token | None:
    """rule opener: "Trump, appearing after Clinton at the forum, cited problems": the name that
    opens the sentence speaks for a finite verb left without a subject; else a name right before the
    verb, or before an apposition set off by commas ("..., Marc H. Morial, the chief executive of
    the League, forcefully told")."""
    if not _finite_root(verb):
        return None
    doc = verb.doc
    opener = next((c for c in verb.lefts if c.dep_ not in ("punct", "cc", "advmod", "aux", "neg")), None)
    if opener is not None and opener.left_edge.i == 0 and opener.ent_type_ in ("PERSON", "ORG", "NORP"):
        return opener
    for ent in reversed([e for e in doc.ents if e.end <= verb.i and e.label_ in ("PERSON", "ORG")]):
        if _NAME_TO_VERB.fullmatch(doc[ent.end : verb.i].text_with_ws):
            return ent.root
    return None


def _shown_doing(verb: Token, _hops: int) -> Token | None:
    """rule shown_doing: "footage of Hillary Clinton asking, “...”", "showed him saying": whom the verb
    shows doing it; "footage showed the mayor urging residents ...": the one shown (``shown_speaking``)."""
    if shown_speaking(verb) and verb.dep_ == "acl":
        return verb.head
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    shown = before is not None and (before.ent_type_ in ("PERSON", "ORG", "NORP") or before.lower_ in ("him", "her", "them"))
    return before if verb.dep_ == "xcomp" and verb.tag_ == "VBG" and shown else None


SHOWING = {"show", "capture", "depict", "feature", "film", "record"}  # verbs of a picture or a recording


def shown_speaking(verb: Token) -> bool:
    """rule shown_speaking: "The clip shows the minister telling aides ...", "footage showed the mayor
    urging residents ...": a verb of saying in -ing that a verb of showing shows someone doing; it is
    the cue (its doer the speaker), not the showing."""
    if verb.tag_ != "VBG" or lemma(verb) not in SPEECH_VERBS:
        return False
    if verb.dep_ == "ccomp":
        shower = verb.head
    elif verb.dep_ == "acl" and verb.head.dep_ == "dobj":
        shower = verb.head.head
    else:
        return False
    return lemma(shower) in SHOWING


def _participle(verb: Token, hops: int) -> Token | None:
    """rule participle: "X mocked the complaint, saying ...": a participle speaks for the subject of
    the verb it hangs on (at most ``MAX_HOPS`` verbs up); but "Asked about the deal, the minister
    declined": the subject was asked, it did not ask."""
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and lemma(verb) in ADDRESSING_VERBS:
        return None
    if verb.dep_ not in ("ccomp", "conj", "advcl", "xcomp") or verb.head is verb:
        return None
    participle = verb.tag_ in ("VBG", "VBN") or verb.dep_ in ("conj", "xcomp")
    if hops >= MAX_HOPS:
        return None  # a chain of verbs this long is no sentence of news: each verb would walk it again
    report = _reported_clause_of(verb)
    if report is not None:
        return speaker_of(report, hops + 1)
    return speaker_of(verb.head, hops + 1) if participle or lemma(verb.head) in SPEECH_VERBS else None


def _reported_clause_of(verb: Token) -> Token | None:
    """rule following_report: "the minister said the talks had failed, adding that ...": a speech
    verb's participle set off by a comma that the parse hung on the clause another speech verb
    reports speaks for that verb's speaker (the minister), not for the clause's subject (the talks).
    Returns the verb whose clause it follows."""
    clause = verb.head
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or lemma(verb) not in SPEECH_VERBS or clause.dep_ != "ccomp":
        return None
    doc = verb.doc
    if verb.left_edge.i == 0 or doc[verb.left_edge.i - 1].text != ",":
        return None
    return clause.head if lemma(clause.head) in SPEECH_VERBS else None


# who speaks for a verb of saying, by the first rule that finds someone
SPEAKER_OF: list[Callable[[Token, int], Token | None]] = [
    _inverted, _set_off, _subject, _agent, quoted_as, _name_before, _opener, _shown_doing, _participle
]  # fmt: skip


def speaker_of(verb: Token, hops: int = 0) -> Token | None:
    """The token naming who speaks for ``verb``: the first rule of ``SPEAKER_OF`` that finds one."""
    return next((tok for rule in SPEAKER_OF if (tok := rule(verb, hops)) is not None), None)


def phrase_start(tok: Token) -> Token:
    """The first word of the phrase a token heads: its left edge, past any punctuation the parse hung
    on it (a closing quotation mark before the speaker: "... military,” Flynn, a top Trump surrogate, said")."""
    start = tok.left_edge
    while start.i < tok.i and start.is_punct:
        start = start.doc[start.i + 1]
    return start


def subject_phrase(tok: Token) -> str:
    """The noun phrase a subject heads, as written ("Yasir Atalan, a data fellow at CSIS"),
    without relative clauses or a leading article."""
    start, end = phrase_start(tok).i, tok.i
    for t in tok.rights:
        if t.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in t.children):
            break  # "Trump on Thursday seemed ...": a time is no part of who
        if t.dep_ in ("appos", "compound", "prep") and t.i - tok.i < 6:
            end = max(end, t.right_edge.i)
            break
    for t in tok.rights:
        if t.dep_ in ("relcl", "acl") and t.left_edge.i <= end:
            end = min(end, t.left_edge.i - 1)
    end = max(end, tok.i)
    text = tok.doc[start : end + 1].text
    close = next((t.i for t in tok.doc[end + 1 : end + 4] if t.text == ")"), None)
    if text.count("(") > text.count(")") and close is not None:
        text = tok.doc[
            start : close + 1
        ].text  # "Rep. Elijah E. Cummings (D-Md.)", "Capt. Ines Moro (ret.)": the parenthesis closes
    text = AGE_APPOSITION.sub("", text.strip(" ,;:—–"))
    return re.sub(r"^(?:a|an|the)\s+", "", text, flags=re.I)


# rule age_apposition: "Ana Ruiz, 43, said", "a farmer, 61,": a person's age set off by commas is no part of who speaks
AGE_APPOSITION = re.compile(r",\s*\d{1,3}(?=,|$)")


def _held_by(clause: Token) -> bool:
    """A participle with an agent: "seen by the Guardian", "compiled by the ministry"."""
    return clause.tag_ == "VBN" and any(c.dep_ == "agent" for c in clause.children)


def according_to(tokens: Span | Doc) -> tuple[Token, Span] | None:
    """ "according to South Korean, Ukrainian and U.S. officials": the word "according" and the
    source, the phrase the parse hangs on "to" without a leading "the" or a clause of its own."""
    if "according" not in text_of(tokens).lower():  # one string search before a walk over every token (the hot path)
        return None
    for tok in tokens:
        if tok.lower_ == "according":
            objs = [g for c in tok.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
            if objs:
                head, first = objs[0], objs[0].left_edge.i
                first += tokens.doc[first].lower_ == "the"
                # "... that cited officials" ends the source; a participle naming who holds it ("figures seen
                # by the Guardian", "data compiled by the ministry") is part of it (rule participle_source)
                clauses = [c.left_edge.i for c in head.rights if c.dep_ in ("relcl", "acl") and not _held_by(c)]
                end = min([head.right_edge.i + 1, *clauses])
                rest = [t for t in tokens.doc[end:] if not t.is_punct]
                comma = next((t.i for t in tokens.doc[head.i : end] if t.text == ","), None)
                opens = all(t.is_punct or t.dep_ == "cc" for t in tokens.doc[tok.sent.start : tok.i])
                if not rest and comma is not None and opens:
                    # "According to Limbaugh, the move reeks of fear": the parse hung the report on the
                    # source; a source that leaves nothing to report ends at its comma
                    end = comma
                return tok, tokens.doc[first:end]
    return None


def attribution(sent: Span, anchor: Token | None = None) -> tuple[str | None, str | None]:
    """Who a sentence attributes its content to, and the cue: ("South Korean intelligence officials", "told").

    "According to X" and "data obtained by X" hold for the whole sentence; otherwise the speech
    verb that governs the anchor (the figure) is used, and then the sentence's main speech verb.
    """
    acc = according_to(sent)
    if acc is not None:
        return acc[1].text, "according to"
    for tok in sent:
        if tok.dep_ == "agent" and lemma(tok.head) in SOURCE_VERBS:
            objs = [c for c in tok.children if c.dep_ == "pobj"]
            if objs:
                appos = [c for c in objs[0].children if c.dep_ == "appos"]
                return (appos[0].text if appos else subject_phrase(objs[0])), f"{tok.head.text} by"
    chain = list(anchor.ancestors) if anchor is not None else []
    candidates = chain + sorted(sent, key=lambda t: (t.dep_ != "ROOT", t.i))
    elsewhere: list[Token] = []  # clauses of other reports: no verb inside them speaks for the figure
    for tok in candidates:
        on_chain = tok in chain
        # rule estimate_verb: "Officials put the toll at 42", "pegged the cost at $5m": whoever puts a figure at a level
        estimating = on_chain and lemma(tok) in ESTIMATING and any(c.dep_ == "prep" and c.lower_ == "at" for c in tok.children)
        if pos(tok) == "VERB" and (lemma(tok) in SPEECH_VERBS or estimating):
            if any(tok in other.subtree for other in elsewhere):
                continue
            if not on_chain and chain and tok.dep_ == "conj" and anchor not in tok.subtree and _reports_own(tok):
                elsewhere.append(tok)  # rule own_clause: "X put it at 42, but Y reported 60 dead": Y's report is its own clause
                continue
            subj = speaker_of(tok)
            if subj is not None and subj.lower_ not in ("it", "this", "that", "which", "who"):
                return subject_phrase(subj), tok.text
    return None, None


PUTS_AT = {"put", "place", "estimate", "peg", "set"}  # "put the figure at 12,000": the estimate is the object and its "at"
ESTIMATING = PUTS_AT | {"value"}  # verbs whose subject puts a figure "at" a level ("valued the firm at $4bn")


def _reports_own(verb: Token) -> bool:
    """A speech verb with what it reports after it ("reported at least 60 dead", "suggest its
    success could ..."), not one that closes the sentence ("..., a study found")."""
    return any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > verb.i for c in verb.children)
