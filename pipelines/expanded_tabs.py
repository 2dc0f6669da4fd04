"""Tab rows whose tabs a terminal or an editor expanded to spaces: found, so that normalization reads each such run of
spaces as the tabs it was and the row's cells stand apart again (a tab after a cell of seven characters left a
single space, one of eight a whole stop of spaces, empty cells a run over several stops).

An expanded tab ends at a tab stop (a column that is a multiple of the tab size, counted in characters from the
line's start, as ``str.expandtabs`` and terminals count them); a run of spaces laid out by hand or by a PDF's text
layer ends anywhere (one time in eight at a stop of eight). A text is tab-expanded where nearly every run of two or
more spaces between printed characters ends at a stop (``EXPANDED_SHARE``, of at least ``MIN_RUNS`` runs: measured
on the 499 development documents as printed, none passes half). Its rows are the lines with a run of two or more
spaces at a stop; in a row every run of spaces that ends at a stop was tabs, one for each stop it passes.
"""

from __future__ import annotations

import re

# tab sizes an expansion used, the wider first: a text expanded at eight is also aligned at four
TAB_SIZES = (8, 4)
# runs of spaces a text needs before their columns say anything
MIN_RUNS = 4
# share of the runs of two or more spaces between printed characters that end at a tab stop
EXPANDED_SHARE = 0.9
_INNER_RUN = re.compile(r"(?<=[^ \r\n])  +(?=[^ \r\n])")
_RUN = re.compile(r" +")
_LINE = re.compile(r"[^\r\n]+")


def _tab_size(text: str) -> int | None:
    """The tab size the text's runs of spaces were expanded at, or None where they were not."""
    ends = [m.end() for line in _LINE.finditer(text) for m in _INNER_RUN.finditer(line.group())]
    if len(ends) < MIN_RUNS:
        return None
    for size in TAB_SIZES:
        if sum(end % size == 0 for end in ends) >= EXPANDED_SHARE * len(ends):
            return size
    return None


def expanded_tab_runs(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, tabs)`` of each run of spaces in ``text`` that was ``tabs`` expanded tabs (ascending); none
    where the text's runs of spaces were not tabs."""
    if "  " not in text or (size := _tab_size(text)) is None:
        return []
    out: list[tuple[int, int, int]] = []
    for line in _LINE.finditer(text):
        row = line.group()
        runs = [(m.start(), m.end()) for m in _RUN.finditer(row) if m.end() % size == 0]
        # a row holds a run of two or more spaces at a stop (its empty first or last cells count: a lone cell between
        # them); other lines (a sentence whose single space happens to end at a stop) keep their spaces
        if not any(b - a >= 2 for a, b in runs):
            continue
        out.extend((line.start() + a, line.start() + b, b // size - a // size) for a, b in runs)
    return out
