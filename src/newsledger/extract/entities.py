"""Named-entity mentions, merged across articles into entities with their aliases.

Merging is by a normalised key (case, punctuation, hyphens, honorifics and titles removed;
final "-ey" read as "-ei" in personal names, so Sergey and Sergei meet), a small table of
country and body abbreviations, and, for a one-word personal name ("Kim", "Lavrov"), the
full name it shortens: the latest one mentioned before it in the same article, else the only
(or most mentioned) full name in the corpus containing it. Two full names that differ
(Kim Jong Un, Kim Ju-ae) never merge.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from newsledger.model import Mention, content_id
from newsledger.run.executors import GroupMap, group_in_memory

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


def key_of(text: str, label: str) -> str:
    t = re.sub(r"['’]s$", "", text.strip())
    t = re.sub(r"[.\-‐–]", " ", t.lower())
    toks = re.findall(r"\w+", t)
    if label == "PERSON":
        while len(toks) > 1 and toks[0] in TITLES:
            toks = toks[1:]
        toks = [re.sub(r"ey$", "ei", w) for w in toks]
        toks = [w for w in toks if len(w) > 1 or len(toks) == 1]
    elif toks and toks[0] == "the":
        toks = toks[1:]
    key = " ".join(toks)
    return ALIASES.get(key, key)


@dataclass
class Entity:
    id: str
    name: str
    label: str
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    articles: list[str] = field(default_factory=list)


def merge(mentions: Iterable[Mention], group_map: GroupMap = group_in_memory) -> list[Entity]:
    """Give every mention an ``entity_id`` and return the entities, most mentioned first.

    Two shuffles an executor can spread: full personal names keyed by each of their words (which
    full name a one-word name stands for, which words are surnames), then mentions keyed by
    their entity (its aliases, articles and name). Between them, a pass in reading order
    resolves a one-word name to the last full name before it in its article."""
    ms = list(mentions)
    keys = [key_of(m.text, m.label) for m in ms]
    words = dict(
        group_map(
            _name_word,
            ((w, (w, k)) for m, k in zip(ms, keys, strict=True) if m.label == "PERSON" and " " in k for w in set(k.split())),
            min_size=1,
        )
    )  # word -> (the most mentioned full name holding it, whether it ends one)
    # the tagger sometimes calls a surname an organisation or a place ("Trump" as ORG): a one-word
    # name that ends a person's full name is that person
    for i, m in enumerate(ms):
        if m.label in ("ORG", "GPE", "NORP") and " " not in keys[i] and words.get(keys[i], ("", False))[1]:
            m.label = "PERSON"
            keys[i] = key_of(m.text, m.label)
    latest_full: dict[str, str] = {}  # per article: last full name seen containing a word
    current_article = None
    keyed = []
    for i, (m, k) in enumerate(zip(ms, keys, strict=True)):
        if m.article_id != current_article:
            current_article, latest_full = m.article_id, {}
        if m.label == "PERSON" and " " in k:
            for w in k.split():
                latest_full[w] = k
        elif m.label == "PERSON" and k:
            k = latest_full.get(k) or words.get(k, (k, False))[0]
        if k:
            eid = content_id(LABEL_GROUP.get(m.label, m.label), k)
            keyed.append((eid, (i, eid, m.text, m.label, m.article_id)))
    ranked = sorted(group_map(_entity_of, keyed, min_size=1))
    for _, ent, members in ranked:
        for i in members:
            ms[i].entity_id = ent.id
    return [ent for _, ent, _ in sorted(ranked, key=lambda r: (-r[1].mentions, r[1].name, r[0]))]


def _name_word(pairs: list[tuple[str, str]]) -> list[tuple[str, tuple[str, bool]]]:
    """One word's full names (a pair per mention): the most mentioned, and whether the word ends any."""
    word = pairs[0][0]
    counts = Counter(full for _, full in pairs)
    best = max((n, full) for full, n in counts.items())[1]
    return [(word, (best, any(full.split()[-1] == word for full in counts)))]


def _entity_of(members: list[tuple[int, str, str, str, str]]) -> list[tuple[int, Entity, list[int]]]:
    """One entity from its mentions (reading position, entity id, text, label, article), with
    its first position and its mentions' positions."""
    members = sorted(members)
    first, eid, text, label, _ = members[0]
    ent = Entity(eid, text, label)
    names: Counter[str] = Counter()
    for _, _, text, _, article_id in members:
        ent.mentions += 1
        if text not in ent.aliases:
            ent.aliases.append(text)
        if article_id not in ent.articles:
            ent.articles.append(article_id)
        names[re.sub(r"['’]s$", "", text)] += 1
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
    for k, e in people:
        for w in k.split():
            by_word[w].append(e)
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
            return max(by_word[words[0]], key=lambda e: e.mentions).name
        for pk, e in people:  # "Yasir Atalan a data fellow at CSIS" starts with a known name
            if k.startswith(pk + " "):
                return e.name
        return name

    return resolve
