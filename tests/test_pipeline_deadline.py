"""A time limit stops an extraction at its next stage or tagger batch, with a typed error naming where."""

import time

import pytest

from jixiao.config import REPO_ROOT
from jixiao.deadline import Deadline
from jixiao.errors import DeadlineExceeded
from jixiao.pipelines.extract import Extractor

EXAMPLE = (REPO_ROOT / "examples" / "self_evaluation_example.txt").read_text(encoding="utf-8")


def test_no_deadline_never_expires():
    Deadline().check("anything")
    Deadline.after(None).check("anything")


def test_an_expired_deadline_stops_before_the_first_stage():
    with pytest.raises(DeadlineExceeded, match="of 0 s ran out before normalization") as info:
        Extractor().extract(_doc(EXAMPLE), mode="parser", deadline=Deadline.after(0))
    assert info.value.code == "request.timeout"


def test_a_slow_stage_stops_the_extraction_at_the_next_one():
    ran = []

    class SlowTagger:
        def tag(self, text, *, deadline=None):
            time.sleep(0.2)
            return []

    def assemble(spans, text, mapper=None):
        ran.append("assemble")
        return []

    ex = Extractor(tagger=SlowTagger(), assemble_from_spans=assemble)
    with pytest.raises(DeadlineExceeded, match="before assembling the tagger's spans"):
        ex.extract(_doc(EXAMPLE), mode="tagger", deadline=Deadline.after(0.1))
    assert ran == []  # the tagger's result was not fused


def test_the_tagger_checks_the_deadline_between_batches():
    from jixiao.models.tagger import CharTagger
    from jixiao.models.train import CHECKPOINT_DIR

    tagger = CharTagger.from_pretrained(CHECKPOINT_DIR)
    assert tagger.tag(EXAMPLE, deadline=Deadline.after(60))  # a generous limit changes nothing
    with pytest.raises(DeadlineExceeded, match="before tagging"):
        tagger.tag(EXAMPLE, deadline=Deadline.after(0))


def _doc(text):
    from jixiao.pipelines.document import Document

    return Document(doc_id="example", text=text)


def test_cli_timeout_fails_that_file_and_goes_on(tmp_path):
    import json

    from typer.testing import CliRunner

    from jixiao.cli import app

    report = tmp_path / "report.txt"
    report.write_text(EXAMPLE, encoding="utf-8")
    ran_out = CliRunner().invoke(app, ["extract", str(report), str(report), "--mode", "parser", "--timeout", "0"])
    assert ran_out.exit_code == 1
    lines = [json.loads(line) for line in ran_out.stdout.splitlines()]
    assert [line["error"]["code"] for line in lines] == ["request.timeout", "request.timeout"]
    roomy = CliRunner().invoke(app, ["extract", str(report), "--mode", "parser", "--timeout", "600"])
    assert roomy.exit_code == 0 and len(json.loads(roomy.stdout)["projects"]) == 2
