"""Exports written from the ledger: deterministic, so a rebuild gives byte-identical files."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from newsledger.model import Article

ARTICLE_FIELDS = [
    "id",
    "story_id",
    "source",
    "outlet",
    "outlet_evidence",
    "role",
    "title",
    "published",
    "published_precision",
    "published_evidence",
    "published_after",
    "byline",
    "text",
    "duplicate_of",
    "duplicate_kind",
    "document_id",
    "url",
    "position",
    "captions",
]


def article_record(art: Article) -> dict[str, Any]:
    d = art.to_dict()
    return {k: d[k] for k in ARTICLE_FIELDS}


@contextmanager
def atomic(path: Path, newline: str | None = None) -> Iterator[TextIO]:
    """Write a file under a temporary name and rename it into place: a reader (or a build
    killed midway) never sees half an export."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline=newline) as fh:
        yield fh
    tmp.replace(path)


def write_text(path: Path, text: str | Iterable[str]) -> None:
    """A text file, from one string or from parts written as they come (a page never held whole)."""
    with atomic(path) as fh:
        if isinstance(text, str):
            fh.write(text)
        else:
            fh.writelines(text)


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> int:
    n = 0
    with atomic(path) as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


def write_json(path: Path, obj: Any) -> None:
    write_text(path, json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def write_csv(path: Path, rows: Iterable[dict[str, Any]], columns: list[str]) -> None:
    """CSV with a fixed column order; lists are joined with "; " (``rows`` may be a generator: nothing is held)."""
    with atomic(path, newline="") as fh:
        w = csv.writer(fh)
        w.writerow(columns)
        for r in rows:
            w.writerow(
                ["; ".join(map(str, v)) if isinstance(v, list) else ("" if v is None else v) for v in (r.get(c) for c in columns)]
            )


PARQUET_BATCH = 5000  # rows written as one row group
PARQUET_GROUP_BYTES = 1 << 20  # a row group closes past this many bytes of Arrow data (an articles table's rows hold whole texts)
PARQUET_FETCH = (
    256  # rows read from the ledger at a time (as Python tuples) while a row group is made: few enough whole texts to stay small
)
ARROW_TYPES = {"TEXT": "string", "INTEGER": "int64", "REAL": "float64", "BLOB": "binary"}


def write_parquet_tables(db_path: Path, out_dir: Path) -> list[Path]:
    """Every table of the ledger as a Parquet file, for tools that read columns: streamed in
    batches of ``PARQUET_BATCH`` rows, each column typed as the ledger declares it."""
    import sqlite3

    import pyarrow as pa
    import pyarrow.parquet as pq

    out_dir.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(db_path)
    written = []
    tables = db.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name != 'search'"
        " AND name NOT LIKE 'search\\_%' ESCAPE '\\' ORDER BY name"
    ).fetchall()  # the full-text index is the ledger's own, not a table to export
    for (table,) in tables:
        declared = [
            (row[1], ARROW_TYPES.get(str(row[2]).upper(), "string")) for row in db.execute(f'PRAGMA table_info("{table}")')
        ]
        schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in declared])
        path = out_dir / f"{table}.parquet"
        cur = db.execute(f'SELECT * FROM "{table}"')
        with pq.ParquetWriter(path, schema) as writer:
            while group := _row_group(cur, schema):
                writer.write_table(pa.Table.from_batches(group, schema=schema))
        written.append(path)
    db.close()
    pa.default_memory_pool().release_unused()  # Arrow's allocator keeps freed pages unless asked
    return written


def _row_group(cur: Any, schema: Any) -> list[Any]:
    """The next ``PARQUET_BATCH`` rows as Arrow record batches, read ``PARQUET_FETCH`` at a time:
    a row group holds its columns in Arrow's compact form, never as that many Python rows (an
    articles table's rows carry whole texts)."""
    import pyarrow as pa

    group, n, size = [], 0, 0
    while n < PARQUET_BATCH and size < PARQUET_GROUP_BYTES and (rows := cur.fetchmany(min(PARQUET_FETCH, PARQUET_BATCH - n))):
        columns = [pa.array([r[i] for r in rows], type=schema.field(i).type) for i in range(len(schema))]
        group.append(pa.RecordBatch.from_arrays(columns, schema=schema))
        n, size = n + len(rows), size + group[-1].nbytes
    return group
