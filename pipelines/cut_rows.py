"""Where an excerpt stopped inside a table's last indicator row (contract: a row cut off by the end of the text
is no indicator): the text ends mid-sentence in it, it fills fewer cells than every row before it, or a document
site's preview stops right after it. (Cells one a line decide it on their own grouping: ``cell_stream``.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jixiao.pipelines import vocab as V
from jixiao.pipelines.layout import Row
from jixiao.pipelines.parsed import ParsedIndicator

if TYPE_CHECKING:
    from jixiao.pipelines.indicator_header import IndicatorHeader

# a text ending in one of these stops mid-sentence: the excerpt was cut there
_CUT_MARKS = frozenset(":：,，、(（")


# the cut row's cells the reader left behind it (its remark broken over lines): at most this many rows
CUT_TAIL_ROWS = 3


def cut_off(rows: list[Row]) -> bool:
    """Whether the text ends mid-sentence in the last indicator row (``rows[0]``) or the few rows of its cells
    after it (contract: a row cut off by the end of the text is no indicator); a field label left empty at the
    end (填报人：) is no cut."""
    filled = [r for r in rows if r.joined]
    if len(filled) > 1 + CUT_TAIL_ROWS:
        return False
    last = next((c.clean for r in reversed(filled) for c in reversed(r.cells) if c.clean), "")
    # (附件2： over the next table: an attachment mark, no sentence the end of the text cut)
    return (bool(last) and last[-1] in _CUT_MARKS and not V.any_label(last.rstrip(":："))
            and not V.RUNNING_HEADER_MARK.match(last.rstrip(":：")))


# a last row is cut short only when this many rows before it show how many cells a row fills
SHORT_ROW_PEERS = 2


def _filled(ind: ParsedIndicator) -> int:
    return len(ind.target) + sum(x is not None for x in (ind.actual, ind.verdict, ind.weight, ind.score))


def stops_short(out: list[ParsedIndicator], tail: list[Row]) -> bool:
    """Whether the last row, the text's last, fills fewer value cells than every row before it: the excerpt
    stopped inside it (``时效指标 故障处理时限 ≤24小`` under rows that print target, actual, 分值 and 得分)."""
    if len(out) <= SHORT_ROW_PEERS or any(r.joined for r in tail[1:]):
        return False
    return _filled(out[-1]) < min(_filled(i) for i in out[:-1])


def preview_ends(word: str) -> bool:
    """Whether a document site's preview stops at WORD (还剩2页未读, 预览已结束, 下载文档 …): the rest of the file is
    behind its download button."""
    return bool(V.PREVIEW_END.match(word))


def drop_cut_row(read: list[ParsedIndicator], header: IndicatorHeader) -> None:
    """Drop the last row read, just above where a preview stops, when it lacks both its 分值 and 得分 under a
    header that prints them and the rows before it print one of them (a header assumed from the template where a
    preview jumped past the printed one, over a region table's rows that have no scores, is no evidence): the
    preview cut it."""
    def unscored(i: ParsedIndicator) -> bool:
        return i.weight is None and i.score is None

    if (read and header.tail_slots and unscored(read[-1])
            and (len(read) == 1 or not all(unscored(i) for i in read[:-1]))):
        read.pop()
