"""A web page's links to other pages around a prose report: their titles are no project of this one.

Pages print the titles of other reports before and after the report: ``上一篇：`` / ``下一篇：`` lines, bulleted lists,
and a ``相关文章`` heading over a list of titles (some render that sidebar before the report). A title there reads like
the report's own (某局2023年度某项目支出绩效自评报告), so the title readers skip these lines.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right

from jixiao.pipelines.vocab import PROSE_LINK_LEAD, PROSE_LINK_LIST_HEADING, PROSE_LISTED_TITLE, PROSE_TITLE_METADATA

# (multiline: a pattern's ^ matches at a line's start, where each line's match begins)
_LEAD = re.compile(r"^[ \t\u3000]*(?:" + PROSE_LINK_LEAD + ")", re.M)
_LIST_HEADING = re.compile(r"^[ \t\u3000]*(?:" + PROSE_LINK_LIST_HEADING + r")[ \t\u3000]*[:：]?[ \t\u3000]*$", re.M)
_METADATA = re.compile(PROSE_TITLE_METADATA)
_NUMBERED_TITLE = re.compile(PROSE_LISTED_TITLE, re.M)
# numbered titles in a row list links (the page's reports, its attachments); one alone may be the report's own heading
NUMBERED_LIST_MIN = 2
# a listed link: a short line that is no sentence (a title, a title and its date); a breadcrumb (首页 > …) ends the list
_LISTED = re.compile(r"^[ \t\u3000]*[^\s。；;，,：:][^\n。；;，,:：>»›]{3,79}$", re.M)
# a line of the report's body: a sentence, or a line ending in a colon (市财政局：, 报告如下：)
_BODY = re.compile(r"。|[:：][ \t\u3000]*$")
_LINE = re.compile(r"[^\n]*")


def link_lines(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The spans of the lines of [s, e) that link to other pages: a line led by 上一篇 / 下一篇 or a bullet, two or more
    numbered titles in a row, and the short lines listed under a 相关文章 heading up to the first that is not one. The list's last line is the report's
    own title where the publication's date, source or font switch follows it (a sidebar printed right before it)."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text, s, e) if m.group().strip()]
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(lines):
        a, b = lines[k]
        if _LEAD.match(text, a, b):
            out.append((a, b))
        elif _NUMBERED_TITLE.match(text, a, b):
            run = k + 1
            while run < len(lines) and _NUMBERED_TITLE.match(text, *lines[run]):
                run += 1
            if run - k >= NUMBERED_LIST_MIN:
                out.extend(lines[k:run])
                k = run - 1
        elif _LIST_HEADING.match(text, a, b):
            out.append((a, b))
            run = k + 1
            while run < len(lines) and _LISTED.match(text, *lines[run]) and not _LIST_HEADING.match(text, *lines[run]):
                run += 1
            listed = lines[k + 1:run]
            if listed and run < len(lines) and _follows_title(text, lines[run]) and not _LEAD.match(text, *listed[-1]):
                listed = listed[:-1]  # (the report's own title, its date line or its first sentence under it)
            out.extend(listed)
            k = run - 1
        k += 1
    return out


def _follows_title(text: str, line: tuple[int, int]) -> bool:
    """Whether a line is one that follows a report's title, never a list of links: the publication's metadata
    (发布时间：…, 来源：…, 【字体：…】) or the body's first sentence."""
    head = text[line[0]:line[1]].lstrip(" \t\u3000")
    return _METADATA.match(head) is not None or _BODY.search(head) is not None


def outside_links(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether ``at`` lies on none of the link lines ``spans`` (in order, apart: ``link_lines``; found by bisection,
    a page of thousands of links is not scanned whole for each title and unit)."""
    k = bisect_right(spans, (at, math.inf)) - 1
    return k < 0 or not spans[k][0] <= at < spans[k][1]
