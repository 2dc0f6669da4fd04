"""The 部门决算 tables' words (contract section 6: final_accounts.py, account_*.py)."""

from __future__ import annotations

import re
from functools import lru_cache

from jixiao.record import YUAN_PER_QIAN, YUAN_PER_WAN
from jixiao.pipelines.vocab.tables import INDICATOR_HEADERS, LABEL_CACHE_SIZE, TEMPLATE_INDICATOR_HEADER, header_core
from jixiao.pipelines.vocab.cells import TARGET_ACTUAL_HEADER


# ---- final-accounts tables (部门决算表, contract section 6: final_accounts.py, account_grid.py, account_checks.py)
# The standard tables, most specific first: (kind, words every one of which the title holds). A title is a
# short line ending in 表 that holds 决算 or 统计表 and one of these; the kind names the table in checks.
ACCOUNT_TABLE_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("government_funds", ("政府性基金",)),
    ("state_capital", ("国有资本经营",)),
    ("three_public", ("三公",)),
    ("basic_expenditure", ("基本支出",)),
    ("general_budget_expenditure", ("一般公共预算", "支出决算")),
    ("fiscal_summary", ("财政拨款收入支出决算总表",)),
    ("summary", ("收入支出决算总表",)),
    ("income", ("收入决算表",)),
    ("expenditure", ("支出决算表",)),
    ("information", ("统计表",)),
)
# tables a 部门决算 also prints that are none of the standard ones (contract section 6): a 项目支出决算表 (projects'
# 预算数 / 决算数, 一般公共预算财政拨款项目支出决算表), a 机关运行经费 table; their titles hold a standard title's words
ACCOUNT_TITLE_OUT_OF_SCOPE = re.compile(r"项目支出决算|机关运行经费")
# a title line: ends in 表 (决算表, 决算总表, 决算明细表, 统计表), a continuation mark allowed after it
ACCOUNT_TITLE = re.compile(r"^(?:\d{4}年度?)?[^\t]{0,40}?(?:决算(?:总|明细)?表|相关信息统计表)(?:[(（]?续(?:表)?[)）]?)?$")
ACCOUNT_CONTINUED = re.compile(r"[(（]?续(?:表)?[)）]?$")
# a leading ordinal (五、, (五), 5.) or 表1 before a title; a part heading (第二部分) is no title
ACCOUNT_TITLE_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．](?!\d)|表\s*\d{1,2}[、.．:：]?)")
ACCOUNT_PART_HEADING = re.compile(r"^第[一二三四五六七八九十\d]+部分")
# 表号: 公开05表, 02表, 公开10-1表; a province's own numbering: 财决03表, 附表2, 表1-6; printed beside the title or
# on the lines under it
ACCOUNT_NUMBER = re.compile(r"(?:(?:公开|部门|单位|财决)?\d{1,2}(?:-\d{1,2})?表|附表\d{1,2}(?:-\d{1,2})?(?!\d)"
                            r"|表\d{1,2}-\d{1,2}(?!\d))")
# a 表号 printed alone on the line above its title (公开05表, **公开05表**, 表七: a bureau numbering 表一..表十)
ACCOUNT_NUMBER_ABOVE = re.compile(r"^[#*]*(" + ACCOUNT_NUMBER.pattern + r"|表[一二三四五六七八九十]{1,3})[*]*$")
# a 表号 printed before the title on its line (表1-6  一般公共预算财政拨款基本支出决算表)
ACCOUNT_NUMBER_LEADING = re.compile(r"^(?:附表\d{1,2}(?:-\d{1,2})?|表\d{1,2}-\d{1,2}|(?:公开|财决)\d{1,2}(?:-\d{1,2})?表)"
                                    r"(?=[^\d\-])")
# Markdown marks around a title line (### 收入决算表, **收入决算表**): no part of the title
ACCOUNT_TITLE_MARKUP = re.compile(r"^[#*]+|[*]+$")
ACCOUNT_ENTITY = re.compile(
    r"(?:部门名称|单位名称|编制部门|编制单位|填报单位|部门(?=[:：]))(?:[(（](?:公章|盖章|章)[)）])?[:：]?(.+?)(?=\d{4}年|(?:金额)?单位[:：]|(?:公开)?\d{1,2}表|$)")
ACCOUNT_YEAR = re.compile(r"(20\d{2}|19\d{2})年度?")
ACCOUNT_UNIT = re.compile(r"单位[:：]?(万元|千元|元)")
# the unit -> yuan
ACCOUNT_UNIT_FACTOR: dict[str, float] = {"万元": YUAN_PER_WAN, "千元": YUAN_PER_QIAN, "元": 1.0}
# a row whose label names a count unit keeps its number as printed: 车辆数合计(辆), 机构数(个)
ACCOUNT_COUNT_UNIT = re.compile(r"[(（](?:辆|个|人|台|套|处|次|户|家|项|座|名|平方米|㎡|人次)[)）]")
# (如本表为空，则… is a condition, not the statement; a table that prints numbers has data whatever its notes say)
ACCOUNT_NO_DATA = re.compile(r"(?<![如若])本表(?:无数据|为空表?)(?![,，]?则)")
# a note or a part heading ends a table
ACCOUNT_TABLE_END = re.compile(r"^(?:注|备注|说明|填报说明)\s*[:：\d]|^第[一二三四五六七八九十\d]+部分")
# column header cells: the code column (or its 类/款/项 parts), the label column, 行次, and the 栏次 row
# (经济科目编码: a province's header naming the classification without 分类)
ACCOUNT_CODE_HEADER = re.compile(r"^(?:(?:功能|经济)分类|分类|功能|经济)?(?:科目)?(?:代码|编码)(?:[(（].*[)）])?$")
ACCOUNT_CODE_PARTS: tuple[str, ...] = ("类", "款", "项")
ACCOUNT_LABEL_HEADER = re.compile(r"^(?:(?:功能|经济)分类|分类|功能|经济)?(?:科目|项目)(?:名称)?(?:[(（].*[)）])?$|^收入项目$|^支出项目$"
                                  r"|^(?:科目)?(?:代码|编码)[及和/]?科目名称$")  # code and name in one cell: a label
ACCOUNT_LINE_HEADER = "行次"
ACCOUNT_STUB_ROW = "栏次"
# total rows: 合计, 本年收入合计, 总计, 小计, 人员经费合计
ACCOUNT_TOTAL = re.compile(r"(?:合计|总计|小计)$")
# a table's rules as an OCR'd scan prints them beside the first or last cell of a row: never part of a cell
ACCOUNT_RULE_MARKS = "|丨│┃"
# a cell holding no amount: a dash of any length
ACCOUNT_BLANK = re.compile(r"^[-—－–_/\\]*$")
# a leading ordinal on a row label: 一、 (一) 1. and a bare numeral whose 、 was lost (kept apart: 一般 starts
# with one); the bare form is dropped only where the rows beside it print the full one
ACCOUNT_ROW_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．](?!\d))")
ACCOUNT_OF_WHICH = re.compile(r"^其中[:：]?")
ACCOUNT_BARE_ORDINAL = re.compile(r"^[一二三四五六七八九十]{1,3}")
# a label that carries its code: 208 社会保障和就业支出, [30101]基本工资
ACCOUNT_LABEL_CODE = re.compile(r"^[\[【]?(\d{3}(?:\d{2}){0,2})[\]】]?(?=[^\d.])")
# 基本支出 by economic class: 人员经费 is 工资福利支出 (301) and 对个人和家庭的补助 (303), 公用经费 the other classes
ACCOUNT_PERSONNEL_CLASSES: tuple[str, ...] = ("301", "303")
ACCOUNT_PERSONNEL_TOTAL = re.compile(r"^人员经费(?:合计)?$")
ACCOUNT_PUBLIC_TOTAL = re.compile(r"^公用经费(?:合计)?$")
# the rows of a 总表 the identities name: 本年收入合计 / 本年支出合计 and 总计
ACCOUNT_YEAR_INCOME_TOTAL = re.compile(r"^本年收入合计$")
ACCOUNT_YEAR_EXPENSE_TOTAL = re.compile(r"^本年支出合计$")
ACCOUNT_GRAND_TOTAL = re.compile(r"^总计$")
ACCOUNT_TABLE_TOTAL = re.compile(r"^(?:合计|总计)$")
# a 总表's carry lines between its 本年…合计 and its 总计: 使用非财政拨款结余, 用事业基金弥补收支差额 (the older 事业单位
# form), 年初结转和结余 (收入 side), 结余分配, 年末结转和结余 (支出 side); a breakdown line under one (一般公共预算财政拨款)
# names neither and is no addend
ACCOUNT_CARRY_LINE = re.compile(r"结转|结余|弥补收支差额")
# a 三公 table printed one item a row: its 合计 is the sum of the three items, the vehicle item the sum of its parts
ACCOUNT_THREE_PUBLIC_ITEMS: tuple[re.Pattern, ...] = (
    re.compile(r"^因公出国[(（]境[)）]费(?:用)?$"), re.compile(r"^公务用车购置及运行(?:维护)?费$"), re.compile(r"^公务接待费$"))
ACCOUNT_VEHICLE_ITEM = ACCOUNT_THREE_PUBLIC_ITEMS[1]
ACCOUNT_VEHICLE_PARTS = re.compile(r"^(?:其中[:：]?)?公务用车(?:购置费|运行(?:维护)?费)$")
# the standard tables in the order a 部门决算 prints them (公开01表 … 公开10表), with their standard titles
ACCOUNT_TABLE_KINDS_PRINTED: tuple[tuple[str, str], ...] = (
    ("summary", "收入支出决算总表"),
    ("income", "收入决算表"),
    ("expenditure", "支出决算表"),
    ("fiscal_summary", "财政拨款收入支出决算总表"),
    ("general_budget_expenditure", "一般公共预算财政拨款支出决算表"),
    ("basic_expenditure", "一般公共预算财政拨款基本支出决算表"),
    ("government_funds", "政府性基金预算财政拨款收入支出决算表"),
    ("state_capital", "国有资本经营预算财政拨款支出决算表"),
    ("three_public", "财政拨款“三公”经费支出决算表"),
    ("information", "部门决算公开相关信息统计表"),
)
# The standard header of each table (the national template), for a table whose first page, title and header
# are lost and whose rows survive after the table before it: kind -> header rows. The 基本支出 table's
# panel (科目代码 | 科目名称 | 决算数) repeats as often as the rows have room for.
_ACCOUNT_CODED = ("科目代码", "科目名称")
ACCOUNT_STANDARD_HEADERS: dict[str, tuple[tuple[str, ...], ...]] = {
    "summary": (("收入", "", "", "支出", "", ""), ("项目", "行次", "金额", "项目", "行次", "金额")),
    "income": ((*_ACCOUNT_CODED, "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入",
                "附属单位上缴收入", "其他收入"),),
    "expenditure": ((*_ACCOUNT_CODED, "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"),),
    "fiscal_summary": (("收入", "", "", "支出", "", "", "", "", ""),
                       ("项目", "行次", "金额", "项目", "行次", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款",
                        "国有资本经营预算财政拨款")),
    "general_budget_expenditure": (("项目", "", "本年支出", "", ""), (*_ACCOUNT_CODED, "小计", "基本支出", "项目支出")),
    "government_funds": (("项目", "", "年初结转和结余", "本年收入", "本年支出", "", "", "年末结转和结余"),
                         (*_ACCOUNT_CODED, "", "", "小计", "基本支出", "项目支出", "")),
    "state_capital": (("项目", "", "本年支出", "", ""), (*_ACCOUNT_CODED, "合计", "基本支出", "项目支出")),
    "basic_expenditure": (("人员经费", "", "", "公用经费"), (*_ACCOUNT_CODED, "决算数")),
}
# the standard tables' leaves of more than one word (a header cell wrapped over two lines joins to one of these)
ACCOUNT_STANDARD_LEAVES: frozenset[str] = frozenset(
    t for rows in ACCOUNT_STANDARD_HEADERS.values() for row in rows for t in row if len(t) >= 4)
# the unit a lost first page printed, as the notes under the rows say it: 本表金额转换成万元时…
ACCOUNT_NOTE_UNIT = re.compile(r"(?:转换成|单位[:：]?|单位为)(万元|千元)")
# text whose newlines and tabs became spaces (account_collapsed.py): a title is a whole token; the header
# begins at its first header word; the rows end at the note under them
_ACCOUNT_TITLE_WORD = r"(?:决算(?:总|明细)?表|相关信息统计表)"
ACCOUNT_TITLE_INLINE = re.compile(rf"(?:(?<=\s)|^)((?:[一二三四五六七八九十]+、)?\S{{0,40}}?{_ACCOUNT_TITLE_WORD})(?=\s|$)")
# the word such a title ends with, at its token's end: where a scan for titles need look (account_collapsed.py)
ACCOUNT_TITLE_INLINE_END = re.compile(rf"{_ACCOUNT_TITLE_WORD}(?=\s|$)")
ACCOUNT_HEADER_START = re.compile(r"(?:^|\s)(?:项\s?目|科目代码|科目编码|功能分类|收入|人员经费|预算数|一、政府采购情况)(?=\s)")
ACCOUNT_NOTE_INLINE = re.compile(r"(?:^|\s)(?:注|备注)\s*[:：]")
# header words a collapsed row never joins to the words beside it
ACCOUNT_HEADER_CELLS: frozenset[str] = frozenset(("项目", "行次", "统计数", "金额", "栏次", "科目代码", "科目名称", "科目编码",
                                                  "决算数", "预算数", "人员经费", "公用经费"))
# a bare ordinal token (8. or (一)) belongs to the words after it
ACCOUNT_ORDINAL_TOKEN = re.compile(r"^(?:\d{1,2}[.、．]|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)$")
ACCOUNT_PART_INLINE = re.compile(r"(?:^|\s)第[一二三四五六七八九十\d]+部分")
# header cells that head other header cells (本年支出 over 小计 / 基本支出 / 项目支出, 预算数 over the 三公 items, 收入 /
# 支出 over a 总表's sides): a header printed one cell per line puts its leaves under them (account_cells.py)
ACCOUNT_HEADER_GROUPS: frozenset[str] = frozenset(("收入", "支出", "本年支出", "本年收入", "预算数", "决算数", "人员经费",
                                                   "公用经费", "财政拨款", "结转和结余"))
# the heads of a two-sided 总表's sides: a group over its side's 项目 | 行次 | 金额 (never a column of its own), even where
# a scan laid the word over none of them (account_scanned_header.py)
ACCOUNT_SIDE_HEADS: frozenset[str] = frozenset(("收入", "支出"))
# a 三公 table printed one item a row: 项目 | 预算数 | 决算数
# a column of the budget beside one of the final accounts (年初预算数 | 决算数 on a province's 总表): the figure the
# other tables print is the 决算 one
ACCOUNT_BUDGET_KEY = re.compile(r"预算数$")
ACCOUNT_FINAL_KEY = re.compile(r"决算数$")
ACCOUNT_THREE_PUBLIC_VERTICAL = ("项目", "预算数", "决算数")
# the table whose codes are economic classification codes (the others print function codes)
ACCOUNT_ECONOMIC_KIND = "basic_expenditure"
# a final-accounts header names at least one of these (chart data under a title heads with a year, not a column)
ACCOUNT_HEADER_WORD = re.compile(r"项目|科目|行次|金额|合计|小计|预算数|决算数|统计数|支出|收入|经费|结转|结余")


@lru_cache(maxsize=LABEL_CACHE_SIZE)  # asked of every header candidate cell; a document repeats them
def indicator_column(text: str) -> str | None:
    """The indicator table column a header word names (``l1``, ``l2``, ``name``, ``target``, ``weight`` ...)."""
    for t in dict.fromkeys((text, header_core(text))):
        if TARGET_ACTUAL_HEADER.match(t):
            return "target"  # (its cells hold the actual too: cut by the indicator reader)
        for slot, rx in INDICATOR_HEADERS:
            if rx.search(t) if slot == "reason" else rx.match(t):
                return slot
    return None


# the national template's indicator columns by slot (l1, l2, name, target, actual, weight, score, reason)
TEMPLATE_INDICATOR_SLOTS: tuple[str, ...] = tuple(s for w in TEMPLATE_INDICATOR_HEADER if (s := indicator_column(w)))
# the columns of a 收入支出 table's balance (年末 = 年初 + 本年收入 − 本年支出): an OCR'd row's lost blank cells are
# placed so that it holds (account_scanned_place.py); the 支出 figure is its 小计 / 合计 leaf under 本年支出
ACCOUNT_OPENING_KEY = re.compile(r"^年初结转和结余$")
ACCOUNT_CLOSING_KEY = re.compile(r"^年末结转和结余$")
ACCOUNT_INCOME_KEY = re.compile(r"^本年收入(?:合计)?$")
ACCOUNT_SPENT_KEY = re.compile(r"^(?:本年支出(?:合计)?|小计)$")
