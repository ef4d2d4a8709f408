"""Time budgets: one input that takes out of proportion long is stopped and reported, never
allowed to hold the build (issue 21).

``time_budget`` raises ``OverBudget`` in the running code after a number of seconds (a SIGALRM
timer, so only in a process's main thread: the in-process engine, pool workers and Ray workers;
elsewhere it does not limit). Code in C returns to Python before the exception is seen.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

CLEAN_SECONDS = 120.0  # cleaning one document (a page of news cleans in well under a second)
EXTRACT_SECONDS = 120.0  # extracting one article (a long feature takes a few seconds)


class OverBudget(Exception):
    """The work took longer than its budget."""


@contextmanager
def time_budget(seconds: float, what: str) -> Iterator[None]:
    """Raise ``OverBudget`` ("<what> took longer than N s") if the block runs past ``seconds``."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def on_alarm(_signum: int, _frame: FrameType | None) -> None:
        raise OverBudget(f"{what} took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
