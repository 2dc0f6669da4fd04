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
_OPEN_PINYIN = re.compile(r"[(（][a-zü\u00e0-\u00fc\u0101-\u01dc]+$")
# a document site's preview opens each chunk with a marker (2、) before the chunk's first line; the site broke the
# chunk's text every N characters, so the marker is no part of the line's measure
_CHUNK_LEAD = re.compile(r"^\d{1,2}、")
# a row's last cell, a number after a space (… 43个 10): where the next line starts with a word, a row ended there
_ENDS_NUMBER_CELL = re.compile(r"\s[\d.]+%?$")
# lines laid out in columns (runs of spaces, tabs, pipes, box-drawing rules and bars, +---+ rules) are a table's
# rows, whatever their width
COLUMN_LINE = re.compile(r"\S {2,}\S|\t|\||[\u2500-\u257f]|^\s*\+[-=+]{3,}")


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
    tabled = [bool(COLUMN_LINE.search(s)) for s in stripped]
    # the measure more lines reach the edge in: display columns (a page's width), or characters
    measures = []
    for measure, least, slack, lines_at in ((display_width, MIN_EDGE_COLUMNS, EDGE_SLACK_COLUMNS, MIN_EDGE_LINES),
                                            (len, MIN_EDGE_CHARS, EDGE_SLACK_CHARS, MIN_EDGE_LINES_CHARS)):
        # (a line too short to reach the edge's slack even at two columns a character counts 0, as a table row does:
        # it is not measured, and none of the tests below can tell the two apart)
        widths = [0 if t or 2 * len(s) < least - slack else measure(_CHUNK_LEAD.sub("", s, count=1))
                  for s, t in zip(stripped, tabled)]
        if (edge := page_edge(widths, least, slack, lines_at)) is not None:
            measures.append((sum(edge - slack <= w for w in widths), widths, edge, slack))
    if not measures:
        return indent_wrap_breaks(lines)
    _, widths, edge, slack = max(measures, key=lambda m: m[0])
    breaks, pos = [], 0
    for k, line in enumerate(lines[:-1]):
        end = pos + len(line)
        nxt = lines[k + 1].lstrip()
        if (edge - slack <= widths[k] <= edge and stripped[k][-1] not in _CLOSED and nxt
                and not COLUMN_LINE.search(lines[k + 1])
                and (not _STARTS_ITEM.match(nxt) or _OPEN_PINYIN.search(stripped[k]) or _DECIMAL.match(nxt))
                and not (_ENDS_NUMBER_CELL.search(stripped[k]) and not nxt[0].isdigit())):
            breaks.append(end)
        pos = end + 1
    return breaks


# share of the printed lines that end in spaces in a text padded throughout (an editor's or a page's copy): there a
# line's last spaces are padding; elsewhere a space before a break the page's edge put may part two words or cells
PADDED_SHARE = 0.9
_PADDING = " \u00a0\u3000"


def wrap_padding(text: str, breaks: list[int]) -> list[int]:
    """Offsets of the spaces a page or an editor padded every line with, before the ``breaks`` a page's edge put: they
    go with the break (else they stand inside the line joined again, between two characters of a word)."""
    printed = [line for line in text.split("\n") if line.strip()] if breaks else []
    if not printed or sum(line[-1] in _PADDING for line in printed) < PADDED_SHARE * len(printed):
        return []
    out: list[int] = []
    for end in breaks:
        start = end
        while start > 0 and text[start - 1] in _PADDING:
            start -= 1
        out.extend(range(start, end))
    return out


# A scan read by OCR keeps each paragraph's first-line indent and breaks its lines where the page did, but at no one
# width (the engine prints a full-width comma as a narrow one, a digit as wide as it reads): there the indent marks the
# paragraphs. A text is laid out so where this many paragraph lines (indented by 2 to 8 spaces) are followed by an
# unindented line that carries on their sentence.
_INDENT = re.compile(r"^(?: {2,8}|\u3000{1,4})(?=\S)")
MIN_INDENT_WRAPS = 3
# a line that wraps is a line of running text, not a short heading or a unit note: at least this many columns
MIN_WRAPPED_COLUMNS = 40
# how far a cut line's length may stray from the median cut line's (a full-width comma read narrow, a seal's words)
INDENT_WIDTH_SPREAD = 0.2
# a line opening with a decimal number (7.5%,…) carries on a figure; it is no numbered item (7.)
_DECIMAL = re.compile(r"\d{1,2}[.．]\d")


def indent_wrap_breaks(lines: list[str]) -> list[int]:
    """Offsets of the line breaks inside indented paragraphs (a scan's OCR text): a line of a paragraph that an
    indented line opened, long and ending no sentence, followed by an unindented line that starts no item."""
    breaks, pos, in_paragraph, cut = [], 0, False, []
    for k, line in enumerate(lines[:-1]):
        end = pos + len(line)
        text, nxt = line.rstrip(), lines[k + 1]
        if not text.strip() or COLUMN_LINE.search(text.strip()):
            in_paragraph = False
        elif _INDENT.match(line):
            in_paragraph = True
        if (in_paragraph and nxt.strip() and nxt[0] not in " \u3000\t" and text[-1] not in _CLOSED
                and display_width(text) >= MIN_WRAPPED_COLUMNS and not COLUMN_LINE.search(nxt)
                and not (_STARTS_ITEM.match(nxt) and not _DECIMAL.match(nxt))):
            breaks.append(end)
            cut.append(len(text.strip()))
        pos = end + 1
    if len(breaks) < MIN_INDENT_WRAPS:
        return []
    # the lines a page cut hold about as many characters each (the page's measure); lines of any length that end
    # unpunctuated before an unindented one are a text laid out by hand (a heading over its paragraph, a list)
    middle = sorted(cut)[len(cut) // 2]
    return breaks if all(abs(n - middle) <= middle * INDENT_WIDTH_SPREAD for n in cut) else []


def run_wrapped(text: str, end: int, start: int) -> bool:
    """The break between a line ending at ``end`` and the next line starting at ``start``, both of a table run
    together without separators, may be a hard wrap inside the one run (142.5 printed 14 / 2.5): one line break and
    no space on either side (the caller checks that the next line opens no table of its own)."""
    return text[end:start] == "\n" and not text[end - 1:end].isspace() and not text[start:start + 1].isspace()
