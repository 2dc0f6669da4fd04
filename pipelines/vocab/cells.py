"""What a table cell prints that is no field's value: placeholders, blank marks, remarks, scoring rules, a
sentence's leftovers (the cell readers and the indicator table key on them)."""

from __future__ import annotations

import re

from jixiao.pipelines.vocab.tables import _rx

# what a 偏差原因 (deviation reason) cell says when nothing deviated: left behind a row's scores in collapsed text
REMARK = _rx(r"^(/|／|—+|-+|无|无偏差|未发生偏差|无明显偏差|按计划(完成|执行|实施|推进)|已(按时|按期|全部)?完成)$")
# a 评分标准 / 得分计算方法 cell (完成得满分, 未达标按比例扣分, 酌情扣分): a rule for the score, never an indicator's name
SCORING_RULE = _rx(r"得满分|不得分|扣\S{0,6}分|酌情(扣|给|得)分|按(完成)?比例(扣|得|计)分")
# how a cell cut from a sentence of prose starts: a separator (—, :, ，, 、, ;) or an ordinal ((1), 1、, 1.) left over
# from the sentence's 产出指标—数量指标—名称：… or （1）… ; no indicator name a table prints starts so
MISREAD_NAME_START = _rx(r"^(?:[—–\-:;,、·]|[(（]\d{1,2}[)）]|\d{1,2}(?:、|\.(?!\d)))")
# a value cell that prints nothing (-, —, /, ……): blank, not a value
BLANK_VALUE = re.compile(r"^(?:…+|\.+|—+|-+|/+|\\+)$")
# a template's numbered slot left without its indicator (指标2:): an empty name cell, never a value
NUMBERED_SLOT = _rx(r"^指标\d+:?$")
PLACEHOLDER = _rx(r"^(指标\d*[:]?|…+|\.+|—+|-+|/|无)$|^[^\u4e00-\u9fffA-Za-z]*$")
# the template's goal row over the indicator rows (年度总体目标 | 预期目标 | 实际完成情况): its cells are sentences
GOAL_ROW_LABEL = _rx(r"^(项目)?(年度)?(总体|绩效)目标$")
