"""The embedded store. A small, versioned schema; every view is a query over it.

Documents are keyed by (content id, source): the same bytes read from two places are two
documents (their articles are then marked duplicates), and re-reading an input already in the
ledger costs nothing, which is what makes builds incremental.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from newsledger.model import Article, Document, InputReport

SCHEMA_VERSION = 1
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
    duplicate_of TEXT REFERENCES articles(id), duplicate_kind TEXT
);
CREATE INDEX IF NOT EXISTS articles_document ON articles(document_id);
CREATE TABLE IF NOT EXISTS claims (
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id), source TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence TEXT NOT NULL, sentence_start INTEGER NOT NULL,
    text TEXT NOT NULL, value REAL, low REAL, high REAL, approximate INTEGER NOT NULL, change TEXT, unit TEXT,
    measure TEXT, about TEXT NOT NULL, attribution TEXT, time TEXT
);
CREATE TABLE IF NOT EXISTS quotes (
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id), source TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence TEXT NOT NULL, sentence_start INTEGER NOT NULL,
    kind TEXT NOT NULL, speaker TEXT, cue TEXT, content TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, label TEXT NOT NULL, aliases TEXT NOT NULL,
    mentions INTEGER NOT NULL, articles TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS mentions (
    article_id TEXT NOT NULL REFERENCES articles(id), source TEXT NOT NULL, text TEXT NOT NULL, label TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence TEXT NOT NULL, entity_id TEXT REFERENCES entities(id),
    PRIMARY KEY (article_id, start, "end")
);
CREATE TABLE IF NOT EXISTS inputs (
    source TEXT PRIMARY KEY, status TEXT NOT NULL, reason TEXT, documents INTEGER NOT NULL,
    articles INTEGER NOT NULL, errors TEXT NOT NULL, warnings TEXT NOT NULL
);
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
]


class Ledger:
    """A handle on the ledger file; use as a context manager so writes are committed."""

    def __init__(self, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self.path = out_dir / DB_NAME
        self.db = sqlite3.connect(self.path)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.executescript(_SCHEMA)
        row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is None:
            self.db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        elif int(row[0]) != SCHEMA_VERSION:
            raise RuntimeError(f"{self.path}: ledger schema version {row[0]}, this newsledger writes {SCHEMA_VERSION}")
        self.db.commit()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.db.commit()
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

    def articles(self) -> Iterator[Article]:
        cur = self.db.execute(f"SELECT {','.join(_ARTICLE_COLS)} FROM articles ORDER BY seq")
        for row in cur:
            rec = dict(zip(_ARTICLE_COLS, row, strict=True))
            rec["captions"] = json.loads(rec["captions"])
            yield Article(**rec)

    def replace_facts(self, rows: dict[str, list[dict]]) -> None:
        """Rewrite the fact tables (claims, quotes, entities, mentions) in one transaction."""
        with self.db:
            for table, records in rows.items():
                self.db.execute(f"DELETE FROM {table}")
                for rec in records:
                    cols = ",".join(f'"{c}"' for c in rec)
                    values = [json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v for v in rec.values()]
                    self.db.execute(f"INSERT OR REPLACE INTO {table} ({cols}) VALUES ({','.join('?' * len(rec))})", values)

    def set_duplicates(self, articles: list[Article]) -> None:
        with self.db:
            self.db.executemany(
                "UPDATE articles SET duplicate_of=?, duplicate_kind=? WHERE id=?",
                [(a.duplicate_of, a.duplicate_kind, a.id) for a in articles],
            )
