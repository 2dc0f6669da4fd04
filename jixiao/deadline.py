"""A time limit that long work checks at its own safe points.

A Python thread cannot be stopped from outside, so an extraction that runs
past its limit is asked to stop: the pipeline checks the deadline between
stages and the tagger between batches of windows, and raises
``DeadlineExceeded`` there. The caller (a service worker thread, a bulk CLI
run) gets its thread back within one stage or one batch.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from jixiao.errors import DeadlineExceeded


@dataclass(frozen=True)
class Deadline:
    """An instant on ``time.monotonic()``'s clock; ``None`` never expires."""

    at: float | None = None
    limit_s: float | None = None  # the limit it was made from, for the message
    # Set by whoever gave up on the work (an asynchronous job deleted by its client): the thread stops at its next
    # check as at the deadline, since it cannot be stopped from outside.
    stop: threading.Event | None = field(default=None, compare=False)

    @classmethod
    def after(cls, seconds: float | None, stop: threading.Event | None = None) -> Deadline:
        return cls(stop=stop) if seconds is None else cls(at=time.monotonic() + seconds, limit_s=seconds, stop=stop)

    def check(self, stage: str) -> None:
        """Raise ``DeadlineExceeded`` naming ``stage`` once the deadline has passed or the work was stopped."""
        if self.stop is not None and self.stop.is_set():
            raise DeadlineExceeded(f"the work was cancelled before {stage}")
        if self.at is not None and time.monotonic() >= self.at:
            limit = f" of {self.limit_s:g} s" if self.limit_s is not None else ""
            raise DeadlineExceeded(f"the time limit{limit} ran out before {stage}")


NO_DEADLINE = Deadline()
