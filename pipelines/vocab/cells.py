"""What a table cell prints that is no field's value: placeholders, blank marks, remarks, scoring rules, a
sentence's leftovers (the cell readers and the indicator table key on them)."""

from __future__ import annotations

import re

from jixiao.pipelines.vocab.stage_lists import KNOWN_WORDS

# what a 偏差原因 (deviation reason) cell says when nothing deviated: left behind a row's scores in collapsed text
REMARK = re.compile(r"^(/|／|—+|-+|无|无偏差|未发生偏差|无明显偏差|按计划(完成|执行|实施|推进)|已(按时|按期|全部)?完成)$")
# a 评分标准 / 得分计算方法 cell (完成得满分, 未达标按比例扣分, 酌情扣分): a rule for the score, never an indicator's name
SCORING_RULE = re.compile(r"得满分|不得分|扣\S{0,6}分|酌情(扣|给|得)分|按(完成)?比例(扣|得|计)分")
# how a cell cut from a sentence of prose starts: a separator (—, :, ，, 、, ;) or an ordinal ((1), 1、, 1.) left over
# from the sentence's 产出指标—数量指标—名称：… or （1）… ; no indicator name a table prints starts so
MISREAD_NAME_START = re.compile(r"^(?:[—–\-:;,、·]|[(（]\d{1,2}[)）]|\d{1,2}(?:、|\.(?!\d)))")
# a value cell that prints nothing (-, —, /, ……): blank, not a value
BLANK_VALUE = re.compile(r"^(?:…+|\.+|—+|-+|/+|\\+)$")
# a template's numbered slot left without its indicator (指标2:): an empty name cell, never a value
NUMBERED_SLOT = re.compile(r"^指标\d+:?$")
PLACEHOLDER = re.compile(r"^(指标\d*[:]?|…+|\.+|—+|-+|/|无)$|^[^\u4e00-\u9fffA-Za-z]*$")
# the template's goal row over the indicator rows (年度总体目标 | 预期目标 | 实际完成情况): its cells are sentences
GOAL_ROW_LABEL = re.compile(r"^(项目)?(年度)?(总体|绩效)目标$")
# the glyphs a target may open with and an amount never does (≥85% after a name: an indicator row, no funds row)
TARGET_GLYPHS = frozenset("≥≤≧≦＞＜><")


# the labels of a funds block's breakdown rows under its total (其中：当年财政拨款 / 上年结转资金 / 其他资金): a
# preview's jump may cut one short and glue an indicator row's tail to it (其中：当年财≥98%)
FUNDS_PART_LABELS: tuple[str, ...] = ("当年财政拨款", "本年财政拨款", "财政拨款", "上年结转资金", "其他资金", "中央补助资金",
                                      "地方资金", "自筹资金")
_OF_WHICH = re.compile(r"^其中[:：]?")
# a cut breakdown label keeps at least this many characters of its word: one character (当, 上) opens names too
MIN_CUT_PART = 2


def cut_known_word(clean: str) -> bool:
    """``clean`` is the head of a label or header word that a preview's jump cut short (年度资金总, 年度总体目,
    其中：当年财): no name."""
    part = _OF_WHICH.sub("", clean)
    return (any(w.startswith(clean) and w != clean for w in KNOWN_WORDS)
            or any(GOAL_ROW_LABEL.match(clean + tail) for tail in ("标", "目标"))
            or (len(part) >= MIN_CUT_PART and any(w.startswith(part) and w != part for w in FUNDS_PART_LABELS)))


# a 折算得分 column (the score scaled by the weight: records.md, several score columns): the row's score where the
# table prints no 得分 / 单项得分 beside it (指标分值 | 折算得分)
SCALED_SCORE_HEADER = re.compile(r"^折算(得分|分值)$")
# one value column printing the target and the actual together (年度指标值及完成情况): read as the target column, its
# cells cut at their labels (TARGET_ACTUAL_CELL)
TARGET_ACTUAL_HEADER = re.compile(r"^(年度)?(指标值|目标值?)(及|和|与|/)(实际)?完成(值|情况)$")
# such a cell: 目标≥18处，实际完成18处 / 目标建立，实际已建立 (the actual without its verb 完成 / 达到, as prose reads it)
TARGET_ACTUAL_CELL = re.compile(r"^\s*(?:年度)?目标值?[:：]?\s*(?P<t>\S.*?)\s*[,，;；]\s*实际(?:完成值?|达到)?[:：]?\s*"
                                r"(?P<a>\S.*?)\s*[。.]?\s*$", re.S)

# the field labels of a form's head rows, as an OCR engine may print them glued to their values with no space
# between (项目名称2023年…, 主管部门XX局实施单位XX中心: glued_row_cells), longest first where one opens another
GLUED_FIELD_LABELS: tuple[str, ...] = ("转移支付(项目)名称", "项目(政策)名称", "项目名称", "地方主管部门", "中央主管部门", "主管部门",
                                       "资金使用单位", "项目实施单位", "实施单位", "项目单位", "预算单位")

# a header run reads its slipped column words (执行牢, 得份) against the columns printed so far among this many last
# cells at most (a header prints a few dozen): a run of thousands of cells is rescanned at each cell otherwise
HEADER_RUN_CELLS = 64
