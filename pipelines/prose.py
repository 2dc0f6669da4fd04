"""Prose parser: 项目支出绩效自评报告 written as paragraphs, funds in sentences.

``对2023年特定类项目数据系统维护费专项资金开展了绩效自评`` opens a project;
its section runs to the next such sentence. Funds come from sentences such as
``全年预算数为8.56万元``, ``实际完成项目支出8.56万元``, ``年初预算安排专项资金24.24万元``,
``执行率为100%``; the score from ``自评得分为98.5分``.
"""

from __future__ import annotations

import re

from jixiao.pipelines.normalize import NormalizedText, unit_factor
from jixiao.pipelines.parsed import ParsedFunds, ParsedProject, Span

_AMOUNT = r"(\d[\d,]*(?:\.\d+)?)\s*(万元|元)"
_OPEN = re.compile(
    r"对(?:\d{4}年度?)?(?:特定类项目|专项类项目|项目)?(?P<name>[^,，。;；:：“”\"\n]{2,40}?)(?:全面)?开展了?(?:项目)?(?:绩效)?自评"
)
_NOT_PROJECT = re.compile(r"整体|项目支出$|部门预算|纳入|所有项目|全部项目|一般公共预算")
_FIELDS: list[tuple[str, re.Pattern[str]]] = [
    ("annual", re.compile(r"全年预算(?:执行)?数(?:为|是)?" + _AMOUNT)),
    ("annual", re.compile(r"(?:调整后预算数|全年预算金额)(?:为|是)?" + _AMOUNT)),
    ("executed", re.compile(r"实际完成(?:项目)?支出" + _AMOUNT)),
    ("executed", re.compile(r"(?:全年执行数|预算执行数|实际支出|执行数)(?:为|是)?" + _AMOUNT)),
    ("initial", re.compile(r"年初预算(?:安排)?(?:专项资金|资金)?(?:为|是)?" + _AMOUNT)),
]
_RATE = re.compile(r"执行率(?:为|是|达到)?\s*(\d+(?:\.\d+)?)\s*%")
_SCORE = re.compile(r"自评(?:总)?得分(?:为|是)?\s*(\d+(?:\.\d+)?)\s*分")


def _span(m: re.Match[str], group: int | str) -> Span:
    return Span(text=m.group(group), start=m.start(group), end=m.end(group))


class ProseParser:
    """Normalized text -> ParsedProjects for reports written as prose."""

    def parse(self, norm: NormalizedText) -> list[ParsedProject]:
        text = norm.text
        opens = [m for m in _OPEN.finditer(text) if not _NOT_PROJECT.search(m.group("name"))]
        out: list[ParsedProject] = []
        for k, m in enumerate(opens):
            end = opens[k + 1].start() if k + 1 < len(opens) else len(text)
            section = (m.start(), end)
            proj = self._project(text, m, section)
            if proj is not None:
                out.append(proj)
        return out

    def _project(self, text: str, m: re.Match[str], section: tuple[int, int]) -> ParsedProject | None:
        s, e = section
        funds = ParsedFunds()
        found: dict[str, Span] = {}
        factors: dict[str, float] = {}
        for field, rx in _FIELDS:
            if field in found:
                continue
            fm = rx.search(text, s, e)
            if fm:
                found[field] = _span(fm, 1)
                factors[field] = unit_factor(fm.group(2), 1.0)
        if not found:
            return None
        # every amount carries its own unit; normalize all to one factor by rescaling the text
        unit = {f for f in factors.values()}
        funds.factor = unit.pop() if len(unit) == 1 else 1.0
        for field, span in found.items():
            if len(set(factors.values())) > 1:
                value = float(span.text.replace(",", "")) * factors[field]
                span = Span(text=repr(value), start=span.start, end=span.end)
            setattr(funds, field, span)
        rm = _RATE.search(text, s, e)
        if rm:
            funds.rate = _span(rm, 1)
        sm = _SCORE.search(text, s, e)
        return ParsedProject(
            source="prose", start=s, end=e, name=_span(m, "name"), funds=funds,
            score=_span(sm, 1) if sm else None,
        )
