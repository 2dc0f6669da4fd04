"""`jixiao bench --batch`'s parts measure what they say (the numbers themselves are never asserted)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from jixiao.config import REPO_ROOT, Settings
from jixiao.pipelines.document import Document
from jixiao.pipelines.bench_batch import build_batch, markdown, run_batch, BatchBench, _loaded_rate

EXAMPLE = REPO_ROOT / "examples" / "self_evaluation_example.txt"


def test_the_built_batch_has_distinct_inputs(tmp_path: Path):
    paths = build_batch([EXAMPLE], 5, tmp_path)
    assert len(paths) == 5 and len({hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}) == 5


def test_a_timed_run_reads_its_worker_memory_and_cpu(tmp_path: Path):
    paths = build_batch([EXAMPLE], 4, tmp_path)
    run = run_batch(paths, 1, Settings(), mode="parser", sample_every=2)
    assert run.files == 4 and run.errors == 0 and run.files_per_s > 0
    assert len(run.peak_rss_mib_per_worker) == 1 and run.peak_rss_mib_per_worker[0] > 10  # one worker process
    assert run.cpu_s_per_file and run.cpu_s_per_file > 0
    # the worker's CPU (its start-up included) and the parent's are both counted, and they make up the total
    assert run.workers_cpu_s_per_file > 0 and run.parent_cpu_s_per_file > 0
    assert abs(run.workers_cpu_s_per_file + run.parent_cpu_s_per_file - run.cpu_s_per_file) < 2e-4
    assert len(run.workers_ready_s) == 1 and 0 < run.workers_ready_s[0] <= run.first_result_s  # loaded, then a file
    assert "| --workers 1 | 4 |" in markdown(BatchBench(machine="m", batch="b", runs=[run]))
    assert run.files_per_s_loaded is not None and run.files_per_s_loaded > 0


def test_the_loaded_rate_counts_only_files_after_the_last_worker_was_ready():
    # two workers ready at 1.0 and 1.5 s; one file finished at 1.2 s, before the second was ready
    assert _loaded_rate([1.2, 2.0, 2.5, 3.5], [1.0, 1.5], 3.5) == 1.5  # 3 files in the last 2 s
    assert _loaded_rate([1.0], [], 1.0) is None  # no worker process (Ray): not measured


def test_two_forked_workers_count_their_start_up_and_work(tmp_path: Path):
    paths = build_batch([EXAMPLE], 6, tmp_path)
    run = run_batch(paths, 2, Settings(), mode="parser")
    assert run.files == 6 and run.errors == 0 and len(run.peak_rss_mib_per_worker) == 2
    assert len(run.workers_ready_s) == 2 and 0 < run.workers_ready_s[0] <= run.first_result_s
    # two worker processes each import and load the extractor: more than half a second of CPU between them
    # even from a shared forkserver, so a per-file figure near zero would mean the children went uncounted
    assert run.workers_cpu_s_per_file * 6 > 0.3


class _Spans:
    """A tagger that finds nothing: only what it is asked to tag matters here."""

    def tag(self, text, **_):
        return []


def test_tagged_characters_are_those_the_gap_regions_give_the_tagger():
    from jixiao.pipelines.assemble_spans import assemble_from_spans, default_mapper
    from jixiao.pipelines.bench import tagged_chars
    from jixiao.pipelines.extract import Extractor
    from jixiao.pipelines.fuse import fuse
    from jixiao.pipelines.gap_regions import gap_regions

    tagger = _Spans()
    extractor = Extractor(mapper=default_mapper(), tagger=tagger, fuse=fuse, assemble_from_spans=assemble_from_spans)
    text = EXAMPLE.read_text(encoding="utf-8")
    gapped = text.replace("\t总分", "\t备注")  # the total row gone: its project's score is a gap
    collapsed = gapped.replace("\n", " ").replace("\t", " ")  # ... in a text whose layout is lost: tagged
    for t in (text, gapped, collapsed):
        record, parsed = extractor._read(Document(doc_id="d", text=t))
        want = sum(b - a for a, b in gap_regions(record, t, parsed))
        assert tagged_chars(extractor, t) == want
    assert want > 0 and tagged_chars(extractor, gapped) == 0
    assert tagged_chars(extractor, text, mode="tagger") == len(text)  # tagger mode reads the whole text
    assert extractor.tagger is tagger  # the counter is taken off again
    assert tagged_chars(Extractor(mapper=default_mapper()), text) == 0  # no tagger, nothing tagged
