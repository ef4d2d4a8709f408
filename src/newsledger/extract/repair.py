"""Repairs of the dependency parse where the small model misreads a construction of news prose
in the same way every time: each a named rule (``REPAIRS``, applied in order to every parsed
sentence) that rebuilds the tree the construction has, so that every reader of the parse (figures,
quotes, events) sees it right.

rule apposed_report: "Critics say the plan will cost jobs, a claim ministers reject": a report
noun after a comma with a relative clause that has no "that" ("a claim ministers reject", "an
allegation the company denies") is the writer's comment on the report before it; the model reads
the noun as a modifier of the clause's subject ("claim ministers") and hangs the report on the
clause's verb, so the commenters seem to speak it. The repaired tree: the clause before the comma
as it was, the noun set beside it, the verb a relative clause on the noun with its own subject.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from newsledger.extract.language import REPORT_NOUNS, SPEECH_LEMMA, lemma, pos

SUBJECT_POS = {"DET", "ADJ", "NOUN", "PROPN", "PRON", "POS"}  # what a relative clause's subject is made of
SUBJECT_HEADS = {"NOUN", "PROPN", "PRON"}
MAX_SUBJECT = 4  # words: "the prime minister's office"
AFTER_VERB_TAGS = {"RB", "RBR", "RBS", "RP"}  # what may follow the verb, besides punctuation: nothing it governs as an object


def _apposed_clause(doc: Doc, k: int) -> tuple[Token, list[Token], Token] | None:
    """(noun, subject words, verb) of ", a REPORT_NOUN SUBJECT VERB" starting at the comma ``k``,
    ending the sentence (the verb's object is the noun itself)."""
    if doc[k].text != "," or k + 3 >= len(doc) or doc[k + 1].lower_ not in ("a", "an"):
        return None
    noun = next((t for t in doc[k + 2 : k + 4] if pos(t) == "NOUN"), None)
    if noun is None or lemma(noun) not in REPORT_NOUNS or any(pos(t) not in ("ADJ", "ADV") for t in doc[k + 2 : noun.i]):
        return None
    verb = next((t for t in doc[noun.i + 1 :] if pos(t) in ("VERB", "AUX")), None)
    if verb is None or verb.tag_ == "MD":  # "a claim the firm would deny": the verb after the modal
        verb = next((t for t in doc[verb.i + 1 :] if pos(t) == "VERB"), None) if verb is not None else None
    if verb is None or verb.tag_ not in ("VBD", "VBZ", "VBP", "VB"):
        return None
    subject = [t for t in doc[noun.i + 1 : verb.i] if t.tag_ != "MD" and pos(t) != "ADV"]
    if not 1 <= len(subject) <= MAX_SUBJECT or any(pos(t) not in SUBJECT_POS and t.tag_ != "POS" for t in subject):
        return None
    if any(not t.is_punct and t.tag_ not in AFTER_VERB_TAGS for t in doc[verb.i + 1 :]) or not any(
        pos(t) in SUBJECT_HEADS for t in subject
    ):
        return None
    return noun, subject, verb


def _set(tok: Token, head: Token, dep: str) -> None:
    tok.head, tok.dep_ = head, dep


def apposed_report(doc: Doc) -> bool:
    """rule apposed_report (see the module's text); whether the tree was repaired."""
    for k in range(1, len(doc)):
        found = _apposed_clause(doc, k)
        if found is None:
            continue
        noun, subject, verb = found
        if verb.dep_ == "relcl" and verb.head.i == noun.i:
            return False  # read right already
        before = set(range(k))
        taken = [t for t in doc[:k] if t.head.i not in before and t.head.i != t.i]  # what the comment's words took
        root = verb.head if verb.head.i in before else None
        if root is None:
            if not taken:
                return False
            root = taken.pop(0)
            _set(root, root, "ROOT")
        for t in taken:
            _set(t, root, t.dep_)
        _set(noun, root, "appos")
        for t in doc[k + 1 : noun.i]:
            _set(t, noun, "det" if t.i == k + 1 else t.dep_)
        _set(doc[k], root, "punct")
        _set(verb, noun, "relcl")
        head = next(t for t in reversed(subject) if pos(t) in SUBJECT_HEADS)
        _set(head, verb, "nsubj")
        for t in subject:
            if t is not head and not (t.head in subject or t.head is verb):
                _set(t, head, t.dep_)
        for t in doc[noun.i + 1 : verb.i]:
            if t not in subject:
                _set(t, verb, t.dep_)  # a modal or an adverb: the verb's
        for t in doc[verb.i + 1 :]:
            _set(t, root if t.is_punct and t.i == len(doc) - 1 else verb, t.dep_)
        return True
    return False


NOMINAL_TAGS = {"DT", "PDT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "PRP", "PRP$", "POS", "CD", "IN", "CC", ",", "HYPH"}
HEAD_TAGS = {"NN", "NNS", "NNP", "NNPS", "PRP", "CD"}  # what heads the phrase after "with"
MAX_WITH_SUBJECT = 10  # words between "with" and its participle: "one, Labour's Dan Pryce,"
CLAUSE_DEPS = {"ccomp", "dobj", "xcomp", "oprd", "dative"}  # what a participle governs after it


def _participle(t: Token) -> bool:
    """A verb's -ing form, or a speech verb's that the tagger read as a noun ("analysts warning that ...")."""
    return t.tag_ == "VBG" or (t.tag_ == "NN" and t.lower_.endswith("ing") and t.lower_ in SPEECH_LEMMA)


def _with_clause(doc: Doc, w: Token) -> tuple[list[Token], Token] | None:
    """(subject words, participle) of "with NP VBG" at ``w``, or None."""
    g = next((t for t in doc[w.i + 1 : w.i + 2 + MAX_WITH_SUBJECT] if _participle(t) or t.tag_ not in NOMINAL_TAGS), None)
    if g is None or not _participle(g) or g.i == w.i + 1:
        return None
    words = list(doc[w.i + 1 : g.i])
    if not any(t.tag_ in HEAD_TAGS for t in words) or words[-1].tag_ in ("IN", "CC", "DT"):
        return None
    return words, g


def _runs(tokens: list[Token]) -> list[list[Token]]:
    """Tokens in runs of neighbours."""
    runs: list[list[Token]] = []
    for t in tokens:
        if runs and runs[-1][-1].i == t.i - 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    return runs


def with_absolute(doc: Doc) -> bool:
    """rule with_absolute: "Shares fell, with analysts at the bank warning that ...", "The MPs
    demanded answers, with one, Ann Lee, calling it ...": after "with", a noun phrase and a
    participle are a clause (the noun phrase its subject); the model reads the participle as a
    noun, a modifier or a clause of the main verb, and hangs what it says on the main verb."""
    repaired = False
    for w in doc:
        if w.lower_ != "with" or (w.i > 0 and doc[w.i - 1].text != ","):
            continue
        found = _with_clause(doc, w)
        if found is None:
            continue
        words, g = found
        inside = {t.i for t in words}
        subject = next((t for t in words if t.head.i not in inside and not t.is_punct), None)
        if subject is None or (g.head.i == w.i and subject.head.i == g.i and subject.dep_ == "nsubj"):
            continue  # read right already
        after = [t for t in doc[g.i + 1 :] if t.dep_ in CLAUSE_DEPS and t.head.i < w.i]  # taken by the main clause
        g.tag_ = "VBG"
        _set(g, w, "pcomp")
        _set(subject, g, "nsubj")
        strays = [t for t in words if t is not subject and t.head.i not in inside and not t.is_punct]
        for run in _runs(strays):  # a phrase the participle held as its modifiers: "one big bank"
            head = next((t for t in reversed(run) if t.tag_ in HEAD_TAGS), run[-1])
            for t in run:
                if t is not head:
                    _set(t, head, t.dep_)
            prep = next((p for p in reversed(words[: words.index(run[0])]) if p.tag_ == "IN"), None)
            if prep is not None and not any(c.dep_ == "pobj" for c in prep.children):
                _set(head, prep, "pobj")  # "analysts at the bank": the phrase after a preposition is its object
            else:
                _set(head, subject, "appos")
        for t in after:
            _set(t, g, t.dep_)
        repaired = True
    return repaired


REPAIRS: list[tuple[str, Callable[[Doc], bool]]] = [("apposed_report", apposed_report), ("with_absolute", with_absolute)]


def repair(doc: Doc) -> list[str]:
    """Every repair of ``REPAIRS`` that applies to a parsed sentence, in order; the names of those that did."""
    return [name for name, fix in REPAIRS if fix(doc)]
