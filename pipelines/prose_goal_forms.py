"""Indicators a report states with the goal's cue BEFORE the name, or the result before the goal, one clause each.

``年度目标为扶持建设农业产业强镇8个，实际扶持8个，完成率100%`` (the name inside the goal, between its cue and its
figure: a Guangdong provincial report's wording) and ``日常养护里程，完成492公里，年度目标≥480公里，得分10分（满分10分）``
(the result first, the goal after it, the marks last: an Anhui county report's), and ``长效管护机制已建立（目标值建立）``
(a state reached, the goal in brackets after it: a Zhejiang township's). A level word may lead either
(``1.产出数量。年度目标为…`` / ``1.产出数量：名称，完成…``); the clauses after it in the same sentence stand under it.
"""

from __future__ import annotations

import re

from jixiao.pipelines.parsed import ParsedIndicator, Span
from jixiao.pipelines.prose_levels import levels_of
from jixiao.pipelines.prose_lists import Listed
from jixiao.pipelines.prose_results import FIGURE
from jixiao.pipelines.vocab import (
    LEVEL1, PROSE_FULL_MARK_CUE, PROSE_FUNDS_ACTUAL, PROSE_SCORE_CUE, PROSE_TARGET_BOUND, PROSE_WEIGHT_CUE, fallback_level1,
    fallback_level2,
)

_ITEM = r"(?:(?:\d{1,2}[.、．)）](?!\d)|[(（](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）])[ \t]*+)?"
# a level word closing with a full stop or a colon before the clause (1.产出数量。 / 3.服务对象满意度：)
_LEAD = r"(?:(?P<lead>[\u4e00-\u9fff]{2,8})[。.:：][ \t]*+)?"
_BOUND = r"(?:" + PROSE_TARGET_BOUND + r"|不多于|大于|小于|高于|低于)?"
_MARKS = (r"(?:[,，]\s*(?:" + PROSE_SCORE_CUE + r")(?:为)?(?P<score>\d+(?:\.\d+)?)分?"
          r"(?:[(（](?:" + PROSE_FULL_MARK_CUE + "|" + PROSE_WEIGHT_CUE + r")(?P<weight>\d+(?:\.\d+)?)分?[)）])?)?")
# 年度目标为NAME FIGURE，实际[verb]FIGURE[，完成率R%]
_GOAL_FIRST = re.compile(
    r"(?:^|(?<=[\n。；;]))[ \t]*+" + _ITEM + _LEAD
    + r"(?:年度|全年)?目标值?(?:为|是)(?P<name>[\u4e00-\u9fff][\u4e00-\u9fff“”()（）]{1,30}?)"
    r"(?P<target>" + _BOUND + FIGURE + r")[,，]\s*实际(?!" + PROSE_FUNDS_ACTUAL + r")(?P<verb>[\u4e00-\u9fff]{0,4}?)"
    r"(?:为|达到)?(?P<actual>" + FIGURE + r")"
    r"(?:[,，]\s*完成率\d+(?:\.\d+)?%)?" + _MARKS + r"(?=[,，;；。\n]|$)", re.M)
# NAME，[实际]完成ACTUAL，年度目标TARGET[，得分S分（满分W分）]
_RESULT_FIRST = re.compile(
    r"(?:^|(?<=[\n。；;]))[ \t]*+" + _ITEM + _LEAD
    + r"(?P<name>[\u4e00-\u9fff“][^,，;；。:：\n]{1,30}?)[,，]\s*(?:实际)?完成(?!率|程度|比例|情况)(?:值)?(?:为)?"
    r"(?P<actual>[^,，;；。:：\n]{1,20}?)[,，]\s*(?:年度|全年)?目标值?(?:为|是|[:：])?(?P<target>[^,，;；。:：\n]{1,20}?)"
    + _MARKS + r"(?=[,，;；。\n]|$)", re.M)
# NAME已STATE（目标值GOAL）: a state reached in words, the goal in brackets after it (an item of a run of them)
_STATE_FIRST = re.compile(
    r"(?:^|(?<=[\n。；;，,:：]))[ \t]*+(?P<name>[\u4e00-\u9fff]{2,20}?)(?P<actual>已[\u4e00-\u9fff]{1,6}?)"
    r"[(（](?:年度|全年)?目标值?(?:为|是|[:：])?(?P<target>[^()（）\n,，;；。]{1,20})[)）](?=[,，;；。\n]|$)", re.M)
_MONEY = re.compile(r"预算|资金|经费|支出|拨付|到位")
_LEVEL1_STEMS = tuple(w.removesuffix("指标") for w in LEVEL1)


def goal_form_indicators(text: str, s: int, e: int) -> list[Listed]:
    """The goal-first and result-first clauses of [s, e), each with the level word leading its sentence."""
    out: list[Listed] = []
    for rx in (_GOAL_FIRST, _RESULT_FIRST, _STATE_FIRST):
        for m in rx.finditer(text, s, e):
            if _MONEY.search(m["name"]) or any(a < m.end() and m.start("name") < b for a, b in
                                                (x.sentence for x in out)):
                continue
            lead = _level_word(m) if "lead" in rx.groupindex else None
            if lead is None and m.groupdict().get("lead"):
                continue  # (a full stop after words that are no level: the clause before is another sentence's)
            if rx is _RESULT_FIRST and m["score"] is None and not re.search(r"\d", m["actual"] + m["target"]):
                continue  # (words only and no marks: a narrative's clauses, no indicator)
            out.append(Listed(indicator=ParsedIndicator(
                name=Span.of(m, "name"), target=[Span.of(m, "target")], actual=Span.of(m, "actual"),
                weight=Span.of(m, "weight") if m.groupdict().get("weight") else None,
                score=Span.of(m, "score") if m.groupdict().get("score") else None, method="sentence"),
                level=lead, sentence=(m.start("name"), m.end())))
    return sorted(out, key=lambda x: x.sentence)


def _level_word(m: re.Match[str]) -> Span | None:
    """The lead's level word as a span its own words name (产出数量 -> its 数量, which names 数量指标)."""
    if not m["lead"]:
        return None
    word = Span.of(m, "lead")
    if fallback_level1(word.text) or fallback_level2(word.text):
        return word
    l1, l2 = levels_of(word.text)
    if l2 is None:
        return None
    stem = next((st for st in _LEVEL1_STEMS if word.text.startswith(st)), "")
    rest = Span(text=word.text[len(stem):], start=word.start + len(stem), end=word.end)
    return rest if fallback_level2(rest.text) == l2 else None
