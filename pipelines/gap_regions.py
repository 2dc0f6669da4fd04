"""Where the tagger runs in combined mode: only where a field the parser left blank could be printed, in text whose
lines run together (``FusionRules.tag_kept_layout``: where the layout is kept, the tagger was measured to add nothing).

Every fusion rule lets the parser's value win, so the tagger can only add to the record where the parser
left a gap; tagging text the parser read completely costs time and can only bring in spurious facts (a wrong
pairing, a tagger-only row). So ``gap_regions`` gives, for each parser project with a gap (``has_gaps``), the
text where its missing fields could be printed (``project_ranges``), and only those ranges are tagged
(``tag_regions``); with no parser project the whole text is. Why each range is what it is, and what it saved,
is in ``docs/decisions/throughput.md``; why the tagger runs on gaps at all, in ``docs/decisions/fusion.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jixiao.deadline import NO_DEADLINE, Deadline
from jixiao.pipelines.fuse import project_value
from jixiao.pipelines.normalize import layout_lost
from jixiao.pipelines.parsed import ParsedProject
from jixiao.pipelines.tag import EntitySpan
from jixiao.pipelines.validate import parsed_extent
from jixiao.record import DocumentRecord, Indicator, Project

REGION_BEFORE = 200  # characters before a project's first read field: its title, the 万元 unit line
REGION_AFTER = 1500  # after the last project's last read field: rows the parser may have missed
# ranges closer than this are tagged as one: the few characters between cost less than a range cut off from
# the table words around it (the tagger tags only near a table word, ``models.tagger.candidate_regions``)
MERGE_GAP = 64
GAP_FIELDS = ("department", "implementer", "score", "funds.annual_budget", "funds.executed")
LABEL_FIELDS = ("name", "code", "department", "implementer")
ROW_FIELDS = ("target", "actual", "weight", "score")
Range = tuple[int, int]


def has_gaps(p: Project, reading: ParsedProject | None = None) -> bool:
    """Whether the parser left something for the tagger to fill: a blank field, no rows, or a row with a blank.

    No rows is no gap where the reader saw the project's indicator table whole and it prints none (``reading``:
    the parser's reading of ``p``): the tagger could only add a row the table does not print."""
    if any(project_value(p, f) is None for f in GAP_FIELDS):
        return True
    if not p.indicators:
        return reading is None or not reading.prints_no_rows
    return any(getattr(i, f) is None for i in p.indicators for f in ROW_FIELDS)


def _read_extent(p: Project) -> Range | None:
    provs = list(p.provenance.values()) + [v for i in p.indicators for v in i.provenance.values()]
    if not provs:
        return None
    return min(v.start for v in provs), max(v.end for v in provs)


def _row_extent(row: Indicator) -> Range | None:
    """The span of a row's own cells: its name and values (a level cell is shared by the rows of its group)."""
    own = [v for k, v in row.provenance.items() if not k.startswith("level")]
    if not own:
        return None
    return min(v.start for v in own), max(v.end for v in own)


def _line_start(text: str, i: int) -> int:
    return text.rfind("\n", 0, i) + 1


def _line_end(text: str, i: int) -> int:
    """The offset just past the line break that ends the line holding ``text[i - 1]`` (the text's end if none)."""
    k = text.find("\n", max(i - 1, 0))
    return len(text) if k < 0 else k + 1


def _head_split(p: Project, text: str, name_end: int, first_row: int) -> int:
    """Where a table project's label block (name, department, implementer) ends and its funds block begins: the
    line of the first funds amount read after the name, else the first row; never before a label field read."""
    funds = [v.start for k, v in p.provenance.items() if k.startswith("funds.") and v.start >= name_end]
    split = max(_line_start(text, min(funds)), name_end) if funds else first_row
    labels = [v.end for k, v in p.provenance.items() if k in LABEL_FIELDS]
    return min(max([split, *labels]), first_row)


def project_ranges(p: Project, reading: ParsedProject | None, text: str, start: int, stop: int) -> list[Range]:
    """Where the blanks of a gap project ``p`` (read over ``start``..``stop``, the next project's start) could be
    printed; the whole of it where the layout does not say.

    In a table project with rows (``reading.source`` table or flat: the template's order holds, collapsed or not):
    - always the label block, ``REGION_BEFORE`` before the first field read up to the funds: the tagger pairs
      its project with the parser's by the name printed there;
    - a department or implementer: the label block (up to the first row where no amount was read);
    - a budget or executed amount: the funds block, from the label block to the first row;
    - a score: the funds block (a 得分 cell beside the execution rate) and the text after the last row (the
      total row) up to ``stop``;
    - a row's blank cell: that row's line(s), from the end of the row before to the start of the row after.
    A prose project (facts stated in any order), or one without rows (a table the reader did not read, or a
    report), is given whole: ``REGION_BEFORE`` before its first field up to ``stop``."""
    whole = [(max(0, start - REGION_BEFORE), stop)]
    rows = [(r, ext) for r in p.indicators if (ext := _row_extent(r)) is not None]
    name = p.provenance.get("name")
    if reading is None or reading.source == "prose" or not rows or name is None or len(rows) < len(p.indicators):
        return whole
    first_row, last_row = rows[0][1][0], max(ext[1] for _, ext in rows)
    if first_row <= name.end or any(b[0] < a[1] for (_, a), (_, b) in zip(rows, rows[1:])):
        return whole  # rows before the name, or out of order: no template order to go by
    split = _head_split(p, text, name.end, first_row)
    out = [(max(0, start - REGION_BEFORE), split)]
    if p.score is None or p.funds.annual_budget is None or p.funds.executed is None:
        out.append((split, first_row))
    if p.score is None:
        out.append((last_row, max(stop, last_row)))
    for k, (row, (a, b)) in enumerate(rows):
        if any(getattr(row, f) is None for f in ROW_FIELDS):
            lo = max(_line_start(text, a), rows[k - 1][1][1] if k else split)
            hi = rows[k + 1][1][0] if k + 1 < len(rows) else min(_line_end(text, b), max(stop, b))
            out.append((lo, hi))
    return out


def merge(ranges: list[Range], gap: int = MERGE_GAP) -> list[Range]:
    """``ranges`` sorted, those that overlap or lie within ``gap`` characters of each other made one."""
    out: list[Range] = []
    for a, b in sorted(r for r in ranges if r[1] > r[0]):
        if out and a <= out[-1][1] + gap:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def gap_regions(record: DocumentRecord, text: str,
                readings: Mapping[tuple[int, int], ParsedProject] | None = None, *,
                kept_layout: bool = False) -> list[Range]:
    """Character ranges of ``text`` where the gaps of the parser's projects could be printed, merged.

    ``readings``: the parser's reading of each project by ``parsed_extent``. A project without provenance
    cannot be placed, so the whole text is tagged then. ``kept_layout`` (``FusionRules.tag_kept_layout``): also
    the gaps of a project whose text keeps its line layout, else only where its lines run together."""
    readings = readings or {}
    length = len(text)
    placed = []
    for p in record.projects:
        ext = _read_extent(p)
        if ext is None:
            return [(0, length)] if has_gaps(p) and (kept_layout or layout_lost(text)) else []
        placed.append((ext, p))
    placed.sort(key=lambda x: x[0][0])
    ranges: list[Range] = []
    for k, ((start, end), p) in enumerate(placed):
        key = parsed_extent(p)
        reading = readings.get(key) if key is not None else None
        if not has_gaps(p, reading):
            continue
        stop = placed[k + 1][0][0] if k + 1 < len(placed) else min(length, end + REGION_AFTER)
        if not kept_layout and not layout_lost(text[start:max(stop, end)]):
            continue
        ranges.extend(project_ranges(p, reading, text, start, max(stop, end)))
    return merge(ranges)


def tag_regions(tagger: Any, text: str, ranges: list[Range], deadline: Deadline = NO_DEADLINE) -> list[EntitySpan]:
    """The tagger's spans of ``text[a:b]`` for each range, offsets shifted back into ``text``."""
    spans: list[EntitySpan] = []
    for a, b in ranges:
        deadline.check("tagging")
        for s in tagger.tag(text[a:b], deadline=deadline):
            # built without validation: the tagger's span was validated already
            spans.append(EntitySpan.model_construct(label=s.label, start=s.start + a, end=s.end + a, text=s.text,
                                                    score=s.score))
    return spans
