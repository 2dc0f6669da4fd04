"""Words a wrapped cell is rebuilt from: a PDF text layer breaks a narrow cell inside its row (产出指 / 标,
偏差原因分 / 析及改进措 / 施), so a piece is read as the start, the middle or the end of one of these words.
Derived from the lists of ``tables``: no word is listed twice. Also the words a stray gap is taken out of (a scan's
space or line break inside a word: ``stray_gaps``, ``label_slips``)."""

from __future__ import annotations

import re

from jixiao.pipelines.vocab.stage_lists import INFO_LABELS, REASON_HEADER_WORDS
from jixiao.pipelines.vocab.tables import (
    _L1_FORMS, _L2_FORMS, _VOCAB, FUNDS_HEADER_WORDS, INDICATOR_HEADER_WORDS, LEVEL2_PARENT, OTHER_COLUMN_WORDS,
    SCORE_WORDS, WEIGHT_WORDS,
)


def _prefixes(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w[:k] for w in words for k in range(1, len(w) + 1))


def _pieces(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w[a:b] for w in words for a in range(len(w)) for b in range(a + 1, len(w) + 1))


# every printed form of a category, by level (产出, 产出指标, 社会效益, 社会效益指标 …)
LEVEL1_FORMS: tuple[str, ...] = tuple(_L1_FORMS)
LEVEL2_FORMS: tuple[str, ...] = tuple(dict.fromkeys([*LEVEL2_PARENT, *_L2_FORMS, *(w + "指标" for w in _L2_FORMS)]))
# the caption a table prints left of its level columns, merged over all rows (绩效指标)
MARGIN_CAPTION = "绩效指标"
# the starts of those words (what the first line of a wrapped cell holds) and every piece of them (what any
# line of it holds: 产出指 / 标, 服务对 / 象满意 / 度指标)
LEVEL1_STARTS = _prefixes(LEVEL1_FORMS)
LEVEL2_STARTS = _prefixes(LEVEL2_FORMS)
LEVEL_STARTS = LEVEL1_STARTS | LEVEL2_STARTS
LEVEL_PIECES = _pieces((*LEVEL1_FORMS, *LEVEL2_FORMS))
MARGIN_STARTS = _prefixes((MARGIN_CAPTION,))
# the starts of the indicator header's words, the caption included (一级指 / 标, 年度指标 / 值)
INDICATOR_HEADER_STARTS = _prefixes(tuple(dict.fromkeys(
    [*(w for ws in INDICATOR_HEADER_WORDS.values() for w in ws), *REASON_HEADER_WORDS, MARGIN_CAPTION])))
# the starts of the funds header's words and of the block's caption (年初预 / 算数, 项目资金 / (万元))
FUNDS_HEADER_STARTS = _prefixes(tuple(dict.fromkeys([*(w for ws in FUNDS_HEADER_WORDS.values() for w in ws),
                                                      *INFO_LABELS])))


# Words a stray gap is taken out of where a scan or a re-typed copy put one inside (全年执\n行数, 满意度 指标, 绩效自评报
# 告): the labels, anchors, column headers and categories above, and the words a report's title ends with; three
# characters or more (a two-character word, 分值 or 得分, also stands across the gap between two cells).
GAP_WORDS: tuple[str, ...] = tuple(w for w in dict.fromkeys((
    *_VOCAB, *OTHER_COLUMN_WORDS, *(w for ws in (*FUNDS_HEADER_WORDS.values(), *INDICATOR_HEADER_WORDS.values())
                                    for w in ws),
    "项目支出绩效自评报告", "绩效自评报告", "项目支出绩效自评表", "绩效自评表", "绩效自评情况",
    # the other labels of a field row (OTHER_LABEL)
    "项目负责人及电话", "项目负责人及联系电话", "项目负责人", "联系电话", "填报人", "填表人", "审核人", "中央主管部门",
    # a transfer payment's name label (转移支付(项目 )名称: a space inside its bracket)
    "转移支付(项目)名称", "转移支付（项目）名称",
    # a page's links to the articles beside it (下一篇：某报告): the readers drop the line as the page's, whole
    "上一篇", "下一篇", "上一条", "下一条")) if len(w) >= 3)
# the short words a piece of a gap word may be on its own besides the gap words (年度|预期目标 is two header cells,
# 项目|实施单位 a name's end and a label, 社会|效益指标 two cells): a gap between two words is a cell boundary, not a slip
GAP_PIECES = frozenset((*WEIGHT_WORDS, *SCORE_WORDS, *_L1_FORMS, *_L2_FORMS))


# the remark column's header word as a stacked header must spell it whole (its regex searches, so the first row's
# remark under it would pass): the words and the forms a header wraps them into
REASON_HEADER_FORMS = frozenset((*REASON_HEADER_WORDS, "偏差原因分析", "偏差原因分析改进措施", "原因分析及改进措施",
                                 "未完成原因分析及改进措施", "备注"))
# a page's running title or a table's caption over the rows a page break continues (no row of the table)
PAGE_RUNNING_TITLE = re.compile(r"自评表|绩效自评|项目名称|单位:|\(\d{4}年度?\)")
