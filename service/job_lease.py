"""Which server process runs a job of the shared jobs folder: leases, and how a process knows another is alive.

Each process of one host sharing ``JIXIAO_JOBS_DIR`` has a lease id for its life (``OwnerLock``) and holds an
exclusive ``flock`` on ``owners/<lease>.lock`` while it lives: the kernel releases it when the process exits or
crashes, so another process knows at once that a lease's owner is gone (``owner_alive``) and takes its jobs over.
The heartbeat (``job_db.JobDB.beat``) is the second test: a process whose lock is held but whose heartbeat is
older than ``JIXIAO_JOB_LEASE_S`` is wedged (its event loop has not run for that long), and its jobs are taken over
too; its writes, all conditional on the lease (``job_db``), are refused from then on.
"""

from __future__ import annotations

import fcntl
import os
import uuid
from pathlib import Path

OWNERS = "owners"


class OwnerLock:
    """This process's lease id and its lock file, created under a temporary name, locked, then renamed: a lock file
    under its final name is always held by its creator while it lives."""

    def __init__(self, folder: Path):
        self.lease = f"{os.getpid()}-{uuid.uuid4().hex[:12]}"
        owners = Path(folder) / OWNERS
        owners.mkdir(parents=True, exist_ok=True)
        tmp = owners / f"{self.lease}.tmp"
        self._fd: int | None = os.open(tmp, os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        self.path = owners / f"{self.lease}.lock"
        tmp.rename(self.path)

    def close(self) -> None:
        if self._fd is not None:
            self.path.unlink(missing_ok=True)
            os.close(self._fd)  # releases the lock: this process's jobs left unfinished are free to take over
            self._fd = None


def owner_alive(folder: Path, lease: str | None) -> bool:
    """Whether the process of ``lease`` still holds its lock (None, or a lock file gone: no)."""
    if lease is None:
        return False
    path = Path(folder) / OWNERS / f"{lease}.lock"
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # also releases the lock, if it was taken
    path.unlink(missing_ok=True)  # a crashed process's file: nobody holds it
    return False


def sweep_owners(folder: Path) -> None:
    """Lock files of processes that crashed (a clean exit removes its own), checked and removed at start-up; a
    ``.tmp`` one is a crash between creating and renaming it, or a process starting right now: left to the first."""
    for path in (Path(folder) / OWNERS).glob("*.lock"):
        owner_alive(folder, path.stem)
