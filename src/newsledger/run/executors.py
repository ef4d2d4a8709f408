"""Executors map a stage (a plain function over one record) across a batch of records.

Stages never know which executor runs them. The in-process executor is the default; the
process pool spreads CPU-bound cleaning over local cores. Results come back in input order, so
every executor gives the same answer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Executor(Protocol):
    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]: ...


class InProcess:
    """Run each stage call in this process, one record after another."""

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        return (fn(item) for item in items)


class ProcessPool:
    """Run stage calls in a pool of worker processes; order is preserved."""

    def __init__(self, workers: int) -> None:
        self.workers = workers

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        with ProcessPoolExecutor(max_workers=self.workers) as pool:
            yield from pool.map(fn, items, chunksize=4)


def make_executor(engine: str, workers: int = 0) -> Executor:
    if engine == "local":
        return InProcess()
    if engine == "processes":
        import os

        return ProcessPool(workers or os.cpu_count() or 1)
    raise ValueError(f"unknown engine {engine!r} (choose: local, processes)")
