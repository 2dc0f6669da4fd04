"""Line breaks a page's edge put inside paragraphs (a PDF's text layer, a web page pasted from one): found, so that
normalization drops them and a sentence, a title or a table row reads as one line again.

A text broken at a page's edge has several lines of one width, the page's, each cut mid-sentence; a text that was not
has lines of every width. The edge is the width of the widest line, where at least ``MIN_EDGE_LINES`` lines reach it
(within ``EDGE_SLACK_COLUMNS``) and it is a page's, not a table row's (``MIN_EDGE_COLUMNS``): no line passes a page's
edge, while the widest lines of a text laid out by its content differ (measured on the 161 documents of the gates:
none has three widest lines within the slack; broken at 76 columns, 87 of the 89 that reach the edge do). A line at the edge that
does not end a sentence continues on the next line, unless that line starts a heading or a numbered item.
"""

from __future__ import annotations

import re
from jixiao.pipelines.text_width import display_width

# a page's line holds 38-40 Chinese characters (76-80 columns); 28 is the narrowest column of a two-column page or
# a phone-width web page that still holds sentences. Narrower runs of equal lines are table cells.
MIN_EDGE_COLUMNS = 56
# a line stops up to a character (two columns) short of the edge where the next one did not fit, or where the
# typesetter pulled a character down so that a punctuation mark does not start the next line
EDGE_SLACK_COLUMNS = 4
# lines at one width that make it a page's edge: two equal lines happen by chance, three rarely do
MIN_EDGE_LINES = 3
# the end of a sentence or of a label: the page's edge did not cut there
_CLOSED = frozenset("。！？!?；;：:")
# a line that starts a heading or a numbered item (一、 (一) 1. 1、 ① 第一) starts a paragraph of its own
_STARTS_ITEM = re.compile(r"[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．)）]|[①-⑳]|第[一二三四五六七八九十\d]+[章节部条]")
# the edge cut inline pinyin after its tone digit's letters (執(zhi|2)行率): the next line's ``2)`` is no item number
_OPEN_PINYIN = re.compile(r"\([a-zü]+$")
# a row's last cell, a number after a space (… 43个 10): where the next line starts with a word, a row ended there
_ENDS_NUMBER_CELL = re.compile(r"\s[\d.]+%?$")
# lines laid out in columns (runs of spaces, tabs, pipes, box-drawing rules and bars, +---+ rules) are a table's
# rows, whatever their width
_COLUMNS = re.compile(r"\S {2,}\S|\t|\||[\u2500-\u257f]|^\s*\+[-=+]{3,}")


# a text layer may wrap by characters, not by width (a tool that breaks every N characters): its edge is exactly N
# characters, no slack; lines of one length happen by chance in a table, so it takes more of them (six, not three)
MIN_EDGE_CHARS = MIN_EDGE_COLUMNS // 2
EDGE_SLACK_CHARS = 0
MIN_EDGE_LINES_CHARS = 6


def page_edge(widths: list[int], least: int = MIN_EDGE_COLUMNS, slack: int = EDGE_SLACK_COLUMNS,
              lines: int = MIN_EDGE_LINES) -> int | None:
    """The width of the widest line where ``lines`` lines reach it (within the slack): a page's edge, which no line
    passes; None where the widest lines differ (a text laid out by its content, not by a page)."""
    ranked = sorted((w for w in widths if w >= least), reverse=True)
    if len(ranked) >= lines and ranked[0] - ranked[lines - 1] <= slack:
        return ranked[0]
    return None


def hard_wrap_breaks(text: str) -> list[int]:
    """Offsets in ``text`` of the line breaks a page's edge put inside a paragraph (ascending)."""
    if "\n" not in text:
        return []
    lines = text.split("\n")
    stripped = [line.rstrip() for line in lines]
    tabled = [bool(_COLUMNS.search(s)) for s in stripped]
    # the measure more lines reach the edge in: display columns (a page's width), or characters
    measures = []
    for measure, least, slack, lines_at in ((display_width, MIN_EDGE_COLUMNS, EDGE_SLACK_COLUMNS, MIN_EDGE_LINES),
                                            (len, MIN_EDGE_CHARS, EDGE_SLACK_CHARS, MIN_EDGE_LINES_CHARS)):
        widths = [0 if t else measure(s) for s, t in zip(stripped, tabled)]
        if (edge := page_edge(widths, least, slack, lines_at)) is not None:
            measures.append((sum(edge - slack <= w for w in widths), widths, edge, slack))
    if not measures:
        return []
    _, widths, edge, slack = max(measures, key=lambda m: m[0])
    breaks, pos = [], 0
    for k, line in enumerate(lines[:-1]):
        end = pos + len(line)
        nxt = lines[k + 1].lstrip()
        if (edge - slack <= widths[k] <= edge and stripped[k][-1] not in _CLOSED and nxt
                and not _COLUMNS.search(lines[k + 1])
                and (not _STARTS_ITEM.match(nxt) or _OPEN_PINYIN.search(stripped[k]))
                and not (_ENDS_NUMBER_CELL.search(stripped[k]) and not nxt[0].isdigit())):
            breaks.append(end)
        pos = end + 1
    return breaks
