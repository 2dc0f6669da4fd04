"""Where a prose report opens a project: a sentence announcing it (对…开展了绩效自评, a name in quotes), a summary
heading (…项目绩效自评综述：), or, where neither does, its title line (…绩效自评报告, one a report on a page printing
several) and, an excerpt cut before its title, its introducing paragraph or the project phrase it repeats. ``prose``
reads each project's section from where it opens."""

from __future__ import annotations

import re
from collections.abc import Iterable

from jixiao.pipelines.parsed import Span
from jixiao.pipelines.prose_names import (
    NOT_PROJECT, intro_name, is_duplicate, name_field, repeated_project_name, short_named, subtitle_name,
    title_matches, title_name, unquoted_name, wrapped_title,
)
from jixiao.pipelines.prose_view import SENTENCE_END, Unwrapped
from jixiao.pipelines.vocab import PROSE_YEAR

# 2023年 / 2023年度, then a category label 特定类项目 / 专项类项目 / 项目
_QUALIFIER = r"(?:" + PROSE_YEAR + r")?(?:[\u4e00-\u9fff]{2,4}类项目|项目(?=[\u4e00-\u9fff]))?"
# a sentence announcing the evaluation of a project: 对…开展了绩效自评
_ANNOUNCING = re.compile(
    r"对" + _QUALIFIER + r"(?P<name>[^,，。;；:：“”\"\n]{2,40}?)"
    # (对某资金2022年度使用情况开展了绩效自评: the year and the use are the evaluation's subject; 组织开展 the verb's)
    r"(?:" + PROSE_YEAR + r")?(?:(?:资金)?(?:使用|管理|执行)情况)?(?:全面|组织|认真)?开展了?(?:项目)?(?:绩效)?自评(?!综述)"
)
# a one-project summary paragraph: 老字号项目绩效自评综述：…
# (a numbered one, 1.城市道路清扫保洁经费项目绩效自评综述：, names the project without its number)
# (possessive blanks: two runs of them around an optional number backtracked quadratically on a line of blanks)
SUMMARY_HEADING = re.compile(r"(?:^|(?<=[\n。；;]))[ \t]*+(?:\d{1,2}[.、．]|[(（][一二三四五六七八九十\d]{1,3}[)）])?[ \t]*+"
                             r"(?P<name>[^,，。;；:：“”\"\n\t ]{2,40}?)项目(?:支出)?绩效自评综述[:：]", re.M)
# a report announcing its project by a name in quotes (我局对2023年度实施的“城东片区雨污分流改造工程”开展了绩效自评,
# 本部门选取“背街小巷提升改造工程”进行绩效自评结果公开): the quoted words are the name, an 工程 as much as a 项目
# (项目全称为“特种设备安全监察经费”, 项目名称为“…”: the report's project named in its 项目概况)
_QUOTED_OPENER = re.compile(r"(?:对|选取|选择|就)[^。；;！!？?\n“”]{0,20}[“\"](?P<name>[^“”\"\n。，,；;：:]{2,40})[”\"]"
                            r"(?:项目)?(?:全面)?(?:进行|开展)了?(?:项目)?(?:绩效)?自评"
                            r"|项目(?:全称|名称)(?:为|是)[“\"](?P<full>[^“”\"\n。，,；;：:]{2,40})[”\"]")


def title_opens(text: str, s: int, e: int, opens: list[tuple[int, Span]], owned: set[int], titled: set[int],
                funds: Iterable[re.Pattern[str]]) -> None:
    """A stretch with no table and no announcing sentence: the projects its titles announce (or, an excerpt cut
    before its title, its introducing paragraph or repeated phrase), added to ``opens``, ``owned``, ``titled``
    (``funds``: the patterns of a stated funds figure)."""
    # a report with no table: its title line announces the project; a page printing several reports
    # one after another, each title on a line of its own, announces one each
    for m in title_matches(text, s, e):
        name = title_name(m)
        if opens:
            # (another title must state funds or a score to be a project: a list of other reports'
            # titles, a breadcrumb repeating the title, is none)
            if name is not None and _own_line(text, m) and not any(
                    is_duplicate(name.text, n.text) for _, n in opens):
                opens.append((m.start(), name))
                owned.add(m.start())
            continue
        if name is None and (field := name_field(text, m.end(), e)) is not None:
            # a title naming no project (2023年度项目支出绩效自评报告) over a 项目名称 line
            name = field
        if name is None:
            # …绩效自评报告（食品安全抽检经费） or on the next line (2021年度…项目), or a subtitle (——…项目)
            name = subtitle_name(text, m.end(), e) or short_named(text, m.end(), e)
        if name is not None:
            # (a title read on from the line above starts at that line)
            at = m.start() if name.start >= m.start() else text.rfind("\n", 0, name.start) + 1
            opens.append((at, name))
            titled.add(at)
    if not opens and (wrapped := wrapped_title(text, s, e)) is not None:
        opens.append(wrapped)  # a title wrapped over lines (a Word or PDF title, centred and broken)
        titled.add(wrapped[0])
    if not opens and not titled:
        # an excerpt that starts after its title: the project phrase the text keeps repeating names it
        # (a paragraph introducing it by name says so more surely than a phrase repeated)
        # (one that states no funds is a mention: 某项目是我局重点项目 in a report on the unit's work)
        intro = intro_name(text, s, e)
        if intro is not None and not any(rx.search(text, s, e) for rx in funds):
            intro = None
        name = intro or repeated_project_name(text, s, e)
        if name is not None:
            opens.append((name.start, name))
            owned.add(name.start)  # the excerpt's one project: its sentences are the project's


def announced(view: Unwrapped, s: int, e: int) -> tuple[list[tuple[int, Span]], list[tuple[int, Span]]]:
    """The projects announcing sentences of [s, e) name, and those of them named in quotes. An announcing sentence is
    read unwrapped (对20 23年…专项资金开\n展了绩效自评: a scan or a PDF breaks and spaces sentences anywhere); a
    summary heading (…项目绩效自评综述：) is a line of its own, read as printed by the caller."""
    opens = [(view.pos[m.start()], unquoted_name(view.span(m, "name"))) for m in _ANNOUNCING.finditer(view.text, view.at(s), view.at(e))
             if not NOT_PROJECT.search(m.group("name"))]
    quoted = [(view.pos[m.start()], view.span(m, g))
              for m in _QUOTED_OPENER.finditer(view.text, view.at(s), view.at(e))
              for g in ["name" if m.group("name") else "full"]
              if not NOT_PROJECT.search(m.group(g)) and not any(a == view.pos[m.start()] for a, _ in opens)]
    return opens + quoted, quoted


def _own_line(text: str, m: re.Match[str]) -> bool:
    """Whether a match is a line of its own (spaces aside); in a text without line breaks (collapsed), one after a
    sentence's end and a space, and before a space or the end."""
    if "\n" not in text:
        k = m.start()
        while k > 0 and text[k - 1] in " \u3000":  # (back over the spaces only: a title match per sentence)
            k -= 1
        return (k == 0 or text[k - 1] in SENTENCE_END) and text[m.end():m.end() + 1] in ("", " ", "\u3000")
    before = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
    after_end = text.find("\n", m.end())
    after = text[m.end():after_end if after_end >= 0 else len(text)]
    return not before.strip() and not after.strip()


def title_over(text: str, s: int, e: int, name: Span) -> Span:
    """The title's words for the one project a sentence announces, where they name the same project (the contract
    names a prose project by its title: 中央财政…资金转移支付 over the sentence's 对…资金开展了绩效自评)."""
    # (a title saying 情况说明 or 自评结果 names the project as one saying 报告 does)
    m = next(iter(title_matches(text, s, e)), None)
    title = title_name(m) if m is not None and m.start() <= name.start else None
    if m is None and (wrapped := wrapped_title(text, s, e)) is not None and wrapped[0] <= name.start:
        title = wrapped[1]  # (关于2023年度某资金 / 绩效自评报告: a title broken over lines)
    # (the same words: still the title's, so that the project is the report's and its sentences are its own)
    if title is None or not is_duplicate(title.text, name.text):
        return name
    return title


