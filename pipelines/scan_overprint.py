"""What a scan prints over a page's text, read by OCR into its lines: a red seal's words inside a sentence or a table
row (实际完成8青杉县卫生健康局7.5%, 得分 财务专用章 9.5分, 10 15 云崖县财政局 13.5 …), and a page's running title
read between the two halves of a sentence the page cut (…完成值 / — 2 — / XX绩效自评报告 / 76.5%,…). Found here as
offsets to leave out, so that the sentence or the row reads as printed. A seal read as a line of its own is
``normalize``'s (its stamp lines)."""

from __future__ import annotations

import re

from jixiao.pipelines import vocab as V
from jixiao.pipelines.line_bounds import hits_with_lines

# a seal's own words inside a line, a space on each side: 财务专用章, 业务专用章 (a stamp prompt, 盖章 or (公章), is a
# label asking for it and stays)
_SEAL_WORD = re.compile(r"(?<=[^\s]) (?:" + V.SEAL_WORDS + r") (?=[^\s])")
# a seal naming its bureau (a place, then 局 / 委员会 / 政府 / 中心) over a figure: glued between the figure's digits
# (8青杉县卫生健康局\n7.5%), or a cell of its own between a row's weight and score (15 云崖县财政局 13.5)
_PLACE_BODY = V.SEAL_BUREAU
_SEAL_IN_FIGURE = re.compile(r"(?<=\d)" + _PLACE_BODY + r"\n?(?=\d)")
_SCORE = r"\d{1,3}(?:\.\d{1,2})?"
_SEAL_CELL = re.compile(r"(?<![\d.,])" + _SCORE + r" (?P<seal>" + _PLACE_BODY + r" )(?=" + _SCORE + r"(?![\d.,%]))")
# the same two found from a digit rather than tried at every character (a lookbehind gives the regex engine no first
# character to skip to): a text where neither finds one (most) is not searched with the exact patterns
_SEAL_NEAR_FIGURE = re.compile(r"\d(?:\.\d{1,2})? ?" + _PLACE_BODY + r"[ \n]?\d")
# a round seal over two rows prints its bureau on the upper one and 专用章 alone on the lower one (财政局 / 专用章):
# the bureau word is a cell of its own in the line just above a lone 专用章 cell, a value on each side of it
_SEAL_LOWER = re.compile(r"(?<=[^\s]) " + V.SEAL_WORD_END + r" (?=[^\s])")
_SEAL_UPPER = re.compile(r"(?<=[^\s]) (" + V.SEAL_BUREAU_WORD + r") (?=[^\s])")
# a page footer line (— 2 —, - 3 -, 第 2 页) and a running title after it (…自评报告, …自评表), a line of its own
# (from a line's start, the blanks possessive: a run of spaces is tried once, not from each of its spaces)
_FOOTER = re.compile(r"^[ \t\u3000]*+(?:[-－—][ \t]*\d{1,3}[ \t]*[-－—]|第[ \t]*\d{1,3}[ \t]*页)[ \t\u3000]*+\n", re.M)
_TITLE_LINE = re.compile(r"[ \t\u3000]*[^\n,，。;；:：]{4,50}(?:报告|自评表)[ \t\u3000]*(?:\n|$)")
# the line a page cut: running text (a comma in it) that ends no sentence
_SENTENCE_END = frozenset("。；;：:！!？?")


def overprinted(text: str) -> list[int]:
    """Offsets in ``text`` of a seal's words read into a line and of a running title read into a cut sentence."""
    out: set[int] = set()
    # a seal's words end in 专用章: a text without it (most) is not searched for them at every space
    seal_words = (_SEAL_WORD,) if V.SEAL_WORD_END in text else ()
    seals = (_SEAL_IN_FIGURE, _SEAL_CELL) if _SEAL_NEAR_FIGURE.search(text) else ()
    for rx in (*seal_words, *seals[:1]):
        for m in rx.finditer(text):
            out.update(range(m.start() + (rx is _SEAL_WORD), m.end()))
    for m in _SEAL_CELL.finditer(text) if seals else ():
        out.update(range(m.start("seal"), m.end("seal")))
    read = -1  # (a line's first lone 专用章 reads the line above, once: a line of many rescanned it at each)
    for _, start, end in hits_with_lines(text, _SEAL_LOWER.finditer(text) if seal_words else ()):
        if end == read:
            continue
        read = end
        above_end = start - 1  # (-1: no line above)
        above = text.rfind("\n", 0, max(above_end, 0)) + 1
        for u in _SEAL_UPPER.finditer(text, above, max(above_end, above)) if above_end > 0 else ():
            out.update(range(u.start(1), u.end(1)))
    for m in _FOOTER.finditer(text):
        line = text[text.rfind("\n", 0, max(m.start() - 1, 0)) + 1:max(m.start() - 1, 0)].rstrip()
        if not line or line[-1] in _SENTENCE_END or ("," not in line and "，" not in line):
            continue
        title = _TITLE_LINE.match(text, m.end())
        if title is not None and V.RUNNING_HEADER.search(title.group().strip() or "-") is not None:
            out.update(range(title.start(), title.end()))
    return sorted(out)
