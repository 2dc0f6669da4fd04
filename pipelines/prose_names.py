"""How a prose report names its project: the title's project words, a printed 项目名称, a paragraph introducing it.

The contract names a prose project by its 项目名称 where printed, else by the report title's project words
without the year (records.md section 1); an excerpt cut before its title still names it in the paragraph that
introduces it (某项目是… / 某项目由…) or in the phrase it keeps repeating.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from jixiao.pipelines.parsed import Span
from jixiao.pipelines.prose_links import link_lines, outside_links
from jixiao.pipelines.prose_units import ORG_END
from jixiao.pipelines.vocab import (
    PROSE_ACTUAL_CUE, PROSE_FUND_END, PROSE_NAME_LABELS, PROSE_NEXT_LABEL, PROSE_TARGET_CUE, PROSE_TITLE_NOTE,
    PROSE_TITLE_NOTICE, PROSE_YEAR,
)


# (…资金区域绩效自评报告: a transfer payment's 区域 report, 区域 is the report's word, as 支出 is)
# (spaces, not tabs, before the title: at every tab of a long run ``[ \t]*`` would rescan the rest of it)
# a report's title line: [关于][unit or place][year]NAME[支出]绩效自评报告 (the name is what follows the year, or what
# precedes it when nothing does: 退役士兵安置补助经费转移支付2023年度绩效自评报告)
TITLE = re.compile(r"(?:^|(?<=[\n\t。，,;；:：|]))[ \u3000]*(?:关于)?(?P<title>[^\n\t。，,;；:：|]{2,80}?)"
                    # (…项目资金使用情况及绩效自评报告, …项目整体绩效自评报告: the use of the funds, the whole of the project are the
                    # report's subject, not the name's)
                    r"(?:支出|使用|区域|(?<=项目)整体|(?:资金)?(?:使用|执行|管理)情况(?:及|和))?(?:的)?"
                    # (a scan or a PDF may space the title's words out: 绩效自 评报告)
                    # (绩效自我评价报告 / 绩效自评价报告 / 绩效自评综述: other provinces' words; a page title's site name after
                    # 报告_ or 报告-: 某项目绩效自评报告_某市人民政府)
                    # (绩效目标自评报告; 绩效自评表及自评报告: the form and the report published together)
                    # (某项目自评报告: 绩效 left out after the project's or the fund's word)
                    r"(?:绩 ?效 ?|(?<=项目)|(?<=资金)|(?<=经费))"
                    r"(?:目 ?标 ?)?(?:自 ?我 ?评 ?价|自 ?评(?: ?价)?|评 ?价)(?:工作)?(?:情况)?(?:的)?(?:自评)? ?"
                    r"(?:报 ?告|综 ?述|表 ?及 ?(?:自 ?评 ?)?报 ?告)"
                    # (a letter sending the report on: 关于报送…绩效自评报告的报告 / …的函; a page making it public:
                    # …绩效自评报告公示)
                    rf"(?=[ \t]*$|\s|[(（_｜|—-]|的(?:报告|函|请示)|{PROSE_TITLE_NOTICE}(?:[ \t]*$|\s|[(（]))", re.M)
_TITLE_YEAR = re.compile(PROSE_YEAR)  # (二〇二二年度城乡医疗救助资金自评结果: the year in Chinese numerals too)
_FUND_END = re.compile(PROSE_FUND_END)
# a title saying 情况 or 结果 for 报告, or nothing (2023年度某项目绩效自评情况, 某项目2023年度绩效自评): a line of its own
# holding a year, tried where no title says 报告
# (a section heading 二、绩效自评情况 holds no year)
# (…绩效自评情况的说明 / …资金自评结果: 说明 a report's word as much as 报告, 绩效 left out after the fund's word)
# (an 信息公开 page may print its title only in its metadata block's 标题 field: 标　　题：某资金绩效自评结果公开)
_TITLE_FIELD = r"(?:标[ \u3000]*题[:：][ \t\u3000]*)?"
_SITUATION_END = (r"(?:支出|使用|区域)?(?:绩效|(?<=项目)|(?<=资金)|(?<=经费))自评(?:工作)?"
                  rf"(?:情况(?:的)?(?:说明|报告)?|结果)?(?:{PROSE_TITLE_NOTICE})?[ \t\u3000]*$")
_SITUATION_TITLE = re.compile(rf"^[ \u3000]*{_TITLE_FIELD}(?:关于)?(?P<title>[^\n\t。，,;；:：|]{{0,40}}?{PROSE_YEAR}"
                              r"(?:[^\n\t。，,;；:：|]{2,60}?)?)" + _SITUATION_END, re.M)
# a title with no year ending in words only a report's title ends in (…补助资金绩效自评情况说明, …资金绩效自评结果公开):
# a line of its own, not a numbered heading (三、自评结果)
_PLAIN_TITLE = re.compile(rf"^[ \u3000]*{_TITLE_FIELD}(?:关于)?(?P<title>[^\n\t。，,;；:：|、\d(（一二三四五六七八九十]"
                          r"[^\n\t。，,;；:：|、]{3,60}?)(?:支出|使用)?(?:绩效|(?<=资金)|(?<=经费))自评"
                          rf"(?:情况(?:的)?说明|结果{PROSE_TITLE_NOTICE})[ \t\u3000]*$", re.M)


def title_matches(text: str, s: int, e: int) -> list[re.Match[str]]:
    """The report titles of [s, e): lines ending in 绩效自评报告 (and its variants), else in 绩效自评情况; not the
    titles of other reports a page links to (上一篇：…, a 相关文章 list)."""
    links = link_lines(text, s, e)
    return ([m for m in TITLE.finditer(text, s, e) if outside_links(links, m.start("title"))]
            or [m for rx in (_SITUATION_TITLE, _PLAIN_TITLE) for m in rx.finditer(text, s, e)
                if outside_links(links, m.start("title"))])
# (line breaks lost, the next label ends it: 项目名称：城区绿化养护 主管部门：…)
NAME_FIELD = re.compile(r"(?:"
                         + "|".join(re.escape(w).replace(r"\(", "[(（]").replace(r"\)", "[)）]")
                                    for w in sorted(PROSE_NAME_LABELS, key=len, reverse=True))
                         # (the next label may follow its item number: 项目名称：某经费 （二）主管部门：…)
                         # (【项目名称】某项目: the label in square brackets, a colon or none after it)
                         + r")(?:[:：]|】[:：]?)\s*(?P<v>[^\n。;；【】]{2,60}?)\s*(?=[。;；\n【]|$|\s+(?:[(（][一二三四五六七八九十\d]{1,3}[)）]"
                         r"|\d{1,2}[.、．])?" + PROSE_NEXT_LABEL
                         # (line breaks lost: the sentence after the name's line, 该项目由…主管, opens after a space)
                         + r"|\s+(?:该|本|此)项目)")
# (a Word cover block pasted as text: the label alone on its line, the value on the next)
_NAME_LABELS = "|".join(re.escape(w) for w in sorted(PROSE_NAME_LABELS, key=len, reverse=True))
_NAME_LINES = re.compile(r"^[ \t]*(?:" + _NAME_LABELS + r")[ \t]*\n[ \t]*(?P<v>[^\s:：。;；][^\n:：。;；]{1,59}?)[ \t]*$", re.M)


# (项目名称为某经费，主管部门为…: a CMS writing a form's fields out as a sentence)
_NAME_SAID = re.compile(r"(?<![\u4e00-\u9fff])(?:" + _NAME_LABELS + r")为(?P<v>[^\n。;；，,]{2,60}?)(?=[，,。;；\n]|$)")


def name_field(text: str, s: int, e: int) -> Span | None:
    """The first printed 项目名称 of [s, e): after its label and a colon (or 为), or on the line under a label alone."""
    hits = [m for m in (NAME_FIELD.search(text, s, e), _NAME_LINES.search(text, s, e), _NAME_SAID.search(text, s, e))
            if m is not None]
    m = min(hits, key=lambda h: h.start(), default=None)
    if m is None:
        return None
    v = Span.of(m, "v")
    if len(v.text) > 4 and v.text[0] in "“\"" and v.text[-1] in "”\"":  # (项目名称为“某补贴”: the words inside the quotes)
        v = Span(text=v.text[1:-1], start=v.start + 1, end=v.end - 1)
    # (…资金（项目名称：某项目）开展了绩效自评: a label inside brackets ends at the bracket closing it)
    depth = 0
    for k, ch in enumerate(v.text):
        depth += (ch in "(（") - (ch in ")）")
        if depth < 0:
            return Span(text=v.text[:k], start=v.start, end=v.start + k) if k >= 2 else None
    return v


# the project a generic title names in brackets after it, the year left out
TITLE_NOTE = re.compile(PROSE_TITLE_NOTE)  # (公示稿): a note on the document, no project
TITLE_BRACKET = re.compile(rf"\s*[(（]\s*(?:{PROSE_YEAR})?(?P<v>[^()（）\n\d][^()（）\n]{{1,39}})[)）]")
# (对2个重点项目开展了绩效自评 / 对3项专项资金…: a count of the unit's projects names none of them)
NOT_PROJECT = re.compile(r"整体|项目支出$|部门预算|纳入|所有项目|全部项目|一般公共预算|^本?(部门|单位)|个项目"
                         r"|^[\d一二两三四五六七八九十]{1,3}[个项][\u4e00-\u9fff]{0,4}(?:项目|资金|经费)$"
                         # (a kind of money alone names no fund: 转移支付 on a title's second line, 专项资金)
                         r"|^(?:专项|补助|转移支付|财政|资金|经费|支出|项目)+$"
                         # (我局对2023年度实施的项目开展了绩效自评: the projects a unit carried out, none named)
                         r"|^[\u4e00-\u9fff]{0,6}的项目$|^(?:部分|重点|相关|有关|上述|以下|各类?)项目$"
                         # (关于2023年度县级项目支出绩效自评结果的公告: a finance bureau's results for a level's projects)
                         r"|^(?:省|市|州|县|区|乡|镇|本|部门)级?(?:本级)?(?:重点)?项目$")


# quotation marks around a whole name in a title (《某项目》绩效自评报告, “某工程”绩效自评报告); a title word quoted
# inside a name stays (《某市志》编纂出版经费)
_QUOTE_PAIRS = {"《": "》", "“": "”", '"': '"'}
_OPENING_OF = {closing: opening for opening, closing in _QUOTE_PAIRS.items()}


def title_name(m: re.Match[str]) -> Span | None:
    """The project a report's title names: the text after the year, else before it; not a unit's name."""
    if (wrapped := _wrapped_above(m)) is not None:
        return wrapped
    t, start = m.group("title"), m.start("title")
    # the last year: where line breaks were lost a date before the title runs into it (发布日期：2024年04月18日
    # 南溪区2023年度…), and the name follows the title's own year
    years = [y for y in _TITLE_YEAR.finditer(t) if len(t) - y.end() >= 2]
    year = years[-1] if years else _TITLE_YEAR.search(t)
    a, b = 0, len(t)
    if year is not None:
        a, b = (year.end(), len(t)) if len(t) - year.end() >= 2 else (0, year.start())
    if (about := t.find("关于", a, b)) >= 0:
        a = about + 2  # 某局关于…项目支出绩效自评报告: the unit writing the report is no part of the name
    if (verb := _SENDING.match(t, a, b)) is not None:
        a = verb.end()  # 关于报送XX项目绩效自评报告的函: the verb of the letter
    # a breadcrumb before the title (首页 > 信息公开 > …项目绩效自评报告): the name is after its last step
    crumb = max(t.rfind(c, 0, b) for c in ">»›")
    # (line breaks lost: 首页 > 财政资金 某局某资金…: the breadcrumb's last step ends at a space; a space after the
    # title's year is the title's own wrap, 某市2023年度某资金 转移支付…)
    if crumb >= 0 and crumb + 1 >= a and (space := t.find(" ", crumb + 2, b)) >= 0 and t[crumb + 1:space].strip():
        a = space + 1
    a = max(a, crumb + 1)
    while a < b and t[a] in " \t\u3000":
        a += 1
    # (line breaks lost: 政务公开 | 绩效管理 某县某局某资金2023年度…: a word after a space opening with a unit's name
    # opens the title; what precedes it is the page's)
    if (space := t.rfind(" ", a, b)) > a and _TITLE_UNIT.match(t, space + 1, b) is not None:
        a = space + 1
    # a unit's name before the project's words, no year between (某市市场监督管理局计量器具强制检定项目绩效自评报告):
    # the unit writes the report, the rest names the project
    if (unit := _TITLE_UNIT.match(t, a, b)) is not None and len(t[unit.end():b].strip().removesuffix("项目")) >= 4:
        a = unit.end()
        while a < b and t[a] in " \t\u3000":
            a += 1
    name = t[a:b].strip()
    stop = len(t[:b].rstrip())
    if year is not None and a == year.end() and (words := _words_before_year(t[:year.start()])):
        # (琼中岭县农村饮水工程2023年度维修养护补助资金: the year inside the project's words, left out; the span covers both)
        name = words[1] + name
        a = words[0]
    if ((k := name.rfind("《")) > 0 and name.endswith("》") and "《" not in name[:k]
            and (_PLACE.fullmatch(name[:k]) or re.search(ORG_END + "$", name[:k]))):
        name, a = name[k:], a + k  # (某县《某项目》绩效自评报告: the place or unit before the quoted name)
    if len(name) > 4 and _QUOTE_PAIRS.get(name[0]) == name[-1] and name[0] not in name[1:-1]:
        name, a, stop = name[1:-1], a + 1, stop - 1  # (《某项目》绩效自评报告: the marks quote the name, no part of it)
    elif (opening := _OPENING_OF.get(name[-1:])) is not None and opening not in name:
        name, stop = name[:-1], stop - 1  # (《2023年度某项目》绩效自评报告: the year and the opening mark before the name)
    if name.endswith("项目") and m.string.startswith("支出", m.end("title")) and _FUND_END.search(name[:-2]):
        name, stop = name[:-2], stop - 2  # (某专项经费项目支出绩效自评报告: 项目支出 is the report's kind, the fund 某专项经费)
    # (某局项目支出绩效自评报告 names the unit, not a project: a unit's name before 项目 is none either)
    if (len(name.removesuffix("项目")) < 2 or NOT_PROJECT.search(name)
            or re.search(ORG_END + "$", name.removesuffix("项目"))):
        return None
    return Span(text=name, start=start + a, end=start + stop)


# a year opening a quoted name (对《2023年度某工程》开展了绩效自评): the contract names the project without it
_LEADING_YEAR = re.compile(PROSE_YEAR)


def unquoted_name(name: Span) -> Span:
    """An announced name without the book-title marks quoting all of it and the year opening it (对《2023年度某工程》
    开展了绩效自评 -> 某工程); a name quoting a title inside it (《某市志》编纂出版经费) stays as printed."""
    t, a, b = name.text, name.start, name.end
    if len(t) > 4 and t[0] == "《" and t[-1] == "》" and "《" not in t[1:-1] and "》" not in t[1:-1]:
        t, a, b = t[1:-1], a + 1, b - 1
        if (year := _LEADING_YEAR.match(t)) is not None and len(t) - year.end() >= 2:
            t, a = t[year.end():], a + year.end()
    return name if t == name.text else Span(text=t, start=a, end=b)


# the places a title's words may open with (琼中岭县, 河北省石家庄市, 白沙镇)
# (第十师, 一八八团: a Bingtuan division or regiment, named by its number, is a place too)
_PLACE = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:省|自治区|市|州|盟|县|区|旗|镇|乡)|第?[一二三四五六七八九十〇零]{1,4}(?:师|团)")


def _words_before_year(before: str) -> tuple[int, str] | None:
    """The project's words before a title's year, its places left out (琼中岭县农村饮水工程 -> 农村饮水工程): none where
    the part is only places, a unit's name (某县农业农村局) or not plain words (a breadcrumb, 关于, a date)."""
    if not re.fullmatch(r"[\u4e00-\u9fff]{3,40}", before) or "关于" in before:
        return None
    k = 0
    while (place := _PLACE.match(before, k)) is not None and place.end() < len(before):
        k = place.end()
    words = before[k:]
    if len(words) < 2 or _PLACE.fullmatch(words) or re.search(ORG_END + "$", words) or _TITLE_UNIT.fullmatch(before):
        return None
    return k, words


_SENDING = re.compile(r"[ \t\u3000]*(?:报送|上报|呈报|提交|印发)")
# a unit leading a title's words: a place, then a bureau's (not a facility's: 应急指挥中心建设项目 is a project) ending
_TITLE_UNIT = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:省|自治区|市|州|盟|县|区|旗)[\u4e00-\u9fff()（）]{1,20}?"
                         r"(?:局|厅|委员会|办公室|人民政府|联合会)")


# the Han run before a 项目 (stops at digits and punctuation: 2024年农机深松整地作业补贴项目 -> 年农机…)
_BEFORE_PROJECT = re.compile(r"[\u4e00-\u9fff]{2,30}(?=项目)")
_YEAR_TAIL = re.compile(r"^年度?")
# a phrase named this often is the report's project; shorter common tails (补贴, 资金) name nothing
REPEATED_NAME_MIN_COUNT = 2
REPEATED_NAME_MIN_CHARS = 4


def _in_indicator_sentence(text: str, at: int) -> bool:
    """Whether the sentence holding ``at`` states an indicator (a target and an actual): the 项目 phrases of an
    indicator's name (抽检项目数量，目标值…，完成值…) are not the project's. (A sentence, not a line: collapsed
    text is one line.)"""
    a = max(text.rfind(c, 0, at) for c in _SENTENCE_ENDS) + 1
    b = min((k for k in (text.find(c, at) for c in _SENTENCE_ENDS) if k >= 0), default=len(text))
    return _TARGET_CUE.search(text, a, b) is not None and _ACTUAL_CUE.search(text, a, b) is not None


_SENTENCE_ENDS = "\n。；;"
_TARGET_CUE = re.compile(PROSE_TARGET_CUE)
_ACTUAL_CUE = re.compile(PROSE_ACTUAL_CUE)


def repeated_project_name(text: str, s: int, e: int) -> Span | None:
    """The longest tail shared by the most 〈…〉项目 phrases of [s, e), at its first appearance, with 项目.

    Each phrase is the Han run before a 项目; what precedes the name in a sentence (下达, 通过实施, a year)
    differs between its mentions, so the tail they share is the name.
    """
    runs = [(m.start(), _YEAR_TAIL.sub("", m.group()) if text[m.start() - 1:m.start()].isdigit() else m.group())
            for m in _BEFORE_PROJECT.finditer(text, s, e) if not _in_indicator_sentence(text, m.start())]
    counts: dict[str, int] = {}
    for _, run in runs:
        for k in range(len(run) - REPEATED_NAME_MIN_CHARS + 1):
            counts[run[k:]] = counts.get(run[k:], 0) + 1
    best = max(((n, len(tail), tail) for tail, n in counts.items()
                if n >= REPEATED_NAME_MIN_COUNT and not NOT_PROJECT.search(tail + "项目")), default=None)
    if best is None:
        return None
    tail = best[2]
    first = next(a for a, r in runs if r.endswith(tail))
    a = text.find(tail + "项目", first, e)
    return Span(text=tail + "项目", start=a, end=a + len(tail) + 2)


# a paragraph introducing the report's project by its name: 就业见习补贴项目是我局…设立的 / 农村公路养护工程项目由某局主管
# (or after the paragraph's heading on its line: （一）项目概况。某项目由…)
# (possessive blank runs: a name never starts with a blank, and two runs that could trade blanks are quadratic on a
# line of them)
# (collapsed text, its line breaks spaces: the paragraph opens after a blank that follows a word, 一、项目基本情况 就业…)
_INTRO = re.compile(r"(?:^|(?<=[^\s][ \t]))[ \t]*+(?:(?:[(（][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}[.、．]|[一二三四五六七八九十]{1,2}、)?"
                    r"[ \t]*+(?:项目概况|项目基本情况|基本情况)"
                    r"[。.：:，,]?[ \t]*+)?(?!本|该|此|上述|以上|各)(?P<name>[\u4e00-\u9fff“”()（）]{2,30}?项目)"
                    r"(?:是|系|由|为|属于|于\d{4})", re.M)


# (or the unit writing says it carries the project out: （一）项目概况。2023年，我局牵头实施某某项目，在全区…)
_INTRO_BY_UNIT = re.compile(
    # (after a sentence's end, or after the first blank of a run: starting at every blank of a long run would rescan it)
    # (or after a clause's comma: 为保障全县食品安全，我局实施了某项目，…)
    r"(?:^|(?<=[。；;\n，,])|(?<=[^\s][ \t]))[ \t]*+(?:(?:[(（][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}[.、．])?[ \t]*+(?:项目概况|项目基本情况|基本情况)"
    r"[。.：:，,]?[ \t]*+)?(?:\d{4}年度?[，,]?)?(?:我|本)[\u4e00-\u9fff]{1,3}?(?:牵头|负责|组织){0,2}(?:实施|承担)了?"
    r"(?P<name>[\u4e00-\u9fff“”()（）]{2,30}?项目)(?=[，,。；;])", re.M)


def intro_name(text: str, s: int, e: int) -> Span | None:
    """The project a paragraph of [s, e) opens with (an excerpt or a title that names none)."""
    m = next((m for rx in (_INTRO, _INTRO_BY_UNIT) for m in rx.finditer(text, s, e)
              if not NOT_PROJECT.search(m["name"])), None)
    return Span.of(m, "name") if m is not None else None


# a subtitle under a title naming no project: ——农村饮水安全工程维修养护项目
_SUBTITLE = re.compile(r"\s*(?:——|—|--)\s*(?:\d{4}年度?)?(?P<v>[^\s()（）\d][^\n]{1,39}?)[ \t]*(?=\n|$)")


def subtitle_name(text: str, at: int, e: int) -> Span | None:
    """The project a title naming none names right after it: in brackets (…绩效自评报告（食品安全抽检经费）) or in a
    subtitle line (——…项目); not a note on the document (公示稿, 2023年度)."""
    m = TITLE_BRACKET.match(text, at, e) or _SUBTITLE.match(text, at, e)
    return None if m is None or TITLE_NOTE.search(m["v"]) else Span.of(m, "v")


# a project given a short name where the body first names it (2023年农村饮水安全巩固提升工程（以下简称“饮水工程”）由…):
# the full words before the bracket, the year left out; a unit's short name (某县水务局（以下简称“县水务局”）) is none
_SHORT_NAMED = re.compile(r"(?:^|(?<=[\n。；;，,对]))[ \t\u3000]*+(?:\d{4}年度?)?(?P<v>[\u4e00-\u9fff“”]{4,40}?)"
                          r"[(（](?:以下|下文)?简称[“\"「]?[\u4e00-\u9fff]{2,12}[”\"」]?[)）]", re.M)
# the short name is looked for this far after a title naming no project (the report's first paragraphs)
SHORT_NAME_REACH = 600


def short_named(text: str, at: int, e: int) -> Span | None:
    """The project a title naming none leaves to the body, which gives it a short name on first naming it."""
    m = _SHORT_NAMED.search(text, at, min(e, at + SHORT_NAME_REACH))
    if m is None or NOT_PROJECT.search(m["v"]) or re.search(ORG_END + "$", m["v"]):
        return None
    return Span.of(m, "v")


# a title wrapped over lines: each line short, none ending a sentence; at most this many lines and characters a line
WRAPPED_TITLE_LINES = 4
WRAPPED_TITLE_CHARS = 40
_LINE = re.compile(r"[^\n]+")
_NOT_TITLE_LINE = re.compile(r"[。；;：:，,]\s*$|^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．])")


def wrapped_title(text: str, s: int, e: int) -> tuple[int, Span] | None:
    """The project a title broken over lines names (示例县2023年度农村饮水安全工程 / 维修养护项目绩效自评报告): runs of
    short lines joined, read as a title line; the span's offsets are the text's."""
    run: list[tuple[int, str]] = []  # (offset, stripped line)
    for line in _LINE.finditer(text, s, e):
        t = line.group().strip()
        fits = 0 < len(t) <= WRAPPED_TITLE_CHARS and not _NOT_TITLE_LINE.search(t)
        if fits:
            run.append((line.start() + line.group().index(t[0]), t))
        if run and (not fits or len(run) == WRAPPED_TITLE_LINES or line.end() >= e):
            found = _title_of_run(run) if len(run) > 1 else None
            if found is not None:
                return found
            run = [run[-1]] if fits and len(run) == WRAPPED_TITLE_LINES else []
    return None


def _wrapped_above(m: re.Match[str]) -> Span | None:
    """The project of a title whose line holds only its tail (…草原生态保护补助奖励 / 政策资金项目支出绩效自评报告): where the
    title line prints no year and the line right above it, short and ending no sentence, does, the two read as one."""
    text, at = m.string, m.start("title")
    line_start = text.rfind("\n", 0, at) + 1
    if line_start == 0 or text[line_start:at].strip() or _TITLE_YEAR.search(m.group("title")):
        return None
    above_start = text.rfind("\n", 0, line_start - 1) + 1
    above = text[above_start:line_start - 1]
    t = above.strip()
    if not (0 < len(t) <= WRAPPED_TITLE_CHARS) or _NOT_TITLE_LINE.search(t) or not _TITLE_YEAR.search(t):
        return None
    run = [(above_start + above.index(t[0]), t), (at, text[at:m.end()].strip())]
    found = _title_of_run(run)
    # (the joined words must run on into the title line's: a line above naming another thing is no head of it)
    return found[1] if found is not None and found[1].end > at else None


def _title_of_run(run: list[tuple[int, str]]) -> tuple[int, Span] | None:
    """The project words of lines read as one title (the last lines ending in 报告), offsets mapped to the text.
    (A hard-wrapped page's first body lines are short too: the title may end before the run does.)"""
    for first, last in ((f, k) for k in range(1, len(run)) for f in range(k)):
        joined = "".join(t for _, t in run[first:last + 1])
        pos = [a + i for a, t in run[first:last + 1] for i in range(len(t))]
        m = TITLE.fullmatch(joined)
        name = title_name(m) if m is not None else None
        if name is not None:
            return pos[0], Span(text=name.text, start=pos[name.start], end=pos[name.end - 1] + 1)
    return None


# a prose project repeating a table project (its summary paragraph) matches its name at least this well
DUPLICATE_RATIO = 90.0
_NAME_NOISE = re.compile(r"^\d{4}年度?|(?:项目|专项资金|资金|经费)$")
# a table's name with its qualifier in brackets after 项目 (X项目（县级配套）) that prose writes inline (X县级配套项目)
_BRACKETED_TAIL = re.compile(r"项目[(（]([^()（）]+)[)）]$")


def _name_key(name: str) -> str:
    return _NAME_NOISE.sub("", _BRACKETED_TAIL.sub(r"\1项目", "".join(name.split())))


def is_duplicate(prose_name: str, table_name: str) -> bool:
    """Whether a prose project names the same project as a table: fuzzy equal, or one name inside the other."""
    a, b = _name_key(prose_name), _name_key(table_name)
    if not a or not b:
        return False
    if fuzz.ratio(a, b) >= DUPLICATE_RATIO:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 3 and fuzz.partial_ratio(short, long_) >= DUPLICATE_RATIO
