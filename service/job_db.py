"""The durable side of the job store (``JIXIAO_JOBS_DIR``): one SQLite file (WAL) and the jobs' inputs as files.

``service/jobs.py`` keeps the working set in memory (at most ``JIXIAO_MAX_JOBS`` jobs) and writes every change
through to this store: a job's row when it is accepted (its documents' inputs written first, so a row always has
them), its start, each document's result, its end, its being read, its deletion. On start-up the rows are read
back: finished jobs stay readable until their TTL, queued and running ones run again from their first document
without a result. SQLite because it is in the standard library, one file, transactional, and safe against a crash
of the process in WAL mode; ``synchronous=FULL`` makes a commit durable against a power cut too, at one fsync per
change (a few changes a document: nothing next to an extraction).

Each server process holds its own file, claimed by an exclusive lock (``jobs-<slot>.lock``): the processes of
``jixiao serve --workers N`` take slots 0..N-1, and after a restart they claim them again and resume their jobs.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from jixiao.service.routes_extract import Job

# Slots tried before giving up: far more server processes than one machine runs against one folder.
MAX_SLOTS = 64
SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    batch INTEGER NOT NULL,
    status TEXT NOT NULL,
    created TEXT NOT NULL,
    started TEXT,
    finished TEXT,
    read INTEGER NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0,
    owner TEXT,
    idem_key TEXT,
    idem_hash TEXT,
    documents TEXT NOT NULL,
    UNIQUE (owner, idem_key)
);
CREATE TABLE IF NOT EXISTS results (
    job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    item TEXT NOT NULL,
    PRIMARY KEY (job_id, idx)
);
"""


class JobDBError(RuntimeError):
    """The jobs folder cannot be used (no free slot, a file of another schema)."""


def document_meta(job: Job) -> dict:
    return {"doc_id": job.doc_id, "mode": job.mode, "source": job.source, "filename": job.filename,
            "upload": job.data is not None, **({"error": list(job.error)} if job.error is not None else {})}


def document_payload(job: Job) -> bytes:
    # surrogatepass: JSON may carry a lone surrogate (\ud800), which the text reader answers as /v1/extract would
    return job.data if job.data is not None else (job.text or "").encode("utf-8", "surrogatepass")


def rebuild(meta: dict, payload: bytes) -> Job:
    if meta["upload"]:
        error = tuple(meta["error"]) if meta.get("error") else None  # an archive member refused while listed
        return Job(doc_id=meta["doc_id"], mode=meta["mode"], source=meta["source"], data=payload, filename=meta["filename"],
                   error=error)
    return Job(doc_id=meta["doc_id"], mode=meta["mode"], source=meta["source"],
               text=payload.decode("utf-8", "surrogatepass"), filename=meta["filename"])


def fingerprint(documents: list[Job], batch: bool) -> str:
    """What an ``Idempotency-Key`` is bound to: the documents as parsed (a multipart boundary or the order of JSON
    keys changes nothing), their bytes by digest."""
    parts = [[document_meta(job), hashlib.sha256(document_payload(job)).hexdigest()] for job in documents]
    return hashlib.sha256(json.dumps([batch, parts], sort_keys=True).encode()).hexdigest()


@dataclass
class StoredJob:
    """A row as read back at start-up."""

    seq: int
    id: str
    batch: bool
    status: str
    created: datetime
    started: datetime | None
    finished: datetime | None
    read: bool
    attempts: int
    owner: str | None
    idem_key: str | None
    idem_hash: str | None
    documents: list[dict]
    results: dict[int, str] = field(default_factory=dict)  # index -> the BatchItem's JSON


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


class JobDB:
    """One process's slot of the jobs folder. Every method but the input files' is quick and runs on the event loop;
    ``save_inputs``, ``load_input`` and ``drop_inputs`` touch files of up to the body limit: call them in a thread."""

    def __init__(self, folder: Path, slot: int, lock_fd: int):
        self.folder, self.slot, self._lock_fd = folder, slot, lock_fd
        self.inputs_dir = folder / f"inputs-{slot}"
        self.inputs_dir.mkdir(exist_ok=True)
        self.path = folder / f"jobs-{slot}.sqlite3"
        # check_same_thread off: written from the event loop, opened and closed from the lifespan's threads
        self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=FULL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version not in (0, SCHEMA_VERSION):
            self.close()
            raise JobDBError(f"{self.path} holds jobs of schema {version}, this version reads {SCHEMA_VERSION}")
        self.conn.executescript(_SCHEMA)
        self.conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    @classmethod
    def open(cls, folder: Path) -> JobDB:
        """Claim the first free slot of ``folder`` (created if missing)."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        for slot in range(MAX_SLOTS):
            fd = os.open(folder / f"jobs-{slot}.lock", os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                continue
            return cls(folder, slot, fd)
        raise JobDBError(f"all {MAX_SLOTS} job store slots of {folder} are held by running processes")

    def close(self) -> None:
        self.conn.close()
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # releases the slot's lock
            self._lock_fd = None

    # --- inputs (in a thread) ---------------------------------------------------------------------------------
    def save_inputs(self, job_id: str, documents: list[Job]) -> None:
        """Written under a temporary name, synced, then renamed: a job's folder is whole or absent."""
        tmp = self.inputs_dir / f"{job_id}.tmp"
        tmp.mkdir()
        for index, job in enumerate(documents):
            with open(tmp / str(index), "wb") as f:
                f.write(document_payload(job))
                f.flush()
                os.fsync(f.fileno())
        tmp.rename(self.inputs_dir / job_id)

    def load_input(self, job_id: str, index: int, meta: dict) -> Job:
        return rebuild(meta, (self.inputs_dir / job_id / str(index)).read_bytes())

    def drop_inputs(self, job_id: str) -> None:
        shutil.rmtree(self.inputs_dir / job_id, ignore_errors=True)

    # --- rows ---------------------------------------------------------------------------------------------------
    def insert(self, entry, documents: list[dict]) -> None:
        """A job just accepted (a ``jobs.JobEntry``), queued."""
        self.conn.execute(
            "INSERT INTO jobs (seq, id, batch, status, created, owner, idem_key, idem_hash, documents) "
            "VALUES (?, ?, ?, 'queued', ?, ?, ?, ?, ?)",
            (entry.seq, entry.id, int(entry.batch), entry.created.isoformat(), entry.owner, entry.idem_key,
             entry.idem_hash, json.dumps(documents, ensure_ascii=False)))

    def started(self, job_id: str, started: datetime, attempts: int) -> None:
        self.conn.execute("UPDATE jobs SET status='running', started=?, attempts=? WHERE id=?",
                          (started.isoformat(), attempts, job_id))

    def result(self, job_id: str, index: int, item_json: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO results (job_id, idx, item) VALUES (?, ?, ?)", (job_id, index, item_json))

    def finished(self, job_id: str, status: str, finished: datetime, results: dict[int, str]) -> None:
        """The end of a job, with the results not written yet (a cancelled job's), in one transaction."""
        with self._transaction():
            for index, item in results.items():
                self.result(job_id, index, item)
            self.conn.execute("UPDATE jobs SET status=?, finished=? WHERE id=?", (status, finished.isoformat(), job_id))

    def mark_read(self, job_id: str) -> None:
        self.conn.execute("UPDATE jobs SET read=1 WHERE id=?", (job_id,))

    def delete(self, job_id: str) -> None:
        self.conn.execute("DELETE FROM jobs WHERE id=?", (job_id,))

    def load(self) -> list[StoredJob]:
        """Every row, oldest first, with its results."""
        jobs = {}
        for row in self.conn.execute("SELECT seq, id, batch, status, created, started, finished, read, attempts, owner, "
                                     "idem_key, idem_hash, documents FROM jobs ORDER BY seq"):
            jobs[row[1]] = StoredJob(seq=row[0], id=row[1], batch=bool(row[2]), status=row[3], created=_time(row[4]),
                                     started=_time(row[5]), finished=_time(row[6]), read=bool(row[7]), attempts=row[8],
                                     owner=row[9], idem_key=row[10], idem_hash=row[11], documents=json.loads(row[12]))
        for job_id, index, item in self.conn.execute("SELECT job_id, idx, item FROM results"):
            if job_id in jobs:
                jobs[job_id].results[index] = item
        return list(jobs.values())

    def drop_orphan_inputs(self, keep: set[str]) -> None:
        """Input folders of no job: a crash between writing them and the row, or after deleting the row."""
        for path in self.inputs_dir.iterdir():
            if path.name not in keep:
                shutil.rmtree(path, ignore_errors=True)

    @contextmanager
    def _transaction(self):
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")
