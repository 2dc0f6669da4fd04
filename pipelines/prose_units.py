"""The unit a prose report's heading names (株洲市渌口区人力资源和社会保障局 above 项目支出绩效自评报告): the
department of every project section after it where the report prints no 主管部门."""

from __future__ import annotations

import re

from jixiao.pipelines.parsed import Span
from jixiao.pipelines.prose_links import link_lines, outside_links
from jixiao.pipelines.vocab import PAGE_NAVIGATION, PROSE_BOTH_REPORTS, PROSE_TITLE_METADATA, PROSE_TITLE_NOTICE

# a unit's name: the heading line of a report (株洲市渌口区人力资源和社会保障局), or of a 部门决算 page that carries
# its projects' self-evaluation (某局2023年度部门决算公开)
ORG_END = r"(?:局|厅|委员会|委|办公室|办|中心|院|所|站|队|馆|部|处|室|会|政府|公司|学校|医院|街道|社区|协会|管委会)"
_HEADING_ORG = re.compile(
    r"^(?P<org>[\u4e00-\u9fff()（）]{3,40}?" + ORG_END + r")"
    # (某局2023年度部门整体支出及项目支出绩效自评报告: a title of the page's two reports is as generic)
    r"(?:(?:关于)?(?:\d{4}年度?)?(?P<subject>[\u4e00-\u9fff]{0,12}|" + PROSE_BOTH_REPORTS + r")(?:报告|说明|公开)"
    # (…报告公示: the page making the report public, the same title)
    r"(?:" + PROSE_TITLE_NOTICE + r")?)?$"
)
# the same heading run into its text (line breaks lost): a unit's name then a report title, between spaces (the title
# after a space, or right after the unit where its year follows: 示例县水利局2023年度项目支出绩效自评报告)
_TITLE_ORG = re.compile(
    r"(?:^|(?<=\s))(?P<org>[\u4e00-\u9fff()（）]{3,40}?" + ORG_END + r")"
    r"(?:\s+(?:关于)?(?:\d{4}年度?)?|\d{4}年度?)(?P<subject>[\u4e00-\u9fff]{0,12})(?:报告|说明|公开)(?:" + PROSE_TITLE_NOTICE + r")?(?=\s|$)"
)
# a site's name over the page (某省水利厅 门户网站, 某市人民政府网站): 站 ends a unit's name (监测站), not a site's
_SITE_NAME = re.compile(r"网站$|网$")
# a title naming one project or fund after the unit (某局2023年度河道保洁项目绩效自评报告): the unit is the report's
# author, not a department the contract reads (records.md: 主管部门 as printed; the real layouts label it null)
# (专项资金, 财政资金, 项目支出: kinds of money, a generic title's words)
_ONE_PROJECT = re.compile(r"(?:(?!专项|财政|项目|部门|整体|转移支付|绩效|自评)[\u4e00-\u9fff]){2,}(?:项目(?!支出|整体)|资金|经费)")
_NAVIGATION = re.compile(PAGE_NAVIGATION)
_HEADING_NOT_ORG = re.compile(r"^(第.部分|目录|附件|附表|[一二三四五六七八九十]+、|\(|（)")
# (发布机构\t某局: a page's metadata field, its label and value a tab apart, names the publisher, no heading)
_METADATA_FIELD = re.compile(PROSE_TITLE_METADATA)


def heading_units(text: str, stretches: list[tuple[int, int]]) -> list[Span]:
    """Short stand-alone lines naming a unit (optionally followed by a report title), in order.

    Spaces inside the line are skipped (株洲市渌口区人力资 源和社会保障局), and a short line that the next one
    completes is read with it (株洲市 | 渌口区人力资源和社会保障局): a scan spaces and wraps headings too.
    """
    out: list[Span] = []
    for s, e in stretches:
        lines: list[tuple[int, str]] = []
        pos = s
        for line in text[s:e].split("\n"):
            lines.append((pos, line))
            pos += len(line) + 1
        # characters that are not spaces, per line: a heading of lines holding fewer than 4 (the shortest unit's
        # name) or more than 50 is none, and a hostile text of 90,000 one-character lines is read line by line
        sizes = [len("".join(line.split())) for _, line in lines]
        menu = _menu_lines([line for _, line in lines], sizes)
        k = 0
        while k < len(lines):
            found = None
            for n in (2, 1):
                if any(menu[k:k + n]):
                    continue  # (a site's menu: 组织机构 | 新闻中心 read together ends like a unit's name)
                if n == 2 and (k + 1 >= len(lines) or sizes[k] > HEADING_WRAP_CHARS):
                    continue
                if not HEADING_CHARS[0] <= sum(sizes[k:k + n]) <= HEADING_CHARS[1]:
                    continue
                found = _heading_org(lines[k:k + n])
                if found is not None and _over_navigation(lines, k + n):
                    break  # (the site's name over its navigation, no heading of the report)
                if found is not None:
                    out.append(found)
                    k += n - 1
                    break
            k += 1
        for m in _TITLE_ORG.finditer(text, s, e):
            if not _HEADING_NOT_ORG.match(m.group("org")) and not _SITE_NAME.search(m.group("org")) \
                    and not _ONE_PROJECT.search(m.group("subject")) and not any(u.start <= m.start("org") < u.end for u in out):
                out.append(Span(text=m.group("org"), start=m.start("org"), end=m.end("org")))
    # (a 相关文章 heading over a linked title is no heading of this report: 相关文章 | 某局2023年度…报告)
    links = [span for s, e in stretches for span in link_lines(text, s, e)]
    return sorted((u for u in out if outside_links(links, u.start)), key=lambda u: u.start)


# a heading's first line is read with the next one when it is this short (株洲市 | 渌口区人力资源和社会保障局)
HEADING_WRAP_CHARS = 8
# a heading holds at least a unit's name (three characters and its ending, 某某局) and at most this many characters
HEADING_CHARS = (4, 50)


# a site's menu printed one item a line: a run of at least this many short lines (each no longer than a wrapped
# heading's first line); a report's heading wraps over two, a cover block rarely stacks four short ones
MENU_RUN_LINES = 4
# a menu printed on one line: at least this many items of two or more characters between spaces or tabs (首页 \t
# 政府信息公开指南 \t …); a scan letter-spaces a heading one character an item, a wrap splits it in two or three
MENU_LINE_ITEMS = 4


def _menu_lines(lines: list[str], sizes: list[int]) -> list[bool]:
    """Per line, whether it is an item of a site's menu (one a line, in a run of short lines) or a whole menu line."""
    short = [0 < n <= HEADING_WRAP_CHARS for n in sizes]
    out = [sum(len(w) >= 2 for w in line.split()) >= MENU_LINE_ITEMS for line in lines]
    k = 0
    while k < len(lines):
        run = k
        while run < len(lines) and short[run]:
            run += 1
        if run - k >= MENU_RUN_LINES:
            out[k:run] = [True] * (run - k)
        k = max(run, k + 1)
    return out


def _heading_org(lines: list[tuple[int, str]]) -> Span | None:
    """The unit a heading of these lines names, whitespace skipped; offsets into the text."""
    t = "".join("".join(line.split()) for _, line in lines)  # split() drops what isspace() calls a space
    if not HEADING_CHARS[0] <= len(t) <= HEADING_CHARS[1] or _HEADING_NOT_ORG.match(t) or _METADATA_FIELD.match(t) \
            or re.search(r"[,，。;；:：、]", t):
        return None
    m = _HEADING_ORG.match(t)
    if m is None or _SITE_NAME.search(m.group("org")) or _ONE_PROJECT.search(m.group("subject") or ""):
        return None
    # offsets only for a heading found (this runs on every short line)
    pos = [start + i for start, line in lines for i, ch in enumerate(line) if not ch.isspace()]
    return Span(text=m.group("org"), start=pos[m.start("org")], end=pos[m.end("org") - 1] + 1)


def _over_navigation(lines: list[tuple[int, str]], k: int) -> bool:
    """Whether the first line from ``k`` on that holds words is a site's navigation (网站首页 | 机构概况 | …)."""
    after = next((line for _, line in lines[k:] if line.strip()), "")
    return _NAVIGATION.search(after) is not None
