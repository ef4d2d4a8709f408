"""Per-article outputs as Parquet shards, written by the workers that extract them.

A worker extracts one batch of articles and writes the batch's facts under
``<out>/shards/<key>/`` (``claims.parquet``, ``quotes.parquet``, ``times.parquet``,
``events.parquet``, ``mentions.parquet`` and ``done.json`` naming the batch's articles and the
errors met). The shard is written in a temporary folder and renamed into place, so a shard
folder that exists is complete. Only a small summary travels back to the driver, which then
loads the shard into the ledger; a build killed between the two finds the shard on its next
start and loads it instead of extracting the articles again (loading is idempotent: rows are
keyed by fact id).

On a cluster the output folder must be on storage every worker can write to.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from newsledger.extract.stage import extract_articles
from newsledger.ledger.store import FACT_TABLES, fact_tables
from newsledger.model import Article, content_id

DONE = "done.json"


@dataclass
class ShardInfo:
    """What comes back to the driver from a worker: where the shard is, not its rows."""

    key: str
    article_ids: list[str]
    errors: list[str] = field(default_factory=list)


def _read_info(folder: Path) -> ShardInfo:
    """A shard's ``done.json`` (fields this version does not know are ignored)."""
    data = json.loads((folder / DONE).read_text(encoding="utf-8"))
    return ShardInfo(data["key"], data["article_ids"], data.get("errors", []))


def shard_key(article_ids: list[str]) -> str:
    return content_id("shard", *article_ids)


def extract_to_shard(shard_dir: Path, articles: list[Article]) -> ShardInfo:
    """The extraction stage as a worker runs it: extract a batch, write its shard, say where."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    ids = [a.id for a in articles]
    key = shard_key(ids)
    final = shard_dir / key
    if (final / DONE).exists():  # written by an earlier, interrupted build
        return _read_info(final)
    facts = extract_articles(articles)
    info = ShardInfo(key, ids, facts.errors)
    tmp = shard_dir / f".{key}.{os.getpid()}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for table, rows in fact_tables(facts).items():
        if rows:
            pq.write_table(pa.Table.from_pylist(rows), tmp / f"{table}.parquet")
    (tmp / DONE).write_text(json.dumps(asdict(info), ensure_ascii=False), encoding="utf-8")
    try:
        tmp.rename(final)
    except OSError:  # another worker finished the same batch first: its shard is as good
        shutil.rmtree(tmp, ignore_errors=True)
    return info


def read_shard(shard_dir: Path, key: str) -> dict[str, list[dict[str, Any]]]:
    """A shard's rows per table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out: dict[str, list[dict[str, Any]]] = {}
    for table in FACT_TABLES:
        path = shard_dir / key / f"{table}.parquet"
        out[table] = pq.read_table(path).to_pylist() if path.exists() else []
    pa.default_memory_pool().release_unused()  # Arrow's allocator keeps freed pages unless asked: the driver reads every shard
    return out


def completed(shard_dir: Path) -> Iterator[ShardInfo]:
    """Every complete shard in the folder (temporary folders of unfinished ones are skipped)."""
    if not shard_dir.is_dir():
        return
    for path in sorted(shard_dir.iterdir()):
        done = path / DONE
        if not path.name.startswith(".") and done.exists():
            try:
                info = _read_info(path)
            except (
                ValueError,
                KeyError,
                TypeError,
                OSError,
            ):  # a garbled done.json: the shard is set aside, its articles extracted again
                aside = shard_dir / f".{path.name}.damaged"
                shutil.rmtree(aside, ignore_errors=True)
                path.rename(aside)
                continue
            yield info
