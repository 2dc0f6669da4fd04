"""Extraction in worker processes: a document that runs past its time limit is killed, one that needs more memory
than a worker may use is a typed error, and neither takes the caller (the server, a CLI batch) with it.

A ``WorkerProcess`` loads the extractor once, under an address-space limit (``RLIMIT_AS``), and extracts one job
at a time: bytes or text in, the record's JSON out, or the typed error as (class name, code, status, message).
``run`` waits at most the job's time limit, then kills the process (``DeadlineExceeded``) and starts a fresh one,
so no extraction outlives its request. A Python thread cannot be stopped; a process can.
"""

from __future__ import annotations

import multiprocessing as mp
import time
from dataclasses import asdict, dataclass

from jixiao.config import Settings
from jixiao.errors import DeadlineExceeded, JixiaoError, MemoryLimitError, cause, out_of_memory
from jixiao.record import DocumentRecord


@dataclass
class Job:
    """One document: ``data`` (file bytes) or ``text``; ``mode`` combined | parser | tagger."""

    mode: str = "combined"
    path: str | None = None  # a file to read in the worker (the CLI)
    doc_id: str | None = None
    text: str | None = None
    source: str | None = None
    data: bytes | None = None
    filename: str | None = None
    # a batch: the worker writes the record to ``output`` itself (``meta`` added, ``indent``, provenance left out
    # when ``no_provenance``) and answers a summary, the record too only when ``return_record``
    output: str | None = None
    meta: dict | None = None
    indent: int | None = None
    no_provenance: bool = False
    return_record: bool = True


class RemoteError(JixiaoError):
    """A typed error raised in a worker process, carried back with its code, status and message."""

    def __init__(self, code: str, http_status: int, message: str, kind: str, source: str | None = None):
        super().__init__(message, source=source)
        self.code = code
        self.http_status = http_status
        self.kind = kind  # the class name in the worker (InputTooLargeError …)


@dataclass
class Outcome:
    record: DocumentRecord | None
    format: str  # the document's source format, "unknown" when it failed before loading
    seconds: float
    summary: dict | None = None  # ``summarize``'s counts, when the job had an output


class OutputError(JixiaoError):
    """The record could not be written where the batch asked (a full disk, a folder gone)."""

    code = "output.unwritable"
    http_status = 500


_NO_PROVENANCE = {"projects": {"__all__": {"provenance": True, "confidence": True,
                                           "indicators": {"__all__": {"provenance": True, "confidence": True}}}}}


def summarize(record: DocumentRecord) -> dict:
    """What a batch reports of a record: projects, indicators, checks, notes."""
    return {"projects": len(record.projects), "indicators": sum(len(p.indicators) for p in record.projects),
            "checks": sum(len(p.checks) for p in record.projects) + len(record.checks),
            "notes": list(record.meta.get("notes") or [])}


def record_json(record: DocumentRecord, job: Job, indent: int | None) -> str:
    return record.model_dump_json(indent=indent, exclude=_NO_PROVENANCE if job.no_provenance else None)


def write_output(record: DocumentRecord, job: Job) -> None:
    """The job's record, with its ``meta``, written to ``job.output`` by temporary name and rename."""
    from pathlib import Path

    from jixiao.pipelines.outputs import write_replacing

    record.meta.update(job.meta or {})
    try:
        write_replacing(Path(job.output), record_json(record, job, job.indent) + "\n")
    except OSError as exc:
        raise OutputError(f"{job.output}: {exc.strerror or exc}", source=job.output) from None


def _set_memory_limit(limit_mb: int | None) -> None:
    if not limit_mb:
        return
    import resource

    limit = limit_mb * 1024 * 1024
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def extract_job(job: Job, extractor, settings: Settings, deadline) -> tuple[DocumentRecord, str]:
    """Load and extract one job in this process: (record, source format)."""
    from jixiao.errors import EmptyInputError, InputTooLargeError
    from jixiao.pipelines.document import Document
    from jixiao.pipelines.ingest import load_bytes, load_path

    if job.path is not None:
        document = load_path(job.path, settings=settings, deadline=deadline, doc_id=job.doc_id)
    elif job.data is not None:
        document = load_bytes(job.data, filename=job.filename, doc_id=job.doc_id, settings=settings, deadline=deadline)
    else:
        text = job.text or ""
        if len(text) > settings.max_text_chars:
            raise InputTooLargeError(f"{len(text)} characters exceeds the limit of {settings.max_text_chars} (JIXIAO_MAX_TEXT_CHARS)",
                                     source=job.source)
        if not text.strip():
            raise EmptyInputError("the text is empty or only whitespace", source=job.source)
        document = Document(doc_id=job.doc_id or "document", source=job.source, format="text", text=text)
    return extractor.extract(document, mode=job.mode, deadline=deadline), document.format


def _serve(conn, settings_json: str, load_tagger: bool, memory_mb: int | None, factory: str | None = None) -> None:
    """The worker's loop: ready once the extractor is loaded, then one answer per job until the pipe closes."""
    from jixiao.deadline import Deadline

    _set_memory_limit(memory_mb)
    settings = Settings.model_validate_json(settings_json)
    if factory:  # "module:callable", called with the settings (tests: an extractor that never finishes)
        from importlib import import_module

        module, _, name = factory.partition(":")
        extractor = getattr(import_module(module), name)(settings)
    else:
        from jixiao.pipelines.extract import Extractor

        extractor = Extractor.from_settings(settings, load_tagger=load_tagger)
    conn.send(("ready",))
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        job, timeout = message
        begin = time.perf_counter()
        try:
            job_ = Job(**job)
            record, fmt = extract_job(job_, extractor, settings, Deadline.after(timeout))
            summary = None
            if job_.output is not None:  # a batch: written here, so the parent never parses the record
                write_output(record, job_)
                summary = summarize(record)
            payload = record.model_dump_json() if job_.return_record else None
            conn.send(("ok", payload, fmt, time.perf_counter() - begin, summary))
        except JixiaoError as exc:
            conn.send(("error", type(exc).__name__, exc.code, exc.http_status, exc.message, exc.source, False))
        except Exception as exc:  # MemoryError (or a native library's bad_alloc), else a parser bug: internal
            if not out_of_memory(exc):
                conn.send(("crash", cause(exc)))
                continue
            conn.send(("error", "MemoryLimitError", MemoryLimitError.code, MemoryLimitError.http_status,
                       (f"extracting it needs more than the worker's memory limit of {memory_mb} MB " if memory_mb else
                        "extracting it ran out of the machine's memory ") + "(limit worker_memory_mb, JIXIAO_WORKER_MEMORY_MB)",
                       job.get("source") or job.get("filename") or job.get("path"), True))
            return  # a process that ran out of memory is not trusted with the next job


def preloaded_context(load_tagger: bool):
    """A forkserver context whose server has imported the extractor's modules (the tagger's too when
    ``load_tagger``): a worker forked from it skips the imports, most of its start-up (~0.5 of 0.7 s CPU), and
    shares their pages. The server is one process, started once per parent and single-threaded, so forking from
    it is safe whatever threads the parent runs. None where there is no forkserver (not POSIX): spawn then."""
    if "forkserver" not in mp.get_all_start_methods():
        return None
    ctx = mp.get_context("forkserver")
    modules = ["jixiao.pipelines.isolate", "jixiao.pipelines.extract"]
    # a parser-only worker leaves numpy and onnxruntime out: they reserve address space its RLIMIT_AS needs. The
    # list is read when the server starts: a process's later batches share the first one's server
    ctx.set_forkserver_preload(modules + (["jixiao.models.tagger"] if load_tagger else []))
    return ctx


def stop_forkserver() -> None:
    """Stop this process's forkserver (a benchmark run then pays its start like a fresh CLI); the next worker
    started through it starts a new one."""
    from multiprocessing import forkserver

    stop = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)
    if stop is not None:
        stop()


class WorkerProcess:
    """One extraction process; ``run`` is blocking (call it from a thread in async code). ``context``: the
    multiprocessing context to start it with (default spawn: no fork of a server with threads and an event loop)."""

    def __init__(self, settings: Settings, *, load_tagger: bool = True, memory_mb: int | None = None,
                 factory: str | None = None, context=None):
        self.settings = settings
        self.factory = factory
        self.load_tagger = load_tagger
        self.memory_mb = memory_mb
        self.context = context or mp.get_context("spawn")
        self._proc = None
        self._conn = None
        self._ready = False
        self.closed = False
        self.ready_at: float | None = None  # perf_counter() when the running process said it was loaded (benchmarks)
        self.start()

    def start(self) -> None:
        ctx = self.context
        parent, child = ctx.Pipe()
        self._proc = ctx.Process(target=_serve, args=(child, self.settings.model_dump_json(), self.load_tagger, self.memory_mb, self.factory),
                                 daemon=True, name="jixiao-extract")
        self._proc.start()
        child.close()
        self._conn, self._ready, self.ready_at = parent, False, None

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def alive(self) -> bool:
        return self._proc is not None and self._proc.is_alive()

    def kill(self) -> None:
        # Taken out first: at a server's shutdown ``close`` (the event loop's thread) and a ``run`` in a worker
        # thread, failing on the killed pipe, may both kill the process at once.
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        if proc is not None:
            proc.kill()
            proc.join(5)
        if conn is not None:
            conn.close()

    def restart(self) -> None:
        self.kill()
        if not self.closed:
            self.start()

    def close(self) -> None:
        """Kill the process for good: a ``run`` waiting on it in another thread (a server shutting down) fails at
        once instead of waiting for its document, and starts no replacement."""
        self.closed = True
        self.kill()

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Block until the worker has loaded the extractor (so that a job's limit does not pay for it)."""
        if not self._ready:
            message = self._recv(None if timeout is None else time.monotonic() + timeout)
            self._ready = message is not None
            self.ready_at = time.perf_counter() if self._ready else None
        return self._ready

    def _recv(self, until: float | None):
        wait = None if until is None else max(0.0, until - time.monotonic())
        if not self._conn.poll(wait):
            return None
        return self._conn.recv()

    def run(self, job: Job, timeout: float | None) -> Outcome:
        """The job's record; past ``timeout`` seconds (loading the worker included) the process is killed and
        restarted and ``DeadlineExceeded`` raised. Typed errors come back as ``RemoteError``."""
        begin = time.monotonic()
        until = None if timeout is None else begin + timeout
        if self.closed:
            raise RuntimeError("the worker process was closed (the server is shutting down)")
        if self._proc is None or not self._proc.is_alive():
            self.start()
        try:
            if not self._ready:
                message = self._recv(until)
                if message is None:
                    self.restart()
                    raise DeadlineExceeded(f"the time limit of {timeout:g} s ran out while the worker process started")
                self._ready, self.ready_at = True, time.perf_counter()
            self._conn.send((asdict(job), timeout))
            message = self._recv(until)
        except (EOFError, OSError, BrokenPipeError):
            proc = self._proc  # None when a shutdown's close() killed it meanwhile
            code = proc.exitcode if proc is not None else None
            self.restart()
            raise MemoryLimitError(f"the worker process died (exit code {code}), most likely over its memory limit of "
                                   f"{self.memory_mb} MB", limit="worker_memory_mb", source=job.source or job.filename or job.path) from None
        if message is None:
            self.restart()  # the only way to stop a running extraction
            raise DeadlineExceeded(f"the time limit of {timeout:g} s ran out; the extraction was stopped",
                                   source=job.source or job.filename or job.path)
        if message[0] == "ok":
            _, payload, fmt, seconds, summary = message
            record = DocumentRecord.model_validate_json(payload) if payload is not None else None
            return Outcome(record=record, format=fmt, seconds=seconds, summary=summary)
        if message[0] == "crash":
            raise RuntimeError(message[1])
        _, kind, code, status, text, source, dead = message
        if dead:
            self.restart()
        raise RemoteError(code, status, text, kind, source)
