"""The shuffle every cross-article step is written against: group keyed rows, apply a function
per group. It sits below every stage (clean, extract, ledger) so none of them imports the engines
(``run/executors.py``), which implement it in this process, in a pool or on Ray."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

GroupMap = Callable[..., Iterable[Any]]  # (fn, keyed pairs, min_size=2) -> fn's results over the groups


def group_in_memory(fn: Callable[[list[Any]], list[Any]], keyed: Iterable[tuple[str, Any]], min_size: int = 2) -> Iterable[Any]:
    """A shuffle done here: values grouped by key, ``fn`` applied to each group of at least
    ``min_size`` values, its results chained (groups in order of their first key)."""
    groups: dict[str, list[Any]] = {}
    for key, value in keyed:
        groups.setdefault(key, []).append(value)
    for members in groups.values():
        if len(members) >= min_size:
            yield from fn(members)
