"""Segment stage: jieba word segmentation with the domain dictionary (taxonomy names + parser keywords).

The table parser reads cells and does not need words; the collapsed-text
fallback does, to split tokens where a label runs into its value
(``项目名称老字号``). jieba is imported and its dictionary built on first use.
"""

from __future__ import annotations

import io
import logging
import threading

from jixiao.pipelines.parsed import Span
from jixiao.pipelines.taxonomy import jieba_dictionary

# parser keywords that must stay single words whatever jieba's statistics say
KEYWORDS = (
    "项目名称 主管部门 实施单位 预算单位 年初预算数 全年预算数 全年执行数 执行率 资金总额 年度资金总额 项目预算金额 "
    "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 总分 绩效自评总得分 产出指标 效益指标 满意度指标 成本指标 "
    "数量指标 质量指标 时效指标 经济效益指标 社会效益指标 生态效益指标 可持续影响指标 服务对象满意度指标 社会公众满意度指标"
).split()


class Segmenter:
    """A private jieba tokenizer (not jieba's global one) loaded with the domain dictionary."""

    def __init__(self, extra_words: list[str] | None = None):
        self._extra = extra_words
        self._tok = None
        self._lock = threading.Lock()

    def _tokenizer(self):
        if self._tok is None:
            with self._lock:
                if self._tok is None:
                    import jieba

                    jieba.setLogLevel(logging.WARNING)
                    tok = jieba.Tokenizer()
                    lines = [f"{w} 100000 nz" for w in KEYWORDS]
                    lines += jieba_dictionary()
                    lines += [f"{w} 100000 nz" for w in (self._extra or []) if w and " " not in w]
                    tok.load_userdict(io.StringIO("\n".join(lines)))
                    self._tok = tok
        return self._tok

    def words(self, text: str, offset: int = 0) -> list[Span]:
        """Words of ``text`` with offsets (shifted by ``offset``); whitespace is not a word."""
        out = []
        for word, start, end in self._tokenizer().tokenize(text):
            if word.strip():
                out.append(Span(text=word, start=offset + start, end=offset + end))
        return out
