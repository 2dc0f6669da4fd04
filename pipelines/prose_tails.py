"""What follows a value in a sentence without being part of it: a footnote mark (实际87.5%（注1）), the ratio of the
actual to a target stated after it (为年度目标2,400户的103%)."""

from __future__ import annotations

import re

from jixiao.pipelines.parsed import Span
from jixiao.pipelines.vocab import PROSE_FOOTNOTE

_FOOTNOTE = re.compile(PROSE_FOOTNOTE)
# (the 的 after a figure or its unit: 2,400户的103%; not a target in words ending 的…%)
_RATIO_TAIL = re.compile(r"(?<=[\d%\u4e00-\u9fff])的\d+(?:\.\d+)?%$")


def _cut(span: Span, m: re.Match[str] | None) -> Span:
    if m is None or m.start() == 0:
        return span
    return Span(text=span.text[:m.start()], start=span.start, end=span.start + m.start())


def note_off(span: Span) -> Span:
    """A value without the footnote mark after it."""
    return _cut(span, _FOOTNOTE.search(span.text))


def ratio_off(span: Span) -> Span:
    """A target without the actual's ratio to it printed after it."""
    return _cut(span, _RATIO_TAIL.search(span.text))
