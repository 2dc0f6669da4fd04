"""Double-spaced text: a web page that printed every line as a paragraph of its own, or a copy that put a blank line
after every line, leaves a blank line between any two lines. Found, so that normalization drops one line break of each
such gap and the lines stand together again: a table's rows, a preview's cells one a line, a page's hard-wrapped
lines (which the page's edge joins only once they stand together).

A text is double-spaced when nearly every line is followed by a blank line; every run of breaks then stands for
half as many (a paragraph break, one blank line, came out as three). That alone is also the
one-cell-per-paragraph layout (a blank line between cells, empty cells a lone space), which its readers read as it
is. The double-spaced text is told from it by what its lines hold or by its gaps:
- rows: a share of the lines laid out in columns (runs of spaces, tabs, pipes, box rules: ``COLUMN_LINE``);
- lines longer than cells: a table printed a cell a paragraph holds a word or a number a paragraph (half its
  paragraphs at most ``CELL_CHARS`` characters), a page's lines hold sentences, runs of cells or whole rows (and a
  page of paragraphs as printed, read the same with one break between them);
- paragraphs doubled: most gaps of three or more blank lines (a one-cell-per-paragraph page double-spaced: its
  own blank lines came out as three), where that page as printed has one blank line between nearly all cells.
"""

from __future__ import annotations

import re

from jixiao.pipelines.hard_wraps import COLUMN_LINE

# lines a text needs before its spacing says anything (a table run into one line between a title and a footer is
# three)
MIN_LINES = 2
# share of the printed lines followed by a blank line: the last line, a title or a footer may stand without one
DOUBLE_SPACED_SHARE = 0.9
# share of the printed lines laid out in columns that makes them a table's rows (measured on the development
# documents: the one-cell-per-paragraph pages have at most a few such lines, a table's rows most of them)
ROW_LINE_SHARE = 0.3
# the median paragraph that a table printed a cell a paragraph reaches at most, in characters and digits (a mirror's
# inline pinyin, brackets and spaces not counted): measured on the development documents as printed, its cells'
# words, numbers and lone spaces make 4-7; the lines of the double-spaced ones (sentences, runs of cells, rows) 10
# and more
CELL_CHARS = 8
_CELL_CHAR = re.compile(r"[\u4e00-\u9fff\d]")
# share of the gaps between printed lines of three or more blank lines: a double-spaced text's own blank lines
# (as printed, a one-cell-per-paragraph page has at most a few, where a cell vanished: 8% on the development pages)
DOUBLED_GAP_SHARE = 0.5
_LINE = re.compile(r"[^\n]*(?:\n|$)")


def double_spacing_breaks(text: str) -> list[int]:
    """Offsets of the line breaks (with the ``\r`` before each) to drop: half of every run of breaks after a printed
    line (its first blank lines), in a double-spaced text told from a one-cell-per-paragraph page; none otherwise."""
    lines = [(m.start(), m.group()) for m in _LINE.finditer(text) if m.group()]
    printed = [k for k, (_, line) in enumerate(lines) if line.strip("\r\n")]
    if len(printed) < MIN_LINES:
        return []
    blank = [not line.strip("\r\n") for _, line in lines]
    if sum(k + 1 < len(lines) and blank[k + 1] for k in printed) < DOUBLE_SPACED_SHARE * len(printed):
        return []
    runs = []  # blank lines after each printed line
    for k in printed:
        run = 0
        while k + 1 + run < len(lines) and blank[k + 1 + run]:
            run += 1
        runs.append(run)
    texts = [lines[k][1].strip() for k in printed]
    rows = sum(bool(COLUMN_LINE.search(t)) for t in texts) >= ROW_LINE_SHARE * len(printed)
    longer = sorted(len(_CELL_CHAR.findall(t)) for t in texts)[len(texts) // 2] > CELL_CHARS
    gaps = [run for run in runs[:-1] if run]
    doubled = sum(run >= 3 for run in gaps) >= DOUBLED_GAP_SHARE * len(gaps)
    if not (rows or longer or doubled):
        return []
    out: list[int] = []
    for k, run in zip(printed, runs):
        for start, line in lines[k + 1:k + 1 + (run + 1) // 2]:  # the run's breaks: the line's own and one per blank
            out.extend(range(start, start + len(line)))
    return out
