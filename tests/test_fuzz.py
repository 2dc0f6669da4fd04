"""A brief seeded fuzz run (issue 21): mutated seeds and real layouts end in a record or a typed error, never a
crash. ``bench/fuzz.py`` runs the same mutator long (timings and slow inputs are reported there, not asserted)."""

from __future__ import annotations

import sys

import pytest

from jixiao.config import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "bench"))

import fuzz  # noqa: E402

from jixiao.pipelines.extract import Extractor  # noqa: E402

COUNT = 100


@pytest.fixture(scope="module")
def corpus():
    dirs = [d for d in fuzz.CORPUS_DIRS if d.is_dir() and any(d.glob("*.txt"))]
    if not dirs:
        pytest.skip("no shared seeds or real layouts beside the checkout")
    return fuzz.load_corpus(dirs)


def test_mutated_documents_never_crash(corpus):
    extractor = Extractor.from_settings(load_tagger=False)
    outcomes = {}
    for index in range(COUNT):
        item = fuzz.make_input(2121, index, corpus, max_bytes=8_000)
        outcome = fuzz.run_one(extractor, item)  # a crash raises here, with the index in the traceback's frame
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    assert sum(outcomes.values()) == COUNT and outcomes.get("ok", 0) > COUNT // 2


def test_inputs_are_a_function_of_seed_and_index(corpus):
    assert fuzz.make_input(7, 3, corpus) == fuzz.make_input(7, 3, corpus)
    assert fuzz.make_input(7, 3, corpus) != fuzz.make_input(7, 4, corpus)
    assert all(len(x if isinstance(x, bytes) else x.encode()) <= fuzz.MAX_BYTES for x in (fuzz.make_input(7, i, corpus) for i in range(30)))
