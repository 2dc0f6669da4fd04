"""The batch on Ray Data: the same inputs, outputs and resume rules as ``jixiao extract -o``, spread over a cluster.

``run_on_ray`` turns the inputs' positions into a Ray dataset and maps batches of them through an actor pool:
each actor builds the extractor once (``batch.Batch`` with an in-process runner) and handles an input exactly as
a local worker does (skip when its output is current, else extract and write ``<stem>.json`` or
``<stem>.error.json`` by temporary name and rename). The driver gets one row per input back and yields the same
``ItemResult``s as ``Batch.run``, so the manifest, the flat tables and stdout are written by the same code.

On a cluster the inputs and the output folder must be paths every node reads and writes (a shared file system),
and jixiao installed on every node (or shipped with ``runtime_env``). The per-file deadline is cooperative here
(checked between stages), not enforced by killing a process as in the local pool.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from jixiao.config import Settings
from jixiao.pipelines.batch import Batch, BatchOptions, ItemResult, _InProcess

_FIELDS = ("index", "status", "code", "message", "sha256", "seconds", "output", "payload", "record", "projects",
           "indicators", "checks", "notes")


class ExtractActor:
    """One Ray actor: the extractor loaded once, then batches of input positions in, one result row each out."""

    def __init__(self, paths: list[Path], options_json: str, settings_json: str, version: str):
        self.batch = Batch(paths, BatchOptions.model_validate_json(options_json),
                           Settings.model_validate_json(settings_json), version=version)
        self.runner = _InProcess(self.batch.settings, self.batch.options.mode)

    def __call__(self, rows: dict) -> dict:
        out: dict[str, list] = {name: [] for name in _FIELDS}
        for index in rows["index"]:
            result = self.batch.one(int(index), lambda: self.runner)
            row = _row(result)
            for name in _FIELDS:
                out[name].append(row[name])
        return out


def _row(result: ItemResult) -> dict:
    return {"index": result.index, "status": result.status, "code": result.code, "message": result.message,
            "sha256": result.sha256, "seconds": result.seconds,
            "output": str(result.output) if result.output is not None else None, "payload": result.payload,
            "record": result.record.model_dump_json() if result.record is not None else None,
            "projects": result.projects, "indicators": result.indicators, "checks": result.checks,
            "notes": "\n".join(result.notes)}


def _result(row: dict, batch: Batch) -> ItemResult:
    from jixiao.pipelines.archives import input_name
    from jixiao.record import DocumentRecord

    index = int(row["index"])
    return ItemResult(index=index, name=input_name(batch.paths[index]), status=row["status"], code=row["code"],
                      message=row["message"], sha256=row["sha256"], seconds=float(row["seconds"]),
                      output=Path(row["output"]) if row["output"] else None, payload=row["payload"],
                      record=DocumentRecord.model_validate_json(row["record"]) if row["record"] else None,
                      projects=int(row["projects"]), indicators=int(row["indicators"]), checks=int(row["checks"]),
                      notes=tuple(n for n in (row["notes"] or "").split("\n") if n))


def connect(address: str | None):
    """``ray.init`` on ``address``: ``local`` (or None) starts Ray on this machine, ``auto`` joins the cluster this
    machine belongs to, ``ray://HOST:10001`` a remote one. Returns the ``ray`` module."""
    from jixiao.extras import require

    ray = require("ray", extra="ray", purpose="jixiao extract --ray")
    if not ray.is_initialized():
        target = None if address in (None, "", "local") else address
        ray.init(address=target, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
    return ray


def run_on_ray(batch: Batch, address: str | None = None, *, batch_size: int = 4) -> Iterator[ItemResult]:
    """The results of ``batch`` run on Ray with ``batch.workers`` actors, in the order they come back."""
    ray = connect(address)
    dataset = ray.data.from_items([{"index": i} for i in range(len(batch.paths))],
                                  override_num_blocks=max(1, min(len(batch.paths), batch.workers * 8)))
    mapped = dataset.map_batches(
        ExtractActor, batch_size=batch_size, batch_format="numpy", concurrency=batch.workers,
        fn_constructor_args=(batch.paths, batch.options.model_dump_json(), batch.settings.model_dump_json(),
                             batch.version))
    for row in mapped.iter_rows():
        yield _result(row, batch)
