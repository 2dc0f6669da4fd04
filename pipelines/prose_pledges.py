"""Indicators a small unit states as a pledge and its result in one clause, no cue word for either value.

``名称确保不少于12km，已完成12.6km``, ``名称力争达到800人，截至12月底已完成5.2km``, ``名称6家，已运营6家``,
``名称较上年提高15个百分点，实际提高13.5个百分点``: the target after the pledge (确保 / 力争 / 争取) or opening
with its bound or figure, the actual after 已 / 累计 / 共计 / 实际 and their verb, the marks in brackets after it.
"""

from __future__ import annotations

import re

from jixiao.pipelines.parsed import ParsedIndicator, Span
from jixiao.pipelines.prose_lists import Listed
from jixiao.pipelines.prose_tails import echo_off, verb_tail_off
from jixiao.pipelines.vocab import PROSE_DATE_LEAD, PROSE_PLEDGE, PROSE_UNIT_BRACKET, PROSE_SCORE_CUE, PROSE_WEIGHT_CUE, PROSE_RESULT_LEAD, PROSE_TARGET_BOUND, fallback_level1, fallback_level2

# (…，产出指标共4项，其中：名称…: after a comma only where a level word leads)
# (possessive: a run of level words is never re-split when the name fails, which would be exponential)
# what opens the clause before the name: 其中：, 即, a level word with its count or 方面 (效益指标共3项，其中：),
# an item's number (1、)
# (年度指标值每月10日前: 年度指标 opens a target's cue, it is no level word leading the name 值每月)
_PREFIX = (r"(?:(?:其中[:：]|即|(?P<lead>(?!(?:年度|全年|年初|计划)指标)[\u4e00-\u9fff]{2,8}?指标)(?:方面|共?\d{1,2}项)?[,，:：]?"
           r"|\d{1,2}[、.．](?!\d)|[(（]\d{1,2}[)）])[ \t]*){0,4}+")
_COMPARED = r"(?:较上年|较去年|同比)"
_PLEDGED = re.compile(
    r"(?:^|(?<=[\n。；;:：])|(?<=[,，])(?=[\u4e00-\u9fff]{2,8}?指标(?:方面|共?\d{1,2}项)))[ \t]*" + _PREFIX
    + r"(?!" + PROSE_DATE_LEAD + r"|(?:年度|全年|年初)?(?:目标|指标值|预期|计划))(?P<name>[\u4e00-\u9fff][^,，;；。:：\n\d≥≤<>=＞＜]{1,30}?)"
    # (名称计划5公里 / 名称目标值100% / 名称为… / 名称计划于2023年10月底前: a cued target is the cued forms' to read)
    + r"(?<!计划)(?<!预期)(?<!目标)(?<!值)(?<!为)(?<!是)(?<!达到)(?<!任务)(?<!完成)(?<!在)(?<!于)(?<![A-Za-z])"
    # (a target holds no colon and no cue: 名称（满分10分）：年度目标值X is the cued forms')
    + r"(?:" + PROSE_PLEDGE + r"(?P<target>[^,，;；。:：\n]{1,24}?)"
    + r"|(?P<bare>(?:" + _COMPARED + r"[\u4e00-\u9fff]{0,2})?(?:" + PROSE_TARGET_BOUND + r"|[≥≤])?\d(?![^,，;；。\n]*?(?:目标|指标值|计划))[^,，;；。:：\n]{0,20}?))"
    + r"[,，]\s*" + PROSE_RESULT_LEAD
    + r"(?P<actual>[≥≤]?\d[^,，;；。\n(（]{0,20}?(?:" + PROSE_UNIT_BRACKET + r")?)"  # (2712件(套))
    + r"(?:\s*[(（](?:" + PROSE_WEIGHT_CUE + r")(?P<weight>\d+(?:\.\d+)?)分?[,，]\s*(?:" + PROSE_SCORE_CUE + r")(?P<score>\d+(?:\.\d+)?)分?[)）]"
    # (or after a comma: …，实际完成14个，[分值10分，]得10分)
    + r"|[,，]\s*(?:(?:" + PROSE_WEIGHT_CUE + r")(?:为|[:：])?\s*(?P<weight2>\d+(?:\.\d+)?)分?[,，]\s*)?(?:" + PROSE_SCORE_CUE + r")(?P<score2>\d+(?:\.\d+)?)分?)?"
    + r"(?=[,，;；。\n(（]|$)", re.M)
# a comparison verb after 实际 is part of the actual (实际提高2.3个百分点), as in the target
_COMPARISON_VERB = re.compile(r"^(?:提高|增长|增加|下降|降低|减少|缩短|提升|上升)$")
# a name opening with the verb of what was done (完成楼本体节能改造面积): the measured thing is the rest
_DONE_LEAD = re.compile(r"^(?:全年|年度)?完成(?=[\u4e00-\u9fff]{3})")
_MONEY = re.compile(r"预算|资金|经费|支出|拨付|到位")


def pledged_indicators(text: str, s: int, e: int) -> list[Listed]:
    """The pledge-and-result clauses of [s, e)."""
    out: list[Listed] = []
    for m in _PLEDGED.finditer(text, s, e):
        if _MONEY.search(m["name"]):
            continue  # (年初预算1,150万元，…: a funds clause)
        name = Span.of(m, "name")
        done = _DONE_LEAD.match(name.text)
        if done is not None:
            name = Span(text=name.text[done.end():], start=name.start + done.end(), end=name.end)
        target = Span.of(m, "target" if m["target"] is not None else "bare")
        actual = verb_tail_off(Span.of(m, "actual"))
        if _COMPARISON_VERB.match(m["verb"] or ""):
            actual = echo_off(Span(text=m["verb"] + actual.text, start=m.start("verb"), end=actual.end), name)
        lead = Span.of(m, "lead") if m["lead"] and (fallback_level1(m["lead"]) or fallback_level2(m["lead"])) else None
        out.append(Listed(
            indicator=ParsedIndicator(name=name, target=[target], actual=actual,
                                      weight=_mark(m, "weight"), score=_mark(m, "score"), method="sentence"),
            level=lead, sentence=(m.start("name"), m.end())))
    return out


def _mark(m: re.Match[str], field: str) -> Span | None:
    """The 分值 or 得分 the clause prints, in brackets or after a comma."""
    return next((Span.of(m, g) for g in (field, field + "2") if m[g]), None)
