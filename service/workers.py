"""CPU-bound work off the event loop: a bounded set of worker threads and a deadline per request."""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from typing import NamedTuple, TypeVar

import anyio
import anyio.from_thread
import anyio.to_thread

from jixiao.deadline import Deadline
from jixiao.service.problems import TimeoutProblem

T = TypeVar("T")


class Limit(NamedTuple):
    """Which time limit a deadline is, for the problem's words: a request's or an asynchronous job's."""

    what: str
    setting: str


# How long a cancelled document's thread is awaited after its worker process was killed (it returns at once; the
# replacement process it starts is not waited for to load).
KILLED_THREAD_WAIT_S = 10.0

REQUEST_LIMIT = Limit("per-request", "JIXIAO_REQUEST_TIMEOUT_S")
JOB_LIMIT = Limit("job", "JIXIAO_JOB_TIMEOUT_S")


def _ran_out(limit: Limit) -> TimeoutProblem:
    return TimeoutProblem(f"the {limit.what} time limit ({limit.setting}) ran out before this document started")


class Workers:
    """Created inside the running event loop (FastAPI lifespan): anyio limiters belong to a loop.

    The limiter counts running work: a request that timed out answers 504 at once, but its slot is held until
    its thread has actually stopped (at its next deadline check), so abandoned threads never pile up beyond
    ``threads``.
    """

    def __init__(self, threads: int):
        self.limiter = anyio.CapacityLimiter(max(1, threads))

    async def run(self, func: Callable[..., T], *args, deadline: float, limit: Limit = REQUEST_LIMIT) -> T:
        """Run ``func(*args, deadline=...)`` in a worker thread, queueing for one, before the ``anyio.current_time()``
        deadline.

        On timeout the request answers 504 at once. A thread cannot be interrupted, so ``func`` gets the same
        deadline as a ``jixiao.deadline.Deadline`` and stops at its next check (a pipeline stage, a batch of
        tagger windows), which frees the slot; its result or error is dropped. Cancelled (a deleted job), the
        deadline's ``stop`` is set: the thread stops at its next check likewise.
        """
        remaining = deadline - anyio.current_time()
        if remaining <= 0:
            raise _ran_out(limit)
        token = object()
        try:
            with anyio.fail_after(remaining):
                await self.limiter.acquire_on_behalf_of(token)
        except TimeoutError as exc:
            raise TimeoutProblem(f"no worker was free within the {limit.what} limit of {math.ceil(remaining)} s "
                                 f"({limit.setting})") from exc
        remaining = deadline - anyio.current_time()
        cancelled = threading.Event()
        stop = Deadline.after(max(0.0, remaining), stop=cancelled)
        limiter = self.limiter

        def work():
            try:
                return func(*args, deadline=stop)
            finally:
                try:  # back on the event loop: the slot is free once the work has stopped, not when its request gave up
                    anyio.from_thread.run_sync(limiter.release_on_behalf_of, token)
                except RuntimeError:  # the loop is gone (shutdown)
                    pass

        try:
            with anyio.fail_after(max(0.0, remaining)):
                return await anyio.to_thread.run_sync(work, abandon_on_cancel=True)
        except anyio.get_cancelled_exc_class():
            cancelled.set()
            raise
        except TimeoutError as exc:
            raise TimeoutProblem(f"extraction took longer than the {limit.what} limit of {math.ceil(remaining)} s "
                                 f"({limit.setting})") from exc


class ProcessWorkers:
    """Extraction in a pool of worker processes (``jixiao.pipelines.isolate``), one job each at a time.

    The limiter counts running work: a slot is held until its process has answered or, at the deadline, was
    killed (and a fresh one started), so a request past its limit never leaves work running behind a freed
    slot. The event loop only waits on pipes, in threads: ``/healthz`` answers whatever the documents do.
    """

    def __init__(self, settings, size: int, *, load_tagger: bool = True, factory: str | None = None):
        from jixiao.pipelines.isolate import WorkerProcess

        size = max(1, size)
        memory = settings.worker_memory_mb or None
        self.idle = [WorkerProcess(settings, load_tagger=load_tagger, memory_mb=memory, factory=factory) for _ in range(size)]
        self.all = list(self.idle)
        for worker in self.all:  # loaded before the first request (a replacement after a kill loads on its next job)
            worker.wait_ready(300)
        self.limiter = anyio.CapacityLimiter(size)

    @property
    def pids(self) -> list[int]:
        return [w.pid for w in self.all if w.pid is not None]

    async def run(self, func, job, extractor, settings, metrics, *, deadline: float, limit: Limit = REQUEST_LIMIT):
        """Same call as ``Workers.run(run_job, job, extractor, settings, metrics, deadline=...)``: ``func`` and
        ``extractor`` stay in this process unused; the job goes to a worker process."""
        import dataclasses

        from jixiao.errors import DeadlineExceeded
        from jixiao.pipelines.isolate import Job

        if job.error is not None:  # an archive member refused while listed: nothing for a worker to do
            from jixiao.pipelines.archives import ArchiveMemberError

            metrics.documents.labels(format="upload", outcome="error").inc()
            raise ArchiveMemberError(*job.error, source=job.filename)
        async with self.limiter:
            remaining = deadline - anyio.current_time()
            if remaining <= 0:
                raise _ran_out(limit)
            worker = self.idle.pop()
            fmt = "text" if job.data is None else "upload"
            try:
                fields = {k: v for k, v in dataclasses.asdict(job).items() if k != "error"}
                outcome = await _run_killable(worker, Job(**fields), remaining)
            except DeadlineExceeded as exc:
                metrics.documents.labels(format=fmt, outcome="error").inc()
                raise TimeoutProblem(f"extraction took longer than the {limit.what} limit of {math.ceil(remaining)} s "
                                     f"({limit.setting}); it was stopped") from exc
            except Exception:
                metrics.documents.labels(format=fmt, outcome="error").inc()
                raise
            finally:
                self.idle.append(worker)
        metrics.documents.labels(format=outcome.format, outcome="ok").inc()
        metrics.extract_seconds.observe(outcome.seconds)
        return outcome.record

    def close(self) -> None:
        for worker in self.all:
            worker.close()


async def _run_killable(worker, job, timeout: float):
    """``worker.run(job, timeout)`` in a thread; cancelled (a deleted job, a shutdown), the worker process is killed
    at once and its thread awaited: the thread's wait on the pipe fails and restarts the process (unless the pool is
    closed), so the slot is free, with a fresh process, when the cancellation goes on."""
    returned = threading.Event()

    def call():
        try:
            return worker.run(job, timeout)
        finally:
            returned.set()

    try:
        return await anyio.to_thread.run_sync(call, abandon_on_cancel=True)
    except anyio.get_cancelled_exc_class():
        with anyio.CancelScope(shield=True):
            await anyio.to_thread.run_sync(worker.kill)
            # bounded: a killed pipe fails the waiting thread at once; a process start takes a fraction of a second
            await anyio.to_thread.run_sync(returned.wait, KILLED_THREAD_WAIT_S)
        raise
