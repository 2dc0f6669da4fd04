"""Batch extraction: many inputs over a pool of worker processes, every input one result or one error, resumable.

Each input gets a stable output stem (``outputs.output_stems``): ``<stem>.json`` holds its record, or
``<stem>.error.json`` its typed error, each written to a temporary name and renamed. Both carry the input's
sha256 and the extractor version in ``meta``; a rerun skips an input whose file says the same (unless forced),
so a killed batch resumes where it stopped and a changed input or a changed extractor is redone.

The pool reuses ``isolate.WorkerProcess`` (the extractor loaded once per process, the per-file deadline and the
memory cap of the server): one thread per worker feeds it jobs. One worker and no deadline runs in this process.
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from jixiao.config import Settings
from jixiao.errors import JixiaoError, cause
from jixiao.pipelines.archives import Member, expand_inputs, input_name, read_member, stem_path
from jixiao.pipelines.isolate import Job, Outcome, record_json, summarize, write_output
from jixiao.pipelines.outputs import output_stems, remove_quietly, safe_stem, write_replacing
from jixiao.record import DocumentRecord

# errors worth another try on a rerun: the limit or the machine, not the input, may be what failed
RETRY_CODES = frozenset({"request.timeout", "input.memory_limit", "output.unwritable"})
SCHEDULE_WINDOW = 16  # inputs per worker sorted largest first at a time (``Batch.order``)


class BatchOptions(BaseModel):
    mode: str = "combined"
    workers: int = 1
    timeout: float | None = None
    output: Path | None = None  # None: records come back to the caller only (stdout)
    force: bool = False  # redo inputs whose outputs are current
    compact: bool = False
    no_provenance: bool = False
    keep_records: bool = False  # hand the record back with each result (flat rows) even when it is written


@dataclass
class ItemResult:
    """What became of one input: ``ok``, ``error`` (with its code) or ``skipped`` (its output was current)."""

    index: int
    name: str  # the input path as text (bytes that are not UTF-8 escaped)
    status: str
    code: str | None = None
    message: str | None = None
    sha256: str | None = None
    seconds: float = 0.0
    output: Path | None = None
    payload: str | None = None  # the record's JSON (when there is no output folder)
    record: DocumentRecord | None = None
    projects: int = 0
    indicators: int = 0
    checks: int = 0
    notes: tuple[str, ...] = ()


def _size(path: Path | Member) -> int:
    if isinstance(path, Member):
        return path.size
    try:
        return path.stat().st_size
    except OSError:  # it fails, typed, when its turn comes
        return 0


def all_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def file_sha256(path: Path) -> str | None:
    """The file's sha256, or None when it is not a regular readable file (its extraction then fails, typed)."""
    try:
        if not path.is_file():
            return None
        with open(path, "rb") as f:
            return hashlib.file_digest(f, "sha256").hexdigest()
    except OSError:
        return None


def extractor_version(mode: str, settings: Settings) -> str:
    """The package version, the mode and a hash of what decides the output: the code, the taxonomy and, outside
    parser mode, the tagger checkpoint. Any change to them makes a rerun redo every input."""
    import jixiao
    import jixiao.models
    import jixiao.pipelines

    digest = hashlib.sha256()
    folders = [Path(jixiao.__file__).parent, Path(jixiao.pipelines.__file__).parent, Path(jixiao.models.__file__).parent]
    files = [p for folder in folders for p in sorted(folder.glob("*.py"))]
    files += sorted(p for p in (Path(jixiao.__file__).parent / "data").rglob("*") if p.is_file())
    if mode != "parser" and settings.use_tagger and settings.model_dir.is_dir():
        files += sorted(p for p in settings.model_dir.iterdir() if p.is_file() and p.suffix in {".json", ".onnx", ".txt"})
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return f"{jixiao.__version__}+{mode}.{digest.hexdigest()[:12]}"


def _current(path: Path, sha: str, version: str) -> dict | None:
    """The JSON at ``path`` when it was written for this input content and this extractor, else None."""
    if path.is_symlink():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    meta = data.get("meta") if isinstance(data, dict) else None
    if isinstance(meta, dict) and meta.get("input_sha256") == sha and meta.get("extractor_version") == version:
        return data
    return None


class _InProcess:
    """The extractor in this process (one worker, no deadline to enforce by killing)."""

    def __init__(self, settings: Settings, mode: str):
        from jixiao.pipelines.extract import Extractor

        self.settings = settings
        self.extractor = Extractor.from_settings(settings, load_tagger=(mode != "parser"))

    def run(self, job: Job, timeout: float | None) -> Outcome:
        from jixiao.deadline import Deadline
        from jixiao.pipelines.isolate import extract_job

        begin = time.perf_counter()
        record, fmt = extract_job(job, self.extractor, self.settings, Deadline.after(timeout))
        if job.output is not None:
            write_output(record, job)
        return Outcome(record=record, format=fmt, seconds=time.perf_counter() - begin, summary=summarize(record))

    def close(self) -> None:
        pass


class _Isolated:
    """One worker process: killed and replaced at the deadline or when it runs out of memory; it writes the
    record itself, so the parent handles a summary, not the record. ``forked``: started from the preloaded
    forkserver (several workers share its imports; a single one is spawned, as there is nothing to share)."""

    def __init__(self, settings: Settings, mode: str, *, forked: bool = False):
        from jixiao.pipelines.isolate import WorkerProcess, preloaded_context

        load_tagger = mode != "parser"
        self.worker = WorkerProcess(settings, load_tagger=load_tagger, memory_mb=settings.worker_memory_mb or None,
                                    context=preloaded_context(load_tagger) if forked else None)

    def run(self, job: Job, timeout: float | None) -> Outcome:
        self.worker.wait_ready(300)  # a worker replaced after a kill loads outside the next file's limit
        outcome = self.worker.run(job, timeout)
        if outcome.summary is None and outcome.record is not None:
            outcome.summary = summarize(outcome.record)
        return outcome

    def close(self) -> None:
        self.worker.kill()


class Batch:
    """Runs ``paths`` with ``options``; iterate ``run()`` for the results in the order they finish. An archive
    among the paths is replaced by its members (``archives.expand_inputs``), each one input of ``self.paths``."""

    def __init__(self, paths: list[Path | Member], options: BatchOptions, settings: Settings, *, version: str | None = None):
        self.paths = expand_inputs(list(paths), settings)
        self.options = options
        self.stems = output_stems([stem_path(p) for p in self.paths])
        self.version = version or extractor_version(options.mode, settings)
        self.workers = max(1, min(options.workers, len(self.paths)))
        if self.workers > 1:  # the processes are the parallelism: the tagger's own threads would oversubscribe the cores
            settings = settings.model_copy(update={"workers_threads": max(1, all_cores() // self.workers)})
        self.settings = settings
        self.runners: list = []  # the started runners, for a benchmark's memory readings

    def worker_pids(self) -> list[int]:
        """The worker processes' ids (none when the batch runs in this process)."""
        return [r.worker.pid for r in self.runners if isinstance(r, _Isolated) and r.worker.pid is not None]

    def _runner(self):
        if self.workers == 1 and self.options.timeout is None:
            return _InProcess(self.settings, self.options.mode)
        return _Isolated(self.settings, self.options.mode, forked=self.workers > 1)

    def order(self) -> list[int]:
        """The input positions in the order the pool takes them. With several workers each window of
        ``SCHEDULE_WINDOW`` inputs per worker goes largest first, so the batch ends on its smallest files and no
        worker idles long behind another's last file; stdout, kept in input order, waits on one window at most."""
        if self.workers == 1:
            return list(range(len(self.paths)))
        sizes = [_size(p) for p in self.paths]
        window = SCHEDULE_WINDOW * self.workers
        return [i for start in range(0, len(self.paths), window)
                for i in sorted(range(start, min(start + window, len(self.paths))), key=lambda i: -sizes[i])]

    def run(self) -> Iterator[ItemResult]:
        todo: queue.SimpleQueue[int] = queue.SimpleQueue()
        for i in self.order():
            todo.put(i)
        done: queue.SimpleQueue[ItemResult | BaseException] = queue.SimpleQueue()
        stop = threading.Event()

        def work() -> None:
            runners: list = []  # started on the first input that is not skipped: a rerun with all done starts none

            def runner():
                if not runners:
                    runners.append(self._runner())
                    self.runners.append(runners[0])
                return runners[0]

            try:
                while not stop.is_set():
                    try:
                        index = todo.get_nowait()
                    except queue.Empty:
                        return
                    done.put(self.one(index, runner))
            except BaseException as exc:  # the model cannot load: the whole batch cannot run
                done.put(exc)
            finally:
                for started in runners:
                    started.close()

        threads = [threading.Thread(target=work, daemon=True, name=f"jixiao-batch-{n}") for n in range(self.workers)]
        for thread in threads:
            thread.start()
        try:
            for _ in range(len(self.paths)):
                item = done.get()
                if isinstance(item, BaseException):
                    raise item
                yield item
        finally:
            stop.set()
            for thread in threads:
                thread.join(timeout=1)

    def one(self, index: int, runner) -> ItemResult:
        """Extract input ``index`` (or skip it when its output is current) and write its file; ``runner()`` gives
        the extractor (in this process or a worker process), started when first needed."""
        path, opts = self.paths[index], self.options
        name, begin = input_name(path), time.perf_counter()
        data, failure = None, path.failure() if isinstance(path, Member) else None
        if isinstance(path, Member) and failure is None:  # read here, one at a time, handed to the extractor as bytes
            try:
                data = read_member(path, self.settings)
            except JixiaoError as exc:
                return self._failed(index, name, None, exc.code, exc.message, begin)
        if failure is not None:  # a whole archive refused (a RAR, a bomb) is known by the file's own sha256
            sha = path.sha256 or (file_sha256(path.archive) if not path.trail else None)
        else:
            sha = hashlib.sha256(data).hexdigest() if data is not None else file_sha256(path)
        out_dir = opts.output
        ok_path = out_dir / f"{self.stems[index]}.json" if out_dir else None
        error_path = out_dir / f"{self.stems[index]}.error.json" if out_dir else None
        if ok_path is not None and sha is not None and not opts.force:
            skipped = self._skipped(index, name, sha, ok_path, error_path)
            if skipped is not None:
                return skipped
        if failure is not None:  # a member refused while its archive was listed (nested too deep, encrypted …)
            return self._failed(index, name, sha, failure.code, failure.message, begin)
        extractor = runner()  # outside the try: a model that cannot load ends the batch, it is not one file's error
        # an input renamed to keep its output apart (a.txt and a.pdf: a.json, a-2.json) is named so in its record
        # too, so that every record and flat row of a batch has its own doc_id
        # (a member is always named by its stem: members of two archives are often named alike)
        renamed = data is not None or self.stems[index] != safe_stem(path)
        job = Job(mode=opts.mode, path=os.fsdecode(path) if data is None else None, data=data,
                  filename=name if data is not None else None, doc_id=self.stems[index] if renamed else None,
                  no_provenance=opts.no_provenance,
                  indent=None if opts.compact else 2, return_record=ok_path is None or opts.keep_records)
        if ok_path is not None:
            job.output, job.meta = str(ok_path), {"input_sha256": sha, "extractor_version": self.version}
        try:
            outcome = extractor.run(job, opts.timeout)
        except JixiaoError as exc:
            return self._failed(index, name, sha, exc.code, exc.message, begin)
        except Exception as exc:  # a parser bug on one file must not stop the others
            return self._failed(index, name, sha, "internal", cause(exc), begin)
        summary = outcome.summary or {}
        result = ItemResult(index=index, name=name, status="ok", sha256=sha, seconds=time.perf_counter() - begin,
                            projects=summary.get("projects", 0), indicators=summary.get("indicators", 0),
                            checks=summary.get("checks", 0), notes=tuple(summary.get("notes") or ()),
                            record=outcome.record if opts.keep_records else None)
        if ok_path is None:
            result.payload = record_json(outcome.record, job, job.indent)
        else:
            remove_quietly(error_path)  # an earlier run's error for this input is stale now
            result.output = ok_path
        return result

    def _skipped(self, index: int, name: str, sha: str, ok_path: Path, error_path: Path) -> ItemResult | None:
        data = _current(ok_path, sha, self.version)
        if data is not None:
            projects = data.get("projects") or []
            record = DocumentRecord.model_validate(data) if self.options.keep_records else None
            return ItemResult(index=index, name=name, status="skipped", sha256=sha, output=ok_path, record=record,
                              projects=len(projects), indicators=sum(len(p.get("indicators") or []) for p in projects))
        data = _current(error_path, sha, self.version)
        error = data.get("error") if data is not None else None
        if isinstance(error, dict) and error.get("code") not in RETRY_CODES:
            return ItemResult(index=index, name=name, status="skipped", code=error.get("code"),
                              message=error.get("message"), sha256=sha, output=error_path)
        return None

    def _failed(self, index: int, name: str, sha: str | None, code: str, message: str, begin: float) -> ItemResult:
        result = ItemResult(index=index, name=name, status="error", code=code, message=message, sha256=sha)
        out_dir = self.options.output
        if out_dir is not None:
            error_path = out_dir / f"{self.stems[index]}.error.json"
            body = {"source": name, "error": {"code": code, "message": message},
                    "meta": {"input_sha256": sha, "extractor_version": self.version}}
            try:
                write_replacing(error_path, json.dumps(body, ensure_ascii=False, indent=2) + "\n")
                result.output = error_path
                remove_quietly(out_dir / f"{self.stems[index]}.json")  # one result or one error per input
            except OSError:
                pass  # the error still reaches stderr and the manifest
        result.seconds = time.perf_counter() - begin
        return result


def manifest_entry(result: ItemResult, version: str) -> dict:
    """One line of ``--manifest``: the input, what became of it, its content hash and the time it took."""
    from jixiao.pipelines.ingest import source_name

    return {"index": result.index, "input": result.name, "status": result.status, "code": result.code,
            "sha256": result.sha256, "extractor_version": version, "seconds": round(result.seconds, 4),
            "output": source_name(result.output.name) if result.output is not None else None,
            "projects": result.projects, "indicators": result.indicators}
