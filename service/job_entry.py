"""One asynchronous job's state (``JobEntry``), and how it is read back from the shared job store's row."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

import anyio

from jixiao.service.job_db import StoredJob
from jixiao.service.routes_extract import Job, document_id
from jixiao.service.schemas import BatchItem, JobProgress


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class IdempotentReplay(Exception):  # noqa: N818 - control flow for the route, not an error of the API
    """``submit`` found its ``Idempotency-Key`` taken meanwhile (by another process): ``entry`` is that job."""

    def __init__(self, entry: JobEntry):
        super().__init__(entry.id)
        self.entry = entry


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
    lost: bool = False  # run here, and finished by another process (a DELETE there) or taken over: no more writes
    deadline: float | None = None  # anyio time, from the start
    scope: anyio.CancelScope = field(default_factory=anyio.CancelScope)

    @property
    def is_finished(self) -> bool:
        return self.finished is not None

    def progress(self) -> JobProgress:
        items = [item for item in self.results if item is not None]
        ok = sum(1 for item in items if item.ok)
        return JobProgress(total=len(self.results), done=len(items), succeeded=ok, failed=len(items) - ok)


def restored(row: StoredJob, *, to_run: bool = False) -> JobEntry:
    """A job read from the database: as it is (a status, a listing), or ``to_run``: queued again, to run here (its
    documents with a result keep it, the others run)."""
    results = [BatchItem.model_validate_json(row.results[i]) if i in row.results else None
               for i in range(len(row.documents))]
    as_is = row.finished is not None or not to_run
    entry = JobEntry(id=row.id, batch=row.batch, inputs=list(row.documents), results=results, created=row.created,
                     doc_ids=[document_id(Job(doc_id=m["doc_id"], mode=m["mode"], filename=m["filename"]))
                              for m in row.documents],
                     seq=row.seq, owner=row.owner or "", idem_key=row.idem_key, idem_hash=row.idem_hash,
                     status=row.status if as_is else "queued", started=row.started if as_is else None,
                     finished=row.finished, read=row.read, attempts=row.attempts)
    if row.finished is not None:
        entry.inputs = []
    return entry
