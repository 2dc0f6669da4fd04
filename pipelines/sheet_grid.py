"""A worksheet as the loaders read it, whatever library opened it (openpyxl for XLSX, xlrd for XLS / ET).

A library adapter hands over the stored cells' display texts, the merged ranges and the hidden rows / columns;
``shown_grid`` takes the hidden ones out (what the sheet shows and prints), and ``add_sheet`` turns the grid into
paragraphs and tables: blocks of rows separated by empty rows are read separately; a block's leading and trailing
rows holding a single value (a title, a unit line, a footnote) become paragraphs, the rest a table.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable

from jixiao.deadline import NO_DEADLINE, Deadline
from jixiao.errors import InputTooLargeError
from jixiao.pipelines.load_builder import DocumentBuilder, GridCell

# cells between two looks at the deadline
_DEADLINE_CELLS = 65536


def shown_grid(cells: Iterable[tuple[int, int, Callable[[], str]]], merged: list[tuple[int, int, int, int]],
               hidden_rows, hidden_cols, *, name: str, max_cells: int | None = None,
               deadline: Deadline = NO_DEADLINE, source: str | None = None):
    """Cell texts and merge anchors of a sheet as shown, 0-based: ``(texts, merges, covered)``.

    ``cells``: the stored cells as (row, col, text), the text a callable so that a hidden cell is never formatted;
    ``merged``: ranges (r0, c0, r1, c1), r1 / c1 exclusive; ``hidden_rows`` / ``hidden_cols``: spans [lo, hi).
    Merged ranges may cover at most ``max_cells`` positions in all (each costs a character of the rendered text
    at least). A merged range whose anchor is hidden shows the anchor's text in its first shown position.
    """
    texts: dict[tuple[int, int], str] = {}
    stored: dict[tuple[int, int], Callable[[], str]] = {}
    shown = Shown(hidden_rows, hidden_cols)
    for n, (r, c, text_of) in enumerate(cells, start=1):
        if n % _DEADLINE_CELLS == 0:
            deadline.check(f"reading cell {n} of sheet {name!r}")
        at = shown.position(r, c)
        if at is None:
            stored[(r, c)] = text_of
            continue
        text = text_of().strip()
        if text:
            texts[at] = text
    merges: dict[tuple[int, int], tuple[int, int]] = {}
    covered: set[tuple[int, int]] = set()
    area = sum((r1 - r0) * (c1 - c0) for r0, c0, r1, c1 in merged)
    if max_cells is not None and area > max_cells:
        raise InputTooLargeError(f"merged cells of sheet {name!r} cover {area} positions, over the limit of {max_cells} "
                                 "(JIXIAO_MAX_TEXT_CHARS)", source=source)
    for r0, c0, r1, c1 in merged:
        found = shown.span(r0, c0, r1, c1)
        if found is None:  # the whole range is hidden
            continue
        (s0, t0), (s1, t1) = found
        if shown.position(r0, c0) is None and (r0, c0) in stored:  # the anchor hidden, its text shows in the rest
            text = stored[(r0, c0)]().strip()
            if text:
                texts[(s0, t0)] = text
        merges[(s0, t0)] = (s1 - s0, t1 - t0)
        covered.update((r, c) for r in range(s0, s1) for c in range(t0, t1) if (r, c) != (s0, t0))
    return texts, merges, covered


def add_sheet(builder: DocumentBuilder, number: int, texts, merges, covered, max_cells: int | None = None,
              pictures: list[tuple[int, list]] | None = None) -> None:
    """One sheet as page NUMBER: its blocks of rows, each as paragraphs and a table; ``pictures``: OCR blocks of
    the table pictures on it, each with its anchor's (shown) row (``xlsx_pictures``)."""
    builder.start_page(number)
    add_grid(builder, texts, merges, covered, number, max_cells, pictures)


def add_grid(builder: DocumentBuilder, texts, merges, covered, page: int | None = None,
             max_cells: int | None = None, pictures: list[tuple[int, list]] | None = None) -> None:
    """A grid (``shown_grid``'s result) at the builder's current place: its blocks of rows, each as paragraphs and a
    table; an HTML table goes through here the way a sheet does. A picture's blocks go before the first block of
    rows below its row: a block starting on the picture's row (a caption beside its top) reads first, and a block
    the picture starts inside of is not cut (its rows are one table)."""
    from jixiao.pipelines.table_pictures import add_blocks  # here: an XLS or HTML grid needs no OCR imports

    waiting = sorted(pictures or [], key=lambda p: p[0])
    grid = _Grid(texts, merges, covered)
    for rows in _row_blocks(texts, merges):
        while waiting and waiting[0][0] < rows[0]:
            add_blocks(builder, waiting.pop(0)[1], page)
        _add_block(builder, rows, grid, page, max_cells)
    for _, blocks in waiting:
        add_blocks(builder, blocks, page)


class Hidden:
    """Hidden positions of one axis as sorted, merged spans [lo, hi) (0-based), with the count hidden before each,
    so that moving a position back is a binary search: a sheet may hide a row at a time, a hundred thousand of them
    (a scan over the spans per cell made 2,000 cells below 100,000 hidden rows take ~45 s)."""

    def __init__(self, spans) -> None:
        merged: list[list[int]] = []
        for lo, hi in sorted(spans):
            if merged and lo <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        self.lo = [lo for lo, _ in merged]
        self.hi = [hi for _, hi in merged]
        self.through: list[int] = []  # positions hidden up to the end of each span
        for lo, hi in merged:
            self.through.append((self.through[-1] if self.through else 0) + hi - lo)

    def shift(self, x: int) -> int | None:
        """X moved back by the hidden positions before it; None where X itself is hidden."""
        i = bisect.bisect_right(self.lo, x) - 1
        if i < 0:
            return x
        return None if x < self.hi[i] else x - self.through[i]

    def next_shown(self, x: int) -> int:
        """X moved back like ``shift``; a hidden X goes to the first shown position after it."""
        i = bisect.bisect_right(self.lo, x) - 1
        if i >= 0 and x < self.hi[i]:
            x = self.hi[i]
        shifted = self.shift(x)
        return x if shifted is None else shifted


class Shown:
    """The grid as Excel shows it: hidden rows and columns taken out, the positions after them moved up / left.

    A bureau hides a withdrawn indicator row, a helper column or the unused columns of a template; what the sheet
    shows (and prints) is the table. Hidden ranges are kept as spans, not sets: a template may hide columns to XFD."""

    def __init__(self, hidden_rows, hidden_cols) -> None:
        """``hidden_rows`` / ``hidden_cols``: spans [lo, hi) (0-based) of hidden rows / columns."""
        self.rows = Hidden(hidden_rows)
        self.cols = Hidden(hidden_cols)

    def position(self, r: int, c: int) -> tuple[int, int] | None:
        row, col = self.rows.shift(r), self.cols.shift(c)
        return None if row is None or col is None else (row, col)

    @staticmethod
    def _range(hidden: Hidden, lo: int, hi: int) -> tuple[int, int] | None:
        shown = [x for x in (hidden.shift(x) for x in range(lo, hi)) if x is not None]
        return (shown[0], shown[-1] + 1) if shown else None

    def span(self, r0: int, c0: int, r1: int, c1: int):
        """The shown part of a merged range [r0, r1) x [c0, c1): its top-left and bottom-right (exclusive), or None."""
        rows, cols = self._range(self.rows, r0, r1), self._range(self.cols, c0, c1)
        return None if rows is None or cols is None else ((rows[0], cols[0]), (rows[1], cols[1]))


def _row_blocks(texts, merges) -> list[list[int]]:
    """Rows grouped into blocks separated by empty rows; a vertical merge holds its rows together."""
    rows = {r for r, _ in texts}
    for (r, _), (rowspan, _) in merges.items():
        rows.update(range(r, r + rowspan))
    blocks: list[list[int]] = []
    for r in sorted(rows):
        if blocks and r == blocks[-1][-1] + 1:
            blocks[-1].append(r)
        else:
            blocks.append([r])
    return blocks


class _Grid:
    """A shown grid indexed once by row, so that each block of rows looks up only its own rows: a sheet of many
    blocks each with a merge (rows parted by empty rows) scanned every merge per block, quadratic."""

    def __init__(self, texts, merges, covered) -> None:
        self.texts, self.merges, self.covered = texts, merges, covered
        self.by_row: dict[int, list[tuple[int, str]]] = {}
        for (r, c), t in sorted(texts.items()):
            self.by_row.setdefault(r, []).append((c, t))
        # rows a vertical merge reaches into from a row above (bounded by the merged area, checked before loading)
        self.merged_down = {r for (r0, _), (rowspan, _) in merges.items() for r in range(r0 + 1, r0 + rowspan)}
        self.merge_ends: dict[int, list[int]] = {}  # row -> last column of each merge anchored in it
        for (r, c), (_, colspan) in merges.items():
            self.merge_ends.setdefault(r, []).append(c + colspan - 1)

    def anchors(self, r: int) -> list[tuple[int, str]]:
        return self.by_row.get(r, [])

    def single_line(self, r: int) -> bool:
        """One value, no merge reaching into the next row and none reaching down into this one (a table's last row
        under a merged level cell holds only its name): a title or a note, not a table row."""
        anchors = self.anchors(r)
        return (len(anchors) == 1 and all(self.merges.get((r, c), (1, 1))[0] == 1 for c, _ in anchors)
                and r not in self.merged_down)


def _add_block(builder: DocumentBuilder, rows: list[int], grid: _Grid, page: int | None,
               max_cells: int | None = None) -> None:
    lo, hi = 0, len(rows)
    while lo < hi and grid.single_line(rows[lo]):
        lo += 1
    while hi > lo and grid.single_line(rows[hi - 1]):
        hi -= 1
    head, rows, tail = rows[:lo], rows[lo:hi], rows[hi:]
    for r in head:
        builder.add_paragraph(grid.anchors(r)[0][1])
    if any(grid.anchors(r) for r in rows):
        first, last = rows[0], rows[-1]
        cols = [c for r in rows for c, _ in grid.anchors(r)]
        cols += [end for r in rows for end in grid.merge_ends.get(r, ())]
        c_min, c_max = min(cols), max(cols)
        positions = len(rows) * (c_max - c_min + 1)
        if max_cells is not None and positions > max_cells:  # every grid position renders a tab or a newline at least
            raise InputTooLargeError(f"a table of {len(rows)} rows x {c_max - c_min + 1} columns renders past the limit of "
                                     f"{max_cells} characters (JIXIAO_MAX_TEXT_CHARS)", source=builder.source)
        cells = []
        for r in rows:
            for c in range(c_min, c_max + 1):
                if (r, c) in grid.covered:
                    continue
                rowspan, colspan = grid.merges.get((r, c), (1, 1))
                cells.append(
                    GridCell(
                        row=r - first,
                        col=c - c_min,
                        rowspan=max(1, min(rowspan, last - r + 1)),
                        colspan=max(1, min(colspan, c_max - c + 1)),
                        text=grid.texts.get((r, c), ""),
                    )
                )
        builder.add_table(cells, page=page)
    for r in tail:
        builder.add_paragraph(grid.anchors(r)[0][1])
