"""A web article split over pages and saved as one text: each page ends with the site's pager (第1页 2 下一页 尾页)
and the next page repeats the site's header (site name, navigation, breadcrumb, the title, its date line) before the
article goes on, often in the middle of a sentence. The prose reader sees the pages joined: the pager and the
repeated header are blanked to spaces (offsets hold), and the line break before them too where the sentence goes on."""

from __future__ import annotations

import re

# a pager line: page numbers and the words of a pager, one of them 下一页 / 上一页 (a page number a whole number, the
# blanks taken whole: a line of digits was cut into numbers every way there is, tens of thousands of tries a line)
_PAGER = re.compile(r"^[ \t\u3000]*+(?:(?:第[ \t]*\d{1,3}[ \t]*页|共[ \t]*\d{1,3}[ \t]*页|\d{1,3}(?!\d)|上一页|下一页|首页|尾页"
                    r"|末页)[ \t\u3000]*+){2,12}$", re.M)
_PAGER_WORD = re.compile(r"上一页|下一页")
# what ends a paragraph before a page break (a sentence that goes on across it ends in none of these)
_PARAGRAPH_END = frozenset("。！？!?")
# a page's header repeated after its pager is a few lines (the site's title, the article's, its date line): a stretch of
# repeated lines is read this far
MAX_REPEATED_LINES = 40
# a line opening a heading or an item after the break: the break is a paragraph's
_OPENER = re.compile(r"[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．](?!\d))")


def joined_pages(text: str) -> str:
    """The text with each pager and the page header repeated after it blanked (same length)."""
    if "下一页" not in text and "上一页" not in text:
        return text
    chars = list(text)
    before: set[str] = set()  # the lines before the pager (gathered on from the pager before: a pager starts a line)
    upto = 0
    for m in _PAGER.finditer(text):
        if not _PAGER_WORD.search(m.group()):
            continue
        before.update(line.strip() for line in text[upto:m.start()].split("\n") if line.strip())
        upto = m.start()
        end = m.end()
        # the lines after the pager that repeat lines of the pages before it (blank lines between them too), a page
        # header's few at most (a text repeating itself after each of many pagers is not read to its end each time)
        repeated = 0
        while end < len(text) and repeated < MAX_REPEATED_LINES:
            nl = text.find("\n", end + 1)
            line = text[end + 1:nl if nl >= 0 else len(text)]
            if line.strip() and line.strip() not in before:
                break
            repeated += bool(line.strip())
            end = nl if nl >= 0 else len(text)
        if end >= len(text):
            continue  # (the pager closes the text: nothing goes on after it)
        start = last = m.start()
        while last and text[last - 1].isspace():
            last -= 1  # (the text before the pager, its trailing blanks left out)
        goes_on = bool(last) and text[last - 1] not in _PARAGRAPH_END and not _OPENER.match(text, end + 1)
        if goes_on:
            start = last  # (the break inside a sentence: the line before runs into the line after)
        for i in range(start, end + 1 if goes_on else end):
            chars[i] = " " if chars[i] != "\n" or goes_on else "\n"
    return "".join(chars)
