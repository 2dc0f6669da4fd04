"""CPU-bound work off the event loop: a bounded set of worker threads and a deadline per request."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TypeVar

import anyio
import anyio.to_thread

from jixiao.deadline import Deadline
from jixiao.service.problems import TimeoutProblem

T = TypeVar("T")


class Workers:
    """Created inside the running event loop (FastAPI lifespan): anyio limiters belong to a loop."""

    def __init__(self, threads: int):
        self.limiter = anyio.CapacityLimiter(max(1, threads))

    async def run(self, func: Callable[..., T], *args, deadline: float) -> T:
        """Run ``func(*args, deadline=...)`` in a worker thread, queueing for one, before the ``anyio.current_time()``
        deadline.

        On timeout the request answers 504 at once. A thread cannot be interrupted, so ``func`` gets the same
        deadline as a ``jixiao.deadline.Deadline`` and stops at its next check (a pipeline stage, a batch of
        tagger windows), freeing the worker; its result or error is dropped.
        """
        remaining = deadline - anyio.current_time()
        if remaining <= 0:
            raise TimeoutProblem("the per-request time limit (JIXIAO_REQUEST_TIMEOUT_S) ran out before this document started")
        stop = Deadline.after(remaining)
        try:
            with anyio.fail_after(remaining):
                return await anyio.to_thread.run_sync(lambda: func(*args, deadline=stop), limiter=self.limiter,
                                                      abandon_on_cancel=True)
        except TimeoutError as exc:
            raise TimeoutProblem(f"extraction took longer than the per-request limit of {math.ceil(remaining)} s (JIXIAO_REQUEST_TIMEOUT_S)") from exc
