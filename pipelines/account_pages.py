"""Two final-accounts tables printed side by side on one page (a PDF's text laid out by position).

A landscape page may hold two small tables beside each other (政府性基金 on the left, 三公 on the right): every
text line then carries a piece of each, and the line with the two titles shows it. From that line to the page's
end (a form feed, or the end of the text), the page is cut at the widest run of columns blank on every line
between the two titles (display width: a CJK character two columns), and written back as the left table's lines
and then the right table's (offsets kept), so that each table reads as if printed alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from jixiao.pipelines.account_spaced import line_widths
from jixiao.pipelines.normalize import NormalizedText

# the two titles stand at least this many spaces apart
_TITLE_GAP = re.compile(r" {4,}")
_WORD = re.compile(r"决算(?:总|明细)?表|统计表")


def _two_titles(norm: NormalizedText, start: int, line: str, is_title: Callable[[NormalizedText, int, int], bool]
                ) -> tuple[int, int] | None:
    """(end of the left title, start of the right one), as offsets into the line, where it holds two titles."""
    if "\t" in line or len(_WORD.findall(line)) < 2:
        return None
    parts = [(m.start(), m.end()) for m in re.finditer(r"\S+(?: \S+)*", line)]
    for (a, b), (c, d) in zip(parts, parts[1:]):
        if (_TITLE_GAP.fullmatch(line[b:c]) and is_title(norm, start + a, start + b)
                and is_title(norm, start + c, start + d) and len(parts) == 2):
            return b, c
    return None


def _gutter(rows: list[tuple[str, list[int]]], left: int, right: int) -> int | None:
    """The display column to cut the page at: the middle of the widest run of columns in [left, right) that no
    line prints a character in."""
    used = [False] * (right - left)
    for line, widths in rows:
        x = 0
        for ch, w in zip(line, widths):
            if not ch.isspace():
                for c in range(max(x, left), min(x + w, right)):
                    used[c - left] = True
            x += w
    best, run_start = None, None
    for k, on in enumerate([*used, True]):
        if not on and run_start is None:
            run_start = k
        elif on and run_start is not None:
            if best is None or k - run_start > best[1] - best[0]:
                best = (run_start, k)
            run_start = None
    return None if best is None else left + best[1] - 1


def _cut(line: str, widths: list[int], at: int) -> int:
    """The offset in the line of its first character at or right of display column ``at``."""
    x = 0
    for k, w in enumerate(widths):
        if x >= at:
            return k
        x += w
    return len(line)


def side_by_side(norm: NormalizedText, is_title: Callable[[NormalizedText, int, int], bool]) -> NormalizedText | None:
    """The text with each page of two tables side by side written as the left table, then the right; None when
    no line holds two titles."""
    if not any(len(_WORD.findall(line)) >= 2 for line in norm.text.split("\n") if "表" in line):
        return None  # most texts: no line names two tables
    lines = norm.text.split("\n")
    starts = norm.line_starts()
    order: list[tuple[int, int]] = []  # (start, end) offsets into the text, in the order to write them
    i, changed = 0, False
    while i < len(lines):
        found = _two_titles(norm, starts[i], lines[i], is_title)
        if found is None:
            order.append((starts[i], starts[i] + len(lines[i])))
            i += 1
            continue
        j = next((k for k in range(i + 1, len(lines)) if "\f" in lines[k]), len(lines))
        rows = [(lines[k], line_widths(norm, starts[k], lines[k])) for k in range(i, j)]
        title_widths = rows[0][1]
        gutter = _gutter(rows, sum(title_widths[:found[0]]), sum(title_widths[:found[1]]))
        if gutter is None:
            order.append((starts[i], starts[i] + len(lines[i])))
            i += 1
            continue
        cuts = [_cut(line, widths, gutter) for line, widths in rows]
        order += [(starts[k], starts[k] + cut) for k, cut in zip(range(i, j), cuts)]
        order += [(starts[k] + cut, starts[k] + len(lines[k])) for k, cut in zip(range(i, j), cuts)]
        i, changed = j, True
    if not changed:
        return None
    chars: list[str] = []
    offsets: list[int] = []
    for n, (a, b) in enumerate(order):
        if n:
            chars.append("\n")
            offsets.append(norm.offsets[a])
        chars.extend(norm.text[a:b])
        offsets.extend(norm.offsets[a:b])
    return norm.rewritten(chars, offsets)
