"""Cell tails a PDF's raw text stream printed on lines of their own (``pdftotext -raw`` of a Word or Excel table).

In content-stream order a row's cells share a line while they share a baseline; a cell that wraps sends its next
line of text to a line of its own and the row's next cells to another: 建设农业科技示范主体数 / 量 / ≥ 120 个 125 10
10, 2023年11月30 / 日前 / 2023年12月15 / 日 / 10 8. Read from collapsed text, each tail is a token of its own and the
row runs one cell too long. A tail is a short line (a few characters, none a digit, no word the table prints on its
own) under a line that ends in the cell it continues, with the row's values (or the next tail) after it: joined onto
that line, it is the cell again.
"""

from __future__ import annotations

import re

from jixiao.pipelines import vocab as V
from jixiao.pipelines.normalize import NormalizedText

# a tail holds the last characters of a cell's text: at most this many
MAX_TAIL = 3
_CJK_TAIL = re.compile(r"^[\u4e00-\u9fff]{1,3}$")
# a cell cut inside a date or a measure: its line ends in a digit after a date word, or in an unfinished unit
_OPEN_VALUE = re.compile(r"(\d{4}年\d{1,2}月(\d{1,2})?|/[\u4e00-\u9fff]{1,3})$")
_TEXT_END = re.compile(r"[\u4e00-\u9fff]{4,}$")
_DAY_TAIL = re.compile(r"^\d{1,2}日[前后]?$")
_MONTH_END = re.compile(r"\d{4}年\d{1,2}月$")


def _tail(word: str, above: str) -> bool:
    if _DAY_TAIL.match(word):
        return bool(_MONTH_END.search(above))  # a date cut after its month (2023年11月 / 24日)
    return bool(_CJK_TAIL.match(word)) and not (
        word in V.LEVEL_STARTS or V.any_label(word) or V.OPERATORS.match(word) or word in V.NATURE_WORDS
        or word in V.TOTAL_WORDS)


def _continues(above: str, below: str) -> bool:
    """Whether the line ``below`` may follow the tail: the row's values (a number or operator first) or a line that
    ends a value cell's own tail."""
    first = below.split(" ")[0]
    return bool(V.VALUE_START.match(below) or V.OPERATORS.match(first) or first in V.NATURE_WORDS
                or _OPEN_VALUE.search(above))


def _level_runs(text: str, lines: list[str]) -> set[int]:
    """Line breaks inside a level cell a narrow column wrapped a few characters a line (满意 / 度指 / 标, 服务 / 对象 /
    满意 / 度指 / 标): consecutive short lines that together spell a category word, the longest run first."""
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    cut: set[int] = set()
    k = 0
    while k < len(lines):
        word, end, best = "", k, k
        while end < len(lines) and _CJK_TAIL.match(piece := lines[end].strip()) and word + piece in V.LEVEL_STARTS:
            word += piece
            end += 1
            if V.fallback_level1(word) or V.fallback_level2(word):
                best = end
        if best - k > 1:
            cut |= {starts[j] - 1 for j in range(k + 1, best)}
            k = best
        else:
            k += 1
    return cut


def joined_tails(norm: NormalizedText) -> NormalizedText:
    """The text with each cell tail joined onto the line above it (the line break taken out), or the text itself
    where it holds none."""
    text = norm.text
    lines = text.split("\n")
    cut: set[int] = set()  # offsets of the line breaks taken out
    pos = 0
    for k in range(1, len(lines) - 1):
        pos += len(lines[k - 1]) + 1
        above, line, below = lines[k - 1].rstrip(), lines[k].strip(), lines[k + 1].strip()
        if not _tail(line, above) or not below or not (_TEXT_END.search(above) or _OPEN_VALUE.search(above)):
            continue
        if _continues(above, below) or (_OPEN_VALUE.search(above) and _tail(below, line)):
            cut.add(pos - 1)
    cut |= _level_runs(text, lines)
    if not cut:
        return norm
    keep = [i for i in range(len(text)) if i not in cut]
    return norm.rewritten([text[i] for i in keep], [norm.offsets[i] for i in keep])
