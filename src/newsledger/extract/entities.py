"""Named-entity mentions, merged across articles into entities with their aliases.

Merging is by a normalised key (case, punctuation, hyphens, honorifics and titles removed;
final "-ey" read as "-ei" in personal names, so Sergey and Sergei meet), a small table of
country and body abbreviations, and, for a one-word personal name ("Kim", "Lavrov"), the
full name it shortens: the latest one mentioned before it in the same article, else the one
candidate of its story (or one that dominates it), else of the corpus; with rivals it stays
itself. Two full names that differ (Ri Sol-gang, Ri Ok-hwa; George H.W. Bush, George W. Bush;
A. J. Smith, Matt Smith) never merge; "Marchenko-Orlov" names a pair, not a person.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any

from newsledger.model import Entity, Mention, article_of, content_id
from newsledger.shuffle import GroupMap, group_in_memory

TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "president", "prime", "minister", "foreign", "defense", "defence", "leader",
    "secretary", "general", "gen", "sen", "senator", "rep", "gov", "governor", "king", "queen", "chairman", "premier",
    "deputy", "state", "chancellor", "pope", "sir", "lady", "lord", "the",
}  # fmt: skip
ALIASES = {
    "us": "united states", "u s": "united states", "usa": "united states", "u s a": "united states", "america": "united states",
    "the united states": "united states", "uk": "united kingdom", "u k": "united kingdom", "britain": "united kingdom",
    "great britain": "united kingdom", "un": "united nations", "u n": "united nations", "eu": "european union",
    "dprk": "north korea", "rok": "south korea", "prc": "china", "russian federation": "russia",
}  # fmt: skip
LABEL_GROUP = {"GPE": "PLACE", "LOC": "PLACE"}

# rule honorific_person: a courtesy title written before a capitalised name makes it a person's
# ("Mr Adeyemi", "Dr. Priya Natarajan", "Dame Ines Mora"), whatever the model called it (it reads
# names it has not met as places or bodies); titles that also name offices or contests ("Lord
# Chancellor", "Miss World") are not among them
HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sir|Dame)\.?[ \t]+(?=[A-Z])")
NAME_WORD = re.compile(r"[A-Z](?:[\w'’-]*\w|\.)")  # a capitalised word or an initial ("J.")
NOT_NAME_WORDS = {"Of", "The", "And", "In", "On", "At", "To", "For", "Says", "Said", "Is", "Was", "Has", "Will"}


def _name_after(text: str, at: int) -> int:
    """Where the capitalised name that starts at ``at`` ends: up to three capitalised words or
    initials, no possessive "'s", no word that a Title Case headline capitalises ("Of", "Says")."""
    end = pos = at
    for _ in range(3):
        m = NAME_WORD.match(text, pos)
        if m is None or m.group(0) in NOT_NAME_WORDS:
            break
        end = m.end()
        if m.group(0).endswith(("'s", "’s")):
            return end - 2  # a possessive ends the name ("Mr Brown's Budget")
        if text[end : end + 1] != " ":
            break
        pos = end + 1
    return end


def honorific_people(text: str, ents: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """``ents`` (start, end, label, text) with the names after a courtesy title as people (rule
    honorific_person): an entity that lies within the title and its name becomes a PERSON; a name
    the model missed is added, without its title."""
    out = list(ents)
    for m in HONORIFIC.finditer(text):
        end = _name_after(text, m.end())
        if end <= m.end():
            continue
        inside = [k for k, (a, b, _, _) in enumerate(out) if m.start() <= a < end and b <= end]
        if any(a < end and m.start() < b for k, (a, b, _, _) in enumerate(out) if k not in inside):
            continue  # an entity that runs past the name is something else ("Dr Martens boots" stays the model's)
        if inside:
            for k in inside:
                a, b, _, words = out[k]
                out[k] = (a, b, "PERSON", words)
        else:
            out.append((m.end(), end, "PERSON", text[m.end() : end]))
    return sorted(out)


@lru_cache(maxsize=4096)  # the names an article and its neighbours repeat; small, as a corpus's names grow without end
def key_of(text: str, label: str) -> str:
    """A name's merge key: one string per key, shared by every mention that has it."""
    t = re.sub(r"['’]s$", "", text.strip())
    t = re.sub(r"(?<=\w)['’](?=\w)", "", t)  # "O'Driscoll" is one word, not an initial and a name
    t = re.sub(r"[.\-‐–]", " ", t.lower())
    toks = re.findall(r"\w+", t)
    if label == "PERSON":
        while len(toks) > 1 and toks[0] in TITLES:
            toks = toks[1:]
        toks = [re.sub(r"ey$", "ei", w) for w in toks]  # initials are kept: "George H.W. Bush" is not "George W. Bush"
    elif toks and toks[0] == "the":
        toks = toks[1:]
    key = " ".join(toks)
    return sys.intern(ALIASES.get(key, key))


DOMINANT = 3.0  # a bare surname stands for the one full name mentioned this many times more than any other
PAIR = re.compile(r"^([A-Z][\w'’]+)[-‐–]([A-Z][\w'’]+)$")  # "Marchenko-Orlov": two people named as a pair


def merge(
    mentions: Iterable[Mention], group_map: GroupMap = group_in_memory, story_of: Callable[[str], str | None] | None = None
) -> list[Entity]:
    """Give every mention an ``entity_id`` and return the entities, most mentioned first.

    Two shuffles an executor can spread: full personal names keyed by each of their words (which
    full names a one-word name may stand for, in which stories, which words are surnames), then
    mentions keyed by their entity (its aliases, articles and name). Between them, a pass in
    reading order resolves a one-word name to the last full name before it in its article, else
    to the one candidate of its story (``story_of`` an article id; without it the corpus is one
    story), else to the one candidate of the corpus; a name with rival candidates stays itself.
    Full names whose written given names or initials disagree are different people ("George
    H.W. Bush", "George W. Bush"); a name without initials joins the one variant with them."""
    ms = list(mentions)
    story = story_of or (lambda _aid: None)
    keys = _keys(ms)
    words = dict(
        group_map(
            _name_word,
            (
                (w, (w, k, story(article_of(m.article_id)) or ""))
                for m, k in zip(ms, keys, strict=True)
                if m.label == "PERSON" and " " in k
                for w in set(k.split())
            ),
            min_size=1,
        )
    )  # word -> ({full name: {story: mentions}}, whether the word ends one)
    _surnames_are_people(ms, keys, words)
    keyed = _resolved(ms, keys, words, story)
    ranked = sorted(group_map(_entity_of, keyed, min_size=1))
    for _, ent, members in ranked:
        for i in members:
            ms[i].entity_id = ent.id
    return [ent for _, ent, _ in sorted(ranked, key=lambda r: (-r[1].mentions, r[1].name, r[0]))]


def _keys(ms: list[Mention]) -> list[str]:
    """Each mention's entity key; "" for a pair of people's names ("Marchenko-Orlov" names two
    people, not a third); full names with and without initials settled; one kind per name."""
    keys = [key_of(m.text, m.label) for m in ms]
    person_words = {k.split()[-1] for m, k in zip(ms, keys, strict=True) if m.label == "PERSON" and k}
    for i, m in enumerate(ms):
        pair = PAIR.match(m.text.strip())
        if m.label == "PERSON" and pair and all(key_of(p, "PERSON") in person_words for p in pair.groups()):
            keys[i] = ""
    keys = _with_initials(ms, keys)
    _one_kind_per_name(ms, keys)
    return keys


def _surnames_are_people(ms: list[Mention], keys: list[str], words: dict[str, Any]) -> None:
    """The tagger sometimes calls a surname an organisation or a place ("Trump" as ORG): a one-word
    name that ends a person's full name is that person, and so is a full name it tags a person
    elsewhere ("Marta Bellini" once as ORG)."""
    full_people = {k for m, k in zip(ms, keys, strict=True) if m.label == "PERSON" and " " in k}
    for i, m in enumerate(ms):
        one_word_surname = " " not in keys[i] and keys[i] in words and words[keys[i]][1]
        if m.label in ("ORG", "GPE", "NORP") and (one_word_surname or key_of(m.text, "PERSON") in full_people):
            m.label = "PERSON"
            keys[i] = key_of(m.text, m.label)


def _resolved(
    ms: list[Mention], keys: list[str], words: dict[str, Any], story: Callable[[str], str | None]
) -> Iterator[tuple[str, tuple[int, str, str, str, str]]]:
    """Mentions keyed by their entity id, in reading order, as they are resolved (a stream the
    shuffle groups: no list of every keyed mention): a one-word name is the last full name
    before it in its article ending in that word (a surname: "Smith" after "Jane Smith"), else the
    one candidate of its story, else the last full name holding the word anywhere ("Ri" after "Ri
    Ok-hwa": a family name written first, which relatives share, so the story's bearer is asked first)."""
    latest_last: dict[str, str] = {}
    latest_any: dict[str, str] = {}
    ids: dict[tuple[str, str], str] = {}  # one id string per entity, shared by its mentions
    current_article = None
    for i, (m, k) in enumerate(zip(ms, keys, strict=True)):
        if m.article_id != current_article:
            current_article, latest_last, latest_any = m.article_id, {}, {}
        if m.label == "PERSON" and " " in k:
            latest_last[k.split()[-1]] = k
            for w in k.split():
                latest_any[w] = k
        elif m.label == "PERSON" and k:
            in_story = _candidate(words[k][0], story(article_of(m.article_id)) or "") if k in words else None
            k = latest_last.get(k) or in_story or latest_any.get(k) or k
        if k:
            kind = LABEL_GROUP.get(m.label, m.label)
            eid = ids.get((kind, k)) or ids.setdefault((kind, k), content_id(kind, k))
            yield eid, (i, eid, m.text, m.label, m.article_id)


KINDS_OF_PLACE = ("GPE", "LOC", "NORP")


def _one_kind_per_name(ms: list[Mention], keys: list[str]) -> None:
    """A nationality is not a place: a name the model tags now as a place, now as a nationality
    ("Moldovan") takes the kind it is given most often (a tie: a nationality), so it is one
    entity; a plural nationality ("Russians") is its singular where that is written too."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m, k in zip(ms, keys, strict=True):
        if m.label in KINDS_OF_PLACE and k:
            votes[k][m.label] += 1
    nationalities = {k for k, v in votes.items() if "NORP" in v}
    for i, (m, k) in enumerate(zip(ms, keys, strict=True)):
        if m.label not in KINDS_OF_PLACE or not k:
            continue
        ranked = sorted(votes[k].items(), key=lambda kv: (-kv[1], kv[0] != "NORP", kv[0]))
        m.label = ranked[0][0]
        if m.label == "NORP" and k.endswith("s") and k[:-1] in nationalities:
            keys[i] = k[:-1]


def _with_initials(ms: list[Mention], keys: list[str]) -> list[str]:
    """A full name written without middle initials ("George Bush") joins the one variant that
    has them ("George W. Bush"); with two variants ("George H. W. Bush") it stays itself."""
    variants: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m, k in zip(ms, keys, strict=True):
        toks = k.split()
        if m.label == "PERSON" and len(toks) > 2 and all(len(t) == 1 for t in toks[1:-1]):
            variants[(toks[0], toks[-1])].add(k)
    out = []
    for m, k in zip(ms, keys, strict=True):
        toks = k.split()
        v = variants.get((toks[0], toks[-1])) if m.label == "PERSON" and len(toks) == 2 else None
        out.append(next(iter(v)) if v and len(v) == 1 else k)
    return out


def _candidate(cands: dict[str, dict[str, int]], story: str) -> str | None:
    """The full name a one-word name stands for: the one candidate of its story, else of the
    corpus; where several compete, one mentioned ``DOMINANT`` times more than the next."""
    pool = {f: n[story] for f, n in cands.items() if n.get(story)} or {f: sum(n.values()) for f, n in cands.items()}
    ranked = sorted(pool.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) == 1 or ranked[0][1] >= DOMINANT * ranked[1][1]:
        return ranked[0][0]
    return None


def _name_word(triples: list[tuple[str, str, str]]) -> list[tuple[str, tuple[dict[str, dict[str, int]], bool]]]:
    """One word's full names (a triple per mention: word, full name, story): how often each is
    mentioned in each story, and whether the word ends any of them."""
    word = triples[0][0]
    cands: dict[str, dict[str, int]] = {}
    for _, full, story in triples:
        per = cands.setdefault(full, {})
        per[story] = per.get(story, 0) + 1
    return [(word, (dict(sorted(cands.items())), any(full.split()[-1] == word for full in cands)))]


def _entity_of(members: list[tuple[int, str, str, str, str]]) -> list[tuple[int, Entity, list[int]]]:
    """One entity from its mentions (reading position, entity id, text, label, article), with
    its first position and its mentions' positions."""
    members = sorted(members)
    first, eid, text, label, _ = members[0]
    ent = Entity(eid, text, label)
    names: Counter[str] = Counter()
    aliases: dict[str, None] = {}
    articles: dict[str, None] = {}  # in first-mention order, each once (a list searched per mention is quadratic)
    for _, _, text, _, article_id in members:
        aliases[text] = articles[article_id] = None
        names[re.sub(r"['’]s$", "", text)] += 1
    ent.mentions = len(members)
    ent.aliases, ent.articles = list(aliases), list(articles)
    full = Counter({f: n for f, n in names.items() if len(f.split()) > 1}) if label == "PERSON" else Counter()
    ent.name = (full or names).most_common(1)[0][0]  # a person by full name, where one is known
    ent.aliases.sort()
    return [(first, ent, [i for i, *_ in members])]


def resolver(entities: list[Entity]) -> Callable[[str | None], str | None]:
    """Map a name as written ("Kim", "Mr. Kim", "Sergey Lavrov") to its entity's name."""
    by_key: dict[str, Entity] = {}
    for e in entities:
        for alias in e.aliases:
            by_key.setdefault(key_of(alias, e.label), e)
    people = [(key_of(e.name, "PERSON"), e) for e in entities if e.label == "PERSON"]
    by_word: dict[str, list[Entity]] = defaultdict(list)
    by_first: dict[str, list[tuple[str, Entity]]] = defaultdict(list)  # people by their key's first word, in order
    for k, e in people:
        for w in k.split():
            by_word[w].append(e)
        if k:
            by_first[k.split()[0]].append((k, e))
    cache: dict[str, str] = {}

    def resolve(name: str | None) -> str | None:
        if not name:
            return name
        if name not in cache:
            cache[name] = _resolve(name)
        return cache[name]

    def _resolve(name: str) -> str:
        k = key_of(name, "PERSON")
        if k in by_key:
            return by_key[k].name
        words = k.split()
        if len(words) == 1 and by_word.get(words[0]):
            ranked = sorted(by_word[words[0]], key=lambda e: (-e.mentions, e.name))
            if len(ranked) == 1 or ranked[0].mentions >= DOMINANT * ranked[1].mentions:
                return ranked[0].name
            return name
        # "Yasir Atalan a data fellow at CSIS" starts with a known name: only people whose key
        # shares its first word can be a prefix (a scan of every person made this step quadratic)
        for pk, e in by_first.get(words[0], ()) if words else ():
            if k.startswith(pk + " "):
                return e.name
        return name

    return resolve
