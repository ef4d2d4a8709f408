"""Executors map a stage (a plain function over one batch of records) across many batches.

Stages never know which executor runs them. Results always come back in input order, so
every executor gives the same answer:

* ``InProcess`` (the default) runs batches one after another in this process;
* ``ProcessPool`` spreads them over local worker processes (kept for the whole build, so
  each loads the spaCy model once);
* ``RayData`` hands them to Ray Data on a local Ray or an existing cluster (``--address``);
  its workers are long-lived actors, each loading the model once.
"""

from __future__ import annotations

import os
import pickle
import resource
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any, Protocol, TypeVar

from newsledger.cpu import cpu_only
from newsledger.shuffle import GroupMap, group_spilling  # noqa: F401 - the engines implement this interface

T = TypeVar("T")
R = TypeVar("R")


# keyed rows below which a cross-article step is grouped in the driver rather than shuffled on Ray
LOCAL_SHUFFLE_BELOW = 100_000


class Executor(Protocol):
    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]: ...

    def group_map(
        self, fn: Callable[[list[Any]], list[Any]], keyed: Iterable[tuple[str, Any]], min_size: int = 2
    ) -> Iterable[Any]: ...

    def close(self) -> None: ...


class InProcess:
    """Run each batch in this process, one after another."""

    group_map = staticmethod(group_spilling)

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        return (fn(item) for item in items)

    def close(self) -> None:
        pass


def _end_with_parent() -> None:
    """A pool worker ends when the build that started it does, even one killed with SIGKILL (Linux:
    the kernel sends the worker SIGTERM when its parent dies); elsewhere the pool's own shutdown.
    It runs spaCy on the CPU alone (``cpu.cpu_only``: a worker started afresh, not forked)."""
    cpu_only()
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, int(signal.SIGTERM))  # PR_SET_PDEATHSIG
        if os.getppid() == 1:  # the parent died before the call: nothing will send the signal
            os._exit(0)
    except (OSError, AttributeError):
        pass


class ProcessPool:
    """Run batches in a pool of local worker processes; order is preserved. Cross-article
    groups are formed in this process (the pool's workers would only pay to receive them)."""

    group_map = staticmethod(group_spilling)

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Results in input order, with at most ``2 x workers`` batches in flight: the items are
        taken from ``items`` as workers free up (``ProcessPoolExecutor.map`` would take them all at
        once, and hold every batch of a corpus in this process)."""
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers, initializer=_end_with_parent)
        return self._windowed(self._pool, fn, iter(items))

    def _windowed(self, pool: ProcessPoolExecutor, fn: Callable[[T], R], items: Iterator[T]) -> Iterator[R]:
        window: deque[Future[R]] = deque(pool.submit(fn, item) for item in islice(items, 2 * self.workers))
        while window:
            done = window.popleft().result()
            window.extend(pool.submit(fn, item) for item in islice(items, 1))
            yield done

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


class _Apply:
    """A Ray Data worker: applies one stage function to pickled batches."""

    def __init__(self, fn: Callable[[Any], Any]) -> None:
        cpu_only()  # before the stage first imports spaCy in this actor
        self.fn = fn

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        results = [pickle.dumps(self.fn(pickle.loads(x))) for x in batch["item"]]
        return {"index": batch["index"], "result": results}


class RayData:
    """Run batches on Ray Data: a local Ray (no address) or a running cluster (``ray://host:port``)."""

    flush_every = 4096  # documents per Ray job: each job starts its actors (and their models) once

    def __init__(self, address: str | None = None, workers: int = 0, shuffle_from: int = LOCAL_SHUFFLE_BELOW) -> None:
        try:
            import ray
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise RuntimeError("the Ray engine needs the extra: pip install 'newsledger[ray]'") from exc
        self.ray = ray
        self.workers = workers or os.cpu_count() or 1
        self.shuffle_from = shuffle_from
        if not ray.is_initialized():
            kwargs: dict[str, Any] = {
                "address": address,
                "ignore_reinit_error": True,
                "include_dashboard": False,
                "log_to_driver": False,
            }
            if address is None:
                kwargs["num_cpus"] = self.workers
            ray.init(**kwargs)
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        rows = [{"index": i, "item": pickle.dumps(item)} for i, item in enumerate(items)]
        if not rows:
            return iter(())
        ds = self.ray.data.from_items(rows, override_num_blocks=min(len(rows), self.workers * 4))
        ds = ds.map_batches(_Apply, fn_constructor_args=(fn,), batch_size=1, concurrency=min(self.workers, len(rows)))
        out = sorted(ds.take_all(), key=lambda r: r["index"])
        return (pickle.loads(r["result"]) for r in out)

    def group_map(
        self, fn: Callable[[list[Any]], list[Any]], keyed: Iterable[tuple[str, Any]], min_size: int = 2
    ) -> Iterator[Any]:
        """A shuffle on Ray Data: rows grouped by key across the cluster, ``fn`` applied on the
        workers to each group of at least ``min_size`` (near-duplicate buckets keyed by LSH band,
        entities by name key, figures by unit). Groups come back in no set order: ``fn``'s results
        must carry what the caller needs to order them."""
        pairs = list(keyed)
        if len(pairs) < max(self.shuffle_from, 1):  # a Ray job costs seconds to start: small ones stay here
            return iter(group_spilling(fn, pairs, min_size))
        rows = [{"key": k, "value": pickle.dumps(v)} for k, v in pairs]
        ds = self.ray.data.from_items(rows, override_num_blocks=min(len(rows), self.workers * 4))

        def apply_group(group: Any) -> Any:
            return _apply_group(fn, group, min_size)

        out = ds.groupby("key", num_partitions=self.workers * 2).map_groups(apply_group, batch_format="pandas").take_all()
        return (pickle.loads(r["result"]) for r in out)

    def close(self) -> None:
        pass  # Ray is left running for the rest of the process; ray.shutdown() at exit


def _apply_group(fn: Callable[[list[Any]], list[Any]], group: Any, min_size: int) -> Any:
    """Apply a function to the values of one key's group (on a Ray worker)."""
    import pandas as pd

    values = [pickle.loads(v) for v in group["value"]]
    results = fn(values) if len(values) >= min_size else []
    return pd.DataFrame({"result": [pickle.dumps(r) for r in results]}, dtype=object)


def measured(fn: Callable[[T], R], item: T) -> tuple[R, int, float]:
    """Run a stage on one batch and say where it ran and how much memory that process has
    needed so far: (result, process id, peak RSS in MB). Picklable, so every executor can run it."""
    result = fn(item)
    return result, os.getpid(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_executor(engine: str, workers: int = 0, address: str | None = None, shuffle_from: int = LOCAL_SHUFFLE_BELOW) -> Executor:
    if engine == "local":
        return InProcess()
    if engine == "processes":
        return ProcessPool(workers or os.cpu_count() or 1)
    if engine == "ray":
        return RayData(address=address, workers=workers, shuffle_from=shuffle_from)
    raise ValueError(f"unknown engine {engine!r} (choose: local, processes, ray)")
