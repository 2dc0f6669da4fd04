"""The headings that open the sections of a prose report on several projects, and the heading that ends them.

A report on several projects (a 部门整体 report's 重点项目, a finance bureau's notice of results, a fund's sub-projects)
heads each one's section with its name: ``（一）森林防火专项经费项目``, ``1.城市排水设施运维项目``, ``◆项目1：某补助``,
``（一）子项目一：某项目``, a numbered list item ``1.某项目（实施单位：某中心）。全年预算…``, or its 项目名称 line. A
heading naming the whole unit (``四、部门整体自评结论``) ends the key project before it: the department's own totals
are no project's.
"""

from __future__ import annotations

import re

from jixiao.pipelines.parsed import Span
from jixiao.pipelines.prose_names import NAME_FIELD, NOT_PROJECT, is_duplicate
from jixiao.pipelines.vocab import PROSE_KEY_HEADING, PROSE_WHOLE_UNIT

# a report on several projects heads each one's section with its name on a line of its own: （一）森林防火专项经费项目
# (or 一、动物疫病防控经费: a fund's name ends in 经费 / 资金; not a heading of the report's own parts, 项目资金 …)
# (重点项目一：… / 项目二、…: a 部门整体 report's key projects numbered in words)
_ORDINAL = (r"(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、"
            r"|(?:重点)?项目[一二三四五六七八九十\d]{1,2}[:：、.．])")
# (nor a fund's source: （一）中央财政资金 / （二）省级配套资金 split one fund, they are no projects; a project's name may
# open with the level it is funded at: （三）市级科技创新券补助项目)
_SOURCE_HEADING = (r"(?:中央|省级|省|市级|县级|区级|地方|本级|上级|自筹|配套)(?:财政|配套|补助|专项|自筹|衔接){0,2}"
                   r"(?:资金|经费)(?=[ \t\u3000]|$)")
_HEADING_NAME = (r"(?!项目|预算|专项|财政|部门|其他|其中)(?!" + _SOURCE_HEADING + ")"
                 r"(?P<name>[\u4e00-\u9fff()（）“”]{2,40}?(?:项目|经费|资金))")  # (quotes: “八五”普法宣传经费)
_HEADING_OPENER = re.compile(r"^[ \t]*" + _ORDINAL + r"[ \t]*" + _HEADING_NAME + r"[ \t]*$", re.M)
# (a 部门整体 report's 重点项目 section numbers them 1. / 2.: tried after the other ordinals)
_NUMBERED_OPENER = re.compile(r"^[ \t]*\d{1,2}[.、．][ \t]*" + _HEADING_NAME + r"[ \t]*$", re.M)
# (or the 项目名称 line opening each one's section, no heading above it: tried last)
_FIELD_OPENER = re.compile(r"^[ \t]*+(?:" + _ORDINAL + r"|\d{1,2}[.、．])?[ \t]*+" + NAME_FIELD.pattern, re.M)
# collapsed text (its line breaks became spaces): a heading's line start is the text's start, a space or a sentence
# end, and its line end a run of spaces before the next line's words: 具体情况如下：一、动物疫病防控经费 （一）资金情况：…
# (the ordinal right after the space or the sentence end: spaces consumed at each space of a long run were quadratic)
_RUN_HEADING_OPENER = re.compile(r"(?:^|(?<=[。；;：:！!？?\s]))" + _ORDINAL + r"[ \u3000]*" + _HEADING_NAME
                                 + r"(?:[ \u3000]+|$)")
# the headings open projects only where at least this many distinct ones do (a one-project report's own sub-headings
# never name it twice)
HEADING_OPENER_MIN = 2
# (◆项目1：某补助 / （一）子项目一：某项目: a heading that says it is a project's names it whatever its last word)
_KEYED_OPENER = re.compile(r"^[ \t\u3000]*+" + PROSE_KEY_HEADING + r"[:：][ \t\u3000]*+"
                           r"(?P<name>[^\s,，。;；:：]{2,40}?)[ \t\u3000]*$", re.M)
# (a numbered list, a paragraph each: 1.某项目（实施单位：某中心）。全年预算… / 3.某资金。全年预算…; not a glossary's
# 21.机关运行经费：指… defining a word)
_LIST_OPENER = re.compile(r"^[ \t\u3000]*+\d{1,2}[.、．][ \t\u3000]*+" + _HEADING_NAME
                          + r"(?=[(（][^()（）\n]{1,40}[)）]。|。)", re.M)
# a heading of the report's own parts (一、/（三）/3. then words) naming the whole unit
_PART_HEADING = re.compile(r"^[ \t\u3000]*+(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、"
                           r"|\d{1,2}[.、．])[ \t\u3000]*+(?P<h>[^\n]{2,40})$", re.M)
_WHOLE_UNIT = re.compile(PROSE_WHOLE_UNIT)


def heading_openers(text: str, s: int, e: int) -> list[tuple[int, Span]]:
    """The project headings of a report on several projects, where at least two distinct ones head sections; else
    its 项目名称 lines, where at least two distinct ones open a line (a 部门整体 report's key projects, unheaded)."""
    for rx, group in ((_HEADING_OPENER, "name"), (_RUN_HEADING_OPENER, "name"), (_NUMBERED_OPENER, "name"),
                      (_KEYED_OPENER, "name"), (_LIST_OPENER, "name"), (_FIELD_OPENER, "v")):
        found = [(m.start(), Span.of(m, group)) for m in rx.finditer(text, s, e)
                 if not NOT_PROJECT.search(m.group(group))]
        if rx is _FIELD_OPENER and any(is_duplicate(a.text, b.text) for k, (_, a) in enumerate(found)
                                       for _, b in found[k + 1:]):
            return []  # (one project's name printed twice, on a cover and in the text: 某项目 / 2023年某项目)
        if len({n.text for _, n in found}) >= HEADING_OPENER_MIN:
            return found
    return []


def section_end(text: str, start: int, end: int) -> int:
    """Where a key project's section [start, end) ends: at the first heading after its own naming the whole unit
    (四、部门整体自评结论: the department's figures below it are none of the project's)."""
    line_end = text.find("\n", start)
    for m in _PART_HEADING.finditer(text, line_end + 1 if 0 <= line_end < end else end, end):
        if _WHOLE_UNIT.search(m.group("h")):
            return m.start()
    return end
