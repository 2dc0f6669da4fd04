"""Cells of a tab or space row that an OCR engine glued together, split apart again.

An OCR engine that joins the text boxes of one table row into a line puts no space between two boxes of Chinese
characters (Umi-OCR's paragraph mode: ``产出指标数量指标新建村级电商服务站点 ≥30个 32个 10 10``), so a row's category
cells and its name reach the readers as one cell, and a header row reaches them as one run of header words. Only a
cell opening with a full category word is split (``glued_cells``: the word, then what follows it, never a bare 数量
or 质量, which start names), or a cell ending in three or more whole header words (绩效指标一级指标二级指标三级指标
年度指标值…: the words, and what stands before them as a cell of its own), and only a cell without whitespace (a
spaced-out word, 产 出 指 标, is one cell). A lone category word or one with its allotment (产出指标(50分)) and two
header words (预算执行率得分: one label, the score of the rate) stay whole. A head row glued the same way
(项目名称XX, 主管部门XX局实施单位XX中心) is cut at its field labels.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jixiao.pipelines import vocab as V
from jixiao.pipelines.glued_cells import split_glued
from jixiao.pipelines.header_slips import cell_slip_forms

# a category word is at most this long (服务对象满意度指标); a glued cell is the words and a name after them
_GLUED_CELL_MAX_CHARS = 80
# glued head and header rows are read only in a table whose value cells are spaced: at least this many rows carry two
# or more number cells between tabs (a table run together throughout, no tab in it, is the collapsed readers')
MIN_SPACED_VALUE_ROWS = 3
_BLANK = re.compile(r"\s")
_NUMBER_CELL = re.compile(r"\t[\d.,%]+(?=\t|$)", re.M)
# what follows a label that is no value glued to it (its colon, a bracket of the label's own)
_LABEL_CONTINUES = frozenset(":：(（")
# a header's words glued into one cell are at least this many (two may be one label: 执行率得分)
MIN_GLUED_HEADER_WORDS = 3


@lru_cache(maxsize=1)
def _header_vocab() -> tuple[frozenset[str], int, re.Pattern[str]]:
    """The header words (with the OCR-slipped forms of the score-column words, 分直), the longest one's length, and
    a pattern of a cell ending in one (a cell that does not is never searched)."""
    words = frozenset((*V.HEADER_WORDS, *cell_slip_forms()))
    end = re.compile("(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")$")
    return words, max(map(len, words)), end


def _header_run(part: str) -> list[tuple[int, int]] | None:
    """``part`` as a prefix cell (if any) and the fewest whole header words spelling the rest, where they are three
    or more; else None."""
    words, longest, end = _header_vocab()
    if not end.search(part):
        return None
    n = len(part)
    # spell[k]: the fewest words spelling part[k:] (a longer word wins over two shorter ones), None where none does
    spell: list[list[tuple[int, int]] | None] = [None] * n + [[]]
    for k in range(n - 1, -1, -1):
        for j in range(k + 1, min(n, k + longest) + 1):
            rest = spell[j]
            if rest is not None and part[k:j] in words and (spell[k] is None or len(rest) + 1 < len(spell[k])):
                spell[k] = [(k, j), *rest]
    k = next((k for k in range(n) if spell[k] is not None and len(spell[k]) >= MIN_GLUED_HEADER_WORDS), None)
    return None if k is None else [*([(0, k)] if k else []), *spell[k]]


@lru_cache(maxsize=1)
def _field_labels() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in V.GLUED_FIELD_LABELS))


def _field_run(line: str) -> list[tuple[int, int]] | None:
    """A head row whose labels and values were glued (项目名称XX, 主管部门XX局实施单位XX中心): each label and the value
    up to the next label a cell of its own, where the line opens with a label and a value follows each; else None."""
    found = [(m.start(), m.end()) for m in _field_labels().finditer(line)]
    if not found or found[0][0] != 0:
        return None
    bounds = [*(a for a, _ in found), len(line)]
    pieces: list[tuple[int, int]] = []
    for (a, b), nxt in zip(found, bounds[1:]):
        if nxt <= b or V.any_label(line[a:nxt]) or line[b] in _LABEL_CONTINUES:
            # two labels touching (a header's words), a longer label (主管部门及代码), or a label its colon or bracket
            # goes on (主管部门：X, 主管部门（盖章）：X, read as printed by the field readers): no value glued to it
            return None
        pieces += [(a, b), (b, nxt)]
    return pieces


def spaced_values(text: str) -> bool:
    """Whether ``text`` (cells tab-separated) holds enough rows of spaced number cells for its glued head and header
    rows to be read as rows of the same table."""
    rows = 0
    for line in text.split("\n"):
        if "\t" in line and len(_NUMBER_CELL.findall(line)) >= 2:
            rows += 1
            if rows >= MIN_SPACED_VALUE_ROWS:
                return True
    return False


def _may_be_glued(part: str) -> bool:
    """Whether ``part`` may be cells glued together: not empty, not too long, and no whitespace (a spaced-out word,
    产 出 指 标, is one cell)."""
    return bool(part) and len(part) <= _GLUED_CELL_MAX_CHARS and _BLANK.search(part) is None


def glued_header(line: str) -> list[tuple[int, int]] | None:
    """The pieces of a line without tabs that is one header row's words, or a head row's labels and values, glued
    together; None for a text line."""
    return (_header_run(line) or _field_run(line)) if _may_be_glued(line) else None


def _category(word: str) -> bool:
    return word in V.LEVEL2_PARENT or word in V.LEVEL1


@lru_cache(maxsize=1)
def _glued_openings() -> tuple[re.Pattern[str], frozenset[str]]:
    """What a glued cell opens or ends with: a category word or a field label at its start (the category split and
    ``_field_run``), and the last two characters of a header word (``_header_run``)."""
    opening = re.compile("|".join(re.escape(w) for w in sorted({*V.LEVEL1, *V.LEVEL2_PARENT, *V.GLUED_FIELD_LABELS},
                                                               key=len, reverse=True)))
    words, _, _ = _header_vocab()
    return opening, frozenset(w[-2:] for w in words)


@lru_cache(maxsize=1)
def _row_candidates() -> re.Pattern[str]:
    """A tab row holding a cell that opens with a category word or field label, or ends with a header word after four
    characters at least: the only rows ``glued_parts`` may split."""
    opening, _ = _glued_openings()
    words, _, _ = _header_vocab()
    # (a header run is three words or more: a cell ending in one has at least four characters before it)
    ends = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:^|(?<=\t))(?:{opening.pattern})|(?<=[^\t]{{4}})(?:{ends})(?=\t|$)")


def may_hold_glued(line: str) -> bool:
    """Whether a cell of tab row ``line`` may be glued cells (one search of the row, not a call a cell)."""
    return _row_candidates().search(line) is not None


def glued_parts(part: str) -> list[tuple[int, int]]:
    """The (start, end) pieces of one tab-separated cell's text: itself, or its category words and what follows."""
    opening, endings = _glued_openings()
    # (every cell of every tab row comes here: one anchored match and one set lookup keep the rest off the others)
    if not (part[-2:] in endings or opening.match(part)) or not _may_be_glued(part):
        return [(0, len(part))]
    header = _header_run(part) or _field_run(part)  # (glued_header, its _may_be_glued already asked above)
    if header is not None:
        return header
    pieces = split_glued(part)
    # only a split that a category word opens (not a chunk marker's, a number's or a target's: those readers' own)
    if not pieces or len(pieces) < 2 or pieces[0][0] != 0 or not _category(part[pieces[0][0]:pieces[0][1]]):
        return [(0, len(part))]
    return pieces
