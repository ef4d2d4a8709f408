"""The embedded store. A small, versioned schema; every view is a query over it.

Fact tables (claims, quotes, times, events, mentions) point to their article by
``article_id``; a fact found in an image caption has ``<article id>~c<n>`` there, and its
offsets are into that caption (the article id is always the first 16 characters).

Documents are keyed by (content id, source): the same bytes read from two places are two
documents (their articles are then marked duplicates), and re-reading an input already in the
ledger costs nothing, which is what makes builds incremental.
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, fields
from functools import cache
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsledger.ledger.figures import group_record
from newsledger.ledger.stories import Story, StoryInput, name_key
from newsledger.ledger.timeline import event_record
from newsledger.model import (
    ID_LENGTH,
    Article,
    Claim,
    ClaimRecord,
    Document,
    Entity,
    Event,
    EventRecord,
    Facts,
    FigureGroup,
    InputReport,
    Mention,
    Quote,
    QuoteRow,
    TimeExpr,
    TimelineEvent,
)

if TYPE_CHECKING:
    from newsledger.clean.dedup import Copy


def _story_input(row: tuple[Any, ...], names: list[str]) -> StoryInput:
    aid, title, text, published, after, outlet, source, dup, sid = row
    return StoryInput(aid, title, text, published, outlet or source, names, dup, sid, published or after)


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def fact_row(fact: Claim | Quote | TimeExpr | Event) -> dict[str, Any]:
    """A claim or quote as one flat row: provenance first (article, source, offsets, sentence);
    as ``dataclasses.asdict`` gives it (lists copied), without its deep copy of every value."""
    row: dict[str, Any] = {"id": fact.id}
    span = fact.span
    for name in _field_names(type(span)):
        row[name] = getattr(span, name)
    for name in _field_names(type(fact)):
        if name not in ("id", "span"):
            value = getattr(fact, name)
            row[name] = list(value) if isinstance(value, list) else value
    return row


FACT_TABLES = ("claims", "quotes", "times", "events", "mentions")  # the keys of ``fact_tables``


def _finite(row: dict[str, Any]) -> bool:
    """A figure JSON can hold: no infinity or NaN (a number of 320 digits is no figure)."""
    return all(not isinstance(v, float) or math.isfinite(v) for v in row.values())


def _fact_dicts(cur: sqlite3.Cursor) -> Iterator[dict[str, Any]]:
    """A fact query's rows as records: ``about`` read back from JSON, ``approximate`` a bool."""
    cols = [d[0] for d in cur.description]
    for row in cur:
        rec = dict(zip(cols, row, strict=True))
        if "about" in rec:
            rec["about"] = json.loads(rec["about"])
        if "approximate" in rec:
            rec["approximate"] = bool(rec["approximate"])
        yield rec


SHARED = ("article_id", "source", "story_id", "outlet", "published", "unit", "rule", "time_precision", "event_type")


def _shared(rows: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Rows whose values that repeat over many (an article's id, source and outlet, a unit, a rule)
    share one string each, for a step that holds many rows."""
    for rec in rows:
        for key in SHARED:
            if isinstance(rec.get(key), str):
                rec[key] = sys.intern(rec[key])
        if "about" in rec:
            rec["about"] = tuple(sys.intern(name) for name in rec["about"])  # the names a claim is about
        yield rec


def fact_tables(facts: Facts) -> dict[str, list[dict[str, Any]]]:
    """A batch's facts as rows per fact table (``FACT_TABLES``); a figure too large for a number is left out."""
    return {
        "claims": [row for row in (fact_row(c) for c in facts.claims) if _finite(row)],
        "quotes": [fact_row(q) for q in facts.quotes],
        "times": [fact_row(t) for t in facts.times],
        "events": [fact_row(e) for e in facts.events],
        "mentions": [asdict(m) for m in facts.mentions],
    }


SCHEMA_VERSION = 6
DB_NAME = "ledger.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL, source TEXT NOT NULL, format TEXT NOT NULL, url TEXT, fetched TEXT,
    title TEXT, published TEXT, chars INTEGER NOT NULL, warnings TEXT NOT NULL,
    UNIQUE (id, source)
);
CREATE TABLE IF NOT EXISTS articles (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE, document_id TEXT NOT NULL, source TEXT NOT NULL, role TEXT NOT NULL,
    title TEXT, byline TEXT, published TEXT, published_precision TEXT, published_evidence TEXT,
    text TEXT NOT NULL, url TEXT, position INTEGER NOT NULL, captions TEXT NOT NULL,
    duplicate_of TEXT REFERENCES articles(id), duplicate_kind TEXT,
    published_after TEXT, outlet TEXT, outlet_evidence TEXT,
    story_id TEXT,  -- the story it tells (ledger/stories.py); once set, kept by later builds
    extracted INTEGER NOT NULL DEFAULT 0,  -- facts of this article are stored
    minhash BLOB  -- near-duplicate signature, kept so later builds need not recompute it
);
CREATE INDEX IF NOT EXISTS articles_document ON articles(document_id);
CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id);
CREATE TABLE IF NOT EXISTS speakers (
    quote_id TEXT PRIMARY KEY, kind TEXT NOT NULL, rule TEXT NOT NULL, entity_id TEXT, name TEXT, role TEXT, affiliation TEXT
);
CREATE INDEX IF NOT EXISTS speakers_entity ON speakers(entity_id);
CREATE TABLE IF NOT EXISTS figure_groups (
    group_id TEXT PRIMARY KEY, story_id TEXT, label TEXT NOT NULL, unit TEXT NOT NULL, actor TEXT, claims INTEGER NOT NULL,
    articles INTEGER NOT NULL, low REAL, high REAL, first_reported TEXT, first_source TEXT, updates INTEGER NOT NULL,
    conflicts INTEGER NOT NULL, parts INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS figure_members (group_id TEXT NOT NULL, claim_id TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (group_id, claim_id));
CREATE TABLE IF NOT EXISTS figure_relations (group_id TEXT NOT NULL, kind TEXT NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS timeline (
    event_id TEXT PRIMARY KEY, story_id TEXT, event_date TEXT NOT NULL, time_precision TEXT NOT NULL, date_evidence TEXT NOT NULL,
    actor1 TEXT, actor2 TEXT, action TEXT NOT NULL, action_lemma TEXT NOT NULL, event_type TEXT NOT NULL, location TEXT,
    fatalities REAL, background INTEGER NOT NULL, first_reported TEXT, first_source TEXT, reports INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS timeline_reports (event_id TEXT NOT NULL, event_row_id TEXT NOT NULL, PRIMARY KEY (event_id, event_row_id));
CREATE TABLE IF NOT EXISTS term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL);  -- stories' document frequencies
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY, title TEXT, first_published TEXT, last_published TEXT, first_source TEXT,
    outlets TEXT NOT NULL, articles INTEGER NOT NULL, terms TEXT NOT NULL, era_first TEXT, era_last TEXT
);
CREATE TABLE IF NOT EXISTS claims (
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL, source TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence TEXT NOT NULL, sentence_start INTEGER NOT NULL,
    text TEXT NOT NULL, value REAL, low REAL, high REAL, approximate INTEGER NOT NULL, change TEXT, unit TEXT,
    measure TEXT, about TEXT NOT NULL, attribution TEXT, time TEXT, time_value TEXT, actor TEXT, part_of TEXT,
    from_value REAL, subject TEXT, canonical_unit TEXT, to_canonical REAL, rule TEXT
);
CREATE TABLE IF NOT EXISTS times (
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL, source TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence TEXT NOT NULL, sentence_start INTEGER NOT NULL,
    text TEXT NOT NULL, type TEXT NOT NULL, value TEXT, precision TEXT, rule TEXT
);
CREATE TABLE IF NOT EXISTS quotes (
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL, source TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence TEXT NOT NULL, sentence_start INTEGER NOT NULL,
    kind TEXT NOT NULL, speaker TEXT, cue TEXT, content TEXT NOT NULL,
    speaker_start INTEGER, speaker_end INTEGER, cue_start INTEGER, cue_end INTEGER, rule TEXT
);
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, label TEXT NOT NULL, aliases TEXT NOT NULL,
    mentions INTEGER NOT NULL, articles TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS mentions (
    article_id TEXT NOT NULL, source TEXT NOT NULL, text TEXT NOT NULL, label TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence TEXT NOT NULL, entity_id TEXT REFERENCES entities(id),
    PRIMARY KEY (article_id, start, "end")
);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL, source TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence TEXT NOT NULL, sentence_start INTEGER NOT NULL,
    event_date TEXT NOT NULL, time_precision TEXT NOT NULL, actor1 TEXT, actor2 TEXT, action TEXT NOT NULL,
    action_lemma TEXT NOT NULL, event_type TEXT NOT NULL, location TEXT, fatalities REAL, date_evidence TEXT NOT NULL,
    rule TEXT
);
CREATE TABLE IF NOT EXISTS inputs (
    source TEXT PRIMARY KEY, status TEXT NOT NULL, reason TEXT, documents INTEGER NOT NULL,
    articles INTEGER NOT NULL, errors TEXT NOT NULL, warnings TEXT NOT NULL
);
-- what the explorer looks up by story, entity and article (a ledger of 100,000 articles needs them)
CREATE INDEX IF NOT EXISTS figure_groups_story ON figure_groups(story_id);
CREATE INDEX IF NOT EXISTS timeline_story ON timeline(story_id);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);
CREATE INDEX IF NOT EXISTS claims_article ON claims(article_id);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id);
CREATE INDEX IF NOT EXISTS claims_actor ON claims(actor);
CREATE INDEX IF NOT EXISTS claims_attribution ON claims(attribution);
CREATE INDEX IF NOT EXISTS claims_subject ON claims(subject);
"""

_ARTICLE_COLS = [
    "id",
    "document_id",
    "source",
    "role",
    "title",
    "byline",
    "published",
    "published_precision",
    "published_evidence",
    "text",
    "url",
    "position",
    "captions",
    "duplicate_of",
    "duplicate_kind",
    "published_after",
    "outlet",
    "outlet_evidence",
    "story_id",
]


class LedgerError(Exception):
    """The ledger cannot be opened or written: the message names the file and the way out."""


class Ledger:
    """A handle on the ledger file; use as a context manager so writes are committed."""

    def __init__(self, out_dir: Path) -> None:
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LedgerError(f"{out_dir}: cannot create the output folder ({exc.strerror})") from exc
        if not os.access(out_dir, os.W_OK):
            raise LedgerError(f"{out_dir}: the output folder is not writable")
        self.path = out_dir / DB_NAME
        try:
            self.db = sqlite3.connect(self.path)
            self.db.execute("PRAGMA journal_mode=WAL")
            # WAL with NORMAL sync cannot corrupt the file and keeps every commit a process crash
            # leaves behind; only a power cut may lose the last ones, which the inputs and the
            # workers' shards rebuild. FULL would sync the disk at each document's commit.
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise LedgerError(
                f"{self.path}: the ledger is damaged ({exc}); move it aside (mv {self.path} {self.path}.damaged)"
                " and build again: the inputs, and the shards workers wrote, rebuild it"
            ) from exc
        row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is None:
            self.db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        elif int(row[0]) != SCHEMA_VERSION:
            self.db.close()
            raise LedgerError(
                f"{self.path}: a ledger of schema version {row[0]}, written by "
                f"{'an older' if int(row[0]) < SCHEMA_VERSION else 'a newer'} newsledger (this one writes {SCHEMA_VERSION});"
                f" build into another --out, or move it aside (mv {self.path} {self.path}.v{row[0]}) and build again"
            )
        self.db.commit()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.db.commit()
        self.db.execute("PRAGMA optimize")  # statistics for the query planner where tables grew (the explorer's pages)
        self.db.close()

    def has_document(self, doc: Document) -> bool:
        q = "SELECT 1 FROM documents WHERE id=? AND source=?"
        return self.db.execute(q, (doc.id, doc.source)).fetchone() is not None

    def articles_of(self, doc: Document) -> int:
        q = "SELECT COUNT(*) FROM articles WHERE document_id=? AND source=?"
        return int(self.db.execute(q, (doc.id, doc.source)).fetchone()[0])

    def add(self, doc: Document, articles: list[Article]) -> None:
        """Store a document and its articles in one transaction: all or nothing."""
        with self.db:
            self.db.execute(
                "INSERT OR IGNORE INTO documents (id, source, format, url, fetched, title, published, chars, warnings)"
                " VALUES (?,?,?,?,?,?,?,?,?)",
                (doc.id, doc.source, doc.format, doc.url, doc.fetched, doc.title, doc.published,
                 len(doc.content), json.dumps(doc.warnings)),
            )  # fmt: skip
            for art in articles:
                row = art.to_dict()
                row["captions"] = json.dumps(row["captions"], ensure_ascii=False)
                self.db.execute(
                    f"INSERT OR IGNORE INTO articles ({','.join(_ARTICLE_COLS)}) VALUES ({','.join('?' * len(_ARTICLE_COLS))})",
                    [row[c] for c in _ARTICLE_COLS],
                )

    def record_input(self, rep: InputReport) -> None:
        with self.db:
            self.db.execute(
                "INSERT OR REPLACE INTO inputs VALUES (?,?,?,?,?,?,?)",
                (
                    rep.source,
                    rep.status,
                    rep.reason,
                    rep.documents,
                    rep.articles,
                    json.dumps(rep.errors),
                    json.dumps(rep.warnings),
                ),
            )

    def articles(self, ids: Sequence[str] | None = None, *, texts: bool = True) -> Iterator[Article]:
        """Articles in reading order: every one, or those of ``ids`` (given in reading order); with ``texts=False`` their
        heads only (text and captions empty: what a build keeps of every article while the texts
        stay here)."""
        cols = ",".join(c if texts or c not in ("text", "captions") else ("''" if c == "text" else "'[]'") for c in _ARTICLE_COLS)
        if ids is None:
            yield from self._articles(f"SELECT {cols} FROM articles ORDER BY seq", [])
            return
        for k in range(0, len(ids), 500):  # ids given in reading order stay in it, read 500 at a time
            part = list(ids[k : k + 500])
            yield from self._articles(f"SELECT {cols} FROM articles WHERE id IN ({','.join('?' * len(part))}) ORDER BY seq", part)

    def _articles(self, query: str, args: list[str]) -> Iterator[Article]:
        for row in self.db.execute(query, args):
            rec = dict(zip(_ARTICLE_COLS, row, strict=True))
            rec["captions"] = json.loads(rec["captions"])
            yield Article(**rec)

    def extracted_ids(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT id FROM articles WHERE extracted=1")}

    def add_facts(self, tables: dict[str, list[dict[str, Any]]], article_ids: list[str]) -> None:
        """Store the fact rows of some articles (``fact_tables``) and mark them done, in one transaction.
        Rows are keyed by fact id, so storing the same rows twice changes nothing."""
        with self.db:
            for table, records in tables.items():
                for rec in records:
                    self._insert(table, rec)
            self.db.executemany("UPDATE articles SET extracted=1 WHERE id=?", [(a,) for a in article_ids])

    def _insert(self, table: str, rec: dict[str, Any]) -> None:
        cols = ",".join(f'"{c}"' for c in rec)
        values = [json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v for v in rec.values()]
        self.db.execute(f"INSERT OR REPLACE INTO {table} ({cols}) VALUES ({','.join('?' * len(rec))})", values)

    MENTION_ORDER = " ORDER BY a.seq, length(m.article_id), m.article_id, m.start"

    def mentions(self) -> list[Mention]:
        """Every mention in reading order, without its sentence (``mention_rows`` streams those):
        what the cross-article steps need, at a fraction of the memory."""
        q = (
            """SELECT m.article_id, m.source, m.text, m.label, m.start, m."end", '', m.entity_id"""
            " FROM mentions m JOIN articles a ON a.id = substr(m.article_id, 1, 16)" + self.MENTION_ORDER
        )
        # an article's id, its source and the labels repeat over its mentions, a name over articles: one string each, shared
        share = sys.intern
        return [
            Mention(share(aid), share(src), share(text), share(label), start, end, sentence, eid)
            for aid, src, text, label, start, end, sentence, eid in self.db.execute(q)
        ]

    def mention_spans(self, article_id: str) -> list[tuple[int, int, str | None, str]]:
        """One article's (or caption's) mentions as (start, end, entity id, label), in text order."""
        q = 'SELECT start, "end", entity_id, label FROM mentions WHERE article_id = ? ORDER BY start, "end"'
        return self.db.execute(q, (article_id,)).fetchall()

    def cooccurrences(self, limit: int) -> list[tuple[str, str, int]]:
        """The pairs of entities named together in the most sentences (entity ids, sentences)."""
        return [
            tuple(r)  # type: ignore[misc]
            for r in self.db.execute(
                "WITH s AS (SELECT DISTINCT article_id, sentence, entity_id FROM mentions"
                " WHERE entity_id IN (SELECT id FROM entities))"
                " SELECT x.entity_id, y.entity_id, COUNT(*) AS n FROM s x JOIN s y ON x.article_id = y.article_id"
                " AND x.sentence = y.sentence AND x.entity_id < y.entity_id"
                " GROUP BY x.entity_id, y.entity_id ORDER BY n DESC, x.entity_id, y.entity_id LIMIT ?",
                (limit,),
            )
        ]

    def rule_counts(self) -> dict[str, dict[str, int]]:
        """How many facts each named rule made, per fact table (and per speaker rule)."""
        out: dict[str, dict[str, int]] = {}
        for table in ("claims", "times", "events", "quotes", "speakers"):
            rows = self.db.execute(f"SELECT coalesce(rule, ''), COUNT(*) FROM {table} GROUP BY 1 ORDER BY 2 DESC, 1")
            out[table] = dict(rows.fetchall())
        return out

    def mention_rows(self) -> Iterator[dict[str, Any]]:
        """Every mention as an export row (its sentence, its entity's name and label, its story),
        streamed from the ledger in reading order. ``label`` is the model's tag on these words;
        ``entity_label`` the kind its entity was settled on ("Ukrainian" tagged GPE, a NORP entity)."""
        cur = self.db.execute(
            """SELECT m.article_id, m.source, m.text, m.label, m.start, m."end", m.sentence, m.entity_id,"""
            " e.name AS entity, e.label AS entity_label, a.story_id FROM mentions m"
            " JOIN articles a ON a.id = substr(m.article_id, 1, 16) LEFT JOIN entities e ON e.id = m.entity_id"
            + self.MENTION_ORDER
        )
        cols = [d[0] for d in cur.description]
        for row in cur:
            yield dict(zip(cols, row, strict=True))

    def set_entities(self, entities: list[Entity], mentions: list[Mention]) -> None:
        with self.db:
            self.db.execute("DELETE FROM entities")
            for e in entities:
                self._insert("entities", asdict(e))
            self.db.executemany(
                'UPDATE mentions SET entity_id=? WHERE article_id=? AND start=? AND "end"=?',
                ((m.entity_id, m.article_id, m.start, m.end) for m in mentions),
            )

    def rows(self, table: str) -> list[dict[str, Any]]:
        """A fact table's rows in reading order (article order, then position in the text)."""
        cur = self.db.execute(
            f"SELECT t.* FROM {table} t JOIN articles a ON a.id = substr(t.article_id, 1, 16)"
            f' ORDER BY a.seq, length(t.article_id), t.article_id, t.start, t."end"'
        )
        return list(_fact_dicts(cur))

    def event_rows(self) -> Iterator[EventRecord]:
        """Every event row in reading order with its article's ``story_id``, ``published`` and
        ``outlet``, as slotted records (the timeline holds them all while it merges)."""
        cur = self.db.execute(
            "SELECT e.*, a.story_id, a.published, a.outlet FROM events e JOIN articles a ON a.id = substr(e.article_id, 1, 16)"
            ' ORDER BY a.seq, length(e.article_id), e.article_id, e.start, e."end"'
        )
        return (EventRecord(**rec) for rec in _shared(_fact_dicts(cur)))

    def claim_rows(self, records: bool = False) -> Iterator[dict[str, Any]] | Iterator[ClaimRecord]:
        """Every claim in reading order with its article's ``published``, ``story_id`` and ``outlet``
        (what figure grouping and the exports read), streamed: none held. ``records``: as slotted
        records, for a step that keeps many (figure groups); else as dicts (the exports)."""
        cur = self.db.execute(
            "SELECT c.*, a.published, a.story_id, a.outlet FROM claims c JOIN articles a ON a.id = substr(c.article_id, 1, 16)"
            ' ORDER BY a.seq, length(c.article_id), c.article_id, c.start, c."end"'
        )
        return (ClaimRecord(**rec) for rec in _shared(_fact_dicts(cur))) if records else _fact_dicts(cur)

    def quote_rows(self, with_speakers: bool = False) -> Iterator[dict[str, Any]]:
        """Every quote in reading order with its article's ``story_id`` (and, ``with_speakers``, what
        the speakers table says of its speaker), streamed: the rows ``rows("quotes")`` gives, none held."""
        speakers = (
            ", s.kind AS speaker_kind, s.rule AS speaker_rule, s.entity_id AS speaker_entity_id, s.name AS speaker_name,"
            " s.role AS speaker_role, s.affiliation AS speaker_affiliation"
        )
        cur = self.db.execute(
            f"SELECT q.*, a.story_id{speakers if with_speakers else ''} FROM quotes q JOIN articles a ON a.id = substr(q.article_id, 1, 16)"
            f"{' LEFT JOIN speakers s ON s.quote_id = q.id' if with_speakers else ''}"
            ' ORDER BY a.seq, length(q.article_id), q.article_id, q.start, q."end"'
        )
        return _fact_dicts(cur)

    def count(self, table: str) -> int:
        return self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    def signatures(self) -> dict[str, bytes]:
        return {r[0]: r[1] for r in self.db.execute("SELECT id, minhash FROM articles WHERE minhash IS NOT NULL")}

    def set_signatures(self, sigs: dict[str, bytes]) -> None:
        with self.db:
            self.db.executemany("UPDATE articles SET minhash=? WHERE id=? AND minhash IS NULL", [(v, k) for k, v in sigs.items()])

    def set_duplicates(self, articles: Sequence[Article] | Sequence[Copy]) -> None:
        with self.db:
            self.db.executemany(
                "UPDATE articles SET duplicate_of=?, duplicate_kind=? WHERE id=?",
                [(a.duplicate_of, a.duplicate_kind, a.id) for a in articles],
            )

    _STORY_INPUT = "SELECT id, title, text, published, published_after, outlet, source, duplicate_of, story_id FROM articles"

    def story_inputs(self) -> Iterator[StoryInput]:
        """Every article as stories see it, with the names it mentions: a stream in id order (the
        articles and their mentions read side by side, both by id), one article held at a time."""
        names = self.db.execute(
            f"SELECT substr(article_id, 1, {ID_LENGTH}), text, label FROM mentions ORDER BY article_id, start"
        )
        pending = next(names, None)
        for row in self.db.execute(f"{self._STORY_INPUT} ORDER BY id"):
            keys: list[str] = []
            while pending is not None and pending[0] <= row[0]:
                if pending[0] == row[0] and (k := name_key(pending[1], pending[2])) is not None:
                    keys.append(k)
                pending = next(names, None)
            yield _story_input(row, keys)

    def story_input(self, aid: str) -> StoryInput:
        """One article as stories see it (``story_inputs``), read by id."""
        row = self.db.execute(f"{self._STORY_INPUT} WHERE id = ?", (aid,)).fetchone()
        mentions = self.db.execute(
            "SELECT text, label FROM mentions WHERE article_id >= ? AND article_id < ? ORDER BY article_id, start",
            (aid, aid + "\x7f"),
        )
        return _story_input(row, [k for text, label in mentions if (k := name_key(text, label)) is not None])

    def term_df(self) -> tuple[dict[str, int], int]:
        """The stories' document frequencies and the number of articles they count."""
        row = self.db.execute("SELECT value FROM meta WHERE key='story_docs'").fetchone()
        return dict(self.db.execute("SELECT term, df FROM term_df")), int(row[0]) if row else 0

    def stories(self) -> list[Story]:
        q = (
            "SELECT id, title, first_published, last_published, first_source, outlets, articles, terms, era_first, era_last"
            " FROM stories ORDER BY rowid"
        )
        return [
            Story(
                sid,
                title,
                first,
                last,
                src,
                json.loads(outlets),
                n,
                {sys.intern(t): w for t, w in json.loads(terms).items()},
                e0,
                e1,
            )
            for sid, title, first, last, src, outlets, n, terms, e0, e1 in self.db.execute(q)
        ]

    def set_stories(
        self,
        stories: list[Story],
        placed: dict[str, str],
        df_added: dict[str, int],
        n_docs: int,
        centroid: Callable[[Story], dict[str, float]] = attrgetter("terms"),
    ) -> None:
        """Store the stories (each with its ``centroid``, one at a time), the new articles' places
        in them and the document frequencies their terms added, in one transaction."""
        with self.db:
            self.db.executemany(
                "INSERT INTO term_df VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
                sorted(df_added.items()),
            )
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('story_docs', ?)", (str(n_docs),))
            for st in stories:
                self.db.execute(
                    "INSERT INTO stories VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET title=excluded.title,"
                    " first_published=excluded.first_published, last_published=excluded.last_published,"
                    " first_source=excluded.first_source, outlets=excluded.outlets, articles=excluded.articles, terms=excluded.terms,"
                    " era_first=excluded.era_first, era_last=excluded.era_last",
                    (st.id, st.title, st.first_published, st.last_published, st.first_source,
                     json.dumps(st.outlets, ensure_ascii=False), st.articles,
                     json.dumps({t: round(w, 6) for t, w in centroid(st).items()}, ensure_ascii=False), st.era_first, st.era_last),
                )  # fmt: skip
            self.db.executemany("UPDATE articles SET story_id=? WHERE id=?", [(sid, aid) for aid, sid in placed.items()])

    def story_of(self) -> dict[str, str]:
        """Article id -> story id."""
        return dict(self.db.execute("SELECT id, story_id FROM articles WHERE story_id IS NOT NULL"))

    def set_views(self, quotes: Iterable[QuoteRow], groups: list[FigureGroup], events: list[TimelineEvent]) -> None:
        """The cross-article results as tables (who speaks, figure groups and their relations, the
        merged timeline) and the full-text index, rewritten together in one transaction: a
        reader of the ledger (the explorer, Datasette) sees the old ones or the new, never half."""
        with self.db:
            for table in ("speakers", "figure_groups", "figure_members", "figure_relations", "timeline", "timeline_reports"):
                self.db.execute(f"DELETE FROM {table}")
            self.db.executemany(
                "INSERT INTO speakers VALUES (?,?,?,?,?,?,?)",
                ((q["id"], q["speaker_kind"], q["speaker_rule"], q["speaker_entity_id"], q["speaker_name"], q["speaker_role"],
                  q["speaker_affiliation"]) for q in quotes),
            )  # fmt: skip
            for g in groups:
                rec = group_record(g)
                members = rec.pop("claim_ids")
                rec.pop("first_claim")
                self._insert("figure_groups", rec)
                self.db.executemany("INSERT INTO figure_members VALUES (?,?,?)", [(g.id, c, n) for n, c in enumerate(members)])
                self.db.executemany(
                    "INSERT INTO figure_relations VALUES (?,?,?,?)", [(g.id, r["kind"], r["a"], r["b"]) for r in g.relations]
                )
            for e in events:
                rec = event_record(e)
                self._insert("timeline", {
                    **{k: rec[k] for k in ("story_id", "event_date", "time_precision", "date_evidence", "actor1", "actor2", "action",
                                           "action_lemma", "event_type", "location", "fatalities", "first_reported", "first_source")},
                    "event_id": rec["event_id"], "background": int(e.background), "reports": len(e.mentions),
                })  # fmt: skip
                self.db.executemany("INSERT OR IGNORE INTO timeline_reports VALUES (?,?)", [(e.id, m["id"]) for m in e.mentions])
            self._index_text()

    def _index_text(self) -> None:
        """One FTS5 index over article text, quotes, figures and events (``search``), rebuilt."""
        self.db.execute("DROP TABLE IF EXISTS search")
        self.db.execute(
            "CREATE VIRTUAL TABLE search USING fts5(body, kind UNINDEXED, ref UNINDEXED, article_id UNINDEXED,"
            " start UNINDEXED, tokenize='unicode61 remove_diacritics 2')"
        )
        self.db.execute(
            "INSERT INTO search SELECT coalesce(title, '') || char(10) || text, 'article', id, id, 0 FROM articles"
            " WHERE duplicate_of IS NULL"
        )
        self.db.execute(
            "INSERT INTO search SELECT coalesce(s.name, q.speaker, '') || ': ' || q.content, 'quote', q.id, q.article_id, q.sentence_start"
            " FROM quotes q LEFT JOIN speakers s ON s.quote_id = q.id"
        )
        self.db.execute("INSERT INTO search SELECT sentence, 'figure', id, article_id, sentence_start FROM claims")
        self.db.execute(
            "INSERT INTO search SELECT coalesce(t.actor1, '') || ' ' || t.action || ' ' || coalesce(t.actor2, ''), 'event', t.event_id,"
            " e.article_id, e.sentence_start FROM timeline t JOIN timeline_reports r ON r.event_id = t.event_id"
            " JOIN events e ON e.id = r.event_row_id GROUP BY t.event_id"
        )
