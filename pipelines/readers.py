"""The readers of a table's layout, one a class, in a registry; ``read_layout`` runs the ones a pipeline names.

Each reader takes the normalized text and returns a ``Reading``: the projects it parsed, the text their
offsets index (a reader that regroups cells builds its own text, which maps back to the document like the
normalized one) and the note ``meta.notes`` gets. The first reader (tab rows) reads the layouts that keep
their rows; when it finds no table, the alternatives each read the text their way and the reading that finds
most of a table is kept; a last-resort reader runs only where nothing, prose included, was found.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from jixiao.pipelines.column_rows import column_rows
from jixiao.pipelines.csv_sheets import csv_rows
from jixiao.pipelines.column_stream import columns_as_rows
from jixiao.pipelines.cell_stream import cell_stream, cell_stream_rows
from jixiao.pipelines.collapsed_tokens import csv_as_tabs
from jixiao.pipelines.flat import FlatParser
from jixiao.pipelines.flat_run import IndicatorColumns, flat_run_cells
from jixiao.pipelines.frame_rows import frame_rows
from jixiao.pipelines.grid_rows import grid_rows
from jixiao.pipelines.layout import parse_rows, space_rows
from jixiao.pipelines.merged_repeats import merged_repeats
from jixiao.pipelines.normalize import NormalizedText, lines_run_together
from jixiao.pipelines.page_halves import joined_page_halves
from jixiao.pipelines.parsed import ParsedProject, fact_count
from jixiao.pipelines.prose import ProseParser
from jixiao.pipelines.reading_plausibility import header_word, misread_row
from jixiao.pipelines.run_together import run_together_cells
from jixiao.pipelines.stacked_fields import stacked_fields
from jixiao.pipelines.tables import TableParser
from jixiao.pipelines.wide_blocks import regroup_wide_blocks
from jixiao.pipelines.flow_rows import flow_rows
from jixiao.pipelines.raw_wraps import joined_tails
from jixiao.pipelines.wrapped_rows import wrapped_rows
from jixiao.pipelines.vocab import Categories, any_label

# Space-separated rows are one table row per line: a text of fewer lines is collapsed text, not such a table.
SPACE_ROWS_MIN_LINES = 3
# A reading of cells run together (the last resort) stands only with this many indicator rows that have a
# target and an actual: cutting at known words also "finds" fields in text that is no table.
RUN_TOGETHER_MIN_ROWS = 2


@dataclass(frozen=True)
class Reading:
    projects: list[ParsedProject]
    text: NormalizedText
    note: str | None = None
    # the text is printed in this reader's layout beyond doubt (cells between blank lines): its reading competes
    # with the first reader's and is not second-guessed by the generic ones
    claimed: bool = False


class Reader(Protocol):
    """One way a table may have been printed; ``read`` returns None where the text is not printed that way."""

    name: str
    # a reader whose layout the first reader also reads, less well where cells wrap or blanks drop out: it reads
    # before the alternatives, and its reading competes with the first reader's where it claims the text
    rivals_first: bool

    def read(self, norm: NormalizedText) -> Reading | None: ...


def is_collapsed(norm: NormalizedText) -> bool:
    return lines_run_together(norm.text)


def _lines(text: str) -> int:
    return sum(1 for line in text.split("\n") if line.strip())


def a_table(parsed: list[ParsedProject]) -> list[ParsedProject]:
    """The projects of a reading that found a table: with funds or indicators (else the text may be prose)."""
    return [p for p in parsed if p.indicators or p.funds.annual or p.funds.executed]


def facts(parsed: list[ParsedProject]) -> int:
    """Values a reading found: fields, funds and indicator cells."""
    return fact_count(parsed)


class _TableReader:
    """A reader that hands rows of cells to the table reader (every reader but the collapsed-text one)."""

    name = ""
    rivals_first = False

    def __init__(self, categories: Categories):
        self.categories = categories
        self.tables = TableParser(categories)

    def _grouped(self, cells: NormalizedText | None, note: str, claimed: bool = False) -> Reading | None:
        """The reading of a text printed one cell a line (``cells``; None: not so printed), its rows grouped by
        ``cell_stream``."""
        stream = cell_stream_rows(cells) if cells is not None else None
        if stream is None:
            return None
        return Reading(self.tables.parse(parse_rows(stream, one_row_per_line=True)), stream, note, claimed)


# Rows of a sheet saved as CSV show its marks: an empty cell (merged cells print once, a form's blanks) or a quoted
# one. Sentences with ASCII commas (``名称(项),目标值3,完成值3,分值6,得分6。``) have as many cells a line and
# none of the marks: half the block's rows at least must show them.
SHEET_MARKED_SHARE = 0.5


class TabRows(_TableReader):
    """Tab rows and one cell per line in blocks (what loaders and most exports print; pipes become tabs; a sheet
    saved as CSV has its rows written as tab rows)."""

    name = "tab_rows"

    def read(self, norm: NormalizedText) -> Reading | None:
        if is_collapsed(norm):
            return None
        sheet = csv_rows(norm, marked_share=SHEET_MARKED_SHARE) if "," in norm.text else None
        # data frames a crawler logged (pandas to_string) and tables a text browser laid out on a grid (lynx -dump)
        # are tab rows too
        # (and a Word table dumped by python-docx, its merged cells repeated in every position they cover)
        laid = grid_rows(frame_rows(merged_repeats(sheet or norm)))
        rows = regroup_wide_blocks(parse_rows(laid), laid.text)
        return Reading(self.tables.parse(rows), laid, "table read from comma-separated rows" if sheet else None)


class SpaceRows(_TableReader):
    """Cells separated by spaces, one table row per line (web text of a table)."""

    name = "space_rows"
    # rebuild rows whose cells wrap inside them (a PDF's text layer; ``Settings.wrapped_rows``)
    wrapped = False

    def read(self, norm: NormalizedText) -> Reading | None:
        if is_collapsed(norm) or _tab_table(norm.text) or _lines(norm.text) < SPACE_ROWS_MIN_LINES:
            return None
        lines = parse_rows(space_rows(norm), one_row_per_line=True)
        rows = wrapped_rows(norm, lines) if self.wrapped else lines
        if rows is not lines:
            # a header or level words wrapped inside their cells: in a PDF's text layer, beyond doubt
            return Reading(self.tables.parse(rows), norm, "table read from rows whose cells wrap", claimed=True)
        flows = flow_rows(norm, lines)
        if flows is not lines:
            # a page text printed as two flows (names, then figures): its layout is beyond doubt, as a reading of
            # its paragraphs one cell each is not
            return Reading(self.tables.parse(column_rows(norm, flows, self.categories)), norm,
                           "table read from rows printed as two flows", claimed=True)
        return Reading(self.tables.parse(column_rows(norm, lines, self.categories)), norm,
                       "table read from space-separated rows")


_DIGIT = re.compile(r"\d")


def _tab_table(text: str) -> bool:
    """Whether the text prints a table in tab rows (the tab-row reader's): a line with a tab that holds a number
    or a field label. A site's navigation bar printed with pipes (网站导航 | 网站地图 | 联系我们) becomes a tab line
    too, but it is no table row and leaves the space-separated rows around it to their reader."""
    return any("\t" in line and (_DIGIT.search(line) or any(any_label(c.strip()) for c in line.split("\t")))
               for line in text.split("\n"))


class CellStream(_TableReader):
    """One cell per line with nothing between rows (``cell_stream``)."""

    name = "cell_stream"
    rivals_first = True

    def read(self, norm: NormalizedText) -> Reading | None:
        # a PDF's column order: the indicator columns as rows, then the head's stacked labels and funds columns
        columns = None if is_collapsed(norm) else columns_as_rows(norm)
        if columns is not None:
            columns = stacked_fields(columns) or columns
        found = None if is_collapsed(norm) else cell_stream(columns or norm)
        if found is None:
            return None
        stream, blank_separated = found
        return Reading(self.tables.parse(parse_rows(stream, one_row_per_line=True)), stream,
                       "table read from one cell per line", claimed=blank_separated)


# Collapsing turns the blank line between two cells into two spaces and a line break inside a cell into one.
# Collapsed text whose gaps are mostly runs of two or more spaces (at least this many and this share) was
# printed one cell per line with blank lines between: those runs are the cell breaks. (A collapsed tab-row
# table has mostly single spaces: one tab between two cells.)
DOUBLE_SPACE_RUNS = 20
DOUBLE_SPACE_SHARE = 0.6
COLLAPSED_MAX_LINES = 3  # collapsed text is a line or two (a heading kept apart)
# A table printed one cell per line in blocks (a tab opens each cell, a blank line ends a row: the seeds'
# layout) collapses to three spaces or more at each row's end; cells separated by blank lines give two. Above
# this share of longer runs the text is the former, which the collapsed-text reader reads.
LONGER_RUN_SHARE = 0.15
_SPACES = re.compile(r" +")


def double_spaces_as_breaks(norm: NormalizedText) -> NormalizedText | None:
    """The text with each run of two or more spaces as line breaks (one character for one), or None when its
    gaps are not those of cells separated by blank lines."""
    gaps = list(_SPACES.finditer(norm.text))
    runs = [m for m in gaps if m.end() - m.start() >= 2]
    longer = sum(m.end() - m.start() >= 3 for m in runs)
    if len(runs) < DOUBLE_SPACE_RUNS or len(runs) < DOUBLE_SPACE_SHARE * len(gaps) or longer > LONGER_RUN_SHARE * len(runs):
        return None
    out = list(norm.text)
    for m in runs:
        out[m.start():m.end()] = "\n" * (m.end() - m.start())
    return NormalizedText.model_construct(text="".join(out), offsets=norm.offsets, original_length=norm.original_length,
                                          original=norm.original, in_print=norm.in_print)


class CollapsedCells(_TableReader):
    """One cell per line with blank lines between, collapsed: the double spaces are the breaks."""

    name = "collapsed_cells"

    def read(self, norm: NormalizedText) -> Reading | None:
        broken = double_spaces_as_breaks(norm) if norm.text.count("\n") < COLLAPSED_MAX_LINES else None
        return self._grouped(broken, "table read from one cell per line (collapsed)")


# a text of at most this many lines, with at least this many tabs and this many a line on average (pipes become
# tabs when normalized; a row printed as a line holds a few, a final-accounts page up to a dozen over thousands of
# lines), is a table run into a line or a few
TAB_RUN_MAX_LINES = 10
TAB_RUN_TABS = 30
TAB_RUN_TABS_PER_LINE = 12


def tabs_as_breaks(norm: NormalizedText) -> NormalizedText | None:
    """A table run into a line or two of tab-separated cells (a pipe table copied as one line) with each tab as a
    line break (one character for one), or None when the text is not one: its cells one a line, empty ones
    dropped, for ``cell_stream`` to group by their words."""
    tabs = norm.text.count("\t")
    if tabs < TAB_RUN_TABS or norm.text.count("\n") > 4 * TAB_RUN_MAX_LINES:
        return None  # (a cheap test first: this runs on every text)
    lines = _lines(norm.text)
    if lines > TAB_RUN_MAX_LINES or tabs < TAB_RUN_TABS_PER_LINE * (lines or 1):
        return None
    return NormalizedText.model_construct(text=norm.text.replace("\t", "\n"), offsets=norm.offsets,
                                          original_length=norm.original_length, original=norm.original,
                                          in_print=norm.in_print)


class TabRun(_TableReader):
    """A table whose line breaks were lost but whose cells are still cut (``| a | b | | c |`` on one line)."""

    name = "tab_run"
    rivals_first = True

    def read(self, norm: NormalizedText) -> Reading | None:
        return self._grouped(tabs_as_breaks(norm), "table read from a table run into one line", claimed=True)


class Collapsed:
    """Text whose layout is gone: tokens, header words and row patterns (``flat``)."""

    name = "collapsed"
    rivals_first = False

    def __init__(self, categories: Categories):
        self.flat = FlatParser(categories)

    def read(self, norm: NormalizedText) -> Reading | None:
        norm = csv_as_tabs(norm)  # (a comma-separated sheet collapsed: its commas are the cell breaks)
        norm = joined_tails(norm)  # (a PDF's raw stream: a wrapped cell's last characters on a line of their own)
        return Reading(a_table(self.flat.parse(norm)), norm, "layout lost: projects read from collapsed text")


class RunTogether(_TableReader):
    """Rows whose cells run together with no separator (``run_together``), grouped like one cell per line."""

    name = "run_together"

    def read(self, norm: NormalizedText) -> Reading | None:
        cells = None if is_collapsed(norm) else run_together_cells(norm, rows=IndicatorColumns)
        text = cell_stream_rows(cells) if cells is not None else None
        if text is None:
            return None
        found = self.tables.parse(parse_rows(text, one_row_per_line=True))
        # the cut is a guess: it stands only where it gives whole indicator rows, not a lone field or two (nor rows
        # whose cells are field labels: 指标：名称|目标：X|完成：Y|分值：W, labeled lines cut at their labels)
        if sum(1 for p in found for i in p.indicators if i.target and i.actual and not misread_row(i)
               and not any(header_word(t.text) for t in [*i.target, i.actual])) < RUN_TOGETHER_MIN_ROWS:
            return None
        return Reading(found, text, "table read from cells run together")


class FlatRun(_TableReader):
    """A whole table run into a line with no separator (a document site's preview, ``flat_run``)."""

    name = "flat_run"

    def read(self, norm: NormalizedText) -> Reading | None:
        return self._grouped(flat_run_cells(norm), "table read from a table run into one line without separators")


READERS: dict[str, Callable[[Categories], Reader]] = {
    cls.name: cls for cls in (TabRows, SpaceRows, CellStream, CollapsedCells, TabRun, Collapsed, RunTogether, FlatRun)
}


def best_reading(readings: list[Reading | None], fallback: Reading) -> Reading:
    """The reading that finds most of a table, on a tie the later in the list; ``fallback`` when none finds one."""
    best = fallback
    for reading in readings:
        if reading is not None and reading.projects and facts(reading.projects) >= facts(best.projects):
            best = reading
    return best


@dataclass
class LayoutReaders:
    """The readers a pipeline names, built once (they hold per-instance caches, bounded)."""

    first: Reader
    alternatives: list[Reader]
    last_resort: list[Reader]
    prose: ProseParser

    @classmethod
    def build(cls, categories: Categories, first: str, alternatives: tuple[str, ...],
              last_resort: tuple[str, ...], wrapped_rows: bool = False) -> LayoutReaders:
        def make(name: str) -> Reader:
            reader = READERS[name](categories)
            if isinstance(reader, SpaceRows):
                reader.wrapped = wrapped_rows
            return reader

        return cls(make(first), [make(n) for n in alternatives], [make(n) for n in last_resort], ProseParser())

    def read(self, norm: NormalizedText, check: Callable[[str], None] = lambda stage: None) -> Reading:
        """The table reading of the text (``check`` is called before each reader: the deadline's)."""
        norm = joined_page_halves(norm) or norm  # (a sheet printed in two halves, its rows put back together)
        check(self.first.name)
        first = self.first.read(norm)
        rivals: dict[str, Reading | None] = {}  # read once, used below too
        for reader in self.alternatives:
            if reader.rivals_first:
                check(reader.name)
                rivals[reader.name] = reader.read(norm)
        # readings of readers that claim the text's layout (cells between blank lines, a table run into a line)
        claimed = [r for r in rivals.values() if r is not None and r.projects and r.claimed]
        if first is not None and first.projects:
            # the first reader keeps a tie: it reads most layouts as printed
            return max([first, *claimed], key=lambda r: facts(r.projects) + (r is first) * 0.5)
        if claimed:
            # the generic readers (collapsed text) would read the same cells without their line structure
            return max(claimed, key=lambda r: facts(r.projects))
        fallback = Reading([], norm)
        readings = []
        for reader in self.alternatives:
            check(reader.name)
            readings.append(rivals[reader.name] if reader.name in rivals else reader.read(norm))
        # a reading whose layout is beyond doubt (cells wrapped inside rows) is not outcounted by the generic ones
        laid = [r for r in readings if r is not None and r.projects and r.claimed]
        best = best_reading(laid or readings, fallback)
        if best.projects or not self.last_resort or self.prose.parse(norm):
            # a prose report is read by the prose reader; a last-resort cut would misread it
            return best
        for reader in self.last_resort:
            check(reader.name)
            reading = reader.read(norm)
            if reading is not None and reading.projects:
                return reading
        return best
