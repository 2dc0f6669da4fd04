"""Where the tagger runs in combined mode: only over the parser's projects that have a gap.

Every fusion rule lets the parser's value win, so the tagger can only add to the record where the parser
left a gap; tagging a project the parser read completely costs time and can only bring in spurious facts
(a wrong pairing, a tagger-only row). So ``gap_regions`` picks the text of the parser's projects that have a
gap (``has_gaps``), from ``REGION_BEFORE`` characters before the project's first read field up to the next
project (the last one: ``REGION_AFTER`` past its last field), and only those ranges are tagged
(``tag_regions``); with no parser project the whole text is. The evidence is in
``docs/decisions/fusion.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jixiao.deadline import NO_DEADLINE, Deadline
from jixiao.pipelines.fuse import project_value
from jixiao.pipelines.parsed import ParsedProject
from jixiao.pipelines.tag import EntitySpan
from jixiao.pipelines.validate import parsed_extent
from jixiao.record import DocumentRecord, Project

REGION_BEFORE = 200  # characters before a project's first read field: its title, the 万元 unit line
REGION_AFTER = 1500  # after the last project's last read field: rows the parser may have missed
GAP_FIELDS = ("department", "implementer", "score", "funds.annual_budget", "funds.executed")
ROW_FIELDS = ("target", "actual", "weight", "score")


def has_gaps(p: Project, reading: ParsedProject | None = None) -> bool:
    """Whether the parser left something for the tagger to fill: a blank field, no rows, or a row with a blank.

    No rows is no gap where the reader saw the project's indicator table whole and it prints none (``reading``:
    the parser's reading of ``p``): the tagger could only add a row the table does not print."""
    if any(project_value(p, f) is None for f in GAP_FIELDS):
        return True
    if not p.indicators:
        return reading is None or not reading.prints_no_rows
    return any(getattr(i, f) is None for i in p.indicators for f in ROW_FIELDS)


def _read_extent(p: Project) -> tuple[int, int] | None:
    provs = list(p.provenance.values()) + [v for i in p.indicators for v in i.provenance.values()]
    if not provs:
        return None
    return min(v.start for v in provs), max(v.end for v in provs)


def gap_regions(record: DocumentRecord, length: int,
                readings: Mapping[tuple[int, int], ParsedProject] | None = None) -> list[tuple[int, int]]:
    """Character ranges of the projects the parser read with gaps, each up to the next project; merged.

    ``readings``: the parser's reading of each project by ``parsed_extent``. A project without provenance
    cannot be placed, so the whole text is tagged then."""
    readings = readings or {}
    placed = []
    for p in record.projects:
        ext = _read_extent(p)
        if ext is None:
            return [(0, length)] if has_gaps(p) else []
        placed.append((ext, p))
    placed.sort(key=lambda x: x[0][0])
    ranges: list[tuple[int, int]] = []
    for k, ((start, end), p) in enumerate(placed):
        key = parsed_extent(p)
        if not has_gaps(p, readings.get(key) if key is not None else None):
            continue
        stop = placed[k + 1][0][0] if k + 1 < len(placed) else min(length, end + REGION_AFTER)
        a, b = max(0, start - REGION_BEFORE), max(stop, end)
        if ranges and a <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(ranges[-1][1], b))
        else:
            ranges.append((a, b))
    return ranges


def tag_regions(tagger: Any, text: str, ranges: list[tuple[int, int]], deadline: Deadline = NO_DEADLINE) -> list[EntitySpan]:
    """The tagger's spans of ``text[a:b]`` for each range, offsets shifted back into ``text``."""
    spans: list[EntitySpan] = []
    for a, b in ranges:
        deadline.check("tagging")
        for s in tagger.tag(text[a:b], deadline=deadline):
            # built without validation: the tagger's span was validated already
            spans.append(EntitySpan.model_construct(label=s.label, start=s.start + a, end=s.end + a, text=s.text,
                                                    score=s.score))
    return spans
