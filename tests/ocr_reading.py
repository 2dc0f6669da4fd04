"""What the slow OCR tests compare: a scan of the example's first table (as an image, or as a scanned PDF page)
reads as the example's text does."""

from __future__ import annotations

import json

from jixiao.config import REPO_ROOT
from jixiao.record import DocumentRecord, Project

SCAN = REPO_ROOT / "tests" / "data" / "scan_example.png"  # tests/data/make_scan.py draws it from the example
EXAMPLE = REPO_ROOT / "examples" / "self_evaluation_example.txt"
SAME_FIELDS = ("name", "department", "implementer", "funds")
ROW_FIELDS = {"level1", "level2", "name", "target", "actual", "weight", "score"}


def _rows(project: Project) -> list[str]:
    return [json.dumps(i.model_dump(include=ROW_FIELDS), ensure_ascii=False, sort_keys=True) for i in project.indicators]


def assert_reads_as_the_example(scan: DocumentRecord, extractor) -> Project:
    """The scan's one project against the example's first (the scan is that table): identity, funds and every
    indicator row the same. Returns the scan's project."""
    from jixiao.pipelines.ingest import load_path

    want = extractor.extract(load_path(EXAMPLE), mode="parser").projects[0]
    assert len(scan.projects) == 1
    got = scan.projects[0]
    assert {f: getattr(got, f) for f in SAME_FIELDS} == {f: getattr(want, f) for f in SAME_FIELDS}
    assert _rows(got) == _rows(want)
    return got
