"""Stories: the articles that tell the same developing event or issue, grouped online.

Each article is a weighted bag of what it is about: the content words of its title and text and,
weighted higher, the names it mentions (people, organisations, places, as the entity keys of
``extract/entities.key_of`` write them, so "Ri Sol-gang" and "Ri Sol Gang" meet). Weights are
TF-IDF (sublinear term counts), the vector cut to its strongest terms. The document frequency of
a term is the ledger's own count plus a prior of ``PRIOR_DOCS`` pseudo-articles in which it
appears as often as general English has it (wordfreq's word frequencies): in a small ledger all
about one strike, "Halden" is still a rarer, more telling word than "said"; in a large one the
ledger's own counts take over.

Articles are taken one at a time, oldest publication first (an undated one after the dated,
ties by the text's hash, so where the inputs sit never matters), and each joins the story whose
centroid it is most similar to, or starts one when none is similar enough (``JOIN_AT``). A story's
dates weigh in: an article published far outside a story's span needs a closer match to join it
(``time_factor``), so two events of one kind years apart (two earthquakes, two trials) stay two
stories unless their words tie them. A duplicate joins its original's story.

Stories are kept in the ledger: a later build only places articles that have none, so an
article never changes story, and a rebuild of the same inputs gives the same stories. The
document frequencies are kept too (``term_df``) and grow with each build.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
import sys
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from sys import intern

from newsledger.extract.entities import key_of
from newsledger.model import content_id

JOIN_AT = 0.3  # cosine between an article and a story's centroid needed to join it
TOP_TERMS = 60  # an article's vector keeps its strongest terms
CENTROID_TERMS = 150  # a story's centroid keeps its strongest terms
CANDIDATE_TERMS = 12  # stories sharing one of an article's strongest terms are compared with it
TITLE_WEIGHT = 2.0  # a title word counts as this many body words
NAME_WEIGHT = 2.0  # a name counts as this many words
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
CLOSE_DAYS = 10  # an article this close to a story's span is in its time
FAR_DAYS = 365  # ... this far outside it needs twice the similarity
WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]+")


@dataclass
class StoryInput:
    """What stories are made from: one article's words, names and date."""

    id: str
    title: str | None
    text: str
    published: str | None  # a publication date (not a date merely mentioned)
    outlet: str | None
    names: list[str] = field(default_factory=list)  # entity keys of its mentions, "PERSON:marta bellini"
    duplicate_of: str | None = None
    story_id: str | None = None  # already placed by an earlier build
    era: str | None = None  # when it is about: its publication, else the latest date it mentions (a floor)

    def __post_init__(self) -> None:
        self.era = self.era or self.published


@dataclass
class Story:
    id: str
    title: str | None
    first_published: str | None = None
    last_published: str | None = None
    first_source: str | None = None
    outlets: list[str] = field(default_factory=list)
    articles: int = 0
    terms: dict[str, float] = field(default_factory=dict)  # centroid: summed article vectors, cut to CENTROID_TERMS
    era_first: str | None = None  # the span of its articles' eras (publication, else a mentioned date): for time_factor
    era_last: str | None = None


def story_record(story: Story) -> dict[str, object]:
    """A story as an export row (its centroid stays in the ledger)."""
    return {
        "story_id": story.id,
        "title": story.title,
        "first_published": story.first_published,
        "last_published": story.last_published,
        "first_source": story.first_source,
        "outlets": story.outlets,
        "articles": story.articles,
    }


def _lead(text: str, limit: int = 100) -> str | None:
    """A story's title where its articles have none: the first sentence, cut at a word."""
    first = re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)[0] if text.strip() else ""
    if len(first) <= limit:
        return first or None
    return first[:limit].rsplit(" ", 1)[0] + "…"


def _stem(word: str) -> str:
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # imported when stories are made, not when the ledger is opened

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=1 << 16)  # a word's term is looked up, not remade, at each of its uses (let go with the priors)
def _term(word: str) -> str | None:
    """A written word as a story term (stemmed, interned: one string however many centroids hold
    it), or None for a stop word or one of two letters."""
    w = _stem(word)
    return intern(w) if len(w) > 2 and w not in _stop_words() else None


def terms_of(item: StoryInput) -> Counter[str]:
    """Weighted term counts: title words, body words, names."""
    counts: Counter[str] = Counter()
    for weight, text in ((TITLE_WEIGHT, item.title or ""), (1.0, item.text)):
        for word in WORD.findall(text):
            if (term := _term(word)) is not None:
                counts[term] += weight
    for name in item.names:
        counts[intern(f"@{name}")] += NAME_WEIGHT
    return counts


def name_key(text: str, label: str) -> str | None:
    """A mention as a story feature: its entity key with its kind ("PERSON:marta bellini")."""
    if label not in NAME_LABELS:
        return None
    k = key_of(text, label)
    return f"{'PLACE' if label in ('GPE', 'LOC') else label}:{k}" if k else None


PRIOR_DOCS = 1000  # pseudo-articles of general English behind every document frequency
ARTICLE_WORDS = 400  # words in a typical article, to turn a word's frequency into a document frequency


@lru_cache(maxsize=200_000)  # bounded: a ledger's vocabulary grows with it
def prior_share(term: str) -> float:
    """The share of general English articles a term appears in: ``1 - exp(-L f)`` for a word of
    frequency ``f``; a name counts its rarest word."""
    from wordfreq import word_frequency

    words = WORD.findall(term.split(":", 1)[-1]) or [term]
    f = min(word_frequency(w, "en", minimum=1e-9) for w in words)
    return 1.0 - math.exp(-ARTICLE_WORDS * f)


def release_priors(stories: list[Story]) -> None:
    """Let go of what only placing stories reads, once the stories are stored: wordfreq's tables
    (~27 MB, loaded again by the next build that places stories), the prior cache and every story's
    centroid (the ledger keeps it)."""
    prior_share.cache_clear()
    _term.cache_clear()
    if "wordfreq" in sys.modules:
        wordfreq = sys.modules["wordfreq"]
        wordfreq.get_frequency_dict.cache_clear()
        wordfreq.get_frequency_list.cache_clear()
        getattr(wordfreq, "_wf_cache", {}).clear()  # its own cache of looked-up words
    for st in stories:
        st.terms = {}


def idf(term: str, df: dict[str, int], n_docs: int) -> float:
    return math.log((n_docs + PRIOR_DOCS + 1) / (df.get(term, 0) + PRIOR_DOCS * prior_share(term) + 1)) + 1


def vector(counts: Counter[str], df: dict[str, int], n_docs: int) -> dict[str, float]:
    """TF-IDF (1 + log tf, idf with the English prior), L2-normalised, cut to its ``TOP_TERMS`` strongest terms."""
    weights = {t: (1 + math.log(c)) * idf(t, df, n_docs) for t, c in counts.items() if c > 0}
    top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TERMS]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {t: w / norm for t, w in top}


def _days(a: str, b: str) -> int:
    def d(x: str) -> date:
        parts = [int(p) for p in x[:10].split("-")]
        return date(parts[0], parts[1] if len(parts) > 1 else 7, parts[2] if len(parts) > 2 else 1)

    return abs((d(a) - d(b)).days)


def time_factor(story: Story, when: str | None) -> float:
    """1 for an article within ``CLOSE_DAYS`` of the story's span (or either undated), falling
    to 0.5 at ``FAR_DAYS`` outside it: far apart needs a closer match. The span and the article's
    time are eras: publication dates, else the latest date a text mentions, so two events of one
    kind years apart stay apart even where the articles carry no date of their own."""
    first, last = story.era_first or story.first_published, story.era_last or story.last_published
    if not when or not first or not last:
        return 1.0
    if first <= when <= last:
        return 1.0
    gap = min(_days(when, first), _days(when, last))
    if gap <= CLOSE_DAYS:
        return 1.0
    return 1.0 - 0.5 * min(1.0, (gap - CLOSE_DAYS) / (FAR_DAYS - CLOSE_DAYS))


def similarity(vec: dict[str, float], terms: dict[str, float]) -> float:
    """Cosine of an article's vector and a story's centroid ``terms``."""
    norm = math.sqrt(sum(w * w for w in terms.values())) or 1.0
    return sum(w * terms.get(t, 0.0) for t, w in vec.items()) / norm


CENTROIDS_KEPT = 1024  # story centroids held in memory while placing; the rest wait in a temporary table


class Centroids:
    """Every story's centroid while stories are placed: the ``keep`` most recently used in memory,
    the others in a private temporary SQLite database (on disk), read back when a story is a
    candidate again. A far story can still join (``time_factor`` halves a score, never zeroes it),
    so a centroid is set aside, never forgotten; JSON keeps its floats exactly."""

    def __init__(self, keep: int = CENTROIDS_KEPT) -> None:
        self.keep = keep
        self.hot: OrderedDict[str, dict[str, float]] = OrderedDict()
        self.db = sqlite3.connect("")  # "": a temporary database, deleted when closed
        self.db.execute("CREATE TABLE centroid (id TEXT PRIMARY KEY, terms TEXT NOT NULL)")

    def __getitem__(self, story_id: str) -> dict[str, float]:
        terms = self.hot.get(story_id)
        if terms is not None:
            self.hot.move_to_end(story_id)
            return terms
        row = self.db.execute("SELECT terms FROM centroid WHERE id = ?", (story_id,)).fetchone()
        terms = {intern(t): w for t, w in json.loads(row[0]).items()} if row else {}
        self[story_id] = terms
        return terms

    def __setitem__(self, story_id: str, terms: dict[str, float]) -> None:
        self.hot[story_id] = terms
        self.hot.move_to_end(story_id)
        while len(self.hot) > self.keep:
            old, kept = self.hot.popitem(last=False)
            self.db.execute("INSERT OR REPLACE INTO centroid VALUES (?, ?)", (old, json.dumps(kept, ensure_ascii=False)))

    def close(self) -> None:
        self.hot.clear()
        self.db.close()


def _order(item: StoryInput) -> tuple[bool, str, str]:
    return (item.era is None, item.era or "", content_id(item.text))


def _assign(
    order: list[tuple[tuple[bool, str, str], str]],
    copies: list[tuple[str, str, str | None]],
    placed: dict[str, str],
    stories: list[Story],
    df: dict[str, int],
    n_docs: int,
    fetch: Callable[[str], StoryInput],
    centroids: Centroids,
) -> None:
    """Place the originals of ``order`` (their ``_order`` keys and ids), each read whole by
    ``fetch`` only when its turn comes, then the ``copies`` (id, original, outlet) in their
    originals' stories; ``placed`` (article id -> story id, the ledger's so far) and ``stories``
    (kept ones first, new ones appended) are updated in place. ``df`` and ``n_docs`` are the
    document frequencies over the whole ledger, these articles included."""
    by_id = {s.id: s for s in stories}
    index: dict[str, list[str]] = {}  # term -> the stories whose centroid holds or held it (lists: a set costs 4x)
    for s in stories:
        _index(index, s, s.terms)
        centroids[s.id] = s.terms
        s.terms = {}  # held by ``centroids`` while placing, at most ``keep`` at a time
    for _, aid in sorted(order):
        item = fetch(aid)
        vec = vector(terms_of(item), df, n_docs)
        strongest = sorted(vec, key=lambda t: (-vec[t], t))[:CANDIDATE_TERMS]
        candidates = sorted({sid for t in strongest for sid in index.get(t, ())})
        best, best_score = None, JOIN_AT
        for sid in candidates:
            score = similarity(vec, centroids[sid]) * time_factor(by_id[sid], item.era)
            if score >= best_score:
                best, best_score = by_id[sid], score
        if best is None:
            best = Story(id=content_id("story", item.id), title=item.title or _lead(item.text))
            stories.append(best)
            by_id[best.id] = best
            centroids[best.id] = {}
        before = centroids[best.id]
        centroids[best.id] = terms = _join(best, before, item, vec)
        _index(index, best, [t for t in terms if t not in before])
        placed[item.id] = best.id
    waiting = [c for c in copies if c[0] not in placed]
    while waiting:  # a duplicate tells its original's story (an exact copy of a near copy: once that one is placed)
        ready = [c for c in waiting if c[1] in placed]
        for aid, original, outlet in ready:
            story = by_id[placed[original]]
            story.articles += 1
            _add_outlet(story, outlet)
            placed[aid] = story.id
        if not ready:
            raise ValueError(f"duplicates of articles not in the ledger: {sorted(c[0] for c in waiting)[:5]}")
        waiting = [c for c in waiting if c[0] not in placed]


def _index(index: dict[str, list[str]], story: Story, terms: Iterable[str]) -> None:
    """Index ``story`` under the ``terms`` its centroid has newly taken (a term it drops and takes
    again lists it twice: candidates are a set)."""
    for t in terms:
        index.setdefault(t, []).append(story.id)


def _add_outlet(story: Story, outlet: str | None) -> None:
    if outlet and outlet not in story.outlets:
        story.outlets.append(outlet)
        story.outlets.sort()


def _join(story: Story, centroid: dict[str, float], item: StoryInput, vec: dict[str, float]) -> dict[str, float]:
    """Add an article to a story: its counts, outlets, span and title; returns the story's new
    centroid (``centroid`` plus the article's vector, cut to its strongest terms)."""
    story.articles += 1
    _add_outlet(story, item.outlet)
    if item.era:
        story.era_first = min(story.era_first or item.era, item.era)
        story.era_last = max(story.era_last or item.era, item.era)
    if item.published:
        if not story.first_published or item.published < story.first_published:
            story.first_published = item.published
            story.first_source = item.outlet
            story.title = item.title or story.title or _lead(item.text)
        story.last_published = max(story.last_published or item.published, item.published)
    if item.title and (not story.title or story.title.endswith((".", "…"))):
        story.title = item.title  # a headline rather than a lead sentence
    terms = dict(centroid)
    for t, w in vec.items():
        terms[t] = terms.get(t, 0.0) + w
    return dict(sorted(terms.items(), key=lambda kv: (-kv[1], kv[0]))[:CENTROID_TERMS])


def place_new(
    items: Iterable[StoryInput],
    stories: list[Story],
    df: dict[str, int],
    n_docs: int,
    fetch: Callable[[str], StoryInput] | None = None,
    centroids: Centroids | None = None,
) -> tuple[dict[str, str], dict[str, int], int]:
    """Place the items that have no story: their story ids, the document frequencies their terms
    add, and the new article count (for ``Ledger.set_stories``).

    The stories' centroids move into ``centroids`` (their ``terms`` emptied) and stay there for
    the caller to store; without ``centroids`` they are held in memory and put back on the stories.

    ``items`` is read once, as a stream; each article to place is then read again whole with
    ``fetch`` (by id) when its turn comes, so that no text is held between (without ``fetch``,
    ``items`` is kept as a list). A duplicate whose original is not in the ledger is placed as an
    original (its terms are not counted). ``df`` is updated in place with the new articles' terms."""
    if fetch is None:
        items = list(items)
        fetch = {i.id: i for i in items}.__getitem__
    placed: dict[str, str] = {}
    order: list[tuple[tuple[bool, str, str], str]] = []
    copies: list[tuple[str, str, str | None]] = []
    added: Counter[str] = Counter()
    for i in items:
        if i.story_id:
            placed[i.id] = i.story_id
        elif i.duplicate_of:
            copies.append((i.id, i.duplicate_of, i.outlet))
        else:  # the terms are counted again where each item is placed: no map of every article's terms is held
            added.update(set(terms_of(i)))
            order.append((_order(i), i.id))
    new = len(order)
    unplaced = [i for _, i in order] + [c for c, _, _ in copies]
    ids = {*unplaced, *placed}
    order += [(_order(fetch(c)), c) for c, original, _ in copies if original not in ids]
    for t, n in added.items():  # ``df`` takes the new counts in place: a second map of the vocabulary costs as much again
        df[t] = df.get(t, 0) + n
    held = centroids or Centroids(keep=sys.maxsize)
    _assign(order, copies, placed, stories, df, n_docs + new, fetch, held)
    if centroids is None:
        for st in stories:
            st.terms = held[st.id]
        held.close()
    return {aid: placed[aid] for aid in unplaced}, dict(added), n_docs + new
