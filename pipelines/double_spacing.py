"""Double-spaced table rows: a web page that printed every row as a paragraph of its own, or a copy that put a blank
line after every line, leaves a blank line between any two rows. Found, so that normalization drops one line break
of each such gap and the rows stand together again.

A text is double-spaced when nearly every line is followed by a blank line; every run of breaks then stands for
half as many (a paragraph break, one blank line, came out as three). That alone is also the
one-cell-per-paragraph layout (a blank line between cells), which its readers read as it is; the rows are told by
their columns: a share of the lines laid out in columns (runs of spaces, tabs, pipes, box rules: ``COLUMN_LINE``).
"""

from __future__ import annotations

import re

from jixiao.pipelines.hard_wraps import COLUMN_LINE

# lines a text needs before its spacing says anything: a short excerpt's few lines fall either way by chance
MIN_LINES = 10
# share of the printed lines followed by a blank line: the last line, a title or a footer may stand without one
DOUBLE_SPACED_SHARE = 0.9
# share of the printed lines laid out in columns that makes them a table's rows (measured on the development
# documents: the one-cell-per-paragraph pages have at most a few such lines, a table's rows most of them)
ROW_LINE_SHARE = 0.3
_LINE = re.compile(r"[^\n]*(?:\n|$)")


def double_spacing_breaks(text: str) -> list[int]:
    """Offsets of the line breaks (with the ``\r`` before each) to drop: half of every run of breaks after a printed
    line (its first blank lines), in a double-spaced text of rows; none otherwise."""
    lines = [(m.start(), m.group()) for m in _LINE.finditer(text) if m.group()]
    printed = [k for k, (_, line) in enumerate(lines) if line.strip("\r\n")]
    if len(printed) < MIN_LINES:
        return []
    blank = [not line.strip("\r\n") for _, line in lines]
    if sum(k + 1 < len(lines) and blank[k + 1] for k in printed) < DOUBLE_SPACED_SHARE * len(printed):
        return []
    if sum(bool(COLUMN_LINE.search(lines[k][1].strip())) for k in printed) < ROW_LINE_SHARE * len(printed):
        return []
    out: list[int] = []
    for k in printed:
        run = 0
        while k + 1 + run < len(lines) and blank[k + 1 + run]:
            run += 1
        for start, line in lines[k + 1:k + 1 + (run + 1) // 2]:  # the run's breaks: the line's own and one per blank
            out.extend(range(start, start + len(line)))
    return out
