"""Quotes: direct (in quotation marks), indirect (a reporting verb's clause) and attitudes
(a stance or plan held), each with its speaker, cue and content, from parsed sentences."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from newsledger.clean.lines import DATELINE
from newsledger.extract.cues import is_cue, listed_cue_holds
from newsledger.extract.language import (
    ADDRESSING_VERBS,
    ATTITUDE_VERBS,
    PLACE_LABELS,
    PRONOUNS,
    PUTS_AT,
    REPORT_NOUNS,
    REPORTING_VERBS,
    SHOWING,
    SPEECH_VERBS,
    Sentence,
    according_to,
    human_head,
    lemma,
    nominal_subject,
    phrase_start,
    pos,
    quoted_as,
    shown_speaking,
    speaker_of,
    subject_phrase,
    text_of,
)
from newsledger.model import Quote, content_id

LABELLED = re.compile(r"^[\"“]?(?P<src>[A-Z][\w.&'’ -]{1,40}?)(?P<cue>:)\s+\S")


SIGNED = re.compile(
    r"[\"”’]\s*(?P<cue>[―—–-]{1,2})\s*(?P<src>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}?)(?:(?<=\w)|(?<=\b[A-Z]\.))\.?\s*(?:\n|$)"
)


# a quotation in single marks read from one sentence: 15 characters or more, apostrophes inside words allowed
_SINGLE = r"(?<!\w)['‘](?P<b>(?:[^'‘’]|['’](?=[a-z])){15,}?)[’'](?![a-z])"
QUOTE_RX = re.compile(
    r"(?:''|``)(?P<c>(?:(?!'').)+?)''"  # ``...'' and ''...'' (wire and newspaper archives)
    r"|[\"“”](?P<a>[^\"“”]+?)[\"“”]|" + _SINGLE
)


_MARK = re.compile(r"''|``|(?<!\d['’]\d)(?<!\d['’]\d\d)\"|[“”]")  # not the inches of a height ("6'3\" tall")
_PARAGRAPH = re.compile(r"[^\n]+")


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Every quotation, marks included, paired within each paragraph: double marks, curly ones by
    their direction, straight ones (and archives' ``''``) in turn, one left open at a paragraph's
    end running to it (a quotation of several paragraphs opens each and closes only the last), a
    closing mark with nothing open a stray; then single marks (``_single_quoted``)."""
    spans = []
    for para in _PARAGRAPH.finditer(text):
        opened: int | None = None
        for m in _MARK.finditer(text, para.start(), para.end()):
            mark = m.group()
            if opened is None:
                if mark != "”":
                    opened = m.start()
            elif mark in ("“", "``"):
                opened = m.start()  # the one before never closed
            else:
                spans.append((opened, m.end()))
                opened = None
        if opened is not None and para.end() - opened > 1:
            spans.append((opened, para.end()))
        spans += _single_quoted(text, para.start(), para.end(), spans)
    return sorted(spans)


# single marks, as British papers quote: an opening one starts a word after a space, a closing one
# ends a word before a space or punctuation (an apostrophe inside a word is neither: "Russia's")
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))['‘](?=[\w$£€])(?!\d0s\b)", re.M)
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?…%)])['’](?=[\s.,;:!?)\]—–-]|$)", re.M)


def _single_quoted(text: str, start: int, end: int, double: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quotations in single marks within one paragraph, each closed in it (one left open is an
    apostrophe, not a quotation: "the soldiers' lives"), none inside or across a double-mark one."""
    marks = sorted(
        [(m.start(), "open") for m in _SINGLE_OPEN.finditer(text, start, end)]
        + [(m.start(), "close") for m in _SINGLE_CLOSE.finditer(text, start, end)]
    )
    out, opened = [], None
    for at, kind in marks:
        if kind == "open":
            opened = at
        elif opened is not None:
            if not any(a <= opened < b or a < at + 1 <= b for a, b in double):
                out.append((opened, at + 1))
            opened = None
    return out


_SINGLE_RX = re.compile(_SINGLE)


def quotations(sent: Sentence) -> list[tuple[int, int, str]]:
    """A sentence's quotations in sentence offsets with the words inside the marks: the
    article's double-mark quotations cut to the sentence (``Sentence.quoted``, else read from the
    sentence alone), and single-mark ones ("Rally to ‘Reclaim Our Schools’") that none of those hold."""
    spans = sent.quoted if sent.quoted is not None else quotation_spans(sent.text)
    out = [(a, b, sent.text[a:b].strip().strip("\"“”`'").strip()) for a, b in spans]
    for m in _SINGLE_RX.finditer(sent.text):
        if not any(a < m.end() and m.start() < b for a, b, _ in out):
            out.append((m.start(), m.end(), m.group("b").strip()))
    return sorted(out)


_MINOR = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "vs."}


def _title(text: str, quotation: tuple[int, int, str]) -> bool:
    """A name in marks, not someone's words: a few capitalised words ("on “The Morning Show.”",
    "titled “Arrogant,”") in a sentence written in lower case around them (a headline is all capitals)."""
    words = quotation[2].split()
    if len(words) > 6 or not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _MINOR for w in words):
        return False
    rest = (text[: quotation[0]] + " " + text[quotation[1] :]).split()
    return sum(w[:1].islower() for w in rest) >= 3


FINITE = {"VBD", "VBZ", "VBP", "MD"}


def _fragment(sent: Sentence, quotation: tuple[int, int, str]) -> bool:
    """A few quoted words set in the writer's own sentence ("Kim praised the “Kursk operation,”",
    "the fight for a “sacred cause.”"): the words before the mark run on into it (no sentence
    start, comma, colon or dash before it), and it has no finite verb of its own. The sentence's
    report then holds them; with no one reporting they are a term, not a quotation."""
    before = sent.text[: quotation[0]].rstrip()
    if not before or before[-1] in ",:;—–-([" or before.lower().endswith(" that"):
        return False
    if _subject_outside(sent, quotation):
        return True
    if len(quotation[2].split()) > 6:
        return False
    if EMBEDDED_AFTER.match(sent.text, quotation[1]):
        return True  # rule embedded_quotation: 'said that it "strongly rejects" the claims': the clause runs on past it
    return not any(t.tag_ in FINITE for t in sent.doc if quotation[0] <= t.idx < quotation[1])


def _subject_outside(sent: Sentence, quotation: tuple[int, int, str]) -> bool:
    """rule quoted_predicate: 'wrote that the country "will never surrender"', 'said the board
    "regrets the delay and apologises"': a quotation that opens on its verb, whose subject the
    writer's own words give before the mark, is one clause with them: an indirect report quoting
    the speaker's words, not a direct quote of the predicate alone (one clause only, reported by a
    cue that governs it)."""
    if re.search(r"[.!?][”\"’']?\s+[A-Z“\"]", quotation[2]):
        return False
    inside = [t for t in sent.doc if quotation[0] <= t.idx < quotation[1] and not t.is_punct]
    if not inside or inside[0].tag_ not in FINITE | {"RB"}:
        return False
    verb = inside[0].head if inside[0].dep_ in ("aux", "auxpass", "neg", "advmod") else inside[0]
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.idx < quotation[0] for c in verb.children) and any(
        _cue(a) for a in verb.ancestors
    )  # with no one reporting the clause, the quotation stays a quotation


# after a quotation's closing mark, the clause it sits in going on ("... "strongly rejects" the claims")
EMBEDDED_AFTER = re.compile(r"\s+(?!(?:he|she|they|it|we|I|said|says|told|adds|added)\b)[a-z]")


MIN_QUOTE = 8  # shorter quoted words ("a “rant,”") are scare quotes, not quotations


NAME_LABEL = re.compile(r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2}")
SECTION_LABELS = {
    "analysis", "opinion", "editorial", "exclusive", "breaking", "breaking news", "update", "updated", "watch", "video",
    "photos", "photo", "live", "listen", "podcast", "read more", "related", "note", "editor's note", "correction",
    "explainer", "review", "interview", "fact check", "sponsored", "advertisement", "source", "sources", "image",
    "the latest", "latest", "recap", "summary", "highlights",
}  # fmt: skip


ACCORDING = re.compile(r"\baccording to\s+(?:the\s+)?(?P<src>[^,.;]+)", re.I)


PERSONAL_PRONOUNS = PRONOUNS - {"it"}  # "it" names a body or a document, never the person named last

CAPITALS = re.compile(r"[A-Z][A-Z.'’ -]+")  # a transcript's speaker label ("PENCE")
# a wire story's dateline: "WASHINGTON -- ", "BRUSSELS (AP) — ", "SEOUL, South Korea — "


def _according(sent: Sentence) -> tuple[int, tuple[int, int], str] | None:
    """ "according to X": where the phrase starts, X's characters and X, in sentence offsets, from
    the parse ("according to South Korean, Ukrainian and U.S. officials"), else up to the next
    comma or full stop."""
    found = according_to(sent.doc)
    if found is not None:
        tok, src = found
        return tok.idx, (src.start_char, src.end_char), src.text
    m = ACCORDING.search(sent.text)
    return (m.start(), (m.start("src"), m.end("src")), m.group("src").strip()) if m else None


def _transcript_label(text: str) -> re.Match[str] | None:
    """ "PENCE: Well, the question ...": a speaker's name in capitals before a colon."""
    m = LABELLED.match(text)
    return m if m and CAPITALS.fullmatch(m.group("src")) and len(m.group("src")) > 2 else None


REFLEXIVES = {"myself", "yourself", "himself", "herself", "itself", "ourselves", "yourselves", "themselves"}
CLAUSE_ONLY = {"learn", "hear"}  # report only what follows as a clause ("The Post has learned that ...")
# what "call" convenes rather than says ("called an emergency meeting", "called a snap election")
CONVENED = {"meeting", "session", "election", "vote", "referendum", "strike", "summit", "hearing", "conference", "recess"}
# verbs of speech that also strike things: "slammed the plan" speaks, "slammed into a factory" does not
FORCE_VERBS = {"attack", "slam", "blast", "hit", "strike", "target", "hammer", "pound", "bomb", "shell"}


def _physical(tok: Token) -> bool:
    """A verb used of bodies and things, not of words: "found themselves in a war zone" (but
    "portrayed himself as a champion" speaks), "calls into the hotline", "missiles slammed into a
    plant", "Russia attacked Ukrainian cities" (a verb of force on a place, or a country's force on
    another nation's things)."""
    children = list(tok.children)
    reflexive = any(c.dep_ in ("dobj", "ccomp", "xcomp", "oprd") and c.left_edge.lower_ in REFLEXIVES for c in children)
    if reflexive and not any(c.lower_ == "as" for c in children):  # "find himself sidelined"
        return True
    if any(c.dep_ == "prep" and c.lower_ in ("into", "onto") for c in children):
        return True
    convened = any(c.dep_ == "dobj" and lemma(c) in CONVENED for c in children)
    if lemma(tok) == "call" and convened and not any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in children):
        return True  # "called an emergency meeting", "called a snap election": convened, not said
    if lemma(tok) in FORCE_VERBS:
        objs = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
        if any(t.ent_type_ in PLACE_LABELS for c in objs for t in c.subtree):
            return True
        country = any(c.dep_ == "nsubj" and c.ent_type_ == "GPE" for c in children)
        return country and any(a.dep_ == "amod" and a.ent_type_ == "NORP" for c in objs for a in c.children)
    return False


def _cue(tok: Token) -> bool:
    """A reporting verb of our lists the cue model does not veto, or one it scores as attributing,
    used of words."""
    if pos(tok) != "VERB":
        return False
    if shown_speaking(tok):
        return True
    if lemma(tok) in SPEECH_VERBS and quoted_as(tok) is not None:
        return True  # "was quoted as saying ...": the model, which reads "as saying" as a manner, is not asked
    if lemma(tok) in SHOWING and any(shown_speaking(t) for t in tok.subtree if t is not tok):
        return False  # "the clip shows the minister telling aides ...": the minister speaks, not the clip
    kids = list(tok.children)
    if lemma(tok) == "put" and any(c.lower_ == "as" for c in kids) and any(c.dep_ == "dobj" and c.lower_ == "it" for c in kids):
        return True  # "As Ms. Simonyan put it in a statement, RT is ...": the clause is her words
    if lemma(tok) in CLAUSE_ONLY and not any(c.dep_ == "ccomp" for c in kids):
        return False  # "the arts which he learned as a young diplomat": learnt, not told
    said = listed_cue_holds(tok) if lemma(tok) in REPORTING_VERBS else is_cue(tok)
    return said and not _physical(tok)


def _kind(said: str, cue_tok: Token | None) -> str:
    """What ``_said`` found, with an indirect report turned "attitude" when its cue is a stance or
    plan rather than speech: the attitude list, or a learned cue outside the speech list."""
    if said != "indirect" or cue_tok is None:
        return said
    lem = lemma(cue_tok)
    return "attitude" if lem in ATTITUDE_VERBS or lem not in SPEECH_VERBS else said


# clauses whose verb reports nothing of the words before it ("open to whatever he suggests")
SUBORDINATE = {"advcl", "relcl", "acl", "pcomp", "xcomp", "csubj", "amod"}

# prepositions after a cue that govern what is spoken of ("spoke of", "doubled down on", "called for")
TOPIC_PREPS = {"about", "of", "on", "over", "against", "regarding", "for"}


def _own_report(span: Span, cue_tok: Token | None) -> Span:
    """A report up to where another speaker's report is joined on ("that the reforms were not
    complete, and human rights groups warned that ...": the parse may hang the second report
    inside the first one's clause): the words before that speaker, without the joining comma or
    conjunction."""
    end = span.end
    for tok in span:
        if tok.dep_ != "conj" or pos(tok) != "VERB" or not _cue(tok):
            continue
        subj = speaker_of(tok)
        if subj is not None and (cue_tok is None or subj.i != cue_tok.i) and span.start < subj.left_edge.i < tok.i:
            end = subj.left_edge.i
            break
    doc = span.doc
    end = _before_participle_report(doc, span.start, end)
    end = _before_comment(doc, span.start, end)
    while end > span.start + 1 and doc[end - 1].lower_ in (",", ";", ":", "—", "–", "-", "and", "but", "or", "while", "yet"):
        end -= 1  # the clause's own trailing ", and" ("that the reforms were not complete, and")
    return doc[span.start : end]


def _set_off_participle(tok: Token) -> Token | None:
    """The comma before a participle set off by one, with no subject of its own (", adding that
    ...", ", describing the war as ..."), or None."""
    if tok.tag_ != "VBG" or tok.left_edge.i == 0 or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return None
    comma = tok.doc[tok.left_edge.i - 1]
    return comma if comma.text == "," else None


def _following(tok: Token, covered: list[tuple[int, int]]) -> bool:
    """A set-off participle right after a report ("... would win, describing the war as ..."): the
    parse may hang it on a verb inside that report, whose subject then seems to speak it."""
    comma = _set_off_participle(tok)
    return comma is not None and any(b in (comma.idx, comma.idx + 1) for _, b in covered)


def _before_participle_report(doc: Doc, start: int, end: int) -> int:
    """rule following_report: "said that the talks had failed, adding that ...", "said the bridge was
    safe, telling reporters ...": a speech verb's participle set off by a comma, with no subject of
    its own, is the same speaker's next report (its own record, ``_further_cues``), not more of this
    one, though the parse may hang it inside this report's clause."""
    for tok in doc[start + 1 : end]:
        if tok.dep_ == "advcl" and start < tok.left_edge.i and (comma := _set_off_participle(tok)) is not None and _cue(tok):
            return comma.i
    return end


def _before_comment(doc: Doc, start: int, end: int) -> int:
    """rule report_apposition: "the plan would cost nothing, a claim the opposition disputed", "sales
    would double, an estimate analysts called optimistic": the comma before "a claim" (a noun naming
    the report) ends the report; the apposition is the writer's, not the speaker's."""
    for k in range(start + 1, end - 2):
        if doc[k].text != "," or doc[k + 1].lower_ not in ("a", "an"):
            continue
        head = next((t for t in doc[k + 2 : min(end, k + 4)] if pos(t) == "NOUN"), None)
        if head is not None and lemma(head) in REPORT_NOUNS:
            return k
    return end


@dataclass
class _Report:
    """A speech verb and what stands around it, as the rules of ``CONTENT_RULES`` read it:
    the speaker's and the cue's places (sentence offsets)."""

    sent: Sentence
    cue_tok: Token | None
    who_at: tuple[int, int] | None
    cue_at: tuple[int, int] | None

    @property
    def doc(self) -> Doc:
        return self.sent.doc

    def children(self, *deps: str) -> list[Token]:
        return [c for c in self.cue_tok.children if c.dep_ in deps] if self.cue_tok is not None else []

    @property
    def quoted_next(self) -> bool:
        """A quotation right after the cue ("said: “...”"): what the verb's objects are not."""
        return self.cue_at is not None and bool(re.match(r"\s*[,:]?\s*[\"“‘']", self.sent.text[self.cue_at[1] :]))

    @property
    def addressed(self) -> list[Token]:
        """Whom a verb of addressing speaks to ("told reporters"): no part of what it reports."""
        if self.cue_tok is None or lemma(self.cue_tok) not in ADDRESSING_VERBS:
            return []
        return [c for c in self._objects() if c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or c.lower_ in PRONOUNS]

    def _objects(self) -> list[Token]:
        return [c for c in self.children("dobj") if c.i > self.cue_tok.i]  # type: ignore[union-attr]

    @property
    def objects(self) -> list[Token]:
        """The cue's objects, less whom it addresses and the speaker the parse took for one
        ("“Stay indoors,” urged the fire chief": rule inverted_object)."""
        addressed, who = self.addressed, self.who_at
        return [
            c for c in self._objects()
            if c not in addressed and not (who is not None and c.left_edge.idx <= who[0] < c.idx + len(c.text))
        ]  # fmt: skip


Said = tuple[str, int, int]  # (kind, start, end) in sentence offsets


def _chars(span: Span) -> Said:
    return "indirect", span.start_char, span.end_char


def _as_aside(r: _Report) -> Said | None:
    """rule aside: "..., as X pointed out on Monday, ..." (``_aside``)."""
    aside = _aside(r.sent, r.cue_tok, r.who_at, r.cue_at)
    return ("indirect", *aside) if aside is not None else None


def _clause(r: _Report) -> Said | None:
    """rule clause: the verb's clause ("said that the talks had failed"); a passive's subject where
    the verb has an agent ("his views were echoed by analysts"); the clause after the verb before
    one before it ("estimates vary – CSIS found that they ranged ...")."""
    cue_tok = r.cue_tok
    comp = r.children("ccomp", "xcomp")
    if not comp and any(c.dep_ == "agent" for c in r.children("agent")):
        comp = r.children("nsubjpass")
    if not comp or cue_tok is None:
        return None
    clause = next((c for c in comp if c.i > cue_tok.i), comp[0])
    who = r.doc.char_span(*r.who_at, alignment_mode="expand") if r.who_at and clause.i < cue_tok.i else None
    noun = r.doc[who.start - 1] if who is not None and who.start > 0 else None
    if noun is not None and pos(noun) == "NOUN" and not noun.ent_type_ and clause.left_edge.i <= noun.i:
        # "he hasn't forced Ukraine into the surrender many of his critics feared": with no comma
        # before the speaker the clause is a relative one on the noun before it, and that noun is the report
        return _chars(r.doc[noun.left_edge.i : noun.i + 1])
    start = _fronted_subject(cue_tok, clause, r.who_at)
    end = clause.right_edge.i + 1
    # rule split_clause: "saying she could not defend a policy she believed was failing": a second
    # clause of the verb's right where the first ends, with no comma or conjunction between, is
    # the rest of the same clause (the parse broke it at a relative clause)
    for c in comp:
        if c.i <= clause.i or c.dep_ != "ccomp" or c.left_edge.i != end:
            continue
        if r.doc[end].is_punct or r.doc[end].dep_ == "cc" or r.doc[end - 1].text[-1] in ".!?":
            break  # a comma, a conjunction or a full stop between: another clause
        if any(_cue(t) and speaker_of(t) is not None for t in c.subtree):
            break  # a report of its own ("... the minister said the plan would work"): not this one's
        end = c.right_edge.i + 1
    return _chars(_own_report(r.doc[start:end], cue_tok))


def _fronted_subject(cue_tok: Token, clause: Token, who_at: tuple[int, int] | None) -> int:
    """rule fronted_subject: "The decision, the ministry said in a statement, was taken in May":
    where the parse made the verb of saying the sentence's root, the subject set off by a comma
    before the speaker is the reported clause's own (a clause after the verb with no subject of its
    own): the report starts there. Else the clause's first word."""
    doc = cue_tok.doc
    if (
        clause.dep_ != "ccomp"
        or clause.i < cue_tok.i
        or who_at is None
        or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children)
    ):
        return clause.left_edge.i
    for front in cue_tok.children:
        end = front.right_edge.i + 1
        if (
            front.dep_ in ("dep", "nsubj", "nsubjpass", "npadvmod")
            and pos(front) in ("NOUN", "PROPN", "PRON")
            and end < len(doc)
            and doc[end].text == ","
            and doc[end].idx < who_at[0]
        ):
            return front.left_edge.i
    return clause.left_edge.i


def _interrupted(r: _Report) -> Said | None:
    """rule interrupted: "The plan, Smith said, would work": the clause the verb interrupts (its
    words cut out by ``_record``)."""
    cue_tok = r.cue_tok
    if cue_tok is None or cue_tok.dep_ != "parataxis" or cue_tok.head is cue_tok:
        return None
    span = r.doc[cue_tok.head.left_edge.i : cue_tok.head.right_edge.i + 1]
    return _chars(span) if len(span) - len(list(cue_tok.subtree)) >= 3 else None


def _relative(r: _Report) -> Said | None:
    """rule relative: "the poisoned peace Putin offers", "the story, which the AP first reported":
    the noun the verb's relative clause hangs on."""
    cue_tok = r.cue_tok
    if cue_tok is None or cue_tok.dep_ != "relcl" or pos(cue_tok.head) not in ("NOUN", "PROPN"):
        return None
    if any(c.dep_ == "dobj" and c.lower_ not in ("which", "that", "whom") for c in cue_tok.children):
        return None
    span = r.doc[cue_tok.head.left_edge.i : cue_tok.head.i + 1]
    return _chars(span) if span.end_char <= cue_tok.left_edge.idx else None


SPOKEN_IN = {"in", "on", "at", "during", "via", "through"}  # the medium or occasion of a report: "said in a statement"


def _medium_clause(r: _Report) -> Said | None:
    """rule medium_clause: "told staff in an email that the branch would close", "said in a
    statement that it regretted the delay": a that-clause with its own subject which the parse hung
    on the noun of the verb's circumstance (the statement, the email) is what the verb reports. The
    circumstance is where or when it was said ("in", "on", "at", "during"); a verb with an object
    other than whom it tells reports that object ("filed a lawsuit over claims that ...": the
    clause belongs to "claims")."""
    if r.cue_tok is None:
        return None
    if lemma(r.cue_tok) not in ADDRESSING_VERBS and r.children("dobj"):
        return None
    for prep in (c for c in r.children("prep") if c.lower_ in SPOKEN_IN):
        for noun in (g for g in prep.children if g.dep_ == "pobj" and g.i > r.cue_tok.i):
            after = r.doc[noun.i + 1] if noun.i + 1 < len(r.doc) else None
            clause = next((c for c in noun.children if c.dep_ in ("acl", "relcl") and c.i > noun.i), None)
            if after is None or after.lower_ != "that" or clause is None or clause.left_edge.i != after.i:
                continue
            if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that" for c in clause.children):
                return _chars(_own_report(r.doc[after.i : clause.right_edge.i + 1], r.cue_tok))
    return None


# verbs that call their object something: the object and what it is called are the report
NAMING_VERBS = {"call", "label", "brand", "dub", "term", "name", "deem", "declare", "proclaim", "consider"}


def _object(r: _Report) -> Said | None:
    """rule object: "Kim praised the Kursk operation", "portrayed the support as an act of
    solidarity", "vow consequences", "endorses Clinton": what the verb takes."""
    objs = r.objects
    if not objs or r.quoted_next:
        return None
    extra = [
        c for c in r.cue_tok.children  # type: ignore[union-attr]
        if c.dep_ == "oprd" or (c.dep_ == "prep" and (c.lower_ == "as" or (c.lower_ == "at" and lemma(r.cue_tok) in PUTS_AT)))  # type: ignore[arg-type]
        or _charge(c, objs[0])
        # rule second_object: "labelled the scheme a failure": what a verb of naming calls its object,
        # where the parse made it a second object ("made use of his card with a win" is no naming)
        or (c.dep_ == "dobj" and c.i > objs[0].i and lemma(r.cue_tok) in NAMING_VERBS)  # type: ignore[arg-type]
    ]  # fmt: skip
    last = max([objs[0], *extra], key=lambda t: t.i)
    end = last.right_edge.i
    while end > objs[0].i and r.doc[end].text in (".", ",", ";", ":", "!", "?", "—", "–"):
        end -= 1  # no sentence's full stop the parse hung on the phrase
    end = _before_participle_report(r.doc, objs[0].left_edge.i, end + 1)  # "denied the reports, calling them lies"
    while end > objs[0].i + 1 and r.doc[end - 1].text in (",", ";", ":", "—", "–"):
        end -= 1
    span = r.doc[objs[0].left_edge.i : end]
    return _chars(span) if len(span) >= 2 or pos(objs[0]) in ("NOUN", "PROPN") else None


def _charge(prep: Token, obj: Token) -> bool:
    """rule object_charge: "accused the company of ignoring the warnings", "praised the crews for
    their speed": an "of" or "for" the verb takes after its object states the charge or the reason,
    part of what is reported (not a date: "for a week")."""
    if prep.dep_ != "prep" or prep.lower_ not in ("of", "for") or prep.i < obj.i:
        return False
    return any(g.dep_ in ("pobj", "pcomp") and g.ent_type_ not in ("DATE", "TIME") for g in prep.children)


def _topic(r: _Report) -> Said | None:
    """rule topic: "spoke of the legacy of racism", "is doubling down on his attacks": what the
    preposition governs; only for a verb with no object and no one addressed."""
    if r.objects or r.quoted_next or r.addressed or r.cue_tok is None:
        return None
    topics = [c for c in r.children("prep") if c.i > r.cue_tok.i and c.lower_ in TOPIC_PREPS]
    objects = (
        [g for g in topics[0].children if g.dep_ in ("pobj", "pcomp") and g.ent_type_ not in ("DATE", "TIME")] if topics else []
    )
    return _chars(r.doc[objects[0].left_edge.i : objects[0].right_edge.i + 1]) if objects else None


def _according_phrase_end(doc: Doc, cue_at: tuple[int, int] | None, hi: int) -> int:
    """rule according_phrase: "According to figures published last month, output fell": what the
    source's phrase goes on to say of it (a participle, a date) up to its comma is no part of the
    report."""
    tok = next((t for t in doc if cue_at and t.idx == cue_at[0] and t.lower_ == "according"), None)
    if tok is None:
        return hi
    last = tok.right_edge
    end = last.idx + len(last.text)
    return end if end > hi and last.i + 1 < len(doc) and doc[last.i + 1].text == "," else hi


def _rest(r: _Report) -> Said | None:
    """rule rest: the rest of the sentence before or after the speaker and the cue, the longer,
    up to the next speaker's report ("X shows him ..., but Smith said ..."); for "as" the clause
    it vouches for; nothing before a subordinate verb or a verb's own circumstance."""
    sent, cue_tok = r.sent, r.cue_tok
    marks = [x for x in (r.who_at, r.cue_at) if x] + [(c.idx, c.right_edge.idx + len(c.right_edge.text)) for c in r.addressed]
    if not marks:
        return None
    lo, hi = min(a for a, _ in marks), max(b for _, b in marks)
    hi = _according_phrase_end(sent.doc, r.cue_at, hi) if cue_tok is None else hi
    rest = sent.doc.char_span(hi, len(sent.text), alignment_mode="expand")
    hi_end = _own_report(rest, cue_tok).end_char if rest is not None and len(rest) else len(sent.text)
    before, after = sent.text[:lo].strip(" ,;:—–"), sent.text[hi:hi_end].strip(" ,;:.—–")
    if cue_tok is not None and cue_tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue_tok.children):
        # "The truce will not hold, as the ministry warned", "As he said, talks resume": the clause it vouches for
        first, last = cue_tok.left_edge, cue_tok.right_edge
        if first.i > cue_tok.head.i:
            before, after = sent.text[: first.idx].strip(" ,;:—–"), ""
        else:
            before, after = "", sent.text[last.idx + len(last.text) :].strip(" ,;:.—–")
    elif cue_tok is not None and cue_tok.dep_ in SUBORDINATE:
        before = ""  # "And that's if Putin showed up": what comes before a subordinate verb is another clause's
    elif cue_tok is not None and before and _own_adverbial(cue_tok, sent.text.find(before), len(before)):
        before = ""  # "Although Trump has admitted ..., he does not defend it": the verb's own circumstance
    content = before if len(before) >= len(after) else after
    if len(content.split()) < 3:
        return None
    start = sent.text.find(content)
    return ("direct" if content[:1] in "\"“'‘" else "indirect"), start, start + len(content)


# what a speech verb reports, by the first rule that finds it
CONTENT_RULES: list[Callable[[_Report], Said | None]] = [
    _as_aside, _clause, _interrupted, _relative, _medium_clause, _object, _topic, _rest,
]  # fmt: skip


def _said(sent: Sentence, cue_tok: Token | None, who_at: tuple[int, int] | None, cue_at: tuple[int, int] | None) -> Said | None:
    """What a speech verb reports (``CONTENT_RULES``): (kind, start, end) in sentence offsets."""
    r = _Report(sent, cue_tok, who_at, cue_at)
    return next((found for rule in CONTENT_RULES if (found := rule(r)) is not None), None)


def _aside(
    sent: Sentence, cue_tok: Token | None, who_at: tuple[int, int] | None, cue_at: tuple[int, int] | None
) -> tuple[int, int] | None:
    """An aside set off by commas inside the clause it vouches for ("The river, as one of the engineers
    pointed out, rarely floods", "The network, as its editor put it, is a voice for the voiceless"):
    that clause around it is its report (``_record`` cuts the aside out of the words). The parse
    makes the aside's verb either the sentence's (then "as" stands before the speaker) or an "as"
    clause hung on the sentence's verb."""
    if cue_tok is None:
        return None
    text = sent.text
    if cue_tok.dep_ == "ROOT" and who_at and cue_at:
        if not re.search(r"\S\s*,\s*as\s*$", text[: who_at[0]], re.I) or not text[cue_at[1] :].lstrip().startswith(","):
            return None
        lo, hi = who_at[0], cue_at[1]
    elif cue_tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue_tok.children):
        first, last = cue_tok.left_edge, cue_tok.right_edge
        lo, hi = first.idx, last.idx + len(last.text)
        if first.i == 0 or not text[:lo].rstrip().endswith(",") or len(text[:lo].strip(" ,;:—–").split()) >= 4:
            return None
    else:
        return None
    before, after = text[:lo].strip(" ,;:—–"), text[hi:].strip(" ,;:.—–")
    if len(after.split()) < 2:
        return None
    return text.find(before), text.find(after, hi) + len(after)


def _own_adverbial(verb: Token, start: int, length: int) -> bool:
    """Whether the words at ``start`` are an adverbial clause of the verb itself, introduced as one
    ("Although X, he does not defend it"; "When asked, she declined"): the verb's circumstance, not
    what it reports."""
    for c in verb.children:
        introduced = any(g.dep_ == "mark" or (g.dep_ == "advmod" and g.tag_ == "WRB") for g in c.children)
        if c.dep_ == "advcl" and c.i < verb.i and introduced:  # a bare clause may be a misparsed report
            lo, hi = c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)
            if lo <= start and start + length <= hi:
                return True
    return False


def _relative_antecedent(subj: Token) -> Token | bool:
    """For a speaker written "who"/"which"/"that", the noun the clause hangs on ("Luis Rubio, who
    heads ..."); False where the subject names no one ("it", "this", a relative pronoun with no
    noun); True for an ordinary subject."""
    if subj.lower_ in ("who", "which", "that"):
        verb = subj.head
        head = verb.head if verb.dep_ == "relcl" else None
        if head is None and subj.lower_ in ("who", "which") and subj.i > 0:
            head = subj.doc[subj.i - 1]  # "turned to the Police Department which reported ...": the parse lost the clause's noun
        return head if head is not None and pos(head) in ("NOUN", "PROPN") else False
    if subj.lower_ == "it":  # a document or body speaks ("The letter ... It says the campaign violated ...")
        return lemma(subj.head) in SPEECH_VERBS
    return subj.lower_ not in ("this", "there")


def _person_before(pronoun: Token, quoted: list[tuple[int, int]], earlier: str | None) -> str | None:
    """Whom a personal pronoun names: the person named last before it in its own sentence, outside
    quotation marks ("whether Kim's strategy will proceed as he intends": Kim), else the person
    named last in the sentences before."""
    named = [
        e for e in pronoun.doc.ents
        if e.label_ == "PERSON" and e.end <= pronoun.i and not any(a <= e.start_char < b for a, b in quoted)
    ]  # fmt: skip
    # a person named in a preposition's phrase is rarely whom "he" takes up ("Trump, appearing after Clinton, ... he blamed")
    acting = [e for e in named if e.root.dep_ != "pobj"]
    return (acting or named)[-1].text if named else earlier


@lru_cache(maxsize=64)
def _dateline_end(doc: Doc) -> int:
    """Where a sentence's wire dateline ends (0: it has none); read once per sentence, though every
    speaker the sentence names asks (spaCy rebuilds ``Doc.text`` on each access)."""
    m = DATELINE.match(text_of(doc))
    return m.end() if m else 0


def _cue_span(verb: Token) -> tuple[int, int]:
    """A cue's characters in its sentence: the verb with its particle ("pointed out", "went on", "put it")."""
    prt = next(
        (c for c in verb.rights if (c.dep_ == "prt" or (c.lower_ == "it" and lemma(verb) == "put")) and c.i == verb.i + 1), None
    )
    last = prt if prt is not None else verb
    return verb.idx, last.idx + len(last.text)


def _who_span(subj: Token, antecedent: Token | bool) -> tuple[int, int]:
    """Where the speaker is written: the subject, or for "that" the noun it stands for ("a raft of
    new rules that promise ..."); "who" and "which" are written names of their own."""
    if subj.lower_ == "that" and isinstance(antecedent, Token):
        return _span_of(antecedent)
    return _span_of(subj)


def _span_of(tok: Token) -> tuple[int, int]:
    """A subject's characters in its sentence: from its first modifier (after any dateline) to its head word."""
    start, dateline = phrase_start(tok).idx, _dateline_end(tok.doc)
    return (dateline if start < dateline <= tok.idx else start), tok.idx + len(tok.text)


def _speaker_name(
    subj: Token, antecedent: Token | bool, person_before: str | None, speaking_before: str | None = None
) -> str | None:
    """Who a cue's subject names: the person last named for a personal pronoun (None if none is),
    the noun a relative pronoun hangs on, the organisation or country named before "it" in the
    sentence, else the speaker of the sentence before ("The company said ... It also said ..."),
    else "It"; any other subject, its own phrase."""
    if subj.lower_ in PERSONAL_PRONOUNS:
        return person_before
    if subj.lower_ == "it":  # "North Korea confirmed ... when it promised ...": the body named before in the sentence
        bodies = [e for e in subj.doc.ents if e.label_ in ("ORG", "GPE", "NORP") and e.end <= subj.i]
        if bodies:
            return bodies[-1].text
        return speaking_before if speaking_before and speaking_before.lower() not in PRONOUNS else subj.text
    head = antecedent if isinstance(antecedent, Token) else subj
    phrase = subject_phrase(head)
    m = DATELINE.match(phrase)
    return phrase[m.end() :] if m and head.left_edge.idx < _dateline_end(head.doc) else phrase


def _one_role(speaker: str | None) -> bool:
    """A speaker named by one person's role ("mayor", "council leader", "a spokeswoman for the
    airport"), not by a name, a body or many people: whom a "he" or "she" right after takes up."""
    if not speaker:
        return False
    words = re.split(r"\s+(?:of|for|at|in|from|with)\s+|,", speaker, maxsplit=1)[0].split()
    head = words[-1].lower() if words else ""
    return human_head(head) and not head.endswith("s") and head not in ("people", "staff", "family", "who")


def _who(
    sent: Sentence,
    cue: tuple[Token, Token, Token | bool],
    quoted: list[tuple[int, int]],
    last_person_before: Callable[[int], str | None],
    speaking_before: str | None,
    keep_pronoun: bool,
) -> str | None:
    """The name a cue's subject gives its speaker (``_speaker_name``), a personal pronoun resolved to
    the person named before it; with ``keep_pronoun`` one with no one named before keeps its word ("he")."""
    _, subj, antecedent = cue
    person = _person_before(subj, quoted, last_person_before(sent.base))
    if person is None and subj.lower_ in ("he", "she") and _one_role(speaking_before):
        person = speaking_before  # rule pronoun_role: "The mayor said ... The repairs, she said, ...": no one is named
    return _speaker_name(subj, antecedent, person or (subject_phrase(subj) if keep_pronoun else None), speaking_before)


def _closed(text: str, at: tuple[int, int]) -> tuple[int, int]:
    """rule quotation_closed: a report that opens a quotation and ends right before its closing
    mark takes the mark and the punctuation set inside it ('said the soldiers were "trained to
    fight."': the parse's clause stops at the last word)."""
    words = text[at[0] : at[1]]
    opened = words.count("“") > words.count("”") or words.count('"') % 2 == 1 or words.count("''") % 2 == 1
    closing = CLOSING_MARK.match(text, at[1]) if opened else None
    return (at[0], closing.end()) if closing else at


CLOSING_MARK = re.compile(r"[.,!?;:]?(?:”|\"|'')")  # what closes a quotation: the mark, with the punctuation set inside it


def _aside_end(words: str, hi: int) -> int:
    """rule interrupted_aside: "The plan, officials said on Monday, would cost more": a speaker and
    cue set off by commas inside what they report are cut out with the rest of their aside (when,
    where, in what), up to its closing comma: at most ``ASIDE_WORDS`` words and no quotation mark."""
    comma = words.find(",", hi)
    if comma == -1:
        return hi
    between = words[hi:comma]
    return comma if len(between.split()) <= ASIDE_WORDS and not any(q in between for q in "\"“”'‘’") else hi


ASIDE_WORDS = 6


def _record(sent: Sentence, key: int, kind: str, at: tuple[int, int], speaker: str | None, cue: str | None,
            who_at: tuple[int, int] | None, cue_at: tuple[int, int] | None, rule: str | None = None) -> Quote:  # fmt: skip
    """One quote record; ``key``, ``at``, ``who_at`` and ``cue_at`` are in sentence offsets."""
    at = _closed(sent.text, at)
    words = sent.text[at[0] : at[1]]
    marks = [x for x in (who_at, cue_at) if x]
    if marks and at[0] < min(a for a, _ in marks) and max(b for _, b in marks) < at[1]:
        # the speaker and cue inside what they report ("The plan, Smith said, would work"): cut out
        lo, hi = min(a for a, _ in marks) - at[0], max(b for _, b in marks) - at[0]
        left = words[:lo].rstrip(" ,—–")
        if re.search(
            r",\s*as$", left, re.I
        ):  # "Hawaii, as one of his advisers pointed out on Monday, ...": the aside to its comma
            left = re.sub(r",\s*as$", "", left, flags=re.I)
            comma = words.find(",", hi)
            hi = comma if comma != -1 else hi
        elif words[:lo].rstrip().endswith(","):
            hi = _aside_end(words, hi)
        words = (left + " " + words[hi:].lstrip(" ,—–")).strip()
    q = Quote(content_id(sent.article_id, str(sent.base + key)), sent.where(*at), kind, speaker, cue, words, rule=rule)  # type: ignore[arg-type]
    if who_at:
        q.speaker_start, q.speaker_end = sent.base + who_at[0], sent.base + who_at[1]
    if cue_at:
        q.cue_start, q.cue_end = sent.base + cue_at[0], sent.base + cue_at[1]
    return q


def _outside(subj: Token, verb: Token, quoted: list[tuple[int, int]]) -> Token | None:
    """A verb outside quotation marks speaks for no one inside them: a subject the parse found in
    a quotation gives way to the name between its closing mark and the verb ("... our military,”
    Flynn, a top Trump surrogate, said"), else there is none."""
    holding = next((b for a, b in quoted if a <= subj.idx < b), None)
    if holding is None:
        return subj
    if holding > verb.idx:  # the parse took a title after the verb for its subject ("said on “Fox and Friends.”")
        holding = max((b for a, b in quoted if b <= verb.idx), default=None)
        if holding is None:
            return None
    tok = next(
        (t for t in subj.doc if holding <= t.idx < verb.idx and pos(t) in ("PROPN", "NOUN", "PRON") and t.dep_ != "pobj"), None
    )  # not the object of a preposition ("...,'' and, when questioned after the debate, asserting")
    while tok is not None and tok.dep_ in ("compound", "amod") and verb.i > tok.head.i > tok.i:
        tok = tok.head
    return tok


def _past_dateline(subj: Token, dateline: int) -> Token | None:
    """A subject that the parse hangs on a wire story's dateline ("WASHINGTON -- President Obama
    said", "SEOUL, South Korea — North Korea's foreign ministry said"): the phrase after it."""
    if subj.left_edge.idx >= dateline:
        return subj
    after = [t for t in subj.subtree if t.idx >= dateline]
    heads = [t for t in after if t.head not in after and pos(t) in ("NOUN", "PROPN", "PRON")]
    return heads[0] if heads else None


REFUSING = {"decline", "refuse"}


def _refused(verb: Token) -> bool:
    """A verb that reports nothing, by named rule:

    * refused_to_say: "declined to comment on the report", "refused to say where he was": a speech
      verb its speaker declined to use (the refusal itself is the record);
    * neither_nor: "has neither confirmed nor denied the reports": both verbs are denied;
    * anonymity_formula: "who asked not to be named", "who requested anonymity": how a source is
      described, not what it said."""
    if verb.dep_ == "xcomp" and lemma(verb.head) in REFUSING:
        return True
    if any(c.dep_ == "preconj" and c.lower_ == "neither" for c in verb.children) or (
        verb.dep_ == "conj" and any(c.dep_ == "preconj" and c.lower_ == "neither" for c in verb.head.children)
    ):
        return True
    return lemma(verb) in ("ask", "request") and bool(ANONYMITY.match(text_of(verb.doc), verb.idx + len(verb.text)))


ANONYMITY = re.compile(r"\s+(?:not\s+to\s+be\s+(?:named|identified)|anonymity|that\s+(?:his|her|their)\s+names?\s+not\b)", re.I)


def _cues(doc: Doc, quoted: list[tuple[int, int]]) -> list[tuple[Token, Token, Token | bool]]:
    """Every cue verb outside quotation marks with a subject that names someone: (verb, subject, antecedent)."""
    dateline = _dateline_end(doc)
    return [
        (t, s, a)
        for t in doc
        if not any(lo <= t.idx < hi for lo, hi in quoted)
        and _cue(t)
        and not _refused(t)
        and (s := speaker_of(t)) is not None
        and (s := _outside(s, t, quoted)) is not None
        and (s := _past_dateline(s, dateline)) is not None
        and (a := _relative_antecedent(s)) is not False
    ]


def _voiced(sent: Sentence, opening: int, quoted: list[tuple[int, int]]) -> tuple[Token, Token] | None:
    """A verb right before a quotation that nothing else attributes ("a choir sang '...'",
    "the crowd chanted, “...”"), with who voiced it: the noun right before the verb (the parse may
    have hung it elsewhere), else the verb's own subject. Not a participle ("a book titled “...”").
    Or a named subject's clause ending in a noun and a colon ("... rolling out a new message: “...”")."""
    doc = sent.doc
    toks = [t for t in doc if t.idx < opening and not any(a <= t.idx < b for a, b in quoted) and not t.is_punct]
    verb: Token | None = toks[-1] if toks else None
    if verb is not None and pos(verb) == "NOUN" and sent.text[:opening].rstrip().endswith(":"):
        # "Obama is rolling out a new campaign message: “It's about me.”": the clause's verb and its subject
        verb = next((t for t in verb.ancestors if pos(t) == "VERB"), None)
        subj = nominal_subject(verb) if verb is not None else None
        if verb is None or subj is None or not (subj.ent_type_ in ("PERSON", "ORG", "NORP") or subj.lower_ in PERSONAL_PRONOUNS):
            return None
        return verb, subj
    if verb is None or pos(verb) != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0:
        return None
    before = doc[verb.i - 1]
    subj = before if pos(before) in ("NOUN", "PROPN") or before.lower_ in PERSONAL_PRONOUNS else nominal_subject(verb)
    if subj is None or subj.lower_ in ("it", "this", "that", "which"):
        return None
    while subj.dep_ in ("compound", "amod") and subj.head.i > subj.i:
        subj = subj.head
    return verb, subj


def _main(cues: list[tuple[Token, Token, Token | bool]]) -> tuple[Token, Token, Token | bool] | None:
    """The sentence's main verb first ("X called for ..., sources said": the sources report it all)."""
    return next((c for c in cues if c[0].dep_ == "ROOT"), cues[0] if cues else None)


SHORT_LEAD = 5  # words: a sentence this short ending in a colon announces words whatever its verb


def short_lead(text: str) -> bool:
    return len(text.split()) <= SHORT_LEAD


def lead_in(sent: Sentence, last_person_before: Callable[[int], str | None]) -> Quote | None:
    """A sentence that announces the next one as someone's words ("The governor added:", "In a
    statement, the ministry said:"): a record of who and the cue, its content still empty."""
    if not sent.text.rstrip().endswith(":") or QUOTE_RX.search(sent.text):
        return None
    first = _main(_cues(sent.doc, []))
    if first is None and short_lead(sent.text):  # "Caddell continued:", "The senator wrote back:"
        root = next((t for t in sent.doc if t.dep_ == "ROOT" and pos(t) == "VERB"), None)
        subj = speaker_of(root) if root is not None else None
        first = (root, subj, True) if subj is not None and _relative_antecedent(subj) is True else None
    if first is None:
        return None
    verb, subj, _ = first
    speaker = _who(sent, first, [], last_person_before, None, keep_pronoun=True)
    cue_at = _cue_span(verb)
    return _record(sent, verb.idx, "direct", (verb.idx, verb.idx), speaker, sent.text[slice(*cue_at)], _span_of(subj), cue_at)


@dataclass
class _Voice:
    """Who speaks in a sentence, as the speaker chain (``SPEAKER_RULES``) has decided so far: the
    speaker's name, where it and the cue stand (sentence offsets), the cue verb, and the rule."""

    speaker: str | None = None
    who_at: tuple[int, int] | None = None
    cue_at: tuple[int, int] | None = None
    cue_tok: Token | None = None
    rule: str | None = None
    cue: str | None = None  # the cue's words, where another sentence gave them


@dataclass
class _Reading:
    """One sentence as the speaker chain reads it."""

    sent: Sentence
    last_person_before: Callable[[int], str | None]
    previous: Quote | None
    lead: Quote | None
    inside: list[tuple[int, int]]  # every quotation's span
    found: list[tuple[int, int, str]]  # the quotations that are quotes (not titles, fragments, scare quotes)
    cues: list[tuple[Token, Token, Token | bool]]
    acc: tuple[int, tuple[int, int], str] | None  # "according to X"

    @property
    def speaking_before(self) -> str | None:
        return self.previous.speaker if self.previous is not None else None


def _cue_verb(r: _Reading, v: _Voice) -> None:
    """rules opening_verb, cue_verb: the verb right before a quotation's opening mark owns it ("The ad
    uses footage of X asking, “...”"); else the sentence's main speech verb. Its subject speaks."""
    opening = next((c for c in r.cues for a, _, _ in r.found[:1] if 0 <= a - (c[0].idx + len(c[0].text)) <= 3), None)
    first = opening or _main(r.cues)
    if first is None:
        return
    v.cue_tok = first[0]
    v.cue_at = _cue_span(first[0])
    v.speaker = _who(r.sent, first, r.inside, r.last_person_before, r.speaking_before, keep_pronoun=True)
    v.who_at = _who_span(first[1], first[2])
    v.rule = "opening_verb" if opening else "cue_verb"


def _according_to(r: _Reading, v: _Voice) -> None:
    """rule according_to: "according to the ministry", where no verb named a speaker."""
    if not v.speaker and r.acc:
        v.speaker, v.who_at, v.cue_at, v.rule = r.acc[2], r.acc[1], (r.acc[0], r.acc[0] + len("according to")), "according_to"


def _label(r: _Reading, v: _Voice) -> None:
    """rules signature, speaker_label: a signature ("... — Jane Doe"), a transcript's speaker label
    ("PENCE: Well, ...") or a headline's "Name: what they say" is stronger than any verb of the
    sentence; never a section label ("Analysis: ...") or a dateline ("SINGAPORE: ...")."""
    text, doc = r.sent.text, r.sent.doc
    signed = SIGNED.search(text) or _transcript_label(text)
    label = LABELLED.match(text)
    if label and v.cue_at and v.cue_at[0] > label.end("cue") and NAME_LABEL.fullmatch(label.group("src")):
        # "Rush Limbaugh: Hillary asking moderator to fact check Trump ...": the verb is in what the label's speaker says
        signed = signed or (label if label.group("src").lower() not in SECTION_LABELS else None)
    if v.speaker and not signed:
        return
    m = signed or label
    if m is None:
        return
    labels = {e.label_ for e in doc.ents if e.start_char >= m.start("src") and e.end_char <= m.end("src")}
    transcript = m.group("cue") != ":" or CAPITALS.fullmatch(m.group("src"))
    named = m.group("cue") == ":" and bool(NAME_LABEL.fullmatch(m.group("src")))
    named = named and m.group("src").lower() not in SECTION_LABELS
    if not labels & {"GPE", "LOC"} and (transcript or named or labels & {"PERSON", "ORG"}):
        v.speaker, v.who_at, v.cue_at = m.group("src").strip(), (m.start("src"), m.end("src")), (m.start("cue"), m.end("cue"))
        v.cue_tok, v.rule = None, "signature" if m.group("cue") != ":" else "speaker_label"


def _voiced_quotation(r: _Reading, v: _Voice) -> None:
    """rule voiced: "as a choir sang 'our land will be free ...'": the verb the quotation follows."""
    if v.speaker is None and r.found and (voiced := _voiced(r.sent, r.found[0][0], r.inside)) is not None:
        verb, subj = voiced
        v.speaker, v.who_at, v.cue_at, v.rule = subject_phrase(subj), _span_of(subj), _cue_span(verb), "voiced"


def _goes_on(r: _Reading, v: _Voice) -> None:
    """rule goes_on: a sentence that opens inside a quotation, right after a quote, with no speaker
    of its own: the quotation goes on ("... ," he said. "Now ...")."""
    v.cue = r.sent.text[v.cue_at[0] : v.cue_at[1]] if v.cue_at else None
    if v.speaker is None and r.lead is None and r.found and r.previous is not None and r.found[0][0] <= 1:
        v.speaker, v.cue, v.rule = r.previous.speaker, r.previous.cue, "goes_on"


# the speaker chain: each rule may name the speaker of a sentence's quotes, in this order
SPEAKER_RULES = [_cue_verb, _according_to, _label, _voiced_quotation, _goes_on]


def _announced(r: _Reading) -> Quote | None:
    """rule lead_in: "The governor added:" then this sentence: his words."""
    sent, lead = r.sent, r.lead
    words = sent.text.strip().strip("\"“”'‘’ ")
    if lead is None or len(words.split()) < 3:
        return None
    at = sent.text.find(words)
    q = _record(sent, at, "direct", (at, at + len(words)), lead.speaker, lead.cue, None, None, "lead_in")
    q.speaker_start, q.speaker_end, q.cue_start, q.cue_end = lead.speaker_start, lead.speaker_end, lead.cue_start, lead.cue_end
    return q


def quotes_in(
    sent: Sentence, last_person_before: Callable[[int], str | None], previous: Quote | None = None, lead: Quote | None = None
) -> list[Quote]:
    """Direct quotes (in quotation marks) and indirect ones (a speech verb's clause) of one sentence.

    The cue verb must stand outside the quotation marks. The speaker is named by the chain of
    ``SPEAKER_RULES``; a sentence right after a ``lead_in`` ("He added:") with no speaker of its
    own is that speaker's words. Every quote names the rule that found its speaker."""
    marked = quotations(sent)
    inside = [(a, b) for a, b, _ in marked]
    found = [m for m in marked if len(m[2]) >= MIN_QUOTE and not _title(sent.text, m) and not _fragment(sent, m)]
    r = _Reading(sent, last_person_before, previous, lead, inside, found, _cues(sent.doc, inside), _according(sent))
    v = _Voice()
    for rule in SPEAKER_RULES:
        rule(r, v)
    if v.speaker is None and lead is not None:
        q = _announced(r)
        if q is not None:
            return [q]
    out = []
    for a, b, words in found:
        q = _record(sent, a, "direct", (a, b), v.speaker, v.cue, v.who_at, v.cue_at, v.rule if v.speaker else None)
        q.content = words  # the words inside the marks
        out.append(q)
    if not found and v.speaker and (v.cue_tok is not None or v.cue_at):
        rest = _said(sent, v.cue_tok, v.who_at, v.cue_at)
        if rest:
            kind = _kind(rest[0], v.cue_tok)
            out.append(_record(sent, rest[1], kind, rest[1:], v.speaker, v.cue or "according to", v.who_at, v.cue_at, v.rule))
    out += _according_beside(r, v, out)
    out += _further_cues(r, v, out)
    return out


def _setting_participle(tok: Token) -> bool:
    """rule setting_participle: "Writing in the Sunday Times, the former minister argued ...",
    "Speaking to reporters, she said ...": a participle that opens the sentence and says where its
    speaker spoke reports nothing of its own (no clause, object or quotation): the verb it leads
    to reports it."""
    head = tok.head
    return (
        tok.dep_ == "advcl"
        and tok.tag_ == "VBG"
        and tok.i < head.i
        and tok.left_edge.i == 0
        and _cue(head)
        and not any(c.dep_ in ("ccomp", "xcomp", "dobj", "parataxis") for c in tok.children)
    )


def _according_beside(r: _Reading, v: _Voice, out: list[Quote]) -> list[Quote]:
    """rule according_to, beside another cue ("Clinton plans to visit, according to an aide"): its own record."""
    acc = r.acc
    if not (acc and v.cue_at and v.cue_at[0] != acc[0] and not any(q.cue == "according to" for q in out)):
        return []
    acc_cue = (acc[0], acc[0] + len("according to"))
    rest = _said(r.sent, None, acc[1], acc_cue)
    return (
        [_record(r.sent, acc[0], "indirect", rest[1:], acc[2], "according to", acc[1], acc_cue, "according_to")] if rest else []
    )


def _further_cues(r: _Reading, v: _Voice, out: list[Quote]) -> list[Quote]:
    """rule cue_verb, for further speech verbs in the sentence, each with its own speaker ("X said
    ..., and Y denied ..."), none whose speaker stands inside what another reports."""
    sent, found = r.sent, r.found
    more: list[Quote] = []
    covered = [(q.span.start - sent.base, q.span.end - sent.base) for q in out]
    for tok, subj, antecedent in r.cues:
        is_first = v.cue_tok is not None and tok.i == v.cue_tok.i  # (a signature or label took its place: None)
        if is_first and not found:
            continue  # the first cue's own report is already out, unless quotations took its place
        if is_first and v.rule == "opening_verb" and not any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
            continue  # its quotation is its report: 'Asked about X, he replied: "..."' reports no more
        if _setting_participle(tok):
            continue
        who2, cue2 = _who_span(subj, antecedent), _cue_span(tok)
        if v.who_at and _following(tok, covered):
            who2 = v.who_at  # rule following_report: the participle after a report is its speaker's next one
        rest = _said(sent, tok, who2, cue2)
        if not rest or any(a <= who2[0] < b for a, b in covered):
            continue
        covered.append(rest[1:])
        if is_first and any(a < rest[2] and rest[1] < b for a, b, _ in found):
            continue  # what the first cue's quotation marks already hold
        # rule same_speaker: "She called it a betrayal, saying ...": the one who spoke first, as named there
        same = who2 == v.who_at and v.speaker
        speaker2 = (
            v.speaker
            if same
            else _who(sent, (tok, subj, antecedent), r.inside, r.last_person_before, r.speaking_before, keep_pronoun=False)
        )
        cue_words = sent.text[cue2[0] : cue2[1]]
        more.append(_record(sent, rest[1], _kind(rest[0], tok), rest[1:], speaker2, cue_words, who2, cue2, "cue_verb"))
    return more
