"""Asynchronous jobs (``POST /v1/jobs``): a small in-memory store of jobs that run on the app's worker pool.

A job is one document or several (a batch); its documents run one after another, each on the pool the synchronous
routes use, under the job's own deadline (``JIXIAO_JOB_TIMEOUT_S``), and each ends with one record or one problem.
Memory is bounded: at most ``JIXIAO_MAX_JOBS`` jobs are held (queued, running, or finished and not expired), an
upload is dropped as soon as its document starts, and a finished job is forgotten ``JIXIAO_JOB_TTL_S`` after it
finished. In memory only: jobs do not survive a restart, and each process of ``jixiao serve --workers N`` holds its
own, so a deployment of several processes or instances wants the CLI/Ray batch path or a shared store (not built).
"""

from __future__ import annotations

import collections
import logging
import math
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

import anyio
from anyio.abc import TaskGroup

from jixiao.config import Settings
from jixiao.service.problems import (
    InternalError,
    JobExpiredError,
    JobNotFoundError,
    JobQueueFullError,
    NotReadyError,
    problem_for,
)
from jixiao.service.schemas import BatchItem, JobProgress, JobStatus

log = logging.getLogger("jixiao.service")

# Retry-After of a job not finished: OCR takes seconds a page, so polling faster than this only costs requests.
POLL_AFTER_S = 2
# Ids of forgotten jobs are remembered, to answer job.expired rather than job.not_found, up to this many times the
# store's size: bounded like the store itself.
FORGOTTEN_PER_JOB = 4

# (job id, index of the document, the document, anyio deadline) -> its record or its problem; never raises
RunDocument = Callable[[str, int, object, float], Awaitable[BatchItem]]


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class JobEntry:
    """One job. ``inputs`` holds the documents not started yet; ``results`` one slot per document."""

    id: str
    batch: bool
    inputs: list
    results: list[BatchItem | None]
    created: datetime
    status: str = "queued"
    started: datetime | None = None
    finished: datetime | None = None
    read: bool = False  # its result was fetched: the first finished job to go when the store is full
    deadline: float | None = None  # anyio time, from the start
    scope: anyio.CancelScope = field(default_factory=anyio.CancelScope)

    @property
    def is_finished(self) -> bool:
        return self.finished is not None

    def progress(self) -> JobProgress:
        items = [item for item in self.results if item is not None]
        ok = sum(1 for item in items if item.ok)
        return JobProgress(total=len(self.results), done=len(items), succeeded=ok, failed=len(items) - ok)


class JobStore:
    """The jobs of one app (``app.state.jobs``). ``clock`` gives the times of the status documents and of expiry
    (tests inject one to expire jobs without sleeping); deadlines run on anyio's clock like the requests'."""

    def __init__(self, settings: Settings, *, clock: Callable[[], datetime] = utc_now, metrics=None):
        self.settings = settings
        self.clock = clock
        self.metrics = metrics
        self.jobs: dict[str, JobEntry] = {}
        self.forgotten: collections.deque[str] = collections.deque(maxlen=settings.max_jobs * FORGOTTEN_PER_JOB)
        self._tasks: TaskGroup | None = None
        self._slots: anyio.CapacityLimiter | None = None

    def attach(self, tasks: TaskGroup, slots: int) -> None:
        """Called in the running event loop (the lifespan): jobs run in ``tasks``, at most ``slots`` at once."""
        self._tasks = tasks
        self._slots = anyio.CapacityLimiter(max(1, slots))

    @property
    def ttl(self) -> timedelta:
        return timedelta(seconds=self.settings.job_ttl_s)

    def check_room(self) -> None:
        """Raise ``JobQueueFullError`` when no job can be taken (before an upload is read)."""
        self.expire()
        if len(self.jobs) >= self.settings.max_jobs:
            self._drop_oldest_read()
        if len(self.jobs) >= self.settings.max_jobs:
            self._count("rejected")
            raise JobQueueFullError(
                f"{len(self.jobs)} jobs are queued, running or waiting to be read, the limit (JIXIAO_MAX_JOBS); "
                "retry later, and DELETE the jobs whose results you have", self._retry_after())

    def submit(self, inputs: list, batch: bool, run_document: RunDocument) -> JobEntry:
        if self._tasks is None or self._slots is None:
            raise NotReadyError("the job runner is not started yet; retry when /readyz answers 200")
        self.check_room()
        entry = JobEntry(id=uuid.uuid4().hex, batch=batch, inputs=list(inputs), results=[None] * len(inputs),
                         created=self.clock())
        self.jobs[entry.id] = entry
        self._tasks.start_soon(self._run, entry, run_document)
        self._count("accepted")
        return entry

    def get(self, job_id: str) -> JobEntry:
        self.expire()
        entry = self.jobs.get(job_id)
        if entry is not None:
            return entry
        if job_id in self.forgotten:
            raise JobExpiredError(f"job {job_id} finished more than JIXIAO_JOB_TTL_S ({self.settings.job_ttl_s:g} s) "
                                  "ago, or its result was read and made room for a new job; its result was dropped")
        raise JobNotFoundError(f"no job {job_id!r}: never submitted, or deleted. Jobs live in the memory of the process "
                               "that took them: a restart loses them, and each process of a multi-process server has its own")

    def cancel(self, job_id: str) -> None:
        """Forget the job; one not finished is cancelled (a document already in a worker stops at its next deadline
        check, or, in a worker process, when it is done: its worker stays counted busy until then)."""
        entry = self.get(job_id)
        del self.jobs[job_id]
        if not entry.is_finished:
            entry.scope.cancel()
            self._count("cancelled")

    def expire(self) -> None:
        now = self.clock()
        for entry in [e for e in self.jobs.values() if e.is_finished and now >= e.finished + self.ttl]:
            self._forget(entry)
            self._count("expired")

    def describe(self, entry: JobEntry) -> JobStatus:
        error = None
        if not entry.batch and entry.status == "failed" and entry.results[0] is not None:
            error = entry.results[0].error
        return JobStatus(
            id=entry.id, status=entry.status, batch=entry.batch, created_at=entry.created, started_at=entry.started,
            finished_at=entry.finished, expires_at=entry.finished + self.ttl if entry.is_finished else None,
            progress=entry.progress(), result=f"/v1/jobs/{entry.id}/result", error=error)

    async def _run(self, entry: JobEntry, run_document: RunDocument) -> None:
        with entry.scope:
            async with self._slots:
                entry.status = "running"
                entry.started = self.clock()
                entry.deadline = anyio.current_time() + self.settings.job_timeout_s
                try:
                    for index, document in enumerate(entry.inputs):
                        entry.inputs[index] = None  # its bytes are the worker's now
                        entry.results[index] = await run_document(entry.id, index, document, entry.deadline)
                except Exception:  # run_document answers a problem for any document error; this is a bug of ours
                    log.exception("job failed", extra={"job": entry.id})
                    self._fail_the_rest(entry)
                entry.finished = self.clock()
                entry.status = "done" if any(item is not None and item.ok for item in entry.results) else "failed"
                self._count(entry.status)

    def _fail_the_rest(self, entry: JobEntry) -> None:
        problem = problem_for(InternalError("internal error while running this job; the request id identifies it in "
                                            "the logs"), f"/v1/jobs/{entry.id}")
        for index, item in enumerate(entry.results):
            if item is None:
                entry.results[index] = BatchItem(index=index, ok=False, error=problem)
        entry.inputs = []

    def _drop_oldest_read(self) -> None:
        read = [e for e in self.jobs.values() if e.is_finished and e.read]
        if read:
            self._forget(min(read, key=lambda e: e.finished))

    def _forget(self, entry: JobEntry) -> None:
        del self.jobs[entry.id]
        self.forgotten.append(entry.id)

    def _retry_after(self) -> int:
        """Seconds until a place can free itself: the first finished job to expire or running job to reach its
        deadline (a client's DELETE may free one sooner)."""
        now, clock = self.clock(), anyio.current_time()
        waits = [(e.finished + self.ttl - now).total_seconds() for e in self.jobs.values() if e.is_finished]
        waits += [e.deadline - clock for e in self.jobs.values() if not e.is_finished and e.deadline is not None]
        return max(1, math.ceil(min(waits, default=self.settings.job_timeout_s)))

    def _count(self, status: str) -> None:
        if self.metrics is not None:
            self.metrics.jobs.labels(status=status).inc()
