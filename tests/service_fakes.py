"""A stand-in extractor for service tests: its record is derived from the Document it receives."""

from __future__ import annotations

import threading

from jixiao.deadline import NO_DEADLINE
from jixiao.errors import InputError
from jixiao.record import DocumentRecord, Project


class FakeExtractor:
    """Names one project after the first line of text; can block (to test timeouts) or crash. ``poll``: while it
    waits for the gate it checks its deadline every few milliseconds, as a long pipeline does between its stages."""

    def __init__(self, *, ready: bool = True, gate: threading.Event | None = None, crash: bool = False, poll: bool = False):
        self.ready = ready
        self.gate = gate
        self.poll = poll
        self.crash = crash
        self.started = threading.Event()
        self.finished = threading.Event()
        self.outcome: BaseException | None = None
        self.seen: list = []

    def extract(self, doc, mode: str = "combined", deadline=NO_DEADLINE) -> DocumentRecord:
        self.seen.append((doc, mode))
        self.started.set()
        if self.gate is not None:
            try:  # as the pipeline does between stages
                if self.poll:
                    for _ in range(500):
                        if self.gate.wait(0.02):
                            break
                        deadline.check("the next stage")
                else:
                    self.gate.wait(10)
                deadline.check("the next stage")
            except BaseException as exc:
                self.outcome = exc
                raise
            finally:
                self.finished.set()
        if self.crash:
            raise RuntimeError("bug in the extractor")
        first = doc.text.strip().splitlines()[0]
        if first == "REJECT":
            raise InputError("the fake rejects this document", source=doc.source)
        return DocumentRecord(
            doc_id=doc.doc_id, source=doc.source, projects=[Project(name=first.split("\t")[0])],
            meta={"format": doc.format, "chars": len(doc.text), "tables": len(doc.tables), "mode": mode},
        )


class RunawayExtractor:
    """Never finishes and never looks at its deadline: a document only a killed process stops."""

    ready = True

    def extract(self, doc, mode: str = "combined", deadline=NO_DEADLINE):
        import time

        if doc.text.startswith("RUNAWAY"):
            while True:
                time.sleep(0.05)
        if doc.text.startswith("BAD_ALLOC"):  # a native library out of memory, as onnxruntime says it
            raise RuntimeError("Traceback (most recent call last):\n  File x\nRuntimeException: [ONNXRuntimeError] : 6 : "
                               "RUNTIME_EXCEPTION : Non-zero status code returned while running Add node. Status Message: "
                               "std::bad_alloc\n)")
        return FakeExtractor().extract(doc, mode)


def runaway_extractor(settings) -> RunawayExtractor:
    """``worker_factory`` for ``create_app``: built inside each worker process."""
    return RunawayExtractor()
