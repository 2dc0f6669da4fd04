"""Time the parser on hostile inputs: long runs of the characters its readers scan (issue 21).

Each case is built at several sizes; a reader that stays linear takes about k times as long on an input
k times larger (from 16k to 64k characters: 4x; issue 21 asks for at most 5x).

    python bench/hostile.py                         # a table: case, seconds per size, ratio last/first
    python bench/hostile.py --sizes 2000 4000 8000 16000 64000
    python bench/hostile.py --only pager seal           # the cases whose names hold a word
"""

from __future__ import annotations

import argparse
import time

from jixiao.pipelines.extract import Extractor

CASES = {
    "pipes": lambda n: "|" * n,
    "spaced pipes": lambda n: "| " * n + "x",
    "spaces then a pipe": lambda n: " " * n + "|\n" + "a |\n" * 20,
    "one-cell lines": lambda n: "\n\n".join(["项目名称"] * (n // 4)),
    "spaced characters": lambda n: ("项 " * (n // 2) + "\n") * 3,
    "a title run": lambda n: "绩" * n + "绩效自评报告\n",
    "an indicator run": lambda n: "补" * n + "指标为100%实际完成值为",
    "pinyin": lambda n: "績(biāo)" * (n // 7),
    "digits after headers": lambda n: "项目名称 一级指标 " + "9" * n,
    "empty pipe runs": lambda n: ("| " * 40 + "x ") * (n // 80),
    "run-together rows": lambda n: "\n".join(["年度资金总额:" + "1" * (n // 10) + "%"] * 10),
    "run-together words": lambda n: "\n".join(["数量指标一级指标二级指标" * (n // 120)] * 10),
    "a tab run (fuzz, issue 21)": lambda n: "x" + "\t" * n,
    "box rules": lambda n: ("│" + "─" * (n // 3) + "│\n") * 3,
    "box cells": lambda n: ("┌" + "─" * (n // 6) + "┐\n" + "│" + "a│" * (n // 6) + "\n") * 3,
    "frame index lines": lambda n: "\n".join(f"{k}  " + "x  NaN  " * (n // 80) for k in range(10)),
    "glued pipes": lambda n: ("a| " * (n // 9) + "\n") * 3,
    "grid columns": lambda n: "一级指标 二级指标 三级指标 分值 得分\n" + ("a " * (n // 20) + "\n") * 10,
    "a run of line breaks (fuzz, 7771)": lambda n: "\n" * n + "项目名称一级指标二级指标三级指标年度指标值实际完成值" * 3,
    "a line of spaces (fuzz)": lambda n: " " * n + "\n" + "a |\n" * 20,
    "blank runs (fuzz)": lambda n: ("\u3000 \t" * (n // 30) + "目标值\n") * 10,
    "ruled spaced cells": lambda n: ("丨 效 益 " * (n // 12) + "丨\n") * 3,
    "names broken over rows": lambda n: "一级指标 二级指标 三级指标 指标值\n" + "产出指标 数量指标 名称\n人次 ≥1 达成预期指标\n" * (n // 40),
    # the 100k run of seed 21, inputs still over 2 s after the hangs were fixed (8273, 61030, 13307, 92311)
    "blanks after cues (fuzz)": lambda n: "防控物资补助项目绩效自评报告\n1.发放率,年初目标值=100%,实际完成" + " " * n + "绩" * 40 + "\n",
    "tabs inside a line (fuzz)": lambda n: "窗口事项" + "\t" * n + "结率 |\n" + "a |\n" * 20,
    "tabs inside a pipe row (fuzz)": lambda n: "| a x" + "\t" * n + "b |\n" + "| c | d |\n" * 5,
    "a label glued to a run (fuzz)": lambda n: "项目名称" + "绩" * n,
    "one character a line (fuzz)": lambda n: "\n".join("资金" * (n // 4)),
    # session 4: the fuzz run at 60000 (input 60560) and the hostile run after the invented-layouts round
    "words of a collapsed account table (fuzz)": lambda n: "一般公共预算财政拨款支出决算表\n" + " ".join(["社会保障"] * (n // 5))
    + " 合计 100\n",
    # helper coll4: a long run of funds header words (collapsed), read once
    "funds header words (collapsed)": lambda n: "项目名称 甲 " + "年初预算数 全年预算数 " * (n // 12),
    # helper s5_col: final-accounts sheets saved as CSV, scan slips, headers inside a body, spaced header rows
    "comma sheet rows (accounts)": lambda n: "收入决算表\n" + ("科目编码,科目名称,\"1,000.00\",,\n" * (n // 30)),
    "an open quote in comma rows": lambda n: "收入决算表\n" + "a,\"b,c,d\n" * (n // 8),
    "slipped digits in a cell": lambda n: "支出决算表\n科目编码\t科目名称\t合计\n合计\t\t1" + "O" * n + ".00\n",
    "headers inside a body": lambda n: "收入支出决算总表\n项目\t行次\t金额\n"
    + "".join(f"收入{k}\t{k}\t1.00\n项目\t行次\t合计{k}\n" for k in range(n // 30)),
    # helper s8_fa3: a web page's space-joined cells that do not line up (gaps of many widths), names wrapped in cells
    "scattered spaced rows (accounts)": lambda n: "收入决算表\n项目  合计  基本支出  项目支出\n" + "".join(
        f"{i}  名称{' ' * (i % 97 + 2)}{i}.00  {i}.50  1.00\n" for i in range(n // 40)),
    "wrapped names (accounts)": lambda n: "支出决算表\n科目编码\t科目名称\t合计\n" + "201\t一般\t\n\t公共\t1.00\n" * (n // 20),
    "spaced header rows": lambda n: "支出决算表\n" + "项目    合计    基本支出\n科目编码 科目名称\n" * (n // 40)
    + "合计    1.00    2.00\n",
    # helper g1: levels joined before an indicator's name (产出指标—数量指标—名称：…), a long run of separators
    # session 6 fuzz (413424): a space-row line of many words, each word's column counted from the line's start
    "a long line of words under a header": lambda n: "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
    + "产出指标 数量指标 名称 ≥1个 1个 10 10\n" * 3 + "字 " * (n // 2) + "\n",
    # session 6 review: a trailing-punctuation regex retried at every character of a run not at the end
    "a run of full-width commas": lambda n: "项目名称 一级指标 " + "，" * n + " 得分",
    "colons after a header word": lambda n: "一级指标 二级指标 三级指标 分伹" + ":" * n + "x 得分\n",
    # helper s8_invan: python-docx dumps (repeated merged cells, rows broken in cells), pdfminer column order
    "repeated label cells (python-docx)": lambda n: "项目名称\t项目名称\t甲\n" * 2 + "\t".join(["全年预算数"] * (n // 12))
    + "\n" + "\t".join(["1"] * (n // 4)) + "\n" + "a\n" * (n // 40),
    "stacked labels over a column block": lambda n: "项目名称\n\n" * (n // 12) + "一级指标\n产出指标\n二级指标\n数量指标\n"
    "三级指标\n甲\n年度指标值\n1\n实际完成值\n1\n分值\n10\n得分\n10\n",
    "level separators (prose)": lambda n: "某项目绩效自评报告\n（1）产出指标" + "— " * (n // 2) + "名称：年度指标值1，全年实际值1\n",
    # helper s6_pdf: a wrapped header over rows whose cells wrap (level tails, centered level lines), and header
    # words printed one a line as if column by column
    "wrapped rows (PDF layer)": lambda n: "一级指 二级指 三级指标 年度指标 实际完成 分值 得分\n标 标 值 值\n"
    + " 产出指 数量指 养护里程 ≥1公里 1公里 1 1\n 标 标 长度\n 数量指标\n 时效指标 补助\n" * (n // 60),
    "header words a line (column stream)": lambda n: "一级指标\n产出指标\n二级指标\n数量指标\n三级指标\n" * (n // 30)
    + "分值\n1\n得分\n1\n",
    # helper s6_prose: result lines joined to a target stated above, field blocks, a quoted name, actual-first figures,
    # a hard-wrapped page
    "result lines (prose)": lambda n: "某项目绩效自评报告\n产出指标：名称1个；\n" + "1.名称：完成1个，得1分。\n" * (n // 14),
    "field blocks (prose)": lambda n: "某项目绩效自评报告\n" + "指标名称：甲乙\n年度目标：1个\n得分：1分\n" * (n // 24),
    "a quoted name (prose)": lambda n: "我局对“" + "甲" * n + "”开展了绩效自评\n全年预算数1万元\n",
    "actual-first figures (prose)": lambda n: "某项目绩效自评报告\n完成名称" + "1" * n + "个，年度目标1个。\n",
    "a hard-wrapped page (prose)": lambda n: "某项目绩效自评报告\n" + "名称年度目标1户，实际完\n成2户；" * (n // 20) + "\n",
    # session 7: a list sentence of many names and values, targets restated far apart, a long clause of spaces
    "a parallel list (prose)": lambda n: "某项目绩效自评报告\n分别是" + "“甲乙”和" * (n // 5) + "“丙丁”，目标值分别为"
    + "1个和" * (n // 4) + "2个，实际完成值分别为1个。\n",
    "targets restated (prose)": lambda n: "某项目绩效自评报告\n" + "".join("名称" + chr(0x4E00 + k % 20000) + "甲乙12个；" for k in range(n // 9))
    + "\n" + "名称甲乙丙13个；" * (n // 9) + "\n",
    "name (target/actual) pairs (prose)": lambda n: "某项目绩效自评报告\n数量指标：" + "甲乙（1个/2个）、" * (n // 10) + "\n",
    "numbered lists (prose)": lambda n: "某项目绩效自评报告\n" + "".join(f"{k % 99 + 1}.甲乙丙丁{k}个；\n" for k in range(n // 10)),
    "a field clause of spaces (prose)": lambda n: "某项目绩效自评报告\n“甲乙”，目标值" + " " * n + "1个，实际完成值2个。\n",
    # helper s8_invag: numbered preview chunks each followed by the next, pipe rows ending on a filled cell
    "numbered preview chunks": lambda n: "\n\n".join(f"{k % 99 + 1}、项目名称一级指标二级指标三级指标甲"
                                                   for k in range(n // 24)),
    "pipe rows ending on a filled cell": lambda n: "a | b | 1 | ||||\n" * 5 + "a | b | 1\n" * (n // 10),
    # helper s8_invai: questions and answers, fields joined by bars, a short name, a question of blanks
    "questions and answers (prose)": lambda n: "某项目绩效自评报告\n" + "问：名称完成了多少？\n答：目标1个，实际2个，分值1分。\n" * (n // 30),
    "fields joined by bars (prose)": lambda n: "某局2023年度项目支出绩效自评报告\n【项目名称】甲乙\n"
    + "指标：名称｜目标：1个｜完成：2个｜分值：1｜得分：1\n" * (n // 30),
    "a question of blanks (prose)": lambda n: "某项目绩效自评报告\n问：" + " " * n + "名称是多少？\n答：目标1个，实际2个。\n",
    "a narrative of leads (prose)": lambda n: "某项目绩效自评报告\n" + "从产出看，全年计划新建名称1个，实际建成2个，较计划的1个提前，"
    * (n // 40) + "\n",
    # helper s8_invaj: letter-spaced labels, 一是… lists, cued pairs in brackets, actuals before bracketed targets, result
    # lines restating words, thousands in values, bracketed block names
    "letter-spaced labels (prose)": lambda n: "项目支出绩效自评报告\n" + "项 目 名 称：甲乙\n" * (n // 10),
    "enumerated lists (prose)": lambda n: "某项目绩效自评报告\n" + ("目标：" + "".join(f"{c}是甲乙丙丁1个；" for c in "一二三四五六七八九十")
                                                          + "\n") * (n // 100),
    "cued pairs in brackets (prose)": lambda n: "某项目绩效自评报告\n数量指标2项，分别为" + "甲乙（年度目标1个，实际完成2个）和" * (n // 18)
    + "\n",
    "actuals before targets (prose)": lambda n: "某项目绩效自评报告\n产出指标中：" + "甲乙：2个（目标1个）、" * (n // 12) + "\n",
    "result lines in words (prose)": lambda n: "某项目绩效自评报告\n甲乙丙丁长期有效；\n" + "1.甲乙丙丁：长期有效。\n" * (n // 13),
    "thousands in a value (prose)": lambda n: "某项目绩效自评报告\n名称，目标值" + "1,000" * (n // 5) + "个，实际完成2个。\n",
    "bracketed block names (prose)": lambda n: "某项目绩效自评报告\n" + "【甲乙】\n年度目标：1个\n完成情况：2个\n" * (n // 22),
    # helper s8_invak: a summary table of projects in text, keyed / bulleted project headings, numbered list items,
    # a header line of many cells, a heading line of spaces
    "a summary table of projects (prose)": lambda n: "单位：万元\n序号 项目名称 主管部门 预算数 执行数 执行率 自评得分\n"
    + "".join(f"{k % 99 + 1} 甲乙项目{k} 某局 1 1 100% 90\n" for k in range(n // 30)) + "1.甲乙项目1\n",
    "a summary header of many cells (prose)": lambda n: "项目名称 预算数 执行数 执行率 得分 " + "甲 " * (n // 2) + "\n"
    + "1 " * (n // 2) + "\n",
    "keyed project headings (prose)": lambda n: "".join(f"◆（一）子项目{k % 9 + 1}：甲乙{k}\n预算资金1万元，执行率100%。\n"
                                                       for k in range(n // 30)) + "三、部门整体自评结论\n",
    "spaces before a keyed heading (prose)": lambda n: ("\u3000 " * (n // 20) + "◆" + " " * (n // 20) + "项目1：甲\n") * 10,
    "numbered project items (prose)": lambda n: "".join(f"\u3000\u30001.甲乙{k}项目（实施单位：某中心）。全年预算1万元，执行率100%。\n"
                                                       for k in range(n // 40)),
    # helper s8_invam: a scan's pages (cut sentences, footers, running titles, seals over figures), indented lines
    "scanned pages (prose)": lambda n: "某项目绩效自评报告\n" + ("    名称,目标值1个,完成值\n- 2 -\n某项目绩效自评报告\n"
                                                          "2个,得分 财务专用章 9分,完成8某县某局\n7%\n") * (n // 60),
    "a seal's run of spaces": lambda n: "1" + " " * n + "某县财政局 2\n",
    # helper s8_invap: pledge clauses, runs of level words and 其中 before a name
    "pledges after level words (prose)": lambda n: "某项目绩效自评报告\n" + "数量指标方面，其中：" * (n // 20)
    + "名称确保1个，已完成2个；" * (n // 40) + "\n",
    # session 12 hardening (helper s12_hd): the paths this session's merges added (glued OCR rows, 其中 rows, 栏次 runs,
    # slipped score words, seals under a bureau, pagers and site lines inside a run, spaced and comma account rows,
    # repeated and centred account headers, decimals run together, key labels, name rows, link titles, cell streams)
    "glued category cells (OCR rows)": lambda n: "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
    + "产出指标数量指标新建站点\t≥30个\t32个\t10\t10\n" * (n // 30),
    "glued header words (OCR rows)": lambda n: "绩效指标一级指标二级指标三级指标年度指标值实际完成值分值得分\n" * (n // 30)
    + "名称\t1\t2\t3\n" * 5,
    "glued head fields (OCR rows)": lambda n: "项目名称某项目主管部门某局实施单位某中心\n" * (n // 20) + "名称\t1\t2\t3\n" * 5,
    "a glued run of header words": lambda n: "一级指标" * (n // 4) + "\n" + "名称\t1\t2\t3\n" * 5,
    "of-which rows (funds)": lambda n: "年度资金总额\t1\t1\t100%\n" + "其中：当年财\t1\t1\n" * (n // 12),
    "a bare column-number run": lambda n: "支出决算表\n项目    合计    基本支出\n" + " ".join(str(k) for k in range(1, n // 6)) + "\n"
    + "合计    1.00    2.00\n",
    "column-number rows (accounts)": lambda n: "支出决算表\n项目    合计    基本支出    项目支出\n"
    + "1    2    3    4\n合计    1.00    2.00    3.00\n" * (n // 50),
    "slipped score words (分直/得兮)": lambda n: "一级指标 二级指标 三级指标 分直 得兮\n" + "分直 得兮 " * (n // 6) + "\n",
    "seal lines (专用章 under a bureau)": lambda n: "甲 财政局 " * (n // 12) + "\n" + "a 专用章 " * (n // 12) + "\n",
    "a long pager line": lambda n: "项目名称一级指标\n上一页 " + "1 " * (n // 2) + "下一页\n二级指标三级指标\n",
    "pagers between run lines": lambda n: "项目名称一级指标\n" + "上一页 1 2 下一页\n展开全文\n" * (n // 20) + "二级指标三级指标\n",
    "site lines inside a run": lambda n: "项目名称一级指标二级指标\n" + "展开全文\n" * (n // 5) + "三级指标年度指标值实际完成值\n",
    "lines of many spaced cells": lambda n: ("甲 " * (n // 20) + "\n") * 10,
    "a long comma line (accounts)": lambda n: "收入决算表\n" + "a," * (n // 2) + "\n",
    "indented comma cells (accounts)": lambda n: "收入决算表\n科目编码,科目名称,合计\n" + "21301,  农业农村,1.00\n" * (n // 22),
    "a repeated tab header (accounts)": lambda n: "收入支出决算总表\n项目\t行次\t金额\n"
    + "项目\t行次\t金额\n收入\t1\t1.00\n" * (n // 24),
    "a moving spaced header (accounts)": lambda n: "支出决算表\n"
    + "".join(f"{' ' * (k % 7)}项目    合计    基本支出\n合计    1.00    2.00\n" for k in range(n // 40)),
    "many header lines over columns (accounts)": lambda n: "支出决算表\n" + "预算数    合计    基本支出    项目支出    其他\n"
    * (n // 50) + "合计    1.00    2.00    3.00    4.00\n" * 3,
    "a wide centred header (accounts)": lambda n: "支出决算表\n" + "        预算数        \n" * 3
    + "  ".join(["合计"] * (n // 8)) + "\n" + ("合计 " + "  ".join(["1.00"] * (n // 8)) + "\n") * 3,
    "decimals run together": lambda n: "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
    + "产出指标 数量指标 名称 ≥1个 1个 7.56.5\n" * (n // 30),
    "a long run of glued decimals": lambda n: "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
    + "产出指标 数量指标 名称 ≥1个 1个 " + "7.5" * (n // 3) + "\n",
    "manner targets (按…)": lambda n: "一级指标 二级指标 三级指标 指标值 完成情况\n" + "产出指标 数量指标 名称按季度提交 达成预期指标\n" * (n // 30),
    "digit colons (value spaces)": lambda n: "1：" * (n // 2) + "\n",
    "key project labels (value spaces)": lambda n: "项目1：甲 乙\n" * (n // 8),
    "name words on one line": lambda n: "名称" * (n // 2) + "\n",
    "name rows (row name breaks)": lambda n: "项目名称 2023年柳\n湾社区项目 项目负责人及电话 某人\n" * (n // 30),
    "link titles (title breaks)": lambda n: "下一篇：某局2023年度某资金项目\n支出绩效自评报告\n" * (n // 26),
    "a one-line link title": lambda n: "下一篇：" + "某" * n + "\n报告\n",
    "one cell a paragraph, numbers": lambda n: "一级指标\n\n二级指标\n\n三级指标\n\n指标值\n\n" + "1\n\n" * (n // 3),
    "stream rows of merged scores": lambda n: "一级指标\n\n二级指标\n\n三级指标\n\n年度指标值\n\n实际完成值\n\n分值\n\n得分\n\n"
    + "产出指标\n\n数量指标\n\n甲\n\n≥1个\n\n1个\n\n10\n\n10\n\n" + "乙\n\n≥1个\n\n1个\n\n" * (n // 15),
    "a funds row's rate (funds)": lambda n: "项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n年度资金总额 "
    + "1 " * (n // 2) + "99% 10\n",
    "a merged-down header (indicators)": lambda n: ("绩效指标\t\t\t指标值\t\t分值\t得分\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t\t\n")
    * (n // 60) + "产出指标\t数量指标\t甲\t1\t1\t10\t10\n",
    "notice lines (page lines)": lambda n: "仅供个人学习参考 " + " " * n + "返回顶部\n" + "精品文档\n" * (n // 5),
    "worded targets with leads": lambda n: "一级指标 二级指标 三级指标 指标值 完成情况\n" + "产出指标 数量指标 名称持续提升 达成预期指标\n" * (n // 30),
    # (fuzz seed 1212, inputs 32 and 84: an amount before its label searched from each digit of a run)
    "a run of digits before amounts (prose)": lambda n: "某项目绩效自评报告\n" + "9" * n + "x\n共120万元的年初预算。\n",
    "digit lines near a pager": lambda n: "上一页 1 2 下一页\n" + ("1" * 40 + "x\n") * (n // 42) + "正文。\n",
    "a seal line under a long line": lambda n: "甲 财政局 " + "乙" * n + "\n" + "a 专用章 " * (n // 8) + "\n",
}


def main(sizes: list[int], only: list[str] | None = None) -> None:
    extractor = Extractor.from_settings(load_tagger=False)
    extractor.extract_text("项目名称老字号", mode="parser")  # jieba's dictionary loads on first use, not in a case
    print(f"{'case':44}" + "".join(f"{n:>9}" for n in sizes) + f"{'ratio':>8}")
    for name, make in CASES.items():
        if only and not any(o in name for o in only):
            continue
        times = []
        for size in sizes:
            t0 = time.perf_counter()
            extractor.extract_text(make(size), mode="parser")
            times.append(time.perf_counter() - t0)
        ratio = times[-1] / max(times[0], 1e-9)
        print(f"{name:44}" + "".join(f"{t:9.3f}" for t in times) + f"{ratio:8.1f}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[16000, 64000], help="characters per input")
    ap.add_argument("--only", nargs="+", help="the cases whose names hold one of these words")
    args = ap.parse_args()
    main(args.sizes, args.only)
