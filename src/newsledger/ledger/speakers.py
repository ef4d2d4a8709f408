"""Who a quote's speaker is: an entity of the ledger with the role the article gives it, or a
kind of speaker that is no one in particular.

The speaker's words are read as a noun phrase: its head is the last word of its first part (up
to an apposition's comma, a bracket or a preposition), so "Jonas Lind, a professor at ..." has
"Jonas Lind" and "Harbor Authority analysts" has "analysts". Rules, in order (each a name in ``rule``):

* ``named``: a person, organisation or place the model tagged covers the head: that entity
  speaks, and the rest of the words are its role ("White House press secretary", "a professor
  at ...");
* ``pronoun``: the speaker was resolved from a pronoun: the entity the name stands for;
* ``document``: the head is a text or record that speaks for someone ("a statement", "data",
  "a study by the institute");
* ``body``: the head is an unnamed body ("the ministry", "the administration");
* ``anonymous``: the head is a person described, not named ("officials", "a European
  diplomat", "experts"), with any organisation or place named in the phrase as affiliation;
* ``other``: none of these: the parse took something else for a speaker ("a sharp rise in
  ferry fares"); it is kept, with this kind, and never shown as a person.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from newsledger.extract import language
from newsledger.model import Entity, QuoteRow

QUANTIFIERS = {"many", "some", "most", "several", "all", "few", "one", "two", "three", "none", "each", "both", "half"}
PREPOSITIONS = {"of", "in", "at", "for", "from", "with", "on", "by", "about", "to", "over", "under", "who", "that", "which"}
PRONOUNS = language.PRONOUNS | {"them", "his", "its", "their"}  # a speaker written as a pronoun
NAMED_LABELS = {"PERSON": "person", "ORG": "organisation", "GPE": "organisation", "NORP": "organisation", "FAC": "organisation"}
WORD = re.compile(r"[\w'’.\-]+")


@dataclass
class Speaker:
    kind: str  # person | organisation | document | body | anonymous | other | none
    rule: str
    entity_id: str | None = None
    name: str | None = None  # the entity's name, or the words as written for a speaker that is no entity
    role: str | None = None  # what the article calls it besides its name ("regional governor")
    affiliation: str | None = None  # an organisation or place named in an anonymous speaker's phrase


def _first_part(words: str) -> str:
    """The phrase before an apposition ("Jonas Lind, a professor at ..."), a bracket or a dash;
    a comma inside a list ("Danish, Norwegian and Swedish officials") does not end it."""
    part = re.split(r"\(|\s[-–—]\s", words, maxsplit=1)[0]
    head, sep, rest = part.partition(",")
    if sep and not (" and " in rest and not re.match(r"\s*(?:a|an|the|who|which)\b", rest, re.IGNORECASE)):
        return head
    return part


def _head(words: str) -> tuple[str, int]:
    """The head word of a speaker phrase and its offset in the phrase."""
    toks = [(m.group(), m.start()) for m in WORD.finditer(_first_part(words))]
    cut = next((i for i, (t, _) in enumerate(toks) if i and t.lower() in PREPOSITIONS), len(toks))
    if cut and toks[cut - 1][0].lower() in QUANTIFIERS and cut < len(toks) and toks[cut][0].lower() == "of":
        after = [t for t in toks[cut + 1 :] if t[0].lower() not in PREPOSITIONS]  # "some of the residents": residents
        return after[-1] if after else toks[cut - 1]
    return toks[cut - 1] if cut else ("", 0)


def _role(words: str, name_start: int, name_end: int) -> str | None:
    rest = f"{words[:name_start]} {words[name_end:]}"
    rest = re.sub(r"\([^)]*\)?", " ", re.sub(r"['’]s\b", "", rest))
    rest = re.sub(r"^[\s,;:()\-–—]+|[\s,;:()\-–—]+$", "", re.sub(r"\s+", " ", rest))
    rest = re.sub(r"^(?:the|a|an)\b\s*", "", rest, flags=re.IGNORECASE)
    return rest or None


def _kind_of_head(head: str) -> str | None:
    low = head.lower()
    if low in language.DOCUMENT_HEADS:
        return "document"
    if low in language.BODY_HEADS:
        return "body"
    if language.human_head(low):
        return "anonymous"
    return None


def identify(
    quote: QuoteRow,
    mentions: list[tuple[int, int, str | None, str]],
    entities: dict[str, Entity],
    resolve: Callable[[str | None], str | None],
    by_name: dict[str, Entity],
) -> Speaker:
    """The speaker of one quote row. ``mentions`` are its article's (start, end, entity id, label)."""
    said = quote.get("speaker")
    if not said:
        return Speaker("none", "none")
    s0, s1, base = quote.get("speaker_start"), quote.get("speaker_end"), quote["sentence_start"]
    written = said
    if s0 is not None and s1 is not None and base <= s0 and s1 <= base + len(quote["sentence"]):
        written = quote["sentence"][s0 - base : s1 - base]
    pronoun = written.strip().lower() in PRONOUNS
    inside: list[tuple[int, int, str | None, str]] = []
    if s0 is not None and s1 is not None and not pronoun:
        inside = [m for m in mentions if s0 <= m[0] and m[1] <= s1 and m[2] in entities]
        first_end = s0 + len(_first_part(written))
        head, at = _head(written)
        appositive = re.match(r",\s*", written[first_end - s0 :])  # "The baker, Jonas Lind, said"
        name_end = first_end + (appositive.end() if appositive else 0)
        person = [
            m for m in inside
            if (m[1] <= first_end or (appositive and m[0] == name_end)) and entities[m[2]].label == "PERSON"  # type: ignore[index]
            and not re.match(r"['’]s\b", written[m[1] - s0 : m[1] - s0 + 2])  # a possessor does not speak: "the mayor's visit"
        ]  # fmt: skip
        cover = person[-1:] or [m for m in inside if m[0] <= s0 + at < m[1] and m[3] in NAMED_LABELS]
        if cover:
            start, end, eid, label = cover[0]
            ent = entities[eid]  # type: ignore[index]
            kind = "person" if ent.label == "PERSON" else NAMED_LABELS.get(label, "organisation")
            return Speaker(kind, "named", ent.id, ent.name, _role(written, start - s0, end - s0))
    phrase = written if not pronoun and len(written) >= len(said) else said
    head, _ = _head(phrase)
    for name in (_first_part(phrase).strip(), head):
        ent = by_name.get(resolve(name) or "")
        if ent is not None:
            kind = "person" if ent.label == "PERSON" else "organisation"
            return Speaker(kind, "pronoun" if pronoun else "named", ent.id, ent.name)
    kind = _kind_of_head(head)
    if kind:
        named = [entities[m[2]].name for m in inside if entities[m[2]].label != "PERSON"]  # type: ignore[index]
        return Speaker(kind, kind, None, phrase.strip(), None, named[0] if named else None)
    return Speaker("other", "other", None, said)


def speakers_of(
    quotes: Iterable[QuoteRow],
    mentions_of: Callable[[str], list[tuple[int, int, str | None, str]]],
    entities: list[Entity],
    resolve: Callable[[str | None], str | None],
) -> Iterator[QuoteRow]:
    """Each quote row with ``speaker_kind``, ``speaker_rule``, ``speaker_entity_id``, ``speaker_name``,
    ``speaker_role`` and ``speaker_affiliation`` added, as the rows stream by (none is held).
    ``mentions_of`` gives an article's mentions as (start, end, entity id, label), in text order;
    it is asked once per article of a run of quotes (``Ledger.mention_spans``: no map of every
    article's mentions is held)."""
    article, spans = None, []
    ents = {e.id: e for e in entities}
    by_name: dict[str, Entity] = {}
    for e in sorted(entities, key=lambda e: -e.mentions):
        by_name.setdefault(e.name, e)
    for q in quotes:
        if q["article_id"] != article:
            article, spans = q["article_id"], mentions_of(q["article_id"])
        sp = identify(q, spans, ents, resolve, by_name)
        q.update(
            speaker_kind=sp.kind, speaker_rule=sp.rule, speaker_entity_id=sp.entity_id, speaker_name=sp.name,
            speaker_role=sp.role, speaker_affiliation=sp.affiliation,
        )  # fmt: skip
        yield q
