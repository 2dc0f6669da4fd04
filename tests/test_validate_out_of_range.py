"""A printed number too large for a float is a typed check, not a silent null (issue 21, item 7)."""

from __future__ import annotations

import json

from jixiao.config import REPO_ROOT
from jixiao.pipelines.document import Document
from jixiao.pipelines.extract import Extractor

EXAMPLE = (REPO_ROOT / "examples" / "self_evaluation_example.txt").read_text(encoding="utf-8")


def test_huge_numbers_are_checked_and_written_as_null():
    text = EXAMPLE.replace("\t128.72\n", "\t" + "9" * 400 + "\n", 1).replace("\t15\n\t15\n", "\t15\n\t" + "1" * 500 + "\n", 1)
    record = Extractor.from_settings(load_tagger=False).extract(Document(doc_id="huge", text=text), mode="parser")
    project = record.projects[0]
    ranged = [c for c in project.checks if c.code == "number.out_of_range"]
    assert [c.field for c in ranged] == ["funds.executed", "indicators[0].score"]
    # the other checks compare numbers only: no 'inf%' rate mismatch, no overspending by infinity
    assert not any("inf" in c.message for c in project.checks)
    written = json.loads(record.model_dump_json())["projects"][0]
    assert written["funds"]["executed"] is None and written["indicators"][0]["score"] is None
    assert written["provenance"]["funds.executed"]["end"] > written["provenance"]["funds.executed"]["start"]


def test_ordinary_numbers_raise_no_range_check():
    record = Extractor.from_settings(load_tagger=False).extract(Document(doc_id="ok", text=EXAMPLE), mode="parser")
    assert not any(c.code == "number.out_of_range" for p in record.projects for c in p.checks)
