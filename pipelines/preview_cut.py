"""Where a document site's preview stops (还剩2页未读, 预览已结束, 下载文档 …: the rest of the file is behind its
download button), the indicator row just above it was cut by the preview, not printed short."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jixiao.pipelines import vocab as V

if TYPE_CHECKING:
    from jixiao.pipelines.indicator_table import IndicatorHeader
    from jixiao.pipelines.parsed import ParsedIndicator


def preview_ends(word: str) -> bool:
    return bool(V.PREVIEW_END.match(word))


def drop_cut_row(read: list[ParsedIndicator], header: IndicatorHeader) -> None:
    """Drop the last row read when it lacks both its 分值 and 得分 under a header that prints them: the preview
    cut it (contract: a row cut off by the end of the text is no indicator)."""
    if read and header.tail_slots and read[-1].weight is None and read[-1].score is None:
        read.pop()
