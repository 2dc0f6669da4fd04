"""Asynchronous jobs (``POST /v1/jobs``): a store of jobs that run on the app's worker pool.

A job is one document or several (a batch); its documents run one after another, each on the pool the synchronous
routes use, under the job's own deadline (``JIXIAO_JOB_TIMEOUT_S``), and each ends with one record or one problem.
At most ``JIXIAO_MAX_JOBS`` jobs are held (queued, running, or finished and not expired); a finished job is forgotten
``JIXIAO_JOB_TTL_S`` after it finished. Without ``JIXIAO_JOBS_DIR`` jobs live in this process's memory (an upload
stays in memory until its document starts). With it, the jobs live in ``service/job_db.py`` (SQLite in WAL mode, the
inputs as files), shared by every server process of the host: any process answers a job's status, results and the
listing from it, and holds in memory only the jobs it runs. A job is run by the process holding its lease
(``service/job_lease.py``): the one that accepted it, or a live one that took it over from a process that died;
a DELETE through another process finishes the job in the database, and its runner sees that at its next heartbeat
(``JIXIAO_JOB_HEARTBEAT_S``) and stops its worker. A restart resumes the queued and running jobs of the processes
that are gone.
"""

from __future__ import annotations

import collections
import itertools
import logging
import math
import sqlite3
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

import anyio
import anyio.to_thread
from anyio.abc import TaskGroup

from jixiao.config import Settings
from jixiao.service.job_db import JobDB, document_meta
from jixiao.service.job_entry import IdempotentReplay, JobEntry, restored, utc_now
from jixiao.service.job_lease import OwnerLock, owner_alive, sweep_owners
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
from jixiao.service.schemas import BatchItem, JobStatus

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


class JobStore:
    """The jobs of one app (``app.state.jobs``). ``clock`` gives the times of the status documents and of expiry
    (tests inject one to expire jobs without sleeping); deadlines run on anyio's clock like the requests', leases on
    the wall clock (``time.time``: they are compared between processes).

    Without a jobs folder ``jobs`` holds every job; with one, the database holds them and ``jobs`` only those this
    process runs (their cancel scopes, their deadlines)."""

    def __init__(self, settings: Settings, *, clock: Callable[[], datetime] = utc_now, metrics=None):
        self.settings = settings
        self.clock = clock
        self.metrics = metrics
        self.jobs: dict[str, JobEntry] = {}
        self.forgotten: collections.deque[str] = collections.deque(maxlen=self._remembered)
        self.db: JobDB | None = None
        self.owner: OwnerLock | None = None
        self._seq = itertools.count(1)
        self._tasks: TaskGroup | None = None
        self._slots: anyio.CapacityLimiter | None = None
        self._run_document: RunDocument | None = None

    @property
    def _remembered(self) -> int:
        return self.settings.max_jobs * FORGOTTEN_PER_JOB

    @property
    def lease(self) -> str | None:
        return self.owner.lease if self.owner is not None else None

    async def open(self) -> None:
        """With ``JIXIAO_JOBS_DIR``: open the shared database and take this process's lease (called by the lifespan,
        before ``attach``); expired jobs are purged, rows and inputs. Unfinished jobs of dead processes are taken
        over by ``attach``'s watcher."""
        if self.settings.jobs_dir is None:
            return
        self.db = await anyio.to_thread.run_sync(JobDB.open, self.settings.jobs_dir)
        self.owner = await anyio.to_thread.run_sync(OwnerLock, self.settings.jobs_dir)
        await anyio.to_thread.run_sync(sweep_owners, self.settings.jobs_dir)
        await anyio.to_thread.run_sync(self.db.drop_orphan_inputs, time.time())
        self.expire()
        log.info("jobs opened", extra={"jobs": self.db.count(), "lease": self.lease})

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None
        if self.owner is not None:
            self.owner.close()  # after the database: our jobs left unfinished are free to take over from now
            self.owner = None

    def attach(self, tasks: TaskGroup, slots: int, run_document: RunDocument) -> None:
        """Called in the running event loop (the lifespan): jobs run in ``tasks``, at most ``slots`` at once, each
        document through ``run_document``. With a jobs folder, a watcher renews this process's leases and takes over
        the jobs of dead processes (the last run's, after a restart), oldest first."""
        self._tasks = tasks
        self._slots = anyio.CapacityLimiter(max(1, slots))
        self._run_document = run_document
        if self.db is not None:
            tasks.start_soon(self._watch_forever)

    @property
    def ttl(self) -> timedelta:
        return timedelta(seconds=self.settings.job_ttl_s)

    def check_room(self) -> None:
        """Raise ``JobQueueFullError`` when no job can be taken (before an upload is read)."""
        self.expire()
        if self._held() >= self.settings.max_jobs:
            self._drop_oldest_read()
        if (held := self._held()) >= self.settings.max_jobs:
            self._count("rejected")
            raise JobQueueFullError(
                f"{held} jobs are queued, running or waiting to be read, the limit (JIXIAO_MAX_JOBS); "
                "retry later, and DELETE the jobs whose results you have", self._retry_after())

    def _held(self) -> int:
        return self.db.count() if self.db is not None else len(self.jobs)

    def find_idempotent(self, owner: str, key: str) -> JobEntry | None:
        """The held job submitted by ``owner`` with this ``Idempotency-Key``, if any (in any process)."""
        self.expire()
        if self.db is not None:
            row = self.db.find_idempotent(owner, key)
            return restored(row) if row is not None else None
        return next((e for e in self.jobs.values() if e.owner == owner and e.idem_key == key), None)

    async def submit(self, documents: list[Job], batch: bool, *, owner: str = "", idem_key: str | None = None,
                     idem_hash: str | None = None) -> JobEntry:
        """Raises ``IdempotentReplay`` when another process took ``idem_key`` meanwhile."""
        if self._tasks is None or self._slots is None:
            raise NotReadyError("the job runner is not started yet; retry when /readyz answers 200")
        self.check_room()
        entry = JobEntry(id=uuid.uuid4().hex, batch=batch, inputs=list(documents), results=[None] * len(documents),
                         created=self.clock(), doc_ids=[document_id(job) for job in documents], owner=owner,
                         idem_key=idem_key, idem_hash=idem_hash)
        self.jobs[entry.id] = entry  # holds its place (and its key) while its inputs are written
        if self.db is not None:
            await self._persist(entry, documents)
        else:
            entry.seq = next(self._seq)
        self._tasks.start_soon(self._run, entry)
        self._count("accepted")
        return entry

    async def _persist(self, entry: JobEntry, documents: list[Job]) -> None:
        """Inputs first, then the row: a row always has its inputs; old inputs without a row are dropped at start-up."""
        try:
            await anyio.to_thread.run_sync(self.db.save_inputs, entry.id, documents)
            entry.seq = self.db.insert(entry, [document_meta(job) for job in documents], self.lease, time.time())
        except (OSError, sqlite3.Error) as exc:
            del self.jobs[entry.id]
            await anyio.to_thread.run_sync(self.db.drop_inputs, entry.id)
            earlier = self.find_idempotent(entry.owner, entry.idem_key) if entry.idem_key is not None else None
            if isinstance(exc, sqlite3.IntegrityError) and earlier is not None:
                raise IdempotentReplay(earlier) from None
            log.exception("job store write failed", extra={"job": entry.id})
            raise JobStoreError(f"the job store (JIXIAO_JOBS_DIR) could not take the job: {exc}; retry later") from None
        entry.inputs = [document_meta(job) for job in documents]  # the bytes are on disk, not in memory

    def get(self, job_id: str) -> JobEntry:
        self.expire()
        if self.db is not None:
            row = self.db.row(job_id)
            entry = restored(row) if row is not None else None
            forgotten = entry is None and self.db.is_forgotten(job_id)
        else:
            entry = self.jobs.get(job_id)
            forgotten = job_id in self.forgotten
        if entry is not None:
            return entry
        if forgotten:
            raise JobExpiredError(f"job {job_id} finished more than JIXIAO_JOB_TTL_S ({self.settings.job_ttl_s:g} s) "
                                  "ago, or its result was read and made room for a new job; its result was dropped")
        where = ("Jobs live in the memory of the process that took them: a restart loses them, and each process of a "
                 "multi-process server has its own (JIXIAO_JOBS_DIR shares them)" if self.db is None else
                 "The server processes sharing JIXIAO_JOBS_DIR hold no such job")
        raise JobNotFoundError(f"no job {job_id!r}: never submitted, or deleted. {where}")

    def page(self, owner: str, status: str | None, limit: int, before: int | None) -> tuple[list[JobEntry], int | None]:
        """``owner``'s jobs, newest first, of ``status`` if given, submitted before ``before`` (a ``seq``); and the
        ``seq`` to continue from when there are more."""
        self.expire()
        if self.db is not None:
            entries = [restored(row) for row in self.db.page(owner, status, limit + 1, before)]
        else:
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
        (a worker process killed, a thread stopped at its next check): at once when this process runs it, at the
        running process's next heartbeat otherwise. It is returned. A finished job is forgotten (None)."""
        entry = self.get(job_id)
        if entry.is_finished:
            self._drop(entry, required=True)
            return None
        mine = self.jobs.get(job_id)
        entry = mine if mine is not None else entry
        problem = problem_for(JobCancelledError(f"job {job_id} was cancelled (DELETE) before this document finished"),
                              f"/v1/jobs/{job_id}")
        before, read_before = list(entry.results), entry.read
        for index, item in enumerate(entry.results):
            if item is None:
                entry.results[index] = BatchItem(index=index, doc_id=entry.doc_ids[index], ok=False, error=problem)
        entry.read = True  # its client gave it up: the first to make room
        # Whoever holds the lease: a DELETE is the client's will. Only a job finished meanwhile is not cancelled
        # (the write is conditional on its being unfinished): then it is forgotten like any finished job. A store
        # that cannot take the write (locked past its timeout) answers 503 and the job runs on as it was: a 204
        # would tell the client a job is gone that the store still runs.
        try:
            finished = self._finish(entry, "cancelled", lease=None, required=True)
        except JobStoreError:
            entry.results[:], entry.read = before, read_before
            raise
        if not finished:
            return self.cancel(job_id)
        entry.scope.cancel()
        return entry

    def expire(self) -> None:
        now = self.clock()
        if self.db is not None:
            gone = self._write(self.db.expired, now - self.ttl) or []
            self._forget_rows(gone)
            for _ in gone:
                self._count("expired")
            return
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
        # store, and runs again at the next start (or in another live process, which takes it over).
        with entry.scope:
            async with self._slots:
                if entry.is_finished or entry.lost:  # cancelled before it got a slot
                    return
                entry.status, entry.started = "running", self.clock()
                entry.attempts += 1
                entry.deadline = anyio.current_time() + self.settings.job_timeout_s
                if self._write(self.db and self.db.started, entry.id, entry.started, entry.attempts, self.lease) is False:
                    return self._lose(entry)
                if entry.attempts > MAX_ATTEMPTS:
                    self._fail_the_rest(entry, f"the service stopped while this job was running, {MAX_ATTEMPTS} times; "
                                               "it is not run again")
                else:
                    await self._run_documents(entry)
                if not entry.is_finished and not entry.lost:
                    self._finish(entry, "done" if any(item is not None and item.ok for item in entry.results) else "failed",
                                 lease=self.lease)

    async def _run_documents(self, entry: JobEntry) -> None:
        try:
            for index in range(len(entry.results)):
                if entry.results[index] is not None:  # finished before a restart
                    continue
                try:
                    document = await self._document(entry, index)
                except FileNotFoundError:
                    if self.db is not None and entry.id not in self.db.held_by(self.lease):
                        return self._lose(entry)  # finished elsewhere (a DELETE there dropped its inputs) meanwhile
                    raise
                item = await self._run_document(entry.id, index, document, entry.deadline)
                if entry.is_finished or entry.lost:  # cancelled while its last step returned
                    return
                entry.results[index] = item
                if self._write(self.db and self.db.result, entry.id, index, item.model_dump_json(), self.lease) is False:
                    return self._lose(entry)  # finished elsewhere (a DELETE there): checked between documents
        except Exception:  # run_document answers a problem for any document error; this is a bug of ours or the store's
            log.exception("job failed", extra={"job": entry.id})
            self._fail_the_rest(entry, "internal error while running this job; the request id identifies it in the logs")

    async def _document(self, entry: JobEntry, index: int) -> Job:
        held, entry.inputs[index] = entry.inputs[index], None  # in memory: its bytes are the worker's now
        if self.db is None:
            return held
        return await anyio.to_thread.run_sync(self.db.load_input, entry.id, index, held)

    def _finish(self, entry: JobEntry, status: str, lease: str | None, required: bool = False) -> bool:
        """The job's end, written with the results not written yet, if it is not finished already and (``lease``
        given) still ours; its inputs are dropped. False when nothing was written."""
        if self.db is not None:
            finished = self.clock()
            written = self._write(self.db.finished, entry.id, status, finished,
                                  {i: item.model_dump_json() for i, item in enumerate(entry.results) if item is not None},
                                  lease, required=required)
            if written is False:
                return False
            if entry.read:
                self._write(self.db.mark_read, entry.id)
            self.db.drop_inputs(entry.id)
            self.jobs.pop(entry.id, None)  # the database answers for it from now on
            entry.finished, entry.status = finished, status
        else:
            entry.finished, entry.status = self.clock(), status
        entry.inputs = []
        self._count(status)
        return True

    def _lose(self, entry: JobEntry) -> None:
        """A job of ours that another process finished (a DELETE there) or took over: no more writes; its worker is
        stopped by its scope."""
        entry.lost = True
        self.jobs.pop(entry.id, None)
        entry.scope.cancel()

    def _fail_the_rest(self, entry: JobEntry, message: str) -> None:
        problem = problem_for(InternalError(message), f"/v1/jobs/{entry.id}")
        for index, item in enumerate(entry.results):
            if item is None:
                entry.results[index] = BatchItem(index=index, doc_id=entry.doc_ids[index], ok=False, error=problem)

    def _drop_oldest_read(self) -> None:
        if self.db is not None:
            oldest = self.db.oldest_read()
            self._forget_rows([oldest] if oldest is not None else [])
            return
        read = [e for e in self.jobs.values() if e.is_finished and e.read]
        if read:
            self._forget(min(read, key=lambda e: e.finished))

    def _forget(self, entry: JobEntry) -> None:
        """An expired job, or one read that made room: later asked for, it answers job.expired."""
        self._drop(entry)
        self.forgotten.append(entry.id)

    def _forget_rows(self, job_ids: list[str]) -> None:
        """Finished rows (only those: a live job, of any process, is never purged), remembered as forgotten."""
        if job_ids:
            self._write(self.db.forget, job_ids, time.time(), self._remembered)
            for job_id in job_ids:
                self.db.drop_inputs(job_id)

    def _drop(self, entry: JobEntry, required: bool = False) -> None:
        if self.db is not None:
            self._write(self.db.delete, entry.id, time.time(), required=required)
            self.db.drop_inputs(entry.id)
        self.jobs.pop(entry.id, None)

    def _write(self, write, *args, required: bool = False):
        """A change written to the durable store (``write`` None: in memory only), and what it answered. A failed
        write (a full disk) is logged and the job goes on in memory: what is lost is that change's survival of a
        restart, not the job, and a job runner that raised would take every other job down with it. ``required``:
        a client's request that is only done once written (a DELETE) raises ``JobStoreError`` (503) instead."""
        if write is None:
            return None
        try:
            return write(*args)
        except (OSError, sqlite3.Error) as exc:
            log.exception("job store write failed", extra={"job": args[0] if args else None})
            if required:
                raise JobStoreError(f"the job store (JIXIAO_JOBS_DIR) could not take the change: {exc}; nothing was "
                                    "changed, retry later") from None
            return None

    def _retry_after(self) -> int:
        """Seconds until a place can free itself: the first finished job to expire or running job to reach its
        deadline (a client's DELETE may free one sooner)."""
        now, timeout = self.clock(), timedelta(seconds=self.settings.job_timeout_s)
        if self.db is not None:
            ends = [(datetime.fromisoformat(f) if f else None, datetime.fromisoformat(s) if s else None)
                    for f, s in self.db.ends()]
        else:
            ends = [(e.finished, e.started) for e in self.jobs.values()]
        waits = [(((f + self.ttl) if f else (s + timeout)) - now).total_seconds() for f, s in ends if f or s]
        return max(1, math.ceil(min(waits, default=self.settings.job_timeout_s)))

    def _count(self, status: str) -> None:
        if self.metrics is not None:
            self.metrics.jobs.labels(status=status).inc()

    # --- several processes on one jobs folder ---------------------------------------------------------------------
    async def _watch_forever(self) -> None:
        """Every ``JIXIAO_JOB_HEARTBEAT_S``: renew our leases, stop our jobs finished elsewhere, take over those of
        dead processes. A failed round is logged and the next one tries again: a database busy past its timeout, or
        a row this version cannot read, must not take the server (and every request it serves) down."""
        while True:
            try:
                self.watch()
            except Exception:
                log.exception("job lease round failed")
            await anyio.sleep(self.settings.job_heartbeat_s)

    def watch(self) -> None:
        """One round of ``_watch_forever`` (the tests call it to not wait for a beat)."""
        if self.db is None or self.lease is None:
            return
        now = time.time()
        self.db.beat(self.lease, now)
        held = self.db.held_by(self.lease)
        # ours no more: finished by another process (a DELETE there), or taken over while we were wedged. A job
        # whose row is not written yet (seq 0, being submitted) is left alone.
        for entry in [e for e in self.jobs.values() if e.seq and e.id not in held and not e.is_finished]:
            log.info("job finished or taken over by another process", extra={"job": entry.id})
            self._lose(entry)
        for job_id, lease, beat in self.db.leases():
            if lease == self.lease:
                continue
            stale = beat is None or now - beat > self.settings.job_lease_s
            if not stale and owner_alive(self.settings.jobs_dir, lease):
                continue
            if self.db.claim(job_id, lease, self.lease, now):
                self._take_over(job_id, lease)

    def _take_over(self, job_id: str, was: str | None) -> None:
        row = self.db.row(job_id)
        if row is None or row.finished is not None or self._tasks is None:
            return
        log.info("job taken over", extra={"job": job_id, "from": was, "lease": self.lease})
        entry = restored(row, to_run=True)
        self.jobs[job_id] = entry
        self._tasks.start_soon(self._run, entry)
