"""The shuffle every cross-article step is written against: group keyed rows, apply a function
per group. It sits below every stage (clean, extract, ledger) so none of them imports the engines
(``run/executors.py``), which implement it in this process, in a pool or on Ray."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import chain
from typing import Any

GroupMap = Callable[..., Iterable[Any]]  # (fn, keyed pairs, min_size=2) -> fn's results over the groups


def group_in_memory(fn: Callable[[list[Any]], list[Any]], keyed: Iterable[tuple[str, Any]], min_size: int = 2) -> Iterable[Any]:
    """A shuffle done here: values grouped by key, ``fn`` applied to each group of at least
    ``min_size`` values, its results chained (groups in order of their first key)."""
    groups: dict[str, list[Any]] = {}
    for key, value in keyed:
        groups.setdefault(key, []).append(value)
    yield from _apply(fn, groups.values(), min_size)


def _apply(fn: Callable[[list[Any]], list[Any]], groups: Iterable[list[Any]], min_size: int) -> Iterable[Any]:
    """``fn`` over each group of at least ``min_size`` members, its results chained."""
    for members in groups:
        if len(members) >= min_size:
            yield from fn(members)


SPILL_AT = 250_000  # keyed rows a shuffle holds in memory; past this it keeps them on disk


def group_spilling(
    fn: Callable[[list[Any]], list[Any]], keyed: Iterable[tuple[str, Any]], min_size: int = 2, spill_at: int | None = None
) -> Iterable[Any]:
    """``group_in_memory`` with a bound: past ``spill_at`` rows (``SPILL_AT``) the rows go to a
    private temporary SQLite file (pickled), and groups are read back one at a time, in the same
    order (groups by their first key's arrival, values in arrival order) with the same results. A
    shuffle of every mention or band key of a large corpus then costs a group, not the corpus."""
    import pickle
    import sqlite3
    import tempfile

    limit = SPILL_AT if spill_at is None else spill_at
    groups: dict[str, list[Any]] = {}
    rows = iter(keyed)
    for held, (key, value) in enumerate(rows, 1):
        groups.setdefault(key, []).append(value)
        if held > limit:
            break
    else:  # it fitted: the shuffle in memory
        yield from _apply(fn, groups.values(), min_size)
        return
    with tempfile.TemporaryDirectory(prefix="newsledger-shuffle-") as tmp:
        db = sqlite3.connect(f"{tmp}/shuffle.sqlite")
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        db.execute("CREATE TABLE rows (seq INTEGER PRIMARY KEY, key TEXT NOT NULL, value BLOB NOT NULL)")
        held_rows = ((k, v) for k, vs in groups.items() for v in vs)  # grouped already: each key's rows in arrival order
        rows_in = ((k, pickle.dumps(v, pickle.HIGHEST_PROTOCOL)) for k, v in chain(held_rows, rows))
        db.executemany("INSERT INTO rows (key, value) VALUES (?, ?)", rows_in)
        groups.clear()
        db.execute("CREATE INDEX rows_key ON rows (key, seq)")
        # the first rows spilled were grouped already: a key's first seq is its order among groups
        order = db.execute("SELECT key FROM rows GROUP BY key HAVING COUNT(*) >= ? ORDER BY MIN(seq)", (min_size,))
        members = (
            [pickle.loads(v) for (v,) in db.execute("SELECT value FROM rows WHERE key = ? ORDER BY seq", key)] for key in order
        )
        yield from _apply(fn, members, min_size)  # the cursor reads the keys as it goes
        db.close()
