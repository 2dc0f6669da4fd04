"""Words a wrapped cell is rebuilt from: a PDF text layer breaks a narrow cell inside its row (产出指 / 标,
偏差原因分 / 析及改进措 / 施), so a piece is read as the start, the middle or the end of one of these words.
Derived from the lists of ``tables``: no word is listed twice."""

from __future__ import annotations

from jixiao.pipelines.vocab.tables import (
    _L1_FORMS, _L2_FORMS, FUNDS_HEADER_WORDS, INDICATOR_HEADER_WORDS, INFO_LABELS, LEVEL2_PARENT, REASON_HEADER_WORDS,
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
LEVEL_PIECES = _pieces((*LEVEL1_FORMS, *LEVEL2_FORMS))
MARGIN_STARTS = _prefixes((MARGIN_CAPTION,))
# the starts of the indicator header's words, the caption included (一级指 / 标, 年度指标 / 值)
INDICATOR_HEADER_STARTS = _prefixes(tuple(dict.fromkeys(
    [*(w for ws in INDICATOR_HEADER_WORDS.values() for w in ws), *REASON_HEADER_WORDS, MARGIN_CAPTION])))
# the starts of the funds header's words and of the block's caption (年初预 / 算数, 项目资金 / (万元))
FUNDS_HEADER_STARTS = _prefixes(tuple(dict.fromkeys([*(w for ws in FUNDS_HEADER_WORDS.values() for w in ws),
                                                      *INFO_LABELS])))
