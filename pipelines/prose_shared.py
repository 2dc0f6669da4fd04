"""Indicators named together in one clause that states one value for all of them.

``工程质量合格率、项目竣工验收合格率目标值均为100%，实际完成值均为100%``: each name its own indicator, each with the
target and the actual the clause states after 均 (all the same), as a list sentence's 各 / 均 gives each item its value
(``prose_lists``).
"""

from __future__ import annotations

import re

from jixiao.pipelines.parsed import ParsedIndicator, Span

# 均为 / 均达到 / 均 before a value said of every name
_ALL = re.compile(r"^均(?:为|是|达到)?")
# the names listed (A、B / A和B): two to four, each at least two characters
_NAMES = re.compile(r"^[^、和及与]{2,30}(?:(?:、|和|及|与)[^、和及与]{2,30}){1,3}$")
_JOIN = re.compile(r"、|和|及|与")


def split_shared(indicators: list[ParsedIndicator]) -> list[ParsedIndicator]:
    """Each indicator whose name lists several and whose target and actual open with 均, one per listed name."""
    out: list[ParsedIndicator] = []
    for ind in indicators:
        target = ind.target[0] if len(ind.target) == 1 else None
        shared = (target is not None and ind.actual is not None and _ALL.match(target.text) and _ALL.match(ind.actual.text)
                  and _NAMES.match(ind.name.text))
        if not shared:
            out.append(ind)
            continue
        t, a = _after_all(target), _after_all(ind.actual)
        start = ind.name.start
        for part in _JOIN.split(ind.name.text):
            name = Span(text=part, start=start, end=start + len(part))
            start = name.end + 1
            out.append(ind.model_copy(update={"name": name, "target": [t], "actual": a}))
    return out


def _after_all(span: Span) -> Span:
    """The value without the 均 word opening it."""
    m = _ALL.match(span.text)
    k = m.end() if m else 0
    return Span(text=span.text[k:], start=span.start + k, end=span.end)
