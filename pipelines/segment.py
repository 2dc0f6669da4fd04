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
from jixiao.pipelines.vocab import SEGMENT_WORDS

# parser keywords that must stay single words whatever jieba's statistics say
KEYWORDS = list(SEGMENT_WORDS)


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

                    from jixiao.pipelines.jieba_freq import mapped_frequencies

                    jieba.setLogLevel(logging.WARNING)
                    tok = jieba.Tokenizer()
                    mapped = mapped_frequencies()
                    if mapped is not None:  # jieba's table from a mapped file: ms, not its ~0.7 s dict load
                        tok.FREQ, tok.total = mapped
                        tok.initialized = True
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
