"""What follows a name or a value in a sentence without being part of it: a footnote mark (实际87.5%（注1）), the ratio of
the actual to a target stated after it (为年度目标2,400户的103%), a completion verb after an actual, a bracket wrapping the
values, a bracketed 分值 or category word after a name."""

from __future__ import annotations

import re

from jixiao.pipelines.parsed import Span
from jixiao.pipelines.vocab import PROSE_FOOTNOTE, PROSE_WEIGHT_CUE, fallback_level1, fallback_level2

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


# the item's 分值 in brackets after its name (（1）监测设备在线率（分值8分）：年度目标…): the weight, no part of the name
_NAME_WEIGHT = re.compile(r"[(（](?:" + PROSE_WEIGHT_CUE + r")" + r"(?:为|[:：])?\s*(?P<w>\d+(?:\.\d+)?)\s*分?[)）]$")


def bracket_weight(name: Span) -> tuple[Span, Span | None]:
    """The name without a bracketed 分值 ending it, and that 分值."""
    m = _NAME_WEIGHT.search(name.text)
    if m is None or m.start() < 2:
        return name, None
    weight = Span(text=m["w"], start=name.start + m.start("w"), end=name.start + m.end("w"))
    return Span(text=name.text[:m.start()].rstrip(), start=name.start, end=name.start + len(name.text[:m.start()].rstrip())), weight


# a level word in brackets ending a name (堤防巡查里程（数量指标）): the indicator's category, no part of its name
_NAME_LEVEL = re.compile(r"[(（](?P<w>[\u4e00-\u9fff]{2,10}指标)[)）]$")


def bracket_level(name: Span) -> tuple[Span, Span | None]:
    """The name without a bracketed category word ending it, and that word (where it is one)."""
    m = _NAME_LEVEL.search(name.text)
    if m is None or m.start() < 2 or not (fallback_level1(m["w"]) or fallback_level2(m["w"])):
        return name, None
    word = Span(text=m["w"], start=name.start + m.start("w"), end=name.start + m.end("w"))
    kept = name.text[:m.start()].rstrip()
    return Span(text=kept, start=name.start, end=name.start + len(kept)), word


# a completion verb after the figure or date of an actual (实际2023年11月中旬完成, 实际于8月25日全部安装完毕): no part of it
_VERB_TAIL = re.compile(r"(?<=[\d日月旬底%])(?:全部|已)?(?:完成|完工|建成|竣工|安装完毕|完毕)$")


def verb_tail_off(span: Span) -> Span:
    tail = _VERB_TAIL.search(span.text)
    return span if tail is None else Span(text=span.text[:tail.start()], start=span.start, end=span.start + tail.start())


# the event after the date an actual says it happened on (于2023年9月12日开工): the date is the value (an actual printed
# without 于, 实际2023年5月全部开工, keeps its words)
_EVENT_TAIL = re.compile(r"(?<=[\d日月旬底])(?:全部|已|正式)?(?:开工|启动|开通|投用|投入使用|下达|下拨|拨付)$")


def event_tail_off(span: Span) -> Span:
    tail = _EVENT_TAIL.search(span.text)
    return span if tail is None else Span(text=span.text[:tail.start()], start=span.start, end=span.start + tail.start())


def trim_bracket(span: Span) -> Span:
    """A name or value without the bracket that wraps the values (名称（目标值≥10个，实际完成12个）): an opening one
    ending a name, a closing one ending a value that opens none."""
    t = span.text
    if t.endswith(("(", "（")):
        t = t[:-1].rstrip()
    elif t.endswith((")", "）")) and t.count("(") + t.count("（") < t.count(")") + t.count("）"):
        t = t[:-1].rstrip()
    return span if t == span.text else Span(text=t, start=span.start, end=span.start + len(t))


# a level word in brackets opening a name, 指标 left out or not (1.（数量）接入部门数量：目标值…): the indicator's category
_LEAD_LEVEL = re.compile(r"^[(（](?P<w>[\u4e00-\u9fff]{2,10})[)）][ \t]*")


def bracket_level_before(name: Span) -> tuple[Span, Span | None]:
    """The name without a bracketed category word opening it, and that word (where it is one)."""
    m = _LEAD_LEVEL.match(name.text)
    if m is None or len(name.text) - m.end() < 2 or not (fallback_level1(m["w"]) or fallback_level2(m["w"])):
        return name, None
    word = Span(text=m["w"], start=name.start + m.start("w"), end=name.start + m.end("w"))
    return Span(text=name.text[m.end():], start=name.start + m.end(), end=name.end), word


# an actual stated as the share of the target done (完成年度目标的103%): the verb before it is part of the value
_SHARE_OF_TARGET = re.compile(r"^(?:年度|全年)?目标(?:值|任务)?的\d")
_SHARE_VERB = "完成"


def share_with_verb(span: Span, text: str) -> Span:
    """The actual with the 完成 before it where it states the share of the target done, not a figure."""
    a = span.start - len(_SHARE_VERB)
    if not _SHARE_OF_TARGET.match(span.text) or a < 0 or text[a:span.start] != _SHARE_VERB:
        return span
    return Span(text=_SHARE_VERB + span.text, start=a, end=span.end)


# a change verb opening an actual (实际提高58公斤): part of the value, unless the name already ends with it
# (项目区亩均粮食产能提高≥50公斤，实际提高58公斤: the target reads 50公斤 without the verb, so does the actual)
_CHANGE_VERB = re.compile(r"^(?:提高|增长|增加|下降|降低|减少|上升|缩短|提升)(?=[≥≤><=]?\d)")


def echo_off(actual: Span, name: Span) -> Span:
    """An actual without the change verb that repeats the end of its indicator's name."""
    m = _CHANGE_VERB.match(actual.text)
    if m is None or not name.text.endswith(m.group()):
        return actual
    return Span(text=actual.text[m.end():], start=actual.start + m.end(), end=actual.end)
