"""Column rows: an indicator table in a PDF text layer laid out in columns (``pdftotext -layout``).

Such a layer prints each line at the x-position of its glyphs, so the header's words give the columns and a
word belongs to the column whose header it falls under. A table row whose cells wrap prints over several
lines: the line holding the indicator's name and its values is the row; a line whose words fall only under
some columns continues the row it touches in those columns, and a merged level-1/level-2 cell prints at its
vertical middle, on a line of its own between the rows it spans. This module rebuilds those rows as one
row of cells per indicator, under the header's columns, for the table reader.
Positions are display columns (a CJK glyph is two wide), as the layer prints them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from jixiao.pipelines.column_header import page_break, resumed_at, stacked_header
from jixiao.pipelines.layout import Cell, Row
from jixiao.pipelines.normalize import NormalizedText
from jixiao.pipelines import vocab as V
from jixiao.pipelines.vocab import FORM_FOOTER, INDICATOR_END, INDICATOR_HEADERS, Categories
from jixiao.pipelines.text_width import display_width

# slots of the header that name a row: its name and one of its values
# a layer laid out by position leaves at least this many blank columns between two header words
MIN_COLUMN_GAP = 2
_VALUE_SLOTS = {"target", "init_target", "adj_target", "actual", "weight", "score"}
_LEVEL_SLOTS = {"l1", "l2"}
_NUMBER = re.compile(r"^\d+(\.\d+)?$")
_WORD = re.compile(r"\S+")
# blank lines a laid-out table may print between two of its lines (a tall row's vertical gap)
MAX_BLANK = 1


@dataclass
class _Line:
    """One line of the table: its words by column (absolute offsets), and whether it is a row line."""

    index: int
    words: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict)
    is_row: bool = False


def _words(text: str, start: int, end: int) -> list[tuple[int, int, int, str]]:
    """(display column, start, end, word) of each word of the line ``text[start:end]``."""
    line = text[start:end]
    out, col, pos = [], 0, 0
    for m in _WORD.finditer(line):
        col += display_width(line[pos:m.start()])  # (the width so far, counted once: linear in the line)
        pos = m.start()
        out.append((col, start + m.start(), start + m.end(), m.group()))
    return out


def _header_slots(words: list[tuple[int, int, int, str]]) -> list[str | None] | None:
    """The slot of each header word, or None when the line is no indicator header printed in columns."""
    slots = [next((slot for slot, rx in INDICATOR_HEADERS if rx.search(w[3])), None) for w in words]
    if "name" not in slots or not _VALUE_SLOTS & set(slots) or sum(s is not None for s in slots) < 4:
        return None
    if any(b[0] - a[0] - display_width(a[3]) < MIN_COLUMN_GAP for a, b in zip(words, words[1:])):
        return None  # words one space apart: web text, not columns laid out by position
    return slots


def _column(col: int, width: int, spans: list[tuple[int, int]]) -> int | None:
    """The header column a word at display column ``col`` falls under: the header word it overlaps most, else
    the first whose header word ends after the word starts (a header centered over its column starts right of
    the cells' left edge); None for a word that ends before the first header word starts (a margin label such
    as 绩效指标)."""
    if col + width <= spans[0][0]:
        return None
    overlap = [min(col + width, e) - max(col, s) for s, e in spans]
    best = max(range(len(spans)), key=lambda k: overlap[k])
    if overlap[best] > 0:
        return best
    return next((k for k, (_, end) in enumerate(spans) if col < end), len(spans) - 1)


def _blocks(lines: list[_Line], j: int, level: bool, cat: Categories) -> list[list[_Line]]:
    """The cells column ``j`` prints: runs of consecutive lines with words there, holding at most one row
    line; in a level column a run also splits where a complete category word would stop being one."""
    out: list[list[_Line]] = []
    cur: list[_Line] = []
    for ln in lines:
        if j not in ln.words:
            if cur:
                out.append(cur)
            cur = []
            continue
        if cur:
            split = ln.is_row and any(x.is_row for x in cur)
            if level:
                before, joined = _text(cur, j), _text(cur, j) + _text([ln], j)
                # a level word wrapped onto the next row's line (产出指 / 标 …) completes there; a complete word
                # does not run on
                split = not (_category(joined, cat) and not _category(before, cat)) and (
                    split or (_category(before, cat) and not _category(joined, cat))
                    # a wrapped word's tail does not run into the next cell's start (指标 / 服务对象满)
                    or (joined not in V.LEVEL_STARTS and _text([ln], j) in V.LEVEL_STARTS and not _category(joined, cat)))
            if split:
                out.append(cur)
                cur = []
        cur.append(ln)
    if cur:
        out.append(cur)
    return _vertical(out, j, cat) if level else out


def _vertical(blocks: list[list[_Line]], j: int, cat: Categories) -> list[list[_Line]]:
    """A merged level cell printed vertically, one character a line, leaves one-character blocks on the lines its
    characters fall on (产 / 出 / 指 / 标 among the rows), and a wrapped one centred on a row prints its pieces above
    and below that row's line (可持续影响 / row / 指标): consecutive pieces that spell a category are one cell."""
    # a run of one-character lines (adjacent rows' characters touch) is read a character at a time
    blocks = [[ln] for b in blocks for ln in b] if any(
        len(b) > 1 and all(len(_text([ln], j)) == 1 for ln in b) for b in blocks) else blocks
    out: list[list[_Line]] = []
    k = 0
    while k < len(blocks):
        end, text, held = k, "", 0
        # (a wrapped word's pieces stand around one row; a vertical word's characters over several)
        while end < len(blocks) and text + _text(blocks[end], j) in V.LEVEL_STARTS \
                and (held + any(ln.is_row for ln in blocks[end]) <= 1 or len(_text(blocks[end], j)) == 1) \
                and not (end > k and _category(text, cat)):
            text += _text(blocks[end], j)
            held += any(ln.is_row for ln in blocks[end])
            end += 1
        if end - k > 1 and _category(text, cat):
            out.append([ln for b in blocks[k:end] for ln in b])
            k = end
        else:
            out.append(blocks[k])
            k += 1
    return out


def _category(text: str, cat: Categories) -> bool:
    return bool(cat.level1(text) or cat.level2(text))


def _text(block: list[_Line], j: int) -> str:
    return "".join(w[2] for ln in block for w in ln.words[j])


def _gap(block: list[_Line], r: _Line) -> tuple[int, bool]:
    """How far row ``r`` is from ``block`` in lines (ties: the row above first)."""
    lo, hi = block[0].index, block[-1].index
    return (lo - r.index if r.index < lo else r.index - hi, r.index > hi)


def _row_pos(index: int, at: list[int]) -> float:
    """Where line ``index`` stands in row units: k at the k-th row line, between two rows in proportion."""
    k = bisect.bisect_left(at, index)
    if k < len(at) and at[k] == index:
        return float(k)
    if k == 0 or k == len(at):
        return k - 0.5
    return k - 1 + (index - at[k - 1]) / (at[k] - at[k - 1])


def _row_gap(block: list[_Line], r: _Line, at: list[int]) -> float:
    """How far row ``r`` is from ``block`` in row units (0 where the block spans it)."""
    lo, hi, me = _row_pos(block[0].index, at), _row_pos(block[-1].index, at), _row_pos(r.index, at)
    return lo - me if me < lo else max(me - hi, 0.0)


def _owners(blocks: list[list[_Line]], rows: list[_Line], j: int, level: bool) -> list[_Line | None]:
    """The row each of a column's cells belongs to: the row line it holds, else the nearest row (ties: the one
    above). A level cell printed between rows is a merged cell at its vertical middle: the rows that print
    nothing in that column go to the nearest such cell, and the cell to the first of them (its later rows
    carry it)."""
    owners: list[_Line | None] = [next((ln for ln in b if ln.is_row), None) for b in blocks]
    loose = [k for k, o in enumerate(owners) if o is None]
    if level and loose:
        groups: dict[int, list[_Line]] = {}
        # (a row nearer a cell that a row line holds is that cell's: the table reader carries it down)
        # cells printed at their middle (a level cell on a line of no row): a cell a row line holds heads the rows
        # nearest it too, from the first of them
        # (distances in rows, not lines: a row's wrapped cells and remark put lines between rows)
        at = [r.index for r in rows]
        for r in (r for r in rows if j not in r.words):
            k = min(range(len(blocks)), key=lambda k: (_row_gap(blocks[k], r, at), blocks[k][0].index > r.index))
            groups.setdefault(k, []).append(r)
        for k, group in groups.items():
            first = min(group, key=lambda r: r.index)
            if owners[k] is None or first.index < owners[k].index:
                owners[k] = first
    for k in loose:
        if owners[k] is None and rows:
            owners[k] = min(rows, key=lambda r: _gap(blocks[k], r))
    return owners


def column_rows(norm: NormalizedText, rows: list[Row], cat: Categories) -> list[Row]:
    """``rows`` (one a line) with each indicator table printed in columns rebuilt as one row per indicator;
    a table whose every line is a row line is left as it is. A header padded with ideographic spaces is a Word
    or web export's fixed gaps, not a layer laid out by position (which pads with spaces): left as it is."""
    text = norm.text
    out: list[Row] = []
    i = 0
    while i < len(rows):
        words = _words(text, rows[i].start, rows[i].end)
        a, b = norm.span(rows[i].start, rows[i].end)
        slots = _header_slots(words) if len(words) > 1 and "\u3000" not in norm.original[a:b] else None
        if slots is not None:
            first = next(k for k, s in enumerate(slots) if s is not None)
            words, slots = words[first:], slots[first:]  # a margin label (绩效指标, 绩) heads no column
        if slots is None:
            out.append(rows[i])
            i += 1
            continue
        header, words, slots, end, spans = _stacked(norm, rows, i, words, slots, out)
        body: list[Row] = []
        while end < len(rows):
            # (a page break first: the next page's running title, a table's title, closes nothing)
            if "\n\n" in text[rows[end - 1].end:rows[end].start + 1]:
                resumed = _resumed(norm, rows, end, words, slots)
                if resumed is None or resumed >= len(rows):
                    break
                end = resumed
            if INDICATOR_END.match(rows[end].joined) \
                    or _header_slots(_words(text, rows[end].start, rows[end].end)) is not None:
                break
            body.append(rows[end])
            end += 1
        out.extend(_rebuilt(text, header, body, words, slots, cat, spans))
        i = end
    if len(out) == len(rows) and all(a is b for a, b in zip(out, rows, strict=True)):
        return rows
    return [Row(index=k, kind=r.kind, start=r.start, end=r.end, cells=r.cells) for k, r in enumerate(out)]


def _slot_of(word: str) -> str | None:
    return next((slot for slot, rx in INDICATOR_HEADERS if rx.search(word)), None)


def _words_of(text: str) -> Callable[[Row], list[tuple[int, int, int, str]]]:
    return lambda r: _words(text, r.start, r.end)


def _stacked(norm: NormalizedText, rows: list[Row], i: int, words: list[tuple[int, int, int, str]],
             slots: list[str | None], out: list[Row]
             ) -> tuple[Row, list[tuple[int, int, int, str]], list[str | None], int, list[tuple[int, int]] | None]:
    """The header at ``rows[i]`` with the lines its cells wrap onto stacked on (``column_header``): its first row,
    words, slots and the index of the row after it; lines above it already in ``out`` are taken back."""
    text = norm.text
    stacked = stacked_header(rows, i, _words_of(text),
                             lambda a, b: "\n\n" not in text[a.end:b.start + 1])
    if stacked is None:
        return rows[i], words, slots, i + 1, None
    merged, spans, lo, hi = stacked
    merged_slots = [_slot_of(w[3]) for w in merged]
    if "name" not in merged_slots or not _VALUE_SLOTS & set(merged_slots) \
            or any(b[0] - a[1] < MIN_COLUMN_GAP for a, b in zip(spans, spans[1:])):
        return rows[i], words, slots, i + 1, None
    del out[len(out) - (i - lo):]
    # each stacked word stands for the columns its pieces cover (its joined text is wider than the cell)
    return rows[lo], merged, merged_slots, hi + 1, spans


def _stacked_slots(text: str, rows: list[Row], k: int) -> list[str | None] | None:
    """The slots of the header at ``rows[k]`` with its wrapped lines stacked on, or None where it is no header."""
    slots = _header_slots(_words(text, rows[k].start, rows[k].end))
    if slots is None:
        return None
    stacked = stacked_header(rows, k, _words_of(text), lambda a, b: "\n\n" not in text[a.end:b.start + 1])
    return [_slot_of(w[3]) for w in stacked[0]] if stacked else slots


def _resumed(norm: NormalizedText, rows: list[Row], end: int, words: list[tuple[int, int, int, str]],
             slots: list[str | None]) -> int | None:
    """Where the table before the blank gap at ``rows[end]`` goes on: at a page break, after the header repeated on
    the next page, or at once where the next line's words all stand under the header's columns; else None."""
    text = norm.text
    if not page_break(norm, rows[end - 1], rows[end]):
        # a blank line inside a table laid out by position (a tall row's vertical gap): the table goes on where
        # the next line stands under its columns
        first = _words(text, rows[end].start, rows[end].end)
        gap = text[rows[end - 1].end:rows[end].start]
        return end if first and gap.count("\n") <= MAX_BLANK + 1 and first[0][0] >= words[0][0] \
            and not V.PAGE_RUNNING_TITLE.search(rows[end].joined) and not FORM_FOOTER.match(rows[end].joined) else None
    k = resumed_at(rows, end, slots, lambda k: _stacked_slots(text, rows, k))
    if k is not None:
        stacked = stacked_header(rows, k, _words_of(text), lambda a, b: "\n\n" not in text[a.end:b.start + 1])
        return (stacked[3] if stacked else k) + 1
    first = _words(text, rows[end].start, rows[end].end)
    if not first or first[0][0] < words[0][0] or V.PAGE_RUNNING_TITLE.search(rows[end].joined):
        return None
    return end


def _rebuilt(text: str, header: Row, body: list[Row], words: list[tuple[int, int, int, str]],
             slots: list[str | None], cat: Categories, spans: list[tuple[int, int]] | None = None) -> list[Row]:
    """The header and the table's rows, rebuilt under the header's columns (``body`` unchanged where every
    line is a row line or no line is)."""
    stacked = spans is not None
    spans = spans or [(w[0], w[0] + display_width(w[3])) for w in words]
    name_j = slots.index("name")
    value_js = {k for k, s in enumerate(slots) if s in _VALUE_SLOTS}
    # where the table has 分值 / 得分 columns a row prints a number there; a line holding a wrapped name's and
    # value's tails (间 … 旬) is no row
    number_js = {k for k, s in enumerate(slots) if s in ("weight", "score")}
    level_js = {k for k, s in enumerate(slots) if s in _LEVEL_SLOTS or k < name_j}
    lines: list[_Line] = []
    for k, r in enumerate(body):
        ln = _Line(index=k)
        for col, s, e, w in _words(text, r.start, r.end):
            j = _column(col, display_width(w), spans)
            if j is not None:
                ln.words.setdefault(j, []).append((s, e, w))
        # (or a row cut by the end of the text, opening its own level cell: 质量指标 NAME ≤3‰)
        ln.is_row = name_j in ln.words and bool(value_js & set(ln.words)) and (
            not number_js or any(_NUMBER.match(w[2]) for j in number_js & set(ln.words) for w in ln.words[j])
            or any(_category(_text([ln], j), cat) for j in level_js & set(ln.words)))
        lines.append(ln)
    centred = stacked and _centred_rows(lines, name_j, value_js)
    row_lines = [ln for ln in lines if ln.is_row]
    # lines above the first row with words only right of the level columns: the header's own words wrapping
    # (where the header was stacked from its lines already, they are the first row's wrapped cells)
    head_words: dict[int, list[tuple[int, int, str]]] = {k: [(s, e, w)] for k, (_, s, e, w) in enumerate(words)}
    for ln in lines[:row_lines[0].index if row_lines and not stacked else 0]:
        if ln.words and not level_js & set(ln.words):
            for j, ws in ln.words.items():
                head_words[j].extend(ws)
            ln.words = {}
    head = Row(index=0, kind="tabs", start=header.start, end=max(ws[-1][1] for ws in head_words.values()),
               cells=[_cell(j, head_words[j], header.start) for j in range(len(spans))])
    # (a header stacked from its lines is rebuilt whatever its rows: its lines are one row now)
    if not row_lines or not (centred or stacked) and all(ln.is_row or not ln.words for ln in lines):
        return [head if stacked else header, *body]
    if not stacked and _centred_rows(lines, name_j, value_js):
        row_lines = [ln for ln in lines if ln.is_row]
    cells: dict[int, dict[int, list[tuple[int, int, str]]]] = {r.index: {} for r in row_lines}
    for j in range(len(spans)):
        level = j in level_js
        blocks = _blocks(lines, j, level, cat)
        for block, owner in zip(blocks, _owners(blocks, row_lines, j, level), strict=True):
            if owner is not None:
                cells[owner.index].setdefault(j, []).extend(w for ln in block for w in ln.words[j])
    rebuilt = [head]
    for ln in row_lines:
        row = body[ln.index]
        row_cells = [_cell(j, cells[ln.index].get(j, []), row.start) for j in range(len(spans))]
        lo = min([row.start, *(c.start for c in row_cells if c.text)])
        hi = max([row.end, *(c.end for c in row_cells if c.text)])
        rebuilt.append(Row(index=0, kind="tabs", start=lo, end=hi, cells=row_cells))
    return rebuilt


def _centred_rows(lines: list[_Line], name_j: int, value_js: set[int]) -> bool:
    """A row whose name wraps over two lines prints its one-line cells, vertically centred, on a line of their own
    between the name's two pieces: that values line is the row, holding both pieces (in place; whether any)."""
    found = False
    for k in range(1, len(lines) - 1):
        above, ln, below = lines[k - 1], lines[k], lines[k + 1]
        if ln.is_row or name_j in ln.words or not value_js & set(ln.words):
            continue
        if all(name_j in x.words and not x.is_row and not value_js & set(x.words) for x in (above, below)):
            ln.words[name_j] = above.words.pop(name_j) + below.words.pop(name_j)
            ln.is_row = found = True
    return found


def _cell(j: int, words: list[tuple[int, int, str]], at: int) -> Cell:
    """Column ``j``'s cell of the words given (in reading order), or an empty one at offset ``at``."""
    ws = sorted(words)
    if not ws:
        return Cell(col=j, start=at, end=at, text="")
    return Cell(col=j, start=ws[0][0], end=ws[-1][1], text="".join(w for _, _, w in ws))
