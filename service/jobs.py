"""Asynchronous jobs (``POST /v1/jobs``): a store of jobs that run on the app's worker pool.

A job is one document or several (a batch); its documents run one after another, each on the pool the synchronous
routes use, under the job's own deadline (``JIXIAO_JOB_TIMEOUT_S``), and each ends with one record or one problem.
At most ``JIXIAO_MAX_JOBS`` jobs are held (queued, running, or finished and not expired); a finished job is forgotten
``JIXIAO_JOB_TTL_S`` after it finished. The working set lives in memory; with ``JIXIAO_JOBS_DIR`` every change is
written through to ``service/job_db.py`` (SQLite, the inputs as files), so a restart resumes the queued and running
jobs and keeps the finished ones readable. Without it, jobs live in memory only and an upload stays in memory until
its document starts.
"""

from __future__ import annotations

import collections
import itertools
import logging
import math
import sqlite3
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

import anyio
import anyio.to_thread
from anyio.abc import TaskGroup

from jixiao.config import Settings
from jixiao.service.job_db import JobDB, StoredJob, document_meta
from jixiao.service.problems import (
    InternalError,
    JobCancelledError,
    JobExpiredError,
    JobNotFoundError,
    JobQueueFullError,
    JobStoreError,
    NotReadyError,
    problem_for,
)
from jixiao.service.routes_extract import Job, document_id
from jixiao.service.schemas import BatchItem, JobProgress, JobStatus

log = logging.getLogger("jixiao.service")

# Retry-After of a job not finished: OCR takes seconds a page, so polling faster than this only costs requests.
POLL_AFTER_S = 2
# Ids of forgotten jobs are remembered, to answer job.expired rather than job.not_found, up to this many times the
# store's size: bounded like the store itself.
FORGOTTEN_PER_JOB = 4
# A job started this many times without finishing (the service stopped or crashed under it each time) is not run
# again: its documents left get server.error. A document that kills the service must not do so at every start.
MAX_ATTEMPTS = 3

# (job id, index of the document, the document, anyio deadline) -> its record or its problem; never raises
RunDocument = Callable[[str, int, Job, float], Awaitable[BatchItem]]


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class JobEntry:
    """One job. ``inputs`` holds, per document not started, the ``Job`` itself (in memory) or its description
    (``job_db.document_meta``: its bytes are in the jobs folder); ``results`` one slot per document."""

    id: str
    batch: bool
    inputs: list
    results: list[BatchItem | None]
    created: datetime
    doc_ids: list[str | None]
    seq: int = 0  # the order of submission: listing is newest first
    owner: str = ""  # who submitted it (a digest of its bearer token): listing and idempotency keys are per owner
    idem_key: str | None = None
    idem_hash: str | None = None
    status: str = "queued"
    started: datetime | None = None
    finished: datetime | None = None
    read: bool = False  # its result was fetched (or it was cancelled): the first to go when the store is full
    attempts: int = 0
    deadline: float | None = None  # anyio time, from the start
    scope: anyio.CancelScope = field(default_factory=anyio.CancelScope)

    @property
    def is_finished(self) -> bool:
        return self.finished is not None

    def progress(self) -> JobProgress:
        items = [item for item in self.results if item is not None]
        ok = sum(1 for item in items if item.ok)
        return JobProgress(total=len(self.results), done=len(items), succeeded=ok, failed=len(items) - ok)


def _restored(row: StoredJob) -> JobEntry:
    """A job read back at start-up: a finished one as it was, an unfinished one queued again (its documents with a
    result keep it, the others run again)."""
    results = [BatchItem.model_validate_json(row.results[i]) if i in row.results else None
               for i in range(len(row.documents))]
    finished = row.finished is not None
    entry = JobEntry(id=row.id, batch=row.batch, inputs=list(row.documents), results=results, created=row.created,
                     doc_ids=[document_id(Job(doc_id=m["doc_id"], mode=m["mode"], filename=m["filename"]))
                              for m in row.documents],
                     seq=row.seq, owner=row.owner or "", idem_key=row.idem_key, idem_hash=row.idem_hash,
                     status=row.status if finished else "queued", started=row.started if finished else None,
                     finished=row.finished, read=row.read, attempts=row.attempts)
    if finished:
        entry.inputs = []
    return entry


class JobStore:
    """The jobs of one app (``app.state.jobs``). ``clock`` gives the times of the status documents and of expiry
    (tests inject one to expire jobs without sleeping); deadlines run on anyio's clock like the requests'."""

    def __init__(self, settings: Settings, *, clock: Callable[[], datetime] = utc_now, metrics=None):
        self.settings = settings
        self.clock = clock
        self.metrics = metrics
        self.jobs: dict[str, JobEntry] = {}
        self.forgotten: collections.deque[str] = collections.deque(maxlen=settings.max_jobs * FORGOTTEN_PER_JOB)
        self.db: JobDB | None = None
        self._seq = itertools.count(1)
        self._tasks: TaskGroup | None = None
        self._slots: anyio.CapacityLimiter | None = None
        self._run_document: RunDocument | None = None

    async def open(self) -> None:
        """With ``JIXIAO_JOBS_DIR``: claim its store and read its jobs back (called by the lifespan, before
        ``attach``); expired ones are purged, rows and inputs."""
        if self.settings.jobs_dir is None:
            return
        self.db = await anyio.to_thread.run_sync(JobDB.open, self.settings.jobs_dir)
        rows = await anyio.to_thread.run_sync(self.db.load)
        for row in rows:
            self.jobs[row.id] = _restored(row)
        self._seq = itertools.count(max((row.seq for row in rows), default=0) + 1)
        unfinished = {e.id for e in self.jobs.values() if not e.is_finished}
        await anyio.to_thread.run_sync(self.db.drop_orphan_inputs, unfinished)
        self.expire()
        if rows:
            log.info("jobs restored", extra={"jobs": len(self.jobs), "resumed": len(unfinished), "slot": self.db.slot})

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

    def attach(self, tasks: TaskGroup, slots: int, run_document: RunDocument) -> None:
        """Called in the running event loop (the lifespan): jobs run in ``tasks``, at most ``slots`` at once, each
        document through ``run_document``. Jobs read back unfinished start again, oldest first."""
        self._tasks = tasks
        self._slots = anyio.CapacityLimiter(max(1, slots))
        self._run_document = run_document
        for entry in sorted((e for e in self.jobs.values() if not e.is_finished), key=lambda e: e.seq):
            tasks.start_soon(self._run, entry)

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

    def find_idempotent(self, owner: str, key: str) -> JobEntry | None:
        """The held job submitted by ``owner`` with this ``Idempotency-Key``, if any."""
        self.expire()
        return next((e for e in self.jobs.values() if e.owner == owner and e.idem_key == key), None)

    async def submit(self, documents: list[Job], batch: bool, *, owner: str = "", idem_key: str | None = None,
                     idem_hash: str | None = None) -> JobEntry:
        if self._tasks is None or self._slots is None:
            raise NotReadyError("the job runner is not started yet; retry when /readyz answers 200")
        self.check_room()
        entry = JobEntry(id=uuid.uuid4().hex, batch=batch, inputs=list(documents), results=[None] * len(documents),
                         created=self.clock(), doc_ids=[document_id(job) for job in documents], seq=next(self._seq),
                         owner=owner, idem_key=idem_key, idem_hash=idem_hash)
        self.jobs[entry.id] = entry  # holds its place (and its key) while its inputs are written
        if self.db is not None:
            await self._persist(entry, documents)
        self._tasks.start_soon(self._run, entry)
        self._count("accepted")
        return entry

    async def _persist(self, entry: JobEntry, documents: list[Job]) -> None:
        """Inputs first, then the row: a row always has its inputs; inputs without a row are dropped at start-up."""
        try:
            await anyio.to_thread.run_sync(self.db.save_inputs, entry.id, documents)
            self.db.insert(entry, [document_meta(job) for job in documents])
        except (OSError, sqlite3.Error) as exc:
            del self.jobs[entry.id]
            log.exception("job store write failed", extra={"job": entry.id})
            await anyio.to_thread.run_sync(self.db.drop_inputs, entry.id)
            raise JobStoreError(f"the job store (JIXIAO_JOBS_DIR) could not take the job: {exc}; retry later") from None
        entry.inputs = [document_meta(job) for job in documents]  # the bytes are on disk, not in memory

    def get(self, job_id: str) -> JobEntry:
        self.expire()
        entry = self.jobs.get(job_id)
        if entry is not None:
            return entry
        if job_id in self.forgotten:
            raise JobExpiredError(f"job {job_id} finished more than JIXIAO_JOB_TTL_S ({self.settings.job_ttl_s:g} s) "
                                  "ago, or its result was read and made room for a new job; its result was dropped")
        where = ("Jobs live in the memory of the process that took them: a restart loses them, and each process of a "
                 "multi-process server has its own" if self.db is None else
                 "Each process of a multi-process server holds its own jobs")
        raise JobNotFoundError(f"no job {job_id!r}: never submitted, or deleted. {where}")

    def page(self, owner: str, status: str | None, limit: int, before: int | None) -> tuple[list[JobEntry], int | None]:
        """``owner``'s jobs, newest first, of ``status`` if given, submitted before ``before`` (a ``seq``); and the
        ``seq`` to continue from when there are more."""
        self.expire()
        entries = sorted((e for e in self.jobs.values() if e.owner == owner and (status is None or e.status == status)
                          and (before is None or e.seq < before)), key=lambda e: e.seq, reverse=True)
        page = entries[:limit]
        return page, (page[-1].seq if len(entries) > limit else None)

    def mark_read(self, entry: JobEntry) -> None:
        if not entry.read:
            entry.read = True
            self._write(self.db and self.db.mark_read, entry.id)

    def cancel(self, job_id: str) -> JobEntry | None:
        """A job not finished is cancelled: it ends ``cancelled`` at once, and its document in a worker is stopped
        (a worker process killed, a thread stopped at its next check); it is returned. A finished job is forgotten
        (None)."""
        entry = self.get(job_id)
        if entry.is_finished:
            self._drop(entry)
            return None
        problem = problem_for(JobCancelledError(f"job {job_id} was cancelled (DELETE) before this document finished"),
                              f"/v1/jobs/{job_id}")
        for index, item in enumerate(entry.results):
            if item is None:
                entry.results[index] = BatchItem(index=index, doc_id=entry.doc_ids[index], ok=False, error=problem)
        entry.read = True  # its client gave it up: the first to make room
        self._finish(entry, "cancelled")
        entry.scope.cancel()
        return entry

    def expire(self) -> None:
        now = self.clock()
        for entry in [e for e in self.jobs.values() if e.is_finished and now >= e.finished + self.ttl]:
            self._forget(entry)
            self._count("expired")

    def describe(self, entry: JobEntry) -> JobStatus:
        error = None
        if not entry.batch and entry.status in ("failed", "cancelled") and entry.results[0] is not None:
            error = entry.results[0].error
        return JobStatus(
            id=entry.id, status=entry.status, batch=entry.batch, created_at=entry.created, started_at=entry.started,
            finished_at=entry.finished, expires_at=entry.finished + self.ttl if entry.is_finished else None,
            progress=entry.progress(), result=f"/v1/jobs/{entry.id}/result", error=error)

    async def _run(self, entry: JobEntry) -> None:
        # Cancelled by a DELETE, the scope ends it quietly (``cancel`` wrote its end); cancelled by a shutdown, the
        # task group's cancellation goes through and nothing is written: the job is still queued or running in the
        # store, and runs again at the next start.
        with entry.scope:
            async with self._slots:
                if entry.is_finished:  # cancelled before it got a slot
                    return
                entry.status, entry.started = "running", self.clock()
                entry.attempts += 1
                entry.deadline = anyio.current_time() + self.settings.job_timeout_s
                self._write(self.db and self.db.started, entry.id, entry.started, entry.attempts)
                if entry.attempts > MAX_ATTEMPTS:
                    self._fail_the_rest(entry, f"the service stopped while this job was running, {MAX_ATTEMPTS} times; "
                                               "it is not run again")
                else:
                    await self._run_documents(entry)
                if not entry.is_finished:
                    self._finish(entry, "done" if any(item is not None and item.ok for item in entry.results) else "failed")

    async def _run_documents(self, entry: JobEntry) -> None:
        try:
            for index in range(len(entry.results)):
                if entry.results[index] is not None:  # finished before a restart
                    continue
                document = await self._document(entry, index)
                item = await self._run_document(entry.id, index, document, entry.deadline)
                if entry.is_finished:  # cancelled while its last step returned
                    return
                entry.results[index] = item
                self._write(self.db and self.db.result, entry.id, index, item.model_dump_json())
        except Exception:  # run_document answers a problem for any document error; this is a bug of ours or the store's
            log.exception("job failed", extra={"job": entry.id})
            self._fail_the_rest(entry, "internal error while running this job; the request id identifies it in the logs")

    async def _document(self, entry: JobEntry, index: int) -> Job:
        held, entry.inputs[index] = entry.inputs[index], None  # in memory: its bytes are the worker's now
        if self.db is None:
            return held
        return await anyio.to_thread.run_sync(self.db.load_input, entry.id, index, held)

    def _finish(self, entry: JobEntry, status: str) -> None:
        """The job's end, written with the results not written yet; its inputs are dropped."""
        entry.finished, entry.status = self.clock(), status
        entry.inputs = []
        if self.db is not None:
            self._write(self.db.finished, entry.id, status, entry.finished,
                        {i: item.model_dump_json() for i, item in enumerate(entry.results) if item is not None})
            self.db.drop_inputs(entry.id)
        self._count(status)

    def _fail_the_rest(self, entry: JobEntry, message: str) -> None:
        problem = problem_for(InternalError(message), f"/v1/jobs/{entry.id}")
        for index, item in enumerate(entry.results):
            if item is None:
                entry.results[index] = BatchItem(index=index, doc_id=entry.doc_ids[index], ok=False, error=problem)

    def _drop_oldest_read(self) -> None:
        read = [e for e in self.jobs.values() if e.is_finished and e.read]
        if read:
            self._forget(min(read, key=lambda e: e.finished))

    def _forget(self, entry: JobEntry) -> None:
        """An expired job, or one read that made room: later asked for, it answers job.expired."""
        self._drop(entry)
        self.forgotten.append(entry.id)

    def _drop(self, entry: JobEntry) -> None:
        del self.jobs[entry.id]
        if self.db is not None:
            self._write(self.db.delete, entry.id)
            self.db.drop_inputs(entry.id)

    def _write(self, write, *args) -> None:
        """A change written through to the durable store (``write`` None: in memory only). A failed write (a full
        disk) is logged and the job goes on in memory: what is lost is that change's survival of a restart, not the
        job, and a job runner that raised would take every other job down with it."""
        if write is None:
            return
        try:
            write(*args)
        except (OSError, sqlite3.Error):
            log.exception("job store write failed", extra={"job": args[0] if args else None})

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
