"""A table of numbered rows (序号 1, 2, 3 …) whose line breaks were lost, re-lined: where every row has as many
words as the header (序号 项目名称 … 自评等级), the row numbers open the rows at one count of words each.

Same length, offsets hold: the space before the header, before each row number and before the total row becomes a
newline. Only text run together (no line break between the header and its rows) changes.
"""

from __future__ import annotations

import re

_HEAD = re.compile(r"(?<= )序号(?= )")
_WORD = re.compile(r"\S+")
_FIGURE = re.compile(r"[\d,.%－—-]+")
_TOTAL = frozenset({"合计", "总计", "合计：", "合计:"})
# a header of this many words (序号 and the columns): fewer is no table of projects, more no header
HEAD_MIN_WORDS, HEAD_MAX_WORDS = 3, 16
# rows matched at the header's count before the line breaks are put back
MIN_ROWS = 2


def _after_spaces(text: str, k: int) -> int:
    """The start of the run of spaces before ``k`` plus one: the break sits on its first space."""
    while k > 1 and text[k - 2] in " \u3000":
        k -= 1
    return k


def _breaks(text: str, head: int) -> list[int]:
    """The lost breaks of the numbered table whose header opens at ``head`` (none where the rows do not count)."""
    end = text.find("\n", head)
    words = list(_WORD.finditer(text, head, len(text) if end < 0 else end))
    try:
        width = next(k for k, w in enumerate(words[:HEAD_MAX_WORDS + 1]) if w.group() == "1")
    except StopIteration:
        return []
    if width < HEAD_MIN_WORDS:
        return []
    starts, k = [], width
    while k + width <= len(words) and words[k].group() == str(len(starts) + 1):
        starts.append(words[k].start())
        k += width
    if len(starts) < MIN_ROWS:
        return []
    if k < len(words) and words[k].group() in _TOTAL:
        starts.append(words[k].start())
        k += 1
        while k < len(words) and _FIGURE.fullmatch(words[k].group()):
            k += 1
        if k < len(words):
            starts.append(_after_spaces(text, words[k].start()))  # the total row's figures end it
    elif k < len(words):
        starts.append(_after_spaces(text, words[k].start()))  # the last row ends at the header's count
    return [head - 1, *(s - 1 for s in starts)]


def numbered_breaks(text: str) -> list[int]:
    """Offsets of the spaces in ``text`` that were the lost line breaks of its numbered tables (see the module
    docstring)."""
    if "序号" not in text:
        return []
    return [b for m in _HEAD.finditer(text) for b in _breaks(text, m.start())]
