"""The durable side of the job store (``JIXIAO_JOBS_DIR``): one SQLite file (WAL) and the jobs' inputs as files,
shared by every server process of one host.

It is the truth of the jobs: any process answers a job's status, its results (one row per document, written as each
finishes) and the listing from it. A job's row carries its *lease*: the server process running it (``lease``, an
id of that process's life) and that process's last heartbeat; every write of the running process is conditional on
its still holding the lease and the job not being finished, so a job cancelled by another process, or taken over
from an owner that was thought dead, takes no more writes from it. SQLite because it is in the standard library, one
file, transactional, safe against a crash of a process in WAL mode, and WAL lets the processes read while one
writes; ``synchronous=FULL`` makes a commit durable against a power cut too, at one fsync per change. One host only:
SQLite's locks do not hold over a network file system, so processes on several machines need a server database.
"""

from __future__ import annotations

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

SCHEMA_VERSION = 2
DB_NAME = "jobs.sqlite3"
# How long a write waits for another process's transaction: they are a few rows each (milliseconds), so waiting
# this long means a wedged writer, and the write fails (a 503 at submission, logged elsewhere).
BUSY_TIMEOUT_MS = 10_000
# An input folder without a row is a submission whose row is not written yet (another process, right now) or one
# that crashed between the two: dropped only once older than this, far longer than writing one upload.
ORPHAN_INPUT_AGE_S = 3600
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
    lease TEXT,
    heartbeat REAL,
    UNIQUE (owner, idem_key)
);
CREATE TABLE IF NOT EXISTS results (
    job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    item TEXT NOT NULL,
    PRIMARY KEY (job_id, idx)
);
CREATE TABLE IF NOT EXISTS forgotten (
    id TEXT PRIMARY KEY,
    at REAL NOT NULL
);
"""
_COLUMNS = ("seq, id, batch, status, created, started, finished, read, attempts, owner, idem_key, idem_hash, documents, "
            "lease, heartbeat")


class JobDBError(RuntimeError):
    """The jobs folder cannot be used (a file of another schema)."""


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
    """A row as read back."""

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
    lease: str | None = None
    heartbeat: float | None = None
    results: dict[int, str] = field(default_factory=dict)  # index -> the BatchItem's JSON


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _stored(row) -> StoredJob:
    return StoredJob(seq=row[0], id=row[1], batch=bool(row[2]), status=row[3], created=_time(row[4]),
                     started=_time(row[5]), finished=_time(row[6]), read=bool(row[7]), attempts=row[8], owner=row[9],
                     idem_key=row[10], idem_hash=row[11], documents=json.loads(row[12]), lease=row[13],
                     heartbeat=row[14])


class JobDB:
    """The jobs folder: ``jobs.sqlite3`` and ``inputs/<job id>/<index>``, opened by each server process. Every method
    but the input files' is a few rows and runs on the event loop; ``save_inputs``, ``load_input`` and
    ``drop_inputs`` touch files of up to the body limit: call them in a thread."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.inputs_dir = self.folder / "inputs"
        self.inputs_dir.mkdir(exist_ok=True)
        self.path = self.folder / DB_NAME
        # check_same_thread off: written from the event loop, opened and closed from the lifespan's threads
        self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                    timeout=BUSY_TIMEOUT_MS / 1000)
        self.conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=FULL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        with self._transaction():  # two processes starting at once: one creates the schema, the other sees it
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, SCHEMA_VERSION):
                raise JobDBError(f"{self.path} holds jobs of schema {version}, this version reads {SCHEMA_VERSION}")
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    self.conn.execute(statement)
            self.conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    @classmethod
    def open(cls, folder: Path) -> JobDB:
        return cls(folder)

    def close(self) -> None:
        self.conn.close()

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

    def drop_orphan_inputs(self, now: float) -> None:
        """Input folders of no unfinished job, older than ``ORPHAN_INPUT_AGE_S`` (younger ones may be a submission
        of another process between its inputs and its row)."""
        keep = {row[0] for row in self.conn.execute("SELECT id FROM jobs WHERE finished IS NULL")}
        for path in self.inputs_dir.iterdir():
            if path.name.removesuffix(".tmp") not in keep and now - path.stat().st_mtime > ORPHAN_INPUT_AGE_S:
                shutil.rmtree(path, ignore_errors=True)

    # --- reads --------------------------------------------------------------------------------------------------
    def row(self, job_id: str) -> StoredJob | None:
        found = self.conn.execute(f"SELECT {_COLUMNS} FROM jobs WHERE id=?", (job_id,)).fetchone()
        if found is None:
            return None
        job = _stored(found)
        job.results = dict(self.conn.execute("SELECT idx, item FROM results WHERE job_id=?", (job_id,)))
        return job

    def find_idempotent(self, owner: str, key: str) -> StoredJob | None:
        found = self.conn.execute("SELECT id FROM jobs WHERE owner=? AND idem_key=?", (owner, key)).fetchone()
        return self.row(found[0]) if found else None

    def page(self, owner: str, status: str | None, limit: int, before: int | None) -> list[StoredJob]:
        """Up to ``limit`` rows of ``owner``, newest first (with their results)."""
        jobs = [_stored(row) for row in self.conn.execute(
            f"SELECT {_COLUMNS} FROM jobs WHERE owner=? AND (? IS NULL OR status=?) AND (? IS NULL OR seq<?) "
            "ORDER BY seq DESC LIMIT ?", (owner, status, status, before, before, limit))]
        by_id = {job.id: job for job in jobs}
        marks = ",".join("?" * len(by_id))  # one query for the page's results, not one a job
        for job_id, index, item in self.conn.execute(f"SELECT job_id, idx, item FROM results WHERE job_id IN ({marks})",
                                                     tuple(by_id)):
            by_id[job_id].results[index] = item
        return jobs

    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM jobs").fetchone()[0]

    def is_forgotten(self, job_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM forgotten WHERE id=?", (job_id,)).fetchone() is not None

    def ends(self) -> list[tuple[str | None, str | None]]:
        """(finished, started) of every row: when a place can free itself."""
        return self.conn.execute("SELECT finished, started FROM jobs").fetchall()

    def leases(self) -> list[tuple[str, str | None, float | None]]:
        """(job id, lease, heartbeat) of every unfinished job."""
        return self.conn.execute("SELECT id, lease, heartbeat FROM jobs WHERE finished IS NULL ORDER BY seq").fetchall()

    def held_by(self, lease: str) -> set[str]:
        """Unfinished jobs held under ``lease``."""
        return {r[0] for r in self.conn.execute("SELECT id FROM jobs WHERE lease=? AND finished IS NULL", (lease,))}

    # --- writes -------------------------------------------------------------------------------------------------
    def insert(self, entry, documents: list[dict], lease: str, now: float) -> int:
        """A job just accepted (a ``jobs.JobEntry``), queued under ``lease``; its ``seq``. Raises
        ``sqlite3.IntegrityError`` when its owner's ``Idempotency-Key`` is taken (by another process, meanwhile)."""
        cursor = self.conn.execute(
            "INSERT INTO jobs (id, batch, status, created, owner, idem_key, idem_hash, documents, lease, heartbeat) "
            "VALUES (?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?)",
            (entry.id, int(entry.batch), entry.created.isoformat(), entry.owner, entry.idem_key, entry.idem_hash,
             json.dumps(documents, ensure_ascii=False), lease, now))
        return cursor.lastrowid

    def started(self, job_id: str, started: datetime, attempts: int, lease: str) -> bool:
        return self._held("UPDATE jobs SET status='running', started=?, attempts=? WHERE id=? AND {held}",
                          (started.isoformat(), attempts, job_id), lease)

    def result(self, job_id: str, index: int, item_json: str, lease: str | None) -> bool:
        """A document's result; False (nothing written) when the job is finished or not held under ``lease``."""
        return self._held("INSERT OR REPLACE INTO results (job_id, idx, item) SELECT ?, ?, ? WHERE EXISTS "
                          "(SELECT 1 FROM jobs WHERE id=? AND {held})", (job_id, index, item_json, job_id), lease)

    def finished(self, job_id: str, status: str, finished: datetime, results: dict[int, str], lease: str | None) -> bool:
        """The end of a job, with the results not written yet, in one transaction; False (nothing written) when it
        was finished already or is not held under ``lease`` (None: by anyone, a cancellation from another process)."""
        with self._transaction():
            if not self._held("UPDATE jobs SET status=?, finished=? WHERE id=? AND {held}",
                              (status, finished.isoformat(), job_id), lease):
                return False
            for index, item in results.items():
                self.conn.execute("INSERT OR IGNORE INTO results (job_id, idx, item) VALUES (?, ?, ?)",
                                  (job_id, index, item))
        return True

    def beat(self, lease: str, now: float) -> None:
        self.conn.execute("UPDATE jobs SET heartbeat=? WHERE lease=? AND finished IS NULL", (now, lease))

    def claim(self, job_id: str, old: str | None, lease: str, now: float) -> bool:
        """Take over an unfinished job still held under ``old`` (a dead process's lease): compare and set, so of two
        processes taking it over at once one wins."""
        return self.conn.execute(
            "UPDATE jobs SET lease=?, heartbeat=?, status='queued' WHERE id=? AND finished IS NULL AND lease IS ?",
            (lease, now, job_id, old)).rowcount == 1

    def mark_read(self, job_id: str) -> None:
        self.conn.execute("UPDATE jobs SET read=1 WHERE id=?", (job_id,))

    def delete(self, job_id: str, now: float) -> None:
        self.forget([job_id], now, keep=0)

    def forget(self, job_ids: list[str], now: float, keep: int) -> None:
        """Rows dropped; their ids remembered (the ``keep`` latest) to answer job.expired (``keep`` 0: not)."""
        with self._transaction():
            for job_id in job_ids:
                self.conn.execute("DELETE FROM jobs WHERE id=?", (job_id,))
                if keep:
                    self.conn.execute("INSERT OR REPLACE INTO forgotten (id, at) VALUES (?, ?)", (job_id, now))
            if keep:
                self.conn.execute("DELETE FROM forgotten WHERE id NOT IN (SELECT id FROM forgotten ORDER BY at DESC "
                                  "LIMIT ?)", (keep,))

    def expired(self, cutoff: datetime) -> list[str]:
        """Finished jobs finished at ``cutoff`` or before (only finished ones: a live job is never purged)."""
        return [r[0] for r in self.conn.execute("SELECT id FROM jobs WHERE finished IS NOT NULL AND finished<=?",
                                                (cutoff.isoformat(),))]

    def oldest_read(self) -> str | None:
        found = self.conn.execute("SELECT id FROM jobs WHERE finished IS NOT NULL AND read=1 ORDER BY finished "
                                  "LIMIT 1").fetchone()
        return found[0] if found else None

    def _held(self, sql: str, args: tuple, lease: str | None) -> bool:
        held = "finished IS NULL" + (" AND lease=?" if lease is not None else "")
        return self.conn.execute(sql.format(held=held), args + ((lease,) if lease is not None else ())).rowcount == 1

    @contextmanager
    def _transaction(self):
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")
