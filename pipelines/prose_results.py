"""Indicators whose target and actual a prose report states in different sections.

``（二）年度绩效目标 产出指标：垃圾收运覆盖行政村数量12个；…`` names each indicator with its target; later
``三、绩效目标实现情况 1.垃圾收运覆盖行政村数量：完成12个，得10分。`` repeats the name with what was done and the
marks. A result line (a name, a colon, what was done, ``得N分`` ending it) is an indicator where the text before it
names the same indicator with its target.
"""

from __future__ import annotations

import os
import re

from jixiao.pipelines.parsed import ParsedIndicator, Span
from jixiao.pipelines.vocab import PROSE_ENUMERATOR, PROSE_MONEY_NAME_END, PROSE_SCORE_CUE, PROSE_UNIT_BRACKET, PROSE_VALUE_START

# a figure and its unit or operator, as printed after an indicator's name with no cue between them
# (a date or a per-unit figure is several such runs: ≤2023年9月30日, 54元/亩)
# (a digit run is taken whole, possessively: pieces that could split a long run of digits were cubic in its length)
# (2600件(套): a measure word in brackets after the unit is part of it)
FIGURE = (r"[≥≤><=＞＜]?\s*(?:\d[\d,]*+(?:\.\d+)?[%‰\u4e00-\u9fff]{0,4}(?:" + PROSE_UNIT_BRACKET
          + r")?(?:/[\u4e00-\u9fff]{1,3})?){1,3}")
_FIGURE = re.compile(FIGURE)
# 1.名称：完成12个，得10分。 / 名称：经第三方检测达标率92.6%，得10分。 (the body may hold a clause: 完成3座，1座因…未完工)
_RESULT = re.compile(
    # (line breaks collapsed: a numbered item after a space opens a line too)
    r"(?:^|(?<=[\n。；;])|(?<=[ \t])(?=\d{1,2}[.、．)）]|[(（]\d{1,2}[)）]))[ \t]*+(?:(?:\d{1,2}[.、．)）]|[(（]\d{1,2}[)）])[ \t]*+)?"
    r"(?P<name>[\u4e00-\u9fff(（“][^,，;；。:：\n\d]{1,39}?)[:：][ \t]*+(?P<body>[^;；。:：\n]{1,60}?)[,，][ \t]*+"
    + PROSE_SCORE_CUE + r"[ \t]*+(?P<score>\d+(?:\.\d+)?)[ \t]*+分(?=[,，;；。\n]|$)", re.M)
# the words a target stands in after its name: a figure, or words up to the clause's end (村庄人居环境：明显改善)
_TARGET_AFTER = r"[:：]?[ \t]*+(?P<t>" + FIGURE + r"|[^\d,，;；。:：\n]{1,20}?)(?=[,，;；。\n]|$)"
# a result's target is stated at most this far before it (the report's 绩效目标 section; bounded: a text of many result
# lines is searched linearly)
TARGET_REACH = 3000
# the words before a result's figure (完成, 达到, 经抽样调查满意度为): no part of the actual
_CLAUSE_END = re.compile(r"[,，]")


def result_lines(text: str, s: int, e: int) -> list[ParsedIndicator]:
    """The result lines of [s, e) whose name the text before them states with a target."""
    out: list[ParsedIndicator] = []
    for m in _RESULT.finditer(text, s, e):
        name = m["name"].strip()
        target = re.compile(re.escape(name) + _TARGET_AFTER).search(text, max(s, m.start() - TARGET_REACH), m.start())
        if target is None:
            continue
        a = m.start("name") + m["name"].index(name)
        out.append(ParsedIndicator(
            name=Span(text=name, start=a, end=a + len(name)),
            target=[Span(text=target["t"], start=target.start("t"), end=target.end("t"))],
            actual=_actual(text, m.start("body"), m.end("body")),
            score=Span.of(m, "score"), method="sentence"))
    return out


def _actual(text: str, a: int, b: int) -> Span:
    """What the result says was done: its first clause's figure (完成12个 -> 12个), else the clause (明显改善)."""
    end = _CLAUSE_END.search(text, a, b)
    b = end.start() if end else b
    fig = _FIGURE.search(text, a, b)
    a, b = (fig.start(), fig.end()) if fig else (a, b)
    return Span(text=text[a:b].strip(), start=a, end=b)


# a target stated after its name with no cue word, a clause of its own (（一）数量指标：扶持重点村数量20个；): the name
# holds no figure, the clause ends at the figure
# (数量指标为A≥24所、B≥2400个；质量指标为C100%: the level's words before the first name, an enumeration comma before the
# next; 一是A3.5万亩以上；二是…: the enumerator before it)
_TARGET_CLAUSE = re.compile(
    r"(?:^|(?<=[\n。；;:：、]))[ \t]*+(?:(?:\d{1,2}[.、．)）]|[(（][\d一二三四五六七八九十]{1,3}[)）])[ \t]*+)?"
    r"(?:[\u4e00-\u9fff]{2,8}指标(?:为|是)|" + PROSE_ENUMERATOR + r")?"
    r"(?P<name>[\u4e00-\u9fff“][\u4e00-\u9fff“”()（）、/]{3,39}?)[ \t]*+(?P<t>" + FIGURE + r")(?=[,，;；。、\n]|$)", re.M)
# between a restated name and its actual: a few words (经第三方抽样调查，游客满意度92.4% has them before the name)
# (no Latin letters: 某局　　湘ICP备0901号 in a page footer restates no name)
_RESTATED_GAP = r"[^,，;；。\n\dA-Za-z]{0,8}?"
# a name stated as a sum of money is a funds clause (全年预算数2000万元), not an indicator
_MONEY_END = re.compile(PROSE_MONEY_NAME_END)
_MONEY_GAP = re.compile(r"资金|经费|预算|支出|投资")
# a list form: at least this many names stated with a target and restated with an actual
RESTATED_MIN = 2


def restated_results(text: str, s: int, e: int) -> list[ParsedIndicator]:
    """Indicators whose target a clause states after the name (名称20个；) and whose actual a later clause states
    after the same name (名称20个，全部完成 / 名称93%): a report's 绩效目标 part and its 完成情况 part. Only where at
    least ``RESTATED_MIN`` names are stated so (a list), each with a figure both times."""
    out: list[ParsedIndicator] = []
    for m in _TARGET_CLAUSE.finditer(text, s, e):
        name = m["name"].strip()
        if _MONEY_END.search(name):
            continue
        later = re.compile(re.escape(name) + _RESTATED_GAP + r"(?P<a>" + FIGURE + r")(?=[,，;；。\n]|$)").search(
            text, m.end(), min(e, m.end() + TARGET_REACH))
        # (子项目一：某工程（资金80万元…: the money it was given, no result of it)
        if later is None or _MONEY_GAP.search(text, later.start() + len(name), later.start("a")):
            continue
        a = m.start("name") + m["name"].index(name)
        out.append(ParsedIndicator(
            name=Span(text=name, start=a, end=a + len(name)),
            target=[Span.of(m, "t")], actual=Span.of(later, "a"), method="sentence"))
    return out if len(out) >= RESTATED_MIN else []


# a numbered item alone on its line (1.兑付创新券企业不少于150家；): a report's list of targets, then of results
_NUMBERED = re.compile(r"^[ \t\u3000]*+(?P<n>\d{1,2})[.、．)）][ \t]*+(?P<body>[^\n]{4,80})$", re.M)
# where a name ends inside the words a target and its result share: a bound, a comparison, a figure
_VALUE_START = re.compile(PROSE_VALUE_START)
# the shortest name two items must share to be one indicator's target and result
SHARED_NAME_MIN = 4
_ITEM_END = "；;。，, \t"


def numbered_results(text: str, s: int, e: int) -> list[ParsedIndicator]:
    """Indicators of two numbered lists of [s, e) of one length, one after the other: item N of the first states a
    target, item N of the second the result, and the words both open with name the indicator (1.兑付企业不少于150家；
    … 1.兑付企业168家，完成；)."""
    runs: list[list[re.Match[str]]] = []
    for m in _NUMBERED.finditer(text, s, e):
        if m["n"] == "1":
            runs.append([m])
        elif runs and int(m["n"]) == int(runs[-1][-1]["n"]) + 1:
            runs[-1].append(m)
    out: list[ParsedIndicator] = []
    for targets, results in zip(runs, runs[1:]):
        if len(targets) < 2 or len(targets) != len(results):
            continue
        read = [_shared(t, r) for t, r in zip(targets, results)]
        if all(read):
            out.extend(read)
    return out


def _shared(t: re.Match[str], r: re.Match[str]) -> ParsedIndicator | None:
    """The indicator a target item and its result item state, where they open with the same name."""
    a, b = t["body"], r["body"]
    k = len(os.path.commonprefix((a, b)))
    if (cut := _VALUE_START.search(a, 0, k)) is not None:
        k = cut.start()
    if k < SHARED_NAME_MIN:
        return None
    target = a[k:].rstrip(_ITEM_END)
    actual = b[k:]
    if (clause := _CLAUSE_END.search(actual)) is not None:
        actual = actual[:clause.start()]
    actual = actual.rstrip(_ITEM_END)
    if not target or not actual:
        return None
    ts, rs = t.start("body"), r.start("body")
    return ParsedIndicator(name=Span(text=a[:k], start=ts, end=ts + k),
                           target=[Span(text=target, start=ts + k, end=ts + k + len(target))],
                           actual=Span(text=actual, start=rs + k, end=rs + k + len(actual)), method="sentence")


# a numbered result line naming its indicator before a colon (7.办学条件改善长效机制：长期有效。 / 1.名称：完成26所。)
_RESULT_ITEM = re.compile(r"^[ \t\u3000]*+\d{1,2}[.、．)）][ \t]*+(?P<name>[\u4e00-\u9fff“][^,，;；。:：\n\d]{1,39}?)[:：][ \t]*+"
                          r"(?:完成|达到|实现)?(?P<a>[^,，;；。:：\n]{1,30}?)[ \t]*[。；;]?[ \t]*$", re.M)
# the target right after the name where the text states it earlier: a figure, or words up to the clause's end
_EARLIER_TARGET = r"(?P<t>" + FIGURE + r"|[^\d,，;；。:：、\n]{2,20}?)(?=[,，;；。、\n]|$)"


def listed_results(text: str, s: int, e: int) -> list[ParsedIndicator]:
    """Numbered result lines (N.名称：Y。) whose name the text before them states with its target (名称长期有效 in the
    绩效目标 paragraph), at least ``RESTATED_MIN`` of them: words as well as figures."""
    out: list[ParsedIndicator] = []
    for m in _RESULT_ITEM.finditer(text, s, e):
        name = m["name"].strip()
        if _MONEY_END.search(name):
            continue
        target = re.compile(re.escape(name) + _EARLIER_TARGET).search(text, max(s, m.start() - TARGET_REACH), m.start())
        if target is None:
            continue
        a = target.start()
        out.append(ParsedIndicator(name=Span(text=name, start=a, end=a + len(name)), target=[Span.of(target, "t")],
                                   actual=Span.of(m, "a"), method="sentence"))
    return out if len(out) >= RESTATED_MIN else []


# an item of a list of 一是…；二是…；三是… clauses (the enumerator's numeral, the item's words)
_ENUMERATED = re.compile(r"(?:^|(?<=[:：;；,，。]))[ \t]*+(?P<k>[一二三四五六七八九十])是(?P<body>[^;；。\n]{2,60})")
_NUMERALS = "一二三四五六七八九十"
# a list of results follows its list of targets within this many lists (bounded: a text of many lists is read linearly)
ENUMERATED_RUNS_AHEAD = 4


def enumerated_results(text: str, s: int, e: int) -> list[ParsedIndicator]:
    """Indicators of two 一是…；二是… lists of [s, e) of one length, the first stating targets and a later one the
    results in the same order (产出目标：一是推广良种面积3.5万亩以上；… / 产出完成情况：一是推广良种面积3.62万亩；…): item N of
    each names one indicator by the words both share, at their start or (a date first) at their end. Items printing
    the same words twice say nothing apart and are passed over."""
    runs: list[list[re.Match[str]]] = []
    for line in _LINE.finditer(text, s, e):
        for m in _ENUMERATED.finditer(text, line.start(), line.end()):
            if m["k"] == "一":
                runs.append([m])
            elif runs and runs[-1][-1].end() < m.start() and _NUMERALS.find(m["k"]) == _NUMERALS.find(runs[-1][-1]["k"]) + 1 \
                    and text.count("\n", runs[-1][-1].end(), m.start()) == 0:
                runs[-1].append(m)
    out: list[ParsedIndicator] = []
    used: set[int] = set()
    for i, targets in enumerate(runs):
        if i in used or len(targets) < 2:
            continue
        for j in range(i + 1, min(len(runs), i + 1 + ENUMERATED_RUNS_AHEAD)):
            results = runs[j]
            if j in used or len(results) != len(targets):
                continue
            read = [None if t["body"] == r["body"] else _shared_either(t, r) for t, r in zip(targets, results)]
            if sum(x is not None for x in read) >= 2 and all(x is not None or t["body"] == r["body"]
                                                                for x, t, r in zip(read, targets, results)):
                out.extend(x for x in read if x is not None)
                used.update((i, j))
                break
    return out


_LINE = re.compile(r"[^\n]+")


def _shared_either(t: re.Match[str], r: re.Match[str]) -> ParsedIndicator | None:
    """The indicator two items state by the words opening both (with no target where the first states none), else by
    the words ending both (2023年4月30日前完成春植良种推广 / 2023年4月25日完成春植良种推广)."""
    a, b = t["body"].rstrip(_ITEM_END), r["body"].rstrip(_ITEM_END)
    ts, rs = t.start("body"), r.start("body")
    if b.startswith(a) and len(a) >= SHARED_NAME_MIN and (actual := b[len(a):]) and not actual[0].isspace():
        return ParsedIndicator(name=Span(text=a, start=ts, end=ts + len(a)), target=[],
                               actual=Span(text=actual, start=rs + len(a), end=rs + len(b)), method="sentence")
    found = _shared(t, r)
    if found is not None:
        return found
    k = len(os.path.commonprefix((a[::-1], b[::-1])))
    if k < SHARED_NAME_MIN or k >= min(len(a), len(b)) or not _VALUE_START.match(a):
        return None
    return ParsedIndicator(name=Span(text=a[-k:], start=ts + len(a) - k, end=ts + len(a)),
                           target=[Span(text=a[:-k], start=ts, end=ts + len(a) - k)],
                           actual=Span(text=b[:-k], start=rs, end=rs + len(b) - k), method="sentence")
