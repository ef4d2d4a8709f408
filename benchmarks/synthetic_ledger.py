"""A large ledger for the explorer's speed figure, made from a built one (issue 18: "a synthetic
ledger of 100,000 articles, copies of BBC with varied text"): every document, article, fact,
story, figure group and timeline event is copied N-1 times under fresh ids (each id hashed with
its copy's number, a caption's "~cN" kept), sources and titles marked with the copy, the full-text
index copied with them. Entities are shared by the copies, as the same names in a real corpus
are one entity. Building 100,000 articles through the pipeline takes hours on 2 cores; this takes
minutes and gives the explorer the same tables at that size.

    .venv/bin/python benchmarks/synthetic_ledger.py --from BBC_LEDGER_DIR --copies 45 --out DIR
    .venv/bin/python benchmarks/serve.py --ledger DIR
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sqlite3
import time
from pathlib import Path

# per table: columns holding an id (mapped per copy), a source (marked), a title (marked); the rest copied
TABLES: dict[str, dict[str, tuple[str, ...]]] = {
    "documents": {"id": ("id",), "source": ("source",), "title": ("title",)},
    "articles": {"id": ("id", "document_id", "duplicate_of", "story_id"), "source": ("source",), "title": ("title",)},
    "stories": {"id": ("id",), "title": ("title",)},
    "claims": {"id": ("id", "article_id", "part_of"), "source": ("source",)},
    "times": {"id": ("id", "article_id"), "source": ("source",)},
    "quotes": {"id": ("id", "article_id"), "source": ("source",)},
    "events": {"id": ("id", "article_id"), "source": ("source",)},
    "mentions": {"id": ("article_id",), "source": ("source",)},
    "speakers": {"id": ("quote_id",)},
    "figure_groups": {"id": ("group_id", "story_id")},
    "figure_members": {"id": ("group_id", "claim_id")},
    "figure_relations": {"id": ("group_id", "a", "b")},
    "timeline": {"id": ("event_id", "story_id")},
    "timeline_reports": {"id": ("event_id", "event_row_id")},
    "search": {"id": ("ref", "article_id")},
}


def copy_id(k: int, value: str | None) -> str | None:
    if value is None:
        return None
    return hashlib.sha1(f"{k}:{value[:16]}".encode()).hexdigest()[:16] + value[16:]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--from", dest="src", type=Path, required=True, help="a built ledger folder (BBC)")
    ap.add_argument("--copies", type=int, default=45)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / "ledger.sqlite"
    src = sqlite3.connect(args.src / "ledger.sqlite")
    src.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    src.close()
    shutil.copyfile(args.src / "ledger.sqlite", path)
    db = sqlite3.connect(path)
    db.create_function("copy_id", 2, copy_id, deterministic=True)
    db.create_function("marked", 2, lambda k, s: None if s is None else f"{s} [copy {k}]", deterministic=True)
    top = {t: db.execute(f'SELECT max(rowid) FROM "{t}"').fetchone()[0] or 0 for t in TABLES}
    cols = {t: [r[1] for r in db.execute(f'PRAGMA table_info("{t}")')] for t in TABLES}
    started = time.perf_counter()
    for k in range(1, args.copies):
        with db:
            for table, kinds in TABLES.items():
                names = [c for c in cols[table] if c != "seq"]
                exprs = [
                    f'copy_id({k}, "{c}")' if c in kinds.get("id", ())
                    else f'marked({k}, "{c}")' if c in kinds.get("source", ()) + kinds.get("title", ())
                    else f'"{c}"'
                    for c in names
                ]  # fmt: skip
                quoted = ", ".join(f'"{c}"' for c in names)
                db.execute(
                    f'INSERT INTO "{table}" ({quoted}) SELECT {", ".join(exprs)} FROM "{table}" WHERE rowid <= ?', (top[table],)
                )
        print(f"copy {k + 1} of {args.copies}: {time.perf_counter() - started:.0f} s", flush=True)
    db.execute("INSERT INTO search(search) VALUES ('optimize')")
    db.commit()
    n = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    db.close()
    print(f"{path}: {n} articles, {path.stat().st_size / 1e9:.2f} GB")


if __name__ == "__main__":
    main()
