"""Tables drawn with box-drawing rules (``┌──┬──┐`` / ``│a │b │`` / ``├──┼──┤``: w3m -dump of an HTML table, a
console table printer; or in ASCII: ``+----+`` rules and ``|`` bars) as the tab rows the layout stage reads.

Between two rule lines the content lines are one table row: a cell's text wraps inside its column over those
lines, so the row's cells are the column pieces joined in reading order. A merged cell (rowspan) leaves the rule
above a row open (blanks) over its column: that cell continues the one above, its text (which w3m prints at the
group's middle row) goes to the group's first row, as other exports print it. Every kept character keeps its
offset into the original text; a tab takes the offset of its vertical rule. One pass over the lines."""

from __future__ import annotations

from jixiao.pipelines.text_width import char_width
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # normalize calls this module: the type only, no import cycle
    from jixiao.pipelines.normalize import NormalizedText

VERTICAL = "│┃|"
RULE_CHARS = frozenset("─━┌┐└┘├┤┬┴┼┏┓┗┛┣┫┳┻╋│┃ \t")
# the same drawn in ASCII (w3m -no-graph, console grids): ``+----+----+`` over ``|a   |b   |``; a junction '+'
# tells such a rule from a markdown table's ``|---|---|``
ASCII_RULE_CHARS = frozenset("+-=|: \t")
# a text draws a box table when at least this many lines open with a vertical rule
BOX_MIN_LINES = 3


def _rule(line: str) -> bool:
    if not line.strip():
        return False
    if any(c in "─━" for c in line):
        return all(c in RULE_CHARS for c in line)
    return "+" in line and "-" in line and all(c in ASCII_RULE_CHARS for c in line)


def _content(line: str) -> bool:
    s = line.lstrip(" \t")
    return len(s) > 1 and s[0] in VERTICAL and s.rstrip()[-1] in VERTICAL


class _Segment:
    """One cell's piece on one content line: its display columns and its characters' positions in the text."""

    __slots__ = ("start", "end", "chars", "bar")

    def __init__(self, start: int, end: int, chars: list[int], bar: int):
        self.start, self.end, self.chars, self.bar = start, end, chars, bar


def _segments(norm: NormalizedText, a: int, b: int) -> list[_Segment]:
    """The cells of the content line ``text[a:b]`` between its vertical rules, with display columns counted on
    the original characters (NFKC narrows full-width brackets; the rules were drawn for the printed widths)."""
    text, offs, orig = norm.text, norm.offsets, norm.original
    out: list[_Segment] = []
    col, start, chars, bar, prev = 0, None, [], None, None
    for i in range(a, b):
        ch = text[i]
        o = offs[i]
        width = 0 if o == prev else (char_width(orig[o]) if orig else 1)
        prev = o
        if ch in VERTICAL:
            if start is not None:
                out.append(_Segment(start, col, chars, bar))
            start, chars, bar = col + width, [], i
        elif start is not None:
            chars.append(i)
        col += width
    return out


def _open_over(rule: str, seg: _Segment) -> bool:
    """The rule line above leaves the segment's columns blank: the cell continues a merged one from above."""
    span = rule[seg.start:seg.end]
    return len(span) == seg.end - seg.start and not span.strip()


def box_rows(norm: NormalizedText) -> NormalizedText:
    """``norm`` with its box-drawn tables written as tab rows (unchanged where it draws none)."""
    text = norm.text
    if not any(v in text for v in VERTICAL):
        return norm
    lines = text.split("\n")
    if sum(_content(line) for line in lines) < BOX_MIN_LINES or not any(_rule(line) for line in lines):
        return norm
    starts = norm.line_starts()
    chars: list[str] = []
    offs: list[int] = []
    k = 0
    while k < len(lines):
        # a table opens with its top rule: content lines elsewhere (a markdown table's rows) are left alone
        if not _rule(lines[k]):
            chars.extend(lines[k] + "\n")
            offs.extend(norm.offsets[starts[k]:starts[k] + len(lines[k]) + 1])
            k += 1
            continue
        k = _table(norm, lines, starts, k, chars, offs)
    if chars and chars[-1] == "\n" and not text.endswith("\n"):
        chars.pop()
        offs.pop()
    return norm.rewritten(chars, offs)


def _table(norm: NormalizedText, lines: list[str], starts: list[int], k: int,
           chars: list[str], offs: list[int]) -> int:
    """Write the box table starting at line ``k`` as tab rows; returns the line after it."""
    rows: list[list[list[int]]] = []  # per row, per cell: text positions
    bars: list[list[int]] = []
    rule = ""
    group_of: dict[tuple[int, int], tuple[int, int]] = {}  # (row, cell) -> (first row, cell) of its merged group
    spans: list[dict[tuple[int, int], int]] = []  # per row: a cell's display columns -> its index
    while k < len(lines) and (_rule(lines[k]) or _content(lines[k])):
        if _rule(lines[k]):
            rule = lines[k]
            k += 1
            continue
        block = []
        while k < len(lines) and _content(lines[k]):
            block.append(_segments(norm, starts[k], starts[k] + len(lines[k])))
            k += 1
        if any(len(segs) != len(block[0]) for segs in block):
            block = block[:1]  # pieces that do not line up: keep the first line as the row
        if not block[0]:
            continue  # a line with no cell between bars (a stray break split a rule or a row): no row
        r = len(rows)
        rows.append([[] for _ in block[0]])
        bars.append([seg.bar for seg in block[0]])
        spans.append({(seg.start, seg.end): c for c, seg in enumerate(block[0])})
        for c, seg in enumerate(block[0]):
            target = (r, c)
            if r and _open_over(rule, seg):
                above = spans[r - 1].get((seg.start, seg.end))
                if above is not None:
                    target = group_of.get((r - 1, above), (r - 1, above))
            group_of[(r, c)] = target
            for segs in block:
                piece = [i for i in segs[c].chars if not norm.text[i].isspace()]
                if piece:
                    rows[target[0]][target[1]].extend(piece)
        rule = ""
    for r, cells in enumerate(rows):
        for c, pos in enumerate(cells):
            if c:
                chars.append("\t")
                offs.append(norm.offsets[bars[r][c]])
            chars.extend(norm.text[i] for i in pos)
            offs.extend(norm.offsets[i] for i in pos)
        chars.append("\n")
        offs.append(norm.offsets[bars[r][0]])
    return k
