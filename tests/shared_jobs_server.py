"""A server process of ``test_service_jobs_processes.py``: the app (settings from the environment, as
``jixiao serve`` reads them) with a fake extractor that, on documents starting "slow", waits until the file named by
``JIXIAO_TEST_GATE`` is gone, checking its deadline as a pipeline does between stages. It leaves ``started-<pid>``
and ``stopped-<pid>`` beside that file, so the test sees which process ran a document and that it was stopped."""

from __future__ import annotations

import os
import time
from pathlib import Path

from service_fakes import FakeExtractor

from jixiao.config import Settings
from jixiao.deadline import NO_DEADLINE
from jixiao.service.app import create_app

# How often the fake looks at its gate: quick next to a test's polls, slow enough to cost no CPU.
GATE_POLL_S = 0.02


class FileGate(FakeExtractor):
    def extract(self, doc, mode="combined", deadline=NO_DEADLINE):
        if doc.text.startswith("slow"):
            gate = Path(os.environ["JIXIAO_TEST_GATE"])
            gate.with_name(f"started-{os.getpid()}").touch()
            try:
                while gate.exists():
                    deadline.check("the next stage")
                    time.sleep(GATE_POLL_S)
            except BaseException:
                gate.with_name(f"stopped-{os.getpid()}").touch()
                raise
        return super().extract(doc, mode)


def app():
    return create_app(Settings(), extractor=FileGate())
