"""Indicators a prose report states in sentences, under the category heading before them.

The forms: one sentence an indicator (``名称，年初目标值X，实际完成值Y，自评得分Z分``); labeled fields
(``指标名称：…；年度目标值：…；实际完成值：…；分值：…；得分：…``); the target right after the name
(``储备物资总量≥2600吨,实际储备2487.65吨``); the actual before the target (``名称：实际达到96%，年度目标≥95%``);
and several run together without punctuation (``…发放指标为100%实际完成值为96%``).
"""

from __future__ import annotations

import bisect
import re

from jixiao.pipelines.parsed import ParsedIndicator, ParsedProject, Span
from jixiao.pipelines.prose_answers import answered_indicators
from jixiao.pipelines.prose_blocks import field_blocks
from jixiao.pipelines.prose_bounds import names_up_to_bounds
from jixiao.pipelines.prose_goal_forms import goal_form_indicators
from jixiao.pipelines.prose_levels import levels_of, peel_levels, quoted_after_level, unquoted
from jixiao.pipelines.prose_marks import fill_deducted_weights
from jixiao.pipelines.prose_pledges import pledged_indicators
from jixiao.pipelines.prose_shared import split_shared
from jixiao.pipelines.prose_tails import bracket_level, bracket_level_before, bracket_weight, echo_off, event_tail_off, note_off, ratio_off, share_with_verb, trim_bracket, verb_tail_off
from jixiao.pipelines.prose_lists import bracketed_indicators, listed_indicators, paired_indicators
from jixiao.pipelines.prose_results import FIGURE, enumerated_results, listed_results, numbered_results, restated_results, result_lines
from jixiao.pipelines.vocab import (
    LEVEL1, LEVEL2_PARENT, MEASURE_UNITS, PROSE_ACTUAL_CUE, PROSE_BARE_ACTUAL_CUE, PROSE_ENUMERATOR, PROSE_FIELD_NAME_CUE, PROSE_RUN_ACTUAL_CUE,
    PROSE_ADJUSTED_TARGET_CUE, PROSE_BULLET, PROSE_DASH_BULLET, PROSE_INTERIM_CLAUSE, PROSE_NAME_COLUMN_SAID, PROSE_COMPLETION_CUE, PROSE_DATE_LEAD, PROSE_TARGET_MET, PROSE_FULL_MARK_CUE, PROSE_FUNDS_ACTUAL, PROSE_LEVEL_SEPARATOR, PROSE_RUN_TARGET_CUE, PROSE_SCORE_CUE, PROSE_SURVEY_ACTUAL_CUE, PROSE_TARGET_BOUND, PROSE_TARGET_COMPARED, PROSE_TARGET_CUE, PROSE_WEIGHT_CUE,
    ON_TIME_MARKS, fallback_level1, fallback_level2,
)


# one indicator per sentence: [N.]名称，年初目标值X，实际完成值Y[，自评得分Z分]
# (1. / (1) / ①, which NFKC makes a bare digit before the name: not one counting something, 3岁 / 1号)
_CIRCLED = r"[1-9](?=[\u4e00-\u9fff])(?![岁个年月日次人万千百号级类项条名户座栋期批])"
_ITEM = (r"(?:(?:\d{1,2}[.、．)）]|[(（](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]|" + _CIRCLED + "|" + PROSE_BULLET + "|"
         + PROSE_DASH_BULLET + r")[ \t]*+)?")
# a category word leading the sentence: 数量指标： / 产出指标方面，
# (数量指标——培训人次：…, 产出指标-数量指标-培训人数：… the level-1 and level-2 before the name)
# (the levels joined as other bureaus print them: 产出指标—数量指标—, 产出指标 — — 数量指标, 产出指标>数量指标>,
# 产出指标、数量指标、, 产出指标/数量指标/: PROSE_LEVEL_SEPARATOR)
# (the level-2 after a level-1 may drop the word 指标: 效益指标—经济效益：名称…; only the framework's level-2 words, so that a
# name before a comma is never read as one)
_BARE_LEVEL2 = "|".join(sorted((w.removesuffix("指标") for w in LEVEL2_PARENT), key=len, reverse=True))
# (在产出方面，… / 满意度方面，…: a level-1 word without 指标 before 方面 leads as well)
_BARE_LEVEL1 = "|".join(sorted((w.removesuffix("指标") for w in LEVEL1), key=len, reverse=True))
# (数量指标中，名称年度指标值为X…: 中 like 方面)
_LEAD_END = r"(?:方面|中|看)?(?:[:：,，]|" + PROSE_LEVEL_SEPARATOR + r")"
# (社会效益方面，名称目标X…: a level-2 word without 指标 before 方面 leads too)
# (【数量指标】名称：目标X…: the level-2 in square brackets, no separator after it)
# (一级指标为产出指标，二级指标为数量指标，三级指标为名称，年度指标值为…: a form's fields as a CMS writes them out, each level
# after its column's label)
_LEVEL_LABEL = r"(?:[一二]级指标(?:为|[:：]))?"
# (从产出看，… / 从满意度看，…: a narrative's lead, the level word between 从 and 看)
_LEAD = (r"(?P<lead>【(?:[\u4e00-\u9fff]{2,8}指标|" + _BARE_LEVEL2 + r")】[ \t]*+|"
         + _LEVEL_LABEL + r"(?:在(?=[\u4e00-\u9fff]{2,6}方面)|从(?=[\u4e00-\u9fff]{2,6}看))?(?:[\u4e00-\u9fff]{2,8}指标|(?:"
         + _BARE_LEVEL2 + "|" + _BARE_LEVEL1 + r")(?=方面|看))" + _LEAD_END
         + r"(?:" + _LEVEL_LABEL + r"(?:[\u4e00-\u9fff]{2,8}指标|" + _BARE_LEVEL2 + r")" + _LEAD_END + r")?)?")
_LEAD_WORD = re.compile(_LEVEL_LABEL + r"(?P<w>[\u4e00-\u9fff]{2,8}?指标|" + _BARE_LEVEL2 + "|" + _BARE_LEVEL1 + ")")
_THOUSANDS = r"(?<=\d),(?=\d{3}(?!\d))"
_IND_SENTENCE = re.compile(
    # a sentence opens a line, follows a full stop or a colon (完成情况：名称年度目标X，…), or (line breaks
    # collapsed) is a numbered item after a space
    # (or follows the actual of the sentence before after a comma: 名称目标值100%，实际完成值100%，名称2目标值…)
    r"(?:^|(?<=[\n;；。:：])|(?<=[\d%‰][,，])(?=[\u4e00-\u9fff])(?!实际|完成)|(?<=[ \t])(?=\d{1,2}[.、．)）]|[(（]\d{1,2}[)）]))"
    r"[ \t]*+" + _ITEM + _LEAD + r"(?:" + PROSE_ENUMERATOR + r")?"
    r"(?:" + PROSE_NAME_COLUMN_SAID + r")?(?P<name>[^\s,，;；。:：][^,，;；。:：\n]{1,39}?)"
    # (a full stop may end the name's own sentence: （1）检定器具数量。年度目标值：…; 名称的年度目标为…)
    r"的?[,，:：。]?\s*+"
    # (a target holds no colon but a time's, 8:30: 目标完成情况：名称年度目标X is a heading over the sentence)
    # (or no cue, where the target opens with its bound: 名称：控制在1500元/人次以内，实际…)
    + r"(?:" + PROSE_TARGET_CUE + r"(?:为|是|[:：])?|(?:计划|预期)?(?=" + PROSE_TARGET_BOUND + r")"
    # (or a change on the year before, set off from the name: 名称，较上年下降，实际下降3.2%; 名称同比下降目标≥10% is the cued form)
    + r"|(?<=[,，:：])(?=" + PROSE_TARGET_COMPARED + r")"
    # (or run into the name where the change is words only up to the clause's end: 名称较上年增长，实际增长1.6%)
    + r"|(?=(?:" + PROSE_TARGET_COMPARED + r")[\u4e00-\u9fff]{1,4}[,，]\s*实际))"
    # (目标值 6、完成值 6: an enumeration comma between the two as well)
    # (≥2,000人: a comma between digits three from the end separates thousands, it ends no clause; 5,260台(pcs): a
    # bracket the actual opens it closes, as one piece)
    + r"\s*(?P<target>(?:[^,，;；。:：\n]|(?<=\d):(?=\d)|" + _THOUSANDS + r"){1,30}?)[,，;；、]\s*"
    # (年初目标值600台，调整后目标值650台，实际完成…: the adjusted target is the indicator's, records.md)
    r"(?:" + PROSE_ADJUSTED_TARGET_CUE + r"(?:为|是|[:：])?\s*(?P<adjusted>[^,，;；。:：\n]{1,30}?)[,，;；]\s*)?"
    + r"(?:" + PROSE_INTERIM_CLAUSE + r"){0,4}"  # (1-6月监测值83.2%，…: part of the year's readings, no value)
    + r"(?:(?:" + PROSE_ACTUAL_CUE + "|" + PROSE_BARE_ACTUAL_CUE + "|" + PROSE_SURVEY_ACTUAL_CUE
    + r")(?:为|是|[:：])?\s*+(?P<actual>(?:[^,，;；。\n()（）]|[(（][^()（）\n,，;；。]{1,8}[)）]|[()（）]|" + _THOUSANDS + r"){1,30}?)"
    # (a completion rate may stand between the actual and the marks: …，指标完成率100%，得分20分（满分20分）)
    r"(?:[,，;；]\s*" + PROSE_COMPLETION_CUE + r"(?:为|[:：])?\s*\d+(?:\.\d+)?%?)?"
    # (the marks in brackets after the actual: 实际完成1436公里（权重10，得分10）; after its full stop: …。（分值10，得分10）)
    r"(?:[。.]?\s*[(（](?:" + PROSE_WEIGHT_CUE + r"(?:为|[:：])?\s*(?P<bweight>\d+(?:\.\d+)?)\s*分?[,，;；]\s*)?"
    + PROSE_SCORE_CUE + r"(?:为|[:：])?\s*(?P<bscore>\d+(?:\.\d+)?)\s*分?[)）])?"
    # (or stand for the actual, which is then not printed: 名称，年度目标12公里，目标完成率105%，分值10分，得分10分)
    r"|(?:目标|年度目标)?" + PROSE_COMPLETION_CUE + r"(?:为|[:：])?\s*\d+(?:\.\d+)?%"
    # (…，达到目标值的105%（实际94.5%）: the actual in brackets after the ratio)
    r"(?:\s*[(（]实际(?:完成值?|达到)?(?:为|是|[:：])?\s*(?P<cactual>[^()（）\n,，;；。]{1,30})[)）])?)"
    r"(?:[,，;；]\s*" + PROSE_WEIGHT_CUE + r"(?:为|[:：])?\s*(?P<weight>\d+(?:\.\d+)?)\s*分?)?"
    # (a clause or two on the result before the score: …，实际完成860盏，完成率95.56%，按完成比例扣0.5分，得9.5分)
    r"(?:(?:[,，;；]\s*[^,，;；。\n]{1,24}?){0,3}?[,，;；]\s*" + PROSE_SCORE_CUE
    + r"(?:为|[:：])?\s*(?P<score>\d+(?:\.\d+)?)\s*分?"
    # (the values in brackets after the name end with its bracket: 名称（年度指标值X，…，得分15分）。)
    r"(?:\s*[(（](?:" + PROSE_FULL_MARK_CUE + "|" + PROSE_WEIGHT_CUE + r")(?P<full>\d+(?:\.\d+)?)分?[)）])?)?"
    # (a full stop printed as an ASCII period before a blank or the line's end: …(得分10分).)
    r"\s*+[)）]?(?=(?!" + _THOUSANDS + r")[,，;；。\n]|\.(?:\s|$)|$)", re.M)
_CUE_END = r"(?:为|是|[:：])?\s*"
_SEP = r"\s*[;；,，|]\s*"  # (指标：名称｜目标：X｜完成：Y: a bar between a line's labeled fields)
_IND_FIELDS = re.compile(
    PROSE_FIELD_NAME_CUE + r"[:：]\s*(?P<name>[^;；。\n]{2,40}?)" + _SEP
    + PROSE_TARGET_CUE + _CUE_END + r"(?P<target>[^;；。\n]{1,30}?)" + _SEP
    + PROSE_ACTUAL_CUE + _CUE_END + r"(?P<actual>[^;；。\n]{1,30}?)"
    r"(?:" + _SEP + PROSE_WEIGHT_CUE + _CUE_END + r"(?P<weight>\d+(?:\.\d+)?)\s*分?)?"
    r"(?:" + _SEP + PROSE_SCORE_CUE + _CUE_END + r"(?P<score>\d+(?:\.\d+)?)\s*分?)?\s*(?=[;；。\n]|$)")
# one indicator a line, its fields joined by long dashes (1.名称——年度目标X——完成Y——分值W——得分S)
_DASH = r"[ \t]*(?:—{1,2}|-{2})[ \t]*"
_IND_DASHED = re.compile(
    # (line breaks collapsed: a numbered item after a space opens a line, and the next one's number ends it)
    r"(?:^|(?<=[\n。；;])|(?<=[ \t])(?=\d{1,2}[.、．)）]))[ \t]*+" + _ITEM
    + r"(?P<name>[^\s—\-,，;；。:：][^—\n,，;；。:：]{1,39}?)" + _DASH
    + PROSE_TARGET_CUE + _CUE_END + r"(?P<target>[^—\n]{1,30}?)" + _DASH
    + PROSE_ACTUAL_CUE + _CUE_END + r"(?P<actual>[^—\n]{1,30}?)"
    r"(?:" + _DASH + PROSE_WEIGHT_CUE + _CUE_END + r"(?P<weight>\d+(?:\.\d+)?)[ \t]*分?)?"
    r"(?:" + _DASH + PROSE_SCORE_CUE + _CUE_END + r"(?P<score>\d+(?:\.\d+)?)[ \t]*分?)?"
    r"(?=[ \t]*(?:[;；。\n]|$)|[ \t]+(?:\d{1,2}[.、．)）]|[(（][一二三四五六七八九十\d]{1,3}[)）]))", re.M)
_FIGURE = FIGURE  # (a figure and its unit or operator: prose_results.FIGURE)
_IND_VALUE_FIRST = re.compile(
    r"(?:^|(?<=[\n。；;:：]))[ \t]*+" + _ITEM + _LEAD + r"(?:" + PROSE_ENUMERATOR + r")?"
    # (a name never ends in a target cue: 长度计划5公里 is the cued form's)
    # (名称目标为100%，经县级初验实际为100%: a target cue between the name and the figure)
    r"(?P<name>[\u4e00-\u9fff(（\d][^,，;；。:：\n≥≤<>=＞＜]{1,39}?)(?<!计划)(?<!目标)(?<!目标值)(?<!指标值)"
    # (名称达到99%以上 / 名称计划于2023年10月底前完成: the verb of the plan between the name and its figure)
    r"(?:(?:年度|全年)?目标值?(?:为|是)|(?:计划|预期)?(?:达到|于))?(?P<target>" + _FIGURE + r")"
    # the actual: 实际完成 / 实际调运 / 经抽样调查实际为 … then the figure
    # (or 完成 alone: 名称≥1.2万亩，完成1.26万亩, a transfer payment's inline form)
    # (or a survey's result: 满意度≥90%，问卷调查满意度为94.6%)
    r"[,，]\s*(?:[^,，;；。\n]{0,8}?实际(?P<verb>[\u4e00-\u9fff]{0,5}?)|(?P<done>(?:已|全年|累计)?完成(?!率|程度|比例))"
    # (or the date it happened: 开工时间2023年9月底前，于2023年9月12日开工)
    r"|" + PROSE_SURVEY_ACTUAL_CUE + r"|(?P<on>于)(?=\d{1,4}[年月]))"
    # (or, after 实际, the words of a deadline kept: 完成时限2022年12月底前，实际按期完成)
    + _CUE_END + r"(?P<actual>" + _FIGURE + r"|(?<=实际)(?:" + "|".join(ON_TIME_MARKS) + r"))"
    r"(?:[,，]\s*" + PROSE_WEIGHT_CUE + _CUE_END + r"(?P<weight>\d+(?:\.\d+)?)\s*分?)?"
    r"(?:[,，]\s*" + PROSE_SCORE_CUE + _CUE_END + r"(?P<score>\d+(?:\.\d+)?)\s*分?)?(?=[,，;；。\n]|$)", re.M)
_IND_REVERSED = re.compile(
    r"(?:^|(?<=[\n。；;]))[ \t]*+" + _ITEM + r"(?P<name>[^\s,，;；。:：][^,，;；。:：\n]{1,39}?)[:：]\s*"
    # (the verb after 实际 is no part of a figure: 实际建成6个, 实际完成时间为2022年11月)
    r"实际(?:[\u4e00-\u9fff]{1,5}(?=[≥≤><=＞＜]?\d)|完成值?|达到|为)" + _CUE_END + r"(?P<actual>[^,，;；。\n]{1,30}?)[,，]\s*"
    + PROSE_TARGET_CUE + _CUE_END + r"(?P<target>[^,，;；。\n]{1,30}?)"
    # (the marks after the target: 得分8分（分值10分）)
    r"(?:[,，]\s*" + PROSE_SCORE_CUE + _CUE_END + r"(?P<score>\d+(?:\.\d+)?)\s*分?"
    r"(?:\s*[(（](?:" + PROSE_WEIGHT_CUE + "|" + PROSE_FULL_MARK_CUE + r")" + _CUE_END
    + r"(?P<full>\d+(?:\.\d+)?)分?[)）])?)?\s*(?=[,，;；。\n]|$)", re.M)
# words of bound before a target's figure (年度目标为不低于70%)
_BOUND = r"(?:不低于|不高于|不少于|不多于|不超过|大于|小于|高于|低于)"  # (bounded targets without a cue: PROSE_TARGET_BOUND)
# the actual right after the name, the target after it (完成背街小巷改造37条，年度目标35条；工程验收合格率100%，年度目标100%):
# a name without figures, the actual a figure, then a target cue and a figure
_IND_ACTUAL_FIRST = re.compile(
    r"(?:^|(?<=[\n。；;:：]))[ \t]*+" + _ITEM + _LEAD
    # (名称达到186.2万人 / 名称为每人每年640元: the verb before the actual, a few words before its figure kept)
    # (名称实际为2023年11月底，较计划的…: 实际 before the verb)
    # (名称实际完成45.6公里 / 名称实际于…完成 / 名称实际约21万人次: no verb in the name, an approximation in the actual)
    + r"(?P<name>[\u4e00-\u9fff(（“][^,，;；。:：\n≥≤<>=＞＜\d]{1,39}?)(?:实际(?:完成|于)?)?(?:(?:达到|为)(?P<pre>[\u4e00-\u9fff]{0,6}?))?"
    r"(?P<actual>(?:(?<=实际)(?:约|近))?" + _FIGURE + r")"
    # (…，超过年度目标（180万人） / 与年度目标（640元）一致 / 年度目标为不低于70%: a comparison, the target in brackets
    # or after words of bound)
    # (…，为年度目标2,400户的103%: the ratio after the target; …，高于90%的预期目标: the target before its cue)
    r"[,，]\s*(?:(?:超过|高于|低于|优于|达到|与|为)?" + PROSE_TARGET_CUE + _CUE_END
    + r"[(（]?(?P<target>" + _BOUND + r"?" + _FIGURE + r")[)）]?(?:一致|持平)?(?:的\d+(?:\.\d+)?%)?"
    # (…，较计划的2023年12月底前提前一个月: the target after 较计划, the gap after it)
    r"|(?:超过|高于|低于|优于|达到|(?P<than>较(?:年度|全年)?(?:计划|目标|预期)的?))(?P<target_before>" + _FIGURE + r")"
    r"(?(than)(?:提前|推迟|延后|延迟)[^,，;；。\n]{0,8}|的(?:年度|全年|预期|计划)?目标值?))"
    r"(?:[,，]\s*" + PROSE_WEIGHT_CUE + _CUE_END + r"(?P<weight>\d+(?:\.\d+)?)\s*分?)?"
    r"(?:[,，]\s*" + PROSE_SCORE_CUE + _CUE_END + r"(?P<score>\d+(?:\.\d+)?)\s*分?)?(?=[,，;；。\n]|$)", re.M)
# the actual after the name, the target in brackets after it, the score as a fraction of the weight
# (（1）新建标准化牛舍面积达到3200平方米（目标值≥3000平方米），得分10/10。)
_IND_BRACKET_TARGET = re.compile(
    r"(?:^|(?<=[\n。；;:：,，]))[ \t]*+" + _ITEM + _LEAD
    + r"(?P<name>[\u4e00-\u9fff(（“][^,，;；。:：\n≥≤<>=＞＜\d]{1,39}?)(?:达到|为)?(?P<actual>" + _FIGURE + r")"
    r"\s*[(（]" + PROSE_TARGET_CUE + _CUE_END + r"(?P<target>[^()（）\n,，;；。]{1,30})[)）]"
    r"(?:[,，]\s*" + PROSE_SCORE_CUE + _CUE_END + r"(?P<score>\d+(?:\.\d+)?)"
    r"(?:\s*/\s*(?P<weight>\d+(?:\.\d+)?))?\s*分?)?(?=[,，;；。\n]|$)", re.M)
# what opens such a sentence before the name: the project and the verb of the actual (项目全年完成…, 累计实现…)
_PLAN_LEAD = re.compile(r"^(?:全年|年度|本年)?(?:计划|预期)(?:完成)?")  # (预期完成名称120万画幅: 完成 the plan's verb)
_ACTUAL_FIRST_VERB = re.compile(r"^(?:本|该)?(?:项目)?(?:全年|年度|本年|当年)?(?:共|累计)?(?:实际)?(?:完成|实现|达到)")
_MONEY_NAME = re.compile(r"预算|资金|经费|支出|拨付|到位")
_VALUE = r"[≥≤><=＞＜]?\d+(?:\.\d+)?(?:" + "|".join(sorted(MEASURE_UNITS, key=len, reverse=True)) + r")?"
_IND_RUN = re.compile(r"(?P<name>[\u4e00-\u9fff0-9、()（）]{4,40}?)" + PROSE_RUN_TARGET_CUE + r"(?P<target>" + _VALUE + r")"
                      + PROSE_RUN_ACTUAL_CUE + r"(?P<actual>" + _VALUE + r")")
# a heading naming the indicators' category: 3.时效指标。 / (二)效益指标
# (numbered 1. / 1、 / 1) / (一), or ① which NFKC makes a bare 1)
_HEADING_BODY = (r"(?:(?:\d{1,2}(?:\.\d{1,2})?[.、．)）]?|[(（][一二三四五六七八九十\d]{1,3}[)）]|" + PROSE_BULLET + ")"
                 # (服务对象满意度：… / （1）经济效益：… head their indicators without the word 指标: words before a colon,
                 # kept where they are a category's)
                 # (（一）产出目标完成情况: a level's 目标 heading the section of its results)
                 # (一级指标：产出指标 / 二级指标：数量指标。名称…: the level's label before its word; a 二级指标 line of its
                 # own is a field of a labeled block, heading none but its block)
                 r"[ \t]*+)?(?:一级指标(?:为|[:：])|二级指标(?:为|[:：])(?=[\u4e00-\u9fff]{2,10}指标[。.]))?(?P<cat>[\u4e00-\u9fff]{2,10}?指标|[\u4e00-\u9fff]{2,8}?(?=(?:方面)?[:：])"
                 # (（三）产出（满分40分，得36.5分）: a level's heading with its marks in brackets)
                 # (（一）产出情况 / （三）满意度情况: the section of a level's results, a line of its own)
                 r"|[\u4e00-\u9fff]{2,3}(?=目标(?:完成|实现)情况|(?:完成|实现)?情况[ \t]*$|[(（](?:" + PROSE_FULL_MARK_CUE + "|" + PROSE_WEIGHT_CUE
                 + r"))"
                 # (1.产出数量 / 2.社会效益: a line of its own, the level's words without 指标)
                 r"|[\u4e00-\u9fff]{2,8}(?=[ \t]*$))"
                 # (（五）效益指标—经济效益：… the level-2 joined to its level-1 heading)
                 r"(?:" + PROSE_LEVEL_SEPARATOR + r"(?P<cat2>[\u4e00-\u9fff]{2,10}?指标|" + _BARE_LEVEL2 + r")(?=[:：]))?")
_CATEGORY_HEADING = re.compile(r"(?:^|(?<=[\n。；;]))[ \t]*+" + _HEADING_BODY, re.M)
# a text without line breaks (collapsed): a line start is a run of spaces too (（一）产出指标 数量指标 1.指标名称：…)
# (after a space nothing more is skipped: spaces consumed at each space of a long run were quadratic)
_RUN_CATEGORY_HEADING = re.compile(r"(?:(?:^|(?<=[。；;]))[ \t]*+|(?<= ))" + _HEADING_BODY)
# (or, line breaks collapsed, a heading and a run of spaces before the name: 1.数量指标 维修养护工程数量)
# (or, line breaks collapsed, a heading and a run of spaces before the name and its number: 1.数量指标 维修养护工程数量,
# （1）数量指标 ①运维监测站点数量)
# (line breaks collapsed, the headings before the first item run into its name: （二）质量指标基本医保参保率,
# Ⅲ.绩效指标完成情况◆产出指标■新建公共停车泊位, 产出指标【数量指标】新建…, 效益指标④农村…: the headings up to the last
# bullet, a section ordinal, the category word in brackets or not, then a bullet or an item number)
_CATEGORY_LEAD = re.compile(
    r"^(?:[^\n]{0,20}?" + PROSE_BULLET + r"[ \t]*+)?(?:(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)[ \t]*+)?"
    r"(?P<open>【)?(?P<cat>[\u4e00-\u9fff]{2,8}?指标)(?(open)】)(?:完成情况)?"
    r"(?:[ \t]*+(?:" + _CIRCLED + "|" + PROSE_BULLET + r"|[①-⑳]))?[ \t]*+(?=[\u4e00-\u9fff【])")
_PLAIN_HEADING = re.compile(r"^[ \t]*+(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)[ \t]*+"
                            r"(?P<w>[\u4e00-\u9fff]{2,12}?指标)(?:[(（][^()（）\n]{0,12}[)）])?[ \t]*$", re.M)
# an indicator's category comes from a heading at most this far before it (the same paragraph or the one above)
CATEGORY_REACH = 300


_TARGET_CUE = re.compile(PROSE_TARGET_CUE)
_ACTUAL_CUE = re.compile(PROSE_ACTUAL_CUE)
_PARAGRAPH = re.compile(r"[^\n]+")


_ACTUAL_WORD = re.compile("实际|完成(?!率|程度|比例)|" + PROSE_SURVEY_ACTUAL_CUE + r"|[,，]于\d{1,4}[年月]")
_FIGURE_END = re.compile(r"[\u4e00-\u9fff]\d+(?:\.\d+)?(?:%|[\u4e00-\u9fff]{1,2})?$")
_COMPLETION = re.compile(PROSE_COMPLETION_CUE)
_TARGET_BOUND = re.compile(PROSE_TARGET_BOUND + "|" + PROSE_TARGET_COMPARED)
# a field's cue read as an indicator's name (年度指标值 where a label block's line breaks were lost): no name
_CUE_NAME = re.compile(r"(?:" + PROSE_TARGET_CUE + "|" + PROSE_ACTUAL_CUE + "|计划|预期)")
_TARGET_MET = re.compile(PROSE_TARGET_MET)
_FUNDS_ACTUAL = re.compile(PROSE_FUNDS_ACTUAL)
_DATE_LEAD = re.compile(PROSE_DATE_LEAD)


def _sentence_matches(text: str, s: int, e: int):
    """The cued forms on the lines of [s, e) that hold a target cue and an actual cue, then the value-first form
    on the lines that say 实际 (the patterns' bounded but nested runs are costly: a hostile text of many lines
    would retry them at every line)."""
    for line in _PARAGRAPH.finditer(text, s, e):
        a, b = line.span()
        if (_TARGET_CUE.search(text, a, b) or _TARGET_BOUND.search(text, a, b)) and (
                _ACTUAL_CUE.search(text, a, b) or _ACTUAL_WORD.search(text, a, b) or _COMPLETION.search(text, a, b)):
            for rx in (_IND_FIELDS, _IND_SENTENCE, _IND_REVERSED, _IND_DASHED):
                # (…，年度目标为不低于70%，完成目标: 完成目标 says the target was met, it is no actual)
                # (完成老旧小区改造个数24个，年度目标24个，完成率100%: the figure before the target is the actual, the
                # actual-first form's, not a name's)
                yield from (m for m in rx.finditer(text, a, min(b + 1, e)) if not _TARGET_MET.fullmatch(m["actual"] or "")
                            and not (m.re is _IND_SENTENCE and m["actual"] is None and not m["cactual"]
                                     and _FIGURE_END.search(m["name"])) and not _label_list(m)
                            and not (m.re is _IND_SENTENCE and _category_name(m["name"]))
                            # (3.产出时效。年度目标为…: a level word closing its own sentence heads the one after)
                            and not (text[m.end("name"):m.end("name") + 1] == "。" and any(levels_of(m["name"]))
                                     and not (fallback_level1(m["name"]) or fallback_level2(m["name"]))))
        if _TARGET_CUE.search(text, a, b):
            yield from _IND_BRACKET_TARGET.finditer(text, a, min(b + 1, e))
            yield from (m for m in _IND_ACTUAL_FIRST.finditer(text, a, min(b + 1, e))
                        if not _MONEY_NAME.search(m["name"]) and not _DATE_LEAD.match(m["name"]))
        if _ACTUAL_WORD.search(text, a, b):
            yield from (m for m in _IND_VALUE_FIRST.finditer(text, a, min(b + 1, e))
                        if not _FUNDS_ACTUAL.search(m["verb"] or "") and not _DATE_LEAD.match(m["name"])
                        and not (m["done"] and _MONEY_NAME.search(m["name"])))


def _category_name(name: str) -> bool:
    """Whether a sentence's name is only a category word (数量指标：预期完成名称X，实际…: a lead, 预期 no cue after a name)."""
    return name.endswith("指标") and bool(fallback_level1(name) or fallback_level2(name))


def _label_list(m: re.Match[str]) -> bool:
    """Whether a match cut a list of field labels (依次为指标名称、年度目标值、实际完成值、分值、得分): a name or a value
    opening or ending at an enumeration comma."""
    return any(v is not None and "、" in (v[:1], v[-1:]) for v in (m["name"], m["target"], m["actual"]))


def indicator_sentences(text: str, s: int, e: int) -> list[ParsedIndicator]:
    """Indicators stated one a sentence (名称，年初目标值X，实际完成值Y，自评得分Z分) or run together
    (名称指标为X实际完成值为Y…), under the category heading before them when one is near."""
    out = []
    taken: list[tuple[int, int]] = []
    leads: dict[int, Span] = {}  # the category word leading a sentence, by its indicator's name start
    heads_on: list[Span] = []  # (those of sentences: each heads the sentences after it too)
    _first_forms(text, s, e, out, taken, leads, heads_on)
    for answered, stretch in answered_indicators(text, s, e):  # (first: an answer line reads as a sentence's name)
        out.append(answered)
        taken.append(stretch)
    for m in _sentence_matches(text, s, e):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue  # an earlier form read this stretch
        words = [Span.of(w, "w") for w in _LEAD_WORD.finditer(text, m.start("lead"), m.end("lead"))] \
            if m.groupdict().get("lead") else []
        # (数量指标“名称”：… / 产出指标中的数量指标“名称”…: the level word before the quoted name)
        name, quoted_level = quoted_after_level(trim_bracket(_verbless(m, _last_item(Span.of(m, "name")))))
        name, peeled = peel_levels(unquoted(name), any(fallback_level1(w.text) for w in words))
        name, weight = bracket_weight(name)
        name, level = bracket_level(name)
        if level is None:
            name, level = bracket_level_before(name)  # (（数量）名称：目标值…)
        actual_group = "cactual" if m.groupdict().get("cactual") else "actual"
        actual = note_off(verb_tail_off(trim_bracket(Span.of(m, actual_group)))) if m[actual_group] is not None else None
        actual = share_with_verb(actual, text) if actual is not None else None  # (完成年度目标的103%)
        actual = echo_off(actual, name) if actual is not None else None
        if actual is not None and (m.groupdict().get("on") or text[actual.start - 1:actual.start] == "于"):
            # (于2023年9月12日开工, 实际于2023年6月20日下达: the date is the actual)
            actual = event_tail_off(actual)
        if m.groupdict().get("pre"):  # (每人每年 before 640元: part of what was done)
            actual = Span(text=m["pre"] + m["actual"], start=m.start("pre"), end=m.end("actual"))
        # (名称（目标值≥40处），实际完成43处: the bracket closing round the target is no part of it)
        target, initial = trim_bracket(Span.of(m, "target" if m["target"] is not None else "target_before")), None
        target = ratio_off(target) if m.re is _IND_ACTUAL_FIRST else target  # (为年度目标2,400户的103%)
        if m.groupdict().get("adjusted"):
            target, initial = Span.of(m, "adjusted"), target
        out.append(ParsedIndicator(
            name=name, target=[target], initial_target=initial, actual=actual,
            weight=_weight(m) or weight,
            score=(score := next((Span.of(m, g) for g in ("score", "bscore") if m.groupdict().get(g)), None)),
            method="sentence",
        ))
        if score is not None and out[-1].weight is None and text[:score.start].rstrip().endswith("满分"):
            out[-1].weight = score  # (得满分15分: the mark is the indicator's full one, its 分值)
        # the most specific category word of the lead (产出指标-数量指标- -> 数量指标; 效益指标—社会效益— -> 社会效益)
        word = level or quoted_level or next((w for w in reversed(words + peeled) if fallback_level1(w.text) or fallback_level2(w.text)),
                             None)
        if word is not None:
            leads[name.start] = word
            heads_on.append(word)
        taken.append((m.start(), m.end()))
    _other_forms(text, s, e, out, taken, leads)
    headings = _headings(text, s, e, out, heads_on)
    starts = [h[0] for h in headings]
    for ind in out:
        k = bisect.bisect_right(starts, ind.name.start) - 1  # the last heading at or before the name
        lead = _CATEGORY_LEAD.match(ind.name.text)
        if (word := leads.get(ind.name.start)) is not None:
            _set_category(ind, text, word.start, word.end, fallback_level1(word.text), fallback_level2(word.text))
        elif lead and (fallback_level1(lead["cat"]) or fallback_level2(lead["cat"])):
            # the category opens the sentence (成本指标按自治区核定标准核发): a heading run into the name
            a, b = ind.name.start, ind.name.start + lead.end()
            _set_category(ind, text, a, b, fallback_level1(lead["cat"]), fallback_level2(lead["cat"]))
            ind.name = Span(text=ind.name.text[lead.end():], start=b, end=ind.name.end)
            # (and its level-2 after a space: 产出指标 数量指标 名称：…, a table row pasted into the text)
            second = _CATEGORY_LEAD.match(ind.name.text) if ind.level2 is None else None
            if second and fallback_level2(second["cat"]):
                a, b = ind.name.start, ind.name.start + second.end()
                _set_category(ind, text, a, a + len(second["cat"]), None, fallback_level2(second["cat"]))
                ind.name = Span(text=ind.name.text[second.end():], start=b, end=ind.name.end)
        elif k >= 0 and ind.name.start - headings[k][1] <= CATEGORY_REACH:
            _set_category(ind, text, *headings[k])
    out.sort(key=lambda i: i.name.start)
    fill_deducted_weights(text, out)
    # (a field's cue read as a name, 年度指标值 12000人次 where a label block's line breaks were lost, names nothing)
    names_up_to_bounds(text, out)  # (受灾群众24小时内…救助率≥95%: the name's own figures before the target's sign)
    return [i for i in split_shared(out) if len(i.name.text) >= 2 and not _CUE_NAME.fullmatch(i.name.text)]


def _first_forms(text: str, s: int, e: int, out: list[ParsedIndicator], taken: list[tuple[int, int]],
                 leads: dict[int, Span], heads_on: list[Span]) -> None:
    """The forms read before the sentences: lists first (their quoted names would run into a sentence's name), pledges
    next (a pledge word would end one), then the goal-first and result-first clauses where neither read the stretch."""
    firsts = [*listed_indicators(text, s, e), *pledged_indicators(text, s, e)]
    for k, listed in enumerate([*firsts, *goal_form_indicators(text, s, e)]):
        if k >= len(firsts) and any(a < listed.sentence[1] and listed.sentence[0] < b for a, b in taken):
            continue  # (a list or a pledge read this stretch: items of one list share their sentence)
        out.append(listed.indicator)
        if listed.level is not None:
            leads[listed.indicator.name.start] = listed.level
            heads_on.append(listed.level)
        taken.append(listed.sentence)


def _headings(text: str, s: int, e: int, out: list[ParsedIndicator],
              heads_on: list[Span]) -> list[tuple[int, int, str | None, str | None]]:
    """The category headings of [s, e) in order, each (start, end, level1, level2): heading lines, a category word
    leading a sentence, and numbered 指标 headings naming no category (they end the category above)."""
    headings = [(h.start(g), h.end(g), *levels_of(h[g]))
                for h in (_CATEGORY_HEADING if "\n" in text else _RUN_CATEGORY_HEADING).finditer(text, s, e)
                for g in ["cat2" if h["cat2"] and fallback_level2(h["cat2"]) else "cat"]]
    # (an indicator's own name, 服务对象满意度：目标值…, heads nothing)
    names = {(i.name.start, i.name.end) for i in out}
    headings = [h for h in headings if (h[2] or h[3]) and (h[0], h[1]) not in names]
    # (（二）未达目标的指标（2项）: a numbered heading line of 指标 naming no category ends the one above it)
    headings += [(m.start("w"), m.end("w"), None, None) for m in _PLAIN_HEADING.finditer(text, s, e)
                 if not any(levels_of(m["w"]))]
    # a category word leading one sentence (数量指标中，名称…；名称…) heads the sentences after it too
    return sorted(headings + [(w.start, w.end, *levels_of(w.text)) for w in heads_on], key=lambda h: h[:2])


def _other_forms(text: str, s: int, e: int, out: list[ParsedIndicator], taken: list[tuple[int, int]],
                 leads: dict[int, Span]) -> None:
    """The forms read after the sentences, each where no earlier form read the stretch: run-together values, labeled
    field blocks, results restated after their targets (by name, by item number), names with (target/actual)."""
    for m in _IND_RUN.finditer(text, s, e):
        if not any(a < m.end() and m.start() < b for a, b in taken):
            out.append(ParsedIndicator(name=Span.of(m, "name"), target=[Span.of(m, "target")], actual=Span.of(m, "actual"),
                                       method="sentence"))
            taken.append((m.start(), m.end()))
    for block in field_blocks(text, s, e):
        ind = block.indicator()
        if ind is None or any(a < ind.name.end and ind.name.start < b for a, b in taken):
            continue
        out.append(ind)
        level = block.fields.get("level2") or block.fields.get("level1")
        if level is not None and (fallback_level1(level.text) or fallback_level2(level.text)):
            leads[ind.name.start] = level
        taken.append((ind.name.start, ind.name.end))
    for ind in [*result_lines(text, s, e), *restated_results(text, s, e), *paired_indicators(text, s, e),
                *bracketed_indicators(text, s, e),
                *numbered_results(text, s, e), *listed_results(text, s, e),
                *enumerated_results(text, s, e)]:
        # (a name restated with its result is read once, whichever form read it)
        # (伊源县：改造薄弱学校10所 under the region's 改造薄弱学校数量: a shorter mention inside a name read is no other)
        if not any(a < ind.name.end and ind.name.start < b for a, b in taken) and not any(
                ind.name.text in i.name.text for i in out):
            out.append(ind)
            taken.append((ind.name.start, ind.name.end))


def _verbless(m: re.Match[str], name: Span) -> Span:
    """The name of an actual-first sentence without the verb opening it (项目全年完成背街小巷改造 -> 背街小巷改造), of a
    value-first one without the plan's word (全年计划新建高标准农田2.5万亩 -> 新建高标准农田)."""
    verb = _ACTUAL_FIRST_VERB.match(name.text) if m.re in (_IND_ACTUAL_FIRST, _IND_BRACKET_TARGET) else (
        _PLAN_LEAD.match(name.text) if m.re is _IND_VALUE_FIRST else None)
    if verb is None or len(name.text) - verb.end() < 2:
        return name
    return Span(text=name.text[verb.end():], start=name.start + verb.end(), end=name.end)


def _weight(m: re.Match[str]) -> Span | None:
    """The 分值 a sentence prints, or the full mark after its score (得分20分（满分20分）)."""
    for group in ("weight", "full", "bweight"):
        if m.groupdict().get(group):
            return Span.of(m, group)
    return None


# a numbered item or a section heading after a space: where line breaks collapsed, the sentence opens there
# (or opening the name, where a heading's ordinal opened the match: （一）产出指标：1.救助人次≥… -> 救助人次)
# (line breaks collapsed: 1.产出指标 1.1数量指标 ①名称… -> 名称; ① is a bare 1 after NFKC, an item only after a blank)
_ITEM_AFTER_SPACE = re.compile(r"(?:^|\s+)(?:\d{1,2}[.、．)）](?!\d)|[(（][一二三四五六七八九十\d]{1,3}[)）])\s*"
                               r"|\s+(?:\d{1,2}\.\d{1,2}|" + _CIRCLED + r")(?=[\u4e00-\u9fff])")


def _last_item(name: Span) -> Span:
    """The name from its last numbered item on (二、绩效目标完成情况 （一）产出指标 1.数量指标X -> 数量指标X)."""
    last = next(reversed(list(_ITEM_AFTER_SPACE.finditer(name.text))), None)
    if last is None or last.end() >= len(name.text):
        return name
    return Span(text=name.text[last.end():], start=name.start + last.end(), end=name.end)


def _set_category(ind: ParsedIndicator, text: str, a: int, b: int, l1: str | None, l2: str | None) -> None:
    """The indicator's levels from the category word at [a, b) (成本指标 is a level-2 under 产出指标 here)."""
    ind.level2, ind.level2_span = l2, Span(text=text[a:b], start=a, end=b) if l2 else None
    ind.level1 = LEVEL2_PARENT.get(l2) if l2 else l1


def fill_lone_indicators(text: str, tables: list[ParsedProject]) -> None:
    """A document of one table project printing no indicator row: the indicators its prose states outside the
    table (a report's small summary table of name and funds, its indicators in sentences below)."""
    if len(tables) != 1:
        return
    table = tables[0]
    if table.indicators:
        _fill_cut_table(text, table)
        return
    if table.source == "flat":
        # read from collapsed text: no line end bounds the table, its span runs on over the sentences after it
        table.indicators = indicator_sentences(text, 0, len(text))
        return
    found = indicator_sentences(text, 0, table.start) + indicator_sentences(text, table.end, len(text))
    table.indicators = found


def _fill_cut_table(text: str, table: ParsedProject) -> None:
    """A table cut short after the report stating its indicators in sentences (a page's attached 自评表, its first rows
    only): the sentences' indicators the table lacks, where every row the table prints is one of the sentences'."""
    found = indicator_sentences(text, 0, table.start) + indicator_sentences(text, table.end, len(text))
    printed = {i.name.text for i in table.indicators}
    if len(found) <= len(printed) or not printed <= {i.name.text for i in found}:
        return
    table.indicators += [i for i in found if i.name.text not in printed]

