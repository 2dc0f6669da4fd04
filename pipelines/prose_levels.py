"""The category words of a prose report's indicators: what level a heading word names (产出数量 -> 产出指标/数量指标),
the levels printed before a name (产出—数量—名称), and a name's quotes (“名称”指标)."""

from __future__ import annotations

import re

from jixiao.pipelines.parsed import Span
from jixiao.pipelines.vocab import LEVEL1, LEVEL2_PARENT, PROSE_LEVEL_SEPARATOR, fallback_level1, fallback_level2


def levels_of(word: str) -> tuple[str | None, str | None]:
    """The level-1 and level-2 a category word names: a level word (数量指标, 满意度), or a level-1 and a level-2 stem run
    together as some templates print them (产出数量 -> 产出指标/数量指标, 效益社会 -> 效益指标/社会效益指标)."""
    l1, l2 = fallback_level1(word), fallback_level2(word)
    if not (l1 or l2) and word.endswith("目标") and len(word) > 3:  # (（一）产出目标：一是…: the targets of a level)
        l1, l2 = fallback_level1(word[:-2]), fallback_level2(word[:-2])
    if l1 or l2:
        return l1, l2
    for level1 in LEVEL1:
        stem = level1.removesuffix("指标")
        rest = word.removeprefix(stem)
        if rest == word or len(rest) < 2:
            continue
        for candidate in (rest + "指标", rest + stem + "指标"):  # (数量 -> 数量指标; 社会 -> 社会效益指标)
            if LEVEL2_PARENT.get(candidate) == level1:
                return level1, candidate
    return None, None


# a level printed without the word 指标 before the name (产出—数量—名称, 效益指标—社会效益—名称): a category word, then a
# separator of levels (not 、 nor ·: 数量、质量抽检合格率 lists two words of one name)
_BARE_LEVEL = re.compile(r"(?P<w>[\u4e00-\u9fff]{2,10}?)(?P<sep>" + PROSE_LEVEL_SEPARATOR + r")")
# at most this many levels lead a name (level-1 and level-2)
LEAD_LEVELS = 2


def peel_levels(name: Span, under_level1: bool) -> tuple[Span, list[Span]]:
    """The name without the category words leading it, and those words: a level-1 word, then a level-2 one after a
    level-1 (``under_level1``: the lead printed it); a level-2 word alone may open a name (质量/安全达标率)."""
    words: list[Span] = []
    for _ in range(LEAD_LEVELS):
        m = _BARE_LEVEL.match(name.text)
        if m is None or m.end() >= len(name.text) or m["sep"].strip() in ("、", "·"):
            break
        level1 = fallback_level1(m["w"]) is not None
        if not (level1 and not words or (under_level1 or words) and fallback_level2(m["w"])):
            break
        words.append(Span(text=m["w"], start=name.start, end=name.start + m.end("w")))
        under_level1 = under_level1 or level1
        name = Span(text=name.text[m.end():], start=name.start + m.end(), end=name.end)
    return name, words


# a name printed in quotes, the word 指标 after it or not (1.“车辆完好率”指标，年度指标值为…): the words inside
_QUOTED_NAME = re.compile(r"^[“\"「『‘'](?P<inner>[^“”\"「」『』‘’']{2,40})[”\"」』’'](?:指标)?$")


def unquoted(span: Span) -> Span:
    """The name without the quotes around it and the word 指标 after them."""
    m = _QUOTED_NAME.match(span.text)
    if m is None:
        return span
    return Span(text=m["inner"], start=span.start + m.start("inner"), end=span.start + m.end("inner"))


# a quoted name after its level word, the level-1 before that or not (数量指标“名称”, 产出指标中的数量指标“名称”)
_LEVEL_QUOTED = re.compile(r"^(?:[\u4e00-\u9fff]{2,6}指标中的)?(?P<level>[\u4e00-\u9fff]{2,10}?指标)"
                           r"(?=[“\"「『](?:[^“”\"「」『』]{2,40})[”\"」』](?:指标)?$)")


def quoted_after_level(span: Span) -> tuple[Span, Span | None]:
    """The quoted name without the level word printed before it, and that word (None where none is)."""
    m = _LEVEL_QUOTED.match(span.text)
    if m is None or not (fallback_level1(m["level"]) or fallback_level2(m["level"])):
        return span, None
    level = Span(text=m["level"], start=span.start + m.start("level"), end=span.start + m.end("level"))
    return Span(text=span.text[m.end():], start=span.start + m.end(), end=span.end), level
